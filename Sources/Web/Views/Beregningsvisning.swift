import Plot
import Takstregler

/// A takst's calculation as a table: cost lines, other income, overhead, regulation, the
/// grundlag, pladser × enheder × belægning (unrounded), the takst before and after rounding.
/// Shown on the public tilbud page, the reporting form and the secretariat's review page.
enum Beregningsvisning {
    static func tabel(_ n: Takstniveau, _ r: Takstresultat, caption: String? = nil) -> Node<HTML.BodyContext> {
        let g = n.grundlag
        let kr = { (x: Kroner) in DanskTal.formater(x, decimaler: 2) }
        return E.ramme("Tabel", .table(
            .caption(.text(caption ?? "Takstberegning for \(n.navn) \(n.aar)")),
            .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Post"),
                       .th(.class("tal"), .attribute(named: "scope", value: "col"), "Beløb (kr.)"))),
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
                .if(r.basisYdelse == nil,
                    .tr(.class("sum"), .td(.text("\(g.enhed.tekst.capitalized) (afrundet \(g.afrunding == .oere ? "til øre" : "til hele kroner"))")),
                        .td(.class("tal"), .text(Visning.kroner(r.takst, g.afrunding))))),
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
    }
}
