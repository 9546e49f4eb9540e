import Foundation

/// The prices of a kommune's saved contracts from the next 1 January, and the letter per
/// leverandør announcing them, due 15 December the year before (002:13486–13496). Outside the
/// rammeaftale the agreed price is regulated by the P/L rate (`PLRegulering`); inside it the price
/// is the next year's takst from the takstfil (002:13115: "Taksten beregnes årligt i henhold til
/// rammeaftalen"), or unknown until that takst is published.
public enum Reguleringsliste {
    public struct Kontrakt: Sendable {
        public let reference: String
        public let udkast: Kontraktudkast
        /// The leverandør's name (inside the rammeaftale: the tilbud's driftsherre and tilbud).
        public let leverandoer: String
        public let pris: Kroner
        public let prisaar: Int
        /// Inside the rammeaftale: the published takst in force on 1 January of the target year, if any.
        public let naesteTakst: Kroner?
        public init(reference: String, udkast: Kontraktudkast, leverandoer: String, pris: Kroner, prisaar: Int, naesteTakst: Kroner? = nil) {
            self.reference = reference
            self.udkast = udkast
            self.leverandoer = leverandoer
            self.pris = pris
            self.prisaar = prisaar
            self.naesteTakst = naesteTakst
        }
    }

    public struct Post: Sendable, Equatable {
        public let reference: String
        public let leverandoer: String
        public let version: Kontraktudkast.Version
        public let pris: Kroner
        public let prisaar: Int
        /// The price from 1 January of the target year, to the øre; nil when it cannot be given yet.
        public let nyPris: Kroner?
        /// Why: the rate(s) and their source, the takstfil, or what is missing.
        public let grundlag: String
    }

    public struct Brev: Sendable, Equatable {
        public let leverandoer: String
        public let koeber: String
        public let aar: Int
        public let frist: String
        public let poster: [Post]
        public let tekst: String
    }

    /// The last day the leverandør may announce the regulation into `aar` (15 December the year before).
    public static func frist(aar: Int) -> String { "\(aar - 1)-12-15" }

    public static func poster(_ kontrakter: [Kontrakt], tilAar: Int, satser: PLSatser) -> [Post] {
        kontrakter.map { k in
            switch k.udkast.version {
            case .indenforRammeaftale:
                return Post(reference: k.reference, leverandoer: k.leverandoer, version: .indenforRammeaftale, pris: k.pris, prisaar: k.prisaar,
                            nyPris: k.naesteTakst,
                            grundlag: k.naesteTakst == nil ? "takst \(tilAar) er ikke offentliggjort endnu (rammeaftalen)" : "takstfilen \(tilAar) (rammeaftalen)")
            case .udenforRammeaftale:
                let type = k.udkast.leverandoertype ?? .kommunal
                do {
                    let r = try PLRegulering.reguler(pris: k.pris, fraAar: min(k.prisaar, tilAar), tilAar: tilAar, leverandoer: type, satser: satser)
                    let satstekst = r.trin.isEmpty ? "prisen er allerede i \(tilAar)-niveau"
                        : r.trin.map { "\($0.sats.aarFra)–\($0.sats.aarTil): \(DanskTal.formaterKort($0.sats.procent, maksDecimaler: 4)) % (\($0.sats.kilde), \($0.sats.reference))" }
                            .joined(separator: "; ")
                    return Post(reference: k.reference, leverandoer: k.leverandoer, version: .udenforRammeaftale, pris: k.pris, prisaar: k.prisaar,
                                nyPris: r.reguleretPris, grundlag: "\(type.satstype.tekst): " + satstekst)
                } catch let f as Valideringsfejl {
                    return Post(reference: k.reference, leverandoer: k.leverandoer, version: .udenforRammeaftale, pris: k.pris, prisaar: k.prisaar,
                                nyPris: nil, grundlag: Reguleringsliste.stort(f.besked))
                } catch {
                    return Post(reference: k.reference, leverandoer: k.leverandoer, version: .udenforRammeaftale, pris: k.pris, prisaar: k.prisaar,
                                nyPris: nil, grundlag: "\(error)")
                }
            }
        }
    }

    /// One letter per leverandør, in Danish, listing its contracts with the old and new prices.
    public static func breve(_ poster: [Post], koeber: String, aar: Int) -> [Brev] {
        let pr = Dictionary(grouping: poster, by: \.leverandoer)
        return pr.keys.sorted(by: DanskSortering.foer).map { l in
            let mine = pr[l]!.sorted { $0.reference < $1.reference }
            let linjer = mine.map { p in
                "- \(p.reference): \(DanskTal.formater(p.pris)) kr. (\(p.prisaar)) → "
                    + (p.nyPris.map { "\(DanskTal.formater($0)) kr." } ?? "kan ikke beregnes endnu") + " — \(p.grundlag)"
            }
            let tekst = """
            Til \(koeber)
            Fra \(l)

            Regulering af priser pr. 1. januar \(aar)

            Priserne i nedenstående kontrakter reguleres pr. 1. januar \(aar). Indsatser uden for rammeaftalen reguleres med pris- og lønskønnet; \
            indsatser omfattet af rammeaftalen afregnes efter taksten i takstfilen.

            \(linjer.joined(separator: "\n"))

            Meddelelsen skal være køber i hænde senest \(Reguleringsliste.datotekst(frist(aar: aar))) (standardkontrakten pkt. 7). \
            Øvrige ændringer af prisen kræver købers skriftlige accept.
            """
            return Brev(leverandoer: l, koeber: koeber, aar: aar, frist: frist(aar: aar), poster: mine, tekst: tekst)
        }
    }

    static func stort(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func datotekst(_ d: String) -> String {
        let m = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
        let dele = d.split(separator: "-").compactMap { Int($0) }
        guard dele.count == 3 else { return d }
        return "\(dele[2]). \(m[dele[1] - 1]) \(dele[0])"
    }
}
