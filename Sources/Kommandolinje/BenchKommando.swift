import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler
import Udskrift

/// `takstfil bench TRIN`: one measured step of `scripts/bench`, timed inside the process (the
/// database is opened and migrated before the clock starts). Each step runs in its own process so
/// the script can report the step's own peak memory. Prints one line: `trin;millisekunder;antal`.
struct BenchKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Et målt trin til scripts/bench (ikke til daglig brug).", shouldDisplay: false)

    @Argument(help: "import-takster, import-regnskab, import-belaegning, import-pladser, tabeller, tabeller-alle, liste, genberegn, fordeling")
    var trin: String
    @Option(help: "Fil til import-trin") var fil: String?
    @Option(help: "Første år") var fra: Int?
    @Option(help: "Sidste år") var til: Int?
    @OptionGroup var database: DatabaseValg

    func udfoer() async throws {
        let (ms, antal) = try await database.medLager { l -> (Double, Int) in
            let start = DispatchTime.now().uptimeNanoseconds
            let antal = try await koer(l)
            return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000, antal)
        }
        udskriv("\(trin);\(String(format: "%.1f", ms));\(antal)\n")
    }

    func koer(_ l: Lager) async throws -> Int {
        switch trin {
        case "import-takster":
            // Streamed from disk as `takstfil import` does (read, checked and written batch by batch).
            return try await l.importerTakster(try Fil.indlaesning(kraevFil(), Takstfilskabelon.raekker), region: nil,
                                               offentliggjort: true, af: "bench").raekker
        case "import-regnskab":
            return try await l.importerRegnskab(try Fil.indlaesning(kraevFil(), Indberetningsformat.regnskabsraekker), region: nil, af: "bench").raekker
        case "import-belaegning":
            return try await l.importerBelaegning(try Fil.indlaesning(kraevFil(), Indberetningsformat.belaegningsraekker), region: nil, af: "bench").raekker
        case "import-pladser":
            return try await l.importerPladser(try Fil.indlaesning(kraevFil(), Indberetningsformat.pladsraekker), region: nil, af: "bench").raekker
        case "tabeller":
            let aar = try kraevTil()
            return try await Ledelsesinformationstabeller.alle(l, aar: aar, region: nil).reduce(0) { $0 + $1.tabel.raekker.count }
        case "tabeller-alle":
            var n = 0
            for aar in (try kraevFra() + 1)...(try kraevTil()) {
                n += try await Ledelsesinformationstabeller.alle(l, aar: aar, region: nil).reduce(0) { $0 + $1.tabel.raekker.count }
            }
            return n
        case "liste":
            // The year's published list as the public pages read it after a change (the cold request's cost).
            return try await l.offentligTakstliste(aar: try kraevTil()).reduce(0) { $0 + $1.niveauer.count }
        case "genberegn":
            // Every stored level: decode its basis and recompute the takst with its breakdown.
            let (antal, afvigelser) = try await l.genberegnAlleTakster()
            guard afvigelser.isEmpty else { throw Valideringsfejl(felt: "takst", besked: afvigelser.prefix(5).joined(separator: "; ")) }
            return antal
        case "fordeling":
            let kommuner = Kommuner.alle
            let noegle = Fordelingsnoegle(navn: "bench", raekker: kommuner.enumerated().map { .init(kommune: $0.element, grundlag: Decimal(1000 + $0.offset * 37)) })
            var sum: Decimal = 0
            for i in 0..<50 {
                let r = try Fordeling.fordel(beloeb: Decimal(1_000_000 + i * 12_345), noegle: noegle)
                sum += r.sumAfRaekker
            }
            return 50 * kommuner.count + (sum > 0 ? 0 : 1)
        default:
            throw Valideringsfejl(felt: "trin", besked: "ukendt trin '\(trin)'")
        }
    }

    func kraevFil() throws -> String {
        guard let fil else { throw Valideringsfejl(felt: "fil", besked: "trinnet kræver --fil") }
        return fil
    }
    func kraevFra() throws -> Int {
        guard let fra else { throw Valideringsfejl(felt: "fra", besked: "trinnet kræver --fra") }
        return fra
    }
    func kraevTil() throws -> Int {
        guard let til else { throw Valideringsfejl(felt: "til", besked: "trinnet kræver --til") }
        return til
    }
}
