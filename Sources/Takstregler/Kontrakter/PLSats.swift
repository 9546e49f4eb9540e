import Foundation

/// The published P/L rates (pris- og lønskøn) by source and kind (DOMAIN.md 6.12). A contract price
/// outside the rammeaftale is regulated every 1 January by one of them (002:13117–13131): kommunale
/// tilbud by the general rate behind the latest økonomiaftale between the government and KL,
/// regional tilbud by Danske Regioners' rate. Data, not constants (`pl_satser_2024.csv`, 004:1418–1486).
public enum PLSatstype: String, Codable, Sendable, CaseIterable, Comparable {
    /// KL, samlede udgifter inkl. overførsler: "det generelle pl skøn" of the contracts (002:13124).
    case klGenerel = "kl_generel"
    case klService = "kl_service"
    case klAnlaeg = "kl_anlaeg"
    /// Danske Regioner, P/L inkl. medicin (004:1484–1486).
    case danskeRegioner = "danske_regioner"

    public var tekst: String {
        switch self {
        case .klGenerel: return "KL, generelt P/L-skøn (samlede udgifter inkl. overførsler)"
        case .klService: return "KL, serviceudgifter"
        case .klAnlaeg: return "KL, anlæg"
        case .danskeRegioner: return "Danske Regioner, P/L inkl. medicin"
        }
    }

    /// The kind a published row names by its source and kind texts (the fixture's `kilde` and `art`),
    /// or nil when they name none of the four.
    public static func genkend(kilde: String, art: String) -> PLSatstype? {
        let k = kilde.lowercased(), a = art.lowercased()
        if k.contains("danske regioner") { return .danskeRegioner }
        guard k.hasPrefix("kl") else { return nil }
        if a.contains("service") { return .klService }
        if a.contains("anlæg") || a.contains("anlaeg") { return .klAnlaeg }
        if a.contains("samlede") || a.contains("generel") { return .klGenerel }
        return nil
    }

    public static func < (a: PLSatstype, b: PLSatstype) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Who runs the tilbud a contract buys from, which decides the rate (002:13122–13126).
public enum Leverandoertype: String, Codable, Sendable, CaseIterable {
    case kommunal, regional

    public var satstype: PLSatstype { self == .kommunal ? .klGenerel : .danskeRegioner }
    public var tekst: String { self == .kommunal ? "Kommunal" : "Regional" }
}

/// One rate: prices of `aarFra` become prices of `aarTil` (always the next year) by `procent`.
public struct PLSats: Codable, Equatable, Sendable {
    public var type: PLSatstype
    public var kilde: String
    public var art: String
    public var aarFra: Int
    public var aarTil: Int
    public var procent: Decimal
    /// Where the rate was published (document and line).
    public var reference: String

    public init(type: PLSatstype, kilde: String, art: String, aarFra: Int, aarTil: Int, procent: Decimal, reference: String) throws {
        guard Aarsinterval.erGyldigt(aarFra) else { throw Valideringsfejl(felt: "aar_fra", besked: "året skal ligge mellem 1990 og 2100 (fik \(aarFra))") }
        guard aarTil == aarFra + 1 else {
            throw Valideringsfejl(felt: "aar_til", besked: "en P/L-sats gælder fra et år til det næste: \(aarFra + 1), ikke \(aarTil)")
        }
        // A yearly P/L rate outside ±50 % is a typing error (4,2 typed as 42 is caught; deflation is allowed).
        guard procent > -50, procent < 50 else {
            throw Valideringsfejl(felt: "procent", besked: "satsen skal ligge mellem -50 og 50 procent (fik \(DanskTal.formaterKort(procent)))")
        }
        self.type = type
        self.kilde = kilde
        self.art = art
        self.aarFra = aarFra
        self.aarTil = aarTil
        self.procent = procent
        self.reference = reference
    }
}

/// The rates known to the system, one per kind and year (a later one, e.g. after the
/// midtvejsregulering, replaces the earlier when stored).
public struct PLSatser: Sendable, Equatable {
    public let satser: [PLSats]

    public init(_ satser: [PLSats]) {
        self.satser = satser.sorted { ($0.aarTil, $0.type) < ($1.aarTil, $1.type) }
    }

    /// The rate that regulates prices into year `aar` (on 1 January of `aar`).
    public func sats(_ type: PLSatstype, til aar: Int) -> PLSats? {
        satser.last { $0.type == type && $0.aarTil == aar }
    }

    /// The year of the next 1 January after `dato` (`yyyy-MM-dd`): on 1 January itself, the next one.
    public static func naeste1Januar(efter dato: String) -> Int {
        (Int(dato.prefix(4)) ?? 0) + 1
    }
}
