#!/usr/bin/env python3
"""Robusthed (issue "Sikkerhed" 2): the reliability promises measured, with figures.

Six checks, each on SQLite and PostgreSQL where a database is involved:
  kill      kill -9 at a random moment of a national-scale import; the database opens, SQLite's
            integrity_check is ok, and the import is all or nothing (row counts before or after)
  skrivere  8 writers x 200 conflicting updates of one takstniveau through the API: every accepted
            write in the audit log as an unbroken chain, every refusal a 409, no lost update
  fuzz      seeded mutations of the CSV reader, the XLSX reader, the JSON model inputs and the count tables
            (`takstfil robusthed fuzz`): no crash, no input over 1 s, every refusal Danish
  soak      mixed load against `serve` (public pages, API reads, logins, submissions, an import
            every minute): resident memory each minute, no 5xx, p50/p99
  dump      SQLite -> dump -> PostgreSQL -> dump -> SQLite -> dump: identical dumps
  xss       hostile text in every user-controlled field, every page parsed: nothing unescaped

`scripts/robusthed` runs the full sizes and writes docs/ROBUSTHED.md; `scripts/test` runs
`--kort` (small sizes, same checks). The last line is "Robusthed: N passed, N failed".
Standard library only.
"""
import argparse
import concurrent.futures
import html.parser
import http.cookiejar
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

RAPPORT = []   # Markdown lines for docs/ROBUSTHED.md
RESULTATER = []  # (navn, ok)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def md(linje=""):
    RAPPORT.append(linje)
    print(linje, flush=True)


def resultat(navn, ok, hvorfor=""):
    RESULTATER.append((navn, ok))
    print(f"{'ok  ' if ok else 'FEJL'} {navn}{(': ' + hvorfor) if hvorfor else ''}", flush=True)


def tal(n):
    """Danish thousands: 1.000.000."""
    return f"{n:,}".replace(",", ".")


def fri_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Miljoe:
    def __init__(self, args):
        self.bin = os.path.abspath(args.takstfil)
        self.pg = args.pg_url.rstrip("/") if args.pg_url else None
        self.psql = args.psql or shutil.which("psql")
        self.mappe = tempfile.mkdtemp(prefix="takstfil-robusthed-")
        os.chmod(self.mappe, 0o755)
        self.aar = time.gmtime().tm_year
        self.env = dict(os.environ, TAKSTFIL_MAKS_FIL_MB="2000", TAKSTFIL_MAKS_UDPAKKET_MB="4000")
        self.env.pop("TAKSTFIL_LOG_FORMAT", None)

    def tf(self, *a, check=True, timeout=3600, **kw):
        r = subprocess.run([self.bin, *map(str, a)], capture_output=True, text=True, env=self.env, timeout=timeout, **kw)
        if check and r.returncode != 0:
            raise RuntimeError(f"takstfil {' '.join(map(str, a))}: {r.stdout[-2000:]}{r.stderr[-2000:]}")
        return r

    # PostgreSQL: one database per trial, made by the cluster's superuser.
    def pg_url(self, db):
        return f"{self.pg}/{db}?tlsmode=disable"

    def sql(self, db, q):
        r = subprocess.run([self.psql, f"{self.pg}/{db}", "-tAq", "-v", "ON_ERROR_STOP=1", "-c", q],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"psql {q}: {r.stderr}")
        return r.stdout.strip()

    def opret_pg(self, db, skabelon=None):
        self.sql("postgres", f'DROP DATABASE IF EXISTS "{db}"')
        self.sql("postgres", f'CREATE DATABASE "{db}"' + (f' TEMPLATE "{skabelon}"' if skabelon else ""))

    # The demo database is made once (SQLite) and copied: a PostgreSQL template restored from its dump.
    def demo_db(self, slags, navn):
        base = os.path.join(self.mappe, "demo_base.sqlite")
        if not os.path.exists(base):
            log("   demodatabase")
            self.tf("demo", "--db", base)
        if slags == "SQLite":
            db = os.path.join(self.mappe, f"{navn}.sqlite")
            shutil.copy(base, db)
            return db
        if not getattr(self, "_pg_demo", False):
            dump = os.path.join(self.mappe, "demo_base.json")
            self.tf("eksport", "dump", "--ud", dump, "--db", base)
            self.opret_pg("demo_mal")
            self.tf("import", "dump", dump, "--db", self.pg_url("demo_mal"))
            self._pg_demo = True
        self.opret_pg(navn, "demo_mal")
        return self.pg_url(navn)

    def slet_pg(self, db):
        for _ in range(100):
            try:
                self.sql("postgres", f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
                return
            except RuntimeError:
                time.sleep(0.1)


# ---------------------------------------------------------------- data

def generer(m, kort):
    ud = os.path.join(m.mappe, "data")
    if not os.path.isdir(ud):
        log("== genererer data (national)")
        m.tf("demo", "generer", "--skala", "national", "--seed", "1", "--aar", m.aar, "--ud", ud)
        if kort:
            # The short run imports the first rows of each national file: a real import, smaller.
            for f in os.listdir(ud):
                sti = os.path.join(ud, f)
                with open(sti, encoding="utf-8") as fh:
                    linjer = [next(fh, "") for _ in range(KORT_RAEKKER + 1)]
                with open(sti, "w", encoding="utf-8") as fh:
                    fh.write("".join(linjer))
    return ud


KORT_RAEKKER = 1000
TABELLER = ["regnskaber", "tilbud", "organisationer", "haendelser"]


def taelling_sqlite(sti):
    c = sqlite3.connect(sti)
    try:
        ok = c.execute("PRAGMA integrity_check").fetchone()[0]
        antal = tuple(c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABELLER)
    finally:
        c.close()
    return ok, antal


def taelling_pg(m, db):
    return tuple(int(m.sql(db, f"SELECT COUNT(*) FROM {t}")) for t in TABELLER)


# ---------------------------------------------------------------- kill -9

def kill(m, args, data):
    fil = os.path.join(data, "regnskab.csv")
    md("## kill -9 under en import")
    md()
    md(f"`takstfil import regnskab` af {sum(1 for _ in open(fil, encoding='utf-8')) - 1} rækker, dræbt med SIGKILL på et "
       "tilfældigt tidspunkt mellem start og forventet slut (frø 1). Efter hvert forsøg: databasen åbnes af takstfil, "
       "SQLite's `PRAGMA integrity_check` er `ok`, og rækketallene i regnskaber, tilbud, organisationer og haendelser er "
       "enten dem før eller dem efter importen.")
    md()
    md("| database | forsøg | konsistente | før | efter | integrity_check ok | importtid |")
    md("|---|---:|---:|---:|---:|---:|---:|")
    rng = random.Random(1)
    for slags, antal in (("SQLite", args.kill_sqlite), ("PostgreSQL", args.kill_pg)):
        if slags == "PostgreSQL" and not m.pg:
            continue
        if slags == "SQLite":
            base = os.path.join(m.mappe, "kill_base.sqlite")
            m.tf("migrate", "--db", base)
            foer = taelling_sqlite(base)[1]
            fuld = os.path.join(m.mappe, "kill_fuld.sqlite")
            shutil.copy(base, fuld)
            t0 = time.time()
            m.tf("import", "regnskab", fil, "--db", fuld)
            varighed = time.time() - t0
            efter = taelling_sqlite(fuld)[1]
        else:
            m.opret_pg("kill_base")
            m.tf("migrate", "--db", m.pg_url("kill_base"))
            foer = taelling_pg(m, "kill_base")
            m.opret_pg("kill_fuld", "kill_base")
            t0 = time.time()
            m.tf("import", "regnskab", fil, "--db", m.pg_url("kill_fuld"))
            varighed = time.time() - t0
            efter = taelling_pg(m, "kill_fuld")
            m.slet_pg("kill_fuld")
        konsistente = n_foer = n_efter = integritet = 0
        fejl = []
        for i in range(antal):
            if slags == "SQLite":
                db = os.path.join(m.mappe, "kill_forsoeg.sqlite")
                for ext in ("", "-wal", "-shm"):
                    if os.path.exists(db + ext):
                        os.remove(db + ext)
                shutil.copy(base, db)
                url = db
            else:
                navn = f"kill_{i}"
                m.opret_pg(navn, "kill_base")
                url = m.pg_url(navn)
            p = subprocess.Popen([m.bin, "import", "regnskab", fil, "--db", url], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, env=m.env)
            time.sleep(rng.uniform(0.0, varighed * 1.1))
            p.kill()
            p.wait()
            if slags == "PostgreSQL":
                # The server rolls back once it sees the client gone; wait until the backend has left.
                for _ in range(200):
                    if m.sql("postgres", f"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '{navn}'") == "0":
                        break
                    time.sleep(0.05)
            aabner = m.tf("haendelser", "--antal", "1", "--db", url, check=False).returncode == 0
            if slags == "SQLite":
                ok, antal_nu = taelling_sqlite(db)
                integritet += ok == "ok"
            else:
                ok, antal_nu = "ok", taelling_pg(m, navn)
                integritet += 1
            if aabner and ok == "ok" and antal_nu in (foer, efter):
                konsistente += 1
                n_foer += antal_nu == foer
                n_efter += antal_nu == efter
            else:
                fejl.append(f"forsøg {i}: åbner={aabner}, integrity={ok}, rækker={antal_nu} (før {foer}, efter {efter})")
            if slags == "PostgreSQL":
                m.slet_pg(navn)
        if slags == "PostgreSQL":
            m.slet_pg("kill_base")
        md(f"| {slags} | {antal} | {konsistente}/{antal} | {n_foer} | {n_efter} | "
           f"{integritet if slags == 'SQLite' else '–'} | {varighed:.1f} s |")
        resultat(f"kill -9 ({slags}, {antal} forsøg)", konsistente == antal, "; ".join(fejl[:3]))
    md()


# ---------------------------------------------------------------- server helpers

class Server:
    """`takstfil serve` on a copy of the demo database."""
    def __init__(self, m, slags, navn="serve"):
        db = m.demo_db(slags, navn)
        self.m, self.db, self.slags, self.navn = m, db, slags, navn
        self.port = fri_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.logfil = open(os.path.join(m.mappe, f"{navn}.log"), "w")
        env = dict(m.env, TAKSTFIL_LOG_LEVEL="warning")
        self.p = subprocess.Popen([m.bin, "serve", "--db", db, "--port", str(self.port)],
                                  stdout=self.logfil, stderr=subprocess.STDOUT, env=env)
        for _ in range(1200):
            try:
                if urllib.request.urlopen(self.url + "/healthz", timeout=2).status == 200:
                    break
            except Exception:
                time.sleep(0.25)
        else:
            raise RuntimeError("serveren startede ikke")

    def rss_mb(self):
        with open(f"/proc/{self.p.pid}/status") as f:
            for linje in f:
                if linje.startswith("VmRSS:"):
                    return int(linje.split()[1]) / 1024
        return 0.0

    def noegle(self, email):
        r = self.m.tf("bruger", "api-noegle", "--db", self.db, "--email", email, "--navn", f"robusthed-{random.random()}")
        return re.search(r"tf_[A-Za-z0-9_-]+", r.stdout + r.stderr).group(0)

    def stop(self):
        self.p.terminate()
        try:
            self.p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.p.kill()
        self.logfil.close()
        if self.slags == "PostgreSQL":
            self.m.slet_pg(self.navn)


def kald(url, metode="GET", data=None, noegle=None, timeout=30, opener=None, headers=None):
    h = dict(headers or {})
    if noegle:
        h["Authorization"] = f"Bearer {noegle}"
    if data is not None and not isinstance(data, bytes):
        data = json.dumps(data).encode()
        h["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=metode, headers=h)
    try:
        r = (opener.open if opener else urllib.request.urlopen)(req, timeout=timeout)
        return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def toftehoej(s):
    status, krop = kald(s.url + "/api/v1/tilbud?aar=2021")
    for t in json.loads(krop):
        if t["navn"].startswith("Toftehøj"):
            return t["id"]
    raise RuntimeError("Toftehøj findes ikke i demoen")


def niveau_ind(navn, aar, beloeb, revision=None, tekst="robusthed"):
    d = {"navn": navn, "aar": aar, "pladser": "10", "belaegningsprocent": "95", "enhed": "doegn",
         "omkostninger": [{"kategori": "personale", "beloeb": str(beloeb), "tekst": tekst}]}
    if revision is not None:
        d["revision"] = revision
    return d


def hent_niveau(s, noegle, tilbud, navn, aar):
    status, krop = kald(f"{s.url}/api/v1/indberetning/tilbud/{tilbud}?aar={aar}", noegle=noegle)
    for n in json.loads(krop):
        if n["navn"] == navn:
            return n
    return None


# ---------------------------------------------------------------- conflicting writers

def skrivere(m, args):
    md("## Samtidige skrivere")
    md()
    md(f"{args.skrivere} skrivere × {args.skrivninger} opdateringer af ét takstniveau gennem API'et (`PUT "
       "/api/v1/indberetning/tilbud/{id}/takstniveau` med den hentede revision). Hver skrivning har sit eget beløb. "
       "Bagefter: hver godtaget skrivning står i revisionsloggen, og loggens `ret`-hændelser danner en ubrudt kæde "
       "(hver hændelses *før* er den foregående *efter*); revisionen er steget med præcis antallet af godtagne.")
    md()
    md("| database | forsøg | godtaget (200) | afvist (409) | andet | ubrudt kæde | tabte opdateringer |")
    md("|---|---:|---:|---:|---:|---|---:|")
    for slags in ("SQLite", "PostgreSQL"):
        if slags == "PostgreSQL" and not m.pg:
            continue
        s = Server(m, slags, navn="skrivere")
        db = s.db
        try:
            noegle = s.noegle("jammerbugt@demo.takstfil.dk")
            tilbud = toftehoej(s)
            aar = m.aar + 1
            navn = "Robusthed"
            st, krop = kald(f"{s.url}/api/v1/indberetning/tilbud/{tilbud}/takstniveau", "PUT", niveau_ind(navn, aar, 1000000), noegle)
            if st not in (200, 201):
                raise RuntimeError(f"kunne ikke oprette niveauet: {st} {krop[:300]}")
            start = hent_niveau(s, noegle, tilbud, navn, aar)
            r0, niveau_id = start["revision"], start["id"]
            statusser, godtaget = [], []
            laas = threading.Lock()

            def skriver(w):
                for i in range(args.skrivninger):
                    n = hent_niveau(s, noegle, tilbud, navn, aar)
                    beloeb = 2_000_000 + w * 10_000 + i
                    st, krop = kald(f"{s.url}/api/v1/indberetning/tilbud/{tilbud}/takstniveau", "PUT",
                                    niveau_ind(navn, aar, beloeb, n["revision"]), noegle)
                    with laas:
                        statusser.append(st)
                        if st in (200, 201):
                            godtaget.append((beloeb, json.loads(krop).get("revision")))

            traade = [threading.Thread(target=skriver, args=(w,)) for w in range(args.skrivere)]
            for t in traade:
                t.start()
            for t in traade:
                t.join()
            slut = hent_niveau(s, noegle, tilbud, navn, aar)
            if slags == "SQLite":
                c = sqlite3.connect(db)
                raekker = c.execute(f"SELECT foer, efter FROM haendelser WHERE upper(entitet_id) = upper(?) AND handling = 'ret' "
                                    "ORDER BY tidspunkt", (niveau_id,)).fetchall()
                c.close()
            else:
                ud = m.sql("skrivere", "SELECT json_agg(json_build_array(foer, efter) ORDER BY tidspunkt) FROM haendelser "
                                       f"WHERE upper(entitet_id) = upper('{niveau_id}') AND handling = 'ret'")
                raekker = [tuple(x) for x in json.loads(ud or "[]")]
            s.stop()
        except BaseException:
            s.stop()
            raise
        n200 = sum(1 for x in statusser if x in (200, 201))
        n409 = sum(1 for x in statusser if x == 409)
        andet = len(statusser) - n200 - n409
        # The chain: ordered by time, each event starts where the one before ended. Timestamps can tie,
        # so the chain is rebuilt from the links instead of trusting the order.
        efter_af = {}
        for foer, efter in raekker:
            efter_af.setdefault(foer, []).append(efter)
        kaede, nu = 0, None
        foerste = [f for f, _ in raekker if f not in {e for _, e in raekker}]
        if len(foerste) == 1:
            nu = foerste[0]
            while nu in efter_af and len(efter_af[nu]) == 1:
                nu = efter_af[nu][0]
                kaede += 1
        ubrudt = kaede == len(raekker) == n200
        beloeb_i_log = set()
        for _, efter in raekker:
            for b in re.findall(r"[0-9]{7}", efter or ""):
                beloeb_i_log.add(int(b))
        tabt = sum(1 for b, _ in godtaget if b not in beloeb_i_log) + abs((slut["revision"] - r0) - n200)
        revisioner = sorted(r for _, r in godtaget)
        fortloebende = revisioner == list(range(r0 + 1, r0 + 1 + n200))
        md(f"| {slags} | {len(statusser)} | {n200} | {n409} | {andet} | {'ja' if ubrudt and fortloebende else 'NEJ'} | {tabt} |")
        resultat(f"samtidige skrivere ({slags})", andet == 0 and ubrudt and fortloebende and tabt == 0 and n200 > 0,
                 f"andet={andet}, kæde={kaede}/{len(raekker)}/{n200}, fortløbende={fortloebende}, tabt={tabt}")
    md()


# ---------------------------------------------------------------- fuzzing

def fuzz(m, args, data):
    korpusmappe = os.path.join(m.mappe, "korpus")
    os.makedirs(korpusmappe, exist_ok=True)
    csv = []
    for f in ("takster", "regnskab", "belaegning", "pladser"):
        sti = os.path.join(korpusmappe, f + ".csv")
        with open(os.path.join(data, f + ".csv"), encoding="utf-8") as ind, open(sti, "w", encoding="utf-8") as ud:
            ud.write("".join(next(ind, "") for _ in range(25)))
        csv.append(sti)
    rod = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    regneark = os.path.join(rod, "Tests", "AppTests", "Fixtures", "regneark")
    xlsx = [os.path.join(regneark, f) for f in ("gyldig_takstfil.xlsx", "belaegning_nul.xlsx", "tekst_i_tal.xlsx")]
    eksempler = os.path.join(rod, "eksempler")
    jsonfiler = sorted(os.path.join(eksempler, f) for f in os.listdir(eksempler) if f.endswith(".json"))
    md("## Fuzzing af læserne")
    md()
    md(f"`takstfil robusthed fuzz`: {tal(args.fuzz)} muterede input pr. læser (frø 1; bitflip, skilletegn og citationstegn, "
       "tal ved grænserne, slettede, gentagne og splejsede stykker, 1–4 ad gangen) fra et korpus af de genererede "
       "importfiler (25 linjer af hver), skabelonens regneark (4 ud af 5 mutationer rammer XML'en inde i zip-filen), "
       "eksempel-filerne til modellerne og optællingstabellerne med usikre antal (`optaelling summer`: udbud, spiseforstyrrelse). Et afslag skal være en af vores danske fejltyper uden engelsk fra et bibliotek.")
    md()
    md("| læser | input | godtaget | afvist (dansk) | ikke dansk | nedbrud | langsomste | over 1 s |")
    md("|---|---:|---:|---:|---:|---:|---:|---:|")
    kapacitet = os.path.join(rod, "Tests", "AppTests", "Fixtures", "kapacitet")
    taelling = sorted(os.path.join(kapacitet, f) for f in os.listdir(kapacitet) if f.endswith(".csv"))
    for laeser, korpus in (("csv", csv), ("xlsx", xlsx), ("json", jsonfiler), ("taelling", taelling)):
        # Two processes, one per core, each its half of the numbers.
        n = args.fuzz
        dele = [(0, n // 2 - 1), (n // 2, n - 1)]
        with concurrent.futures.ThreadPoolExecutor(2) as ex:
            svar = list(ex.map(lambda d: fuzz_del(m, laeser, korpus, d[0], d[1]), dele))
        godt = sum(s["godtaget"] for s in svar)
        afv = sum(s["afvist"] for s in svar)
        ikke = sum(s["ikke_dansk"] for s in svar)
        ned = sum(len(s["nedbrud"]) for s in svar)
        maks = max(s["maks_ms"] for s in svar)
        over = sum(s["over_1s"] for s in svar)
        md(f"| {laeser} | {tal(n)} | {tal(godt)} | {tal(afv)} | {ikke} | {ned} | {maks:.1f} ms | {over} |")
        fund = [x for s in svar for x in s["nedbrud"] + s["eksempler"]]
        for f in fund[:5]:
            md(f"- {laeser}: {f}")
        resultat(f"fuzzing ({laeser}, {n} input)", ikke == 0 and ned == 0 and over == 0, "; ".join(fund[:3]))
    md()


def fuzz_del(m, laeser, korpus, fra, til):
    """Runs one range; on a crash, finds the input (reruns its block of 10.000 saving each input) and goes on after it."""
    res = {"godtaget": 0, "afvist": 0, "ikke_dansk": 0, "maks_ms": 0.0, "over_1s": 0, "nedbrud": [], "eksempler": []}
    start = fra
    while start <= til:
        p = subprocess.run([m.bin, "robusthed", "fuzz", "--laeser", laeser, "--fra", str(start), "--til", str(til), *korpus],
                           capture_output=True, text=True, env=m.env)
        linje = [l for l in p.stdout.splitlines() if l.startswith("fuzz;")]
        if p.returncode == 0 and linje:
            f = linje[-1].split(";")
            res["godtaget"] += int(f[3]); res["afvist"] += int(f[4]); res["ikke_dansk"] += int(f[5])
            res["maks_ms"] = max(res["maks_ms"], float(f[6])); res["over_1s"] += int(f[7])
            res["eksempler"] += [l for l in p.stderr.splitlines() if l.startswith("ikke dansk")][:3]
            return res
        # A crash: the last status line says how far it got; find the input in the next block.
        sidst = [int(l.split(";")[1]) for l in p.stderr.splitlines() if l.startswith("status;")]
        blok = (sidst[-1] + 1) if sidst else start
        gem = os.path.join(m.mappe, f"fuzz-{laeser}-{blok}.input")
        q = subprocess.run([m.bin, "robusthed", "fuzz", "--laeser", laeser, "--fra", str(blok), "--til", str(min(til, blok + 9999)),
                            "--gem", gem, *korpus], capture_output=True, text=True, env=m.env)
        fundet = None
        if q.returncode != 0:
            # Which number: rerun one at a time from the block start up to the crash (the saved file is the last input).
            for i in range(blok, min(til, blok + 9999) + 1):
                r = subprocess.run([m.bin, "robusthed", "fuzz", "--laeser", laeser, "--fra", str(i), "--til", str(i), *korpus],
                                   capture_output=True, text=True, env=m.env)
                if r.returncode != 0:
                    fundet = i
                    break
        artefakt = os.path.join("artefakter", "robusthed")
        os.makedirs(artefakt, exist_ok=True)
        if fundet is not None and os.path.exists(gem):
            shutil.copy(gem, os.path.join(artefakt, os.path.basename(gem)))
        res["nedbrud"].append(f"nedbrud ved input {fundet if fundet is not None else '?'} (signal/kode {p.returncode}): "
                              f"{(p.stderr.strip().splitlines() or [''])[-1][:200]}")
        start = (fundet + 1) if fundet is not None else blok + 10000
    return res


# ---------------------------------------------------------------- soak

class Maaling:
    def __init__(self):
        self.tider = {}
        self.status = {}
        self.laas = threading.Lock()

    def noter(self, art, ms, status):
        with self.laas:
            self.tider.setdefault(art, []).append(ms)
            self.status[status] = self.status.get(status, 0) + 1


def percentil(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))] if v else 0.0


def soak(m, args, data):
    md("## Blandet belastning over tid (soak)")
    md()
    minutter = args.soak_sekunder / 60
    md(f"`takstfil serve --demo` i {minutter:g} minutter pr. database med 4 klienter: offentlige sider (liste, tilbud, "
       "ledelsesinformation, socialtilsyn), API-læsninger, log ind/log ud, indberetninger (PUT af et takstniveau) og en "
       f"import (`takstfil import regnskab`, 200 rækker) hvert {args.import_hvert:g}. sekund. Resident hukommelse (VmRSS) "
       f"måles hvert {args.prøve_hvert:g}. sekund; opvarmningen er den første måling.")
    md()
    md("| database | forespørgsler | 5xx | p50 | p99 | RSS efter opvarmning | RSS min–maks derefter | udsving | importer |")
    md("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    lille = os.path.join(m.mappe, "soak_regnskab.csv")
    with open(os.path.join(data, "regnskab.csv"), encoding="utf-8") as ind, open(lille, "w", encoding="utf-8") as ud:
        ud.write("".join(next(ind, "") for _ in range(201)))
    for slags in ("SQLite", "PostgreSQL"):
        if slags == "PostgreSQL" and not m.pg:
            continue
        s = Server(m, slags, navn="soak")
        db = s.db
        maal = Maaling()
        stop = threading.Event()
        rss = []
        importer = [0, 0]
        importfejl = []
        try:
            noegle = s.noegle("jammerbugt@demo.takstfil.dk")
            tilbud = toftehoej(s)
            st, krop = kald(s.url + f"/api/v1/tilbud?aar={m.aar}")
            ids = [t["id"] for t in json.loads(krop)][:200] if st == 200 else []
            ids = ids or [tilbud]
            kald(f"{s.url}/api/v1/indberetning/tilbud/{tilbud}/takstniveau", "PUT", niveau_ind("Soak", m.aar + 1, 1000000), noegle)

            def klient(k):
                rng = random.Random(k)
                while not stop.is_set():
                    valg = rng.random()
                    t0 = time.perf_counter()
                    if valg < 0.30:
                        art, (st, _) = "offentlig side", kald(s.url + rng.choice(["/", f"/?aar={m.aar}", "/?q=bo", f"/tilbud/{rng.choice(ids)}",
                                                                                    "/ledelsesinformation", "/socialtilsyn"]))
                    elif valg < 0.60:
                        art, (st, _) = "API-læsning", kald(s.url + rng.choice([f"/api/v1/tilbud?aar={m.aar}&side=1&antal=50",
                                                                              f"/api/v1/tilbud/{rng.choice(ids)}"]))
                    elif valg < 0.80:
                        art = "log ind"
                        st = log_ind_ud(s, "aalborg@demo.takstfil.dk", "demo-aalborg")
                    else:
                        art = "indberetning"
                        n = hent_niveau(s, noegle, tilbud, "Soak", m.aar + 1)
                        st, _ = kald(f"{s.url}/api/v1/indberetning/tilbud/{tilbud}/takstniveau", "PUT",
                                     niveau_ind("Soak", m.aar + 1, 1_000_000 + rng.randint(0, 999_999), n["revision"]), noegle)
                        if st == 409:
                            st = 200  # a lost race between the four clients is the contract, not an error
                    maal.noter(art, (time.perf_counter() - t0) * 1000, st)

            def importoer():
                while not stop.wait(args.import_hvert):
                    r = m.tf("import", "regnskab", lille, "--db", db, check=False)
                    importer[0 if r.returncode == 0 else 1] += 1
                    if r.returncode != 0:
                        importfejl.append((r.stdout + r.stderr).strip()[-300:])

            traade = [threading.Thread(target=klient, args=(k,)) for k in range(4)] + [threading.Thread(target=importoer)]
            for t in traade:
                t.start()
            slut = time.time() + args.soak_sekunder
            while time.time() < slut:
                time.sleep(min(args.prøve_hvert, max(0.0, slut - time.time())))
                rss.append(s.rss_mb())
            stop.set()
            for t in traade:
                t.join()
        finally:
            s.stop()
        alle = [x for v in maal.tider.values() for x in v]
        n5xx = sum(n for st, n in maal.status.items() if st >= 500)
        andre = {st: n for st, n in maal.status.items() if st not in (200, 201, 303) and st < 500}
        efter = rss[1:] or rss
        udsving = (max(efter) - min(efter)) / efter[0] * 100 if efter else 0
        md(f"| {slags} | {tal(len(alle))} | {n5xx} | {percentil(alle, 50):.1f} ms | {percentil(alle, 99):.1f} ms | {efter[0]:.0f} MB | "
           f"{min(efter):.0f}–{max(efter):.0f} MB | {udsving:.1f} % | {importer[0]} ok, {importer[1]} fejlet |")
        for art, v in sorted(maal.tider.items()):
            md(f"- {slags}, {art}: {len(v)} stk., p50 {percentil(v, 50):.1f} ms, p99 {percentil(v, 99):.1f} ms")
        md(f"- {slags}, RSS pr. måling (MB): {', '.join(f'{x:.0f}' for x in rss)}")
        if andre:
            md(f"- {slags}, andre statusser: {andre}")
        for f in importfejl[:3]:
            md(f"- {slags}, import fejlede: {f}")
        graense = args.rss_udsving
        resultat(f"soak ({slags}, {args.soak_sekunder} s)", n5xx == 0 and not andre and importer[1] == 0 and udsving <= graense,
                 f"5xx={n5xx}, andre={andre}, importfejl={importer[1]}, udsving={udsving:.1f} % (grænse {graense} %)")
    md()


class Formfelter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.felter = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name"):
            self.felter[a["name"]] = a.get("value") or ""


def log_ind(s, email, kodeord):
    """Signs in as the login page does (CSRF token from the form); the status and the cookie-keeping opener."""
    jar = http.cookiejar.CookieJar()

    class IngenOmdirigering(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **kw):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), IngenOmdirigering)
    st, krop = kald(s.url + "/log-ind", opener=opener)
    if st != 200:
        return st, opener
    p = Formfelter()
    p.feed(krop.decode("utf-8", "replace"))
    form = urllib.parse.urlencode({"_csrf": p.felter.get("_csrf", ""), "email": email, "kodeord": kodeord}).encode()
    st, _ = kald(s.url + "/log-ind", "POST", form, opener=opener, headers={"Content-Type": "application/x-www-form-urlencoded"})
    return st, opener


def log_ind_ud(s, email, kodeord):
    st, opener = log_ind(s, email, kodeord)
    if st != 303:
        return st if st >= 500 else 400 + st % 100  # a refused login is a finding, never a pass
    st, krop = kald(s.url + "/konto", opener=opener)
    p = Formfelter()
    p.feed(krop.decode("utf-8", "replace"))
    st2, _ = kald(s.url + "/log-ud", "POST", urllib.parse.urlencode({"_csrf": p.felter.get("_csrf", "")}).encode(),
                  opener=opener, headers={"Content-Type": "application/x-www-form-urlencoded"})
    return st if st >= 500 else (st2 if st2 >= 500 or st2 not in (200, 303) else st)


# ---------------------------------------------------------------- dump round trip

def dump(m, args, data):
    md("## Dump-rundtur SQLite → PostgreSQL → SQLite")
    md()
    a = os.path.join(m.mappe, "dump_a.sqlite")
    for f in ("takster", "regnskab", "belaegning", "pladser"):
        m.tf("import", f, os.path.join(data, f + ".csv"), "--db", a)
    d1, d2, d3 = (os.path.join(m.mappe, f"dump{i}.json") for i in (1, 2, 3))
    t0 = time.time()
    m.tf("eksport", "dump", "--ud", d1, "--db", a)
    if m.pg:
        m.opret_pg("dump_b")
        m.tf("import", "dump", d1, "--db", m.pg_url("dump_b"))
        m.tf("eksport", "dump", "--ud", d2, "--db", m.pg_url("dump_b"))
        m.slet_pg("dump_b")
    else:
        shutil.copy(d1, d2)
    c = os.path.join(m.mappe, "dump_c.sqlite")
    m.tf("import", "dump", d2, "--db", c)
    m.tf("eksport", "dump", "--ud", d3, "--db", c)
    varighed = time.time() - t0
    b1, b2, b3 = (open(d, "rb").read() for d in (d1, d2, d3))
    raekker = json.loads(b1)
    antal = sum(len(v) for v in raekker.get("tabeller", raekker).values() if isinstance(v, list)) if isinstance(raekker, dict) else 0
    ens = b1 == b2 == b3
    md(f"Landsdata ({f'de første {tal(KORT_RAEKKER)} rækker af hver fil' if args.kort else 'alle fire genererede filer'}) importeret i SQLite, "
       f"dumpet, gendannet i {'PostgreSQL' if m.pg else '(ingen PostgreSQL)'}, dumpet, gendannet i en ny SQLite og dumpet igen: "
       f"{tal(len(b1))} byte, {tal(antal)} rækker; de tre dumps er {'byte for byte ens' if ens else 'FORSKELLIGE'} ({varighed:.1f} s).")
    md()
    resultat("dump-rundtur", ens and m.pg is not None, "" if ens else "dumpene er forskellige")


# ---------------------------------------------------------------- XSS

MAERKE = "XSS"
ANGREB = [
    "\"><script>alert('XSS')</script>",
    "'><img src=x onerror=alert('XSS')>",
    "javascript:alert('XSS')",
    "\" onmouseover=\"alert('XSS')\" x=\"",
    "</textarea><svg onload=alert('XSS')>",
    "</title><script>XSS</script><!--",
]


class XSSTjek(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fund, self.links, self.i_script, self.tekst_med_maerke = [], [], False, 0

    def handle_starttag(self, tag, attrs):
        for navn, vaerdi in attrs:
            if navn.lower().startswith("on"):
                self.fund.append(f"attribut {navn} på <{tag}>")
            if navn.lower() in ("href", "src", "action", "formaction") and (vaerdi or "").strip().lower().startswith("javascript:"):
                self.fund.append(f"{navn}=javascript: på <{tag}>")
            if navn == "href" and vaerdi:
                self.links.append(vaerdi)
        if tag in ("svg", "img") and any(MAERKE in (v or "") for _, v in attrs):
            self.fund.append(f"<{tag}> fra input")
        self.i_script = tag == "script"

    def handle_endtag(self, tag):
        self.i_script = False

    def handle_data(self, d):
        if self.i_script and MAERKE in d:
            self.fund.append("<script> med input")
        elif MAERKE in d:
            self.tekst_med_maerke += 1


def xss(m, args, data):
    md("## XSS-korpus")
    md()
    s = Server(m, "SQLite", navn="xss")
    db = s.db
    sider, fund, med_maerke, felter = 0, [], 0, []
    try:
        # Hostile text everywhere a user can type: tilbud, driftsherre and level names from an import,
        # cost lines, other income and begrundelse through the API, comments, search and login parameters.
        with open(os.path.join(data, "takster.csv"), encoding="utf-8") as f:
            hoved, foerste = f.readline(), f.readline()
        kol = hoved.rstrip("\n").split(";")
        rk = foerste.rstrip("\n").split(";")
        linjer = [hoved]
        for i, a in enumerate(ANGREB):
            r = list(rk)
            for felt, v in (("tilbud", f"{a} tilbud {i}"), ("driftsherre", f"{a} kommune {i}"), ("niveau", f"{a} niveau {i}")):
                if felt in kol:
                    r[kol.index(felt)] = '"' + v.replace('"', '""') + '"'
            if "aar" in kol:
                r[kol.index("aar")] = str(m.aar)
            linjer.append(";".join(r) + "\n")
        fil = os.path.join(m.mappe, "xss_takster.csv")
        open(fil, "w", encoding="utf-8").writelines(linjer)
        m.tf("import", "takster", fil, "--offentliggjort", "--region", "Nordjylland", "--db", db)
        felter.append("tilbuddets, driftsherrens og takstniveauets navn (import)")
        noegle = s.noegle("jammerbugt@demo.takstfil.dk")
        tilbud = toftehoej(s)
        for i, a in enumerate(ANGREB):
            d = niveau_ind(f"{a} {i}", m.aar + 1, 1000000 + i, tekst=a)
            d["andreIndtaegter"] = [{"tekst": a, "beloeb": "1000"}]
            d["begrundelse"] = a
            d["indsend"] = True
            kald(f"{s.url}/api/v1/indberetning/tilbud/{tilbud}/takstniveau", "PUT", d, noegle)
        felter.append("omkostningslinjer, andre indtægter, begrundelse og niveaunavn (API)")
        for a in ANGREB:
            m.tf("rapport", "kommentar", "--aar", "2019", "--tabel", "takstudvikling", "--driftsherre", "Aarhus Kommune",
                 "--tekst", a, "--db", db, check=False)
        felter.append("kommentarer til ledelsesinformationen")

        sekretariat = login_opener(s, "sekretariat@demo.takstfil.dk", "demo-sekretariat")
        driftsherre = login_opener(s, "jammerbugt@demo.takstfil.dk", "demo-jammerbugt")
        admin = login_opener(s, "admin@demo.takstfil.dk", "demo-admin-1")
        start = ["/", f"/?aar={m.aar}", "/ledelsesinformation?aar=2019", "/socialtilsyn", "/log-ind"] + \
                [f"/?q={urllib.parse.quote(a)}" for a in ANGREB] + [f"/log-ind?naeste={urllib.parse.quote(a)}" for a in ANGREB]
        for hvem, opener, ekstra in (("offentlig", None, []), ("sekretariat", sekretariat, ["/sekretariat", "/sekretariat/revisionslog"]),
                                     ("driftsherre", driftsherre, ["/indberetning", "/indberetning/ledelsesinformation", "/konto"]),
                                     ("admin", admin, ["/admin"])):
            set_ = set()
            koe = start + ekstra
            while koe and len(set_) < args.xss_sider:
                sti = koe.pop(0)
                if sti in set_:
                    continue
                set_.add(sti)
                st, krop = kald(s.url + sti, opener=opener)
                if st != 200:
                    continue
                t = krop.decode("utf-8", "replace")
                if "<html" not in t[:500].lower():
                    continue
                p = XSSTjek()
                p.feed(t)
                sider += 1
                med_maerke += p.tekst_med_maerke > 0
                fund += [f"{hvem} {sti}: {f}" for f in p.fund]
                for l in p.links:
                    u = urllib.parse.urlparse(l)
                    if not u.netloc and u.path.startswith("/") and not re.search(r"\.(csv|xlsx|json|svg|css|js)$|format=|/log-ud", l):
                        if l not in set_:
                            koe.append(l)
    finally:
        s.stop()
    md(f"{len(ANGREB)} angreb (`\"><script>`, `javascript:`, attributbrydere, `</textarea>`, `</title>`) i: "
       f"{'; '.join(felter)}; samt søgning (`?q=`) og `naeste` ved log ind. {sider} sider hentet som offentlig, "
       f"sekretariat, driftsherre og admin og parset: {med_maerke} viste angrebsteksten (som tekst), "
       f"{len(fund)} fund af udeskaperet output (script med input, on*-attributter, javascript:-links).")
    for f in fund[:10]:
        md(f"- {f}")
    md()
    resultat("XSS-korpus", not fund and med_maerke > 0 and sider > 10, f"{len(fund)} fund, {sider} sider, {med_maerke} med angreb")


def login_opener(s, email, kodeord):
    st, opener = log_ind(s, email, kodeord)
    if st != 303:
        raise RuntimeError(f"log ind som {email}: {st}")
    return opener


# ---------------------------------------------------------------- main

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--takstfil", required=True)
    a.add_argument("--pg-url", help="postgres://superbruger@vært:port (databaser oprettes og slettes)")
    a.add_argument("--psql")
    a.add_argument("--kort", action="store_true", help="små størrelser til testkommandoen")
    a.add_argument("--kun", default="kill,skrivere,fuzz,soak,dump,xss")
    a.add_argument("--rapport", help="skriv Markdown-rapporten hertil")
    args = a.parse_args()
    k = args.kort
    args.kill_sqlite, args.kill_pg = (3, 2) if k else (100, 30)
    args.skrivere, args.skrivninger = (8, 15) if k else (8, 200)
    args.fuzz = 4000 if k else 1_000_000
    args.soak_sekunder = 20 if k else 1800
    args.prøve_hvert = 5 if k else 60
    args.import_hvert = 8 if k else 60
    args.rss_udsving = 50 if k else 10
    args.xss_sider = 60 if k else 400
    m = Miljoe(args)
    kun = args.kun.split(",")
    md("# Robusthed")
    md()
    md(f"Målt {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} med `scripts/robusthed{' --kort' if k else ''}`. "
       f"Maskine: {os.cpu_count()} kerner, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB RAM, "
       f"{os.uname().sysname} {os.uname().release}; belastning før start {open('/proc/loadavg').read().split()[:3]}.")
    md()
    try:
        data = generer(m, k)
        for navn, f in (("kill", lambda: kill(m, args, data)), ("skrivere", lambda: skrivere(m, args)),
                        ("fuzz", lambda: fuzz(m, args, data)), ("soak", lambda: soak(m, args, data)),
                        ("dump", lambda: dump(m, args, data)), ("xss", lambda: xss(m, args, data))):
            if navn not in kun:
                continue
            log(f"== {navn}")
            t0 = time.time()
            try:
                f()
            except Exception as e:
                resultat(navn, False, f"afbrudt: {e}")
            log(f"   {navn}: {time.time() - t0:.0f} s")
    finally:
        shutil.rmtree(m.mappe, ignore_errors=True)
    if args.rapport:
        with open(args.rapport, "w", encoding="utf-8") as f:
            f.write("\n".join(RAPPORT) + "\n")
    ok = sum(1 for _, o in RESULTATER if o)
    print(f"Robusthed: {ok} passed, {len(RESULTATER) - ok} failed")
    return 0 if ok == len(RESULTATER) else 1


if __name__ == "__main__":
    sys.exit(main())
