import Filformater
import ArgumentParser
import Foundation
import Lager
import Takstregler
import Udskrift

/// Yearly parameters set by the secretariat; every change is audited.
struct ParameterKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parameter", abstract: "Årlige parametre.",
                                                    subcommands: [PLIndeksK.self, EfterreguleringK.self, TakstaendringK.self])

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

    /// `takstfil parameter efterregulering --aar Y --region R --princip helt|fem_procents_baand`.
    struct EfterreguleringK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "efterregulering",
            abstract: "Vælg for en region og et takstår, om hele over-/underskuddet fremføres (helt) eller kun det, der ligger ud over 5 % af grundlaget (fem_procents_baand).")
        @Option(help: "Takståret, reguleringen indgår i") var aar: Int
        @Option(help: "Regionen") var region: String
        @Option(help: "helt eller fem_procents_baand") var princip: String
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            guard let p = Efterregulering.Princip(rawValue: princip.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw Valideringsfejl(felt: "princip", besked: "ukendt princip '\(princip)' — brug \(Efterregulering.Princip.allCases.map(\.rawValue).joined(separator: " eller "))")
            }
            try await database.medLager { try await $0.saetEfterreguleringsprincip(aar: aar, region: region, p, af: CLIBruger.navn) }
            udskriv("Efterregulering i takster for \(aar), \(region): \(p.tekst).\n")
        }
    }

    /// `takstfil parameter takstaendring --aar Y --region R --procent P`.
    struct TakstaendringK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "takstaendring",
            abstract: "Grænsen (i procent) for ændring fra sidste års takst, over hvilken en indsendelse skal have en begrundelse (standard 5).")
        @Option(help: "Takståret") var aar: Int
        @Option(help: "Regionen") var region: String
        @Option(help: "Procent, fx 5 eller 7,5") var procent: String
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            let p = try Kontrol.tal(procent, felt: "procent")
            try await database.medLager { try await $0.saetTakstaendringsgraense(aar: aar, region: region, procent: p, af: CLIBruger.navn) }
            udskriv("Takster for \(aar), \(region): en ændring over \(DanskTal.formaterKort(p)) % fra sidste år kræver en begrundelse.\n")
        }
    }
}
