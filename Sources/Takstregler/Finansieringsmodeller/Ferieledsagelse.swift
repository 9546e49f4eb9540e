import Foundation

/// Socialpædagogisk ledsagelse under ferie, bought by the resident of a døgntilbud on the
/// resident's own initiative, beyond the § 85 support (001:1466–1469; DOMAIN.md 6.9). Two models:
/// - model 1: an hourly tillægstakst = wage rate × (1 + 5,4 % administration), plus actual travel
///   costs;
/// - model 2, the koloniaftale: hourly wage, kolonitillæg per started day, per diem, overhead 6,1 %
///   of the wage, less what the home saves on its own staff while the resident is away = egenbetaling.
/// Several residents travelling together share the cost in proportion to their weights (default
/// equal; e.g. days each took part).
public struct Feriedeltager: Codable, Equatable, Sendable {
    public var navn: String
    /// Default 1.
    public var vaegt: Decimal?
    public init(navn: String, vaegt: Decimal? = nil) {
        self.navn = navn
        self.vaegt = vaegt
    }
}

public struct Deltagerandel: Codable, Equatable, Sendable {
    public var navn: String
    public var andel: Decimal
    public var beloebUafrundet: Decimal
    public var beloeb: Kroner
}

public struct FerieledsagelseModel1Input: Codable, Equatable, Sendable {
    public var beskrivelse: String?
    public var timeloen: Kroner
    public var timer: Decimal
    /// Default 5,4 (Midt's administration share of the overhead, DOMAIN.md 6.1).
    public var administrationProcent: Decimal?
    public var rejseudgifter: Kroner?
    /// Rounding of the hourly tillægstakst; default whole kroner.
    public var afrunding: Afrunding?
    public var deltagere: [Feriedeltager]?

    public init(beskrivelse: String? = nil, timeloen: Kroner, timer: Decimal, administrationProcent: Decimal? = nil,
                rejseudgifter: Kroner? = nil, afrunding: Afrunding? = nil, deltagere: [Feriedeltager]? = nil) {
        self.beskrivelse = beskrivelse
        self.timeloen = timeloen
        self.timer = timer
        self.administrationProcent = administrationProcent
        self.rejseudgifter = rejseudgifter
        self.afrunding = afrunding
        self.deltagere = deltagere
    }
}

public struct FerieledsagelseModel1Resultat: Codable, Equatable, Sendable {
    public var timetakstUafrundet: Decimal
    /// The published hourly tillægstakst.
    public var timetakst: Kroner
    public var ledsagelse: Kroner
    public var rejseudgifter: Kroner
    public var iAlt: Kroner
    public var deltagere: [Deltagerandel]
}

public struct FerieledsagelseModel2Input: Codable, Equatable, Sendable {
    public var beskrivelse: String?
    public var timeloen: Kroner
    public var timer: Decimal
    public var kolonitillaegPrDag: Kroner
    /// Started days of the trip.
    public var paabegyndteDage: Decimal
    public var dagpengePrDag: Kroner
    /// Default 6,1 % of the wage (Midt's overhead, DOMAIN.md 6.1).
    public var overheadProcent: Decimal?
    /// What the home saves on its own staff while the resident is away.
    public var besparelseEgetPersonale: Kroner?
    public var deltagere: [Feriedeltager]?

    public init(beskrivelse: String? = nil, timeloen: Kroner, timer: Decimal, kolonitillaegPrDag: Kroner, paabegyndteDage: Decimal,
                dagpengePrDag: Kroner, overheadProcent: Decimal? = nil, besparelseEgetPersonale: Kroner? = nil, deltagere: [Feriedeltager]? = nil) {
        self.beskrivelse = beskrivelse
        self.timeloen = timeloen
        self.timer = timer
        self.kolonitillaegPrDag = kolonitillaegPrDag
        self.paabegyndteDage = paabegyndteDage
        self.dagpengePrDag = dagpengePrDag
        self.overheadProcent = overheadProcent
        self.besparelseEgetPersonale = besparelseEgetPersonale
        self.deltagere = deltagere
    }
}

public struct FerieledsagelseModel2Resultat: Codable, Equatable, Sendable {
    public var loen: Kroner
    public var kolonitillaeg: Kroner
    public var dagpenge: Kroner
    public var overhead: Kroner
    public var besparelseEgetPersonale: Kroner
    public var egenbetalingUafrundet: Decimal
    /// Whole kroner; never below 0 (a saving larger than the cost is not paid out).
    public var egenbetaling: Kroner
    public var deltagere: [Deltagerandel]
}

public enum Ferieledsagelse {
    public static let administrationProcentStandard = Decimal(string: "5.4")!
    public static let overheadProcentStandard = Decimal(string: "6.1")!

    public static func model1(_ i: FerieledsagelseModel1Input) throws -> FerieledsagelseModel1Resultat {
        try Kontrol.ikkeNegativ(i.timeloen, felt: "timeloen", hvad: "timelønnen")
        try Kontrol.ikkeNegativ(i.timer, felt: "timer", hvad: "antal timer")
        let adm = i.administrationProcent ?? administrationProcentStandard
        try Kontrol.ikkeNegativ(adm, felt: "administrationProcent", hvad: "administrationsprocenten")
        let rejse = i.rejseudgifter ?? 0
        try Kontrol.ikkeNegativ(rejse, felt: "rejseudgifter", hvad: "rejseudgifterne")
        let uafrundet = i.timeloen * (1 + adm / 100)
        let takst = (i.afrunding ?? .heleKroner).afrund(uafrundet)
        let ledsagelse = takst * i.timer
        let iAlt = ledsagelse + rejse
        return FerieledsagelseModel1Resultat(timetakstUafrundet: uafrundet, timetakst: takst, ledsagelse: ledsagelse,
                                             rejseudgifter: rejse, iAlt: iAlt, deltagere: try del(iAlt, i.deltagere))
    }

    public static func model2(_ i: FerieledsagelseModel2Input) throws -> FerieledsagelseModel2Resultat {
        try Kontrol.ikkeNegativ(i.timeloen, felt: "timeloen", hvad: "timelønnen")
        try Kontrol.ikkeNegativ(i.timer, felt: "timer", hvad: "antal timer")
        try Kontrol.ikkeNegativ(i.kolonitillaegPrDag, felt: "kolonitillaegPrDag", hvad: "kolonitillægget")
        try Kontrol.ikkeNegativ(i.paabegyndteDage, felt: "paabegyndteDage", hvad: "antal påbegyndte dage")
        try Kontrol.ikkeNegativ(i.dagpengePrDag, felt: "dagpengePrDag", hvad: "dagpengene")
        let oh = i.overheadProcent ?? overheadProcentStandard
        try Kontrol.ikkeNegativ(oh, felt: "overheadProcent", hvad: "overheadprocenten")
        let besparelse = i.besparelseEgetPersonale ?? 0
        try Kontrol.ikkeNegativ(besparelse, felt: "besparelseEgetPersonale", hvad: "besparelsen")
        // A day is paid when it is started: 4,5 days of travel are 5 days of kolonitillæg.
        var dage = i.paabegyndteDage, hele = Decimal()
        NSDecimalRound(&hele, &dage, 0, .up)
        let loen = i.timeloen * i.timer
        let koloni = i.kolonitillaegPrDag * hele
        let dagpenge = i.dagpengePrDag * hele
        let overhead = loen * oh / 100
        let uafrundet = loen + koloni + dagpenge + overhead - besparelse
        let egenbetaling = max(0, afrundet(uafrundet, decimaler: 0))
        return FerieledsagelseModel2Resultat(loen: loen, kolonitillaeg: koloni, dagpenge: dagpenge, overhead: overhead,
                                             besparelseEgetPersonale: besparelse, egenbetalingUafrundet: uafrundet,
                                             egenbetaling: egenbetaling, deltagere: try del(egenbetaling, i.deltagere))
    }

    /// Proportional split with the allocation engine (largest remainder: the parts add up).
    static func del(_ beloeb: Kroner, _ deltagere: [Feriedeltager]?) throws -> [Deltagerandel] {
        guard let deltagere, !deltagere.isEmpty else { return [] }
        let noegle = Fordelingsnoegle(navn: "deltagere", raekker: deltagere.map { .init(kommune: $0.navn, grundlag: $0.vaegt ?? 1) })
        let r = try medFelt("deltagere") {
            do {
                return try Fordeling.fordel(beloeb: beloeb, noegle: noegle, afrunding: .stoersteRest)
            } catch let f as Valideringsfejl {
                throw Valideringsfejl(felt: f.felt, besked: f.besked.replacingOccurrences(of: "kommunenavnet", with: "navnet"))
            }
        }
        return r.raekker.map { Deltagerandel(navn: $0.kommune, andel: $0.andel, beloebUafrundet: $0.beloebUafrundet, beloeb: $0.beloeb) }
    }
}
