import Foundation

/// Carrying a year's approved over/underskud into the takst two years later (DOMAIN.md 6.2;
/// 001:8656). A surplus may partly be kept as a provision (hensættelse) up to a threshold of the
/// grundlag, and only a fraction may be carried (004:146–149 carried half).
public enum Efterregulering {
    /// The year whose result enters a takst for `takstaar`.
    public static func regnskabsaar(forTakstaar takstaar: Int) -> Int { takstaar - 2 }

    public struct Valg: Codable, Equatable, Sendable {
        /// Kept as a provision (only from a surplus), in kroner.
        public var hensaettelse: Kroner
        /// Fraction of the rest carried into the takst (1 = all).
        public var andel: Decimal
        public init(hensaettelse: Kroner = 0, andel: Decimal = 1) {
            self.hensaettelse = hensaettelse
            self.andel = andel
        }
    }

    /// How much of a year's result is carried (a parameter per region and year, DOMAIN.md 6.2).
    public enum Princip: String, Codable, Equatable, Sendable, CaseIterable {
        /// Carry the whole result (the default, and what every fixture shows).
        case helt
        /// The finansieringsbekendtgørelse's band: the driftsherre keeps the first 5 % of a surplus
        /// and bears the first 5 % of a deficit (of the grundlag); only the part beyond is carried.
        case femProcentsbaand = "fem_procents_baand"

        public var tekst: String {
            switch self {
            case .helt: return "hele resultatet fremføres"
            case .femProcentsbaand: return "kun resultatet ud over 5 % af grundlaget fremføres"
            }
        }
    }

    /// The part of `resultat` beyond the band of `baandPct` % of `grundlag` (same sign as the
    /// result; 0 inside the band). Grundlag 10 mio., deficit 0,3 mio. → 0; deficit 0,8 mio. → −0,3 mio.
    public static func udOverBaand(_ resultat: Kroner, grundlag: Kroner, baandPct: Decimal = 5) -> Kroner {
        let baand = grundlag * baandPct.procentdel
        if resultat > baand { return resultat - baand }
        if resultat < -baand { return resultat + baand }
        return 0
    }

    /// The regulation line for the takst; nil when there is nothing to carry.
    /// - Parameters:
    ///   - resultat: over/underskud of the year (positive = surplus).
    ///   - grundlag: the year's grundlag (årets omkostninger), for the provision threshold.
    ///   - graensePct: the provision threshold in percent of the grundlag (parameter, default 5).
    ///   - princip: whole result, or only the part beyond the 5 % band (`baandPct` of the grundlag).
    public static func regulering(regnskabsaar: Int, resultat: Kroner, grundlag: Kroner, valg: Valg = Valg(),
                                  graensePct: Decimal = 5, princip: Princip = .helt, baandPct: Decimal = 5) throws -> Regulering? {
        guard valg.andel >= 0, valg.andel <= 1 else {
            throw Valideringsfejl(felt: "andel", besked: "andelen skal være mellem 0 og 1 (fik \(DanskTal.formaterKort(valg.andel)))")
        }
        guard valg.hensaettelse >= 0 else {
            throw Valideringsfejl(felt: "hensaettelse", besked: "hensættelsen må ikke være negativ")
        }
        if valg.hensaettelse > 0 {
            guard resultat > 0 else {
                throw Valideringsfejl(felt: "hensaettelse", besked: "der kan kun hensættes af et overskud")
            }
            let loft = grundlag * graensePct / 100
            guard valg.hensaettelse <= min(loft, resultat) else {
                throw Valideringsfejl(felt: "hensaettelse", besked: "højst \(DanskTal.formater(min(loft, resultat), decimaler: 0)) kr. kan hensættes (\(DanskTal.formaterKort(graensePct)) % af grundlaget, højst overskuddet)")
            }
        }
        let efterHensaettelse = resultat - valg.hensaettelse
        let rest: Kroner, baand: Kroner?
        switch princip {
        case .helt:
            (rest, baand) = (efterHensaettelse, nil)
        case .femProcentsbaand:
            guard valg.hensaettelse == 0 else {
                throw Valideringsfejl(felt: "hensaettelse", besked: "med 5 %-båndet beholder driftsherren selv overskuddet inden for båndet; der hensættes ikke derudover")
            }
            let ud = udOverBaand(resultat, grundlag: grundlag, baandPct: baandPct)
            (rest, baand) = (ud, resultat - ud)
        }
        // A provision is recorded even when nothing is left to carry: it has a life (`Hensaettelse`).
        guard (rest != 0 && valg.andel != 0) || valg.hensaettelse > 0 else { return nil }
        return Regulering(regnskabsaar: regnskabsaar, overUnderskud: rest, andel: valg.andel,
                          hensat: valg.hensaettelse == 0 ? nil : valg.hensaettelse, indenforBaand: baand)
    }
}
