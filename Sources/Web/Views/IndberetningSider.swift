import Foundation
import Lager
import Plot
import Takstregler

/// The driftsherre's pages: the overview of its tilbud with status and deadline, and one tilbud
/// with its takstniveauer, regnskab and belægning.
enum IndberetningSider {
    static func fristtekst(_ frist: String?, aar: Int) -> E.N {
        if let frist {
            return E.el("p", [("class", "info")], [.text("Frist for indberetning af takster for \(aar): "), .element(named: "strong", nodes: [Node<HTML.BodyContext>.text(Visning.dato(frist))]), .text(".")])
        }
        return E.el("p", [("class", "info")], [.text("Sekretariatet har endnu ikke sat en frist for takster for \(aar).")])
    }

    static func statusopsummering(_ niveauer: [GemtTakstniveau]) -> E.N {
        let nyeste = nyesteVersioner(niveauer)
        guard !nyeste.isEmpty else { return .text("Ikke påbegyndt") }
        var antal: [Status: Int] = [:]
        for n in nyeste { antal[n.status, default: 0] += 1 }
        return .group(Status.allCases.filter { antal[$0] != nil }.map { s in
            .group(E.status(s), .text(" × \(antal[s]!) "))
        })
    }

    /// The newest version of each level.
    static func nyesteVersioner(_ n: [GemtTakstniveau]) -> [GemtTakstniveau] {
        var pr: [String: GemtTakstniveau] = [:]
        // One row per level and period (DOMAIN.md 6.1): a period is its own record.
        for m in n {
            let k = m.navn + "\u{1}" + m.niveau.periodestart
            if let nu = pr[k], nu.version > m.version { continue }
            pr[k] = m
        }
        return pr.values.sorted { $0.navn == $1.navn ? $0.niveau.periodestart < $1.niveau.periodestart
            : $0.navn.compare($1.navn, options: .numeric) == .orderedAscending }
    }

    static func oversigt(bruger: Brugerkonto, aar: Int, tilbud: [TilbudMedEjer], niveauer: [UUID: [GemtTakstniveau]], frist: String?,
                         kontekst: Sidekontekst) -> HTML {
        Side.dokument(titel: "Indberetning \(aar)", kontekst: kontekst, [
            .h1(.text("Indberetning \(aar) – \(bruger.organisation ?? "")")),
            fristtekst(frist, aar: aar),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/indberetning")], [
                E.valgfelt("aar", "Takstår", valg: (kontekst.iaar - 2...kontekst.iaar + 2).reversed().map { ("\($0)", "\($0)") },
                           valgt: "\(aar)"),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            E.el("p", [], [E.lenke("/indberetning/ledelsesinformation", "Kommentér jeres rækker i ledelsesinformationen"), .text(" · "),
                           E.lenke("/indberetning/ledige", "Indberet ledige pladser")]),
            .if(tilbud.isEmpty, .p(.text("\(bruger.organisation ?? "Din organisation") har ingen tilbud i Takstfil. Kontakt sekretariatet."))),
            .if(!tilbud.isEmpty, E.ramme("Tabel", .table(
                .caption(.text("Dine tilbud og status for takster \(aar)")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Tilbud"), .th(.attribute(named: "scope", value: "col"), "Driftsherre"),
                           .th(.attribute(named: "scope", value: "col"), "Takstniveauer"), .th(.attribute(named: "scope", value: "col"), "Status"))),
                .tbody(.forEach(tilbud) { t in
                    let n = nyesteVersioner(niveauer[t.id] ?? [])
                    return .tr(
                        .th(.attribute(named: "scope", value: "row"), E.lenke("/indberetning/tilbud/\(t.id.uuidString)?aar=\(aar)", t.tilbud.navn),
                            .if(t.demo, .span(.class("demo"), " demo"))),
                        .td(.text(t.tilbud.driftsherre)),
                        .td(.text(n.isEmpty ? "–" : n.map { "\($0.navn): \(Visning.kroner($0.takst, $0.niveau.grundlag.afrunding))" }.joined(separator: "; "))),
                        .td(statusopsummering(niveauer[t.id] ?? []))
                    )
                })
            ))),
        ])
    }

    static func regnskabstabel(_ regnskaber: [GemtRegnskab]) -> Node<HTML.BodyContext> {
        E.ramme("Tabel", .table(
            .caption("Indberettede regnskaber"),
            .thead(.tr(.th("År"), .th("Status"), .th(.class("tal"), "Omkostninger (kr.)"), .th(.class("tal"), "Belægning"),
                       .th(.class("tal"), "Over-/underskud (kr.)"), .th(.class("tal"), "Tillægsydelser (kr.)"))),
            .tbody(.forEach(regnskaber) { (m: GemtRegnskab) -> Node<HTML.TableContext> in
                let rg = m.regnskab
                return .tr(.td(.text("\(m.aar)")), .td(E.status(m.status)),
                           .td(.class("tal"), .text(DanskTal.formater(rg.omkostninger, decimaler: 0))),
                           .td(.class("tal"), .text(DanskTal.formaterKort(rg.belaegning))),
                           .td(.class("tal"), .text(rg.resultat.map { DanskTal.formater($0, decimaler: 0) } ?? "–")),
                           .td(.class("tal"), .text(rg.tillaegsydelser.map { DanskTal.formater($0, decimaler: 0) } ?? "–")))
            })
        ))
    }

    static func tilbud(_ t: TilbudMedEjer, aar: Int, niveauer: [GemtTakstniveau], afvisninger: [UUID: String], sidsteAar: [GemtTakstniveau],
                       regnskaber: [GemtRegnskab], belaegningsaar: Int, belaegninger: [Belaegning], frist: String?,
                       formularer f: IndberetningController.Formularer, kanSkrive: Bool, sekretariat: Bool = false,
                       hensaettelser: [Hensaettelse] = [], csrf: String, kontekst: Sidekontekst) -> HTML {
        let nyeste = nyesteVersioner(niveauer)
        let mangler = nyesteVersioner(sidsteAar).filter { s in !nyeste.contains { $0.navn == s.navn } }
        let base = "/indberetning/tilbud/\(t.id.uuidString)"
        let r = f.regnskab
        let b = f.belaegning
        return Side.dokument(titel: "\(t.tilbud.navn) – indberetning \(aar)", kontekst: kontekst, [
            E.el("p", [], [E.lenke(kanSkrive ? "/indberetning?aar=\(aar)" : "/sekretariat", "← Oversigt")]),
            .h1(.text("\(t.tilbud.navn) – indberetning \(aar)"), .if(t.demo, .span(.class("demo"), " demo"))),
            .p(.text("\(t.tilbud.driftsherre) · \(t.tilbud.maalgruppe?.tekst ?? "ingen målgruppe") · \(t.tilbud.type.tekst)")),
            fristtekst(frist, aar: aar),
            .h2(.text("Takster \(aar)")),
            .if(nyeste.isEmpty, .p(.text("Der er ingen takstniveauer for \(aar) endnu."))),
            .if(!nyeste.isEmpty, E.ramme("Tabel", .table(
                .caption(.text("Takstniveauer \(aar)")),
                .thead(.tr(.th("Takstniveau"), .th("Gyldig fra"), .th("Version"), .th("Status"), .th(.class("tal"), "Takst (kr.)"), .th("Enhed"), .th("Handling"))),
                .tbody(.forEach(nyeste) { n in
                    let s = n.status
                    // The secretariat goes to its review page; the driftsherre to its form.
                    let link = sekretariat ? "/sekretariat/niveau/\(n.id.uuidString)"
                        : "\(base)/takst" + E.soegestreng([("aar", "\(aar)"), ("niveau", n.navn), ("gyldig_fra", n.niveau.gyldigFra ?? "")])
                    let afrunding = n.niveau.grundlag.afrunding
                    return .tr(
                        .td(E.lenke(link, n.navn)),
                        .td(.text(Visning.periode(n.niveau)), .if(n.niveau.midlertidig, .span(.class("midlertidig"), " midlertidig"))),
                        .td(.text("\(n.version)")),
                        .td(E.status(s), .unwrap(afvisninger[n.id]) { k in .p(.text("Sekretariatets kommentar: \(k)")) }),
                        .td(.class("tal"), .text(Visning.kroner(n.takst, afrunding))),
                        .td(.text(n.niveau.grundlag.enhed.tekst)),
                        .td(.if(kanSkrive && s.kanRettesAfIndberetter,
                                E.postform("/indberetning/niveau/\(n.id.uuidString)/indsend", csrf: csrf, [], [
                                    E.knap("Indsend \(n.navn)", klasse: "sekundaer"),
                                ]), else: .text(s == .kladde || s == .afvist ? "" : "Hos sekretariatet")))
                    )
                })
            ))),
            .if(kanSkrive, .group(
                .if(!mangler.isEmpty, .group(
                    .p(.text("Takstniveauer fra \(aar - 1) uden takst for \(aar):")),
                    .ul(.forEach(mangler) { m in
                        .li(E.lenke("\(base)/takst" + E.soegestreng([("aar", "\(aar)"), ("niveau", m.navn), ("fra", "\(aar - 1)")]),
                                    "Indberet \(m.navn) for \(aar) (udfyldt med tallene fra \(aar - 1))"))
                    })
                )),
                E.el("p", [], [E.lenke("\(base)/takst?aar=\(aar)", "Nyt takstniveau for \(aar)")])
            )),

            Hensaettelsesvisning.html(hensaettelser, iaar: kontekst.iaar),
            E.el("h2", [("id", "regnskab")], [.text("Regnskab")]),
            .if(regnskaber.isEmpty, .p("Der er ikke indberettet regnskab for tilbuddet.")),
            .if(!regnskaber.isEmpty, regnskabstabel(regnskaber)),
            .if(kanSkrive, E.postform("\(base)/regnskab", csrf: csrf, [("aria-labelledby", "regnskab-form")], [
                E.skjult("aar", "\(aar)"),
                E.el("fieldset", [], [
                    E.el("legend", [("id", "regnskab-form")], [.text("Indberet regnskab")]),
                    E.fejloversigt(f.regnskabsfejl, raekkefoelge: ["r_aar", "r_omkostninger", "r_takstindtaegter", "r_belaegning", "r_over_underskud", "r_tillaegsydelser"]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("r_aar", "Regnskabsår", vaerdi: r["r_aar"] ?? "\(kontekst.iaar - 1)", fejl: f.regnskabsfejl, tal: true, kraevet: true),
                        E.felt("r_omkostninger", "Årets omkostninger (kr.)", vaerdi: r["r_omkostninger"] ?? "", fejl: f.regnskabsfejl, tal: true, kraevet: true),
                        E.felt("r_takstindtaegter", "Takstindtægter (kr.)", vaerdi: r["r_takstindtaegter"] ?? "", fejl: f.regnskabsfejl,
                               hjaelp: "Over-/underskud = takstindtægter − omkostninger, hvis det ikke angives.", tal: true),
                        E.felt("r_belaegning", "Belægning (helårspladser)", vaerdi: r["r_belaegning"] ?? "", fejl: f.regnskabsfejl, tal: true, kraevet: true),
                        E.felt("r_over_underskud", "Over-/underskud (kr.)", vaerdi: r["r_over_underskud"] ?? "", fejl: f.regnskabsfejl,
                               hjaelp: "Overskud positivt, underskud negativt.", tal: true),
                        E.felt("r_tillaegsydelser", "Tillægsydelser inkl. indskrivning over 100 % (kr.)", vaerdi: r["r_tillaegsydelser"] ?? "",
                               fejl: f.regnskabsfejl, tal: true),
                    ]),
                    E.el("div", [("class", "knapper")], [
                        E.knap("Gem regnskab som kladde", klasse: "sekundaer", navn: "handling", vaerdi: "gem"),
                        E.knap("Indsend regnskab", navn: "handling", vaerdi: "indsend"),
                    ]),
                ]),
            ])),

            E.el("h2", [("id", "belaegning")], [.text("Belægning pr. kvartal \(belaegningsaar)")]),
            .if(belaegninger.isEmpty, .p(.text("Der er ikke indberettet belægning for \(belaegningsaar)."))),
            .if(!belaegninger.isEmpty, E.ramme("Tabel", .table(
                .caption(.text("Belægning \(belaegningsaar) (nyeste indberetning pr. kvartal)")),
                .thead(.tr(.th("Kvartal"), .th("Art"), .th(.class("tal"), "Normering (pladsdage)"), .th(.class("tal"), "Forbrug (pladsdage)"))),
                .tbody(.forEach(belaegninger) { x in
                    .tr(.td(.text("\(x.kvartal). kvartal")), .td(.text(x.art.tekst)),
                        .td(.class("tal"), .text(x.normering.map { DanskTal.formaterKort($0) } ?? "–")),
                        .td(.class("tal"), .text(x.forbrug.map { DanskTal.formaterKort($0) } ?? "–")))
                })
            ))),
            .if(kanSkrive, E.postform("\(base)/belaegning", csrf: csrf, [("aria-labelledby", "belaegning-form")], [
                E.skjult("aar", "\(aar)"),
                E.el("fieldset", [], [
                    E.el("legend", [("id", "belaegning-form")], [.text("Indberet belægning for et kvartal")]),
                    E.fejloversigt(f.belaegningsfejl, raekkefoelge: ["b_aar", "b_kvartal", "b_art", "b_normering", "b_forbrug"]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("b_aar", "År", vaerdi: b["b_aar"] ?? "\(belaegningsaar)", fejl: f.belaegningsfejl, tal: true, kraevet: true),
                        E.valgfelt("b_kvartal", "Kvartal", valg: (1...4).map { ("\($0)", "\($0). kvartal") }, valgt: b["b_kvartal"] ?? "1",
                                   fejl: f.belaegningsfejl),
                        E.valgfelt("b_art", "Art", valg: Belaegningsart.allCases.map { ($0.rawValue, $0.tekst) },
                                   valgt: b["b_art"] ?? (t.tilbud.type == .dag ? "dag" : "doegn"), fejl: f.belaegningsfejl),
                        E.felt("b_normering", "Normering (pladsdage)", vaerdi: b["b_normering"] ?? "", fejl: f.belaegningsfejl, tal: true, kraevet: true),
                        E.felt("b_forbrug", "Forbrug (pladsdage)", vaerdi: b["b_forbrug"] ?? "", fejl: f.belaegningsfejl, tal: true, kraevet: true),
                    ]),
                    E.el("div", [("class", "knapper")], [E.knap("Gem belægning")]),
                ]),
            ])),
        ])
    }
}

/// The takst form: the driftsherre's report of a takstniveau, and the secretariat's correction
/// of a published one. The takst is computed on the server (Beregn, Gem) and shown below.
struct TakstformularSide {
    enum Art { case indberetning, rettelse }
    let art: Art
    let tilbud: TilbudMedEjer
    let aar: Int
    let formular: Takstformular
    let fejl: [String: String]
    let generelle: [String]
    let status: Status?
    let version: Int?
    let revision: Int?
    let beregning: (Takstniveau, Takstresultat)?
    let info: [String]
    let handling: String
    let overheadParameter: Overheadmetode?
    let kanGemme: Bool
    let navnLaast: Bool
    let csrf: String
    let kontekst: Sidekontekst

    var html: HTML {
        let f = formular
        let navn = f["niveau"]
        let titel = art == .rettelse ? "Ret \(navn) \(aar) (ny version)"
            : (navn.isEmpty ? "Nyt takstniveau \(aar)" : "\(navn) \(aar)")
        let tilbage = art == .rettelse ? "/sekretariat" : "/indberetning/tilbud/\(tilbud.id.uuidString)?aar=\(aar)"
        return Side.dokument(titel: "\(tilbud.tilbud.navn): \(titel)", kontekst: kontekst, [
            E.el("p", [], [E.lenke(tilbage, art == .rettelse ? "← Behandling" : "← \(tilbud.tilbud.navn)")]),
            .h1(.text("\(tilbud.tilbud.navn): \(titel)")),
            .p(.text(tilbud.tilbud.driftsherre), .unwrap(status) { .group(.text(" · "), E.status($0)) }, .text(version.map { " · version \($0)" } ?? "")),
            .forEach(info) { E.el("p", [("class", "info")], [.text($0)]) },
            E.fejloversigt(fejl, raekkefoelge: Takstformular.feltraekkefoelge, generelle: generelle),
            .if(!kanGemme && art == .indberetning && status != nil,
                E.el("p", [("class", "info")], [.text("Takstniveauet er \(status?.tekst.lowercased() ?? "") og kan ikke ændres her.")])),
            E.postform(handling, csrf: csrf, [("class", "takstformular"), ("novalidate", "")], [
                E.skjult("aar", "\(aar)"),
                E.skjult("revision", revision.map { "\($0)" } ?? f["revision"]),
                // Line texts travel with the form, so a stored basis comes back line by line.
                .forEach(Omkostningskategori.allCases.flatMap { k in f.omkostningslinjer(k).map { Takstformular.omkostningsfelt(k, $0).tekst } }
                    .filter { !f[$0].isEmpty }) { felt in
                    E.skjult(felt, f[felt])
                },
                E.el("fieldset", [("disabled", kanGemme ? nil : "")], [
                    E.el("legend", [], [.text("Takstniveau")]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("niveau", "Navn", vaerdi: navn, fejl: fejl, hjaelp: navnLaast ? "Navnet kan ikke ændres; opret et nyt niveau i stedet." : "Fx \"Takst 1\" eller \"Døgnophold\".",
                               kraevet: true, ekstra: [("readonly", navnLaast ? "" : nil)]),
                        E.felt("gyldig_fra", "Gyldig fra", vaerdi: f["gyldig_fra"], fejl: fejl, type: "date",
                               hjaelp: navnLaast ? "Perioden kan ikke ændres; en ny dato er en ny periode." : "Tom: 1. januar. En ny dato er en ny periode; den tidligere gælder indtil da.",
                               ekstra: [("readonly", navnLaast ? "" : nil)]),
                        E.felt("kun_nye_fra", "Kun for borgere indskrevet fra", vaerdi: f["kun_nye_fra"], fejl: fejl, type: "date",
                               hjaelp: "Valgfri. De allerede indskrevne beholder den tidligere takst."),
                        E.valgfelt("enhed", "Takstenhed", valg: Takstenhed.allCases.map { ($0.rawValue, $0.tekst.capitalized) },
                                   valgt: f["enhed"].isEmpty ? "doegn" : f["enhed"], fejl: fejl),
                        E.felt("dage", "Enheder pr. plads pr. år", vaerdi: f["dage"], fejl: fejl,
                               hjaelp: "Tom: 365 for døgn, 12 for måned, 1 for år. Skal angives for dag- og timetakster.", tal: true),
                        E.valgfelt("afrunding", "Afrunding af taksten", valg: Afrunding.allCases.map { ($0.rawValue, $0 == .oere ? "Til øre" : "Til hele kroner") },
                                   valgt: f["afrunding"].isEmpty ? "hele_kroner" : f["afrunding"], fejl: fejl),
                    ]),
                ]),
                E.el("fieldset", [("disabled", kanGemme ? nil : "")], [
                    E.el("legend", [], [.text("Kapacitet")]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("pladser", "Pladser", vaerdi: f["pladser"], fejl: fejl, hjaelp: "Større end 0.", tal: true, kraevet: true),
                        E.felt("belaegningsprocent", "Belægningsprocent", vaerdi: f["belaegningsprocent"], fejl: fejl,
                               hjaelp: "Over 0 og højst 100, fx 95.", tal: true, kraevet: true),
                    ]),
                ]),
                E.el("fieldset", [("disabled", kanGemme ? nil : "")], [
                    E.el("legend", [], [.text("Budgetterede omkostninger \(aar) (kr.)")]),
                    E.el("div", [("class", "kolonner")], Omkostningskategori.allCases.flatMap { k in
                        f.omkostningslinjer(k).map { i in
                            let felt = Takstformular.omkostningsfelt(k, i)
                            let tekst = f[felt.tekst]
                            return E.felt(felt.beloeb, (i == 1 ? k.tekst : "\(k.tekst), linje \(i)") + (tekst.isEmpty ? "" : " (\(tekst))"),
                                          vaerdi: f[felt.beloeb], fejl: fejl, tal: true)
                        }
                    }),
                ]),
                E.el("fieldset", [("disabled", kanGemme ? nil : "")], [
                    E.el("legend", [], [.text("Andre indtægter (trækkes fra)")]),
                    E.el("div", [("class", "kolonner")], f.indtaegtslinjer.flatMap { i in
                        [E.felt("indt_tekst_\(i)", "Indtægt \(i): tekst", vaerdi: f["indt_tekst_\(i)"], fejl: fejl),
                         E.felt("indt_beloeb_\(i)", "Indtægt \(i): beløb (kr.)", vaerdi: f["indt_beloeb_\(i)"], fejl: fejl, tal: true)]
                    }),
                ]),
                E.el("fieldset", [("disabled", kanGemme ? nil : "")], [
                    E.el("legend", [], [.text("Overhead")]),
                    .unwrap(overheadParameter) { o in E.el("p", [("class", "hjaelp")], [.text("Sekretariatets parameter for \(aar): \(o.tekst).")]) },
                    E.el("div", [("class", "kolonner")], [
                        E.valgfelt("overhead_metode", "Metode", valg: Takstformular.overheadmetoder,
                                   valgt: f["overhead_metode"].isEmpty ? "ingen" : f["overhead_metode"], fejl: fejl),
                        E.felt("overhead_vaerdi", "Procent eller beløb", vaerdi: f["overhead_vaerdi"], fejl: fejl, tal: true),
                    ]),
                ]),
                E.el("fieldset", [("disabled", kanGemme ? nil : "")], [
                    E.el("legend", [], [.text("Efterregulering (DOMAIN 6.2)")]),
                    E.afkrydsning("efterregulering", "Medtag det godkendte over-/underskud fra \(Efterregulering.regnskabsaar(forTakstaar: aar))",
                                  valgt: f.medEfterregulering),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("hensaettelse", "Hensættelse af overskud (kr.)", vaerdi: f["hensaettelse"], fejl: fejl,
                               hjaelp: "Højst 5 % af grundlaget.", tal: true),
                        E.felt("andel", "Andel der indgår (0–1)", vaerdi: f["andel"], fejl: fejl, hjaelp: "Tom: 1 (det hele).", tal: true),
                    ]),
                ]),
                E.el("fieldset", [("disabled", kanGemme ? nil : "")], [
                    E.el("legend", [], [.text("Basis- og ydelsestakst (valgfrit)")]),
                    E.el("p", [("class", "hjaelp")], [.text("Udfyld, hvis taksten deles i en basistakst (basisbudget ÷ døgn) og en ydelsestakst (effektiv timeløn ÷ belægning × timer pr. døgn). Taksten er da summen af de to afrundede dele. Tomme felter for pladser, belægning og dage bruger takstniveauets.")]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("by_basisbudget", "Basisbudget (kr.)", vaerdi: f["by_basisbudget"], fejl: fejl, tal: true),
                        E.felt("by_timeloen", "Effektiv timeløn (kr.)", vaerdi: f["by_timeloen"], fejl: fejl, tal: true),
                        E.felt("by_timer", "Timer pr. døgn", vaerdi: f["by_timer"], fejl: fejl, hjaelp: "Tom: 8.", tal: true),
                        E.felt("by_pladser", "Pladser", vaerdi: f["by_pladser"], fejl: fejl, tal: true),
                        E.felt("by_belaegningsprocent", "Belægningsprocent", vaerdi: f["by_belaegningsprocent"], fejl: fejl, tal: true),
                        E.felt("by_dage", "Dage pr. år", vaerdi: f["by_dage"], fejl: fejl, hjaelp: "Tom: takstniveauets, ellers 365.", tal: true),
                    ]),
                ]),
                .if(kanGemme, E.tekstfelt("begrundelse", art == .rettelse ? "Begrundelse for rettelsen" : "Bemærkning til sekretariatet",
                            vaerdi: f["begrundelse"], fejl: fejl, hjaelp: art == .rettelse ? "Skal udfyldes; den vises ved den nye version." : "Fx forklaring på en stor ændring.",
                            kraevet: art == .rettelse)),
                .if(kanGemme, E.el("div", [("class", "knapper")], [
                    E.knap("Beregn (gemmer ikke)", klasse: "sekundaer", navn: "handling", vaerdi: "beregn"),
                    .if(kanGemme && art == .indberetning, .group(
                        E.knap("Gem kladde", navn: "handling", vaerdi: "gem"),
                        E.knap("Gem og indsend", navn: "handling", vaerdi: "indsend"))),
                    .if(kanGemme && art == .rettelse, E.knap("Opret rettelse som ny version", navn: "handling", vaerdi: "gem")),
                ])),
            ]),
            .unwrap(beregning) { (n, r) in
                E.el("section", [("aria-labelledby", "beregning")], [
                    E.el("h2", [("id", "beregning")], [.text("Beregnet takst: \(Visning.kroner(r.takst, n.grundlag.afrunding)) kr. (\(n.grundlag.enhed.tekst))")]),
                    Beregningsvisning.tabel(n, r, caption: "Beregning af \(n.navn) \(n.aar)"),
                ])
            },
        ])
    }
}
