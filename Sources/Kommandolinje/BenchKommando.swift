import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler
import Udskrift

/// `takstfil bench TRIN`: one measured step of `scripts/bench`, timed inside the process (the
/// database is opened and migrated before the clock starts). Each step runs in its own process so
/// the script can report the step's own peak memory. Prints one line: `trin;millisekunder;antal`;
/// a step that works from memory (`tabeller`, `tabeller-alle`, `genberegn`) first prints the
/// reading into memory as its own line, `indlaesning;millisekunder;antal`, timed apart — as the
/// peers in scripts/bench are timed from their loaded data.
struct BenchKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Et målt trin til scripts/bench (ikke til daglig brug).", shouldDisplay: false)

    @Argument(help: "import-takster, import-regnskab, import-belaegning, import-pladser, tabeller, tabeller-alle, liste, genberegn, fordeling")
    var trin: String
    @Option(help: "Fil til import-trin") var fil: String?
    @Option(help: "Første år") var fra: Int?
    @Option(help: "Sidste år") var til: Int?
    @Option(help: "Kør et trin fra hukommelsen så mange gange og skriv medianen (som konkurrenterne i scripts/bench måles)")
    var gentag: Int = 1
    @OptionGroup var database: DatabaseValg

    /// What a step reads into memory before its clock starts.
    enum Forud: Sendable {
        case ingen, rapporter(Lager), takstniveauer(GemteTakstniveauer)
        var fraHukommelsen: Bool { if case .ingen = self { false } else { true } }
    }

    func udfoer() async throws {
        try await database.medLager { l in
            let (forud, indlaesning) = try await Self.maal { try await forbered(l) }
            if case .ingen = forud.0 {} else { linje("indlaesning", indlaesning, forud.1) }
            // Repeats only for steps that work from memory; an import or a database read runs once.
            var gange: [(antal: Int, ms: Double)] = []
            for _ in 0..<(forud.0.fraHukommelsen ? max(1, gentag) : 1) {
                gange.append(try await Self.maal { try await koer(l, forud.0) })
            }
            let median = gange.sorted { $0.ms < $1.ms }[gange.count / 2]
            linje(trin, median.ms, median.antal)
        }
    }

    func linje(_ navn: String, _ ms: Double, _ antal: Int) { udskriv("\(navn);\(String(format: "%.1f", ms));\(antal)\n") }

    static func maal<T>(_ blok: () async throws -> T) async throws -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let v = try await blok()
        return (v, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    /// The report data (every year's regnskab, belægning and places) or every takst level decoded.
    func forbered(_ l: Lager) async throws -> (Forud, Int) {
        switch trin {
        case "tabeller", "tabeller-alle":
            let cache = Rapportcache()
            let medCache = Lager(l.db, rapportcache: cache)
            return (.rapporter(medCache), try await cache.data(medCache).antalRaekker)
        case "genberegn":
            let g = try await l.gemteTakstniveauer()
            return (.takstniveauer(g), g.antal)
        default: return (.ingen, 0)
        }
    }

    func koer(_ l: Lager, _ forud: Forud) async throws -> Int {
        switch (trin, forud) {
        case ("tabeller", .rapporter(let l)):
            let aar = try kraevTil()
            return try await Ledelsesinformationstabeller.alle(l, aar: aar, region: nil).reduce(0) { $0 + $1.tabel.raekker.count }
        case ("tabeller-alle", .rapporter(let l)):
            var n = 0
            for aar in (try kraevFra() + 1)...(try kraevTil()) {
                n += try await Ledelsesinformationstabeller.alle(l, aar: aar, region: nil).reduce(0) { $0 + $1.tabel.raekker.count }
            }
            return n
        case ("genberegn", .takstniveauer(let g)):
            // Every stored level's takst recomputed with its breakdown from the decoded bases.
            let (antal, afvigelser) = try g.genberegn()
            guard afvigelser.isEmpty else { throw Valideringsfejl(felt: "takst", besked: afvigelser.prefix(5).joined(separator: "; ")) }
            return antal
        default: return try await koer(l)
        }
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
        case "liste":
            // The year's published list as the public pages read it after a change (the cold request's cost).
            return try await l.offentligTakstliste(aar: try kraevTil()).reduce(0) { $0 + $1.niveauer.count }
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
