import Fluent
import Lager
import Plot
import Takstregler
import Vapor

/// The secretariat (DOMAIN.md 2, 7): the review queue, rejection with a comment, approval with
/// the decision reference, publication of a year, corrections as new versions, the yearly
/// parameters, and the audit log (also for the administrator).
struct SekretariatController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped(KraevLoginMiddleware(), CSRFMiddleware())
        let s = r.grouped("sekretariat")
        s.get(use: koe)
        s.get("niveau", ":id", use: niveauSide)
        s.post("niveau", ":id", "godkend", use: godkend)
        s.post("niveau", ":id", "afvis", use: afvis)
        s.post("niveau", ":id", "indsend", use: indsendRettelse)
        s.post("niveau", ":id", "offentliggoer", use: offentliggoerNiveau)
        s.get("niveau", ":id", "ret", use: retSide)
        s.post("niveau", ":id", "ret", use: ret)
        s.post("offentliggoer", use: offentliggoer)
        s.post("regnskab", ":id", ":aar", "godkend", use: godkendRegnskab)
        s.post("regnskab", ":id", ":aar", "afvis", use: afvisRegnskab)
        s.get("parametre", use: parametreSide)
        s.post("parametre", use: gemParametre)
        r.get("revisionslog", use: revisionslog)
    }

    // MARK: Kø

    func koe(req: Request) async throws -> Response {
        try req.kraev(.godkend)
        let lager = Lager(req.db)
        let q = try req.parametre.udfyldt("q") ?? ""
        var fundne: [TilbudMedTakster] = []
        if !q.isEmpty {
            fundne = try await lager.arbejdsliste(aar: req.naesteAar, medTommeTilbud: true)
                .filter { $0.tilbud.navn.localizedCaseInsensitiveContains(q) || $0.tilbud.driftsherre.localizedCaseInsensitiveContains(q) }
        }
        return Side.html(SekretariatSider.koe(
            koe: try await lager.behandlingskoe(), godkendte: try await lager.godkendteIkkeOffentliggjorte(),
            regnskaber: try await lager.indsendteRegnskaber(), soeg: q, fundne: fundne, csrf: req.csrfToken, kontekst: req.sidekontekst))
    }

    // MARK: Et takstniveau

    struct Niveaudata {
        let model: GemtTakstniveau
        let niveau: Takstniveau
        let tilbud: TilbudMedEjer
    }

    static func hentNiveau(_ req: Request) async throws -> Niveaudata {
        let lager = Lager(req.db)
        guard let id = req.parameters.get("id", as: UUID.self), let m = try await lager.takstniveau(id: id),
              let t = try await lager.tilbudMedEjer(id: m.tilbudID) else {
            throw Abort(.notFound, reason: "Takstniveauet findes ikke.")
        }
        return Niveaudata(model: m, niveau: m.niveau, tilbud: t)
    }

    func niveauSide(req: Request) async throws -> Response {
        try req.kraev(.godkend)
        return try await visNiveau(req, try await SekretariatController.hentNiveau(req), fejl: [:], felter: [:])
    }

    func visNiveau(_ req: Request, _ d: Niveaudata, fejl: [String: String], felter: [String: String],
                   status: HTTPResponseStatus = .ok) async throws -> Response {
        let lager = Lager(req.db)
        let versioner = try await lager.versioner(tilbudID: d.tilbud.id).filter { $0.navn == d.niveau.navn }
        // Newest first; an imported level's creation is its import's event.
        let haendelser = try await lager.haendelser(Haendelsesfilter(entitetID: d.model.id.uuidString, graense: 100)).haendelser
            + [try await lager.importhaendelse(takstniveau: d.model.id)].compactMap { $0 }
        let sidsteAar = try await lager.offentligTakstliste(aar: d.niveau.aar - 1).first { $0.id == d.tilbud.id }?
            .paaDato("\(d.niveau.aar - 1)-12-31").niveauer.first { $0.niveau.navn == d.niveau.navn }?.takst
        return Side.html(SekretariatSider.niveau(d, resultat: try d.niveau.beregn(), versioner: versioner, haendelser: haendelser,
                                                 sidsteAar: sidsteAar, hensaettelser: try await lager.hensaettelser(tilbudID: d.tilbud.id), fejl: fejl, felter: felter, csrf: req.csrfToken,
                                                 kontekst: req.sidekontekst), status: status)
    }

    func godkend(req: Request) async throws -> Response {
        try req.kraev(.godkend)
        let d = try await SekretariatController.hentNiveau(req)
        let f = try req.formularfelter()
        var fejl: [String: String] = [:]
        let organ = (f["organ"] ?? "").trimmingCharacters(in: .whitespaces)
        let dato = (f["dato"] ?? "").trimmingCharacters(in: .whitespaces)
        let punkt = (f["punkt"] ?? "").trimmingCharacters(in: .whitespaces)
        let tekst = (f["tekst"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if organ.isEmpty { fejl["organ"] = "Vælg det organ, der har godkendt (fx DAS, FU eller KKR)." }
        if !Datoer.erDato(dato) { fejl["dato"] = "Skriv mødedatoen som en dato (åååå-mm-dd)." }
        if punkt.isEmpty { fejl["punkt"] = "Skriv dagsordenspunktet." }
        guard fejl.isEmpty else { return try await visNiveau(req, d, fejl: fejl, felter: f, status: .unprocessableEntity) }
        let beslutning = Beslutning(organ: organ, dato: dato, punkt: punkt,
                                    tekst: tekst.isEmpty ? "\(organ) godkendte \(d.niveau.navn) \(d.niveau.aar) for \(d.tilbud.tilbud.navn)" : tekst,
                                    delegation: f["delegation"])
        let midlertidig = f["midlertidig"] == "ja"
        try await Lager(req.db).skiftStatus(niveauID: d.model.id, til: .godkendt, af: req.revisionsnavn,
                                            begrundelse: beslutning.tekst, beslutning: beslutning, midlertidig: midlertidig)
        req.saetBesked("\(d.tilbud.tilbud.navn) – \(d.niveau.navn) \(d.niveau.aar) er godkendt\(midlertidig ? " som midlertidig takst" : "") (\(organ) \(Visning.dato(dato)), punkt \(punkt)).")
        return req.redirect(to: "/sekretariat")
    }

    func afvis(req: Request) async throws -> Response {
        try req.kraev(.afvis)
        let d = try await SekretariatController.hentNiveau(req)
        let f = try req.formularfelter()
        let kommentar = (f["begrundelse"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !kommentar.isEmpty else {
            return try await visNiveau(req, d, fejl: ["begrundelse": "Skriv en kommentar til driftsherren: hvad skal rettes?"], felter: f,
                                       status: .unprocessableEntity)
        }
        try await Lager(req.db).skiftStatus(niveauID: d.model.id, til: .afvist, af: req.revisionsnavn, begrundelse: kommentar)
        req.saetBesked("\(d.tilbud.tilbud.navn) – \(d.niveau.navn) \(d.niveau.aar) er afvist og sendt tilbage til driftsherren.")
        return req.redirect(to: "/sekretariat")
    }

    func indsendRettelse(req: Request) async throws -> Response {
        try req.kraev(.ret)
        let d = try await SekretariatController.hentNiveau(req)
        guard d.niveau.version > 1 else {
            throw Abort(.conflict, reason: "Kun rettelser (version 2 og frem) sendes til godkendelse af sekretariatet; driftsherren indsender selv sine takster.")
        }
        try await Lager(req.db).skiftStatus(niveauID: d.model.id, til: .indsendt, af: req.revisionsnavn)
        req.saetBesked("Rettelsen (version \(d.niveau.version)) er klar til godkendelse.")
        return req.redirect(to: "/sekretariat/niveau/\(d.model.id.uuidString)")
    }

    func offentliggoerNiveau(req: Request) async throws -> Response {
        try req.kraev(.offentliggoer)
        let d = try await SekretariatController.hentNiveau(req)
        try await Lager(req.db).offentliggoerNiveau(d.model.id, af: req.revisionsnavn)
        req.saetBesked("\(d.tilbud.tilbud.navn) – \(d.niveau.navn) \(d.niveau.aar) version \(d.niveau.version) er offentliggjort.")
        return req.redirect(to: "/sekretariat/niveau/\(d.model.id.uuidString)")
    }

    // MARK: Rettelse

    func retSide(req: Request) async throws -> Response {
        try req.kraev(.ret)
        let d = try await SekretariatController.hentNiveau(req)
        var f = Takstformular(niveau: d.niveau)
        f["begrundelse"] = ""
        return try await visRettelse(req, d, f, fejl: [:], generelle: [], beregning: (d.niveau, try d.niveau.beregn()))
    }

    func visRettelse(_ req: Request, _ d: Niveaudata, _ f: Takstformular, fejl: [String: String], generelle: [String],
                     beregning: (Takstniveau, Takstresultat)?, info: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        var info = info
        if d.model.status != .offentliggjort {
            info.append("Kun offentliggjorte takster rettes som ny version; denne er \(d.model.status.tekst.lowercased()).")
        }
        return Side.html(TakstformularSide(
            art: .rettelse, tilbud: d.tilbud, aar: d.niveau.aar, formular: f, fejl: fejl, generelle: generelle,
            status: d.model.status, version: d.niveau.version, revision: nil, beregning: beregning, info: info,
            handling: "/sekretariat/niveau/\(d.model.id.uuidString)/ret", overheadParameter: nil,
            kanGemme: d.model.status == .offentliggjort, navnLaast: true, csrf: req.csrfToken,
            kontekst: req.sidekontekst).html, status: status)
    }

    func ret(req: Request) async throws -> Response {
        try req.kraev(.ret)
        let d = try await SekretariatController.hentNiveau(req)
        var f = Takstformular(felter: try req.formularfelter())
        f["niveau"] = d.niveau.navn
        let lager = Lager(req.db)
        let udfald = try await Takstlaesning.laes(f, aar: d.niveau.aar, tilbudID: d.tilbud.id, eksisterende: d.model, lager: lager)
        guard case .ok(let niveau, let resultat) = udfald else {
            if case .fejl(let fejl) = udfald { return try await visRettelse(req, d, f, fejl: fejl, generelle: [], beregning: nil, status: .unprocessableEntity) }
            throw Abort(.unprocessableEntity)
        }
        if f["handling"] == "beregn" {
            return try await visRettelse(req, d, f, fejl: [:], generelle: [], beregning: (niveau, resultat),
                                         info: ["Beregnet, ikke gemt: \(Visning.kroner(resultat.takst, niveau.grundlag.afrunding)) kr."])
        }
        let begrundelse = f["begrundelse"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !begrundelse.isEmpty else {
            return try await visRettelse(req, d, f, fejl: ["begrundelse": "En rettelse skal have en begrundelse."], generelle: [],
                                         beregning: (niveau, resultat), status: .unprocessableEntity)
        }
        let ny = try await lager.opretRettelse(niveauID: d.model.id, grundlag: niveau.grundlag, basisYdelse: niveau.basisYdelse,
                                               begrundelse: begrundelse, af: req.revisionsnavn)
        req.saetBesked("Rettelsen er oprettet som version \(ny.version) (kladde): \(Visning.kroner(resultat.takst, niveau.grundlag.afrunding)) kr. Version \(d.niveau.version) er fortsat offentlig, indtil rettelsen er godkendt og offentliggjort.")
        return req.redirect(to: "/sekretariat/niveau/\(ny.id.uuidString)")
    }

    // MARK: Offentliggørelse

    func offentliggoer(req: Request) async throws -> Response {
        try req.kraev(.offentliggoer)
        let f = try req.formularfelter()
        guard let aar = Int(f["aar"] ?? ""), Aarsinterval.gyldige.contains(aar) else {
            throw Abort(.unprocessableEntity, reason: "Vælg det år, der skal offentliggøres.")
        }
        let antal = try await Lager(req.db).offentliggoer(aar: aar, af: req.revisionsnavn)
        req.saetBesked(antal == 0 ? "Der var ingen godkendte takster for \(aar) at offentliggøre."
                                  : "\(antal) takstniveau\(antal == 1 ? "" : "er") for \(aar) er offentliggjort.")
        return req.redirect(to: "/sekretariat")
    }

    // MARK: Regnskab

    func regnskabsmaal(_ req: Request) async throws -> (TilbudMedEjer, Int) {
        guard let id = req.parameters.get("id", as: UUID.self), let t = try await Lager(req.db).tilbudMedEjer(id: id),
              let aar = req.parameters.get("aar", as: Int.self) else { throw Abort(.notFound, reason: "Regnskabet findes ikke.") }
        return (t, aar)
    }

    func godkendRegnskab(req: Request) async throws -> Response {
        try req.kraev(.godkend)
        let (t, aar) = try await regnskabsmaal(req)
        try await Lager(req.db).skiftRegnskabsstatus(tilbudID: t.id, aar: aar, til: .godkendt, af: req.revisionsnavn,
                                                     begrundelse: (try req.formularfelter()["begrundelse"]).flatMap { $0.isEmpty ? nil : $0 })
        req.saetBesked("Regnskabet \(aar) for \(t.tilbud.navn) er godkendt.")
        return req.redirect(to: "/sekretariat")
    }

    func afvisRegnskab(req: Request) async throws -> Response {
        try req.kraev(.afvis)
        let (t, aar) = try await regnskabsmaal(req)
        let kommentar = (try req.formularfelter()["begrundelse"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !kommentar.isEmpty else { throw Abort(.unprocessableEntity, reason: "Skriv en kommentar til driftsherren, når et regnskab afvises.") }
        try await Lager(req.db).skiftRegnskabsstatus(tilbudID: t.id, aar: aar, til: .afvist, af: req.revisionsnavn, begrundelse: kommentar)
        req.saetBesked("Regnskabet \(aar) for \(t.tilbud.navn) er afvist.")
        return req.redirect(to: "/sekretariat")
    }

    // MARK: Parametre

    func parametreSide(req: Request) async throws -> Response {
        try req.kraev(.saetParametre)
        let lager = Lager(req.db)
        let regioner = try await lager.regioner()
        let aar = try req.parametre.aar(formular: true) ?? req.naesteAar
        let region = try req.parametre.valg("region", blandt: regioner) ?? regioner.first ?? ""
        let p = try await lager.aarsparametre(aar: aar, region: region)
        return Side.html(SekretariatSider.parametre(aar: aar, region: region, regioner: regioner, felter: Parameterformular.felter(p),
                                                    fejl: [:], csrf: req.csrfToken, kontekst: req.sidekontekst))
    }

    func gemParametre(req: Request) async throws -> Response {
        try req.kraev(.saetParametre)
        let f = try req.formularfelter()
        let lager = Lager(req.db)
        let regioner = try await lager.regioner()
        guard let aar = Int(f["aar"] ?? ""), Aarsinterval.gyldige.contains(aar) else { throw Abort(.unprocessableEntity, reason: "Året mangler.") }
        guard let region = f["region"], regioner.contains(region) else { throw Abort(.unprocessableEntity, reason: "Vælg en region.") }
        let nu = try await lager.aarsparametre(aar: aar, region: region)
        switch Parameterformular.laes(f) {
        case .fejl(let fejl):
            return Side.html(SekretariatSider.parametre(aar: aar, region: region, regioner: regioner, felter: f, fejl: fejl,
                                                        csrf: req.csrfToken, kontekst: req.sidekontekst), status: .unprocessableEntity)
        case .ok(let ny):
            var aendret: [String] = []
            let af = req.revisionsnavn
            if let o = ny.overhead, o != nu.overhead {
                try await lager.saetParameter(aar: aar, region: region, noegle: Parameternoegle.overhead, vaerdi: o, af: af); aendret.append("overhead")
            }
            if let i = ny.plIndeks, i != nu.plIndeks { try await lager.saetPLIndeks(aar: aar, indeks: i, af: af); aendret.append("P/L-indeks") }
            if let t = ny.takstaftale, t != nu.takstaftale {
                try await lager.saetParameter(aar: aar, region: region, noegle: Parameternoegle.takstaftale, vaerdi: t, af: af); aendret.append("takstaftale")
            }
            if let v = ny.socialtilsynVaegte, v != nu.socialtilsynVaegte {
                try await lager.saetParameter(aar: aar, region: region, noegle: Parameternoegle.socialtilsynVaegte, vaerdi: v, af: af)
                aendret.append("socialtilsynets vægte")
            }
            if let d = ny.fristTakster, d != nu.fristTakster { try await lager.saetFristTakster(aar: aar, region: region, dato: d, af: af); aendret.append("frist") }
            if let a = ny.aflastningsgrundlag, a != nu.aflastningsgrundlag {
                try await lager.saetParameter(aar: aar, region: region, noegle: Parameternoegle.aflastningsgrundlag, vaerdi: a, af: af)
                aendret.append("aflastning")
            }
            req.saetBesked(aendret.isEmpty ? "Ingen ændringer." : "Gemt for \(region) \(aar): \(aendret.joined(separator: ", ")).")
            return req.redirect(to: "/sekretariat/parametre" + E.soegestreng([("aar", "\(aar)"), ("region", region)]))
        }
    }

    // MARK: Revisionslog

    func revisionslog(req: Request) async throws -> Response {
        try req.kraev(.laesRevisionslog)
        let lager = Lager(req.db)
        let p = req.parametre
        func s(_ n: String) throws -> String { try p.udfyldt(n) ?? "" }
        var fejl: [String: String] = [:]
        let fra = try s("fra"), til = try s("til")
        let bruger = try s("bruger"), entitet = try s("entitet"), handling = try s("handling"), id = try s("id")
        if !fra.isEmpty && !Datoer.erDato(fra) { fejl["fra"] = "Skriv datoen som åååå-mm-dd." }
        if !til.isEmpty && !Datoer.erDato(til) { fejl["til"] = "Skriv datoen som åååå-mm-dd." }
        let side = try p.heltal("side", 1...Int(Int32.max), formular: true) ?? 1
        let prSide = 50
        let format = try Download.format(req)
        let filter = Haendelsesfilter(bruger: bruger, entitet: entitet, handling: handling, entitetID: id,
                                      fra: Datoer.dato(fra), til: Datoer.dato(til).map { $0.addingTimeInterval(24 * 3600) },
                                      forskydning: format == nil ? (side - 1) * prSide : 0, graense: format == nil ? prSide : 100_000)
        let (haendelser, antal) = try await lager.haendelser(filter)
        if let format {
            return try Download.svar([("Revisionslog", Revisionslogside.tabel(haendelser))], filnavn: "revisionslog", format: format)
        }
        let valg = try await lager.haendelsesvalg()
        return Side.html(Revisionslogside(haendelser: haendelser, antal: antal, side: side, prSide: prSide,
                                          felter: ["bruger": bruger, "entitet": entitet, "handling": handling, "fra": fra, "til": til, "id": id],
                                          valg: valg, fejl: fejl, kontekst: req.sidekontekst).html)
    }
}

/// The yearly parameters as a form: percentages as the user types them, stored as the rules' values.
enum Parameterformular {
    enum Udfald {
        case ok(Aarsparametre)
        case fejl([String: String])
    }

    static func felter(_ p: Aarsparametre) -> [String: String] {
        var f: [String: String] = [:]
        if let o = p.overhead { f.merge(Takstformular.overheadfelter(o)) { $1 } } else { f["overhead_metode"] = "" }
        f["pl_indeks"] = p.plIndeks.map { Takstformular.tal($0) } ?? ""
        if let t = p.takstaftale {
            f["takstaftale_minimum"] = Takstformular.tal(t.minimumReduktion * 100)
            f["takstaftale_tidligere"] = Takstformular.tal(t.tidligereKrav * 100)
            f["takstaftale_maa_ikke_stige"] = t.maaIkkeStige ? "ja" : ""
        }
        for (i, v) in (p.socialtilsynVaegte?.tilsyn ?? []).enumerated() { f["vaegt_\(i + 1)"] = Takstformular.tal(v) }
        f["frist"] = p.fristTakster ?? ""
        f["aflastning"] = p.aflastningsgrundlag?.rawValue ?? ""
        return f
    }

    static func laes(_ f: [String: String]) -> Udfald {
        var fejl: [String: String] = [:]
        var p = Aarsparametre()
        func tal(_ felt: String, _ hvad: String) -> Decimal? {
            Regnskabsformular.tal(f, felt, hvad, kraevet: false, fejl: &fejl)
        }
        let metode = f["overhead_metode"] ?? ""
        if !metode.isEmpty {
            p.overhead = Takstformular.overhead(metode: metode, vaerdi: f["overhead_vaerdi"] ?? "", fejl: &fejl)
            switch p.overhead {
            case .bruttoandel(let x)? where x < 0 || x >= 100: fejl["overhead_vaerdi"] = "Bruttoandelen skal være mellem 0 og 100 %."
            case .procentAfDirekte(let x)? where x < 0: fejl["overhead_vaerdi"] = "Procenten må ikke være negativ."
            default: break
            }
        }
        if let i = tal("pl_indeks", "P/L-indekset") {
            if i <= 0 { fejl["pl_indeks"] = "P/L-indekset skal være større end 0." } else { p.plIndeks = i }
        }
        let mini = tal("takstaftale_minimum", "den krævede reduktion"), tidl = tal("takstaftale_tidligere", "sidste periodes krav")
        if mini != nil || tidl != nil {
            if mini == nil { fejl["takstaftale_minimum"] = "Udfyld den krævede reduktion." }
            if tidl == nil { fejl["takstaftale_tidligere"] = "Udfyld sidste periodes krav." }
            if let mini, let tidl {
                p.takstaftale = Takstaftale.Parametre(minimumReduktion: mini / 100, tidligereKrav: tidl / 100,
                                                      maaIkkeStige: f["takstaftale_maa_ikke_stige"] == "ja")
            }
        }
        let vaegte = (1...4).map { tal("vaegt_\($0)", "vægten") }
        if vaegte.contains(where: { $0 != nil }) {
            if vaegte.contains(where: { $0 == nil }) {
                for i in 1...4 where vaegte[i - 1] == nil && fejl["vaegt_\(i)"] == nil { fejl["vaegt_\(i)"] = "Udfyld alle fire vægte." }
            } else if vaegte.contains(where: { $0! <= 0 }) {
                fejl["vaegt_1"] = "Vægtene skal være større end 0."
            } else {
                p.socialtilsynVaegte = Takstvaegte(tilsyn: vaegte.map { $0! })
            }
        }
        let frist = (f["frist"] ?? "").trimmingCharacters(in: .whitespaces)
        if !frist.isEmpty {
            if Datoer.erDato(frist) { p.fristTakster = frist } else { fejl["frist"] = "Skriv fristen som en dato (åååå-mm-dd)." }
        }
        if let a = f["aflastning"], !a.isEmpty {
            do { p.aflastningsgrundlag = try Aflastningsgrundlag(tekst: a, felt: "aflastning") } catch let v as Valideringsfejl { fejl["aflastning"] = Visning.saetning(v.besked) } catch {}
        }
        return fejl.isEmpty ? .ok(p) : .fejl(fejl)
    }
}
