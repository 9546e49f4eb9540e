import Filformater
import Foundation
import Takstregler

/// One Danish wording for every error the user can meet.
public enum Fejltekst {
    public static func tekst(_ fejl: any Error) -> String {
        switch fejl {
        case let f as Valideringsfejl: return "\(f.felt): \(f.besked)"
        case let l as Valideringsfejlliste: return l.fejl.map { "\($0.felt): \($0.besked)" }.joined(separator: "\nFejl: ")
        case let l as Lagerfejl: return l.description
        case let f as Importfejl: return f.description
        case let l as Importfejlliste: return l.fejl.map(\.description).joined(separator: "\nFejl: ")
        default: return "\(fejl)"
        }
    }
}
