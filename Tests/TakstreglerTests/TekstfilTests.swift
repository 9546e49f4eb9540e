import Filformater
import Foundation
import XCTest

/// Files as Danish Excel saves them (issue "Brugervenlighed" 1): "CSV UTF-8", the default
/// "CSV (semikolonsepareret)" in Windows-1252, and "Unicode-tekst" (UTF-16 LE with a BOM, tabs).
final class TekstfilTests: XCTestCase {
    func afvisning(_ blok: () throws -> Any) -> String {
        do { _ = try blok() } catch let f as Importfejl { return f.description } catch { return "anden fejl: \(error)" }
        XCTFail("ikke afvist")
        return ""
    }

    func testUTF8MedOgUdenBOM() throws {
        let tekst = "driftsherre;tilbud\nViborg Kommune;Åbjerg – Bøgely € “x”\n"
        let uden = try Tekstfil.laes(Data(tekst.utf8), fil: "a.csv")
        XCTAssertEqual(uden.tekst, tekst)
        XCTAssertEqual(uden.tegnsaet, .utf8)
        let med = try Tekstfil.laes(Data([0xEF, 0xBB, 0xBF]) + Data(tekst.utf8), fil: "a.csv")
        XCTAssertEqual(med.tekst, tekst, "BOM'en er ikke en del af teksten")
        XCTAssertEqual(med.tegnsaet, .utf8)
        XCTAssertEqual(try Tekstfil.tekst(Data(tekst.utf8), fil: "a.csv"), tekst)
        XCTAssertEqual(try Tekstfil.laes(Data(), fil: "tom.csv").tekst, "")
    }

    func testWindows1252HeleTabellen() throws {
        // 0x80–0x9F as Microsoft defines them; "·" marks the five undefined bytes, left out below.
        let forventet = Array("€·‚ƒ„…†‡ˆ‰Š‹Œ·Ž··‘’“”•–—˜™š›œ·žŸ")
        var bytes: [UInt8] = [], tegn: [Character] = []
        for (i, c) in forventet.enumerated() where c != "·" {
            bytes.append(UInt8(0x80 + i))
            tegn.append(c)
        }
        XCTAssertEqual(bytes.count, 27)
        let r = try Tekstfil.laes(Data(bytes), fil: "cp.csv")
        XCTAssertEqual(r.tegnsaet, .windows1252)
        XCTAssertEqual(r.tekst, String(tegn))
        // The ones a Danish file meets: € 0x80, – 0x96, “ ” 0x93 0x94, and Latin-1's upper half (Æ Ø Å æ ø å, NBSP, é).
        let dansk = try Tekstfil.laes(Data([0x80, 0x20, 0x96, 0x20, 0x93, 0x61, 0x94, 0xC6, 0xD8, 0xC5, 0xE6, 0xF8, 0xE5, 0xA0, 0xE9]), fil: "d.csv")
        XCTAssertEqual(dansk.tekst, "€ – “a”ÆØÅæøå\u{A0}é")
        XCTAssertEqual(dansk.tegnsaet, .windows1252)
        XCTAssertEqual(Tegnsaet.windows1252.kvittering, "Tegnsæt: Windows-1252 (CSV semikolonsepareret).")
    }

    func testUdefineredeBytesAfvisesMedFilOgPosition() {
        for b: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            // "aø" in 1252 then the undefined byte: position 3 (counted from 1).
            let besked = afvisning { try Tekstfil.laes(Data([0x61, 0xF8, b, 0x62]), fil: "kommuner.csv") }
            XCTAssertTrue(besked.hasPrefix("kommuner.csv: filen er hverken UTF-8, UTF-16 eller Windows-1252"), besked)
            XCTAssertTrue(besked.contains("byte 3 er \(String(format: "0x%02X", b)), som ikke findes i Windows-1252"), besked)
        }
        // A binary file (here a zip, as an .xlsx is) has control bytes no spreadsheet text has.
        let zip = afvisning { try Tekstfil.laes(Data([0x50, 0x4B, 0x03, 0x04, 0xFF]), fil: "regneark.xlsx") }
        XCTAssertTrue(zip.contains("regneark.xlsx: filen er hverken") && zip.contains("byte 3 er 0x03, et styretegn"), zip)
        // A UTF-8 BOM followed by bytes that break UTF-8 is a damaged file, not Windows-1252.
        let brudt = afvisning { try Tekstfil.laes(Data([0xEF, 0xBB, 0xBF, 0x61, 0x62, 0xF8, 0x63]), fil: "b.csv") }
        XCTAssertTrue(brudt.contains("b.csv: filen begynder som UTF-8 (med BOM), men byte 6 er ikke gyldig UTF-8"), brudt)
    }

    func testUTF16LilleOgStorEndian() throws {
        let tekst = "driftsherre\ttilbud\r\nViborg Kommune\tÅbjerg € 𝄞\r\n"
        let le = try Tekstfil.laes(Data([0xFF, 0xFE]) + tekst.data(using: .utf16LittleEndian)!, fil: "u.txt")
        XCTAssertEqual(le.tekst, tekst)
        XCTAssertEqual(le.tegnsaet, .utf16)
        let be = try Tekstfil.laes(Data([0xFE, 0xFF]) + tekst.data(using: .utf16BigEndian)!, fil: "u.txt")
        XCTAssertEqual(be.tekst, tekst)
        XCTAssertEqual(be.tegnsaet, .utf16)
        XCTAssertEqual(Tegnsaet.utf16.rawValue, "UTF-16 (Unicode-tekst)")
        let ulige = afvisning { try Tekstfil.laes(Data([0xFF, 0xFE, 0x61, 0x00, 0x62]), fil: "u.txt") }
        XCTAssertTrue(ulige.contains("u.txt: filen er UTF-16 (Unicode-tekst), men har et ulige antal byte"), ulige)
        // A lone high surrogate (D800) at bytes 5–6.
        let enlig = afvisning { try Tekstfil.laes(Data([0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x61, 0x00]), fil: "u.txt") }
        XCTAssertTrue(enlig.contains("byte 5 er ikke gyldig UTF-16"), enlig)
    }

    /// "Unicode-tekst" is tab-separated: the separator is found from the header as `;` and `,` are.
    func testTabulatorSomSeparator() throws {
        let tekst = "driftsherre\ttilbud\taar\tbelaegning\tregnskab_kr\r\nViborg Kommune\tÅbjerg, Bøgely\t2019\t12,5\t1.000.000\r\n"
        let data = Data([0xFF, 0xFE]) + tekst.data(using: .utf16LittleEndian)!
        let raekker = try Indberetningsformat.laesRegnskab(fil: "u.txt", tekst: try Tekstfil.tekst(data, fil: "u.txt"))
        XCTAssertEqual(raekker.count, 1)
        XCTAssertEqual(raekker[0].tilbud, "Åbjerg, Bøgely")
        XCTAssertEqual(raekker[0].regnskab.belaegning, Decimal(string: "12.5"))
        XCTAssertEqual(raekker[0].regnskab.omkostninger, 1_000_000)
        let t = try CSVTabel(fil: "u.txt", tekst: tekst, format: Indberetningsformat.regnskab)
        XCTAssertEqual(t.separator, "\t")
        // `;` still wins a tie, and a header with more `,` is still comma-separated.
        XCTAssertEqual(try CSVTabel(fil: "s.csv", tekst: "driftsherre;tilbud;aar;belaegning;regnskab_kr\n", format: Indberetningsformat.regnskab).separator, ";")
        XCTAssertEqual(try CSVTabel(fil: "k.csv", tekst: "driftsherre,tilbud,aar,belaegning,regnskab_kr\n", format: Indberetningsformat.regnskab).separator, ",")
    }
}
