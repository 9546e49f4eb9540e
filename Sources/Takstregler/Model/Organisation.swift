/// A kommune or a region — a driftsherre — possibly a sub-unit (e.g. Aarhus FBU/MBU/SUV/VH).
public struct Organisation: Codable, Equatable, Sendable {
    public enum Art: String, Codable, Sendable, CaseIterable {
        case kommune, region, underenhed, socialtilsyn, privat
    }
    public var navn: String
    public var art: Art
    /// The three-digit kommune number, where known (DST).
    public var kommunenummer: String?
    public var region: String?
    /// Name of the parent organisation for a sub-unit.
    public var overordnet: String?

    public init(navn: String, art: Art, kommunenummer: String? = nil, region: String? = nil, overordnet: String? = nil) {
        self.navn = navn
        self.art = art
        self.kommunenummer = kommunenummer
        self.region = region
        self.overordnet = overordnet
    }
}
