import Foundation
import Lager
import Filformater
import Takstregler
import XCTest

/// Issue "Import, eksport": the takstfil workbook in and out, and a table of malformed inputs
/// that are each refused with a Danish message while the database stays byte-for-byte the same.
final class RegnearkTests: XCTestCase {
    let cli = Takstfilprogram()

    static func fixtur(_ navn: String) -> String {
        Bundle.module.url(forResource: "Fixtures/regneark/\(navn)", withExtension: "xlsx")!.path
    }

    func skriv(_ data: Data, _ navn: String) throws -> String {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(navn)").path
        try data.write(to: URL(fileURLWithPath: sti))
        return sti
    }

    /// A workbook written by openpyxl imports; every takst is computed (Toftehøj to the øre).
    func testGenereretProjektmappeIndlaeses() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        let k = try cli.koer(["import", "takstfil", Self.fixtur("gyldig_takstfil"), "--db", db])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.ud.contains("ark 'Takster': 3 rækker (takster): 3 nye"), k.ud)
        XCTAssertTrue(k.ud.contains("ark 'Regnskab': 2 rækker (regnskab): 2 nye"), k.ud)
        XCTAssertTrue(k.ud.contains("ark 'Belægning': 2 rækker (belaegning): 2 nye"), k.ud)
        let liste = try cli.koer(["tilbud", "list", "--aar", "2021", "--db", db, "--format", "csv"])
        XCTAssertTrue(liste.ud.contains("Toftehøj;Jammerbugt Kommune;psykisk_handicap;doegn;Takst 1;2021;1;kladde;891,89;doegn;2021-01-01;nej;nej"), liste.ud)
        // (1.800.000 + 300.000 − 50.000) × 1,061 / (12 × 250 × 0,925) = 783,80
        XCTAssertTrue(liste.ud.contains("Dagtilbuddet Egely;Viborg Kommune;psykisk_handicap;dag;Takst;2021;1;kladde;784;dag;2021-01-01;nej;nej"), liste.ud)
        let r = try cli.koer(["rapport", "over-underskud", "--fra", "2018", "--til", "2019", "--db", db, "--format", "csv"])
        XCTAssertTrue(r.ud.contains("I alt;0;220000"), r.ud)
        // The same file again changes nothing.
        XCTAssertTrue(try cli.koer(["import", "takstfil", Self.fixtur("gyldig_takstfil"), "--db", db]).ud.contains("3 rækker (takster): 0 nye, 0 ændrede, 3 uændrede"))
    }

    /// Export → import into an empty database → export again gives the same takster, regnskab and
    /// belægning (only status, version and revision start over); the bytes are deterministic.
    func testEksportGenindlaesesTilSammeData() throws {
        let a = cli.midlertidigDB(), b = cli.midlertidigDB()
        defer { for s in [a, b] { try? FileManager.default.removeItem(atPath: s) } }
        XCTAssertEqual(try cli.koer(["demo", "--db", a]).kode, 0)
        let gyldig = try cli.koer(["import", "takstfil", Self.fixtur("gyldig_takstfil"), "--db", a])
        XCTAssertEqual(gyldig.kode, 0, gyldig.fejl)
        // Toftehøj's published levels are the same as the file's: left as they are.
        XCTAssertTrue(gyldig.ud.contains("3 rækker (takster): 1 nye, 0 ændrede, 2 uændrede"), gyldig.ud)
        let aar = Calendar(identifier: .gregorian).component(.year, from: Date())
        for (aarstal, alle) in [(aar, false), (2021, true), (2024, false)] {
            let ud1 = cli.midlertidigDB() + ".xlsx", ud1b = cli.midlertidigDB() + ".xlsx", ud2 = cli.midlertidigDB() + ".xlsx"
            var args = ["eksport", "takstfil", "--aar", "\(aarstal)", "--db", a]
            if alle { args.append("--alle") }
            XCTAssertEqual(try cli.koer(args + ["--ud", ud1]).kode, 0)
            XCTAssertEqual(try cli.koer(args + ["--ud", ud1b]).kode, 0)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ud1)), try Data(contentsOf: URL(fileURLWithPath: ud1b)), "deterministisk")
            let ind = try cli.koer(["import", "takstfil", ud1, "--db", b])
            XCTAssertEqual(ind.kode, 0, ind.fejl)
            XCTAssertEqual(try cli.koer(["eksport", "takstfil", "--aar", "\(aarstal)", "--alle", "--db", b, "--ud", ud2]).kode, 0)
            let foer = try XLSXLaeser.laes(try Data(contentsOf: URL(fileURLWithPath: ud1)), fil: ud1)
            let efter = try XLSXLaeser.laes(try Data(contentsOf: URL(fileURLWithPath: ud2)), fil: ud2)
            XCTAssertEqual(foer.map(\.navn), ["Takster", "Regnskab", "Belægning"])
            XCTAssertGreaterThan(foer[0].raekker.count, aarstal == 2021 ? 4 : 1)
            // Status, the provisional mark, version and revision (the last four columns) belong to the database, not the data.
            XCTAssertEqual(Takstfilskabelon.kolonner.suffix(4).map(\.0), ["status", "midlertidig", "version", "revision"])
            let uden = { (a: Regnearksark) in a.raekker.map { Array($0.celler.prefix(Takstfilskabelon.kolonner.count - 4)) } }
            XCTAssertTrue(uden(foer[0]) == uden(efter[0]), "\(aarstal): takster afviger efter genindlæsning")
            XCTAssertEqual(foer[1], efter[1])
            XCTAssertEqual(foer[2], efter[2])
        }
        let li = cli.midlertidigDB() + ".xlsx"
        XCTAssertEqual(try cli.koer(["eksport", "ledelsesinformation", "--aar", "2019", "--db", a, "--ud", li]).kode, 0)
        let ark = try XLSXLaeser.laes(try Data(contentsOf: URL(fileURLWithPath: li)), fil: li)
        XCTAssertEqual(ark.map(\.navn), ["1 Takstudvikling", "2 Over-underskud", "3 Tillægsydelser", "4 Belægning", "5 Pladser"])
        XCTAssertEqual(ark[0].raekker[0].celler.first, "Driftsherre")
        XCTAssertEqual(ark[0].raekker.last?.celler.first, "I alt")
    }

    /// An edit made after the export wins over a re-import of the old file: conflict, nothing lost.
    func testGenindlaesningEfterAendringGiverKonflikt() throws {
        let db = cli.midlertidigDB(), ud = cli.midlertidigDB() + ".xlsx"
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try cli.koer(["import", "takstfil", Self.fixtur("gyldig_takstfil"), "--db", db]).kode, 0)
        XCTAssertEqual(try cli.koer(["eksport", "takstfil", "--aar", "2021", "--alle", "--db", db, "--ud", ud]).kode, 0)
        // Someone else edits Takst 1 after the export…
        let ret = try cli.koer(["takst", "indberet", "--tilbud", "Toftehøj", "--niveau", "Takst 1", "--aar", "2021",
                                "--omkostninger", "620000", "--pladser", "2", "--belaegningsprocent", "95", "--afrunding", "oere", "--db", db])
        XCTAssertEqual(ret.kode, 0, ret.fejl)
        // …and the exported file, edited to other figures, is imported: refused, naming the row.
        var ark = try XLSXLaeser.laes(try Data(contentsOf: URL(fileURLWithPath: ud)), fil: ud)
        let kol = Takstfilskabelon.kolonner.firstIndex { $0.0 == Omkostningskategori.oevrige.rawValue }!
        let takstKol = Takstfilskabelon.kolonner.firstIndex { $0.0 == "takst" }!
        let raekke = ark[0].raekker.firstIndex { $0.celler.contains("Takst 1") }!
        ark[0].raekker[raekke].celler[kol] = "630000"
        ark[0].raekker[raekke].celler[takstKol] = ""
        let redigeret = try skriv(try XLSXSkriver.skriv(ark.map { a in
            XLSXSkriver.Ark(navn: a.navn, overskrifter: a.raekker[0].celler, raekker: a.raekker.dropFirst().map { $0.celler.map { $0.isEmpty ? .tom : .tekst($0) } })
        }), "redigeret.xlsx")
        let k = try cli.koer(["import", "takstfil", redigeret, "--db", db])
        XCTAssertEqual(k.kode, 1)
        XCTAssertTrue(k.fejl.contains("række \(raekke + 1)"), k.fejl)
        XCTAssertTrue(k.fejl.contains("Konflikt: takstniveauet 'Takst 1' 2021 er ændret af cli:"), k.fejl)
        XCTAssertTrue(k.fejl.contains("gemt takst nu: 894,02 kr."), k.fejl)
        let liste = try cli.koer(["tilbud", "list", "--aar", "2021", "--db", db, "--format", "csv"])
        XCTAssertTrue(liste.ud.contains(";Takst 1;2021;1;kladde;894,02;"), liste.ud)
    }
}
