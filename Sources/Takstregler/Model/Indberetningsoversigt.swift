import Foundation

/// The secretariat's overview of next year's reporting per driftsherre against the deadline
/// (DOMAIN.md 7: driftsherre enters → submits → secretariat reviews). A tilbud counts as submitted
/// when every level it has for the year is submitted or further on; a draft or a rejected level
/// keeps it "i gang"; a tilbud without any level for the year is missing.
public enum Indberetningsoversigt {
    public enum Tilstand: String, Sendable, CaseIterable {
        case indsendt, iGang = "i_gang", mangler, forsinket

        public var tekst: String {
            switch self {
            case .indsendt: return "Indsendt"
            case .iGang: return "I gang (kladde)"
            case .mangler: return "Mangler"
            case .forsinket: return "Over fristen"
            }
        }
    }

    public struct Tilbudsstatus: Sendable {
        public let tilbud: String
        /// The statuses of the tilbud's levels for the year (empty: nothing entered).
        public let niveauer: [Status]
        public init(tilbud: String, niveauer: [Status]) {
            self.tilbud = tilbud
            self.niveauer = niveauer
        }

        public var indsendt: Bool { !niveauer.isEmpty && niveauer.allSatisfy { $0 != .kladde && $0 != .afvist } }
        public var mangler: Bool { niveauer.isEmpty }
    }

    public struct Raekke: Sendable, Equatable {
        public let driftsherre: String
        public let region: String?
        public let tilbud: Int
        public let indsendt: Int
        public let iGang: Int
        public let mangler: Int
        public let frist: String?
        public let tilstand: Tilstand
        /// The tilbud not yet submitted, for the reminder.
        public let udestaaende: [String]
    }

    /// One driftsherre's row on `idag`: all submitted → indsendt; otherwise past the deadline →
    /// forsinket; otherwise i gang when something is entered, else mangler.
    public static func raekke(driftsherre: String, region: String?, tilbud: [Tilbudsstatus], frist: String?, idag: String) -> Raekke {
        let indsendt = tilbud.filter(\.indsendt).count, mangler = tilbud.filter(\.mangler).count
        let iGang = tilbud.count - indsendt - mangler
        let tilstand: Tilstand
        if indsendt == tilbud.count { tilstand = .indsendt }
        else if let frist, idag > frist { tilstand = .forsinket }
        else { tilstand = iGang > 0 || indsendt > 0 ? .iGang : .mangler }
        return Raekke(driftsherre: driftsherre, region: region, tilbud: tilbud.count, indsendt: indsendt, iGang: iGang, mangler: mangler,
                      frist: frist, tilstand: tilstand,
                      udestaaende: tilbud.filter { !$0.indsendt }.map(\.tilbud).sorted(by: DanskSortering.foer))
    }
}

/// The takstbilag for DAS/FU: every takst submitted for next year beside last year's published
/// takst, the change in percent, and what the secretariat must look at (DOMAIN.md 7): a change
/// above the threshold without a begrundelse (003:1572–1574, the same rule as on submission) and
/// a changed unit (001:8628).
public enum Takstbilag {
    public enum Flag: Equatable, Sendable {
        case overGraensenUdenBegrundelse(pct: Decimal, graense: Decimal)
        case enhedSkiftet(fra: Takstenhed, til: Takstenhed)
        case nyTakst

        public var tekst: String {
            switch self {
            case .overGraensenUdenBegrundelse(let p, let g):
                return "ændring \(DanskTal.formater(p, decimaler: 1)) % er over \(DanskTal.formaterKort(g)) % uden begrundelse"
            case .enhedSkiftet(let fra, let til): return "takstenheden er skiftet fra \(fra.tekst) til \(til.tekst)"
            case .nyTakst: return "ny takst (ingen offentliggjort takst sidste år)"
            }
        }
    }

    public struct Linje: Sendable {
        public let aendringPct: Decimal?
        public let flag: [Flag]
    }

    public static func linje(takst: Kroner, enhed: Takstenhed, sidsteAar: Kroner?, sidsteAarsEnhed: Takstenhed?, begrundelse: String?,
                             graensePct: Decimal = Indsendelseskontrol.standardgraensePct) -> Linje {
        let pct = NiveauTakstudvikling.udvikling(fra: sidsteAar, til: takst)
        var flag: [Flag] = []
        if sidsteAar == nil { flag.append(.nyTakst) }
        // One rule with the submission check: it refuses exactly what is flagged here.
        if let pct, (try? Indsendelseskontrol.kontroller(takst: takst, sidsteAar: sidsteAar, begrundelse: begrundelse, graensePct: graensePct)) == nil {
            flag.append(.overGraensenUdenBegrundelse(pct: pct, graense: graensePct))
        }
        if let fra = sidsteAarsEnhed, Indsendelseskontrol.enhedSkiftet(enhed, sidsteAar: fra) { flag.append(.enhedSkiftet(fra: fra, til: enhed)) }
        return Linje(aendringPct: pct, flag: flag)
    }
}
