import Filformater
import Foundation
import XCTest

/// Formula cells (issue "Brugervenlighed" 1): read by the value Excel saved with them, counted;
/// a formula without a saved value is refused naming sheet and cell.
final class RegnearksformlerTests: XCTestCase {
    /// A one-sheet workbook's parts around the given `<sheetData>` rows.
    static func dele(ark: String = "Regnskab", _ raekker: String) -> [String: Data] {
        [
            "xl/workbook.xml": Data("""
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(ark)" sheetId="1" r:id="rId1"/></sheets></workbook>
                """.utf8),
            "xl/_rels/workbook.xml.rels": Data("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>
                """.utf8),
            "xl/worksheets/sheet1.xml": Data("""
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(raekker)</sheetData></worksheet>
                """.utf8),
        ]
    }

    func testFormlerLaesesVedDerasGemteVaerdi() throws {
        let ark = try XLSXLaeser.laes(dele: Self.dele("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>\
            <row r="2"><c r="A2"><v>100.5</v></c><c r="B2"><v>2</v></c></row>\
            <row r="3"><c r="A3"><v>200</v></c><c r="B3"><f t="shared" ref="B3:B4" si="0">B2*2</f><v>4</v></c></row>\
            <row r="4"><c r="A4"><f>SUM(A2:A3)</f><v>300.5</v></c><c r="B4"><f t="shared" si="0"/><v>8</v></c></row>\
            <row r="5"><c r="A5" t="str"><f>"Å"&amp;"bjerg"</f><v>Åbjerg</v></c><c r="B5" t="b"><f>B4&gt;1</f><v>1</v></c></row>\
            <row r="6"><c r="A6" t="str"><f>""</f><v></v></c></row>
            """), fil: "f.xlsx")
        XCTAssertEqual(ark.count, 1)
        XCTAssertEqual(ark[0].formler, 6, "B3, A4, B4, A5, B5 og A6 (et tomt tekstresultat)")
        XCTAssertEqual(ark[0].raekker.map(\.celler), [["a", "b"], ["100,5", "2"], ["200", "4"], ["300,5", "8"], ["Åbjerg", "SAND"]])
        XCTAssertEqual(XLSXLaeser.formelkvittering(3), "3 celler med formler er læst ud fra deres gemte værdi.")
        XCTAssertEqual(XLSXLaeser.formelkvittering(1), "1 celle med en formel er læst ud fra sin gemte værdi.")
        XCTAssertNil(XLSXLaeser.formelkvittering(0))
        // Without formulas the count is 0.
        XCTAssertEqual(try XLSXLaeser.laes(dele: Self.dele("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), fil: "f.xlsx")[0].formler, 0)
    }

    func testFormelUdenGemtVaerdiAfvises() {
        let uden = [
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\"><f>SUM(A1:A2)</f></c></row>",
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\"><f>SUM(A1:A2)</f><v/></c></row>",
        ]
        for raekker in uden {
            do {
                _ = try XLSXLaeser.laes(dele: Self.dele(raekker), fil: "f.xlsx")
                XCTFail("formel uden gemt værdi læst")
            } catch let f as Importfejl {
                XCTAssertEqual(f.description, "f.xlsx, ark 'Regnskab', række 2, kolonne 'B': cellen indeholder en formel uden gemt værdi — åbn og gem filen i Excel, så resultatet gemmes, eller kopiér og indsæt cellen som værdi")
            } catch { XCTFail("\(error)") }
        }
        // A formula whose saved value is an error stays refused as an error cell.
        XCTAssertThrowsError(try XLSXLaeser.laes(dele: Self.dele("<row r=\"1\"><c r=\"A1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"), fil: "f.xlsx")) {
            XCTAssertTrue("\($0)".contains("cellen indeholder en fejl (#DIV/0!)"), "\($0)")
        }
    }
}
