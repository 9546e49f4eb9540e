import FluentKit
import FluentSQLiteDriver
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
    ///
    /// On SQLite the counter is bumped first: the transaction then holds the write lock from its
    /// first statement and never has to upgrade a read lock, which SQLite refuses at once ("database
    /// is locked") when another process writes meanwhile — a command-line import beside a running
    /// server did (found by `scripts/robusthed`). Should it still meet a busy database, the outermost
    /// transaction is run again from the start (nothing of it was kept).
    public func iTransaktion<T: Sendable>(_ blok: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let yderst = !db.inTransaction
        var forsoeg = 0
        while true {
            do {
                let resultat = try await db.transaction { tx in
                    let sql = yderst ? tx as? any SQLDatabase : nil
                    let forst = sql?.dialect.name == "sqlite"
                    if forst { try await sql?.raw("UPDATE aendringer SET loebenummer = loebenummer + 1 WHERE id = 1").run() }
                    let r = try await blok(tx)
                    if !forst { try await sql?.raw("UPDATE aendringer SET loebenummer = loebenummer + 1 WHERE id = 1").run() }
                    return r
                }
                if yderst { Aendringstaeller.tael() }
                return resultat
            } catch let fejl as SQLiteError where yderst && Lager.erOptaget(fejl) && forsoeg < 200 {
                forsoeg += 1
                try await Task.sleep(nanoseconds: UInt64(5_000_000 + Int.random(in: 0..<10_000_000)))
            }
        }
    }
}
