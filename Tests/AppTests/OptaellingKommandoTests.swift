import Foundation
import XCTest

/// `takstfil optaelling summer` as a user runs it (issue "Kapacitet" 3).
final class OptaellingKommandoTests: XCTestCase {
    let cli = Takstfilprogram()

    func fixtur(_ navn: String) -> String {
        Bundle.module.url(forResource: "Fixtures/kapacitet/\(navn)", withExtension: "csv")!.path
    }

    func json(_ navn: String) throws -> [String: Any] {
        let k = try cli.koer(["optaelling", "summer", fixtur(navn), "--format", "json"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [String: Any], k.ud)
    }

    func testAutismeDoegnStemmer() throws {
        let j = try json("udbud_autisme_doegn_nord_2020_2022")
        let k = try XCTUnwrap(j["kolonner"] as? [[String: Any]])
        XCTAssertEqual(k.map { $0["kolonne"] as? String }, ["2020", "2021", "2022"])
        XCTAssertEqual(k.map { $0["beregnet"] as? String }, ["44-48", "43-47", "42-46"])
        XCTAssertEqual(k.map { $0["trykt"] as? String }, ["44-48", "43-47", "42-46"])
        XCTAssertEqual(k.map { $0["stemmer"] as? Bool }, [true, true, true])
        XCTAssertEqual((j["fund"] as? [Any])?.count, 0)
    }

    func testUdfordring2020Flagges() throws {
        let j = try json("udbud_udfordring_nord_2020_2022")
        let k = try XCTUnwrap(j["kolonner"] as? [[String: Any]])
        XCTAssertEqual(k.map { $0["beregnet"] as? String }, ["19-20", "21-24", "21-25"])
        XCTAssertEqual(k.map { $0["stemmer"] as? Bool }, [false, true, true])
        let f = try XCTUnwrap(j["fund"] as? [[String: Any]])
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.first?["raekke"] as? Int, 10)
        XCTAssertEqual(f.first?["kolonne"] as? String, "2020")
        XCTAssertEqual(f.first?["besked"] as? String, "trykt total 19-21 ligger uden for det, rækkerne tillader (19-20)")
    }

    /// A wrong file: every bad cell named with file, row and column, in Danish, exit code 1.
    func testDaarligFilAfvises() throws {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("optaelling-\(UUID().uuidString).csv").path
        try "kommune;2020\nA;10-8\nB;abc\nC;≤4\nD;-2\n".write(toFile: sti, atomically: true, encoding: .utf8)
        let k = try cli.koer(["optaelling", "summer", sti])
        XCTAssertEqual(k.kode, 1)
        for (r, del) in [(2, "baglæns"), (3, "ikke et antal"), (4, "kun ≤3"), (5, "negativt")] {
            XCTAssertTrue(k.fejl.contains("\(sti), række \(r), kolonne '2020': ") && k.fejl.contains(del), k.fejl)
        }
    }
}
