import FluentKit
import Foundation
import Takstregler

/// The state of a takstniveau as the audit log records it: the input and the computed takst.
struct TakstniveauLog: Encodable {
    let niveau: Takstniveau
    let takst: Kroner

    /// The same JSON as `Lagerkodning.json(self)`, assembled around a basis that is already
    /// encoded (bulk imports encode it once for the row and reuse it here; a test holds the two
    /// byte-identical).
    static func json(_ niveau: Takstniveau, grundlagJSON: String, basisYdelseJSON: String?, takst: Kroner) throws -> String {
        let navn = try Lagerkodning.json(niveau.navn)
        let basis = basisYdelseJSON.map { "\"basisYdelse\":\($0)," } ?? ""
        let periode = try (niveau.gyldigFra.map { "\"gyldigFra\":\(try Lagerkodning.json($0))," } ?? "")
            + (niveau.kunForIndskrevetFra.map { "\"kunForIndskrevetFra\":\(try Lagerkodning.json($0))," } ?? "")
            + (niveau.midlertidig ? "\"midlertidig\":true," : "")
        return "{\"niveau\":{\"aar\":\(niveau.aar),\(basis)\"grundlag\":\(grundlagJSON),\(periode)\"navn\":\(navn),"
            + "\"status\":\"\(niveau.status.rawValue)\",\"version\":\(niveau.version)},\"takst\":\(try Lagerkodning.json(takst))}"
    }
}

extension Lager {
    /// Saves a takstniveau draft: computes the takst first (invalid input is refused before
    /// anything is written), creates version 1 or updates the open draft. A published level is
    /// never changed — that needs `opretRettelse`. `forventetRevision` guards against lost updates.
    @discardableResult
    public func gemTakstniveau(tilbudID: UUID, niveau: Takstniveau, af bruger: String,
                               begrundelse: String? = nil, forventetRevision: Int? = nil) async throws -> GemtTakstniveau {
        let navn = niveau.navn.trimmingCharacters(in: .whitespaces)
        guard !navn.isEmpty else { throw Valideringsfejl(felt: "niveau", besked: "takstniveauet skal have et navn") }
        guard Aarsinterval.gyldige.contains(niveau.aar) else {
            throw Valideringsfejl(felt: "aar", besked: "året skal ligge mellem \(Aarsinterval.gyldige.lowerBound) og \(Aarsinterval.gyldige.upperBound) (fik \(niveau.aar))")
        }
        let takst = try niveau.beregn().takst
        var kontrolleret = try niveau.medKontrolleretPeriode()
        kontrolleret.navn = navn
        kontrolleret.midlertidig = false // provisional is a mark of the approval, never of a draft
        let indtastet = kontrolleret
        return try await skriv { tx, log in
            var ny = indtastet
            guard try await Tilbudsmodel.find(tilbudID, on: tx) != nil else { throw Lagerfejl.ukendtTilbud(tilbudID.uuidString) }
            let aaret = try await Lager.versionerAfNiveau(tx, tilbudID: tilbudID, navn: navn, aar: ny.aar)
            // Each period is its own record: a new `gyldig fra` never edits another period (DOMAIN.md 6.1).
            let seneste = try aaret.first { try $0.domaene.periodestart == ny.periodestart }
            if let seneste {
                // The workflow decides, for every caller: only a draft or a rejected level is saved
                // again; anything else is refused naming its status (never silently reset to a draft).
                let status = try seneste.domaene.status
                guard status.hvorforIkkeRedigerbar == nil else {
                    throw Lagerfejl.ikkeRedigerbar("takstniveauet '\(navn)' \(niveau.aar) version \(seneste.version)", status)
                }
                let forventet = forventetRevision ?? seneste.revision
                let foer = TakstniveauLog(niveau: try seneste.domaene, takst: try seneste.takstDecimal)
                guard forventet == seneste.revision,
                      try await Lager.bumpRevision(tx, tabel: Takstniveaumodel.schema, id: seneste.requireID(), forventet: forventet) else {
                    let nu = try await Takstniveaumodel.find(seneste.id, on: tx) ?? seneste
                    throw Lagerfejl.konflikt("takstniveauet '\(navn)' \(niveau.aar) er ændret\(try await Lager.senesteAendring(tx, id: seneste.requireID())) siden du hentede det (din revision \(forventet), nu \(nu.revision)); gemt takst nu: \(DanskTal.formater(try nu.takstDecimal, decimaler: 2)) kr., din takst: \(DanskTal.formater(takst, decimaler: 2)) kr. Hent den nye version og gem igen.")
                }
                ny.version = seneste.version
                ny.status = .kladde // a rejected level becomes a draft again when it is edited
                try seneste.saet(ny, takst: takst)
                seneste.revision = forventet + 1
                if let begrundelse { seneste.begrundelse = begrundelse }
                try await seneste.save(on: tx)
                log.append(try Lager.haendelse(bruger, "ret", "takstniveau", seneste.id, foer: foer,
                                               efter: TakstniveauLog(niveau: ny, takst: takst), begrundelse: begrundelse))
                return try seneste.gemt
            }
            // Versions number the records of a level and year, across its periods (the first is 1).
            ny.version = (aaret.first?.version ?? 0) + 1
            let m = try Takstniveaumodel(tilbudID: tilbudID, niveau: ny, takst: takst)
            m.begrundelse = begrundelse
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "takstniveau", m.id, efter: TakstniveauLog(niveau: ny, takst: takst),
                                           begrundelse: begrundelse))
            return try m.gemt
        }
    }

    /// Moves a takstniveau through the workflow (DOMAIN.md 7); approvals may carry the decision.
    @discardableResult
    public func skiftStatus(niveauID: UUID, til ny: Status, af bruger: String, begrundelse: String? = nil,
                            beslutning: Beslutning? = nil, midlertidig: Bool = false) async throws -> GemtTakstniveau {
        try await skriv { tx, log in
            guard let m = try await Takstniveaumodel.find(niveauID, on: tx) else { throw Lagerfejl.ikkeFundet("Takstniveauet") }
            let fra = try m.domaene.status
            guard fra.kanGaaTil(ny) else { throw Lagerfejl.ugyldigStatusskift(fra: fra.tekst, til: ny.tekst) }
            if midlertidig, ny != .godkendt {
                throw Valideringsfejl(felt: "midlertidig", besked: "kun en godkendelse kan være midlertidig (ikke \(ny.tekst.lowercased()))")
            }
            if ny == .afvist, (begrundelse ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw Valideringsfejl(felt: "begrundelse", besked: "en afvisning skal have en kommentar")
            }
            if ny == .indsendt {
                // DOMAIN.md 7: a large change from last year's published takst needs an explanation.
                let sidste = try await Lager(tx).sidsteAarsTakst(tilbudID: m.$tilbud.id, navn: m.navn, aar: m.aar)
                let graense = try await Lager(tx).tilbuddetsParameter(tilbudID: m.$tilbud.id, aar: m.aar,
                                                                      noegle: Parameternoegle.takstaendringsgraense, som: Decimal.self)
                    ?? Indsendelseskontrol.standardgraensePct
                try Indsendelseskontrol.kontroller(takst: try m.takstDecimal, sidsteAar: sidste?.takst,
                                                   begrundelse: (m.begrundelse ?? "") + (begrundelse ?? ""), graensePct: graense)
            }
            if let beslutning {
                let b = Beslutningsmodel(beslutning)
                try await b.create(on: tx)
                m.$beslutning.id = b.id
            }
            m.status = ny.rawValue
            // DOMAIN.md 6.1 (002:2833–2842): the mark belongs to the approval; a rejection clears it.
            if ny == .godkendt || ny == .afvist { m.midlertidig = midlertidig ? true : nil }
            m.revision += 1
            try await m.save(on: tx)
            var efter = ["status": ny.rawValue]
            if midlertidig { efter["midlertidig"] = "ja" }
            if let beslutning {
                // The decision reference (body, date, item) is part of what the approval changed.
                efter["organ"] = beslutning.organ
                efter["dato"] = beslutning.dato
                efter["punkt"] = beslutning.punkt
                if let d = beslutning.delegation { efter["delegation"] = d }
            }
            log.append(try Lager.haendelse(bruger, ny.rawValue, "takstniveau", m.id, foer: ["status": fra.rawValue],
                                           efter: efter, begrundelse: begrundelse ?? beslutning?.tekst))
            return try m.gemt
        }
    }

    /// Publishes every approved takstniveau of a year; returns how many.
    @discardableResult
    public func offentliggoer(aar: Int, af bruger: String) async throws -> Int {
        guard Aarsinterval.erGyldigt(aar) else {
            throw Valideringsfejl(felt: "aar", besked: "året skal ligge mellem \(Aarsinterval.gyldige.lowerBound) og \(Aarsinterval.gyldige.upperBound) (fik \(aar))")
        }
        return try await skriv { tx, log in
            let godkendte = try await Takstniveaumodel.query(on: tx).filter(\.$aar == aar)
                .filter(\.$status == Status.godkendt.rawValue).all()
            // One event per level (its status before and after) and one for the year.
            for m in godkendte {
                m.status = Status.offentliggjort.rawValue
                m.revision += 1
                try await m.save(on: tx)
                log.append(try Lager.haendelse(bruger, Status.offentliggjort.rawValue, "takstniveau", m.id,
                                               foer: ["status": Status.godkendt.rawValue], efter: ["status": Status.offentliggjort.rawValue],
                                               begrundelse: "Takster for \(aar) offentliggjort"))
            }
            log.append(try Lager.haendelse(bruger, "offentliggoer", "aar", nil,
                                           foer: ["aar": "\(aar)", "status": Status.godkendt.rawValue, "antal": "\(godkendte.count)"],
                                           efter: ["aar": "\(aar)", "status": Status.offentliggjort.rawValue, "antal": "\(godkendte.count)"],
                                           begrundelse: "Takster for \(aar) offentliggjort"))
            return godkendte.count
        }
    }

    /// A correction of a published takst: a new version (draft) with a reason; the published
    /// version stays readable and public until the correction is itself published.
    @discardableResult
    public func opretRettelse(niveauID: UUID, grundlag: Takstgrundlag, basisYdelse: BasisYdelseGrundlag? = nil,
                              begrundelse: String, af bruger: String) async throws -> GemtTakstniveau {
        guard !begrundelse.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Valideringsfejl(felt: "begrundelse", besked: "en rettelse skal have en begrundelse")
        }
        guard let gammel = try await Takstniveaumodel.find(niveauID, on: db) else { throw Lagerfejl.ikkeFundet("Takstniveauet") }
        var ny = try gammel.domaene
        guard ny.status == .offentliggjort else {
            throw Valideringsfejl(felt: "status", besked: "kun offentliggjorte takster rettes som ny version; ret kladden direkte")
        }
        ny.grundlag = grundlag
        ny.basisYdelse = basisYdelse
        ny.status = .kladde
        ny.midlertidig = false
        let takst = try ny.beregn().takst
        let tilbudID = gammel.$tilbud.id
        let rettet = ny
        return try await skriv { tx, log in
            let aaret = try await Lager.versionerAfNiveau(tx, tilbudID: tilbudID, navn: rettet.navn, aar: rettet.aar)
            let seneste = try aaret.first { try $0.domaene.periodestart == rettet.periodestart }
            guard seneste?.id == gammel.id else {
                throw Lagerfejl.konflikt("der findes allerede en nyere version af takstniveauet '\(rettet.navn)' \(rettet.aar) fra \(rettet.periodestart)")
            }
            var rettet = rettet
            rettet.version = (aaret.first?.version ?? gammel.version) + 1
            let m = try Takstniveaumodel(tilbudID: tilbudID, niveau: rettet, takst: takst)
            m.begrundelse = begrundelse
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "rettelse", "takstniveau", m.id,
                                           foer: TakstniveauLog(niveau: try gammel.domaene, takst: try gammel.takstDecimal),
                                           efter: TakstniveauLog(niveau: rettet, takst: takst), begrundelse: begrundelse))
            return try m.gemt
        }
    }
}

extension Lager {
    /// Publishes one approved level (the demo and single corrections); a year at once is `offentliggoer(aar:)`.
    public func offentliggoerNiveau(_ id: UUID, af bruger: String) async throws {
        try await skiftStatus(niveauID: id, til: .offentliggjort, af: bruger)
    }
}

extension Lager {
    /// Every version of one level in one year (all its periods), newest version first.
    static func versionerAfNiveau(_ db: any Database, tilbudID: UUID, navn: String, aar: Int) async throws -> [Takstniveaumodel] {
        try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$navn == navn).filter(\.$aar == aar)
            .sort(\.$version, .descending).all()
    }

    /// Last year's published takst of the level with the same name, and its unit: the one in force
    /// on last year's last day (the same reading as the secretariat's queue).
    func sidsteAarsTakst(tilbudID: UUID, navn: String, aar: Int) async throws -> (takst: Kroner, enhed: Takstenhed)? {
        let offentlige = try await Takstniveaumodel.query(on: db).filter(\.$tilbud.$id == tilbudID).filter(\.$navn == navn)
            .filter(\.$aar == aar - 1).filter(\.$status == Status.offentliggjort.rawValue).all().map { try $0.gemt }
        guard let m = Takstperioder.gaeldende(offentlige, dato: "\(aar - 1)-12-31", \.niveau) else { return nil }
        return (m.takst, m.niveau.grundlag.enhed)
    }
}
