import Filformater
import Lager
import Takstregler
import Udskrift
import Vapor

/// `PUT /api/v1/afdaekninger/{id}/svar`: the fields of the answer as the form names them
/// (`s1_2024` for a count, `s2` for a choice or text), read by `Afdaekning.fortolkSvar`.
struct AfdaekningssvarInd: Content {
    var svar: [String: String]
    /// Submit (final); without it the answer is saved as a draft.
    var indsend: Bool?
}

struct AfdaekningssvarUd: Content {
    let kommune: String
    let status: String
    let version: Int
    let svar: [String: String]
}

/// A published review: overview, response rate, decision and, for one review, its masked tables
/// (the same as the public page, CSV and XLSX).
struct AfdaekningUd: Content {
    struct SvarprocentUd: Content { let besvaret: Int; let inviterede: Int; let procent: Int; let tekst: String }
    struct TabelUd: Content { let navn: String; let kolonner: [String]; let raekker: [[String]] }
    let id: UUID
    let titel: String
    let aar: Int
    let region: String
    let maalgrupper: [String]
    let svarprocent: SvarprocentUd
    let beslutning: Beslutning?
    let offentliggjort: String?
    let tabeller: [TabelUd]?

    init(_ g: GemtAfdaekning, _ o: Afdaekningsopgoerelse, medTabeller: Bool) {
        id = g.id
        titel = g.afdaekning.titel
        aar = g.afdaekning.aar
        region = g.afdaekning.region
        maalgrupper = g.afdaekning.maalgrupper
        svarprocent = .init(besvaret: o.svarprocent.besvaret, inviterede: o.svarprocent.inviterede, procent: o.svarprocent.procent,
                            tekst: o.svarprocent.tekst)
        beslutning = g.beslutning
        offentliggjort = g.offentliggjort
        tabeller = medTabeller ? Afdaekningstabeller.offentlig(g, o).map { a in
            TabelUd(navn: a.navn, kolonner: a.tabel.kolonner, raekker: a.tabel.raekker.map { $0.map(\.visning) })
        } : nil
    }
}
