import Foundation

/// How aflastning (respite) is billed: by the døgn granted or the døgn used — one box in the
/// standard contract (002:13096–13098), a rule per region: Nordjylland bills granted døgn
/// (003:739–741). Partial use of a tilbud can be agreed as a percentage of the full takst
/// (002:13897–13900: "3 ud af 5 åbningsdage").
public enum Aflastningsgrundlag: String, Codable, Sendable, CaseIterable {
    case bevilgede, brugte

    public var tekst: String { self == .bevilgede ? "bevilgede døgn" : "anvendte døgn" }

    /// The regions whose rule the sources state; other regions set it as a parameter.
    public static let kendte: [String: Aflastningsgrundlag] = ["Nordjylland": .bevilgede]

    public init(tekst: String, felt: String = "grundlag") throws {
        switch Kontraktord.normaliser(tekst) {
        case "bevilgede", "bevilgede dogn", "bevilligede": self = .bevilgede
        case "brugte", "anvendte", "anvendte dogn", "brugte dogn": self = .brugte
        default: throw Valideringsfejl(felt: felt, besked: "vælg 'bevilgede' eller 'brugte' døgn (fik '\(tekst)')")
        }
    }
}

public enum Aflastning {
    public struct Afregning: Equatable, Sendable {
        public let grundlag: Aflastningsgrundlag
        public let doegn: Decimal
        /// The døgntakst after a partial-use percentage.
        public let takst: Kroner
        /// To the øre.
        public let beloeb: Kroner
    }

    /// The amount for a period: døgn (granted or used, by `grundlag`) × the døgntakst, optionally
    /// at `procent` of the takst for partial use.
    public static func afregn(doegntakst: Kroner, bevilgede: Decimal, brugte: Decimal, grundlag: Aflastningsgrundlag,
                              procent: Decimal? = nil) throws -> Afregning {
        try Kontrol.ikkeNegativ(doegntakst, felt: "takst", hvad: "døgntaksten")
        try Kontrol.ikkeNegativ(bevilgede, felt: "bevilgede", hvad: "antal bevilgede døgn")
        try Kontrol.ikkeNegativ(brugte, felt: "brugte", hvad: "antal anvendte døgn")
        guard brugte <= bevilgede else {
            throw Valideringsfejl(felt: "brugte", besked: "der kan ikke være brugt flere døgn (\(DanskTal.formaterKort(brugte))) end bevilget (\(DanskTal.formaterKort(bevilgede)))")
        }
        let takst = try delvisBrug(doegntakst, procent: procent ?? 100)
        let doegn = grundlag == .bevilgede ? bevilgede : brugte
        return Afregning(grundlag: grundlag, doegn: doegn, takst: takst, beloeb: afrundet(takst * doegn, decimaler: 2))
    }

    /// `procent` of the full takst (over 0, at most 100), unrounded.
    public static func delvisBrug(_ takst: Kroner, procent: Decimal) throws -> Kroner {
        guard procent > 0, procent <= 100 else {
            throw Valideringsfejl(felt: "procent", besked: "andelen af den fulde takst skal være over 0 og højst 100 procent (fik \(DanskTal.formaterKort(procent)))")
        }
        return takst * procent / 100
    }
}
