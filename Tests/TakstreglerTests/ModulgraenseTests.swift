import Foundation
import XCTest

/// The domain module must stay free of frameworks (docs/ARCHITECTURE.md): it imports Foundation
/// and nothing else, so an economist can read it and every front end can reuse it.
final class ModulgraenseTests: XCTestCase {
    func testTakstreglerImportererKunFoundation() throws {
        let rod = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Takstregler")
        let filer = FileManager.default.enumerator(at: rod, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(filer.count, 5)
        for fil in filer {
            let imports = try String(contentsOf: fil, encoding: .utf8).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("import ") || $0.hasPrefix("@testable import ") || $0.hasPrefix("@_exported import ") }
            for linje in imports {
                XCTAssertEqual(linje, "import Foundation", "\(fil.lastPathComponent): \(linje)")
            }
        }
    }
}
