import Filformater
import FluentKit
import Foundation
@testable import Lager
import Takstregler
import XCTest

/// Found by `scripts/robusthed`'s soak: a command-line import into the SQLite file of a running
/// server failed with "database is locked" when the server wrote meanwhile — SQLite refuses a read
/// lock's upgrade at once. Two connections to one file stand in for the two processes.
final class SamtidigImportTests: XCTestCase {
    func testImportVedSidenAfEnAndenSkriverPaaSQLite() async throws {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("samtidig-\(UUID().uuidString).sqlite").path
        defer { for e in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sti + e) } }
        let importoer = try Lagerforbindelse(.sqlite(sti: sti))
        let server = try Lagerforbindelse(.sqlite(sti: sti))
        do {
            try await koer(importoer, server)
        } catch {
            await importoer.luk()
            await server.luk()
            throw error
        }
        await importoer.luk()
        await server.luk()
    }

    func koer(_ importoer: Lagerforbindelse, _ server: Lagerforbindelse) async throws {
        try await importoer.migrer()
        var csv = "driftsherre;tilbud;aar;belaegning;regnskab_kr;region\n"
        for i in 0..<400 { csv += "Aalborg Kommune;Tilbud \(i);2024;10;\(1_000_000 + i);Nordjylland\n" }
        let raekker = try Indberetningsformat.laesRegnskab(fil: "r.csv", tekst: csv)
        _ = try await importoer.lager.importerRegnskab(raekker, fil: "r.csv", region: "Nordjylland", af: "import")
        let serverLager = server.lager
        let skriver = Task {
            for i in 0..<60 {
                _ = try await serverLager.opretTilbud(Tilbud(navn: "Server \(i)", driftsherre: "Aalborg Kommune"), af: "server")
            }
        }
        for runde in 0..<4 {
            let r = try await importoer.lager.importerRegnskab(raekker, fil: "r.csv", region: "Nordjylland", af: "import \(runde)")
            XCTAssertEqual(r.raekker, 400)
        }
        try await skriver.value
        let tilbud = try await Tilbudsmodel.query(on: importoer.db).count()
        XCTAssertEqual(tilbud, 460, "hvert tilbud fra begge skrivere er gemt")
    }
}
