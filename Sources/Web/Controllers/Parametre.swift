import Foundation
import Takstregler
import Vapor

/// A request's query parameters, read once and strictly, for the API (as the OpenAPI document
/// describes them) and the public pages alike: a value of the wrong type, outside its range, empty
/// where a date is expected, or given twice is a 400 naming the parameter — never read as if it
/// were absent.
struct Parametre {
    private let vaerdier: [String: [String]]

    init(_ req: Request) {
        var v: [String: [String]] = [:]
        for del in (req.url.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let par = del.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Plain values (the common case) are taken as they are: Foundation's replacing and
            // percent decoding were ~6 % of a cached API request (perf).
            func afkod(_ s: Substring) -> String {
                guard s.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(s) }
                return String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            v[afkod(par[0]), default: []].append(par.count > 1 ? afkod(par[1]) : "")
        }
        vaerdier = v
    }

    private func fejl(_ navn: String, _ besked: String) -> any Error { Abort(.badRequest, reason: "\(navn): \(besked).") }

    /// The one value of `navn`, nil when it is not given.
    func tekst(_ navn: String) throws -> String? {
        guard let v = vaerdier[navn] else { return nil }
        guard v.count == 1 else { throw fejl(navn, "er angivet \(v.count) gange") }
        return v[0]
    }

    /// A form's text field: trimmed, nil when absent or empty (a form sends its empty fields).
    func udfyldt(_ navn: String) throws -> String? {
        guard let s = try tekst(navn)?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return s
    }

    /// `formular`: a page's form, whose field is trimmed and counts as not given when empty (the API
    /// refuses an empty value).
    func heltal(_ navn: String, _ interval: ClosedRange<Int>, formular: Bool = false) throws -> Int? {
        guard let s = try formular ? udfyldt(navn) : tekst(navn) else { return nil }
        guard let i = Int(s), interval.contains(i) else {
            throw fejl(navn, "skal være et helt tal fra \(interval.lowerBound) til \(interval.upperBound) (fik '\(s)')")
        }
        return i
    }

    func dato(_ navn: String, formular: Bool = false) throws -> String? {
        guard let s = try formular ? udfyldt(navn) : tekst(navn) else { return nil }
        guard Datoer.erDato(s) else { throw fejl(navn, "skriv datoen som åååå-mm-dd (fik '\(s)')") }
        return s
    }

    /// A choice by name among `kendte` (a region, an analysis, a group): nil when absent or empty
    /// (a form's "Alle"); a name that is not among them is refused with the known ones listed, never
    /// shown as the first or as all of them.
    func valg(_ navn: String, blandt kendte: [String]) throws -> String? {
        guard let s = try udfyldt(navn) else { return nil }
        guard kendte.contains(s) else {
            throw fejl(navn, "ukendt \(navn) '\(s)' (kendte: \(kendte.isEmpty ? "ingen" : kendte.joined(separator: ", ")))")
        }
        return s
    }

    /// A choice among a domain type's cases, by its raw value.
    func valg<T: RawRepresentable & CaseIterable>(_ navn: String, som: T.Type) throws -> T? where T.RawValue == String {
        try valg(navn, blandt: T.allCases.map(\.rawValue)).flatMap(T.init(rawValue:))
    }

    /// The year parameter, within the years Takstfil accepts.
    func aar(_ navn: String = "aar", formular: Bool = false) throws -> Int? { try heltal(navn, Aarsinterval.gyldige, formular: formular) }
}

extension Request {
    /// This request's query parameters, read strictly (`Parametre`).
    var parametre: Parametre { Parametre(self) }
}
