import ArgumentParser
import Demo
import Foundation
import Lager
import Takstregler
import Web

struct DemoKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Demodata.",
                                                    subcommands: [Indlaes.self, Generer.self], defaultSubcommand: Indlaes.self)
}

struct Indlaes: TakstfilKommando {
    static let configuration = CommandConfiguration(commandName: "indlaes", abstract: "Indlæs demodata i en tom database.")
    @OptionGroup var database: DatabaseValg

    func udfoer() async throws {
        let aar = try Kommandour.ur().aar
        let (antal, web) = try await database.medLager { l in
            let antal = try await Demodata.indlaesHvisTom(l, af: CLIBruger.navn, aar: aar)
            return (antal, antal == 0 ? [] : try await Webdemo.indlaes(l, af: CLIBruger.navn, aar: aar,
                                                                      kodeordshash: { try Kodeord.hash($0) }))
        }
        if antal == 0 {
            throw Valideringsfejl(felt: "db", besked: "databasen indeholder allerede tilbud — demodata indlæses kun i en tom database")
        }
        udskriv("Demodata indlæst i \(database.valg): \(antal) tilbud.\n" + web.map { "  \($0)\n" }.joined())
    }
}

/// `takstfil demo generer --skala national|x10 --seed N --ud DIR`.
struct Generer: TakstfilKommando {
    static let configuration = CommandConfiguration(
        commandName: "generer",
        abstract: "Skriv genererede data i landsskala som importfiler (takster.csv, regnskab.csv, belaegning.csv, pladser.csv).")
    @Option(help: "national (3.000 tilbud) eller x10 (30.000 tilbud)") var skala: String = "national"
    @Option(help: "Frø: samme frø giver samme filer") var seed: UInt64 = 1
    @Option(help: "Sidste år (10 år bagud; standard: i år)") var aar: Int?
    @Option(help: "Mappen filerne skrives i") var ud: String

    func udfoer() async throws {
        guard let s = Datagenerator.Skala(rawValue: skala) else {
            throw Valideringsfejl(felt: "skala", besked: "ukendt skala '\(skala)' (brug national eller x10)")
        }
        try FileManager.default.createDirectory(atPath: ud, withIntermediateDirectories: true)
        var g = Datagenerator(skala: s, seed: seed, sidsteAar: try aar ?? Kommandour.ur().aar)
        let fremdrift = Fremdrift()
        defer { fremdrift.slut() }
        fremdrift.fase("Genererer tilbud")
        let f = g.lav(fremdrift: fremdrift.melding)
        let filer = [("takster.csv", f.takster), ("regnskab.csv", f.regnskab), ("belaegning.csv", f.belaegning), ("pladser.csv", f.pladser)]
        fremdrift.fase("Skriver filerne i \(ud)")
        for (i, (navn, tekst)) in filer.enumerated() {
            try Fil.skriv(Data(tekst.utf8), (ud as NSString).appendingPathComponent(navn))
            fremdrift.del(i + 1, af: filer.count)
        }
        fremdrift.slut()
        udskriv("Genereret \(f.antalTilbud) tilbud, \(f.antalNiveauer) takstniveauer over \(g.antalAar) år i \(ud).\n")
    }
}
