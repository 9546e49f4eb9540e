import Filformater
import Foundation
import Lager
import Filformater
import Takstregler

/// Tables as workbook sheets (Danish headers, numbers as numbers) and the takstfil workbook
/// in the import template's columns, so an export re-imports.
public enum Regnearksudskrift {
    /// Danish headers for the CLI's ASCII column keys.
    public static let danskeOverskrifter: [String: String] = Dictionary(uniqueKeysWithValues: Takstfilskabelon.kolonner) .merging([
        "belaegning_fra": "Belægning (helårspladser), første år", "regnskab_fra_kr": "Regnskab (kr.), første år",
        "gns_pris_fra_kr": "Gns. pris pr. plads (kr.), første år", "belaegning_til": "Belægning (helårspladser), andet år",
        "regnskab_til_kr": "Regnskab (kr.), andet år", "gns_pris_til_kr": "Gns. pris pr. plads (kr.), andet år",
        "takstudvikling_pct": "Takstudvikling (%)", "fra_kr": "Første år (kr.)", "til_kr": "Andet år (kr.)",
        "dag_pct": "Dag (%)", "doegn_pct": "Døgn (%)", "aaben_pct": "Åben (%)", "lukket_pct": "Lukket (%)", "samlet_pct": "Samlet (%)",
        "udeladte_maalinger": "Udeladte målinger", "dag_fra": "Dagpladser, første år", "doegn_fra": "Døgnpladser, første år",
        "dag_til": "Dagpladser, andet år", "doegn_til": "Døgnpladser, andet år", "bemaerkninger": "Bemærkninger",
        "regnskab_kr": "Regnskab (kr.)", "belaegning": "Belægning (helårspladser)", "over_underskud_kr": "Over-/underskud (kr.)",
        "tillaegsydelser_kr": "Tillægsydelser (kr.)", "takstindtaegter_kr": "Takstindtægter (kr.)", "kvartal": "Kvartal",
        "normering": "Normering", "forbrug": "Forbrug", "art": "Art", "region": "Region",
    ]) { a, _ in a }

    public static func ark(_ navn: String, _ t: Tabel) -> XLSXSkriver.Ark {
        XLSXSkriver.Ark(navn: navn, overskrifter: t.kolonner.map { danskeOverskrifter[$0] ?? $0 }, raekker: t.raekker.map { $0.map(celle) })
    }

    public static func celle(_ c: Tabelcelle) -> XLSXSkriver.Celle {
        switch c {
        case .tekst(let s): return .tekst(s)
        case .tal(let d, let dec):
            let format: XLSXSkriver.Talformat = dec == 0 ? .heltal : dec == 1 ? .enDecimal : dec == 2 ? .toDecimaler : .standard
            return .tal(dec.map { afrundet(d, decimaler: $0) } ?? d, format)
        case .heltal(let i): return .tal(Decimal(i), .standard)
        case .sandhed(let b): return .tekst(b ? "ja" : "nej")
        case .tom: return .tom
        }
    }

    /// The "Takster" sheet: one row per takstniveau with its whole basis, in the template's columns.
    public static func takster(_ liste: [TilbudMedTakster]) -> Tabel {
        var t = Tabel(kolonner: Takstfilskabelon.kolonner.map(\.0))
        for tilbud in liste {
            for n in tilbud.niveauer {
                let g = n.niveau.grundlag
                var v: [String: Tabelcelle] = [
                    "driftsherre": .tekst(tilbud.tilbud.driftsherre), "tilbud": .tekst(tilbud.tilbud.navn),
                    "maalgruppe": tilbud.tilbud.maalgruppe.map { .tekst($0.rawValue) } ?? .tom,
                    "paragraf": tilbud.tilbud.paragraf.map { .tekst($0) } ?? .tom, "type": .tekst(tilbud.tilbud.type.rawValue),
                    "aar": .heltal(n.niveau.aar), "takstniveau": .tekst(n.niveau.navn), "enhed": .tekst(g.enhed.rawValue),
                    "pladser": .tal(g.pladser, decimaler: nil), "dage": g.enhederPrAar.map { .tal($0, decimaler: nil) } ?? .tom,
                    "belaegningsprocent": .tal(g.belaegningsprocent, decimaler: nil),
                    "afrunding": .tekst(g.afrunding.rawValue), "takst": .tal(n.takst, decimaler: g.afrunding.decimaler),
                    "status": .tekst(n.niveau.status.rawValue), "version": .heltal(n.niveau.version), "revision": .heltal(n.revision),
                    "gyldig_fra": .tekst(n.niveau.periodestart), "kun_nye_fra": n.niveau.kunForIndskrevetFra.map { .tekst($0) } ?? .tom,
                    "midlertidig": n.niveau.midlertidig ? .tekst("ja") : .tom,
                ]
                for k in Omkostningskategori.allCases {
                    let sum = g.omkostninger.filter { $0.kategori == k }.reduce(Decimal(0)) { $0 + $1.beloeb }
                    v[k.rawValue] = sum == 0 ? .tom : .tal(sum, decimaler: nil)
                }
                let indt = g.andreIndtaegter.reduce(Decimal(0)) { $0 + $1.beloeb }
                v["andre_indtaegter"] = indt == 0 ? .tom : .tal(indt, decimaler: nil)
                switch g.overhead {
                case .ingen: v["overhead_metode"] = .tekst("ingen")
                case .procentAfDirekte(let p): v["overhead_metode"] = .tekst("procent"); v["overhead"] = .tal(p, decimaler: nil)
                case .bruttoandel(let p): v["overhead_metode"] = .tekst("bruttoandel"); v["overhead"] = .tal(p, decimaler: nil)
                case .beloeb(let b): v["overhead_metode"] = .tekst("beloeb"); v["overhead"] = .tal(b, decimaler: nil)
                }
                // The template carries one regulation line (the year y−2 result).
                if let r = g.reguleringer.first {
                    v["regulering_aar"] = .heltal(r.regnskabsaar)
                    v["over_underskud"] = .tal(r.overUnderskud, decimaler: nil)
                    v["regulering_andel"] = .tal(r.andel, decimaler: nil)
                    v["hensat"] = r.hensat.map { .tal($0, decimaler: nil) } ?? .tom
                    // The part kept inside the 5 % band (DOMAIN.md 6.2), so a re-import gives the same line.
                    v["inden_for_baand"] = r.indenforBaand.map { .tal($0, decimaler: nil) } ?? .tom
                }
                if let by = n.niveau.basisYdelse {
                    v["basisbudget"] = .tal(by.basisbudget, decimaler: nil)
                    v["timeloen"] = .tal(by.effektivTimeloen, decimaler: nil)
                    v["timer"] = .tal(by.timerPrDoegn, decimaler: nil)
                }
                t.raekker.append(t.kolonner.map { v[$0] ?? .tom })
            }
        }
        return t
    }
}
