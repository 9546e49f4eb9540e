import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler

/// `takstfil import regnskab|belaegning|pladser FILE [--dry-run] [--region NAVN]`: all rows in
/// one transaction, or none; errors name file, row (header = row 1) and column. On a terminal the
/// phases show on standard error (`Fremdrift`).
struct ImportKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Indlæs indberetninger fra CSV (; , eller tabulator; UTF-8, UTF-16 eller Windows-1252; decimalkomma eller -punktum).",
        subcommands: [Regnskaber.self, Belaegninger.self, Pladser.self, BefolkningImport.self, TaksterImport.self, TakstfilImport.self, PLSatserImport.self,
                      DumpImport.self])

    struct Faelles: ParsableArguments {
        @Argument(help: "CSV-filen") var fil: String
        @Flag(name: .customLong("dry-run"), help: "Vis hvad der ville ske, uden at gemme") var proeve = false
        @Option(help: "Region for nye driftsherrer i hele filen") var region: String?
        @OptionGroup var database: DatabaseValg

        /// Streams the file (issue 17 part 4): read, checked and written batch by batch in one
        /// transaction, so memory does not grow with the file; a refused row stops the writing,
        /// the rest is still checked, and nothing is kept. The receipt names the character set and
        /// the file's SHA-256 (also in the import's audit event).
        func importer<T>(_ format: Raekkeformat<T>,
                         _ gem: (Lager, CSVIndlaesning<T>, @escaping Fremdriftsmelding) async throws -> Importresultat) async throws {
            let fremdrift = Fremdrift()
            defer { fremdrift.slut() }
            fremdrift.fase("Læser \(fil)")
            let kilde = try Fil.indlaesning(fil, format)
            fremdrift.fase("Kontrollerer og \(proeve ? "prøver" : "skriver") rækkerne i \(fil)")
            let r = try await database.medLager { try await gem($0, kilde, fremdrift.melding) }
            fremdrift.slut()
            rapport(r, tegnsaet: kilde.tegnsaet)
        }

        func rapport(_ r: Importresultat, tegnsaet: Tegnsaet? = nil) {
            var linjer = ["\(r.proevekoersel ? "Prøvekørsel – intet er gemt. " : "")\(r.fil): \(r.raekker) rækker (\(r.slags)): \(r.oprettet) nye, \(r.aendret) ændrede, \(r.uaendret) uændrede."]
            if !r.nyeDriftsherrer.isEmpty { linjer.append("Nye driftsherrer: \(r.nyeDriftsherrer.joined(separator: ", "))") }
            if !r.nyeTilbud.isEmpty { linjer.append("Nye tilbud (\(r.nyeTilbud.count)): \(r.nyeTilbud.joined(separator: "; "))") }
            if let sha = r.sha256 { linjer.append("SHA-256: \(sha).") }
            if let tegnsaet { linjer.append(tegnsaet.kvittering) }
            udskriv(linjer.joined(separator: "\n") + "\n")
        }
    }

    struct Regnskaber: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "regnskab",
            abstract: "driftsherre;tilbud;aar;belaegning;regnskab_kr[;region;over_underskud_kr;tillaegsydelser_kr;takstindtaegter_kr;maalgruppe;type;pladser]")
        @OptionGroup var f: Faelles
        func udfoer() async throws {
            try await f.importer(Indberetningsformat.regnskabsraekker) {
                try await $0.importerRegnskab($1, region: f.region, proeve: f.proeve, af: CLIBruger.navn, fremdrift: $2)
            }
        }
    }

    struct Belaegninger: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "belaegning", abstract: "driftsherre;tilbud;aar;kvartal;normering;forbrug;art[;maalgruppe;region]")
        @OptionGroup var f: Faelles
        func udfoer() async throws {
            try await f.importer(Indberetningsformat.belaegningsraekker) {
                try await $0.importerBelaegning($1, region: f.region, proeve: f.proeve, af: CLIBruger.navn, fremdrift: $2)
            }
        }
    }

    struct Pladser: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "pladser", abstract: "driftsherre;tilbud;aar;maalgruppe;type;pladser[;region]")
        @OptionGroup var f: Faelles
        func udfoer() async throws {
            try await f.importer(Indberetningsformat.pladsraekker) {
                try await $0.importerPladser($1, region: f.region, proeve: f.proeve, af: CLIBruger.navn, fremdrift: $2)
            }
        }
    }
}
