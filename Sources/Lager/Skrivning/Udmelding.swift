import FluentKit
import Foundation
import Takstregler

extension Lager {
    /// Saves an analysis' figures (one transaction): each tilbud and target group gets a new
    /// version, so an earlier import is never overwritten. The tilbud are named as the analysis
    /// names them: it covers tilbud outside the rammeaftale too (private, other regions).
    @discardableResult
    public func importerUdmelding(analyse: String, _ data: [Udmeldingsdata], fil: String, af bruger: String) async throws -> Int {
        let analyse = analyse.trimmingCharacters(in: .whitespaces)
        guard !analyse.isEmpty else { throw Valideringsfejl(felt: "analyse", besked: "giv analysen et navn, fx 'Central udmelding domstype 2'") }
        return try await skriv { tx, log in
            for d in data {
                let forrige = try await Udmeldingsmodel.query(on: tx).filter(\.$analyse == analyse).filter(\.$tilbud == d.tilbud)
                    .filter(\.$maalgruppe == d.maalgruppe).sort(\.$version, .descending).first()
                let m = Udmeldingsmodel()
                m.analyse = analyse
                m.tilbud = d.tilbud
                m.maalgruppe = d.maalgruppe
                m.version = (forrige?.version ?? 0) + 1
                m.data = try Lagerkodning.json(d)
                m.kilde = fil
                m.bruger = bruger
                m.tidspunkt = Tidspunkt.nu()
                try await m.create(on: tx)
                log.append(try Lager.haendelse(bruger, forrige == nil ? "opret" : "ret", "udmelding", m.id,
                                               foer: forrige.map { $0.data }, efter: m.data, begrundelse: "import: \(fil), analyse: \(analyse)"))
            }
            return data.count
        }
    }

    /// The newest figures of each tilbud and target group of an analysis, in Danish order.
    public func udmelding(analyse: String) async throws -> [Udmeldingsdata] {
        var nyeste: [String: Udmeldingsmodel] = [:]
        for m in try await Udmeldingsmodel.query(on: db).filter(\.$analyse == analyse).all() {
            let k = "\(m.tilbud)|\(m.maalgruppe)"
            if (nyeste[k]?.version ?? 0) < m.version { nyeste[k] = m }
        }
        return try nyeste.values.map { try Lagerkodning.fraJSON($0.data) as Udmeldingsdata }
            .sorted { DanskSortering.foer($0.driftsherre + "|" + $0.tilbud, $1.driftsherre + "|" + $1.tilbud) }
    }

    public func udmeldingsanalyser() async throws -> [String] {
        Array(Set(try await Udmeldingsmodel.query(on: db).all().map(\.analyse))).sorted(by: DanskSortering.foer)
    }
}
