import Foundation
import XCTest

/// The module graph of docs/ARCHITECTURE.md, read from the import lines of every source file.
/// Package.swift already refuses an undeclared dependency; this test also holds the modules to
/// what they may import of what is declared (Lager may see Vapor transitively, but must not use it).
final class ModulgraenseTests: XCTestCase {
    static let tilladt: [String: Set<String>] = [
        "Takstregler": ["Foundation"],
        "Filformater": ["Foundation", "FoundationXML", "Takstregler", "ZIPFoundation", "Crypto"],
        "Lager": ["Foundation", "Takstregler", "Filformater", "FluentKit", "FluentSQLiteDriver", "FluentPostgresDriver",
                  "SQLKit", "NIOCore", "NIOPosix", "NIOConcurrencyHelpers", "Logging"],
        "Udskrift": ["Foundation", "Takstregler", "Filformater", "Lager"],
        "Demo": ["Foundation", "Takstregler", "Filformater", "Lager"],
        "Web": ["Foundation", "Takstregler", "Filformater", "Lager", "Udskrift", "Vapor", "Fluent", "Plot", "Crypto", "Metrics", "Prometheus"],
    ]

    func testHvertModulImportererKunDetTilladte() throws {
        let kilder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        for (modul, tilladte) in Self.tilladt {
            let filer = FileManager.default.enumerator(at: kilder.appendingPathComponent(modul), includingPropertiesForKeys: nil)!
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            XCTAssertFalse(filer.isEmpty, modul)
            for fil in filer {
                let imports = try String(contentsOf: fil, encoding: .utf8).split(separator: "\n")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.hasPrefix("import ") || $0.hasPrefix("@testable import ") || $0.hasPrefix("@_exported import ") }
                    .map { String($0.split(separator: " ").last!) }
                for m in imports {
                    XCTAssertTrue(tilladte.contains(m), "\(modul)/\(fil.lastPathComponent) importerer \(m)")
                }
            }
        }
    }

    /// Process-wide mutable state is a `let`, a lock or an actor, never `nonisolated(unsafe)`.
    func testIngenUsikkerGlobalTilstand() throws {
        let kilder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let filer = FileManager.default.enumerator(at: kilder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(filer.count, 50)
        for fil in filer {
            let tekst = try String(contentsOf: fil, encoding: .utf8)
            XCTAssertFalse(tekst.contains("nonisolated(unsafe)"), fil.lastPathComponent)
        }
    }
}
