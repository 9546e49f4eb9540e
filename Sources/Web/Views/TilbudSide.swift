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
        /// A correction's reason (only corrections show theirs publicly).
        let begrundelse: String?
        let beslutning: Beslutning?
        /// A later version of the same period (a correction), not a new period.
        let erRettelse: Bool
    }
    let id: UUID
    let tilbud: Tilbud
    let demo: Bool
    let kilde: String?
    /// Every published version, any year.
    let niveauer: [Niveauvisning]
    var kontekst: Sidekontekst = .tom

    /// The version in force per year, level and period: the newest published one (newest year first).
    var gaeldende: [Niveauvisning] {
        Takstniveau.gaeldende(niveauer, \.niveau).sorted { a, b in
            a.niveau.aar != b.niveau.aar ? a.niveau.aar > b.niveau.aar
                : a.niveau.navn != b.niveau.navn ? a.niveau.navn.compare(b.niveau.navn, options: .numeric) == .orderedAscending
                : a.niveau.periodestart < b.niveau.periodestart
        }
    }

    /// The history: one row per period of each level (the CSV download and the chart's data).
    var historik: Tabel {
        Tabel(kolonner: ["aar", "gyldig_fra", "kun_nye_fra", "takstniveau", "version", "takst_kr", "midlertidig", "enhed", "pladser",
                         "belaegningsprocent", "begrundelse"],
              raekker: gaeldende.sorted { ($0.niveau.periodestart, $0.niveau.navn) < ($1.niveau.periodestart, $1.niveau.navn) }.map { v in
                  [.heltal(v.niveau.aar), .tekst(v.niveau.periodestart), v.niveau.kunForIndskrevetFra.map { .tekst($0) } ?? .tom,
                   .tekst(v.niveau.navn), .heltal(v.niveau.version),
                   .tal(v.resultat.takst, decimaler: v.niveau.grundlag.afrunding.decimaler), .sandhed(v.niveau.midlertidig),
                   .tekst(v.niveau.grundlag.enhed.tekst),
                   .tal(v.niveau.grundlag.pladser, decimaler: nil), .tal(v.niveau.grundlag.belaegningsprocent, decimaler: nil),
                   .tekst(v.begrundelse ?? "")]
              })
    }

    var html: HTML {
        let g = gaeldende
        let aar = Array(Set(g.map(\.niveau.aar))).sorted()
        // The timeline: one point per period start; each level shows the takst in force from that day.
        let starter = Array(Set(g.map(\.niveau.periodestart))).sorted()
        let navne = Array(Set(g.map(\.niveau.navn))).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let serier = navne.map { n in
            Diagram.Serie(navn: n, vaerdier: starter.map { d in Takstperioder.gaeldende(g.filter { $0.niveau.navn == n }, dato: d, \.niveau)?.resultat.takst })
        }
        let rettelser = niveauer.filter { v in v.erRettelse || niveauer.contains { $0.erRettelse && $0.niveau.navn == v.niveau.navn && $0.niveau.periodestart == v.niveau.periodestart } }
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
                Diagram.linjer(id: "historik", titel: "Takster for \(tilbud.navn) pr. periode og takstniveau (kr.)",
                               aar: starter.map(TilbudSide.punkt), serier: serier,
                               format: { DanskTal.formater($0, decimaler: 2) }),
                Tabelvisning.html(historik, overskrifter: TilbudSide.overskrift, caption: "Takster pr. periode (gældende version)"),
                E.el("p", [("class", "download")], [E.lenke("/tilbud/\(id.uuidString)?format=csv", "Hent historikken som CSV"), .text(" · "), E.lenke("/tilbud/\(id.uuidString)?format=xlsx", "som XLSX")])
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
                E.ramme("Tabel", .table(
                    .caption("Offentliggjorte versioner"),
                    .thead(.tr(.th("År"), .th("Gyldig fra"), .th("Takstniveau"), .th("Version"), .th(.class("tal"), "Takst (kr.)"), .th("Begrundelse"))),
                    .tbody(.forEach(rettelser.sorted { ($0.niveau.aar, $0.niveau.navn, $0.niveau.version) > ($1.niveau.aar, $1.niveau.navn, $1.niveau.version) }) { v in
                        .tr(.td(.text("\(v.niveau.aar)")), .td(.text(Visning.dato(v.niveau.periodestart))), .td(.text(v.niveau.navn)), .td(.text("\(v.niveau.version)")),
                            .td(.class("tal"), .text(Visning.kroner(v.resultat.takst, v.niveau.grundlag.afrunding))),
                            .td(.text(v.begrundelse ?? "")))
                    })
                ))
            ))
        )
    }

    /// A point on the timeline: the year for a period from 1 January, otherwise the day ("1/7 2022").
    static func punkt(_ dato: String) -> String {
        if dato.hasSuffix("-01-01") { return String(dato.prefix(4)) }
        let d = dato.split(separator: "-").compactMap { Int($0) }
        return d.count == 3 ? "\(d[2])/\(d[1]) \(d[0])" : dato
    }

    static func overskrift(_ k: String) -> String {
        ["aar": "År", "gyldig_fra": "Gyldig fra", "kun_nye_fra": "Kun borgere indskrevet fra", "midlertidig": "Midlertidig",
         "takstniveau": "Takstniveau", "version": "Version", "takst_kr": "Takst (kr.)", "enhed": "Enhed",
         "pladser": "Pladser", "belaegningsprocent": "Belægning (%)", "begrundelse": "Begrundelse"][k] ?? k
    }

    private func beregning(_ v: Niveauvisning) -> Node<HTML.BodyContext> {
        let g = v.niveau.grundlag
        let fra = v.niveau.gyldigFra == nil ? "" : ", fra " + Visning.dato(v.niveau.periodestart)
        let midlertidig = v.niveau.midlertidig ? "; godkendt som midlertidig, indtil den endelige takst afløser den fra sin egen dato" : ""
        return .section(
            .h3(.text("\(v.niveau.navn) – \(v.niveau.aar)" + fra)),
            .p(.strong(.text("\(g.enhed.tekst.capitalized): \(Visning.kroner(v.resultat.takst, g.afrunding)) kr.")),
               .if(v.niveau.midlertidig, .span(.class("midlertidig"), " midlertidig takst")),
               .text(v.erRettelse ? " (rettet, version \(v.niveau.version))" : "")),
            .p(.text("Gælder fra " + Visning.periode(v.niveau) + midlertidig + ".")),
            .unwrap(v.beslutning) { b in .p(.text("Godkendt af " + Visning.beslutning(b))) },
            .unwrap(v.begrundelse) { .p(.text("Begrundelse for rettelse: \($0)")) },
            Beregningsvisning.tabel(v.niveau, v.resultat)
        )
    }
}
