import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler
import Udskrift

/// `takstfil udmelding import|vis`: the central udmelding's figures per tilbud (DOMAIN.md 6.10).
struct UdmeldingKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "udmelding", abstract: "Central udmelding: pladser, borgerflow, årsværk og erfaring pr. tilbud.",
        subcommands: [Importer.self, Vis.self])

    struct Importer: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Indlæs tilbud;driftsherre;maalgruppe;pladser;borgerflow_ÅÅÅÅ…;aarsvaerk;erfaring_pct[;note] (\"oplyses ikke\" er et svar).")
        @Argument(help: "CSV-filen") var fil: String
        @Option(help: "Analysens navn, fx \"Central udmelding domstype 2\"") var analyse: String
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            let (tekst, tegnsaet) = try Fil.laes(fil)
            let data = try Udmeldingsfil.laes(fil: fil, tekst: tekst)
            let antal = try await database.medLager { try await $0.importerUdmelding(analyse: analyse, data, fil: fil, af: CLIBruger.navn) }
            udskriv("Importeret: \(antal) tilbud til '\(analyse)'.\n\(tegnsaet.kvittering)\n")
        }
    }

    struct Vis: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "vis", abstract: "Vis en analyses tal (præcise; nettet maskerer 1–3).")
        @Option(help: "Analysens navn") var analyse: String
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let data = try await database.medLager { l -> [Udmeldingsdata] in
                let d = try await l.udmelding(analyse: analyse)
                if d.isEmpty {
                    let kendte = try await l.udmeldingsanalyser()
                    throw Valideringsfejl(felt: "analyse", besked: "ukendt analyse '\(analyse)'\(kendte.isEmpty ? "" : " (kendte: \(kendte.joined(separator: ", ")))")")
                }
                return d
            }
            udskriv(Kapacitetstabeller.udmelding(data, offentlig: false).tekst(format.format))
        }
    }
}
