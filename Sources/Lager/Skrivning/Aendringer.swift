import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// A number that grows after every committed write from this process. Caches of read data in
/// this process (the web server's published list) compare it to see their own writes at once;
/// writes from other processes are seen through `Lager.offentligStempel()`.
public enum Aendringstaeller {
    private static let taeller = NIOLockedValueBox(0)

    public static var vaerdi: Int { taeller.withLockedValue { $0 } }

    static func tael() { taeller.withLockedValue { $0 += 1 } }
}

extension Lager {
    /// One transaction; when it is the outermost one, the stored write counter (`aendringer`) moves
    /// inside it, so other processes see the write by one number, and this process's counter moves
    /// after the commit (never before: a reader must not cache the old data under the new number).
    public func iTransaktion<T: Sendable>(_ blok: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let yderst = !db.inTransaction
        let resultat = try await db.transaction { tx in
            let r = try await blok(tx)
            if yderst, let sql = tx as? any SQLDatabase {
                try await sql.raw("UPDATE aendringer SET loebenummer = loebenummer + 1 WHERE id = 1").run()
            }
            return r
        }
        if yderst { Aendringstaeller.tael() }
        return resultat
    }
}
