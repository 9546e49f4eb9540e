import ArgumentParser
import Foundation
import Lager
import Filformater
import Takstregler
import Udskrift

/// `takstfil fordel`: split an amount over kommuner by a key file (DOMAIN.md 6.8).
struct FordelKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(
        commandName: "fordel", abstract: "Fordel et beløb på kommuner efter en nøglefil (kommune;grundlag).")
    @Option(help: "Beløbet i kr.") var beloeb: String
    @Option(help: "Nøglefil: kommune;grundlag") var noegle: String
    @Option(help: "naiv (hver række afrundes for sig, som kilderne) eller stoerste-rest (rækkerne summer præcist; standard)")
    var afrunding: String = Fordelingsafrunding.standard.rawValue
    @Option(help: "Tilladt forskel i kr. mellem nøglefilens trykte beløb (kolonnen trykt) og de beregnede") var tolerance: String = "1"
    @OptionGroup var format: FormatValg

    func udfoer() async throws {
        let beloeb = try Kontrol.tal(self.beloeb, felt: "beloeb")
        guard let afrunding = Fordelingsafrunding(rawValue: afrunding) else {
            throw Valideringsfejl(felt: "afrunding", besked: "ukendt afrunding '\(afrunding)' (brug naiv eller stoerste-rest)")
        }
        let tolerance = try Kontrol.tal(self.tolerance, felt: "tolerance")
        try Kontrol.ikkeNegativ(tolerance, felt: "tolerance", hvad: "tolerancen")
        let fil = try Fordelingsnoegle.laesNoeglefil(try Fil.laesTekst(noegle), fil: noegle)
        let r = try Fordeling.fordel(beloeb: beloeb, noegle: fil.noegle, afrunding: afrunding)
        // With printed amounts, each row shows them beside the computed ones (DOMAIN.md 6.13).
        let medTrykt = !fil.trykt.isEmpty
        func tryktCeller(_ trykt: Decimal?, _ beregnet: Decimal) -> [Tabelcelle] {
            guard medTrykt else { return [] }
            guard let trykt else { return [.tom, .tom] }
            return [.tal(trykt, decimaler: 0), .tal(trykt - beregnet, decimaler: nil)]
        }
        var t = Tabel(kolonner: ["kommune", "grundlag", "andel", "beloeb_kr"] + (medTrykt ? ["trykt_kr", "forskel_kr"] : []), raekker: r.raekker.map {
            [.tekst($0.kommune), .tal($0.grundlag, decimaler: nil), .tal($0.andel, decimaler: 10), .tal($0.beloeb, decimaler: 0)]
                + tryktCeller(fil.trykt[$0.kommune], $0.beloeb)
        })
        t.raekker.append([.tekst("I alt"), .tal(r.grundlagIAlt, decimaler: nil), .tal(1, decimaler: 10), .tal(r.sumAfRaekker, decimaler: 0)]
                         + tryktCeller(fil.tryktBeloeb, r.sumAfRaekker))
        udskriv(t.tekst(format.format))
        let afstemning = fil.afstemning(r, tolerance: tolerance)
        let afvigelser = afstemning.filter { !$0.stemmer }
        if !afstemning.isEmpty {
            if !afvigelser.isEmpty, format.format != .json {
                udskriv("\nAfstemning (forskelle ud over \(DanskTal.formaterKort(tolerance)) kr.)\n" + Afstemningstabeller.poster(afvigelser).tekst(format.format))
            }
            FileHandle.standardError.write(Data((afvigelser.isEmpty
                ? "Afstemning: alle \(afstemning.count) trykte tal stemmer (tolerance \(DanskTal.formaterKort(tolerance)) kr.).\n"
                : "Afstemning: \(afvigelser.count) af \(afstemning.count) trykte tal afviger: \(afvigelser.map { "\($0.felt) \($0.forskel)" }.joined(separator: ", ")).\n").utf8))
        }
        if r.difference != 0 {
            FileHandle.standardError.write(Data("Bemærk: rækkerne summer til \(DanskTal.formater(r.sumAfRaekker, decimaler: 0)) kr., \(DanskTal.formater(r.difference, decimaler: 0)) kr. fra beløbet (afrunding naiv).\n".utf8))
        }
    }
}

/// `takstfil socialtilsyn beregn --input FILE.json` (DOMAIN.md 6.7; example in eksempler/).
struct SocialtilsynKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "socialtilsyn", abstract: "Socialtilsynets budget, takster og objektive finansiering.",
                                                    subcommands: [Beregn.self])
    struct Beregn: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "beregn", abstract: "Beregn ud fra en JSON-fil (se eksempler/socialtilsyn_nord_2024.json).")
        @Option(help: "Inputfilen (JSON)") var input: String
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            try udskrivJSON(try Socialtilsyn.beregn(json: try Fil.laesData(input)), format.format)
        }
    }
}

/// `takstfil model NAVN --input FILE.json`: the other financing models (DOMAIN.md 6.9).
struct ModelKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Finansieringsmodeller: \(Finansieringsmodel.allCases.map(\.rawValue).joined(separator: ", ")) (eksempler i eksempler/).")
    @Argument(help: "Modellens navn") var navn: String
    @Option(help: "Inputfilen (JSON)") var input: String
    @OptionGroup var format: FormatValg
    func udfoer() async throws {
        try udskrivJSON(try Finansieringsmodel.beregn(navn: navn, json: try Fil.laesData(input)), format.format)
    }
}

/// `takstfil befolkning noegle`: a population key from the imported DST figures, as a key file.
struct BefolkningKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "befolkning", abstract: "Befolkningstal (DST) og nøgler.",
                                                    subcommands: [Noegle.self, Fremskriv.self])
    /// `takstfil befolkning fremskriv`: demand from population × a rate, with scenarios (DOMAIN.md 6.14).
    struct Fremskriv: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "fremskriv", abstract: "Behov = befolkningen i aldersgruppen × en rate pr. 1.000, med scenarierne −20 %, −10 %, +10 %, +20 %.")
        @Option(help: "Aldersgruppe, fx 18-66 eller alle") var alder: String = "alle"
        @Option(help: "Kvartal, fx 2023K2") var kvartal: String
        @Option(help: "Rate pr. 1.000 i aldersgruppen, fx 2,7") var rate: String
        @Option(parsing: .upToNextOption, help: "Kun disse kommuner (ellers alle i tallene)") var kommuner: [String] = []
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let gruppe = try Aldersgruppe.fortolk(alder)
            let rate = try Kontrol.tal(self.rate, felt: "rate")
            let n = try await database.medLager { try await $0.befolkningsnoegle(gruppe, kvartal: kvartal, daekningsomraade: kommuner.isEmpty ? nil : kommuner) }
            udskriv(Noegletalstabeller.fremskrivning(try Fremskrivning.beregn(n, ratePrTusind: rate)).tekst(format.format))
        }
    }

    struct Noegle: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "noegle", abstract: "Skriv en fordelingsnøgle (kommune;grundlag) for en aldersgruppe og et kvartal.")
        @Option(help: "Aldersgruppe: 0-17, 14-23, 15-29 eller alle") var alder: String = "alle"
        @Option(help: "Kvartal, fx 2023K2") var kvartal: String
        @Option(parsing: .upToNextOption, help: "Dækningsområdets kommuner (ellers alle i tallene)") var kommuner: [String] = []
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let gruppe = try Aldersgruppe.fortolk(alder)
            let n = try await database.medLager { try await $0.befolkningsnoegle(gruppe, kvartal: kvartal, daekningsomraade: kommuner.isEmpty ? nil : kommuner) }
            udskriv(Tabel(kolonner: ["kommune", "grundlag"], raekker: n.raekker.map { [.tekst($0.kommune), .tal($0.grundlag, decimaler: nil)] })
                .tekst(format.format))
        }
    }
}

extension ImportKommando {
    struct BefolkningImport: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "befolkning", abstract: "kommune;alder;kvartal;antal (DST FOLK1A-udtræk)")
        @Argument(help: "CSV-filen") var fil: String
        @Flag(name: .customLong("dry-run"), help: "Vis hvad der ville ske, uden at gemme") var proeve = false
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            let (tekst, tegnsaet) = try Fil.laes(fil)
            let raekker = try Befolkning.fortolkCSV(tekst, fil: fil)
            let r = try await database.medLager { try await $0.importerBefolkning(raekker, fil: fil, proeve: proeve, af: CLIBruger.navn) }
            udskriv("\(r.proevekoersel ? "Prøvekørsel – intet er gemt. " : "")\(fil): \(r.raekker) rækker (befolkning): \(r.oprettet) nye, \(r.aendret) ændrede, \(r.uaendret) uændrede.\n\(tegnsaet.kvittering)\n")
        }
    }
}

/// Reading the user's files, with Danish messages that name the file.
enum Fil {
    /// The whole file, refused before it is read when it is larger than the limit
    /// (`TAKSTFIL_MAKS_FIL_MB`, default 50 MB).
    static func laesData(_ sti: String, graenser: Regnearksgraenser = .fraMiljoe()) throws -> Data {
        try kontrollerStoerrelse(sti, graenser)
        guard let data = FileManager.default.contents(atPath: sti) else {
            throw Importfejl(fil: sti, besked: "filen findes ikke eller kan ikke læses")
        }
        return data
    }

    /// Refused before it is read when it is larger than the limit.
    static func kontrollerStoerrelse(_ sti: String, _ graenser: Regnearksgraenser) throws {
        if let stoerrelse = (try? FileManager.default.attributesOfItem(atPath: sti))?[.size] as? NSNumber,
           stoerrelse.intValue > graenser.maksFilbytes {
            throw Importfejl(fil: sti, besked: "filen fylder \(Regnearksgraenser.mb(stoerrelse.intValue)); grænsen er \(Regnearksgraenser.mb(graenser.maksFilbytes)) (TAKSTFIL_MAKS_FIL_MB)")
        }
    }

    /// A CSV import streamed from disk (the size limit as for a file read whole).
    static func indlaesning<T>(_ sti: String, _ format: Raekkeformat<T>, graenser: Regnearksgraenser = .fraMiljoe()) throws -> CSVIndlaesning<T> {
        try kontrollerStoerrelse(sti, graenser)
        return try CSVIndlaesning(sti: sti, format: format)
    }

    static func laesTekst(_ sti: String) throws -> String {
        try laes(sti).tekst
    }

    /// The text and the character set it was read in, for an import's receipt.
    static func laes(_ sti: String) throws -> (tekst: String, tegnsaet: Tegnsaet) {
        try Tekstfil.laes(try laesData(sti), fil: sti)
    }
}
