import Foundation

/// A draft of KL's standard contract as DAS adopted it (DOMAIN.md 6.12; 002:12893–14509). Two
/// versions: inside the rammeaftale the unit price of an indsats is the tilbud's bruttotakst in
/// force on the start date (002:13924: "bruttotakst"); outside it (særforanstaltninger) the parties
/// agree a price, regulated every 1 January by the P/L rate. The citizen's identity belongs in the
/// signed copy only: no field of the draft holds it, so the server never receives or stores it.
public struct Kontraktudkast: Codable, Equatable, Sendable {
    public enum Version: String, Codable, Sendable, CaseIterable {
        case indenforRammeaftale = "indenfor"
        case udenforRammeaftale = "udenfor"

        public var tekst: String {
            self == .indenforRammeaftale ? "Standardkontrakt for indsatser omfattet af rammeaftalen"
                : "Standardkontrakt for indsatser uden for rammeaftalen (særforanstaltninger)"
        }
    }

    /// One line of "Leverandørens indsatser og pris" (002:13080–13095).
    public struct Indsats: Codable, Equatable, Sendable {
        public var paragraf: String
        public var beskrivelse: String?
        public var antal: Decimal
        public var enhed: String
        public var start: String
        public var slut: String?
        public var opfoelgning: String
        public init(paragraf: String, beskrivelse: String? = nil, antal: Decimal, enhed: String, start: String, slut: String? = nil, opfoelgning: String) {
            self.paragraf = paragraf
            self.beskrivelse = beskrivelse
            self.antal = antal
            self.enhed = enhed
            self.start = start
            self.slut = slut
            self.opfoelgning = opfoelgning
        }
    }

    /// The buying kommune's own reference (saved contracts are found by it; no citizen data).
    public var reference: String
    public var koeber: String
    public var ean: String
    public var version: Version
    /// Inside the rammeaftale: the tilbud and takstniveau whose takst is the unit price.
    public var tilbudID: UUID?
    public var niveau: String?
    /// Outside the rammeaftale: the agreed price per unit, its leverandør and who runs it.
    public var leverandoer: String?
    public var leverandoertype: Leverandoertype?
    public var aftaltPris: Kroner?
    /// Partial use as a percentage of the full takst (002:13897–13900); nil = the full takst.
    public var procent: Decimal?
    public var indsatser: [Indsats]
    public var varsel: Varselsregel
    public var betaling: Betalingsmulighed
    public var aflastning: Aflastningsgrundlag?

    public init(reference: String, koeber: String, ean: String, version: Version, tilbudID: UUID? = nil, niveau: String? = nil,
                leverandoer: String? = nil, leverandoertype: Leverandoertype? = nil, aftaltPris: Kroner? = nil, procent: Decimal? = nil,
                indsatser: [Indsats], varsel: Varselsregel = .standard, betaling: Betalingsmulighed, aflastning: Aflastningsgrundlag? = nil) {
        self.reference = reference
        self.koeber = koeber
        self.ean = ean
        self.version = version
        self.tilbudID = tilbudID
        self.niveau = niveau
        self.leverandoer = leverandoer
        self.leverandoertype = leverandoertype
        self.aftaltPris = aftaltPris
        self.procent = procent
        self.indsatser = indsatser
        self.varsel = varsel
        self.betaling = betaling
        self.aflastning = aflastning
    }

    /// The price paid per unit: the full price, or `procent` of it for partial use (002:13897–13900).
    public func prisEfterAndel(_ fuld: Kroner) -> Kroner { procent.map { fuld * $0 / 100 } ?? fuld }

    /// The start of the first indsats: the date whose takst is the unit price.
    public var startdato: String? { indsatser.map(\.start).min() }

    /// Every refused field at once (a form shows them together). Fields are named as the form's.
    public func fejl() -> [Valideringsfejl] {
        var f: [Valideringsfejl] = []
        func tjek(_ blok: () throws -> Void) {
            do { try blok() } catch let v as Valideringsfejl { f.append(v) } catch { f.append(Valideringsfejl(felt: "kontrakt", besked: "\(error)")) }
        }
        if reference.trimmingCharacters(in: .whitespaces).isEmpty { f.append(Valideringsfejl(felt: "reference", besked: "skriv kommunens egen reference til kontrakten (ikke CPR-nummer eller navn)")) }
        if Kontraktudkast.lignerCPR(reference) { f.append(Valideringsfejl(felt: "reference", besked: "referencen ligner et CPR-nummer; borgerens identitet skrives kun i den underskrevne kontrakt")) }
        if koeber.trimmingCharacters(in: .whitespaces).isEmpty { f.append(Valideringsfejl(felt: "koeber", besked: "skriv den købende (handle)kommune")) }
        tjek { try Kontraktudkast.kontrollerEAN(ean) }
        switch version {
        case .indenforRammeaftale:
            if tilbudID == nil { f.append(Valideringsfejl(felt: "tilbud", besked: "vælg tilbuddet fra takstfilen")) }
            if (niveau ?? "").isEmpty { f.append(Valideringsfejl(felt: "niveau", besked: "vælg takstniveauet")) }
        case .udenforRammeaftale:
            if (leverandoer ?? "").trimmingCharacters(in: .whitespaces).isEmpty { f.append(Valideringsfejl(felt: "leverandoer", besked: "skriv leverandøren")) }
            if leverandoertype == nil { f.append(Valideringsfejl(felt: "leverandoertype", besked: "vælg kommunal eller regional leverandør (afgør P/L-satsen)")) }
            if let p = aftaltPris {
                tjek { try Kontrol.ikkeNegativ(p, felt: "pris", hvad: "den aftalte pris") }
                if p >= 0, afrundet(p, decimaler: 2) != p { f.append(Valideringsfejl(felt: "pris", besked: "prisen angives i kroner og øre (højst to decimaler)")) }
            } else { f.append(Valideringsfejl(felt: "pris", besked: "skriv den aftalte pris pr. enhed")) }
        }
        if let procent { tjek { _ = try Aflastning.delvisBrug(1, procent: procent) } }
        if indsatser.isEmpty { f.append(Valideringsfejl(felt: "indsatser", besked: "tilføj mindst én indsats")) }
        for (i, s) in indsatser.enumerated() {
            let n = "indsats\(i + 1)_"
            if s.paragraf.trimmingCharacters(in: .whitespaces).isEmpty { f.append(Valideringsfejl(felt: n + "paragraf", besked: "skriv paragraffen (fx SEL § 107)")) }
            if s.enhed.trimmingCharacters(in: .whitespaces).isEmpty { f.append(Valideringsfejl(felt: n + "enhed", besked: "skriv enheden (fx døgn, time, måned)")) }
            if s.antal <= 0 { f.append(Valideringsfejl(felt: n + "antal", besked: "antallet skal være større end 0 (fik \(DanskTal.formaterKort(s.antal)))")) }
            let start = Datoer.erDato(s.start)
            if !start { f.append(Valideringsfejl(felt: n + "start", besked: "skriv startdatoen som åååå-mm-dd (fik '\(s.start)')")) }
            if let slut = s.slut {
                if !Datoer.erDato(slut) { f.append(Valideringsfejl(felt: n + "slut", besked: "skriv slutdatoen som åååå-mm-dd (fik '\(slut)')")) }
                else if start && slut < s.start { f.append(Valideringsfejl(felt: n + "slut", besked: "slutdatoen (\(slut)) ligger før startdatoen (\(s.start))")) }
            }
            if !Datoer.erDato(s.opfoelgning) { f.append(Valideringsfejl(felt: n + "opfoelgning", besked: "skriv første opfølgningsdato som åååå-mm-dd (fik '\(s.opfoelgning)')")) }
            else if start && s.opfoelgning < s.start { f.append(Valideringsfejl(felt: n + "opfoelgning", besked: "første opfølgning (\(s.opfoelgning)) ligger før startdatoen (\(s.start))")) }
        }
        return f
    }

    /// EAN (GLN) location number: 13 digits whose last is the GS1 check digit.
    public static func kontrollerEAN(_ raa: String, felt: String = "ean") throws {
        let cifre = raa.filter { $0 != " " }.compactMap(\.wholeNumberValue)
        guard cifre.count == 13, raa.filter({ $0 != " " }).count == 13 else {
            throw Valideringsfejl(felt: felt, besked: "et EAN-nummer har 13 cifre (fik '\(raa)')")
        }
        let sum = cifre.prefix(12).enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        guard (10 - sum % 10) % 10 == cifre[12] else {
            throw Valideringsfejl(felt: felt, besked: "EAN-nummeret '\(raa)' har et forkert kontrolciffer; tjek det mod kommunens EAN-liste")
        }
    }

    /// Ten digits that could be a CPR number (ddmmyy-xxxx), with or without the dash.
    public static func lignerCPR(_ s: String) -> Bool {
        let c = Array(s.filter { !$0.isWhitespace })
        for start in c.indices where start + 10 <= c.count {
            var cifre = Array(c[start..<min(c.count, start + 11)])
            if cifre.count == 11, cifre[6] == "-" { cifre.remove(at: 6) } else { cifre = Array(cifre.prefix(10)) }
            guard cifre.count == 10, cifre.allSatisfy(\.isNumber) else { continue }
            let d = cifre.compactMap(\.wholeNumberValue)
            if (1...31).contains(d[0] * 10 + d[1]) && (1...12).contains(d[2] * 10 + d[3]) { return true }
        }
        return false
    }
}
