import Foundation
import Vapor

/// How the web app protects accounts: cookie flags, session lifetime, login throttle.
public struct Webindstillinger: Sendable {
    /// Mark the session cookie `Secure` (and name it `__Host-…`): on when the site is served
    /// over https (`serve --sikre-cookies` or `TAKSTFIL_SIKRE_COOKIES=1`).
    public var sikreCookies: Bool
    /// A session ends after this long without a request.
    public var sessionslevetid: TimeInterval = 8 * 3600
    /// Failed sign-ins allowed per e-mail (after its last success) and per address within `loginvindue`.
    public var loginGraensePrEmail = 5
    public var loginGraensePrAdresse = 30
    public var loginvindue: TimeInterval = 15 * 60

    public init(sikreCookies: Bool = false) { self.sikreCookies = sikreCookies }

    public static func fraMiljoe(_ miljoe: [String: String] = ProcessInfo.processInfo.environment) -> Webindstillinger {
        let v = (miljoe["TAKSTFIL_SIKRE_COOKIES"] ?? "").lowercased()
        return Webindstillinger(sikreCookies: ["1", "true", "ja", "yes"].contains(v))
    }

    var cookienavn: String { sikreCookies ? "__Host-takstfil-session" : "takstfil-session" }

    /// The session cookie: HttpOnly always, SameSite=Lax, Secure when configured.
    var sessionskonfiguration: SessionsConfiguration {
        let sikre = sikreCookies, levetid = sessionslevetid
        return SessionsConfiguration(cookieName: cookienavn) { id in
            HTTPCookies.Value(string: id.string, expires: Date(timeIntervalSinceNow: levetid), maxAge: nil, domain: nil,
                              path: "/", isSecure: sikre, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

extension Application {
    private struct WebindstillingerNoegle: StorageKey { typealias Value = Webindstillinger }

    public var webindstillinger: Webindstillinger {
        get { storage[WebindstillingerNoegle.self] ?? Webindstillinger() }
        set { storage[WebindstillingerNoegle.self] = newValue }
    }
}
