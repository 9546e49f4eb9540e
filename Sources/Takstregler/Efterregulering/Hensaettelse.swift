import Foundation

/// A provision kept from a year's surplus instead of carrying it (DOMAIN.md 6.2: "The provision
/// (hensættelse) has a life: used within 5 years or carried after all"). It is recorded on the
/// regulation line of the takst that carried the rest of that year's result.
public struct Hensaettelse: Equatable, Sendable {
    /// The year of the surplus it was kept from.
    public let regnskabsaar: Int
    public let beloeb: Kroner

    /// Years a provision may be kept (DOMAIN.md 6.2).
    public static let levetidAar = 5

    public init(regnskabsaar: Int, beloeb: Kroner) {
        self.regnskabsaar = regnskabsaar
        self.beloeb = beloeb
    }

    /// The last year it may be used in; after that it must be carried into the takst after all.
    public var brugesSenest: Int { regnskabsaar + Hensaettelse.levetidAar }

    public func udloebet(iaar: Int) -> Bool { iaar > brugesSenest }
}

public enum Hensaettelser {
    /// The provisions recorded on a tilbud's regulation lines, one per year of surplus, oldest first.
    /// Several levels carrying the same year's result record the same provision: it counts once.
    public static func fra(_ reguleringer: [Regulering]) -> [Hensaettelse] {
        var pr: [Int: Kroner] = [:]
        for r in reguleringer {
            guard let h = r.hensat, h > 0 else { continue }
            pr[r.regnskabsaar] = max(pr[r.regnskabsaar] ?? 0, h)
        }
        return pr.keys.sorted().map { Hensaettelse(regnskabsaar: $0, beloeb: pr[$0]!) }
    }

    /// The balance still within its life in `iaar`.
    public static func saldo(_ h: [Hensaettelse], iaar: Int) -> Kroner {
        h.filter { !$0.udloebet(iaar: iaar) }.reduce(0) { $0 + $1.beloeb }
    }
}
