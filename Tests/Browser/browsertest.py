#!/usr/bin/env python3
"""Browser tests of the Takstfil web application (issue "Webapplikationen" 6).

Starts `takstfil serve --demo` on a free loopback port with a temporary SQLite database, drives
Debian's Chromium through chromium-driver with Selenium, and checks:

  1. search -> tilbud page (the public takstfil),
  2. the public pages and the narrow screen, with axe (no serious or critical violations),
  3. a driftsherre signs in -> edits next year's takst (a refused value is shown next to the
     field, in Danish) -> saves -> submits,
  4. the secretariat approves with the decision reference -> publishes the year -> the takst is
     public.

Screenshots and axe results are saved in the artefact folder (default: artefakter/browser).
The last line is the summary scripts/test reads: "Browsertests: N passed, N failed".

Usage: browsertest.py --takstfil .build/debug/takstfil [--artefakter artefakter/browser]
"""
import argparse
import io
import zipfile
import datetime
from decimal import Decimal
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ARGS = None
SERVER = {}
NAESTE_AAR = datetime.date.today().year + 1
# Toftehøj's new Takst 1: 640.000 kr. / (2 pladser x 365 døgn x 95 %) = 922,855... -> 922,86 (øre).
FORVENTET_TAKST = "922,86"


def ledig_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_server():
    mappe = tempfile.mkdtemp(prefix="takstfil-browser-")
    port = ledig_port()
    log = open(os.path.join(mappe, "serve.log"), "w")
    proc = subprocess.Popen(
        [ARGS.takstfil, "serve", "--demo", "--db", os.path.join(mappe, "demo.sqlite"), "--hostname", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env={k: v for k, v in os.environ.items() if k not in ("TAKSTFIL_DB", "DATABASE_URL")})
    url = f"http://127.0.0.1:{port}"
    # Demo data takes a while to load in a debug build; wait for the health check.
    for _ in range(600):
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                if r.status == 200:
                    SERVER.update(proc=proc, url=url, mappe=mappe, log=log)
                    return
        except OSError:
            pass
        time.sleep(0.5)
    proc.kill()
    log.close()
    print(open(os.path.join(mappe, "serve.log")).read()[-4000:])
    raise RuntimeError("takstfil serve --demo svarede ikke på /healthz")


def stop_server():
    if "proc" in SERVER:
        SERVER["proc"].terminate()
        try:
            SERVER["proc"].wait(timeout=30)
        except subprocess.TimeoutExpired:
            SERVER["proc"].kill()
        SERVER["log"].close()
        shutil.copy(os.path.join(SERVER["mappe"], "serve.log"), os.path.join(ARGS.artefakter, "serve.log"))
        shutil.rmtree(SERVER["mappe"], ignore_errors=True)


def ny_browser():
    o = webdriver.ChromeOptions()
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000", "--lang=da-DK"]:
        o.add_argument(a)
    if os.path.exists("/usr/bin/chromium"):
        o.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=o)


class Takstfil(unittest.TestCase):
    """One scenario in order: the methods share the browser and the server's data."""

    @classmethod
    def setUpClass(cls):
        cls.d = ny_browser()
        cls.vent = WebDriverWait(cls.d, 30)
        cls.axe_resultater = {}

    @classmethod
    def tearDownClass(cls):
        with open(os.path.join(ARGS.artefakter, "axe.json"), "w", encoding="utf-8") as f:
            json.dump(cls.axe_resultater, f, ensure_ascii=False, indent=2)
        cls.d.quit()

    # Helpers

    def aabn(self, sti):
        self.d.get(SERVER["url"] + sti)
        self.vent.until(EC.presence_of_element_located((By.TAG_NAME, "footer")))

    def skud(self, navn):
        self.d.save_screenshot(os.path.join(ARGS.artefakter, navn + ".png"))

    def axe(self, navn):
        """No serious or critical accessibility violations on the current page."""
        a = Axe(self.d)
        a.inject()
        r = a.run()
        alvorlige = [v for v in r["violations"] if v.get("impact") in ("serious", "critical")]
        self.axe_resultater[navn] = {"url": self.d.current_url,
                                     "overtraedelser": [{"id": v["id"], "impact": v["impact"], "antal": len(v["nodes"])} for v in r["violations"]]}
        self.assertEqual(alvorlige, [], f"{navn}: {a.report(alvorlige)}")

    def tekst(self):
        return self.d.find_element(By.TAG_NAME, "body").text

    def felt(self, navn, vaerdi):
        e = self.d.find_element(By.NAME, navn)
        e.clear()
        e.send_keys(vaerdi)

    def klik(self, element):
        """Clicks something that loads a new page and waits until the new page is there.

        The old page is marked with a property on `window`; a new document does not have it.
        Selenium's `staleness_of` is not used: while Chromium swaps documents it can answer
        "Node with given id does not belong to the document" instead of "stale", which failed
        a CI run. Any driver error during the swap just means "not there yet".
        """
        self.d.execute_script("window.__takstfilGammelSide = true;")
        element.click()

        def ny_side_klar(d):
            try:
                return d.execute_script(
                    "return window.__takstfilGammelSide !== true && document.readyState === 'complete'"
                    " && document.getElementsByTagName('footer').length > 0;")
            except WebDriverException:
                return False

        self.vent.until(ny_side_klar)

    def klik_knap(self, tekst):
        self.klik(self.d.find_element(By.XPATH, f"//button[normalize-space()='{tekst}']"))

    def klik_lenke(self, tekst):
        self.klik(self.d.find_element(By.LINK_TEXT, tekst))

    def log_ind(self, email, kodeord):
        self.aabn("/log-ind")
        self.felt("email", email)
        self.felt("kodeord", kodeord)
        self.klik_knap("Log ind")
        self.assertIn(f"Du er logget ind som {email}", self.tekst())

    def log_ud(self):
        self.klik_knap("Log ud")
        self.assertIn("Du er logget ud", self.tekst())

    # The scenario

    def test_1_soegning_til_tilbudsside(self):
        self.aabn("/")
        self.assertIn("Tilbud og takster", self.d.find_element(By.TAG_NAME, "h1").text)
        self.skud("01-forside")
        self.axe("forside")
        self.d.find_element(By.CSS_SELECTOR, "select[name=aar] option[value='2021']").click()
        self.felt("q", "Toftehøj")
        self.klik_knap("Vis")
        self.assertIn("1 tilbud med offentliggjorte takster", self.tekst())
        for takst in ["891,89", "1.075,95", "1.352,04", "1.950,23"]:
            self.assertIn(takst, self.tekst())
        self.skud("02-soegning-toftehoej")
        self.klik_lenke("Toftehøj")
        self.assertEqual(self.d.find_element(By.TAG_NAME, "h1").text.strip(), "Toftehøj")
        side = self.tekst()
        self.assertIn("Takstberegningsgrundlag", side)
        self.assertIn("693,5", side)
        self.assertIn("618.526,00", side)
        self.assertTrue(self.d.find_elements(By.CSS_SELECTOR, "figure svg[role=img]"), "historikken som SVG")
        self.skud("03-tilbud-toftehoej")
        self.axe("tilbudsside")

    def test_2_offentlige_sider_og_smal_skaerm(self):
        for sti, navn, overskrift, indhold in [
                ("/ledelsesinformation", "04-ledelsesinformation", "Ledelsesinformation", "Tabel 1. Takstudvikling på regnskab"),
                ("/kapacitet?efter=ejerform,maalgruppe", "04b-kapacitet", "Pladsoversigt", "Pladser pr. gruppe"),
                ("/socialtilsyn", "05-socialtilsyn", "Socialtilsynets takster", "Objektiv finansiering"),
                ("/log-ind", "06-log-ind", "Log ind", "Kodeord")]:
            self.aabn(sti)
            self.assertIn(overskrift, self.d.find_element(By.TAG_NAME, "h1").text)
            self.assertIn(indhold, self.tekst())
            self.skud(navn)
            self.axe(navn[3:])
        # A narrow screen: the page itself never scrolls sideways (wide tables scroll in their box).
        self.d.set_window_size(375, 800)
        try:
            for sti in ["/", "/ledelsesinformation"]:
                self.aabn(sti)
                bredde = self.d.execute_script("return document.documentElement.scrollWidth")
                vindue = self.d.execute_script("return window.innerWidth")
                self.assertLessEqual(bredde, vindue + 1, f"{sti} er bredere end skærmen ({bredde} > {vindue})")
            self.aabn("/")
            self.skud("07-forside-smal-skaerm")
        finally:
            self.d.set_window_size(1280, 1000)

    def test_3_driftsherre_indberetter_og_indsender(self):
        self.log_ind("jammerbugt@demo.takstfil.dk", "demo-jammerbugt")
        self.assertIn(f"Indberetning {NAESTE_AAR}", self.d.find_element(By.TAG_NAME, "h1").text)
        self.assertIn("Frist for indberetning af takster", self.tekst())
        self.skud("08-indberetning-oversigt")
        self.axe("indberetning-oversigt")
        self.klik_lenke("Toftehøj")
        self.assertIn("Toftehøj", self.d.find_element(By.TAG_NAME, "h1").text)
        self.klik_lenke(f"Nyt takstniveau for {NAESTE_AAR}")
        self.felt("niveau", "Takst 1")
        self.felt("pladser", "2")
        self.felt("belaegningsprocent", "95")
        self.d.find_element(By.CSS_SELECTOR, "select[name=afrunding] option[value=oere]").click()
        # A Danish reader's "640.000" is ambiguous to a program: refused, next to the field, nothing saved.
        self.felt("omk_personale", "640.000")
        self.klik_knap("Gem kladde")
        fejl = self.d.find_element(By.ID, "f-omk_personale-fejl").text
        self.assertIn("tvetydigt", fejl)
        self.assertEqual(self.d.find_element(By.ID, "f-omk_personale").get_attribute("aria-invalid"), "true")
        self.assertEqual(self.d.find_element(By.NAME, "pladser").get_attribute("value"), "2", "det indtastede bevares")
        self.skud("09-takstformular-fejl")
        self.axe("takstformular-med-fejl")
        self.felt("omk_personale", "640000")
        self.klik_knap("Gem kladde")
        self.assertIn(f"Takst 1 {NAESTE_AAR} er gemt som kladde", self.tekst())
        self.assertIn(f"Beregnet takst: {FORVENTET_TAKST} kr.", self.tekst())
        self.skud("10-takstformular-gemt")
        self.axe("takstformular")
        self.klik_knap("Gem og indsend")
        self.assertIn("indsendt til sekretariatet", self.tekst())
        self.assertIn("Indsendt", self.tekst())
        self.skud("11-takst-indsendt")
        # The regnskab and belægning forms on the tilbud's page.
        self.klik_lenke("← Toftehøj")
        self.assertIn("Indberet regnskab", self.tekst())
        self.axe("regnskab-og-belaegning")
        # The comment round of the ledelsesinformation: an empty comment is refused at its field, a real one is listed.
        self.aabn("/indberetning")
        self.klik_lenke("Kommentér jeres rækker i ledelsesinformationen")
        self.assertIn("Kommentarrunden for", self.tekst())
        # Only spaces pass the browser's own check of the required field; the server refuses them.
        self.felt("tekst", "   ")
        self.klik_knap("Gem kommentar")
        self.assertIn("Kommentaren er tom.", self.d.find_element(By.ID, "f-tekst-fejl").text)
        self.felt("tekst", "Nyt tilbud i året; se note")
        self.klik_knap("Gem kommentar")
        self.assertIn("Kommentaren er gemt", self.tekst())
        self.assertIn("Nyt tilbud i året; se note", self.tekst())
        self.skud("11b-kommentarrunde")
        self.axe("kommentarrunde")
        self.aabn("/konto")
        self.axe("konto")
        self.log_ud()

    def test_4_sekretariat_godkender_og_offentliggoer(self):
        self.log_ind("sekretariat@demo.takstfil.dk", "demo-sekretariat")
        self.assertIn("Behandling af indberetninger", self.tekst())
        self.skud("12-behandling")
        self.axe("behandling")
        raekke = self.d.find_element(By.XPATH, "//tr[td/a[normalize-space()='Toftehøj'] and td[normalize-space()='Takst 1']]")
        self.assertIn(FORVENTET_TAKST, raekke.text)
        self.klik(raekke.find_element(By.LINK_TEXT, "Toftehøj"))
        self.d.find_element(By.CSS_SELECTOR, "select[name=organ] option[value=FU]").click()
        dato = f"{NAESTE_AAR - 1}-11-20"
        self.d.execute_script("arguments[0].value = arguments[1]", self.d.find_element(By.NAME, "dato"), dato)
        self.felt("punkt", "4")
        self.felt("tekst", "FU godkendte nye takster for Toftehøj")
        self.skud("13-godkend")
        self.axe("godkendelse")
        self.klik_knap("Godkend")
        self.assertIn("Toftehøj – Takst 1", self.tekst())
        self.assertIn("er godkendt", self.tekst())
        self.klik_knap(f"Offentliggør {NAESTE_AAR}")
        self.assertIn(f"for {NAESTE_AAR} er offentliggjort", self.tekst())
        self.aabn("/revisionslog?entitet=takstniveau&handling=godkendt")
        self.assertIn("sekretariat@demo.takstfil.dk", self.tekst())
        self.skud("14-revisionslog")
        self.axe("revisionslog")
        self.log_ud()
        # Public, without a login.
        self.aabn(f"/?aar={NAESTE_AAR}&q=Toftehøj")
        self.assertIn(FORVENTET_TAKST, self.tekst())
        self.klik_lenke("Toftehøj")
        self.assertIn(f"Takster {NAESTE_AAR}", self.tekst())
        self.assertIn("Godkendt af FU", self.tekst())
        self.skud("15-offentlig-efter-godkendelse")

    def test_5_oevrige_formularer(self):
        """The remaining forms: parameters, administration, the socialtilsyn's budget."""
        for email, kodeord, sider in [
                ("sekretariat@demo.takstfil.dk", "demo-sekretariat", [("/sekretariat/parametre", "16-parametre", "Årlige parametre")]),
                ("admin@demo.takstfil.dk", "demo-admin-1", [("/admin", "17-admin", "Brugere og organisationer")]),
                ("socialtilsyn@demo.takstfil.dk", "demo-socialtilsyn", [("/socialtilsyn/indberet?aar=2024", "18-socialtilsyn-budget", "Socialtilsynets budget")])]:
            self.log_ind(email, kodeord)
            for sti, navn, overskrift in sider:
                self.aabn(sti)
                self.assertIn(overskrift, self.d.find_element(By.TAG_NAME, "h1").text)
                self.skud(navn)
                self.axe(navn[3:])
            self.log_ud()

    def test_6_afdaekning_af_udbud_og_efterspoergsel(self):
        """A kommune answers with a range and a ?, the secretariat sees 8 of 11 and the summed range,
        publishes; the public report shows ≤3 for Jammerbugt's exact 2, which appears nowhere."""
        self.log_ind("jammerbugt@demo.takstfil.dk", "demo-jammerbugt")
        self.klik_lenke("Afdækning")
        self.klik(self.d.find_element(By.PARTIAL_LINK_TEXT, "Udbud og efterspørgsel"))
        felter = [e.get_attribute("name") for e in self.d.find_elements(By.CSS_SELECTOR, "input[name^=s1_]")]
        self.assertEqual(len(felter), 3, felter)
        # A bad count first: refused with the field, nothing saved.
        self.felt(felter[0], "10-8")
        self.klik_knap("Gem kladde")
        self.assertIn("går baglæns", self.tekst())
        self.axe("afdaekning-svar-med-fejl")
        for navn, vaerdi in zip(felter, ["8-10", "?", "2"]):
            self.felt(navn, vaerdi)
        self.d.find_element(By.CSS_SELECTOR, "select[name=s2] option[value=Ja]").click()
        self.felt("s3", "Venteliste til døgnpladser")
        self.skud("19-afdaekning-svar")
        self.axe("afdaekning-svar")
        self.klik_knap("Indsend")
        self.assertIn("Svaret er indsendt", self.tekst())
        self.assertIn("Jeres svar: indsendt", self.tekst())
        self.log_ud()

        self.log_ind("sekretariat@demo.takstfil.dk", "demo-sekretariat")
        self.klik_lenke("Afdækninger")
        self.assertIn("8 af 11 kommuner, 73 %", self.tekst())
        self.axe("afdaekninger")
        self.klik(self.d.find_element(By.PARTIAL_LINK_TEXT, "Udbud og efterspørgsel"))
        self.assertIn("Svar: 8 af 11 kommuner, 73 %", self.tekst())
        # First year: 3 + 3 + 8-10 + 2 + 4-6 + 15 (the demo's seven) + Jammerbugt's 8-10.
        beregnet = self.d.find_element(By.XPATH, "//tr[th[normalize-space()='I alt (beregnet)'] or td[normalize-space()='I alt (beregnet)']]")
        self.assertIn("43-49", beregnet.text)
        self.assertIn("Venteliste til døgnpladser", self.tekst())
        self.skud("20-afdaekning-sekretariat")
        self.axe("afdaekning-sekretariat")
        self.d.find_element(By.CSS_SELECTOR, "select[name=organ] option[value=DAS]").click()
        self.d.execute_script("arguments[0].value = arguments[1]", self.d.find_element(By.NAME, "dato"), f"{NAESTE_AAR - 1}-06-02")
        self.felt("punkt", "5")
        self.klik_knap("Offentliggør")
        self.assertIn("er offentliggjort", self.tekst())
        offentlig = self.d.find_element(By.LINK_TEXT, "Se den offentlige rapport").get_attribute("href")
        self.log_ud()

        # Public: the masked figures only.
        self.d.get(offentlig)
        self.vent.until(EC.presence_of_element_located((By.TAG_NAME, "footer")))
        raekke = self.d.find_element(By.XPATH, "//tr[*[normalize-space()='Jammerbugt Kommune']]")
        celler = [c.text.strip() for c in raekke.find_elements(By.XPATH, "./*")]
        self.assertEqual(celler[1:], ["8-10", "?", "≤3"], celler)
        alle_celler = [c.text.strip() for c in self.d.find_elements(By.CSS_SELECTOR, "td, th")]
        self.assertNotIn("2", alle_celler)
        self.assertNotIn("Venteliste", self.tekst())
        self.skud("21-afdaekning-offentlig")
        self.axe("afdaekning-offentlig")
        with urllib.request.urlopen(offentlig + "?format=csv") as r:
            csv = r.read().decode("utf-8-sig")
        csv_celler = [c.strip() for linje in csv.splitlines() for c in linje.split(";")]
        self.assertIn("≤3", csv_celler)
        self.assertNotIn("2", csv_celler)
        with urllib.request.urlopen(offentlig + "?format=xlsx") as r:
            data = r.read()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            ark = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
        self.assertIn(">≤3<", ark)
        self.assertNotIn('preserve">2<', ark)
        self.assertNotIn("<v>2</v>", ark)


    def test_7_noegletal_og_sammenligning(self):
        """Key figures with the region's placement and the comparison of takster across regions, with axe."""
        self.aabn("/noegletal?gruppe=voksen&region=Nordjylland")
        self.assertIn("Nordjylland har højeste eller næsthøjeste placering i 10 af 13", self.tekst())
        self.assertGreaterEqual(len(self.d.find_elements(By.CSS_SELECTOR, "svg[role=img]")), 13)
        self.skud("22-noegletal")
        self.axe("noegletal")
        self.klik_lenke("Sammenlign offentliggjorte takster på tværs af regionerne")
        self.assertIn("Takster på tværs af regionerne", self.tekst())
        self.skud("23-sammenligning")
        self.axe("sammenligning")
        self.klik(self.d.find_element(By.CSS_SELECTOR, "tbody th a"))
        self.assertIn("Median pr. region", self.d.page_source)
        self.d.find_element(By.TAG_NAME, "summary").click()
        lenke = self.d.find_element(By.CSS_SELECTOR, "details li a")
        self.assertIn("/tilbud/", lenke.get_attribute("href"))
        self.skud("24-sammenligning-gruppe")
        self.axe("sammenligning-gruppe")


    def test_8_kontrakt_med_takst_paa_startdatoen(self):
        """A kommune drafts a standard contract inside the rammeaftale: the unit price is the published
        takst in force on the start date (checked against the API for two dates in different years);
        the form has no field that could carry a CPR number; saved, it is on the regulation list."""
        self.aabn("/kontrakter")
        self.assertIn("Kommunale tilbud reguleres pr. 1. januar", self.tekst())
        self.axe("kontrakter-pl-satser")
        self.log_ind("aalborg@demo.takstfil.dk", "demo-aalborg")
        self.klik_lenke("Ny kontrakt")
        form = self.d.find_element(By.CSS_SELECTOR, "form[action='/kontrakt']")
        navne = {e.get_attribute("name") for e in form.find_elements(By.CSS_SELECTOR, "input, select, textarea") if e.get_attribute("name")}
        self.assertTrue(navne, "the form has fields")
        for n in navne:
            self.assertNotRegex(n.lower(), r"cpr|person|borger|fodsel|foedsel", f"a field that could carry the citizen's identity: {n}")
        self.assertIn("Borgerens navn og CPR-nummer skrives kun i den underskrevne kontrakt", self.tekst())
        self.axe("kontrakt-formular")
        valg = [o for o in self.d.find_elements(By.CSS_SELECTOR, "select[name=tilbudniveau] option") if o.get_attribute("value")]
        self.assertTrue(valg, "published tilbud to choose from")
        vaerdi = valg[0].get_attribute("value")
        tilbud_id, niveau = vaerdi.split("|", 1)

        def api_takst(dato):
            aar = int(dato[:4])
            with urllib.request.urlopen(SERVER["url"] + f"/api/v1/tilbud?aar={aar}&dato={dato}") as r:
                liste = json.loads(r.read().decode("utf-8"))
            t = next(x for x in liste if x["id"].lower() == tilbud_id.lower())
            return next(n["takst"] for n in t["takstniveauer"] if n["navn"] == niveau)

        priser = []
        for start in [f"{NAESTE_AAR - 1}-06-01", f"{NAESTE_AAR - 2}-06-01"]:
            self.aabn("/kontrakt")
            self.felt("reference", "AAK-BROWSER-1")
            self.felt("ean", "5798000000001")
            self.d.find_element(By.CSS_SELECTOR, f"select[name=tilbudniveau] option[value='{vaerdi}']").click()
            self.felt("indsats1_paragraf", "SEL § 104")
            self.felt("indsats1_antal", "1")
            self.felt("indsats1_enhed", "dag")
            for navn, dato in [("indsats1_start", start), ("indsats1_opfoelgning", start.replace("-06-", "-09-"))]:
                self.d.execute_script("arguments[0].value = arguments[1]", self.d.find_element(By.NAME, navn), dato)
            self.klik_knap("Vis kontrakten")
            celle = self.d.find_element(By.CSS_SELECTOR, "td[data-enhedspris]")
            pris = celle.get_attribute("data-enhedspris")
            self.assertEqual(Decimal(pris), Decimal(api_takst(start)), f"the takst in force on {start}")
            self.assertIn("Se takstens beregning", self.tekst())
            priser.append(pris)
        self.assertNotEqual(priser[0], priser[1], "two years, two takster: the start date decides")
        self.assertIn("Borgerens navn og CPR-nummer udfyldes i den underskrevne kontrakt", self.tekst())
        self.skud("25-kontrakt")
        self.axe("kontrakt")

        # A CPR-like reference is refused; then saved and on the regulation list.
        self.aabn("/kontrakt")
        self.felt("reference", "0102031234")
        self.klik_knap("Vis kontrakten")
        self.assertIn("ligner et CPR-nummer", self.tekst())
        self.axe("kontrakt-formular-med-fejl")
        self.felt("reference", "AAK-BROWSER-1")
        self.felt("ean", "5798000000001")
        self.d.find_element(By.CSS_SELECTOR, "select[name=version] option[value=udenfor]").click()
        self.felt("leverandoer", "Bostedet Fjordly")
        self.d.find_element(By.CSS_SELECTOR, "select[name=leverandoertype] option[value=kommunal]").click()
        self.felt("pris", "1000")
        self.felt("indsats1_paragraf", "SEL § 108")
        self.felt("indsats1_antal", "1")
        self.felt("indsats1_enhed", "døgn")
        for navn, dato in [("indsats1_start", f"{NAESTE_AAR - 1}-02-01"), ("indsats1_opfoelgning", f"{NAESTE_AAR - 1}-05-01")]:
            self.d.execute_script("arguments[0].value = arguments[1]", self.d.find_element(By.NAME, navn), dato)
        self.klik_knap("Gem og vis")
        self.assertIn("Gemt som version 1 af AAK-BROWSER-1", self.tekst())
        self.klik_lenke("Reguleringsliste")
        self.assertIn("AAK-BROWSER-1", self.tekst())
        self.assertIn("Bostedet Fjordly", self.tekst())
        self.skud("26-reguleringsliste")
        self.axe("reguleringsliste")
        self.log_ud()


    def test_9_tabeller_der_passer(self):
        """At 1.400 px and 390 px no table is cut off: every cell is inside the page or inside a frame
        that scrolls it and can be reached with the keyboard; screenshots of both widths."""
        js = """
        const ud = [];
        const vw = document.documentElement.clientWidth;
        for (const c of document.querySelectorAll('td, th')) {
          const r = c.getBoundingClientRect();
          if (r.width === 0) continue;
          let ramme = null;
          for (let p = c.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if ((o === 'auto' || o === 'scroll') && p.scrollWidth > p.clientWidth) { ramme = p; break; }
          }
          if (ramme) { if (ramme.tabIndex < 0) ud.push('rammen kan ikke nås med tastaturet: ' + c.textContent.slice(0, 40)); continue; }
          if (r.right > vw + 1 || r.left < -1) ud.push('skåret af: ' + c.textContent.slice(0, 40));
        }
        return ud;
        """
        sider = ["/", "/ledelsesinformation?aar=2019", "/kapacitet", "/socialtilsyn?aar=2024", "/noegletal", "/sammenligning", "/kontrakter"]
        try:
            for bredde in (1400, 390):
                self.d.set_window_size(bredde, 1000)
                for sti in sider:
                    self.aabn(sti)
                    fejl = self.d.execute_script(js)
                    self.assertEqual(fejl, [], f"{sti} ved {bredde} px")
                    navn = sti.strip("/").split("?")[0] or "forside"
                    self.skud(f"27-bredde-{bredde}-{navn}")
                    if sti.startswith("/ledelsesinformation"):
                        self.axe(f"ledelsesinformation-{bredde}px")
            # Print: no menu, no forms or download links; the tables unclipped.
            self.d.set_window_size(1280, 1000)
            self.aabn("/")
            tilbud = self.d.find_element(By.CSS_SELECTOR, "tbody td a").get_attribute("href")
            self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            for navn, adresse in [("ledelsesinformation", SERVER["url"] + "/ledelsesinformation?aar=2019"), ("tilbud", tilbud)]:
                self.d.get(adresse)
                self.vent.until(EC.presence_of_element_located((By.TAG_NAME, "footer")))
                self.assertFalse(self.d.find_element(By.TAG_NAME, "header").is_displayed(), f"{navn}: the menu is not printed")
                self.assertFalse(any(e.is_displayed() for e in self.d.find_elements(By.CSS_SELECTOR, ".download")), navn)
                self.skud(f"28-udskrift-{navn}")
        finally:
            self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            self.d.set_window_size(1280, 1000)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--takstfil", required=True)
    p.add_argument("--artefakter", default="artefakter/browser")
    ARGS = p.parse_args()
    os.makedirs(ARGS.artefakter, exist_ok=True)
    resultat = None
    try:
        start_server()
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(Takstfil)
        resultat = unittest.TextTestRunner(verbosity=2, failfast=False).run(suite)
    finally:
        stop_server()
    fejlede = len(resultat.failures) + len(resultat.errors) if resultat else 1
    i_alt = resultat.testsRun if resultat else 1
    print(f"Browsertests: {i_alt - fejlede} passed, {fejlede} failed")
    return 0 if resultat and resultat.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
