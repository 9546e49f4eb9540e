import ArgumentParser
import Foundation
import Takstregler

/// `takstfil beregn rammeaftale`: is a tilbud covered by the rammeaftale (DOMAIN.md 6.3)?
struct RammeaftaleKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(
        commandName: "rammeaftale",
        abstract: "Er tilbuddet omfattet af rammeaftalen? (over 5 % af pladserne bruges af andre kommuner)")
    @Option(help: "Driftsherren (kommunens navn som i forbruget)") var driftsherre: String
    @Option(help: "kommunal, regional, selvejende eller privat") var ejerform: String = "kommunal"
    @Option(name: .customLong("forbrug"), parsing: .upToNextOption,
            help: "Forbrug pr. kommune som KOMMUNE=PLADSER, fx \"Viborg Kommune=10\" \"Skive Kommune=1,5\"")
    var forbrug: [String]
    @OptionGroup var format: FormatValg

    func udfoer() async throws {
        guard let ejerform = Tilbud.Ejerform(rawValue: ejerform) else {
            throw Valideringsfejl(felt: "ejerform", besked: "ukendt ejerform '\(ejerform)' (brug kommunal, regional, selvejende eller privat)")
        }
        let raekker = try forbrug.enumerated().map { i, s -> Rammeaftaleomfang.Forbrug in
            let dele = s.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard dele.count == 2, !dele[0].isEmpty else {
                throw Valideringsfejl(felt: "forbrug[\(i + 1)]", besked: "skriv KOMMUNE=PLADSER (fik '\(s)')")
            }
            return .init(kommune: dele[0], pladser: try Kontrol.tal(dele[1], felt: "forbrug[\(i + 1)]"))
        }
        let v = try Rammeaftaleomfang.vurder(driftsherre: driftsherre, ejerform: ejerform, forbrug: raekker)
        udskriv(Noegletal.tekst([
            ("omfattet", .sandhed(v.omfattet)),
            ("andel_andre_kommuner_pct", .tal(v.andelAndreKommunerPct, decimaler: 2)),
            ("begrundelse", .tekst(v.begrundelse)),
        ], linjer: [], format: format.format))
    }
}
