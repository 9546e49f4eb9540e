import Foundation

/// When a takst applies (DOMAIN.md 6.1 "Takster change during a year"): a version of a takstniveau
/// is in force from its `gyldig fra` until the next period of the same level starts (Østerskoven
/// 5.077 kr. from January 2022, 5.561 kr. from July 2022, 002:1755–1768). A period may apply only
/// to citizens enrolled from a date; those enrolled before keep the earlier takst (002:918–920,
/// 002:1802–1803 — the date is data on the decision, never a constant).
public enum Takstperioder {
    /// Of every version of one level (any years), the newest version of each period, oldest period
    /// first: a correction replaces its own period's version, never another period.
    public static func perioder<T>(_ versioner: [T], _ niveau: (T) -> Takstniveau) -> [T] {
        Takstniveau.gaeldende(versioner, niveau).sorted { niveau($0).periodestart < niveau($1).periodestart }
    }

    /// The period in force on `dato` (yyyy-MM-dd) for a citizen enrolled on `indskrevet` (nil: a
    /// citizen enrolled on `dato`, who pays the newest takst): the latest start on or before the
    /// date among the periods that apply to that citizen. Nil when none has started.
    public static func gaeldende<T>(_ versioner: [T], dato: String, indskrevet: String? = nil, _ niveau: (T) -> Takstniveau) -> T? {
        let borger = indskrevet ?? dato
        return perioder(versioner, niveau).last { v in
            let n = niveau(v)
            return n.periodestart <= dato && (n.kunForIndskrevetFra.map { borger >= $0 } ?? true)
        }
    }

    /// The date a year's view is shown on when none is chosen: today, held inside the year (a past
    /// year shows its last day, a coming year its first).
    public static func standarddato(aar: Int, idag: String) -> String {
        min(max(idag, "\(aar)-01-01"), "\(aar)-12-31")
    }

    /// Takstudvikling in percent between two takster, unrounded (`fra` must not be 0).
    public static func udviklingPct(fra: Kroner, til: Kroner) throws -> Decimal {
        guard fra != 0 else { throw Valideringsfejl(felt: "fra", besked: "taksten på fra-datoen er 0; udviklingen kan ikke beregnes") }
        return (til - fra) / fra * 100
    }
}

extension Takstniveau {
    /// The first day of this version's period: its `gyldig fra`, or 1 January of its year.
    public var periodestart: String { gyldigFra ?? "\(aar)-01-01" }

    /// Checks the period against the year and normalises it (a start on 1 January is the same
    /// period as no start, so both find the same record). Called by storage for every caller.
    public func medKontrolleretPeriode() throws -> Takstniveau {
        var n = self
        if let g = gyldigFra {
            _ = try Datoer.kontroller(g, felt: "gyldig_fra")
            guard g.hasPrefix("\(aar)-") else {
                throw Valideringsfejl(felt: "gyldig_fra", besked: "gyldig fra (\(g)) skal ligge i takståret \(aar)")
            }
            if g == "\(aar)-01-01" { n.gyldigFra = nil }
        }
        if let k = kunForIndskrevetFra { _ = try Datoer.kontroller(k, felt: "kun_nye_fra") }
        return n
    }
}
