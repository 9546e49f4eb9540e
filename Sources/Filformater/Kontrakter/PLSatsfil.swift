import Foundation
import Takstregler

/// The published P/L rates as CSV, in the shape of `pl_satser_2024.csv`:
/// `kilde;art;aar_fra;aar_til;procent;reference`. The kind (KL general, service, anlæg, Danske
/// Regioner) is read from `kilde` and `art`; a row naming none of them, a year or a percentage that
/// does not read, and two rows for the same kind and year are refused with file, row and column.
/// All rows or none.
public enum PLSatsfil {
    public static let kolonner = ["kilde", "art", "aar_fra", "aar_til", "procent", "reference"]

    public static func laes(fil: String, tekst: String) throws -> [PLSats] {
        let (raekker, _, tidligere) = CSVTabel.del(tekst, fil: fil)
        var fejl = tidligere
        guard let hoved = raekker.first else { throw Importfejl(fil: fil, besked: "filen er tom") }
        let navne = hoved.celler.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let mangler = kolonner.filter { !navne.contains($0) && $0 != "reference" }
        guard mangler.isEmpty else {
            throw Importfejl(fil: fil, raekke: 1, besked: "filen mangler kolonnen \(mangler.joined(separator: ", ")); forventet \(kolonner.joined(separator: ";"))")
        }
        func i(_ k: String) -> Int? { navne.firstIndex(of: k) }
        var satser: [PLSats] = []
        var set: [String: Int] = [:]
        for r in raekker.dropFirst() where !CSVTabel.erTom(r.celler) {
            guard r.celler.count == hoved.celler.count else {
                fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: r.nummer, har: r.celler.count, forventet: hoved.celler.count))
                continue
            }
            func celle(_ k: String) -> String { i(k).map { r.celler[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func aar(_ k: String) -> Int? {
                guard let a = Int(celle(k)) else {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: k, besked: "skriv året som fire cifre (fik '\(celle(k))')"))
                    return nil
                }
                return a
            }
            let kilde = celle("kilde"), art = celle("art")
            let type = PLSatstype.genkend(kilde: kilde, art: art)
            if type == nil {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: "art", besked: "kilde og art '\(kilde)' / '\(art)' er ingen af de kendte satser (KL generel, serviceudgifter, anlæg eller Danske Regioner)"))
            }
            let fra = aar("aar_fra"), til = aar("aar_til")
            var procent: Decimal?
            do { procent = try DanskTal.fortolk(celle("procent")) } catch {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: "procent", besked: "'\(celle("procent"))' er ikke et tal (skriv fx 3,9)"))
            }
            guard let type, let fra, let til, let procent else { continue }
            do {
                let s = try PLSats(type: type, kilde: kilde, art: art, aarFra: fra, aarTil: til, procent: procent, reference: celle("reference"))
                if let foer = set["\(type.rawValue)|\(til)"] {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: "aar_til", besked: "satsen for \(type.tekst) \(fra)–\(til) står også i række \(foer)"))
                    continue
                }
                set["\(type.rawValue)|\(til)"] = r.nummer
                satser.append(s)
            } catch let v as Valideringsfejl {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: v.felt, besked: v.besked))
            }
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        if satser.isEmpty { throw Importfejl(fil: fil, besked: "filen har ingen satser") }
        return satser
    }

    /// The rates as a table in the same shape (export and the public page's download).
    public static func tabel(_ satser: [PLSats]) -> Tabel {
        Tabel(kolonner: ["type"] + kolonner, raekker: satser.map { s in
            [.tekst(s.type.rawValue), .tekst(s.kilde), .tekst(s.art), .heltal(s.aarFra), .heltal(s.aarTil), .tal(s.procent, decimaler: nil), .tekst(s.reference)]
        })
    }
}
