import Foundation
import Takstregler

/// Reads the `;`-separated fixture copies shipped with the tests (from shared/fixtures).
struct FixtureCSV {
    let raekker: [[String: String]]

    init(_ navn: String) throws {
        let url = Bundle.module.url(forResource: "Fixtures/\(navn)", withExtension: "csv")!
        let tekst = try String(contentsOf: url, encoding: .utf8)
        let linjer = tekst.split(whereSeparator: \.isNewline).map(String.init)
        let hoved = linjer[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        raekker = linjer.dropFirst().map { linje in
            let felter = linje.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(hoved, felter))
        }
    }
}

extension Dictionary where Key == String, Value == String {
    func tal(_ noegle: String) throws -> Decimal { try DanskTal.fortolk(self[noegle]!) }
}

extension FixtureCSV {
    /// Rows of a `;`-separated text keyed by the header.
    static func raekker(_ tekst: String) -> [[String: String]] {
        let linjer = tekst.split(whereSeparator: \.isNewline).map(String.init)
        let hoved = linjer[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        return linjer.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(hoved, $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init))) }
    }
}
