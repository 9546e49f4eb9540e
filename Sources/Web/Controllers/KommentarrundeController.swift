import Filformater
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// The comment round of a year's ledelsesinformation (DOMAIN.md 6.5): before publication each
/// driftsherre may comment on its own rows (the comments show in the tables' "Bemærkninger");
/// the secretariat publishes the year, which ends the round.
struct KommentarrundeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.get("indberetning", "ledelsesinformation", use: side)
        r.post("indberetning", "ledelsesinformation", "kommentar", use: gemKommentar)
        r.post("sekretariat", "ledelsesinformation", "offentliggoer", use: offentliggoer)
    }

    func side(req: Request) async throws -> Response {
        let b = try req.kraev(.kommenterLedelsesinformation)
        // The same default year as the public tables: the newest with approved regnskaber.
        let standard = try await Lager(req.db).aarMedRegnskab(kunGodkendte: true).first ?? (req.ur.aar - 1)
        return try await vis(req, b, aar: req.parametre.aar(formular: true) ?? standard)
    }

    func vis(_ req: Request, _ b: Brugerkonto, aar: Int, felter: [String: String] = [:], fejl: [String: String] = [:],
             status: HTTPResponseStatus = .ok) async throws -> Response {
        let lager = Lager(req.db)
        let organisation = b.organisation ?? ""
        let egne = try await lager.kommentarer(aar: aar).compactMapValues { $0[organisation] }
        return Side.html(KommentarrundeSide(organisation: organisation, aar: aar, aarMedRegnskab: try await lager.aarMedRegnskab(kunGodkendte: true),
                                            offentliggjort: try await lager.ledelsesinformationOffentliggjort(aar: aar),
                                            egne: egne, felter: felter, fejl: fejl, csrf: req.csrfToken, kontekst: req.sidekontekst).html,
                         status: status)
    }

    func gemKommentar(req: Request) async throws -> Response {
        let b = try req.kraev(.kommenterLedelsesinformation)
        let f = try req.formularfelter()
        guard let aar = Int(f["aar"] ?? ""), let organisation = b.organisation else {
            throw Abort(.unprocessableEntity, reason: "Vælg året, kommentaren gælder.")
        }
        do {
            // The driftsherre is the signed-in user's organisation: one comments on one's own rows only.
            try await Lager(req.db).tilfoejKommentar(aar: aar, tabel: f["tabel"] ?? "", driftsherre: organisation,
                                                     tekst: (f["tekst"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                                     af: req.revisionsnavn)
        } catch let fejl as Valideringsfejl {
            return try await vis(req, b, aar: aar, felter: f, fejl: [fejl.felt: Visning.saetning(fejl.besked)], status: .unprocessableEntity)
        }
        req.saetBesked("Kommentaren er gemt. Den står ved \(organisation)s række, når ledelsesinformationen for \(aar) vises.")
        return req.redirect(to: "/indberetning/ledelsesinformation?aar=\(aar)")
    }

    func offentliggoer(req: Request) async throws -> Response {
        try req.kraev(.offentliggoer)
        let f = try req.formularfelter()
        guard let aar = Int(f["aar"] ?? ""), Aarsinterval.gyldige.contains(aar) else {
            throw Abort(.unprocessableEntity, reason: "Vælg det regnskabsår, hvis ledelsesinformation skal offentliggøres.")
        }
        try await Lager(req.db).offentliggoerLedelsesinformation(aar: aar, dato: req.ur.idag, af: req.revisionsnavn)
        req.saetBesked("Ledelsesinformationen for \(aar) er offentliggjort; kommentarrunden er slut.")
        return req.redirect(to: "/sekretariat")
    }
}

struct KommentarrundeSide {
    let organisation: String
    let aar: Int
    let aarMedRegnskab: [Int]
    let offentliggjort: String?
    /// Table → this organisation's comments and notes.
    let egne: [String: [String]]
    let felter: [String: String]
    let fejl: [String: String]
    let csrf: String
    let kontekst: Sidekontekst

    static let tabeltekster = ["takstudvikling": "Tabel 1. Takstudvikling på regnskab", "over_underskud": "Tabel 2. Over-/underskud",
                               "tillaegsydelser": "Tabel 3. Tillægsydelser", "pladser": "Tabel 5. Pladsoversigt"]

    var html: HTML {
        Side.dokument(titel: "Ledelsesinformation \(aar) – kommentarer", kontekst: kontekst, [
            .h1(.text("Ledelsesinformation \(aar) – kommentarer fra \(organisation)")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/indberetning/ledelsesinformation")], [
                E.valgfelt("aar", "Regnskabsår", valg: Array(Set(aarMedRegnskab + [aar])).sorted(by: >).map { ("\($0)", "\($0)") },
                           valgt: "\(aar)"),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            .p(.text(offentliggjort.map { "Ledelsesinformationen for \(aar) blev offentliggjort \(Visning.dato($0)). Kommentarrunden er slut." }
                     ?? "Kommentarrunden for \(aar) er åben, indtil sekretariatet offentliggør ledelsesinformationen. Du kan kommentere \(organisation)s egne rækker."),
               .text(" "), E.lenke("/ledelsesinformation?aar=\(aar)", "Se tabellerne for \(aar)")),
            .h2(.text("Jeres kommentarer")),
            .if(egne.isEmpty, .p(.text("Ingen kommentarer endnu."))),
            .ul(.forEach(Lager.kommenterbareTabeller.filter { egne[$0] != nil }) { t in
                .li(.strong(.text(KommentarrundeSide.tabeltekster[t] ?? t)), .text(": " + (egne[t] ?? []).joined(separator: " | ")))
            }),
            // A refusal that is not about a field of the form (the round closed meanwhile) is shown on its own.
            E.fejloversigt(fejl.filter { $0.key != "aar" }, raekkefoelge: ["tabel", "tekst"], generelle: fejl["aar"].map { [$0] } ?? []),
            .if(offentliggjort == nil, .group(
                .h2(.text("Ny kommentar")),
                E.postform("/indberetning/ledelsesinformation/kommentar", csrf: csrf, [], [
                    E.skjult("aar", "\(aar)"),
                    E.valgfelt("tabel", "Tabel", valg: Lager.kommenterbareTabeller.map { ($0, KommentarrundeSide.tabeltekster[$0] ?? $0) },
                               valgt: felter["tabel"] ?? "takstudvikling", fejl: fejl),
                    E.tekstfelt("tekst", "Kommentar til \(organisation)s række", vaerdi: felter["tekst"] ?? "", fejl: fejl, raekker: 3, kraevet: true),
                    E.knap("Gem kommentar"),
                ])
            )),
        ])
    }
}
