import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// An open database outside a running web server (CLI, tests, benchmarks): the same
/// configuration and migrations as the web app's `configure`, without Vapor.
public final class Lagerforbindelse: @unchecked Sendable {
    public let databases: Databases
    public let valg: Databasevalg
    private let logger: Logger
    /// One event loop for every use: each event loop has its own connection pool, so with `any()` a
    /// command's migration check and its transaction could each open a connection of their own (on
    /// PostgreSQL a second connection took ~6 ms of a pladser import before its first COPY).
    private let eventLoop: any EventLoop

    public init(_ valg: Databasevalg, logger: Logger = Logger(label: "takstfil.lager")) throws {
        self.valg = valg
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        databases.use(try valg.fabrik(), as: Databasevalg.id, isDefault: true)
    }

    public var db: any Database {
        databases.database(logger: logger, on: eventLoop)!
    }

    public var lager: Lager { Lager(db) }

    /// Runs every pending migration (automatic on every start, DOMAIN "Kernen" 5).
    public func migrer() async throws {
        if try await alleMigreret() { return }
        let migrations = Migrations()
        migrations.add(Migrationer.alle)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger,
                                on: eventLoop, migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Whether `_fluent_migrations` already names every migration. Fluent's migrator would then run none,
    /// but it first asks every migration for its default name by reflection (`preventUnstableNames`):
    /// ~10 ms of every CLI process, a tenth of a small import (perf, issue 17). Anything else — a new
    /// or half-migrated database — goes through the migrator as before.
    func alleMigreret() async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let findes: SQLQueryString = switch valg {
        case .postgres: "SELECT to_regclass('_fluent_migrations') IS NOT NULL AS findes"
        case .sqlite, .sqliteIHukommelse:
            "SELECT count(*) > 0 AS findes FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'"
        }
        guard try await sql.raw(findes).first()?.decode(column: "findes", as: Bool.self) == true else { return false }
        let udfoerte = Set(try await sql.raw("SELECT name FROM _fluent_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) })
        return Migrationer.alle.allSatisfy { udfoerte.contains($0.name) }
    }

    /// Drops every table (tests only: gives a clean database between test cases).
    public func nulstil() async throws {
        let migrations = Migrations()
        migrations.add(Migrationer.alle)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger,
                                on: eventLoop, migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    public func luk() async {
        await databases.shutdownAsync()
    }
}
