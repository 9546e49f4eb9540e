import Foundation
import Lager
import Takstregler
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
        /// Driftsherre → region, read with the list: asked per request, it was half of a cached
        /// list page's time (perf: Fluent models of every organisation).
        let regionAf: [String: String]
        /// Bounded, since visitors choose the keys (search words): when full it starts over.
        static let maksHuskede = 512
        private let laas = NSLock()
        private var huskede: [String: Any] = [:]
        private var huskedeBytes = 0
        /// An estimate of the list's size in memory (rows and their bases), for the cache's cap.
        let listeBytes: Int

        init(liste: [TilbudMedTakster], aarMedTakster: [Int], regionAf: [String: String]) {
            self.liste = liste
            self.aarMedTakster = aarMedTakster
            self.regionAf = regionAf
            // ~400 bytes per tilbud and ~1.500 per level (basis, lines, strings): measured order of magnitude.
            listeBytes = liste.reduce(0) { $0 + 400 + ($1.niveauer.count + $1.tidligere.count) * 1_500 }
        }

        /// The edition's estimated bytes: the list and what has been built from it.
        var bytes: Int { laas.withLock { listeBytes + huskedeBytes } }

        /// `lav()` built once per key for this edition (two requests that miss at the same time may
        /// both build it; the result is the same).
        func husk<T>(_ noegle: String, _ lav: () throws -> T) rethrows -> T {
            if let v = laas.withLock({ huskede[noegle] }) as? T { return v }
            let v = try lav()
            let stoerrelse = Udgave.anslaaetStoerrelse(v) + noegle.utf8.count
            laas.withLock {
                if huskede.count >= Udgave.maksHuskede { huskede.removeAll(keepingCapacity: true); huskedeBytes = 0 }
                if huskede.updateValue(v, forKey: noegle) == nil { huskedeBytes += stoerrelse }
            }
            return v
        }

        var antalHuskede: Int { laas.withLock { huskede.count } }

        /// Pages and CSV are text (their bytes); rows ~300 bytes each; anything else 1 kB.
        static func anslaaetStoerrelse(_ v: Any) -> Int {
            switch v {
            case let s as String: return s.utf8.count
            case let b as (ByteBuffer, HTTPHeaders): return b.0.readableBytes
            case let r as [Tilbudsviften.Raekke]: return r.count * 300
            case let g as [Takstsammenligning.Gruppe: [String: Takstsammenligning.Celle]]:
                return g.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.poster.count * 200 } }
            case let t as [TilbudMedTakster]: return t.reduce(0) { $0 + 400 + $1.niveauer.count * 1_500 }
            default: return 1_024
            }
        }
    }

    let kontrolinterval: TimeInterval
    /// Seconds on a clock that only moves forward (a test passes its own).
    let ur: @Sendable () -> TimeInterval
    /// The most the editions may hold (estimated); beyond it the least recently used go first
    /// (`TAKSTFIL_CACHE_MB`, default 64 MB). The edition just asked for always stays.
    let maksBytes: Int
    private var stempel: String?
    private var generation = -1
    private var kontrolleret = -Double.infinity
    private var kontrol: Task<Void, any Error>?
    private var udgaver: [Int: Task<Udgave, any Error>] = [:]
    private var sidstBrugt: [Int: UInt64] = [:]
    private var brug: UInt64 = 0
    /// The years with published takster (per stamp): only they get an edition of their own.
    private var aarMedData: Task<[Int], any Error>?
    private var tomUdgave: Udgave?

    init(kontrolinterval: TimeInterval, maksBytes: Int = 64 << 20,
         ur: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.kontrolinterval = kontrolinterval
        self.maksBytes = maksBytes
        self.ur = ur
    }

    func udgave(aar: Int, _ lager: Lager) async throws -> Udgave {
        try await kontroller(lager)
        let aarene: [Int]
        if let a = aarMedData { aarene = try await a.value } else {
            let a = Task { try await lager.aarMedOffentligeTakster() }
            aarMedData = a
            do { aarene = try await a.value } catch { aarMedData = nil; throw error }
        }
        // A year without published takster shares one empty edition (a visitor choosing
        // /?aar=1…2000 does not fill the memory).
        guard aarene.contains(aar) else {
            if let t = tomUdgave { return t }
            let t = Udgave(liste: [], aarMedTakster: aarene, regionAf: try await lager.regionPrOrganisation())
            tomUdgave = t
            return t
        }
        brug += 1
        sidstBrugt[aar] = brug
        Maalinger.taelCacheopslag(fundet: udgaver[aar] != nil)
        if let u = udgaver[aar] { return try await u.value }
        let opgave = Task {
            Udgave(liste: try await Maalinger.databasetid("offentlig_liste") { try await lager.offentligTakstliste(aar: aar) }, aarMedTakster: aarene,
                   regionAf: try await lager.regionPrOrganisation())
        }
        udgaver[aar] = opgave
        do {
            let u = try await opgave.value
            await begraens(behold: aar)
            return u
        } catch {
            if udgaver[aar] == opgave { udgaver[aar] = nil }
            throw error
        }
    }

    /// Drops the least recently used editions while the estimate is over `maksBytes`.
    private func begraens(behold: Int) async {
        var stoerrelser: [Int: Int] = [:]
        for (a, t) in udgaver { if let u = try? await t.value { stoerrelser[a] = u.bytes } }
        var i_alt = stoerrelser.values.reduce(0, +)
        for a in stoerrelser.keys.sorted(by: { (sidstBrugt[$0] ?? 0) < (sidstBrugt[$1] ?? 0) }) where i_alt > maksBytes && a != behold {
            udgaver[a] = nil
            sidstBrugt[a] = nil
            i_alt -= stoerrelser[a] ?? 0
        }
        Maalinger.cachestoerrelse(i_alt)
    }

    /// How many years have an edition, and their estimated bytes (tests and `/metrics`-style checks).
    var omfang: (udgaver: Int, bytes: Int) {
        get async {
            var b = 0
            for t in udgaver.values { if let u = try? await t.value { b += u.bytes } }
            return (udgaver.count, b)
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
                if s != stempel { udgaver.removeAll(); sidstBrugt.removeAll(); aarMedData = nil; tomUdgave = nil; stempel = s }
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

extension Application {
    private struct RapportcacheNoegle: StorageKey { typealias Value = Rapportcache }

    /// The ledelsesinformation's data in memory (see `Rapportcache`), made in `configure`.
    var rapportcache: Rapportcache? {
        get { storage[RapportcacheNoegle.self] }
        set { storage[RapportcacheNoegle.self] = newValue }
    }
}

extension Request {
    /// The published list of a year, and its memo, through the server's cache.
    func offentligUdgave(aar: Int) async throws -> Offentligcache.Udgave {
        try await application.offentligcache.udgave(aar: aar, Lager(db))
    }
}
