import FluentKit

struct M005_Regnskaber: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("regnskaber")
            .id()
            .field("tilbud_id", .uuid, .required, .references("tilbud", "id"))
            .field("aar", .int, .required)
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("omkostninger", .string, .required)
            .field("takstindtaegter", .string)
            .field("belaegning", .string, .required)
            .field("over_underskud", .string)
            .field("tillaegsydelser", .string)
            .field("revision", .int, .required)
            .unique(on: "tilbud_id", "aar", "version")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("regnskaber").delete() }
}
