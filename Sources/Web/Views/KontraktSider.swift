import Filformater
import Foundation
import Lager
import Plot
import Takstregler
import Udskrift

/// The standard contract as a print-ready A4 page (the right one of KL's two versions, DOMAIN.md
/// 6.12) and the kommune's regulation list with a letter per leverandør.
enum KontraktSider {
    static func kontrakt(_ u: Kontraktudkast, leverandoer: String, tilbud: TilbudMedEjer?, takst: GemtTakstniveau?, enhedspris: Kroner,
                         satser: PLSatser, idag: String, kontekst: Sidekontekst, gemt: String?) -> HTML {
        let kr = { (v: Kroner) in DanskTal.formater(v, decimaler: 2) + " kr." }
        let pris = u.prisEfterAndel(enhedspris)
        let naeste = PLSatser.naeste1Januar(efter: idag)
        let sats = u.leverandoertype.flatMap { satser.sats($0.satstype, til: naeste) }
        let indenfor = u.version == .indenforRammeaftale
        let opsigelse = (try? Opsigelse.beregn(opsagt: idag, varsel: u.varsel, betaling: u.betaling)).map(\.sidsteDag)
        var takstlinje: E.N = .empty
        if let t = takst {
            let periode = t.niveau.gyldigFra.map { ", gyldig fra \(Visning.dato($0))" } ?? ""
            takstlinje = .p(.text("Enhedsprisen er bruttotaksten for \(t.navn) i kraft \(Visning.dato(u.startdato ?? "")) (takst \(t.aar)\(periode)): \(kr(t.takst)). "),
                            E.lenke("/tilbud/\(t.tilbudID)?aar=\(t.aar)", "Se takstens beregning"))
        }
        func afsnit(_ nr: Int, _ titel: String, _ indhold: [E.N]) -> E.N {
            E.el("section", [], [E.el("h2", [], [.text("\(nr). \(titel)")])] + indhold)
        }
        return Side.dokument(titel: "Standardkontrakt \(u.reference)", kontekst: kontekst, [
            .unwrap(gemt) { E.el("div", [("class", "besked ikke-print"), ("role", "status")], [.p(.text($0))]) },
            E.el("p", [("class", "ikke-print")], [.text("Udskriv siden (A4) eller gem den som PDF. "), E.lenke("/kontrakt", "Ny kontrakt"),
                                                   .text(" · "), E.lenke("/kontrakt/regulering", "Reguleringsliste")]),
            E.el("div", [("class", "kontrakt")], [
                .h1(.text(u.version.tekst)),
                E.el("p", [], [.text("Kommunens reference: \(u.reference)")]),
                afsnit(1, "Parter", [E.el("dl", [("class", "fakta")], [
                    E.el("dt", [], [.text("Køber (handlekommune)")]), E.el("dd", [], [.text(u.koeber)]),
                    E.el("dt", [], [.text("EAN-nummer")]), E.el("dd", [], [.text(u.ean)]),
                    E.el("dt", [], [.text("Leverandør")]), E.el("dd", [], [.text(leverandoer)]),
                    E.el("dt", [], [.text("Leverandørtype")]), E.el("dd", [], [.text(indenfor ? "Tilbud i rammeaftalen" : (u.leverandoertype?.tekst ?? ""))]),
                ])]),
                afsnit(2, "Borger", [
                    .p(.text("Borgerens navn og CPR-nummer udfyldes i den underskrevne kontrakt. De sendes ikke til og gemmes ikke i Takstfil.")),
                    E.el("p", [], [.text("Navn:")]), E.el("div", [("class", "linje")], []),
                    E.el("p", [], [.text("CPR-nummer:")]), E.el("div", [("class", "linje")], []),
                ]),
                afsnit(3, "Leverandørens indsatser og pris", [
                    E.ramme("Indsatser", E.el("table", [], [
                        E.el("caption", [], [.text("Indsatser")]),
                        E.el("thead", [], [E.el("tr", [], ["Paragraf", "Indsats", "Antal", "Enhed", "Enhedspris (bruttotakst)", "Ikrafttrædelse", "Slutdato", "Første opfølgning"]
                            .map { E.el("th", [("scope", "col")], [.text($0)]) })]),
                        E.el("tbody", [], u.indsatser.map { s in
                            E.el("tr", [], [
                                E.el("td", [], [.text(s.paragraf)]), E.el("td", [], [.text(s.beskrivelse ?? (tilbud.map { "\($0.tilbud.navn), \(u.niveau ?? "")" } ?? ""))]),
                                E.el("td", [("class", "tal")], [.text(DanskTal.formaterKort(s.antal))]), E.el("td", [], [.text(s.enhed)]),
                                E.el("td", [("class", "tal"), ("data-enhedspris", "\(pris)")], [.text(kr(pris))]),
                                E.el("td", [], [.text(Visning.dato(s.start))]), E.el("td", [], [.text(s.slut.map(Visning.dato) ?? "—")]),
                                E.el("td", [], [.text(Visning.dato(s.opfoelgning))]),
                            ])
                        }),
                    ])),
                    takstlinje,
                    .unwrap(u.procent) { p in .p(.text("Delvis brug: \(DanskTal.formaterKort(p)) % af den fulde takst \(kr(enhedspris)) (rammeaftalen).")) },
                ]),
                afsnit(4, "Regulering af pris", indenfor
                    ? [.p(.text("Taksten beregnes årligt i henhold til rammeaftalen og offentliggøres i takstfilen."))]
                    : [.p(.text("Prisen reguleres pr. 1. januar med \(u.leverandoertype == .regional ? "Danske Regioners P/L-skøn" : "det generelle P/L-skøn bag den senest indgåede økonomiaftale mellem regeringen og KL"). Øvrige ændringer kræver købers skriftlige accept. Leverandøren orienterer køber senest 15. december året før.")),
                       .p(.text(sats.map { "Satsen pr. 1. januar \(naeste): \(DanskTal.formaterKort($0.procent, maksDecimaler: 4)) % (\($0.kilde), \($0.reference))." }
                                ?? "Satsen pr. 1. januar \(naeste) er ikke offentliggjort endnu."))]),
                afsnit(5, "Opsigelse og betaling", [
                    .p(.text(indenfor ? "Opsigelsesvarsler følger rammeaftalens bestemmelser, dog under hensyn til borgerens rettigheder. For indsatser uden for rammeaftalen gælder: \(u.varsel.tekst)."
                                      : "Leverandøren og køber kan opsige aftalen med følgende varsel, dog under hensyn til borgerens rettigheder: \(u.varsel.tekst).")),
                    .unwrap(opsigelse) { .p(.text("Eksempel: opsagt i dag (\(Visning.dato(idag))) er sidste dag i opsigelsesperioden \(Visning.dato($0)).")) },
                    .p(.text("Betalingsforpligtelsen i opsigelsesperioden: \(u.betaling.tekst).")),
                ]),
                .unwrap(u.aflastning) { a in afsnit(6, "Aflastning", [.p(.text("Aflastning afregnes ud fra det \(a == .bevilgede ? "bevilgede" : "anvendte") antal døgn."))]) },
                afsnit(u.aflastning == nil ? 6 : 7, "Fakturering", [.p(.text("Regningen sendes elektronisk til EAN \(u.ean) med kommunens reference \(u.reference)."))]),
                E.el("div", [("class", "underskrifter")], [
                    E.el("div", [], [.p(.text("For køber (dato og underskrift)")), E.el("div", [("class", "linje")], [])]),
                    E.el("div", [], [.p(.text("For leverandør (dato og underskrift)")), E.el("div", [("class", "linje")], [])]),
                ]),
            ]),
        ])
    }

    static func regulering(_ poster: [Reguleringsliste.Post], breve: [Reguleringsliste.Brev], tabel: Tabel, aar: Int, koeber: String,
                           kontekst: Sidekontekst) -> HTML {
        Side.dokument(titel: "Regulering pr. 1. januar \(aar)", kontekst: kontekst, [
            .h1(.text("Regulering pr. 1. januar \(aar) – \(koeber)")),
            .p(.text("Kommunens gemte kontrakter med prisen fra 1. januar \(aar). Leverandøren skal orientere køber senest \(Visning.dato(Reguleringsliste.frist(aar: aar))).")),
            E.el("form", [("class", "soeg ikke-print"), ("method", "get"), ("action", "/kontrakt/regulering")], [
                E.felt("aar", "Regulering pr. 1. januar", vaerdi: "\(aar)", tal: true), E.knap("Vis", klasse: "sekundaer"),
            ]),
            .if(poster.isEmpty, .p(.text("Kommunen har ingen gemte kontrakter endnu. "), E.lenke("/kontrakt", "Udarbejd en kontrakt"))),
            .if(!poster.isEmpty, Tabelvisning.html(tabel, overskrifter: {
                ["reference": "Reference", "leverandoer": "Leverandør", "version": "Version", "pris_kr": "Pris (kr.)", "prisaar": "Prisår",
                 "ny_pris_kr": "Pris fra 1. januar \(aar) (kr.)", "grundlag": "Grundlag"][$0] ?? $0
            }, caption: "Kontrakter og priser fra 1. januar \(aar)")),
            .if(!poster.isEmpty, E.el("p", [("class", "download ikke-print")], [E.lenke("/kontrakt/regulering?aar=\(aar)&format=csv", "Hent som CSV"), .text(" · "),
                                                                              E.lenke("/kontrakt/regulering?aar=\(aar)&format=xlsx", "Hent som XLSX")])),
            .if(!breve.isEmpty, .h2(.text("Breve pr. leverandør (frist \(Visning.dato(Reguleringsliste.frist(aar: aar))))"))),
            .group(breve.map { b in
                E.el("section", [("class", "brev")], [E.el("h3", [], [.text(b.leverandoer)]), E.el("pre", [], [.text(b.tekst)])])
            }),
        ])
    }
}
