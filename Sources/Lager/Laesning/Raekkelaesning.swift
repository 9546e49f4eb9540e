import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit

extension Lager {
    /// All rows of a read-only query. On SQLite the rows are collected on SQLite's own thread:
    /// SQLKit's path hands every row to the event loop one by one, which was ~15 % of a report's
    /// time at national scale (perf: `EventLoop.submit` per row and the thread switches it
    /// causes). PostgreSQL, and anything else, goes through SQLKit as usual. The rows are the
    /// same `SQLRow`s either way, decoded with SQLite's default data decoder as Fluent does.
    func alleRaekker(_ q: any SQLExpression) async throws -> [Databaseraekke] {
        let sql = try self.sql
        // PostgreSQL: PostgresNIO's rows read by column with their own decoders, collected on the
        // connection's task (SQLKit's generic path per cell and per row was most of a report read;
        // issue "Ydeevne: foran DuckDB og pandas" 5). Only whole-number and text parameters occur here.
        if let pg = db as? any PostgresDatabase {
            let (tekst, binds) = sql.serialize(q)
            var bindinger = PostgresBindings()
            var kanBindes = true
            for b in binds {
                if let i = b as? Int { bindinger.append(i) } else if let t = b as? String { bindinger.append(t) } else { kanBindes = false }
            }
            if kanBindes {
                let forespoergsel = PostgresQuery(unsafeSQL: tekst, binds: bindinger)
                let logger = pg.logger
                return try await pg.withConnection { forbindelse in
                    forbindelse.eventLoop.makeFutureWithTask {
                        var ud: [Databaseraekke] = []
                        for try await r in try await forbindelse.query(forespoergsel, logger: logger) {
                            ud.append(Databaseraekke(.postgres(r.makeRandomAccess())))
                        }
                        return ud
                    }
                }.get()
            }
        }
        guard let sqlite = db as? any SQLiteDatabase else {
            // Rows arrive one by one on the event loop; the box makes the collecting closure Sendable.
            let raekker = NIOLockedValueBox<[Databaseraekke]>([])
            try await sql.execute(sql: q) { r in raekker.withLockedValue { $0.append(Databaseraekke(.sql(r))) } }
            return raekker.withLockedValue { $0 }
        }
        let (tekst, data) = try sqliteForespoergsel(q)
        let raekker = try await sqlite.withConnection { (forbindelse: SQLiteConnection) async throws -> [SQLiteRow] in
            try await forbindelse.query(tekst, data)
        }
        return raekker.map { Databaseraekke(.sqlite($0)) }
    }

    func alleRaekker(_ q: SQLSelectBuilder) async throws -> [Databaseraekke] { try await alleRaekker(q.query) }

    /// A query as SQLite's text and values, encoded as Fluent encodes them.
    private func sqliteForespoergsel(_ q: any SQLExpression) throws -> (String, [SQLiteData]) {
        let (tekst, binds) = try sql.serialize(q)
        let encoder = SQLiteDataEncoder()
        return (tekst, try binds.map { try encoder.encode($0) })
    }

    /// Each row of a read-only query handed to `blok` as it arrives, in order, none kept: reading
    /// every year's reports this way holds one row at a time instead of all of them (at x10 scale
    /// the rows alone were ~0,5 GB). `blok` runs on SQLite's thread or the connection's task, one
    /// row after the other; the first error it throws ends the read and is thrown here.
    func forHverRaekke(_ q: SQLSelectBuilder, _ blok: @escaping @Sendable (Databaseraekke) throws -> Void) async throws {
        let fejl = NIOLockedValueBox<(any Error)?>(nil)
        let haandter: @Sendable (Databaseraekke) -> Void = { r in
            guard fejl.withLockedValue({ $0 == nil }) else { return }
            do { try blok(r) } catch { fejl.withLockedValue { $0 = error } }
        }
        if let sqlite = db as? any SQLiteDatabase {
            let (tekst, data) = try sqliteForespoergsel(q.query)
            try await sqlite.withConnection { (forbindelse: SQLiteConnection) async throws in
                try await forbindelse.query(tekst, data) { haandter(Databaseraekke(.sqlite($0))) }
            }
        } else {
            for r in try await alleRaekker(q.query) { haandter(r) }
        }
        if let f = fejl.withLockedValue({ $0 }) { throw f }
    }
}

/// State a row handler fills while `forHverRaekke` reads (rows come one after the other).
final class Samling<T>: @unchecked Sendable {
    var v: T
    init(_ v: T) { self.v = v }
}

/// A row of `alleRaekker`, read by column name. SQLite's values are taken as they are (SQLKit's
/// generic `Decodable` path was ~15 % of a report at national scale, perf); PostgreSQL's go
/// through SQLKit. A missing or mistyped value is an error naming the column.
struct Databaseraekke: Sendable {
    enum Kilde: Sendable { case sqlite(SQLiteRow), postgres(PostgresRandomAccessRow), sql(any SQLRow) }

    /// PostgreSQL's cell by column name; a column the query did not select is an error.
    private static func celle(_ r: PostgresRandomAccessRow, _ k: String) throws -> PostgresCell {
        guard r.contains(k) else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' mangler") }
        return r[k]
    }
    let kilde: Kilde
    init(_ kilde: Kilde) { self.kilde = kilde }

    func erTom(_ k: String) throws -> Bool {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k) else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' mangler") }
            return v.isNull
        case .postgres(let r): return try Self.celle(r, k).bytes == nil
        case .sql(let r): return try r.decodeNil(column: k)
        }
    }

    func tekst(_ k: String) throws -> String {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k)?.string else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke tekst") }
            return v
        case .postgres(let r): return try Self.celle(r, k).decode(String.self)
        case .sql(let r): return try r.decode(column: k, as: String.self)
        }
    }

    func valgfriTekst(_ k: String) throws -> String? { try erTom(k) ? nil : try tekst(k) }

    func heltal(_ k: String) throws -> Int {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k)?.integer else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke et heltal") }
            return Int(v)
        case .postgres(let r): return try Self.celle(r, k).decode(Int.self)
        case .sql(let r): return try r.decode(column: k, as: Int.self)
        }
    }

    func sandhed(_ k: String) throws -> Bool {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k)?.bool else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke sand/falsk") }
            return v
        case .postgres(let r): return try Self.celle(r, k).decode(Bool.self)
        case .sql(let r): return try r.decode(column: k, as: Bool.self)
        }
    }

    func valgfriSandhed(_ k: String) throws -> Bool? { try erTom(k) ? nil : try sandhed(k) }

    func uuid(_ k: String) throws -> UUID {
        switch kilde {
        case .sqlite(let r):
            // Fluent writes UUIDs to SQLite as text.
            guard let t = r.column(k)?.string, let v = UUID(uuidString: t) else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke et id") }
            return v
        case .postgres(let r): return try Self.celle(r, k).decode(UUID.self)
        case .sql(let r): return try r.decode(column: k, as: UUID.self)
        }
    }

    /// An exact decimal stored as text.
    func tal(_ k: String) throws -> Decimal { try Lagertal.decimal(try tekst(k)) }
    func valgfritTal(_ k: String) throws -> Decimal? { try erTom(k) ? nil : try tal(k) }
}
