import Foundation

/// Kofoedsminde, the national secure residence (001:4061–4066: "objektivt finansieret af kommunerne"): financed by a national rate per
/// inhabitant × the kommune's population (DOMAIN.md 6.9). The seeds give no rate; it is an input.
public struct KofoedsmindeInput: Codable, Equatable, Sendable {
    public var beskrivelse: String?
    public var takstPrIndbygger: Kroner
    /// Total population per kommune.
    public var befolkning: Fordelingsnoegle
    public var afrunding: Fordelingsafrunding?

    public init(beskrivelse: String? = nil, takstPrIndbygger: Kroner, befolkning: Fordelingsnoegle, afrunding: Fordelingsafrunding? = nil) {
        self.beskrivelse = beskrivelse
        self.takstPrIndbygger = takstPrIndbygger
        self.befolkning = befolkning
        self.afrunding = afrunding
    }
}

public struct KofoedsmindeResultat: Codable, Equatable, Sendable {
    public var takstPrIndbygger: Kroner
    public var indbyggereIAlt: Decimal
    /// takst × indbyggere i alt, unrounded.
    public var beloebIAlt: Kroner
    /// Each kommune's unrounded amount is exactly takst × its population; rounded by the policy.
    public var fordeling: Fordelingsresultat
}

public enum Kofoedsminde {
    public static func beregn(_ i: KofoedsmindeInput) throws -> KofoedsmindeResultat {
        try Kontrol.positiv(i.takstPrIndbygger, felt: "takstPrIndbygger", hvad: "taksten pr. indbygger")
        // Splitting rate × total by population gives each kommune rate × its population exactly,
        // and lets the engine make the rows add up.
        let iAlt = i.befolkning.iAlt
        let fordeling = try medFelt("befolkning") {
            try Fordeling.fordel(beloeb: i.takstPrIndbygger * iAlt, noegle: i.befolkning, afrunding: i.afrunding ?? .standard)
        }
        return KofoedsmindeResultat(takstPrIndbygger: i.takstPrIndbygger, indbyggereIAlt: iAlt,
                                    beloebIAlt: i.takstPrIndbygger * iAlt, fordeling: fordeling)
    }
}
