import XCTest
@testable import Takstregler

final class DanskTalTests: XCTestCase {
    func testFormatering() {
        XCTAssertEqual(DanskTal.formater(Decimal(string: "1234567.891")!), "1.234.567,89")
        XCTAssertEqual(DanskTal.formater(Decimal(string: "-1234.5")!), "-1.234,50")
        XCTAssertEqual(DanskTal.formater(7026, decimaler: 0), "7.026")
        XCTAssertEqual(DanskTal.formater(Decimal(string: "0.004")!), "0,00")
        XCTAssertEqual(DanskTal.formaterKort(Decimal(string: "95.50")!), "95,5")
        XCTAssertEqual(DanskTal.formaterKort(100), "100")
    }

    func testFortolkning() throws {
        XCTAssertEqual(try DanskTal.fortolk("1.234.567,89"), Decimal(string: "1234567.89"))
        XCTAssertEqual(try DanskTal.fortolk("1,234,567.89".replacingOccurrences(of: ",", with: "")), Decimal(string: "1234567.89"))
        XCTAssertEqual(try DanskTal.fortolk("1,234.5"), Decimal(string: "1234.5"))
        XCTAssertEqual(try DanskTal.fortolk("891,89"), Decimal(string: "891.89"))
        XCTAssertEqual(try DanskTal.fortolk("12489292.58"), Decimal(string: "12489292.58"))
        XCTAssertEqual(try DanskTal.fortolk(" 95 % ".replacingOccurrences(of: " ", with: "")), 95)
        XCTAssertEqual(try DanskTal.fortolk("-2,1"), Decimal(string: "-2.1"))
        XCTAssertEqual(try DanskTal.fortolk("0.5"), Decimal(string: "0.5"))
        XCTAssertThrowsError(try DanskTal.fortolk("618.526")) { XCTAssertEqual($0 as? TalFejl, .tvetydigt("618.526")) }
        for daarligt in ["", "abc", "12a", "1,2,3", "1.23.4", "--1", "1-2", "."] {
            XCTAssertThrowsError(try DanskTal.fortolk(daarligt), "'\(daarligt)'")
        }
    }
}
