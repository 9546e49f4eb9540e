import Filformater
import Foundation
import Vapor

/// A CSV sent to an import form: a file (multipart) or the same rows pasted as text. One reading
/// for every import on the web, so each refuses an empty form and a non-UTF-8 file alike.
struct Opload: Content {
    var fil: File?
    var csv: String?
    /// The review import's question (`s1` …); unused elsewhere.
    var spoergsmaal: String?

    /// The file's name and text; nil when neither a file nor text was sent.
    func indhold() throws -> (navn: String, tekst: String)? {
        if let f = fil, f.data.readableBytes > 0 {
            let navn = f.filename.isEmpty ? "filen" : f.filename
            return (navn, try Tekstfil.tekst(Data(buffer: f.data), fil: navn))
        }
        let indsat = csv?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return indsat.isEmpty ? nil : ("indsat tekst", indsat)
    }
}
