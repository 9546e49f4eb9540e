import Filformater
import ArgumentParser
import Foundation
import Lager
import Takstregler
import Udskrift

/// Writing takstniveauer from the command line: draft, status changes, publication.
struct TakstKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "takst", abstract: "Indberet og behandl takster.",
                                                    subcommands: [Indberet.self, StatusKommando.self, Vis.self, Udvikling.self])

    struct Indberet: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "indberet", abstract: "Gem et takstniveau som kladde; taksten beregnes og vises.")
        @OptionGroup var valg: NiveauValg
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
        @Option(help: "Første dag taksten gælder, åååå-mm-dd i året (standard: 1. januar); en ny dato er en ny periode") var gyldigFra: String?
        @Option(help: "Gælder kun borgere indskrevet fra denne dato; de allerede indskrevne beholder den tidligere takst") var kunNyeFra: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg
        @OptionGroup var som: SomValg

        func udfoer() async throws {
            var felter = Talfelter()
            let reguleringsvalg = Efterregulering.Valg(hensaettelse: felter.læs(hensaettelse, "hensaettelse"), andel: felter.læs(andel, "andel"))
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
            var niveau = Takstniveau(navn: valg.niveau, aar: aar, grundlag: grundlag, gyldigFra: gyldigFra, kunForIndskrevetFra: kunNyeFra)
            var resultat = try felter.medAndreFejl { _ = try niveau.medKontrolleretPeriode(); return try niveau.beregn() }
            let gemt = try await database.medLager { l in
                let t = try await valg.find(l)
                try som.kraev(.indberetTakst, tilbud: t)
                if efterregulering {
                    guard let r = try await l.efterregulering(tilbudID: t.id, takstaar: aar, valg: reguleringsvalg) else {
                        throw Valideringsfejl(felt: "efterregulering", besked: "'\(valg.tilbud)' har intet godkendt regnskab med et resultat for \(Efterregulering.regnskabsaar(forTakstaar: aar))")
                    }
                    niveau.grundlag.reguleringer.append(r)
                    resultat = try niveau.beregn()
                }
                return try await l.gemTakstniveau(tilbudID: t.id, niveau: niveau, af: som.revisionsnavn,
                                                  begrundelse: begrundelse, forventetRevision: revision)
            }
            udskriv(Noegletal.tekst([
                ("tilbud", .tekst(valg.tilbud)), ("takstniveau", .tekst(gemt.navn)), ("aar", .heltal(gemt.aar)),
                ("version", .heltal(gemt.version)), ("revision", .heltal(gemt.revision)), ("status", .tekst(gemt.status.rawValue)),
                ("gyldig_fra", .tekst(gemt.niveau.periodestart)), ("kun_nye_fra", gemt.niveau.kunForIndskrevetFra.map { .tekst($0) } ?? .tom),
                ("takst", .tal(resultat.takst, decimaler: afrunding.decimaler)), ("enhed", .tekst(enhed.rawValue)),
            ], linjer: resultat.linjer, format: format.format))
        }
    }

    struct StatusKommando: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Indsend, afvis eller godkend et takstniveau.")
        @OptionGroup var valg: NiveauValg
        @Option(help: "År") var aar: Int
        @Option(help: "Ny status: indsendt, afvist eller godkendt") var til: String
        @Option(help: "Kommentar (skal med ved afvisning)") var begrundelse: String?
        @Option(help: "Beslutningens organ, fx FU") var organ: String?
        @Option(help: "Mødedato") var dato: String?
        @Option(help: "Dagsordenspunkt") var punkt: String?
        @Option(help: "Delegation eller skriftlig høring, fx \"DAS gav FU kompetence til at behandle taksterne\"") var delegation: String?
        @Flag(help: "Godkend som midlertidig takst; den endelige indberettes senere med sin egen --gyldig-fra") var midlertidig = false
        @Option(help: "Perioden, når niveauet har flere i året (dens gyldig fra; standard: den senest indberettede)") var gyldigFra: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var som: SomValg

        func udfoer() async throws {
            guard let ny = Status(rawValue: til), [.indsendt, .afvist, .godkendt, .kladde].contains(ny) else {
                throw Valideringsfejl(felt: "til", besked: "ukendt status '\(til)' (brug indsendt, afvist eller godkendt; offentliggørelse sker med 'takstfil offentliggoer')")
            }
            let beslutning = organ.map { Beslutning(organ: $0, dato: dato ?? "", punkt: punkt ?? "", tekst: begrundelse ?? "",
                                                    delegation: delegation) }
            let m = try await database.medLager { l in
                let t = try await valg.find(l)
                try som.kraev(ny == .indsendt ? .indsendTakst : ny == .afvist ? .afvis : ny == .kladde ? .indberetTakst : .godkend, tilbud: t)
                let periode = try gyldigFra.map { try Datoer.kontroller($0, felt: "gyldig-fra") }
                guard let n = try await l.versioner(tilbudID: t.id).first(where: {
                    $0.navn == valg.niveau && $0.aar == aar && (periode == nil || $0.niveau.periodestart == periode)
                }) else {
                    throw Valideringsfejl(felt: "niveau", besked: "'\(valg.tilbud)' har intet takstniveau '\(valg.niveau)' for \(aar)" + (periode.map { " gyldigt fra \($0)" } ?? ""))
                }
                return try await l.skiftStatus(niveauID: n.id, til: ny, af: som.revisionsnavn,
                                               begrundelse: begrundelse, beslutning: beslutning, midlertidig: midlertidig)
            }
            udskriv("\(valg.tilbud) – \(m.navn) \(m.aar) fra \(m.niveau.periodestart): \(m.status.tekst)\(m.niveau.midlertidig ? " (midlertidig)" : "").\n")
        }
    }
}

extension TakstKommando {
    /// `takst vis`: the published takst of a level on a date, for a citizen enrolled on a date (DOMAIN.md 6.1).
    struct Vis: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "vis", abstract: "Den offentliggjorte takst, der gælder på en dato (for en borger indskrevet på en dato).")
        @OptionGroup var valg: NiveauValg
        @Option(help: "Datoen, åååå-mm-dd (standard: i dag)") var dato: String?
        @Option(help: "Borgerens indskrivningsdato, åååå-mm-dd (standard: en borger indskrevet på datoen)") var indskrevet: String?
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            let dag = try dato.map { try Datoer.kontroller($0, felt: "dato") } ?? Kommandour.ur().idag
            let borger = try indskrevet.map { try Datoer.kontroller($0, felt: "indskrevet") }
            let n = try await database.medLager { l in
                try await l.gaeldendeTakst(tilbudID: try await valg.find(l).id, niveau: valg.niveau,
                                           dato: dag, indskrevet: borger)
            }
            guard let n else {
                throw Valideringsfejl(felt: "dato", besked: "'\(valg.tilbud)' har ingen offentliggjort takst '\(valg.niveau)', der gælder \(dag)"
                                      + (borger.map { " for en borger indskrevet \($0)" } ?? ""))
            }
            udskriv(Noegletal.tekst(TakstKommando.periodefelter(tilbud: valg.tilbud, dato: dag, indskrevet: borger, n), linjer: [], format: format.format))
        }
    }

    /// `takst udvikling`: the change between the takster in force on two dates.
    struct Udvikling: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "udvikling", abstract: "Takstudviklingen mellem to datoer i procent.")
        @OptionGroup var valg: NiveauValg
        @Option(help: "Fra-dato, åååå-mm-dd") var fra: String
        @Option(help: "Til-dato, åååå-mm-dd") var til: String
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            let fraDag = try Datoer.kontroller(fra, felt: "fra"), tilDag = try Datoer.kontroller(til, felt: "til")
            let (a, b) = try await database.medLager { l in
                let id = try await valg.find(l).id
                return (try await l.gaeldendeTakst(tilbudID: id, niveau: valg.niveau, dato: fraDag),
                        try await l.gaeldendeTakst(tilbudID: id, niveau: valg.niveau, dato: tilDag))
            }
            guard let a else { throw Valideringsfejl(felt: "fra", besked: "'\(valg.tilbud)' har ingen offentliggjort takst '\(valg.niveau)', der gælder \(fraDag)") }
            guard let b else { throw Valideringsfejl(felt: "til", besked: "'\(valg.tilbud)' har ingen offentliggjort takst '\(valg.niveau)', der gælder \(tilDag)") }
            let pct = try Takstperioder.udviklingPct(fra: a.takst, til: b.takst)
            udskriv(Noegletal.tekst([
                ("tilbud", .tekst(valg.tilbud)), ("takstniveau", .tekst(valg.niveau)),
                ("fra", .tekst(fraDag)), ("takst_fra", .tal(a.takst, decimaler: a.niveau.grundlag.afrunding.decimaler)),
                ("til", .tekst(tilDag)), ("takst_til", .tal(b.takst, decimaler: b.niveau.grundlag.afrunding.decimaler)),
                ("udvikling_pct", .tal(pct, decimaler: 1)),
            ], linjer: [], format: format.format))
        }
    }

    /// The fields of one period as `takst vis` prints them.
    static func periodefelter(tilbud: String, dato: String, indskrevet: String?, _ n: GemtTakstniveau) -> [(String, Tabelcelle)] {
        [("tilbud", .tekst(tilbud)), ("takstniveau", .tekst(n.navn)), ("dato", .tekst(dato)),
         ("indskrevet", indskrevet.map { .tekst($0) } ?? .tom), ("aar", .heltal(n.aar)),
         ("takst", .tal(n.takst, decimaler: n.niveau.grundlag.afrunding.decimaler)), ("enhed", .tekst(n.niveau.grundlag.enhed.rawValue)),
         ("gyldig_fra", .tekst(n.niveau.periodestart)), ("kun_nye_fra", n.niveau.kunForIndskrevetFra.map { .tekst($0) } ?? .tom),
         ("midlertidig", .sandhed(n.niveau.midlertidig)), ("version", .heltal(n.version)), ("status", .tekst(n.status.rawValue))]
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

/// The level a takst command is about: tilbud (with its driftsherre when the name is not unique) and level name.
struct NiveauValg: ParsableArguments {
    @Option(help: "Tilbuddets navn") var tilbud: String
    @Option(help: "Driftsherre (når navnet findes hos flere)") var driftsherre: String?
    @Option(help: "Takstniveauets navn") var niveau: String = "Takst 1"

    func find(_ l: Lager) async throws -> TilbudMedEjer { try await l.findTilbud(navn: tilbud, driftsherre: driftsherre) }
}
