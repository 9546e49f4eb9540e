import Foundation

/// The state's refusion for especially expensive single cases, SEL § 176 (DOMAIN.md 6.9;
/// 003:1763–1779): of a citizen's yearly net cost, 25 % of what lies between the first and the
/// second threshold, 50 % between the second and the third, and 75 % above the third. The
/// thresholds move every year, so they are a table; the rates are part of each row of it.
public struct Refusionstaerskler: Codable, Equatable, Sendable {
    /// Three ascending thresholds (price level of `aar`).
    public var graenser: [Kroner]
    /// The rate above each threshold (0,25; 0,5; 0,75).
    public var satser: [Decimal]
    public init(graenser: [Kroner], satser: [Decimal] = Refusionstaerskler.standardsatser) {
        self.graenser = graenser
        self.satser = satser
    }

    public static let standardsatser: [Decimal] = [Decimal(string: "0.25")!, Decimal(string: "0.5")!, Decimal(string: "0.75")!]

    /// Known levels. 2021 reproduces the four examples of 003:1769–1777 to the krone.
    public static let tabel: [Int: Refusionstaerskler] = [
        2021: Refusionstaerskler(graenser: [850_000, 1_660_000, 2_090_000]),
        2022: Refusionstaerskler(graenser: [860_000, 1_680_000, 2_120_000]),
    ]

    func valider(felt: String) throws {
        guard graenser.count == satser.count, !graenser.isEmpty else {
            throw Valideringsfejl(felt: felt, besked: "angiv lige mange grænser og satser (fik \(graenser.count) og \(satser.count))")
        }
        for (i, g) in graenser.enumerated() {
            try Kontrol.ikkeNegativ(g, felt: "\(felt).graenser[\(i + 1)]", hvad: "grænsen")
            if i > 0 && g <= graenser[i - 1] {
                throw Valideringsfejl(felt: "\(felt).graenser[\(i + 1)]", besked: "grænserne skal være stigende")
            }
        }
        for (i, s) in satser.enumerated() { try kontrollerAndel(s, felt: "\(felt).satser[\(i + 1)]") }
    }
}

public struct RefusionInput: Codable, Equatable, Sendable {
    public struct Udgift: Codable, Equatable, Sendable {
        public var tekst: String?
        /// Either a døgntakst (× `dage`) or the yearly cost directly.
        public var doegntakst: Kroner?
        public var dage: Decimal?
        public var helaarsudgift: Kroner?
        public init(tekst: String? = nil, doegntakst: Kroner? = nil, dage: Decimal? = nil, helaarsudgift: Kroner? = nil) {
            self.tekst = tekst
            self.doegntakst = doegntakst
            self.dage = dage
            self.helaarsudgift = helaarsudgift
        }
    }
    public var beskrivelse: String?
    public var aar: Int
    /// Overrides the built-in table (for a year it does not hold).
    public var taerskler: Refusionstaerskler?
    public var udgifter: [Udgift]

    public init(beskrivelse: String? = nil, aar: Int, taerskler: Refusionstaerskler? = nil, udgifter: [Udgift]) {
        self.beskrivelse = beskrivelse
        self.aar = aar
        self.taerskler = taerskler
        self.udgifter = udgifter
    }
}

public struct Refusionstrin: Codable, Equatable, Sendable {
    public var fra: Kroner
    public var til: Kroner?
    public var sats: Decimal
    public var grundlag: Kroner
    public var refusion: Kroner
}

public struct Refusionsraekke: Codable, Equatable, Sendable {
    public var tekst: String?
    public var doegntakst: Kroner?
    public var helaarsudgift: Kroner
    public var trin: [Refusionstrin]
    public var refusion: Kroner
    public var nettoudgift: Kroner
}

public struct RefusionResultat: Codable, Equatable, Sendable {
    public var aar: Int
    public var taerskler: Refusionstaerskler
    public var raekker: [Refusionsraekke]
}

public enum Refusion {
    public static func taerskler(aar: Int) throws -> Refusionstaerskler {
        guard let t = Refusionstaerskler.tabel[aar] else {
            let kendte = Refusionstaerskler.tabel.keys.sorted().map(String.init).joined(separator: ", ")
            throw Valideringsfejl(felt: "aar", besked: "der er ingen refusionsgrænser for \(aar) (kendte år: \(kendte)) — angiv dem i feltet taerskler")
        }
        return t
    }

    /// Refusion of one yearly cost, step by step.
    public static func refusion(helaarsudgift: Kroner, taerskler t: Refusionstaerskler) -> (refusion: Kroner, trin: [Refusionstrin]) {
        var trin: [Refusionstrin] = []
        for (i, fra) in t.graenser.enumerated() {
            let til = i + 1 < t.graenser.count ? t.graenser[i + 1] : nil
            let top = til.map { min($0, helaarsudgift) } ?? helaarsudgift
            let grundlag = max(0, top - fra)
            trin.append(Refusionstrin(fra: fra, til: til, sats: t.satser[i], grundlag: grundlag, refusion: grundlag * t.satser[i]))
        }
        return (trin.reduce(0) { $0 + $1.refusion }, trin)
    }

    public static func beregn(_ i: RefusionInput) throws -> RefusionResultat {
        let t = try i.taerskler ?? taerskler(aar: i.aar)
        try t.valider(felt: "taerskler")
        guard !i.udgifter.isEmpty else { throw Valideringsfejl(felt: "udgifter", besked: "angiv mindst én udgift") }
        let raekker = try i.udgifter.enumerated().map { n, u -> Refusionsraekke in
            let f = "udgifter[\(n + 1)]"
            let udgift: Kroner
            switch (u.doegntakst, u.helaarsudgift) {
            case (let d?, nil):
                try Kontrol.ikkeNegativ(d, felt: "\(f).doegntakst", hvad: "døgntaksten")
                let dage = u.dage ?? 365
                try Kontrol.positiv(dage, felt: "\(f).dage", hvad: "antal dage")
                udgift = d * dage
            case (nil, let h?):
                udgift = h
            case (_?, _?):
                throw Valideringsfejl(felt: f, besked: "angiv enten døgntakst eller helårsudgift — ikke begge")
            case (nil, nil):
                throw Valideringsfejl(felt: f, besked: "angiv en døgntakst eller en helårsudgift")
            }
            try Kontrol.ikkeNegativ(udgift, felt: "\(f).helaarsudgift", hvad: "helårsudgiften")
            let r = refusion(helaarsudgift: udgift, taerskler: t)
            return Refusionsraekke(tekst: u.tekst, doegntakst: u.doegntakst, helaarsudgift: udgift, trin: r.trin,
                                   refusion: r.refusion, nettoudgift: udgift - r.refusion)
        }
        return RefusionResultat(aar: i.aar, taerskler: t, raekker: raekker)
    }
}
