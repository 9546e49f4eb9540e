import Foundation
import Takstregler

/// The central udmelding's figures per tilbud as a CSV (001:3031–3330):
/// `tilbud;driftsherre;maalgruppe;pladser;borgerflow_2017;borgerflow_2018;…;aarsvaerk;erfaring_pct;note`.
/// Borgerflow columns are any number of `borgerflow_ÅÅÅÅ`; `note` is optional. Figures may be
/// "oplyses ikke"; borgerflow cells are uncertain counts. Every bad cell is named; nothing is read then.
public enum Udmeldingsfil {
    public static let kolonner = ["tilbud", "driftsherre", "maalgruppe", "pladser", "aarsvaerk", "erfaring_pct"]

    public static func laes(fil: String, tekst: String) throws -> [Udmeldingsdata] {
        let (raekker, _, tidligere) = CSVTabel.del(tekst, fil: fil)
        var fejl = tidligere
        guard let hoved = raekker.first else { throw Importfejl(fil: fil, besked: "filen er tom") }
        let navne = hoved.celler.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let mangler = kolonner.filter { !navne.contains($0) }
        if !mangler.isEmpty {
            throw Importfejl(fil: fil, raekke: hoved.nummer, besked: "mangler kolonnerne \(mangler.joined(separator: ", ")) (forventet: \(kolonner.joined(separator: ";"));borgerflow_ÅÅÅÅ…;note)")
        }
        var aar: [(Int, Int)] = []
        for (i, n) in navne.enumerated() where !kolonner.contains(n) && n != "note" {
            if n.hasPrefix("borgerflow_"), let a = Int(n.dropFirst("borgerflow_".count)), Aarsinterval.erGyldigt(a) {
                aar.append((i, a))
            } else {
                fejl.append(Importfejl(fil: fil, raekke: hoved.nummer, kolonne: hoved.celler[i], besked: "ukendt kolonne (borgerflow skrives borgerflow_2019)"))
            }
        }
        func i(_ k: String) -> Int { navne.firstIndex(of: k)! }
        var ud: [Udmeldingsdata] = []
        var set: [String: Int] = [:]
        for r in raekker.dropFirst() {
            if CSVTabel.erTom(r.celler) { continue }
            guard r.celler.count == hoved.celler.count else {
                fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: r.nummer, har: r.celler.count, forventet: hoved.celler.count))
                continue
            }
            func celle(_ k: String) -> String { r.celler[i(k)].trimmingCharacters(in: .whitespaces) }
            var ok = true
            for k in ["tilbud", "driftsherre", "maalgruppe"] where celle(k).isEmpty {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[i(k)], besked: "feltet er tomt"))
                ok = false
            }
            let noegle = "\(celle("tilbud"))|\(celle("maalgruppe"))"
            if ok, let foerste = set[noegle] {
                fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[i("tilbud")],
                                       besked: "\(celle("tilbud")) (\(celle("maalgruppe"))) står også i række \(foerste)"))
            }
            set[noegle] = r.nummer
            func oplysning(_ k: String, procent: Bool = false) -> Oplysning? {
                do { return try Oplysning.fortolk(celle(k), felt: k, procent: procent) } catch let v as Valideringsfejl {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[i(k)], besked: v.besked))
                } catch { fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[i(k)], besked: "\(error)")) }
                return nil
            }
            let pladser = oplysning("pladser"), aarsvaerk = oplysning("aarsvaerk"), erfaring = oplysning("erfaring_pct", procent: true)
            var flow: [Int: Taelling] = [:]
            for (kol, a) in aar {
                do {
                    let t = try Taelling.fortolk(r.celler[kol])
                    if t != .ikkeBesvaret { flow[a] = t }
                } catch let v as Valideringsfejl {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: hoved.celler[kol], besked: v.besked))
                }
            }
            guard ok, let pladser, let aarsvaerk, let erfaring else { continue }
            ud.append(Udmeldingsdata(tilbud: celle("tilbud"), driftsherre: celle("driftsherre"), maalgruppe: celle("maalgruppe"),
                                     pladser: pladser, borgerflow: flow, aarsvaerk: aarsvaerk, erfaringPct: erfaring,
                                     note: navne.contains("note") ? celle("note") : ""))
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        if ud.isEmpty { throw Importfejl(fil: fil, raekke: 2, besked: "filen har ingen tilbud") }
        return ud
    }
}
