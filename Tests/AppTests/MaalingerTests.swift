@testable import Web
import Foundation
import XCTVapor

/// `/metrics` (issue "Sikkerhed" 4): Prometheus' text format with requests and latency per route,
/// the public cache and refusals; only with the configured token, and absent without one.
final class MaalingerTests: XCTestCase {
    func testMaalingerKunMedNoeglen() async throws {
        var ind = Webindstillinger.test
        ind.metricsToken = "hemmelig-maalenoegle"
        let m = try await Webtestmiljoe(indstillinger: ind)
        do {
            _ = try await m.app.sendRequest(.GET, "/?aar=2021")
            _ = try await m.app.sendRequest(.GET, "/?aar=2021")
            _ = try await m.app.sendRequest(.GET, "/api/v1/tilbud?aar=null")
            let uden = try await m.app.sendRequest(.GET, "/metrics")
            XCTAssertEqual(uden.status, .unauthorized)
            var forkert = HTTPHeaders()
            forkert.bearerAuthorization = BearerAuthorization(token: "gaet")
            let gaet = try await m.app.sendRequest(.GET, "/metrics", headers: forkert)
            XCTAssertEqual(gaet.status, .unauthorized)
            var h = HTTPHeaders()
            h.bearerAuthorization = BearerAuthorization(token: "hemmelig-maalenoegle")
            let res = try await m.app.sendRequest(.GET, "/metrics", headers: h)
            XCTAssertEqual(res.status, .ok)
            let t = res.body.string
            XCTAssertTrue(res.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") ?? false)
            for noegle in ["http_requests_total{", "path=\"/\"", "http_request_duration_seconds", "takstfil_cache_opslag_total{udfald=\"fundet\"}",
                           "takstfil_cache_bytes", "takstfil_afvisninger_total{status=\"400\"}", "takstfil_database_sekunder"] {
                XCTAssertTrue(t.contains(noegle), "\(noegle) mangler i:\n\(t.prefix(3000))")
            }
        } catch { try await m.luk(); throw error }
        try await m.luk()
        let uden = try await Webtestmiljoe()
        let svar = try await uden.app.sendRequest(.GET, "/metrics")
        XCTAssertEqual(svar.status, .notFound, "uden nøgle findes /metrics ikke")
        try await uden.luk()
    }
}
