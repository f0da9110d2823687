"""Browser tests (Playwright with Debian's chromium, KOTWIJZER_CHROMIUM) against the app served by uvicorn on a free
loopback port: a newcomer fills in the questionnaire for three families and sees what the core computes; axe-core
finds no serious or critical accessibility problem on any page; the result pages are saved in docs/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_hulp import (  # noqa: F401 - also imported from here by the other browser tests
    ARGS,
    CHROMIUM,
    SCHERMAFDRUKKEN,
    chromium,
    draaiende_server,
    nieuwe_pagina,
    schermafdruk,
    toegankelijk,
)
from conftest import maak_app, voorbeeld
from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.diensten import euro

pytestmark = pytest.mark.browser

WW = "browser-wachtwoord-1"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kotwijzer.serve import _samenvatting
    from kotwijzer.store.voorbeeld import laad_voorbeelden

    app = maak_app(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'kotwijzer.sqlite'}")
    laad_voorbeelden(app.state.db, _samenvatting, WW)
    with draaiende_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as br:
        yield br


@pytest.fixture
def pagina(browser):
    ctx, pg = nieuwe_pagina(browser, "nl-NL", 1024)
    yield pg
    ctx.close()


def volgende(pg, naam: str) -> None:
    toegankelijk(pg, naam)
    pg.click("button[value=volgende]")


def controleer(pg, invoer: dict) -> None:
    assert pg.inner_text("#oordeel") == voorwaardencheck(invoer).samenvatting
    r = bereken(invoer)
    assert pg.inner_text("#toeslag-jaar") == euro(r.jaar.toeslag)
    assert pg.inner_text("#eigen-bijdrage-jaar") == euro(r.jaar.eigen_bijdrage)
    for m in r.maanden:
        assert pg.inner_text(f"#recht-{m.maand}").split(",")[0].split(":")[0] == ("ja" if m.aanspraak else "nee")
        assert pg.inner_text(f"#toeslag-{m.maand}") == euro(m.toeslag)
        for k in m.kinderen:
            assert pg.inner_text(f"#kind-{k.kind}-toeslag-{m.maand}") == euro(k.toeslag)


def _zonder_labels(naam: str) -> dict:
    d = voorbeeld(naam)
    for o in ("aanvrager", "partner"):
        if o in d:
            d[o].pop("label", None)
    for k in d["kinderen"]:
        k.pop("label", None)
    return d


_schermafdruk = schermafdruk


def test_paar_dat_allebei_werkt(server, pagina):
    pg = pagina
    pg.goto(server + "/")
    toegankelijk(pg, "home")
    pg.click("text=Start de vragen")
    pg.select_option("#berekeningsjaar", "2026")
    pg.check("#partner")
    pg.check("#bloedverwant")
    pg.select_option("#aantal_kinderen", "2")
    volgende(pg, "gezin")
    pg.check("#aanvrager-0-situatie")
    pg.fill("#aanvrager-0-van", "2020-01-01")
    volgende(pg, "aanvrager")
    pg.check("#partner-0-situatie")
    pg.fill("#partner-0-van", "2021-09-01")
    volgende(pg, "partner")
    pg.fill("#kind-0-geboortedatum", "2023-04-12")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "80")
    pg.fill("#kind-0-opvang-0-uurprijs", "11,50")
    pg.fill("#kind-1-geboortedatum", "2018-02-01")
    pg.select_option("#kind-1-opvang-0-soort", "buitenschoolse_opvang")
    pg.fill("#kind-1-opvang-0-uren", "40")
    pg.fill("#kind-1-opvang-0-uurprijs", "9,50")
    _schermafdruk(pg, "vragenlijst-kinderen.png")
    volgende(pg, "kinderen")
    pg.fill("#toetsingsinkomen", "60.000")
    pg.check("#aangevraagd")  # yes, applied on the date below
    pg.fill("#aanvraagdatum", "2026-01-05")
    volgende(pg, "inkomen")
    toegankelijk(pg, "controle")
    pg.click("button[value=bereken]")
    controleer(pg, _zonder_labels("paar_werkt_2026"))
    toegankelijk(pg, "uitkomst paar")
    _schermafdruk(pg, "uitkomst-paar-werkt.png")

    # wat als: a higher income
    pg.click("text=Wat als er iets verandert?")
    toegankelijk(pg, "wat als (leeg)")
    pg.check("#wa-soort")
    pg.fill("#wa-inkomen", "90000")
    pg.click("button:has-text('Vergelijk')")
    hoger = dict(_zonder_labels("paar_werkt_2026"), toetsingsinkomen=90000)
    assert pg.inner_text("#wa-toeslag") == euro(bereken(hoger).jaar.toeslag)
    toegankelijk(pg, "wat als")
    _schermafdruk(pg, "wat-als.png")
    pg.click("text=Terug naar uw uitkomst")

    # voorschot versus definitief
    pg.click("text=Voorschot en definitieve berekening")
    pg.fill("#vs-definitief", "75000")
    pg.click("text=Bereken het verschil")
    assert "terugbetalen" in pg.inner_text("main")
    toegankelijk(pg, "voorschot")
    _schermafdruk(pg, "voorschot.png")
    pg.click("text=Terug naar uw uitkomst")

    with pg.expect_download() as dl:
        pg.click("text=Download samenvatting (PDF)")
    pad = dl.value.path()
    assert Path(pad).read_bytes().startswith(b"%PDF")


def test_gezin_met_wlz_partner(server, pagina):
    pg = pagina
    pg.goto(server + "/vragen")
    pg.select_option("#berekeningsjaar", "2023")
    pg.check("#partner")
    pg.select_option("#aantal_kinderen", "1")
    volgende(pg, "gezin")
    pg.check("#aanvrager-0-situatie")
    pg.fill("#aanvrager-0-van", "2019-05-01")
    volgende(pg, "aanvrager")
    pg.check("#partner-0-situatie-wlz_tijdelijk")
    pg.fill("#partner-0-van", "2022-11-01")
    pg.fill("#partner-0-tot", "2023-10-31")
    volgende(pg, "partner wlz")
    pg.fill("#kind-0-geboortedatum", "2021-06-01")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "120")
    pg.fill("#kind-0-opvang-0-uurprijs", "9,12")
    volgende(pg, "kinderen wlz")
    pg.fill("#toetsingsinkomen", "38000")
    pg.check("#aangevraagd")  # yes, applied on the date below
    pg.fill("#aanvraagdatum", "2023-01-10")
    volgende(pg, "inkomen wlz")
    pg.click("button[value=bereken]")
    controleer(pg, _zonder_labels("wlz_partner_2023"))
    tekst = pg.inner_text("main")
    assert "BelastingTelefoon" in tekst and "CIZ" in tekst
    pg.click("summary:has-text('Januari')")
    assert pg.is_visible("text=art. 1.6 lid 8 Wko")
    toegankelijk(pg, "uitkomst wlz")
    _schermafdruk(pg, "uitkomst-wlz-partner.png")


def test_bijstandsouder_zonder_recht(server, pagina):
    pg = pagina
    pg.goto(server + "/vragen")
    pg.select_option("#berekeningsjaar", "2026")
    pg.check("#partner-nee")
    pg.select_option("#aantal_kinderen", "1")
    volgende(pg, "gezin bijstand")
    pg.check("#aanvrager-0-situatie-bijstand_traject")
    pg.fill("#aanvrager-0-van", "2025-06-01")
    pg.click("button[value=volgende]")
    # the follow-up question appears as a normal next step, not as an error
    assert pg.is_visible("#vervolg-melding") and not pg.is_visible(".foutsamenvatting")
    toegankelijk(pg, "vervolgvraag")
    pg.check("#aanvrager-0-voorziening-nee")
    volgende(pg, "aanvrager bijstand")
    pg.fill("#kind-0-geboortedatum", "2022-09-01")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "60")
    pg.fill("#kind-0-opvang-0-uurprijs", "10,90")
    volgende(pg, "kinderen bijstand")
    pg.fill("#toetsingsinkomen", "21000")
    pg.check("#aangevraagd")  # yes, applied on the date below
    pg.fill("#aanvraagdatum", "2026-02-01")
    volgende(pg, "inkomen bijstand")
    pg.click("button[value=bereken]")
    invoer = _zonder_labels("bijstand_activiteit_c_2026")
    controleer(pg, invoer)
    assert pg.inner_text("h2#oordeel-kop") == "U heeft geen recht op kinderopvangtoeslag"
    assert "categorie C" in pg.inner_text("main")
    toegankelijk(pg, "uitkomst bijstand")
    _schermafdruk(pg, "uitkomst-bijstand.png")


def test_zonder_javascript(server, browser):
    ctx = browser.new_context(java_script_enabled=False, locale="nl-NL")
    pg = ctx.new_page()
    pg.goto(server + "/vragen")
    pg.select_option("#berekeningsjaar", "2026")
    pg.check("#partner-nee")
    pg.select_option("#aantal_kinderen", "1")
    pg.click("button[value=volgende]")
    pg.check("#aanvrager-0-situatie-studie")
    pg.fill("#aanvrager-0-van", "2025-09-01")
    pg.click("button[value=volgende]")
    pg.fill("#kind-0-geboortedatum", "2024-01-01")
    pg.select_option("#kind-0-opvang-0-soort", "gastouderopvang")
    pg.fill("#kind-0-opvang-0-uren", "70")
    pg.fill("#kind-0-opvang-0-uurprijs", "8")
    pg.click("button[value=volgende]")
    pg.fill("#toetsingsinkomen", "25000")
    pg.check("#aangevraagd-nee")
    pg.click("button[value=volgende]")
    pg.click("button[value=bereken]")
    invoer = {
        "berekeningsjaar": 2026,
        "toetsingsinkomen": 25000,
        "aanvrager": {"situaties": [{"situatie": "studie", "van": "2025-09-01"}]},
        "kinderen": [
            {
                "geboortedatum": "2024-01-01",
                "opvang": [{"soort": "gastouderopvang", "uren_per_maand": 70, "uurprijs": 8}],
            }
        ],
    }
    assert pg.inner_text("#toeslag-jaar") == euro(bereken(invoer).jaar.toeslag)
    ctx.close()


def test_skiplink_en_focus(server, pagina):
    pg = pagina
    pg.goto(server + "/")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    assert pg.is_visible(".skiplink")
    pg.keyboard.press("Enter")
    assert pg.evaluate("document.activeElement.id") == "inhoud"
    # a visible focus indicator on links
    pg.keyboard.press("Tab")
    stijl = pg.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert stijl == "rgb(242, 176, 30)"  # the theme's focus colour (thema.css --kw-focus)


def test_professionele_paginas(server, pagina):
    from kotwijzer.store.voorbeeld import EMAIL

    pg = pagina
    for pad in ("/over", "/api/v1/docs", "/inloggen"):
        pg.goto(server + pad)
        toegankelijk(pg, pad)
    pg.fill("#email", EMAIL)
    pg.fill("#wachtwoord", "fout wachtwoord")
    pg.click("button:has-text('Inloggen')")
    toegankelijk(pg, "inloggen fout")
    pg.fill("#wachtwoord", WW)
    pg.click("button:has-text('Inloggen')")
    assert pg.url.endswith("/pro")
    toegankelijk(pg, "dossiers")
    _schermafdruk(pg, "pro-dossiers.png")
    pg.click("text=gezin 2 (partner met Wlz-indicatie)")
    toegankelijk(pg, "dossier")
    pg.click("text=aanvraag 2023")
    invoer = voorbeeld("wlz_partner_2023")
    assert pg.inner_text("#toeslag-jaar") == euro(bereken(invoer).jaar.toeslag)
    toegankelijk(pg, "scenario")
    _schermafdruk(pg, "pro-scenario.png")
    pg.click("summary:has-text('JSON')")
    pg.fill("#invoer", "{kapot")
    pg.click("button:has-text('Opslaan als nieuwe versie') >> nth=-1")
    assert pg.is_visible(".foutsamenvatting")
    toegankelijk(pg, "scenario fout")
    pg.goto(server + "/pro/beheer")
    toegankelijk(pg, "beheer")
    pg.goto(server + "/pro")
    pg.fill("#label", "123456782")
    pg.click("text=Dossier aanmaken")
    assert "burgerservicenummer" in pg.inner_text(".foutsamenvatting")
    toegankelijk(pg, "dossier bsn")
