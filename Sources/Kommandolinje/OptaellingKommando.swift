import ArgumentParser
import Filformater
import Foundation
import Takstregler

/// `takstfil optaelling summer FIL`: a table of uncertain counts summed as ranges and checked
/// against its printed total (DOMAIN.md 6.10, 6.13).
struct OptaellingKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optaelling", abstract: "Usikre antal (8-10, ?, ≤3 …): summer og kontrollér trykte totaler.",
        subcommands: [Summer.self])

    struct Summer: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "summer",
            abstract: "Summér hver kolonne som interval og sammenlign med den trykte totalrække (I alt/SUM/Total); vis fund.")
        @Argument(help: "CSV: navnekolonne (fx kommune), én kolonne pr. år eller gruppe, evt. en totalrække til sidst") var fil: String
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            let tabel = try Optaellingsfil.laes(fil: fil, tekst: try Fil.laesTekst(fil))
            let r = Optaelling.kontroller(tabel)
            switch format.format {
            case .json: udskriv(String(decoding: try Optaellingsfil.json(r), as: UTF8.self) + "\n")
            case .table, .csv:
                let (k, f) = Optaellingsfil.tabeller(r)
                udskriv(k.tekst(format.format))
                udskriv(r.fund.isEmpty ? (format.format == .table ? "\nIngen fund.\n" : "") : "\n" + f.tekst(format.format))
            }
        }
    }
}
