import Fluent
import Lager
import Vapor

/// Sets up the web app on the chosen database: the same migrations as the CLI, run on start;
/// sessions in the database (so several instances can serve one PostgreSQL); the middleware
/// that turns errors into Danish pages, finds the signed-in user and sets the security headers.
public func configure(_ app: Application, database: Databasevalg, indstillinger: Webindstillinger) async throws {
    app.databases.use(try database.fabrik(), as: Databasevalg.id, isDefault: true)
    app.migrations.add(Migrationer.alle)
    // The session table belongs to the web app (Fluent's own migration), after storage's tables.
    app.migrations.add(SessionRecord.migration)
    // Tests make an application per test case: a line per migration each time buried failures.
    if app.environment == .testing { app.fluent.migrationLogLevel = .debug }
    try await app.autoMigrate()
    app.webindstillinger = indstillinger
    app.offentligcache = Offentligcache(kontrolinterval: indstillinger.cachekontrol, maksBytes: indstillinger.cachegraenseBytes)
    app.rapportcache = Rapportcache()
    app.routes.defaultMaxBodySize = "2mb"
    app.sessions.use(.fluent(Databasevalg.id))
    app.sessions.configuration = indstillinger.sessionskonfiguration
    // Outermost first: log, security headers, errors (also those of the session store), sessions,
    // errors again (inside the session, so a refused form keeps its session), the current user.
    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: app.environment == .testing ? .debug : .info))
    app.middleware.use(Sikkerhedsheadere())
    app.middleware.use(Fejlmiddleware())
    app.middleware.use(MetodeIkkeTilladtMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(Fejlmiddleware())
    app.middleware.use(Brugermiddleware())
    try routes(app)
    Maalinger.rute(app, token: indstillinger.metricsToken)
    // Tests call `Sessionsoprydning.ryd` themselves; a running server purges on a timer.
    if app.environment != .testing { Sessionsoprydning.planlaeg(app) }
}
