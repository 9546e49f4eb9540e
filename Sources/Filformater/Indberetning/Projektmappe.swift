import Foundation
import Takstregler

/// The takstfil workbook (.xlsx with the sheets Takster, Regnskab, Belægning) read into rows. Every
/// sheet is read and every error collected before anything is written, so one run shows them all.
public struct Projektmappe: Sendable {
    public var takster: [Takstfilskabelon.Raekke] = []
    public var regnskab: [Indberetningsformat.Regnskabsraekke] = []
    public var belaegning: [Indberetningsformat.Belaegningsraekke] = []
    /// Cells read by their saved formula value, for the receipt.
    public var formler = 0

    public static func laes(_ data: Data, fil: String, graenser: Regnearksgraenser = .fraMiljoe()) throws -> Projektmappe {
        try laes(ark: try XLSXLaeser.laes(data, fil: fil, graenser: graenser), fil: fil)
    }

    public static func laes(ark: [Regnearksark], fil: String) throws -> Projektmappe {
        let kendte = [Takstfilskabelon.arkTakster, Takstfilskabelon.arkRegnskab, Takstfilskabelon.arkBelaegning]
        var fundet: [String: Regnearksark] = [:]
        for a in ark {
            guard let navn = kendte.first(where: { CSVTabel.normaliser($0) == CSVTabel.normaliser(a.navn) }) else {
                throw Importfejl(fil: fil, besked: "ukendt ark '\(a.navn)'; projektmappen må have arkene \(kendte.joined(separator: ", "))")
            }
            guard fundet[navn] == nil else { throw Importfejl(fil: fil, besked: "arket '\(navn)' findes to gange") }
            fundet[navn] = a
        }
        func tabel(_ navn: String, _ format: CSVTabel.Format) throws -> CSVTabel? {
            guard let a = fundet[navn], !a.raekker.isEmpty else { return nil }
            return try CSVTabel(fil: "\(fil), ark '\(navn)'", raekker: a.raekker.map { ($0.nummer, $0.celler) }, format: format)
        }
        var fejl: [Importfejl] = []
        // Refusals are collected; anything else is not a refusal of the file and goes up as it is.
        func saml<T>(_ ark: String, _ blok: () throws -> [T]) throws -> [T] {
            do { return try blok() } catch let l as Importfejlliste { fejl += l.fejl } catch let e as Importfejl { fejl.append(e) }
            catch let v as Valideringsfejl { fejl.append(Importfejl(fil: "\(fil), ark '\(ark)'", kolonne: v.felt, besked: v.besked)) }
            catch let l as Valideringsfejlliste { fejl += l.fejl.map { Importfejl(fil: "\(fil), ark '\(ark)'", kolonne: $0.felt, besked: $0.besked) } }
            return []
        }
        var m = Projektmappe()
        m.formler = ark.reduce(0) { $0 + $1.formler }
        m.takster = try saml(Takstfilskabelon.arkTakster) {
            try tabel(Takstfilskabelon.arkTakster, Takstfilskabelon.format).map(Takstfilskabelon.laesTakster) ?? []
        }
        m.regnskab = try saml(Takstfilskabelon.arkRegnskab) {
            try tabel(Takstfilskabelon.arkRegnskab, Indberetningsformat.regnskab).map(Indberetningsformat.laesRegnskab) ?? []
        }
        m.belaegning = try saml(Takstfilskabelon.arkBelaegning) {
            try tabel(Takstfilskabelon.arkBelaegning, Indberetningsformat.belaegning).map(Indberetningsformat.laesBelaegning) ?? []
        }
        if !fejl.isEmpty { throw Importfejlliste(fejl) }
        return m
    }
}
