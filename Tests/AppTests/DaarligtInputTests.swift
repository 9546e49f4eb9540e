import Foundation
import XCTest

/// Issue "Import, eksport" 4 and "Must show": a table of malformed inputs, each refused with a
/// Danish message that names where, a non-zero exit, and a database that is byte-for-byte the
/// same afterwards (compared through the full JSON dump).
final class DaarligtInputTests: XCTestCase {
    let cli = Takstfilprogram()

    struct Tilfaelde {
        let navn: String
        let argumenter: (String) throws -> [String]
        let besked: String
        var miljoe: [String: String] = [:]
    }

    func fil(_ indhold: String, _ navn: String) throws -> String { try fil(Data(indhold.utf8), navn) }

    func fil(_ data: Data, _ navn: String) throws -> String {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(navn)").path
        try data.write(to: URL(fileURLWithPath: sti))
        return sti
    }

    func testTyveOgFlereDaarligeInputAfvisesUdenAtAendreNoget() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try cli.koer(["demo", "--db", db]).kode, 0)
        let regnskabshoved = "driftsherre;tilbud;aar;belaegning;regnskab_kr\n"
        let xlsx = { (navn: String) in Bundle.module.url(forResource: "Fixtures/regneark/\(navn)", withExtension: "xlsx")!.path }
        let gyldigXLSX = try Data(contentsOf: URL(fileURLWithPath: xlsx("gyldig_takstfil")))
        let r = { (indhold: String) throws -> [String] in ["import", "regnskab", try self.fil(indhold, "regnskab.csv")] }

        let tilfaelde: [Tilfaelde] = [
            // Windows-1252 (and so Latin-1's letters) is read; a byte 1252 does not define means another code page.
            .init(navn: "ukendt tegnsæt (0x81 findes ikke i Windows-1252)", argumenter: { _ in
                ["import", "regnskab", try self.fil(Data((regnskabshoved + "Viborg;B").utf8) + Data([0x81]) + Data("gely;2019;1;2\n".utf8), "ukendt.csv")] },
                  besked: "ukendt.csv: filen er hverken UTF-8, UTF-16 eller Windows-1252 (Excels 'CSV (semikolonsepareret)'): byte \(regnskabshoved.utf8.count + 9) er 0x81"),
            .init(navn: "manglende kolonne", argumenter: { _ in try r("driftsherre;tilbud;aar;belaegning\nViborg;Egely;2019;1\n") },
                  besked: "kolonne 'regnskab_kr': kolonnen mangler"),
            .init(navn: "ukendt ekstra kolonne", argumenter: { _ in try r("driftsherre;tilbud;aar;belaegning;regnskab_kr;farve\nViborg;Egely;2019;1;2;blå\n") },
                  besked: "kolonne 'farve': ukendt kolonne"),
            .init(navn: "flere felter end overskriften", argumenter: { _ in try r(regnskabshoved + "Viborg;Egely;2019;1;2;3\n") },
                  besked: "række 2: rækken har 6 felter, men overskriften har 5"),
            .init(navn: "tekst i talfelt", argumenter: { _ in try r(regnskabshoved + "Viborg;Egely;2019;ti;2\n") },
                  besked: "række 2, kolonne 'belaegning': 'ti' er ikke et tal"),
            .init(navn: "danske og engelske tal blandet", argumenter: { _ in try r(regnskabshoved + "Viborg;Egely;2019;1;1.234,50\nViborg;Lindely;2019;1;1,234.50\n") },
                  besked: "række 3, kolonne 'regnskab_kr': '1,234.50' skrevet med decimalpunktum, men række 2"),
            .init(navn: "tvetydigt tal", argumenter: { _ in try r(regnskabshoved + "Viborg;Egely;2019;1;618.526\n") },
                  besked: "'618.526' er tvetydigt"),
            .init(navn: "tomt påkrævet felt", argumenter: { _ in try r(regnskabshoved + "Viborg;;2019;1;2\n") },
                  besked: "række 2, kolonne 'tilbud': feltet er tomt"),
            .init(navn: "dublet af tilbud og år", argumenter: { _ in try r(regnskabshoved + "Viborg;Egely;2019;1;2\n\n;;;;\nViborg;egely;2019;3;4\n") },
                  besked: "række 5, kolonne 'tilbud': 'egely' 2019 står også i række 2"),
            .init(navn: "ulukket citationstegn", argumenter: { _ in try r(regnskabshoved + "\"Viborg;Egely;2019;1;2\n") },
                  besked: "citationstegn (\") er ikke lukket"),
            .init(navn: "tom fil", argumenter: { _ in try r("") }, besked: "filen er tom"),
            .init(navn: "negativ belægning", argumenter: { _ in try r(regnskabshoved + "Viborg;Egely;2019;-1;2\n") },
                  besked: "kolonne 'belaegning': belægningen må ikke være negativ"),
            .init(navn: "år uden for rækkevidde", argumenter: { _ in try r(regnskabshoved + "Viborg;Egely;19;1;2\n") },
                  besked: "kolonne 'aar': '19' skal være et helt tal fra 1990 til 2100"),
            .init(navn: "kvartal 5", argumenter: { _ in
                ["import", "belaegning", try self.fil("driftsherre;tilbud;aar;kvartal;normering;forbrug;art\nViborg;Egely;2019;5;1;1;døgn\n", "b.csv")] },
                  besked: "kolonne 'kvartal': '5' skal være et helt tal fra 1 til 4"),
            .init(navn: "ukendt belægningsart", argumenter: { _ in
                ["import", "belaegning", try self.fil("driftsherre;tilbud;aar;kvartal;normering;forbrug;art\nViborg;Egely;2019;1;1;1;weekend\n", "b.csv")] },
                  besked: "kolonne 'art': skal være dag, døgn, åben eller lukket"),
            .init(navn: "ukendt målgruppe", argumenter: { _ in
                ["import", "pladser", try self.fil("driftsherre;tilbud;aar;maalgruppe;type;pladser\nViborg;Egely;2019;rumrejsende;døgn;4\n", "p.csv")] },
                  besked: "ukendt målgruppe 'rumrejsende'"),
            .init(navn: "fil findes ikke", argumenter: { _ in ["import", "regnskab", "/findes/ikke.csv"] },
                  besked: "/findes/ikke.csv: filen findes ikke"),
            .init(navn: "formel i celle", argumenter: { _ in ["import", "takstfil", xlsx("formel")] },
                  besked: "ark 'Takster', række 3, kolonne 'I': cellen indeholder en formel"),
            .init(navn: "fejlcelle (#DIV/0!)", argumenter: { _ in ["import", "takstfil", xlsx("fejlcelle")] },
                  besked: "cellen indeholder en fejl (#DIV/0!)"),
            .init(navn: "tekst i talcelle", argumenter: { _ in ["import", "takstfil", xlsx("tekst_i_tal")] },
                  besked: "ark 'Takster', række 4, kolonne 'Pladser': 'mange' er ikke et tal"),
            .init(navn: "takst afviger fra beregningen", argumenter: { _ in ["import", "takstfil", xlsx("forkert_takst")] },
                  besked: "kolonne 'Takst': taksten i filen (891,90) svarer ikke til den beregnede (891,89)"),
            .init(navn: "belægningsprocent 0 i regneark", argumenter: { _ in ["import", "takstfil", xlsx("belaegning_nul")] },
                  besked: "kolonne 'Belægningsprocent': belægningsprocenten skal være over 0 og højst 100"),
            .init(navn: "ukendt ark", argumenter: { _ in ["import", "takstfil", xlsx("ukendt_ark")] }, besked: "ukendt ark 'Noter'"),
            .init(navn: "dublet i regnearkets regnskab", argumenter: { _ in ["import", "takstfil", xlsx("dublet")] },
                  besked: "ark 'Regnskab', række 4, kolonne 'Tilbud': 'Toftehøj' 2019 står også i række 2"),
            .init(navn: "afkortet xlsx", argumenter: { _ in ["import", "takstfil", try self.fil(gyldigXLSX.prefix(gyldigXLSX.count / 2), "afkortet.xlsx")] },
                  besked: "ikke et gyldigt .xlsx-regneark (afkortet eller beskadiget)"),
            .init(navn: "ikke et regneark", argumenter: { _ in ["import", "takstfil", try self.fil("driftsherre;tilbud\n", "tekst.xlsx")] },
                  besked: "filen er ikke et Excel-regneark (.xlsx)"),
            .init(navn: "zip-bombe", argumenter: { _ in ["import", "takstfil", xlsx("zipbombe")] },
                  besked: "regnearket fylder 40 MB udpakket; grænsen er 5,0 MB", miljoe: ["TAKSTFIL_MAKS_UDPAKKET_MB": "5"]),
            .init(navn: "fil på 100 MB", argumenter: { _ in
                let sti = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-stor.csv").path
                _ = FileManager.default.createFile(atPath: sti, contents: nil)
                let h = try FileHandle(forWritingTo: URL(fileURLWithPath: sti))
                try h.truncate(atOffset: 100 << 20) // sparse: 100 MB without writing them
                try h.close()
                return ["import", "regnskab", sti] }, besked: "filen fylder 100 MB; grænsen er 50 MB (TAKSTFIL_MAKS_FIL_MB)"),
            .init(navn: "ikke en dump", argumenter: { _ in ["import", "dump", try self.fil("{\"format\":\"noget andet\"}", "d.json")] },
                  besked: "filen er ikke en Takstfil-dump"),
            .init(navn: "ukendt kommune i nøglefil", argumenter: { _ in
                ["fordel", "--beloeb", "100", "--noegle", try self.fil("kommune;grundlag\nAalborg;1\nAtlantis;2\n", "n.csv")] },
                  besked: "række 3, kolonne 'kommune': 'Atlantis' er ikke en af landets 98 kommuner"),
        ]
        XCTAssertGreaterThanOrEqual(tilfaelde.count, 20)

        let foer = try cli.koer(["eksport", "--db", db]).ud
        XCTAssertGreaterThan(foer.count, 100_000)
        for t in tilfaelde {
            var args = try t.argumenter(db)
            if args.first != "fordel" { args += ["--db", db] }
            let k = try cli.koer(args, miljoe: t.miljoe)
            XCTAssertEqual(k.kode, 1, "\(t.navn): \(k.ud)")
            XCTAssertTrue(k.fejl.hasPrefix("Fejl: "), "\(t.navn): \(k.fejl)")
            XCTAssertTrue(k.fejl.contains(t.besked), "\(t.navn): forventede '\(t.besked)', fik: \(k.fejl)")
            XCTAssertFalse(k.fejl.contains("Fatal") || k.fejl.contains("Swift runtime"), "\(t.navn): \(k.fejl)")
        }
        let efter = try cli.koer(["eksport", "--db", db]).ud
        XCTAssertTrue(foer == efter, "databasen er ændret af afviste filer")
    }
}
