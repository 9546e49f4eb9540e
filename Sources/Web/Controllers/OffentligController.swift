import Fluent
import Lager
import Plot
import Takstregler
import Vapor

/// The public takstfil (no login): the list of tilbud with takster for a year (search, filters,
/// sorting, paging, CSV), and a page per tilbud with the calculation behind each takst.
struct OffentligController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: liste)
        routes.get("tilbud", ":id", use: tilbud)
    }

    static func filter(_ req: Request) throws -> Tilbudsviften.Filter {
        // The same strict reading as the API: a year or page that is not a number in range, or a
        // field given twice, is refused with its name rather than shown as the default.
        let p = req.parametre
        func s(_ n: String) throws -> String { try p.udfyldt(n) ?? "" }
        var f = Tilbudsviften.Filter(aar: try p.aar(formular: true) ?? req.ur.aar)
        f.standarddato = Takstperioder.standarddato(aar: f.aar, idag: req.ur.idag)
        // A wrong date is refused with the field named, never read as today.
        for (felt, etiket) in [("dato", "Dato"), ("indskrevet", "Indskrevet")] {
            let v = try s(felt)
            if !v.isEmpty && !Datoer.erDato(v) { throw Abort(.badRequest, reason: "\(etiket): skriv datoen som åååå-mm-dd (fik '\(v)').") }
        }
        f.dato = try s("dato")
        f.indskrevet = try s("indskrevet")
        f.q = try s("q")
        f.driftsherre = try s("driftsherre")
        f.maalgruppe = try s("maalgruppe")
        f.paragraf = try s("paragraf")
        f.type = try p.valg("type", som: Tilbud.Type_.self)?.rawValue ?? ""
        f.region = try s("region")
        f.sort = try p.valg("sort", blandt: Tilbudsviften.kolonner.map(\.noegle)) ?? "tilbud"
        f.faldende = try p.valg("retning", blandt: ["stigende", "faldende"]) == "faldende"
        f.side = try p.heltal("side", 1...Int(Int32.max), formular: true) ?? 1
        return f
    }

    func liste(req: Request) async throws -> Response {
        let f = try OffentligController.filter(req)
        let udgave = try await req.offentligUdgave(aar: f.aar)
        let regionAf = udgave.regionAf
        let raekker = udgave.husk("raekker" + f.visningsdato + f.url { $0.side = 1 }) {
            Tilbudsviften.raekker(udgave.liste.paaDato(f.visningsdato, indskrevet: f.indskrevet.isEmpty ? nil : f.indskrevet), f, regioner: regionAf)
        }
        if let format = try Download.format(req) {
            return try Download.svar([("Takster \(f.aar)", Tilbudsviften.tabel(raekker))], filnavn: "takster-\(f.aar)", format: format)
        }
        let kontekst = req.sidekontekst
        func side() -> String {
            TakstlisteSide(filter: f, alle: udgave.liste, raekker: raekker, aarMedTakster: udgave.aarMedTakster,
                           regioner: Array(Set(regionAf.values)).sorted(by: DanskSortering.foer), kontekst: kontekst).html.render()
        }
        // Everyone who is not signed in and has no message waiting sees the same page.
        return Side.html(kontekst.bruger == nil && kontekst.besked == nil ? udgave.husk("side" + f.visningsdato + f.url(), side) : side())
    }

    func tilbud(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "Ukendt tilbud.") }
        let lager = Lager(req.db)
        guard let t = try await lager.tilbudMedEjer(id: id) else { throw Abort(.notFound, reason: "Tilbuddet findes ikke.") }
        let offentlige = try await lager.offentligeVersioner(tilbudID: id)
        let niveauer = try offentlige.map { m -> TilbudSide.Niveauvisning in
            // A correction is a later version of the same period; a new period is not a correction.
            let rettelse = offentlige.contains { $0.aar == m.aar && $0.navn == m.navn && $0.niveau.periodestart == m.niveau.periodestart
                && $0.version < m.version }
            return TilbudSide.Niveauvisning(niveau: m.niveau, resultat: try m.niveau.beregn(), begrundelse: rettelse ? m.begrundelse : nil,
                                            beslutning: m.beslutning, erRettelse: rettelse)
        }
        let side = TilbudSide(id: id, tilbud: t.tilbud, demo: t.demo, kilde: t.kilde, niveauer: niveauer, kontekst: req.sidekontekst)
        if let format = try Download.format(req) {
            return try Download.svar([(t.tilbud.navn, side.historik)], filnavn: "takster-\(Download.filnavn(t.tilbud.navn))", format: format)
        }
        return Side.html(side.html)
    }
}

extension Download {
    /// A file name from a title: letters, digits and dashes.
    static func filnavn(_ s: String) -> String {
        let erstat: [Character: String] = ["æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"]
        var ud = ""
        for c in s {
            if let e = erstat[c] { ud += e } else if c.isASCII && (c.isLetter || c.isNumber) { ud.append(c) } else if !ud.hasSuffix("-") { ud += "-" }
        }
        return ud.trimmingCharacters(in: CharacterSet(charactersIn: "-")).lowercased()
    }
}
