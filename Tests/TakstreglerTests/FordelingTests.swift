import Filformater
import XCTest
@testable import Takstregler

final class FordelingTests: XCTestCase {
    // MARK: Socialtilsyn Nord, objektiv finansiering 2023 and 2024 (004:361–413)

    private func nordNoegle(_ kolonne: String) throws -> (Fordelingsnoegle, [String: Decimal], Decimal) {
        let f = try FixtureCSV("socialtilsyn_nord_objektiv_finansiering_2023_2024")
        let beloebKolonne = kolonne == "antal_0_17_q2_2022" ? "of_2023_kr_2024priser" : "of_2024_kr"
        let total = try f.raekker.first { $0["kommune"] == "I alt" }!.tal(beloebKolonne)
        let raekker = f.raekker.filter { $0["kommune"] != "I alt" }
        let noegle = Fordelingsnoegle(navn: kolonne, raekker: try raekker.map { .init(kommune: $0["kommune"]!, grundlag: try $0.tal(kolonne)) })
        var trykt: [String: Decimal] = [:]
        for r in raekker { trykt[r["kommune"]!] = try r.tal(beloebKolonne) }
        XCTAssertEqual(noegle.iAlt, try f.raekker.first { $0["kommune"] == "I alt" }!.tal(kolonne), "the counts add up to the printed total")
        return (noegle, trykt, total)
    }

    func testNordObjektivFinansieringHverRaekkeTilKronenMedNaiv() throws {
        for kolonne in ["antal_0_17_q2_2022", "antal_0_17_q2_2023"] {
            let (noegle, trykt, total) = try nordNoegle(kolonne)
            let r = try Fordeling.fordel(beloeb: total, noegle: noegle, afrunding: .naiv)
            XCTAssertEqual(r.raekker.count, 11)
            for raekke in r.raekker {
                XCTAssertEqual(raekke.beloeb, trykt[raekke.kommune], "\(kolonne) \(raekke.kommune)")
            }
            // The published rows of 2024 miss their total by 1 kr (independent rounding).
            XCTAssertEqual(r.sumAfRaekker, trykt.values.reduce(0, +))
        }
        let (noegle, _, total) = try nordNoegle("antal_0_17_q2_2023")
        XCTAssertEqual(try Fordeling.fordel(beloeb: total, noegle: noegle, afrunding: .naiv).difference, -1)
    }

    func testNordObjektivFinansieringStoersteRestGiverTotalenPraecist() throws {
        for kolonne in ["antal_0_17_q2_2022", "antal_0_17_q2_2023"] {
            let (noegle, trykt, total) = try nordNoegle(kolonne)
            let r = try Fordeling.fordel(beloeb: total, noegle: noegle) // default policy
            XCTAssertEqual(r.afrunding, .stoersteRest)
            XCTAssertEqual(r.sumAfRaekker, total, kolonne)
            XCTAssertEqual(r.difference, 0)
            for raekke in r.raekker {
                let afvigelse = raekke.beloeb - trykt[raekke.kommune]!
                XCTAssertLessThanOrEqual(abs(afvigelse.tilDouble), 1, "\(kolonne) \(raekke.kommune)")
                XCTAssertLessThan(abs((raekke.beloeb - raekke.beloebUafrundet).tilDouble), 1)
            }
        }
        let (noegle, _, total) = try nordNoegle("antal_0_17_q2_2023")
        XCTAssertEqual(total, 19_156_058)
        XCTAssertEqual(try Fordeling.fordel(beloeb: total, noegle: noegle, afrunding: .stoersteRest).sumAfRaekker, 19_156_058)
    }

    // MARK: Self-harm start-up deficit (003:3212–3292): 2 keys × 3 scenarios × 11 kommuner = 66 cells

    func testSelvskadeAlle66CellerTilKronenMedNaiv() throws {
        let f = try FixtureCSV("selvskade_underskud_fordeling")
        var celler = 0
        for noeglenavn in ["befolkning", "unge_14_23"] {
            let raekker = f.raekker.filter { $0["noegle"] == noeglenavn && $0["kommune"] != "I alt" }
            let iAlt = f.raekker.first { $0["noegle"] == noeglenavn && $0["kommune"] == "I alt" }!
            let noegle = Fordelingsnoegle(navn: noeglenavn, raekker: try raekker.map { .init(kommune: $0["kommune"]!, grundlag: try $0.tal("grundlag")) })
            XCTAssertEqual(noegle.iAlt, try iAlt.tal("grundlag"))
            for s in ["s1_kr", "s2_kr", "s3_kr"] {
                let r = try Fordeling.fordel(beloeb: try iAlt.tal(s), noegle: noegle, afrunding: .naiv)
                for (raekke, kilde) in zip(r.raekker, raekker) {
                    XCTAssertEqual(raekke.beloeb, try kilde.tal(s), "\(noeglenavn) \(s) \(raekke.kommune)")
                    // The printed percentage is the share rounded to two decimals.
                    XCTAssertEqual(afrundet(raekke.andel * 100, decimaler: 2), try kilde.tal("andel_pct"))
                    celler += 1
                }
                let stoersteRest = try Fordeling.fordel(beloeb: try iAlt.tal(s), noegle: noegle)
                XCTAssertEqual(stoersteRest.sumAfRaekker, try iAlt.tal(s))
            }
        }
        XCTAssertEqual(celler, 66)
    }

    // MARK: Largest remainder

    func testStoersteRestEgenskaber() throws {
        let tre = Fordelingsnoegle([("Aalborg", 1), ("Rebild", 1), ("Morsø", 1)])
        XCTAssertEqual(try Fordeling.fordel(beloeb: 100, noegle: tre).raekker.map(\.beloeb), [34, 33, 33])
        XCTAssertEqual(try Fordeling.fordel(beloeb: 100, noegle: tre, afrunding: .naiv).raekker.map(\.beloeb), [33, 33, 33])
        // A surplus paid back is split the same way.
        XCTAssertEqual(try Fordeling.fordel(beloeb: -100, noegle: tre).raekker.map(\.beloeb), [-34, -33, -33])
        // Ties go to the larger share, and a row with nothing gets nothing.
        let skaev = Fordelingsnoegle([("Aalborg", 1), ("Rebild", 3), ("Læsø", 0)])
        XCTAssertEqual(try Fordeling.fordel(beloeb: 2, noegle: skaev).raekker.map(\.beloeb), [0, 2, 0])
        XCTAssertEqual(try Fordeling.fordel(beloeb: 10, noegle: skaev).raekker.map(\.beloeb), [2, 8, 0])
        // A total with øre: the rows add up to the total rounded to kroner.
        let r = try Fordeling.fordel(beloeb: d("1000.6"), noegle: tre)
        XCTAssertEqual(r.sumAfRaekker, 1001)
        XCTAssertEqual(afrundet(r.raekker.map(\.andel).reduce(0, +), decimaler: 30), 1)
    }

    // MARK: Validation

    func testNoeglenAfvisesMedDanskBeskedOmRaekkeOgFelt() throws {
        let nord = ["Silkeborg", "Brønderslev", "Frederikshavn", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg"]
        var raekker = nord.map { Fordelingsnoegle.Raekke(kommune: $0, grundlag: 100) }

        // Unknown kommune relative to the coverage list (Hjørring is Nordjylland, but not Nord's area).
        raekker[0] = .init(kommune: "Hjørring", grundlag: 100)
        var fejl = valideringsfejl { _ = try Fordeling.fordel(beloeb: 1000, noegle: Fordelingsnoegle(raekker: raekker), daekningsomraade: nord) }
        XCTAssertEqual(fejl.map(\.felt), ["raekker[1].kommune", "raekker"])
        XCTAssertTrue(fejl[0].besked.hasPrefix("række 1: 'Hjørring' er ikke en kommune i dækningsområdet"), fejl[0].besked)
        XCTAssertEqual(fejl[1].besked, "Silkeborg hører til dækningsområdet, men mangler i fordelingsnøglen")

        // Negative count.
        raekker = nord.map { .init(kommune: $0, grundlag: 100) }
        raekker[4].grundlag = -225
        fejl = valideringsfejl { _ = try Fordeling.fordel(beloeb: 1000, noegle: Fordelingsnoegle(raekker: raekker), daekningsomraade: nord) }
        XCTAssertEqual(fejl, [Valideringsfejl(felt: "raekker[5].grundlag", besked: "række 5 (Læsø): grundlaget må ikke være negativt (fik -225)")])

        // Zero total.
        fejl = valideringsfejl { _ = try Fordeling.fordel(beloeb: 1000, noegle: Fordelingsnoegle([("Aalborg", 0), ("Rebild", 0)])) }
        XCTAssertEqual(fejl, [Valideringsfejl(felt: "raekker", besked: "fordelingsnøglens grundlag er 0 i alt — der er intet at fordele efter")])

        // Duplicate, also when written differently.
        fejl = valideringsfejl { _ = try Fordeling.fordel(beloeb: 1000, noegle: Fordelingsnoegle([("Aarhus", 5), ("Favrskov", 2), ("Aarhus Kommune", 5)])) }
        XCTAssertEqual(fejl, [Valideringsfejl(felt: "raekker[3].kommune", besked: "række 3: Aarhus Kommune står allerede i række 1 — hver kommune må kun optræde én gang")])

        // Empty name, and several problems at once.
        fejl = valideringsfejl { _ = try Fordeling.fordel(beloeb: 1000, noegle: Fordelingsnoegle([("Aalborg", 5), (" ", 2), ("Rebild", -1)])) }
        XCTAssertEqual(fejl.map(\.felt), ["raekker[2].kommune", "raekker[3].grundlag"])
        XCTAssertEqual(fejl[0].besked, "række 2: kommunenavnet er tomt")

        XCTAssertEqual(valideringsfejl { _ = try Fordeling.fordel(beloeb: 1, noegle: Fordelingsnoegle(raekker: [])) }.map(\.besked),
                       ["fordelingsnøglen har ingen rækker"])
    }

    func testKommunenavneGenkendes() {
        XCTAssertEqual(Kommuner.alle.count, 98)
        XCTAssertEqual(Set(Kommuner.alle).count, 98)
        XCTAssertEqual(Kommuner.normaliseret("Frederikshavns Kommune"), "Frederikshavn")
        XCTAssertEqual(Kommuner.normaliseret("Vesthimmerlands Kommune"), "Vesthimmerland")
        XCTAssertEqual(Kommuner.normaliseret("Aarhus Kommune"), "Aarhus")
        XCTAssertEqual(Kommuner.normaliseret("Århus"), "Aarhus")
        XCTAssertEqual(Kommuner.normaliseret("Nordfyns Kommune"), "Nordfyns")
        XCTAssertEqual(Kommuner.normaliseret("Københavns Kommune"), "København")
        XCTAssertEqual(Kommuner.normaliseret("Beboer A"), "Beboer A")
        XCTAssertTrue(Kommuner.erKendt("Faaborg-Midtfyn"))
        XCTAssertFalse(Kommuner.erKendt("Øvrige"))
    }

    // MARK: Mixed components and caps

    func testUngementorKombinationsnoegleGiverDeSyvTotalerTilKronen() throws {
        let f = try FixtureCSV("ungementor_kombinationsmodel")
        let deltagere = f.raekker.filter { !($0["andel_pct"] ?? "").isEmpty }
        XCTAssertEqual(deltagere.count, 7)
        let samlet = try f.raekker.first { $0["kommune"] == "Samlet" }!.tal("samlet_kr")
        let r = try Fordeling.fordelSammensat(beloeb: samlet, komponenter: [
            Fordelingskomponent(navn: "15-29-årige", andel: d("0.5"),
                                noegle: Fordelingsnoegle(raekker: try deltagere.map { .init(kommune: $0["kommune"]!, grundlag: try $0.tal("andel_pct")) })),
            Fordelingskomponent(navn: "forløb 2019", andel: d("0.5"),
                                noegle: Fordelingsnoegle(raekker: try deltagere.map { .init(kommune: $0["kommune"]!, grundlag: try $0.tal("forloeb_2019")) })),
        ], afrunding: .naiv)
        for (raekke, kilde) in zip(r.raekker, deltagere) {
            XCTAssertEqual(raekke.kommune, kilde["kommune"])
            XCTAssertEqual(raekke.beloeb, try kilde.tal("samlet_kr"), raekke.kommune)
            XCTAssertEqual(raekke.komponenter[0], try kilde.tal("fast_del_kr"), raekke.kommune)
        }
        XCTAssertEqual(r.sumAfRaekker, samlet)
        // With largest remainder the seven totals add up to 675.000 too.
        let stoersteRest = try Fordeling.fordelSammensat(beloeb: samlet, komponenter: r.komponenter.enumerated().map { i, k in
            Fordelingskomponent(navn: "\(i)", andel: d("0.5"), noegle: Fordelingsnoegle(raekker: k.raekker.map { .init(kommune: $0.kommune, grundlag: $0.grundlag) }))
        })
        XCTAssertEqual(stoersteRest.sumAfRaekker, samlet)
        XCTAssertEqual(valideringsfejl { _ = try Fordeling.fordelSammensat(beloeb: 1, komponenter: [
            Fordelingskomponent(navn: "a", andel: d("0.5"), noegle: Fordelingsnoegle([("Aalborg", 1)])),
            Fordelingskomponent(navn: "b", andel: d("0.4"), noegle: Fordelingsnoegle([("Aalborg", 1)])),
        ]) }.map(\.felt), ["komponenter"])
    }

    func testUnderskudsdelingLoftOgAndele() {
        let garanti = Underskudsdeling.underskudsgarantiOesterskoven
        // Below the first amount the region pays everything.
        XCTAssertEqual(garanti.del(400_000).region, 400_000)
        XCTAssertEqual(garanti.del(400_000).kommuner, 0)
        // 1,2 mio.: region 500.000 + 25 % × 700.000 = 675.000; kommuner 75 % × 700.000 = 525.000.
        XCTAssertEqual(garanti.del(1_200_000).region, 675_000)
        XCTAssertEqual(garanti.del(1_200_000).kommuner, 525_000)
        XCTAssertEqual(garanti.del(-50_000).kommuner, 0)
        // Start-up deficit, scenario 1 of 003:3215–3227: 5,7 mio. → region 1,425, kommuner 4,275.
        let opstart = Underskudsdeling.opstartSelvskade.del(5_700_000)
        XCTAssertEqual(opstart.region, 1_425_000)
        XCTAssertEqual(opstart.kommuner, 4_275_000)
    }
}

extension FordelingTests {
    /// A key file with an unknown kommune, a negative count, text, a duplicate or a zero total is
    /// refused with the file, row and column named.
    func testNoeglefilAfvisesMedTydeligBesked() throws {
        let god = try Fordelingsnoegle.fortolkCSV("kommune;grundlag\nAalborg;10\nRebild;30\n", fil: "n.csv")
        XCTAssertEqual(god.iAlt, 40)
        XCTAssertEqual(try Fordeling.fordel(beloeb: 100, noegle: god).raekker.map(\.beloeb), [25, 75])
        let tilfaelde: [(String, String)] = [
            ("kommune;grundlag\nAalborg;10\nNarnia;5\n", "n.csv, række 3, kolonne 'kommune': 'Narnia' er ikke en af landets 98 kommuner"),
            ("kommune;grundlag\nAalborg;-1\n", "n.csv, række 2, kolonne 'grundlag': grundlaget må ikke være negativt (fik -1)"),
            ("kommune;grundlag\nAalborg;mange\n", "n.csv, række 2, kolonne 'grundlag': 'mange' er ikke et tal"),
            ("kommune;grundlag\nAalborg;1\nAalborg Kommune;2\n", "n.csv, række 3, kolonne 'kommune': Aalborg Kommune står også i række 2"),
            ("kommune;grundlag\nAalborg;0\nRebild;0\n", "n.csv, kolonne 'grundlag': grundlaget er 0 i alt"),
            ("kommune;antal_personer\nAalborg;1\n", "n.csv, række 1, kolonne 'antal_personer': ukendt kolonne"),
        ]
        for (tekst, besked) in tilfaelde {
            let fejl = importfejl { _ = try Fordelingsnoegle.fortolkCSV(tekst, fil: "n.csv") }
            XCTAssertTrue(fejl.contains { $0.description.hasPrefix(besked) }, "\(besked) ikke i \(fejl)")
        }
    }
}
