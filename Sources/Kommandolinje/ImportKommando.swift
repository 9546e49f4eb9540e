import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler

/// `takstfil import regnskab|belaegning|pladser FILE [--dry-run] [--region NAVN]`: all rows in
/// one transaction, or none; errors name file, row (header = row 1) and column.
struct ImportKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Indlæs indberetninger fra CSV (; eller , — decimalkomma eller -punktum).",
        subcommands: [Regnskaber.self, Belaegninger.self, Pladser.self, BefolkningImport.self, TaksterImport.self, TakstfilImport.self, PLSatserImport.self,
                      DumpImport.self])

    struct Faelles: ParsableArguments {
        @Argument(help: "CSV-filen") var fil: String
        @Flag(name: .customLong("dry-run"), help: "Vis hvad der ville ske, uden at gemme") var proeve = false
        @Option(help: "Region for nye driftsherrer i hele filen") var region: String?
        @OptionGroup var database: DatabaseValg

        func tekst() throws -> String { try Fil.laesTekst(fil) }

        func rapport(_ r: Importresultat) {
            var linjer = ["\(r.proevekoersel ? "Prøvekørsel – intet er gemt. " : "")\(r.fil): \(r.raekker) rækker (\(r.slags)): \(r.oprettet) nye, \(r.aendret) ændrede, \(r.uaendret) uændrede."]
            if !r.nyeDriftsherrer.isEmpty { linjer.append("Nye driftsherrer: \(r.nyeDriftsherrer.joined(separator: ", "))") }
            if !r.nyeTilbud.isEmpty { linjer.append("Nye tilbud (\(r.nyeTilbud.count)): \(r.nyeTilbud.joined(separator: "; "))") }
            udskriv(linjer.joined(separator: "\n") + "\n")
        }
    }

    struct Regnskaber: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "regnskab",
            abstract: "driftsherre;tilbud;aar;belaegning;regnskab_kr[;region;over_underskud_kr;tillaegsydelser_kr;takstindtaegter_kr;maalgruppe;type;pladser]")
        @OptionGroup var f: Faelles
        func udfoer() async throws {
            let raekker = try Indberetningsformat.laesRegnskab(fil: f.fil, tekst: try f.tekst())
            f.rapport(try await f.database.medLager {
                try await $0.importerRegnskab(raekker, fil: f.fil, region: f.region, proeve: f.proeve, af: CLIBruger.navn)
            })
        }
    }

    struct Belaegninger: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "belaegning", abstract: "driftsherre;tilbud;aar;kvartal;normering;forbrug;art[;maalgruppe;region]")
        @OptionGroup var f: Faelles
        func udfoer() async throws {
            let raekker = try Indberetningsformat.laesBelaegning(fil: f.fil, tekst: try f.tekst())
            f.rapport(try await f.database.medLager {
                try await $0.importerBelaegning(raekker, fil: f.fil, region: f.region, proeve: f.proeve, af: CLIBruger.navn)
            })
        }
    }

    struct Pladser: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "pladser", abstract: "driftsherre;tilbud;aar;maalgruppe;type;pladser[;region]")
        @OptionGroup var f: Faelles
        func udfoer() async throws {
            let raekker = try Indberetningsformat.laesPladser(fil: f.fil, tekst: try f.tekst())
            f.rapport(try await f.database.medLager {
                try await $0.importerPladser(raekker, fil: f.fil, region: f.region, proeve: f.proeve, af: CLIBruger.navn)
            })
        }
    }
}
