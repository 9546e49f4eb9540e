import Foundation

/// Cost categories of the finansieringsbekendtgørelse § 2 and the styringsaftale (002:1667–1679).
public enum Omkostningskategori: String, Codable, Sendable, CaseIterable {
    case personale
    case borgerrelaterede = "borgerrelaterede_udgifter"
    case kompetenceudvikling
    case afskrivninger = "afskrivninger_kapital"
    case ejendom = "ejendomsomkostninger"
    case administration
    case finansiering = "finansieringsudgifter"
    case tjenestemandspension = "tjenestemandspensioner"
    case oevrige = "oevrige"

    public var tekst: String {
        switch self {
        case .personale: return "Personaleomkostninger"
        case .borgerrelaterede: return "Borgerrelaterede udgifter/aktivitetsomkostninger"
        case .kompetenceudvikling: return "Kompetenceudvikling"
        case .afskrivninger: return "Afskrivninger og øvrige kapitalomkostninger"
        case .ejendom: return "Ejendomsomkostninger"
        case .administration: return "Administrationsomkostninger"
        case .finansiering: return "Finansieringsudgifter"
        case .tjenestemandspension: return "Tjenestemandspensioner"
        case .oevrige: return "Øvrige omkostninger"
        }
    }
}

/// One budgeted cost line.
public struct Omkostningslinje: Codable, Equatable, Sendable {
    public var kategori: Omkostningskategori
    /// The wording of the source or the form; defaults to the category's name.
    public var tekst: String
    public var beloeb: Kroner

    public init(_ kategori: Omkostningskategori, _ beloeb: Kroner, tekst: String? = nil) {
        self.kategori = kategori
        self.beloeb = beloeb
        self.tekst = tekst ?? kategori.tekst
    }
}

/// One other income that reduces what the takst must finance.
public struct Indtaegtslinje: Codable, Equatable, Sendable {
    public var tekst: String
    public var beloeb: Kroner
    public init(tekst: String, beloeb: Kroner) {
        self.tekst = tekst
        self.beloeb = beloeb
    }
}

/// How overhead is added — a parameter per region and year (DOMAIN.md 6.1).
public enum Overheadmetode: Codable, Equatable, Sendable {
    /// No overhead (already in the cost lines, e.g. Østerskoven's administration line).
    case ingen
    /// A percentage of the net direct costs (cost lines less other income).
    case procentAfDirekte(Decimal)
    /// A share of the total: overhead = p × (drift + overhead), i.e. drift × p / (1 − p).
    /// The only method that fits 001:193–258.
    case bruttoandel(Decimal)
    /// A concrete amount.
    case beloeb(Kroner)

    /// The overhead on `drift` (net direct costs).
    public func overhead(paa drift: Kroner) -> Kroner {
        switch self {
        case .ingen: return 0
        case .procentAfDirekte(let p): return drift.gange(p.procentdel)
        case .bruttoandel(let p): return drift.gange(p.procentdel).delt(med: Decimal(1).minus(p.procentdel))
        case .beloeb(let b): return b
        }
    }

    public var tekst: String {
        switch self {
        case .ingen: return "Ingen overhead"
        case .procentAfDirekte(let p):
            return Self.tekster.tekst(p, brutto: false) { "Overhead \(DanskTal.formaterKort(p)) % af direkte omkostninger" }
        case .bruttoandel(let p):
            return Self.tekster.tekst(p, brutto: true) { "Overhead \(DanskTal.formaterKort(p)) % af de samlede omkostninger (bruttoandel)" }
        case .beloeb: return "Overhead (beløb)"
        }
    }

    /// The texts of the few percentages in use, made once: formatting a Decimal for this line
    /// was a quarter of recomputing every takst (perf, issue "Ydeevne: foran DuckDB og pandas" 3).
    private static let tekster = Overheadtekster()
}

/// A small memo of overhead texts, shared by the cores that recompute takster.
private final class Overheadtekster: @unchecked Sendable {
    private struct Noegle: Hashable { let procent: Decimal; let brutto: Bool }
    private let laas = NSLock()
    private var memo: [Noegle: String] = [:]

    func tekst(_ p: Decimal, brutto: Bool, _ lav: () -> String) -> String {
        let k = Noegle(procent: p, brutto: brutto)
        if let t = laas.withLock({ memo[k] }) { return t }
        let t = lav()
        laas.withLock {
            if memo.count > 10_000 { memo.removeAll() }  // bounded: a sweep of odd values cannot grow it forever
            memo[k] = t
        }
        return t
    }
}

/// An earlier year's over/underskud carried into this takst (DOMAIN.md 6.2: year y into y+2).
public struct Regulering: Codable, Equatable, Sendable {
    /// The accounting year whose result is carried.
    public var regnskabsaar: Int
    /// Over/underskud of that year: positive is a surplus, which lowers the takst.
    public var overUnderskud: Kroner
    /// The fraction carried (1 = all; 004:146–149 carried half).
    public var andel: Decimal
    /// Part of a surplus kept as a provision instead (already deducted from `overUnderskud`).
    public var hensat: Kroner?
    /// Under the 5 % band (DOMAIN.md 6.2): the part of the result within the band, which the
    /// driftsherre keeps (surplus) or bears (deficit) itself — already deducted from `overUnderskud`.
    public var indenforBaand: Kroner?

    public init(regnskabsaar: Int, overUnderskud: Kroner, andel: Decimal = 1, hensat: Kroner? = nil, indenforBaand: Kroner? = nil) {
        self.regnskabsaar = regnskabsaar
        self.overUnderskud = overUnderskud
        self.andel = andel
        self.hensat = hensat
        self.indenforBaand = indenforBaand
    }

    /// The amount added to the grundlag: a surplus is given back, a deficit recovered.
    public var beloeb: Kroner { (-overUnderskud).gange(andel) }
}

/// The unit a takst is expressed in (DOMAIN.md 4).
public enum Takstenhed: String, Codable, Sendable, CaseIterable {
    case doegn, dag, maaned, aar, time

    /// Units per place per year when nothing else is agreed; nil where it must be given
    /// (dag and time depend on the tilbud's opening hours).
    public var standardPrAar: Decimal? {
        switch self {
        case .doegn: return 365
        case .maaned: return 12
        case .aar: return 1
        case .dag, .time: return nil
        }
    }

    public var tekst: String {
        switch self {
        case .doegn: return "døgntakst"
        case .dag: return "dagtakst"
        case .maaned: return "månedstakst"
        case .aar: return "årstakst"
        case .time: return "timetakst"
        }
    }

    public var enhedsnavn: String {
        switch self {
        case .doegn: return "døgn"
        case .dag: return "dage"
        case .maaned: return "måneder"
        case .aar: return "år"
        case .time: return "timer"
        }
    }
}

/// Everything one takstniveau's takst is computed from (DOMAIN.md 6.1): stored as it was
/// submitted, so every published takst can be recomputed and explained.
public struct Takstgrundlag: Codable, Equatable, Sendable {
    public var omkostninger: [Omkostningslinje]
    public var andreIndtaegter: [Indtaegtslinje]
    public var overhead: Overheadmetode
    public var reguleringer: [Regulering]
    public var pladser: Decimal
    public var enhed: Takstenhed
    /// Units per place per year (365 døgn); nil means the unit's standard.
    public var enhederPrAar: Decimal?
    /// In percent, (0; 100].
    public var belaegningsprocent: Decimal
    public var afrunding: Afrunding

    public init(omkostninger: [Omkostningslinje], andreIndtaegter: [Indtaegtslinje] = [],
                overhead: Overheadmetode = .ingen, reguleringer: [Regulering] = [],
                pladser: Decimal, enhed: Takstenhed = .doegn, enhederPrAar: Decimal? = nil,
                belaegningsprocent: Decimal, afrunding: Afrunding = .heleKroner) {
        self.omkostninger = omkostninger
        self.andreIndtaegter = andreIndtaegter
        self.overhead = overhead
        self.reguleringer = reguleringer
        self.pladser = pladser
        self.enhed = enhed
        self.enhederPrAar = enhederPrAar
        self.belaegningsprocent = belaegningsprocent
        self.afrunding = afrunding
    }
}
