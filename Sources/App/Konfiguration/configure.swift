import Fluent
import Lager
import Vapor

/// Sets up the web app on the chosen database: the same migrations as the CLI, run on start.
public func configure(_ app: Application, database: Databasevalg) async throws {
    app.databases.use(try database.fabrik(), as: Databasevalg.id, isDefault: true)
    app.migrations.add(Migrationer.alle)
    try await app.autoMigrate()
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    try routes(app)
}
