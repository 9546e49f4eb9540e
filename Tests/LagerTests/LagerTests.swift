import Filformater
import FluentKit
import Foundation
@testable import Lager
import Takstregler
import XCTest
import Testhjaelp

final class LagerTests: XCTestCase {
    let bruger = "test:sekretariat"

    func toftehoej(_ navn: String = "Takst 1", pladser: Decimal = 2, omk: Decimal = 618_526) -> Takstniveau {
        Takstniveau(navn: navn, aar: 2021, grundlag: Takstgrundlag(
            omkostninger: [Omkostningslinje(.oevrige, omk)], pladser: pladser, belaegningsprocent: 95, afrunding: .oere))
    }

    func opretToftehoej(_ l: Lager) async throws -> UUID {
        try await l.opretOrganisation(Organisation(navn: "Jammerbugt Kommune", art: .kommune, kommunenummer: "849"), af: bruger)
        return try await l.opretTilbud(Tilbud(navn: "Toftehøj", driftsherre: "Jammerbugt Kommune"), af: bruger)
    }

    /// A saved level stores its takst and full basis, and the write is audited with before/after.
    func testGemTakstniveauGemmerGrundlagOgRevision() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opretToftehoej(l)
            let m = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(), af: bruger)
            XCTAssertEqual(m.takst, Decimal(string: "891.89"), db)
            XCTAssertEqual(m.niveau.grundlag.omkostninger.first?.beloeb, 618_526, db)
            XCTAssertEqual(m.status, .kladde, db)

            // Edit the draft: the audit event carries the old and the new takst.
            _ = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(omk: 700_000), af: bruger, forventetRevision: 1)
            let h = try await l.haendelser(Haendelsesfilter(entitet: "takstniveau", graense: 200)).haendelser
            XCTAssertEqual(h.count, 2, db)
            let ret = try XCTUnwrap(h.first { $0.handling == "ret" }, db)
            XCTAssertTrue(ret.foer?.contains("891.89") == true, db)
            XCTAssertTrue(ret.efter?.contains("1009.37") == true, "\(db): \(ret.efter ?? "")")
            XCTAssertEqual(ret.bruger, bruger)
            let v1 = try await l.haendelser(Haendelsesfilter(entitet: "organisation", graense: 200)).haendelser.count
            XCTAssertEqual(v1, 1, db)
        }
    }

    /// Refused input changes nothing: no row, no audit event.
    func testUgyldigtInputAendrerIntet() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opretToftehoej(l)
            let foer = try await l.antalHaendelser()
            do {
                _ = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(pladser: 0), af: bruger)
                XCTFail("\(db): pladser 0 blev accepteret")
            } catch let f as Valideringsfejl {
                XCTAssertEqual(f.felt, "pladser", db)
            }
            do {
                try await l.opretTilbud(Tilbud(navn: "X", driftsherre: "Ukendt Kommune"), af: bruger)
                XCTFail("\(db): ukendt driftsherre blev accepteret")
            } catch let f as Lagerfejl {
                XCTAssertEqual(f, .ukendtOrganisation("Ukendt Kommune"), db)
            }
            do {
                _ = try await l.findTilbud(navn: "Findes ikke")
                XCTFail("\(db)")
            } catch let f as Lagerfejl {
                XCTAssertTrue(f.description.hasPrefix("tilbud: ukendt tilbud"), db)
            }
            let v2 = try await l.antalHaendelser()
            XCTAssertEqual(v2, foer, db)
            let v3 = try await Takstniveaumodel.query(on: f.db).count()
            XCTAssertEqual(v3, 0, db)
            let v4 = try await l.antalTilbud()
            XCTAssertEqual(v4, 1, db)
        }
    }

    /// A failure inside a transaction rolls back the rows written before it.
    func testTransaktionRullesTilbage() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            try await l.opretOrganisation(Organisation(navn: "Aarhus Kommune", art: .kommune), af: bruger)
            do {
                try await f.db.transaction { tx in
                    try await Lager(tx).opretOrganisation(Organisation(navn: "Viborg Kommune", art: .kommune), af: "x")
                    try await Lager(tx).opretOrganisation(Organisation(navn: "Aarhus Kommune", art: .kommune), af: "x")
                }
                XCTFail("\(db): dublet blev accepteret")
            } catch let f as Lagerfejl {
                XCTAssertEqual(f, .findesAllerede("Organisationen 'Aarhus Kommune'"), db)
            }
            let v5 = try await l.organisationer().map(\.navn)
            XCTAssertEqual(v5, ["Aarhus Kommune"], db)
            let v6 = try await l.antalHaendelser()
            XCTAssertEqual(v6, 1, db)
        }
    }

    /// Kladde → indsendt → godkendt → offentliggjort; published is frozen; a correction is a new
    /// version, and the public list keeps showing the published version until it is replaced.
    func testArbejdsgangOgRettelseSomNyVersion() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opretToftehoej(l)
            let m = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(), af: "driftsherre:jammerbugt")
            let nid = m.id
            let v7 = try await l.offentligTakstliste(aar: 2021).isEmpty
            XCTAssertTrue(v7, db)
            do {
                try await l.skiftStatus(niveauID: nid, til: .godkendt, af: bruger)
                XCTFail(db)
            } catch let f as Lagerfejl {
                XCTAssertEqual(f, .ugyldigStatusskift(fra: "Kladde", til: "Godkendt"), db)
            }
            try await l.skiftStatus(niveauID: nid, til: .indsendt, af: "driftsherre:jammerbugt")
            do {
                try await l.skiftStatus(niveauID: nid, til: .afvist, af: bruger)
                XCTFail("\(db): afvisning uden kommentar")
            } catch let f as Valideringsfejl { XCTAssertEqual(f.felt, "begrundelse", db) }
            try await l.skiftStatus(niveauID: nid, til: .godkendt, af: bruger,
                                    beslutning: Beslutning(organ: "FU", dato: "2021-01-29", punkt: "4", tekst: "FU godkendte nye takster for Toftehøj"))
            let v8 = try await l.offentliggoer(aar: 2021, af: bruger)
            XCTAssertEqual(v8, 1, db)
            let liste = try await l.offentligTakstliste(aar: 2021)
            XCTAssertEqual(liste.first?.niveauer.first?.takst, Decimal(string: "891.89"), db)

            do {
                _ = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(omk: 1), af: bruger)
                XCTFail("\(db): offentliggjort takst blev overskrevet")
            } catch let f as Lagerfejl {
                guard case .ikkeRedigerbar(_, .offentliggjort) = f else { return XCTFail("\(db): \(f)") }
                XCTAssertTrue(f.description.contains("er offentliggjort og kan ikke ændres — opret en rettelse"), "\(db): \(f)")
            }
            let rettet = try await l.opretRettelse(
                niveauID: nid, grundlag: toftehoej(omk: 618_332).grundlag,
                begrundelse: "Takst offentliggjort 194 kr. for højt (003:1557)", af: bruger)
            XCTAssertEqual(rettet.version, 2, db)
            // Until the correction is published, the public list shows version 1.
            let v9 = try await l.offentligTakstliste(aar: 2021).first?.niveauer.first?.niveau.version
            XCTAssertEqual(v9, 1, db)
            let rid = rettet.id
            try await l.skiftStatus(niveauID: rid, til: .indsendt, af: bruger)
            try await l.skiftStatus(niveauID: rid, til: .godkendt, af: bruger)
            try await l.offentliggoer(aar: 2021, af: bruger)
            let ny = try await l.offentligTakstliste(aar: 2021).first?.niveauer.first
            XCTAssertEqual(ny?.niveau.version, 2, db)
            XCTAssertEqual(ny?.takst, Decimal(string: "891.61"), db)
            // Both versions remain readable.
            let v10 = try await l.versioner(tilbudID: id).map(\.version)
            XCTAssertEqual(v10, [2, 1], db)
            let rettelse = try await l.haendelser(Haendelsesfilter(entitet: "takstniveau", graense: 200)).haendelser.first { $0.handling == "rettelse" }
            XCTAssertEqual(rettelse?.begrundelse, "Takst offentliggjort 194 kr. for højt (003:1557)", db)
        }
    }

    /// Two writers holding the same revision: the second save is refused and nothing is lost.
    func testSamtidigRedigeringGiverKonflikt() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opretToftehoej(l)
            let m = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(), af: "a")
            let hentet = m.revision
            _ = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(omk: 620_000), af: "a", forventetRevision: hentet)
            do {
                _ = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(omk: 630_000), af: "b", forventetRevision: hentet)
                XCTFail("\(db): tabt opdatering")
            } catch let f as Lagerfejl {
                guard case .konflikt = f else { return XCTFail("\(db): \(f)") }
            }
            let gemt = try await l.arbejdsliste(aar: 2021).first?.niveauer.first
            XCTAssertEqual(try gemt.map { try XCTUnwrap($0.niveau.grundlag.omkostninger.first).beloeb }, 620_000, db)
        }
    }

    func testRegnskabBelaegningOgParametre() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opretToftehoej(l)
            try await l.gemRegnskab(tilbudID: id, Regnskab(aar: 2019, omkostninger: 11_000_000, takstindtaegter: 11_250_000,
                                                           belaegning: Decimal(string: "29.5")!), af: bruger)
            let r = try await l.regnskaber(tilbudID: id)
            XCTAssertEqual(r.first?.resultat, 250_000, db)
            try await l.gemBelaegning(tilbudID: id, Belaegning(aar: 2019, kvartal: 1, normering: 2790, forbrug: 2700, art: .doegn), af: bruger)
            do {
                try await l.gemBelaegning(tilbudID: id, Belaegning(aar: 2019, kvartal: 5, normering: 1, forbrug: 1, art: .doegn), af: bruger)
                XCTFail(db)
            } catch let f as Valideringsfejl { XCTAssertEqual(f.felt, "kvartal", db) }
            try await l.saetPLIndeks(aar: 2018, indeks: 100, af: bruger)
            try await l.saetPLIndeks(aar: 2019, indeks: Decimal(string: "101.8")!, af: bruger)
            let v11 = try await l.plIndeks().faktor(fra: 2018, til: 2019)
            XCTAssertEqual(v11, Decimal(string: "1.018"), db)
            try await l.saetParameter(aar: 2024, region: "Midtjylland", noegle: "overhead",
                                      vaerdi: Overheadmetode.procentAfDirekte(Decimal(string: "6.1")!), af: bruger)
            let o = try await l.parameter(aar: 2024, region: "Midtjylland", noegle: "overhead", som: Overheadmetode.self)
            XCTAssertEqual(o, .procentAfDirekte(Decimal(string: "6.1")!), db)
            let v12 = try await l.haendelser(Haendelsesfilter(entitet: "pl_indeks", graense: 200)).haendelser.count
            XCTAssertEqual(v12, 2, db)
        }
    }

    func testDatabasevalg() {
        XCTAssertEqual(Databasevalg(nil, miljoe: [:]), .sqlite(sti: "./takstfil.sqlite"))
        XCTAssertEqual(Databasevalg(nil, miljoe: ["DATABASE_URL": "postgres://u@h/db"]), .postgres(url: "postgres://u@h/db"))
        XCTAssertEqual(Databasevalg(nil, miljoe: ["TAKSTFIL_DB": "a.sqlite", "DATABASE_URL": "postgres://u@h/db"]), .sqlite(sti: "a.sqlite"))
        XCTAssertEqual(Databasevalg("b.sqlite", miljoe: ["TAKSTFIL_DB": "a.sqlite"]), .sqlite(sti: "b.sqlite"))
        XCTAssertEqual(Databasevalg("postgresql://x:hemmelig@h/db").description, "PostgreSQL (postgresql://x:***@h/db)")
    }
}

extension LagerTests {
    /// An import is all or nothing on both databases: a refusal in the last row rolls back the
    /// driftsherrer, tilbud and rows created before it; a dry run writes nothing.
    func testImportErAltEllerIntet() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opretToftehoej(l)
            try await l.gemRegnskab(tilbudID: id, Regnskab(aar: 2019, omkostninger: 1, belaegning: 1), status: .offentliggjort, af: bruger)
            let foer = try await l.antalHaendelser()
            let raekker = try Indberetningsformat.laesRegnskab(fil: "r.csv", tekst: """
                driftsherre;tilbud;aar;belaegning;regnskab_kr
                Viborg Kommune;Egely;2019;10;1000000
                Jammerbugt Kommune;Toftehøj;2019;31;12000000
                """)
            do {
                _ = try await l.importerRegnskab(raekker, fil: "r.csv", region: nil, af: bruger)
                XCTFail("\(db): et offentliggjort regnskab blev overskrevet")
            } catch let f as Importfejl {
                XCTAssertEqual(f.raekke, 3, db)
                XCTAssertTrue(f.description.contains("offentliggjort"), "\(db): \(f)")
            }
            let efter = try await l.antalHaendelser()
            XCTAssertEqual(efter, foer, db)
            let viborg = try await l.organisation(navn: "Viborg Kommune")
            XCTAssertNil(viborg, db)

            let proeve = try await l.importerRegnskab(Array(raekker.prefix(1)), fil: "r.csv", region: nil, proeve: true, af: bruger)
            XCTAssertEqual(proeve.oprettet, 1, db)
            XCTAssertEqual(proeve.nyeDriftsherrer, ["Viborg Kommune"], db)
            let efterProeve = try await l.antalTilbud()
            XCTAssertEqual(efterProeve, 1, db)

            let rigtig = try await l.importerRegnskab(Array(raekker.prefix(1)), fil: "r.csv", region: nil, af: bruger)
            XCTAssertEqual(rigtig.nyeTilbud, ["Egely (Viborg Kommune)"], db)
            let t = try await l.takstudviklingTabel(fra: 2018, til: 2019)
            XCTAssertEqual(t.map(\.driftsherre), ["Jammerbugt Kommune", "Viborg Kommune", "I alt"], db)
            XCTAssertEqual(t.last?.til.regnskab, 1_000_001, db)
        }
    }
}

extension LagerTests {
    /// Two writers save the same draft at the same time from the same revision: exactly one
    /// wins, the other is told what changed, and the winner's figures are what is stored.
    func testToSamtidigeSkrivereTaberIntet() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opretToftehoej(l)
            let m = try await l.gemTakstniveau(tilbudID: id, niveau: toftehoej(), af: "a")
            for runde in 0..<5 {
                let hentet = try await l.arbejdsliste(aar: 2021).first!.niveauer.first!.revision
                let a = toftehoej(omk: Decimal(700_000 + runde)), b = toftehoej(omk: Decimal(800_000 + runde))
                async let svarA = Result(catching: { try await f.lager.gemTakstniveau(tilbudID: id, niveau: a, af: "skriver-a", forventetRevision: hentet) })
                async let svarB = Result(catching: { try await f.lager.gemTakstniveau(tilbudID: id, niveau: b, af: "skriver-b", forventetRevision: hentet) })
                let (ra, rb) = await (svarA, svarB)
                let vundet = [ra, rb].filter { if case .success = $0 { return true }; return false }.count
                XCTAssertEqual(vundet, 1, "\(db) runde \(runde): \(ra) / \(rb)")
                for r in [ra, rb] {
                    if case .failure(let fejl) = r {
                        guard case Lagerfejl.konflikt(let tekst)? = fejl as? Lagerfejl else { return XCTFail("\(db): \(fejl)") }
                        XCTAssertTrue(tekst.contains("er ændret af skriver-"), tekst)
                        XCTAssertTrue(tekst.contains("din revision \(hentet), nu \(hentet + 1)"), tekst)
                    }
                }
                let vinder = (try? ra.get()) != nil ? a : b
                let gemt = try await l.arbejdsliste(aar: 2021).first!.niveauer.first!
                XCTAssertEqual(gemt.niveau.grundlag.omkostninger.first?.beloeb, vinder.grundlag.omkostninger.first?.beloeb, db)
                XCTAssertEqual(gemt.revision, hentet + 1, db)
            }
            let ret = try await l.haendelser(Haendelsesfilter(entitet: "takstniveau", graense: 200)).haendelser.filter { $0.handling == "ret" && $0.entitetID == m.id.uuidString }
            XCTAssertEqual(ret.count, 5, "\(db): én revideret ændring pr. runde")
        }
    }
}

extension Result where Failure == any Error {
    init(catching blok: () async throws -> Success) async {
        do { self = .success(try await blok()) } catch { self = .failure(error) }
    }
}

extension LagerTests {
    /// The bulk import's hand-assembled audit JSON is byte-identical to the encoder's, with and without
    /// every optional field; the fields of `Takstniveau` are pinned, so a new one fails here until
    /// `TakstniveauLog.json` writes it.
    func testTakstniveauLogSammeJSONSomKoderen() throws {
        XCTAssertEqual(Mirror(reflecting: toftehoej()).children.compactMap(\.label),
                       ["navn", "aar", "grundlag", "basisYdelse", "status", "version", "gyldigFra", "kunForIndskrevetFra", "midlertidig"])
        let basis = BasisYdelseGrundlag(basisbudget: Decimal(string: "12489292.58")!, pladser: 12, belaegningsprocent: 85, effektivTimeloen: 390)
        for (basis, periode) in [(nil, false), (basis, false), (basis, true)] {
            var n = toftehoej("Takst \"1\" / døgn", omk: Decimal(string: "618526.5")!)
            n.basisYdelse = basis
            n.status = .offentliggjort
            if periode {
                n.gyldigFra = "2021-03-01"
                n.kunForIndskrevetFra = "2021-02-01"
                n.midlertidig = true
            }
            let takst = try n.beregn().takst
            let forventet = try Lagerkodning.json(TakstniveauLog(niveau: n, takst: takst))
            let samlet = try TakstniveauLog.json(n, grundlagJSON: try Lagerkodning.json(n.grundlag),
                                                 basisYdelseJSON: try n.basisYdelse.map(Lagerkodning.json), takst: takst)
            XCTAssertEqual(samlet, forventet)
        }
    }
}
