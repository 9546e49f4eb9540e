import Filformater
import Foundation
import Lager
import Plot
import Takstregler
import Udskrift

/// The secretariat's pages: review queue, one level with approve/reject/correct, parameters.
enum SekretariatSider {
    static let organer: [(vaerdi: String, tekst: String)] = [
        ("", "Vælg organ"), ("DAS", "DAS"), ("DASSOS", "DASSOS"), ("FU", "FU"), ("KKR", "KKR"), ("Skriftlig høring", "Skriftlig høring"),
    ]

    static func koe(koe: [Koepost], godkendte: [Int: Int], regnskaber: [(tilbud: TilbudMedEjer, regnskab: Regnskab)], soeg: String,
                    fundne: [TilbudMedTakster], csrf: String, kontekst: Sidekontekst) -> HTML {
        Side.dokument(titel: "Behandling", kontekst: kontekst, [
            .h1("Behandling af indberetninger"),
            .p(E.lenke("/sekretariat/oversigt", "Hvem har indberettet næste års takster?"), .text(" · "), E.lenke("/sekretariat/takstbilag", "Takstbilag til DAS/FU")),
            .h2(.text("Indsendte takster (\(koe.count))")),
            .if(koe.isEmpty, .p("Der er ingen indsendte takster at behandle.")),
            .if(!koe.isEmpty, E.ramme("Tabel", .table(
                .caption("Indsendte takster, ældste år først"),
                .thead(.tr(.th("Tilbud"), .th("Driftsherre"), .th("Takstniveau"), .th("År"), .th("Version"), .th(.class("tal"), "Takst (kr.)"),
                           .th(.class("tal"), "Sidste år (kr.)"), .th(.class("tal"), "Ændring"))),
                .tbody(.forEach(koe) { k in
                    let afr = k.niveau.grundlag.afrunding
                    return .tr(
                        .td(E.lenke("/sekretariat/niveau/\(k.niveauID.uuidString)", k.tilbud.tilbud.navn), .if(k.tilbud.demo, .span(.class("demo"), " demo"))),
                        .td(.text(k.tilbud.tilbud.driftsherre)), .td(.text(k.niveau.navn)), .td(.text("\(k.niveau.aar)")),
                        .td(.text("\(k.niveau.version)")),
                        .td(.class("tal"), .text(Visning.kroner(k.takst, afr))),
                        .td(.class("tal"), .text(k.sidsteAarsTakst.map { Visning.kroner($0, afr) } ?? "–")),
                        .td(.class("tal"), .text(Visning.aendring(fra: k.sidsteAarsTakst, til: k.takst)),
                            .if(k.enhedSkiftet, .p(.class("advarsel"), .text("Ny enhed: \(k.niveau.grundlag.enhed.tekst) (sidste år \(k.sidsteAarsEnhed?.tekst ?? ""))")))))
                })
            ))),
            .h2("Offentliggørelse"),
            .if(godkendte.isEmpty, .p("Der er ingen godkendte takster, der venter på offentliggørelse.")),
            .forEach(godkendte.keys.sorted()) { aar in
                E.postform("/sekretariat/offentliggoer", csrf: csrf, [("class", "soeg")], [
                    E.skjult("aar", "\(aar)"),
                    .p(.text("\(godkendte[aar]!) godkendte takstniveau\(godkendte[aar]! == 1 ? "" : "er") for \(aar) venter. ")),
                    E.knap("Offentliggør \(aar)"),
                ])
            },
            .h3("Ledelsesinformation"),
            .p("Driftsherrerne kan kommentere deres egne rækker, indtil et regnskabsår offentliggøres; derefter er kommentarrunden slut."),
            E.postform("/sekretariat/ledelsesinformation/offentliggoer", csrf: csrf, [("class", "soeg")], [
                E.valgfelt("aar", "Regnskabsår", valg: (kontekst.iaar - 10...kontekst.iaar).reversed().map { ("\($0)", "\($0)") },
                           valgt: "\(kontekst.iaar - 1)", id: "f-li-aar"),
                E.knap("Offentliggør ledelsesinformationen", klasse: "sekundaer"),
            ]),
            .h2(.text("Indsendte regnskaber (\(regnskaber.count))")),
            .if(regnskaber.isEmpty, .p("Der er ingen indsendte regnskaber.")),
            .forEach(regnskaber) { r in
                E.el("section", [("class", "info")], [
                    E.el("h3", [], [.text("\(r.tilbud.tilbud.navn) (\(r.tilbud.tilbud.driftsherre)) – regnskab \(r.regnskab.aar)")]),
                    .p(.text("Omkostninger \(DanskTal.formater(r.regnskab.omkostninger, decimaler: 0)) kr., belægning \(DanskTal.formaterKort(r.regnskab.belaegning)), over-/underskud \(r.regnskab.resultat.map { DanskTal.formater($0, decimaler: 0) + " kr." } ?? "ikke oplyst"), tillægsydelser \(r.regnskab.tillaegsydelser.map { DanskTal.formater($0, decimaler: 0) + " kr." } ?? "ikke oplyst").")),
                    E.el("div", [("class", "knapper")], [
                        E.postform("/sekretariat/regnskab/\(r.tilbud.id.uuidString)/\(r.regnskab.aar)/godkend", csrf: csrf, [], [
                            E.knap("Godkend regnskab \(r.regnskab.aar) for \(r.tilbud.tilbud.navn)"),
                        ]),
                        E.postform("/sekretariat/regnskab/\(r.tilbud.id.uuidString)/\(r.regnskab.aar)/afvis", csrf: csrf, [], [
                            E.felt("begrundelse", "Kommentar ved afvisning", id: "f-begrundelse-\(r.tilbud.id.uuidString)-\(r.regnskab.aar)"),
                            E.knap("Afvis regnskab", klasse: "fare"),
                        ]),
                    ]),
                ])
            },
            .h2("Find et tilbud"),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/sekretariat"), ("role", "search")], [
                E.felt("q", "Tilbud eller driftsherre", vaerdi: soeg, type: "search"),
                E.knap("Søg", klasse: "sekundaer"),
            ]),
            .if(!soeg.isEmpty && fundne.isEmpty, .p(.text("Ingen tilbud matcher \"\(soeg)\"."))),
            .if(!fundne.isEmpty, .ul(.forEach(fundne.prefix(50)) { t in
                .li(E.lenke("/indberetning/tilbud/\(t.id.uuidString)?aar=\(kontekst.iaar + 1)", "\(t.tilbud.navn) (\(t.tilbud.driftsherre))"),
                    .text(" · "), E.lenke("/tilbud/\(t.id.uuidString)", "offentlig side"))
            })),
        ])
    }

    static func niveau(_ d: SekretariatController.Niveaudata, resultat: Takstresultat, versioner: [GemtTakstniveau], haendelser: [Haendelse],
                       sidsteAar: Kroner?, hensaettelser: [Hensaettelse] = [], fejl: [String: String], felter: [String: String], csrf: String,
                       kontekst: Sidekontekst) -> HTML {
        let status = d.model.status
        let id = d.model.id.uuidString
        let g = d.niveau.grundlag
        return Side.dokument(titel: "\(d.tilbud.tilbud.navn): \(d.niveau.navn) \(d.niveau.aar)", kontekst: kontekst, [
            E.el("p", [], [E.lenke("/sekretariat", "← Behandling")]),
            .h1(.text("\(d.tilbud.tilbud.navn): \(d.niveau.navn) \(d.niveau.aar)"), .if(d.tilbud.demo, .span(.class("demo"), " demo"))),
            .dl(.class("fakta"),
                .dt("Driftsherre"), .dd(.text(d.tilbud.tilbud.driftsherre)),
                .dt("Status"), .dd(E.status(status)),
                .dt("Version"), .dd(.text("\(d.niveau.version)")),
                .dt("Takst"), .dd(.text("\(Visning.kroner(resultat.takst, g.afrunding)) kr. (\(g.enhed.tekst))")),
                .dt(.text("Sidste år (\(d.niveau.aar - 1))")),
                .dd(.text(sidsteAar.map { "\(Visning.kroner($0, g.afrunding)) kr., ændring \(Visning.aendring(fra: $0, til: resultat.takst))" } ?? "ingen offentliggjort takst")),
                .unwrap(d.model.begrundelse) { .group(.dt(.text(d.niveau.version > 1 ? "Begrundelse for rettelse" : "Driftsherrens bemærkning")), .dd(.text($0))) },
                .unwrap(d.model.beslutning) { b in .group(.dt("Beslutning"), .dd(.text(Visning.beslutning(b)))) }),
            E.fejloversigt(fejl, raekkefoelge: ["organ", "dato", "punkt", "tekst", "begrundelse"]),
            .if(status == .indsendt, .group(
                .h2("Godkend"),
                E.postform("/sekretariat/niveau/\(id)/godkend", csrf: csrf, [("novalidate", "")], [
                    E.el("div", [("class", "kolonner")], [
                        E.valgfelt("organ", "Organ", valg: organer, valgt: felter["organ"] ?? "", fejl: fejl),
                        E.felt("dato", "Mødedato", vaerdi: felter["dato"] ?? "", fejl: fejl, type: "date", hjaelp: "åååå-mm-dd", kraevet: true),
                        E.felt("punkt", "Dagsordenspunkt", vaerdi: felter["punkt"] ?? "", fejl: fejl, kraevet: true),
                    ]),
                    E.tekstfelt("tekst", "Beslutningens tekst", vaerdi: felter["tekst"] ?? "", fejl: fejl, raekker: 2,
                                hjaelp: "Fx \"FU godkendte nye takster for \(d.tilbud.tilbud.navn)\"."),
                    E.felt("delegation", "Delegation eller skriftlig høring (valgfri)", vaerdi: felter["delegation"] ?? "", fejl: fejl,
                           hjaelp: "Fx \"DAS gav FU kompetence til at behandle taksterne på det næstkommende møde\"."),
                    E.afkrydsning("midlertidig", "Midlertidig takst (den endelige indberettes senere med sin egen gyldig fra-dato)",
                                  valgt: felter["midlertidig"] == "ja"),
                    E.el("div", [("class", "knapper")], [E.knap("Godkend")]),
                ]))),
            .if(status == .indsendt || status == .godkendt, .group(
                .h2("Afvis"),
                E.postform("/sekretariat/niveau/\(id)/afvis", csrf: csrf, [("novalidate", "")], [
                    E.tekstfelt("begrundelse", "Kommentar til driftsherren", vaerdi: felter["begrundelse"] ?? "", fejl: fejl, raekker: 3, kraevet: true),
                    E.el("div", [("class", "knapper")], [E.knap("Afvis", klasse: "fare")]),
                ]))),
            .if(status == .godkendt, .group(
                .h2("Offentliggør"),
                .p(.text("Godkendte takster offentliggøres normalt samlet for året fra behandlingssiden. En enkelt rettelse kan offentliggøres her.")),
                E.postform("/sekretariat/niveau/\(id)/offentliggoer", csrf: csrf, [], [E.knap("Offentliggør denne version")]))),
            .if(status == .kladde && d.niveau.version > 1, .group(
                .h2("Send rettelsen til godkendelse"),
                E.postform("/sekretariat/niveau/\(id)/indsend", csrf: csrf, [], [E.knap("Send til godkendelse")]))),
            .if(status == .offentliggjort, .group(
                .h2("Ret"),
                .p("Offentliggjorte takster ændres aldrig. En rettelse bliver en ny version med en begrundelse; den gamle forbliver læsbar."),
                E.el("p", [], [E.lenke("/sekretariat/niveau/\(id)/ret", "Ret taksten (ny version)")]))),
            .h2("Beregning"),
            Beregningsvisning.tabel(d.niveau, resultat),
            Hensaettelsesvisning.html(hensaettelser, iaar: kontekst.iaar),
            .h2("Versioner af takstniveauet"),
            E.ramme("Tabel", .table(
                .caption(.text("\(d.niveau.navn): alle år og versioner")),
                .thead(.tr(.th("År"), .th("Version"), .th("Status"), .th(.class("tal"), "Takst (kr.)"), .th("Begrundelse"))),
                .tbody(.forEach(versioner) { v in
                    .tr(.td(.text("\(v.aar)")), .td(E.lenke("/sekretariat/niveau/\(v.id.uuidString)", "\(v.version)")),
                        .td(E.status(v.status)),
                        .td(.class("tal"), .text(DanskTal.formater(v.takst, decimaler: 2))), .td(.text(v.begrundelse ?? "")))
                }))),
            .h2("Revisionslog for denne version"),
            Revisionslogside.tabelHTML(haendelser, caption: "Hændelser for \(d.niveau.navn) \(d.niveau.aar) version \(d.niveau.version)"),
        ])
    }

    static func parametre(aar: Int, region: String, regioner: [String], felter f: [String: String], fejl: [String: String],
                          csrf: String, kontekst: Sidekontekst) -> HTML {
        Side.dokument(titel: "Årlige parametre", kontekst: kontekst, [
            .h1(.text("Årlige parametre – \(region) \(aar)")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/sekretariat/parametre")], [
                E.valgfelt("aar", "År", valg: (kontekst.iaar - 3...kontekst.iaar + 2).reversed().map { ("\($0)", "\($0)") }, valgt: "\(aar)"),
                E.valgfelt("region", "Region", valg: regioner.map { ($0, $0) }, valgt: region),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            E.fejloversigt(fejl, raekkefoelge: ["overhead_metode", "overhead_vaerdi", "pl_indeks", "takstaftale_minimum", "takstaftale_tidligere",
                                                "vaegt_1", "vaegt_2", "vaegt_3", "vaegt_4", "frist", "aflastning"]),
            E.postform("/sekretariat/parametre", csrf: csrf, [("novalidate", "")], [
                E.skjult("aar", "\(aar)"), E.skjult("region", region),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Overhead")]),
                    E.el("div", [("class", "kolonner")], [
                        E.valgfelt("overhead_metode", "Metode", valg: [("", "Ikke sat")] + Takstformular.overheadmetoder,
                                   valgt: f["overhead_metode"] ?? "", fejl: fejl),
                        E.felt("overhead_vaerdi", "Procent eller beløb", vaerdi: f["overhead_vaerdi"] ?? "", fejl: fejl, tal: true),
                    ]),
                ]),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("P/L-indeks")]),
                    E.felt("pl_indeks", "Indeks for \(aar)", vaerdi: f["pl_indeks"] ?? "", fejl: fejl,
                           hjaelp: "Bruges til at omregne et år til et andet års priser (gælder alle regioner).", tal: true),
                ]),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Takstaftale")]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("takstaftale_minimum", "Krævet reduktion over perioden (%)", vaerdi: f["takstaftale_minimum"] ?? "", fejl: fejl, tal: true),
                        E.felt("takstaftale_tidligere", "Sidste periodes krav (%)", vaerdi: f["takstaftale_tidligere"] ?? "", fejl: fejl, tal: true),
                    ]),
                    E.afkrydsning("takstaftale_maa_ikke_stige", "Ingen driftsherre må stige", valgt: f["takstaftale_maa_ikke_stige"] == "ja"),
                ]),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Socialtilsynets vægte for tilsynstakster")]),
                    E.el("div", [("class", "kolonner")], Stoerrelseskategori.allCases.enumerated().map { i, k in
                        E.felt("vaegt_\(i + 1)", "Vægt \(k.tekst)", vaerdi: f["vaegt_\(i + 1)"] ?? "", fejl: fejl, tal: true)
                    }),
                    E.el("p", [("class", "hjaelp")], [.text("Standard 1 : 1,2 : 2 : 3. Sat her, bruges vægtene i stedet for socialtilsynets egne.")]),
                ]),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Frist")]),
                    E.felt("frist", "Frist for driftsherrernes takster for \(aar)", vaerdi: f["frist"] ?? "", fejl: fejl, type: "date",
                           hjaelp: "Vises for driftsherrerne. åååå-mm-dd."),
                ]),
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Kontrakter")]),
                    E.valgfelt("aflastning", "Aflastning afregnes efter", valg: [("", "Ikke sat (kildernes regel for regionen, hvis nogen)")]
                                + Aflastningsgrundlag.allCases.map { ($0.rawValue, $0.tekst) }, valgt: f["aflastning"] ?? "", fejl: fejl,
                               hjaelp: "Standardkontraktens afkrydsning (002:13096–13098); Nordjylland: bevilgede døgn (003:739–741)."),
                ]),
                E.el("div", [("class", "knapper")], [E.knap("Gem parametre")]),
            ]),
        ])
    }
}

/// The audit log with filters (secretariat and administrator).
struct Revisionslogside {
    let haendelser: [Haendelse]
    let antal: Int
    let side: Int
    let prSide: Int
    let felter: [String: String]
    let valg: (brugere: [String], entiteter: [String], handlinger: [String])
    let fejl: [String: String]
    let kontekst: Sidekontekst

    static func tabel(_ h: [Haendelse]) -> Tabel {
        let iso = ISO8601DateFormatter()
        return Tabel(kolonner: ["tidspunkt", "bruger", "handling", "entitet", "entitet_id", "begrundelse", "foer", "efter"], raekker: h.map {
            [.tekst(iso.string(from: $0.tidspunkt)), .tekst($0.bruger), .tekst($0.handling), .tekst($0.entitet), .tekst($0.entitetID),
             .tekst($0.begrundelse ?? ""), .tekst($0.foer ?? ""), .tekst($0.efter ?? "")]
        })
    }

    static func tabelHTML(_ h: [Haendelse], caption: String) -> E.N {
        guard !h.isEmpty else { return .p("Ingen hændelser.") }
        return E.ramme("Tabel", .table(
            .caption(.text(caption)),
            .thead(.tr(.th("Hvornår"), .th("Hvem"), .th("Hvad"), .th("Begrundelse"), .th("Før"), .th("Efter"))),
            .tbody(.forEach(h) { x in
                .tr(.td(E.el("time", [("datetime", ISO8601DateFormatter().string(from: x.tidspunkt))], [.text(Visning.tid(x.tidspunkt))])),
                    .td(.text(x.bruger)),
                    .td(.text("\(x.handling) \(x.entitet)"),
                        .if(x.entitet == "takstniveau" && !x.entitetID.isEmpty,
                            .group(.text(" "), E.lenke("/sekretariat/niveau/\(x.entitetID)", "åbn")))),
                    .td(.text(x.begrundelse ?? "")),
                    .td(json(x.foer)), .td(json(x.efter)))
            })))
    }

    static func json(_ s: String?) -> E.N {
        guard let s, !s.isEmpty else { return .text("–") }
        if s.count <= 80 { return E.el("pre", [], [.text(s)]) }
        return E.el("details", [], [E.el("summary", [], [.text("Vis (\(s.count) tegn)")]), E.el("pre", [], [.text(s)])])
    }

    var html: HTML {
        let sider = max(1, (antal + prSide - 1) / prSide)
        func url(_ side: Int, format: String? = nil) -> String {
            "/revisionslog" + E.soegestreng(["bruger", "entitet", "handling", "fra", "til", "id"].map { ($0, felter[$0] ?? "") }
                                               + [("side", side == 1 ? "" : "\(side)"), ("format", format ?? "")])
        }
        return Side.dokument(titel: "Revisionslog", kontekst: kontekst, [
            .h1("Revisionslog"),
            .p("Hver skrivning: hvem, hvornår, hvad, før, efter og hvorfor. Nyeste først."),
            E.fejloversigt(fejl, raekkefoelge: ["fra", "til"]),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/revisionslog"), ("role", "search"), ("aria-label", "Filtrér revisionsloggen")], [
                E.valgfelt("bruger", "Bruger", valg: [("", "Alle")] + valg.brugere.map { ($0, $0) }, valgt: felter["bruger"] ?? ""),
                E.valgfelt("entitet", "Hvad", valg: [("", "Alt")] + valg.entiteter.map { ($0, $0) }, valgt: felter["entitet"] ?? ""),
                E.valgfelt("handling", "Handling", valg: [("", "Alle")] + valg.handlinger.map { ($0, $0) }, valgt: felter["handling"] ?? ""),
                E.felt("fra", "Fra dato", vaerdi: felter["fra"] ?? "", fejl: fejl, type: "date"),
                E.felt("til", "Til og med dato", vaerdi: felter["til"] ?? "", fejl: fejl, type: "date"),
                E.skjult("id", felter["id"] ?? ""),
                E.knap("Filtrér", klasse: "sekundaer"),
            ]),
            .p(.text("\(antal) hændelse\(antal == 1 ? "" : "r")."), .text(" "), E.lenke(url(1, format: "csv"), "Hent som CSV"), .text(" · "), E.lenke(url(1, format: "xlsx"), "som XLSX")),
            Revisionslogside.tabelHTML(haendelser, caption: "Revisionslog, side \(side) af \(sider)"),
            .if(sider > 1, E.el("nav", [("class", "sideskift"), ("aria-label", "Sider")], [
                .if(side > 1, E.lenke(url(side - 1), "← Nyere")),
                .text("Side \(side) af \(sider)"),
                .if(side < sider, E.lenke(url(side + 1), "Ældre →")),
            ])),
        ])
    }
}
