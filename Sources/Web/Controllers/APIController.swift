import Filformater
import Fluent
import Lager
import Takstregler
import Vapor

/// `/api/v1`: the published takster for anyone; reporting, review and publication for the
/// same roles as the pages, with a session (plus `X-CSRF-Token`) or an API token
/// (`Authorization: Bearer tf_…`). Anonymous writes get 401, other roles 403. Amounts are exact
/// decimal text. The contract is `/api/v1/openapi.json`.
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("tilbud", use: tilbud)
        api.get("tilbud", ":id", use: etTilbud)
        api.get("openapi.json", use: openapi)
        let a = api.grouped(KraevLoginMiddleware(), CSRFMiddleware())
        a.get("mig", use: mig)
        a.get("indberetning", "tilbud", ":id", use: kladder)
        a.put("indberetning", "tilbud", ":id", "takstniveau", use: gemTakstniveau)
        a.post("indberetning", "takstniveauer", ":id", "indsend", use: indsend)
        a.post("indberetning", "tilbud", ":id", "regnskab", use: regnskab)
        a.post("indberetning", "tilbud", ":id", "belaegning", use: belaegning)
        a.get("sekretariat", "koe", use: koe)
        a.post("sekretariat", "takstniveauer", ":id", "godkend", use: godkend)
        a.post("sekretariat", "takstniveauer", ":id", "afvis", use: afvis)
        a.post("sekretariat", "takstniveauer", ":id", "rettelse", use: rettelse)
        a.post("sekretariat", "offentliggoer", use: offentliggoer)
        a.put("socialtilsyn", ":aar", use: socialtilsyn)
        a.get("haendelser", use: haendelser)
    }

    // MARK: Offentligt

    /// `GET /api/v1/tilbud[?aar=Y][&dato=D][&indskrevet=E][&side=N&antal=M]`: all published tilbud of
    /// the year with the takst of each level in force on D (default today, held in the year) for a
    /// citizen enrolled on E, or one page of them; `X-Total-Count` always holds the number of tilbud.
    func tilbud(req: Request) async throws -> Response {
        let p = req.parametre
        let aar = try p.aar() ?? req.ur.aar
        let dato = try p.dato("dato") ?? Takstperioder.standarddato(aar: aar, idag: req.ur.idag)
        let indskrevet = try p.dato("indskrevet")
        let udgave = try await req.offentligUdgave(aar: aar)
        let alle = udgave.husk("api liste \(dato) \(indskrevet ?? "")") { udgave.liste.paaDato(dato, indskrevet: indskrevet) }
        var valgt = alle[...]
        let side = try p.heltal("side", 1...Int(Int32.max)), antal = try p.heltal("antal", 1...1000)
        if side != nil || antal != nil {
            let a = antal ?? 50, s = side ?? 1
            valgt = alle.dropFirst((s - 1) * a).prefix(a)
        }
        // The encoded page is the same for every caller until the data changes.
        let (krop, headers) = try udgave.husk("api \(dato) \(indskrevet ?? "") \(side ?? 0) \(antal ?? 0)") { () throws -> (ByteBuffer, HTTPHeaders) in
            var krop = ByteBuffer(), headers = HTTPHeaders()
            try ContentConfiguration.global.requireEncoder(for: .json).encode(valgt.map(APIController.ud), to: &krop, headers: &headers)
            headers.replaceOrAdd(name: "X-Total-Count", value: "\(alle.count)")
            return (krop, headers)
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: krop))
    }

    func etTilbud(req: Request) async throws -> TilbudUd {
        guard let id = req.parameters.get("id", as: UUID.self), let t = try await Lager(req.db).tilbudMedEjer(id: id) else {
            throw Abort(.notFound, reason: "Tilbuddet findes ikke.")
        }
        let niveauer = Takstniveau.gaeldende(try await Lager(req.db).offentligeVersioner(tilbudID: id), \.niveau)
            .sorted { ($0.aar, $0.navn, $0.niveau.periodestart) < ($1.aar, $1.navn, $1.niveau.periodestart) }
        return APIController.ud(id: id, tilbud: t.tilbud, demo: t.demo, niveauer: niveauer.map { ($0.niveau, $0.takst) })
    }

    func openapi(req: Request) async throws -> Response {
        var h = HTTPHeaders()
        h.contentType = .json
        return Response(status: .ok, headers: h, body: .init(string: OpenAPI.dokument))
    }

    // MARK: Konto

    func mig(req: Request) async throws -> MigUd {
        let b = try req.kraevLogin()
        return MigUd(email: b.email, rolle: b.rolle.rawValue, organisation: b.organisation,
                     maa: Handling.allCases.filter { Adgang.maa(b.rolle, $0) }.map(\.rawValue))
    }

    // MARK: Indberetning

    func hentTilbud(_ req: Request) async throws -> TilbudMedEjer {
        guard let id = req.parameters.get("id", as: UUID.self), let t = try await Lager(req.db).tilbudMedEjer(id: id) else {
            throw Abort(.notFound, reason: "Tilbuddet findes ikke.")
        }
        return t
    }

    func kladder(req: Request) async throws -> [NiveauUd] {
        let t = try await hentTilbud(req)
        try req.kraev(.laesKladder, tilbud: t)
        let aar = try req.parametre.aar() ?? req.naesteAar
        return try await Lager(req.db).takstniveauer(tilbudID: t.id, aar: aar).map(APIController.ud)
    }

    static func feltfejl(_ fejl: [String: String]) -> Valideringsfejlliste {
        Valideringsfejlliste(fejl.keys.sorted().map { Valideringsfejl(felt: $0, besked: fejl[$0]!) })
    }

    func gemTakstniveau(req: Request) async throws -> Response {
        let t = try await hentTilbud(req)
        try req.kraev(.indberetTakst, tilbud: t)
        let ind = try req.content.decode(TakstniveauInd.self)
        let indtastning = ind.indtastningsfejl
        if !indtastning.isEmpty { throw indtastning.count == 1 ? indtastning[0] as any Error : Valideringsfejlliste(indtastning) }
        let f = ind.formular
        guard let aar = ind.aar, Aarsinterval.gyldige.contains(aar) else { throw Valideringsfejl(felt: "aar", besked: "angiv takståret") }
        let lager = Lager(req.db)
        let navn = f["niveau"].trimmingCharacters(in: .whitespaces)
        let eksisterende = try await lager.takstniveauer(tilbudID: t.id, aar: aar).nyeste(navn: navn, aar: aar, gyldigFra: f["gyldig_fra"])
        // Refused before the input is even read, in the workflow's own words (Lager refuses it too).
        if let e = eksisterende, !e.status.kanRettesAfIndberetter {
            throw Lagerfejl.ikkeRedigerbar("takstniveauet '\(e.navn)' \(e.aar) version \(e.version)", e.status)
        }
        if eksisterende != nil, ind.revision == nil {
            throw Valideringsfejl(felt: "revision", besked: "takstniveauet findes allerede; send den revision, du har hentet (GET /api/v1/indberetning/tilbud/{id})")
        }
        switch try await Takstlaesning.laes(f, aar: aar, tilbudID: t.id, eksisterende: eksisterende, lager: lager) {
        case .fejl(let fejl):
            throw APIController.feltfejl(fejl)
        case .ok(let niveau, _):
            let b = f["begrundelse"].trimmingCharacters(in: .whitespacesAndNewlines)
            var m = try await lager.gemTakstniveau(tilbudID: t.id, niveau: niveau, af: req.revisionsnavn, begrundelse: b.isEmpty ? nil : b,
                                                   forventetRevision: ind.revision)
            if ind.indsend == true { m = try await lager.skiftStatus(niveauID: m.id, til: .indsendt, af: req.revisionsnavn) }
            return try await APIController.ud(m).encodeResponse(status: eksisterende == nil ? .created : .ok, for: req)
        }
    }

    func hentNiveau(_ req: Request) async throws -> (GemtTakstniveau, TilbudMedEjer) {
        let lager = Lager(req.db)
        guard let id = req.parameters.get("id", as: UUID.self), let m = try await lager.takstniveau(id: id),
              let t = try await lager.tilbudMedEjer(id: m.tilbudID) else { throw Abort(.notFound, reason: "Takstniveauet findes ikke.") }
        return (m, t)
    }

    func indsend(req: Request) async throws -> NiveauUd {
        let (m, t) = try await hentNiveau(req)
        try req.kraev(.indsendTakst, tilbud: t)
        return try APIController.ud(try await Lager(req.db).skiftStatus(niveauID: m.id, til: .indsendt, af: req.revisionsnavn))
    }

    func regnskab(req: Request) async throws -> Response {
        let t = try await hentTilbud(req)
        try req.kraev(.indberetRegnskab, tilbud: t)
        let r = try req.content.decode(RegnskabInd.self)
        let f = ["r_aar": "\(r.aar)", "r_omkostninger": r.omkostninger.tekst, "r_takstindtaegter": r.takstindtaegter?.tekst ?? "",
                 "r_belaegning": r.belaegning.tekst, "r_over_underskud": r.overUnderskud?.tekst ?? "", "r_tillaegsydelser": r.tillaegsydelser?.tekst ?? ""]
        switch Regnskabsformular.laes(f, iaar: req.ur.aar) {
        case .fejl(let fejl): throw APIController.feltfejl(fejl)
        case .ok(let regnskab):
            let lager = Lager(req.db)
            if let e = try await lager.gemteRegnskaber(tilbudID: t.id).first(where: { $0.aar == r.aar }),
               !e.status.kanRettesAfIndberetter {
                throw Lagerfejl.ugyldigStatusskift(fra: e.status.tekst, til: Status.kladde.tekst)
            }
            try await lager.gemRegnskab(tilbudID: t.id, regnskab, status: r.indsend == true ? .indsendt : .kladde, af: req.revisionsnavn)
            return try await Kvittering(besked: "Regnskabet for \(r.aar) er \(r.indsend == true ? "indsendt" : "gemt som kladde").").encodeResponse(status: .created, for: req)
        }
    }

    func belaegning(req: Request) async throws -> Response {
        let t = try await hentTilbud(req)
        try req.kraev(.indberetRegnskab, tilbud: t)
        let b = try req.content.decode(BelaegningInd.self)
        let f = ["b_aar": "\(b.aar)", "b_kvartal": "\(b.kvartal)", "b_art": b.art, "b_normering": b.normering.tekst, "b_forbrug": b.forbrug.tekst]
        switch Regnskabsformular.laesBelaegning(f) {
        case .fejl(let fejl): throw APIController.feltfejl(fejl)
        case .ok(let x):
            try await Lager(req.db).gemBelaegning(tilbudID: t.id, x, af: req.revisionsnavn)
            return try await Kvittering(besked: "Belægningen for \(x.kvartal). kvartal \(x.aar) er gemt.").encodeResponse(status: .created, for: req)
        }
    }

    // MARK: Sekretariat

    func koe(req: Request) async throws -> [KoeUd] {
        try req.kraev(.godkend)
        return try await Lager(req.db).behandlingskoe().map {
            KoeUd(id: $0.niveauID, tilbud: $0.tilbud.tilbud.navn, driftsherre: $0.tilbud.tilbud.driftsherre, navn: $0.niveau.navn,
                  aar: $0.niveau.aar, version: $0.niveau.version, takst: "\($0.takst)", sidsteAarsTakst: $0.sidsteAarsTakst.map { "\($0)" })
        }
    }

    func godkend(req: Request) async throws -> NiveauUd {
        try req.kraev(.godkend)
        let (m, t) = try await hentNiveau(req)
        let g = try req.content.decode(GodkendInd.self)
        var fejl: [Valideringsfejl] = []
        if g.organ.trimmingCharacters(in: .whitespaces).isEmpty { fejl.append(.init(felt: "organ", besked: "angiv organet (fx DAS, FU, KKR)")) }
        if !Datoer.erDato(g.dato) { fejl.append(.init(felt: "dato", besked: "angiv mødedatoen som åååå-mm-dd")) }
        if g.punkt.trimmingCharacters(in: .whitespaces).isEmpty { fejl.append(.init(felt: "punkt", besked: "angiv dagsordenspunktet")) }
        if !fejl.isEmpty { throw Valideringsfejlliste(fejl) }
        let b = Beslutning(organ: g.organ, dato: g.dato, punkt: g.punkt, tekst: g.tekst ?? "\(g.organ) godkendte \(m.navn) \(m.aar) for \(t.tilbud.navn)",
                               delegation: g.delegation)
        return try APIController.ud(try await Lager(req.db).skiftStatus(niveauID: m.id, til: .godkendt, af: req.revisionsnavn,
                                                                        begrundelse: b.tekst, beslutning: b, midlertidig: g.midlertidig ?? false))
    }

    func afvis(req: Request) async throws -> NiveauUd {
        try req.kraev(.afvis)
        let (m, _) = try await hentNiveau(req)
        let a = try req.content.decode(AfvisInd.self)
        return try APIController.ud(try await Lager(req.db).skiftStatus(niveauID: m.id, til: .afvist, af: req.revisionsnavn,
                                                                        begrundelse: a.begrundelse))
    }

    func rettelse(req: Request) async throws -> Response {
        try req.kraev(.ret)
        let (m, t) = try await hentNiveau(req)
        var ind = try req.content.decode(TakstniveauInd.self)
        ind.navn = m.navn
        let indtastning = ind.indtastningsfejl
        if !indtastning.isEmpty { throw indtastning.count == 1 ? indtastning[0] as any Error : Valideringsfejlliste(indtastning) }
        let lager = Lager(req.db)
        switch try await Takstlaesning.laes(ind.formular, aar: m.aar, tilbudID: t.id, eksisterende: m, lager: lager) {
        case .fejl(let fejl): throw APIController.feltfejl(fejl)
        case .ok(let niveau, _):
            let ny = try await lager.opretRettelse(niveauID: m.id, grundlag: niveau.grundlag, basisYdelse: niveau.basisYdelse,
                                                   begrundelse: ind.begrundelse ?? "", af: req.revisionsnavn)
            return try await APIController.ud(ny).encodeResponse(status: .created, for: req)
        }
    }

    func offentliggoer(req: Request) async throws -> OffentliggoerUd {
        try req.kraev(.offentliggoer)
        let o = try req.content.decode(OffentliggoerInd.self)
        return OffentliggoerUd(aar: o.aar, antal: try await Lager(req.db).offentliggoer(aar: o.aar, af: req.revisionsnavn))
    }

    // MARK: Socialtilsyn

    func socialtilsyn(req: Request) async throws -> Response {
        let b = try req.kraev(.vedligeholdSocialtilsyn)
        guard let region = b.region else { throw Abort(.forbidden, reason: "Din organisation har ingen region.") }
        guard let aar = req.parameters.get("aar", as: Int.self), Aarsinterval.erGyldigt(aar) else {
            throw Abort(.badRequest, reason: "aar: skal være et helt tal fra \(Aarsinterval.gyldige.lowerBound) til \(Aarsinterval.gyldige.upperBound).")
        }
        let input = try JSONKodning.dekod(SocialtilsynInput.self, fra: Data(buffer: req.body.data ?? ByteBuffer()))
        guard input.budgetaar == aar else {
            throw Valideringsfejl(felt: "budgetaar", besked: "indholdet er for \(input.budgetaar), adressen for \(aar)")
        }
        let r = try await Lager(req.db).gemSocialtilsynsgrundlag(region: region, input, af: req.revisionsnavn)
        var h = HTTPHeaders()
        h.contentType = .json
        return Response(status: .ok, headers: h, body: .init(data: try JSONKodning.kod(r)))
    }

    // MARK: Revisionslog

    func haendelser(req: Request) async throws -> Response {
        try req.kraev(.laesRevisionslog)
        let p = req.parametre
        func s(_ n: String) throws -> String? { try p.tekst(n).flatMap { $0.isEmpty ? nil : $0 } }
        let side = try p.heltal("side", 1...Int(Int32.max)) ?? 1, antal = try p.heltal("antal", 1...1000) ?? 100
        let (h, i_alt) = try await Lager(req.db).haendelser(Haendelsesfilter(
            bruger: try s("bruger"), entitet: try s("entitet"), handling: try s("handling"), entitetID: try s("id"),
            fra: try p.dato("fra").flatMap(Datoer.dato), til: try p.dato("til").flatMap(Datoer.dato).map { $0.addingTimeInterval(24 * 3600) },
            forskydning: (side - 1) * antal, graense: antal))
        let svar = try await h.map { HaendelseUd(tidspunkt: $0.tidspunkt, bruger: $0.bruger, handling: $0.handling, entitet: $0.entitet,
                                                 entitetID: $0.entitetID, foer: $0.foer, efter: $0.efter, begrundelse: $0.begrundelse) }
            .encodeResponse(for: req)
        svar.headers.replaceOrAdd(name: "X-Total-Count", value: "\(i_alt)")
        return svar
    }
}
