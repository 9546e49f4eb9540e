import Foundation

/// The pladsoversigt of DOMAIN.md 6.10 (002:3940–3978): tilbud and places (dag, døgn, ambulant)
/// grouped by any combination of driftsherre, målgruppe, SEL §, ejerform and beliggenhedskommune.
/// A tilbud under several målgrupper or §§ is an occurrence in each of their groups, while every
/// total counts it once (002:4016–4056: occurrences and unique tilbud are different numbers).
public enum Kapacitetsoversigt {
    public enum Felt: String, CaseIterable, Sendable {
        case driftsherre, maalgruppe, paragraf, ejerform, beliggenhedskommune

        /// `--efter beliggenhedskommune,ejerform`; unknown names refused naming the allowed ones.
        public static func liste(_ raa: String) throws -> [Felt] {
            let felter = try raa.split(separator: ",").map { navn -> Felt in
                let n = navn.trimmingCharacters(in: .whitespaces).lowercased()
                guard let f = Felt(rawValue: n) else {
                    throw Valideringsfejl(felt: "efter", besked: "ukendt felt '\(n)'; brug en eller flere af: \(allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return f
            }
            guard !felter.isEmpty, Set(felter).count == felter.count else {
                throw Valideringsfejl(felt: "efter", besked: "angiv mindst ét felt, hvert højst én gang")
            }
            return felter
        }
    }

    /// One tilbud's places in the year, with what it can be grouped by.
    public struct Post: Sendable, Equatable {
        public var tilbudID: String
        public var driftsherre: String
        public var maalgrupper: [String]
        public var paragraffer: [String]
        public var ejerform: Tilbud.Ejerform
        public var beliggenhedskommune: String?
        public var dag: Decimal, doegn: Decimal, ambulant: Decimal
        /// Vacant places at the report's date, as the driftsherre reported them; nil: not reported.
        public var ledige: Ledighed?

        public init(tilbudID: String, driftsherre: String, maalgrupper: [String], paragraffer: [String], ejerform: Tilbud.Ejerform,
                    beliggenhedskommune: String?, dag: Decimal = 0, doegn: Decimal = 0, ambulant: Decimal = 0) {
            self.tilbudID = tilbudID
            self.driftsherre = driftsherre
            self.maalgrupper = maalgrupper
            self.paragraffer = paragraffer
            self.ejerform = ejerform
            self.beliggenhedskommune = beliggenhedskommune
            self.dag = dag
            self.doegn = doegn
            self.ambulant = ambulant
        }

        func vaerdier(_ f: Felt) -> [String] {
            switch f {
            case .driftsherre: return [driftsherre]
            case .maalgruppe: return maalgrupper.isEmpty ? [Kapacitetsoversigt.ikkeOplyst] : maalgrupper
            case .paragraf: return paragraffer.isEmpty ? [Kapacitetsoversigt.ikkeOplyst] : paragraffer
            case .ejerform: return [ejerform.rawValue]
            case .beliggenhedskommune: return [beliggenhedskommune ?? Kapacitetsoversigt.ikkeOplyst]
            }
        }
    }

    public struct Raekke: Sendable, Equatable {
        /// The group's value per field; "I alt" in a total row.
        public var felter: [String]
        public var antalTilbud: Int
        public var dag: Decimal, doegn: Decimal, ambulant: Decimal
        public var pladser: Decimal { dag + doegn + ambulant }
        public var erTotal: Bool
        /// Vacant places reported as a number, and the tilbud whose vacancy is unknown or not reported.
        public var ledige: Int = 0
        public var ledigeUkendt: Int = 0
    }

    public static let ikkeOplyst = "ikke oplyst"
    public static let iAlt = "I alt"

    /// Rows per combination in Danish order; then, when grouped by more than one field, a total per
    /// value of the last field (the other fields "I alt"); last the grand total.
    public static func opgoer(_ poster: [Post], efter felter: [Felt], paragraf: String? = nil) -> [Raekke] {
        let valgte = poster.filter { p in paragraf.map { p.paragraffer.contains($0) } ?? true }
        struct Sum { var tilbud = Set<String>(); var dag: Decimal = 0, doegn: Decimal = 0, ambulant: Decimal = 0, ledige = 0, ukendt = 0
            mutating func laeg(_ p: Post) {
                guard tilbud.insert(p.tilbudID).inserted else { return }
                dag += p.dag; doegn += p.doegn; ambulant += p.ambulant
                if case .antal(let n) = p.ledige { ledige += n } else { ukendt += 1 }
            }
        }
        var grupper: [[String]: Sum] = [:], sidste: [String: Sum] = [:], total = Sum()
        for p in valgte {
            // Every combination of the post's values (several målgrupper or §§ give several).
            var kombinationer: [[String]] = [[]]
            for f in felter { kombinationer = kombinationer.flatMap { k in p.vaerdier(f).map { k + [$0] } } }
            for k in kombinationer {
                grupper[k, default: Sum()].laeg(p)
                if felter.count > 1 { sidste[k.last!, default: Sum()].laeg(p) }
            }
            total.laeg(p)
        }
        func raekke(_ felter: [String], _ s: Sum, total: Bool) -> Raekke {
            Raekke(felter: felter, antalTilbud: s.tilbud.count, dag: s.dag, doegn: s.doegn, ambulant: s.ambulant, erTotal: total,
                   ledige: s.ledige, ledigeUkendt: s.ukendt)
        }
        // §§ by number (66 before 107), names in Danish order.
        func foer(_ x: String, _ y: String) -> Bool {
            if let a = Int(x), let b = Int(y) { return a < b }
            return DanskSortering.foer(x, y)
        }
        let ordnet = grupper.keys.sorted { a, b in
            for (x, y) in zip(a, b) where x != y { return foer(x, y) }
            return false
        }
        var ud = ordnet.map { raekke($0, grupper[$0]!, total: false) }
        ud += sidste.keys.sorted(by: foer).map {
            raekke(Array(repeating: iAlt, count: felter.count - 1) + [$0], sidste[$0]!, total: true)
        }
        ud.append(raekke(Array(repeating: iAlt, count: felter.count), total, total: true))
        return ud
    }
}

/// Vacant places at a date (DOMAIN.md 6.10: "pr. 26. april 2023 4 ledige", 002:3982), or "ukendt"
/// — private tilbud often do not say.
public enum Ledighed: Equatable, Hashable, Sendable {
    case antal(Int)
    case ukendt

    public static func fortolk(_ raa: String, felt: String = "ledige") throws -> Ledighed {
        let s = raa.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "ukendt" || s == "?" { return .ukendt }
        guard !s.isEmpty, s.count <= 6, s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s) else {
            throw Valideringsfejl(felt: felt, besked: s.hasPrefix("-") ? "antallet af ledige pladser kan ikke være negativt (fik '\(raa)')"
                                  : "skriv antallet af ledige pladser som et helt tal eller 'ukendt' (fik '\(raa)')")
        }
        return .antal(n)
    }

    public var tekst: String {
        switch self {
        case .antal(let n): return "\(n)"
        case .ukendt: return "ukendt"
        }
    }
}
