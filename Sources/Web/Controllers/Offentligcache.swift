import Foundation
import Lager
import Vapor

/// The published takstfil kept in memory per server, with what is built from it. Published data
/// changes only by a write (publication, correction, import), so one `Udgave` per year serves
/// every public request until then, together with its memo: the sorted rows per filter, whole
/// pages for visitors who are not signed in, and the API's pages. The cache sees a write from
/// this process at once (`Aendringstaeller`) and one from another process or instance on the same
/// database within `kontrolinterval` (`Lager.offentligStempel`). Measured: without it the list
/// page filtered, sorted and rendered ~9.000 levels per request (~80 req/s at national scale).
actor Offentligcache {
    /// What the public pages of one year are built from, and a memo of what was built from it.
    final class Udgave: @unchecked Sendable {
        let liste: [TilbudMedTakster]
        let aarMedTakster: [Int]
        /// Bounded, since visitors choose the keys (search words): when full it starts over.
        static let maksHuskede = 512
        private let laas = NSLock()
        private var huskede: [String: Any] = [:]

        init(liste: [TilbudMedTakster], aarMedTakster: [Int]) {
            self.liste = liste
            self.aarMedTakster = aarMedTakster
        }

        /// `lav()` built once per key for this edition (two requests that miss at the same time may
        /// both build it; the result is the same).
        func husk<T>(_ noegle: String, _ lav: () throws -> T) rethrows -> T {
            if let v = laas.withLock({ huskede[noegle] }) as? T { return v }
            let v = try lav()
            laas.withLock {
                if huskede.count >= Udgave.maksHuskede { huskede.removeAll(keepingCapacity: true) }
                huskede[noegle] = v
            }
            return v
        }

        var antalHuskede: Int { laas.withLock { huskede.count } }
    }

    let kontrolinterval: TimeInterval
    /// Seconds on a clock that only moves forward (a test passes its own).
    let ur: @Sendable () -> TimeInterval
    private var stempel: String?
    private var generation = -1
    private var kontrolleret = -Double.infinity
    private var kontrol: Task<Void, any Error>?
    private var udgaver: [Int: Task<Udgave, any Error>] = [:]

    init(kontrolinterval: TimeInterval, ur: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.kontrolinterval = kontrolinterval
        self.ur = ur
    }

    func udgave(aar: Int, _ lager: Lager) async throws -> Udgave {
        try await kontroller(lager)
        if let u = udgaver[aar] { return try await u.value }
        let opgave = Task { Udgave(liste: try await lager.offentligTakstliste(aar: aar), aarMedTakster: try await lager.aarMedOffentligeTakster()) }
        udgaver[aar] = opgave
        do { return try await opgave.value } catch {
            if udgaver[aar] == opgave { udgaver[aar] = nil }
            throw error
        }
    }

    /// Drops every edition when the data changed. One check at a time; a request that waited for
    /// a check started before a write of this process looks again.
    private func kontroller(_ lager: Lager) async throws {
        while true {
            if let k = kontrol { try await k.value; continue }
            let g = Aendringstaeller.vaerdi, nu = ur()
            if g == generation && nu - kontrolleret < kontrolinterval { return }
            let k = Task {
                defer { kontrol = nil }
                // The counter is read before the stamp: a write committed in between moves it again.
                let s = try await lager.offentligStempel()
                if s != stempel { udgaver.removeAll(); stempel = s }
                generation = g
                kontrolleret = nu
            }
            kontrol = k
            try await k.value
            return
        }
    }
}

extension Application {
    private struct CacheNoegle: StorageKey { typealias Value = Offentligcache }

    /// Made in `configure`, with the application's check interval. Without one (an application
    /// not set up by `configure`) every request checks the stamp: slower, never stale.
    var offentligcache: Offentligcache {
        get { storage[CacheNoegle.self] ?? Offentligcache(kontrolinterval: 0) }
        set { storage[CacheNoegle.self] = newValue }
    }
}

extension Request {
    /// The published list of a year, and its memo, through the server's cache.
    func offentligUdgave(aar: Int) async throws -> Offentligcache.Udgave {
        try await application.offentligcache.udgave(aar: aar, Lager(db))
    }
}
