import Lager
import Plot
import Takstregler

/// One tilbud: every published takstniveau with the calculation that produced it.
struct TilbudSide {
    struct Niveauvisning {
        let niveau: Takstniveau
        let resultat: Takstresultat
        let begrundelse: String?
    }
    let tilbud: Tilbud
    let demo: Bool
    let kilde: String?
    let niveauer: [Niveauvisning]

    var html: HTML {
        Side.dokument(
            titel: tilbud.navn,
            .h1(.text(tilbud.navn), .if(demo, .span(.class("demo"), " demodata"))),
            .dl(
                .dt("Driftsherre"), .dd(.text(tilbud.driftsherre)),
                .dt("Målgruppe"), .dd(.text(tilbud.maalgruppe?.tekst ?? "–")),
                .dt("SEL §"), .dd(.text(tilbud.paragraf ?? "–")),
                .dt("Type"), .dd(.text(tilbud.type.tekst)),
                .unwrap(kilde) { .group(.dt("Kilde"), .dd(.text($0))) }
            ),
            .if(niveauer.isEmpty, .p("Tilbuddet har ingen offentliggjorte takster.")),
            .forEach(niveauer) { v in beregning(v) }
        )
    }

    private func beregning(_ v: Niveauvisning) -> Node<HTML.BodyContext> {
        let r = v.resultat
        let g = v.niveau.grundlag
        let kr = { (x: Kroner) in DanskTal.formater(x, decimaler: 2) }
        return .section(
            .h2("\(v.niveau.navn) – \(v.niveau.aar)"),
            .p(.strong(.text("\(g.enhed.tekst.capitalized): \(Visning.kroner(r.takst, g.afrunding)) kr.")),
               .text(v.niveau.version > 1 ? " (version \(v.niveau.version))" : "")),
            .unwrap(v.begrundelse) { .p(.text("Begrundelse for rettelse: \($0)")) },
            .div(.class("tabel"), .table(
                .caption("Takstberegning for \(v.niveau.navn) \(v.niveau.aar)"),
                .thead(.tr(.th("Post"), .th(.class("tal"), "Beløb (kr.)"))),
                .tbody(
                    .forEach(r.linjer) { l in
                        .tr(.class(l.art == .grundlag ? "sum" : ""), .td(.text(l.tekst)), .td(.class("tal"), .text(kr(l.beloeb))))
                    },
                    .tr(.td("Pladser"), .td(.class("tal"), .text(DanskTal.formaterKort(g.pladser)))),
                    .tr(.td(.text("\(g.enhed.enhedsnavn.capitalized) pr. år")), .td(.class("tal"), .text(DanskTal.formaterKort(r.enhederPrAar)))),
                    .tr(.td("Belægningsprocent"), .td(.class("tal"), .text("\(DanskTal.formaterKort(g.belaegningsprocent)) %"))),
                    .tr(.td(.text("Antal \(g.enhed.enhedsnavn) (pladser × \(g.enhed.enhedsnavn) × belægning, uafrundet)")),
                        .td(.class("tal"), .text(DanskTal.formaterKort(r.antalEnheder, maksDecimaler: 4)))),
                    .tr(.td("Takst før afrunding"), .td(.class("tal"), .text(DanskTal.formater(r.takstUafrundet, decimaler: 4)))),
                    .unwrap(r.basisYdelse) { by in
                        .group(
                            .tr(.td("Basistakst (afrundet)"), .td(.class("tal"), .text(DanskTal.formater(by.basistakst, decimaler: 0)))),
                            .tr(.td(.text("Ydelsestimetakst (\(DanskTal.formater(by.ydelsestimetakstUafrundet, decimaler: 2)) kr.)")),
                                .td(.class("tal"), .text(DanskTal.formater(by.ydelsestimetakst, decimaler: 0)))),
                            .tr(.td("Ydelsestakst (afrundet)"), .td(.class("tal"), .text(DanskTal.formater(by.ydelsestakst, decimaler: 0)))),
                            .tr(.class("sum"), .td("Takst i alt (basis + ydelse)"), .td(.class("tal"), .text(DanskTal.formater(by.takstIAlt, decimaler: 0))))
                        )
                    }
                )
            ))
        )
    }
}
