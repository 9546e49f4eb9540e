import Foundation

/// The 98 kommuner by region, so keys typed as "Frederikshavns Kommune" (003:3229ff.), "Aarhus Kommune"
/// (001:8061ff.) and "Frederikshavn" (DST) are recognised as the same kommune.
///
/// The list is used to *recognise and normalise* names only. Whether a kommune belongs in a key is
/// decided by the coverage list the caller gives (a socialtilsyn's coverage area is not its region:
/// Nord covers Silkeborg and not Hjørring, 004:349–413; Midt covers Faaborg-Midtfyn, 001:312–334).
public enum Kommuner {
    public enum Region: String, Codable, Sendable, CaseIterable {
        case hovedstaden = "Region Hovedstaden"
        case sjaelland = "Region Sjælland"
        case syddanmark = "Region Syddanmark"
        case midtjylland = "Region Midtjylland"
        case nordjylland = "Region Nordjylland"
    }

    public static func i(_ region: Region) -> [String] {
        switch region {
        case .hovedstaden:
            return ["Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal", "Fredensborg",
                    "Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe", "Glostrup", "Gribskov", "Halsnæs",
                    "Helsingør", "Herlev", "Hillerød", "Hvidovre", "Høje-Taastrup", "Hørsholm", "Ishøj", "København",
                    "Lyngby-Taarbæk", "Rudersdal", "Rødovre", "Tårnby", "Vallensbæk"]
        case .sjaelland:
            return ["Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland", "Næstved",
                    "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns", "Vordingborg"]
        case .syddanmark:
            return ["Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev", "Kerteminde",
                    "Kolding", "Langeland", "Middelfart", "Nordfyns", "Nyborg", "Odense", "Svendborg", "Sønderborg",
                    "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa"]
        case .midtjylland:
            return ["Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig", "Norddjurs",
                    "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Struer",
                    "Syddjurs", "Viborg", "Aarhus"]
        case .nordjylland:
            return ["Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Rebild",
                    "Thisted", "Vesthimmerland", "Aalborg"]
        }
    }

    public static let alle: [String] = Region.allCases.flatMap { i($0) }

    private static let kendte: [String: String] = Dictionary(uniqueKeysWithValues: alle.map { ($0.lowercased(), $0) })
    private static let synonymer: [String: String] = ["århus": "Aarhus", "kobenhavn": "København", "bornholms regionskommune": "Bornholm"]

    /// The kommune's name as in `alle` when it is recognised, otherwise the trimmed input.
    /// Strips " Kommune" and the genitive s the sources use ("Frederikshavns Kommune" → "Frederikshavn"),
    /// and maps Århus → Aarhus. Names that are not kommuner (a resident, "Øvrige") pass unchanged.
    public static func normaliseret(_ navn: String) -> String {
        let trimmet = navn.trimmingCharacters(in: .whitespacesAndNewlines)
        var s = trimmet.lowercased()
        if let syn = synonymer[s] { return syn }
        for endelse in [" regionskommune", " kommune"] where s.hasSuffix(endelse) {
            s.removeLast(endelse.count)
        }
        if let syn = synonymer[s] { return syn }
        if let kendt = kendte[s] { return kendt }
        if s.hasSuffix("s"), let kendt = kendte[String(s.dropLast())] { return kendt }
        return trimmet
    }

    public static func erKendt(_ navn: String) -> Bool { kendte[normaliseret(navn).lowercased()] != nil }
}
