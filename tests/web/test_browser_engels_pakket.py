"""In a real browser (Playwright with Debian's chromium), as an English-reading parent in an inburgering traject would:
from the questionnaire to the application packet in English, the cover letter downloaded as PDF (Dutch letter, an
English page for the parent at the end), and the assessment check in English at 1280 and 320 pixels with the keyboard
only (Tab to every field, type, Enter). axe-core finds nothing serious; nothing scrolls sideways at 320 px."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from test_browser import SCHERMAFDRUKKEN, toegankelijk

pytestmark = pytest.mark.browser

JAAR = dt.date.today().year


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from test_browser import draaiende_server

    from conftest import maak_app

    app = maak_app(f"sqlite:///{tmp_path_factory.mktemp('engels-pakket') / 'kotwijzer.sqlite'}")
    with draaiende_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    from test_browser import ARGS, CHROMIUM

    with sync_playwright() as p:
        br = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield br
        br.close()


def _schermafdruk(pg, naam: str) -> None:
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCHERMAFDRUKKEN / naam), full_page=True)


def _klik(pg, selector: str) -> None:
    with pg.expect_navigation():
        pg.click(selector)
    pg.wait_for_load_state()


def _breed_genoeg(pg, breedte: int, naam: str) -> None:
    if breedte <= 320:
        assert pg.evaluate("document.documentElement.scrollWidth") <= breedte, f"{naam}: de pagina schuift zijwaarts"


def _tab_naar(pg, id_: str, maximum: int = 400) -> None:
    """Press Tab until the element with this id has the focus (it must be reachable with the keyboard)."""
    for _ in range(maximum):
        if pg.evaluate("document.activeElement && document.activeElement.id") == id_:
            return
        pg.keyboard.press("Tab")
    raise AssertionError(f"#{id_} is niet met Tab te bereiken")


def _typ(pg, id_: str, tekst: str) -> None:
    _tab_naar(pg, id_)
    pg.keyboard.press("Control+A")
    pg.keyboard.type(tekst)


def _uitkomst_inburgeraar(pg, server) -> None:
    """The questionnaire in English: one parent in an inburgering course, one child in dagopvang, not applied yet."""
    pg.goto(server + "/")
    _klik(pg, "#taalwissel")
    assert pg.get_attribute("html", "lang") == "en"
    pg.goto(server + "/vragen")
    pg.select_option("#berekeningsjaar", str(JAAR))
    pg.check("#partner-nee")
    pg.select_option("#aantal_kinderen", "1")
    _klik(pg, "button[value=volgende]")
    pg.check("#aanvrager-0-situatie-inburgering")
    pg.fill("#aanvrager-0-van", f"{JAAR - 1}-09-01")
    _klik(pg, "button[value=volgende]")
    pg.fill("#kind-0-geboortedatum", f"{JAAR - 2}-03-01")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "80")
    pg.fill("#kind-0-opvang-0-uurprijs", "10.50")
    _klik(pg, "button[value=volgende]")
    pg.fill("#toetsingsinkomen", "24,000")
    pg.check("#aangevraagd-nee")
    _klik(pg, "button[value=volgende]")
    _klik(pg, "button[value=bereken]")
    assert pg.inner_text("#kop-bedrag").startswith("If you apply now, you get €")


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils ontbreekt (scripts/system-deps.sh)")
@pytest.mark.parametrize("breedte", [1280, 320])
def test_inburgeraar_pakket_in_het_engels_met_nederlandse_brief(server, browser, breedte, tmp_path):
    ctx = browser.new_context(locale="en-GB", viewport={"width": breedte, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(20_000)
    _uitkomst_inburgeraar(pg, server)
    link = pg.locator("#naar-pakket")
    assert link.count() == 1 and "Dutch" not in link.inner_text() and link.get_attribute("hreflang") is None
    _klik(pg, "#naar-pakket")
    assert pg.get_attribute("html", "lang") == "en" and pg.locator("#taalwissel").count() == 1
    t = pg.inner_text("main")
    assert "Application packet for kinderopvangtoeslag" in pg.inner_text("h1")
    assert "An inburgering (civic integration) course or training" in t and "Step by step" in t
    assert "Documents to send" in t and "Changes to report" in t and "The letter is in Dutch" in t
    assert "I apply for kinderopvangtoeslag for" in t and "Stap voor stap" not in t
    assert pg.locator("a[href='tel:08000543']").count() >= 1
    toegankelijk(pg, f"pakket en {breedte}")
    _breed_genoeg(pg, breedte, "pakket")
    _schermafdruk(pg, f"engels-pakket-{breedte}.png")
    # the letter with the keyboard: a name, a date, then Enter on the download button
    _typ(pg, "naam", "A. Jansen")
    _typ(pg, "datum", f"15-03-{JAAR}")
    _tab_naar(pg, "brief-maken")
    assert "(in Dutch)" in pg.inner_text("#brief-maken")
    with pg.expect_download() as dl:
        pg.keyboard.press("Enter")
    pdf = tmp_path / "brief.pdf"
    dl.value.save_as(str(pdf))
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    paginas = [" ".join(p.split()) for p in tekst.split("\f") if p.strip()]
    assert "Ik vraag kinderopvangtoeslag aan voor" in paginas[0] and "A. Jansen" in paginas[0]
    assert f"15 maart {JAAR}" in paginas[0] and "Geachte heer, mevrouw," in paginas[0]
    ouder = next(i for i, p in enumerate(paginas) if "For yourself (do not send)" in p)
    assert "Step by step" in paginas[ouder] and "Stap voor stap" not in " ".join(paginas[ouder:])
    assert "Bijlage bij de brief: de tekst van de wetsartikelen" in " ".join(paginas[1:ouder])
    # the first page and the last rendered to images (looked at: docs/screenshots when refreshed)
    for nr, naam in ((1, "brief"), (ouder + 1, "voor-de-ouder")):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(nr),
                "-l",
                str(nr),
                "-singlefile",
                str(pdf),
                str(tmp_path / naam),
            ],
            check=True,
        )
        png = tmp_path / f"{naam}.png"
        assert png.stat().st_size > 10_000, naam
        if breedte == 1280:
            SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
            shutil.copy(png, SCHERMAFDRUKKEN / f"engels-pakket-pdf-{naam}.png")
    ctx.close()


@pytest.mark.parametrize("breedte", [1280, 320])
def test_inburgeraar_controleert_brief_in_het_engels_met_toetsenbord(server, browser, breedte):
    ctx = browser.new_context(locale="en-GB", viewport={"width": breedte, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(20_000)
    _uitkomst_inburgeraar(pg, server)
    # from the result to the letter check with the keyboard
    _tab_naar(pg, "naar-beschikking")
    with pg.expect_navigation():
        pg.keyboard.press("Enter")
    assert pg.get_attribute("html", "lang") == "en"
    assert "Check a letter from Dienst Toeslagen" in pg.inner_text("h1")
    toegankelijk(pg, f"briefcontrole leeg {breedte}")
    _breed_genoeg(pg, breedte, "briefcontrole leeg")
    # the letter's figures, typed; the child, the period and the kind of care are filled in from the answers
    _typ(pg, "datum", f"10-01-{JAAR}")
    _typ(pg, "toetsingsinkomen", "24000")
    _typ(pg, "r-0-uren", "80")
    _typ(pg, "r-0-uurprijs", "9.50")
    _tab_naar(pg, "r-0-rangorde")
    pg.keyboard.press("ArrowDown")  # "1st child"
    assert pg.input_value("#r-0-rangorde") == "1"
    _typ(pg, "r-0-percentage", "90")
    _tab_naar(pg, "controleer")
    with pg.expect_navigation():
        pg.keyboard.press("Enter")
    t = pg.inner_text("main")
    assert "The letter differs from the law" in pg.inner_text("#controle-kop")
    assert "According to the letter, the allowance for the year is €" in t
    assert "What is different, and why" in t and "In the letter: €9.50 per hour." in t
    assert "The letter is dated 10 January" in t and "The bezwaarschrift (objection letter) is in Dutch" in t
    assert "Volgens de brief" not in t and "Wat er anders is" not in t
    toegankelijk(pg, f"briefcontrole en {breedte}")
    _breed_genoeg(pg, breedte, "briefcontrole")
    _schermafdruk(pg, f"engels-briefcontrole-{breedte}.png")
    # the draft bezwaarschrift, with the keyboard: Dutch
    _tab_naar(pg, "bezwaar-pdf")
    assert "(in Dutch)" in pg.inner_text("#bezwaar-pdf")
    with pg.expect_download() as dl:
        pg.keyboard.press("Enter")
    if shutil.which("pdftotext"):
        concept = subprocess.run(
            ["pdftotext", str(dl.value.path()), "-"], capture_output=True, check=True, text=True
        ).stdout
        assert "bezwaar" in concept and "According to the law" not in concept and "Volgens de wet" in concept
    ctx.close()
