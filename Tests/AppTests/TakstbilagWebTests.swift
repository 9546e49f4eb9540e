@testable import Web
import Filformater
import FluentKit
import Foundation
import Lager
import Takstregler
import XCTVapor

/// Issue "Brugervenlighed" 5: the secretariat's overview of next year's reporting against the
/// deadline, and the takstbilag (next year beside last year, change, flags), page, CSV and XLSX.
final class TakstbilagWebTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    func niveau(_ navn: String, _ aar: Int, _ omkostninger: Decimal) -> Takstniveau { m.niveau(navn, aar: aar, omkostninger: omkostninger) }

    func gennem(_ id: UUID, til slut: Status, begrundelse: String? = nil) async throws {
        for s in [Status.indsendt, .godkendt, .offentliggjort] {
            try await m.lager.skiftStatus(niveauID: id, til: s, af: "test", begrundelse: s == .indsendt ? begrundelse : nil,
                                          beslutning: s == .godkendt ? Beslutning(organ: "FU", dato: "2026-01-01", punkt: "1", tekst: "test") : nil)
            if s == slut { break }
        }
    }

    func testTakstbilagMarkererOverGraensenUdenBegrundelse() async throws {
        let l = m.lager, aar = m.naesteAar
        // Last year: A and B published at 700.000 kr. over 2 places at 95 % (1.009 kr./døgn).
        for navn in ["Takst A", "Takst B"] {
            try await gennem(try await l.gemTakstniveau(tilbudID: m.toftehoej, niveau: niveau(navn, aar - 1, 700_000), af: "test").id, til: .offentliggjort)
        }
        // Next year A rises 14,3 % (800.000), submitted while the region's threshold was 50 %; B rises 1,4 %.
        try await l.saetParameter(aar: aar, region: "Nordjylland", noegle: Parameternoegle.takstaendringsgraense, vaerdi: Decimal(50), af: "test")
        try await gennem(try await l.gemTakstniveau(tilbudID: m.toftehoej, niveau: niveau("Takst A", aar, 800_000), af: "test").id, til: .indsendt)
        try await gennem(try await l.gemTakstniveau(tilbudID: m.toftehoej, niveau: niveau("Takst B", aar, 710_000), af: "test").id, til: .godkendt)
        // The threshold back at 5 %: A is now above it without a begrundelse.
        try await l.saetParameter(aar: aar, region: "Nordjylland", noegle: Parameternoegle.takstaendringsgraense, vaerdi: Decimal(5), af: "test")

        let poster = try await l.takstbilag(aar: aar)
        XCTAssertEqual(poster.map(\.post.niveau.navn), ["Takst A", "Takst B"], "every submitted takst, no draft (Aalborg's kladde is not listed)")
        // 800.000 / (2 × 365 × 0,95) = 1.153,52 → 1.154; 700.000 → 1.009,39 → 1.009; 1.154 / 1.009 − 1 = 14,37 %.
        XCTAssertEqual(poster[0].post.takst, 1154)
        XCTAssertEqual(poster[0].post.sidsteAarsTakst, 1009)
        XCTAssertEqual(afrundet(poster[0].linje.aendringPct!, decimaler: 1), Decimal(string: "14.4"))
        XCTAssertEqual(poster[0].linje.flag, [.overGraensenUdenBegrundelse(pct: poster[0].linje.aendringPct!, graense: 5)])
        XCTAssertEqual(poster[1].linje.flag, [], "1,4 % is under the threshold")
        XCTAssertEqual(poster[1].status, .godkendt)

        let sek = try await m.klient(rolle: "sekretariat")
        let side = try await sek.get("/sekretariat/takstbilag")
        XCTAssertEqual(side.status, .ok)
        let html = side.body.string
        XCTAssertTrue(html.contains("ændring 14,4 % er over 5 % uden begrundelse"), html)
        XCTAssertTrue(html.contains("2 takster; 1 markeret til opmærksomhed"), html)
        XCTAssertFalse(html.contains("Hemmelig kladde"))
        let xlsx = try await sek.get("/sekretariat/takstbilag?format=xlsx")
        let ark = try XLSXLaeser.laes(Data(buffer: xlsx.body), fil: "takstbilag.xlsx")
        XCTAssertEqual(ark[0].raekker.count, 3)
        let afvist = try await m.klient(rolle: "driftsherre").get("/sekretariat/takstbilag")
        XCTAssertEqual(afvist.status, .forbidden)
    }

    func testOversigtModFristen() async throws {
        let l = m.lager, aar = m.naesteAar
        try await gennem(try await l.gemTakstniveau(tilbudID: m.toftehoej, niveau: niveau("Takst A", aar, 700_000), af: "test").id, til: .indsendt)
        let sek = try await m.klient(rolle: "sekretariat")
        // Before the deadline Aalborg (a draft only) is "i gang"; after it, over the deadline.
        try await l.saetFristTakster(aar: aar, region: "Nordjylland", dato: "\(aar + 1)-01-01", af: "test")
        var r = try await l.indberetningsoversigt(aar: aar, idag: "\(aar - 1)-10-02")
        XCTAssertEqual(r.map(\.driftsherre), ["Jammerbugt Kommune", "Aalborg Kommune"], "Danish order: aa is å, after z")
        XCTAssertEqual(r.map(\.tilstand), [.indsendt, .iGang])
        try await l.saetFristTakster(aar: aar, region: "Nordjylland", dato: "\(aar - 1)-10-01", af: "test")
        r = try await l.indberetningsoversigt(aar: aar, idag: "\(aar - 1)-10-02")
        XCTAssertEqual(r.map(\.tilstand), [.indsendt, .forsinket])
        XCTAssertEqual(r[1].udestaaende, ["Kildehuset"])
        let csv = try await sek.get("/sekretariat/oversigt?format=csv").body.string
        XCTAssertTrue(csv.contains("Aalborg Kommune;Nordjylland;1;0;1;0;\(aar - 1)-10-01;"), csv)
        XCTAssertTrue(csv.contains("Kildehuset;aalborg@test.dk"), "the accounts to remind: \(csv)")
    }
}
