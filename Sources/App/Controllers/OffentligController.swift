import Fluent
import Lager
import Plot
import Takstregler
import Vapor

/// The public takstfil (no login): the list of tilbud with takster for a year, and a page per
/// tilbud with the calculation behind each takst.
struct OffentligController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: liste)
        routes.get("tilbud", ":id", use: tilbud)
    }

    func liste(req: Request) async throws -> Response {
        let lager = Lager(req.db)
        let aar = try req.query.get(Int?.self, at: "aar") ?? Aarstal.indevaerende
        let soeg = (try? req.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces) ?? ""
        var raekker = try await lager.offentligTakstliste(aar: aar)
        if !soeg.isEmpty {
            raekker = raekker.filter {
                $0.tilbud.navn.localizedCaseInsensitiveContains(soeg) || $0.tilbud.driftsherre.localizedCaseInsensitiveContains(soeg)
            }
        }
        let aarMedTakster = try await lager.aarMedOffentligeTakster()
        return Side.html(TakstlisteSide(aar: aar, soeg: soeg, raekker: raekker, aarMedTakster: aarMedTakster).html)
    }

    func tilbud(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "Ukendt tilbud") }
        let lager = Lager(req.db)
        guard let model = try await Tilbudsmodel.query(on: req.db).with(\.$driftsherre).filter(\.$id == id).first() else {
            throw Abort(.notFound, reason: "Tilbuddet findes ikke")
        }
        let versioner = try await lager.versioner(tilbudID: id)
            .filter { $0.status == Status.offentliggjort.rawValue }
        let niveauer = try versioner.map { m -> TilbudSide.Niveauvisning in
            let n = try m.domaene
            return TilbudSide.Niveauvisning(niveau: n, resultat: try n.beregn(), begrundelse: m.begrundelse)
        }
        return Side.html(TilbudSide(tilbud: model.domaene(driftsherre: model.driftsherre.navn), demo: model.demo,
                                    kilde: model.kilde, niveauer: niveauer).html)
    }
}

public enum Aarstal {
    /// The year the public list opens on.
    public static var indevaerende: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}
