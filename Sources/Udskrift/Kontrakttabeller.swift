import Filformater
import Foundation
import Takstregler

/// Contracts and the 1 January P/L regulation as tables and JSON (DOMAIN.md 6.12): one definition
/// for the command line and the web pages. Prices in kroner and øre.
public enum Kontrakttabeller {
    public static func regulering(_ r: PLRegulering.Resultat) -> Tabel {
        Tabel(kolonner: ["fra_aar", "til_aar", "sats", "procent", "kilde", "foer_kr", "efter_kr"], raekker: r.trin.map { t in
            [.heltal(t.sats.aarFra), .heltal(t.sats.aarTil), .tekst(t.sats.type.tekst), .tal(t.sats.procent, decimaler: nil),
             .tekst(t.sats.reference), .tal(t.foer, decimaler: 2), .tal(t.efter, decimaler: 2)]
        } + [[.tekst("I alt"), .heltal(r.tilAar), .tekst(r.leverandoer.satstype.tekst), .tal(afrundet(r.samletProcent, decimaler: 2), decimaler: 2),
              .tom, .tal(r.pris, decimaler: 2), .tal(r.reguleretPris, decimaler: 2)]])
    }

    public static func reguleringJSON(_ r: PLRegulering.Resultat) -> JSONVaerdi {
        .objekt([("pris", .fastTal(r.pris, decimaler: 2)), ("fra_aar", .tal(Decimal(r.fraAar))), ("til_aar", .tal(Decimal(r.tilAar))),
                 ("leverandoer", .tekst(r.leverandoer.rawValue)), ("reguleret_pris", .fastTal(r.reguleretPris, decimaler: 2)),
                 ("trin", .array(r.trin.map { t in
                     .objekt([("fra_aar", .tal(Decimal(t.sats.aarFra))), ("til_aar", .tal(Decimal(t.sats.aarTil))), ("procent", .tal(t.sats.procent)),
                              ("kilde", .tekst(t.sats.kilde)), ("art", .tekst(t.sats.art)), ("reference", .tekst(t.sats.reference)),
                              ("foer", .fastTal(t.foer, decimaler: 2)), ("efter", .fastTal(t.efter, decimaler: 2))])
                 }))])
    }

    public static func opsigelse(_ r: Opsigelse.Resultat) -> Tabel {
        var raekker: [[Tabelcelle]] = [
            [.tekst("Opsagt"), .tekst(r.opsagt)], [.tekst("Varsel"), .tekst(r.varsel.tekst)], [.tekst("Sidste dag i opsigelsesperioden"), .tekst(r.sidsteDag)],
        ]
        if let b = r.betaling { raekker.append([.tekst("Betaling"), .tekst(b.tekst)]) }
        if let n = r.nyBorger { raekker.append([.tekst("Pladsen genbesat"), .tekst(n)]) }
        raekker.append([.tekst("Sidste betalte dag"), r.betalingOphoerer.map { .tekst($0) } ?? .tekst("efter aftale")])
        if let d = r.betalingsdage { raekker.append([.tekst("Betalte dage fra opsigelsen"), .tekst("\(d)")]) }
        raekker.append([.tekst("Forklaring"), .tekst(r.forklaring)])
        return Tabel(kolonner: ["felt", "vaerdi"], raekker: raekker)
    }

    public static func opsigelseJSON(_ r: Opsigelse.Resultat) -> JSONVaerdi {
        .objekt([("opsagt", .tekst(r.opsagt)), ("varsel", .tekst(r.varsel.tekst)), ("sidste_dag", .tekst(r.sidsteDag)),
                 ("betaling", r.betaling.map { .tekst($0.kode) } ?? .null), ("ny_borger", r.nyBorger.map { .tekst($0) } ?? .null),
                 ("betaling_ophoerer", r.betalingOphoerer.map { .tekst($0) } ?? .null),
                 ("betalingsdage", r.betalingsdage.map { .tal(Decimal($0)) } ?? .null), ("forklaring", .tekst(r.forklaring))])
    }

    public static func aflastning(_ a: Aflastning.Afregning) -> Tabel {
        Tabel(kolonner: ["grundlag", "doegn", "doegntakst_kr", "beloeb_kr"],
              raekker: [[.tekst(a.grundlag.tekst), .tal(a.doegn, decimaler: nil), .tal(a.takst, decimaler: 2), .tal(a.beloeb, decimaler: 2)]])
    }

    /// The rate per kind that applies on 1 January of `aar`, with its source; kinds without one say so.
    public static func naesteSatser(_ satser: PLSatser, aar: Int) -> Tabel {
        Tabel(kolonner: ["sats", "gaelder_fra", "procent", "kilde", "reference"], raekker: PLSatstype.allCases.map { t in
            guard let s = satser.sats(t, til: aar) else { return [.tekst(t.tekst), .tekst("\(aar)-01-01"), .tom, .tekst("ikke offentliggjort endnu"), .tom] }
            return [.tekst(t.tekst), .tekst("\(aar)-01-01"), .tal(s.procent, decimaler: nil), .tekst("\(s.kilde): \(s.art)"), .tekst(s.reference)]
        })
    }
}

extension Kontrakttabeller {
    /// A kommune's contracts with their prices from the next 1 January (the regulation list).
    public static func reguleringsliste(_ poster: [Reguleringsliste.Post]) -> Tabel {
        Tabel(kolonner: ["reference", "leverandoer", "version", "pris_kr", "prisaar", "ny_pris_kr", "grundlag"], raekker: poster.map { p in
            [.tekst(p.reference), .tekst(p.leverandoer), .tekst(p.version == .indenforRammeaftale ? "rammeaftale" : "særforanstaltning"),
             .tal(p.pris, decimaler: 2), .heltal(p.prisaar), p.nyPris.map { .tal($0, decimaler: 2) } ?? .tom, .tekst(p.grundlag)]
        })
    }
}
