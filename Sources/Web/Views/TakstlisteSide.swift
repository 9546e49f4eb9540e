import Filformater
import Foundation
import Lager
import Plot
import Takstregler
import Udskrift

/// The public takstfil for one year (tilbudsviften): search, filters, sorting and paging over
/// one row per takstniveau. The same rows, filtered and sorted the same way, are the CSV download.
struct Tilbudsviften {
    struct Filter: Equatable {
        var aar: Int
        var q = ""
        var driftsherre = ""
        var maalgruppe = ""
        var paragraf = ""
        var type = ""
        /// The driftsherre's region ("" : all regions, DOMAIN.md 6.11).
        var region = ""
        var sort = "tilbud"
        var faldende = false
        var side = 1
        /// The day the list answers for (DOMAIN.md 6.1) and the enrolment date of the citizen
        /// ("" : a new citizen); `standarddato` is the day shown when none is chosen (today in the year).
        var dato = ""
        var indskrevet = ""
        var standarddato = ""

        /// The date the list is read on.
        var visningsdato: String { dato.isEmpty ? standarddato : dato }

        /// The query string for this filter with some values changed (links keep the filter).
        func url(_ aendr: (inout Filter) -> Void = { _ in }, format: String? = nil) -> String {
            var f = self
            aendr(&f)
            return "/" + E.soegestreng([("aar", "\(f.aar)"), ("dato", f.dato == f.standarddato ? "" : f.dato),
                                        ("indskrevet", f.indskrevet), ("q", f.q), ("driftsherre", f.driftsherre), ("maalgruppe", f.maalgruppe),
                                        ("paragraf", f.paragraf), ("type", f.type), ("region", f.region), ("sort", f.sort == "tilbud" ? "" : f.sort),
                                        ("retning", f.faldende ? "faldende" : ""), ("side", f.side == 1 ? "" : "\(f.side)"),
                                        ("format", format ?? "")])
        }
    }

    struct Raekke {
        let tilbudID: UUID
        let tilbud: Tilbud
        let demo: Bool
        let niveau: Takstniveau
        let takst: Kroner
    }

    static let prSide = 50
    static let kolonner: [(noegle: String, tekst: String)] = [
        ("tilbud", "Tilbud"), ("driftsherre", "Driftsherre"), ("maalgruppe", "Målgruppe"), ("paragraf", "SEL §"),
        ("type", "Type"), ("niveau", "Takstniveau"), ("takst", "Takst (kr.)"), ("enhed", "Enhed"), ("pladser", "Pladser"),
        ("belaegning", "Belægning (%)"), ("gyldig", "Gyldig fra"),
    ]
    /// Number columns (right-aligned), as the other regions publish pladser and belægning next to the takst (001:8398–8414).
    static let talkolonner: Set<String> = ["takst", "pladser", "belaegning"]

    static func paragraffer(_ t: Tilbud) -> [String] {
        (t.paragraf ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Filtered and sorted rows (all pages).
    /// `regioner`: driftsherre → region, needed when the filter names a region.
    static func raekker(_ liste: [TilbudMedTakster], _ f: Filter, regioner: [String: String] = [:]) -> [Raekke] {
        let q = f.q.trimmingCharacters(in: .whitespaces)
        let valgte = liste.filter { t in
            (q.isEmpty || t.tilbud.navn.localizedCaseInsensitiveContains(q) || t.tilbud.driftsherre.localizedCaseInsensitiveContains(q))
                && (f.driftsherre.isEmpty || t.tilbud.driftsherre == f.driftsherre)
                && (f.maalgruppe.isEmpty || t.tilbud.maalgruppe?.rawValue == f.maalgruppe)
                && (f.paragraf.isEmpty || paragraffer(t.tilbud).contains(f.paragraf))
                && (f.type.isEmpty || t.tilbud.type.rawValue == f.type)
                && (f.region.isEmpty || regioner[t.tilbud.driftsherre] == f.region)
        }
        var r = valgte.flatMap { t in
            t.niveauer.map { Raekke(tilbudID: t.id, tilbud: t.tilbud, demo: t.demo, niveau: $0.niveau, takst: $0.takst) }
        }
        // Danish sort keys computed once per distinct text, not once per comparison (measured:
        // recomputing them was half of the list page's time at national scale).
        var noegler: [String: [UInt32]] = [:]
        func noegle(_ s: String) -> [UInt32] {
            if let k = noegler[s] { return k }
            let k = DanskSortering.noegle(s)
            noegler[s] = k
            return k
        }
        func tekst(_ a: String, _ b: String) -> Int {
            a == b ? 0 : (noegle(a).lexicographicallyPrecedes(noegle(b)) ? -1 : 1)
        }
        func sammenlign(_ a: Raekke, _ b: Raekke) -> Int {
            switch f.sort {
            case "driftsherre": return tekst(a.tilbud.driftsherre, b.tilbud.driftsherre)
            case "maalgruppe": return tekst(a.tilbud.maalgruppe?.tekst ?? "", b.tilbud.maalgruppe?.tekst ?? "")
            case "paragraf": return (a.tilbud.paragraf ?? "").compare(b.tilbud.paragraf ?? "", options: .numeric) == .orderedAscending ? -1
                : ((a.tilbud.paragraf ?? "") == (b.tilbud.paragraf ?? "") ? 0 : 1)
            case "type": return tekst(a.tilbud.type.tekst, b.tilbud.type.tekst)
            case "niveau": return a.niveau.navn == b.niveau.navn ? 0 : (a.niveau.navn.compare(b.niveau.navn, options: .numeric) == .orderedAscending ? -1 : 1)
            case "takst": return a.takst == b.takst ? 0 : (a.takst < b.takst ? -1 : 1)
            case "enhed": return tekst(a.niveau.grundlag.enhed.tekst, b.niveau.grundlag.enhed.tekst)
            case "pladser": return a.niveau.grundlag.pladser == b.niveau.grundlag.pladser ? 0 : (a.niveau.grundlag.pladser < b.niveau.grundlag.pladser ? -1 : 1)
            case "belaegning":
                let x = a.niveau.grundlag.belaegningsprocent, y = b.niveau.grundlag.belaegningsprocent
                return x == y ? 0 : (x < y ? -1 : 1)
            case "gyldig": return a.niveau.periodestart == b.niveau.periodestart ? 0 : (a.niveau.periodestart < b.niveau.periodestart ? -1 : 1)
            default: return 0
            }
        }
        // The chosen column first, then tilbud, driftsherre and level, so the order is total and stable.
        r.sort { a, b in
            var c = sammenlign(a, b)
            if f.faldende { c = -c }
            if c != 0 { return c < 0 }
            let t = tekst(a.tilbud.navn, b.tilbud.navn)
            if t != 0 { return t < 0 }
            let d = tekst(a.tilbud.driftsherre, b.tilbud.driftsherre)
            if d != 0 { return d < 0 }
            return a.niveau.navn.compare(b.niveau.navn, options: .numeric) == .orderedAscending
        }
        return r
    }

    /// The rows as the download shows them (same order, exact amounts).
    static func tabel(_ r: [Raekke]) -> Tabel {
        Tabel(kolonner: ["tilbud", "driftsherre", "maalgruppe", "sel_paragraf", "type", "takstniveau", "aar", "version",
                         "takst_kr", "enhed", "pladser", "belaegningsprocent", "gyldig_fra", "kun_nye_fra", "midlertidig", "demodata"],
              raekker: r.map {
                  [.tekst($0.tilbud.navn), .tekst($0.tilbud.driftsherre), .tekst($0.tilbud.maalgruppe?.tekst ?? ""),
                   .tekst($0.tilbud.paragraf ?? ""), .tekst($0.tilbud.type.tekst), .tekst($0.niveau.navn), .heltal($0.niveau.aar),
                   .heltal($0.niveau.version), .tal($0.takst, decimaler: $0.niveau.grundlag.afrunding.decimaler),
                   .tekst($0.niveau.grundlag.enhed.tekst), .tal($0.niveau.grundlag.pladser, decimaler: nil),
                   .tal($0.niveau.grundlag.belaegningsprocent, decimaler: nil), .tekst($0.niveau.periodestart),
                   $0.niveau.kunForIndskrevetFra.map { .tekst($0) } ?? .tom, .sandhed($0.niveau.midlertidig), .sandhed($0.demo)]
              })
    }
}

struct TakstlisteSide {
    let filter: Tilbudsviften.Filter
    let alle: [TilbudMedTakster]
    let raekker: [Tilbudsviften.Raekke]
    let aarMedTakster: [Int]
    var regioner: [String] = []
    let kontekst: Sidekontekst

    var html: HTML {
        let f = filter
        let aarValg = Array(Set(aarMedTakster + [f.aar])).sorted(by: >)
        let antalTilbud = Set(raekker.map(\.tilbudID)).count
        let sider = max(1, (raekker.count + Tilbudsviften.prSide - 1) / Tilbudsviften.prSide)
        let side = min(max(1, f.side), sider)
        let vist = Array(raekker.dropFirst((side - 1) * Tilbudsviften.prSide).prefix(Tilbudsviften.prSide))
        let driftsherrer = Array(Set(alle.map(\.tilbud.driftsherre))).sorted(by: DanskSortering.foer)
        let paragraffer = Array(Set(alle.flatMap { Tilbudsviften.paragraffer($0.tilbud) }))
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let filtreret = !f.q.isEmpty || !f.driftsherre.isEmpty || !f.maalgruppe.isEmpty || !f.paragraf.isEmpty || !f.type.isEmpty || !f.region.isEmpty
        return Side.dokument(
            titel: "Takster \(f.aar)", kontekst: kontekst,
            .h1(.text("Tilbud og takster \(f.aar)")),
            E.el("form", [("class", "soeg"), ("method", "get"), ("action", "/"), ("role", "search"), ("aria-label", "Søg i tilbudsviften")], [
                E.felt("q", "Søg efter tilbud eller driftsherre", vaerdi: f.q, type: "search"),
                E.valgfelt("aar", "År", valg: aarValg.map { ("\($0)", "\($0)") }, valgt: "\(f.aar)"),
                E.felt("dato", "Takster gældende på dato", vaerdi: f.visningsdato, type: "date"),
                E.felt("indskrevet", "For en borger indskrevet (valgfrit)", vaerdi: f.indskrevet, type: "date",
                       hjaelp: "Borgere indskrevet før en ny takst kan beholde den tidligere."),
                E.valgfelt("driftsherre", "Driftsherre", valg: [("", "Alle")] + driftsherrer.map { ($0, $0) }, valgt: f.driftsherre),
                E.valgfelt("maalgruppe", "Målgruppe", valg: [("", "Alle")] + Maalgruppe.allCases.map { ($0.rawValue, $0.tekst) },
                           valgt: f.maalgruppe),
                E.valgfelt("paragraf", "SEL §", valg: [("", "Alle")] + paragraffer.map { ($0, "§ \($0)") }, valgt: f.paragraf),
                E.valgfelt("type", "Dag/døgn", valg: [("", "Alle")] + Tilbud.Type_.allCases.map { ($0.rawValue, $0.tekst) }, valgt: f.type),
                E.valgfelt("region", "Region", valg: [("", "Alle regioner")] + regioner.map { ($0, $0) }, valgt: f.region),
                E.skjult("sort", f.sort), E.skjult("retning", f.faldende ? "faldende" : "stigende"),
                E.knap("Vis"),
            ]),
            .p(.text("\(antalTilbud) tilbud med offentliggjorte takster"),
               .text(filtreret ? " (filtreret)" : ""),
               .text(raekker.isEmpty ? "." : " – \(raekker.count) takstniveauer; viser \((side - 1) * Tilbudsviften.prSide + 1)–\((side - 1) * Tilbudsviften.prSide + vist.count)."),
               .if(filtreret, .group(.text(" "), E.lenke(Tilbudsviften.Filter(aar: f.aar, dato: f.dato, indskrevet: f.indskrevet, standarddato: f.standarddato).url(), "Nulstil filtre")))),
            .if(raekker.isEmpty, .p(.text(filtreret ? "Ingen takster passer til søgningen." : "Der er ingen offentliggjorte takster for \(f.aar)."))),
            .if(!raekker.isEmpty, .group(
                E.el("p", [("class", "download")], [
                    E.lenke(f.url({ $0.side = 1 }, format: "csv"), "Hent som CSV (alle \(raekker.count) rækker)"), .text(" · "),
                    E.lenke(f.url({ $0.side = 1 }, format: "xlsx"), "Hent som XLSX"),
                ]),
                E.ramme("Tabel", .table(
                    .caption(.text("Offentliggjorte takster \(f.aar) gældende \(Visning.dato(f.visningsdato))\(f.indskrevet.isEmpty ? "" : " for en borger indskrevet \(Visning.dato(f.indskrevet))"), sorteret efter \(Tilbudsviften.kolonner.first { $0.noegle == f.sort }?.tekst.lowercased() ?? "tilbud") \(f.faldende ? "faldende" : "stigende")")),
                    .thead(.tr(.forEach(Tilbudsviften.kolonner) { k in
                        let aktiv = f.sort == k.noegle
                        return E.el("th", [("scope", "col"), ("class", Tilbudsviften.talkolonner.contains(k.noegle) ? "tal" : nil),
                                           ("aria-sort", aktiv ? (f.faldende ? "descending" : "ascending") : nil)], [
                            E.lenke(f.url { $0.sort = k.noegle; $0.faldende = aktiv ? !f.faldende : false; $0.side = 1 },
                                    k.tekst + (aktiv ? (f.faldende ? " ▼" : " ▲") : ""),
                                    [("title", "Sortér efter \(k.tekst.lowercased())")]),
                        ])
                    })),
                    .tbody(.forEach(vist) { r in
                        .tr(
                            .td(E.lenke("/tilbud/\(r.tilbudID.uuidString)", r.tilbud.navn), .if(r.demo, .span(.class("demo"), " demo"))),
                            .td(.text(r.tilbud.driftsherre)),
                            .td(.text(r.tilbud.maalgruppe?.tekst ?? "")),
                            .td(.text(r.tilbud.paragraf ?? "")),
                            .td(.text(r.tilbud.type.tekst)),
                            .td(.text(r.niveau.navn)),
                            .td(.class("tal"), .text(Visning.kroner(r.takst, r.niveau.grundlag.afrunding)),
                                .if(r.niveau.midlertidig, .span(.class("midlertidig"), " midlertidig"))),
                            .td(.text(r.niveau.grundlag.enhed.tekst)),
                            .td(.class("tal"), .text(DanskTal.formaterKort(r.niveau.grundlag.pladser))),
                            .td(.class("tal"), .text(DanskTal.formaterKort(r.niveau.grundlag.belaegningsprocent, maksDecimaler: 4))),
                            .td(.text(Visning.periode(r.niveau)))
                        )
                    })
                )),
                .if(sider > 1, E.el("nav", [("class", "sideskift"), ("aria-label", "Sider")], [
                    .if(side > 1, E.lenke(f.url { $0.side = side - 1 }, "← Forrige side")),
                    .text("Side \(side) af \(sider)"),
                    .if(side < sider, E.lenke(f.url { $0.side = side + 1 }, "Næste side →")),
                ]))
            ))
        )
    }
}
