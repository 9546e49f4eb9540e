import FluentKit
import Foundation
import Takstregler

/// A user as the rest of the system sees it (never the password hash).
public struct Brugerkonto: Sendable, Equatable {
    public let id: UUID
    public let email: String
    public let rolle: Rolle
    /// The organisation a driftsherre or socialtilsyn acts for.
    public let organisation: String?
    /// That organisation's parent, if it is a sub-unit.
    public let overordnet: String?
    public let region: String?
    public let aktiv: Bool
    public let oprettet: Date

    /// Whether this user may write the given tilbud's reports (DOMAIN.md 2: its own tilbud).
    public func ejer(driftsherre: String, overordnet driftsherrensOverordnede: String?) -> Bool {
        Adgang.ejer(organisation: organisation, tilbuddetsDriftsherre: driftsherre, driftsherrensOverordnede: driftsherrensOverordnede)
    }
}

/// What the audit log records about an account: never the hash.
struct BrugerLog: Encodable {
    let email: String
    let rolle: String
    let organisation: String?
    let aktiv: Bool
}

extension Lager {
    /// Creates an account. The caller hashes the password (bcrypt, in the web layer); storage
    /// checks the e-mail, the role and the organisation, and audits the creation.
    @discardableResult
    public func opretBruger(email raaEmail: String, rolle: Rolle, organisation: String?, kodeordHash: String,
                            af bruger: String) async throws -> UUID {
        let email = try Kontoregler.email(raaEmail)
        guard Rolle.konti.contains(rolle) else {
            throw Valideringsfejl(felt: "rolle", besked: "rollen '\(rolle.rawValue)' kan ikke have en konto")
        }
        let org = organisation?.trimmingCharacters(in: .whitespaces).nilHvisTom
        if rolle.kraeverOrganisation && org == nil {
            throw Valideringsfejl(felt: "organisation", besked: "en \(rolle.tekst.lowercased())-konto skal høre til en organisation (--organisation NAVN)")
        }
        guard !kodeordHash.isEmpty else { throw Valideringsfejl(felt: "kodeord", besked: "kodeordet mangler") }
        return try await skriv { tx, log in
            if try await Brugermodel.query(on: tx).filter(\.$email == email).first() != nil {
                throw Lagerfejl.findesAllerede("Brugeren '\(email)'")
            }
            var orgID: UUID?
            if let org {
                guard let m = try await Organisationsmodel.query(on: tx).filter(\.$navn == org).first() else {
                    throw Lagerfejl.ukendtOrganisation(org)
                }
                orgID = m.id
            }
            let m = Brugermodel(email: email, kodeordHash: kodeordHash, rolle: rolle, organisationID: orgID)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "bruger", m.id,
                                           efter: BrugerLog(email: email, rolle: rolle.rawValue, organisation: org, aktiv: true)))
            return try m.requireID()
        }
    }

    public func antalBrugere() async throws -> Int { try await Brugermodel.query(on: db).count() }

    /// The account and its password hash, for signing in.
    public func brugerTilLogin(email: String) async throws -> (konto: Brugerkonto, kodeordHash: String)? {
        let e = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let m = try await Brugermodel.query(on: db).filter(\.$email == e).first() else { return nil }
        return (try await konto(m), m.kodeordHash)
    }

    public func bruger(id: UUID) async throws -> Brugerkonto? {
        guard let m = try await Brugermodel.find(id, on: db) else { return nil }
        return try await konto(m)
    }

    public func brugere() async throws -> [Brugerkonto] {
        var ud: [Brugerkonto] = []
        for m in try await Brugermodel.query(on: db).sort(\.$email).all() { ud.append(try await konto(m)) }
        return ud
    }

    func konto(_ m: Brugermodel) async throws -> Brugerkonto {
        var org: Organisationsmodel?
        var overordnet: String?
        if let id = m.$organisation.id {
            org = try await Organisationsmodel.find(id, on: db)
            if let o = org?.$overordnet.id { overordnet = try await Organisationsmodel.find(o, on: db)?.navn }
        }
        return Brugerkonto(id: try m.requireID(), email: m.email, rolle: Rolle(rawValue: m.rolle) ?? .offentlig,
                           organisation: org?.navn, overordnet: overordnet, region: org?.region, aktiv: m.aktiv,
                           oprettet: m.oprettet)
    }

    /// Deactivates or reactivates an account (never deleted: the audit log names it).
    public func saetBrugerAktiv(id: UUID, aktiv: Bool, af bruger: String) async throws {
        try await skriv { tx, log in
            guard let m = try await Brugermodel.find(id, on: tx) else { throw Lagerfejl.ikkeFundet("Brugeren") }
            let foer = m.aktiv
            m.aktiv = aktiv
            try await m.save(on: tx)
            log.append(try Lager.haendelse(bruger, aktiv ? "aktiver" : "deaktiver", "bruger", m.id,
                                           foer: ["email": m.email, "aktiv": "\(foer)"], efter: ["email": m.email, "aktiv": "\(aktiv)"]))
        }
    }

    /// A new password hash (the log says that it changed, never what to).
    public func saetKodeord(brugerID: UUID, kodeordHash: String, af bruger: String) async throws {
        try await skriv { tx, log in
            guard let m = try await Brugermodel.find(brugerID, on: tx) else { throw Lagerfejl.ikkeFundet("Brugeren") }
            m.kodeordHash = kodeordHash
            try await m.save(on: tx)
            log.append(try Lager.haendelse(bruger, "nyt_kodeord", "bruger", m.id, efter: ["email": m.email]))
        }
    }

    // MARK: API tokens

    @discardableResult
    public func opretAPINoegle(brugerID: UUID, navn: String, noegleHash: String, af bruger: String) async throws -> UUID {
        let navn = navn.trimmingCharacters(in: .whitespaces)
        guard !navn.isEmpty else { throw Valideringsfejl(felt: "navn", besked: "giv nøglen et navn, fx det system der bruger den") }
        return try await skriv { tx, log in
            guard let b = try await Brugermodel.find(brugerID, on: tx) else { throw Lagerfejl.ikkeFundet("Brugeren") }
            let m = APINoeglemodel(brugerID: brugerID, navn: navn, noegleHash: noegleHash)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "api_noegle", m.id, efter: ["bruger": b.email, "navn": navn]))
            return try m.requireID()
        }
    }

    /// The active account behind a token hash, if the token is valid.
    public func brugerForAPINoegle(hash: String) async throws -> Brugerkonto? {
        guard let n = try await APINoeglemodel.query(on: db).filter(\.$noegleHash == hash).filter(\.$tilbagekaldt == false).first(),
              let m = try await Brugermodel.find(n.$bruger.id, on: db), m.aktiv else { return nil }
        return try await konto(m)
    }

    public func apiNoegler(brugerID: UUID) async throws -> [APINoegle] {
        try await APINoeglemodel.query(on: db).filter(\.$bruger.$id == brugerID).sort(\.$oprettet).all().map {
            APINoegle(id: try $0.requireID(), navn: $0.navn, oprettet: $0.oprettet, tilbagekaldt: $0.tilbagekaldt)
        }
    }

    public func tilbagekaldAPINoegle(id: UUID, brugerID: UUID, af bruger: String) async throws {
        try await skriv { tx, log in
            guard let m = try await APINoeglemodel.find(id, on: tx), m.$bruger.id == brugerID else {
                throw Lagerfejl.ikkeFundet("API-nøglen")
            }
            m.tilbagekaldt = true
            try await m.save(on: tx)
            log.append(try Lager.haendelse(bruger, "tilbagekald", "api_noegle", m.id, efter: ["navn": m.navn]))
        }
    }

    // MARK: Sign-in attempts

    public func registrerLoginforsoeg(email: String, adresse: String, lykkedes: Bool) async throws {
        try await Loginforsoegmodel(email: email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(),
                                    adresse: adresse, lykkedes: lykkedes).create(on: db)
    }

    /// How long sign-in attempts are kept.
    public static let loginforsoegOpbevares: TimeInterval = 30 * 24 * 3600

    /// The throttle as one step that concurrent requests cannot slip past: the attempt is recorded
    /// (as failed) before the failures are counted, so two attempts at once both see each other.
    /// Returns the attempt's id (to mark it successful) and whether it is over a limit. Attempts
    /// older than `loginforsoegOpbevares` are deleted on the way (retention).
    public func begyndLoginforsoeg(email: String, adresse: String, siden: Date, graensePrEmail: Int,
                                   graensePrAdresse: Int) async throws -> (id: UUID, spaerret: Bool) {
        let m = Loginforsoegmodel(email: email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), adresse: adresse, lykkedes: false)
        try await m.create(on: db)
        try await Loginforsoegmodel.query(on: db).filter(\.$tidspunkt < Date().addingTimeInterval(-Lager.loginforsoegOpbevares)).delete()
        let f = try await fejledeLoginforsoeg(email: email, adresse: adresse, siden: siden)
        return (try m.requireID(), f.email > graensePrEmail || f.adresse > graensePrAdresse)
    }

    public func loginLykkedes(_ id: UUID) async throws {
        guard let m = try await Loginforsoegmodel.find(id, on: db) else { return }
        m.lykkedes = true
        try await m.save(on: db)
    }

    /// Failed attempts since `siden`: for the e-mail (after its last successful sign-in) and
    /// from the address.
    public func fejledeLoginforsoeg(email: String, adresse: String, siden: Date) async throws -> (email: Int, adresse: Int) {
        let e = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        var fra = siden
        if let sidst = try await Loginforsoegmodel.query(on: db).filter(\.$email == e).filter(\.$lykkedes == true)
            .sort(\.$tidspunkt, .descending).first(), sidst.tidspunkt > fra {
            fra = sidst.tidspunkt
        }
        let prEmail = try await Loginforsoegmodel.query(on: db).filter(\.$email == e).filter(\.$lykkedes == false)
            .filter(\.$tidspunkt >= fra).count()
        let prAdresse = try await Loginforsoegmodel.query(on: db).filter(\.$adresse == adresse).filter(\.$lykkedes == false)
            .filter(\.$tidspunkt >= siden).count()
        return (prEmail, prAdresse)
    }
}

extension String {
    var nilHvisTom: String? { isEmpty ? nil : self }
}

/// An API token as its owner sees it (never the token or its hash).
public struct APINoegle: Sendable {
    public let id: UUID
    public let navn: String
    public let oprettet: Date
    public let tilbagekaldt: Bool
}
