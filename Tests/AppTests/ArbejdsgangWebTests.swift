@testable import Demo
@testable import Kommandolinje
@testable import Web
import FluentKit
import Lager
import Takstregler
import XCTVapor

/// The yearly cycle through the pages: a driftsherre reports (takst computed on the server,
/// Danish messages next to the fields, optimistic locking), the secretariat rejects, approves
/// with the decision, publishes and corrects — and every step is in the audit log with who,
/// when, before and after.
final class ArbejdsgangWebTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    var takststi: String { "/indberetning/tilbud/\(m.toftehoej!)/takst" }

    func felter(_ navn: String, omk: String = "640000", revision: String? = nil, handling: String = "gem") -> [String: String] {
        var f = ["aar": "\(m.naesteAar)", "niveau": navn, "enhed": "doegn", "pladser": "2", "belaegningsprocent": "95", "afrunding": "oere",
                 "omk_personale": omk, "indt_tekst_1": "Salg af ydelser", "indt_beloeb_1": "0", "overhead_metode": "ingen", "handling": handling]
        if let revision { f["revision"] = revision }
        return f
    }

    /// Basis and ydelse through the form: Østerskoven's scenario 2 (12 pladser, 85 %, basisbudget
    /// 12.489.292,58, effektiv timeløn 390, 8 timer) gives 3.355 + 3.671 = 7.026; a half-filled split
    /// is refused at its own field; an API-style form without the fields keeps the stored split.
    func testBasisOgYdelsestaktIFormularen() async throws {
        let d = try await m.logInd("jammerbugt@test.dk")
        var f = felter("Østerskoven-model", omk: "12489292,58")
        f["pladser"] = "12"
        f["belaegningsprocent"] = "85"
        f["afrunding"] = "hele_kroner"
        f["by_basisbudget"] = "12489292,58"
        let halv = try await d.post(takststi, f)
        XCTAssertEqual(halv.status, .unprocessableEntity)
        XCTAssertTrue(halv.body.string.contains("id=\"f-by_timeloen-fejl\">Udfyld den effektive timeløn."), halv.body.string)
        f["by_timeloen"] = "390"
        f["by_pladser"] = "0"
        let nul = try await d.post(takststi, f)
        XCTAssertEqual(nul.status, .unprocessableEntity)
        XCTAssertTrue(nul.body.string.contains("id=\"f-by_pladser-fejl\">Antal pladser skal være større end 0"), nul.body.string)
        f["by_pladser"] = ""
        let gemt = try await d.post(takststi, f)
        XCTAssertEqual(gemt.status, .seeOther, gemt.body.string)
        func model() async throws -> GemtTakstniveau {
            let alle = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
            return try XCTUnwrap(alle.first { $0.navn == "Østerskoven-model" })
        }
        let n = try await model()
        XCTAssertEqual(n.takst, 7026)
        let by = try XCTUnwrap(n.niveau.basisYdelse)
        XCTAssertEqual([by.pladser, by.belaegningsprocent, by.dage, by.timerPrDoegn, by.effektivTimeloen], [12, 85, 365, 8, 390])
        let r = try n.niveau.beregn()
        XCTAssertEqual([r.basisYdelse?.basistakst, r.basisYdelse?.ydelsestakst], [3355, 3671])

        // Reopened, the form shows the split; without the fields at all (the API), the split stays.
        let side = try await d.get(takststi + "?aar=\(m.naesteAar)&niveau=%C3%98sterskoven-model")
        XCTAssertTrue(side.body.string.contains("value=\"12489292,58\""), "basisbudgettet vises")
        var uden = felter("Østerskoven-model", omk: "12489292,58", revision: "\(n.revision)")
        uden["pladser"] = "12"
        uden["belaegningsprocent"] = "85"
        uden["afrunding"] = "hele_kroner"
        let igen = try await d.post(takststi, uden)
        XCTAssertEqual(igen.status, .seeOther, igen.body.string)
        let efter = try await model()
        XCTAssertEqual(efter.takst, 7026)
        // Emptied fields remove it: the takst is the level's own again.
        var tomme = uden
        tomme["revision"] = "\(efter.revision)"
        for k in Takstformular.basisYdelsesfelter { tomme[k] = "" }
        let tomt = try await d.post(takststi, tomme)
        XCTAssertEqual(tomt.status, .seeOther)
        let uSplit = try await model()
        XCTAssertNil(uSplit.niveau.basisYdelse)
        XCTAssertEqual(uSplit.takst, try uSplit.niveau.beregn().takst)

        // The API reads the same fields.
        let api = try await d.api(.PUT, "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau", json: #"""
            {"navn": "API-split", "aar": \#(m.naesteAar), "pladser": 12, "belaegningsprocent": "85",
             "omkostninger": [{"kategori": "personale", "beloeb": "12489292,58"}],
             "basisYdelse": {"basisbudget": "12489292,58", "effektivTimeloen": 390}}
            """#)
        XCTAssertEqual(api.status, .created, api.body.string)
        let viaAPI = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar).first { $0.navn == "API-split" }
        XCTAssertEqual(viaAPI?.takst, 7026)
    }

    /// An approved level is refused through the API and the web form alike, in the workflow's words,
    /// and nothing is written (the level and the audit log are unchanged).
    func testGodkendtNiveauAfvisesIAPIOgFormular() async throws {
        let id = try await m.nytNiveau(.godkendt)
        let hentet = try await m.lager.takstniveau(id: id)
        let gemt = try XCTUnwrap(hentet)
        let haendelserFoer = try await m.lager.haendelser(Haendelsesfilter(graense: 1)).antal
        let d = try await m.logInd("jammerbugt@test.dk")
        let api = try await d.api(.PUT, "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau", json: """
            {"navn": "\(gemt.navn)", "aar": \(gemt.aar), "revision": \(gemt.revision), "pladser": 2, "belaegningsprocent": 95,
             "omkostninger": [{"kategori": "personale", "beloeb": 1}]}
            """)
        XCTAssertEqual(api.status, .conflict, api.body.string)
        XCTAssertTrue(api.body.string.contains("er godkendt og kan ikke ændres"), api.body.string)
        var f = felter(gemt.navn, omk: "1", revision: "\(gemt.revision)")
        f["aar"] = "\(gemt.aar)"
        let web = try await d.post(takststi, f)
        XCTAssertEqual(web.status, .conflict, web.body.string)
        let efterHentet = try await m.lager.takstniveau(id: id)
        let efter = try XCTUnwrap(efterHentet)
        XCTAssertEqual(efter.revision, gemt.revision)
        XCTAssertEqual(efter.takst, gemt.takst)
        XCTAssertEqual(efter.status, .godkendt)
        let haendelserEfter = try await m.lager.haendelser(Haendelsesfilter(graense: 1)).antal
        XCTAssertEqual(haendelserEfter, haendelserFoer)
    }

    /// The API refuses what the form cannot carry instead of dropping it: an unreadable amount in one
    /// of two cost lines of a category (it used to count as 0) and a fourth other-income line (it used
    /// to be cut off) answer 422 naming the field, and nothing is saved.
    func testAPIAfviserIstedetForAtTabe() async throws {
        let d = try await m.logInd("jammerbugt@test.dk")
        let sti = "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau"
        let foer = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar).count
        let ulaeselig = try await d.api(.PUT, sti, json: """
            {"navn": "API-linjer", "aar": \(m.naesteAar), "pladser": 2, "belaegningsprocent": 95,
             "omkostninger": [{"kategori": "personale", "beloeb": 600000}, {"kategori": "personale", "beloeb": "seks"}]}
            """)
        XCTAssertEqual(ulaeselig.status, .unprocessableEntity, ulaeselig.body.string)
        XCTAssertTrue(ulaeselig.body.string.contains("omkostninger[2].beloeb"), ulaeselig.body.string)
        let indtaegter = (1...4).map { #"{"tekst": "Salg \#($0)", "beloeb": 1000}"# }.joined(separator: ",")
        let fire = try await d.api(.PUT, sti, json: """
            {"navn": "API-linjer", "aar": \(m.naesteAar), "pladser": 2, "belaegningsprocent": 95,
             "omkostninger": [{"kategori": "personale", "beloeb": 600000}], "andreIndtaegter": [\(indtaegter)]}
            """)
        XCTAssertEqual(fire.status, .unprocessableEntity, fire.body.string)
        XCTAssertTrue(fire.body.string.contains("andreIndtaegter"), fire.body.string)
        XCTAssertTrue(fire.body.string.contains("højst 3 linjer"), fire.body.string)
        let efter = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar).count
        XCTAssertEqual(efter, foer)
    }

    func testDriftsherreIndberetterMedDanskeFejlOgOptimistiskLaasning() async throws {
        let d = try await m.logInd("jammerbugt@test.dk")
        // Refused values come back next to their fields, as typed, and nothing is saved.
        var f = felter("Takst 1", omk: "640.000")
        f["pladser"] = "0"
        f["belaegningsprocent"] = "120"
        let afvist = try await d.post(takststi, f)
        XCTAssertEqual(afvist.status, .unprocessableEntity)
        let html = afvist.body.string
        XCTAssertTrue(html.contains("id=\"f-omk_personale-fejl\">Personaleomkostninger: &#39;640.000&#39; er tvetydigt") ||
                      html.contains("id=\"f-omk_personale-fejl\">Personaleomkostninger: '640.000' er tvetydigt"), html)
        XCTAssertTrue(html.contains("value=\"640.000\""), "det indtastede bevares")
        XCTAssertTrue(html.contains("aria-invalid=\"true\""))
        var tom = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
        XCTAssertTrue(tom.isEmpty)
        // The domain's own checks, once the numbers parse.
        f["omk_personale"] = "640000"
        let domaene = try await d.post(takststi, f).body.string
        XCTAssertTrue(domaene.contains("Antal pladser skal være større end 0 (fik 0)."), domaene)
        XCTAssertTrue(domaene.contains("Belægningsprocenten skal være over 0 og højst 100 (fik 120)."))
        tom = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
        XCTAssertTrue(tom.isEmpty)

        // "Beregn" computes without saving.
        let beregnet = try await d.post(takststi, felter("Takst 1", handling: "beregn"))
        XCTAssertEqual(beregnet.status, .ok)
        XCTAssertTrue(beregnet.body.string.contains("Beregnet takst: 922,86 kr."))
        XCTAssertTrue(beregnet.body.string.contains("693,5"), "uafrundet antal døgn")
        tom = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
        XCTAssertTrue(tom.isEmpty)

        // Saved: the takst is computed on the server (640.000 / 693,5 døgn).
        let gemt = try await d.post(takststi, felter("Takst 1"))
        XCTAssertEqual(gemt.status, .seeOther)
        let gemte = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
        let niveau = try XCTUnwrap(gemte.first)
        XCTAssertEqual(niveau.takst, Decimal(string: "922.86"))
        XCTAssertEqual(niveau.status, .kladde)
        let side = try await d.get(try XCTUnwrap(gemt.headers.first(name: .location)))
        XCTAssertTrue(side.body.string.contains("Takst 1 \(m.naesteAar) er gemt som kladde: døgntakst 922,86 kr."))
        XCTAssertTrue(side.body.string.contains("name=\"revision\" value=\"1\""))
        XCTAssertTrue(side.body.string.contains("value=\"640000\""), "tallet kan gemmes igen uændret")

        // Two people edit revision 1: the second gets a Danish conflict and keeps what was typed.
        let foerste = try await d.post(takststi, felter("Takst 1", omk: "650000", revision: "1"))
        XCTAssertEqual(foerste.status, .seeOther)
        let anden = try await d.post(takststi, felter("Takst 1", omk: "700000", revision: "1"))
        XCTAssertEqual(anden.status, .conflict)
        let k = anden.body.string
        XCTAssertTrue(k.contains("Konflikt: takstniveauet &#39;Takst 1&#39;") || k.contains("Konflikt: takstniveauet 'Takst 1'"), k)
        XCTAssertTrue(k.contains("er ændret af jammerbugt@test.dk"), k)
        XCTAssertTrue(k.contains("value=\"700000\""), "intet går tabt")
        XCTAssertTrue(k.contains("name=\"revision\" value=\"2\""), "formularen står nu på den gemte revision")
        let efterKonflikt = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar).first
        XCTAssertEqual(efterKonflikt?.takst, Decimal(string: "937.27"), "den første ændring står")

        // A second level with an existing name is refused without a revision.
        let dublet = try await d.post(takststi, felter("Takst 1"))
        XCTAssertEqual(dublet.status, .conflict)

        // Submit; then it is locked for the driftsherre.
        let indsend = try await d.post(takststi, felter("Takst 1", omk: "650000", revision: "2", handling: "indsend"))
        XCTAssertEqual(indsend.status, .seeOther)
        let status = try await m.status(niveau.id)
        XCTAssertEqual(status, .indsendt)
        let laast = try await d.post(takststi, felter("Takst 1", omk: "1", revision: "3"))
        XCTAssertEqual(laast.status, .conflict)
        let oversigt = try await d.get("/indberetning")
        XCTAssertTrue(oversigt.body.string.contains("Toftehøj"))
        XCTAssertTrue(oversigt.body.string.contains("status-indsendt"))
        XCTAssertFalse(oversigt.body.string.contains("Kildehuset"), "kun egne tilbud")
    }

    func testFristVisesFraAarsparameter() async throws {
        try await m.lager.saetFristTakster(aar: m.naesteAar, region: "Nordjylland", dato: "\(m.naesteAar - 1)-10-01", af: "test")
        let d = try await m.logInd("jammerbugt@test.dk")
        let html = try await d.get("/indberetning").body.string
        XCTAssertTrue(html.contains("Frist for indberetning af takster for \(m.naesteAar): <strong>1. oktober \(m.naesteAar - 1)</strong>"), html)
        let s = try await m.logInd("sekretariat@test.dk")
        // A region that does not exist is refused, not shown as the first region's parameters.
        let ukendt = try await s.get("/sekretariat/parametre?region=Fyn")
        XCTAssertEqual(ukendt.status, .badRequest)
        XCTAssertTrue(ukendt.body.string.contains("region: ukendt region &#39;Fyn&#39;") || ukendt.body.string.contains("region: ukendt region 'Fyn'"), ukendt.body.string)
        XCTAssertTrue(ukendt.body.string.contains("kendte: Nordjylland"), "the known regions are named")
        let valgt = try await s.get("/sekretariat/parametre?region=Nordjylland")
        XCTAssertEqual(valgt.status, .ok)
        XCTAssertTrue(valgt.body.string.contains("<option value=\"Nordjylland\" selected"), "the region asked for is the one shown")
        let res = try await s.post("/sekretariat/parametre", ["aar": "\(m.naesteAar)", "region": "Nordjylland", "frist": "1. oktober",
                                                              "vaegt_1": "1", "vaegt_2": "1,2"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Skriv fristen som en dato (åååå-mm-dd)."))
        XCTAssertTrue(res.body.string.contains("Udfyld alle fire vægte."))
        // The region's rule for billing aflastning (DOMAIN.md 6.12): set on the same page, read by the contract commands.
        let syd = try await m.lager.aflastningsgrundlag(region: "Syddanmark", aar: m.naesteAar)
        let nord = try await m.lager.aflastningsgrundlag(region: "Nordjylland", aar: m.naesteAar)
        XCTAssertNil(syd)
        XCTAssertEqual(nord, .bevilgede, "the sources' rule for Nordjylland")
        let gemt = try await s.post("/sekretariat/parametre", ["aar": "\(m.naesteAar)", "region": "Nordjylland", "aflastning": "brugte"])
        XCTAssertEqual(gemt.status, .seeOther, gemt.body.string)
        let sat = try await m.lager.aflastningsgrundlag(region: "Nordjylland", aar: m.naesteAar)
        XCTAssertEqual(sat, .brugte)
    }

    func testRegnskabOgBelaegningMedFejlVedFeltet() async throws {
        let d = try await m.logInd("jammerbugt@test.dk")
        let sti = "/indberetning/tilbud/\(m.toftehoej!)"
        let fejl = try await d.post(sti + "/regnskab", ["r_aar": "\(m.naesteAar - 2)", "r_omkostninger": "tusind", "r_belaegning": "-1"])
        XCTAssertEqual(fejl.status, .unprocessableEntity)
        XCTAssertTrue(fejl.body.string.contains("id=\"f-r_omkostninger-fejl\">Årets omkostninger: &#39;tusind&#39; er ikke et tal.") ||
                      fejl.body.string.contains("id=\"f-r_omkostninger-fejl\">Årets omkostninger: 'tusind' er ikke et tal."), fejl.body.string)
        XCTAssertTrue(fejl.body.string.contains("Belægningen må ikke være negativ."))
        let ok = try await d.post(sti + "/regnskab", ["r_aar": "\(m.naesteAar - 2)", "r_omkostninger": "5.157.018", "r_takstindtaegter": "5.200.000",
                                                      "r_belaegning": "10,4", "handling": "indsend"])
        XCTAssertEqual(ok.status, .seeOther)
        let r = try await m.lager.gemteRegnskaber(tilbudID: m.toftehoej)
        XCTAssertEqual(r.map(\.status), [.indsendt])
        XCTAssertEqual(r[0].regnskab.resultat, 42_982)
        let bel = try await d.post(sti + "/belaegning", ["b_aar": "2026", "b_kvartal": "5", "b_art": "doegn", "b_normering": "182", "b_forbrug": "170"])
        XCTAssertEqual(bel.status, .unprocessableEntity)
        XCTAssertTrue(bel.body.string.contains("Vælg kvartal 1, 2, 3 eller 4."))
        let belOK = try await d.post(sti + "/belaegning", ["b_aar": "2026", "b_kvartal": "1", "b_art": "doegn", "b_normering": "180", "b_forbrug": "171"])
        XCTAssertEqual(belOK.status, .seeOther)
        let side = try await d.get(sti + "?aar=\(m.naesteAar)")
        XCTAssertTrue(side.body.string.contains("5.157.018"))
        XCTAssertTrue(side.body.string.contains("171"))

        // The secretariat approves the regnskab; it then feeds the efterregulering of 2027.
        let s = try await m.logInd("sekretariat@test.dk")
        do { let r = try await s.get("/sekretariat"); XCTAssertTrue(r.body.string.contains("Toftehøj (Jammerbugt Kommune) – regnskab \(m.naesteAar - 2)")) }
        let g = try await s.post("/sekretariat/regnskab/\(m.toftehoej!)/\(m.naesteAar - 2)/godkend")
        XCTAssertEqual(g.status, .seeOther)
        let regnskaber = try await m.lager.gemteRegnskaber(tilbudID: m.toftehoej)
        XCTAssertEqual(regnskaber.first?.status, .godkendt)
        var f = felter("Takst 1", handling: "beregn")
        f["efterregulering"] = "ja"
        let medRegulering = try await d.post(takststi, f)
        XCTAssertEqual(medRegulering.status, .ok, medRegulering.body.string)
        XCTAssertTrue(medRegulering.body.string.contains("Efterregulering af overskud \(m.naesteAar - 2)"), medRegulering.body.string)
        XCTAssertTrue(medRegulering.body.string.contains("-42.982,00"))
    }

    /// Rejection, approval with the decision reference, publication, correction: each is in
    /// the audit log with who, when, before and after.
    func testGodkendelseAfvisningRettelseOgOffentliggoerelseRevideres() async throws {
        let start = Date().addingTimeInterval(-1)
        let d = try await m.logInd("jammerbugt@test.dk")
        let s = try await m.logInd("sekretariat@test.dk")
        do { let r = try await d.post(takststi, felter("Takst 1", handling: "indsend")); XCTAssertEqual(r.status, .seeOther) }
        let indsendte = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
        let id = try XCTUnwrap(indsendte.first?.id)

        // The queue shows it with last year's comparison.
        let koe = try await s.get("/sekretariat").body.string
        XCTAssertTrue(koe.contains("/sekretariat/niveau/\(id.uuidString)"), koe)
        XCTAssertTrue(koe.contains("922,86"))

        // Rejection needs a comment; with one, the driftsherre sees it.
        let uden = try await s.post("/sekretariat/niveau/\(id)/afvis", ["begrundelse": " "])
        XCTAssertEqual(uden.status, .unprocessableEntity)
        XCTAssertTrue(uden.body.string.contains("Skriv en kommentar til driftsherren"))
        do { let r = try await s.post("/sekretariat/niveau/\(id)/afvis", ["begrundelse": "Belægningen er for lav"]); XCTAssertEqual(r.status, .seeOther) }
        let hosDriftsherre = try await d.get("/indberetning/tilbud/\(m.toftehoej!)?aar=\(m.naesteAar)").body.string
        XCTAssertTrue(hosDriftsherre.contains("Sekretariatets kommentar: Belægningen er for lav"))

        // Corrected and resubmitted, then approved with the decision reference.
        do { let r = try await d.post(takststi, felter("Takst 1", omk: "630000", revision: "3", handling: "indsend")); XCTAssertEqual(r.status, .seeOther) }
        let mangler = try await s.post("/sekretariat/niveau/\(id)/godkend", ["organ": "", "dato": "20-11-2026", "punkt": ""])
        XCTAssertEqual(mangler.status, .unprocessableEntity)
        for t in ["Vælg det organ", "Skriv mødedatoen som en dato", "Skriv dagsordenspunktet"] {
            XCTAssertTrue(mangler.body.string.contains(t), t)
        }
        let delegation = "DAS gav FU kompetence til at behandle taksterne på det næstkommende møde i FU"
        let godkendt = try await s.post("/sekretariat/niveau/\(id)/godkend",
                                        ["organ": "FU", "dato": "2026-11-20", "punkt": "4", "tekst": "FU godkendte nye takster for Toftehøj",
                                         "delegation": delegation])
        XCTAssertEqual(godkendt.status, .seeOther)
        let model = try await m.lager.takstniveau(id: id)
        XCTAssertEqual(model?.beslutning, Beslutning(organ: "FU", dato: "2026-11-20", punkt: "4", tekst: "FU godkendte nye takster for Toftehøj",
                                                     delegation: delegation))

        // Published for the year: public on the list and the tilbud page.
        do { let r = try await s.post("/sekretariat/offentliggoer", ["aar": "\(m.naesteAar)"]); XCTAssertEqual(r.status, .seeOther) }
        let offentlig = try await Webtestmiljoe.Klient(m.app).get("/?aar=\(m.naesteAar)&q=Toftehøj".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
        XCTAssertTrue(offentlig.body.string.contains("908,44"), offentlig.body.string)
        // The decision, with its delegation, is shown with the approval on the public tilbud page.
        let medBeslutning = try await Webtestmiljoe.Klient(m.app).get("/tilbud/\(m.toftehoej!)")
        XCTAssertTrue(medBeslutning.body.string.contains("Godkendt af FU 20. november 2026, punkt 4 (\(delegation)): FU godkendte nye takster for Toftehøj"),
                      medBeslutning.body.string)

        // A correction is a new version with a reason; version 1 stays public until it is published.
        let retForm = try await s.get("/sekretariat/niveau/\(id)/ret")
        XCTAssertEqual(retForm.status, .ok)
        var rf = Takstformular(niveau: model!.niveau).felter
        rf["omk_personale"] = "620000"
        rf["handling"] = "gem"
        let udenGrund = try await s.post("/sekretariat/niveau/\(id)/ret", rf)
        XCTAssertEqual(udenGrund.status, .unprocessableEntity)
        XCTAssertTrue(udenGrund.body.string.contains("En rettelse skal have en begrundelse."))
        rf["begrundelse"] = "Personaleudgiften var talt dobbelt"
        let rettet = try await s.post("/sekretariat/niveau/\(id)/ret", rf)
        XCTAssertEqual(rettet.status, .seeOther)
        let versioner = try await m.lager.versioner(tilbudID: m.toftehoej).filter { $0.aar == m.naesteAar }
        XCTAssertEqual(versioner.map(\.version), [2, 1])
        XCTAssertEqual(versioner.map(\.status), [.kladde, .offentliggjort])
        let stadig = try await m.lager.offentligTakstliste(aar: m.naesteAar).first?.niveauer.first
        XCTAssertEqual(stadig?.niveau.version, 1)
        let v2 = versioner[0].id
        do { let r = try await s.post("/sekretariat/niveau/\(v2)/indsend"); XCTAssertEqual(r.status, .seeOther) }
        do { let r = try await s.post("/sekretariat/niveau/\(v2)/godkend", ["organ": "FU", "dato": "2026-12-04", "punkt": "2"]); XCTAssertEqual(r.status, .seeOther) }
        do { let r = try await s.post("/sekretariat/niveau/\(v2)/offentliggoer"); XCTAssertEqual(r.status, .seeOther) }
        let tilbudsside = try await Webtestmiljoe.Klient(m.app).get("/tilbud/\(m.toftehoej!)").body.string
        XCTAssertTrue(tilbudsside.contains("Begrundelse for rettelse: Personaleudgiften var talt dobbelt"))
        XCTAssertTrue(tilbudsside.contains("894,02"), "version 2 er gældende")
        XCTAssertTrue(tilbudsside.contains("908,44"), "version 1 kan stadig læses")

        // The audit log: who, when, before, after — for every step.
        let log = try await m.lager.haendelser(Haendelsesfilter(bruger: "sekretariat@test.dk", graense: 100)).haendelser
        func haendelse(_ handling: String, _ entitetID: UUID? = nil) throws -> Haendelse {
            try XCTUnwrap(log.first { $0.handling == handling && (entitetID == nil || $0.entitetID == entitetID!.uuidString) }, handling)
        }
        for h in log {
            XCTAssertGreaterThanOrEqual(h.tidspunkt, start)
            XCTAssertLessThanOrEqual(h.tidspunkt, Date().addingTimeInterval(1))
        }
        let afvisning = try haendelse("afvist", id)
        XCTAssertEqual(afvisning.foer, #"{"status":"indsendt"}"#)
        XCTAssertEqual(afvisning.efter, #"{"status":"afvist"}"#)
        XCTAssertEqual(afvisning.begrundelse, "Belægningen er for lav")
        let godkendelse = try haendelse("godkendt", id)
        XCTAssertEqual(godkendelse.foer, #"{"status":"indsendt"}"#)
        // The decision reference, delegation included, is part of what the approval changed.
        XCTAssertEqual(godkendelse.efter, #"{"dato":"2026-11-20","delegation":"DAS gav FU kompetence til at behandle taksterne på det næstkommende møde i FU","organ":"FU","punkt":"4","status":"godkendt"}"#)
        XCTAssertEqual(godkendelse.begrundelse, "FU godkendte nye takster for Toftehøj")
        let offentliggoerelse = try haendelse("offentliggjort", id)
        XCTAssertEqual(offentliggoerelse.foer, #"{"status":"godkendt"}"#)
        XCTAssertEqual(offentliggoerelse.efter, #"{"status":"offentliggjort"}"#)
        let aaret = try haendelse("offentliggoer")
        XCTAssertEqual(aaret.foer, #"{"aar":"\#(m.naesteAar)","antal":"1","status":"godkendt"}"#)
        XCTAssertEqual(aaret.efter, #"{"aar":"\#(m.naesteAar)","antal":"1","status":"offentliggjort"}"#)
        let rettelse = try haendelse("rettelse", v2)
        XCTAssertEqual(rettelse.begrundelse, "Personaleudgiften var talt dobbelt")
        XCTAssertTrue(rettelse.foer?.contains(#""takst":908.44"#) ?? false, rettelse.foer ?? "")
        XCTAssertTrue(rettelse.efter?.contains(#""takst":894.02"#) ?? false, rettelse.efter ?? "")
        let enkelt = try haendelse("offentliggjort", v2)
        XCTAssertEqual(enkelt.foer, #"{"status":"godkendt"}"#)
        // The driftsherre's own steps carry its name.
        let driftsherrens = try await m.lager.haendelser(Haendelsesfilter(bruger: "jammerbugt@test.dk", entitetID: id.uuidString)).haendelser
        XCTAssertEqual(Set(driftsherrens.map(\.handling)), ["opret", "indsendt", "ret"])

        // The audit log page filters by user and action, and downloads as CSV.
        let logside = try await s.get("/revisionslog?bruger=sekretariat%40test.dk&handling=rettelse").body.string
        XCTAssertTrue(logside.contains("1 hændelse."), logside)
        XCTAssertTrue(logside.contains("Personaleudgiften var talt dobbelt"))
        let csv = try await s.get("/revisionslog?handling=godkendt&format=csv")
        XCTAssertEqual(csv.headers.contentType?.subType, "csv")
        XCTAssertTrue(csv.body.string.contains("sekretariat@test.dk;godkendt;takstniveau"))
        do { let r = try await d.get("/revisionslog"); XCTAssertEqual(r.status, .forbidden, "driftsherren ser ikke revisionsloggen") }
    }

    func testRettelseAfIkkeOffentliggjortAfvises() async throws {
        let id = try await m.nytNiveau(.godkendt)
        let s = try await m.logInd("sekretariat@test.dk")
        let side = try await s.get("/sekretariat/niveau/\(id)/ret").body.string
        XCTAssertTrue(side.contains("Kun offentliggjorte takster rettes som ny version"))
        XCTAssertFalse(side.contains("Opret rettelse som ny version"))
        // A correction of version 1 when version 2 exists is a conflict; nothing is overwritten.
        let pub = try await m.nytNiveau(.offentliggjort)
        let n = try await m.lager.takstniveau(id: pub)!
        var f = Takstformular(niveau: n.niveau).felter
        f["begrundelse"] = "første rettelse"
        f["handling"] = "gem"
        do { let r = try await s.post("/sekretariat/niveau/\(pub)/ret", f); XCTAssertEqual(r.status, .seeOther) }
        f["begrundelse"] = "anden rettelse af samme version"
        let igen = try await s.post("/sekretariat/niveau/\(pub)/ret", f)
        XCTAssertEqual(igen.status, .conflict)
        XCTAssertTrue(igen.body.string.contains("der findes allerede en nyere version"))
    }
}
