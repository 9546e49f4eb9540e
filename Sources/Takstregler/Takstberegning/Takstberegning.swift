import Foundation

/// One line of a takst's breakdown, in the order a reader checks it.
public struct Beregningslinje: Codable, Equatable, Sendable {
    public enum Art: String, Codable, Sendable {
        case omkostning, indtaegt, overhead, regulering, grundlag
    }
    public var art: Art
    public var tekst: String
    public var beloeb: Kroner
}

/// A computed takst with the breakdown that explains it (issue "Kernen" 3).
public struct Takstresultat: Codable, Equatable, Sendable {
    public var linjer: [Beregningslinje]
    public var omkostningerIAlt: Kroner
    public var andreIndtaegterIAlt: Kroner
    /// Net direct costs: omkostninger − andre indtægter.
    public var drift: Kroner
    public var overhead: Kroner
    public var reguleringIAlt: Kroner
    /// Takstberegningsgrundlag = drift + overhead + regulering.
    public var grundlag: Kroner
    public var pladser: Decimal
    public var enhederPrAar: Decimal
    public var belaegningsprocent: Decimal
    /// pladser × enheder × belægningsprocent, never rounded (003:1425: 693,5 døgn, not 694).
    public var antalEnheder: Decimal
    public var takstUafrundet: Decimal
    /// The published takst, rounded by `afrunding`.
    public var takst: Kroner
    public var enhed: Takstenhed
    public var afrunding: Afrunding
    /// Present when the level is split into basis + ydelse; `takst` is then their total.
    public var basisYdelse: BasisYdelseResultat?
}

public enum Takstberegning {
    /// Takst = grundlag / (pladser × enheder pr. år × belægningsprocent) (DOMAIN.md 6.1).
    public static func beregn(_ g: Takstgrundlag) throws -> Takstresultat {
        var fejl: [Valideringsfejl] = []
        func tjek(_ blok: () throws -> Void) {
            do { try blok() } catch let f as Valideringsfejl { fejl.append(f) } catch {}
        }
        tjek { try Kontrol.pladser(g.pladser) }
        tjek { try Kontrol.belaegningsprocent(g.belaegningsprocent) }
        let enheder = g.enhederPrAar ?? g.enhed.standardPrAar
        if let enheder {
            tjek { try Kontrol.positiv(enheder, felt: "dage", hvad: "antal \(g.enhed.enhedsnavn) pr. år") }
        } else {
            fejl.append(Valideringsfejl(felt: "dage", besked: "angiv antal \(g.enhed.enhedsnavn) pr. år for en \(g.enhed.tekst)"))
        }
        for (i, linje) in g.reguleringer.enumerated() where linje.andel < 0 || linje.andel > 1 {
            fejl.append(Valideringsfejl(felt: "reguleringer[\(i + 1)].andel", besked: "andelen skal være mellem 0 og 1"))
        }
        switch g.overhead {
        case .bruttoandel(let p) where p.isNaN || p.erNegativ || p >= 100,
             .procentAfDirekte(let p) where p.isNaN || p.erNegativ:
            fejl.append(Valideringsfejl(felt: "overhead", besked: "overheadprocenten skal være mellem 0 og 100 (fik \(DanskTal.formaterKort(p)))"))
        default: break
        }
        if !fejl.isEmpty {
            if fejl.count == 1 { throw fejl[0] }
            throw Valideringsfejlliste(fejl)
        }

        // plus/minus/gange/delt: Foundation's results without its allocations (Penge/EksaktRegning).
        var linjer: [Beregningslinje] = g.omkostninger.map { .init(art: .omkostning, tekst: $0.tekst, beloeb: $0.beloeb) }
        let omkostningerIAlt = g.omkostninger.sum(\.beloeb)
        linjer += g.andreIndtaegter.map { .init(art: .indtaegt, tekst: $0.tekst, beloeb: -$0.beloeb) }
        let indtaegter = g.andreIndtaegter.sum(\.beloeb)
        let drift = omkostningerIAlt.minus(indtaegter)
        let overhead = g.overhead.overhead(paa: drift)
        if g.overhead != .ingen { linjer.append(.init(art: .overhead, tekst: g.overhead.tekst, beloeb: overhead)) }
        for r in g.reguleringer {
            let hvad = r.overUnderskud >= 0 ? "overskud" : "underskud"
            let andel = r.andel == 1 ? "" : " (\(DanskTal.formaterKort(r.andel * 100)) %)"
            let hensat = (r.hensat ?? 0) == 0 ? "" : " efter hensættelse af \(DanskTal.formater(r.hensat!, decimaler: 0)) kr."
            // Under the 5 % band the line says what the driftsherre kept or bore itself.
            let baand = r.indenforBaand.map { " ud over 5 %-båndet (\(DanskTal.formater(abs($0), decimaler: 0)) kr. \(r.overUnderskud >= 0 ? "beholdes" : "bæres") af driftsherren)" } ?? ""
            linjer.append(.init(art: .regulering, tekst: "Efterregulering af \(hvad) \(r.regnskabsaar)\(hensat)\(baand)\(andel)", beloeb: r.beloeb))
        }
        let regulering = g.reguleringer.sum(\.beloeb)
        let grundlag = drift.plus(overhead).plus(regulering)
        linjer.append(.init(art: .grundlag, tekst: "Takstberegningsgrundlag", beloeb: grundlag))

        let antal = g.pladser.gange(enheder!).gange(g.belaegningsprocent.procentdel)
        let uafrundet = grundlag.delt(med: antal)
        return Takstresultat(
            linjer: linjer, omkostningerIAlt: omkostningerIAlt, andreIndtaegterIAlt: indtaegter,
            drift: drift, overhead: overhead, reguleringIAlt: regulering, grundlag: grundlag,
            pladser: g.pladser, enhederPrAar: enheder!, belaegningsprocent: g.belaegningsprocent,
            antalEnheder: antal, takstUafrundet: uafrundet, takst: g.afrunding.afrund(uafrundet),
            enhed: g.enhed, afrunding: g.afrunding, basisYdelse: nil)
    }
}
