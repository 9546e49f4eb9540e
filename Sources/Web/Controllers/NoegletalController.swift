import Filformater
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// Key figures across the regions (DOMAIN.md 6.11): per group the table with the chosen region
/// highlighted, its placements and "x af y", one small bar chart per indicator, CSV and XLSX;
/// the secretariat corrects a value on the same page.
struct NoegletalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("noegletal", use: side)
        routes.get("noegletal", "fremskrivning", use: fremskrivning)
        let r = routes.grouped(KraevLoginMiddleware(), CSRFMiddleware())
        r.post("sekretariat", "noegletal", use: ret)
        r.post("sekretariat", "noegletal", "import", use: importer)
    }

    func side(req: Request) async throws -> Response {
        try await vis(req, fejl: [:], felter: [:])
    }

    func vis(_ req: Request, fejl: [String: String], felter: [String: String], importfejl: [String] = [],
             status: HTTPResponseStatus = .ok) async throws -> Response {
        let alle = try await Lager(req.db).indikatorer()
        let regioner = Noegletalstabeller.regioner(alle)
        let grupper = Indikator.grupper(alle)
        let region = try req.parametre.valg("region", blandt: regioner) ?? regioner.first { $0 == "Nordjylland" } ?? regioner.first
        let gruppe = try req.parametre.valg("gruppe", blandt: grupper) ?? grupper.first
        let valgte = alle.filter { $0.gruppe == gruppe }
        let tabel = Noegletalstabeller.gruppe(valgte, region: region)
        if let format = try Download.format(req) {
            return try Download.svar([(navn: gruppe ?? "noegletal", tabel: tabel)], filnavn: "noegletal-\(gruppe ?? "")", format: format)
        }
        let placering = try region.map { try Gruppeplacering.opgoer(valgte, region: $0) } ?? []
        let url = "/noegletal" + E.soegestreng([("region", region ?? ""), ("gruppe", gruppe ?? "")])
        let maa = Adgang.maa(req.rolle, .saetParametre)
        return Side.html(Side.dokument(titel: "Nøgletal", kontekst: req.sidekontekst, [
            .h1(.text("Nøgletal på tværs af regionerne")),
            .p(E.lenke("/sammenligning", "Sammenlign offentliggjorte takster på tværs af regionerne"), .text(" · "),
               E.lenke("/noegletal/fremskrivning", "Fremskriv behov fra befolkningstal")),
            .p(.text("Placering 1 er den højeste. Retningen siger, om en høj eller lav værdi giver den højeste placering; uafgjort deler den bedste placering (1-2-2-4).")),
            .if(alle.isEmpty, .p(.text("Der er ingen nøgletal endnu (takstfil noegletal import)."))),
            .if(!alle.isEmpty, E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/noegletal")], [
                E.valgfelt("gruppe", "Gruppe", valg: grupper.map { ($0, $0) }, valgt: gruppe ?? ""),
                E.valgfelt("region", "Fremhæv region", valg: regioner.map { ($0, $0) }, valgt: region ?? ""),
                E.knap("Vis", klasse: "sekundaer"),
            ])),
            .unwrap(placering.first) { p in
                .p(.strong(.text(Noegletalstabeller.saetninger([p], region: region ?? "").joined()))) },
            .unwrap(placering.first.flatMap { $0.foelsomme.isEmpty ? nil : $0 }) { p in
                .p(.text("Følsomt: med modsat retning ville tællingen ændre sig for \(p.foelsomme.joined(separator: "; ")).")) },
            .if(!valgte.isEmpty, Tabelvisning.html(tabel, overskrifter: { k in
                if k.hasPrefix("placering_") { return "Placering \(k.dropFirst("placering_".count))" }
                return ["indikator": "Indikator", "enhed": "Enhed", "aar": "År", "retning": "Højeste placering ved"][k] ?? k
            }, caption: "Nøgletal: \(gruppe ?? "")\(region.map { ", \($0) fremhævet" } ?? "")",
               fremhaev: Set(region.map { [$0, "placering_\($0)"] } ?? []))),
            .if(!valgte.isEmpty, E.el("p", [("class", "download")], [E.lenke(url + "&format=csv", "Hent som CSV"), .text(" · "), E.lenke(url + "&format=xlsx", "Hent som XLSX")])),
            .group(valgte.enumerated().map { n, i in
                let r = Noegletalstabeller.regioner([i])
                return Diagram.soejler(id: "n\(n + 1)", titel: "\(i.navn) (\(i.enhed))\(region.map { r in ", \(r) fremhævet i tabellen" } ?? "")",
                                       kategorier: r, serier: [.init(navn: i.navn, vaerdier: r.map { i.vaerdier[$0] })],
                                       format: { DanskTal.formaterKort($0) })
            }),
            .if(maa, .group(
                .h2(.text("Importér nøgletal")),
                .p(.text("Bred form som kilderne (gruppe;indikator;enhed;aar;retning;<en kolonne pr. region>;kilde) eller lang form (indikator;region;aar;vaerdi) for kendte indikatorer. Hele filen afvises, hvis én celle er forkert.")),
                .if(!importfejl.isEmpty, E.el("div", [("class", "advarsel"), ("role", "alert")], [
                    E.el("h2", [], [.text("Filen er ikke importeret")]), E.el("ul", [], importfejl.map { E.el("li", [], [.text($0)]) }),
                ])),
                E.postform("/sekretariat/noegletal/import", csrf: req.csrfToken, [("enctype", "multipart/form-data")], [
                    E.felt("fil", "CSV-fil", fejl: fejl, type: "file", ekstra: [("accept", ".csv,text/csv")]),
                    E.tekstfelt("csv", "… eller indsæt rækkerne her", raekker: 4),
                    E.knap("Importér", klasse: "sekundaer"),
                ])
            )),
            .if(maa && !valgte.isEmpty, .group(
                .h2(.text("Ret en værdi")),
                E.fejloversigt(fejl, raekkefoelge: ["indikator", "region_ret", "vaerdi"]),
                E.postform("/sekretariat/noegletal", csrf: req.csrfToken, [], [
                    E.valgfelt("indikator", "Indikator", valg: valgte.map { ("\($0.navn)|\($0.aar)", "\($0.navn) (\($0.aar))") },
                               valgt: felter["indikator"] ?? "", fejl: fejl),
                    E.valgfelt("region_ret", "Region", valg: regioner.map { ($0, $0) }, valgt: felter["region_ret"] ?? region ?? "", fejl: fejl),
                    E.felt("vaerdi", "Værdi", vaerdi: felter["vaerdi"] ?? "", fejl: fejl, hjaelp: "Tomt felt sletter værdien"),
                    E.skjult("gruppe", gruppe ?? ""),
                    E.knap("Gem værdi"),
                ])
            )),
        ]), status: status)
    }

    /// Demand from population × a rate with scenarios (DOMAIN.md 6.14), as a table and a chart.
    func fremskrivning(req: Request) async throws -> Response {
        let p = req.parametre
        func q(_ n: String) throws -> String { try p.udfyldt(n) ?? "" }
        let alder = try p.udfyldt("alder") ?? "alle", kvartal = try q("kvartal").uppercased(), rateTekst = try q("rate")
        var fejl: [String: String] = [:]
        var raekker: [Fremskrivning.Raekke] = []
        if !kvartal.isEmpty || !rateTekst.isEmpty {
            do {
                let gruppe = try Aldersgruppe.fortolk(alder)
                let rate = try Kontrol.tal(rateTekst, felt: "rate")
                let n = try await Lager(req.db).befolkningsnoegle(gruppe, kvartal: kvartal)
                raekker = try Fremskrivning.beregn(n, ratePrTusind: rate)
            } catch let v as Valideringsfejl { fejl[v.felt == "befolkning" ? "kvartal" : v.felt] = Visning.saetning(v.besked) }
        }
        let tabel = Noegletalstabeller.fremskrivning(raekker)
        if let format = try Download.format(req), !raekker.isEmpty {
            return try Download.svar([(navn: "Fremskrivning", tabel: tabel)], filnavn: "fremskrivning-\(kvartal)", format: format)
        }
        let total = raekker.last
        let url = "/noegletal/fremskrivning" + E.soegestreng([("alder", alder), ("kvartal", kvartal), ("rate", rateTekst)])
        return Side.html(Side.dokument(titel: "Fremskrivning af behov", kontekst: req.sidekontekst, [
            .h1(.text("Fremskrivning af behov")),
            .p(.text("Behov = befolkningen i aldersgruppen (DST, importeret med takstfil import befolkning) × en rate pr. 1.000, med scenarierne −20 %, −10 %, +10 % og +20 % som i KKR's fremskrivninger.")),
            E.fejloversigt(fejl, raekkefoelge: ["alder", "kvartal", "rate"]),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/noegletal/fremskrivning")], [
                E.felt("alder", "Aldersgruppe", vaerdi: alder, fejl: fejl, hjaelp: "Fx 18-66 eller alle"),
                E.felt("kvartal", "Kvartal", vaerdi: kvartal, fejl: fejl, hjaelp: "Fx 2023K2"),
                E.felt("rate", "Rate pr. 1.000", vaerdi: rateTekst, fejl: fejl, tal: true),
                E.knap("Beregn", klasse: "sekundaer"),
            ]),
            .unwrap(total) { t in .group(
                Diagram.soejler(id: "fremskrivning", titel: "Behov i alt pr. scenarie",
                                kategorier: ["−20 %", "−10 %", "Beregnet", "+10 %", "+20 %"],
                                serier: [.init(navn: "Behov", vaerdier: [t.scenarier[-20], t.scenarier[-10], t.behov, t.scenarier[10], t.scenarier[20]])],
                                format: { DanskTal.formater($0, decimaler: 1) }),
                Tabelvisning.html(tabel, overskrifter: { k in
                    ["kommune": "Kommune", "grundlag": "Befolkning", "behov": "Behov"][k] ?? k.replacingOccurrences(of: "scenarie_", with: "Scenarie ").replacingOccurrences(of: "_pct", with: " %")
                }, caption: "Fremskrivning", sumraekke: Tabelvisning.sumraekke(Fremskrivning.iAlt)),
                E.el("p", [("class", "download")], [E.lenke(url + "&format=csv", "Hent som CSV"), .text(" · "), E.lenke(url + "&format=xlsx", "Hent som XLSX")])
            ) },
        ]), status: fejl.isEmpty ? .ok : .unprocessableEntity)
    }

    /// A catalogue or values from CSV (a file or pasted text), all or nothing, audited.
    func importer(req: Request) async throws -> Response {
        try req.kraev(.saetParametre)
        do {
            guard let (navn, tekst, tegnsaet) = try req.content.decode(Opload.self).indhold() else {
                return try await vis(req, fejl: ["fil": "Vælg en CSV-fil, eller indsæt rækkerne som tekst."], felter: [:], status: .unprocessableEntity)
            }
            let indhold = try Noegletalsfil.laes(fil: navn, tekst: tekst)
            let t = try await Lager(req.db).importerNoegletal(indhold, fil: navn, af: req.revisionsnavn)
            req.saetBesked("\(navn): \(t.nye) nye, \(t.aendrede) ændrede og \(t.uaendrede) uændrede indikatorer.\(tegnsaet)")
        } catch let l as Importfejlliste {
            return try await vis(req, fejl: [:], felter: [:], importfejl: l.fejl.map(\.description), status: .unprocessableEntity)
        } catch let e as Importfejl {
            return try await vis(req, fejl: [:], felter: [:], importfejl: [e.description], status: .unprocessableEntity)
        }
        return req.redirect(to: "/noegletal")
    }

    func ret(req: Request) async throws -> Response {
        try req.kraev(.saetParametre)
        let f = try req.formularfelter()
        let dele = (f["indikator"] ?? "").split(separator: "|", maxSplits: 1).map(String.init)
        let region = (f["region_ret"] ?? "").trimmingCharacters(in: .whitespaces)
        let raa = (f["vaerdi"] ?? "").trimmingCharacters(in: .whitespaces)
        var fejl: [String: String] = [:]
        if dele.count != 2 { fejl["indikator"] = "Vælg en indikator." }
        if region.isEmpty { fejl["region_ret"] = "Vælg en region." }
        var vaerdi: Decimal?
        if !raa.isEmpty {
            do { vaerdi = try Kontrol.tal(raa, felt: "vaerdi") } catch let v as Valideringsfejl { fejl["vaerdi"] = Visning.saetning(v.besked) }
        }
        guard fejl.isEmpty else { return try await vis(req, fejl: fejl, felter: f, status: .unprocessableEntity) }
        try await Lager(req.db).retIndikatorvaerdi(navn: dele[0], aar: dele[1], region: region, vaerdi: vaerdi, af: req.revisionsnavn)
        req.saetBesked("\(dele[0]) (\(dele[1])), \(region): \(vaerdi.map { DanskTal.formaterKort($0) } ?? "slettet").")
        return req.redirect(to: "/noegletal" + E.soegestreng([("gruppe", f["gruppe"] ?? ""), ("region", region)]))
    }
}
