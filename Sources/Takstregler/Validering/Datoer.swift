import Foundation

/// Dates written `yyyy-MM-dd` (deadlines, decision dates, what `<input type=date>` sends), read and
/// written in Copenhagen time. Calendar arithmetic only (no shared `DateFormatter`, which is neither
/// thread-safe to share nor `Sendable`).
public enum Datoer {
    /// The calendar every date of the domain is counted in: Gregorian, Europe/Copenhagen.
    public static let kalender: Calendar = {
        var k = Calendar(identifier: .gregorian)
        k.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? TimeZone(secondsFromGMT: 3600)!
        return k
    }()

    /// The start of the day `s` (`yyyy-MM-dd`) in Copenhagen, or nil when `s` is not such a date.
    public static func dato(_ s: String) -> Date? {
        guard let (a, m, d) = dele(s) else { return nil }
        return kalender.date(from: DateComponents(year: a, month: m, day: d))
    }

    /// `yyyy-MM-dd` of the Copenhagen day that `d` falls on.
    public static func tekst(_ d: Date) -> String {
        let c = kalender.dateComponents([.year, .month, .day], from: d)
        func to(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year!)-\(to(c.month!))-\(to(c.day!))"
    }

    /// A real calendar date written exactly so ("2026-02-30" and "2026-2-1" are not).
    public static func erDato(_ s: String) -> Bool {
        guard let (a, m, d) = dele(s), let dato = dato(s) else { return false }
        let c = kalender.dateComponents([.year, .month, .day], from: dato)
        return c.year == a && c.month == m && c.day == d
    }

    /// `s` when it is such a date; otherwise the Danish refusal naming the field.
    public static func kontroller(_ s: String, felt: String) throws -> String {
        guard erDato(s) else { throw Valideringsfejl(felt: felt, besked: "skriv datoen som åååå-mm-dd (fik '\(s)')") }
        return s
    }

    /// The three numbers of `yyyy-MM-dd`, when the text has exactly that shape.
    private static func dele(_ s: String) -> (Int, Int, Int)? {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func tal(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= UInt8(ascii: "0"), u[i] <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int(u[i] - UInt8(ascii: "0"))
            }
            return v
        }
        guard let a = tal(0..<4), let m = tal(5..<7), let d = tal(8..<10), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (a, m, d)
    }
}

/// The years Takstfil accepts anywhere a year is typed or imported (takster, regnskaber,
/// belægning, parameters): one range, so a year refused by one door is refused by all.
public enum Aarsinterval {
    public static let gyldige: ClosedRange<Int> = 1990...2100

    public static func erGyldigt(_ aar: Int) -> Bool { gyldige.contains(aar) }
}
