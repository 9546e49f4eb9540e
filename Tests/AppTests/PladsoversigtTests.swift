import Foundation
import XCTest

/// Issue "Kapacitet" 2: the pladsoversigt by beliggenhedskommune and ejerform reproduces table
/// pladser_sel66_nord_2023.csv (002:3940–3978) from per-tilbud rows built to match it.
final class PladsoversigtTests: XCTestCase {
    let cli = Takstfilprogram()

    func testSEL66EfterBeliggenhedOgEjerform() throws {
        let url = Bundle.module.url(forResource: "Fixtures/kapacitet/pladser_sel66_nord_2023", withExtension: "csv")!
        let linjer = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        let grupper = [("kommunal", 1, 2), ("privat", 3, 4), ("regional", 5, 6)]
        // One pladser row per tilbud: n tilbud sharing p places as evenly as whole places go.
        var csv = "driftsherre;tilbud;aar;maalgruppe;type;pladser;region;beliggenhedskommune;ejerform;paragraf\n"
        for r in linjer.dropFirst() where !r[0].hasPrefix("SUM") {
            for (ejerform, t, p) in grupper {
                guard let n = Int(r[t]), let pladser = Int(r[p]) else { continue }
                for i in 0..<n {
                    let driftsherre = ejerform == "kommunal" ? "\(r[0]) Kommune" : ejerform == "regional" ? "Region Nordjylland" : "Privat \(r[0]) \(i)"
                    csv += "\(driftsherre);§ 66 \(r[0]) \(ejerform) \(i);2023;boern_og_unge;døgn;\(pladser / n + (i < pladser % n ? 1 : 0));Nordjylland;\(r[0]);\(ejerform);66\n"
                }
            }
        }
        // Noise the filter must leave out, and one tilbud under both §§ that must count under 66.
        csv += "Aalborg Kommune;Bostedet § 107;2023;psykisk_handicap;døgn;12;Nordjylland;Aalborg;kommunal;107\n"
        csv += "Aalborg Kommune;Aflastning 66/107;2023;boern_og_unge;døgn;4;Nordjylland;Aalborg;kommunal;66, 107\n"
        let mappe = FileManager.default.temporaryDirectory.appendingPathComponent("pladsoversigt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mappe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: mappe) }
        let fil = mappe.appendingPathComponent("pladser.csv").path, db = mappe.appendingPathComponent("p.sqlite").path
        try csv.write(toFile: fil, atomically: true, encoding: .utf8)
        let imp = try cli.koer(["import", "pladser", fil, "--db", db])
        XCTAssertEqual(imp.kode, 0, imp.fejl)

        let k = try cli.koer(["rapport", "pladsoversigt", "--efter", "beliggenhedskommune,ejerform", "--paragraf", "66", "--aar", "2023",
                              "--format", "json", "--db", db])
        XCTAssertEqual(k.kode, 0, k.fejl)
        let raekker = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [[String: Any]], k.ud)
        func celle(_ kommune: String, _ ejerform: String) -> (Int, Int)? {
            raekker.first { $0["beliggenhedskommune"] as? String == kommune && $0["ejerform"] as? String == ejerform }
                .map { ($0["antal_tilbud"] as! Int, ($0["pladser"] as! NSNumber).intValue) }
        }
        var celler = 0
        for r in linjer.dropFirst() {
            let sum = r[0].hasPrefix("SUM")
            for (ejerform, t, p) in grupper {
                // The fixture's cell, plus the Aalborg tilbud under both § 66 and § 107 (1 tilbud, 4 places).
                let ekstra = (r[0] == "Aalborg" || sum) && ejerform == "kommunal" ? (1, 4) : (0, 0)
                let ventet = Int(r[t]).map { "\($0 + ekstra.0)/\(Int(r[p])! + ekstra.1)" }
                XCTAssertEqual(celle(sum ? "I alt" : r[0], ejerform).map { "\($0.0)/\($0.1)" }, ventet, "\(r[0]) \(ejerform)")
                celler += 1
            }
        }
        XCTAssertEqual(celler, 36, "12 rækker × 3 ejerformer")
        let iAlt = try XCTUnwrap(raekker.last)
        XCTAssertEqual(iAlt["beliggenhedskommune"] as? String, "I alt")
        XCTAssertEqual(iAlt["antal_tilbud"] as? Int, 9 + 54 + 5 + 1)
        XCTAssertEqual((iAlt["pladser"] as? NSNumber)?.intValue, 45 + 229 + 43 + 4)

        // By §: the tilbud under both §§ is an occurrence in each group but one tilbud in the total.
        let pr = try cli.koer(["rapport", "pladsoversigt", "--efter", "paragraf", "--aar", "2023", "--format", "json", "--db", db])
        let p = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(pr.ud.utf8)) as? [[String: Any]], pr.ud)
        XCTAssertEqual(p.map { "\($0["paragraf"]!):\($0["antal_tilbud"]!):\($0["pladser"]!)" }, ["66:69:321", "107:2:16", "I alt:70:333"])

        // A wrong field is refused in Danish, naming the allowed ones.
        let fejl = try cli.koer(["rapport", "pladsoversigt", "--efter", "kommune", "--db", db])
        XCTAssertEqual(fejl.kode, 1)
        XCTAssertTrue(fejl.fejl.contains("efter: ukendt felt 'kommune'; brug en eller flere af: driftsherre, maalgruppe"), fejl.fejl)
    }
}

/// Issue "Kapacitet" 1: målgruppe lists are data per region, a tilbud can have several, and the
/// pladsoversigt counts occurrences per målgruppe but each tilbud once in the total (002:4016–4056).
final class MaalgruppelisteTests: XCTestCase {
    let cli = Takstfilprogram()

    func testNordjyllandsEgenListeOgFlereSpecialerPrTilbud() throws {
        let mappe = FileManager.default.temporaryDirectory.appendingPathComponent("maalgrupper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mappe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: mappe) }
        let db = mappe.appendingPathComponent("m.sqlite").path
        let foerste = mappe.appendingPathComponent("foerste.csv").path
        try "driftsherre;tilbud;aar;maalgruppe;type;pladser;region\nAalborg Kommune;Start;2023;boern_og_unge;døgn;1;Nordjylland\n"
            .write(toFile: foerste, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.koer(["import", "pladser", foerste, "--db", db]).kode, 0)
        // Midtjylland's eight are there from the start; Nordjylland makes its own.
        let midt = try cli.koer(["maalgruppe", "liste", "--region", "Midtjylland", "--db", db, "--format", "csv"])
        XCTAssertEqual(midt.ud.split(whereSeparator: \.isNewline).count, 9, midt.ud)
        for (kode, tekst) in [("autisme", "Autisme"), ("udadreagerende", "Udadreagerende adfærd"), ("selvskade", "Selvskade")] {
            let k = try cli.koer(["maalgruppe", "opret", "--region", "Nordjylland", "--kode", kode, "--tekst", tekst, "--db", db])
            XCTAssertEqual(k.kode, 0, k.fejl)
        }
        let dublet = try cli.koer(["maalgruppe", "opret", "--region", "Nordjylland", "--kode", "autisme", "--tekst", "Autisme igen", "--db", db])
        XCTAssertEqual(dublet.kode, 1)
        XCTAssertTrue(dublet.fejl.contains("findes allerede"), dublet.fejl)
        let daarligKode = try cli.koer(["maalgruppe", "opret", "--region", "Nordjylland", "--kode", "Selv skade", "--tekst", "x", "--db", db])
        XCTAssertTrue(daarligKode.fejl.contains("er ikke en kode"), daarligKode.fejl)

        let hoved = "driftsherre;tilbud;aar;maalgruppe;type;pladser;region;specialer\n"
        let ukendt = mappe.appendingPathComponent("ukendt.csv").path
        try (hoved + "Aalborg Kommune;Bakkehuset;2023;boern_og_unge;døgn;8;Nordjylland;autisme, spiseforstyrrelse\n")
            .write(toFile: ukendt, atomically: true, encoding: .utf8)
        let afvist = try cli.koer(["import", "pladser", ukendt, "--db", db])
        XCTAssertEqual(afvist.kode, 1)
        XCTAssertTrue(afvist.fejl.contains("række 2, kolonne 'specialer': 'spiseforstyrrelse' er ikke på Nordjyllands målgruppeliste"), afvist.fejl)

        let fil = mappe.appendingPathComponent("pladser.csv").path
        try (hoved + """
            Aalborg Kommune;Bakkehuset;2023;boern_og_unge;døgn;8;Nordjylland;autisme, Udadreagerende adfærd
            Aalborg Kommune;Kastanjen;2023;boern_og_unge;døgn;6;Nordjylland;"autisme; selvskade"
            Hjørring Kommune;Lyngen;2023;boern_og_unge;dag;5;Nordjylland;udadreagerende

            """).write(toFile: fil, atomically: true, encoding: .utf8)
        let ok = try cli.koer(["import", "pladser", fil, "--db", db])
        XCTAssertEqual(ok.kode, 0, ok.fejl)
        let k = try cli.koer(["rapport", "pladsoversigt", "--efter", "maalgruppe", "--aar", "2023", "--region", "Nordjylland", "--format", "json", "--db", db])
        XCTAssertEqual(k.kode, 0, k.fejl)
        let raekker = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [[String: Any]], k.ud)
        func raekke(_ navn: String) -> (Int, Int)? {
            raekker.first { $0["maalgruppe"] as? String == navn }.map { (($0["antal_tilbud"] as? NSNumber)?.intValue ?? -1, ($0["pladser"] as? NSNumber)?.intValue ?? -1) }
        }
        XCTAssertEqual(raekke("Autisme")?.0, 2)
        XCTAssertEqual(raekke("Autisme")?.1, 14)
        XCTAssertEqual(raekke("Udadreagerende adfærd")?.0, 2)
        XCTAssertEqual(raekke("Selvskade")?.0, 1)
        // Each tilbud once in the total, whatever its number of målgrupper (Start has Midtjylland's category).
        XCTAssertEqual(raekke("I alt")?.0, 4, k.ud)
        XCTAssertEqual(raekke("I alt")?.1, 20, k.ud)
    }
}
