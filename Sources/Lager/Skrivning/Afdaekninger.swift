import Filformater
import FluentKit
import Foundation
import Takstregler

/// A stored review of supply and demand (DOMAIN.md 6.10) as the pages and the API read it.
public struct GemtAfdaekning: Sendable {
    public let id: UUID
    public let afdaekning: Afdaekning
    public let status: Afdaekningsstatus
    /// Printed totals of imported tables: question key → year → count.
    public let trykt: [String: [Int: Taelling]]
    public let beslutning: Beslutning?
    public let offentliggjort: String?
}

/// A kommune's newest answer to a review.
public struct GemtSvar: Sendable {
    public let kommune: String
    public let status: Svarstatus
    public let besvarelse: Besvarelse
    public let version: Int
    public let kilde: String
    public let bruger: String
    public let tidspunkt: Date
}

/// Why an answer is refused for the kommune itself: it was not invited (the API answers 403).
public struct IkkeInviteret: Error, Equatable, Sendable, CustomStringConvertible {
    public let kommune: String
    public let titel: String
    public var description: String { "\(kommune) er ikke inviteret til at besvare '\(titel)'" }
}

extension Lager {
    // MARK: Reading

    static func gemt(_ m: Afdaekningsmodel) throws -> GemtAfdaekning {
        let trykt: [String: [String: String]] = try Lagerkodning.fraJSON(m.trykt)
        return GemtAfdaekning(
            id: m.id!, afdaekning: try Lagerkodning.fraJSON(m.definition),
            status: Afdaekningsstatus(rawValue: m.status) ?? .aaben,
            trykt: trykt.mapValues { aar in
                Dictionary(uniqueKeysWithValues: aar.compactMap { k, v in Int(k).flatMap { a in (try? Taelling.fortolk(v)).map { (a, $0) } } })
            },
            beslutning: try m.beslutning.map { try Lagerkodning.fraJSON($0) }, offentliggjort: m.offentliggjort)
    }

    /// Every review, newest year first (`kunOffentliggjorte` for the public).
    public func afdaekninger(kunOffentliggjorte: Bool = false) async throws -> [GemtAfdaekning] {
        var q = Afdaekningsmodel.query(on: db)
        if kunOffentliggjorte { q = q.filter(\.$status == Afdaekningsstatus.offentliggjort.rawValue) }
        return try await q.sort(\.$aar, .descending).sort(\.$oprettet, .descending).all().map(Lager.gemt)
    }

    public func afdaekning(id: UUID) async throws -> GemtAfdaekning? {
        try await Afdaekningsmodel.find(id, on: db).map(Lager.gemt)
    }

    /// The newest answer of each kommune that has saved one, in the order of the invitation.
    public func afdaekningssvar(afdaekningID: UUID) async throws -> [GemtSvar] {
        try await afdaekningssvar(afdaekningID: afdaekningID, orden: try await afdaekning(id: afdaekningID)?.afdaekning.inviterede ?? [])
    }

    /// `orden`: the invited kommuner, when the caller has the review already.
    func afdaekningssvar(afdaekningID: UUID, orden: [String]) async throws -> [GemtSvar] {
        let alle = try await Afdaekningssvarmodel.query(on: db).filter(\.$afdaekningID == afdaekningID).all()
        var nyeste: [String: Afdaekningssvarmodel] = [:]
        for m in alle where (nyeste[m.kommune]?.version ?? 0) < m.version { nyeste[m.kommune] = m }
        return try nyeste.values.sorted { (orden.firstIndex(of: $0.kommune) ?? .max) < (orden.firstIndex(of: $1.kommune) ?? .max) }
            .map { m in
                GemtSvar(kommune: m.kommune, status: Svarstatus(rawValue: m.status) ?? .kladde, besvarelse: try Lagerkodning.fraJSON(m.svar),
                         version: m.version, kilde: m.kilde, bruger: m.bruger, tidspunkt: m.tidspunkt)
            }
    }

    /// The report from the submitted answers and the printed totals.
    public func afdaekningsopgoerelse(_ g: GemtAfdaekning) async throws -> Afdaekningsopgoerelse {
        let indsendte = Dictionary(uniqueKeysWithValues: try await afdaekningssvar(afdaekningID: g.id, orden: g.afdaekning.inviterede)
            .filter { $0.status == .indsendt }.map { ($0.kommune, $0.besvarelse) })
        return Afdaekningsopgoerelse.opgoer(g.afdaekning, indsendte: indsendte, trykt: g.trykt)
    }

    // MARK: Writing

    /// Creates a review, open for answers. Every invited kommune must be a kommune in the database.
    @discardableResult
    public func opretAfdaekning(_ a: Afdaekning, af bruger: String) async throws -> UUID {
        var ukendte: [String] = []
        for k in a.inviterede {
            guard let o = try await organisation(navn: k), o.art == .kommune else { ukendte.append(k); continue }
        }
        if !ukendte.isEmpty {
            throw Valideringsfejl(felt: "inviterede", besked: "ikke en kommune i Takstfil: \(ukendte.joined(separator: ", "))")
        }
        return try await skriv { tx, log in
            let m = Afdaekningsmodel()
            m.titel = a.titel
            m.aar = a.aar
            m.region = a.region
            m.definition = try Lagerkodning.json(a)
            m.status = Afdaekningsstatus.aaben.rawValue
            m.trykt = "{}"
            m.oprettet = Tidspunkt.nu()
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "afdaekning", m.id, efter: a))
            return m.id!
        }
    }

    /// Saves a kommune's answer as a new version (a draft, or submitted). Refused when the kommune
    /// was not invited, the review is published, or the kommune has already submitted (the
    /// secretariat corrects by import, which is also a new version).
    public func gemAfdaekningssvar(afdaekningID: UUID, kommune: String, _ b: Besvarelse, indsend: Bool,
                                   kilde: String, af bruger: String) async throws {
        try await skriv { tx, log in
            guard let m = try await Afdaekningsmodel.find(afdaekningID, on: tx) else { throw Lagerfejl.ikkeFundet("Afdækningen") }
            let g = try Lager.gemt(m)
            guard g.afdaekning.erInviteret(kommune) else { throw IkkeInviteret(kommune: kommune, titel: g.afdaekning.titel) }
            guard g.status.kanBesvares else {
                throw Valideringsfejl(felt: "status", besked: "afdækningen er offentliggjort; svar kan ikke længere ændres")
            }
            // Check that the answer fits the questions (a stored answer is always readable).
            _ = try g.afdaekning.fortolkSvar(b.felter)
            let forrige = try await Afdaekningssvarmodel.query(on: tx).filter(\.$afdaekningID == afdaekningID)
                .filter(\.$kommune == kommune).sort(\.$version, .descending).first()
            if forrige?.status == Svarstatus.indsendt.rawValue {
                throw Valideringsfejl(felt: "status", besked: "\(kommune) har allerede indsendt sit svar; kontakt sekretariatet, hvis det skal rettes")
            }
            try await Lager.nytSvar(tx, &log, afdaekningID: afdaekningID, kommune: kommune, b, status: indsend ? .indsendt : .kladde,
                                    forrige: forrige, kilde: kilde, bruger: bruger)
        }
    }

    static func nytSvar(_ tx: any Database, _ log: inout [Haendelse], afdaekningID: UUID, kommune: String, _ b: Besvarelse,
                        status: Svarstatus, forrige: Afdaekningssvarmodel?, kilde: String, bruger: String) async throws {
        let n = Afdaekningssvarmodel()
        n.afdaekningID = afdaekningID
        n.kommune = kommune
        n.version = (forrige?.version ?? 0) + 1
        n.status = status.rawValue
        n.svar = try Lagerkodning.json(b)
        n.kilde = kilde
        n.bruger = bruger
        n.tidspunkt = Tidspunkt.nu()
        try await n.create(on: tx)
        struct Spor: Encodable { let afdaekning: String; let kommune: String; let status: String; let version: Int; let svar: [String: String] }
        log.append(try Lager.haendelse(bruger, status == .indsendt ? "indsend" : "gem", "afdaekningssvar", n.id,
                                       foer: try forrige.map { Spor(afdaekning: afdaekningID.uuidString, kommune: kommune, status: $0.status,
                                                                    version: $0.version, svar: (try Lagerkodning.fraJSON($0.svar) as Besvarelse).felter) },
                                       efter: Spor(afdaekning: afdaekningID.uuidString, kommune: kommune, status: n.status, version: n.version, svar: b.felter),
                                       begrundelse: kilde))
    }

    /// Imports one count question's answers from a table in the fixtures' shape (a row per
    /// kommune, a column per year, optionally a printed total row, which is kept for the
    /// reconciliation). Names may leave out " Kommune" (or "s Kommune"). Every problem is reported with file, row
    /// and column, and then nothing is saved; each kommune's answer becomes a new, submitted version.
    @discardableResult
    public func importerAfdaekningssvar(afdaekningID: UUID, spoergsmaal noegle: String, tabel: Optaellingstabel, fil: String,
                                        af bruger: String) async throws -> Int {
        try await skriv { tx, log in
            guard let m = try await Afdaekningsmodel.find(afdaekningID, on: tx) else { throw Lagerfejl.ikkeFundet("Afdækningen") }
            let g = try Lager.gemt(m)
            guard g.status.kanBesvares else { throw Importfejl(fil: fil, besked: "afdækningen er offentliggjort; svar kan ikke længere importeres") }
            guard let s = g.afdaekning.spoergsmaal(noegle), s.art == .antal else {
                let muligheder = g.afdaekning.spoergsmaal.filter { $0.art == .antal }.map { "\($0.noegle) (\($0.tekst))" }
                throw Importfejl(fil: fil, besked: "ukendt antalsspørgsmål '\(noegle)' (vælg \(muligheder.joined(separator: ", ")))")
            }
            var fejl: [Importfejl] = []
            var aarene: [Int] = []
            for k in tabel.kolonner {
                if let a = Int(k), s.aar.contains(a) { aarene.append(a) } else {
                    fejl.append(Importfejl(fil: fil, raekke: 1, kolonne: k, besked: "kolonnen skal være et af spørgsmålets år (\(s.aar.map(String.init).joined(separator: ", ")))"))
                }
            }
            var svar: [(kommune: String, felter: [String: String], raekke: Int)] = []
            for r in tabel.raekker {
                let navn = r.navn
                // The sources write "Vesthimmerland" for Vesthimmerlands Kommune.
                guard let kommune = [navn, navn + " Kommune", navn + "s Kommune"].first(where: { g.afdaekning.erInviteret($0) }) else {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: "kommune",
                                           besked: "'\(navn)' er ikke inviteret til afdækningen (inviteret: \(g.afdaekning.inviterede.joined(separator: ", ")))"))
                    continue
                }
                if svar.contains(where: { $0.kommune == kommune }) {
                    fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: "kommune", besked: "\(kommune) står i filen mere end én gang"))
                }
                // A row with every cell blank is a kommune that did not answer (the fixture's
                // Jammerbugt, Læsø, Thisted: 8 af 11 kommuner, 002:3873): no answer is recorded.
                if r.vaerdier.allSatisfy({ $0 == .ikkeBesvaret }) { continue }
                var felter: [String: String] = [:]
                for (i, a) in aarene.enumerated() where i < r.vaerdier.count {
                    if r.vaerdier[i] == .hoejst3 {
                        fejl.append(Importfejl(fil: fil, raekke: r.nummer, kolonne: "\(a)", besked: "≤3 er en offentliggjort værdi; importér det faktiske antal"))
                    }
                    felter[s.felt(aar: a)] = r.vaerdier[i].tekst
                }
                svar.append((kommune, felter, r.nummer))
            }
            if !fejl.isEmpty { throw Importfejlliste(fejl) }
            for (kommune, felter, _) in svar {
                let ny = try g.afdaekning.fortolkSvar(felter)
                let forrige = try await Afdaekningssvarmodel.query(on: tx).filter(\.$afdaekningID == afdaekningID)
                    .filter(\.$kommune == kommune).sort(\.$version, .descending).first()
                let gammel: Besvarelse = try forrige.map { try Lagerkodning.fraJSON($0.svar) } ?? Besvarelse()
                try await Lager.nytSvar(tx, &log, afdaekningID: afdaekningID, kommune: kommune, gammel.flettet(med: ny, spoergsmaal: s),
                                        status: .indsendt, forrige: forrige, kilde: "import: \(fil)", bruger: bruger)
            }
            if let t = tabel.trykt {
                var trykt: [String: [String: String]] = try Lagerkodning.fraJSON(m.trykt)
                let foer = trykt
                trykt[noegle] = Dictionary(uniqueKeysWithValues: zip(aarene, t.vaerdier).map { ("\($0)", $1.tekst) })
                m.trykt = try Lagerkodning.json(trykt)
                try await m.update(on: tx)
                log.append(try Lager.haendelse(bruger, "ret", "afdaekning", m.id, foer: ["trykt": foer], efter: ["trykt": trykt], begrundelse: "import: \(fil)"))
            }
            return svar.count
        }
    }

    /// Publishes the report with the decision; answers are closed from then on.
    public func offentliggoerAfdaekning(id: UUID, beslutning: Beslutning, dato: String, af bruger: String) async throws {
        try await skriv { tx, log in
            guard let m = try await Afdaekningsmodel.find(id, on: tx) else { throw Lagerfejl.ikkeFundet("Afdækningen") }
            let status = Afdaekningsstatus(rawValue: m.status) ?? .aaben
            guard status.kanOffentliggoeres else {
                throw Valideringsfejl(felt: "status", besked: "afdækningen blev allerede offentliggjort \(m.offentliggjort ?? "")")
            }
            m.status = Afdaekningsstatus.offentliggjort.rawValue
            m.beslutning = try Lagerkodning.json(beslutning)
            m.offentliggjort = dato
            try await m.update(on: tx)
            log.append(try Lager.haendelse(bruger, "offentliggoer", "afdaekning", m.id, foer: ["status": status.rawValue],
                                           efter: beslutning, begrundelse: beslutning.tekst))
        }
    }
}
