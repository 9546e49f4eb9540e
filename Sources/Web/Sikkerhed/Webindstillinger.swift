import Foundation
import Takstregler
import Vapor

/// How the web app protects accounts (cookie flags, session lifetime, login throttle) and how
/// soon it sees changes made by other processes.
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
    /// The public pages are served from memory; a change made by another process or instance
    /// (the CLI, a second server) shows within this many seconds (`TAKSTFIL_CACHE_SEKUNDER`, default 1;
    /// 0 checks on every request). This server's own changes show at once.
    public var cachekontrol: TimeInterval = 1
    /// The one clock of the web app (this year, today, session expiry); tests fix it.
    public var ur: Ur = .system
    /// bcrypt's cost factor for new password hashes; tests lower it to keep hundreds of sign-ins fast.
    public var bcryptOmkostning = Kodeord.standardomkostning

    public init(sikreCookies: Bool = false) { self.sikreCookies = sikreCookies }

    public static func fraMiljoe(_ miljoe: [String: String] = ProcessInfo.processInfo.environment) throws -> Webindstillinger {
        let v = (miljoe["TAKSTFIL_SIKRE_COOKIES"] ?? "").lowercased()
        var w = Webindstillinger(sikreCookies: ["1", "true", "ja", "yes"].contains(v))
        w.ur = try Ur.fraMiljoe(miljoe)
        if let s = miljoe["TAKSTFIL_CACHE_SEKUNDER"].flatMap({ TimeInterval($0.replacingOccurrences(of: ",", with: ".")) }), s >= 0 {
            w.cachekontrol = s
        }
        return w
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

extension Request {
    /// The app's clock (`Webindstillinger.ur`).
    var ur: Ur { application.webindstillinger.ur }
}

extension Request {
    /// The year driftsherrer report takster for: next year by the app's clock.
    var naesteAar: Int { ur.aar + 1 }
}
