import Filformater
import XCTest
@testable import Takstregler

final class SocialtilsynTests: XCTestCase {
    // MARK: Takster (001:286–296, 484–493; 004:437–443) and BPA (004:463–476)

    func testNordTaksterVaegte1_1komma2_2_3IndenFor1Kr() throws {
        let f = try FixtureCSV("socialtilsyn_nord_tilsynstakster_2023_2024")
        for kolonne in ["takst_2023_kr_2024priser", "takst_2024_kr"] {
            let grund = try f.raekker[0].tal(kolonne)
            let r = try Tilsynstakster.beregn(Tilsynstakstparametre(grundtakstTilsyn: grund)) // standard weights
            XCTAssertEqual(r.raekker.map(\.kategori.rawValue), f.raekker.map { $0["pladser"]! })
            for (raekke, kilde) in zip(r.raekker, f.raekker) {
                let afvigelse = abs((raekke.tilsynAar - (try kilde.tal(kolonne))).tilDouble)
                XCTAssertLessThanOrEqual(afvigelse, 1, "\(kolonne) \(raekke.kategori.rawValue)")
                XCTAssertEqual(raekke.skaerpetMaaned, afrundet(raekke.tilsynAar / 10, decimaler: 0))
            }
        }
    }

    /// Midt's 50+ tilsyn carries a folded-in tillægstakst (001:63–71), so its weight is a per-year
    /// parameter: the ratio of the published 50+ and 1–7 takster to four decimals, 3,8853 in 2020
    /// and 3,8851 in 2021 — fitted, not derived, because the folded amount is not published. The
    /// three-decimal 3,885 of DOMAIN.md 6.7 misses by 4 kr (2021) and 9 kr (2020).
    func testMidtTaksterVaegteSkaerpetGodkendelseOgVaesentligAendring() throws {
        let f = try FixtureCSV("socialtilsyn_midt_tilsynstakster_2020_2021")
        let vaegt50: [String: Decimal] = ["2020": d("3.8853"), "2021": d("3.8851")]
        for aar in ["2020", "2021"] {
            let kilde = f.raekker.filter { $0["aar"] == aar }
            XCTAssertEqual(kilde.count, 4)
            let p = Tilsynstakstparametre(
                grundtakstTilsyn: try kilde[0].tal("tilsyn_aar_kr"),
                grundtakstGodkendelse: try kilde[0].tal("godkendelse_kr"),
                grundtakstVaesentligAendring: try kilde[0].tal("vaesentlig_aendring_kr"),
                vaegte: Takstvaegte(tilsyn: [1, d("1.2"), 2, vaegt50[aar]!]),
                skaerpetProcentAfAarstakst: 10)
            let r = try Tilsynstakster.beregn(p)
            for (raekke, k) in zip(r.raekker, kilde) {
                let hvad = "\(aar) \(raekke.kategori.rawValue)"
                XCTAssertLessThanOrEqual(abs((raekke.tilsynAar - (try k.tal("tilsyn_aar_kr"))).tilDouble), 1, hvad)
                XCTAssertLessThanOrEqual(abs((raekke.godkendelse! - (try k.tal("godkendelse_kr"))).tilDouble), 1, hvad)
                XCTAssertLessThanOrEqual(abs((raekke.vaesentligAendring! - (try k.tal("vaesentlig_aendring_kr"))).tilDouble), 1, hvad)
                // Skærpet = 10 % of the annual takst: exact on the published annual takst, within 1 kr on ours.
                XCTAssertEqual(Tilsynstakster.skaerpetMaaned(aarstakst: try k.tal("tilsyn_aar_kr")), try k.tal("skaerpet_maaned_kr"), hvad)
                XCTAssertLessThanOrEqual(abs((raekke.skaerpetMaaned - (try k.tal("skaerpet_maaned_kr"))).tilDouble), 1, hvad)
            }
            let med3885 = try Tilsynstakster.beregn(Tilsynstakstparametre(grundtakstTilsyn: try kilde[0].tal("tilsyn_aar_kr"),
                                                                          vaegte: Takstvaegte(tilsyn: [1, d("1.2"), 2, d("3.885")])))
            let afvigelse = abs((med3885.raekke(.over50)!.tilsynAar - (try kilde[3].tal("tilsyn_aar_kr"))).tilDouble)
            XCTAssertLessThanOrEqual(afvigelse, 10, aar)
            XCTAssertGreaterThan(afvigelse, 1, "documented gap of the three-decimal weight, \(aar)")
        }
    }

    func testBPAPraecist() throws {
        let f = try FixtureCSV("socialtilsyn_nord_bpa_2024")
        let r = try Tilsynstakster.beregn(Tilsynstakstparametre(grundtakstTilsyn: 43_852,
                                                               bpa: BPAParametre(timepris: 672, tilsynTimer: 13, nygodkendelseTimer: 36)))
        XCTAssertEqual(r.bpa.map(\.ydelse), f.raekker.map { $0["ydelse"]! })
        for (b, k) in zip(r.bpa, f.raekker) {
            XCTAssertEqual(b.timer, try k.tal("timer"))
            XCTAssertEqual(b.takst, try k.tal("takst_kr"))
        }
        XCTAssertEqual(r.bpa.map(\.takst), [8_736, 24_192])
    }

    func testStoerrelseskategoriSkaerpetOpkraevningOgTillaeg() throws {
        XCTAssertEqual(try Stoerrelseskategori.kategori(pladser: 7), .op7)
        XCTAssertEqual(try Stoerrelseskategori.kategori(pladser: d("7.5")), .op24)
        XCTAssertEqual(try Stoerrelseskategori.kategori(pladser: 49), .op49)
        XCTAssertEqual(try Stoerrelseskategori.kategori(pladser: 50), .over50)
        XCTAssertEqual(valideringsfejl { _ = try Stoerrelseskategori.kategori(pladser: 0) }.map(\.felt), ["pladser"])
        // § 101: 130 expected citizens count as 13 places → 8-24.
        XCTAssertEqual(try Stoerrelseskategori.kategori(pladser: Stoerrelseskategori.pladserForBehandlingstilbud(forventedeBorgere: 130)), .op24)
        // Three started months of skærpet tilsyn on Midt's 2021 8-24 takst: 3 × 4.285.
        XCTAssertEqual(try Tilsynstakster.skaerpetOpkraevning(aarstakst: 42_848, paabegyndteMaaneder: 3), 12_855)
        XCTAssertEqual(Tilsynstakster.tillaegstakst(antalAfdelinger: 2, beloebPrAfdeling: 5_000), 0)
        XCTAssertEqual(Tilsynstakster.tillaegstakst(antalAfdelinger: 4, beloebPrAfdeling: 5_000), 10_000)
        XCTAssertEqual(valideringsfejl { _ = try Tilsynstakster.beregn(Tilsynstakstparametre(grundtakstTilsyn: 1, vaegte: Takstvaegte(tilsyn: [1, 2]))) }.map(\.felt),
                       ["takster.vaegte.tilsyn"])
        XCTAssertEqual(valideringsfejl { _ = try Tilsynstakster.beregn(Tilsynstakstparametre()) }.map(\.felt), ["takster.grundtakstTilsyn"])
    }

    // MARK: The example input, decoded exactly as shipped

    func testEksempelNord2024() throws {
        let input = try Eksempelfiler.dekod(SocialtilsynInput.self, "socialtilsyn_nord_2024")
        let r = try Socialtilsyn.beregn(input)
        let of = try FixtureCSV("socialtilsyn_nord_objektiv_finansiering_2023_2024")
        let trykt = Dictionary(uniqueKeysWithValues: try of.raekker.map { ($0["kommune"]!, try $0.tal("of_2024_kr")) })

        XCTAssertEqual(r.budget.iAlt, 36_061_167)
        XCTAssertEqual(r.finansiering.objektivFinansiering, 19_156_058)
        XCTAssertEqual(r.finansiering.takstfinansiering, 16_905_109)
        XCTAssertEqual(r.befolkningskvartal, "2023K2")
        XCTAssertEqual(r.noter, [])
        // Default policy: exact total, every row within 1 kr of the published one.
        XCTAssertEqual(r.objektivFinansiering.afrunding, .stoersteRest)
        XCTAssertEqual(r.objektivFinansiering.sumAfRaekker, trykt["I alt"])
        for raekke in r.objektivFinansiering.raekker {
            XCTAssertLessThanOrEqual(abs((raekke.beloeb - trykt[raekke.kommune]!).tilDouble), 1, raekke.kommune)
        }
        // The same input with `naiv` gives the published rows exactly.
        var naiv = input
        naiv.objektivFinansiering.afrunding = .naiv
        for raekke in try Socialtilsyn.beregn(naiv).objektivFinansiering.raekker {
            XCTAssertEqual(raekke.beloeb, trykt[raekke.kommune], raekke.kommune)
        }
        // Gennemsnitspris pr. plejefamilie = 19.156.058 / (860 + 90) = 20.164 (004:410–412).
        XCTAssertEqual(r.gennemsnitsprisPrPlejefamilie, 20_164)
        // Takster and BPA.
        let takster = try FixtureCSV("socialtilsyn_nord_tilsynstakster_2023_2024")
        for (raekke, k) in zip(r.takster.raekker, takster.raekker) {
            XCTAssertLessThanOrEqual(abs((raekke.tilsynAar - (try k.tal("takst_2024_kr"))).tilDouble), 1)
        }
        XCTAssertEqual(r.takster.bpa.map(\.takst), [8_736, 24_192])

        // Comparison with 2023 in 2024 prices (004:316–327, 248–251, 410–418, 437–457, 463–470).
        let s = Dictionary(uniqueKeysWithValues: (r.sammenligning ?? []).map { ($0.post, $0) })
        XCTAssertEqual(s["Budget samlet"]?.aendring, 1_320_124)
        XCTAssertEqual(s["Budget samlet"]?.aendringPct, d("3.8"))
        XCTAssertEqual(s["Tilbudsafdelingen"]?.aendring, 604_096)
        XCTAssertEqual(s["Tilbudsafdelingen"]?.aendringPct, d("3.7"))
        XCTAssertEqual(s["Plejefamilieafdelingen"]?.aendring, 716_028)
        XCTAssertEqual(s["Plejefamilieafdelingen"]?.aendringPct, d("3.9"))
        XCTAssertEqual(s["Plejefamilier inkl. nygodkendelser"]?.aendringPct, d("-4.0"))
        XCTAssertEqual(s["Gennemsnitspris pr. plejefamilie"]?.aendringPct, d("8.3"))
        // 2023: 18.440.030 / 990 = 18.626,29; the source prints 18.627 (1 kr off; no source for the extra krone).
        let gns2023 = try XCTUnwrap(s["Gennemsnitspris pr. plejefamilie"]?.tidligere)
        XCTAssertEqual(afrundet(gns2023, decimaler: 0), 18_626)
        XCTAssertLessThanOrEqual(abs((afrundet(gns2023, decimaler: 0) - 18_627).tilDouble), 1)
        XCTAssertEqual(s["Tilsynstakst 1-7 pladser"]?.aendringPct, d("2.3"))
        XCTAssertEqual(s["BPA timepris"]?.aendringPct, d("5.8"))

        // JSON in, JSON out, as the CLI runs it.
        let ud = try Socialtilsyn.beregn(json: Eksempelfiler.data("socialtilsyn_nord_2024"))
        XCTAssertEqual(try JSONDecoder().decode(SocialtilsynResultat.self, from: ud), r)
    }

    /// The same year with the key derived from DST-like rows per age (all kommuner of Nordjylland
    /// plus Silkeborg, several quarters) instead of the finished key: same objektiv finansiering.
    func testObjektivFinansieringFraBefolkningsraekker() throws {
        let eksempel = try Eksempelfiler.dekod(SocialtilsynInput.self, "socialtilsyn_nord_2024")
        var input = eksempel
        var rows: [Befolkningsraekke] = []
        for r in eksempel.objektivFinansiering.noegle!.raekker {
            rows.append(Befolkningsraekke(kommune: r.kommune, alder: 10, kvartal: "2023K2", antal: r.grundlag - 17))
            rows.append(Befolkningsraekke(kommune: r.kommune, alder: 17, kvartal: "2023K2", antal: 17))
            rows.append(Befolkningsraekke(kommune: r.kommune, alder: 18, kvartal: "2023K2", antal: 5_000))
            rows.append(Befolkningsraekke(kommune: r.kommune, alder: 10, kvartal: "2022K2", antal: 1))
        }
        rows.append(Befolkningsraekke(kommune: "Hjørring", alder: 10, kvartal: "2023K2", antal: 14_000))
        input.objektivFinansiering = ObjektivFinansieringInput(befolkning: rows, daekningsomraade: eksempel.objektivFinansiering.daekningsomraade)
        let fraRaekker = try Socialtilsyn.beregn(input)
        let fraNoegle = try Socialtilsyn.beregn(eksempel)
        XCTAssertEqual(fraRaekker.befolkningskvartal, "2023K2")
        XCTAssertEqual(fraRaekker.objektivFinansiering.raekker.map(\.beloeb), fraNoegle.objektivFinansiering.raekker.map(\.beloeb))
        XCTAssertEqual(fraRaekker.objektivFinansiering.grundlagIAlt, 121_668)
        // A key from another quarter than the rule's is used but noted.
        input.objektivFinansiering.kvartal = "2022K2"
        let andetKvartal = try Socialtilsyn.beregn(input)
        XCTAssertEqual(andetKvartal.objektivFinansiering.grundlagIAlt, 11)
        XCTAssertEqual(andetKvartal.noter.count, 1)
        input.objektivFinansiering.kvartal = "2021K2"
        XCTAssertEqual(valideringsfejl { _ = try Socialtilsyn.beregn(input) }.map(\.besked), ["der er ingen befolkningstal for 2021K2"])
        XCTAssertEqual(valideringsfejl { _ = try Socialtilsyn.beregn(input) }.map(\.felt), ["objektivFinansiering.kvartal"])
        var gammel = eksempel
        gammel.objektivFinansiering.kvartal = "2022k2"
        XCTAssertEqual(try Socialtilsyn.beregn(gammel).noter, ["Nøglen er fra 2022K2; reglen er 2. kvartal året før budgetåret (2023K2)."])
        var begge = eksempel
        begge.objektivFinansiering.befolkning = rows
        XCTAssertEqual(valideringsfejl { _ = try Socialtilsyn.beregn(begge) }.map(\.felt), ["objektivFinansiering"])
    }

    func testEksempelfilerErDeUdgivne() throws {
        let mappe = try XCTUnwrap(Eksempelfiler.mappe, "eksempler/ not found next to the package")
        let filer = try FileManager.default.contentsOfDirectory(atPath: mappe.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(filer.count, 10)
        for fil in filer {
            let udgivet = try Data(contentsOf: mappe.appendingPathComponent(fil))
            XCTAssertEqual(udgivet, try Eksempelfiler.data(String(fil.dropLast(5))), "\(fil) differs from the bundled copy")
        }
    }

    // MARK: Socialtilsyn Midt (001:1–741)

    /// 001:191–195, 258: drift + overhead of 5,4 % = udgifter i alt. Only the gross-up fits (2,9, not
    /// 2,7 mio.) in 2020 and 2021. 2019 prints 2,9 mio. where 49,8 grossed up gives 2,84 → 2,8 and
    /// 52,6 in all (printed 52,7) — the drift figures are restated in 2021 prices and rounded, so the
    /// 2019 column cannot be reproduced from the printed numbers.
    func testMidtOverheadSomBruttoandel() throws {
        let mio = Decimal(1_000_000)
        func iAlt(_ drift: String, _ metode: OverheadParameter.Metode) throws -> SocialtilsynBudgetresultat {
            try SocialtilsynBudget.beregn(SocialtilsynBudgetInput(
                linjer: [SocialtilsynBudgetlinje(tekst: "Driftsbudget", afdeling: .faelles, beloeb: d(drift) * mio)],
                faellesAndelPlejefamilieafdeling: d("0.5"), overhead: OverheadParameter(metode: metode, vaerdi: d("5.4"))), budgetaar: 2021)
        }
        for (drift, overhead, total) in [("50.6", "2.9", "53.5"), ("50.8", "2.9", "53.7")] {
            let r = try iAlt(drift, .bruttoandel)
            let oh = r.tilbudsafdeling.overhead! + r.plejefamilieafdeling.overhead!
            XCTAssertEqual(afrundet(oh / mio, decimaler: 1), d(overhead), drift)
            XCTAssertEqual(afrundet(r.iAlt / mio, decimaler: 1), d(total), drift)
            XCTAssertEqual(afrundet(oh / r.iAlt * 100, decimaler: 10), d("5.4"))
            let direkte = try iAlt(drift, .procentAfDirekte)
            XCTAssertEqual(afrundet((direkte.iAlt - d(drift) * mio) / mio, decimaler: 1), d("2.7"))
        }
        let r2019 = try iAlt("49.8", .bruttoandel)
        XCTAssertEqual(afrundet((r2019.iAlt / mio) - d("49.8"), decimaler: 1), d("2.8"), "printed 2,9 (001:193) — see the doc comment")
    }

    /// 001:312–334 and 496–518 print Midt's objektiv finansiering per kommune but not the 0–17 counts
    /// behind it, so the rows cannot be recomputed. What can be checked: the rows miss their printed
    /// totals by 1 kr (independent rounding); the engine, keyed on the printed rows, reconciles to the
    /// total exactly and moves no row more than 1 kr; and Midt's coverage area is not the region.
    func testMidtObjektivFinansieringSaaLangtKildenRaekker() throws {
        let f = try FixtureCSV("socialtilsyn_midt_objektiv_finansiering_2020_2021")
        let raekker = f.raekker.filter { $0["kommune"] != "I alt" }
        let iAlt = f.raekker.first { $0["kommune"] == "I alt" }!
        let omraade = raekker.map { $0["kommune"]! }
        var forventetOmraade = Kommuner.i(.midtjylland).filter { $0 != "Silkeborg" } + ["Faaborg-Midtfyn"]
        forventetOmraade.sort()
        XCTAssertEqual(omraade.sorted(), forventetOmraade)
        for (kolonne, difference) in [("of_2021_kr", Decimal(-1)), ("of_2020_kr", Decimal(1))] {
            let total = try iAlt.tal(kolonne)
            let noegle = Fordelingsnoegle(raekker: try raekker.map { .init(kommune: $0["kommune"]!, grundlag: try $0.tal(kolonne)) })
            XCTAssertEqual(noegle.iAlt - total, difference, kolonne)
            let r = try Fordeling.fordel(beloeb: total, noegle: noegle, daekningsomraade: omraade)
            XCTAssertEqual(r.sumAfRaekker, total)
            for (raekke, k) in zip(r.raekker, raekker) {
                XCTAssertLessThanOrEqual(abs((raekke.beloeb - (try k.tal(kolonne))).tilDouble), 1)
            }
            // With the region as coverage area the key is refused: Faaborg-Midtfyn is outside, Silkeborg missing.
            let fejl = valideringsfejl { _ = try Fordeling.fordel(beloeb: total, noegle: noegle, daekningsomraade: Kommuner.i(.midtjylland)) }
            XCTAssertEqual(fejl.map(\.felt), ["raekker[1].kommune", "raekker"])
        }
        // 2021 budget: objektiv finansiering 30,4 mio. (001:203) = plejefamilieafdelingen.
        XCTAssertEqual(afrundet(try iAlt.tal("of_2021_kr") / 1_000_000, decimaler: 1), d("30.4"))
    }

    // MARK: Budget lines, dimensionering, carry-forward, derived takst

    func testBudgetlinjerDimensioneringOverfoerselOgUdledtGrundtakst() throws {
        let input = SocialtilsynBudgetInput(
            linjer: [SocialtilsynBudgetlinje(tekst: "Grundkurser plejefamilier", afdeling: .pleje, beloeb: 300_000),
                     SocialtilsynBudgetlinje(tekst: "Husleje", afdeling: .faelles, beloeb: 1_200_000),
                     SocialtilsynBudgetlinje(tekst: "Teknologileje og it", afdeling: .faelles, beloeb: 1_700_000)],
            dimensionering: Dimensionering(opgaver: [
                Dimensionering.Opgave(navn: "Tilsyn med tilbud", afdeling: .tilbud, timerPrOpgave: 60, antal: 251),
                Dimensionering.Opgave(navn: "Nygodkendelse af tilbud", afdeling: .tilbud, timerPrOpgave: 150, antal: 7),
                Dimensionering.Opgave(navn: "Tilsyn med plejefamilier", afdeling: .pleje, timerPrOpgave: 20, antal: 860),
                Dimensionering.Opgave(navn: "Godkendelse af plejefamilier", afdeling: .pleje, timerPrOpgave: 70, antal: 90),
            ], timerPrAarsvaerk: 1_400, loenPrAarsvaerk: 579_000),
            faellesAndelPlejefamilieafdeling: d("0.55"),
            overhead: OverheadParameter(metode: .bruttoandel, vaerdi: d("5.4")),
            overfoersler: [Resultatoverfoersel(regnskabsaar: 2022, overUnderskud: 501_980, andel: d("0.5"))])
        let r = try SocialtilsynBudget.beregn(input, budgetaar: 2024)
        let dim = try XCTUnwrap(r.dimensionering)
        XCTAssertEqual(dim.timerTilbud, 251 * 60 + 7 * 150)
        XCTAssertEqual(dim.timerPleje, 860 * 20 + 90 * 70)
        XCTAssertEqual(afrundet(dim.aarsvaerkIAlt - (dim.timerTilbud + dim.timerPleje) / 1_400, decimaler: 20), 0)
        XCTAssertEqual(r.tilbudsafdeling.drift, dim.loenTilbud + 2_900_000 * d("0.45"))
        XCTAssertEqual(r.plejefamilieafdeling.drift, dim.loenPleje + 300_000 + 2_900_000 * d("0.55"))
        let drift = r.tilbudsafdeling.drift! + r.plejefamilieafdeling.drift!
        // Half the 2022 surplus, 250.990 kr., lowers budget 2024 (004:146–149).
        XCTAssertEqual(r.reguleringer.map(\.beloeb), [-250_990])
        XCTAssertEqual(r.tilbudsafdeling.regulering + r.plejefamilieafdeling.regulering, -250_990)
        XCTAssertEqual(afrundet(r.iAlt - (drift / (1 - d("0.054")) - 250_990), decimaler: 20), 0)

        // The 1–7 takst derived from the tilbudsafdeling's budget reconciles with the budget up to rounding.
        let tal = [Decimal(150), 70, 25, 6]
        let t = try Tilsynstakster.beregn(Tilsynstakstparametre(udledning: Takstudledning(tilbudPrKategori: tal, andreIndtaegter: 1_000_000)),
                                          tilbudsbudget: r.tilbudsafdeling.budget)
        let u = try XCTUnwrap(t.udledning)
        XCTAssertEqual(u.vaegtedeTilbud, 150 + 84 + 50 + 18)
        XCTAssertEqual(afrundet(u.grundtakstUafrundet * u.vaegtedeTilbud + 1_000_000 - r.tilbudsafdeling.budget, decimaler: 20), 0)
        XCTAssertLessThanOrEqual(abs(u.afrundingsdifference.tilDouble), (150 + 70 + 25 + 6) * 0.5)

        // Refusals.
        var forkert = input
        forkert.overfoersler = [Resultatoverfoersel(regnskabsaar: 2021, overUnderskud: 1_085_000)]
        let fejl = valideringsfejl { _ = try SocialtilsynBudget.beregn(forkert, budgetaar: 2024) }
        XCTAssertEqual(fejl.map(\.felt), ["budget.overfoersler[1].regnskabsaar"])
        XCTAssertTrue(fejl[0].besked.hasPrefix("resultatet for 2021 indregnes i budget 2023, ikke 2024"), fejl[0].besked)
        var begge = input
        begge.tilbudsafdeling = 1
        XCTAssertEqual(valideringsfejl { _ = try SocialtilsynBudget.beregn(begge, budgetaar: 2024) }.map(\.felt), ["budget"])
        var udenAndel = input
        udenAndel.faellesAndelPlejefamilieafdeling = nil
        XCTAssertEqual(valideringsfejl { _ = try SocialtilsynBudget.beregn(udenAndel, budgetaar: 2024) }.map(\.felt),
                       ["budget.faellesAndelPlejefamilieafdeling"])
    }

    func testJSONFejlNavngiverFeltetPaaDansk() throws {
        var json = try XCTUnwrap(String(data: Eksempelfiler.data("socialtilsyn_nord_2024"), encoding: .utf8))
        json = json.replacingOccurrences(of: "\"budgetaar\": 2024", with: "\"budgetaar\": \"2024\"")
        XCTAssertEqual(valideringsfejl { _ = try Socialtilsyn.beregn(json: Data(json.utf8)) },
                       [Valideringsfejl(felt: "budgetaar", besked: "forkert type — forventede et helt tal")])
        let mangler = #"{"navn": "X", "budgetaar": 2024, "budget": {}, "takster": {}, "objektivFinansiering": {}}"#
        XCTAssertEqual(valideringsfejl { _ = try Socialtilsyn.beregn(json: Data(mangler.utf8)) },
                       [Valideringsfejl(felt: "antal", besked: "feltet mangler")])
        XCTAssertEqual(valideringsfejl { _ = try Socialtilsyn.beregn(json: Data("{".utf8)) }.map(\.felt), ["json"])
        // An unknown kommune in the example's key is refused with the row named.
        var input = try Eksempelfiler.dekod(SocialtilsynInput.self, "socialtilsyn_nord_2024")
        input.objektivFinansiering.noegle!.raekker[0].kommune = "Hjørring"
        let fejl = valideringsfejl { _ = try Socialtilsyn.beregn(input) }
        XCTAssertEqual(fejl.first?.felt, "objektivFinansiering.noegle.raekker[1].kommune")
    }
}
