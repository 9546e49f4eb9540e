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
    /// The first day this version applies (yyyy-MM-dd, in `aar`); nil: 1 January (DOMAIN.md 6.1).
    public var gyldigFra: String?
    /// Only citizens enrolled on or after this date pay it; those enrolled before keep the earlier period.
    public var kunForIndskrevetFra: String?
    /// Approved as a provisional takst until the final one replaces it from its own date (002:2833–2842).
    public var midlertidig: Bool

    public init(navn: String, aar: Int, grundlag: Takstgrundlag, basisYdelse: BasisYdelseGrundlag? = nil,
                status: Status = .kladde, version: Int = 1, gyldigFra: String? = nil, kunForIndskrevetFra: String? = nil,
                midlertidig: Bool = false) {
        self.navn = navn
        self.aar = aar
        self.grundlag = grundlag
        self.basisYdelse = basisYdelse
        self.status = status
        self.version = version
        self.gyldigFra = gyldigFra
        self.kunForIndskrevetFra = kunForIndskrevetFra
        self.midlertidig = midlertidig
    }

    // The period keys are written only when set, so a level of a whole year encodes as before.
    private enum CodingKeys: String, CodingKey {
        case navn, aar, grundlag, basisYdelse, status, version, gyldigFra, kunForIndskrevetFra, midlertidig
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(navn: try c.decode(String.self, forKey: .navn), aar: try c.decode(Int.self, forKey: .aar),
                  grundlag: try c.decode(Takstgrundlag.self, forKey: .grundlag),
                  basisYdelse: try c.decodeIfPresent(BasisYdelseGrundlag.self, forKey: .basisYdelse),
                  status: try c.decode(Status.self, forKey: .status), version: try c.decode(Int.self, forKey: .version),
                  gyldigFra: try c.decodeIfPresent(String.self, forKey: .gyldigFra),
                  kunForIndskrevetFra: try c.decodeIfPresent(String.self, forKey: .kunForIndskrevetFra),
                  midlertidig: try c.decodeIfPresent(Bool.self, forKey: .midlertidig) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(navn, forKey: .navn)
        try c.encode(aar, forKey: .aar)
        try c.encode(grundlag, forKey: .grundlag)
        try c.encodeIfPresent(basisYdelse, forKey: .basisYdelse)
        try c.encode(status, forKey: .status)
        try c.encode(version, forKey: .version)
        try c.encodeIfPresent(gyldigFra, forKey: .gyldigFra)
        try c.encodeIfPresent(kunForIndskrevetFra, forKey: .kunForIndskrevetFra)
        if midlertidig { try c.encode(true, forKey: .midlertidig) }
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
    /// Of several published versions, the one in force per year, level and period is the newest (a
    /// correction replaces its version once published, DOMAIN.md 5). In no particular order.
    public static func gaeldende<T>(_ versioner: [T], _ niveau: (T) -> Takstniveau) -> [T] {
        var pr: [String: T] = [:]
        for v in versioner {
            let n = niveau(v), k = "\(n.navn)\u{1}\(n.periodestart)" // the start holds the year
            if let nu = pr[k], niveau(nu).version > n.version { continue }
            pr[k] = v
        }
        return Array(pr.values)
    }
}
