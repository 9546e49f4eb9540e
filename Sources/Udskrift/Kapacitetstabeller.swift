import Filformater
import Foundation
import Takstregler

/// The pladsoversigt as rows and columns, one definition for web and command line: the grouping
/// fields by name, then `antal_tilbud`, `pladser` and places per type.
public enum Kapacitetstabeller {
    /// `medLedige`: the vacant places at the chosen date and the tilbud whose vacancy is unknown.
    public static func pladsoversigt(_ raekker: [Kapacitetsoversigt.Raekke], efter felter: [Kapacitetsoversigt.Felt],
                                     medLedige: Bool = false) -> Tabel {
        Tabel(kolonner: felter.map(\.rawValue) + ["antal_tilbud", "pladser", "pladser_dag", "pladser_doegn", "pladser_ambulant"]
                + (medLedige ? ["ledige", "tilbud_ledige_ukendt"] : []),
              raekker: raekker.map { r in
                  r.felter.map { .tekst($0) } + [.heltal(r.antalTilbud), .tal(r.pladser, decimaler: nil), .tal(r.dag, decimaler: nil),
                                                 .tal(r.doegn, decimaler: nil), .tal(r.ambulant, decimaler: nil)]
                      + (medLedige ? [.heltal(r.ledige), .heltal(r.ledigeUkendt)] : [])
              })
    }

    /// The central udmelding's figures per tilbud (001:3031–3330): "oplyses ikke" as written, never 0.
    /// `offentlig` masks a borgerflow of 1–3 as ≤3 (DOMAIN.md 6.10); the secretariat's copy is exact.
    public static func udmelding(_ data: [Udmeldingsdata], offentlig: Bool) -> Tabel {
        let aar = Set(data.flatMap(\.borgerflow.keys)).sorted()
        return Tabel(kolonner: ["tilbud", "driftsherre", "maalgruppe", "pladser"] + aar.map { "borgerflow_\($0)" }
                        + ["aarsvaerk", "erfaring_pct", "hovedparten_erfaren", "note"],
                     raekker: data.map { d in
                         [.tekst(d.tilbud), .tekst(d.driftsherre), .tekst(d.maalgruppe), oplysning(d.pladser)]
                             + aar.map { a in d.borgerflow[a].map { .tekst((offentlig ? $0.offentlig : $0).tekst) } ?? .tom }
                             + [oplysning(d.aarsvaerk), oplysning(d.erfaringPct),
                                .tekst(d.hovedpartenErfaren.map { $0 ? "ja" : "nej" } ?? "oplyses ikke"), .tekst(d.note)]
                     })
    }

    static func oplysning(_ o: Oplysning) -> Tabelcelle {
        switch o {
        case .vaerdi(let v): return .tal(v, decimaler: nil)
        case .oplysesIkke: return .tekst("oplyses ikke")
        }
    }
}
