@testable import Web
import Foundation
import Lager
import Takstregler
import XCTVapor

/// Issue "Takstens livscyklus" 2: one typed input for a takstniveau. The form and the API read the
/// same fields through `Takstformular`; several cost lines of a category keep their own amounts and
/// texts, and a stored basis survives edit-and-save through both unchanged.
final class TakstinputTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    let forventet = [Omkostningslinje(.personale, 400_000, tekst: "Løn"), Omkostningslinje(.personale, Decimal(string: "50000.5")!, tekst: "Vikarer"),
                     Omkostningslinje(.oevrige, 100_000, tekst: "Husleje")]
    let indtaegter = [Indtaegtslinje(tekst: "Salg", beloeb: 1_000), Indtaegtslinje(tekst: "Tilskud", beloeb: 2_000)]

    func gemt() async throws -> GemtTakstniveau {
        let alle = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
        return try XCTUnwrap(alle.first { $0.navn == "Linjer" })
    }

    func testFlereLinjerPrKategoriGennemAPIOgFormular() async throws {
        let api = try await m.apiKlient(rolle: "driftsherre")
        let sti = "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau"
        func krop(revision: Int?) -> String {
            """
            {"navn":"Linjer","aar":\(m.naesteAar),\(revision.map { "\"revision\":\($0)," } ?? "")"pladser":2,"belaegningsprocent":95,
             "omkostninger":[{"kategori":"personale","beloeb":400000,"tekst":"Løn"},{"kategori":"personale","beloeb":"50000,5","tekst":"Vikarer"},
                             {"kategori":"oevrige","beloeb":100000,"tekst":"Husleje"}],
             "andreIndtaegter":[{"tekst":"Salg","beloeb":1000},{"tekst":"Tilskud","beloeb":2000}]}
            """
        }
        let oprettet = try await api.api(.PUT, sti, json: krop(revision: nil))
        XCTAssertEqual(oprettet.status, .created, oprettet.body.string)
        var n = try await gemt()
        XCTAssertEqual(n.niveau.grundlag.omkostninger, forventet)
        XCTAssertEqual(n.niveau.grundlag.andreIndtaegter, indtaegter)
        let ud = try JSONDecoder().decode(APIController.NiveauUd.self, from: Data(oprettet.body.string.utf8))
        XCTAssertEqual(ud.omkostninger.map(\.tekst), ["Løn", "Vikarer", "Husleje"])
        XCTAssertEqual(ud.omkostninger.map(\.beloeb), ["400000", "50000.5", "100000"])
        let grundlag = n.niveau.grundlag

        // Saved again through the API with the revision: the same basis, line by line.
        let igen = try await api.api(.PUT, sti, json: krop(revision: n.revision))
        XCTAssertEqual(igen.status, .ok, igen.body.string)
        n = try await gemt()
        XCTAssertEqual(n.niveau.grundlag, grundlag)

        // Opened in the form: each line is its own field, with its text; saved as shown, nothing changes.
        let d = try await m.logInd("jammerbugt@test.dk")
        let side = try await d.get("/indberetning/tilbud/\(m.toftehoej!)/takst?aar=\(m.naesteAar)&niveau=Linjer").body.string
        var felter = Takstformular(niveau: n.niveau).felter
        for (navn, vaerdi) in [("omk_personale", "400000"), ("omk_personale_2", "50000,5"), ("omk_tekst_personale", "Løn"),
                               ("omk_tekst_personale_2", "Vikarer"), ("omk_oevrige", "100000"), ("omk_tekst_oevrige", "Husleje"),
                               ("indt_tekst_2", "Tilskud")] {
            XCTAssertEqual(felter[navn], vaerdi, navn)
            XCTAssertTrue(side.contains("name=\"\(navn)\"") && side.contains("value=\"\(vaerdi)\""), "\(navn) mangler i formularen")
        }
        XCTAssertTrue(side.contains("Personaleomkostninger, linje 2 (Vikarer)"), side)
        felter["aar"] = "\(m.naesteAar)"
        felter["revision"] = "\(n.revision)"
        felter["handling"] = "gem"
        let gem = try await d.post("/indberetning/tilbud/\(m.toftehoej!)/takst", felter)
        XCTAssertEqual(gem.status, .seeOther, gem.body.string)
        let efter = try await gemt()
        XCTAssertEqual(efter.niveau.grundlag, grundlag)
        XCTAssertEqual(efter.revision, n.revision + 1)
    }

    /// Refused, never dropped: an unreadable amount in one of two lines of a category, four income
    /// lines, a negative second line in the form — 422 naming the field, nothing saved.
    func testAfvistInputGemmerIntet() async throws {
        let api = try await m.apiKlient(rolle: "driftsherre")
        let sti = "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau"
        let ulaeselig = try await api.api(.PUT, sti, json: """
            {"navn":"Linjer","aar":\(m.naesteAar),"pladser":2,"belaegningsprocent":95,
             "omkostninger":[{"kategori":"personale","beloeb":400000},{"kategori":"personale","beloeb":"fire"}]}
            """)
        XCTAssertEqual(ulaeselig.status, .unprocessableEntity)
        XCTAssertTrue(ulaeselig.body.string.contains("omkostninger[2].beloeb"), ulaeselig.body.string)
        let fire = try await api.api(.PUT, sti, json: """
            {"navn":"Linjer","aar":\(m.naesteAar),"pladser":2,"belaegningsprocent":95,"omkostninger":[{"kategori":"personale","beloeb":1}],
             "andreIndtaegter":[{"beloeb":1},{"beloeb":2},{"beloeb":3},{"beloeb":4}]}
            """)
        XCTAssertEqual(fire.status, .unprocessableEntity)
        XCTAssertTrue(fire.body.string.contains("andreIndtaegter"), fire.body.string)
        let d = try await m.logInd("jammerbugt@test.dk")
        let negativ = try await d.post("/indberetning/tilbud/\(m.toftehoej!)/takst", [
            "aar": "\(m.naesteAar)", "niveau": "Linjer", "pladser": "2", "belaegningsprocent": "95", "omk_personale": "1000",
            "omk_personale_2": "-5", "overhead_metode": "ingen", "handling": "gem"])
        XCTAssertEqual(negativ.status, .unprocessableEntity)
        XCTAssertTrue(negativ.body.string.contains("id=\"f-omk_personale_2-fejl\""), negativ.body.string)
        let alle = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar)
        XCTAssertFalse(alle.contains { $0.navn == "Linjer" })
    }
}
