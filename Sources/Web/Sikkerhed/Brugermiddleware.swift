import Foundation
import Lager
import Takstregler
import Vapor

/// Who is asking: an API token (`Authorization: Bearer tf_…`) or the signed-in session. Sets
/// `req.bruger`; a bad token is refused outright (401), an expired session just signs out.
struct Brugermiddleware: AsyncMiddleware {
    enum Kilde: Sendable { case session, apiNoegle }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // `/metrics` has its own token (`Maalinger`), which is not an API key.
        if req.url.path != "/metrics", let bearer = req.headers.bearerAuthorization {
            guard let b = try await Lager(req.db).brugerForAPINoegle(hash: Kodeord.sha256(bearer.token)) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "API-nøglen er ukendt eller tilbagekaldt.")
            }
            req.bruger = b
            req.brugerKilde = .apiNoegle
        } else if req.hasSession, let id = req.session.data[Sessionsnoegle.bruger].flatMap(UUID.init(uuidString:)) {
            let nu = Date().timeIntervalSince1970
            let udloeber = req.session.data[Sessionsnoegle.udloeber].flatMap(Double.init) ?? 0
            if udloeber > nu, let b = try await Lager(req.db).bruger(id: id), b.aktiv {
                req.bruger = b
                req.brugerKilde = .session
                // Sliding expiry: the sessions middleware saves the session after every request anyway.
                req.session.data[Sessionsnoegle.udloeber] = "\(nu + req.application.webindstillinger.sessionslevetid)"
            } else {
                req.session.data[Sessionsnoegle.bruger] = nil
                req.session.data[Sessionsnoegle.udloeber] = nil
            }
        }
        let svar = try await next.respond(to: req)
        // Every stored session carries its expiry, so storage can purge it (`Sessionsoprydning`).
        // A visitor without sign-in (a CSRF token only) slides like a signed-in user.
        if req.hasSession, req.session.data[Sessionsnoegle.bruger] == nil {
            req.session.data[Sessionsnoegle.udloeber] = "\(Date().timeIntervalSince1970 + req.application.webindstillinger.sessionslevetid)"
        }
        return svar
    }
}

enum Sessionsnoegle {
    static let bruger = "bruger"
    static let udloeber = "udloeber"
    static let csrf = "csrf"
    static let besked = "besked"
}

extension Request {
    private struct BrugerNoegle: StorageKey { typealias Value = Brugerkonto }
    private struct KildeNoegle: StorageKey { typealias Value = Brugermiddleware.Kilde }

    /// The signed-in user, if any.
    var bruger: Brugerkonto? {
        get { storage[BrugerNoegle.self] }
        set { storage[BrugerNoegle.self] = newValue }
    }

    var brugerKilde: Brugermiddleware.Kilde? {
        get { storage[KildeNoegle.self] }
        set { storage[KildeNoegle.self] = newValue }
    }

    var rolle: Rolle { bruger?.rolle ?? .offentlig }

    /// The name the audit log records for this user.
    var revisionsnavn: String { bruger?.email ?? "offentlig" }

    var erAPI: Bool { url.path.hasPrefix("/api/") }

    /// The signed-in user, allowed the handling by role; 401 without a login, 403 otherwise.
    @discardableResult
    func kraev(_ h: Handling) throws -> Brugerkonto {
        guard let b = bruger else {
            throw Abort(.unauthorized, headers: erAPI ? ["WWW-Authenticate": "Bearer"] : [:], reason: Adgang.afvisning(.offentlig, h))
        }
        guard Adgang.maa(b.rolle, h) else { throw Abort(.forbidden, reason: Adgang.afvisning(b.rolle, h)) }
        return b
    }

    /// As `kraev`, and a driftsherre must own the tilbud (its own organisation or a sub-unit).
    @discardableResult
    func kraev(_ h: Handling, tilbud t: TilbudMedEjer) throws -> Brugerkonto {
        let b = try kraev(h)
        if Adgang.kunEgne(b.rolle, h), !b.ejer(driftsherre: t.tilbud.driftsherre, overordnet: t.driftsherrensOverordnede) {
            throw Abort(.forbidden, reason: "Du har ikke adgang til \(t.tilbud.navn): tilbuddet hører til \(t.tilbud.driftsherre), og du indberetter for \(b.organisation ?? "ingen organisation").")
        }
        return b
    }

    func kraevLogin() throws -> Brugerkonto {
        guard let b = bruger else {
            throw Abort(.unauthorized, headers: erAPI ? ["WWW-Authenticate": "Bearer"] : [:], reason: "Log ind for at fortsætte.")
        }
        return b
    }
}

/// Pages that need a login: anonymous visitors are sent to the login page (GET) or refused (401).
struct KraevLoginMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.bruger != nil else {
            if req.erAPI {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"],
                            reason: "Log ind (session) eller send en API-nøgle: Authorization: Bearer tf_…")
            }
            if req.method == .GET || req.method == .HEAD {
                let naeste = req.url.string
                return req.redirect(to: "/log-ind?naeste=\(naeste.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
            }
            throw Abort(.unauthorized, reason: "Log ind for at fortsætte.")
        }
        return try await next.respond(to: req)
    }
}
