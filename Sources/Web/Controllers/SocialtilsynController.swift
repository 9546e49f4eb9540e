import Filformater
import Fluent
import Foundation
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// Socialtilsynets takster og objektive finansiering (DOMAIN.md 6.7): public for a budget year,
/// computed by `Socialtilsyn.beregn` from the input the socialtilsyn maintains (its own region).
struct SocialtilsynController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("socialtilsyn", use: offentlig)
        let r = routes.grouped("socialtilsyn", "indberet").grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.get(use: indberetSide)
        r.post(use: indberet)
    }

    struct Beregnet {
        let region: String
        let input: SocialtilsynInput
        let resultat: SocialtilsynResultat?
        let fejl: String?
        let vaegteFraParameter: Bool
    }

    /// The stored input with the secretariat's weights for the year (if set), computed.
    static func beregnet(_ lager: Lager, aar: Int) async throws -> [Beregnet] {
        var ud: [Beregnet] = []
        for (region, raa) in try await lager.socialtilsynsgrundlag(aar: aar) {
            var input = raa
            let vaegte = try await lager.aarsparametre(aar: aar, region: region).socialtilsynVaegte
            if let v = vaegte?.tilsyn {
                var t = input.takster.vaegte ?? Takstvaegte()
                t.tilsyn = v
                input.takster.vaegte = t
            }
            do {
                ud.append(Beregnet(region: region, input: input, resultat: try Socialtilsyn.beregn(input), fejl: nil,
                                   vaegteFraParameter: vaegte?.tilsyn != nil))
            } catch {
                ud.append(Beregnet(region: region, input: input, resultat: nil, fejl: Fejltekst.tekst(error), vaegteFraParameter: vaegte?.tilsyn != nil))
            }
        }
        return ud
    }

    static func takstTabel(_ r: SocialtilsynResultat) -> Tabel {
        Tabel(kolonner: ["stoerrelse", "vaegt", "tilsyn_aar_kr", "skaerpet_maaned_kr", "godkendelse_kr", "vaesentlig_aendring_kr"],
              raekker: r.takster.raekker.map {
                  [.tekst($0.kategori.tekst), .tal($0.vaegtTilsyn, decimaler: nil), .tal($0.tilsynAar, decimaler: 0),
                   .tal($0.skaerpetMaaned, decimaler: 0), $0.godkendelse.map { .tal($0, decimaler: 0) } ?? .tom,
                   $0.vaesentligAendring.map { .tal($0, decimaler: 0) } ?? .tom]
              } + r.takster.bpa.map { [.tekst("BPA: \($0.ydelse) (\(DanskTal.formaterKort($0.timer)) timer × \(DanskTal.formater($0.timepris, decimaler: 0)) kr.)"),
                                       .tom, .tal($0.takst, decimaler: 0), .tom, .tom, .tom] })
    }

    static func finansieringTabel(_ r: SocialtilsynResultat) -> Tabel {
        var t = Tabel(kolonner: ["kommune", "grundlag", "andel_pct", "beloeb_kr"], raekker: r.objektivFinansiering.raekker.map {
            [.tekst($0.kommune), .tal($0.grundlag, decimaler: nil), .tal($0.andel * 100, decimaler: 2), .tal($0.beloeb, decimaler: 0)]
        })
        t.raekker.append([.tekst("I alt"), .tal(r.objektivFinansiering.grundlagIAlt, decimaler: nil), .tal(100, decimaler: 2),
                          .tal(r.objektivFinansiering.sumAfRaekker, decimaler: 0)])
        return t
    }

    func offentlig(req: Request) async throws -> Response {
        let lager = Lager(req.db)
        let alleAar = try await lager.aarMedSocialtilsyn()
        let aar = try req.parametre.aar(formular: true) ?? alleAar.first ?? req.naesteAar
        let beregnet = try await SocialtilsynController.beregnet(lager, aar: aar)
        if let format = try Download.format(req) {
            let ark = beregnet.compactMap { b in b.resultat.map { (b, $0) } }.flatMap { b, r in
                [(navn: "\(r.navn) \(aar): tilsynstakster", tabel: SocialtilsynController.takstTabel(r)),
                 (navn: "\(r.navn) \(aar): objektiv finansiering", tabel: SocialtilsynController.finansieringTabel(r))]
            }
            guard !ark.isEmpty else { throw Abort(.notFound, reason: "Der er ingen socialtilsynsdata for \(aar).") }
            return try Download.svar(ark, filnavn: "socialtilsyn-\(aar)", format: format)
        }
        return Side.html(SocialtilsynSide(aar: aar, alleAar: alleAar, beregnet: beregnet, kontekst: req.sidekontekst).html)
    }

    // MARK: Socialtilsynets egen indberetning

    func region(_ b: Brugerkonto) throws -> String {
        guard let r = b.region, !r.isEmpty else {
            throw Abort(.forbidden, reason: "Din organisation (\(b.organisation ?? "ingen")) har ingen region; kontakt administratoren.")
        }
        return r
    }

    func indberetSide(req: Request) async throws -> Response {
        let b = try req.kraev(.vedligeholdSocialtilsyn)
        let region = try region(b)
        let lager = Lager(req.db)
        let aar = try req.parametre.aar(formular: true) ?? req.naesteAar
        let gemt = try await lager.socialtilsynsgrundlag(aar: aar).first { $0.region == region }?.input
        let tekst = try gemt.map { String(decoding: try JSONKodning.kod($0), as: UTF8.self) } ?? ""
        return Side.html(SocialtilsynSide.indberet(bruger: b, region: region, aar: aar, json: tekst, fejl: nil,
                                                   resultat: gemt.flatMap { g in (try? Socialtilsyn.beregn(g)).map { (g, $0) } },
                                                   gemt: gemt != nil, csrf: req.csrfToken, kontekst: req.sidekontekst))
    }

    func indberet(req: Request) async throws -> Response {
        let b = try req.kraev(.vedligeholdSocialtilsyn)
        let region = try region(b)
        let f = try req.content.decode([String: String].self)
        let json = f["json"] ?? ""
        let aar = Int(f["aar"] ?? "") ?? req.naesteAar
        func igen(_ fejl: String, _ status: HTTPResponseStatus) -> Response {
            Side.html(SocialtilsynSide.indberet(bruger: b, region: region, aar: aar, json: json, fejl: fejl, resultat: nil, gemt: false,
                                                csrf: req.csrfToken, kontekst: req.sidekontekst), status: status)
        }
        let input: SocialtilsynInput
        do {
            input = try JSONKodning.dekod(SocialtilsynInput.self, fra: Data(json.utf8))
        } catch {
            return igen(Fejltekst.tekst(error), .unprocessableEntity)
        }
        guard input.budgetaar == aar else {
            return igen("budgetaar: indholdet er for \(input.budgetaar), men du indberetter for \(aar). Ret budgetåret eller vælg året.", .unprocessableEntity)
        }
        do {
            try await Lager(req.db).gemSocialtilsynsgrundlag(region: region, input, af: req.revisionsnavn)
        } catch let v as Valideringsfejl {
            return igen(Fejltekst.tekst(v), .unprocessableEntity)
        } catch let v as Valideringsfejlliste {
            return igen(Fejltekst.tekst(v), .unprocessableEntity)
        }
        req.saetBesked("Socialtilsynets budget for \(aar) (\(region)) er gemt og offentligt.")
        return req.redirect(to: "/socialtilsyn?aar=\(aar)")
    }
}

struct SocialtilsynSide {
    let aar: Int
    let alleAar: [Int]
    let beregnet: [SocialtilsynController.Beregnet]
    let kontekst: Sidekontekst

    var html: HTML {
        Side.dokument(titel: "Socialtilsyn \(aar)", kontekst: kontekst, [
            .h1(.text("Socialtilsynets takster og objektive finansiering \(aar)")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/socialtilsyn")], [
                E.valgfelt("aar", "Budgetår", valg: Array(Set(alleAar + [aar])).sorted(by: >).map { ("\($0)", "\($0)") }, valgt: "\(aar)"),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            .if(beregnet.isEmpty, .p(.text("Der er ingen socialtilsynsdata for \(aar). Socialtilsynet indberetter budget, takster og objektiv finansiering i august–september for det følgende år."))),
            .if(beregnet.contains { $0.resultat != nil },
                E.el("p", [("class", "download")], [E.lenke("/socialtilsyn?aar=\(aar)&format=csv", "Hent takster og objektiv finansiering som CSV"), .text(" · "),
                                                    E.lenke("/socialtilsyn?aar=\(aar)&format=xlsx", "som XLSX")])),
            .forEach(beregnet) { b in SocialtilsynSide.sektion(b) },
        ])
    }

    static func sektion(_ b: SocialtilsynController.Beregnet) -> E.N {
        guard let r = b.resultat else {
            return E.el("section", [], [.h2(.text(b.input.navn)), E.el("p", [("class", "advarsel")], [.text("Kan ikke beregnes: \(b.fejl ?? "")")])])
        }
        let kr = { (d: Decimal) in DanskTal.formater(d, decimaler: 0) }
        let id = Download.filnavn(r.navn)
        return E.el("section", [("aria-labelledby", id)], [
            E.el("h2", [("id", id)], [.text("\(r.navn) – budget \(r.budgetaar)")]),
            .unwrap(b.input.beskrivelse) { .p(.text($0)) },
            .dl(.class("fakta"),
                .dt("Budget i alt"), .dd(.text("\(kr(r.budget.iAlt)) kr.")),
                .dt("Tilbudsafdelingen (takstfinansieret)"), .dd(.text("\(kr(r.finansiering.takstfinansiering)) kr.")),
                .dt("Plejefamilieafdelingen (objektiv finansiering)"), .dd(.text("\(kr(r.finansiering.objektivFinansiering)) kr.")),
                .dt("Gennemsnitspris pr. plejefamilie"), .dd(.text("\(kr(r.gennemsnitsprisPrPlejefamilie)) kr.")),
                .dt("Befolkningstal fra"), .dd(.text(r.befolkningskvartal))),
            .if(b.vaegteFraParameter, E.el("p", [("class", "info")], [.text("Vægtene for tilsynstaksterne er sekretariatets parameter for året.")])),
            .h3("Takster"),
            Tabelvisning.html(SocialtilsynController.takstTabel(r), overskrifter: {
                ["stoerrelse": "Størrelse", "vaegt": "Vægt", "tilsyn_aar_kr": "Tilsyn pr. år (kr.)", "skaerpet_maaned_kr": "Skærpet tilsyn pr. måned (kr.)",
                 "godkendelse_kr": "Ny godkendelse (kr.)", "vaesentlig_aendring_kr": "Væsentlig ændring (kr.)"][$0] ?? $0
            }, caption: "Tilsynstakster \(r.budgetaar)"),
            .h3("Objektiv finansiering"),
            Diagram.soejler(id: "of-\(id)", titel: "Objektiv finansiering pr. kommune \(r.budgetaar) (kr.)",
                            kategorier: r.objektivFinansiering.raekker.map(\.kommune),
                            serier: [.init(navn: "Beløb", vaerdier: r.objektivFinansiering.raekker.map(\.beloeb))], format: kr),
            Tabelvisning.html(SocialtilsynController.finansieringTabel(r), overskrifter: {
                ["kommune": "Kommune", "grundlag": "Grundlag (0–17-årige)", "andel_pct": "Andel (%)", "beloeb_kr": "Beløb (kr.)"][$0] ?? $0
            }, caption: "Objektiv finansiering \(r.budgetaar) fordelt efter \(r.objektivFinansiering.noegle ?? "nøglen")",
               sumraekke: Tabelvisning.sumraekke("I alt")),
            .if(!(r.sammenligning ?? []).isEmpty, .group(
                .h3("Sammenligning med tidligere år"),
                E.ramme("Tabel", .table(
                    .caption("Sammenligning (tidligere år i budgetårets priser)"),
                    .thead(.tr(.th("Post"), .th(.class("tal"), "Tidligere"), .th(.class("tal"), "Budgetår"), .th(.class("tal"), "Ændring (%)"))),
                    .tbody(.forEach(r.sammenligning ?? []) { l in
                        .tr(.td(.text(l.post)), .td(.class("tal"), .text(DanskTal.formaterKort(l.tidligere))),
                            .td(.class("tal"), .text(DanskTal.formaterKort(l.nu))),
                            .td(.class("tal"), .text(l.aendringPct.map { DanskTal.formater($0, decimaler: 1) } ?? "–")))
                    }))))),
            .if(!r.noter.isEmpty, .ul(.forEach(r.noter) { .li(.text($0)) })),
        ])
    }

    static func indberet(bruger: Brugerkonto, region: String, aar: Int, json: String, fejl: String?,
                         resultat: (SocialtilsynInput, SocialtilsynResultat)?,
                         gemt: Bool, csrf: String, kontekst: Sidekontekst) -> HTML {
        Side.dokument(titel: "Socialtilsynets budget \(aar)", kontekst: kontekst, [
            .h1(.text("Socialtilsynets budget \(aar) – \(bruger.organisation ?? region)")),
            .p(.text("Budget, antal, takstparametre og nøglen til objektiv finansiering for \(region), i samme JSON-format som "),
               .code("takstfil socialtilsyn beregn --input"), .text(" (eksempel: eksempler/socialtilsyn_nord_2024.json). Indholdet beregnes, før det gemmes; det, reglerne afviser, gemmes ikke.")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/socialtilsyn/indberet")], [
                E.valgfelt("aar", "Budgetår", valg: (kontekst.iaar - 2...kontekst.iaar + 2).reversed().map { ("\($0)", "\($0)") }, valgt: "\(aar)"),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            .if(gemt, E.el("p", [("class", "info")], [.text("Der er gemt et budget for \(aar); det vises offentligt på "), E.lenke("/socialtilsyn?aar=\(aar)", "socialtilsynssiden"), .text(".")])),
            E.postform("/socialtilsyn/indberet", csrf: csrf, [("novalidate", "")], [
                E.skjult("aar", "\(aar)"),
                E.tekstfelt("json", "Budget og takstgrundlag (JSON)", vaerdi: json, fejl: fejl.map { ["json": $0] } ?? [:], raekker: 24, kraevet: true),
                E.el("div", [("class", "knapper")], [E.knap("Beregn og gem")]),
            ]),
            .unwrap(resultat) { i, r in sektion(SocialtilsynController.Beregnet(region: region, input: i, resultat: r, fejl: nil, vaegteFraParameter: false)) },
        ])
    }
}
