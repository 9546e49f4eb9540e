@testable import Filformater
import Foundation
import XCTest

/// The hand-written UTF-8 check that decides a file's character set agrees with the standard
/// library's decoder — on whether bytes are UTF-8 and on where the first broken sequence begins —
/// for every sequence of one and two bytes, every lead byte of three and four with every second
/// byte, and random texts cut into random pieces.
final class UTF8KontrolTests: XCTestCase {
    /// The standard library's answer: nil if valid, else the offset of the first broken sequence.
    func reference(_ bytes: [UInt8]) -> Int? {
        var it = bytes.makeIterator()
        var dekoder = UTF8()
        var position = 0
        while true {
            switch dekoder.decode(&it) {
            case .scalarValue(let s): position += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return position
            }
        }
    }

    func kontrol(_ bytes: [UInt8], stykker: [Int] = []) -> Int? {
        var k = UTF8Kontrol()
        var i = 0
        for laengde in stykker + [bytes.count] where i < bytes.count {
            let del = Array(bytes[i..<min(bytes.count, i + laengde)])
            if let fejl = del.withUnsafeBufferPointer({ k.kontroller($0) }) { return fejl }
            i += del.count
        }
        return k.slut()
    }

    func testAlleKorteSekvenser() {
        // Second and later bytes at every edge of the ranges in Unicode's table 3-7.
        let kanter: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xF0, 0xF4, 0xFF]
        var antal = 0, gyldige = 0
        func sammenlign(_ b: [UInt8]) {
            let forventet = reference(b)
            XCTAssertEqual(kontrol(b), forventet, "\(b.map { String($0, radix: 16) })")
            // The same answer when the bytes come one at a time, and when ASCII pads them to the fast path.
            XCTAssertEqual(kontrol(b, stykker: Array(repeating: 1, count: b.count)), forventet)
            let polstret = Array(repeating: UInt8(ascii: "a"), count: 9) + b + Array(repeating: UInt8(ascii: "b"), count: 9)
            XCTAssertEqual(kontrol(polstret), reference(polstret))
            XCTAssertEqual(forventet == nil, String(validating: b, as: UTF8.self) != nil)
            antal += 1
            if forventet == nil { gyldige += 1 }
        }
        for a in 0...255 { sammenlign([UInt8(a)]) }
        for a in 0...255 { for b in 0...255 { sammenlign([UInt8(a), UInt8(b)]) } }
        for a in 0xC0...0xFF { for b in 0...255 { for c in kanter { sammenlign([UInt8(a), UInt8(b), c]) } } }
        for a in 0xF0...0xF7 { for b in 0...255 { for c in kanter { for d in kanter { sammenlign([UInt8(a), UInt8(b), c, d]) } } } }
        XCTAssertGreaterThan(gyldige, 2_000)   // the check above is not only about refusals
        XCTAssertGreaterThan(antal, 600_000)
    }

    func testTilfaeldigeTeksterIStykker() {
        var g = SystemRandomNumberGenerator()
        let tegn = Array("aZ0;\r\n\"æøåÆØÅ€–“”𝄞é")
        for runde in 0..<300 {
            var bytes = Array(String((0..<Int.random(in: 0...200, using: &g)).map { _ in tegn.randomElement(using: &g)! }).utf8)
            // Every other text gets one byte broken: a lone continuation byte, a cut lead byte, or an overlong 0xC0.
            if runde % 2 == 1, !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &g)] = [0x80, 0xE2, 0xC0, 0xFF].randomElement(using: &g)!
            }
            let forventet = reference(bytes)
            let stykker = (0..<20).map { _ in Int.random(in: 1...9, using: &g) }
            XCTAssertEqual(kontrol(bytes), forventet, "runde \(runde)")
            XCTAssertEqual(kontrol(bytes, stykker: stykker), forventet, "runde \(runde), stykker \(stykker)")
        }
    }

    /// The character set is decided the same way whether the first piece holds the BOM or the BOM
    /// arrives a byte at a time, and a damaged file's byte is counted from the file's start (BOM included).
    func testBestemmerMedSmaaStykker() throws {
        func bestem(_ bytes: [UInt8], stykke: Int) throws -> Kodning {
            var i = 0
            return try Kodning.bestem(fil: "x.csv") {
                guard i < bytes.count else { return nil }
                defer { i += stykke }
                return bytes[i..<min(bytes.count, i + stykke)]
            }
        }
        let tekst = Array("navn;år\nÅen;2020\n".utf8)
        for stykke in [1, 2, 3, 4, 1 << 20] {
            XCTAssertEqual(try bestem(tekst, stykke: stykke), .utf8(bom: false))
            XCTAssertEqual(try bestem([0xEF, 0xBB, 0xBF] + tekst, stykke: stykke), .utf8(bom: true))
            XCTAssertEqual(try bestem([0xFF, 0xFE, 0x41, 0x00], stykke: stykke), .utf16(lilleEndian: true))
            XCTAssertEqual(try bestem([0xFE, 0xFF, 0x00, 0x41], stykke: stykke), .utf16(lilleEndian: false))
            XCTAssertEqual(try bestem(Array("Åen".utf8) + [0xE6] + tekst, stykke: stykke), .windows1252)   // æ in 1252
            XCTAssertEqual(try bestem([0xC3], stykke: stykke), .windows1252)                               // cut at the end
            XCTAssertEqual(try bestem([], stykke: stykke), .utf8(bom: false))
            XCTAssertEqual(try bestem([0x41], stykke: stykke), .utf8(bom: false))
            XCTAssertEqual(try bestem([0xFF, 0xFE], stykke: stykke), .utf16(lilleEndian: true))
            XCTAssertThrowsError(try bestem([0xEF, 0xBB, 0xBF, 0x41, 0x42, 0xE6, 0x43], stykke: stykke)) { e in
                XCTAssertEqual((e as? Importfejl)?.description.contains("x.csv: filen begynder som UTF-8 (med BOM), men byte 6 er ikke gyldig UTF-8"), true, "\(e)")
            }
            XCTAssertThrowsError(try bestem([0xEF, 0xBB, 0xBF, 0x41, 0xC3], stykke: stykke)) { e in
                XCTAssertEqual((e as? Importfejl)?.description.contains("byte 5 er ikke gyldig UTF-8"), true, "\(e)")
            }
        }
    }
}
