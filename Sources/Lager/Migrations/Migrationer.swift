import FluentKit

/// Every Takstfil migration: its name is the one Fluent would give it (`String(reflecting:)`, stored
/// in `_fluent_migrations`), read without the reflection — the migrator asks each name on every start,
/// and the dynamic casts behind `String(reflecting:)` were a tenth of a small import's process (perf).
protocol Takstfilmigration: AsyncMigration {}

extension Takstfilmigration {
    var name: String { _typeName(Self.self, qualified: true) }
}

/// Every migration in order. Add new ones at the end; never edit a released one.
public enum Migrationer {
    public static var alle: [any Migration] {
        [M001_Organisationer(), M002_Tilbud(), M003_Beslutninger(), M004_Takstniveauer(),
         M005_Regnskaber(), M006_Belaegninger(), M007_Parametre(), M008_Haendelser(), M009_Pladser(),
         M010_Kommentarer(), M011_Befolkning(),
         // Webapplikationen: accounts, API tokens, sign-in attempts (the session table is the web module's).
         M012_Brugere(), M013_Takstniveauindeks(), M014_Aarsindekser(), M015_Beslutningsdelegation(),
         M016_Takstperioder(), M017_Loginforsoegindeks(), M018_Aendringstaeller(),
         M019_Beliggenhed(), M020_Afdaekninger(), M021_Afvigelsesaarsager(), M022_Udmeldingsdata(), M023_Maalgruppelister(), M024_LedigePladser(), M025_Noegletal(), M026_Kontrakter(), M027_ImportID(),
         // PostgreSQL: the import tables' reference to tilbud checked per statement (issue 17).
         M028_Tilbudsreferencer(), M029_Tilbudsreferencecheck()]
    }
}
