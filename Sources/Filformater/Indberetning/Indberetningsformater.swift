import Foundation
import Takstregler

/// The three canonical import formats of reported data (issue "Ledelsesinformation" 1), each
/// read into typed rows. Danish header spellings are synonyms; a file is refused whole with every
/// problem named by row and column.
public enum Indberetningsformat {
    public static let regnskab = CSVTabel.Format(
        navn: "regnskab",
        paakraevet: ["driftsherre", "tilbud", "aar", "belaegning", "regnskab_kr"],
        valgfri: ["region", "over_underskud_kr", "tillaegsydelser_kr", "takstindtaegter_kr", "maalgruppe", "type", "pladser"],
        synonymer: faelles.merging([
            "regnskab": "regnskab_kr", "aarets_omkostninger": "regnskab_kr", "omkostninger": "regnskab_kr",
            "over_underskud": "over_underskud_kr", "overskud_underskud": "over_underskud_kr", "resultat": "over_underskud_kr",
            "tillaegsydelser": "tillaegsydelser_kr", "tillaegstakster": "tillaegsydelser_kr",
            "takstindtaegter": "takstindtaegter_kr", "helaarspladser": "belaegning", "antal_pladser": "pladser",
        ]) { $1 })

    public static let belaegning = CSVTabel.Format(
        navn: "belægnings",
        paakraevet: ["driftsherre", "tilbud", "aar", "kvartal", "normering", "forbrug", "art"],
        valgfri: ["region", "maalgruppe"],
        synonymer: faelles.merging(["kvt": "kvartal", "type": "art", "dag_doegn": "art", "belaegningsdage": "forbrug"]) { $1 })

    public static let pladser = CSVTabel.Format(
        navn: "plads",
        paakraevet: ["driftsherre", "tilbud", "aar", "maalgruppe", "type", "pladser"],
        valgfri: ["region", "beliggenhedskommune", "ejerform", "paragraf", "specialer"],
        synonymer: faelles.merging(["antal_pladser": "pladser", "dag_doegn": "type", "beliggenhed": "beliggenhedskommune",
                                    "speciale": "specialer", "maalgrupper_region": "specialer",
                                    "sel": "paragraf", "sel_paragraf": "paragraf", "lovgrundlag": "paragraf"]) { $1 })

    static let faelles: [String: String] = [
        "kommune": "driftsherre", "driftsherre_kommune": "driftsherre", "tilbuddets_navn": "tilbud", "tilbudsnavn": "tilbud",
        "afdeling": "tilbud", "aarstal": "aar", "year": "aar", "belaegning_helaarspladser": "belaegning",
        "maalgrupper": "maalgruppe",
    ]

    public struct Regnskabsraekke: Equatable, Sendable {
        public var raekke: Int
        public var driftsherre: String
        public var region: String?
        public var tilbud: String
        public var maalgruppe: Maalgruppe?
        public var type: Tilbud.Type_?
        public var regnskab: Regnskab
        public init(raekke: Int, driftsherre: String, region: String?, tilbud: String, maalgruppe: Maalgruppe?,
                    type: Tilbud.Type_?, regnskab: Regnskab) {
            self.raekke = raekke
            self.driftsherre = driftsherre
            self.region = region
            self.tilbud = tilbud
            self.maalgruppe = maalgruppe
            self.type = type
            self.regnskab = regnskab
        }
    }

    public struct Belaegningsraekke: Equatable, Sendable {
        public var raekke: Int
        public var driftsherre: String
        public var region: String?
        public var tilbud: String
        public var maalgruppe: Maalgruppe?
        public var belaegning: Belaegning
        public init(raekke: Int, driftsherre: String, region: String?, tilbud: String, maalgruppe: Maalgruppe?, belaegning: Belaegning) {
            self.raekke = raekke
            self.driftsherre = driftsherre
            self.region = region
            self.tilbud = tilbud
            self.maalgruppe = maalgruppe
            self.belaegning = belaegning
        }
    }

    public struct Pladsraekke: Equatable, Sendable {
        public var raekke: Int
        public var driftsherre: String
        public var region: String?
        public var tilbud: String
        public var maalgruppe: Maalgruppe
        public var type: Tilbud.Type_
        public var aar: Int
        public var pladser: Decimal
        /// Optional columns that describe the tilbud itself (DOMAIN.md 6.10); nil: left as stored.
        public var beliggenhedskommune: String? = nil
        public var ejerform: Tilbud.Ejerform? = nil
        public var paragraf: String? = nil
        /// The region's målgrupper/specialer (codes or texts, comma-separated), checked against
        /// the region's list when imported; nil: left as stored.
        public var specialer: String? = nil
    }

    public static func laesRegnskab(fil: String, tekst: String) throws -> [Regnskabsraekke] {
        try laesRegnskab(try CSVTabel(fil: fil, tekst: tekst, format: regnskab))
    }

    public static func laesRegnskab(_ t: CSVTabel) throws -> [Regnskabsraekke] { try t.laesAlle(regnskabsraekker) }

    /// A regnskab row: one per tilbud and year.
    public static let regnskabsraekker = Raekkeformat<Regnskabsraekke>(
        format: regnskab, talkolonner: ["belaegning", "regnskab_kr", "over_underskud_kr", "tillaegsydelser_kr", "takstindtaegter_kr", "pladser"],
        laes: { t, r in
            let aar = try t.heltal(r, "aar", gyldige: Aarsinterval.gyldige)
            let belaegning = try t.tal(r, "belaegning")!
            let omk = try t.tal(r, "regnskab_kr")!
            for (k, v, hvad) in [("belaegning", belaegning, "belægningen"), ("regnskab_kr", omk, "regnskabet")] where v < 0 {
                throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift(k), besked: "\(hvad) må ikke være negativ")
            }
            return Regnskabsraekke(
                raekke: r.nummer, driftsherre: try t.tekst(r, "driftsherre"), region: valgfri(t, r, "region"),
                tilbud: try t.tekst(r, "tilbud"), maalgruppe: try maalgruppe(t, r, paakraevet: false),
                type: try type(t, r, paakraevet: false),
                regnskab: Regnskab(aar: aar, omkostninger: omk, takstindtaegter: try t.tal(r, "takstindtaegter_kr", paakraevet: false),
                                   belaegning: belaegning, overUnderskud: try t.tal(r, "over_underskud_kr", paakraevet: false),
                                   tillaegsydelser: try t.tal(r, "tillaegsydelser_kr", paakraevet: false)))
        }, noegle: { r in Dubletnoegle(.tekst(r.driftsherre), .tekst(r.tilbud), .tal(r.regnskab.aar)) }, noeglekolonne: "tilbud",
        dublet: { r, foerste in "'\(r.tilbud)' \(r.regnskab.aar) står også i række \(foerste) (samme tilbud og år to gange)" })

    public static func laesBelaegning(fil: String, tekst: String) throws -> [Belaegningsraekke] {
        try laesBelaegning(try CSVTabel(fil: fil, tekst: tekst, format: belaegning))
    }

    public static func laesBelaegning(_ t: CSVTabel) throws -> [Belaegningsraekke] { try t.laesAlle(belaegningsraekker) }

    /// A belægning row: one per tilbud, year, quarter and art.
    public static let belaegningsraekker = Raekkeformat<Belaegningsraekke>(
        format: belaegning, talkolonner: ["normering", "forbrug"], laes: { t, r -> Belaegningsraekke in
            let aar = try t.heltal(r, "aar", gyldige: Aarsinterval.gyldige)
            let kvartal = try t.heltal(r, "kvartal", gyldige: 1...4)
            let artTekst = CSVTabel.normaliser(try t.tekst(r, "art"))
            guard let art = Belaegningsart(rawValue: artTekst) ?? ["doegn": .doegn, "dagtilbud": .dag, "aabent": .aaben, "lukkede": .lukket][artTekst] else {
                throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift("art"), besked: "skal være dag, døgn, åben eller lukket")
            }
            let normering = try t.tal(r, "normering", paakraevet: false)
            let forbrug = try t.tal(r, "forbrug", paakraevet: false)
            for (k, v) in [("normering", normering), ("forbrug", forbrug)] where (v ?? 0) < 0 {
                throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift(k), besked: "må ikke være negativ")
            }
            return Belaegningsraekke(
                raekke: r.nummer, driftsherre: try t.tekst(r, "driftsherre"), region: valgfri(t, r, "region"),
                tilbud: try t.tekst(r, "tilbud"), maalgruppe: try maalgruppe(t, r, paakraevet: false),
                belaegning: Belaegning(aar: aar, kvartal: kvartal, normering: normering, forbrug: forbrug, art: art))
        }, noegle: { r in
            Dubletnoegle(.tekst(r.driftsherre), .tekst(r.tilbud), .tal(r.belaegning.aar), .tal(r.belaegning.kvartal), .tekst(r.belaegning.art.rawValue))
        }, noeglekolonne: "kvartal",
        dublet: { r, foerste in "'\(r.tilbud)' \(r.belaegning.aar) \(r.belaegning.kvartal). kvartal står også i række \(foerste)" })

    public static func laesPladser(fil: String, tekst: String) throws -> [Pladsraekke] {
        try CSVTabel(fil: fil, tekst: tekst, format: pladser).laesAlle(pladsraekker)
    }

    /// A pladser row: one per tilbud, year and type.
    public static let pladsraekker = Raekkeformat<Pladsraekke>(
        format: pladser, talkolonner: ["pladser"], laes: { t, r in
            let aar = try t.heltal(r, "aar", gyldige: Aarsinterval.gyldige)
            let antal = try t.tal(r, "pladser")!
            if antal < 0 { throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift("pladser"), besked: "må ikke være negativ") }
            var ejerform: Tilbud.Ejerform?
            if let e = valgfri(t, r, "ejerform") {
                guard let f = Tilbud.Ejerform.fortolk(e) else {
                    throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift("ejerform"),
                                     besked: "ukendt ejerform '\(e)'; brug en af: \(Tilbud.Ejerform.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                ejerform = f
            }
            return Pladsraekke(
                raekke: r.nummer, driftsherre: try t.tekst(r, "driftsherre"), region: valgfri(t, r, "region"),
                tilbud: try t.tekst(r, "tilbud"), maalgruppe: try maalgruppe(t, r, paakraevet: true)!,
                type: try type(t, r, paakraevet: true)!, aar: aar, pladser: antal,
                beliggenhedskommune: valgfri(t, r, "beliggenhedskommune"), ejerform: ejerform, paragraf: valgfri(t, r, "paragraf"),
                specialer: valgfri(t, r, "specialer"))
        }, noegle: { r in Dubletnoegle(.tekst(r.driftsherre), .tekst(r.tilbud), .tal(r.aar), .tekst(r.type.rawValue)) }, noeglekolonne: "tilbud",
        dublet: { r, foerste in "'\(r.tilbud)' \(r.aar) (\(r.type.rawValue)) står også i række \(foerste)" })

    static func valgfri(_ t: CSVTabel, _ r: (nummer: Int, celler: [String]), _ k: String) -> String? {
        let v = t.celle(r.celler, k)
        return v.isEmpty ? nil : v
    }

    /// A målgruppe by its code (`psykisk_handicap`) or its Danish name (or the name's start).
    static func maalgruppe(_ t: CSVTabel, _ r: (nummer: Int, celler: [String]), paakraevet: Bool) throws -> Maalgruppe? {
        let raa = t.celle(r.celler, "maalgruppe")
        if raa.isEmpty {
            if paakraevet { throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift("maalgruppe"), besked: "feltet er tomt") }
            return nil
        }
        let n = CSVTabel.normaliser(raa)
        if let m = Maalgruppe(rawValue: n) ?? Maalgruppe.allCases.first(where: { CSVTabel.normaliser($0.tekst).hasPrefix(n) }) {
            return m
        }
        throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift("maalgruppe"),
                         besked: "ukendt målgruppe '\(raa)'; brug en af: \(Maalgruppe.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    static func type(_ t: CSVTabel, _ r: (nummer: Int, celler: [String]), paakraevet: Bool) throws -> Tilbud.Type_? {
        let raa = t.celle(r.celler, "type")
        if raa.isEmpty {
            if paakraevet { throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift("type"), besked: "feltet er tomt") }
            return nil
        }
        guard let v = Tilbud.Type_(rawValue: CSVTabel.normaliser(raa)) else {
            throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift("type"), besked: "skal være dag, døgn eller ambulant (fik '\(raa)')")
        }
        return v
    }
}
