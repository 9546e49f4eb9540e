/// A social offer run by a driftsherre (DOMAIN.md 5).
public struct Tilbud: Codable, Equatable, Sendable {
    public enum Type_: String, Codable, Sendable, CaseIterable {
        case dag, doegn, ambulant
        public var tekst: String {
            switch self {
            case .dag: return "Dag"
            case .doegn: return "Døgn"
            case .ambulant: return "Ambulant"
            }
        }
    }
    public enum Ejerform: String, Codable, Sendable, CaseIterable {
        case kommunal, regional, selvejende, privat
        /// From a file: the code or a plural as the sources write it ("kommunale", "private").
        public static func fortolk(_ raa: String) -> Ejerform? {
            let t = raa.trimmingCharacters(in: .whitespaces).lowercased()
            return allCases.first { t == $0.rawValue || (t.count >= 4 && $0.rawValue.hasPrefix(String(t.prefix(6)))) }
        }
        /// Self-governing and private tilbud are outside the rammeaftale (DOMAIN.md 6.3).
        public var kanVaereOmfattet: Bool { self == .kommunal || self == .regional }
    }

    public var navn: String
    public var driftsherre: String
    public var adresse: String?
    /// Legal basis, e.g. "107" or "66, 107".
    public var paragraf: String?
    public var maalgruppe: Maalgruppe?
    public var type: Type_
    public var ejerform: Ejerform
    public var afdelinger: [String]
    /// The kommune where the tilbud lies — not the driftsherre (DOMAIN.md 6.10).
    public var beliggenhedskommune: String?

    public init(navn: String, driftsherre: String, adresse: String? = nil, paragraf: String? = nil,
                maalgruppe: Maalgruppe? = nil, type: Type_ = .doegn, ejerform: Ejerform = .kommunal,
                afdelinger: [String] = [], beliggenhedskommune: String? = nil) {
        self.navn = navn
        self.driftsherre = driftsherre
        self.adresse = adresse
        self.paragraf = paragraf
        self.maalgruppe = maalgruppe
        self.type = type
        self.ejerform = ejerform
        self.afdelinger = afdelinger
        self.beliggenhedskommune = beliggenhedskommune
    }

    /// The SEL §§ of `paragraf` ("66, 107" → ["66", "107"]).
    public var paragraffer: [String] {
        (paragraf ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" || $0 == "/" })
            .map { $0.replacingOccurrences(of: "§", with: "").trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Målgrupper in Midtjylland's ledelsesinformation (DOMAIN.md 6.6, 001:8713–8719).
public enum Maalgruppe: String, Codable, Sendable, CaseIterable {
    case boernOgUnge = "boern_og_unge"
    case sikrede = "sikrede"
    case sindslidelser = "sindslidelser"
    case fysiskHandicap = "fysisk_handicap"
    case psykiskHandicap = "psykisk_handicap"
    case forsorgshjem = "forsorgshjem"
    case misbrug = "misbrug"
    case kvindekrisecentre = "kvindekrisecentre"

    public var tekst: String {
        switch self {
        case .boernOgUnge: return "Børn og unge med nedsat fysisk eller psykisk funktionsevne"
        case .sikrede: return "Sikrede institutioner for børn og unge"
        case .sindslidelser: return "Voksne med sindslidelser"
        case .fysiskHandicap: return "Voksne fysisk handicappede inkl. senhjerneskadede"
        case .psykiskHandicap: return "Personer med psykisk handicap inkl. autister"
        case .forsorgshjem: return "Forsorgshjem"
        case .misbrug: return "Personer med misbrugsproblemer"
        case .kvindekrisecentre: return "Kvindekrisecentre"
        }
    }
}
