import FluentKit
import SQLKit

/// Indexes on the year of the reported data: the ledelsesinformation reads one or two years of
/// regnskab, belægning and pladser, and the unique keys begin with the tilbud, so without these
/// every report scanned all ten years (measured at national scale).
struct M014_Aarsindekser: Takstfilmigration {
    static let indekser = [("regnskaber_aar", "regnskaber"), ("belaegninger_aar", "belaegninger"), ("pladser_aar", "pladser")]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (navn, tabel) in M014_Aarsindekser.indekser { try await sql.create(index: navn).on(tabel).column("aar").run() }
    }
    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (navn, _) in M014_Aarsindekser.indekser { try await sql.drop(index: navn).run() }
    }
}
