import Foundation

/// The API contract, written by hand (served at `/api/v1/openapi.json`). A test checks that
/// every `/api/v1` route is described here, with its method.
enum OpenAPI {
    /// The document served: `skrevet` with the answers every operation can give added where an
    /// operation does not list them itself (a bad parameter or JSON 400, an unknown id 404, a body
    /// of the wrong type 415, refused fields 422, too many requests 429), so a client — and a
    /// schema-driven fuzzer — finds every status the server can send.
    static let dokument: String = {
        guard var d = try? JSONSerialization.jsonObject(with: Data(skrevet.utf8)) as? [String: Any],
              var stier = d["paths"] as? [String: Any] else { return skrevet }
        func svar(_ beskrivelse: String) -> [String: Any] {
            ["description": beskrivelse, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Fejl"]]]]
        }
        for (sti, v) in stier {
            guard var operationer = v as? [String: Any] else { continue }
            for (metode, o) in operationer {
                guard var op = o as? [String: Any] else { continue }
                var r = op["responses"] as? [String: Any] ?? [:]
                var standard: [String: [String: Any]] = ["400": svar("Ugyldig forespørgsel: en parameter eller JSON, der ikke kan læses (dansk besked med feltet)"),
                                                         "429": svar("For mange forespørgsler")]
                if sti.contains("{") { standard["404"] = svar("Findes ikke") }
                if op["requestBody"] != nil {
                    standard["415"] = svar("Indholdstypen forstås ikke (brug application/json)")
                    standard["422"] = svar("Ugyldige felter (dansk besked pr. felt)")
                    standard["413"] = svar("Det indsendte er for stort")
                }
                if op["security"] != nil {
                    standard["401"] = svar("Ikke logget ind")
                    standard["403"] = svar("Rollen må ikke (eller tilbuddet er ikke dit)")
                }
                for (kode, s) in standard where r[kode] == nil { r[kode] = s }
                op["responses"] = r
                operationer[metode] = op
            }
            stier[sti] = operationer
        }
        d["paths"] = stier
        guard let data = try? JSONSerialization.data(withJSONObject: d, options: [.sortedKeys]) else { return skrevet }
        return String(decoding: data, as: UTF8.self)
    }()

    static let skrevet = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Takstfil API",
    "version": "1.0.0",
    "description": "Tilbud og takster for det specialiserede socialområde. Offentliggjorte data kan læses af alle. Skrivning kræver en session (cookie + X-CSRF-Token) eller en API-nøgle (Authorization: Bearer tf_…) og følger rollerne: driftsherre (egne tilbud), sekretariat, socialtilsyn (egen region), admin. Anonym skrivning giver 401, en anden rolle 403. Beløb er eksakt decimaltekst; tal i input må være JSON-tal eller tekst (dansk 1.234,56 eller 1234.56). Fejl: {\"fejl\": tekst, \"felter\": [{\"felt\", \"besked\"}]}."
  },
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {
      "apiNoegle": {"type": "http", "scheme": "bearer", "description": "API-nøgle oprettet under Konto eller med takstfil bruger api-noegle"},
      "session": {"type": "apiKey", "in": "cookie", "name": "takstfil-session", "description": "Log ind i browseren; skrivning kræver også headeren X-CSRF-Token"}
    },
    "schemas": {
      "Fejl": {"type": "object", "properties": {"fejl": {"type": "string"}, "felter": {"type": "array", "items": {"type": "object", "properties": {"felt": {"type": "string"}, "besked": {"type": "string"}}}}}},
      "Tal": {"oneOf": [{"type": "string"}, {"type": "number"}]},
      "Tilbud": {"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"}, "navn": {"type": "string"}, "driftsherre": {"type": "string"},
        "maalgruppe": {"type": "string", "nullable": true}, "paragraf": {"type": "string", "nullable": true},
        "type": {"type": "string", "enum": ["dag", "doegn", "ambulant"]}, "demo": {"type": "boolean"},
        "takstniveauer": {"type": "array", "items": {"type": "object", "properties": {
          "navn": {"type": "string"}, "aar": {"type": "integer", "minimum": 1990, "maximum": 2100}, "version": {"type": "integer"}, "enhed": {"type": "string"},
          "takst": {"type": "string"}, "pladser": {"type": "string"}, "belaegningsprocent": {"type": "string"},
          "gyldigFra": {"type": "string", "format": "date", "description": "Første dag taksten gælder; næste periode afløser den"},
          "kunNyeFra": {"type": "string", "format": "date", "nullable": true, "description": "Gælder kun borgere indskrevet fra denne dato"},
          "midlertidig": {"type": "boolean", "description": "Godkendt som midlertidig takst"}}}}}},
      "Takstniveau": {"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"}, "tilbudID": {"type": "string", "format": "uuid"}, "navn": {"type": "string"},
        "aar": {"type": "integer", "minimum": 1990, "maximum": 2100}, "version": {"type": "integer"}, "status": {"type": "string", "enum": ["kladde", "indsendt", "afvist", "godkendt", "offentliggjort"]},
        "revision": {"type": "integer"}, "enhed": {"type": "string"}, "takst": {"type": "string"},
        "gyldigFra": {"type": "string", "format": "date"}, "kunNyeFra": {"type": "string", "format": "date", "nullable": true}, "midlertidig": {"type": "boolean"},
        "omkostninger": {"type": "array", "description": "Grundlaget linje for linje, som det blev indberettet", "items": {"type": "object", "properties": {"kategori": {"type": "string"}, "tekst": {"type": "string"}, "beloeb": {"type": "string"}}}},
        "andreIndtaegter": {"type": "array", "items": {"type": "object", "properties": {"tekst": {"type": "string"}, "beloeb": {"type": "string"}}}},
        "beregning": {"type": "array", "items": {"type": "object", "properties": {"art": {"type": "string"}, "tekst": {"type": "string"}, "beloeb": {"type": "string"}}}}}},
      "TakstniveauInd": {"type": "object", "required": ["navn", "aar", "pladser", "belaegningsprocent", "omkostninger"], "properties": {
        "navn": {"type": "string"}, "aar": {"type": "integer", "minimum": 1990, "maximum": 2100},
        "revision": {"type": "integer", "minimum": 0, "maximum": 2147483647, "description": "Den revision, du har hentet; skal med, når niveauet findes. Ældre revision giver 409."},
        "enhed": {"type": "string", "enum": ["doegn", "dag", "maaned", "aar", "time"]}, "enhederPrAar": {"$ref": "#/components/schemas/Tal"},
        "pladser": {"$ref": "#/components/schemas/Tal"}, "belaegningsprocent": {"$ref": "#/components/schemas/Tal"},
        "afrunding": {"type": "string", "enum": ["hele_kroner", "oere"]},
        "omkostninger": {"type": "array", "items": {"type": "object", "required": ["kategori", "beloeb"], "properties": {
          "kategori": {"type": "string", "enum": ["personale", "borgerrelaterede_udgifter", "kompetenceudvikling", "afskrivninger_kapital", "ejendomsomkostninger", "administration", "finansieringsudgifter", "tjenestemandspensioner", "oevrige"]},
          "beloeb": {"$ref": "#/components/schemas/Tal"}, "tekst": {"type": "string"}}}},
        "andreIndtaegter": {"type": "array", "maxItems": 3, "items": {"type": "object", "properties": {"tekst": {"type": "string"}, "beloeb": {"$ref": "#/components/schemas/Tal"}}}},
        "overhead": {"type": "object", "properties": {"metode": {"type": "string", "enum": ["ingen", "procent", "bruttoandel", "beloeb"]}, "vaerdi": {"$ref": "#/components/schemas/Tal"}}},
        "efterregulering": {"type": "object", "properties": {"hensaettelse": {"$ref": "#/components/schemas/Tal"}, "andel": {"$ref": "#/components/schemas/Tal"}}},
        "basisYdelse": {"type": "object", "description": "Basis- og ydelsestakst; udeladt: en gemt opdeling bevares. Pladser, belægning og dage er som standard takstniveauets (dage ellers 365), timer pr. døgn 8.", "required": ["basisbudget", "effektivTimeloen"], "properties": {"basisbudget": {"$ref": "#/components/schemas/Tal"}, "effektivTimeloen": {"$ref": "#/components/schemas/Tal"}, "timerPrDoegn": {"$ref": "#/components/schemas/Tal"}, "pladser": {"$ref": "#/components/schemas/Tal"}, "belaegningsprocent": {"$ref": "#/components/schemas/Tal"}, "dage": {"$ref": "#/components/schemas/Tal"}}},
        "begrundelse": {"type": "string"}, "indsend": {"type": "boolean"},
        "gyldigFra": {"type": "string", "format": "date", "description": "Første dag taksten gælder (standard: 1. januar i aar); en ny dato er en ny periode, der ikke ændrer de andre"},
        "kunNyeFra": {"type": "string", "format": "date", "description": "Gælder kun borgere indskrevet fra denne dato; de allerede indskrevne beholder den tidligere takst"}}}
    },
    "responses": {
      "Uautoriseret": {"description": "Ikke logget ind", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fejl"}}}},
      "Forbudt": {"description": "Rollen må ikke (eller tilbuddet er ikke dit)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fejl"}}}},
      "Ugyldig": {"description": "Ugyldige felter (dansk besked pr. felt)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fejl"}}}},
      "Konflikt": {"description": "Ændret af en anden, låst eller ugyldigt statusskift", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fejl"}}}}
    }
  },
  "paths": {
    "/api/v1/tilbud": {"get": {"summary": "Offentliggjorte tilbud og takster for et år", "parameters": [
      {"name": "aar", "in": "query", "schema": {"type": "integer", "minimum": 1990, "maximum": 2100}, "description": "Standard: indeværende år"},
      {"name": "dato", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Taksten der gælder på datoen (standard: i dag, inden for året)"},
      {"name": "indskrevet", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "For en borger indskrevet på datoen (standard: en ny borger)"},
      {"name": "side", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647}},
      {"name": "antal", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}, "description": "Pr. side (standard 50, når side er angivet)"}],
      "responses": {"200": {"description": "Tilbud; headeren X-Total-Count er antal tilbud i alt", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Tilbud"}}}}}}}},
    "/api/v1/tilbud/{id}": {"get": {"summary": "Ét tilbud med gældende offentliggjorte takster for alle år og perioder", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "Tilbuddet", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tilbud"}}}}, "404": {"description": "Ukendt tilbud"}}}},
    "/api/v1/afdaekninger": {"get": {"summary": "Offentliggjorte afdækninger af udbud og efterspørgsel (svarprocent, beslutning)",
      "responses": {"200": {"description": "Afdækningerne, nyeste år først"}}}},
    "/api/v1/afdaekninger/{id}": {"get": {"summary": "Én offentliggjort afdækning med de maskerede tabeller (1–3 som ≤3)", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "Rapporten"}, "404": {"description": "Ukendt eller ikke offentliggjort"}}}},
    "/api/v1/afdaekninger/{id}/svar": {"put": {"summary": "Kommunens svar på en afdækning, den er inviteret til (kladde, eller indsendt med indsend=true)", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["svar"], "properties": {
        "svar": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Felt → svar: s1_2024 for et antal (tal, 8-10, ?, -, ca. 25), s2 for et valg eller en tekst", "example": {"s1_2024": "8-10"}},
        "indsend": {"type": "boolean"}}}}}},
      "responses": {"200": {"description": "Det gemte svar"}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/openapi.json": {"get": {"summary": "Dette dokument", "responses": {"200": {"description": "OpenAPI 3"}}}},
    "/api/v1/mig": {"get": {"summary": "Hvem er jeg, og hvad må jeg", "security": [{"apiNoegle": []}, {"session": []}],
      "responses": {"200": {"description": "E-mail, rolle, organisation og tilladte handlinger"}, "401": {"$ref": "#/components/responses/Uautoriseret"}}}},
    "/api/v1/indberetning/tilbud/{id}": {"get": {"summary": "Alle takstniveauer (også kladder) for et tilbud og år", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"name": "aar", "in": "query", "schema": {"type": "integer", "minimum": 1990, "maximum": 2100}, "description": "Standard: næste år"}],
      "responses": {"200": {"description": "Takstniveauer", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Takstniveau"}}}}}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}}}},
    "/api/v1/indberetning/tilbud/{id}/takstniveau": {"put": {"summary": "Gem (og evt. indsend) et takstniveau; taksten beregnes på serveren", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TakstniveauInd"}}}},
      "responses": {"201": {"description": "Oprettet", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Takstniveau"}}}}, "200": {"description": "Rettet"},
        "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "409": {"$ref": "#/components/responses/Konflikt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/indberetning/takstniveauer/{id}/indsend": {"post": {"summary": "Indsend en kladde til sekretariatet", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "Indsendt", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Takstniveau"}}}}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "409": {"$ref": "#/components/responses/Konflikt"}}}},
    "/api/v1/indberetning/tilbud/{id}/regnskab": {"post": {"summary": "Indberet regnskab for et år", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["aar", "omkostninger", "belaegning"], "properties": {
        "aar": {"type": "integer", "minimum": 1990, "maximum": 2100}, "omkostninger": {"$ref": "#/components/schemas/Tal"}, "takstindtaegter": {"$ref": "#/components/schemas/Tal"},
        "belaegning": {"$ref": "#/components/schemas/Tal"}, "overUnderskud": {"$ref": "#/components/schemas/Tal"}, "tillaegsydelser": {"$ref": "#/components/schemas/Tal"}, "indsend": {"type": "boolean"}}}}}},
      "responses": {"201": {"description": "Gemt"}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "409": {"$ref": "#/components/responses/Konflikt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/indberetning/tilbud/{id}/belaegning": {"post": {"summary": "Indberet belægning for et kvartal (ny version)", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["aar", "kvartal", "art", "normering", "forbrug"], "properties": {
        "aar": {"type": "integer", "minimum": 1990, "maximum": 2100}, "kvartal": {"type": "integer", "minimum": 1, "maximum": 4}, "art": {"type": "string", "enum": ["dag", "doegn", "aaben", "lukket"]},
        "normering": {"$ref": "#/components/schemas/Tal"}, "forbrug": {"$ref": "#/components/schemas/Tal"}}}}}},
      "responses": {"201": {"description": "Gemt"}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/sekretariat/koe": {"get": {"summary": "Indsendte takster til behandling", "security": [{"apiNoegle": []}, {"session": []}],
      "responses": {"200": {"description": "Køen"}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}}}},
    "/api/v1/sekretariat/takstniveauer/{id}/godkend": {"post": {"summary": "Godkend med beslutningsreference", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["organ", "dato", "punkt"], "properties": {
        "organ": {"type": "string", "example": "FU"}, "dato": {"type": "string", "format": "date"}, "punkt": {"type": "string"}, "tekst": {"type": "string"},
        "delegation": {"type": "string", "example": "DAS gav FU kompetence til at behandle taksterne"},
        "midlertidig": {"type": "boolean", "description": "Godkend som midlertidig takst; den endelige indberettes med sin egen gyldigFra"}}}}}},
      "responses": {"200": {"description": "Godkendt", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Takstniveau"}}}}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "409": {"$ref": "#/components/responses/Konflikt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/sekretariat/takstniveauer/{id}/afvis": {"post": {"summary": "Afvis med en kommentar", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["begrundelse"], "properties": {"begrundelse": {"type": "string"}}}}}},
      "responses": {"200": {"description": "Afvist", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Takstniveau"}}}}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "409": {"$ref": "#/components/responses/Konflikt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/sekretariat/takstniveauer/{id}/rettelse": {"post": {"summary": "Ret en offentliggjort takst som ny version (kladde) med begrundelse", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TakstniveauInd"}}}},
      "responses": {"201": {"description": "Ny version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Takstniveau"}}}}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "409": {"$ref": "#/components/responses/Konflikt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/sekretariat/offentliggoer": {"post": {"summary": "Offentliggør et års godkendte takster", "security": [{"apiNoegle": []}, {"session": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["aar"], "properties": {"aar": {"type": "integer", "minimum": 1990, "maximum": 2100}}}}}},
      "responses": {"200": {"description": "Antal offentliggjorte takstniveauer"}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}}}},
    "/api/v1/socialtilsyn/{aar}": {"put": {"summary": "Socialtilsynets budget, antal, takstparametre og nøgle for et budgetår (egen region)", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "aar", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1990, "maximum": 2100}}],
      "requestBody": {"required": true, "description": "Samme format som takstfil socialtilsyn beregn --input (eksempler/socialtilsyn_nord_2024.json)", "content": {"application/json": {"schema": {"type": "object"}}}},
      "responses": {"200": {"description": "Resultatet af beregningen"}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}, "422": {"$ref": "#/components/responses/Ugyldig"}}}},
    "/api/v1/haendelser": {"get": {"summary": "Revisionsloggen (sekretariat og admin)", "security": [{"apiNoegle": []}, {"session": []}],
      "parameters": [{"name": "bruger", "in": "query", "schema": {"type": "string"}}, {"name": "entitet", "in": "query", "schema": {"type": "string"}},
        {"name": "handling", "in": "query", "schema": {"type": "string"}}, {"name": "id", "in": "query", "schema": {"type": "string"}},
        {"name": "fra", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "til", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "side", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647}}, {"name": "antal", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
      "responses": {"200": {"description": "Hændelser, nyeste først; X-Total-Count"}, "401": {"$ref": "#/components/responses/Uautoriseret"}, "403": {"$ref": "#/components/responses/Forbudt"}}}}
  }
}
"""#
}
