import Foundation

/// Checks a zip file's directory against its own length before ZIPFoundation sees it: the in-memory
/// archive traps (a crash, not an error) when an entry points past the end of the data — found by
/// `scripts/robusthed`. Every entry's local header and data must lie inside the file; ZIP64 (never
/// needed below the file limit) and multi-disk archives are refused.
enum Zipkontrol {
    static func kontroller(_ data: Data, fil: String) throws {
        let b = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func afvis(_ hvad: String) -> Importfejl {
            Importfejl(fil: fil, besked: "filen er ikke et gyldigt .xlsx-regneark (\(hvad))")
        }
        // The end-of-central-directory record: the last one within the final 64 KB + 22 bytes.
        guard b.count >= 22 else { throw afvis("afkortet") }
        var eocd = -1
        var i = b.count - 22
        while i >= max(0, b.count - 22 - 65_535) {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x05, b[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw afvis("afkortet eller beskadiget") }
        guard u16(eocd + 4) == 0, u16(eocd + 6) == 0 else { throw afvis("delt over flere filer") }
        let antal = u16(eocd + 10), stoerrelse = u32(eocd + 12), start = u32(eocd + 16)
        guard antal != 0xFFFF, stoerrelse != 0xFFFF_FFFF, start != 0xFFFF_FFFF else { throw afvis("ZIP64 understøttes ikke") }
        guard start + stoerrelse <= eocd else { throw afvis("zip-fortegnelsen peger uden for filen") }
        var p = start
        for _ in 0..<antal {
            guard p + 46 <= start + stoerrelse, u32(p) == 0x0201_4B50 else { throw afvis("zip-fortegnelsen er beskadiget") }
            let komprimeret = u32(p + 20), udpakket = u32(p + 24)
            let navn = u16(p + 28), ekstra = u16(p + 30), kommentar = u16(p + 32), lokal = u32(p + 42)
            guard komprimeret != 0xFFFF_FFFF, udpakket != 0xFFFF_FFFF, lokal != 0xFFFF_FFFF else { throw afvis("ZIP64 understøttes ikke") }
            guard lokal + 30 <= start, u32(lokal) == 0x0403_4B50 else { throw afvis("en del peger uden for filen") }
            let dataStart = lokal + 30 + u16(lokal + 26) + u16(lokal + 28)
            guard dataStart + komprimeret <= start else { throw afvis("en del rækker ud over filen") }
            p += 46 + navn + ekstra + kommentar
        }
        guard p <= start + stoerrelse else { throw afvis("zip-fortegnelsen er beskadiget") }
    }
}
