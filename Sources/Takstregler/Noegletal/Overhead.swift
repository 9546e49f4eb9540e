import Foundation

/// The overhead survey across driftsherrer (DOMAIN.md 6.11; 002:14578–14612): a range or two
/// values counts by its midpoint, a driftsherre that did not report is left out, and min and max
/// come from the ends of the ranges → 6,87 %, 4,10, 17,3 over the 11 that reported.
public enum Overhead {
    public struct Svar: Sendable, Equatable {
        public let driftsherre: String
        public let min: Decimal?
        public let max: Decimal?
        public init(driftsherre: String, min: Decimal?, max: Decimal?) {
            self.driftsherre = driftsherre
            self.min = min
            self.max = max
        }
        public var oplyst: Bool { min != nil }
        public var midtpunkt: Decimal? { min.map { lo in ((max ?? lo) + lo) / 2 } }
    }

    public struct Resultat: Sendable, Equatable {
        public let gennemsnit: Decimal
        public let min: Decimal
        public let max: Decimal
        public let antal: Int
        public let ikkeOplyst: [String]
    }

    public static func opgoer(_ svar: [Svar]) throws -> Resultat {
        let oplyst = svar.filter(\.oplyst)
        guard !oplyst.isEmpty else { throw Valideringsfejl(felt: "oh_pct_min", besked: "ingen driftsherre har oplyst en overheadprocent") }
        let midt = oplyst.compactMap(\.midtpunkt)
        return Resultat(gennemsnit: midt.reduce(0, +) / Decimal(midt.count), min: oplyst.compactMap(\.min).min()!,
                        max: oplyst.map { $0.max ?? $0.min! }.max()!, antal: oplyst.count,
                        ikkeOplyst: svar.filter { !$0.oplyst }.map(\.driftsherre))
    }
}

/// The five socialtilsyn's takster against their average (DOMAIN.md 6.11; 001:386–396): per
/// column each socialtilsyn's difference from the simple average, in percent.
public enum Tilsynssammenligning {
    public struct Kolonne: Sendable, Equatable {
        public let kolonne: String
        public let gennemsnit: Decimal
        /// Socialtilsyn → difference from the average in percent (unrounded).
        public let afvigelse: [String: Decimal]
    }

    /// `takster`: socialtilsyn → column → takst. Every socialtilsyn must have every column.
    public static func sammenlign(_ takster: [String: [String: Decimal]], kolonner: [String]) throws -> [Kolonne] {
        guard takster.count >= 2 else { throw Valideringsfejl(felt: "socialtilsyn", besked: "sammenligningen kræver mindst to socialtilsyn") }
        return try kolonner.map { k in
            var v: [String: Decimal] = [:]
            for (s, t) in takster {
                guard let x = t[k] else { throw Valideringsfejl(felt: k, besked: "\(s) mangler en takst for '\(k)'") }
                v[s] = x
            }
            let snit = v.values.reduce(0, +) / Decimal(v.count)
            return Kolonne(kolonne: k, gennemsnit: snit, afvigelse: v.mapValues { ($0 - snit) / snit * 100 })
        }
    }
}
