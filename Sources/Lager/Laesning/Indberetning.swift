import FluentKit
import Foundation
import SQLKit
import Takstregler

/// A tilbud as the reporting pages need it: id, domain value, and its driftsherre's parent
/// (ownership of sub-units' tilbud).
public struct TilbudMedEjer: Sendable {
    public let id: UUID
    public let tilbud: Tilbud
    public let demo: Bool
    /// Where the figures come from (demo data and imports say so on the tilbud page).
    public let kilde: String?
    public let driftsherrensOverordnede: String?
    public let region: String?
}

/// One submitted takstniveau in the secretariat's queue.
public struct Koepost: Sendable {
    public let niveauID: UUID
    public let tilbud: TilbudMedEjer
    public let niveau: Takstniveau
    public let takst: Kroner
    public let begrundelse: String?
    /// The same level's newest published takst the year before, for the change.
    public let sidsteAarsTakst: Kroner?
    /// Last year's unit, when the level had a published takst then.
    public let sidsteAarsEnhed: Takstenhed?

    /// The unit changed from last year (døgn → dag): flagged for the secretariat (DOMAIN.md 7).
    public var enhedSkiftet: Bool { Indsendelseskontrol.enhedSkiftet(niveau.grundlag.enhed, sidsteAar: sidsteAarsEnhed) }
}

extension Lager {
    /// One tilbud with its driftsherre and that driftsherre's parent.
    public func tilbudMedEjer(id: UUID) async throws -> TilbudMedEjer? {
        guard let t = try await Tilbudsmodel.query(on: db).with(\.$driftsherre).filter(\.$id == id).first() else { return nil }
        return try await medEjer(t)
    }

    func medEjer(_ t: Tilbudsmodel) async throws -> TilbudMedEjer {
        var overordnet: String?
        if let o = t.driftsherre.$overordnet.id { overordnet = try await Organisationsmodel.find(o, on: db)?.navn }
        return TilbudMedEjer(id: try t.requireID(), tilbud: t.domaene(driftsherre: t.driftsherre.navn), demo: t.demo, kilde: t.kilde,
                             driftsherrensOverordnede: overordnet, region: t.driftsherre.region)
    }

    /// The tilbud an organisation owns: its own and its sub-units' (DOMAIN.md 2), by name.
    public func egneTilbud(organisation: String) async throws -> [TilbudMedEjer] {
        guard let org = try await organisationsmodel(navn: organisation), let orgID = org.id else { return [] }
        let under = try await Organisationsmodel.query(on: db).filter(\.$overordnet.$id == orgID).all().compactMap(\.id)
        let tilbud = try await Tilbudsmodel.query(on: db).with(\.$driftsherre).filter(\.$driftsherre.$id ~~ ([orgID] + under)).all()
        var ud: [TilbudMedEjer] = []
        for t in tilbud { ud.append(try await medEjer(t)) }
        return ud.sorted { DanskSortering.foer($0.tilbud.navn, $1.tilbud.navn) }
    }

    /// Every version of every level of a tilbud in a year, newest version first per level.
    public func takstniveauer(tilbudID: UUID, aar: Int) async throws -> [GemtTakstniveau] {
        try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$aar == aar)
            .with(\.$beslutning).sort(\.$navn).sort(\.$version, .descending).all().map { try $0.gemt }
    }

    public func takstniveau(id: UUID) async throws -> GemtTakstniveau? {
        try await Takstniveaumodel.query(on: db).filter(\.$id == id).with(\.$beslutning).first()?.gemt
    }

    /// Submitted takstniveauer waiting for the secretariat, oldest year first.
    public func behandlingskoe(status: Status = .indsendt, aar: Int? = nil) async throws -> [Koepost] {
        try await behandlingskoe(statusser: [status], aar: aar)
    }

    /// The levels in any of `statusser` (optionally one year), each with last year's published takst;
    /// last year's list is read once per year, whatever the number of statuses.
    public func behandlingskoe(statusser: [Status], aar: Int? = nil) async throws -> [Koepost] {
        var q = Takstniveaumodel.query(on: db).filter(\.$status ~~ statusser.map(\.rawValue))
        if let aar { q = q.filter(\.$aar == aar) }
        let niveauer = try await q.sort(\.$aar).sort(\.$navn).all()
        var tilbud: [UUID: TilbudMedEjer] = [:]
        var forrige: [Int: [UUID: [String: (takst: Kroner, enhed: Takstenhed)]]] = [:]
        var ud: [Koepost] = []
        for m in niveauer {
            let tid = m.$tilbud.id
            if tilbud[tid] == nil { tilbud[tid] = try await tilbudMedEjer(id: tid) }
            guard let t = tilbud[tid] else { continue }
            if forrige[m.aar - 1] == nil {
                var d: [UUID: [String: (takst: Kroner, enhed: Takstenhed)]] = [:]
                // Last year's takst is the one in force on its last day (DOMAIN.md 6.1: a year may have periods).
                for r in try await offentligTakstliste(aar: m.aar - 1).paaDato("\(m.aar - 1)-12-31") {
                    for n in r.niveauer { d[r.id, default: [:]][n.niveau.navn] = (n.takst, n.niveau.grundlag.enhed) }
                }
                forrige[m.aar - 1] = d
            }
            ud.append(Koepost(niveauID: try m.requireID(), tilbud: t, niveau: try m.domaene, takst: try m.takstDecimal,
                              begrundelse: m.begrundelse, sidsteAarsTakst: forrige[m.aar - 1]?[tid]?[m.navn]?.takst,
                              sidsteAarsEnhed: forrige[m.aar - 1]?[tid]?[m.navn]?.enhed))
        }
        return ud.sorted { ($0.niveau.aar, $0.tilbud.tilbud.navn, $0.niveau.navn) < ($1.niveau.aar, $1.tilbud.tilbud.navn, $1.niveau.navn) }
    }

    /// Approved, not yet published levels per year (what "offentliggør" would publish).
    public func godkendteIkkeOffentliggjorte() async throws -> [Int: Int] {
        var ud: [Int: Int] = [:]
        for m in try await Takstniveaumodel.query(on: db).filter(\.$status == Status.godkendt.rawValue).all() { ud[m.aar, default: 0] += 1 }
        return ud
    }

    /// A tilbud's regnskaber (every year, newest version per year, newest year first) with status.
    public func gemteRegnskaber(tilbudID: UUID) async throws -> [GemtRegnskab] {
        let alle = try await Regnskabsmodel.query(on: db).filter(\.$tilbud.$id == tilbudID).sort(\.$aar).sort(\.$version).all()
        var pr: [Int: Regnskabsmodel] = [:]
        for m in alle { pr[m.aar] = m }
        return try pr.keys.sorted(by: >).map { try pr[$0]!.gemt }
    }

    /// Submitted regnskaber waiting for the secretariat.
    public func indsendteRegnskaber() async throws -> [(tilbud: TilbudMedEjer, regnskab: Regnskab)] {
        var ud: [(TilbudMedEjer, Regnskab)] = []
        for m in try await Regnskabsmodel.query(on: db).filter(\.$status == Status.indsendt.rawValue).sort(\.$aar).all() {
            guard let t = try await tilbudMedEjer(id: m.$tilbud.id) else { continue }
            ud.append((t, try m.domaene))
        }
        return ud
    }

    /// The newest belægning per quarter and art of a tilbud in a year.
    public func belaegninger(tilbudID: UUID, aar: Int) async throws -> [Belaegning] {
        var seneste: [String: (Int, Belaegning)] = [:]
        for m in try await Belaegningsmodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$aar == aar).all() {
            let b = try m.domaene
            let k = "\(b.kvartal)/\(b.art.rawValue)"
            if let nu = seneste[k], nu.0 > m.version { continue }
            seneste[k] = (m.version, b)
        }
        return seneste.values.map(\.1).sorted { ($0.kvartal, $0.art.rawValue) < ($1.kvartal, $1.art.rawValue) }
    }

    /// Years with regnskab, newest first (the ledelsesinformation's year picker).
    public func aarMedRegnskab(kunGodkendte: Bool = false) async throws -> [Int] {
        if let rapportcache { return try await rapportcache.data(self).aarMedRegnskab(kunGodkendte: kunGodkendte) }
        // Plain SQL: the models of every regnskab (30.000 at national scale) were read for a list of years.
        var q = try sql.select().distinct().column("aar").from(Regnskabsmodel.schema)
        if kunGodkendte { q = q.where("status", .in, [Status.godkendt.rawValue, Status.offentliggjort.rawValue]) }
        return try await alleRaekker(q).map { try $0.heltal("aar") }.sorted(by: >)
    }
}
