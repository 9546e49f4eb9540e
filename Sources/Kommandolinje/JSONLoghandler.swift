import Foundation
import Logging

/// Log lines as JSON objects on standard error (`TAKSTFIL_LOG_FORMAT=json`): time (ISO 8601, UTC),
/// level, label, message, source and the metadata, so a log collector needs no parsing rules.
struct JSONLoghandler: LogHandler {
    let etiket: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey noegle: String) -> Logger.Metadata.Value? {
        get { metadata[noegle] }
        set { metadata[noegle] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(Data((JSONLoghandler.linje(
            tid: Date(), niveau: event.level, etiket: etiket, besked: "\(event.message)", kilde: event.source,
            metadata: metadata.merging(event.metadata ?? [:]) { $1 }) + "\n").utf8))
    }

    /// One log line (also what the test reads).
    static func linje(tid: Date, niveau: Logger.Level, etiket: String, besked: String, kilde: String, metadata: Logger.Metadata) -> String {
        func tekst(_ v: Logger.Metadata.Value) -> Any {
            switch v {
            case .string(let s): return s
            case .stringConvertible(let s): return s.description
            case .array(let a): return a.map(tekst)
            case .dictionary(let d): return d.mapValues(tekst)
            }
        }
        var o: [String: Any] = ["tid": ISO8601DateFormatter().string(from: tid), "niveau": niveau.rawValue, "etiket": etiket,
                                "besked": besked, "kilde": kilde]
        if !metadata.isEmpty { o["metadata"] = metadata.mapValues(tekst) }
        let data = (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
