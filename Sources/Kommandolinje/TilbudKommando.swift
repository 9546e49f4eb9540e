import Filformater
import ArgumentParser
import Foundation
import Lager
import Takstregler
import Udskrift
import Web

struct TilbudKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tilbud", abstract: "Tilbudsregistret.",
                                                    subcommands: [Liste.self])

    struct Liste: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Vis tilbud med takstniveauer for et år.")
        @Option(help: "År (standard: indeværende)") var aar: Int?
        @Flag(help: "Kun offentliggjorte takster") var offentlige = false
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            let aar = try self.aar ?? Kommandour.ur().aar
            let liste = try await database.medLager { l in
                offentlige ? try await l.offentligTakstliste(aar: aar) : try await l.arbejdsliste(aar: aar)
            }
            var t = Tabel(kolonner: ["tilbud", "driftsherre", "maalgruppe", "type", "takstniveau", "aar", "version",
                                     "status", "takst_kr", "enhed", "demo"])
            for tilbud in liste {
                let faelles: [Tabelcelle] = [.tekst(tilbud.tilbud.navn), .tekst(tilbud.tilbud.driftsherre),
                                        .tekst(tilbud.tilbud.maalgruppe?.rawValue ?? ""), .tekst(tilbud.tilbud.type.rawValue)]
                if tilbud.niveauer.isEmpty {
                    t.raekker.append(faelles + [.tom, .heltal(aar), .tom, .tom, .tom, .tom, .tekst(tilbud.demo ? "ja" : "nej")])
                }
                for n in tilbud.niveauer {
                    t.raekker.append(faelles + [.tekst(n.niveau.navn), .heltal(n.niveau.aar), .heltal(n.niveau.version),
                                                .tekst(n.niveau.status.rawValue),
                                                .tal(n.takst, decimaler: n.niveau.grundlag.afrunding.decimaler),
                                                .tekst(n.niveau.grundlag.enhed.rawValue), .tekst(tilbud.demo ? "ja" : "nej")])
                }
            }
            udskriv(t.tekst(format.format))
        }
    }
}
