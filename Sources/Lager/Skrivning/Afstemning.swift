import FluentKit
import Foundation
import Takstregler

/// The secretariat's explanation of a difference (DOMAIN.md 6.13).
public struct GemtAfvigelsesaarsag: Sendable, Equatable {
    public let aarsag: Afvigelsesaarsag
    public let bemaerkning: String?
    public let bruger: String
}

extension Lager {
    /// Records why a printed figure differs from the computed one; a later choice is a new row.
    public func saetAfvigelsesaarsag(kilde: String, tabel: String, felt: String, aarsag: Afvigelsesaarsag, bemaerkning: String?,
                                     af bruger: String) async throws {
        let note = bemaerkning?.trimmingCharacters(in: .whitespacesAndNewlines)
        try await skriv { tx, log in
            let m = Afvigelsesaarsagsmodel()
            m.kilde = kilde
            m.tabel = tabel
            m.felt = felt
            m.aarsag = aarsag.rawValue
            m.bemaerkning = (note?.isEmpty ?? true) ? nil : note
            m.bruger = bruger
            m.tidspunkt = Tidspunkt.nu()
            try await m.create(on: tx)
            log.append(try Lager.haendelse(bruger, "opret", "afvigelsesaarsag", m.id,
                                           efter: ["kilde": kilde, "tabel": tabel, "felt": felt, "aarsag": aarsag.rawValue, "bemaerkning": m.bemaerkning ?? ""]))
        }
    }

    /// The newest reason per "tabel|felt" of a source.
    public func afvigelsesaarsager(kilde: String) async throws -> [String: GemtAfvigelsesaarsag] {
        var ud: [String: GemtAfvigelsesaarsag] = [:]
        for m in try await Afvigelsesaarsagsmodel.query(on: db).filter(\.$kilde == kilde).sort(\.$tidspunkt).all() {
            guard let a = Afvigelsesaarsag(rawValue: m.aarsag) else { continue }
            ud["\(m.tabel)|\(m.felt)"] = GemtAfvigelsesaarsag(aarsag: a, bemaerkning: m.bemaerkning, bruger: m.bruger)
        }
        return ud
    }

    public static func afdaekningskilde(_ id: UUID) -> String { "afdaekning:\(id.uuidString)" }
}
