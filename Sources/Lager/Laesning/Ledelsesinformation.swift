import Fluent
import Foundation
import Takstregler

/// The five tables of the ledelsesinformation from stored reports (DOMAIN.md 6.5). Every table
/// is computed by the rules in Takstregler; this file only gathers the rows (a few queries per
/// table, grouped in memory).
extension Lager {
    struct RegnskabPrTilbud {
        let tilbud: String
        let driftsherre: String
        let regnskab: Regnskab
    }

    /// The newest version of each tilbud's regnskab for a year, within a region (nil = all);
    /// `kunGodkendte` leaves out drafts and submitted figures (the public pages).
    func regnskaber(aar: Int, region: String?, kunGodkendte: Bool = false) async throws -> [RegnskabPrTilbud] {
        let tilbud = try await tilbudMedDriftsherre(region: region)
        var q = Regnskabsmodel.query(on: db).filter(\.$aar == aar)
        if kunGodkendte { q = q.filter(\.$status ~~ [Status.godkendt.rawValue, Status.offentliggjort.rawValue]) }
        let rows = try await q.sort(\.$version).all()
        var seneste: [UUID: Regnskabsmodel] = [:]
        for r in rows { seneste[r.$tilbud.id] = r }
        return try seneste.compactMap { id, m in
            guard let t = tilbud[id] else { return nil }
            return RegnskabPrTilbud(tilbud: t.navn, driftsherre: t.driftsherre.navn, regnskab: try m.domaene)
        }
    }

    func tilbudMedDriftsherre(region: String?) async throws -> [UUID: Tilbudsmodel] {
        var ud: [UUID: Tilbudsmodel] = [:]
        for t in try await Tilbudsmodel.query(on: db).with(\.$driftsherre).all()
        where region == nil || t.driftsherre.region == region {
            ud[try t.requireID()] = t
        }
        return ud
    }

    /// Driftsherrer with a regnskab in either year, in Danish alphabetical order.
    private func driftsherrer(_ a: [RegnskabPrTilbud], _ b: [RegnskabPrTilbud]) -> [String] {
        Array(Set((a + b).map(\.driftsherre))).sorted(by: DanskSortering.foer)
    }

    /// Tabel 1: takstudvikling på regnskab, the earlier year in the later year's prices.
    public func takstudviklingTabel(fra: Int, til: Int, region: String? = nil, kunGodkendte: Bool = false) async throws -> [Takstudvikling.Raekke] {
        let a = try await regnskaber(aar: fra, region: region, kunGodkendte: kunGodkendte)
        let b = try await regnskaber(aar: til, region: region, kunGodkendte: kunGodkendte)
        func sum(_ r: [RegnskabPrTilbud], _ d: String) -> Regnskabstal {
            r.filter { $0.driftsherre == d }.reduce(.nul) { $0 + Regnskabstal(belaegning: $1.regnskab.belaegning, regnskab: $1.regnskab.omkostninger) }
        }
        let input = driftsherrer(a, b).map { (driftsherre: $0, fra: sum(a, $0), til: sum(b, $0)) }
        return Takstudvikling.tabel(input, plFaktor: try await plIndeks().faktor(fra: fra, til: til))
    }

    /// Tabel 2 (`\.resultat`, over/underskud) or 3 (`\.tillaegsydelser`).
    public func toAarsTabel(fra: Int, til: Int, region: String? = nil, kunGodkendte: Bool = false,
                            _ beloeb: @escaping (Regnskab) -> Kroner?) async throws -> [ToAarsoversigt.Raekke] {
        let a = try await regnskaber(aar: fra, region: region, kunGodkendte: kunGodkendte)
        let b = try await regnskaber(aar: til, region: region, kunGodkendte: kunGodkendte)
        func sum(_ r: [RegnskabPrTilbud], _ d: String) -> Kroner {
            r.filter { $0.driftsherre == d }.reduce(Decimal(0)) { $0 + (beloeb($1.regnskab) ?? 0) }
        }
        let input = driftsherrer(a, b).map { (driftsherre: $0, fra: sum(a, $0), til: sum(b, $0)) }
        return ToAarsoversigt.tabel(input, plFaktor: try await plIndeks().faktor(fra: fra, til: til))
    }

    /// Tabel 4: belægning per målgruppe for a year (newest version of each quarter).
    public func belaegningsTabel(aar: Int, region: String? = nil) async throws -> [Belaegningsoversigt.Raekke] {
        let tilbud = try await tilbudMedDriftsherre(region: region)
        var seneste: [String: (Int, Belaegning, Tilbudsmodel)] = [:]
        for m in try await Belaegningsmodel.query(on: db).filter(\.$aar == aar).all() {
            guard let t = tilbud[m.$tilbud.id] else { continue }
            let b = try m.domaene
            let noegle = "\(m.$tilbud.id)\(m.kvartal)\(b.art.rawValue)"
            if let nu = seneste[noegle], nu.0 > m.version { continue }
            seneste[noegle] = (m.version, b, t)
        }
        let maalinger = seneste.values.compactMap { (_, b, t) -> Belaegningsoversigt.Maaling? in
            guard let mg = t.maalgruppe.flatMap(Maalgruppe.init(rawValue:)) else { return nil }
            return .init(tilbud: t.navn, maalgruppe: mg, art: b.art, kvartal: b.kvartal, normering: b.normering, forbrug: b.forbrug)
        }
        return Belaegningsoversigt.tabel(maalinger)
    }

    /// Tabel 5: places per driftsherre and målgruppe in two years.
    public func pladsTabel(fra: Int, til: Int, region: String? = nil) async throws -> [Pladsoversigt.Raekke] {
        let tilbud = try await tilbudMedDriftsherre(region: region)
        var seneste: [String: (Int, Pladsmodel)] = [:]
        for m in try await Pladsmodel.query(on: db).filter(\.$aar ~~ [fra, til]).all() {
            let noegle = "\(m.$tilbud.id)\(m.aar)\(m.type)"
            if let nu = seneste[noegle], nu.0 > m.version { continue }
            seneste[noegle] = (m.version, m)
        }
        let pladser = seneste.values.compactMap { (_, m) -> Pladsoversigt.Plads? in
            guard let t = tilbud[m.$tilbud.id], let mg = t.maalgruppe.flatMap(Maalgruppe.init(rawValue:)),
                  let type = Tilbud.Type_(rawValue: m.type), let antal = Decimal(string: m.pladser) else { return nil }
            return .init(driftsherre: t.driftsherre.navn, maalgruppe: mg, type: type, aar: m.aar, pladser: antal)
        }
        return Pladsoversigt.tabel(pladser, fra: fra, til: til)
    }

    /// Takstaftale per driftsherre, like-for-like over tilbud with regnskab in both years.
    public func takstaftaleTabel(fra: Int, til: Int, region: String? = nil, tidligereReduktion: [String: Decimal] = [:],
                                 parametre: Takstaftale.Parametre = .midt2019_2022) async throws -> [Takstaftale.Vurdering] {
        let a = try await regnskaber(aar: fra, region: region), b = try await regnskaber(aar: til, region: region)
        let pl = try await plIndeks().faktor(fra: fra, til: til)
        return try driftsherrer(a, b).compactMap { d in
            let navne = Set((a + b).filter { $0.driftsherre == d }.map(\.tilbud))
            let tal = { (r: [RegnskabPrTilbud], t: String) in
                r.first { $0.driftsherre == d && $0.tilbud == t }.map { Regnskabstal(belaegning: $0.regnskab.belaegning, regnskab: $0.regnskab.omkostninger) }
            }
            let s = Takstaftale.sammenlignelige(navne.sorted().map { (tilbud: $0, fra: tal(a, $0), til: tal(b, $0)) })
            guard let gFra = s.fra.gennemsnitspris, let gTil = s.til.gennemsnitspris else { return nil }
            return try Takstaftale.vurder(driftsherre: d, fra: gFra, til: gTil, plFaktor: pl,
                                          tidligereReduktion: tidligereReduktion[d] ?? 0, parametre)
        }
    }

    /// Nordjylland's measure: published takst levels present in both years.
    public func niveauTakstudvikling(fra: Int, til: Int, region: String? = nil) async throws -> [NiveauTakstudvikling.Driftsherre] {
        let a = try await offentligTakstliste(aar: fra), b = try await offentligTakstliste(aar: til)
        let tilbud = try await tilbudMedDriftsherre(region: region)
        var niveauer: [String: NiveauTakstudvikling.Niveau] = [:]
        for (liste, erFra) in [(a, true), (b, false)] {
            for t in liste where tilbud[t.id] != nil {
                for n in t.niveauer {
                    let noegle = "\(t.id)/\(n.niveau.navn)"
                    var v = niveauer[noegle] ?? .init(driftsherre: t.tilbud.driftsherre, noegle: noegle, takstFra: nil, takstTil: nil)
                    if erFra { v.takstFra = n.takst } else { v.takstTil = n.takst }
                    niveauer[noegle] = v
                }
            }
        }
        return NiveauTakstudvikling.prDriftsherre(Array(niveauer.values), plFaktor: try await plIndeks().faktor(fra: fra, til: til))
    }

    // MARK: Comments and notes

    public func tilfoejKommentar(aar: Int, tabel: String, driftsherre: String, art: String = "kommentar", tekst: String,
                                 af bruger: String) async throws {
        guard !tekst.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Valideringsfejl(felt: "tekst", besked: "kommentaren er tom")
        }
        guard try await organisation(navn: driftsherre) != nil || driftsherre == Takstudvikling.iAlt else {
            throw Lagerfejl.ukendtOrganisation(driftsherre)
        }
        try await skriv { tx, log in
            let m = Kommentarmodel(aar: aar, tabel: tabel, driftsherre: driftsherre, art: art, tekst: tekst, bruger: bruger)
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", art, m.id, efter: ["aar": "\(aar)", "tabel": tabel,
                                                                                "driftsherre": driftsherre, "tekst": tekst]))
        }
    }

    /// Comments and notes for a year's ledelsesinformation: tabel → driftsherre → texts.
    public func kommentarer(aar: Int) async throws -> [String: [String: [String]]] {
        var ud: [String: [String: [String]]] = [:]
        for k in try await Kommentarmodel.query(on: db).filter(\.$aar == aar).sort(\.$tidspunkt).all() {
            ud[k.tabel, default: [:]][k.driftsherre, default: []].append(k.art == "note" ? "Note: \(k.tekst)" : k.tekst)
        }
        return ud
    }

    /// The newest approved regnskab of year `takstaar − 2`, as the regulation for a takst of `takstaar`
    /// (DOMAIN.md 6.2); nil without an approved result.
    public func efterregulering(tilbudID: UUID, takstaar: Int, valg: Efterregulering.Valg = .init(),
                                graensePct: Decimal = 5) async throws -> Regulering? {
        let aar = Efterregulering.regnskabsaar(forTakstaar: takstaar)
        guard let m = try await Regnskabsmodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$aar == aar)
            .sort(\.$version, .descending).first(),
              [Status.godkendt.rawValue, Status.offentliggjort.rawValue].contains(m.status) else { return nil }
        let r = try m.domaene
        guard let resultat = r.resultat else { return nil }
        return try Efterregulering.regulering(regnskabsaar: aar, resultat: resultat, grundlag: r.omkostninger,
                                              valg: valg, graensePct: graensePct)
    }
}
