import Lager
import Plot
import Takstregler
import Vapor

/// A driftsherre reports the vacant places of its own tilbud at a date (DOMAIN.md 6.10: "pr. 26.
/// april 2023 4 ledige", 002:3982); "ukendt" is an answer. The pladsoversigt shows them per date.
struct LedigePladserController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("indberetning", "ledige").grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.get(use: side)
        r.post(use: gem)
    }

    func side(req: Request) async throws -> Response {
        let b = try req.kraev(.indberetRegnskab)
        return try await vis(req, b, felter: [:], fejl: [:])
    }

    func vis(_ req: Request, _ b: Brugerkonto, felter: [String: String], fejl: [String: String],
             status: HTTPResponseStatus = .ok) async throws -> Response {
        let lager = Lager(req.db)
        let tilbud = try await lager.egneTilbud(organisation: b.organisation ?? "")
        let seneste = try await lager.ledigePladser(paa: req.ur.idag)
        let dato = felter["dato"] ?? req.ur.idag
        let rf = ["dato"] + tilbud.map { "l_\($0.id.uuidString)" }
        return Side.html(Side.dokument(titel: "Ledige pladser", kontekst: req.sidekontekst, [
            .h1(.text("Ledige pladser – \(b.organisation ?? "")")),
            .p(.text("Skriv antallet af ledige pladser på datoen for hvert tilbud, eller 'ukendt'. Tomme felter gemmes ikke. Hver indberetning gemmes for sig; pladsoversigten viser den seneste på eller før den valgte dato.")),
            E.fejloversigt(fejl, raekkefoelge: rf),
            .if(tilbud.isEmpty, .p(.text("\(b.organisation ?? "Din organisation") har ingen tilbud i Takstfil."))),
            .if(!tilbud.isEmpty, E.postform("/indberetning/ledige", csrf: req.csrfToken, [("novalidate", "")], [
                E.felt("dato", "Pr. dato", vaerdi: dato, fejl: fejl, type: "date", kraevet: true),
            ] + tilbud.map { t in
                let f = "l_\(t.id.uuidString)"
                let senest = seneste[t.id].map { "Senest: \($0.ledighed.tekst) pr. \(Visning.dato($0.dato))" }
                return E.felt(f, "\(t.tilbud.navn)", vaerdi: felter[f] ?? "", fejl: fejl, hjaelp: senest, id: "f-\(f)")
            } + [E.knap("Gem ledige pladser")])),
        ]), status: status)
    }

    func gem(req: Request) async throws -> Response {
        let b = try req.kraev(.indberetRegnskab)
        let f = try req.formularfelter()
        let lager = Lager(req.db)
        // Only the user's own tilbud; a field for any other id is refused, not ignored.
        let egne = Set(try await lager.egneTilbud(organisation: b.organisation ?? "").map(\.id))
        var fejl: [String: String] = [:], ledige: [UUID: Ledighed] = [:]
        let dato = (f["dato"] ?? "").trimmingCharacters(in: .whitespaces)
        if !Datoer.erDato(dato) { fejl["dato"] = "Skriv datoen som åååå-mm-dd." }
        for (k, v) in f where k.hasPrefix("l_") && !v.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let id = UUID(uuidString: String(k.dropFirst(2))), egne.contains(id) else {
                throw Abort(.forbidden, reason: "Du kan kun indberette ledige pladser for \(b.organisation ?? "din organisation")s egne tilbud.")
            }
            do { ledige[id] = try Ledighed.fortolk(v) } catch let e as Valideringsfejl { fejl[k] = Visning.saetning(e.besked) }
        }
        if fejl.isEmpty && ledige.isEmpty { fejl["dato"] = "Skriv mindst ét antal (eller 'ukendt')." }
        guard fejl.isEmpty else { return try await vis(req, b, felter: f, fejl: fejl, status: .unprocessableEntity) }
        try await lager.indberetLedige(ledige, dato: dato, af: req.revisionsnavn)
        req.saetBesked("Ledige pladser pr. \(Visning.dato(dato)) er gemt for \(ledige.count) tilbud.")
        return req.redirect(to: "/indberetning/ledige")
    }
}
