@testable import Demo
@testable import Kommandolinje
@testable import Web
import FluentKit
import Synchronization
import Lager
import Filformater
import Takstregler
import XCTVapor

/// The public site on the web demo: search, filters, sorting, paging and CSV of tilbudsviften;
/// the tilbud page's history chart; the ledelsesinformation and socialtilsyn pages; the API's
/// paging and its OpenAPI document; XLSX downloads; escaping.
final class OffentligeSiderTests: XCTestCase {
    var app: Application!
    var sti: String!
    let aar = Testur.aar

    /// The web demo is loaded once into a template database; each test gets its own copy.
    static let skabelon = Mutex<String?>(nil)

    static func demoskabelon() async throws -> String {
        if let s = skabelon.withLock({ $0 }) { return s }
        let s = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-offentlig-skabelon-\(UUID().uuidString).sqlite").path
        let f = try Lagerforbindelse(.sqlite(sti: s))
        try await f.migrer()
        try await Demodata.indlaesHvisTom(f.lager, af: "test", aar: Testur.aar)
        try await Webdemo.indlaes(f.lager, af: "test", aar: Testur.aar, kodeordshash: { try Kodeord.hash($0, omkostning: 4) })
        await f.luk()
        skabelon.withLock { $0 = s }
        return s
    }

    override class func tearDown() {
        if let s = skabelon.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: s) }
        skabelon.withLock { $0 = nil }
    }

    override func setUp() async throws {
        sti = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-offentlig-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: try await OffentligeSiderTests.demoskabelon(), toPath: sti)
        app = try await Application.make(.testing)
        try await configure(app, database: .sqlite(sti: sti), indstillinger: .test)
    }

    override func tearDown() async throws {
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: sti)
    }

    func hent(_ sti: String) async throws -> XCTHTTPResponse {
        try await app.sendRequest(.GET, sti)
    }

    func testFiltreSorteringSiderOgCSV() async throws {
        let alle = try await Lager(app.db).offentligTakstliste(aar: aar)
        let niveauer = alle.flatMap(\.niveauer).count
        // Filter: driftsherre + dag/døgn; every row matches, the count is right.
        let f = Tilbudsviften.Filter(aar: aar, driftsherre: "Viborg Kommune", type: "doegn", sort: "takst", faldende: true)
        let raekker = Tilbudsviften.raekker(alle, f)
        XCTAssertFalse(raekker.isEmpty)
        XCTAssertTrue(raekker.allSatisfy { $0.tilbud.driftsherre == "Viborg Kommune" && $0.tilbud.type == .doegn })
        XCTAssertEqual(raekker.map(\.takst), raekker.map(\.takst).sorted(by: >), "sorteret efter takst, faldende")
        let html = try await hent(f.url()).body.string
        XCTAssertTrue(html.contains("\(Set(raekker.map(\.tilbudID)).count) tilbud med offentliggjorte takster (filtreret)"), html)
        XCTAssertTrue(html.contains("aria-sort=\"descending\""))
        XCTAssertTrue(html.contains(Visning.kroner(raekker[0].takst, raekker[0].niveau.grundlag.afrunding)))
        // Målgruppe and SEL §.
        let mg = Tilbudsviften.raekker(alle, .init(aar: aar, maalgruppe: "forsorgshjem", paragraf: "110"))
        XCTAssertFalse(mg.isEmpty)
        XCTAssertTrue(mg.allSatisfy { $0.tilbud.maalgruppe == .forsorgshjem && Tilbudsviften.paragraffer($0.tilbud).contains("110") })
        // Every column sorts.
        for k in Tilbudsviften.kolonner {
            let s = Tilbudsviften.raekker(alle, .init(aar: aar, sort: k.noegle))
            XCTAssertEqual(s.count, niveauer, k.noegle)
            let res = try await hent(Tilbudsviften.Filter(aar: aar, sort: k.noegle, faldende: true).url())
            XCTAssertEqual(res.status, .ok, k.noegle)
        }
        let navne = Tilbudsviften.raekker(alle, .init(aar: aar, sort: "driftsherre")).map(\.tilbud.driftsherre)
        XCTAssertEqual(navne, navne.sorted(by: DanskSortering.foer) , "dansk alfabetisk (Aarhus sidst)")
        // Paging: 50 rows a page, the last page holds the rest.
        let sider = (niveauer + 49) / 50
        let sidste = try await hent("/?aar=\(aar)&side=\(sider)").body.string
        XCTAssertTrue(sidste.contains("Side \(sider) af \(sider)"))
        XCTAssertTrue(sidste.contains("viser \((sider - 1) * 50 + 1)–\(niveauer)."), sidste)
        XCTAssertTrue(sidste.contains("← Forrige side"))
        XCTAssertFalse(sidste.contains("Næste side"))
        // CSV: every filtered row, Danish Excel (;, decimal comma, BOM), same order.
        let csv = try await hent(f.url(format: "csv"))
        XCTAssertEqual(csv.headers.contentType?.description, "text/csv; charset=utf-8")
        XCTAssertEqual(csv.headers.first(name: .contentDisposition), "attachment; filename=\"takster-\(aar).csv\"")
        let linjer = csv.body.string.dropFirst().split(separator: "\r\n")
        XCTAssertEqual(linjer.first, "tilbud;driftsherre;maalgruppe;sel_paragraf;type;takstniveau;aar;version;takst_kr;enhed;pladser;belaegningsprocent;gyldig_fra;kun_nye_fra;midlertidig;demodata")
        // Pladser and belægningsprocent beside the takst, as the other regions publish them (001:8398–8414).
        let foerste = linjer[1].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(foerste[10], DanskTal.formaterKort(raekker[0].niveau.grundlag.pladser, maksDecimaler: 6))
        XCTAssertEqual(foerste[11], DanskTal.formaterKort(raekker[0].niveau.grundlag.belaegningsprocent, maksDecimaler: 6))
        let efterPladser = Tilbudsviften.raekker(alle, .init(aar: aar, sort: "pladser")).map(\.niveau.grundlag.pladser)
        XCTAssertEqual(efterPladser, efterPladser.sorted())
        let efterBelaegning = Tilbudsviften.raekker(alle, .init(aar: aar, sort: "belaegning", faldende: true)).map(\.niveau.grundlag.belaegningsprocent)
        XCTAssertEqual(efterBelaegning, efterBelaegning.sorted(by: >))
        XCTAssertTrue(html.contains(">Belægning (%)"), "the column on the page")
        XCTAssertTrue(html.contains("format=xlsx"), "an XLSX link beside the CSV link")
        XCTAssertEqual(linjer.count, raekker.count + 1)
        XCTAssertTrue(linjer[1].hasPrefix("\(raekker[0].tilbud.navn);Viborg Kommune;"), String(linjer[1]))
        XCTAssertTrue(csv.body.string.hasPrefix("\u{FEFF}"))
        // XLSX: the same rows as a workbook, read back with the project's own reader.
        let xlsx = try await hent(f.url(format: "xlsx"))
        XCTAssertEqual(xlsx.status, .ok)
        XCTAssertEqual(xlsx.headers.first(name: .contentDisposition), "attachment; filename=\"takster-\(aar).xlsx\"")
        let ark = try XLSXLaeser.laes(Data(buffer: xlsx.body), fil: "takster.xlsx")
        XCTAssertEqual(ark.count, 1)
        XCTAssertEqual(ark[0].raekker.count, raekker.count + 1)
        XCTAssertEqual(ark[0].raekker[0].celler.first, "Tilbud")
        XCTAssertEqual(ark[0].raekker[1].celler.first, raekker[0].tilbud.navn)
        let ukendt = try await hent("/?format=pdf")
        XCTAssertEqual(ukendt.status, .badRequest)
    }

    func testSoegningErEscapet() async throws {
        let ond = "\"><script>alert(1)</script>"
        let res = try await hent("/?q=" + ond.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        XCTAssertEqual(res.status, .ok)
        XCTAssertFalse(res.body.string.contains("<script>alert(1)"))
        XCTAssertTrue(res.body.string.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "søgeteksten står escapet i feltet")
        XCTAssertEqual(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'"), true)
        XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY")
    }

    func testTilbudssidenHarHistorikSomSVGOgCSV() async throws {
        let id = try await Lager(app.db).findTilbud(navn: "Toftehøj").id
        let html = try await hent("/tilbud/\(id)").body.string
        XCTAssertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(html.contains("role=\"img\""))
        XCTAssertTrue(html.contains("<title>Takst 1 2021: 891,89</title>"), "hvert punkt har sin værdi i dansk format")
        XCTAssertTrue(html.contains("Godkendt af FU 29. januar 2021"))
        let csv = try await hent("/tilbud/\(id)?format=csv").body.string
        XCTAssertTrue(csv.contains("2021;2021-01-01;;Takst 1;1;891,89;nej;døgntakst;2;95;"), csv)
        // A generated tilbud with two years: a line per level.
        let t = try await Lager(app.db).offentligTakstliste(aar: aar).first { $0.demo }!
        let g = try await hent("/tilbud/\(t.id)").body.string
        XCTAssertTrue(g.contains("<polyline"), "to år giver en linje")
        XCTAssertTrue(g.contains("Takster \(aar - 1) ("), "det forrige år kan foldes ud")
    }

    func testLedelsesinformationFemTabellerMedDiagrammerOgCSV() async throws {
        let res = try await hent("/ledelsesinformation")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        XCTAssertTrue(html.contains("Ledelsesinformation 2019"), "standard er det nyeste år med godkendte regnskaber")
        for t in ["Tabel 1. Takstudvikling på regnskab 2018–2019", "Tabel 2. Over-/underskud 2018–2019", "Tabel 3. Tillægsydelser 2018–2019",
                  "Tabel 4. Belægning pr. målgruppe 2019", "Tabel 5. Pladsoversigt 2018–2019"] {
            XCTAssertTrue(html.contains(t), t)
        }
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 4, "diagrammer til tabellerne med data")
        // Every table sits in a frame that scrolls and is reached with the keyboard (issue "Brugervenlighed" 3).
        XCTAssertEqual(html.components(separatedBy: "<table").count - 1,
                       html.components(separatedBy: "<div class=\"tabel\" role=\"region\"").count - 1)
        XCTAssertTrue(html.contains("tabindex=\"0\""))
        // Table 1 equals the storage's own computation (Viborg's row, Danish format).
        let t1 = try await Lager(app.db).takstudviklingTabel(fra: 2018, til: 2019, kunGodkendte: true)
        let viborg = try XCTUnwrap(t1.first { $0.driftsherre == "Viborg Kommune" })
        XCTAssertTrue(html.contains(DanskTal.formater(viborg.udviklingPct!, decimaler: 2)), "takstudvikling i dansk format")
        let csv = try await hent("/ledelsesinformation?aar=2019&tabel=takstudvikling&format=csv").body.string
        XCTAssertTrue(csv.dropFirst().hasPrefix("driftsherre;belaegning_fra;regnskab_fra_kr"), csv)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, t1.count + 1)
        // Tables 2 and 3 carry the demo's published rows (001:8936–9052): their sums, not zeros.
        let t2 = try await hent("/ledelsesinformation?aar=2019&tabel=over_underskud&format=csv").body.string
        XCTAssertTrue(t2.contains("I alt;-45859000;-42482000"), t2)
        let t3 = try await hent("/ledelsesinformation?aar=2019&tabel=tillaegsydelser&format=csv").body.string
        XCTAssertTrue(t3.contains("I alt;293945000;308397000"), t3)
        let alle = try await hent("/ledelsesinformation?aar=2019&format=csv").body.string
        XCTAssertTrue(alle.contains("Tabel 5. Pladsoversigt 2018–2019"))
        // Tabel 4 has the demo's quarterly belægning.
        XCTAssertTrue(html.contains("Samlet belægning pr. målgruppe 2019"))
        // A visitor who is not signed in gets the kept page until the next write: the same bytes.
        let igen = try await hent("/ledelsesinformation").body.string
        XCTAssertEqual(igen, html)

        // A table without rows for the year says so, with no empty table, chart or download under it.
        let nord = try await hent("/ledelsesinformation?aar=2019&region=Nordjylland").body.string
        let dele = nord.components(separatedBy: "<section").dropFirst()
        XCTAssertEqual(dele.count, 5, nord)
        let tomme = dele.filter { $0.contains("Der er ingen data til denne tabel for 2019.") }
        XCTAssertEqual(tomme.count, 5, "the demo has no approved regnskab for Nordjylland in 2019")
        for d in tomme {
            XCTAssertFalse(d.contains("<table"), String(d))
            XCTAssertFalse(d.contains("<svg"), String(d))
            XCTAssertFalse(d.contains("format=csv"), String(d))
        }
        // Nor the downloads of all five at the top: they would be files of headers only.
        XCTAssertFalse(nord.contains("Hent alle fem tabeller"), nord)
        XCTAssertFalse(nord.contains("format=csv") || nord.contains("format=xlsx"), nord)
        XCTAssertTrue(html.contains("Hent alle fem tabeller som CSV"))
        // The totals are marked as such (one rule for a table's "I alt" row, `Tabelvisning.sumraekke`).
        XCTAssertTrue(html.contains("<tr class=\"sum\"><th scope=\"row\">I alt</th>"), html)
        // The year's page for all regions has rows in every table: each shows its table and downloads.
        let alleDele = html.components(separatedBy: "<section").dropFirst()
        XCTAssertEqual(alleDele.count, 5)
        for d in alleDele {
            XCTAssertFalse(d.contains("Der er ingen data"), String(d.prefix(300)))
            XCTAssertTrue(d.contains("<table") && d.contains("format=csv"), String(d.prefix(300)))
        }

        // Only approved regnskaber count on the public page: a draft changes nothing.
        let foer = try await hent("/ledelsesinformation?aar=2019&tabel=takstudvikling&format=csv").body.string
        let tilbud = try await Lager(app.db).egneTilbud(organisation: "Viborg Kommune").first!
        let l = Lager(app.db)
        // 2019 is published for that tilbud; a 2020 draft must not appear for 2020.
        try await l.gemRegnskab(tilbudID: tilbud.id, Regnskab(aar: 2020, omkostninger: 999_999_999, belaegning: 1), status: .kladde, af: "test")
        let kladdeaar = try await hent("/ledelsesinformation?aar=2020&tabel=over_underskud&format=csv").body.string
        XCTAssertFalse(kladdeaar.contains("999999999"))
        let tabel2020 = try await hent("/ledelsesinformation?aar=2020&tabel=takstudvikling&format=csv").body.string
        XCTAssertFalse(tabel2020.contains("999999999"))
        let efter = try await hent("/ledelsesinformation?aar=2019&tabel=takstudvikling&format=csv").body.string
        XCTAssertEqual(efter, foer)
    }

    /// The public pages read their query as the API does (one parser, `Parametre`): a year or page
    /// that is not a number in range, a field given twice or a region that does not exist is a 400
    /// naming it — never a page for the default shown as if it were the one asked for. An empty form
    /// field counts as not given, and made-up values add no kept page.
    func testSidernesParametreLaesesStrengt() async throws {
        for (sti, tekst) in [("/?aar=abc", "aar: skal være et helt tal fra 1990 til 2100"),
                             ("/?aar=\(aar)&aar=\(aar - 1)", "aar: er angivet 2 gange"),
                             ("/?side=0", "side: skal være et helt tal fra 1 til"),
                             ("/?q=a&q=b", "q: er angivet 2 gange"),
                             ("/ledelsesinformation?aar=abc", "aar: skal være et helt tal fra 1990 til 2100"),
                             ("/ledelsesinformation?region=Fyn", "region: ukendt region"),
                             ("/ledelsesinformation?aar=2019&region=Fyn&format=csv", "region: ukendt region"),
                             // Every page with a year in its address reads it the same way.
                             ("/kapacitet?aar=abc", "aar: skal være et helt tal fra 1990 til 2100"),
                             ("/sammenligning?aar=20266", "aar: skal være et helt tal fra 1990 til 2100"),
                             ("/socialtilsyn?aar=2024&aar=2025", "aar: er angivet 2 gange"),
                             // A choice by name that does not exist is refused with the known ones,
                             // not shown as the first or as all of them.
                             ("/kapacitet?region=Fyn", "region: ukendt region"),
                             ("/kapacitet?ledige_pr=1.4.2026", "ledige_pr: skriv datoen som åååå-mm-dd"),
                             ("/kapacitet/udmelding?analyse=opdigtet", "analyse: ukendt analyse"),
                             ("/sammenligning?type=nat", "type: ukendt type"),
                             ("/noegletal?gruppe=opdigtet", "gruppe: ukendt gruppe"),
                             ("/noegletal?region=Fyn", "region: ukendt region"),
                             ("/?type=nat", "type: ukendt type"),
                             ("/?sort=pris", "sort: ukendt sort"),
                             ("/?retning=op", "retning: ukendt retning"),
                             // Every other parameter of a public page goes through the same parser.
                             ("/?format=csv&format=xlsx", "format: er angivet 2 gange"),
                             ("/sammenligning?maalgruppe=a&maalgruppe=b", "maalgruppe: er angivet 2 gange"),
                             ("/kapacitet?aar=2019&paragraf=107&paragraf=108", "paragraf: er angivet 2 gange"),
                             ("/kapacitet?aar=2019&efter=region&efter=ejerform", "efter: er angivet 2 gange"),
                             ("/noegletal/fremskrivning?rate=1&rate=2", "rate: er angivet 2 gange"),
                             ("/log-ind?naeste=/a&naeste=/b", "naeste: er angivet 2 gange")] {
            let r = try await hent(sti)
            XCTAssertEqual(r.status, .badRequest, sti)
            XCTAssertTrue(r.body.string.contains(tekst), "\(sti): \(r.body.string.prefix(300))")
        }
        // An empty field of the search form is not given: the year's page, as without it.
        let tom = try await hent("/?aar=&q=&side=")
        XCTAssertEqual(tom.status, .ok)
        let uden = try await hent("/").body.string
        XCTAssertEqual(tom.body.string, uden)
        // The forms' "Alle" sends an empty choice: all, as without it.
        for (medTom, uden) in [("/kapacitet?region=&aar=2019", "/kapacitet?aar=2019"), ("/sammenligning?type=", "/sammenligning"),
                               ("/?type=&sort=&retning=", "/")] {
            let r = try await hent(medTom)
            XCTAssertEqual(r.status, .ok, medTom)
            let u = try await hent(uden).body.string
            XCTAssertEqual(r.body.string, u, medTom)
        }
        // A known choice is the one shown.
        let doegn = try await hent("/sammenligning?type=\(Tilbud.Type_.doegn.rawValue)")
        XCTAssertEqual(doegn.status, .ok)
        XCTAssertTrue(doegn.body.string.contains("value=\"\(Tilbud.Type_.doegn.rawValue)\" selected"), "the type asked for is selected")
        // A typed year is read without the spaces around it.
        let medMellemrum = try await hent("/?aar=%20\(aar)%20")
        XCTAssertEqual(medMellemrum.status, .ok)
        let udenMellemrum = try await hent("/?aar=\(aar)").body.string
        XCTAssertEqual(medMellemrum.body.string, udenMellemrum)
        let regioner = try await Lager(app.db).regioner()
        let region = try XCTUnwrap(regioner.first)
        let iRegionen = try await hent("/ledelsesinformation?aar=2019&region=\(region.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
        XCTAssertEqual(iRegionen.status, .ok)
        XCTAssertTrue(iRegionen.body.string.contains("Ledelsesinformation 2019"))

        // Made-up regions fail before a page is kept: only the real page above and the default one.
        _ = try await hent("/ledelsesinformation")
        let cache = try XCTUnwrap(app.rapportcache)
        let foer = cache.antalSider
        XCTAssertEqual(foer, 2)
        for i in 0..<20 { _ = try await hent("/ledelsesinformation?region=opdigtet\(i)") }
        XCTAssertEqual(cache.antalSider, foer)
    }

    /// Issue "Kapacitet" 2: the public pladsoversigt — grouped as ticked, totals once per tilbud,
    /// CSV and XLSX with the same filters, a wrong field refused in Danish.
    func testKapacitetssiden() async throws {
        let poster = try await Lager(app.db).kapacitetsposter(aar: 2019)
        let total = poster.reduce(Decimal(0)) { $0 + $1.dag + $1.doegn + $1.ambulant }
        XCTAssertGreaterThan(total, 0)
        let html = try await hent("/kapacitet?aar=2019&felt_ejerform=ja").body.string
        XCTAssertTrue(html.contains("<h1>Pladsoversigt 2019</h1>"), html)
        XCTAssertTrue(html.contains("<th scope=\"col\">Ejerform</th>") || html.contains(">Ejerform</th>"), "grupperet efter ejerform")
        XCTAssertTrue(html.contains(DanskTal.formaterKort(total)), "totalen \(total) står på siden")
        XCTAssertTrue(html.contains("role=\"img\""), "diagram")
        XCTAssertTrue(html.contains("<tr class=\"sum\"><th scope=\"row\">I alt</th>"), "the total row is marked")
        let csv = try await hent("/kapacitet?aar=2019&efter=ejerform,maalgruppe&format=csv").body.string
        let linjer = csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(linjer.first, "ejerform;maalgruppe;antal_tilbud;pladser;pladser_dag;pladser_doegn;pladser_ambulant")
        XCTAssertEqual(linjer.last, "I alt;I alt;\(poster.count);\(total);\(poster.reduce(Decimal(0)) { $0 + $1.dag });\(poster.reduce(Decimal(0)) { $0 + $1.doegn });0")
        let xlsx = try await hent("/kapacitet?aar=2019&format=xlsx")
        XCTAssertEqual(xlsx.headers.contentType?.subType, "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        let forkert = try await hent("/kapacitet?efter=kommune")
        XCTAssertEqual(forkert.status, .badRequest)
        XCTAssertTrue(forkert.body.string.contains("ukendt felt &#39;kommune&#39;") || forkert.body.string.contains("ukendt felt 'kommune'"),
                      forkert.body.string)
    }

    func testSocialtilsynMedOgUdenData() async throws {
        let html = try await hent("/socialtilsyn?aar=2024").body.string
        XCTAssertTrue(html.contains("Socialtilsyn Nord – budget 2024"))
        XCTAssertTrue(html.contains("43.852"), "tilsynstakst 1-7 pladser")
        XCTAssertTrue(html.contains("8.736"), "BPA 13 timer × 672")
        XCTAssertTrue(html.contains("Objektiv finansiering pr. kommune 2024"))
        XCTAssertTrue(html.contains("19.156.058"), "plejefamilieafdelingens budget fordelt")
        let csv = try await hent("/socialtilsyn?aar=2024&format=csv").body.string
        XCTAssertTrue(csv.contains("Aalborg;"))
        XCTAssertTrue(csv.contains("I alt;"))
        let tom = try await hent("/socialtilsyn?aar=2031")
        XCTAssertEqual(tom.status, .ok)
        XCTAssertTrue(tom.body.string.contains("Der er ingen socialtilsynsdata for 2031."))
        let tomCSV = try await hent("/socialtilsyn?aar=2031&format=csv")
        XCTAssertEqual(tomCSV.status, .notFound)
        // The demo input is eksempler/socialtilsyn_nord_2024.json, unchanged.
        let eksempel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("eksempler/socialtilsyn_nord_2024.json")
        let fil = try JSONKodning.dekod(SocialtilsynInput.self, fra: Data(contentsOf: eksempel))
        let demo = try JSONKodning.dekod(SocialtilsynInput.self, fra: Data(DemoSocialtilsyn.nord2024.utf8))
        XCTAssertEqual(demo, fil)
    }

    func testAPIPagingOgOpenAPI() async throws {
        let alle = try await Lager(app.db).offentligTakstliste(aar: aar)
        let side2 = try await hent("/api/v1/tilbud?aar=\(aar)&side=2&antal=10")
        XCTAssertEqual(side2.headers.first(name: "X-Total-Count"), "\(alle.count)")
        let liste = try side2.content.decode([APIController.TilbudUd].self)
        XCTAssertEqual(liste.map(\.id), alle.dropFirst(10).prefix(10).map(\.id))
        let daarlig = try await hent("/api/v1/tilbud?antal=0")
        XCTAssertEqual(daarlig.status, .badRequest)
        XCTAssertTrue(daarlig.body.string.contains("\"fejl\""))
        let anonymSkriv = try await app.sendRequest(.POST, "/api/v1/sekretariat/offentliggoer", headers: ["Content-Type": "application/json"],
                                                    body: ByteBuffer(string: #"{"aar": 2021}"#))
        XCTAssertEqual(anonymSkriv.status, .unauthorized)
        XCTAssertEqual(anonymSkriv.headers.first(name: .wwwAuthenticate), "Bearer")

        let doc = try await hent("/api/v1/openapi.json")
        XCTAssertEqual(doc.headers.contentType, .json)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(doc.body.string.utf8)) as? [String: Any])
        XCTAssertEqual(json["openapi"] as? String, "3.0.3")
        let stier = try XCTUnwrap(json["paths"] as? [String: [String: Any]])
        // Every /api/v1 route is described, with its method.
        for r in app.routes.all where r.path.first?.description == "api" {
            let sti = "/" + r.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }.joined(separator: "/")
            XCTAssertNotNil(stier[sti]?[r.method.rawValue.lowercased()], "\(r.method.rawValue) \(sti) mangler i openapi.json")
        }
    }

    func testDemokontiKanLoggeIndMedREADMEsKodeord() async throws {
        for k in Webdemo.konti {
            let klient = Webtestmiljoe.Klient(app)
            _ = try await klient.get("/log-ind")
            let res = try await klient.post("/log-ind", ["email": k.email, "kodeord": k.kodeord])
            XCTAssertEqual(res.status, .seeOther, k.email)
            let mig = try await klient.api(.GET, "/api/v1/mig")
            XCTAssertTrue(mig.body.string.contains("\"rolle\":\"\(k.rolle.rawValue)\""), k.email)
        }
        let jammerbugt = try await Lager(app.db).brugerTilLogin(email: "jammerbugt@demo.takstfil.dk")?.konto
        XCTAssertEqual(jammerbugt?.organisation, "Jammerbugt Kommune")
        let egne = try await Lager(app.db).egneTilbud(organisation: "Jammerbugt Kommune").map(\.tilbud.navn)
        XCTAssertTrue(egne.contains("Toftehøj"))
        // Something is waiting for the secretariat in the demo.
        let koe = try await Lager(app.db).behandlingskoe()
        XCTAssertFalse(koe.isEmpty)
    }
}
