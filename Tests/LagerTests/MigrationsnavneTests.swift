@testable import Lager
import XCTest

/// A migration's name is its row in `_fluent_migrations`: read without reflection, it must stay the
/// name Fluent gave it (`String(reflecting:)`), or every existing database would run it again.
final class MigrationsnavneTests: XCTestCase {
    func testNavneSomFluentsEgne() {
        let alle = Migrationer.alle
        XCTAssertEqual(alle.count, 28)
        for m in alle {
            XCTAssertEqual(m.name, String(reflecting: type(of: m)))
        }
        XCTAssertEqual(alle.first?.name, "Lager.M001_Organisationer")
        XCTAssertEqual(Set(alle.map(\.name)).count, alle.count)
    }
}
