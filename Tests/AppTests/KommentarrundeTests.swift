@testable import Demo
@testable import Kommandolinje
@testable import Web
import Lager
import Takstregler
import XCTVapor

/// The comment round on the web: a driftsherre comments on its own rows (as its organisation,
/// whatever the form says), errors are shown next to the field, the secretariat publishes the
/// year, and after that comments are refused and the pages say the round is over.
final class KommentarrundeTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    func testKommentarOffentliggoerelseOgAfvisningBagefter() async throws {
        let aar = 2019
        let d = try await m.logInd("jammerbugt@test.dk")
        let side = try await d.get("/indberetning/ledelsesinformation?aar=\(aar)")
        XCTAssertEqual(side.status, .ok)
        XCTAssertTrue(side.body.string.contains("Kommentarrunden for \(aar) er åben"), side.body.string)

        let tom = try await d.post("/indberetning/ledelsesinformation/kommentar", ["aar": "\(aar)", "tabel": "takstudvikling", "tekst": "  "])
        XCTAssertEqual(tom.status, .unprocessableEntity)
        XCTAssertTrue(tom.body.string.contains("Kommentaren er tom."), tom.body.string)
        let ukendt = try await d.post("/indberetning/ledelsesinformation/kommentar", ["aar": "\(aar)", "tabel": "belaegning", "tekst": "x"])
        XCTAssertEqual(ukendt.status, .unprocessableEntity)
        XCTAssertTrue(ukendt.body.string.contains("Ukendt tabel &#39;belaegning&#39;") || ukendt.body.string.contains("Ukendt tabel 'belaegning'"),
                      ukendt.body.string)

        // The driftsherre field is not the form's to choose: the comment is Jammerbugt's.
        let ok = try await d.post("/indberetning/ledelsesinformation/kommentar",
                                  ["aar": "\(aar)", "tabel": "takstudvikling", "tekst": "Nyt tilbud i 2019", "driftsherre": "Aalborg Kommune"])
        XCTAssertEqual(ok.status, .seeOther)
        let k = try await m.lager.kommentarer(aar: aar)
        XCTAssertEqual(k["takstudvikling"]?["Jammerbugt Kommune"], ["Nyt tilbud i 2019"])
        XCTAssertNil(k["takstudvikling"]?["Aalborg Kommune"])
        let liste = try await d.get("/indberetning/ledelsesinformation?aar=\(aar)")
        XCTAssertTrue(liste.body.string.contains("Kommentaren er gemt"))
        XCTAssertTrue(liste.body.string.contains("Nyt tilbud i 2019"))
        // Aalborg sees only its own comments.
        let a = try await m.logInd("aalborg@test.dk")
        let aalborgs = try await a.get("/indberetning/ledelsesinformation?aar=\(aar)").body.string
        XCTAssertFalse(aalborgs.contains("Nyt tilbud i 2019"))

        let offentligFoer = try await m.app.sendRequest(.GET, "/ledelsesinformation?aar=\(aar)")
        XCTAssertTrue(offentligFoer.body.string.contains("Foreløbig"))

        let s = try await m.logInd("sekretariat@test.dk")
        let pub = try await s.post("/sekretariat/ledelsesinformation/offentliggoer", ["aar": "\(aar)"])
        XCTAssertEqual(pub.status, .seeOther)
        let gemt = try await m.lager.ledelsesinformationOffentliggjort(aar: aar)
        let dato = try XCTUnwrap(gemt)
        XCTAssertTrue(Datoer.erDato(dato))
        let igen = try await s.post("/sekretariat/ledelsesinformation/offentliggoer", ["aar": "\(aar)"])
        XCTAssertNotEqual(igen.status, .seeOther, "to gange offentliggjort")
        let stadig = try await m.lager.ledelsesinformationOffentliggjort(aar: aar)
        XCTAssertEqual(stadig, dato)

        let sen = try await d.post("/indberetning/ledelsesinformation/kommentar", ["aar": "\(aar)", "tabel": "pladser", "tekst": "For sent"])
        XCTAssertEqual(sen.status, .unprocessableEntity)
        XCTAssertTrue(sen.body.string.contains("Kommentarrunden for \(aar) er slut"), sen.body.string)
        XCTAssertFalse(sen.body.string.contains("Gem kommentar"), "formularen vises ikke efter offentliggørelsen")
        let pladskommentarer = try await m.lager.kommentarer(aar: aar)["pladser"]
        XCTAssertNil(pladskommentarer)
        let offentligEfter = try await m.app.sendRequest(.GET, "/ledelsesinformation?aar=\(aar)")
        XCTAssertTrue(offentligEfter.body.string.contains("Offentliggjort \(Visning.dato(dato))."))
    }
}
