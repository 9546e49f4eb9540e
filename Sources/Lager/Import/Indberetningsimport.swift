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
                         type: Tilbud.Type_?, standardRegion: String?, fil: String, raekke: Int,
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
        let id = try await opretTilbud(Tilbud(navn: tilbud, driftsherre: driftsherre, maalgruppe: maalgruppe, type: type ?? .doegn,
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
    }

    /// Quarterly belægning: a changed quarter becomes a new version, so earlier reports stay readable.
    public func importerBelaegning(_ raekker: [Indberetningsformat.Belaegningsraekke], fil: String, region: String?,
                                   proeve: Bool = false, af bruger: String) async throws -> Importresultat {
        try await importer(fil: fil, slags: "belaegning", proeve: proeve, af: bruger) { l, r in
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
