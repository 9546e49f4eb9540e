import Foundation

/// How a quarterly occupancy figure is counted: dag or døgn, and for the secure institutions
/// åben or lukket (DOMAIN.md 5, 6.6).
public enum Belaegningsart: String, Codable, Sendable, CaseIterable {
    case dag, doegn, aaben, lukket

    public var tekst: String {
        switch self {
        case .dag: return "Dag"
        case .doegn: return "Døgn"
        case .aaben: return "Åben"
        case .lukket: return "Lukket"
        }
    }
}

/// Ledelsesinformation tabel 4: belægning per målgruppe = Σ forbrug / Σ normering, from
/// quarterly data, counting only active tilbud with both a normering and a matching forbrug
/// (001:9073–9081). Values above 100 % are real and shown as they are.
public enum Belaegningsoversigt {
    public struct Maaling: Codable, Equatable, Sendable {
        public var tilbud: String
        public var maalgruppe: Maalgruppe
        public var art: Belaegningsart
        public var kvartal: Int
        /// Capacity in place-days; nil or 0 when the tilbud was not active.
        public var normering: Decimal?
        /// Used place-days; nil when not reported.
        public var forbrug: Decimal?

        public init(tilbud: String, maalgruppe: Maalgruppe, art: Belaegningsart, kvartal: Int,
                    normering: Decimal?, forbrug: Decimal?) {
            self.tilbud = tilbud
            self.maalgruppe = maalgruppe
            self.art = art
            self.kvartal = kvartal
            self.normering = normering
            self.forbrug = forbrug
        }

        /// Only measurements with a normering above 0 and a reported forbrug count.
        public var taeller: Bool { (normering ?? 0) > 0 && forbrug != nil }
    }

    public struct Sum: Codable, Equatable, Sendable {
        public var forbrug: Decimal = 0
        public var normering: Decimal = 0
        /// Σ forbrug / Σ normering × 100; nil with no counted measurement.
        public var procent: Decimal? { normering == 0 ? nil : forbrug / normering * 100 }
    }

    public struct Raekke: Codable, Equatable, Sendable {
        public var maalgruppe: Maalgruppe
        public var pr: [Belaegningsart: Sum]
        public var samlet: Sum
        /// Measurements left out (inactive or missing forbrug), so the reader sees what was excluded.
        public var udeladte: Int
    }

    public static func tabel(_ maalinger: [Maaling]) -> [Raekke] {
        var r: [Maalgruppe: Raekke] = [:]
        for m in maalinger {
            var raekke = r[m.maalgruppe] ?? Raekke(maalgruppe: m.maalgruppe, pr: [:], samlet: Sum(), udeladte: 0)
            if m.taeller, let n = m.normering, let f = m.forbrug {
                raekke.pr[m.art, default: Sum()].forbrug += f
                raekke.pr[m.art, default: Sum()].normering += n
            } else {
                raekke.udeladte += 1
            }
            r[m.maalgruppe] = raekke
        }
        // The total of a målgruppe is the sum of its arts' sums (exact, so the same as adding
        // every measurement again, with a quarter of the additions).
        for (mg, var raekke) in r {
            for s in raekke.pr.values {
                raekke.samlet.forbrug += s.forbrug
                raekke.samlet.normering += s.normering
            }
            r[mg] = raekke
        }
        return Maalgruppe.allCases.compactMap { r[$0] }
    }
}

/// Ledelsesinformation tabel 5: dag and døgn places per driftsherre and målgruppe, two years.
public enum Pladsoversigt {
    public struct Plads: Codable, Equatable, Sendable {
        public var driftsherre: String
        public var maalgruppe: Maalgruppe
        public var type: Tilbud.Type_
        public var aar: Int
        public var pladser: Decimal
        public init(driftsherre: String, maalgruppe: Maalgruppe, type: Tilbud.Type_, aar: Int, pladser: Decimal) {
            self.driftsherre = driftsherre
            self.maalgruppe = maalgruppe
            self.type = type
            self.aar = aar
            self.pladser = pladser
        }
    }

    public struct Raekke: Codable, Equatable, Sendable {
        public var driftsherre: String
        public var maalgruppe: Maalgruppe?
        public var dagFra: Decimal = 0
        public var doegnFra: Decimal = 0
        public var dagTil: Decimal = 0
        public var doegnTil: Decimal = 0
    }

    /// Rows per driftsherre × målgruppe, sorted, and a last total row (målgruppe nil).
    public static func tabel(_ pladser: [Plads], fra: Int, til: Int) -> [Raekke] {
        var r: [String: Raekke] = [:]
        var iAlt = Raekke(driftsherre: Takstudvikling.iAlt, maalgruppe: nil)
        for p in pladser where p.aar == fra || p.aar == til {
            let noegle = "\(p.driftsherre)\u{1}\(p.maalgruppe.rawValue)"
            var raekke = r[noegle] ?? Raekke(driftsherre: p.driftsherre, maalgruppe: p.maalgruppe)
            // Ambulant places are not part of the table (it counts dag and døgn).
            switch (p.aar == fra, p.type) {
            case (true, .dag): raekke.dagFra += p.pladser; iAlt.dagFra += p.pladser
            case (true, .doegn): raekke.doegnFra += p.pladser; iAlt.doegnFra += p.pladser
            case (false, .dag): raekke.dagTil += p.pladser; iAlt.dagTil += p.pladser
            case (false, .doegn): raekke.doegnTil += p.pladser; iAlt.doegnTil += p.pladser
            default: break
            }
            r[noegle] = raekke
        }
        let sorteret = r.values.sorted {
            ($0.driftsherre, Maalgruppe.allCases.firstIndex(of: $0.maalgruppe!)!)
                < ($1.driftsherre, Maalgruppe.allCases.firstIndex(of: $1.maalgruppe!)!)
        }
        return sorteret + [iAlt]
    }
}
