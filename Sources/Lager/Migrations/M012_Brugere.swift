import FluentKit

/// Accounts, API tokens and sign-in attempts (issue "Webapplikationen"). Sessions use Fluent's
/// own `_fluent_sessions` table (`SessionRecord.migration`, next in `Migrationer.alle`).
struct M012_Brugere: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("brugere")
            .id()
            .field("email", .string, .required)
            .field("kodeord_hash", .string, .required)
            .field("rolle", .string, .required)
            .field("organisation_id", .uuid, .references("organisationer", "id"))
            .field("aktiv", .bool, .required)
            .field("oprettet", .datetime, .required)
            .unique(on: "email")
            .create()
        try await db.schema("api_noegler")
            .id()
            .field("bruger_id", .uuid, .required, .references("brugere", "id"))
            .field("navn", .string, .required)
            .field("noegle_hash", .string, .required)
            .field("oprettet", .datetime, .required)
            .field("tilbagekaldt", .bool, .required)
            .unique(on: "noegle_hash")
            .create()
        try await db.schema("loginforsoeg")
            .id()
            .field("email", .string, .required)
            .field("adresse", .string, .required)
            .field("tidspunkt", .datetime, .required)
            .field("lykkedes", .bool, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("loginforsoeg").delete()
        try await db.schema("api_noegler").delete()
        try await db.schema("brugere").delete()
    }
}
