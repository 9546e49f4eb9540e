import FluentKit
import SQLKit

/// An index for the public list and its cache stamp (published levels of a year).
struct M013_Takstniveauindeks: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: "takstniveauer_aar_status").on("takstniveauer").column("aar").column("status").run()
    }
    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.drop(index: "takstniveauer_aar_status").run()
    }
}
