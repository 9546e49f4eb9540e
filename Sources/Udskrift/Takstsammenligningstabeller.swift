import Filformater
import Foundation
import Lager
import Takstregler

/// The comparison of published takster across regions (DOMAIN.md 6.11) as rows, one definition
/// for the page, CSV and XLSX.
public enum Takstsammenligningstabeller {
    /// The published levels in force (already chosen for a date) as comparison posts; the region
    /// is the driftsherre's.
    public static func poster(_ liste: [TilbudMedTakster], regioner: [String: String]) -> [Takstsammenligning.Post] {
        liste.flatMap { t in
            // Once per tilbud, not per level (perf: splitting the text per level was a tenth of a cold request).
            let paragraffer = t.tilbud.paragraffer, region = regioner[t.tilbud.driftsherre] ?? "ikke oplyst"
            return t.niveauer.map { n in
                Takstsammenligning.Post(tilbudID: t.id, tilbud: t.tilbud.navn, region: region,
                                        maalgruppe: t.tilbud.maalgruppe?.tekst ?? "ikke oplyst", paragraffer: paragraffer,
                                        type: t.tilbud.type, enhed: n.niveau.grundlag.enhed, niveau: n.niveau.navn, takst: n.takst)
            }
        }
    }

    public static let typetekst: [Tilbud.Type_: String] = [.dag: "dag", .doegn: "døgn", .ambulant: "ambulant"]

    public static func tabel(_ g: [Takstsammenligning.Gruppe: [String: Takstsammenligning.Celle]]) -> Tabel {
        Tabel(kolonner: ["maalgruppe", "paragraf", "type", "enhed", "region", "antal_tilbud", "antal_takster", "min_kr", "kvartil1_kr",
                         "median_kr", "kvartil3_kr", "max_kr"],
              raekker: g.keys.sorted().flatMap { gruppe in
                  g[gruppe]!.keys.sorted(by: DanskSortering.foer).map { r in
                      let c = g[gruppe]![r]!
                      return [.tekst(gruppe.maalgruppe), .tekst(gruppe.paragraf), .tekst(typetekst[gruppe.type] ?? gruppe.type.rawValue),
                              .tekst(gruppe.enhed.tekst), .tekst(r), .heltal(c.antalTilbud), .heltal(c.antalTakster),
                              .tal(c.min, decimaler: 2), .tal(afrundet(c.q1, decimaler: 2), decimaler: 2), .tal(afrundet(c.median, decimaler: 2), decimaler: 2),
                              .tal(afrundet(c.q3, decimaler: 2), decimaler: 2), .tal(c.max, decimaler: 2)]
                  }
              })
    }
}
