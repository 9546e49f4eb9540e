import FluentKit

/// P/L rates per kind and year (DOMAIN.md 6.12) and the contracts a kommune saves by its own
/// reference for the 1 January regulation list. A contract row holds no citizen data (the draft
/// type has no such field); a new save of a reference is a new version, the old ones stay.
struct M026_Kontrakter: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pl_satser")
            .id()
            .field("type", .string, .required)
            .field("kilde", .string, .required)
            .field("art", .string, .required)
            .field("aar_fra", .int, .required)
            .field("aar_til", .int, .required)
            .field("procent", .string, .required)
            .field("reference", .string, .required)
            .unique(on: "type", "aar_til")
            .create()
        try await db.schema("kontrakter")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisationer", "id"))
            .field("reference", .string, .required)
            .field("version", .int, .required)
            .field("udkast", .string, .required)
            .field("pris", .string, .required)
            .field("prisaar", .int, .required)
            .field("oprettet_af", .string, .required)
            .field("oprettet", .string, .required)
            .unique(on: "organisation_id", "reference", "version")
            .create()
        // The rates of the latest økonomiaftaler as published (004:1418–1422, 1484–1486), so a
        // new installation regulates 2023 → 2024 at once; later years are imported.
        for (type, kilde, art, procent, reference) in [
            ("kl_generel", "KL (økonomiaftalen)", "samlede udgifter inkl. overførsler (generel, på tværs af arter)", "3.9", "004:1418-1419"),
            ("kl_service", "KL (økonomiaftalen)", "serviceudgifter", "4.2", "004:1420"),
            ("kl_anlaeg", "KL (økonomiaftalen)", "anlæg", "3.2", "004:1420-1422"),
            ("danske_regioner", "Danske Regioner", "P/L inkl. medicin", "3.2", "004:1484-1486"),
        ] {
            let m = PLSatsmodel()
            m.type = type
            m.kilde = kilde
            m.art = art
            m.aarFra = 2023
            m.aarTil = 2024
            m.procent = procent
            m.reference = reference
            try await m.create(on: db)
        }
    }
    func revert(on db: any Database) async throws {
        try await db.schema("kontrakter").delete()
        try await db.schema("pl_satser").delete()
    }
}
