import FluentKit
import Foundation
import SQLKit
import Takstregler

/// A tilbud with the takstniveauer shown for a year — the rows of the public takstfil.
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
    public let niveauer: [Niveau]
}

extension Lager {
    /// The published takstfil for a year: per takstniveau the newest published version.
    public func offentligTakstliste(aar: Int) async throws -> [TilbudMedTakster] {
        try await takstliste(aar: aar) { $0 == .offentliggjort }
    }

    /// Every tilbud with the newest version of each takstniveau, whatever its status
    /// (the secretariat's and the CLI's view); `medTommeTilbud` adds tilbud without levels that year.
    public func arbejdsliste(aar: Int, medTommeTilbud: Bool = false) async throws -> [TilbudMedTakster] {
        try await takstliste(aar: aar, medTommeTilbud: medTommeTilbud) { _ in true }
    }

    /// Two plain SQL queries whatever the number of tilbud (no N+1, no Fluent models: their
    /// reflection was ~40 % of reading a year's list — perf), grouped in memory.
    func takstliste(aar: Int, medTommeTilbud: Bool = false, _ medtag: (Status) -> Bool) async throws -> [TilbudMedTakster] {
        struct Niveaurad { let id: UUID; let navn: String; let version: Int; let status: String; let grundlag: String
                           let basis: String?; let takst: String; let revision: Int; let begrundelse: String? }
        var valgt: [UUID: [String: Niveaurad]] = [:]
        for r in try await alleRaekker(sql.select()
            .columns("id", "tilbud_id", "navn", "version", "status", "grundlag", "basis_ydelse", "takst", "revision", "begrundelse")
            .from(Takstniveaumodel.schema).where("aar", .equal, aar)) {
            let status = try r.tekst("status")
            guard medtag(Status(rawValue: status) ?? .kladde) else { continue }
            let n = Niveaurad(id: try r.uuid("id"), navn: try r.tekst("navn"),
                              version: try r.heltal("version"), status: status,
                              grundlag: try r.tekst("grundlag"), basis: try r.valgfriTekst("basis_ydelse"),
                              takst: try r.tekst("takst"), revision: try r.heltal("revision"),
                              begrundelse: try r.valgfriTekst("begrundelse"))
            let t = try r.uuid("tilbud_id")
            if let nu = valgt[t]?[n.navn], nu.version > n.version { continue }
            valgt[t, default: [:]][n.navn] = n
        }
        var ud: [TilbudMedTakster] = []
        for r in try await alleRaekker(SQLRaw("""
            SELECT t.id, t.navn, t.adresse, t.paragraf, t.maalgruppe, t.type, t.ejerform, t.afdelinger, t.demo, t.kilde,
                   o.navn AS driftsherre FROM tilbud t JOIN organisationer o ON o.id = t.driftsherre_id
            """)) {
            let id = try r.uuid("id")
            let mine = (valgt[id] ?? [:]).values.sorted { naturligOrden($0.navn, $1.navn) }
            if mine.isEmpty && !medTommeTilbud { continue }
            let tilbud = Tilbudsmodel.tilbud(
                navn: try r.tekst("navn"), driftsherre: try r.tekst("driftsherre"),
                adresse: try r.valgfriTekst("adresse"), paragraf: try r.valgfriTekst("paragraf"), maalgruppe: try r.valgfriTekst("maalgruppe"),
                type: try r.tekst("type"), ejerform: try r.tekst("ejerform"),
                afdelinger: try r.tekst("afdelinger"))
            ud.append(TilbudMedTakster(
                id: id, tilbud: tilbud, demo: try r.sandhed("demo"), kilde: try r.valgfriTekst("kilde"),
                niveauer: try mine.map { n in
                    .init(id: n.id, niveau: try Takstniveaumodel.niveau(navn: n.navn, aar: aar, grundlag: n.grundlag, basisYdelse: n.basis,
                                                                        status: n.status, version: n.version),
                          takst: try Lagertal.decimal(n.takst), revision: n.revision, begrundelse: n.begrundelse)
                }))
        }
        return ud.sorted { ($0.tilbud.navn, $0.tilbud.driftsherre) < ($1.tilbud.navn, $1.tilbud.driftsherre) }
    }

    /// Every version of a tilbud's levels, newest first (history and corrections).
    public func versioner(tilbudID: UUID) async throws -> [GemtTakstniveau] {
        try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == tilbudID).with(\.$beslutning)
            .sort(\.$aar, .descending).sort(\.$navn).sort(\.$version, .descending).all().map { try $0.gemt }
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
        let raekker = try await alleRaekker(sql.select().columns("navn", "aar", "version", "status", "grundlag", "basis_ydelse", "takst")
            .from(Takstniveaumodel.schema))
        struct Post: Sendable { let navn: String; let aar: Int; let version: Int; let status: String; let grundlag: String
                                let basis: String?; let takst: String }
        let poster = try raekker.map { r in
            Post(navn: try r.tekst("navn"), aar: try r.heltal("aar"), version: try r.heltal("version"), status: try r.tekst("status"),
                 grundlag: try r.tekst("grundlag"), basis: try r.valgfriTekst("basis_ydelse"), takst: try r.tekst("takst"))
        }
        let dele = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let stoerrelse = (poster.count + dele - 1) / max(dele, 1)
        return try await withThrowingTaskGroup(of: [String].self) { gruppe in
            for start in stride(from: 0, to: poster.count, by: max(stoerrelse, 1)) {
                let del = poster[start..<min(start + stoerrelse, poster.count)]
                gruppe.addTask {
                    var afvigelser: [String] = []
                    for p in del {
                        let niveau = try Takstniveaumodel.niveau(navn: p.navn, aar: p.aar, grundlag: p.grundlag, basisYdelse: p.basis,
                                                                 status: p.status, version: p.version)
                        let r = try niveau.beregn()
                        if r.takst != (try Lagertal.decimal(p.takst)) { afvigelser.append("\(p.navn) \(p.aar): gemt \(p.takst), beregnet \(r.takst)") }
                    }
                    return afvigelser
                }
            }
            var alle: [String] = []
            for try await a in gruppe { alle += a }
            return (poster.count, alle)
        }
    }
}

extension Lager {
    /// Changes whenever published data can have changed, in any process: every write appends an
    /// audit event and events are never deleted, so their number grows with each write; the
    /// counts of tilbud and published levels are kept as a second guard. Three counts — a cache
    /// checks it now and then (see `Offentligcache`), not on every request.
    public func offentligStempel() async throws -> String {
        func antal(_ tabel: String, _ filter: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> Int {
            try await filter(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(tabel))
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let haendelser = try await antal(Haendelsesmodel.schema)
        let tilbud = try await antal(Tilbudsmodel.schema)
        let niveauer = try await antal(Takstniveaumodel.schema) { $0.where("status", .equal, Status.offentliggjort.rawValue) }
        return "\(haendelser)/\(tilbud)/\(niveauer)"
    }
}
