import Foundation

extension Decimal {
    /// `self / 100` — a percentage as a fraction — exactly, by moving the decimal exponent two
    /// places instead of dividing: Foundation's Decimal division was a third of recomputing every
    /// takst (perf), and a takst calculation divides by 100 two or three times.
    public var procentdel: Decimal {
        guard isFinite, exponent - 2 > Int(Int8.min) else { return self / 100 }  // the edge: as division does
        return Decimal(sign: sign, exponent: exponent - 2, significand: significand)
    }
}

extension Decimal {
    /// `> 0` read from the sign, without a comparison: Foundation's Decimal compares through
    /// allocated digit arrays (~120 ns), and recomputing every takst checks each basis (perf).
    public var erPositiv: Bool { !isNaN && !isZero && sign == .plus }
    /// `< 0` read from the sign (see `erPositiv`).
    public var erNegativ: Bool { !isNaN && !isZero && sign == .minus }
}
