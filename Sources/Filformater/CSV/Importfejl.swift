import Foundation
import Takstregler

/// A refused cell or row of an imported file, named as a spreadsheet shows it: the header is
/// row 1, and the column by its header (DOMAIN.md 7; issue "Ledelsesinformation" 1).
public struct Importfejl: Error, Equatable, Sendable, CustomStringConvertible {
    public var fil: String
    public var raekke: Int?
    public var kolonne: String?
    public var besked: String

    public init(fil: String, raekke: Int? = nil, kolonne: String? = nil, besked: String) {
        self.fil = fil
        self.raekke = raekke
        self.kolonne = kolonne
        self.besked = besked
    }

    public var description: String {
        var sted = fil
        if let raekke { sted += ", række \(raekke)" }
        if let kolonne { sted += ", kolonne '\(kolonne)'" }
        return "\(sted): \(besked)"
    }
}

/// Every problem of a file at once, so it can be fixed in one go; nothing is imported.
public struct Importfejlliste: Error, Equatable, Sendable, CustomStringConvertible {
    public let fejl: [Importfejl]
    public init(_ fejl: [Importfejl]) { self.fejl = fejl }

    public var description: String {
        let vist = fejl.prefix(50).map(\.description)
        let rest = fejl.count > 50 ? ["… og \(fejl.count - 50) fejl mere"] : []
        return (vist + rest).joined(separator: "\n")
    }
}
