import Foundation

/// Exact `+ − × ÷` and rounding of `Decimal` without Foundation's allocations, for the takst
/// arithmetic (issue "Ydeevne: foran DuckDB og pandas" 3). Foundation builds digit arrays on the
/// heap for each operation (~250 ns an addition, ~900 ns a rounding: three quarters of recomputing
/// every takst). When both operands and the exact result fit in 38 digits, the result is computed
/// here in `UInt128`s and built exactly as Foundation builds it (compacted); anything else — NaN,
/// a result that would need rounding, an exponent at the edge — is left to Foundation. The value is
/// therefore always Foundation's: `EksaktRegningTests` compares the two field by field on a few
/// hundred thousand seeded random operands and every edge it can name. Division gives Foundation's
/// 38-digit quotient (truncated), digit for digit: it is what every stored takst was computed with.
extension Decimal {
    /// `self + b`, exactly as Foundation computes it.
    @inlinable public func plus(_ b: Decimal) -> Decimal {
        EksaktDecimal.sum(self, b, negerB: false) ?? self + b
    }

    /// `self − b`, exactly as Foundation computes it.
    @inlinable public func minus(_ b: Decimal) -> Decimal {
        EksaktDecimal.sum(self, b, negerB: true) ?? self - b
    }

    /// `self ÷ b`, exactly as Foundation computes it (its 38-digit quotient, truncated).
    @inlinable public func delt(med b: Decimal) -> Decimal {
        EksaktDecimal.kvotient(self, b) ?? self / b
    }

    /// `self × b`, exactly as Foundation computes it.
    @inlinable public func gange(_ b: Decimal) -> Decimal {
        EksaktDecimal.produkt(self, b) ?? self * b
    }
}

extension Sequence {
    /// The exact sum of an amount over the elements (starting from 0, as `reduce(0, +)`).
    @inlinable public func sum(_ beloeb: (Element) -> Decimal) -> Decimal {
        reduce(Decimal(0)) { $0.plus(beloeb($1)) }
    }
}

/// A finite Decimal's parts: sign, significand (< 10³⁸) and power of ten.
@usableFromInline struct EksaktDecimal {
    @usableFromInline var negativ: Bool
    @usableFromInline var m: UInt128
    @usableFromInline var e: Int

    /// 10³⁸: Foundation's 38 digits. A significand at or above it is left to Foundation.
    @usableFromInline static let graense: UInt128 = 100_000_000_000_000_000_000_000_000_000_000_000_000

    @usableFromInline static let tiPotenser: [UInt128] = (0...38).map { n in
        var p: UInt128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// nil for NaN, for a malformed value, and when this
    /// Foundation lays a Decimal out differently than expected (`layoutKendt`).
    @inlinable init?(_ d: Decimal) {
        guard Self.layoutKendt, let x = Self.laest(d) else { return nil }
        self = x
    }

    @inlinable init(negativ: Bool, m: UInt128, e: Int) {
        self.negativ = negativ
        self.m = m
        self.e = e
    }

    /// A Decimal's 20 bytes as swift-foundation lays them out: exponent (Int8); length in the high
    /// nibble, sign 0x08 and compact 0x04 in the low one; two reserved bytes; eight 16-bit words of
    /// significand, least significant first. The public `_mantissa` & co. are internal on Linux.
    @inlinable static func laest(_ d: Decimal) -> EksaktDecimal? {
        withUnsafeBytes(of: d) { b -> EksaktDecimal? in
            guard b.count == 20 else { return nil }
            let e = Int(Int8(bitPattern: b[0]))
            let laengde = Int(b[1] >> 4)
            let negativ = b[1] & 0x08 != 0
            if laengde == 0 { return negativ ? nil : EksaktDecimal(negativ: false, m: 0, e: e) }  // NaN, zero
            let lav = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            let hoej = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
            var m = UInt128(hoej) << 64 | UInt128(lav)
            if laengde < 8 { m &= (UInt128(1) << (16 * laengde)) - 1 }  // words past the length are not part of it
            guard m != 0 else { return nil }
            return EksaktDecimal(negativ: negativ, m: m, e: e)
        }
    }

    /// The layout above holds: values of every shape read and rebuilt give Foundation's bytes.
    @usableFromInline static let layoutKendt: Bool = {
        let posix = Locale(identifier: "en_US_POSIX")
        let proever: [(String, Bool, UInt128, Int)] = [
            ("12.5", false, 125, -1), ("-12.5", true, 125, -1), ("1000", false, 1, 3), ("0.001", false, 1, -3),
            ("-1026529", true, 1026529, 0), ("18446744073709551617", false, 18446744073709551617, 0),
            ("12345678901234567890123456789012345678", false, 12345678901234567890123456789012345678, 0)]
        return proever.allSatisfy { t, negativ, m, e in
            guard let d = Decimal(string: t, locale: posix), let x = laest(d), x.negativ == negativ, x.m == m, x.e == e,
                  let igen = x.bygget else { return false }
            return withUnsafeBytes(of: d) { Array($0) } == withUnsafeBytes(of: igen) { Array($0) }
        } && laest(Decimal.nan) == nil && laest(Decimal.zero).map { $0.m == 0 } == true
    }()

    /// The Decimal Foundation returns for this exact value: trailing zeros removed (`compact`).
    /// nil when the exponent does not fit.
    @inlinable var decimal: Decimal? {
        guard m != 0 else { return Decimal.zero }
        var m = m, e = e
        // Strip trailing zeros; 64-bit division when the significand fits, which is the usual case.
        while e < Int(Int8.max) {
            if m >> 64 == 0 {
                let (q, r) = UInt64(truncatingIfNeeded: m).quotientAndRemainder(dividingBy: 10)
                if r != 0 { break }
                m = UInt128(q)
            } else {
                let (q, r) = m.quotientAndRemainder(dividingBy: 10)
                if r != 0 { break }
                m = q
            }
            e += 1
        }
        guard e >= Int(Int8.min), e <= Int(Int8.max) else { return nil }
        return EksaktDecimal(negativ: negativ, m: m, e: e).bygget
    }

    /// The Decimal with exactly these parts (already compact), written byte by byte.
    @inlinable var bygget: Decimal? {
        guard e >= Int(Int8.min), e <= Int(Int8.max), m != 0 else { return nil }
        let bits = 128 - m.leadingZeroBitCount
        let laengde = UInt8((bits + 15) / 16)
        var d = Decimal()
        withUnsafeMutableBytes(of: &d) { b in
            b[0] = UInt8(bitPattern: Int8(e))
            b[1] = laengde << 4 | (negativ ? 0x08 : 0) | 0x04
            b[2] = 0
            b[3] = 0
            b.storeBytes(of: UInt64(truncatingIfNeeded: m).littleEndian, toByteOffset: 4, as: UInt64.self)
            b.storeBytes(of: UInt64(truncatingIfNeeded: m >> 64).littleEndian, toByteOffset: 12, as: UInt64.self)
        }
        return d
    }

    /// `a ± b` when exact in 38 digits; nil otherwise (Foundation decides).
    @inlinable static func sum(_ a: Decimal, _ b: Decimal, negerB: Bool) -> Decimal? {
        guard let x = EksaktDecimal(a), var y = EksaktDecimal(b), x.m < graense, y.m < graense else { return nil }
        if negerB { y.negativ.toggle() }
        // Foundation returns the other operand unchanged when one is zero (zeros carry exponents: left to it).
        if x.m == 0 && y.m == 0 { return nil }
        if y.m == 0 { return a }
        if x.m == 0 { return negerB ? nil : b }
        let e = min(x.e, y.e)
        guard let xm = skaleret(x, til: e), let ym = skaleret(y, til: e) else { return nil }
        if x.negativ == y.negativ {
            let s = xm + ym  // both < 10³⁸: no overflow in 128 bits
            guard s < graense else { return nil }
            return EksaktDecimal(negativ: x.negativ, m: s, e: e).decimal
        }
        if xm == ym { return Decimal.zero }
        return xm > ym ? EksaktDecimal(negativ: x.negativ, m: xm - ym, e: e).decimal
                       : EksaktDecimal(negativ: y.negativ, m: ym - xm, e: e).decimal
    }

    /// The significand at a lower exponent, when it stays below 10³⁸.
    @inlinable static func skaleret(_ x: EksaktDecimal, til e: Int) -> UInt128? {
        let n = x.e - e
        if n == 0 { return x.m }
        guard n <= 38 else { return nil }
        let (p, over) = x.m.multipliedReportingOverflow(by: tiPotenser[n])
        return over || p >= graense ? nil : p
    }

    /// `a × b` when exact in 38 digits; nil otherwise.
    @inlinable static func produkt(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let x = EksaktDecimal(a), let y = EksaktDecimal(b), x.m != 0, y.m != 0, x.m < graense, y.m < graense else { return nil }
        let (p, over) = x.m.multipliedReportingOverflow(by: y.m)
        let e = x.e + y.e
        guard !over, p < graense, e >= Int(Int8.min), e <= Int(Int8.max) else { return nil }
        return EksaktDecimal(negativ: x.negativ != y.negativ, m: p, e: e).decimal
    }

    /// `a ÷ b` as Foundation divides: the dividend's significand times 10³⁸ is divided by the
    /// divisor's (truncated), then cut to fit 128 bits — four digits at a time while over nine
    /// 16-bit words, then one at a time while over eight, each cut truncating — and the exponent
    /// set before compacting. Since 2¹⁶ > 10⁴ the four-digit cuts never pass the point where 128
    /// bits suffice, so the cuts are one truncating division by the least 10ᵗ that makes the
    /// quotient fit. nil where Foundation takes another path (operands 19 or more exponents apart,
    /// zero, an exponent out of range).
    @inlinable static func kvotient(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let x = EksaktDecimal(a), let y = EksaktDecimal(b), x.m != 0, y.m != 0, x.e - y.e < 19 else { return nil }
        // Q = ⌊x·10³⁸ / y⌋ as two 128-bit halves (x·10³⁸ < 2²⁵⁴).
        let (hoej, lav) = x.m.multipliedFullWidth(by: tiPotenser[38])
        let (qh, r) = hoej.quotientAndRemainder(dividingBy: y.m)
        let ql = y.m.dividingFullWidth((r, lav)).quotient
        // ⌊Q / 10ᵗ⌋ < 2¹²⁸ ⟺ Q < 10ᵗ·2¹²⁸ ⟺ qh < 10ᵗ.
        var t = 0
        while t <= 38 && qh >= tiPotenser[t] { t += 1 }
        guard t <= 38 else { return nil }
        let q = t == 0 ? ql : tiPotenser[t].dividingFullWidth((qh, ql)).quotient
        let e = x.e - y.e - 38 + t
        guard q != 0, e >= Int(Int8.min), e <= Int(Int8.max) else { return nil }
        return EksaktDecimal(negativ: x.negativ != y.negativ, m: q, e: e).decimal
    }

    /// Rounded half away from zero to `decimaler` places (NSDecimalRound, `.plain`); nil when
    /// Foundation should decide.
    @inlinable static func afrundet(_ a: Decimal, decimaler: Int) -> Decimal? {
        guard let x = EksaktDecimal(a), x.m != 0 else { return nil }
        let n = -decimaler - x.e  // digits to remove
        if n <= 0 { return nil }
        guard n <= 38 else { return nil }
        let d = tiPotenser[n]
        var (q, r) = x.m.quotientAndRemainder(dividingBy: d)
        if r >= d - r { q += 1 }  // r ≥ d/2: half and above go away from zero
        if q == 0 { return nil }  // Foundation keeps the exponent on a zero: left to it
        return EksaktDecimal(negativ: x.negativ, m: q, e: -decimaler).decimal
    }
}
