import Foundation
@testable import Lager
import NIOCore
import XCTest

/// COPY's text format as PostgreSQL reads it: `\N` is null; backslash, tab, newline and carriage
/// return escaped; everything else, Danish letters included, as it is.
final class MasseindsaettelseTests: XCTestCase {
    func copy(_ v: Feltvaerdi) -> String {
        var b = ByteBufferAllocator().buffer(capacity: 16)
        v.copy(&b)
        return String(buffer: b)
    }

    func testCopyTekstformat() {
        XCTAssertEqual(copy(.tekst("Ejendomsomkostninger")), "Ejendomsomkostninger")
        XCTAssertEqual(copy(.tekst("udgifter\\/aktivitet")), "udgifter\\\\/aktivitet")
        XCTAssertEqual(copy(.tekst("a\tb\nc\rd\\")), "a\\tb\\nc\\rd\\\\")
        XCTAssertEqual(copy(.tekst("\\\\")), "\\\\\\\\")
        XCTAssertEqual(copy(.tekst("Århus Ø")), "Århus Ø")
        XCTAssertEqual(copy(.tekst("")), "")
        XCTAssertEqual(copy(.ingen), "\\N")
        XCTAssertEqual(copy(.heltal(-12)), "-12")
        XCTAssertEqual(copy(.sandhed(true)), "t")
        // An id with its text written once is the same value to both databases as a plain id.
        let u = UUID()
        XCTAssertEqual(copy(.kendt(u)), copy(.id(u)))
        XCTAssertEqual(copy(.kendt(u)), u.uuidString)
        XCTAssertEqual(Feltvaerdi.kendt(u).sqlite, Feltvaerdi.id(u).sqlite)
    }

    /// The fast id text is `uuidString` exactly (SQLite stores and compares ids as this text).
    func testUUIDTekstErUuidString() {
        for u in [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                  UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
            + (0..<10_000).map({ _ in UUID() }) {
            XCTAssertEqual(u.tekst, u.uuidString)
        }
        XCTAssertEqual(copy(.id(UUID(uuidString: "0193F1A2-7B3C-7D4E-8F50-123456789ABC")!)), "0193F1A2-7B3C-7D4E-8F50-123456789ABC")
    }
}
