import FluentKit
import Foundation
import Takstregler

/// The audit log with filters, newest first (the secretariat's page and `/api/v1/haendelser`).
public struct Haendelsesfilter: Sendable {
    public var bruger: String?
    public var entitet: String?
    public var handling: String?
    public var entitetID: String?
    public var fra: Date?
    /// Exclusive.
    public var til: Date?
    public var forskydning: Int
    public var graense: Int

    public init(bruger: String? = nil, entitet: String? = nil, handling: String? = nil, entitetID: String? = nil,
                fra: Date? = nil, til: Date? = nil, forskydning: Int = 0, graense: Int = 50) {
        self.bruger = bruger
        self.entitet = entitet
        self.handling = handling
        self.entitetID = entitetID
        self.fra = fra
        self.til = til
        self.forskydning = forskydning
        self.graense = graense
    }
}

extension Lager {
    /// One page of events and the number matching the filter.
    public func haendelser(_ f: Haendelsesfilter) async throws -> (haendelser: [Haendelse], antal: Int) {
        func q() -> QueryBuilder<Haendelsesmodel> {
            var q = Haendelsesmodel.query(on: db)
            if let b = f.bruger, !b.isEmpty { q = q.filter(\.$bruger == b) }
            if let e = f.entitet, !e.isEmpty { q = q.filter(\.$entitet == e) }
            if let h = f.handling, !h.isEmpty { q = q.filter(\.$handling == h) }
            if let i = f.entitetID, !i.isEmpty { q = q.filter(\.$entitetID == i) }
            if let fra = f.fra { q = q.filter(\.$tidspunkt >= fra) }
            if let til = f.til { q = q.filter(\.$tidspunkt < til) }
            return q
        }
        let antal = try await q().count()
        let side = try await q().sort(\.$tidspunkt, .descending).sort(\.$id)
            .range(f.forskydning..<(f.forskydning + max(1, f.graense))).all().map(\.domaene)
        return (side, antal)
    }

    /// The distinct users, entities and actions in the log (the filter's choices).
    public func haendelsesvalg() async throws -> (brugere: [String], entiteter: [String], handlinger: [String]) {
        let alle = try await Haendelsesmodel.query(on: db).field(\.$bruger).field(\.$entitet).field(\.$handling).all()
        return (Array(Set(alle.map(\.bruger))).sorted(), Array(Set(alle.map(\.entitet))).sorted(),
                Array(Set(alle.map(\.handling))).sorted())
    }
}
