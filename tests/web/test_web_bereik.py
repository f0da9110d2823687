"""The parent's result page for 2025 at EUR 70.000 (two children) shows the first child's amount and a range for the
other child, the month and the year; 2027 shows an indication labelled as such. Expectations worked out by hand from
the table file (see tests/test_bereik.py)."""

from __future__ import annotations

import pytest
from test_web import GEZINNEN, vul_in

from conftest import client_voor
from test_web_hulp import Browser


@pytest.fixture
def b(module_app):
    with client_voor(module_app) as c:
        br = Browser(c)
        br.ga("/vragen")
        yield br


def test_2025_bereik_op_de_uitkomst(b):
    gezin, perioden, kinderen, _, _ = GEZINNEN["paar_werkt"]
    vul_in(
        b,
        dict(gezin, berekeningsjaar="2025"),
        perioden,
        kinderen,
        {"toetsingsinkomen": "70.000", "aangevraagd": "ja", "aanvraagdatum": "2025-01-05"},
    )
    assert b.tekst("bereik-bedrag") == "U krijgt tussen € 1.079,73 en € 1.109,75 per maand."
    assert "tussen € 12.956,76 en € 13.317,00" in b.tekst("bereik-jaar")
    assert b.tekst("toeslag-1") == "€ 1.079,73 tot € 1.109,75"
    assert b.tekst("toeslag-jaar") == "€ 12.956,76 tot € 13.317,00"
    assert b.tekst("kind-1-toeslag-1") == "€ 747,99"
    assert b.tekst("kind-2-toeslag-1") == "€ 331,74 tot € 361,76"
    grenzen = b.tekst("bereik-grenzen")
    assert "87,3%" in grenzen and "95,2%" in grenzen and "één bron" in grenzen
    assert "?" not in b.tekst("toeslag-1")


def test_2027_indicatie_op_de_uitkomst(b):
    gezin, perioden, kinderen, _, _ = GEZINNEN["paar_werkt"]
    vul_in(
        b,
        dict(gezin, berekeningsjaar="2027"),
        perioden,
        kinderen,
        {"toetsingsinkomen": "60.000", "aangevraagd": "ja", "aanvraagdatum": "2026-12-06"},
    )
    assert b.tekst("bereik-label").startswith("Indicatie, niet de wet.")
    # 80 h x 11,50 x 96 % + 40 h x 9,50 x 96 % = 883,20 + 364,80
    assert b.tekst("bereik-bedrag") == "Indicatie: u krijgt ongeveer € 1.248 per maand."
    assert "(indicatie)" in b.tekst("bereik-jaar")


def _brief_velden():
    # the letter of examples/beschikking/brief_2025.json: kind 1 at the 2024 maximum 10,25 and only to 30 November,
    # kind 2 at 80,0 % (below its lower bound 87,3 %)
    return {
        "soort": "definitieve_berekening",
        "datum": "20-11-2026",
        "toetsingsinkomen": "70.000",
        "r-0-kind": "1",
        "r-0-van": "1-1-2025",
        "r-0-tot": "30-11-2025",
        "r-0-soort": "dagopvang",
        "r-0-uren": "80",
        "r-0-uurprijs": "10,25",
        "r-0-rangorde": "1",
        "r-0-percentage": "87,3",
        "r-0-bedrag": "7.874,46",
        "r-1-kind": "2",
        "r-1-van": "1-1-2025",
        "r-1-tot": "31-12-2025",
        "r-1-soort": "buitenschoolse_opvang",
        "r-1-uren": "40",
        "r-1-uurprijs": "9,50",
        "r-1-rangorde": "2",
        "r-1-percentage": "80",
        "r-1-bedrag": "3648",
        "al_betaald": "13.000",
    }


def test_ouder_controleert_de_brief_2025_en_krijgt_een_bezwaarschrift(b):
    import re

    gezin, perioden, kinderen, _, _ = GEZINNEN["paar_werkt"]
    vul_in(
        b,
        dict(gezin, berekeningsjaar="2025"),
        perioden,
        kinderen,
        {"toetsingsinkomen": "70.000", "aangevraagd": "ja", "aanvraagdatum": "2025-01-05"},
    )
    b.klik("naar-beschikking")
    assert "Beschikking controleren" in b.html
    b.verstuur("/beschikking", _brief_velden(), "Controleer de brief")
    codes = re.findall(r'data-code="([a-z_]+)"', b.html)
    assert {"maximum_uurprijs", "percentage_buiten_grenzen", "ontbrekende_maand"} <= set(codes)
    assert b.tekst("totaal-brief") == "€ 11.522,46"
    # law: kind 1 12 x 747,99 = 8.975,88; kind 2 12 x 331,74 .. 12 x 361,76
    assert b.tekst("totaal-wet") == "€ 12.956,76 tot € 13.317,00"
    assert "art. 6:7" in b.tekst("bezwaartermijn")
    r = b.verstuur("/beschikking/bezwaarschrift", {"naam": "Ouder Proef"}, "Als tekst")
    assert "Ouder Proef" in r.text and "Gronden van mijn bezwaar" in r.text
    assert r.headers["cache-control"] == "no-store"


def test_fout_in_de_brief_bij_het_veld(b):
    gezin, perioden, kinderen, _, _ = GEZINNEN["paar_werkt"]
    vul_in(
        b,
        dict(gezin, berekeningsjaar="2025"),
        perioden,
        kinderen,
        {"toetsingsinkomen": "70.000", "aangevraagd": "ja", "aanvraagdatum": "2025-01-05"},
    )
    b.klik("naar-beschikking")
    velden = dict(_brief_velden(), datum="31-2-2026")
    velden["r-1-percentage"] = "negentig"
    b.verstuur("/beschikking", velden, "Controleer de brief", verwacht=422)
    assert 'id="datum-fout"' in b.html and 'id="r-1-percentage-fout"' in b.html


def test_pdf_samenvatting_noemt_het_bereik(b):
    import re

    gezin, perioden, kinderen, _, _ = GEZINNEN["paar_werkt"]
    vul_in(
        b,
        dict(gezin, berekeningsjaar="2025"),
        perioden,
        kinderen,
        {"toetsingsinkomen": "70.000", "aangevraagd": "ja", "aanvraagdatum": "2025-01-05"},
    )
    a = re.search(r'href="/samenvatting.pdf\?a=([^"]+)"', b.html)[1]
    import html

    r = b.client.get("/samenvatting.pdf?a=" + html.unescape(a))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is niet geïnstalleerd")
    tekst = subprocess.run(["pdftotext", "-", "-"], input=r.content, capture_output=True, check=True).stdout.decode()
    tekst = " ".join(tekst.split())
    assert "tussen € 1.079,73 en € 1.109,75" in tekst.replace("\u00a0", " ")
