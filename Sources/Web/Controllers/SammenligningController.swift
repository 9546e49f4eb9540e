import Filformater
import Lager
import Plot
import Takstregler
import Udskrift
import Vapor

/// Published takster of like tilbud across the regions (DOMAIN.md 6.11): per målgruppe × SEL §
/// × type × unit and region the number of tilbud, median, quartiles, min and max. The overview
/// links each group to its own view, which has a chart of the medians and the tilbud behind each
/// figure. Read from the public list's cache, so it costs one pass over the year's takster.
struct SammenligningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("sammenligning", use: side)
    }

    func side(req: Request) async throws -> Response {
        let p = req.parametre
        let aar = try p.aar(formular: true) ?? req.ur.aar
        let udgave = try await req.offentligUdgave(aar: aar)
        let dato = Takstperioder.standarddato(aar: aar, idag: req.ur.idag)
        let regioner = udgave.regionAf
        // Computed once per edition of the year's list (a change from any process makes a new edition).
        let alle = udgave.husk("sammenligning \(dato)") {
            Takstsammenligning.opgoer(Takstsammenligningstabeller.poster(udgave.liste.paaDato(dato), regioner: regioner))
        }
        let maalgruppe = try p.udfyldt("maalgruppe")
        let paragraf = try p.udfyldt("paragraf")
        let type = try p.valg("type", som: Tilbud.Type_.self)
        let valgte = alle.filter { g, _ in
            (maalgruppe == nil || g.maalgruppe == maalgruppe) && (paragraf == nil || g.paragraf == paragraf) && (type == nil || g.type == type)
        }
        let tabel = Takstsammenligningstabeller.tabel(valgte)
        if let format = try Download.format(req) {
            return try Download.svar([(navn: "Sammenligning \(aar)", tabel: tabel)], filnavn: "takstsammenligning-\(aar)", format: format)
        }
        let grupper = alle.keys.sorted()
        let enkelt = valgte.count == 1 ? valgte.first : nil
        func lenke(_ g: Takstsammenligning.Gruppe) -> String {
            "/sammenligning" + E.soegestreng([("aar", "\(aar)"), ("maalgruppe", g.maalgruppe), ("paragraf", g.paragraf), ("type", g.type.rawValue)])
        }
        let url = "/sammenligning" + E.soegestreng([("aar", "\(aar)"), ("maalgruppe", maalgruppe ?? ""), ("paragraf", paragraf ?? ""), ("type", type?.rawValue ?? "")])
        let kr = { (v: Kroner) in DanskTal.formater(v, decimaler: 2) }
        return Side.html(Side.dokument(titel: "Takster på tværs af regionerne \(aar)", kontekst: req.sidekontekst, [
            .h1(.text("Takster på tværs af regionerne \(aar)")),
            .p(.text("Offentliggjorte takster i kraft \(Visning.dato(dato)) for sammenlignelige tilbud: samme målgruppe, SEL §, type og takstenhed. Pr. region antal tilbud, median, kvartiler (som Excels KVARTIL.MEDTAG), mindste og største takst. Et tilbud under flere §§ tæller under hver.")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/sammenligning")], [
                E.felt("aar", "År", vaerdi: "\(aar)", tal: true),
                E.valgfelt("maalgruppe", "Målgruppe", valg: [("", "Alle")] + Array(Set(grupper.map(\.maalgruppe))).sorted(by: DanskSortering.foer).map { ($0, $0) },
                           valgt: maalgruppe ?? ""),
                E.valgfelt("paragraf", "SEL §", valg: [("", "Alle")] + Array(Set(grupper.map(\.paragraf))).sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }.map { ($0, $0) },
                           valgt: paragraf ?? ""),
                E.valgfelt("type", "Type", valg: [("", "Alle")] + Tilbud.Type_.allCases.map { ($0.rawValue, $0.tekst) }, valgt: type?.rawValue ?? ""),
                E.knap("Vis", klasse: "sekundaer"),
            ]),
            .if(valgte.isEmpty, .p(.text("Der er ingen offentliggjorte takster for \(aar) med disse valg."))),
            .if(enkelt == nil && !valgte.isEmpty, E.ramme("Grupper af sammenlignelige tilbud", E.el("table", [], [
                E.el("caption", [], [.text("Grupper af sammenlignelige tilbud (vælg en for diagram og tilbud)")]),
                E.el("thead", [], [E.el("tr", [], ["Målgruppe", "SEL §", "Type", "Enhed", "Regioner", "Tilbud", "Median pr. region (kr.)"]
                    .map { E.el("th", [("scope", "col")], [.text($0)]) })]),
                E.el("tbody", [], valgte.keys.sorted().map { g in
                    let r = valgte[g]!
                    return E.el("tr", [], [
                        E.el("th", [("scope", "row")], [E.lenke(lenke(g), g.maalgruppe)]), E.el("td", [], [.text(g.paragraf)]),
                        E.el("td", [], [.text(g.type.tekst)]), E.el("td", [], [.text(g.enhed.tekst)]), E.el("td", [("class", "tal")], [.text("\(r.count)")]),
                        E.el("td", [("class", "tal")], [.text("\(Set(r.values.flatMap { $0.poster.map(\.tilbudID) }).count)")]),
                        E.el("td", [], [.text(r.keys.sorted(by: DanskSortering.foer).map { "\($0) \(kr(r[$0]!.median))" }.joined(separator: " · "))]),
                    ])
                }),
            ]))),
            .unwrap(enkelt) { g, r in .group(
                .h2(.text("\(g.maalgruppe), SEL § \(g.paragraf), \(g.type.tekst.lowercased()) (\(g.enhed.tekst))")),
                Diagram.soejler(id: "median", titel: "Median pr. region, \(g.enhed.tekst) (kr.)", kategorier: r.keys.sorted(by: DanskSortering.foer),
                                serier: [.init(navn: "Median", vaerdier: r.keys.sorted(by: DanskSortering.foer).map { r[$0]!.median })],
                                format: { DanskTal.formater($0, decimaler: 0) }),
                Tabelvisning.html(tabel, overskrifter: { ["maalgruppe": "Målgruppe", "paragraf": "SEL §", "type": "Type", "enhed": "Enhed", "region": "Region",
                                                          "antal_tilbud": "Tilbud", "antal_takster": "Takster", "min_kr": "Mindste (kr.)",
                                                          "kvartil1_kr": "1. kvartil (kr.)", "median_kr": "Median (kr.)", "kvartil3_kr": "3. kvartil (kr.)",
                                                          "max_kr": "Største (kr.)"][$0] ?? $0 }, caption: "Takster pr. region"),
                .group(r.keys.sorted(by: DanskSortering.foer).map { region in
                    E.el("details", [], [E.el("summary", [], [.text("\(region): de \(r[region]!.antalTakster) takster bag tallene")]),
                                         E.el("ul", [], r[region]!.poster.map { p in
                                             E.el("li", [], [E.lenke("/tilbud/\(p.tilbudID)?aar=\(aar)", p.tilbud), .text(", \(p.niveau): \(kr(p.takst)) kr.")])
                                         })])
                })
            ) },
            E.el("p", [("class", "download")], [E.lenke(url + (url.contains("?") ? "&" : "?") + "format=csv", "Hent som CSV"), .text(" · "),
                                                E.lenke(url + (url.contains("?") ? "&" : "?") + "format=xlsx", "Hent som XLSX")]),
        ]))
    }
}
