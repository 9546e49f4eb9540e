@testable import Demo
@testable import Kommandolinje
@testable import Web
import FluentKit
import Foundation
import Lager
import Takstregler
import XCTVapor

/// A small web world for route tests: two driftsherrer with a tilbud each, a socialtilsyn, one
/// account per role, and a client that keeps its cookie and CSRF token like a browser.
final class Webtestmiljoe {
    let app: Application
    let sti: String
    var lager: Lager { Lager(app.db) }
    let naesteAar = Testur.aar + 1

    var toftehoej: UUID!
    var kildehuset: UUID!
    /// Toftehøj's published Takst 1, 2021.
    var offentligtNiveau: UUID!

    static let kodeord = "hemmeligt-kodeord"

    /// A year no other test step has used (so steps never see each other's data).
    private var sidsteAar = 2000
    func friAar() -> Int {
        sidsteAar += 1
        precondition(sidsteAar <= 2100, "ikke flere frie år")
        return sidsteAar
    }
    static let roller: [(navn: String, email: String, rolle: Rolle, organisation: String?)] = [
        ("admin", "admin@test.dk", .admin, nil),
        ("sekretariat", "sekretariat@test.dk", .sekretariat, nil),
        ("driftsherre", "jammerbugt@test.dk", .driftsherre, "Jammerbugt Kommune"),
        ("anden driftsherre", "aalborg@test.dk", .driftsherre, "Aalborg Kommune"),
        ("socialtilsyn", "socialtilsyn@test.dk", .socialtilsyn, "Socialtilsyn Nord"),
    ]

    /// On a temporary SQLite file, or on the given database (emptied first: PostgreSQL from scripts/test).
    init(indstillinger: Webindstillinger = .test, database: Databasevalg? = nil) async throws {
        sti = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-web-\(UUID().uuidString).sqlite").path
        if let database {
            let f = try Lagerforbindelse(database)
            do { try await f.nulstil() } catch { await f.luk(); throw error }
            await f.luk()
        }
        app = try await Application.make(.testing)
        do {
            try await configure(app, database: database ?? .sqlite(sti: sti), indstillinger: indstillinger)
            try await fixture()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func luk() async throws {
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: sti)
    }

    private func fixture() async throws {
        let l = lager
        for (navn, art) in [("Jammerbugt Kommune", Organisation.Art.kommune), ("Aalborg Kommune", .kommune), ("Socialtilsyn Nord", .socialtilsyn)] {
            try await l.opretOrganisation(Organisation(navn: navn, art: art, region: "Nordjylland"), af: "test")
        }
        toftehoej = try await l.opretTilbud(Tilbud(navn: "Toftehøj", driftsherre: "Jammerbugt Kommune", paragraf: "107, 108",
                                                   maalgruppe: .psykiskHandicap), af: "test")
        kildehuset = try await l.opretTilbud(Tilbud(navn: "Kildehuset", driftsherre: "Aalborg Kommune", paragraf: "108",
                                                    maalgruppe: .sindslidelser), af: "test")
        let m = try await l.gemTakstniveau(tilbudID: toftehoej, niveau: niveau("Takst 1", aar: 2021, omkostninger: 618_526, afrunding: .oere), af: "test")
        offentligtNiveau = m.id
        try await l.skiftStatus(niveauID: offentligtNiveau, til: .indsendt, af: "test")
        try await l.skiftStatus(niveauID: offentligtNiveau, til: .godkendt, af: "test",
                                beslutning: Beslutning(organ: "FU", dato: "2021-01-29", punkt: "3", tekst: "FU godkendte"))
        try await l.offentliggoerNiveau(offentligtNiveau, af: "test")
        // Aalborg's draft for next year: no one else may see it.
        try await l.gemTakstniveau(tilbudID: kildehuset, niveau: niveau("Hemmelig kladde", aar: naesteAar, omkostninger: 4_321_987), af: "test")
        for r in Webtestmiljoe.roller {
            try await l.opretBruger(email: r.email, rolle: r.rolle, organisation: r.organisation,
                                    kodeordHash: try Kodeord.hash(Webtestmiljoe.kodeord, omkostning: 4), af: "test")
        }
    }

    func niveau(_ navn: String, aar: Int, omkostninger: Decimal, afrunding: Afrunding = .heleKroner) -> Takstniveau {
        Takstniveau(navn: navn, aar: aar, grundlag: Takstgrundlag(
            omkostninger: [Omkostningslinje(.personale, omkostninger)], pladser: 2, belaegningsprocent: 95, afrunding: afrunding))
    }

    /// A new level of Toftehøj in the given status (its own name, so tests never collide).
    func nytNiveau(_ status: Status, aar: Int? = nil) async throws -> UUID {
        let l = lager
        let m = try await l.gemTakstniveau(tilbudID: toftehoej, niveau: niveau("Niveau \(UUID().uuidString.prefix(8))", aar: aar ?? naesteAar,
                                                                               omkostninger: 700_000), af: "test")
        let id = m.id
        guard status != .kladde else { return id }
        for s in [Status.indsendt, .godkendt, .offentliggjort] {
            try await l.skiftStatus(niveauID: id, til: s, af: "test",
                                    beslutning: s == .godkendt ? Beslutning(organ: "FU", dato: "2026-01-01", punkt: "1", tekst: "test") : nil)
            if s == status { break }
        }
        return id
    }

    func status(_ id: UUID) async throws -> Status? {
        try await lager.takstniveau(id: id)?.status
    }

    // MARK: Client

    final class Klient {
        let app: Application
        var cookie: String?
        var csrf: String?
        var token: String?

        init(_ app: Application) { self.app = app }

        func send(_ metode: HTTPMethod, _ sti: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> XCTHTTPResponse {
            var h = headers
            if let cookie { h.replaceOrAdd(name: .cookie, value: cookie) }
            if let token { h.bearerAuthorization = BearerAuthorization(token: token) }
            let res = try await app.sendRequest(metode, sti, headers: h, body: body)
            for v in res.headers[.setCookie] {
                let par = v.split(separator: ";")[0]
                let vaerdi = par.split(separator: "=", maxSplits: 1).dropFirst().first ?? ""
                if v.contains("Max-Age=0") || v.contains("01 Jan 1970") || vaerdi.isEmpty { cookie = nil } else { cookie = String(par) }
            }
            if res.headers.contentType == .html, let t = Klient.csrfFra(res.body.string) { csrf = t }
            return res
        }

        func get(_ sti: String) async throws -> XCTHTTPResponse { try await send(.GET, sti) }

        /// A form post, with the CSRF token as a browser sends it (unless `medCSRF` is false).
        func post(_ sti: String, _ felter: [String: String] = [:], medCSRF: Bool = true) async throws -> XCTHTTPResponse {
            var f = felter
            if medCSRF, let csrf { f[CSRFMiddleware.feltnavn] = csrf }
            let tekst = f.map { "\(Klient.kod($0.key))=\(Klient.kod($0.value))" }.joined(separator: "&")
            var h = HTTPHeaders()
            h.contentType = .urlEncodedForm
            return try await send(.POST, sti, headers: h, body: ByteBuffer(string: tekst))
        }

        /// A JSON API call; with a session the CSRF header is sent unless `medCSRF` is false.
        func api(_ metode: HTTPMethod, _ sti: String, json: String? = nil, medCSRF: Bool = true) async throws -> XCTHTTPResponse {
            var h = HTTPHeaders()
            h.contentType = .json
            if medCSRF, token == nil, let csrf { h.replaceOrAdd(name: CSRFMiddleware.header, value: csrf) }
            return try await send(metode, sti, headers: h, body: json.map { ByteBuffer(string: $0) })
        }

        static func kod(_ s: String) -> String {
            var tilladt = CharacterSet.alphanumerics
            tilladt.insert(charactersIn: "-._~")
            return s.addingPercentEncoding(withAllowedCharacters: tilladt) ?? s
        }

        static func csrfFra(_ html: String) -> String? {
            guard let r = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
            let rest = html[r.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
    }

    /// A client signed in through the login form.
    func logInd(_ email: String, kodeord: String = Webtestmiljoe.kodeord) async throws -> Klient {
        let k = Klient(app)
        _ = try await k.get("/log-ind")
        let res = try await k.post("/log-ind", ["email": email, "kodeord": kodeord])
        XCTAssertEqual(res.status, .seeOther, "log ind som \(email): \(res.body.string.prefix(300))")
        _ = try await k.get("/konto")
        return k
    }

    func klient(rolle navn: String) async throws -> Klient {
        guard navn != "anonym" else { return Klient(app) }
        return try await logInd(Webtestmiljoe.roller.first { $0.navn == navn }!.email)
    }

    /// A client with an API token (no cookie) for the role.
    func apiKlient(rolle navn: String) async throws -> Klient {
        let k = Klient(app)
        guard navn != "anonym" else { return k }
        let b = try await lager.brugerTilLogin(email: Webtestmiljoe.roller.first { $0.navn == navn }!.email)!.konto
        let t = Kodeord.nyAPINoegle()
        try await lager.opretAPINoegle(brugerID: b.id, navn: "test", noegleHash: Kodeord.sha256(t), af: "test")
        k.token = t
        return k
    }
}

/// The clock of the web tests: the system's year, read once, so every step of a test agrees.
enum Testur {
    static let aar = Ur.system.aar
}

extension Webindstillinger {
    /// Test settings: a low bcrypt cost keeps hundreds of sign-ins fast.
    static var test: Webindstillinger {
        var w = Webindstillinger()
        w.bcryptOmkostning = 4
        return w
    }
}
