import Filformater
import Foundation
import Plot
import Takstregler
import Udskrift

/// Small HTML builders on top of Plot for forms, links with user data, and tables. Plot escapes
/// text but not attribute values, so every attribute built here goes through `E.attr`.
enum E {
    typealias N = Node<HTML.BodyContext>

    /// Escapes a value for use in an attribute or in raw markup (SVG).
    static func attr(_ s: String) -> String {
        var ud = ""
        ud.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": ud += "&amp;"
            case "\"": ud += "&quot;"
            case "'": ud += "&#39;"
            case "<": ud += "&lt;"
            case ">": ud += "&gt;"
            default: ud.append(c)
            }
        }
        return ud
    }

    /// Attribute nodes: nil is left out, "" is a boolean attribute (`required`).
    static func attributter<C>(_ a: [(String, String?)]) -> [Node<C>] {
        a.compactMap { navn, vaerdi in
            guard let vaerdi else { return nil }
            return vaerdi.isEmpty ? .attribute(named: navn) : .attribute(named: navn, value: attr(vaerdi))
        }
    }

    static func el<C>(_ navn: String, _ a: [(String, String?)] = [], _ born: [N] = []) -> Node<C> {
        .element(named: navn, nodes: attributter(a) + born)
    }

    static func el<C>(_ navn: String, _ a: [(String, String?)] = [], _ born: N...) -> Node<C> {
        el(navn, a, born)
    }

    /// The frame every table sits in: a table wider than the page scrolls inside it, and the frame
    /// can be reached and scrolled with the keyboard (a named region, in the tab order).
    static func ramme(_ navn: String = "Tabel", _ indhold: N...) -> N {
        el("div", [("class", "tabel"), ("role", "region"), ("aria-label", navn), ("tabindex", "0")], indhold)
    }

    static func tomt<C>(_ navn: String, _ a: [(String, String?)]) -> Node<C> {
        .selfClosedElement(named: navn, attributes: a.compactMap { navn, vaerdi -> Attribute<C>? in
            guard let vaerdi else { return nil }
            return Attribute(name: navn, value: vaerdi.isEmpty ? nil : attr(vaerdi), ignoreIfValueIsEmpty: false)
        })
    }

    static func lenke<C>(_ url: String, _ tekst: String, _ a: [(String, String?)] = []) -> Node<C> {
        el("a", [("href", url)] + a, [.text(tekst)])
    }

    static func skjult<C>(_ navn: String, _ vaerdi: String) -> Node<C> {
        tomt("input", [("type", "hidden"), ("name", navn), ("value", vaerdi)])
    }

    /// A POST form with its CSRF token.
    static func postform<C>(_ handling: String, csrf: String, _ a: [(String, String?)] = [], _ born: [N]) -> Node<C> {
        el("form", [("method", "post"), ("action", handling)] + a, [skjult(CSRFMiddleware.feltnavn, csrf)] + born)
    }

    static func knap<C>(_ tekst: String, klasse: String = "primaer", navn: String? = nil, vaerdi: String? = nil) -> Node<C> {
        el("button", [("type", "submit"), ("class", klasse), ("name", navn), ("value", vaerdi)], [.text(tekst)])
    }

    /// A labelled input with its help text and its error right below, tied together for screen readers.
    static func felt(_ navn: String, _ etiket: String, vaerdi: String = "", fejl: [String: String] = [:], type: String = "text",
                     hjaelp: String? = nil, tal: Bool = false, kraevet: Bool = false, autocomplete: String? = nil,
                     ekstra: [(String, String?)] = [], id eget: String? = nil) -> N {
        let id = eget ?? "f-\(navn)"
        let besked = fejl[navn]
        let beskrevet = [hjaelp.map { _ in "\(id)-hjaelp" }, besked.map { _ in "\(id)-fejl" }].compactMap { $0 }
        return el("div", [("class", besked == nil ? "felt" : "felt fejl")], [
            el("label", [("for", id)], [.text(etiket)]),
            .unwrap(hjaelp) { el("p", [("class", "hjaelp"), ("id", "\(id)-hjaelp")], [.text($0)]) },
            tomt("input", [("id", id), ("name", navn), ("type", type), ("value", vaerdi.isEmpty ? nil : vaerdi),
                           ("inputmode", tal ? "decimal" : nil), ("autocomplete", autocomplete ?? (tal ? "off" : nil)),
                           ("aria-describedby", beskrevet.isEmpty ? nil : beskrevet.joined(separator: " ")),
                           ("aria-invalid", besked == nil ? nil : "true"), ("required", kraevet ? "" : nil)] + ekstra),
            .unwrap(besked) { el("p", [("class", "fejlbesked"), ("id", "\(id)-fejl")], [.text($0)]) },
        ])
    }

    static func tekstfelt(_ navn: String, _ etiket: String, vaerdi: String = "", fejl: [String: String] = [:], raekker: Int = 3,
                          hjaelp: String? = nil, kraevet: Bool = false) -> N {
        let id = "f-\(navn)"
        let besked = fejl[navn]
        let beskrevet = [hjaelp.map { _ in "\(id)-hjaelp" }, besked.map { _ in "\(id)-fejl" }].compactMap { $0 }
        return el("div", [("class", besked == nil ? "felt bred" : "felt bred fejl")], [
            el("label", [("for", id)], [.text(etiket)]),
            .unwrap(hjaelp) { el("p", [("class", "hjaelp"), ("id", "\(id)-hjaelp")], [.text($0)]) },
            el("textarea", [("id", id), ("name", navn), ("rows", "\(raekker)"),
                            ("aria-describedby", beskrevet.isEmpty ? nil : beskrevet.joined(separator: " ")),
                            ("aria-invalid", besked == nil ? nil : "true"), ("required", kraevet ? "" : nil)], [.text(vaerdi)]),
            .unwrap(besked) { el("p", [("class", "fejlbesked"), ("id", "\(id)-fejl")], [.text($0)]) },
        ])
    }

    static func valgfelt(_ navn: String, _ etiket: String, valg: [(vaerdi: String, tekst: String)], valgt: String,
                         fejl: [String: String] = [:], hjaelp: String? = nil, id eget: String? = nil) -> N {
        let id = eget ?? "f-\(navn)"
        let besked = fejl[navn]
        let beskrevet = [hjaelp.map { _ in "\(id)-hjaelp" }, besked.map { _ in "\(id)-fejl" }].compactMap { $0 }
        return el("div", [("class", besked == nil ? "felt" : "felt fejl")], [
            el("label", [("for", id)], [.text(etiket)]),
            .unwrap(hjaelp) { el("p", [("class", "hjaelp"), ("id", "\(id)-hjaelp")], [.text($0)]) },
            el("select", [("id", id), ("name", navn),
                          ("aria-describedby", beskrevet.isEmpty ? nil : beskrevet.joined(separator: " ")),
                          ("aria-invalid", besked == nil ? nil : "true")],
               valg.map { v in el("option", [("value", v.vaerdi), ("selected", v.vaerdi == valgt ? "" : nil)], [.text(v.tekst)]) }),
            .unwrap(besked) { el("p", [("class", "fejlbesked"), ("id", "\(id)-fejl")], [.text($0)]) },
        ])
    }

    static func afkrydsning(_ navn: String, _ etiket: String, valgt: Bool) -> N {
        el("div", [("class", "felt afkryds")], [
            tomt("input", [("id", "f-\(navn)"), ("name", navn), ("type", "checkbox"), ("value", "ja"), ("checked", valgt ? "" : nil)]),
            el("label", [("for", "f-\(navn)")], [.text(etiket)]),
        ])
    }

    /// Every error at the top of a form, each linking to its field.
    static func fejloversigt(_ fejl: [String: String], raekkefoelge: [String] = [], generelle: [String] = []) -> N {
        guard !fejl.isEmpty || !generelle.isEmpty else { return .empty }
        let noegler = raekkefoelge.filter { fejl[$0] != nil } + fejl.keys.filter { !raekkefoelge.contains($0) }.sorted()
        return el("div", [("class", "advarsel"), ("role", "alert")], [
            el("h2", [], [.text(generelle.isEmpty ? "Ret \(fejl.count == 1 ? "fejlen" : "de \(fejl.count) fejl") nedenfor" : "Ikke gemt")]),
            el("ul", [], generelle.map { g in el("li", [], [.text(g)]) }
                + noegler.map { k in el("li", [], [lenke("#f-\(k)", fejl[k] ?? "")]) }),
        ])
    }

    static func status(_ s: Status) -> N {
        el("span", [("class", "status status-\(s.rawValue)")], [.text(s.tekst)])
    }

    /// A query string from name/value pairs (empty values left out).
    static func soegestreng(_ par: [(String, String)]) -> String {
        let dele = par.filter { !$0.1.isEmpty }.map { n, v in
            "\(n)=\(v.addingPercentEncoding(withAllowedCharacters: .urlQueryVaerdi) ?? "")"
        }
        return dele.isEmpty ? "" : "?" + dele.joined(separator: "&")
    }
}

extension CharacterSet {
    static let urlQueryVaerdi: CharacterSet = {
        var s = CharacterSet.alphanumerics
        s.insert(charactersIn: "-._~")
        return s
    }()
}

/// A `Tabel` (the CLI's and the downloads' table) as an HTML table: the same columns and the
/// same Danish number formats, with readable headings.
enum Tabelvisning {
    /// A table's total row: its first cell is the table's "I alt" text.
    static func sumraekke(_ iAlt: String) -> ([Tabelcelle]) -> Bool {
        { r in if case .tekst(let n)? = r.first { return n == iAlt }; return false }
    }

    /// `fremhaev`: a column (by key) shown highlighted — the chosen region among the others.
    static func html(_ t: Tabel, overskrifter: (String) -> String, caption: String, sumraekke: (([Tabelcelle]) -> Bool)? = nil,
                     fremhaev: Set<String> = []) -> E.N {
        let tal = t.kolonner.indices.map { i in
            t.raekker.contains { r in
                switch r[i] { case .tal, .heltal: return true; default: return false }
            }
        }
        return E.ramme(caption,
            E.el("table", [], [
                E.el("caption", [], [.text(caption)]),
                E.el("thead", [], [E.el("tr", [], t.kolonner.enumerated().map { i, k in
                    E.el("th", [("scope", "col"), ("class", klasse(tal[i], fremhaev.contains(k)))], [.text(overskrifter(k))])
                })]),
                E.el("tbody", [], t.raekker.map { r in
                    E.el("tr", [("class", sumraekke?(r) == true ? "sum" : nil)], r.enumerated().map { i, c in
                        i == 0 ? E.el("th", [("scope", "row")], [.text(c.visning)])
                            : E.el("td", [("class", klasse(tal[i], fremhaev.contains(t.kolonner[i])))], [.text(c.visning)])
                    })
                }),
            ])
        )
    }

    static func klasse(_ tal: Bool, _ fremhaevet: Bool) -> String? {
        let k = [tal ? "tal" : nil, fremhaevet ? "fremhaevet" : nil].compactMap { $0 }
        return k.isEmpty ? nil : k.joined(separator: " ")
    }
}
