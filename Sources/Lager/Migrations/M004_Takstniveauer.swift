import FluentKit

struct M004_Takstniveauer: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("takstniveauer")
            .id()
            .field("tilbud_id", .uuid, .required, .references("tilbud", "id"))
            .field("navn", .string, .required)
            .field("aar", .int, .required)
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("grundlag", .string, .required)
            .field("basis_ydelse", .string)
            .field("takst", .string, .required)
            .field("enhed", .string, .required)
            .field("revision", .int, .required)
            .field("begrundelse", .string)
            .field("beslutning_id", .uuid, .references("beslutninger", "id"))
            .unique(on: "tilbud_id", "navn", "aar", "version")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("takstniveauer").delete() }
}
