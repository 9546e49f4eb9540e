import Foundation
import Filformater
import Udskrift
import Vapor

/// Downloads of what a page shows (`?format=csv` on the page's own address, same filters).
/// CSV is Danish Excel (`;`, decimal comma, UTF-8 with a byte-order mark so Excel reads æøå).
/// XLSX (`?format=xlsx`) is the same sheets (name + `Tabel`) as a workbook: one sheet per table,
/// Danish headers, numbers as numbers with number formats (`Regnearksudskrift`).
enum Download {
    enum Format: String {
        case csv, xlsx
    }

    /// The requested format, nil for the HTML page; an unknown format is refused.
    static func format(_ req: Request) throws -> Format? {
        // Read like every other parameter (`Parametre`): given twice is a 400; Vapor's query decoder was
        // ~6 % of a cached list page (perf).
        guard let raa = try req.parametre.tekst("format"), !raa.isEmpty, raa != "html" else { return nil }
        guard let f = Format(rawValue: raa) else {
            throw Abort(.badRequest, reason: "Ukendt format '\(raa)' (brug csv eller xlsx).")
        }
        return f
    }

    static func svar(_ ark: [(navn: String, tabel: Tabel)], filnavn: String, format: Format) throws -> Response {
        switch format {
        case .csv: return csv(ark, filnavn: filnavn)
        case .xlsx: return try xlsx(ark, filnavn: filnavn)
        }
    }

    static func csv(_ ark: [(navn: String, tabel: Tabel)], filnavn: String) -> Response {
        let tekst = ark.count == 1 ? ark[0].tabel.tekst(.csv)
            : ark.map { "\($0.navn)\r\n" + $0.tabel.tekst(.csv) }.joined(separator: "\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filnavn).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + tekst))
    }

    static func xlsx(_ ark: [(navn: String, tabel: Tabel)], filnavn: String) throws -> Response {
        let data = try XLSXSkriver.skriv(ark.map { Regnearksudskrift.ark($0.navn, $0.tabel) })
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filnavn).xlsx\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
