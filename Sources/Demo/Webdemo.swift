import Filformater
import Foundation
import Lager
import Takstregler

/// What `serve --demo` adds on top of the demo data so the web application can be explored:
/// one account per role (DEMO ONLY — the passwords are in the README), Socialtilsyn Nord's
/// 2024 budget, a deadline, places and quarterly belægning 2018–2019 for Midtjylland's generated
/// tilbud (near the published table 4), and a few reports for next year waiting in the secretariat's
/// queue. Only on a database that holds the demo (generated tilbud), never on real data.
public enum Webdemo {
    public struct Konto: Sendable {
        public let email: String
        public let rolle: Rolle
        public let organisation: String?
        public let kodeord: String
    }

    public static let konti: [Konto] = [
        Konto(email: "admin@demo.takstfil.dk", rolle: .admin, organisation: nil, kodeord: "demo-admin-1"),
        Konto(email: "sekretariat@demo.takstfil.dk", rolle: .sekretariat, organisation: nil, kodeord: "demo-sekretariat"),
        Konto(email: "jammerbugt@demo.takstfil.dk", rolle: .driftsherre, organisation: "Jammerbugt Kommune", kodeord: "demo-jammerbugt"),
        Konto(email: "aalborg@demo.takstfil.dk", rolle: .driftsherre, organisation: "Aalborg Kommune", kodeord: "demo-aalborg"),
        Konto(email: "socialtilsyn@demo.takstfil.dk", rolle: .socialtilsyn, organisation: "Socialtilsyn Nord", kodeord: "demo-socialtilsyn"),
    ]

    /// Adds what is missing; returns lines describing what was added.
    @discardableResult
    public static func indlaes(_ l: Lager, af bruger: String, aar: Int, kodeordshash: (String) throws -> String) async throws -> [String] {
        guard try await l.harDemotilbud() else { return [] }
        var ud: [String] = []
        if try await l.antalBrugere() == 0 {
            for k in konti {
                try await l.opretBruger(email: k.email, rolle: k.rolle, organisation: k.organisation,
                                        kodeordHash: try kodeordshash(k.kodeord), af: bruger)
            }
            ud.append("Demokonti: " + konti.map { "\($0.email) / \($0.kodeord)" }.joined(separator: ", "))
        }
        if try await l.socialtilsynsgrundlag(aar: 2024).isEmpty, try await l.organisation(navn: "Socialtilsyn Nord") != nil {
            let input = try JSONKodning.dekod(SocialtilsynInput.self, fra: Data(DemoSocialtilsyn.nord2024.utf8))
            try await l.gemSocialtilsynsgrundlag(region: "Nordjylland", input, af: bruger)
            ud.append("Socialtilsyn Nord, budget 2024")
        }
        for region in ["Nordjylland", "Midtjylland"] where try await l.aarsparametre(aar: aar + 1, region: region).fristTakster == nil {
            try await l.saetFristTakster(aar: aar + 1, region: region, dato: "\(aar)-10-01", af: bruger)
        }
        if try await l.antalPladsraekker() == 0 {
            let antal = try await l.iTransaktion { tx in try await pladserOgBelaegning(Lager(tx), af: bruger) }
            ud.append("Pladser og belægning for \(antal) tilbud (2018–2019)")
        }
        if try await l.antalTakstniveauer(aar: aar + 1) == 0 {
            ud.append(contentsOf: try await naesteAar(l, af: bruger, aar: aar))
        }
        if try await l.indikatorer().isEmpty {
            try await l.importerNoegletal(try Noegletalsfil.laes(fil: "noegletal_nord_2022.csv", tekst: Demokilder.noegletal2022),
                                          fil: "demo (002:11692–11873)", af: bruger)
            ud.append("Nøgletal 2022 for de fem regioner (21 indikatorer)")
        }
        // P/L rates beyond the published 2023→2024 (seeded by the migration) up to next 1 January,
        // so the contract pages show a rate and the regulation list chains; marked as demo.
        let satser = try await l.plSatser()
        if satser.sats(.klGenerel, til: aar + 1) == nil {
            var nye: [PLSats] = []
            for til in 2025...(aar + 1) where satser.sats(.klGenerel, til: til) == nil {
                for (type, kilde, art, procent) in [(PLSatstype.klGenerel, "KL (økonomiaftalen)", "samlede udgifter inkl. overførsler (generel)", "2.5"),
                                                     (.klService, "KL (økonomiaftalen)", "serviceudgifter", "2.8"), (.klAnlaeg, "KL (økonomiaftalen)", "anlæg", "2.2"),
                                                     (.danskeRegioner, "Danske Regioner", "P/L inkl. medicin", "2.6")] where satser.sats(type, til: til) == nil {
                    nye.append(try PLSats(type: type, kilde: kilde, art: art, aarFra: til - 1, aarTil: til, procent: Decimal(string: procent)!,
                                          reference: "demo – ikke en offentliggjort sats"))
                }
            }
            try await l.gemPLSatser(nye, kilde: "demo", af: bruger)
            ud.append("P/L-satser 2025–\(aar + 1) (demo, ikke offentliggjorte satser)")
        }
        if try await l.afdaekninger().isEmpty, try await l.organisation(navn: "Jammerbugt Kommune") != nil {
            ud.append(try await afdaekning(l, af: bruger, aar: aar))
        }
        return ud
    }

    /// This year's supply/demand review for Nordjylland, open, with seven kommuners' counts
    /// (fixture udbud_autisme_doegn_nord_2020_2022.csv moved to the last three years); Jammerbugt,
    /// Aalborg, Læsø and Thisted have not answered yet.
    static func afdaekning(_ l: Lager, af bruger: String, aar: Int) async throws -> String {
        let a = try Afdaekning.opret(titel: "Udbud og efterspørgsel \(aar): autisme", aar: aar, region: "Nordjylland",
                                     maalgrupper: ["Autisme", "Udadreagerende adfærd"],
                                     spoergsmaal: [("Borgere med autisme i døgntilbud", "antal", "\(aar - 2)-\(aar)", ""),
                                                   ("Oplever I mangel på pladser til målgruppen?", "valg", "", "Ja; Nej; Ved ikke"),
                                                   ("Bemærkninger til behovet", "fritekst", "", "")],
                                     inviterede: Demokilder.nordKommuner)
        let id = try await l.opretAfdaekning(a, af: bruger)
        let raekker: [(String, [String])] = [
            ("Brønderslev Kommune", ["3", "1", "1"]), ("Frederikshavn Kommune", ["3", "3", "3"]), ("Hjørring Kommune", ["8-10", "8-10", "8-10"]),
            ("Mariagerfjord Kommune", ["?", "2", "1"]), ("Morsø Kommune", ["2", "2", "2"]), ("Rebild Kommune", ["4-6", "4-6", "4-6"]),
            ("Vesthimmerlands Kommune", ["15", "16", "17"]),
        ]
        let tabel = Optaellingstabel(kolonner: ["\(aar - 2)", "\(aar - 1)", "\(aar)"], raekker: try raekker.enumerated().map { i, r in
            .init(nummer: i + 2, navn: r.0, vaerdier: try r.1.map(Taelling.fortolk))
        }, trykt: nil)
        try await l.importerAfdaekningssvar(afdaekningID: id, spoergsmaal: "s1", tabel: tabel, fil: "demo (002:3901–3926)", af: bruger)
        return "Afdækning af udbud og efterspørgsel \(aar) (7 af 11 kommuner har svaret)"
    }

    /// Places and quarterly belægning 2018 and 2019 for the generated tilbud with a regnskab. The
    /// used places are the regnskab's belægning (table 1's figures split over the tilbud); the places
    /// are chosen so each målgruppe's belægning per art is near the published table 4
    /// (`belaegningsprocent`): a group's places are its belægning / the percentage, rounded, split over
    /// its tilbud by their belægning with the allocation engine (largest remainder). The secure
    /// institutions' tilbud report åben and lukket places in turn.
    static func pladserOgBelaegning(_ l: Lager, af bruger: String) async throws -> Int {
        struct Gruppe: Hashable { let aar: Int; let maalgruppe: Maalgruppe?; let art: Belaegningsart }
        var grupper: [Gruppe: [(id: UUID, type: Tilbud.Type_, belaegning: Decimal)]] = [:]
        var antal = 0, sikrede = 0
        let dage = [90, 91, 92, 92] // 2018 and 2019 are not leap years
        for t in try await l.demotilbud() {
            let regnskaber = try await l.regnskaber(tilbudID: t.id)
            guard !regnskaber.isEmpty else { continue }
            let type = t.tilbud.type
            let art: Belaegningsart
            if t.tilbud.maalgruppe == .sikrede {
                art = sikrede.isMultiple(of: 2) ? .aaben : .lukket
                sikrede += 1
            } else {
                art = type == .doegn ? .doegn : .dag
            }
            for r in regnskaber {
                grupper[Gruppe(aar: r.aar, maalgruppe: t.tilbud.maalgruppe, art: art), default: []].append((t.id, type, r.belaegning))
            }
            antal += 1
        }
        let orden = { (g: Gruppe) in (g.aar, g.maalgruppe.flatMap { Maalgruppe.allCases.firstIndex(of: $0) } ?? -1, g.art.rawValue) }
        for g in grupper.keys.sorted(by: { orden($0) < orden($1) }) {
            let medlemmer = grupper[g]!
            let procent = belaegningsprocent(aar: g.aar, g.maalgruppe, g.art)
            let brugt = medlemmer.reduce(Decimal(0)) { $0 + $1.belaegning }
            let iAlt = afrundet(brugt * 100 / procent, decimaler: 0)
            let noegle = Fordelingsnoegle(navn: "belægning \(g.aar)", medlemmer.map { ($0.id.uuidString, $0.belaegning) })
            let pladser = try Fordeling.fordel(beloeb: iAlt, noegle: noegle, afrunding: .stoersteRest).raekker.map(\.beloeb)
            for (m, p) in zip(medlemmer, pladser) {
                let p = max(1, p)
                try await l.gemPladser(tilbudID: m.id, aar: g.aar, type: m.type == .ambulant ? .dag : m.type, pladser: p, af: bruger)
                for (i, d) in dage.enumerated() {
                    try await l.gemBelaegning(tilbudID: m.id, Belaegning(aar: g.aar, kvartal: i + 1, normering: p * Decimal(d),
                                                                         forbrug: afrundet(m.belaegning * Decimal(d), decimaler: 0),
                                                                         art: g.art), af: bruger)
                }
            }
        }
        return antal
    }

    /// The belægningsprocent the demo aims at for a målgruppe and art in a year: Midtjylland's
    /// published table 4 (`Demokilder.midtBelaegning`, each row with its source lines) for the art. The målgruppe's
    /// samlet figure where the art has none (misbrug 2018) or one under 50 % (forsorgshjem dag
    /// 23,7 % and 19,2 %, misbrug dag 0,0 %): there the real data have a few hardly used dag places,
    /// the demo a generated share of dag tilbud with belægning in their regnskab, whose places at
    /// such a rate would pull the samlet figure far below the published one. 92 % — demo, not a
    /// published figure — where the målgruppe has no row (kvindekrisecentre).
    static func belaegningsprocent(aar: Int, _ maalgruppe: Maalgruppe?, _ art: Belaegningsart) -> Decimal {
        guard let r = Demokilder.midtBelaegning.first(where: { $0.aar == aar && $0.maalgruppe == maalgruppe }) else { return 92 }
        if let p = r.pr[art], p >= 50 { return p }
        return r.samlet
    }

    /// A few of next year's takster reported by Aalborg (submitted) and Jammerbugt (a draft), from this year's.
    static func naesteAar(_ l: Lager, af bruger: String, aar: Int) async throws -> [String] {
        var ud: [String] = []
        for (kommune, antal, indsend) in [("Aalborg Kommune", 2, true), ("Jammerbugt Kommune", 1, false)] {
            let egne = try await l.egneTilbud(organisation: kommune).filter(\.demo)
            for t in egne.prefix(antal) {
                guard let nu = try await l.takstniveauer(tilbudID: t.id, aar: aar).first(where: { $0.status == .offentliggjort }) else { continue }
                var n = nu.niveau
                n.aar = aar + 1
                n.version = 1
                n.status = .kladde
                n.grundlag.omkostninger = n.grundlag.omkostninger.map {
                    Omkostningslinje($0.kategori, afrundet($0.beloeb * Decimal(string: "1.025")!, decimaler: 0), tekst: $0.tekst)
                }
                let m = try await l.gemTakstniveau(tilbudID: t.id, niveau: n, af: bruger,
                                                   begrundelse: "Omkostningerne fremskrevet 2,5 % (pris og løn); færre andre indtægter")
                if indsend { try await l.skiftStatus(niveauID: m.id, til: .indsendt, af: bruger) }
                ud.append("\(t.tilbud.navn) \(n.navn) \(aar + 1) (\(indsend ? "indsendt" : "kladde"))")
            }
        }
        return ud
    }
}
