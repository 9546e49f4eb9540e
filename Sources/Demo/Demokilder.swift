import Foundation
import Takstregler

/// The real figures behind the demo (copied from shared/fixtures, which the project must not
/// read at run time). Each carries its source line.
enum Demokilder {
    /// Toftehøj 2021, four takstniveauer (003:1425–1448): pladser, omkostninger, døgntakst.
    static let toftehoej: [(niveau: String, pladser: Decimal, omkostninger: Decimal)] = [
        ("Takst 1", 2, 618_526), ("Takst 2", 1, 373_086), ("Takst 3", 11, 5_157_018), ("Takst 4", 17, 11_496_118),
    ]

    /// Neurocenter Østerskoven, basisbudget for erhvervet hjerneskade, 12 pladser (002:1667–1679).
    static let oesterskovenBudget: [(Omkostningskategori, String, Decimal)] = [
        (.personale, "Personaleomkostninger (tværgående specialpersonale, nattevagter, TAP, ledelse)", 5_892_291),
        (.borgerrelaterede, "Borgerrelaterede udgifter/aktivitetsomkostninger", 951_000),
        (.kompetenceudvikling, "Kompetenceudvikling", 306_000),
        (.afskrivninger, "Afskrivninger/øvrige kapitalapparatsomkostninger", 729_000),
        (.ejendom, "Ejendomsomkostninger", 2_100_000),
        (.administration, "Administrationsomkostninger", Decimal(string: "1674051.60")!),
        (.finansiering, "Finansieringsudgifter", Decimal(string: "836949.87")!),
    ]

    /// The published basisbudget total (002:1679); the lines above add up to 12.489.292,47.
    static let oesterskovenBasisbudget = Decimal(string: "12489292.58")!

    /// Midtjylland's driftsherrer with belægning (helårspladser) and regnskab (t.kr.) 2018 and
    /// 2019, ledelsesinformation tabel 1 (001:8873–8911).
    static let midtRegnskab: [(driftsherre: String, bel2018: Decimal, tkr2018: Decimal, bel2019: Decimal, tkr2019: Decimal)] = [
        ("Favrskov Kommune", Decimal(string: "266.4")!, 118_664, Decimal(string: "267.1")!, 116_496),
        ("Hedensted Kommune", 0, 0, 0, 0),
        ("Herning Kommune", Decimal(string: "1124.5")!, 259_862, Decimal(string: "1132.2")!, 250_137),
        ("Holstebro Kommune", Decimal(string: "993.7")!, 279_526, Decimal(string: "1051.4")!, 303_647),
        ("Horsens Kommune", Decimal(string: "345.1")!, 104_116, Decimal(string: "342.5")!, 102_555),
        ("Ikast-Brande Kommune", Decimal(string: "355.9")!, 174_778, Decimal(string: "343.7")!, 174_848),
        ("Lemvig Kommune", Decimal(string: "265.1")!, 92_655, Decimal(string: "260.3")!, 91_570),
        ("Norddjurs Kommune", Decimal(string: "580.9")!, 138_322, Decimal(string: "524.1")!, 132_208),
        ("Odder Kommune", Decimal(string: "78.4")!, 28_153, Decimal(string: "78.8")!, 29_092),
        ("Randers Kommune", Decimal(string: "671.3")!, 232_016, Decimal(string: "637.9")!, 227_016),
        ("Region Midtjylland", Decimal(string: "1251.7")!, 1_086_561, Decimal(string: "1214.6")!, 1_125_823),
        ("Ringkøbing-Skjern Kommune", Decimal(string: "512.1")!, 173_347, Decimal(string: "496.4")!, 171_693),
        ("Silkeborg Kommune", Decimal(string: "523.9")!, 185_967, Decimal(string: "587.0")!, 203_782),
        ("Skanderborg Kommune", Decimal(string: "719.0")!, 387_503, Decimal(string: "698.8")!, 402_869),
        ("Skive Kommune", Decimal(string: "505.7")!, 147_897, Decimal(string: "498.0")!, 148_035),
        ("Struer Kommune", Decimal(string: "143.2")!, 81_170, Decimal(string: "142.0")!, 81_619),
        ("Syddjurs Kommune", Decimal(string: "206.7")!, 77_239, Decimal(string: "207.7")!, 78_281),
        ("Viborg Kommune", Decimal(string: "772.1")!, 199_930, Decimal(string: "748.0")!, 228_020),
        ("Aarhus Kommune", Decimal(string: "1444.3")!, 623_642, Decimal(string: "1450.1")!, 630_341),
    ]

    /// Kommuner in Nordjylland (for the generated tilbud and Socialtilsyn Nord's area).
    static let nordKommuner = ["Aalborg Kommune", "Brønderslev Kommune", "Frederikshavn Kommune", "Hjørring Kommune",
                               "Jammerbugt Kommune", "Mariagerfjord Kommune", "Rebild Kommune", "Thisted Kommune",
                               "Vesthimmerlands Kommune", "Morsø Kommune", "Læsø Kommune"]
}
