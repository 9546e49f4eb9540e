import FluentKit

/// The secretariat's reason for a difference between a printed and a computed figure (DOMAIN.md
/// 6.13), by source ("afdaekning:ID"), table and field; every choice is a new row (newest wins).
struct M021_Afvigelsesaarsager: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("afvigelsesaarsager")
            .id()
            .field("kilde", .string, .required)
            .field("tabel", .string, .required)
            .field("felt", .string, .required)
            .field("aarsag", .string, .required)
            .field("bemaerkning", .string)
            .field("bruger", .string, .required)
            .field("tidspunkt", .datetime, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("afvigelsesaarsager").delete() }
}
