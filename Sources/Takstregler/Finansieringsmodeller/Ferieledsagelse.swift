import Foundation

/// Socialpædagogisk ledsagelse under ferie, bought by the resident of a døgntilbud on the
/// resident's own initiative, beyond the § 85 support (001:1466–1469; DOMAIN.md 6.9). Two models:
/// - model 1: an hourly tillægstakst = wage rate × (1 + 5,4 % administration), plus actual travel
///   costs;
/// - model 2, the koloniaftale: per staff member wage (yearly salary / 1.924 hours), kolonitillæg
///   per started day, dagpenge and timepenge, overhead 6,1 % of the wage, less what the home saves on
///   its own staff while the resident is away = egenbetaling, in øre.
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
    /// Whole kroner in model 1, øre in model 2 (the precision of the amount shared).
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

/// A koloniaftale trip as the home computes it (DOMAIN.md 6.9): every item is per staff member, so
/// the input names the staff and their hours rather than a total.
public struct FerieledsagelseModel2Input: Codable, Equatable, Sendable {
    public var beskrivelse: String?
    /// One staff member's yearly salary; the hourly wage is derived from it as the home does.
    public var aarsloen: Kroner
    /// Hours in a working year; default 1.924 (DOMAIN.md 6.9).
    public var aarstimer: Decimal?
    /// Staff on the trip, a whole number ≥ 1.
    public var medarbejdere: Decimal
    /// Hours each staff member is paid for: every day of the trip, full days and the last part-day.
    public var timerPrMedarbejder: Decimal
    public var kolonitillaegPrDag: Kroner
    /// Started days of the trip; a part-day counts as a day (4,5 → 5).
    public var paabegyndteDage: Decimal
    public var dagpengePrDoegn: Kroner
    /// Full døgn, paid as dagpenge; at most the started days.
    public var doegn: Decimal
    public var timepengePrTime: Kroner
    /// Hours of the started døgn after the last full one, paid as timepenge; under 24.
    public var timepengeTimer: Decimal
    /// Default 6,1 % of the wage (Midt's overhead, DOMAIN.md 6.1).
    public var overheadProcent: Decimal?
    /// The home's own hourly (vikar) rate: what it saves per staff hour spent away. Default 0.
    public var besparelsePrTime: Kroner?
    public var deltagere: [Feriedeltager]?

    public init(beskrivelse: String? = nil, aarsloen: Kroner, aarstimer: Decimal? = nil, medarbejdere: Decimal,
                timerPrMedarbejder: Decimal, kolonitillaegPrDag: Kroner, paabegyndteDage: Decimal,
                dagpengePrDoegn: Kroner, doegn: Decimal, timepengePrTime: Kroner, timepengeTimer: Decimal,
                overheadProcent: Decimal? = nil, besparelsePrTime: Kroner? = nil, deltagere: [Feriedeltager]? = nil) {
        self.beskrivelse = beskrivelse
        self.aarsloen = aarsloen
        self.aarstimer = aarstimer
        self.medarbejdere = medarbejdere
        self.timerPrMedarbejder = timerPrMedarbejder
        self.kolonitillaegPrDag = kolonitillaegPrDag
        self.paabegyndteDage = paabegyndteDage
        self.dagpengePrDoegn = dagpengePrDoegn
        self.doegn = doegn
        self.timepengePrTime = timepengePrTime
        self.timepengeTimer = timepengeTimer
        self.overheadProcent = overheadProcent
        self.besparelsePrTime = besparelsePrTime
        self.deltagere = deltagere
    }
}

/// Every line in øre, as the home shows it (DOMAIN.md 6.9); iAlt and egenbetaling are sums of the
/// rounded lines, so the statement adds up as printed.
public struct FerieledsagelseModel2Resultat: Codable, Equatable, Sendable {
    /// aarsloen / aarstimer, rounded to øre before it is multiplied.
    public var timeloen: Kroner
    public var loen: Kroner
    public var kolonitillaeg: Kroner
    /// Dagpenge for the full døgn plus timepenge for the started one, all staff.
    public var dagpenge: Kroner
    public var overhead: Kroner
    public var iAlt: Kroner
    public var besparelse: Kroner
    /// iAlt − besparelse, never below 0: a saving larger than the cost is not paid out to the
    /// residents.
    public var egenbetaling: Kroner
    public var deltagere: [Deltagerandel]
}

public enum Ferieledsagelse {
    public static let administrationProcentStandard = Decimal(string: "5.4")!
    public static let overheadProcentStandard = Decimal(string: "6.1")!
    /// The working year the koloniaftale divides the yearly salary by (DOMAIN.md 6.9).
    public static let aarstimerStandard: Decimal = 1_924

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

    /// DOMAIN.md 6.9: every item per staff member, each line rounded to øre.
    public static func model2(_ i: FerieledsagelseModel2Input) throws -> FerieledsagelseModel2Resultat {
        try Kontrol.ikkeNegativ(i.aarsloen, felt: "aarsloen", hvad: "årslønnen")
        let aarstimer = i.aarstimer ?? aarstimerStandard
        try Kontrol.positiv(aarstimer, felt: "aarstimer", hvad: "antal årstimer")
        try Kontrol.heltal(i.medarbejdere, mindst: 1, felt: "medarbejdere", hvad: "antal medarbejdere")
        try Kontrol.ikkeNegativ(i.timerPrMedarbejder, felt: "timerPrMedarbejder", hvad: "antal timer pr. medarbejder")
        try Kontrol.ikkeNegativ(i.kolonitillaegPrDag, felt: "kolonitillaegPrDag", hvad: "kolonitillægget")
        try Kontrol.ikkeNegativ(i.paabegyndteDage, felt: "paabegyndteDage", hvad: "antal påbegyndte dage")
        try Kontrol.ikkeNegativ(i.dagpengePrDoegn, felt: "dagpengePrDoegn", hvad: "dagpengene")
        try Kontrol.ikkeNegativ(i.doegn, felt: "doegn", hvad: "antal hele døgn")
        try Kontrol.heltal(i.doegn, mindst: 0, felt: "doegn", hvad: "antal hele døgn")
        try Kontrol.ikkeNegativ(i.timepengePrTime, felt: "timepengePrTime", hvad: "timepengene")
        try Kontrol.ikkeNegativ(i.timepengeTimer, felt: "timepengeTimer", hvad: "antal timer med timepenge")
        // A full døgn is paid as dagpenge, so timepenge cover less than one.
        guard i.timepengeTimer < 24 else {
            throw Valideringsfejl(felt: "timepengeTimer", besked: "antal timer med timepenge skal være under 24 — et helt døgn betales som dagpenge (fik \(DanskTal.formaterKort(i.timepengeTimer)))")
        }
        let oh = i.overheadProcent ?? overheadProcentStandard
        try Kontrol.ikkeNegativ(oh, felt: "overheadProcent", hvad: "overheadprocenten")
        let besparelsePrTime = i.besparelsePrTime ?? 0
        try Kontrol.ikkeNegativ(besparelsePrTime, felt: "besparelsePrTime", hvad: "besparelsen pr. time")
        // A day is paid when it is started: 4,5 days of travel are 5 days of kolonitillæg.
        var dage = i.paabegyndteDage, hele = Decimal()
        NSDecimalRound(&hele, &dage, 0, .up)
        guard i.doegn <= hele else {
            throw Valideringsfejl(felt: "doegn", besked: "antal hele døgn (\(DanskTal.formaterKort(i.doegn))) kan ikke være flere end de påbegyndte dage (\(DanskTal.formaterKort(hele)))")
        }
        func oere(_ v: Decimal) -> Kroner { afrundet(v, decimaler: 2) }
        // The home rounds the hourly wage to øre first and multiplies the rounded wage.
        let timeloen = oere(i.aarsloen / aarstimer)
        let timer = i.medarbejdere * i.timerPrMedarbejder
        let loen = oere(timer * timeloen)
        let koloni = oere(i.medarbejdere * hele * i.kolonitillaegPrDag)
        let dagpenge = oere(i.medarbejdere * (i.doegn * i.dagpengePrDoegn + i.timepengeTimer * i.timepengePrTime))
        let overhead = oere(loen * oh / 100)
        let iAlt = loen + koloni + dagpenge + overhead
        // While the staff are away the home does not pay its own (vikar) hours for them.
        let besparelse = oere(besparelsePrTime * timer)
        let egenbetaling = max(0, iAlt - besparelse)
        return FerieledsagelseModel2Resultat(timeloen: timeloen, loen: loen, kolonitillaeg: koloni, dagpenge: dagpenge,
                                             overhead: overhead, iAlt: iAlt, besparelse: besparelse, egenbetaling: egenbetaling,
                                             deltagere: try del(egenbetaling, i.deltagere, decimaler: 2))
    }

    /// Proportional split with the allocation engine (largest remainder: the parts add up). The
    /// engine splits whole units, so an amount in øre (`decimaler` 2) is split as øre and scaled back.
    static func del(_ beloeb: Kroner, _ deltagere: [Feriedeltager]?, decimaler: Int = 0) throws -> [Deltagerandel] {
        guard let deltagere, !deltagere.isEmpty else { return [] }
        let enhed = pow(Decimal(10), decimaler)
        let noegle = Fordelingsnoegle(navn: "deltagere", raekker: deltagere.map { .init(kommune: $0.navn, grundlag: $0.vaegt ?? 1) })
        let r = try medFelt("deltagere") {
            do {
                return try Fordeling.fordel(beloeb: beloeb * enhed, noegle: noegle, afrunding: .stoersteRest)
            } catch let f as Valideringsfejl {
                throw Valideringsfejl(felt: f.felt, besked: f.besked.replacingOccurrences(of: "kommunenavnet", with: "navnet"))
            }
        }
        return r.raekker.map { Deltagerandel(navn: $0.kommune, andel: $0.andel, beloebUafrundet: $0.beloebUafrundet / enhed, beloeb: $0.beloeb / enhed) }
    }
}
