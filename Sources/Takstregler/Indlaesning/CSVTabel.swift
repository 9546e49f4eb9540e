import Foundation

/// A refused cell or row of an imported file, named as a spreadsheet shows it: the header is
/// row 1, and the column by its header (DOMAIN.md 7; issue "Ledelsesinformation" 1).
public struct Importfejl: Error, Equatable, Sendable, CustomStringConvertible {
    public var fil: String
    public var raekke: Int?
    public var kolonne: String?
    public var besked: String

    public init(fil: String, raekke: Int? = nil, kolonne: String? = nil, besked: String) {
        self.fil = fil
        self.raekke = raekke
        self.kolonne = kolonne
        self.besked = besked
    }

    public var description: String {
        var sted = fil
        if let raekke { sted += ", række \(raekke)" }
        if let kolonne { sted += ", kolonne '\(kolonne)'" }
        return "\(sted): \(besked)"
    }
}

/// Every problem of a file at once, so it can be fixed in one go; nothing is imported.
public struct Importfejlliste: Error, Equatable, Sendable, CustomStringConvertible {
    public let fejl: [Importfejl]
    public init(_ fejl: [Importfejl]) { self.fejl = fejl }
    public var description: String {
        let vist = fejl.prefix(50).map(\.description)
        let rest = fejl.count > 50 ? ["… og \(fejl.count - 50) fejl mere"] : []
        return (vist + rest).joined(separator: "\n")
    }
}

/// A delimited text file read into named columns: `;` or `,` detected from the header, quotes
/// as Excel writes them, UTF-8 (a BOM is dropped). Header names are matched after folding case,
/// Danish letters (æ→ae, ø→oe, å→aa) and punctuation, and through each format's synonyms.
public struct CSVTabel: Sendable {
    public let fil: String
    public let separator: Character
    /// The canonical column name for each column position (nil for an ignored column).
    public let kolonner: [String]
    /// The header as written, for messages.
    public let overskrifter: [String]
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
        var t = tekst
        if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
        let linjer = CSVTabel.linjer(t)
        guard let hoved = linjer.first(where: { !$0.tekst.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw Importfejl(fil: fil, besked: "filen er tom")
        }
        let sep: Character = hoved.tekst.filter { $0 == ";" }.count >= hoved.tekst.filter { $0 == "," }.count ? ";" : ","
        var fejl: [Importfejl] = []
        var raekker: [(nummer: Int, celler: [String])] = []
        for linje in linjer where linje.nummer >= hoved.nummer {
            do {
                raekker.append((linje.nummer, try CSVTabel.celler(linje.tekst, sep, fil: fil, raekke: linje.nummer)))
            } catch let f as Importfejl { fejl.append(f) }
        }
        try self.init(fil: fil, raekker: raekker, format: format, separator: sep, tidligereFejl: fejl)
    }

    /// From rows already split into cells (an XLSX sheet); the first non-empty row is the header.
    public init(fil: String, raekker alle: [(nummer: Int, celler: [String])], format: Format,
                separator: Character = ";", tidligereFejl: [Importfejl] = []) throws {
        self.fil = fil
        self.separator = separator
        let tom = { (c: [String]) in c.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
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
        var r: [(Int, [String])] = []
        for raekke in alle where raekke.nummer > hoved.nummer {
            if tom(raekke.celler) { continue }
            var celler = raekke.celler
            // Trailing empty cells beyond the header are harmless (Excel writes them).
            while celler.count > kanoniske.count, celler.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { celler.removeLast() }
            if celler.count > kanoniske.count {
                fejl.append(Importfejl(fil: fil, raekke: raekke.nummer, besked: "rækken har \(celler.count) felter, men overskriften har \(kanoniske.count)"))
                continue
            }
            r.append((raekke.nummer, celler + Array(repeating: "", count: kanoniske.count - celler.count)))
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        raekker = r
    }

    /// The cell of a canonical column in a row ("" when the column is absent).
    public func celle(_ raekke: [String], _ kolonne: String) -> String {
        guard let i = kolonner.firstIndex(of: kolonne) else { return "" }
        return raekke[i].trimmingCharacters(in: .whitespaces)
    }

    public func harKolonne(_ k: String) -> Bool { kolonner.contains(k) }

    /// The header as the user wrote it, for messages.
    public func overskrift(_ kolonne: String) -> String {
        kolonner.firstIndex(of: kolonne).map { overskrifter[$0] } ?? kolonne
    }

    public static func normaliser(_ s: String) -> String {
        var t = s.lowercased().trimmingCharacters(in: .whitespaces)
        for (a, b) in [("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e")] { t = t.replacingOccurrences(of: a, with: b) }
        var ud = ""
        var sidsteUnderstreg = false
        for c in t.unicodeScalars {
            if CharacterSet.alphanumerics.contains(c) && c.isASCII {
                ud.unicodeScalars.append(c)
                sidsteUnderstreg = false
            } else if !sidsteUnderstreg && !ud.isEmpty {
                ud += "_"
                sidsteUnderstreg = true
            }
        }
        while ud.hasSuffix("_") { ud.removeLast() }
        return ud
    }

    /// Physical lines with their row numbers; a quoted field may span lines.
    static func linjer(_ tekst: String) -> [(nummer: Int, tekst: String)] {
        var ud: [(Int, String)] = []
        var nu = ""
        var iCitat = false
        var nummer = 1
        var start = 1
        var forrigeCR = false
        for c in tekst {
            if c == "\"" { iCitat.toggle() }
            if (c == "\n" || c == "\r\n" || c == "\r") && !iCitat {
                if c == "\n" && forrigeCR { forrigeCR = false; continue }
                ud.append((start, nu))
                nu = ""
                nummer += 1
                start = nummer
                forrigeCR = c == "\r"
                continue
            }
            forrigeCR = false
            if c == "\n" || c == "\r\n" { nummer += 1 }
            nu.append(c)
        }
        if !nu.isEmpty { ud.append((start, nu)) }
        return ud
    }

    static func celler(_ linje: String, _ sep: Character, fil: String, raekke: Int) throws -> [String] {
        var celler: [String] = []
        var nu = ""
        var iCitat = false
        var var_citeret = false
        var i = linje.startIndex
        while i < linje.endIndex {
            let c = linje[i]
            if iCitat {
                if c == "\"" {
                    let naeste = linje.index(after: i)
                    if naeste < linje.endIndex && linje[naeste] == "\"" { nu.append("\""); i = naeste } else { iCitat = false }
                } else { nu.append(c) }
            } else if c == "\"" && nu.trimmingCharacters(in: .whitespaces).isEmpty && !var_citeret {
                iCitat = true
                var_citeret = true
                nu = ""
            } else if c == sep {
                celler.append(nu)
                nu = ""
                var_citeret = false
            } else {
                nu.append(c)
            }
            i = linje.index(after: i)
        }
        if iCitat { throw Importfejl(fil: fil, raekke: raekke, besked: "et citationstegn (\") er ikke lukket") }
        celler.append(nu)
        return celler
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
