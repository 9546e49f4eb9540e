import Filformater
import FluentKit
import Foundation
import SQLKit
import Takstregler

/// The five tables of the ledelsesinformation from stored reports (DOMAIN.md 6.5). Every table
/// is computed by the rules in Takstregler; this file only gathers the rows (a few queries per
/// table, grouped in memory).
/// A tilbud as the reports need it, read with one join.
struct TilbudInfo {
    let id: UUID
    let navn: String
    let driftsherre: String
    let region: String?
    let maalgruppe: Maalgruppe?
}

/// Per driftsherre and year, the regnskab figures the tables add up (exact Decimals: adding in
/// another order gives the same sum).
public struct Regnskabssum: Sendable {
    public var tal = Regnskabstal.nul
    /// Over/underskud (tabel 2); a regnskab without one adds 0.
    public var resultat: Kroner = 0
    /// Tillægsydelser (tabel 3); a regnskab without them adds 0.
    public var tillaegsydelser: Kroner = 0

    mutating func laegTil(_ r: Regnskab) {
        tal = tal + Regnskabstal(belaegning: r.belaegning, regnskab: r.omkostninger)
        resultat += r.resultat ?? 0
        tillaegsydelser += r.tillaegsydelser ?? 0
    }
}

/// Everything the five tables of one pair of years are computed from: a view of `Rapportdata`
/// for a region (or all) and for every regnskab or only approved ones. The tables are computed
/// by the rules in Takstregler from sums made once per year when the data was read, so a pair's
/// tables cost a few hundred additions, not a pass over every row (issue "Ydeevne: foran DuckDB
/// og pandas" 2). SQL sums are not used: SQLite's `SUM` over decimal text goes through floating point.
public struct Ledelsesinformationsgrundlag: Sendable {
    struct RegnskabPrTilbud: Sendable {
        let tilbud: String
        let driftsherre: String
        let regnskab: Regnskab
    }
    let data: Rapportdata
    let region: String?
    let kunGodkendte: Bool
    let fraAar: Int
    let tilAar: Int
    var plFaktor: Decimal { data.plIndeks.faktor(fra: fraAar, til: tilAar) }

    func summer(_ aar: Int) -> [String: Regnskabssum] { data.regnskabssummer(aar: aar, region: region, kunGodkendte: kunGodkendte) }
    /// Each tilbud's regnskab (the takstaftale compares tilbud by tilbud; exports list them).
    var fra: [RegnskabPrTilbud] { data.regnskaber(aar: fraAar, region: region, kunGodkendte: kunGodkendte) }
    var til: [RegnskabPrTilbud] { data.regnskaber(aar: tilAar, region: region, kunGodkendte: kunGodkendte) }

    /// Driftsherrer with a regnskab in either year, in Danish alphabetical order.
    var driftsherrer: [String] { DanskSortering.sorteret(Set(summer(fraAar).keys).union(summer(tilAar).keys)) }

    public var takstudvikling: [Takstudvikling.Raekke] {
        let a = summer(fraAar), b = summer(tilAar)
        return Takstudvikling.tabel(driftsherrer.map { (driftsherre: $0, fra: a[$0]?.tal ?? .nul, til: b[$0]?.tal ?? .nul) }, plFaktor: plFaktor)
    }

    /// Tabel 2 (`\.resultat`) or 3 (`\.tillaegsydelser`).
    public func toAar(_ beloeb: KeyPath<Regnskabssum, Kroner>) -> [ToAarsoversigt.Raekke] {
        let a = summer(fraAar), b = summer(tilAar)
        return ToAarsoversigt.tabel(driftsherrer.map { (driftsherre: $0, fra: a[$0]?[keyPath: beloeb] ?? 0, til: b[$0]?[keyPath: beloeb] ?? 0) },
                                    plFaktor: plFaktor)
    }

    public var belaegningstabel: [Belaegningsoversigt.Raekke] { data.belaegningstabel(aar: tilAar, region: region) }
    public var pladstabel: [Pladsoversigt.Raekke] {
        Pladsoversigt.tabel(data.pladssummer(aar: fraAar, region: region) + (fraAar == tilAar ? [] : data.pladssummer(aar: tilAar, region: region)),
                            fra: fraAar, til: tilAar)
    }
}

extension Lager {
    var sql: any SQLDatabase {
        get throws {
            guard let s = db as? any SQLDatabase else { throw Lagerfejl.ugyldigDatabase("databasen understøtter ikke SQL") }
            return s
        }
    }

    /// The tilbud (of a region) keyed by their id as the database writes it as text
    /// (`idTekst`): the report queries read `tilbud_id` the same way, so tens of thousands of rows
    /// are matched by a string lookup instead of parsing a UUID each (perf: ~7 % of a report).
    func tilbudMedDriftsherre(region: String?) async throws -> [String: TilbudInfo] {
        var ud: [String: TilbudInfo] = [:]
        for r in try await alleRaekker(SQLRaw("""
            SELECT t.id, CAST(t.id AS TEXT) AS id_tekst, t.navn, t.maalgruppe, o.navn AS driftsherre, o.region FROM tilbud t
            JOIN organisationer o ON o.id = t.driftsherre_id
            """)) {
            let omraade = try r.valgfriTekst("region")
            guard region == nil || omraade == region else { continue }
            let mg = try r.valgfriTekst("maalgruppe")
            ud[try r.tekst("id_tekst")] = TilbudInfo(
                id: try r.uuid("id"),
                navn: try r.tekst("navn"), driftsherre: try r.tekst("driftsherre"),
                region: omraade, maalgruppe: mg.flatMap(Maalgruppe.init(rawValue:)))
        }
        return ud
    }

    /// The newest version of each tilbud's places per year and type (tilbud id as text), in
    /// `aar` or every year.
    func senestePladser(aar: [Int]?) async throws -> [(id: String, aar: Int, type: Tilbud.Type_, pladser: Decimal)] {
        struct Noegle: Hashable { let id: String; let aar: Int; let type: Tilbud.Type_ }
        let seneste = Samling<[Noegle: (version: Int, pladser: Decimal)]>([:])
        var q = try sql.select().column(Lager.idTekst).columns("aar", "type", "pladser", "version").from(Pladsmodel.schema)
        if let aar { q = q.where("aar", .in, aar) }
        try await forHverRaekke(q) { row in
            guard let type = Tilbud.Type_(rawValue: try row.tekst("type")) else { return }
            let noegle = Noegle(id: try row.tekst("id_tekst"), aar: try row.heltal("aar"), type: type)
            let v = try row.heltal("version")
            if let nu = seneste.v[noegle], nu.version > v { return }
            seneste.v[noegle] = (v, try row.tal("pladser"))
        }
        return seneste.v.map { ($0.key.id, $0.key.aar, $0.key.type, $0.value.pladser) }
    }

    /// The years with places, newest first.
    public func aarMedPladser() async throws -> [Int] {
        try await alleRaekker(SQLRaw("SELECT DISTINCT aar FROM pladser ORDER BY aar DESC")).map { try $0.heltal("aar") }
    }

    /// The pladsoversigt's source (DOMAIN.md 6.10): every tilbud with places in `aar`, with its
    /// driftsherre, målgruppe, SEL §§, ejerform and beliggenhedskommune.
    /// With `ledigePr`, each post carries the vacancy reported on or before that date.
    public func kapacitetsposter(aar: Int, region: String? = nil, ledigePr: String? = nil) async throws -> [Kapacitetsoversigt.Post] {
        var ledige: [UUID: (dato: String, ledighed: Ledighed)] = [:]
        if let ledigePr { ledige = try await ledigePladser(paa: ledigePr) }
        var tilbud: [String: Kapacitetsoversigt.Post] = [:]
        let lister = Dictionary(uniqueKeysWithValues: try await maalgruppelister().map { ($0.region, $0) })
        for r in try await alleRaekker(SQLRaw("""
            SELECT CAST(t.id AS TEXT) AS id_tekst, t.navn, t.maalgruppe, t.paragraf, t.type, t.ejerform, t.beliggenhedskommune,
                   t.specialer, o.navn AS driftsherre, o.region FROM tilbud t JOIN organisationer o ON o.id = t.driftsherre_id
            """)) {
            let omraade = try r.valgfriTekst("region")
            guard region == nil || omraade == region else { continue }
            let t = Tilbudsmodel.tilbud(navn: try r.tekst("navn"), driftsherre: try r.tekst("driftsherre"), adresse: nil,
                                        paragraf: try r.valgfriTekst("paragraf"), maalgruppe: try r.valgfriTekst("maalgruppe"),
                                        type: try r.tekst("type"), ejerform: try r.tekst("ejerform"), afdelinger: "",
                                        beliggenhedskommune: try r.valgfriTekst("beliggenhedskommune"))
            let id = try r.tekst("id_tekst")
            // The region's own list when the tilbud has specialer; else Midtjylland's category (6.6).
            let specialer = (try r.valgfriTekst("specialer") ?? "").split(separator: ",").map(String.init)
            let liste = lister[omraade ?? ""]
            let maalgrupper = specialer.isEmpty ? (t.maalgruppe.map { [$0.tekst] } ?? []) : specialer.map { liste?.tekst($0) ?? $0 }
            tilbud[id] = .init(tilbudID: id, driftsherre: t.driftsherre, maalgrupper: maalgrupper,
                               paragraffer: t.paragraffer, ejerform: t.ejerform, beliggenhedskommune: t.beliggenhedskommune)
        }
        var poster: [String: Kapacitetsoversigt.Post] = [:]
        for p in try await senestePladser(aar: [aar]) {
            guard var post = poster[p.id] ?? tilbud[p.id] else { continue }
            post.ledige = UUID(uuidString: p.id).flatMap { ledige[$0]?.ledighed }
            switch p.type {
            case .dag: post.dag += p.pladser
            case .doegn: post.doegn += p.pladser
            case .ambulant: post.ambulant += p.pladser
            }
            poster[p.id] = post
        }
        return Array(poster.values)
    }

    /// `tilbud_id` as text, matching the keys of `tilbudMedDriftsherre`.
    static let idTekst = SQLAlias(SQLRaw("CAST(tilbud_id AS TEXT)"), as: SQLIdentifier("id_tekst"))

    /// The newest version of each tilbud's regnskab per year, and its newest approved version
    /// (the public pages leave out drafts and submitted figures), in `aar` or every year.
    func regnskabsversioner(aar: [Int]?, tilbud: [String: TilbudInfo]) async throws -> [Int: [String: Rapportdata.Regnskabsversioner]] {
        let ud = Samling<[Int: [String: Rapportdata.Regnskabsversioner]]>([:])
        var q = try sql.select().column(Lager.idTekst).columns("aar", "version", "status", "omkostninger", "takstindtaegter", "belaegning",
                                                               "over_underskud", "tillaegsydelser").from(Regnskabsmodel.schema)
        if let aar { q = q.where("aar", .in, aar) }
        let godkendte: Set<String> = [Status.godkendt.rawValue, Status.offentliggjort.rawValue]
        try await forHverRaekke(q) { r in
            let id = try r.tekst("id_tekst")
            guard tilbud[id] != nil else { return }
            let a = try r.heltal("aar"), v = try r.heltal("version")
            var nu = ud.v[a]?[id] ?? .init()
            let erGodkendt = godkendte.contains(try r.tekst("status"))
            guard v > (nu.alle?.version ?? Int.min) || (erGodkendt && v > (nu.godkendt?.version ?? Int.min)) else { return }
            let regnskab = Regnskab(aar: a, omkostninger: try r.valgfritTal("omkostninger") ?? 0, takstindtaegter: try r.valgfritTal("takstindtaegter"),
                                    belaegning: try r.valgfritTal("belaegning") ?? 0, overUnderskud: try r.valgfritTal("over_underskud"),
                                    tillaegsydelser: try r.valgfritTal("tillaegsydelser"))
            if v > (nu.alle?.version ?? Int.min) { nu.alle = (v, regnskab) }
            if erGodkendt && v > (nu.godkendt?.version ?? Int.min) { nu.godkendt = (v, regnskab) }
            ud.v[a, default: [:]][id] = nu
        }
        return ud.v
    }

    /// The newest version of each quarter's belægning (per art), handed over one year at a time
    /// (oldest first), in `aar` or every year. Rows come sorted by year and newest version first,
    /// so a year's quarters are all that is held (at x10 scale every year at once was ~0,3 GB).
    func belaegninger(aar: [Int]?, tilbud: [String: TilbudInfo],
                      prAar: @escaping @Sendable (Int, [(id: String, maaling: Belaegning)]) throws -> Void) async throws {
        struct Noegle: Hashable { let id: String; let kvartal: Int; let art: String }
        struct Aaret { var aar: Int; var set: Set<Noegle> = []; var maalinger: [(id: String, maaling: Belaegning)] = [] }
        let nu = Samling<Aaret?>(nil)
        var q = try sql.select().column(Lager.idTekst).columns("aar", "kvartal", "version", "normering", "forbrug", "art").from(Belaegningsmodel.schema)
        if let aar { q = q.where("aar", .in, aar) }
        q = q.orderBy("aar").orderBy("version", .descending)
        try await forHverRaekke(q) { r in
            let id = try r.tekst("id_tekst")
            guard tilbud[id] != nil else { return }
            let a = try r.heltal("aar")
            if let aaret = nu.v, aaret.aar != a { try prAar(aaret.aar, aaret.maalinger); nu.v = nil }
            if nu.v == nil { nu.v = Aaret(aar: a) }
            let kvartal = try r.heltal("kvartal"), art = try r.tekst("art")
            // The first row of a key is its newest version (sorted); older ones are passed over.
            guard nu.v!.set.insert(Noegle(id: id, kvartal: kvartal, art: art)).inserted else { return }
            nu.v!.maalinger.append((id, Belaegning(aar: a, kvartal: kvartal, normering: try r.valgfritTal("normering"),
                                                   forbrug: try r.valgfritTal("forbrug"), art: Belaegningsart(rawValue: art) ?? .doegn)))
        }
        if let aaret = nu.v { try prAar(aaret.aar, aaret.maalinger) }
    }

    /// Reads what the five tables of `fra`–`til` need (see `Ledelsesinformationsgrundlag`): from
    /// memory when this `Lager` has a `Rapportcache`, else with a few queries for the two years.
    public func ledelsesinformation(fra: Int, til: Int, region: String? = nil, kunGodkendte: Bool = false) async throws -> Ledelsesinformationsgrundlag {
        Ledelsesinformationsgrundlag(data: try await rapportdata(aar: [fra, til]), region: region, kunGodkendte: kunGodkendte, fraAar: fra, tilAar: til)
    }

    /// Tabel 1: takstudvikling på regnskab, the earlier year in the later year's prices.
    public func takstudviklingTabel(fra: Int, til: Int, region: String? = nil, kunGodkendte: Bool = false) async throws -> [Takstudvikling.Raekke] {
        try await ledelsesinformation(fra: fra, til: til, region: region, kunGodkendte: kunGodkendte).takstudvikling
    }

    /// Tabel 2 (`\.resultat`, over/underskud) or 3 (`\.tillaegsydelser`).
    public func toAarsTabel(fra: Int, til: Int, region: String? = nil, kunGodkendte: Bool = false,
                            _ beloeb: KeyPath<Regnskabssum, Kroner>) async throws -> [ToAarsoversigt.Raekke] {
        try await ledelsesinformation(fra: fra, til: til, region: region, kunGodkendte: kunGodkendte).toAar(beloeb)
    }

    /// Tabel 4: belægning per målgruppe for a year (newest version of each quarter).
    public func belaegningsTabel(aar: Int, region: String? = nil) async throws -> [Belaegningsoversigt.Raekke] {
        try await ledelsesinformation(fra: aar - 1, til: aar, region: region).belaegningstabel
    }

    /// Tabel 5: places per driftsherre and målgruppe in two years.
    public func pladsTabel(fra: Int, til: Int, region: String? = nil) async throws -> [Pladsoversigt.Raekke] {
        try await ledelsesinformation(fra: fra, til: til, region: region).pladstabel
    }

    /// Takstaftale per driftsherre, like-for-like over tilbud with regnskab in both years.
    public func takstaftaleTabel(fra: Int, til: Int, region: String? = nil, tidligereReduktion: [String: Decimal] = [:],
                                 parametre: Takstaftale.Parametre = .midt2019_2022) async throws -> [Takstaftale.Vurdering] {
        let g = try await ledelsesinformation(fra: fra, til: til, region: region)
        let a = g.fra, b = g.til, pl = g.plFaktor
        return try g.driftsherrer.compactMap { d in
            let navne = Set((a + b).filter { $0.driftsherre == d }.map(\.tilbud))
            let tal = { (r: [Ledelsesinformationsgrundlag.RegnskabPrTilbud], t: String) in
                r.first { $0.driftsherre == d && $0.tilbud == t }.map { Regnskabstal(belaegning: $0.regnskab.belaegning, regnskab: $0.regnskab.omkostninger) }
            }
            let s = Takstaftale.sammenlignelige(navne.sorted().map { (tilbud: $0, fra: tal(a, $0), til: tal(b, $0)) })
            guard let gFra = s.fra.gennemsnitspris, let gTil = s.til.gennemsnitspris else { return nil }
            return try Takstaftale.vurder(driftsherre: d, fra: gFra, til: gTil, plFaktor: pl,
                                          tidligereReduktion: tidligereReduktion[d] ?? 0, parametre)
        }
    }

    /// Nordjylland's measure: published takst levels present in both years.
    public func niveauTakstudvikling(fra: Int, til: Int, region: String? = nil) async throws -> [NiveauTakstudvikling.Driftsherre] {
        // A year's takst is the one in force on 1 January (its first period when it starts later).
        let a = try await offentligTakstliste(aar: fra).paaDato("\(fra)-01-01"), b = try await offentligTakstliste(aar: til).paaDato("\(til)-01-01")
        let iRegionen = Set(try await tilbudMedDriftsherre(region: region).values.map(\.id))
        var niveauer: [String: NiveauTakstudvikling.Niveau] = [:]
        for (liste, erFra) in [(a, true), (b, false)] {
            for t in liste where iRegionen.contains(t.id) {
                for n in t.niveauer {
                    let noegle = "\(t.id)/\(n.niveau.navn)"
                    var v = niveauer[noegle] ?? .init(driftsherre: t.tilbud.driftsherre, noegle: noegle, takstFra: nil, takstTil: nil)
                    if erFra { v.takstFra = n.takst } else { v.takstTil = n.takst }
                    niveauer[noegle] = v
                }
            }
        }
        return NiveauTakstudvikling.prDriftsherre(Array(niveauer.values), plFaktor: try await plIndeks().faktor(fra: fra, til: til))
    }

    // MARK: Comments and notes

    /// The tables with a row per driftsherre, which comments and notes attach to (belægning is
    /// per målgruppe).
    public static let kommenterbareTabeller = ["takstudvikling", "over_underskud", "tillaegsydelser", "pladser"]

    /// A comment (a driftsherre's, on its own rows) or a note (the secretariat's) on a year's
    /// tables — only while the comment round is open, i.e. before the year is published.
    public func tilfoejKommentar(aar: Int, tabel: String, driftsherre: String, art: String = "kommentar", tekst: String,
                                 af bruger: String) async throws {
        guard !tekst.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Valideringsfejl(felt: "tekst", besked: "kommentaren er tom")
        }
        guard Lager.kommenterbareTabeller.contains(tabel) else {
            throw Valideringsfejl(felt: "tabel", besked: "ukendt tabel '\(tabel)' (vælg \(Lager.kommenterbareTabeller.joined(separator: ", ")))")
        }

        guard try await organisation(navn: driftsherre) != nil || driftsherre == Takstudvikling.iAlt else {
            throw Lagerfejl.ukendtOrganisation(driftsherre)
        }
        try await skriv { tx, log in
            // Checked in the write's transaction, so a comment cannot slip in after publication.
            if let dato = try await Lager(tx).ledelsesinformationOffentliggjort(aar: aar) {
                throw Valideringsfejl(felt: "aar", besked: "kommentarrunden for \(aar) er slut: ledelsesinformationen blev offentliggjort \(dato)")
            }
            let m = Kommentarmodel(aar: aar, tabel: tabel, driftsherre: driftsherre, art: art, tekst: tekst, bruger: bruger)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", art, m.id, efter: ["aar": "\(aar)", "tabel": tabel,
                                                                                "driftsherre": driftsherre, "tekst": tekst]))
        }
    }

    /// The day a year's ledelsesinformation was published (the comment round closed), if it was.
    public func ledelsesinformationOffentliggjort(aar: Int) async throws -> String? {
        try await parameter(aar: aar, region: "", noegle: Parameternoegle.ledelsesinformationOffentliggjort, som: String.self)
    }

    /// Publishes a year's ledelsesinformation: the comment round ends; later comments are refused.
    public func offentliggoerLedelsesinformation(aar: Int, dato: String, af bruger: String) async throws {
        if let tidligere = try await ledelsesinformationOffentliggjort(aar: aar) {
            throw Valideringsfejl(felt: "aar", besked: "ledelsesinformationen for \(aar) blev allerede offentliggjort \(tidligere)")
        }
        try await saetParameter(aar: aar, region: "", noegle: Parameternoegle.ledelsesinformationOffentliggjort, vaerdi: dato, af: bruger)
    }

    /// Comments and notes for a year's ledelsesinformation: tabel → driftsherre → texts.
    public func kommentarer(aar: Int) async throws -> [String: [String: [String]]] {
        var ud: [String: [String: [String]]] = [:]
        for k in try await Kommentarmodel.query(on: db).filter(\.$aar == aar).sort(\.$tidspunkt).all() {
            ud[k.tabel, default: [:]][k.driftsherre, default: []].append(k.art == "note" ? "Note: \(k.tekst)" : k.tekst)
        }
        return ud
    }

    /// The newest approved regnskab of year `takstaar − 2`, as the regulation for a takst of `takstaar`
    /// (DOMAIN.md 6.2), carried whole or beyond the 5 % band as the tilbud's region has chosen for
    /// `takstaar`; nil without an approved result or with nothing to carry.
    public func efterregulering(tilbudID: UUID, takstaar: Int, valg: Efterregulering.Valg = .init(),
                                graensePct: Decimal = 5) async throws -> Regulering? {
        let aar = Efterregulering.regnskabsaar(forTakstaar: takstaar)
        guard let m = try await Regnskabsmodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$aar == aar)
            .sort(\.$version, .descending).first(),
              [Status.godkendt.rawValue, Status.offentliggjort.rawValue].contains(m.status) else { return nil }
        let r = try m.domaene
        guard let resultat = r.resultat else { return nil }
        let princip = try await tilbuddetsParameter(tilbudID: tilbudID, aar: takstaar, noegle: Parameternoegle.efterreguleringsprincip,
                                                    som: Efterregulering.Princip.self) ?? .helt
        return try Efterregulering.regulering(regnskabsaar: aar, resultat: resultat, grundlag: r.omkostninger,
                                              valg: valg, graensePct: graensePct, princip: princip)
    }
}

extension Lager {
    /// A year's regnskab rows in the import format (newest version per tilbud), for exports.
    public func regnskabsraekker(aar: Int) async throws -> [Indberetningsformat.Regnskabsraekke] {
        try await ledelsesinformation(fra: aar, til: aar).til
            .sorted { ($0.driftsherre, $0.tilbud) < ($1.driftsherre, $1.tilbud) }
            .map { .init(raekke: 0, driftsherre: $0.driftsherre, region: nil, tilbud: $0.tilbud, maalgruppe: nil, type: nil, regnskab: $0.regnskab) }
    }

    /// A year's quarterly belægning in the import format (newest version per quarter and art).
    public func belaegningsraekker(aar: Int) async throws -> [Indberetningsformat.Belaegningsraekke] {
        let tilbud = try await tilbudMedDriftsherre(region: nil)
        let aaret = Samling<[(id: String, maaling: Belaegning)]>([])
        try await belaegninger(aar: [aar], tilbud: tilbud) { _, m in aaret.v = m }
        return aaret.v
            .map { id, b in
                let t = tilbud[id]!
                return Indberetningsformat.Belaegningsraekke(
                    raekke: 0, driftsherre: t.driftsherre, region: nil, tilbud: t.navn, maalgruppe: t.maalgruppe, belaegning: b)
            }
            .sorted { ($0.driftsherre, $0.tilbud, $0.belaegning.kvartal, $0.belaegning.art.rawValue)
                < ($1.driftsherre, $1.tilbud, $1.belaegning.kvartal, $1.belaegning.art.rawValue) }
    }
}
