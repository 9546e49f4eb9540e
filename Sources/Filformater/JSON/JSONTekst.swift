import Foundation

/// The one JSON string writer: quote, backslash and control characters escaped as JSONEncoder
/// does (`\n`, `\b`, `\u001f` …), everything else as it is. `skraastreg` also escapes "/" as
/// JSONEncoder's default does — the stored takst basis must be byte-identical to what
/// JSONEncoder wrote before it; printed JSON leaves "/" alone.
public enum JSONTekst {
    public static func citer(_ t: String, skraastreg: Bool = false, til s: inout String) {
        s += "\""
        // Checked on the contiguous bytes: the generic walk over `utf8` was ~4 % of a takster import's client (perf).
        var kopi = t
        let ren = kopi.withUTF8 { u in
            for b in u where b < 0x20 || b == 0x22 || b == 0x5C || (skraastreg && b == 0x2F) { return false }
            return true
        }
        if ren {
            s += t
        } else {
            // Every character to escape is ASCII, so the text is copied in runs between them
            // (perf: appending scalar by scalar was a twelfth of a takster import, whose bases have "/").
            let u = t.utf8
            var fra = u.startIndex
            var i = fra
            while i != u.endIndex {
                let b = u[i]
                let erstatning: String?
                switch b {
                case 0x22: erstatning = "\\\""
                case 0x5C: erstatning = "\\\\"
                case 0x2F where skraastreg: erstatning = "\\/"
                case 0x0A: erstatning = "\\n"
                case 0x0D: erstatning = "\\r"
                case 0x09: erstatning = "\\t"
                case 0x08: erstatning = "\\b"
                case 0x0C: erstatning = "\\f"
                case ..<0x20:
                    let hex = String(b, radix: 16)
                    erstatning = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: erstatning = nil
                }
                let naeste = u.index(after: i)
                if let erstatning {
                    s += t[fra..<i]
                    s += erstatning
                    fra = naeste
                }
                i = naeste
            }
            s += t[fra..<u.endIndex]
        }
        s += "\""
    }

    public static func citer(_ t: String, skraastreg: Bool = false) -> String {
        var s = ""
        citer(t, skraastreg: skraastreg, til: &s)
        return s
    }
}
