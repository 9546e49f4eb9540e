import Foundation

/// The socialtilsyn's two departments (DOMAIN.md 6.7): tilbud are financed by takster, plejefamilier
/// by objektiv finansiering. `faelles` marks a common cost (rent, IT, management) that is shared
/// between them by a parameter — Nord puts 55 % of its fixed costs on plejefamilieafdelingen in
/// 2024 (004:422–424) and 45 % on tilbudsafdelingen (004:453–454).
public enum Socialtilsynsafdeling: String, Codable, Sendable, CaseIterable {
    case tilbud = "tilbudsafdeling"
    case pleje = "plejefamilieafdeling"
    case faelles

    public var tekst: String {
        switch self {
        case .tilbud: return "Tilbudsafdelingen"
        case .pleje: return "Plejefamilieafdelingen"
        case .faelles: return "Fælles"
        }
    }
}

/// One budget line: personale, grundkurser, kontorhold, husleje, rengøring, el/vand/varme, IT …
/// (001:193–258).
public struct SocialtilsynBudgetlinje: Codable, Equatable, Sendable {
    public var tekst: String
    public var afdeling: Socialtilsynsafdeling
    public var beloeb: Kroner
    public init(tekst: String, afdeling: Socialtilsynsafdeling, beloeb: Kroner) {
        self.tekst = tekst
        self.afdeling = afdeling
        self.beloeb = beloeb
    }
}

/// Dimensionering (001:33–37, 598–600): hours per task × number of tasks → hours → årsværk →
/// wage budget. The five socialtilsyn share the tasks and time estimates; counts and wages are local.
public struct Dimensionering: Codable, Equatable, Sendable {
    public struct Opgave: Codable, Equatable, Sendable {
        public var navn: String
        public var afdeling: Socialtilsynsafdeling
        public var timerPrOpgave: Decimal
        public var antal: Decimal
        public init(navn: String, afdeling: Socialtilsynsafdeling, timerPrOpgave: Decimal, antal: Decimal) {
            self.navn = navn
            self.afdeling = afdeling
            self.timerPrOpgave = timerPrOpgave
            self.antal = antal
        }
    }
    public var opgaver: [Opgave]
    /// Productive hours one årsværk delivers in a year.
    public var timerPrAarsvaerk: Decimal
    /// Gross cost per årsværk (Midt 2021: 0,579 mio. kr., 001:245–247).
    public var loenPrAarsvaerk: Kroner

    public init(opgaver: [Opgave], timerPrAarsvaerk: Decimal, loenPrAarsvaerk: Kroner) {
        self.opgaver = opgaver
        self.timerPrAarsvaerk = timerPrAarsvaerk
        self.loenPrAarsvaerk = loenPrAarsvaerk
    }
}

/// How overhead is added, in JSON-friendly form; maps to `Overheadmetode`. Midt adds 5,4 % as a
/// share of the total (gross-up): 50,8 mio. drift + 2,9 overhead = 53,7 (001:193–258).
public struct OverheadParameter: Codable, Equatable, Sendable {
    public enum Metode: String, Codable, Sendable {
        case bruttoandel
        case procentAfDirekte = "procent_af_direkte"
        case beloeb
    }
    public var metode: Metode
    /// Percent for the two percentage methods, kroner for `beloeb`.
    public var vaerdi: Decimal
    public init(metode: Metode, vaerdi: Decimal) {
        self.metode = metode
        self.vaerdi = vaerdi
    }

    public var overheadmetode: Overheadmetode {
        switch metode {
        case .bruttoandel: return .bruttoandel(vaerdi)
        case .procentAfDirekte: return .procentAfDirekte(vaerdi)
        case .beloeb: return .beloeb(vaerdi)
        }
    }
}

/// A year's result carried into the budget two years later (DOMAIN.md 6.2; 004:331–333: the 2021
/// surplus went into budget 2023; 004:146–149: half of the 2022 surplus of 501.980 kr, 250.990 kr,
/// went into budget 2024).
public struct Resultatoverfoersel: Codable, Equatable, Sendable {
    public var regnskabsaar: Int
    /// Positive = surplus (lowers the budget to be financed), negative = deficit.
    public var overUnderskud: Kroner
    /// Fraction carried, in [0; 1]; default 1.
    public var andel: Decimal?
    /// Fraction of the carried amount that goes to plejefamilieafdelingen; default: in proportion to
    /// the departments' budgets before regulation.
    public var andelPlejefamilieafdeling: Decimal?

    public init(regnskabsaar: Int, overUnderskud: Kroner, andel: Decimal? = nil, andelPlejefamilieafdeling: Decimal? = nil) {
        self.regnskabsaar = regnskabsaar
        self.overUnderskud = overUnderskud
        self.andel = andel
        self.andelPlejefamilieafdeling = andelPlejefamilieafdeling
    }
}

/// The budget part of `SocialtilsynInput`: either detailed lines (optionally with dimensionering)
/// and overhead, or the two department totals as published (drift + overhead).
public struct SocialtilsynBudgetInput: Codable, Equatable, Sendable {
    public var linjer: [SocialtilsynBudgetlinje]?
    public var dimensionering: Dimensionering?
    /// Share in [0; 1] of the `faelles` lines that goes to plejefamilieafdelingen.
    public var faellesAndelPlejefamilieafdeling: Decimal?
    public var overhead: OverheadParameter?
    public var tilbudsafdeling: Kroner?
    public var plejefamilieafdeling: Kroner?
    public var overfoersler: [Resultatoverfoersel]?

    public init(linjer: [SocialtilsynBudgetlinje]? = nil, dimensionering: Dimensionering? = nil,
                faellesAndelPlejefamilieafdeling: Decimal? = nil, overhead: OverheadParameter? = nil,
                tilbudsafdeling: Kroner? = nil, plejefamilieafdeling: Kroner? = nil, overfoersler: [Resultatoverfoersel]? = nil) {
        self.linjer = linjer
        self.dimensionering = dimensionering
        self.faellesAndelPlejefamilieafdeling = faellesAndelPlejefamilieafdeling
        self.overhead = overhead
        self.tilbudsafdeling = tilbudsafdeling
        self.plejefamilieafdeling = plejefamilieafdeling
        self.overfoersler = overfoersler
    }
}

public struct Dimensioneringsresultat: Codable, Equatable, Sendable {
    public struct Opgavetimer: Codable, Equatable, Sendable {
        public var navn: String
        public var afdeling: Socialtilsynsafdeling
        public var timer: Decimal
    }
    public var opgaver: [Opgavetimer]
    public var timerTilbud: Decimal
    public var timerPleje: Decimal
    public var aarsvaerkTilbud: Decimal
    public var aarsvaerkPleje: Decimal
    public var aarsvaerkIAlt: Decimal
    public var loenTilbud: Kroner
    public var loenPleje: Kroner
}

public struct Afdelingsbudget: Codable, Equatable, Sendable {
    public var afdeling: Socialtilsynsafdeling
    /// Direct costs incl. its share of common lines; nil when only the total was given.
    public var drift: Kroner?
    public var overhead: Kroner?
    public var foerRegulering: Kroner
    public var regulering: Kroner
    /// What the department's takster or objektiv finansiering must finance.
    public var budget: Kroner
}

public struct Reguleringsresultat: Codable, Equatable, Sendable {
    public var regnskabsaar: Int
    public var overUnderskud: Kroner
    public var andel: Decimal
    /// Added to the budget: a surplus is given back (negative), a deficit recovered.
    public var beloeb: Kroner
    public var tilTilbudsafdeling: Kroner
    public var tilPlejefamilieafdeling: Kroner
}

public struct SocialtilsynBudgetresultat: Codable, Equatable, Sendable {
    public var dimensionering: Dimensioneringsresultat?
    public var tilbudsafdeling: Afdelingsbudget
    public var plejefamilieafdeling: Afdelingsbudget
    public var reguleringer: [Reguleringsresultat]
    public var iAlt: Kroner
}

public enum SocialtilsynBudget {
    public static func beregn(_ b: SocialtilsynBudgetInput, budgetaar: Int, felt: String = "budget") throws -> SocialtilsynBudgetresultat {
        let harLinjer = !(b.linjer ?? []).isEmpty || b.dimensionering != nil
        let harTotaler = b.tilbudsafdeling != nil || b.plejefamilieafdeling != nil
        if harLinjer && harTotaler {
            throw Valideringsfejl(felt: felt, besked: "angiv enten budgetlinjer (og dimensionering) eller de to afdelingers budget — ikke begge")
        }
        var tilbud: (drift: Kroner?, overhead: Kroner?, brutto: Kroner)
        var pleje: (drift: Kroner?, overhead: Kroner?, brutto: Kroner)
        var dim: Dimensioneringsresultat?
        if harLinjer {
            var dT: Kroner = 0, dP: Kroner = 0, faelles: Kroner = 0
            for (i, l) in (b.linjer ?? []).enumerated() {
                try Kontrol.ikkeNegativ(l.beloeb, felt: "\(felt).linjer[\(i + 1)].beloeb", hvad: "beløbet for \(l.tekst)")
                switch l.afdeling {
                case .tilbud: dT += l.beloeb
                case .pleje: dP += l.beloeb
                case .faelles: faelles += l.beloeb
                }
            }
            if let d = b.dimensionering {
                let r = try dimensioner(d, felt: "\(felt).dimensionering")
                dim = r
                dT += r.loenTilbud
                dP += r.loenPleje
            }
            if faelles != 0 {
                guard let a = b.faellesAndelPlejefamilieafdeling else {
                    throw Valideringsfejl(felt: "\(felt).faellesAndelPlejefamilieafdeling",
                                          besked: "der er fælles budgetlinjer — angiv hvor stor en andel (0-1) plejefamilieafdelingen bærer")
                }
                try andel(a, felt: "\(felt).faellesAndelPlejefamilieafdeling")
                dP += faelles * a
                dT += faelles * (1 - a)
            }
            let metode = b.overhead?.overheadmetode ?? .ingen
            if case .bruttoandel(let p) = metode, p < 0 || p >= 100 {
                throw Valideringsfejl(felt: "\(felt).overhead.vaerdi", besked: "overheadprocenten skal være mellem 0 og 100 (fik \(DanskTal.formaterKort(p)))")
            }
            if case .procentAfDirekte(let p) = metode, p < 0 {
                throw Valideringsfejl(felt: "\(felt).overhead.vaerdi", besked: "overheadprocenten må ikke være negativ")
            }
            // A concrete overhead amount is shared like the drift; percentages apply per department.
            let (oT, oP): (Kroner, Kroner)
            if case .beloeb(let x) = metode {
                let sum = dT + dP
                oP = sum == 0 ? 0 : x * dP / sum
                oT = x - oP
            } else {
                oT = metode.overhead(paa: dT)
                oP = metode.overhead(paa: dP)
            }
            tilbud = (dT, oT, dT + oT)
            pleje = (dP, oP, dP + oP)
        } else {
            guard let t = b.tilbudsafdeling, let p = b.plejefamilieafdeling else {
                throw Valideringsfejl(felt: felt, besked: "angiv budgetlinjer, eller både tilbudsafdelingens og plejefamilieafdelingens budget")
            }
            try Kontrol.ikkeNegativ(t, felt: "\(felt).tilbudsafdeling", hvad: "tilbudsafdelingens budget")
            try Kontrol.ikkeNegativ(p, felt: "\(felt).plejefamilieafdeling", hvad: "plejefamilieafdelingens budget")
            tilbud = (nil, nil, t)
            pleje = (nil, nil, p)
        }

        var reguleringer: [Reguleringsresultat] = []
        for (i, o) in (b.overfoersler ?? []).enumerated() {
            let f = "\(felt).overfoersler[\(i + 1)]"
            guard o.regnskabsaar + 2 == budgetaar else {
                throw Valideringsfejl(felt: "\(f).regnskabsaar",
                                      besked: "resultatet for \(o.regnskabsaar) indregnes i budget \(o.regnskabsaar + 2), ikke \(budgetaar) (over/underskud år y indgår i år y+2)")
            }
            let a = o.andel ?? 1
            try andel(a, felt: "\(f).andel")
            let beloeb = -o.overUnderskud * a
            let aP: Decimal
            if let x = o.andelPlejefamilieafdeling {
                try andel(x, felt: "\(f).andelPlejefamilieafdeling")
                aP = x
            } else {
                let sum = tilbud.brutto + pleje.brutto
                aP = sum == 0 ? 0 : pleje.brutto / sum
            }
            let tilPleje = beloeb * aP
            reguleringer.append(Reguleringsresultat(regnskabsaar: o.regnskabsaar, overUnderskud: o.overUnderskud, andel: a, beloeb: beloeb,
                                                    tilTilbudsafdeling: beloeb - tilPleje, tilPlejefamilieafdeling: tilPleje))
        }
        let rT = reguleringer.reduce(Decimal(0)) { $0 + $1.tilTilbudsafdeling }
        let rP = reguleringer.reduce(Decimal(0)) { $0 + $1.tilPlejefamilieafdeling }
        let t = Afdelingsbudget(afdeling: .tilbud, drift: tilbud.drift, overhead: tilbud.overhead, foerRegulering: tilbud.brutto,
                                regulering: rT, budget: tilbud.brutto + rT)
        let p = Afdelingsbudget(afdeling: .pleje, drift: pleje.drift, overhead: pleje.overhead, foerRegulering: pleje.brutto,
                                regulering: rP, budget: pleje.brutto + rP)
        return SocialtilsynBudgetresultat(dimensionering: dim, tilbudsafdeling: t, plejefamilieafdeling: p,
                                          reguleringer: reguleringer, iAlt: t.budget + p.budget)
    }

    /// Hours per task × tasks → årsværk per department → wage budget (årsværk × wage per årsværk).
    public static func dimensioner(_ d: Dimensionering, felt: String = "dimensionering") throws -> Dimensioneringsresultat {
        try Kontrol.positiv(d.timerPrAarsvaerk, felt: "\(felt).timerPrAarsvaerk", hvad: "antal timer pr. årsværk")
        try Kontrol.ikkeNegativ(d.loenPrAarsvaerk, felt: "\(felt).loenPrAarsvaerk", hvad: "lønnen pr. årsværk")
        var opgaver: [Dimensioneringsresultat.Opgavetimer] = []
        var tT: Decimal = 0, tP: Decimal = 0
        for (i, o) in d.opgaver.enumerated() {
            try Kontrol.ikkeNegativ(o.timerPrOpgave, felt: "\(felt).opgaver[\(i + 1)].timerPrOpgave", hvad: "timer pr. opgave")
            try Kontrol.ikkeNegativ(o.antal, felt: "\(felt).opgaver[\(i + 1)].antal", hvad: "antal opgaver")
            let timer = o.timerPrOpgave * o.antal
            switch o.afdeling {
            case .tilbud: tT += timer
            case .pleje: tP += timer
            case .faelles:
                throw Valideringsfejl(felt: "\(felt).opgaver[\(i + 1)].afdeling",
                                      besked: "en opgave hører til tilbudsafdelingen eller plejefamilieafdelingen, ikke 'faelles'")
            }
            opgaver.append(.init(navn: o.navn, afdeling: o.afdeling, timer: timer))
        }
        let aT = tT / d.timerPrAarsvaerk, aP = tP / d.timerPrAarsvaerk
        return Dimensioneringsresultat(opgaver: opgaver, timerTilbud: tT, timerPleje: tP, aarsvaerkTilbud: aT, aarsvaerkPleje: aP,
                                       aarsvaerkIAlt: aT + aP, loenTilbud: aT * d.loenPrAarsvaerk, loenPleje: aP * d.loenPrAarsvaerk)
    }

    static func andel(_ a: Decimal, felt: String) throws {
        guard a >= 0, a <= 1 else {
            throw Valideringsfejl(felt: felt, besked: "andelen skal være mellem 0 og 1 (fik \(DanskTal.formaterKort(a, maksDecimaler: 4)))")
        }
    }
}
