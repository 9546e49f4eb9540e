import Foundation

/// The one clock: "now", today's date and the current year, all in Europe/Copenhagen (so the
/// year changes at Danish midnight on New Year's Eve, whatever the server's time zone). Rules never
/// read a clock; the front ends hold an `Ur` (the web app in its configuration, the command line
/// from `TAKSTFIL_IDAG` or the system) and pass dates and years in. Tests fix it with `.fast`.
public struct Ur: Sendable {
    public let nu: @Sendable () -> Date

    public init(nu: @escaping @Sendable () -> Date) { self.nu = nu }

    /// The system clock.
    public static let system = Ur { Date() }

    /// A clock that stands still at `dato`.
    public static func fast(_ dato: Date) -> Ur { Ur { dato } }

    /// The system clock, or a fixed day when `TAKSTFIL_IDAG=yyyy-MM-dd` is set (demos and tests
    /// of the command line), refusing a malformed value rather than ignoring it.
    public static func fraMiljoe(_ miljoe: [String: String]) throws -> Ur {
        guard let s = miljoe["TAKSTFIL_IDAG"], !s.isEmpty else { return .system }
        guard Datoer.erDato(s), let d = Datoer.dato(s) else {
            throw Valideringsfejl(felt: "TAKSTFIL_IDAG", besked: "skriv datoen som åååå-mm-dd (fik '\(s)')")
        }
        // Noon, so the day is the same in every time zone the server might run in.
        return .fast(d.addingTimeInterval(12 * 3600))
    }

    /// Today in Copenhagen, `yyyy-MM-dd`.
    public var idag: String { Datoer.tekst(nu()) }

    /// The current year in Copenhagen.
    public var aar: Int { Datoer.kalender.component(.year, from: nu()) }
}
