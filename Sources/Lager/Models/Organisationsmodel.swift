import FluentKit
import Foundation
import Takstregler

public final class Organisationsmodel: Model, @unchecked Sendable {
    public static let schema = "organisationer"
    @ID(key: .id) public var id: UUID?
    /// The import that inserted the row (M027; nil for rows saved otherwise).
    @OptionalField(key: "import_id") public var importID: UUID?
    @Field(key: "navn") public var navn: String
    @Field(key: "art") public var art: String
    @OptionalField(key: "kommunenummer") public var kommunenummer: String?
    @OptionalField(key: "region") public var region: String?
    @OptionalParent(key: "overordnet_id") public var overordnet: Organisationsmodel?

    public init() {}

    public init(_ o: Organisation, overordnetID: UUID? = nil) {
        navn = o.navn
        art = o.art.rawValue
        kommunenummer = o.kommunenummer
        region = o.region
        $overordnet.id = overordnetID
    }

    public var domaene: Organisation {
        Organisation(navn: navn, art: Organisation.Art(rawValue: art) ?? .kommune, kommunenummer: kommunenummer,
                     region: region, overordnet: nil)
    }
}
