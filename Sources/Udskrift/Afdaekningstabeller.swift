import Filformater
import Foundation
import Lager
import Takstregler

/// The supply/demand review as tables, one definition for the web page, CSV, XLSX and the CLI.
/// `offentlig` is what the public sees: counts masked (≤3), totals that cannot give a masked cell
/// away, choices as "x af N kommuner"; free text and exact counts stay with the secretariat
/// (`fuld`). DOMAIN.md 6.10.
public enum Afdaekningstabeller {
    public static func oversigt(_ g: GemtAfdaekning, _ o: Afdaekningsopgoerelse) -> Tabel {
        let a = g.afdaekning
        var r: [[Tabelcelle]] = [
            [.tekst("Afdækning"), .tekst(a.titel)], [.tekst("År"), .heltal(a.aar)], [.tekst("Region"), .tekst(a.region)],
            [.tekst("Målgrupper"), .tekst(a.maalgrupper.joined(separator: ", "))],
            [.tekst("Svarprocent"), .tekst(o.svarprocent.tekst)], [.tekst("Status"), .tekst(g.status.tekst)],
        ]
        if let b = g.beslutning {
            r.append([.tekst("Beslutning"), .tekst("\(b.organ) \(b.dato), punkt \(b.punkt): \(b.tekst)")])
        }
        return Tabel(kolonner: ["felt", "vaerdi"], raekker: r)
    }

    /// One count question as published: a row per invited kommune, masked, and the total.
    public static func offentligtAntal(_ x: Afdaekningsopgoerelse.Antal) -> Tabel {
        let kolonner = x.tabel.kolonner.indices.map { i in OffentligKolonne.offentliggoer(x.tabel.raekker.map { $0.vaerdier[i] }) }
        var raekker: [[Tabelcelle]] = x.tabel.raekker.enumerated().map { ri, r in
            [.tekst(r.navn)] + kolonner.map { .tekst($0.celler[ri].tekst) }
        }
        raekker.append([.tekst(iAlt)] + kolonner.map { .tekst($0.total.description) })
        if kolonner.contains(where: \.totalBeskyttet) {
            raekker.append([.tekst("Note")] + kolonner.map {
                .tekst($0.totalBeskyttet ? "Totalen vises som interval, så en maskeret værdi ikke kan regnes ud" : "")
            })
        }
        return Tabel(kolonner: ["kommune"] + x.tabel.kolonner, raekker: raekker)
    }

    /// One count question with the exact answers, the computed and the printed total (secretariat).
    public static func fuldtAntal(_ x: Afdaekningsopgoerelse.Antal) -> Tabel {
        var raekker: [[Tabelcelle]] = x.tabel.raekker.map { r in [.tekst(r.navn)] + r.vaerdier.map { .tekst($0.tekst) } }
        raekker.append([.tekst("\(iAlt) (beregnet)")] + x.kontrol.kolonner.map { .tekst($0.beregnet.description) })
        if x.tabel.trykt != nil {
            raekker.append([.tekst("\(iAlt) (trykt)")] + x.kontrol.kolonner.map { .tekst($0.trykt?.description ?? "") })
            raekker.append([.tekst("Stemmer")] + x.kontrol.kolonner.map { $0.stemmer.map { .tekst($0 ? "ja" : "nej") } ?? .tom })
        }
        let n = x.tabel.raekker.count
        raekker.append([.tekst("Kommuner med et antal")] + x.medTal.map { .tekst(Afdaekningsopgoerelse.afN($0, n)) })
        return Tabel(kolonner: ["kommune"] + x.tabel.kolonner, raekker: raekker)
    }

    public static func valg(_ v: Afdaekningsopgoerelse.Valg, inviterede n: Int) -> Tabel {
        Tabel(kolonner: ["svar", "antal_kommuner", "andel"],
              raekker: v.fordeling.map { [.tekst($0.svar), .heltal($0.antal), .tekst(Afdaekningsopgoerelse.afN($0.antal, n))] })
    }

    public static func fritekst(_ s: Spoergsmaal, _ o: Afdaekningsopgoerelse) -> Tabel {
        Tabel(kolonner: ["kommune", "svar"], raekker: (o.tekster[s.noegle] ?? []).map { [.tekst($0.kommune), .tekst($0.tekst)] })
    }

    /// Each kommune's status (secretariat).
    public static func svarstatus(_ a: Afdaekning, _ svar: [GemtSvar]) -> Tabel {
        Tabel(kolonner: ["kommune", "status", "version", "kilde"], raekker: a.inviterede.map { k in
            guard let s = svar.first(where: { $0.kommune == k }) else { return [.tekst(k), .tekst("Ikke besvaret"), .tom, .tom] }
            return [.tekst(k), .tekst(s.status.tekst), .heltal(s.version), .tekst(s.kilde)]
        })
    }

    /// The reconciliation findings of every count question (DOMAIN.md 6.13), with the question.
    public static func fund(_ o: Afdaekningsopgoerelse) -> Tabel {
        Tabel(kolonner: ["spoergsmaal", "raekke", "kolonne", "besked"], raekker: o.antal.flatMap { x in
            x.kontrol.fund.map { [.tekst(x.spoergsmaal.tekst), .heltal($0.raekke), .tekst($0.kolonne), .tekst($0.besked)] }
        })
    }

    public static let iAlt = "I alt"

    static func arknavn(_ s: Spoergsmaal) -> String { "Spørgsmål \(s.noegle.dropFirst())" }

    /// The published report: overview, then each count and choice question.
    public static func offentlig(_ g: GemtAfdaekning, _ o: Afdaekningsopgoerelse) -> [(navn: String, tabel: Tabel)] {
        var ark: [(navn: String, tabel: Tabel)] = [("Oversigt", oversigt(g, o))]
        for s in g.afdaekning.spoergsmaal {
            if let x = o.antal.first(where: { $0.spoergsmaal == s }) { ark.append((arknavn(s), offentligtAntal(x))) }
            if let v = o.valg.first(where: { $0.spoergsmaal == s }) { ark.append((arknavn(s), valg(v, inviterede: g.afdaekning.inviterede.count))) }
        }
        return ark
    }

    /// The whole review for the secretariat: overview, answer status, every question, findings.
    public static func fuld(_ g: GemtAfdaekning, _ o: Afdaekningsopgoerelse, svar: [GemtSvar],
                            aarsager: [String: GemtAfvigelsesaarsag] = [:]) -> [(navn: String, tabel: Tabel)] {
        var ark: [(navn: String, tabel: Tabel)] = [("Oversigt", oversigt(g, o)), ("Svar", svarstatus(g.afdaekning, svar))]
        for s in g.afdaekning.spoergsmaal {
            switch s.art {
            case .antal: if let x = o.antal.first(where: { $0.spoergsmaal == s }) { ark.append((arknavn(s), fuldtAntal(x))) }
            case .valg: if let v = o.valg.first(where: { $0.spoergsmaal == s }) { ark.append((arknavn(s), valg(v, inviterede: g.afdaekning.inviterede.count))) }
            case .fritekst: ark.append((arknavn(s), fritekst(s, o)))
            }
        }
        ark.append(("Fund", fund(o)))
        if !o.afstemning.isEmpty { ark.append(("Afstemning", Afstemningstabeller.poster(o.afstemning, aarsager: aarsager))) }
        return ark
    }
}
