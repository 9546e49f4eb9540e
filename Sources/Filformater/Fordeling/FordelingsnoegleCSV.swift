import Foundation
import Takstregler

extension Fordelingsnoegle {
    /// The columns of a key file: `kommune;grundlag` (issue "Socialtilsyn" 2).
    public static let csvFormat = CSVTabel.Format(
        navn: "nøgle", paakraevet: ["kommune", "grundlag"], valgfri: [],
        synonymer: ["antal": "grundlag", "befolkning": "grundlag", "indbyggere": "grundlag", "noegle": "grundlag", "vaegt": "grundlag"])

    /// Reads a key file. An unknown kommune (not one of the 98), a negative or non-numeric
    /// grundlag, a duplicate kommune and a zero total are refused, each named by row (header = 1)
    /// and column.
    public static func fortolkCSV(_ tekst: String, fil: String) throws -> Fordelingsnoegle {
        let t = try CSVTabel(fil: fil, tekst: tekst, format: csvFormat)
        var fejl: [Importfejl] = []
        var raekker: [Raekke] = []
        var set: [String: Int] = [:]
        for r in t.raekker {
            let navn = t.celle(r.celler, "kommune")
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
        if raekker.isEmpty { throw Importfejl(fil: fil, raekke: 2, besked: "nøglen har ingen rækker") }
        if noegle.iAlt == 0 {
            throw Importfejl(fil: fil, kolonne: t.overskrift("grundlag"), besked: "grundlaget er 0 i alt — der er intet at fordele efter")
        }
        return noegle
    }
}
