import Fluent
import Foundation
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

/// Thrown at the end of a dry run to roll the transaction back while keeping the report.
struct Proevekoersel: Error { let resultat: Importresultat }

extension Lager {
    /// Runs an import in one transaction: all rows or none. `proeve` rolls back at the end and
    /// returns what would have happened.
    func importer(fil: String, slags: String, proeve: Bool, af bruger: String,
                  _ blok: @escaping @Sendable (Lager, inout Importresultat) async throws -> Void) async throws -> Importresultat {
        do {
            return try await db.transaction { tx in
                var r = Importresultat(fil: fil, slags: slags, proevekoersel: proeve)
                let l = Lager(tx)
                try await blok(l, &r)
                try await Haendelsesmodel(try Lager.haendelse(bruger, "import", slags, nil, efter: [
                    "fil": fil, "raekker": "\(r.raekker)", "oprettet": "\(r.oprettet)", "aendret": "\(r.aendret)",
                    "nye_driftsherrer": r.nyeDriftsherrer.joined(separator: ", "), "nye_tilbud": r.nyeTilbud.joined(separator: ", "),
                ])).create(on: tx)
                if proeve { throw Proevekoersel(resultat: r) }
                return r
            }
        } catch let p as Proevekoersel {
            return p.resultat
        }
    }

    /// Finds or creates the driftsherre and the tilbud of an imported row; new ones are reported.
    func tilbudTilImport(driftsherre: String, region: String?, tilbud: String, maalgruppe: Maalgruppe?,
                         type: Tilbud.Type_?, paragraf: String? = nil, standardRegion: String?, fil: String, raekke: Int,
                         af bruger: String, resultat r: inout Importresultat) async throws -> UUID {
        if try await organisation(navn: driftsherre) == nil {
            let region = region ?? standardRegion
            let kendte = try await regioner()
            if region == nil && kendte.count > 1 {
                throw Importfejl(fil: fil, raekke: raekke, kolonne: "region",
                                 besked: "driftsherren '\(driftsherre)' er ny, og databasen har flere regioner (\(kendte.joined(separator: ", "))) — angiv region i filen eller med --region")
            }
            let art: Organisation.Art = driftsherre.lowercased().hasPrefix("region") ? .region : .kommune
            try await opretOrganisation(Organisation(navn: driftsherre, art: art, region: region ?? kendte.first), af: bruger)
            r.nyeDriftsherrer.append(driftsherre)
        }
        let drift = try await organisation(navn: driftsherre)!
        if let t = try await Tilbudsmodel.query(on: db).filter(\.$driftsherre.$id == drift.requireID())
            .filter(\.$navn == tilbud).first() {
            return try t.requireID()
        }
        let id = try await opretTilbud(Tilbud(navn: tilbud, driftsherre: driftsherre, paragraf: paragraf, maalgruppe: maalgruppe, type: type ?? .doegn,
                                              ejerform: drift.art == Organisation.Art.region.rawValue ? .regional : .kommunal),
                                       af: bruger, kilde: "Import \(fil)")
        r.nyeTilbud.append("\(tilbud) (\(driftsherre))")
        return id
    }

    public func regioner() async throws -> [String] {
        Array(Set(try await Organisationsmodel.query(on: db).all().compactMap(\.region))).sorted()
    }

    /// Regnskab rows: one per tilbud-year; an unchanged row is left as it is.
    public func importerRegnskab(_ raekker: [Indberetningsformat.Regnskabsraekke], fil: String, region: String?,
                                 proeve: Bool = false, af bruger: String) async throws -> Importresultat {
        try await importer(fil: fil, slags: "regnskab", proeve: proeve, af: bruger) { l, r in
            try await l.skrivRegnskab(raekker, fil: fil, region: region, af: bruger, resultat: &r)
        }
    }

    func skrivRegnskab(_ raekker: [Indberetningsformat.Regnskabsraekke], fil: String, region: String?, af bruger: String,
                       resultat r: inout Importresultat) async throws {
            let l = self
            let standard = try await l.standardRegion(region)
            for raekke in raekker {
                r.raekker += 1
                let id = try await l.tilbudTilImport(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                                     maalgruppe: raekke.maalgruppe, type: raekke.type, standardRegion: standard,
                                                     fil: fil, raekke: raekke.raekke, af: bruger, resultat: &r)
                let eksisterende = try await Regnskabsmodel.query(on: l.db).filter(\.$tilbud.$id == id)
                    .filter(\.$aar == raekke.regnskab.aar).sort(\.$version, .descending).first()
                if let eksisterende, try eksisterende.domaene == raekke.regnskab { r.uaendret += 1; continue }
                do {
                    try await l.gemRegnskab(tilbudID: id, raekke.regnskab, status: .indsendt, af: bruger, begrundelse: "Import \(fil)")
                } catch let f as Lagerfejl {
                    throw Importfejl(fil: fil, raekke: raekke.raekke, besked: f.description)
                }
                if eksisterende == nil { r.oprettet += 1 } else { r.aendret += 1 }
            }
    }

    /// Quarterly belægning: a changed quarter becomes a new version, so earlier reports stay readable.
    public func importerBelaegning(_ raekker: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?,
                                   proeve: Bool = false, af bruger: String) async throws -> Importresultat {
        try await importer(fil: fil, slags: "belaegning", proeve: proeve, af: bruger) { l, r in
            try await l.skrivBelaegning(raekker, fil: fil, region: region, af: bruger, resultat: &r)
        }
    }

    func skrivBelaegning(_ raekker: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?, af bruger: String,
                         resultat r: inout Importresultat) async throws {
            let l = self
            let standard = try await l.standardRegion(region)
            for raekke in raekker {
                r.raekker += 1
                let id = try await l.tilbudTilImport(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                                     maalgruppe: raekke.maalgruppe, type: nil, standardRegion: standard,
                                                     fil: fil, raekke: raekke.raekke, af: bruger, resultat: &r)
                let seneste = try await l.senesteBelaegning(tilbudID: id, aar: raekke.belaegning.aar,
                                                            kvartal: raekke.belaegning.kvartal, art: raekke.belaegning.art)
                if seneste == raekke.belaegning { r.uaendret += 1; continue }
                try await l.gemBelaegning(tilbudID: id, raekke.belaegning, af: bruger)
                if seneste == nil { r.oprettet += 1 } else { r.aendret += 1 }
            }
    }

    public func importerPladser(_ raekker: [Indberetningsformat.Pladsraekke], fil: String, region: String?,
                                proeve: Bool = false, af bruger: String) async throws -> Importresultat {
        try await importer(fil: fil, slags: "pladser", proeve: proeve, af: bruger) { l, r in
            let standard = try await l.standardRegion(region)
            for raekke in raekker {
                r.raekker += 1
                let id = try await l.tilbudTilImport(driftsherre: raekke.driftsherre, region: raekke.region, tilbud: raekke.tilbud,
                                                     maalgruppe: raekke.maalgruppe, type: raekke.type, standardRegion: standard,
                                                     fil: fil, raekke: raekke.raekke, af: bruger, resultat: &r)
                switch try await l.gemPladser(tilbudID: id, aar: raekke.aar, type: raekke.type, pladser: raekke.pladser, af: bruger) {
                case .oprettet: r.oprettet += 1
                case .aendret: r.aendret += 1
                case .uaendret: r.uaendret += 1
                }
            }
        }
    }

    /// `--region` for the whole file; with exactly one region in the database, that one.
    func standardRegion(_ angivet: String?) async throws -> String? {
        if let angivet { return angivet }
        let kendte = try await regioner()
        return kendte.count == 1 ? kendte[0] : nil
    }
}

extension Lager {
    /// The takstfil workbook: takster, regnskab and belægning in one transaction (all sheets or
    /// nothing). Returns one result per sheet.
    public func importerTakstfil(takster: [Takstfilskabelon.Raekke], regnskab: [Indberetningsformat.Regnskabsraekke],
                                 belaegning: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?,
                                 proeve: Bool = false, af bruger: String) async throws -> [Importresultat] {
        let samlet = try await importer(fil: fil, slags: "takstfil", proeve: proeve, af: bruger) { l, r in
            var t = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkTakster)'", slags: "takster", proevekoersel: proeve)
            try await l.skrivTakster(takster, fil: t.fil, region: region, af: bruger, resultat: &t)
            var rg = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkRegnskab)'", slags: "regnskab", proevekoersel: proeve)
            try await l.skrivRegnskab(regnskab, fil: rg.fil, region: region, af: bruger, resultat: &rg)
            var b = Importresultat(fil: "\(fil), ark '\(Takstfilskabelon.arkBelaegning)'", slags: "belaegning", proevekoersel: proeve)
            try await l.skrivBelaegning(belaegning, fil: b.fil, region: region, af: bruger, resultat: &b)
            r.raekker = t.raekker + rg.raekker + b.raekker
            r.oprettet = t.oprettet + rg.oprettet + b.oprettet
            r.aendret = t.aendret + rg.aendret + b.aendret
            r.uaendret = t.uaendret + rg.uaendret + b.uaendret
            r.nyeDriftsherrer = t.nyeDriftsherrer + rg.nyeDriftsherrer + b.nyeDriftsherrer
            r.nyeTilbud = t.nyeTilbud + rg.nyeTilbud + b.nyeTilbud
            r.dele = [t, rg, b]
        }
        return samlet.dele
    }

    /// Takstniveauer from the workbook: new levels are drafts; a changed draft is saved with the
    /// row's revision (a level changed since the export is a conflict); a published level is
    /// never changed by an import.
    func skrivTakster(_ raekker: [Takstfilskabelon.Raekke], fil: String, region: String?, af bruger: String,
                      resultat r: inout Importresultat) async throws {
        let standard = try await standardRegion(region)
        for raekke in raekker {
            r.raekker += 1
            let id = try await tilbudTilImport(driftsherre: raekke.driftsherre, region: nil, tilbud: raekke.tilbud,
                                               maalgruppe: raekke.maalgruppe, type: raekke.type, paragraf: raekke.paragraf,
                                               standardRegion: standard, fil: fil, raekke: raekke.raekke, af: bruger, resultat: &r)
            let seneste = try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == id).filter(\.$navn == raekke.niveau.navn)
                .filter(\.$aar == raekke.niveau.aar).sort(\.$version, .descending).first()
            if let seneste {
                let nu = try seneste.domaene
                if Takstfilskabelon.iSkabelonensForm(nu.grundlag) == raekke.niveau.grundlag && nu.basisYdelse == raekke.niveau.basisYdelse {
                    r.uaendret += 1
                    continue
                }
            }
            do {
                try await gemTakstniveau(tilbudID: id, niveau: raekke.niveau, af: bruger, begrundelse: "Import \(fil)",
                                         forventetRevision: seneste == nil ? nil : raekke.revision)
            } catch let f as Lagerfejl {
                throw Importfejl(fil: fil, raekke: raekke.raekke, besked: f.description)
            }
            if seneste == nil { r.oprettet += 1 } else { r.aendret += 1 }
        }
    }
}
