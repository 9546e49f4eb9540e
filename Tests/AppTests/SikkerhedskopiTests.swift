@testable import Demo
@testable import Kommandolinje
@testable import Web
import Filformater
import FluentKit
import Foundation
import Lager
import Takstregler
import Testhjaelp
import XCTest

/// Backup and move: demo data → JSON dump → empty database → dump again is identical, into
/// SQLite and into PostgreSQL.
final class SikkerhedskopiTests: XCTestCase {
    func testDumpRundturPaaBeggeDatabaser() async throws {
        let kilde = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-dump-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: kilde) }
        let f = try Lagerforbindelse(.sqlite(sti: kilde))
        try await f.migrer()
        try await Demodata.indlaesHvisTom(f.lager, af: "test", aar: 2026)
        try await f.lager.tilfoejKommentar(aar: 2019, tabel: "takstudvikling", driftsherre: "Viborg Kommune", tekst: "æøå \"citat\"", af: "test")
        try await f.lager.saetPLIndeks(aar: 2019, indeks: Decimal(string: "101.8")!, af: "test")
        let bruger = try await f.lager.opretBruger(email: "sekretariat@test.dk", rolle: .sekretariat, organisation: nil,
                                                   kodeordHash: "$2b$04$hash", af: "test")
        try await f.lager.opretAPINoegle(brugerID: bruger, navn: "system", noegleHash: "abc123", af: "test")
        let original = try await f.lager.eksporterDump()
        await f.luk()
        let tekst = String(decoding: original, as: UTF8.self)
        XCTAssertTrue(tekst.contains("\"format\" : \"takstfil-dump\""))
        XCTAssertTrue(tekst.contains("891.89"))

        try await Testdatabaser.forHver { db, f in
            let antal = try await f.lager.gendanDump(original, fil: "dump.json")
            XCTAssertGreaterThan(antal, 1000, db)
            let igen = try await f.lager.eksporterDump()
            XCTAssertEqual(igen.count, original.count, db)
            XCTAssertTrue(igen == original, "\(db): den anden eksport er ikke identisk")
            // The restored data works: the public list and the audit log are there.
            let toftehoej = try await f.lager.offentligTakstliste(aar: 2021).first { $0.tilbud.navn == "Toftehøj" }
            XCTAssertEqual(toftehoej?.niveauer.count, 4, db)
            // Accounts and API tokens come back (hashes only); sessions are not part of a dump.
            let konto = try await f.lager.brugerTilLogin(email: "sekretariat@test.dk")
            XCTAssertEqual(konto?.kodeordHash, "$2b$04$hash", db)
            let viaNoegle = try await f.lager.brugerForAPINoegle(hash: "abc123")
            XCTAssertEqual(viaNoegle?.email, "sekretariat@test.dk", db)
            // A second restore into a non-empty database is refused and changes nothing.
            do {
                try await f.lager.gendanDump(original, fil: "dump.json")
                XCTFail("\(db): gendannet oven i data")
            } catch let fejl as Importfejl {
                XCTAssertTrue(fejl.besked.contains("ikke tom"), db)
            }
            let efter = try await f.lager.eksporterDump()
            XCTAssertTrue(efter == original, db)
        }
    }

    func testDumpViaKommandolinjen() throws {
        let cli = Takstfilprogram()
        let a = cli.midlertidigDB(), b = cli.midlertidigDB()
        let fil = a + ".json"
        defer { for s in [a, b, fil] { try? FileManager.default.removeItem(atPath: s) } }
        XCTAssertEqual(try cli.koer(["demo", "--db", a]).kode, 0)
        let ud = try cli.koer(["eksport", "--format", "json", "--ud", fil, "--db", a])
        XCTAssertEqual(ud.kode, 0, ud.fejl)
        let ind = try cli.koer(["import", "dump", fil, "--db", b])
        XCTAssertEqual(ind.kode, 0, ind.fejl)
        let foerste = try cli.koer(["eksport", "--db", a]), anden = try cli.koer(["eksport", "--format", "json", "--db", b])
        XCTAssertEqual(foerste.ud, anden.ud)
        XCTAssertGreaterThan(foerste.ud.count, 100_000)
        let csv = try cli.koer(["eksport", "--format", "csv", "--db", a])
        XCTAssertEqual(csv.kode, 1)
        XCTAssertTrue(csv.fejl.contains("format: en fuld eksport er altid json"), csv.fejl)
        let daarlig = try cli.koer(["import", "dump", "/etc/hostname", "--db", b])
        XCTAssertEqual(daarlig.kode, 1)
        XCTAssertTrue(daarlig.fejl.contains("/etc/hostname: filen er ikke en Takstfil-dump"), daarlig.fejl)
    }
}
