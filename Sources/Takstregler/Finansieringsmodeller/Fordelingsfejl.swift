import Foundation

/// Prefixes the field of a validation error with where it sits in a model's input, so
/// "raekker[3].kommune" from the engine reaches the user as "noegle.raekker[3].kommune".
func medFelt<T>(_ praefiks: String, _ blok: () throws -> T) throws -> T {
    do {
        return try blok()
    } catch let f as Valideringsfejl {
        throw Valideringsfejl(felt: praefiks.isEmpty ? f.felt : "\(praefiks).\(f.felt)", besked: f.besked)
    } catch let l as Valideringsfejlliste {
        throw Valideringsfejlliste(l.fejl.map { Valideringsfejl(felt: praefiks.isEmpty ? $0.felt : "\(praefiks).\($0.felt)", besked: $0.besked) })
    }
}

/// Field checks on a fraction in [0; 1].
func kontrollerAndel(_ a: Decimal, felt: String) throws {
    guard a >= 0, a <= 1 else {
        throw Valideringsfejl(felt: felt, besked: "andelen skal være mellem 0 og 1 (fik \(DanskTal.formaterKort(a, maksDecimaler: 4)))")
    }
}
