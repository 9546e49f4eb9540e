import FluentKit
import Foundation
import Takstregler

public final class Tilbudsmodel: Model, @unchecked Sendable {
    public static let schema = "tilbud"
    @ID(key: .id) public var id: UUID?
    /// The import that inserted the row (M027; nil for rows saved otherwise).
    @OptionalField(key: "import_id") public var importID: UUID?
    @Field(key: "navn") public var navn: String
    @Parent(key: "driftsherre_id") public var driftsherre: Organisationsmodel
    @OptionalField(key: "adresse") public var adresse: String?
    @OptionalField(key: "paragraf") public var paragraf: String?
    @OptionalField(key: "maalgruppe") public var maalgruppe: String?
    @Field(key: "type") public var type: String
    @Field(key: "ejerform") public var ejerform: String
    /// Departments, one per line.
    @Field(key: "afdelinger") public var afdelinger: String
    /// Marked so demo data can never be mistaken for real figures.
    @Field(key: "demo") public var demo: Bool
    /// Where the figures come from, e.g. "003:1425–1448".
    @OptionalField(key: "kilde") public var kilde: String?
    @OptionalField(key: "beliggenhedskommune") public var beliggenhedskommune: String?
    /// Codes of the region's målgruppe list, comma-separated (M023); several per tilbud.
    @OptionalField(key: "specialer") public var specialer: String?
    @Children(for: \.$tilbud) public var takstniveauer: [Takstniveaumodel]

    public init() {}

    public init(_ t: Tilbud, driftsherreID: UUID, demo: Bool, kilde: String?) {
        navn = t.navn
        $driftsherre.id = driftsherreID
        adresse = t.adresse
        paragraf = t.paragraf
        maalgruppe = t.maalgruppe?.rawValue
        type = t.type.rawValue
        ejerform = t.ejerform.rawValue
        afdelinger = t.afdelinger.joined(separator: "\n")
        beliggenhedskommune = t.beliggenhedskommune
        self.demo = demo
        self.kilde = kilde
    }

    /// The domain value; `driftsherre` must be eager-loaded or given.
    public func domaene(driftsherre navn: String) -> Tilbud {
        Tilbudsmodel.tilbud(navn: self.navn, driftsherre: navn, adresse: adresse, paragraf: paragraf, maalgruppe: maalgruppe,
                            type: type, ejerform: ejerform, afdelinger: afdelinger, beliggenhedskommune: beliggenhedskommune)
    }

    /// The domain value from the stored columns (also used by plain-SQL readers).
    static func tilbud(navn: String, driftsherre: String, adresse: String?, paragraf: String?, maalgruppe: String?,
                       type: String, ejerform: String, afdelinger: String, beliggenhedskommune: String? = nil) -> Tilbud {
        Tilbud(navn: navn, driftsherre: driftsherre, adresse: adresse, paragraf: paragraf,
               maalgruppe: maalgruppe.flatMap(Maalgruppe.init(rawValue:)),
               type: Tilbud.Type_(rawValue: type) ?? .doegn, ejerform: Tilbud.Ejerform(rawValue: ejerform) ?? .kommunal,
               afdelinger: afdelinger.isEmpty ? [] : afdelinger.components(separatedBy: "\n"), beliggenhedskommune: beliggenhedskommune)
    }
}
