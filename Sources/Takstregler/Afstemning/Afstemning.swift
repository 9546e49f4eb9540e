import Foundation

/// Reconciliation with published sources (DOMAIN.md 6.13): a printed figure is kept next to the
/// computed one, and a difference beyond the table's tolerance is listed with a reason the
/// secretariat fills in. Printed totals often differ from their rows (rounding, missing rows,
/// typos: DOMAIN.md 11), so a difference is a finding to explain, not an error to hide.
public enum Afvigelsesaarsag: String, Codable, Sendable, CaseIterable {
    case afrunding
    case manglendeRaekke = "manglende_raekke"
    case definitionsforskel
    case trykfejl

    public var tekst: String {
        switch self {
        case .afrunding: return "Afrunding"
        case .manglendeRaekke: return "Manglende række"
        case .definitionsforskel: return "Definitionsforskel"
        case .trykfejl: return "Trykfejl"
        }
    }

    public static func fortolk(_ raa: String) throws -> Afvigelsesaarsag? {
        let s = raa.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        guard let a = Afvigelsesaarsag(rawValue: s) ?? allCases.first(where: { $0.tekst.lowercased() == s.lowercased() }) else {
            throw Valideringsfejl(felt: "aarsag", besked: "ukendt årsag '\(raa)' (vælg \(allCases.map(\.tekst).joined(separator: ", ")))")
        }
        return a
    }
}

/// One printed figure against the computed one.
public struct Afstemningspost: Codable, Sendable, Equatable {
    /// The table and the row or column, as the user knows them ("Spørgsmål 1", "2020").
    public var tabel: String
    public var felt: String
    public var trykt: String
    public var beregnet: String
    /// Printed minus computed ("+1", "-3"); for a range, how far outside it the printed figure lies.
    public var forskel: String
    public var tolerance: String
    public var stemmer: Bool

    public init(tabel: String, felt: String, trykt: String, beregnet: String, forskel: String, tolerance: String, stemmer: Bool) {
        self.tabel = tabel
        self.felt = felt
        self.trykt = trykt
        self.beregnet = beregnet
        self.forskel = forskel
        self.tolerance = tolerance
        self.stemmer = stemmer
    }
}

public enum Afstemning {
    /// Amounts: they agree when |printed − computed| ≤ tolerance (e.g. 1 kr. for rows rounded one
    /// by one, 3 t.kr. for li2019 tables 2–3).
    public static func beloeb(tabel: String, felt: String, trykt: Decimal, beregnet: Decimal, tolerance: Decimal) -> Afstemningspost {
        let forskel = trykt - beregnet
        return Afstemningspost(tabel: tabel, felt: felt, trykt: DanskTal.formaterKort(trykt), beregnet: DanskTal.formaterKort(beregnet),
                               forskel: (forskel > 0 ? "+" : "") + DanskTal.formaterKort(forskel), tolerance: DanskTal.formaterKort(tolerance),
                               stemmer: abs(forskel) <= tolerance)
    }

    /// Uncertain counts: they agree when the printed total lies within the range the rows allow
    /// (DOMAIN.md 6.10); the difference is the distance outside it.
    public static func antal(tabel: String, felt: String, trykt: Spaend, beregnet: Spaend) -> Afstemningspost {
        let over = max(0, trykt.max - beregnet.max), under = max(0, beregnet.min - trykt.min)
        let forskel = over > 0 ? "+\(over)" : under > 0 ? "-\(under)" : "0"
        return Afstemningspost(tabel: tabel, felt: felt, trykt: trykt.description, beregnet: beregnet.description, forskel: forskel,
                               tolerance: "inden for intervallet", stemmer: beregnet.indeholder(trykt))
    }
}
