import Foundation
import Lager
import Takstregler

/// Generated, plausible tilbud (deterministic for a seed): Midtjylland's driftsherrer carry their
/// real 2018–2019 regnskab, over/underskud and tillægsydelser split over their tilbud so the sums
/// equal the published tables 1–3;
/// takster for last year and this year follow the fixtures' ranges.
struct Demogenerator {
    var rng: SplitMix64
    let aar: Int

    init(seed: UInt64, aar: Int) {
        rng = SplitMix64(seed: seed)
        self.aar = aar
    }

    static let forled = ["Bostedet", "Botilbuddet", "Center", "Opholdsstedet", "Dagtilbuddet", "Bofællesskabet",
                         "Værestedet", "Behandlingscentret", "Skolehjemmet", "Aktivitetshuset"]
    static let navne = ["Egely", "Lindely", "Solbakken", "Birkely", "Kildehuset", "Engvang", "Skovbrynet", "Fjordglimt",
                        "Rønnebo", "Havblik", "Lyngtoften", "Bøgely", "Granhøj", "Mosegården", "Ahornvej", "Åbrinken",
                        "Møllehøj", "Kastanjehuset", "Strandlyst", "Elmely", "Hybenhaven", "Klitrosen", "Pilegården"]

    /// Cost per used place-day by målgruppe and type, in kroner (fixtures: 890–7.000 kr./døgn).
    static func prisleje(_ m: Maalgruppe, _ type: Tilbud.Type_) -> ClosedRange<Int> {
        switch (m, type) {
        case (.sikrede, _): return 6000...9000
        case (.boernOgUnge, .doegn): return 3500...6500
        case (.forsorgshjem, _), (.kvindekrisecentre, _): return 900...1800
        case (_, .doegn): return 1500...4000
        case (_, .dag): return 500...1400
        case (_, .ambulant): return 300...900
        }
    }

    static let paragraffer: [Maalgruppe: [String]] = [
        .boernOgUnge: ["66", "67"], .sikrede: ["67"], .sindslidelser: ["107", "108", "104"],
        .fysiskHandicap: ["107", "108", "104"], .psykiskHandicap: ["107", "108", "103", "104"],
        .forsorgshjem: ["110"], .misbrug: ["101", "107"], .kvindekrisecentre: ["109"],
    ]

    mutating func opret(_ l: Lager, af bruger: String) async throws -> Int {
        var antal = 0
        var brugteNavne = Set<String>()
        let overhead = Overheadmetode.procentAfDirekte(Decimal(string: "6.1")!) // Midtjylland: 5,4 + 0,5 + 0,2
        let resultat = Dictionary(uniqueKeysWithValues: Demokilder.midtResultat.map { ($0.driftsherre, $0) })
        for d in Demokilder.midtRegnskab where d.tkr2018 > 0 {
            let n = max(3, min(25, Int(truncating: (d.bel2019 / 60) as NSDecimalNumber)))
            let vaegte = (0..<n).map { _ in Decimal(rng.heltal(1...10)) }
            let sum = vaegte.reduce(0, +)
            var rest18 = d.tkr2018 * 1000, rest19 = d.tkr2019 * 1000
            var restBel18 = d.bel2018, restBel19 = d.bel2019
            var aarstal: [(kr18: Kroner, kr19: Kroner, bel18: Decimal, bel19: Decimal)] = []
            for i in 0..<n {
                let sidste = i == n - 1
                let andel = vaegte[i] / sum
                // Whole kroner and one-decimal places; the last tilbud takes the rest, so each
                // driftsherre's totals equal table 1 exactly.
                let kr18 = sidste ? rest18 : afrundet(d.tkr2018 * 1000 * andel, decimaler: 0)
                let kr19 = sidste ? rest19 : afrundet(d.tkr2019 * 1000 * andel, decimaler: 0)
                let bel18 = sidste ? restBel18 : afrundet(d.bel2018 * andel, decimaler: 1)
                let bel19 = sidste ? restBel19 : afrundet(d.bel2019 * andel, decimaler: 1)
                rest18 -= kr18; rest19 -= kr19; restBel18 -= bel18; restBel19 -= bel19
                aarstal.append((kr18, kr19, bel18, bel19))
            }
            // Tables 2 and 3 per driftsherre (001:8936–9050), split over its tilbud by their costs
            // with largest remainder, so each driftsherre's sums are the printed rows to the krone.
            guard let r = resultat[d.driftsherre] else {
                throw Valideringsfejl(felt: "driftsherre", besked: "\(d.driftsherre) mangler i tabel 2 og 3 (Demokilder.midtResultat)")
            }
            let over18 = try Demogenerator.fordel(r.over2018 * 1000, efter: aarstal.map(\.kr18))
            let over19 = try Demogenerator.fordel(r.over2019 * 1000, efter: aarstal.map(\.kr19))
            let tillaeg18 = try Demogenerator.fordel(r.tillaeg2018 * 1000, efter: aarstal.map(\.kr18))
            let tillaeg19 = try Demogenerator.fordel(r.tillaeg2019 * 1000, efter: aarstal.map(\.kr19))
            for (i, a) in aarstal.enumerated() {
                let tilbudID = try await opretTilbud(l, driftsherre: d.driftsherre, brugte: &brugteNavne, af: bruger,
                                                     pladserOmkring: a.bel19, overhead: overhead)
                try await l.gemRegnskab(tilbudID: tilbudID, Regnskab(aar: 2018, omkostninger: a.kr18, belaegning: a.bel18,
                                                                     overUnderskud: over18[i], tillaegsydelser: tillaeg18[i]),
                                        status: .offentliggjort, af: bruger)
                try await l.gemRegnskab(tilbudID: tilbudID, Regnskab(aar: 2019, omkostninger: a.kr19, belaegning: a.bel19,
                                                                     overUnderskud: over19[i], tillaegsydelser: tillaeg19[i]),
                                        status: .offentliggjort, af: bruger)
                antal += 1
            }
        }
        for kommune in Demokilder.nordKommuner {
            for _ in 0..<rng.heltal(3...6) {
                _ = try await opretTilbud(l, driftsherre: kommune, brugte: &brugteNavne, af: bruger,
                                          pladserOmkring: Decimal(rng.heltal(6...30)), overhead: .bruttoandel(Decimal(string: "6.87")!))
                antal += 1
            }
        }
        return antal
    }

    private mutating func opretTilbud(_ l: Lager, driftsherre: String, brugte: inout Set<String>, af bruger: String,
                                      pladserOmkring: Decimal, overhead: Overheadmetode) async throws -> UUID {
        let maalgruppe = Maalgruppe.allCases[rng.heltal(0...(Maalgruppe.allCases.count - 1))]
        let type: Tilbud.Type_ = maalgruppe == .sikrede || maalgruppe == .boernOgUnge ? .doegn
            : [.doegn, .doegn, .dag, .ambulant][rng.heltal(0...3)]
        var navn: String
        repeat {
            navn = "\(Demogenerator.forled[rng.heltal(0...Demogenerator.forled.count - 1)]) \(Demogenerator.navne[rng.heltal(0...Demogenerator.navne.count - 1)])"
            if brugte.contains(navn) { navn += " \(driftsherre.replacingOccurrences(of: " Kommune", with: ""))" }
        } while brugte.contains(navn)
        brugte.insert(navn)
        let paragraf = Demogenerator.paragraffer[maalgruppe]!.randomElement(using: &rng)!
        let id = try await l.opretTilbud(
            Tilbud(navn: navn, driftsherre: driftsherre, paragraf: paragraf, maalgruppe: maalgruppe, type: type,
                   ejerform: driftsherre.hasPrefix("Region") ? .regional : .kommunal),
            af: bruger, demo: true, kilde: Demodata.kildeGenereret)

        let pladser = Decimal(max(2, min(60, Int(truncating: pladserOmkring as NSDecimalNumber) + rng.heltal(-2...4))))
        let belaegning = Decimal(rng.heltal(85...98))
        let dagspris = Decimal(rng.heltal(Demogenerator.prisleje(maalgruppe, type)))
        let enhed: Takstenhed = type == .ambulant ? .time : (type == .dag ? .dag : .doegn)
        let enheder: Decimal? = type == .ambulant ? 1600 : (type == .dag ? 250 : nil)
        let niveauer = rng.heltal(1...3)
        for aarsnr in [aar - 1, aar] {
            let prisudvikling: Decimal = aarsnr == aar ? Decimal(rng.heltal(98...105)) / 100 : 1
            for niv in 1...niveauer {
                let faktor = Decimal(niv - 1) * Decimal(string: "0.35")! + 1
                let direkte = afrundet(dagspris * faktor * prisudvikling * pladser * (enheder ?? 365)
                                       * belaegning / 100 / Decimal(string: "1.061")!, decimaler: 0)
                let linjer = Demogenerator.fordelOmkostninger(direkte)
                let niveau = Takstniveau(navn: niveauer == 1 ? "Takst" : "Takst \(niv)", aar: aarsnr, grundlag: Takstgrundlag(
                    omkostninger: linjer, overhead: overhead, pladser: pladser, enhed: enhed, enhederPrAar: enheder,
                    belaegningsprocent: belaegning))
                // The second year moves up to 5 % and more after rounding: it says why, as a submission must (DOMAIN.md 7).
                try await Demodata.publicer(l, tilbudID: id, niveau, af: bruger,
                                            begrundelse: aarsnr == aar ? "Pris- og lønudvikling (genererede demodata)" : nil)
            }
        }
        return id
    }

    /// An amount in whole kroner split over a driftsherre's tilbud in proportion to `efter` (their
    /// costs) by the allocation engine, largest remainder: the parts add up to the amount exactly.
    static func fordel(_ beloeb: Kroner, efter: [Kroner]) throws -> [Kroner] {
        let noegle = Fordelingsnoegle(navn: "årets omkostninger pr. tilbud", efter.enumerated().map { ("tilbud \($0.offset + 1)", $0.element) })
        return try Fordeling.fordel(beloeb: beloeb, noegle: noegle, afrunding: .stoersteRest).raekker.map(\.beloeb)
    }

    /// Splits direct costs over the categories in typical proportions; the lines add up exactly.
    static func fordelOmkostninger(_ i_alt: Decimal) -> [Omkostningslinje] {
        let andele: [(Omkostningskategori, Decimal)] = [
            (.personale, Decimal(string: "0.72")!), (.borgerrelaterede, Decimal(string: "0.08")!),
            (.kompetenceudvikling, Decimal(string: "0.02")!), (.afskrivninger, Decimal(string: "0.04")!),
            (.ejendom, Decimal(string: "0.10")!),
        ]
        var linjer = andele.map { Omkostningslinje($0.0, afrundet(i_alt * $0.1, decimaler: 0)) }
        let rest = i_alt - linjer.reduce(Decimal(0)) { $0 + $1.beloeb }
        linjer.append(Omkostningslinje(.administration, rest))
        return linjer
    }
}

/// A small deterministic generator, so demo data is the same on every machine.
public struct SplitMix64: RandomNumberGenerator {
    var tilstand: UInt64
    public init(seed: UInt64) { tilstand = seed }
    public mutating func next() -> UInt64 {
        tilstand &+= 0x9E37_79B9_7F4A_7C15
        var z = tilstand
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func heltal(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &self) }
}
