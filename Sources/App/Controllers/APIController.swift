import Fluent
import Lager
import Takstregler
import Vapor

/// `GET /api/v1/tilbud[?aar=Y]`: the published tilbud with their takstniveauer.
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1").get("tilbud", use: tilbud)
    }

    struct TilbudUd: Content {
        struct NiveauUd: Content {
            let navn: String
            let aar: Int
            let version: Int
            let enhed: String
            /// Exact decimal text, so no client rounds money through a float.
            let takst: String
            let pladser: String
            let belaegningsprocent: String
        }
        let id: UUID
        let navn: String
        let driftsherre: String
        let maalgruppe: String?
        let paragraf: String?
        let type: String
        let demo: Bool
        let takstniveauer: [NiveauUd]
    }

    func tilbud(req: Request) async throws -> [TilbudUd] {
        let aar = try req.query.get(Int?.self, at: "aar") ?? Aarstal.indevaerende
        return try await Lager(req.db).offentligTakstliste(aar: aar).map { t in
            TilbudUd(id: t.id, navn: t.tilbud.navn, driftsherre: t.tilbud.driftsherre, maalgruppe: t.tilbud.maalgruppe?.rawValue,
                     paragraf: t.tilbud.paragraf, type: t.tilbud.type.rawValue, demo: t.demo,
                     takstniveauer: t.niveauer.map {
                         .init(navn: $0.niveau.navn, aar: $0.niveau.aar, version: $0.niveau.version,
                               enhed: $0.niveau.grundlag.enhed.rawValue, takst: "\($0.takst)",
                               pladser: "\($0.niveau.grundlag.pladser)",
                               belaegningsprocent: "\($0.niveau.grundlag.belaegningsprocent)")
                     })
        }
    }
}
