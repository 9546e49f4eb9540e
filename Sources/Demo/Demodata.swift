import Foundation
import Lager
import Takstregler

/// Demo data: the real figures of the fixtures plus a generated, plausible set of tilbud, all
/// marked `demo` (shown as such on every page). Loaded in one transaction.
public enum Demodata {
    public static let kildeGenereret = "Genererede demodata – ikke rigtige tal"

    /// Loads the demo into an empty database; returns the number of tilbud created (0 when the
    /// database already has tilbud, so real data is never mixed with demo data).
    @discardableResult
    public static func indlaesHvisTom(_ lager: Lager, af bruger: String, aar: Int) async throws -> Int {
        guard try await lager.antalTilbud() == 0 else { return 0 }
        return try await lager.iTransaktion { tx in
            try await indlaes(Lager(tx), af: bruger, aar: aar)
        }
    }

    static func indlaes(_ l: Lager, af bruger: String, aar: Int) async throws -> Int {
        var antal = 0
        for navn in Demokilder.midtRegnskab.map(\.driftsherre) {
            let art: Organisation.Art = navn.hasPrefix("Region") ? .region : .kommune
            try await l.opretOrganisation(Organisation(navn: navn, art: art, region: "Midtjylland"), af: bruger)
        }
        try await l.opretOrganisation(Organisation(navn: "Region Nordjylland", art: .region, region: "Nordjylland"), af: bruger)
        for navn in Demokilder.nordKommuner {
            try await l.opretOrganisation(Organisation(navn: navn, art: .kommune, region: "Nordjylland"), af: bruger)
        }
        try await l.opretOrganisation(Organisation(navn: "Socialtilsyn Nord", art: .socialtilsyn, region: "Nordjylland"), af: bruger)
        let fu = Beslutning(organ: "FU", dato: "2021-01-29", punkt: "Takster for Toftehøj",
                            tekst: "FU godkendte nye takster for Toftehøj")

        // Toftehøj 2021: four levels, published to the øre (003:1425–1448).
        let toftehoej = try await l.opretTilbud(
            Tilbud(navn: "Toftehøj", driftsherre: "Jammerbugt Kommune", paragraf: "107, 108", maalgruppe: .psykiskHandicap),
            af: bruger, kilde: "Referat 003:1425–1448 (takstbilag 2021)")
        for t in Demokilder.toftehoej {
            let niveau = Takstniveau(navn: t.niveau, aar: 2021, grundlag: Takstgrundlag(
                omkostninger: [Omkostningslinje(.oevrige, t.omkostninger, tekst: "Omkostninger")],
                pladser: t.pladser, belaegningsprocent: 95, afrunding: .oere))
            try await publicer(l, tilbudID: toftehoej, niveau, af: bruger, beslutning: fu)
        }
        antal += 1

        // Neurocenter Østerskoven 2024, scenario 2: 12 pladser at 85 %, basis + ydelse (002:1594–1798).
        let ncoe = try await l.opretTilbud(
            Tilbud(navn: "Neurocenter Østerskoven", driftsherre: "Region Nordjylland", paragraf: "107, 108",
                   maalgruppe: .fysiskHandicap, ejerform: .regional,
                   afdelinger: ["Erhvervet hjerneskade", "Medfødt hjerneskade"]),
            af: bruger, kilde: "Referat 002:1594–1798 (scenarie 2)")
        let budget = Demokilder.oesterskovenBudget.map { Omkostningslinje($0.0, $0.2, tekst: $0.1) }
        // The published total; the lines as shown add up to 0,11 kr less (personnel shown in whole kroner).
        let basisbudget = Demokilder.oesterskovenBasisbudget
        try await publicer(l, tilbudID: ncoe, Takstniveau(
            navn: "Erhvervet hjerneskade", aar: 2024,
            grundlag: Takstgrundlag(omkostninger: budget, pladser: 12, belaegningsprocent: 85),
            basisYdelse: BasisYdelseGrundlag(basisbudget: basisbudget, pladser: 12, belaegningsprocent: 85,
                                             effektivTimeloen: 390, timerPrDoegn: 8)),
            af: bruger, beslutning: Beslutning(organ: "DAS", dato: "2023-09-01", punkt: "Neurocenter Østerskoven",
                                              tekst: "Scenarie 2: 12 pladser, belægningsprocent 85"))
        antal += 1

        var generator = Demogenerator(seed: 2026, aar: aar)
        antal += try await generator.opret(l, af: bruger)
        return antal
    }

    /// Draft → submitted → approved (with the decision) → published, as the workflow requires.
    static func publicer(_ l: Lager, tilbudID: UUID, _ niveau: Takstniveau, af bruger: String,
                         beslutning: Beslutning? = nil, begrundelse: String? = nil) async throws {
        let m = try await l.gemTakstniveau(tilbudID: tilbudID, niveau: niveau, af: bruger, begrundelse: begrundelse)
        let id = m.id
        try await l.skiftStatus(niveauID: id, til: .indsendt, af: bruger)
        try await l.skiftStatus(niveauID: id, til: .godkendt, af: bruger, beslutning: beslutning)
        try await l.offentliggoerNiveau(id, af: bruger)
    }
}
