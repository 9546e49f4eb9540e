import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler
import Udskrift

/// `takstfil noegletal import|placering|overhead|tilsyn`: key figures across the regions (DOMAIN.md 6.11).
struct NoegletalKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noegletal", abstract: "Nøgletal og benchmarking på tværs af regionerne.",
        subcommands: [Importer.self, PlaceringK.self, OverheadK.self, Tilsyn.self])

    struct Importer: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Indlæs nøgletal: bred form (gruppe;indikator;enhed;aar;retning;<regioner>;kilde) eller lang (indikator;region;aar;vaerdi).")
        @Argument(help: "CSV-filen") var fil: String
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            let (tekst, tegnsaet) = try Fil.laes(fil)
            let indhold = try Noegletalsfil.laes(fil: fil, tekst: tekst)
            let t = try await database.medLager { try await $0.importerNoegletal(indhold, fil: fil, af: CLIBruger.navn) }
            udskriv("Importeret: \(t.nye) nye, \(t.aendrede) ændrede, \(t.uaendrede) uændrede indikatorer.\n\(tegnsaet.kvittering)\n")
        }
    }

    struct PlaceringK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "placering", abstract: "Regionens placering pr. indikator og antal med højeste eller næsthøjeste placering pr. gruppe.")
        @Option(help: "Regionen, fx Nordjylland") var region: String
        @Option(help: "Kun dette år (som i kataloget, fx 2022)") var aar: String?
        @Option(help: "Uafgjort: bedste (1-2-2-4, kildernes regel) eller daarligste (1-3-3-4)") var uafgjort: String = "bedste"
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            guard let regel = Placering.Uafgjort(rawValue: uafgjort) else {
                throw Valideringsfejl(felt: "uafgjort", besked: "ukendt regel '\(uafgjort)' (brug bedste eller daarligste)")
            }
            let indikatorer = try await database.medLager { try await $0.indikatorer(aar: aar) }
            let g = try Gruppeplacering.opgoer(indikatorer, region: region, uafgjort: regel)
            switch format.format {
            case .json: udskriv(Noegletalstabeller.placeringJSON(g).tekst + "\n")
            case .table, .csv:
                udskriv(Noegletalstabeller.placering(g).tekst(format.format))
                if format.format == .table {
                    udskriv("\n" + Noegletalstabeller.saetninger(g, region: region).joined(separator: "\n") + "\n")
                    for x in g where !x.foelsomme.isEmpty {
                        udskriv("Følsomt (\(x.gruppe)): med modsat retning ville tællingen ændre sig for \(x.foelsomme.joined(separator: "; ")).\n")
                    }
                }
            }
        }
    }

    struct OverheadK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "overhead", abstract: "Overheadundersøgelsen: gennemsnit af midtpunkter, min og max af intervallernes ender, antal der har oplyst.")
        @Argument(help: "CSV: driftsherre;oh_pct_min;oh_pct_max[;note], evt. en trykt gennemsnitsrække") var fil: String
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let (svar, trykt) = try Noegletalsfil.laesOverhead(fil: fil, tekst: try Fil.laesTekst(fil))
            let r = try Overhead.opgoer(svar)
            switch format.format {
            case .json: udskriv(Noegletalstabeller.overheadJSON(r).tekst + "\n")
            case .table, .csv: udskriv(Noegletalstabeller.overhead(r).tekst(format.format))
            }
            // DOMAIN.md 6.13: the printed average against the computed one.
            if let trykt {
                let p = Afstemning.beloeb(tabel: fil, felt: "gennemsnit", trykt: trykt, beregnet: afrundet(r.gennemsnit, decimaler: 2), tolerance: Decimal(string: "0.005")!)
                FileHandle.standardError.write(Data("Afstemning: trykt gennemsnit \(p.trykt), beregnet \(p.beregnet) — \(p.stemmer ? "stemmer" : "afviger \(p.forskel)").\n".utf8))
            }
        }
    }

    struct Tilsyn: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "tilsyn", abstract: "De fem socialtilsyns takster mod gennemsnittet: afvigelse i procent pr. takstkategori.")
        @Argument(help: "CSV: socialtilsyn;<en kolonne pr. takstkategori>") var fil: String
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let (takster, kolonner) = try Noegletalsfil.laesTilsyn(fil: fil, tekst: try Fil.laesTekst(fil))
            udskriv(Noegletalstabeller.tilsyn(try Tilsynssammenligning.sammenlign(takster, kolonner: kolonner)).tekst(format.format))
        }
    }
}
