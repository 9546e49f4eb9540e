import Vapor

/// Headers every answer carries: no framing, no sniffing, no referrer leaks, and a content
/// policy that allows nothing but the site itself (the pages use no JavaScript).
struct Sikkerhedsheadere: AsyncMiddleware {
    static func erHTTPS(_ req: Request) -> Bool {
        req.url.scheme == "https" || req.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        res.headers.replaceOrAdd(name: "Content-Security-Policy",
                                 value: "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        let sti = req.url.path  // Vapor parses the address again for each `url.path`.
        if req.bruger != nil || sti.hasPrefix("/indberetning") || sti.hasPrefix("/sekretariat") {
            res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        // Served over https (directly or behind a proxy that says so): the session cookie is
        // Secure even without `--sikre-cookies`.
        let navn = req.application.webindstillinger.cookienavn
        if Sikkerhedsheadere.erHTTPS(req), var c = res.cookies[navn], !c.isSecure {
            c.isSecure = true
            res.cookies[navn] = c
        }
        return res
    }
}
