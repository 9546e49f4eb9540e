import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Takstregler
import ZIPFoundation

/// One sheet of a workbook: rows with their spreadsheet number and dense cells (column A first).
/// Numeric cells are given as exact decimal text with a decimal comma, so the same number readers
/// as for CSV apply and nothing passes through floating point.
public struct Regnearksark: Sendable, Equatable {
    public var navn: String
    public var raekker: [Raekke]
    /// Cells that hold a formula and were read by the value Excel saved with it.
    public var formler: Int
    public init(navn: String, raekker: [Raekke], formler: Int = 0) {
        self.navn = navn
        self.raekker = raekker
        self.formler = formler
    }
    public struct Raekke: Sendable, Equatable {
        public var nummer: Int
        public var celler: [String]
    }
}

/// Reads the cell values of an XLSX workbook (Office Open XML) with ZIPFoundation and the XML
/// parser: shared strings, inline strings, numbers, booleans. A formula cell is read by the value
/// saved with it (Excel saves the result of every formula); a formula without a saved value, error
/// cells and anything beyond the limits are refused with the sheet and cell named.
public enum XLSXLaeser {
    public static func laes(_ data: Data, fil: String, graenser: Regnearksgraenser = .fraMiljoe()) throws -> [Regnearksark] {
        guard data.count <= graenser.maksFilbytes else {
            throw Importfejl(fil: fil, besked: "filen fylder \(Regnearksgraenser.mb(data.count)); grænsen er \(Regnearksgraenser.mb(graenser.maksFilbytes)) (TAKSTFIL_MAKS_FIL_MB)")
        }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw Importfejl(fil: fil, besked: "filen er ikke et Excel-regneark (.xlsx) — gem den som 'Excel-projektmappe (*.xlsx)'")
        }
        let arkiv = try aabn(data, fil: fil)
        // Refuse a zip bomb from the declared sizes first, then count while unpacking.
        var deklareret: Int64 = 0
        var indhold: [String: Entry] = [:]
        for e in arkiv {
            deklareret += Int64(e.uncompressedSize)
            indhold[e.path] = e
        }
        guard deklareret <= Int64(graenser.maksUdpakketBytes) else {
            throw Importfejl(fil: fil, besked: "regnearket fylder \(Regnearksgraenser.mb(Int(min(deklareret, Int64(Int.max))))) udpakket; grænsen er \(Regnearksgraenser.mb(graenser.maksUdpakketBytes)) (TAKSTFIL_MAKS_UDPAKKET_MB)")
        }
        var brugt = 0
        func udpak(_ sti: String) throws -> Data? {
            guard let e = indhold[sti] else { return nil }
            var ud = Data()
            do {
                _ = try arkiv.extract(e, skipCRC32: false) { del in
                    brugt += del.count
                    guard brugt <= graenser.maksUdpakketBytes else { throw Udpakningsfejl.forStor }
                    ud.append(del)
                }
            } catch Udpakningsfejl.forStor {
                throw Importfejl(fil: fil, besked: "regnearket fylder mere end \(Regnearksgraenser.mb(graenser.maksUdpakketBytes)) udpakket (TAKSTFIL_MAKS_UDPAKKET_MB)")
            } catch {
                throw Importfejl(fil: fil, besked: "delen '\(sti)' kan ikke pakkes ud (beskadiget fil)")
            }
            return ud
        }

        return try laes(udpak: udpak, fil: fil, graenser: graenser)
    }

    /// The parts of a workbook unpacked (path → bytes) — so the XML inside can be tested (and fuzzed)
    /// without a zip around it.
    public static func dele(_ data: Data, fil: String) throws -> [String: Data] {
        let arkiv = try aabn(data, fil: fil)
        var ud: [String: Data] = [:]
        for e in arkiv {
            var d = Data()
            do { _ = try arkiv.extract(e, skipCRC32: false) { d.append($0) } } catch {
                throw Importfejl(fil: fil, besked: "delen '\(e.path)' kan ikke pakkes ud (beskadiget fil)")
            }
            ud[e.path] = d
        }
        return ud
    }

    /// The one way bytes become a zip archive: its directory checked against the data first.
    private static func aabn(_ data: Data, fil: String) throws -> Archive {
        try Zipkontrol.kontroller(data, fil: fil)
        do { return try Archive(data: data, accessMode: .read) } catch {
            throw Importfejl(fil: fil, besked: "filen er ikke et gyldigt .xlsx-regneark (afkortet eller beskadiget)")
        }
    }

    /// The sheets of unpacked workbook parts, with the same limits and messages as `laes(_:fil:)`.
    public static func laes(dele: [String: Data], fil: String, graenser: Regnearksgraenser = .fraMiljoe()) throws -> [Regnearksark] {
        try laes(udpak: { dele[$0] }, fil: fil, graenser: graenser)
    }

    private static func laes(udpak: (String) throws -> Data?, fil: String, graenser: Regnearksgraenser) throws -> [Regnearksark] {
        guard let workbook = try udpak("xl/workbook.xml"), let rels = try udpak("xl/_rels/workbook.xml.rels") else {
            throw Importfejl(fil: fil, besked: "filen er en zip-fil, men ikke et Excel-regneark (xl/workbook.xml mangler)")
        }
        let arkListe = try XMLElementer(workbook, fil: fil).alle("sheet")
        let relationer = Dictionary(try XMLElementer(rels, fil: fil).alle("Relationship").compactMap { r -> (String, String)? in
            guard let id = r["Id"], let maal = r["Target"] else { return nil }
            return (id, maal)
        }, uniquingKeysWith: { a, _ in a })
        let delte = try udpak("xl/sharedStrings.xml").map { try DelteStrenge.laes($0, fil: fil) } ?? []

        var ark: [Regnearksark] = []
        var celler = 0
        for a in arkListe {
            guard let navn = a["name"], let rid = a["r:id"] ?? a["id"], let maal = relationer[rid] else { continue }
            let sti = maal.hasPrefix("/") ? String(maal.dropFirst()) : (maal.hasPrefix("xl/") ? maal : "xl/" + maal)
            guard let xml = try udpak(sti) else {
                throw Importfejl(fil: fil, besked: "arket '\(navn)' mangler i filen (beskadiget)")
            }
            let laest = try Arklaeser.laes(xml, ark: navn, fil: fil, delte: delte, maksCeller: graenser.maksCeller - celler)
            celler += laest.raekker.reduce(0) { $0 + $1.celler.count }
            ark.append(laest)
        }
        guard !ark.isEmpty else { throw Importfejl(fil: fil, besked: "regnearket har ingen ark") }
        return ark
    }

    enum Udpakningsfejl: Error { case forStor }

    /// "B12" → (kolonne 1, række 12).
    /// Inside Excel's grid (A1:XFD1048576) or nil — a reference past it would make a dense row of
    /// millions of cells (found by `scripts/robusthed`).
    static func cellereference(_ r: String) -> (kolonne: Int, raekke: Int)? {
        var kolonne = 0
        var cifre = ""
        for c in r.uppercased() {
            if let v = c.asciiValue, v >= 65, v <= 90, cifre.isEmpty { kolonne = kolonne * 26 + Int(v - 64) }
            else if let v = c.asciiValue, v >= 48, v <= 57, cifre.count < 8 { cifre.append(c) } else { return nil }
            guard kolonne <= maksKolonner else { return nil }
        }
        guard kolonne > 0, let raekke = Int(cifre), (1...maksRaekker).contains(raekke) else { return nil }
        return (kolonne - 1, raekke)
    }

    /// Excel's own grid.
    static let maksKolonner = 16_384
    static let maksRaekker = 1_048_576

    /// The receipt's line for cells read by their saved formula value; nil when there were none.
    public static func formelkvittering(_ antal: Int) -> String? {
        switch antal {
        case 0: return nil
        case 1: return "1 celle med en formel er læst ud fra sin gemte værdi."
        default: return "\(antal) celler med formler er læst ud fra deres gemte værdi."
        }
    }

    /// Column index (0-based) → "A", "B", … "AA".
    public static func kolonnebogstav(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 {
            s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
            n = (n - 1) / 26
        }
        return s
    }
}

/// Collects elements with their attributes (workbook, relationships).
final class XMLElementer: NSObject, XMLParserDelegate {
    private var fundne: [(String, [String: String])] = []
    init(_ data: Data, fil: String) throws {
        super.init()
        let p = try XMLDel.parser(data, fil: fil)
        p.delegate = self
        guard p.parse() else { throw Importfejl(fil: fil, besked: "filens XML kan ikke læses (beskadiget)") }
    }
    func parser(_ parser: XMLParser, didStartElement navn: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        fundne.append((navn, attributes))
    }
    func alle(_ navn: String) -> [[String: String]] { fundne.filter { $0.0 == navn }.map(\.1) }
}

/// xl/sharedStrings.xml: one string per <si>, the concatenation of its <t> texts.
final class DelteStrenge: NSObject, XMLParserDelegate {
    private var strenge: [String] = []
    private var nu: String?
    private var iTekst = false
    static func laes(_ data: Data, fil: String) throws -> [String] {
        let d = DelteStrenge()
        let p = try XMLDel.parser(data, fil: fil)
        p.delegate = d
        guard p.parse() else { throw Importfejl(fil: fil, besked: "regnearkets tekster kan ikke læses (beskadiget)") }
        return d.strenge
    }
    func parser(_ parser: XMLParser, didStartElement navn: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if navn == "si" { nu = "" }
        if navn == "t" { iTekst = true }
        // Phonetic runs (<rPh>) are not part of the value.
        if navn == "rPh" { iTekst = false }
    }
    func parser(_ parser: XMLParser, foundCharacters s: String) { if iTekst { nu? += s } }
    func parser(_ parser: XMLParser, didEndElement navn: String, namespaceURI: String?, qualifiedName: String?) {
        if navn == "t" { iTekst = false }
        if navn == "si" { strenge.append(nu ?? ""); nu = nil }
    }
}

/// One worksheet's cells.
final class Arklaeser: NSObject, XMLParserDelegate {
    let ark: String, fil: String, delte: [String], maksCeller: Int
    var raekker: [Int: [Int: String]] = [:]
    var fejl: Importfejl?
    var antal = 0
    var formler = 0
    // The cell being read.
    var ref: (kolonne: Int, raekke: Int)?
    var refTekst = ""
    var type = ""
    var vaerdi = ""
    var iVaerdi = false
    var harFormel = false
    var harVaerdi = false
    var naesteRaekke = 1
    var naesteKolonne = 0

    init(ark: String, fil: String, delte: [String], maksCeller: Int) {
        self.ark = ark
        self.fil = fil
        self.delte = delte
        self.maksCeller = maksCeller
    }

    static func laes(_ data: Data, ark: String, fil: String, delte: [String], maksCeller: Int) throws -> Regnearksark {
        let l = Arklaeser(ark: ark, fil: fil, delte: delte, maksCeller: maksCeller)
        let p = try XMLDel.parser(data, fil: fil)
        p.delegate = l
        let ok = p.parse()
        if let f = l.fejl { throw f }
        guard ok else { throw Importfejl(fil: fil, besked: "arket '\(ark)' kan ikke læses (beskadiget XML)") }
        // Rows are made dense (column A first): empty cells between filled ones count against the limit too.
        let taet = l.raekker.values.reduce(0) { $0 + ($1.keys.max() ?? -1) + 1 }
        guard taet <= maksCeller else {
            throw Importfejl(fil: "\(fil), ark '\(ark)'", besked: "arket spænder over flere end \(maksCeller) celler, tomme mellemrum medregnet (TAKSTFIL_MAKS_CELLER)")
        }
        let raekker = l.raekker.keys.sorted().map { nr -> Regnearksark.Raekke in
            let c = l.raekker[nr]!
            let bredde = (c.keys.max() ?? -1) + 1
            return .init(nummer: nr, celler: (0..<bredde).map { c[$0] ?? "" })
        }
        return Regnearksark(navn: ark, raekker: raekker, formler: l.formler)
    }

    func stop(_ besked: String, _ parser: XMLParser) {
        if fejl == nil {
            fejl = Importfejl(fil: "\(fil), ark '\(ark)'", raekke: ref?.raekke, kolonne: ref.map { "\(XLSXLaeser.kolonnebogstav($0.kolonne))" },
                              besked: besked)
        }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement navn: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String] = [:]) {
        switch navn {
        case "row":
            if let r = a["r"] {
                guard let n = Int(r), (1...XLSXLaeser.maksRaekker).contains(n) else {
                    return stop("ugyldigt rækkenummer '\(r.prefix(20))' (Excel har rækkerne 1–\(XLSXLaeser.maksRaekker))", parser)
                }
                naesteRaekke = n
            }
            naesteKolonne = 0
        case "c":
            refTekst = a["r"] ?? ""
            if let r = a["r"] {
                guard let c = XLSXLaeser.cellereference(r) else {
                    return stop("ugyldig cellereference '\(r.prefix(20))' (Excel går fra A1 til XFD\(XLSXLaeser.maksRaekker))", parser)
                }
                ref = c
            } else {
                guard naesteKolonne < XLSXLaeser.maksKolonner else { return stop("rækken har flere end \(XLSXLaeser.maksKolonner) kolonner", parser) }
                ref = (naesteKolonne, naesteRaekke)
            }
            type = a["t"] ?? "n"
            vaerdi = ""
            harFormel = false
            harVaerdi = false
        case "v":
            iVaerdi = true
            harVaerdi = true
        case "t": iVaerdi = true
        case "f": harFormel = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters s: String) { if iVaerdi { vaerdi += s } }

    func parser(_ parser: XMLParser, didEndElement navn: String, namespaceURI: String?, qualifiedName: String?) {
        switch navn {
        case "v", "t": iVaerdi = false
        case "row": naesteRaekke += 1
        case "c":
            guard let ref else { return }
            naesteKolonne = ref.kolonne + 1
            // A formula is read by the value saved with it. Without one (a file written by a program
            // that does not compute, e.g. openpyxl) there is nothing to read; only a text result may be empty.
            if harFormel && type != "e" && (!harVaerdi || (vaerdi.isEmpty && type != "str")) {
                return stop("cellen indeholder en formel uden gemt værdi — åbn og gem filen i Excel, så resultatet gemmes, eller kopiér og indsæt cellen som værdi", parser)
            }
            let tekst: String
            switch type {
            case "s":
                guard let i = Int(vaerdi), delte.indices.contains(i) else { return stop("cellen henviser til en tekst, der ikke findes", parser) }
                tekst = delte[i]
            case "inlineStr", "str": tekst = vaerdi
            case "b": tekst = vaerdi == "1" ? "SAND" : "FALSK"
            case "e": return stop("cellen indeholder en fejl (\(vaerdi)) — ret den i regnearket", parser)
            default:
                if vaerdi.isEmpty { tekst = "" } else {
                    guard let d = Decimal(string: vaerdi, locale: Locale(identifier: "en_US_POSIX")) else {
                        return stop("'\(vaerdi)' er ikke et tal", parser)
                    }
                    tekst = "\(d)".replacingOccurrences(of: ".", with: ",")
                }
            }
            if harFormel { formler += 1 }
            guard !tekst.isEmpty else { return }
            antal += 1
            guard antal <= maksCeller else { return stop("regnearket har flere end \(maksCeller) udfyldte celler (TAKSTFIL_MAKS_CELLER)", parser) }
            raekker[ref.raekke, default: [:]][ref.kolonne] = tekst
        default: break
        }
    }
}

/// The one way a workbook part reaches the XML parser. Office writes its parts as UTF-8 without a
/// DTD; anything else is refused first, because Foundation's parser on Linux traps on invalid
/// UTF-8 in a name (found by `scripts/robusthed`), and a DTD is where entity bombs and external
/// entities live.
enum XMLDel {
    static func parser(_ data: Data, fil: String) throws -> XMLParser {
        guard String(validating: data, as: UTF8.self) != nil else {
            throw Importfejl(fil: fil, besked: "regnearkets XML er ikke gyldig UTF-8 (beskadiget fil)")
        }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw Importfejl(fil: fil, besked: "regnearkets XML har en DTD (<!DOCTYPE/<!ENTITY), som Excel aldrig skriver; filen afvises")
        }
        let p = XMLParser(data: data)
        p.shouldResolveExternalEntities = false
        return p
    }
}
