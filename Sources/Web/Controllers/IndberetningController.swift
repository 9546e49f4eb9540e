import Fluent
import Lager
import Plot
import Takstregler
import Vapor

/// A driftsherre's reporting (DOMAIN.md 3, 7): next year's takster (computed on the server when
/// saved, guarded by the revision the form was opened at), regnskab and quarterly belægning,
/// drafts and submission, status per tilbud and the deadline. Only its own tilbud; the
/// secretariat may read the same pages.
struct IndberetningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("indberetning").grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.get(use: oversigt)
        r.get("tilbud", ":id", use: tilbudSide)
        r.get("tilbud", ":id", "takst", use: takstSide)
        r.post("tilbud", ":id", "takst", use: gemTakst)
        r.post("tilbud", ":id", "regnskab", use: gemRegnskab)
        r.post("tilbud", ":id", "belaegning", use: gemBelaegning)
        r.post("niveau", ":id", "indsend", use: indsend)
    }



    // MARK: Oversigt

    func oversigt(req: Request) async throws -> Response {
        let b = try req.kraev(.indberetTakst)
        let aar = try req.parametre.aar(formular: true) ?? req.naesteAar
        let lager = Lager(req.db)
        let tilbud = try await lager.egneTilbud(organisation: b.organisation ?? "")
        var status: [UUID: [GemtTakstniveau]] = [:]
        for t in tilbud { status[t.id] = try await lager.takstniveauer(tilbudID: t.id, aar: aar) }
        let frist = try await b.region.asyncMap { try await lager.aarsparametre(aar: aar, region: $0).fristTakster } ?? nil
        return Side.html(IndberetningSider.oversigt(bruger: b, aar: aar, tilbud: tilbud, niveauer: status, frist: frist,
                                                    kontekst: req.sidekontekst))
    }

    // MARK: Tilbud

    static func hentTilbud(_ req: Request) async throws -> TilbudMedEjer {
        guard let id = req.parameters.get("id", as: UUID.self), let t = try await Lager(req.db).tilbudMedEjer(id: id) else {
            throw Abort(.notFound, reason: "Tilbuddet findes ikke.")
        }
        return t
    }

    struct Formularer {
        var regnskab: [String: String] = [:]
        var regnskabsfejl: [String: String] = [:]
        var belaegning: [String: String] = [:]
        var belaegningsfejl: [String: String] = [:]
    }

    func tilbudSide(req: Request) async throws -> Response {
        let t = try await IndberetningController.hentTilbud(req)
        try req.kraev(.laesKladder, tilbud: t)
        return try await visTilbud(req, t, aar: req.parametre.aar(formular: true) ?? req.naesteAar, formularer: Formularer())
    }

    func visTilbud(_ req: Request, _ t: TilbudMedEjer, aar: Int, formularer: Formularer, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lager = Lager(req.db)
        let niveauer = try await lager.takstniveauer(tilbudID: t.id, aar: aar)
        var afvisninger: [UUID: String] = [:]
        for n in niveauer where n.status == .afvist {
            let h = try await lager.haendelser(Haendelsesfilter(handling: Status.afvist.rawValue, entitetID: n.id.uuidString, graense: 1))
            afvisninger[n.id] = h.haendelser.first?.begrundelse
        }
        let sidsteAar = try await lager.takstniveauer(tilbudID: t.id, aar: aar - 1).filter { $0.status == .offentliggjort }
        let regnskaber = try await lager.gemteRegnskaber(tilbudID: t.id)
        let belaegningsaar = Int(formularer.belaegning["b_aar"] ?? "") ?? req.ur.aar
        let belaegninger = try await lager.belaegninger(tilbudID: t.id, aar: belaegningsaar)
        let frist = try await t.region.asyncMap { try await lager.aarsparametre(aar: aar, region: $0).fristTakster } ?? nil
        let kanSkrive = Adgang.maa(req.rolle, .indberetTakst) && (req.bruger?.ejer(driftsherre: t.tilbud.driftsherre, overordnet: t.driftsherrensOverordnede) ?? false)
        return Side.html(IndberetningSider.tilbud(
            t, aar: aar, niveauer: niveauer, afvisninger: afvisninger, sidsteAar: sidsteAar, regnskaber: regnskaber,
            belaegningsaar: belaegningsaar, belaegninger: belaegninger, frist: frist, formularer: formularer, kanSkrive: kanSkrive,
            sekretariat: Adgang.maa(req.rolle, .godkend), hensaettelser: try await lager.hensaettelser(tilbudID: t.id),
            csrf: req.csrfToken, kontekst: req.sidekontekst), status: status)
    }

    // MARK: Takst

    func takstSide(req: Request) async throws -> Response {
        let t = try await IndberetningController.hentTilbud(req)
        try req.kraev(.laesKladder, tilbud: t)
        let aar = try req.parametre.aar(formular: true) ?? req.naesteAar
        let navn = try req.parametre.udfyldt("niveau") ?? ""
        // A period that is not a date would find no level and open an empty form as if it were new.
        let gyldigFra = try req.parametre.dato("gyldig_fra", formular: true)
        let lager = Lager(req.db)
        var info: [String] = []
        var formular = Takstformular()
        var eksisterende: GemtTakstniveau?
        var beregning: (Takstniveau, Takstresultat)?
        if !navn.isEmpty {
            eksisterende = try await lager.takstniveauer(tilbudID: t.id, aar: aar)
                .nyeste(navn: navn, aar: aar, gyldigFra: gyldigFra)
            if let e = eksisterende {
                let n = e.niveau
                formular = Takstformular(niveau: n)
                formular["begrundelse"] = e.begrundelse ?? ""
                beregning = (n, try n.beregn())
            } else if let fra = try req.parametre.aar("fra", formular: true),
                      let forrige = try await lager.takstniveauer(tilbudID: t.id, aar: fra).first(where: { $0.navn == navn && $0.status == .offentliggjort }) {
                formular = Takstformular(niveau: forrige.niveau)
                info.append("Udfyldt med tallene fra \(fra) (version \(forrige.version)). Ret dem til budgettet for \(aar), og tryk Beregn eller Gem.")
            } else {
                formular["niveau"] = navn
            }
        }
        if formular["overhead_metode"].isEmpty, let region = t.region,
           let o = try await lager.aarsparametre(aar: aar, region: region).overhead {
            formular.felter.merge(Takstformular.overheadfelter(o)) { $1 }
        }
        return try await visTakstformular(req, t, aar: aar, formular: formular, eksisterende: eksisterende, fejl: [:], generelle: [],
                                          beregning: beregning, info: info)
    }

    func visTakstformular(_ req: Request, _ t: TilbudMedEjer, aar: Int, formular: Takstformular, eksisterende: GemtTakstniveau?,
                          fejl: [String: String], generelle: [String], beregning: (Takstniveau, Takstresultat)?, info: [String],
                          status: HTTPResponseStatus = .ok) async throws -> Response {
        let overhead = try await t.region.asyncMap { try await Lager(req.db).aarsparametre(aar: aar, region: $0).overhead } ?? nil
        let kanSkrive = Adgang.maa(req.rolle, .indberetTakst)
            && (req.bruger?.ejer(driftsherre: t.tilbud.driftsherre, overordnet: t.driftsherrensOverordnede) ?? false)
        let redigerbar = eksisterende.map { $0.status.kanRettesAfIndberetter } ?? true
        return Side.html(TakstformularSide(
            art: .indberetning, tilbud: t, aar: aar, formular: formular, fejl: fejl, generelle: generelle,
            status: eksisterende?.status, version: eksisterende?.version, revision: eksisterende?.revision,
            beregning: beregning, info: info, handling: "/indberetning/tilbud/\(t.id.uuidString)/takst",
            overheadParameter: overhead, kanGemme: kanSkrive && redigerbar, navnLaast: eksisterende != nil,
            csrf: req.csrfToken, kontekst: req.sidekontekst).html, status: status)
    }

    func gemTakst(req: Request) async throws -> Response {
        let t = try await IndberetningController.hentTilbud(req)
        try req.kraev(.indberetTakst, tilbud: t)
        var formular = Takstformular(felter: try req.content.decode([String: String].self))
        formular.felter[CSRFMiddleware.feltnavn] = nil
        let handling = formular["handling"]
        guard let aar = Int(formular["aar"]), Aarsinterval.gyldige.contains(aar) else { throw Abort(.badRequest, reason: "Året mangler i formularen.") }
        let lager = Lager(req.db)
        let navn = formular["niveau"].trimmingCharacters(in: .whitespaces)
        let eksisterende = navn.isEmpty ? nil : try await lager.takstniveauer(tilbudID: t.id, aar: aar)
            .nyeste(navn: navn, aar: aar, gyldigFra: formular["gyldig_fra"])
        func igen(_ fejl: [String: String], _ generelle: [String] = [], beregning: (Takstniveau, Takstresultat)? = nil,
                  info: [String] = [], status: HTTPResponseStatus) async throws -> Response {
            try await visTakstformular(req, t, aar: aar, formular: formular, eksisterende: eksisterende, fejl: fejl, generelle: generelle,
                                       beregning: beregning, info: info, status: status)
        }
        let udfald = try await Takstlaesning.laes(formular, aar: aar, tilbudID: t.id, eksisterende: eksisterende, lager: lager)
        guard case .ok(let niveau, let resultat) = udfald else {
            if case .fejl(let fejl) = udfald { return try await igen(fejl, status: .unprocessableEntity) }
            return try await igen([:], status: .unprocessableEntity)
        }
        if handling == "beregn" {
            return try await igen([:], beregning: (niveau, resultat),
                                  info: ["Beregnet, ikke gemt: \(niveau.grundlag.enhed.tekst) \(Visning.kroner(resultat.takst, niveau.grundlag.afrunding)) kr."],
                                  status: .ok)
        }
        if let e = eksisterende {
            guard e.status.kanRettesAfIndberetter else {
                return try await igen([:], ["\(e.navn) \(aar) er \(e.status.tekst.lowercased()) og kan ikke ændres her. Sekretariatet kan afvise den, så du kan rette den."],
                                      status: .conflict)
            }
            if formular["revision"].isEmpty {
                return try await igen(["niveau": "Der findes allerede et takstniveau \"\(e.navn)\" for \(aar). Åbn det fra oversigten, og ret det dér – eller giv det nye niveau et andet navn."],
                                      status: .conflict)
            }
        }
        let begrundelse = formular["begrundelse"].trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let m = try await lager.gemTakstniveau(tilbudID: t.id, niveau: niveau, af: req.revisionsnavn,
                                                   begrundelse: begrundelse.isEmpty ? nil : begrundelse,
                                                   forventetRevision: Int(formular["revision"]))
            var tekst = "\(niveau.navn) \(aar) er gemt som kladde: \(niveau.grundlag.enhed.tekst) \(Visning.kroner(resultat.takst, niveau.grundlag.afrunding)) kr."
            if handling == "indsend" {
                do {
                    try await lager.skiftStatus(niveauID: m.id, til: .indsendt, af: req.revisionsnavn)
                } catch let v as Valideringsfejl {
                    // Saved, not submitted (DOMAIN.md 7): the form comes back at the new revision with the reason at its field.
                    formular["revision"] = "\(m.revision)"
                    return try await visTakstformular(req, t, aar: aar, formular: formular, eksisterende: m,
                                                      fejl: [v.felt: Visning.saetning(v.besked)],
                                                      generelle: ["\(niveau.navn) \(aar) er gemt som kladde, men ikke indsendt."],
                                                      beregning: (niveau, resultat), info: [], status: .unprocessableEntity)
                }
                tekst = "\(niveau.navn) \(aar) er gemt og indsendt til sekretariatet: \(niveau.grundlag.enhed.tekst) \(Visning.kroner(resultat.takst, niveau.grundlag.afrunding)) kr."
            }
            req.saetBesked(tekst)
            return req.redirect(to: "/indberetning/tilbud/\(t.id.uuidString)/takst" + E.soegestreng([("aar", "\(aar)"), ("niveau", niveau.navn),
                                                                                                     ("gyldig_fra", niveau.gyldigFra ?? "")]))
        } catch Lagerfejl.konflikt(let besked) {
            // Nothing is lost: the form comes back as typed, now at the current revision, with the other change described.
            let nu = try await lager.takstniveauer(tilbudID: t.id, aar: aar).nyeste(navn: navn, aar: aar, gyldigFra: formular["gyldig_fra"])
            formular["revision"] = nu.map { "\($0.revision)" } ?? ""
            return try await visTakstformular(req, t, aar: aar, formular: formular, eksisterende: nu, fejl: [:],
                                              generelle: ["Konflikt: \(besked)", "Dine tal står stadig i formularen. Gemmer du igen, erstatter de den andens ændring."],
                                              beregning: (niveau, resultat), info: [], status: .conflict)
        }
    }

    func indsend(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let m = try await Lager(req.db).takstniveau(id: id),
              let t = try await Lager(req.db).tilbudMedEjer(id: m.tilbudID) else {
            throw Abort(.notFound, reason: "Takstniveauet findes ikke.")
        }
        try req.kraev(.indsendTakst, tilbud: t)
        try await Lager(req.db).skiftStatus(niveauID: id, til: .indsendt, af: req.revisionsnavn)
        req.saetBesked("\(m.navn) \(m.aar) er indsendt til sekretariatet.")
        return req.redirect(to: "/indberetning/tilbud/\(t.id.uuidString)?aar=\(m.aar)")
    }

    // MARK: Regnskab og belægning

    func gemRegnskab(req: Request) async throws -> Response {
        let t = try await IndberetningController.hentTilbud(req)
        try req.kraev(.indberetRegnskab, tilbud: t)
        let f = try req.formularfelter()
        let aar = Int(f["aar"] ?? "") ?? req.naesteAar
        let lager = Lager(req.db)
        switch Regnskabsformular.laes(f, iaar: req.ur.aar) {
        case .fejl(let fejl):
            return try await visTilbud(req, t, aar: aar, formularer: Formularer(regnskab: f, regnskabsfejl: fejl), status: .unprocessableEntity)
        case .ok(let r):
            if let e = try await lager.gemteRegnskaber(tilbudID: t.id).first(where: { $0.aar == r.aar }),
               !e.status.kanRettesAfIndberetter {
                return try await visTilbud(req, t, aar: aar, formularer: Formularer(regnskab: f, regnskabsfejl: [
                    "r_aar": "Regnskabet for \(r.aar) er \(e.status.tekst.lowercased()) og kan ikke ændres her.",
                ]), status: .conflict)
            }
            let indsend = f["handling"] == "indsend"
            try await lager.gemRegnskab(tilbudID: t.id, r, status: indsend ? .indsendt : .kladde, af: req.revisionsnavn)
            req.saetBesked("Regnskabet for \(r.aar) er \(indsend ? "indsendt til sekretariatet" : "gemt som kladde").")
            return req.redirect(to: "/indberetning/tilbud/\(t.id.uuidString)?aar=\(aar)#regnskab")
        }
    }

    func gemBelaegning(req: Request) async throws -> Response {
        let t = try await IndberetningController.hentTilbud(req)
        try req.kraev(.indberetRegnskab, tilbud: t)
        let f = try req.formularfelter()
        let aar = Int(f["aar"] ?? "") ?? req.naesteAar
        switch Regnskabsformular.laesBelaegning(f) {
        case .fejl(let fejl):
            return try await visTilbud(req, t, aar: aar, formularer: Formularer(belaegning: f, belaegningsfejl: fejl), status: .unprocessableEntity)
        case .ok(let b):
            try await Lager(req.db).gemBelaegning(tilbudID: t.id, b, af: req.revisionsnavn)
            req.saetBesked("Belægningen for \(b.kvartal). kvartal \(b.aar) (\(b.art.tekst.lowercased())) er gemt.")
            return req.redirect(to: "/indberetning/tilbud/\(t.id.uuidString)?aar=\(aar)#belaegning")
        }
    }
}

/// Reading a takst form into a computed takstniveau: parse, add the efterregulering from the
/// stored regnskab, keep an existing basis/ydelse split, compute. Shared by the driftsherre's
/// form, the secretariat's correction and the API.
enum Takstlaesning {
    enum Udfald {
        case ok(Takstniveau, Takstresultat)
        case fejl([String: String])
    }

    static func laes(_ f: Takstformular, aar: Int, tilbudID: UUID, eksisterende: GemtTakstniveau?, lager: Lager) async throws -> Udfald {
        let (laest, valg, fejl) = f.fortolk(aar: aar)
        guard var niveau = laest else { return .fejl(fejl) }
        if let valg {
            if let r = try await lager.efterregulering(tilbudID: tilbudID, takstaar: aar, valg: valg) {
                niveau.grundlag.reguleringer = [r]
            } else {
                return .fejl(["hensaettelse": "Tilbuddet har intet godkendt regnskab med et resultat for \(Efterregulering.regnskabsaar(forTakstaar: aar)), så der er intet at efterregulere."])
            }
        }
        if let e = eksisterende, !f.harBasisYdelsesfelter { niveau.basisYdelse = e.niveau.basisYdelse }
        if let by = niveau.basisYdelse {
            // The split's own refusals belong to its own fields (its names overlap the level's).
            do { _ = try BasisYdelse.beregn(by) } catch let v as Valideringsfejl {
                return .fejl(["by_\(v.felt)": Visning.saetning(v.besked)])
            }
        }
        do {
            let n = try niveau.medKontrolleretPeriode()
            return .ok(n, try n.beregn())
        } catch {
            guard let fejl = Takstformular.feltfejl(error) else { throw error }
            return .fejl(fejl)
        }
    }
}

/// The regnskab and belægning forms (fields prefixed `r_` and `b_`, as they share a page).
enum Regnskabsformular {
    enum Udfald<T> {
        case ok(T)
        case fejl([String: String])
    }

    static func tal(_ f: [String: String], _ felt: String, _ hvad: String, kraevet: Bool, fejl: inout [String: String]) -> Decimal? {
        Visning.formulartal(f[felt], felt: felt, hvad: hvad, kraevet: kraevet, fejl: &fejl)
    }

    static func laes(_ f: [String: String], iaar: Int) -> Udfald<Regnskab> {
        var fejl: [String: String] = [:]
        let aar = Int((f["r_aar"] ?? "").trimmingCharacters(in: .whitespaces))
        if aar == nil || !Aarsinterval.gyldige.contains(aar!) { fejl["r_aar"] = "Skriv regnskabsåret som et årstal, fx \(iaar - 1)." }
        let omk = tal(f, "r_omkostninger", "årets omkostninger", kraevet: true, fejl: &fejl)
        let ind = tal(f, "r_takstindtaegter", "takstindtægterne", kraevet: false, fejl: &fejl)
        let bel = tal(f, "r_belaegning", "belægningen", kraevet: true, fejl: &fejl)
        let ou = tal(f, "r_over_underskud", "over-/underskuddet", kraevet: false, fejl: &fejl)
        let till = tal(f, "r_tillaegsydelser", "tillægsydelserne", kraevet: false, fejl: &fejl)
        if let omk, omk < 0 { fejl["r_omkostninger"] = "Årets omkostninger må ikke være negative." }
        if let bel, bel < 0 { fejl["r_belaegning"] = "Belægningen må ikke være negativ." }
        if let till, till < 0 { fejl["r_tillaegsydelser"] = "Tillægsydelserne må ikke være negative." }
        guard fejl.isEmpty, let aar, let omk, let bel else { return .fejl(fejl) }
        return .ok(Regnskab(aar: aar, omkostninger: omk, takstindtaegter: ind, belaegning: bel, overUnderskud: ou, tillaegsydelser: till))
    }

    static func laesBelaegning(_ f: [String: String]) -> Udfald<Belaegning> {
        var fejl: [String: String] = [:]
        let aar = Int((f["b_aar"] ?? "").trimmingCharacters(in: .whitespaces))
        if aar == nil || !Aarsinterval.gyldige.contains(aar!) { fejl["b_aar"] = "Skriv året som et årstal." }
        let kvartal = Int(f["b_kvartal"] ?? "")
        if kvartal == nil || !(1...4).contains(kvartal!) { fejl["b_kvartal"] = "Vælg kvartal 1, 2, 3 eller 4." }
        let art = Belaegningsart(rawValue: f["b_art"] ?? "")
        if art == nil { fejl["b_art"] = "Vælg dag, døgn, åben eller lukket." }
        let normering = tal(f, "b_normering", "normeringen", kraevet: true, fejl: &fejl)
        let forbrug = tal(f, "b_forbrug", "forbruget", kraevet: true, fejl: &fejl)
        if let normering, normering < 0 { fejl["b_normering"] = "Normeringen må ikke være negativ." }
        if let forbrug, forbrug < 0 { fejl["b_forbrug"] = "Forbruget må ikke være negativt." }
        guard fejl.isEmpty, let aar, let kvartal, let art else { return .fejl(fejl) }
        return .ok(Belaegning(aar: aar, kvartal: kvartal, normering: normering, forbrug: forbrug, art: art))
    }
}

extension Takstformular {
    static func overheadfelter(_ o: Overheadmetode) -> [String: String] {
        switch o {
        case .ingen: return ["overhead_metode": "ingen"]
        case .procentAfDirekte(let p): return ["overhead_metode": "procent", "overhead_vaerdi": Takstformular.tal(p)]
        case .bruttoandel(let p): return ["overhead_metode": "bruttoandel", "overhead_vaerdi": Takstformular.tal(p)]
        case .beloeb(let b): return ["overhead_metode": "beloeb", "overhead_vaerdi": Takstformular.tal(b)]
        }
    }
}

extension Optional {
    func asyncMap<U>(_ f: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let v): return try await f(v)
        case .none: return nil
        }
    }
}
