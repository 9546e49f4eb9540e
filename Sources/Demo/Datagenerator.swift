import Filformater
import Foundation
import Takstregler

/// `takstfil demo generer`: deterministic, plausible national-scale data in the canonical import
/// formats (issue "Ydeevne" 1). Distributions follow the fixtures: døgntakster of 1.000–9.000 kr.,
/// belægning around 90–100 %, every målgruppe, a dag/døgn mix, 1–5 takstniveauer (3 on average).
/// Everything generated is fiction and named so (tilbud "… (genereret)").
public struct Datagenerator {
    public enum Skala: String, CaseIterable, Sendable {
        case national, x10
        var antalTilbud: Int { self == .national ? 3000 : 30_000 }
    }

    var rng: SplitMix64
    let skala: Skala
    let sidsteAar: Int
    public let antalAar = 10

    public init(skala: Skala, seed: UInt64, sidsteAar: Int) {
        self.skala = skala
        rng = SplitMix64(seed: seed)
        self.sidsteAar = sidsteAar
    }

    public struct Filer: Sendable {
        public internal(set) var takster = ""
        public internal(set) var regnskab = ""
        public internal(set) var belaegning = ""
        public internal(set) var pladser = ""
        public internal(set) var antalTilbud = 0
        public internal(set) var antalNiveauer = 0
    }

    /// Driftsherrer: the 98 kommuner and the 5 regions, weighted so larger ones run more tilbud.
    func driftsherrer() -> [(navn: String, region: String, vaegt: Int)] {
        var ud: [(String, String, Int)] = []
        for r in Kommuner.Region.allCases {
            let regionsnavn = String(r.rawValue.dropFirst("Region ".count))
            for (i, k) in Kommuner.i(r).enumerated() {
                ud.append(("\(k) Kommune", regionsnavn, ["Aarhus", "København", "Odense", "Aalborg"].contains(k) ? 12 : 2 + (i % 4)))
            }
            ud.append((r.rawValue, regionsnavn, 10))
        }
        return ud
    }

    static func tal(_ d: Decimal) -> String { "\(d)".replacingOccurrences(of: ".", with: ",") }

    /// `fremdrift` is told each tilbud made, of how many (a terminal's progress line).
    public mutating func lav(fremdrift: ((_ faerdige: Int, _ iAlt: Int) -> Void)? = nil) -> Filer {
        var f = Filer()
        let kolonner = Takstfilskabelon.kolonner.map(\.0).filter { !["status", "version", "revision", "takst"].contains($0) }
        f.takster = kolonner.joined(separator: ";") + "\n"
        f.regnskab = "driftsherre;tilbud;aar;belaegning;regnskab_kr;over_underskud_kr;tillaegsydelser_kr;takstindtaegter_kr;maalgruppe;type;region\n"
        f.belaegning = "driftsherre;tilbud;aar;kvartal;normering;forbrug;art;maalgruppe;region\n"
        f.pladser = "driftsherre;tilbud;aar;maalgruppe;type;pladser;region\n"
        let dh = driftsherrer()
        let samletVaegt = dh.reduce(0) { $0 + $1.vaegt }
        var nr = 0
        for d in dh {
            let antal = max(1, skala.antalTilbud * d.vaegt / samletVaegt)
            for _ in 0..<antal where nr < skala.antalTilbud {
                nr += 1
                tilbud(nr, d.navn, d.region, &f)
                fremdrift?(nr, skala.antalTilbud)
            }
        }
        while nr < skala.antalTilbud {
            nr += 1
            let d = dh[nr % dh.count]
            tilbud(nr, d.navn, d.region, &f)
            fremdrift?(nr, skala.antalTilbud)
        }
        f.antalTilbud = nr
        return f
    }

    private mutating func tilbud(_ nr: Int, _ driftsherre: String, _ region: String, _ f: inout Filer) {
        let mg = Maalgruppe.allCases[rng.heltal(0...Maalgruppe.allCases.count - 1)]
        let type: Tilbud.Type_ = mg == .sikrede || mg == .boernOgUnge ? .doegn : [.doegn, .doegn, .doegn, .dag, .ambulant][rng.heltal(0...4)]
        let navn = "\(Demogenerator.forled[rng.heltal(0...Demogenerator.forled.count - 1)]) \(Demogenerator.navne[rng.heltal(0...Demogenerator.navne.count - 1)]) \(nr) (genereret)"
        let pladser = Decimal(rng.heltal(3...40))
        let enhed: Takstenhed = type == .ambulant ? .time : (type == .dag ? .dag : .doegn)
        let enheder: Decimal = type == .ambulant ? 1600 : (type == .dag ? 250 : 365)
        let niveauer = [1, 2, 3, 3, 4, 5][rng.heltal(0...5)]
        let overhead = region == "Nordjylland" ? "bruttoandel;6,87" : "procent;6,1"
        let paragraf = Demogenerator.paragraffer[mg]!.randomElement(using: &rng)!
        var pris = Decimal(rng.heltal(Demogenerator.prisleje(mg, type)))
        let sikret = mg == .sikrede
        for aar in (sidsteAar - antalAar + 1)...sidsteAar {
            pris = afrundet(pris * Decimal(rng.heltal(97...105)) / 100, decimaler: 2)
            let belaegningsprocent = Decimal(rng.heltal(88...99))
            var budget: Decimal = 0
            for niv in 1...niveauer {
                let direkte = afrundet(pris * (1 + Decimal(niv - 1) * Decimal(string: "0.3")!) * pladser * enheder * belaegningsprocent / 100
                                       / Decimal(string: "1.061")!, decimaler: 0)
                budget += direkte
                let personale = afrundet(direkte * Decimal(string: "0.74")!, decimaler: 0)
                let ejendom = afrundet(direkte * Decimal(string: "0.11")!, decimaler: 0)
                let borger = afrundet(direkte * Decimal(string: "0.08")!, decimaler: 0)
                let adm = direkte - personale - ejendom - borger
                var v: [String: String] = [
                    "driftsherre": driftsherre, "tilbud": navn, "maalgruppe": mg.rawValue, "paragraf": paragraf, "type": type.rawValue,
                    "aar": "\(aar)", "takstniveau": niveauer == 1 ? "Takst" : "Takst \(niv)", "enhed": enhed.rawValue,
                    "pladser": Self.tal(pladser), "dage": type == .doegn ? "" : Self.tal(enheder),
                    "belaegningsprocent": Self.tal(belaegningsprocent), "personale": Self.tal(personale),
                    "ejendomsomkostninger": Self.tal(ejendom), "borgerrelaterede_udgifter": Self.tal(borger),
                    "administration": Self.tal(adm), "afrunding": "hele_kroner",
                ]
                let o = overhead.split(separator: ";")
                v["overhead_metode"] = String(o[0]); v["overhead"] = String(o[1])
                f.takster += Takstfilskabelon.kolonner.map(\.0).filter { !["status", "version", "revision", "takst"].contains($0) }
                    .map { v[$0] ?? "" }.joined(separator: ";") + "\n"
                f.antalNiveauer += 1
            }
            // Regnskab: costs around budget, occupancy around the calculated rate.
            let omk = afrundet(budget * Decimal(rng.heltal(96...104)) / 100 * Decimal(string: "1.061")!, decimaler: 0)
            let indtaegt = afrundet(omk * Decimal(rng.heltal(96...104)) / 100, decimaler: 0)
            let helaar = afrundet(pladser * Decimal(rng.heltal(85...101)) / 100, decimaler: 1)
            let tillaeg = afrundet(omk * Decimal(rng.heltal(0...8)) / 100, decimaler: 0)
            f.regnskab += "\(driftsherre);\(navn);\(aar);\(Self.tal(helaar));\(omk);\(indtaegt - omk);\(tillaeg);\(indtaegt);\(mg.rawValue);\(type.rawValue);\(region)\n"
            f.pladser += "\(driftsherre);\(navn);\(aar);\(mg.rawValue);\(type.rawValue);\(Self.tal(pladser));\(region)\n"
            for kvartal in 1...4 {
                let dage: Decimal = type == .doegn ? [90, 91, 92, 92][kvartal - 1] : 62
                let normering = pladser * dage
                let forbrug = afrundet(normering * Decimal(rng.heltal(86...102)) / 100, decimaler: 0)
                let art = sikret ? (kvartal % 2 == 0 ? "aaben" : "lukket") : (type == .dag ? "dag" : "doegn")
                f.belaegning += "\(driftsherre);\(navn);\(aar);\(kvartal);\(Self.tal(normering));\(Self.tal(forbrug));\(art);\(mg.rawValue);\(region)\n"
            }
        }
    }
}
