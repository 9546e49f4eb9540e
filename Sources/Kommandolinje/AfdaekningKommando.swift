import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler
import Udskrift

/// `takstfil afdaekning liste|import|eksport`: the yearly supply/demand review (DOMAIN.md 6.10)
/// from the command line — the same storage calls and tables as the web pages.
struct AfdaekningKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "afdaekning", abstract: "Den årlige afdækning af udbud og efterspørgsel: se, importér svar, eksportér.",
        subcommands: [Liste.self, Importer.self, Eksporter.self])

    static func id(_ raa: String) throws -> UUID {
        guard let id = UUID(uuidString: raa.trimmingCharacters(in: .whitespaces)) else {
            throw Valideringsfejl(felt: "id", besked: "'\(raa)' er ikke et afdæknings-id (se takstfil afdaekning liste)")
        }
        return id
    }

    struct Liste: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "liste", abstract: "Alle afdækninger med svarprocent og status.")
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let raekker = try await database.medLager { l in
                var r: [[Tabelcelle]] = []
                for g in try await l.afdaekninger() {
                    r.append([.tekst(g.id.uuidString), .tekst(g.afdaekning.titel), .heltal(g.afdaekning.aar), .tekst(g.afdaekning.region),
                              .tekst(try await l.afdaekningsopgoerelse(g).svarprocent.tekst), .tekst(g.status.tekst)])
                }
                return r
            }
            udskriv(Tabel(kolonner: ["id", "titel", "aar", "region", "svar", "status"], raekker: raekker).tekst(format.format))
        }
    }

    struct Importer: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Importér kommunernes antal for ét spørgsmål fra CSV (kommune;2020;2021;…, evt. en trykt totalrække til sidst).")
        @Argument(help: "Afdækningens id") var id: String
        @Option(help: "Spørgsmålet, fx s1") var spoergsmaal: String
        @Argument(help: "CSV-filen") var fil: String
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            let id = try AfdaekningKommando.id(self.id)
            let (tekst, tegnsaet) = try Fil.laes(fil)
            let tabel = try Optaellingsfil.laes(fil: fil, tekst: tekst)
            let antal = try await database.medLager {
                try await $0.importerAfdaekningssvar(afdaekningID: id, spoergsmaal: spoergsmaal, tabel: tabel, fil: fil, af: CLIBruger.navn)
            }
            udskriv("Importeret: \(antal) kommuners svar\(tabel.trykt == nil ? "" : " (den trykte total er gemt)").\n\(tegnsaet.kvittering)\n")
        }
    }

    struct Eksporter: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "eksport", abstract: "Hele afdækningen (sekretariatets udgave) eller den offentlige rapport som .xlsx.")
        @Argument(help: "Afdækningens id") var id: String
        @Flag(help: "Kun den offentlige, maskerede rapport (kræver at afdækningen er offentliggjort)") var offentlig = false
        @Option(help: "Filen der skrives (.xlsx)") var ud: String
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            let id = try AfdaekningKommando.id(self.id)
            let ark = try await database.medLager { l -> [(navn: String, tabel: Tabel)] in
                guard let g = try await l.afdaekning(id: id) else { throw Lagerfejl.ikkeFundet("Afdækningen \(id)") }
                let o = try await l.afdaekningsopgoerelse(g)
                if offentlig {
                    guard g.status == .offentliggjort else {
                        throw Valideringsfejl(felt: "offentlig", besked: "afdækningen er ikke offentliggjort endnu")
                    }
                    return Afdaekningstabeller.offentlig(g, o)
                }
                return Afdaekningstabeller.fuld(g, o, svar: try await l.afdaekningssvar(afdaekningID: id),
                                                aarsager: try await l.afvigelsesaarsager(kilde: Lager.afdaekningskilde(id)))
            }
            try XLSXSkriver.skriv(ark.map { Regnearksudskrift.ark($0.navn, $0.tabel) }).write(to: URL(fileURLWithPath: ud))
            udskriv("Skrevet: \(ud) (\(ark.count) ark)\n")
        }
    }
}
