import FluentKit

struct M007_Parametre: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pl_indeks")
            .id()
            .field("aar", .int, .required)
            .field("indeks", .string, .required)
            .unique(on: "aar")
            .create()
        try await db.schema("parametre")
            .id()
            .field("aar", .int, .required)
            .field("region", .string, .required)
            .field("noegle", .string, .required)
            .field("vaerdi", .string, .required)
            .unique(on: "aar", "region", "noegle")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("parametre").delete()
        try await db.schema("pl_indeks").delete()
    }
}
