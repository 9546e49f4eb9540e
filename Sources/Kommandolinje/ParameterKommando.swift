import Filformater
import ArgumentParser
import Foundation
import Lager
import Takstregler
import Udskrift

/// Yearly parameters set by the secretariat; every change is audited.
struct ParameterKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parameter", abstract: "Årlige parametre.",
                                                    subcommands: [PLIndeksK.self])

    struct PLIndeksK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "pl-indeks", abstract: "Sæt eller vis P/L-indekset (bruges til at omregne et år til et andet års priser).")
        @Option(help: "År") var aar: Int?
        @Option(help: "Indeks, fx 100 eller 101,8") var indeks: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            if let indeks {
                guard let aar else { throw Valideringsfejl(felt: "aar", besked: "angiv året, indekset gælder") }
                let v = try Kontrol.tal(indeks, felt: "indeks")
                try await database.medLager { try await $0.saetPLIndeks(aar: aar, indeks: v, af: CLIBruger.navn) }
            }
            let pl = try await database.medLager { try await $0.plIndeks() }
            udskriv(Tabel(kolonner: ["aar", "indeks"], raekker: pl.indeks.keys.sorted().map { [.heltal($0), .tal(pl.indeks[$0]!, decimaler: nil)] })
                .tekst(format.format))
        }
    }
}
