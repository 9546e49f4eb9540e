import Filformater
import Foundation
import Lager
import Plot
import Takstregler
import Udskrift

enum Visning {
    /// A rule's message ("kommentaren er tom") as a sentence on a page ("Kommentaren er tom.").
    static func saetning(_ besked: String) -> String {
        storForbogstav(besked) + (besked.hasSuffix(".") ? "" : ".")
    }

    /// The domain's refusals keyed by the form field they name, as sentences; the first per field wins.
    static func feltfejl(_ fejl: [Valideringsfejl]) -> [String: String] {
        Dictionary(fejl.map { ($0.felt, saetning($0.besked)) }, uniquingKeysWith: { a, _ in a })
    }

    /// A decision as one line: body, date, item, delegation, text ("FU 20. november 2026, punkt 4 (DAS gav
    /// FU kompetence …): FU godkendte …"). The tilbud page and the secretariat's page show the same.
    static func beslutning(_ b: Beslutning) -> String {
        b.organ + (b.dato.isEmpty ? "" : " \(dato(b.dato))") + (b.punkt.isEmpty ? "" : ", punkt \(b.punkt)")
            + (b.delegation.map { " (\($0))" } ?? "") + (b.tekst.isEmpty ? "" : ": \(b.tekst)")
    }

    /// The first letter in upper case ("årets omkostninger" → "Årets omkostninger").
    static func storForbogstav(_ tekst: String) -> String {
        tekst.prefix(1).uppercased() + tekst.dropFirst()
    }

    /// One typed number of a form, read the one way every form reads numbers: empty is "Udfyld …"
    /// when required (else nil), anything `Kontrol.tal` refuses is "Hvad: why." on `fejlfelt`.
    static func formulartal(_ raa: String?, felt: String, hvad: String, kraevet: Bool, fejlfelt: String? = nil,
                            fejl: inout [String: String]) -> Decimal? {
        let v = (raa ?? "").trimmingCharacters(in: .whitespaces)
        if v.isEmpty {
            if kraevet { fejl[fejlfelt ?? felt] = "Udfyld \(hvad)." }
            return nil
        }
        do { return try Kontrol.tal(v, felt: felt) } catch let f as Valideringsfejl {
            fejl[fejlfelt ?? felt] = "\(storForbogstav(hvad)): \(f.besked)."
        } catch {
            fejl[fejlfelt ?? felt] = "\(storForbogstav(hvad)): kan ikke læses som et tal."
        }
        return nil
    }

    /// Published takster as the source shows them: whole kroner or øre.
    static func kroner(_ v: Kroner, _ afrunding: Afrunding) -> String {
        DanskTal.formater(v, decimaler: afrunding.decimaler)
    }

    static let datoformat: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "da_DK")
        f.timeZone = TimeZone(identifier: "Europe/Copenhagen")
        f.dateFormat = "d. MMMM yyyy"
        return f
    }()

    static let tidsformat: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "da_DK")
        f.timeZone = TimeZone(identifier: "Europe/Copenhagen")
        f.dateFormat = "d. MMM yyyy 'kl.' HH:mm:ss"
        return f
    }()

    /// "2026-10-01" → "1. oktober 2026".
    static func dato(_ iso: String) -> String {
        guard let d = Datoer.dato(iso) else { return iso }
        return datoformat.string(from: d)
    }

    /// A takst's period as a line: "1. januar 2024", with "kun borgere indskrevet fra …" when it is limited.
    static func periode(_ n: Takstniveau) -> String {
        dato(n.periodestart) + (n.kunForIndskrevetFra.map { " (kun borgere indskrevet fra \(dato($0)))" } ?? "")
    }

    static func tid(_ d: Date) -> String { tidsformat.string(from: d) }

    /// The change between two takster (`NiveauTakstudvikling.udvikling`), shown with one decimal.
    static func aendring(fra: Kroner?, til: Kroner) -> String {
        guard let pct = NiveauTakstudvikling.udvikling(fra: fra, til: til) else { return "–" }
        return (pct > 0 ? "+" : "") + DanskTal.formater(pct, decimaler: 1) + " %"
    }
}
