import FluentKit
import Foundation
import Takstregler

/// A saved contract draft: the newest version of one of a kommune's references.
public struct GemtKontrakt: Sendable {
    public let id: UUID
    public let reference: String
    public let version: Int
    public let udkast: Kontraktudkast
    /// The unit price when saved, and the year of its price level.
    public let pris: Kroner
    public let prisaar: Int
    public let oprettetAf: String
    public let oprettet: String
}

extension Lager {
    static func plSats(_ m: PLSatsmodel) throws -> PLSats {
        guard let type = PLSatstype(rawValue: m.type), let procent = Decimal(string: m.procent) else {
            throw Valideringsfejl(felt: "pl_sats", besked: "en gemt P/L-sats kan ikke læses (\(m.type), \(m.procent))")
        }
        return try PLSats(type: type, kilde: m.kilde, art: m.art, aarFra: m.aarFra, aarTil: m.aarTil, procent: procent, reference: m.reference)
    }

    /// Every stored P/L rate.
    public func plSatser() async throws -> PLSatser {
        PLSatser(try await PLSatsmodel.query(on: db).all().map(Lager.plSats))
    }

    /// Stores rates from a file or the secretariat's form, all or none: a new kind and year is
    /// added, a changed one (the midtvejsregulering, a corrected typo) replaced with before and
    /// after in the audit log. Returns (new, changed, unchanged).
    @discardableResult
    public func gemPLSatser(_ satser: [PLSats], kilde: String, af bruger: String) async throws -> (nye: Int, aendrede: Int, uaendrede: Int) {
        try await skriv { tx, log in
            var t = (nye: 0, aendrede: 0, uaendrede: 0)
            for s in satser {
                if let m = try await PLSatsmodel.query(on: tx).filter(\.$type == s.type.rawValue).filter(\.$aarTil == s.aarTil).first() {
                    let foer = try Lager.plSats(m)
                    guard foer != s else { t.uaendrede += 1; continue }
                    Lager.saet(m, s)
                    try await m.update(on: tx)
                    log.append(try Lager.haendelse(bruger, "ret", "pl_sats", m.id, foer: foer, efter: s, begrundelse: kilde))
                    t.aendrede += 1
                } else {
                    let m = PLSatsmodel()
                    Lager.saet(m, s)
                    try await m.create(on: tx)
                    log.append(try Lager.haendelse(bruger, "opret", "pl_sats", m.id, efter: s, begrundelse: kilde))
                    t.nye += 1
                }
            }
            return t
        }
    }

    private static func saet(_ m: PLSatsmodel, _ s: PLSats) {
        m.type = s.type.rawValue
        m.kilde = s.kilde
        m.art = s.art
        m.aarFra = s.aarFra
        m.aarTil = s.aarTil
        m.procent = "\(s.procent)"
        m.reference = s.reference
    }

    /// Saves a valid draft under the kommune's reference as a new version (earlier versions stay).
    /// `pris` is the unit price the draft was made with and `prisaar` its price level's year.
    @discardableResult
    public func gemKontrakt(_ u: Kontraktudkast, organisation: String, pris: Kroner, prisaar: Int, af bruger: String) async throws -> GemtKontrakt {
        let fejl = u.fejl()
        if !fejl.isEmpty { throw Valideringsfejlliste(fejl) }
        try Kontrol.ikkeNegativ(pris, felt: "pris", hvad: "enhedsprisen")
        let json = try Lagerkodning.json(u)
        guard let organisationID = try await organisationsmodel(navn: organisation)?.id else {
            throw Valideringsfejl(felt: "organisation", besked: "ukendt organisation '\(organisation)'")
        }
        return try await skriv { tx, log in
            let sidste = try await Kontraktmodel.query(on: tx).filter(\.$organisationID == organisationID).filter(\.$reference == u.reference)
                .sort(\.$version, .descending).first()
            let m = Kontraktmodel()
            m.organisationID = organisationID
            m.reference = u.reference
            m.version = (sidste?.version ?? 0) + 1
            m.udkast = json
            m.pris = "\(pris)"
            m.prisaar = prisaar
            m.oprettetAf = bruger
            m.oprettet = Datoer.tekst(Date())
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, sidste == nil ? "opret" : "ret", "kontrakt", m.id,
                                           foer: try sidste.map { try Lager.gemtKontrakt($0).udkast }, efter: u,
                                           begrundelse: "version \(m.version) af \(u.reference)"))
            return try Lager.gemtKontrakt(m)
        }
    }

    static func gemtKontrakt(_ m: Kontraktmodel) throws -> GemtKontrakt {
        GemtKontrakt(id: try m.requireID(), reference: m.reference, version: m.version, udkast: try Lagerkodning.fraJSON(m.udkast),
                     pris: try Lagertal.decimal(m.pris), prisaar: m.prisaar, oprettetAf: m.oprettetAf, oprettet: m.oprettet)
    }

    /// A kommune's saved contracts, the newest version of each reference, by reference.
    public func kontrakter(organisation: String) async throws -> [GemtKontrakt] {
        guard let organisationID = try await organisationsmodel(navn: organisation)?.id else { return [] }
        let alle = try await Kontraktmodel.query(on: db).filter(\.$organisationID == organisationID).all()
        var nyeste: [String: Kontraktmodel] = [:]
        for m in alle where (nyeste[m.reference]?.version ?? 0) < m.version { nyeste[m.reference] = m }
        return try nyeste.values.map(Lager.gemtKontrakt).sorted { $0.reference.localizedStandardCompare($1.reference) == .orderedAscending }
    }
}

extension Lager {
    /// The region's rule for billing aflastning in a year: its parameter, else the rule the sources
    /// state for it (Nordjylland: granted døgn, 003:739–741), else nil.
    public func aflastningsgrundlag(region: String, aar: Int) async throws -> Aflastningsgrundlag? {
        try await parameter(aar: aar, region: region, noegle: Parameternoegle.aflastningsgrundlag, som: Aflastningsgrundlag.self)
            ?? Aflastningsgrundlag.kendte[region]
    }
}
