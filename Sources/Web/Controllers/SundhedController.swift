import Fluent
import Lager
import Vapor

/// `GET /healthz`: 200 when the database answers, 503 otherwise (for load balancers).
struct SundhedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: sundhed)
    }

    struct Svar: Content {
        let status: String
        let database: String
    }

    func sundhed(req: Request) async throws -> Response {
        do {
            try await Lager(req.db).svarer()
            return try await Svar(status: "ok", database: "svarer").encodeResponse(status: .ok, for: req)
        } catch {
            req.logger.error("healthz: databasen svarer ikke: \(error)")
            return try await Svar(status: "fejl", database: "svarer ikke").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
