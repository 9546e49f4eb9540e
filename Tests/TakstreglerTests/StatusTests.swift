import XCTest
@testable import Takstregler

final class StatusTests: XCTestCase {
    func testArbejdsgang() {
        XCTAssertTrue(Status.kladde.kanGaaTil(.indsendt))
        XCTAssertTrue(Status.indsendt.kanGaaTil(.godkendt))
        XCTAssertTrue(Status.indsendt.kanGaaTil(.afvist))
        XCTAssertTrue(Status.godkendt.kanGaaTil(.offentliggjort))
        XCTAssertFalse(Status.kladde.kanGaaTil(.godkendt))
        XCTAssertFalse(Status.kladde.kanGaaTil(.offentliggjort))
        // Published is final: a correction is a new version.
        for s in Status.allCases { XCTAssertFalse(Status.offentliggjort.kanGaaTil(s)) }
        XCTAssertTrue(Status.offentliggjort.erLaast)
    }

    func testPLIndeksFaktor() {
        let pl = PLIndeks([2018: 100, 2019: 102])
        XCTAssertEqual(pl.faktor(fra: 2018, til: 2019), Decimal(string: "1.02"))
        XCTAssertEqual(pl.faktor(fra: 2017, til: 2019), 1)
    }
}
