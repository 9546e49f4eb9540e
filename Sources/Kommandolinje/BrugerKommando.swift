import ArgumentParser
import Filformater
import Foundation
import Lager
import Takstregler
import Udskrift
import Web
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `takstfil bruger …`: accounts from the command line (the first administrator, scripts).
/// Passwords are never arguments: they are read from a prompt (no echo) or from stdin.
struct BrugerKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bruger", abstract: "Brugere: opret, vis, API-nøgler.",
                                                    subcommands: [Opret.self, Liste.self, APINoegle.self])

    struct Opret: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "opret",
            abstract: "Opret en bruger. Kodeordet læses fra en prompt eller fra stdin (første linje).")
        @Option(help: "E-mailadresse (brugernavnet)") var email: String
        @Option(help: "admin, sekretariat, driftsherre eller socialtilsyn") var rolle: String
        @Option(help: "Organisationen (kræves for driftsherre og socialtilsyn), fx \"Jammerbugt Kommune\"") var organisation: String?
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            let email = try Kontoregler.email(self.email)
            let rolle = try Kontoregler.rolle(self.rolle)
            if rolle.kraeverOrganisation && (organisation ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw Valideringsfejl(felt: "organisation", besked: "en \(rolle.tekst.lowercased())-konto skal høre til en organisation (--organisation NAVN)")
            }
            let kodeord = try Kodeordslaesning.laes(bekraeft: true)
            try Kontoregler.kodeord(kodeord)
            let hash = try Kodeord.hash(kodeord)
            _ = try await database.medLager {
                try await $0.opretBruger(email: email, rolle: rolle, organisation: organisation, kodeordHash: hash, af: CLIBruger.navn)
            }
            udskriv("Bruger oprettet: \(email) (\(rolle.rawValue)\(organisation.map { ", \($0)" } ?? "")).\n")
        }
    }

    struct Liste: TakstfilKommando {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Vis brugerne.")
        @OptionGroup var database: DatabaseValg
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            let b = try await database.medLager { try await $0.brugere() }
            udskriv(Tabel(kolonner: ["email", "rolle", "organisation", "aktiv"], raekker: b.map {
                [.tekst($0.email), .tekst($0.rolle.rawValue), .tekst($0.organisation ?? ""), .sandhed($0.aktiv)]
            }).tekst(format.format))
        }
    }

    struct APINoegle: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "api-noegle", abstract: "Opret en API-nøgle til en bruger; nøglen vises kun denne ene gang.")
        @Option(help: "Brugerens e-mail") var email: String
        @Option(help: "Hvad nøglen bruges til") var navn: String
        @OptionGroup var database: DatabaseValg

        func udfoer() async throws {
            let noegle = Kodeord.nyAPINoegle()
            try await database.medLager { l in
                guard let b = try await l.brugerTilLogin(email: email) else {
                    throw Valideringsfejl(felt: "email", besked: "ukendt bruger '\(email)'")
                }
                try await l.opretAPINoegle(brugerID: b.konto.id, navn: navn, noegleHash: Kodeord.sha256(noegle), af: CLIBruger.navn)
            }
            udskriv("\(noegle)\n")
        }
    }
}

/// A password from the terminal (twice, without echo) or the first line of stdin (scripts).
enum Kodeordslaesning {
    static func laes(bekraeft: Bool) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let a = try prompt("Kodeord: ")
            if bekraeft {
                let b = try prompt("Gentag kodeord: ")
                guard a == b else { throw Valideringsfejl(felt: "kodeord", besked: "de to kodeord er ikke ens") }
            }
            return a
        }
        guard let linje = readLine(strippingNewline: true), !linje.isEmpty else {
            throw Valideringsfejl(felt: "kodeord", besked: "intet kodeord på stdin (skriv det på første linje, fx: printf '%s\\n' \"$KODEORD\" | takstfil bruger opret …)")
        }
        return linje.hasSuffix("\r") ? String(linje.dropLast()) : linje
    }

    private static func prompt(_ tekst: String) throws -> String {
        FileHandle.standardError.write(Data(tekst.utf8))
        var gammel = termios()
        tcgetattr(STDIN_FILENO, &gammel)
        var ny = gammel
        ny.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &ny)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &gammel)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
