@testable import Filformater
import Foundation
import Takstregler
import XCTest

/// The one clock counts days and years in Copenhagen, whatever the server's time zone, and a
/// date is a real `yyyy-MM-dd` date or nothing.
final class UrOgDatoerTests: XCTestCase {
    func testNytaarIKoebenhavnIkkeIUTC() throws {
        // 31 December 2025 at 23:30 UTC is already 1 January 2026 at 00:30 in Copenhagen.
        let utc = try XCTUnwrap(ISO8601DateFormatter().date(from: "2025-12-31T23:30:00Z"))
        let ur = Ur.fast(utc)
        XCTAssertEqual(ur.aar, 2026)
        XCTAssertEqual(ur.idag, "2026-01-01")
        // Midsummer: UTC+2, so 22:30 UTC is the next day too.
        let sommer = Ur.fast(try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-06-23T22:30:00Z")))
        XCTAssertEqual(sommer.idag, "2026-06-24")
    }

    func testUrFraMiljoe() throws {
        XCTAssertEqual(try Ur.fraMiljoe(["TAKSTFIL_IDAG": "2027-01-01"]).aar, 2027)
        XCTAssertEqual(try Ur.fraMiljoe(["TAKSTFIL_IDAG": "2027-01-01"]).idag, "2027-01-01")
        XCTAssertThrowsError(try Ur.fraMiljoe(["TAKSTFIL_IDAG": "1. januar 2027"])) { fejl in
            XCTAssertEqual((fejl as? Valideringsfejl)?.felt, "TAKSTFIL_IDAG")
        }
        // Without the variable it is the system clock (the year it gives is this year's).
        XCTAssertEqual(try Ur.fraMiljoe([:]).aar, Datoer.kalender.component(.year, from: Date()))
    }

    func testDatoer() throws {
        for ok in ["2026-02-28", "2024-02-29", "1990-01-01", "2100-12-31"] {
            XCTAssertTrue(Datoer.erDato(ok), ok)
            XCTAssertEqual(Datoer.tekst(try XCTUnwrap(Datoer.dato(ok))), ok)
        }
        for nej in ["2026-02-30", "2025-02-29", "2026-2-1", "2026-13-01", "26-01-01", "2026-01-01T00:00", "", "abcd-ef-gh"] {
            XCTAssertFalse(Datoer.erDato(nej), nej)
        }
        XCTAssertNil(Datoer.dato(""))
        XCTAssertTrue(Aarsinterval.erGyldigt(1990))
        XCTAssertFalse(Aarsinterval.erGyldigt(2101))
    }

    /// One JSON string writer: JSONEncoder's escapes, "/" only when asked.
    func testJSONTekstSomJSONEncoder() throws {
        let proever = ["Toftehøj", "a\"b\\c", "linje\nny\tfane\r", "kontrol\u{01}\u{08}\u{0C}\u{1F}", "sti/til", "emoji 👍",
                       // Escapes between multi-byte letters, at the start and at the end (the text is copied in runs).
                       "ø/å\"æ", "/Ærø\\👍\n", "👍/👍", "\u{1F}ø", "Å/"]
        for p in proever {
            let encoder = String(decoding: try JSONEncoder().encode([p]), as: UTF8.self)
            XCTAssertEqual("[" + JSONTekst.citer(p, skraastreg: true) + "]", encoder, p)
            XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(JSONTekst.citer(p).utf8)), p)
        }
        XCTAssertEqual(JSONTekst.citer("a/b"), "\"a/b\"")
    }

    /// The one import-reader loop: every refused row at once, a repeated key named with its first row.
    func testLaesAlleSamlerFejlOgDubletter() throws {
        let format = CSVTabel.Format(navn: "prøve", paakraevet: ["navn", "antal"], valgfri: [], synonymer: [:])
        let t = try CSVTabel(fil: "p.csv", tekst: "navn;antal\nA;1\nB;x\nA;3\n", format: format)
        struct Linje: Sendable { let navn: String; let antal: Decimal }
        XCTAssertThrowsError(try t.laesAlle(Raekkeformat<Linje>(format: format, talkolonner: ["antal"], laes: { t, r in
            Linje(navn: t.celle(r.celler, "navn"), antal: try t.tal(r, "antal")!)
        }, noegle: { r in Dubletnoegle(.tekst(r.navn)) }, noeglekolonne: "navn", dublet: { _, f in "står også i række \(f)" }))) { fejl in
            let l = (fejl as? Importfejlliste)?.fejl ?? []
            XCTAssertEqual(l.map(\.raekke), [3, 4], "\(fejl)")
            XCTAssertEqual(l.last?.besked, "står også i række 2")
        }
        let ok = try CSVTabel(fil: "p.csv", tekst: "navn;antal\nA;1\nB;2,5\n", format: format)
        let raekker = try ok.laesAlle(Raekkeformat<Decimal>(format: format, talkolonner: ["antal"], laes: { t, r in try t.tal(r, "antal")! },
                                                            noegle: { d in Dubletnoegle(.tekst("\(d)")) }, noeglekolonne: "antal",
                                                            dublet: { _, f in "\(f)" }))
        XCTAssertEqual(raekker, [1, Decimal(string: "2.5")!])
    }

    /// A key of two parts, repeated right after itself, later, and in another case: each found,
    /// with the first row (the check remembers the previous row's texts, then its lists).
    func testDubletterAfFlereDeleUansetStoreBogstaver() throws {
        let format = CSVTabel.Format(navn: "prøve", paakraevet: ["navn", "aar"], valgfri: [], synonymer: [:])
        let t = try CSVTabel(fil: "p.csv", tekst: "navn;aar\nA;1\nA;2\nA;2\na;1\nB;1\nb;2\nB;2\nÆble;1\næble;1\n", format: format)
        XCTAssertThrowsError(try t.laesAlle(Raekkeformat<[String]>(format: format, talkolonner: [], laes: { t, r in
            [t.celle(r.celler, "navn"), t.celle(r.celler, "aar")]
        }, noegle: { r in Dubletnoegle(.tekst(r[0]), .tekst(r[1])) }, noeglekolonne: "navn", dublet: { _, f in "står også i række \(f)" }))) { fejl in
            let l = (fejl as? Importfejlliste)?.fejl ?? []
            XCTAssertEqual(l.map(\.raekke), [4, 5, 8, 10], "\(fejl)")
            XCTAssertEqual(l.map(\.besked), ["står også i række 3", "står også i række 2", "står også i række 7", "står også i række 9"])
        }
    }

    /// Whole-number parts are compared as numbers (no text made): the same year twice is found,
    /// 0 is not an absent part, and a negative number (kept as text) still compares exactly.
    func testDubletnoegleMedTal() throws {
        let format = CSVTabel.Format(navn: "prøve", paakraevet: ["navn", "aar"], valgfri: [], synonymer: [:])
        let t = try CSVTabel(fil: "p.csv", tekst: "navn;aar\nA;2024\nA;2025\nA;0\nA;-1\nB;2024\na;2025\nA;-1\nA;1\n", format: format)
        struct Linje: Sendable { let navn: String; let aar: Int }
        XCTAssertThrowsError(try t.laesAlle(Raekkeformat<Linje>(format: format, talkolonner: [], laes: { t, r in
            Linje(navn: t.celle(r.celler, "navn"), aar: Int(t.celle(r.celler, "aar"))!)
        }, noegle: { r in Dubletnoegle(.tekst(r.navn), .tal(r.aar)) }, noeglekolonne: "aar",
        dublet: { r, f in "\(r.navn) \(r.aar) står også i række \(f)" }))) { fejl in
            let l = (fejl as? Importfejlliste)?.fejl ?? []
            XCTAssertEqual(l.map(\.raekke), [7, 8], "\(fejl)")
            XCTAssertEqual(l.map(\.besked), ["a 2025 står også i række 3", "A -1 står også i række 5"])
            XCTAssertEqual(l.map(\.kolonne), ["aar", "aar"])
        }
        // Absent parts and a part that is 0 are different keys.
        var d = Dubletter()
        XCTAssertNil(d.kontroller(Dubletnoegle(.tekst("A")), raekke: 2))
        XCTAssertNil(d.kontroller(Dubletnoegle(.tekst("A"), .tal(0)), raekke: 3))
        XCTAssertEqual(d.kontroller(Dubletnoegle(.tekst("a"), .tal(0)), raekke: 4), 3)
    }
}
