import Foundation

/// Basistakst + ydelsestakst (DOMAIN.md 6.1; 002:1594–1798, Neurocenter Østerskoven).
public struct BasisYdelseGrundlag: Codable, Equatable, Sendable {
    public var basisbudget: Kroner
    public var pladser: Decimal
    public var belaegningsprocent: Decimal
    public var dage: Decimal
    /// Effektiv timeløn: wage incl. holidays, sickness and non-citizen time.
    public var effektivTimeloen: Kroner
    public var timerPrDoegn: Decimal

    public init(basisbudget: Kroner, pladser: Decimal, belaegningsprocent: Decimal, dage: Decimal = 365,
                effektivTimeloen: Kroner, timerPrDoegn: Decimal = 8) {
        self.basisbudget = basisbudget
        self.pladser = pladser
        self.belaegningsprocent = belaegningsprocent
        self.dage = dage
        self.effektivTimeloen = effektivTimeloen
        self.timerPrDoegn = timerPrDoegn
    }
}

public struct BasisYdelseResultat: Codable, Equatable, Sendable {
    public var antalDoegn: Decimal
    public var basistakstUafrundet: Decimal
    public var ydelsestimetakstUafrundet: Decimal
    public var ydelsestakstUafrundet: Decimal
    public var basistakst: Kroner
    public var ydelsestimetakst: Kroner
    public var ydelsestakst: Kroner
    /// The sum of the two rounded parts (3.355 + 3.671 = 7.026).
    public var takstIAlt: Kroner
}

public enum BasisYdelse {
    /// Each part is rounded to whole kroner from unrounded inputs; the ydelsestakst comes from
    /// the unrounded hourly rate (458,82 × 8 = 3.670,59 → 3.671, not 459 × 8). The hourly rate is
    /// the wage divided by the occupancy rate: 002:1686 says "multiplied", but only division
    /// reproduces the published figures (DOMAIN.md 11).
    public static func beregn(_ g: BasisYdelseGrundlag) throws -> BasisYdelseResultat {
        try Kontrol.ikkeNegativ(g.basisbudget, felt: "basisbudget", hvad: "basisbudgettet")
        try Kontrol.pladser(g.pladser)
        try Kontrol.belaegningsprocent(g.belaegningsprocent)
        try Kontrol.positiv(g.dage, felt: "dage", hvad: "antal dage pr. år")
        try Kontrol.ikkeNegativ(g.effektivTimeloen, felt: "timeloen", hvad: "timelønnen")
        try Kontrol.ikkeNegativ(g.timerPrDoegn, felt: "timer", hvad: "antal timer pr. døgn")
        let andel = g.belaegningsprocent.procentdel
        let doegn = g.pladser.gange(andel).gange(g.dage)
        let basis = g.basisbudget.delt(med: doegn)
        let timetakst = g.effektivTimeloen.delt(med: andel)
        let ydelse = timetakst.gange(g.timerPrDoegn)
        let basisRundet = Afrunding.heleKroner.afrund(basis)
        let ydelseRundet = Afrunding.heleKroner.afrund(ydelse)
        return BasisYdelseResultat(
            antalDoegn: doegn, basistakstUafrundet: basis, ydelsestimetakstUafrundet: timetakst,
            ydelsestakstUafrundet: ydelse, basistakst: basisRundet,
            ydelsestimetakst: Afrunding.heleKroner.afrund(timetakst), ydelsestakst: ydelseRundet,
            takstIAlt: basisRundet.plus(ydelseRundet))
    }
}

extension BasisYdelse {
    /// Basis + ydelse when the basistakst is given (an approved figure, not a budget): MH on
    /// Østerskoven, 002:2862–2882 — 3.187 + 6 × (390 / 0,97 → 402) = 5.599. The ydelsestakst is
    /// rounded from the unrounded hourly rate, as in `beregn`. Several services of one tilbud
    /// (§ 107 with STU: 2.487 + 569, 402 kr./time) are each computed with their own basistakst;
    /// without hours only the hourly rate is given (`ydelsestakst` and the total are then the basis).
    public static func medBasistakst(_ basistakst: Kroner, effektivTimeloen: Kroner, belaegningsprocent: Decimal,
                                     timerPrDoegn: Decimal) throws -> BasisYdelseResultat {
        try Kontrol.ikkeNegativ(basistakst, felt: "basistakst", hvad: "basistaksten")
        try Kontrol.belaegningsprocent(belaegningsprocent)
        try Kontrol.ikkeNegativ(effektivTimeloen, felt: "timeloen", hvad: "timelønnen")
        try Kontrol.ikkeNegativ(timerPrDoegn, felt: "timer", hvad: "antal timer pr. døgn")
        let timetakst = effektivTimeloen.delt(med: belaegningsprocent.procentdel)
        let ydelse = timetakst.gange(timerPrDoegn)
        let ydelseRundet = Afrunding.heleKroner.afrund(ydelse)
        return BasisYdelseResultat(
            antalDoegn: 0, basistakstUafrundet: basistakst, ydelsestimetakstUafrundet: timetakst,
            ydelsestakstUafrundet: ydelse, basistakst: basistakst,
            ydelsestimetakst: Afrunding.heleKroner.afrund(timetakst), ydelsestakst: ydelseRundet,
            takstIAlt: basistakst.plus(ydelseRundet))
    }
}
