import Filformater
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// The secretariat's two views of next year's takster: who has reported against the deadline
/// (with a CSV for reminders) and the takstbilag for DAS/FU (print page and XLSX).
struct TakstbilagController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped(KraevLoginMiddleware()).grouped("sekretariat")
        r.get("oversigt", use: oversigt)
        r.get("takstbilag", use: takstbilag)
    }

    func aar(_ req: Request) throws -> Int {
        let aar = try req.parametre.aar(formular: true) ?? req.naesteAar
        guard Aarsinterval.erGyldigt(aar) else { throw Abort(.badRequest, reason: "aar: året skal ligge mellem 1990 og 2100.") }
        return aar
    }

    func oversigt(req: Request) async throws -> Response {
        try req.kraev(.godkend)
        let aar = try aar(req)
        let lager = Lager(req.db)
        let raekker = try await lager.indberetningsoversigt(aar: aar, idag: req.ur.idag)
        let konti = Dictionary(grouping: try await lager.brugere().filter { $0.rolle == .driftsherre && $0.organisation != nil }, by: { $0.organisation! })
            .mapValues { $0.map(\.email) }
        let tabel = Sekretariatstabeller.oversigt(raekker, konti: konti)
        if let format = try Download.format(req) {
            return try Download.svar([(navn: "Indberetning \(aar)", tabel: tabel)], filnavn: "indberetning-\(aar)", format: format)
        }
        let pr = Dictionary(grouping: raekker, by: \.tilstand).mapValues(\.count)
        return Side.html(Side.dokument(titel: "Indberetning \(aar)", kontekst: req.sidekontekst, [
            .h1(.text("Indberetning af takster for \(aar)")),
            .p(.text(Indberetningsoversigt.Tilstand.allCases.map { "\($0.tekst): \(pr[$0] ?? 0)" }.joined(separator: " · ")
                     + " (driftsherrer). Over fristen betyder, at fristen er passeret, og at mindst ét tilbud mangler eller kun har en kladde.")),
            E.el("form", [("class", "soeg ikke-print"), ("method", "get"), ("action", "/sekretariat/oversigt")], [
                E.felt("aar", "År", vaerdi: "\(aar)", tal: true), E.knap("Vis", klasse: "sekundaer"),
            ]),
            Tabelvisning.html(tabel, overskrifter: {
                ["driftsherre": "Driftsherre", "region": "Region", "tilbud": "Tilbud", "indsendt": "Indsendt", "i_gang": "I gang", "mangler": "Mangler",
                 "frist": "Frist", "status": "Status", "udestaaende_tilbud": "Udestående tilbud", "email": "Konti at minde"][$0] ?? $0
            }, caption: "Indberetning pr. driftsherre, \(aar)"),
            E.el("p", [("class", "download ikke-print")], [E.lenke("/sekretariat/oversigt?aar=\(aar)&format=csv", "Hent som CSV (til påmindelser)"), .text(" · "),
                                                          E.lenke("/sekretariat/oversigt?aar=\(aar)&format=xlsx", "som XLSX"), .text(" · "),
                                                          E.lenke("/sekretariat/takstbilag?aar=\(aar)", "Takstbilag \(aar)")]),
        ]))
    }

    func takstbilag(req: Request) async throws -> Response {
        try req.kraev(.godkend)
        let aar = try aar(req)
        let poster = try await Lager(req.db).takstbilag(aar: aar)
        let tabel = Sekretariatstabeller.takstbilag(poster)
        if let format = try Download.format(req) {
            return try Download.svar([(navn: "Takstbilag \(aar)", tabel: tabel)], filnavn: "takstbilag-\(aar)", format: format)
        }
        let markerede = poster.filter { $0.linje.flag.contains { if case .nyTakst = $0 { return false } else { return true } } }.count
        return Side.html(Side.dokument(titel: "Takstbilag \(aar)", kontekst: req.sidekontekst, [
            .h1(.text("Takstbilag \(aar)")),
            .p(.text("Alle indsendte, godkendte og offentliggjorte takster for \(aar) ved siden af sidste års offentliggjorte takst (i kraft 31. december \(aar - 1)), ændring i procent. "
                     + "\(poster.count) takster; \(markerede) markeret til opmærksomhed (ændring over grænsen uden begrundelse eller skiftet takstenhed).")),
            E.el("p", [("class", "download ikke-print")], [E.lenke("/sekretariat/takstbilag?aar=\(aar)&format=xlsx", "Hent som XLSX"), .text(" · "),
                                                          E.lenke("/sekretariat/takstbilag?aar=\(aar)&format=csv", "som CSV"), .text(" · Udskriv siden til mødet (A4).")]),
            .if(poster.isEmpty, .p(.text("Der er ingen indsendte takster for \(aar) endnu."))),
            .if(!poster.isEmpty, Tabelvisning.html(tabel, overskrifter: {
                ["driftsherre": "Driftsherre", "tilbud": "Tilbud", "takstniveau": "Takstniveau", "gyldig_fra": "Gyldig fra", "enhed": "Enhed",
                 "takst_sidste_aar_kr": "Takst \(aar - 1) (kr.)", "takst_kr": "Takst \(aar) (kr.)", "aendring_pct": "Ændring (%)", "status": "Status",
                 "begrundelse": "Begrundelse", "bemaerkninger": "Til opmærksomhed"][$0] ?? $0
            }, caption: "Takster \(aar) mod \(aar - 1)")),
        ]))
    }
}
