"""The parent's result page for 2025 at EUR 70.000 (two children) shows the first child's amount and a range for the
other child, the month and the year; 2027 shows an indication labelled as such. Expectations worked out by hand from
the table file (see tests/test_bereik.py)."""
from __future__ import annotations

import pytest

from conftest import client_voor
from test_web import GEZINNEN, vul_in
from test_web_hulp import Browser


@pytest.fixture
def b(module_app):
    with client_voor(module_app) as c:
        br = Browser(c)
        br.ga("/vragen")
        yield br


def test_2025_bereik_op_de_uitkomst(b):
    gezin, perioden, kinderen, inkomen, _ = GEZINNEN["paar_werkt"]
    vul_in(b, dict(gezin, berekeningsjaar="2025"), perioden, kinderen,
           {"toetsingsinkomen": "70.000", "aanvraagdatum": "2025-01-05"})
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
    gezin, perioden, kinderen, inkomen, _ = GEZINNEN["paar_werkt"]
    vul_in(b, dict(gezin, berekeningsjaar="2027"), perioden, kinderen,
           {"toetsingsinkomen": "60.000", "aanvraagdatum": "2026-12-06"})
    assert b.tekst("bereik-label").startswith("Indicatie, niet de wet.")
    # 80 h x 11,50 x 96 % + 40 h x 9,50 x 96 % = 883,20 + 364,80
    assert b.tekst("bereik-bedrag") == "Indicatie: u krijgt ongeveer € 1.248 per maand."
    assert "(indicatie)" in b.tekst("bereik-jaar")
