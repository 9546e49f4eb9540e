import Lager
import Plot
import Takstregler

/// The public takstfil for one year (tilbudsviften).
struct TakstlisteSide {
    let aar: Int
    let soeg: String
    let raekker: [TilbudMedTakster]
    let aarMedTakster: [Int]

    var html: HTML {
        let aarValg = Array(Set(aarMedTakster + [aar])).sorted(by: >)
        return Side.dokument(
            titel: "Takster \(aar)",
            .h1("Tilbud og takster \(aar)"),
            .form(.class("soeg"), .method(.get), .action("/"),
                  .label("Søg efter tilbud eller driftsherre",
                         .input(.type(.search), .name("q"), .value(soeg))),
                  .label("År", Formular.valg(navn: "aar", valg: aarValg.map { ("\($0)", "\($0)") }, valgt: "\(aar)")),
                  .button(.type(.submit), "Vis")),
            .p("\(raekker.count) tilbud med offentliggjorte takster."),
            .if(raekker.isEmpty, .p("Der er ingen offentliggjorte takster for \(aar).")),
            .div(.class("tabel"), .table(
                .caption("Offentliggjorte takster \(aar)"),
                .thead(.tr(.th("Tilbud"), .th("Driftsherre"), .th("Målgruppe"), .th("SEL §"), .th("Type"),
                           .th("Takstniveau"), .th(.class("tal"), "Takst (kr.)"), .th("Enhed"))),
                .tbody(.forEach(raekker) { t in
                    .forEach(Array(t.niveauer.enumerated())) { (i, n) in
                        .tr(
                            .td(.if(i == 0, .group(.a(.href("/tilbud/\(t.id.uuidString)"), .text(t.tilbud.navn)),
                                                     .if(t.demo, .span(.class("demo"), " demo"))))),
                            .td(.if(i == 0, .text(t.tilbud.driftsherre))),
                            .td(.if(i == 0, .text(t.tilbud.maalgruppe?.tekst ?? ""))),
                            .td(.if(i == 0, .text(t.tilbud.paragraf ?? ""))),
                            .td(.if(i == 0, .text(t.tilbud.type.tekst))),
                            .td(.text(n.niveau.navn)),
                            .td(.class("tal"), .text(Visning.kroner(n.takst, n.niveau.grundlag.afrunding))),
                            .td(.text(n.niveau.grundlag.enhed.tekst))
                        )
                    }
                })
            ))
        )
    }
}

enum Visning {
    /// Published takster as the source shows them: whole kroner or øre.
    static func kroner(_ v: Kroner, _ afrunding: Afrunding) -> String {
        DanskTal.formater(v, decimaler: afrunding.decimaler)
    }
}
