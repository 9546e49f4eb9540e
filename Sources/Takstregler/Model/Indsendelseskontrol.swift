import Foundation

/// What is checked when a takst is submitted (DOMAIN.md 7): a change from last year's takst above a
/// threshold needs an explanation (003:1572–1574), and a changed unit is flagged for the secretariat
/// (Skanderborg changed from heads to full-time places, 001:8628).
public enum Indsendelseskontrol {
    /// The threshold unless the region sets another (`Parameternoegle.takstaendringsgraense`).
    public static let standardgraensePct: Decimal = 5

    /// Refuses a submission whose takst moves more than `graensePct` % from last year's without a
    /// begrundelse. Nothing to compare (no takst last year) is no refusal.
    public static func kontroller(takst: Kroner, sidsteAar: Kroner?, begrundelse: String?, graensePct: Decimal = standardgraensePct) throws {
        guard let pct = NiveauTakstudvikling.udvikling(fra: sidsteAar, til: takst), abs(pct) > graensePct,
              (begrundelse ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let sidste = sidsteAar else { return }
        let retning = pct > 0 ? "stiger" : "falder"
        throw Valideringsfejl(
            felt: "begrundelse",
            besked: "taksten \(retning) \(DanskTal.formater(abs(pct), decimaler: 1)) % fra sidste års \(DanskTal.formater(sidste, decimaler: 2)) kr. — mere end \(DanskTal.formaterKort(graensePct)) %; skriv en begrundelse, før den indsendes")
    }

    /// A takst in another unit than last year's (døgn → dag): the secretariat must look.
    public static func enhedSkiftet(_ enhed: Takstenhed, sidsteAar: Takstenhed?) -> Bool {
        sidsteAar.map { $0 != enhed } ?? false
    }
}
