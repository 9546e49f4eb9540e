import Foundation

/// One part of a mixed split: a share of the amount, split by its own key (DOMAIN.md 6.8).
/// Ungementor: 50 % by the share of 15–29-årige, 50 % by last year's courses (001:10097–10170).
public struct Fordelingskomponent: Codable, Equatable, Sendable {
    public var navn: String
    /// Fraction of the amount, in [0; 1]; the components' fractions must add up to 1.
    public var andel: Decimal
    public var noegle: Fordelingsnoegle
    public init(navn: String, andel: Decimal, noegle: Fordelingsnoegle) {
        self.navn = navn
        self.andel = andel
        self.noegle = noegle
    }
}

public struct SammensatFordelingsraekke: Codable, Equatable, Sendable {
    public var kommune: String
    /// The kommune's unrounded amount from each component, in the components' order.
    public var komponenterUafrundet: [Decimal]
    /// Each component rounded alone, for display (the parts need not add up to `beloeb`).
    public var komponenter: [Kroner]
    public var beloebUafrundet: Decimal
    /// The kommune's total, rounded once from the unrounded sum of its parts.
    public var beloeb: Kroner
}

public struct SammensatFordelingsresultat: Codable, Equatable, Sendable {
    public var afrunding: Fordelingsafrunding
    public var beloeb: Kroner
    public var komponenter: [Fordelingsresultat]
    public var raekker: [SammensatFordelingsraekke]
    public var sumAfRaekker: Kroner
    public var difference: Kroner
}

extension Fordeling {
    /// Splits `beloeb` into components, each split by its key; a kommune's total is the sum of its
    /// unrounded parts, rounded once. That is how the source gets Favrskov's 82.298 from
    /// 30.375 + 2/13 × 337.500 = 82.298,08 (001:10150–10170). A kommune missing from a key gets 0
    /// from that component (Silkeborg had no courses in 2019).
    public static func fordelSammensat(beloeb: Kroner, komponenter: [Fordelingskomponent],
                                       afrunding: Fordelingsafrunding = .standard) throws -> SammensatFordelingsresultat {
        guard !komponenter.isEmpty else {
            throw Valideringsfejl(felt: "komponenter", besked: "angiv mindst én komponent")
        }
        var fejl: [Valideringsfejl] = []
        for (i, k) in komponenter.enumerated() where k.andel < 0 || k.andel > 1 {
            fejl.append(Valideringsfejl(felt: "komponenter[\(i + 1)].andel",
                                        besked: "\(k.navn): andelen skal være mellem 0 og 1 (fik \(DanskTal.formaterKort(k.andel, maksDecimaler: 4)))"))
        }
        let sumAndele = komponenter.reduce(Decimal(0)) { $0 + $1.andel }
        if fejl.isEmpty && sumAndele != 1 {
            fejl.append(Valideringsfejl(felt: "komponenter",
                                        besked: "komponenternes andele skal give 1 i alt (fik \(DanskTal.formaterKort(sumAndele, maksDecimaler: 4)))"))
        }
        try Valideringsfejl.kast(fejl)

        var resultater: [Fordelingsresultat] = []
        for (i, k) in komponenter.enumerated() {
            do {
                resultater.append(try fordel(beloeb: beloeb * k.andel, noegle: k.noegle, afrunding: afrunding))
            } catch let f as Valideringsfejl {
                throw Valideringsfejl(felt: "komponenter[\(i + 1)].\(f.felt)", besked: "\(k.navn): \(f.besked)")
            } catch let l as Valideringsfejlliste {
                throw Valideringsfejlliste(l.fejl.map { Valideringsfejl(felt: "komponenter[\(i + 1)].\($0.felt)", besked: "\(k.navn): \($0.besked)") })
            }
        }
        // Kommuner in order of first appearance over the components.
        var navne: [String] = []
        var set = Set<String>()
        for r in resultater { for raekke in r.raekker where set.insert(Kommuner.normaliseret(raekke.kommune)).inserted { navne.append(raekke.kommune) } }
        let dele: [[Decimal]] = navne.map { navn in resultater.map { $0.raekke(navn)?.beloebUafrundet ?? 0 } }
        let viste: [[Kroner]] = navne.map { navn in resultater.map { $0.raekke(navn)?.beloeb ?? 0 } }
        let summer = dele.map { $0.reduce(0, +) }
        let afrundede = afrund(summer, total: beloeb, afrunding: afrunding)
        let raekker = navne.indices.map {
            SammensatFordelingsraekke(kommune: navne[$0], komponenterUafrundet: dele[$0], komponenter: viste[$0],
                                      beloebUafrundet: summer[$0], beloeb: afrundede[$0])
        }
        let sum = afrundede.reduce(0, +)
        return SammensatFordelingsresultat(afrunding: afrunding, beloeb: beloeb, komponenter: resultater,
                                           raekker: raekker, sumAfRaekker: sum, difference: sum - beloeb)
    }
}

/// How a deficit (or a start-up cost) is shared between the region and the kommuner before the
/// kommuner's part is split by a key (DOMAIN.md 6.8):
/// - underskudsgaranti: the region pays the first 500.000 kr and 25 % of the rest, the kommuner
///   75 % of the rest by population (002:1725–1750);
/// - start-up deficit: the region 25 %, the kommuner 75 % (003:2395–2403) — a first amount of 0.
public struct Underskudsdeling: Codable, Equatable, Sendable {
    /// What the region pays before anything is shared.
    public var regionensFoersteBeloeb: Kroner
    /// The region's share of what exceeds the first amount, in [0; 1].
    public var regionensAndelAfResten: Decimal

    public init(regionensFoersteBeloeb: Kroner = 0, regionensAndelAfResten: Decimal) {
        self.regionensFoersteBeloeb = regionensFoersteBeloeb
        self.regionensAndelAfResten = regionensAndelAfResten
    }

    /// 002:1725–1750 (Neurocenter Østerskoven).
    public static let underskudsgarantiOesterskoven = Underskudsdeling(regionensFoersteBeloeb: 500_000, regionensAndelAfResten: Decimal(string: "0.25")!)
    /// 003:2395–2403 (tilbud til unge med svær selvskade).
    public static let opstartSelvskade = Underskudsdeling(regionensFoersteBeloeb: 0, regionensAndelAfResten: Decimal(string: "0.25")!)

    public struct Deling: Codable, Equatable, Sendable {
        public var underskud: Kroner
        public var region: Kroner
        public var kommuner: Kroner
    }

    public func valider(felt: String = "deling") throws {
        try Kontrol.ikkeNegativ(regionensFoersteBeloeb, felt: "\(felt).regionensFoersteBeloeb", hvad: "regionens første beløb")
        guard regionensAndelAfResten >= 0, regionensAndelAfResten <= 1 else {
            throw Valideringsfejl(felt: "\(felt).regionensAndelAfResten",
                                  besked: "regionens andel skal være mellem 0 og 1 (fik \(DanskTal.formaterKort(regionensAndelAfResten, maksDecimaler: 4)))")
        }
    }

    /// Unrounded parts; region + kommuner = underskud. A surplus (≤ 0) is not shared.
    public func del(_ underskud: Kroner) -> Deling {
        guard underskud > 0 else { return Deling(underskud: underskud, region: 0, kommuner: 0) }
        let foerst = min(underskud, regionensFoersteBeloeb)
        let rest = underskud - foerst
        let region = foerst + rest * regionensAndelAfResten
        return Deling(underskud: underskud, region: region, kommuner: underskud - region)
    }
}
