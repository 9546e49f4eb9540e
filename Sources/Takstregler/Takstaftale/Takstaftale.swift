import Foundation

/// The takstaftale (DOMAIN.md 6.4; 001:1453–1460, 8511–8545): per driftsherre, over the whole
/// period, in fixed prices. Takster may not rise; they must fall by at least `minimumReduktion`;
/// a driftsherre that cut more than `tidligereKrav` last period may subtract the excess.
public enum Takstaftale {
    public struct Parametre: Codable, Equatable, Sendable {
        /// Required cut over the period, as a fraction (0,02 = 2 %).
        public var minimumReduktion: Decimal
        /// The previous period's requirement (0,03); a cut beyond it counts towards this period.
        public var tidligereKrav: Decimal
        /// No driftsherre may rise, whatever its earlier cuts (001:8540).
        public var maaIkkeStige: Bool

        public init(minimumReduktion: Decimal = Decimal(string: "0.02")!, tidligereKrav: Decimal = Decimal(string: "0.03")!,
                    maaIkkeStige: Bool = true) {
            self.minimumReduktion = minimumReduktion
            self.tidligereKrav = tidligereKrav
            self.maaIkkeStige = maaIkkeStige
        }
        /// Midtjylland 2019–2022.
        public static let midt2019_2022 = Parametre()
    }

    public struct Vurdering: Codable, Equatable, Sendable {
        public var driftsherre: String
        /// Required cut as a fraction: max(0; min − max(0; R − tidligereKrav)).
        public var kraevetReduktion: Decimal
        /// Actual cut as a fraction (negative = rise), in fixed prices.
        public var faktiskReduktion: Decimal
        public var overholdt: Bool
        public var begrundelse: String
    }

    /// Required cut = max(0; 0,02 − max(0; R − 0,03)) with R the earlier period's cut.
    public static func kraevetReduktion(tidligereReduktion r: Decimal, _ p: Parametre) -> Decimal {
        max(0, p.minimumReduktion - max(0, r - p.tidligereKrav))
    }

    /// `fra` and `til` are the driftsherre's average price (or takst index) at the start and the
    /// end of the period; `plFaktor` restates `fra` in `til`'s prices.
    public static func vurder(driftsherre: String, fra: Kroner, til: Kroner, plFaktor: Decimal = 1,
                              tidligereReduktion: Decimal = 0, _ p: Parametre = .midt2019_2022) throws -> Vurdering {
        guard fra > 0 else { throw Valideringsfejl(felt: "fra", besked: "\(driftsherre) har ingen pris at sammenligne med") }
        let faktisk = 1 - til / (fra * plFaktor)
        let kraevet = kraevetReduktion(tidligereReduktion: tidligereReduktion, p)
        let steg = faktisk < 0
        let overholdt = faktisk >= kraevet && !(p.maaIkkeStige && steg)
        let pct = { (x: Decimal) in DanskTal.formater(x * 100, decimaler: 2) }
        let begrundelse: String
        if overholdt {
            begrundelse = "reduktion \(pct(faktisk)) % ≥ krav \(pct(kraevet)) %"
        } else if steg && p.maaIkkeStige {
            begrundelse = "taksterne er steget \(pct(-faktisk)) % — ingen driftsherre må stige"
        } else {
            begrundelse = "reduktion \(pct(faktisk)) % < krav \(pct(kraevet)) %"
        }
        return Vurdering(driftsherre: driftsherre, kraevetReduktion: kraevet, faktiskReduktion: faktisk,
                         overholdt: overholdt, begrundelse: begrundelse)
    }

    /// Like-for-like: the driftsherre's totals over tilbud present in both years only, so a
    /// tilbud that joins or leaves does not move the average (Viborg +17,7 % → −0,94 %, 001:8571–8593).
    public static func sammenlignelige(_ tilbud: [(tilbud: String, fra: Regnskabstal?, til: Regnskabstal?)])
        -> (fra: Regnskabstal, til: Regnskabstal, udeladte: [String]) {
        var fra = Regnskabstal.nul, til = Regnskabstal.nul
        var udeladte: [String] = []
        for t in tilbud {
            if let f = t.fra, let l = t.til, !f.erTom, !l.erTom {
                fra = fra + f
                til = til + l
            } else {
                udeladte.append(t.tilbud)
            }
        }
        return (fra, til, udeladte)
    }
}
