"""In a real browser (Playwright with Debian's chromium), as parents would: the parent holding the 2025 letter
(income EUR 70.000, two children) sees a range instead of '?', checks the letter, sees the differences and downloads
the draft bezwaarschrift; the couple planning 2027 sees an indication labelled as such. Back and reload lead to a
normal page; 320 pixels wide without sideways scrolling; axe-core finds no serious problem."""

from __future__ import annotations

import pytest

from browser_hulp import SCHERMAFDRUKKEN, chromium, lege_app, schermafdruk, toegankelijk

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with lege_app(tmp_path_factory, "beschikking") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as br:
        yield br


def _volgende(pg) -> None:
    with pg.expect_navigation():
        pg.click("button[value=volgende]")


def _gezin(pg, server, jaar: str, inkomen: str, aanvraag: str) -> None:
    pg.goto(server + "/vragen")
    pg.select_option("#berekeningsjaar", jaar)
    pg.check("#partner")
    pg.check("#bloedverwant")  # the first option: nee
    pg.select_option("#aantal_kinderen", "2")
    _volgende(pg)
    pg.check("#aanvrager-0-situatie")
    pg.fill("#aanvrager-0-van", "2020-01-01")
    _volgende(pg)
    pg.check("#partner-0-situatie")
    pg.fill("#partner-0-van", "2021-09-01")
    _volgende(pg)
    pg.fill("#kind-0-geboortedatum", "2023-04-12")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "80")
    pg.fill("#kind-0-opvang-0-uurprijs", "11,50")
    pg.fill("#kind-1-geboortedatum", "2018-02-01")
    pg.select_option("#kind-1-opvang-0-soort", "buitenschoolse_opvang")
    pg.fill("#kind-1-opvang-0-uren", "40")
    pg.fill("#kind-1-opvang-0-uurprijs", "9,50")
    _volgende(pg)
    pg.fill("#toetsingsinkomen", inkomen)
    pg.check("#aangevraagd")  # yes, applied on the date below
    pg.fill("#aanvraagdatum", aanvraag)
    _volgende(pg)
    with pg.expect_navigation():
        pg.click("button[value=bereken]")


_breed = schermafdruk


def test_ouder_met_brief_2025(server, browser):
    ctx = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(20_000)
    _gezin(pg, server, "2025", "70000", "2025-01-05")
    assert "tussen € 1.079,73 en € 1.109,75 per maand" in pg.inner_text("#bereik-bedrag").replace("\u00a0", " ")
    assert "?" not in pg.inner_text("#toeslag-1")
    _breed(pg, "uitkomst-2025-bereik.png")
    toegankelijk(pg, "uitkomst 2025 bereik")
    with pg.expect_navigation():
        pg.click("#naar-beschikking")
    pg.fill("#datum", "20-11-2026")
    pg.fill("#toetsingsinkomen", "70000")
    for veld, w in {
        "r-0-tot": "30-11-2025",
        "r-0-uren": "80",
        "r-0-uurprijs": "10,25",
        "r-0-percentage": "87,3",
        "r-0-bedrag": "7874,46",
        "r-1-uren": "40",
        "r-1-uurprijs": "9,50",
        "r-1-percentage": "80",
        "r-1-bedrag": "3648",
        "al_betaald": "13000",
    }.items():
        pg.fill(f"#{veld}", w)
    pg.select_option("#r-0-rangorde", "1")
    pg.select_option("#r-1-rangorde", "2")
    with pg.expect_navigation():
        pg.click("#controleer")
    assert "wijkt af" in pg.inner_text("#controle-kop")
    tekst = pg.inner_text("#verschillen")
    assert "maximum uurprijs van 2024" in tekst and "lijkt" in tekst and "december" in tekst
    assert "4 januari 2027" in pg.inner_text("#bezwaartermijn")
    _breed(pg, "beschikking-2025-controle.png")
    toegankelijk(pg, "beschikking controle")
    pg.fill("#naam", "Proef Ouder")
    with pg.expect_download() as dl:
        pg.click("#bezwaar-pdf")
    pad = SCHERMAFDRUKKEN / "bezwaarschrift-2025.pdf"
    dl.value.save_as(str(pad))
    assert pad.read_bytes().startswith(b"%PDF")
    # reload re-sends the form (the letter is not stored); Back returns to the empty form: a normal page either way
    pg.go_back()
    assert pg.locator("main h1").count() == 1
    ctx.close()
    # 320 pixels
    ctx = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 800})
    pg = ctx.new_page()
    _gezin(pg, server, "2025", "70000", "2025-01-05")
    with pg.expect_navigation():
        pg.click("#naar-beschikking")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 320
    _breed(pg, "beschikking-2025-320.png")
    ctx.close()


def test_paar_plant_2027(server, browser):
    ctx = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 800})
    pg = ctx.new_page()
    pg.set_default_timeout(20_000)
    _gezin(pg, server, "2027", "60000", "2026-12-06")
    assert pg.inner_text("#bereik-label").startswith("Indicatie, niet de wet.")
    assert "Indicatie" in pg.inner_text("#bereik-bedrag")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 320
    _breed(pg, "uitkomst-2027-indicatie-320.png")
    toegankelijk(pg, "uitkomst 2027 indicatie")
    ctx.close()
