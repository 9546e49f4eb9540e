import Filformater
import Foundation
import Takstregler

/// Key figures as tables and JSON, one definition for web and command line (DOMAIN.md 6.11).
public enum Noegletalstabeller {
    /// The regions in the catalogue, in Danish order.
    public static func regioner(_ indikatorer: [Indikator]) -> [String] {
        Set(indikatorer.flatMap(\.vaerdier.keys)).sorted(by: DanskSortering.foer)
    }

    /// A group's indicators with each region's value and the chosen region's placement.
    public static func gruppe(_ indikatorer: [Indikator], region: String?, uafgjort: Placering.Uafgjort = .bedste) -> Tabel {
        let regioner = regioner(indikatorer)
        return Tabel(kolonner: ["indikator", "enhed", "aar", "retning"] + regioner + (region.map { ["placering_\($0)"] } ?? []),
                     raekker: indikatorer.map { i in
                         [.tekst(i.navn), .tekst(i.enhed), .tekst(i.aar), .tekst(i.retning.rawValue)]
                             + regioner.map { r in i.vaerdier[r].map { .tal($0, decimaler: nil) } ?? .tom }
                             + (region.map { r in [Placering.rang(i.vaerdier, retning: i.retning, uafgjort: uafgjort)[r].map { .heltal($0) } ?? .tom] } ?? [])
                     })
    }

    /// One row per group: the count, and per indicator its placement.
    public static func placering(_ g: [Gruppeplacering]) -> Tabel {
        Tabel(kolonner: ["gruppe", "indikator", "placering", "top2"], raekker: g.flatMap { x in
            x.indikatorer.map { [.tekst(x.gruppe), .tekst($0.indikator), .heltal($0.placering), .sandhed($0.placering <= 2)] }
                + [[.tekst(x.gruppe), .tekst("I alt: \(x.top2) af \(x.antal)"), .tom, .heltal(x.top2)]]
        })
    }

    /// `[{"gruppe", "antal", "top2", "indikatorer": [{"indikator", "placering"}], "foelsomme": [...]}]`.
    public static func placeringJSON(_ g: [Gruppeplacering]) -> JSONVaerdi {
        .array(g.map { x in
            .objekt([("gruppe", .tekst(x.gruppe)), ("antal", .tal(Decimal(x.antal))), ("top2", .tal(Decimal(x.top2))),
                     ("indikatorer", .array(x.indikatorer.map { .objekt([("indikator", .tekst($0.indikator)), ("placering", .tal(Decimal($0.placering)))]) })),
                     ("foelsomme", .array(x.foelsomme.map { .tekst($0) }))])
        })
    }

    /// "Nordjylland har højeste eller næsthøjeste placering i 10 af 13" per group.
    public static func saetninger(_ g: [Gruppeplacering], region: String) -> [String] {
        g.map { "\(region) har højeste eller næsthøjeste placering i \($0.top2) af \($0.antal) indikatorer (\($0.gruppe))." }
    }

    public static func overhead(_ r: Overhead.Resultat) -> Tabel {
        Tabel(kolonner: ["felt", "vaerdi"], raekker: [
            [.tekst("gennemsnit"), .tal(afrundet(r.gennemsnit, decimaler: 2), decimaler: 2)], [.tekst("min"), .tal(r.min, decimaler: 2)],
            [.tekst("max"), .tal(r.max, decimaler: nil)], [.tekst("antal"), .heltal(r.antal)],
            [.tekst("ikke_oplyst"), .tekst(r.ikkeOplyst.joined(separator: ", "))],
        ])
    }

    public static func overheadJSON(_ r: Overhead.Resultat) -> JSONVaerdi {
        .objekt([("gennemsnit", .tal(afrundet(r.gennemsnit, decimaler: 2))), ("min", .tal(r.min)), ("max", .tal(r.max)),
                 ("antal", .tal(Decimal(r.antal))), ("ikke_oplyst", .tal(Decimal(r.ikkeOplyst.count))),
                 ("ikke_oplyst_driftsherrer", .array(r.ikkeOplyst.map { .tekst($0) }))])
    }

    /// Each socialtilsyn's takst per column with its difference from the average (one decimal, as published).
    public static func tilsyn(_ k: [Tilsynssammenligning.Kolonne]) -> Tabel {
        let tilsyn = Set(k.flatMap(\.afvigelse.keys)).sorted(by: DanskSortering.foer)
        return Tabel(kolonner: ["kolonne", "gennemsnit_kr"] + tilsyn.map { "afvigelse_pct_\($0)" }, raekker: k.map { x in
            [.tekst(x.kolonne), .tal(x.gennemsnit, decimaler: 0)] + tilsyn.map { t in x.afvigelse[t].map { .tal(afrundet($0, decimaler: 1), decimaler: 1) } ?? .tom }
        })
    }

    /// The projection: population, demand and the scenarios, one decimal as shown (exact inside).
    public static func fremskrivning(_ r: [Fremskrivning.Raekke]) -> Tabel {
        let scenarier = r.first.map { Array($0.scenarier.keys).sorted() } ?? []
        func navn(_ s: Decimal) -> String { "scenarie_\(s > 0 ? "+" : "")\(DanskTal.formaterKort(s))_pct" }
        return Tabel(kolonner: ["kommune", "grundlag", "behov"] + scenarier.map(navn), raekker: r.map { x in
            [.tekst(x.kommune), .tal(x.grundlag, decimaler: nil), .tal(afrundet(x.behov, decimaler: 1), decimaler: 1)]
                + scenarier.map { .tal(afrundet(x.scenarier[$0]!, decimaler: 1), decimaler: 1) }
        })
    }
}
