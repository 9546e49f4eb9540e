import FluentKit
import Foundation
@testable import Lager
import Takstregler
import Testhjaelp
import XCTest

/// Takst periods and provisional takster in storage (DOMAIN.md 6.1), on SQLite and PostgreSQL:
/// a new `gyldig fra` is a new record that never edits another period; the workflow locks each
/// period on its own; the list answers for a date and an enrolment date.
final class TakstperiodeLagerTests: XCTestCase {
    let bruger = "test:sekretariat"

    /// A level whose takst is exactly `takst` kr. per døgn (one place, 365 døgn at 100 %).
    func niveau(_ navn: String, _ aar: Int, takst: Decimal, fra: String? = nil, kunNyeFra: String? = nil) -> Takstniveau {
        Takstniveau(navn: navn, aar: aar, grundlag: Takstgrundlag(omkostninger: [Omkostningslinje(.oevrige, takst * 365)],
                                                                   pladser: 1, belaegningsprocent: 100),
                    gyldigFra: fra, kunForIndskrevetFra: kunNyeFra)
    }

    func godkendOgOffentliggoer(_ l: Lager, _ m: GemtTakstniveau, midlertidig: Bool = false) async throws {
        try await l.skiftStatus(niveauID: m.id, til: .indsendt, af: bruger, begrundelse: "ny periode")
        try await l.skiftStatus(niveauID: m.id, til: .godkendt, af: bruger, midlertidig: midlertidig)
        try await l.offentliggoerNiveau(m.id, af: bruger)
    }

    func testPerioderErHverSinPost() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            try await l.opretOrganisation(Organisation(navn: "Region Nordjylland", art: .region), af: bruger)
            let id = try await l.opretTilbud(Tilbud(navn: "Østerskoven", driftsherre: "Region Nordjylland"), af: bruger)
            let jan = try await l.gemTakstniveau(tilbudID: id, niveau: niveau("EH", 2022, takst: 5077, fra: "2022-01-01"), af: bruger)
            XCTAssertNil(jan.niveau.gyldigFra, "\(db): 1. januar gemmes som hele året")
            try await godkendOgOffentliggoer(l, jan)
            // A new period of an approved level is a new record; the approved one is untouched.
            let jul = try await l.gemTakstniveau(tilbudID: id, niveau: niveau("EH", 2022, takst: 5561, fra: "2022-07-01"), af: bruger)
            XCTAssertEqual(jul.version, 2, db)
            XCTAssertEqual(jul.status, .kladde, db)
            let foer = try await l.takstniveau(id: jan.id)
            XCTAssertEqual(foer?.status, .offentliggjort, db)
            XCTAssertEqual(foer?.takst, 5077, db)
            // The same period again is still refused (the workflow, per period).
            do {
                _ = try await l.gemTakstniveau(tilbudID: id, niveau: niveau("EH", 2022, takst: 1, fra: "2022-01-01"), af: bruger)
                XCTFail("\(db): en offentliggjort periode blev ændret")
            } catch let f as Lagerfejl {
                XCTAssertTrue(f.description.contains("er offentliggjort og kan ikke ændres"), "\(db): \(f)")
            }
            // Editing the July draft edits only July.
            let jul2 = try await l.gemTakstniveau(tilbudID: id, niveau: niveau("EH", 2022, takst: 5562, fra: "2022-07-01"), af: bruger)
            XCTAssertEqual(jul2.id, jul.id, db)
            let antal = try await l.versioner(tilbudID: id).count
            XCTAssertEqual(antal, 2, db)
            try await godkendOgOffentliggoer(l, jul2)
            let liste = try await l.offentligTakstliste(aar: 2022)
            XCTAssertEqual(liste.first?.niveauer.map(\.takst), [5077, 5562], db)
            XCTAssertEqual(liste.paaDato("2022-03-01").first?.niveauer.map(\.takst), [5077], db)
            XCTAssertEqual(liste.paaDato("2022-08-01").first?.niveauer.map(\.takst), [5562], db)
            let juni = try await l.gaeldendeTakst(tilbudID: id, niveau: "EH", dato: "2022-06-30")
            XCTAssertEqual(juni?.takst, 5077, db)
            // A period outside its year is refused before anything is written.
            do {
                _ = try await l.gemTakstniveau(tilbudID: id, niveau: niveau("EH", 2022, takst: 1, fra: "2023-02-01"), af: bruger)
                XCTFail(db)
            } catch let v as Valideringsfejl { XCTAssertEqual(v.felt, "gyldig_fra", db) }
            let efter = try await l.versioner(tilbudID: id).count
            XCTAssertEqual(efter, 2, db)
        }
    }

    /// The 2024 takst only for citizens enrolled from 1 January 2024: the list for a citizen enrolled
    /// in 2023 shows 2023's takst; MH's provisional takst is marked and replaced from the final's date.
    func testIndskrevneOgMidlertidige() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            try await l.opretOrganisation(Organisation(navn: "Region Nordjylland", art: .region), af: bruger)
            let id = try await l.opretTilbud(Tilbud(navn: "Østerskoven", driftsherre: "Region Nordjylland"), af: bruger)
            try await godkendOgOffentliggoer(l, try await l.gemTakstniveau(tilbudID: id, niveau: niveau("EH", 2023, takst: 5887), af: bruger))
            try await godkendOgOffentliggoer(l, try await l.gemTakstniveau(
                tilbudID: id, niveau: niveau("EH", 2024, takst: 6534, kunNyeFra: "2024-01-01"), af: bruger))
            let mh = try await l.gemTakstniveau(tilbudID: id, niveau: niveau("MH", 2024, takst: 5299), af: bruger)
            try await godkendOgOffentliggoer(l, mh, midlertidig: true)
            try await godkendOgOffentliggoer(l, try await l.gemTakstniveau(
                tilbudID: id, niveau: niveau("MH", 2024, takst: 5599, fra: "2024-03-01"), af: bruger))

            let liste = try await l.offentligTakstliste(aar: 2024)
            func takster(_ d: String, _ e: String? = nil) -> [String] {
                liste.paaDato(d, indskrevet: e).first?.niveauer.map { "\($0.niveau.navn) \($0.takst)\($0.niveau.midlertidig ? " midlertidig" : "")" } ?? []
            }
            XCTAssertEqual(takster("2024-02-01"), ["EH 6534", "MH 5299 midlertidig"], db)
            XCTAssertEqual(takster("2024-03-01"), ["EH 6534", "MH 5599"], db)
            XCTAssertEqual(takster("2024-06-01", "2023-05-01"), ["EH 5887", "MH 5599"], db)
            // Both MH versions stay readable on the tilbud page.
            let mhs = try await l.offentligeVersioner(tilbudID: id).filter { $0.navn == "MH" }
            XCTAssertEqual(mhs.map(\.takst).sorted(), [5299, 5599], db)
            // The audit log records the provisional approval.
            let h = try await l.haendelser(Haendelsesfilter(handling: Status.godkendt.rawValue, entitetID: mh.id.uuidString, graense: 1))
            XCTAssertTrue(h.haendelser.first?.efter?.contains("\"midlertidig\":\"ja\"") ?? false, "\(db): \(String(describing: h.haendelser.first?.efter))")
            // Only an approval can be provisional.
            let kladde = try await l.gemTakstniveau(tilbudID: id, niveau: niveau("Ny", 2024, takst: 1), af: bruger)
            do {
                _ = try await l.skiftStatus(niveauID: kladde.id, til: .indsendt, af: bruger, midlertidig: true)
                XCTFail(db)
            } catch let v as Valideringsfejl { XCTAssertEqual(v.felt, "midlertidig", db) }
        }
    }
}
