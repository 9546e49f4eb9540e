import Filformater
import XCTest
@testable import Takstregler

final class BefolkningTests: XCTestCase {
    func testCSVMedSemikolonKommaCitaterOgDSTformer() throws {
        let semikolon = "\u{FEFF}kommune;alder;kvartal;antal\r\nAalborg;0;2023K2;2.301\r\n\"Læsø\";17 år;2023k2;12\r\n\r\nAalborg;Alder i alt;2023K2;221.082\n"
        let a = try Befolkning.fortolkCSV(semikolon)
        XCTAssertEqual(a, [
            Befolkningsraekke(kommune: "Aalborg", alder: 0, kvartal: "2023K2", antal: 2301),
            Befolkningsraekke(kommune: "Læsø", alder: 17, kvartal: "2023K2", antal: 12),
            Befolkningsraekke(kommune: "Aalborg", alder: nil, kvartal: "2023K2", antal: 221_082),
        ])
        // Comma separated, columns in DST's order and with DST's headings.
        let komma = "OMRÅDE,ALDER,TID,INDHOLD\n\"Frederikshavn\",100 år og derover,2022K2,31\n"
        XCTAssertEqual(try Befolkning.fortolkCSV(komma), [Befolkningsraekke(kommune: "Frederikshavn", alder: 100, kvartal: "2022K2", antal: 31)])
    }

    func testCSVFejlNavngiverCellenSomIEtRegneark() {
        let tekst = """
        kommune;kvartal;alder;antal
        Aalborg;2023K2;5;2300
        ;2023K2;5;17
        Rebild;2023-2;fem;1,5
        Morsø;2023K2;3;-4
        """
        let fejl = importfejl { _ = try Befolkning.fortolkCSV(tekst, fil: "folk1a.csv") }
        XCTAssertEqual(fejl.map(\.description), [
            "folk1a.csv, række 3, kolonne 'kommune': kommunenavnet er tomt",
            "folk1a.csv, række 4, kolonne 'alder': 'fem' er ikke en alder — skriv et helt antal år (fx 17 eller '17 år') eller 'i alt'",
            "folk1a.csv, række 4, kolonne 'kvartal': '2023-2' er ikke et kvartal — skriv fx 2022K2",
            "folk1a.csv, række 4, kolonne 'antal': '1,5' er ikke et helt antal personer",
            "folk1a.csv, række 5, kolonne 'antal': antallet må ikke være negativt (fik -4)",
        ])
        let uden = importfejl { _ = try Befolkning.fortolkCSV("kommune;alder;antal\nAalborg;3;10") }
        XCTAssertEqual(uden.map(\.description), ["befolkning.csv, række 1, kolonne 'kvartal': kolonnen mangler (påkrævet i en befolknings-fil)"])
        XCTAssertEqual(importfejl { _ = try Befolkning.fortolkCSV("") }.map(\.besked), ["filen er tom"])
        XCTAssertEqual(importfejl { _ = try Befolkning.fortolkCSV("kommune;alder;kvartal;antal\n") }.map(\.besked),
                       ["filen har ingen datarækker under overskrifterne"])
        // A short row names the missing cell.
        XCTAssertEqual(importfejl { _ = try Befolkning.fortolkCSV("kommune;alder;kvartal;antal\nAalborg;3;2023K2") }.map(\.description),
                       ["befolkning.csv, række 2, kolonne 'antal': antallet er tomt"])
    }

    func testKvartalForObjektivFinansiering() {
        // 2nd quarter of the year before the budget year (004:349–357).
        XCTAssertEqual(Befolkning.kvartalForObjektivFinansiering(budgetaar: 2024), "2023K2")
        XCTAssertEqual(Befolkning.kvartalForObjektivFinansiering(budgetaar: 2023), "2022K2")
    }

    /// A DST-like extract per single age for the whole of Nordjylland plus Silkeborg, built so the
    /// 0–17 sums are Nord's published counts: deriving the key for Nord's coverage area and
    /// splitting the 2024 budget reproduces 004:386–408 row by row.
    func testNoegleUdledtAfEnkeltaarReproducererNord2024() throws {
        let f = try FixtureCSV("socialtilsyn_nord_objektiv_finansiering_2023_2024")
        let nord = f.raekker.filter { $0["kommune"] != "I alt" }
        var csv = "kommune;alder;kvartal;antal\n"
        for r in nord {
            let antal = Int(try r.tal("antal_0_17_q2_2023").tilDouble)
            for alder in 0...17 { csv += "\(r["kommune"]!) Kommune;\(alder) år;2023K2;\(antal / 18 + (alder < antal % 18 ? 1 : 0))\n" }
            csv += "\(r["kommune"]!);18 år;2023K2;999\n"            // outside 0–17
            csv += "\(r["kommune"]!);5;2022K2;12345\n"               // another quarter
        }
        csv += "Hjørring;5;2023K2;700\nHele landet;5;2023K2;60000\nRegion Nordjylland;5;2023K2;6000\n"
        let raekker = try Befolkning.fortolkCSV(csv)
        let omraade = nord.map { $0["kommune"]! }
        let noegle = try Befolkning.noegle(raekker, aldersgruppe: .nulTil17, kvartal: "2023K2", daekningsomraade: omraade)
        XCTAssertEqual(noegle.navn, "0-17-årige 2. kvt. 2023")
        XCTAssertEqual(noegle.iAlt, 121_668)
        XCTAssertNil(noegle.raekker.first { $0.kommune == "Hjørring" }, "Hjørring is not in Nord's coverage area")
        let r = try Fordeling.fordel(beloeb: 19_156_058, noegle: noegle, afrunding: .naiv, daekningsomraade: omraade)
        for (raekke, kilde) in zip(r.raekker, nord) {
            XCTAssertEqual(raekke.beloeb, try kilde.tal("of_2024_kr"), raekke.kommune)
        }
        // Without a coverage area every kommune of the quarter is used, aggregates never.
        let alle = try Befolkning.noegle(raekker, aldersgruppe: .nulTil17, kvartal: "2023K2")
        XCTAssertEqual(alle.raekker.count, 12)
        XCTAssertEqual(alle.iAlt, 121_668 + 700)
        // A 14–23 range counts 14..17 and 18.
        let unge = try Befolkning.noegle(raekker, aldersgruppe: .fjortenTil23, kvartal: "2023K2", daekningsomraade: ["Læsø"])
        XCTAssertEqual(unge.raekker.first?.grundlag, Decimal(218 / 18 * 4 + 999 + (218 % 18 > 14 ? 1 : 0)))
    }

    func testNoegleFejlOgIAltRaekker() throws {
        let raekker = [
            Befolkningsraekke(kommune: "Aalborg", alder: nil, kvartal: "2023K2", antal: 221_082),
            Befolkningsraekke(kommune: "Rebild", alder: 3, kvartal: "2023K2", antal: 400),
            Befolkningsraekke(kommune: "Rebild", alder: 40, kvartal: "2023K2", antal: 500),
        ]
        let total = try Befolkning.noegle(raekker, aldersgruppe: .alle, kvartal: "2023K2")
        XCTAssertEqual(total.raekker.map(\.grundlag), [221_082, 900])
        let fejl = valideringsfejl { _ = try Befolkning.noegle(raekker, aldersgruppe: .nulTil17, kvartal: "2023K2", daekningsomraade: ["Aalborg", "Rebild", "Morsø"]) }
        XCTAssertEqual(fejl.map(\.besked), [
            "Aalborg har kun et tal for alder i alt i 2023K2, ikke tal pr. alder til 0-17-årige",
            "der er ingen befolkningstal for Morsø i 2023K2",
        ])
        XCTAssertEqual(valideringsfejl { _ = try Befolkning.noegle(raekker, aldersgruppe: .alle, kvartal: "2021K2") }.map(\.besked),
                       ["der er ingen befolkningstal for 2021K2"])
        XCTAssertEqual(valideringsfejl { _ = try Befolkning.noegle(raekker, aldersgruppe: .alle, kvartal: "2021 K2") }.map(\.felt), ["kvartal"])
    }
}

/// The import errors a call throws, flattened.
func importfejl(_ blok: () throws -> Void) -> [Importfejl] {
    do {
        try blok()
        return []
    } catch let f as Importfejl {
        return [f]
    } catch let l as Importfejlliste {
        return l.fejl
    } catch {
        return [Importfejl(fil: "?", besked: "\(error)")]
    }
}
