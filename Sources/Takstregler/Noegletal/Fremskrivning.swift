import Foundation

/// Projection of demand (DOMAIN.md 6.14; 002:227–277): the population of an age group × a rate per
/// 1.000, and the scenarios −20 %, −10 %, +10 %, +20 % that KKR shows. Kept exact; rounded when shown.
public enum Fremskrivning {
    public static let scenarier: [Decimal] = [-20, -10, 10, 20]

    public struct Raekke: Sendable, Equatable {
        public let kommune: String
        public let grundlag: Decimal
        public let behov: Decimal
        /// Scenario (percent) → demand.
        public let scenarier: [Decimal: Decimal]
    }

    public static let iAlt = "I alt"

    /// A row per kommune of the key and a last "I alt" row.
    public static func beregn(_ noegle: Fordelingsnoegle, ratePrTusind: Decimal, scenarier: [Decimal] = scenarier) throws -> [Raekke] {
        guard ratePrTusind >= 0 else {
            throw Valideringsfejl(felt: "rate", besked: "raten må ikke være negativ (fik \(DanskTal.formaterKort(ratePrTusind)))")
        }
        func raekke(_ k: String, _ g: Decimal) -> Raekke {
            let behov = g * ratePrTusind / 1000
            return Raekke(kommune: k, grundlag: g, behov: behov,
                          scenarier: Dictionary(uniqueKeysWithValues: scenarier.map { ($0, behov * (100 + $0) / 100) }))
        }
        return noegle.raekker.map { raekke($0.kommune, $0.grundlag) } + [raekke(iAlt, noegle.iAlt)]
    }
}
