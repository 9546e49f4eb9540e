import Foundation

/// Table 1's takstudvikling per driftsherre as the sentences of 001:8553–8561: how many are lower,
/// under 2 %, 2–5 %, the band above (labelled by its members' whole percents, "6 – 7 %"), and each
/// one above 7 % by its value; driftsherrer without tilbud in both years are named apart.
public enum Takstudviklingstekst {
    public struct Driftsherre: Sendable {
        public let navn: String
        /// nil: no base to compare with.
        public let udviklingPct: Decimal?
        /// No tilbud in either year (Hedensted 2018–2019).
        public let udenTilbud: Bool
        public init(navn: String, udviklingPct: Decimal?, udenTilbud: Bool = false) {
            self.navn = navn
            self.udviklingPct = udviklingPct
            self.udenTilbud = udenTilbud
        }
        var erRegion: Bool { navn.lowercased().hasPrefix("region") }
    }

    static let ord = ["nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"]

    /// "fem kommuner", "to kommuner og Region Midtjylland", "en kommune".
    static func hvem(_ d: [Driftsherre]) -> String {
        let kommuner = d.filter { !$0.erRegion }.count
        let regioner = d.filter(\.erRegion).map(\.navn)
        var dele: [String] = []
        if kommuner > 0 { dele.append("\(kommuner < ord.count ? ord[kommuner] : "\(kommuner)") \(kommuner == 1 ? "kommune" : "kommuner")") }
        dele += regioner
        return dele.joined(separator: " og ")
    }

    static func pct(_ v: Decimal) -> String { DanskTal.formater(v, decimaler: 1) }

    public static func punkter(_ driftsherrer: [Driftsherre], fra: Int, til: Int) -> [String] {
        let med = driftsherrer.filter { $0.udviklingPct != nil }
        func i(_ f: (Decimal) -> Bool) -> [Driftsherre] { med.filter { f($0.udviklingPct!) } }
        let lavere = i { $0 < 0 }, under2 = i { $0 >= 0 && $0 < 2 }, til5 = i { $0 >= 2 && $0 <= 5 }
        let til7 = i { $0 > 5 && $0 <= 7 }, over = i { $0 > 7 }
        var ud: [String] = []
        if !lavere.isEmpty { ud.append("at \(hvem(lavere)) samlet set har lavere takster i \(til) end \(fra).") }
        if !under2.isEmpty { ud.append("at \(hvem(under2)) samlet set har en stigning i taksten på under 2 %") }
        if !til5.isEmpty { ud.append("at \(hvem(til5)) samlet set har en stigning i taksten på mellem 2 – 5 %") }
        if !til7.isEmpty {
            let lo = til7.map { NSDecimalNumber(decimal: afrundet($0.udviklingPct!, decimaler: 0)).intValue }.min()!
            let hi = til7.map { NSDecimalNumber(decimal: afrundet($0.udviklingPct!, decimaler: 0)).intValue }.max()!
            ud.append("at \(hvem(til7)) har en stigning i taksten på \(lo == hi ? "\(lo)" : "\(lo) – \(hi)") %")
        }
        for d in over.sorted(by: { $0.udviklingPct! < $1.udviklingPct! }) {
            ud.append("at \(hvem([d])) har en stigning i taksten på \(pct(d.udviklingPct!)) %.")
        }
        for d in driftsherrer where d.udviklingPct == nil {
            ud.append(d.udenTilbud ? "\(d.navn) ikke har tilbud omfattet af rammeaftalen i \(fra) og \(til)."
                                   : "\(d.navn) ikke har et sammenligningsgrundlag i \(fra).")
        }
        return ud
    }

    /// From table 1's rows (the total row left out).
    public static func punkter(_ raekker: [Takstudvikling.Raekke], fra: Int, til: Int) -> [String] {
        punkter(raekker.filter { $0.driftsherre != Takstudvikling.iAlt }.map {
            Driftsherre(navn: $0.driftsherre, udviklingPct: $0.udviklingPct, udenTilbud: $0.fra.erTom && $0.til.erTom)
        }, fra: fra, til: til)
    }
}
