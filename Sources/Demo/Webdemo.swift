import Filformater
import Foundation
import Lager
import Takstregler

/// What `serve --demo` adds on top of the demo data so the web application can be explored:
/// one account per role (DEMO ONLY — the passwords are in the README), Socialtilsyn Nord's
/// 2024 budget, a deadline, quarterly belægning and places for Midtjylland's generated tilbud,
/// and a few reports for next year waiting in the secretariat's queue. Only on a database that
/// holds the demo (generated tilbud), never on real data.
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

    /// Places and quarterly belægning that fit each generated tilbud's reported belægning.
    static func pladserOgBelaegning(_ l: Lager, af bruger: String) async throws -> Int {
        var antal = 0
        let dage = [90, 91, 92, 92]
        for t in try await l.demotilbud() {
            let id = t.id
            let regnskaber = try await l.regnskaber(tilbudID: id)
            guard !regnskaber.isEmpty else { continue }
            let type = t.tilbud.type
            for r in regnskaber {
                // Places a little above the used full-year places (occupancy about 92 %).
                let pladser = max(1, afrundet(r.belaegning / Decimal(string: "0.92")!, decimaler: 0))
                try await l.gemPladser(tilbudID: id, aar: r.aar, type: type == .ambulant ? .dag : type, pladser: pladser, af: bruger)
                guard r.aar == 2019 else { continue }
                for (i, d) in dage.enumerated() {
                    try await l.gemBelaegning(tilbudID: id, Belaegning(aar: 2019, kvartal: i + 1, normering: pladser * Decimal(d),
                                                                       forbrug: afrundet(r.belaegning * Decimal(d), decimaler: 0),
                                                                       art: type == .doegn ? .doegn : .dag), af: bruger)
                }
            }
            antal += 1
        }
        return antal
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
