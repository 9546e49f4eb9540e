import Foundation
import XCTest

/// Issue "Takstens livscyklus" 3 and 4 through the command line, as a user runs it: Østerskoven's
/// four periods (fixture `oesterskoven_taksthistorik_2022_2024.csv`, 002:1755–1768) and MH's
/// provisional and final takst (002:2833–2842).
final class TakstperiodeKommandoTests: XCTestCase {
    let program = Takstfilprogram()

    @discardableResult
    func koer(_ a: [String]) throws -> Takstfilprogram.Koersel {
        let k = try program.koer(a)
        XCTAssertEqual(k.kode, 0, "\(a.joined(separator: " ")): \(k.fejl)")
        return k
    }

    func json(_ k: Takstfilprogram.Koersel) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [String: Any], k.ud)
    }

    /// The fixture's rows: period start, døgntakst, places, occupancy.
    func historik() throws -> [(fra: String, takst: Decimal, pladser: Decimal, pct: Decimal)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TakstreglerTests/Fixtures/oesterskoven_taksthistorik_2022_2024.csv")
        return try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { l in
            let f = l.split(separator: ";").map(String.init)
            return (f[0], Decimal(string: f[1])!, Decimal(string: f[2])!, Decimal(string: f[3])!)
        }
    }

    func testOesterskovensPerioderOgIndskrevne() throws {
        let db = program.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        try koer(["demo", "--db", db])
        let t = ["--db", db, "--tilbud", "Neurocenter Østerskoven", "--niveau", "EH"]
        let h = try historik()
        XCTAssertEqual(h.count, 4)
        for p in h {
            let aar = String(p.fra.prefix(4))
            // Costs that give exactly the published takst: takst × places × 365 × occupancy.
            let omk = p.takst * p.pladser * 365 * p.pct / 100
            var a = ["takst", "indberet"] + t + ["--aar", aar, "--omkostninger", "\(omk)", "--pladser", "\(p.pladser)",
                                                  "--belaegningsprocent", "\(p.pct)", "--gyldig-fra", p.fra, "--format", "json"]
            if aar == "2024" { a += ["--kun-nye-fra", "2024-01-01"] }
            let ind = try json(try koer(a))
            XCTAssertEqual(ind["takst"] as? Int, NSDecimalNumber(decimal: p.takst).intValue, p.fra)
            XCTAssertEqual(ind["gyldig_fra"] as? String, p.fra)
            try koer(["takst", "status"] + t + ["--aar", aar, "--gyldig-fra", p.fra, "--til", "indsendt", "--begrundelse", "Færre pladser"])
            try koer(["takst", "status"] + t + ["--aar", aar, "--gyldig-fra", p.fra, "--til", "godkendt"])
            try koer(["offentliggoer", "--db", db, "--aar", aar])
        }
        func vis(_ dato: String, _ indskrevet: String? = nil) throws -> [String: Any] {
            try json(try koer(["takst", "vis"] + t + ["--dato", dato, "--format", "json"] + (indskrevet.map { ["--indskrevet", $0] } ?? [])))
        }
        for (dato, takst, fra) in [("2022-03-01", 5077, "2022-01-01"), ("2022-08-01", 5561, "2022-07-01"),
                                   ("2023-06-01", 5887, "2023-01-01"), ("2024-06-01", 6534, "2024-01-01")] {
            let v = try vis(dato)
            XCTAssertEqual(v["takst"] as? Int, takst, dato)
            XCTAssertEqual(v["gyldig_fra"] as? String, fra, dato)
            XCTAssertEqual(v["midlertidig"] as? Bool, false, dato)
            XCTAssertNotNil(v["version"] as? Int, dato)
        }
        let gammel = try vis("2024-06-01", "2023-05-01")
        XCTAssertEqual(gammel["takst"] as? Int, 5887)
        XCTAssertEqual(gammel["gyldig_fra"] as? String, "2023-01-01")
        let u = try json(try koer(["takst", "udvikling"] + t + ["--fra", "2022-01-01", "--til", "2024-01-01", "--format", "json"]))
        XCTAssertEqual(u["udvikling_pct"] as? Double, 28.7)

        // Nothing applies before the first period, and a wrong date is refused naming the field.
        let foer = try program.koer(["takst", "vis"] + t + ["--dato", "2021-12-31"])
        XCTAssertEqual(foer.kode, 1)
        XCTAssertTrue(foer.fejl.contains("ingen offentliggjort takst 'EH', der gælder 2021-12-31"), foer.fejl)
        let daarlig = try program.koer(["takst", "vis"] + t + ["--dato", "1/3 2022"])
        XCTAssertEqual(daarlig.kode, 1)
        XCTAssertTrue(daarlig.fejl.contains("dato: skriv datoen som åååå-mm-dd (fik '1/3 2022')"), daarlig.fejl)
    }

    /// MH: provisional 5.299 approved by DAS on 3 November 2023, final 5.599 from 1 March 2024.
    func testMidlertidigOgEndeligTakst() throws {
        let db = program.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        try koer(["demo", "--db", db])
        let t = ["--db", db, "--tilbud", "Neurocenter Østerskoven", "--niveau", "MH", "--aar", "2024"]
        // One place at 100 %: costs of takst × 365.
        try koer(["takst", "indberet"] + t + ["--omkostninger", "\(5299 * 365)", "--pladser", "1", "--belaegningsprocent", "100"])
        try koer(["takst", "status"] + t + ["--til", "indsendt", "--begrundelse", "Ny målgruppe"])
        let godkendt = try koer(["takst", "status"] + t + ["--til", "godkendt", "--midlertidig", "--organ", "DAS", "--dato", "2023-11-03",
                                                          "--punkt", "5"])
        XCTAssertTrue(godkendt.ud.contains("Godkendt (midlertidig)"), godkendt.ud)
        try koer(["offentliggoer", "--db", db, "--aar", "2024"])
        try koer(["takst", "indberet"] + t + ["--omkostninger", "\(5599 * 365)", "--pladser", "1", "--belaegningsprocent", "100",
                                              "--gyldig-fra", "2024-03-01"])
        try koer(["takst", "status"] + t + ["--gyldig-fra", "2024-03-01", "--til", "indsendt", "--begrundelse", "Endelig takst"])
        try koer(["takst", "status"] + t + ["--gyldig-fra", "2024-03-01", "--til", "godkendt"])
        try koer(["offentliggoer", "--db", db, "--aar", "2024"])

        func liste(_ dato: String) throws -> String {
            try koer(["tilbud", "list", "--db", db, "--aar", "2024", "--offentlige", "--dato", dato, "--format", "csv"]).ud
                .split(separator: "\n").filter { $0.contains(";MH;") }.joined()
        }
        let feb = try liste("2024-02-01")
        XCTAssertTrue(feb.contains(";5299;") && feb.contains(";2024-01-01;ja;"), feb)
        let mar = try liste("2024-03-01")
        XCTAssertTrue(mar.contains(";5599;") && mar.contains(";2024-03-01;nej;"), mar)
        // Both versions are in the year's export, the provisional one marked.
        let ud = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: ud) }
        try koer(["eksport", "takstfil", "--db", db, "--aar", "2024", "--format", "csv", "--ud", ud])
        let eksport = try String(contentsOfFile: ud, encoding: .utf8).split(whereSeparator: \.isNewline).filter { $0.contains(";MH;") }
        XCTAssertEqual(eksport.count, 2, eksport.joined(separator: "\n"))
        XCTAssertTrue(eksport[0].contains("2024-01-01") && eksport[0].contains(";ja;"), String(eksport[0]))
        XCTAssertTrue(eksport[1].contains("2024-03-01"), String(eksport[1]))
    }
}
