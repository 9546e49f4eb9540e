import Crypto
import Foundation

/// A text file read in pieces (issue 17 part 4): memory stays the same whatever the file's size.
/// The character set is decided first (`Kodning.bestem`, one pass that only checks bytes), then
/// each piece is hashed (SHA-256 of the file's exact bytes, for the import's audit event) and
/// decoded to UTF-8 by `Tekstafkoder`. Errors name the file as the whole-file reading does.
public final class Tekststroem: @unchecked Sendable {
    public let fil: String
    public let kodning: Kodning
    public var tegnsaet: Tegnsaet { kodning.tegnsaet }
    /// Lowercase hex of the SHA-256 of every byte read, set when the end is reached.
    public private(set) var sha256: String?
    private let sti: String
    private let stykke: Int
    private var handle: FileHandle
    private var hasher = SHA256()
    private var afkoder: Tekstafkoder
    private var faerdig = false
    /// The file's size and the bytes read so far (for a progress line).
    public let laengde: Int
    public private(set) var laest = 0

    /// `stykke`: bytes per read (a megabyte by default; tests use a few bytes to cut characters).
    public init(sti: String, fil: String, stykke: Int = 1 << 20) throws {
        guard let h = FileHandle(forReadingAtPath: sti) else {
            throw Importfejl(fil: fil, besked: "filen findes ikke eller kan ikke læses")
        }
        self.fil = fil
        self.sti = sti
        self.stykke = max(1, stykke)
        let laengde = (try? h.seekToEnd()).map(Int.init) ?? 0
        self.laengde = laengde
        try? h.seek(toOffset: 0)
        kodning = try Kodning.bestem(fil: fil) { try Tekststroem.laes(h, fil: fil, max(4, stykke)) }
        try h.close()
        guard let igen = FileHandle(forReadingAtPath: sti) else {
            throw Importfejl(fil: fil, besked: "filen findes ikke eller kan ikke læses")
        }
        handle = igen
        afkoder = Tekstafkoder(kodning, fil: fil, laengde: laengde)
    }

    deinit { try? handle.close() }

    static func laes(_ h: FileHandle, fil: String, _ antal: Int) throws -> ArraySlice<UInt8>? {
        let data: Data?
        do { data = try h.read(upToCount: antal) } catch {
            throw Importfejl(fil: fil, besked: "filen kan ikke læses (\(error.localizedDescription))")
        }
        guard let data, !data.isEmpty else { return nil }
        return [UInt8](data)[...]
    }

    /// The next piece as UTF-8 bytes; nil at the end of the file (the hash is then final).
    public func naeste() throws -> [UInt8]? {
        guard !faerdig else { return nil }
        guard let bytes = try Tekststroem.laes(handle, fil: fil, stykke) else {
            faerdig = true
            var ud: [UInt8] = []
            try afkoder.slut(&ud)
            sha256 = Filaftryk.hex(hasher.finalize())
            return nil
        }
        laest += bytes.count
        bytes.withUnsafeBufferPointer { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return try afkoder.afkod(bytes)
    }
}

/// SHA-256 of bytes held in memory (the workbook and web paths), written as `Tekststroem` writes it.
public enum Filaftryk {
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ d: SHA256.Digest) -> String { d.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined() }
}
