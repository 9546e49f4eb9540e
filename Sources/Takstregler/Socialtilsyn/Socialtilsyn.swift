import Foundation

/// The year's counts (001:132–151, 004:219–231), as reported from Tilbudsportalen in May.
public struct Antalsforudsaetninger: Codable, Equatable, Sendable {
    public var plejefamilier: Decimal
    public var plejefamilierNygodkendelser: Decimal
    public var tilbud: Decimal?
    public var tilbudNygodkendelser: Decimal?
    public var vaesentligeAendringer: Decimal?
    public var bpaVirksomheder: Decimal?

    public init(plejefamilier: Decimal, plejefamilierNygodkendelser: Decimal, tilbud: Decimal? = nil, tilbudNygodkendelser: Decimal? = nil,
                vaesentligeAendringer: Decimal? = nil, bpaVirksomheder: Decimal? = nil) {
        self.plejefamilier = plejefamilier
        self.plejefamilierNygodkendelser = plejefamilierNygodkendelser
        self.tilbud = tilbud
        self.tilbudNygodkendelser = tilbudNygodkendelser
        self.vaesentligeAendringer = vaesentligeAendringer
        self.bpaVirksomheder = bpaVirksomheder
    }
}

/// The key for objektiv finansiering of plejefamilier: 0–17-årige per kommune of the coverage area,
/// 2nd quarter of the year before the budget year (004:349–357). Give either the key itself or DST
/// population rows to derive it from.
public struct ObjektivFinansieringInput: Codable, Equatable, Sendable {
    public var noegle: Fordelingsnoegle?
    public var befolkning: [Befolkningsraekke]?
    /// Default: the 2nd quarter of the year before the budget year.
    public var kvartal: String?
    /// Default 0–17.
    public var aldersgruppe: Aldersgruppe?
    /// The socialtilsyn's coverage area — not the region (Nord covers Silkeborg, not Hjørring).
    public var daekningsomraade: [String]?
    public var afrunding: Fordelingsafrunding?

    public init(noegle: Fordelingsnoegle? = nil, befolkning: [Befolkningsraekke]? = nil, kvartal: String? = nil,
                aldersgruppe: Aldersgruppe? = nil, daekningsomraade: [String]? = nil, afrunding: Fordelingsafrunding? = nil) {
        self.noegle = noegle
        self.befolkning = befolkning
        self.kvartal = kvartal
        self.aldersgruppe = aldersgruppe
        self.daekningsomraade = daekningsomraade
        self.afrunding = afrunding
    }
}

/// An earlier year to compare with (004:316–327, 414–418, 428–441, 463–470). Amounts are restated in the
/// budget year's prices by `plFaktor` (1 when they are already in fixed prices, as Nord's 2023
/// column "i 2024 priser"); `PLIndeks.faktor(fra:til:)` gives the factor from an index.
public struct SocialtilsynSammenligning: Codable, Equatable, Sendable {
    public var aar: Int
    public var plFaktor: Decimal?
    public var tilbudsafdeling: Kroner?
    public var plejefamilieafdeling: Kroner?
    public var plejefamilier: Decimal?
    public var plejefamilierNygodkendelser: Decimal?
    public var grundtakstTilsyn: Kroner?
    public var bpaTimepris: Kroner?

    public init(aar: Int, plFaktor: Decimal? = nil, tilbudsafdeling: Kroner? = nil, plejefamilieafdeling: Kroner? = nil,
                plejefamilier: Decimal? = nil, plejefamilierNygodkendelser: Decimal? = nil, grundtakstTilsyn: Kroner? = nil,
                bpaTimepris: Kroner? = nil) {
        self.aar = aar
        self.plFaktor = plFaktor
        self.tilbudsafdeling = tilbudsafdeling
        self.plejefamilieafdeling = plejefamilieafdeling
        self.plejefamilier = plejefamilier
        self.plejefamilierNygodkendelser = plejefamilierNygodkendelser
        self.grundtakstTilsyn = grundtakstTilsyn
        self.bpaTimepris = bpaTimepris
    }
}

/// Everything one socialtilsyn's budget year is computed from (DOMAIN.md 6.7) — the input of
/// `takstfil socialtilsyn beregn --input FILE.json`.
public struct SocialtilsynInput: Codable, Equatable, Sendable {
    public var navn: String
    public var budgetaar: Int
    /// Free text: where the figures come from.
    public var beskrivelse: String?
    public var budget: SocialtilsynBudgetInput
    public var antal: Antalsforudsaetninger
    public var takster: Tilsynstakstparametre
    public var objektivFinansiering: ObjektivFinansieringInput
    public var sammenligning: SocialtilsynSammenligning?

    public init(navn: String, budgetaar: Int, beskrivelse: String? = nil, budget: SocialtilsynBudgetInput, antal: Antalsforudsaetninger,
                takster: Tilsynstakstparametre, objektivFinansiering: ObjektivFinansieringInput, sammenligning: SocialtilsynSammenligning? = nil) {
        self.navn = navn
        self.budgetaar = budgetaar
        self.beskrivelse = beskrivelse
        self.budget = budget
        self.antal = antal
        self.takster = takster
        self.objektivFinansiering = objektivFinansiering
        self.sammenligning = sammenligning
    }
}

public struct Sammenligningslinje: Codable, Equatable, Sendable {
    public var post: String
    /// The earlier year's figure in the budget year's prices.
    public var tidligere: Decimal
    public var nu: Decimal
    public var aendring: Decimal
    public var aendringPctUafrundet: Decimal?
    /// One decimal, as the sources print it.
    public var aendringPct: Decimal?
}

public struct Socialtilsynsfinansiering: Codable, Equatable, Sendable {
    /// = plejefamilieafdelingens budget.
    public var objektivFinansiering: Kroner
    /// = tilbudsafdelingens budget, financed by takster (tilbud, BPA).
    public var takstfinansiering: Kroner
    public var iAlt: Kroner
}

public struct SocialtilsynResultat: Codable, Equatable, Sendable {
    public var navn: String
    public var budgetaar: Int
    public var budget: SocialtilsynBudgetresultat
    public var finansiering: Socialtilsynsfinansiering
    public var takster: Tilsynstakstresultat
    public var objektivFinansiering: Fordelingsresultat
    public var befolkningskvartal: String
    public var gennemsnitsprisPrPlejefamilieUafrundet: Decimal
    /// budget_pleje / (plejefamilier + nygodkendelser), whole kroner (004:410–418).
    public var gennemsnitsprisPrPlejefamilie: Kroner
    public var sammenligning: [Sammenligningslinje]?
    public var noter: [String]
}

public enum Socialtilsyn {
    /// Budget → department budgets → takster, BPA, objektiv finansiering, gennemsnitspris and the
    /// comparison with an earlier year. Income-financed: budget = objektiv finansiering + takster.
    public static func beregn(_ input: SocialtilsynInput) throws -> SocialtilsynResultat {
        guard (2000...2100).contains(input.budgetaar) else {
            throw Valideringsfejl(felt: "budgetaar", besked: "budgetåret skal være et årstal (fik \(input.budgetaar))")
        }
        var noter: [String] = []
        let budget = try SocialtilsynBudget.beregn(input.budget, budgetaar: input.budgetaar)
        let a = input.antal
        try Kontrol.ikkeNegativ(a.plejefamilier, felt: "antal.plejefamilier", hvad: "antal plejefamilier")
        try Kontrol.ikkeNegativ(a.plejefamilierNygodkendelser, felt: "antal.plejefamilierNygodkendelser", hvad: "antal nygodkendelser")
        let familier = a.plejefamilier + a.plejefamilierNygodkendelser
        try Kontrol.positiv(familier, felt: "antal.plejefamilier", hvad: "antal plejefamilier inkl. nygodkendelser")

        let takster = try Tilsynstakster.beregn(input.takster, tilbudsbudget: budget.tilbudsafdeling.budget)

        let of = input.objektivFinansiering
        let regelkvartal = Befolkning.kvartalForObjektivFinansiering(budgetaar: input.budgetaar)
        let kvartal = (of.kvartal ?? regelkvartal).uppercased()
        if kvartal != regelkvartal {
            noter.append("Nøglen er fra \(kvartal); reglen er 2. kvartal året før budgetåret (\(regelkvartal)).")
        }
        let noegle: Fordelingsnoegle
        switch (of.noegle, of.befolkning) {
        case (let n?, nil):
            noegle = n
        case (nil, let rows?):
            noegle = try medFelt("objektivFinansiering") {
                try Befolkning.noegle(rows, aldersgruppe: of.aldersgruppe ?? .nulTil17, kvartal: kvartal,
                                      daekningsomraade: of.daekningsomraade)
            }
        case (nil, nil):
            throw Valideringsfejl(felt: "objektivFinansiering", besked: "angiv en fordelingsnøgle eller befolkningstal")
        case (_?, _?):
            throw Valideringsfejl(felt: "objektivFinansiering", besked: "angiv enten en fordelingsnøgle eller befolkningstal — ikke begge")
        }
        let fordeling = try medFelt("objektivFinansiering.noegle") {
            try Fordeling.fordel(beloeb: budget.plejefamilieafdeling.budget, noegle: noegle,
                                 afrunding: of.afrunding ?? .standard, daekningsomraade: of.daekningsomraade)
        }

        let gnsUafrundet = budget.plejefamilieafdeling.budget / familier
        let sammenligning = try input.sammenligning.map {
            try sammenlign($0, budget: budget, familier: familier, gennemsnitspris: gnsUafrundet, input: input, takster: takster)
        }
        return SocialtilsynResultat(
            navn: input.navn, budgetaar: input.budgetaar, budget: budget,
            finansiering: Socialtilsynsfinansiering(objektivFinansiering: budget.plejefamilieafdeling.budget,
                                                    takstfinansiering: budget.tilbudsafdeling.budget, iAlt: budget.iAlt),
            takster: takster, objektivFinansiering: fordeling, befolkningskvartal: kvartal,
            gennemsnitsprisPrPlejefamilieUafrundet: gnsUafrundet,
            gennemsnitsprisPrPlejefamilie: afrundet(gnsUafrundet, decimaler: 0),
            sammenligning: sammenligning, noter: noter)
    }

    static func sammenlign(_ s: SocialtilsynSammenligning, budget: SocialtilsynBudgetresultat, familier: Decimal,
                           gennemsnitspris: Decimal, input: SocialtilsynInput, takster: Tilsynstakstresultat) throws -> [Sammenligningslinje] {
        let pl = s.plFaktor ?? 1
        try Kontrol.positiv(pl, felt: "sammenligning.plFaktor", hvad: "P/L-faktoren")
        func linje(_ post: String, _ foer: Decimal, _ nu: Decimal) -> Sammenligningslinje {
            let pct: Decimal? = foer == 0 ? nil : (nu / foer - 1) * 100
            return Sammenligningslinje(post: post, tidligere: foer, nu: nu, aendring: nu - foer,
                                       aendringPctUafrundet: pct, aendringPct: pct.map { afrundet($0, decimaler: 1) })
        }
        var linjer: [Sammenligningslinje] = []
        if let t = s.tilbudsafdeling, let p = s.plejefamilieafdeling {
            linjer.append(linje("Budget samlet", (t + p) * pl, budget.iAlt))
        }
        if let t = s.tilbudsafdeling { linjer.append(linje("Tilbudsafdelingen", t * pl, budget.tilbudsafdeling.budget)) }
        if let p = s.plejefamilieafdeling { linjer.append(linje("Plejefamilieafdelingen", p * pl, budget.plejefamilieafdeling.budget)) }
        if let n = s.plejefamilier, let g = s.plejefamilierNygodkendelser {
            linjer.append(linje("Plejefamilier inkl. nygodkendelser", n + g, familier))
            if let p = s.plejefamilieafdeling, n + g > 0 {
                linjer.append(linje("Gennemsnitspris pr. plejefamilie", p * pl / (n + g), gennemsnitspris))
            }
        }
        if let g = s.grundtakstTilsyn, let nu = takster.raekke(.op7)?.tilsynAar {
            linjer.append(linje("Tilsynstakst 1-7 pladser", g * pl, nu))
        }
        if let b = s.bpaTimepris, let nu = input.takster.bpa?.timepris {
            linjer.append(linje("BPA timepris", b * pl, nu))
        }
        return linjer
    }
}
