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
    /// Canonical column → position, so a cell lookup is one dictionary access.
    private let indeks: [String: Int]
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

    /// Splits delimited text into rows of cells in one pass over its UTF-8 bytes (files run to
    /// hundreds of thousands of rows). The separator is `;` unless the header has more tabs (Excel's
    /// "Unicode-tekst") or more `,`.
    /// Quotes as Excel writes them; a quoted field may span lines; \n, \r\n and \r end a row.
    /// A row of only blank cells (skipped by every reader).
    static func erTom(_ celler: [String]) -> Bool { celler.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }

    /// The one wording of a row whose number of cells does not match the header.
    static func forkertFeltantal(fil: String, raekke: Int, har: Int, forventet: Int) -> Importfejl {
        Importfejl(fil: fil, raekke: raekke, besked: "rækken har \(har) felter, men overskriften har \(forventet)")
    }

    static func del(_ tekst: String, fil: String) -> (raekker: [(nummer: Int, celler: [String])], separator: Character, fejl: [Importfejl]) {
        var bytes = Array(tekst.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let semikolon: UInt8 = 0x3B, komma: UInt8 = 0x2C, tab: UInt8 = 0x09, citat: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        // The header: the first line with anything but blanks.
        var sep = semikolon
        var i = 0
        var linje = 1
        while i < bytes.count {
            var j = i
            var s = 0, k = 0, t = 0, indhold = false, iCitat = false
            while j < bytes.count, iCitat || (bytes[j] != lf && bytes[j] != cr) {
                let b = bytes[j]
                if b == citat { iCitat.toggle() } else if !iCitat && b == semikolon { s += 1 } else if !iCitat && b == komma { k += 1 }
                else if !iCitat && b == tab { t += 1 }
                if b != 0x20 && b != 0x09 { indhold = true }
                j += 1
            }
            if indhold { sep = t > max(s, k) ? tab : (k > s ? komma : semikolon); break }
            if j < bytes.count && bytes[j] == cr && j + 1 < bytes.count && bytes[j + 1] == lf { j += 1 }
            i = j + 1
            linje += 1
        }
        var raekker: [(nummer: Int, celler: [String])] = []
        var fejl: [Importfejl] = []
        var celler: [String] = []
        var felt: [UInt8] = []
        var iCitat = false, varCiteret = false
        var start = linje, nu = linje
        func slutFelt() {
            celler.append(String(decoding: felt, as: UTF8.self))
            felt.removeAll(keepingCapacity: true)
            varCiteret = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if iCitat {
                if b == citat {
                    if i + 1 < bytes.count && bytes[i + 1] == citat { felt.append(citat); i += 1 } else { iCitat = false }
                } else {
                    if b == lf || (b == cr && !(i + 1 < bytes.count && bytes[i + 1] == lf)) { nu += 1 }
                    felt.append(b)
                }
            } else if b == citat && !varCiteret && felt.allSatisfy({ $0 == 0x20 }) {
                iCitat = true
                varCiteret = true
                felt.removeAll(keepingCapacity: true)
            } else if b == sep {
                slutFelt()
            } else if b == lf || b == cr {
                if b == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
                slutFelt()
                raekker.append((start, celler))
                celler = []
                nu += 1
                start = nu
            } else {
                felt.append(b)
            }
            i += 1
        }
        if iCitat {
            fejl.append(Importfejl(fil: fil, raekke: start, besked: "et citationstegn (\") er ikke lukket"))
        } else if !felt.isEmpty || !celler.isEmpty {
            slutFelt()
            raekker.append((start, celler))
        }
        return (raekker, sep == komma ? "," : (sep == tab ? "\t" : ";"), fejl)
    }

    /// From rows already split into cells (an XLSX sheet); the first non-empty row is the header.
    public init(fil: String, raekker alle: [(nummer: Int, celler: [String])], format: Format,
                separator: Character = ";", tidligereFejl: [Importfejl] = []) throws {
        self.fil = fil
        self.separator = separator
        let tom = CSVTabel.erTom
        guard let hoved = alle.first(where: { !tom($0.celler) }) else {
            throw Importfejl(fil: fil, besked: "filen er tom")
        }
        overskrifter = hoved.celler.map { $0.trimmingCharacters(in: .whitespaces) }
        var fejl = tidligereFejl
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
        var idx: [String: Int] = [:]
        for (i, k) in kanoniske.enumerated() where !k.isEmpty && idx[k] == nil { idx[k] = i }
        indeks = idx
        var r: [(Int, [String])] = []
        for raekke in alle where raekke.nummer > hoved.nummer {
            if tom(raekke.celler) { continue }
            var celler = raekke.celler
            // Trailing empty cells beyond the header are harmless (Excel writes them).
            while celler.count > kanoniske.count, celler.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { celler.removeLast() }
            if celler.count > kanoniske.count {
                fejl.append(CSVTabel.forkertFeltantal(fil: fil, raekke: raekke.nummer, har: celler.count, forventet: kanoniske.count))
                continue
            }
            r.append((raekke.nummer, celler + Array(repeating: "", count: kanoniske.count - celler.count)))
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        raekker = r
    }

    /// The cell of a canonical column in a row ("" when the column is absent).
    public func celle(_ raekke: [String], _ kolonne: String) -> String {
        guard let i = indeks[kolonne] else { return "" }
        let v = raekke[i]
        // Most cells have no surrounding blanks; skip the trimming work for them.
        if let f = v.utf8.first, let l = v.utf8.last, f != 0x20, f != 0x09, l != 0x20, l != 0x09, f != 0x27 { return v }
        return Tabelcelle.udenFormelvaern(v.trimmingCharacters(in: .whitespaces))
    }

    public func harKolonne(_ k: String) -> Bool { indeks[k] != nil }

    /// The header as the user wrote it, for messages.
    public func overskrift(_ kolonne: String) -> String {
        indeks[kolonne].map { overskrifter[$0] } ?? kolonne
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

    /// Refuses a file that writes decimals both ways (1.234,50 and 1,234.50): one of them is then
    /// read wrongly by whoever opens it next. Names the first cell of each kind.
    public func kontrollerTalformater(_ talkolonner: [String]) throws {
        var foerste: (separator: Character, raekke: Int, kolonne: String, tekst: String)?
        for r in raekker {
            for k in talkolonner where harKolonne(k) {
                let v = celle(r.celler, k)
                guard let sep = CSVTabel.decimalseparator(v) else { continue }
                if let f = foerste, f.separator != sep {
                    let navn = { (c: Character) in c == "," ? "decimalkomma" : "decimalpunktum" }
                    throw Importfejl(fil: fil, raekke: r.nummer, kolonne: overskrift(k),
                                     besked: "'\(v)' skrevet med \(navn(sep)), men række \(f.raekke) (kolonne '\(f.kolonne)') bruger \(navn(f.separator)) ('\(f.tekst)') — brug samme talformat i hele filen")
                }
                if foerste == nil { foerste = (sep, r.nummer, overskrift(k), v) }
            }
        }
    }

    /// The decimal separator a number is written with, when it shows one.
    static func decimalseparator(_ v: String) -> Character? {
        let komma = v.lastIndex(of: ","), punktum = v.lastIndex(of: ".")
        switch (komma, punktum) {
        case let (k?, p?): return k > p ? "," : "."
        case (.some, nil): return v.filter { $0 == "," }.count == 1 ? "," : "."
        case (nil, .some): return v.filter { $0 == "." }.count == 1 ? "." : ","
        default: return nil
        }
    }
}

/// The "same key twice in one file" check every import reader makes: the first row with a key
/// is kept, a later one is refused naming it. Keys compare without regard to case.
/// The key of a row that must be unique in its file, with the column and message a repeat gets.
public struct Dubletnoegle {
    let dele: [String]
    let kolonne: String
    let besked: (_ foerste: Int) -> String

    public init(_ dele: [String], kolonne: String, besked: @escaping (_ foerste: Int) -> String) {
        self.dele = dele
        self.kolonne = kolonne
        self.besked = besked
    }
}

extension CSVTabel {
    /// The one loop of every import reader: checks the number columns' decimal style, reads each
    /// row with `laes` (spread over the cores for large files), refuses a row whose `noegle` an
    /// earlier row had, and throws every problem at once, in row order. Nothing is returned when
    /// any row is refused.
    public func laesAlle<T: Sendable>(talkolonner: [String], _ laes: @Sendable ((nummer: Int, celler: [String])) throws -> T,
                            noegle: (T) -> Dubletnoegle) throws -> [T] {
        try kontrollerTalformater(talkolonner)
        var fejl: [Importfejl] = []
        var ud: [T] = []
        var dubletter = Dubletter()
        for (r, resultat) in zip(raekker, hverRaekke(laes)) {
            do {
                let raekke = try resultat.get()
                let n = noegle(raekke)
                try dubletter.kontroller(n.dele, raekke: r.nummer, fil: fil, kolonne: n.kolonne, n.besked)
                ud.append(raekke)
            } catch let f as Importfejl { fejl.append(f) }
            catch let l as Importfejlliste { fejl += l.fejl }
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        return ud
    }
}

struct Dubletter {
    private var foerste: [String: Int] = [:]

    mutating func kontroller(_ dele: [String], raekke: Int, fil: String, kolonne: String, _ besked: (_ foerste: Int) -> String) throws {
        let noegle = dele.map { $0.lowercased() }.joined(separator: "\u{1}")
        if let f = foerste[noegle] { throw Importfejl(fil: fil, raekke: raekke, kolonne: kolonne, besked: besked(f)) }
        foerste[noegle] = raekke
    }
}

