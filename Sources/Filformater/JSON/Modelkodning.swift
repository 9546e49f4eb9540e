import Foundation
import Takstregler

/// The financing models' JSON in and out (`takstfil model NAVN --input FILE.json`): the register
/// itself (names, descriptions) is domain, in Takstregler; reading and writing JSON is a file format.
extension Finansieringsmodel {
    /// Computes the model on its JSON input and returns the JSON result.
    public func beregn(json: Data) throws -> Data {
        func kør<I: Decodable, O: Encodable>(_: I.Type, _ f: (I) throws -> O) throws -> Data {
            try JSONKodning.kod(f(JSONKodning.dekod(I.self, fra: json)))
        }
        switch self {
        case .boernehus: return try kør(BoernehusInput.self, Boernehus.beregn)
        case .saerligePladser: return try kør(SaerligePladserInput.self, SaerligePladser.beregn)
        case .kofoedsminde: return try kør(KofoedsmindeInput.self, Kofoedsminde.beregn)
        case .ungementor: return try kør(UngementorInput.self, Ungementor.beregn)
        case .underskudsdeling: return try kør(UnderskudsdelingInput.self, Underskudsdelingsmodel.beregn)
        case .refusion: return try kør(RefusionInput.self, Refusion.beregn)
        case .ferieledsagelseModel1: return try kør(FerieledsagelseModel1Input.self, Ferieledsagelse.model1)
        case .ferieledsagelseModel2: return try kør(FerieledsagelseModel2Input.self, Ferieledsagelse.model2)
        }
    }

    public static func beregn(navn: String, json: Data) throws -> Data { try model(navn).beregn(json: json) }
}

extension Socialtilsyn {
    /// JSON in, JSON out — for the CLI and the web layer (`takstfil socialtilsyn beregn`).
    public static func beregn(json: Data) throws -> Data {
        try JSONKodning.kod(beregn(JSONKodning.dekod(SocialtilsynInput.self, fra: json)))
    }
}
