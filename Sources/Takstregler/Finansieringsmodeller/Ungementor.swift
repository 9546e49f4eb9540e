import Foundation

/// Ungementor (001:10103–10175), the combination model: the year's expense, computed afterwards,
/// is split 50 % by the participating kommuner's share of 15–29-årige (fixed) and 50 % by their
/// courses the year before (variable). Courses bought by kommuner outside the scheme (60.000 kr.
/// each) are deducted from the expense first (001:10115–10117).
public struct UngementorInput: Codable, Equatable, Sendable {
    public var beskrivelse: String?
    public var samletUdgift: Kroner
    /// Default 0,5.
    public var fastAndel: Decimal?
    /// 15–29-årige per participating kommune (the 2019 table used whole percentages, 001:10150–10164).
    public var fastNoegle: Fordelingsnoegle
    /// Courses last year per participating kommune (0 allowed).
    public var variabelNoegle: Fordelingsnoegle
    public var tilkoebteForloeb: Decimal?
    public var prisPrTilkoebtForloeb: Kroner?
    public var afrunding: Fordelingsafrunding?

    public init(beskrivelse: String? = nil, samletUdgift: Kroner, fastAndel: Decimal? = nil, fastNoegle: Fordelingsnoegle,
                variabelNoegle: Fordelingsnoegle, tilkoebteForloeb: Decimal? = nil, prisPrTilkoebtForloeb: Kroner? = nil,
                afrunding: Fordelingsafrunding? = nil) {
        self.beskrivelse = beskrivelse
        self.samletUdgift = samletUdgift
        self.fastAndel = fastAndel
        self.fastNoegle = fastNoegle
        self.variabelNoegle = variabelNoegle
        self.tilkoebteForloeb = tilkoebteForloeb
        self.prisPrTilkoebtForloeb = prisPrTilkoebtForloeb
        self.afrunding = afrunding
    }
}

public struct UngementorResultat: Codable, Equatable, Sendable {
    public var samletUdgift: Kroner
    public var indtaegtTilkoebteForloeb: Kroner
    public var udgiftTilFordeling: Kroner
    public var fastDel: Kroner
    public var variabelDel: Kroner
    /// Per kommune: fixed part, variable part and the total rounded once.
    public var fordeling: SammensatFordelingsresultat
}

public enum Ungementor {
    public static let prisPrTilkoebtForloebStandard: Kroner = 60_000

    public static func beregn(_ i: UngementorInput) throws -> UngementorResultat {
        try Kontrol.positiv(i.samletUdgift, felt: "samletUdgift", hvad: "den samlede udgift")
        let fast = i.fastAndel ?? Decimal(string: "0.5")!
        try kontrollerAndel(fast, felt: "fastAndel")
        let antal = i.tilkoebteForloeb ?? 0
        try Kontrol.ikkeNegativ(antal, felt: "tilkoebteForloeb", hvad: "antal tilkøbte forløb")
        let pris = i.prisPrTilkoebtForloeb ?? prisPrTilkoebtForloebStandard
        try Kontrol.ikkeNegativ(pris, felt: "prisPrTilkoebtForloeb", hvad: "prisen pr. forløb")
        let indtaegt = antal * pris
        let netto = i.samletUdgift - indtaegt
        try Kontrol.ikkeNegativ(netto, felt: "tilkoebteForloeb", hvad: "udgiften efter tilkøbte forløb")
        let fordeling = try Fordeling.fordelSammensat(beloeb: netto, komponenter: [
            Fordelingskomponent(navn: "Fast beløb (andel af 15-29-årige)", andel: fast, noegle: i.fastNoegle),
            Fordelingskomponent(navn: "Variabelt beløb (forløb året før)", andel: 1 - fast, noegle: i.variabelNoegle),
        ], afrunding: i.afrunding ?? .standard)
        return UngementorResultat(samletUdgift: i.samletUdgift, indtaegtTilkoebteForloeb: indtaegt, udgiftTilFordeling: netto,
                                  fastDel: netto * fast, variabelDel: netto * (1 - fast), fordeling: fordeling)
    }
}
