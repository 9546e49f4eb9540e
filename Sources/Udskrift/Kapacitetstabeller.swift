import Filformater
import Foundation
import Takstregler

/// The pladsoversigt as rows and columns, one definition for web and command line: the grouping
/// fields by name, then `antal_tilbud`, `pladser` and places per type.
public enum Kapacitetstabeller {
    public static func pladsoversigt(_ raekker: [Kapacitetsoversigt.Raekke], efter felter: [Kapacitetsoversigt.Felt]) -> Tabel {
        Tabel(kolonner: felter.map(\.rawValue) + ["antal_tilbud", "pladser", "pladser_dag", "pladser_doegn", "pladser_ambulant"],
              raekker: raekker.map { r in
                  r.felter.map { .tekst($0) } + [.heltal(r.antalTilbud), .tal(r.pladser, decimaler: nil), .tal(r.dag, decimaler: nil),
                                                 .tal(r.doegn, decimaler: nil), .tal(r.ambulant, decimaler: nil)]
              })
    }
}
