import Filformater
import Foundation
import Lager
import Takstregler

/// The secretariat's overview of next year's reporting and the takstbilag for DAS/FU, as tables
/// (one definition for the page, CSV and XLSX).
public enum Sekretariatstabeller {
    /// Per driftsherre: counts against the deadline, the tilbud still missing, and the accounts to remind.
    public static func oversigt(_ r: [Indberetningsoversigt.Raekke], konti: [String: [String]] = [:]) -> Tabel {
        Tabel(kolonner: ["driftsherre", "region", "tilbud", "indsendt", "i_gang", "mangler", "frist", "status", "udestaaende_tilbud", "email"],
              raekker: r.map { x in
                  [.tekst(x.driftsherre), .tekst(x.region ?? ""), .heltal(x.tilbud), .heltal(x.indsendt), .heltal(x.iGang), .heltal(x.mangler),
                   .tekst(x.frist ?? ""), .tekst(x.tilstand.tekst), .tekst(x.udestaaende.joined(separator: ", ")),
                   .tekst((konti[x.driftsherre] ?? []).joined(separator: ", "))]
              })
    }

    /// Every submitted takst for the year beside last year's, change in percent (one decimal as
    /// shown; exact in CSV), status and flags.
    public static func takstbilag(_ p: [Takstbilagspost]) -> Tabel {
        Tabel(kolonner: ["driftsherre", "tilbud", "takstniveau", "gyldig_fra", "enhed", "takst_sidste_aar_kr", "takst_kr", "aendring_pct",
                         "status", "begrundelse", "bemaerkninger"],
              raekker: p.map { x in
                  let a = x.post.niveau.grundlag.afrunding.decimaler
                  return [.tekst(x.post.tilbud.tilbud.driftsherre), .tekst(x.post.tilbud.tilbud.navn), .tekst(x.post.niveau.navn),
                          .tekst(x.post.niveau.periodestart), .tekst(x.post.niveau.grundlag.enhed.tekst),
                          x.post.sidsteAarsTakst.map { .tal($0, decimaler: a) } ?? .tom, .tal(x.post.takst, decimaler: a),
                          x.linje.aendringPct.map { .tal(afrundet($0, decimaler: 1), decimaler: 1) } ?? .tom,
                          .tekst(x.status.tekst), .tekst(x.post.begrundelse ?? ""), .tekst(x.linje.flag.map(\.tekst).joined(separator: "; "))]
              })
    }
}
