import Foundation

/// Danish number formats (DOMAIN.md 6.0): `1.234.567,89` in the interface and in CSV.
public enum DanskTal {
    /// Formats with thousands separator `.` and decimal comma, exactly `decimaler` places.
    public static func formater(_ vaerdi: Decimal, decimaler: Int = 2) -> String {
        let rundet = afrundet(vaerdi, decimaler: decimaler)
        let negativ = rundet < 0
        let absolut = negativ ? -rundet : rundet
        // Decimal's own description is locale-free and exact ("1234.5").
        let tekst = absolut.description
        let dele = tekst.split(separator: ".", omittingEmptySubsequences: false)
        let heltal = String(dele[0])
        var broek = dele.count > 1 ? String(dele[1]) : ""
        if broek.count < decimaler { broek += String(repeating: "0", count: decimaler - broek.count) }
        var grupper: [Substring] = []
        var slut = heltal.endIndex
        while slut > heltal.startIndex {
            let start = heltal.index(slut, offsetBy: -3, limitedBy: heltal.startIndex) ?? heltal.startIndex
            grupper.insert(heltal[start..<slut], at: 0)
            slut = start
        }
        let heltalsdel = grupper.joined(separator: ".")
        let fortegn = negativ && rundet != 0 ? "-" : ""
        return decimaler > 0 ? "\(fortegn)\(heltalsdel),\(broek)" : "\(fortegn)\(heltalsdel)"
    }

    /// Formats a plain (non-money) decimal with up to `maksDecimaler` places and no trailing zeros.
    public static func formaterKort(_ vaerdi: Decimal, maksDecimaler: Int = 2) -> String {
        var tekst = formater(vaerdi, decimaler: maksDecimaler)
        guard tekst.contains(",") else { return tekst }
        while tekst.hasSuffix("0") { tekst.removeLast() }
        if tekst.hasSuffix(",") { tekst.removeLast() }
        return tekst
    }

    /// Reads a number written the Danish way (`1.234,56`), the English way (`1234.56`) or plain.
    /// A lone `.` followed by exactly three digits (`618.526`) is refused as ambiguous: it is a
    /// thousands separator to a Dane and a decimal point to a program, and money must not guess.
    public static func fortolk(_ raa: String) throws -> Decimal {
        if let hurtig = hurtigt(raa) { return hurtig }
        var s = raa.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "\u{2212}", with: "-")
        if s.hasSuffix("%") { s.removeLast() }
        guard !s.isEmpty else { throw TalFejl.tom }
        let komma = s.filter { $0 == "," }.count
        let punktum = s.filter { $0 == "." }.count
        var normal: String
        if komma > 0 && punktum > 0 {
            // The later separator is the decimal one.
            let sidsteKomma = s.lastIndex(of: ",")!, sidstePunktum = s.lastIndex(of: ".")!
            if sidsteKomma > sidstePunktum {
                guard komma == 1 else { throw TalFejl.ugyldigt(raa) }
                normal = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            } else {
                guard punktum == 1 else { throw TalFejl.ugyldigt(raa) }
                normal = s.replacingOccurrences(of: ",", with: "")
            }
        } else if komma > 0 {
            guard komma == 1 else { throw TalFejl.ugyldigt(raa) }
            normal = s.replacingOccurrences(of: ",", with: ".")
        } else if punktum > 1 {
            try kontrollerTusindtalsgrupper(s, raa: raa)
            normal = s.replacingOccurrences(of: ".", with: "")
        } else if punktum == 1 {
            let efter = s.split(separator: ".", omittingEmptySubsequences: false)[1]
            let foer = s.split(separator: ".", omittingEmptySubsequences: false)[0]
            if efter.count == 3 && foer.trimmingCharacters(in: CharacterSet(charactersIn: "-+")).count > 0
                && efter.allSatisfy(\.isNumber) {
                throw TalFejl.tvetydigt(raa)
            }
            normal = s
        } else {
            normal = s
        }
        let tilladte = CharacterSet(charactersIn: "0123456789.-+")
        guard normal.unicodeScalars.allSatisfy({ tilladte.contains($0) }),
              normal.filter({ $0 == "-" || $0 == "+" }).count <= 1,
              !normal.dropFirst().contains("-"), !normal.dropFirst().contains("+"),
              normal.contains(where: \.isNumber),
              let tal = Decimal(string: normal, locale: Locale(identifier: "en_US_POSIX"))
        else { throw TalFejl.ugyldigt(raa) }
        return tal
    }

    /// The common case without separators to interpret — digits, an optional sign and at most one
    /// decimal comma — read without the general path's string work (imports read millions).
    private static func hurtigt(_ raa: String) -> Decimal? {
        var cifre = 0, komma = 0, sidste: UInt8 = 0
        for (i, b) in raa.utf8.enumerated() {
            switch b {
            case 0x30...0x39: cifre += 1
            case 0x2C: komma += 1; if i == 0 { return nil }
            case 0x2D where i == 0: break
            default: return nil
            }
            sidste = b
        }
        guard cifre > 0, komma <= 1, sidste != 0x2C else { return nil }
        return Decimaltekst.laes(raa, separator: 0x2C)
    }

    private static func kontrollerTusindtalsgrupper(_ s: String, raa: String) throws {
        let grupper = s.trimmingCharacters(in: CharacterSet(charactersIn: "-+")).split(separator: ".", omittingEmptySubsequences: false)
        guard let foerste = grupper.first, (1...3).contains(foerste.count),
              grupper.dropFirst().allSatisfy({ $0.count == 3 }) else { throw TalFejl.ugyldigt(raa) }
    }
}

public enum TalFejl: Error, Equatable, CustomStringConvertible {
    case tom
    case ugyldigt(String)
    case tvetydigt(String)

    public var description: String {
        switch self {
        case .tom: return "feltet er tomt"
        case .ugyldigt(let s): return "'\(s)' er ikke et tal"
        case .tvetydigt(let s):
            return "'\(s)' er tvetydigt (tusindtalsseparator eller decimalpunktum?) — skriv fx \(s.replacingOccurrences(of: ".", with: "")) eller \(s.replacingOccurrences(of: ".", with: ","))"
        }
    }
}
