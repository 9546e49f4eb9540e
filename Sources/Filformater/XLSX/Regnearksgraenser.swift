import Foundation
import Takstregler

/// Limits on what a spreadsheet may be, so a hostile or broken file is refused before it costs
/// memory (issue "Import, eksport" 4). Set by environment variables, documented in the README.
public struct Regnearksgraenser: Sendable, Equatable {
    /// The file itself.
    public var maksFilbytes: Int
    /// All parts unpacked together (a zip bomb unpacks to far more than it weighs).
    public var maksUdpakketBytes: Int
    /// Cells across all sheets.
    public var maksCeller: Int

    public init(maksFilbytes: Int = 50 << 20, maksUdpakketBytes: Int = 200 << 20, maksCeller: Int = 2_000_000) {
        self.maksFilbytes = maksFilbytes
        self.maksUdpakketBytes = maksUdpakketBytes
        self.maksCeller = maksCeller
    }

    /// `TAKSTFIL_MAKS_FIL_MB`, `TAKSTFIL_MAKS_UDPAKKET_MB`, `TAKSTFIL_MAKS_CELLER`; defaults 50 MB,
    /// 200 MB and 2.000.000 cells. Also used for CSV files (the file size).
    public static func fraMiljoe(_ miljoe: [String: String] = ProcessInfo.processInfo.environment) -> Regnearksgraenser {
        var g = Regnearksgraenser()
        if let v = miljoe["TAKSTFIL_MAKS_FIL_MB"].flatMap(Int.init), v > 0 { g.maksFilbytes = v << 20 }
        if let v = miljoe["TAKSTFIL_MAKS_UDPAKKET_MB"].flatMap(Int.init), v > 0 { g.maksUdpakketBytes = v << 20 }
        if let v = miljoe["TAKSTFIL_MAKS_CELLER"].flatMap(Int.init), v > 0 { g.maksCeller = v }
        return g
    }

    public static func mb(_ bytes: Int) -> String {
        let v = Double(bytes) / 1_048_576
        return v >= 10 ? "\(Int(v.rounded())) MB" : String(format: "%.1f MB", v).replacingOccurrences(of: ".", with: ",")
    }
}
