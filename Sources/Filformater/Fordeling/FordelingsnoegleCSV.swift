import Foundation
import Takstregler

extension Fordelingsnoegle {
    /// The columns of a key file: `kommune;grundlag` (issue "Socialtilsyn" 2).
    public static let csvFormat = CSVTabel.Format(
        navn: "nøgle", paakraevet: ["kommune", "grundlag"], valgfri: ["trykt"],
        synonymer: ["antal": "grundlag", "befolkning": "grundlag", "indbyggere": "grundlag", "noegle": "grundlag", "vaegt": "grundlag",
                    "trykt_kr": "trykt", "trykt_beloeb": "trykt", "publiceret": "trykt", "publiceret_kr": "trykt"])

    /// Reads a key file. An unknown kommune (not one of the 98), a negative or non-numeric
    /// grundlag, a duplicate kommune and a zero total are refused, each named by row (header = 1)
    /// and column.
    public static func fortolkCSV(_ tekst: String, fil: String) throws -> Fordelingsnoegle {
        try laesNoeglefil(tekst, fil: fil).noegle
    }

    /// The key and what the file prints next to it (DOMAIN.md 6.13): an optional column `trykt`
    /// with each kommune's published amount, and an optional total row ("I alt", "SUM", "Total")
    /// whose grundlag and amount are kept to compare with the computed ones.
    public static func laesNoeglefil(_ tekst: String, fil: String) throws -> Noeglefil {
        let t = try CSVTabel(fil: fil, tekst: tekst, format: csvFormat)
        var fejl: [Importfejl] = []
        var raekker: [Raekke] = []
        var trykt: [String: Decimal] = [:]
        var total: (grundlag: Decimal?, beloeb: Decimal?)?
        var set: [String: Int] = [:]
        for r in t.raekker {
            let navn = t.celle(r.celler, "kommune")
            if Optaellingstabel.erTotalraekke(navn) {
                do {
                    guard total == nil else {
                        throw Importfejl(fil: fil, raekke: r.nummer, kolonne: t.overskrift("kommune"), besked: "filen har mere end én totalrække")
                    }
                    total = (try t.tal(r, "grundlag", paakraevet: false), t.harKolonne("trykt") ? try t.tal(r, "trykt", paakraevet: false) : nil)
                } catch let f as Importfejl { fejl.append(f) }
                continue
            }
            if t.harKolonne("trykt") {
                do { if let v = try t.tal(r, "trykt", paakraevet: false) { trykt[navn] = v } } catch let f as Importfejl { fejl.append(f) }
            }
            var ok = true
            if navn.isEmpty {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: t.overskrift("kommune"), besked: "kommunenavnet er tomt"))
                ok = false
            } else if !Kommuner.erKendt(navn) {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: t.overskrift("kommune"),
                                       besked: "'\(navn)' er ikke en af landets 98 kommuner"))
                ok = false
            } else if let foerste = set[Kommuner.normaliseret(navn)] {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: t.overskrift("kommune"),
                                       besked: "\(navn) står også i række \(foerste) — hver kommune må kun stå én gang"))
                ok = false
            } else {
                set[Kommuner.normaliseret(navn)] = r.nummer
            }
            do {
                let v = try t.tal(r, "grundlag")!
                if v < 0 {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: t.overskrift("grundlag"),
                                           besked: "grundlaget må ikke være negativt (fik \(DanskTal.formaterKort(v)))"))
                } else if ok {
                    raekker.append(Raekke(kommune: navn, grundlag: v))
                }
            } catch let f as Importfejl { fejl.append(f) }
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        let noegle = Fordelingsnoegle(navn: fil, raekker: raekker)
        return Noeglefil(noegle: try kontrolleret(noegle, fil: fil, t: t), trykt: trykt,
                         tryktGrundlag: total?.grundlag, tryktBeloeb: total?.beloeb)
    }

    static func kontrolleret(_ noegle: Fordelingsnoegle, fil: String, t: CSVTabel) throws -> Fordelingsnoegle {
        let raekker = noegle.raekker
        if raekker.isEmpty { throw Importfejl(fil: fil, raekke: 2, besked: "nøglen har ingen rækker") }
        if noegle.iAlt == 0 {
            throw Importfejl(fil: fil, kolonne: t.overskrift("grundlag"), besked: "grundlaget er 0 i alt — der er intet at fordele efter")
        }
        return noegle
    }
}

/// A key file with the published figures it carries (for reconciliation).
public struct Noeglefil: Sendable {
    public let noegle: Fordelingsnoegle
    /// Kommune → published amount (column `trykt`).
    public let trykt: [String: Decimal]
    public let tryktGrundlag: Decimal?
    public let tryktBeloeb: Decimal?

    /// Printed against computed: each kommune's amount within `tolerance`, the total grundlag
    /// exactly and the total amount within `tolerance` (DOMAIN.md 6.13).
    public func afstemning(_ r: Fordelingsresultat, tolerance: Decimal) -> [Afstemningspost] {
        let tabel = noegle.navn ?? "nøglen"
        var ud = r.raekker.compactMap { x in
            trykt[x.kommune].map { Afstemning.beloeb(tabel: tabel, felt: x.kommune, trykt: $0, beregnet: x.beloeb, tolerance: tolerance) }
        }
        if let g = tryktGrundlag { ud.append(Afstemning.beloeb(tabel: tabel, felt: "I alt, grundlag", trykt: g, beregnet: r.grundlagIAlt, tolerance: 0)) }
        if let b = tryktBeloeb { ud.append(Afstemning.beloeb(tabel: tabel, felt: "I alt, beløb", trykt: b, beregnet: r.sumAfRaekker, tolerance: tolerance)) }
        return ud
    }
}
