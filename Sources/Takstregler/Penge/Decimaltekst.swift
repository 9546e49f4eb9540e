import Foundation

/// Reads a number written as plain digits with an optional leading minus and at most one decimal
/// separator (`-1234.56`, or `-1234,56` with `separator: ","`) — how amounts are stored and how
/// most import cells look. Reports and imports read hundreds of thousands of them, and
/// Foundation's general parser was ~10 % of a report's time (perf). The result is bit for bit
/// the value `Decimal(string:)` gives (also its compact form, so printed values are the same);
/// anything else — more than 18 digits, zero written with decimals, exponents, spaces — is
/// handed to that parser.
public enum Decimaltekst {
    private static let posix = Locale(identifier: "en_US_POSIX")

    public static func laes(_ s: String, separator: UInt8 = UInt8(ascii: ".")) -> Decimal? {
        var mantisse: UInt64 = 0
        var cifre = 0, broekcifre = 0
        var negativ = false, efterSeparator = false, foerste = true
        for b in s.utf8 {
            defer { foerste = false }
            if b >= 0x30 && b <= 0x39 {
                cifre += 1
                guard cifre <= 18 else { return generelt(s, separator) }
                mantisse = mantisse * 10 + UInt64(b - 0x30)
                if efterSeparator { broekcifre += 1 }
            } else if b == separator && !efterSeparator && cifre > 0 {
                efterSeparator = true
            } else if b == UInt8(ascii: "-") && foerste {
                negativ = true
            } else {
                return generelt(s, separator)
            }
        }
        guard cifre > 0, !(efterSeparator && broekcifre == 0) else { return generelt(s, separator) }
        if mantisse == 0 { return !negativ && !efterSeparator ? Decimal.zero : generelt(s, separator) }
        // Decimal(sign:exponent:significand:) compacts trailing zeros as the parser does.
        return Decimal(sign: negativ ? .minus : .plus, exponent: -broekcifre, significand: Decimal(mantisse))
    }

    private static func generelt(_ s: String, _ separator: UInt8) -> Decimal? {
        separator == UInt8(ascii: ".") ? Decimal(string: s, locale: posix)
            : Decimal(string: s.replacingOccurrences(of: String(UnicodeScalar(separator)), with: "."), locale: posix)
    }

    /// `d.description`, bit for bit, without Foundation's digit-by-digit division (perf: a sixth
    /// of a takster import went to writing amounts). Reads the value's parts from its bytes
    /// (`EksaktDecimal.laest`) when they are laid out as swift-foundation lays them out (checked
    /// once against `description`; otherwise, and for NaN and mantissas over 64 bits,
    /// `description` itself).
    public static func tekst(_ d: Decimal) -> String {
        guard layoutKendt, let t = hurtig(d) else { return d.description }
        return t
    }

    private static func hurtig(_ d: Decimal) -> String? {
        guard let x = EksaktDecimal.laest(d) else { return nil }
        if x.m == 0 { return "0" }
        guard x.m <= UInt128(UInt64.max) else { return nil }
        var m = UInt64(x.m)
        let e = x.e, decimaler = max(-e, 0)
        // Written right to left on the stack: trailing zeros, digits with the point after
        // `decimaler` of them (at least one digit before it), the sign (perf: building it in arrays
        // was two allocations per value, ~2 of a belægning row's).
        let plads = 23 + abs(e)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: plads) { buf in
            var i = plads
            for _ in 0..<max(e, 0) { i -= 1; buf[i] = UInt8(ascii: "0") }
            var skrevne = 0
            repeat {
                if decimaler > 0 && skrevne == decimaler { i -= 1; buf[i] = UInt8(ascii: ".") }
                i -= 1
                buf[i] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                skrevne += 1
            } while m > 0 || skrevne <= decimaler
            if x.negativ { i -= 1; buf[i] = UInt8(ascii: "-") }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[i..<plads]), as: UTF8.self)
        }
    }

    /// The layout holds for this Foundation: values of every shape written both ways agree.
    static let layoutKendt: Bool = {
        let posix = Locale(identifier: "en_US_POSIX")
        return ["0", "12.5", "-12.5", "1000", "1e3", "0.001", "-1026529", "1234567890123.45", "18446744073709551615", "-0.00000000000000000001"]
            .allSatisfy { t in Decimal(string: t, locale: posix).map { d in hurtig(d) == d.description } ?? false }
            && hurtig(Decimal(1) / Decimal(3)) == nil && hurtig(Decimal(string: "-7.25")! / 4) == (Decimal(string: "-7.25")! / 4).description
    }()
}
