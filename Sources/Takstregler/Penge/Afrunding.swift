import Foundation

/// Money is `Decimal` kroner at full precision; only published figures are rounded (DOMAIN.md 6.0,
/// 003:1425 — Toftehøj's 891,89 is computed on 693,5 days, not the displayed 694).
public typealias Kroner = Decimal

/// How a published figure is rounded. Halves go away from zero, as in the sources' spreadsheets.
public enum Afrunding: String, Codable, Sendable, CaseIterable {
    /// Whole kroner — the default for published takster (DOMAIN.md 6.0).
    case heleKroner = "hele_kroner"
    /// Øre (two decimals) — where the source shows øre, e.g. Toftehøj.
    case oere

    public var decimaler: Int {
        switch self {
        case .heleKroner: return 0
        case .oere: return 2
        }
    }

    public func afrund(_ beloeb: Decimal) -> Decimal { afrundet(beloeb, decimaler: decimaler) }
}

/// Rounds half away from zero to `decimaler` places.
public func afrundet(_ vaerdi: Decimal, decimaler: Int) -> Decimal {
    if let r = EksaktDecimal.afrundet(vaerdi, decimaler: decimaler) { return r }  // same value, no allocation
    var ind = vaerdi
    var ud = Decimal()
    NSDecimalRound(&ud, &ind, decimaler, .plain)
    return ud
}

extension Decimal {
    /// The value as a Double, for charts and statistics only — never for money arithmetic.
    public var tilDouble: Double { NSDecimalNumber(decimal: self).doubleValue }
}
