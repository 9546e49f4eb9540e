import Filformater
import Foundation
import Takstregler

/// A takst basis as JSON, written by hand: the same bytes as `JSONEncoder` with sorted keys
/// (a test compares them on thousands of generated bases), at a fraction of the cost — the
/// generic encoder was ~20 % of importing 90.000 takstniveauer (perf). Stored bases are still
/// read with `JSONDecoder`.
enum Grundlagskoder {
    static func json(_ g: Takstgrundlag) -> String {
        var s = ""
        s.reserveCapacity(256 + 96 * g.omkostninger.count)
        s += "{\"afrunding\":"
        streng(g.afrunding.rawValue, &s)
        s += ",\"andreIndtaegter\":["
        for (i, l) in g.andreIndtaegter.enumerated() {
            s += i == 0 ? "{\"beloeb\":" : ",{\"beloeb\":"
            tal(l.beloeb, &s)
            s += ",\"tekst\":"
            streng(l.tekst, &s)
            s += "}"
        }
        s += "],\"belaegningsprocent\":"
        tal(g.belaegningsprocent, &s)
        s += ",\"enhed\":"
        streng(g.enhed.rawValue, &s)
        if let e = g.enhederPrAar {
            s += ",\"enhederPrAar\":"
            tal(e, &s)
        }
        s += ",\"omkostninger\":["
        for (i, l) in g.omkostninger.enumerated() {
            s += i == 0 ? "{\"beloeb\":" : ",{\"beloeb\":"
            tal(l.beloeb, &s)
            s += ",\"kategori\":"
            streng(l.kategori.rawValue, &s)
            s += ",\"tekst\":"
            streng(l.tekst, &s)
            s += "}"
        }
        s += "],\"overhead\":"
        switch g.overhead {
        case .ingen: s += "{\"ingen\":{}}"
        case .procentAfDirekte(let p): s += "{\"procentAfDirekte\":{\"_0\":"; tal(p, &s); s += "}}"
        case .bruttoandel(let p): s += "{\"bruttoandel\":{\"_0\":"; tal(p, &s); s += "}}"
        case .beloeb(let b): s += "{\"beloeb\":{\"_0\":"; tal(b, &s); s += "}}"
        }
        s += ",\"pladser\":"
        tal(g.pladser, &s)
        s += ",\"reguleringer\":["
        for (i, r) in g.reguleringer.enumerated() {
            s += i == 0 ? "{\"andel\":" : ",{\"andel\":"
            tal(r.andel, &s)
            if let h = r.hensat {
                s += ",\"hensat\":"
                tal(h, &s)
            }
            if let b = r.indenforBaand {
                s += ",\"indenforBaand\":"
                tal(b, &s)
            }
            s += ",\"overUnderskud\":"
            tal(r.overUnderskud, &s)
            s += ",\"regnskabsaar\":\(r.regnskabsaar)}"
        }
        s += "]}"
        return s
    }

    private static func tal(_ d: Decimal, _ s: inout String) { s += Decimaltekst.tekst(d) }

    /// JSONEncoder's escaping, slash included (`JSONTekst`, the one JSON string writer).
    private static func streng(_ t: String, _ s: inout String) { JSONTekst.citer(t, skraastreg: true, til: &s) }
}

extension Grundlagskoder {
    /// Reads a stored basis of the common shape (what `json` writes) by hand — the generic decoder
    /// was most of recomputing every takst (perf). Nil for anything else: `Lagerkodning.fraJSON`
    /// then uses `JSONDecoder`, so odd input gets the same result and the same message as before.
    static func hurtigt(_ tekst: String) -> Takstgrundlag? {
        var t = tekst
        return t.withUTF8 { b -> Takstgrundlag? in
            var l = JSONLaeser(b: b)
            guard let v = l.vaerdi(), l.slut else { return nil }
            return grundlag(v)
        }
    }

    private static func grundlag(_ v: JSONLaeser.Vaerdi) -> Takstgrundlag? {
        guard case .objekt(let o) = v,
              let omk = liste(o["omkostninger"], { l -> Omkostningslinje? in
                  guard case .objekt(let x) = l, let b = tal(x["beloeb"]), let k = tekst(x["kategori"]).flatMap(Omkostningskategori.init(rawValue:)),
                        let t = tekst(x["tekst"]) else { return nil }
                  return Omkostningslinje(k, b, tekst: t)
              }),
              let ind = liste(o["andreIndtaegter"], { l -> Indtaegtslinje? in
                  guard case .objekt(let x) = l, let b = tal(x["beloeb"]), let t = tekst(x["tekst"]) else { return nil }
                  return Indtaegtslinje(tekst: t, beloeb: b)
              }),
              let reg = liste(o["reguleringer"], { l -> Regulering? in
                  guard case .objekt(let x) = l, let a = tal(x["andel"]), let ou = tal(x["overUnderskud"]),
                        case .tal(let aarTekst)? = x["regnskabsaar"], let aar = Int(aarTekst) else { return nil }
                  var hensat: Decimal?
                  if let h = x["hensat"], h != .null { guard let d = tal(h) else { return nil }; hensat = d }
                  var baand: Decimal?
                  if let b = x["indenforBaand"], b != .null { guard let d = tal(b) else { return nil }; baand = d }
                  return Regulering(regnskabsaar: aar, overUnderskud: ou, andel: a, hensat: hensat, indenforBaand: baand)
              }),
              case .objekt(let oh)? = o["overhead"], oh.count == 1, let (metode, indhold) = oh.first,
              let pladser = tal(o["pladser"]), let enhed = tekst(o["enhed"]).flatMap(Takstenhed.init(rawValue:)),
              let bel = tal(o["belaegningsprocent"]), let afr = tekst(o["afrunding"]).flatMap(Afrunding.init(rawValue:))
        else { return nil }
        let overhead: Overheadmetode
        switch metode {
        case "ingen": overhead = .ingen
        case "procentAfDirekte", "bruttoandel", "beloeb":
            guard case .objekt(let x) = indhold, let p = tal(x["_0"]) else { return nil }
            overhead = metode == "procentAfDirekte" ? .procentAfDirekte(p) : metode == "bruttoandel" ? .bruttoandel(p) : .beloeb(p)
        default: return nil
        }
        var enhederPrAar: Decimal?
        if let e = o["enhederPrAar"], e != .null { guard let d = tal(e) else { return nil }; enhederPrAar = d }
        return Takstgrundlag(omkostninger: omk, andreIndtaegter: ind, overhead: overhead, reguleringer: reg, pladser: pladser,
                             enhed: enhed, enhederPrAar: enhederPrAar, belaegningsprocent: bel, afrunding: afr)
    }

    private static func tal(_ v: JSONLaeser.Vaerdi?) -> Decimal? {
        guard case .tal(let t)? = v else { return nil }
        return Decimaltekst.laes(t)
    }

    private static func tekst(_ v: JSONLaeser.Vaerdi?) -> String? {
        guard case .tekst(let t)? = v else { return nil }
        return t
    }

    private static func liste<T>(_ v: JSONLaeser.Vaerdi?, _ f: (JSONLaeser.Vaerdi) -> T?) -> [T]? {
        guard case .liste(let l)? = v else { return nil }
        var ud: [T] = []
        ud.reserveCapacity(l.count)
        for x in l { guard let y = f(x) else { return nil }; ud.append(y) }
        return ud
    }
}

/// A small JSON reader for `Grundlagskoder.hurtigt`: objects, arrays, strings (with escapes),
/// numbers kept as their text (so decimals stay exact), true/false/null. Returns nil on anything
/// it does not understand; the caller then uses `JSONDecoder`.
struct JSONLaeser {
    indirect enum Vaerdi: Equatable {
        case objekt([String: Vaerdi]), liste([Vaerdi]), tekst(String), tal(String), sand, falsk, null
    }

    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    var slut: Bool { mutating get { mellemrum(); return i == b.count } }

    mutating func mellemrum() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func vaerdi() -> Vaerdi? {
        mellemrum()
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var o: [String: Vaerdi] = [:]
            mellemrum()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .objekt(o) }
            while true {
                mellemrum()
                guard let k = streng() else { return nil }
                mellemrum()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = vaerdi() else { return nil }
                o[k] = v
                mellemrum()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .objekt(o) }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            var l: [Vaerdi] = []
            mellemrum()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .liste(l) }
            while true {
                guard let v = vaerdi() else { return nil }
                l.append(v)
                mellemrum()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .liste(l) }
                return nil
            }
        case UInt8(ascii: "\""):
            return streng().map(Vaerdi.tekst)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            while i < b.count, (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ".")
                || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") || b[i] == UInt8(ascii: "+") { i += 1 }
            return .tal(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
        default:
            for (ord, v) in [("true", Vaerdi.sand), ("false", .falsk), ("null", .null)] where naeste(ord) { return v }
            return nil
        }
    }

    private mutating func naeste(_ ord: String) -> Bool {
        let u = Array(ord.utf8)
        guard i + u.count <= b.count, Array(b[i..<i + u.count]) == u else { return false }
        i += u.count
        return true
    }

    /// A string at `i` (which must be at its opening quote).
    mutating func streng() -> String? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\"), b[i] >= 0x20 { i += 1 }
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        }
        // Escapes: collect bytes.
        var ud = Array(b[start..<i])
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(validating: ud, as: UTF8.self) }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") { ud.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { return nil }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): ud.append(e)
            case UInt8(ascii: "n"): ud.append(0x0A)
            case UInt8(ascii: "r"): ud.append(0x0D)
            case UInt8(ascii: "t"): ud.append(0x09)
            case UInt8(ascii: "b"): ud.append(0x08)
            case UInt8(ascii: "f"): ud.append(0x0C)
            case UInt8(ascii: "u"):
                guard var kode = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(kode) {
                    guard naeste("\\u"), let lav = hex4(), (0xDC00..<0xE000).contains(lav) else { return nil }
                    kode = 0x10000 + ((kode - 0xD800) << 10) + (lav - 0xDC00)
                }
                guard let skalar = Unicode.Scalar(kode) else { return nil }
                ud.append(contentsOf: Array(String(Character(skalar)).utf8))
            default: return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            i += 1
            switch c {
            case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
            case 0x41...0x46: v = v << 4 | UInt32(c - 0x37)
            case 0x61...0x66: v = v << 4 | UInt32(c - 0x57)
            default: return nil
            }
        }
        return v
    }
}
