import FluentKit

struct M006_Belaegninger: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("belaegninger")
            .id()
            .field("tilbud_id", .uuid, .required, .references("tilbud", "id"))
            .field("aar", .int, .required)
            .field("kvartal", .int, .required)
            .field("version", .int, .required)
            .field("normering", .string)
            .field("forbrug", .string)
            .field("art", .string, .required)
            .unique(on: "tilbud_id", "aar", "kvartal", "version")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("belaegninger").delete() }
}
