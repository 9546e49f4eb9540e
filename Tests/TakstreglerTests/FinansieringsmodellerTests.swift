import Filformater
import XCTest
@testable import Takstregler

final class FinansieringsmodellerTests: XCTestCase {
    // MARK: Børnehus Midt 2021 (001:841–861, 1128–1193)

    /// The 380-case table is an estimate "based on the distribution of the objektiv finansiering in the
    /// 2020 budget (population, DST)" (001:1145–1148); the population itself is not printed. Keyed on
    /// the 350-case column, the 380-case total 6.809.583 is split to within 1 kr of every printed row
    /// (both columns were rounded row by row from an unrounded key we do not have; their printed
    /// totals are 1 kr and 2 kr off their rows).
    func testBoernehusMidt2021() throws {
        let f = try FixtureCSV("boernehus_midt_objektiv_finansiering_2021")
        let raekker = f.raekker.filter { $0["kommune"] != "Region Midtjylland" }
        let iAlt = f.raekker.first { $0["kommune"] == "Region Midtjylland" }!
        let input = try Eksempelfiler.dekod(BoernehusInput.self, "boernehus_midt_2021")
        XCTAssertEqual(input.noegle.raekker.map(\.grundlag), try raekker.map { try $0.tal("of_350_sager_kr") })
        let r = try Boernehus.beregn(input)
        XCTAssertEqual(r.objektivFinansiering, try iAlt.tal("of_380_sager_kr"))
        var praecise = 0
        for (raekke, k) in zip(r.fordeling.raekker, raekker) {
            let afvigelse = abs((raekke.beloeb - (try k.tal("of_380_sager_kr"))).tilDouble)
            XCTAssertLessThanOrEqual(afvigelse, 1, raekke.kommune)
            if afvigelse == 0 { praecise += 1 }
            // The printed percentages are the 350-case shares, whole percent except Aarhus (23,36).
            let pct = raekke.kommune == "Aarhus" ? afrundet(raekke.andel * 100, decimaler: 2) : afrundet(raekke.andel * 100, decimaler: 0)
            XCTAssertEqual(pct, try k.tal("andel_pct_trykt"), raekke.kommune)
        }
        XCTAssertEqual(praecise, 14, "14 of 19 rows to the krone, 5 rows 1 kr off")
        var stoersteRest = input
        stoersteRest.afrunding = .stoersteRest
        XCTAssertEqual(try Boernehus.beregn(stoersteRest).fordeling.sumAfRaekker, 6_809_583)
        // "539 t.kr. … 8,59 %" (001:1140–1143).
        let of350 = try iAlt.tal("of_350_sager_kr")
        XCTAssertEqual(afrundet((r.objektivFinansiering - of350) / 1000, decimaler: 0), 539)
        XCTAssertEqual(afrundet((r.objektivFinansiering / of350 - 1) * 100, decimaler: 2), d("8.59"))
        // 40 % as a takst per case; "the takst per case does not change" from 350 to 380 cases (001:880–881):
        // 11.944,81 vs 11.946,64 kr. — equal within 0,02 %.
        XCTAssertEqual(r.takstPrSag, 11_947)
        let ved350 = try Boernehus.beregn(BoernehusInput(budgetgrundlag: of350 / d("0.6"), forventedeSager: 350, noegle: input.noegle))
        // "fra 10,5 mio. kr. til 11,4 mio. kr." (001:875): 10,45 fits; 6.809.583 / 0,6 = 11,35 mio. prints as 11,3, not 11,4.
        XCTAssertEqual(afrundet(ved350.budgetgrundlag / 1_000_000, decimaler: 1), d("10.5"))
        XCTAssertEqual(afrundet(r.budgetgrundlag / 1_000_000, decimaler: 1), d("11.3"))
        XCTAssertLessThan(abs((r.takstPrSagUafrundet / ved350.takstPrSagUafrundet - 1).tilDouble), 0.0002)
    }

    // MARK: Særlige pladser (001:8041–8101; 003:77, 95–100)

    func testSaerligePladserMidtH1_2020Dage() throws {
        let f = try FixtureCSV("saerlige_pladser_midt_2020h1")
        let takst: Decimal = 4_054
        var benyttedeDage: Decimal = 0
        for r in f.raekker {
            let dage = try r.tal("benyttede_pladser_kr") / takst
            XCTAssertEqual(dage, afrundet(dage, decimaler: 0), "\(r["betalerkommune"]!): benyttede = dage × 4.054")
            benyttedeDage += dage
        }
        let ubenyttedeKr = try f.raekker.reduce(Decimal(0)) { $0 + (try $1.tal("ubenyttede_pladser_kr")) }
        let ubenyttedeDage = ubenyttedeKr / takst
        XCTAssertEqual(ubenyttedeDage, afrundet(ubenyttedeDage, decimaler: 0))
        XCTAssertEqual(benyttedeDage + ubenyttedeDage, 32 * 182)

        // The model on the example input: used days from the table, 32 places × 182 days.
        let input = try Eksempelfiler.dekod(SaerligePladserInput.self, "saerlige_pladser_midt_2020h1")
        let r = try SaerligePladser.beregn(input)
        XCTAssertEqual(r.kapacitetDage, 5_824)
        XCTAssertEqual(r.benyttedeDage, benyttedeDage)
        XCTAssertEqual(r.ubenyttedeDage, ubenyttedeDage)
        XCTAssertEqual(r.ubenyttedeKrIAlt, ubenyttedeKr)
        XCTAssertEqual(r.fordelingUbenyttede.sumAfRaekker, ubenyttedeKr)
        for (raekke, k) in zip(r.raekker, f.raekker) {
            XCTAssertEqual(raekke.kommune, k["betalerkommune"])
            XCTAssertEqual(raekke.benyttedePladserKr, try k.tal("benyttede_pladser_kr"), raekke.kommune)
        }
        // The per-kommune unused amounts need Region Midtjylland's population by kommune, which the
        // source does not print; the example keys on the printed distribution, so they are not re-tested here.
    }

    func testSaerligePladserNord() throws {
        let f = try FixtureCSV("saerlige_pladser_nord")
        let n = Dictionary(uniqueKeysWithValues: try f.raekker.map { ($0["noegletal"]!, try $0.tal("vaerdi")) })
        let input = try Eksempelfiler.dekod(SaerligePladserInput.self, "saerlige_pladser_nord")
        XCTAssertEqual(input.pladserIAlt, n["pladser_i_alt"])
        XCTAssertEqual(input.ommaerkedePladser, n["ommaerkede_pladser"])
        XCTAssertEqual(input.doegntakst, n["doegntakst_belagt_kr"])
        XCTAssertEqual(input.tomgangsandel, n["tomgangsandel"])
        let r = try SaerligePladser.beregn(input)
        XCTAssertEqual(r.pladserTilKommuner, n["pladser_til_kommuner"])
        XCTAssertEqual(r.doegntakstTomUafrundet, d("3080.25"))
        XCTAssertEqual(r.doegntakstTom, n["doegntakst_tom_kr_trykt"])
        // "ca. 1,5 mio. kr." and "ca. 1,1 mio. kr. om året" (003:97–100).
        XCTAssertEqual(afrundet(r.aarligPrisBelagt / 100_000, decimaler: 0) * 100_000, n["aarlig_pris_belagt_kr_trykt"])
        XCTAssertEqual(afrundet(r.aarligPrisTom / 100_000, decimaler: 0) * 100_000, n["aarlig_pris_tom_kr_trykt"])
        XCTAssertEqual(r.kapacitetDage, 12 * 365)
        XCTAssertEqual(r.ubenyttedeKrIAlt, (12 * 365 - 1_460) * 3_080)
        XCTAssertEqual(r.fordelingUbenyttede.sumAfRaekker, r.ubenyttedeKrIAlt)
        XCTAssertEqual(r.raekker.first { $0.kommune == "Aalborg" }?.benyttedePladserKr, 1_460 * 4_107)

        var forMange = input
        forMange.ommaerkedePladser = 5
        XCTAssertEqual(valideringsfejl { _ = try SaerligePladser.beregn(forMange) },
                       [Valideringsfejl(felt: "ommaerkedePladser", besked: "højst 25 % af pladserne må ommærkes, dvs. 4 af 16 (fik 5)")])
        var ukendt = input
        ukendt.benyttedeDage = [.init(kommune: "Viborg", dage: 10)]
        XCTAssertEqual(valideringsfejl { _ = try SaerligePladser.beregn(ukendt) }.map(\.felt), ["benyttedeDage[1].kommune"])
        var overKapacitet = input
        overKapacitet.benyttedeDage = [.init(kommune: "Aalborg", dage: 5_000)]
        XCTAssertEqual(valideringsfejl { _ = try SaerligePladser.beregn(overKapacitet) }.map(\.felt), ["benyttedeDage"])
    }

    // MARK: Ungementor (001:10150–10175)

    func testUngementorSyvKommunerTilKronen() throws {
        let f = try FixtureCSV("ungementor_kombinationsmodel")
        let deltagere = f.raekker.filter { !($0["andel_pct"] ?? "").isEmpty }
        let r = try Ungementor.beregn(Eksempelfiler.dekod(UngementorInput.self, "ungementor_2019"))
        XCTAssertEqual(r.fordeling.raekker.count, 7)
        for (raekke, k) in zip(r.fordeling.raekker, deltagere) {
            XCTAssertEqual(raekke.kommune, k["kommune"])
            XCTAssertEqual(raekke.beloeb, try k.tal("samlet_kr"), raekke.kommune)
            XCTAssertEqual(raekke.komponenterUafrundet[0], try k.tal("fast_del_kr"), raekke.kommune)
        }
        XCTAssertEqual(r.fastDel, try f.raekker.first { $0["kommune"] == "Samlet" }!.tal("fast_del_kr"))
        XCTAssertEqual(r.fordeling.sumAfRaekker, 675_000)
        // With purchased courses deducted first (001:10115–10117): 4 × 60.000 less to split.
        var medTilkoeb = try Eksempelfiler.dekod(UngementorInput.self, "ungementor_2019")
        medTilkoeb.tilkoebteForloeb = 4
        medTilkoeb.afrunding = nil
        let t = try Ungementor.beregn(medTilkoeb)
        XCTAssertEqual(t.udgiftTilFordeling, 435_000)
        XCTAssertEqual(t.fordeling.sumAfRaekker, 435_000)
    }

    // MARK: Deficit sharing (003:2395–2403, 3212–3292; 002:1725–1731)

    func testSelvskadeScenarierOgAlle66Celler() throws {
        let input = try Eksempelfiler.dekod(UnderskudsdelingInput.self, "underskud_selvskade")
        let mio = try FixtureCSV("selvskade_scenarier_mio")
        // The example's posts are the printed ones.
        for (i, s) in ["s1", "s2", "s3"].enumerated() {
            let poster = try mio.raekker.prefix(4).map { try $0.tal(s) * 1_000_000 }.filter { $0 != 0 }
            XCTAssertEqual(input.scenarier[i].poster.map(\.beloeb), poster, s)
        }
        let r = try Underskudsdelingsmodel.beregn(input)
        let f = try FixtureCSV("selvskade_underskud_fordeling")
        var celler = 0
        for (s, sc) in r.scenarier.enumerated() {
            for (n, noeglenavn) in ["befolkning", "unge_14_23"].enumerated() {
                let kilde = f.raekker.filter { $0["noegle"] == noeglenavn && $0["kommune"] != "I alt" }
                for (raekke, k) in zip(sc.fordelinger[n].raekker, kilde) {
                    XCTAssertEqual(raekke.beloeb, try k.tal("s\(s + 1)_kr"), "\(sc.navn) \(noeglenavn) \(raekke.kommune)")
                    celler += 1
                }
            }
        }
        XCTAssertEqual(celler, 66)
        // Scenario 1 is consistent: 5,7 mio. → 1,425 / 4,275. Scenarios 2 and 3 split the printed 5,37 and
        // 5,59 mio. although their posts give 7,13 and 7,43 mio. (printed 7,16 and 7,45; DOMAIN.md 11).
        XCTAssertEqual(r.scenarier.map(\.underskud), [5_700_000, 7_130_000, 7_430_000])
        XCTAssertEqual(r.scenarier[0].region, 1_425_000)
        XCTAssertEqual(r.scenarier[0].kommunerBeregnet, 4_275_000)
        XCTAssertEqual(r.scenarier.map(\.afvigelse), [0, 22_500, 17_500])
        XCTAssertEqual(try mio.raekker[4].tal("s2") * 1_000_000 - r.scenarier[1].underskud, 30_000)
    }

    func testUnderskudsgarantiOesterskoven() throws {
        let r = try Underskudsdelingsmodel.beregn(Eksempelfiler.dekod(UnderskudsdelingInput.self, "underskudsgaranti_oesterskoven"))
        XCTAssertEqual(r.scenarier[0].region, 675_000)
        XCTAssertEqual(r.scenarier[0].kommunerFordelt, 525_000)
        XCTAssertEqual(r.scenarier[0].fordelinger[0].sumAfRaekker, 525_000)
        XCTAssertEqual(r.scenarier[0].fordelinger[0].raekker.count, 11)
    }

    // MARK: Refusion, SEL § 176 (003:1763–1779)

    func testRefusionFireEksemplerMed2021Graenser() throws {
        let f = try FixtureCSV("refusion_sel176_eksempel")
        let r = try Refusion.beregn(Eksempelfiler.dekod(RefusionInput.self, "refusion_sel176_2021"))
        XCTAssertEqual(r.taerskler.graenser, [850_000, 1_660_000, 2_090_000])
        XCTAssertEqual(r.raekker.count, 4)
        for (raekke, k) in zip(r.raekker, f.raekker) {
            XCTAssertEqual(raekke.doegntakst, try k.tal("doegntakst_kr"))
            XCTAssertEqual(raekke.helaarsudgift, try k.tal("helaarsudgift_kr"))
            XCTAssertEqual(raekke.refusion, try k.tal("refusion_kr"), raekke.tekst ?? "")
            XCTAssertEqual(raekke.nettoudgift, try k.tal("nettoudgift_kr"), raekke.tekst ?? "")
        }
        // The 2022 level is another row of the table: Takst 1 then gets 205.000 + 36.000.
        let r2022 = try Refusion.beregn(RefusionInput(aar: 2022, udgifter: [.init(doegntakst: 4_800)]))
        XCTAssertEqual(r2022.raekker[0].refusion, 241_000)
        XCTAssertEqual(Refusion.refusion(helaarsudgift: 800_000, taerskler: try Refusion.taerskler(aar: 2021)).refusion, 0)
        XCTAssertEqual(valideringsfejl { _ = try Refusion.beregn(RefusionInput(aar: 2023, udgifter: [.init(helaarsudgift: 1)])) },
                       [Valideringsfejl(felt: "aar", besked: "der er ingen refusionsgrænser for 2023 (kendte år: 2021, 2022) — angiv dem i feltet taerskler")])
        let egne = Refusionstaerskler(graenser: [900_000, 1_700_000, 2_150_000])
        XCTAssertEqual(try Refusion.beregn(RefusionInput(aar: 2023, taerskler: egne, udgifter: [.init(helaarsudgift: 1_000_000)])).raekker[0].refusion, 25_000)
        XCTAssertEqual(valideringsfejl { _ = try Refusion.beregn(RefusionInput(aar: 2023, taerskler: Refusionstaerskler(graenser: [2, 1, 3]), udgifter: [.init(helaarsudgift: 1)])) }.map(\.felt),
                       ["taerskler.graenser[2]"])
    }

    // MARK: Kofoedsminde and ferieledsagelse (no published figures: examples are illustrative)

    func testKofoedsmindeTakstGangeBefolkning() throws {
        let input = try Eksempelfiler.dekod(KofoedsmindeInput.self, "kofoedsminde")
        let r = try Kofoedsminde.beregn(input)
        XCTAssertEqual(r.indbyggereIAlt, 590_322)
        XCTAssertEqual(r.beloebIAlt, 25 * 590_322)
        for (raekke, b) in zip(r.fordeling.raekker, input.befolkning.raekker) {
            XCTAssertEqual(raekke.beloeb, 25 * b.grundlag, raekke.kommune)
        }
    }

    func testFerieledsagelseModel1og2() throws {
        let m1 = try Ferieledsagelse.model1(Eksempelfiler.dekod(FerieledsagelseModel1Input.self, "ferieledsagelse_model1"))
        XCTAssertEqual(m1.timetakstUafrundet, d("316.2")) // 300 × 1,054
        XCTAssertEqual(m1.timetakst, 316)
        XCTAssertEqual(m1.iAlt, 316 * 40 + 2_500)
        XCTAssertEqual(m1.deltagere.map(\.beloeb), [7_570, 7_570])
        // The example is the worked trip of testFerieledsagelseModel2Regneeksempel, shared 4 : 3 by days.
        let m2 = try Ferieledsagelse.model2(Eksempelfiler.dekod(FerieledsagelseModel2Input.self, "ferieledsagelse_model2"))
        XCTAssertEqual(m2.egenbetaling, d("24130.37"))
        // 24.130,37 × 4/7 = 13.788,78|28…, × 3/7 = 10.341,58|71…: the floors miss 1 øre, which goes to the
        // larger remainder (B).
        XCTAssertEqual(m2.deltagere.map(\.beloeb), [d("13788.78"), d("10341.59")])
        XCTAssertEqual(m2.deltagere.map(\.beloeb).reduce(0, +), m2.egenbetaling)
        XCTAssertEqual(valideringsfejl { _ = try Ferieledsagelse.model1(FerieledsagelseModel1Input(timeloen: 300, timer: 1, deltagere: [.init(navn: "")])) },
                       [Valideringsfejl(felt: "deltagere.raekker[1].kommune", besked: "række 1: navnet er tomt")])
    }

    /// DOMAIN.md 6.9, model 2: three staff on a four-day trip, every item per staff member.
    func testFerieledsagelseModel2Regneeksempel() throws {
        let tur = FerieledsagelseModel2Input(aarsloen: 400_000, medarbejdere: 3, timerPrMedarbejder: 30, kolonitillaegPrDag: 250,
                                             paabegyndteDage: 4, dagpengePrDoegn: 500, doegn: 3, timepengePrTime: 21,
                                             timepengeTimer: 6, besparelsePrTime: 40)
        let r = try Ferieledsagelse.model2(tur)
        // timeløn = 400.000 / 1.924 (default årstimer) = 207,9002… → 207,90
        XCTAssertEqual(r.timeloen, d("207.90"))
        // løn = 3 × 30 × 207,90 = 18.711,00
        XCTAssertEqual(r.loen, d("18711.00"))
        // kolonitillæg = 3 × 4 × 250 = 3.000,00
        XCTAssertEqual(r.kolonitillaeg, d("3000.00"))
        // dagpenge = 3 × (3 × 500 + 6 × 21) = 3 × 1.626 = 4.878,00
        XCTAssertEqual(r.dagpenge, d("4878.00"))
        // overhead = 18.711,00 × 6,1 % (default) = 1.141,371 → 1.141,37
        XCTAssertEqual(r.overhead, d("1141.37"))
        // i alt = 18.711,00 + 3.000,00 + 4.878,00 + 1.141,37 = 27.730,37
        XCTAssertEqual(r.iAlt, d("27730.37"))
        // besparelse = 40 × 3 × 30 = 3.600,00
        XCTAssertEqual(r.besparelse, d("3600.00"))
        // egenbetaling = 27.730,37 − 3.600,00 = 24.130,37
        XCTAssertEqual(r.egenbetaling, d("24130.37"))
        XCTAssertEqual(r.deltagere, [])

        // A saving larger than the cost is not paid out: egenbetaling 0, not −2.269,63.
        var dyrVikar = tur
        dyrVikar.besparelsePrTime = 333 // 333 × 90 = 29.970 > 27.730,37
        let nul = try Ferieledsagelse.model2(dyrVikar)
        XCTAssertEqual(nul.besparelse, 29_970)
        XCTAssertEqual(nul.egenbetaling, 0)

        // Two residents, equal weight: 24.130,37 / 2 = 12.065,185 each; the odd øre goes to the first.
        var to = tur
        to.deltagere = [.init(navn: "Beboer A"), .init(navn: "Beboer B")]
        let delt = try Ferieledsagelse.model2(to).deltagere
        XCTAssertEqual(delt.map(\.beloeb), [d("12065.19"), d("12065.18")])
        XCTAssertEqual(delt.map(\.beloeb).reduce(0, +), d("24130.37"))
        XCTAssertEqual(delt.map(\.beloebUafrundet), [d("12065.185"), d("12065.185")])

        // A part-day is a started day: 3,5 days give 3 × 4 × 250 = 3.000 of kolonitillæg, and 4 full døgn fit in it.
        var halv = tur
        halv.paabegyndteDage = d("3.5")
        halv.doegn = 4
        XCTAssertEqual(try Ferieledsagelse.model2(halv).kolonitillaeg, 3_000)
    }

    func testFerieledsagelseModel2AfviserForkertInput() throws {
        let tur = FerieledsagelseModel2Input(aarsloen: 400_000, medarbejdere: 3, timerPrMedarbejder: 30, kolonitillaegPrDag: 250,
                                             paabegyndteDage: 4, dagpengePrDoegn: 500, doegn: 3, timepengePrTime: 21,
                                             timepengeTimer: 6, besparelsePrTime: 40)
        func fejl(_ aendring: (inout FerieledsagelseModel2Input) -> Void) -> [Valideringsfejl] {
            var i = tur
            aendring(&i)
            return valideringsfejl { _ = try Ferieledsagelse.model2(i) }
        }
        XCTAssertEqual(fejl { $0.aarsloen = -1 }, [Valideringsfejl(felt: "aarsloen", besked: "årslønnen må ikke være negativ (fik -1)")])
        XCTAssertEqual(fejl { $0.aarstimer = 0 }, [Valideringsfejl(felt: "aarstimer", besked: "antal årstimer skal være større end 0 (fik 0)")])
        XCTAssertEqual(fejl { $0.medarbejdere = 0 },
                       [Valideringsfejl(felt: "medarbejdere", besked: "antal medarbejdere skal være et helt tal på mindst 1 (fik 0)")])
        XCTAssertEqual(fejl { $0.medarbejdere = d("2.5") },
                       [Valideringsfejl(felt: "medarbejdere", besked: "antal medarbejdere skal være et helt tal på mindst 1 (fik 2,5)")])
        XCTAssertEqual(fejl { $0.doegn = 5 },
                       [Valideringsfejl(felt: "doegn", besked: "antal hele døgn (5) kan ikke være flere end de påbegyndte dage (4)")])
        XCTAssertEqual(fejl { $0.doegn = d("2.5") }.map(\.felt), ["doegn"])
        XCTAssertEqual(fejl { $0.timepengeTimer = 24 },
                       [Valideringsfejl(felt: "timepengeTimer", besked: "antal timer med timepenge skal være under 24 — et helt døgn betales som dagpenge (fik 24)")])
        XCTAssertEqual(fejl { $0.timerPrMedarbejder = -1 }.map(\.felt), ["timerPrMedarbejder"])
        XCTAssertEqual(fejl { $0.kolonitillaegPrDag = -1 }.map(\.felt), ["kolonitillaegPrDag"])
        XCTAssertEqual(fejl { $0.paabegyndteDage = -1 }.map(\.felt), ["paabegyndteDage"])
        XCTAssertEqual(fejl { $0.dagpengePrDoegn = -1 }.map(\.felt), ["dagpengePrDoegn"])
        XCTAssertEqual(fejl { $0.timepengePrTime = -1 }.map(\.felt), ["timepengePrTime"])
        XCTAssertEqual(fejl { $0.timepengeTimer = -1 }.map(\.felt), ["timepengeTimer"])
        XCTAssertEqual(fejl { $0.overheadProcent = -1 }.map(\.felt), ["overheadProcent"])
        XCTAssertEqual(fejl { $0.besparelsePrTime = -1 }.map(\.felt), ["besparelsePrTime"])
        XCTAssertEqual(fejl { $0.deltagere = [.init(navn: "")] }.map(\.felt), ["deltagere.raekker[1].kommune"])
        // The JSON reader names a missing field.
        XCTAssertEqual(valideringsfejl { _ = try Finansieringsmodel.beregn(navn: "ferieledsagelse-model2", json: Data(#"{"aarsloen": 400000}"#.utf8)) },
                       [Valideringsfejl(felt: "medarbejdere", besked: "feltet mangler")])
    }

    // MARK: Registry

    func testRegistretKoererHvertEksempel() throws {
        let eksempler: [(String, Finansieringsmodel)] = [
            ("boernehus_midt_2021", .boernehus), ("saerlige_pladser_midt_2020h1", .saerligePladser),
            ("saerlige_pladser_nord", .saerligePladser), ("kofoedsminde", .kofoedsminde), ("ungementor_2019", .ungementor),
            ("underskud_selvskade", .underskudsdeling), ("underskudsgaranti_oesterskoven", .underskudsdeling),
            ("refusion_sel176_2021", .refusion), ("ferieledsagelse_model1", .ferieledsagelseModel1),
            ("ferieledsagelse_model2", .ferieledsagelseModel2),
        ]
        XCTAssertEqual(Set(eksempler.map(\.1)), Set(Finansieringsmodel.allCases), "an example per model")
        for (fil, model) in eksempler {
            let ud = try Finansieringsmodel.beregn(navn: model.rawValue, json: Eksempelfiler.data(fil))
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: ud) as? [String: Any], fil)
        }
        let ungementor = try Finansieringsmodel.beregn(navn: "ungementor", json: Eksempelfiler.data("ungementor_2019"))
        XCTAssertEqual(try JSONDecoder().decode(UngementorResultat.self, from: ungementor),
                       try Ungementor.beregn(Eksempelfiler.dekod(UngementorInput.self, "ungementor_2019")))
        let ferie = try Finansieringsmodel.beregn(navn: "ferieledsagelse-model2", json: Eksempelfiler.data("ferieledsagelse_model2"))
        XCTAssertEqual(try JSONDecoder().decode(FerieledsagelseModel2Resultat.self, from: ferie).egenbetaling, d("24130.37"))
        let fejl = valideringsfejl { _ = try Finansieringsmodel.beregn(navn: "boernehuset", json: Data("{}".utf8)) }
        XCTAssertEqual(fejl.map(\.felt), ["model"])
        XCTAssertTrue(fejl[0].besked.hasPrefix("ukendt model 'boernehuset' — vælg en af: boernehus, saerlige-pladser"), fejl[0].besked)
        XCTAssertEqual(valideringsfejl { _ = try Finansieringsmodel.beregn(navn: "refusion-sel176", json: Data(#"{"aar": 2021}"#.utf8)) },
                       [Valideringsfejl(felt: "udgifter", besked: "feltet mangler")])
        XCTAssertEqual(valideringsfejl { _ = try Finansieringsmodel.beregn(navn: "kofoedsminde",
                                                                          json: Data(#"{"takstPrIndbygger": 25, "befolkning": {"raekker": [{"kommune": "Aalborg", "grundlag": "mange"}]}}"#.utf8)) },
                       [Valideringsfejl(felt: "befolkning.raekker[1].grundlag", besked: "forkert type — forventede et tal")])
    }
}
