import Takstregler

/// Storage refusals, worded for the user (Danish), always before anything is written.
public enum Lagerfejl: Error, Equatable, CustomStringConvertible {
    case ugyldigDatabase(String)
    case ukendtTilbud(String)
    case ukendtOrganisation(String)
    case findesAllerede(String)
    case laast(String)
    /// A figure whose status does not allow the change: what it is and why (`Status.hvorforIkkeRedigerbar`).
    case ikkeRedigerbar(String, Status)
    case ugyldigStatusskift(fra: String, til: String)
    case konflikt(String)
    case ikkeFundet(String)

    public var description: String {
        switch self {
        case .ugyldigDatabase(let s): return "Databasen: \(s)"
        case .ukendtTilbud(let s): return "tilbud: ukendt tilbud '\(s)'"
        case .ukendtOrganisation(let s): return "driftsherre: ukendt organisation '\(s)'"
        case .findesAllerede(let s): return "\(s) findes allerede"
        case .laast(let s): return "\(s) er offentliggjort og kan ikke ændres — opret en rettelse (ny version) med en begrundelse"
        case .ikkeRedigerbar(let s, let status): return "status: \(s) \(status.hvorforIkkeRedigerbar ?? "kan ikke ændres")"
        case .ugyldigStatusskift(let fra, let til): return "status: kan ikke gå fra '\(fra)' til '\(til)'"
        case .konflikt(let s): return "Konflikt: \(s)"
        case .ikkeFundet(let s): return "\(s) findes ikke"
        }
    }
}
