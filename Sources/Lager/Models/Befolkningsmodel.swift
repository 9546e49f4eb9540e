import FluentKit
import Foundation
import Takstregler

/// Population by kommune, age (nil = all ages) and quarter (DST FOLK1A), the basis of every
/// population key (DOMAIN.md 6.7, 6.8).
public final class Befolkningsmodel: Model, @unchecked Sendable {
    public static let schema = "befolkning"
    @ID(key: .id) public var id: UUID?
    @Field(key: "kommune") public var kommune: String
    @OptionalField(key: "alder") public var alder: Int?
    @Field(key: "kvartal") public var kvartal: String
    @Field(key: "antal") public var antal: String
    public init() {}
    public init(_ r: Befolkningsraekke) {
        kommune = r.kommune
        alder = r.alder
        kvartal = r.kvartal
        antal = "\(r.antal)"
    }
    public var domaene: Befolkningsraekke {
        Befolkningsraekke(kommune: kommune, alder: alder, kvartal: kvartal, antal: Decimal(string: antal) ?? 0)
    }
}
