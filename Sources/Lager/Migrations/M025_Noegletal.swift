import FluentKit

/// The catalogue of key figures across regions (DOMAIN.md 6.11): one row per indicator and year,
/// its values per region as JSON (region → exact decimal text).
struct M025_Noegletal: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("indikatorer")
            .id()
            .field("gruppe", .string, .required)
            .field("navn", .string, .required)
            .field("aar", .string, .required)
            .field("enhed", .string, .required)
            .field("retning", .string, .required)
            .field("kilde", .string, .required)
            .field("prisbasis", .string)
            .field("funktioner", .string, .required)
            .field("vaerdier", .string, .required)
            .field("raekkefoelge", .int, .required)
            .unique(on: "navn", "aar")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("indikatorer").delete() }
}
