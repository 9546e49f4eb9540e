import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit

/// A value of a bulk-inserted row, in the form both databases' fast paths write directly (text,
/// whole numbers, ids, nothing) — money stays exact decimal text as everywhere else.
enum Feltvaerdi: Sendable {
    case tekst(String)
    case heltal(Int)
    case id(UUID)
    /// An id with its text written once and shared: the import's id on every row, a tilbud's on its
    /// consecutive rows (perf: writing the text was ~4 % of a belægning import, three ids a row).
    case kendtID(UUID, tekst: String)
    case sandhed(Bool)
    case ingen

    static func kendt(_ u: UUID) -> Feltvaerdi { .kendtID(u, tekst: u.tekst) }

    static func valgfri(_ s: String?) -> Feltvaerdi { s.map { .tekst($0) } ?? .ingen }

    var sqlite: SQLiteData {
        switch self {
        case .tekst(let s): return .text(s)
        case .heltal(let i): return .integer(i)
        // Fluent writes a UUID to SQLite as its text (it is no SQLiteDataConvertible; Encodable gives the string).
        case .id(let u): return .text(u.tekst)
        case .kendtID(_, let t): return .text(t)
        case .sandhed(let b): return .integer(b ? 1 : 0)
        case .ingen: return .null
        }
    }

    var kodbar: any Encodable & Sendable {
        switch self {
        case .tekst(let s): return s
        case .heltal(let i): return i
        case .id(let u), .kendtID(let u, _): return u
        case .sandhed(let b): return b
        case .ingen: return String?.none
        }
    }

    /// False only when none of eight bytes needs escaping: none is a backslash or below 0x0E (tab,
    /// newline, carriage return and a few rare control bytes, which the byte loop then passes on).
    /// "Bit Twiddling Hacks"' haszero and hasless: never a false "no".
    @inline(__always)
    static func harCopytegn(_ v: UInt64) -> Bool {
        let een: UInt64 = 0x0101_0101_0101_0101, hoej: UInt64 = 0x8080_8080_8080_8080
        let x = v ^ (een &* 0x5C)
        let skraa = (x &- een) & ~x & hoej
        let lav = (v &- een &* 0x0E) & ~v & hoej
        return skraa | lav != 0
    }

    /// COPY's text format: `\N` is null; backslash, tab, newline and carriage return escaped.
    func copy(_ b: inout ByteBuffer) {
        switch self {
        case .tekst(let s):
            // Written in runs between the bytes to escape, not byte by byte (perf: the byte loop was a
            // fifth of a PostgreSQL takster import; a takst's ~550-byte basis has JSON's `\/` in it).
            var s = s
            s.withUTF8 { u in
                var fra = 0
                var i = 0
                while i < u.count {
                    // Eight bytes at a time while none of them is one to escape (perf: the byte loop
                    // was ~4 % of a PostgreSQL takster import's client).
                    if i + 8 <= u.count, !Feltvaerdi.harCopytegn(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                        i += 8
                        continue
                    }
                    defer { i += 1 }
                    let erstatning: StaticString
                    switch u[i] {
                    case 0x5C: erstatning = "\\\\"
                    case 0x09: erstatning = "\\t"
                    case 0x0A: erstatning = "\\n"
                    case 0x0D: erstatning = "\\r"
                    default: continue
                    }
                    b.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: u[fra..<i])))
                    b.writeStaticString(erstatning)
                    fra = i + 1
                }
                b.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: u[fra...])))
            }
        case .heltal(let i): b.writeString(String(i))
        case .id(let u): b.writeString(u.tekst)
        case .kendtID(_, let t): b.writeString(t)
        case .sandhed(let v): b.writeStaticString(v ? "t" : "f")
        case .ingen: b.writeStaticString("\\N")
        }
    }
}

/// The rows an import inserts into one table, written in bulk inside its transaction (issue 17
/// part 4). Each database gets its fastest way in:
/// - PostgreSQL: `COPY … FROM STDIN` on the transaction's connection (PostgresNIO's `copyFrom`);
/// - SQLite: multi-row `INSERT … VALUES (…), (…)` with up to ~200.000 parameters per statement
///   (the SQLite in sqlite-nio allows 250.000), the values bound as SQLite values directly. SQLiteNIO
///   has no public API to keep a prepared statement and step it per row (its statement type and
///   connection handle are internal), so a statement is prepared per batch of thousands of rows;
/// - any other SQL database: SQLKit's insert in batches of ~15.000 parameters, as before.
final class Masseindsaettelse: @unchecked Sendable {
    let tabel: String
    let kolonner: [String]
    private(set) var raekker: [[Feltvaerdi]] = []
    /// SQLite's statement text for the last number of rows written, shared with the instances
    /// `udtag` makes: a streamed file's batches are the same size, so the text (80 KB for a batch
    /// of belægning) is built once per import instead of per batch (perf: ~2 % of an import).
    private let sqliteTekst: Tekstgemme

    private final class Tekstgemme: @unchecked Sendable {
        /// Used by the one task writing the import's batches at a time (`Importkontekst.lager()`).
        var raekker = 0, tekst = ""
    }

    init(_ tabel: String, _ kolonner: [String]) {
        self.tabel = tabel
        self.kolonner = kolonner
        sqliteTekst = Tekstgemme()
    }

    private init(_ m: Masseindsaettelse) {
        tabel = m.tabel
        kolonner = m.kolonner
        sqliteTekst = m.sqliteTekst
    }

    func tilfoej(_ vaerdier: [Feltvaerdi]) {
        assert(vaerdier.count == kolonner.count, "\(tabel): \(vaerdier.count) værdier til \(kolonner.count) kolonner")
        raekker.append(vaerdier)
    }

    /// The queued rows moved to a new instance (this one is left empty), to be written apart.
    func udtag() -> Masseindsaettelse {
        let m = Masseindsaettelse(self)
        m.raekker = raekker
        raekker = []
        return m
    }

    /// The queued rows in the form the database takes them: SQLite's values in statement order,
    /// or PostgreSQL's COPY text. Made by `forbered` in the task that queued the rows, while the
    /// previous batch is still being written — the writer is an import's critical path (perf of a
    /// belægning import: the row loop waited for the writes two thirds of its time).
    private enum Forberedt: Sendable {
        case sqlite([SQLiteData], raekker: Int)
        case copy(ByteBuffer)
    }
    private var forberedt: Forberedt?

    /// Turns the queued rows into what `toem` sends to `db` (databases without a fast path: nothing to do).
    func forbered(_ db: any Database) {
        guard !raekker.isEmpty, case .none = forberedt else { return }
        if db is any PostgresDatabase {
            forberedt = .copy(copytekst(raekker))
        } else if db is any SQLiteDatabase {
            forberedt = .sqlite(sqliteVaerdier(raekker), raekker: raekker.count)
        } else {
            return
        }
        raekker = []
    }

    /// Writes the queued rows (nothing when none are queued).
    func toem(_ db: any Database) async throws {
        if let f = forberedt {
            forberedt = nil
            switch (f, db) {
            case (.copy(let data), let pg as any PostgresDatabase): try await copy(pg, data)
            case (.sqlite(let vaerdier, let n), let sqlite as any SQLiteDatabase): try await sqliteIndsaet(sqlite, vaerdier, raekker: n)
            default: throw Lagerfejl.ugyldigDatabase("rækkerne til \(tabel) blev gjort klar til en anden slags database")
            }
        }
        guard !raekker.isEmpty else { return }
        let alle = raekker
        raekker = []
        if let pg = db as? any PostgresDatabase {
            try await copy(pg, copytekst(alle))
        } else if let sqlite = db as? any SQLiteDatabase {
            try await sqliteIndsaet(sqlite, sqliteVaerdier(alle), raekker: alle.count)
        } else {
            guard let sql = db as? any SQLDatabase else { throw Lagerfejl.ugyldigDatabase("databasen understøtter ikke SQL") }
            let pr = max(1, 15_000 / kolonner.count)
            for start in stride(from: 0, to: alle.count, by: pr) {
                var q = sql.insert(into: tabel).columns(kolonner)
                for r in alle[start..<min(start + pr, alle.count)] { q = q.values(r.map { SQLBind($0.kodbar) }) }
                try await q.run()
            }
        }
    }

    private func copytekst(_ alle: [[Feltvaerdi]]) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: alle.count * kolonner.count * 12)
        for r in alle {
            for (i, v) in r.enumerated() {
                if i > 0 { buffer.writeInteger(UInt8(0x09)) }
                v.copy(&buffer)
            }
            buffer.writeInteger(UInt8(0x0A))
        }
        return buffer
    }

    private func copy(_ pg: any PostgresDatabase, _ data: ByteBuffer) async throws {
        let (tabel, kolonner) = (tabel, kolonner)
        try await pg.withConnection { forbindelse in
            forbindelse.eventLoop.makeFutureWithTask {
                try await forbindelse.copyFrom(table: tabel, columns: kolonner, logger: forbindelse.logger) { skriver in
                    try await skriver.write(data)
                }
            }
        }.get()
    }

    private func sqliteVaerdier(_ alle: [[Feltvaerdi]]) -> [SQLiteData] {
        var binds: [SQLiteData] = []
        binds.reserveCapacity(alle.count * kolonner.count)
        for r in alle { for v in r { binds.append(v.sqlite) } }
        return binds
    }

    private func sqliteIndsaet(_ sqlite: any SQLiteDatabase, _ vaerdier: [SQLiteData], raekker antal: Int) async throws {
        let k = kolonner.count
        let pr = max(1, 200_000 / k)
        let felter = "(" + Array(repeating: "?", count: k).joined(separator: ",") + ")"
        let hoved = "INSERT INTO \"\(tabel)\" (" + kolonner.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        for start in stride(from: 0, to: antal, by: pr) {
            let n = min(pr, antal - start)
            // One statement for a whole batch (the usual case) takes the values as they are.
            let b = n == antal ? vaerdier : Array(vaerdier[(start * k)..<((start + n) * k)])
            if sqliteTekst.raekker != n {
                sqliteTekst.tekst = hoved + Array(repeating: felter, count: n).joined(separator: ",")
                sqliteTekst.raekker = n
            }
            let tekst = sqliteTekst.tekst
            _ = try await sqlite.withConnection { (forbindelse: SQLiteConnection) async throws -> [SQLiteRow] in
                try await forbindelse.query(tekst, b)
            }
        }
    }
}

/// Ids for bulk-inserted rows: time-ordered (RFC 9562 version 7) so each table's primary-key
/// index grows at its end instead of taking every row at a random leaf — random (version 4) ids
/// made an import at ten times the rows take ~12 times as long (perf, issue "Ydeevne: foran DuckDB
/// og pandas"). 48 bits of Unix milliseconds, 12 bits counting ids within a millisecond (so the ids
/// of one import ascend), 62 random bits from the system's random source, 4.096 ids' worth at a
/// time: Foundation's `UUID()` opens /dev/urandom for every id (perf: an eighth of a belægning
/// import went to `open`). One per import, used from one task at a time.
struct Importider {
    private var buffer: [UInt8] = []
    private var i = 0
    private let kilde = FileHandle(forReadingAtPath: "/dev/urandom")
    private var sidsteMs: UInt64 = 0
    private var taeller: UInt64 = 0
    private let ur: () -> UInt64

    /// `ur` gives Unix milliseconds (tests give a fixed clock).
    init(ur: @escaping () -> UInt64 = { UInt64(Date().timeIntervalSince1970 * 1000) }) { self.ur = ur }

    mutating func nyt() -> UUID {
        // Eight random bytes per id (the other eight are the time and the counter).
        if i + 8 > buffer.count {
            if let data = try? kilde?.read(upToCount: 8 * 8_192), data.count >= 8 {
                buffer = [UInt8](data)
            } else {
                // Without /dev/urandom: the standard library's generator (getrandom), 8 bytes a call.
                var g = SystemRandomNumberGenerator()
                buffer = (0..<(2 * 4_096)).flatMap { _ in withUnsafeBytes(of: g.next()) { Array($0) } }
            }
            i = 0
        }
        // Ascending within the import even if the clock stands still or steps back.
        let nu = ur()
        if nu > sidsteMs {
            sidsteMs = nu
            taeller = 0
        } else {
            taeller += 1
            if taeller > 0xFFF { sidsteMs += 1; taeller = 0 }
        }
        let ms = sidsteMs
        var b = (UInt8(truncatingIfNeeded: ms >> 40), UInt8(truncatingIfNeeded: ms >> 32), UInt8(truncatingIfNeeded: ms >> 24),
                 UInt8(truncatingIfNeeded: ms >> 16), UInt8(truncatingIfNeeded: ms >> 8), UInt8(truncatingIfNeeded: ms),
                 UInt8(truncatingIfNeeded: taeller >> 8), UInt8(truncatingIfNeeded: taeller),
                 buffer[i], buffer[i + 1], buffer[i + 2], buffer[i + 3], buffer[i + 4], buffer[i + 5], buffer[i + 6], buffer[i + 7])
        i += 8
        b.6 = b.6 & 0x0F | 0x70   // version 7
        b.8 = b.8 & 0x3F | 0x80   // RFC 9562 variant
        return UUID(uuid: b)
    }
}
