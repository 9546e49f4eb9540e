import Foundation
@testable import Lager
import XCTest

/// An id written and read as the text SQLite holds is Foundation's text and Foundation's reading:
/// the same id back for either case of hex, and nil for what Foundation refuses.
final class IdtekstTests: XCTestCase {
    func testSomFoundation() {
        for _ in 0..<2_000 {
            let u = UUID()
            XCTAssertEqual(u.tekst, u.uuidString)
            XCTAssertEqual(UUID(tekst: u.tekst), u)
            XCTAssertEqual(UUID(tekst: u.uuidString.lowercased()), u)
        }
        let kendt = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
        XCTAssertEqual(UUID(tekst: kendt)?.uuid.0, 0xE6)
        XCTAssertEqual(UUID(tekst: kendt)?.uuid.15, 0x5F)
        let forkerte = ["", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5F0",
                        "E621E1F8C36C-495A-93FC-0C247A3E6E5F0", "E621E1F8-C36C-495A-93FC_0C247A3E6E5F",
                        "G621E1F8-C36C-495A-93FC-0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5 ",
                        "E621E1F8-C36C-495A-93FC-0C247A3E6EÅ"]
        for t in forkerte {
            XCTAssertNil(UUID(tekst: t), t)
            XCTAssertNil(UUID(uuidString: t), t)
        }
        // Foundation's sscanf lets a blank stand before a hex pair; the fast path leaves such text to it.
        let blank = " E621E1F8-C36C-495A-93FC-0C247A3E6E5"
        XCTAssertEqual(UUID(tekst: blank), UUID(uuidString: blank))
    }
}
