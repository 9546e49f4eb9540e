import ArgumentParser
import Filformater
import Foundation
import Lager
import Logging
import Takstregler
import Udskrift

/// `takstfil` — the command line. Every subcommand takes `--db PATH|URL`.
public struct Takstfil: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "takstfil",
        abstract: "Takstfil – takster, tilbud og ledelsesinformation for det specialiserede socialområde.",
        subcommands: [ServeKommando.self, DemoKommando.self, MigrerKommando.self, BeregnKommando.self,
                      TilbudKommando.self, TakstKommando.self, OffentliggoerKommando.self, ImportKommando.self,
                      RapportKommando.self, RegnskabKommando.self, ParameterKommando.self, EksportKommando.self,
                      FordelKommando.self, SocialtilsynKommando.self, ModelKommando.self, BefolkningKommando.self,
                      BenchKommando.self, BrugerKommando.self, HaendelserKommando.self, OptaellingKommando.self,
                      RobusthedKommando.self, AfdaekningKommando.self, UdmeldingKommando.self, MaalgruppeKommando.self, NoegletalKommando.self, KontraktKommando.self]
    )
    public init() {}

    /// Parses and runs a subcommand. Spelled out because overload resolution picks the
    /// synchronous `main` from top-level code, which refuses async subcommands.
    public static func koer(_ argumenter: [String]? = nil) async {
        // TAKSTFIL_LOG_FORMAT=json: one JSON object per log line, for log collectors (issue "Sikkerhed" 4).
        if ProcessInfo.processInfo.environment["TAKSTFIL_LOG_FORMAT"]?.lowercased() == "json" {
            LoggingSystem.bootstrap { JSONLoghandler(etiket: $0) }
        }
        do {
            var kommando = try await asyncParseAsRoot(argumenter)
            if var asynkron = kommando as? any AsyncParsableCommand {
                try await asynkron.run()
            } else {
                try kommando.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// `--db PATH|URL`; without it `TAKSTFIL_DB`, then `DATABASE_URL`, then `./takstfil.sqlite`.
struct DatabaseValg: ParsableArguments {
    @Option(name: .long, help: "SQLite-fil eller postgres://-adresse (ellers TAKSTFIL_DB, DATABASE_URL, ./takstfil.sqlite)")
    var db: String?

    var valg: Databasevalg { Databasevalg(db) }

    /// Opens the database, runs pending migrations, hands over a `Lager`, and closes it again.
    func medLager<T>(_ blok: (Lager) async throws -> T) async throws -> T {
        let forbindelse = try Lagerforbindelse(valg)
        do {
            try await forbindelse.migrer()
            let svar = try await blok(forbindelse.lager)
            await forbindelse.luk()
            return svar
        } catch {
            await forbindelse.luk()
            throw error
        }
    }
}

struct FormatValg: ParsableArguments {
    @Option(name: .long, help: "table, csv (dansk Excel: ; og decimalkomma) eller json")
    var format: Udformat = .table
}

/// Who the CLI writes as in the audit log.
enum CLIBruger {
    static var navn: String { "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "ukendt")" }
}

/// `--som ROLLE [--organisation NAVN]`: whom a command acts as. Without it the command line is the
/// operator's tool (as imports are): it may report for any driftsherre and review as the secretariat.
/// With it, the same table as the web's (`Adgang`) decides, ownership included, with the same Danish
/// refusal. The workflow (`Status`) binds every role alike; storage enforces it.
struct SomValg: ParsableArguments {
    @Option(name: .long, help: "Handl som en rolle: driftsherre, sekretariat, socialtilsyn eller admin (ellers som operatør)")
    var som: String?
    @Option(name: .long, help: "Organisationen, rollen handler for (driftsherre, socialtilsyn)")
    var organisation: String?

    /// Refuses the handling for the chosen role (and, for a driftsherre, a tilbud it does not own).
    func kraev(_ handling: Handling, tilbud: TilbudMedEjer? = nil) throws {
        guard let som else { return }
        let rolle = try Kontoregler.rolle(som)
        if rolle.kraeverOrganisation, (organisation ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw Valideringsfejl(felt: "organisation", besked: "rollen \(rolle.rawValue) handler for en organisation — angiv --organisation")
        }
        guard Adgang.maa(rolle, handling) else { throw Valideringsfejl(felt: "som", besked: Adgang.afvisning(rolle, handling)) }
        if let t = tilbud, Adgang.kunEgne(rolle, handling),
           !Adgang.ejer(organisation: organisation, tilbuddetsDriftsherre: t.tilbud.driftsherre,
                        driftsherrensOverordnede: t.driftsherrensOverordnede) {
            throw Valideringsfejl(felt: "organisation", besked: "\(organisation ?? "") ejer ikke '\(t.tilbud.navn)' (driftsherre: \(t.tilbud.driftsherre))")
        }
    }

    /// The name in the audit log: the operator, and the role it acted as.
    var revisionsnavn: String {
        guard let som else { return CLIBruger.navn }
        return CLIBruger.navn + " som \(som)" + (organisation.map { " (\($0))" } ?? "")
    }
}

/// The command line's clock: the system's, or the day in `TAKSTFIL_IDAG` (refused when malformed).
enum Kommandour {
    static func ur() throws -> Ur { try Ur.fraMiljoe(ProcessInfo.processInfo.environment) }
}

/// Subcommands implement `udfoer`; refusals become one Danish line on stderr and exit code 1.
protocol TakstfilKommando: AsyncParsableCommand {
    func udfoer() async throws
}

extension TakstfilKommando {
    public func run() async throws {
        do {
            try await udfoer()
        } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data(("Fejl: " + Fejltekst.tekst(error) + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

/// Writes to standard output. A reader that stops early (`takstfil … | head`) ends the command as
/// a closed pipe ends other tools, exit status 141, without a word: Foundation's `FileHandle.write`
/// crashed with a backtrace there once PostgreSQL's sockets had made the process ignore SIGPIPE.
/// Any other failure to write (a full disk) is an error, not silence.
func udskriv(_ tekst: String) { udskriv(Data(tekst.utf8)) }

func udskriv(_ data: Data) {
    var skrevet = 0
    while skrevet < data.count {
        let n = data.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + skrevet, $0.count - skrevet) }
        if n > 0 { skrevet += n; continue }
        let fejl = errno
        if n < 0 && fejl == EINTR { continue }
        if n < 0 && fejl == EPIPE { exit(141) }
        FileHandle.standardError.write(Data("Fejl: kunne ikke skrive til standard-output: \(String(cString: strerror(fejl)))\n".utf8))
        exit(1)
    }
}

/// Number options as the user typed them: every unreadable one is collected, then the domain's
/// own checks run too, so one run reports every problem (each naming its option).
struct Talfelter {
    private(set) var fejl: [Valideringsfejl] = []

    mutating func læs(_ raa: String, _ felt: String) -> Decimal {
        do { return try Kontrol.tal(raa, felt: felt) } catch let f as Valideringsfejl { fejl.append(f) } catch {}
        return 1 // a neutral stand-in so the remaining fields are still checked
    }

    func medAndreFejl<T>(_ beregning: () throws -> T) throws -> T {
        var alle = fejl
        do {
            let svar = try beregning()
            if alle.isEmpty { return svar }
        } catch let f as Valideringsfejl {
            alle.append(f)
        } catch let l as Valideringsfejlliste {
            alle += l.fejl
        }
        let felterMedTalfejl = Set(fejl.map(\.felt))
        alle = fejl + alle.dropFirst(fejl.count).filter { !felterMedTalfejl.contains($0.felt) }
        throw alle.count == 1 ? alle[0] as any Error : Valideringsfejlliste(alle)
    }
}
