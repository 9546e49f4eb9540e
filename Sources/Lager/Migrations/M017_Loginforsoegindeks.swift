import FluentKit
import SQLKit

/// The sign-in throttle counts attempts per e-mail and per address within a window, and deletes
/// old ones: indexes for each (issue "Sikkerhed": atomic, indexed, with retention).
struct M017_Loginforsoegindeks: Takstfilmigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: "loginforsoeg_email_tidspunkt").on("loginforsoeg").column("email").column("tidspunkt").run()
        try await sql.create(index: "loginforsoeg_adresse_tidspunkt").on("loginforsoeg").column("adresse").column("tidspunkt").run()
        try await sql.create(index: "loginforsoeg_tidspunkt").on("loginforsoeg").column("tidspunkt").run()
    }
    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for i in ["loginforsoeg_email_tidspunkt", "loginforsoeg_adresse_tidspunkt", "loginforsoeg_tidspunkt"] {
            try await sql.drop(index: i).run()
        }
    }
}
