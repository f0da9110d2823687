"""Reflow at 320 CSS pixels (WCAG 1.4.10) on every page, and axe-core at 1280 and at 320 pixels.

At 320 px no page may scroll sideways (document.scrollWidth <= the viewport width) and no element may stick out of
the viewport, except inside a frame that scrolls on its own (a wide table or a chart). axe-core (WCAG 2.0/2.1 A and
AA, best practice) finds no serious or critical problem at either width. The pages: the public pages, the
questionnaire and the result (walked with a saved example household), the municipal pages, /beleid, and every
professional page (dossiers, a dossier, the workbench, a recomputed scenario, two versions side by side, beheer)."""

from __future__ import annotations

import re

import pytest
from test_browser import SCHERMAFDRUKKEN, WW, browser, draaiende_server, toegankelijk  # noqa: F401 - fixtures

from conftest import maak_app

pytestmark = pytest.mark.browser

BREED, SMAL = 1280, 320

_UITSTEKEND = """() => {
  const w = window.innerWidth;
  const eigenRol = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p); if (['auto', 'scroll'].includes(s.overflowX)) return true; } return false; };
  const uit = [];
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || s.position === 'absolute' && el.offsetWidth <= 1) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > w + 1 && r.left < w && !eigenRol(el)) uit.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ' + Math.round(r.right));
  }
  return uit.slice(0, 8);
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory, beleid_voorbeeldmap):
    from kotwijzer.serve import _samenvatting
    from kotwijzer.store.voorbeeld import laad_voorbeeldcatalogus, laad_voorbeelden
    from kotwijzer.web.beleid import BeleidBron

    basis = tmp_path_factory.mktemp("browser-reflow")
    app = maak_app(
        f"sqlite:///{basis / 'kotwijzer.sqlite'}",
        beleid=BeleidBron(basis / "geen-run", voorbeeld_map=beleid_voorbeeldmap),
    )
    laad_voorbeelden(app.state.db, _samenvatting, WW)
    laad_voorbeeldcatalogus(app.state.db)
    with draaiende_server(app) as url:
        yield url


def _controleer(pg, naam: str, schermafdruk: str | None = None) -> None:
    """At 320 px: no sideways scroll, nothing sticking out; axe at 320 and at 1280 px. Optionally a screenshot of the
    page at 320 px (its first 2400 pixels)."""
    pg.set_viewport_size({"width": SMAL, "height": 800})
    pg.wait_for_timeout(50)
    if schermafdruk:
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        hoogte = min(2400, pg.evaluate("document.documentElement.scrollHeight"))
        pg.screenshot(
            path=str(SCHERMAFDRUKKEN / schermafdruk),
            full_page=True,
            clip={"x": 0, "y": 0, "width": SMAL, "height": hoogte},
        )
    breedte = pg.evaluate("document.documentElement.scrollWidth")
    assert breedte <= SMAL, (
        f"{naam}: de pagina schuift opzij op 320 px (scrollWidth {breedte}): {pg.evaluate(_UITSTEKEND)}"
    )
    uitstekend = pg.evaluate(_UITSTEKEND)
    assert not uitstekend, f"{naam}: steekt buiten het scherm op 320 px: {uitstekend}"
    toegankelijk(pg, f"{naam} (320 px)")
    pg.set_viewport_size({"width": BREED, "height": 900})
    toegankelijk(pg, f"{naam} (1280 px)")


def _ga(pg, url: str, naam: str) -> None:
    pg.set_viewport_size({"width": BREED, "height": 900})
    pg.goto(url)
    _controleer(pg, naam)


def test_publieke_paginas(server, browser):
    ctx = browser.new_context(locale="nl-NL", viewport={"width": BREED, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    for pad in (
        "/",
        "/over",
        "/vragen",
        "/api/v1/docs",
        "/inloggen",
        "/bestaat-niet",
        "/gemeenten",
        "/gemeenten/activiteit",
        "/gemeenten/activiteit?gemeente=GM9902",
        "/gemeenten/activiteit?gemeente=GM9902&activiteit=vrijwilligerswerk-buurthuis&registratie=43",
        "/gemeenten/overzicht",
        "/beleid",
    ):
        _ga(pg, server + pad, pad)
    ctx.close()


def test_vragenlijst_en_uitkomst(server, browser):
    """The questionnaire step by step (prefilled from a saved example household) and the result."""
    ctx = browser.new_context(locale="nl-NL", viewport={"width": BREED, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    _inloggen(pg, server)
    pg.click("text=gezin 2 (partner met Wlz-indicatie)")
    pg.click("text=aanvraag 2023")
    pg.click("text=Aanpassen met de vragenlijst")
    for stap in range(10):
        _controleer(pg, f"vragenlijst stap {stap + 1}")
        knop = (
            pg.locator("main form button")
            .filter(has_text=re.compile(r"^(Volgende|Bekijk de uitkomst|Naar de uitkomst|Bereken)"))
            .first
        )
        if knop.count() == 0:
            break
        knop.click()
    assert pg.locator("#toeslag-jaar").count() == 1, "de uitkomst is niet bereikt"
    _controleer(pg, "uitkomst", "320px-uitkomst.png")
    ctx.close()


def _inloggen(pg, server: str) -> None:
    from kotwijzer.store.voorbeeld import EMAIL

    pg.goto(server + "/inloggen")
    pg.fill("#email", EMAIL)
    pg.fill("#wachtwoord", WW)
    pg.click("main button:has-text('Inloggen')")
    assert pg.url.endswith("/pro")


def test_professionele_paginas(server, browser):
    ctx = browser.new_context(locale="nl-NL", viewport={"width": BREED, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    _inloggen(pg, server)
    _controleer(pg, "dossiers")
    pg.click("text=gezin 1 (werken allebei)")
    _controleer(pg, "dossier")
    did = pg.url.rsplit("/", 1)[1]
    pg.click("text=huidige situatie")
    _controleer(pg, "werkbank")
    pg.fill("#toetsingsinkomen", "85000")
    pg.click("button:has-text('Opnieuw berekenen')")
    assert pg.is_visible("#herberekend-kop")
    _controleer(pg, "werkbank opnieuw berekend", "320px-werkbank-opnieuw-berekend.png")
    pg.fill("#toelichting", "hoger inkomen")
    pg.click("button:has-text('Opslaan als nieuwe versie') >> nth=0")
    pg.click("button:has-text('Vergelijk')")
    _controleer(pg, "versies vergelijken")
    _ga(pg, server + f"/pro/dossiers/{did}/nieuw", "nieuwe berekening")
    pg.set_viewport_size({"width": BREED, "height": 900})
    pg.goto(server + "/pro/beheer")
    _controleer(pg, "beheer", "320px-logboek.png")
    ctx.close()
