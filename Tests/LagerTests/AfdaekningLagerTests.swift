import Filformater
import FluentKit
import Foundation
@testable import Lager
import Takstregler
import Testhjaelp
import XCTest

/// The yearly supply/demand review in storage (DOMAIN.md 6.10), on SQLite and PostgreSQL: only
/// invited kommuner answer, a submitted answer is final for the kommune, an import names every bad
/// cell and saves nothing, printed totals are kept and checked, publication closes the review.
final class AfdaekningLagerTests: XCTestCase {
    let bruger = "test:sekretariat"
    static let nord = ["Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Rebild",
                       "Thisted", "Vesthimmerland", "Aalborg"].map { $0 + " Kommune" }

    /// A copy of fixture udbud_autisme_doegn_nord_2020_2022.csv (002:3901–3926).
    static let autisme = """
    kommune;2020;2021;2022
    Brønderslev;3;1;1
    Frederikshavn;3;3;3
    Hjørring;8-10;8-10;8-10
    Jammerbugt;;;
    Læsø;;;
    Mariagerfjord;?;2;1
    Morsø;2;2;2
    Rebild;4-6;4-6;4-6
    Thisted;;;
    Vesthimmerland;15;16;17
    Aalborg;9;7;6
    I alt (trykt);44-48;43-47;42-46
    """

    func opret(_ l: Lager) async throws -> UUID {
        for k in AfdaekningLagerTests.nord + ["Aarhus Kommune"] {
            try await l.opretOrganisation(Organisation(navn: k, art: .kommune, region: k == "Aarhus Kommune" ? "Midtjylland" : "Nordjylland"), af: bruger)
        }
        try await l.opretOrganisation(Organisation(navn: "Region Nordjylland", art: .region, region: "Nordjylland"), af: bruger)
        let a = try Afdaekning.opret(titel: "Udbud og efterspørgsel 2023", aar: 2023, region: "Nordjylland", maalgrupper: ["Autisme"],
                                     spoergsmaal: [("Borgere med autisme i døgntilbud", "antal", "2020-2022", ""),
                                                   ("Mangler I pladser?", "valg", "", "Ja; Nej")],
                                     inviterede: AfdaekningLagerTests.nord)
        return try await l.opretAfdaekning(a, af: bruger)
    }

    func antalSvarOgHaendelser(_ l: Lager) async throws -> (Int, Int) {
        (try await Afdaekningssvarmodel.query(on: l.db).count(), try await Haendelsesmodel.query(on: l.db).count())
    }

    func testKommunenSvarerKunNaarDenErInviteret() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opret(l)
            guard let g = try await l.afdaekning(id: id) else { return XCTFail(db) }
            // A region is not a kommune: not invitable.
            var forkert = g.afdaekning
            forkert.inviterede.append("Region Nordjylland")
            do { try await l.opretAfdaekning(forkert, af: bruger); XCTFail(db) } catch let v as Valideringsfejl {
                XCTAssertEqual(v.felt, "inviterede", db)
            }
            let kladde = try g.afdaekning.fortolkSvar(["s1_2020": "8-10", "s1_2021": "?", "s1_2022": "2"])
            try await l.gemAfdaekningssvar(afdaekningID: id, kommune: "Jammerbugt Kommune", kladde, indsend: false, kilde: "web", af: "jb")
            var o = try await l.afdaekningsopgoerelse(g)
            XCTAssertEqual(o.svarprocent.tekst, "0 af 11 kommuner, 0 %", "\(db): en kladde tæller ikke")
            try await l.gemAfdaekningssvar(afdaekningID: id, kommune: "Jammerbugt Kommune", kladde, indsend: true, kilde: "web", af: "jb")
            o = try await l.afdaekningsopgoerelse(g)
            XCTAssertEqual(o.svarprocent.tekst, "1 af 11 kommuner, 9 %", db)
            XCTAssertEqual(o.antal[0].kontrol.kolonner.map(\.beregnet.description), ["8-10", "0", "2"], db)
            let svar = try await l.afdaekningssvar(afdaekningID: id)
            XCTAssertEqual(svar.map(\.version), [2], db)
            XCTAssertEqual(svar.first?.besvarelse.felter["s1_2022"], "2", "\(db): gemt uden maskering")

            let foer = try await antalSvarOgHaendelser(l)
            // Submitted is final for the kommune.
            do {
                try await l.gemAfdaekningssvar(afdaekningID: id, kommune: "Jammerbugt Kommune", kladde, indsend: true, kilde: "web", af: "jb")
                XCTFail(db)
            } catch let v as Valideringsfejl { XCTAssertTrue(v.besked.contains("allerede indsendt"), "\(db): \(v)") }
            // Not invited.
            do {
                try await l.gemAfdaekningssvar(afdaekningID: id, kommune: "Aarhus Kommune", kladde, indsend: true, kilde: "api", af: "aa")
                XCTFail(db)
            } catch let e as IkkeInviteret { XCTAssertEqual(e.kommune, "Aarhus Kommune", db) }
            let efter = try await antalSvarOgHaendelser(l)
            XCTAssertEqual(foer.0, efter.0, "\(db): intet gemt")
            XCTAssertEqual(foer.1, efter.1, "\(db): intet logget")
        }
    }

    func testImportAfFixturenBevarerDenTrykteTotal() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            let id = try await opret(l)
            // Bad cells: every one named, nothing saved.
            let daarlig = AfdaekningLagerTests.autisme.replacingOccurrences(of: "Morsø;2;2;2", with: "Morsø;10-8;abc;≤4")
                .replacingOccurrences(of: "Rebild;4-6;4-6;4-6", with: "Rebild;-2;4-6;4-6")
                .replacingOccurrences(of: "Læsø;;;", with: "Aarhus;;;")
            let foer = try await antalSvarOgHaendelser(l)
            do {
                let t = try Optaellingsfil.laes(fil: "svar.csv", tekst: daarlig)
                try await l.importerAfdaekningssvar(afdaekningID: id, spoergsmaal: "s1", tabel: t, fil: "svar.csv", af: bruger)
                XCTFail(db)
            } catch let e as Importfejlliste {
                XCTAssertEqual(e.fejl.map { "\($0.raekke ?? 0)/\($0.kolonne ?? "")" }, ["8/2020", "8/2021", "8/2022", "9/2020"], "\(db): \(e)")
                XCTAssertTrue(e.fejl.allSatisfy { $0.fil == "svar.csv" }, db)
            }
            // The file reads, but Aarhus is not invited.
            let ikkeInviteret = try Optaellingsfil.laes(fil: "svar.csv", tekst: AfdaekningLagerTests.autisme.replacingOccurrences(of: "Læsø;;;", with: "Aarhus;;;"))
            do {
                try await l.importerAfdaekningssvar(afdaekningID: id, spoergsmaal: "s1", tabel: ikkeInviteret, fil: "svar.csv", af: bruger)
                XCTFail(db)
            } catch let e as Importfejlliste {
                XCTAssertEqual(e.fejl.map(\.raekke), [6], "\(db): \(e)")
                XCTAssertTrue(e.fejl[0].besked.contains("ikke inviteret"), db)
            }
            let mellem = try await antalSvarOgHaendelser(l)
            XCTAssertEqual(foer.0, mellem.0, db)
            XCTAssertEqual(foer.1, mellem.1, db)

            let t = try Optaellingsfil.laes(fil: "udbud.csv", tekst: AfdaekningLagerTests.autisme)
            let antal = try await l.importerAfdaekningssvar(afdaekningID: id, spoergsmaal: "s1", tabel: t, fil: "udbud.csv", af: bruger)
            XCTAssertEqual(antal, 8, "\(db): Jammerbugt, Læsø og Thisted har ikke svaret")
            guard let g = try await l.afdaekning(id: id) else { return XCTFail(db) }
            XCTAssertEqual(g.trykt["s1"]?[2021], .interval(43, 47), db)
            let o = try await l.afdaekningsopgoerelse(g)
            XCTAssertEqual(o.svarprocent.tekst, "8 af 11 kommuner, 73 %", "\(db): som 002:3873")
            XCTAssertEqual(o.antal[0].kontrol.kolonner.map(\.beregnet.description), ["44-48", "43-47", "42-46"], db)
            XCTAssertEqual(o.antal[0].kontrol.kolonner.map(\.stemmer), [true, true, true], db)
            let svar = try await l.afdaekningssvar(afdaekningID: id)
            XCTAssertEqual(svar.first?.kommune, "Brønderslev Kommune", db)
            XCTAssertEqual(svar.first?.kilde, "import: udbud.csv", db)

            // Publication closes the review.
            try await l.offentliggoerAfdaekning(id: id, beslutning: Beslutning(organ: "DAS", dato: "2023-06-02", punkt: "5", tekst: "DAS tog afdækningen til efterretning"),
                                                dato: "2023-06-05", af: bruger)
            let offentlig = try await l.afdaekninger(kunOffentliggjorte: true)
            XCTAssertEqual(offentlig.map(\.id), [id], db)
            XCTAssertEqual(offentlig.first?.beslutning?.organ, "DAS", db)
            do {
                try await l.gemAfdaekningssvar(afdaekningID: id, kommune: "Thisted Kommune", Besvarelse(), indsend: true, kilde: "web", af: "th")
                XCTFail(db)
            } catch let v as Valideringsfejl { XCTAssertTrue(v.besked.contains("offentliggjort"), "\(db): \(v)") }
            let log = try await Haendelsesmodel.query(on: l.db).filter(\.$entitet == "afdaekningssvar").count()
            XCTAssertEqual(log, 8, "\(db): hvert importeret svar er logget")
        }
    }
}
