import Foundation
import Takstregler

/// Key figures as CSV (DOMAIN.md 6.11), in two shapes:
/// - wide, as the fixture: `gruppe;indikator;enhed;aar;retning;<one column per region>;kilde`
///   (optional `prisbasis`, `funktioner`) — the catalogue and its values;
/// - long: `indikator;region;aar;vaerdi` — values of indicators already in the catalogue.
/// Every bad cell is named by file, row and column; nothing is read then.
public enum Noegletalsfil {
    public enum Indhold: Sendable {
        case katalog([Indikator])
        case vaerdier([Vaerdi])
    }

    public struct Vaerdi: Sendable, Equatable {
        public let raekke: Int
        public let indikator: String
        public let region: String
        public let aar: String
        public let vaerdi: Decimal
    }

    static let faste = ["gruppe", "indikator", "enhed", "aar", "retning", "kilde", "prisbasis", "funktioner"]
    /// Region columns are written without æøå in the fixture (sjaelland); the catalogue uses the names.
    static let regionsnavne = ["hovedstaden": "Hovedstaden", "midtjylland": "Midtjylland", "nordjylland": "Nordjylland",
                               "sjaelland": "Sjælland", "sjælland": "Sjælland", "syddanmark": "Syddanmark"]

    public static func regionsnavn(_ kolonne: String) -> String {
        let k = kolonne.trimmingCharacters(in: .whitespaces)
        return regionsnavne[k.lowercased()] ?? k
    }

    public static func laes(fil: String, tekst: String) throws -> Indhold {
        let (raekker, _, tidligere) = CSVTabel.del(tekst, fil: fil)
        var fejl = tidligere
        guard let hoved = raekker.first else { throw Importfejl(fil: fil, besked: "filen er tom") }
        let navne = hoved.celler.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func i(_ k: String) -> Int? { navne.firstIndex(of: k) }
        let data = raekker.dropFirst().filter { !CSVTabel.erTom($0.celler) }
        for r in data where r.celler.count != hoved.celler.count {
            fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: r.nummer, har: r.celler.count, forventet: hoved.celler.count))
        }
        let hele = data.filter { $0.celler.count == hoved.celler.count }
        func tal(_ r: (nummer: Int, celler: [String]), _ kol: Int) -> Decimal? {
            do { return try DanskTal.fortolk(r.celler[kol]) } catch let f as TalFejl {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[kol], besked: f.description))
            } catch { fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[kol], besked: "\(error)")) }
            return nil
        }
        func tom(_ r: (nummer: Int, celler: [String]), _ k: String) -> String? {
            guard let kol = i(k) else { return nil }
            let v = r.celler[kol].trimmingCharacters(in: .whitespaces)
            if v.isEmpty { fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[kol], besked: "feltet er tomt")) }
            return v
        }

        // Long shape.
        if Set(["indikator", "region", "aar", "vaerdi"]).isSubset(of: Set(navne)) && i("retning") == nil {
            var ud: [Vaerdi] = []
            for r in hele {
                let ind = tom(r, "indikator") ?? "", reg = tom(r, "region") ?? "", aar = tom(r, "aar") ?? ""
                if let v = tal(r, i("vaerdi")!), !ind.isEmpty, !reg.isEmpty, !aar.isEmpty {
                    ud.append(Vaerdi(raekke: r.nummer, indikator: ind, region: regionsnavn(reg), aar: aar, vaerdi: v))
                }
            }
            if !fejl.isEmpty { throw Importfejlliste(fejl) }
            return .vaerdier(ud)
        }

        // Wide shape.
        let mangler = ["gruppe", "indikator", "enhed", "aar", "retning"].filter { i($0) == nil }
        guard mangler.isEmpty else {
            throw Importfejl(fil: fil, raekke: hoved.nummer, besked: "mangler kolonnerne \(mangler.joined(separator: ", ")) (bred form: gruppe;indikator;enhed;aar;retning;<regioner>;kilde — eller lang form: indikator;region;aar;vaerdi)")
        }
        let regioner = navne.indices.filter { !faste.contains(navne[$0]) }
        if regioner.count < 2 {
            fejl.append(Importfejl(fil: fil, raekke: hoved.nummer, besked: "filen skal have en kolonne pr. region (mindst to)"))
        }
        var ud: [Indikator] = []
        var set: [String: Int] = [:]
        for r in hele {
            let gruppe = tom(r, "gruppe") ?? "", navn = tom(r, "indikator") ?? "", aar = tom(r, "aar") ?? ""
            var retning: Indikator.Retning?
            do { retning = try Indikator.Retning.fortolk(r.celler[i("retning")!]) } catch let v as Valideringsfejl {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[i("retning")!], besked: v.besked))
            }
            if let foerste = set["\(navn)|\(aar)"] {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[i("indikator")!], besked: "'\(navn)' \(aar) står også i række \(foerste)"))
            }
            set["\(navn)|\(aar)"] = r.nummer
            var vaerdier: [String: Decimal] = [:]
            for k in regioner where !r.celler[k].trimmingCharacters(in: .whitespaces).isEmpty {
                if let v = tal(r, k) { vaerdier[regionsnavn(hoved.celler[k])] = v }
            }
            guard let retning, !gruppe.isEmpty, !navn.isEmpty else { continue }
            ud.append(Indikator(gruppe: gruppe, navn: navn, enhed: i("enhed").map { r.celler[$0].trimmingCharacters(in: .whitespaces) } ?? "",
                                aar: aar, retning: retning, kilde: i("kilde").map { r.celler[$0].trimmingCharacters(in: .whitespaces) } ?? "",
                                prisbasis: i("prisbasis").map { r.celler[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 },
                                funktioner: i("funktioner").map { r.celler[$0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [],
                                vaerdier: vaerdier))
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        if ud.isEmpty { throw Importfejl(fil: fil, raekke: 2, besked: "filen har ingen indikatorer") }
        return .katalog(ud)
    }

    /// The overhead survey: `driftsherre;oh_pct_min;oh_pct_max;note`, empty = not reported, and
    /// optionally a printed average row (first cell starting with "Gennemsnit", "I alt" …) that is
    /// kept for the reconciliation.
    public static func laesOverhead(fil: String, tekst: String) throws -> (svar: [Overhead.Svar], trykt: Decimal?) {
        let (raekker, _, tidligere) = CSVTabel.del(tekst, fil: fil)
        var fejl = tidligere
        guard let hoved = raekker.first else { throw Importfejl(fil: fil, besked: "filen er tom") }
        let navne = hoved.celler.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let d = navne.firstIndex(of: "driftsherre"), let lo = navne.firstIndex(of: "oh_pct_min") else {
            throw Importfejl(fil: fil, raekke: 1, besked: "filen skal have kolonnerne driftsherre;oh_pct_min;oh_pct_max")
        }
        let hi = navne.firstIndex(of: "oh_pct_max")
        var svar: [Overhead.Svar] = []
        var trykt: Decimal?
        for r in raekker.dropFirst() where !CSVTabel.erTom(r.celler) {
            guard r.celler.count == hoved.celler.count else {
                fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: r.nummer, har: r.celler.count, forventet: hoved.celler.count))
                continue
            }
            func tal(_ k: Int?) -> Decimal? {
                guard let k else { return nil }
                let s = r.celler[k].trimmingCharacters(in: .whitespaces)
                if s.isEmpty { return nil }
                do {
                    let v = try DanskTal.fortolk(s)
                    if v < 0 || v > 100 { fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[k], besked: "en overheadprocent skal ligge mellem 0 og 100 (fik \(s))")) }
                    return v
                } catch let f as TalFejl {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[k], besked: f.description))
                } catch { fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[k], besked: "\(error)")) }
                return nil
            }
            let navn = r.celler[d].trimmingCharacters(in: .whitespaces)
            let a = tal(lo), b = tal(hi)
            if navn.lowercased().hasPrefix("gennemsnit") || Optaellingstabel.erTotalraekke(navn) { trykt = a; continue }
            if a == nil && b != nil {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[lo], besked: "oh_pct_max er udfyldt, men oh_pct_min er tom"))
            }
            if let a, let b, b < a {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[hi!], besked: "oh_pct_max (\(DanskTal.formaterKort(b))) er mindre end oh_pct_min (\(DanskTal.formaterKort(a)))"))
            }
            svar.append(Overhead.Svar(driftsherre: navn, min: a, max: b))
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        return (svar, trykt)
    }

    /// The socialtilsyn's takster: `socialtilsyn;<one column per takst category>` (001:386–396).
    public static func laesTilsyn(fil: String, tekst: String) throws -> (takster: [String: [String: Decimal]], kolonner: [String]) {
        let t = CSVTabel.del(tekst, fil: fil)
        guard let hoved = t.raekker.first, hoved.celler.count >= 2 else { throw Importfejl(fil: fil, besked: "filen skal have socialtilsyn og mindst én kolonne") }
        var fejl = t.fejl, takster: [String: [String: Decimal]] = [:]
        let kolonner = hoved.celler.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        for r in t.raekker.dropFirst() where !CSVTabel.erTom(r.celler) {
            guard r.celler.count == hoved.celler.count else {
                fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: r.nummer, har: r.celler.count, forventet: hoved.celler.count))
                continue
            }
            for (i, k) in kolonner.enumerated() {
                do {
                    let v = try Kontrol.tal(r.celler[i + 1], felt: k)
                    try Kontrol.positiv(v, felt: k, hvad: "taksten")
                    takster[r.celler[0].trimmingCharacters(in: .whitespaces), default: [:]][k] = v
                } catch let v as Valideringsfejl {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: k, besked: v.besked))
                }
            }
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        return (takster, kolonner)
    }
}
