import Plot
import Vapor

/// The frame every page shares: Danish, readable on a narrow screen, no JavaScript needed.
enum Side {
    static func html(_ doc: HTML) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: doc.render()))
    }

    static func dokument(titel: String, _ indhold: Node<HTML.BodyContext>...) -> HTML {
        HTML(
            .lang(.danish),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(titel) – Takstfil"),
                .style(css)
            ),
            .body(
                .header(.nav(.attribute(named: "aria-label", value: "Hovedmenu"),
                             .a(.class("logo"), .href("/"), "Takstfil"))),
                .main(.group(indhold)),
                .footer(.p("Takstfil – takster for det specialiserede socialområde. Beløb i kr."))
            )
        )
    }

    static let css = """
    :root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
    body{margin:0}header,footer{background:#0b3d5c;color:#fff;padding:.6rem 1rem}
    header a{color:#fff;font-weight:700;text-decoration:none;font-size:1.2rem}
    footer{background:#eef2f5;color:#333;font-size:.85rem;margin-top:2rem}
    main{padding:1rem;max-width:72rem;margin:auto}
    table{border-collapse:collapse;width:100%;font-size:.95rem}
    th,td{padding:.35rem .5rem;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
    td.tal,th.tal{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .demo{background:#fff4ce;color:#5c4400;border-radius:3px;padding:0 .3rem;font-size:.8rem}
    .tabel{overflow-x:auto}
    form.soeg{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
    label{display:flex;flex-direction:column;font-size:.9rem}
    input,select,button{font-size:1rem;padding:.3rem}
    a{color:#0b5394}
    tr.sum td{font-weight:700;border-top:2px solid #333}
    """
}

/// Form pieces Plot does not type the way a page needs them.
enum Formular {
    /// A `<select>` whose options carry their text as content (Plot's `option` is self-closing).
    static func valg<C>(navn: String, valg: [(vaerdi: String, tekst: String)], valgt: String) -> Node<C> {
        .element(named: "select", nodes: [Node<HTML.SelectContext>.attribute(named: "name", value: navn)] + valg.map { v in
            Node<HTML.SelectContext>.element(named: "option", nodes: [
                .attribute(named: "value", value: v.vaerdi),
                v.vaerdi == valgt ? .attribute(named: "selected", value: "selected") : .group([]),
                .text(v.tekst),
            ])
        })
    }
}
