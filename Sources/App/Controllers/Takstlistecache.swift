import Lager
import Vapor

/// The published takstfil of a year, kept in memory per server: published data is immutable, so
/// the list is rebuilt only when `Lager.offentligStempel` changes (a publication, a correction,
/// a new tilbud) — also when another instance on the same PostgreSQL made the change. Concurrent
/// requests on a miss share one rebuild.
actor Takstlistecache {
    private var poster: [Int: (stempel: String, opgave: Task<[TilbudMedTakster], any Error>)] = [:]

    func liste(aar: Int, _ lager: Lager) async throws -> [TilbudMedTakster] {
        let stempel = try await lager.offentligStempel(aar: aar)
        if let p = poster[aar], p.stempel == stempel { return try await p.opgave.value }
        let opgave = Task { try await lager.offentligTakstliste(aar: aar) }
        poster[aar] = (stempel, opgave)
        do { return try await opgave.value } catch {
            if poster[aar]?.stempel == stempel { poster[aar] = nil }
            throw error
        }
    }
}

extension Application {
    private struct CacheNoegle: StorageKey { typealias Value = Takstlistecache }

    var takstlistecache: Takstlistecache {
        if let c = storage[CacheNoegle.self] { return c }
        let c = Takstlistecache()
        storage[CacheNoegle.self] = c
        return c
    }
}

extension Request {
    /// The published list of a year through the server's cache.
    func offentligTakstliste(aar: Int) async throws -> [TilbudMedTakster] {
        try await application.takstlistecache.liste(aar: aar, Lager(db))
    }
}
