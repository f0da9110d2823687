"""Browser tests (Playwright with Debian's chromium) for the parent flow in English and Dutch: the language switch on
every page keeps the answers and sets `lang`; the flow with and without an application date; 'Wijzigen' on the check
page returns to the check page; Back after a corrected error; the glossary; axe-core and 320 pixels."""

from __future__ import annotations

import datetime as dt

import pytest

from browser_hulp import chromium, lege_app, nieuwe_pagina, schermafdruk, toegankelijk

pytestmark = pytest.mark.browser

JAAR = dt.date.today().year


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with lege_app(tmp_path_factory, "taal") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as br:
        yield br


def _pagina(browser, breedte: int = 1280):
    return nieuwe_pagina(browser, "en-GB", breedte)


_schermafdruk = schermafdruk


def _klik(pg, selector: str) -> None:
    with pg.expect_navigation():
        pg.click(selector)
    pg.wait_for_load_state()


def _controleer(pg, naam: str, breedte: int, taal: str) -> None:
    assert pg.get_attribute("html", "lang") == taal, naam
    assert pg.locator("#taalwissel").count() == 1, f"{naam}: geen taalkeuze"
    toegankelijk(pg, f"{naam} {taal} {breedte}")
    if breedte <= 320:
        assert pg.evaluate("document.documentElement.scrollWidth") <= breedte, f"{naam}: de pagina schuift zijwaarts"


def _naar_engels(pg) -> None:
    _klik(pg, "#taalwissel")
    assert pg.get_attribute("html", "lang") == "en"


@pytest.mark.parametrize("breedte", [1280, 320])
def test_inburgeraar_in_het_engels_zonder_aanvraagdatum(server, browser, breedte):
    """An English-reading parent in an inburgering traject, not applied yet: the whole flow in English."""
    ctx, pg = _pagina(browser, breedte)
    pg.goto(server + "/")
    _naar_engels(pg)
    _controleer(pg, "start", breedte, "en")
    _klik(pg, "text=Start the questions")
    _controleer(pg, "gezin", breedte, "en")
    pg.select_option("#berekeningsjaar", str(JAAR))
    pg.check("#partner-nee")
    pg.select_option("#aantal_kinderen", "1")
    _klik(pg, "button[value=volgende]")
    assert "What do you do?" in pg.inner_text("h1")
    pg.check("#aanvrager-0-situatie-inburgering")
    pg.fill("#aanvrager-0-van", f"{JAAR - 1}-09-01")
    _controleer(pg, "aanvrager", breedte, "en")
    _schermafdruk(pg, f"taal-en-aanvrager-{breedte}.png")
    _klik(pg, "button[value=volgende]")
    pg.fill("#kind-0-geboortedatum", f"{JAAR - 2}-03-01")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "80")
    pg.fill("#kind-0-opvang-0-uurprijs", "ten")
    _klik(pg, "button[value=volgende]")
    summary = pg.inner_text(".foutsamenvatting")
    assert "Child 1, childcare 1, price per hour" in summary
    _controleer(pg, "kinderen-fout", breedte, "en")
    pg.fill("#kind-0-opvang-0-uurprijs", "10.50")
    _klik(pg, "button[value=volgende]")
    assert "Income and application" in pg.inner_text("h1")
    pg.fill("#toetsingsinkomen", "24,000")
    pg.check("#aangevraagd-nee")
    pg.click("#inkomen-hulp summary")
    assert pg.locator("#inkomen-hulp a[href='/begrippen#toetsingsinkomen']").count() == 1
    _controleer(pg, "inkomen", breedte, "en")
    _schermafdruk(pg, f"taal-en-inkomen-{breedte}.png")
    _klik(pg, "button[value=volgende]")
    controle = pg.inner_text("main")
    assert "Check your answers" in controle and "€10.50 per hour" in controle and "€24,000" in controle
    _controleer(pg, "controle", breedte, "en")
    _klik(pg, "button[value=bereken]")
    kop = pg.inner_text("#kop-bedrag")
    assert kop.startswith("If you apply now, you get €") and "a month" in kop
    _controleer(pg, "uitkomst", breedte, "en")
    _schermafdruk(pg, f"taal-en-uitkomst-{breedte}.png")
    # reload and Back keep the language and the answers
    pg.reload()
    assert pg.inner_text("#kop-bedrag") == kop and pg.get_attribute("html", "lang") == "en"
    pg.go_back()
    assert "Check your answers" in pg.inner_text("h1")
    pg.go_forward()
    # switching language on the result keeps the answers
    _klik(pg, "#taalwissel")
    assert pg.get_attribute("html", "lang") == "nl"
    assert pg.inner_text("#kop-bedrag").startswith("Vraagt u nu aan? Dan krijgt u €")
    _klik(pg, "#taalwissel")
    assert pg.inner_text("#kop-bedrag") == kop
    # the glossary, in English, with the Dutch terms
    _klik(pg, "a[href='/begrippen#voorschot']")
    assert pg.get_attribute("html", "lang") == "en" and "Glossary" in pg.inner_text("h1")
    assert "toetsingsinkomen" in pg.inner_text("#toetsingsinkomen") and "Wlz" in pg.inner_text("#wlz")
    _controleer(pg, "begrippen", breedte, "en")
    _schermafdruk(pg, f"taal-en-begrippen-{breedte}.png")
    ctx.close()


def test_wlz_gezin_nederlands_met_aanvraagdatum_en_wijzigen(server, browser):
    """The Wlz family, applied in January: 'Wijzigen' on the check page returns there; the steps give the number of
    the BelastingTelefoon; Back after a corrected error shows no old error."""
    ctx, pg = _pagina(browser)
    pg.goto(server + "/vragen")
    assert pg.get_attribute("html", "lang") == "nl"
    pg.select_option("#berekeningsjaar", "2023")
    pg.check("#partner")
    pg.check("#bloedverwant")
    pg.select_option("#aantal_kinderen", "1")
    _klik(pg, "button[value=volgende]")
    pg.check("#aanvrager-0-situatie")
    pg.fill("#aanvrager-0-van", "2019-05-01")
    _klik(pg, "button[value=volgende]")
    pg.check("#partner-0-situatie-wlz_permanent")
    pg.fill("#partner-0-van", "2022-11-01")
    _klik(pg, "button[value=volgende]")
    pg.fill("#kind-0-geboortedatum", "2021-06-01")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "120")
    pg.fill("#kind-0-opvang-0-uurprijs", "9,12")
    _klik(pg, "button[value=volgende]")
    pg.fill("#toetsingsinkomen", "38000")
    pg.check("#aangevraagd")
    pg.fill("#aanvraagdatum", "2023-13-01")
    _klik(pg, "button[value=volgende]")
    assert "Datum van de aanvraag:" in pg.inner_text(".foutsamenvatting")
    pg.fill("#aanvraagdatum", "2023-01-10")
    _klik(pg, "button[value=volgende]")
    assert "Controleer uw antwoorden" in pg.inner_text("h1")
    # Back: the income step without the corrected error
    pg.go_back()
    assert pg.locator(".foutsamenvatting").count() == 0 and "Fout" not in pg.title()
    assert pg.input_value("#aanvraagdatum") in ("2023-01-10", "10-01-2023")
    pg.go_forward()
    _controleer(pg, "controle", 1280, "nl")
    # Wijzigen: the household, then straight back to the check page
    _klik(pg, "#wijzig-kinderen")
    pg.fill("#kind-0-opvang-0-uurprijs", "9,50")
    _klik(pg, "button[value=volgende]")
    assert "Controleer uw antwoorden" in pg.inner_text("h1")
    assert "€ 9,50 per uur" in pg.inner_text("main")
    _klik(pg, "#wijzig-gezin")
    _klik(pg, "#terug-link")
    assert "Controleer uw antwoorden" in pg.inner_text("h1")
    _klik(pg, "button[value=bereken]")
    t = pg.inner_text("main")
    assert "U heeft op tijd aangevraagd" in t and "Vraag de toeslag op tijd aan" not in t
    assert "Wanneer vraagt u" not in t
    assert pg.locator("a[href='tel:08000543']").count() >= 1 and "0800-0543" in t
    _controleer(pg, "uitkomst wlz", 1280, "nl")
    _schermafdruk(pg, "taal-nl-uitkomst-wlz.png")
    ctx.close()
