import Filformater
import Foundation
import Lager
import Takstregler

/// The reconciliation list (DOMAIN.md 6.13), one layout for reviews (web, XLSX) and allocations
/// (`takstfil fordel` with printed amounts): printed and computed figure, difference, tolerance,
/// whether they agree, and the secretariat's reason.
public enum Afstemningstabeller {
    public static func poster(_ poster: [Afstemningspost], aarsager: [String: GemtAfvigelsesaarsag] = [:]) -> Tabel {
        Tabel(kolonner: ["tabel", "felt", "trykt", "beregnet", "forskel", "tolerance", "stemmer", "aarsag", "bemaerkning"],
              raekker: poster.map { p in
                  let a = aarsager["\(p.tabel)|\(p.felt)"]
                  return [.tekst(p.tabel), .tekst(p.felt), .tekst(p.trykt), .tekst(p.beregnet), .tekst(p.forskel), .tekst(p.tolerance),
                          .tekst(p.stemmer ? "ja" : "nej"), a.map { .tekst($0.aarsag.tekst) } ?? .tom, a?.bemaerkning.map { .tekst($0) } ?? .tom]
              })
    }
}
