@testable import Demo
@testable import Kommandolinje
@testable import Web
import FluentKit
import Lager
import XCTVapor

/// The public site and the API on demo data (SQLite file), through Vapor's test client.
final class WebTests: XCTestCase {
    var app: Application!
    var sti: String!

    override func setUp() async throws {
        sti = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-web-\(UUID().uuidString).sqlite").path
        app = try await Application.make(.testing)
        try await configure(app, database: .sqlite(sti: sti), indstillinger: .test)
        try await Demodata.indlaesHvisTom(Lager(app.db), af: "test", aar: Testur.aar)
    }

    override func tearDown() async throws {
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: sti)
    }

    func id(for navn: String) async throws -> UUID {
        try await Lager(app.db).findTilbud(navn: navn).id
    }

    func testHealthz() async throws {
        try await app.test(.GET, "healthz") { res async in
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("\"status\":\"ok\""), res.body.string)
        }
    }

    func testOffentligListeForIndevaerendeAarViserDemotilbud() async throws {
        let aar = Testur.aar
        let forventet = try await Lager(app.db).offentligTakstliste(aar: aar)
        XCTAssertGreaterThanOrEqual(forventet.count, 200)
        try await app.test(.GET, "/") { res async in
            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(res.headers.contentType, .html)
            let html = res.body.string
            XCTAssertTrue(html.contains("<html lang=\"da\">"))
            XCTAssertTrue(html.contains("Tilbud og takster \(aar)"))
            XCTAssertTrue(html.contains("\(forventet.count) tilbud med offentliggjorte takster"))
            XCTAssertTrue(html.contains(forventet[0].tilbud.navn))
            XCTAssertTrue(html.contains("class=\"demo\""))
            // Danish number format: the first tilbud's first takst as 1.234 (whole kroner).
            let takst = forventet[0].niveauer[0]
            XCTAssertTrue(html.contains(Visning.kroner(takst.takst, takst.niveau.grundlag.afrunding)))
        }
    }

    func testToftehoej2021IListeOgSoegning() async throws {
        try await app.test(.GET, "/?aar=2021&q=toftehøj".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!) { res async in
            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("1 tilbud med offentliggjorte takster"), html)
            for takst in ["891,89", "1.075,95", "1.352,04", "1.950,23"] { XCTAssertTrue(html.contains(takst), takst) }
        }
    }

    func testTilbudssideViserBeregningen() async throws {
        let toftehoej = try await id(for: "Toftehøj")
        try await app.test(.GET, "tilbud/\(toftehoej)") { res async in
            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("Takstberegningsgrundlag"))
            XCTAssertTrue(html.contains("693,5"), "uafrundet antal døgn")
            XCTAssertTrue(html.contains("618.526,00"))
            XCTAssertTrue(html.contains("891,89"))
        }
        let ncoe = try await id(for: "Neurocenter Østerskoven")
        try await app.test(.GET, "tilbud/\(ncoe)") { res async in
            let html = res.body.string
            for tal in ["3.355", "3.671", "7.026", "458,82", "Personaleomkostninger"] { XCTAssertTrue(html.contains(tal), tal) }
        }
        try await app.test(.GET, "tilbud/\(UUID())") { res async in XCTAssertEqual(res.status, .notFound) }
    }

    func testAPIV1Tilbud() async throws {
        try await app.test(.GET, "api/v1/tilbud?aar=2024") { res async throws in
            XCTAssertEqual(res.status, .ok)
            let liste = try res.content.decode([APIController.TilbudUd].self)
            let ncoe = try XCTUnwrap(liste.first { $0.navn == "Neurocenter Østerskoven" })
            XCTAssertEqual(ncoe.takstniveauer.map(\.takst), ["7026"])
            XCTAssertFalse(ncoe.demo)
        }
    }
}
