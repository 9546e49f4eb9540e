import XCTest
@testable import Takstregler

/// `Decimaltekst.laes` must give bit for bit what `Decimal(string:)` gives (value and
/// representation, so printed amounts, dumps and sums are unchanged), or nil where it does.
final class DecimaltekstTests: XCTestCase {
    func bytes(_ d: Decimal?) -> [UInt8]? { d.map { v in withUnsafeBytes(of: v) { Array($0) } } }

    func sammenlign(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
        let forventet = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
        let faaet = Decimaltekst.laes(s)
        XCTAssertEqual(bytes(faaet), bytes(forventet), "'\(s)': \(String(describing: faaet)) ≠ \(String(describing: forventet))", file: file, line: line)
        if let faaet, let forventet { XCTAssertEqual("\(faaet)", "\(forventet)", s, file: file, line: line) }
    }

    func testFasteTilfaelde() {
        for s in ["0", "-0", "0.00", "0.5", "-0.5", "1", "-1", "10", "1000", "1.50", "891.89", "12489292.58", "618526",
                  "-12.5", "007", "0.000001", "999999999999999999", "1234567890123456789", "123456789012345678.9",
                  "1e3", "1.", ".5", "-", "", "1.2.3", "12a", " 1", "+1", "1-", "3.355", "100.000"] {
            sammenlign(s)
        }
        XCTAssertNil(Decimaltekst.laes("abc"))
        XCTAssertEqual(Decimaltekst.laes("891,89", separator: UInt8(ascii: ",")), Decimal(string: "891.89"))
    }

    func testTilfaeldigeTal() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let heltal = String(UInt64.random(in: 0...UInt64(1e12), using: &g) >> UInt64.random(in: 0...40, using: &g))
            let decimaler = Int.random(in: 0...6, using: &g)
            var s = (Bool.random(using: &g) ? "-" : "") + heltal
            if decimaler > 0 { s += "." + String((0..<decimaler).map { _ in "0123456789".randomElement(using: &g)! }) }
            sammenlign(s)
        }
    }

    /// The fast writer gives `description`'s text bit for bit: plain amounts, and results of
    /// arithmetic (long mantissas fall back to `description`), negative, tiny and huge values.
    func testTekstSomDescription() throws {
        XCTAssertTrue(Decimaltekst.layoutKendt, "swift-foundation's Decimal layout changed: the fast path is off (correct, but slower)")
        for t in ["0", "12.50", "-0.5", "1e3", "0.000000001", "99999999999999999999", "123e20", "-1026529", "17,5"] {
            let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) ?? 0
            XCTAssertEqual(Decimaltekst.tekst(d), d.description, t)
        }
        XCTAssertEqual(Decimaltekst.tekst(Decimal.nan), Decimal.nan.description)
        var g = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            let m = Int64.random(in: -999_999_999_999_999...999_999_999_999_999, using: &g)
            let d = Decimal(sign: m < 0 ? .minus : .plus, exponent: Int.random(in: -12...6, using: &g), significand: Decimal(m.magnitude))
            for x in [d, d / 7, d * Decimal(string: "1.05")!, d + Decimal(string: "0.5")!, d / 100] {
                XCTAssertEqual(Decimaltekst.tekst(x), x.description)
            }
        }
    }
}

/// `procentdel` is `/ 100` without dividing: the same value and the same printed text.
final class ProcentdelTests: XCTestCase {
    func testSammeSomDivisionMed100() {
        var g = SystemRandomNumberGenerator()
        var tal: [Decimal] = [0, 1, -1, 95, Decimal(string: "92.5")!, Decimal(string: "0.001")!, Decimal(string: "-12489292.58")!,
                              Decimal(string: "1e-126")!, Decimal(string: "123456789012345678901234567890")!]
        for _ in 0..<5_000 {
            tal.append(Decimal(sign: Bool.random(using: &g) ? .minus : .plus, exponent: Int.random(in: -8...8, using: &g),
                               significand: Decimal(UInt64.random(in: 0...UInt64(1e15), using: &g))))
        }
        for x in tal {
            XCTAssertEqual(x.procentdel, x / 100, "\(x)")
            XCTAssertEqual("\(x.procentdel)", "\(x / 100)", "\(x)")
        }
    }

    /// `erPositiv`/`erNegativ` (read from the sign) agree with comparing against 0; NaN is neither
    /// (Foundation orders NaN below 0, so the checks that use them refuse NaN on their own).
    func testFortegnSomSammenligning() {
        let vaerdier = ["0", "-0", "0.000", "1", "-1", "0.0000000001", "-0.0000000001", "12345678901234567890.5", "-6.1"]
            .map { Decimal(string: $0)! } + [Decimal(0) - Decimal(0)]
        for v in vaerdier {
            XCTAssertEqual(v.erPositiv, v > 0, "\(v)")
            XCTAssertEqual(v.erNegativ, v < 0, "\(v)")
        }
        XCTAssertFalse(Decimal.nan.erPositiv)
        XCTAssertFalse(Decimal.nan.erNegativ)
        XCTAssertThrowsError(try Kontrol.ikkeNegativ(.nan, felt: "x", hvad: "x"))
        XCTAssertThrowsError(try Kontrol.positiv(.nan, felt: "x", hvad: "x"))
        XCTAssertTrue(Decimal(string: "0.01")!.erPositiv)
        XCTAssertTrue(Decimal(string: "-0.01")!.erNegativ)
    }
}
