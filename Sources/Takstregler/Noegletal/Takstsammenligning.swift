import Foundation

/// Published takster of like tilbud across the regions (DOMAIN.md 6.11: "one instance can hold
/// all five regions … compare regions side by side"): per målgruppe × SEL § × type × unit, per
/// region the number of tilbud, median, quartiles, min and max, with the takster behind them.
public enum Takstsammenligning {
    /// One published takst (a level in force on the date) of a tilbud.
    public struct Post: Sendable, Equatable {
        public let tilbudID: UUID
        public let tilbud: String
        public let region: String
        public let maalgruppe: String
        public let paragraffer: [String]
        public let type: Tilbud.Type_
        public let enhed: Takstenhed
        public let niveau: String
        public let takst: Kroner
        public init(tilbudID: UUID, tilbud: String, region: String, maalgruppe: String, paragraffer: [String], type: Tilbud.Type_,
                    enhed: Takstenhed, niveau: String, takst: Kroner) {
            self.tilbudID = tilbudID
            self.tilbud = tilbud
            self.region = region
            self.maalgruppe = maalgruppe
            self.paragraffer = paragraffer
            self.type = type
            self.enhed = enhed
            self.niveau = niveau
            self.takst = takst
        }
    }

    public struct Gruppe: Hashable, Sendable, Comparable {
        public let maalgruppe: String
        public let paragraf: String
        public let type: Tilbud.Type_
        public let enhed: Takstenhed
        public init(maalgruppe: String, paragraf: String, type: Tilbud.Type_, enhed: Takstenhed) {
            self.maalgruppe = maalgruppe
            self.paragraf = paragraf
            self.type = type
            self.enhed = enhed
        }
        public static func < (a: Gruppe, b: Gruppe) -> Bool {
            if a.maalgruppe != b.maalgruppe { return DanskSortering.foer(a.maalgruppe, b.maalgruppe) }
            if a.paragraf != b.paragraf { return (Int(a.paragraf) ?? .max, a.paragraf) < (Int(b.paragraf) ?? .max, b.paragraf) }
            if a.type != b.type { return a.type.rawValue < b.type.rawValue }
            return a.enhed.rawValue < b.enhed.rawValue
        }
    }

    public struct Celle: Sendable, Equatable {
        public let antalTilbud: Int
        public let antalTakster: Int
        public let min: Kroner, q1: Kroner, median: Kroner, q3: Kroner, max: Kroner
        /// The takster behind the figures, lowest first.
        public let poster: [Post]
    }

    /// Quartile by linear interpolation between the sorted values (Excel's KVARTIL.MEDTAG /
    /// QUARTILE.INC, so the figures can be checked in a spreadsheet); exact in Decimal.
    public static func kvantil(_ sorteret: [Kroner], _ p: Decimal) -> Kroner {
        precondition(!sorteret.isEmpty)
        let h = Decimal(sorteret.count - 1) * p
        let i = NSDecimalNumber(decimal: h).intValue
        let rest = h - Decimal(i)
        guard i + 1 < sorteret.count else { return sorteret[i] }
        return sorteret[i] + rest * (sorteret[i + 1] - sorteret[i])
    }

    /// Group → region → cell. A tilbud under several §§ counts under each.
    public static func opgoer(_ poster: [Post]) -> [Gruppe: [String: Celle]] {
        var samlet: [Gruppe: [String: [Post]]] = [:]
        for p in poster {
            for paragraf in p.paragraffer.isEmpty ? ["ikke oplyst"] : p.paragraffer {
                samlet[Gruppe(maalgruppe: p.maalgruppe, paragraf: paragraf, type: p.type, enhed: p.enhed), default: [:]][p.region, default: []].append(p)
            }
        }
        return samlet.mapValues { regioner in
            regioner.mapValues { liste in
                let s = liste.sorted { $0.takst < $1.takst }
                let v = s.map(\.takst)
                return Celle(antalTilbud: Set(s.map(\.tilbudID)).count, antalTakster: v.count, min: v.first!, q1: kvantil(v, 0.25),
                             median: kvantil(v, 0.5), q3: kvantil(v, 0.75), max: v.last!, poster: s)
            }
        }
    }
}
