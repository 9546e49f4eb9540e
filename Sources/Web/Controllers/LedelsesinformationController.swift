import Filformater
import Fluent
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// The public ledelsesinformation (DOMAIN.md 6.5): the five tables for a year and the year
/// before, with charts, from approved regnskaber only; each table downloadable.
struct LedelsesinformationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("ledelsesinformation", use: side)
    }

    struct Tabeldel {
        let noegle: String
        let titel: String
        let tabel: Tabel
        let diagram: E.N
    }

    static let tabelnavne = ["takstudvikling", "over_underskud", "tillaegsydelser", "belaegning", "pladser"]

    func side(req: Request) async throws -> Response {
        // The five tables are computed from the server's in-memory report data (read again after a write).
        let lager = Lager(req.db, rapportcache: req.application.rapportcache)
        let kontekst = req.sidekontekst
        if let format = try Download.format(req) {
            let s = try await indhold(req, lager)
            let valgt = try req.parametre.udfyldt("tabel")
            let ark = s.dele.filter { valgt == nil || $0.noegle == valgt }.map { (navn: $0.titel, tabel: $0.tabel) }
            guard !ark.isEmpty else { throw Abort(.notFound, reason: "Ukendt tabel '\(valgt ?? "")'.") }
            return try Download.svar(ark, filnavn: "ledelsesinformation-\(s.aar)\(valgt.map { "-\($0)" } ?? "")", format: format)
        }
        let html: @Sendable () async throws -> String = { [self] in
            let s = try await indhold(req, lager)
            return LedelsesinformationSide(aar: s.aar, region: s.region, regioner: s.regioner, aarMedRegnskab: s.aarMedRegnskab, dele: s.dele,
                                           offentliggjort: try await lager.ledelsesinformationOffentliggjort(aar: s.aar),
                                           kontekst: kontekst).html.render()
        }
        // Everyone who is not signed in and has no message waiting sees the same page until the next
        // write (rendering it took ~30 ms; the tables themselves ~4 ms).
        guard kontekst.bruger == nil, kontekst.besked == nil, let cache = req.application.rapportcache else { return Side.html(try await html()) }
        // Kept under the parameters as read, so a query spelled differently cannot add a page; a
        // region that does not exist fails its build (`indhold`), and a failed build is not kept.
        let p = req.parametre
        let noegle = "aar=\(try p.aar(formular: true).map(String.init) ?? "")&region=\(try p.udfyldt("region") ?? "")&i_aar=\(req.ur.aar)"
        return Side.html(try await cache.side(lager, noegle: noegle, html))
    }

    /// The year, region and the five tables with their charts, as the page and the downloads show them.
    func indhold(_ req: Request, _ lager: Lager) async throws
        -> (aar: Int, region: String?, regioner: [String], aarMedRegnskab: [Int], dele: [Tabeldel]) {
        let aarMedRegnskab = try await lager.aarMedRegnskab(kunGodkendte: true)
        let p = req.parametre
        let aar = try p.aar(formular: true) ?? aarMedRegnskab.first ?? (req.ur.aar - 1)
        let regioner = try await lager.regioner()
        let region = try p.valg("region", blandt: regioner)
        let fra = aar - 1
        let k = try await lager.kommentarer(aar: aar)
        let t1 = try await lager.takstudviklingTabel(fra: fra, til: aar, region: region, kunGodkendte: true)
        let t2 = try await lager.toAarsTabel(fra: fra, til: aar, region: region, kunGodkendte: true, \.resultat)
        let t3 = try await lager.toAarsTabel(fra: fra, til: aar, region: region, kunGodkendte: true, \.tillaegsydelser)
        let t4 = try await lager.belaegningsTabel(aar: aar, region: region)
        let t5 = try await lager.pladsTabel(fra: fra, til: aar, region: region)
        let uden = { (n: String) in n != Takstudvikling.iAlt }
        let kr = { (d: Decimal) in DanskTal.formater(d, decimaler: 0) }
        let dele: [Tabeldel] = [
            Tabeldel(noegle: "takstudvikling", titel: "Tabel 1. Takstudvikling på regnskab \(fra)–\(aar)",
                     tabel: Ledelsesinformationstabeller.takstudvikling(t1, k["takstudvikling"] ?? [:]),
                     diagram: .group([Diagram.soejler(id: "d1", titel: "Takstudvikling \(fra)–\(aar) pr. driftsherre (%)",
                                              kategorier: t1.map(\.driftsherre).filter(uden),
                                              serier: [.init(navn: "Takstudvikling", vaerdier: t1.filter { uden($0.driftsherre) }.map(\.udviklingPct))],
                                              format: { DanskTal.formater($0, decimaler: 1) + " %" }),
                                     // The table in sentences, as the secretariat writes it (001:8553–8561).
                                     .if(t1.count > 1, E.el("div", [("class", "punkter")], [
                                         .p(.text("Det skal bemærkes,")),
                                         E.el("ul", [], Takstudviklingstekst.punkter(t1, fra: fra, til: aar).map { E.el("li", [], [.text($0)]) }),
                                     ]))])),
            Tabeldel(noegle: "over_underskud", titel: "Tabel 2. Over-/underskud \(fra)–\(aar)",
                     tabel: Ledelsesinformationstabeller.toAar(t2, k["over_underskud"] ?? [:]),
                     diagram: Diagram.soejler(id: "d2", titel: "Over-/underskud pr. driftsherre (kr.)", kategorier: t2.map(\.driftsherre).filter(uden),
                                              serier: [.init(navn: "\(fra)", vaerdier: t2.filter { uden($0.driftsherre) }.map(\.fra)),
                                                       .init(navn: "\(aar)", vaerdier: t2.filter { uden($0.driftsherre) }.map(\.til))], format: kr)),
            Tabeldel(noegle: "tillaegsydelser", titel: "Tabel 3. Tillægsydelser \(fra)–\(aar)",
                     tabel: Ledelsesinformationstabeller.toAar(t3, k["tillaegsydelser"] ?? [:]),
                     diagram: Diagram.soejler(id: "d3", titel: "Tillægsydelser pr. driftsherre (kr.)", kategorier: t3.map(\.driftsherre).filter(uden),
                                              serier: [.init(navn: "\(fra)", vaerdier: t3.filter { uden($0.driftsherre) }.map(\.fra)),
                                                       .init(navn: "\(aar)", vaerdier: t3.filter { uden($0.driftsherre) }.map(\.til))], format: kr)),
            Tabeldel(noegle: "belaegning", titel: "Tabel 4. Belægning pr. målgruppe \(aar)",
                     tabel: Ledelsesinformationstabeller.belaegning(t4),
                     diagram: Diagram.soejler(id: "d4", titel: "Samlet belægning pr. målgruppe \(aar) (%)", kategorier: t4.map(\.maalgruppe.tekst),
                                              serier: [.init(navn: "Samlet", vaerdier: t4.map(\.samlet.procent))],
                                              format: { DanskTal.formater($0, decimaler: 1) + " %" })),
            Tabeldel(noegle: "pladser", titel: "Tabel 5. Pladsoversigt \(fra)–\(aar)",
                     tabel: Ledelsesinformationstabeller.pladser(t5, k["pladser"] ?? [:]),
                     diagram: Diagram.soejler(id: "d5", titel: "Døgnpladser pr. driftsherre",
                                              kategorier: LedelsesinformationController.pladssum(t5).map(\.0),
                                              serier: [.init(navn: "\(fra)", vaerdier: LedelsesinformationController.pladssum(t5).map(\.1)),
                                                       .init(navn: "\(aar)", vaerdier: LedelsesinformationController.pladssum(t5).map(\.2))],
                                              format: { DanskTal.formaterKort($0) })),
        ]
        return (aar, region, regioner, aarMedRegnskab, dele)
    }

    /// Døgn places per driftsherre (the table has one row per driftsherre and målgruppe).
    static func pladssum(_ r: [Pladsoversigt.Raekke]) -> [(String, Decimal?, Decimal?)] {
        var orden: [String] = []
        var sum: [String: (Decimal, Decimal)] = [:]
        for x in r where x.driftsherre != Takstudvikling.iAlt {
            if sum[x.driftsherre] == nil { orden.append(x.driftsherre) }
            let s = sum[x.driftsherre] ?? (0, 0)
            sum[x.driftsherre] = (s.0 + x.doegnFra, s.1 + x.doegnTil)
        }
        return orden.map { ($0, sum[$0]!.0, sum[$0]!.1) }
    }
}

struct LedelsesinformationSide {
    let aar: Int
    let region: String?
    let regioner: [String]
    let aarMedRegnskab: [Int]
    let dele: [LedelsesinformationController.Tabeldel]
    /// The day the year was published; nil while the comment round is open.
    let offentliggjort: String?
    let kontekst: Sidekontekst

    func overskrift(_ k: String) -> String {
        let fra = aar - 1
        let navne: [String: String] = [
            "driftsherre": "Driftsherre", "belaegning_fra": "Belægning \(fra)", "regnskab_fra_kr": "Regnskab \(fra) (kr., \(aar)-priser)",
            "gns_pris_fra_kr": "Gns. pris pr. plads \(fra) (kr.)", "belaegning_til": "Belægning \(aar)", "regnskab_til_kr": "Regnskab \(aar) (kr.)",
            "gns_pris_til_kr": "Gns. pris pr. plads \(aar) (kr.)", "takstudvikling_pct": "Takstudvikling (%)", "bemaerkninger": "Bemærkninger",
            "fra_kr": "\(fra) (kr., \(aar)-priser)", "til_kr": "\(aar) (kr.)", "maalgruppe": "Målgruppe", "dag_pct": "Dag (%)",
            "doegn_pct": "Døgn (%)", "aaben_pct": "Åben (%)", "lukket_pct": "Lukket (%)", "samlet_pct": "Samlet (%)",
            "udeladte_maalinger": "Udeladte målinger", "dag_fra": "Dagpladser \(fra)", "doegn_fra": "Døgnpladser \(fra)",
            "dag_til": "Dagpladser \(aar)", "doegn_til": "Døgnpladser \(aar)",
        ]
        return navne[k] ?? k
    }

    func url(tabel: String? = nil, format: String? = nil) -> String {
        "/ledelsesinformation" + E.soegestreng([("aar", "\(aar)"), ("region", region ?? ""), ("tabel", tabel ?? ""), ("format", format ?? "")])
    }

    /// A table with no rows but its total says so instead of showing a total of nothing.
    static func erTom(_ d: LedelsesinformationController.Tabeldel) -> Bool {
        d.tabel.raekker.allSatisfy(Tabelvisning.sumraekke(Takstudvikling.iAlt))
    }

    var html: HTML {
        Side.dokument(titel: "Ledelsesinformation \(aar)", kontekst: kontekst, [
            .h1(.text("Ledelsesinformation \(aar)\(region.map { " – \($0)" } ?? "")")),
            .p(.text("De fem tabeller beregnes af de godkendte regnskaber, den kvartalsvise belægning og pladserne. \(aar - 1) er omregnet til \(aar)-priser med P/L-indekset (faktor 1 uden indeks).")),
            E.el("p", [("class", "status")], [.text(offentliggjort.map { "Offentliggjort \(Visning.dato($0))." }
                ?? "Foreløbig: driftsherrerne kan stadig kommentere deres rækker, indtil sekretariatet offentliggør \(aar).")]),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/ledelsesinformation")], [
                E.valgfelt("aar", "Regnskabsår", valg: Array(Set(aarMedRegnskab + [aar])).sorted(by: >).map { ("\($0)", "\($0)") }, valgt: "\(aar)"),
                E.valgfelt("region", "Region", valg: [("", "Alle")] + regioner.map { ($0, $0) }, valgt: region ?? ""),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            // Nothing to download when every table is empty (files of headers only).
            .if(!dele.allSatisfy(LedelsesinformationSide.erTom),
                E.el("p", [("class", "download")], [E.lenke(url(format: "csv"), "Hent alle fem tabeller som CSV"), .text(" · "), E.lenke(url(format: "xlsx"), "som XLSX")])),
            E.el("nav", [("aria-label", "Tabeller")], [
                .ul(.forEach(dele) { d in .li(E.lenke("#\(d.noegle)", d.titel)) }),
            ]),
            .forEach(dele) { d in
                E.el("section", [("aria-labelledby", d.noegle)], [
                    E.el("h2", [("id", d.noegle)], [.text(d.titel)]),
                    .if(LedelsesinformationSide.erTom(d),
                        .p(.text("Der er ingen data til denne tabel for \(aar).")),
                        else: .group(
                            d.diagram,
                            Tabelvisning.html(d.tabel, overskrifter: overskrift, caption: d.titel,
                                              sumraekke: Tabelvisning.sumraekke(Takstudvikling.iAlt)),
                            E.el("p", [("class", "download")], [E.lenke(url(tabel: d.noegle, format: "csv"), "Hent \(d.titel.components(separatedBy: ".").first ?? "tabellen") som CSV"), .text(" · "),
                                                                E.lenke(url(tabel: d.noegle, format: "xlsx"), "som XLSX")])
                        )),
                ])
            },
        ])
    }
}
