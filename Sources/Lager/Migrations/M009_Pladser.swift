import FluentKit

struct M009_Pladser: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pladser")
            .id()
            .field("tilbud_id", .uuid, .required, .references("tilbud", "id"))
            .field("aar", .int, .required)
            .field("type", .string, .required)
            .field("pladser", .string, .required)
            .field("version", .int, .required)
            .unique(on: "tilbud_id", "aar", "type", "version")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("pladser").delete() }
}
