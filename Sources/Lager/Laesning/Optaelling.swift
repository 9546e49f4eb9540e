import FluentKit
import Foundation
import Takstregler

extension Lager {
    /// The generated demo tilbud (the demo loader and its web extras), by name.
    public func demotilbud() async throws -> [TilbudMedEjer] {
        let tilbud = try await Tilbudsmodel.query(on: db).with(\.$driftsherre).filter(\.$demo == true).all()
        var ud: [TilbudMedEjer] = []
        for t in tilbud { ud.append(try await medEjer(t)) }
        return ud.sorted { DanskSortering.foer($0.tilbud.navn, $1.tilbud.navn) }
    }

    public func harDemotilbud() async throws -> Bool {
        try await Tilbudsmodel.query(on: db).filter(\.$demo == true).count() > 0
    }

    public func antalPladsraekker() async throws -> Int { try await Pladsmodel.query(on: db).count() }

    /// Stored takstniveau versions of a year, whatever their status.
    public func antalTakstniveauer(aar: Int) async throws -> Int {
        try await Takstniveaumodel.query(on: db).filter(\.$aar == aar).count()
    }

    /// The health check's question: does the database answer?
    public func svarer() async throws {
        _ = try await Organisationsmodel.query(on: db).count()
    }
}
