import Filformater
import Foundation
import Takstregler
import XCTest

/// DOMAIN.md 6.10: uncertain counts, their sums as ranges, masking, and the check of a printed total
/// (fixtures udbud_*_nord_2020_2022.csv, 002:3901–3926; spiseforstyrrelse_boern_midt_2017_2019.csv,
/// 001:5125–5198).
final class TaellingTests: XCTestCase {
    func fixtur(_ navn: String) throws -> Optaellingstabel {
        let url = Bundle.module.url(forResource: "Fixtures/\(navn)", withExtension: "csv")!
        return try Optaellingsfil.laes(fil: "\(navn).csv", tekst: try String(contentsOf: url, encoding: .utf8))
    }

    func testAlleFormerLaesesOgSummeresSomInterval() throws {
        XCTAssertEqual(try Taelling.fortolk("8-10"), .interval(8, 10))
        XCTAssertEqual(try Taelling.fortolk("8–10"), .interval(8, 10), "tankestreg")
        XCTAssertEqual(try Taelling.fortolk(" 7 "), .tal(7))
        XCTAssertEqual(try Taelling.fortolk("?"), .ukendt)
        XCTAssertEqual(try Taelling.fortolk(""), .ikkeBesvaret)
        XCTAssertEqual(try Taelling.fortolk("-"), .ikkeIndberettet)
        XCTAssertEqual(try Taelling.fortolk("ca. 25"), .cirka(25))
        XCTAssertEqual(try Taelling.fortolk("≤3"), .hoejst3)
        let sum = ["3", "8-10", "?", "", "-", "ca. 2", "≤3"].map { try! Taelling.fortolk($0).spaend }.reduce(Spaend.nul, +)
        XCTAssertEqual(sum, Spaend(14, 18))
        XCTAssertEqual(sum.description, "14-18")
        XCTAssertEqual(Spaend(44, 44).description, "44")
    }

    func testUgyldigeAntalAfvisesPaaDansk() {
        for (ind, del) in [("10-8", "baglæns"), ("abc", "ikke et antal"), ("≤4", "kun ≤3"), ("-2", "negativt"), ("1,5", "ikke et antal")] {
            XCTAssertThrowsError(try Taelling.fortolk(ind), ind) { e in
                XCTAssertTrue((e as? Valideringsfejl)?.besked.contains(del) == true, "\(ind): \(e)")
            }
        }
    }

    /// Published: 1–3 as ≤3, 0 stays 0, never in storage (the value itself is unchanged).
    func testMaskering() {
        XCTAssertEqual(Taelling.tal(2).offentlig, .hoejst3)
        XCTAssertEqual(Taelling.tal(0).offentlig, .tal(0))
        XCTAssertEqual(Taelling.tal(4).offentlig, .tal(4))
        XCTAssertEqual(Taelling.interval(1, 3).offentlig, .interval(1, 3))
    }

    func testAutismeDoegnReproducererDeTrykteTotaler() throws {
        let r = Optaelling.kontroller(try fixtur("udbud_autisme_doegn_nord_2020_2022"))
        XCTAssertEqual(r.kolonner.map(\.kolonne), ["2020", "2021", "2022"])
        XCTAssertEqual(r.kolonner.map(\.beregnet.description), ["44-48", "43-47", "42-46"])
        XCTAssertEqual(r.kolonner.map(\.stemmer), [true, true, true])
        XCTAssertEqual(r.fund, [])
    }

    func testUdfordringFlagger2020() throws {
        let r = Optaelling.kontroller(try fixtur("udbud_udfordring_nord_2020_2022"))
        XCTAssertEqual(r.kolonner.map(\.beregnet.description), ["19-20", "21-24", "21-25"])
        XCTAssertEqual(r.kolonner.map { $0.trykt?.description }, ["19-21", "21-24", "21-25"])
        XCTAssertEqual(r.kolonner.map(\.stemmer), [false, true, true])
        XCTAssertEqual(r.fund.map(\.kolonne), ["2020"])
        XCTAssertEqual(r.fund.first?.raekke, 10, "totalrækken er række 10 i regnearket")
        XCTAssertTrue(r.fund.first?.besked.contains("19-21") == true)
    }

    /// Every printed total lies within [known + 1·n(≤3); known + 3·n(≤3)]; Silkeborg 2018's "3" is flagged.
    func testSpiseforstyrrelse() throws {
        let r = Optaelling.kontroller(try fixtur("spiseforstyrrelse_boern_midt_2017_2019"))
        XCTAssertEqual(r.kolonner.map(\.stemmer), [true, true, true, true])
        XCTAssertEqual(r.kolonner.map(\.beregnet.description), ["20-32", "34-40", "36-56", "63-71"])
        XCTAssertEqual(r.fund.count, 1, "\(r.fund)")
        XCTAssertEqual(r.fund.first?.kolonne, "2018")
        XCTAssertTrue(r.fund.first?.besked.hasPrefix("Silkeborg: 3 er trykt umaskeret") == true, "\(r.fund)")
    }

    /// A lone ≤3 beside an exact total gives itself away (no secondary suppression in the source).
    func testEnEnligMaskeretCelleKanRegnesUd() throws {
        let t = try Optaellingsfil.laes(fil: "x.csv", tekst: "kommune;2020\nA;5\nB;≤3\nC;0\nI alt;7\n")
        let r = Optaelling.kontroller(t)
        XCTAssertEqual(r.fund.map(\.besked), ["B: den maskerede værdi kan regnes ud af totalen og de andre rækker (2)"])
    }

    func testFilfejlNavngiverRaekkeOgKolonne() {
        XCTAssertThrowsError(try Optaellingsfil.laes(fil: "x.csv", tekst: "kommune;2020;2021\nA;10-8;1\nB;abc;≤4\nC;-2;1\n")) { e in
            let l = (e as? Importfejlliste)?.fejl ?? []
            XCTAssertEqual(l.map { "\($0.raekke ?? 0):\($0.kolonne ?? "")" }, ["2:2020", "3:2020", "3:2021", "4:2020"])
            XCTAssertTrue(l.allSatisfy { $0.fil == "x.csv" })
        }
    }
}
