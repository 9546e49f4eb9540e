/// Socialtilsyn Nord's 2024 budget input for the web demo: a copy of
/// `eksempler/socialtilsyn_nord_2024.json` (004:129–476). A test keeps the two identical.
enum DemoSocialtilsyn {
    static let nord2024 = #"""
{
  "navn": "Socialtilsyn Nord",
  "budgetaar": 2024,
  "beskrivelse": "Budget 2024 for Socialtilsyn Nord (004:129–476). Afdelingernes budget er de trykte (004:316–320) og indeholder allerede halvdelen af overskuddet fra regnskab 2022, 250.990 kr. (004:146–149); derfor er der ingen overførsel her. Grundtaksten 1-7 pladser er den trykte (004:437), fordi antal tilbud pr. størrelseskategori ikke er oplyst. Sammenligningsåret 2023 er i 2024-priser (plFaktor 1).",
  "budget": {
    "tilbudsafdeling": 16905109,
    "plejefamilieafdeling": 19156058
  },
  "antal": {
    "plejefamilier": 860,
    "plejefamilierNygodkendelser": 90,
    "tilbud": 251,
    "tilbudNygodkendelser": 7,
    "vaesentligeAendringer": 60,
    "bpaVirksomheder": 19
  },
  "takster": {
    "grundtakstTilsyn": 43852,
    "vaegte": {
      "tilsyn": [
        1,
        1.2,
        2,
        3
      ]
    },
    "skaerpetProcentAfAarstakst": 10,
    "bpa": {
      "timepris": 672,
      "tilsynTimer": 13,
      "nygodkendelseTimer": 36
    }
  },
  "objektivFinansiering": {
    "kvartal": "2023K2",
    "aldersgruppe": {
      "fra": 0,
      "til": 17
    },
    "daekningsomraade": [
      "Silkeborg",
      "Brønderslev",
      "Frederikshavn",
      "Jammerbugt",
      "Læsø",
      "Mariagerfjord",
      "Morsø",
      "Rebild",
      "Thisted",
      "Vesthimmerland",
      "Aalborg"
    ],
    "noegle": {
      "navn": "0-17-årige 2. kvt. 2023",
      "raekker": [
        {
          "kommune": "Silkeborg",
          "grundlag": 21872
        },
        {
          "kommune": "Brønderslev",
          "grundlag": 7775
        },
        {
          "kommune": "Frederikshavn",
          "grundlag": 10035
        },
        {
          "kommune": "Jammerbugt",
          "grundlag": 7556
        },
        {
          "kommune": "Læsø",
          "grundlag": 218
        },
        {
          "kommune": "Mariagerfjord",
          "grundlag": 7870
        },
        {
          "kommune": "Morsø",
          "grundlag": 3643
        },
        {
          "kommune": "Rebild",
          "grundlag": 7317
        },
        {
          "kommune": "Thisted",
          "grundlag": 8398
        },
        {
          "kommune": "Vesthimmerland",
          "grundlag": 7006
        },
        {
          "kommune": "Aalborg",
          "grundlag": 39978
        }
      ]
    }
  },
  "sammenligning": {
    "aar": 2023,
    "plFaktor": 1,
    "tilbudsafdeling": 16301013,
    "plejefamilieafdeling": 18440030,
    "plejefamilier": 930,
    "plejefamilierNygodkendelser": 60,
    "grundtakstTilsyn": 42884,
    "bpaTimepris": 635
  }
}
"""#
}
