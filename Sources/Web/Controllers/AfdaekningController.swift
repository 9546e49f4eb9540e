import Filformater
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// The yearly review of supply and demand (DOMAIN.md 6.10). The secretariat creates a review and
/// invites the kommuner, follows the answers (response rate, summed ranges, "x af N kommuner",
/// answers side by side), imports answers from CSV and publishes with the decision; each invited
/// kommune answers on its own page or by API; the public sees the published, masked report.
struct AfdaekningController: RouteCollection {
    static let antalSpoergsmaalsfelter = 6

    func boot(routes: any RoutesBuilder) throws {
        routes.get("kapacitet", "afdaekninger", use: offentligListe)
        routes.get("kapacitet", "afdaekninger", ":id", use: offentligRapport)
        let r = routes.grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.get("sekretariat", "afdaekninger", use: sekretariatListe)
        r.post("sekretariat", "afdaekninger", use: opret)
        r.get("sekretariat", "afdaekninger", ":id", use: sekretariatRapport)
        r.post("sekretariat", "afdaekninger", ":id", "import", use: importer)
        r.post("sekretariat", "afdaekninger", ":id", "offentliggoer", use: offentliggoer)
        r.post("sekretariat", "afdaekninger", ":id", "afstemning", use: afstemning)
        r.get("afdaekninger", use: kommunensListe)
        r.get("afdaekninger", ":id", use: svarside)
        r.post("afdaekninger", ":id", use: gemSvar)
        let api = routes.grouped("api", "v1")
        api.get("afdaekninger", use: apiListe)
        api.get("afdaekninger", ":id", use: apiRapport)
        api.grouped(KraevLoginMiddleware(), CSRFMiddleware()).put("afdaekninger", ":id", "svar", use: apiSvar)
    }

    static func hent(_ req: Request, offentlig: Bool = false) async throws -> GemtAfdaekning {
        guard let id = req.parameters.get("id", as: UUID.self), let g = try await Lager(req.db).afdaekning(id: id),
              !offentlig || g.status == .offentliggjort else {
            throw Abort(.notFound, reason: "Afdækningen findes ikke\(offentlig ? " eller er ikke offentliggjort" : "").")
        }
        return g
    }

    // MARK: Offentligt

    func offentligListe(req: Request) async throws -> Response {
        let alle = try await Lager(req.db).afdaekninger(kunOffentliggjorte: true)
        return Side.html(AfdaekningSider.offentligListe(alle, kontekst: req.sidekontekst))
    }

    func offentligRapport(req: Request) async throws -> Response {
        let g = try await AfdaekningController.hent(req, offentlig: true)
        let o = try await Lager(req.db).afdaekningsopgoerelse(g)
        let ark = Afdaekningstabeller.offentlig(g, o)
        if let format = try Download.format(req) {
            return try Download.svar(ark, filnavn: "afdaekning-\(g.afdaekning.aar)", format: format)
        }
        return Side.html(AfdaekningSider.rapport(g, ark: ark, offentlig: true, kontekst: req.sidekontekst))
    }

    // MARK: Sekretariatet

    func sekretariatListe(req: Request) async throws -> Response {
        try req.kraev(.styrAfdaekning)
        return try await visListe(req, felter: [:], fejl: [:])
    }

    func visListe(_ req: Request, felter: [String: String], fejl: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let lager = Lager(req.db)
        let kommuner = try await lager.organisationer().filter { $0.art == .kommune }
        let regioner = Array(Set(kommuner.compactMap(\.region))).sorted()
        let region = try felter["region"] ?? req.parametre.valg("region", blandt: regioner) ?? regioner.first ?? ""
        var svarprocenter: [UUID: String] = [:]
        let alle = try await lager.afdaekninger()
        for g in alle { svarprocenter[g.id] = try await lager.afdaekningsopgoerelse(g).svarprocent.tekst }
        return Side.html(AfdaekningSider.sekretariatListe(
            alle, svarprocenter: svarprocenter, regioner: regioner, region: region,
            kommuner: kommuner.filter { $0.region == region }.map(\.navn).sorted(by: DanskSortering.foer),
            felter: felter, fejl: fejl, csrf: req.csrfToken, kontekst: req.sidekontekst), status: status)
    }

    func opret(req: Request) async throws -> Response {
        try req.kraev(.styrAfdaekning)
        let f = try req.formularfelter()
        let n = AfdaekningController.antalSpoergsmaalsfelter
        let udfyldt = (1...n).filter { i in ["tekst", "aar", "valg"].contains { !(f["s\(i)_\($0)"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty } }
        let spoergsmaal = (1...(udfyldt.max() ?? 0)).map { i in
            (tekst: f["s\(i)_tekst"] ?? "", art: f["s\(i)_art"] ?? "antal", aar: f["s\(i)_aar"] ?? "", valg: f["s\(i)_valg"] ?? "")
        }
        let inviterede = f.filter { $0.key.hasPrefix("inviter_") }.sorted { (Int($0.key.dropFirst(8)) ?? 0) < (Int($1.key.dropFirst(8)) ?? 0) }.map(\.value)
        do {
            let a = try Afdaekning.opret(titel: f["titel"] ?? "", aar: Int((f["aar"] ?? "").trimmingCharacters(in: .whitespaces)),
                                         region: f["region"] ?? "", maalgrupper: (f["maalgrupper"] ?? "").components(separatedBy: .newlines),
                                         spoergsmaal: spoergsmaal, inviterede: inviterede)
            let id = try await Lager(req.db).opretAfdaekning(a, af: req.revisionsnavn)
            req.saetBesked("Afdækningen '\(a.titel)' er oprettet, og \(a.inviterede.count) kommuner kan nu svare.")
            return req.redirect(to: "/sekretariat/afdaekninger/\(id)")
        } catch let l as Valideringsfejlliste {
            return try await visListe(req, felter: f, fejl: Visning.feltfejl(l.fejl),
                                      status: .unprocessableEntity)
        } catch let v as Valideringsfejl {
            return try await visListe(req, felter: f, fejl: Visning.feltfejl([v]), status: .unprocessableEntity)
        }
    }

    func sekretariatRapport(req: Request) async throws -> Response {
        try req.kraev(.styrAfdaekning)
        return try await visRapport(req, try await AfdaekningController.hent(req), fejl: [:], importfejl: [], felter: [:])
    }

    func visRapport(_ req: Request, _ g: GemtAfdaekning, fejl: [String: String], importfejl: [String], felter: [String: String],
                    status: HTTPResponseStatus = .ok) async throws -> Response {
        let lager = Lager(req.db)
        let o = try await lager.afdaekningsopgoerelse(g)
        let svar = try await lager.afdaekningssvar(afdaekningID: g.id)
        let aarsager = try await lager.afvigelsesaarsager(kilde: Lager.afdaekningskilde(g.id))
        let ark = Afdaekningstabeller.fuld(g, o, svar: svar, aarsager: aarsager)
        if let format = try Download.format(req) {
            return try Download.svar(ark, filnavn: "afdaekning-\(g.afdaekning.aar)-fuld", format: format)
        }
        return Side.html(AfdaekningSider.sekretariatRapport(g, o, ark: ark, aarsager: aarsager, fejl: fejl, importfejl: importfejl, felter: felter,
                                                            csrf: req.csrfToken, kontekst: req.sidekontekst), status: status)
    }

    func importer(req: Request) async throws -> Response {
        try req.kraev(.styrAfdaekning)
        let g = try await AfdaekningController.hent(req)
        let u = try req.content.decode(Opload.self)
        do {
            guard let (navn, tekst, tegnsaet) = try u.indhold() else {
                return try await visRapport(req, g, fejl: ["fil": "Vælg en CSV-fil med svarene, eller indsæt dem som tekst."], importfejl: [], felter: [:],
                                            status: .unprocessableEntity)
            }
            let tabel = try Optaellingsfil.laes(fil: navn, tekst: tekst)
            let antal = try await Lager(req.db).importerAfdaekningssvar(afdaekningID: g.id, spoergsmaal: u.spoergsmaal ?? "", tabel: tabel,
                                                                         fil: navn, af: req.revisionsnavn)
            req.saetBesked("\(antal) kommuners svar er importeret fra \(navn)\(tabel.trykt == nil ? "" : "; den trykte total er gemt og sammenlignet").\(tegnsaet)")
            return req.redirect(to: "/sekretariat/afdaekninger/\(g.id)")
        } catch let l as Importfejlliste {
            return try await visRapport(req, g, fejl: [:], importfejl: l.fejl.map(\.description), felter: [:], status: .unprocessableEntity)
        } catch let e as Importfejl {
            return try await visRapport(req, g, fejl: [:], importfejl: [e.description], felter: [:], status: .unprocessableEntity)
        }
    }

    func offentliggoer(req: Request) async throws -> Response {
        try req.kraev(.styrAfdaekning)
        let g = try await AfdaekningController.hent(req)
        let f = try req.formularfelter()
        do {
            let b = try Beslutning.fortolk(organ: f["organ"] ?? "", dato: f["dato"] ?? "", punkt: f["punkt"] ?? "", tekst: f["tekst"] ?? "",
                                           standardtekst: "\((f["organ"] ?? "").trimmingCharacters(in: .whitespaces)) behandlede \(g.afdaekning.titel)")
            try await Lager(req.db).offentliggoerAfdaekning(id: g.id, beslutning: b, dato: req.ur.idag, af: req.revisionsnavn)
        } catch let l as Valideringsfejlliste {
            return try await visRapport(req, g, fejl: Visning.feltfejl(l.fejl),
                                        importfejl: [], felter: f, status: .unprocessableEntity)
        }
        req.saetBesked("'\(g.afdaekning.titel)' er offentliggjort. Offentligheden ser kun de maskerede tal (≤3).")
        return req.redirect(to: "/sekretariat/afdaekninger/\(g.id)")
    }

    /// The reason for a difference between a printed total and the answers' sum (DOMAIN.md 6.13).
    func afstemning(req: Request) async throws -> Response {
        try req.kraev(.styrAfdaekning)
        let g = try await AfdaekningController.hent(req)
        let f = try req.formularfelter()
        let o = try await Lager(req.db).afdaekningsopgoerelse(g)
        guard let post = o.afstemning.first(where: { $0.tabel == f["tabel"] && $0.felt == f["felt"] }) else {
            throw Abort(.unprocessableEntity, reason: "Afdækningen har ingen trykt total for \(f["tabel"] ?? "") \(f["felt"] ?? "").")
        }
        do {
            guard let aarsag = try Afvigelsesaarsag.fortolk(f["aarsag"] ?? "") else {
                throw Valideringsfejl(felt: "aarsag", besked: "vælg en årsag")
            }
            try await Lager(req.db).saetAfvigelsesaarsag(kilde: Lager.afdaekningskilde(g.id), tabel: post.tabel, felt: post.felt, aarsag: aarsag,
                                                        bemaerkning: f["bemaerkning"], af: req.revisionsnavn)
            req.saetBesked("Årsagen til forskellen i \(post.tabel), \(post.felt) er gemt: \(aarsag.tekst).")
        } catch let v as Valideringsfejl {
            return try await visRapport(req, g, fejl: ["aarsag": Visning.saetning(v.besked)], importfejl: [], felter: f, status: .unprocessableEntity)
        }
        return req.redirect(to: "/sekretariat/afdaekninger/\(g.id)#afstemning")
    }

    // MARK: Kommunen

    func kommunensListe(req: Request) async throws -> Response {
        let b = try req.kraev(.besvarAfdaekning)
        let lager = Lager(req.db)
        let egne = try await lager.afdaekninger().filter { $0.afdaekning.erInviteret(b.organisation) }
        var status: [UUID: String] = [:]
        for g in egne {
            status[g.id] = try await lager.afdaekningssvar(afdaekningID: g.id).first { $0.kommune == b.organisation }?.status.tekst ?? "Ikke besvaret"
        }
        return Side.html(AfdaekningSider.kommunensListe(egne, status: status, organisation: b.organisation ?? "", kontekst: req.sidekontekst))
    }

    /// The kommune's own organisation, which must be invited (403 otherwise, nothing shown).
    static func kraevInviteret(_ req: Request, _ g: GemtAfdaekning) throws -> (Brugerkonto, String) {
        let b = try req.kraev(.besvarAfdaekning)
        guard let k = b.organisation, g.afdaekning.erInviteret(k) else {
            throw Abort(.forbidden, reason: "\(b.organisation ?? "Din konto") er ikke inviteret til at besvare '\(g.afdaekning.titel)'.")
        }
        return (b, k)
    }

    func svarside(req: Request) async throws -> Response {
        let g = try await AfdaekningController.hent(req)
        let (_, kommune) = try AfdaekningController.kraevInviteret(req, g)
        return try await visSvar(req, g, kommune: kommune, felter: nil, fejl: [:])
    }

    func visSvar(_ req: Request, _ g: GemtAfdaekning, kommune: String, felter: [String: String]?, fejl: [String: String],
                 status: HTTPResponseStatus = .ok) async throws -> Response {
        let gemt = try await Lager(req.db).afdaekningssvar(afdaekningID: g.id).first { $0.kommune == kommune }
        return Side.html(AfdaekningSider.svarside(g, kommune: kommune, gemt: gemt, felter: felter ?? gemt?.besvarelse.felter ?? [:], fejl: fejl,
                                                  csrf: req.csrfToken, kontekst: req.sidekontekst), status: status)
    }

    func gemSvar(req: Request) async throws -> Response {
        let g = try await AfdaekningController.hent(req)
        let (_, kommune) = try AfdaekningController.kraevInviteret(req, g)
        var f = try req.formularfelter()
        let indsend = f.removeValue(forKey: "handling") == "indsend"
        do {
            let b = try g.afdaekning.fortolkSvar(f)
            try await Lager(req.db).gemAfdaekningssvar(afdaekningID: g.id, kommune: kommune, b, indsend: indsend, kilde: "web", af: req.revisionsnavn)
        } catch let l as Valideringsfejlliste {
            return try await visSvar(req, g, kommune: kommune, felter: f,
                                     fejl: Visning.feltfejl(l.fejl),
                                     status: .unprocessableEntity)
        } catch let v as Valideringsfejl {
            return try await visSvar(req, g, kommune: kommune, felter: f, fejl: Visning.feltfejl([v]), status: .unprocessableEntity)
        }
        req.saetBesked(indsend ? "Svaret er indsendt til sekretariatet. Tak." : "Kladden er gemt. Den ses ikke af andre, før du indsender.")
        return req.redirect(to: "/afdaekninger/\(g.id)")
    }

    // MARK: API

    func apiListe(req: Request) async throws -> [AfdaekningUd] {
        let lager = Lager(req.db)
        var ud: [AfdaekningUd] = []
        for g in try await lager.afdaekninger(kunOffentliggjorte: true) {
            ud.append(AfdaekningUd(g, try await lager.afdaekningsopgoerelse(g), medTabeller: false))
        }
        return ud
    }

    func apiRapport(req: Request) async throws -> AfdaekningUd {
        let g = try await AfdaekningController.hent(req, offentlig: true)
        return AfdaekningUd(g, try await Lager(req.db).afdaekningsopgoerelse(g), medTabeller: true)
    }

    func apiSvar(req: Request) async throws -> Response {
        let g = try await AfdaekningController.hent(req)
        let (_, kommune) = try AfdaekningController.kraevInviteret(req, g)
        let ind = try req.content.decode(AfdaekningssvarInd.self)
        let b = try g.afdaekning.fortolkSvar(ind.svar)
        try await Lager(req.db).gemAfdaekningssvar(afdaekningID: g.id, kommune: kommune, b, indsend: ind.indsend ?? false, kilde: "api",
                                                   af: req.revisionsnavn)
        let gemt = try await Lager(req.db).afdaekningssvar(afdaekningID: g.id).first { $0.kommune == kommune }
        return try await AfdaekningssvarUd(kommune: kommune, status: gemt?.status.rawValue ?? "", version: gemt?.version ?? 0,
                                           svar: gemt?.besvarelse.felter ?? [:]).encodeResponse(status: .ok, for: req)
    }
}
