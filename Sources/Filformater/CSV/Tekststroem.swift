import Crypto
import Foundation

/// A text file read in pieces (issue 17 part 4): memory stays the same whatever the file's size.
/// The character set is decided first (`Kodning.Bestemmer`, one pass that only checks bytes), then
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
        kodning = try Tekststroem.bestem(h, fil: fil, stykke: max(1, Swift.min(stykke, 1 << 18)))
        try h.close()
        guard let igen = FileHandle(forReadingAtPath: sti) else {
            throw Importfejl(fil: fil, besked: "filen findes ikke eller kan ikke læses")
        }
        handle = igen
        afkoder = Tekstafkoder(kodning, fil: fil, laengde: laengde)
    }

    deinit { try? handle.close() }

    /// The character set from a pass over the file through one buffer (a quarter megabyte, which
    /// stays in the core's cache), stopping as soon as the answer is known. A buffer per piece
    /// cost more than the check: a national belægning file's pass was 45 ms, mostly the kernel
    /// filling fresh pages (perf).
    static func bestem(_ h: FileHandle, fil: String, stykke: Int) throws -> Kodning {
        var bestemmer = Kodning.Bestemmer(fil: fil)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: stykke)
        defer { buffer.deallocate() }
        while true {
            let n = try laes(h.fileDescriptor, ind: UnsafeMutableRawBufferPointer(buffer), fil: fil)
            if n == 0 { return try bestemmer.slut() }
            if let kodning = try bestemmer.tilfoej(UnsafeBufferPointer(rebasing: buffer[..<n])) { return kodning }
        }
    }

    /// Fills `ind` from the file as far as it goes; the number of bytes read, 0 at the end.
    static func laes(_ fd: Int32, ind: UnsafeMutableRawBufferPointer, fil: String) throws -> Int {
        var n = 0
        while n < ind.count {
            let r = read(fd, ind.baseAddress! + n, ind.count - n)
            if r > 0 { n += r; continue }
            if r == 0 { break }
            if errno == EINTR { continue }
            throw Importfejl(fil: fil, besked: "filen kan ikke læses (\(String(cString: strerror(errno))))")
        }
        return n
    }

    /// The next piece of the file, read straight into the array that is handed on.
    static func laes(_ h: FileHandle, fil: String, _ antal: Int) throws -> [UInt8]? {
        let bytes = try [UInt8](unsafeUninitializedCapacity: antal) { ud, n in
            n = try laes(h.fileDescriptor, ind: UnsafeMutableRawBufferPointer(ud), fil: fil)
        }
        return bytes.isEmpty ? nil : bytes
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
