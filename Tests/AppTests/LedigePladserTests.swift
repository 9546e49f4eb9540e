@testable import Web
import Foundation
import Lager
import Takstregler
import XCTVapor

/// Vacant places at a date (issue "Kapacitet" 2; 002:3982 "pr. 26. april 2023 4 ledige"): the
/// driftsherre reports for its own tilbud ("ukendt" allowed), bad values are refused with the
/// field, another's tilbud is 403, and the pladsoversigt shows the sum and the unknown.
final class LedigePladserTests: XCTestCase {
    var m: Webtestmiljoe!

    override func setUp() async throws { m = try await Webtestmiljoe() }
    override func tearDown() async throws { try await m.luk() }

    func testIndberetningOgPladsoversigt() async throws {
        try await m.lager.gemPladser(tilbudID: m.toftehoej, aar: 2023, type: .doegn, pladser: 10, af: "test")
        try await m.lager.gemPladser(tilbudID: m.kildehuset, aar: 2023, type: .doegn, pladser: 6, af: "test")
        let j = try await m.logInd("jammerbugt@test.dk")
        let side = try await j.get("/indberetning/ledige")
        XCTAssertEqual(side.status, .ok)
        XCTAssertTrue(side.body.string.contains("Toftehøj"))
        XCTAssertFalse(side.body.string.contains("Kildehuset"), "kun egne tilbud")
        let felt = "l_\(m.toftehoej.uuidString)"
        for (v, del) in [("-1", "negativt"), ("fire", "helt tal eller")] {
            let r = try await j.post("/indberetning/ledige", ["dato": "2023-04-26", felt: v])
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.body.string.contains(del), "\(v): \(r.body.string)")
        }
        let fremmed = try await j.post("/indberetning/ledige", ["dato": "2023-04-26", "l_\(m.kildehuset.uuidString)": "2"])
        XCTAssertEqual(fremmed.status, .forbidden)
        let ingen = try await m.lager.ledigePladser(paa: "2099-01-01")
        XCTAssertTrue(ingen.isEmpty, "intet gemt")
        let ok = try await j.post("/indberetning/ledige", ["dato": "2023-04-26", felt: "4"])
        XCTAssertEqual(ok.status, .seeOther, ok.body.string)
        let a = try await m.logInd("aalborg@test.dk")
        let ukendt = try await a.post("/indberetning/ledige", ["dato": "2023-04-20", "l_\(m.kildehuset.uuidString)": "ukendt"])
        XCTAssertEqual(ukendt.status, .seeOther)

        let foer = try await m.app.sendRequest(.GET, "/kapacitet?aar=2023&efter=driftsherre&ledige_pr=2023-04-25&format=csv").body.string
        XCTAssertTrue(foer.contains("Jammerbugt Kommune;1;10;0;10;0;0;1"), "før indberetningen: ukendt\n\(foer)")
        let csv = try await m.app.sendRequest(.GET, "/kapacitet?aar=2023&efter=driftsherre&ledige_pr=2023-04-26&format=csv").body.string
        XCTAssertTrue(csv.contains("Jammerbugt Kommune;1;10;0;10;0;4;0"), csv)
        XCTAssertTrue(csv.contains("Aalborg Kommune;1;6;0;6;0;0;1"), csv)
        XCTAssertTrue(csv.contains("I alt;2;16;0;16;0;4;1"), csv)
        let html = try await m.app.sendRequest(.GET, "/kapacitet?aar=2023&efter=driftsherre&ledige_pr=2023-04-26").body.string
        XCTAssertTrue(html.contains("Ledige pr. 26. april 2023"), html)
        let daarlig = try await m.app.sendRequest(.GET, "/kapacitet?aar=2023&ledige_pr=26-04-2023")
        XCTAssertEqual(daarlig.status, .badRequest)
    }
}
