import Foundation
import Metrics
import Prometheus
import Vapor

/// What operators can see (issue "Sikkerhed" 4): `/metrics` in Prometheus' text format. Vapor
/// counts requests and times them per route (`http_requests_total`, `http_request_duration_seconds`)
/// through swift-metrics; Takstfil adds the public cache (`takstfil_cache_opslag_total`,
/// `takstfil_cache_bytes`), refused requests (`takstfil_afvisninger_total`) and database time of
/// the public list (`takstfil_database_sekunder`). Not public: the route answers only
/// `Authorization: Bearer <TAKSTFIL_METRICS_TOKEN>`, and does not exist without that setting.
enum Maalinger {
    /// One registry per process, made (and swift-metrics bootstrapped to it) on first use.
    static let register: PrometheusCollectorRegistry = {
        let r = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: r))
        return r
    }()

    static func taelAfvisning(status: HTTPResponseStatus) {
        Counter(label: "takstfil_afvisninger_total", dimensions: [("status", "\(status.code)")]).increment()
    }

    static func taelCacheopslag(fundet: Bool) {
        Counter(label: "takstfil_cache_opslag_total", dimensions: [("udfald", fundet ? "fundet" : "bygget")]).increment()
    }

    static func cachestoerrelse(_ bytes: Int) {
        Gauge(label: "takstfil_cache_bytes").record(bytes)
    }

    /// Times `blok` as database work of kind `art`.
    static func databasetid<T>(_ art: String, _ blok: () async throws -> T) async rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            Timer(label: "takstfil_database_sekunder", dimensions: [("art", art)], preferredDisplayUnit: .seconds)
                .recordNanoseconds(DispatchTime.now().uptimeNanoseconds - start)
        }
        return try await blok()
    }

    /// `GET /metrics` when a token is configured.
    static func rute(_ app: Application, token: String?) {
        guard let token, !token.isEmpty else { return }
        _ = register
        app.get("metrics") { req async throws -> Response in
            guard let b = req.headers.bearerAuthorization, Kodeord.sha256(b.token) == Kodeord.sha256(token) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Målinger kræver nøglen i TAKSTFIL_METRICS_TOKEN.")
            }
            var h = HTTPHeaders()
            h.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return Response(status: .ok, headers: h, body: .init(string: register.emitToString()))
        }
    }
}
