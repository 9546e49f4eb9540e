@testable import Lager
import Takstregler
import XCTest

/// The hand-written basis encoder must write exactly what `JSONEncoder` (sorted keys) writes —
/// stored bases, audit events and dumps must not change with it — and read back to the same value.
final class GrundlagskoderTests: XCTestCase {
    func testSammeBytesSomJSONEncoder() throws {
        var g = SystemRandomNumberGenerator()  // a failing case is printed in full by the assertion
        let tegn: [String] = ["a", "Æ", "ø", "å", " ", "/", "\"", "\\", "\n", "\t", "\r", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}",
                              "\u{7F}", "€", "§", "%", "<", "&", "\u{2028}", "😀", "e\u{301}"]
        func tekst() -> String { (0..<Int.random(in: 0...12, using: &g)).map { _ in tegn.randomElement(using: &g)! }.joined() }
        func tal() -> Decimal {
            let heltal = Int64.random(in: -5_000_000_000...5_000_000_000, using: &g) >> Int64.random(in: 0...30, using: &g)
            return Decimal(sign: .plus, exponent: -Int.random(in: 0...6, using: &g), significand: Decimal(heltal))
        }
        let koder = JSONEncoder()
        koder.outputFormatting = [.sortedKeys]
        for _ in 0..<3_000 {
            let overhead: Overheadmetode = [.ingen, .procentAfDirekte(tal()), .bruttoandel(tal()), .beloeb(tal())].randomElement(using: &g)!
            let grundlag = Takstgrundlag(
                omkostninger: (0..<Int.random(in: 0...5, using: &g)).map { _ in
                    Omkostningslinje(Omkostningskategori.allCases.randomElement(using: &g)!, tal(), tekst: Bool.random(using: &g) ? tekst() : nil)
                },
                andreIndtaegter: (0..<Int.random(in: 0...2, using: &g)).map { _ in Indtaegtslinje(tekst: tekst(), beloeb: tal()) },
                overhead: overhead,
                reguleringer: (0..<Int.random(in: 0...2, using: &g)).map { _ in
                    Regulering(regnskabsaar: Int.random(in: 2000...2030, using: &g), overUnderskud: tal(), andel: tal(),
                               hensat: Bool.random(using: &g) ? tal() : nil, indenforBaand: Bool.random(using: &g) ? tal() : nil)
                },
                pladser: tal(), enhed: Takstenhed.allCases.randomElement(using: &g)!,
                enhederPrAar: Bool.random(using: &g) ? tal() : nil, belaegningsprocent: tal(),
                afrunding: Afrunding.allCases.randomElement(using: &g)!)
            let forventet = String(decoding: try koder.encode(grundlag), as: UTF8.self)
            let faaet = try Lagerkodning.json(grundlag)
            XCTAssertEqual(faaet, forventet)
            XCTAssertEqual(try JSONDecoder().decode(Takstgrundlag.self, from: Data(faaet.utf8)), grundlag)
            // The hand-written reader gives the same value, which writes the same text again.
            let laest = try XCTUnwrap(Grundlagskoder.hurtigt(faaet), faaet)
            XCTAssertEqual(laest, grundlag)
            XCTAssertEqual(try Lagerkodning.json(laest), forventet)
            if faaet != forventet { return }
        }
    }

    func testLaeserOgsaaAndenFormOgFalderTilbageVedFejl() throws {
        let med = #"""
            { "afrunding" : "oere", "andreIndtaegter":[], "belaegningsprocent": 95, "enhed":"doegn", "ukendt": [1, true, null],
              "omkostninger":[{"beloeb":618526.5,"kategori":"personale","tekst":"L\u00f8n \ud83d\ude00 \/ \"x\""}],
              "overhead":{"bruttoandel":{"_0":5.5}}, "pladser":2, "reguleringer":[{"andel":1,"hensat":null,"overUnderskud":-10,"regnskabsaar":2019}],
              "enhederPrAar": null }
            """#
        let g = try XCTUnwrap(Grundlagskoder.hurtigt(med))
        XCTAssertEqual(g, try JSONDecoder().decode(Takstgrundlag.self, from: Data(med.utf8)))
        XCTAssertEqual(g.omkostninger.first?.tekst, "Løn 😀 / \"x\"")
        XCTAssertEqual(g.overhead, Overheadmetode.bruttoandel(Decimal(string: "5.5")!))
        // Missing keys, wrong types and broken JSON are left to JSONDecoder, which gives its error.
        for daarlig in [#"{"afrunding":"oere"}"#, med.replacingOccurrences(of: "\"pladser\":2", with: "\"pladser\":\"2\""),
                        med.replacingOccurrences(of: "2019", with: "2019.5"), String(med.dropLast(3)), ""] {
            XCTAssertNil(Grundlagskoder.hurtigt(daarlig), daarlig)
            XCTAssertThrowsError(try Lagerkodning.fraJSON(daarlig) as Takstgrundlag)
        }
    }

    /// The codec cannot drift from the types: the stored fields of every type in a basis are pinned
    /// here, and a value with every field filled writes what JSONEncoder writes and reads back. A new
    /// field fails this test until the hand-written writer and reader (and this list) know it.
    func testKodekenKenderHvertFelt() throws {
        let fuld = Takstgrundlag(
            omkostninger: [Omkostningslinje(.personale, 1, tekst: "løn")], andreIndtaegter: [Indtaegtslinje(tekst: "salg", beloeb: 2)],
            overhead: .bruttoandel(3),
            reguleringer: [Regulering(regnskabsaar: 2022, overUnderskud: 4, andel: Decimal(string: "0.5")!, hensat: 5, indenforBaand: 6)],
            pladser: 7, enhed: .dag, enhederPrAar: 8, belaegningsprocent: 9, afrunding: .oere)
        func felter(_ v: Any) -> [String] { Mirror(reflecting: v).children.compactMap(\.label) }
        XCTAssertEqual(felter(fuld), ["omkostninger", "andreIndtaegter", "overhead", "reguleringer", "pladser", "enhed",
                                      "enhederPrAar", "belaegningsprocent", "afrunding"])
        XCTAssertEqual(felter(fuld.omkostninger[0]), ["kategori", "tekst", "beloeb"])
        XCTAssertEqual(felter(fuld.andreIndtaegter[0]), ["tekst", "beloeb"])
        XCTAssertEqual(felter(fuld.reguleringer[0]), ["regnskabsaar", "overUnderskud", "andel", "hensat", "indenforBaand"])
        // An exhaustive switch: a new overhead method does not compile here until it is added below.
        func pinnet(_ o: Overheadmetode) -> Bool {
            switch o { case .ingen, .procentAfDirekte, .bruttoandel, .beloeb: return true }
        }
        let koder = JSONEncoder()
        koder.outputFormatting = [.sortedKeys]
        for overhead in [Overheadmetode.ingen, .procentAfDirekte(1), .bruttoandel(2), .beloeb(3)] where pinnet(overhead) {
            var g = fuld
            g.overhead = overhead
            let forventet = String(decoding: try koder.encode(g), as: UTF8.self)
            XCTAssertEqual(try Lagerkodning.json(g), forventet)
            XCTAssertEqual(Grundlagskoder.hurtigt(forventet), g)
        }
    }
}
