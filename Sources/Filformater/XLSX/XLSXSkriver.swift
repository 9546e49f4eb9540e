import Foundation
import Takstregler
import ZIPFoundation

/// Writes a workbook: one sheet per table, a bold header row, numbers as numbers with a number
/// format (Excel shows `#,##0.00` as 1.234,56 in Danish), text as inline strings. The same
/// content always gives the same bytes (fixed timestamps in the zip).
public enum XLSXSkriver {
    public enum Talformat: Int, Sendable {
        /// General (as typed).
        case standard = 0
        /// `#,##0` — whole kroner, counts.
        case heltal = 2
        /// `#,##0.00` — kroner and øre.
        case toDecimaler = 3
        /// `0.0` — percentages and belægning.
        case enDecimal = 4
    }

    public enum Celle: Sendable, Equatable {
        case tekst(String)
        case tal(Decimal, Talformat)
        case tom
    }

    public struct Ark: Sendable {
        public var navn: String
        public var overskrifter: [String]
        public var raekker: [[Celle]]
        public init(navn: String, overskrifter: [String], raekker: [[Celle]]) {
            self.navn = navn
            self.overskrifter = overskrifter
            self.raekker = raekker
        }
    }

    public static func skriv(_ ark: [Ark]) throws -> Data {
        let arkiv = try Archive(data: Data(), accessMode: .create)
        let fast = Date(timeIntervalSince1970: 946_684_800) // 2000-01-01: deterministic output
        func tilfoej(_ sti: String, _ tekst: String) throws {
            let data = Data(tekst.utf8)
            try arkiv.addEntry(with: sti, type: .file, uncompressedSize: Int64(data.count), modificationDate: fast,
                               compressionMethod: .deflate) { pos, stoerrelse in
                data.subdata(in: Int(pos)..<Int(pos) + stoerrelse)
            }
        }
        let navne = unikkeNavne(ark.map(\.navn))
        try tilfoej("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(ark.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
            </Types>
            """)
        try tilfoej("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try tilfoej("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(navne.enumerated().map { "<sheet name=\"\(xml($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined())</sheets>\
            </workbook>
            """)
        try tilfoej("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(ark.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
            <Relationship Id="rId\(ark.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        // Style 0 general, 1 bold header, 2 #,##0, 3 #,##0.00, 4 0.0 (built-in formats 3, 4 and a custom 164).
        try tilfoej("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            </styleSheet>
            """)
        for (i, a) in ark.enumerated() {
            var rows = "<row r=\"1\">" + a.overskrifter.enumerated().map { celle(.tekst($0.element), raekke: 1, kolonne: $0.offset, fed: true) }.joined() + "</row>"
            for (j, r) in a.raekker.enumerated() {
                rows += "<row r=\"\(j + 2)\">" + r.enumerated().map { celle($0.element, raekke: j + 2, kolonne: $0.offset) }.joined() + "</row>"
            }
            try tilfoej("xl/worksheets/sheet\(i + 1).xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
                <sheetData>\(rows)</sheetData></worksheet>
                """)
        }
        guard let data = arkiv.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func celle(_ c: Celle, raekke: Int, kolonne: Int, fed: Bool = false) -> String {
        let ref = "\(XLSXLaeser.kolonnebogstav(kolonne))\(raekke)"
        switch c {
        case .tom: return ""
        case .tekst(let s): return "<c r=\"\(ref)\" t=\"inlineStr\"\(fed ? " s=\"1\"" : "")><is><t xml:space=\"preserve\">\(xml(s))</t></is></c>"
        case .tal(let d, let f): return "<c r=\"\(ref)\" s=\"\(f == .standard ? 0 : f.rawValue)\"><v>\(d)</v></c>"
        }
    }

    static func xml(_ s: String) -> String {
        var ud = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": ud += "&amp;"
            case "<": ud += "&lt;"
            case ">": ud += "&gt;"
            case "\"": ud += "&quot;"
            default:
                // Control characters are not allowed in XML 1.0 (except tab and newlines).
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { continue }
                ud.unicodeScalars.append(c)
            }
        }
        return ud
    }

    /// Sheet names: at most 31 characters, none of []:*?/\, unique.
    static func unikkeNavne(_ navne: [String]) -> [String] {
        var brugt = Set<String>()
        return navne.map { raa in
            var n = String(raa.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if n.isEmpty { n = "Ark" }
            var kandidat = n, i = 2
            while brugt.contains(kandidat.lowercased()) { kandidat = String(n.prefix(28)) + " \(i)"; i += 1 }
            brugt.insert(kandidat.lowercased())
            return kandidat
        }
    }
}
