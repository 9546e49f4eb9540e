import Foundation

/// The socialtilsyn's size categories for tilbud (DOMAIN.md 6.7; 001:286–296, 004:437–443).
public enum Stoerrelseskategori: String, Codable, Sendable, CaseIterable {
    case op7 = "1-7", op24 = "8-24", op49 = "25-49", over50 = "50+"

    public var tekst: String { "\(rawValue) pladser" }

    /// The category of a tilbud with `pladser` places. Fractional places (from §§ 101/101a) count
    /// in the category their value falls in: 7,5 places are more than 7.
    public static func kategori(pladser: Decimal) throws -> Stoerrelseskategori {
        guard pladser > 0 else {
            throw Valideringsfejl(felt: "pladser", besked: "antal pladser skal være større end 0 (fik \(DanskTal.formaterKort(pladser)))")
        }
        if pladser <= 7 { return .op7 }
        if pladser <= 24 { return .op24 }
        if pladser <= 49 { return .op49 }
        return .over50
    }

    /// §§ 101/101a treatment tilbud have no places: pladser = expected citizens in the year / 10
    /// (DOMAIN.md 6.1).
    public static func pladserForBehandlingstilbud(forventedeBorgere: Decimal) -> Decimal { forventedeBorgere / 10 }
}

/// Weights of the four size categories, 1–7 first. 1 : 1,2 : 2 : 3 fits every published table;
/// Midt folded a tillægstakst into its 50+ tilsyn (001:63–71), so its 50+ tilsyn weight is about
/// 3,885. Weights are parameters per year and per kind of takst (DOMAIN.md 6.7).
public struct Takstvaegte: Codable, Equatable, Sendable {
    public var tilsyn: [Decimal]?
    public var godkendelse: [Decimal]?
    public var vaesentligAendring: [Decimal]?

    public init(tilsyn: [Decimal]? = nil, godkendelse: [Decimal]? = nil, vaesentligAendring: [Decimal]? = nil) {
        self.tilsyn = tilsyn
        self.godkendelse = godkendelse
        self.vaesentligAendring = vaesentligAendring
    }

    public static let standard: [Decimal] = [1, Decimal(string: "1.2")!, 2, 3]
}

/// BPA: takst = hours × hourly rate (004:463–476: 13 h × 672 = 8.736; 36 h × 672 = 24.192).
public struct BPAParametre: Codable, Equatable, Sendable {
    public var timepris: Kroner
    public var tilsynTimer: Decimal
    public var nygodkendelseTimer: Decimal
    public init(timepris: Kroner, tilsynTimer: Decimal, nygodkendelseTimer: Decimal) {
        self.timepris = timepris
        self.tilsynTimer = tilsynTimer
        self.nygodkendelseTimer = nygodkendelseTimer
    }
}

/// Derives the 1–7 tilsyn takst from the tilbudsafdeling's budget: what the other takster do not
/// cover is spread over the tilbud weighted by category, so Σ takst × tilbud + other income =
/// budget. Needs the number of tilbud per category, which the sources do not publish (004:219–231
/// gives only the total, 251).
public struct Takstudledning: Codable, Equatable, Sendable {
    /// Tilbud per category, 1–7 first.
    public var tilbudPrKategori: [Decimal]
    /// Expected income from godkendelser, væsentlige ændringer, BPA, skærpet tilsyn and tillæg.
    public var andreIndtaegter: Kroner
    public init(tilbudPrKategori: [Decimal], andreIndtaegter: Kroner) {
        self.tilbudPrKategori = tilbudPrKategori
        self.andreIndtaegter = andreIndtaegter
    }
}

public struct Tilsynstakstparametre: Codable, Equatable, Sendable {
    /// The 1–7 annual tilsyn takst; derived from the budget when nil and `udledning` is given.
    public var grundtakstTilsyn: Kroner?
    public var grundtakstGodkendelse: Kroner?
    public var grundtakstVaesentligAendring: Kroner?
    public var vaegte: Takstvaegte?
    /// Skærpet tilsyn per started month, in percent of the annual takst (10).
    public var skaerpetProcentAfAarstakst: Decimal?
    public var udledning: Takstudledning?
    public var bpa: BPAParametre?
    /// Tillægstakst per department beyond the second at its own address (bekendtgørelse om
    /// socialtilsyn § 33, stk. 5; only exceptionally for resource-demanding tasks, Ankestyrelsen 2018).
    public var tillaegstakstPrAfdeling: Kroner?

    public init(grundtakstTilsyn: Kroner? = nil, grundtakstGodkendelse: Kroner? = nil, grundtakstVaesentligAendring: Kroner? = nil,
                vaegte: Takstvaegte? = nil, skaerpetProcentAfAarstakst: Decimal? = nil, udledning: Takstudledning? = nil,
                bpa: BPAParametre? = nil, tillaegstakstPrAfdeling: Kroner? = nil) {
        self.grundtakstTilsyn = grundtakstTilsyn
        self.grundtakstGodkendelse = grundtakstGodkendelse
        self.grundtakstVaesentligAendring = grundtakstVaesentligAendring
        self.vaegte = vaegte
        self.skaerpetProcentAfAarstakst = skaerpetProcentAfAarstakst
        self.udledning = udledning
        self.bpa = bpa
        self.tillaegstakstPrAfdeling = tillaegstakstPrAfdeling
    }
}

public struct Tilsynstakstraekke: Codable, Equatable, Sendable {
    public var kategori: Stoerrelseskategori
    public var vaegtTilsyn: Decimal
    public var tilsynAarUafrundet: Decimal
    /// Annual tilsyn takst, whole kroner.
    public var tilsynAar: Kroner
    /// Skærpet tilsyn per started month: the percentage of the published annual takst.
    public var skaerpetMaaned: Kroner
    public var godkendelse: Kroner?
    public var vaesentligAendring: Kroner?
}

public struct BPATakst: Codable, Equatable, Sendable {
    public var ydelse: String
    public var timer: Decimal
    public var timepris: Kroner
    public var takst: Kroner
}

public struct Takstudledningsresultat: Codable, Equatable, Sendable {
    public var tilbudsbudget: Kroner
    public var andreIndtaegter: Kroner
    /// Σ vægt × tilbud.
    public var vaegtedeTilbud: Decimal
    public var grundtakstUafrundet: Decimal
    /// Σ published takst × tilbud + other income − budget: what rounding the takster leaves over.
    public var afrundingsdifference: Kroner
}

public struct Tilsynstakstresultat: Codable, Equatable, Sendable {
    public var grundtakstTilsynUafrundet: Decimal
    public var udledning: Takstudledningsresultat?
    public var raekker: [Tilsynstakstraekke]
    public var bpa: [BPATakst]
    public var tillaegstakstPrAfdeling: Kroner?

    public func raekke(_ k: Stoerrelseskategori) -> Tilsynstakstraekke? { raekker.first { $0.kategori == k } }
}

public enum Tilsynstakster {
    public static let skaerpetProcentStandard: Decimal = 10

    /// Skærpet tilsyn per started month = 10 % of the annual takst (DOMAIN.md 6.7; every row of
    /// 001:286–296 and 484–493 fits the published annual takst × 10 %).
    public static func skaerpetMaaned(aarstakst: Kroner, procent: Decimal = skaerpetProcentStandard) -> Kroner {
        afrundet(aarstakst * procent / 100, decimaler: 0)
    }

    /// What an intensified supervision costs: the monthly takst for every started month.
    public static func skaerpetOpkraevning(aarstakst: Kroner, paabegyndteMaaneder: Int,
                                           procent: Decimal = skaerpetProcentStandard) throws -> Kroner {
        guard paabegyndteMaaneder >= 0 else {
            throw Valideringsfejl(felt: "paabegyndteMaaneder", besked: "antal påbegyndte måneder må ikke være negativt")
        }
        return skaerpetMaaned(aarstakst: aarstakst, procent: procent) * Decimal(paabegyndteMaaneder)
    }

    public static func bpaTakst(timer: Decimal, timepris: Kroner) -> Kroner { afrundet(timer * timepris, decimaler: 0) }

    /// Tillæg for a tilbud with more than two departments at different addresses: one tillæg per
    /// department beyond the second.
    public static func tillaegstakst(antalAfdelinger: Int, beloebPrAfdeling: Kroner) -> Kroner {
        Decimal(max(0, antalAfdelinger - 2)) * beloebPrAfdeling
    }

    static func vaegte(_ v: [Decimal]?, felt: String) throws -> [Decimal] {
        let w = v ?? Takstvaegte.standard
        guard w.count == 4 else {
            throw Valideringsfejl(felt: felt, besked: "angiv fire vægte, én pr. størrelseskategori (1-7, 8-24, 25-49, 50+); fik \(w.count)")
        }
        for (i, x) in w.enumerated() where x <= 0 {
            throw Valideringsfejl(felt: "\(felt)[\(i + 1)]", besked: "vægten skal være større end 0 (fik \(DanskTal.formaterKort(x, maksDecimaler: 4)))")
        }
        return w
    }

    /// The takst table of one year. `tilbudsbudget` is only needed to derive the 1–7 takst.
    public static func beregn(_ p: Tilsynstakstparametre, tilbudsbudget: Kroner? = nil,
                              felt: String = "takster") throws -> Tilsynstakstresultat {
        let wT = try vaegte(p.vaegte?.tilsyn, felt: "\(felt).vaegte.tilsyn")
        let wG = try vaegte(p.vaegte?.godkendelse, felt: "\(felt).vaegte.godkendelse")
        let wV = try vaegte(p.vaegte?.vaesentligAendring, felt: "\(felt).vaegte.vaesentligAendring")
        let procent = p.skaerpetProcentAfAarstakst ?? skaerpetProcentStandard
        guard procent >= 0, procent <= 100 else {
            throw Valideringsfejl(felt: "\(felt).skaerpetProcentAfAarstakst", besked: "procenten skal være mellem 0 og 100")
        }
        var udledning: Takstudledningsresultat?
        let grund: Decimal
        if let g = p.grundtakstTilsyn {
            try Kontrol.positiv(g, felt: "\(felt).grundtakstTilsyn", hvad: "grundtaksten")
            grund = g
        } else if let u = p.udledning {
            guard let budget = tilbudsbudget else {
                throw Valideringsfejl(felt: "\(felt).udledning", besked: "tilbudsafdelingens budget mangler, så grundtaksten kan ikke udledes")
            }
            guard u.tilbudPrKategori.count == 4 else {
                throw Valideringsfejl(felt: "\(felt).udledning.tilbudPrKategori", besked: "angiv antal tilbud i hver af de fire størrelseskategorier")
            }
            for (i, n) in u.tilbudPrKategori.enumerated() {
                try Kontrol.ikkeNegativ(n, felt: "\(felt).udledning.tilbudPrKategori[\(i + 1)]", hvad: "antal tilbud")
            }
            let vaegtede = zip(wT, u.tilbudPrKategori).reduce(Decimal(0)) { $0 + $1.0 * $1.1 }
            try Kontrol.positiv(vaegtede, felt: "\(felt).udledning.tilbudPrKategori", hvad: "antal tilbud i alt")
            let rest = budget - u.andreIndtaegter
            try Kontrol.positiv(rest, felt: "\(felt).udledning.andreIndtaegter", hvad: "budgettet efter andre indtægter")
            grund = rest / vaegtede
            let publiceret = wT.map { afrundet($0 * grund, decimaler: 0) }
            let indtaegt = zip(publiceret, u.tilbudPrKategori).reduce(Decimal(0)) { $0 + $1.0 * $1.1 }
            udledning = Takstudledningsresultat(tilbudsbudget: budget, andreIndtaegter: u.andreIndtaegter, vaegtedeTilbud: vaegtede,
                                                grundtakstUafrundet: grund, afrundingsdifference: indtaegt + u.andreIndtaegter - budget)
        } else {
            throw Valideringsfejl(felt: "\(felt).grundtakstTilsyn",
                                  besked: "angiv grundtaksten for 1-7 pladser, eller antal tilbud pr. størrelseskategori så den kan udledes af budgettet")
        }
        if let g = p.grundtakstGodkendelse { try Kontrol.positiv(g, felt: "\(felt).grundtakstGodkendelse", hvad: "grundtaksten for godkendelse") }
        if let v = p.grundtakstVaesentligAendring { try Kontrol.positiv(v, felt: "\(felt).grundtakstVaesentligAendring", hvad: "grundtaksten for væsentlig ændring") }

        let raekker = Stoerrelseskategori.allCases.enumerated().map { i, k -> Tilsynstakstraekke in
            let uafrundet = wT[i] * grund
            let aar = afrundet(uafrundet, decimaler: 0)
            return Tilsynstakstraekke(
                kategori: k, vaegtTilsyn: wT[i], tilsynAarUafrundet: uafrundet, tilsynAar: aar,
                skaerpetMaaned: skaerpetMaaned(aarstakst: aar, procent: procent),
                godkendelse: p.grundtakstGodkendelse.map { afrundet(wG[i] * $0, decimaler: 0) },
                vaesentligAendring: p.grundtakstVaesentligAendring.map { afrundet(wV[i] * $0, decimaler: 0) })
        }
        var bpa: [BPATakst] = []
        if let b = p.bpa {
            try Kontrol.positiv(b.timepris, felt: "\(felt).bpa.timepris", hvad: "timeprisen")
            try Kontrol.ikkeNegativ(b.tilsynTimer, felt: "\(felt).bpa.tilsynTimer", hvad: "antal timer")
            try Kontrol.ikkeNegativ(b.nygodkendelseTimer, felt: "\(felt).bpa.nygodkendelseTimer", hvad: "antal timer")
            bpa = [
                BPATakst(ydelse: "Tilsyn med godkendt BPA-virksomhed", timer: b.tilsynTimer, timepris: b.timepris,
                         takst: bpaTakst(timer: b.tilsynTimer, timepris: b.timepris)),
                BPATakst(ydelse: "Nygodkendelse af BPA-virksomhed", timer: b.nygodkendelseTimer, timepris: b.timepris,
                         takst: bpaTakst(timer: b.nygodkendelseTimer, timepris: b.timepris)),
            ]
        }
        if let t = p.tillaegstakstPrAfdeling { try Kontrol.ikkeNegativ(t, felt: "\(felt).tillaegstakstPrAfdeling", hvad: "tillægstaksten") }
        return Tilsynstakstresultat(grundtakstTilsynUafrundet: grund, udledning: udledning, raekker: raekker, bpa: bpa,
                                    tillaegstakstPrAfdeling: p.tillaegstakstPrAfdeling)
    }
}
