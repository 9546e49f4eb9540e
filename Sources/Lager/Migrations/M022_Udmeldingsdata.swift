import FluentKit

/// The central udmelding's figures per tilbud and target group (DOMAIN.md 6.10; 001:2894–3330),
/// by analysis; every import is a new version per tilbud and target group.
struct M022_Udmeldingsdata: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("udmeldingsdata")
            .id()
            .field("analyse", .string, .required)
            .field("tilbud", .string, .required)
            .field("maalgruppe", .string, .required)
            .field("version", .int, .required)
            .field("data", .string, .required)
            .field("kilde", .string, .required)
            .field("bruger", .string, .required)
            .field("tidspunkt", .datetime, .required)
            .unique(on: "analyse", "tilbud", "maalgruppe", "version")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("udmeldingsdata").delete() }
}
