import FluentKit
import SQLKit

/// PostgreSQL only (issue 17: PostgreSQL within 1,5× of SQLite): the reference from the four tables a
/// bulk import fills to `tilbud` is checked once per statement instead of once per row, with the same
/// guarantee as the foreign key it replaces.
///
/// The foreign key's per-row check (a `SELECT … FOR KEY SHARE` of the tilbud for every inserted row)
/// was half of the server's time in an import's COPY (perf). Here a statement's new rows are checked
/// together: each referenced tilbud is locked `FOR KEY SHARE` once, as the key would lock it, and a
/// tilbud that is missing — or deleted by a transaction that committed while we waited for its lock —
/// is refused with SQLSTATE 23503 (foreign_key_violation), naming the table and the tilbud. On the
/// other side a tilbud that is still referenced cannot be deleted or given another id, nor can
/// tilbud be emptied (TRUNCATE) while rows refer to them.
///
/// Unlike the key, the check on delete relies on READ COMMITTED (Takstfil's only level): a hand-written delete of
/// a tilbud in REPEATABLE READ, racing an import that commits rows for it, is not caught.
/// SQLite keeps its foreign keys: there the per-row check costs little.
struct M028_Tilbudsreferencer: Takstfilmigration {
    static let tabeller = ["takstniveauer", "regnskaber", "belaegninger", "pladser"]

    /// The refusal of a statement's row whose tilbud (`mangler`) does not exist (M029 says the same).
    static let afvis = """
        RAISE EXCEPTION 'indsættelse i "%" bryder referencen til tilbud: tilbud % findes ikke', TG_TABLE_NAME, mangler
              USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
        """
    /// The statement check as this migration made it (M029 replaces it, and puts it back on revert).
    static let findes = """
        RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE mangler uuid;
        BEGIN
          PERFORM 1 FROM tilbud t WHERE t.id IN (SELECT DISTINCT n.tilbud_id FROM nye n) FOR KEY SHARE OF t;
          SELECT n.tilbud_id INTO mangler FROM nye n WHERE NOT EXISTS (SELECT 1 FROM tilbud t WHERE t.id = n.tilbud_id) LIMIT 1;
          IF FOUND THEN
            \(afvis)
          END IF;
          RETURN NULL;
        END $$
        """

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(SQLQueryString("CREATE FUNCTION takstfil_tilbud_findes() " + M028_Tilbudsreferencer.findes)).run()
        try await sql.raw("""
            CREATE FUNCTION takstfil_tilbud_findes_raekke() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM 1 FROM tilbud t WHERE t.id = NEW.tilbud_id FOR KEY SHARE OF t;
              IF NOT FOUND THEN
                RAISE EXCEPTION 'ændring i "%" bryder referencen til tilbud: tilbud % findes ikke', TG_TABLE_NAME, NEW.tilbud_id
                  USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
              END IF;
              RETURN NULL;
            END $$
            """).run()
        let henvisninger = M028_Tilbudsreferencer.tabeller
            .map { "EXISTS (SELECT 1 FROM \($0) WHERE tilbud_id = OLD.id)" }.joined(separator: " OR ")
        try await sql.raw(SQLQueryString("""
            CREATE FUNCTION takstfil_tilbud_henvist() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF \(unsafeRaw: henvisninger) THEN
                RAISE EXCEPTION 'tilbud % har stadig takstniveauer, regnskaber, belægninger eller pladser', OLD.id
                  USING ERRCODE = 'foreign_key_violation', TABLE = 'tilbud';
              END IF;
              RETURN NULL;
            END $$
            """)).run()
        // TRUNCATE fires no delete trigger; the key refused emptying tilbud alone, and so does this.
        let nogen = M028_Tilbudsreferencer.tabeller.map { "EXISTS (SELECT 1 FROM \($0))" }.joined(separator: " OR ")
        try await sql.raw(SQLQueryString("""
            CREATE FUNCTION takstfil_tilbud_toemt() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF \(unsafeRaw: nogen) THEN
                RAISE EXCEPTION 'tilbud kan ikke tømmes, mens takstniveauer, regnskaber, belægninger eller pladser henviser til dem'
                  USING ERRCODE = 'foreign_key_violation', TABLE = 'tilbud';
              END IF;
              RETURN NULL;
            END $$
            """)).run()
        for t in M028_Tilbudsreferencer.tabeller {
            // The key's own name is Fluent's choice; it is found by what it references.
            try await sql.raw(SQLQueryString("""
                DO $$ DECLARE n text; BEGIN
                  FOR n IN SELECT conname FROM pg_constraint
                           WHERE contype = 'f' AND conrelid = '\(unsafeRaw: t)'::regclass AND confrelid = 'tilbud'::regclass LOOP
                    EXECUTE format('ALTER TABLE \(unsafeRaw: t) DROP CONSTRAINT %I', n);
                  END LOOP;
                END $$
                """)).run()
            try await sql.raw(SQLQueryString("""
                CREATE TRIGGER \(unsafeRaw: t)_tilbud_findes AFTER INSERT ON \(unsafeRaw: t)
                REFERENCING NEW TABLE AS nye FOR EACH STATEMENT EXECUTE FUNCTION takstfil_tilbud_findes()
                """)).run()
            try await sql.raw(SQLQueryString("""
                CREATE TRIGGER \(unsafeRaw: t)_tilbud_findes_ved_aendring AFTER UPDATE OF tilbud_id ON \(unsafeRaw: t)
                FOR EACH ROW WHEN (NEW.tilbud_id IS DISTINCT FROM OLD.tilbud_id) EXECUTE FUNCTION takstfil_tilbud_findes_raekke()
                """)).run()
        }
        try await sql.raw("""
            CREATE TRIGGER tilbud_henvist_ved_sletning AFTER DELETE ON tilbud
            FOR EACH ROW EXECUTE FUNCTION takstfil_tilbud_henvist()
            """).run()
        try await sql.raw("""
            CREATE TRIGGER tilbud_henvist_ved_ny_id AFTER UPDATE OF id ON tilbud
            FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id) EXECUTE FUNCTION takstfil_tilbud_henvist()
            """).run()
        try await sql.raw("""
            CREATE TRIGGER tilbud_henvist_ved_toemning AFTER TRUNCATE ON tilbud
            FOR EACH STATEMENT EXECUTE FUNCTION takstfil_tilbud_toemt()
            """).run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP TRIGGER IF EXISTS tilbud_henvist_ved_sletning ON tilbud").run()
        try await sql.raw("DROP TRIGGER IF EXISTS tilbud_henvist_ved_ny_id ON tilbud").run()
        try await sql.raw("DROP TRIGGER IF EXISTS tilbud_henvist_ved_toemning ON tilbud").run()
        for t in M028_Tilbudsreferencer.tabeller {
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: t)_tilbud_findes ON \(unsafeRaw: t)")).run()
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: t)_tilbud_findes_ved_aendring ON \(unsafeRaw: t)")).run()
            try await sql.raw(SQLQueryString("ALTER TABLE \(unsafeRaw: t) ADD FOREIGN KEY (tilbud_id) REFERENCES tilbud (id)")).run()
        }
        for f in ["takstfil_tilbud_findes", "takstfil_tilbud_findes_raekke", "takstfil_tilbud_henvist", "takstfil_tilbud_toemt"] {
            try await sql.raw(SQLQueryString("DROP FUNCTION IF EXISTS \(unsafeRaw: f)()")).run()
        }
    }
}
