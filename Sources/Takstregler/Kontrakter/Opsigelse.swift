import Foundation

/// A notice period as the standard contract writes it (DOMAIN.md 6.12). The outside version's
/// default is "løbende måned + 30 dage" (002:13498–13504); the rammeaftaler write others, so the
/// rule is data read from its Danish text.
public enum Varselsregel: Equatable, Sendable, Codable {
    /// To the end of the month of notice, then `dage` more days.
    case loebendeMaanedPlusDage(Int)
    /// To the end of the month of notice, then `maaneder` whole months (ending on a month's last day).
    case loebendeMaanedPlusMaaneder(Int)
    case dage(Int)
    case maaneder(Int)

    public static let standard = Varselsregel.loebendeMaanedPlusDage(30)

    public var tekst: String {
        switch self {
        case .loebendeMaanedPlusDage(let n): return "løbende måned + \(n) dage"
        case .loebendeMaanedPlusMaaneder(let n): return "løbende måned + \(n) \(n == 1 ? "måned" : "måneder")"
        case .dage(let n): return "\(n) dage"
        case .maaneder(let n): return "\(n) \(n == 1 ? "måned" : "måneder")"
        }
    }

    /// Reads "løbende måned + 30 dage", "lobende-maaned+30-dage", "3 måneder", "90 dage" (case and
    /// ASCII spellings alike); anything else is refused naming `felt`.
    public init(tekst raa: String, felt: String = "varsel") throws {
        let t = Kontraktord.normaliser(raa)
        let ord = t.split(whereSeparator: { $0 == " " || $0 == "+" || $0 == "-" }).map(String.init)
        let fejl = Valideringsfejl(felt: felt, besked: "ukendt varsel '\(raa)'; skriv fx 'løbende måned + 30 dage', '3 måneder' eller '90 dage'")
        let loebende = ord.count >= 2 && ord[0] == "lobende" && ord[1] == "maned"
        let rest = loebende ? Array(ord.dropFirst(2)) : ord
        guard rest.count == 2, let n = Int(rest[0]), n >= 0, n <= 730 else { throw fejl }
        switch (loebende, rest[1]) {
        case (true, "dage"), (true, "dag"): self = .loebendeMaanedPlusDage(n)
        case (true, "maneder"), (true, "maned"): self = .loebendeMaanedPlusMaaneder(n)
        case (false, "dage"), (false, "dag"): self = .dage(n)
        case (false, "maneder"), (false, "maned"): self = .maaneder(n)
        default: throw fejl
        }
    }

    /// The last day of the notice period given on `opsagt` (both `yyyy-MM-dd`).
    public func sidsteDag(opsagt: String) -> String {
        let k = Datoer.kalender
        let d = Datoer.dato(opsagt)!
        let maanedensSidste = k.date(byAdding: DateComponents(month: 1, day: -1), to: k.date(from: k.dateComponents([.year, .month], from: d))!)!
        switch self {
        case .loebendeMaanedPlusDage(let n): return Datoer.tekst(k.date(byAdding: .day, value: n, to: maanedensSidste)!)
        case .loebendeMaanedPlusMaaneder(let n):
            let start = k.date(byAdding: .day, value: 1, to: maanedensSidste)!
            return Datoer.tekst(k.date(byAdding: DateComponents(month: n, day: -1), to: start)!)
        case .dage(let n): return Datoer.tekst(k.date(byAdding: .day, value: n, to: d)!)
        case .maaneder(let n): return Datoer.tekst(k.date(byAdding: .month, value: n, to: d)!)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        try self.init(tekst: try c.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(tekst)
    }
}

/// The buyer's payment during the notice period: one of the contract's four boxes (002:13140–13147).
public enum Betalingsmulighed: Equatable, Sendable, Codable {
    /// "Bortfalder, idet en opsagt plads bliver besat": the new buyer pays from the day the place is refilled.
    case bortfalderVedGenbesaettelse
    /// "Fortsætter N dage efter, at en opsagt plads er blevet besat".
    case fortsaetterDage(Int)
    /// "Fortsætter i hele varslingsperioden, selvom en opsagt plads bliver besat".
    case helePerioden
    /// "Andet": the parties' own text; they must agree when payment ends.
    case andet(String)

    public var tekst: String {
        switch self {
        case .bortfalderVedGenbesaettelse: return "bortfalder, idet en opsagt plads bliver besat"
        case .fortsaetterDage(let n): return "fortsætter \(n) dage efter, at en opsagt plads er blevet besat"
        case .helePerioden: return "fortsætter i hele varslingsperioden, selvom en opsagt plads bliver besat"
        case .andet(let t): return "andet: \(t)"
        }
    }

    /// The short names of the four options, for the command line and forms.
    public var kode: String {
        switch self {
        case .bortfalderVedGenbesaettelse: return "bortfalder"
        case .fortsaetterDage(let n): return "fortsaetter-\(n)-dage"
        case .helePerioden: return "hele-perioden"
        case .andet: return "andet"
        }
    }

    /// Reads the code ("bortfalder", "fortsaetter-14-dage", "hele-perioden", "andet: …") or the
    /// contract's own words ("fortsætter 14 dage efter genbesættelse").
    public init(tekst raa: String, felt: String = "betaling") throws {
        let t = Kontraktord.normaliser(raa)
        let fejl = Valideringsfejl(felt: felt, besked: "ukendt betalingsmulighed '\(raa)'; vælg 'bortfalder', 'fortsaetter-N-dage', 'hele-perioden' eller 'andet: tekst'")
        if t.hasPrefix("andet") {
            let tekst = raa.drop(while: { $0 != ":" }).dropFirst().trimmingCharacters(in: .whitespaces)
            guard !tekst.isEmpty else { throw Valideringsfejl(felt: felt, besked: "skriv aftalen efter 'andet:', fx 'andet: aftales ved opsigelsen'") }
            self = .andet(tekst)
            return
        }
        if t.hasPrefix("bortfalder") { self = .bortfalderVedGenbesaettelse; return }
        if t.hasPrefix("hele") || t.contains("hele varslingsperioden") { self = .helePerioden; return }
        if t.hasPrefix("fortsaetter") || t.hasPrefix("fortsatter") {
            let tal = t.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap { Int($0) }
            guard tal.count == 1, let n = tal.first, n >= 0, n <= 365 else {
                throw Valideringsfejl(felt: felt, besked: "skriv antal dage efter genbesættelse som et helt tal mellem 0 og 365, fx 'fortsaetter-14-dage'")
            }
            self = .fortsaetterDage(n)
            return
        }
        throw fejl
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        try self.init(tekst: try c.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if case .andet(let t) = self { try c.encode("andet: \(t)") } else { try c.encode(kode) }
    }
}

/// The notice given on a date: the last day of the notice period and, with a payment option, the
/// last day the buyer pays (never after the notice period's last day).
public enum Opsigelse {
    public struct Resultat: Equatable, Sendable {
        public let opsagt: String
        public let varsel: Varselsregel
        public let sidsteDag: String
        public let betaling: Betalingsmulighed?
        public let nyBorger: String?
        /// The last day paid; nil when the option leaves it to the parties ("andet").
        public let betalingOphoerer: String?
        /// Days paid from the day of notice to `betalingOphoerer`, both included.
        public let betalingsdage: Int?
        public let forklaring: String
    }

    public static func beregn(opsagt: String, varsel: Varselsregel = .standard, betaling: Betalingsmulighed? = nil,
                              nyBorger: String? = nil) throws -> Resultat {
        _ = try Datoer.kontroller(opsagt, felt: "opsagt")
        if let nyBorger {
            _ = try Datoer.kontroller(nyBorger, felt: "ny_borger")
            guard nyBorger > opsagt else {
                throw Valideringsfejl(felt: "ny_borger", besked: "pladsen kan ikke være genbesat (\(nyBorger)) før eller samme dag som opsigelsen (\(opsagt))")
            }
        }
        let sidste = varsel.sidsteDag(opsagt: opsagt)
        let k = Datoer.kalender
        func plus(_ dato: String, _ dage: Int) -> String { Datoer.tekst(k.date(byAdding: .day, value: dage, to: Datoer.dato(dato)!)!) }
        var ophoerer: String?
        var forklaring: String
        switch betaling {
        case nil:
            forklaring = "Ingen betalingsmulighed valgt: køber betaler i hele opsigelsesperioden, til og med \(sidste), medmindre kontrakten siger andet."
            ophoerer = sidste
        case .helePerioden?:
            ophoerer = sidste
            forklaring = "Betalingen fortsætter i hele varslingsperioden, til og med \(sidste)."
        case .bortfalderVedGenbesaettelse?:
            if let nyBorger, nyBorger <= sidste {
                ophoerer = plus(nyBorger, -1)
                forklaring = "Pladsen er besat \(nyBorger): betalingen bortfalder fra den dag, så sidste betalte dag er \(ophoerer!)."
            } else {
                ophoerer = sidste
                forklaring = "Betalingen løber, til pladsen besættes, højst til og med \(sidste)."
            }
        case .fortsaetterDage(let n)?:
            if let nyBorger, plus(nyBorger, n) <= sidste {
                ophoerer = plus(nyBorger, n)
                forklaring = "Pladsen er besat \(nyBorger): betalingen fortsætter \(n) dage efter, til og med \(ophoerer!)."
            } else {
                ophoerer = sidste
                forklaring = nyBorger == nil
                    ? "Betalingen løber, til \(n) dage efter at pladsen er besat, højst til og med \(sidste)."
                    : "\(n) dage efter genbesættelsen ligger efter opsigelsesperioden: betalingen løber til og med \(sidste)."
            }
        case .andet(let t)?:
            ophoerer = nil
            forklaring = "Andet: \(t). Køber og leverandør går i dialog om, hvornår betalingen bortfalder (højst til og med \(sidste))."
        }
        let dage = ophoerer.map { k.dateComponents([.day], from: Datoer.dato(opsagt)!, to: Datoer.dato($0)!).day! + 1 }
        return Resultat(opsagt: opsagt, varsel: varsel, sidsteDag: sidste, betaling: betaling, nyBorger: nyBorger,
                        betalingOphoerer: ophoerer, betalingsdage: dage, forklaring: forklaring)
    }
}

/// Danish words compared without case, diacritics or spacing quirks ("Løbende Måned" = "lobende maned").
enum Kontraktord {
    static func normaliser(_ s: String) -> String {
        let t = s.lowercased().replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o")
            .replacingOccurrences(of: "å", with: "a").replacingOccurrences(of: "aa", with: "a").replacingOccurrences(of: "oe", with: "o")
        return t.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").replacingOccurrences(of: " + ", with: "+")
    }
}
