import FluentKit
import Foundation
import Takstregler

extension Lager {
    /// Saves a tilbud's regnskab for a year (the open version, or version 1).
    @discardableResult
    public func gemRegnskab(tilbudID: UUID, _ r: Regnskab, status: Status = .kladde, af bruger: String,
                            begrundelse: String? = nil) async throws -> Regnskabsmodel {
        try Kontrol.ikkeNegativ(r.belaegning, felt: "belaegning", hvad: "belægningen")
        try Kontrol.ikkeNegativ(r.omkostninger, felt: "regnskab_kr", hvad: "årets omkostninger")
        return try await skriv { tx, log in
            guard try await Tilbudsmodel.find(tilbudID, on: tx) != nil else { throw Lagerfejl.ukendtTilbud(tilbudID.uuidString) }
            let seneste = try await Regnskabsmodel.query(on: tx).filter(\.$tilbud.$id == tilbudID)
                .filter(\.$aar == r.aar).sort(\.$version, .descending).first()
            if let seneste {
                guard !(Status(rawValue: seneste.status) ?? .kladde).erLaast else {
                    throw Lagerfejl.laast("Regnskabet \(r.aar) version \(seneste.version)")
                }
                let foer = try seneste.domaene
                seneste.saet(r)
                seneste.status = status.rawValue
                seneste.revision += 1
                try await seneste.save(on: tx)
                log.append(try Lager.haendelse(bruger, "ret", "regnskab", seneste.id, foer: foer, efter: r, begrundelse: begrundelse))
                return seneste
            }
            let m = try Regnskabsmodel(tilbudID: tilbudID, regnskab: r, status: status)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "regnskab", m.id, efter: r, begrundelse: begrundelse))
            return m
        }
    }

    public func regnskaber(tilbudID: UUID) async throws -> [Regnskab] {
        let alle = try await Regnskabsmodel.query(on: db).filter(\.$tilbud.$id == tilbudID).sort(\.$aar).sort(\.$version).all()
        // The latest version of each year.
        var pr: [Int: Regnskab] = [:]
        for m in alle { pr[m.aar] = try m.domaene }
        return pr.keys.sorted().map { pr[$0]! }
    }

    @discardableResult
    public func gemBelaegning(tilbudID: UUID, _ b: Belaegning, af bruger: String) async throws -> Belaegningsmodel {
        guard (1...4).contains(b.kvartal) else {
            throw Valideringsfejl(felt: "kvartal", besked: "kvartalet skal være 1, 2, 3 eller 4 (fik \(b.kvartal))")
        }
        if let n = b.normering { try Kontrol.ikkeNegativ(n, felt: "normering", hvad: "normeringen") }
        if let f = b.forbrug { try Kontrol.ikkeNegativ(f, felt: "forbrug", hvad: "forbruget") }
        return try await skriv { tx, log in
            guard try await Tilbudsmodel.find(tilbudID, on: tx) != nil else { throw Lagerfejl.ukendtTilbud(tilbudID.uuidString) }
            let kvartal = try await Belaegningsmodel.query(on: tx).filter(\.$tilbud.$id == tilbudID)
                .filter(\.$aar == b.aar).filter(\.$kvartal == b.kvartal).sort(\.$version, .descending).all()
            let foer = try kvartal.lazy.map { try $0.domaene }.first { $0.art == b.art }
            // Quarterly figures are corrected as new versions, so earlier reports stay readable.
            let m = try Belaegningsmodel(tilbudID: tilbudID, belaegning: b, version: (kvartal.first?.version ?? 0) + 1)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, foer == nil ? "opret" : "ret", "belaegning", m.id, foer: foer, efter: b))
            return m
        }
    }

    public func saetPLIndeks(aar: Int, indeks: Decimal, af bruger: String) async throws {
        try Kontrol.positiv(indeks, felt: "indeks", hvad: "P/L-indekset")
        try await skriv { tx, log in
            let eksisterende = try await PLIndeksmodel.query(on: tx).filter(\.$aar == aar).first()
            let foer = eksisterende.map { ["aar": "\($0.aar)", "indeks": $0.indeks] }
            let m = eksisterende ?? PLIndeksmodel(aar: aar, indeks: indeks)
            m.indeks = "\(indeks)"
            try await m.save(on: tx)
            log.append(try Lager.haendelse(bruger, eksisterende == nil ? "opret" : "ret", "pl_indeks", m.id, foer: foer,
                                           efter: ["aar": "\(aar)", "indeks": "\(indeks)"]))
        }
    }

    public func plIndeks() async throws -> PLIndeks {
        var d: [Int: Decimal] = [:]
        for m in try await PLIndeksmodel.query(on: db).all() { d[m.aar] = Decimal(string: m.indeks) }
        return PLIndeks(d)
    }

    /// Sets a yearly parameter for a region; the value is the rule's own JSON.
    public func saetParameter<T: Codable & Sendable>(aar: Int, region: String, noegle: String, vaerdi: T,
                                                     af bruger: String) async throws {
        let json = try Lagerkodning.json(vaerdi)
        try await skriv { tx, log in
            let eksisterende = try await Parametermodel.query(on: tx).filter(\.$aar == aar)
                .filter(\.$region == region).filter(\.$noegle == noegle).first()
            let foer = eksisterende?.vaerdi
            let m = eksisterende ?? Parametermodel(aar: aar, region: region, noegle: noegle, vaerdi: json)
            m.vaerdi = json
            try await m.save(on: tx)
            log.append(try Lager.haendelse(bruger, eksisterende == nil ? "opret" : "ret", "parameter", m.id,
                                           foer: foer.map { ["\(noegle)": $0] }, efter: ["\(noegle)": json]))
        }
    }

    public func parameter<T: Codable>(aar: Int, region: String, noegle: String, som: T.Type) async throws -> T? {
        guard let m = try await Parametermodel.query(on: db).filter(\.$aar == aar).filter(\.$region == region)
            .filter(\.$noegle == noegle).first() else { return nil }
        return try Lagerkodning.fraJSON(m.vaerdi)
    }
}

public enum Skrivningsudfald: Sendable { case oprettet, aendret, uaendret }

extension Lager {
    /// The newest version of one quarter's belægning of one art (dag, døgn, åben, lukket).
    public func senesteBelaegning(tilbudID: UUID, aar: Int, kvartal: Int, art: Belaegningsart) async throws -> Belaegning? {
        let alle = try await Belaegningsmodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$aar == aar)
            .filter(\.$kvartal == kvartal).sort(\.$version, .descending).all()
        return try alle.lazy.map { try $0.domaene }.first { $0.art == art }
    }

    /// Places of a tilbud in a year per type; a change is a new version.
    @discardableResult
    public func gemPladser(tilbudID: UUID, aar: Int, type: Tilbud.Type_, pladser: Decimal, af bruger: String) async throws -> Skrivningsudfald {
        try Kontrol.ikkeNegativ(pladser, felt: "pladser", hvad: "antal pladser")
        return try await skriv { tx, log in
            let seneste = try await Pladsmodel.query(on: tx).filter(\.$tilbud.$id == tilbudID).filter(\.$aar == aar)
                .filter(\.$type == type.rawValue).sort(\.$version, .descending).first()
            if let seneste, Decimal(string: seneste.pladser) == pladser { return .uaendret }
            let m = Pladsmodel(tilbudID: tilbudID, aar: aar, type: type.rawValue, pladser: pladser, version: (seneste?.version ?? 0) + 1)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, seneste == nil ? "opret" : "ret", "pladser", m.id,
                                           foer: seneste.map { ["pladser": $0.pladser] },
                                           efter: ["aar": "\(aar)", "type": type.rawValue, "pladser": "\(pladser)"]))
            return seneste == nil ? .oprettet : .aendret
        }
    }
}

extension Lager {
    /// Approves (or rejects) a tilbud's regnskab for a year; an approved result is what
    /// efterregulering carries into the takst two years later.
    public func skiftRegnskabsstatus(tilbudID: UUID, aar: Int, til ny: Status, af bruger: String,
                                     begrundelse: String? = nil) async throws {
        try await skriv { tx, log in
            guard let m = try await Regnskabsmodel.query(on: tx).filter(\.$tilbud.$id == tilbudID).filter(\.$aar == aar)
                .sort(\.$version, .descending).first() else {
                throw Valideringsfejl(felt: "aar", besked: "tilbuddet har intet regnskab for \(aar)")
            }
            let fra = Status(rawValue: m.status) ?? .kladde
            guard fra.kanGaaTil(ny) else { throw Lagerfejl.ugyldigStatusskift(fra: fra.tekst, til: ny.tekst) }
            m.status = ny.rawValue
            m.revision += 1
            try await m.save(on: tx)
            log.append(try Lager.haendelse(bruger, ny.rawValue, "regnskab", m.id, foer: ["status": fra.rawValue],
                                           efter: ["status": ny.rawValue], begrundelse: begrundelse))
        }
    }
}
