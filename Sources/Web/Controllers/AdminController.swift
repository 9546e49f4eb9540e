import Fluent
import Lager
import Plot
import Takstregler
import Vapor

/// The administrator (DOMAIN.md 2): users, roles and organisations.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("admin").grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.get(use: side)
        r.post("brugere", use: opretBruger)
        r.post("brugere", ":id", "aktiv", use: saetAktiv)
        r.post("organisationer", use: opretOrganisation)
    }

    func side(req: Request) async throws -> Response {
        try req.kraev(.administrerBrugere)
        return try await vis(req, brugerfelter: [:], brugerfejl: [:], orgfelter: [:], orgfejl: [:])
    }

    func vis(_ req: Request, brugerfelter: [String: String], brugerfejl: [String: String], orgfelter: [String: String],
             orgfejl: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let lager = Lager(req.db)
        return Side.html(AdminSide(brugere: try await lager.brugere(), organisationer: try await lager.organisationer(),
                                   brugerfelter: brugerfelter, brugerfejl: brugerfejl, orgfelter: orgfelter, orgfejl: orgfejl,
                                   csrf: req.csrfToken, kontekst: req.sidekontekst).html, status: status)
    }

    func opretBruger(req: Request) async throws -> Response {
        try req.kraev(.administrerBrugere)
        var f = try req.formularfelter()
        var fejl: [String: String] = [:]
        func fang(_ blok: () throws -> Void) {
            do { try blok() } catch let v as Valideringsfejl { fejl[v.felt] = Visning.saetning(v.besked) } catch {}
        }
        var rolle: Rolle?
        fang { _ = try Kontoregler.email(f["email"] ?? "") }
        fang { rolle = try Kontoregler.rolle(f["rolle"] ?? "") }
        fang { try Kontoregler.kodeord(f["kodeord"] ?? "") }
        let organisation = (f["organisation"] ?? "").trimmingCharacters(in: .whitespaces)
        if let rolle, rolle.kraeverOrganisation, organisation.isEmpty {
            fejl["organisation"] = "En \(rolle.tekst.lowercased())-konto skal høre til en organisation."
        }
        let kodeord = f["kodeord"] ?? ""
        f["kodeord"] = nil
        guard fejl.isEmpty, let rolle else {
            return try await vis(req, brugerfelter: f, brugerfejl: fejl, orgfelter: [:], orgfejl: [:], status: .unprocessableEntity)
        }
        do {
            let hash = try await Kodeord.hash(kodeord, paa: req.application)
            try await Lager(req.db).opretBruger(email: f["email"] ?? "", rolle: rolle, organisation: organisation.isEmpty ? nil : organisation,
                                                kodeordHash: hash, af: req.revisionsnavn)
        } catch let l as Lagerfejl {
            return try await vis(req, brugerfelter: f, brugerfejl: ["email": l.description], orgfelter: [:], orgfejl: [:], status: .conflict)
        }
        req.saetBesked("Brugeren \(f["email"] ?? "") (\(rolle.tekst.lowercased())) er oprettet.")
        return req.redirect(to: "/admin")
    }

    func saetAktiv(req: Request) async throws -> Response {
        let b = try req.kraev(.administrerBrugere)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "Ukendt bruger.") }
        let aktiv = try req.formularfelter()["aktiv"] == "ja"
        if id == b.id && !aktiv { throw Abort(.conflict, reason: "Du kan ikke deaktivere din egen konto.") }
        try await Lager(req.db).saetBrugerAktiv(id: id, aktiv: aktiv, af: req.revisionsnavn)
        req.saetBesked(aktiv ? "Brugeren er aktiveret." : "Brugeren er deaktiveret og kan ikke længere logge ind.")
        return req.redirect(to: "/admin")
    }

    func opretOrganisation(req: Request) async throws -> Response {
        try req.kraev(.administrerOrganisationer)
        let f = try req.formularfelter()
        let navn = (f["org_navn"] ?? "").trimmingCharacters(in: .whitespaces)
        let art = Organisation.Art(rawValue: f["org_art"] ?? "")
        var fejl: [String: String] = [:]
        if navn.isEmpty { fejl["org_navn"] = "Giv organisationen et navn." }
        if art == nil { fejl["org_art"] = "Vælg hvilken slags organisation." }
        func tom(_ s: String?) -> String? { let t = (s ?? "").trimmingCharacters(in: .whitespaces); return t.isEmpty ? nil : t }
        guard fejl.isEmpty, let art else {
            return try await vis(req, brugerfelter: [:], brugerfejl: [:], orgfelter: f, orgfejl: fejl, status: .unprocessableEntity)
        }
        do {
            try await Lager(req.db).opretOrganisation(Organisation(navn: navn, art: art, kommunenummer: tom(f["org_kommunenummer"]),
                                                                   region: tom(f["org_region"]), overordnet: tom(f["org_overordnet"])),
                                                      af: req.revisionsnavn)
        } catch let v as Valideringsfejl {
            return try await vis(req, brugerfelter: [:], brugerfejl: [:], orgfelter: f, orgfejl: ["org_\(v.felt)": v.besked], status: .unprocessableEntity)
        } catch let l as Lagerfejl {
            return try await vis(req, brugerfelter: [:], brugerfejl: [:], orgfelter: f, orgfejl: ["org_navn": l.description], status: .conflict)
        }
        req.saetBesked("Organisationen \(navn) er oprettet.")
        return req.redirect(to: "/admin")
    }
}

struct AdminSide {
    let brugere: [Brugerkonto]
    let organisationer: [Organisation]
    let brugerfelter: [String: String]
    let brugerfejl: [String: String]
    let orgfelter: [String: String]
    let orgfejl: [String: String]
    let csrf: String
    let kontekst: Sidekontekst

    var html: HTML {
        let orgValg = [("", "Ingen")] + organisationer.map { ($0.navn, $0.navn) }
        return Side.dokument(titel: "Brugere og organisationer", kontekst: kontekst, [
            .h1("Brugere og organisationer"),
            .h2("Brugere"),
            E.ramme("Tabel", .table(
                .caption(.text("\(brugere.count) brugere")),
                .thead(.tr(.th("E-mail"), .th("Rolle"), .th("Organisation"), .th("Status"), .th("Oprettet"), .th("Handling"))),
                .tbody(.forEach(brugere) { b in
                    .tr(.td(.text(b.email)), .td(.text(b.rolle.tekst)), .td(.text(b.organisation ?? "–")),
                        .td(.text(b.aktiv ? "Aktiv" : "Deaktiveret")), .td(.text(Visning.tid(b.oprettet))),
                        .td(E.postform("/admin/brugere/\(b.id.uuidString)/aktiv", csrf: csrf, [], [
                            E.skjult("aktiv", b.aktiv ? "nej" : "ja"),
                            E.knap(b.aktiv ? "Deaktivér \(b.email)" : "Aktivér \(b.email)", klasse: "sekundaer"),
                        ])))
                }))),
            E.postform("/admin/brugere", csrf: csrf, [("novalidate", "")], [
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Opret bruger")]),
                    E.fejloversigt(brugerfejl, raekkefoelge: ["email", "rolle", "organisation", "kodeord"]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("email", "E-mail", vaerdi: brugerfelter["email"] ?? "", fejl: brugerfejl, type: "email", kraevet: true),
                        E.valgfelt("rolle", "Rolle", valg: Rolle.konti.map { ($0.rawValue, $0.tekst) }, valgt: brugerfelter["rolle"] ?? "driftsherre", fejl: brugerfejl),
                        E.valgfelt("organisation", "Organisation", valg: orgValg, valgt: brugerfelter["organisation"] ?? "", fejl: brugerfejl,
                                   hjaelp: "Skal udfyldes for driftsherrer og socialtilsyn."),
                        E.felt("kodeord", "Første kodeord", fejl: brugerfejl, type: "password",
                               hjaelp: "Mindst \(Kontoregler.mindsteKodeordslaengde) tegn; brugeren skifter det under Konto.", kraevet: true,
                               autocomplete: "new-password"),
                    ]),
                    E.el("div", [("class", "knapper")], [E.knap("Opret bruger")]),
                ]),
            ]),
            .h2("Organisationer"),
            E.ramme("Tabel", .table(
                .caption(.text("\(organisationer.count) organisationer")),
                .thead(.tr(.th("Navn"), .th("Art"), .th("Kommunenr."), .th("Region"))),
                .tbody(.forEach(organisationer) { o in
                    .tr(.td(.text(o.navn)), .td(.text(o.art.rawValue)), .td(.text(o.kommunenummer ?? "")), .td(.text(o.region ?? "")))
                }))),
            E.postform("/admin/organisationer", csrf: csrf, [("novalidate", "")], [
                E.el("fieldset", [], [
                    E.el("legend", [], [.text("Opret organisation")]),
                    E.fejloversigt(orgfejl, raekkefoelge: ["org_navn", "org_art", "org_kommunenummer", "org_region", "org_overordnet"]),
                    E.el("div", [("class", "kolonner")], [
                        E.felt("org_navn", "Navn", vaerdi: orgfelter["org_navn"] ?? "", fejl: orgfejl, kraevet: true),
                        E.valgfelt("org_art", "Art", valg: Organisation.Art.allCases.map { ($0.rawValue, $0.rawValue.capitalized) },
                                   valgt: orgfelter["org_art"] ?? "kommune", fejl: orgfejl),
                        E.felt("org_kommunenummer", "Kommunenummer (3 cifre)", vaerdi: orgfelter["org_kommunenummer"] ?? "", fejl: orgfejl),
                        E.felt("org_region", "Region", vaerdi: orgfelter["org_region"] ?? "", fejl: orgfejl),
                        E.valgfelt("org_overordnet", "Overordnet (for en underenhed)", valg: orgValg, valgt: orgfelter["org_overordnet"] ?? "", fejl: orgfejl),
                    ]),
                    E.el("div", [("class", "knapper")], [E.knap("Opret organisation")]),
                ]),
            ]),
        ])
    }
}
