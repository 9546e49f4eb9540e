@testable import Demo
@testable import Kommandolinje
@testable import Web
import Fluent
import Lager
import Takstregler
import XCTVapor

/// Signing in and out: bcrypt, sessions in the database, cookie flags, CSRF, the login
/// throttle, API tokens, and the audit of account changes.
final class KontoTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    func testLogIndSessionICookieOgLogUd() async throws {
        let k = Webtestmiljoe.Klient(m.app)
        let side = try await k.get("/log-ind")
        XCTAssertEqual(side.status, .ok)
        let foer = try XCTUnwrap(k.cookie, "login-formularen har en session (til CSRF-token)")
        XCTAssertNotNil(k.csrf)

        let forkert = try await k.post("/log-ind", ["email": "jammerbugt@test.dk", "kodeord": "forkert-kodeord"])
        XCTAssertEqual(forkert.status, .unauthorized)
        XCTAssertTrue(forkert.body.string.contains("E-mailadressen eller kodeordet er forkert."))

        let ok = try await k.post("/log-ind", ["email": "Jammerbugt@Test.dk ", "kodeord": Webtestmiljoe.kodeord])
        XCTAssertEqual(ok.status, .seeOther)
        XCTAssertEqual(ok.headers.first(name: .location), "/indberetning")
        let saetCookie = try XCTUnwrap(ok.headers.first(name: .setCookie))
        XCTAssertTrue(saetCookie.hasPrefix("takstfil-session="), saetCookie)
        XCTAssertTrue(saetCookie.contains("HttpOnly"), saetCookie)
        XCTAssertTrue(saetCookie.contains("SameSite=Lax"), saetCookie)
        XCTAssertFalse(saetCookie.contains("Secure"), "http uden --sikre-cookies")
        XCTAssertNotEqual(k.cookie, foer, "ny session-id ved login (ingen session fixation)")

        // The session lives in the database, and the old one is gone.
        let sessioner = try await SessionRecord.query(on: m.app.db).all()
        XCTAssertEqual(sessioner.count, 1)
        let jammerbugtID = try await m.lager.brugerTilLogin(email: "jammerbugt@test.dk")?.konto.id.uuidString
        XCTAssertEqual(sessioner[0].data["bruger"], jammerbugtID)
        XCTAssertFalse(sessioner.contains { "takstfil-session=\($0.key.string)" == foer })

        let konto = try await k.get("/konto")
        XCTAssertEqual(konto.status, .ok)
        XCTAssertTrue(konto.body.string.contains("jammerbugt@test.dk"))
        XCTAssertTrue(konto.body.string.contains("Jammerbugt Kommune"))
        XCTAssertEqual(konto.headers.first(name: .cacheControl), "no-store")

        let ud = try await k.post("/log-ud")
        XCTAssertEqual(ud.status, .seeOther)
        XCTAssertEqual(ud.headers.first(name: .location), "/log-ind?ud=1")
        XCTAssertNil(k.cookie, "cookien udløber")
        let sessionerEfter = try await SessionRecord.query(on: m.app.db).count()
        XCTAssertEqual(sessionerEfter, 0)
        let igen = try await k.get("/konto")
        XCTAssertEqual(igen.status, .seeOther)
        XCTAssertTrue(igen.headers.first(name: .location)?.hasPrefix("/log-ind?naeste=") ?? false)
    }

    func testSikreCookiesOverHTTPS() async throws {
        try await m.luk()
        var sikre = Webindstillinger.test
        sikre.sikreCookies = true
        m = try await Webtestmiljoe(indstillinger: sikre)
        let k = Webtestmiljoe.Klient(m.app)
        let res = try await k.get("/log-ind")
        let c = try XCTUnwrap(res.headers.first(name: .setCookie))
        XCTAssertTrue(c.hasPrefix("__Host-takstfil-session="), c)
        XCTAssertTrue(c.contains("Secure"), c)
        XCTAssertTrue(c.contains("HttpOnly"), c)
        XCTAssertTrue(c.contains("Path=/"), c)
        XCTAssertEqual(try Webindstillinger.fraMiljoe(["TAKSTFIL_SIKRE_COOKIES": "1"]).sikreCookies, true)
        // Without the setting, a request that came over https (per the proxy) still gets a Secure cookie.
        try await m.luk()
        m = try await Webtestmiljoe()
        let proxy = try await m.app.sendRequest(.GET, "/log-ind", headers: ["X-Forwarded-Proto": "https"])
        let pc = try XCTUnwrap(proxy.headers.first(name: .setCookie))
        XCTAssertTrue(pc.hasPrefix("takstfil-session="), pc)
        XCTAssertTrue(pc.contains("Secure"), pc)
        let http = try await m.app.sendRequest(.GET, "/log-ind")
        XCTAssertFalse(http.headers.first(name: .setCookie)?.contains("Secure") ?? true)
        XCTAssertEqual(try Webindstillinger.fraMiljoe([:]).sikreCookies, false)
    }

    func testLogindBegraensning() async throws {
        let k = Webtestmiljoe.Klient(m.app)
        _ = try await k.get("/log-ind")
        for _ in 1...5 {
            let r = try await k.post("/log-ind", ["email": "sekretariat@test.dk", "kodeord": "gaet-et-kodeord"])
            XCTAssertEqual(r.status, .unauthorized)
        }
        // Now even the right password is refused for that account …
        let spaerret = try await k.post("/log-ind", ["email": "sekretariat@test.dk", "kodeord": Webtestmiljoe.kodeord])
        XCTAssertEqual(spaerret.status, .tooManyRequests)
        XCTAssertTrue(spaerret.body.string.contains("For mange mislykkede forsøg"), spaerret.body.string)
        // … while other accounts still sign in, and every attempt is recorded.
        _ = try await m.logInd("admin@test.dk")
        let forsoeg = try await Loginforsoegmodel.query(on: m.app.db).filter(\.$email == "sekretariat@test.dk").all()
        // The five wrong guesses and the refused sixth (counted before it is judged).
        XCTAssertEqual(forsoeg.filter { !$0.lykkedes }.count, 6)
        XCTAssertEqual(forsoeg.filter(\.lykkedes).count, 0)
    }

    func testCSRFKraevesPaaFormularer() async throws {
        let k = try await m.logInd("jammerbugt@test.dk")
        let uden = try await k.post("/log-ud", medCSRF: false)
        XCTAssertEqual(uden.status, .forbidden)
        XCTAssertTrue(uden.body.string.contains("CSRF"))
        let forkert = try await k.post("/log-ud", [CSRFMiddleware.feltnavn: "forfalsket"], medCSRF: false)
        XCTAssertEqual(forkert.status, .forbidden)
        let regnskab = try await k.post("/indberetning/tilbud/\(m.toftehoej!)/regnskab",
                                        ["r_aar": "2025", "r_omkostninger": "100", "r_belaegning": "1"], medCSRF: false)
        XCTAssertEqual(regnskab.status, .forbidden)
        let antal = try await m.lager.gemteRegnskaber(tilbudID: m.toftehoej).count
        XCTAssertEqual(antal, 0, "intet gemt uden CSRF-token")
        // The login form itself is protected (login CSRF).
        let anden = Webtestmiljoe.Klient(m.app)
        let login = try await anden.post("/log-ind", ["email": "admin@test.dk", "kodeord": Webtestmiljoe.kodeord], medCSRF: false)
        XCTAssertEqual(login.status, .forbidden)
        // Every POST form on the pages carries the token.
        for sti in ["/indberetning", "/indberetning/tilbud/\(m.toftehoej!)?aar=\(m.naesteAar)", "/konto"] {
            let html = try await k.get(sti).body.string
            let former = html.components(separatedBy: "<form").dropFirst().filter { $0.contains("method=\"post\"") }
            XCTAssertFalse(former.isEmpty, sti)
            for f in former { XCTAssertTrue(f.contains("name=\"_csrf\""), "\(sti): \(f.prefix(120))") }
        }
    }

    func testAPINoeglerOgSessionPaaAPI() async throws {
        let k = try await m.logInd("jammerbugt@test.dk")
        let oprettet = try await k.post("/konto/api-noegler", ["navn": "Økonomisystem"])
        XCTAssertEqual(oprettet.status, .created)
        let html = oprettet.body.string
        let start = try XCTUnwrap(html.range(of: "<code>tf_"))
        let token = String(html[html.index(start.lowerBound, offsetBy: 6)...].prefix { $0 != "<" })
        XCTAssertGreaterThan(token.count, 30)
        let gemt = try await APINoeglemodel.query(on: m.app.db).all()
        XCTAssertEqual(gemt.map(\.noegleHash), [Kodeord.sha256(token)], "kun hashen gemmes")

        let api = Webtestmiljoe.Klient(m.app)
        api.token = token
        let mig = try await api.api(.GET, "/api/v1/mig")
        XCTAssertEqual(mig.status, .ok)
        XCTAssertTrue(mig.body.string.contains("\"rolle\":\"driftsherre\""), mig.body.string)
        api.token = "tf_ukendt"
        let ukendt = try await api.api(.GET, "/api/v1/mig")
        XCTAssertEqual(ukendt.status, .unauthorized)
        XCTAssertTrue(ukendt.body.string.contains("\"fejl\""))

        // A session may write through the API only with the CSRF header.
        let body = #"{"aar": 2025, "kvartal": 1, "art": "doegn", "normering": 180, "forbrug": "170,5"}"#
        let udenHeader = try await k.api(.POST, "/api/v1/indberetning/tilbud/\(m.toftehoej!)/belaegning", json: body, medCSRF: false)
        XCTAssertEqual(udenHeader.status, .forbidden)
        let medHeader = try await k.api(.POST, "/api/v1/indberetning/tilbud/\(m.toftehoej!)/belaegning", json: body)
        XCTAssertEqual(medHeader.status, .created, medHeader.body.string)
        let b = try await m.lager.belaegninger(tilbudID: m.toftehoej, aar: 2025)
        XCTAssertEqual(b.first?.forbrug, Decimal(string: "170.5"))

        // Revoked tokens stop working.
        let id = try XCTUnwrap(gemt.first?.id)
        let tilbage = try await k.post("/konto/api-noegler/\(id)/tilbagekald")
        XCTAssertEqual(tilbage.status, .seeOther)
        api.token = token
        let efter = try await api.api(.GET, "/api/v1/mig")
        XCTAssertEqual(efter.status, .unauthorized)
        let log = try await m.lager.haendelser(Haendelsesfilter(entitet: "api_noegle")).haendelser
        XCTAssertEqual(Set(log.map(\.handling)), ["opret", "tilbagekald"])
        XCTAssertFalse(log.contains { ($0.efter ?? "").contains(token) }, "nøglen står aldrig i loggen")
    }

    func testSkiftKodeord() async throws {
        let k = try await m.logInd("aalborg@test.dk")
        let forkert = try await k.post("/konto/kodeord", ["nuvaerende": "forkert", "nyt": "kort", "gentag": "andet"])
        XCTAssertEqual(forkert.status, .unprocessableEntity)
        let html = forkert.body.string
        XCTAssertTrue(html.contains("Det nuværende kodeord er forkert."))
        XCTAssertTrue(html.contains("Kodeordet skal have mindst 10 tegn."))
        XCTAssertTrue(html.contains("De to nye kodeord er ikke ens."))
        let ok = try await k.post("/konto/kodeord", ["nuvaerende": Webtestmiljoe.kodeord, "nyt": "et-nyt-langt-kodeord", "gentag": "et-nyt-langt-kodeord"])
        XCTAssertEqual(ok.status, .seeOther)
        _ = try await m.logInd("aalborg@test.dk", kodeord: "et-nyt-langt-kodeord")
        let log = try await m.lager.haendelser(Haendelsesfilter(entitet: "bruger", handling: "nyt_kodeord")).haendelser
        XCTAssertEqual(log.map(\.bruger), ["aalborg@test.dk"])
        XCTAssertFalse((log.first?.efter ?? "").contains("$2"), "ingen hash i loggen")
    }

    func testAdminOpretterBrugerOgDeaktiverer() async throws {
        let admin = try await m.logInd("admin@test.dk")
        let mangler = try await admin.post("/admin/brugere", ["email": "ny@test.dk", "rolle": "driftsherre", "kodeord": "et-langt-kodeord"])
        XCTAssertEqual(mangler.status, .unprocessableEntity)
        XCTAssertTrue(mangler.body.string.contains("En driftsherre-konto skal høre til en organisation."))
        let ok = try await admin.post("/admin/brugere", ["email": "ny@test.dk", "rolle": "driftsherre", "organisation": "Aalborg Kommune",
                                                         "kodeord": "et-langt-kodeord"])
        XCTAssertEqual(ok.status, .seeOther)
        let ny = try await m.logInd("ny@test.dk", kodeord: "et-langt-kodeord")
        let forside = try await ny.get("/indberetning")
        XCTAssertEqual(forside.status, .ok)
        let oprettelser = try await m.lager.haendelser(Haendelsesfilter(entitet: "bruger", handling: "opret", graense: 10)).haendelser
        let h = try XCTUnwrap(oprettelser.first)
        XCTAssertEqual(h.bruger, "admin@test.dk")
        XCTAssertTrue(h.efter?.contains("\"email\":\"ny@test.dk\"") ?? false, h.efter ?? "")
        XCTAssertTrue(h.efter?.contains("\"organisation\":\"Aalborg Kommune\"") ?? false)
        XCTAssertFalse(h.efter?.contains("$2") ?? true, "ingen hash i loggen")

        let fundet = try await m.lager.brugerTilLogin(email: "ny@test.dk")
        let id = try XCTUnwrap(fundet?.konto.id)
        let deaktiveret = try await admin.post("/admin/brugere/\(id)/aktiv", ["aktiv": "nej"])
        XCTAssertEqual(deaktiveret.status, .seeOther)
        let efter = try await ny.get("/indberetning")
        XCTAssertEqual(efter.status, .seeOther, "en deaktiveret brugers session gælder ikke længere")
        let igen = Webtestmiljoe.Klient(m.app)
        _ = try await igen.get("/log-ind")
        let afvist = try await igen.post("/log-ind", ["email": "ny@test.dk", "kodeord": "et-langt-kodeord"])
        XCTAssertEqual(afvist.status, .unauthorized)
    }

    /// Sessions, the throttle and a report through the pages on PostgreSQL: what several app
    /// instances sharing one database rely on.
    func testSessionOgIndberetningPaaPostgreSQL() async throws {
        guard let pg = ProcessInfo.processInfo.environment["TAKSTFIL_TEST_POSTGRES_URL"], !pg.isEmpty else {
            return XCTFail("TAKSTFIL_TEST_POSTGRES_URL er ikke sat: kør testene med scripts/test, som starter en PostgreSQL")
        }
        try await m.luk()
        m = try await Webtestmiljoe(database: .postgres(url: pg))
        // A database kept between runs (a developer's) still holds the other client's session of the last run.
        try await SessionRecord.query(on: m.app.db).delete()
        let k = try await m.logInd("jammerbugt@test.dk")
        let sessioner = try await SessionRecord.query(on: m.app.db).all()
        XCTAssertEqual(sessioner.count, 1)
        let res = try await k.post("/indberetning/tilbud/\(m.toftehoej!)/takst",
                                   ["aar": "\(m.naesteAar)", "niveau": "Takst 1", "pladser": "2", "belaegningsprocent": "95",
                                    "afrunding": "oere", "omk_personale": "640000", "handling": "gem"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let gemt = try await m.lager.takstniveauer(tilbudID: m.toftehoej, aar: m.naesteAar).first?.takst
        XCTAssertEqual(gemt, Decimal(string: "922.86"))
        let anden = Webtestmiljoe.Klient(m.app)
        _ = try await anden.get("/log-ind")
        for _ in 1...5 { _ = try await anden.post("/log-ind", ["email": "admin@test.dk", "kodeord": "forkert-kodeord"]) }
        let spaerret = try await anden.post("/log-ind", ["email": "admin@test.dk", "kodeord": Webtestmiljoe.kodeord])
        XCTAssertEqual(spaerret.status, .tooManyRequests)
        let ud = try await k.post("/log-ud")
        XCTAssertEqual(ud.status, .seeOther)
        let tilbage = try await SessionRecord.query(on: m.app.db).count()
        XCTAssertEqual(tilbage, 1, "kun den anden klients session er tilbage")
    }
}
