import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Random (version 4) UUIDs for bulk imports. Foundation's `UUID()` opens, reads and closes
/// /dev/urandom for every id on Linux (perf: ~7 % of importing 120.000 belægning rows, two ids
/// per row); these come from the same source, 4 KB (256 ids) per read.
enum NyID {
    private static let laas = NSLock()
    nonisolated(unsafe) private static var buffer = [UInt8](repeating: 0, count: 4096)
    nonisolated(unsafe) private static var brugt = 4096

    static func lav() -> UUID {
        laas.withLock {
            if brugt + 16 > buffer.count {
                fyld()
                brugt = 0
            }
            var b = Array(buffer[brugt..<brugt + 16])
            brugt += 16
            b[6] = (b[6] & 0x0F) | 0x40 // version 4
            b[8] = (b[8] & 0x3F) | 0x80 // RFC 4122 variant
            return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        }
    }

    private static func fyld() {
        #if canImport(Glibc)
        let fd = open("/dev/urandom", O_RDONLY)
        if fd >= 0 {
            defer { close(fd) }
            var fyldt = 0
            while fyldt < buffer.count {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + fyldt, $0.count - fyldt) }
                if n > 0 { fyldt += n } else if n < 0 && errno == EINTR { continue } else { break }
            }
            if fyldt == buffer.count { return }
        }
        #endif
        var g = SystemRandomNumberGenerator()
        buffer.withUnsafeMutableBytes { r in
            for i in stride(from: 0, to: r.count, by: 8) { r.storeBytes(of: g.next() as UInt64, toByteOffset: i, as: UInt64.self) }
        }
    }
}
