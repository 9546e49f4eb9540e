import Foundation

/// One count of DST's population table (FOLK1A-like): kommune, age, quarter, number of people
/// (DOMAIN.md 5 "population by kommune, age group and quarter").
public struct Befolkningsraekke: Codable, Equatable, Sendable {
    public var kommune: String
    /// Age in whole years; nil for a kommune's "alder i alt" row.
    public var alder: Int?
    /// "2022K2".
    public var kvartal: String
    public var antal: Decimal

    public init(kommune: String, alder: Int?, kvartal: String, antal: Decimal) {
        self.kommune = kommune
        self.alder = alder
        self.kvartal = kvartal
        self.antal = antal
    }
}

/// An age range a key counts; both ends included, nil = open.
public struct Aldersgruppe: Codable, Equatable, Sendable {
    public var fra: Int?
    public var til: Int?
    public init(fra: Int?, til: Int?) {
        self.fra = fra
        self.til = til
    }

    /// Objektiv finansiering of socialtilsyn and børnehuse (004:349–413, 001:845–881).
    public static let nulTil17 = Aldersgruppe(fra: 0, til: 17)
    /// Start-up deficit of the self-harm tilbud, alternative key (003:3229–3292).
    public static let fjortenTil23 = Aldersgruppe(fra: 14, til: 23)
    /// Ungementor's fixed part (001:10097–10170).
    public static let femtenTil29 = Aldersgruppe(fra: 15, til: 29)
    /// The whole population (særlige pladser, Kofoedsminde, deficit sharing).
    public static let alle = Aldersgruppe(fra: nil, til: nil)

    public var erAlle: Bool { fra == nil && til == nil }

    /// "0-17", "18-66" or "alle", as typed on the command line and in forms.
    public static func fortolk(_ raa: String) throws -> Aldersgruppe {
        let s = raa.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "alle" || s.isEmpty { return .alle }
        let dele = s.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard dele.count == 2, let a = dele[0], let b = dele[1], a >= 0, a <= b, b <= 130 else {
            throw Valideringsfejl(felt: "alder", besked: "skriv aldersgruppen som fx 0-17 eller alle (fik '\(raa)')")
        }
        return Aldersgruppe(fra: a, til: b)
    }

    public var tekst: String {
        switch (fra, til) {
        case (nil, nil): return "befolkning i alt"
        case let (f?, t?): return "\(f)-\(t)-årige"
        case let (f?, nil): return "\(f)-årige og derover"
        case let (nil, t?): return "0-\(t)-årige"
        }
    }

    func omfatter(_ alder: Int) -> Bool { (fra.map { alder >= $0 } ?? true) && (til.map { alder <= $0 } ?? true) }
}

public enum Befolkning {
    /// The quarter objektiv finansiering of year `budgetaar` is keyed on: the 2nd quarter of the year
    /// before (004:349–357: "udtræk fra Danmarks Statistik 2. kvartal året før budgetåret").
    public static func kvartalForObjektivFinansiering(budgetaar: Int) -> String { "\(budgetaar - 1)K2" }

    public static func gyldigtKvartal(_ s: String) -> Bool {
        let t = Array(s.uppercased())
        guard t.count == 6, t[4] == "K", let q = t[5].wholeNumberValue, (1...4).contains(q) else { return false }
        return t[0..<4].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Derives a key for an age range and a quarter. With `daekningsomraade` only its kommuner are
    /// used (a DST extract usually holds more) and each must have counts; without it, every kommune
    /// of the quarter is used. Aggregate rows ("Hele landet", "Region …") are never kommuner and
    /// are left out. For the whole population a kommune's "i alt" row is used when present, otherwise
    /// its ages are summed; an age range needs rows per age.
    public static func noegle(_ raekker: [Befolkningsraekke], aldersgruppe: Aldersgruppe, kvartal: String,
                              daekningsomraade: [String]? = nil) throws -> Fordelingsnoegle {
        guard gyldigtKvartal(kvartal) else {
            throw Valideringsfejl(felt: "kvartal", besked: "kvartalet skal skrives som fx 2022K2 (fik '\(kvartal)')")
        }
        let kv = kvartal.uppercased()
        let iKvartal = raekker.filter { $0.kvartal.uppercased() == kv && !erAggregat($0.kommune) }
        guard !iKvartal.isEmpty else {
            throw Valideringsfejl(felt: "kvartal", besked: "der er ingen befolkningstal for \(kv)")
        }
        var orden: [String] = []
        var pr: [String: [Befolkningsraekke]] = [:]
        for r in iKvartal {
            let n = Kommuner.normaliseret(r.kommune)
            if pr[n] == nil { orden.append(n) }
            pr[n, default: []].append(r)
        }
        let kommuner = daekningsomraade?.map(Kommuner.normaliseret) ?? orden
        var fejl: [Valideringsfejl] = []
        var noegleraekker: [Fordelingsnoegle.Raekke] = []
        for k in kommuner {
            guard let rk = pr[k] else {
                fejl.append(Valideringsfejl(felt: "befolkning", besked: "der er ingen befolkningstal for \(k) i \(kv)"))
                continue
            }
            let iAltRaekker = rk.filter { $0.alder == nil }
            let aldre = rk.filter { $0.alder != nil }
            let antal: Decimal
            if aldersgruppe.erAlle && !iAltRaekker.isEmpty {
                antal = iAltRaekker.reduce(0) { $0 + $1.antal }
            } else if aldre.isEmpty {
                fejl.append(Valideringsfejl(felt: "befolkning",
                                            besked: "\(k) har kun et tal for alder i alt i \(kv), ikke tal pr. alder til \(aldersgruppe.tekst)"))
                continue
            } else {
                antal = aldre.filter { aldersgruppe.omfatter($0.alder!) }.reduce(0) { $0 + $1.antal }
            }
            noegleraekker.append(.init(kommune: k, grundlag: antal))
        }
        try Valideringsfejl.kast(fejl)
        let kvTekst = "\(kv.suffix(1)). kvt. \(kv.prefix(4))"
        return Fordelingsnoegle(navn: "\(aldersgruppe.tekst) \(kvTekst)", raekker: noegleraekker)
    }

    static func erAggregat(_ navn: String) -> Bool {
        let s = navn.trimmingCharacters(in: .whitespaces).lowercased()
        return s == "hele landet" || s == "i alt" || s.hasPrefix("region ") || s.hasPrefix("landsdel ")
    }
}
