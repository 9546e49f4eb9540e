import FluentKit

struct M010_Kommentarer: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kommentarer")
            .id()
            .field("aar", .int, .required)
            .field("tabel", .string, .required)
            .field("driftsherre", .string, .required)
            .field("art", .string, .required)
            .field("tekst", .string, .required)
            .field("bruger", .string, .required)
            .field("tidspunkt", .datetime, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("kommentarer").delete() }
}
