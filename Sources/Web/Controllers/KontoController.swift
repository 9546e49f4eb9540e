import Fluent
import Lager
import Plot
import Takstregler
import Vapor

/// Signing in and out, and the user's own account: password and API tokens.
struct KontoController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("log-ind", use: logIndSide)
        routes.grouped(CSRFMiddleware()).post("log-ind", use: logInd)
        let kraevet = routes.grouped(KraevLoginMiddleware(), CSRFMiddleware())
        kraevet.post("log-ud", use: logUd)
        kraevet.get("konto", use: konto)
        kraevet.post("konto", "kodeord", use: skiftKodeord)
        kraevet.post("konto", "api-noegler", use: opretNoegle)
        kraevet.post("konto", "api-noegler", ":id", "tilbagekald", use: tilbagekald)
    }

    // MARK: Log ind / ud

    func logIndSide(req: Request) async throws -> Response {
        let p = req.parametre
        let naeste = try p.tekst("naeste")
        if req.bruger != nil, naeste == nil { return req.redirect(to: startside(req.rolle)) }
        let besked = try p.tekst("ud") != nil ? "Du er logget ud." : nil
        return Side.html(LoginSide(email: "", naeste: naeste ?? "", fejl: nil, info: besked,
                                   csrf: req.csrfToken, kontekst: req.sidekontekst).html)
    }

    struct Login: Content {
        var email: String?
        var kodeord: String?
        var naeste: String?
    }

    func logInd(req: Request) async throws -> Response {
        let form = try req.content.decode(Login.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let naeste = form.naeste ?? ""
        let lager = Lager(req.db)
        let ind = req.application.webindstillinger
        let adresse = req.klientadresse
        func svar(_ fejl: String, _ status: HTTPResponseStatus) -> Response {
            Side.html(LoginSide(email: email, naeste: naeste, fejl: fejl, info: nil, csrf: req.csrfToken, kontekst: req.sidekontekst).html,
                      status: status)
        }
        let forsoeg = try await lager.begyndLoginforsoeg(email: email, adresse: adresse, siden: Date().addingTimeInterval(-ind.loginvindue),
                                                         graensePrEmail: ind.loginGraensePrEmail, graensePrAdresse: ind.loginGraensePrAdresse)
        if forsoeg.spaerret {
            req.logger.warning("Log ind spærret midlertidigt for \(email) fra \(adresse) efter for mange forkerte forsøg")
            return svar("For mange mislykkede forsøg på at logge ind. Vent \(Int(ind.loginvindue / 60)) minutter, og prøv igen.", .tooManyRequests)
        }
        let fundet = try await lager.brugerTilLogin(email: email)
        let ok = await Kodeord.passer(form.kodeord ?? "", hash: fundet?.kodeordHash, paa: req.application)
        guard ok, let konto = fundet?.konto, konto.aktiv else {
            return svar("E-mailadressen eller kodeordet er forkert.", .unauthorized)
        }
        try await lager.loginLykkedes(forsoeg.id)
        // A new session id at sign-in (no session fixation); the old record is removed.
        if let gammel = req.session.id { try await req.application.sessions.driver.deleteSession(gammel, for: req).get() }
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data[Sessionsnoegle.bruger] = konto.id.uuidString
        req.session.data[Sessionsnoegle.udloeber] = "\(Date().timeIntervalSince1970 + ind.sessionslevetid)"
        _ = req.csrfToken
        req.saetBesked("Du er logget ind som \(konto.email) (\(konto.rolle.tekst.lowercased())\(konto.organisation.map { ", \($0)" } ?? "")).")
        return req.redirect(to: LokaltMaal.sikkert(naeste) ?? startside(konto.rolle))
    }

    func startside(_ r: Rolle) -> String {
        switch r {
        case .driftsherre: return "/indberetning"
        case .sekretariat: return "/sekretariat"
        case .socialtilsyn: return "/socialtilsyn/indberet"
        case .admin: return "/admin"
        case .offentlig: return "/"
        }
    }

    func logUd(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: "/log-ind?ud=1")
    }

    // MARK: Konto

    func konto(req: Request) async throws -> Response {
        let b = try req.kraevLogin()
        let noegler = try await Lager(req.db).apiNoegler(brugerID: b.id)
        return Side.html(KontoSide(bruger: b, noegler: noegler, nyNoegle: nil, fejl: [:], csrf: req.csrfToken, kontekst: req.sidekontekst).html)
    }

    struct NytKodeord: Content {
        var nuvaerende: String?
        var nyt: String?
        var gentag: String?
    }

    func skiftKodeord(req: Request) async throws -> Response {
        let b = try req.kraevLogin()
        let f = try req.content.decode(NytKodeord.self)
        let lager = Lager(req.db)
        var fejl: [String: String] = [:]
        let hash = try await lager.brugerTilLogin(email: b.email)?.kodeordHash
        if !(await Kodeord.passer(f.nuvaerende ?? "", hash: hash, paa: req.application)) {
            fejl["nuvaerende"] = "Det nuværende kodeord er forkert."
        }
        do { try Kontoregler.kodeord(f.nyt ?? "") } catch let v as Valideringsfejl { fejl["nyt"] = Visning.saetning(v.besked) }
        if (f.nyt ?? "") != (f.gentag ?? "") { fejl["gentag"] = "De to nye kodeord er ikke ens." }
        guard fejl.isEmpty else {
            let noegler = try await lager.apiNoegler(brugerID: b.id)
            return Side.html(KontoSide(bruger: b, noegler: noegler, nyNoegle: nil, fejl: fejl, csrf: req.csrfToken,
                                       kontekst: req.sidekontekst).html, status: .unprocessableEntity)
        }
        try await lager.saetKodeord(brugerID: b.id, kodeordHash: try await Kodeord.hash(f.nyt ?? "", paa: req.application), af: req.revisionsnavn)
        req.saetBesked("Dit kodeord er skiftet.")
        return req.redirect(to: "/konto")
    }

    struct NyNoegle: Content { var navn: String? }

    func opretNoegle(req: Request) async throws -> Response {
        let b = try req.kraevLogin()
        let navn = (try req.content.decode(NyNoegle.self).navn ?? "").trimmingCharacters(in: .whitespaces)
        let lager = Lager(req.db)
        let noegle = Kodeord.nyAPINoegle()
        do {
            try await lager.opretAPINoegle(brugerID: b.id, navn: navn, noegleHash: Kodeord.sha256(noegle), af: req.revisionsnavn)
        } catch let v as Valideringsfejl {
            let noegler = try await lager.apiNoegler(brugerID: b.id)
            return Side.html(KontoSide(bruger: b, noegler: noegler, nyNoegle: nil, fejl: ["noeglenavn": Visning.saetning(v.besked)],
                                       csrf: req.csrfToken, kontekst: req.sidekontekst).html, status: .unprocessableEntity)
        }
        let noegler = try await lager.apiNoegler(brugerID: b.id)
        // The token is shown this once; only its SHA-256 is stored.
        return Side.html(KontoSide(bruger: b, noegler: noegler, nyNoegle: noegle, fejl: [:], csrf: req.csrfToken, kontekst: req.sidekontekst).html,
                         status: .created)
    }

    func tilbagekald(req: Request) async throws -> Response {
        let b = try req.kraevLogin()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "Ukendt API-nøgle.") }
        try await Lager(req.db).tilbagekaldAPINoegle(id: id, brugerID: b.id, af: req.revisionsnavn)
        req.saetBesked("API-nøglen er tilbagekaldt.")
        return req.redirect(to: "/konto")
    }
}

struct LoginSide {
    let email: String
    let naeste: String
    let fejl: String?
    let info: String?
    let csrf: String
    let kontekst: Sidekontekst

    var html: HTML {
        Side.dokument(titel: "Log ind", kontekst: kontekst,
            .h1("Log ind"),
            .p("Driftsherrer, sekretariatet, socialtilsynet og administratorer logger ind her. Alle offentliggjorte takster kan ses uden login."),
            .unwrap(info) { .div(.class("besked"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .unwrap(fejl) { .div(.class("advarsel"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            E.postform("/log-ind", csrf: csrf, [("class", "log-ind")], [
                E.skjult("naeste", naeste),
                E.felt("email", "E-mail", vaerdi: email, kraevet: true, autocomplete: "username", ekstra: [("inputmode", "email"), ("spellcheck", "false")]),
                E.felt("kodeord", "Kodeord", type: "password", kraevet: true, autocomplete: "current-password"),
                E.el("div", [("class", "knapper")], [E.knap("Log ind")]),
            ]))
    }
}

struct KontoSide {
    let bruger: Brugerkonto
    let noegler: [APINoegle]
    let nyNoegle: String?
    let fejl: [String: String]
    let csrf: String
    let kontekst: Sidekontekst

    var html: HTML {
        Side.dokument(titel: "Din konto", kontekst: kontekst,
            .h1("Din konto"),
            .dl(.class("fakta"),
                .dt("E-mail"), .dd(.text(bruger.email)),
                .dt("Rolle"), .dd(.text(bruger.rolle.tekst)),
                .dt("Organisation"), .dd(.text(bruger.organisation ?? "–"))),
            .unwrap(nyNoegle) { n in
                .div(.class("besked"), .attribute(named: "role", value: "status"),
                     .p(.strong("Din nye API-nøgle (vises kun denne ene gang):")),
                     .p(.code(.text(n))),
                     .p(.text("Brug den som Authorization: Bearer \(n.prefix(6))… på /api/v1.")))
            },
            .h2("Skift kodeord"),
            E.postform("/konto/kodeord", csrf: csrf, [], [
                E.felt("nuvaerende", "Nuværende kodeord", fejl: fejl, type: "password", kraevet: true, autocomplete: "current-password"),
                E.felt("nyt", "Nyt kodeord", fejl: fejl, type: "password", hjaelp: "Mindst \(Kontoregler.mindsteKodeordslaengde) tegn.",
                       kraevet: true, autocomplete: "new-password"),
                E.felt("gentag", "Gentag det nye kodeord", fejl: fejl, type: "password", kraevet: true, autocomplete: "new-password"),
                E.el("div", [("class", "knapper")], [E.knap("Skift kodeord")]),
            ]),
            .h2("API-nøgler"),
            .p("En API-nøgle giver et andet system lov til at skrive gennem /api/v1 med dine rettigheder. Den vises kun, når den oprettes."),
            .if(noegler.isEmpty, .p("Du har ingen API-nøgler."), else: E.ramme("Tabel", .table(
                .caption("Dine API-nøgler"),
                .thead(.tr(.th("Navn"), .th("Oprettet"), .th("Status"), .th(E.el("span", [("class", "skjult")], [.text("Handling")])))),
                .tbody(.forEach(noegler) { n in
                    .tr(.td(.text(n.navn)), .td(.text(Visning.tid(n.oprettet))), .td(.text(n.tilbagekaldt ? "Tilbagekaldt" : "Aktiv")),
                        .td(.if(!n.tilbagekaldt, E.postform("/konto/api-noegler/\(n.id.uuidString)/tilbagekald", csrf: csrf, [], [
                            E.knap("Tilbagekald \(n.navn)", klasse: "sekundaer"),
                        ]))))
                })))),
            E.postform("/konto/api-noegler", csrf: csrf, [], [
                E.felt("navn", "Navn på ny nøgle", fejl: fejl.mapValuesKey("noeglenavn", "navn"), hjaelp: "Fx det system, der skal bruge den."),
                E.el("div", [("class", "knapper")], [E.knap("Opret API-nøgle", klasse: "sekundaer")]),
            ]))
    }
}

extension Dictionary where Key == String, Value == String {
    /// The same errors with one key renamed (two forms on a page with a field of the same name).
    func mapValuesKey(_ fra: String, _ til: String) -> [String: String] {
        var d = self
        if let v = d.removeValue(forKey: fra) { d[til] = v }
        return d
    }
}
