import Foundation
@testable import Takstregler
import XCTest

/// Issue "Takstens livscyklus": basis + ydelse with a given basistakst (MH, 002:2862–2882) and the
/// 5 % band of the efterregulering (DOMAIN.md 6.2).
final class LivscyklusTests: XCTestCase {
    /// MH on Østerskoven 2024: 390 kr./time at 97 % is 402 kr./time; the helhedstilbud with 6
    /// ydelsestimer is 3.187 + 2.412 = 5.599; the § 107 + STU services each keep their own basis
    /// with the same hourly rate.
    func testMHBasisYdelseMedGivenBasistakst() throws {
        let mh = try FixtureCSV("mh_basis_ydelse_2024")
        var proevet = 0
        for r in mh.raekker where !(r["basistakst_kr"] ?? "").isEmpty {
            let timer = (r["ydelsestimer_pr_doegn"] ?? "").isEmpty ? Decimal(0) : try r.tal("ydelsestimer_pr_doegn")
            let b = try r.tal("basistakst_kr")
            let res = try BasisYdelse.medBasistakst(b, effektivTimeloen: 390, belaegningsprocent: 97, timerPrDoegn: timer)
            XCTAssertEqual(res.ydelsestimetakst, try r.tal("ydelsestimetakst_kr"), r["ydelse"]!)
            XCTAssertEqual(res.basistakst, b)
            if !(r["takst_i_alt_kr"] ?? "").isEmpty {
                XCTAssertEqual(res.takstIAlt, try r.tal("takst_i_alt_kr"), r["ydelse"]!)
                XCTAssertEqual(res.ydelsestakst, 2412)
            }
            proevet += 1
        }
        XCTAssertEqual(proevet, 4)
        XCTAssertThrowsError(try BasisYdelse.medBasistakst(-1, effektivTimeloen: 390, belaegningsprocent: 97, timerPrDoegn: 6))
        XCTAssertThrowsError(try BasisYdelse.medBasistakst(3187, effektivTimeloen: 390, belaegningsprocent: 101, timerPrDoegn: 6))
    }

    /// Grundlag 10 mio.: a deficit of 0,3 mio. is within the band (nothing carried), 0,8 mio. carries
    /// 0,3 mio.; a surplus likewise; the default carries everything as before.
    func testFemProcentsbaandet() throws {
        let grundlag: Decimal = 10_000_000
        XCTAssertEqual(Efterregulering.udOverBaand(-300_000, grundlag: grundlag), 0)
        XCTAssertEqual(Efterregulering.udOverBaand(-800_000, grundlag: grundlag), -300_000)
        XCTAssertEqual(Efterregulering.udOverBaand(650_000, grundlag: grundlag), 150_000)
        XCTAssertEqual(Efterregulering.udOverBaand(500_000, grundlag: grundlag), 0)

        XCTAssertNil(try Efterregulering.regulering(regnskabsaar: 2022, resultat: -300_000, grundlag: grundlag, princip: .femProcentsbaand))
        let r = try XCTUnwrap(try Efterregulering.regulering(regnskabsaar: 2022, resultat: -800_000, grundlag: grundlag,
                                                              princip: .femProcentsbaand))
        XCTAssertEqual(r.overUnderskud, -300_000)
        XCTAssertEqual(r.indenforBaand, -500_000)
        XCTAssertEqual(r.beloeb, 300_000) // a deficit is recovered through the takst
        let helt = try XCTUnwrap(try Efterregulering.regulering(regnskabsaar: 2022, resultat: -800_000, grundlag: grundlag))
        XCTAssertEqual(helt.overUnderskud, -800_000)
        XCTAssertNil(helt.indenforBaand)
        XCTAssertThrowsError(try Efterregulering.regulering(regnskabsaar: 2022, resultat: 800_000, grundlag: grundlag,
                                                            valg: .init(hensaettelse: 100_000), princip: .femProcentsbaand))

        // The breakdown line says which rule carried what.
        var g = Takstgrundlag(omkostninger: [Omkostningslinje(.personale, 10_000_000)], pladser: 10, belaegningsprocent: 100)
        g.reguleringer = [r]
        let linje = try XCTUnwrap(try Takstberegning.beregn(g).linjer.first { $0.art == .regulering })
        XCTAssertEqual(linje.beloeb, 300_000)
        XCTAssertTrue(linje.tekst.contains("ud over 5 %-båndet (500.000 kr. bæres af driftsherren)"), linje.tekst)
    }

    /// DOMAIN.md 7: more than 5 % from last year's takst needs a begrundelse; a new unit is flagged.
    func testIndsendelseskontrol() throws {
        XCTAssertNoThrow(try Indsendelseskontrol.kontroller(takst: 936, sidsteAar: 891.89, begrundelse: nil))   // +4,9 %
        XCTAssertThrowsError(try Indsendelseskontrol.kontroller(takst: 937, sidsteAar: Decimal(string: "891.89"), begrundelse: " ")) { f in
            let v = f as? Valideringsfejl
            XCTAssertEqual(v?.felt, "begrundelse")
            XCTAssertEqual(v?.besked, "taksten stiger 5,1 % fra sidste års 891,89 kr. — mere end 5 %; skriv en begrundelse, før den indsendes")
        }
        XCTAssertNoThrow(try Indsendelseskontrol.kontroller(takst: 937, sidsteAar: Decimal(string: "891.89"), begrundelse: "Flere pladser"))
        XCTAssertThrowsError(try Indsendelseskontrol.kontroller(takst: 800, sidsteAar: 1000, begrundelse: nil, graensePct: 10))
        XCTAssertNoThrow(try Indsendelseskontrol.kontroller(takst: 800, sidsteAar: 1000, begrundelse: nil, graensePct: 20))
        XCTAssertNoThrow(try Indsendelseskontrol.kontroller(takst: 5000, sidsteAar: nil, begrundelse: nil))
        XCTAssertTrue(Indsendelseskontrol.enhedSkiftet(.dag, sidsteAar: .doegn))
        XCTAssertFalse(Indsendelseskontrol.enhedSkiftet(.doegn, sidsteAar: .doegn))
        XCTAssertFalse(Indsendelseskontrol.enhedSkiftet(.dag, sidsteAar: nil))
    }

    /// DOMAIN.md 6.2: a provision lives 5 years after its regnskabsår; two levels carrying the same
    /// year's result record it once; a provision of the whole surplus is still recorded.
    func testHensaettelsensLevetid() throws {
        // 004:146–149: half of a 501.980 kr. surplus went into budget 2024; here the other half is kept.
        let r = try XCTUnwrap(try Efterregulering.regulering(regnskabsaar: 2022, resultat: 501_980, grundlag: 10_000_000,
                                                             valg: .init(hensaettelse: 250_990, andel: 1)))
        XCTAssertEqual(r.beloeb, -250_990)
        let hele = try XCTUnwrap(try Efterregulering.regulering(regnskabsaar: 2023, resultat: 100_000, grundlag: 10_000_000,
                                                                valg: .init(hensaettelse: 100_000)), "en hensættelse af hele overskuddet skal gemmes")
        XCTAssertEqual(hele.beloeb, 0)
        let h = Hensaettelser.fra([r, r, hele, Regulering(regnskabsaar: 2021, overUnderskud: -5)])
        XCTAssertEqual(h, [Hensaettelse(regnskabsaar: 2022, beloeb: 250_990), Hensaettelse(regnskabsaar: 2023, beloeb: 100_000)])
        XCTAssertEqual(h.map(\.brugesSenest), [2027, 2028])
        XCTAssertEqual(Hensaettelser.saldo(h, iaar: 2027), 350_990)
        XCTAssertEqual(Hensaettelser.saldo(h, iaar: 2028), 100_000)
        XCTAssertTrue(h[0].udloebet(iaar: 2028))
        XCTAssertEqual(Hensaettelser.saldo(h, iaar: 2029), 0)
    }
}
