import Foundation

/// An uncertain count as the kommuner answer it (DOMAIN.md 6.10; 002:3901–3926, 001:5125–5198):
/// a number, a range "8-10" (also with an en dash), "?" (unknown), blank (not answered), "-" (not
/// reported), "ca. 25", or "≤3" (a published, masked 1–3).
public enum Taelling: Equatable, Hashable, Sendable {
    case tal(Int)
    case interval(Int, Int)
    case ukendt
    case ikkeBesvaret
    case ikkeIndberettet
    case cirka(Int)
    case hoejst3

    /// Reads a cell; refuses anything else with a Danish message (the caller names file, row, column).
    public static func fortolk(_ raa: String) throws -> Taelling {
        let s = raa.trimmingCharacters(in: .whitespaces)
        func heltal(_ t: Substring) throws -> Int {
            let t = t.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")
            guard !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) else {
                if t.hasPrefix("-") || t.hasPrefix("−") { throw Valideringsfejl(felt: "antal", besked: "et antal kan ikke være negativt (fik '\(raa)')") }
                throw Valideringsfejl(felt: "antal", besked: "'\(raa)' er ikke et antal; skriv et tal, et interval som 8-10, ?, -, ca. 25 eller ≤3")
            }
            return n
        }
        switch s {
        case "": return .ikkeBesvaret
        case "?": return .ukendt
        case "-", "–": return .ikkeIndberettet
        case "≤3", "<=3", "≤ 3": return .hoejst3
        default: break
        }
        if s.hasPrefix("≤") || s.hasPrefix("<=") {
            throw Valideringsfejl(felt: "antal", besked: "kun ≤3 er en maskeret værdi (fik '\(raa)')")
        }
        if s.lowercased().hasPrefix("ca.") || s.lowercased().hasPrefix("ca ") {
            return .cirka(try heltal(s.dropFirst(3)))
        }
        if s.hasPrefix("-") || s.hasPrefix("−") {
            throw Valideringsfejl(felt: "antal", besked: "et antal kan ikke være negativt (fik '\(raa)')")
        }
        if let i = s.firstIndex(where: { $0 == "-" || $0 == "–" }) {
            let fra = try heltal(s[..<i]), til = try heltal(s[s.index(after: i)...])
            guard fra <= til else { throw Valideringsfejl(felt: "antal", besked: "intervallet '\(raa)' går baglæns; skriv det mindste tal først") }
            return fra == til ? .tal(fra) : .interval(fra, til)
        }
        return .tal(try heltal(Substring(s)))
    }

    /// What the count adds to a sum (DOMAIN.md 6.10): a range its ends, "?", blank and "-" nothing,
    /// "≤3" 1 to 3 — the rule that reproduces the published totals (44-48, 43-47, 42-46).
    public var spaend: Spaend {
        switch self {
        case .tal(let n), .cirka(let n): return Spaend(n, n)
        case .interval(let a, let b): return Spaend(a, b)
        case .ukendt, .ikkeBesvaret, .ikkeIndberettet: return Spaend(0, 0)
        case .hoejst3: return Spaend(1, 3)
        }
    }

    /// An exact 1–3: published as "≤3" (001:5196–5198); 0 stays 0.
    public var skalMaskeres: Bool {
        if case .tal(let n) = self { return (1...3).contains(n) }
        return false
    }

    /// As it is published: 1–3 masked as "≤3", everything else as given. Applied when publishing,
    /// never to stored data.
    public var offentlig: Taelling { skalMaskeres ? .hoejst3 : self }

    public var tekst: String {
        switch self {
        case .tal(let n): return "\(n)"
        case .interval(let a, let b): return "\(a)-\(b)"
        case .ukendt: return "?"
        case .ikkeBesvaret: return ""
        case .ikkeIndberettet: return "-"
        case .cirka(let n): return "ca. \(n)"
        case .hoejst3: return "≤3"
        }
    }
}

/// A closed range of counts; sums of counts are ranges. Written "44-48", or "44" when exact.
public struct Spaend: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let min: Int
    public let max: Int
    public init(_ min: Int, _ max: Int) {
        self.min = min
        self.max = max
    }

    public static let nul = Spaend(0, 0)
    public static func + (a: Spaend, b: Spaend) -> Spaend { Spaend(a.min + b.min, a.max + b.max) }
    public func indeholder(_ s: Spaend) -> Bool { min <= s.min && s.max <= max }
    public var description: String { min == max ? "\(min)" : "\(min)-\(max)" }
}
