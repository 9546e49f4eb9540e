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
    }
}
