import FluentKit
import Foundation
import Takstregler

/// The yearly parameters per region the secretariat sets (DOMAIN.md 5: overhead rule,
/// takstaftale thresholds, socialtilsyn weights, deadlines), stored in `parametre` under these keys.
public enum Parameternoegle {
    public static let overhead = "overhead"
    public static let takstaftale = "takstaftale"
    public static let socialtilsynVaegte = "socialtilsyn_vaegte"
    /// The deadline for next year's takster, "yyyy-MM-dd".
    public static let fristTakster = "frist_takster"
    /// The socialtilsyn's whole budget input for a budget year (`SocialtilsynInput`).
    public static let socialtilsyn = "socialtilsyn"
    /// The day a year's ledelsesinformation was published ("yyyy-MM-dd"); it ends the comment
    /// round. Stored for all regions at once (region "").
    public static let ledelsesinformationOffentliggjort = "ledelsesinformation_offentliggjort"
    /// How much of a result is carried into the takster of the year (`Efterregulering.Princip`;
    /// unset = the whole result, DOMAIN.md 6.2).
    public static let efterreguleringsprincip = "efterreguleringsprincip"
    /// The change from last year's takst (percent) above which a submission needs a begrundelse
    /// (`Indsendelseskontrol`; unset = 5 %).
    public static let takstaendringsgraense = "takstaendringsgraense"
    /// Whether aflastning is billed by granted or used døgn (`Aflastningsgrundlag`; unset = the
    /// rule the sources state for the region, if any: DOMAIN.md 6.12).
    public static let aflastningsgrundlag = "aflastningsgrundlag"
}

/// One year's parameters for one region, as far as they are set.
public struct Aarsparametre: Sendable, Equatable {
    public var overhead: Overheadmetode?
    public var takstaftale: Takstaftale.Parametre?
    public var socialtilsynVaegte: Takstvaegte?
    public var fristTakster: String?
    public var plIndeks: Decimal?
    public var efterreguleringsprincip: Efterregulering.Princip?
    /// Set for the region and year; nil = the rule the sources state for the region, if any.
    public var aflastningsgrundlag: Aflastningsgrundlag?

    public init(overhead: Overheadmetode? = nil, takstaftale: Takstaftale.Parametre? = nil, socialtilsynVaegte: Takstvaegte? = nil,
                fristTakster: String? = nil, plIndeks: Decimal? = nil, efterreguleringsprincip: Efterregulering.Princip? = nil, aflastningsgrundlag: Aflastningsgrundlag? = nil) {
        self.efterreguleringsprincip = efterreguleringsprincip
        self.aflastningsgrundlag = aflastningsgrundlag
        self.overhead = overhead
        self.takstaftale = takstaftale
        self.socialtilsynVaegte = socialtilsynVaegte
        self.fristTakster = fristTakster
        self.plIndeks = plIndeks
    }
}

extension Lager {
    public func aarsparametre(aar: Int, region: String) async throws -> Aarsparametre {
        Aarsparametre(
            overhead: try await parameter(aar: aar, region: region, noegle: Parameternoegle.overhead, som: Overheadmetode.self),
            takstaftale: try await parameter(aar: aar, region: region, noegle: Parameternoegle.takstaftale, som: Takstaftale.Parametre.self),
            socialtilsynVaegte: try await parameter(aar: aar, region: region, noegle: Parameternoegle.socialtilsynVaegte, som: Takstvaegte.self),
            fristTakster: try await parameter(aar: aar, region: region, noegle: Parameternoegle.fristTakster, som: String.self),
            plIndeks: try await plIndeks().indeks[aar],
            efterreguleringsprincip: try await parameter(aar: aar, region: region, noegle: Parameternoegle.efterreguleringsprincip,
                                                         som: Efterregulering.Princip.self),
            aflastningsgrundlag: try await parameter(aar: aar, region: region, noegle: Parameternoegle.aflastningsgrundlag, som: Aflastningsgrundlag.self))
    }

    /// A yearly parameter of the region the tilbud's driftsherre belongs to; nil when unset or the
    /// driftsherre has no region (the caller's default then applies).
    func tilbuddetsParameter<T: Codable>(tilbudID: UUID, aar: Int, noegle: String, som: T.Type) async throws -> T? {
        guard let region = try await tilbudMedEjer(id: tilbudID)?.region else { return nil }
        return try await parameter(aar: aar, region: region, noegle: noegle, som: som)
    }

    /// The threshold of `Indsendelseskontrol` for a region's takster of `aar`.
    public func saetTakstaendringsgraense(aar: Int, region: String, procent: Decimal, af bruger: String) async throws {
        guard procent >= 0 else { throw Valideringsfejl(felt: "procent", besked: "grænsen må ikke være negativ") }
        try await saetParameter(aar: aar, region: region, noegle: Parameternoegle.takstaendringsgraense, vaerdi: procent, af: bruger)
    }

    /// Whether a region carries whole results or only what lies beyond the 5 % band into the
    /// takster of `aar` (DOMAIN.md 6.2).
    public func saetEfterreguleringsprincip(aar: Int, region: String, _ princip: Efterregulering.Princip, af bruger: String) async throws {
        try await saetParameter(aar: aar, region: region, noegle: Parameternoegle.efterreguleringsprincip, vaerdi: princip, af: bruger)
    }

    /// The deadline for reporting a year's takster; refused unless it is a real date.
    public func saetFristTakster(aar: Int, region: String, dato: String, af bruger: String) async throws {
        let d = dato.trimmingCharacters(in: .whitespaces)
        guard Datoer.erDato(d) else {
            throw Valideringsfejl(felt: "frist", besked: "skriv fristen som en dato, fx \(aar - 1)-10-01 (fik '\(dato)')")
        }
        try await saetParameter(aar: aar, region: region, noegle: Parameternoegle.fristTakster, vaerdi: d, af: bruger)
    }

    /// Saves a socialtilsyn's budget input for its budget year, after computing it (an input
    /// the rules refuse is never stored).
    @discardableResult
    public func gemSocialtilsynsgrundlag(region: String, _ input: SocialtilsynInput, af bruger: String) async throws -> SocialtilsynResultat {
        let resultat = try Socialtilsyn.beregn(input)
        try await saetParameter(aar: input.budgetaar, region: region, noegle: Parameternoegle.socialtilsyn, vaerdi: input, af: bruger)
        return resultat
    }

    /// Every region's stored socialtilsyn input for a budget year.
    public func socialtilsynsgrundlag(aar: Int) async throws -> [(region: String, input: SocialtilsynInput)] {
        try await Parametermodel.query(on: db).filter(\.$aar == aar).filter(\.$noegle == Parameternoegle.socialtilsyn)
            .sort(\.$region).all().map { ($0.region, try Lagerkodning.fraJSON($0.vaerdi)) }
    }

    public func aarMedSocialtilsyn() async throws -> [Int] {
        Array(Set(try await Parametermodel.query(on: db).filter(\.$noegle == Parameternoegle.socialtilsyn).all().map(\.aar)))
            .sorted(by: >)
    }
}
