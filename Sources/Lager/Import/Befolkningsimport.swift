import FluentKit
import Foundation
import Takstregler

extension Lager {
    /// Population rows: a changed count replaces the stored one (index data, not a report); the
    /// import is one transaction with one audit event that says how many rows changed.
    public func importerBefolkning(_ raekker: [Befolkningsraekke], fil: String, proeve: Bool = false,
                                   af bruger: String) async throws -> Importresultat {
        try await importer(fil: fil, slags: "befolkning", proeve: proeve, region: nil, af: bruger) { k, r in
            let l = try await k.lager()
            var eksisterende: [String: Befolkningsmodel] = [:]
            for m in try await Befolkningsmodel.query(on: l.db).filter(\.$kvartal ~~ Set(raekker.map(\.kvartal))).all() {
                eksisterende["\(m.kommune)\u{1}\(m.alder.map(String.init) ?? "-")\u{1}\(m.kvartal)"] = m
            }
            for b in raekker {
                r.raekker += 1
                let noegle = "\(b.kommune)\u{1}\(b.alder.map(String.init) ?? "-")\u{1}\(b.kvartal)"
                if let m = eksisterende[noegle] {
                    if m.domaene == b { r.uaendret += 1; continue }
                    m.antal = "\(b.antal)"
                    try await m.save(on: l.db)
                    r.aendret += 1
                } else {
                    try await Befolkningsmodel(b).create(on: l.db)
                    r.oprettet += 1
                }
            }
        }
    }

    public func befolkning(kvartal: String) async throws -> [Befolkningsraekke] {
        try await Befolkningsmodel.query(on: db).filter(\.$kvartal == kvartal.uppercased()).all().map(\.domaene)
    }

    /// The stored quarter's figures as a key for an age group (`Befolkning.noegle`).
    public func befolkningsnoegle(_ aldersgruppe: Aldersgruppe, kvartal: String, daekningsomraade: [String]? = nil) async throws -> Fordelingsnoegle {
        try Befolkning.noegle(try await befolkning(kvartal: kvartal), aldersgruppe: aldersgruppe, kvartal: kvartal, daekningsomraade: daekningsomraade)
    }
}
