import Lager
import Plot
import Takstregler
import Vapor

/// What the frame of a page needs to know about the request: who is signed in (menu, sign-out
/// form with its CSRF token), a one-time message, and where we are (the current menu item).
struct Sidekontekst {
    var bruger: Brugerkonto?
    var csrf: String?
    var besked: String?
    var sti: String
    /// This year by the app's clock (year pickers and defaults on the forms).
    var iaar: Int

    /// For pages built without a request (error pages); they show no year.
    static let tom = Sidekontekst(bruger: nil, csrf: nil, besked: nil, sti: "", iaar: Ur.system.aar)
}

extension Request {
    /// Call once per page: it takes the one-time message out of the session.
    var sidekontekst: Sidekontekst {
        Sidekontekst(bruger: bruger, csrf: bruger != nil && brugerKilde == .session ? csrfToken : nil, besked: hentBesked(),
                     sti: url.path, iaar: ur.aar)
    }
}

/// The frame every page shares: Danish, readable on a narrow screen, no JavaScript needed.
enum Side {
    static func html(_ doc: HTML, status: HTTPResponseStatus = .ok) -> Response {
        html(doc.render(), status: status)
    }

    /// An already rendered page (from the public cache).
    static func html(_ tekst: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: tekst))
    }

    static func dokument(titel: String, _ indhold: Node<HTML.BodyContext>...) -> HTML {
        dokument(titel: titel, kontekst: .tom, indhold)
    }

    static func dokument(titel: String, kontekst: Sidekontekst, _ indhold: Node<HTML.BodyContext>...) -> HTML {
        dokument(titel: titel, kontekst: kontekst, indhold)
    }

    static func dokument(titel: String, kontekst k: Sidekontekst, _ indhold: [Node<HTML.BodyContext>]) -> HTML {
        HTML(
            .lang(.danish),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's .title(): it adds og:/twitter: meta tags with the title unescaped in an attribute.
                .element(named: "title", text: "\(titel) – Takstfil"),
                .style(css)
            ),
            .body(
                .a(.class("spring"), .href("#indhold"), "Spring til indholdet"),
                .header(menu(k)),
                .main(.id("indhold"),
                      .unwrap(k.besked) { b in .div(.class("besked"), .attribute(named: "role", value: "status"), .p(.text(b))) },
                      .group(indhold)),
                .footer(.p("Takstfil – takster for det specialiserede socialområde. Beløb i kr. ",
                           .a(.href("/api/v1/openapi.json"), "API (OpenAPI)")))
            )
        )
    }

    static func menu(_ k: Sidekontekst) -> Node<HTML.BodyContext> {
        var punkter: [(String, String)] = [("/", "Takster"), ("/ledelsesinformation", "Ledelsesinformation"), ("/kapacitet", "Kapacitet"), ("/noegletal", "Nøgletal"),
                                              ("/socialtilsyn", "Socialtilsyn"), ("/kontrakter", "Kontrakter")]
        let rolle = k.bruger?.rolle ?? .offentlig
        if Adgang.maa(rolle, .indberetTakst) { punkter.append(("/indberetning", "Indberetning")) }
        if Adgang.maa(rolle, .besvarAfdaekning) { punkter.append(("/afdaekninger", "Afdækning")) }
        if Adgang.maa(rolle, .udarbejdKontrakt) { punkter.append(("/kontrakt", "Ny kontrakt")) }
        if Adgang.maa(rolle, .godkend) { punkter.append(("/sekretariat", "Behandling")) }
        if Adgang.maa(rolle, .styrAfdaekning) { punkter.append(("/sekretariat/afdaekninger", "Afdækninger")) }
        if Adgang.maa(rolle, .saetParametre) { punkter.append(("/sekretariat/parametre", "Parametre")) }
        if Adgang.maa(rolle, .laesRevisionslog) { punkter.append(("/revisionslog", "Revisionslog")) }
        if Adgang.maa(rolle, .vedligeholdSocialtilsyn) { punkter.append(("/socialtilsyn/indberet", "Socialtilsynets budget")) }
        if Adgang.maa(rolle, .administrerBrugere) { punkter.append(("/admin", "Brugere og organisationer")) }
        let aktiv = punkter.map(\.0).filter { $0 == "/" ? k.sti == "/" : (k.sti == $0 || k.sti.hasPrefix($0 + "/")) }.max { $0.count < $1.count }
        return .nav(.attribute(named: "aria-label", value: "Hovedmenu"),
                    .a(.class("logo"), .href("/"), "Takstfil"),
                    .ul(.forEach(punkter) { p in
                        .li(.a(.href(p.0), .if(p.0 == aktiv, .attribute(named: "aria-current", value: "page")), .text(p.1)))
                    }),
                    .div(.class("konto"),
                         .if(k.bruger == nil,
                             .a(.href("/log-ind"), "Log ind"),
                             else: .group(
                                .a(.href("/konto"), .text("\(k.bruger?.email ?? "") (\(rolle.tekst.lowercased()))")),
                                .unwrap(k.csrf) { csrf in
                                    .form(.method(.post), .action("/log-ud"), .class("log-ud"),
                                          E.skjult(CSRFMiddleware.feltnavn, csrf),
                                          .button(.type(.submit), "Log ud"))
                                }))))
    }

    static let css = """
    :root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;line-height:1.45}
    body{margin:0}header,footer{background:#0b3d5c;color:#fff;padding:.6rem 1rem}
    header nav{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;max-width:72rem;margin:auto}
    header nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;margin:0;padding:0}
    header a{color:#fff}header a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
    header a.logo{font-weight:700;text-decoration:none;font-size:1.2rem}
    header .konto{margin-left:auto;display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
    header form.log-ud button{background:#fff;color:#0b3d5c;border:0;border-radius:3px;padding:.2rem .6rem;cursor:pointer}
    .spring{position:absolute;left:-999px}.spring:focus{left:1rem;top:.5rem;background:#fff;color:#0b3d5c;padding:.4rem;z-index:9}
    footer{background:#eef2f5;color:#333;font-size:.85rem;margin-top:2rem}footer a{color:#0b5394}
    main{padding:1rem;max-width:72rem;margin:auto}
    h1{font-size:1.6rem;margin:.4rem 0 .8rem}h2{font-size:1.25rem;margin-top:1.6rem}h3{font-size:1.05rem}
    table{border-collapse:collapse;width:100%;font-size:.95rem}
    caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{padding:.35rem .5rem;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
    td.tal,th.tal{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .demo{background:#fff4ce;color:#5c4400;border-radius:3px;padding:0 .3rem;font-size:.8rem}
    .midlertidig{background:#fde7e9;color:#6b0c17;border-radius:3px;padding:0 .3rem;font-size:.8rem}
    .tabel{overflow-x:auto;margin-bottom:1rem}
    form.soeg{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
    form.soeg .felt{margin:0}
    label{font-size:.9rem;font-weight:600}
    .felt{display:flex;flex-direction:column;gap:.15rem;margin:.5rem 0;max-width:28rem}
    .felt.afkryds{flex-direction:row;align-items:center;gap:.4rem}
    .hjaelp{font-size:.85rem;color:#444;margin:0}
    .fejlbesked{color:#a4000f;font-weight:600;margin:0;font-size:.9rem}
    .felt.fejl input,.felt.fejl select,.felt.fejl textarea{border:2px solid #a4000f}
    input,select,button,textarea{font-size:1rem;padding:.3rem;font-family:inherit;max-width:100%;box-sizing:border-box}
    .felt{min-width:0}form.soeg .felt{max-width:100%}
    .skjult{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    textarea{width:100%;max-width:100%;box-sizing:border-box}
    button{cursor:pointer}button.primaer{background:#0b5394;color:#fff;border:1px solid #0b5394;border-radius:3px;padding:.4rem .9rem}
    button.sekundaer{background:#fff;color:#0b5394;border:1px solid #0b5394;border-radius:3px;padding:.4rem .9rem}
    button.fare{background:#a4000f;color:#fff;border:1px solid #a4000f;border-radius:3px;padding:.4rem .9rem}
    .knapper{display:flex;flex-wrap:wrap;gap:.5rem;margin:.8rem 0}
    a{color:#0b5394}
    tr.sum td{font-weight:700;border-top:2px solid #333}
    td.fremhaevet,th.fremhaevet{background:#fff4ce;font-weight:600}
    .besked{background:#e6f4ea;border-left:4px solid #1e7b34;padding:.2rem .8rem;margin:.5rem 0}
    .advarsel{background:#fdecea;border-left:4px solid #a4000f;padding:.2rem .8rem;margin:.5rem 0}
    .info{background:#eef2f5;border-left:4px solid #0b5394;padding:.2rem .8rem;margin:.5rem 0}
    .status{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.85rem;background:#eef2f5;color:#1b1b1b}
    .status-indsendt{background:#fff4ce;color:#5c4400}.status-godkendt{background:#e6f4ea;color:#14532d}
    .status-afvist{background:#fdecea;color:#7a000b}.status-offentliggjort{background:#0b3d5c;color:#fff}
    fieldset{border:1px solid #d0d7de;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
    legend{font-weight:700;padding:0 .3rem}
    .kolonner{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 1.5rem}
    dl.fakta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.fakta dt{font-weight:600}dl.fakta dd{margin:0}
    figure{margin:1rem 0}figure svg{width:100%;height:auto;max-width:48rem;display:block}
    figcaption{font-size:.9rem;color:#333}
    .sideskift{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;margin:.8rem 0}
    .download{font-size:.95rem}
    pre{white-space:pre-wrap;word-break:break-word;font-size:.8rem;margin:0}
    details summary{cursor:pointer;color:#0b5394}
    @media (max-width:40rem){main{padding:.6rem}th,td{padding:.3rem}h1{font-size:1.35rem}}
    .kontrakt section{break-inside:avoid;margin:0 0 1rem}.kontrakt .linje{border-bottom:1px solid #000;min-height:1.6rem;margin:.3rem 0 .8rem}
    .underskrifter{display:grid;grid-template-columns:1fr 1fr;gap:2rem;margin-top:2rem}
    @page{size:A4;margin:18mm}
    @media print{header,footer,.spring,.ikke-print,.besked,form.soeg,.download{display:none}.tabel{overflow:visible}main{max-width:none;padding:0}body{font-size:10.5pt}a{color:#000;text-decoration:none}table{font-size:9.5pt}}
    """
}

/// Form pieces Plot does not type the way a page needs them.
enum Formular {
    /// A `<select>` whose options carry their text as content (Plot's `option` is self-closing).
    static func valg<C>(navn: String, valg: [(vaerdi: String, tekst: String)], valgt: String, id: String? = nil) -> Node<C> {
        .element(named: "select", nodes: [Node<HTML.SelectContext>.attribute(named: "name", value: E.attr(navn)),
                                          .attribute(named: "id", value: id.map(E.attr))] + valg.map { v in
            Node<HTML.SelectContext>.element(named: "option", nodes: [
                .attribute(named: "value", value: E.attr(v.vaerdi), ignoreIfValueIsEmpty: false),
                v.vaerdi == valgt ? .attribute(named: "selected", value: "selected") : .group([]),
                .text(v.tekst),
            ])
        })
    }
}
