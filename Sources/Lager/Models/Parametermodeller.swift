import FluentKit
import Foundation
import Takstregler

/// P/L index per year.
public final class PLIndeksmodel: Model, @unchecked Sendable {
    public static let schema = "pl_indeks"
    @ID(key: .id) public var id: UUID?
    @Field(key: "aar") public var aar: Int
    @Field(key: "indeks") public var indeks: String
    public init() {}
    public init(aar: Int, indeks: Decimal) {
        self.aar = aar
        self.indeks = "\(indeks)"
    }
}

/// A yearly parameter per region (overhead rule, thresholds, weights, rounding, deadlines);
/// the value is JSON so each rule keeps its own typed value in Takstregler.
public final class Parametermodel: Model, @unchecked Sendable {
    public static let schema = "parametre"
    @ID(key: .id) public var id: UUID?
    @Field(key: "aar") public var aar: Int
    @Field(key: "region") public var region: String
    @Field(key: "noegle") public var noegle: String
    @Field(key: "vaerdi") public var vaerdi: String
    public init() {}
    public init(aar: Int, region: String, noegle: String, vaerdi: String) {
        self.aar = aar
        self.region = region
        self.noegle = noegle
        self.vaerdi = vaerdi
    }
}

/// A decision by DAS/FU/KKR referenced by approvals.
public final class Beslutningsmodel: Model, @unchecked Sendable {
    public static let schema = "beslutninger"
    @ID(key: .id) public var id: UUID?
    @Field(key: "organ") public var organ: String
    @Field(key: "dato") public var dato: String
    @Field(key: "punkt") public var punkt: String
    @Field(key: "tekst") public var tekst: String
    @OptionalField(key: "delegation") public var delegation: String?
    public init() {}
    public init(_ b: Beslutning) {
        organ = b.organ
        dato = b.dato
        punkt = b.punkt
        tekst = b.tekst
        delegation = b.delegation
    }
    public var domaene: Beslutning { Beslutning(organ: organ, dato: dato, punkt: punkt, tekst: tekst, delegation: delegation) }
}

/// The audit log: append-only.
public final class Haendelsesmodel: Model, @unchecked Sendable {
    public static let schema = "haendelser"
    @ID(key: .id) public var id: UUID?
    @Field(key: "tidspunkt") public var tidspunkt: Date
    @Field(key: "bruger") public var bruger: String
    @Field(key: "handling") public var handling: String
    @Field(key: "entitet") public var entitet: String
    @Field(key: "entitet_id") public var entitetID: String
    @OptionalField(key: "foer") public var foer: String?
    @OptionalField(key: "efter") public var efter: String?
    @OptionalField(key: "begrundelse") public var begrundelse: String?
    public init() {}
    public init(_ h: Haendelse) {
        tidspunkt = h.tidspunkt
        bruger = h.bruger
        handling = h.handling
        entitet = h.entitet
        entitetID = h.entitetID
        foer = h.foer
        efter = h.efter
        begrundelse = h.begrundelse
    }
    public var domaene: Haendelse {
        Haendelse(bruger: bruger, tidspunkt: tidspunkt, handling: handling, entitet: entitet, entitetID: entitetID,
                  foer: foer, efter: efter, begrundelse: begrundelse)
    }
}

public final class PLSatsmodel: Model, @unchecked Sendable {
    public static let schema = "pl_satser"
    @ID(key: .id) public var id: UUID?
    @Field(key: "type") public var type: String
    @Field(key: "kilde") public var kilde: String
    @Field(key: "art") public var art: String
    @Field(key: "aar_fra") public var aarFra: Int
    @Field(key: "aar_til") public var aarTil: Int
    /// Exact decimal text.
    @Field(key: "procent") public var procent: String
    @Field(key: "reference") public var reference: String
    public init() {}
}

public final class Kontraktmodel: Model, @unchecked Sendable {
    public static let schema = "kontrakter"
    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "reference") public var reference: String
    @Field(key: "version") public var version: Int
    /// The draft as JSON (`Kontraktudkast`: no citizen data).
    @Field(key: "udkast") public var udkast: String
    /// The unit price when saved (exact decimal text) and the year of its price level.
    @Field(key: "pris") public var pris: String
    @Field(key: "prisaar") public var prisaar: Int
    @Field(key: "oprettet_af") public var oprettetAf: String
    @Field(key: "oprettet") public var oprettet: String
    public init() {}
}
