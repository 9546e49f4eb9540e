import Filformater
import Foundation
import Vapor

/// A CSV sent to an import form: a file (multipart) or the same rows pasted as text. One reading
/// for every import on the web, so each refuses an empty form and unreadable bytes alike, and each
/// reads UTF-8, UTF-16 and Windows-1252 files as Danish Excel saves them (`Tekstfil`).
struct Opload: Content {
    var fil: File?
    var csv: String?
    /// The review import's question (`s1` …); unused elsewhere.
    var spoergsmaal: String?

    /// The file's name and text, and for a file the sentence naming its character set for the
    /// receipt (" Tegnsæt: …", empty for pasted text); nil when neither a file nor text was sent.
    func indhold() throws -> (navn: String, tekst: String, tegnsaet: String)? {
        if let f = fil, f.data.readableBytes > 0 {
            let navn = f.filename.isEmpty ? "filen" : f.filename
            let (tekst, tegnsaet) = try Tekstfil.laes(Data(buffer: f.data), fil: navn)
            return (navn, tekst, " " + tegnsaet.kvittering)
        }
        let indsat = csv?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return indsat.isEmpty ? nil : ("indsat tekst", indsat, "")
    }
}
