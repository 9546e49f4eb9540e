import Foundation

/// A figure a tilbud may decline to give: "oplyses ikke" is an answer of its own, never a zero
/// (001:3031–3330: "Oplyses ikke", "Det er ikke opgjort specifikt ift. domstype 2").
public enum Oplysning: Equatable, Hashable, Sendable {
    case vaerdi(Decimal)
    case oplysesIkke

    public static func fortolk(_ raa: String, felt: String, procent: Bool = false) throws -> Oplysning {
        var s = raa.trimmingCharacters(in: .whitespaces)
        let lav = s.lowercased()
        if ["oplyses ikke", "ikke oplyst", "ikke opgjort", "oplyses ik-ke"].contains(lav) { return .oplysesIkke }
        if s.isEmpty {
            throw Valideringsfejl(felt: felt, besked: "feltet er tomt; skriv et tal eller 'oplyses ikke'")
        }
        if procent, s.hasSuffix("%") { s = String(s.dropLast()).trimmingCharacters(in: .whitespaces) }
        let v: Decimal
        do { v = try DanskTal.fortolk(s) } catch let f as TalFejl {
            throw Valideringsfejl(felt: felt, besked: "\(f.description); skriv et tal eller 'oplyses ikke'")
        }
        guard v >= 0 else { throw Valideringsfejl(felt: felt, besked: "må ikke være negativ (fik \(raa))") }
        if procent, v > 100 { throw Valideringsfejl(felt: felt, besked: "en andel skal ligge mellem 0 og 100 % (fik \(raa))") }
        return .vaerdi(v)
    }

    public func tekst(procent: Bool = false) -> String {
        switch self {
        case .vaerdi(let v): return DanskTal.formaterKort(v) + (procent ? " %" : "")
        case .oplysesIkke: return "oplyses ikke"
        }
    }
}

/// The figures a central udmelding asks of each tilbud for a target group (001:2894–2906,
/// 3031–3330; DOMAIN.md 6.10): places, the citizens served per year (borgerflow), the årsværk
/// working with the group, and the share of staff with more than 4 years' experience.
public struct Udmeldingsdata: Codable, Equatable, Sendable {
    public var tilbud: String
    public var driftsherre: String
    public var maalgruppe: String
    public var pladser: Oplysning
    /// Year → citizens in the target group that year (an uncertain count).
    public var borgerflow: [Int: Taelling]
    public var aarsvaerk: Oplysning
    public var erfaringPct: Oplysning
    /// What qualifies a figure ("i alt 48,75 årsværk for domstype 2, 3 og 4").
    public var note: String

    public init(tilbud: String, driftsherre: String, maalgruppe: String, pladser: Oplysning, borgerflow: [Int: Taelling],
                aarsvaerk: Oplysning, erfaringPct: Oplysning, note: String = "") {
        self.tilbud = tilbud
        self.driftsherre = driftsherre
        self.maalgruppe = maalgruppe
        self.pladser = pladser
        self.borgerflow = borgerflow
        self.aarsvaerk = aarsvaerk
        self.erfaringPct = erfaringPct
        self.note = note
    }

    /// Socialstyrelsen's screening asks whether most staff have more than 4 years' experience
    /// (001:2897–2898): nil when the tilbud does not say.
    public var hovedpartenErfaren: Bool? {
        if case .vaerdi(let p) = erfaringPct { return p > 50 }
        return nil
    }
}

extension Oplysning: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        if s == "oplyses ikke" { self = .oplysesIkke; return }
        guard let v = Decimal(string: s) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' er ikke et tal") }
        self = .vaerdi(v)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .vaerdi(let v): try c.encode("\(v)")
        case .oplysesIkke: try c.encode("oplyses ikke")
        }
    }
}

extension Taelling: Codable {
    public init(from decoder: any Decoder) throws {
        self = try Taelling.fortolk(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(tekst)
    }
}
