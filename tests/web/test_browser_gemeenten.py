"""Browser tests (Playwright with Debian's chromium) for the municipal pages and /beleid, started the same way as
tests/web/test_browser.py: a consultant picks a municipality and an activity and sees the verdict and the code that
`classificeer` gives; the overview shows its table and chart; a parent in bijstand chooses the activity from the
catalogue; axe-core finds no serious or critical problem on these pages. Screenshots go to docs/screenshots/."""

from __future__ import annotations

import pytest
from test_browser import SCHERMAFDRUKKEN, browser, draaiende_server, pagina, toegankelijk  # noqa: F401 - fixtures

from conftest import maak_app
from kotwijzer.municipal import classificeer, voorbeeldcatalogus
from kotwijzer.municipal.codes import code_naam

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory, beleid_voorbeeldmap):
    from kotwijzer.store.voorbeeld import laad_voorbeeldcatalogus
    from kotwijzer.web.beleid import BeleidBron

    basis = tmp_path_factory.mktemp("browser-gemeenten")
    app = maak_app(
        f"sqlite:///{basis / 'kotwijzer.sqlite'}",
        beleid=BeleidBron(basis / "geen-run", voorbeeld_map=beleid_voorbeeldmap),
    )
    laad_voorbeeldcatalogus(app.state.db)
    with draaiende_server(app) as url:
        yield url


def _schermafdruk(pg, bestand: str, hoogte: int | None = None) -> None:
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    clip = {"x": 0, "y": 0, "width": pg.viewport_size["width"], "height": hoogte} if hoogte else None
    pg.screenshot(path=str(SCHERMAFDRUKKEN / bestand), full_page=True, clip=clip)


def _beelden_geladen(pg, timeout_ms: int = 30_000) -> bool:
    """All images on the page have loaded (waits for slow ones, e.g. charts on a busy machine; one reload when a
    chart did not arrive). On failure the message lists the images that did not load."""
    for poging in range(2):
        try:
            pg.wait_for_function(
                "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)", timeout=timeout_ms
            )
            return True
        except Exception:  # playwright's TimeoutError
            if poging == 0:
                pg.reload()
    niet = pg.evaluate("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
    raise AssertionError(f"niet geladen: {niet}")


def test_consulent_kiest_gemeente_en_activiteit(server, pagina):
    pg = pagina
    pg.goto(server + "/")
    pg.click("nav >> text=Gemeenten")
    assert pg.url.endswith("/gemeenten")
    toegankelijk(pg, "gemeenten (index)")
    pg.click("text=Controleer één activiteit bij één gemeente")
    assert pg.url.endswith("/gemeenten/activiteit")
    toegankelijk(pg, "consulent (leeg)")
    pg.select_option("#gemeente", "GM9902")
    pg.click("button:has-text('Toon de activiteiten')")
    toegankelijk(pg, "consulent (activiteiten)")
    pg.select_option("#activiteit", "vrijwilligerswerk-buurthuis")
    pg.click("button:has-text('Bekijk het antwoord')")
    kl = classificeer("GM9902", "vrijwilligerswerk-buurthuis", voorbeeldcatalogus())
    assert pg.inner_text("#antwoord-kop") == "Nee, deze activiteit geeft uw cliënt geen recht op kinderopvangtoeslag"
    assert pg.inner_text("#oordeel-activiteit") == "nee" and kl.gericht_op_arbeidsinschakeling is False
    # the answer comes first; the municipality's top-up follows it
    html = pg.content()
    assert html.index('id="antwoord-kop"') < html.index('id="tegemoetkoming"')
    assert pg.inner_text("#categorie").startswith("C: ")
    assert pg.inner_text("#code-te-registreren").startswith("geen") and kl.code_te_registreren is None
    assert "teruggevorderd" in pg.inner_text("#signalen")  # registered under 43 although it is categorie C
    assert pg.is_visible("#voorbeeld-label")
    toegankelijk(pg, "consulent (antwoord nee)")

    # another municipality, which does not have this activity: choose again; then check a registration
    pg.select_option("#gemeente", "GM9904")
    pg.click("button:has-text('Bekijk het antwoord')")
    assert pg.inner_text("#melding") == "Kies een activiteit van Voorbeeldgemeente West."
    pg.select_option("#activiteit", "zorgopleiding")
    pg.click("summary:has-text('Controleer ook')")
    pg.select_option("#registratie", "geen")
    pg.click("button:has-text('Bekijk het antwoord')")
    kl = classificeer("GM9904", "zorgopleiding", voorbeeldcatalogus())
    assert kl.gericht_op_arbeidsinschakeling and pg.inner_text("#oordeel-activiteit") == "ja"
    assert pg.inner_text("#code-te-registreren") == code_naam(kl.code_te_registreren)
    assert pg.inner_text("#dienst-toeslagen-ziet-registratie") == "geen traject dat recht geeft"
    assert "wijst de aanvraag af" in pg.inner_text("#signalen")
    toegankelijk(pg, "consulent (antwoord ja, registratie)")

    pg.select_option("#registratie", "")
    pg.select_option("#gemeente", "GM9902")
    pg.click("button:has-text('Bekijk het antwoord')")
    pg.select_option("#activiteit", "vrijwilligerswerk-buurthuis")
    pg.click("button:has-text('Bekijk het antwoord')")
    _schermafdruk(pg, "gemeenten-activiteit.png")


def test_overzicht_met_tabel_en_grafiek(server, pagina):
    pg = pagina
    pg.goto(server + "/gemeenten/overzicht")
    assert pg.is_visible("#overzicht-tabel") and pg.is_visible("#matrix")
    assert pg.is_visible("#grafiek") and _beelden_geladen(pg)
    assert "Voorbeeldgegevens" in pg.inner_text("#voorbeeld-label")
    toegankelijk(pg, "overzicht")
    _schermafdruk(pg, "gemeenten-overzicht.png", hoogte=2400)
    with pg.expect_download() as dl:
        pg.click("text=als CSV-bestand")
    import csv

    # for a Dutch spreadsheet: BOM and semicolons; one row per municipality and activity, then the caveats
    with open(dl.value.path(), encoding="utf-8-sig", newline="") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    cat = voorbeeldcatalogus()
    n = sum(len(cat.activiteiten_van(g.cbs_code)) for g in cat.gemeenten)
    assert rijen[0][0] == "Gemeente" and rijen[n + 1] == [] and rijen[n + 2][0].startswith("Let op")


def test_ouder_in_bijstand_kiest_de_activiteit(server, pagina):
    pg = pagina
    pg.goto(server + "/vragen")
    pg.select_option("#berekeningsjaar", "2026")
    pg.check("#partner-nee")
    pg.select_option("#aantal_kinderen", "1")
    pg.click("button[value=volgende]")
    pg.check("#aanvrager-0-situatie-bijstand_traject")
    pg.fill("#aanvrager-0-van", "2025-06-01")
    pg.click("button[value=volgende]")
    pg.select_option("#aanvrager-0-gemeente", "GM9902")
    pg.click("button[value=volgende]")
    # the activity list of the municipality comes as the next question, not as an error
    assert pg.is_visible("#vervolg-melding") and not pg.is_visible(".foutsamenvatting")
    toegankelijk(pg, "vragen met gemeente en activiteit")
    pg.select_option("#aanvrager-0-activiteit", "bemiddelingstraject")
    pg.click("button[value=volgende]")
    pg.fill("#kind-0-geboortedatum", "2022-09-01")
    pg.select_option("#kind-0-opvang-0-soort", "dagopvang")
    pg.fill("#kind-0-opvang-0-uren", "100")
    pg.fill("#kind-0-opvang-0-uurprijs", "12,50")
    pg.click("button[value=volgende]")
    pg.fill("#toetsingsinkomen", "21000")
    pg.check("#aangevraagd-nee")
    pg.click("button[value=volgende]")
    pg.click("button[value=bereken]")
    assert pg.inner_text("h2#oordeel-kop") == "U heeft recht op kinderopvangtoeslag"
    assert pg.is_visible("#tegemoetkoming") and pg.inner_text("#tegemoetkoming-jaar").startswith("€ ")
    toegankelijk(pg, "uitkomst met tegemoetkoming")


def test_beleidspagina(server, pagina):
    pg = pagina
    pg.goto(server + "/")
    pg.click("nav >> text=Beleid")
    assert pg.url.endswith("/beleid")
    assert pg.is_visible("#samenvatting") and pg.is_visible("#niet-gebruik") and pg.is_visible("#voorbeeld-label")
    assert _beelden_geladen(pg)
    toegankelijk(pg, "beleid")
    _schermafdruk(pg, "beleid.png", hoogte=3000)
