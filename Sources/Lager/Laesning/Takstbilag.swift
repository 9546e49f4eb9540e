import FluentKit
import Foundation
import Takstregler

/// One line of the takstbilag: a level submitted (or approved, published) for the year, last
/// year's published takst beside it and its flags.
public struct Takstbilagspost: Sendable {
    public let post: Koepost
    public let linje: Takstbilag.Linje
    public var status: Status { post.niveau.status }
}

extension Lager {
    /// Next year's reporting per driftsherre that has tilbud, against the region's deadline.
    public func indberetningsoversigt(aar: Int, idag: String) async throws -> [Indberetningsoversigt.Raekke] {
        let liste = try await arbejdsliste(aar: aar, medTommeTilbud: true)
        let regioner = try await regionPrOrganisation()
        var frister: [String: String?] = [:]
        var ud: [Indberetningsoversigt.Raekke] = []
        for (driftsherre, tilbud) in Dictionary(grouping: liste, by: \.tilbud.driftsherre) {
            let region = regioner[driftsherre]
            if let region, frister[region] == nil {
                frister[region] = .some(try await parameter(aar: aar, region: region, noegle: Parameternoegle.fristTakster, som: String.self))
            }
            ud.append(Indberetningsoversigt.raekke(
                driftsherre: driftsherre, region: region,
                tilbud: tilbud.map { .init(tilbud: $0.tilbud.navn, niveauer: $0.niveauer.map(\.niveau.status)) },
                frist: region.flatMap { frister[$0] ?? nil }, idag: idag))
        }
        return ud.sorted { DanskSortering.foer($0.driftsherre, $1.driftsherre) }
    }

    /// Every level submitted for `aar` (indsendt, godkendt or offentliggjort) with last year's
    /// published takst and the flags, by tilbud and level; each region's own threshold.
    public func takstbilag(aar: Int) async throws -> [Takstbilagspost] {
        var graenser: [String: Decimal] = [:]
        var ud: [Takstbilagspost] = []
        for p in try await behandlingskoe(statusser: [.indsendt, .godkendt, .offentliggjort], aar: aar) {
            let region = p.tilbud.region ?? ""
            if graenser[region] == nil {
                graenser[region] = try await parameter(aar: aar, region: region, noegle: Parameternoegle.takstaendringsgraense, som: Decimal.self)
                    ?? Indsendelseskontrol.standardgraensePct
            }
            ud.append(Takstbilagspost(post: p, linje: Takstbilag.linje(
                takst: p.takst, enhed: p.niveau.grundlag.enhed, sidsteAar: p.sidsteAarsTakst, sidsteAarsEnhed: p.sidsteAarsEnhed,
                begrundelse: p.begrundelse, graensePct: graenser[region]!)))
        }
        return ud.sorted {
            ($0.post.tilbud.tilbud.driftsherre, $0.post.tilbud.tilbud.navn, $0.post.niveau.navn, $0.post.niveau.periodestart)
                < ($1.post.tilbud.tilbud.driftsherre, $1.post.tilbud.tilbud.navn, $1.post.niveau.navn, $1.post.niveau.periodestart)
        }
    }
}
