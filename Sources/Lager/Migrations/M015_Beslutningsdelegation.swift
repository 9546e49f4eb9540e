import FluentKit

/// A decision may rest on a delegation or a written hearing (DOMAIN.md 6.1; 002:14693–14695, 002:1624).
struct M015_Beslutningsdelegation: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("beslutninger").field("delegation", .string).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("beslutninger").deleteField("delegation").update()
    }
}
