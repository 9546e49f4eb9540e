#!/usr/bin/env python3
"""Generates the small test workbooks in Tests/AppTests/Fixtures/regneark/ with openpyxl, a
real third-party XLSX writer (shared strings, styles), so the Swift reader is tested on files it
did not write itself. Run by a developer when the template changes (pip install openpyxl);
the results are committed, CI does not run this script.

    python3 scripts/lav_testregneark.py
"""
import os
import zipfile
from openpyxl import Workbook

UD = os.path.join(os.path.dirname(__file__), "..", "Tests", "AppTests", "Fixtures", "regneark")

TAKSTER = ["Driftsherre", "Tilbud", "Målgruppe", "SEL §", "Type", "År", "Takstniveau", "Enhed", "Pladser",
           "Enheder pr. år", "Belægningsprocent", "Personaleomkostninger", "Ejendomsomkostninger",
           "Øvrige omkostninger", "Andre indtægter", "Overhead-metode", "Overhead", "Afrunding", "Takst"]
REGNSKAB = ["Driftsherre", "Tilbud", "År", "Belægning", "Regnskab", "Over-/underskud", "Tillægsydelser"]
BELAEGNING = ["Driftsherre", "Tilbud", "År", "Kvartal", "Normering", "Forbrug", "Art", "Målgruppe"]


def gyldig():
    wb = Workbook()
    ws = wb.active
    ws.title = "Takster"
    ws.append(TAKSTER)
    # Toftehøj 2021 (003:1425): 618.526 kr. on 2 places at 95 % = 891,89 kr. per døgn, to the øre.
    ws.append(["Jammerbugt Kommune", "Toftehøj", "psykisk_handicap", "107, 108", "døgn", 2021, "Takst 1", "døgn", 2,
               None, 95, None, None, 618526, None, "ingen", None, "øre", 891.89])
    ws.append(["Jammerbugt Kommune", "Toftehøj", "psykisk_handicap", "107, 108", "døgn", 2021, "Takst 2", "døgn", 1,
               None, 95, None, None, 373086, None, "ingen", None, "øre", None])
    # A dagtilbud with overhead 6,1 % of direct costs and other income.
    ws.append(["Viborg Kommune", "Dagtilbuddet Egely", "Personer med psykisk handicap", "104", "dag", 2021, "Takst", "dag",
               12, 250, 92.5, 1800000, 300000, None, 50000, "procent", 6.1, "hele kroner", None])
    ws2 = wb.create_sheet("Regnskab")
    ws2.append(REGNSKAB)
    ws2.append(["Jammerbugt Kommune", "Toftehøj", 2019, 29.5, 17500000, 250000, 120000])
    ws2.append(["Viborg Kommune", "Dagtilbuddet Egely", 2019, 11.2, 2050000.5, -30000, 0])
    ws3 = wb.create_sheet("Belægning")
    ws3.append(BELAEGNING)
    ws3.append(["Viborg Kommune", "Dagtilbuddet Egely", 2021, 1, 750, 702, "dag", "psykisk_handicap"])
    ws3.append(["Viborg Kommune", "Dagtilbuddet Egely", 2021, 2, 750, 760, "dag", "psykisk_handicap"])
    return wb


def gem(wb, navn):
    wb.save(os.path.join(UD, navn))


def main():
    os.makedirs(UD, exist_ok=True)
    gem(gyldig(), "gyldig_takstfil.xlsx")

    wb = gyldig()
    wb["Takster"]["I3"] = "=1+1"  # pladser as a formula
    gem(wb, "formel.xlsx")

    wb = gyldig()
    wb["Takster"]["I4"] = "mange"
    gem(wb, "tekst_i_tal.xlsx")

    wb = gyldig()
    wb["Takster"]["S2"] = 891.9  # the Takst column disagrees with the calculation
    gem(wb, "forkert_takst.xlsx")

    wb = gyldig()
    wb["Takster"]["K3"] = 0  # belægningsprocent 0
    gem(wb, "belaegning_nul.xlsx")

    wb = gyldig()
    wb.create_sheet("Noter").append(["fri tekst"])
    gem(wb, "ukendt_ark.xlsx")

    wb = gyldig()
    wb["Takster"]["I2"] = "#DIV/0!"
    wb["Takster"]["I2"].data_type = "e"
    gem(wb, "fejlcelle.xlsx")

    wb = gyldig()
    ws = wb["Regnskab"]
    ws.append(["Jammerbugt Kommune", "Toftehøj", 2019, 30, 17600000, 0, 0])  # duplicate tilbud-year
    gem(wb, "dublet.xlsx")

    # A zip bomb: a sheet of 40 MB of spaces packs to a few kilobytes.
    sti = os.path.join(UD, "zipbombe.xlsx")
    gem(gyldig(), "zipbombe.xlsx")
    with zipfile.ZipFile(sti, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/fyld.xml", " " * (40 << 20))


if __name__ == "__main__":
    main()
