import Filformater
import Foundation
import Takstregler
import XCTest

/// DOMAIN.md 6.12: P/L rates and the 1 January regulation (pl_satser_2024.csv), notice and payment
/// during notice (002:13140–13147, 13498–13504), aflastning and partial use, the contract draft.
final class KontraktTests: XCTestCase {
    func satser() throws -> PLSatser {
        let tekst = try String(contentsOf: Bundle.module.url(forResource: "Fixtures/pl_satser_2024", withExtension: "csv")!, encoding: .utf8)
        return PLSatser(try PLSatsfil.laes(fil: "pl_satser_2024.csv", tekst: tekst))
    }

    func d(_ s: String) -> Decimal { Decimal(string: s)! }

    func testFixturensSatserGenkendesPrArt() throws {
        let s = try satser()
        XCTAssertEqual(s.satser.count, 4)
        XCTAssertEqual(s.sats(.klGenerel, til: 2024)?.procent, d("3.9"))
        XCTAssertEqual(s.sats(.klService, til: 2024)?.procent, d("4.2"))
        XCTAssertEqual(s.sats(.klAnlaeg, til: 2024)?.procent, d("3.2"))
        XCTAssertEqual(s.sats(.danskeRegioner, til: 2024)?.procent, d("3.2"))
        XCTAssertEqual(s.sats(.danskeRegioner, til: 2024)?.reference, "004:1484-1486")
        XCTAssertNil(s.sats(.klGenerel, til: 2025))
    }

    func testReguleringEtAar() throws {
        // 1.000,00 × 1,039 = 1.039,00 (kommunal: KL's general rate); × 1,032 = 1.032,00 (regional).
        let k = try PLRegulering.reguler(pris: 1000, fraAar: 2023, tilAar: 2024, leverandoer: .kommunal, satser: try satser())
        XCTAssertEqual(k.reguleretPris, d("1039.00"))
        XCTAssertEqual(k.trin.map(\.sats.type), [.klGenerel])
        let r = try PLRegulering.reguler(pris: 1000, fraAar: 2023, tilAar: 2024, leverandoer: .regional, satser: try satser())
        XCTAssertEqual(r.reguleretPris, d("1032.00"))
        XCTAssertEqual(try PLRegulering.reguler(pris: d("1234.56"), fraAar: 2024, tilAar: 2024, leverandoer: .kommunal, satser: try satser()).reguleretPris,
                       d("1234.56"), "same year: unchanged")
    }

    func testReguleringKaedesOgAfrundesTilOereHvertAar() throws {
        // 2023→2024 3,9 %, 2024→2025 2,5 % (the second rate made up for the test).
        // 1.000,13 × 1,039 = 1.039,13507 → 1.039,14 (the price from 1 January 2024);
        // 1.039,14 × 1,025 = 1.065,1185 → 1.065,12. In one go it would be 1.000,13 × 1,064975 = 1.065,1134… → 1.065,11.
        var alle = try satser().satser
        alle.append(try PLSats(type: .klGenerel, kilde: "KL", art: "generel", aarFra: 2024, aarTil: 2025, procent: d("2.5"), reference: "test"))
        let r = try PLRegulering.reguler(pris: d("1000.13"), fraAar: 2023, tilAar: 2025, leverandoer: .kommunal, satser: PLSatser(alle))
        XCTAssertEqual(r.trin.map(\.efter), [d("1039.14"), d("1065.12")])
        XCTAssertEqual(r.trin[1].foer, d("1039.14"), "the second year starts from the rounded price")
        XCTAssertEqual(r.reguleretPris, d("1065.12"))
    }

    func testReguleringAfviserMedFeltnavn() throws {
        let s = try satser()
        XCTAssertThrowsError(try PLRegulering.reguler(pris: -1, fraAar: 2023, tilAar: 2024, leverandoer: .kommunal, satser: s)) {
            XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "pris")
        }
        XCTAssertThrowsError(try PLRegulering.reguler(pris: d("10.005"), fraAar: 2023, tilAar: 2024, leverandoer: .kommunal, satser: s)) {
            XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "pris")
        }
        XCTAssertThrowsError(try PLRegulering.reguler(pris: 1000, fraAar: 2024, tilAar: 2023, leverandoer: .kommunal, satser: s)) {
            XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "til_aar")
            XCTAssertTrue(($0 as? Valideringsfejl)?.besked.contains("ligger før fra-året") == true)
        }
        XCTAssertThrowsError(try PLRegulering.reguler(pris: 1000, fraAar: 2023, tilAar: 2026, leverandoer: .regional, satser: s)) {
            let f = $0 as? Valideringsfejl
            XCTAssertEqual(f?.felt, "til_aar")
            XCTAssertEqual(f?.besked, "der mangler en P/L-sats (Danske Regioner, P/L inkl. medicin) til 2024–2025, 2025–2026; importér satserne med 'takstfil import pl-satser FIL'")
        }
    }

    func testSatsfilAfviserMedRaekkeOgKolonne() {
        let tekst = """
        kilde;art;aar_fra;aar_til;procent;reference
        KL (økonomiaftalen);serviceudgifter;2023;2024;4,2;x
        Finansministeriet;alt;2023;2024;3;x
        KL;anlæg;2023;2025;3;x
        KL;serviceudgifter;2023;2024;4,3;x
        Danske Regioner;P/L;2023;2024;tre;x
        """
        XCTAssertThrowsError(try PLSatsfil.laes(fil: "s.csv", tekst: tekst)) { e in
            let t = "\(e)"
            XCTAssertTrue(t.contains("s.csv, række 3, kolonne 'art'"), t)
            XCTAssertTrue(t.contains("række 4, kolonne 'aar_til': en P/L-sats gælder fra et år til det næste: 2024, ikke 2025"), t)
            XCTAssertTrue(t.contains("række 5, kolonne 'aar_til': satsen for KL, serviceudgifter 2023–2024 står også i række 2"), t)
            XCTAssertTrue(t.contains("række 6, kolonne 'procent'"), t)
        }
    }

    func testOpsigelseLoebendeMaanedPlus30Dage() throws {
        // 10 March → end of March + 30 days = 30 April (002:13498–13504).
        let r = try Opsigelse.beregn(opsagt: "2024-03-10")
        XCTAssertEqual(r.sidsteDag, "2024-04-30")
        XCTAssertEqual(r.betalingOphoerer, "2024-04-30")
        XCTAssertEqual(r.betalingsdage, 52, "10 March to 30 April, both included: 22 + 30")
        XCTAssertEqual(try Opsigelse.beregn(opsagt: "2024-01-31").sidsteDag, "2024-03-01", "31 Jan + 30 days in a leap year")
        XCTAssertEqual(try Opsigelse.beregn(opsagt: "2024-12-01").sidsteDag, "2025-01-30")
    }

    func testBetalingEfterDeFireMuligheder() throws {
        // N = 14, new citizen 5 April: payment ends 19 April.
        let n = try Opsigelse.beregn(opsagt: "2024-03-10", betaling: try Betalingsmulighed(tekst: "fortsætter 14 dage efter genbesættelse"), nyBorger: "2024-04-05")
        XCTAssertEqual(n.betalingOphoerer, "2024-04-19")
        XCTAssertEqual(try Betalingsmulighed(tekst: "fortsaetter-14-dage"), .fortsaetterDage(14))
        // Lapses when refilled: the new buyer pays from 5 April.
        XCTAssertEqual(try Opsigelse.beregn(opsagt: "2024-03-10", betaling: .bortfalderVedGenbesaettelse, nyBorger: "2024-04-05").betalingOphoerer, "2024-04-04")
        XCTAssertEqual(try Opsigelse.beregn(opsagt: "2024-03-10", betaling: .helePerioden, nyBorger: "2024-04-05").betalingOphoerer, "2024-04-30")
        // Never beyond the notice period: 25 April + 14 days would be 9 May.
        XCTAssertEqual(try Opsigelse.beregn(opsagt: "2024-03-10", betaling: .fortsaetterDage(14), nyBorger: "2024-04-25").betalingOphoerer, "2024-04-30")
        let andet = try Opsigelse.beregn(opsagt: "2024-03-10", betaling: try Betalingsmulighed(tekst: "andet: aftales ved opsigelsen"))
        XCTAssertNil(andet.betalingOphoerer)
        XCTAssertTrue(andet.forklaring.contains("går i dialog"), andet.forklaring)
        XCTAssertThrowsError(try Opsigelse.beregn(opsagt: "2024-03-10", nyBorger: "2024-03-01")) { XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "ny_borger") }
        XCTAssertThrowsError(try Opsigelse.beregn(opsagt: "2024-02-30")) { XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "opsagt") }
        XCTAssertThrowsError(try Betalingsmulighed(tekst: "måske")) { XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "betaling") }
    }

    func testVarselsreglerSomData() throws {
        XCTAssertEqual(try Varselsregel(tekst: "Løbende måned + 30 dage"), .standard)
        XCTAssertEqual(try Varselsregel(tekst: "loebende maaned+30 dage"), .standard)
        XCTAssertEqual(try Varselsregel(tekst: "løbende måned + 3 måneder").sidsteDag(opsagt: "2024-03-10"), "2024-06-30")
        XCTAssertEqual(try Varselsregel(tekst: "3 måneder").sidsteDag(opsagt: "2024-03-10"), "2024-06-10")
        XCTAssertEqual(try Varselsregel(tekst: "90 dage").sidsteDag(opsagt: "2024-03-10"), "2024-06-08")
        XCTAssertThrowsError(try Varselsregel(tekst: "2 uger")) { XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "varsel") }
        // The text is what is stored and shown.
        let json = try JSONEncoder().encode(Varselsregel.loebendeMaanedPlusMaaneder(1))
        XCTAssertEqual(String(decoding: json, as: UTF8.self), "\"løbende måned + 1 måned\"")
        XCTAssertEqual(try JSONDecoder().decode(Varselsregel.self, from: json), .loebendeMaanedPlusMaaneder(1))
    }

    func testAflastningBevilgedeEllerBrugteOgDelvisBrug() throws {
        // 10 døgn granted, 7 used at 2.000 kr.: 20.000 by granted (Nordjylland, 003:739–741), 14.000 by used.
        XCTAssertEqual(try Aflastning.afregn(doegntakst: 2000, bevilgede: 10, brugte: 7, grundlag: .bevilgede).beloeb, 20000)
        XCTAssertEqual(try Aflastning.afregn(doegntakst: 2000, bevilgede: 10, brugte: 7, grundlag: .brugte).beloeb, 14000)
        XCTAssertEqual(Aflastningsgrundlag.kendte["Nordjylland"], .bevilgede)
        // 3 of 5 days = 60 % of 1.234,55 = 740,73 per day; × 7 = 5.185,11.
        let delvis = try Aflastning.afregn(doegntakst: d("1234.55"), bevilgede: 7, brugte: 7, grundlag: .brugte, procent: 60)
        XCTAssertEqual(delvis.takst, d("740.73"))
        XCTAssertEqual(delvis.beloeb, d("5185.11"))
        XCTAssertThrowsError(try Aflastning.afregn(doegntakst: 2000, bevilgede: 5, brugte: 7, grundlag: .brugte)) { XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "brugte") }
        XCTAssertThrowsError(try Aflastning.delvisBrug(100, procent: 120)) { XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "procent") }
    }

    func udkast() -> Kontraktudkast {
        Kontraktudkast(reference: "AAK-2024-17", koeber: "Aalborg Kommune", ean: "5798000000001", version: .udenforRammeaftale,
                       leverandoer: "Bostedet Fjordly", leverandoertype: .kommunal, aftaltPris: d("2500.50"),
                       indsatser: [.init(paragraf: "SEL § 108", antal: 1, enhed: "døgn", start: "2024-02-01", opfoelgning: "2024-05-01")],
                       betaling: .fortsaetterDage(14))
    }

    func testUdkastGodkendesOgFejlNavngivesPrFelt() throws {
        XCTAssertEqual(udkast().fejl(), [])
        var u = udkast()
        u.ean = "5798000000002"
        u.aftaltPris = -1
        u.reference = "010203-1234"
        u.indsatser = [.init(paragraf: "", antal: 0, enhed: "døgn", start: "2024-02-01", slut: "2024-01-01", opfoelgning: "2024-13-01")]
        let felter = u.fejl().map(\.felt)
        XCTAssertEqual(Set(felter), ["ean", "pris", "reference", "indsats1_paragraf", "indsats1_antal", "indsats1_slut", "indsats1_opfoelgning"], "\(u.fejl())")
        XCTAssertTrue(u.fejl().first { $0.felt == "reference" }!.besked.contains("CPR"))
        var r = udkast()
        r.version = .indenforRammeaftale
        XCTAssertEqual(Set(r.fejl().map(\.felt)), ["tilbud", "niveau"])
    }

    func testEANKontrolciffer() {
        XCTAssertNoThrow(try Kontraktudkast.kontrollerEAN("5798000000001"))
        XCTAssertNoThrow(try Kontraktudkast.kontrollerEAN("5790000000005"))
        XCTAssertThrowsError(try Kontraktudkast.kontrollerEAN("5790000000004"))
        XCTAssertThrowsError(try Kontraktudkast.kontrollerEAN("579800000000"))
        XCTAssertFalse(Kontraktudkast.lignerCPR("AAK-2024-17"))
        XCTAssertTrue(Kontraktudkast.lignerCPR("ref 0102031234"))
    }
}

/// Issue "Brugervenlighed" 5 in the domain: a driftsherre's reporting state and the takstbilag's flags.
final class TakstbilagTests: XCTestCase {
    func testTilstandModFristen() {
        let t = [Indberetningsoversigt.Tilbudsstatus(tilbud: "A", niveauer: [.indsendt, .godkendt]),
                 .init(tilbud: "B", niveauer: [.kladde, .indsendt]), .init(tilbud: "C", niveauer: [])]
        let foer = Indberetningsoversigt.raekke(driftsherre: "X", region: nil, tilbud: t, frist: "2026-10-01", idag: "2026-09-30")
        XCTAssertEqual([foer.indsendt, foer.iGang, foer.mangler], [1, 1, 1])
        XCTAssertEqual(foer.tilstand, .iGang)
        XCTAssertEqual(foer.udestaaende, ["B", "C"])
        XCTAssertEqual(Indberetningsoversigt.raekke(driftsherre: "X", region: nil, tilbud: t, frist: "2026-10-01", idag: "2026-10-02").tilstand, .forsinket)
        XCTAssertEqual(Indberetningsoversigt.raekke(driftsherre: "X", region: nil, tilbud: [t[2]], frist: nil, idag: "2026-10-02").tilstand, .mangler)
        XCTAssertEqual(Indberetningsoversigt.raekke(driftsherre: "X", region: nil, tilbud: [t[0]], frist: "2026-10-01", idag: "2026-12-01").tilstand, .indsendt)
        XCTAssertFalse(Indberetningsoversigt.Tilbudsstatus(tilbud: "D", niveauer: [.afvist]).indsendt, "a rejected level must be submitted again")
    }

    func testFlagSomVedIndsendelsen() {
        // 1.154 against 1.009 = +14,37 %: above 5 % without a begrundelse is flagged; with one it is not.
        let uden = Takstbilag.linje(takst: 1154, enhed: .doegn, sidsteAar: 1009, sidsteAarsEnhed: .doegn, begrundelse: nil)
        XCTAssertEqual(uden.flag.count, 1)
        XCTAssertEqual(Takstbilag.linje(takst: 1154, enhed: .doegn, sidsteAar: 1009, sidsteAarsEnhed: .doegn, begrundelse: "Ny normering").flag, [])
        XCTAssertEqual(Takstbilag.linje(takst: 1154, enhed: .dag, sidsteAar: 1150, sidsteAarsEnhed: .doegn, begrundelse: nil).flag, [.enhedSkiftet(fra: .doegn, til: .dag)])
        XCTAssertEqual(Takstbilag.linje(takst: 1154, enhed: .doegn, sidsteAar: nil, sidsteAarsEnhed: nil, begrundelse: nil).flag, [.nyTakst])
        XCTAssertEqual(Takstbilag.linje(takst: 1154, enhed: .doegn, sidsteAar: 1009, sidsteAarsEnhed: .doegn, begrundelse: nil, graensePct: 20).flag, [], "the region's own threshold")
    }
}
