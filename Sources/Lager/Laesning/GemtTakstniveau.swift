import FluentKit
import Foundation
import Takstregler

/// One stored version of one takstniveau, as everything outside storage sees it: the domain value
/// (with its `Status`), the stored takst and the bookkeeping around it. Web, command line and
/// demo get this, never the Fluent model.
public struct GemtTakstniveau: Sendable {
    public let id: UUID
    public let tilbudID: UUID
    public let niveau: Takstniveau
    /// The takst as stored with the level (a cache of `niveau.beregn()`, written in the same transaction).
    public let takst: Kroner
    /// Optimistic locking: the revision a later save must name.
    public let revision: Int
    public let begrundelse: String?
    /// The decision that approved it, when the reader asked for it.
    public let beslutning: Beslutning?

    public var navn: String { niveau.navn }
    public var aar: Int { niveau.aar }
    public var version: Int { niveau.version }
    public var status: Status { niveau.status }
}

extension Array where Element == GemtTakstniveau {
    /// The newest version of level `navn` of year `aar` in the period starting `gyldigFra` (empty or
    /// nil: 1 January) — the record a save of that level and period edits (DOMAIN.md 6.1).
    public func nyeste(navn: String, aar: Int, gyldigFra: String?) -> GemtTakstniveau? {
        let fra = (gyldigFra ?? "").trimmingCharacters(in: .whitespaces)
        let start = fra.isEmpty ? "\(aar)-01-01" : fra
        return filter { $0.navn == navn && $0.aar == aar && $0.niveau.periodestart == start }.max { $0.version < $1.version }
    }
}

extension Takstniveaumodel {
    /// The read model; the decision is included when the query loaded it (`with(\.$beslutning)`).
    var gemt: GemtTakstniveau {
        get throws {
            GemtTakstniveau(id: try requireID(), tilbudID: $tilbud.id, niveau: try domaene, takst: try Lagertal.decimal(takst),
                            revision: revision, begrundelse: begrundelse, beslutning: $beslutning.value.flatMap { $0?.domaene })
        }
    }
}

/// One tilbud's regnskab for one year as stored: the figures and where it is in the workflow.
public struct GemtRegnskab: Sendable {
    public let regnskab: Regnskab
    public let status: Status
    public let version: Int

    public var aar: Int { regnskab.aar }
}

extension Regnskabsmodel {
    var gemt: GemtRegnskab {
        get throws {
            guard let s = Status(rawValue: status) else { throw Lagerfejl.ugyldigDatabase("ukendt status '\(status)' for regnskabet \(aar)") }
            return GemtRegnskab(regnskab: try domaene, status: s, version: version)
        }
    }
}
