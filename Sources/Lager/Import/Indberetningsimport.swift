import Filformater
import FluentKit
import Foundation
import SQLKit
import Takstregler

/// What an import did (or, with a dry run, would do).
public struct Importresultat: Sendable, Equatable {
    public var fil: String
    public var slags: String
    public var raekker = 0
    public var oprettet = 0
    public var aendret = 0
    public var uaendret = 0
    public var nyeDriftsherrer: [String] = []
    public var nyeTilbud: [String] = []
    public var proevekoersel = false
    /// The SHA-256 of the file's bytes, as its audit event names it (nil for rows not read from a file).
    public var sha256: String?
    /// The id on the rows the import inserted and on its audit event (M027).
    public var importID: UUID?
    /// Per sheet, for a workbook.
    public var dele: [Importresultat] = []
}

/// Told how many of an import's rows have been handled, of how many (a terminal's progress line).
public typealias Fremdriftsmelding = @Sendable (_ faerdige: Int, _ iAlt: Int) -> Void

/// A row's key in an import's maps: tilbud and year, and up to two more parts, as numbers.
struct Radnoegle: Hashable { let a: UInt64, b: UInt64 }

/// Thrown at the end of a dry run to roll the transaction back while keeping the report.
struct Proevekoersel: Error { let resultat: Importresultat }

/// One import run inside its transaction. Rows arrive a batch at a time (a streamed file or a
/// sheet in memory); what exists is read once into dictionaries (per year, when a batch first
/// has the year), new rows are queued and written in bulk after each batch (`Masseindsaettelse`:
/// COPY on PostgreSQL, long multi-row INSERTs on SQLite), and rows that change an existing value
/// get their before/after audit events. A created row carries the import's id (`import_id`, M027)
/// instead of an audit event of its own; the import's one event names the file and its SHA-256.
final class Importkontekst: @unchecked Sendable {
    /// The transaction; the row loop reaches it only through `lager()`, which first waits for the
    /// batches being written in the background.
    private let forbindelse: Lager
    let bruger: String
    let standardRegion: String?
    /// The id on every row this import inserts, and of its audit event.
    let importID: UUID
    /// `importID` as a column value, its text written once.
    let importFelt: Feltvaerdi
    /// The last tilbud id written as a column value: a file's rows come sorted by tilbud.
    private var forrigeFelt: (id: UUID, felt: Feltvaerdi)?
    /// The previous batches' rows and audit events, being written while the next batch is prepared.
    private let skrivninger = Skrivekoe()

    /// The transaction's storage once the batches being written are in: every read and write of an
    /// import goes through here, so none overtakes those batches or runs beside them on the connection
    /// (a tilbud queued in one batch is found by the next; SQLite's connection is never used by two
    /// tasks at once).
    func lager() async throws -> Lager {
        try await skrivninger.afvent()
        return forbindelse
    }

    func db() async throws -> any Database { try await lager().db }

    /// A driftsherre as an import needs it: its id, art and region.
    struct Driftsherre {
        let id: UUID
        let art: String
        let region: String?
    }
    /// The driftsherrer by name, read as plain rows like the tilbud below: decoding them as Fluent
    /// models reflected over every model's properties (perf: ~3 ms of every import process, a fifth
    /// of a one-row import's time inside the import).
    private(set) var organisationer: [String: Driftsherre] = [:]
    /// Region → målgruppe list, read once per import.
    var maalgruppelister: [String: Maalgruppeliste] = [:]
    private var tilbud: [UUID: [String: UUID]] = [:]
    private var regioner: [String] = []
    var haendelser: [Haendelse] = []
    /// Progress: rows handled of all the import's rows, told per row (or per batch of a streamed file).
    var fremdrift: Fremdriftsmelding?
    var iAlt = 0
    private var behandlede = 0
    /// Ids of the rows the import inserts.
    private var ider = Importider()
    /// Tilbud ids and short texts (level names, arts, dates) as small numbers: the per-import
    /// maps get a 16-byte key per row instead of a string (at x10 scale the strings of the
    /// version map alone were over 100 MB).
    private var tilbudsnumre: [UUID: UInt64] = [:], tekstnumre: [String: UInt64] = [:]
    func nummer(_ t: String) -> UInt64 {
        if let n = tekstnumre[t] { return n }
        let n = UInt64(tekstnumre.count + 1)
        tekstnumre[t] = n
        return n
    }
    func noegle(_ tilbud: UUID, _ aar: Int, _ del: UInt64 = 0, _ rest: UInt64 = 0) -> Radnoegle {
        let t: UInt64
        if let f = forrigeTilbudsnummer, f.tilbud == tilbud {
            t = f.nummer
        } else {
            if let n = tilbudsnumre[tilbud] { t = n } else { t = UInt64(tilbudsnumre.count + 1); tilbudsnumre[tilbud] = t }
            forrigeTilbudsnummer = (tilbud, t)
        }
        return Radnoegle(a: t << 32 | UInt64(aar), b: del << 32 | rest)
    }
    /// The next version number after a key's highest, counted in place (one dictionary lookup per row).
    static func naeste(_ hoejeste: inout Int32) -> Int {
        hoejeste += 1
        return Int(hoejeste)
    }

    /// The previous row's tilbud and its number, and (below) its driftsherre and name: files come
    /// sorted by driftsherre and tilbud, so most rows repeat them and skip the hashing.
    private var forrigeTilbudsnummer: (tilbud: UUID, nummer: UInt64)?
    private var forrigeTilbud: (driftsherre: String, navn: String, id: UUID)?
    func nytID() -> UUID { ider.nyt() }
    /// Rows waiting for the bulk insert, per table; written in `raekkefoelge` (parents first).
    private var ventende: [String: Masseindsaettelse] = [:]
    private static let raekkefoelge = [Organisationsmodel.schema, Tilbudsmodel.schema, Takstniveaumodel.schema, Regnskabsmodel.schema,
                                       Belaegningsmodel.schema, Pladsmodel.schema]

    init(_ lager: Lager, bruger: String, region: String?, importID: UUID) async throws {
        forbindelse = lager
        self.bruger = bruger
        self.importID = importID
        importFelt = .kendt(importID)
        for o in try await lager.alleRaekker(try lager.sql.select().columns("id", "navn", "art", "region").from(Organisationsmodel.schema)) {
            organisationer[try o.tekst("navn")] = Driftsherre(id: try o.uuid("id"), art: try o.tekst("art"), region: try o.valgfriTekst("region"))
        }
        regioner = Array(Set(organisationer.values.compactMap(\.region))).sorted()
        standardRegion = region ?? (regioner.count == 1 ? regioner[0] : nil)
        // Three columns as plain rows, not Fluent models: 30.000 tilbud as models held ~100 MB of
        // the import's peak memory at x10 scale.
        for t in try await lager.alleRaekker(try lager.sql.select().columns("id", "driftsherre_id", "navn").from(Tilbudsmodel.schema)) {
            tilbud[try t.uuid("driftsherre_id"), default: [:]][try t.tekst("navn")] = try t.uuid("id")
        }
    }

    func taelRaekke() {
        behandlede += 1
        if iAlt > 0 { fremdrift?(behandlede, iAlt) }
    }

    func log(_ handling: String, _ entitet: String, _ id: UUID?, foer: (any Encodable)? = nil, efter: (any Encodable)?,
             begrundelse: String? = nil) throws {
        haendelser.append(try Lager.haendelse(bruger, handling, entitet, id, foer: foer, efter: efter, begrundelse: begrundelse))
    }

    /// Finds or creates the driftsherre and the tilbud of an imported row; new ones are reported
    /// (and carry the import's id).
    /// A tilbud's id as a column value, its text shared with the previous row's when it is the same tilbud.
    func felt(_ id: UUID) -> Feltvaerdi {
        if let f = forrigeFelt, f.id == id { return f.felt }
        let f = Feltvaerdi.kendt(id)
        forrigeFelt = (id, f)
        return f
    }

    func tilbudID(driftsherre: String, region: String?, tilbud navn: String, maalgruppe: Maalgruppe?, type: Tilbud.Type_?,
                  paragraf: String? = nil, fil: String, raekke: Int, resultat r: inout Importresultat) async throws -> UUID {
        if let f = forrigeTilbud, f.navn == navn, f.driftsherre == driftsherre { return f.id }
        let id = try await slaaTilbudOp(driftsherre: driftsherre, region: region, tilbud: navn, maalgruppe: maalgruppe, type: type,
                                        paragraf: paragraf, fil: fil, raekke: raekke, resultat: &r)
        forrigeTilbud = (driftsherre, navn, id)
        return id
    }

    private func slaaTilbudOp(driftsherre: String, region: String?, tilbud navn: String, maalgruppe: Maalgruppe?, type: Tilbud.Type_?,
                              paragraf: String?, fil: String, raekke: Int, resultat r: inout Importresultat) async throws -> UUID {
        let drift: Driftsherre
        if let o = organisationer[driftsherre] {
            drift = o
        } else {
            let region = region ?? standardRegion
            if region == nil && regioner.count > 1 {
                throw Importfejl(fil: fil, raekke: raekke, kolonne: "region",
                                 besked: "driftsherren '\(driftsherre)' er ny, og databasen har flere regioner (\(regioner.joined(separator: ", "))) — angiv region i filen eller med --region")
            }
            let art: Organisation.Art = driftsherre.lowercased().hasPrefix("region") ? .region : .kommune
            let o = Organisation(navn: driftsherre, art: art, region: region ?? regioner.first)
            let driftID = nytID()
            drift = Driftsherre(id: driftID, art: o.art.rawValue, region: o.region)
            // Queued with the batch like a new tilbud, not written at once: a write here waited for
            // the batch in flight, so a file with a new driftsherre in every batch lost the overlap.
            indsaet(Organisationsmodel.schema, ["id", "import_id", "navn", "art", "kommunenummer", "region", "overordnet_id"],
                    [.id(driftID), importFelt, .tekst(o.navn), .tekst(o.art.rawValue), .valgfri(o.kommunenummer), .valgfri(o.region), .ingen])
            organisationer[driftsherre] = drift
            r.nyeDriftsherrer.append(driftsherre)
        }
        let driftID = drift.id
        if let id = tilbud[driftID]?[navn] { return id }
        let t = Tilbud(navn: navn, driftsherre: driftsherre, paragraf: paragraf, maalgruppe: maalgruppe, type: type ?? .doegn,
                       ejerform: drift.art == Organisation.Art.region.rawValue ? .regional : .kommunal)
        let id = nytID()
        // As `Tilbudsmodel(t, driftsherreID:demo:kilde:)` would save it.
        indsaet(Tilbudsmodel.schema, ["id", "navn", "driftsherre_id", "adresse", "paragraf", "maalgruppe", "type", "ejerform",
                                      "afdelinger", "demo", "kilde", "beliggenhedskommune", "import_id"],
                [.id(id), .tekst(t.navn), .id(driftID), .valgfri(t.adresse), .valgfri(t.paragraf), .valgfri(t.maalgruppe?.rawValue),
                 .tekst(t.type.rawValue), .tekst(t.ejerform.rawValue), .tekst(t.afdelinger.joined(separator: "\n")), .sandhed(false),
                 .tekst("Import \(fil)"), .valgfri(t.beliggenhedskommune), importFelt])
        tilbud[driftID, default: [:]][navn] = id
        r.nyeTilbud.append("\(navn) (\(driftsherre))")
        return id
    }

    /// Queues a new row for its table's bulk insert.
    /// (The column list is built once per table, not per row.)
    func indsaet(_ tabel: String, _ kolonner: @autoclosure () -> [String], _ vaerdier: [Feltvaerdi]) {
        if let m = ventende[tabel] { return m.tilfoej(vaerdier) }
        let m = Masseindsaettelse(tabel, kolonner())
        ventende[tabel] = m
        m.tilfoej(vaerdier)
    }

    /// A row of the tilbud table read back in this import must be written first (its driftsherre before it).
    func skrivTilbud() async throws {
        let db = try await db()
        try await ventende[Organisationsmodel.schema]?.toem(db)
        try await ventende[Tilbudsmodel.schema]?.toem(db)
    }

    /// Writes every queued row (parents first) and audit event: after each batch, so memory holds one batch.
    func skrivAlt() async throws {
        let db = try await db()
        try await udtag().skriv(db)
    }

    /// Every queued row and audit event taken out at once, to be written by `Skrivning.skriv`.
    func udtag() -> Skrivning {
        let s = Skrivning(tabeller: Importkontekst.raekkefoelge.compactMap { ventende[$0]?.udtag() }, haendelser: haendelser)
        haendelser = []
        return s
    }

    /// One batch's rows (parents first) and audit events, written apart from the context that queued them.
    struct Skrivning: Sendable {
        let tabeller: [Masseindsaettelse]
        let haendelser: [Haendelse]

        func forbered(_ db: any Database) {
            for t in tabeller { t.forbered(db) }
        }

        func skriv(_ db: any Database) async throws {
            for t in tabeller { try await t.toem(db) }
            guard !haendelser.isEmpty else { return }
            guard let sql = db as? any SQLDatabase else { throw Lagerfejl.ugyldigDatabase("databasen understøtter ikke SQL") }
            for start in stride(from: 0, to: haendelser.count, by: 1_500) {
                var q = sql.insert(into: Haendelsesmodel.schema)
                    .columns(["id", "tidspunkt", "bruger", "handling", "entitet", "entitet_id", "foer", "efter", "begrundelse"])
                for h in haendelser[start..<min(start + 1_500, haendelser.count)] {
                    q = q.values([SQLBind(UUID()), SQLBind(h.tidspunkt), SQLBind(h.bruger), SQLBind(h.handling), SQLBind(h.entitet),
                                  SQLBind(h.entitetID), SQLBind(h.foer), SQLBind(h.efter), SQLBind(h.begrundelse)])
                }
                try await q.run()
            }
        }
    }

    /// Room for a map with a key per row, once, when the source first knows how many rows to expect
    /// (perf: growing the version map step by step was 4 % of a belægning import at x10 scale, each
    /// step moving every key into a table twice the size).
    func giPlads<V>(_ kort: inout [Radnoegle: V]) {
        if kort.isEmpty, kort.capacity < anslaaetAntal { kort.reserveCapacity(anslaaetAntal) }
    }
    /// The source's expected rows, as it said with the batch being written.
    private var anslaaetAntal = 0

    /// Each batch of a source in three stages at once: the next batches are read and checked (the
    /// file's parsing, on the cores), this batch goes through the row loop, and the previous batches
    /// are written (`Skrivekoe`, at most two queued: the database on its own thread, or PostgreSQL's
    /// server taking the COPY). perf of
    /// a belægning import on SQLite: the writes were two thirds of the wall time and the row loop a
    /// fifth, one after the other. The reading runs two batches ahead, so a slow batch to parse does
    /// not leave the writer waiting. The source is touched by one task at a time (each read waits
    /// for the one before), the connection by one at a time (`lager()`). Once a row has been refused
    /// the rest is only read (to report every problem) and the source throws at its end.
    func hverBatch<K: Raekkekilde>(_ kilde: K, _ skriv: ([K.Raekke]) async throws -> Void) async throws {
        try kilde.spolTilbage()
        var naeste = Task.detached { try await Laesning.laes(kilde, efter: nil) }
        var derefter = Task.detached { [naeste] in try await Laesning.laes(kilde, efter: naeste) }
        do {
            while true {
                let laest = try await naeste.value
                guard let batch = laest.batch else { break }
                anslaaetAntal = laest.anslaaet
                naeste = derefter
                derefter = Task.detached { [naeste] in try await Laesning.laes(kilde, efter: naeste) }
                if laest.fejl { continue }
                try await skriv(batch)
                // The rows made ready for the database here, while the previous batches are still
                // written, and queued behind them: the row loop goes on with the next batch at once.
                let s = udtag()
                let db = forbindelse.db
                s.forbered(db)
                try await skrivninger.koe { try await s.skriv(db) }
                if iAlt == 0 { fremdrift?(laest.forloeb.faerdige, laest.forloeb.iAlt) }
            }
            try await skrivninger.afvent()
        } catch {
            // A refused write: the write and the reading under way end before the transaction is rolled
            // back (the read not yet begun is called off, so nothing touches the source after this).
            try? await skrivninger.afvent()
            derefter.cancel()
            _ = try? await naeste.value
            _ = try? await derefter.value
            throw error
        }
    }
}

/// One batch as a source gave it, with what the source said right after giving it — asked then,
/// because the batches after it are read while this one is used.
private struct Laesning<R: Sendable>: Sendable {
    let batch: [R]?
    let fejl: Bool
    let forloeb: (faerdige: Int, iAlt: Int)
    let anslaaet: Int

    /// Reads the next batch once `forrige` (the read before) is done; none after the end or when called off.
    static func laes<K: Raekkekilde>(_ kilde: K, efter forrige: Task<Laesning<K.Raekke>, any Error>?) async throws -> Laesning<K.Raekke> where K.Raekke == R {
        let slut = if let forrige { try await forrige.value.batch == nil || Task.isCancelled } else { false }
        let batch = slut ? nil : try kilde.naeste()
        return Laesning(batch: batch, fejl: kilde.harFejl, forloeb: kilde.forloeb, anslaaet: kilde.anslaaetAntal)
    }
}

extension Lager {
    /// Runs an import in one transaction: all rows or none. `proeve` rolls back at the end and
    /// returns what would have happened. The import's one audit event (handling "import", its id
    /// on every row it inserted) names the file, its SHA-256 (`sha256`, asked after the rows: a
    /// streamed file's hash is known at its end), the counts and what was new.
    func importer(fil: String, slags: String, proeve: Bool, region: String?, af bruger: String, raekker iAlt: Int = 0,
                  fremdrift: Fremdriftsmelding? = nil, sha256: @escaping @Sendable () -> String? = { nil },
                  _ blok: @escaping @Sendable (Importkontekst, inout Importresultat) async throws -> Void) async throws -> Importresultat {
        let importID = UUID()
        do {
            return try await iTransaktion { tx in
                var r = Importresultat(fil: fil, slags: slags, proevekoersel: proeve)
                let k = try await Importkontekst(Lager(tx), bruger: bruger, region: region, importID: importID)
                k.fremdrift = fremdrift
                k.iAlt = iAlt
                try await blok(k, &r)
                r.sha256 = sha256()
                r.importID = importID
                try k.log("import", slags, importID, efter: [
                    "fil": fil, "sha256": r.sha256 ?? "", "raekker": "\(r.raekker)", "oprettet": "\(r.oprettet)", "aendret": "\(r.aendret)",
                    "nye_driftsherrer": r.nyeDriftsherrer.joined(separator: ", "), "nye_tilbud": r.nyeTilbud.joined(separator: ", "),
                ])
                try await k.skrivAlt()
                if proeve { throw Proevekoersel(resultat: r) }
                return r
            }
        } catch let p as Proevekoersel {
            return p.resultat
        }
    }

    public func regioner() async throws -> [String] {
        Array(Set(try await Organisationsmodel.query(on: db).all().compactMap(\.region))).sorted()
    }

    /// Regnskab rows: one per tilbud-year; an unchanged row is left as it is.
    public func importerRegnskab(_ kilde: some Raekkekilde<Indberetningsformat.Regnskabsraekke>, region: String?,
                                 proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        let fil = kilde.fil
        return try await importer(fil: fil, slags: "regnskab", proeve: proeve, region: region, af: bruger, raekker: kilde.antalKendt,
                                  fremdrift: fremdrift, sha256: { kilde.sha256 }) { k, r in
            try await k.skrivRegnskab(kilde, fil: fil, resultat: &r)
        }
    }

    /// Quarterly belægning: a changed quarter becomes a new version, so earlier reports stay readable.
    public func importerBelaegning(_ kilde: some Raekkekilde<Indberetningsformat.Belaegningsraekke>, region: String?,
                                   proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        let fil = kilde.fil
        return try await importer(fil: fil, slags: "belaegning", proeve: proeve, region: region, af: bruger, raekker: kilde.antalKendt,
                                  fremdrift: fremdrift, sha256: { kilde.sha256 }) { k, r in
            try await k.skrivBelaegning(kilde, fil: fil, resultat: &r)
        }
    }

    public func importerPladser(_ kilde: some Raekkekilde<Indberetningsformat.Pladsraekke>, region: String?,
                                proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        let fil = kilde.fil
        return try await importer(fil: fil, slags: "pladser", proeve: proeve, region: region, af: bruger, raekker: kilde.antalKendt,
                                  fremdrift: fremdrift, sha256: { kilde.sha256 }) { k, r in
            try await k.skrivPladser(kilde, fil: fil, resultat: &r)
        }
    }

    /// Takstniveauer from a CSV in the takstfil template's columns (the "Takster" sheet).
    /// `offentliggjort`: historical takster that were published in the old spreadsheet are
    /// imported as published (audited with the file as reason) instead of as drafts.
    public func importerTakster(_ kilde: some Raekkekilde<Takstfilskabelon.Raekke>, region: String?, offentliggjort: Bool = false,
                                proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        let fil = kilde.fil
        return try await importer(fil: fil, slags: "takster", proeve: proeve, region: region, af: bruger, raekker: kilde.antalKendt,
                                  fremdrift: fremdrift, sha256: { kilde.sha256 }) { k, r in
            try await k.skrivTakster(kilde, fil: fil, status: offentliggjort ? .offentliggjort : .kladde, resultat: &r)
        }
    }

    /// Rows read already (a sheet, a test): the same import as a streamed file.
    public func importerRegnskab(_ raekker: [Indberetningsformat.Regnskabsraekke], fil: String, region: String?,
                                 proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importerRegnskab(Raekkeliste(raekker, fil: fil), region: region, proeve: proeve, af: bruger, fremdrift: fremdrift)
    }

    public func importerBelaegning(_ raekker: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?,
                                   proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importerBelaegning(Raekkeliste(raekker, fil: fil), region: region, proeve: proeve, af: bruger, fremdrift: fremdrift)
    }

    public func importerPladser(_ raekker: [Indberetningsformat.Pladsraekke], fil: String, region: String?,
                                proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importerPladser(Raekkeliste(raekker, fil: fil), region: region, proeve: proeve, af: bruger, fremdrift: fremdrift)
    }

    public func importerTakster(_ raekker: [Takstfilskabelon.Raekke], fil: String, region: String?, offentliggjort: Bool = false,
                                proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importerTakster(Raekkeliste(raekker, fil: fil), region: region, offentliggjort: offentliggjort, proeve: proeve,
                                  af: bruger, fremdrift: fremdrift)
    }

    /// The takstfil workbook: takster, regnskab and belægning in one transaction (all sheets or
    /// nothing). Returns one result per sheet. `sha256`: of the workbook's bytes, for the audit event.
    public func importerTakstfil(takster: [Takstfilskabelon.Raekke], regnskab: [Indberetningsformat.Regnskabsraekke],
                                 belaegning: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?,
                                 offentliggjort: Bool = false, proeve: Bool = false, af bruger: String, sha256: String? = nil,
                                 fremdrift: Fremdriftsmelding? = nil) async throws -> [Importresultat] {
        let samlet = try await importer(fil: fil, slags: "takstfil", proeve: proeve, region: region, af: bruger,
                                        raekker: takster.count + regnskab.count + belaegning.count, fremdrift: fremdrift,
                                        sha256: { sha256 }) { k, r in
            var t = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkTakster)'", slags: "takster", proevekoersel: proeve)
            try await k.skrivTakster(Raekkeliste(takster, fil: t.fil), fil: t.fil, status: offentliggjort ? .offentliggjort : .kladde, resultat: &t)
            var rg = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkRegnskab)'", slags: "regnskab", proevekoersel: proeve)
            try await k.skrivRegnskab(Raekkeliste(regnskab, fil: rg.fil), fil: rg.fil, resultat: &rg)
            var b = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkBelaegning)'", slags: "belaegning", proevekoersel: proeve)
            try await k.skrivBelaegning(Raekkeliste(belaegning, fil: b.fil), fil: b.fil, resultat: &b)
            for del in [t, rg, b] {
                r.raekker += del.raekker; r.oprettet += del.oprettet; r.aendret += del.aendret; r.uaendret += del.uaendret
                r.nyeDriftsherrer += del.nyeDriftsherrer; r.nyeTilbud += del.nyeTilbud
            }
            r.dele = [t, rg, b]
        }
        return samlet.dele.map { var d = $0; d.sha256 = samlet.sha256; d.importID = samlet.importID; return d }
    }

    /// What one import inserted, per table (the rows carrying its `import_id`): "what did this
    /// import create" as one query per table.
    public func importeredeRaekker(importID: UUID) async throws -> [String: Int] {
        var ud: [String: Int] = [:]
        guard let sql = db as? any SQLDatabase else { return ud }
        for tabel in M027_ImportID.tabeller {
            let r = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "antal").from(tabel)
                .where("import_id", .equal, importID).first()
            ud[tabel] = try r?.decode(column: "antal", as: Int.self) ?? 0
        }
        return ud
    }
}

extension Lager {
    /// The event of the import that inserted a takstniveau (nil when it was saved otherwise): the
    /// level's own history no longer has a "created" event per imported row, so its page shows the
    /// import's — file, SHA-256, who and when.
    public func importhaendelse(takstniveau id: UUID) async throws -> Haendelse? {
        guard let importID = try await Takstniveaumodel.find(id, on: db)?.importID else { return nil }
        return try await haendelser(Haendelsesfilter(handling: "import", entitetID: importID.uuidString, graense: 1)).haendelser.first
    }
}

extension Importkontekst {
    /// Existing rows of the years a batch has that were not read yet (`laest` keeps which were):
    /// a streamed file's years are known only as its rows come.
    func eksisterende<M: Model>(_ aar: [Int], _ laest: inout Set<Int>, _ q: (any Database, Set<Int>) -> QueryBuilder<M>) async throws -> [M] {
        let nye = Set(aar).subtracting(laest)
        laest.formUnion(nye)
        return nye.isEmpty ? [] : try await q(try await db(), nye).all()
    }

    /// The same as plain rows of the columns the import compares (oldest version first): a
    /// re-import of a national year held 120.000 Fluent models (~400 MB) for belægning alone.
    func eksisterende(_ aar: [Int], _ laest: inout Set<Int>, _ tabel: String, _ kolonner: [String]) async throws -> [Databaseraekke] {
        let nye = Set(aar).subtracting(laest)
        laest.formUnion(nye)
        guard !nye.isEmpty else { return [] }
        let lager = try await lager()
        return try await lager.alleRaekker(try lager.sql.select().columns(kolonner).from(tabel)
            .where("aar", .in, Array(nye).sorted()).orderBy("version"))
    }

    func skrivRegnskab(_ kilde: some Raekkekilde<Indberetningsformat.Regnskabsraekke>, fil: String, resultat r: inout Importresultat) async throws {
        var seneste: [Radnoegle: Regnskab] = [:]
        var laest: Set<Int> = []
        try await hverBatch(kilde) { raekker in
            for m in try await eksisterende(raekker.map(\.regnskab.aar), &laest, Regnskabsmodel.schema,
                                            ["tilbud_id", "aar", "version"] + Regnskabsmodel.vaerdikolonner) {
                let aar = try m.heltal("aar")
                seneste[noegle(try m.uuid("tilbud_id"), aar)] = Regnskab(
                    aar: aar, omkostninger: try m.tal("omkostninger"), takstindtaegter: try m.valgfritTal("takstindtaegter"),
                    belaegning: try m.tal("belaegning"), overUnderskud: try m.valgfritTal("over_underskud"),
                    tillaegsydelser: try m.valgfritTal("tillaegsydelser"))
            }
            // Amounts as stored (exact decimal text), written over the cores first.
            let vaerdier = Parallelt.map(raekker, fraAntal: 500) { Regnskabsmodel.vaerdier($0.regnskab) }
            for (raekke, v) in zip(raekker, vaerdier) {
                r.raekker += 1
                taelRaekke()
                let id = try await tilbudID(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                            maalgruppe: raekke.maalgruppe, type: raekke.type, fil: fil, raekke: raekke.raekke, resultat: &r)
                if let eksisterende = seneste[noegle(id, raekke.regnskab.aar)] {
                    if eksisterende == raekke.regnskab { r.uaendret += 1; continue }
                    do {
                        try await lager().gemRegnskab(tilbudID: id, raekke.regnskab, status: .indsendt, af: bruger, begrundelse: "Import \(fil)")
                    } catch let f as Lagerfejl {
                        throw Importfejl(fil: fil, raekke: raekke.raekke, besked: f.description)
                    }
                    r.aendret += 1
                    continue
                }
                indsaet(Regnskabsmodel.schema, ["id", "tilbud_id", "aar", "version", "status", "revision", "import_id"] + Regnskabsmodel.vaerdikolonner,
                        [.id(nytID()), felt(id), .heltal(raekke.regnskab.aar), .heltal(1), .tekst(Status.indsendt.rawValue), .heltal(1), importFelt]
                            + (try v.get()))
                r.oprettet += 1
            }
        }
    }

    func skrivBelaegning(_ kilde: some Raekkekilde<Indberetningsformat.Belaegningsraekke>, fil: String, resultat r: inout Importresultat) async throws {
        var seneste: [Radnoegle: (Int, Belaegning)] = [:]
        var hoejesteVersion: [Radnoegle: Int32] = [:]
        var laest: Set<Int> = []
        try await hverBatch(kilde) { raekker in
            giPlads(&hoejesteVersion)
            for m in try await eksisterende(raekker.map(\.belaegning.aar), &laest, Belaegningsmodel.schema,
                                            ["tilbud_id", "aar", "kvartal", "version", "normering", "forbrug", "art"]) {
                let tilbud = try m.uuid("tilbud_id"), version = try m.heltal("version")
                // As `Belaegningsmodel.domaene` reads the row.
                let b = Belaegning(aar: try m.heltal("aar"), kvartal: try m.heltal("kvartal"), normering: try m.valgfritTal("normering"),
                                   forbrug: try m.valgfritTal("forbrug"), art: Belaegningsart(rawValue: try m.tekst("art")) ?? .doegn)
                let kvartal = noegle(tilbud, b.aar, UInt64(b.kvartal))
                hoejesteVersion[kvartal] = max(hoejesteVersion[kvartal] ?? 0, Int32(version))
                let n = noegle(tilbud, b.aar, UInt64(b.kvartal), nummer(b.art.rawValue))
                if let nu = seneste[n], nu.0 > version { continue }
                seneste[n] = (version, b)
            }
            let tal = Parallelt.map(raekker, fraAntal: 500) { r in
                (Feltvaerdi.valgfri(r.belaegning.normering.map(Decimaltekst.tekst)), Feltvaerdi.valgfri(r.belaegning.forbrug.map(Decimaltekst.tekst)))
            }
            for (raekke, t) in zip(raekker, tal) {
                r.raekker += 1
                taelRaekke()
                let b = raekke.belaegning
                let id = try await tilbudID(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                            maalgruppe: raekke.maalgruppe, type: nil, fil: fil, raekke: raekke.raekke, resultat: &r)
                let kvartal = noegle(id, b.aar, UInt64(b.kvartal))
                // (Into an empty year nothing is looked up: the key's art is hashed only when there is something to find.)
                let foer = seneste.isEmpty ? nil : seneste[noegle(id, b.aar, UInt64(b.kvartal), nummer(b.art.rawValue))]?.1
                if foer == b { r.uaendret += 1; continue }
                // Quarterly figures are corrected as new versions, so earlier reports stay readable.
                let version = Importkontekst.naeste(&hoejesteVersion[kvartal, default: 0])
                let nyID = nytID()
                indsaet(Belaegningsmodel.schema, ["id", "tilbud_id", "aar", "kvartal", "version", "normering", "forbrug", "art", "import_id"],
                        [.id(nyID), felt(id), .heltal(b.aar), .heltal(b.kvartal), .heltal(version), try t.get().0, try t.get().1,
                         .tekst(b.art.rawValue), importFelt])
                if let foer {
                    try log("ret", "belaegning", nyID, foer: foer, efter: b, begrundelse: "Import \(fil)")
                    r.aendret += 1
                } else {
                    r.oprettet += 1
                }
            }
        }
    }

    func skrivPladser(_ kilde: some Raekkekilde<Indberetningsformat.Pladsraekke>, fil: String, resultat r: inout Importresultat) async throws {
        var seneste: [Radnoegle: (pladser: String, version: Int)] = [:]
        var laest: Set<Int> = []
        try await hverBatch(kilde) { raekker in
            for m in try await eksisterende(raekker.map(\.aar), &laest, Pladsmodel.schema, ["tilbud_id", "aar", "type", "pladser", "version"]) {
                seneste[noegle(try m.uuid("tilbud_id"), try m.heltal("aar"), nummer(try m.tekst("type")))] = (try m.tekst("pladser"), try m.heltal("version"))
            }
            for raekke in raekker {
                r.raekker += 1
                taelRaekke()
                let id = try await tilbudID(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                            maalgruppe: raekke.maalgruppe, type: raekke.type, paragraf: raekke.paragraf,
                                            fil: fil, raekke: raekke.raekke, resultat: &r)
                try await beskrivTilbud(id, beliggenhedskommune: raekke.beliggenhedskommune, ejerform: raekke.ejerform,
                                        paragraf: raekke.paragraf, fil: fil)
                if let specialer = raekke.specialer {
                    try await saetSpecialer(id, specialer, driftsherre: raekke.driftsherre, fil: fil, raekke: raekke.raekke)
                }
                let foer = seneste.isEmpty ? nil : seneste[noegle(id, raekke.aar, nummer(raekke.type.rawValue))]
                if let foer, Decimal(string: foer.pladser) == raekke.pladser { r.uaendret += 1; continue }
                let nyID = nytID()
                indsaet(Pladsmodel.schema, ["id", "tilbud_id", "aar", "type", "pladser", "version", "import_id"],
                        [.id(nyID), felt(id), .heltal(raekke.aar), .tekst(raekke.type.rawValue), .tekst(Decimaltekst.tekst(raekke.pladser)),
                         .heltal((foer?.version ?? 0) + 1), importFelt])
                if let foer {
                    try log("ret", "pladser", nyID, foer: ["pladser": foer.pladser],
                            efter: ["aar": "\(raekke.aar)", "type": raekke.type.rawValue, "pladser": "\(raekke.pladser)"], begrundelse: "Import \(fil)")
                    r.aendret += 1
                } else {
                    r.oprettet += 1
                }
            }
        }
    }

    /// What a pladser row says about its tilbud (where it lies, ejerform, SEL §§) is saved on the
    /// tilbud when it differs, audited with before and after; an empty column changes nothing.
    func beskrivTilbud(_ id: UUID, beliggenhedskommune: String?, ejerform: Tilbud.Ejerform?, paragraf: String?, fil: String) async throws {
        guard beliggenhedskommune != nil || ejerform != nil || paragraf != nil else { return }
        try await skrivTilbud()
        let db = try await db()
        guard let m = try await Tilbudsmodel.find(id, on: db) else { return }
        let foer: [String: String] = ["beliggenhedskommune": m.beliggenhedskommune ?? "", "ejerform": m.ejerform, "paragraf": m.paragraf ?? ""]
        if let beliggenhedskommune { m.beliggenhedskommune = beliggenhedskommune }
        if let ejerform { m.ejerform = ejerform.rawValue }
        if let paragraf { m.paragraf = paragraf }
        let efter: [String: String] = ["beliggenhedskommune": m.beliggenhedskommune ?? "", "ejerform": m.ejerform, "paragraf": m.paragraf ?? ""]
        guard efter != foer else { return }
        try await m.save(on: db)
        try log("ret", "tilbud", m.id, foer: foer, efter: efter, begrundelse: "Import \(fil)")
    }

    /// A tilbud's målgrupper/specialer from its region's list (DOMAIN.md 6.10); an entry the list
    /// does not have stops the import with file, row and column.
    func saetSpecialer(_ id: UUID, _ raa: String, driftsherre: String, fil: String, raekke: Int) async throws {
        let region = organisationer[driftsherre]?.region ?? standardRegion ?? ""
        if maalgruppelister[region] == nil { maalgruppelister[region] = try await lager().maalgruppeliste(region: region) }
        let koder: [String]
        do { koder = try maalgruppelister[region]!.fortolk(raa) } catch let v as Valideringsfejl {
            throw Importfejl(fil: fil, raekke: raekke, kolonne: "specialer", besked: v.besked)
        }
        try await skrivTilbud()
        let db = try await db()
        guard let m = try await Tilbudsmodel.find(id, on: db) else { return }
        let ny = koder.joined(separator: ",")
        guard (m.specialer ?? "") != ny else { return }
        let foer = m.specialer ?? ""
        m.specialer = ny.isEmpty ? nil : ny
        try await m.save(on: db)
        try log("ret", "tilbud", m.id, foer: ["specialer": foer], efter: ["specialer": ny], begrundelse: "Import \(fil)")
    }

    /// Takstniveauer: new levels are inserted (drafts, or published for a historical import); a
    /// changed draft is saved with the row's revision (a level changed since the export is a
    /// conflict); a published level is never changed by an import.
    func skrivTakster(_ kilde: some Raekkekilde<Takstfilskabelon.Raekke>, fil: String, status: Status, resultat r: inout Importresultat) async throws {
        // Per level and period the newest version; per level and year the highest version number
        // (versions number the records of a year across its periods).
        var seneste: [Radnoegle: Takstniveaumodel] = [:], hoejesteVersion: [Radnoegle: Int32] = [:]
        var laest: Set<Int> = []
        let begrundelse: String? = status == .offentliggjort ? "Historisk import: \(fil)" : nil
        try await hverBatch(kilde) { raekker in
            giPlads(&hoejesteVersion)
            for m in try await eksisterende(raekker.map(\.niveau.aar), &laest, { db, aar in Takstniveaumodel.query(on: db).filter(\.$aar ~~ aar).sort(\.$version) }) {
                seneste[noegle(m.$tilbud.id, m.aar, nummer(m.navn), nummer(m.gyldigFra ?? ""))] = m
                hoejesteVersion[noegle(m.$tilbud.id, m.aar, nummer(m.navn))] = Int32(m.version)
            }
            // The stored forms of the new rows' basis (JSON) and takst, computed over the cores first.
            let tekster = Parallelt.map(raekker, fraAntal: 500) { r in
                (try Lagerkodning.json(r.niveau.grundlag), try r.niveau.basisYdelse.map(Lagerkodning.json), Decimaltekst.tekst(r.takst))
            }
            for (raekke, tekst) in zip(raekker, tekster) {
                r.raekker += 1
                taelRaekke()
                let id = try await tilbudID(driftsherre: raekke.driftsherre, region: nil, tilbud: raekke.tilbud,
                                            maalgruppe: raekke.maalgruppe, type: raekke.type, paragraf: raekke.paragraf,
                                            fil: fil, raekke: raekke.raekke, resultat: &r)
                if let eksisterende = seneste[noegle(id, raekke.niveau.aar, nummer(raekke.niveau.navn), nummer(raekke.niveau.gyldigFra ?? ""))] {
                    let nu = try eksisterende.domaene
                    if Takstfilskabelon.iSkabelonensForm(nu.grundlag) == raekke.niveau.grundlag && nu.basisYdelse == raekke.niveau.basisYdelse {
                        r.uaendret += 1
                        continue
                    }
                    do {
                        try await lager().gemTakstniveau(tilbudID: id, niveau: raekke.niveau, af: bruger, begrundelse: "Import \(fil)",
                                                       forventetRevision: raekke.revision)
                    } catch let f as Lagerfejl {
                        throw Importfejl(fil: fil, raekke: raekke.raekke, besked: f.description)
                    }
                    r.aendret += 1
                    continue
                }
                var niveau = raekke.niveau
                niveau.status = status
                niveau.version = Importkontekst.naeste(&hoejesteVersion[noegle(id, niveau.aar, nummer(niveau.navn)), default: 0])
                indsaet(Takstniveaumodel.schema,
                        ["id", "tilbud_id", "navn", "aar", "version", "status", "grundlag", "basis_ydelse", "takst", "enhed", "revision",
                         "begrundelse", "gyldig_fra", "kun_nye_fra", "import_id"],
                        [.id(nytID()), felt(id), .tekst(niveau.navn), .heltal(niveau.aar), .heltal(niveau.version), .tekst(status.rawValue),
                         .tekst(try tekst.get().0), .valgfri(try tekst.get().1), .tekst(try tekst.get().2),
                         .tekst(niveau.grundlag.enhed.rawValue), .heltal(1), .valgfri(begrundelse),
                         .valgfri(niveau.gyldigFra), .valgfri(niveau.kunForIndskrevetFra), importFelt])
                r.oprettet += 1
            }
        }
    }
}
