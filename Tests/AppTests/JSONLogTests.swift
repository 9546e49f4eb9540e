@testable import Kommandolinje
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import XCTest

/// `TAKSTFIL_LOG_FORMAT=json` (issue "Sikkerhed" 4): every line `serve` logs is one JSON object with
/// time, level, label, message and metadata.
final class JSONLogTests: XCTestCase {
    func testLinjenErJSON() throws {
        let l = JSONLoghandler.linje(tid: Date(timeIntervalSince1970: 0), niveau: .warning, etiket: "takstfil", besked: "Log ind \"spærret\"",
                                     kilde: "Web", metadata: ["request-id": "abc", "antal": .stringConvertible(3)])
        let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])
        XCTAssertEqual(o["tid"] as? String, "1970-01-01T00:00:00Z")
        XCTAssertEqual(o["niveau"] as? String, "warning")
        XCTAssertEqual(o["besked"] as? String, "Log ind \"spærret\"")
        XCTAssertEqual((o["metadata"] as? [String: String])?["antal"], "3")
        XCTAssertFalse(l.contains("\n"))
    }

    func testServeLoggerSomJSON() async throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-log-\(UUID().uuidString).sqlite").path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("takstfil-log-\(UUID().uuidString).txt")
        defer { for s in [db, log.path] { try? FileManager.default.removeItem(atPath: s) } }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let port = 20000 + Int.random(in: 0..<20000)
        let p = Process()
        p.executableURL = Takstfilprogram.program
        p.arguments = ["serve", "--port", "\(port)", "--db", db]
        p.environment = ProcessInfo.processInfo.environment.merging(["TAKSTFIL_LOG_FORMAT": "json"]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: log)
        try p.run()
        var svarede = false
        for _ in 0..<240 where !svarede {
            if let (_, svar) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!),
               (svar as? HTTPURLResponse)?.statusCode == 200 { svarede = true } else { try await Task.sleep(nanoseconds: 250_000_000) }
        }
        p.terminate()
        p.waitUntilExit()
        XCTAssertTrue(svarede)
        let linjer = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThan(linjer.count, 5, "serve skrev ingen loglinjer")
        for l in linjer {
            let o = try? JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any]
            XCTAssertNotNil(o?["niveau"], "ikke en JSON-loglinje: \(l)")
        }
        XCTAssertTrue(linjer.contains { $0.contains("GET /healthz") }, "forespørgslen er ikke logget")
    }
}
