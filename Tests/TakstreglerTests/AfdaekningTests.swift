import Filformater
import Foundation
import Takstregler
import XCTest

/// The yearly review of supply and demand (DOMAIN.md 6.10; 002:3747–4446, 004:479–950): answers
/// read as uncertain counts, response rates, summed ranges, "x af N kommuner", masking on publication.
final class AfdaekningTests: XCTestCase {
    static let nord = ["Brønderslev Kommune", "Frederikshavn Kommune", "Hjørring Kommune", "Jammerbugt Kommune", "Læsø Kommune",
                       "Mariagerfjord Kommune", "Morsø Kommune", "Rebild Kommune", "Thisted Kommune", "Vesthimmerland Kommune",
                       "Aalborg Kommune"]

    func afdaekning() throws -> Afdaekning {
        try Afdaekning.opret(titel: "Udbud og efterspørgsel 2023", aar: 2023, region: "Nordjylland",
                             maalgrupper: ["Autisme", "Udadreagerende adfærd"],
                             spoergsmaal: [("Antal borgere med autisme i døgntilbud", "antal", "2020-2022", ""),
                                           ("Oplever I mangel på pladser?", "valg", "", "Ja; Nej; Ved ikke"),
                                           ("Bemærkninger", "fritekst", "", "")],
                             inviterede: AfdaekningTests.nord)
    }

    /// The fixture's rows as the kommuner's answers: the summed ranges are the published totals.
    func testSvarFraFixturenGiverDeTrykteTotaler() throws {
        let a = try afdaekning()
        let url = Bundle.module.url(forResource: "Fixtures/udbud_autisme_doegn_nord_2020_2022", withExtension: "csv")!
        let tabel = try Optaellingsfil.laes(fil: "udbud.csv", tekst: try String(contentsOf: url, encoding: .utf8))
        let s = a.spoergsmaal[0]
        var svar: [String: Besvarelse] = [:]
        for r in tabel.raekker where r.vaerdier.contains(where: { $0 != .ikkeBesvaret }) {
            let raa = Dictionary(uniqueKeysWithValues: zip(s.aar, r.vaerdier).map { (s.felt(aar: $0), $1.tekst) })
            svar[r.navn + " Kommune"] = try a.fortolkSvar(raa)
        }
        let trykt = Dictionary(uniqueKeysWithValues: zip(s.aar, tabel.trykt!.vaerdier))
        let o = Afdaekningsopgoerelse.opgoer(a, indsendte: svar, trykt: [s.noegle: trykt])
        XCTAssertEqual(o.antal[0].kontrol.kolonner.map(\.beregnet.description), ["44-48", "43-47", "42-46"])
        XCTAssertEqual(o.antal[0].kontrol.kolonner.map(\.stemmer), [true, true, true])
        // Jammerbugt, Læsø, Thisted did not answer; Mariagerfjord "?" in 2020.
        XCTAssertEqual(o.antal[0].medTal, [7, 8, 8])
        XCTAssertEqual(o.svarprocent.tekst, "8 af 11 kommuner, 73 %", "002:3873")
    }

    func testSvarprocentSomIKilderne() {
        XCTAssertEqual(Svarprocent(besvaret: 8, inviterede: 11).tekst, "8 af 11 kommuner, 73 %")   // 002:3873
        XCTAssertEqual(Svarprocent(besvaret: 9, inviterede: 11).tekst, "9 af 11 kommuner, 82 %")   // 004:576–582 (7 + 2)
        XCTAssertEqual(Svarprocent(besvaret: 0, inviterede: 0).procent, 0)
    }

    func testOpgoerelseKunAfIndsendteSvarMedFordelingOgTekster() throws {
        let a = try afdaekning()
        let svar = [
            "Aalborg Kommune": try a.fortolkSvar(["s1_2020": "8-10", "s1_2021": "?", "s1_2022": "2", "s2": "Ja", "s3": "Mangler pladser til unge"]),
            "Jammerbugt Kommune": try a.fortolkSvar(["s1_2020": "ca. 4", "s2": "Ja"]),
            "Morsø Kommune": try a.fortolkSvar(["s2": "Nej"]),
        ]
        let o = Afdaekningsopgoerelse.opgoer(a, indsendte: svar)
        XCTAssertEqual(o.svarprocent.tekst, "3 af 11 kommuner, 27 %")
        XCTAssertEqual(o.antal[0].kontrol.kolonner.map(\.beregnet.description), ["12-14", "0", "2"])
        XCTAssertEqual(o.antal[0].medTal, [2, 0, 1])
        XCTAssertEqual(o.valg[0].fordeling.map(\.antal), [2, 1, 0])
        XCTAssertEqual(Afdaekningsopgoerelse.afN(2, 11), "2 af 11 kommuner")
        XCTAssertEqual(o.tekster["s3"]?.map(\.kommune), ["Aalborg Kommune"])
        // The stored answer keeps the exact value; only publication masks.
        XCTAssertEqual(svar["Aalborg Kommune"]?.felter["s1_2022"], "2")
    }

    func testDaarligeSvarAfvisesMedFeltnavn() throws {
        let a = try afdaekning()
        XCTAssertThrowsError(try a.fortolkSvar(["s1_2020": "10-8", "s1_2021": "abc", "s1_2022": "≤4", "s2": "Måske", "s9": "x"])) { e in
            let fejl = (e as? Valideringsfejlliste)?.fejl ?? []
            XCTAssertEqual(fejl.map(\.felt), ["s9", "s1_2020", "s1_2021", "s1_2022", "s2"])
            XCTAssertTrue(fejl[1].besked.contains("baglæns"), fejl[1].besked)
            XCTAssertTrue(fejl[2].besked.contains("ikke et antal"), fejl[2].besked)
            XCTAssertTrue(fejl[3].besked.contains("kun ≤3"), fejl[3].besked)
            XCTAssertTrue(fejl[4].besked.contains("ikke et af svarene"), fejl[4].besked)
        }
        XCTAssertThrowsError(try a.fortolkSvar(["s1_2020": "-4"])) { e in
            XCTAssertTrue((e as? Valideringsfejlliste)?.fejl.first?.besked.contains("negativt") == true, "\(e)")
        }
        // A kommune knows its exact count; ≤3 is the published form only.
        XCTAssertThrowsError(try a.fortolkSvar(["s1_2020": "≤3"]))
    }

    func testOpretAfviserMangler() {
        XCTAssertThrowsError(try Afdaekning.opret(titel: " ", aar: nil, region: "", maalgrupper: [],
                                                  spoergsmaal: [("Antal", "antal", "2022-2020", ""), ("Hvad", "valg", "", "Ja"), ("", "fritekst", "", "")],
                                                  inviterede: [])) { e in
            XCTAssertEqual((e as? Valideringsfejlliste)?.fejl.map(\.felt), ["titel", "aar", "region", "s1_aar", "s2_valg", "s3_tekst", "inviterede"])
        }
    }

    /// DOMAIN.md 6.13: printed against computed, with the difference and the tolerance.
    func testAfstemning() throws {
        let udfordring2020 = Afstemning.antal(tabel: "udbud_udfordring", felt: "2020", trykt: Spaend(19, 21), beregnet: Spaend(19, 20))
        XCTAssertFalse(udfordring2020.stemmer)
        XCTAssertEqual(udfordring2020.forskel, "+1")
        XCTAssertTrue(Afstemning.antal(tabel: "t", felt: "2021", trykt: Spaend(43, 47), beregnet: Spaend(43, 47)).stemmer)
        XCTAssertEqual(Afstemning.antal(tabel: "t", felt: "x", trykt: Spaend(10, 10), beregnet: Spaend(12, 14)).forskel, "-2")
        // Rows rounded one by one: within 1 kr. agrees.
        let rund = Afstemning.beloeb(tabel: "of", felt: "I alt", trykt: 19_156_058, beregnet: Decimal(string: "19156057.4")!, tolerance: 1)
        XCTAssertTrue(rund.stemmer)
        XCTAssertEqual(rund.forskel, "+0,6")
        XCTAssertFalse(Afstemning.beloeb(tabel: "of", felt: "Aalborg", trykt: 100, beregnet: 98, tolerance: 1).stemmer)
        XCTAssertEqual(try Afvigelsesaarsag.fortolk("Manglende række"), .manglendeRaekke)
        XCTAssertEqual(try Afvigelsesaarsag.fortolk(""), nil)
        XCTAssertThrowsError(try Afvigelsesaarsag.fortolk("gætværk"))
    }

    /// Publishing masks 1–3 and protects a masked cell the exact total would give away.
    func testOffentligKolonneMaskererOgBeskytter() {
        let afsloerende = OffentligKolonne.offentliggoer([.tal(2), .tal(5), .ikkeBesvaret])
        XCTAssertEqual(afsloerende.celler, [.hoejst3, .tal(5), .ikkeBesvaret])
        XCTAssertTrue(afsloerende.totalBeskyttet)
        XCTAssertEqual(afsloerende.total, Spaend(6, 8))
        let to = OffentligKolonne.offentliggoer([.tal(2), .tal(3), .tal(10)])
        XCTAssertEqual(to.celler, [.hoejst3, .hoejst3, .tal(10)])
        XCTAssertFalse(to.totalBeskyttet)
        XCTAssertEqual(to.total, Spaend(15, 15))
        let interval = OffentligKolonne.offentliggoer([.tal(2), .interval(8, 10)])
        XCTAssertFalse(interval.totalBeskyttet)
        XCTAssertEqual(interval.total, Spaend(10, 12))
        XCTAssertEqual(OffentligKolonne.offentliggoer([.tal(0), .tal(4)]).celler, [.tal(0), .tal(4)])
    }
}
