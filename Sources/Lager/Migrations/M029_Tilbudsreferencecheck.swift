import FluentKit
import SQLKit

/// PostgreSQL only (issue 17): M028's statement check of the reference to tilbud, made cheap. The
/// same guarantee — each referenced tilbud locked `FOR KEY SHARE` once per statement, a missing one
/// (or one deleted by a transaction that committed while we waited for its lock) refused with
/// SQLSTATE 23503 naming the table and the tilbud — with different queries:
/// - the statement's distinct tilbud ids are collected once, and the tilbud are found by their
///   primary key (`= ANY`), where M028's join read the whole tilbud table for every batch;
/// - the locked rows are counted against the distinct ids, where M028 looked every new row up once
///   more (an anti-join over the whole batch). The missing one is searched for only when one is.
/// Measured on a national belægning import (medians of 7, interleaved): 900 → 816 ms, 813 with no check.
struct M029_Tilbudsreferencecheck: Takstfilmigration {
    static let findes = """
        RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE ider uuid[]; laaste bigint; mangler uuid;
        BEGIN
          ider := ARRAY(SELECT DISTINCT n.tilbud_id FROM nye n);
          SELECT count(*) INTO laaste FROM (SELECT 1 FROM tilbud t WHERE t.id = ANY (ider) FOR KEY SHARE OF t) l;
          IF laaste < cardinality(ider) THEN
            SELECT i INTO mangler FROM unnest(ider) i WHERE NOT EXISTS (SELECT 1 FROM tilbud t WHERE t.id = i) LIMIT 1;
            \(M028_Tilbudsreferencer.afvis)
          END IF;
          RETURN NULL;
        END $$
        """

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(SQLQueryString("CREATE OR REPLACE FUNCTION takstfil_tilbud_findes() " + M029_Tilbudsreferencecheck.findes)).run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(SQLQueryString("CREATE OR REPLACE FUNCTION takstfil_tilbud_findes() " + M028_Tilbudsreferencer.findes)).run()
    }
}
