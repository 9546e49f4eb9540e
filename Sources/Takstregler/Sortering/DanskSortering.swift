/// Danish alphabetical order: æ, ø, å after z, and "aa" as å (Aarhus after Viborg), as the
/// published tables sort their driftsherrer.
public enum DanskSortering {
    public static func noegle(_ s: String) -> [UInt32] {
        var t = s.lowercased()
        if t.hasPrefix("aa") { t = "å" + t.dropFirst(2) }
        return t.unicodeScalars.map { c in
            switch c {
            case "æ", "ä": return 0x7B
            case "ø", "ö": return 0x7C
            case "å": return 0x7D
            default: return c.value
            }
        }
    }

    public static func foer(_ a: String, _ b: String) -> Bool { noegle(a).lexicographicallyPrecedes(noegle(b)) }

    /// `tekster` in Danish order, each key made once (not once per comparison).
    public static func sorteret(_ tekster: some Sequence<String>) -> [String] {
        tekster.map { (noegle($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }
}
