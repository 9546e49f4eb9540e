import Foundation

/// The bytes of a text file as text, refused with a Danish message naming the file when they are
/// not text we can read (one decoding for every importer, the command line's and the fuzzer's).
public enum Tekstfil {
    public static func tekst(_ data: Data, fil: String) throws -> String {
        guard let s = String(data: data, encoding: .utf8) else {
            throw Importfejl(fil: fil, besked: "filen er ikke UTF-8 (gem den som 'CSV UTF-8' i Excel)")
        }
        return s
    }
}
