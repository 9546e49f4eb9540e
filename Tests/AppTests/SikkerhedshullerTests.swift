@testable import Web
import Filformater
import Fluent
import Foundation
import Lager
import Takstregler
import XCTVapor

/// Issue "Sikkerhed og robusthed" 1: the holes, each probed as an attacker would.
final class SikkerhedshullerTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    /// After sign-in only a path on this site is followed; anything a browser could read as another
    /// host lands on the start page.
    func testIngenAabenViderestilling() async throws {
        for ond in ["/\\evil.example", "//evil.example", "/%2F%2Fevil.example", "https://evil.example", "/\\/evil.example",
                    "/%5Cevil.example", "/%252F%252Fevil.example", "/\tx", "javascript:alert(1)"] {
            let k = Webtestmiljoe.Klient(m.app)
            _ = try await k.get("/log-ind")
            let r = try await k.post("/log-ind", ["email": "sekretariat@test.dk", "kodeord": Webtestmiljoe.kodeord, "naeste": ond])
            XCTAssertEqual(r.status, .seeOther, ond)
            XCTAssertEqual(r.headers.first(name: .location), "/sekretariat", ond)
        }
        let k = Webtestmiljoe.Klient(m.app)
        _ = try await k.get("/log-ind")
        let god = try await k.post("/log-ind", ["email": "sekretariat@test.dk", "kodeord": Webtestmiljoe.kodeord, "naeste": "/?aar=2021&q=Tofte"])
        XCTAssertEqual(god.headers.first(name: .location), "/?aar=2021&q=Tofte")
    }

    /// A tilbud named like a formula is a text in every CSV (Excel's `'`), numbers are unchanged, and
    /// the importer reads the marked text back as the name.
    func testCSVFormlerNeutraliseres() async throws {
        let id = try await m.lager.opretTilbud(Tilbud(navn: "=HYPERLINK(\"http://x\")", driftsherre: "Jammerbugt Kommune"), af: "test")
        let n = try await m.lager.gemTakstniveau(tilbudID: id, niveau: m.niveau("-Takst", aar: 2021, omkostninger: 700_000), af: "test")
        for s in [Status.indsendt, .godkendt, .offentliggjort] { try await m.lager.skiftStatus(niveauID: n.id, til: s, af: "test") }
        let csv = try await Webtestmiljoe.Klient(m.app).get("/?aar=2021&format=csv").body.string
        let linje = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains("HYPERLINK") }, csv)
        XCTAssertTrue(linje.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\")\";"), String(linje))
        XCTAssertTrue(linje.contains(";'-Takst;2021;1;1009;"), String(linje))
        // Cell by cell: text with a formula character is marked, numbers never; a bare CR is quoted.
        let t = Tabel(kolonner: ["a", "b", "c", "d", "e"], raekker: [[.tekst("@SUM(A1)"), .tekst("+1"), .tal(-5, decimaler: 0),
                                                                         .tekst("linje\rto"), .tekst("\tfane")]])
        XCTAssertEqual(t.tekst(.csv), "a;b;c;d;e\r\n'@SUM(A1);'+1;-5;\"linje\rto\";'\tfane\r\n")
        let laest = try CSVTabel(fil: "x.csv", tekst: "navn;antal\n'=X;1\n'almindelig;2\n",
                                 format: .init(navn: "x", paakraevet: ["navn", "antal"], valgfri: [], synonymer: [:]))
        XCTAssertEqual(laest.raekker.map { laest.celle($0.celler, "navn") }, ["=X", "'almindelig"])
    }

    /// Found by `scripts/robusthed`'s XSS corpus: Plot's `.title()` also writes og:/twitter: meta tags
    /// with the title unescaped in an attribute, so a tilbud name broke out of the page head.
    func testTilbudsnavnBryderIkkeUdAfSidehovedet() async throws {
        let ond = "\"><script>alert('XSS')</script>\" onmouseover=\"x"
        let id = try await m.lager.opretTilbud(Tilbud(navn: ond, driftsherre: "Jammerbugt Kommune"), af: "test")
        let n = try await m.lager.gemTakstniveau(tilbudID: id, niveau: m.niveau("Takst 1", aar: 2021, omkostninger: 700_000), af: "test")
        for s in [Status.indsendt, .godkendt, .offentliggjort] { try await m.lager.skiftStatus(niveauID: n.id, til: s, af: "test") }
        let side = try await Webtestmiljoe.Klient(m.app).get("/tilbud/\(id)").body.string
        XCTAssertFalse(side.contains("<script>alert"), side)
        // Text keeps its quotes (harmless there); inside a tag they would have made an attribute.
        XCTAssertNil(side.range(of: "<[a-zA-Z][^<>]*onmouseover", options: .regularExpression), side)
        XCTAssertTrue(side.contains("&lt;script&gt;alert"), "navnet vises som tekst")
    }

    /// The throttle counts every attempt before it judges, so concurrent guesses cannot slip past it;
    /// a forwarded address is believed only from a configured proxy.
    func testLoginbegraensningErAtomarOgProxyBevidst() async throws {
        let app = m.app
        let svar = try await withThrowingTaskGroup(of: HTTPStatus.self) { g in
            for _ in 0..<20 {
                g.addTask {
                    var h = HTTPHeaders()
                    h.contentType = .urlEncodedForm
                    return try await app.sendRequest(.POST, "/log-ind", headers: h,
                                                     body: ByteBuffer(string: "email=admin%40test.dk&kodeord=forkert")).status
                }
            }
            var alle: [HTTPStatus] = []
            for try await s in g { alle.append(s) }
            return alle
        }
        // CSRF may refuse some before the throttle; none of the rest gets past the limit of 5.
        XCTAssertLessThanOrEqual(svar.filter { $0 == .unauthorized }.count, m.app.webindstillinger.loginGraensePrEmail)
        XCTAssertEqual(Klientadresse.vaelg(forbindelse: "10.0.0.9", videresendt: "1.2.3.4", betroede: []), "10.0.0.9")
        XCTAssertEqual(Klientadresse.vaelg(forbindelse: "10.0.0.5", videresendt: "6.6.6.6, 1.2.3.4", betroede: ["10.0.0.5"]), "1.2.3.4")
        XCTAssertEqual(Klientadresse.vaelg(forbindelse: "10.0.0.5", videresendt: "1.2.3.4, 10.0.0.6", betroede: ["10.0.0.5", "10.0.0.6"]), "1.2.3.4")
        XCTAssertEqual(Klientadresse.vaelg(forbindelse: nil, videresendt: "1.2.3.4", betroede: []), "ukendt")
        XCTAssertEqual(try Webindstillinger.fraMiljoe(["TAKSTFIL_BETROEDE_PROXYER": "10.0.0.5, 10.0.0.6"]).betroedeProxyer, ["10.0.0.5", "10.0.0.6"])
    }

    /// Expired sessions are deleted from storage, not only ignored.
    func testUdloebneSessionerSlettes() async throws {
        _ = try await m.logInd("admin@test.dk")
        _ = try await Webtestmiljoe.Klient(m.app).get("/log-ind") // a visitor's session (CSRF only)
        let foer = try await SessionRecord.query(on: m.app.db).count()
        XCTAssertGreaterThanOrEqual(foer, 2)
        let nu = try await Sessionsoprydning.ryd(m.app.db)
        XCTAssertEqual(nu, 0, "intet er udløbet endnu")
        let senere = Date().timeIntervalSince1970 + m.app.webindstillinger.sessionslevetid + 60
        let slettet = try await Sessionsoprydning.ryd(m.app.db, nu: senere)
        XCTAssertEqual(slettet, foer)
        let efter = try await SessionRecord.query(on: m.app.db).count()
        XCTAssertEqual(efter, 0)
    }

    /// Only years with published takster get an edition; a cap in bytes drops the least recently used.
    func testOffentligCacheErBegraenset() async throws {
        for aar in 1...300 { _ = try await m.app.sendRequest(.GET, "/?aar=\(aar)") }
        _ = try await m.app.sendRequest(.GET, "/?aar=2021")
        let omfang = await m.app.offentligcache.omfang
        XCTAssertEqual(omfang.udgaver, 1, "kun 2021 har offentliggjorte takster")
        // A second year with data and a cap of one byte: only the one just used stays.
        let n = try await m.lager.gemTakstniveau(tilbudID: m.toftehoej, niveau: m.niveau("B", aar: 2022, omkostninger: 1_000), af: "test")
        for s in [Status.indsendt, .godkendt, .offentliggjort] { try await m.lager.skiftStatus(niveauID: n.id, til: s, af: "test") }
        m.app.offentligcache = Offentligcache(kontrolinterval: 0, maksBytes: 1)
        _ = try await m.app.sendRequest(.GET, "/?aar=2021")
        _ = try await m.app.sendRequest(.GET, "/?aar=2022")
        let lille = await m.app.offentligcache.omfang
        XCTAssertEqual(lille.udgaver, 1)
        XCTAssertGreaterThan(lille.bytes, 0)
    }

    /// A JSON body of the wrong shape is answered in Danish, naming the field.
    func testJSONFejlPaaDansk() async throws {
        let d = try await m.apiKlient(rolle: "driftsherre")
        let r = try await d.api(.PUT, "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau", json: "{\"navn\":\"X\",\"aar\":\"næste år\"}")
        XCTAssertEqual(r.status, .badRequest, r.body.string)
        XCTAssertTrue(r.body.string.contains("aar: forkert type — forventede et helt tal"), r.body.string)
        let brudt = try await d.api(.PUT, "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau", json: "{\"navn\":")
        XCTAssertEqual(brudt.status, .badRequest, brudt.body.string)
        XCTAssertTrue(brudt.body.string.contains("json: filen er ikke gyldig JSON"), brudt.body.string)
    }

    /// The API answers as its document says: a method a path does not have is 405 with `Allow`; a
    /// query parameter of the wrong type, out of range or given twice is a 400 naming it; the document
    /// lists those answers for every operation.
    func testAPIetSvarerSomDokumentet() async throws {
        let trace = try await m.app.sendRequest(.TRACE, "/api/v1/tilbud")
        XCTAssertEqual(trace.status, .methodNotAllowed)
        XCTAssertEqual(trace.headers.first(name: "Allow"), "GET")
        let ukendt = try await m.app.sendRequest(.GET, "/api/v1/findes-ikke")
        XCTAssertEqual(ukendt.status, .notFound)
        for (sti, felt) in [("/api/v1/tilbud?aar=null", "aar:"), ("/api/v1/tilbud?side=0", "side:"), ("/api/v1/tilbud?antal=false", "antal:"),
                            ("/api/v1/tilbud?aar=2021&aar=2022", "aar: er angivet 2 gange"), ("/api/v1/tilbud?dato=", "dato:")] {
            let r = try await m.app.sendRequest(.GET, sti)
            XCTAssertEqual(r.status, .badRequest, sti)
            XCTAssertTrue(r.body.string.contains(felt), "\(sti): \(r.body.string)")
        }
        let dok = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(OpenAPI.dokument.utf8)) as? [String: Any])
        let stier = try XCTUnwrap(dok["paths"] as? [String: [String: [String: Any]]])
        for (sti, ops) in stier {
            for (metode, op) in ops {
                let svar = try XCTUnwrap(op["responses"] as? [String: Any])
                XCTAssertNotNil(svar["400"], "\(metode) \(sti)")
                if sti.contains("{") { XCTAssertNotNil(svar["404"], "\(metode) \(sti)") }
                if op["requestBody"] != nil { XCTAssertNotNil(svar["422"], "\(metode) \(sti)") }
            }
        }
    }
}
