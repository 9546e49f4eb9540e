import ArgumentParser
import Demo
import Lager
import Takstregler
import Vapor
import Web

struct ServeKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start webapplikationen.")
    @ArgumentParser.Flag(help: "Indlæs demodata først, hvis databasen er tom") var demo = false
    @ArgumentParser.Option(help: "Port") var port = 8080
    @ArgumentParser.Option(help: "Adresse at lytte på") var hostname = "127.0.0.1"
    @ArgumentParser.Flag(help: "Sæt Secure på sessionscookien (når sitet serveres over https; også TAKSTFIL_SIKRE_COOKIES=1)")
    var sikreCookies = false
    @OptionGroup var database: DatabaseValg

    func udfoer() async throws {
        let env = Environment(name: "production", arguments: ["takstfil", "serve", "--hostname", hostname, "--port", "\(port)"])
        let app = try await Application.make(env)
        do {
            var indstillinger = try Webindstillinger.fraMiljoe()
            if sikreCookies { indstillinger.sikreCookies = true }
            try await configure(app, database: database.valg, indstillinger: indstillinger)
            // Web knows nothing of the demo; the command wires it in, on the app's own clock.
            if demo {
                let aar = indstillinger.ur.aar, omkostning = indstillinger.bcryptOmkostning
                let antal = try await Demodata.indlaesHvisTom(Lager(app.db), af: CLIBruger.navn, aar: aar)
                app.logger.notice("\(antal == 0 ? "Databasen har allerede data; demodata ikke indlæst" : "Demodata indlæst: \(antal) tilbud")")
                for linje in try await Webdemo.indlaes(Lager(app.db), af: CLIBruger.navn, aar: aar,
                                                       kodeordshash: { try Kodeord.hash($0, omkostning: omkostning) }) {
                    app.logger.notice("Demo: \(linje)")
                }
            }
            app.logger.notice("Takstfil på http://\(hostname):\(port) – database: \(database.valg)")
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

struct MigrerKommando: TakstfilKommando {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Opret eller opdatér databasens tabeller.")
    @OptionGroup var database: DatabaseValg

    func udfoer() async throws {
        try await database.medLager { _ in }
        udskriv("Databasen er opdateret: \(database.valg).\n")
    }
}
