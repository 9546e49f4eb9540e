import XCTest
@testable import Takstregler

final class LedelsesinformationTests: XCTestCase {
    /// Tabel 1 from the published belægning and regnskab (001:8873–8911): gns. pris within
    /// 0,05 % and takstudvikling within 0,1 point (DOMAIN.md 8).
    func testTabel1FraDePubliceredeTal() throws {
        let f = try FixtureCSV("li2019_tabel1_takstudvikling")
        let rækker = f.raekker.filter { $0["driftsherre"] != "Hovedtotal" }
        let input = try rækker.map { r in
            (driftsherre: r["driftsherre"]!,
             fra: Regnskabstal(belaegning: try r.tal("belaegning_2018"), regnskab: try r.tal("regnskab_2018_tkr") * 1000),
             til: Regnskabstal(belaegning: try r.tal("belaegning_2019"), regnskab: try r.tal("regnskab_2019_tkr") * 1000))
        }
        let tabel = Takstudvikling.tabel(input)
        XCTAssertEqual(tabel.count, rækker.count + 1)
        for (r, t) in zip(f.raekker, tabel) {
            let navn = r["driftsherre"]!
            if !r["gns_pris_2018_kr"]!.isEmpty {
                for (aar, beregnet) in [("2018", t.gnsPrisFra!), ("2019", t.gnsPrisTil!)] {
                    let relativ = abs(beregnet / (try r.tal("gns_pris_\(aar)_kr")) - 1) * 100
                    XCTAssertLessThanOrEqual(relativ, try Self.tolerancePct(belaegning: try r.tal("belaegning_\(aar)")), "\(navn) \(aar)")
                }
            } else {
                XCTAssertNil(t.gnsPrisFra, navn)
            }
            let udvikling = try XCTUnwrap(t.udviklingPct, navn)
            XCTAssertLessThanOrEqual(abs(udvikling - (try r.tal("takstudvikling_2018_2019_pct"))), Decimal(string: "0.1")!, navn)
        }
        XCTAssertEqual(tabel.last?.driftsherre, "I alt")
        XCTAssertEqual(tabel.first { $0.driftsherre == "Hedensted kommune" }?.udviklingPct, 0)
    }

    /// 0,05 % (DOMAIN.md 8), widened only where the published belægning's one-decimal rounding
    /// alone moves the price more: ±0,05 place of 78,4 is ±0,064 % (Odder 2018: 359.094 from the
    /// rounded inputs against the published 359.298, which fits a belægning of 78,356).
    static func tolerancePct(belaegning: Decimal) throws -> Decimal {
        max(Decimal(string: "0.05")!, Decimal(string: "0.05")! / belaegning * 100)
    }

    func testUdviklingsreglerForTommeAar() {
        let fuld = Regnskabstal(belaegning: 10, regnskab: 1_000_000)
        XCTAssertEqual(Takstudvikling.udvikling(fra: .nul, til: .nul), 0)
        XCTAssertEqual(Takstudvikling.udvikling(fra: fuld, til: .nul), -100)
        XCTAssertNil(Takstudvikling.udvikling(fra: .nul, til: fuld))
        XCTAssertEqual(Takstudvikling.udvikling(fra: fuld, til: Regnskabstal(belaegning: 10, regnskab: 1_020_000)), 2)
        // P/L: the earlier year restated in the later year's prices.
        let t = Takstudvikling.tabel([("A", fuld, Regnskabstal(belaegning: 10, regnskab: 1_020_000))], plFaktor: Decimal(string: "1.02")!)
        XCTAssertEqual(t[0].udviklingPct, 0)
        XCTAssertEqual(t[0].fra.regnskab, 1_020_000)
    }

    /// Nordjylland 2021–2023 (004:2537–2563): mean −1,18 %, without Frederikshavn −2,01 %,
    /// without Thisted 0,38 %.
    func testNordjyllandGennemsnitOgFoelsomhed() throws {
        let f = try FixtureCSV("takstudvikling_nord_2021_2023")
        let trykt = Dictionary(uniqueKeysWithValues: try f.raekker.filter { $0["driftsherre"]!.hasPrefix("Gennemsnit") }
            .map { ($0["driftsherre"]!, try $0.tal("takstudvikling_pct")) })
        let pr = try f.raekker.filter { !$0["driftsherre"]!.hasPrefix("Gennemsnit") }
            .map { (driftsherre: $0["driftsherre"]!, pct: try $0.tal("takstudvikling_pct")) }
        XCTAssertEqual(pr.count, 11)
        func rundet(_ uden: Set<String>) throws -> Decimal { afrundet(try NiveauTakstudvikling.gennemsnit(pr, uden: uden), decimaler: 2) }
        XCTAssertEqual(try rundet([]), trykt["Gennemsnit (trykt)"])
        XCTAssertEqual(try rundet(["Frederikshavn"]), trykt["Gennemsnit uden Frederikshavn (trykt)"])
        XCTAssertEqual(try rundet(["Thisted"]), trykt["Gennemsnit uden Thisted (trykt)"])
        XCTAssertEqual(try rundet([]), Decimal(string: "-1.18"))
        XCTAssertThrowsError(try NiveauTakstudvikling.gennemsnit(pr, uden: Set(pr.map(\.driftsherre))))
    }

    /// Only levels present in both years count; P/L applied; averaged per driftsherre.
    func testNiveauerSammenlignes1Til1() {
        let n: [NiveauTakstudvikling.Niveau] = [
            .init(driftsherre: "Aalborg", noegle: "A/1", takstFra: 1000, takstTil: 1050),
            .init(driftsherre: "Aalborg", noegle: "A/2", takstFra: 2000, takstTil: 2000),
            .init(driftsherre: "Aalborg", noegle: "A/3", takstFra: nil, takstTil: 9999), // new level: left out
            .init(driftsherre: "Rebild", noegle: "R/1", takstFra: 500, takstTil: nil),   // closed: left out
            .init(driftsherre: "Rebild", noegle: "R/2", takstFra: 1000, takstTil: 1000),
        ]
        let r = NiveauTakstudvikling.prDriftsherre(n, plFaktor: Decimal(string: "1.05")!)
        XCTAssertEqual(r.map(\.driftsherre), ["Aalborg", "Rebild"])
        XCTAssertEqual(r[0].antalNiveauer, 2)
        // (1050/1050 − 1 + 2000/2100 − 1) / 2 = −2,38 %
        XCTAssertEqual(afrundet(r[0].udviklingPct, decimaler: 2), Decimal(string: "-2.38"))
        XCTAssertEqual(afrundet(r[1].udviklingPct, decimaler: 2), Decimal(string: "-4.76"))
    }

    /// Tabel 4: an inactive tilbud is excluded, a tilbud above 100 % is shown as it is, and dag,
    /// døgn and samlet are computed per målgruppe.
    func testBelaegningsoversigt() {
        let m: [Belaegningsoversigt.Maaling] = [
            .init(tilbud: "Egely", maalgruppe: .psykiskHandicap, art: .doegn, kvartal: 1, normering: 900, forbrug: 855),
            .init(tilbud: "Egely", maalgruppe: .psykiskHandicap, art: .doegn, kvartal: 2, normering: 910, forbrug: 900),
            .init(tilbud: "Lindely", maalgruppe: .psykiskHandicap, art: .dag, kvartal: 1, normering: 500, forbrug: 540),
            // inactive: no normering; and a quarter with no forbrug reported
            .init(tilbud: "Lukket", maalgruppe: .psykiskHandicap, art: .doegn, kvartal: 1, normering: 0, forbrug: 300),
            .init(tilbud: "Birkely", maalgruppe: .psykiskHandicap, art: .dag, kvartal: 2, normering: 400, forbrug: nil),
            .init(tilbud: "Sikret", maalgruppe: .sikrede, art: .lukket, kvartal: 1, normering: 100, forbrug: 95),
            .init(tilbud: "Sikret", maalgruppe: .sikrede, art: .aaben, kvartal: 1, normering: 100, forbrug: 80),
        ]
        let t = Belaegningsoversigt.tabel(m)
        XCTAssertEqual(t.map(\.maalgruppe), [.sikrede, .psykiskHandicap])
        let ph = t[1]
        XCTAssertEqual(ph.udeladte, 2)
        XCTAssertEqual(ph.pr[.dag]?.procent, 108) // 540 / 500: above 100 % and shown
        XCTAssertEqual(afrundet(ph.pr[.doegn]!.procent!, decimaler: 4), afrundet(Decimal(1755) / 1810 * 100, decimaler: 4))
        XCTAssertEqual(ph.samlet.forbrug, 2295)
        XCTAssertEqual(ph.samlet.normering, 2310)
        XCTAssertEqual(t[0].pr[.lukket]?.procent, 95)
        XCTAssertEqual(t[0].samlet.procent, Decimal(175) / 200 * 100)
    }

    func testPladsoversigt() {
        let p: [Pladsoversigt.Plads] = [
            .init(driftsherre: "Viborg", maalgruppe: .sindslidelser, type: .doegn, aar: 2018, pladser: 20),
            .init(driftsherre: "Viborg", maalgruppe: .sindslidelser, type: .doegn, aar: 2019, pladser: 22),
            .init(driftsherre: "Viborg", maalgruppe: .sindslidelser, type: .dag, aar: 2019, pladser: 10),
            .init(driftsherre: "Skive", maalgruppe: .misbrug, type: .dag, aar: 2018, pladser: 5),
            .init(driftsherre: "Skive", maalgruppe: .misbrug, type: .dag, aar: 2017, pladser: 99),
        ]
        let t = Pladsoversigt.tabel(p, fra: 2018, til: 2019)
        XCTAssertEqual(t.map(\.driftsherre), ["Skive", "Viborg", "I alt"])
        XCTAssertEqual(t[1].doegnFra, 20)
        XCTAssertEqual(t[1].doegnTil, 22)
        XCTAssertEqual(t[1].dagTil, 10)
        XCTAssertEqual(t[2].dagFra, 5)
        XCTAssertEqual(t[2].doegnTil, 22)
    }

    /// 6.4: a driftsherre that cut 6 % in 2015–18 needs no further cut but may not rise; one that
    /// cut 2 % over 2019–22 passes; P/L is applied.
    func testTakstaftale() throws {
        let steg = try Takstaftale.vurder(driftsherre: "A", fra: 100_000, til: 100_500, tidligereReduktion: Decimal(string: "0.06")!)
        XCTAssertEqual(steg.kraevetReduktion, 0)
        XCTAssertFalse(steg.overholdt)
        XCTAssertTrue(steg.begrundelse.contains("steget 0,50 %"), steg.begrundelse)
        let faldt = try Takstaftale.vurder(driftsherre: "B", fra: 100_000, til: 98_000)
        XCTAssertEqual(faldt.kraevetReduktion, Decimal(string: "0.02"))
        XCTAssertTrue(faldt.overholdt)
        let forLidt = try Takstaftale.vurder(driftsherre: "C", fra: 100_000, til: 99_000)
        XCTAssertFalse(forLidt.overholdt)
        // In fixed prices: +1 % nominal with 3 % P/L is a 1,94 % real cut — not enough without earlier cuts…
        let pl = try Takstaftale.vurder(driftsherre: "D", fra: 100_000, til: 101_000, plFaktor: Decimal(string: "1.03")!)
        XCTAssertEqual(afrundet(pl.faktiskReduktion * 100, decimaler: 2), Decimal(string: "1.94"))
        XCTAssertFalse(pl.overholdt)
        // …but enough for one that cut 3,1 % last period (required 1,9 %).
        let pl2 = try Takstaftale.vurder(driftsherre: "D", fra: 100_000, til: 101_000, plFaktor: Decimal(string: "1.03")!,
                                         tidligereReduktion: Decimal(string: "0.031")!)
        XCTAssertEqual(pl2.kraevetReduktion, Decimal(string: "0.019"))
        XCTAssertTrue(pl2.overholdt)
        // Like-for-like: a new expensive tilbud does not count.
        let s = Takstaftale.sammenlignelige([
            ("Gammel", Regnskabstal(belaegning: 10, regnskab: 1_000_000), Regnskabstal(belaegning: 10, regnskab: 990_000)),
            ("Ny", nil, Regnskabstal(belaegning: 5, regnskab: 2_000_000)),
        ])
        XCTAssertEqual(s.udeladte, ["Ny"])
        XCTAssertEqual(try Takstaftale.vurder(driftsherre: "E", fra: s.fra.gennemsnitspris!, til: s.til.gennemsnitspris!).faktiskReduktion,
                       Decimal(string: "0.01"))
    }

    func testEfterregulering() throws {
        XCTAssertEqual(Efterregulering.regnskabsaar(forTakstaar: 2021), 2019)
        let fuld = try XCTUnwrap(try Efterregulering.regulering(regnskabsaar: 2019, resultat: 400_000, grundlag: 10_000_000))
        XCTAssertEqual(fuld.beloeb, -400_000)
        // Half of a 501.980 kr surplus (004:146–149).
        let halv = try XCTUnwrap(try Efterregulering.regulering(regnskabsaar: 2022, resultat: 501_980, grundlag: 30_000_000,
                                                                 valg: .init(andel: Decimal(string: "0.5")!)))
        XCTAssertEqual(halv.beloeb, -250_990)
        // A provision up to 5 % of the grundlag; the rest is carried.
        let hensat = try XCTUnwrap(try Efterregulering.regulering(regnskabsaar: 2019, resultat: 700_000, grundlag: 10_000_000,
                                                                   valg: .init(hensaettelse: 500_000)))
        XCTAssertEqual(hensat.beloeb, -200_000)
        XCTAssertThrowsError(try Efterregulering.regulering(regnskabsaar: 2019, resultat: 700_000, grundlag: 10_000_000,
                                                            valg: .init(hensaettelse: 500_001))) {
            XCTAssertEqual(($0 as? Valideringsfejl)?.felt, "hensaettelse")
        }
        XCTAssertThrowsError(try Efterregulering.regulering(regnskabsaar: 2019, resultat: -1, grundlag: 10, valg: .init(hensaettelse: 1)))
        // A deficit is recovered.
        XCTAssertEqual(try Efterregulering.regulering(regnskabsaar: 2019, resultat: -300_000, grundlag: 1)?.beloeb, 300_000)
        XCTAssertNil(try Efterregulering.regulering(regnskabsaar: 2019, resultat: 0, grundlag: 1))
    }
}
