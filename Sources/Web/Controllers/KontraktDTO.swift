import Foundation
import Takstregler
import Vapor

/// A contract draft as the form (and JSON with the same names) sends it, read once into
/// `Kontraktudkast`: every unreadable field named, then the domain's own checks. There is no field
/// for the citizen: name and CPR number are written on the signed copy only (DOMAIN.md 6.12).
struct KontraktInd {
    static let antalIndsatser = 3
    let felter: [String: String]

    init(_ felter: [String: String]) { self.felter = felter }

    func f(_ k: String) -> String { (felter[k] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The chosen tilbud and level (`uuid|niveau`), when the version is inside the rammeaftale.
    var tilbudOgNiveau: (UUID, String)? {
        let dele = f("tilbudniveau").split(separator: "|", maxSplits: 1).map(String.init)
        guard dele.count == 2, let id = UUID(uuidString: dele[0]), !dele[1].isEmpty else { return nil }
        return (id, dele[1])
    }

    /// The draft, or the refusals by field (as the form names them).
    func udkast(koeber: String) -> (Kontraktudkast?, [Valideringsfejl]) {
        var fejl: [Valideringsfejl] = []
        func tal(_ k: String) -> Decimal? {
            guard !f(k).isEmpty else { return nil }
            do { return try Kontrol.tal(f(k), felt: k) } catch let v as Valideringsfejl { fejl.append(v) } catch {}
            return nil
        }
        let version = Kontraktudkast.Version(rawValue: f("version")) ?? .indenforRammeaftale
        if Kontraktudkast.Version(rawValue: f("version")) == nil && !f("version").isEmpty {
            fejl.append(Valideringsfejl(felt: "version", besked: "vælg 'indenfor' eller 'udenfor' rammeaftalen"))
        }
        var indsatser: [Kontraktudkast.Indsats] = []
        for i in 1...KontraktInd.antalIndsatser {
            let p = "indsats\(i)_"
            let udfyldt = ["paragraf", "beskrivelse", "antal", "enhed", "start", "slut", "opfoelgning"].contains { !f(p + $0).isEmpty }
            guard udfyldt else { continue }
            indsatser.append(.init(paragraf: f(p + "paragraf"), beskrivelse: f(p + "beskrivelse").isEmpty ? nil : f(p + "beskrivelse"),
                                   antal: tal(p + "antal") ?? 0, enhed: f(p + "enhed"), start: f(p + "start"),
                                   slut: f(p + "slut").isEmpty ? nil : f(p + "slut"), opfoelgning: f(p + "opfoelgning")))
        }
        var varsel = Varselsregel.standard
        if !f("varsel").isEmpty {
            do { varsel = try Varselsregel(tekst: f("varsel")) } catch let v as Valideringsfejl { fejl.append(v) } catch {}
        }
        var betaling = Betalingsmulighed.helePerioden
        do {
            switch f("betaling") {
            case "bortfalder": betaling = .bortfalderVedGenbesaettelse
            case "fortsaetter": betaling = try Betalingsmulighed(tekst: "fortsaetter-\(f("betaling_dage"))-dage", felt: "betaling_dage")
            case "hele-perioden", "": betaling = .helePerioden
            case "andet": betaling = try Betalingsmulighed(tekst: "andet: \(f("betaling_andet"))", felt: "betaling_andet")
            default: throw Valideringsfejl(felt: "betaling", besked: "vælg en af de fire betalingsmuligheder")
            }
        } catch let v as Valideringsfejl { fejl.append(v) } catch {}
        var aflastning: Aflastningsgrundlag?
        if !f("aflastning").isEmpty {
            do { aflastning = try Aflastningsgrundlag(tekst: f("aflastning"), felt: "aflastning") } catch let v as Valideringsfejl { fejl.append(v) } catch {}
        }
        let valgt = version == .indenforRammeaftale ? tilbudOgNiveau : nil
        if version == .indenforRammeaftale && valgt == nil && !f("tilbudniveau").isEmpty {
            fejl.append(Valideringsfejl(felt: "tilbud", besked: "vælg et tilbud og takstniveau fra listen"))
        }
        let u = Kontraktudkast(
            reference: f("reference"), koeber: koeber, ean: f("ean"), version: version, tilbudID: valgt?.0, niveau: valgt?.1,
            leverandoer: version == .udenforRammeaftale ? f("leverandoer") : nil,
            leverandoertype: version == .udenforRammeaftale ? Leverandoertype(rawValue: f("leverandoertype")) : nil,
            aftaltPris: version == .udenforRammeaftale ? tal("pris") : nil, procent: tal("procent"),
            indsatser: indsatser, varsel: varsel, betaling: betaling, aflastning: aflastning)
        let alle = fejl + u.fejl().filter { d in !fejl.contains { $0.felt == d.felt } }
        return (alle.isEmpty ? u : nil, alle)
    }
}
