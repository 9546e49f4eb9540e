import Foundation
@testable import Takstregler
import Filformater
import XCTest

/// DOMAIN.md 6.1 "Takster change during a year" and "Provisional takster": which period applies on a
/// date, for a citizen enrolled on a date (fixture `oesterskoven_taksthistorik_2022_2024.csv`).
final class TakstperiodeTests: XCTestCase {
    struct Version { let niveau: Takstniveau; let takst: Decimal }

    /// Østerskoven EH's four periods as the fixture gives them; the 2024 takst only for citizens
    /// enrolled from 1 January 2024 (the question of the issue; 002:918–920 has the same rule).
    func oesterskoven() throws -> [Version] {
        let f = try FixtureCSV("oesterskoven_taksthistorik_2022_2024")
        return try f.raekker.map { r in
            let fra = r["gyldig_fra"]!
            let aar = Int(fra.prefix(4))!
            let n = Takstniveau(navn: "EH", aar: aar, grundlag: Takstgrundlag(omkostninger: [Omkostningslinje(.oevrige, 1)],
                                pladser: try r.tal("pladser"), belaegningsprocent: try r.tal("belaegningsprocent")),
                                status: .offentliggjort, gyldigFra: fra, kunForIndskrevetFra: aar == 2024 ? "2024-01-01" : nil)
            return Version(niveau: try n.medKontrolleretPeriode(), takst: try r.tal("doegntakst_kr"))
        }
    }

    func testTakstenPaaEnDato() throws {
        let v = try oesterskoven()
        func takst(_ d: String, _ e: String? = nil) -> Decimal? { Takstperioder.gaeldende(v, dato: d, indskrevet: e, \.niveau)?.takst }
        XCTAssertEqual(takst("2022-03-01"), 5077)
        XCTAssertEqual(takst("2022-06-30"), 5077)
        XCTAssertEqual(takst("2022-07-01"), 5561)
        XCTAssertEqual(takst("2022-08-01"), 5561)
        XCTAssertEqual(takst("2023-06-01"), 5887)
        XCTAssertEqual(takst("2024-06-01"), 6534)
        XCTAssertNil(takst("2021-12-31"), "ingen takst før den første periode")
        // Enrolled before the 2024 takst's date: keeps 2023's; enrolled on or after it: the new one.
        XCTAssertEqual(takst("2024-06-01", "2023-05-01"), 5887)
        XCTAssertEqual(takst("2024-06-01", "2024-01-01"), 6534)
        XCTAssertEqual(takst("2023-06-01", "2023-05-01"), 5887)
        // Takstudvikling January 2022 → January 2024: 5.077 → 6.534 = +28,7 %.
        let pct = try Takstperioder.udviklingPct(fra: takst("2022-01-01")!, til: takst("2024-01-01")!)
        XCTAssertEqual(DanskTal.formater(pct, decimaler: 1), "28,7")
        XCTAssertThrowsError(try Takstperioder.udviklingPct(fra: 0, til: 1))
    }

    /// A correction replaces its own period's version, never another period's; the timeline is in date order.
    func testRettelseErstatterKunSinEgenPeriode() throws {
        var v = try oesterskoven()
        var rettet = v[1].niveau
        rettet.version = 5
        v.append(Version(niveau: rettet, takst: 5600))
        let perioder = Takstperioder.perioder(v, \.niveau)
        XCTAssertEqual(perioder.map(\.takst), [5077, 5600, 5887, 6534])
        XCTAssertEqual(Takstperioder.gaeldende(v, dato: "2022-03-01", \.niveau)?.takst, 5077)
        XCTAssertEqual(Takstperioder.gaeldende(v, dato: "2022-08-01", \.niveau)?.takst, 5600)
    }

    /// MH (002:2833–2842): the provisional 5.299 from 1 January 2024 and the final 5.599 from 1 March;
    /// both stay readable as their own periods.
    func testMidlertidigOgEndeligTakst() throws {
        let g = Takstgrundlag(omkostninger: [Omkostningslinje(.oevrige, 1)], pladser: 1, belaegningsprocent: 100)
        let v = [Version(niveau: Takstniveau(navn: "MH", aar: 2024, grundlag: g, status: .offentliggjort, midlertidig: true), takst: 5299),
                 Version(niveau: Takstniveau(navn: "MH", aar: 2024, grundlag: g, status: .offentliggjort, version: 2, gyldigFra: "2024-03-01"), takst: 5599)]
        let feb = Takstperioder.gaeldende(v, dato: "2024-02-01", \.niveau)
        XCTAssertEqual(feb?.takst, 5299)
        XCTAssertEqual(feb?.niveau.midlertidig, true)
        XCTAssertEqual(Takstperioder.gaeldende(v, dato: "2024-03-01", \.niveau)?.takst, 5599)
        XCTAssertEqual(Takstperioder.perioder(v, \.niveau).count, 2)
    }

    func testPeriodenKontrolleres() throws {
        let g = Takstgrundlag(omkostninger: [Omkostningslinje(.oevrige, 1)], pladser: 1, belaegningsprocent: 100)
        func fejl(_ n: Takstniveau) -> String? {
            do { _ = try n.medKontrolleretPeriode(); return nil } catch let v as Valideringsfejl { return "\(v.felt): \(v.besked)" } catch { return "\(error)" }
        }
        XCTAssertEqual(fejl(Takstniveau(navn: "A", aar: 2024, grundlag: g, gyldigFra: "2023-12-01")),
                       "gyldig_fra: gyldig fra (2023-12-01) skal ligge i takståret 2024")
        XCTAssertEqual(fejl(Takstniveau(navn: "A", aar: 2024, grundlag: g, gyldigFra: "2024-02-30")),
                       "gyldig_fra: skriv datoen som åååå-mm-dd (fik '2024-02-30')")
        XCTAssertEqual(fejl(Takstniveau(navn: "A", aar: 2024, grundlag: g, kunForIndskrevetFra: "1/2 2024")),
                       "kun_nye_fra: skriv datoen som åååå-mm-dd (fik '1/2 2024')")
        // 1 January is the same period as none, so both find the same record.
        XCTAssertNil(try Takstniveau(navn: "A", aar: 2024, grundlag: g, gyldigFra: "2024-01-01").medKontrolleretPeriode().gyldigFra)
        XCTAssertEqual(Takstperioder.standarddato(aar: 2024, idag: "2026-12-02"), "2024-12-31")
        XCTAssertEqual(Takstperioder.standarddato(aar: 2027, idag: "2026-12-02"), "2027-01-01")
        XCTAssertEqual(Takstperioder.standarddato(aar: 2026, idag: "2026-12-02"), "2026-12-02")
    }

    /// The period's keys are written only when set: a whole-year level encodes exactly as before.
    func testKodningUdenPeriodeUaendret() throws {
        let g = Takstgrundlag(omkostninger: [Omkostningslinje(.oevrige, 1)], pladser: 1, belaegningsprocent: 100)
        let k = JSONEncoder()
        k.outputFormatting = [.sortedKeys]
        let uden = String(decoding: try k.encode(Takstniveau(navn: "A", aar: 2024, grundlag: g)), as: UTF8.self)
        XCTAssertFalse(uden.contains("gyldigFra") || uden.contains("midlertidig") || uden.contains("kunForIndskrevetFra"), uden)
        let med = Takstniveau(navn: "A", aar: 2024, grundlag: g, gyldigFra: "2024-03-01", kunForIndskrevetFra: "2024-02-01", midlertidig: true)
        let data = try k.encode(med)
        XCTAssertEqual(try JSONDecoder().decode(Takstniveau.self, from: data), med)
        XCTAssertEqual(try JSONDecoder().decode(Takstniveau.self, from: Data(uden.utf8)), Takstniveau(navn: "A", aar: 2024, grundlag: g))
    }
}

/// The takstfil template carries a level's period and the part of a result kept inside the 5 % band,
/// so an export re-imports to the same basis; a wrong date is reported by file, row and column.
final class TakstfilskabelonPeriodeTests: XCTestCase {
    func testPeriodeOgBaandILaesesFraSkabelonen() throws {
        let tekst = """
            Driftsherre;Tilbud;År;Takstniveau;Pladser;Belægningsprocent;Personaleomkostninger;Reguleringsår;Over-/underskud til regulering;Inden for 5 %-båndet;Gyldig fra;Kun for borgere indskrevet fra
            Region Nordjylland;Østerskoven;2024;EH;14;90;30049866;2022;300000;500000;2024-01-01;2024-01-01
            Region Nordjylland;Østerskoven;2024;EH;14;90;30049866;;;;2024-07-01;
            """
        let r = try Takstfilskabelon.laesTakster(try CSVTabel(fil: "t.csv", tekst: tekst, format: Takstfilskabelon.format))
        XCTAssertEqual(r.map(\.niveau.periodestart), ["2024-01-01", "2024-07-01"])
        XCTAssertEqual(r[0].niveau.kunForIndskrevetFra, "2024-01-01")
        XCTAssertEqual(r[0].niveau.grundlag.reguleringer, [Regulering(regnskabsaar: 2022, overUnderskud: 300_000, indenforBaand: 500_000)])
        let forkert = tekst.replacingOccurrences(of: ";2024-07-01;", with: ";2023-07-01;")
        XCTAssertThrowsError(try Takstfilskabelon.laesTakster(try CSVTabel(fil: "t.csv", tekst: forkert, format: Takstfilskabelon.format))) { e in
            XCTAssertTrue("\(e)".contains("t.csv") && "\(e)".contains("række 3") && "\(e)".contains("Gyldig fra")
                          && "\(e)".contains("skal ligge i takståret 2024"), "\(e)")
        }
    }
}
