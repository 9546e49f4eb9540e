import Foundation
import Plot
import Takstregler

/// A tilbud's provisions with their life (DOMAIN.md 6.2), as the driftsherre and the secretariat see them.
enum Hensaettelsesvisning {
    static func html(_ h: [Hensaettelse], iaar: Int) -> E.N {
        guard !h.isEmpty else { return .empty }
        return .group(
            E.el("h2", [("id", "hensaettelser")], [.text("Hensættelser")]),
            .p(.text("Saldo \(iaar): \(Visning.kroner(Hensaettelser.saldo(h, iaar: iaar), .heleKroner)) kr. En hensættelse skal bruges inden for \(Hensaettelse.levetidAar) år efter regnskabsåret; ellers indregnes den i taksten alligevel.")),
            E.ramme("Tabel", .table(
                .caption("Hensættelser af overskud"),
                .thead(.tr(.th("Regnskabsår"), .th(.class("tal"), "Hensat (kr.)"), .th("Bruges senest"), .th("Status"))),
                .tbody(.forEach(h) { x in
                    .tr(.td(.text("\(x.regnskabsaar)")), .td(.class("tal"), .text(Visning.kroner(x.beloeb, .heleKroner))),
                        .td(.text("\(x.brugesSenest)")),
                        .td(.text(x.udloebet(iaar: iaar) ? "Udløbet – skal indregnes i taksten" : "Åben")))
                })
            ))
        )
    }
}
