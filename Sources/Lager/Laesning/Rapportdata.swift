import FluentKit
import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Takstregler

/// What the five tables of the ledelsesinformation are computed from, for the years asked (or
/// all years), read with one plain SQL query per table: the newest version of every regnskab
/// (and its newest approved version, for the public pages), belægning quarter and place count,
/// the tilbud they belong to and the P/L index. Kept in memory by a `Rapportcache`, a pair of
/// years' tables is then computed without touching the database (issue "Ydeevne: foran DuckDB
/// og pandas" 2). Amounts stay exact Decimals, as stored.
public struct Rapportdata: Sendable {
    struct Regnskabsversioner: Sendable {
        var alle: (version: Int, regnskab: Regnskab)?
        var godkendt: (version: Int, regnskab: Regnskab)?
    }
    let tilbud: [String: TilbudInfo]
    /// Year → tilbud id (as text) → its newest version, and its newest approved version.
    let regnskab: [Int: [String: Regnskabsversioner]]
    let plIndeks: PLIndeks
    /// Each driftsherre's region (the tables of one region list its driftsherrer).
    let regionAf: [String: String]
    /// Year → driftsherre → sums of every newest regnskab (`false`) or every newest approved one (`true`).
    let regnskabssummer: [Int: [Bool: [String: Regnskabssum]]]
    /// Year → region ("" for all) → tabel 4, computed once from the newest version of each quarter.
    let belaegningstabeller: [Int: [String: [Belaegningsoversigt.Raekke]]]
    /// Year → places summed per driftsherre, målgruppe and type (the rows tabel 5 adds up).
    let pladssummer: [Int: [Pladsoversigt.Plads]]
    /// Rows read: regnskab versions, belægning quarters and place counts.
    public let antalRaekker: Int

    /// Years with a regnskab (approved only, with `kunGodkendte`), newest first.
    func aarMedRegnskab(kunGodkendte: Bool) -> [Int] {
        regnskab.filter { _, r in r.values.contains { kunGodkendte ? $0.godkendt != nil : $0.alle != nil } }.keys.sorted(by: >)
    }

    static func laes(_ l: Lager, aar: [Int]?) async throws -> Rapportdata {
        let tilbud = try await l.tilbudMedDriftsherre(region: nil)
        // Tabel 4 per year and region ("" for all), made as each year's quarters arrive.
        let belaegningstabeller = Samling<[Int: [String: [Belaegningsoversigt.Raekke]]]>([:])
        let antalBelaegning = Samling(0)
        let vedAar: @Sendable (Int, [(id: String, maaling: Belaegning)]) throws -> Void = { a, maalinger in
            antalBelaegning.v += maalinger.count
            var prRegion: [String: [Belaegningsoversigt.Maaling]] = [:]
            for (id, b) in maalinger {
                guard let t = tilbud[id], let mg = t.maalgruppe else { continue }
                let m = Belaegningsoversigt.Maaling(tilbud: t.navn, maalgruppe: mg, art: b.art, kvartal: b.kvartal, normering: b.normering, forbrug: b.forbrug)
                prRegion["", default: []].append(m)
                if let r = t.region { prRegion[r, default: []].append(m) }
            }
            belaegningstabeller.v[a] = prRegion.mapValues(Belaegningsoversigt.tabel)
        }
        // On PostgreSQL the three tables are read at once, each on its own connection, so the server
        // sends one while this process reads another. SQLite has one connection per event loop: a
        // read queued behind a long one would meet the pool's 10-second timeout at large scale, and
        // one file gains nothing from it, so there they take turns.
        let regnskab: [Int: [String: Regnskabsversioner]], pladser: [(id: String, aar: Int, type: Tilbud.Type_, pladser: Decimal)]
        if l.db is any PostgresDatabase {
            async let regnskabL = l.regnskabsversioner(aar: aar, tilbud: tilbud)
            async let pladserL = l.senestePladser(aar: aar)
            async let belaegningL: Void = l.belaegninger(aar: aar, tilbud: tilbud, prAar: vedAar)
            (regnskab, pladser) = try await (regnskabL, pladserL)
            try await belaegningL
        } else {
            regnskab = try await l.regnskabsversioner(aar: aar, tilbud: tilbud)
            pladser = try await l.senestePladser(aar: aar)
            try await l.belaegninger(aar: aar, tilbud: tilbud, prAar: vedAar)
        }
        var regionAf: [String: String] = [:]
        for t in tilbud.values { if let r = t.region { regionAf[t.driftsherre] = r } }

        var summer: [Int: [Bool: [String: Regnskabssum]]] = [:]
        for (a, pr) in regnskab {
            for (id, v) in pr {
                let d = tilbud[id]!.driftsherre
                if let r = v.alle?.regnskab { summer[a, default: [:]][false, default: [:]][d, default: .init()].laegTil(r) }
                if let r = v.godkendt?.regnskab { summer[a, default: [:]][true, default: [:]][d, default: .init()].laegTil(r) }
            }
        }
        struct Pladsnoegle: Hashable { let aar: Int; let driftsherre: String; let maalgruppe: Maalgruppe; let type: Tilbud.Type_ }
        var pladssum: [Pladsnoegle: Decimal] = [:]
        for p in pladser {
            guard let t = tilbud[p.id], let mg = t.maalgruppe else { continue }
            pladssum[Pladsnoegle(aar: p.aar, driftsherre: t.driftsherre, maalgruppe: mg, type: p.type), default: 0] += p.pladser
        }
        var pladssummer: [Int: [Pladsoversigt.Plads]] = [:]
        for (k, v) in pladssum {
            pladssummer[k.aar, default: []].append(.init(driftsherre: k.driftsherre, maalgruppe: k.maalgruppe, type: k.type, aar: k.aar, pladser: v))
        }
        return Rapportdata(tilbud: tilbud, regnskab: regnskab, plIndeks: try await l.plIndeks(), regionAf: regionAf, regnskabssummer: summer,
                           belaegningstabeller: belaegningstabeller.v, pladssummer: pladssummer,
                           antalRaekker: regnskab.values.reduce(0) { $0 + $1.count } + antalBelaegning.v + pladser.count)
    }

    private func iRegionen(_ driftsherre: String, _ region: String?) -> Bool { region == nil || regionAf[driftsherre] == region }

    func regnskabssummer(aar: Int, region: String?, kunGodkendte: Bool) -> [String: Regnskabssum] {
        let alle = regnskabssummer[aar]?[kunGodkendte] ?? [:]
        return region == nil ? alle : alle.filter { iRegionen($0.key, region) }
    }

    func regnskaber(aar: Int, region: String?, kunGodkendte: Bool) -> [Ledelsesinformationsgrundlag.RegnskabPrTilbud] {
        (regnskab[aar] ?? [:]).compactMap { id, v in
            guard let t = tilbud[id], iRegionen(t.driftsherre, region), let r = kunGodkendte ? v.godkendt : v.alle else { return nil }
            return .init(tilbud: t.navn, driftsherre: t.driftsherre, regnskab: r.regnskab)
        }
    }

    func belaegningstabel(aar: Int, region: String?) -> [Belaegningsoversigt.Raekke] { belaegningstabeller[aar]?[region ?? ""] ?? [] }

    func pladssummer(aar: Int, region: String?) -> [Pladsoversigt.Plads] {
        let alle = pladssummer[aar] ?? []
        return region == nil ? alle : alle.filter { iRegionen($0.driftsherre, region) }
    }
}

/// A process's `Rapportdata` for all years, read again after any write: every write transaction
/// bumps the change counter (`offentligStempel`), which is checked — one row — on each use, so a
/// report never shows data older than the last committed write, from this process or another.
/// The web server keeps one per application; `takstfil bench` one per run.
public final class Rapportcache: Sendable {
    /// The read of every year for the newest stamp seen: under way or done.
    private let laesning = NIOLockedValueBox<(stempel: String, opgave: Task<Rapportdata, any Error>)?>(nil)
    private let antal = NIOLockedValueBox(0)
    public init() {}

    /// How many times every year has been read (tests: many reports asking at once read once).
    public var laesninger: Int { antal.withLockedValue { $0 } }

    public func data(_ l: Lager) async throws -> Rapportdata {
        let stempel = try await l.offentligStempel()
        // One read per stamp however many reports ask at once: after an import every visitor's
        // first page read every year itself (~0,6 s each at national scale, 64 at a time under load).
        // A write between the stamp and the read leaves newer data under the older stamp; the
        // next use sees the new stamp and reads again, so nothing stale is ever served.
        let opgave = laesning.withLockedValue { v -> Task<Rapportdata, any Error> in
            if let v, v.stempel == stempel { return v.opgave }
            let o = Task { [antal] in
                antal.withLockedValue { $0 += 1 }
                return try await Rapportdata.laes(l, aar: nil)
            }
            v = (stempel, o)
            return o
        }
        do {
            return try await opgave.value
        } catch {
            // A failed read is not kept: the next report tries again.
            laesning.withLockedValue { if $0?.stempel == stempel { $0 = nil } }
            throw error
        }
    }

    /// Pages by key for one stamp, built or being built.
    private let sider = NIOLockedValueBox<(stempel: String, sider: [String: Task<String, any Error>])>(("", [:]))
    /// At most this many pages are kept per stamp; visitors choose the keys, so when full it starts over.
    public static let maksSider = 256

    /// How many pages are kept (built or being built) under the newest stamp (tests).
    public var antalSider: Int { sider.withLockedValue { $0.sider.count } }

    /// A page built from the stored data, kept until the next write (the same stamp as `data`):
    /// the web's ledelsesinformation for visitors who are not signed in, which took ~30 ms to
    /// render per request (perf). A write while `lav` runs leaves the page under the older stamp;
    /// the next use sees the new stamp and builds it again. Visitors asking for the same page at
    /// once wait for one build (64 builds at once after a write took the first second's p99 to ~1 s).
    public func side(_ l: Lager, noegle: String, _ lav: @escaping @Sendable () async throws -> String) async throws -> String {
        let stempel = try await l.offentligStempel()
        let opgave = sider.withLockedValue { v -> Task<String, any Error> in
            if v.stempel == stempel, let o = v.sider[noegle] { return o }
            if v.stempel != stempel || v.sider.count >= Self.maksSider { v = (stempel, [:]) }
            let o = Task { try await lav() }
            v.sider[noegle] = o
            return o
        }
        do {
            return try await opgave.value
        } catch {
            // A failed build is not kept: the next visitor tries again.
            sider.withLockedValue { if $0.stempel == stempel, $0.sider[noegle] == opgave { $0.sider[noegle] = nil } }
            throw error
        }
    }
}

extension Lager {
    /// The report data for `aar`: from the cache when this `Lager` has one, else just those years.
    public func rapportdata(aar: [Int]) async throws -> Rapportdata {
        if let rapportcache { return try await rapportcache.data(self) }
        return try await Rapportdata.laes(self, aar: aar)
    }
}
