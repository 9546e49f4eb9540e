@testable import Web
import Filformater
import FluentKit
import Foundation
import Lager
import Takstregler
import XCTVapor

/// Issue "Nøgletal" 1–4 as a user runs them: import, placering, overhead, the socialtilsyn
/// comparison; the page per group and the secretariat's correction.
final class NoegletalKommandoTests: XCTestCase {
    let cli = Takstfilprogram()

    func fixtur(_ navn: String) -> String {
        Bundle.module.url(forResource: "Fixtures/noegletal/\(navn)", withExtension: "csv")!.path
    }

    func midlertidig(_ navn: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(navn)").path
    }

    func testImportOgPlacering() throws {
        let db = midlertidig("n.sqlite")
        defer { try? FileManager.default.removeItem(atPath: db) }
        let imp = try cli.koer(["noegletal", "import", fixtur("noegletal_nord_2022"), "--db", db])
        XCTAssertEqual(imp.kode, 0, imp.fejl)
        XCTAssertTrue(imp.ud.contains("21 nye"), imp.ud)
        let igen = try cli.koer(["noegletal", "import", fixtur("noegletal_nord_2022"), "--db", db])
        XCTAssertTrue(igen.ud.contains("21 uændrede"), igen.ud)
        let k = try cli.koer(["noegletal", "placering", "--region", "Nordjylland", "--format", "json", "--db", db])
        XCTAssertEqual(k.kode, 0, k.fejl)
        let g = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [[String: Any]], k.ud)
        XCTAssertEqual(g.map { $0["gruppe"] as? String }, ["voksen", "0-17"])
        XCTAssertEqual(g.map { ($0["antal"] as? NSNumber)?.intValue }, [13, 8])
        XCTAssertEqual(g.map { ($0["top2"] as? NSNumber)?.intValue }, [10, 4])
        let voksen = try XCTUnwrap(g[0]["indikatorer"] as? [[String: Any]])
        XCTAssertEqual(voksen.count, 13)
        XCTAssertEqual(voksen.filter { (($0["placering"] as? NSNumber)?.intValue ?? 9) <= 2 }.count, 10)
        XCTAssertEqual(voksen.first?["indikator"] as? String, "Samlede udgifter pr. 18-66 årig")
        XCTAssertEqual((voksen.first?["placering"] as? NSNumber)?.intValue, 2)

        // Long shape: values of known indicators; an unknown one stops the file.
        let lang = midlertidig("lang.csv")
        defer { try? FileManager.default.removeItem(atPath: lang) }
        try "indikator;region;aar;vaerdi\nAndel 18-66 årige;Nordjylland;2022;70\nFindes ikke;Nordjylland;2022;1\n".write(toFile: lang, atomically: true, encoding: .utf8)
        let afvist = try cli.koer(["noegletal", "import", lang, "--db", db])
        XCTAssertEqual(afvist.kode, 1)
        XCTAssertTrue(afvist.fejl.contains("række 3, kolonne 'indikator': ukendt indikator 'Findes ikke'"), afvist.fejl)
        try "indikator;region;aar;vaerdi\nAndel 18-66 årige;Nordjylland;2022;70\n".write(toFile: lang, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.koer(["noegletal", "import", lang, "--db", db]).kode, 0)
        let efter = try cli.koer(["noegletal", "placering", "--region", "Nordjylland", "--format", "json", "--db", db])
        XCTAssertTrue(efter.ud.contains("\"top2\":11") || efter.ud.contains("\"top2\": 11"), "70 % er nu højest: \(efter.ud.prefix(300))")

        let ukendt = try cli.koer(["noegletal", "placering", "--region", "Grønland", "--db", db])
        XCTAssertEqual(ukendt.kode, 1)
        XCTAssertTrue(ukendt.fejl.contains("ingen nøgletal for 'Grønland'"), ukendt.fejl)
        let daarlig = midlertidig("d.csv")
        defer { try? FileManager.default.removeItem(atPath: daarlig) }
        try "gruppe;indikator;enhed;aar;retning;nord;syd\nvoksen;X;kr.;2022;op;1;abc\n".write(toFile: daarlig, atomically: true, encoding: .utf8)
        let d = try cli.koer(["noegletal", "import", daarlig, "--db", db])
        XCTAssertEqual(d.kode, 1)
        XCTAssertTrue(d.fejl.contains("række 2, kolonne 'retning': ukendt retning 'op'"), d.fejl)
        XCTAssertTrue(d.fejl.contains("række 2, kolonne 'syd'"), d.fejl)
    }

    func testOverheadOgTilsyn() throws {
        let k = try cli.koer(["noegletal", "overhead", fixtur("overhead_nord_2024"), "--format", "json"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        let j = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(k.ud.utf8)) as? [String: Any], k.ud)
        XCTAssertEqual((j["gennemsnit"] as? NSNumber)?.decimalValue, Decimal(string: "6.87"))
        XCTAssertEqual((j["min"] as? NSNumber)?.decimalValue, Decimal(string: "4.1"))
        XCTAssertEqual((j["max"] as? NSNumber)?.decimalValue, Decimal(string: "17.3"))
        XCTAssertEqual((j["antal"] as? NSNumber)?.intValue, 11)
        XCTAssertEqual((j["ikke_oplyst"] as? NSNumber)?.intValue, 2)
        XCTAssertTrue(k.fejl.contains("Afstemning: trykt gennemsnit 6,87, beregnet 6,87 — stemmer"), k.fejl)

        let fil = midlertidig("tilsyn.csv")
        defer { try? FileManager.default.removeItem(atPath: fil) }
        try """
        socialtilsyn;tilsyn_1_7;vaesentlig_aendring
        Socialtilsyn Midt;35707;6464
        Socialtilsyn Nord;34000;9000
        Socialtilsyn Syd;34100;9000
        Socialtilsyn Hovedstaden;34483;9000
        Socialtilsyn Øst;34500;9001
        """.write(toFile: fil, atomically: true, encoding: .utf8)
        let t = try cli.koer(["noegletal", "tilsyn", fil, "--format", "csv"])
        XCTAssertEqual(t.kode, 0, t.fejl)
        XCTAssertTrue(t.ud.contains("tilsyn_1_7;34558;"), t.ud)
        XCTAssertTrue(t.ud.contains("vaesentlig_aendring;8493;"), t.ud)
        let linjer = t.ud.split(whereSeparator: \.isNewline).map(String.init)
        guard linjer.count == 3 else { return XCTFail(t.ud) }
        let hoved = linjer[0].split(separator: ";").map(String.init)
        let midt = try XCTUnwrap(hoved.firstIndex(of: "afvigelse_pct_Socialtilsyn Midt"))
        XCTAssertEqual(linjer[1].split(separator: ";", omittingEmptySubsequences: false)[midt], "3,3")
        XCTAssertEqual(linjer[2].split(separator: ";", omittingEmptySubsequences: false)[midt], "-23,9")
    }

    func testSidenOgRettelse() async throws {
        let m = try await Webtestmiljoe()
        do {
            guard case .katalog(let k) = try Noegletalsfil.laes(fil: "n.csv", tekst: try String(contentsOfFile: fixtur("noegletal_nord_2022"), encoding: .utf8)) else {
                return XCTFail()
            }
            try await m.lager.importerNoegletal(.katalog(k), fil: "n.csv", af: "test")
            let html = try await m.app.sendRequest(.GET, "/noegletal?gruppe=voksen&region=Nordjylland").body.string
            XCTAssertTrue(html.contains("Nordjylland har højeste eller næsthøjeste placering i 10 af 13 indikatorer (voksen)."), html)
            XCTAssertTrue(html.contains("<svg"), "et diagram pr. indikator")
            let csv = try await m.app.sendRequest(.GET, "/noegletal?gruppe=0-17&region=Nordjylland&format=csv").body.string
            XCTAssertTrue(csv.contains("placering_Nordjylland"), csv)
            let d = try await m.logInd("jammerbugt@test.dk")
            let forbudt = try await d.post("/sekretariat/noegletal", ["indikator": "Andel 18-66 årige|2022", "region_ret": "Nordjylland", "vaerdi": "70"])
            XCTAssertEqual(forbudt.status, .forbidden)
            let s = try await m.logInd("sekretariat@test.dk")
            let fejl = try await s.post("/sekretariat/noegletal", ["indikator": "Andel 18-66 årige|2022", "region_ret": "Nordjylland", "vaerdi": "mange"])
            XCTAssertEqual(fejl.status, .unprocessableEntity)
            let ok = try await s.post("/sekretariat/noegletal", ["indikator": "Andel 18-66 årige|2022", "region_ret": "Nordjylland", "vaerdi": "70", "gruppe": "voksen"])
            XCTAssertEqual(ok.status, .seeOther, ok.body.string)
            // The chosen region's column is highlighted.
            let fremhaevet = try await s.get("/noegletal?gruppe=voksen&region=Nordjylland").body.string
            XCTAssertTrue(fremhaevet.contains("<th scope=\"col\" class=\"tal fremhaevet\">Nordjylland</th>"), fremhaevet)
            // Import on the web: a bad cell stops the file and names it; a good one is added.
            let daarlig = try await s.post("/sekretariat/noegletal/import", ["csv": "indikator;region;aar;vaerdi\nFindes ikke;Nordjylland;2022;1\n"])
            XCTAssertEqual(daarlig.status, .unprocessableEntity)
            XCTAssertTrue(daarlig.body.string.contains("ukendt indikator"), daarlig.body.string)
            let god = try await s.post("/sekretariat/noegletal/import", ["csv": "indikator;region;aar;vaerdi\nAndel 18-66 årige;Syddanmark;2022;61\n"])
            XCTAssertEqual(god.status, .seeOther, god.body.string)
            let ny = try await m.lager.indikatorer(aar: "2022").first { $0.navn == "Andel 18-66 årige" }
            XCTAssertEqual(ny?.vaerdier["Syddanmark"], 61)
            XCTAssertEqual(ny?.vaerdier["Nordjylland"], 70)
            let log = try await Haendelsesmodel.query(on: m.app.db).filter(\.$entitet == "indikator").filter(\.$handling == "ret").count()
            XCTAssertEqual(log, 2, "rettelsen og importen")
        } catch {
            try await m.luk()
            throw error
        }
        try await m.luk()
    }

    /// The comparison across regions: each region's figures and the tilbud behind them.
    func testSammenligningPaaTvaersAfRegioner() async throws {
        let m = try await Webtestmiljoe()
        do {
            try await m.lager.opretOrganisation(Organisation(navn: "Region Midtjylland", art: .region, region: "Midtjylland"), af: "test")
            let id = try await m.lager.opretTilbud(Tilbud(navn: "Bostedet Midt", driftsherre: "Region Midtjylland", paragraf: "107, 108",
                                                          maalgruppe: .psykiskHandicap), af: "test")
            let n = try await m.lager.gemTakstniveau(tilbudID: id, niveau: m.niveau("Takst 1", aar: 2021, omkostninger: 700_000, afrunding: .oere), af: "test")
            try await m.lager.skiftStatus(niveauID: n.id, til: .indsendt, af: "test")
            try await m.lager.skiftStatus(niveauID: n.id, til: .godkendt, af: "test", beslutning: Beslutning(organ: "FU", dato: "2021-01-29", punkt: "3", tekst: "FU"))
            try await m.lager.offentliggoerNiveau(n.id, af: "test")
            let oversigt = try await m.app.sendRequest(.GET, "/sammenligning?aar=2021").body.string
            XCTAssertTrue(oversigt.contains("Personer med psykisk handicap inkl. autister"), oversigt)
            XCTAssertTrue(oversigt.contains("Midtjylland"), oversigt)
            XCTAssertTrue(oversigt.contains("Nordjylland"), oversigt)
            let en = try await m.app.sendRequest(.GET, "/sammenligning?aar=2021&paragraf=107&type=doegn").body.string
            XCTAssertTrue(en.contains("<svg"), en)
            XCTAssertTrue(en.contains("/tilbud/\(id)?aar=2021"), "linket til tilbuddet bag tallet")
            XCTAssertTrue(en.contains("/tilbud/\(m.toftehoej!)?aar=2021"))
            let csv = try await m.app.sendRequest(.GET, "/sammenligning?aar=2021&paragraf=108&format=csv").body.string
            let linjer = csv.split(whereSeparator: \.isNewline)
            XCTAssertEqual(linjer.count, 3, csv)
            XCTAssertTrue(csv.contains(";108;døgn;døgntakst;Midtjylland;1;1;"), csv)
            let daarlig = try await m.app.sendRequest(.GET, "/sammenligning?aar=1700")
            XCTAssertEqual(daarlig.status, .badRequest)
        } catch {
            try await m.luk()
            throw error
        }
        try await m.luk()
    }

    /// The projection page: table, chart, CSV; a bad rate is named.
    func testFremskrivningssiden() async throws {
        let m = try await Webtestmiljoe()
        do {
            try await m.lager.importerBefolkning((0...30).map { Befolkningsraekke(kommune: "Aalborg", alder: $0, kvartal: "2023K2", antal: 100) },
                                                 fil: "folk1a.csv", af: "test")
            let html = try await m.app.sendRequest(.GET, "/noegletal/fremskrivning?alder=18-30&kvartal=2023K2&rate=2,5").body.string
            XCTAssertTrue(html.contains("<svg"), html)
            XCTAssertTrue(html.contains("Scenarie +20 %"), html)
            let csv = try await m.app.sendRequest(.GET, "/noegletal/fremskrivning?alder=18-30&kvartal=2023K2&rate=2,5&format=csv").body.string
            XCTAssertTrue(csv.contains("Aalborg;1300;3,3;2,6;2,9;3,6;3,9"), csv)
            let daarlig = try await m.app.sendRequest(.GET, "/noegletal/fremskrivning?alder=18-30&kvartal=2023K2&rate=mange")
            XCTAssertEqual(daarlig.status, .unprocessableEntity)
            XCTAssertTrue(daarlig.body.string.contains("f-rate"), daarlig.body.string)
        } catch {
            try await m.luk()
            throw error
        }
        try await m.luk()
    }
}
