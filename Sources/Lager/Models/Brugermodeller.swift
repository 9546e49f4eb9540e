import FluentKit
import Foundation
import Takstregler

/// A user account (DOMAIN.md 2). The password is stored only as a bcrypt hash (computed by the
/// web layer); a driftsherre or socialtilsyn account is bound to one organisation.
public final class Brugermodel: Model, @unchecked Sendable {
    public static let schema = "brugere"
    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "kodeord_hash") public var kodeordHash: String
    @Field(key: "rolle") public var rolle: String
    @OptionalParent(key: "organisation_id") public var organisation: Organisationsmodel?
    @Field(key: "aktiv") public var aktiv: Bool
    @Field(key: "oprettet") public var oprettet: Date

    public init() {}

    public init(email: String, kodeordHash: String, rolle: Rolle, organisationID: UUID?) {
        self.email = email
        self.kodeordHash = kodeordHash
        self.rolle = rolle.rawValue
        $organisation.id = organisationID
        aktiv = true
        oprettet = Tidspunkt.nu()
    }
}

/// An API token for `/api/v1` writes: only the SHA-256 of the token is stored; the token itself
/// is shown once, when it is created.
public final class APINoeglemodel: Model, @unchecked Sendable {
    public static let schema = "api_noegler"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "bruger_id") public var bruger: Brugermodel
    @Field(key: "navn") public var navn: String
    @Field(key: "noegle_hash") public var noegleHash: String
    @Field(key: "oprettet") public var oprettet: Date
    @Field(key: "tilbagekaldt") public var tilbagekaldt: Bool

    public init() {}

    public init(brugerID: UUID, navn: String, noegleHash: String) {
        $bruger.id = brugerID
        self.navn = navn
        self.noegleHash = noegleHash
        oprettet = Tidspunkt.nu()
        tilbagekaldt = false
    }
}

/// Every sign-in attempt (the login throttle counts the failed ones). Kept in the database so
/// several app instances throttle together.
public final class Loginforsoegmodel: Model, @unchecked Sendable {
    public static let schema = "loginforsoeg"
    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "adresse") public var adresse: String
    @Field(key: "tidspunkt") public var tidspunkt: Date
    @Field(key: "lykkedes") public var lykkedes: Bool

    public init() {}

    public init(email: String, adresse: String, lykkedes: Bool) {
        self.email = email
        self.adresse = adresse
        tidspunkt = Tidspunkt.nu()
        self.lykkedes = lykkedes
    }
}
