import Vapor

/// A path of `/api/v1` that exists, asked with a method it does not have (TRACE, DELETE …), answers
/// 405 with `Allow` instead of 404, as HTTP and the API contract say.
struct MetodeIkkeTilladtMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The inner error middleware has already turned the router's "no route" into a 404 answer.
        let svar: Response
        do { svar = try await next.respond(to: req) } catch let a as any AbortError where a.status == .notFound {
            if let f = ikkeTilladt(req) { throw f }
            throw a
        }
        if svar.status == .notFound, let f = ikkeTilladt(req) { throw f }
        return svar
    }

    private func ikkeTilladt(_ req: Request) -> Abort? {
        guard req.url.path.hasPrefix("/api/") else { return nil }
        let metoder = MetodeIkkeTilladtMiddleware.metoder(for: req.url.path, i: req.application.routes.all)
        guard !metoder.isEmpty, !metoder.contains(req.method.rawValue) else { return nil }
        let tilladte = metoder.sorted().joined(separator: ", ")
        return Abort(.methodNotAllowed, headers: ["Allow": tilladte], reason: "Metoden \(req.method.rawValue) bruges ikke her (brug \(tilladte)).")
    }

    /// The methods of the routes whose path matches `sti` (parameters match any one component).
    static func metoder(for sti: String, i ruter: [Route]) -> Set<String> {
        let dele = sti.split(separator: "/").map(String.init)
        var ud = Set<String>()
        for r in ruter {
            var passer = true, i = 0
            for k in r.path {
                switch k {
                case .catchall: i = dele.count
                case .constant(let c): passer = passer && i < dele.count && dele[i] == c; i += 1
                case .parameter, .anything: passer = passer && i < dele.count; i += 1
                }
            }
            if passer && i == dele.count { ud.insert(r.method.rawValue) }
        }
        return ud
    }
}
