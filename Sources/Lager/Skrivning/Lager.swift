import Fluent
import Foundation
import Takstregler

/// Every read and write of Takstfil's data. Each write is one transaction that also appends an
/// audit event (who, when, what, before, after, reason); a refused write changes nothing.
public struct Lager: Sendable {
    public let db: any Database
    public init(_ db: any Database) { self.db = db }

    /// Runs `blok` in one transaction; the events it returns are written in the same transaction.
    func skriv<T: Sendable>(_ blok: @escaping @Sendable (any Database, inout [Haendelse]) async throws -> T) async throws -> T {
        try await db.transaction { tx in
            var haendelser: [Haendelse] = []
            let resultat = try await blok(tx, &haendelser)
            for h in haendelser { try await Haendelsesmodel(h).create(on: tx) }
            return resultat
        }
    }

    static func haendelse(_ bruger: String, _ handling: String, _ entitet: String, _ id: UUID?,
                          foer: (any Encodable)? = nil, efter: (any Encodable)? = nil,
                          begrundelse: String? = nil) throws -> Haendelse {
        Haendelse(bruger: bruger, tidspunkt: Tidspunkt.nu(), handling: handling, entitet: entitet,
                  entitetID: id?.uuidString ?? "", foer: try foer.map { try Lagerkodning.json($0) },
                  efter: try efter.map { try Lagerkodning.json($0) }, begrundelse: begrundelse)
    }
}

// MARK: - Organisationer og tilbud

extension Lager {
    @discardableResult
    public func opretOrganisation(_ o: Organisation, af bruger: String) async throws -> UUID {
        let navn = o.navn.trimmingCharacters(in: .whitespaces)
        guard !navn.isEmpty else { throw Valideringsfejl(felt: "navn", besked: "organisationen skal have et navn") }
        if let nr = o.kommunenummer, !(nr.count == 3 && nr.allSatisfy(\.isNumber)) {
            throw Valideringsfejl(felt: "kommunenummer", besked: "kommunenummeret skal være tre cifre (fik '\(nr)')")
        }
        return try await skriv { tx, log in
            if try await Organisationsmodel.query(on: tx).filter(\.$navn == navn).first() != nil {
                throw Lagerfejl.findesAllerede("Organisationen '\(navn)'")
            }
            var overordnetID: UUID?
            if let over = o.overordnet {
                guard let m = try await Organisationsmodel.query(on: tx).filter(\.$navn == over).first() else {
                    throw Lagerfejl.ukendtOrganisation(over)
                }
                overordnetID = m.id
            }
            var ren = o
            ren.navn = navn
            let m = Organisationsmodel(ren, overordnetID: overordnetID)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "organisation", m.id, efter: ren))
            return try m.requireID()
        }
    }

    public func organisation(navn: String) async throws -> Organisationsmodel? {
        try await Organisationsmodel.query(on: db).filter(\.$navn == navn).first()
    }

    public func organisationer() async throws -> [Organisationsmodel] {
        try await Organisationsmodel.query(on: db).sort(\.$navn).all()
    }

    @discardableResult
    public func opretTilbud(_ t: Tilbud, af bruger: String, demo: Bool = false, kilde: String? = nil) async throws -> UUID {
        let navn = t.navn.trimmingCharacters(in: .whitespaces)
        guard !navn.isEmpty else { throw Valideringsfejl(felt: "navn", besked: "tilbuddet skal have et navn") }
        return try await skriv { tx, log in
            guard let drift = try await Organisationsmodel.query(on: tx).filter(\.$navn == t.driftsherre).first() else {
                throw Lagerfejl.ukendtOrganisation(t.driftsherre)
            }
            let driftID = try drift.requireID()
            if try await Tilbudsmodel.query(on: tx).filter(\.$navn == navn).filter(\.$driftsherre.$id == driftID).first() != nil {
                throw Lagerfejl.findesAllerede("Tilbuddet '\(navn)' hos \(t.driftsherre)")
            }
            var ren = t
            ren.navn = navn
            let m = Tilbudsmodel(ren, driftsherreID: driftID, demo: demo, kilde: kilde)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "tilbud", m.id, efter: ren))
            return try m.requireID()
        }
    }

    /// Finds a tilbud by name, optionally narrowed by driftsherre; refuses an unknown or
    /// ambiguous name with a message that says which.
    public func findTilbud(navn: String, driftsherre: String? = nil) async throws -> Tilbudsmodel {
        var q = Tilbudsmodel.query(on: db).with(\.$driftsherre).filter(\.$navn == navn)
        if let driftsherre {
            guard let d = try await organisation(navn: driftsherre) else { throw Lagerfejl.ukendtOrganisation(driftsherre) }
            q = q.filter(\.$driftsherre.$id == d.id!)
        }
        let fundne = try await q.all()
        guard let foerste = fundne.first else { throw Lagerfejl.ukendtTilbud(navn) }
        guard fundne.count == 1 else {
            throw Valideringsfejl(felt: "tilbud", besked: "'\(navn)' findes hos flere driftsherrer (\(fundne.map(\.driftsherre.navn).joined(separator: ", "))) — angiv driftsherre")
        }
        return foerste
    }

    public func antalTilbud() async throws -> Int { try await Tilbudsmodel.query(on: db).count() }
}

/// Timestamps are kept to the millisecond, so SQLite and PostgreSQL (microseconds) hold the same
/// value and a dump restored into either exports identically.
public enum Tidspunkt {
    public static func nu() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
