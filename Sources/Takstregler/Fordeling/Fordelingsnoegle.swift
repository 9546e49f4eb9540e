import Foundation

/// A key for splitting an amount over kommuner (DOMAIN.md 6.8): one row per kommune with its
/// grundlag — a head count (0–17-årige, 14–23, 15–29, total population), a usage count (last
/// year's courses, occupied days) or an earlier distribution used as the key (001:1128–1193).
public struct Fordelingsnoegle: Codable, Equatable, Sendable {
    public struct Raekke: Codable, Equatable, Sendable {
        public var kommune: String
        public var grundlag: Decimal
        public init(kommune: String, grundlag: Decimal) {
            self.kommune = kommune
            self.grundlag = grundlag
        }
    }

    /// What the grundlag counts, e.g. "0-17-årige 2. kvt. 2023" — shown with the result.
    public var navn: String?
    public var raekker: [Raekke]

    public init(navn: String? = nil, raekker: [Raekke]) {
        self.navn = navn
        self.raekker = raekker
    }

    /// Convenience for tests and callers that already have pairs.
    public init(navn: String? = nil, _ par: [(String, Decimal)]) {
        self.init(navn: navn, raekker: par.map { Raekke(kommune: $0.0, grundlag: $0.1) })
    }

    public var iAlt: Decimal { raekker.reduce(Decimal(0)) { $0 + $1.grundlag } }

    /// Refuses what would make a split silently wrong: an empty or unknown kommune name, a negative
    /// count, a duplicate kommune (also "Aarhus" next to "Aarhus Kommune"), or a zero total.
    /// With `daekningsomraade` every row must name a kommune of the coverage area, and every kommune
    /// of the area must have a row — a missing kommune would otherwise pay nothing.
    /// Every problem is reported at once; rows are numbered from 1 as the user sees them.
    public func valider(daekningsomraade: [String]? = nil, felt: String = "") throws {
        let felt = felt.isEmpty ? "raekker" : "\(felt).raekker"
        var fejl: [Valideringsfejl] = []
        if raekker.isEmpty {
            throw Valideringsfejl(felt: felt, besked: "fordelingsnøglen har ingen rækker")
        }
        let omraade = daekningsomraade.map { Set($0.map(Kommuner.normaliseret)) }
        var set: [String: Int] = [:]
        for (i, r) in raekker.enumerated() {
            let nr = i + 1
            let navn = r.kommune.trimmingCharacters(in: .whitespacesAndNewlines)
            if navn.isEmpty {
                fejl.append(Valideringsfejl(felt: "\(felt)[\(nr)].kommune", besked: "række \(nr): kommunenavnet er tomt"))
            } else {
                let norm = Kommuner.normaliseret(navn)
                if let omraade, !omraade.contains(norm) {
                    fejl.append(Valideringsfejl(
                        felt: "\(felt)[\(nr)].kommune",
                        besked: "række \(nr): '\(navn)' er ikke en kommune i dækningsområdet (\(daekningsomraade!.joined(separator: ", ")))"))
                }
                if let tidligere = set[norm] {
                    fejl.append(Valideringsfejl(
                        felt: "\(felt)[\(nr)].kommune",
                        besked: "række \(nr): \(navn) står allerede i række \(tidligere) — hver kommune må kun optræde én gang"))
                } else {
                    set[norm] = nr
                }
            }
            if r.grundlag < 0 {
                fejl.append(Valideringsfejl(
                    felt: "\(felt)[\(nr)].grundlag",
                    besked: "række \(nr) (\(navn)): grundlaget må ikke være negativt (fik \(DanskTal.formaterKort(r.grundlag)))"))
            }
        }
        if let daekningsomraade {
            for k in daekningsomraade where set[Kommuner.normaliseret(k)] == nil {
                fejl.append(Valideringsfejl(felt: felt,
                                            besked: "\(k) hører til dækningsområdet, men mangler i fordelingsnøglen"))
            }
        }
        if fejl.isEmpty && iAlt == 0 {
            fejl.append(Valideringsfejl(felt: felt,
                                        besked: "fordelingsnøglens grundlag er 0 i alt — der er intet at fordele efter"))
        }
        try Valideringsfejl.kast(fejl)
    }
}

extension Valideringsfejl {
    /// Throws nothing, the one error, or all of them as a list — the pattern of Takstberegning.
    static func kast(_ fejl: [Valideringsfejl]) throws {
        if fejl.count == 1 { throw fejl[0] }
        if fejl.count > 1 { throw Valideringsfejlliste(fejl) }
    }
}
