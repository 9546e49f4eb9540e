import Foundation

/// A contract price outside the rammeaftale regulated by the P/L rates from one year's level to a
/// later one (DOMAIN.md 6.12; 002:13117–13131). Each 1 January the price becomes the new agreed
/// price the leverandør announces by 15 December (002:13486–13496), so every step is rounded to
/// the øre and the next step starts from that figure: 1.000,00 kr. at 3,9 % becomes 1.039,00 kr.
public enum PLRegulering {
    public struct Trin: Equatable, Sendable {
        public let sats: PLSats
        public let foer: Kroner
        public let efter: Kroner
    }

    public struct Resultat: Equatable, Sendable {
        public let pris: Kroner
        public let fraAar: Int
        public let tilAar: Int
        public let leverandoer: Leverandoertype
        public let trin: [Trin]
        /// The price at the level of `tilAar`, to the øre.
        public var reguleretPris: Kroner { trin.last?.efter ?? pris }
        /// The whole change in percent (for the letter), unrounded.
        public var samletProcent: Decimal { pris == 0 ? 0 : (reguleretPris / pris - 1) * 100 }
    }

    public static func reguler(pris: Kroner, fraAar: Int, tilAar: Int, leverandoer: Leverandoertype, satser: PLSatser) throws -> Resultat {
        try Kontrol.ikkeNegativ(pris, felt: "pris", hvad: "prisen")
        guard afrundet(pris, decimaler: 2) == pris else {
            throw Valideringsfejl(felt: "pris", besked: "en kontraktpris angives i kroner og øre (højst to decimaler, fik \(DanskTal.formaterKort(pris)))")
        }
        guard Aarsinterval.erGyldigt(fraAar) else { throw Valideringsfejl(felt: "fra_aar", besked: "året skal ligge mellem 1990 og 2100 (fik \(fraAar))") }
        guard Aarsinterval.erGyldigt(tilAar) else { throw Valideringsfejl(felt: "til_aar", besked: "året skal ligge mellem 1990 og 2100 (fik \(tilAar))") }
        guard tilAar >= fraAar else {
            throw Valideringsfejl(felt: "til_aar", besked: "til-året (\(tilAar)) ligger før fra-året (\(fraAar)); en pris reguleres kun frem")
        }
        let type = leverandoer.satstype
        let mangler = (fraAar..<tilAar).map { $0 + 1 }.filter { satser.sats(type, til: $0) == nil }
        if !mangler.isEmpty {
            throw Valideringsfejl(felt: "til_aar", besked: "der mangler en P/L-sats (\(type.tekst)) til "
                + mangler.map { "\($0 - 1)–\($0)" }.joined(separator: ", ") + "; importér satserne med 'takstfil import pl-satser FIL'")
        }
        var trin: [Trin] = []
        var nu = pris
        for aar in (fraAar..<tilAar).map({ $0 + 1 }) {
            let s = satser.sats(type, til: aar)!
            let efter = afrundet(nu * (1 + s.procent / 100), decimaler: 2)
            trin.append(Trin(sats: s, foer: nu, efter: efter))
            nu = efter
        }
        return Resultat(pris: pris, fraAar: fraAar, tilAar: tilAar, leverandoer: leverandoer, trin: trin)
    }
}
