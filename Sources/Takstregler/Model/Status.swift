/// The life of a reported figure (DOMAIN.md 5, 7): a driftsherre drafts and submits, the
/// secretariat rejects or approves, and an approved year is published. Published data is never
/// changed: a correction is a new version that starts again as a draft.
public enum Status: String, Codable, Sendable, CaseIterable {
    case kladde, indsendt, afvist, godkendt, offentliggjort

    public var tekst: String {
        switch self {
        case .kladde: return "Kladde"
        case .indsendt: return "Indsendt"
        case .afvist: return "Afvist"
        case .godkendt: return "Godkendt"
        case .offentliggjort: return "Offentliggjort"
        }
    }

    /// The transitions the workflow allows; everything else is refused.
    public func kanGaaTil(_ ny: Status) -> Bool {
        switch (self, ny) {
        case (.kladde, .indsendt), (.afvist, .indsendt), (.afvist, .kladde),
             (.indsendt, .afvist), (.indsendt, .godkendt), (.godkendt, .offentliggjort),
             (.godkendt, .afvist):
            return true
        default:
            return false
        }
    }

    /// Published values are frozen; everything before can still be edited by its owner.
    public var erLaast: Bool { self == .offentliggjort }

    /// What a driftsherre may still edit: its draft and a rejected report. A submitted one waits
    /// for the secretariat; approved and published ones change only through a correction (DOMAIN.md 7).
    public var kanRettesAfIndberetter: Bool { self == .kladde || self == .afvist }

    /// Why a reported figure in this status cannot be saved as a draft again, and what to do
    /// instead (nil: it can). One wording for web, API, command line and import (DOMAIN.md 7).
    public var hvorforIkkeRedigerbar: String? {
        switch self {
        case .kladde, .afvist: return nil
        case .indsendt: return "er indsendt og afventer sekretariatet — sekretariatet kan afvise den, så den kan rettes"
        case .godkendt: return "er godkendt og kan ikke ændres — sekretariatet kan afvise den, så den kan rettes, eller rette den som en ny version med en begrundelse, når den er offentliggjort"
        case .offentliggjort: return "er offentliggjort og kan ikke ændres — opret en rettelse (ny version) med en begrundelse"
        }
    }
}
