import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit

extension Lager {
    /// All rows of a read-only query. On SQLite the rows are collected on SQLite's own thread:
    /// SQLKit's path hands every row to the event loop one by one, which was ~15 % of a report's
    /// time at national scale (perf: `EventLoop.submit` per row and the thread switches it
    /// causes). PostgreSQL, and anything else, goes through SQLKit as usual. The rows are the
    /// same `SQLRow`s either way, decoded with SQLite's default data decoder as Fluent does.
    func alleRaekker(_ q: any SQLExpression) async throws -> [any SQLRow] {
        let sql = try self.sql
        guard let sqlite = db as? any SQLiteDatabase else {
            nonisolated(unsafe) var raekker: [any SQLRow] = []
            try await sql.execute(sql: q) { raekker.append($0) }
            return raekker
        }
        let (tekst, binds) = sql.serialize(q)
        let encoder = SQLiteDataEncoder()
        let data = try binds.map { try encoder.encode($0) }
        let raekker = try await sqlite.withConnection { (forbindelse: SQLiteConnection) async throws -> [SQLiteRow] in
            try await forbindelse.query(tekst, data)
        }
        let decoder = SQLiteDataDecoder()
        return raekker.map { $0.sql(decoder: decoder) }
    }

    func alleRaekker(_ q: SQLSelectBuilder) async throws -> [any SQLRow] { try await alleRaekker(q.query) }
}
