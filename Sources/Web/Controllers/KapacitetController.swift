import Filformater
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// The public pladsoversigt (DOMAIN.md 6.10): tilbud and places grouped by the fields the visitor
/// ticks, for one year, optionally one SEL § and one region; as a table, a chart, CSV and XLSX.
struct KapacitetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("kapacitet", use: side)
        routes.get("kapacitet", "udmelding", use: udmelding)
    }

    /// The central udmelding's figures per tilbud (001:3031–3330), borgerflow of 1–3 masked.
    func udmelding(req: Request) async throws -> Response {
        let lager = Lager(req.db)
        let analyser = try await lager.udmeldingsanalyser()
        let analyse = try req.parametre.valg("analyse", blandt: analyser) ?? analyser.first
        var data: [Udmeldingsdata] = []
        if let analyse { data = try await lager.udmelding(analyse: analyse) }
        let tabel = Kapacitetstabeller.udmelding(data, offentlig: true)
        if let format = try Download.format(req), let analyse {
            return try Download.svar([(navn: analyse, tabel: tabel)], filnavn: "udmelding", format: format)
        }
        let url = "/kapacitet/udmelding" + E.soegestreng([("analyse", analyse ?? "")])
        return Side.html(Side.dokument(titel: "Central udmelding", kontekst: req.sidekontekst, [
            .h1(.text("Central udmelding: tilbuddenes tal")),
            .p(.text("Pladser, borgerflow (borgere i målgruppen pr. år), årsværk og andel af medarbejdere med mere end 4 års erfaring, som tilbuddene har oplyst. \"Oplyses ikke\" er tilbuddets svar — ikke et nul. Borgerflow på 1–3 vises som ≤3.")),
            .if(analyser.isEmpty, .p(.text("Der er ingen analyser endnu."))),
            .if(analyser.count > 1, E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/kapacitet/udmelding")], [
                E.valgfelt("analyse", "Analyse", valg: analyser.map { ($0, $0) }, valgt: analyse ?? ""), E.knap("Vis", klasse: "sekundaer"),
            ])),
            .unwrap(analyse) { a in .group(
                Tabelvisning.html(tabel, overskrifter: { k in
                    if k.hasPrefix("borgerflow_") { return "Borgerflow \(k.dropFirst("borgerflow_".count))" }
                    return ["tilbud": "Tilbud", "driftsherre": "Driftsherre", "maalgruppe": "Målgruppe", "pladser": "Pladser", "aarsvaerk": "Årsværk",
                            "erfaring_pct": "Erfaring > 4 år (%)", "hovedparten_erfaren": "Hovedparten erfaren", "note": "Note"][k] ?? k
                }, caption: a),
                E.el("p", [("class", "download")], [E.lenke(url + "&format=csv", "Hent som CSV"), .text(" · "), E.lenke(url + "&format=xlsx", "Hent som XLSX")])
            ) },
        ]))
    }

    func side(req: Request) async throws -> Response {
        let lager = Lager(req.db)
        let aarMedPladser = try await lager.aarMedPladser()
        let p = req.parametre
        let aar = try p.aar(formular: true) ?? aarMedPladser.first ?? req.ur.aar
        let regioner = try await lager.regioner()
        let region = try p.valg("region", blandt: regioner)
        // `efter=a,b` (links, downloads) or one tick box per field (the form).
        let afkrydset = try Kapacitetsoversigt.Felt.allCases.filter { try p.tekst("felt_\($0.rawValue)") == "ja" }
        let felter: [Kapacitetsoversigt.Felt]
        if let efter = try p.udfyldt("efter") {
            do { felter = try Kapacitetsoversigt.Felt.liste(efter) } catch let v as Valideringsfejl { throw Abort(.badRequest, reason: v.besked) }
        } else {
            felter = afkrydset.isEmpty ? [.driftsherre] : afkrydset
        }
        let paragraf = try p.tekst("paragraf")?.replacingOccurrences(of: "§", with: "").trimmingCharacters(in: .whitespaces)
        let ledigePr = try p.dato("ledige_pr", formular: true)
        let raekker = Kapacitetsoversigt.opgoer(try await lager.kapacitetsposter(aar: aar, region: region, ledigePr: ledigePr), efter: felter,
                                                paragraf: paragraf?.isEmpty == false ? paragraf : nil)
        let tabel = Kapacitetstabeller.pladsoversigt(raekker, efter: felter, medLedige: ledigePr != nil)
        let titel = "Pladsoversigt \(aar)\(paragraf.flatMap { $0.isEmpty ? nil : ", SEL § \($0)" } ?? "")\(region.map { ", \($0)" } ?? "")"
        if let format = try Download.format(req) {
            return try Download.svar([(navn: titel, tabel: tabel)], filnavn: "pladsoversigt-\(aar)", format: format)
        }
        return Side.html(KapacitetSide(aar: aar, aarMedPladser: aarMedPladser, region: region, regioner: regioner, felter: felter, ledigePr: ledigePr ?? "",
                                       paragraf: paragraf ?? "", raekker: raekker, tabel: tabel, titel: titel, kontekst: req.sidekontekst).html)
    }
}

struct KapacitetSide {
    let aar: Int
    let aarMedPladser: [Int]
    let region: String?
    let regioner: [String]
    let felter: [Kapacitetsoversigt.Felt]
    let ledigePr: String
    let paragraf: String
    let raekker: [Kapacitetsoversigt.Raekke]
    let tabel: Tabel
    let titel: String
    let kontekst: Sidekontekst

    static let feltnavne: [Kapacitetsoversigt.Felt: String] = [
        .driftsherre: "Driftsherre", .maalgruppe: "Målgruppe", .paragraf: "SEL §", .ejerform: "Ejerform",
        .beliggenhedskommune: "Beliggenhedskommune",
    ]

    func overskrift(_ k: String) -> String {
        if let f = Kapacitetsoversigt.Felt(rawValue: k) { return KapacitetSide.feltnavne[f] ?? k }
        return ["antal_tilbud": "Tilbud", "pladser": "Pladser i alt", "pladser_dag": "Dagpladser", "pladser_doegn": "Døgnpladser",
                "pladser_ambulant": "Ambulante pladser", "ledige": "Ledige pr. \(Visning.dato(ledigePr))",
                "tilbud_ledige_ukendt": "Tilbud, ledige ukendt"][k] ?? k
    }

    func url(format: String) -> String {
        "/kapacitet" + E.soegestreng([("aar", "\(aar)"), ("efter", felter.map(\.rawValue).joined(separator: ",")), ("paragraf", paragraf),
                                      ("region", region ?? ""), ("ledige_pr", ledigePr), ("format", format)])
    }

    var html: HTML {
        let grupper = raekker.filter { !$0.erTotal }.prefix(40)
        return Side.dokument(titel: titel, kontekst: kontekst, [
            .h1(.text(titel)),
            .p(E.lenke("/kapacitet/afdaekninger", "Udbud og efterspørgsel (de årlige afdækninger)"), .text(" · "),
               E.lenke("/kapacitet/udmelding", "Central udmelding (tilbuddenes tal)")),
            .p(.text("Antal tilbud og pladser efter de valgte felter. Et tilbud med flere målgrupper eller paragraffer tæller med i hver af dem, men kun én gang i totalerne. Beliggenhedskommunen er der, hvor tilbuddet ligger — ikke nødvendigvis driftsherren.")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/kapacitet")], [
                E.valgfelt("aar", "År", valg: Array(Set(aarMedPladser + [aar])).sorted(by: >).map { ("\($0)", "\($0)") }, valgt: "\(aar)"),
                E.valgfelt("region", "Region", valg: [("", "Alle")] + regioner.map { ($0, $0) }, valgt: region ?? ""),
                E.felt("paragraf", "SEL §", vaerdi: paragraf, hjaelp: "Fx 66 eller 107; tomt: alle"),
                E.felt("ledige_pr", "Ledige pladser pr.", vaerdi: ledigePr, type: "date", hjaelp: "Som driftsherrerne har indberettet dem; tomt: vis ikke"),
                E.el("fieldset", [], [E.el("legend", [], [.text("Gruppér efter")])]
                     + Kapacitetsoversigt.Felt.allCases.map { E.afkrydsning("felt_\($0.rawValue)", KapacitetSide.feltnavne[$0] ?? $0.rawValue, valgt: felter.contains($0)) }),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            .if(grupper.isEmpty, .p(.text("Der er ingen pladser for \(aar) med disse valg."))),
            .if(!grupper.isEmpty, Diagram.soejler(id: "kapacitet", titel: "Pladser pr. gruppe",
                                                   kategorier: grupper.map { $0.felter.joined(separator: " / ") },
                                                   serier: [.init(navn: "Pladser", vaerdier: grupper.map(\.pladser))],
                                                   format: { DanskTal.formaterKort($0) })),
            Tabelvisning.html(tabel, overskrifter: overskrift, caption: titel,
                              sumraekke: Tabelvisning.sumraekke(Kapacitetsoversigt.iAlt)),
            E.el("p", [("class", "download")], [E.lenke(url(format: "csv"), "Hent som CSV"), .text(" · "), E.lenke(url(format: "xlsx"), "Hent som XLSX")]),
        ])
    }
}
