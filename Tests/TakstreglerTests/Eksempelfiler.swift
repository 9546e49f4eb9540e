import Filformater
import Foundation
import XCTest
@testable import Takstregler

/// The example inputs in `eksempler/`, bundled with the tests so they decode exactly as shipped.
enum Eksempelfiler {
    static func data(_ navn: String) throws -> Data {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/eksempler/\(navn)", withExtension: "json"),
                                "eksempelfilen \(navn).json mangler i testbundtet")
        return try Data(contentsOf: url)
    }

    static func dekod<T: Decodable>(_ type: T.Type, _ navn: String) throws -> T {
        try JSONKodning.dekod(T.self, fra: data(navn))
    }

    /// The shipped `eksempler/` folder at the package root.
    static var mappe: URL? {
        let kandidat = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("eksempler")
        return FileManager.default.fileExists(atPath: kandidat.path) ? kandidat : nil
    }
}

/// The validation errors a call throws, flattened.
func valideringsfejl(_ blok: () throws -> Void) -> [Valideringsfejl] {
    do {
        try blok()
        return []
    } catch let f as Valideringsfejl {
        return [f]
    } catch let l as Valideringsfejlliste {
        return l.fejl
    } catch {
        return [Valideringsfejl(felt: "?", besked: "\(error)")]
    }
}

func d(_ s: String) -> Decimal { Decimal(string: s)! }
