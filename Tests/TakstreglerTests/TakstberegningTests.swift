import XCTest
@testable import Takstregler

final class TakstberegningTests: XCTestCase {
    /// Toftehøj 2021, four takstniveauer (003:1425–1448): døgntakst to the øre on the unrounded
    /// number of days (693,5 — the source shows 694).
    func testToftehoejFireDoegntaksterTilOeren() throws {
        let fixture = try FixtureCSV("toftehoej_2021_doegntakster")
        XCTAssertEqual(fixture.raekker.count, 4)
        for r in fixture.raekker {
            let g = Takstgrundlag(
                omkostninger: [Omkostningslinje(.oevrige, try r.tal("omkostninger_kr"))],
                pladser: try r.tal("pladser"), enhederPrAar: try r.tal("dage"),
                belaegningsprocent: try r.tal("belaegningsprocent"), afrunding: .oere)
            let res = try Takstberegning.beregn(g)
            XCTAssertEqual(res.takst, try r.tal("doegntakst_kr"), "takst \(r["takstniveau"]!)")
            XCTAssertEqual(afrundet(res.antalEnheder, decimaler: 0), try r.tal("antal_doegn_vist"))
        }
        let foerste = try Takstberegning.beregn(Takstgrundlag(
            omkostninger: [Omkostningslinje(.oevrige, 618526)], pladser: 2, belaegningsprocent: 95, afrunding: .oere))
        XCTAssertEqual(foerste.antalEnheder, Decimal(string: "693.5"))
        // On the displayed 694 days the takst would be 891,24 — the rule is the unrounded denominator.
        XCTAssertNotEqual(afrundet(Decimal(618526) / 694, decimaler: 2), foerste.takst)
    }

    func testOverheadMetoder() throws {
        let drift: Kroner = 1_000_000
        XCTAssertEqual(Overheadmetode.procentAfDirekte(Decimal(string: "6.1")!).overhead(paa: drift), 61_000)
        // Gross-up: overhead is 10 % of (drift + overhead).
        let brutto = Overheadmetode.bruttoandel(10).overhead(paa: drift)
        XCTAssertEqual(afrundet(brutto / (drift + brutto) * 100, decimaler: 20), 10)
        XCTAssertEqual(Overheadmetode.beloeb(12_345).overhead(paa: drift), 12_345)
        XCTAssertEqual(Overheadmetode.ingen.overhead(paa: drift), 0)
    }

    func testBreakdownAfstemmerOgRegulering() throws {
        let g = Takstgrundlag(
            omkostninger: [Omkostningslinje(.personale, 800_000), Omkostningslinje(.ejendom, 200_000)],
            andreIndtaegter: [Indtaegtslinje(tekst: "Salg af måltider", beloeb: 50_000)],
            overhead: .procentAfDirekte(10),
            reguleringer: [Regulering(regnskabsaar: 2019, overUnderskud: 40_000, andel: Decimal(string: "0.5")!)],
            pladser: 4, belaegningsprocent: 90)
        let r = try Takstberegning.beregn(g)
        XCTAssertEqual(r.drift, 950_000)
        XCTAssertEqual(r.overhead, 95_000)
        XCTAssertEqual(r.reguleringIAlt, -20_000)
        XCTAssertEqual(r.grundlag, 1_025_000)
        XCTAssertEqual(r.antalEnheder, 1314)
        // The lines before the grundlag add up to it.
        let sum = r.linjer.filter { $0.art != .grundlag }.reduce(Decimal(0)) { $0 + $1.beloeb }
        XCTAssertEqual(sum, r.grundlag)
        XCTAssertEqual(r.linjer.last?.art, .grundlag)
        XCTAssertTrue(r.linjer.contains { $0.art == .regulering && $0.tekst.contains("overskud 2019") })
        XCTAssertEqual(r.takst, 780) // 1.025.000 / 1.314 = 780,06
    }

    func testTakstenheder() throws {
        func takst(_ e: Takstenhed, _ antal: Decimal? = nil) throws -> Takstresultat {
            try Takstberegning.beregn(Takstgrundlag(omkostninger: [Omkostningslinje(.personale, 1_200_000)],
                                                    pladser: 10, enhed: e, enhederPrAar: antal, belaegningsprocent: 100))
        }
        XCTAssertEqual(try takst(.maaned).takst, 10_000)
        XCTAssertEqual(try takst(.aar).takst, 120_000)
        XCTAssertEqual(try takst(.dag, 240).takst, 500)
        XCTAssertEqual(try takst(.time, 1200).takst, 100)
        XCTAssertThrowsError(try takst(.dag)) { fejl in
            XCTAssertEqual((fejl as? Valideringsfejl)?.felt, "dage")
        }
    }

    func testAfrundingspolitik() {
        XCTAssertEqual(Afrunding.heleKroner.afrund(Decimal(string: "3670.5")!), 3671)
        XCTAssertEqual(Afrunding.heleKroner.afrund(Decimal(string: "3670.49")!), 3670)
        XCTAssertEqual(Afrunding.heleKroner.afrund(Decimal(string: "-2.5")!), -3)
        XCTAssertEqual(Afrunding.oere.afrund(Decimal(string: "891.885")!), Decimal(string: "891.89"))
        XCTAssertEqual(Afrunding.oere.afrund(Decimal(string: "891.8849")!), Decimal(string: "891.88"))
    }

    func testUgyldigtInputNavngiverFeltet() {
        func fejl(_ pladser: Decimal, _ pct: Decimal) -> [String] {
            do {
                _ = try Takstberegning.beregn(Takstgrundlag(omkostninger: [Omkostningslinje(.personale, 1)],
                                                            pladser: pladser, belaegningsprocent: pct))
                return []
            } catch let f as Valideringsfejl { return [f.felt] }
            catch let l as Valideringsfejlliste { return l.fejl.map(\.felt) }
            catch { return ["?"] }
        }
        XCTAssertEqual(fejl(0, 95), ["pladser"])
        XCTAssertEqual(fejl(-2, 95), ["pladser"])
        XCTAssertEqual(fejl(2, 0), ["belaegningsprocent"])
        XCTAssertEqual(fejl(2, Decimal(string: "100.01")!), ["belaegningsprocent"])
        XCTAssertEqual(fejl(2, 100), [])
        XCTAssertEqual(fejl(0, 120), ["pladser", "belaegningsprocent"])
    }

    func testTakstniveauMedBasisYdelseBrugerSummenAfDeAfrundedeDele() throws {
        let niveau = Takstniveau(
            navn: "Erhvervet hjerneskade", aar: 2024,
            grundlag: Takstgrundlag(omkostninger: [Omkostningslinje(.personale, Decimal(string: "12489292.58")!)],
                                    pladser: 12, belaegningsprocent: 85),
            basisYdelse: BasisYdelseGrundlag(basisbudget: Decimal(string: "12489292.58")!, pladser: 12,
                                             belaegningsprocent: 85, effektivTimeloen: 390))
        let r = try niveau.beregn()
        XCTAssertEqual(r.takst, 7026)
        XCTAssertEqual(r.basisYdelse?.basistakst, 3355)
    }
}
