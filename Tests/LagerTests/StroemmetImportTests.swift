import Filformater
import FluentKit
import Foundation
@testable import Lager
import Takstregler
import XCTest
import Testhjaelp

/// Streamed imports (issue 17 parts 4 and 5) on SQLite (multi-row INSERTs) and PostgreSQL (COPY):
/// all or nothing after several written batches, one audit event with the file's SHA-256, the
/// import's id on exactly the rows it created, before/after only for a changed row.
final class StroemmetImportTests: XCTestCase {
    let bruger = "test:sekretariat"
    let hoved = "driftsherre;tilbud;aar;kvartal;normering;forbrug;art;region\n"

    func skriv(_ tekst: String) throws -> String {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-b.csv").path
        try Data(tekst.utf8).write(to: URL(fileURLWithPath: sti))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: sti) }
        return sti
    }

    func belaegning(_ sti: String, batch: Int = 100) throws -> CSVIndlaesning<Indberetningsformat.Belaegningsraekke> {
        try CSVIndlaesning(sti: sti, fil: "b.csv", format: Indberetningsformat.belaegningsraekker, batch: batch, stykke: 4_096)
    }

    func antal(_ f: Lagerforbindelse) async throws -> [Int] {
        [try await Organisationsmodel.query(on: f.db).count(), try await Tilbudsmodel.query(on: f.db).count(),
         try await Belaegningsmodel.query(on: f.db).count(), try await Haendelsesmodel.query(on: f.db).count()]
    }

    /// 2.000 rows in batches of 100: a bad quarter in row 1.950 comes after 19 written batches;
    /// the import is refused naming file, row and column, and the database is as it was.
    func testFejlSentIStorFilEfterFlereBatcherAendrerIntet() async throws {
        var tekst = hoved
        for i in 0..<2_000 {
            tekst += "Viborg Kommune;Tilbud \(i / 8);\(2019 + i % 2);\(i == 1_948 ? 5 : 1 + i / 2 % 4);\(100 + i);\(90 + i);døgn;Midtjylland\n"
        }
        let sti = try skriv(tekst)
        try await Testdatabaser.forHver { db, f in
            let foer = try await antal(f)
            do {
                _ = try await f.lager.importerBelaegning(try belaegning(sti), region: nil, af: bruger)
                XCTFail("\(db): kvartal 5 blev ikke afvist")
            } catch let l as Importfejlliste {
                XCTAssertEqual(l.fejl.count, 1, "\(db): \(l)")
                XCTAssertEqual(l.fejl.first?.fil, "b.csv", db)
                XCTAssertEqual(l.fejl.first?.raekke, 1_950, db)
                XCTAssertEqual(l.fejl.first?.kolonne, "kvartal", db)
            }
            let efter = try await antal(f)
            XCTAssertEqual(efter, foer, db)
            // The same file without the bad row goes in whole.
            let rettet = try skriv(tekst.replacingOccurrences(of: "Tilbud 243;2019;5;", with: "Tilbud 243;2019;3;"))
            let r = try await f.lager.importerBelaegning(try belaegning(rettet), region: nil, af: bruger)
            XCTAssertEqual(r.oprettet, 2_000, db)
            let nu = try await antal(f)
            XCTAssertEqual(nu, [1, 250, 2_000, foer[3] + 1], "\(db): rows, and one audit event for the import")
        }
    }

    /// The import's one event names the file's SHA-256 (`sha256sum` of these bytes) and its id;
    /// `import_id` finds exactly the rows it created. A changed file's re-import records
    /// before/after for the changed row only, and its id is on that new version alone.
    func testSHA256ImportIDOgFoerEfterKunForAendretRaekke() async throws {
        let foerste = hoved + "Viborg Kommune;Egely;2019;1;10;9;døgn;Midtjylland\nViborg Kommune;Egely;2019;2;10;8;døgn;Midtjylland\nViborg Kommune;Lindely;2019;1;5;5;dag;Midtjylland\n"
        let sti = try skriv(foerste)
        let andenSti = try skriv(foerste.replacingOccurrences(of: "2019;2;10;8;", with: "2019;2;10;7;"))
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let eksisterende = try await l.opretOrganisation(Organisation(navn: "Aarhus Kommune", art: .kommune, region: "Midtjylland"), af: bruger)
            _ = eksisterende
            let r = try await l.importerBelaegning(try belaegning(sti, batch: 2), region: nil, af: bruger)
            XCTAssertEqual(r.oprettet, 3, db)
            XCTAssertEqual(r.sha256, "269ad0788ef4d58814915b9433a84f1fc5a4a597d984245298bab3b0356eee0d", db)
            let id = try XCTUnwrap(r.importID, db)
            let haendelser = try await l.haendelser(Haendelsesfilter(handling: "import", graense: 10)).haendelser
            XCTAssertEqual(haendelser.count, 1, db)
            let h = try XCTUnwrap(haendelser.first, db)
            XCTAssertEqual(h.entitet, "belaegning", db)
            XCTAssertEqual(h.entitetID, id.uuidString, db)
            XCTAssertEqual(h.bruger, bruger, db)
            XCTAssertTrue(h.efter?.contains("\"sha256\":\"\(r.sha256!)\"") == true, "\(db): \(h.efter ?? "")")
            let skabt = try await l.importeredeRaekker(importID: id)
            XCTAssertEqual(skabt, ["organisationer": 1, "tilbud": 2, "takstniveauer": 0, "regnskaber": 0, "belaegninger": 3, "pladser": 0], db)
            let organisationer = try await Organisationsmodel.query(on: f.db).count()
            XCTAssertEqual(organisationer, 2, "\(db): Aarhus was not created by the import")

            let igen = try await l.importerBelaegning(try belaegning(andenSti, batch: 2), region: nil, af: "test:anden")
            XCTAssertEqual([igen.oprettet, igen.aendret, igen.uaendret], [0, 1, 2], db)
            XCTAssertNotEqual(igen.sha256, r.sha256, db)
            let ret = try await l.haendelser(Haendelsesfilter(entitet: "belaegning", handling: "ret", graense: 10)).haendelser
            XCTAssertEqual(ret.count, 1, db)
            XCTAssertTrue(ret.first?.foer?.contains("\"forbrug\":8") == true, "\(db): \(ret.first?.foer ?? "")")
            XCTAssertTrue(ret.first?.efter?.contains("\"forbrug\":7") == true, "\(db): \(ret.first?.efter ?? "")")
            XCTAssertEqual(ret.first?.bruger, "test:anden", db)
            let andenSkabt = try await l.importeredeRaekker(importID: try XCTUnwrap(igen.importID))
            XCTAssertEqual(andenSkabt["belaegninger"], 1, db)
            XCTAssertEqual(andenSkabt["tilbud"], 0, db)
            let ny = try await Belaegningsmodel.query(on: f.db).filter(\.$importID == igen.importID).all()
            XCTAssertEqual(ny.map(\.version), [2], db)
            XCTAssertEqual(ny.first?.forbrug, "7", db)
            let importer = try await l.haendelser(Haendelsesfilter(handling: "import", graense: 10)).antal
            XCTAssertEqual(importer, 2, db)
        }
    }

    /// Batches overlap (the next one's row loop runs while the previous one is written): a tilbud
    /// created by the last row of one batch is found by the next batch, which describes it (where
    /// it lies, its ejerform), and a new driftsherre in the next batch is created beside it.
    /// Nothing reads the connection while a batch is being written.
    func testNaesteBatchFinderTilbudFraForrigeBatch() async throws {
        let tekst = "driftsherre;tilbud;aar;maalgruppe;type;pladser;region;beliggenhedskommune;ejerform\n"
            + "Viborg Kommune;Egely;2019;psykisk_handicap;doegn;10;Midtjylland;;\n"
            + "Viborg Kommune;Lindely;2019;psykisk_handicap;doegn;5;Midtjylland;;\n"
            + "Viborg Kommune;Lindely;2020;psykisk_handicap;doegn;6;Midtjylland;Skive Kommune;kommunal\n"
            + "Skive Kommune;Bakkely;2020;psykisk_handicap;dag;4;Midtjylland;Skive Kommune;\n"
            + "Viborg Kommune;Egely;2020;psykisk_handicap;doegn;11;Midtjylland;Viborg Kommune;\n"
        let sti = try skriv(tekst)
        try await Testdatabaser.forHver { db, f in
            let kilde = try CSVIndlaesning(sti: sti, fil: "p.csv", format: Indberetningsformat.pladsraekker, batch: 2, stykke: 64)
            let r = try await f.lager.importerPladser(kilde, region: nil, af: bruger)
            XCTAssertEqual([r.raekker, r.oprettet], [5, 5], db)
            XCTAssertEqual(r.nyeTilbud, ["Egely (Viborg Kommune)", "Lindely (Viborg Kommune)", "Bakkely (Skive Kommune)"], db)
            XCTAssertEqual(r.nyeDriftsherrer, ["Viborg Kommune", "Skive Kommune"], db)
            var beliggenhed: [String: String] = [:]
            for t in try await Tilbudsmodel.query(on: f.db).all() { beliggenhed[t.navn] = t.beliggenhedskommune ?? "-" }
            XCTAssertEqual(beliggenhed, ["Egely": "Viborg Kommune", "Lindely": "Skive Kommune", "Bakkely": "Skive Kommune"], db)
            let ret = try await f.lager.haendelser(Haendelsesfilter(entitet: "tilbud", handling: "ret", graense: 10)).haendelser
            XCTAssertEqual(ret.count, 3, "\(db): one before/after per described tilbud")
            let pladser = try await Pladsmodel.query(on: f.db).count()
            XCTAssertEqual(pladser, 5, db)
        }
    }

    /// A new driftsherre is queued with its batch like a new tilbud (parents first), not written
    /// at once beside the batch in flight: each is saved once, with its art, region and the
    /// import's id, its tilbud point to it, and a dry run leaves none behind.
    func testNyeDriftsherrerSkrivesMedDerisBatchFoerDeresTilbud() async throws {
        let tekst = hoved
            + "Viborg Kommune;Egely;2024;1;10;9;døgn;Midtjylland\n"
            + "Viborg Kommune;Egely;2024;2;10;9;døgn;Midtjylland\n"
            + "Region Midtjylland;Kokkedal;2024;1;8;8;døgn;Midtjylland\n"
            + "Skive Kommune;Bakkely;2024;1;4;4;døgn;Midtjylland\n"
            + "Skive Kommune;Bakkely;2024;2;4;3;døgn;Midtjylland\n"
        let sti = try skriv(tekst)
        try await Testdatabaser.forHver { db, f in
            let proeve = try await f.lager.importerBelaegning(try belaegning(sti, batch: 2), region: nil, proeve: true, af: bruger)
            XCTAssertEqual(proeve.nyeDriftsherrer, ["Viborg Kommune", "Region Midtjylland", "Skive Kommune"], db)
            let tomt = try await antal(f)
            XCTAssertEqual(tomt, [0, 0, 0, 0], "\(db): a dry run writes nothing")

            let r = try await f.lager.importerBelaegning(try belaegning(sti, batch: 2), region: nil, af: bruger)
            XCTAssertEqual([r.raekker, r.oprettet], [5, 5], db)
            XCTAssertEqual(r.nyeDriftsherrer, ["Viborg Kommune", "Region Midtjylland", "Skive Kommune"], db)
            var art: [String: String] = [:]
            var ider: [String: UUID] = [:]
            for o in try await Organisationsmodel.query(on: f.db).all() {
                art[o.navn] = "\(o.art) \(o.region ?? "-") \(o.importID == r.importID ? "importen" : "andet")"
                ider[o.navn] = try o.requireID()
            }
            XCTAssertEqual(art, ["Viborg Kommune": "kommune Midtjylland importen", "Region Midtjylland": "region Midtjylland importen",
                                 "Skive Kommune": "kommune Midtjylland importen"], db)
            var driftsherre: [String: UUID] = [:]
            for t in try await Tilbudsmodel.query(on: f.db).all() { driftsherre[t.navn] = t.$driftsherre.id }
            XCTAssertEqual(driftsherre, ["Egely": ider["Viborg Kommune"], "Kokkedal": ider["Region Midtjylland"],
                                         "Bakkely": ider["Skive Kommune"]], db)
            // Found by name by the next import, not created twice.
            let igen = try await f.lager.importerBelaegning(try belaegning(sti, batch: 2), region: nil, af: bruger)
            XCTAssertEqual(igen.nyeDriftsherrer, [], db)
            let organisationer = try await Organisationsmodel.query(on: f.db).count()
            XCTAssertEqual(organisationer, 3, db)
        }
    }
}
