import XCTest
@testable import Takstregler

/// The roles of DOMAIN.md 2 as one table: who may do what, and what a driftsherre owns.
final class AdgangTests: XCTestCase {
    func testRollerneSomDOMAIN2() {
        let forventet: [Rolle: Set<Handling>] = [
            .offentlig: [],
            .driftsherre: [.indberetTakst, .indsendTakst, .indberetRegnskab, .laesKladder, .kommenterLedelsesinformation, .besvarAfdaekning, .udarbejdKontrakt],
            .sekretariat: [.laesKladder, .afvis, .godkend, .offentliggoer, .ret, .saetParametre, .laesRevisionslog, .styrAfdaekning],
            .socialtilsyn: [.vedligeholdSocialtilsyn],
            .admin: [.administrerBrugere, .administrerOrganisationer, .laesRevisionslog],
        ]
        for r in Rolle.allCases {
            XCTAssertEqual(Set(Handling.allCases.filter { Adgang.maa(r, $0) }), forventet[r], r.rawValue)
        }
        XCTAssertTrue(Adgang.kunEgne(.driftsherre, .indberetTakst))
        XCTAssertTrue(Adgang.kunEgne(.socialtilsyn, .vedligeholdSocialtilsyn))
        XCTAssertFalse(Adgang.kunEgne(.sekretariat, .laesKladder))
        XCTAssertEqual(Adgang.afvisning(.offentlig, .godkend), "Log ind for at godkende indberetninger.")
        XCTAssertEqual(Adgang.afvisning(.driftsherre, .godkend), "Din rolle (driftsherre) må ikke godkende indberetninger.")
    }

    func testEjerskabOgUnderenheder() {
        XCTAssertTrue(Adgang.ejer(organisation: "Jammerbugt Kommune", tilbuddetsDriftsherre: "Jammerbugt Kommune", driftsherrensOverordnede: nil))
        XCTAssertFalse(Adgang.ejer(organisation: "Aalborg Kommune", tilbuddetsDriftsherre: "Jammerbugt Kommune", driftsherrensOverordnede: nil))
        // Aarhus Kommune owns what its sub-unit MBU runs; MBU does not own Aarhus' other tilbud.
        XCTAssertTrue(Adgang.ejer(organisation: "Aarhus Kommune", tilbuddetsDriftsherre: "Aarhus MBU", driftsherrensOverordnede: "Aarhus Kommune"))
        XCTAssertFalse(Adgang.ejer(organisation: "Aarhus MBU", tilbuddetsDriftsherre: "Aarhus SUV", driftsherrensOverordnede: "Aarhus Kommune"))
        XCTAssertFalse(Adgang.ejer(organisation: nil, tilbuddetsDriftsherre: "Aarhus Kommune", driftsherrensOverordnede: nil))
        XCTAssertFalse(Adgang.ejer(organisation: "", tilbuddetsDriftsherre: "", driftsherrensOverordnede: nil))
    }

    func testKontoregler() throws {
        XCTAssertEqual(try Kontoregler.email("  Oekonom@Jammerbugt.DK "), "oekonom@jammerbugt.dk")
        for daarlig in ["", "a@b", "@b.dk", "a b@c.dk", "a@.dk"] {
            XCTAssertThrowsError(try Kontoregler.email(daarlig), daarlig)
        }
        XCTAssertThrowsError(try Kontoregler.kodeord("kort"))
        XCTAssertThrowsError(try Kontoregler.kodeord(" mellemrum-foran"))
        XCTAssertNoThrow(try Kontoregler.kodeord("et-langt-kodeord"))
        XCTAssertEqual(try Kontoregler.rolle("Sekretariat"), .sekretariat)
        XCTAssertThrowsError(try Kontoregler.rolle("offentlig"), "offentlig har ingen konto")
    }
}
