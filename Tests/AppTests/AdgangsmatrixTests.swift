@testable import Demo
@testable import Kommandolinje
@testable import Web
import Filformater
import FluentKit
import Lager
import Takstregler
import XCTVapor

/// Every role × every write route, through the pages and through the API: allowed routes do
/// what they say (the data changed), refused ones answer 401 (no login) or 403 (wrong role,
/// another driftsherre's tilbud) and change nothing. A second test proves no write route
/// escapes the matrix; a third that a driftsherre cannot read another's drafts.
final class AdgangsmatrixTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    static let roller = ["anonym", "admin", "sekretariat", "driftsherre", "anden driftsherre", "socialtilsyn"]

    struct Kald {
        var sti: String
        var felter: [String: String] = [:]
        var json: String?
        /// Whether the write took effect.
        var virkede: () async throws -> Bool
    }

    struct Rute {
        let metode: HTTPMethod
        /// The route as registered, e.g. `/sekretariat/niveau/:id/godkend`.
        let moenster: String
        let tilladt: Set<String>
        let succes: HTTPStatus
        let forbered: (Webtestmiljoe, Int) async throws -> Kald
        var api: Bool { moenster.hasPrefix("/api/") }
    }


    static var ruter: [Rute] {
        let egen: Set<String> = ["driftsherre"]
        let sek: Set<String> = ["sekretariat"]
        let beslutning = ["organ": "FU", "dato": "2026-11-20", "punkt": "4", "tekst": "FU godkendte"]
        let beslutningJSON = #"{"organ": "FU", "dato": "2026-11-20", "punkt": "4"}"#
        func takstJSON(_ navn: String, _ aar: Int) -> String {
            #"{"navn": "\#(navn)", "aar": \#(aar), "pladser": 2, "belaegningsprocent": "95", "afrunding": "oere", "omkostninger": [{"kategori": "personale", "beloeb": "640.000,00"}]}"#
        }
        let takstfelter = ["niveau": "", "pladser": "2", "belaegningsprocent": "95", "afrunding": "oere", "omk_personale": "640000", "handling": "gem"]
        func socialtilsynJSON(_ aar: Int) -> String {
            DemoSocialtilsyn.nord2024.replacingOccurrences(of: "\"budgetaar\": 2024", with: "\"budgetaar\": \(aar)")
        }
        return [
            // Driftsherre, web.
            Rute(metode: .POST, moenster: "/indberetning/tilbud/:id/takst", tilladt: egen, succes: .seeOther) { m, n in
                let a = m.friAar()
                var f = takstfelter
                f["niveau"] = "Matrix \(n)"
                f["aar"] = "\(a)"
                return Kald(sti: "/indberetning/tilbud/\(m.toftehoej!)/takst", felter: f) {
                    try await !m.lager.takstniveauer(tilbudID: m.toftehoej, aar: a).isEmpty
                }
            },
            Rute(metode: .POST, moenster: "/indberetning/niveau/:id/indsend", tilladt: egen, succes: .seeOther) { m, _ in
                let id = try await m.nytNiveau(.kladde)
                return Kald(sti: "/indberetning/niveau/\(id)/indsend") { try await m.status(id) == .indsendt }
            },
            Rute(metode: .POST, moenster: "/indberetning/tilbud/:id/regnskab", tilladt: egen, succes: .seeOther) { m, n in
                let a = m.friAar()
                return Kald(sti: "/indberetning/tilbud/\(m.toftehoej!)/regnskab",
                     felter: ["r_aar": "\(a)", "r_omkostninger": "1.234.567", "r_belaegning": "10,5", "handling": "indsend"]) {
                    try await m.lager.gemteRegnskaber(tilbudID: m.toftehoej).contains { $0.aar == a && $0.status == .indsendt }
                }
            },
            Rute(metode: .POST, moenster: "/indberetning/tilbud/:id/belaegning", tilladt: egen, succes: .seeOther) { m, n in
                let a = m.friAar()
                return Kald(sti: "/indberetning/tilbud/\(m.toftehoej!)/belaegning",
                     felter: ["b_aar": "\(a)", "b_kvartal": "2", "b_art": "doegn", "b_normering": "182", "b_forbrug": "170"]) {
                    try await !m.lager.belaegninger(tilbudID: m.toftehoej, aar: a).isEmpty
                }
            },
            // Sekretariat, web.
            Rute(metode: .POST, moenster: "/sekretariat/niveau/:id/godkend", tilladt: sek, succes: .seeOther) { m, _ in
                let id = try await m.nytNiveau(.indsendt)
                return Kald(sti: "/sekretariat/niveau/\(id)/godkend", felter: beslutning) { try await m.status(id) == .godkendt }
            },
            Rute(metode: .POST, moenster: "/sekretariat/niveau/:id/afvis", tilladt: sek, succes: .seeOther) { m, _ in
                let id = try await m.nytNiveau(.indsendt)
                return Kald(sti: "/sekretariat/niveau/\(id)/afvis", felter: ["begrundelse": "Personalet er talt dobbelt"]) {
                    try await m.status(id) == .afvist
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/niveau/:id/indsend", tilladt: sek, succes: .seeOther) { m, _ in
                let gammel = try await m.nytNiveau(.offentliggjort)
                let ny = try await m.lager.opretRettelse(niveauID: gammel, grundlag: m.niveau("x", aar: 2000, omkostninger: 650_000).grundlag,
                                                         begrundelse: "Rettelse", af: "test").id
                return Kald(sti: "/sekretariat/niveau/\(ny)/indsend") { try await m.status(ny) == .indsendt }
            },
            Rute(metode: .POST, moenster: "/sekretariat/niveau/:id/offentliggoer", tilladt: sek, succes: .seeOther) { m, _ in
                let id = try await m.nytNiveau(.godkendt)
                return Kald(sti: "/sekretariat/niveau/\(id)/offentliggoer") { try await m.status(id) == .offentliggjort }
            },
            Rute(metode: .POST, moenster: "/sekretariat/niveau/:id/ret", tilladt: sek, succes: .seeOther) { m, _ in
                let id = try await m.nytNiveau(.offentliggjort)
                let n = try await m.lager.takstniveau(id: id)!
                var f = Takstformular(niveau: n.niveau).felter
                f["omk_personale"] = "650000"
                f["begrundelse"] = "Fejl i personaleudgiften"
                f["handling"] = "gem"
                return Kald(sti: "/sekretariat/niveau/\(id)/ret", felter: f) {
                    try await m.lager.versioner(tilbudID: m.toftehoej).contains { $0.navn == n.navn && $0.version == 2 }
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/offentliggoer", tilladt: sek, succes: .seeOther) { m, n in
                let a = m.friAar()
                let id = try await m.nytNiveau(.godkendt, aar: a)
                return Kald(sti: "/sekretariat/offentliggoer", felter: ["aar": "\(a)"]) { try await m.status(id) == .offentliggjort }
            },
            Rute(metode: .POST, moenster: "/sekretariat/regnskab/:id/:aar/godkend", tilladt: sek, succes: .seeOther) { m, n in
                let a = m.friAar()
                try await m.lager.gemRegnskab(tilbudID: m.toftehoej, Regnskab(aar: a, omkostninger: 100, belaegning: 1), status: .indsendt, af: "test")
                return Kald(sti: "/sekretariat/regnskab/\(m.toftehoej!)/\(a)/godkend") {
                    try await m.lager.gemteRegnskaber(tilbudID: m.toftehoej).first { $0.aar == a }?.status == .godkendt
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/regnskab/:id/:aar/afvis", tilladt: sek, succes: .seeOther) { m, n in
                let a = m.friAar()
                try await m.lager.gemRegnskab(tilbudID: m.toftehoej, Regnskab(aar: a, omkostninger: 100, belaegning: 1), status: .indsendt, af: "test")
                return Kald(sti: "/sekretariat/regnskab/\(m.toftehoej!)/\(a)/afvis", felter: ["begrundelse": "Mangler revisorpåtegning"]) {
                    try await m.lager.gemteRegnskaber(tilbudID: m.toftehoej).first { $0.aar == a }?.status == .afvist
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/parametre", tilladt: sek, succes: .seeOther) { m, n in
                let a = m.friAar()
                return Kald(sti: "/sekretariat/parametre", felter: ["aar": "\(a)", "region": "Nordjylland", "frist": "\(a - 1)-10-01",
                                                             "overhead_metode": "procent", "overhead_vaerdi": "6,1"]) {
                    let p = try await m.lager.aarsparametre(aar: a, region: "Nordjylland")
                    return p.fristTakster == "\(a - 1)-10-01" && p.overhead == .procentAfDirekte(Decimal(string: "6.1")!)
                }
            },
            // Socialtilsyn, web.
            Rute(metode: .POST, moenster: "/socialtilsyn/indberet", tilladt: ["socialtilsyn"], succes: .seeOther) { m, n in
                let a = m.friAar()
                return Kald(sti: "/socialtilsyn/indberet", felter: ["aar": "\(a)", "json": socialtilsynJSON(a)]) {
                    try await !m.lager.socialtilsynsgrundlag(aar: a).isEmpty
                }
            },
            // Admin, web.
            Rute(metode: .POST, moenster: "/admin/brugere", tilladt: ["admin"], succes: .seeOther) { m, n in
                Kald(sti: "/admin/brugere", felter: ["email": "ny\(n)@test.dk", "rolle": "sekretariat", "kodeord": "et-langt-kodeord"]) {
                    try await m.lager.brugerTilLogin(email: "ny\(n)@test.dk") != nil
                }
            },
            Rute(metode: .POST, moenster: "/admin/brugere/:id/aktiv", tilladt: ["admin"], succes: .seeOther) { m, n in
                let id = try await m.lager.opretBruger(email: "offer\(n)@test.dk", rolle: .sekretariat, organisation: nil, kodeordHash: "x", af: "test")
                return Kald(sti: "/admin/brugere/\(id)/aktiv", felter: ["aktiv": "nej"]) { try await m.lager.bruger(id: id)?.aktiv == false }
            },
            Rute(metode: .POST, moenster: "/admin/organisationer", tilladt: ["admin"], succes: .seeOther) { m, n in
                Kald(sti: "/admin/organisationer", felter: ["org_navn": "Ny Kommune \(n)", "org_art": "kommune", "org_region": "Nordjylland"]) {
                    try await m.lager.organisation(navn: "Ny Kommune \(n)") != nil
                }
            },
            // The comment round of the ledelsesinformation: every driftsherre on its own rows; the secretariat ends it.
            Rute(metode: .POST, moenster: "/indberetning/ledelsesinformation/kommentar", tilladt: ["driftsherre", "anden driftsherre"],
                 succes: .seeOther) { m, n in
                let a = m.friAar()
                return Kald(sti: "/indberetning/ledelsesinformation/kommentar", felter: ["aar": "\(a)", "tabel": "pladser", "tekst": "Matrix \(n)"]) {
                    try await m.lager.kommentarer(aar: a)["pladser"]?.values.contains { $0.contains("Matrix \(n)") } == true
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/ledelsesinformation/offentliggoer", tilladt: sek, succes: .seeOther) { m, _ in
                let a = m.friAar()
                return Kald(sti: "/sekretariat/ledelsesinformation/offentliggoer", felter: ["aar": "\(a)"]) {
                    try await m.lager.ledelsesinformationOffentliggjort(aar: a) != nil
                }
            },
            // The supply/demand review (issue "Kapacitet" 4) and the other capacity writes.
            Rute(metode: .POST, moenster: "/sekretariat/afdaekninger", tilladt: sek, succes: .seeOther) { m, n in
                Kald(sti: "/sekretariat/afdaekninger", felter: ["titel": "Matrix \(n)", "aar": "2026", "region": "Nordjylland", "s1_tekst": "Antal",
                                                                  "s1_art": "antal", "s1_aar": "2024", "inviter_1": "Jammerbugt Kommune"]) {
                    try await m.lager.afdaekninger().contains { $0.afdaekning.titel == "Matrix \(n)" }
                }
            },
            Rute(metode: .POST, moenster: "/afdaekninger/:id", tilladt: egen, succes: .seeOther) { m, n in
                let id = try await afdaekning(m, n)
                return Kald(sti: "/afdaekninger/\(id)", felter: ["s1_2024": "1", "handling": "gem"]) {
                    try await !m.lager.afdaekningssvar(afdaekningID: id).isEmpty
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/afdaekninger/:id/import", tilladt: sek, succes: .seeOther) { m, n in
                let id = try await afdaekning(m, n)
                return Kald(sti: "/sekretariat/afdaekninger/\(id)/import", felter: ["spoergsmaal": "s1", "csv": "kommune;2024\nJammerbugt;3\n"]) {
                    try await !m.lager.afdaekningssvar(afdaekningID: id).isEmpty
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/afdaekninger/:id/afstemning", tilladt: sek, succes: .seeOther) { m, n in
                let id = try await afdaekning(m, n)
                try await m.lager.importerAfdaekningssvar(afdaekningID: id, spoergsmaal: "s1", tabel: try Optaellingsfil.laes(
                    fil: "m.csv", tekst: "kommune;2024\nJammerbugt;3\nI alt;4\n"), fil: "m.csv", af: "test")
                return Kald(sti: "/sekretariat/afdaekninger/\(id)/afstemning", felter: ["tabel": "Spørgsmål 1", "felt": "2024", "aarsag": "trykfejl"]) {
                    try await !m.lager.afvigelsesaarsager(kilde: Lager.afdaekningskilde(id)).isEmpty
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/afdaekninger/:id/offentliggoer", tilladt: sek, succes: .seeOther) { m, n in
                let id = try await afdaekning(m, n)
                return Kald(sti: "/sekretariat/afdaekninger/\(id)/offentliggoer", felter: beslutning) {
                    try await m.lager.afdaekning(id: id)?.status == .offentliggjort
                }
            },
            Rute(metode: .POST, moenster: "/indberetning/ledige", tilladt: egen, succes: .seeOther) { m, n in
                // A date of its own per call (friAar's years are needed by the other routes).
                let dato = String(format: "%04d-%02d-%02d", 1990 + n / 336, 1 + (n / 28) % 12, 1 + n % 28)
                return Kald(sti: "/indberetning/ledige", felter: ["dato": dato, "l_\(m.toftehoej!.uuidString)": "\(n % 7)"]) {
                    try await m.lager.ledigePladser(paa: dato)[m.toftehoej]?.dato == dato
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/noegletal", tilladt: sek, succes: .seeOther) { m, n in
                try await m.lager.importerNoegletal(.katalog([Indikator(gruppe: "voksen", navn: "Matrix \(n)", enhed: "kr.", aar: "2022", retning: .hoej,
                                                                        vaerdier: ["Nordjylland": 1, "Midtjylland": 2])]), fil: "m.csv", af: "test")
                return Kald(sti: "/sekretariat/noegletal", felter: ["indikator": "Matrix \(n)|2022", "region_ret": "Nordjylland", "vaerdi": "5"]) {
                    try await m.lager.indikatorer(aar: "2022").first { $0.navn == "Matrix \(n)" }?.vaerdier["Nordjylland"] == 5
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/noegletal/import", tilladt: sek, succes: .seeOther) { m, n in
                Kald(sti: "/sekretariat/noegletal/import", felter: ["csv": "gruppe;indikator;enhed;aar;retning;nordjylland;midtjylland\nvoksen;Import \(n);kr.;2022;hoej;1;2\n"]) {
                    try await m.lager.indikatorer(aar: "2022").contains { $0.navn == "Import \(n)" }
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/pl-satser", tilladt: sek, succes: .seeOther) { m, n in
                Kald(sti: "/sekretariat/pl-satser", felter: ["type": "kl_service", "aar_fra": "2090", "procent": "2,1", "reference": "Matrix \(n)"]) {
                    try await m.lager.plSatser().sats(.klService, til: 2091)?.reference == "Matrix \(n)"
                }
            },
            Rute(metode: .POST, moenster: "/sekretariat/pl-satser/import", tilladt: sek, succes: .seeOther) { m, n in
                Kald(sti: "/sekretariat/pl-satser/import", felter: ["csv": "kilde;art;aar_fra;aar_til;procent;reference\nKL;anlæg;2090;2091;1,5;Import \(n)\n"]) {
                    try await m.lager.plSatser().sats(.klAnlaeg, til: 2091)?.reference == "Import \(n)"
                }
            },
            // Any kommune's account drafts and saves its own contracts (saving is the write).
            Rute(metode: .POST, moenster: "/kontrakt", tilladt: ["driftsherre", "anden driftsherre"], succes: .ok) { m, n in
                Kald(sti: "/kontrakt", felter: ["handling": "gem", "reference": "Matrix \(n)", "ean": "5798000000001", "version": "udenfor",
                                                "leverandoer": "Fjordly", "leverandoertype": "kommunal", "pris": "1000", "indsats1_paragraf": "SEL § 108",
                                                "indsats1_antal": "1", "indsats1_enhed": "døgn", "indsats1_start": "2026-02-01",
                                                "indsats1_opfoelgning": "2026-05-01", "betaling": "hele-perioden"]) {
                    try await Kontraktmodel.query(on: m.lager.db).filter(\.$reference == "Matrix \(n)").count() > 0
                }
            },
            Rute(metode: .PUT, moenster: "/api/v1/afdaekninger/:id/svar", tilladt: egen, succes: .ok) { m, n in
                let id = try await afdaekning(m, n)
                return Kald(sti: "/api/v1/afdaekninger/\(id)/svar", json: #"{"svar": {"s1_2024": "8-10"}}"#) {
                    try await !m.lager.afdaekningssvar(afdaekningID: id).isEmpty
                }
            },
            // The API.
            Rute(metode: .PUT, moenster: "/api/v1/indberetning/tilbud/:id/takstniveau", tilladt: egen, succes: .created) { m, n in
                let a = m.friAar()
                return Kald(sti: "/api/v1/indberetning/tilbud/\(m.toftehoej!)/takstniveau", json: takstJSON("API \(n)", a)) {
                    try await !m.lager.takstniveauer(tilbudID: m.toftehoej, aar: a).isEmpty
                }
            },
            Rute(metode: .POST, moenster: "/api/v1/indberetning/takstniveauer/:id/indsend", tilladt: egen, succes: .ok) { m, _ in
                let id = try await m.nytNiveau(.kladde)
                return Kald(sti: "/api/v1/indberetning/takstniveauer/\(id)/indsend", json: "{}") { try await m.status(id) == .indsendt }
            },
            Rute(metode: .POST, moenster: "/api/v1/indberetning/tilbud/:id/regnskab", tilladt: egen, succes: .created) { m, n in
                let a = m.friAar()
                return Kald(sti: "/api/v1/indberetning/tilbud/\(m.toftehoej!)/regnskab",
                     json: #"{"aar": \#(a), "omkostninger": 1234567.5, "belaegning": "10,5"}"#) {
                    try await m.lager.gemteRegnskaber(tilbudID: m.toftehoej).contains { $0.aar == a }
                }
            },
            Rute(metode: .POST, moenster: "/api/v1/indberetning/tilbud/:id/belaegning", tilladt: egen, succes: .created) { m, n in
                let a = m.friAar()
                return Kald(sti: "/api/v1/indberetning/tilbud/\(m.toftehoej!)/belaegning",
                     json: #"{"aar": \#(a), "kvartal": 3, "art": "doegn", "normering": 184, "forbrug": 180}"#) {
                    try await !m.lager.belaegninger(tilbudID: m.toftehoej, aar: a).isEmpty
                }
            },
            Rute(metode: .POST, moenster: "/api/v1/sekretariat/takstniveauer/:id/godkend", tilladt: sek, succes: .ok) { m, _ in
                let id = try await m.nytNiveau(.indsendt)
                return Kald(sti: "/api/v1/sekretariat/takstniveauer/\(id)/godkend", json: beslutningJSON) { try await m.status(id) == .godkendt }
            },
            Rute(metode: .POST, moenster: "/api/v1/sekretariat/takstniveauer/:id/afvis", tilladt: sek, succes: .ok) { m, _ in
                let id = try await m.nytNiveau(.indsendt)
                return Kald(sti: "/api/v1/sekretariat/takstniveauer/\(id)/afvis", json: #"{"begrundelse": "Ret belægningen"}"#) {
                    try await m.status(id) == .afvist
                }
            },
            Rute(metode: .POST, moenster: "/api/v1/sekretariat/takstniveauer/:id/rettelse", tilladt: sek, succes: .created) { m, n in
                let a = m.friAar()
                let id = try await m.nytNiveau(.offentliggjort)
                let navn = try await m.lager.takstniveau(id: id)!.navn
                var json = takstJSON(navn, a)
                json.removeLast()
                json += #", "begrundelse": "Forkert personaleudgift"}"#
                return Kald(sti: "/api/v1/sekretariat/takstniveauer/\(id)/rettelse", json: json) {
                    try await m.lager.versioner(tilbudID: m.toftehoej).contains { $0.navn == navn && $0.version == 2 }
                }
            },
            Rute(metode: .POST, moenster: "/api/v1/sekretariat/offentliggoer", tilladt: sek, succes: .ok) { m, n in
                let a = m.friAar()
                let id = try await m.nytNiveau(.godkendt, aar: a)
                return Kald(sti: "/api/v1/sekretariat/offentliggoer", json: #"{"aar": \#(a)}"#) { try await m.status(id) == .offentliggjort }
            },
            Rute(metode: .PUT, moenster: "/api/v1/socialtilsyn/:aar", tilladt: ["socialtilsyn"], succes: .ok) { m, n in
                let a = m.friAar()
                return Kald(sti: "/api/v1/socialtilsyn/\(a)", json: socialtilsynJSON(a)) {
                    try await !m.lager.socialtilsynsgrundlag(aar: a).isEmpty
                }
            },
        ]
    }

    /// An open review with one count question, Jammerbugt invited.
    static func afdaekning(_ m: Webtestmiljoe, _ n: Int) async throws -> UUID {
        try await m.lager.opretAfdaekning(try Afdaekning.opret(titel: "Matrix \(n)", aar: 2026, region: "Nordjylland", maalgrupper: [],
                                                               spoergsmaal: [("Antal", "antal", "2024", "")], inviterede: ["Jammerbugt Kommune"]), af: "test")
    }

    /// The writes a signed-in user makes on its own account; every role may (anonymous: 401).
    static let kontoruter: Set<String> = ["POST /log-ind", "POST /log-ud", "POST /konto/kodeord", "POST /konto/api-noegler",
                                          "POST /konto/api-noegler/:id/tilbagekald"]

    func testAdgangsmatrix() async throws {
        var web: [String: Webtestmiljoe.Klient] = [:], api: [String: Webtestmiljoe.Klient] = [:]
        for r in AdgangsmatrixTests.roller {
            web[r] = try await m.klient(rolle: r)
            api[r] = try await m.apiKlient(rolle: r)
        }
        var n = 0
        var tabel: [String] = []
        for rute in AdgangsmatrixTests.ruter {
            var linje = "\(rute.metode.rawValue) \(rute.moenster):"
            for rolle in AdgangsmatrixTests.roller {
                n += 1
                let kald = try await rute.forbered(m, n)
                let k = rute.api ? api[rolle]! : web[rolle]!
                let res = rute.api ? try await k.api(rute.metode, kald.sti, json: kald.json)
                                   : try await k.post(kald.sti, kald.felter)
                let virkede = try await kald.virkede()
                let celle = "\(rute.metode.rawValue) \(rute.moenster) som \(rolle)"
                if rute.tilladt.contains(rolle) {
                    XCTAssertEqual(res.status, rute.succes, "\(celle): \(res.body.string.prefix(400))")
                    XCTAssertTrue(virkede, "\(celle) skulle virke")
                    linje += " \(rolle)=ja"
                } else {
                    XCTAssertEqual(res.status, rolle == "anonym" ? .unauthorized : .forbidden, "\(celle): \(res.body.string.prefix(300))")
                    XCTAssertFalse(virkede, "\(celle) blev afvist, men ændrede alligevel data")
                    if rute.api { XCTAssertTrue(res.body.string.contains("\"fejl\""), celle) }
                    linje += " \(rolle)=nej"
                }
            }
            tabel.append(linje)
        }
        XCTAssertEqual(n, AdgangsmatrixTests.ruter.count * AdgangsmatrixTests.roller.count)
        print("Adgangsmatrix (\(n) kald):\n" + tabel.joined(separator: "\n"))
    }

    /// The same API writes with a session instead of a token: same answers (CSRF header sent).
    func testAPIMedSessionFoelgerSammeRoller() async throws {
        for rolle in ["driftsherre", "anden driftsherre", "sekretariat"] {
            let k = try await m.klient(rolle: rolle)
            for (i, rute) in AdgangsmatrixTests.ruter.filter(\.api).enumerated() {
                let kald = try await rute.forbered(m, 500 + i * 10 + AdgangsmatrixTests.roller.firstIndex(of: rolle)!)
                let res = try await k.api(rute.metode, kald.sti, json: kald.json)
                let virkede = try await kald.virkede()
                XCTAssertEqual(res.status, rute.tilladt.contains(rolle) ? rute.succes : .forbidden, "\(rute.moenster) som \(rolle) (session)")
                XCTAssertEqual(virkede, rute.tilladt.contains(rolle), "\(rute.moenster) som \(rolle) (session)")
            }
        }
    }

    /// No write route escapes the matrix: every POST/PUT/PATCH/DELETE the app registers is in it
    /// (or is a user's own account action).
    func testMatrixenDaekkerAlleSkriveruter() {
        let registreret = Set(m.app.routes.all.filter { ![.GET, .HEAD, .OPTIONS].contains($0.method) }.map { r in
            "\(r.method.rawValue) /" + r.path.map(\.description).joined(separator: "/")
        })
        let matrix = Set(AdgangsmatrixTests.ruter.map { "\($0.metode.rawValue) \($0.moenster)" })
        XCTAssertEqual(registreret.subtracting(matrix).subtracting(AdgangsmatrixTests.kontoruter), [], "skriveruter uden for matrixen")
        XCTAssertEqual(matrix.subtracting(registreret), [], "matrixen nævner ruter, der ikke findes")
    }

    /// A driftsherre cannot read another driftsherre's drafts — not through the pages, not
    /// through the API — and drafts never reach the public pages.
    func testKladderErKunForEjerOgSekretariat() async throws {
        let aar = m.naesteAar
        let sider = ["/indberetning/tilbud/\(m.kildehuset!)?aar=\(aar)",
                     "/indberetning/tilbud/\(m.kildehuset!)/takst" + E.soegestreng([("aar", "\(aar)"), ("niveau", "Hemmelig kladde")])]
        let apiSti = "/api/v1/indberetning/tilbud/\(m.kildehuset!)?aar=\(aar)"
        let forventet: [String: HTTPStatus] = ["anden driftsherre": .ok, "sekretariat": .ok, "driftsherre": .forbidden,
                                               "socialtilsyn": .forbidden, "admin": .forbidden]
        for (rolle, status) in forventet {
            let k = try await m.klient(rolle: rolle)
            for s in sider {
                let res = try await k.get(s)
                XCTAssertEqual(res.status, status, "\(s) som \(rolle)")
                XCTAssertEqual(res.body.string.contains("Hemmelig kladde"), status == .ok, "\(s) som \(rolle)")
            }
            let a = try await m.apiKlient(rolle: rolle)
            let res = try await a.api(.GET, apiSti)
            XCTAssertEqual(res.status, status, "\(apiSti) som \(rolle)")
            XCTAssertEqual(res.body.string.contains("Hemmelig kladde"), status == .ok, "\(apiSti) som \(rolle)")
            let s = try await k.api(.GET, apiSti)
            XCTAssertEqual(s.status, status, "\(apiSti) som \(rolle) (session)")
        }
        let anonym = Webtestmiljoe.Klient(m.app)
        for s in sider {
            let res = try await anonym.get(s)
            XCTAssertEqual(res.status, .seeOther, s)
            XCTAssertTrue(res.headers.first(name: .location)?.hasPrefix("/log-ind") ?? false, s)
        }
        let apiAnonym = try await anonym.api(.GET, apiSti)
        XCTAssertEqual(apiAnonym.status, .unauthorized)
        // The public pages and the public API show published takster only.
        for s in ["/tilbud/\(m.kildehuset!)", "/?aar=\(aar)", "/api/v1/tilbud?aar=\(aar)", "/api/v1/tilbud/\(m.kildehuset!)",
                  "/?aar=\(aar)&format=csv"] {
            let res = try await anonym.get(s)
            XCTAssertEqual(res.status, .ok, s)
            XCTAssertFalse(res.body.string.contains("Hemmelig kladde"), s)
            XCTAssertFalse(res.body.string.contains("4321987"), s)
        }
    }
}
