import Fluent
import Foundation
import Takstregler

/// Regnskab per tilbud-year; versions as for takstniveauer.
public final class Regnskabsmodel: Model, @unchecked Sendable {
    public static let schema = "regnskaber"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "tilbud_id") public var tilbud: Tilbudsmodel
    @Field(key: "aar") public var aar: Int
    @Field(key: "version") public var version: Int
    @Field(key: "status") public var status: String
    /// `Regnskab` as JSON: money stays exact decimal text.
    @Field(key: "data") public var data: String
    @Field(key: "revision") public var revision: Int

    public init() {}

    public init(tilbudID: UUID, regnskab: Regnskab, status: Status, version: Int = 1) throws {
        $tilbud.id = tilbudID
        aar = regnskab.aar
        self.version = version
        self.status = status.rawValue
        data = try Lagerkodning.json(regnskab)
        revision = 1
    }

    public var domaene: Regnskab { get throws { try Lagerkodning.fraJSON(data) } }
}

/// Belægning per tilbud-quarter.
public final class Belaegningsmodel: Model, @unchecked Sendable {
    public static let schema = "belaegninger"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "tilbud_id") public var tilbud: Tilbudsmodel
    @Field(key: "aar") public var aar: Int
    @Field(key: "kvartal") public var kvartal: Int
    @Field(key: "version") public var version: Int
    @Field(key: "data") public var data: String

    public init() {}

    public init(tilbudID: UUID, belaegning: Belaegning, version: Int = 1) throws {
        $tilbud.id = tilbudID
        aar = belaegning.aar
        kvartal = belaegning.kvartal
        self.version = version
        data = try Lagerkodning.json(belaegning)
    }

    public var domaene: Belaegning { get throws { try Lagerkodning.fraJSON(data) } }
}
