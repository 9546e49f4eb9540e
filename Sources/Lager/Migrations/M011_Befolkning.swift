import FluentKit

struct M011_Befolkning: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("befolkning")
            .id()
            .field("kommune", .string, .required)
            .field("alder", .int)
            .field("kvartal", .string, .required)
            .field("antal", .string, .required)
            .unique(on: "kommune", "alder", "kvartal")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("befolkning").delete() }
}
