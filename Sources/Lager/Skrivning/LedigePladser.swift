import FluentKit
import Foundation
import Takstregler

extension Lager {
    /// Saves vacancy reports (tilbud → vacant places at `dato`) in one transaction, audited.
    public func indberetLedige(_ ledige: [UUID: Ledighed], dato: String, af bruger: String) async throws {
        let dato = try Datoer.kontroller(dato, felt: "dato")
        try await skriv { tx, log in
            for (id, l) in ledige.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                guard try await Tilbudsmodel.find(id, on: tx) != nil else { throw Lagerfejl.ukendtTilbud(id.uuidString) }
                let m = LedigePladsermodel()
                m.tilbudID = id
                m.dato = dato
                if case .antal(let n) = l { m.antal = n }
                m.bruger = bruger
                m.tidspunkt = Tidspunkt.nu()
                try await m.create(on: tx)
                log.append(try Lager.haendelse(bruger, "opret", "ledige_pladser", m.id,
                                               efter: ["tilbud": id.uuidString, "dato": dato, "ledige": l.tekst]))
            }
        }
    }

    /// Per tilbud the newest report on or before `dato` (with the date it was reported for).
    public func ledigePladser(paa dato: String) async throws -> [UUID: (dato: String, ledighed: Ledighed)] {
        var ud: [UUID: (dato: String, ledighed: Ledighed, tid: Date)] = [:]
        for m in try await LedigePladsermodel.query(on: db).filter(\.$dato <= dato).all() {
            if let f = ud[m.tilbudID], (f.dato, f.tid) >= (m.dato, m.tidspunkt) { continue }
            ud[m.tilbudID] = (m.dato, m.antal.map { .antal($0) } ?? .ukendt, m.tidspunkt)
        }
        return ud.mapValues { ($0.dato, $0.ledighed) }
    }
}
