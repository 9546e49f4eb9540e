import Foundation

/// Dates written `yyyy-MM-dd` (deadlines, decision dates, what `<input type=date>` sends), in
/// Copenhagen time. One formatter for the whole program.
public enum Datoer {
    public static let iso: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Copenhagen")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    public static func dato(_ s: String) -> Date? { s.isEmpty ? nil : iso.date(from: s) }

    /// Today in Copenhagen, `yyyy-MM-dd`.
    public static var idag: String { iso.string(from: Date()) }

    /// A real calendar date written exactly so ("2026-02-30" and "2026-2-1" are not).
    public static func erDato(_ s: String) -> Bool {
        guard let d = iso.date(from: s) else { return false }
        return iso.string(from: d) == s
    }
}
