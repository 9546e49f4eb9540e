import Foundation

/// The one JSON string writer: quote, backslash and control characters escaped as JSONEncoder
/// does (`\n`, `\b`, `\u001f` …), everything else as it is. `skraastreg` also escapes "/" as
/// JSONEncoder's default does — the stored takst basis must be byte-identical to what
/// JSONEncoder wrote before it; printed JSON leaves "/" alone.
public enum JSONTekst {
    public static func citer(_ t: String, skraastreg: Bool = false, til s: inout String) {
        s += "\""
        if t.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && (!skraastreg || $0 != 0x2F) }) {
            s += t
        } else {
            for u in t.unicodeScalars {
                switch u {
                case "\"": s += "\\\""
                case "\\": s += "\\\\"
                case "/" where skraastreg: s += "\\/"
                case "\n": s += "\\n"
                case "\r": s += "\\r"
                case "\t": s += "\\t"
                case "\u{08}": s += "\\b"
                case "\u{0C}": s += "\\f"
                case _ where u.value < 0x20:
                    let hex = String(u.value, radix: 16)
                    s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: s.unicodeScalars.append(u)
                }
            }
        }
        s += "\""
    }

    public static func citer(_ t: String, skraastreg: Bool = false) -> String {
        var s = ""
        citer(t, skraastreg: skraastreg, til: &s)
        return s
    }
}
