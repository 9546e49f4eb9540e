@testable import Lager
import SQLKit
import Testhjaelp
import XCTest

/// A migration's name is its row in `_fluent_migrations`: read without reflection, it must stay the
/// name Fluent gave it (`String(reflecting:)`), or every existing database would run it again.
final class MigrationsnavneTests: XCTestCase {
    func testNavneSomFluentsEgne() {
        let alle = Migrationer.alle
        XCTAssertEqual(alle.count, 29)
        for m in alle {
            XCTAssertEqual(m.name, String(reflecting: type(of: m)))
        }
        XCTAssertEqual(alle.first?.name, "Lager.M001_Organisationer")
        XCTAssertEqual(Set(alle.map(\.name)).count, alle.count)
    }

    /// The short cut past Fluent's migrator is taken only when every migration is recorded: a new
    /// database, an emptied one and one missing its latest migration all go through the migrator,
    /// which then brings them up to date.
    func testMigreringSpringesKunOverNaarAlleErUdfoert() async throws {
        for (navn, valg) in try Testdatabaser.alle() {
            let f = try Lagerforbindelse(valg)
            do {
                if case .postgres = valg { try await f.nulstil() }
                else { let ny = try await f.alleMigreret(); XCTAssertFalse(ny, navn) }   // no _fluent_migrations yet
                try await f.nulstil()
                var svar = try await f.alleMigreret()
                XCTAssertFalse(svar, "\(navn): tømt")
                try await f.migrer()
                svar = try await f.alleMigreret()
                XCTAssertTrue(svar, navn)

                // The latest migration undone and its row gone: migrer() must run it again.
                let sidste = try XCTUnwrap(Migrationer.alle.last)
                try await sidste.revert(on: f.db).get()
                let sql = try XCTUnwrap(f.db as? any SQLDatabase)
                try await sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: sidste.name)").run()
                svar = try await f.alleMigreret()
                XCTAssertFalse(svar, "\(navn): mangler \(sidste.name)")
                try await f.migrer()
                svar = try await f.alleMigreret()
                XCTAssertTrue(svar, navn)
                // Each recorded once (the web's session migration may share the table on a test database).
                let navne = try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) }
                XCTAssertEqual(navne.filter { n in Migrationer.alle.contains { $0.name == n } }.count, Migrationer.alle.count, navn)
                await f.luk()
            } catch {
                await f.luk()
                throw error
            }
            if case .sqlite(let sti) = valg { try? FileManager.default.removeItem(atPath: sti) }
        }
    }
}
