import Foundation
import Vapor

/// Cross-site request forgery: every form that changes something carries the session's token in
/// `_csrf`; a session-authenticated API write carries it in `X-CSRF-Token`. Requests with an API
/// token (no cookie involved) need none.
struct CSRFMiddleware: AsyncMiddleware {
    static let feltnavn = "_csrf"
    static let header = "X-CSRF-Token"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if ![.GET, .HEAD, .OPTIONS].contains(req.method), req.brugerKilde != .apiNoegle {
            let forventet = req.hasSession ? req.session.data[Sessionsnoegle.csrf] : nil
            let givet = req.headers.first(name: Self.header) ?? (try? req.content.get(String.self, at: Self.feltnavn))
            guard let forventet, let givet, CSRFMiddleware.ens(forventet, givet) else {
                throw Abort(.forbidden, reason: "Formularen er udløbet eller kom ikke fra Takstfil (CSRF-kontrol). Genindlæs siden, og prøv igen.")
            }
        }
        return try await next.respond(to: req)
    }

    /// Constant-time comparison.
    static func ens(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var forskel: UInt8 = 0
        for i in x.indices { forskel |= x[i] ^ y[i] }
        return forskel == 0
    }
}

extension Request {
    /// The session's CSRF token, created (with the session) the first time a form needs it.
    var csrfToken: String {
        if let t = session.data[Sessionsnoegle.csrf] { return t }
        let t = Kodeord.tilfaeldig(32)
        session.data[Sessionsnoegle.csrf] = t
        return t
    }

    /// A one-time message for the next page (after a redirect).
    /// A posted form's fields without the CSRF token.
    func formularfelter() throws -> [String: String] {
        var f = try content.decode([String: String].self)
        f[CSRFMiddleware.feltnavn] = nil
        return f
    }

    func saetBesked(_ tekst: String) {
        session.data[Sessionsnoegle.besked] = tekst
    }

    func hentBesked() -> String? {
        guard hasSession, let b = session.data[Sessionsnoegle.besked] else { return nil }
        session.data[Sessionsnoegle.besked] = nil
        return b
    }
}
