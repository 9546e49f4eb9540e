import Foundation

/// A region's own list of målgrupper/specialer (DOMAIN.md 6.10: "Målgruppe lists differ per region
/// and per analysis: they are data, not a fixed enum"). Midtjylland's ledelsesinformation uses the
/// eight of `Maalgruppe` (6.6); Nordjylland's analyses use autisme, udadreagerende adfærd, selvskade …
public struct Maalgruppeliste: Sendable, Equatable {
    public struct Punkt: Sendable, Equatable {
        public let kode: String
        public let tekst: String
        public init(kode: String, tekst: String) {
            self.kode = kode
            self.tekst = tekst
        }
    }

    public let region: String
    public let punkter: [Punkt]
    public init(region: String, punkter: [Punkt]) {
        self.region = region
        self.punkter = punkter
    }

    /// A code: lower-case letters, digits and _ (used in files and URLs).
    public static func kode(_ raa: String) throws -> String {
        let k = raa.trimmingCharacters(in: .whitespaces)
        guard !k.isEmpty, k.count <= 40, k.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" }) else {
            throw Valideringsfejl(felt: "kode", besked: "'\(raa)' er ikke en kode; brug små bogstaver, tal og _ (fx udadreagerende)")
        }
        return k
    }

    /// Reads "autisme, Udadreagerende adfærd" (codes or texts, any case) into codes of this list;
    /// refuses any entry the list does not have, naming the list.
    public func fortolk(_ raa: String) throws -> [String] {
        var koder: [String] = []
        for del in raa.split(whereSeparator: { $0 == "," || $0 == ";" }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !del.isEmpty {
            guard let p = punkter.first(where: { $0.kode == del.lowercased() || $0.tekst.lowercased() == del.lowercased() }) else {
                throw Valideringsfejl(felt: "specialer", besked: punkter.isEmpty
                    ? "region \(region) har ingen målgruppeliste; opret den med takstfil maalgruppe opret"
                    : "'\(del)' er ikke på \(region)s målgruppeliste (\(punkter.map(\.kode).joined(separator: ", ")))")
            }
            if !koder.contains(p.kode) { koder.append(p.kode) }
        }
        return koder
    }

    public func tekst(_ kode: String) -> String { punkter.first { $0.kode == kode }?.tekst ?? kode }
}
