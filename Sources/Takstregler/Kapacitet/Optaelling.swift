import Foundation

/// A table of uncertain counts with an optional printed total row, checked as DOMAIN.md 6.10 and
/// 6.13 say: per column the sum the rows allow against the printed total, exact 1–3 values in a
/// table that masks, masked cells that the total gives away, and rows that do not add up to their
/// own total column.
public struct Optaellingstabel: Sendable, Equatable {
    public struct Raekke: Sendable, Equatable {
        public var nummer: Int
        public var navn: String
        public var vaerdier: [Taelling]
        public init(nummer: Int, navn: String, vaerdier: [Taelling]) {
            self.nummer = nummer
            self.navn = navn
            self.vaerdier = vaerdier
        }
    }

    public var kolonner: [String]
    public var raekker: [Raekke]
    /// The printed total row ("I alt", "SUM", "Total"), when the table has one.
    public var trykt: Raekke?

    public init(kolonner: [String], raekker: [Raekke], trykt: Raekke?) {
        self.kolonner = kolonner
        self.raekker = raekker
        self.trykt = trykt
    }

    /// A first cell that starts a printed total row.
    public static func erTotalraekke(_ foersteCelle: String) -> Bool {
        let t = foersteCelle.trimmingCharacters(in: .whitespaces).lowercased()
        return t.hasPrefix("i alt") || t.hasPrefix("sum") || t.hasPrefix("total")
    }
}

public struct Optaellingsresultat: Sendable, Equatable {
    public struct Kolonne: Sendable, Equatable {
        public var kolonne: String
        public var beregnet: Spaend
        public var trykt: Spaend?
        /// The printed total lies within what the rows allow (no printed total: nil).
        public var stemmer: Bool?
    }

    public struct Fund: Sendable, Equatable {
        public var raekke: Int
        public var kolonne: String
        public var besked: String
    }

    public var kolonner: [Kolonne]
    public var fund: [Fund]
}

public enum Optaelling {
    /// A single masked cell beside an exact total and otherwise exact cells can be recomputed
    /// (DOMAIN.md 6.10: no secondary suppression in the source): its index and value.
    public static func afsloeret(_ celler: [Taelling], total: Spaend) -> (Int, Int)? {
        let maskerede = celler.indices.filter { celler[$0] == .hoejst3 }
        guard maskerede.count == 1, total.min == total.max,
              celler.allSatisfy({ $0 == .hoejst3 || $0.spaend.min == $0.spaend.max }) else { return nil }
        let kendte = celler.reduce(0) { $0 + ($1 == .hoejst3 ? 0 : $1.spaend.min) }
        return (maskerede[0], total.min - kendte)
    }

    public static func kontroller(_ t: Optaellingstabel) -> Optaellingsresultat {
        var kolonner: [Optaellingsresultat.Kolonne] = []
        var fund: [Optaellingsresultat.Fund] = []
        let maskerer = t.raekker.contains { $0.vaerdier.contains(.hoejst3) }
        for (i, navn) in t.kolonner.enumerated() {
            let celler = t.raekker.map { (raekke: $0, vaerdi: i < $0.vaerdier.count ? $0.vaerdier[i] : .ikkeBesvaret) }
            let beregnet = celler.reduce(Spaend.nul) { $0 + $1.vaerdi.spaend }
            let tryktCelle = t.trykt.flatMap { i < $0.vaerdier.count ? $0.vaerdier[i] : nil }
            let trykt = tryktCelle.flatMap { c -> Spaend? in c == .ikkeBesvaret ? nil : c.spaend }
            let stemmer = trykt.map { beregnet.indeholder($0) }
            kolonner.append(.init(kolonne: navn, beregnet: beregnet, trykt: trykt, stemmer: stemmer))
            if let trykt, stemmer == false, let r = t.trykt {
                fund.append(.init(raekke: r.nummer, kolonne: navn,
                                  besked: "trykt total \(trykt) ligger uden for det, rækkerne tillader (\(beregnet))"))
            }
            // DOMAIN.md 6.10: a table that masks must mask every 1–3.
            if maskerer {
                for c in celler where c.vaerdi.skalMaskeres {
                    fund.append(.init(raekke: c.raekke.nummer, kolonne: navn,
                                      besked: "\(c.raekke.navn): \(c.vaerdi.tekst) er trykt umaskeret; et antal på 1–3 skal vises som ≤3"))
                }
            }
            // A single masked cell beside an exact total and exact rows can be recomputed.
            if let trykt, let (i, vaerdi) = afsloeret(celler.map(\.vaerdi), total: trykt) {
                let m = celler[i].raekke
                fund.append(.init(raekke: m.nummer, kolonne: navn,
                                  besked: "\(m.navn): den maskerede værdi kan regnes ud af totalen og de andre rækker (\(vaerdi))"))
            }
        }
        // A last column named as a total is each row's own sum.
        if let sidste = t.kolonner.last, t.kolonner.count > 2, Optaellingstabel.erTotalraekke(sidste.replacingOccurrences(of: "_", with: " ")) {
            let n = t.kolonner.count - 1
            for r in t.raekker + (t.trykt.map { [$0] } ?? []) where r.vaerdier.count == t.kolonner.count {
                let sum = r.vaerdier.prefix(n).reduce(Spaend.nul) { $0 + $1.spaend }
                let egen = r.vaerdier[n].spaend
                if !sum.indeholder(egen) && r.vaerdier[n] != .ikkeBesvaret {
                    fund.append(.init(raekke: r.nummer, kolonne: sidste, besked: "\(r.navn): rækkens total \(egen) passer ikke med rækken (\(sum))"))
                }
            }
        }
        // By row, then in the order found (column order).
        let ordnet = fund.enumerated().sorted { ($0.element.raekke, $0.offset) < ($1.element.raekke, $1.offset) }.map(\.element)
        return Optaellingsresultat(kolonner: kolonner, fund: ordnet)
    }
}
