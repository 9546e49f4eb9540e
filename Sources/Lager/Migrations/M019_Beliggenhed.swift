import FluentKit

/// Where a tilbud lies (DOMAIN.md 6.10): the beliggenhedskommune, which is not the driftsherre
/// (Region Nordjylland's § 107/108 places lie in Mariagerfjord; private tilbud have no driftsherre
/// kommune). Existing rows have none until a pladser import or the form gives it.
struct M019_Beliggenhed: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("tilbud").field("beliggenhedskommune", .string).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("tilbud").deleteField("beliggenhedskommune").update()
    }
}
