import Foundation

/// Sharing a deficit between the region and the kommuner across scenarios, the kommuner's part
/// split by one or more keys (DOMAIN.md 6.8):
/// - start-up and first three years' deficits of the self-harm tilbud: region 25 %, kommuner 75 %
///   by population or by 14–23-årige (003:2395–2403, 003:3212–3292);
/// - underskudsgaranti for Neurocenter Østerskoven: region the first 0,5 mio. and 25 % of the rest,
///   kommuner 75 % of the rest by population (002:1725–1731).
public struct UnderskudsdelingInput: Codable, Equatable, Sendable {
    public struct Post: Codable, Equatable, Sendable {
        public var tekst: String
        public var beloeb: Kroner
        public init(tekst: String, beloeb: Kroner) {
            self.tekst = tekst
            self.beloeb = beloeb
        }
    }
    public struct Scenarie: Codable, Equatable, Sendable {
        public var navn: String
        public var poster: [Post]
        /// The kommuner's share as decided or printed, when it differs from the computed one: the
        /// self-harm table splits 5,37 and 5,59 mio. although its parts give 5,3475 and 5,5725
        /// (003:3215–3227; DOMAIN.md 11). The difference is reported, never hidden.
        public var kommunernesAndelAngivet: Kroner?
        public init(navn: String, poster: [Post], kommunernesAndelAngivet: Kroner? = nil) {
            self.navn = navn
            self.poster = poster
            self.kommunernesAndelAngivet = kommunernesAndelAngivet
        }
    }
    public var beskrivelse: String?
    public var deling: Underskudsdeling
    public var scenarier: [Scenarie]
    public var noegler: [Fordelingsnoegle]
    public var daekningsomraade: [String]?
    public var afrunding: Fordelingsafrunding?

    public init(beskrivelse: String? = nil, deling: Underskudsdeling, scenarier: [Scenarie], noegler: [Fordelingsnoegle],
                daekningsomraade: [String]? = nil, afrunding: Fordelingsafrunding? = nil) {
        self.beskrivelse = beskrivelse
        self.deling = deling
        self.scenarier = scenarier
        self.noegler = noegler
        self.daekningsomraade = daekningsomraade
        self.afrunding = afrunding
    }
}

public struct UnderskudsscenarieResultat: Codable, Equatable, Sendable {
    public var navn: String
    public var underskud: Kroner
    public var region: Kroner
    public var kommunerBeregnet: Kroner
    /// What was split: the given share when there is one, otherwise the computed.
    public var kommunerFordelt: Kroner
    /// kommunerFordelt − kommunerBeregnet.
    public var afvigelse: Kroner
    /// One split per key, in the order of `noegler`.
    public var fordelinger: [Fordelingsresultat]
}

public struct UnderskudsdelingResultat: Codable, Equatable, Sendable {
    public var deling: Underskudsdeling
    public var scenarier: [UnderskudsscenarieResultat]
}

public enum Underskudsdelingsmodel {
    public static func beregn(_ i: UnderskudsdelingInput) throws -> UnderskudsdelingResultat {
        try i.deling.valider()
        guard !i.scenarier.isEmpty else { throw Valideringsfejl(felt: "scenarier", besked: "angiv mindst ét scenarie") }
        guard !i.noegler.isEmpty else { throw Valideringsfejl(felt: "noegler", besked: "angiv mindst én fordelingsnøgle") }
        for (n, k) in i.noegler.enumerated() {
            try medFelt("noegler[\(n + 1)]") { try k.valider(daekningsomraade: i.daekningsomraade, felt: "") }
        }
        var ud: [UnderskudsscenarieResultat] = []
        for (s, sc) in i.scenarier.enumerated() {
            for (p, post) in sc.poster.enumerated() {
                try Kontrol.ikkeNegativ(post.beloeb, felt: "scenarier[\(s + 1)].poster[\(p + 1)].beloeb", hvad: "beløbet for \(post.tekst)")
            }
            let underskud = sc.poster.reduce(Decimal(0)) { $0 + $1.beloeb }
            let d = i.deling.del(underskud)
            let fordelt = sc.kommunernesAndelAngivet ?? d.kommuner
            try Kontrol.ikkeNegativ(fordelt, felt: "scenarier[\(s + 1)].kommunernesAndelAngivet", hvad: "kommunernes andel")
            let fordelinger = try i.noegler.map { k in
                try Fordeling.fordel(beloeb: fordelt, noegle: k, afrunding: i.afrunding ?? .standard)
            }
            ud.append(UnderskudsscenarieResultat(navn: sc.navn, underskud: underskud, region: d.region, kommunerBeregnet: d.kommuner,
                                                 kommunerFordelt: fordelt, afvigelse: fordelt - d.kommuner, fordelinger: fordelinger))
        }
        return UnderskudsdelingResultat(deling: i.deling, scenarier: ud)
    }
}
