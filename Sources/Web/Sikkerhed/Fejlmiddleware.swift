import Filformater
import Foundation
import Lager
import Plot
import Takstregler
import Vapor

/// Every error becomes a Danish answer: JSON under `/api/`, a page everywhere else. Storage and
/// validation refusals keep their own words and get a fitting status (409 conflict, 422 invalid).
struct Fejlmiddleware: AsyncMiddleware {
    struct APIFejl: Content {
        struct Felt: Content {
            let felt: String
            let besked: String
        }
        let fejl: String
        let felter: [Felt]?
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let (status, tekst, felter, headers) = Fejlmiddleware.oversaet(error)
            Maalinger.taelAfvisning(status: status)
            if status == .internalServerError {
                req.logger.report(error: error)
            }
            if req.erAPI || req.headers.accept.contains(where: { $0.mediaType == .json }) && !req.headers.accept.contains(where: { $0.mediaType == .html }) {
                let svar = try await APIFejl(fejl: tekst, felter: felter.isEmpty ? nil : felter.map { .init(felt: $0.felt, besked: $0.besked) })
                    .encodeResponse(status: status, for: req)
                for (n, v) in headers { svar.headers.replaceOrAdd(name: n, value: v) }
                return svar
            }
            let svar = Side.html(Fejlside.html(status: status, tekst: tekst, felter: felter, kontekst: req.sidekontekst), status: status)
            for (n, v) in headers { svar.headers.replaceOrAdd(name: n, value: v) }
            return svar
        }
    }

    static func oversaet(_ fejl: any Error) -> (HTTPResponseStatus, String, [Valideringsfejl], HTTPHeaders) {
        switch fejl {
        // Before AbortError: Vapor makes DecodingError one, with an English reason.
        case let d as DecodingError:
            let f = JSONKodning.oversat(d) // the one Danish wording, as for model files
            return (.badRequest, "Indholdet kunne ikke læses: \(f.felt): \(f.besked).", [f], [:])
        case let a as AbortError:
            let tekst: String
            switch a.status {
            case .notFound where a.reason == "Not Found": tekst = "Siden findes ikke."
            case .payloadTooLarge: tekst = "Det indsendte er for stort."
            case .unsupportedMediaType: tekst = "Indholdstypen forstås ikke (brug application/json eller en formular)."
            default: tekst = a.reason
            }
            return (a.status, tekst, [], a.headers)
        case let f as Valideringsfejl:
            return (.unprocessableEntity, "\(f.felt): \(f.besked)", [f], [:])
        case let l as Valideringsfejlliste:
            return (.unprocessableEntity, l.fejl.map { "\($0.felt): \($0.besked)" }.joined(separator: "; "), l.fejl, [:])
        case let i as IkkeInviteret:
            return (.forbidden, i.description + ".", [], [:])
        case let l as Importfejlliste:
            return (.unprocessableEntity, l.fejl.map(\.description).joined(separator: "; "), [], [:])
        case let l as Importfejl:
            return (.unprocessableEntity, l.description, [], [:])
        case let l as Lagerfejl:
            switch l {
            case .konflikt, .laast, .ikkeRedigerbar, .ugyldigStatusskift, .findesAllerede: return (.conflict, l.description, [], [:])
            case .ikkeFundet, .ukendtTilbud: return (.notFound, l.description, [], [:])
            case .ukendtOrganisation: return (.unprocessableEntity, l.description, [], [:])
            case .ugyldigDatabase: return (.internalServerError, "Databasen svarer ikke.", [], [:])
            }
        default:
            return (.internalServerError, "Der opstod en fejl på serveren. Prøv igen, og kontakt sekretariatet, hvis det sker igen.", [], [:])
        }
    }
}

enum Fejlside {
    static func html(status: HTTPResponseStatus, tekst: String, felter: [Valideringsfejl], kontekst: Sidekontekst) -> HTML {
        let titel: String
        switch status {
        case .unauthorized: titel = "Log ind"
        case .forbidden: titel = "Ingen adgang"
        case .notFound: titel = "Ikke fundet"
        case .conflict: titel = "Konflikt"
        case .unprocessableEntity, .badRequest: titel = "Ugyldige oplysninger"
        case .tooManyRequests: titel = "For mange forsøg"
        case .notImplemented: titel = "Ikke tilgængelig endnu"
        default: titel = "Fejl"
        }
        return Side.dokument(titel: titel, kontekst: kontekst,
            .h1(.text(titel)),
            .p(.text(tekst)),
            .if(!felter.isEmpty, .ul(.forEach(felter) { .li(.text("\($0.felt): \($0.besked)")) })),
            .if(status == .unauthorized && kontekst.bruger == nil, .p(E.lenke("/log-ind", "Log ind"))),
            .p(E.lenke("/", "Til forsiden")))
    }
}
