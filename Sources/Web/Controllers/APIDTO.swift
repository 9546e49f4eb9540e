import Filformater
import Foundation
import Lager
import Takstregler
import Vapor

/// What `/api/v1` reads and writes (`APIController`; the contract is `OpenAPI.dokument`). Amounts
/// go out as exact decimal text; numbers come in as JSON numbers or text and are read exactly.
extension APIController {
    struct TilbudUd: Content {
        struct NiveauUd: Content {
            let navn: String
            let aar: Int
            let version: Int
            let enhed: String
            /// Exact decimal text, so no client rounds money through a float.
            let takst: String
            let pladser: String
            let belaegningsprocent: String
            /// The period (DOMAIN.md 6.1): first day, enrolment limit, provisional approval.
            let gyldigFra: String
            let kunNyeFra: String?
            let midlertidig: Bool
        }
        let id: UUID
        let navn: String
        let driftsherre: String
        let maalgruppe: String?
        let paragraf: String?
        let type: String
        let demo: Bool
        let takstniveauer: [NiveauUd]
    }

    /// The one way a tilbud with its takster becomes JSON (the list and the single tilbud).
    static func ud(id: UUID, tilbud: Tilbud, demo: Bool, niveauer: [(niveau: Takstniveau, takst: Kroner)]) -> TilbudUd {
        TilbudUd(id: id, navn: tilbud.navn, driftsherre: tilbud.driftsherre, maalgruppe: tilbud.maalgruppe?.rawValue,
                 paragraf: tilbud.paragraf, type: tilbud.type.rawValue, demo: demo,
                 takstniveauer: niveauer.map {
                     .init(navn: $0.niveau.navn, aar: $0.niveau.aar, version: $0.niveau.version,
                           enhed: $0.niveau.grundlag.enhed.rawValue, takst: "\($0.takst)",
                           pladser: "\($0.niveau.grundlag.pladser)",
                           belaegningsprocent: "\($0.niveau.grundlag.belaegningsprocent)",
                           gyldigFra: $0.niveau.periodestart, kunNyeFra: $0.niveau.kunForIndskrevetFra, midlertidig: $0.niveau.midlertidig)
                 })
    }

    static func ud(_ t: TilbudMedTakster) -> TilbudUd {
        ud(id: t.id, tilbud: t.tilbud, demo: t.demo, niveauer: t.niveauer.map { ($0.niveau, $0.takst) })
    }

    struct MigUd: Content {
        let email: String
        let rolle: String
        let organisation: String?
        let maa: [String]
    }

    struct NiveauUd: Content {
        struct Linje: Content {
            let art: String
            let tekst: String
            let beloeb: String
        }
        let id: UUID
        let tilbudID: UUID
        let navn: String
        let aar: Int
        let version: Int
        let status: String
        let revision: Int
        let enhed: String
        let takst: String
        let beregning: [Linje]
        let gyldigFra: String
        let kunNyeFra: String?
        let midlertidig: Bool
        /// The basis as entered, line by line (what a PUT sends back unchanged).
        let omkostninger: [OmkostningUd]
        let andreIndtaegter: [IndtaegtUd]
    }
    struct OmkostningUd: Content { let kategori: String; let tekst: String; let beloeb: String }
    struct IndtaegtUd: Content { let tekst: String; let beloeb: String }

    static func ud(_ m: GemtTakstniveau) throws -> NiveauUd {
        let n = m.niveau
        let r = try n.beregn()
        return NiveauUd(id: m.id, tilbudID: m.tilbudID, navn: m.navn, aar: m.aar, version: m.version, status: m.status.rawValue,
                        revision: m.revision, enhed: n.grundlag.enhed.rawValue, takst: "\(r.takst)",
                        beregning: r.linjer.map { .init(art: $0.art.rawValue, tekst: $0.tekst, beloeb: "\($0.beloeb)") },
                        gyldigFra: n.periodestart, kunNyeFra: n.kunForIndskrevetFra, midlertidig: n.midlertidig,
                        omkostninger: n.grundlag.omkostninger.map { .init(kategori: $0.kategori.rawValue, tekst: $0.tekst, beloeb: "\($0.beloeb)") },
                        andreIndtaegter: n.grundlag.andreIndtaegter.map { .init(tekst: $0.tekst, beloeb: "\($0.beloeb)") })
    }

    /// A number as JSON text or JSON number (a number is read exactly, never through a float).
    struct Tal: Codable {
        let tekst: String
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { tekst = s; return }
            if let d = try? c.decode(Decimal.self) {
                tekst = "\(d)".replacingOccurrences(of: ".", with: ",")
                return
            }
            // A JSON number Decimal cannot hold (5,8e-230, 1,8e308): kept as written, so the field's
            // own check refuses it by name (422) instead of the whole body being "not JSON" (400).
            tekst = "\(try c.decode(Double.self))"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(tekst)
        }
    }

    struct TakstniveauInd: Content {
        struct Omkostning: Content {
            let kategori: String
            let beloeb: Tal
            let tekst: String?
        }
        struct Indtaegt: Content {
            let tekst: String?
            let beloeb: Tal
        }
        struct Overhead: Content {
            let metode: String
            let vaerdi: Tal?
        }
        struct BasisYdelseInd: Content {
            let basisbudget: Tal?
            let effektivTimeloen: Tal?
            let timerPrDoegn: Tal?
            let pladser: Tal?
            let belaegningsprocent: Tal?
            let dage: Tal?
        }
        struct Efter: Content {
            let hensaettelse: Tal?
            let andel: Tal?
        }
        var navn: String?
        var aar: Int?
        var revision: Int?
        var enhed: String?
        var enhederPrAar: Tal?
        var pladser: Tal?
        var belaegningsprocent: Tal?
        var afrunding: String?
        var omkostninger: [Omkostning]?
        var andreIndtaegter: [Indtaegt]?
        var overhead: Overhead?
        var efterregulering: Efter?
        var basisYdelse: BasisYdelseInd?
        var begrundelse: String?
        var indsend: Bool?
        /// The period (DOMAIN.md 6.1): first day (default 1 January of `aar`) and the enrolment limit.
        var gyldigFra: String?
        var kunNyeFra: String?

        /// What the form cannot carry or read, refused rather than dropped: an unknown category, an
        /// unreadable amount in any cost line, more other-income lines than the form has (keyed like
        /// the JSON: `omkostninger[2].beloeb`, `andreIndtaegter`).
        var indtastningsfejl: [Valideringsfejl] {
            var fejl: [Valideringsfejl] = []
            let ukendt = (omkostninger ?? []).map(\.kategori).filter { Omkostningskategori(rawValue: $0) == nil }
            if !ukendt.isEmpty {
                fejl.append(Valideringsfejl(felt: "omkostninger", besked: "ukendt kategori '\(ukendt.joined(separator: ", "))' (brug \(Omkostningskategori.allCases.map(\.rawValue).joined(separator: ", ")))"))
            }
            for (i, l) in (omkostninger ?? []).enumerated() {
                do { _ = try Kontrol.tal(l.beloeb.tekst, felt: "omkostninger[\(i + 1)].beloeb") } catch let v as Valideringsfejl {
                    fejl.append(v)
                } catch {
                    fejl.append(Valideringsfejl(felt: "omkostninger[\(i + 1)].beloeb", besked: "kan ikke læses som et tal"))
                }
            }
            if let ind = andreIndtaegter, ind.count > Takstformular.antalIndtaegter {
                fejl.append(Valideringsfejl(felt: "andreIndtaegter", besked: "højst \(Takstformular.antalIndtaegter) linjer med andre indtægter (fik \(ind.count)) — læg dem sammen"))
            }
            return fejl
        }

        /// The same fields the web form has, so both are read by `Takstformular` and validated once;
        /// each cost line becomes its own field (after `indtastningsfejl` has refused unreadable amounts).
        var formular: Takstformular {
            var f = Takstformular()
            f["niveau"] = navn ?? ""
            f["enhed"] = enhed ?? "doegn"
            f["dage"] = enhederPrAar?.tekst ?? ""
            f["pladser"] = pladser?.tekst ?? ""
            f["belaegningsprocent"] = belaegningsprocent?.tekst ?? ""
            f["afrunding"] = afrunding ?? "hele_kroner"
            // Every line keeps its own amount and text (never summed or dropped).
            for k in Omkostningskategori.allCases {
                for (i, l) in (omkostninger ?? []).filter({ $0.kategori == k.rawValue }).enumerated() {
                    let felt = Takstformular.omkostningsfelt(k, i + 1)
                    f[felt.beloeb] = l.beloeb.tekst
                    if let t = l.tekst { f[felt.tekst] = t }
                }
            }
            for (i, l) in (andreIndtaegter ?? []).prefix(Takstformular.antalIndtaegter).enumerated() {
                f["indt_tekst_\(i + 1)"] = l.tekst ?? ""
                f["indt_beloeb_\(i + 1)"] = l.beloeb.tekst
            }
            f["overhead_metode"] = overhead?.metode ?? "ingen"
            f["overhead_vaerdi"] = overhead?.vaerdi?.tekst ?? ""
            if let e = efterregulering {
                f["efterregulering"] = "ja"
                f["hensaettelse"] = e.hensaettelse?.tekst ?? ""
                f["andel"] = e.andel?.tekst ?? ""
            }
            if let b = basisYdelse {
                f["by_basisbudget"] = b.basisbudget?.tekst ?? ""
                f["by_timeloen"] = b.effektivTimeloen?.tekst ?? ""
                f["by_timer"] = b.timerPrDoegn?.tekst ?? ""
                f["by_pladser"] = b.pladser?.tekst ?? ""
                f["by_belaegningsprocent"] = b.belaegningsprocent?.tekst ?? ""
                f["by_dage"] = b.dage?.tekst ?? ""
            }
            f["begrundelse"] = begrundelse ?? ""
            f["gyldig_fra"] = gyldigFra ?? ""
            f["kun_nye_fra"] = kunNyeFra ?? ""
            return f
        }
    }

    struct RegnskabInd: Content {
        let aar: Int
        let omkostninger: Tal
        let takstindtaegter: Tal?
        let belaegning: Tal
        let overUnderskud: Tal?
        let tillaegsydelser: Tal?
        let indsend: Bool?
    }

    struct Kvittering: Content {
        let besked: String
    }

    struct BelaegningInd: Content {
        let aar: Int
        let kvartal: Int
        let art: String
        let normering: Tal
        let forbrug: Tal
    }

    struct KoeUd: Content {
        let id: UUID
        let tilbud: String
        let driftsherre: String
        let navn: String
        let aar: Int
        let version: Int
        let takst: String
        let sidsteAarsTakst: String?
    }

    struct GodkendInd: Content {
        let organ: String
        let dato: String
        let punkt: String
        let tekst: String?
        let delegation: String?
        /// A provisional approval (DOMAIN.md 6.1, 002:2833–2842).
        let midlertidig: Bool?
    }

    struct AfvisInd: Content { let begrundelse: String }

    struct OffentliggoerInd: Content { let aar: Int }

    struct OffentliggoerUd: Content {
        let aar: Int
        let antal: Int
    }

    struct HaendelseUd: Content {
        let tidspunkt: Date
        let bruger: String
        let handling: String
        let entitet: String
        let entitetID: String
        let foer: String?
        let efter: String?
        let begrundelse: String?
    }
}
