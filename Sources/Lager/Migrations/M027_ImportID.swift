import FluentKit

/// Which import created a row (issue 17 part 5): the id of the import's one audit event
/// (`haendelser.entitet_id` of handling "import"), on every row a bulk import inserts — new
/// driftsherrer, tilbud, takstniveauer, regnskaber, belægninger (new versions too) and pladser —
/// so "what did this import create" is one query per table instead of an audit event per row.
/// Rows saved before M027, or by hand, have none.
struct M027_ImportID: Takstfilmigration {
    static let tabeller = ["organisationer", "tilbud", "takstniveauer", "regnskaber", "belaegninger", "pladser"]

    func prepare(on db: any Database) async throws {
        // No index: it would cost every bulk insert, and the question is asked rarely (a scan).
        for t in M027_ImportID.tabeller { try await db.schema(t).field("import_id", .uuid).update() }
    }
    func revert(on db: any Database) async throws {
        for t in M027_ImportID.tabeller { try await db.schema(t).deleteField("import_id").update() }
    }
}
