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
}
