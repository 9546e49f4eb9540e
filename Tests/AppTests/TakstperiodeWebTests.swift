@testable import Web
import Foundation
import Lager
import Takstregler
import XCTVapor

/// Issue "Takstens livscyklus" 3 and 4 on the web and the API: a driftsherre enters a new period in
/// the form, the secretariat approves provisionally, and the public list, the tilbud page and the
/// API answer for a date (MH, 002:2833–2842: 5.299 provisional, 5.599 from 1 March 2024).
final class TakstperiodeWebTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    var takststi: String { "/indberetning/tilbud/\(m.toftehoej!)/takst" }

    /// Two places at 95 % are 693,5 døgn: the costs that give exactly `takst`.
    func felter(takst: Decimal, gyldigFra: String = "") -> [String: String] {
        ["aar": "2024", "niveau": "MH", "enhed": "doegn", "pladser": "2", "belaegningsprocent": "95", "afrunding": "hele_kroner",
         "omk_personale": "\(takst * Decimal(string: "693.5")!)".replacingOccurrences(of: ".", with: ","), "overhead_metode": "ingen",
         "gyldig_fra": gyldigFra, "handling": "indsend"]
    }

    func mh() async throws -> [GemtTakstniveau] {
        try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: 2024).filter { $0.navn == "MH" }
    }

    func testMidlertidigOgEndeligTakstPaaListenSidenOgAPIet() async throws {
        let d = try await m.logInd("jammerbugt@test.dk")
        let s = try await m.logInd("sekretariat@test.dk")
        do { let r = try await d.post(takststi, felter(takst: 5299)); XCTAssertEqual(r.status, .seeOther, r.body.string) }
        let foerste = try await mh()
        let foreloebig = try XCTUnwrap(foerste.first)
        let g = try await s.post("/sekretariat/niveau/\(foreloebig.id)/godkend",
                                 ["organ": "DAS", "dato": "2023-11-03", "punkt": "5", "midlertidig": "ja"])
        XCTAssertEqual(g.status, .seeOther, g.body.string)
        do { let r = try await s.post("/sekretariat/offentliggoer", ["aar": "2024"]); XCTAssertEqual(r.status, .seeOther) }

        // The final takst is a new period from 1 March; the provisional one is untouched.
        do { let r = try await d.post(takststi, felter(takst: 5599, gyldigFra: "2024-03-01")); XCTAssertEqual(r.status, .seeOther, r.body.string) }
        let begge = try await mh()
        XCTAssertEqual(begge.count, 2)
        let gammel = try XCTUnwrap(begge.first { $0.id == foreloebig.id })
        XCTAssertEqual([gammel.status], [.offentliggjort])
        XCTAssertEqual(gammel.takst, 5299)
        XCTAssertTrue(gammel.niveau.midlertidig)
        let endelig = try XCTUnwrap(begge.first { $0.id != foreloebig.id })
        XCTAssertEqual(endelig.niveau.gyldigFra, "2024-03-01")
        XCTAssertEqual(endelig.status, .indsendt)
        do {
            let r = try await s.post("/sekretariat/niveau/\(endelig.id)/godkend", ["organ": "DAS", "dato": "2024-02-20", "punkt": "2"])
            XCTAssertEqual(r.status, .seeOther)
        }
        do { let r = try await s.post("/sekretariat/offentliggoer", ["aar": "2024"]); XCTAssertEqual(r.status, .seeOther) }

        let anonym = Webtestmiljoe.Klient(m.app)
        func raekke(_ html: String) -> String {
            // The MH row of the public table.
            guard let r = html.range(of: "<td>MH</td>") else { return "" }
            return String(html[r.lowerBound...].prefix(400))
        }
        let feb = try await anonym.get("/?aar=2024&dato=2024-02-01")
        XCTAssertEqual(feb.status, .ok)
        XCTAssertTrue(raekke(feb.body.string).contains("5.299"), raekke(feb.body.string))
        XCTAssertTrue(raekke(feb.body.string).contains("midlertidig"), raekke(feb.body.string))
        XCTAssertTrue(feb.body.string.contains("gældende 1. februar 2024"), feb.body.string)
        let mar = try await anonym.get("/?aar=2024&dato=2024-03-01")
        XCTAssertTrue(raekke(mar.body.string).contains("5.599"), raekke(mar.body.string))
        XCTAssertFalse(raekke(mar.body.string).contains("midlertidig"), raekke(mar.body.string))
        let csv = try await anonym.get("/?aar=2024&dato=2024-02-01&format=csv").body.string
        XCTAssertTrue(csv.split(separator: "\n").contains { $0.contains(";MH;") && $0.contains(";5299;") && $0.contains(";2024-01-01;;ja;") }, csv)

        // Both versions on the tilbud page, the provisional one labelled.
        let side = try await anonym.get("/tilbud/\(m.toftehoej!)").body.string
        XCTAssertTrue(side.contains("MH – 2024</h3>") && side.contains("MH – 2024, fra 1. marts 2024</h3>"), side)
        XCTAssertTrue(side.contains("5.299 kr.") && side.contains("5.599 kr.") && side.contains("midlertidig takst"), side)
        XCTAssertTrue(side.contains("Godkendt af DAS 3. november 2023, punkt 5"), side)

        // The API answers for a date too.
        let api = try await anonym.get("/api/v1/tilbud?aar=2024&dato=2024-02-01")
        let tilbud = try JSONDecoder().decode([APIController.TilbudUd].self, from: Data(api.body.string.utf8))
        let n = try XCTUnwrap(tilbud.first { $0.navn == "Toftehøj" }?.takstniveauer.first { $0.navn == "MH" })
        XCTAssertEqual([n.takst, n.gyldigFra], ["5299", "2024-01-01"])
        XCTAssertTrue(n.midlertidig)
        let svar = try await anonym.get("/api/v1/tilbud/\(m.toftehoej!)")
        let alle = try JSONDecoder().decode(APIController.TilbudUd.self, from: Data(svar.body.string.utf8))
        XCTAssertEqual(alle.takstniveauer.filter { $0.navn == "MH" }.map(\.takst), ["5299", "5599"])

        // A wrong date is refused, naming the field.
        let daarlig = try await anonym.get("/?aar=2024&dato=2024-13-01")
        XCTAssertEqual(daarlig.status, .badRequest)
        XCTAssertTrue(daarlig.body.string.contains("Dato: skriv datoen som åååå-mm-dd"), daarlig.body.string)
        let daarligAPI = try await anonym.get("/api/v1/tilbud?aar=2024&indskrevet=i-går")
        XCTAssertEqual(daarligAPI.status, .badRequest, daarligAPI.body.string)
        XCTAssertTrue(daarligAPI.body.string.contains("indskrevet"), daarligAPI.body.string)
    }

    /// Through the API: a new `gyldigFra` is a new period; the approved one is not touched; a period
    /// outside the year is a 422 naming the field and saves nothing.
    func testNyPeriodeGennemAPIet() async throws {
        let d = try await m.apiKlient(rolle: "driftsherre")
        let sti = "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau"
        func krop(_ fra: String?, omk: Int) -> String {
            "{\"navn\":\"Døgn\",\"aar\":2024,\"pladser\":1,\"belaegningsprocent\":100,\"omkostninger\":[{\"kategori\":\"personale\",\"beloeb\":\(omk)}]"
                + (fra.map { ",\"gyldigFra\":\"\($0)\"" } ?? "") + "}"
        }
        let jan = try await d.api(.PUT, sti, json: krop(nil, omk: 365_000))
        XCTAssertEqual(jan.status, .created, jan.body.string)
        let id = try JSONDecoder().decode(APIController.NiveauUd.self, from: Data(jan.body.string.utf8)).id
        for s in [Status.indsendt, .godkendt] { try await m.lager.skiftStatus(niveauID: id, til: s, af: "test") }
        let jul = try await d.api(.PUT, sti, json: krop("2024-07-01", omk: 730_000))
        XCTAssertEqual(jul.status, .created, jul.body.string)
        let ny = try JSONDecoder().decode(APIController.NiveauUd.self, from: Data(jul.body.string.utf8))
        XCTAssertEqual([ny.gyldigFra, ny.takst], ["2024-07-01", "2000"])
        let foer = try await m.lager.takstniveau(id: id)
        XCTAssertEqual(foer?.status, .godkendt)
        XCTAssertEqual(foer?.takst, 1000)
        // The approved January period itself is still refused, in the workflow's words.
        let igen = try await d.api(.PUT, sti, json: krop("2024-01-01", omk: 1))
        XCTAssertEqual(igen.status, .conflict, igen.body.string)
        XCTAssertTrue(igen.body.string.contains("er godkendt og kan ikke ændres"), igen.body.string)
        let udenfor = try await d.api(.PUT, sti, json: krop("2025-01-01", omk: 1))
        XCTAssertEqual(udenfor.status, .unprocessableEntity, udenfor.body.string)
        XCTAssertTrue(udenfor.body.string.contains("gyldig_fra"), udenfor.body.string)
        let antal = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: 2024).count
        XCTAssertEqual(antal, 2)
    }

    /// DOMAIN.md 6.2: a provision kept from a surplus is shown with its balance and the year it must
    /// be used by, to the driftsherre and on the secretariat's page of the level.
    func testHensaettelseVisesMedLevetid() async throws {
        var n = m.niveau("Med hensættelse", aar: m.naesteAar, omkostninger: 700_000)
        n.grundlag.reguleringer = [Regulering(regnskabsaar: m.naesteAar - 2, overUnderskud: 50_000, hensat: 120_000)]
        let gemt = try await m.lager.gemTakstniveau(tilbudID: m.toftehoej, niveau: n, af: "test")
        for s in [Status.indsendt, .godkendt] { try await m.lager.skiftStatus(niveauID: gemt.id, til: s, af: "test") }
        let h = try await m.lager.hensaettelser(tilbudID: m.toftehoej)
        XCTAssertEqual(h, [Hensaettelse(regnskabsaar: m.naesteAar - 2, beloeb: 120_000)])
        let d = try await m.logInd("jammerbugt@test.dk")
        let side = try await d.get("/indberetning/tilbud/\(m.toftehoej!)?aar=\(m.naesteAar)").body.string
        XCTAssertTrue(side.contains("<h2 id=\"hensaettelser\">Hensættelser</h2>"), side)
        XCTAssertTrue(side.contains("<td>\(m.naesteAar - 2)</td><td class=\"tal\">120.000</td><td>\(m.naesteAar + 3)</td><td>Åben</td>"), side)
        let s = try await m.logInd("sekretariat@test.dk")
        let sek = try await s.get("/sekretariat/niveau/\(gemt.id)").body.string
        XCTAssertTrue(sek.contains("Saldo \(Testur.aar): 120.000 kr."), sek)
    }
}
