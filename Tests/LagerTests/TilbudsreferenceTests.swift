import FluentKit
import Foundation
@testable import Lager
import SQLKit
import Takstregler
import XCTest
import Testhjaelp

/// The import tables' reference to tilbud holds the same on both databases: a foreign key on SQLite,
/// a check per statement on PostgreSQL (M028). A row naming a tilbud that does not exist is refused
/// — in the bulk path an import takes as well as in a plain update — and a tilbud that is still
/// referenced cannot be deleted or given another id, while one without rows can.
final class TilbudsreferenceTests: XCTestCase {
    static let kolonner = ["id", "tilbud_id", "aar", "kvartal", "version", "normering", "forbrug", "art"]

    func belaegning(_ tilbud: UUID, kvartal: Int) -> [Feltvaerdi] {
        [.id(UUID()), .id(tilbud), .heltal(2026), .heltal(kvartal), .heltal(1), .tekst("365"), .tekst("300"), .tekst("doegn")]
    }

    /// SQLite's "FOREIGN KEY constraint failed" or PostgreSQL's SQLSTATE 23503, and nothing else.
    func erReferencefejl(_ e: any Error) -> Bool {
        let t = String(reflecting: e)
        return t.contains("FOREIGN KEY constraint failed") || t.contains("23503")
    }

    func antal(_ sql: any SQLDatabase, _ tabel: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: tabel)").first()!.decode(column: "n", as: Int.self)
    }

    func testReferencenTilTilbudHolderPaaBeggeDatabaser() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let sql = try XCTUnwrap(l.db as? any SQLDatabase)
            try await l.opretOrganisation(Organisation(navn: "Jammerbugt Kommune", art: .kommune, kommunenummer: "849"), af: "test")
            let tilbud = try await l.opretTilbud(Tilbud(navn: "Toftehøj", driftsherre: "Jammerbugt Kommune"), af: "test")
            let uden = try await l.opretTilbud(Tilbud(navn: "Tomt tilbud", driftsherre: "Jammerbugt Kommune"), af: "test")

            // The import's bulk path with one row for a tilbud that does not exist: the whole batch refused.
            let ukendt = UUID()
            let daarlig = Masseindsaettelse("belaegninger", Self.kolonner)
            daarlig.tilfoej(belaegning(tilbud, kvartal: 1))
            daarlig.tilfoej(belaegning(ukendt, kvartal: 2))
            daarlig.tilfoej(belaegning(tilbud, kvartal: 3))
            do {
                try await l.db.transaction { try await daarlig.toem($0) }
                XCTFail("\(db): a row for an unknown tilbud was written")
            } catch {
                XCTAssertTrue(erReferencefejl(error), "\(db): \(String(reflecting: error))")
                // PostgreSQL's check names the table and the missing tilbud (SQLite's key names neither).
                if db == "PostgreSQL" {
                    XCTAssertTrue(String(reflecting: error).contains("tilbud \(ukendt.uuidString.lowercased()) findes ikke"),
                                  String(reflecting: error))
                    XCTAssertTrue(String(reflecting: error).contains("\"belaegninger\""), String(reflecting: error))
                }
            }
            let efterFejl = try await antal(sql, "belaegninger")
            XCTAssertEqual(efterFejl, 0, db)

            // The same path with known tilbud writes every row.
            let god = Masseindsaettelse("belaegninger", Self.kolonner)
            for k in 1...4 { god.tilfoej(belaegning(tilbud, kvartal: k)) }
            try await l.db.transaction { try await god.toem($0) }
            let skrevet = try await antal(sql, "belaegninger")
            XCTAssertEqual(skrevet, 4, db)

            // Moving a row to a tilbud that does not exist is refused; setting the column to the same
            // or to another existing tilbud is not.
            do {
                try await sql.raw("UPDATE belaegninger SET tilbud_id = \(bind: UUID()) WHERE kvartal = 1").run()
                XCTFail("\(db): a row was moved to an unknown tilbud")
            } catch {
                XCTAssertTrue(erReferencefejl(error), "\(db): \(String(reflecting: error))")
            }
            try await sql.raw("UPDATE belaegninger SET tilbud_id = \(bind: tilbud), art = 'dag' WHERE kvartal = 1").run()
            try await sql.raw("UPDATE belaegninger SET tilbud_id = \(bind: uden) WHERE kvartal = 2").run()
            try await sql.raw("UPDATE belaegninger SET tilbud_id = \(bind: tilbud) WHERE kvartal = 2").run()

            // A referenced tilbud cannot be deleted or get another id; one without rows can be deleted.
            for (hvad, sætning) in [("slettet", SQLQueryString("DELETE FROM tilbud WHERE id = \(bind: tilbud)")),
                                    ("givet et nyt id", SQLQueryString("UPDATE tilbud SET id = \(bind: UUID()) WHERE id = \(bind: tilbud)"))] {
                do {
                    try await sql.raw(sætning).run()
                    XCTFail("\(db): a referenced tilbud was \(hvad)")
                } catch {
                    XCTAssertTrue(erReferencefejl(error), "\(db): \(hvad): \(String(reflecting: error))")
                }
            }
            // SQLite has no TRUNCATE; PostgreSQL's fires no delete trigger, and CASCADE follows only foreign keys.
            if db == "PostgreSQL" {
                do {
                    try await sql.raw("TRUNCATE tilbud CASCADE").run()
                    XCTFail("\(db): tilbud emptied while rows refer to them")
                } catch {
                    XCTAssertTrue(erReferencefejl(error), "\(db): TRUNCATE: \(String(reflecting: error))")
                }
            }
            let tilbudFoer = try await antal(sql, "tilbud")
            XCTAssertEqual(tilbudFoer, 2, db)
            try await sql.raw("DELETE FROM tilbud WHERE id = \(bind: uden)").run()
            let tilbudEfter = try await antal(sql, "tilbud")
            XCTAssertEqual(tilbudEfter, 1, db)
            let beholdt = try await antal(sql, "belaegninger")
            XCTAssertEqual(beholdt, 4, db)
        }
    }

    /// PostgreSQL: rows written but not yet committed hold their tilbud (`FOR KEY SHARE`, as a
    /// foreign key would): another connection cannot delete it meanwhile — it waits, here until its
    /// lock timeout — and once the rows are committed the delete is refused as a reference.
    /// (SQLite has one writer at a time and keeps its foreign key: nothing of this to check there.)
    func testUkommitteredeRaekkerHolderDeresTilbud() async throws {
        try await Testdatabaser.forHver { db, f in
            guard db == "PostgreSQL" else { return }
            let l = f.lager
            let sql = try XCTUnwrap(l.db as? any SQLDatabase)
            try await l.opretOrganisation(Organisation(navn: "Jammerbugt Kommune", art: .kommune, kommunenummer: "849"), af: "test")
            let tilbud = try await l.opretTilbud(Tilbud(navn: "Toftehøj", driftsherre: "Jammerbugt Kommune"), af: "test")
            let andet = try await l.opretTilbud(Tilbud(navn: "Bakkehuset", driftsherre: "Jammerbugt Kommune"), af: "test")
            let raekker = (1...4).map { k in belaegning(k == 2 ? andet : tilbud, kvartal: k) }
            try await l.db.transaction { tx in
                let m = Masseindsaettelse("belaegninger", Self.kolonner)
                for r in raekker { m.tilfoej(r) }
                try await m.toem(tx)
                // Another connection (the pool's next one) meanwhile.
                for id in [tilbud, andet] {
                    do {
                        try await l.db.transaction { anden in
                            let a = try XCTUnwrap(anden as? any SQLDatabase)
                            try await a.raw("SET LOCAL lock_timeout = '300ms'").run()
                            try await a.raw("DELETE FROM tilbud WHERE id = \(bind: id)").run()
                        }
                        XCTFail("a tilbud was deleted under rows not yet committed")
                    } catch {
                        XCTAssertTrue(String(reflecting: error).contains("55P03"), "waited for the lock: \(String(reflecting: error))")
                    }
                }
            }
            do {
                try await sql.raw("DELETE FROM tilbud WHERE id = \(bind: tilbud)").run()
                XCTFail("a referenced tilbud was deleted")
            } catch {
                XCTAssertTrue(erReferencefejl(error), String(reflecting: error))
            }
            let tilbudTilbage = try await antal(sql, "tilbud")
            XCTAssertEqual(tilbudTilbage, 2)
        }
    }
}
