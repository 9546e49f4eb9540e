#!/usr/bin/env python3
"""The peers of scripts/bench (issue 17 "Ydeevne: foran DuckDB og pandas"): what a user would pick
instead of Takstfil, run on the same generated files in the same run.

  bench_peers.py maal --data DIR --aar YEAR [--takstfil BIN --db SQLITE]
      Prints `peer;trin;ms;antal` lines (and `kontrol;…` / `info;…` lines) for
      - indlaesning: the four CSV files read into memory with exact types (DuckDB: DECIMAL columns in an
        in-memory database; pandas: its C parser, each number turned at once into a scaled int64 — øre,
        1/10000 of a percent or a place — and checked to be exactly the written figure),
        normalised like Takstfil's database (a tilbud table with driftsherre and målgruppe, facts keyed by it);
      - tabeller: the five ledelsesinformation tables (DOMAIN.md 6.5) for YEAR-1–YEAR from memory;
      - tabeller-alle: the same for the nine pairs YEAR-9–YEAR-8 … YEAR-1–YEAR;
      - genberegn: every takst of takster.csv recomputed with its breakdown;
      - laes-rapportfiler / laes-alle-filer: read_csv of the three report files / all four (plain read,
        the libraries' own type inference — pandas reads decimal-comma numbers as float here);
      - laes-rapportfiler-proces: a fresh Python process that imports pandas (or duckdb) and reads the three
        report files, start to exit — how the issue timed pandas;
      - bulk-rapportfiler: the three report files into a database file without validation (pandas
        read_csv + to_sql into SQLite with a natural-key and a year index per table; DuckDB CREATE TABLE AS
        read_csv), run once — the plain bulk load beside Takstfil's validated, audited import.
      With --db (Takstfil's SQLite after the imports) the results are checked: the five tables against
      `takstfil rapport ledelsesinformation --format json` cell by cell at the printed precision, and every
      recomputed takst against `takstniveauer.takst`.
  bench_peers.py datasette-db --db SQLITE --aar YEAR --ud FILE
      One table `takster` with the year's takst levels (newest version), for `datasette serve`.
  bench_peers.py rapport --maal FILE --peers FILE [--web FILE] --aar YEAR --runder N
      The Markdown section "Side om side" from the measurements.

Exactness: no binary floating point touches a published figure. DuckDB keeps amounts in DECIMAL; its
DECIMAL ÷ DECIMAL gives DOUBLE, so each division is done as a HUGEINT integer division of the scaled
operands, rounded half away from zero (as Takstfil's Afrunding). pandas keeps int64 scaled integers for
sums; products that can exceed int64 (the takst formula) and the few result rows' divisions use Python's
arbitrary-precision int (object columns).
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import shutil
import sys
import tempfile
import time
from decimal import Decimal

MAALGRUPPER = ["boern_og_unge", "sikrede", "sindslidelser", "fysisk_handicap", "psykisk_handicap", "forsorgshjem",
               "misbrug", "kvindekrisecentre"]
MAALGRUPPETEKST = {
    "boern_og_unge": "Børn og unge med nedsat fysisk eller psykisk funktionsevne",
    "sikrede": "Sikrede institutioner for børn og unge",
    "sindslidelser": "Voksne med sindslidelser",
    "fysisk_handicap": "Voksne fysisk handicappede inkl. senhjerneskadede",
    "psykisk_handicap": "Personer med psykisk handicap inkl. autister",
    "forsorgshjem": "Forsorgshjem",
    "misbrug": "Personer med misbrugsproblemer",
    "kvindekrisecentre": "Kvindekrisecentre",
}
ARTER = ["dag", "doegn", "aaben", "lukket"]
KOSTKOLONNER = ["personale", "borgerrelaterede_udgifter", "kompetenceudvikling", "afskrivninger_kapital",
                "ejendomsomkostninger", "administration", "finansieringsudgifter", "tjenestemandspensioner", "oevrige"]
I_ALT = "I alt"


def ud(*felter):
    print(";".join(str(f) for f in felter), flush=True)


def maal_tid(f, gentag):
    """Median of `gentag` runs in ms, and the last result."""
    tider, res = [], None
    for _ in range(gentag):
        t0 = time.perf_counter()
        res = f()
        tider.append((time.perf_counter() - t0) * 1000)
    return statistics.median(tider), res


def rdiv(n, m):
    """n / m rounded half away from zero (Python ints)."""
    if m == 0:
        return None
    q = (2 * abs(n) + abs(m)) // (2 * abs(m))
    return -q if (n < 0) != (m < 0) else q


def dec(q, d):
    """A scaled int as Decimal with d decimals."""
    return None if q is None else Decimal(q).scaleb(-d)


# ----------------------------------------------------------------------------------------------
# DuckDB

DUCK_TYPER = {
    "takster": {**{k: "DECIMAL(18,2)" for k in KOSTKOLONNER + ["andre_indtaegter", "over_underskud", "hensat",
                                                             "inden_for_baand", "basisbudget", "timeloen"]},
                "aar": "INTEGER", "pladser": "DECIMAL(18,4)", "dage": "DECIMAL(18,4)", "belaegningsprocent": "DECIMAL(9,4)",
                "overhead": "DECIMAL(18,4)", "regulering_andel": "DECIMAL(9,4)", "regulering_aar": "INTEGER",
                "timer": "DECIMAL(9,4)", "driftsherre": "VARCHAR", "tilbud": "VARCHAR", "maalgruppe": "VARCHAR",
                "paragraf": "VARCHAR", "type": "VARCHAR", "takstniveau": "VARCHAR", "enhed": "VARCHAR",
                "overhead_metode": "VARCHAR", "afrunding": "VARCHAR", "gyldig_fra": "VARCHAR", "kun_nye_fra": "VARCHAR",
                "midlertidig": "VARCHAR"},
    "regnskab": {"driftsherre": "VARCHAR", "tilbud": "VARCHAR", "aar": "INTEGER", "belaegning": "DECIMAL(18,4)",
                 "regnskab_kr": "DECIMAL(18,2)", "over_underskud_kr": "DECIMAL(18,2)", "tillaegsydelser_kr": "DECIMAL(18,2)",
                 "takstindtaegter_kr": "DECIMAL(18,2)", "maalgruppe": "VARCHAR", "type": "VARCHAR", "region": "VARCHAR"},
    "belaegning": {"driftsherre": "VARCHAR", "tilbud": "VARCHAR", "aar": "INTEGER", "kvartal": "INTEGER",
                   "normering": "DECIMAL(18,4)", "forbrug": "DECIMAL(18,4)", "art": "VARCHAR", "maalgruppe": "VARCHAR",
                   "region": "VARCHAR"},
    "pladser": {"driftsherre": "VARCHAR", "tilbud": "VARCHAR", "aar": "INTEGER", "maalgruppe": "VARCHAR", "type": "VARCHAR",
                "pladser": "DECIMAL(18,4)", "region": "VARCHAR"},
}


def duck_las(con, data, navn):
    f = os.path.join(data, navn + ".csv")
    with open(f, encoding="utf-8") as h:
        kolonner = h.readline().rstrip("\r\n").split(";")
    typer = {k: DUCK_TYPER[navn].get(k, "VARCHAR") for k in kolonner}
    con.execute(f"CREATE OR REPLACE TABLE {navn}_raa AS SELECT * FROM read_csv(?, delim=';', header=true, "
                f"decimal_separator=',', columns={typer!r}, auto_detect=false)", [f])


def duck_indlaes(data):
    import duckdb
    con = duckdb.connect(":memory:")
    for navn in ["takster", "regnskab", "belaegning", "pladser"]:
        duck_las(con, data, navn)
    # The tilbud as Takstfil stores them: one per driftsherre and name, its målgruppe from the first file
    # that named it (the import order: takster, regnskab, belægning, pladser).
    con.execute("""
        CREATE OR REPLACE TABLE tilbud AS
        SELECT row_number() OVER (ORDER BY driftsherre, tilbud) AS tid, driftsherre, tilbud, arg_min(maalgruppe, prio) AS maalgruppe
        FROM (SELECT driftsherre, tilbud, maalgruppe, 1 AS prio FROM takster_raa
              UNION ALL SELECT driftsherre, tilbud, maalgruppe, 2 FROM regnskab_raa
              UNION ALL SELECT driftsherre, tilbud, maalgruppe, 3 FROM belaegning_raa
              UNION ALL SELECT driftsherre, tilbud, maalgruppe, 4 FROM pladser_raa)
        GROUP BY driftsherre, tilbud""")
    con.execute("""CREATE OR REPLACE TABLE takster AS SELECT t.tid, r.* EXCLUDE (driftsherre, tilbud, maalgruppe)
                   FROM takster_raa r JOIN tilbud t USING (driftsherre, tilbud)""")
    con.execute("""CREATE OR REPLACE TABLE regnskab AS SELECT t.tid, r.aar, r.belaegning, r.regnskab_kr AS omk,
                   r.over_underskud_kr AS ou, r.tillaegsydelser_kr AS till, r.takstindtaegter_kr AS ti
                   FROM regnskab_raa r JOIN tilbud t USING (driftsherre, tilbud)""")
    con.execute("""CREATE OR REPLACE TABLE belaegning AS SELECT t.tid, r.aar, r.kvartal, r.normering, r.forbrug, r.art
                   FROM belaegning_raa r JOIN tilbud t USING (driftsherre, tilbud)""")
    con.execute("""CREATE OR REPLACE TABLE pladser AS SELECT t.tid, r.aar, r.type, r.pladser
                   FROM pladser_raa r JOIN tilbud t USING (driftsherre, tilbud)""")
    for navn in ["takster", "regnskab", "belaegning", "pladser"]:
        con.execute(f"DROP TABLE {navn}_raa")
    # n / m rounded half away from zero, in HUGEINT (DuckDB's DECIMAL ÷ DECIMAL is DOUBLE).
    con.execute("""CREATE OR REPLACE MACRO rdiv(n, m) AS CASE WHEN m = 0 THEN NULL
                   WHEN (n < 0) <> (m < 0) THEN -((2 * abs(n) + abs(m)) // (2 * abs(m)))
                   ELSE (2 * abs(n) + abs(m)) // (2 * abs(m)) END""")
    con.execute("CREATE OR REPLACE MACRO hi(x, s) AS CAST(CAST(x AS DECIMAL(38,8)) * s AS HUGEINT)")
    antal = sum(con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in ["takster", "regnskab", "belaegning", "pladser"])
    return con, antal


DUCK_TABEL1 = """
WITH r AS (SELECT t.driftsherre, r.aar, r.belaegning, r.omk, COALESCE(r.ou, r.ti - r.omk, 0) AS res, COALESCE(r.till, 0) AS till
           FROM regnskab r JOIN tilbud t USING (tid) WHERE r.aar IN ($fra, $til)),
s AS (SELECT COALESCE(driftsherre, 'I alt') AS driftsherre, grouping(driftsherre) AS g,
        COALESCE(sum(belaegning) FILTER (aar = $fra), 0) AS bf, COALESCE(sum(omk) FILTER (aar = $fra), 0) AS rf,
        COALESCE(sum(belaegning) FILTER (aar = $til), 0) AS bt, COALESCE(sum(omk) FILTER (aar = $til), 0) AS rt
      FROM r GROUP BY GROUPING SETS ((driftsherre), ())),
h AS (SELECT *, hi(bf, 10000) AS bf4, hi(rf, 100) AS rf2, hi(bt, 10000) AS bt4, hi(rt, 100) AS rt2 FROM s)
SELECT driftsherre, bf, round(rf, 0), rdiv(rf2 * 100, bf4) AS gf, bt, round(rt, 0), rdiv(rt2 * 100, bt4) AS gt,
       CASE WHEN bf = 0 AND bt = 0 THEN 0
            WHEN bt = 0 THEN -100
            WHEN bf = 0 OR rf = 0 THEN NULL
            ELSE CAST(rdiv(10000 * (rt2 * bf4 - bt4 * rf2), bt4 * rf2) AS DECIMAL(38,0)) * 0.01 END AS pct
FROM h ORDER BY g, driftsherre
"""

DUCK_TOAAR = """
WITH r AS (SELECT t.driftsherre, r.aar, {udtryk} AS v FROM regnskab r JOIN tilbud t USING (tid) WHERE r.aar IN ($fra, $til))
SELECT COALESCE(driftsherre, 'I alt'), round(COALESCE(sum(v) FILTER (aar = $fra), 0), 0), round(COALESCE(sum(v) FILTER (aar = $til), 0), 0)
FROM r GROUP BY GROUPING SETS ((driftsherre), ()) ORDER BY grouping(driftsherre), driftsherre
"""

DUCK_TABEL4 = """
WITH b AS (SELECT t.maalgruppe, b.art, b.normering, b.forbrug, (COALESCE(b.normering, 0) > 0 AND b.forbrug IS NOT NULL) AS taeller
           FROM belaegning b JOIN tilbud t USING (tid) WHERE b.aar = $til AND t.maalgruppe IS NOT NULL),
s AS (SELECT maalgruppe, art, hi(sum(forbrug) FILTER (taeller), 10000) AS f, hi(sum(normering) FILTER (taeller), 10000) AS n,
             count(*) FILTER (NOT taeller) AS udeladte
      FROM b GROUP BY GROUPING SETS ((maalgruppe, art), (maalgruppe)))
SELECT maalgruppe,
  CAST(rdiv(1000 * max(f) FILTER (art = 'dag'), max(n) FILTER (art = 'dag')) AS DECIMAL(38,0)) * 0.1,
  CAST(rdiv(1000 * max(f) FILTER (art = 'doegn'), max(n) FILTER (art = 'doegn')) AS DECIMAL(38,0)) * 0.1,
  CAST(rdiv(1000 * max(f) FILTER (art = 'aaben'), max(n) FILTER (art = 'aaben')) AS DECIMAL(38,0)) * 0.1,
  CAST(rdiv(1000 * max(f) FILTER (art = 'lukket'), max(n) FILTER (art = 'lukket')) AS DECIMAL(38,0)) * 0.1,
  CAST(rdiv(1000 * max(f) FILTER (art IS NULL), max(n) FILTER (art IS NULL)) AS DECIMAL(38,0)) * 0.1,
  max(udeladte) FILTER (art IS NULL)
FROM s GROUP BY maalgruppe
ORDER BY list_position(['boern_og_unge', 'sikrede', 'sindslidelser', 'fysisk_handicap', 'psykisk_handicap', 'forsorgshjem',
                        'misbrug', 'kvindekrisecentre'], maalgruppe)
"""

DUCK_TABEL5 = """
WITH p AS (SELECT t.driftsherre, t.maalgruppe, p.aar, p.type, p.pladser FROM pladser p JOIN tilbud t USING (tid)
           WHERE p.aar IN ($fra, $til) AND t.maalgruppe IS NOT NULL)
SELECT COALESCE(driftsherre, 'I alt'), maalgruppe,
  COALESCE(sum(pladser) FILTER (aar = $fra AND type = 'dag'), 0), COALESCE(sum(pladser) FILTER (aar = $fra AND type = 'doegn'), 0),
  COALESCE(sum(pladser) FILTER (aar = $til AND type = 'dag'), 0), COALESCE(sum(pladser) FILTER (aar = $til AND type = 'doegn'), 0)
FROM p GROUP BY GROUPING SETS ((driftsherre, maalgruppe), ()) ORDER BY grouping(driftsherre), driftsherre,
  list_position(['boern_og_unge', 'sikrede', 'sindslidelser', 'fysisk_handicap', 'psykisk_handicap', 'forsorgshjem',
                 'misbrug', 'kvindekrisecentre'], maalgruppe)
"""


def duck_tabeller(con, til):
    p = {"fra": til - 1, "til": til}
    return {
        "takstudvikling": con.execute(DUCK_TABEL1, p).fetchall(),
        "over_underskud": con.execute(DUCK_TOAAR.format(udtryk="COALESCE(r.ou, r.ti - r.omk, 0)"), p).fetchall(),
        "tillaegsydelser": con.execute(DUCK_TOAAR.format(udtryk="COALESCE(r.till, 0)"), p).fetchall(),
        "belaegning": con.execute(DUCK_TABEL4, {"til": til}).fetchall(),
        "pladser": con.execute(DUCK_TABEL5, p).fetchall(),
    }


# Takst = grundlag / (pladser × enheder pr. år × belægningsprocent), Takstberegning.beregn. In HUGEINT units:
# D8 drift in 1e-8 kr, P4 overhead % × 1e4 (so p/100 = P4/1e6), R8 regulering in 1e-8 kr, PL4/E4/B4 pladser,
# enheder and belægningsprocent × 1e4 (antal enheder = PL4·E4·B4/1e14). Grundlag = num/den in 1e-8 kr;
# takst = num·1e6 / (den·PL4·E4·B4), rounded to the afrunding's decimals from that exact fraction.
DUCK_GENBEREGN = """
CREATE OR REPLACE TEMP TABLE genberegnet AS
WITH a AS (
  SELECT tid, aar, takstniveau, enhed,
    COALESCE(personale, 0) + COALESCE(borgerrelaterede_udgifter, 0) + COALESCE(kompetenceudvikling, 0)
      + COALESCE(afskrivninger_kapital, 0) + COALESCE(ejendomsomkostninger, 0) + COALESCE(administration, 0)
      + COALESCE(finansieringsudgifter, 0) + COALESCE(tjenestemandspensioner, 0) + COALESCE(oevrige, 0) AS omkostninger,
    COALESCE(andre_indtaegter, 0) AS andre_indtaegter,
    CASE WHEN overhead_metode IS NULL OR overhead_metode = '' THEN (CASE WHEN overhead IS NULL THEN 'ingen' ELSE 'procent' END)
         WHEN overhead_metode IN ('procent_af_direkte') THEN 'procent' WHEN overhead_metode = 'andel' THEN 'bruttoandel'
         WHEN overhead_metode = 'beloeb_kr' THEN 'beloeb' ELSE overhead_metode END AS metode,
    COALESCE(overhead, 0) AS overhead_sats,
    -COALESCE(over_underskud, 0) * COALESCE(regulering_andel, 1) AS regulering,
    pladser, COALESCE(dage, CASE enhed WHEN 'doegn' THEN 365 WHEN 'maaned' THEN 12 WHEN 'aar' THEN 1 END) AS enheder,
    belaegningsprocent,
    CASE WHEN afrunding IN ('oere', 'ore') THEN 2 ELSE 0 END AS d
  FROM takster),
b AS (
  SELECT *, omkostninger - andre_indtaegter AS drift,
    hi(omkostninger - andre_indtaegter, 100000000) AS d8, hi(overhead_sats, 10000) AS p4, hi(regulering, 100000000) AS r8,
    hi(pladser, 10000) * hi(enheder, 10000) * hi(belaegningsprocent, 10000) AS peb
  FROM a),
c AS (
  SELECT *,
    CASE metode WHEN 'procent' THEN d8 * p4 // 1000000 WHEN 'bruttoandel' THEN rdiv(d8 * p4, 1000000 - p4)
                WHEN 'beloeb' THEN hi(overhead_sats, 100000000) ELSE 0 END AS oh8,
    CASE metode WHEN 'procent' THEN d8 + d8 * p4 // 1000000 + r8 WHEN 'bruttoandel' THEN d8 * 1000000 + r8 * (1000000 - p4)
                WHEN 'beloeb' THEN d8 + hi(overhead_sats, 100000000) + r8 ELSE d8 + r8 END AS num,
    CASE metode WHEN 'bruttoandel' THEN 1000000 - p4 ELSE 1 END AS den
  FROM b)
SELECT tid, aar, takstniveau, enhed, omkostninger, andre_indtaegter, drift,
  CAST(oh8 AS DECIMAL(38,0)) * 0.00000001 AS overhead, regulering,
  drift + CAST(oh8 AS DECIMAL(38,0)) * 0.00000001 + regulering AS grundlag,
  CAST(pladser AS DECIMAL(38,4)) * CAST(enheder AS DECIMAL(38,4)) * CAST(belaegningsprocent AS DECIMAL(38,4)) * 0.01 AS antal_enheder,
  CAST(rdiv(num * CAST(1000000 AS HUGEINT) * (CASE d WHEN 2 THEN 100 ELSE 1 END), den * peb) AS DECIMAL(38,0))
    * (CASE d WHEN 2 THEN 0.01 ELSE 1 END) AS takst
FROM c
"""


def duck_genberegn(con):
    con.execute(DUCK_GENBEREGN)
    return con.execute("SELECT count(*) FROM genberegnet").fetchone()[0]


# ----------------------------------------------------------------------------------------------
# pandas

def skaleret(s, skala):
    """A column read by pandas' C parser (decimal comma → float64) as int64 scaled by 10**skala, and whether
    the cell had a value. Exact: every value is checked to have at most `skala` decimals and to be far below
    2**53 / 10**skala, so rint(x · 10**skala) is the written number; no arithmetic is done in float."""
    import numpy as np
    x = s.to_numpy(dtype="float64", na_value=np.nan)
    har = ~np.isnan(x)
    v = np.where(har, x, 0.0) * 10 ** skala
    r = np.rint(v)
    if np.abs(v - r).max(initial=0) > 1e-3 or np.abs(r).max(initial=0) > 2 ** 50:
        raise ValueError(f"{s.name}: flere decimaler end {skala} eller for stort tal til en eksakt læsning")
    return r.astype("int64"), har


class PandasData:
    pass


def pandas_indlaes(data):
    import numpy as np
    import pandas as pd
    m = PandasData()
    tekst = {"driftsherre", "tilbud", "maalgruppe", "paragraf", "type", "takstniveau", "enhed", "overhead_metode", "afrunding",
             "gyldig_fra", "kun_nye_fra", "midlertidig", "art", "region", "regulering_aar", "aar", "kvartal"}
    raa = {}
    for n in ["takster", "regnskab", "belaegning", "pladser"]:
        f = os.path.join(data, n + ".csv")
        with open(f, encoding="utf-8") as h:
            kolonner = h.readline().rstrip("\r\n").split(";")
        raa[n] = pd.read_csv(f, sep=";", decimal=",", dtype={k: (str if k in tekst else "float64") for k in kolonner},
                             keep_default_na=False, na_values={k: [""] for k in kolonner if k not in tekst})
    alle = pd.concat([raa[n][["driftsherre", "tilbud", "maalgruppe"]] for n in ["takster", "regnskab", "belaegning", "pladser"]],
                     ignore_index=True)
    tilbud = alle.drop_duplicates(["driftsherre", "tilbud"], keep="first").sort_values(["driftsherre", "tilbud"]).reset_index(drop=True)
    tilbud["tid"] = np.arange(1, len(tilbud) + 1)
    tilbud["maalgruppe"] = tilbud["maalgruppe"].replace("", None)
    m.tilbud = tilbud
    noegle = pd.MultiIndex.from_frame(tilbud[["driftsherre", "tilbud"]])

    def tid(df):
        return tilbud["tid"].values[noegle.get_indexer(pd.MultiIndex.from_frame(df[["driftsherre", "tilbud"]]))]

    r = raa["regnskab"]
    m.regnskab = pd.DataFrame({"tid": tid(r), "aar": r["aar"].astype("int64")})
    m.regnskab["bel4"], _ = skaleret(r["belaegning"], 4)
    m.regnskab["omk2"], _ = skaleret(r["regnskab_kr"], 2)
    m.regnskab["ou2"], m.regnskab["har_ou"] = skaleret(r["over_underskud_kr"], 2)
    m.regnskab["till2"], _ = skaleret(r["tillaegsydelser_kr"], 2)
    m.regnskab["ti2"], m.regnskab["har_ti"] = skaleret(r["takstindtaegter_kr"], 2)
    b = raa["belaegning"]
    m.belaegning = pd.DataFrame({"tid": tid(b), "aar": b["aar"].astype("int64"), "kvartal": b["kvartal"].astype("int64"), "art": b["art"]})
    m.belaegning["n4"], _ = skaleret(b["normering"], 4)
    m.belaegning["f4"], m.belaegning["har_f"] = skaleret(b["forbrug"], 4)
    p = raa["pladser"]
    m.pladser = pd.DataFrame({"tid": tid(p), "aar": p["aar"].astype("int64"), "type": p["type"]})
    m.pladser["pl4"], _ = skaleret(p["pladser"], 4)
    t = raa["takster"]
    tk = pd.DataFrame({"tid": tid(t), "aar": t["aar"].astype("int64"), "takstniveau": t["takstniveau"], "enhed": t["enhed"],
                       "overhead_metode": t["overhead_metode"], "afrunding": t["afrunding"]})
    tk["omk2"] = 0
    for k in KOSTKOLONNER:
        v, _ = skaleret(t[k], 2)
        tk["omk2"] += v
    tk["indt2"], _ = skaleret(t["andre_indtaegter"], 2)
    tk["oh4"], tk["har_oh"] = skaleret(t["overhead"], 4)
    tk["ou2"], _ = skaleret(t["over_underskud"], 2)
    tk["andel4"], har_andel = skaleret(t["regulering_andel"], 4)
    tk.loc[~har_andel, "andel4"] = 10000
    tk["pl4"], _ = skaleret(t["pladser"], 4)
    tk["dage4"], tk["har_dage"] = skaleret(t["dage"], 4)
    tk["bp4"], _ = skaleret(t["belaegningsprocent"], 4)
    if t["basisbudget"].notna().any():
        raise ValueError("basis/ydelse-takster (basisbudget) er ikke med i sammenligningen")
    m.takster = tk
    m.antal = sum(len(x) for x in [m.takster, m.regnskab, m.belaegning, m.pladser])
    return m


def pandas_tabeller(m, til):
    import numpy as np
    import pandas as pd
    fra = til - 1
    r = m.regnskab[m.regnskab["aar"].isin([fra, til])]
    r = r.assign(driftsherre=m.tilbud["driftsherre"].values[r["tid"].values - 1],
                 res2=np.where(r["har_ou"], r["ou2"], np.where(r["har_ti"], r["ti2"] - r["omk2"], 0)))
    g = r.groupby(["driftsherre", "aar"])[["bel4", "omk2", "res2", "till2"]].sum().unstack("aar", fill_value=0)
    g.loc[I_ALT] = g.sum()
    tabeller = {}

    def kol(k, aar):
        return [int(x) for x in (g[(k, aar)] if (k, aar) in g.columns else pd.Series(0, index=g.index))]

    navne = list(g.index)
    bf, rf, bt, rt = kol("bel4", fra), kol("omk2", fra), kol("bel4", til), kol("omk2", til)
    t1 = []
    for i, d in enumerate(navne):
        if bf[i] == 0 and bt[i] == 0:
            pct = Decimal(0)
        elif bt[i] == 0:
            pct = Decimal(-100)
        elif bf[i] == 0 or rf[i] == 0:
            pct = None
        else:
            pct = dec(rdiv(10000 * (rt[i] * bf[i] - bt[i] * rf[i]), bt[i] * rf[i]), 2)
        t1.append((d, dec(bf[i], 4), dec(rdiv(rf[i], 100), 0), dec(rdiv(rf[i] * 100, bf[i]), 0), dec(bt[i], 4),
                   dec(rdiv(rt[i], 100), 0), dec(rdiv(rt[i] * 100, bt[i]), 0), pct))
    tabeller["takstudvikling"] = t1
    for noegle, k in [("over_underskud", "res2"), ("tillaegsydelser", "till2")]:
        a, b = kol(k, fra), kol(k, til)
        tabeller[noegle] = [(d, dec(rdiv(a[i], 100), 0), dec(rdiv(b[i], 100), 0)) for i, d in enumerate(navne)]

    b = m.belaegning[m.belaegning["aar"] == til]
    mg = m.tilbud["maalgruppe"].values[b["tid"].values - 1]
    b = b.assign(maalgruppe=mg)[pd.notna(mg)]
    taeller = (b["n4"] > 0) & b["har_f"]
    s = b[taeller].groupby(["maalgruppe", "art"])[["f4", "n4"]].sum()
    udeladte = (~taeller).groupby(b["maalgruppe"]).sum()
    t4 = []
    for mgr in MAALGRUPPER:
        if mgr not in udeladte.index:
            continue
        raekke, sf, sn = [MAALGRUPPETEKST[mgr]], 0, 0
        for art in ARTER:
            if (mgr, art) in s.index:
                f, n = int(s.at[(mgr, art), "f4"]), int(s.at[(mgr, art), "n4"])
                sf, sn = sf + f, sn + n
                raekke.append(dec(rdiv(1000 * f, n), 1))
            else:
                raekke.append(None)
        raekke += [dec(rdiv(1000 * sf, sn), 1), int(udeladte[mgr])]
        t4.append(tuple(raekke))
    tabeller["belaegning"] = t4

    p = m.pladser[m.pladser["aar"].isin([fra, til])]
    mg = m.tilbud["maalgruppe"].values[p["tid"].values - 1]
    p = p.assign(driftsherre=m.tilbud["driftsherre"].values[p["tid"].values - 1], maalgruppe=mg)[pd.notna(mg)]
    kolonne = np.where(p["aar"] == fra, "f_", "t_") + p["type"].values
    pv = p.assign(k=kolonne).pivot_table(index=["driftsherre", "maalgruppe"], columns="k", values="pl4", aggfunc="sum", fill_value=0)
    for k in ["f_dag", "f_doegn", "t_dag", "t_doegn"]:
        if k not in pv.columns:
            pv[k] = 0
    pv = pv[["f_dag", "f_doegn", "t_dag", "t_doegn"]]
    orden = {k: i for i, k in enumerate(MAALGRUPPER)}
    t5 = [(d, MAALGRUPPETEKST[mgr]) + tuple(dec(int(x), 4) for x in v)
          for (d, mgr), v in sorted(zip(pv.index, pv.values.tolist()), key=lambda x: (x[0][0], orden[x[0][1]]))]
    t5.append((I_ALT, "") + tuple(dec(int(x), 4) for x in pv.sum().tolist()))
    tabeller["pladser"] = t5
    return tabeller


def pandas_genberegn(m):
    import numpy as np
    import pandas as pd
    t = m.takster
    metode = t["overhead_metode"].replace({"procent_af_direkte": "procent", "andel": "bruttoandel", "beloeb_kr": "beloeb"}).values
    metode = np.where(metode == "", np.where(t["har_oh"], "procent", "ingen"), metode)
    enheder4 = np.where(t["har_dage"], t["dage4"],
                        t["enhed"].map({"doegn": 3650000, "maaned": 120000, "aar": 10000}).fillna(0).astype("int64"))
    drift2 = (t["omk2"] - t["indt2"]).values
    d8 = drift2.astype(object) * 1000000
    p4 = t["oh4"].values.astype(object)
    r8 = -(t["ou2"].values.astype(object) * t["andel4"].values.astype(object)) * 100
    procent, brutto, beloeb = metode == "procent", metode == "bruttoandel", metode == "beloeb"
    oh_procent = d8 * p4 // 1000000
    oh8 = np.where(procent, oh_procent, np.where(beloeb, p4 * 10000, 0))
    brutto_naevner = 1000000 - p4
    if brutto.any():
        oh8 = np.where(brutto, [rdiv(a, b) if er else 0 for a, b, er in zip(d8 * p4, brutto_naevner, brutto)], oh8)
    num = np.where(brutto, d8 * 1000000 + r8 * brutto_naevner, d8 + oh8 + r8)
    den = np.where(brutto, brutto_naevner, 1)
    peb = t["pl4"].values.astype(object) * enheder4.astype(object) * t["bp4"].values.astype(object)
    skala = np.where(t["afrunding"].isin(["oere", "ore"]).values, 100, 1).astype(object)
    n = num * 1000000 * skala
    mm = den * peb
    q = (2 * np.abs(n) + mm) // (2 * mm)
    q = np.where(n < 0, -q, q)
    oere = q * (100 // skala)
    ud_ = pd.DataFrame({"tid": t["tid"].values, "aar": t["aar"].values, "takstniveau": t["takstniveau"].values,
                        "omkostninger_oere": t["omk2"].values, "andre_indtaegter_oere": t["indt2"].values, "drift_oere": drift2,
                        "overhead_1e8": oh8, "regulering_1e8": r8, "grundlag_1e8": d8 + oh8 + r8, "antal_enheder_1e14": peb,
                        "takst_oere": oere})
    m.genberegnet = ud_
    return len(ud_)


# ----------------------------------------------------------------------------------------------
# Checks against Takstfil

def takstfil_tabeller(binaer, db, aar):
    env = dict(os.environ)
    j = subprocess.run([binaer, "rapport", "ledelsesinformation", "--aar", str(aar), "--db", db, "--format", "json"],
                       check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(j, parse_float=Decimal, parse_int=Decimal)


def normaliser(v):
    if v is None:
        return None
    if isinstance(v, str):
        return v
    d = Decimal(v)
    return d.normalize() if d != 0 else Decimal(0)


def sammenlign(peer, takstfil):
    """Cell-by-cell comparison of one peer's five tables with Takstfil's JSON, keyed by the text columns."""
    linjer = []
    for navn, tf in takstfil.items():
        kolonner = list(tf[0].keys()) if tf else []
        tf_raekker = {}
        for r in tf:
            v = [r[k] for k in kolonner if k != "bemaerkninger"]
            noegle = (v[0], v[1] or "") if navn == "pladser" else (v[0],)
            tf_raekker[noegle] = [normaliser(x) for x in v[len(noegle):]]
        pr = {}
        for r in peer[navn]:
            r = list(r)
            if navn == "pladser":
                mgr = r[1]
                r[1] = MAALGRUPPETEKST.get(mgr, mgr) if mgr else ""
                noegle = (r[0], r[1])
            elif navn == "belaegning":
                r[0] = MAALGRUPPETEKST.get(r[0], r[0])
                noegle = (r[0],)
            else:
                noegle = (r[0],)
            pr[noegle] = [normaliser(x) for x in r[len(noegle):]]
        forskel = [k for k in set(tf_raekker) | set(pr) if tf_raekker.get(k) != pr.get(k)]
        i_alt = (I_ALT, "") if navn == "pladser" else (I_ALT,)
        i_alt_ens = "–" if navn == "belaegning" else ("ens" if tf_raekker.get(i_alt) == pr.get(i_alt) and i_alt in pr else "FORSKEL")
        linjer.append((navn, len(tf_raekker), len(pr), i_alt_ens, len(forskel), forskel[:3],
                       [(tf_raekker.get(k), pr.get(k)) for k in forskel[:2]]))
    return linjer


def takstfil_takster(db):
    c = sqlite3.connect(db)
    rows = c.execute("""
        SELECT o.navn, t.navn, n.aar, n.navn, n.takst, n.version FROM takstniveauer n
        JOIN tilbud t ON t.id = n.tilbud_id JOIN organisationer o ON o.id = t.driftsherre_id""").fetchall()
    c.close()
    seneste = {}
    for d, t, aar, niveau, takst, version in rows:
        k = (d, t, aar, niveau)
        if k not in seneste or seneste[k][1] < version:
            seneste[k] = (takst, version)
    return {k: int(Decimal(str(v[0])) * 100) for k, v in seneste.items()}


# ----------------------------------------------------------------------------------------------

def kommando_maal(a):
    data, aar = a.data, a.aar
    gentag = a.gentag
    import duckdb
    import pandas as pd
    ud("info", "versioner", f"duckdb {duckdb.__version__}", f"pandas {pd.__version__}", f"python {sys.version.split()[0]}")
    try:
        from datasette.version import __version__ as dv
        ud("info", "datasette", dv)
    except ImportError:
        pass
    ud("info", "duckdb_traade", duckdb.connect(":memory:").execute("SELECT current_setting('threads')").fetchone()[0])

    # c. Reading the files as they are.
    rapportfiler = [os.path.join(data, n + ".csv") for n in ["regnskab", "belaegning", "pladser"]]
    allefiler = rapportfiler + [os.path.join(data, "takster.csv")]
    for trin, filer in [("laes-rapportfiler", rapportfiler), ("laes-alle-filer", allefiler)]:
        ms, n = maal_tid(lambda: sum(len(pd.read_csv(f, sep=";", decimal=",")) for f in filer), gentag)
        ud("pandas", trin, f"{ms:.1f}", n)
        con = duckdb.connect(":memory:")
        def duck_laes():
            n = 0
            for i, f in enumerate(filer):
                con.execute(f"CREATE OR REPLACE TABLE fil{i} AS SELECT * FROM read_csv(?, delim=';', decimal_separator=',', header=true)", [f])
                n += con.execute(f"SELECT count(*) FROM fil{i}").fetchone()[0]
            return n
        ms, n = maal_tid(duck_laes, gentag)
        ud("duckdb", trin, f"{ms:.1f}", n)
        con.close()

    # c2. The three report files read by a fresh Python process — start, `import pandas` (or duckdb), read,
    # exit — as the issue timed pandas (0,65 s); beside Takstfil's three import processes, start to exit.
    koder = {
        "pandas": """import sys
import pandas as pd
print(sum(len(pd.read_csv(f, sep=";", decimal=",")) for f in sys.argv[1:]))
""",
        "duckdb": """import sys
import duckdb
c = duckdb.connect(":memory:")
n = 0
for i, f in enumerate(sys.argv[1:]):
    c.execute(f"CREATE TABLE fil{i} AS SELECT * FROM read_csv(?, delim=';', decimal_separator=',', header=true)", [f])
    n += c.execute(f"SELECT count(*) FROM fil{i}").fetchone()[0]
print(n)
""",
    }
    for peer, kode in koder.items():
        def proces():
            r = subprocess.run([sys.executable, "-c", kode, *rapportfiler], capture_output=True, text=True, check=True)
            return int(r.stdout.strip())
        ms, n = maal_tid(proces, gentag)
        ud(peer, "laes-rapportfiler-proces", f"{ms:.1f}", n)

    # d. The three report files into a database without validation — the plain bulk load a pandas or
    # DuckDB user would do to keep them: pandas read_csv + to_sql into an SQLite file with an index on
    # the natural key and one on the year per table (as Takstfil's tables have), committed; DuckDB
    # CREATE TABLE … AS SELECT * FROM read_csv into a database file, closed (checkpointed). Run once.
    noegler = {"regnskab": ["driftsherre", "tilbud", "aar"], "belaegning": ["driftsherre", "tilbud", "aar", "kvartal", "art"],
               "pladser": ["driftsherre", "tilbud", "aar", "type"]}
    mappe = tempfile.mkdtemp(prefix="bench-peers-")
    try:
        def pandas_bulk():
            c = sqlite3.connect(os.path.join(mappe, "pandas.sqlite"))
            n = 0
            for f in rapportfiler:
                navn = os.path.basename(f)[:-4]
                df = pd.read_csv(f, sep=";", decimal=",")
                df.to_sql(navn, c, index=False)
                c.execute(f"CREATE UNIQUE INDEX {navn}_noegle ON {navn} ({', '.join(noegler[navn])})")
                c.execute(f"CREATE INDEX {navn}_aar ON {navn} (aar)")
                n += len(df)
            c.commit()
            c.close()
            return n
        ms, n = maal_tid(pandas_bulk, 1)
        ud("pandas", "bulk-rapportfiler", f"{ms:.1f}", n)

        def duck_bulk():
            c = duckdb.connect(os.path.join(mappe, "duck.duckdb"))
            n = 0
            for f in rapportfiler:
                navn = os.path.basename(f)[:-4]
                c.execute(f"CREATE TABLE {navn} AS SELECT * FROM read_csv(?, delim=';', decimal_separator=',', header=true)", [f])
                n += c.execute(f"SELECT count(*) FROM {navn}").fetchone()[0]
            c.close()
            return n
        ms, n = maal_tid(duck_bulk, 1)
        ud("duckdb", "bulk-rapportfiler", f"{ms:.1f}", n)
    finally:
        shutil.rmtree(mappe, ignore_errors=True)

    # a/b. Loaded once (timed on its own), then computed from memory.
    ms, (con, n) = maal_tid(lambda: duck_indlaes(data), 1)
    ud("duckdb", "indlaesning", f"{ms:.1f}", n)
    ms, m = maal_tid(lambda: pandas_indlaes(data), 1)
    ud("pandas", "indlaesning", f"{ms:.1f}", m.antal)

    ms, dt = maal_tid(lambda: duck_tabeller(con, aar), gentag)
    ud("duckdb", "tabeller", f"{ms:.1f}", sum(len(x) for x in dt.values()))
    ms, pt = maal_tid(lambda: pandas_tabeller(m, aar), gentag)
    ud("pandas", "tabeller", f"{ms:.1f}", sum(len(x) for x in pt.values()))
    par = range(aar - 8, aar + 1)
    ms, r = maal_tid(lambda: [duck_tabeller(con, y) for y in par], max(1, (gentag + 1) // 2))
    ud("duckdb", "tabeller-alle", f"{ms:.1f}", sum(len(x) for t in r for x in t.values()))
    ms, r = maal_tid(lambda: [pandas_tabeller(m, y) for y in par], max(1, (gentag + 1) // 2))
    ud("pandas", "tabeller-alle", f"{ms:.1f}", sum(len(x) for t in r for x in t.values()))

    ms, n = maal_tid(lambda: duck_genberegn(con), gentag)
    ud("duckdb", "genberegn", f"{ms:.1f}", n)
    ms, n = maal_tid(lambda: pandas_genberegn(m), gentag)
    ud("pandas", "genberegn", f"{ms:.1f}", n)

    # Consistency of the files themselves: one målgruppe per tilbud across the four files.
    flere = con.execute("""SELECT count(*) FROM (SELECT driftsherre, tilbud FROM (
            SELECT driftsherre, tilbud, maalgruppe FROM read_csv(?, delim=';', header=true, all_varchar=true)
            UNION ALL SELECT driftsherre, tilbud, maalgruppe FROM read_csv(?, delim=';', header=true, all_varchar=true)
            UNION ALL SELECT driftsherre, tilbud, maalgruppe FROM read_csv(?, delim=';', header=true, all_varchar=true)
            UNION ALL SELECT driftsherre, tilbud, maalgruppe FROM read_csv(?, delim=';', header=true, all_varchar=true))
            GROUP BY ALL HAVING count(DISTINCT maalgruppe) > 1)""", allefiler).fetchone()[0]
    ud("info", "tilbud_med_flere_maalgrupper", flere)

    if a.db and a.takstfil:
        tf = takstfil_tabeller(a.takstfil, a.db, aar)
        for peer, tabeller in [("duckdb", dt), ("pandas", pt)]:
            for navn, n_tf, n_peer, i_alt, n_forskel, eks, vaerdier in sammenlign(tabeller, tf):
                ud("kontrol", peer, navn, n_tf, n_peer, i_alt, n_forskel, json.dumps([list(map(str, e)) for e in eks], ensure_ascii=False)
                   + (" " + str(vaerdier) if n_forskel else ""))
        gemt = takstfil_takster(a.db)
        navne = {tid: (d, t) for tid, d, t in con.execute("SELECT tid, driftsherre, tilbud FROM tilbud").fetchall()}
        duck = {navne[tid] + (aar_, niveau): int(takst * 100)
                for tid, aar_, niveau, takst in con.execute("SELECT tid, aar, takstniveau, takst FROM genberegnet").fetchall()}
        g = m.genberegnet
        pnavne = m.tilbud[["driftsherre", "tilbud"]].values
        pand = {(pnavne[tid - 1][0], pnavne[tid - 1][1], int(aar_), niveau): int(o)
                for tid, aar_, niveau, o in zip(g["tid"], g["aar"], g["takstniveau"], g["takst_oere"])}
        for peer, res in [("duckdb", duck), ("pandas", pand)]:
            forskel = [k for k in gemt if res.get(k) != gemt[k]]
            kun_peer = len(set(res) - set(gemt))
            ud("kontrol-takster", peer, len(gemt), len(res), len(forskel), kun_peer,
               json.dumps([[list(map(str, k)), gemt[k], res.get(k)] for k in forskel[:3]], ensure_ascii=False))


def kommando_datasette_db(a):
    c = sqlite3.connect(a.db)
    rows = c.execute("""
        SELECT o.navn, o.region, t.navn, t.paragraf, t.maalgruppe, t.type, n.navn, n.aar, n.takst, n.enhed, n.status, n.version, n.tilbud_id
        FROM takstniveauer n JOIN tilbud t ON t.id = n.tilbud_id JOIN organisationer o ON o.id = t.driftsherre_id
        WHERE n.aar = ?""", [a.aar]).fetchall()
    c.close()
    seneste = {}
    for r in rows:
        k = (r[12], r[6])
        if k not in seneste or seneste[k][11] < r[11]:
            seneste[k] = r
    if os.path.exists(a.ud):
        os.remove(a.ud)
    d = sqlite3.connect(a.ud)
    d.execute("""CREATE TABLE takster (id INTEGER PRIMARY KEY, driftsherre TEXT, region TEXT, tilbud TEXT, paragraf TEXT,
                 maalgruppe TEXT, type TEXT, niveau TEXT, aar INTEGER, takst NUMERIC, enhed TEXT, status TEXT)""")
    d.executemany("INSERT INTO takster (driftsherre, region, tilbud, paragraf, maalgruppe, type, niveau, aar, takst, enhed, status) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  sorted((r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], str(Decimal(str(r[8]))), r[9], r[10]) for r in seneste.values()))
    d.execute("CREATE INDEX takster_aar ON takster (aar)")
    d.commit()
    d.execute("VACUUM")
    d.close()
    print(len(seneste))


# ----------------------------------------------------------------------------------------------
# The Markdown section

def tal(x):
    return "–" if x is None else f"{x:.1f}".replace(".", ",")


def forhold(a, b):
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}".replace(".", ",")


def kommando_rapport(a):
    # Takstfil's measurements: "db;trin;navn;ms;antal" (navn == trin for the step itself).
    tf = {}
    for linje in open(a.maal, encoding="utf-8"):
        f = linje.rstrip("\n").split(";")
        if len(f) >= 5:
            tf[(f[0], f[1], f[2])] = (float(f[3]), f[4])
    peers, info, kontrol, kontrol_t = {}, {}, [], []
    for linje in (open(a.peers, encoding="utf-8") if os.path.exists(a.peers) else []):
        f = linje.rstrip("\n").split(";")
        if f[0] in ("duckdb", "pandas") and len(f) == 4:
            peers[(f[0], f[1])] = (float(f[2]), f[3])
        elif f[0] == "info":
            info[f[1]] = f[2:]
        elif f[0] == "kontrol":
            kontrol.append(f[1:7] + [";".join(f[7:])])
        elif f[0] == "kontrol-takster":
            kontrol_t.append(f[1:])
    dbs = sorted({k[0] for k in tf})
    sqlite_db = "SQLite" if "SQLite" in dbs else None
    pg_db = next((d for d in dbs if d.startswith("PostgreSQL")), None)

    def tfv(db, trin, navn=None):
        v = tf.get((db, trin, navn or trin)) if db else None
        return v[0] if v else None

    def tfn(db, trin, navn=None):
        v = tf.get((db, trin, navn or trin)) if db else None
        return v[1] if v else ""

    aar = a.aar
    rk = []  # (label, tf sqlite, tf pg, duck, pandas, antal tekst)
    def sum_import(db, filer, navn=None):
        v = [tfv(db, f"import-{k}", navn) for k in filer]
        return None if None in v else sum(v)

    imp = {db: sum_import(db, ["regnskab", "belaegning", "pladser"]) for db in [sqlite_db, pg_db]}
    imp4 = {db: sum_import(db, ["takster", "regnskab", "belaegning", "pladser"]) for db in [sqlite_db, pg_db]}
    # The three import processes, start to exit (a binary without the `proces` line gives none).
    proc = {db: sum_import(db, ["regnskab", "belaegning", "pladser"], "proces") for db in [sqlite_db, pg_db]}

    def p(peer, trin):
        v = peers.get((peer, trin))
        return v[0] if v else None

    def pn(peer, trin):
        v = peers.get((peer, trin))
        return v[1] if v else ""

    rk.append(("tre rapportfiler læst (regnskab, belægning, pladser)¹", imp[sqlite_db], imp[pg_db],
               p("duckdb", "laes-rapportfiler"), p("pandas", "laes-rapportfiler"), pn("pandas", "laes-rapportfiler") + " rækker"))
    rk.append(("tre rapportfiler, hele processen fra start til slut⁶", proc[sqlite_db], proc[pg_db],
               p("duckdb", "laes-rapportfiler-proces"), p("pandas", "laes-rapportfiler-proces"),
               pn("pandas", "laes-rapportfiler-proces") + " rækker"))
    rk.append(("tre rapportfiler ind i en database⁵", imp[sqlite_db], imp[pg_db], p("duckdb", "bulk-rapportfiler"),
               p("pandas", "bulk-rapportfiler"), pn("pandas", "bulk-rapportfiler") + " rækker"))
    rk.append(("alle fire filer læst¹", imp4[sqlite_db], imp4[pg_db], p("duckdb", "laes-alle-filer"), p("pandas", "laes-alle-filer"),
               pn("pandas", "laes-alle-filer") + " rækker"))
    rk.append(("indlæsning i hukommelsen²", tfv(sqlite_db, "tabeller", "indlaesning"), tfv(pg_db, "tabeller", "indlaesning"),
               p("duckdb", "indlaesning"), p("pandas", "indlaesning"), pn("duckdb", "indlaesning") + " rækker (peers: fire filer)"))
    for trin, label in [("tabeller", f"alle fem tabeller, ét årspar ({aar - 1}–{aar})³"),
                        ("tabeller-alle", "alle fem tabeller, alle 9 årspar³"),
                        ("genberegn", "genberegn alle takster med beregningsgrundlag⁴")]:
        antal = f"Takstfil {tfn(sqlite_db, trin)}, DuckDB {pn('duckdb', trin)}, pandas {pn('pandas', trin)} rækker"
        rk.append((label, tfv(sqlite_db, trin), tfv(pg_db, trin), p("duckdb", trin), p("pandas", trin), antal))
    # Sub-measures of Takstfil steps other than the ones placed above.
    for (db, trin, navn), (ms, n) in tf.items():
        if db == sqlite_db and navn not in (trin, "proces") and not (trin == "tabeller" and navn == "indlaesning"):
            rk.append((f"Takstfil {trin}: {navn.replace('indlaesning', 'indlæsning')}", ms, tfv(pg_db, trin, navn), None, None, n))

    o = []
    if not peers:
        # Without the peers (--uden-peers) only Takstfil's own comparison of the two databases.
        rk = []
    else:
        o.append("## Side om side (samme filer, samme kørsel)")
        o.append("")
    v = info.get("versioner", [])
    if rk:
        o.append(f"Peers: {', '.join(v)}; DuckDB med {info.get('duckdb_traade', ['?'])[0]} tråde; pandas regner i én tråd (dets read_csv kan bruge flere). "
                 f"Tider i ms, peers som median af 5 gentagelser (alle 9 årspar: 3; indlæsning: 1); Takstfil i sin egen proces: importer som median af {a.runder} runder, hver i en ny database (SQLite og PostgreSQL skiftes til at gå først), trinnene fra hukommelsen som median af lige så mange gentagelser (`--gentag`). "
                 "Forholdet er Takstfil (SQLite) ÷ peer — under 1 er Takstfil hurtigst.")
        o.append("")
        o.append("| trin | Takstfil (SQLite) | Takstfil (PostgreSQL) | DuckDB | pandas | Takstfil ÷ DuckDB | Takstfil ÷ pandas | rækker |")
        o.append("|---|---:|---:|---:|---:|---:|---:|---|")
        for label, s, pg, d, pd_, n in rk:
            o.append(f"| {label} | {tal(s)} | {tal(pg)} | {tal(d)} | {tal(pd_)} | {forhold(s, d)} | {forhold(s, pd_)} | {n} |")
        o.append("")
        o.append("¹ Takstfil: `bench import-…` — læsning, validering og skrivning i databasen; peers: kun `read_csv` (`sep=';', decimal=','`, "
                 "bibliotekets egen typegenkendelse; pandas giver float). Ikke samme arbejde — forholdet viser prisen for en import, ikke for en læsning.")
        o.append("² Takstfil: databasen → hukommelsen (kun når binæren måler det som et deltrin af `tabeller`); "
                 "peers: de fire CSV-filer → hukommelsen med eksakte typer (DuckDB DECIMAL, pandas skalerede heltal), normaliseret med en tilbudstabel.")
        o.append("³ Peers regner fra hukommelsen (indlæsningen står på sin egen linje). Takstfil-tallet er trinnets hovedmåling; "
                 "med en binær der ikke skiller indlæsningen ud, indeholder den også læsningen fra databasen.")
        o.append("⁴ DuckDB: DECIMAL-kolonner, divisionen som HUGEINT-heltalsdivision (DuckDB's DECIMAL ÷ DECIMAL er DOUBLE); "
                 "pandas: skalerede heltal, Python-int hvor int64 ikke rækker. Takstfil: afkoder hvert niveaus gemte grundlag og regner det igen "
                 "(som ³: uden et deltrin `indlaesning` indeholder tallet læsningen fra databasen).")
        o.append("⁵ Samme filer ind i en database uden kontrol, én kørsel: pandas `read_csv` + `to_sql` i en SQLite-fil med et unikt indeks på "
                 "den naturlige nøgle og et på året pr. tabel, committet; DuckDB `CREATE TABLE … AS SELECT * FROM read_csv` i en databasefil, lukket. "
                 "Takstfil gør desuden: kontrol af hver celle med danske fejl, driftsherre og tilbud slået op eller oprettet, versioner, revisionsspor.")
        o.append("⁶ Som issuet målte pandas (0,65 s): en ny Python-proces der starter, importerer pandas (DuckDB: duckdb) og læser de tre filer "
                 "med `read_csv`, median af 5; Takstfil: de tre `bench import-…`-processer fra start til slut (åbning af databasen, import, "
                 f"afslutning; `/usr/bin/time`, 10 ms' opløsning), median af {a.runder} runder. Arbejdet er stadig ikke det samme (¹).")
        o.append("")
    if kontrol:
        o.append(f"Kontrol af tabellerne {aar - 1}–{aar} mod `takstfil rapport ledelsesinformation --format json` (hver celle ved den trykte "
                 "præcision, rækker parret på driftsherre/målgruppe; rækkefølgen sammenlignes ikke):")
        o.append("")
        o.append("| peer | tabel | rækker Takstfil | rækker peer | I alt | celler/rækker der afviger |")
        o.append("|---|---|---:|---:|---|---:|")
        for peer, navn, n_tf, n_p, i_alt, n_f, eks in kontrol:
            o.append(f"| {peer} | {navn} | {n_tf} | {n_p} | {i_alt} | {n_f}{' ' + eks if n_f != '0' else ''} |")
        o.append("")
    for peer, n_gemt, n_res, n_forskel, kun_peer, eks in kontrol_t:
        o.append(f"Genberegning, {peer}: {n_res} takster regnet; {n_forskel} af Takstfils {n_gemt} gemte takster afviger"
                 f"{' (' + eks + ')' if n_forskel != '0' else ''}{f', {kun_peer} kun hos peer' if kun_peer != '0' else ''}.")
    if kontrol_t:
        o.append("")
    if peers and a.web and os.path.exists(a.web):
        web = [l.rstrip("\n").split(";") for l in open(a.web, encoding="utf-8") if l.strip()]
        if web:
            o.append("### Web: Takstfil mod Datasette (wrk: 2 tråde, 64 forbindelser, 10 s)")
            o.append("")
            o.append(f"Datasette {info.get('datasette', [''])[0]} på en SQLite-fil med årets {web[0][-1]} takstniveauer (én tabel, indeks på år), "
                     "`datasette serve -i FIL --setting suggest_facets off --setting default_page_size 50`; Takstfils tal er dem fra web-afsnittet ovenfor "
                     "(SQLite, samme kørsel). Siderne er ikke ens: svarstørrelsen står ved.")
            o.append("")
            o.append("| side | Takstfil | forespørgsler/s | p99 | svar | Datasette | forespørgsler/s | p99 | svar | Takstfil ÷ Datasette (forespørgsler/s) |")
            o.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|")
            for art, tf_sti, tf_rps, tf_p99, tf_str, ds_sti, ds_rps, ds_p99, ds_str, fejl, _ in web:
                try:
                    f = f"{float(tf_rps) / float(ds_rps):.2f}".replace(".", ",")
                except (ValueError, ZeroDivisionError):
                    f = "–"
                fejltekst = f" ({fejl} svar ikke 2xx)" if fejl not in ("", "0") else ""
                o.append(f"| {art} | `{tf_sti}` | {tf_rps} | {tf_p99} | {tf_str} B | `{ds_sti}` | {ds_rps}{fejltekst} | {ds_p99} | {ds_str} B | {f} |")
            o.append("")
    if pg_db and sqlite_db:
        o.append(("###" if peers else "##") + " PostgreSQL ÷ SQLite (mål: ≤ 1,5)")
        o.append("")
        o.append("| trin | SQLite | PostgreSQL | PostgreSQL ÷ SQLite |")
        o.append("|---|---:|---:|---:|")
        for (db, trin, navn), (ms, _) in tf.items():
            if db != sqlite_db or navn == "proces":
                continue
            pgv = tfv(pg_db, trin, navn)
            label = trin if navn == trin else f"{trin}: {navn.replace('indlaesning', 'indlæsning')}"
            mark = "" if pgv is None or ms == 0 or pgv / ms <= 1.5 else " ✗"
            o.append(f"| {label} | {tal(ms)} | {tal(pgv)} | {forhold(pgv, ms)}{mark} |")
        o.append("")
    print("\n".join(o))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="kommando", required=True)
    m = sub.add_parser("maal")
    m.add_argument("--data", required=True)
    m.add_argument("--aar", type=int, required=True)
    m.add_argument("--takstfil")
    m.add_argument("--db")
    m.add_argument("--gentag", type=int, default=5)
    d = sub.add_parser("datasette-db")
    d.add_argument("--db", required=True)
    d.add_argument("--aar", type=int, required=True)
    d.add_argument("--ud", required=True)
    r = sub.add_parser("rapport")
    r.add_argument("--maal", required=True)
    r.add_argument("--peers", required=True)
    r.add_argument("--web")
    r.add_argument("--aar", type=int, required=True)
    r.add_argument("--runder", type=int, required=True, help="the rounds of imports scripts/bench ran (the report names them)")
    a = ap.parse_args()
    {"maal": kommando_maal, "datasette-db": kommando_datasette_db, "rapport": kommando_rapport}[a.kommando](a)


if __name__ == "__main__":
    main()
