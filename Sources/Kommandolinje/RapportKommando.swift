import Filformater
import ArgumentParser
import Foundation
import Lager
import Takstregler
import Udskrift

/// `takstfil rapport …`: the ledelsesinformation (DOMAIN.md 6.5) from the reported data.
struct RapportKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport", abstract: "Ledelsesinformation: de fem tabeller, takstaftale og takstudvikling på niveauer.",
        subcommands: [Ledelsesinformation.self, TakstudviklingK.self, OverUnderskud.self, Tillaegsydelser.self, PladsoversigtK.self,
                      BelaegningK.self, PladserK.self, TakstaftaleK.self, Niveauudvikling.self, Kommentar.self, Offentliggoer.self])

    struct Periode: ParsableArguments {
        @Option(help: "Det tidlige år (omregnet til det senere års priser med P/L-indekset)") var fra: Int
        @Option(help: "Det senere år") var til: Int
        @Option(help: "Kun driftsherrer i denne region") var region: String?

        func validate() throws {
            guard fra < til else { throw ValidationError("--fra skal være før --til") }
        }
    }

    struct TakstudviklingK: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "takstudvikling", abstract: "Tabel 1: takstudvikling på regnskab.")
        @OptionGroup var p: Periode
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let t = try await database.medLager { l in
                Ledelsesinformationstabeller.takstudvikling(try await l.takstudviklingTabel(fra: p.fra, til: p.til, region: p.region),
                                                            try await l.kommentarer(aar: p.til)["takstudvikling"] ?? [:])
            }
            udskriv(t.tekst(format.format))
        }
    }

    struct OverUnderskud: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "over-underskud", abstract: "Tabel 2: over-/underskud.")
        @OptionGroup var p: Periode
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws { try await toAarsrapport(p, database, format, noegle: "over_underskud", \.resultat) }
    }

    struct Tillaegsydelser: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "tillaegsydelser", abstract: "Tabel 3: tillægsydelser (inkl. indskrivning over 100 %).")
        @OptionGroup var p: Periode
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws { try await toAarsrapport(p, database, format, noegle: "tillaegsydelser", \.tillaegsydelser) }
    }

    /// Tables 2 and 3 differ only in the amount summed and the comments' table key.
    static func toAarsrapport(_ p: Periode, _ database: DatabaseValg, _ format: FormatValg, noegle: String,
                              _ beloeb: KeyPath<Regnskabssum, Kroner>) async throws {
        let t = try await database.medLager { l in
            Ledelsesinformationstabeller.toAar(try await l.toAarsTabel(fra: p.fra, til: p.til, region: p.region, beloeb),
                                               try await l.kommentarer(aar: p.til)[noegle] ?? [:])
        }
        udskriv(t.tekst(format.format))
    }

    struct BelaegningK: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "belaegning", abstract: "Tabel 4: belægning pr. målgruppe.")
        @Option(help: "År") var aar: Int
        @Option(help: "Kun driftsherrer i denne region") var region: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let t = try await database.medLager { Ledelsesinformationstabeller.belaegning(try await $0.belaegningsTabel(aar: aar, region: region)) }
            udskriv(t.tekst(format.format))
        }
    }

    struct PladserK: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "pladser", abstract: "Tabel 5: pladsoversigt.")
        @OptionGroup var p: Periode
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let t = try await database.medLager { l in
                Ledelsesinformationstabeller.pladser(try await l.pladsTabel(fra: p.fra, til: p.til, region: p.region),
                                                     try await l.kommentarer(aar: p.til)["pladser"] ?? [:])
            }
            udskriv(t.tekst(format.format))
        }
    }

    /// DOMAIN.md 6.10: tilbud and places by any combination of fields (not table 5, which is per
    /// driftsherre and målgruppe for two years).
    struct PladsoversigtK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "pladsoversigt",
            abstract: "Antal tilbud og pladser (dag, døgn, ambulant) efter driftsherre, maalgruppe, paragraf, ejerform og/eller beliggenhedskommune.")
        @Option(help: "Felter at gruppere efter, kommasepareret: driftsherre, maalgruppe, paragraf, ejerform, beliggenhedskommune")
        var efter: String
        @Option(help: "Kun tilbud efter denne SEL §, fx 66") var paragraf: String?
        @Option(help: "Året (standard: i år)") var aar: Int?
        @Option(help: "Kun driftsherrer i denne region") var region: String?
        @Option(help: "Vis ledige pladser pr. denne dato (åååå-mm-dd), som driftsherrerne har indberettet dem") var ledigePr: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let felter = try Kapacitetsoversigt.Felt.liste(efter)
            let aar = try self.aar ?? Kommandour.ur().aar
            let dato = try ledigePr.map { try Datoer.kontroller($0, felt: "ledige-pr") }
            let poster = try await database.medLager { try await $0.kapacitetsposter(aar: aar, region: region, ledigePr: dato) }
            let paragraf = self.paragraf.map { $0.replacingOccurrences(of: "§", with: "").trimmingCharacters(in: .whitespaces) }
            udskriv(Kapacitetstabeller.pladsoversigt(Kapacitetsoversigt.opgoer(poster, efter: felter, paragraf: paragraf), efter: felter,
                                                     medLedige: dato != nil)
                .tekst(format.format))
        }
    }

    /// All five tables for `aar − 1` and `aar`.
    struct Ledelsesinformation: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "ledelsesinformation", abstract: "Alle fem tabeller for året og året før.")
        @Option(help: "Regnskabsåret") var aar: Int
        @Option(help: "Kun driftsherrer i denne region") var region: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            let tabeller = try await database.medLager { try await Ledelsesinformationstabeller.alle($0, aar: aar, region: region) }
            switch format.format {
            case .json:
                udskriv(JSONVaerdi.objekt(tabeller.map { ($0.noegle, $0.tabel.json) }).tekst + "\n")
            case .table, .csv:
                udskriv(tabeller.map { "\($0.overskrift)\n" + $0.tabel.tekst(format.format) }.joined(separator: format.format == .csv ? "\r\n" : "\n"))
            }
        }
    }

    struct TakstaftaleK: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "takstaftale", abstract: "Overholder hver driftsherre takstaftalen? (DOMAIN.md 6.4)")
        @OptionGroup var p: Periode
        @Option(help: "Krævet reduktion i procent over perioden") var minimumReduktion: String = "2"
        @Option(help: "Sidste periodes krav i procent") var tidligereKrav: String = "3"
        @Option(parsing: .upToNextOption, help: "Sidste periodes reduktion pr. driftsherre: \"Viborg Kommune=6\" (procent)")
        var tidligereReduktion: [String] = []
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            var felter = Talfelter()
            let parametre = Takstaftale.Parametre(minimumReduktion: felter.læs(minimumReduktion, "minimum-reduktion") / 100,
                                                  tidligereKrav: felter.læs(tidligereKrav, "tidligere-krav") / 100)
            var r: [String: Decimal] = [:]
            for (i, s) in tidligereReduktion.enumerated() {
                let dele = s.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard dele.count == 2 else {
                    throw Valideringsfejl(felt: "tidligere-reduktion[\(i + 1)]", besked: "skriv DRIFTSHERRE=PROCENT (fik '\(s)')")
                }
                r[dele[0]] = felter.læs(dele[1], "tidligere-reduktion[\(i + 1)]") / 100
            }
            try felter.medAndreFejl { () }
            let t = try await database.medLager { l in
                Ledelsesinformationstabeller.takstaftale(try await l.takstaftaleTabel(fra: p.fra, til: p.til, region: p.region,
                                                                                      tidligereReduktion: r, parametre: parametre))
            }
            udskriv(t.tekst(format.format))
        }
    }

    struct Niveauudvikling: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "takstudvikling-niveauer",
            abstract: "Nordjyllands metode: sammenlignelige takstniveauer, gennemsnit pr. driftsherre og følsomhed (DOMAIN.md 6.5).")
        @OptionGroup var p: Periode
        @Option(parsing: .upToNextOption, help: "Følsomhedsrækker uden disse driftsherrer") var uden: [String] = []
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            let pr = try await database.medLager { try await $0.niveauTakstudvikling(fra: p.fra, til: p.til, region: p.region) }
            let par = pr.map { (driftsherre: $0.driftsherre, pct: $0.udviklingPct) }
            var gennemsnit: [(String, Decimal)] = []
            if !par.isEmpty {
                gennemsnit.append(("Gennemsnit", try NiveauTakstudvikling.gennemsnit(par)))
                for u in uden {
                    guard par.contains(where: { $0.driftsherre == u }) else {
                        throw Valideringsfejl(felt: "uden", besked: "'\(u)' har ingen sammenlignelige takstniveauer i perioden")
                    }
                    gennemsnit.append(("Gennemsnit uden \(u)", try NiveauTakstudvikling.gennemsnit(par, uden: [u])))
                }
            }
            udskriv(Ledelsesinformationstabeller.niveauudvikling(pr, gennemsnit: gennemsnit).tekst(format.format))
        }
    }

    struct Kommentar: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "kommentar", abstract: "En driftsherres kommentar (eller sekretariatets note) til en række før offentliggørelse.")
        @Option(help: "Regnskabsåret") var aar: Int
        @Option(help: "takstudvikling, over_underskud, tillaegsydelser eller pladser") var tabel: String
        @Option(help: "Driftsherren, rækken gælder") var driftsherre: String
        @Option(help: "Teksten") var tekst: String
        @Flag(help: "Sekretariatets note (fx \"Note 1 vedr. 2016\") i stedet for en kommentar") var note = false
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            try await database.medLager {
                try await $0.tilfoejKommentar(aar: aar, tabel: tabel, driftsherre: driftsherre, art: note ? "note" : "kommentar",
                                              tekst: tekst, af: CLIBruger.navn)
            }
            udskriv("\(note ? "Note" : "Kommentar") gemt til \(driftsherre) i \(tabel) \(aar).\n")
        }
    }

    /// Ends the comment round: the year's ledelsesinformation is published; later comments are refused.
    struct Offentliggoer: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "offentliggoer", abstract: "Offentliggør et års ledelsesinformation (afslutter kommentarrunden).")
        @Option(help: "Regnskabsåret") var aar: Int
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            let dato = try Kommandour.ur().idag
            try await database.medLager { try await $0.offentliggoerLedelsesinformation(aar: aar, dato: dato, af: CLIBruger.navn) }
            udskriv("Ledelsesinformationen for \(aar) er offentliggjort \(dato); kommentarrunden er slut.\n")
        }
    }
}

/// `takstfil regnskab godkend|afvis`: the secretariat's decision on a reported regnskab.
struct RegnskabKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "regnskab", abstract: "Behandl indberettede regnskaber.",
                                                    subcommands: [Status_.self])
    struct Status_: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Sæt et regnskabs status (indsendt, godkendt, afvist).")
        @Option(help: "Tilbuddets navn") var tilbud: String
        @Option(help: "Driftsherre (når navnet findes hos flere)") var driftsherre: String?
        @Option(help: "År") var aar: Int
        @Option(help: "indsendt, godkendt eller afvist") var til: String
        @Option(help: "Begrundelse") var begrundelse: String?
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            guard let ny = Status(rawValue: til), [.indsendt, .godkendt, .afvist].contains(ny) else {
                throw Valideringsfejl(felt: "til", besked: "ukendt status '\(til)' (brug indsendt, godkendt eller afvist)")
            }
            try await database.medLager { l in
                let t = try await l.findTilbud(navn: tilbud, driftsherre: driftsherre)
                try await l.skiftRegnskabsstatus(tilbudID: t.id, aar: aar, til: ny, af: CLIBruger.navn, begrundelse: begrundelse)
            }
            udskriv("Regnskab \(aar) for \(tilbud): \(ny.tekst).\n")
        }
    }
}
