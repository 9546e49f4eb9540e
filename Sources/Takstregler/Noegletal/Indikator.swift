import Foundation

/// A key figure compared across the regions (DOMAIN.md 6.11; 002:11676–12888): name, group, unit,
/// year, source, price base, the accounts functions it is drawn from, and its direction — whether a
/// high value is "the highest placement". Values per region.
public struct Indikator: Codable, Equatable, Sendable {
    /// Is a high value the highest placement? "Udvikling i andel 18-66 årige": the largest fall is
    /// the highest placement (002:11809–11813), so its direction is `lav`.
    public enum Retning: String, Codable, Sendable, CaseIterable {
        case hoej, lav
        public static func fortolk(_ raa: String) throws -> Retning {
            let s = raa.trimmingCharacters(in: .whitespaces).lowercased()
            switch s {
            case "hoej", "høj", "h": return .hoej
            case "lav", "l": return .lav
            default: throw Valideringsfejl(felt: "retning", besked: "ukendt retning '\(raa)' (brug hoej eller lav)")
            }
        }
        public var modsat: Retning { self == .hoej ? .lav : .hoej }
        public var tekst: String { self == .hoej ? "høj værdi = højeste placering" : "lav værdi = højeste placering" }
    }

    public var gruppe: String
    public var navn: String
    public var enhed: String
    /// "2022" or a span such as "2019-2022".
    public var aar: String
    public var retning: Retning
    public var kilde: String
    public var prisbasis: String?
    /// Accounts function codes (5.38.42 …).
    public var funktioner: [String]
    /// Region → value.
    public var vaerdier: [String: Decimal]

    /// The groups in catalogue order (the order of their first indicator).
    public static func grupper(_ indikatorer: [Indikator]) -> [String] {
        var ud: [String] = []
        for i in indikatorer where !ud.contains(i.gruppe) { ud.append(i.gruppe) }
        return ud
    }

    public init(gruppe: String, navn: String, enhed: String, aar: String, retning: Retning, kilde: String = "",
                prisbasis: String? = nil, funktioner: [String] = [], vaerdier: [String: Decimal]) {
        self.gruppe = gruppe
        self.navn = navn
        self.enhed = enhed
        self.aar = aar
        self.retning = retning
        self.kilde = kilde
        self.prisbasis = prisbasis
        self.funktioner = funktioner
        self.vaerdier = vaerdier
    }
}

/// Competition ranking among the regions (DOMAIN.md 6.11: ties share the better rank, 1-2-2-4).
public enum Placering {
    /// How tied values are ranked: `bedste` (1-2-2-4, the sources' rule) or `daarligste` (1-3-3-4).
    public enum Uafgjort: String, Codable, Sendable, CaseIterable {
        case bedste, daarligste
    }

    /// Region → placement (1 = highest placement) by the direction.
    public static func rang(_ vaerdier: [String: Decimal], retning: Indikator.Retning, uafgjort: Uafgjort = .bedste) -> [String: Int] {
        var ud: [String: Int] = [:]
        for (region, v) in vaerdier {
            let bedre = vaerdier.values.filter { retning == .hoej ? $0 > v : $0 < v }.count
            let lige = vaerdier.values.filter { $0 == v }.count - 1
            ud[region] = uafgjort == .bedste ? bedre + 1 : bedre + lige + 1
        }
        return ud
    }
}

/// "Region R has the highest or second highest placement in x of y" per group (002:11840–11843).
public struct Gruppeplacering: Equatable, Sendable {
    public let gruppe: String
    public let antal: Int
    /// Indicators where the region is placed 1 or 2 (or within `top`).
    public let top2: Int
    /// Every indicator of the group with the region's placement, in catalogue order.
    public let indikatorer: [(indikator: String, placering: Int)]
    /// Indicators whose flipped direction would change `top2` — the sensitivity list (002:12495
    /// shows an indicator whose text and table disagree on the direction).
    public let foelsomme: [String]

    public static func == (a: Gruppeplacering, b: Gruppeplacering) -> Bool {
        a.gruppe == b.gruppe && a.antal == b.antal && a.top2 == b.top2 && a.foelsomme == b.foelsomme
            && a.indikatorer.map(\.indikator) == b.indikatorer.map(\.indikator) && a.indikatorer.map(\.placering) == b.indikatorer.map(\.placering)
    }

    public static func opgoer(_ indikatorer: [Indikator], region: String, top: Int = 2, uafgjort: Placering.Uafgjort = .bedste) throws -> [Gruppeplacering] {
        guard indikatorer.contains(where: { $0.vaerdier[region] != nil }) else {
            let kendte = Set(indikatorer.flatMap(\.vaerdier.keys)).sorted(by: DanskSortering.foer)
            throw Valideringsfejl(felt: "region", besked: "ingen nøgletal for '\(region)' (kendte: \(kendte.joined(separator: ", ")))")
        }
        return Indikator.grupper(indikatorer).map { g in
            let egne = indikatorer.filter { $0.gruppe == g && $0.vaerdier[region] != nil }
            let placeringer = egne.map { i in (i.navn, Placering.rang(i.vaerdier, retning: i.retning, uafgjort: uafgjort)[region]!) }
            let foelsomme = egne.filter { i in
                let nu = Placering.rang(i.vaerdier, retning: i.retning, uafgjort: uafgjort)[region]! <= top
                let vendt = Placering.rang(i.vaerdier, retning: i.retning.modsat, uafgjort: uafgjort)[region]! <= top
                return nu != vendt
            }.map(\.navn)
            return Gruppeplacering(gruppe: g, antal: egne.count, top2: placeringer.filter { $0.1 <= top }.count,
                                   indikatorer: placeringer.map { ($0.0, $0.1) }, foelsomme: foelsomme)
        }
    }
}
