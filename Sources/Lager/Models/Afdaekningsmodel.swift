import FluentKit
import Foundation

public final class Afdaekningsmodel: Model, @unchecked Sendable {
    public static let schema = "afdaekninger"
    @ID(key: .id) public var id: UUID?
    @Field(key: "titel") public var titel: String
    @Field(key: "aar") public var aar: Int
    @Field(key: "region") public var region: String
    /// JSON of `Afdaekning`.
    @Field(key: "definition") public var definition: String
    @Field(key: "status") public var status: String
    /// JSON: question key → year → printed total (`Taelling.tekst`) from imported tables.
    @Field(key: "trykt") public var trykt: String
    /// JSON of `Beslutning`, when published.
    @OptionalField(key: "beslutning") public var beslutning: String?
    @OptionalField(key: "offentliggjort") public var offentliggjort: String?
    @Field(key: "oprettet") public var oprettet: Date
    public init() {}
}

public final class Afdaekningssvarmodel: Model, @unchecked Sendable {
    public static let schema = "afdaekningssvar"
    @ID(key: .id) public var id: UUID?
    @Field(key: "afdaekning_id") public var afdaekningID: UUID
    @Field(key: "kommune") public var kommune: String
    @Field(key: "version") public var version: Int
    @Field(key: "status") public var status: String
    /// JSON of `Besvarelse`.
    @Field(key: "svar") public var svar: String
    /// "web", "api" or "import: FIL".
    @Field(key: "kilde") public var kilde: String
    @Field(key: "bruger") public var bruger: String
    @Field(key: "tidspunkt") public var tidspunkt: Date
    public init() {}
}

public final class Afvigelsesaarsagsmodel: Model, @unchecked Sendable {
    public static let schema = "afvigelsesaarsager"
    @ID(key: .id) public var id: UUID?
    @Field(key: "kilde") public var kilde: String
    @Field(key: "tabel") public var tabel: String
    @Field(key: "felt") public var felt: String
    @Field(key: "aarsag") public var aarsag: String
    @OptionalField(key: "bemaerkning") public var bemaerkning: String?
    @Field(key: "bruger") public var bruger: String
    @Field(key: "tidspunkt") public var tidspunkt: Date
    public init() {}
}

public final class Udmeldingsmodel: Model, @unchecked Sendable {
    public static let schema = "udmeldingsdata"
    @ID(key: .id) public var id: UUID?
    @Field(key: "analyse") public var analyse: String
    @Field(key: "tilbud") public var tilbud: String
    @Field(key: "maalgruppe") public var maalgruppe: String
    @Field(key: "version") public var version: Int
    /// JSON of `Udmeldingsdata`.
    @Field(key: "data") public var data: String
    @Field(key: "kilde") public var kilde: String
    @Field(key: "bruger") public var bruger: String
    @Field(key: "tidspunkt") public var tidspunkt: Date
    public init() {}
}

public final class Maalgruppemodel: Model, @unchecked Sendable {
    public static let schema = "maalgruppelister"
    @ID(key: .id) public var id: UUID?
    @Field(key: "region") public var region: String
    @Field(key: "kode") public var kode: String
    @Field(key: "tekst") public var tekst: String
    @Field(key: "raekkefoelge") public var raekkefoelge: Int
    public init() {}
}

public final class LedigePladsermodel: Model, @unchecked Sendable {
    public static let schema = "ledige_pladser"
    @ID(key: .id) public var id: UUID?
    @Field(key: "tilbud_id") public var tilbudID: UUID
    @Field(key: "dato") public var dato: String
    /// nil: "ukendt".
    @OptionalField(key: "antal") public var antal: Int?
    @Field(key: "bruger") public var bruger: String
    @Field(key: "tidspunkt") public var tidspunkt: Date
    public init() {}
}

public final class Indikatormodel: Model, @unchecked Sendable {
    public static let schema = "indikatorer"
    @ID(key: .id) public var id: UUID?
    @Field(key: "gruppe") public var gruppe: String
    @Field(key: "navn") public var navn: String
    @Field(key: "aar") public var aar: String
    @Field(key: "enhed") public var enhed: String
    @Field(key: "retning") public var retning: String
    @Field(key: "kilde") public var kilde: String
    @OptionalField(key: "prisbasis") public var prisbasis: String?
    @Field(key: "funktioner") public var funktioner: String
    /// JSON: region → value (exact decimal text).
    @Field(key: "vaerdier") public var vaerdier: String
    @Field(key: "raekkefoelge") public var raekkefoelge: Int
    public init() {}
}
