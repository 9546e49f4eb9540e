import Foundation

/// A tilbud's accounts for one year (DOMAIN.md 5, 6.2).
public struct Regnskab: Codable, Equatable, Sendable {
    public var aar: Int
    /// Årets omkostninger.
    public var omkostninger: Kroner
    public var takstindtaegter: Kroner?
    /// Belægning in helårspladser.
    public var belaegning: Decimal
    /// Reported directly where the source gives it; otherwise derived (6.2).
    public var overUnderskud: Kroner?
    /// Tillægsydelser income, incl. indskrivning over 100 %.
    public var tillaegsydelser: Kroner?

    public init(aar: Int, omkostninger: Kroner, takstindtaegter: Kroner? = nil, belaegning: Decimal,
                overUnderskud: Kroner? = nil, tillaegsydelser: Kroner? = nil) {
        self.aar = aar
        self.omkostninger = omkostninger
        self.takstindtaegter = takstindtaegter
        self.belaegning = belaegning
        self.overUnderskud = overUnderskud
        self.tillaegsydelser = tillaegsydelser
    }

    /// Over/underskud = takst income − årets omkostninger (DOMAIN.md 6.2); the reported figure wins.
    public var resultat: Kroner? {
        if let overUnderskud { return overUnderskud }
        guard let takstindtaegter else { return nil }
        return takstindtaegter - omkostninger
    }
}

/// Occupancy of a tilbud in one quarter (DOMAIN.md 5; 001:9063).
public struct Belaegning: Codable, Equatable, Sendable {
    public var aar: Int
    public var kvartal: Int
    /// Capacity in place-days; nil or 0 when the tilbud was not active that quarter.
    public var normering: Decimal?
    /// Used place-days; nil when not reported.
    public var forbrug: Decimal?
    public var art: Belaegningsart

    public init(aar: Int, kvartal: Int, normering: Decimal?, forbrug: Decimal?, art: Belaegningsart) {
        self.aar = aar
        self.kvartal = kvartal
        self.normering = normering
        self.forbrug = forbrug
        self.art = art
    }
}

/// The price and wage index: restates amounts of one year in another year's prices.
public struct PLIndeks: Codable, Equatable, Sendable {
    public var indeks: [Int: Decimal]
    public init(_ indeks: [Int: Decimal] = [:]) { self.indeks = indeks }

    /// Factor that turns year `fra` prices into year `til` prices; 1 when either year is missing
    /// (DOMAIN.md 6.5: "factor 1 when no index is given").
    public func faktor(fra: Int, til: Int) -> Decimal {
        guard let a = indeks[fra], let b = indeks[til], a != 0 else { return 1 }
        return b / a
    }
}

/// A decision of a body that does not log in (DAS, FU, KKR), referenced by approvals (DOMAIN.md 2).
public struct Beslutning: Codable, Equatable, Sendable {
    public var organ: String
    public var dato: String
    public var punkt: String
    public var tekst: String
    /// Whose competence the body acted on, when it was delegated or not a meeting: "DAS gav FU
    /// kompetence til at behandle taksterne på det næstkommende møde i FU" (002:14693–14695), or a
    /// written hearing (002:1624). DOMAIN.md 6.1.
    public var delegation: String?

    public init(organ: String, dato: String, punkt: String, tekst: String, delegation: String? = nil) {
        self.organ = organ
        self.dato = dato
        self.punkt = punkt
        self.tekst = tekst
        let d = delegation?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.delegation = (d?.isEmpty ?? true) ? nil : d
    }
}

extension Beslutning {
    /// A decision reference as typed (DOMAIN.md 2: body, meeting date, agenda item); every missing
    /// part named by its field. An empty text becomes `standardtekst`.
    public static func fortolk(organ: String, dato: String, punkt: String, tekst: String, standardtekst: String,
                               delegation: String? = nil) throws -> Beslutning {
        let organ = organ.trimmingCharacters(in: .whitespaces), dato = dato.trimmingCharacters(in: .whitespaces)
        let punkt = punkt.trimmingCharacters(in: .whitespaces), tekst = tekst.trimmingCharacters(in: .whitespacesAndNewlines)
        var fejl: [Valideringsfejl] = []
        if organ.isEmpty { fejl.append(.init(felt: "organ", besked: "vælg det organ, der har besluttet (fx DAS, FU eller KKR)")) }
        if !Datoer.erDato(dato) { fejl.append(.init(felt: "dato", besked: "skriv mødedatoen som en dato (åååå-mm-dd)")) }
        if punkt.isEmpty { fejl.append(.init(felt: "punkt", besked: "skriv dagsordenspunktet")) }
        if !fejl.isEmpty { throw Valideringsfejlliste(fejl) }
        return Beslutning(organ: organ, dato: dato, punkt: punkt, tekst: tekst.isEmpty ? standardtekst : tekst, delegation: delegation)
    }
}
