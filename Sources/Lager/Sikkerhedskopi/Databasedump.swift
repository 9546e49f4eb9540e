import Filformater
import FluentKit
import Foundation
import Takstregler

/// The complete, versioned dump of the database (issue "Import, eksport" 2): every table, every
/// version, the audit log. It is the backup and the way from SQLite to PostgreSQL; the same
/// database always gives the same bytes (rows sorted by id, keys sorted, millisecond times).
public enum Databasedump {
    public static let formatnavn = "takstfil-dump"
    /// Bump when a migration changes a dumped table; `gendan` refuses other versions.
    public static let version = 1

    struct Fil: Codable {
        var format: String
        var version: Int
        var tabeller: Tabeller
    }

    /// One array per table, in an order that satisfies the foreign keys when restored.
    struct Tabeller: Codable {
        var organisationer: [Organisationsmodel]
        var tilbud: [Tilbudsmodel]
        var beslutninger: [Beslutningsmodel]
        var takstniveauer: [Takstniveaumodel]
        var regnskaber: [Regnskabsmodel]
        var belaegninger: [Belaegningsmodel]
        var pladser: [Pladsmodel]
        var plIndeks: [PLIndeksmodel]
        var parametre: [Parametermodel]
        var kommentarer: [Kommentarmodel]
        var befolkning: [Befolkningsmodel]
        var haendelser: [Haendelsesmodel]
        /// Accounts (with their bcrypt hashes) and API tokens (SHA-256 only). Optional so dumps
        /// made before accounts existed still restore. Sessions and sign-in attempts are not
        /// dumped: they are short-lived, and a restored system starts with everyone signed out.
        var brugere: [Brugermodel]?
        var apiNoegler: [APINoeglemodel]?
        /// Supply/demand reviews and their answers (optional: older dumps have none).
        var afdaekninger: [Afdaekningsmodel]?
        var afdaekningssvar: [Afdaekningssvarmodel]?
        var afvigelsesaarsager: [Afvigelsesaarsagsmodel]?
        var udmeldingsdata: [Udmeldingsmodel]?
        /// Replaces the lists a migration seeds, so the dump comes back byte for byte.
        var maalgruppelister: [Maalgruppemodel]?
        var ledigePladser: [LedigePladsermodel]?
        var indikatorer: [Indikatormodel]?
        var plSatser: [PLSatsmodel]?
        var kontrakter: [Kontraktmodel]?

        enum CodingKeys: String, CodingKey {
            case organisationer, tilbud, beslutninger, takstniveauer, regnskaber, belaegninger, pladser
            case plIndeks = "pl_indeks", parametre, kommentarer, befolkning, haendelser
            case brugere, apiNoegler = "api_noegler", afdaekninger, afdaekningssvar, afvigelsesaarsager, udmeldingsdata, maalgruppelister, ledigePladser = "ledige_pladser", indikatorer, plSatser = "pl_satser", kontrakter
        }

        var antalRaekker: Int {
            organisationer.count + tilbud.count + beslutninger.count + takstniveauer.count + regnskaber.count
                + belaegninger.count + pladser.count + plIndeks.count + parametre.count + kommentarer.count + befolkning.count
                + haendelser.count + (brugere?.count ?? 0) + (apiNoegler?.count ?? 0)
                + (afdaekninger?.count ?? 0) + (afdaekningssvar?.count ?? 0) + (afvigelsesaarsager?.count ?? 0) + (udmeldingsdata?.count ?? 0) + (maalgruppelister?.count ?? 0) + (ledigePladser?.count ?? 0) + (indikatorer?.count ?? 0) + (plSatser?.count ?? 0) + (kontrakter?.count ?? 0)
        }
    }

    /// Times as `2026-12-02T03:41:43.123Z`, to the millisecond as stored (`Tidspunkt`). Written
    /// from whole milliseconds so a restored dump exports to the same bytes; the whole-second part
    /// goes through `ISO8601FormatStyle`, a value type safe to share between threads.
    enum Datoformat {
        static let sekunder = Date.ISO8601FormatStyle()

        static func tekst(_ d: Date) -> String {
            let ms = Int64((d.timeIntervalSince1970 * 1000).rounded())
            let hele = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
            let rest = Int(ms - hele * 1000)
            let s = sekunder.format(Date(timeIntervalSince1970: TimeInterval(hele)))
            let brok = rest < 10 ? "00\(rest)" : rest < 100 ? "0\(rest)" : "\(rest)"
            return String(s.dropLast()) + "." + brok + "Z"
        }

        static func dato(_ s: String) -> Date? {
            guard s.hasSuffix("Z") else { return nil }
            let uden = s.dropLast()
            let dele = uden.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let hele = try? sekunder.parse(String(dele[0]) + "Z") else { return nil }
            guard dele.count == 2 else { return hele }
            let brok = String(dele[1])
            guard !brok.isEmpty, brok.count <= 9, brok.allSatisfy(\.isNumber), let v = Double("0." + brok) else { return nil }
            let ms = (hele.timeIntervalSince1970 * 1000).rounded() + (v * 1000).rounded()
            return Date(timeIntervalSince1970: ms / 1000)
        }
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { d, enc in
            var c = enc.singleValueContainer()
            try c.encode(Datoformat.tekst(d))
        }
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { dec in
            let s = try dec.singleValueContainer().decode(String.self)
            guard let dato = Datoformat.dato(s) else {
                throw DecodingError.dataCorrupted(.init(codingPath: dec.codingPath, debugDescription: "ugyldigt tidspunkt '\(s)'"))
            }
            return dato
        }
        return d
    }
}

extension Lager {
    func sorteret<M: Model>(_ m: M.Type) async throws -> [M] where M.IDValue == UUID {
        try await M.query(on: db).all().sorted { ($0.id?.uuidString ?? "") < ($1.id?.uuidString ?? "") }
    }

    /// The whole database as JSON.
    public func eksporterDump() async throws -> Data {
        let t = Databasedump.Tabeller(
            organisationer: try await sorteret(Organisationsmodel.self), tilbud: try await sorteret(Tilbudsmodel.self),
            beslutninger: try await sorteret(Beslutningsmodel.self), takstniveauer: try await sorteret(Takstniveaumodel.self),
            regnskaber: try await sorteret(Regnskabsmodel.self), belaegninger: try await sorteret(Belaegningsmodel.self),
            pladser: try await sorteret(Pladsmodel.self), plIndeks: try await sorteret(PLIndeksmodel.self),
            parametre: try await sorteret(Parametermodel.self), kommentarer: try await sorteret(Kommentarmodel.self),
            befolkning: try await sorteret(Befolkningsmodel.self), haendelser: try await sorteret(Haendelsesmodel.self),
            brugere: try await sorteret(Brugermodel.self), apiNoegler: try await sorteret(APINoeglemodel.self),
            afdaekninger: try await sorteret(Afdaekningsmodel.self), afdaekningssvar: try await sorteret(Afdaekningssvarmodel.self),
            afvigelsesaarsager: try await sorteret(Afvigelsesaarsagsmodel.self), udmeldingsdata: try await sorteret(Udmeldingsmodel.self),
            maalgruppelister: try await sorteret(Maalgruppemodel.self), ledigePladser: try await sorteret(LedigePladsermodel.self),
            indikatorer: try await sorteret(Indikatormodel.self), plSatser: try await sorteret(PLSatsmodel.self),
            kontrakter: try await sorteret(Kontraktmodel.self))
        var data = try Databasedump.encoder.encode(Databasedump.Fil(format: Databasedump.formatnavn, version: Databasedump.version, tabeller: t))
        data.append(0x0A)
        return data
    }

    /// Restores a dump into an empty database, in one transaction. No audit event is added: the
    /// restored log is the history, and a second export must equal the dump.
    @discardableResult
    public func gendanDump(_ data: Data, fil: String, fremdrift: Fremdriftsmelding? = nil) async throws -> Int {
        let dump: Databasedump.Fil
        do {
            dump = try Databasedump.decoder.decode(Databasedump.Fil.self, from: data)
        } catch {
            throw Importfejl(fil: fil, besked: "filen er ikke en Takstfil-dump (\(Lager.kortFejl(error)))")
        }
        guard dump.format == Databasedump.formatnavn else {
            throw Importfejl(fil: fil, besked: "ukendt format '\(dump.format)' (forventede '\(Databasedump.formatnavn)')")
        }
        guard dump.version == Databasedump.version else {
            throw Importfejl(fil: fil, besked: "dumpen har version \(dump.version); denne Takstfil læser version \(Databasedump.version)")
        }
        let organisationer = try await Organisationsmodel.query(on: db).count()
        let haendelser = try await Haendelsesmodel.query(on: db).count()
        guard organisationer == 0, haendelser == 0 else {
            throw Importfejl(fil: fil, besked: "databasen er ikke tom — en dump gendannes kun i en tom database")
        }
        let t = dump.tabeller
        let iAlt = t.antalRaekker
        try await iTransaktion { tx in
            var gjort = 0
            func opret(_ m: some Model) async throws {
                try await m.create(on: tx)
                gjort += 1
                fremdrift?(gjort, iAlt)
            }
            // Parents before sub-units (organisationer refer to themselves).
            var tilbage = t.organisationer
            var oprettede = Set<UUID>()
            while !tilbage.isEmpty {
                let klar = tilbage.filter { $0.$overordnet.id.map(oprettede.contains) ?? true }
                guard !klar.isEmpty else { throw Importfejl(fil: fil, besked: "organisationernes overordnede danner en ring") }
                for o in klar { try await opret(o); oprettede.insert(o.id!) }
                tilbage.removeAll { o in klar.contains { $0 === o } }
            }
            for m in t.tilbud { try await opret(m) }
            for m in t.beslutninger { try await opret(m) }
            for m in t.takstniveauer { try await opret(m) }
            for m in t.regnskaber { try await opret(m) }
            for m in t.belaegninger { try await opret(m) }
            for m in t.pladser { try await opret(m) }
            for m in t.plIndeks { try await opret(m) }
            for m in t.parametre { try await opret(m) }
            for m in t.kommentarer { try await opret(m) }
            for m in t.befolkning { try await opret(m) }
            for m in t.haendelser { try await opret(m) }
            for m in t.brugere ?? [] { try await opret(m) }
            for m in t.apiNoegler ?? [] { try await opret(m) }
            for m in t.afdaekninger ?? [] { try await opret(m) }
            for m in t.afdaekningssvar ?? [] { try await opret(m) }
            for m in t.afvigelsesaarsager ?? [] { try await opret(m) }
            for m in t.udmeldingsdata ?? [] { try await opret(m) }
            if let lister = t.maalgruppelister {
                try await Maalgruppemodel.query(on: tx).delete()
                for m in lister { try await opret(m) }
            }
            for m in t.ledigePladser ?? [] { try await opret(m) }
            for m in t.indikatorer ?? [] { try await opret(m) }
            // The migration seeds the published rates; the dump's own table replaces them.
            if let satser = t.plSatser {
                try await PLSatsmodel.query(on: tx).delete()
                for m in satser { try await opret(m) }
            }
            for m in t.kontrakter ?? [] { try await opret(m) }
        }
        return iAlt
    }

    static func kortFejl(_ e: any Error) -> String {
        switch e {
        case DecodingError.keyNotFound(let k, let c): return "mangler '\(k.stringValue)' ved \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c):
            return "\(c.debugDescription) ved \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(e)"
        }
    }
}
