import Foundation
import Takstregler

/// JSON in and out of the models (`takstfil model NAVN --input FILE.json`,
/// `takstfil socialtilsyn beregn --input FILE.json --format json`). Only value transformations:
/// the caller reads and writes the files.
public enum JSONKodning {
    /// Decodes `T`, turning Foundation's decoding errors into a Danish message naming the field.
    public static func dekod<T: Decodable>(_ type: T.Type, fra data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let fejl as DecodingError {
            throw oversat(fejl)
        }
    }

    /// Sorted keys and indentation, so output is stable and diffable.
    public static func kod<T: Encodable>(_ vaerdi: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(vaerdi)
    }

    static func sti(_ stier: [CodingKey]) -> String {
        var s = ""
        for k in stier {
            if let i = k.intValue { s += "[\(i + 1)]" } else { s += s.isEmpty ? k.stringValue : ".\(k.stringValue)" }
        }
        return s.isEmpty ? "json" : s
    }

    /// A decoding error in Danish, naming the field by its path (`omkostninger[2].beloeb`).
    public static func oversat(_ fejl: DecodingError) -> Valideringsfejl {
        switch fejl {
        case .keyNotFound(let noegle, let ctx):
            return Valideringsfejl(felt: sti(ctx.codingPath + [noegle]), besked: "feltet mangler")
        case .typeMismatch(let type, let ctx):
            return Valideringsfejl(felt: sti(ctx.codingPath), besked: "forkert type — forventede \(typenavn(type))")
        case .valueNotFound(let type, let ctx):
            return Valideringsfejl(felt: sti(ctx.codingPath), besked: "værdien mangler — forventede \(typenavn(type))")
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty {
                return Valideringsfejl(felt: "json", besked: "filen er ikke gyldig JSON")
            }
            return Valideringsfejl(felt: sti(ctx.codingPath), besked: "ugyldig værdi (\(ctx.debugDescription))")
        @unknown default:
            return Valideringsfejl(felt: "json", besked: "filen kunne ikke læses")
        }
    }

    static func typenavn(_ t: Any.Type) -> String {
        switch t {
        case is Decimal.Type, is Double.Type: return "et tal"
        case is Int.Type: return "et helt tal"
        case is String.Type: return "en tekst"
        case is Bool.Type: return "true eller false"
        default: return String(describing: t).hasPrefix("Array") ? "en liste" : "et objekt"
        }
    }
}
