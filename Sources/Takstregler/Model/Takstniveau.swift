import Foundation

/// One differentiated takst of a tilbud for one year (DOMAIN.md 5; Toftehøj has four).
/// Each level is computed alone (003:1425–1448) from its own `grundlag`.
public struct Takstniveau: Codable, Equatable, Sendable {
    public var navn: String
    public var aar: Int
    public var grundlag: Takstgrundlag
    /// Optional basis/ydelse split (from 2022, 002:1594–1798).
    public var basisYdelse: BasisYdelseGrundlag?
    public var status: Status
    public var version: Int

    public init(navn: String, aar: Int, grundlag: Takstgrundlag, basisYdelse: BasisYdelseGrundlag? = nil,
                status: Status = .kladde, version: Int = 1) {
        self.navn = navn
        self.aar = aar
        self.grundlag = grundlag
        self.basisYdelse = basisYdelse
        self.status = status
        self.version = version
    }

    /// The published takst: the basis/ydelse total where the level is split, otherwise
    /// grundlag / denominator. One place computes it, so the list, the page and exports agree.
    public func beregn() throws -> Takstresultat {
        var resultat = try Takstberegning.beregn(grundlag)
        if let basisYdelse {
            let by = try BasisYdelse.beregn(basisYdelse)
            resultat.basisYdelse = by
            resultat.takst = by.takstIAlt
        }
        return resultat
    }
}

/// One audited write (DOMAIN.md 5): who, when, what, before, after, reason.
public struct Haendelse: Codable, Equatable, Sendable {
    public var bruger: String
    public var tidspunkt: Date
    public var handling: String
    public var entitet: String
    public var entitetID: String
    public var foer: String?
    public var efter: String?
    public var begrundelse: String?

    public init(bruger: String, tidspunkt: Date, handling: String, entitet: String, entitetID: String,
                foer: String?, efter: String?, begrundelse: String?) {
        self.bruger = bruger
        self.tidspunkt = tidspunkt
        self.handling = handling
        self.entitet = entitet
        self.entitetID = entitetID
        self.foer = foer
        self.efter = efter
        self.begrundelse = begrundelse
    }
}

extension Takstniveau {
    /// Of several published versions, the one in force per year and level is the newest (a
    /// correction replaces its version once published, DOMAIN.md 5). In no particular order.
    public static func gaeldende<T>(_ versioner: [T], _ niveau: (T) -> Takstniveau) -> [T] {
        var pr: [String: T] = [:]
        for v in versioner {
            let n = niveau(v), k = "\(n.aar)\u{1}\(n.navn)"
            if let nu = pr[k], niveau(nu).version > n.version { continue }
            pr[k] = v
        }
        return Array(pr.values)
    }
}
