import Foundation
import Vapor

/// Passwords: bcrypt (Vapor's `Bcrypt`), off the event loop. API tokens: random, shown once,
/// stored as SHA-256. The cost factor is configuration (`Webindstillinger.bcryptOmkostning`).
public enum Kodeord {
    /// bcrypt's cost factor unless configured otherwise.
    public static let standardomkostning = 12

    /// A bcrypt hash (blocking: the web app calls it through `hash(_:paa:)`, off the event loop).
    public static func hash(_ kodeord: String, omkostning: Int = standardomkostning) throws -> String {
        try Bcrypt.hash(kodeord, cost: omkostning)
    }

    static func hash(_ kodeord: String, paa app: Application) async throws -> String {
        let omkostning = app.webindstillinger.bcryptOmkostning
        return try await app.threadPool.runIfActive { try Kodeord.hash(kodeord, omkostning: omkostning) }
    }

    /// Compares against a fixed hash when there is no account, so an unknown e-mail takes as
    /// long as a wrong password.
    static func passer(_ kodeord: String, hash: String?, paa app: Application) async -> Bool {
        let h = hash ?? blindHash
        let ok = (try? await app.threadPool.runIfActive { try Bcrypt.verify(kodeord, created: h) }) ?? false
        return hash != nil && ok
    }

    static let blindHash = (try? Bcrypt.hash("ingen-konto-her", cost: 12)) ?? ""

    /// A new API token: 32 random bytes, URL-safe, prefixed so it is recognisable in logs.
    public static func nyAPINoegle() -> String {
        "tf_" + tilfaeldig(32)
    }

    static func tilfaeldig(_ bytes: Int) -> String {
        var g = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &g) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func sha256(_ tekst: String) -> String {
        SHA256.hash(data: Data(tekst.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
