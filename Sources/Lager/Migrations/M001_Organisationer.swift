import FluentKit

struct M001_Organisationer: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("organisationer")
            .id()
            .field("navn", .string, .required)
            .field("art", .string, .required)
            .field("kommunenummer", .string)
            .field("region", .string)
            .field("overordnet_id", .uuid, .references("organisationer", "id"))
            .unique(on: "navn")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("organisationer").delete() }
}
