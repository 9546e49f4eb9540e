import Foundation
import Takstregler

/// `--format table|csv|json` on every command that prints data.
public enum Udformat: String, CaseIterable, Sendable {
    case table, csv, json
}

/// A cell of printed output; numbers stay Decimal until the last moment.
public enum Tabelcelle: Sendable, Equatable {
    case tekst(String)
    case tal(Decimal, decimaler: Int?)
    case heltal(Int)
    case sandhed(Bool)
    case tom
}

/// Rows with named columns, printed as an aligned table, Danish CSV (`;`, decimal comma, UTF-8)
/// or a JSON array of objects keyed by the column names. The one way the CLI prints data.
public struct Tabel: Sendable {
    public let kolonner: [String]
    public var raekker: [[Tabelcelle]]

    public init(kolonner: [String], raekker: [[Tabelcelle]] = []) {
        self.kolonner = kolonner
        self.raekker = raekker
    }

    public func tekst(_ format: Udformat) -> String {
        switch format {
        case .table: return tabel()
        case .csv: return csv()
        case .json: return json.tekst + "\n"
        }
    }

    /// An array of objects keyed by the column names.
    public var json: JSONVaerdi {
        .array(raekker.map { r in .objekt(zip(kolonner, r.map(\.json)).map { ($0, $1) }) })
    }

    private func tabel() -> String {
        let vist = raekker.map { $0.map(\.visning) }
        var bredder = kolonner.map(\.count)
        for r in vist { for (i, c) in r.enumerated() { bredder[i] = max(bredder[i], c.count) } }
        func linje(_ celler: [String], hoejre: [Bool]) -> String {
            celler.enumerated().map { i, c in
                let fyld = String(repeating: " ", count: bredder[i] - c.count)
                return hoejre[i] ? fyld + c : c + fyld
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let talkolonner = kolonner.indices.map { i in raekker.contains { if case .tal = $0[i] { return true }; if case .heltal = $0[i] { return true }; return false } }
        var ud = [linje(kolonner, hoejre: talkolonner), bredder.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        ud += vist.map { linje($0, hoejre: talkolonner) }
        return ud.joined(separator: "\n") + "\n"
    }

    private func csv() -> String {
        func felt(_ s: String) -> String {
            s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let linjer = [kolonner.map(felt).joined(separator: ";")] + raekker.map { $0.map { felt($0.csv) }.joined(separator: ";") }
        return linjer.joined(separator: "\r\n") + "\r\n"
    }
}

extension Tabelcelle {
    public var visning: String {
        switch self {
        case .tekst(let s): return s
        case .tal(let d, let dec): return dec.map { DanskTal.formater(d, decimaler: $0) } ?? DanskTal.formaterKort(d, maksDecimaler: 6)
        case .heltal(let i): return "\(i)"
        case .sandhed(let b): return b ? "ja" : "nej"
        case .tom: return ""
        }
    }

    /// Danish Excel: decimal comma, no thousands separator (so Excel reads a number).
    public var csv: String {
        switch self {
        case .tal(let d, let dec):
            let s = dec.map { "\(afrundet(d, decimaler: $0))" } ?? "\(d)"
            return s.replacingOccurrences(of: ".", with: ",")
        case .tekst(let s): return Tabelcelle.formelvaernet(s)
        default: return visning
        }
    }

    /// The first characters a spreadsheet reads as the start of a formula (CSV injection).
    static let formeltegn: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// User text in a CSV cell: a leading formula character gets Excel's text marker `'` in front, so
    /// a tilbud named `=HYPERLINK(…)` is shown, never run. Numbers are `.tal` cells and unchanged.
    public static func formelvaernet(_ s: String) -> String {
        guard let f = s.first, formeltegn.contains(f) else { return s }
        return "'" + s
    }

    /// The reverse when a CSV is read back: `'=…` is the text `=…` (only before a formula character,
    /// so an ordinary leading apostrophe stays).
    public static func udenFormelvaern(_ s: String) -> String {
        guard s.hasPrefix("'"), let f = s.dropFirst().first, formeltegn.contains(f) else { return s }
        return String(s.dropFirst())
    }

    public var json: JSONVaerdi {
        switch self {
        case .tekst(let s): return .tekst(s)
        case .tal(let d, let dec): return .tal(dec.map { afrundet(d, decimaler: $0) } ?? d)
        case .heltal(let i): return .tal(Decimal(i))
        case .sandhed(let b): return .bool(b)
        case .tom: return .null
        }
    }
}

/// A tiny JSON writer that prints Decimal exactly (JSONSerialization would go through Double).
public indirect enum JSONVaerdi: Sendable, Equatable {
    case tekst(String)
    case tal(Decimal)
    /// A number written with exactly `decimaler` places (kroner and øre: `1039.00`), rounded half away from zero.
    case fastTal(Decimal, decimaler: Int)
    case bool(Bool)
    case null
    case array([JSONVaerdi])
    case objekt([(String, JSONVaerdi)])

    public static func == (a: JSONVaerdi, b: JSONVaerdi) -> Bool { a.tekst == b.tekst }

    public var tekst: String {
        switch self {
        case .tekst(let s): return JSONTekst.citer(s)
        case .tal(let d): return "\(d)"
        case .fastTal(let d, let n): return DanskTal.formater(d, decimaler: n).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let a): return "[" + a.map(\.tekst).joined(separator: ",") + "]"
        case .objekt(let o): return "{" + o.map { JSONTekst.citer($0.0) + ":" + $0.1.tekst }.joined(separator: ",") + "}"
        }
    }
}

extension JSONVaerdi: Decodable {
    /// Reads JSON with numbers as exact Decimals (JSONDecoder keeps the digits), so a model's
    /// result can be printed as a table without going through floating point.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Decimal.self) { self = .tal(d) }
        else if let s = try? c.decode(String.self) { self = .tekst(s) }
        else if let a = try? c.decode([JSONVaerdi].self) { self = .array(a) }
        else {
            let o = try c.decode([String: JSONVaerdi].self)
            self = .objekt(o.keys.sorted().map { ($0, o[$0]!) })
        }
    }

    /// Flattens to `sti;vaerdi` rows (e.g. `raekker[3].beloeb;1224137`) for table and CSV output.
    public func flad(_ sti: String = "") -> [(String, Tabelcelle)] {
        switch self {
        case .tekst(let s): return [(sti, .tekst(s))]
        // Exact and ungrouped (a year stays 2024), with a decimal comma.
        case .tal(let d): return [(sti, .tekst("\(d)".replacingOccurrences(of: ".", with: ",")))]
        case .fastTal(let d, let n): return [(sti, .tal(d, decimaler: n))]
        case .bool(let b): return [(sti, .sandhed(b))]
        case .null: return [(sti, .tom)]
        case .array(let a): return a.enumerated().flatMap { $0.element.flad("\(sti)[\($0.offset + 1)]") }
        case .objekt(let o): return o.flatMap { $0.1.flad(sti.isEmpty ? $0.0 : "\(sti).\($0.0)") }
        }
    }
}
