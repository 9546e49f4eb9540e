import Foundation

/// Whether a tilbud is covered by the rammeaftale (DOMAIN.md 6.3, 001:8461–8463): more than 5 %
/// of its places are used by other kommuner than the driftsherre. Self-governing and private
/// tilbud are outside whatever their use.
public enum Rammeaftaleomfang {
    public static let graensePct: Decimal = 5

    public struct Forbrug: Codable, Equatable, Sendable {
        public var kommune: String
        /// Used places (helårspladser or place-days — any unit, as long as all rows share it).
        public var pladser: Decimal
        public init(kommune: String, pladser: Decimal) {
            self.kommune = kommune
            self.pladser = pladser
        }
    }

    public struct Vurdering: Codable, Equatable, Sendable {
        public var andelAndreKommunerPct: Decimal
        public var omfattet: Bool
        public var begrundelse: String
    }

    public static func vurder(driftsherre: String, ejerform: Tilbud.Ejerform, forbrug: [Forbrug],
                              graensePct: Decimal = graensePct) throws -> Vurdering {
        for (i, f) in forbrug.enumerated() where f.pladser < 0 {
            throw Valideringsfejl(felt: "forbrug[\(i + 1)].pladser", besked: "forbruget for \(f.kommune) må ikke være negativt")
        }
        let i_alt = forbrug.reduce(Decimal(0)) { $0 + $1.pladser }
        let andre = forbrug.filter { $0.kommune != driftsherre }.reduce(Decimal(0)) { $0 + $1.pladser }
        let pct = i_alt == 0 ? 0 : andre / i_alt * 100
        guard ejerform.kanVaereOmfattet else {
            return Vurdering(andelAndreKommunerPct: pct, omfattet: false,
                             begrundelse: "\(ejerform.rawValue) tilbud er uden for rammeaftalen")
        }
        let omfattet = pct > graensePct
        let tal = DanskTal.formater(pct, decimaler: 1)
        return Vurdering(andelAndreKommunerPct: pct, omfattet: omfattet,
                         begrundelse: omfattet
                            ? "\(tal) % af pladserne bruges af andre kommuner (over \(DanskTal.formaterKort(graensePct)) %)"
                            : "kun \(tal) % af pladserne bruges af andre kommuner (grænsen er over \(DanskTal.formaterKort(graensePct)) %)")
    }
}
