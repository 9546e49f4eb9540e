import ArgumentParser
import Filformater
import Foundation

/// `--format table|csv|json` is an argument of every command that prints data.
extension Udformat: ExpressibleByArgument {}

/// Prints a JSON result in the chosen format: as it is for json, flattened for table and CSV.
func udskrivJSON(_ data: Data, _ format: Udformat) throws {
    switch format {
    case .json:
        udskriv(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines) + "\n")
    case .table, .csv:
        let v = try JSONDecoder().decode(JSONVaerdi.self, from: data)
        udskriv(Tabel(kolonner: ["felt", "vaerdi"], raekker: v.flad().map { [.tekst($0.0), $0.1] }).tekst(format))
    }
}
