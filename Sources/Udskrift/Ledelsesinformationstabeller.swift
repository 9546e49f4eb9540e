import Filformater
import Foundation
import Lager
import Takstregler

/// The ledelsesinformation tables as printable `Tabel`s: one definition used by every report
/// command (and later the web pages and exports). Comments go in a last column when there are any.
public enum Ledelsesinformationstabeller {
    public typealias Bemaerkninger = [String: [String]]

    public static func takstudvikling(_ r: [Takstudvikling.Raekke], _ b: Bemaerkninger = [:]) -> Tabel {
        medBemaerkninger(Tabel(
            kolonner: ["driftsherre", "belaegning_fra", "regnskab_fra_kr", "gns_pris_fra_kr",
                       "belaegning_til", "regnskab_til_kr", "gns_pris_til_kr", "takstudvikling_pct"],
            raekker: r.map {
                [.tekst($0.driftsherre), .tal($0.fra.belaegning, decimaler: nil), .tal($0.fra.regnskab, decimaler: 0),
                 tal($0.gnsPrisFra, 0), .tal($0.til.belaegning, decimaler: nil), .tal($0.til.regnskab, decimaler: 0),
                 tal($0.gnsPrisTil, 0), tal($0.udviklingPct, 2)]
            }), b)
    }

    public static func toAar(_ r: [ToAarsoversigt.Raekke], _ b: Bemaerkninger = [:]) -> Tabel {
        medBemaerkninger(Tabel(kolonner: ["driftsherre", "fra_kr", "til_kr"], raekker: r.map {
            [.tekst($0.driftsherre), .tal($0.fra, decimaler: 0), .tal($0.til, decimaler: 0)]
        }), b)
    }

    public static func belaegning(_ r: [Belaegningsoversigt.Raekke]) -> Tabel {
        Tabel(kolonner: ["maalgruppe", "dag_pct", "doegn_pct", "aaben_pct", "lukket_pct", "samlet_pct", "udeladte_maalinger"],
              raekker: r.map { raekke in
                  [.tekst(raekke.maalgruppe.tekst)] + Belaegningsart.allCases.map { tal(raekke.pr[$0]?.procent, 1) }
                      + [tal(raekke.samlet.procent, 1), .heltal(raekke.udeladte)]
              })
    }

    public static func pladser(_ r: [Pladsoversigt.Raekke], _ b: Bemaerkninger = [:]) -> Tabel {
        medBemaerkninger(Tabel(kolonner: ["driftsherre", "maalgruppe", "dag_fra", "doegn_fra", "dag_til", "doegn_til"], raekker: r.map {
            [.tekst($0.driftsherre), .tekst($0.maalgruppe?.tekst ?? ""), .tal($0.dagFra, decimaler: nil),
             .tal($0.doegnFra, decimaler: nil), .tal($0.dagTil, decimaler: nil), .tal($0.doegnTil, decimaler: nil)]
        }), b)
    }

    public static func takstaftale(_ r: [Takstaftale.Vurdering]) -> Tabel {
        Tabel(kolonner: ["driftsherre", "kraevet_reduktion_pct", "faktisk_reduktion_pct", "overholdt", "begrundelse"], raekker: r.map {
            [.tekst($0.driftsherre), .tal($0.kraevetReduktion * 100, decimaler: 2), .tal($0.faktiskReduktion * 100, decimaler: 2),
             .sandhed($0.overholdt), .tekst($0.begrundelse)]
        })
    }

    public static func niveauudvikling(_ r: [NiveauTakstudvikling.Driftsherre], gennemsnit: [(String, Decimal)]) -> Tabel {
        Tabel(kolonner: ["driftsherre", "antal_niveauer", "takstudvikling_pct"], raekker: r.map {
            [.tekst($0.driftsherre), .heltal($0.antalNiveauer), .tal($0.udviklingPct, decimaler: 2)]
        } + gennemsnit.map { [.tekst($0.0), .tom, .tal($0.1, decimaler: 2)] })
    }

    /// All five tables for `aar − 1` and `aar`: key, heading, sheet title and table.
    public static func alle(_ l: Lager, aar: Int, region: String?) async throws -> [(noegle: String, overskrift: String, titel: String, tabel: Tabel)] {
        let fra = aar - 1
        let k = try await l.kommentarer(aar: aar)
        let g = try await l.ledelsesinformation(fra: fra, til: aar, region: region)
        return [
            ("takstudvikling", "Tabel 1. Takstudvikling på regnskab \(fra)–\(aar)", "1 Takstudvikling",
             takstudvikling(g.takstudvikling, k["takstudvikling"] ?? [:])),
            ("over_underskud", "Tabel 2. Over-/underskud \(fra)–\(aar)", "2 Over-underskud",
             toAar(g.toAar(\.resultat), k["over_underskud"] ?? [:])),
            ("tillaegsydelser", "Tabel 3. Tillægsydelser \(fra)–\(aar)", "3 Tillægsydelser",
             toAar(g.toAar(\.tillaegsydelser), k["tillaegsydelser"] ?? [:])),
            ("belaegning", "Tabel 4. Belægning pr. målgruppe \(aar)", "4 Belægning", belaegning(g.belaegningstabel)),
            ("pladser", "Tabel 5. Pladsoversigt \(fra)–\(aar)", "5 Pladser", pladser(g.pladstabel, k["pladser"] ?? [:])),
        ]
    }

    private static func tal(_ v: Decimal?, _ decimaler: Int) -> Tabelcelle { v.map { .tal($0, decimaler: decimaler) } ?? .tom }

    private static func medBemaerkninger(_ t: Tabel, _ b: Bemaerkninger) -> Tabel {
        guard !b.isEmpty else { return t }
        var ny = Tabel(kolonner: t.kolonner + ["bemaerkninger"])
        ny.raekker = t.raekker.map { r in
            guard case .tekst(let d) = r[0] else { return r + [.tom] }
            return r + [b[d].map { .tekst($0.joined(separator: " | ")) } ?? .tom]
        }
        return ny
    }
}
