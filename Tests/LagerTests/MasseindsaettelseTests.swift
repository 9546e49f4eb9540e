import Foundation
@testable import Lager
import NIOCore
import SQLKit
import Testhjaelp
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

    /// The eight-bytes-at-a-time skip never passes over a byte to escape, wherever it stands in a
    /// word, and long texts come out as a byte-by-byte escape would write them.
    func testCopyTekstOtteBytesAdGangen() {
        for b in 0...255 {
            for p in 0..<8 {
                var ord = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                ord[p] = UInt8(b)
                let v = ord.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                if [0x09, 0x0A, 0x0D, 0x5C].contains(b) { XCTAssertTrue(Feltvaerdi.harCopytegn(v), "byte \(b) at \(p)") }
                if b >= 0x0E && b != 0x5C { XCTAssertFalse(Feltvaerdi.harCopytegn(v), "byte \(b) at \(p)") }
            }
        }
        func reference(_ t: String) -> String {
            t.unicodeScalars.map { c in
                switch c { case "\\": return "\\\\"; case "\t": return "\\t"; case "\n": return "\\n"; case "\r": return "\\r"; default: return String(c) }
            }.joined()
        }
        let tegn = Array("abcæøå€{}\"/:,0123456789\\\t\n\r\u{01}\u{0B}")
        var g = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let t = String((0..<Int.random(in: 0...120, using: &g)).map { _ in Int.random(in: 0..<4, using: &g) == 0 ? tegn.randomElement(using: &g)! : "x" })
            XCTAssertEqual(copy(.tekst(t)), reference(t), t.debugDescription)
        }
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

    /// Rows made ready ahead (`forbered`, while the previous batch is written) and rows queued
    /// after that are all written, on both databases; a table's rows are only turned once.
    func testForberedteOgSenereRaekkerSkrivesAlle() async throws {
        try await Testdatabaser.forHver { db, f in
            let m = Masseindsaettelse("aendringer", ["id", "loebenummer"])
            m.tilfoej([.heltal(100), .heltal(7)])
            m.tilfoej([.heltal(101), .heltal(8)])
            m.forbered(f.db)
            m.forbered(f.db)
            m.tilfoej([.heltal(102), .heltal(9)])
            try await m.toem(f.db)
            let raekker = try await (f.db as! any SQLDatabase).raw("SELECT id, loebenummer FROM aendringer WHERE id >= 100 ORDER BY id").all()
            XCTAssertEqual(try raekker.map { [try $0.decode(column: "id", as: Int.self), try $0.decode(column: "loebenummer", as: Int.self)] },
                           [[100, 7], [101, 8], [102, 9]], db)
            // Nothing is left to write a second time.
            try await m.toem(f.db)
            let igen = try await (f.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM aendringer WHERE id >= 100").first()
            XCTAssertEqual(try igen?.decode(column: "n", as: Int.self), 3, db)
        }
    }
}
