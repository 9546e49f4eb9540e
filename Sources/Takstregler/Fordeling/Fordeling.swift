import Foundation

/// How the rows of an allocation are rounded to whole kroner (DOMAIN.md 6.0, 6.8).
public enum Fordelingsafrunding: String, Codable, Sendable, CaseIterable {
    /// Each row rounded alone (half away from zero). Reproduces the sources, whose rows can miss
    /// their total by ±1 kr (004:361–413: Nord's 2024 rows add up to 19.156.057, not 19.156.058).
    case naiv
    /// Largest remainder (Hamilton): rows are cut to whole kroner and the kroner still missing go to
    /// the rows with the largest cut-off remainders, so the rows add up to the (rounded) total
    /// exactly and each row is within 1 kr of its exact share. The default.
    case stoersteRest = "stoerste-rest"

    public static let standard: Fordelingsafrunding = .stoersteRest
}

/// One kommune's part of an allocation.
public struct Fordelingsraekke: Codable, Equatable, Sendable {
    public var kommune: String
    public var grundlag: Decimal
    /// grundlag / Σ grundlag, unrounded.
    public var andel: Decimal
    /// The published figure, whole kroner.
    public var beloeb: Kroner
    /// beløb × andel at full precision.
    public var beloebUafrundet: Decimal
}

public struct Fordelingsresultat: Codable, Equatable, Sendable {
    public var noegle: String?
    public var afrunding: Fordelingsafrunding
    /// The amount split.
    public var beloeb: Kroner
    public var grundlagIAlt: Decimal
    public var raekker: [Fordelingsraekke]
    /// Σ rows. Equals `beloeb` (rounded to kroner) with `stoerste-rest`; may be ±1 kr off with `naiv`.
    public var sumAfRaekker: Kroner
    /// sumAfRaekker − beløb.
    public var difference: Kroner

    public func raekke(_ kommune: String) -> Fordelingsraekke? {
        let n = Kommuner.normaliseret(kommune)
        return raekker.first { Kommuner.normaliseret($0.kommune) == n }
    }
}

/// The allocation engine (DOMAIN.md 6.8): one mechanism for objektiv finansiering, deficit sharing,
/// unused places and every other "split this amount over kommuner by a key".
public enum Fordeling {
    public static func fordel(beloeb: Kroner, noegle: Fordelingsnoegle,
                              afrunding: Fordelingsafrunding = .standard,
                              daekningsomraade: [String]? = nil) throws -> Fordelingsresultat {
        try noegle.valider(daekningsomraade: daekningsomraade)
        let iAlt = noegle.iAlt
        let andele = noegle.raekker.map { $0.grundlag / iAlt }
        let uafrundede = andele.map { beloeb * $0 }
        let afrundede = afrund(uafrundede, total: beloeb, afrunding: afrunding)
        let raekker = noegle.raekker.indices.map { i in
            Fordelingsraekke(kommune: noegle.raekker[i].kommune, grundlag: noegle.raekker[i].grundlag,
                             andel: andele[i], beloeb: afrundede[i], beloebUafrundet: uafrundede[i])
        }
        let sum = afrundede.reduce(Decimal(0), +)
        return Fordelingsresultat(noegle: noegle.navn, afrunding: afrunding, beloeb: beloeb, grundlagIAlt: iAlt,
                                  raekker: raekker, sumAfRaekker: sum, difference: sum - beloeb)
    }

    /// Rounds unrounded row amounts to whole kroner by the policy. For `stoerste-rest` the rows add
    /// up to `total` rounded to whole kroner. Exposed so combined splits (ungementor) can round the
    /// per-kommune sums of their components once, as the source does (001:10150–10170).
    public static func afrund(_ uafrundede: [Decimal], total: Decimal, afrunding: Fordelingsafrunding) -> [Kroner] {
        switch afrunding {
        case .naiv:
            return uafrundede.map { afrundet($0, decimaler: 0) }
        case .stoersteRest:
            return stoersteRest(uafrundede, total: afrundet(total, decimaler: 0))
        }
    }

    /// Hamilton's method. Works on magnitudes so a negative amount (a surplus paid back) is split the
    /// same way as a positive one. Ties go to the larger exact share, then to the earlier row, so the
    /// result never depends on anything but the input.
    private static func stoersteRest(_ v: [Decimal], total: Decimal) -> [Kroner] {
        let fortegn: Decimal = total < 0 ? -1 : 1
        let absolut = v.map { $0 * fortegn }
        var gulv = absolut.map { x -> Decimal in
            var ind = x, ud = Decimal()
            NSDecimalRound(&ud, &ind, 0, .down)
            return ud
        }
        var mangler = total * fortegn - gulv.reduce(0, +)
        let orden = absolut.indices.sorted { a, b in
            let ra = absolut[a] - gulv[a], rb = absolut[b] - gulv[b]
            if ra != rb { return ra > rb }
            if absolut[a] != absolut[b] { return absolut[a] > absolut[b] }
            return a < b
        }
        // Σ floor ≤ floor(Σ exact) ≤ the rounded total, and fewer than one krone per row is missing.
        var i = 0
        while mangler > 0 && i < orden.count {
            gulv[orden[i]] += 1
            mangler -= 1
            i += 1
        }
        return gulv.map { $0 * fortegn }
    }
}
