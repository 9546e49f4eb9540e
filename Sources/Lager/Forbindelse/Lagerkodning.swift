import Foundation
import Takstregler

/// JSON for values stored in text columns and audit events: sorted keys, so equal values give
/// equal text (diffs and dumps stay stable); Decimal is written exactly.
enum Lagerkodning {
    // One encoder and decoder per thread: creating them per value showed in import profiles.
    static func json<T: Encodable>(_ v: T) throws -> String {
        if let g = v as? Takstgrundlag { return Grundlagskoder.json(g) }
        return String(decoding: try koder.encode(v), as: UTF8.self)
    }

    static func fraJSON<T: Decodable>(_ s: String) throws -> T {
        if T.self == Takstgrundlag.self, let g = Grundlagskoder.hurtigt(s) as? T { return g }
        return try dekoder.decode(T.self, from: Data(s.utf8))
    }

    static var koder: JSONEncoder {
        if let e = Thread.current.threadDictionary["takstfil.koder"] as? JSONEncoder { return e }
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        Thread.current.threadDictionary["takstfil.koder"] = e
        return e
    }

    static var dekoder: JSONDecoder {
        if let d = Thread.current.threadDictionary["takstfil.dekoder"] as? JSONDecoder { return d }
        let d = JSONDecoder()
        Thread.current.threadDictionary["takstfil.dekoder"] = d
        return d
    }
}
