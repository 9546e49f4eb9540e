import Foundation

/// The yearly review of supply and demand (udbud og efterspørgsel, DOMAIN.md 6.10): a legal duty
/// (002:4371–4375). The secretariat picks target groups and questions and invites the kommuner's
/// myndighed; each kommune answers with uncertain counts per year (`Taelling`), free text or a
/// choice; the report gives response rates (8 af 11 = 73 %, 002:3873), summed ranges and
/// "x af N kommuner" (001:2762–2847), and is published after the decision, masked (≤3).
public struct Afdaekning: Codable, Sendable, Equatable {
    public var titel: String
    public var aar: Int
    public var region: String
    /// The target groups this review covers; a region's own list (data, not an enum).
    public var maalgrupper: [String]
    public var spoergsmaal: [Spoergsmaal]
    /// The kommuner asked, by organisation name, in the order the report lists them.
    public var inviterede: [String]

    public init(titel: String, aar: Int, region: String, maalgrupper: [String], spoergsmaal: [Spoergsmaal], inviterede: [String]) {
        self.titel = titel
        self.aar = aar
        self.region = region
        self.maalgrupper = maalgrupper
        self.spoergsmaal = spoergsmaal
        self.inviterede = inviterede
    }

    /// A new review from what the secretariat typed; every problem at once, named by field.
    public static func opret(titel: String, aar: Int?, region: String, maalgrupper: [String],
                             spoergsmaal: [(tekst: String, art: String, aar: String, valg: String)],
                             inviterede: [String]) throws -> Afdaekning {
        var fejl: [Valideringsfejl] = []
        let titel = titel.trimmingCharacters(in: .whitespacesAndNewlines)
        if titel.isEmpty { fejl.append(.init(felt: "titel", besked: "skriv en titel på afdækningen")) }
        if let aar, !Aarsinterval.gyldige.contains(aar) {
            fejl.append(.init(felt: "aar", besked: "året skal ligge mellem \(Aarsinterval.gyldige.lowerBound) og \(Aarsinterval.gyldige.upperBound)"))
        }
        if aar == nil { fejl.append(.init(felt: "aar", besked: "skriv året, afdækningen gælder")) }
        if region.trimmingCharacters(in: .whitespaces).isEmpty { fejl.append(.init(felt: "region", besked: "vælg regionen")) }
        let grupper = maalgrupper.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var sp: [Spoergsmaal] = []
        for (i, s) in spoergsmaal.enumerated() {
            let noegle = "s\(i + 1)"
            do { sp.append(try Spoergsmaal.fortolk(noegle: noegle, tekst: s.tekst, art: s.art, aar: s.aar, valg: s.valg)) } catch let v as Valideringsfejl {
                fejl.append(v)
            }
        }
        if spoergsmaal.isEmpty { fejl.append(.init(felt: "s1_tekst", besked: "afdækningen skal have mindst ét spørgsmål")) }
        let inviterede = inviterede.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if inviterede.isEmpty { fejl.append(.init(felt: "inviterede", besked: "inviter mindst én kommune")) }
        if Set(inviterede).count != inviterede.count { fejl.append(.init(felt: "inviterede", besked: "en kommune er inviteret to gange")) }
        if !fejl.isEmpty { throw Valideringsfejlliste(fejl) }
        return Afdaekning(titel: titel, aar: aar!, region: region, maalgrupper: grupper, spoergsmaal: sp, inviterede: inviterede)
    }

    public func erInviteret(_ kommune: String?) -> Bool { kommune.map { inviterede.contains($0) } ?? false }

    public func spoergsmaal(_ noegle: String) -> Spoergsmaal? { spoergsmaal.first { $0.noegle == noegle } }

    /// Reads a kommune's answer (web form and API alike): a count per year, a choice among the
    /// options, free text. Unknown fields and unreadable counts are refused, every one named.
    public func fortolkSvar(_ raa: [String: String]) throws -> Besvarelse {
        var fejl: [Valideringsfejl] = []
        var felter: [String: String] = [:]
        let kendte = Set(spoergsmaal.flatMap(\.felter))
        for k in raa.keys.sorted() where !kendte.contains(k) {
            fejl.append(.init(felt: k, besked: "ukendt felt '\(k)' (afdækningen har \(spoergsmaal.flatMap(\.felter).joined(separator: ", ")))"))
        }
        for s in spoergsmaal {
            switch s.art {
            case .antal:
                for a in s.aar {
                    let felt = s.felt(aar: a)
                    do {
                        let t = try Taelling.fortolk(raa[felt] ?? "")
                        if t == .hoejst3 {
                            throw Valideringsfejl(felt: felt, besked: "≤3 er kun til offentliggørelse; skriv det faktiske antal (1, 2 eller 3) eller et interval som 1-3")
                        }
                        if t != .ikkeBesvaret { felter[felt] = t.tekst }
                    } catch let v as Valideringsfejl {
                        fejl.append(.init(felt: felt, besked: "\(s.tekst), \(a): \(v.besked)"))
                    }
                }
            case .valg:
                let v = (raa[s.noegle] ?? "").trimmingCharacters(in: .whitespaces)
                if v.isEmpty { continue }
                if s.valgmuligheder.contains(v) { felter[s.noegle] = v } else {
                    fejl.append(.init(felt: s.noegle, besked: "\(s.tekst): '\(v)' er ikke et af svarene (\(s.valgmuligheder.joined(separator: ", ")))"))
                }
            case .fritekst:
                let v = (raa[s.noegle] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if v.count > Afdaekning.maksTekst {
                    fejl.append(.init(felt: s.noegle, besked: "\(s.tekst): svaret er længere end \(Afdaekning.maksTekst) tegn"))
                } else if !v.isEmpty { felter[s.noegle] = v }
            }
        }
        if !fejl.isEmpty { throw Valideringsfejlliste(fejl) }
        return Besvarelse(felter: felter)
    }

    public static let maksTekst = 10_000
}

/// A question of a review. Its key (`s1`, `s2` …) names its fields: `s1_2024` for a count of year
/// 2024, `s2` for a choice or a text.
public struct Spoergsmaal: Codable, Sendable, Equatable {
    public enum Art: String, Codable, Sendable, CaseIterable {
        /// Counts per year, each a `Taelling`.
        case antal
        case fritekst
        /// One of a fixed list of answers (ja/nej, …), summarised "x af N kommuner".
        case valg

        public var tekst: String {
            switch self {
            case .antal: return "Antal pr. år"
            case .fritekst: return "Fritekst"
            case .valg: return "Valg mellem svar"
            }
        }
    }

    public var noegle: String
    public var tekst: String
    public var art: Art
    public var aar: [Int]
    public var valgmuligheder: [String]

    public init(noegle: String, tekst: String, art: Art, aar: [Int] = [], valgmuligheder: [String] = []) {
        self.noegle = noegle
        self.tekst = tekst
        self.art = art
        self.aar = aar
        self.valgmuligheder = valgmuligheder
    }

    public func felt(aar: Int) -> String { "\(noegle)_\(aar)" }

    /// The answer fields of this question.
    public var felter: [String] { art == .antal ? aar.map { felt(aar: $0) } : [noegle] }

    /// A question as typed: the years of a count as "2020-2022" or "2020, 2021"; choices separated by ";".
    public static func fortolk(noegle: String, tekst: String, art: String, aar: String, valg: String) throws -> Spoergsmaal {
        let tekst = tekst.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !tekst.isEmpty else { throw Valideringsfejl(felt: "\(noegle)_tekst", besked: "spørgsmålet har ingen tekst") }
        guard let a = Art(rawValue: art.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw Valideringsfejl(felt: "\(noegle)_art", besked: "ukendt slags spørgsmål '\(art)' (brug antal, fritekst eller valg)")
        }
        switch a {
        case .antal:
            let aarene = try fortolkAar(aar, felt: "\(noegle)_aar")
            return Spoergsmaal(noegle: noegle, tekst: tekst, art: a, aar: aarene)
        case .valg:
            let muligheder = valg.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard muligheder.count >= 2, Set(muligheder).count == muligheder.count else {
                throw Valideringsfejl(felt: "\(noegle)_valg", besked: "skriv mindst to forskellige svarmuligheder adskilt af semikolon, fx Ja; Nej")
            }
            return Spoergsmaal(noegle: noegle, tekst: tekst, art: a, valgmuligheder: muligheder)
        case .fritekst:
            return Spoergsmaal(noegle: noegle, tekst: tekst, art: a)
        }
    }

    /// "2020-2022", "2020–2022" or "2020, 2021, 2023": at most 10 years in the accepted interval.
    static func fortolkAar(_ raa: String, felt: String) throws -> [Int] {
        let s = raa.trimmingCharacters(in: .whitespaces)
        let forkert = Valideringsfejl(felt: felt, besked: "skriv årene som 2020-2022 eller 2020, 2021 (fik '\(raa)')")
        var aar: [Int] = []
        if let i = s.firstIndex(where: { $0 == "-" || $0 == "–" }) {
            guard let a = Int(s[..<i].trimmingCharacters(in: .whitespaces)), let b = Int(s[s.index(after: i)...].trimmingCharacters(in: .whitespaces)),
                  a <= b, b - a < 10 else { throw forkert }
            aar = Array(a...b)
        } else {
            for d in s.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
                guard let a = Int(d) else { throw forkert }
                aar.append(a)
            }
        }
        guard !aar.isEmpty, aar.count <= 10, Set(aar).count == aar.count else { throw forkert }
        guard aar.allSatisfy(Aarsinterval.gyldige.contains) else {
            throw Valideringsfejl(felt: felt, besked: "årene skal ligge mellem \(Aarsinterval.gyldige.lowerBound) og \(Aarsinterval.gyldige.upperBound)")
        }
        return aar.sorted()
    }
}

/// A kommune's answer: normalised field values (counts as `Taelling.tekst`), blank fields left out.
public struct Besvarelse: Codable, Sendable, Equatable {
    public var felter: [String: String]
    public init(felter: [String: String] = [:]) { self.felter = felter }

    public func taelling(_ s: Spoergsmaal, aar: Int) -> Taelling {
        (try? Taelling.fortolk(felter[s.felt(aar: aar)] ?? "")) ?? .ikkeBesvaret
    }

    public func tekst(_ s: Spoergsmaal) -> String { felter[s.noegle] ?? "" }

    /// The fields of `andet` replace these (an import of one question keeps the others).
    public func flettet(med andet: Besvarelse, spoergsmaal s: Spoergsmaal) -> Besvarelse {
        var f = felter.filter { !s.felter.contains($0.key) }
        for k in s.felter { if let v = andet.felter[k] { f[k] = v } }
        return Besvarelse(felter: f)
    }
}

/// The workflow of a review: open for answers until the secretariat publishes the report with
/// the decision reference; then nothing changes.
public enum Afdaekningsstatus: String, Codable, Sendable {
    case aaben, offentliggjort

    public var tekst: String { self == .aaben ? "Åben for svar" : "Offentliggjort" }
    public var kanBesvares: Bool { self == .aaben }
    public var kanOffentliggoeres: Bool { self == .aaben }
}

/// The workflow of one kommune's answer.
public enum Svarstatus: String, Codable, Sendable {
    case kladde, indsendt
    public var tekst: String { self == .kladde ? "Kladde" : "Indsendt" }
}

/// "8 af 11 kommuner, 73 %" (002:3873): answered means submitted.
public struct Svarprocent: Equatable, Sendable {
    public let besvaret: Int
    public let inviterede: Int
    public init(besvaret: Int, inviterede: Int) {
        self.besvaret = besvaret
        self.inviterede = inviterede
    }

    public var procent: Int {
        guard inviterede > 0 else { return 0 }
        return NSDecimalNumber(decimal: afrundet(Decimal(besvaret) * 100 / Decimal(inviterede), decimaler: 0)).intValue
    }

    public var tekst: String { "\(besvaret) af \(inviterede) kommuner, \(procent) %" }
}

/// The report of a review from the submitted answers (kommune → answer).
public struct Afdaekningsopgoerelse: Sendable, Equatable {
    public struct Antal: Sendable, Equatable {
        public let spoergsmaal: Spoergsmaal
        /// Per year, the table of counts (one row per invited kommune) and its check, which
        /// holds a printed total when one was imported.
        public let tabel: Optaellingstabel
        public let kontrol: Optaellingsresultat
        /// Per year, how many kommuner gave a count (not blank, "?" or "-").
        public let medTal: [Int]
    }

    public struct Valg: Sendable, Equatable {
        public let spoergsmaal: Spoergsmaal
        /// Per option the number of kommuner ("x af N kommuner"), in the question's order.
        public let fordeling: [(svar: String, antal: Int)]
        public static func == (a: Valg, b: Valg) -> Bool {
            a.spoergsmaal == b.spoergsmaal && a.fordeling.map(\.svar) == b.fordeling.map(\.svar) && a.fordeling.map(\.antal) == b.fordeling.map(\.antal)
        }
    }

    public let svarprocent: Svarprocent
    public let antal: [Antal]
    public let valg: [Valg]
    /// Free-text answers side by side: question key → (kommune, text), answering kommuner only.
    public let tekster: [String: [(kommune: String, tekst: String)]]

    public static func == (a: Afdaekningsopgoerelse, b: Afdaekningsopgoerelse) -> Bool {
        a.svarprocent == b.svarprocent && a.antal == b.antal && a.valg == b.valg
    }

    /// `trykt`: printed totals from an imported table, question key → year → count.
    public static func opgoer(_ a: Afdaekning, indsendte: [String: Besvarelse],
                              trykt: [String: [Int: Taelling]] = [:]) -> Afdaekningsopgoerelse {
        let svarende = a.inviterede.filter { indsendte[$0] != nil }
        var antal: [Antal] = [], valg: [Valg] = []
        var tekster: [String: [(kommune: String, tekst: String)]] = [:]
        for s in a.spoergsmaal {
            switch s.art {
            case .antal:
                let raekker = a.inviterede.enumerated().map { i, k in
                    Optaellingstabel.Raekke(nummer: i + 1, navn: k, vaerdier: s.aar.map { indsendte[k]?.taelling(s, aar: $0) ?? .ikkeBesvaret })
                }
                let tryktRaekke = trykt[s.noegle].map { t in
                    Optaellingstabel.Raekke(nummer: raekker.count + 1, navn: "I alt (trykt)", vaerdier: s.aar.map { t[$0] ?? .ikkeBesvaret })
                }
                let tabel = Optaellingstabel(kolonner: s.aar.map(String.init), raekker: raekker, trykt: tryktRaekke)
                let medTal = s.aar.indices.map { i in raekker.filter { ![.ikkeBesvaret, .ukendt, .ikkeIndberettet].contains($0.vaerdier[i]) }.count }
                antal.append(Antal(spoergsmaal: s, tabel: tabel, kontrol: Optaelling.kontroller(tabel), medTal: medTal))
            case .valg:
                valg.append(Valg(spoergsmaal: s, fordeling: s.valgmuligheder.map { v in
                    (v, svarende.filter { indsendte[$0]?.tekst(s) == v }.count)
                }))
            case .fritekst:
                tekster[s.noegle] = svarende.compactMap { k in
                    let t = indsendte[k]?.tekst(s) ?? ""
                    return t.isEmpty ? nil : (k, t)
                }
            }
        }
        return Afdaekningsopgoerelse(svarprocent: Svarprocent(besvaret: svarende.count, inviterede: a.inviterede.count),
                                     antal: antal, valg: valg, tekster: tekster)
    }

    /// The printed totals of imported tables against the sums of the answers (DOMAIN.md 6.13).
    public var afstemning: [Afstemningspost] {
        antal.flatMap { x in
            x.kontrol.kolonner.compactMap { k in
                k.trykt.map { Afstemning.antal(tabel: "Spørgsmål \(x.spoergsmaal.noegle.dropFirst())", felt: k.kolonne, trykt: $0, beregnet: k.beregnet) }
            }
        }
    }

    /// "x af N kommuner" (001:2762–2847).
    public static func afN(_ x: Int, _ n: Int) -> String { "\(x) af \(n) kommuner" }
}

/// A column of counts as published (DOMAIN.md 6.10): 1–3 masked as ≤3, the total from the exact
/// values — unless that total and the other cells would give a masked value away; then the total
/// is published as the range the masked cells allow (known + 1·n … known + 3·n).
public struct OffentligKolonne: Sendable, Equatable {
    public let celler: [Taelling]
    public let total: Spaend
    /// The total is shown as a range to protect a masked cell.
    public let totalBeskyttet: Bool

    public static func offentliggoer(_ celler: [Taelling]) -> OffentligKolonne {
        let eksakt = celler.reduce(Spaend.nul) { $0 + $1.spaend }
        let maskeret = celler.map(\.offentlig)
        let afsloerer = Optaelling.afsloeret(maskeret, total: eksakt) != nil
        if afsloerer {
            return OffentligKolonne(celler: maskeret, total: maskeret.reduce(Spaend.nul) { $0 + $1.spaend }, totalBeskyttet: true)
        }
        return OffentligKolonne(celler: maskeret, total: eksakt, totalBeskyttet: false)
    }
}
