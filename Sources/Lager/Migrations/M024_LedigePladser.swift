import FluentKit

/// Vacant places a driftsherre reports for a tilbud at a date (DOMAIN.md 6.10); "ukendt" is stored
/// as no number. Every report is a new row: the history is kept.
struct M024_LedigePladser: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("ledige_pladser")
            .id()
            .field("tilbud_id", .uuid, .required, .references("tilbud", "id"))
            .field("dato", .string, .required)
            .field("antal", .int)
            .field("bruger", .string, .required)
            .field("tidspunkt", .datetime, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("ledige_pladser").delete() }
}
