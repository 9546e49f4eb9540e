import ArgumentParser
import Foundation
import Lager
import Takstregler

/// `takstfil eksport`: the complete JSON dump (backup, move between databases).
struct EksportKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eksport", abstract: "Eksportér data.",
        subcommands: [Dump.self, TakstfilEksport.self, LedelsesinformationEksport.self], defaultSubcommand: Dump.self)

    struct Dump: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "dump", abstract: "Hele databasen som JSON: alle tabeller, alle versioner, revisionsloggen.")
        @Option(help: "Kun json") var format: String = "json"
        @Option(help: "Skriv til denne fil i stedet for standard output") var ud: String?
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            guard format == "json" else {
                throw Valideringsfejl(felt: "format", besked: "en fuld eksport er altid json (tabeller eksporteres med 'takstfil rapport … --format csv')")
            }
            let fremdrift = Fremdrift()
            defer { fremdrift.slut() }
            fremdrift.fase("Læser databasen")
            let data = try await database.medLager { try await $0.eksporterDump() }
            if let ud {
                fremdrift.fase("Skriver \(data.count) byte til \(ud)")
                guard FileManager.default.createFile(atPath: ud, contents: data) else {
                    throw Valideringsfejl(felt: "ud", besked: "kan ikke skrive filen '\(ud)'")
                }
                fremdrift.slut()
                FileHandle.standardError.write(Data("Eksporteret \(data.count) byte til \(ud).\n".utf8))
            } else {
                fremdrift.slut()
                udskriv(data)
            }
        }
    }
}

extension ImportKommando {
    /// `takstfil import dump FILE`: restores a dump into an empty database.
    struct DumpImport: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "dump", abstract: "Gendan en JSON-dump i en tom database.")
        @Argument(help: "Dump-filen fra 'takstfil eksport'") var fil: String
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            let fremdrift = Fremdrift()
            defer { fremdrift.slut() }
            fremdrift.fase("Læser \(fil)")
            let data = try Fil.laesData(fil)
            fremdrift.fase("Gendanner rækkerne")
            let antal = try await database.medLager { try await $0.gendanDump(data, fil: fil, fremdrift: fremdrift.melding) }
            fremdrift.slut()
            udskriv("Gendannet \(antal) rækker fra \(fil) i \(database.valg).\n")
        }
    }
}
