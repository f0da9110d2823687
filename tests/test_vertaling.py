"""The parent flow in English: the catalogue is complete and not stale, every page of the parent flow has the language
switch and the right `lang` attribute, and a page in English holds no Dutch text of the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import client_voor
from kotwijzer import i18n

WORTEL = Path(__file__).resolve().parents[1]


def _catalogus():
    with i18n.po_pad("en").open("rb") as f:
        return read_po(f, locale="en", domain=i18n.DOMEIN)


def _plekhouders(s: str) -> list[str]:
    return sorted(re.findall(r"%\([a-z_0-9]+\)[sd]|\{[a-z_0-9]*\}", s))


def test_elke_tekst_van_de_ouders_heeft_een_engelse_vertaling():
    cat = _catalogus()
    ontbreekt = [m.id for m in cat if m.id and not (all(m.string) if m.pluralizable else m.string)]
    vaag = [m.id for m in cat if m.id and m.fuzzy]
    assert not ontbreekt, f"{len(ontbreekt)} teksten zonder Engelse vertaling, bijvoorbeeld: {ontbreekt[:5]}"
    assert not vaag, f"teksten met een onzekere (fuzzy) vertaling: {vaag[:5]}"
    for m in cat:
        if m.id and isinstance(m.id, str):
            assert _plekhouders(m.id) == _plekhouders(m.string), f"andere invulplekken in de vertaling van {m.id!r}"
        elif m.id:
            for vertaling in m.string:
                assert _plekhouders(m.id[1]) == _plekhouders(vertaling), f"andere invulplekken bij {m.id[0]!r}"
    assert len(cat) > 40


def test_catalogus_is_bijgewerkt_met_de_bron(tmp_path):
    """A text marked in the code or a template that is missing from the catalogue (or an old text still in it) fails:
    run `python -m kotwijzer.web.vertaalcatalogus bijwerken` and translate the new texts."""
    pot = tmp_path / "vers.pot"
    from kotwijzer.web.vertaalcatalogus import bron_catalogus

    bron_catalogus(pot)
    with pot.open("rb") as f:
        vers = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    oud = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogus() if m.id}
    assert not (vers - oud), f"nieuwe teksten die niet in de catalogus staan: {sorted(vers - oud)[:5]}"
    assert not (oud - vers), f"teksten in de catalogus die niet meer in de bron staan: {sorted(oud - vers)[:5]}"


def test_pakket_en_briefcontrole_horen_bij_de_catalogus(tmp_path):
    """The application packet and the assessment check are part of the parent flow: their modules and templates are
    scanned for the catalogue (so a text in them without an English translation fails the test above), and their
    pages are shown in the parent's language."""
    from kotwijzer.web.basis import OUDER_PAGINAS
    from kotwijzer.web.vertaalcatalogus import bron_catalogus

    pot = tmp_path / "vers.pot"
    bron_catalogus(pot)
    with pot.open("rb") as f:
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    uit_de_bron = {
        "web/pakket.py": "Een ouder met een Wlz-indicatie",
        "web/pakket_pagina.py": "Kies de situatie waarvoor de brief is.",
        "web/templates/pakket.html": "De brief is in het Nederlands",
        "web/beschikking.py": "Vul de datum van de brief in. Die staat bovenaan de brief.",
        "web/templates/beschikking.html": "Per regel van de brief",
        "beschikking/controle.py": "Het totaal in de brief is niet de som van de bedragen per regel.",
        "beschikking/termijn.py": "feestdag ({naam})",
    }
    for bestand, tekst in uit_de_bron.items():
        assert tekst in (WORTEL / "src" / "kotwijzer" / bestand).read_text(encoding="utf-8"), bestand
        assert tekst in ids, f"{bestand}: {tekst!r} staat niet in de catalogus"
    assert {"pakket.html", "beschikking.html"} <= OUDER_PAGINAS


def test_vaste_lijsten_zijn_vertaald():
    """Situations, kinds of care and glossary entries are texts marked where they are defined and translated where
    they are shown: each has an English text."""
    from kotwijzer.diensten import OPVANG_TEKST, SITUATIE_TEKST
    from kotwijzer.web.begrippen import BEGRIPPEN

    with i18n.in_taal("en"):
        for t in [
            *SITUATIE_TEKST.values(),
            *OPVANG_TEKST.values(),
            *(b.uitleg for b in BEGRIPPEN),
            *(b.gloss for b in BEGRIPPEN),
        ]:
            assert i18n.gettext(t) != t, f"geen Engelse tekst voor {t!r}"


def test_getallen_en_datums_per_taal():
    import datetime as dt
    from decimal import Decimal

    assert i18n.euro(Decimal("1234.5")) == "€ 1.234,50" and i18n.hele_euro(1526) == "€ 1.526"
    assert i18n.datum(dt.date(2026, 4, 30)) == "30 april 2026"
    with i18n.in_taal("en"):
        assert i18n.euro(Decimal("1234.5")) == "€1,234.50" and i18n.hele_euro(1526) == "€1,526"
        assert i18n.datum(dt.date(2026, 4, 30)) == "30 April 2026"
        assert i18n.bedrag_per_uur("10.5") == "€10.50"
    assert i18n.bedrag_per_uur("10.5") == "€ 10,50"


@pytest.fixture(scope="module")
def c(module_app):
    with client_voor(module_app) as cl:
        yield cl


def test_taalwissel_en_lang_attribuut(c):
    r = c.get("/begrippen")
    assert '<html lang="nl">' in r.text and 'id="taalwissel"' in r.text and "English" in r.text
    r = c.get("/taal", params={"naar": "en", "terug": "/begrippen"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/begrippen"
    r = c.get("/begrippen")
    assert '<html lang="en">' in r.text and r.headers["content-language"] == "en"
    assert "Glossary" in r.text and "Nederlands" in r.text
    assert 'id="toetsingsinkomen"' in r.text and "Wlz" in r.text
    # a page outside the parent flow stays Dutch, without a switch
    r = c.get("/gemeenten")
    assert '<html lang="nl">' in r.text and 'id="taalwissel"' not in r.text
    # only addresses on this site
    r = c.get("/taal", params={"naar": "nl", "terug": "//voorbeeld.nl/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"
    assert '<html lang="nl">' in c.get("/begrippen").text
