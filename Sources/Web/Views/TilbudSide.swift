import Filformater
import Foundation
import Lager
import Plot
import Takstregler
import Udskrift

/// One tilbud: every published takstniveau with the calculation that produced it, the takst
/// history as a chart, and every published version (corrections included).
struct TilbudSide {
    struct Niveauvisning {
        let niveau: Takstniveau
        let resultat: Takstresultat
        let begrundelse: String?
        let beslutning: Beslutning?
    }
    let id: UUID
    let tilbud: Tilbud
    let demo: Bool
    let kilde: String?
    /// Every published version, any year.
    let niveauer: [Niveauvisning]
    var kontekst: Sidekontekst = .tom

    /// The version in force per year and level: the newest published one.
    var gaeldende: [Niveauvisning] {
        Takstniveau.gaeldende(niveauer, \.niveau).sorted { a, b in
            a.niveau.aar != b.niveau.aar ? a.niveau.aar > b.niveau.aar
                : a.niveau.navn.compare(b.niveau.navn, options: .numeric) == .orderedAscending
        }
    }

    /// The history: one row per year and level (the CSV download and the chart's data).
    var historik: Tabel {
        Tabel(kolonner: ["aar", "takstniveau", "version", "takst_kr", "enhed", "pladser", "belaegningsprocent", "begrundelse"],
              raekker: gaeldende.sorted { ($0.niveau.aar, $0.niveau.navn) < ($1.niveau.aar, $1.niveau.navn) }.map { v in
                  [.heltal(v.niveau.aar), .tekst(v.niveau.navn), .heltal(v.niveau.version),
                   .tal(v.resultat.takst, decimaler: v.niveau.grundlag.afrunding.decimaler), .tekst(v.niveau.grundlag.enhed.tekst),
                   .tal(v.niveau.grundlag.pladser, decimaler: nil), .tal(v.niveau.grundlag.belaegningsprocent, decimaler: nil),
                   .tekst(v.begrundelse ?? "")]
              })
    }

    var html: HTML {
        let g = gaeldende
        let aar = Array(Set(g.map(\.niveau.aar))).sorted()
        let navne = Array(Set(g.map(\.niveau.navn))).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let serier = navne.map { n in
            Diagram.Serie(navn: n, vaerdier: aar.map { a in g.first { $0.niveau.aar == a && $0.niveau.navn == n }?.resultat.takst })
        }
        let rettelser = niveauer.filter { $0.niveau.version > 1 }
        return Side.dokument(
            titel: tilbud.navn, kontekst: kontekst,
            .h1(.text(tilbud.navn), .if(demo, .span(.class("demo"), " demodata"))),
            .dl(.class("fakta"),
                .dt("Driftsherre"), .dd(.text(tilbud.driftsherre)),
                .dt("Målgruppe"), .dd(.text(tilbud.maalgruppe?.tekst ?? "–")),
                .dt("SEL §"), .dd(.text(tilbud.paragraf ?? "–")),
                .dt("Type"), .dd(.text(tilbud.type.tekst)),
                .if(!tilbud.afdelinger.isEmpty, .group(.dt("Afdelinger"), .dd(.text(tilbud.afdelinger.joined(separator: ", "))))),
                .unwrap(kilde) { .group(.dt("Kilde"), .dd(.text($0))) }
            ),
            .if(niveauer.isEmpty, .p("Tilbuddet har ingen offentliggjorte takster.")),
            .if(!g.isEmpty, .group(
                .h2("Takstudvikling"),
                Diagram.linjer(id: "historik", titel: "Takster for \(tilbud.navn) pr. år og takstniveau (kr.)", aar: aar, serier: serier,
                               format: { DanskTal.formater($0, decimaler: 2) }),
                Tabelvisning.html(historik, overskrifter: TilbudSide.overskrift, caption: "Takster pr. år (gældende version)"),
                E.el("p", [("class", "download")], [E.lenke("/tilbud/\(id.uuidString)?format=csv", "Hent historikken som CSV")])
            )),
            .forEach(aar.reversed().enumerated()) { (i, a) in
                let aarets = g.filter { $0.niveau.aar == a }
                let indhold: Node<HTML.BodyContext> = .forEach(aarets) { v in beregning(v) }
                return i == 0
                    ? .section(.h2(.text("Takster \(a)")), indhold)
                    : .section(E.el("details", [], [E.el("summary", [], [.text("Takster \(a) (\(aarets.count) takstniveau\(aarets.count == 1 ? "" : "er"))")]), indhold]))
            },
            .if(!rettelser.isEmpty, .group(
                .h2("Rettelser"),
                .p("Offentliggjorte takster ændres aldrig; en rettelse er en ny version med en begrundelse. Alle versioner:"),
                .div(.class("tabel"), .table(
                    .caption("Offentliggjorte versioner"),
                    .thead(.tr(.th("År"), .th("Takstniveau"), .th("Version"), .th(.class("tal"), "Takst (kr.)"), .th("Begrundelse"))),
                    .tbody(.forEach(niveauer.sorted { ($0.niveau.aar, $0.niveau.navn, $0.niveau.version) > ($1.niveau.aar, $1.niveau.navn, $1.niveau.version) }) { v in
                        .tr(.td(.text("\(v.niveau.aar)")), .td(.text(v.niveau.navn)), .td(.text("\(v.niveau.version)")),
                            .td(.class("tal"), .text(Visning.kroner(v.resultat.takst, v.niveau.grundlag.afrunding))),
                            .td(.text(v.begrundelse ?? "")))
                    })
                ))
            ))
        )
    }

    static func overskrift(_ k: String) -> String {
        ["aar": "År", "takstniveau": "Takstniveau", "version": "Version", "takst_kr": "Takst (kr.)", "enhed": "Enhed",
         "pladser": "Pladser", "belaegningsprocent": "Belægning (%)", "begrundelse": "Begrundelse"][k] ?? k
    }

    private func beregning(_ v: Niveauvisning) -> Node<HTML.BodyContext> {
        let g = v.niveau.grundlag
        return .section(
            .h3(.text("\(v.niveau.navn) – \(v.niveau.aar)")),
            .p(.strong(.text("\(g.enhed.tekst.capitalized): \(Visning.kroner(v.resultat.takst, g.afrunding)) kr.")),
               .text(v.niveau.version > 1 ? " (version \(v.niveau.version))" : "")),
            .unwrap(v.beslutning) { b in .p(.text("Godkendt af " + Visning.beslutning(b))) },
            .unwrap(v.begrundelse) { .p(.text("Begrundelse for rettelse: \($0)")) },
            Beregningsvisning.tabel(v.niveau, v.resultat)
        )
    }
}
