import Foundation

/// Særlige pladser in psychiatry (DOMAIN.md 6.9).
/// - Midtjylland (001:8041–8101): a used place is paid by the user kommune at the døgntakst
///   (4.054 kr. in 2020); unused place-days are paid by all kommuner by their share of the region's
///   population, whatever they used.
/// - Nordjylland (003:95–100): a vacant place costs 75 % of the døgntakst (4.107 → 3.080 kr.);
///   up to 25 % of the places may be relabelled to ordinary psychiatric beds (003:77; 4 of 16).
public struct SaerligePladserInput: Codable, Equatable, Sendable {
    public struct Forbrug: Codable, Equatable, Sendable {
        public var kommune: String
        public var dage: Decimal
        public init(kommune: String, dage: Decimal) {
            self.kommune = kommune
            self.dage = dage
        }
    }
    public var beskrivelse: String?
    /// All places, including relabelled ones.
    public var pladserIAlt: Decimal
    /// Places relabelled to ordinary psychiatric beds; at most `maksOmmaerkningsandel` of the places.
    public var ommaerkedePladser: Decimal?
    /// Default 0,25 (003:77).
    public var maksOmmaerkningsandel: Decimal?
    /// Days in the period (H1 2020: 182).
    public var dage: Decimal
    public var doegntakst: Kroner
    /// Share of the døgntakst paid for a vacant place-day: 1 in Midt, 0,75 in Nord. Default 1.
    public var tomgangsandel: Decimal?
    /// Occupied days per user kommune.
    public var benyttedeDage: [Forbrug]
    /// Population per kommune of the region, the key for unused places.
    public var befolkning: Fordelingsnoegle
    public var afrunding: Fordelingsafrunding?

    public init(beskrivelse: String? = nil, pladserIAlt: Decimal, ommaerkedePladser: Decimal? = nil, maksOmmaerkningsandel: Decimal? = nil,
                dage: Decimal, doegntakst: Kroner, tomgangsandel: Decimal? = nil, benyttedeDage: [Forbrug],
                befolkning: Fordelingsnoegle, afrunding: Fordelingsafrunding? = nil) {
        self.beskrivelse = beskrivelse
        self.pladserIAlt = pladserIAlt
        self.ommaerkedePladser = ommaerkedePladser
        self.maksOmmaerkningsandel = maksOmmaerkningsandel
        self.dage = dage
        self.doegntakst = doegntakst
        self.tomgangsandel = tomgangsandel
        self.benyttedeDage = benyttedeDage
        self.befolkning = befolkning
        self.afrunding = afrunding
    }
}

public struct SaerligePladserRaekke: Codable, Equatable, Sendable {
    public var kommune: String
    public var benyttedeDage: Decimal
    public var benyttedePladserKr: Kroner
    public var ubenyttedePladserKr: Kroner
    public var iAlt: Kroner
}

public struct SaerligePladserResultat: Codable, Equatable, Sendable {
    public var pladserTilKommuner: Decimal
    /// pladser til kommuner × dage.
    public var kapacitetDage: Decimal
    public var benyttedeDage: Decimal
    public var ubenyttedeDage: Decimal
    public var belaegningsprocent: Decimal
    public var doegntakst: Kroner
    public var doegntakstTomUafrundet: Decimal
    /// The vacant-place takst, whole kroner as published (3.080).
    public var doegntakstTom: Kroner
    /// døgntakst × 365 (Nord: "ca. 1,5 mio. kr. om året").
    public var aarligPrisBelagt: Kroner
    /// vacant takst × 365 (Nord: "ca. 1,1 mio. kr. om året").
    public var aarligPrisTom: Kroner
    public var benyttedeKrIAlt: Kroner
    public var ubenyttedeKrIAlt: Kroner
    public var raekker: [SaerligePladserRaekke]
    public var fordelingUbenyttede: Fordelingsresultat
}

public enum SaerligePladser {
    public static let maksOmmaerkningsandelStandard = Decimal(string: "0.25")!

    public static func beregn(_ i: SaerligePladserInput) throws -> SaerligePladserResultat {
        try Kontrol.pladser(i.pladserIAlt, felt: "pladserIAlt")
        try Kontrol.positiv(i.dage, felt: "dage", hvad: "antal dage")
        try Kontrol.positiv(i.doegntakst, felt: "doegntakst", hvad: "døgntaksten")
        let tom = i.tomgangsandel ?? 1
        try kontrollerAndel(tom, felt: "tomgangsandel")
        let maks = i.maksOmmaerkningsandel ?? maksOmmaerkningsandelStandard
        try kontrollerAndel(maks, felt: "maksOmmaerkningsandel")
        let ommaerket = i.ommaerkedePladser ?? 0
        try Kontrol.ikkeNegativ(ommaerket, felt: "ommaerkedePladser", hvad: "antal ommærkede pladser")
        guard ommaerket <= i.pladserIAlt * maks else {
            throw Valideringsfejl(felt: "ommaerkedePladser",
                                  besked: "højst \(DanskTal.formaterKort(maks * 100)) % af pladserne må ommærkes, dvs. \(DanskTal.formaterKort(i.pladserIAlt * maks)) af \(DanskTal.formaterKort(i.pladserIAlt)) (fik \(DanskTal.formaterKort(ommaerket)))")
        }
        let pladser = i.pladserIAlt - ommaerket
        let kapacitet = pladser * i.dage

        try i.befolkning.valider(felt: "befolkning")
        let kendte = Set(i.befolkning.raekker.map { Kommuner.normaliseret($0.kommune) })
        var brugt: [String: Decimal] = [:]
        var fejl: [Valideringsfejl] = []
        for (n, f) in i.benyttedeDage.enumerated() {
            let norm = Kommuner.normaliseret(f.kommune)
            if f.dage < 0 {
                fejl.append(Valideringsfejl(felt: "benyttedeDage[\(n + 1)].dage", besked: "række \(n + 1) (\(f.kommune)): antal dage må ikke være negativt"))
            }
            if !kendte.contains(norm) {
                fejl.append(Valideringsfejl(felt: "benyttedeDage[\(n + 1)].kommune",
                                            besked: "række \(n + 1): \(f.kommune) har benyttet pladser, men står ikke i befolkningsnøglen"))
            }
            brugt[norm, default: 0] += f.dage
        }
        try Valideringsfejl.kast(fejl)
        let benyttede = brugt.values.reduce(0, +)
        guard benyttede <= kapacitet else {
            throw Valideringsfejl(felt: "benyttedeDage",
                                  besked: "der er benyttet \(DanskTal.formaterKort(benyttede)) dage, men kapaciteten er kun \(DanskTal.formaterKort(kapacitet)) (\(DanskTal.formaterKort(pladser)) pladser × \(DanskTal.formaterKort(i.dage)) dage)")
        }
        let ubenyttede = kapacitet - benyttede
        let tomUafrundet = i.doegntakst * tom
        let tomTakst = afrundet(tomUafrundet, decimaler: 0)
        let ubenyttedeKr = ubenyttede * tomTakst
        let fordeling = try medFelt("befolkning") {
            try Fordeling.fordel(beloeb: ubenyttedeKr, noegle: i.befolkning, afrunding: i.afrunding ?? .standard)
        }
        let raekker = fordeling.raekker.map { r -> SaerligePladserRaekke in
            let d = brugt[Kommuner.normaliseret(r.kommune)] ?? 0
            let kr = d * i.doegntakst
            return SaerligePladserRaekke(kommune: r.kommune, benyttedeDage: d, benyttedePladserKr: kr, ubenyttedePladserKr: r.beloeb, iAlt: kr + r.beloeb)
        }
        return SaerligePladserResultat(
            pladserTilKommuner: pladser, kapacitetDage: kapacitet, benyttedeDage: benyttede, ubenyttedeDage: ubenyttede,
            belaegningsprocent: benyttede / kapacitet * 100, doegntakst: i.doegntakst, doegntakstTomUafrundet: tomUafrundet,
            doegntakstTom: tomTakst, aarligPrisBelagt: i.doegntakst * 365, aarligPrisTom: tomTakst * 365,
            benyttedeKrIAlt: benyttede * i.doegntakst, ubenyttedeKrIAlt: ubenyttedeKr, raekker: raekker, fordelingUbenyttede: fordeling)
    }
}
