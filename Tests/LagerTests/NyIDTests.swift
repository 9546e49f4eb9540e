@testable import Lager
import XCTest

/// The bulk-import ids are random version-4 UUIDs, never repeated, also across buffer refills.
final class NyIDTests: XCTestCase {
    func testUnikkeVersion4() {
        var set = Set<UUID>()
        for _ in 0..<20_000 {
            let id = NyID.lav()
            XCTAssertTrue(set.insert(id).inserted, "gentaget id \(id)")
            XCTAssertEqual(id.uuid.6 >> 4, 4)
            XCTAssertEqual(id.uuid.8 >> 6, 0b10)
        }
        // 20.000 ids span 78 refills of the 4 KB buffer; the text form is the usual one.
        XCTAssertEqual(Array(set.prefix(1))[0].uuidString.count, 36)
    }
}
