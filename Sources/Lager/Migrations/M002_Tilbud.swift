import FluentKit

struct M002_Tilbud: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("tilbud")
            .id()
            .field("navn", .string, .required)
            .field("driftsherre_id", .uuid, .required, .references("organisationer", "id"))
            .field("adresse", .string)
            .field("paragraf", .string)
            .field("maalgruppe", .string)
            .field("type", .string, .required)
            .field("ejerform", .string, .required)
            .field("afdelinger", .string, .required)
            .field("demo", .bool, .required)
            .field("kilde", .string)
            .unique(on: "driftsherre_id", "navn")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("tilbud").delete() }
}
