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
    /// Per sheet, for a workbook.
    public var dele: [Importresultat] = []
}

/// Told how many of an import's rows have been handled, of how many (a terminal's progress line).
public typealias Fremdriftsmelding = @Sendable (_ faerdige: Int, _ iAlt: Int) -> Void

/// Thrown at the end of a dry run to roll the transaction back while keeping the report.
struct Proevekoersel: Error { let resultat: Importresultat }

/// One import run inside its transaction. Files carry tens of thousands of rows, so what exists
/// is read once into dictionaries, new rows are inserted in batches, and their audit events are
/// written in batches at the end — the same rows and events as one write at a time, without a
/// query per row (issue "Ydeevne" 3).
final class Importkontekst: @unchecked Sendable {
    let lager: Lager
    let bruger: String
    let standardRegion: String?
    var db: any Database { lager.db }
    private(set) var organisationer: [String: Organisationsmodel] = [:]
    /// Region → målgruppe list, read once per import.
    var maalgruppelister: [String: Maalgruppeliste] = [:]
    private var tilbud: [UUID: [String: UUID]] = [:]
    private var regioner: [String] = []
    var haendelser: [Haendelse] = []
    /// Progress: rows handled of all the import's rows, told per row.
    var fremdrift: Fremdriftsmelding?
    var iAlt = 0
    private var behandlede = 0
    /// Rows waiting for a batch insert, per table.
    private var ventende: [String: (kolonner: [String], raekker: [[any Encodable & Sendable]])] = [:]

    init(_ lager: Lager, bruger: String, region: String?) async throws {
        self.lager = lager
        self.bruger = bruger
        for o in try await Organisationsmodel.query(on: lager.db).all() { organisationer[o.navn] = o }
        regioner = Array(Set(organisationer.values.compactMap(\.region))).sorted()
        standardRegion = region ?? (regioner.count == 1 ? regioner[0] : nil)
        for t in try await Tilbudsmodel.query(on: lager.db).all() { tilbud[t.$driftsherre.id, default: [:]][t.navn] = try t.requireID() }
    }

    func taelRaekke() {
        behandlede += 1
        fremdrift?(behandlede, iAlt)
    }

    func log(_ handling: String, _ entitet: String, _ id: UUID?, foer: (any Encodable)? = nil, efter: (any Encodable)?,
             begrundelse: String? = nil) throws {
        haendelser.append(try Lager.haendelse(bruger, handling, entitet, id, foer: foer, efter: efter, begrundelse: begrundelse))
    }

    /// Finds or creates the driftsherre and the tilbud of an imported row; new ones are reported.
    func tilbudID(driftsherre: String, region: String?, tilbud navn: String, maalgruppe: Maalgruppe?, type: Tilbud.Type_?,
                  paragraf: String? = nil, fil: String, raekke: Int, resultat r: inout Importresultat) async throws -> UUID {
        let drift: Organisationsmodel
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
            drift = Organisationsmodel(o)
            try await drift.create(on: db)
            try log("opret", "organisation", drift.id, efter: o)
            organisationer[driftsherre] = drift
            r.nyeDriftsherrer.append(driftsherre)
        }
        let driftID = try drift.requireID()
        if let id = tilbud[driftID]?[navn] { return id }
        let t = Tilbud(navn: navn, driftsherre: driftsherre, paragraf: paragraf, maalgruppe: maalgruppe, type: type ?? .doegn,
                       ejerform: drift.art == Organisation.Art.region.rawValue ? .regional : .kommunal)
        let m = Tilbudsmodel(t, driftsherreID: driftID, demo: false, kilde: "Import \(fil)")
        try await m.create(on: db)
        try log("opret", "tilbud", m.id, efter: t)
        let id = try m.requireID()
        tilbud[driftID, default: [:]][navn] = id
        r.nyeTilbud.append("\(navn) (\(driftsherre))")
        return id
    }

    /// Queues a new row; rows are inserted in batches of one statement each (within the
    /// databases' parameter limits) with SQLKit, the same encoding Fluent uses for its models —
    /// building a Fluent model per row spent most of an import's time in reflection.
    func indsaet(_ tabel: String, _ kolonner: [String], _ vaerdier: [any Encodable & Sendable]) async throws {
        ventende[tabel, default: (kolonner, [])].raekker.append(vaerdier)
        if ventende[tabel]!.raekker.count * kolonner.count >= 15_000 { try await toem(tabel) }
        // Audit events go out as their rows do, so a large file is never held twice in memory.
        if haendelser.count >= 1_000 && tabel != Haendelsesmodel.schema { try await koeHaendelser() }
    }

    private func koeHaendelser() async throws {
        let nu = haendelser
        haendelser = []
        for h in nu {
            try await indsaet(Haendelsesmodel.schema,
                              ["id", "tidspunkt", "bruger", "handling", "entitet", "entitet_id", "foer", "efter", "begrundelse"],
                              [UUID(), h.tidspunkt, h.bruger, h.handling, h.entitet, h.entitetID, h.foer, h.efter, h.begrundelse])
        }
    }

    private func toem(_ tabel: String) async throws {
        guard let (kolonner, raekker) = ventende[tabel], !raekker.isEmpty else { return }
        ventende[tabel] = (kolonner, [])
        guard let sql = db as? any SQLDatabase else { throw Lagerfejl.ugyldigDatabase("databasen understøtter ikke SQL") }
        var q = sql.insert(into: tabel).columns(kolonner)
        for r in raekker { q = q.values(r.map { SQLBind($0) }) }
        try await q.run()
    }

    /// Writes every queued row and audit event (the events last, after their rows).
    func skrivAlt() async throws {
        try await koeHaendelser()
        for tabel in ventende.keys.sorted() where tabel != Haendelsesmodel.schema { try await toem(tabel) }
        try await toem(Haendelsesmodel.schema)
    }
}

extension Lager {
    /// Runs an import in one transaction: all rows or none. `proeve` rolls back at the end and
    /// returns what would have happened.
    func importer(fil: String, slags: String, proeve: Bool, region: String?, af bruger: String, raekker iAlt: Int = 0,
                  fremdrift: Fremdriftsmelding? = nil,
                  _ blok: @escaping @Sendable (Importkontekst, inout Importresultat) async throws -> Void) async throws -> Importresultat {
        do {
            return try await iTransaktion { tx in
                var r = Importresultat(fil: fil, slags: slags, proevekoersel: proeve)
                let k = try await Importkontekst(Lager(tx), bruger: bruger, region: region)
                k.fremdrift = fremdrift
                k.iAlt = iAlt
                try await blok(k, &r)
                try k.log("import", slags, nil, efter: [
                    "fil": fil, "raekker": "\(r.raekker)", "oprettet": "\(r.oprettet)", "aendret": "\(r.aendret)",
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
    public func importerRegnskab(_ raekker: [Indberetningsformat.Regnskabsraekke], fil: String, region: String?,
                                 proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importer(fil: fil, slags: "regnskab", proeve: proeve, region: region, af: bruger, raekker: raekker.count, fremdrift: fremdrift) { k, r in
            try await k.skrivRegnskab(raekker, fil: fil, resultat: &r)
        }
    }

    /// Quarterly belægning: a changed quarter becomes a new version, so earlier reports stay readable.
    public func importerBelaegning(_ raekker: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?,
                                   proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importer(fil: fil, slags: "belaegning", proeve: proeve, region: region, af: bruger, raekker: raekker.count, fremdrift: fremdrift) { k, r in
            try await k.skrivBelaegning(raekker, fil: fil, resultat: &r)
        }
    }

    public func importerPladser(_ raekker: [Indberetningsformat.Pladsraekke], fil: String, region: String?,
                                proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importer(fil: fil, slags: "pladser", proeve: proeve, region: region, af: bruger, raekker: raekker.count, fremdrift: fremdrift) { k, r in
            try await k.skrivPladser(raekker, fil: fil, resultat: &r)
        }
    }

    /// Takstniveauer from a CSV in the takstfil template's columns (the "Takster" sheet).
    /// `offentliggjort`: historical takster that were published in the old spreadsheet are
    /// imported as published (audited with the file as reason) instead of as drafts.
    public func importerTakster(_ raekker: [Takstfilskabelon.Raekke], fil: String, region: String?, offentliggjort: Bool = false,
                                proeve: Bool = false, af bruger: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Importresultat {
        try await importer(fil: fil, slags: "takster", proeve: proeve, region: region, af: bruger, raekker: raekker.count, fremdrift: fremdrift) { k, r in
            try await k.skrivTakster(raekker, fil: fil, status: offentliggjort ? .offentliggjort : .kladde, resultat: &r)
        }
    }

    /// The takstfil workbook: takster, regnskab and belægning in one transaction (all sheets or
    /// nothing). Returns one result per sheet.
    public func importerTakstfil(takster: [Takstfilskabelon.Raekke], regnskab: [Indberetningsformat.Regnskabsraekke],
                                 belaegning: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?,
                                 offentliggjort: Bool = false, proeve: Bool = false, af bruger: String,
                                 fremdrift: Fremdriftsmelding? = nil) async throws -> [Importresultat] {
        let samlet = try await importer(fil: fil, slags: "takstfil", proeve: proeve, region: region, af: bruger,
                                        raekker: takster.count + regnskab.count + belaegning.count, fremdrift: fremdrift) { k, r in
            var t = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkTakster)'", slags: "takster", proevekoersel: proeve)
            try await k.skrivTakster(takster, fil: t.fil, status: offentliggjort ? .offentliggjort : .kladde, resultat: &t)
            var rg = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkRegnskab)'", slags: "regnskab", proevekoersel: proeve)
            try await k.skrivRegnskab(regnskab, fil: rg.fil, resultat: &rg)
            var b = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkBelaegning)'", slags: "belaegning", proevekoersel: proeve)
            try await k.skrivBelaegning(belaegning, fil: b.fil, resultat: &b)
            for del in [t, rg, b] {
                r.raekker += del.raekker; r.oprettet += del.oprettet; r.aendret += del.aendret; r.uaendret += del.uaendret
                r.nyeDriftsherrer += del.nyeDriftsherrer; r.nyeTilbud += del.nyeTilbud
            }
            r.dele = [t, rg, b]
        }
        return samlet.dele
    }
}

extension Importkontekst {
    func skrivRegnskab(_ raekker: [Indberetningsformat.Regnskabsraekke], fil: String, resultat r: inout Importresultat) async throws {
        let aar = Set(raekker.map(\.regnskab.aar))
        var seneste: [String: Regnskabsmodel] = [:]
        for m in try await Regnskabsmodel.query(on: db).filter(\.$aar ~~ aar).sort(\.$version).all() {
            seneste["\(m.$tilbud.id)|\(m.aar)"] = m
        }
        for raekke in raekker {
            r.raekker += 1
            taelRaekke()
            let id = try await tilbudID(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                        maalgruppe: raekke.maalgruppe, type: raekke.type, fil: fil, raekke: raekke.raekke, resultat: &r)
            if let eksisterende = seneste["\(id)|\(raekke.regnskab.aar)"] {
                if try eksisterende.domaene == raekke.regnskab { r.uaendret += 1; continue }
                do {
                    try await lager.gemRegnskab(tilbudID: id, raekke.regnskab, status: .indsendt, af: bruger, begrundelse: "Import \(fil)")
                } catch let f as Lagerfejl {
                    throw Importfejl(fil: fil, raekke: raekke.raekke, besked: f.description)
                }
                r.aendret += 1
                continue
            }
            let nyID = UUID()
            try await indsaet(Regnskabsmodel.schema, ["id", "tilbud_id", "aar", "version", "status", "revision"] + Regnskabsmodel.vaerdikolonner,
                              [nyID, id, raekke.regnskab.aar, 1, Status.indsendt.rawValue, 1] + Regnskabsmodel.vaerdier(raekke.regnskab))
            try log("opret", "regnskab", nyID, efter: raekke.regnskab, begrundelse: "Import \(fil)")
            r.oprettet += 1
        }
    }

    func skrivBelaegning(_ raekker: [Indberetningsformat.Belaegningsraekke], fil: String, resultat r: inout Importresultat) async throws {
        let aar = Set(raekker.map(\.belaegning.aar))
        var seneste: [String: (Int, Belaegning)] = [:]
        var hoejesteVersion: [String: Int] = [:]
        for m in try await Belaegningsmodel.query(on: db).filter(\.$aar ~~ aar).all() {
            let b = try m.domaene
            let kvartal = "\(m.$tilbud.id)|\(m.aar)|\(m.kvartal)"
            hoejesteVersion[kvartal] = max(hoejesteVersion[kvartal] ?? 0, m.version)
            let noegle = "\(kvartal)|\(b.art.rawValue)"
            if let nu = seneste[noegle], nu.0 > m.version { continue }
            seneste[noegle] = (m.version, b)
        }
        for raekke in raekker {
            r.raekker += 1
            taelRaekke()
            let b = raekke.belaegning
            let id = try await tilbudID(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                        maalgruppe: raekke.maalgruppe, type: nil, fil: fil, raekke: raekke.raekke, resultat: &r)
            let kvartal = "\(id)|\(b.aar)|\(b.kvartal)"
            let foer = seneste["\(kvartal)|\(b.art.rawValue)"]?.1
            if foer == b { r.uaendret += 1; continue }
            // Quarterly figures are corrected as new versions, so earlier reports stay readable.
            let version = (hoejesteVersion[kvartal] ?? 0) + 1
            hoejesteVersion[kvartal] = version
            let nyID = UUID()
            try await indsaet(Belaegningsmodel.schema, ["id", "tilbud_id", "aar", "kvartal", "version", "normering", "forbrug", "art"],
                              [nyID, id, b.aar, b.kvartal, version, b.normering.map { "\($0)" }, b.forbrug.map { "\($0)" }, b.art.rawValue])
            try log(foer == nil ? "opret" : "ret", "belaegning", nyID, foer: foer, efter: b)
            if foer == nil { r.oprettet += 1 } else { r.aendret += 1 }
        }
    }

    func skrivPladser(_ raekker: [Indberetningsformat.Pladsraekke], fil: String, resultat r: inout Importresultat) async throws {
        let aar = Set(raekker.map(\.aar))
        var seneste: [String: Pladsmodel] = [:]
        for m in try await Pladsmodel.query(on: db).filter(\.$aar ~~ aar).sort(\.$version).all() {
            seneste["\(m.$tilbud.id)|\(m.aar)|\(m.type)"] = m
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
            let foer = seneste["\(id)|\(raekke.aar)|\(raekke.type.rawValue)"]
            if let foer, Decimal(string: foer.pladser) == raekke.pladser { r.uaendret += 1; continue }
            let nyID = UUID()
            try await indsaet(Pladsmodel.schema, ["id", "tilbud_id", "aar", "type", "pladser", "version"],
                              [nyID, id, raekke.aar, raekke.type.rawValue, "\(raekke.pladser)", (foer?.version ?? 0) + 1])
            try log(foer == nil ? "opret" : "ret", "pladser", nyID, foer: foer.map { ["pladser": $0.pladser] },
                    efter: ["aar": "\(raekke.aar)", "type": raekke.type.rawValue, "pladser": "\(raekke.pladser)"])
            if foer == nil { r.oprettet += 1 } else { r.aendret += 1 }
        }
    }

    /// What a pladser row says about its tilbud (where it lies, ejerform, SEL §§) is saved on the
    /// tilbud when it differs, audited with before and after; an empty column changes nothing.
    func beskrivTilbud(_ id: UUID, beliggenhedskommune: String?, ejerform: Tilbud.Ejerform?, paragraf: String?, fil: String) async throws {
        guard beliggenhedskommune != nil || ejerform != nil || paragraf != nil,
              let m = try await Tilbudsmodel.find(id, on: db) else { return }
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
        if maalgruppelister[region] == nil { maalgruppelister[region] = try await Lager(db).maalgruppeliste(region: region) }
        let koder: [String]
        do { koder = try maalgruppelister[region]!.fortolk(raa) } catch let v as Valideringsfejl {
            throw Importfejl(fil: fil, raekke: raekke, kolonne: "specialer", besked: v.besked)
        }
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
    func skrivTakster(_ raekker: [Takstfilskabelon.Raekke], fil: String, status: Status, resultat r: inout Importresultat) async throws {
        let aar = Set(raekker.map(\.niveau.aar))
        // Per level and period the newest version; per level and year the highest version number
        // (versions number the records of a year across its periods).
        var seneste: [String: Takstniveaumodel] = [:], hoejesteVersion: [String: Int] = [:]
        for m in try await Takstniveaumodel.query(on: db).filter(\.$aar ~~ aar).sort(\.$version).all() {
            seneste["\(m.$tilbud.id)|\(m.navn)|\(m.aar)|\(m.gyldigFra ?? "")"] = m
            hoejesteVersion["\(m.$tilbud.id)|\(m.navn)|\(m.aar)"] = m.version
        }
        for raekke in raekker {
            r.raekker += 1
            taelRaekke()
            let id = try await tilbudID(driftsherre: raekke.driftsherre, region: nil, tilbud: raekke.tilbud,
                                        maalgruppe: raekke.maalgruppe, type: raekke.type, paragraf: raekke.paragraf,
                                        fil: fil, raekke: raekke.raekke, resultat: &r)
            if let eksisterende = seneste["\(id)|\(raekke.niveau.navn)|\(raekke.niveau.aar)|\(raekke.niveau.gyldigFra ?? "")"] {
                let nu = try eksisterende.domaene
                if Takstfilskabelon.iSkabelonensForm(nu.grundlag) == raekke.niveau.grundlag && nu.basisYdelse == raekke.niveau.basisYdelse {
                    r.uaendret += 1
                    continue
                }
                do {
                    try await lager.gemTakstniveau(tilbudID: id, niveau: raekke.niveau, af: bruger, begrundelse: "Import \(fil)",
                                                   forventetRevision: raekke.revision)
                } catch let f as Lagerfejl {
                    throw Importfejl(fil: fil, raekke: raekke.raekke, besked: f.description)
                }
                r.aendret += 1
                continue
            }
            var niveau = raekke.niveau
            niveau.status = status
            niveau.version = (hoejesteVersion["\(id)|\(niveau.navn)|\(niveau.aar)"] ?? 0) + 1
            hoejesteVersion["\(id)|\(niveau.navn)|\(niveau.aar)"] = niveau.version
            let nyID = UUID()
            let begrundelse: String? = status == .offentliggjort ? "Historisk import: \(fil)" : nil
            let grundlag = try Lagerkodning.json(niveau.grundlag)
            let basisYdelse = try niveau.basisYdelse.map(Lagerkodning.json)
            try await indsaet(Takstniveaumodel.schema,
                              ["id", "tilbud_id", "navn", "aar", "version", "status", "grundlag", "basis_ydelse", "takst", "enhed", "revision", "begrundelse"],
                              [nyID, id, niveau.navn, niveau.aar, niveau.version, status.rawValue, grundlag, basisYdelse,
                               "\(raekke.takst)", niveau.grundlag.enhed.rawValue, 1, begrundelse])
            haendelser.append(Haendelse(bruger: bruger, tidspunkt: Tidspunkt.nu(), handling: "opret", entitet: "takstniveau",
                                        entitetID: nyID.uuidString, foer: nil,
                                        efter: try TakstniveauLog.json(niveau, grundlagJSON: grundlag, basisYdelseJSON: basisYdelse, takst: raekke.takst),
                                        begrundelse: begrundelse ?? "Import \(fil)"))
            r.oprettet += 1
        }
    }
}
