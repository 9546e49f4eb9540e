import FluentKit
import Foundation
import Takstregler

/// One version of one takstniveau of one tilbud in one year. Rows are never changed once
/// published; a correction is a new row with `version + 1` and a reason (DOMAIN.md 5).
public final class Takstniveaumodel: Model, @unchecked Sendable {
    public static let schema = "takstniveauer"
    @ID(key: .id) public var id: UUID?
    /// The import that inserted the row (M027; nil for rows saved otherwise).
    @OptionalField(key: "import_id") public var importID: UUID?
    @Parent(key: "tilbud_id") public var tilbud: Tilbudsmodel
    @Field(key: "navn") public var navn: String
    @Field(key: "aar") public var aar: Int
    @Field(key: "version") public var version: Int
    @Field(key: "status") public var status: String
    /// The full calculation basis as JSON (`Takstgrundlag`), so the takst can always be recomputed.
    @Field(key: "grundlag") public var grundlag: String
    @OptionalField(key: "basis_ydelse") public var basisYdelse: String?
    /// The published takst as exact decimal text (a cache of `Takstniveau.beregn()`, written with it).
    @Field(key: "takst") public var takst: String
    @Field(key: "enhed") public var enhed: String
    /// Optimistic locking: bumped on every save.
    @Field(key: "revision") public var revision: Int
    @OptionalField(key: "begrundelse") public var begrundelse: String?
    @OptionalParent(key: "beslutning_id") public var beslutning: Beslutningsmodel?
    /// The period (DOMAIN.md 6.1): first day (nil: 1 January), enrolment limit, provisional approval.
    @OptionalField(key: "gyldig_fra") public var gyldigFra: String?
    @OptionalField(key: "kun_nye_fra") public var kunNyeFra: String?
    @OptionalField(key: "midlertidig") public var midlertidig: Bool?

    public init() {}

    public init(tilbudID: UUID, niveau: Takstniveau, takst: Kroner) throws {
        $tilbud.id = tilbudID
        navn = niveau.navn
        aar = niveau.aar
        version = niveau.version
        revision = 1
        try saet(niveau, takst: takst)
    }

    func saet(_ niveau: Takstniveau, takst: Kroner) throws {
        status = niveau.status.rawValue
        grundlag = try Lagerkodning.json(niveau.grundlag)
        basisYdelse = try niveau.basisYdelse.map(Lagerkodning.json)
        self.takst = "\(takst)"
        enhed = niveau.grundlag.enhed.rawValue
        gyldigFra = niveau.gyldigFra
        kunNyeFra = niveau.kunForIndskrevetFra
        midlertidig = niveau.midlertidig ? true : nil
    }

    public var domaene: Takstniveau {
        get throws {
            try Takstniveaumodel.niveau(navn: navn, aar: aar, grundlag: grundlag, basisYdelse: basisYdelse, status: status, version: version,
                                        gyldigFra: gyldigFra, kunNyeFra: kunNyeFra, midlertidig: midlertidig ?? false)
        }
    }

    /// The domain value from the stored columns (also used by plain-SQL readers).
    static func niveau(navn: String, aar: Int, grundlag: String, basisYdelse: String?, status: String, version: Int,
                       gyldigFra: String? = nil, kunNyeFra: String? = nil, midlertidig: Bool = false) throws -> Takstniveau {
        // An unknown status is refused, never read as a draft (fail closed).
        guard let s = Status(rawValue: status) else { throw Lagerfejl.ugyldigDatabase("ukendt status '\(status)' for takstniveauet '\(navn)' \(aar)") }
        return Takstniveau(navn: navn, aar: aar, grundlag: try Lagerkodning.fraJSON(grundlag),
                           basisYdelse: try basisYdelse.map { try Lagerkodning.fraJSON($0) }, status: s, version: version,
                           gyldigFra: gyldigFra, kunForIndskrevetFra: kunNyeFra, midlertidig: midlertidig)
    }

    /// The stored takst; a value that is not a number is an error, never 0.
    public var takstDecimal: Kroner { get throws { try Lagertal.decimal(takst) } }
}
