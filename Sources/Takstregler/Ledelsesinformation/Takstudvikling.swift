import Foundation

/// One driftsherre's regnskab figures for one year: belægning in helårspladser and årets
/// omkostninger (tillægstakster excluded, DOMAIN.md 6.5).
public struct Regnskabstal: Codable, Equatable, Sendable {
    public var belaegning: Decimal
    public var regnskab: Kroner
    public init(belaegning: Decimal, regnskab: Kroner) {
        self.belaegning = belaegning
        self.regnskab = regnskab
    }
    public static let nul = Regnskabstal(belaegning: 0, regnskab: 0)
    public var erTom: Bool { belaegning == 0 }
    /// Gennemsnitspris pr. plads = regnskab / belægning; nil for an empty year.
    public var gennemsnitspris: Kroner? { erTom ? nil : regnskab / belaegning }
    public static func + (a: Regnskabstal, b: Regnskabstal) -> Regnskabstal {
        Regnskabstal(belaegning: a.belaegning + b.belaegning, regnskab: a.regnskab + b.regnskab)
    }
}

/// Ledelsesinformation tabel 1: takstudvikling på regnskab per driftsherre (DOMAIN.md 6.5,
/// 001:8873–8911). The earlier year is restated in the later year's prices.
public enum Takstudvikling {
    public struct Raekke: Codable, Equatable, Sendable {
        public var driftsherre: String
        /// The earlier year, already in the later year's prices.
        public var fra: Regnskabstal
        public var til: Regnskabstal
        public var gnsPrisFra: Kroner?
        public var gnsPrisTil: Kroner?
        /// In percent, unrounded; nil when the earlier year is empty (no base to compare with).
        public var udviklingPct: Decimal?
    }

    public static let iAlt = "I alt"

    /// Rows in the given order and a last `I alt` row (sums, then the average price of the sums).
    public static func tabel(_ input: [(driftsherre: String, fra: Regnskabstal, til: Regnskabstal)],
                             plFaktor: Decimal = 1) -> [Raekke] {
        var raekker = input.map { raekke($0.driftsherre, fra: $0.fra, til: $0.til, plFaktor: plFaktor) }
        let fra = input.reduce(Regnskabstal.nul) { $0 + $1.fra }
        let til = input.reduce(Regnskabstal.nul) { $0 + $1.til }
        raekker.append(raekke(iAlt, fra: fra, til: til, plFaktor: plFaktor))
        return raekker
    }

    static func raekke(_ navn: String, fra raa: Regnskabstal, til: Regnskabstal, plFaktor: Decimal) -> Raekke {
        let fra = Regnskabstal(belaegning: raa.belaegning, regnskab: raa.regnskab * plFaktor)
        return Raekke(driftsherre: navn, fra: fra, til: til, gnsPrisFra: fra.gennemsnitspris, gnsPrisTil: til.gennemsnitspris,
                      udviklingPct: udvikling(fra: fra, til: til))
    }

    /// gns(til) / gns(fra) − 1 in percent. A driftsherre with no tilbud in either year shows
    /// 0,0 % (DOMAIN.md 6.5); one whose later year is empty fell by 100 %; an empty earlier year
    /// has no base, so there is no figure.
    public static func udvikling(fra: Regnskabstal, til: Regnskabstal) -> Decimal? {
        switch (fra.gennemsnitspris, til.gennemsnitspris) {
        case (nil, nil): return 0
        case (.some, nil): return -100
        case (nil, .some): return nil
        case let (.some(a), .some(b)): return a == 0 ? nil : (b / a - 1) * 100
        }
    }
}

/// Ledelsesinformation tabel 2 and 3: an amount per driftsherre in two years with a total —
/// over/underskud and tillægsydelser (incl. indskrivning over 100 %, an indicator of hidden
/// takst increases). The earlier year is restated in the later year's prices.
public enum ToAarsoversigt {
    public struct Raekke: Codable, Equatable, Sendable {
        public var driftsherre: String
        public var fra: Kroner
        public var til: Kroner
    }

    public static func tabel(_ input: [(driftsherre: String, fra: Kroner, til: Kroner)], plFaktor: Decimal = 1) -> [Raekke] {
        var r = input.map { Raekke(driftsherre: $0.driftsherre, fra: $0.fra * plFaktor, til: $0.til) }
        r.append(Raekke(driftsherre: Takstudvikling.iAlt, fra: r.reduce(0) { $0 + $1.fra }, til: r.reduce(0) { $0 + $1.til }))
        return r
    }
}
