import Filformater
import FluentKit
import Foundation
import SQLKit
import Takstregler

/// A tilbud with the takstniveauer of a year — the rows of the public takstfil. A level may have
/// several periods in the year (DOMAIN.md 6.1); `paaDato` picks the one in force on a date.
public struct TilbudMedTakster: Sendable {
    public struct Niveau: Sendable {
        public let id: UUID
        public let niveau: Takstniveau
        public let takst: Kroner
        public let revision: Int
        public let begrundelse: String?
    }
    public let id: UUID
    public let tilbud: Tilbud
    public let demo: Bool
    public let kilde: String?
    /// Every period of the year (newest version of each), by level name and then start.
    public let niveauer: [Niveau]
    /// Periods of earlier years of levels that have a period only for citizens enrolled from a date:
    /// what those enrolled before still pay.
    public let tidligere: [Niveau]

    /// One period per level: the one in force on `dato` for a citizen enrolled on `indskrevet`
    /// (`Takstperioder.gaeldende`); a level whose first period starts after the date shows that period.
    public func paaDato(_ dato: String, indskrevet: String? = nil) -> TilbudMedTakster {
        // The common case — one period per level, none only for newly enrolled: that period is the
        // one shown whatever the date (see below), so the tilbud is already its own view.
        if tidligere.isEmpty, niveauer.allSatisfy({ $0.niveau.kunForIndskrevetFra == nil }),
           Set(niveauer.lazy.map(\.niveau.navn)).count == niveauer.count { return self }
        var valgt: [Niveau] = []
        for navn in niveauer.map(\.niveau.navn).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            let aarets = niveauer.filter { $0.niveau.navn == navn }
            let alle = tidligere.filter { $0.niveau.navn == navn } + aarets
            if let n = Takstperioder.gaeldende(alle, dato: dato, indskrevet: indskrevet, \.niveau) ?? aarets.first { valgt.append(n) }
        }
        return TilbudMedTakster(id: id, tilbud: tilbud, demo: demo, kilde: kilde, niveauer: valgt, tidligere: [])
    }
}

extension Array where Element == TilbudMedTakster {
    /// The list on a date: one period per level of every tilbud.
    public func paaDato(_ dato: String, indskrevet: String? = nil) -> [TilbudMedTakster] {
        map { $0.paaDato(dato, indskrevet: indskrevet) }
    }
}

extension Lager {
    /// The published takstfil for a year: per takstniveau and period the newest published version.
    public func offentligTakstliste(aar: Int) async throws -> [TilbudMedTakster] {
        try await takstliste(aar: aar) { $0 == .offentliggjort }
    }

    /// Every tilbud with the newest version of each takstniveau and period, whatever its status
    /// (the secretariat's and the CLI's view); `medTommeTilbud` adds tilbud without levels that year.
    public func arbejdsliste(aar: Int, medTommeTilbud: Bool = false) async throws -> [TilbudMedTakster] {
        try await takstliste(aar: aar, medTommeTilbud: medTommeTilbud) { _ in true }
    }

    /// Plain SQL whatever the number of tilbud (no N+1, no Fluent models: their reflection was ~40 %
    /// of reading a year's list — perf), grouped in memory.
    func takstliste(aar: Int, medTommeTilbud: Bool = false, _ medtag: (Status) -> Bool) async throws -> [TilbudMedTakster] {
        let valgt = try periodeversioner(try await alleRaekker(sql.select().columns(Lager.niveaukolonner)
            .from(Takstniveaumodel.schema).where("aar", .equal, aar)), medtag)
        // Earlier years only for levels limited to newly enrolled citizens (rare; one more query then).
        let begraensede = Set(valgt.flatMap { t, n in n.values.filter { $0.niveau.kunForIndskrevetFra != nil }.map { "\(t)|\($0.niveau.navn)" } })
        var tidligere: [UUID: [String: TilbudMedTakster.Niveau]] = [:]
        if !begraensede.isEmpty {
            tidligere = try periodeversioner(try await alleRaekker(sql.select().columns(Lager.niveaukolonner)
                .from(Takstniveaumodel.schema).where("aar", .lessThan, aar)), medtag)
            for (t, n) in tidligere { tidligere[t] = n.filter { begraensede.contains("\(t)|\($0.value.niveau.navn)") } }
        }
        func orden(_ a: TilbudMedTakster.Niveau, _ b: TilbudMedTakster.Niveau) -> Bool {
            a.niveau.navn == b.niveau.navn ? a.niveau.periodestart < b.niveau.periodestart : naturligOrden(a.niveau.navn, b.niveau.navn)
        }
        var ud: [TilbudMedTakster] = []
        for r in try await alleRaekker(SQLRaw("""
            SELECT t.id, t.navn, t.adresse, t.paragraf, t.maalgruppe, t.type, t.ejerform, t.afdelinger, t.demo, t.kilde,
                   o.navn AS driftsherre FROM tilbud t JOIN organisationer o ON o.id = t.driftsherre_id
            """)) {
            let id = try r.uuid("id")
            let mine = (valgt[id] ?? [:]).values.sorted(by: orden)
            if mine.isEmpty && !medTommeTilbud { continue }
            let tilbud = Tilbudsmodel.tilbud(
                navn: try r.tekst("navn"), driftsherre: try r.tekst("driftsherre"),
                adresse: try r.valgfriTekst("adresse"), paragraf: try r.valgfriTekst("paragraf"), maalgruppe: try r.valgfriTekst("maalgruppe"),
                type: try r.tekst("type"), ejerform: try r.tekst("ejerform"),
                afdelinger: try r.tekst("afdelinger"))
            ud.append(TilbudMedTakster(id: id, tilbud: tilbud, demo: try r.sandhed("demo"), kilde: try r.valgfriTekst("kilde"),
                                       niveauer: mine, tidligere: (tidligere[id] ?? [:]).values.sorted(by: orden)))
        }
        return ud.sorted { ($0.tilbud.navn, $0.tilbud.driftsherre) < ($1.tilbud.navn, $1.tilbud.driftsherre) }
    }

    static let niveaukolonner = ["id", "tilbud_id", "navn", "aar", "version", "status", "grundlag", "basis_ydelse", "takst", "revision",
                                 "begrundelse", "gyldig_fra", "kun_nye_fra", "midlertidig"]

    /// Rows of `niveaukolonner` grouped per tilbud, keeping the newest version per level and period.
    private func periodeversioner(_ raekker: [Databaseraekke], _ medtag: (Status) -> Bool) throws -> [UUID: [String: TilbudMedTakster.Niveau]] {
        // First the newest row per level and period, then only those are decoded (the basis JSON is
        // most of the cost; older versions are never shown here).
        var nyeste: [UUID: [String: (version: Int, raekke: Databaseraekke)]] = [:]
        for r in raekker {
            guard medtag(Status(rawValue: try r.tekst("status")) ?? .kladde) else { continue }
            let version = try r.heltal("version"), t = try r.uuid("tilbud_id")
            let noegle = "\(try r.tekst("navn"))\u{1}\(try r.heltal("aar"))\u{1}\(try r.valgfriTekst("gyldig_fra") ?? "")"
            if let nu = nyeste[t]?[noegle], nu.version > version { continue }
            nyeste[t, default: [:]][noegle] = (version, r)
        }
        // The rows' fields first, one thread (the rows share their column index: read from both cores,
        // its reference count made the work slower, perf); then the bases — most of the time — over the cores.
        struct Felter: Sendable {
            let tilbud: UUID, noegle: String, id: UUID, navn: String, aar: Int, version: Int, grundlag: String, basis: String?
            let status: String, gyldigFra: String?, kunNyeFra: String?, midlertidig: Bool, takst: String, revision: Int, begrundelse: String?
        }
        var felter: [Felter] = []
        for (t, pr) in nyeste {
            for (noegle, v) in pr {
                let r = v.raekke
                felter.append(Felter(tilbud: t, noegle: noegle, id: try r.uuid("id"), navn: try r.tekst("navn"), aar: try r.heltal("aar"),
                                     version: v.version, grundlag: try r.tekst("grundlag"), basis: try r.valgfriTekst("basis_ydelse"),
                                     status: try r.tekst("status"), gyldigFra: try r.valgfriTekst("gyldig_fra"),
                                     kunNyeFra: try r.valgfriTekst("kun_nye_fra"), midlertidig: try r.valgfriSandhed("midlertidig") ?? false,
                                     takst: try r.tekst("takst"), revision: try r.heltal("revision"), begrundelse: try r.valgfriTekst("begrundelse")))
            }
        }
        let niveauer = Parallelt.map(felter, fraAntal: 1_000) { f -> TilbudMedTakster.Niveau in
            let niveau = try Takstniveaumodel.niveau(navn: f.navn, aar: f.aar, grundlag: f.grundlag, basisYdelse: f.basis, status: f.status,
                                                     version: f.version, gyldigFra: f.gyldigFra, kunNyeFra: f.kunNyeFra, midlertidig: f.midlertidig)
            return .init(id: f.id, niveau: niveau, takst: try Lagertal.decimal(f.takst), revision: f.revision, begrundelse: f.begrundelse)
        }
        var ud: [UUID: [String: TilbudMedTakster.Niveau]] = [:]
        for (f, n) in zip(felter, niveauer) { ud[f.tilbud, default: [:]][f.noegle] = try n.get() }
        return ud
    }

    /// Every version of a tilbud's levels, newest first (history and corrections).
    public func versioner(tilbudID: UUID) async throws -> [GemtTakstniveau] {
        try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == tilbudID).with(\.$beslutning)
            .sort(\.$aar, .descending).sort(\.$navn).sort(\.$version, .descending).all().map { try $0.gemt }
    }

    /// The published takst of one level in force on `dato` for a citizen enrolled on `indskrevet`
    /// (DOMAIN.md 6.1), with its decision; nil when none has started by then.
    public func gaeldendeTakst(tilbudID: UUID, niveau navn: String, dato: String, indskrevet: String? = nil) async throws -> GemtTakstniveau? {
        let offentlige = try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$navn == navn)
            .filter(\.$status == Status.offentliggjort.rawValue).with(\.$beslutning).all().map { try $0.gemt }
        return Takstperioder.gaeldende(offentlige, dato: dato, indskrevet: indskrevet, \.niveau)
    }

    /// The published versions of a tilbud's levels, every year, with their decisions (the tilbud page).
    public func offentligeVersioner(tilbudID: UUID) async throws -> [GemtTakstniveau] {
        try await versioner(tilbudID: tilbudID).filter { $0.status == .offentliggjort }
    }

    public func antalHaendelser() async throws -> Int { try await Haendelsesmodel.query(on: db).count() }
}

/// "Takst 2" before "Takst 10".
func naturligOrden(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: [.numeric, .caseInsensitive]) == .orderedAscending
}

extension Lager {
    /// The years that have published takster, newest first (the year picker).
    public func aarMedOffentligeTakster() async throws -> [Int] {
        // Plain SQL: the page asks on every request, and one model per published level was slow.
        let rows = try await alleRaekker(sql.select().distinct().column("aar").from(Takstniveaumodel.schema)
            .where("status", .equal, Status.offentliggjort.rawValue))
        return try Set(rows.map { try $0.heltal("aar") }).sorted(by: >)
    }
}

extension Lager {
    /// Recomputes every stored takst from its stored basis (with the breakdown) and returns how
    /// many there are and which ones differ from the stored figure — a consistency check and the
    /// "recompute every takst" benchmark. Rows are read with plain SQL and computed in parallel.
    public func genberegnAlleTakster() async throws -> (antal: Int, afvigelser: [String]) {
        try await gemteTakstniveauer().genberegn()
    }

    /// Every stored takst level, its basis decoded (over the cores), with the takst stored beside it.
    public func gemteTakstniveauer() async throws -> GemteTakstniveauer {
        struct Post: Sendable { let navn: String; let aar: Int; let version: Int; let status: String; let grundlag: String
                                let basis: String?; let takst: String }
        // Each row's fields are taken as it arrives (on PostgreSQL while the server sends the next),
        // one row after the other; the JSON is decoded after, over the cores.
        let poster = Samling<[Post]>([])
        try await forHverRaekke(sql.select().columns("navn", "aar", "version", "status", "grundlag", "basis_ydelse", "takst")
            .from(Takstniveaumodel.schema)) { r in
            poster.v.append(Post(navn: try r.tekst("navn"), aar: try r.heltal("aar"), version: try r.heltal("version"), status: try r.tekst("status"),
                                 grundlag: try r.tekst("grundlag"), basis: try r.valgfriTekst("basis_ydelse"), takst: try r.tekst("takst")))
        }
        return GemteTakstniveauer(niveauer: try Parallelt.map(poster.v) { p in
            (try Takstniveaumodel.niveau(navn: p.navn, aar: p.aar, grundlag: p.grundlag, basisYdelse: p.basis, status: p.status, version: p.version),
             try Lagertal.decimal(p.takst))
        }.map { try $0.get() })
    }
}

/// Stored takst levels in memory with their stored takst: what `genberegn` recomputes, so the
/// recomputation itself reads no database and decodes no JSON (issue "Ydeevne: foran DuckDB og pandas" 3).
public struct GemteTakstniveauer: Sendable {
    let niveauer: [(niveau: Takstniveau, takst: Kroner)]
    public var antal: Int { niveauer.count }

    /// Every takst computed again with its breakdown (over the cores); the levels whose computed
    /// takst differs from the stored one are listed.
    public func genberegn() throws -> (antal: Int, afvigelser: [String]) {
        let afvigelser = try Parallelt.map(niveauer) { n -> String? in
            let r = try n.niveau.beregn()
            return r.takst == n.takst ? nil : "\(n.niveau.navn) \(n.niveau.aar): gemt \(n.takst), beregnet \(r.takst)"
        }.compactMap { try $0.get() }
        return (niveauer.count, afvigelser)
    }
}

extension Lager {
    /// Changes whenever published data can have changed, in any process: every write transaction
    /// bumps one stored counter (`aendringer`, in `iTransaktion`). One row read — a cache checks it
    /// now and then (see `Offentligcache`), not on every request.
    public func offentligStempel() async throws -> String {
        let r = try await alleRaekker(sql.select().column("loebenummer").from("aendringer").where("id", .equal, 1))
        return "\(try r.first?.heltal("loebenummer") ?? 0)"
    }
}
