import Fluent
import Foundation
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

    /// Two queries whatever the number of tilbud (no N+1): all tilbud with their driftsherre,
    /// and all levels of the year; grouped in memory.
    func takstliste(aar: Int, medTommeTilbud: Bool = false, _ medtag: (Status) -> Bool) async throws -> [TilbudMedTakster] {
        let tilbud = try await Tilbudsmodel.query(on: db).with(\.$driftsherre).all()
        let niveauer = try await Takstniveaumodel.query(on: db).filter(\.$aar == aar).all()
        var valgt: [UUID: [String: Takstniveaumodel]] = [:]
        for n in niveauer where medtag(Status(rawValue: n.status) ?? .kladde) {
            let t = n.$tilbud.id
            if let nu = valgt[t]?[n.navn], nu.version > n.version { continue }
            valgt[t, default: [:]][n.navn] = n
        }
        var ud: [TilbudMedTakster] = []
        for t in tilbud {
            let id = try t.requireID()
            let mine = (valgt[id] ?? [:]).values.sorted { naturligOrden($0.navn, $1.navn) }
            if mine.isEmpty && !medTommeTilbud { continue }
            ud.append(TilbudMedTakster(
                id: id, tilbud: t.domaene(driftsherre: t.driftsherre.navn), demo: t.demo, kilde: t.kilde,
                niveauer: try mine.map { .init(id: try $0.requireID(), niveau: try $0.domaene, takst: $0.takstDecimal,
                                               revision: $0.revision, begrundelse: $0.begrundelse) }))
        }
        return ud.sorted { ($0.tilbud.navn, $0.tilbud.driftsherre) < ($1.tilbud.navn, $1.tilbud.driftsherre) }
    }

    /// Every version of a tilbud's levels, newest first (history and corrections).
    public func versioner(tilbudID: UUID) async throws -> [Takstniveaumodel] {
        try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == tilbudID)
            .sort(\.$aar, .descending).sort(\.$navn).sort(\.$version, .descending).all()
    }

    public func haendelser(entitet: String? = nil, bruger: String? = nil, graense: Int = 200) async throws -> [Haendelse] {
        var q = Haendelsesmodel.query(on: db)
        if let entitet { q = q.filter(\.$entitet == entitet) }
        if let bruger { q = q.filter(\.$bruger == bruger) }
        return try await q.sort(\.$tidspunkt, .descending).limit(graense).all().map(\.domaene)
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
        let rows = try await Takstniveaumodel.query(on: db).filter(\.$status == Status.offentliggjort.rawValue)
            .field(\.$aar).unique().all()
        return Array(Set(rows.map(\.aar))).sorted(by: >)
    }
}
