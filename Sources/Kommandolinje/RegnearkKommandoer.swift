import ArgumentParser
import Foundation
import Lager
import Filformater
import Takstregler
import Udskrift

extension ImportKommando {
    /// `takstfil import takstfil FILE.xlsx`: the takstfil workbook, all sheets in one transaction.
    struct TakstfilImport: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "takstfil",
            abstract: "Indlæs en takstfil-projektmappe (.xlsx) med arkene Takster, Regnskab og Belægning (skabelon: takstfil eksport takstfil).")
        @OptionGroup var f: Faelles
        @Flag(help: "Nye takstniveauer er historiske, allerede offentliggjorte takster (fx fra det gamle regneark)")
        var offentliggjort = false

        func udfoer() async throws {
            let fremdrift = Fremdrift()
            defer { fremdrift.slut() }
            fremdrift.fase("Læser og kontrollerer \(f.fil)")
            let data = try Fil.laesData(f.fil)
            let m = try Projektmappe.laes(data, fil: f.fil)
            fremdrift.fase("\(f.proeve ? "Prøver" : "Skriver") \(m.takster.count + m.regnskab.count + m.belaegning.count) rækker")
            let dele = try await f.database.medLager {
                try await $0.importerTakstfil(takster: m.takster, regnskab: m.regnskab, belaegning: m.belaegning, fil: f.fil,
                                              region: f.region, offentliggjort: offentliggjort, proeve: f.proeve, af: CLIBruger.navn,
                                              sha256: Filaftryk.sha256(data), fremdrift: fremdrift.melding)
            }
            fremdrift.slut()
            for del in dele where del.raekker > 0 { f.rapport(del) }
            if dele.allSatisfy({ $0.raekker == 0 }) { udskriv("\(f.fil): ingen rækker at indlæse.\n") }
            if let formler = XLSXLaeser.formelkvittering(m.formler) { udskriv(formler + "\n") }
        }
    }
}

extension ImportKommando {
    /// `takstfil import takster FILE.csv`: the "Takster" sheet of the template as CSV.
    struct TaksterImport: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "takster", abstract: "Takstniveauer med beregningsgrundlag (takstfil-skabelonens kolonner) fra CSV.")
        @OptionGroup var f: Faelles
        @Flag(help: "Nye takstniveauer er historiske, allerede offentliggjorte takster") var offentliggjort = false

        func udfoer() async throws {
            try await f.importer(Takstfilskabelon.raekker) {
                try await $0.importerTakster($1, region: f.region, offentliggjort: offentliggjort, proeve: f.proeve,
                                             af: CLIBruger.navn, fremdrift: $2)
            }
        }
    }
}

extension EksportKommando {
    /// `takstfil eksport takstfil --aar Y --format xlsx --ud FILE`.
    struct TakstfilEksport: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "takstfil",
            abstract: "Den offentliggjorte takstfil for et år som .xlsx (arkene Takster, Regnskab, Belægning) eller .csv (Takster).")
        @Option(help: "År") var aar: Int
        @Option(help: "xlsx eller csv") var format: String = "xlsx"
        @Option(help: "Filen der skrives") var ud: String
        @Flag(help: "Alle takstniveauer (nyeste version, alle statusser) i stedet for kun de offentliggjorte") var alle = false
        @Option(help: "Kun den periode af hvert niveau, der gælder på datoen, åååå-mm-dd (standard: alle årets perioder)") var dato: String?
        @Option(help: "Med --dato: for en borger indskrevet på denne dato") var indskrevet: String?
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            let dag = try dato.map { try Datoer.kontroller($0, felt: "dato") }
            let borger = try indskrevet.map { try Datoer.kontroller($0, felt: "indskrevet") }
            var (liste, regnskab, belaegning) = try await database.medLager { l in
                (alle ? try await l.arbejdsliste(aar: aar) : try await l.offentligTakstliste(aar: aar),
                 try await l.regnskabsraekker(aar: aar), try await l.belaegningsraekker(aar: aar))
            }
            if let dag { liste = liste.paaDato(dag, indskrevet: borger) }
            let takster = Regnearksudskrift.takster(liste)
            let data: Data
            switch format {
            case "xlsx":
                data = try XLSXSkriver.skriv([
                    Regnearksudskrift.ark(Takstfilskabelon.arkTakster, takster),
                    Regnearksudskrift.ark(Takstfilskabelon.arkRegnskab, Tabel(
                        kolonner: ["driftsherre", "tilbud", "aar", "belaegning", "regnskab_kr", "over_underskud_kr", "tillaegsydelser_kr", "takstindtaegter_kr"],
                        raekker: regnskab.map { r in
                            let g = r.regnskab
                            return [.tekst(r.driftsherre), .tekst(r.tilbud), .heltal(g.aar), .tal(g.belaegning, decimaler: nil),
                                    .tal(g.omkostninger, decimaler: nil), g.overUnderskud.map { .tal($0, decimaler: nil) } ?? .tom,
                                    g.tillaegsydelser.map { .tal($0, decimaler: nil) } ?? .tom, g.takstindtaegter.map { .tal($0, decimaler: nil) } ?? .tom]
                        })),
                    Regnearksudskrift.ark(Takstfilskabelon.arkBelaegning, Tabel(
                        kolonner: ["driftsherre", "tilbud", "aar", "kvartal", "normering", "forbrug", "art", "maalgruppe"],
                        raekker: belaegning.map { r in
                            let b = r.belaegning
                            return [.tekst(r.driftsherre), .tekst(r.tilbud), .heltal(b.aar), .heltal(b.kvartal),
                                    b.normering.map { .tal($0, decimaler: nil) } ?? .tom, b.forbrug.map { .tal($0, decimaler: nil) } ?? .tom,
                                    .tekst(b.art.rawValue), r.maalgruppe.map { .tekst($0.rawValue) } ?? .tom]
                        })),
                ])
            case "csv":
                var t = takster
                t = Tabel(kolonner: t.kolonner.map { Regnearksudskrift.danskeOverskrifter[$0] ?? $0 }, raekker: t.raekker)
                data = Data(t.tekst(.csv).utf8)
            default:
                throw Valideringsfejl(felt: "format", besked: "ukendt format '\(format)' (brug xlsx eller csv)")
            }
            try Fil.skriv(data, ud)
            udskriv("\(liste.reduce(0) { $0 + $1.niveauer.count }) takstniveauer for \(aar) skrevet til \(ud).\n")
        }
    }

    /// `takstfil eksport ledelsesinformation --aar Y --ud FILE.xlsx`: one sheet per table.
    struct LedelsesinformationEksport: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "ledelsesinformation", abstract: "De fem tabeller for året og året før som .xlsx (ét ark pr. tabel).")
        @Option(help: "Regnskabsåret") var aar: Int
        @Option(help: "Kun driftsherrer i denne region") var region: String?
        @Option(help: "Filen der skrives (.xlsx)") var ud: String
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            let tabeller = try await database.medLager { try await Ledelsesinformationstabeller.alle($0, aar: aar, region: region) }
            try Fil.skriv(try XLSXSkriver.skriv(tabeller.map { Regnearksudskrift.ark($0.titel, $0.tabel) }), ud)
            udskriv("Ledelsesinformation \(aar - 1)–\(aar) skrevet til \(ud) (\(tabeller.count) ark).\n")
        }
    }
}

extension Fil {
    static func skriv(_ data: Data, _ sti: String) throws {
        guard FileManager.default.createFile(atPath: sti, contents: data) else {
            throw Valideringsfejl(felt: "ud", besked: "kan ikke skrive filen '\(sti)'")
        }
    }
}
