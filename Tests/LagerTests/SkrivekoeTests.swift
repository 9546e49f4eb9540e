@testable import Lager
import XCTest

/// The import's write queue: writes in the order queued, at most two queued, and a refused write
/// stops the ones after it.
final class SkrivekoeTests: XCTestCase {
    actor Logbog {
        var linjer: [String] = []
        func skriv(_ s: String) { linjer.append(s) }
    }
    struct Afvist: Error, Equatable { let nummer: Int }

    /// Five writes of different lengths end in the order they were queued, one at a time.
    func testSkriverIDenRaekkefoelgeDeBlevKoeet() async throws {
        let koe = Skrivekoe(), log = Logbog()
        for i in 1...5 {
            try await koe.koe {
                await log.skriv("start \(i)")
                try await Task.sleep(nanoseconds: UInt64((6 - i) * 2_000_000))
                await log.skriv("slut \(i)")
            }
        }
        try await koe.afvent()
        let linjer = await log.linjer
        XCTAssertEqual(linjer, (1...5).flatMap { ["start \($0)", "slut \($0)"] })
    }

    /// With two writes queued (the first held back), queueing a third returns only once the first
    /// is in: the queue never holds more than two batches.
    func testHoejstToIKoe() async throws {
        let koe = Skrivekoe(), log = Logbog()
        let (signal, fortsaet) = AsyncStream<Void>.makeStream()
        try await koe.koe {
            for await _ in signal { break }
            await log.skriv("1 inde")
        }
        try await koe.koe { await log.skriv("2 inde") }
        let slipper = Task {
            try await Task.sleep(nanoseconds: 50_000_000)
            await log.skriv("1 sluppet")
            fortsaet.yield()
        }
        try await koe.koe { await log.skriv("3 inde") }
        let daKoeet = await log.linjer
        // The second may already be in too (it follows the first at once); the third is not yet.
        XCTAssertEqual(Array(daKoeet.prefix(2)), ["1 sluppet", "1 inde"], "the third was queued before the first write was in")
        XCTAssertFalse(daKoeet.contains("3 inde"))
        try await koe.afvent()
        try await slipper.value
        let linjer = await log.linjer
        XCTAssertEqual(linjer, ["1 sluppet", "1 inde", "2 inde", "3 inde"])
    }

    /// A refused write is thrown (by the next `koe` or by `afvent`), and no write queued after it runs.
    func testAfvistSkrivningStopperDeEfterfoelgende() async throws {
        let koe = Skrivekoe(), log = Logbog()
        try await koe.koe {
            await log.skriv("1")
            throw Afvist(nummer: 1)
        }
        try await koe.koe { await log.skriv("2") }
        do {
            try await koe.koe { await log.skriv("3") }
            try await koe.afvent()
            XCTFail("the refused write was not thrown")
        } catch let a as Afvist {
            XCTAssertEqual(a, Afvist(nummer: 1))
        }
        try? await koe.afvent()
        let linjer = await log.linjer
        XCTAssertEqual(linjer, ["1"])
    }
}
