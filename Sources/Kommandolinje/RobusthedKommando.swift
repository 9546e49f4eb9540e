import ArgumentParser
import Demo
import Filformater
import Foundation
import Lager
import Takstregler

/// `takstfil robusthed fuzz`: seeded fuzzing of the readers for `scripts/robusthed` (issue "Sikkerhed"
/// 2; not for daily use). Every input is a mutation of a corpus file, reproducible from (seed, number)
/// alone, so a crash found at input N is found again with `--fra N --til N`.
struct RobusthedKommando: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robusthed", abstract: "Målinger til scripts/robusthed (ikke til daglig brug).",
        shouldDisplay: false, subcommands: [Fuzz.self])

    struct Fuzz: TakstfilKommando {
        static let configuration = CommandConfiguration(
            commandName: "fuzz",
            abstract: "Muterede input til en læser; udskriver fuzz;læser;antal;godtaget;afvist;ikke_dansk;maks_ms;over_1s")
        @Option(help: "csv, xlsx, json eller taelling") var laeser: String
        @Option(help: "Første inputnummer") var fra: Int = 0
        @Option(help: "Sidste inputnummer (inklusive)") var til: Int = 999_999
        @Option(help: "Frø") var seed: UInt64 = 1
        @Option(help: "Skriv hvert input til denne fil, før det læses (til at finde et nedbrud)") var gem: String?
        @Argument(help: "Korpusfiler") var korpus: [String]

        func udfoer() async throws {
            let filer = try korpus.map { ($0, [UInt8](try Fil.laesData($0))) }
            guard !filer.isEmpty, fra <= til else { throw Valideringsfejl(felt: "korpus", besked: "ingen korpusfiler eller tomt interval") }
            let maal = try Fuzzmaal(laeser: laeser, korpus: filer)
            var stat = Fuzzstatistik()
            for n in fra...til {
                var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(n))
                let valgt = Int(rng.next() % UInt64(filer.count))
                let input = Mutator.muter(filer[valgt].1, andre: filer.map(\.1), rng: &rng)
                if let gem { _ = FileManager.default.createFile(atPath: gem, contents: Data(input)) }
                let start = DispatchTime.now().uptimeNanoseconds
                let udfald = maal.proev(input, korpusnummer: valgt, rng: &rng, gem: gem)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                stat.registrer(udfald, ms: ms, nummer: n)
                if (n - fra) % 10_000 == 9_999 { FileHandle.standardError.write(Data("status;\(n)\n".utf8)) }
            }
            for e in stat.eksempler { FileHandle.standardError.write(Data("ikke dansk (input \(e.0)): \(e.1)\n".utf8)) }
            udskriv("fuzz;\(laeser);\(til - fra + 1);\(stat.godtaget);\(stat.afvist);\(stat.ikkeDansk);\(String(format: "%.1f", stat.maksMs));\(stat.over1s)\n")
        }
    }
}

struct Fuzzstatistik {
    var godtaget = 0, afvist = 0, ikkeDansk = 0, over1s = 0
    var maksMs = 0.0
    var eksempler: [(Int, String)] = []

    mutating func registrer(_ u: Fuzzmaal.Udfald, ms: Double, nummer: Int) {
        maksMs = max(maksMs, ms)
        if ms > 1000 {
            over1s += 1
            FileHandle.standardError.write(Data("langsom (input \(nummer)): \(String(format: "%.0f", ms)) ms\n".utf8))
        }
        switch u {
        case .godtaget: godtaget += 1
        case .afvist: afvist += 1
        case .ikkeDansk(let t):
            ikkeDansk += 1
            if eksempler.count < 5 { eksempler.append((nummer, t)) }
        }
    }
}

/// What is fuzzed: the same entry points the importers and `takstfil model` use.
struct Fuzzmaal {
    enum Udfald { case godtaget, afvist, ikkeDansk(String) }
    enum Slags { case takster, regnskab, belaegning, pladser, projektmappe, json(@Sendable (Data) throws -> Data), taelling }

    let laeser: String
    let slags: [Slags]
    /// For XLSX: the corpus workbooks unpacked, so most mutations reach the XML instead of the zip's checksums.
    let dele: [[String: Data]]

    init(laeser: String, korpus: [(String, [UInt8])]) throws {
        self.laeser = laeser
        var slags: [Slags] = []
        var dele: [[String: Data]] = []
        for (sti, bytes) in korpus {
            let navn = (sti as NSString).lastPathComponent.lowercased()
            switch laeser {
            case "csv":
                if navn.contains("takst") { slags.append(.takster) } else if navn.contains("regnskab") { slags.append(.regnskab) }
                else if navn.contains("belaegning") { slags.append(.belaegning) } else if navn.contains("plads") { slags.append(.pladser) }
                else { throw Valideringsfejl(felt: "korpus", besked: "'\(sti)': navnet siger ikke, om det er takster, regnskab, belægning eller pladser") }
            case "xlsx":
                slags.append(.projektmappe)
                dele.append(try XLSXLaeser.dele(Data(bytes), fil: sti))
            case "json":
                // The model whose input the corpus file is: the one that computes it unchanged.
                let kandidater: [@Sendable (Data) throws -> Data] = Finansieringsmodel.allCases.map { m in { try m.beregn(json: $0) } }
                    + [{ try Socialtilsyn.beregn(json: $0) }]
                guard let f = kandidater.first(where: { (try? $0(Data(bytes))) != nil }) else {
                    throw Valideringsfejl(felt: "korpus", besked: "'\(sti)' er ikke input til nogen model")
                }
                slags.append(.json(f))
            case "taelling":
                slags.append(.taelling)
            default:
                throw Valideringsfejl(felt: "laeser", besked: "ukendt læser '\(laeser)' (csv, xlsx, json eller taelling)")
            }
        }
        self.slags = slags
        self.dele = dele
    }

    func proev(_ input: [UInt8], korpusnummer k: Int, rng: inout SplitMix64, gem: String? = nil) -> Udfald {
        let fil = "fuzz"
        do {
            switch slags[k] {
            case .takster: _ = try Takstfilskabelon.laesTakster(try CSVTabel(fil: fil, tekst: try Tekstfil.tekst(Data(input), fil: fil), format: Takstfilskabelon.format))
            case .regnskab: _ = try Indberetningsformat.laesRegnskab(fil: fil, tekst: try Tekstfil.tekst(Data(input), fil: fil))
            case .belaegning: _ = try Indberetningsformat.laesBelaegning(fil: fil, tekst: try Tekstfil.tekst(Data(input), fil: fil))
            case .pladser: _ = try Indberetningsformat.laesPladser(fil: fil, tekst: try Tekstfil.tekst(Data(input), fil: fil))
            case .projektmappe:
                // One in five mutates the zip itself; the rest one XML part inside it.
                if rng.next() % 5 == 0 {
                    _ = try Projektmappe.laes(Data(input), fil: fil)
                } else {
                    var d = dele[k]
                    let noegler = d.keys.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") }.sorted()
                    let n = noegler[Int(rng.next() % UInt64(noegler.count))]
                    d[n] = Data(Mutator.muter([UInt8](d[n]!), andre: [], rng: &rng))
                    // The input is then the unpacked parts: save the mutated one beside the file.
                    if let gem { _ = FileManager.default.createFile(atPath: gem + "-" + n.replacingOccurrences(of: "/", with: "_"), contents: d[n]) }
                    _ = try Projektmappe.laes(ark: try XLSXLaeser.laes(dele: d, fil: fil), fil: fil)
                }
            case .json(let f): _ = try f(Data(input))
            case .taelling: _ = Optaelling.kontroller(try Optaellingsfil.laes(fil: fil, tekst: try Tekstfil.tekst(Data(input), fil: fil)))
            }
            return .godtaget
        } catch {
            return Fuzzmaal.erDansk(error) ? .afvist : .ikkeDansk("\(type(of: error)): \(Fejltekst.tekst(error))")
        }
    }

    /// A refusal the user can read: one of our Danish error types, with no English from a library in it.
    static func erDansk(_ fejl: any Error) -> Bool {
        switch fejl {
        case is Importfejl, is Importfejlliste, is Valideringsfejl, is Valideringsfejlliste, is TalFejl: break
        default: return false
        }
        let t = Fejltekst.tekst(fejl)
        let engelsk = ["The data couldn", "Error Domain", "keyNotFound", "typeMismatch", "valueNotFound", "dataCorrupted",
                       "DecodingError", "Unexpected character", "is not valid JSON", "Swift."]
        return !t.isEmpty && !engelsk.contains { t.contains($0) }
    }
}

/// Byte mutations in the style of the classic fuzzers: bit flips, separators and quotes, numbers at
/// their limits, deleted, repeated and spliced runs — one to four at a time.
enum Mutator {
    static let tegn: [UInt8] = Array(";,\"\n\r\t0123456789-.'=+@ <>&{}[]:".utf8) + [0x00, 0xFF, 0xC3, 0xA6, 0xE2, 0x80]
    static let ord: [[UInt8]] = [
        "\"", "\"\"", ";;", "\r\n", "\r", "-1", "0", "-0", "1e308", "99999999999999999999999999999999999999", "1.234,56",
        "1,234.56", "NaN", "∞", "æøå", "ÆØÅ", "<", "&amp;", "&#0;", "&#xFFFFFF;", "]]>", "<![CDATA[", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>",
        "&a;", "{", "}", "[", "]", "null", "true", "\"x\":", "1,5", "2024-13-45", "≤3", "8-10", "?", "ca. 7", "=SUM(A1)",
        "<c r=\"A1\" t=\"s\"><v>99999</v></c>", "<row r=\"0\">", "<row r=\"1048577\">", "<c r=\"XFE1\">", " t=\"e\"", "<f>1+1</f>",
    ].map { Array($0.utf8) }

    static func muter(_ kilde: [UInt8], andre: [[UInt8]], rng: inout SplitMix64) -> [UInt8] {
        var b = kilde
        for _ in 0...(rng.next() % 4) {
            let valg = rng.next() % 9
            let pos = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
            switch valg {
            case 0 where !b.isEmpty: b[pos] ^= UInt8(1 << (rng.next() % 8))
            case 1 where !b.isEmpty: b[pos] = tegn[Int(rng.next() % UInt64(tegn.count))]
            case 2: b.insert(contentsOf: ord[Int(rng.next() % UInt64(ord.count))], at: pos)
            case 3 where !b.isEmpty:
                let l = min(b.count - pos, Int(rng.next() % 64) + 1)
                b.removeSubrange(pos..<(pos + l))
            case 4 where !b.isEmpty:
                // Repeat a run, sometimes many times (long rows, many columns, deep nesting).
                let l = min(b.count - pos, Int(rng.next() % 256) + 1)
                let gange = rng.next() % 8 == 0 ? Int(rng.next() % 200) + 1 : 1
                let stykke = Array(b[pos..<(pos + l)])
                for _ in 0..<gange { b.insert(contentsOf: stykke, at: pos) }
            case 5 where !b.isEmpty: b.removeSubrange(pos...)
            case 6 where !andre.isEmpty:
                let a = andre[Int(rng.next() % UInt64(andre.count))]
                if !a.isEmpty {
                    let p = Int(rng.next() % UInt64(a.count))
                    b = Array(b[..<pos]) + Array(a[p...])
                }
            case 7:
                // A number run replaced by a number at a limit.
                if let start = b[pos...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                    var slut = start
                    while slut < b.count, (b[slut] >= 0x30 && b[slut] <= 0x39) || b[slut] == 0x2C || b[slut] == 0x2E { slut += 1 }
                    let tal = ["0", "-1", "1e400", "0,0000000000000000000000000001", "99999999999999999999999999999999999999999",
                               "2147483648", "-9223372036854775808", "00000000000000000000007", "3,"][Int(rng.next() % 9)]
                    b.replaceSubrange(start..<slut, with: Array(tal.utf8))
                }
            default:
                if !b.isEmpty { b[pos] = UInt8(truncatingIfNeeded: rng.next()) }
            }
        }
        return b
    }
}
