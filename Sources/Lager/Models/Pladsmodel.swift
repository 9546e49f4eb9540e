import FluentKit
import Foundation

/// Places of a tilbud in a year, per type (dag/døgn/ambulant) — the pladsoversigt's source.
public final class Pladsmodel: Model, @unchecked Sendable {
    public static let schema = "pladser"
    @ID(key: .id) public var id: UUID?
    /// The import that inserted the row (M027; nil for rows saved otherwise).
    @OptionalField(key: "import_id") public var importID: UUID?
    @Parent(key: "tilbud_id") public var tilbud: Tilbudsmodel
    @Field(key: "aar") public var aar: Int
    @Field(key: "type") public var type: String
    @Field(key: "pladser") public var pladser: String
    @Field(key: "version") public var version: Int
    public init() {}
    public init(tilbudID: UUID, aar: Int, type: String, pladser: Decimal, version: Int) {
        $tilbud.id = tilbudID
        self.aar = aar
        self.type = type
        self.pladser = "\(pladser)"
        self.version = version
    }
}

/// A driftsherre's comment or the secretariat's note on a row of the ledelsesinformation
/// (DOMAIN.md 6.5, 7: each driftsherre may comment on its own rows before publication).
public final class Kommentarmodel: Model, @unchecked Sendable {
    public static let schema = "kommentarer"
    @ID(key: .id) public var id: UUID?
    @Field(key: "aar") public var aar: Int
    @Field(key: "tabel") public var tabel: String
    @Field(key: "driftsherre") public var driftsherre: String
    @Field(key: "art") public var art: String
    @Field(key: "tekst") public var tekst: String
    @Field(key: "bruger") public var bruger: String
    @Field(key: "tidspunkt") public var tidspunkt: Date
    public init() {}
    public init(aar: Int, tabel: String, driftsherre: String, art: String, tekst: String, bruger: String) {
        self.aar = aar
        self.tabel = tabel
        self.driftsherre = driftsherre
        self.art = art
        self.tekst = tekst
        self.bruger = bruger
        tidspunkt = Tidspunkt.nu()
    }
}
