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

    /// Midtjylland's over(+)/underskud(−) (ledelsesinformation tabel 2, 001:8936–8972) and
    /// tillægsydelser incl. indskrivning over 100 % (tabel 3, 001:9014–9050) per driftsherre, in t.kr.
    /// as printed (the fixtures li2019_tabel2_over_underskud.csv and li2019_tabel3_tillaegsydelser.csv);
    /// 2018 is printed in 2019 prices, as table 1's 2018 regnskab is, and the demo stores no P/L index,
    /// so the tables show the rows as printed. Skive has no tillægsydelser (its takst structure has
    /// none, 001:9054). The rows are the data: the printed Hovedtotal (`midtHovedtotal`) is a figure
    /// of its own, rounded from unrounded rows.
    static let midtResultat: [(driftsherre: String, over2018: Decimal, over2019: Decimal, tillaeg2018: Decimal, tillaeg2019: Decimal)] = [
        ("Favrskov Kommune", -2_428, -1_141, 9_843, 9_202),
        ("Hedensted Kommune", 0, 0, 0, 0),
        ("Herning Kommune", -4_557, 6_854, 17_056, 19_536),
        ("Holstebro Kommune", -851, -3_756, 37_060, 41_038),
        ("Horsens Kommune", -6_727, -6_325, 10_627, 12_653),
        ("Ikast-Brande Kommune", -4_663, -3_988, 11_982, 11_964),
        ("Lemvig Kommune", 600, 1_246, 6_441, 6_624),
        ("Norddjurs Kommune", -13_061, -16_347, 3_730, 3_591),
        ("Odder Kommune", 390, -800, 2_277, 2_273),
        ("Randers Kommune", 5_931, 433, 19_031, 19_172),
        ("Region Midtjylland", 7_581, -8_810, 93_901, 101_411),
        ("Ringkøbing-Skjern Kommune", -5_549, -4_061, 6_482, 7_585),
        ("Silkeborg Kommune", -3_395, 5_880, 2_979, 1_600),
        ("Skanderborg Kommune", 912, -5_636, 15_872, 2_669),
        ("Skive Kommune", -5_477, -7_537, 0, 0),
        ("Struer Kommune", -2_612, 1_932, 7_987, 11_695),
        ("Syddjurs Kommune", -1_319, -453, 2_695, 3_705),
        ("Viborg Kommune", -2_493, -4_544, 7_857, 7_952),
        ("Aarhus Kommune", -8_141, 4_571, 38_125, 45_727),
    ]

    /// The printed Hovedtotal rows of tables 2 and 3, t.kr. (001:8974, 001:9052). The rows above add
    /// up to −45.859 and −42.482 (over/underskud) and 293.945 and 308.397 (tillægsydelser): within
    /// 3 t.kr. (DOMAIN.md 8), since each printed row is rounded to t.kr. on its own.
    static let midtHovedtotal = (over2018: Decimal(-45_861), over2019: Decimal(-42_480),
                                 tillaeg2018: Decimal(293_945), tillaeg2019: Decimal(308_398))

    /// Midtjylland's belægningsprocent per målgruppe, 1.–4. kvartal (ledelsesinformation tabel 4,
    /// 001:9058–9323): samlet and per art (dag/døgn, or åben/lukket for the secure institutions).
    /// Where the source prints no split (misbrug 2018: samlet 86,4 % only) the art is absent. Fysisk
    /// handicap 2019 (96,7 / 99,4 / 94,0 %) is printed after the table in the source's text layer
    /// (001:9319–9323), the one 2019 block without figures of its own. Kvindekrisecentre have no row.
    static let midtBelaegning: [(aar: Int, maalgruppe: Maalgruppe, samlet: Decimal, pr: [Belaegningsart: Decimal], kilde: String)] = [
        (2018, .boernOgUnge, d("89.4"), [.doegn: d("86.7"), .dag: d("97.3")], "001:9115–9119"),
        (2018, .sikrede, d("84.3"), [.aaben: d("79.0"), .lukket: d("97.2")], "001:9147–9151"),
        (2018, .sindslidelser, d("101.2"), [.doegn: d("97.5"), .dag: d("103.4")], "001:9179–9183"),
        (2018, .fysiskHandicap, d("96.2"), [.doegn: d("99"), .dag: d("93.6")], "001:9211–9215"),
        (2018, .psykiskHandicap, d("98.0"), [.doegn: d("97.0"), .dag: d("98.9")], "001:9237–9241"),
        (2018, .forsorgshjem, d("89.7"), [.doegn: d("93.2"), .dag: d("23.7")], "001:9269–9273"),
        (2018, .misbrug, d("86.4"), [:], "001:9296"),
        (2019, .boernOgUnge, d("88.4"), [.doegn: d("84.6"), .dag: d("98.0")], "001:9127–9131"),
        (2019, .sikrede, d("89.5"), [.aaben: d("87.8"), .lukket: d("93.7")], "001:9159–9163"),
        (2019, .sindslidelser, d("99.9"), [.doegn: d("95.2"), .dag: d("102.9")], "001:9191–9195"),
        (2019, .fysiskHandicap, d("96.7"), [.doegn: d("99.4"), .dag: d("94.0")], "001:9319–9323"),
        (2019, .psykiskHandicap, d("97.9"), [.doegn: d("96.8"), .dag: d("98.7")], "001:9249–9253"),
        (2019, .forsorgshjem, d("90.7"), [.doegn: d("93.3"), .dag: d("19.2")], "001:9281–9285"),
        (2019, .misbrug, d("79.5"), [.doegn: d("81.3"), .dag: d("0.0")], "001:9308–9312"),
    ]

    private static func d(_ s: String) -> Decimal { Decimal(string: s)! }

    /// Kommuner in Nordjylland (for the generated tilbud and Socialtilsyn Nord's area).
    static let nordKommuner = ["Aalborg Kommune", "Brønderslev Kommune", "Frederikshavn Kommune", "Hjørring Kommune",
                               "Jammerbugt Kommune", "Mariagerfjord Kommune", "Rebild Kommune", "Thisted Kommune",
                               "Vesthimmerlands Kommune", "Morsø Kommune", "Læsø Kommune"]

    /// Key figures across the five regions, 2022 (fixture noegletal_nord_2022.csv, 002:11692–11873).
    static let noegletal2022 = """
    gruppe;indikator;enhed;aar;retning;hovedstaden;midtjylland;nordjylland;sjaelland;syddanmark;kilde
    voksen;Samlede udgifter pr. 18-66 årig;kr. (p/l 2023);2022;hoej;10488;10744;12139;12302;10774;002:11692
    voksen;Udgifter til botilbud pr. 18-66 årig;kr. (p/l 2023);2022;hoej;6354;6463;7178;7336;6368;002:11694
    voksen;Udgifter til socialpædagogisk støtte pr. 18-66 årig;kr. (p/l 2023);2022;hoej;1628;2300;2660;2446;2097;002:11696
    voksen;Andel udgifter til køb af §108-tilbud hos regionale og private leverandører;pct.;2022;hoej;46,8;61,5;86,7;59,3;56,3;002:11698
    voksen;Andel udgifter til køb af §105/85-tilbud hos regionale og private leverandører;pct.;2022;hoej;9,4;12,6;8,9;11,7;6,2;002:11700
    voksen;Andel udgifter til køb af §107-tilbud hos regionale og private leverandører;pct.;2022;hoej;68,8;70,1;71,1;83,2;65,6;002:11702
    voksen;Andel 18-66 årige;pct.;2022;hoej;64,9;62,2;61,2;59,8;60,7;002:11704
    voksen;Udvikling i andel 18-66 årige 2019-2022;procentpoint;2019-2022;lav;-0,21;-0,76;-0,99;-0,83;-0,90;002:11706 (største fald = højeste placering, 002:11809-11813)
    voksen;Modtagere pr. 1.000 18-66 årige, botilbud samlet;pr. 1.000;2022;hoej;2,05;1,98;2,70;2,67;2,38;002:11729
    voksen;Modtagere pr. 1.000 18-66 årige, §107;pr. 1.000;2022;hoej;1,76;1,21;2,00;2,74;1,65;002:11731
    voksen;Modtagere pr. 1.000 18-66 årige, §108;pr. 1.000;2022;hoej;1,66;0,89;1,08;1,68;1,46;002:11733
    voksen;Modtagere pr. 1.000 18-66 årige, §§105/85;pr. 1.000;2022;hoej;2,73;3,83;5,03;3,58;4,03;002:11735
    voksen;Modtagere pr. 1.000 18-66 årige, §85;pr. 1.000;2022;hoej;6,14;10,00;14,14;13,46;13,07;002:11737
    0-17;Andel med mindst én F-diagnose;pct.;2022;hoej;4,8;5,5;4,6;6,2;5,6;002:11866
    0-17;Andel med autismespektrumforstyrrelse;pct.;2022;hoej;2,2;2,1;1,5;2,9;1,2;002:11867
    0-17;Andel med ADHD (inkl. ADD);pct.;2022;hoej;2,0;2,9;2,6;2,7;1,6;002:11868
    0-17;Andel med belastnings- og tilpasningsreaktion;pct.;2022;hoej;0,9;1,1;1,2;1,3;1,1;002:11869
    0-17;Andel med mindst én F-diagnose der modtager en indsats;pct.;2022;hoej;23,0;19,9;24,8;24,7;22,5;002:11870
    0-17;Andel med autismespektrumforstyrrelse der modtager en indsats;pct.;2022;hoej;25,1;18,8;26,7;23,0;19,4;002:11871
    0-17;Andel med ADHD (inkl. ADD) der modtager en indsats;pct.;2022;hoej;28,5;21,7;27,5;27,4;23,9;002:11872
    0-17;Andel med belastnings- og tilpasningsreaktion der modtager en indsats;pct.;2022;hoej;39,8;29,4;31,3;36,0;29,9;002:11873
    """
}
