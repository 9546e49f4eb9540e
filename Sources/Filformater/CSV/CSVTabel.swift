import Foundation
import Takstregler

/// A delimited text file read into named columns: `;`, `,` or tab detected from the header, quotes
/// as Excel writes them, text as `Tekstfil` decoded it (a BOM is dropped). Header names are matched after folding case,
/// Danish letters (æ→ae, ø→oe, å→aa) and punctuation, and through each format's synonyms.
public struct CSVTabel: Sendable {
    public let fil: String
    public let separator: Character
    /// The canonical column name for each column position (nil for an ignored column).
    public let kolonner: [String]
    /// The header as written, for messages.
    public let overskrifter: [String]
    /// Each column's name length in UTF-8 bytes (0 for an ignored column): a lookup compares a
    /// name only where the length matches.
    private let laengder: [Int]
    /// Data rows with their spreadsheet row number (header = 1).
    public let raekker: [(nummer: Int, celler: [String])]

    /// One import format: its canonical (ASCII) columns, which are required, and synonyms.
    public struct Format: Sendable {
        public let navn: String
        public let paakraevet: [String]
        public let valgfri: [String]
        public let synonymer: [String: String]

        public init(navn: String, paakraevet: [String], valgfri: [String], synonymer: [String: String]) {
            self.navn = navn
            self.paakraevet = paakraevet
            self.valgfri = valgfri
            self.synonymer = synonymer
        }

        func kanonisk(_ overskrift: String) -> String? {
            let n = CSVTabel.normaliser(overskrift)
            if paakraevet.contains(n) || valgfri.contains(n) { return n }
            return synonymer[n]
        }
    }

    public init(fil: String, tekst: String, format: Format) throws {
        let (raekker, sep, fejl) = CSVTabel.del(tekst, fil: fil)
        guard !raekker.isEmpty || !fejl.isEmpty else { throw Importfejl(fil: fil, besked: "filen er tom") }
        try self.init(fil: fil, raekker: raekker, format: format, separator: sep, tidligereFejl: fejl)
    }

    /// A row of only blank cells (skipped by every reader).
    static func erTom(_ celler: [String]) -> Bool {
        for c in celler {
            // Most cells start with a visible ASCII character; only the others need Unicode trimming.
            if let f = c.utf8.first, f < 0x80, f != 0x20, f != 0x09 { return false }
            if !c.trimmingCharacters(in: .whitespaces).isEmpty { return false }
        }
        return true
    }

    /// The one wording of a row whose number of cells does not match the header.
    static func forkertFeltantal(fil: String, raekke: Int, har: Int, forventet: Int) -> Importfejl {
        Importfejl(fil: fil, raekke: raekke, besked: "rækken har \(har) felter, men overskriften har \(forventet)")
    }

    /// Splits the whole text at once with the streaming splitter (`CSVDeler`).
    static func del(_ tekst: String, fil: String) -> (raekker: [(nummer: Int, celler: [String])], separator: Character, fejl: [Importfejl]) {
        var deler = CSVDeler(fil: fil)
        deler.tilfoej(Array(tekst.utf8))
        let fejl = deler.slut()
        return (deler.tag(), deler.tegn ?? ";", fejl.map { [$0] } ?? [])
    }

    /// From rows already split into cells (an XLSX sheet); the first non-empty row is the header.
    public init(fil: String, raekker alle: [(nummer: Int, celler: [String])], format: Format,
                separator: Character = ";", tidligereFejl: [Importfejl] = []) throws {
        let tom = CSVTabel.erTom
        guard let hoved = alle.first(where: { !tom($0.celler) }) else {
            throw Importfejl(fil: fil, besked: "filen er tom")
        }
        var fejl = tidligereFejl
        let t = CSVTabel(fil: fil, hoved: hoved, format: format, separator: separator, fejl: &fejl)
        let (raekker, raekkefejl) = t.normaliser(alle.lazy.filter { $0.nummer > hoved.nummer })
        if !(fejl + raekkefejl).isEmpty { throw Importfejlliste(fejl + raekkefejl) }
        self = t.med(raekker)
    }

    /// The header alone (no rows yet): its problems are added to `fejl`.
    init(fil: String, hoved: (nummer: Int, celler: [String]), format: Format, separator: Character, fejl: inout [Importfejl]) {
        self.fil = fil
        self.separator = separator
        overskrifter = hoved.celler.map { $0.trimmingCharacters(in: .whitespaces) }
        var kanoniske: [String] = []
        for o in overskrifter {
            if o.isEmpty { kanoniske.append(""); continue }
            guard let k = format.kanonisk(o) else {
                fejl.append(Importfejl(fil: fil, raekke: hoved.nummer, kolonne: o,
                                       besked: "ukendt kolonne i en \(format.navn)-fil; kendte kolonner: \((format.paakraevet + format.valgfri).joined(separator: ", "))"))
                kanoniske.append("")
                continue
            }
            if kanoniske.contains(k) {
                fejl.append(Importfejl(fil: fil, raekke: hoved.nummer, kolonne: o, besked: "kolonnen '\(k)' står der to gange"))
            }
            kanoniske.append(k)
        }
        for p in format.paakraevet where !kanoniske.contains(p) {
            fejl.append(Importfejl(fil: fil, raekke: hoved.nummer, kolonne: p, besked: "kolonnen mangler (påkrævet i en \(format.navn)-fil)"))
        }
        kolonner = kanoniske
        laengder = kanoniske.map(\.utf8.count)
        raekker = []
    }

    private init(_ t: CSVTabel, raekker: [(nummer: Int, celler: [String])]) {
        fil = t.fil
        separator = t.separator
        kolonner = t.kolonner
        overskrifter = t.overskrifter
        laengder = t.laengder
        self.raekker = raekker
    }

    /// The same header with these (normalised) rows: one batch of a streamed file.
    func med(_ raekker: [(nummer: Int, celler: [String])]) -> CSVTabel { CSVTabel(self, raekker: raekker) }

    /// Data rows as the header reads them: blank rows skipped, trailing empty cells beyond the
    /// header dropped (Excel writes them), short rows padded; a row with too many cells is refused.
    func normaliser<S: Sequence>(_ alle: S) -> ([(nummer: Int, celler: [String])], [Importfejl]) where S.Element == (nummer: Int, celler: [String]) {
        var fejl: [Importfejl] = []
        var r: [(nummer: Int, celler: [String])] = []
        for raekke in alle {
            if CSVTabel.erTom(raekke.celler) { continue }
            var celler = raekke.celler
            while celler.count > kolonner.count, celler.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { celler.removeLast() }
            if celler.count > kolonner.count {
                fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: raekke.nummer, har: celler.count, forventet: kolonner.count))
                continue
            }
            if celler.count < kolonner.count { celler += Array(repeating: "", count: kolonner.count - celler.count) }
            r.append((raekke.nummer, celler))
        }
        return (r, fejl)
    }

    /// The cell of a canonical column in a row ("" when the column is absent).
    public func celle(_ raekke: [String], _ kolonne: String) -> String {
        guard let i = position(kolonne) else { return "" }
        return celle(raekke, ved: i)
    }

    /// The cell at a position found once with `position` (a loop over many rows).
    func celle(_ raekke: [String], ved i: Int) -> String {
        let v = raekke[i]
        if v.isEmpty { return v }
        // Most cells have no surrounding blanks; skip the trimming work for them.
        if let f = v.utf8.first, let l = v.utf8.last, f != 0x20, f != 0x09, l != 0x20, l != 0x09, f != 0x27 { return v }
        return Tabelcelle.udenFormelvaern(v.trimmingCharacters(in: .whitespaces))
    }

    /// A column's position: the columns are searched in order, a name compared only where its
    /// length matches — cheaper than hashing the name for every cell (perf: hashing was ~4 % of a
    /// regnskab import and ~8 % of the client's work in a takster import, the template's 35 columns).
    @inline(__always)
    func position(_ kolonne: String) -> Int? {
        let n = kolonne.utf8.count
        guard n > 0 else { return nil }
        for i in laengder.indices where laengder[i] == n && kolonner[i] == kolonne { return i }
        return nil
    }

    public func harKolonne(_ k: String) -> Bool { position(k) != nil }

    /// The header as the user wrote it, for messages.
    public func overskrift(_ kolonne: String) -> String {
        position(kolonne).map { overskrifter[$0] } ?? kolonne
    }

    public static func normaliser(_ s: String) -> String {
        // Fast path: already a canonical key (lower-case ASCII letters, digits, single underscores).
        var kanonisk = !s.isEmpty
        for b in s.utf8 where !((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F) { kanonisk = false; break }
        if kanonisk && s.utf8.first != 0x5F && s.utf8.last != 0x5F { return s }
        var ud = ""
        var sidsteUnderstreg = false
        for c in s.lowercased().unicodeScalars {
            let erstatning: String?
            switch c {
            case "æ": erstatning = "ae"
            case "ø": erstatning = "oe"
            case "å": erstatning = "aa"
            case "é": erstatning = "e"
            default: erstatning = c.isASCII && CharacterSet.alphanumerics.contains(c) ? String(c) : nil
            }
            if let e = erstatning {
                ud += e
                sidsteUnderstreg = false
            } else if !sidsteUnderstreg && !ud.isEmpty {
                ud += "_"
                sidsteUnderstreg = true
            }
        }
        while ud.hasSuffix("_") { ud.removeLast() }
        return ud
    }
}

extension CSVTabel {
    /// A number cell; a Danish or English decimal, named by column on error.
    public func tal(_ raekke: (nummer: Int, celler: [String]), _ kolonne: String, paakraevet: Bool = true) throws -> Decimal? {
        let raa = celle(raekke.celler, kolonne)
        if raa.isEmpty {
            if paakraevet { throw Importfejl(fil: fil, raekke: raekke.nummer, kolonne: overskrift(kolonne), besked: "feltet er tomt") }
            return nil
        }
        do { return try DanskTal.fortolk(raa) } catch let f as TalFejl {
            throw Importfejl(fil: fil, raekke: raekke.nummer, kolonne: overskrift(kolonne), besked: f.description)
        }
    }

    public func heltal(_ raekke: (nummer: Int, celler: [String]), _ kolonne: String, gyldige: ClosedRange<Int>) throws -> Int {
        let raa = celle(raekke.celler, kolonne)
        guard let v = Int(raa), gyldige.contains(v) else {
            throw Importfejl(fil: fil, raekke: raekke.nummer, kolonne: overskrift(kolonne),
                             besked: raa.isEmpty ? "feltet er tomt" : "'\(raa)' skal være et helt tal fra \(gyldige.lowerBound) til \(gyldige.upperBound)")
        }
        return v
    }

    public func tekst(_ raekke: (nummer: Int, celler: [String]), _ kolonne: String) throws -> String {
        let v = celle(raekke.celler, kolonne)
        guard !v.isEmpty else { throw Importfejl(fil: fil, raekke: raekke.nummer, kolonne: overskrift(kolonne), besked: "feltet er tomt") }
        return v
    }
}

extension CSVTabel {
    /// Applies `f` to every row, in parallel over the cores for large files; results in row order.
    public func hverRaekke<T: Sendable>(_ f: @Sendable ((nummer: Int, celler: [String])) throws -> T) -> [Result<T, any Error>] {
        Parallelt.map(raekker, fraAntal: 2_001, f)
    }

    /// The decimal separator a number is written with, when it shows one.
    static func decimalseparator(_ v: String) -> Character? {
        // One pass over the bytes (every number cell of a file comes here).
        var sidsteKomma = -1, sidstePunktum = -1, kommaer = 0, punktummer = 0
        for (i, b) in v.utf8.enumerated() {
            if b == 0x2C { sidsteKomma = i; kommaer += 1 } else if b == 0x2E { sidstePunktum = i; punktummer += 1 }
        }
        switch (kommaer > 0, punktummer > 0) {
        case (true, true): return sidsteKomma > sidstePunktum ? "," : "."
        case (true, false): return kommaer == 1 ? "," : "."
        case (false, true): return punktummer == 1 ? "." : ","
        default: return nil
        }
    }
}

/// The key of a row that must be unique in its file: up to five parts, each a text (compared
/// without regard to case) or a whole number (a year, a quarter). Held inline, so a row's key
/// costs no allocation, and a number is compared as it is, not written out as text first (perf:
/// the key's array, its year and quarter as text and a message closure capturing the row were
/// made for every row of a file; the message is now made only for a repeated key).
public struct Dubletnoegle: Sendable {
    public enum Del: Sendable {
        case tekst(String)
        case tal(Int)
    }
    let dele: (Del, Del?, Del?, Del?, Del?)

    public init(_ a: Del, _ b: Del? = nil, _ c: Del? = nil, _ d: Del? = nil, _ e: Del? = nil) {
        dele = (a, b, c, d, e)
    }
}

/// How the rows of one import format are read: the format (columns), its number columns (one
/// decimal style per file), the reading of one row and the key that must be unique in the file,
/// with the column and message a repeated key gets (made only then).
/// The same definition reads a whole table (`laesAlle`) and a streamed file batch by batch.
public struct Raekkeformat<T: Sendable>: Sendable {
    public let format: CSVTabel.Format
    let talkolonner: [String]
    let laes: @Sendable (CSVTabel, (nummer: Int, celler: [String])) throws -> T
    let noegle: @Sendable (T) -> Dubletnoegle
    /// The canonical column a repeated key is reported in.
    let noeglekolonne: String
    let dublet: @Sendable (T, _ foerste: Int) -> String

    public init(format: CSVTabel.Format, talkolonner: [String],
                laes: @escaping @Sendable (CSVTabel, (nummer: Int, celler: [String])) throws -> T,
                noegle: @escaping @Sendable (T) -> Dubletnoegle, noeglekolonne: String,
                dublet: @escaping @Sendable (T, _ foerste: Int) -> String) {
        self.format = format
        self.talkolonner = talkolonner
        self.laes = laes
        self.noegle = noegle
        self.noeglekolonne = noeglekolonne
        self.dublet = dublet
    }
}

/// The checks that span a file's rows, kept across its batches: one decimal style (the first
/// number with a separator decides), no key twice, every refused row collected in row order.
/// Memory grows with the file's distinct keys (one entry per row), not with its text.
public struct Raekkekontrol<T: Sendable> {
    let format: Raekkeformat<T>
    private var foersteTal: (separator: Character, raekke: Int, kolonne: String, tekst: String)?
    private var dubletter = Dubletter()
    public private(set) var fejl: [Importfejl] = []

    public init(_ format: Raekkeformat<T>) { self.format = format }

    mutating func tilfoej(_ f: [Importfejl]) { fejl += f }

    /// The file's rows as estimated from its first piece (the duplicate check's room).
    mutating func forventer(_ raekker: Int) { dubletter.forventer(raekker) }

    /// The batch's accepted rows; refused ones go to `fejl`. A file that writes decimals both ways
    /// (1.234,50 and 1,234.50) is refused at once: one of them is read wrongly by whoever opens it next.
    // Compiled for each import's row type as well: called from storage's generic batch loop, the
    // generic version copied every row through value witnesses and looked up generic metadata per row.
    @_specialize(where T == Indberetningsformat.Belaegningsraekke)
    @_specialize(where T == Indberetningsformat.Regnskabsraekke)
    @_specialize(where T == Indberetningsformat.Pladsraekke)
    @_specialize(where T == Takstfilskabelon.Raekke)
    public mutating func laes(_ t: CSVTabel) throws -> [T] {
        try kontrollerTalformater(t)
        var ud: [T] = []
        ud.reserveCapacity(t.raekker.count)
        let laes = format.laes
        for (r, resultat) in zip(t.raekker, t.hverRaekke { try laes(t, $0) }) {
            do {
                let raekke = try resultat.get()
                if let foerste = dubletter.kontroller(format.noegle(raekke), raekke: r.nummer) {
                    throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift(format.noeglekolonne), besked: format.dublet(raekke, foerste))
                }
                ud.append(raekke)
            } catch let f as Importfejl { fejl.append(f) }
            catch let l as Importfejlliste { fejl += l.fejl }
        }
        return ud
    }

    /// Every problem at once, in row order (nothing is imported when there is any).
    public func afslut() throws {
        guard !fejl.isEmpty else { return }
        let ordnet = fejl.enumerated().sorted { ($0.element.raekke ?? 0, $0.offset) < ($1.element.raekke ?? 0, $1.offset) }
        throw Importfejlliste(ordnet.map(\.element))
    }

    private mutating func kontrollerTalformater(_ t: CSVTabel) throws {
        // Each number column's position found once, not for every row.
        let kolonner = format.talkolonner.compactMap { k in t.position(k).map { (k, $0) } }
        guard !kolonner.isEmpty else { return }
        for r in t.raekker {
            for (k, i) in kolonner {
                let v = t.celle(r.celler, ved: i)
                guard let sep = CSVTabel.decimalseparator(v) else { continue }
                if let f = foersteTal, f.separator != sep {
                    let navn = { (c: Character) in c == "," ? "decimalkomma" : "decimalpunktum" }
                    throw Importfejl(fil: t.fil, raekke: r.nummer, kolonne: t.overskrift(k),
                                     besked: "'\(v)' skrevet med \(navn(sep)), men række \(f.raekke) (kolonne '\(f.kolonne)') bruger \(navn(f.separator)) ('\(f.tekst)') — brug samme talformat i hele filen")
                }
                if foersteTal == nil { foersteTal = (sep, r.nummer, t.overskrift(k), v) }
            }
        }
    }
}

extension CSVTabel {
    /// The one loop of every import reader on a whole table: checks the number columns' decimal
    /// style, reads each row (spread over the cores for large files), refuses a row whose key an
    /// earlier row had, and throws every problem at once, in row order. Nothing is returned when
    /// any row is refused.
    public func laesAlle<T: Sendable>(_ format: Raekkeformat<T>) throws -> [T] {
        var kontrol = Raekkekontrol(format)
        let ud = try kontrol.laes(self)
        try kontrol.afslut()
        return ud
    }
}

/// Keys seen in one file, compared without regard to case. A streamed file of a million rows
/// keeps one entry per row, so a key is held as five 32-bit numbers (24 bytes) instead of its
/// text: each distinct text is kept once per part and numbered, a whole number is its own.
/// Exact, no hashing of the whole key.
struct Dubletter {
    private struct Noegle: Hashable { let a: UInt64, b: UInt64, c: UInt64 }
    private var foerste: [Noegle: Int32] = [:]
    /// One key part's texts and their numbers.
    private struct Del {
        /// The text as written → its number (the common case: the same spelling again).
        var skrevet: [String: UInt32] = [:]
        /// The lower-cased text → its number.
        var smaa: [String: UInt32] = [:]
        /// The previous row's text and its number. Files come sorted by driftsherre and tilbud, so
        /// most rows repeat them; comparing the text is cheaper than hashing it (perf: the duplicate
        /// check was 18 % of reading a belægning file, most of it hashing).
        var forrige: (tekst: String, nummer: UInt64)?

        mutating func nummer(_ tekst: String) -> UInt64 {
            if let f = forrige, f.tekst == tekst { return f.nummer }
            let n: UInt32
            if let kendt = skrevet[tekst] {
                n = kendt
            } else {
                let lille = tekst.lowercased()
                n = smaa[lille] ?? UInt32(smaa.count + 1)
                smaa[lille] = n
                skrevet[tekst] = n
            }
            forrige = (tekst, UInt64(n))
            return UInt64(n)
        }
    }
    private var perDel: [Del] = Array(repeating: Del(), count: 5)

    /// Texts are numbered from 1 up; a whole number from 0 to 2³¹ − 1 is kept as itself with the top
    /// bit set, so the two never meet. Another number (none of today's columns) is numbered as text.
    private mutating func nummer(_ i: Int, _ del: Dubletnoegle.Del?) -> UInt64 {
        switch del {
        case nil: return 0
        case .tal(let v)? where v >= 0 && v < 1 << 31: return 1 << 31 | UInt64(v)
        case .tal(let v)?: return perDel[i].nummer("\(v)")
        case .tekst(let s)?: return perDel[i].nummer(s)
        }
    }

    /// nil for a new key; for a repeated one, the row that had it first.
    mutating func kontroller(_ n: Dubletnoegle, raekke: Int) -> Int? {
        let d = n.dele
        let noegle = Noegle(a: nummer(0, d.0) << 32 | nummer(1, d.1), b: nummer(2, d.2) << 32 | nummer(3, d.3), c: nummer(4, d.4))
        // One hash for a new key (the common case); a repeated key gets its first row back.
        if let f = foerste.updateValue(Int32(clamping: raekke), forKey: noegle) {
            foerste[noegle] = f
            return Int(f)
        }
        return nil
    }

    /// Room for about this many keys at once, instead of growing (and rehashing) as they come.
    mutating func forventer(_ antal: Int) { foerste.reserveCapacity(antal) }
}
