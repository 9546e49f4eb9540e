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
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TAKSTFIL_BETROEDE_PROXYER=10.0.0.5,10.0.0.6`).
    /// Without it the client is the connection's address, and a forwarded header is ignored.
    public var betroedeProxyer: Set<String> = []
    /// The token `/metrics` answers to (`TAKSTFIL_METRICS_TOKEN`); without it there is no `/metrics`.
    public var metricsToken: String?
    /// The public pages are served from memory; a change made by another process or instance
    /// (the CLI, a second server) shows within this many seconds (`TAKSTFIL_CACHE_SEKUNDER`, default 1;
    /// 0 checks on every request). This server's own changes show at once.
    public var cachekontrol: TimeInterval = 1
    /// The public cache's cap in bytes (estimated; `TAKSTFIL_CACHE_MB`, default 64).
    public var cachegraenseBytes = 64 << 20
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
        if let mb = miljoe["TAKSTFIL_CACHE_MB"].flatMap(Int.init), mb > 0 { w.cachegraenseBytes = mb << 20 }
        w.metricsToken = miljoe["TAKSTFIL_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        w.betroedeProxyer = Set((miljoe["TAKSTFIL_BETROEDE_PROXYER"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
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

/// The client's address for the sign-in throttle: the connection's, or — only when the connection
/// comes from a configured trusted proxy — the nearest address in `X-Forwarded-For` that is not a
/// trusted proxy (so a client cannot pick its own address, and all users behind the proxy do not
/// share one).
enum Klientadresse {
    static func vaelg(forbindelse: String?, videresendt: String?, betroede: Set<String>) -> String {
        guard let f = forbindelse else { return "ukendt" }
        guard betroede.contains(f), let xff = videresendt else { return f }
        let kaede = xff.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return kaede.last { !betroede.contains($0) } ?? f
    }
}

extension Request {
    var klientadresse: String {
        Klientadresse.vaelg(forbindelse: remoteAddress?.ipAddress, videresendt: headers.first(name: "X-Forwarded-For"),
                            betroede: application.webindstillinger.betroedeProxyer)
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
