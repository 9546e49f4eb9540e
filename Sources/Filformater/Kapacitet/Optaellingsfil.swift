import Foundation
import Takstregler

/// A table of counts as the secretariat's analyses print them (udbud_*.csv, spiseforstyrrelse_*.csv):
/// a first column naming the row (kommune), one column per year or group of uncertain counts
/// (`Taelling`), and optionally a printed total row whose first cell starts with "I alt", "SUM" or
/// "Total". Every unreadable cell is reported with row and column; nothing is read then.
public enum Optaellingsfil {
    public static func laes(fil: String, tekst: String) throws -> Optaellingstabel {
        let (raekker, _, tidligere) = CSVTabel.del(tekst, fil: fil)
        var fejl = tidligere
        guard let hoved = raekker.first else { throw Importfejl(fil: fil, besked: "filen er tom") }
        guard hoved.celler.count >= 2 else {
            throw Importfejl(fil: fil, raekke: hoved.nummer, besked: "filen skal have en navnekolonne og mindst én kolonne med antal")
        }
        let kolonner = hoved.celler.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        for (i, k) in kolonner.enumerated() where k.isEmpty {
            fejl.append(Importfejl(fil: fil, raekke: hoved.nummer, kolonne: XLSXLaeser.kolonnebogstav(i + 1), besked: "kolonnen har ingen overskrift"))
        }
        var data: [Optaellingstabel.Raekke] = []
        var trykt: Optaellingstabel.Raekke?
        for r in raekker.dropFirst() {
            if CSVTabel.erTom(r.celler) { continue }
            guard r.celler.count == hoved.celler.count else {
                fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: r.nummer, har: r.celler.count, forventet: hoved.celler.count))
                continue
            }
            let navn = r.celler[0].trimmingCharacters(in: .whitespaces)
            var vaerdier: [Taelling] = []
            for (i, c) in r.celler.dropFirst().enumerated() {
                do { vaerdier.append(try Taelling.fortolk(c)) } catch let v as Valideringsfejl {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: kolonner[i], besked: v.besked))
                }
            }
            let raekke = Optaellingstabel.Raekke(nummer: r.nummer, navn: navn, vaerdier: vaerdier)
            if Optaellingstabel.erTotalraekke(navn) {
                guard trykt == nil else {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, besked: "filen har mere end én totalrække"))
                    continue
                }
                trykt = raekke
            } else {
                guard trykt == nil else {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, besked: "rækker efter totalrækken ('\(trykt!.navn)') læses ikke; totalen skal stå sidst"))
                    continue
                }
                if navn.isEmpty { fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[0], besked: "rækken har intet navn")) }
                data.append(raekke)
            }
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        return Optaellingstabel(kolonner: kolonner, raekker: data, trykt: trykt)
    }
}

extension Optaellingsfil {
    /// The check as JSON: `{"kolonner": [{"kolonne", "beregnet", "trykt", "stemmer"}], "fund": [{"raekke",
    /// "kolonne", "besked"}]}`, ranges written "44-48" and an exact value "44".
    public static func json(_ r: Optaellingsresultat) throws -> Data {
        struct K: Encodable {
            let kolonne: String, beregnet: String, trykt: String?, stemmer: Bool?
            enum CodingKeys: String, CodingKey { case kolonne, beregnet, trykt, stemmer }
            // No printed total is `null`, not a missing key.
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(kolonne, forKey: .kolonne)
                try c.encode(beregnet, forKey: .beregnet)
                try c.encode(trykt, forKey: .trykt)
                try c.encode(stemmer, forKey: .stemmer)
            }
        }
        struct F: Encodable { let raekke: Int; let kolonne: String; let besked: String }
        struct Svar: Encodable { let kolonner: [K]; let fund: [F] }
        return try JSONKodning.kod(Svar(
            kolonner: r.kolonner.map { K(kolonne: $0.kolonne, beregnet: $0.beregnet.description, trykt: $0.trykt?.description, stemmer: $0.stemmer) },
            fund: r.fund.map { F(raekke: $0.raekke, kolonne: $0.kolonne, besked: $0.besked) }))
    }

    /// The check as two printable tables: the columns, then the findings.
    public static func tabeller(_ r: Optaellingsresultat) -> (kolonner: Tabel, fund: Tabel) {
        (Tabel(kolonner: ["kolonne", "beregnet", "trykt", "stemmer"], raekker: r.kolonner.map {
            [.tekst($0.kolonne), .tekst($0.beregnet.description), .tekst($0.trykt?.description ?? ""),
             .tekst($0.stemmer.map { $0 ? "ja" : "NEJ" } ?? "")]
        }),
         Tabel(kolonner: ["række", "kolonne", "fund"], raekker: r.fund.map { [.tekst("\($0.raekke)"), .tekst($0.kolonne), .tekst($0.besked)] }))
    }
}
