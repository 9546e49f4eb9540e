import Foundation

/// Børnehus (001:841–861): 60 % of the budgetgrundlag is objektiv finansiering split by the
/// kommuner's share of 0–17-årige; 40 % is a takst per case = 0,4 × budget / expected cases.
public struct BoernehusInput: Codable, Equatable, Sendable {
    public var beskrivelse: String?
    public var budgetgrundlag: Kroner
    public var forventedeSager: Decimal
    /// Default 0,6.
    public var objektivAndel: Decimal?
    /// 0–17-årige per kommune — or, as the 2021 estimate did, the previous distribution (001:1140–1148).
    public var noegle: Fordelingsnoegle
    public var daekningsomraade: [String]?
    public var afrunding: Fordelingsafrunding?

    public init(beskrivelse: String? = nil, budgetgrundlag: Kroner, forventedeSager: Decimal, objektivAndel: Decimal? = nil,
                noegle: Fordelingsnoegle, daekningsomraade: [String]? = nil, afrunding: Fordelingsafrunding? = nil) {
        self.beskrivelse = beskrivelse
        self.budgetgrundlag = budgetgrundlag
        self.forventedeSager = forventedeSager
        self.objektivAndel = objektivAndel
        self.noegle = noegle
        self.daekningsomraade = daekningsomraade
        self.afrunding = afrunding
    }
}

public struct BoernehusResultat: Codable, Equatable, Sendable {
    public var budgetgrundlag: Kroner
    public var objektivAndel: Decimal
    public var objektivFinansiering: Kroner
    public var takstfinansieret: Kroner
    public var forventedeSager: Decimal
    public var takstPrSagUafrundet: Decimal
    /// Whole kroner.
    public var takstPrSag: Kroner
    public var fordeling: Fordelingsresultat
}

public enum Boernehus {
    public static let objektivAndelStandard = Decimal(string: "0.6")!

    public static func beregn(_ i: BoernehusInput) throws -> BoernehusResultat {
        try Kontrol.positiv(i.budgetgrundlag, felt: "budgetgrundlag", hvad: "budgetgrundlaget")
        try Kontrol.positiv(i.forventedeSager, felt: "forventedeSager", hvad: "antal forventede sager")
        let andel = i.objektivAndel ?? objektivAndelStandard
        try kontrollerAndel(andel, felt: "objektivAndel")
        let of = i.budgetgrundlag * andel
        let takstdel = i.budgetgrundlag - of
        let takst = takstdel / i.forventedeSager
        let fordeling = try medFelt("noegle") {
            try Fordeling.fordel(beloeb: of, noegle: i.noegle, afrunding: i.afrunding ?? .standard, daekningsomraade: i.daekningsomraade)
        }
        return BoernehusResultat(budgetgrundlag: i.budgetgrundlag, objektivAndel: andel, objektivFinansiering: of,
                                 takstfinansieret: takstdel, forventedeSager: i.forventedeSager, takstPrSagUafrundet: takst,
                                 takstPrSag: afrundet(takst, decimaler: 0), fordeling: fordeling)
    }
}
