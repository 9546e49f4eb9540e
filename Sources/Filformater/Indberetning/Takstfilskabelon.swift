import Foundation
import Takstregler

/// The takstfil workbook (issue "Import, eksport" 1): sheet "Takster" — one row per tilbud,
/// takstniveau and year with its whole calculation basis — and sheets "Regnskab" and
/// "Belægning" in the canonical import formats. The columns mirror Midtjylland's takstfil as far
/// as DOMAIN.md describes it; the same columns are written by the export, so an export re-imports.
public enum Takstfilskabelon {
    public static let arkTakster = "Takster"
    public static let arkRegnskab = "Regnskab"
    public static let arkBelaegning = "Belægning"

    /// (canonical key, Danish header) in the order they are written.
    public static let kolonner: [(String, String)] = [
        ("driftsherre", "Driftsherre"), ("tilbud", "Tilbud"), ("maalgruppe", "Målgruppe"), ("paragraf", "SEL §"),
        ("type", "Type"), ("aar", "År"), ("takstniveau", "Takstniveau"), ("enhed", "Enhed"), ("pladser", "Pladser"),
        ("dage", "Enheder pr. år"), ("belaegningsprocent", "Belægningsprocent"),
    ] + Omkostningskategori.allCases.map { ($0.rawValue, $0.tekst) } + [
        ("andre_indtaegter", "Andre indtægter"), ("overhead_metode", "Overhead-metode"), ("overhead", "Overhead"),
        ("regulering_aar", "Reguleringsår"), ("over_underskud", "Over-/underskud til regulering"),
        ("regulering_andel", "Andel af resultatet"), ("hensat", "Hensat"),
        ("inden_for_baand", "Inden for 5 %-båndet"), ("afrunding", "Afrunding"),
        ("basisbudget", "Basisbudget"), ("timeloen", "Effektiv timeløn"), ("timer", "Ydelsestimer pr. døgn"),
        ("gyldig_fra", "Gyldig fra"), ("kun_nye_fra", "Kun for borgere indskrevet fra"),
        ("takst", "Takst"), ("status", "Status"), ("midlertidig", "Midlertidig"), ("version", "Version"), ("revision", "Revision"),
    ]

    public static let format = CSVTabel.Format(
        navn: "takst", paakraevet: ["driftsherre", "tilbud", "aar", "takstniveau", "pladser", "belaegningsprocent"],
        valgfri: kolonner.map(\.0).filter { !["driftsherre", "tilbud", "aar", "takstniveau", "pladser", "belaegningsprocent"].contains($0) },
        synonymer: Dictionary(kolonner.map { (CSVTabel.normaliser($0.1), $0.0) }, uniquingKeysWith: { a, _ in a })
            .merging(["dage": "dage", "dage_pr_aar": "dage", "sel": "paragraf", "paragraf": "paragraf",
                      "omkostninger": Omkostningskategori.oevrige.rawValue]) { a, _ in a })

    static let talkolonner = ["pladser", "dage", "belaegningsprocent", "andre_indtaegter", "overhead", "over_underskud",
                              "regulering_andel", "hensat", "inden_for_baand", "basisbudget", "timeloen", "timer", "takst"]
        + Omkostningskategori.allCases.map(\.rawValue)

    public struct Raekke: Equatable, Sendable {
        public var raekke: Int
        public var driftsherre: String
        public var tilbud: String
        public var maalgruppe: Maalgruppe?
        public var paragraf: String?
        public var type: Tilbud.Type_?
        public var niveau: Takstniveau
        public var takst: Kroner
        /// The revision the row was exported with: the save is refused if the level changed since.
        public var revision: Int?
    }

    /// A basis as the template holds it: cost lines summed per category (with the category's
    /// name), other income as one line, at most one regulation. Two bases that the template
    /// writes alike are the same to an import, so re-importing an export changes nothing.
    public static func iSkabelonensForm(_ g: Takstgrundlag) -> Takstgrundlag {
        var n = g
        n.omkostninger = Omkostningskategori.allCases.compactMap { k in
            let sum = g.omkostninger.filter { $0.kategori == k }.reduce(Decimal(0)) { $0 + $1.beloeb }
            return sum == 0 ? nil : Omkostningslinje(k, sum)
        }
        let indt = g.andreIndtaegter.reduce(Decimal(0)) { $0 + $1.beloeb }
        n.andreIndtaegter = indt == 0 ? [] : [Indtaegtslinje(tekst: "Andre indtægter", beloeb: indt)]
        n.reguleringer = Array(g.reguleringer.prefix(1))
        return n
    }

    /// Reads the "Takster" sheet; every row's takst is computed (and checked against a Takst
    /// column when it is filled in). All problems at once, by sheet, row and column.
    public static func laesTakster(_ t: CSVTabel) throws -> [Raekke] { try t.laesAlle(raekker) }

    /// A "Takster" row: one per tilbud, takstniveau and period.
    public static let raekker = Raekkeformat<Raekke>(
        format: format, talkolonner: talkolonner, laes: laesRaekke,
        noegle: { r in Dubletnoegle(.tekst(r.driftsherre), .tekst(r.tilbud), .tekst(r.niveau.navn), .tekst(r.niveau.periodestart)) },
        noeglekolonne: "takstniveau",
        dublet: { r, foerste in "'\(r.tilbud)' \(r.niveau.navn) fra \(r.niveau.periodestart) står også i række \(foerste)" })

    // The accepted spellings of the choice columns, built once (perf: building them for every row
    // was a tenth of a takster import).
    static let enheder: [String: Takstenhed] = Dictionary(Takstenhed.allCases.map { ($0.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        .merging(["doegntakst": .doegn, "dagtakst": .dag, "maanedstakst": .maaned, "aarstakst": .aar, "timetakst": .time,
                  "maaned": .maaned]) { a, _ in a }
    static let overheadmetoder = ["ingen": "ingen", "procent": "procent", "procent_af_direkte": "procent",
                                  "bruttoandel": "bruttoandel", "andel": "bruttoandel", "beloeb": "beloeb", "beloeb_kr": "beloeb"]
    static let afrundinger: [String: Afrunding] = ["hele_kroner": .heleKroner, "kroner": .heleKroner, "oere": .oere, "ore": .oere]

    static func laesRaekke(_ t: CSVTabel, _ r: (nummer: Int, celler: [String])) throws -> Raekke {
        func fejl(_ k: String, _ b: String) -> Importfejl { Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift(k), besked: b) }
        func tal(_ k: String) throws -> Decimal? { try t.tal(r, k, paakraevet: false) }
        func valg<T>(_ k: String, _ mulige: [String: T], standard: T?) throws -> T? {
            let v = CSVTabel.normaliser(t.celle(r.celler, k))
            if v.isEmpty { return standard }
            guard let x = mulige[v] else { throw fejl(k, "'\(t.celle(r.celler, k))' — brug \(mulige.keys.sorted().joined(separator: ", "))") }
            return x
        }
        let aar = try t.heltal(r, "aar", gyldige: Aarsinterval.gyldige)
        let enhed: Takstenhed = try valg("enhed", enheder, standard: .doegn)!
        var omkostninger: [Omkostningslinje] = []
        for k in Omkostningskategori.allCases {
            if let v = try tal(k.rawValue), v != 0 { omkostninger.append(Omkostningslinje(k, v)) }
        }
        let overheadVaerdi = try tal("overhead")
        let metode = try valg("overhead_metode", overheadmetoder, standard: overheadVaerdi == nil ? "ingen" : "procent")!
        let overhead: Overheadmetode
        switch (metode, overheadVaerdi) {
        case ("ingen", _): overhead = .ingen
        case (_, nil): throw fejl("overhead", "overhead-metoden '\(metode)' kræver et tal i kolonnen Overhead")
        case ("procent", let v?): overhead = .procentAfDirekte(v)
        case ("bruttoandel", let v?): overhead = .bruttoandel(v)
        default: overhead = .beloeb(overheadVaerdi!)
        }
        var reguleringer: [Regulering] = []
        if let resultat = try tal("over_underskud") {
            guard let ra = t.celle(r.celler, "regulering_aar").isEmpty ? nil : Int(t.celle(r.celler, "regulering_aar")) else {
                throw fejl("regulering_aar", "angiv hvilket års resultat der reguleres for")
            }
            reguleringer.append(Regulering(regnskabsaar: ra, overUnderskud: resultat, andel: try tal("regulering_andel") ?? 1,
                                           hensat: try tal("hensat"), indenforBaand: try tal("inden_for_baand")))
        }
        let afrunding: Afrunding = try valg("afrunding", afrundinger, standard: .heleKroner)!
        let grundlag = Takstgrundlag(
            omkostninger: omkostninger,
            andreIndtaegter: try tal("andre_indtaegter").map { [Indtaegtslinje(tekst: "Andre indtægter", beloeb: $0)] } ?? [],
            overhead: overhead, reguleringer: reguleringer, pladser: try t.tal(r, "pladser")!, enhed: enhed,
            enhederPrAar: try tal("dage"), belaegningsprocent: try t.tal(r, "belaegningsprocent")!, afrunding: afrunding)
        var basisYdelse: BasisYdelseGrundlag?
        if let basis = try tal("basisbudget") {
            guard let loen = try tal("timeloen") else { throw fejl("timeloen", "basis/ydelse kræver en effektiv timeløn") }
            basisYdelse = BasisYdelseGrundlag(basisbudget: basis, pladser: grundlag.pladser, belaegningsprocent: grundlag.belaegningsprocent,
                                              dage: grundlag.enhederPrAar ?? 365, effektivTimeloen: loen, timerPrDoegn: try tal("timer") ?? 8)
        }
        func dato(_ k: String) -> String? { t.celle(r.celler, k).isEmpty ? nil : t.celle(r.celler, k) }
        let niveau: Takstniveau
        do {
            // The period is checked here too, so a wrong date is reported by file, row and column.
            niveau = try Takstniveau(navn: try t.tekst(r, "takstniveau"), aar: aar, grundlag: grundlag, basisYdelse: basisYdelse,
                                     gyldigFra: dato("gyldig_fra"), kunForIndskrevetFra: dato("kun_nye_fra")).medKontrolleretPeriode()
        } catch let v as Valideringsfejl { throw fejl(v.felt, v.besked) }
        let beregnet: Kroner
        do { beregnet = try niveau.beregn().takst } catch let v as Valideringsfejl {
            throw fejl(v.felt == "dage" ? "dage" : v.felt, v.besked)
        } catch let l as Valideringsfejlliste {
            throw Importfejlliste(l.fejl.map { fejl($0.felt, $0.besked) })
        }
        if let angivet = try tal("takst"), angivet != beregnet {
            throw fejl("takst", "taksten i filen (\(DanskTal.formater(angivet, decimaler: afrunding.decimaler))) svarer ikke til den beregnede (\(DanskTal.formater(beregnet, decimaler: afrunding.decimaler))) — ret grundlaget eller tøm feltet")
        }
        let revisionsfelt = t.celle(r.celler, "revision")
        let revisionTekst = revisionsfelt.isEmpty ? revisionsfelt : revisionsfelt.replacingOccurrences(of: ",0", with: "")
        var revision: Int?
        if !revisionTekst.isEmpty {
            guard let v = Int(revisionTekst) else { throw fejl("revision", "'\(revisionTekst)' er ikke et revisionsnummer") }
            revision = v
        }
        return Raekke(raekke: r.nummer, driftsherre: try t.tekst(r, "driftsherre"), tilbud: try t.tekst(r, "tilbud"),
                      maalgruppe: try Indberetningsformat.maalgruppe(t, r, paakraevet: false),
                      paragraf: t.celle(r.celler, "paragraf").isEmpty ? nil : t.celle(r.celler, "paragraf"),
                      type: try Indberetningsformat.type(t, r, paakraevet: false), niveau: niveau, takst: beregnet, revision: revision)
    }
}
