@testable import Filformater
import Foundation
import XCTest

/// A file streamed in pieces (issue 17 part 4) gives the same rows as the whole text read at
/// once, however the pieces cut it: through a multi-byte UTF-8 character, a UTF-16 surrogate
/// pair, a CR LF, a quoted field or a doubled quote; and its SHA-256 is that of its bytes.
final class StroemmetIndlaesningTests: XCTestCase {
    let tekst = "driftsherre;tilbud;aar;belaegning;regnskab_kr;maalgruppe\r\n"
        + "Viborg Kommune;Åbjerg – Bøgely € 𝄞;2019;12,5;1000000;psykisk_handicap\r\n"
        + "Viborg Kommune;\"Lindely; \"\"det gamle\"\"\nhus\";2019;3;2000000;\n"
        + "\n"
        + "Ærø Kommune;Ø-hjemmet;2020;1,25;300000;\r"
        + "Ærø Kommune;Åen;2020;2;400000;"

    func skriv(_ data: Data, _ navn: String) throws -> String {
        let sti = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(navn)").path
        try data.write(to: URL(fileURLWithPath: sti))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: sti) }
        return sti
    }

    func stroem(_ sti: String, stykke: Int, batch: Int) throws -> (raekker: [Indberetningsformat.Regnskabsraekke], kilde: CSVIndlaesning<Indberetningsformat.Regnskabsraekke>) {
        let kilde = try CSVIndlaesning(sti: sti, fil: "r.csv", format: Indberetningsformat.regnskabsraekker, batch: batch, stykke: stykke)
        var alle: [Indberetningsformat.Regnskabsraekke] = []
        while let b = try kilde.naeste() { alle += b }
        return (alle, kilde)
    }

    /// The splitter takes a run of plain bytes as a cell in place and goes byte by byte only
    /// around quotes and cut line ends: the same cells whatever the pieces, for a quote inside a
    /// plain field, blanks before an opening quote, text after a closing one, doubled quotes,
    /// empty cells, CR, CR LF and LF, and a last row without a line end.
    func testDelerensCellerUafhaengigeAfStykkerne() {
        let tekst = "h1;h2;h3\r\nab\"c;d;e\n  \"x;y\"z;w;\r\"\";\"a\"\"b\";\n;;\n\"l1\nl2\";Ø;€\rp;q;r"
        let forventet: [[String]] = [["h1", "h2", "h3"], ["ab\"c", "d", "e"], ["x;yz", "w", ""], ["", "a\"b", ""], ["", "", ""],
                                     ["l1\nl2", "Ø", "€"], ["p", "q", "r"]]
        let bytes = Array(tekst.utf8)
        for stykke in [1, 2, 3, 4, 5, 7, 11, bytes.count] {
            var deler = CSVDeler(fil: "t.csv")
            for start in stride(from: 0, to: bytes.count, by: stykke) {
                deler.tilfoej(Array(bytes[start..<min(start + stykke, bytes.count)]))
            }
            XCTAssertNil(deler.slut(), "stykke \(stykke)")
            let raekker = deler.tag()
            XCTAssertEqual(raekker.map(\.celler), forventet, "stykke \(stykke)")
            XCTAssertEqual(raekker.map(\.nummer), [1, 2, 3, 4, 5, 6, 8], "stykke \(stykke)")
        }
    }

    /// A long cell equal to the cell above is taken over; one that differs from it in any byte, in
    /// its length, or only matches a cell in another column is its own text (in every piece size).
    func testLangeCellerSomCellenOverGenbrugesKunNaarDeErEns() {
        let a = "Aktivitetshuset Lyngtoften 1", b = "Aktivitetshuset Lyngtoften 2", c = "Aktivitetshuset Lyngtoften 12"
        let k = "Albertslund Kommune"
        let forventet: [[String]] = [["driftsherre", "tilbud", "x"], [k, a, "1"], [k, a, "2"], [k, b, "3"], [k, c, a],
                                     [a, c, "4"], ["albertslund kommune", "\(a)x", "5"], [k, "", "6"], [k, a, "7"], [k, a]]
        let tekst = forventet.map { $0.joined(separator: ";") }.joined(separator: "\n")
        let bytes = Array(tekst.utf8)
        for stykke in [1, 3, 16, 17, 40, bytes.count] {
            var deler = CSVDeler(fil: "t.csv")
            for start in stride(from: 0, to: bytes.count, by: stykke) {
                deler.tilfoej(Array(bytes[start..<min(start + stykke, bytes.count)]))
            }
            XCTAssertNil(deler.slut(), "stykke \(stykke)")
            XCTAssertEqual(deler.tag().map(\.celler), forventet, "stykke \(stykke)")
        }
        // The comparison itself: only equal bytes of more than 15 give the string above.
        let over = "Albertslund Kommune"
        for (tekst, genbrugt) in [(over, true), ("Albertslund Kommunf", false), ("Albertslund Kommun", false), ("Albertslund Kommune ", false)] {
            let celle = Array(tekst.utf8).withUnsafeBufferPointer { CSVDeler.celle($0, over: over) }
            XCTAssertEqual(celle, tekst)
            XCTAssertEqual(celle.utf8.withContiguousStorageIfAvailable { $0.baseAddress } == over.utf8.withContiguousStorageIfAvailable { $0.baseAddress }, genbrugt, tekst)
        }
        XCTAssertEqual(Array("kort".utf8).withUnsafeBufferPointer { CSVDeler.celle($0, over: "kort") }, "kort")
    }

    func testUTF8SkaaretGennemEtFlerbyteTegnGiverSammeRaekker() throws {
        let hele = try Indberetningsformat.laesRegnskab(fil: "r.csv", tekst: tekst)
        XCTAssertEqual(hele.map(\.tilbud), ["Åbjerg – Bøgely € 𝄞", "Lindely; \"det gamle\"\nhus", "Ø-hjemmet", "Åen"])
        XCTAssertEqual(hele.map(\.raekke), [2, 3, 6, 7])
        let bytes = Data(tekst.utf8)
        // "Å" starts at a known offset: a piece of that length ends inside its two bytes, and 1–7
        // byte pieces cut every character, CR LF and quote somewhere.
        let aa = Array(bytes).firstIndex(of: 0xC3)!
        for medBOM in [false, true] {
            let sti = try skriv((medBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()) + bytes, "utf8.csv")
            for stykke in [1, 2, 3, 5, 7, aa + 1, 64, 1 << 20] {
                for batch in [1, 2, 1_000] {
                    let (raekker, kilde) = try stroem(sti, stykke: stykke, batch: batch)
                    XCTAssertEqual(raekker, hele, "stykke \(stykke), batch \(batch), BOM \(medBOM)")
                    XCTAssertEqual(kilde.tegnsaet, .utf8)
                }
            }
        }
    }

    func testWindows1252OgUTF16GiverSammeRaekkerSomHeleFilen() throws {
        let hele = try Indberetningsformat.laesRegnskab(fil: "r.csv", tekst: tekst)
        // Windows-1252 cannot write € as UTF-8 does nor 𝄞 at all: the same rows without that character.
        let cp = tekst.replacingOccurrences(of: " 𝄞", with: "")
        let cpBytes = Data(cp.unicodeScalars.map { s -> UInt8 in
            switch s { case "–": return 0x96; case "€": return 0x80; default: return UInt8(s.value) }
        })
        let forventet1252 = try Indberetningsformat.laesRegnskab(fil: "r.csv", tekst: try Tekstfil.tekst(cpBytes, fil: "r.csv"))
        XCTAssertEqual(forventet1252.first?.tilbud, "Åbjerg – Bøgely €")
        let sti1252 = try skriv(cpBytes, "cp1252.csv")
        let utf16 = Data([0xFF, 0xFE]) + tekst.data(using: .utf16LittleEndian)!
        let stiUTF16 = try skriv(utf16, "utf16.csv")
        for stykke in [1, 3, 4, 5, 1 << 20] {
            let (r1252, k1252) = try stroem(sti1252, stykke: stykke, batch: 2)
            XCTAssertEqual(r1252, forventet1252, "stykke \(stykke)")
            XCTAssertEqual(k1252.tegnsaet, .windows1252)
            let (r16, k16) = try stroem(stiUTF16, stykke: stykke, batch: 2)
            XCTAssertEqual(r16, hele, "stykke \(stykke)")
            XCTAssertEqual(k16.tegnsaet, .utf16)
        }
    }

    /// A byte Windows-1252 does not define, far into the file, is still named by its offset.
    func testUkendtByteNavngivesMedSinPlacering() throws {
        let foran = Data(("driftsherre;tilbud;aar;belaegning;regnskab_kr\n" + String(repeating: "Viborg;Egely;2019;1;2\n", count: 1)).utf8)
        let sti = try skriv(foran + Data("Viborg;B".utf8) + Data([0x81]) + Data("gely;2019;1;2\n".utf8), "ukendt.csv")
        XCTAssertThrowsError(try stroem(sti, stykke: 4, batch: 1)) { fejl in
            XCTAssertEqual((fejl as? Importfejl)?.besked.contains("byte \(foran.count + 9) er 0x81"), true, "\(fejl)")
        }
    }

    /// SHA-256 against the standard's vectors (FIPS 180-2) and a file's bytes.
    func testSHA256() throws {
        XCTAssertEqual(Filaftryk.sha256(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Filaftryk.sha256(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Filaftryk.sha256(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // `sha256sum` of these bytes: the streamed file's hash covers every byte, whatever the pieces.
        let bytes = Data("driftsherre;tilbud;aar;belaegning;regnskab_kr\nViborg Kommune;Egely;2019;10;1000000\n".utf8)
        let sti = try skriv(bytes, "r.csv")
        for stykke in [1, 7, 1 << 20] {
            let (raekker, kilde) = try stroem(sti, stykke: stykke, batch: 1)
            XCTAssertEqual(raekker.count, 1)
            XCTAssertEqual(kilde.sha256, "e24800764d82d15d1513866f8defa7e0b5f4ac2d8095f09e4a5fe9ae46903892")
        }
    }

    /// Every refused row is collected across batches, in row order; nothing is returned after.
    func testFejlSamlesOverBatcher() throws {
        var linjer = ["driftsherre;tilbud;aar;belaegning;regnskab_kr"]
        for i in 0..<50 { linjer.append("Viborg;T\(i);2019;\(i == 10 ? "ti" : "1");\(i == 45 ? "" : "2")") }
        linjer.append("Viborg;t3;2019;1;2")
        let sti = try skriv(Data(linjer.joined(separator: "\n").utf8), "r.csv")
        let kilde = try CSVIndlaesning(sti: sti, format: Indberetningsformat.regnskabsraekker, batch: 8, stykke: 100)
        var foerFejl = 0
        do {
            while let b = try kilde.naeste() { if !kilde.harFejl { foerFejl += b.count } }
            XCTFail("ikke afvist")
        } catch let l as Importfejlliste {
            XCTAssertEqual(l.fejl.map(\.raekke), [12, 47, 52])
            XCTAssertEqual(l.fejl.map(\.kolonne), ["belaegning", "regnskab_kr", "tilbud"])
            XCTAssertTrue(l.fejl[2].besked.contains("står også i række 5"), l.description)
        }
        XCTAssertEqual(foerFejl, 8, "the first batch came before the first refused row")
    }

    /// The first batch holds at most `foersteBatch` rows (the database starts on it sooner), the
    /// rest the batch size asked for; every row comes once, in the file's order.
    func testFoersteBatchErMindre() throws {
        var linjer = ["driftsherre;tilbud;aar;belaegning;regnskab_kr"]
        for i in 0..<5_000 { linjer.append("Viborg;T\(i);2019;1;\(i)") }
        let sti = try skriv(Data(linjer.joined(separator: "\n").utf8), "r.csv")
        for (batch, forventet) in [(4_096, [1_024, 3_976]), (2_000, [1_024, 2_000, 1_976]), (600, [600] + Array(repeating: 600, count: 7) + [200])] {
            let kilde = try CSVIndlaesning(sti: sti, format: Indberetningsformat.regnskabsraekker, batch: batch, stykke: 4_096)
            var stoerrelser: [Int] = [], tilbud: [String] = []
            while let b = try kilde.naeste() {
                stoerrelser.append(b.count)
                tilbud += b.map(\.tilbud)
            }
            XCTAssertEqual(stoerrelser, forventet, "batch \(batch)")
            XCTAssertEqual(tilbud, (0..<5_000).map { "T\($0)" }, "batch \(batch)")
        }
    }
}
