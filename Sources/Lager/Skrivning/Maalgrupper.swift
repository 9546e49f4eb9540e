import FluentKit
import Foundation
import Takstregler

extension Lager {
    /// A region's målgruppe list in its order (DOMAIN.md 6.10).
    public func maalgruppeliste(region: String) async throws -> Maalgruppeliste {
        let m = try await Maalgruppemodel.query(on: db).filter(\.$region == region).sort(\.$raekkefoelge).all()
        return Maalgruppeliste(region: region, punkter: m.map { .init(kode: $0.kode, tekst: $0.tekst) })
    }

    /// Every region's list.
    public func maalgruppelister() async throws -> [Maalgruppeliste] {
        let alle = try await Maalgruppemodel.query(on: db).sort(\.$region).sort(\.$raekkefoelge).all()
        return Dictionary(grouping: alle, by: \.region).sorted { DanskSortering.foer($0.key, $1.key) }
            .map { Maalgruppeliste(region: $0.key, punkter: $0.value.map { .init(kode: $0.kode, tekst: $0.tekst) }) }
    }

    /// Adds a målgruppe to the end of a region's list.
    public func opretMaalgruppe(region: String, kode raa: String, tekst: String, af bruger: String) async throws {
        let kode = try Maalgruppeliste.kode(raa)
        let tekst = tekst.trimmingCharacters(in: .whitespaces), region = region.trimmingCharacters(in: .whitespaces)
        guard !tekst.isEmpty else { throw Valideringsfejl(felt: "tekst", besked: "målgruppen skal have en tekst") }
        guard try await regioner().contains(region) else {
            throw Valideringsfejl(felt: "region", besked: "ukendt region '\(region)' (kendte: \(try await regioner().joined(separator: ", ")))")
        }
        try await skriv { tx, log in
            let liste = try await Maalgruppemodel.query(on: tx).filter(\.$region == region).all()
            if liste.contains(where: { $0.kode == kode || $0.tekst.lowercased() == tekst.lowercased() }) {
                throw Lagerfejl.findesAllerede("Målgruppen '\(kode)' i \(region)")
            }
            let m = Maalgruppemodel()
            m.region = region
            m.kode = kode
            m.tekst = tekst
            m.raekkefoelge = (liste.map(\.raekkefoelge).max() ?? 0) + 1
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "maalgruppe", m.id, efter: ["region": region, "kode": kode, "tekst": tekst]))
        }
    }
}
