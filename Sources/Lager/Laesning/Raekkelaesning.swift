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
    /// causes). PostgreSQL's rows are read on the connection's task (`postgresRaekker`); anything
    /// else goes through SQLKit as usual.
    func alleRaekker(_ q: any SQLExpression) async throws -> [Databaseraekke] {
        let sql = try self.sql
        // PostgreSQL: PostgresNIO's rows read by column with their own decoders, collected on the
        // connection's task (SQLKit's generic path per cell and per row was most of a report read;
        // issue "Ydeevne: foran DuckDB og pandas" 5).
        let ud = Samling<[Databaseraekke]>([])
        if try await postgresRaekker(q, { ud.v.append($0) }) { return ud.v }
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

    /// On PostgreSQL, each row of `q` handed to `blok` on the connection's task as it arrives, and
    /// true; false (nothing read) on another database, or with a parameter other than a whole
    /// number or text, which are the only ones these reads bind.
    private func postgresRaekker(_ q: any SQLExpression, _ blok: @escaping @Sendable (Databaseraekke) throws -> Void) async throws -> Bool {
        guard let pg = db as? any PostgresDatabase else { return false }
        let (tekst, binds) = try sql.serialize(q)
        var bindinger = PostgresBindings()
        for b in binds {
            if let i = b as? Int { bindinger.append(i) } else if let t = b as? String { bindinger.append(t) } else { return false }
        }
        let forespoergsel = PostgresQuery(unsafeSQL: tekst, binds: bindinger)
        let logger = pg.logger
        try await pg.withConnection { forbindelse in
            forbindelse.eventLoop.makeFutureWithTask {
                var kolonner: PostgresKolonner?
                for try await r in try await forbindelse.query(forespoergsel, logger: logger) {
                    let k = kolonner ?? PostgresKolonner(r)
                    kolonner = k
                    try blok(Databaseraekke(.postgres(PostgresRaekke(r, k))))
                }
            }
        }.get()
        return true
    }

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
        } else if try await !postgresRaekker(q.query, haandter) {
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

/// The columns of one PostgreSQL query, shared by all its rows. A name is found by scanning the
/// handful of names: hashing it per cell (`PostgresRandomAccessRow`, twice with `contains`) and
/// copying that row's three references per cell were most of the client's time in a report read.
final class PostgresKolonner: Sendable {
    let navne: [String]
    let typer: [PostgresDataType]
    let formater: [PostgresFormat]

    init(_ r: PostgresRow) {
        var navne: [String] = [], typer: [PostgresDataType] = [], formater: [PostgresFormat] = []
        for c in r { navne.append(c.columnName); typer.append(c.dataType); formater.append(c.format) }
        (self.navne, self.typer, self.formater) = (navne, typer, formater)
    }

    /// A column the query did not select is an error naming it.
    func indeks(_ k: String) throws -> Int {
        guard let i = navne.firstIndex(of: k) else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' mangler") }
        return i
    }
}

/// One PostgreSQL row: its cells' bytes (nil is NULL) and its query's columns.
final class PostgresRaekke: Sendable {
    let celler: [ByteBuffer?]
    let kolonner: PostgresKolonner

    init(_ r: PostgresRow, _ kolonner: PostgresKolonner) {
        var celler: [ByteBuffer?] = []
        celler.reserveCapacity(kolonner.navne.count)
        for c in r { celler.append(c.bytes) }
        (self.celler, self.kolonner) = (celler, kolonner)
    }

    func erTom(_ k: String) throws -> Bool { celler[try kolonner.indeks(k)] == nil }

    /// A cell decoded with PostgresNIO's own decoder for its type; NULL or another type is an error naming the column.
    func vaerdi<T: PostgresDecodable>(_ k: String, som _: T.Type) throws -> T {
        let i = try kolonner.indeks(k)
        guard var b = celler[i] else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er tom") }
        do { return try T(from: &b, type: kolonner.typer[i], format: kolonner.formater[i], context: .default) }
        catch { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' kunne ikke læses som \(T.self)") }
    }
}

/// A row of `alleRaekker`, read by column name. SQLite's values are taken as they are (SQLKit's
/// generic `Decodable` path was ~15 % of a report at national scale, perf); PostgreSQL's are
/// decoded by PostgresNIO's decoders per type. A missing or mistyped value is an error naming the column.
struct Databaseraekke: Sendable {
    enum Kilde: Sendable { case sqlite(SQLiteRow), postgres(PostgresRaekke), sql(any SQLRow) }

    let kilde: Kilde
    init(_ kilde: Kilde) { self.kilde = kilde }

    func erTom(_ k: String) throws -> Bool {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k) else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' mangler") }
            return v.isNull
        case .postgres(let r): return try r.erTom(k)
        case .sql(let r): return try r.decodeNil(column: k)
        }
    }

    func tekst(_ k: String) throws -> String {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k)?.string else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke tekst") }
            return v
        case .postgres(let r): return try r.vaerdi(k, som: String.self)
        case .sql(let r): return try r.decode(column: k, as: String.self)
        }
    }

    func valgfriTekst(_ k: String) throws -> String? { try erTom(k) ? nil : try tekst(k) }

    func heltal(_ k: String) throws -> Int {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k)?.integer else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke et heltal") }
            return Int(v)
        case .postgres(let r): return try r.vaerdi(k, som: Int.self)
        case .sql(let r): return try r.decode(column: k, as: Int.self)
        }
    }

    func sandhed(_ k: String) throws -> Bool {
        switch kilde {
        case .sqlite(let r):
            guard let v = r.column(k)?.bool else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke sand/falsk") }
            return v
        case .postgres(let r): return try r.vaerdi(k, som: Bool.self)
        case .sql(let r): return try r.decode(column: k, as: Bool.self)
        }
    }

    func valgfriSandhed(_ k: String) throws -> Bool? { try erTom(k) ? nil : try sandhed(k) }

    func uuid(_ k: String) throws -> UUID {
        switch kilde {
        case .sqlite(let r):
            // Fluent writes UUIDs to SQLite as text.
            guard let t = r.column(k)?.string, let v = UUID(tekst: t) else { throw Lagerfejl.ugyldigDatabase("kolonnen '\(k)' er ikke et id") }
            return v
        case .postgres(let r): return try r.vaerdi(k, som: UUID.self)
        case .sql(let r): return try r.decode(column: k, as: UUID.self)
        }
    }

    /// An exact decimal stored as text.
    func tal(_ k: String) throws -> Decimal { try Lagertal.decimal(try tekst(k)) }
    func valgfritTal(_ k: String) throws -> Decimal? { try erTom(k) ? nil : try tal(k) }
}
