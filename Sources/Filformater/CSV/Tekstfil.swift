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
///
/// The same pieces read a whole file in memory (`laes`) and a file streamed in pieces
/// (`Tekststroem`): `Kodning.bestem` decides the character set, `Tekstafkoder` turns each piece
/// into UTF-8 bytes.
public enum Tekstfil {
    public static func laes(_ data: Data, fil: String) throws -> (tekst: String, tegnsaet: Tegnsaet) {
        let bytes = [UInt8](data)
        var foerste = true
        let kodning = try Kodning.bestem(fil: fil) {
            defer { foerste = false }
            return foerste ? bytes[...] : nil
        }
        var afkoder = Tekstafkoder(kodning, fil: fil, laengde: bytes.count)
        var ud = try afkoder.afkod(bytes[...])
        try afkoder.slut(&ud)
        return (String(decoding: ud, as: UTF8.self), kodning.tegnsaet)
    }

    /// The text only, for readers that do not report the character set.
    public static func tekst(_ data: Data, fil: String) throws -> String {
        try laes(data, fil: fil).tekst
    }

    static func utf16Fejl(_ fil: String, _ position: Int) -> Importfejl {
        Importfejl(fil: fil, besked: "filen er UTF-16 (Unicode-tekst), men byte \(position + 1) er ikke gyldig UTF-16 — filen er beskadiget")
    }

    static func windows1252Fejl(_ fil: String, _ position: Int, _ b: UInt8) -> Importfejl {
        let hvad = (0x80...0x9F).contains(b) ? "som ikke findes i Windows-1252" : "et styretegn, som ingen tekstfil fra Excel indeholder"
        return Importfejl(fil: fil, besked: "filen er hverken UTF-8, UTF-16 eller Windows-1252 (Excels 'CSV (semikolonsepareret)'): byte \(position + 1) er \(String(format: "0x%02X", b)), \(hvad) — gem filen i Excel som 'CSV UTF-8 (kommasepareret)'")
    }

    /// Windows-1252 by hand (Foundation on Linux has no reliable 1252 decoder): 0x00–0x7F and
    /// 0xA0–0xFF are the same code points as Latin-1, 0x80–0x9F are Microsoft's table. The five
    /// undefined bytes, and control characters no spreadsheet writes, mean the file is something
    /// else (a binary file, another code page), so it is refused rather than read as nonsense.
    static func windows1252(_ b: UInt8) -> Unicode.Scalar? {
        switch b {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xFF: return Unicode.Scalar(b)
        case 0x80...0x9F: return cp1252[Int(b - 0x80)]
        default: return nil
        }
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

/// How a file's bytes are text: decided once from its start (a BOM) and, without one, from
/// whether every byte is valid UTF-8 (read piece by piece, so a file of any size is checked in
/// constant memory).
public enum Kodning: Sendable, Equatable {
    case utf8(bom: Bool)
    case utf16(lilleEndian: Bool)
    case windows1252

    public var tegnsaet: Tegnsaet {
        switch self {
        case .utf8: return .utf8
        case .utf16: return .utf16
        case .windows1252: return .windows1252
        }
    }

    /// `naeste` gives the file's bytes piece by piece from the start (nil at the end).
    public static func bestem(fil: String, _ naeste: () throws -> ArraySlice<UInt8>?) throws -> Kodning {
        var bestemmer = Bestemmer(fil: fil)
        while let stykke = try naeste() {
            if let kodning = try stykke.withUnsafeBufferPointer({ try bestemmer.tilfoej($0) }) { return kodning }
        }
        return try bestemmer.slut()
    }

    /// The same decision fed piece by piece from a buffer the caller reuses (a streamed file: no copy,
    /// no allocation per piece). `tilfoej` answers as soon as the answer is known (a UTF-16 BOM, a
    /// byte that is not UTF-8), `slut` at the end.
    public struct Bestemmer {
        let fil: String
        private var start: [UInt8] = []      // the first bytes, until the BOM question is settled
        private var bom: Bool?
        private var kontrol = UTF8Kontrol()

        public init(fil: String) { self.fil = fil }

        public mutating func tilfoej(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Kodning? {
            guard let bom else { return try begynd(bytes) }
            guard let fejl = kontrol.kontroller(bytes) else { return nil }
            guard bom else { return .windows1252 }
            // A UTF-8 BOM says what the file is; bytes that break it mean a damaged file, not another code page.
            throw Kodning.brudtUTF8(fil, fejl)
        }

        /// A BOM needs the file's first three bytes; pieces are normally far larger, tests' may be one byte.
        private mutating func begynd(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Kodning? {
            guard start.count + bytes.count >= 3 else { start.append(contentsOf: bytes); return nil }
            var foerste = start
            foerste.append(contentsOf: bytes.prefix(3))
            if foerste.starts(with: [0xFF, 0xFE]) { return .utf16(lilleEndian: true) }
            if foerste.starts(with: [0xFE, 0xFF]) { return .utf16(lilleEndian: false) }
            let medBOM = foerste.starts(with: [0xEF, 0xBB, 0xBF])
            bom = medBOM
            let gemt = start
            start = []
            // The BOM's bytes are not text; the file's offsets still count them.
            let spring = medBOM ? 3 : 0
            kontrol = UTF8Kontrol(position: spring)
            if gemt.count > spring {
                if let k = try gemt[spring...].withUnsafeBufferPointer({ try tilfoej($0) }) { return k }
            }
            return try tilfoej(UnsafeBufferPointer(rebasing: bytes[max(0, spring - gemt.count)...]))
        }

        public mutating func slut() throws -> Kodning {
            guard let bom else {
                // Fewer than three bytes in all.
                if start.starts(with: [0xFF, 0xFE]) { return .utf16(lilleEndian: true) }
                if start.starts(with: [0xFE, 0xFF]) { return .utf16(lilleEndian: false) }
                let gemt = start
                bom = false
                start = []
                if let k = try gemt.withUnsafeBufferPointer({ try tilfoej($0) }) { return k }
                return try slut()
            }
            guard let fejl = kontrol.slut() else { return .utf8(bom: bom) }
            guard bom else { return .windows1252 }
            throw Kodning.brudtUTF8(fil, fejl)
        }
    }

    static func brudtUTF8(_ fil: String, _ position: Int) -> Importfejl {
        Importfejl(fil: fil, besked: "filen begynder som UTF-8 (med BOM), men byte \(position + 1) er ikke gyldig UTF-8 — filen er beskadiget")
    }
}

/// Whether bytes given piece by piece are UTF-8 (Unicode 15, table 3-7: no overlong forms, no
/// surrogates, nothing above U+10FFFF), without copying them into a String: eight ASCII bytes are
/// checked at a time, which is nearly every byte of a CSV file. A sequence cut by a piece's end is
/// carried in the state, not in a buffer.
struct UTF8Kontrol {
    /// The file offset of the next byte.
    private(set) var position: Int
    /// Where the sequence being read began, and how many continuation bytes it still needs.
    private var sekvensStart = 0
    private var mangler = 0
    /// The range the next continuation byte must be in (narrowed after E0, ED, F0, F4).
    private var min: UInt8 = 0x80
    private var max: UInt8 = 0xBF

    init(position: Int = 0) { self.position = position }

    /// nil while every byte so far is UTF-8 (perhaps with a sequence still open); otherwise the file
    /// offset where the first broken sequence begins.
    mutating func kontroller(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = b.baseAddress else { return nil }
        let n = b.count
        var i = 0
        defer { position += n }
        while i < n {
            if mangler == 0 {
                // The ASCII run, eight bytes a step.
                while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < n else { break }
                let x = p[i]
                sekvensStart = position + i
                i += 1
                switch x {
                case 0x00...0x7F: continue
                case 0xC2...0xDF: mangler = 1; min = 0x80; max = 0xBF
                case 0xE0: mangler = 2; min = 0xA0; max = 0xBF
                case 0xED: mangler = 2; min = 0x80; max = 0x9F
                case 0xE1...0xEF: mangler = 2; min = 0x80; max = 0xBF
                case 0xF0: mangler = 3; min = 0x90; max = 0xBF
                case 0xF4: mangler = 3; min = 0x80; max = 0x8F
                case 0xF1...0xF3: mangler = 3; min = 0x80; max = 0xBF
                default: return sekvensStart
                }
            } else {
                let x = p[i]
                guard x >= min && x <= max else { return sekvensStart }
                i += 1
                mangler -= 1
                min = 0x80; max = 0xBF
            }
        }
        return nil
    }

    /// At the end of the file: nil if no sequence is left open, else where it began.
    func slut() -> Int? { mangler == 0 ? nil : sekvensStart }
}

/// Turns the bytes of a file, piece by piece, into UTF-8 bytes by its `Kodning`; carries a UTF-16
/// unit or surrogate pair cut by a piece's end to the next piece. Errors name the file and the
/// byte (counted from 1 in the whole file) as the whole-file reading always did.
public struct Tekstafkoder: Sendable {
    public let kodning: Kodning
    let fil: String
    /// The file offset of the next byte given.
    private var position = 0
    /// The offset the carried bytes start at, and the bytes.
    private var rest: [UInt8] = []
    private let laengde: Int?

    /// `laengde`: the file's size when known (a UTF-16 file with an odd number of bytes is refused first).
    public init(_ kodning: Kodning, fil: String, laengde: Int? = nil) {
        self.kodning = kodning
        self.fil = fil
        self.laengde = laengde
    }

    /// A piece the caller hands over whole: UTF-8 past the BOM is passed on as it is, without a copy.
    public mutating func afkod(_ bytes: [UInt8]) throws -> [UInt8] {
        if case .utf8(let bom) = kodning, !bom || position >= 3 {
            position += bytes.count
            return bytes
        }
        return try afkod(bytes[...])
    }

    public mutating func afkod(_ bytes: ArraySlice<UInt8>) throws -> [UInt8] {
        defer { position += bytes.count }
        switch kodning {
        case .utf8(let bom):
            // Checked whole by `Kodning.bestem`; the bytes are already UTF-8.
            let spring = bom ? max(0, 3 - position) : 0
            return Array(bytes.dropFirst(spring))
        case .windows1252:
            var ud: [UInt8] = []
            ud.reserveCapacity(bytes.count + bytes.count / 8)
            for (n, b) in zip(position..., bytes) {
                if b >= 0x20 && b < 0x7F || b == 0x0A || b == 0x0D || b == 0x09 { ud.append(b); continue }
                guard let s = Tekstfil.windows1252(b) else { throw Tekstfil.windows1252Fejl(fil, n, b) }
                Tekstafkoder.tilfoejUTF8(s, &ud)
            }
            return ud
        case .utf16(let lilleEndian):
            if position == 0, let laengde, (laengde - 2) % 2 != 0 { throw Tekstafkoder.uligeUTF16(fil) }
            var alle = rest
            let start = position - rest.count
            alle.append(contentsOf: bytes)
            var i = start < 2 ? 2 - start : 0          // the BOM
            if i > alle.count { rest = alle; return [] }
            var ud: [UInt8] = []
            ud.reserveCapacity(alle.count / 2)
            func enhed(_ j: Int) -> UInt16 {
                let a = UInt16(alle[j]), b = UInt16(alle[j + 1])
                return lilleEndian ? a | b << 8 : a << 8 | b
            }
            while i + 1 < alle.count {
                let u = enhed(i)
                if u < 0xD800 || u > 0xDFFF {
                    Tekstafkoder.tilfoejUTF8(Unicode.Scalar(u)!, &ud)
                    i += 2
                } else if u <= 0xDBFF {
                    guard i + 3 < alle.count else { break }  // the pair's second half is in the next piece
                    let l = enhed(i + 2)
                    guard (0xDC00...0xDFFF).contains(l) else { throw Tekstfil.utf16Fejl(fil, start + i) }
                    Tekstafkoder.tilfoejUTF8(Unicode.Scalar(0x10000 + (UInt32(u - 0xD800) << 10 | UInt32(l - 0xDC00)))!, &ud)
                    i += 4
                } else {
                    throw Tekstfil.utf16Fejl(fil, start + i)
                }
            }
            rest = Array(alle[i...])
            return ud
        }
    }

    /// At the end of the file: a UTF-16 unit or pair left over means a cut or damaged file.
    public mutating func slut(_ ud: inout [UInt8]) throws {
        guard case .utf16 = kodning, !rest.isEmpty else { return }
        if rest.count % 2 != 0 { throw Tekstafkoder.uligeUTF16(fil) }
        throw Tekstfil.utf16Fejl(fil, position - rest.count)
    }

    static func uligeUTF16(_ fil: String) -> Importfejl {
        Importfejl(fil: fil, besked: "filen er UTF-16 (Unicode-tekst), men har et ulige antal byte — den er afkortet eller beskadiget")
    }

    static func tilfoejUTF8(_ s: Unicode.Scalar, _ ud: inout [UInt8]) {
        let v = s.value
        switch v {
        case ..<0x80: ud.append(UInt8(v))
        case ..<0x800: ud.append(UInt8(0xC0 | v >> 6)); ud.append(UInt8(0x80 | v & 0x3F))
        case ..<0x10000:
            ud.append(UInt8(0xE0 | v >> 12)); ud.append(UInt8(0x80 | v >> 6 & 0x3F)); ud.append(UInt8(0x80 | v & 0x3F))
        default:
            ud.append(UInt8(0xF0 | v >> 18)); ud.append(UInt8(0x80 | v >> 12 & 0x3F))
            ud.append(UInt8(0x80 | v >> 6 & 0x3F)); ud.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
