import FluentKit
import Foundation
import Takstregler

/// Regnskab per tilbud-year; versions as for takstniveauer. Amounts are exact decimal text in
/// their own columns, so reports read them without decoding a document per row.
public final class Regnskabsmodel: Model, @unchecked Sendable {
    public static let schema = "regnskaber"
    @ID(key: .id) public var id: UUID?
    /// The import that inserted the row (M027; nil for rows saved otherwise).
    @OptionalField(key: "import_id") public var importID: UUID?
    @Parent(key: "tilbud_id") public var tilbud: Tilbudsmodel
    @Field(key: "aar") public var aar: Int
    @Field(key: "version") public var version: Int
    @Field(key: "status") public var status: String
    @Field(key: "omkostninger") public var omkostninger: String
    @OptionalField(key: "takstindtaegter") public var takstindtaegter: String?
    @Field(key: "belaegning") public var belaegning: String
    @OptionalField(key: "over_underskud") public var overUnderskud: String?
    @OptionalField(key: "tillaegsydelser") public var tillaegsydelser: String?
    @Field(key: "revision") public var revision: Int

    public init() {}

    public init(tilbudID: UUID, regnskab: Regnskab, status: Status, version: Int = 1) throws {
        $tilbud.id = tilbudID
        aar = regnskab.aar
        self.version = version
        self.status = status.rawValue
        revision = 1
        saet(regnskab)
    }

    func saet(_ r: Regnskab) {
        omkostninger = "\(r.omkostninger)"
        takstindtaegter = r.takstindtaegter.map { "\($0)" }
        belaegning = "\(r.belaegning)"
        overUnderskud = r.overUnderskud.map { "\($0)" }
        tillaegsydelser = r.tillaegsydelser.map { "\($0)" }
    }

    /// The value columns and their values, for batch inserts.
    static let vaerdikolonner = ["omkostninger", "takstindtaegter", "belaegning", "over_underskud", "tillaegsydelser"]
    static func vaerdier(_ r: Regnskab) -> [Feltvaerdi] {
        // The same text as `"\(decimal)"` (`saet`), written faster.
        [.tekst(Decimaltekst.tekst(r.omkostninger)), .valgfri(r.takstindtaegter.map(Decimaltekst.tekst)), .tekst(Decimaltekst.tekst(r.belaegning)),
         .valgfri(r.overUnderskud.map(Decimaltekst.tekst)), .valgfri(r.tillaegsydelser.map(Decimaltekst.tekst))]
    }

    public var domaene: Regnskab {
        get throws {
            Regnskab(aar: aar, omkostninger: try Lagertal.decimal(omkostninger), takstindtaegter: try takstindtaegter.map(Lagertal.decimal),
                     belaegning: try Lagertal.decimal(belaegning), overUnderskud: try overUnderskud.map(Lagertal.decimal),
                     tillaegsydelser: try tillaegsydelser.map(Lagertal.decimal))
        }
    }
}

/// Belægning per tilbud-quarter.
public final class Belaegningsmodel: Model, @unchecked Sendable {
    public static let schema = "belaegninger"
    @ID(key: .id) public var id: UUID?
    /// The import that inserted the row (M027; nil for rows saved otherwise).
    @OptionalField(key: "import_id") public var importID: UUID?
    @Parent(key: "tilbud_id") public var tilbud: Tilbudsmodel
    @Field(key: "aar") public var aar: Int
    @Field(key: "kvartal") public var kvartal: Int
    @Field(key: "version") public var version: Int
    @OptionalField(key: "normering") public var normering: String?
    @OptionalField(key: "forbrug") public var forbrug: String?
    @Field(key: "art") public var art: String

    public init() {}

    public init(tilbudID: UUID, belaegning: Belaegning, version: Int = 1) throws {
        $tilbud.id = tilbudID
        aar = belaegning.aar
        kvartal = belaegning.kvartal
        self.version = version
        normering = belaegning.normering.map { "\($0)" }
        forbrug = belaegning.forbrug.map { "\($0)" }
        art = belaegning.art.rawValue
    }

    public var domaene: Belaegning {
        get throws {
            Belaegning(aar: aar, kvartal: kvartal, normering: try normering.map(Lagertal.decimal), forbrug: try forbrug.map(Lagertal.decimal),
                       art: Belaegningsart(rawValue: art) ?? .doegn)
        }
    }
}

/// Decimal text as stored (written by `"\(decimal)"`), read back exactly.
enum Lagertal {
    static func decimal(_ s: String) throws -> Decimal {
        guard let d = Decimaltekst.laes(s) else { throw Lagerfejl.ugyldigDatabase("'\(s)' i databasen er ikke et tal") }
        return d
    }
}
