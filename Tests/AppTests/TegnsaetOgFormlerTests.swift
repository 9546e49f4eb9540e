import Filformater
import Foundation
import XCTest
import ZIPFoundation

/// Issue "Brugervenlighed" 1 through the command line: files as Danish Excel saves them (Windows-1252
/// CSV, UTF-16 "Unicode-tekst") and workbooks with formulas, each receipt saying what was read.
final class TegnsaetOgFormlerTests: XCTestCase {
    let cli = Takstfilprogram()

    func skriv(_ data: Data, _ navn: String) throws -> String {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(navn)").path
        try data.write(to: URL(fileURLWithPath: sti))
        return sti
    }

    func dump(_ db: String) throws -> String {
        let k = try cli.koer(["eksport", "--db", db])
        XCTAssertEqual(k.kode, 0, k.fejl)
        return k.ud
    }

    /// "CSV (semikolonsepareret)": Å (0xC5) and ø (0xF8) as single bytes, – (0x96) in 1252's own range.
    func testRegnskabGemtSomWindows1252() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        var data = Data("driftsherre;tilbud;aar;belaegning;regnskab_kr\r\n".utf8)
        data += Data("Viborg Kommune;".utf8) + Data([0xC5]) + Data("bjerg;2019;12,5;1.000.000\r\n".utf8)
        data += Data("Viborg Kommune;B".utf8) + Data([0xF8]) + Data("gely ".utf8) + Data([0x96]) + Data(" dag;2019;4;250000\r\n".utf8)
        XCTAssertNil(String(data: data, encoding: .utf8), "filen må ikke være gyldig UTF-8")
        let fil = try skriv(data, "regnskab-1252.csv")
        let k = try cli.koer(["import", "regnskab", fil, "--db", db, "--region", "Midtjylland"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.ud.contains("\(fil): 2 rækker (regnskab): 2 nye, 0 ændrede, 0 uændrede."), k.ud)
        XCTAssertTrue(k.ud.contains("Nye tilbud (2): Åbjerg (Viborg Kommune); Bøgely – dag (Viborg Kommune)"), k.ud)
        XCTAssertTrue(k.ud.hasSuffix("Tegnsæt: Windows-1252 (CSV semikolonsepareret).\n"), k.ud)
        XCTAssertEqual(k.fejl, "", "ingen fremdrift, når standard error ikke er en terminal")
        // The names are stored as the UTF-8 spelling: the same rows in UTF-8 change nothing.
        XCTAssertTrue(try dump(db).contains("Bøgely – dag"))
        let utf8 = try skriv(Data("driftsherre;tilbud;aar;belaegning;regnskab_kr\nViborg Kommune;Åbjerg;2019;12,5;1000000\nViborg Kommune;Bøgely – dag;2019;4;250000\n".utf8), "r.csv")
        let igen = try cli.koer(["import", "regnskab", utf8, "--db", db])
        XCTAssertTrue(igen.ud.contains("2 rækker (regnskab): 0 nye, 0 ændrede, 2 uændrede."), igen.ud + igen.fejl)
        XCTAssertTrue(igen.ud.contains("Tegnsæt: UTF-8."), igen.ud)
    }

    /// "Unicode-tekst": UTF-16 LE with a BOM, tab-separated.
    func testRegnskabGemtSomUnicodeTekst() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        let tekst = "Driftsherre\tTilbud\tÅr\tBelægning\tRegnskab\r\nAarhus Kommune\tÅbo Ørnereden\t2019\t7,5\t2.500.000\r\n"
        let fil = try skriv(Data([0xFF, 0xFE]) + tekst.data(using: .utf16LittleEndian)!, "regnskab.txt")
        let k = try cli.koer(["import", "regnskab", fil, "--db", db, "--region", "Midtjylland"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.ud.contains("1 rækker (regnskab): 1 nye"), k.ud)
        XCTAssertTrue(k.ud.contains("Nye tilbud (1): Åbo Ørnereden (Aarhus Kommune)"), k.ud)
        XCTAssertTrue(k.ud.contains("Tegnsæt: UTF-16 (Unicode-tekst)."), k.ud)
        let r = try cli.koer(["rapport", "takstudvikling", "--fra", "2018", "--til", "2019", "--db", db, "--format", "csv"])
        XCTAssertTrue(r.ud.contains("Aarhus Kommune;"), r.ud)
        XCTAssertTrue(r.ud.contains(";7,5;2500000;"), r.ud)
    }

    /// One of the five bytes Windows-1252 does not define: refused naming file and byte, nothing stored.
    func testUdefineretByteAfvises() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        let hoved = "driftsherre;tilbud;aar;belaegning;regnskab_kr\n"
        let fil = try skriv(Data((hoved + "Viborg Kommune;B").utf8) + Data([0x81]) + Data("gely;2019;1;2\n".utf8), "ukendt.csv")
        let k = try cli.koer(["import", "regnskab", fil, "--db", db])
        XCTAssertEqual(k.kode, 1)
        let position = hoved.utf8.count + "Viborg Kommune;B".utf8.count + 1
        XCTAssertTrue(k.fejl.contains("\(fil): filen er hverken UTF-8, UTF-16 eller Windows-1252"), k.fejl)
        XCTAssertTrue(k.fejl.contains("byte \(position) er 0x81, som ikke findes i Windows-1252"), k.fejl)
        XCTAssertFalse(try dump(db).contains("Viborg Kommune"))
    }

    /// A workbook as Excel saves it: `XLSXSkriver`'s sheet with cells turned into formulas, some with
    /// the value Excel saved, one (`uden`) without.
    func projektmappe(formler: [String: String]) throws -> Data {
        let pladsholder = { (ref: String) in XLSXSkriver.Celle.tekst("FORMEL:\(ref)") }
        let skabelon = try XLSXSkriver.skriv([XLSXSkriver.Ark(
            navn: "Regnskab", overskrifter: ["Driftsherre", "Tilbud", "År", "Belægning", "Regnskab"],
            raekker: [
                [.tekst("Viborg Kommune"), .tekst("Egely"), .tal(2019, .standard), .tal(10, .standard), .tal(100_000, .standard)],
                [.tekst("Viborg Kommune"), .tekst("Lindely"), .tal(2019, .standard), .tal(5, .standard), .tal(200_000, .standard)],
                [.tekst("Viborg Kommune"), .tekst("Skovly"), pladsholder("C4"), pladsholder("D4"), pladsholder("E4")],
            ])])
        var dele = try XLSXLaeser.dele(skabelon, fil: "skabelon.xlsx")
        var ark = String(decoding: dele["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        for (ref, celle) in formler {
            let gammel = "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">FORMEL:\(ref)</t></is></c>"
            XCTAssertTrue(ark.contains(gammel), ark)
            ark = ark.replacingOccurrences(of: gammel, with: "<c r=\"\(ref)\">\(celle)</c>")
        }
        dele["xl/worksheets/sheet1.xml"] = Data(ark.utf8)
        let arkiv = try Archive(data: Data(), accessMode: .create)
        for (sti, data) in dele.sorted(by: { $0.key < $1.key }) {
            try arkiv.addEntry(with: sti, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, n in
                data.subdata(in: Int(pos)..<Int(pos) + n)
            }
        }
        return try XCTUnwrap(arkiv.data)
    }

    func testFormlerLaesesVedDerasGemteVaerdi() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        let fil = try skriv(try projektmappe(formler: [
            "C4": "<f>C3</f><v>2019</v>", "D4": "<f>D2+D3</f><v>15</v>", "E4": "<f>SUM(E2:E3)</f><v>300000</v>",
        ]), "formler.xlsx")
        let k = try cli.koer(["import", "takstfil", fil, "--db", db, "--region", "Midtjylland"])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.ud.contains("ark 'Regnskab': 3 rækker (regnskab): 3 nye"), k.ud)
        XCTAssertTrue(k.ud.hasSuffix("3 celler med formler er læst ud fra deres gemte værdi.\n"), k.ud)
        // Viborg's 2019: belægning 10 + 5 + 15, regnskab 100.000 + 200.000 + 300.000 — the saved values counted.
        let r = try cli.koer(["rapport", "takstudvikling", "--fra", "2018", "--til", "2019", "--db", db, "--format", "csv"])
        XCTAssertTrue(r.ud.contains("Viborg Kommune;") && r.ud.contains(";30;600000;"), r.ud)
    }

    func testFormelUdenGemtVaerdiAfvises() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        let fil = try skriv(try projektmappe(formler: [
            "C4": "<f>C3</f><v>2019</v>", "D4": "<f>D2+D3</f>", "E4": "<f>SUM(E2:E3)</f><v>300000</v>",
        ]), "uden.xlsx")
        let k = try cli.koer(["import", "takstfil", fil, "--db", db, "--region", "Midtjylland"])
        XCTAssertEqual(k.kode, 1, k.ud)
        XCTAssertTrue(k.fejl.contains("\(fil), ark 'Regnskab', række 4, kolonne 'D': cellen indeholder en formel uden gemt værdi"), k.fejl)
        XCTAssertFalse(try dump(db).contains("Viborg Kommune"))
    }
}
