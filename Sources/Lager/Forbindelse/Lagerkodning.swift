import Foundation

/// JSON for values stored in text columns and audit events: sorted keys, so equal values give
/// equal text (diffs and dumps stay stable); Decimal is written exactly.
enum Lagerkodning {
    static func json<T: Encodable>(_ v: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(v), as: UTF8.self)
    }

    static func fraJSON<T: Decodable>(_ s: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(s.utf8))
    }
}

extension Lagerkodning {
    public static func offentligJSON<T: Encodable>(_ v: T) throws -> String { try json(v) }
}
