import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler
import Udskrift

/// `takstfil kontrakt reguler|opsigelse|aflastning`: the standard contract's sums (DOMAIN.md 6.12).
struct KontraktKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontrakt", abstract: "Standardkontrakter: P/L-regulering pr. 1. januar, opsigelse og betaling, aflastning.",
        subcommands: [Reguler.self, OpsigelseK.self, AflastningK.self])

    struct Reguler: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "reguler",
            abstract: "En aftalt pris reguleret med P/L-satserne fra et år til et senere, år for år til øre (kommunal: KL's generelle skøn; regional: Danske Regioner).")
        @Option(help: "Prisen i kroner (fx 1000 eller 1.000,00)") var pris: String
        @Option(name: .customLong("fra-aar"), help: "Året prisen er i") var fraAar: Int
        @Option(name: .customLong("til-aar"), help: "Året prisen skal reguleres til") var tilAar: Int
        @Option(help: "kommunal eller regional") var leverandoer: String
        @OptionGroup var format: FormatValg
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            var tal = Talfelter()
            let p = tal.læs(pris, "pris")
            let type = Leverandoertype(rawValue: leverandoer.lowercased())
            let satser = try await database.medLager { try await $0.plSatser() }
            let r = try tal.medAndreFejl {
                guard let type else { throw Valideringsfejl(felt: "leverandoer", besked: "skriv 'kommunal' eller 'regional' (fik '\(leverandoer)')") }
                return try PLRegulering.reguler(pris: p, fraAar: fraAar, tilAar: tilAar, leverandoer: type, satser: satser)
            }
            switch format.format {
            case .json: udskriv(Kontrakttabeller.reguleringJSON(r).tekst + "\n")
            case .csv: udskriv(Kontrakttabeller.regulering(r).tekst(.csv))
            case .table:
                udskriv("\(DanskTal.formater(r.pris)) kr. (\(r.fraAar)) reguleret til \(r.tilAar) (\(r.leverandoer.tekst.lowercased()) leverandør): "
                        + "\(DanskTal.formater(r.reguleretPris)) kr.\n\n" + Kontrakttabeller.regulering(r).tekst(.table))
            }
        }
    }

    struct OpsigelseK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "opsigelse", abstract: "Sidste dag i opsigelsesperioden og hvor længe køber betaler, efter kontraktens betalingsmulighed.")
        @Option(help: "Datoen for opsigelsen (åååå-mm-dd)") var opsagt: String
        @Option(help: "Varslet, fx \"løbende måned + 30 dage\" (standard), \"3 måneder\" eller \"90 dage\"") var varsel: String?
        @Option(help: "bortfalder | fortsaetter-N-dage | hele-perioden | \"andet: tekst\" (eller kontraktens ord)") var betaling: String?
        @Option(name: .customLong("ny-borger"), help: "Datoen pladsen blev genbesat (åååå-mm-dd)") var nyBorger: String?
        @OptionGroup var format: FormatValg
        func udfoer() async throws {
            var fejl: [Valideringsfejl] = []
            func saml<T>(_ f: () throws -> T) -> T? {
                do { return try f() } catch let v as Valideringsfejl { fejl.append(v) } catch {}
                return nil
            }
            let regel = varsel.map { v in saml { try Varselsregel(tekst: v) } } ?? .standard
            let mulighed = betaling.flatMap { b in saml { try Betalingsmulighed(tekst: b) } }
            if !fejl.isEmpty { throw fejl.count == 1 ? fejl[0] as any Error : Valideringsfejlliste(fejl) }
            let r = try Opsigelse.beregn(opsagt: opsagt, varsel: regel ?? .standard, betaling: mulighed, nyBorger: nyBorger)
            switch format.format {
            case .json: udskriv(Kontrakttabeller.opsigelseJSON(r).tekst + "\n")
            case .table, .csv: udskriv(Kontrakttabeller.opsigelse(r).tekst(format.format))
            }
        }
    }

    struct AflastningK: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "aflastning", abstract: "Aflastning afregnet efter bevilgede eller anvendte døgn (regionens regel), evt. en procentdel af taksten.")
        @Option(help: "Døgntaksten i kroner") var takst: String
        @Option(help: "Bevilgede døgn") var bevilgede: String
        @Option(help: "Anvendte døgn") var brugte: String
        @Option(help: "bevilgede eller brugte (ellers regionens regel)") var grundlag: String?
        @Option(help: "Regionen hvis regel gælder (fx Nordjylland: bevilgede døgn)") var region: String?
        @Option(help: "Procent af den fulde takst ved delvis brug") var procent: String?
        @Option(help: "Året for regionens regel (standard: i år)") var aar: Int?
        @OptionGroup var format: FormatValg
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            var tal = Talfelter()
            let t = tal.læs(takst, "takst"), b = tal.læs(bevilgede, "bevilgede"), u = tal.læs(brugte, "brugte")
            let p = procent.map { tal.læs($0, "procent") }
            let g: Aflastningsgrundlag
            if let grundlag { g = try Aflastningsgrundlag(tekst: grundlag) }
            else if let region {
                let aaret = try aar ?? Kommandour.ur().aar
                guard let fundet = try await database.medLager({ try await $0.aflastningsgrundlag(region: region, aar: aaret) }) else {
                    throw Valideringsfejl(felt: "grundlag", besked: "\(region) har ingen regel for aflastning \(aaret); angiv --grundlag bevilgede eller brugte")
                }
                g = fundet
            } else { throw Valideringsfejl(felt: "grundlag", besked: "angiv --grundlag bevilgede|brugte eller --region NAVN") }
            let a = try tal.medAndreFejl { try Aflastning.afregn(doegntakst: t, bevilgede: b, brugte: u, grundlag: g, procent: p) }
            udskriv(Kontrakttabeller.aflastning(a).tekst(format.format))
        }
    }
}

extension ImportKommando {
    /// `takstfil import pl-satser FIL`: the published P/L rates (kilde;art;aar_fra;aar_til;procent;reference).
    struct PLSatserImport: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "pl-satser", abstract: "kilde;art;aar_fra;aar_til;procent;reference — KL's og Danske Regioners P/L-skøn")
        @Argument(help: "CSV-filen") var fil: String
        @OptionGroup var database: DatabaseValg
        func udfoer() async throws {
            let (tekst, tegnsaet) = try Fil.laes(fil)
            let satser = try PLSatsfil.laes(fil: fil, tekst: tekst)
            let t = try await database.medLager { try await $0.gemPLSatser(satser, kilde: "Import \(fil)", af: CLIBruger.navn) }
            udskriv("\(fil): \(satser.count) P/L-satser: \(t.nye) nye, \(t.aendrede) ændrede, \(t.uaendrede) uændrede.\n\(tegnsaet.kvittering)\n")
        }
    }
}
