import Filformater
import ArgumentParser
import Foundation
import Takstregler
import Udskrift

struct BeregnKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beregn", abstract: "Beregn en takst uden at gemme noget.",
        subcommands: [Doegntakst.self, BasisYdelseKommando.self, RammeaftaleKommando.self])

    struct Doegntakst: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "doegntakst",
            abstract: "Døgntakst = omkostninger / (pladser × dage × belægningsprocent) (DOMAIN.md 6.1).")
        @Option(help: "Takstberegningsgrundlaget i kr.") var omkostninger: String
        @Option(help: "Antal pladser") var pladser: String
        @Option(help: "Belægningsprocent, over 0 og højst 100") var belaegningsprocent: String
        @Option(help: "Dage pr. år") var dage: String = "365"
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            var felter = Talfelter()
            let læs = { (raa: String, felt: String) in felter.læs(raa, felt) }
            let g = Takstgrundlag(
                omkostninger: [Omkostningslinje(.oevrige, læs(omkostninger, "omkostninger"), tekst: "Omkostninger")],
                pladser: læs(pladser, "pladser"), enhederPrAar: læs(dage, "dage"),
                belaegningsprocent: læs(belaegningsprocent, "belaegningsprocent"), afrunding: .oere)
            let r = try felter.medAndreFejl { try Takstberegning.beregn(g) }
            let noegletal: [(String, Tabelcelle)] = [
                ("doegntakst", .tal(r.takst, decimaler: 2)),
                ("antal_doegn", .tal(r.antalEnheder, decimaler: nil)),
                ("omkostninger", .tal(r.omkostningerIAlt, decimaler: nil)),
                ("grundlag", .tal(r.grundlag, decimaler: nil)),
                ("pladser", .tal(r.pladser, decimaler: nil)),
                ("dage", .tal(r.enhederPrAar, decimaler: nil)),
                ("belaegningsprocent", .tal(r.belaegningsprocent, decimaler: nil)),
                ("doegntakst_uafrundet", .tal(r.takstUafrundet, decimaler: 10)),
            ]
            udskriv(Noegletal.tekst(noegletal, linjer: r.linjer, format: format.format))
        }
    }

    struct BasisYdelseKommando: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "basis-ydelse",
            abstract: "Basistakst + ydelsestakst i hele kroner (DOMAIN.md 6.1, Neurocenter Østerskoven); basistaksten af et basisbudget eller givet.")
        @Option(help: "Basisbudget i kr. (sammen med --pladser)") var basisbudget: String?
        @Option(help: "Antal pladser (sammen med --basisbudget)") var pladser: String?
        @Option(help: "En given basistakst i kr. (i stedet for --basisbudget og --pladser)") var basistakst: String?
        @Option(help: "Belægningsprocent, over 0 og højst 100") var belaegningsprocent: String
        @Option(help: "Effektiv timeløn i kr.") var timeloen: String
        @Option(help: "Ydelsestimer pr. døgn") var timer: String = "8"
        @Option(help: "Dage pr. år") var dage: String = "365"
        @Option(name: .customLong("ydelse"),
                help: "En af tilbuddets ydelser med sin egen basistakst: NAVN=BASISTAKST[:TIMER] (kan gentages; timer ellers --timer)")
        var ydelser: [String] = []
        @OptionGroup var format: FormatValg

        func udfoer() async throws {
            var felter = Talfelter()
            let læs = { (raa: String, felt: String) in felter.læs(raa, felt) }
            if !ydelser.isEmpty {
                guard basistakst == nil, basisbudget == nil, pladser == nil else {
                    throw Valideringsfejl(felt: "ydelse", besked: "angiv basistaksten i hver --ydelse, ikke også --basistakst eller --basisbudget")
                }
                // Several services of one tilbud, each with its own basis and ydelse at the same hourly rate
                // (DOMAIN.md 6.1; 002:2862–2867: § 107 with STU is 2.487 + 569 at 402 kr./time).
                var dele: [(navn: String, basistakst: Decimal, timer: Decimal)] = []
                for (i, y) in ydelser.enumerated() {
                    let felt = "ydelse[\(i + 1)]"
                    let lighed = y.split(separator: "=", maxSplits: 1).map(String.init)
                    guard lighed.count == 2, !lighed[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw Valideringsfejl(felt: felt, besked: "skriv NAVN=BASISTAKST eller NAVN=BASISTAKST:TIMER (fik '\(y)')")
                    }
                    let tal = lighed[1].split(separator: ":", maxSplits: 1).map(String.init)
                    dele.append((lighed[0].trimmingCharacters(in: .whitespaces), læs(tal[0], "\(felt).basistakst"),
                                 læs(tal.count == 2 ? tal[1] : timer, "\(felt).timer")))
                }
                let t = læs(timeloen, "timeloen"), pct = læs(belaegningsprocent, "belaegningsprocent")
                let resultater = try felter.medAndreFejl {
                    try dele.map { try BasisYdelse.medBasistakst($0.basistakst, effektivTimeloen: t, belaegningsprocent: pct, timerPrDoegn: $0.timer) }
                }
                let tabel = Tabel(kolonner: ["ydelse", "basistakst", "ydelsestimer", "ydelsestimetakst", "ydelsestakst", "takst_i_alt"],
                                  raekker: zip(dele, resultater).map { d, r in
                                      [.tekst(d.navn), .tal(r.basistakst, decimaler: 0), .tal(d.timer, decimaler: nil),
                                       .tal(r.ydelsestimetakst, decimaler: 0), .tal(r.ydelsestakst, decimaler: 0), .tal(r.takstIAlt, decimaler: 0)]
                                  })
                udskriv(tabel.tekst(format.format))
                return
            }
            let r: BasisYdelseResultat
            switch (basistakst, basisbudget, pladser) {
            case (let givet?, nil, nil):
                let b = læs(givet, "basistakst"), t = læs(timeloen, "timeloen")
                let pct = læs(belaegningsprocent, "belaegningsprocent"), h = læs(timer, "timer")
                r = try felter.medAndreFejl { try BasisYdelse.medBasistakst(b, effektivTimeloen: t, belaegningsprocent: pct, timerPrDoegn: h) }
            case (nil, let budget?, let antal?):
                let g = BasisYdelseGrundlag(basisbudget: læs(budget, "basisbudget"), pladser: læs(antal, "pladser"),
                                            belaegningsprocent: læs(belaegningsprocent, "belaegningsprocent"),
                                            dage: læs(dage, "dage"), effektivTimeloen: læs(timeloen, "timeloen"),
                                            timerPrDoegn: læs(timer, "timer"))
                r = try felter.medAndreFejl { try BasisYdelse.beregn(g) }
            case (.some, _, _):
                throw Valideringsfejl(felt: "basistakst", besked: "angiv enten --basistakst eller --basisbudget med --pladser, ikke begge")
            default:
                throw Valideringsfejl(felt: "basisbudget", besked: "angiv --basisbudget og --pladser, eller en given --basistakst")
            }
            var noegletal: [(String, Tabelcelle)] = [
                ("basistakst", .tal(r.basistakst, decimaler: 0)),
                ("ydelsestimetakst", .tal(r.ydelsestimetakst, decimaler: 0)),
                ("ydelsestakst", .tal(r.ydelsestakst, decimaler: 0)),
                ("takst_i_alt", .tal(r.takstIAlt, decimaler: 0)),
            ]
            // A given basistakst has no budget behind it: no days and no unrounded basis to show.
            if basistakst == nil {
                noegletal += [("antal_doegn", .tal(r.antalDoegn, decimaler: nil)),
                              ("basistakst_uafrundet", .tal(r.basistakstUafrundet, decimaler: 10))]
            }
            noegletal += [("ydelsestimetakst_uafrundet", .tal(r.ydelsestimetakstUafrundet, decimaler: 10)),
                          ("ydelsestakst_uafrundet", .tal(r.ydelsestakstUafrundet, decimaler: 10))]
            udskriv(Noegletal.tekst(noegletal, linjer: [], format: format.format))
        }
    }
}

/// Key figures of one calculation: a JSON object (with the breakdown under `beregning`), or a
/// two-column table / CSV.
enum Noegletal {
    static func tekst(_ felter: [(String, Tabelcelle)], linjer: [Beregningslinje], format: Udformat) -> String {
        switch format {
        case .json:
            var objekt = felter.map { ($0.0, $0.1.json) }
            if !linjer.isEmpty {
                objekt.append(("beregning", .array(linjer.map {
                    .objekt([("art", .tekst($0.art.rawValue)), ("tekst", .tekst($0.tekst)), ("beloeb", .tal($0.beloeb))])
                })))
            }
            return JSONVaerdi.objekt(objekt).tekst + "\n"
        case .table, .csv:
            var t = Tabel(kolonner: ["post", "vaerdi"], raekker: felter.map { [.tekst($0.0), $0.1] })
            t.raekker += linjer.map { [.tekst($0.tekst), .tal($0.beloeb, decimaler: 2)] }
            return t.tekst(format)
        }
    }
}
