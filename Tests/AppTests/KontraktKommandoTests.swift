@testable import Web
import Filformater
import FluentKit
import Foundation
import Lager
import Takstregler
import XCTVapor

/// Issue "Kontrakter" as a user runs it on the command line: P/L rates imported and regulated,
/// notice and payment, aflastning; the stored rates and contracts audited, bad input refused.
final class KontraktKommandoTests: XCTestCase {
    let cli = Takstfilprogram()

    func fixtur() -> String {
        Bundle.module.url(forResource: "Fixtures/kontrakter/pl_satser_2024", withExtension: "csv")!.path
    }

    func testReguleringMedSatserneFraFilen() async throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        // A new installation holds the published 2023→2024 rates; importing the same file changes nothing.
        let imp = try cli.koer(["import", "pl-satser", fixtur(), "--db", db])
        XCTAssertEqual(imp.kode, 0, imp.fejl)
        XCTAssertTrue(imp.ud.hasSuffix("4 P/L-satser: 0 nye, 0 ændrede, 4 uændrede.\nTegnsæt: UTF-8.\n"), imp.ud)

        let k = try cli.koer(["kontrakt", "reguler", "--pris", "1000", "--fra-aar", "2023", "--til-aar", "2024", "--leverandoer", "kommunal", "--db", db])
        XCTAssertEqual(k.kode, 0, k.fejl)
        XCTAssertTrue(k.ud.hasPrefix("1.000,00 kr. (2023) reguleret til 2024 (kommunal leverandør): 1.039,00 kr.\n"), k.ud)
        let j = try cli.koer(["kontrakt", "reguler", "--pris", "1000", "--fra-aar", "2023", "--til-aar", "2024", "--leverandoer", "kommunal",
                              "--format", "json", "--db", db])
        XCTAssertTrue(j.ud.contains("\"reguleret_pris\":1039.00"), j.ud)
        let r = try cli.koer(["kontrakt", "reguler", "--pris", "1000", "--fra-aar", "2023", "--til-aar", "2024", "--leverandoer", "regional",
                              "--format", "json", "--db", db])
        XCTAssertTrue(r.ud.contains("\"reguleret_pris\":1032.00"), r.ud)
        XCTAssertTrue(r.ud.contains("\"reference\":\"004:1484-1486\""), r.ud)

        // A rate year missing, a negative price: Danish, naming the field.
        let mangler = try cli.koer(["kontrakt", "reguler", "--pris", "1000", "--fra-aar", "2023", "--til-aar", "2025", "--leverandoer", "kommunal", "--db", db])
        XCTAssertEqual(mangler.kode, 1)
        XCTAssertEqual(mangler.fejl, "Fejl: til_aar: der mangler en P/L-sats (KL, generelt P/L-skøn (samlede udgifter inkl. overførsler)) til 2024–2025; importér satserne med 'takstfil import pl-satser FIL'\n")
        let negativ = try cli.koer(["kontrakt", "reguler", "--pris=-5", "--fra-aar", "2023", "--til-aar", "2024", "--leverandoer", "kommunal", "--db", db])
        XCTAssertEqual(negativ.fejl, "Fejl: pris: prisen må ikke være negativ (fik -5)\n")

        // The midtvejsregulering: a changed rate replaces the old one, with before and after in the log.
        let ny = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: ny) }
        try "kilde;art;aar_fra;aar_til;procent;reference\nKL (økonomiaftalen);samlede udgifter inkl. overførsler;2023;2024;4,0;midtvejs\nKL (økonomiaftalen);samlede udgifter inkl. overførsler;2024;2025;2,5;ØA25\n"
            .write(toFile: ny, atomically: true, encoding: .utf8)
        let aendret = try cli.koer(["import", "pl-satser", ny, "--db", db])
        XCTAssertTrue(aendret.ud.hasSuffix("2 P/L-satser: 1 nye, 1 ændrede, 0 uændrede.\nTegnsæt: UTF-8.\n"), aendret.ud + aendret.fejl)
        let kaede = try cli.koer(["kontrakt", "reguler", "--pris", "1000", "--fra-aar", "2023", "--til-aar", "2025", "--leverandoer", "kommunal",
                                  "--format", "json", "--db", db])
        // 1.000 × 1,040 = 1.040,00; × 1,025 = 1.066,00.
        XCTAssertTrue(kaede.ud.contains("\"reguleret_pris\":1066.00"), kaede.ud)
        let f = try Lagerforbindelse(.sqlite(sti: db))
        let log = try await f.lager.haendelser(Haendelsesfilter(entitet: "pl_sats")).haendelser
        await f.luk()
        let ret = try XCTUnwrap(log.first { $0.handling == "ret" })
        XCTAssertTrue(ret.foer?.contains("3.9") == true && ret.efter?.contains("4") == true, "\(ret)")
        XCTAssertEqual(log.filter { $0.handling == "opret" }.count, 1)

        // A bad file changes nothing.
        try "kilde;art;aar_fra;aar_til;procent;reference\nKL;serviceudgifter;2024;2025;4,2;x\nKL;ukendt;2024;2025;1;x\n".write(toFile: ny, atomically: true, encoding: .utf8)
        let afvist = try cli.koer(["import", "pl-satser", ny, "--db", db])
        XCTAssertEqual(afvist.kode, 1)
        XCTAssertTrue(afvist.fejl.contains("række 3, kolonne 'art'"), afvist.fejl)
        let service = try cli.koer(["kontrakt", "reguler", "--pris", "1", "--fra-aar", "2024", "--til-aar", "2025", "--leverandoer", "kommunal", "--db", db])
        XCTAssertEqual(service.kode, 0, "the general rate 2024→2025 is there; the refused file added no service rate: \(service.fejl)")
    }

    func testOpsigelseOgBetaling() throws {
        let a = try cli.koer(["kontrakt", "opsigelse", "--opsagt", "2024-03-10"])
        XCTAssertEqual(a.kode, 0, a.fejl)
        XCTAssertTrue(a.ud.contains("Sidste dag i opsigelsesperioden  2024-04-30"), a.ud)
        let b = try cli.koer(["kontrakt", "opsigelse", "--opsagt", "2024-03-10", "--betaling", "fortsætter 14 dage efter genbesættelse",
                              "--ny-borger", "2024-04-05", "--format", "json"])
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(b.ud.utf8)) as? [String: Any], b.ud + b.fejl)
        XCTAssertEqual(o["sidste_dag"] as? String, "2024-04-30")
        XCTAssertEqual(o["betaling_ophoerer"] as? String, "2024-04-19")
        let daarlig = try cli.koer(["kontrakt", "opsigelse", "--opsagt", "10-03-2024"])
        XCTAssertEqual(daarlig.fejl, "Fejl: opsagt: skriv datoen som åååå-mm-dd (fik '10-03-2024')\n")
        let foer = try cli.koer(["kontrakt", "opsigelse", "--opsagt", "2024-03-10", "--ny-borger", "2024-03-01"])
        XCTAssertTrue(foer.fejl.hasPrefix("Fejl: ny_borger: pladsen kan ikke være genbesat"), foer.fejl)
    }

    func testAflastningEfterRegionensRegel() throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try cli.koer(["migrate", "--db", db]).kode, 0)
        // Nordjylland bills granted døgn (003:739–741): 10 × 60 % × 2.000 = 12.000,00.
        let n = try cli.koer(["kontrakt", "aflastning", "--takst", "2000", "--bevilgede", "10", "--brugte", "7", "--region", "Nordjylland",
                              "--procent", "60", "--format", "csv", "--db", db])
        XCTAssertTrue(n.ud.hasSuffix("grundlag;doegn;doegntakst_kr;beloeb_kr\r\nbevilgede døgn;10;1200;12000\r\n"), n.ud + n.fejl)
        let ukendt = try cli.koer(["kontrakt", "aflastning", "--takst", "2000", "--bevilgede", "10", "--brugte", "7", "--region", "Syddanmark", "--aar", "2024", "--db", db])
        XCTAssertEqual(ukendt.fejl, "Fejl: grundlag: Syddanmark har ingen regel for aflastning 2024; angiv --grundlag bevilgede eller brugte\n")
    }

    func testKontraktGemmesSomVersionerUdenBorgerdata() async throws {
        let db = cli.midlertidigDB()
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try cli.koer(["migrate", "--db", db]).kode, 0)
        let f = try Lagerforbindelse(.sqlite(sti: db))
        _ = try await f.lager.opretOrganisation(Organisation(navn: "Aalborg Kommune", art: .kommune, region: "Nordjylland"), af: "test")
        var u = Kontraktudkast(reference: "AAK-17", koeber: "Aalborg Kommune", ean: "5798000000001", version: .udenforRammeaftale,
                               leverandoer: "Fjordly", leverandoertype: .kommunal, aftaltPris: 2500,
                               indsatser: [.init(paragraf: "SEL § 108", antal: 1, enhed: "døgn", start: "2024-02-01", opfoelgning: "2024-05-01")],
                               betaling: .helePerioden)
        let v1 = try await f.lager.gemKontrakt(u, organisation: "Aalborg Kommune", pris: 2500, prisaar: 2024, af: "test")
        u.aftaltPris = 2600
        let v2 = try await f.lager.gemKontrakt(u, organisation: "Aalborg Kommune", pris: 2600, prisaar: 2024, af: "test")
        XCTAssertEqual([v1.version, v2.version], [1, 2])
        let gemte = try await f.lager.kontrakter(organisation: "Aalborg Kommune")
        XCTAssertEqual(gemte.map(\.pris), [2600])
        // Invalid: nothing saved.
        u.reference = "0102031234"
        do { _ = try await f.lager.gemKontrakt(u, organisation: "Aalborg Kommune", pris: 2600, prisaar: 2024, af: "test"); XCTFail("CPR-lignende reference gemt") }
        catch let l as Valideringsfejlliste { XCTAssertEqual(l.fejl.map(\.felt), ["reference"]) }
        let antal = try await f.lager.kontrakter(organisation: "Aalborg Kommune").count
        XCTAssertEqual(antal, 1)
        let log = try await f.lager.haendelser(Haendelsesfilter(entitet: "kontrakt")).haendelser
        XCTAssertEqual(Set(log.map(\.handling)), ["opret", "ret"])
        await f.luk()
    }
}
