import XCTest
@testable import Takstregler

final class RammeaftaleTests: XCTestCase {
    /// DOMAIN.md 6.3: covered when *more than* 5 % of the places are used by other kommuner.
    func testGraensenErStriktOverFemProcent() throws {
        func vurder(_ andre: Decimal, ejerform: Tilbud.Ejerform = .kommunal) throws -> Rammeaftaleomfang.Vurdering {
            try Rammeaftaleomfang.vurder(driftsherre: "Viborg", ejerform: ejerform, forbrug: [
                .init(kommune: "Viborg", pladser: 100 - andre), .init(kommune: "Skive", pladser: andre / 2),
                .init(kommune: "Herning", pladser: andre / 2)])
        }
        XCTAssertFalse(try vurder(5).omfattet)
        XCTAssertTrue(try vurder(Decimal(string: "5.1")!).omfattet)
        XCTAssertEqual(try vurder(20).andelAndreKommunerPct, 20)
        XCTAssertFalse(try vurder(50, ejerform: .privat).omfattet)
        XCTAssertFalse(try vurder(50, ejerform: .selvejende).omfattet)
        XCTAssertTrue(try vurder(50, ejerform: .regional).omfattet)
        XCTAssertFalse(try Rammeaftaleomfang.vurder(driftsherre: "Viborg", ejerform: .kommunal, forbrug: []).omfattet)
        XCTAssertThrowsError(try Rammeaftaleomfang.vurder(driftsherre: "Viborg", ejerform: .kommunal,
                                                          forbrug: [.init(kommune: "Skive", pladser: -1)]))
    }
}
