import Filformater
import Foundation
import Lager
import Plot
import Takstregler
import Udskrift

/// The pages of the supply/demand review (DOMAIN.md 6.10). The tables come from
/// `Afdaekningstabeller`, so the page, CSV and XLSX show the same figures.
enum AfdaekningSider {
    static func overskrift(_ k: String) -> String {
        ["kommune": "Kommune", "felt": "Oplysning", "vaerdi": "Værdi", "svar": "Svar", "antal_kommuner": "Kommuner", "andel": "Andel",
         "status": "Status", "version": "Version", "kilde": "Kilde", "spoergsmaal": "Spørgsmål", "raekke": "Række",
         "kolonne": "Kolonne", "besked": "Fund"][k] ?? k
    }

    static func erSum(_ r: [Tabelcelle]) -> Bool {
        if case .tekst(let t) = r[0] { return t.hasPrefix(Afdaekningstabeller.iAlt) }
        return false
    }

    /// The report's tables under their questions; `ark` is `Afdaekningstabeller.offentlig` or `.fuld`.
    static func tabeller(_ g: GemtAfdaekning, ark: [(navn: String, tabel: Tabel)]) -> [E.N] {
        ark.flatMap { a -> [E.N] in
            let s = g.afdaekning.spoergsmaal.first { "Spørgsmål \($0.noegle.dropFirst())" == a.navn }
            let titel = s.map { "\(a.navn). \($0.tekst)" } ?? a.navn
            return [.h2(.text(titel)),
                    a.tabel.raekker.isEmpty ? .p(.text("Ingen svar endnu.")) : Tabelvisning.html(a.tabel, overskrifter: overskrift, caption: titel, sumraekke: erSum)]
        }
    }

    static func offentligListe(_ alle: [GemtAfdaekning], kontekst: Sidekontekst) -> HTML {
        Side.dokument(titel: "Udbud og efterspørgsel", kontekst: kontekst, [
            .h1(.text("Udbud og efterspørgsel")),
            .p(.text("Den årlige afdækning af udbud og efterspørgsel: kommunernes svar om behov og pladser. Antal på 1–3 borgere vises som ≤3.")),
            .if(alle.isEmpty, .p(.text("Der er ingen offentliggjorte afdækninger endnu."))),
            .ul(.forEach(alle) { g in
                .li(E.lenke("/kapacitet/afdaekninger/\(g.id)", g.afdaekning.titel),
                    .text(" (\(g.afdaekning.region), offentliggjort \(g.offentliggjort.map(Visning.dato) ?? ""))"))
            }),
        ])
    }

    static func rapport(_ g: GemtAfdaekning, ark: [(navn: String, tabel: Tabel)], offentlig: Bool, kontekst: Sidekontekst) -> HTML {
        let url = offentlig ? "/kapacitet/afdaekninger/\(g.id)" : "/sekretariat/afdaekninger/\(g.id)"
        return Side.dokument(titel: g.afdaekning.titel, kontekst: kontekst, [
            .h1(.text(g.afdaekning.titel)),
            .unwrap(g.beslutning) { .p(.text("Behandlet: \(Visning.beslutning($0)).")) },
            .p(.text("Antal på 1–3 borgere vises som ≤3. Totalerne er regnet af de faktiske tal; hvor en total ville afsløre en maskeret værdi, vises den som interval.")),
        ] + tabeller(g, ark: ark) + [
            E.el("p", [("class", "download")], [E.lenke(url + "?format=csv", "Hent som CSV"), .text(" · "), E.lenke(url + "?format=xlsx", "Hent som XLSX")]),
        ])
    }

    static func sekretariatListe(_ alle: [GemtAfdaekning], svarprocenter: [UUID: String], regioner: [String], region: String, kommuner: [String],
                                 felter: [String: String], fejl: [String: String], csrf: String, kontekst: Sidekontekst) -> HTML {
        let n = AfdaekningController.antalSpoergsmaalsfelter
        let valgteKommuner: Set<String> = felter.isEmpty ? Set(kommuner) : Set(felter.filter { $0.key.hasPrefix("inviter_") }.map(\.value))
        let raekkefoelge = ["titel", "aar", "region", "maalgrupper"] + (1...n).flatMap { ["s\($0)_tekst", "s\($0)_art", "s\($0)_aar", "s\($0)_valg"] } + ["inviterede"]
        return Side.dokument(titel: "Afdækninger af udbud og efterspørgsel", kontekst: kontekst, [
            .h1(.text("Afdækninger af udbud og efterspørgsel")),
            .if(alle.isEmpty, .p(.text("Ingen afdækninger endnu."))),
            .if(!alle.isEmpty, E.ramme("Afdækninger", E.el("table", [], [
                E.el("caption", [], [.text("Afdækninger")]),
                E.el("thead", [], [E.el("tr", [], ["Afdækning", "År", "Region", "Svar", "Status"].map { E.el("th", [("scope", "col")], [.text($0)]) })]),
                E.el("tbody", [], alle.map { g in
                    E.el("tr", [], [
                        E.el("td", [], [E.lenke("/sekretariat/afdaekninger/\(g.id)", g.afdaekning.titel)]),
                        E.el("td", [], [.text("\(g.afdaekning.aar)")]), E.el("td", [], [.text(g.afdaekning.region)]),
                        E.el("td", [], [.text(svarprocenter[g.id] ?? "")]), E.el("td", [], [.text(g.status.tekst)]),
                    ])
                }),
            ]))),
            .h2(.text("Ny afdækning")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/sekretariat/afdaekninger")], [
                E.valgfelt("region", "Region", valg: regioner.map { ($0, $0) }, valgt: region, id: "f-region-skift"),
                E.knap("Vis regionens kommuner", klasse: "sekundaer"),
            ]),
            E.fejloversigt(fejl, raekkefoelge: raekkefoelge),
            E.postform("/sekretariat/afdaekninger", csrf: csrf, [], [
                E.skjult("region", region),
                E.felt("titel", "Titel", vaerdi: felter["titel"] ?? "", fejl: fejl, kraevet: true),
                E.felt("aar", "År", vaerdi: felter["aar"] ?? "", fejl: fejl, tal: true, kraevet: true),
                E.tekstfelt("maalgrupper", "Målgrupper (én pr. linje)", vaerdi: felter["maalgrupper"] ?? "", fejl: fejl, raekker: 3,
                            hjaelp: "Regionens egne målgrupper, fx Autisme og Udadreagerende adfærd"),
                E.el("fieldset", [], [E.el("legend", [], [.text("Spørgsmål")]),
                                      E.el("p", [("class", "hjaelp")], [.text("Antal pr. år: skriv årene som 2020-2022. Valg: skriv svarene adskilt af semikolon, fx Ja; Nej. Tomme rækker springes over.")])]
                     + (1...n).flatMap { i -> [E.N] in [
                         E.felt("s\(i)_tekst", "Spørgsmål \(i)", vaerdi: felter["s\(i)_tekst"] ?? "", fejl: fejl),
                         E.valgfelt("s\(i)_art", "Slags (spørgsmål \(i))", valg: Spoergsmaal.Art.allCases.map { ($0.rawValue, $0.tekst) },
                                    valgt: felter["s\(i)_art"] ?? "antal", fejl: fejl),
                         E.felt("s\(i)_aar", "År (spørgsmål \(i))", vaerdi: felter["s\(i)_aar"] ?? "", fejl: fejl),
                         E.felt("s\(i)_valg", "Svarmuligheder (spørgsmål \(i))", vaerdi: felter["s\(i)_valg"] ?? "", fejl: fejl),
                     ] }),
                E.el("fieldset", [("id", "f-inviterede")], [E.el("legend", [], [.text("Inviterede kommuner i \(region)")])]
                     + (kommuner.isEmpty ? [E.el("p", [], [.text("Regionen har ingen kommuner i Takstfil.")])] : [])
                     + kommuner.enumerated().map { i, k in
                         E.el("div", [("class", "felt afkryds")], [
                             E.tomt("input", [("id", "f-inviter_\(i + 1)"), ("name", "inviter_\(i + 1)"), ("type", "checkbox"), ("value", k),
                                              ("checked", valgteKommuner.contains(k) ? "" : nil)]),
                             E.el("label", [("for", "f-inviter_\(i + 1)")], [.text(k)]),
                         ])
                     }),
                E.knap("Opret og inviter"),
            ]),
        ])
    }

    static func sekretariatRapport(_ g: GemtAfdaekning, _ o: Afdaekningsopgoerelse, ark: [(navn: String, tabel: Tabel)],
                                   aarsager: [String: GemtAfvigelsesaarsag], fejl: [String: String],
                                   importfejl: [String], felter: [String: String], csrf: String, kontekst: Sidekontekst) -> HTML {
        let a = g.afdaekning
        let url = "/sekretariat/afdaekninger/\(g.id)"
        let antalSpoergsmaal = a.spoergsmaal.filter { $0.art == .antal }
        return Side.dokument(titel: a.titel, kontekst: kontekst, [
            .h1(.text(a.titel)),
            E.el("p", [("class", "svarprocent")], [.strong(.text("Svar: \(o.svarprocent.tekst)")), .text(" · \(g.status.tekst)")]),
            .p(.text("\(a.region), \(a.aar). Målgrupper: \(a.maalgrupper.isEmpty ? "ingen angivet" : a.maalgrupper.joined(separator: ", ")). Kun indsendte svar tæller; summerne er intervaller (et interval lægger sine ender til, ? og tomt lægger 0 til).")),
            .unwrap(g.beslutning) { .p(.text("Behandlet: \(Visning.beslutning($0)). Offentliggjort \(g.offentliggjort.map(Visning.dato) ?? "").")) },
            .if(g.status == .offentliggjort, .p(E.lenke("/kapacitet/afdaekninger/\(g.id)", "Se den offentlige rapport"))),
        ] + tabeller(g, ark: ark.filter { !["Oversigt", "Afstemning"].contains($0.navn) }) + afstemning(g, o, aarsager: aarsager, fejl: fejl, csrf: csrf) + [
            E.el("p", [("class", "download")], [E.lenke(url + "?format=xlsx", "Hent hele afdækningen som XLSX"), .text(" · "), E.lenke(url + "?format=csv", "CSV")]),
            .if(g.status.kanBesvares && !antalSpoergsmaal.isEmpty, .group(
                .h2(.text("Importér svar fra CSV")),
                .p(.text("Én række pr. kommune, én kolonne pr. år (kommune;2020;2021;2022), eventuelt en trykt total til sidst (I alt …). Hele filen afvises, hvis én celle er forkert.")),
                .if(!importfejl.isEmpty, E.el("div", [("class", "advarsel"), ("role", "alert")], [
                    E.el("h2", [], [.text("Filen er ikke importeret")]), E.el("ul", [], importfejl.map { E.el("li", [], [.text($0)]) }),
                ])),
                E.postform(url + "/import", csrf: csrf, [("enctype", "multipart/form-data")], [
                    E.valgfelt("spoergsmaal", "Spørgsmål", valg: antalSpoergsmaal.map { ($0.noegle, "\($0.noegle.dropFirst()). \($0.tekst)") },
                               valgt: antalSpoergsmaal.first?.noegle ?? ""),
                    E.felt("fil", "CSV-fil", fejl: fejl, type: "file", ekstra: [("accept", ".csv,text/csv")]),
                    E.tekstfelt("csv", "… eller indsæt rækkerne her", raekker: 4, hjaelp: "Fx kommune;2024;2025 og en række pr. kommune"),
                    E.knap("Importér", klasse: "sekundaer"),
                ])
            )),
            .if(g.status.kanOffentliggoeres, .group(
                .h2(.text("Offentliggør rapporten")),
                .p(.text("Offentligheden ser de maskerede tal (≤3) og fordelingerne, ikke fritekstsvarene.")),
                E.fejloversigt(fejl.filter { $0.key != "fil" }, raekkefoelge: ["organ", "dato", "punkt"]),
                E.postform(url + "/offentliggoer", csrf: csrf, [], [
                    E.valgfelt("organ", "Organ", valg: [("", "Vælg"), ("DAS", "DAS"), ("DASSOS", "DASSOS"), ("FU", "FU"), ("KKR", "KKR")],
                               valgt: felter["organ"] ?? "", fejl: fejl),
                    E.felt("dato", "Mødedato", vaerdi: felter["dato"] ?? "", fejl: fejl, type: "date"),
                    E.felt("punkt", "Dagsordenspunkt", vaerdi: felter["punkt"] ?? "", fejl: fejl),
                    E.tekstfelt("tekst", "Beslutning", vaerdi: felter["tekst"] ?? "", fejl: fejl, raekker: 2),
                    E.knap("Offentliggør"),
                ])
            )),
        ])
    }

    /// Printed totals against the answers' sums, each difference with a reason to choose (DOMAIN.md 6.13).
    static func afstemning(_ g: GemtAfdaekning, _ o: Afdaekningsopgoerelse, aarsager: [String: GemtAfvigelsesaarsag],
                           fejl: [String: String], csrf: String) -> [E.N] {
        guard !o.afstemning.isEmpty else { return [] }
        let afvigelser = o.afstemning.filter { !$0.stemmer }
        return [
            E.el("h2", [("id", "afstemning")], [.text("Afstemning med trykte totaler")]),
            .p(.text(afvigelser.isEmpty ? "Alle trykte totaler ligger inden for det, svarene tillader."
                     : "\(afvigelser.count) af \(o.afstemning.count) trykte totaler ligger uden for det, svarene tillader. Angiv årsagen til hver forskel.")),
            Tabelvisning.html(Afstemningstabeller.poster(o.afstemning, aarsager: aarsager), overskrifter: {
                ["tabel": "Tabel", "felt": "Kolonne", "trykt": "Trykt", "beregnet": "Beregnet", "forskel": "Forskel", "tolerance": "Tolerance",
                 "stemmer": "Stemmer", "aarsag": "Årsag", "bemaerkning": "Bemærkning"][$0] ?? $0
            }, caption: "Afstemning med trykte totaler"),
            .if(!fejl.isEmpty && fejl["aarsag"] != nil, E.el("p", [("class", "fejlbesked"), ("role", "alert")], [.text(fejl["aarsag"] ?? "")])),
        ] + afvigelser.enumerated().map { i, p in
            E.postform("/sekretariat/afdaekninger/\(g.id)/afstemning", csrf: csrf, [("class", "soeg")], [
                E.skjult("tabel", p.tabel), E.skjult("felt", p.felt),
                E.valgfelt("aarsag", "Årsag (\(p.tabel), \(p.felt): trykt \(p.trykt), beregnet \(p.beregnet))",
                           valg: [("", "Vælg")] + Afvigelsesaarsag.allCases.map { ($0.rawValue, $0.tekst) },
                           valgt: aarsager["\(p.tabel)|\(p.felt)"]?.aarsag.rawValue ?? "", id: "f-aarsag-\(i + 1)"),
                E.felt("bemaerkning", "Bemærkning", vaerdi: aarsager["\(p.tabel)|\(p.felt)"]?.bemaerkning ?? "", id: "f-bemaerkning-\(i + 1)"),
                E.knap("Gem årsag", klasse: "sekundaer"),
            ])
        }
    }

    static func kommunensListe(_ egne: [GemtAfdaekning], status: [UUID: String], organisation: String, kontekst: Sidekontekst) -> HTML {
        Side.dokument(titel: "Afdækning af udbud og efterspørgsel", kontekst: kontekst, [
            .h1(.text("Afdækning af udbud og efterspørgsel – \(organisation)")),
            .if(egne.isEmpty, .p(.text("\(organisation) er ikke inviteret til nogen afdækning."))),
            .ul(.forEach(egne) { g in
                .li(E.lenke("/afdaekninger/\(g.id)", g.afdaekning.titel), .text(" – \(status[g.id] ?? "") (\(g.status.tekst.lowercased()))"))
            }),
        ])
    }

    static func svarside(_ g: GemtAfdaekning, kommune: String, gemt: GemtSvar?, felter: [String: String], fejl: [String: String],
                         csrf: String, kontekst: Sidekontekst) -> HTML {
        let a = g.afdaekning
        let kanSvare = g.status.kanBesvares && gemt?.status != .indsendt
        let rf = a.spoergsmaal.flatMap(\.felter)
        let hjaelp = "Et tal, et interval som 8-10, ? (ukendt), - (opgøres ikke) eller ca. 25. Skriv det faktiske antal, også 1–3; det maskeres ved offentliggørelsen."
        return Side.dokument(titel: "\(a.titel) – \(kommune)", kontekst: kontekst, [
            .h1(.text("\(a.titel) – \(kommune)")),
            .p(.text(gemt.map { "Jeres svar: \($0.status.tekst.lowercased()) (version \($0.version), \(Visning.tid($0.tidspunkt)))." } ?? "I har ikke svaret endnu.")),
            .if(!a.maalgrupper.isEmpty, .p(.text("Målgrupper: \(a.maalgrupper.joined(separator: ", ")).")))
        ] + (kanSvare ? [
            E.fejloversigt(fejl, raekkefoelge: rf),
            E.postform("/afdaekninger/\(g.id)", csrf: csrf, [("novalidate", "")], a.spoergsmaal.map { s -> E.N in
                switch s.art {
                case .antal:
                    return E.el("fieldset", [], [E.el("legend", [], [.text("\(s.noegle.dropFirst()). \(s.tekst)")]),
                                                 E.el("p", [("class", "hjaelp")], [.text(hjaelp)])]
                                + s.aar.map { aar in E.felt(s.felt(aar: aar), "\(aar)", vaerdi: felter[s.felt(aar: aar)] ?? "", fejl: fejl) })
                case .valg:
                    return E.valgfelt(s.noegle, "\(s.noegle.dropFirst()). \(s.tekst)", valg: [("", "Vælg")] + s.valgmuligheder.map { ($0, $0) },
                                      valgt: felter[s.noegle] ?? "", fejl: fejl)
                case .fritekst:
                    return E.tekstfelt(s.noegle, "\(s.noegle.dropFirst()). \(s.tekst)", vaerdi: felter[s.noegle] ?? "", fejl: fejl, raekker: 4)
                }
            } + [E.el("div", [("class", "knapper")], [E.knap("Gem kladde", klasse: "sekundaer", navn: "handling", vaerdi: "gem"),
                                                      E.knap("Indsend", navn: "handling", vaerdi: "indsend")])]),
        ] : [
            .h2(.text("Jeres svar")),
            E.el("dl", [], a.spoergsmaal.flatMap { s -> [E.N] in
                switch s.art {
                case .antal:
                    return s.aar.flatMap { aar -> [E.N] in
                        let t = Besvarelse(felter: felter).taelling(s, aar: aar).tekst
                        return [E.el("dt", [], [.text("\(s.tekst), \(aar)")]), E.el("dd", [], [.text(t.isEmpty ? "(ikke besvaret)" : t)])]
                    }
                case .valg, .fritekst:
                    return [E.el("dt", [], [.text(s.tekst)]), E.el("dd", [], [.text(felter[s.noegle] ?? "(ikke besvaret)")])]
                }
            }),
        ]))
    }
}
