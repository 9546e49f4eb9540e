import Foundation
import Lager
import XCTest

/// The storage tests run every scenario on SQLite and on PostgreSQL. PostgreSQL comes from
/// `scripts/test` (TAKSTFIL_TEST_POSTGRES_URL); without it the PostgreSQL half fails loudly
/// rather than being skipped.
public enum Testdatabaser {
    public static func alle() throws -> [(navn: String, valg: Databasevalg)] {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-test-\(UUID().uuidString).sqlite").path
        guard let pg = ProcessInfo.processInfo.environment["TAKSTFIL_TEST_POSTGRES_URL"], !pg.isEmpty else {
            throw XCTSkipFailure.manglerPostgres
        }
        return [("SQLite", .sqlite(sti: sti)), ("PostgreSQL", .postgres(url: pg))]
    }

    enum XCTSkipFailure: Error, CustomStringConvertible {
        case manglerPostgres
        var description: String {
            "TAKSTFIL_TEST_POSTGRES_URL er ikke sat: kør testene med scripts/test, som starter en PostgreSQL"
        }
    }

    /// Runs `blok` once per database on a freshly migrated, empty schema.
    public static func forHver(_ blok: (String, Lagerforbindelse) async throws -> Void) async throws {
        for (navn, valg) in try alle() {
            let f = try Lagerforbindelse(valg)
            do {
                try await f.nulstil()
                try await f.migrer()
                try await blok(navn, f)
                await f.luk()
            } catch {
                await f.luk()
                throw Fejl(database: navn, underliggende: error)
            }
            if case .sqlite(let sti) = valg { try? FileManager.default.removeItem(atPath: sti) }
        }
    }

    struct Fejl: Error, CustomStringConvertible {
        let database: String
        let underliggende: any Error
        var description: String { "[\(database)] \(underliggende)" }
    }
}
