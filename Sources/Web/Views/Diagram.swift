import Foundation
import Plot
import Takstregler

/// Inline SVG charts, drawn on the server (no JavaScript). Every chart is an image with a title
/// and a description for screen readers; the table next to it carries the exact figures.
/// Values are converted to Double only for drawing (`Decimal.tilDouble`).
enum Diagram {
    static let farver = ["#0b5394", "#c55a11", "#2e7d32", "#6a1b9a", "#ad1457", "#00695c", "#5d4037", "#37474f"]

    struct Serie {
        let navn: String
        let vaerdier: [Decimal?]
    }

    /// Horizontal bars, one group per category (narrow screens keep long names readable).
    static func soejler(id: String, titel: String, kategorier: [String], serier: [Serie], format: (Decimal) -> String) -> E.N {
        let alle = serier.flatMap { $0.vaerdier.compactMap { $0?.tilDouble } }
        guard !kategorier.isEmpty, !alle.isEmpty else { return .empty }
        let bredde = 640.0, venstre = 190.0, hoejre = 80.0
        let linjehoejde = 13.0, mellemrum = 8.0, top = serier.count > 1 ? 26.0 : 6.0
        let gruppe = Double(serier.count) * linjehoejde + mellemrum
        let hoejde = top + Double(kategorier.count) * gruppe + 4
        let lav = min(0, alle.min() ?? 0), hoej = max(0, alle.max() ?? 0)
        let spaend = hoej - lav == 0 ? 1 : hoej - lav
        let plot = bredde - venstre - hoejre
        func x(_ v: Double) -> Double { venstre + (v - lav) / spaend * plot }
        var s = svgStart(id: id, titel: titel, bredde: bredde, hoejde: hoejde,
                         beskrivelse: "Søjlediagram med \(kategorier.count) rækker\(serier.count > 1 ? " og serierne " + serier.map(\.navn).joined(separator: ", ") : "").")
        if serier.count > 1 {
            var lx = venstre
            for (i, serie) in serier.enumerated() {
                s += "<rect x=\"\(f(lx))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(farver[i % farver.count])\"/>"
                s += "<text x=\"\(f(lx + 16))\" y=\"16\" font-size=\"12\">\(E.attr(serie.navn))</text>"
                lx += 24 + Double(serie.navn.count) * 7
            }
        }
        s += "<line x1=\"\(f(x(0)))\" x2=\"\(f(x(0)))\" y1=\"\(f(top - 2))\" y2=\"\(f(hoejde - 2))\" stroke=\"#555\" stroke-width=\"1\"/>"
        for (k, navn) in kategorier.enumerated() {
            let y0 = top + Double(k) * gruppe
            s += "<text x=\"\(f(venstre - 6))\" y=\"\(f(y0 + Double(serier.count) * linjehoejde / 2 + 4))\" font-size=\"11\" text-anchor=\"end\">\(E.attr(forkort(navn, 30)))</text>"
            for (i, serie) in serier.enumerated() {
                guard k < serie.vaerdier.count, let d = serie.vaerdier[k] else { continue }
                let v = d.tilDouble
                let y = y0 + Double(i) * linjehoejde
                let (a, b) = (x(min(0, v)), x(max(0, v)))
                s += "<rect x=\"\(f(a))\" y=\"\(f(y + 1))\" width=\"\(f(max(0.5, b - a)))\" height=\"\(f(linjehoejde - 2))\" fill=\"\(farver[i % farver.count])\"><title>\(E.attr("\(navn), \(serie.navn): \(format(d))"))</title></rect>"
                // Negative bars are labelled right of the zero line, clear of the category names.
                s += "<text x=\"\(f(b + 4))\" y=\"\(f(y + linjehoejde - 3))\" font-size=\"10\">\(E.attr(format(d)))</text>"
            }
        }
        s += "</svg>"
        return figur(svg: s, titel: titel)
    }

    /// Lines over points in time (a tilbud's takster per level, one point per period start).
    static func linjer(id: String, titel: String, aar: [String], serier: [Serie], format: (Decimal) -> String) -> E.N {
        let alle = serier.flatMap { $0.vaerdier.compactMap { $0?.tilDouble } }
        guard !aar.isEmpty, !alle.isEmpty else { return .empty }
        let bredde = 640.0, hoejde = 300.0, venstre = 70.0, hoejre = 20.0, top = 20.0 + Double((serier.count + 2) / 3) * 16, bund = 30.0
        let lav = min(0, alle.min() ?? 0), hoej = (alle.max() ?? 1) * 1.1
        let spaend = hoej - lav == 0 ? 1 : hoej - lav
        func x(_ i: Int) -> Double {
            aar.count == 1 ? venstre + (bredde - venstre - hoejre) / 2 : venstre + Double(i) / Double(aar.count - 1) * (bredde - venstre - hoejre)
        }
        func y(_ v: Double) -> Double { hoejde - bund - (v - lav) / spaend * (hoejde - bund - top) }
        var s = svgStart(id: id, titel: titel, bredde: bredde, hoejde: hoejde,
                         beskrivelse: "Linjediagram fra \(aar.first!) til \(aar.last!) for \(serier.map(\.navn).joined(separator: ", ")).")
        for (i, serie) in serier.enumerated() {
            let lx = 10 + Double(i % 3) * 205, ly = 6 + Double(i / 3) * 16
            s += "<rect x=\"\(f(lx))\" y=\"\(f(ly))\" width=\"12\" height=\"12\" fill=\"\(farver[i % farver.count])\"/>"
            s += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly + 10))\" font-size=\"12\">\(E.attr(forkort(serie.navn, 26)))</text>"
        }
        for t in 0...4 {
            let v = lav + spaend * Double(t) / 4
            s += "<line x1=\"\(f(venstre))\" x2=\"\(f(bredde - hoejre))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#d0d7de\"/>"
            s += "<text x=\"\(f(venstre - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\">\(E.attr(DanskTal.formater(Decimal(v), decimaler: 0)))</text>"
        }
        for (i, a) in aar.enumerated() {
            // The last label ends at the plot's edge, so a long one ("1/3 2024") is not cut off.
            let anker = aar.count > 1 && i == aar.count - 1 ? "end" : "middle"
            s += "<text x=\"\(f(x(i)))\" y=\"\(f(hoejde - 10))\" font-size=\"11\" text-anchor=\"\(anker)\">\(E.attr(a))</text>"
        }
        for (i, serie) in serier.enumerated() {
            let farve = farver[i % farver.count]
            let punkter = serie.vaerdier.enumerated().compactMap { j, v in v.map { (j, $0) } }
            if punkter.count > 1 {
                s += "<polyline fill=\"none\" stroke=\"\(farve)\" stroke-width=\"2\" points=\"\(punkter.map { "\(f(x($0.0))),\(f(y($0.1.tilDouble)))" }.joined(separator: " "))\"/>"
            }
            for (j, v) in punkter {
                s += "<circle cx=\"\(f(x(j)))\" cy=\"\(f(y(v.tilDouble)))\" r=\"4\" fill=\"\(farve)\"><title>\(E.attr("\(serie.navn) \(aar[j]): \(format(v))"))</title></circle>"
            }
        }
        s += "</svg>"
        return figur(svg: s, titel: titel)
    }

    private static func svgStart(id: String, titel: String, bredde: Double, hoejde: Double, beskrivelse: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(bredde)) \(f(hoejde))\" role=\"img\" aria-labelledby=\"\(id)-titel \(id)-beskrivelse\" font-family=\"system-ui,sans-serif\" fill=\"#1b1b1b\">"
            + "<title id=\"\(id)-titel\">\(E.attr(titel))</title><desc id=\"\(id)-beskrivelse\">\(E.attr(beskrivelse))</desc>"
    }

    private static func figur(svg: String, titel: String) -> E.N {
        E.el("figure", [], [.raw(svg), E.el("figcaption", [], [.text(titel)])])
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func forkort(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
