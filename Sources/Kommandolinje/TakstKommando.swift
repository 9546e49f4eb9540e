import Filformater
import ArgumentParser
import Foundation
import Lager
import Takstregler
import Udskrift

/// Writing takstniveauer from the command line: draft, status changes, publication.
struct TakstKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "takst", abstract: "Indberet og behandl takster.",
                                                    subcommands: [Indberet.self, StatusKommando.self])

    struct Indberet: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "indberet", abstract: "Gem et takstniveau som kladde; taksten beregnes og vises.")
        @Option(help: "Tilbuddets navn") var tilbud: String
        @Option(help: "Driftsherre (når navnet findes hos flere)") var driftsherre: String?
        @Option(help: "Takstniveauets navn") var niveau: String = "Takst 1"
        @Option(help: "År") var aar: Int
        @Option(help: "Omkostninger i kr.") var omkostninger: String
        @Option(help: "Andre indtægter i kr.") var andreIndtaegter: String = "0"
        @Option(help: "Overhead i procent af de direkte omkostninger") var overheadProcent: String = "0"
        @Option(help: "Antal pladser") var pladser: String
        @Option(help: "Belægningsprocent, over 0 og højst 100") var belaegningsprocent: String
        @Option(help: "Takstenhed: doegn, dag, maaned, aar, time") var enhed: String = "doegn"
        @Option(help: "Enheder pr. plads pr. år (døgn: 365)") var dage: String?
        @Option(help: "Afrunding: hele_kroner eller oere") var afrunding: String = "hele_kroner"
        @Flag(help: "Medtag det godkendte over-/underskud fra år − 2 (efterregulering, DOMAIN.md 6.2)") var efterregulering = false
        @Option(help: "Del af et overskud, der hensættes i stedet for at indgå (kr.)") var hensaettelse: String = "0"
        @Option(help: "Andel af resultatet, der indgår (0–1)") var andel: String = "1"
        @Option(help: "Den revision, du sidst så (fra forrige indberetning); gemmes kun, hvis ingen andre har ændret siden")
        var revision: Int?
        @Option(help: "Begrundelse (kræves ved indsendelse, når taksten ændres mere end grænsen fra sidste år)") var begrundelse: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        @OptionGroup var som: SomValg

        func udfoer() async throws {
            var felter = Talfelter()
            let valg = Efterregulering.Valg(hensaettelse: felter.læs(hensaettelse, "hensaettelse"), andel: felter.læs(andel, "andel"))
            let læs = { (raa: String, felt: String) in felter.læs(raa, felt) }
            guard let enhed = Takstenhed(rawValue: enhed) else {
                throw Valideringsfejl(felt: "enhed", besked: "ukendt takstenhed '\(enhed)' (brug doegn, dag, maaned, aar eller time)")
            }
            guard let afrunding = Afrunding(rawValue: afrunding) else {
                throw Valideringsfejl(felt: "afrunding", besked: "ukendt afrunding '\(afrunding)' (brug hele_kroner eller oere)")
            }
            let overhead = læs(overheadProcent, "overhead-procent")
            let grundlag = Takstgrundlag(
                omkostninger: [Omkostningslinje(.oevrige, læs(omkostninger, "omkostninger"), tekst: "Omkostninger")],
                andreIndtaegter: [Indtaegtslinje(tekst: "Andre indtægter", beloeb: læs(andreIndtaegter, "andre-indtaegter"))],
                overhead: overhead == 0 ? .ingen : .procentAfDirekte(overhead),
                pladser: læs(pladser, "pladser"), enhed: enhed, enhederPrAar: dage.map { læs($0, "dage") },
                belaegningsprocent: læs(belaegningsprocent, "belaegningsprocent"), afrunding: afrunding)
            var niveau = Takstniveau(navn: self.niveau, aar: aar, grundlag: grundlag)
            var resultat = try felter.medAndreFejl { try niveau.beregn() }
            let gemt = try await database.medLager { l in
                let t = try await l.findTilbud(navn: tilbud, driftsherre: driftsherre)
                try som.kraev(.indberetTakst, tilbud: t)
                if efterregulering {
                    guard let r = try await l.efterregulering(tilbudID: t.id, takstaar: aar, valg: valg) else {
                        throw Valideringsfejl(felt: "efterregulering", besked: "'\(tilbud)' har intet godkendt regnskab med et resultat for \(Efterregulering.regnskabsaar(forTakstaar: aar))")
                    }
                    niveau.grundlag.reguleringer.append(r)
                    resultat = try niveau.beregn()
                }
                return try await l.gemTakstniveau(tilbudID: t.id, niveau: niveau, af: som.revisionsnavn,
                                                  begrundelse: begrundelse, forventetRevision: revision)
            }
            udskriv(Noegletal.tekst([
                ("tilbud", .tekst(tilbud)), ("takstniveau", .tekst(gemt.navn)), ("aar", .heltal(gemt.aar)),
                ("version", .heltal(gemt.version)), ("revision", .heltal(gemt.revision)), ("status", .tekst(gemt.status.rawValue)),
                ("takst", .tal(resultat.takst, decimaler: afrunding.decimaler)), ("enhed", .tekst(enhed.rawValue)),
            ], linjer: resultat.linjer, format: format.format))
        }
    }

    struct StatusKommando: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Indsend, afvis eller godkend et takstniveau.")
        @Option(help: "Tilbuddets navn") var tilbud: String
        @Option(help: "Driftsherre (når navnet findes hos flere)") var driftsherre: String?
        @Option(help: "Takstniveauets navn") var niveau: String = "Takst 1"
        @Option(help: "År") var aar: Int
        @Option(help: "Ny status: indsendt, afvist eller godkendt") var til: String
        @Option(help: "Kommentar (skal med ved afvisning)") var begrundelse: String?
        @Option(help: "Beslutningens organ, fx FU") var organ: String?
        @Option(help: "Mødedato") var dato: String?
        @Option(help: "Dagsordenspunkt") var punkt: String?
        @Option(help: "Delegation eller skriftlig høring, fx \"DAS gav FU kompetence til at behandle taksterne\"") var delegation: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var som: SomValg

        func udfoer() async throws {
            guard let ny = Status(rawValue: til), [.indsendt, .afvist, .godkendt, .kladde].contains(ny) else {
                throw Valideringsfejl(felt: "til", besked: "ukendt status '\(til)' (brug indsendt, afvist eller godkendt; offentliggørelse sker med 'takstfil offentliggoer')")
            }
            let beslutning = organ.map { Beslutning(organ: $0, dato: dato ?? "", punkt: punkt ?? "", tekst: begrundelse ?? "",
                                                    delegation: delegation) }
            let m = try await database.medLager { l in
                let t = try await l.findTilbud(navn: tilbud, driftsherre: driftsherre)
                try som.kraev(ny == .indsendt ? .indsendTakst : ny == .afvist ? .afvis : ny == .kladde ? .indberetTakst : .godkend, tilbud: t)
                guard let n = try await l.versioner(tilbudID: t.id).first(where: { $0.navn == niveau && $0.aar == aar }) else {
                    throw Valideringsfejl(felt: "niveau", besked: "'\(tilbud)' har intet takstniveau '\(niveau)' for \(aar)")
                }
                return try await l.skiftStatus(niveauID: n.id, til: ny, af: som.revisionsnavn,
                                               begrundelse: begrundelse, beslutning: beslutning)
            }
            udskriv("\(tilbud) – \(m.navn) \(m.aar): \(m.status.tekst).\n")
        }
    }
}

struct OffentliggoerKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(commandName: "offentliggoer", abstract: "Offentliggør et års godkendte takster.")
    @Option(help: "År") var aar: Int
    @OptionGroup var database: DatabaseValg

    func udfoer() async throws {
        let antal = try await database.medLager { try await $0.offentliggoer(aar: aar, af: CLIBruger.navn) }
        udskriv("\(antal) takstniveauer for \(aar) er offentliggjort.\n")
    }
}

struct HaendelserKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(commandName: "haendelser", abstract: "Revisionsloggen: hvem, hvornår, hvad.")
    @Option(help: "Højst så mange, nyeste først") var antal = 50
    @OptionGroup var database: DatabaseValg
    @OptionGroup var format: FormatValg

    func udfoer() async throws {
        let h = try await database.medLager { try await $0.haendelser(Haendelsesfilter(graense: antal)).haendelser }
        let iso = ISO8601DateFormatter()
        let t = Tabel(kolonner: ["tidspunkt", "bruger", "handling", "entitet", "begrundelse", "foer", "efter"], raekker: h.map {
            [.tekst(iso.string(from: $0.tidspunkt)), .tekst($0.bruger), .tekst($0.handling), .tekst($0.entitet),
             .tekst($0.begrundelse ?? ""), .tekst($0.foer ?? ""), .tekst($0.efter ?? "")]
        })
        udskriv(t.tekst(format.format))
    }
}
