import FluentKit
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Lager
import XCTest

/// Runs the built `takstfil` executable as a user would.
struct Takstfilprogram {
    struct Koersel {
        let kode: Int32
        let ud: String
        let fejl: String
    }

    static var program: URL {
        if let sti = ProcessInfo.processInfo.environment["TAKSTFIL_BIN"] { return URL(fileURLWithPath: sti) }
        // The test bundle sits next to the executable in the build folder.
        let ved = Bundle.main.bundleURL.appendingPathComponent("takstfil")
        if FileManager.default.isExecutableFile(atPath: ved.path) { return ved }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/takstfil")
    }

    /// The program with these arguments, in this environment without a database setting of the
    /// developer's (each test names its own database), plus `miljoe`.
    static func proces(_ argumenter: [String], miljoe: [String: String] = [:]) -> Process {
        let p = Process()
        p.executableURL = program
        p.arguments = argumenter
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TAKSTFIL_DB")
        env.removeValue(forKey: "DATABASE_URL")
        env.merge(miljoe) { $1 }
        p.environment = env
        return p
    }

    @discardableResult
    func koer(_ argumenter: [String], miljoe: [String: String] = [:]) throws -> Koersel {
        let p = Self.proces(argumenter, miljoe: miljoe)
        let ud = Pipe(), fejl = Pipe()
        p.standardOutput = ud
        p.standardError = fejl
        try p.run()
        let udData = ud.fileHandleForReading.readDataToEndOfFile()
        let fejlData = fejl.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Koersel(kode: p.terminationStatus, ud: String(decoding: udData, as: UTF8.self),
                       fejl: String(decoding: fejlData, as: UTF8.self))
    }

    func midlertidigDB() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-cli-\(UUID().uuidString).sqlite").path
    }
}

/// The `takstfil` executable run as a user runs it: output, exit codes, and an untouched
/// database after refused input.
final class KommandolinjeTests: XCTestCase {
    let program = Takstfilprogram()
    typealias Koersel = Takstfilprogram.Koersel

    @discardableResult
    func koer(_ a: [String], miljoe: [String: String] = [:]) throws -> Koersel { try program.koer(a, miljoe: miljoe) }
    func midlertidigDB() -> String { program.midlertidigDB() }

    /// A reader that stops early (`takstfil tilbud list … | head`): the command ends quietly with a
    /// closed pipe's status 141. With SIGPIPE ignored, as it is once PostgreSQL's sockets are in
    /// use, it used to crash with Foundation's "Fatal error" and a backtrace on standard error.
    func testLukketRoerStopperStilleUdenNedbrud() throws {
        let db = midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try koer(["demo", "--db", db]).kode, 0)
        let argumenter = ["tilbud", "list", "--aar", "2026", "--format", "json", "--db", db]
        let hel = try koer(argumenter)
        XCTAssertEqual(hel.kode, 0, hel.fejl)
        // More than a pipe holds (64 KiB), so the writer meets the closed end.
        XCTAssertGreaterThan(hel.ud.utf8.count, 70_000)

        let p = Takstfilprogram.proces([])
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", Takstfilprogram.program.path] + argumenter
        let ud = Pipe(), fejl = Pipe()
        p.standardOutput = ud
        p.standardError = fejl
        try p.run()
        let start = ud.fileHandleForReading.readData(ofLength: 100)
        try ud.fileHandleForReading.close()
        let fejltekst = String(decoding: fejl.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(start, Data(hel.ud.utf8.prefix(start.count)))
        XCTAssertEqual(p.terminationReason, .exit)
        XCTAssertEqual(p.terminationStatus, 141, fejltekst)
        XCTAssertEqual(fejltekst, "")
    }

    func testBeregnDoegntakstToftehoej() throws {
        let forventet = [("2", "618526", "891.89", "693.5"), ("1", "373086", "1075.95", "346.75"),
                         ("11", "5157018", "1352.04", "3814.25"), ("17", "11496118", "1950.23", "5894.75")]
        for (pladser, omk, takst, doegn) in forventet {
            let k = try koer(["beregn", "doegntakst", "--omkostninger", omk, "--pladser", pladser,
                              "--belaegningsprocent", "95", "--format", "json"])
            XCTAssertEqual(k.kode, 0, k.fejl)
            XCTAssertTrue(k.ud.hasPrefix("{\"doegntakst\":\(takst),\"antal_doegn\":\(doegn),"), k.ud)
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [String: Any])
            XCTAssertTrue(k.ud.contains("\"beregning\":["))
        }
    }

    func testBeregnBasisYdelseOesterskoven() throws {
        let k = try koer(["beregn", "basis-ydelse", "--basisbudget", "12.489.292,58", "--pladser", "12",
                          "--belaegningsprocent", "85", "--timeloen", "390", "--timer", "8", "--format", "json"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.ud.hasPrefix("{\"basistakst\":3355,\"ydelsestimetakst\":459,\"ydelsestakst\":3671,\"takst_i_alt\":7026,"), k.ud)
        let csv = try koer(["beregn", "basis-ydelse", "--basisbudget", "12489292.58", "--pladser", "14",
                            "--belaegningsprocent", "73", "--timeloen", "390", "--format", "csv"])
        XCTAssertTrue(csv.ud.contains("ydelsestimetakst;534\r\n"), csv.ud)
        XCTAssertTrue(csv.ud.contains("ydelsestakst;4274\r\n"), csv.ud)
    }

    /// MH on Østerskoven (002:2862–2882): a given basistakst 3.187 with 6 ydelsestimer at 390 kr./time
    /// and 97 % is 3.187 + 2.412 = 5.599.
    func testBeregnBasisYdelseMedGivenBasistakst() throws {
        let k = try koer(["beregn", "basis-ydelse", "--basistakst", "3187", "--timeloen", "390", "--belaegningsprocent", "97",
                          "--timer", "6", "--format", "json"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.ud.hasPrefix("{\"basistakst\":3187,\"ydelsestimetakst\":402,\"ydelsestakst\":2412,\"takst_i_alt\":5599,"), k.ud)
        XCTAssertFalse(k.ud.contains("antal_doegn"), k.ud)
        let begge = try koer(["beregn", "basis-ydelse", "--basistakst", "3187", "--basisbudget", "1000", "--pladser", "2",
                              "--timeloen", "390", "--belaegningsprocent", "97"])
        XCTAssertEqual(begge.kode, 1)
        XCTAssertTrue(begge.fejl.contains("angiv enten --basistakst eller --basisbudget"), begge.fejl)
    }

    /// Several services of one tilbud, each with its own basis and ydelse at 402 kr./time (MH 2024,
    /// 002:2862–2867, fixture `mh_basis_ydelse_2024.csv`); a malformed service is refused by name.
    func testBeregnBasisYdelseForFlereYdelser() throws {
        let k = try koer(["beregn", "basis-ydelse", "--timeloen", "390", "--belaegningsprocent", "97", "--format", "json",
                          "--ydelse", "§107 helhedstilbud=3187:6", "--ydelse", "§107 med STU (§107-del)=2487:0",
                          "--ydelse", "§107 med STU (STU-del)=569:0"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        let r = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [[String: Any]], k.ud)
        XCTAssertEqual(r.map { $0["ydelse"] as? String }, ["§107 helhedstilbud", "§107 med STU (§107-del)", "§107 med STU (STU-del)"])
        XCTAssertEqual(r.map { $0["takst_i_alt"] as? Int }, [5599, 2487, 569])
        XCTAssertEqual(r.map { $0["ydelsestimetakst"] as? Int }, [402, 402, 402])
        XCTAssertEqual(r.first?["ydelsestakst"] as? Int, 2412)
        let daarlig = try koer(["beregn", "basis-ydelse", "--timeloen", "390", "--belaegningsprocent", "97", "--ydelse", "STU 569"])
        XCTAssertEqual(daarlig.kode, 1)
        XCTAssertTrue(daarlig.fejl.contains("ydelse[1]: skriv NAVN=BASISTAKST eller NAVN=BASISTAKST:TIMER (fik 'STU 569')"), daarlig.fejl)
        let tal = try koer(["beregn", "basis-ydelse", "--timeloen", "390", "--belaegningsprocent", "97", "--ydelse", "STU=fem"])
        XCTAssertEqual(tal.kode, 1)
        XCTAssertTrue(tal.fejl.contains("ydelse[1].basistakst"), tal.fejl)
    }

    /// An approved level cannot be saved as a draft again from the command line (it used to turn
    /// silently back into a draft): exit 1, a Danish message naming the status and the way on, and
    /// the database byte-identical in a full dump.
    func testGodkendtTakstKanIkkeIndberettesIgen() throws {
        let db = midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try koer(["demo", "--db", db]).kode, 0)
        let indberet = ["takst", "indberet", "--db", db, "--tilbud", "Toftehøj", "--aar", "2027", "--omkostninger", "500000",
                        "--pladser", "2", "--belaegningsprocent", "95"]
        XCTAssertEqual(try koer(indberet).kode, 0)
        for til in ["indsendt", "godkendt"] {
            var a = ["takst", "status", "--db", db, "--tilbud", "Toftehøj", "--aar", "2027", "--til", til]
            if til == "godkendt" { a += ["--organ", "FU", "--dato", "2026-11-20", "--punkt", "4"] }
            let k = try koer(a)
            XCTAssertEqual(k.kode, 0, k.fejl)
            if til == "indsendt" {
                let igen = try koer(indberet)
                XCTAssertEqual(igen.kode, 1, igen.ud)
                XCTAssertTrue(igen.fejl.contains("er indsendt og afventer sekretariatet"), igen.fejl)
            }
        }
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-dump-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: dump) }
        XCTAssertEqual(try koer(["eksport", "dump", "--db", db, "--ud", dump]).kode, 0)
        let foer = try Data(contentsOf: URL(fileURLWithPath: dump))
        let k = try koer(indberet)
        XCTAssertEqual(k.kode, 1, k.ud)
        XCTAssertTrue(k.fejl.contains("status: takstniveauet 'Takst 1' 2027 version 1 er godkendt og kan ikke ændres"), k.fejl)
        XCTAssertTrue(k.fejl.contains("sekretariatet kan afvise den"), k.fejl)
        XCTAssertEqual(try koer(["eksport", "dump", "--db", db, "--ud", dump]).kode, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dump)), foer, "databasen er ændret af en afvist indberetning")
    }

    /// `--som ROLLE [--organisation NAVN]`: the web's table decides, ownership included, with the same
    /// Danish refusal; without it the command line is the operator's tool.
    func testSomRolle() throws {
        let db = midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try koer(["demo", "--db", db]).kode, 0)
        let indberet = ["takst", "indberet", "--db", db, "--tilbud", "Toftehøj", "--aar", "2027", "--omkostninger", "500000",
                        "--pladser", "2", "--belaegningsprocent", "95"]
        let fremmed = try koer(indberet + ["--som", "driftsherre", "--organisation", "Aalborg Kommune"])
        XCTAssertEqual(fremmed.kode, 1)
        XCTAssertTrue(fremmed.fejl.contains("Aalborg Kommune ejer ikke 'Toftehøj'"), fremmed.fejl)
        let sekretariat = try koer(indberet + ["--som", "sekretariat"])
        XCTAssertEqual(sekretariat.kode, 1)
        XCTAssertTrue(sekretariat.fejl.contains("Din rolle (sekretariat) må ikke indberette takster."), sekretariat.fejl)
        let uden = try koer(indberet + ["--som", "driftsherre"])
        XCTAssertTrue(uden.fejl.contains("angiv --organisation"), uden.fejl)
        let egen = try koer(indberet + ["--som", "driftsherre", "--organisation", "Jammerbugt Kommune"])
        XCTAssertEqual(egen.kode, 0, egen.fejl)
        let godkend = try koer(["takst", "status", "--db", db, "--tilbud", "Toftehøj", "--aar", "2027", "--til", "godkendt",
                                "--som", "driftsherre", "--organisation", "Jammerbugt Kommune"])
        XCTAssertEqual(godkend.kode, 1)
        XCTAssertTrue(godkend.fejl.contains("Din rolle (driftsherre) må ikke godkende indberetninger."), godkend.fejl)
        let log = try koer(["haendelser", "--db", db, "--format", "csv"])
        XCTAssertTrue(log.ud.contains("som driftsherre (Jammerbugt Kommune)"), log.ud)
    }

    /// DOMAIN.md 7 through the command line: Toftehøj's Takst 1 was 891,89 kr. in 2021; a 2022 takst
    /// more than 5 % higher is saved, but not submitted without a begrundelse; with one it is.
    func testStorAendringKraeverBegrundelseVedIndsendelse() throws {
        let db = midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try koer(["demo", "--db", db]).kode, 0)
        let indberet = ["takst", "indberet", "--db", db, "--tilbud", "Toftehøj", "--aar", "2022", "--omkostninger", "700000",
                        "--pladser", "2", "--belaegningsprocent", "95"]
        let indsend = ["takst", "status", "--db", db, "--tilbud", "Toftehøj", "--aar", "2022", "--til", "indsendt"]
        XCTAssertEqual(try koer(indberet).kode, 0)
        let afvist = try koer(indsend)
        XCTAssertEqual(afvist.kode, 1)
        XCTAssertTrue(afvist.fejl.contains("begrundelse: taksten stiger 13,1 % fra sidste års 891,89 kr. — mere end 5 %"), afvist.fejl)
        // A region may set another threshold; 15 % lets this one through.
        XCTAssertEqual(try koer(["parameter", "takstaendring", "--db", db, "--aar", "2022", "--region", "Nordjylland", "--procent", "15"]).kode, 0)
        let medGraense = try koer(indsend)
        XCTAssertEqual(medGraense.kode, 0, medGraense.fejl)
    }

    func testRammeaftaleomfang() throws {
        let omfattet = try koer(["beregn", "rammeaftale", "--driftsherre", "Viborg Kommune", "--forbrug",
                                 "Viborg Kommune=18", "Skive Kommune=1,5", "Herning Kommune=0,5", "--format", "json"])
        XCTAssertEqual(omfattet.kode, 0, omfattet.fejl)
        XCTAssertTrue(omfattet.ud.hasPrefix("{\"omfattet\":true,\"andel_andre_kommuner_pct\":10,"), omfattet.ud)
        let graense = try koer(["beregn", "rammeaftale", "--driftsherre", "Viborg Kommune", "--forbrug",
                                "Viborg Kommune=19", "Skive Kommune=1", "--format", "json"])
        XCTAssertTrue(graense.ud.hasPrefix("{\"omfattet\":false,\"andel_andre_kommuner_pct\":5,"), graense.ud)
        let daarlig = try koer(["beregn", "rammeaftale", "--driftsherre", "Viborg Kommune", "--forbrug", "Skive Kommune"])
        XCTAssertEqual(daarlig.kode, 1)
        XCTAssertTrue(daarlig.fejl.contains("forbrug[1]: skriv KOMMUNE=PLADSER"), daarlig.fejl)
    }

    func testUgyldigeTalGiverDanskeBeskederOgFejlkode() throws {
        let tilfaelde: [([String], [String])] = [
            (["--omkostninger", "1000", "--pladser", "0", "--belaegningsprocent", "95"], ["pladser: antal pladser skal være større end 0"]),
            (["--omkostninger", "1000", "--pladser=-3", "--belaegningsprocent", "95"], ["pladser:"]),
            (["--omkostninger", "1000", "--pladser", "2", "--belaegningsprocent", "0"], ["belaegningsprocent: belægningsprocenten skal være over 0 og højst 100"]),
            (["--omkostninger", "1000", "--pladser", "2", "--belaegningsprocent", "100,5"], ["belaegningsprocent:", "100,5"]),
            (["--omkostninger", "mange", "--pladser", "2", "--belaegningsprocent", "95"], ["omkostninger: 'mange' er ikke et tal"]),
            (["--omkostninger", "618.526", "--pladser", "2", "--belaegningsprocent", "95"], ["omkostninger:", "tvetydigt"]),
        ]
        for (argumenter, beskeder) in tilfaelde {
            let k = try koer(["beregn", "doegntakst"] + argumenter)
            XCTAssertEqual(k.kode, 1, argumenter.joined(separator: " "))
            XCTAssertEqual(k.ud, "")
            for b in beskeder { XCTAssertTrue(k.fejl.contains(b), "\(argumenter): \(k.fejl)") }
        }
    }

    /// Refused writes name the field, exit non-zero, and leave the database as it was.
    func testUgyldigIndberetningAendrerIkkeDatabasen() async throws {
        let db = midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        let demo = try koer(["demo", "--db", db])
        XCTAssertEqual(demo.kode, 0, demo.fejl)
        XCTAssertTrue(demo.ud.contains("tilbud"), demo.ud)

        func optaelling() async throws -> [Int] {
            let f = try Lagerforbindelse(.sqlite(sti: db))
            let tal = [try await Haendelsesmodel.query(on: f.db).count(), try await Takstniveaumodel.query(on: f.db).count()]
            await f.luk()
            return tal
        }
        let foer = try await optaelling()
        let grund = ["takst", "indberet", "--db", db, "--aar", "2027", "--omkostninger", "500000"]
        let tilfaelde: [([String], String)] = [
            (["--tilbud", "Toftehøj", "--pladser", "0", "--belaegningsprocent", "95"], "pladser:"),
            (["--tilbud", "Toftehøj", "--pladser", "2", "--belaegningsprocent", "0"], "belaegningsprocent:"),
            (["--tilbud", "Toftehøj", "--pladser", "2", "--belaegningsprocent", "101"], "belaegningsprocent:"),
            (["--tilbud", "Toftehøj", "--pladser", "to", "--belaegningsprocent", "95"], "pladser: 'to' er ikke et tal"),
            (["--tilbud", "Findes Ikke", "--pladser", "2", "--belaegningsprocent", "95"], "tilbud: ukendt tilbud 'Findes Ikke'"),
            (["--tilbud", "Toftehøj", "--driftsherre", "Ukendt Kommune", "--pladser", "2", "--belaegningsprocent", "95"], "ukendt organisation"),
        ]
        for (argumenter, besked) in tilfaelde {
            let k = try koer(grund + argumenter)
            XCTAssertEqual(k.kode, 1, "\(argumenter): \(k.fejl)")
            XCTAssertTrue(k.fejl.hasPrefix("Fejl: "), k.fejl)
            XCTAssertTrue(k.fejl.contains(besked), "\(argumenter): \(k.fejl)")
        }
        let efter = try await optaelling()
        XCTAssertEqual(efter, foer, "databasen er ændret af afviste indberetninger")

        // The same command with valid input writes one level and its audit event.
        let ok = try koer(grund + ["--tilbud", "Toftehøj", "--pladser", "2", "--belaegningsprocent", "95", "--format", "json"])
        XCTAssertEqual(ok.kode, 0, ok.fejl)
        XCTAssertTrue(ok.ud.contains("\"takst\":721"), ok.ud) // 500.000 / 693,5 = 720,98
        let nu = try await optaelling()
        XCTAssertEqual(nu, [foer[0] + 1, foer[1] + 1])
    }

    func testTilbudListeSomDanskCSV() throws {
        let db = midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try koer(["demo"], miljoe: ["TAKSTFIL_DB": db]).kode, 0)
        let k = try koer(["tilbud", "list", "--aar", "2021", "--format", "csv"], miljoe: ["TAKSTFIL_DB": db])
        XCTAssertEqual(k.kode, 0, k.fejl)
        let linjer = k.ud.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(linjer.first, "tilbud;driftsherre;maalgruppe;type;takstniveau;aar;version;status;takst_kr;enhed;gyldig_fra;midlertidig;demo")
        XCTAssertEqual(linjer.count, 5)
        XCTAssertTrue(linjer.contains("Toftehøj;Jammerbugt Kommune;psykisk_handicap;doegn;Takst 1;2021;1;offentliggjort;891,89;doegn;2021-01-01;nej;nej"), k.ud)
    }

    /// `takstfil serve --demo` on an empty database serves /healthz and the public list.
    func testServeDemo() async throws {
        let db = midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        let port = 20000 + Int.random(in: 0..<20000)
        let p = Process()
        p.executableURL = Takstfilprogram.program
        p.arguments = ["serve", "--demo", "--port", "\(port)", "--db", db]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { p.terminate(); p.waitUntilExit() }
        var html = ""
        for _ in 0..<240 {
            if let (data, svar) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!),
               (svar as? HTTPURLResponse)?.statusCode == 200, String(decoding: data, as: UTF8.self).contains("ok") {
                let (side, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/")!)
                html = String(decoding: side, as: UTF8.self)
                break
            }
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        XCTAssertTrue(html.contains("tilbud med offentliggjorte takster"), "serve --demo svarede ikke: \(html.prefix(200))")
        XCTAssertTrue(html.contains("class=\"demo\""))
    }
}
