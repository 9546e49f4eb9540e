@testable import Demo
@testable import Kommandolinje
@testable import Web
import FluentKit
import Foundation
import Lager
import SQLKit
import Takstregler
import XCTVapor

/// The public pages are served from memory (`Offentligcache`): this server's own writes show at
/// once, another process's within the check interval, and a signed-in user never gets the page
/// cached for visitors. The clock is the test's own, so nothing depends on timing.
final class OffentligcacheTests: XCTestCase {
    final class Ur: @unchecked Sendable {
        private let laas = NSLock()
        private var t: TimeInterval = 1_000
        var nu: TimeInterval { laas.withLock { t } }
        func frem(_ s: TimeInterval) { laas.withLock { t += s } }
    }

    var env: Webtestmiljoe!
    let ur = Ur()

    override func setUp() async throws {
        env = try await Webtestmiljoe()
        let ur = self.ur
        env.app.offentligcache = Offentligcache(kontrolinterval: 5, ur: { ur.nu })
    }

    override func tearDown() async throws { try await env.luk() }

    func side(_ sti: String) async throws -> String {
        let res = try await env.app.sendRequest(.GET, sti)
        XCTAssertEqual(res.status, .ok, sti)
        return res.body.string
    }

    /// What a write by another process (the CLI, a second server) looks like from here: the rows,
    /// their audit event and the stored write counter change in the database (as `Lager.iTransaktion`
    /// does there), and this process's change counter does not move.
    func andenProcesOmdoeber(_ fra: String, til: String) async throws {
        let sql = try XCTUnwrap(env.app.db as? any SQLDatabase)
        let foer = Aendringstaeller.vaerdi
        try await sql.update(Tilbudsmodel.schema).set("navn", to: til).where("navn", .equal, fra).run()
        try await Haendelsesmodel(Haendelse(bruger: "cli:anden", tidspunkt: Tidspunkt.nu(), handling: "ret", entitet: "tilbud",
                                            entitetID: "", foer: nil, efter: nil, begrundelse: "test")).create(on: env.app.db)
        try await sql.raw("UPDATE aendringer SET loebenummer = loebenummer + 1 WHERE id = 1").run()
        XCTAssertEqual(Aendringstaeller.vaerdi, foer, "skrivningen skal ligne en anden proces'")
    }

    func testAndenProcesAendringSesNaarIntervalletErGaaet() async throws {
        let t1 = try await side("/?aar=2021")
        XCTAssertTrue(t1.contains(">Toftehøj<"))
        let t2 = try await side("/api/v1/tilbud?aar=2021&side=1")
        XCTAssertTrue(t2.contains("\"navn\":\"Toftehøj\""))
        try await andenProcesOmdoeber("Toftehøj", til: "Toftehøj Nord")
        // Within the interval the page and the API page come from memory.
        let t3 = try await side("/?aar=2021")
        XCTAssertFalse(t3.contains("Toftehøj Nord"))
        let t4 = try await side("/api/v1/tilbud?aar=2021&side=1")
        XCTAssertFalse(t4.contains("Toftehøj Nord"))
        ur.frem(5)
        let t5 = try await side("/?aar=2021")
        XCTAssertTrue(t5.contains(">Toftehøj Nord<"))
        let t6 = try await side("/api/v1/tilbud?aar=2021&side=1")
        XCTAssertTrue(t6.contains("\"navn\":\"Toftehøj Nord\""))
    }

    func testEgenOffentliggoerelseSesStraks() async throws {
        let res = try await env.app.sendRequest(.GET, "/api/v1/tilbud?aar=2021")
        XCTAssertEqual(res.headers.first(name: "X-Total-Count"), "1")
        let t7 = try await side("/?aar=2021")
        XCTAssertFalse(t7.contains("Kildehuset"))
        // Kildehuset gets a published 2021 level through the Lager, as the web forms do; the clock stands still.
        let m = try await env.lager.gemTakstniveau(tilbudID: env.kildehuset, niveau: env.niveau("Takst A", aar: 2021, omkostninger: 900_000), af: "test")
        let id = m.id
        try await env.lager.skiftStatus(niveauID: id, til: .indsendt, af: "test")
        try await env.lager.skiftStatus(niveauID: id, til: .godkendt, af: "test",
                                        beslutning: Beslutning(organ: "FU", dato: "2021-01-29", punkt: "4", tekst: "test"))
        try await env.lager.offentliggoerNiveau(id, af: "test")
        let t8 = try await side("/?aar=2021")
        XCTAssertTrue(t8.contains(">Kildehuset<"))
        let efter = try await env.app.sendRequest(.GET, "/api/v1/tilbud?aar=2021")
        XCTAssertEqual(efter.headers.first(name: "X-Total-Count"), "2")
        XCTAssertTrue(efter.body.string.contains("\"navn\":\"Kildehuset\""))
    }

    func testLoggetIndFaarAldrigDenGemteSideForBesoegende() async throws {
        let anonym = try await side("/?aar=2021")
        XCTAssertFalse(anonym.contains("sekretariat@test.dk"))
        let k = try await env.logInd("sekretariat@test.dk")
        let indlogget = try await k.get("/?aar=2021").body.string
        XCTAssertTrue(indlogget.contains("sekretariat@test.dk (sekretariat)"), String(indlogget.prefix(2000)))
        XCTAssertTrue(indlogget.contains(">Toftehøj<"))
        let t9 = try await side("/?aar=2021")
        XCTAssertFalse(t9.contains("sekretariat@test.dk"), "besøgende må ikke se den indloggedes side")
    }

    func testHuskBygger1GangPrNoegleOgErBegraenset() {
        let u = Offentligcache.Udgave(liste: [], aarMedTakster: [], regionAf: [:])
        var bygget = 0
        for _ in 0..<3 { XCTAssertEqual(u.husk("a") { bygget += 1; return "A" }, "A") }
        XCTAssertEqual(bygget, 1)
        for i in 0..<(Offentligcache.Udgave.maksHuskede * 2) { _ = u.husk("n\(i)") { i } }
        XCTAssertLessThanOrEqual(u.antalHuskede, Offentligcache.Udgave.maksHuskede)
        XCTAssertEqual(u.husk("n\(Offentligcache.Udgave.maksHuskede * 2 - 1)") { -1 }, Offentligcache.Udgave.maksHuskede * 2 - 1)
    }
}
