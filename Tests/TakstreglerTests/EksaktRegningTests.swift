import XCTest
@testable import Takstregler

/// `plus`, `minus`, `gange`, `delt` and `afrundet` must give bit for bit what Foundation's `+ − × ÷` and
/// NSDecimalRound give (value and representation), since every stored takst was computed with them.
final class EksaktRegningTests: XCTestCase {
    func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

    func foundationRundet(_ v: Decimal, _ decimaler: Int) -> Decimal {
        var ind = v, ud = Decimal()
        NSDecimalRound(&ud, &ind, decimaler, .plain)
        return ud
    }

    func sammenlign(_ a: Decimal, _ b: Decimal, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(bytes(a.plus(b)), bytes(a + b), "\(a) + \(b): \(a.plus(b)) ≠ \(a + b)", file: file, line: line)
        XCTAssertEqual(bytes(a.minus(b)), bytes(a - b), "\(a) − \(b): \(a.minus(b)) ≠ \(a - b)", file: file, line: line)
        // Foundation's `*` traps on an overflowing exponent (1e120 × 1e120): such pairs are not multiplied.
        if a.isFinite, b.isFinite, abs(a.exponent + b.exponent) <= 100 {
            XCTAssertEqual(bytes(a.gange(b)), bytes(a * b), "\(a) × \(b): \(a.gange(b)) ≠ \(a * b)", file: file, line: line)
        }
        if a.isFinite, b.isFinite, !b.isZero, abs(a.exponent - b.exponent) <= 100 {
            XCTAssertEqual(bytes(a.delt(med: b)), bytes(a / b), "\(a) ÷ \(b): \(a.delt(med: b)) ≠ \(a / b)", file: file, line: line)
        }
        for d in [0, 2] {
            XCTAssertEqual(bytes(afrundet(a, decimaler: d)), bytes(foundationRundet(a, d)),
                           "afrundet(\(a), \(d)): \(afrundet(a, decimaler: d)) ≠ \(foundationRundet(a, d))", file: file, line: line)
        }
    }

    func tal(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    func testKendteTilfaelde() {
        let kendte = ["0", "-0", "0.00", "1", "-1", "0.5", "-0.5", "1.5", "-1.5", "2.5", "0.005", "-0.005", "0.015", "891.885",
                      "100", "1000", "0.97", "365", "6.1", "0.061", "12489292.58", "-12489292.58", "99999999999999999999",
                      "12345678901234567890123456789012345678", "99999999999999999999999999999999999999",
                      "0.00000000000000000000000000000000000001", "1e100", "1e120", "1e-120", "1e-127", "123e125", "5e-3"]
            .map(tal)
        let beregnede = [tal("1") / 3, tal("2") / 3, tal("-2") / 3, tal("12489292.58") / tal("693.5"), tal("100") / 7, tal("1e30") / 7]
        let alle = kendte + beregnede + [Decimal.nan]
        for a in alle { for b in alle { sammenlign(a, b) } }
        // The takst examples: 891,89 on 693,5 døgn and a half that must go away from zero.
        XCTAssertEqual(afrundet(tal("891.885"), decimaler: 2), tal("891.89"))
        XCTAssertEqual(afrundet(tal("-891.885"), decimaler: 2), tal("-891.89"))
        XCTAssertEqual(afrundet(tal("2.5"), decimaler: 0), 3)
        XCTAssertEqual(tal("0.1").plus(tal("0.2")), tal("0.3"))
        XCTAssertEqual(tal("19").gange(250).gange(tal("0.97")), tal("4607.5"))
        XCTAssertTrue(tal("1").plus(.nan).isNaN)
    }

    /// Seeded random operands in the ranges takster use and beyond: amounts in øre, percentages,
    /// 38-digit quotients, negatives, zeros and large exponents.
    func testTilfaeldigeTal() {
        var g = Xorshift(seed: 20261203)
        func tilfaeldig() -> Decimal {
            switch g.naeste() % 6 {
            case 0: return Decimal(sign: g.naeste() % 2 == 0 ? .plus : .minus, exponent: -Int(g.naeste() % 3),
                                   significand: Decimal(g.naeste() % 10_000_000_000_000))
            case 1: return Decimal(g.naeste() % 200) + Decimal(sign: .plus, exponent: -1, significand: Decimal(g.naeste() % 10))
            case 2: return Decimal(g.naeste() % 100_000_000) / Decimal(g.naeste() % 100_000 + 1)
            case 3: return Decimal(sign: .plus, exponent: Int(g.naeste() % 40) - 20, significand: Decimal(g.naeste() % 1_000_000))
            case 4: return Decimal(sign: .minus, exponent: Int(g.naeste() % 250) - 125, significand: Decimal(g.naeste() % 1000 + 1))
            default: return g.naeste() % 4 == 0 ? 0 : Decimal(g.naeste() % 1_000) * Decimal(sign: .plus, exponent: 10, significand: 1)
            }
        }
        XCTAssertTrue(EksaktDecimal.layoutKendt, "swift-foundation's Decimal layout changed: the fast path is off (correct, but slower)")
        // The comparison must exercise the fast path, not only Foundation's fallback.
        var hurtige = (sum: 0, produkt: 0, afrunding: 0, kvotient: 0)
        for _ in 0..<100_000 {
            let a = tilfaeldig(), b = tilfaeldig()
            sammenlign(a, b)
            if EksaktDecimal.sum(a, b, negerB: false) != nil { hurtige.sum += 1 }
            if EksaktDecimal.produkt(a, b) != nil { hurtige.produkt += 1 }
            if EksaktDecimal.afrundet(a, decimaler: 2) != nil { hurtige.afrunding += 1 }
            if EksaktDecimal.kvotient(a, b) != nil { hurtige.kvotient += 1 }
        }
        XCTAssertGreaterThan(hurtige.sum, 50_000)
        XCTAssertGreaterThan(hurtige.produkt, 30_000)
        XCTAssertGreaterThan(hurtige.afrunding, 10_000)
        XCTAssertGreaterThan(hurtige.kvotient, 50_000)
    }

    /// The sum of a sequence starts from 0 as `reduce(0, +)` does.
    func testSum() {
        let linjer = [tal("3089129"), tal("333960.5"), tal("-459195.25")]
        XCTAssertEqual(bytes(linjer.sum { $0 }), bytes(linjer.reduce(0, +)))
        XCTAssertEqual(bytes([Decimal]().sum { $0 }), bytes(Decimal(0)))
    }
}

/// A tiny seeded generator: the same operands on every run, so a failure can be repeated.
struct Xorshift {
    var tilstand: UInt64
    init(seed: UInt64) { tilstand = seed | 1 }
    mutating func naeste() -> UInt64 {
        tilstand ^= tilstand << 13
        tilstand ^= tilstand >> 7
        tilstand ^= tilstand << 17
        return tilstand
    }
}
