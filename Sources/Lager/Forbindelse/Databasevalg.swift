import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Which database to use: a PostgreSQL URL for multi-user deployments, otherwise an SQLite file
/// (the embedded default). Chosen from `--db`, then `TAKSTFIL_DB`, then `DATABASE_URL`.
public enum Databasevalg: Equatable, Sendable, CustomStringConvertible {
    case sqlite(sti: String)
    case sqliteIHukommelse
    case postgres(url: String)

    public static let standardSti = "./takstfil.sqlite"

    public init(_ angivet: String?, miljoe: [String: String] = ProcessInfo.processInfo.environment) {
        let vaerdi = [angivet, miljoe["TAKSTFIL_DB"], miljoe["DATABASE_URL"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? Databasevalg.standardSti
        if vaerdi.hasPrefix("postgres://") || vaerdi.hasPrefix("postgresql://") {
            self = .postgres(url: vaerdi)
        } else if vaerdi == ":memory:" {
            self = .sqliteIHukommelse
        } else {
            self = .sqlite(sti: vaerdi.hasPrefix("sqlite://") ? String(vaerdi.dropFirst("sqlite://".count)) : vaerdi)
        }
    }

    public func fabrik() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let sti): return .sqlite(.file(sti))
        case .sqliteIHukommelse: return .sqlite(.memory)
        case .postgres(let url):
            // Up to four connections per event loop (Fluent's default is one): a report reads its
            // three tables at once, and concurrent requests do not queue behind one connection.
            do { return try .postgres(url: url, maxConnectionsPerEventLoop: 4) } catch {
                throw Lagerfejl.ugyldigDatabase("kan ikke læse PostgreSQL-adressen '\(Databasevalg.skjulKodeord(url))': \(error)")
            }
        }
    }

    /// Never print a password.
    public var description: String {
        switch self {
        case .sqlite(let sti): return "SQLite (\(sti))"
        case .sqliteIHukommelse: return "SQLite (i hukommelsen)"
        case .postgres(let url): return "PostgreSQL (\(Databasevalg.skjulKodeord(url)))"
        }
    }

    static func skjulKodeord(_ url: String) -> String {
        guard var c = URLComponents(string: url), c.password != nil else { return url }
        c.password = "***"
        return c.string ?? url
    }
}

extension Databasevalg {
    /// One database per process; the id is the same whichever engine serves it.
    public static let id = DatabaseID(string: "takstfil")
}
