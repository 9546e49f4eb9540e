import FluentKit

/// Takst periods and provisional takster (DOMAIN.md 6.1): a version's first day, the enrolment date
/// it is limited to, and whether its approval was provisional. Existing rows read as whole years.
struct M016_Takstperioder: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("takstniveauer").field("gyldig_fra", .string).update()
        try await db.schema("takstniveauer").field("kun_nye_fra", .string).update()
        try await db.schema("takstniveauer").field("midlertidig", .bool).update()
    }
    func revert(on db: any Database) async throws {
        for felt in ["gyldig_fra", "kun_nye_fra", "midlertidig"] {
            try await db.schema("takstniveauer").deleteField(FieldKey(stringLiteral: felt)).update()
        }
    }
}
