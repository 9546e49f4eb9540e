@testable import Demo
@testable import Kommandolinje
@testable import Web
import FluentKit
import Foundation
import Lager
import Takstregler
import XCTest

/// `takstfil bruger opret|list|api-noegle` as a user runs it: the password from stdin, Danish
/// refusals, the audit of the new account; and the web demo's accounts as the README lists them.
final class BrugerKommandoTests: XCTestCase {
    let program = Takstfilprogram()

    /// Runs the program with `stdin` as its standard input.
    func koer(_ argumenter: [String], stdin: String) throws -> Takstfilprogram.Koersel {
        let p = Takstfilprogram.proces(argumenter)
        let ind = Pipe(), ud = Pipe(), fejl = Pipe()
        p.standardInput = ind
        p.standardOutput = ud
        p.standardError = fejl
        try p.run()
        ind.fileHandleForWriting.write(Data(stdin.utf8))
        try ind.fileHandleForWriting.close()
        let u = ud.fileHandleForReading.readDataToEndOfFile(), f = fejl.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return .init(kode: p.terminationStatus, ud: String(decoding: u, as: UTF8.self), fejl: String(decoding: f, as: UTF8.self))
    }

    func testBrugerOpretFraStdinOgRevideres() async throws {
        let db = program.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try program.koer(["migrate", "--db", db]).kode, 0)
        let f = try Lagerforbindelse(.sqlite(sti: db))
        try await f.lager.opretOrganisation(Organisation(navn: "Jammerbugt Kommune", art: .kommune, region: "Nordjylland"), af: "test")
        await f.luk()

        let ok = try koer(["bruger", "opret", "--email", "Oekonom@Jammerbugt.dk", "--rolle", "driftsherre", "--organisation", "Jammerbugt Kommune",
                           "--db", db], stdin: "et-langt-kodeord\n")
        XCTAssertEqual(ok.kode, 0, ok.fejl)
        XCTAssertEqual(ok.ud, "Bruger oprettet: oekonom@jammerbugt.dk (driftsherre, Jammerbugt Kommune).\n")

        let mangler = try koer(["bruger", "opret", "--email", "x@y.dk", "--rolle", "driftsherre", "--db", db], stdin: "et-langt-kodeord\n")
        XCTAssertEqual(mangler.kode, 1)
        XCTAssertEqual(mangler.fejl, "Fejl: organisation: en driftsherre-konto skal høre til en organisation (--organisation NAVN)\n")
        let kort = try koer(["bruger", "opret", "--email", "x@y.dk", "--rolle", "sekretariat", "--db", db], stdin: "kort\n")
        XCTAssertEqual(kort.fejl, "Fejl: kodeord: kodeordet skal have mindst 10 tegn\n")
        let rolle = try koer(["bruger", "opret", "--email", "x@y.dk", "--rolle", "konge", "--db", db], stdin: "et-langt-kodeord\n")
        XCTAssertEqual(rolle.fejl, "Fejl: rolle: ukendt rolle 'konge' (brug admin, sekretariat, driftsherre eller socialtilsyn)\n")
        let org = try koer(["bruger", "opret", "--email", "x@y.dk", "--rolle", "driftsherre", "--organisation", "Ukendt Kommune", "--db", db],
                           stdin: "et-langt-kodeord\n")
        XCTAssertEqual(org.fejl, "Fejl: driftsherre: ukendt organisation 'Ukendt Kommune'\n")
        let dublet = try koer(["bruger", "opret", "--email", "oekonom@jammerbugt.dk", "--rolle", "sekretariat", "--db", db], stdin: "et-langt-kodeord\n")
        XCTAssertEqual(dublet.fejl, "Fejl: Brugeren 'oekonom@jammerbugt.dk' findes allerede\n")
        let tom = try koer(["bruger", "opret", "--email", "z@y.dk", "--rolle", "admin", "--db", db], stdin: "")
        XCTAssertEqual(tom.kode, 1)
        XCTAssertTrue(tom.fejl.hasPrefix("Fejl: kodeord: intet kodeord på stdin"), tom.fejl)

        let liste = try program.koer(["bruger", "list", "--format", "csv", "--db", db])
        XCTAssertEqual(liste.ud, "email;rolle;organisation;aktiv\r\noekonom@jammerbugt.dk;driftsherre;Jammerbugt Kommune;ja\r\n")
        let noegle = try program.koer(["bruger", "api-noegle", "--email", "oekonom@jammerbugt.dk", "--navn", "Økonomisystem", "--db", db])
        XCTAssertEqual(noegle.kode, 0, noegle.fejl)
        XCTAssertTrue(noegle.ud.hasPrefix("tf_"))

        let g = try Lagerforbindelse(.sqlite(sti: db))
        let konto = try await g.lager.brugerTilLogin(email: "oekonom@jammerbugt.dk")
        XCTAssertTrue(konto?.kodeordHash.hasPrefix("$2b$12$") ?? false, "bcrypt med omkostning 12")
        let viaNoegle = try await g.lager.brugerForAPINoegle(hash: Kodeord.sha256(noegle.ud.trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(viaNoegle?.email, "oekonom@jammerbugt.dk")
        let h = try await g.lager.haendelser(Haendelsesfilter(entitet: "bruger")).haendelser
        await g.luk()
        XCTAssertEqual(h.count, 1, "kun den gyldige bruger er oprettet og revideret")
        XCTAssertEqual(h.first?.handling, "opret")
        XCTAssertTrue(h.first?.bruger.hasPrefix("cli:") ?? false)
        XCTAssertEqual(h.first?.efter, #"{"aktiv":true,"email":"oekonom@jammerbugt.dk","organisation":"Jammerbugt Kommune","rolle":"driftsherre"}"#)
    }

    /// The README's demo accounts are the ones `serve --demo` creates, and they sign in.
    func testDemokontiStaarIREADMEOgVirker() async throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        for k in Webdemo.konti {
            XCTAssertTrue(readme.contains("`\(k.email)`"), k.email)
            XCTAssertTrue(readme.contains("`\(k.kodeord)`"), k.kodeord)
        }
        XCTAssertTrue(readme.contains("Jammerbugt Kommune"))
        // Demo accounts only ever go into a demo database, never next to real data.
        let m = try await Webtestmiljoe()
        let ingen = try await Webdemo.indlaes(m.lager, af: "test", aar: Testur.aar, kodeordshash: { try Kodeord.hash($0, omkostning: 4) })
        let brugere = try await m.lager.antalBrugere()
        try await m.luk()
        XCTAssertEqual(ingen, [])
        XCTAssertEqual(brugere, Webtestmiljoe.roller.count)
    }
}
