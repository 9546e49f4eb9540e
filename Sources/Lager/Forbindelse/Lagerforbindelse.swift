import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix

/// An open database outside a running web server (CLI, tests, benchmarks): the same
/// configuration and migrations as the web app's `configure`, without Vapor.
public final class Lagerforbindelse: @unchecked Sendable {
    public let databases: Databases
    public let valg: Databasevalg
    private let logger: Logger

    public init(_ valg: Databasevalg, logger: Logger = Logger(label: "takstfil.lager")) throws {
        self.valg = valg
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try valg.fabrik(), as: Databasevalg.id, isDefault: true)
    }

    public var db: any Database {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
    }

    public var lager: Lager { Lager(db) }

    /// Runs every pending migration (automatic on every start, DOMAIN "Kernen" 5).
    public func migrer() async throws {
        let migrations = Migrations()
        migrations.add(Migrationer.alle)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger,
                                on: databases.eventLoopGroup.any(), migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Drops every table (tests only: gives a clean database between test cases).
    public func nulstil() async throws {
        let migrations = Migrations()
        migrations.add(Migrationer.alle)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger,
                                on: databases.eventLoopGroup.any(), migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    public func luk() async {
        await databases.shutdownAsync()
    }
}
