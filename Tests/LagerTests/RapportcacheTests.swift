import Foundation
import Lager
import Takstregler
import Testhjaelp
import XCTest

/// Issue "Ydeevne: foran DuckDB og pandas" 2: the ledelsesinformation computed from data held in
/// memory gives the same tables as a fresh read, for a region or all, every regnskab or only
/// approved ones — and a write from elsewhere is seen by the next report, never a stale one.
final class RapportcacheTests: XCTestCase {
    func testTabellerFraHukommelsenErDeSammeOgFoelgerSkrivninger() async throws {
        try await Testdatabaser.forHver { db, f in
            let frisk = f.lager
            let cache = Rapportcache()
            let iHukommelsen = Lager(frisk.db, rapportcache: cache)
            let b = "test"
            var tilbud: [String: UUID] = [:]
            for (kommune, region) in [("Aarhus Kommune", "Midtjylland"), ("Aalborg Kommune", "Nordjylland")] {
                try await frisk.opretOrganisation(Organisation(navn: kommune, art: .kommune, region: region), af: b)
                for (i, mg) in [Maalgruppe.psykiskHandicap, .misbrug].enumerated() {
                    let navn = "\(kommune) tilbud \(i)"
                    tilbud[navn] = try await frisk.opretTilbud(Tilbud(navn: navn, driftsherre: kommune, maalgruppe: mg), af: b)
                }
            }
            // 2025 and 2026 regnskaber; Aarhus' 2026 figures approved, Aalborg's only drafts.
            for (navn, id) in tilbud {
                for aar in [2025, 2026] {
                    let omk = Decimal(string: navn.hasPrefix("Aarhus") ? "1000000.50" : "2000000.25")! + Decimal(aar - 2025) * 1000
                    _ = try await frisk.gemRegnskab(tilbudID: id, Regnskab(aar: aar, omkostninger: omk, takstindtaegter: omk + 10,
                                                                          belaegning: Decimal(string: "10.5")!, tillaegsydelser: 7), af: b)
                    if navn.hasPrefix("Aarhus") {
                        for s in [Status.indsendt, .godkendt] { try await frisk.skiftRegnskabsstatus(tilbudID: id, aar: aar, til: s, af: b) }
                    }
                    _ = try await frisk.gemPladser(tilbudID: id, aar: aar, type: .doegn, pladser: 12, af: b)
                }
                for k in 1...4 {
                    _ = try await frisk.gemBelaegning(tilbudID: id, Belaegning(aar: 2026, kvartal: k, normering: 1000, forbrug: Decimal(900 + k), art: .doegn), af: b)
                }
            }

            func alleTabeller(_ l: Lager) async throws -> String {
                var ud = ""
                for region in [nil, "Midtjylland", "Nordjylland"] as [String?] {
                    for kun in [false, true] {
                        ud += "\(region ?? "alle") \(kun)\n"
                        ud += "\(try await l.takstudviklingTabel(fra: 2025, til: 2026, region: region, kunGodkendte: kun))\n"
                        ud += "\(try await l.toAarsTabel(fra: 2025, til: 2026, region: region, kunGodkendte: kun, \.resultat))\n"
                        ud += "\(try await l.toAarsTabel(fra: 2025, til: 2026, region: region, kunGodkendte: kun, \.tillaegsydelser))\n"
                    }
                    ud += "\(try await l.belaegningsTabel(aar: 2026, region: region))\n"
                    ud += "\(try await l.pladsTabel(fra: 2025, til: 2026, region: region))\n"
                }
                return ud
            }
            let foer = try await alleTabeller(frisk)
            let fraHukommelsen = try await alleTabeller(iHukommelsen)
            XCTAssertEqual(fraHukommelsen, foer, db)

            // Real figures, not only equal ones: the approved-only table holds Aarhus alone.
            let godkendte = try await iHukommelsen.takstudviklingTabel(fra: 2025, til: 2026, kunGodkendte: true)
            XCTAssertEqual(godkendte.map(\.driftsherre), ["Aarhus Kommune", Takstudvikling.iAlt], db)
            XCTAssertEqual(godkendte[0].til.regnskab, Decimal(string: "2002001")!, db)
            let nord = try await iHukommelsen.pladsTabel(fra: 2025, til: 2026, region: "Nordjylland")
            XCTAssertEqual(nord.last?.doegnTil, 24, db)
            let belaegning = try await iHukommelsen.belaegningsTabel(aar: 2026, region: "Midtjylland")
            XCTAssertEqual(belaegning.first { $0.maalgruppe == .misbrug }?.samlet.forbrug, 3610, db)

            // A new version written through another Lager (no cache) is in the next report.
            let id = tilbud["Aalborg Kommune tilbud 0"]!
            _ = try await frisk.gemRegnskab(tilbudID: id, Regnskab(aar: 2026, omkostninger: Decimal(string: "3000000.75")!, belaegning: 11), af: b)
            // A newer version of one quarter replaces the older one in tabel 4 (not added to it).
            _ = try await frisk.gemBelaegning(tilbudID: tilbud["Aarhus Kommune tilbud 1"]!,
                                              Belaegning(aar: 2026, kvartal: 1, normering: 1000, forbrug: 950, art: .doegn), af: b)
            let nyBelaegning = try await iHukommelsen.belaegningsTabel(aar: 2026, region: "Midtjylland")
            XCTAssertEqual(nyBelaegning.first { $0.maalgruppe == .misbrug }?.samlet.forbrug, 3659, db)
            let eksport = try await frisk.belaegningsraekker(aar: 2026)
            XCTAssertEqual(eksport.filter { $0.tilbud == "Aarhus Kommune tilbud 1" && $0.belaegning.kvartal == 1 }.map(\.belaegning.forbrug), [950], db)
            XCTAssertEqual(eksport.count, 16, db)
            let efter = try await iHukommelsen.takstudviklingTabel(fra: 2025, til: 2026)
            XCTAssertEqual(efter.first { $0.driftsherre == "Aalborg Kommune" }?.til.regnskab, Decimal(string: "5001001.00")!, db)
            XCTAssertEqual(efter.first { $0.driftsherre == "Aalborg Kommune" }?.til.belaegning, Decimal(string: "21.5")!, db)
            let nyHukommelse = try await alleTabeller(iHukommelsen), nyFrisk = try await alleTabeller(frisk)
            XCTAssertEqual(nyHukommelse, nyFrisk, db)
            XCTAssertNotEqual(nyHukommelse, foer, db)
        }
    }

    /// A page kept by `side` is built once per stamp and key, and again after any write.
    func testSideHuskesIndtilNaesteSkrivning() async throws {
        try await Testdatabaser.forHver { db, f in
            let cache = Rapportcache()
            let l = Lager(f.lager.db, rapportcache: cache)
            let taeller = Taeller()
            var bygget: Int { taeller.vaerdi }
            func side(_ noegle: String) async throws -> String {
                try await cache.side(l, noegle: noegle) { let n = taeller.tael(); return "side \(noegle) nr. \(n)" }
            }
            let a = try await side("aar=2026")
            let igen = try await side("aar=2026")
            XCTAssertEqual(igen, a, db)
            XCTAssertEqual(bygget, 1, db)
            _ = try await side("aar=2025")
            XCTAssertEqual(bygget, 2, "another key is its own page (\(db))")
            // Any write, here through another Lager without the cache, makes the next use build it again.
            try await f.lager.opretOrganisation(Organisation(navn: "Odense Kommune", art: .kommune, region: "Syddanmark"), af: "test")
            let b = try await side("aar=2026")
            XCTAssertEqual(bygget, 3, db)
            XCTAssertNotEqual(b, a, db)
            let bIgen = try await side("aar=2026")
            XCTAssertEqual(bIgen, b, db)
            // Visitors choose keys: the memo starts over when full instead of growing.
            for i in 0..<(Rapportcache.maksSider + 1) { _ = try await side("q=\(i)") }
            XCTAssertEqual(bygget, 3 + Rapportcache.maksSider + 1, db)
            _ = try await side("aar=2026")
            XCTAssertEqual(bygget, 3 + Rapportcache.maksSider + 2, "the full memo was cleared (\(db))")
            // Twenty visitors asking for a page not yet built at once wait for one build.
            try await withThrowingTaskGroup(of: String.self) { g in
                for _ in 0..<20 {
                    g.addTask {
                        try await cache.side(l, noegle: "samtidig") {
                            try await Task.sleep(nanoseconds: 50_000_000)
                            return "samtidig nr. \(taeller.tael())"
                        }
                    }
                }
                var sider: Set<String> = []
                for try await s in g { sider.insert(s) }
                XCTAssertEqual(sider.count, 1, db)
            }
            XCTAssertEqual(bygget, 3 + Rapportcache.maksSider + 3, "built once for all twenty (\(db))")
        }
    }

    /// Many reports asking at once after a write read every year once, not once each.
    func testSamtidigeRapporterLaeserEnGang() async throws {
        try await Testdatabaser.forHver { db, f in
            let cache = Rapportcache()
            let l = Lager(f.lager.db, rapportcache: cache)
            func mangePaaEnGang() async throws {
                try await withThrowingTaskGroup(of: Void.self) { g in
                    for _ in 0..<20 { g.addTask { _ = try await cache.data(l) } }
                    try await g.waitForAll()
                }
            }
            try await mangePaaEnGang()
            XCTAssertEqual(cache.laesninger, 1, db)
            try await f.lager.opretOrganisation(Organisation(navn: "Odense Kommune", art: .kommune, region: "Syddanmark"), af: "test")
            try await mangePaaEnGang()
            XCTAssertEqual(cache.laesninger, 2, "one more read after the write (\(db))")
            _ = try await cache.data(l)
            XCTAssertEqual(cache.laesninger, 2, db)
        }
    }
}

/// A counter the page builders share (they may run in tasks of their own).
final class Taeller: @unchecked Sendable {
    private let laas = NSLock()
    private var n = 0
    var vaerdi: Int { laas.withLock { n } }
    func tael() -> Int { laas.withLock { n += 1; return n } }
}
