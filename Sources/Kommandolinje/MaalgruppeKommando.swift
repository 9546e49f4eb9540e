import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler

/// `takstfil maalgruppe liste|opret`: each region's own list of målgrupper/specialer (DOMAIN.md 6.10).
struct MaalgruppeKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maalgruppe", abstract: "Regionernes målgruppelister (målgrupper og specialer er data pr. region).",
        subcommands: [Liste.self, Opret.self])

    struct Liste: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "liste", abstract: "Vis målgruppelisterne.")
        @Option(help: "Kun denne region") var region: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let lister = try await database.medLager { try await $0.maalgruppelister() }.filter { region == nil || $0.region == region }
            udskriv(Tabel(kolonner: ["region", "kode", "tekst"], raekker: lister.flatMap { l in
                l.punkter.map { [.tekst(l.region), .tekst($0.kode), .tekst($0.tekst)] }
            }).tekst(format.format))
        }
    }

    struct Opret: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "opret", abstract: "Tilføj en målgruppe til en regions liste.")
        @Option(help: "Regionen") var region: String
        @Option(help: "Koden (små bogstaver, tal og _), fx udadreagerende") var kode: String
        @Option(help: "Teksten, fx \"Udadreagerende adfærd\"") var tekst: String
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            try await database.medLager { try await $0.opretMaalgruppe(region: region, kode: kode, tekst: tekst, af: CLIBruger.navn) }
            udskriv("Oprettet: \(kode) (\(tekst)) i \(region)s målgruppeliste.\n")
        }
    }
}
