import Foundation
@testable import Lager
import SQLKit
import Testhjaelp
import XCTest

/// The plain row reader under every report and recomputation (`alleRaekker`, `forHverRaekke`):
/// the same values from SQLite's and PostgreSQL's own row types, rows in the query's order, and a
/// missing column, a NULL or a wrong type refused with the column's name — never a zero.
final class RaekkelaesningTests: XCTestCase {
    func testVaerdierRaekkefoelgeOgFejlPaaBeggeDatabaser() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let sql = try XCTUnwrap(l.db as? any SQLDatabase)
            // A table of its own, left by no earlier run (a kept test database is not emptied of it).
            try await sql.raw("DROP TABLE IF EXISTS laeseprove").run()
            try await sql.raw("CREATE TABLE laeseprove (id TEXT NOT NULL, nr INTEGER NOT NULL, navn TEXT, beloeb TEXT, sand BOOLEAN)").run()
            let id = UUID()
            try await sql.raw("""
                INSERT INTO laeseprove VALUES ('\(unsafeRaw: id.uuidString)', 2, 'Bøgely', '1234567.891', true),
                                              ('x', 1, NULL, NULL, false)
                """).run()
            let q = sql.select().columns("id", "nr", "navn", "beloeb", "sand").from("laeseprove").orderBy("nr")

            let raekker = try await l.alleRaekker(q)
            XCTAssertEqual(try raekker.map { try $0.heltal("nr") }, [1, 2], db)
            let r = raekker[1]
            XCTAssertEqual(try r.tekst("navn"), "Bøgely", db)
            XCTAssertEqual(try r.tal("beloeb"), Decimal(string: "1234567.891"), db)
            XCTAssertEqual(try r.sandhed("sand"), true, db)
            XCTAssertEqual(try r.uuid("id"), id, db)
            XCTAssertNil(try raekker[0].valgfriTekst("navn"), db)
            XCTAssertNil(try raekker[0].valgfritTal("beloeb"), db)
            XCTAssertEqual(try raekker[0].valgfriSandhed("sand"), false, db)

            // Refused, naming the column.
            for (hvad, felt, proev) in [
                ("ikke valgt", "takst", { _ = try raekker[1].tekst("takst") }),
                ("NULL som tekst", "navn", { _ = try raekker[0].tekst("navn") }),
                ("tekst som heltal", "navn", { _ = try raekker[1].heltal("navn") }),
                ("ikke et id", "id", { _ = try raekker[0].uuid("id") }),
            ] as [(String, String, () throws -> Void)] {
                XCTAssertThrowsError(try proev(), "\(db): \(hvad)") { e in
                    XCTAssertTrue("\(e)".contains("'\(felt)'"), "\(db): \(hvad): \(e)")
                }
            }

            // Row by row, in order, and the first error from the handler ends the read and is thrown.
            let set = Samling<[String]>([])
            try await l.forHverRaekke(q) { set.v.append(try $0.tekst("id")) }
            XCTAssertEqual(set.v, ["x", id.uuidString], db)
            let efterFejl = Samling(0)
            do {
                try await l.forHverRaekke(q) { r in efterFejl.v += 1; _ = try r.tekst("navn") }
                XCTFail("\(db): NULL som tekst blev ikke afvist")
            } catch {
                XCTAssertTrue("\(error)".contains("'navn'"), "\(db): \(error)")
            }
            XCTAssertEqual(efterFejl.v, 1, "\(db): rækker efter fejlen blev stadig behandlet")
            try await sql.raw("DROP TABLE laeseprove").run()
        }
    }
}
