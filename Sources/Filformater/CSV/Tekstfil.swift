import Foundation

/// The character sets an imported text file is read in, named as Danish Excel's "Gem som" names them.
public enum Tegnsaet: String, Sendable, Equatable, CaseIterable {
    /// "CSV UTF-8" (with or without a BOM) and everything Takstfil writes.
    case utf8 = "UTF-8"
    /// "Unicode-tekst": UTF-16 with a BOM, tab-separated.
    case utf16 = "UTF-16 (Unicode-tekst)"
    /// "CSV (semikolonsepareret)", Danish Excel's default CSV.
    case windows1252 = "Windows-1252 (CSV semikolonsepareret)"

    /// For a receipt: "Tegnsæt: Windows-1252 (CSV semikolonsepareret)."
    public var kvittering: String { "Tegnsæt: \(rawValue)." }
}

/// The bytes of a text file as text, refused with a Danish message naming the file when they are
/// not text we can read (one decoding for every importer, the command line's, the web's and the fuzzer's).
///
/// UTF-8 (a BOM is dropped); a UTF-16 BOM means UTF-16 LE or BE; anything else that is not valid
/// UTF-8 is Windows-1252, because that is what Danish Excel's default CSV is — there is no way to
/// tell it from Latin-1 by the bytes, but 1252 is what Excel writes.
public enum Tekstfil {
    public static func laes(_ data: Data, fil: String) throws -> (tekst: String, tegnsaet: Tegnsaet) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes.dropFirst(2), lilleEndian: true, fil: fil), .utf16) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes.dropFirst(2), lilleEndian: false, fil: fil), .utf16) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // A UTF-8 BOM says what the file is; bytes that break it mean a damaged file, not another code page.
            let uden = bytes.dropFirst(3)
            if let s = String(validating: uden, as: UTF8.self) { return (s, .utf8) }
            throw Importfejl(fil: fil, besked: "filen begynder som UTF-8 (med BOM), men byte \(foersteFejlIUTF8(uden) + 1) er ikke gyldig UTF-8 — filen er beskadiget")
        }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, .utf8) }
        return (try windows1252(bytes[...], fil: fil), .windows1252)
    }

    /// The text only, for readers that do not report the character set.
    public static func tekst(_ data: Data, fil: String) throws -> String {
        try laes(data, fil: fil).tekst
    }

    /// The file offset (from 0) of the first byte that breaks UTF-8.
    static func foersteFejlIUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var it = bytes.makeIterator()
        var dekoder = UTF8()
        var position = bytes.startIndex
        while case .scalarValue(let s) = dekoder.decode(&it) { position += UTF8.width(s) }
        return position
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, lilleEndian: Bool, fil: String) throws -> String {
        guard bytes.count % 2 == 0 else {
            throw Importfejl(fil: fil, besked: "filen er UTF-16 (Unicode-tekst), men har et ulige antal byte — den er afkortet eller beskadiget")
        }
        var enheder: [UInt16] = []
        enheder.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            enheder.append(lilleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var ud = String.UnicodeScalarView()
        var it = enheder.makeIterator()
        var dekoder = UTF16()
        var position = 2 // after the BOM, counting bytes from 0
        while true {
            switch dekoder.decode(&it) {
            case .scalarValue(let s):
                ud.append(s)
                position += s.value > 0xFFFF ? 4 : 2
            case .emptyInput:
                return String(ud)
            case .error:
                throw Importfejl(fil: fil, besked: "filen er UTF-16 (Unicode-tekst), men byte \(position + 1) er ikke gyldig UTF-16 — filen er beskadiget")
            }
        }
    }

    /// Windows-1252 by hand (Foundation on Linux has no reliable 1252 decoder): 0x00–0x7F and
    /// 0xA0–0xFF are the same code points as Latin-1, 0x80–0x9F are Microsoft's table. The five
    /// undefined bytes, and control characters no spreadsheet writes, mean the file is something
    /// else (a binary file, another code page), so it is refused rather than read as nonsense.
    static func windows1252(_ bytes: ArraySlice<UInt8>, fil: String) throws -> String {
        var ud = String.UnicodeScalarView()
        for (n, b) in bytes.enumerated() {
            let skalar: Unicode.Scalar?
            switch b {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xFF: skalar = Unicode.Scalar(b)
            case 0x80...0x9F: skalar = cp1252[Int(b - 0x80)]
            default: skalar = nil
            }
            guard let skalar else {
                let hvad = (0x80...0x9F).contains(b) ? "som ikke findes i Windows-1252" : "et styretegn, som ingen tekstfil fra Excel indeholder"
                throw Importfejl(fil: fil, besked: "filen er hverken UTF-8, UTF-16 eller Windows-1252 (Excels 'CSV (semikolonsepareret)'): byte \(bytes.startIndex + n + 1) er \(String(format: "0x%02X", b)), \(hvad) — gem filen i Excel som 'CSV UTF-8 (kommasepareret)'")
            }
            ud.append(skalar)
        }
        return String(ud)
    }

    /// 0x80–0x9F in Windows-1252; nil where the code page defines nothing (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    static let cp1252: [Unicode.Scalar?] = {
        let tabel: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        return tabel.map { $0 == 0 ? nil : Unicode.Scalar($0) }
    }()
}
