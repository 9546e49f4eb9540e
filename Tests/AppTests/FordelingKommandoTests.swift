import Foundation
import Takstregler
import XCTest

/// Issue "Socialtilsyn": the allocation engine, the socialtilsyn and the models through the CLI.
final class FordelingKommandoTests: XCTestCase {
    let cli = Takstfilprogram()

    func skriv(_ tekst: String, _ navn: String) throws -> String {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(navn)").path
        try tekst.write(toFile: sti, atomically: true, encoding: .utf8)
        return sti
    }

    /// Socialtilsyn Nord's objektiv finansiering 2024 (004:361–413): every row to the krone with
    /// `naiv`; with `stoerste-rest` the total is exactly 19.156.058 and no row moves more than 1 kr.
    func testObjektivFinansieringNord2024() throws {
        let url = Bundle.module.url(forResource: "Fixtures/socialtilsyn_nord_objektiv_finansiering_2023_2024", withExtension: "csv")!
        let linjer = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ";").map(String.init) }
        let kommuner = linjer.filter { $0[0] != "I alt" }
        let noegle = try skriv("kommune;grundlag\n" + kommuner.map { "\($0[0]);\($0[3])" }.joined(separator: "\n"), "noegle.csv")
        let publiceret = Dictionary(uniqueKeysWithValues: kommuner.map { ($0[0], Int($0[4])!) })

        for afrunding in ["naiv", "stoerste-rest"] {
            let k = try cli.koer(["fordel", "--beloeb", "19.156.058", "--noegle", noegle, "--afrunding", afrunding, "--format", "json"])
            XCTAssertEqual(k.kode, 0, k.fejl)
            let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [[String: Any]])
            XCTAssertEqual(rows.count, kommuner.count + 1)
            XCTAssertEqual(rows.last?["kommune"] as? String, "I alt")
            for r in rows.dropLast() {
                let navn = r["kommune"] as! String, beloeb = (r["beloeb_kr"] as! NSNumber).intValue
                if afrunding == "naiv" {
                    XCTAssertEqual(beloeb, publiceret[navn], navn)
                } else {
                    XCTAssertLessThanOrEqual(abs(beloeb - publiceret[navn]!), 1, navn)
                }
            }
            if afrunding == "stoerste-rest" {
                XCTAssertEqual((rows.last!["beloeb_kr"] as! NSNumber).intValue, 19_156_058)
                XCTAssertEqual(k.fejl, "")
            } else {
                XCTAssertTrue(k.fejl.contains("Bemærk: rækkerne summer til 19.156.057 kr."), k.fejl)
            }
        }
    }

    /// DOMAIN.md 6.13 for allocations: the key file carries the published amounts and total row;
    /// with `naiv` every one agrees, and a typo is listed as a difference, not hidden.
    func testTrykteBeloebAfstemmes() throws {
        let url = Bundle.module.url(forResource: "Fixtures/socialtilsyn_nord_objektiv_finansiering_2023_2024", withExtension: "csv")!
        let linjer = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ";").map(String.init) }
        let tekst = "kommune;grundlag;trykt\n" + linjer.map { "\($0[0]);\($0[3]);\($0[4])" }.joined(separator: "\n")
        let god = try skriv(tekst, "noegle-trykt.csv")
        let k = try cli.koer(["fordel", "--beloeb", "19.156.058", "--noegle", god, "--afrunding", "naiv", "--format", "json"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.fejl.contains("Afstemning: alle \(linjer.count + 1) trykte tal stemmer"), k.fejl)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [[String: Any]])
        XCTAssertTrue(rows.dropLast().allSatisfy { ($0["forskel_kr"] as? NSNumber)?.intValue == 0 }, "\(rows)")
        // Rows rounded one by one need not add up to the printed total: within the 1 kr. tolerance.
        XCTAssertLessThanOrEqual(abs((rows.last?["forskel_kr"] as? NSNumber)?.intValue ?? 99), 1)
        let aalborg = try XCTUnwrap(linjer.first { $0[0] == "Aalborg" })
        let fejl = try skriv(tekst.replacingOccurrences(of: "Aalborg;\(aalborg[3]);\(aalborg[4])", with: "Aalborg;\(aalborg[3]);\(Int(aalborg[4])! + 1000)"), "noegle-fejl.csv")
        let t = try cli.koer(["fordel", "--beloeb", "19.156.058", "--noegle", fejl, "--afrunding", "naiv"])
        XCTAssertEqual(t.kode, 0, t.fejl)
        XCTAssertTrue(t.fejl.contains("Afstemning: 1 af \(linjer.count + 1) trykte tal afviger: Aalborg +1.000."), t.fejl)
        XCTAssertTrue(t.ud.contains("Afstemning (forskelle ud over 1 kr.)"), t.ud)
        let daarlig = try skriv("kommune;grundlag;trykt\nAalborg;10;mange\n", "noegle-daarlig.csv")
        let d = try cli.koer(["fordel", "--beloeb", "100", "--noegle", daarlig])
        XCTAssertEqual(d.kode, 1)
        XCTAssertTrue(d.fejl.contains("række 2") && d.fejl.contains("trykt"), d.fejl)
    }

    func testUgyldigNoeglefilAfvises() throws {
        for (indhold, besked) in [
            ("kommune;grundlag\nAalborg;10\nNarnia;3\n", "række 3, kolonne 'kommune': 'Narnia' er ikke en af landets 98 kommuner"),
            ("kommune;grundlag\nAalborg;-10\n", "række 2, kolonne 'grundlag': grundlaget må ikke være negativt"),
            ("kommune;grundlag\nAalborg;0\n", "grundlaget er 0 i alt"),
        ] {
            let fil = try skriv(indhold, "n.csv")
            let k = try cli.koer(["fordel", "--beloeb", "1000", "--noegle", fil])
            XCTAssertEqual(k.kode, 1, indhold)
            XCTAssertEqual(k.ud, "")
            XCTAssertTrue(k.fejl.contains("\(fil), \(besked)") || k.fejl.contains(besked), k.fejl)
            XCTAssertTrue(k.fejl.contains(fil), k.fejl)
        }
    }

    /// Population figures imported from a DST-style file become a key, and the key splits.
    func testBefolkningTilNoegleTilFordeling() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        var csv = "OMRÅDE;ALDER;TID;INDHOLD\n"
        for (kommune, pr) in [("Aalborg", 100), ("Rebild", 30), ("Læsø", 1)] {
            for alder in 0...30 { csv += "\(kommune);\(alder) år;2023K2;\(pr)\n" }
        }
        let fil = try skriv(csv, "folk1a.csv")
        let imp = try cli.koer(["import", "befolkning", fil, "--db", db])
        XCTAssertEqual(imp.kode, 0, imp.fejl)
        XCTAssertTrue(imp.ud.contains("93 rækker (befolkning): 93 nye"), imp.ud)
        let noegle = try cli.koer(["befolkning", "noegle", "--alder", "0-17", "--kvartal", "2023K2", "--db", db, "--format", "csv"])
        XCTAssertEqual(noegle.ud, "kommune;grundlag\r\nAalborg;1800\r\nRebild;540\r\nLæsø;18\r\n")
        // DOMAIN.md 6.14: demand = population × rate per 1.000, with the scenarios −20/−10/+10/+20 %.
        let frem = try cli.koer(["befolkning", "fremskriv", "--alder", "18-30", "--kvartal", "2023K2", "--rate", "2,5", "--db", db, "--format", "csv"])
        XCTAssertEqual(frem.kode, 0, frem.fejl)
        XCTAssertEqual(frem.ud.split(whereSeparator: \.isNewline).first, "kommune;grundlag;behov;scenarie_-20_pct;scenarie_-10_pct;scenarie_+10_pct;scenarie_+20_pct")
        XCTAssertTrue(frem.ud.contains("Aalborg;1300;3,3;2,6;2,9;3,6;3,9"), frem.ud)
        XCTAssertTrue(frem.ud.contains("I alt;1703;4,3;3,4;3,8;4,7;5,1"), frem.ud)
        let negativ = try cli.koer(["befolkning", "fremskriv", "--alder", "18-30", "--kvartal", "2023K2", "--rate=-1", "--db", db])
        XCTAssertTrue(negativ.fejl.contains("rate: raten må ikke være negativ"), negativ.fejl)
        let forkert = try cli.koer(["befolkning", "fremskriv", "--alder", "30-18", "--kvartal", "2023K2", "--rate", "1", "--db", db])
        XCTAssertTrue(forkert.fejl.contains("alder: skriv aldersgruppen som fx 0-17"), forkert.fejl)
        let noeglefil = try skriv(noegle.ud, "noegle.csv")
        let f = try cli.koer(["fordel", "--beloeb", "1000000", "--noegle", noeglefil, "--format", "csv"])
        XCTAssertTrue(f.ud.hasSuffix("I alt;2358;1;1000000\r\n"), f.ud)
        let daarlig = try skriv("kommune;alder;kvartal;antal\nAalborg;fem;2023K2;3\n", "d.csv")
        let k = try cli.koer(["import", "befolkning", daarlig, "--db", db])
        XCTAssertEqual(k.kode, 1)
        XCTAssertTrue(k.fejl.contains("\(daarlig), række 2, kolonne 'alder': 'fem' er ikke en alder"), k.fejl)
    }

    /// The shipped example inputs run through `socialtilsyn beregn` and `model NAVN`.
    func testEksemplerneKoerer() throws {
        let eksempler = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("eksempler")
        let st = try cli.koer(["socialtilsyn", "beregn", "--input", eksempler.appendingPathComponent("socialtilsyn_nord_2024.json").path, "--format", "csv"])
        XCTAssertEqual(st.kode, 0, st.fejl)
        XCTAssertTrue(st.ud.contains("finansiering.objektivFinansiering;19156058\r\n"), st.ud)
        let refusion = try cli.koer(["model", "refusion-sel176", "--input", eksempler.appendingPathComponent("refusion_sel176_2021.json").path, "--format", "json"])
        XCTAssertEqual(refusion.kode, 0, refusion.fejl)
        for tal in ["248500", "547250", "903125", "1286375"] { XCTAssertTrue(refusion.ud.contains(tal), tal) }
        for m in Finansieringsmodel.allCases {
            let filer = try FileManager.default.contentsOfDirectory(atPath: eksempler.path)
            let prefiks = m.rawValue.replacingOccurrences(of: "-", with: "_")
            let fil = try XCTUnwrap(filer.first { $0.hasPrefix(prefiks) || $0.hasPrefix(prefiks.replacingOccurrences(of: "underskudsdeling", with: "underskud")) }, m.rawValue)
            let k = try cli.koer(["model", m.rawValue, "--input", eksempler.appendingPathComponent(fil).path])
            XCTAssertEqual(k.kode, 0, "\(m.rawValue): \(k.fejl)")
        }
        let ukendt = try cli.koer(["model", "narnia", "--input", eksempler.appendingPathComponent("kofoedsminde.json").path])
        XCTAssertEqual(ukendt.kode, 1)
        XCTAssertTrue(ukendt.fejl.contains("model:"), ukendt.fejl)
    }
}
