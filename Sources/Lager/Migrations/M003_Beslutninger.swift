import FluentKit

struct M003_Beslutninger: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("beslutninger")
            .id()
            .field("organ", .string, .required)
            .field("dato", .string, .required)
            .field("punkt", .string, .required)
            .field("tekst", .string, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("beslutninger").delete() }
}
