import Fluent
import Foundation
import Vapor

/// Sessions expire in storage, not only inside the session blob: every session carries its expiry
/// (`Sessionsnoegle.udloeber`, sliding, also for visitors who only hold a CSRF token), and expired
/// or unmarked records are deleted — at start and every ten minutes while the server runs.
enum Sessionsoprydning {
    static let intervalSekunder: Int64 = 600

    /// Deletes the session records that have expired by `nu` (seconds since 1970); returns how many.
    @discardableResult
    static func ryd(_ db: any Database, nu: Double = Date().timeIntervalSince1970) async throws -> Int {
        let udloebne = try await SessionRecord.query(on: db).all().filter { r in
            (r.data[Sessionsnoegle.udloeber].flatMap(Double.init) ?? 0) <= nu
        }.compactMap(\.id)
        guard !udloebne.isEmpty else { return 0 }
        try await SessionRecord.query(on: db).filter(\.$id ~~ udloebne).delete()
        return udloebne.count
    }

    /// Runs `ryd` now and then every ten minutes until the application shuts down.
    static func planlaeg(_ app: Application) {
        let logger = app.logger
        let db = app.db
        app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(0), delay: .seconds(intervalSekunder)) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    let n = try await ryd(db)
                    if n > 0 { logger.info("Slettede \(n) udløbne sessioner") }
                } catch {
                    logger.warning("Oprydning af sessioner fejlede: \(error)")
                }
            }
        }
    }
}
