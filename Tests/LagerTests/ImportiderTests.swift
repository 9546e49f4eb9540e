import Foundation
@testable import Lager
import XCTest

/// Bulk-inserted rows get time-ordered ids (version 7), ascending within an import, so the
/// primary-key index grows at its end (perf, issue "Ydeevne: foran DuckDB og pandas").
final class ImportiderTests: XCTestCase {
    func testStigendeOgVersion7SelvOmUretStaarStilleEllerGaarTilbage() {
        // The clock stands still for 5.000 ids (more than the 4.096 a millisecond counts), then steps back.
        var tid: UInt64 = 1_764_720_000_000
        var kald = 0
        var ider = Importider(ur: {
            kald += 1
            return kald == 5_001 ? tid - 10 : tid
        })
        var tekster: [String] = []
        for _ in 0..<6_000 { tekster.append(ider.nyt().uuidString) }
        tid += 1
        for _ in 0..<10 { tekster.append(ider.nyt().uuidString) }
        XCTAssertEqual(tekster, tekster.sorted(), "ids must ascend as text, as SQLite compares them")
        XCTAssertEqual(Set(tekster).count, tekster.count)
        for t in tekster {
            let u = UUID(uuidString: t)!.uuid
            XCTAssertEqual(u.6 >> 4, 7, "version 7: \(t)")
            XCTAssertEqual(u.8 >> 6, 0b10, "RFC 9562 variant: \(t)")
        }
        // The first id carries the clock's milliseconds in its first 48 bits.
        let f = UUID(uuidString: tekster[0])!.uuid
        let ms = [f.0, f.1, f.2, f.3, f.4, f.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        XCTAssertEqual(ms, 1_764_720_000_000)
    }

    func testToImporterGiverForskelligeIderSammeMillisekund() {
        var a = Importider(ur: { 1_764_720_000_000 }), b = Importider(ur: { 1_764_720_000_000 })
        let fraA = (0..<1_000).map { _ in a.nyt() }, fraB = (0..<1_000).map { _ in b.nyt() }
        XCTAssertTrue(Set(fraA).isDisjoint(with: fraB), "the 62 random bits keep two imports apart")
    }
}
