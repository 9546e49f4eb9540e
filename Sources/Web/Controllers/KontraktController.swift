import Filformater
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// Contracts and the 1 January P/L regulation (DOMAIN.md 6.12). `/kontrakter` is public: the rate
/// that applies next 1 January and its source, where the contracts are (002:13969); the
/// secretariat imports or corrects rates on it. A kommune drafts a standard contract at
/// `/kontrakt` (print-ready A4; the citizen's identity is left for the signed copy) and saves it
/// by its own reference; `/kontrakt/regulering` gives the prices from next 1 January and a letter
/// per leverandør.
struct KontraktController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("kontrakter", use: satser)
        let r = routes.grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.post("sekretariat", "pl-satser", use: gemSats)
        r.post("sekretariat", "pl-satser", "import", use: importer)
        r.get("kontrakt", use: formular)
        r.post("kontrakt", use: udkast)
        r.get("kontrakt", "regulering", use: regulering)
    }

    // MARK: P/L rates

    func satser(req: Request) async throws -> Response {
        try await visSatser(req, fejl: [:], felter: [:])
    }

    func visSatser(_ req: Request, fejl: [String: String], felter: [String: String], importfejl: [String] = [],
                   status: HTTPResponseStatus = .ok) async throws -> Response {
        let alle = try await Lager(req.db).plSatser()
        let naeste = PLSatser.naeste1Januar(efter: req.ur.idag)
        if let format = try Download.format(req) {
            return try Download.svar([(navn: "P-L-satser", tabel: PLSatsfil.tabel(alle.satser))], filnavn: "pl-satser", format: format)
        }
        let sekretariat = Adgang.maa(req.bruger?.rolle ?? .offentlig, .saetParametre)
        let kommune = Adgang.maa(req.bruger?.rolle ?? .offentlig, .udarbejdKontrakt)
        let generel = alle.sats(.klGenerel, til: naeste), regional = alle.sats(.danskeRegioner, til: naeste)
        func saetning(_ s: PLSats?, _ hvem: String) -> String {
            s.map { "\(hvem) reguleres pr. 1. januar \(naeste) med \(DanskTal.formaterKort($0.procent, maksDecimaler: 4)) % (\($0.kilde), \($0.art); \($0.reference))." }
                ?? "Satsen for \(hvem.lowercased()) pr. 1. januar \(naeste) er ikke offentliggjort i Takstfil endnu."
        }
        return Side.html(Side.dokument(titel: "Kontrakter og P/L-regulering", kontekst: req.sidekontekst, [
            .h1(.text("Kontrakter og P/L-regulering")),
            .p(.text("Indsatser uden for rammeaftalen (særforanstaltninger) reguleres pr. 1. januar med pris- og lønskønnet: kommunale tilbud med det generelle P/L-skøn bag den senest indgåede økonomiaftale mellem regeringen og KL, regionale tilbud med Danske Regioners skøn. Indsatser omfattet af rammeaftalen afregnes efter taksten i takstfilen. Leverandøren skal orientere køber senest 15. december.")),
            E.el("p", [("class", "noegletal")], [.strong(.text(saetning(generel, "Kommunale tilbud")))]),
            E.el("p", [("class", "noegletal")], [.strong(.text(saetning(regional, "Regionale tilbud")))]),
            Tabelvisning.html(Kontrakttabeller.naesteSatser(alle, aar: naeste), overskrifter: {
                ["sats": "Sats", "gaelder_fra": "Gælder fra", "procent": "Procent", "kilde": "Kilde", "reference": "Reference"][$0] ?? $0
            }, caption: "Satserne der gælder 1. januar \(naeste)"),
            .if(kommune, .p(E.lenke("/kontrakt", "Udarbejd en standardkontrakt"), .text(" · "), E.lenke("/kontrakt/regulering", "Reguleringsliste for kommunens kontrakter"))),
            .h2(.text("Alle satser")),
            Tabelvisning.html(PLSatsfil.tabel(alle.satser), overskrifter: {
                ["type": "Type", "kilde": "Kilde", "art": "Art", "aar_fra": "Fra år", "aar_til": "Til år", "procent": "Procent", "reference": "Reference"][$0] ?? $0
            }, caption: "P/L-satser pr. kilde, art og år"),
            E.el("p", [("class", "download")], [E.lenke("/kontrakter?format=csv", "Hent som CSV"), .text(" · "), E.lenke("/kontrakter?format=xlsx", "Hent som XLSX")]),
            .if(sekretariat, .group(
                .h2(.text("Sekretariatet: ret eller tilføj en sats")),
                E.fejloversigt(fejl, raekkefoelge: ["type", "aar_fra", "procent", "reference"], generelle: importfejl),
                E.postform("/sekretariat/pl-satser", csrf: req.csrfToken, [("novalidate", "")], [
                    E.valgfelt("type", "Sats", valg: PLSatstype.allCases.map { ($0.rawValue, $0.tekst) }, valgt: felter["type"] ?? PLSatstype.klGenerel.rawValue, fejl: fejl),
                    E.felt("aar_fra", "Fra år", vaerdi: felter["aar_fra"] ?? "\(naeste - 1)", fejl: fejl, hjaelp: "Satsen regulerer priser fra dette år til det næste.", tal: true),
                    E.felt("procent", "Procent", vaerdi: felter["procent"] ?? "", fejl: fejl, tal: true),
                    E.felt("reference", "Kilde (dokument og side)", vaerdi: felter["reference"] ?? "", fejl: fejl, hjaelp: "Fx 'Økonomiaftalen 2025, s. 12' eller 'midtvejsregulering'."),
                    E.knap("Gem satsen"),
                ]),
                .h3(.text("Indlæs satser fra CSV")),
                .p(.text("Kolonner: kilde;art;aar_fra;aar_til;procent;reference (som KL's og Danske Regioners tabeller). Alle rækker gemmes, eller ingen; en ændret sats gemmes med før og efter i revisionsloggen.")),
                E.el("form", [("method", "post"), ("action", "/sekretariat/pl-satser/import"), ("enctype", "multipart/form-data")], [
                    E.skjult(CSRFMiddleware.feltnavn, req.csrfToken),
                    E.felt("fil", "CSV-fil", fejl: fejl, type: "file", ekstra: [("accept", ".csv,text/csv")]),
                    E.tekstfelt("csv", "… eller indsæt rækkerne", raekker: 4),
                    E.knap("Indlæs satserne"),
                ])
            )),
        ]), status: status)
    }

    func gemSats(req: Request) async throws -> Response {
        try req.kraev(.saetParametre)
        let f = try req.formularfelter()
        var fejl: [String: String] = [:]
        let type = PLSatstype(rawValue: f["type"] ?? "")
        if type == nil { fejl["type"] = "Vælg en af de fire satser." }
        let aarFra = Int((f["aar_fra"] ?? "").trimmingCharacters(in: .whitespaces))
        if aarFra == nil { fejl["aar_fra"] = "Skriv året som fire cifre." }
        var procent: Decimal?
        do { procent = try Kontrol.tal(f["procent"] ?? "", felt: "procent") } catch let v as Valideringsfejl { fejl["procent"] = Visning.saetning(v.besked) }
        let reference = (f["reference"] ?? "").trimmingCharacters(in: .whitespaces)
        if reference.isEmpty { fejl["reference"] = "Skriv hvor satsen er offentliggjort." }
        if fejl.isEmpty, let type, let aarFra, let procent {
            do {
                let (kilde, art) = type == .danskeRegioner ? ("Danske Regioner", "P/L inkl. medicin")
                    : ("KL (økonomiaftalen)", ["kl_generel": "samlede udgifter inkl. overførsler (generel)", "kl_service": "serviceudgifter", "kl_anlaeg": "anlæg"][type.rawValue]!)
                let s = try PLSats(type: type, kilde: kilde, art: art, aarFra: aarFra, aarTil: aarFra + 1, procent: procent, reference: reference)
                let t = try await Lager(req.db).gemPLSatser([s], kilde: "Sekretariatets side", af: req.revisionsnavn)
                req.saetBesked("\(type.tekst) \(aarFra)–\(aarFra + 1): \(t.nye == 1 ? "tilføjet" : t.aendrede == 1 ? "rettet (før og efter står i revisionsloggen)" : "uændret").")
                return req.redirect(to: "/kontrakter")
            } catch let v as Valideringsfejl {
                fejl[v.felt == "aar_til" ? "aar_fra" : v.felt] = Visning.saetning(v.besked)
            }
        }
        return try await visSatser(req, fejl: fejl, felter: f, status: .unprocessableEntity)
    }

    func importer(req: Request) async throws -> Response {
        try req.kraev(.saetParametre)
        do {
            guard let (navn, tekst, tegnsaet) = try req.content.decode(Opload.self).indhold() else {
                return try await visSatser(req, fejl: ["fil": "Vælg en CSV-fil, eller indsæt rækkerne som tekst."], felter: [:], status: .unprocessableEntity)
            }
            let satser = try PLSatsfil.laes(fil: navn, tekst: tekst)
            let t = try await Lager(req.db).gemPLSatser(satser, kilde: "Import \(navn)", af: req.revisionsnavn)
            req.saetBesked("\(navn): \(t.nye) nye, \(t.aendrede) ændrede og \(t.uaendrede) uændrede satser.\(tegnsaet)")
        } catch let l as Importfejlliste {
            return try await visSatser(req, fejl: [:], felter: [:], importfejl: l.fejl.map(\.description), status: .unprocessableEntity)
        } catch let e as Importfejl {
            return try await visSatser(req, fejl: [:], felter: [:], importfejl: [e.description], status: .unprocessableEntity)
        }
        return req.redirect(to: "/kontrakter")
    }

    // MARK: The contract draft

    /// Published tilbud and levels a kommune can buy inside the rammeaftale (this year's and next year's list).
    func valg(_ req: Request) async throws -> [(vaerdi: String, tekst: String)] {
        var set = Set<String>(), ud: [(vaerdi: String, tekst: String)] = []
        for aar in [req.ur.aar, req.ur.aar + 1] {
            for t in try await req.offentligUdgave(aar: aar).liste {
                for n in t.niveauer where set.insert("\(t.id)|\(n.niveau.navn)").inserted {
                    ud.append(("\(t.id.uuidString)|\(n.niveau.navn)", "\(t.tilbud.navn) (\(t.tilbud.driftsherre)) – \(n.niveau.navn)"))
                }
            }
        }
        return [("", "Vælg tilbud og takstniveau")] + ud.sorted { DanskSortering.foer($0.tekst, $1.tekst) }
    }

    func formular(req: Request) async throws -> Response {
        let b = try req.kraev(.udarbejdKontrakt)
        return try await visFormular(req, b, felter: ["version": "indenfor", "varsel": Varselsregel.standard.tekst, "betaling": "hele-perioden"], fejl: [:])
    }

    func visFormular(_ req: Request, _ b: Brugerkonto, felter: [String: String], fejl: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let v = { (k: String) in felter[k] ?? "" }
        let raekkefoelge = ["reference", "ean", "version", "tilbud", "niveau", "leverandoer", "leverandoertype", "pris", "procent", "indsatser"]
            + (1...KontraktInd.antalIndsatser).flatMap { i in ["paragraf", "antal", "enhed", "start", "slut", "opfoelgning"].map { "indsats\(i)_\($0)" } }
            + ["varsel", "betaling", "betaling_dage", "betaling_andet", "aflastning"]
        return Side.html(Side.dokument(titel: "Standardkontrakt", kontekst: req.sidekontekst, [
            .h1(.text("Udarbejd en standardkontrakt")),
            .p(.text("KL's standardkontrakt som DAS har tiltrådt. Inden for rammeaftalen er enhedsprisen bruttotaksten i kraft på startdatoen; uden for rammeaftalen skriver I den aftalte pris. "),
               .strong(.text("Borgerens navn og CPR-nummer skrives kun i den underskrevne kontrakt: formularen har ingen felter til dem, og Takstfil modtager og gemmer dem ikke."))),
            .p(E.lenke("/kontrakter", "Se P/L-satsen der gælder 1. januar"), .text(" · "), E.lenke("/kontrakt/regulering", "Reguleringsliste")),
            E.fejloversigt(fejl, raekkefoelge: raekkefoelge),
            E.postform("/kontrakt", csrf: req.csrfToken, [("novalidate", ""), ("autocomplete", "off")], [
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Parter")]),
                    E.felt("reference", "Kommunens reference", vaerdi: v("reference"), fejl: fejl, hjaelp: "Jeres eget sagsnummer — ikke CPR-nummer eller navn.", kraevet: true),
                    E.felt("ean", "Købers EAN-nummer (fakturering)", vaerdi: v("ean"), fejl: fejl, hjaelp: "13 cifre.", tal: true, kraevet: true),
                    E.valgfelt("version", "Kontraktversion", valg: Kontraktudkast.Version.allCases.map { ($0.rawValue, $0.tekst) }, valgt: v("version"), fejl: fejl),
                ]),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Inden for rammeaftalen: tilbud og takst")]),
                    E.valgfelt("tilbudniveau", "Tilbud og takstniveau", valg: try await valg(req), valgt: v("tilbudniveau"),
                               fejl: fejl.merging(["tilbudniveau": fejl["tilbud"] ?? fejl["niveau"]].compactMapValues { $0 }) { a, _ in a }),
                ]),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Uden for rammeaftalen: særforanstaltning")]),
                    E.felt("leverandoer", "Leverandør", vaerdi: v("leverandoer"), fejl: fejl),
                    E.valgfelt("leverandoertype", "Leverandøren er", valg: [("", "Vælg")] + Leverandoertype.allCases.map { ($0.rawValue, $0.tekst) },
                               valgt: v("leverandoertype"), fejl: fejl, hjaelp: "Afgør P/L-satsen pr. 1. januar."),
                    E.felt("pris", "Aftalt pris pr. enhed (kr.)", vaerdi: v("pris"), fejl: fejl, tal: true),
                ]),
                E.felt("procent", "Andel af den fulde takst ved delvis brug (%)", vaerdi: v("procent"), fejl: fejl, hjaelp: "Fx 60 ved 3 af 5 åbningsdage. Tom = fuld takst.", tal: true),
                E.el("fieldset", [], [E.el("legend", [], [.text("Indsatser")])] + (1...KontraktInd.antalIndsatser).map { i in
                    let p = "indsats\(i)_"
                    return E.el("div", [("class", "indsats")], [
                        E.el("p", [], [.strong(.text("Indsats \(i)"))]),
                        E.felt(p + "paragraf", "Paragraf", vaerdi: v(p + "paragraf"), fejl: fejl, hjaelp: i == 1 ? "Fx SEL § 107." : nil),
                        E.felt(p + "beskrivelse", "Beskrivelse", vaerdi: v(p + "beskrivelse"), fejl: fejl),
                        E.felt(p + "antal", "Antal", vaerdi: v(p + "antal"), fejl: fejl, tal: true),
                        E.felt(p + "enhed", "Enhed", vaerdi: v(p + "enhed"), fejl: fejl, hjaelp: i == 1 ? "Fx døgn, time, måned." : nil),
                        E.felt(p + "start", "Ikrafttrædelse", vaerdi: v(p + "start"), fejl: fejl, type: "date"),
                        E.felt(p + "slut", "Slutdato (valgfri)", vaerdi: v(p + "slut"), fejl: fejl, type: "date"),
                        E.felt(p + "opfoelgning", "Første opfølgning", vaerdi: v(p + "opfoelgning"), fejl: fejl, type: "date"),
                    ])
                }),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Opsigelse, betaling og aflastning")]),
                    E.felt("varsel", "Opsigelsesvarsel", vaerdi: v("varsel"), fejl: fejl, hjaelp: "Fx 'løbende måned + 30 dage' (standard), '3 måneder'."),
                    E.valgfelt("betaling", "Betaling i opsigelsesperioden", valg: [
                        ("bortfalder", "Bortfalder, idet en opsagt plads bliver besat"), ("fortsaetter", "Fortsætter et antal dage efter, at pladsen er besat"),
                        ("hele-perioden", "Fortsætter i hele varslingsperioden"), ("andet", "Andet"),
                    ], valgt: v("betaling"), fejl: fejl),
                    E.felt("betaling_dage", "Antal dage efter genbesættelse", vaerdi: v("betaling_dage"), fejl: fejl, tal: true),
                    E.felt("betaling_andet", "Andet: aftalen", vaerdi: v("betaling_andet"), fejl: fejl),
                    E.valgfelt("aflastning", "Aflastning afregnes efter", valg: [("", "Ikke aflastning")] + Aflastningsgrundlag.allCases.map { ($0.rawValue, $0.tekst) },
                               valgt: v("aflastning"), fejl: fejl),
                ]),
                E.knap("Vis kontrakten", navn: "handling", vaerdi: "vis"),
                E.knap("Gem og vis", klasse: "sekundaer", navn: "handling", vaerdi: "gem"),
            ]),
        ]), status: status)
    }

    func udkast(req: Request) async throws -> Response {
        let b = try req.kraev(.udarbejdKontrakt)
        let felter = try req.formularfelter()
        let koeber = b.organisation ?? ""
        var (u, fejl) = KontraktInd(felter).udkast(koeber: koeber)
        // Inside the rammeaftale the unit price is the published takst in force on the start date.
        var takst: GemtTakstniveau?
        var tilbud: TilbudMedEjer?
        if let u, u.version == .indenforRammeaftale, let id = u.tilbudID, let niveau = u.niveau, let start = u.startdato {
            tilbud = try await Lager(req.db).tilbudMedEjer(id: id)
            // The takst for a citizen enrolled on the start date (a period may hold only for those enrolled from a date).
            takst = try await Lager(req.db).gaeldendeTakst(tilbudID: id, niveau: niveau, dato: start, indskrevet: start)
            if tilbud == nil || takst == nil {
                fejl.append(Valideringsfejl(felt: "tilbud", besked: "der er ingen offentliggjort takst for \(niveau) i kraft \(Visning.dato(start)); vælg et andet tilbud eller en senere startdato"))
            }
        }
        guard let gyldigt = u, fejl.isEmpty else {
            return try await visFormular(req, b, felter: felter, fejl: Visning.feltfejl(fejl), status: .unprocessableEntity)
        }
        let enhedspris = takst?.takst ?? gyldigt.aftaltPris ?? 0
        let prisaar = takst?.aar ?? Int(gyldigt.startdato?.prefix(4) ?? "") ?? req.ur.aar
        let leverandoer = tilbud.map { "\($0.tilbud.navn) (\($0.tilbud.driftsherre))" } ?? gyldigt.leverandoer ?? ""
        var gemt: String?
        if felter["handling"] == "gem" {
            // Saved at the price paid per unit, as the regulation list compares it.
            let g = try await Lager(req.db).gemKontrakt(gyldigt, organisation: koeber, pris: gyldigt.prisEfterAndel(enhedspris), prisaar: prisaar,
                                                        af: req.revisionsnavn)
            gemt = "Gemt som version \(g.version) af \(g.reference). Den står på reguleringslisten."
        }
        return Side.html(KontraktSider.kontrakt(gyldigt, leverandoer: leverandoer, tilbud: tilbud, takst: takst, enhedspris: enhedspris,
                                                satser: try await Lager(req.db).plSatser(), idag: req.ur.idag, kontekst: req.sidekontekst, gemt: gemt))
    }

    // MARK: The regulation list

    func regulering(req: Request) async throws -> Response {
        let b = try req.kraev(.udarbejdKontrakt)
        let aar = try req.parametre.aar(formular: true) ?? PLSatser.naeste1Januar(efter: req.ur.idag)
        guard Aarsinterval.erGyldigt(aar) else { throw Abort(.badRequest, reason: "aar: året skal ligge mellem 1990 og 2100.") }
        let lager = Lager(req.db)
        let koeber = b.organisation ?? ""
        var kontrakter: [Reguleringsliste.Kontrakt] = []
        for k in try await lager.kontrakter(organisation: koeber) {
            var leverandoer = k.udkast.leverandoer ?? ""
            var naeste: Kroner?
            if k.udkast.version == .indenforRammeaftale, let id = k.udkast.tilbudID, let niveau = k.udkast.niveau {
                if let t = try await lager.tilbudMedEjer(id: id) { leverandoer = t.tilbud.driftsherre }
                naeste = try await lager.gaeldendeTakst(tilbudID: id, niveau: niveau, dato: "\(aar)-01-01", indskrevet: k.udkast.startdato).flatMap { $0.aar == aar ? $0.takst : nil }
                    .map(k.udkast.prisEfterAndel)
            }
            kontrakter.append(.init(reference: k.reference, udkast: k.udkast, leverandoer: leverandoer, pris: k.pris, prisaar: k.prisaar, naesteTakst: naeste))
        }
        let poster = Reguleringsliste.poster(kontrakter, tilAar: aar, satser: try await lager.plSatser())
        let tabel = Kontrakttabeller.reguleringsliste(poster)
        if let format = try Download.format(req) {
            return try Download.svar([(navn: "Regulering \(aar)", tabel: tabel)], filnavn: "regulering-\(aar)", format: format)
        }
        return Side.html(KontraktSider.regulering(poster, breve: Reguleringsliste.breve(poster, koeber: koeber, aar: aar), tabel: tabel, aar: aar,
                                                  koeber: koeber, kontekst: req.sidekontekst))
    }
}
