import Foundation

/// An id as the text Fluent stores in SQLite, both ways by hand: Foundation's formatting and parsing
/// go through the C library's printf and sscanf, which showed in every import's profile.
extension UUID {
    /// `uuidString` (upper-case hex with dashes), written without the C library's printf, which
    /// Foundation's version calls: three ids a row were ~6 % of an import (perf).
    var tekst: String {
        withUnsafeBytes(of: uuid) { b in
            String(unsafeUninitializedCapacity: 36) { ud in
                var j = 0
                for i in 0..<16 {
                    if i == 4 || i == 6 || i == 8 || i == 10 {
                        ud[j] = UInt8(ascii: "-")
                        j += 1
                    }
                    ud[j] = UUID.hex[Int(b[i] >> 4)]
                    ud[j + 1] = UUID.hex[Int(b[i] & 0x0F)]
                    j += 2
                }
                return j
            }
        }
    }

    /// `UUID(uuidString:)` for the text SQLite holds, without the C library's sscanf that Foundation's
    /// parser calls: reading the tilbud ids at an import's start was 1–2 % of its samples (perf).
    /// Anything but 36 characters of hex with dashes at 8, 13, 18 and 23 is left to Foundation,
    /// so what is refused stays what Foundation refuses.
    init?(tekst: String) {
        var t = tekst
        var u: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let lest = t.withUTF8 { b in
            withUnsafeMutableBytes(of: &u) { ud -> Bool in
                guard b.count == 36 else { return false }
                var i = 0, j = 0
                while i < 36 {
                    if i == 8 || i == 13 || i == 18 || i == 23 {
                        guard b[i] == UInt8(ascii: "-") else { return false }
                        i += 1
                        continue
                    }
                    guard let hoej = UUID.vaerdi(b[i]), let lav = UUID.vaerdi(b[i + 1]) else { return false }
                    ud[j] = hoej << 4 | lav
                    i += 2
                    j += 1
                }
                return true
            }
        }
        if lest { self.init(uuid: u) } else if let u = UUID(uuidString: tekst) { self = u } else { return nil }
    }

    private static func vaerdi(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
}
