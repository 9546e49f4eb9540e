import Foundation
import Takstregler

extension Befolkning {
    /// The columns of a population extract (DST/Statistikbanken FOLK1A-like); DST's own headings
    /// (OMRÅDE, TID, INDHOLD) are synonyms.
    public static let csvFormat = CSVTabel.Format(
        navn: "befolknings", paakraevet: ["kommune", "alder", "kvartal", "antal"], valgfri: [],
        synonymer: ["omraade": "kommune", "omrade": "kommune", "tid": "kvartal", "indhold": "antal", "personer": "antal"])

    /// Reads a population extract: a header row and the columns kommune, alder, kvartal, antal in
    /// any order, `;` or `,`. Ages may be written "17 år", "100 år og derover" or "Alder i alt"
    /// (an "i alt" row). Pure: the caller reads the file. Every problem is reported at once, named
    /// by row (header = row 1) and column, as every import in Takstfil does.
    public static func fortolkCSV(_ tekst: String, fil: String = "befolkning.csv") throws -> [Befolkningsraekke] {
        let t = try CSVTabel(fil: fil, tekst: tekst, format: csvFormat)
        var fejl: [Importfejl] = []
        var raekker: [Befolkningsraekke] = []
        for r in t.raekker {
            func fejlI(_ kolonne: String, _ besked: String) {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: t.overskrift(kolonne), besked: besked))
            }
            var ok = true
            let kommune = t.celle(r.celler, "kommune")
            if kommune.isEmpty { fejlI("kommune", "kommunenavnet er tomt"); ok = false }
            var alder: Int?
            switch fortolkAlder(t.celle(r.celler, "alder")) {
            case .success(let v): alder = v
            case .failure(let besked): fejlI("alder", besked); ok = false
            }
            let raaKvartal = t.celle(r.celler, "kvartal")
            let kvartal = raaKvartal.uppercased()
            if !gyldigtKvartal(kvartal) { fejlI("kvartal", "'\(raaKvartal)' er ikke et kvartal — skriv fx 2022K2"); ok = false }
            var antal: Decimal = 0
            switch fortolkAntal(t.celle(r.celler, "antal")) {
            case .success(let v): antal = v
            case .failure(let besked): fejlI("antal", besked); ok = false
            }
            if ok { raekker.append(Befolkningsraekke(kommune: kommune, alder: alder, kvartal: kvartal, antal: antal)) }
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        if raekker.isEmpty { throw Importfejl(fil: fil, raekke: 2, besked: "filen har ingen datarækker under overskrifterne") }
        return raekker
    }

    enum Tolkning<T> { case success(T), failure(String) }

    static func fortolkAlder(_ raa: String?) -> Tolkning<Int?> {
        guard let raa, !raa.isEmpty else { return .failure("alderen er tom") }
        let s = raa.lowercased()
        if ["i alt", "alder i alt", "ialt", "total", "alle"].contains(s) { return .success(nil) }
        let cifre = s.prefix { $0.isASCII && $0.isNumber }
        let rest = s.dropFirst(cifre.count).trimmingCharacters(in: .whitespaces)
        guard let v = Int(cifre), rest.isEmpty || rest == "år" || rest.hasPrefix("år og derover") || rest == "+" else {
            return .failure("'\(raa)' er ikke en alder — skriv et helt antal år (fx 17 eller '17 år') eller 'i alt'")
        }
        return .success(v)
    }

    /// A head count: a whole number, possibly with Danish thousands separators ("21.502"). Because a
    /// count is whole, "21.502" cannot mean 21,502 people and a decimal point — unlike money
    /// (DanskTal.fortolk refuses it there).
    static func fortolkAntal(_ raa: String?) -> Tolkning<Decimal> {
        guard let raa, !raa.isEmpty else { return .failure("antallet er tomt") }
        let s = raa.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        if s.hasPrefix("-") { return .failure("antallet må ikke være negativt (fik \(raa))") }
        let grupper = s.split(separator: ".", omittingEmptySubsequences: false)
        let gyldig = grupper.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            && (grupper.count == 1 || ((1...3).contains(grupper[0].count) && grupper.dropFirst().allSatisfy { $0.count == 3 }))
        guard gyldig, let v = Decimal(string: grupper.joined()) else {
            return .failure("'\(raa)' er ikke et helt antal personer")
        }
        return .success(v)
    }
}
