"""Browser test (Playwright with Debian's chromium) for a professional: edits a scenario on one page, sees the
difference between two versions, downloads the PDF, finds the download in the logbook, and the PDF's first page is
rendered to PNG and checked for the dossier label, the situations and the deadline. Screenshots of the workbench,
the comparison, the logbook and the PDF's first page go to docs/screenshots/ (see tests/web/test_browser.py)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from test_browser import SCHERMAFDRUKKEN, WW, browser, draaiende_server, pagina, toegankelijk  # noqa: F401 - fixtures

from conftest import maak_app, voorbeeld
from kotwijzer.compute import bereken
from kotwijzer.diensten import euro

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kotwijzer.serve import _samenvatting
    from kotwijzer.store.voorbeeld import laad_voorbeeldcatalogus, laad_voorbeelden

    app = maak_app(f"sqlite:///{tmp_path_factory.mktemp('browser-pro') / 'kotwijzer.sqlite'}")
    laad_voorbeelden(app.state.db, _samenvatting, WW)
    laad_voorbeeldcatalogus(app.state.db)
    with draaiende_server(app) as url:
        yield url


def _schermafdruk(pg, bestand: str) -> None:
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCHERMAFDRUKKEN / bestand), full_page=True)


def _rij(pg, tabel: str, nummer: int) -> list[str]:
    return [
        " ".join(c.split()) for c in pg.locator(f"#{tabel} tbody tr").nth(nummer).locator("th, td").all_inner_texts()
    ]


def test_werkbank_versies_logboek_en_pdf(server, pagina, tmp_path):
    from kotwijzer.store.voorbeeld import EMAIL

    pg = pagina
    pg.goto(server + "/inloggen")
    pg.fill("#email", EMAIL)
    pg.fill("#wachtwoord", WW)
    pg.click("main button:has-text('Inloggen')")
    pg.click("text=gezin 2 (partner met Wlz-indicatie)")
    pg.click("text=aanvraag 2023")
    invoer = voorbeeld("wlz_partner_2023")
    oud = bereken(invoer)
    assert pg.inner_text("#toeslag-jaar") == euro(oud.jaar.toeslag)

    # every fact on one page: the household, both parents' periods, the child, income, application date
    assert pg.input_value("#toetsingsinkomen") == "38000"
    assert pg.input_value("#aanvraagdatum") == "10-01-2023"
    assert pg.input_value("#partner-0-situatie") == "wlz_tijdelijk"
    assert pg.input_value("#partner-0-tot") == "31-10-2023"
    assert pg.input_value("#kind-0-opvang-0-uurprijs") == "9,12"
    toegankelijk(pg, "werkbank")
    _schermafdruk(pg, "pro-werkbank.png")

    # change one number and recompute: the new result and the difference, nothing saved yet
    pg.fill("#kind-0-opvang-0-uren", "140")
    pg.click("button:has-text('Opnieuw berekenen')")
    nieuw_invoer = {
        **invoer,
        "kinderen": [
            {**invoer["kinderen"][0], "opvang": [{**invoer["kinderen"][0]["opvang"][0], "uren_per_maand": 140}]}
        ],
    }
    nieuw = bereken(nieuw_invoer)
    assert pg.is_visible("#herberekend-kop")
    assert pg.inner_text("#toeslag-jaar") == euro(nieuw.jaar.toeslag)
    assert _rij(pg, "feiten-verschil", 0) == ["Kind 1, opvang 1, uren per maand", "120", "140"]
    toegankelijk(pg, "werkbank opnieuw berekend")
    _schermafdruk(pg, "pro-werkbank-opnieuw-berekend.png")

    # save as a new version, then compare versions 1 and 2 side by side
    pg.fill("#toelichting", "meer uren opvang")
    pg.click("button:has-text('Opslaan als nieuwe versie') >> nth=0")
    assert "versie 2" in pg.inner_text(".scenario-kop")
    pg.select_option("#a", "1")
    pg.select_option("#b", "2")
    pg.click("button:has-text('Vergelijk')")
    assert pg.inner_text("h1") == "Versie 1 en versie 2 naast elkaar"
    assert _rij(pg, "feiten-verschil", 0) == ["Kind 1, opvang 1, uren per maand", "120", "140"]
    jan_oud, jan_nieuw = oud.maanden[0].uitbetaling_voorschot, nieuw.maanden[0].uitbetaling_voorschot
    januari = _rij(pg, "geld-verschil", 0)
    assert januari[0] == "januari"
    assert [x.replace("\u00a0", " ") for x in januari[1:]] == [
        f"€ {int(jan_oud):,}".replace(",", "."),
        f"€ {int(jan_nieuw):,}".replace(",", "."),
        f"+ € {int(jan_nieuw - jan_oud):,}".replace(",", "."),
    ]
    assert pg.inner_text("#verschil-jaar") == f"+ {euro(nieuw.jaar.toeslag - oud.jaar.toeslag)}"
    toegankelijk(pg, "versies vergelijken")
    _schermafdruk(pg, "pro-versies-vergelijken.png")

    # download the PDF; the logbook shows the download with the dossier label
    pg.click("text=Scenario aanvraag 2023")
    with pg.expect_download() as dl:
        pg.click("text=Download versie 2 als PDF")
    pdf = tmp_path / "scenario.pdf"
    dl.value.save_as(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    pg.goto(server + "/pro/beheer")
    eerste = " ".join(pg.locator("#logboek ~ div table tbody tr").first.inner_text().split())
    assert "PDF gedownload" in eerste and "gezin 2 (partner met Wlz-indicatie)" in eerste and "versie 2" in eerste
    assert "Beheerder Voorbeeld" in eerste
    assert (
        pg.locator("#logboek ~ div table tbody tr")
        .first.locator("a", has_text="gezin 2 (partner met Wlz-indicatie)")
        .count()
        == 1
    )
    toegankelijk(pg, "logboek")
    _schermafdruk(pg, "pro-logboek.png")

    # the PDF's first page, rendered and read back
    if not (shutil.which("pdftoppm") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils ontbreekt: installeer het met scripts/system-deps.sh")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "pagina1")],
        check=True,
        timeout=60,
    )
    png = tmp_path / "pagina1.png"
    assert png.is_file() and png.stat().st_size > 10_000
    tekst = " ".join(
        subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
        )
        .stdout.replace("\u00a0", " ")
        .split()
    )
    assert "gezin 2 (partner met Wlz-indicatie)" in tekst and "aanvraag 2023, versie 2" in tekst
    assert "Wlz-indicatie van het CIZ (tijdelijk)" in tekst and "1 november 2022 tot en met 31 oktober 2023" in tekst
    # first month with aanspraak: January 2023; an application in April 2023 still reaches it (Wko 1.3 lid 2 onder b)
    assert "Uiterlijk aanvragen 30 april 2023" in tekst and "Aanvraagdatum 10 januari 2023" in tekst
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, SCHERMAFDRUKKEN / "pro-pdf-pagina-1.png")
