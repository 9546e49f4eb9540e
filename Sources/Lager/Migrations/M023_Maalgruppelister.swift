import FluentKit
import Foundation
import Takstregler

/// Målgruppe lists are data per region (DOMAIN.md 6.10): Midtjylland's eight (6.6) are seeded;
/// Nordjylland's analyses use others (autisme, udadreagerende adfærd, selvskade …). A tilbud's
/// `specialer` are codes of its region's list — several per tilbud.
struct M023_Maalgruppelister: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("maalgruppelister")
            .id()
            .field("region", .string, .required)
            .field("kode", .string, .required)
            .field("tekst", .string, .required)
            .field("raekkefoelge", .int, .required)
            .unique(on: "region", "kode")
            .create()
        try await db.schema("tilbud").field("specialer", .string).update()
        for (i, g) in Maalgruppe.allCases.enumerated() {
            let m = Maalgruppemodel()
            m.region = "Midtjylland"
            m.kode = g.rawValue
            m.tekst = g.tekst
            m.raekkefoelge = i + 1
            try await m.create(on: db)
        }
    }
    func revert(on db: any Database) async throws {
        try await db.schema("tilbud").deleteField("specialer").update()
        try await db.schema("maalgruppelister").delete()
    }
}
