import FluentKit
import Foundation
import Lager
import Takstregler
import Testhjaelp
import XCTest

/// Accounts, API tokens, sign-in attempts, the filtered audit log and the reporting reads, on
/// SQLite and PostgreSQL (several app instances share one PostgreSQL: the throttle and the
/// sessions live in the database).
final class BrugerLagerTests: XCTestCase {
    func testBrugereNoeglerOgLoginforsoegPaaBeggeDatabaser() async throws {
        try await Testdatabaser.forHver { db, f in
            let l = f.lager
            try await l.opretOrganisation(Organisation(navn: "Aarhus Kommune", art: .kommune, region: "Midtjylland"), af: "test")
            try await l.opretOrganisation(Organisation(navn: "Aarhus MBU", art: .underenhed, region: "Midtjylland", overordnet: "Aarhus Kommune"), af: "test")
            let mbuTilbud = try await l.opretTilbud(Tilbud(navn: "Skolehjemmet", driftsherre: "Aarhus MBU"), af: "test")
            let id = try await l.opretBruger(email: "Oekonom@Aarhus.dk", rolle: .driftsherre, organisation: "Aarhus Kommune",
                                             kodeordHash: "$2b$04$x", af: "admin@test.dk")
            do {
                _ = try await l.opretBruger(email: "oekonom@aarhus.dk", rolle: .sekretariat, organisation: nil, kodeordHash: "y", af: "x")
                XCTFail("\(db): dublet")
            } catch let f as Lagerfejl { XCTAssertEqual(f, .findesAllerede("Brugeren 'oekonom@aarhus.dk'"), db) }
            do {
                _ = try await l.opretBruger(email: "a@b.dk", rolle: .socialtilsyn, organisation: nil, kodeordHash: "y", af: "x")
                XCTFail("\(db): socialtilsyn uden organisation")
            } catch let f as Valideringsfejl { XCTAssertEqual(f.felt, "organisation", db) }

            let konto = try await l.bruger(id: id)
            XCTAssertEqual(konto?.email, "oekonom@aarhus.dk", db)
            XCTAssertEqual(konto?.region, "Midtjylland", db)
            // Aarhus Kommune owns its sub-unit's tilbud.
            let egne = try await l.egneTilbud(organisation: "Aarhus Kommune").map(\.id)
            XCTAssertEqual(egne, [mbuTilbud], db)
            let t = try await l.tilbudMedEjer(id: mbuTilbud)!
            XCTAssertTrue(konto!.ejer(driftsherre: t.tilbud.driftsherre, overordnet: t.driftsherrensOverordnede), db)

            try await l.opretAPINoegle(brugerID: id, navn: "system", noegleHash: "hash1", af: "oekonom@aarhus.dk")
            let viaNoegle = try await l.brugerForAPINoegle(hash: "hash1")
            XCTAssertEqual(viaNoegle?.id, id, db)
            try await l.saetBrugerAktiv(id: id, aktiv: false, af: "admin@test.dk")
            let deaktiveret = try await l.brugerForAPINoegle(hash: "hash1")
            XCTAssertNil(deaktiveret, "\(db): en deaktiveret brugers nøgle virker ikke")

            // Failed attempts count per e-mail since the last success, and per address.
            let nu = Date().addingTimeInterval(-60)
            for _ in 0..<3 { try await l.registrerLoginforsoeg(email: "oekonom@aarhus.dk", adresse: "10.0.0.1", lykkedes: false) }
            var t1 = try await l.fejledeLoginforsoeg(email: "OEKONOM@aarhus.dk", adresse: "10.0.0.1", siden: nu)
            XCTAssertEqual(t1.email, 3, db)
            XCTAssertEqual(t1.adresse, 3, db)
            try await Task.sleep(nanoseconds: 5_000_000)
            try await l.registrerLoginforsoeg(email: "oekonom@aarhus.dk", adresse: "10.0.0.1", lykkedes: true)
            t1 = try await l.fejledeLoginforsoeg(email: "oekonom@aarhus.dk", adresse: "10.0.0.1", siden: nu)
            XCTAssertEqual(t1.email, 0, "\(db): et vellykket log ind nulstiller e-mailens tæller")
            XCTAssertEqual(t1.adresse, 3, db)

            // The filtered audit log: by user, entity, action, and paged with a total.
            let side = try await l.haendelser(Haendelsesfilter(bruger: "admin@test.dk", graense: 1))
            XCTAssertEqual(side.antal, 2, db)
            XCTAssertEqual(side.haendelser.map(\.handling), ["deaktiver"], "\(db): nyeste først")
            let side2 = try await l.haendelser(Haendelsesfilter(bruger: "admin@test.dk", forskydning: 1, graense: 1))
            XCTAssertEqual(side2.haendelser.map(\.handling), ["opret"], db)
            XCTAssertFalse(side2.haendelser[0].efter?.contains("$2b") ?? true, "\(db): ingen hash i loggen")
            let valg = try await l.haendelsesvalg()
            XCTAssertTrue(valg.entiteter.contains("api_noegle"), db)

            // Yearly parameters and the socialtilsyn input round-trip exactly.
            try await l.saetFristTakster(aar: 2027, region: "Midtjylland", dato: "2026-10-01", af: "test")
            do {
                try await l.saetFristTakster(aar: 2027, region: "Midtjylland", dato: "2026-02-30", af: "test")
                XCTFail("\(db): ugyldig dato")
            } catch let f as Valideringsfejl { XCTAssertEqual(f.felt, "frist", db) }
            try await l.saetParameter(aar: 2027, region: "Midtjylland", noegle: Parameternoegle.socialtilsynVaegte,
                                      vaerdi: Takstvaegte(tilsyn: [1, Decimal(string: "1.2")!, 2, Decimal(string: "3.885")!]), af: "test")
            let p = try await l.aarsparametre(aar: 2027, region: "Midtjylland")
            XCTAssertEqual(p.fristTakster, "2026-10-01", db)
            XCTAssertEqual(p.socialtilsynVaegte?.tilsyn?.last, Decimal(string: "3.885"), db)
        }
    }
}
