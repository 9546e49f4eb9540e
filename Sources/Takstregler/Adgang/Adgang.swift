import Foundation

/// The roles of DOMAIN.md 2. `offentlig` is everyone without a login; the others are accounts.
public enum Rolle: String, Codable, Sendable, CaseIterable {
    case offentlig, driftsherre, sekretariat, socialtilsyn, admin

    public var tekst: String {
        switch self {
        case .offentlig: return "Offentlig"
        case .driftsherre: return "Driftsherre"
        case .sekretariat: return "Sekretariat"
        case .socialtilsyn: return "Socialtilsyn"
        case .admin: return "Administrator"
        }
    }

    /// The roles an account can have (offentlig needs none).
    public static var konti: [Rolle] { [.admin, .sekretariat, .driftsherre, .socialtilsyn] }

    /// A driftsherre acts for one organisation (its tilbud), a socialtilsyn for its own; the
    /// secretariat and the administrator act for the whole rammeaftale.
    public var kraeverOrganisation: Bool { self == .driftsherre || self == .socialtilsyn }
}

/// Everything a user can do that the roles decide (DOMAIN.md 2). Reading published data needs
/// no handling: it is open to everyone.
public enum Handling: String, Codable, Sendable, CaseIterable {
    /// Save a takstniveau draft of one's own tilbud (the takst is computed when saved).
    case indberetTakst
    /// Submit one's own draft to the secretariat.
    case indsendTakst
    /// Report regnskab and quarterly belægning for one's own tilbud.
    case indberetRegnskab
    /// Read drafts and submitted, not yet published figures (own tilbud for a driftsherre).
    case laesKladder
    /// Comment on one's own rows of a year's ledelsesinformation while the comment round is open.
    case kommenterLedelsesinformation
    case afvis
    case godkend
    case offentliggoer
    /// A correction of a published takst: a new version with a reason.
    case ret
    case saetParametre
    case laesRevisionslog
    /// Maintain the socialtilsyn's budget, counts, takster and objektiv finansiering (own region).
    case vedligeholdSocialtilsyn
    case administrerBrugere
    case administrerOrganisationer
    /// Create the yearly supply/demand review, invite the kommuner, import answers, publish (DOMAIN.md 6.10).
    case styrAfdaekning
    /// Answer a review one's own kommune is invited to (the kommune's accounts act as its myndighed).
    case besvarAfdaekning
    /// A kommune drafts standard contracts and keeps its own regulation list (DOMAIN.md 6.12).
    case udarbejdKontrakt

    public var tekst: String {
        switch self {
        case .indberetTakst: return "indberette takster"
        case .indsendTakst: return "indsende takster"
        case .indberetRegnskab: return "indberette regnskab og belægning"
        case .laesKladder: return "se kladder og indsendte tal"
        case .afvis: return "afvise indberetninger"
        case .godkend: return "godkende indberetninger"
        case .kommenterLedelsesinformation: return "kommentere ledelsesinformationen"
        case .offentliggoer: return "offentliggøre takster og ledelsesinformation"
        case .ret: return "rette offentliggjorte takster"
        case .saetParametre: return "sætte årlige parametre"
        case .laesRevisionslog: return "se revisionsloggen"
        case .vedligeholdSocialtilsyn: return "vedligeholde socialtilsynets budget og takster"
        case .administrerBrugere: return "administrere brugere"
        case .administrerOrganisationer: return "administrere organisationer"
        case .styrAfdaekning: return "oprette og offentliggøre afdækninger af udbud og efterspørgsel"
        case .besvarAfdaekning: return "besvare afdækninger af udbud og efterspørgsel"
        case .udarbejdKontrakt: return "udarbejde og gemme kontrakter"
        }
    }
}

/// Who may do what (DOMAIN.md 2). One table, used by every page and API route, so a refusal
/// reads the same everywhere and the authorization tests check exactly this.
public enum Adgang {
    public static func maa(_ rolle: Rolle, _ handling: Handling) -> Bool {
        switch handling {
        case .indberetTakst, .indsendTakst, .indberetRegnskab, .kommenterLedelsesinformation, .besvarAfdaekning, .udarbejdKontrakt:
            return rolle == .driftsherre
        case .laesKladder:
            return rolle == .driftsherre || rolle == .sekretariat
        case .afvis, .godkend, .offentliggoer, .ret, .saetParametre, .styrAfdaekning:
            return rolle == .sekretariat
        case .laesRevisionslog:
            return rolle == .sekretariat || rolle == .admin
        case .vedligeholdSocialtilsyn:
            return rolle == .socialtilsyn
        case .administrerBrugere, .administrerOrganisationer:
            return rolle == .admin
        }
    }

    /// Whether the handling is limited to the user's own organisation's data.
    public static func kunEgne(_ rolle: Rolle, _ handling: Handling) -> Bool {
        rolle == .driftsherre || (rolle == .socialtilsyn && handling == .vedligeholdSocialtilsyn)
    }

    /// A driftsherre owns the tilbud of its organisation and of that organisation's sub-units
    /// (Aarhus Kommune owns what FBU, MBU, SUV and VH run; a sub-unit owns only its own).
    public static func ejer(organisation: String?, tilbuddetsDriftsherre: String, driftsherrensOverordnede: String?) -> Bool {
        guard let organisation, !organisation.isEmpty else { return false }
        return organisation == tilbuddetsDriftsherre || organisation == driftsherrensOverordnede
    }

    /// The Danish refusal shown to the user.
    public static func afvisning(_ rolle: Rolle, _ handling: Handling) -> String {
        rolle == .offentlig
            ? "Log ind for at \(handling.tekst)."
            : "Din rolle (\(rolle.tekst.lowercased())) må ikke \(handling.tekst)."
    }
}

/// Rules for account data, shared by the CLI and the web forms.
public enum Kontoregler {
    public static let mindsteKodeordslaengde = 10

    /// Lower-cased and trimmed; refused unless it looks like an e-mail address.
    public static func email(_ raa: String) throws -> String {
        let e = raa.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let dele = e.split(separator: "@", omittingEmptySubsequences: false)
        guard dele.count == 2, !dele[0].isEmpty, dele[1].contains("."), !dele[1].hasPrefix("."), !dele[1].hasSuffix("."),
              !e.contains(where: { $0.isWhitespace }) else {
            throw Valideringsfejl(felt: "email", besked: "'\(raa)' er ikke en gyldig e-mailadresse")
        }
        return e
    }

    public static func kodeord(_ k: String) throws {
        guard k.count >= mindsteKodeordslaengde else {
            throw Valideringsfejl(felt: "kodeord", besked: "kodeordet skal have mindst \(mindsteKodeordslaengde) tegn")
        }
        guard k.trimmingCharacters(in: .whitespacesAndNewlines) == k else {
            throw Valideringsfejl(felt: "kodeord", besked: "kodeordet må ikke begynde eller slutte med mellemrum")
        }
    }

    public static func rolle(_ raa: String) throws -> Rolle {
        guard let r = Rolle(rawValue: raa.trimmingCharacters(in: .whitespaces).lowercased()), Rolle.konti.contains(r) else {
            throw Valideringsfejl(felt: "rolle", besked: "ukendt rolle '\(raa)' (brug admin, sekretariat, driftsherre eller socialtilsyn)")
        }
        return r
    }
}
