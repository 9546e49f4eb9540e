import Foundation

/// The financing models by name, so a front end can dispatch `takstfil model NAVN --input FILE.json`
/// without knowing each model: JSON in, JSON out, Danish validation errors naming the field.
public enum Finansieringsmodel: String, CaseIterable, Codable, Sendable {
    case boernehus
    case saerligePladser = "saerlige-pladser"
    case kofoedsminde
    case ungementor
    case underskudsdeling
    case refusion = "refusion-sel176"
    case ferieledsagelseModel1 = "ferieledsagelse-model1"
    case ferieledsagelseModel2 = "ferieledsagelse-model2"

    public var beskrivelse: String {
        switch self {
        case .boernehus: return "Børnehus: 60 % objektiv finansiering efter andel af 0-17-årige, 40 % takst pr. sag (001:841–861)"
        case .saerligePladser: return "Særlige pladser: benyttede pladser til døgntakst, ubenyttede efter befolkningsandel; evt. tomgangstakst (001:8041–8101, 003:95–100)"
        case .kofoedsminde: return "Kofoedsminde: takst pr. indbygger × kommunens befolkning"
        case .ungementor: return "Ungementor: 50 % efter andel af 15-29-årige, 50 % efter forløb året før (001:10103–10175)"
        case .underskudsdeling: return "Underskudsdeling mellem region og kommuner i scenarier, kommunernes andel fordelt efter nøgler (002:1725–1731, 003:2395–2403)"
        case .refusion: return "Refusion efter SEL § 176 med årlige grænser (003:1763–1779)"
        case .ferieledsagelseModel1: return "Ferieledsagelse model 1: timetakst = timeløn × (1 + 5,4 % administration) plus rejseudgifter"
        case .ferieledsagelseModel2: return "Ferieledsagelse model 2 (koloniaftale), alt pr. medarbejder: timeløn = årsløn / 1.924 timer (øre), løn = medarbejdere × timer × timeløn, kolonitillæg pr. påbegyndt dag, dagpenge pr. helt døgn plus timepenge, 6,1 % overhead af lønnen, minus besparelse (egen vikartimeløn × de samme timer) = egenbetaling i øre"
        }
    }

    /// The model called `navn`, or a Danish error listing the names there are.
    public static func model(_ navn: String) throws -> Finansieringsmodel {
        guard let m = Finansieringsmodel(rawValue: navn.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw Valideringsfejl(felt: "model", besked: "ukendt model '\(navn)' — vælg en af: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return m
    }
}
