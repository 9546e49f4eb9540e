/// Splits delimited text into rows of cells as its UTF-8 bytes arrive, piece by piece — the one
/// splitter of the whole-text `CSVTabel` and the streamed `CSVIndlaesning`. The separator is `;`
/// unless the header (the first line with anything but blanks) has more tabs (Excel's
/// "Unicode-tekst") or more `,`. Quotes as Excel writes them; a quoted field may span lines; \n,
/// \r\n and \r end a row. A quote, CR or LF cut by a piece's end is resolved by the next byte.
struct CSVDeler {
    let fil: String
    private(set) var separator: UInt8?
    /// Bytes held until the header line is complete and the separator known.
    private var foran: [UInt8] = []
    private var erFoerste = true
    private var celler: [String] = []
    /// The previous row's cells: a long cell equal to the one in the same column above is that
    /// string again (files come sorted by driftsherre and tilbud, so most rows repeat both), and a
    /// row's array is made the previous row's size at once. perf: growing each row's array and a
    /// string per long cell were six of a belægning row's 29 allocations.
    private var forrige: [String] = []
    private var felt: [UInt8] = []
    private var iCitat = false, varCiteret = false
    /// A `"` inside quotes whose meaning (`""` or the end) the next byte decides.
    private var ventendeCitat = false
    /// A CR that ended a row: a following LF belongs to it.
    private var ventendeCR = false
    /// A CR inside quotes: a line of its own unless an LF follows.
    private var ventendeCRiCitat = false
    private var start = 1, nu = 1
    /// Rows completed and not yet taken, with their spreadsheet row number.
    private var faerdige: [(nummer: Int, celler: [String])] = []

    static let semikolon: UInt8 = 0x3B, komma: UInt8 = 0x2C, tab: UInt8 = 0x09, citat: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    init(fil: String) { self.fil = fil }

    var tegn: Character? { separator.map { $0 == CSVDeler.komma ? "," : ($0 == CSVDeler.tab ? "\t" : ";") } }

    mutating func tilfoej(_ bytes: [UInt8]) {
        if separator == nil {
            foran.append(contentsOf: bytes)
            if erFoerste && foran.starts(with: [0xEF, 0xBB, 0xBF]) { foran.removeFirst(3) }
            if foran.count >= 3 { erFoerste = false }
            guard let (sep, i, linje) = CSVDeler.hoved(foran, slut: false) else { return }
            begynd(sep, i, linje)
            return
        }
        bytes.withUnsafeBufferPointer { tilfoej($0, separator!) }
    }

    /// Byte by byte where a quote or a line end cut by the last piece is open; elsewhere a run of
    /// plain bytes up to the next separator, line end or quote is made a cell in place (perf: the
    /// byte loop, each byte appended to the field, was a fifth of reading a belægning file).
    private mutating func tilfoej(_ u: UnsafeBufferPointer<UInt8>, _ sep: UInt8) {
        var i = 0
        while i < u.count {
            guard felt.isEmpty, !iCitat, !ventendeCitat, !ventendeCR, !ventendeCRiCitat else {
                byte(u[i])
                i += 1
                continue
            }
            var j = i
            while j < u.count {
                let b = u[j]
                if b == sep || b == CSVDeler.lf || b == CSVDeler.cr || b == CSVDeler.citat { break }
                j += 1
            }
            guard j < u.count, u[j] != CSVDeler.citat else {
                // A quote (opening a quoted field or inside a plain one) or the piece's end: byte by byte from here.
                felt.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<j]))
                if j < u.count { byte(u[j]) }
                i = j + 1
                continue
            }
            celler.append(CSVDeler.celle(UnsafeBufferPointer(rebasing: u[i..<j]), over: celler.count < forrige.count ? forrige[celler.count] : nil))
            varCiteret = false
            if u[j] != sep { slutRaekke(u[j]) }
            i = j + 1
        }
    }

    private mutating func begynd(_ sep: UInt8, _ i: Int, _ linje: Int) {
        separator = sep
        start = linje
        nu = linje
        let rest = foran[i...]
        foran = []
        rest.withUnsafeBufferPointer { tilfoej($0, sep) }
    }

    /// The header: the first line with anything but blanks; its separator, where it starts and its
    /// line number. Nil while that line has not ended (unless at the end of the text).
    static func hoved(_ bytes: [UInt8], slut: Bool) -> (UInt8, Int, Int)? {
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
            // A line end at the very end of a piece might be a CR whose LF is still to come.
            if j >= bytes.count - 1 && !slut { return nil }
            if indhold { return (t > max(s, k) ? tab : (k > s ? komma : semikolon), i, linje) }
            if j < bytes.count && bytes[j] == cr && j + 1 < bytes.count && bytes[j + 1] == lf { j += 1 }
            i = j + 1
            linje += 1
        }
        return slut ? (semikolon, bytes.count, linje) : nil
    }

    @inline(__always)
    private mutating func byte(_ b: UInt8) {
        if ventendeCR {
            ventendeCR = false
            if b == CSVDeler.lf { return }
        }
        if ventendeCRiCitat {
            ventendeCRiCitat = false
            if b != CSVDeler.lf { nu += 1 }
        }
        if ventendeCitat {
            ventendeCitat = false
            if b == CSVDeler.citat { felt.append(b); return }
            iCitat = false
        }
        if iCitat {
            if b == CSVDeler.citat {
                ventendeCitat = true
            } else {
                if b == CSVDeler.lf { nu += 1 } else if b == CSVDeler.cr { ventendeCRiCitat = true }
                felt.append(b)
            }
        } else if b == separator! {
            slutFelt()
        } else if b == CSVDeler.lf || b == CSVDeler.cr {
            slutFelt()
            slutRaekke(b)
        } else if b == CSVDeler.citat && !varCiteret && felt.allSatisfy({ $0 == 0x20 }) {
            iCitat = true
            varCiteret = true
            felt.removeAll(keepingCapacity: true)
        } else {
            felt.append(b)
        }
    }

    /// A line end (LF or CR) after the row's last cell.
    private mutating func slutRaekke(_ b: UInt8) {
        if b == CSVDeler.cr { ventendeCR = true }
        faerdige.append((start, celler))
        forrige = celler
        celler = []
        celler.reserveCapacity(forrige.count)
        nu += 1
        start = nu
    }

    /// A plain cell's text: `over` (the cell above) when the bytes are its bytes and too many to
    /// be kept inside a string (over 15), otherwise a new string.
    static func celle(_ bytes: UnsafeBufferPointer<UInt8>, over: String?) -> String {
        if bytes.count > 15, var over, over.utf8.count == bytes.count {
            let ens = over.withUTF8 { $0.elementsEqual(bytes) }
            if ens { return over }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func slutFelt() {
        celler.append(String(decoding: felt, as: UTF8.self))
        felt.removeAll(keepingCapacity: true)
        varCiteret = false
    }

    /// How many rows are completed and not yet taken.
    var antalFaerdige: Int { faerdige.count }

    /// The rows completed so far (each given once).
    mutating func tag() -> [(nummer: Int, celler: [String])] {
        defer { faerdige = [] }
        return faerdige
    }

    /// At the end of the text: the last row (without a line end) and an unclosed quote's error.
    mutating func slut() -> Importfejl? {
        if separator == nil {
            guard let (sep, i, linje) = CSVDeler.hoved(foran, slut: true) else { return nil }
            begynd(sep, i, linje)
        }
        if ventendeCRiCitat { ventendeCRiCitat = false; nu += 1 }
        if ventendeCitat { ventendeCitat = false; iCitat = false }
        if iCitat { return Importfejl(fil: fil, raekke: start, besked: "et citationstegn (\") er ikke lukket") }
        if !felt.isEmpty || !celler.isEmpty {
            slutFelt()
            faerdige.append((start, celler))
            celler = []
        }
        return nil
    }
}
