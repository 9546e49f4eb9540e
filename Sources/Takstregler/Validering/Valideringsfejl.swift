import Foundation

/// One refused value, named by the field the user typed it in (DOMAIN.md 7). Messages are Danish
/// because they are shown to users as they are.
public struct Valideringsfejl: Error, Equatable, Sendable, CustomStringConvertible {
    public let felt: String
    public let besked: String

    public init(felt: String, besked: String) {
        self.felt = felt
        self.besked = besked
    }

    public var description: String { "\(felt): \(besked)" }
}

/// Several refused values at once, so a form or a file shows every problem in one go.
public struct Valideringsfejlliste: Error, Equatable, Sendable, CustomStringConvertible {
    public let fejl: [Valideringsfejl]
    public init(_ fejl: [Valideringsfejl]) { self.fejl = fejl }
    public var description: String { fejl.map(\.description).joined(separator: "\n") }
}

/// Field checks shared by every entry point (CLI, web form, importer).
public enum Kontrol {
    public static func pladser(_ v: Decimal, felt: String = "pladser") throws {
        guard v.erPositiv else { throw Valideringsfejl(felt: felt, besked: "antal pladser skal være større end 0 (fik \(DanskTal.formaterKort(v)))") }
    }

    /// Belægningsprocent in (0; 100] (DOMAIN.md 6.1, 7).
    public static func belaegningsprocent(_ v: Decimal, felt: String = "belaegningsprocent") throws {
        guard v.erPositiv, v <= 100 else {
            throw Valideringsfejl(felt: felt, besked: "belægningsprocenten skal være over 0 og højst 100 (fik \(DanskTal.formaterKort(v)))")
        }
    }

    // `hvad` is only built when the check fails: recomputing every takst checks each one (perf).
    public static func positiv(_ v: Decimal, felt: String, hvad: @autoclosure () -> String) throws {
        guard v.erPositiv else { throw Valideringsfejl(felt: felt, besked: "\(hvad()) skal være større end 0 (fik \(DanskTal.formaterKort(v)))") }
    }

    public static func ikkeNegativ(_ v: Decimal, felt: String, hvad: @autoclosure () -> String) throws {
        guard !v.isNaN, !v.erNegativ else { throw Valideringsfejl(felt: felt, besked: "\(hvad()) må ikke være negativ (fik \(DanskTal.formaterKort(v)))") }
    }

    /// A count that only makes sense whole (staff, full døgn), at least `mindst`: 2,5 people is a
    /// typing error, not a part-time colleague.
    public static func heltal(_ v: Decimal, mindst: Decimal, felt: String, hvad: String) throws {
        guard v >= mindst, afrundet(v, decimaler: 0) == v else {
            throw Valideringsfejl(felt: felt, besked: "\(hvad) skal være et helt tal på mindst \(DanskTal.formaterKort(mindst)) (fik \(DanskTal.formaterKort(v, maksDecimaler: 6)))")
        }
    }

    /// Reads a number typed by a user and names the field when it is not one.
    public static func tal(_ raa: String, felt: String) throws -> Decimal {
        do { return try DanskTal.fortolk(raa) } catch let fejl as TalFejl {
            throw Valideringsfejl(felt: felt, besked: fejl.description)
        }
    }
}
