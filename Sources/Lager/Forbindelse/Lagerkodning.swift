import Foundation
import Takstregler

/// JSON for values stored in text columns and audit events: sorted keys, so equal values give
/// equal text (diffs and dumps stay stable); Decimal is written exactly.
enum Lagerkodning {
    static func json<T: Encodable>(_ v: T) throws -> String {
        if let g = v as? Takstgrundlag { return Grundlagskoder.json(g) }
        return String(decoding: try koder.encode(v), as: UTF8.self)
    }

    static func fraJSON<T: Decodable>(_ s: String) throws -> T {
        if T.self == Takstgrundlag.self, let g = Grundlagskoder.hurtigt(s) as? T { return g }
        return try dekoder.decode(T.self, from: Data(s.utf8))
    }

    // One encoder and decoder for the process (creating them per value showed in import
    // profiles); both are thread-safe once configured.
    static let koder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    static let dekoder = JSONDecoder()
}
