import Foundation
import Takstregler

/// The takst form as the user typed it (every field raw text), so a refused form comes back
/// exactly as it was sent, with a Danish message next to each refused field. The web form and
/// the JSON API both read a takstniveau through `fortolk`; the takst itself is computed only by
/// `Takstniveau.beregn()`.
struct Takstformular: Sendable {
    var felter: [String: String]

    subscript(_ navn: String) -> String {
        get { felter[navn] ?? "" }
        set { felter[navn] = newValue }
    }

    static let antalIndtaegter = 3
    static let overheadmetoder: [(vaerdi: String, tekst: String)] = [
        ("ingen", "Ingen overhead (indeholdt i linjerne)"),
        ("procent", "Procent af de direkte omkostninger"),
        ("bruttoandel", "Andel af de samlede omkostninger (bruttoandel)"),
        ("beloeb", "Et beløb i kr."),
    ]

    /// The fields in the order the form shows them (the error summary follows it).
    static var feltraekkefoelge: [String] {
        ["niveau", "gyldig_fra", "kun_nye_fra", "enhed", "dage", "pladser", "belaegningsprocent", "afrunding"]
            + Omkostningskategori.allCases.map { "omk_\($0.rawValue)" }
            + (1...antalIndtaegter).flatMap { ["indt_tekst_\($0)", "indt_beloeb_\($0)"] }
            + ["overhead_metode", "overhead_vaerdi", "hensaettelse", "andel"] + basisYdelsesfelter + ["begrundelse"]
    }

    /// Basis- og ydelsestakst (DOMAIN.md 6.1, Østerskoven): optional; empty means none. A form
    /// without these fields at all (an API call that does not mention them) keeps the stored split.
    static let basisYdelsesfelter = ["by_basisbudget", "by_timeloen", "by_timer", "by_pladser", "by_belaegningsprocent", "by_dage"]

    /// The fields of cost line `i` of category `k` (DOMAIN.md 4: each line keeps its own amount and text,
    /// so a stored basis round-trips unchanged): line 1 is `omk_k` / `omk_tekst_k`, line i ≥ 2 `omk_k_i` / `omk_tekst_k_i`.
    static func omkostningsfelt(_ k: Omkostningskategori, _ i: Int) -> (beloeb: String, tekst: String) {
        i == 1 ? ("omk_\(k.rawValue)", "omk_tekst_\(k.rawValue)") : ("omk_\(k.rawValue)_\(i)", "omk_tekst_\(k.rawValue)_\(i)")
    }

    /// The line numbers of category `k` in this form, in order (line 1 always).
    func omkostningslinjer(_ k: Omkostningskategori) -> [Int] {
        let praefiks = "omk_\(k.rawValue)_"
        let flere = felter.keys.compactMap { $0.hasPrefix(praefiks) ? Int($0.dropFirst(praefiks.count)) : nil }.filter { $0 >= 2 }
        return [1] + Set(flere).sorted()
    }

    /// The income rows of this form: at least `antalIndtaegter`, more when a stored basis has more
    /// (they are shown and kept, never cut).
    var indtaegtslinjer: ClosedRange<Int> {
        let flest = felter.keys.compactMap { $0.hasPrefix("indt_beloeb_") ? Int($0.dropFirst("indt_beloeb_".count)) : nil }.max() ?? 0
        return 1...max(Takstformular.antalIndtaegter, flest)
    }

    var harBasisYdelsesfelter: Bool { Takstformular.basisYdelsesfelter.contains { felter[$0] != nil } }

    init(felter: [String: String] = [:]) { self.felter = felter }

    /// A form filled from a stored level (to edit it, or to start next year from last year's figures).
    init(niveau n: Takstniveau, navn: String? = nil) {
        var f: [String: String] = [:]
        let g = n.grundlag
        f["niveau"] = navn ?? n.navn
        f["gyldig_fra"] = n.gyldigFra ?? ""
        f["kun_nye_fra"] = n.kunForIndskrevetFra ?? ""
        f["enhed"] = g.enhed.rawValue
        f["dage"] = g.enhederPrAar.map { Takstformular.tal($0) } ?? ""
        f["pladser"] = Takstformular.tal(g.pladser)
        f["belaegningsprocent"] = Takstformular.tal(g.belaegningsprocent)
        f["afrunding"] = g.afrunding.rawValue
        for k in Omkostningskategori.allCases {
            for (i, l) in g.omkostninger.filter({ $0.kategori == k }).enumerated() {
                let felt = Takstformular.omkostningsfelt(k, i + 1)
                f[felt.beloeb] = Takstformular.tal(l.beloeb)
                if l.tekst != k.tekst { f[felt.tekst] = l.tekst }
            }
        }
        for (i, l) in g.andreIndtaegter.enumerated() {
            f["indt_tekst_\(i + 1)"] = l.tekst
            f["indt_beloeb_\(i + 1)"] = Takstformular.tal(l.beloeb)
        }
        f.merge(Takstformular.overheadfelter(g.overhead)) { $1 }
        if let r = g.reguleringer.first {
            f["efterregulering"] = "ja"
            f["hensaettelse"] = r.hensat.map { Takstformular.tal($0) } ?? "0"
            f["andel"] = Takstformular.tal(r.andel)
        }
        for k in Takstformular.basisYdelsesfelter { f[k] = "" }
        if let b = n.basisYdelse {
            f["by_basisbudget"] = Takstformular.tal(b.basisbudget)
            f["by_timeloen"] = Takstformular.tal(b.effektivTimeloen)
            f["by_timer"] = Takstformular.tal(b.timerPrDoegn)
            f["by_pladser"] = Takstformular.tal(b.pladser)
            f["by_belaegningsprocent"] = Takstformular.tal(b.belaegningsprocent)
            f["by_dage"] = Takstformular.tal(b.dage)
        }
        felter = f
    }

    /// A stored number as the form shows it: exact, decimal comma, no thousands separator (so it
    /// reads back as the same number — "640.000" would be refused as ambiguous).
    static func tal(_ d: Decimal) -> String { "\(d)".replacingOccurrences(of: ".", with: ",") }

    var medEfterregulering: Bool { self["efterregulering"] == "ja" }

    /// Reads the typed values. Every refused field is reported at once, keyed by its form field.
    /// The efterregulering (which needs the stored regnskab) is the caller's: `efterregulering`.
    func fortolk(aar: Int) -> (niveau: Takstniveau?, efterregulering: Efterregulering.Valg?, fejl: [String: String]) {
        var fejl: [String: String] = [:]
        func tal(_ felt: String, kraevet: Bool, hvad: String) -> Decimal? {
            Visning.formulartal(self[felt], felt: felt, hvad: hvad, kraevet: kraevet, fejl: &fejl)
        }
        let navn = self["niveau"].trimmingCharacters(in: .whitespaces)
        if navn.isEmpty { fejl["niveau"] = "Giv takstniveauet et navn, fx \"Takst 1\"." }
        let enhed = Takstenhed(rawValue: self["enhed"].isEmpty ? "doegn" : self["enhed"])
        if enhed == nil { fejl["enhed"] = "Vælg en takstenhed." }
        let dage = tal("dage", kraevet: false, hvad: "antal enheder pr. år")
        let pladser = tal("pladser", kraevet: true, hvad: "antal pladser")
        let belaegning = tal("belaegningsprocent", kraevet: true, hvad: "belægningsprocenten")
        let afrunding = Afrunding(rawValue: self["afrunding"].isEmpty ? "hele_kroner" : self["afrunding"])
        if afrunding == nil { fejl["afrunding"] = "Vælg afrunding." }

        var omkostninger: [Omkostningslinje] = []
        for k in Omkostningskategori.allCases {
            for i in omkostningslinjer(k) {
                let felt = Takstformular.omkostningsfelt(k, i)
                guard let v = tal(felt.beloeb, kraevet: false, hvad: k.tekst.lowercased()) else { continue }
                if v < 0 {
                    fejl[felt.beloeb] = "\(k.tekst) må ikke være negativ — skriv indtægter under andre indtægter."
                    continue
                }
                if v != 0 {
                    let tekst = self[felt.tekst].trimmingCharacters(in: .whitespaces)
                    omkostninger.append(Omkostningslinje(k, v, tekst: tekst.isEmpty ? nil : tekst))
                }
            }
        }
        let omkFejl = fejl.keys.contains { $0.hasPrefix("omk_") }
        if omkostninger.isEmpty && !omkFejl {
            fejl["omk_\(Omkostningskategori.personale.rawValue)"] = "Angiv mindst én omkostning større end 0."
        }
        var indtaegter: [Indtaegtslinje] = []
        for i in indtaegtslinjer {
            guard let v = tal("indt_beloeb_\(i)", kraevet: false, hvad: "indtægten") else { continue }
            if v < 0 { fejl["indt_beloeb_\(i)"] = "Indtægten må ikke være negativ."; continue }
            let tekst = self["indt_tekst_\(i)"].trimmingCharacters(in: .whitespaces)
            if v != 0 { indtaegter.append(Indtaegtslinje(tekst: tekst.isEmpty ? "Andre indtægter" : tekst, beloeb: v)) }
        }
        let overhead = Takstformular.overhead(metode: self["overhead_metode"], vaerdi: self["overhead_vaerdi"], fejl: &fejl) ?? .ingen
        var valg: Efterregulering.Valg?
        if medEfterregulering {
            let h = tal("hensaettelse", kraevet: false, hvad: "hensættelsen") ?? 0
            let a = tal("andel", kraevet: false, hvad: "andelen") ?? 1
            valg = Efterregulering.Valg(hensaettelse: h, andel: a)
        }
        // Basis and ydelse: the whole split or nothing; places, occupancy and days default to the level's.
        var basisYdelse: BasisYdelseGrundlag?
        if Takstformular.basisYdelsesfelter.contains(where: { !self[$0].trimmingCharacters(in: .whitespaces).isEmpty }) {
            let budget = tal("by_basisbudget", kraevet: true, hvad: "basisbudgettet")
            let loen = tal("by_timeloen", kraevet: true, hvad: "den effektive timeløn")
            let timer = tal("by_timer", kraevet: false, hvad: "timer pr. døgn") ?? 8
            let bp = tal("by_pladser", kraevet: false, hvad: "pladserne i basistaksten") ?? pladser
            let bb = tal("by_belaegningsprocent", kraevet: false, hvad: "belægningsprocenten i basistaksten") ?? belaegning
            let bd = tal("by_dage", kraevet: false, hvad: "dagene i basistaksten") ?? dage ?? 365
            if let budget, let loen, let bp, let bb {
                basisYdelse = BasisYdelseGrundlag(basisbudget: budget, pladser: bp, belaegningsprocent: bb, dage: bd,
                                                  effektivTimeloen: loen, timerPrDoegn: timer)
            }
        }
        guard fejl.isEmpty, let enhed, let pladser, let belaegning, let afrunding else { return (nil, valg, fejl) }
        let grundlag = Takstgrundlag(omkostninger: omkostninger, andreIndtaegter: indtaegter, overhead: overhead,
                                     pladser: pladser, enhed: enhed, enhederPrAar: dage, belaegningsprocent: belaegning,
                                     afrunding: afrunding)
        // The period is checked against the year where every caller's is: `medKontrolleretPeriode`.
        func dato(_ felt: String) -> String? {
            let v = self[felt].trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : v
        }
        return (Takstniveau(navn: navn, aar: aar, grundlag: grundlag, basisYdelse: basisYdelse,
                            gyldigFra: dato("gyldig_fra"), kunForIndskrevetFra: dato("kun_nye_fra")), valg, [:])
    }

    /// The overhead method and its value (`overhead_metode`, `overhead_vaerdi`), also the yearly parameter's form.
    static func overhead(metode: String, vaerdi: String, fejl: inout [String: String]) -> Overheadmetode? {
        func tal(_ hvad: String) -> Decimal? {
            Visning.formulartal(vaerdi, felt: "overhead_vaerdi", hvad: hvad, kraevet: true, fejl: &fejl)
        }
        switch metode.isEmpty ? "ingen" : metode {
        case "ingen": return .ingen
        case "procent": return tal("overheadprocenten").map { .procentAfDirekte($0) }
        case "bruttoandel": return tal("overheadprocenten").map { .bruttoandel($0) }
        case "beloeb": return tal("overheadbeløbet").map { .beloeb($0) }
        default: fejl["overhead_metode"] = "Vælg en overheadmetode."; return nil
        }
    }

    /// The domain's refusals, keyed by the form field they concern.
    static func feltfejl(_ fejl: any Error) -> [String: String]? {
        let liste: [Valideringsfejl]
        switch fejl {
        case let f as Valideringsfejl: liste = [f]
        case let l as Valideringsfejlliste: liste = l.fejl
        default: return nil
        }
        var ud: [String: String] = [:]
        for f in liste {
            let felt: String
            switch f.felt {
            case "overhead": felt = "overhead_vaerdi"
            case let s where s.hasPrefix("reguleringer"): felt = "andel"
            case "hensaettelse", "efterregulering": felt = "hensaettelse"
            case "aar": felt = "niveau"
            default: felt = f.felt
            }
            let besked = Visning.storForbogstav(f.besked)
            ud[felt] = ud[felt].map { "\($0) \(besked)." } ?? "\(besked)."
        }
        return ud
    }
}
