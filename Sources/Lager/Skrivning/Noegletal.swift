import Filformater
import FluentKit
import Foundation
import Takstregler

extension Lager {
    static func indikator(_ m: Indikatormodel) throws -> Indikator {
        let v: [String: String] = try Lagerkodning.fraJSON(m.vaerdier)
        return Indikator(gruppe: m.gruppe, navn: m.navn, enhed: m.enhed, aar: m.aar, retning: Indikator.Retning(rawValue: m.retning) ?? .hoej,
                         kilde: m.kilde, prisbasis: m.prisbasis, funktioner: m.funktioner.split(separator: ",").map(String.init),
                         vaerdier: v.compactMapValues { Decimal(string: $0) })
    }

    static func saet(_ m: Indikatormodel, _ i: Indikator) throws {
        m.gruppe = i.gruppe
        m.navn = i.navn
        m.aar = i.aar
        m.enhed = i.enhed
        m.retning = i.retning.rawValue
        m.kilde = i.kilde
        m.prisbasis = i.prisbasis
        m.funktioner = i.funktioner.joined(separator: ",")
        m.vaerdier = try Lagerkodning.json(i.vaerdier.mapValues { "\($0)" })
    }

    /// The catalogue in its order (optionally one year or group).
    public func indikatorer(aar: String? = nil, gruppe: String? = nil) async throws -> [Indikator] {
        var q = Indikatormodel.query(on: db)
        if let aar { q = q.filter(\.$aar == aar) }
        if let gruppe { q = q.filter(\.$gruppe == gruppe) }
        return try await q.sort(\.$raekkefoelge).all().map(Lager.indikator)
    }

    /// Imports a catalogue (new indicators added, changed ones updated with before and after in
    /// the audit log) or long-shape values of indicators already in the catalogue. One transaction:
    /// an unknown indicator stops it with file, row and column. Returns (new, changed, unchanged).
    @discardableResult
    public func importerNoegletal(_ indhold: Noegletalsfil.Indhold, fil: String, af bruger: String) async throws -> (nye: Int, aendrede: Int, uaendrede: Int) {
        try await skriv { tx, log in
            var alle = try await Indikatormodel.query(on: tx).all()
            var naeste = (alle.map(\.raekkefoelge).max() ?? 0) + 1
            var t = (nye: 0, aendrede: 0, uaendrede: 0)
            func gem(_ i: Indikator) async throws {
                if let m = alle.first(where: { $0.navn == i.navn && $0.aar == i.aar }) {
                    let foer = try Lager.indikator(m)
                    guard foer != i else { t.uaendrede += 1; return }
                    try Lager.saet(m, i)
                    try await m.update(on: tx)
                    log.append(try Lager.haendelse(bruger, "ret", "indikator", m.id, foer: foer, efter: i, begrundelse: "Import \(fil)"))
                    t.aendrede += 1
                } else {
                    let m = Indikatormodel()
                    try Lager.saet(m, i)
                    m.raekkefoelge = naeste
                    naeste += 1
                    try await m.create(on: tx)
                    alle.append(m)
                    log.append(try Lager.haendelse(bruger, "opret", "indikator", m.id, efter: i, begrundelse: "Import \(fil)"))
                    t.nye += 1
                }
            }
            switch indhold {
            case .katalog(let liste):
                for i in liste { try await gem(i) }
            case .vaerdier(let vaerdier):
                var fejl: [Importfejl] = []
                var nye: [String: Indikator] = [:]
                for v in vaerdier {
                    let k = "\(v.indikator)|\(v.aar)"
                    guard var i = try nye[k] ?? alle.first(where: { $0.navn == v.indikator && $0.aar == v.aar }).map(Lager.indikator) else {
                        fejl.append(Importfejl(fil: fil, raekke: v.raekke, kolonne: "indikator",
                                               besked: "ukendt indikator '\(v.indikator)' \(v.aar); importér kataloget (bred form) først"))
                        continue
                    }
                    i.vaerdier[v.region] = v.vaerdi
                    nye[k] = i
                }
                if !fejl.isEmpty { throw Importfejlliste(fejl) }
                for i in nye.values.sorted(by: { $0.navn < $1.navn }) { try await gem(i) }
            }
            return t
        }
    }

    /// One value edited on the web (secretariat), audited.
    public func retIndikatorvaerdi(navn: String, aar: String, region: String, vaerdi: Decimal?, af bruger: String) async throws {
        try await skriv { tx, log in
            guard let m = try await Indikatormodel.query(on: tx).filter(\.$navn == navn).filter(\.$aar == aar).first() else {
                throw Lagerfejl.ikkeFundet("Indikatoren '\(navn)' \(aar)")
            }
            let foer = try Lager.indikator(m)
            var i = foer
            i.vaerdier[region] = vaerdi
            guard i != foer else { return }
            try Lager.saet(m, i)
            try await m.update(on: tx)
            log.append(try Lager.haendelse(bruger, "ret", "indikator", m.id, foer: foer.vaerdier.mapValues { "\($0)" },
                                           efter: i.vaerdier.mapValues { "\($0)" }, begrundelse: "\(region): \(vaerdi.map { "\($0)" } ?? "slettet")"))
        }
    }
}
