import FluentKit
import SQLKit

/// One row counting committed writes (bumped inside every outermost write transaction,
/// `Lager.iTransaktion`): the public cache's change stamp reads this one number instead of
/// counting the audit table (issue "Sikkerhed").
struct M018_Aendringstaeller: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("aendringer").field("id", .int, .identifier(auto: false)).field("loebenummer", .int, .required).create()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.insert(into: "aendringer").columns("id", "loebenummer").values(SQLBind(1), SQLBind(0)).run()
    }
    func revert(on db: any Database) async throws { try await db.schema("aendringer").delete() }
}
