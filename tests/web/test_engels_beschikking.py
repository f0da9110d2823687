"""The assessment check in English (issue 15 §3): for letters that reach the differences the check knows (the maximum
uurprijs of another year, the first child, more hours than the facts, a table percentage, a month the letter misses, a wrong
total, another toetsingsinkomen, a part of a month, a passed deadline), the English page holds none of the Dutch
sentences of the Dutch page or of the check itself (summary, differences, deadline, assumptions), except the Dutch
legal references; the draft bezwaarschrift stays Dutch (it goes to Dienst Toeslagen) and the English page says so;
the workbench's check stays Dutch."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from test_engels_geen_kernzinnen import _zichtbaar, _zinnen

from conftest import client_voor
from kotwijzer import i18n
from test_web_hulp import Browser

VOORBEELD = json.loads((Path(__file__).parents[2] / "examples" / "beschikking" / "brief_2025.json").read_text())


def _brief(**wijzig) -> dict:
    b = copy.deepcopy(VOORBEELD["beschikking"])
    for regel, velden in wijzig.get("regels", {}).items():
        b["regels"][regel].update(velden)
    b.update({k: v for k, v in wijzig.items() if k != "regels"})
    return b


BRIEVEN = {
    "voorbeeld 2025": (VOORBEELD["invoer"], _brief()),
    # the 2023 maximum uurprijs for dagopvang (EUR 9,12), the second child as first child, more hours than the facts
    "prijs, rangorde, uren": (
        VOORBEELD["invoer"],
        _brief(regels={0: {"uurprijs": "9.12", "uren_per_maand": 250, "bedrag": None}, 1: {"rangorde": 1}}),
    ),
    # a percentage the table does not give, a wrong total, a part of a month, another income; letter from 2024
    "percentage, totaal, deel, inkomen, laat": (
        VOORBEELD["invoer"],
        _brief(
            regels={0: {"percentage": "50.0", "bedrag": None, "van": "2025-01-16"}},
            totaal="100.00",
            toetsingsinkomen=80000,
            datum="2025-03-01",
        ),
    ),
}


def _nederlandse_zinnen(invoer: dict, brief: dict) -> list[str]:
    from kotwijzer.beschikking import controleer

    with i18n.in_taal("nl"):
        c = controleer(invoer, brief)
    teksten = [c.samenvatting, c.termijn["tekst"], *c.aannames]
    teksten += [t for v in c.verschillen for t in (v.brief, v.wet, v.uitleg)]
    return [z for t in teksten for z in _zinnen(t)]


def _controleer(c, invoer: dict, brief: dict, taal: str) -> Browser:
    from kotwijzer.web import formulier as fm
    from kotwijzer.web import hervatten
    from kotwijzer.web.beschikking import _waarden_uit_brief

    c.get("/taal", params={"naar": taal, "terug": "/"})
    b = Browser(c)
    b.ga(f"/beschikking?a={hervatten.maak(c.app.state.geheim, fm.staat_van_invoer(invoer))}")
    w = _waarden_uit_brief(brief)
    # the form takes Dutch or English decimals alike
    b.verstuur("/beschikking", w, "controleer")
    return b


@pytest.fixture(scope="module")
def c(module_app):
    with client_voor(module_app) as cl:
        yield cl
        cl.get("/taal", params={"naar": "nl", "terug": "/"})


@pytest.mark.parametrize("naam", list(BRIEVEN))
def test_engelse_briefcontrole_zonder_nederlandse_zinnen(c, naam):
    invoer, brief = BRIEVEN[naam]
    nl = _controleer(c, invoer, brief, "nl").html
    en_b = _controleer(c, invoer, brief, "en")
    en = en_b.html
    c.get("/taal", params={"naar": "nl", "terug": "/"})
    assert '<html lang="nl">' in nl and '<html lang="en">' in en and 'id="taalwissel"' in en
    assert 'id="controle-kop"' in en and 'id="bezwaartermijn"' in en
    pagina = _zichtbaar(en)
    zinnen = set(_zinnen(_zichtbaar(nl))) | set(_nederlandse_zinnen(invoer, brief))
    over = sorted(z for z in zinnen if z in pagina)
    assert not over, f"Nederlandse zinnen op de Engelse briefcontrole ({naam}): {over[:5]}"
    assert "Check a letter from Dienst Toeslagen" in pagina and "Per line of the letter" in pagina
    assert "The letter is dated" in pagina and "(art. 6:7 Algemene wet bestuursrecht)" in pagina
    assert "The bezwaarschrift (objection letter) is in Dutch" in pagina
    assert 'href="/begrippen#beschikking"' in en and 'href="/begrippen#bezwaar"' in en


def test_engelse_briefcontrole_noemt_de_verschillen_in_het_engels(c):
    invoer, brief = BRIEVEN["prijs, rangorde, uren"]
    pagina = _zichtbaar(_controleer(c, invoer, brief, "en").html)
    c.get("/taal", params={"naar": "nl", "terug": "/"})
    assert "that is the maximum uurprijs of 2023, not of 2025" in pagina
    assert "The first child is the child with the most hours of care in the month" in pagina
    assert "The letter counts more hours than your details show (80 hours)." in pagina
    assert "€9.12 per hour" in pagina and "250 hours" in pagina
    assert "kotwijzer found" in pagina and "differences; below" in pagina


def test_bezwaarschrift_uit_het_engels_is_nederlands(c):
    """The draft downloaded from the English page is the Dutch bezwaarschrift (the same text as from the Dutch
    page)."""
    invoer, brief = BRIEVEN["prijs, rangorde, uren"]
    teksten = {}
    for taal in ("nl", "en"):
        b = _controleer(c, invoer, brief, taal)
        b.verstuur("/beschikking/bezwaarschrift", {"naam": "A. Jansen", "formaat": "tekst"}, "tekst")
        assert b.antwoord.headers["content-type"].startswith("text/plain")
        teksten[taal] = b.antwoord.text
    c.get("/taal", params={"naar": "nl", "terug": "/"})
    assert teksten["en"] == teksten["nl"]
    assert "bezwaar" in teksten["en"] and "Volgens de wet" in teksten["en"]
    assert "According to the law" not in teksten["en"] and "per hour" not in teksten["en"]


def test_briefcontrole_van_de_werkbank_blijft_nederlands(sqlite_app):
    from kotwijzer.store import repo

    with sqlite_app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind F")
        g = repo.gebruiker_maken(s, o.id, "f@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
        actor = repo.Actor(gebruiker_id=g.id, organisatie_id=o.id, rol="beheerder")
        d = repo.dossier_maken(s, actor, "gezin F")
        sid = repo.scenario_maken(s, actor, d.id, "basis", VOORBEELD["invoer"], {"status": "niet_berekend"}).id
    b = Browser(client_voor(sqlite_app))
    b.ga("/inloggen")
    b.verstuur("/inloggen", {"email": "f@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"}, "Inloggen")
    b.client.get("/taal", params={"naar": "en", "terug": "/"})
    b.ga(f"/pro/scenarios/{sid}/beschikking")
    assert '<html lang="nl">' in b.html and 'id="taalwissel"' not in b.html
    assert "Per kind en per periode" in b.html and "Per child and per period" not in b.html
