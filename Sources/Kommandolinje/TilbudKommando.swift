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
        @Option(help: "Vis den periode, der gælder på datoen, åååå-mm-dd (standard: i dag, holdt inden for året)") var dato: String?
        @Option(help: "For en borger indskrevet på denne dato (standard: en ny borger)") var indskrevet: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            let ur = try Kommandour.ur()
            let aar = self.aar ?? ur.aar
            let dag = try dato.map { try Datoer.kontroller($0, felt: "dato") } ?? Takstperioder.standarddato(aar: aar, idag: ur.idag)
            let borger = try indskrevet.map { try Datoer.kontroller($0, felt: "indskrevet") }
            let liste = try await database.medLager { l in
                offentlige ? try await l.offentligTakstliste(aar: aar) : try await l.arbejdsliste(aar: aar)
            }.paaDato(dag, indskrevet: borger)
            var t = Tabel(kolonner: ["tilbud", "driftsherre", "maalgruppe", "type", "takstniveau", "aar", "version",
                                     "status", "takst_kr", "enhed", "gyldig_fra", "midlertidig", "demo"])
            for tilbud in liste {
                let faelles: [Tabelcelle] = [.tekst(tilbud.tilbud.navn), .tekst(tilbud.tilbud.driftsherre),
                                        .tekst(tilbud.tilbud.maalgruppe?.rawValue ?? ""), .tekst(tilbud.tilbud.type.rawValue)]
                if tilbud.niveauer.isEmpty {
                    t.raekker.append(faelles + [.tom, .heltal(aar), .tom, .tom, .tom, .tom, .tom, .tom, .tekst(tilbud.demo ? "ja" : "nej")])
                }
                for n in tilbud.niveauer {
                    t.raekker.append(faelles + [.tekst(n.niveau.navn), .heltal(n.niveau.aar), .heltal(n.niveau.version),
                                                .tekst(n.niveau.status.rawValue),
                                                .tal(n.takst, decimaler: n.niveau.grundlag.afrunding.decimaler),
                                                .tekst(n.niveau.grundlag.enhed.rawValue), .tekst(n.niveau.periodestart),
                                                .sandhed(n.niveau.midlertidig), .tekst(tilbud.demo ? "ja" : "nej")])
                }
            }
            udskriv(t.tekst(format.format))
        }
    }
}
