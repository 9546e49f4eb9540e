import FluentKit

struct M008_Haendelser: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("haendelser")
            .id()
            .field("tidspunkt", .datetime, .required)
            .field("bruger", .string, .required)
            .field("handling", .string, .required)
            .field("entitet", .string, .required)
            .field("entitet_id", .string, .required)
            .field("foer", .string)
            .field("efter", .string)
            .field("begrundelse", .string)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("haendelser").delete() }
}
