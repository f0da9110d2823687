"""Browser test (Playwright with Debian's chromium) for a bewindvoerder with many clients (issue 15 §4):
'Opnieuw berekenen' is Post/Redirect/Get (reload shows the same page without re-posting, Back keeps the unsaved
change), the per-child table is not cut at 1280 px, the comparison keeps 'Versie 2' and 'Verschil' at 320 px, the
dossier list can be searched with the keyboard only, and the packet page for a Wlz scenario offers the letter."""

from __future__ import annotations

import itertools

import pytest
from test_browser import WW, browser, draaiende_server, pagina, toegankelijk  # noqa: F401 - fixtures

from conftest import maak_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kotwijzer.serve import _samenvatting
    from kotwijzer.store.voorbeeld import laad_voorbeeldcatalogus, laad_voorbeelden

    app = maak_app(f"sqlite:///{tmp_path_factory.mktemp('browser-pro-wb') / 'kotwijzer.sqlite'}")
    laad_voorbeelden(app.state.db, _samenvatting, WW)
    laad_voorbeeldcatalogus(app.state.db)
    with draaiende_server(app) as url:
        yield url


def _inloggen(pg, server):
    from kotwijzer.store.voorbeeld import EMAIL

    pg.goto(server + "/inloggen")
    pg.fill("#email", EMAIL)
    pg.fill("#wachtwoord", WW)
    pg.click("main button:has-text('Inloggen')")


def _past(pg, selector: str) -> dict:
    """Whether the element's right edge is inside the viewport and inside its scroll container without scrolling."""
    return pg.eval_on_selector(
        selector,
        """el => {
        const r = el.getBoundingClientRect();
        const rol = el.closest('.tabel-rol');
        return {rechts: r.right, breed: window.innerWidth, zichtbaar: r.width > 0 && r.height > 0,
                scroll: rol ? rol.scrollWidth - rol.clientWidth : 0};
    }""",
    )


def test_opnieuw_berekenen_reload_en_terug(server, pagina):
    pg = pagina
    _inloggen(pg, server)
    pg.click("text=gezin 2 (partner met Wlz-indicatie)")
    pg.click("text=aanvraag 2023")
    pg.fill("#kind-0-opvang-0-uren", "140")
    pg.click("button:has-text('Opnieuw berekenen')")
    assert pg.is_visible("#herberekend-kop")
    assert "/werkbank?c=" in pg.url  # a GET address: reload cannot post the form again
    posts = []
    pg.on("request", lambda r: posts.append(r.method) if r.method == "POST" else None)
    pg.reload()
    assert posts == [] and pg.is_visible("#herberekend-kop") and pg.input_value("#kind-0-opvang-0-uren") == "140"
    # away and Back: the unsaved change is still there
    pg.click("text=Alle dossiers")
    pg.go_back()
    assert pg.input_value("#kind-0-opvang-0-uren") == "140" and pg.is_visible("#herberekend-kop")
    pg.go_forward()
    assert pg.url.endswith("/pro")
    assert posts == []
    toegankelijk(pg, "werkbank opnieuw berekend (PRG)")


def test_tabel_per_kind_1280_en_vergelijking_320(server, browser):
    ctx = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    _inloggen(pg, server)
    pg.click("text=gezin 2 (partner met Wlz-indicatie)")
    pg.click("text=aanvraag 2023")
    pg.click("text=Aanpassen met de vragenlijst, stap voor stap")
    for _ in range(8):
        if pg.locator("button:has-text('Bekijk de uitkomst')").count():
            break
        pg.click("button:has-text('Volgende')")
    pg.click("button:has-text('Bekijk de uitkomst')")
    kop = pg.locator("#kind-1-kop ~ .tabel-rol th:has-text('zelf')").first
    assert kop.is_visible()
    m = _past(pg, "#kind-1-kop ~ .tabel-rol th:last-child")
    assert m["scroll"] <= 1 and m["rechts"] <= m["breed"], m  # the last column is not cut off
    ctx.close()

    ctx = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 800})
    pg = ctx.new_page()
    _inloggen(pg, server)
    pg.click("text=gezin 2 (partner met Wlz-indicatie)")
    pg.click("text=aanvraag 2023")
    pg.fill("#kind-0-opvang-0-uren", "140")
    pg.click("#feiten button[value=opslaan]")
    pg.goto(pg.url.split("?")[0] + "/vergelijk?a=1&b=2")
    # every month shows the amount of version 2 and the difference, inside the screen, with its column name
    rij = "#geld-verschil tbody tr:first-child"
    for i, kolom in ((3, "Versie 2"), (4, "Verschil")):
        m = _past(pg, f"{rij} > :nth-child({i})")
        assert m["zichtbaar"] and m["rechts"] <= 320 and m["scroll"] <= 1, (kolom, m)
        assert kolom in pg.eval_on_selector(
            f"{rij} > :nth-child({i})", "el => getComputedStyle(el, '::before').content + el.innerText"
        )
    # the totals restack too: each amount on its own line, none over another
    vakken = [
        pg.eval_on_selector(
            f"#geld-verschil tfoot tr:nth-child({i}) > :nth-child({j})",
            "el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom, r.right, "
            "r.height - parseFloat(getComputedStyle(el).lineHeight)]; }",
        )
        for i in (1, 2)
        for j in (1, 2, 3, 4)
    ]
    assert all(v[2] <= 320 for v in vakken), vakken
    assert all(a[1] <= b[0] + 0.5 for a, b in itertools.pairwise(vakken)), vakken
    assert all(v[3] >= -0.5 for v in vakken), vakken  # each box is as high as its line: no text cut or crossed
    assert pg.evaluate("document.documentElement.scrollWidth") <= 320
    ctx.close()


def test_dossierlijst_met_toetsenbord_en_pakket(server, pagina):
    pg = pagina
    _inloggen(pg, server)
    pg.goto(server + "/pro")
    pg.focus("#zoek")
    pg.keyboard.type("Wlz")
    pg.keyboard.press("Enter")
    pg.wait_for_url("**/pro?zoek=Wlz*")
    assert pg.locator("#dossierlijst tbody tr").count() >= 1
    assert all("Wlz" in t for t in pg.locator("#dossierlijst tbody th").all_inner_texts())
    pg.click("text=gezin 2 (partner met Wlz-indicatie)")
    pg.click("text=aanvraag 2023")
    pg.click("#naar-pakket")
    assert "0800-0543" in pg.inner_text("main") and "art. 1.6 lid 8" in pg.inner_text("main")
    toegankelijk(pg, "aanvraagpakket")
    with pg.expect_download() as dl:
        pg.click("#brief-maken")
    assert dl.value.suggested_filename == "aanvraagbrief-kinderopvangtoeslag-2023-wlz.pdf"
