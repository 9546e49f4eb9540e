@testable import Filformater
import Foundation
import XCTest

/// What `scripts/robusthed`'s fuzzing found in the XLSX reader, each kept as a refusal in Danish:
/// before the fixes the first two crashed the process and the third took seconds and gigabytes.
final class FuzzfundTests: XCTestCase {
    var dele: [String: Data] = [:]

    override func setUpWithError() throws {
        dele = try XLSXLaeser.dele(try Data(contentsOf: URL(fileURLWithPath: RegnearkTests.fixtur("gyldig_takstfil"))), fil: "gyldig.xlsx")
    }

    func afvisning(_ blok: () throws -> Any) -> String {
        do { _ = try blok(); return "godtaget" } catch let f as Importfejl { return f.besked } catch let l as Importfejlliste {
            return l.fejl.map(\.besked).joined(separator: "; ")
        } catch { return "ikke dansk: \(error)" }
    }

    func arket(_ aendring: (inout [UInt8]) -> Void) -> String {
        var d = dele
        let sti = d.keys.first { $0.hasPrefix("xl/worksheets/") }!
        var b = [UInt8](d[sti]!)
        aendring(&b)
        d[sti] = Data(b)
        return afvisning { try XLSXLaeser.laes(dele: d, fil: "x.xlsx") }
    }

    /// Foundation's XML parser traps on invalid UTF-8 in an element name.
    func testUgyldigUTF8IXMLAfvises() {
        let besked = arket { b in
            let i = b.indices.first { b[$0] == UInt8(ascii: "<") && b[$0 + 1] == UInt8(ascii: "s") }!
            b[i + 2] = 0xF2
        }
        XCTAssertTrue(besked.contains("ikke gyldig UTF-8"), besked)
    }

    /// A DTD is where entity bombs and external entities live; Excel never writes one.
    func testDTDAfvises() {
        let besked = arket { b in b.insert(contentsOf: Array("<!DOCTYPE x [<!ENTITY a \"aaaa\">]>".utf8), at: 0) }
        XCTAssertTrue(besked.contains("DTD"), besked)
    }

    /// "TRUEG1" is column 9 million: a dense row of that width took seconds and gigabytes.
    func testCellereferenceUdenForExcelsGitterAfvises() {
        let besked = arket { b in
            let s = String(decoding: b, as: UTF8.self).replacingOccurrences(of: "r=\"A1\"", with: "r=\"TRUEG1\"")
            b = Array(s.utf8)
        }
        XCTAssertTrue(besked.contains("ugyldig cellereference 'TRUEG1'"), besked)
        XCTAssertNil(XLSXLaeser.cellereference("AAAAAAAAAAAAAAAAAAAAA1"), "ingen overløb")
        XCTAssertEqual(XLSXLaeser.cellereference("XFD1048576")?.kolonne, 16_383)
    }

    /// A central directory pointing past the end made ZIPFoundation's in-memory archive trap.
    func testZipDerPegerUdenForFilenAfvises() throws {
        var b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: RegnearkTests.fixtur("gyldig_takstfil"))))
        let eocd = (0...(b.count - 22)).reversed().first { b[$0] == 0x50 && b[$0 + 1] == 0x4B && b[$0 + 2] == 5 && b[$0 + 3] == 6 }!
        let cd = Int(b[eocd + 16]) | Int(b[eocd + 17]) << 8 | Int(b[eocd + 18]) << 16 | Int(b[eocd + 19]) << 24
        for (i, v) in [0xF0, 0xFF, 0xFF, 0x7F].enumerated() { b[cd + 42 + i] = UInt8(v) }
        let besked = afvisning { try XLSXLaeser.laes(Data(b), fil: "x.xlsx") }
        XCTAssertTrue(besked.contains("peger uden for filen"), besked)
    }

    /// Two sheets with the same name: the second silently replaced the first.
    func testSammeArkToGangeAfvises() {
        let ark = Regnearksark(navn: "Takster", raekker: [])
        let besked = afvisning { try Projektmappe.laes(ark: [ark, Regnearksark(navn: "takster", raekker: [])], fil: "x.xlsx") }
        XCTAssertTrue(besked.contains("findes to gange"), besked)
    }
}
