import Foundation

/// Nordjylland's measure of takstudvikling (DOMAIN.md 6.5 last paragraph, 004:2519–2591):
/// compare only takst levels that exist 1:1 in both years, P/L-adjusted; average per
/// driftsherre; then the unweighted mean over driftsherrer, with sensitivity rows that leave
/// out named driftsherrer.
public enum NiveauTakstudvikling {
    public struct Niveau: Codable, Equatable, Sendable {
        public var driftsherre: String
        /// Identifies the same level in both years (e.g. tilbud + takstniveau).
        public var noegle: String
        public var takstFra: Kroner?
        public var takstTil: Kroner?
        public init(driftsherre: String, noegle: String, takstFra: Kroner?, takstTil: Kroner?) {
            self.driftsherre = driftsherre
            self.noegle = noegle
            self.takstFra = takstFra
            self.takstTil = takstTil
        }
    }

    public struct Driftsherre: Codable, Equatable, Sendable {
        public var driftsherre: String
        public var antalNiveauer: Int
        /// Average over the comparable levels, in percent.
        public var udviklingPct: Decimal
    }

    /// Per driftsherre: the average of takstTil / (takstFra × P/L) − 1 over levels present in both
    /// years. Levels that exist in only one year are left out (not like-for-like).
    public static func prDriftsherre(_ niveauer: [Niveau], plFaktor: Decimal = 1) -> [Driftsherre] {
        var grupper: [String: [Decimal]] = [:]
        for n in niveauer {
            guard let pct = udvikling(fra: n.takstFra, til: n.takstTil, plFaktor: plFaktor) else { continue }
            grupper[n.driftsherre, default: []].append(pct)
        }
        return grupper.keys.sorted().map { d in
            let v = grupper[d]!
            return Driftsherre(driftsherre: d, antalNiveauer: v.count, udviklingPct: v.reduce(0, +) / Decimal(v.count))
        }
    }

    /// One level's change in percent, takstTil / (takstFra × P/L) − 1; nil without a positive base
    /// (also the review queue's "change from last year").
    public static func udvikling(fra: Kroner?, til: Kroner?, plFaktor: Decimal = 1) -> Decimal? {
        guard let fra, let til, fra > 0 else { return nil }
        return (til / (fra * plFaktor) - 1) * 100
    }

    /// The unweighted mean over driftsherrer, leaving out `uden`.
    public static func gennemsnit(_ udvikling: [(driftsherre: String, pct: Decimal)], uden: Set<String> = []) throws -> Decimal {
        let med = udvikling.filter { !uden.contains($0.driftsherre) }
        guard !med.isEmpty else {
            throw Valideringsfejl(felt: "uden", besked: "der er ingen driftsherrer tilbage at beregne et gennemsnit af")
        }
        return med.reduce(Decimal(0)) { $0 + $1.pct } / Decimal(med.count)
    }
}
