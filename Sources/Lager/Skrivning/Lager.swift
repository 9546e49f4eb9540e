import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import Takstregler

/// Every read and write of Takstfil's data. Each write is one transaction that also appends an
/// audit event (who, when, what, before, after, reason); a refused write changes nothing.
public struct Lager: Sendable {
    public let db: any Database
    /// Keeps the ledelsesinformation's data in memory between reports (see `Rapportcache`).
    public let rapportcache: Rapportcache?
    public init(_ db: any Database, rapportcache: Rapportcache? = nil) {
        self.db = db
        self.rapportcache = rapportcache
    }

    /// Runs `blok` in one transaction; the events it returns are written in the same transaction.
    /// SQLite lets one writer in at a time and answers a second with "busy"; that transaction is
    /// rolled back and run again from the start (re-reading what it checks), so concurrent writers
    /// on SQLite get the same answers as on PostgreSQL — a conflict, never a lost update.
    func skriv<T: Sendable>(_ blok: @escaping @Sendable (any Database, inout [Haendelse]) async throws -> T) async throws -> T {
        // A busy SQLite database is retried by `iTransaktion`.
        try await iTransaktion { tx in
            var haendelser: [Haendelse] = []
            let resultat = try await blok(tx, &haendelser)
            for h in haendelser { try await Haendelsesmodel(h).create(on: tx) }
            return resultat
        }
    }

    static func erOptaget(_ f: SQLiteError) -> Bool {
        switch f.reason {
        case .busy, .busyInSnapshot, .busyTimeout, .busyInRecovery, .locked: return true
        default: return false
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

    func organisationsmodel(navn: String) async throws -> Organisationsmodel? {
        try await Organisationsmodel.query(on: db).filter(\.$navn == navn).first()
    }

    public func organisation(navn: String) async throws -> Organisation? {
        try await organisationsmodel(navn: navn)?.domaene
    }

    /// Every organisation, by name.
    public func organisationer() async throws -> [Organisation] {
        try await Organisationsmodel.query(on: db).sort(\.$navn).all().map(\.domaene)
    }

    /// Driftsherre (organisation name) → its region, for filtering and comparing by region.
    public func regionPrOrganisation() async throws -> [String: String] {
        // Plain SQL: Fluent's models are built by reflection, slow for a read this frequent.
        var ud: [String: String] = [:]
        for r in try await alleRaekker(sql.select().columns("navn", "region").from(Organisationsmodel.schema)) {
            if let region = try r.valgfriTekst("region"), ud[try r.tekst("navn")] == nil { ud[try r.tekst("navn")] = region }
        }
        return ud
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
    public func findTilbud(navn: String, driftsherre: String? = nil) async throws -> TilbudMedEjer {
        var q = Tilbudsmodel.query(on: db).with(\.$driftsherre).filter(\.$navn == navn)
        if let driftsherre {
            guard let d = try await organisationsmodel(navn: driftsherre) else { throw Lagerfejl.ukendtOrganisation(driftsherre) }
            q = q.filter(\.$driftsherre.$id == d.id!)
        }
        let fundne = try await q.all()
        guard let foerste = fundne.first else { throw Lagerfejl.ukendtTilbud(navn) }
        guard fundne.count == 1 else {
            throw Valideringsfejl(felt: "tilbud", besked: "'\(navn)' findes hos flere driftsherrer (\(fundne.map(\.driftsherre.navn).joined(separator: ", "))) — angiv driftsherre")
        }
        return try await medEjer(foerste)
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

extension Lager {
    /// Optimistic locking that holds under concurrency: bumps `revision` only if it is still the
    /// one the writer read (`UPDATE … WHERE revision = ?`). The row is then locked until commit,
    /// so of two writers holding the same revision exactly one wins; the other gets a conflict.
    static func bumpRevision(_ tx: any Database, tabel: String, id: UUID, forventet: Int) async throws -> Bool {
        guard let sql = tx as? any SQLDatabase else { return true }
        let raekker = try await sql.update(tabel)
            .set(SQLIdentifier("revision"), to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, id)
            .where("revision", .equal, forventet)
            .returning("id")
            .all()
        return !raekker.isEmpty
    }

    /// The last audited change of a row, for a conflict message that shows what changed.
    static func senesteAendring(_ tx: any Database, id: UUID) async throws -> String {
        guard let h = try await Haendelsesmodel.query(on: tx).filter(\.$entitetID == id.uuidString)
            .sort(\.$tidspunkt, .descending).first() else { return "" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "da_DK")
        f.timeZone = TimeZone(identifier: "Europe/Copenhagen")
        f.dateFormat = "d. MMMM yyyy 'kl.' HH:mm:ss"
        return " af \(h.bruger) \(f.string(from: h.tidspunkt))"
    }
}
