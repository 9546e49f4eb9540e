import FluentKit

/// The yearly review of supply and demand (DOMAIN.md 6.10): the review (its questions and invited
/// kommuner as JSON of `Afdaekning`, the printed totals of imported tables, the decision) and each
/// kommune's answers, every save a new version.
struct M020_Afdaekninger: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("afdaekninger")
            .id()
            .field("titel", .string, .required)
            .field("aar", .int, .required)
            .field("region", .string, .required)
            .field("definition", .string, .required)
            .field("status", .string, .required)
            .field("trykt", .string, .required)
            .field("beslutning", .string)
            .field("offentliggjort", .string)
            .field("oprettet", .datetime, .required)
            .create()
        try await db.schema("afdaekningssvar")
            .id()
            .field("afdaekning_id", .uuid, .required, .references("afdaekninger", "id"))
            .field("kommune", .string, .required)
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("svar", .string, .required)
            .field("kilde", .string, .required)
            .field("bruger", .string, .required)
            .field("tidspunkt", .datetime, .required)
            .unique(on: "afdaekning_id", "kommune", "version")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("afdaekningssvar").delete()
        try await db.schema("afdaekninger").delete()
    }
}
