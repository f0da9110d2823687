"""The application packet in English (issue 15 §3): for every route the English packet page holds no Dutch sentence of
the Dutch page or of the packet's content, except the law texts (marked lang="nl") and the Dutch legal names; the
letter to Dienst Toeslagen stays Dutch (it goes to Dienst Toeslagen, which works in Dutch) and the English page says
what it says; the PDF's letter is Dutch and its page for the parent English; the workbench's packet stays Dutch."""

from __future__ import annotations

import re

import pytest
from test_engels_geen_kernzinnen import _zichtbaar, _zinnen
from test_pakket import GEVALLEN, POPPLER, WERK, K, _token, pdf_paginas

from conftest import client_voor
from helpers import huishouden, ouder, sit
from kotwijzer import i18n
from kotwijzer.compute import bereken
from kotwijzer.model import Huishouden
from kotwijzer.web import pakket as pk

# the routes of test_pakket, and each of them for the other parent where the law allows it
ROUTES = {
    **{naam: invoer for naam, (invoer, *_rest) in GEVALLEN.items()},
    "inburgering-partner": huishouden(
        2026, ouder(WERK), ouder(sit("inburgering", van="2025-06-01")), K, aanvraagdatum="2026-01-05"
    ),
    "wlz-aanvrager": huishouden(
        2026, ouder(sit("wlz_tijdelijk", van="2025-01-01", tot="2026-10-31")), ouder(WERK), K, aanvraagdatum=None
    ),
}


def _nederlandse_zinnen(invoer: dict) -> list[str]:
    """Every Dutch sentence of the packet's content, the letter included."""
    h = Huishouden.model_validate(invoer)
    p = pk.pakket_nl(h, bereken(h))
    teksten = [*p.wijzigingen_algemeen, p.wijzigingen_termijn, p.wijzigingen_gevolg]
    for r in p.routes:
        teksten += [r.titel, r.uitleg, r.telefoon, r.papier, *r.stappen, *r.documenten, *r.wijzigingen]
        teksten += [g.uitleg for g in r.grondslag]
        with i18n.in_taal("nl"):
            teksten.append(pk.brief_tekst(p, r, pk.Persoonsgegevens()))
    return [z for t in teksten for z in _zinnen(t)]


@pytest.fixture(scope="module")
def c(module_app):
    with client_voor(module_app) as cl:
        yield cl


def _taal(c, t: str) -> None:
    c.get("/taal", params={"naar": t, "terug": "/"})


@pytest.mark.parametrize("naam", list(ROUTES))
def test_engels_pakket_zonder_nederlandse_zinnen(c, naam):
    invoer = ROUTES[naam]
    a = _token(c.app, invoer)
    _taal(c, "nl")
    nl = c.get("/aanvraagpakket", params={"a": a})
    _taal(c, "en")
    try:
        en = c.get("/aanvraagpakket", params={"a": a})
    finally:
        _taal(c, "nl")
    assert nl.status_code == en.status_code == 200
    assert '<html lang="nl">' in nl.text and '<html lang="en">' in en.text and 'id="taalwissel"' in en.text
    assert en.headers["content-language"] == "en"
    pagina = _zichtbaar(en.text)
    zinnen = set(_zinnen(_zichtbaar(nl.text))) | set(_nederlandse_zinnen(invoer))
    # a sentence may be the same in both languages only when it is a legal name or an address
    over = sorted(z for z in zinnen if z in pagina)
    assert not over, f"Nederlandse zinnen op het Engelse aanvraagpakket ({naam}): {over[:5]}"
    assert "Application packet for kinderopvangtoeslag" in pagina and "Step by step" in pagina
    assert "Changes to report" in pagina and "0800-0543" in pagina
    # the letter is Dutch; the page says why and what it says, in English
    assert "The letter is in Dutch" in pagina and "Dienst Toeslagen works in Dutch" in pagina
    assert "I apply for kinderopvangtoeslag for" in pagina and "Download the letter (in Dutch)" in pagina
    assert "Ik vraag kinderopvangtoeslag aan" not in pagina
    # the law texts are there, in Dutch, marked as Dutch
    assert '<blockquote class="wettekst" lang="nl">' in en.text
    assert "in Dutch only for now" not in pagina and "nog alleen in het Nederlands" not in pagina


def test_engelse_uitkomst_linkt_zonder_voorbehoud_naar_pakket_en_briefcontrole(c):
    """The English result page links to the packet and the letter check as pages in English: no "in Dutch only"."""
    a = _token(c.app, GEVALLEN["wlz"][0])
    _taal(c, "en")
    try:
        en = c.get("/uitkomst", params={"a": a}).text
    finally:
        _taal(c, "nl")
    for id_ in ("naar-pakket", "naar-beschikking"):
        link = re.search(rf'<a [^>]*id="{id_}"[^>]*>.*?</a>', en, re.S)
        assert link and "hreflang" not in link[0] and "Dutch only" not in link[0], id_
    assert "Application packet" in en and "Check a letter from Dienst Toeslagen" in en


@POPPLER
def test_engelse_brief_is_nederlands_met_engelse_pagina_voor_de_ouder(c):
    """The letter downloaded from the English page is the Dutch letter (the same as from the Dutch page); the page
    for the parent at the end of the PDF is in English; the text download is the Dutch letter."""
    invoer = ROUTES["inburgering"]
    a = _token(c.app, invoer)
    csrf = _csrf(c, a)
    velden = {"csrf": csrf, "a": a, "route": "inburgering-aanvrager", "naam": "A. Jansen", "datum": "15-03-2026"}
    _taal(c, "en")
    try:
        pdf = c.post("/aanvraagpakket/brief", data=velden)
        txt = c.post("/aanvraagpakket/brief", data={**velden, "formaat": "tekst"})
    finally:
        _taal(c, "nl")
    assert pdf.headers["content-type"] == "application/pdf" and txt.headers["content-type"].startswith("text/plain")
    paginas = pdf_paginas(pdf.content)
    brief = paginas[0]
    assert "Ik vraag kinderopvangtoeslag aan voor 2026" in " ".join(brief.split())
    assert "15 maart 2026" in brief and "Geachte heer, mevrouw," in brief and "apply" not in brief
    ouder_pagina = " ".join(" ".join(paginas[1:]).split())
    assert "For yourself (do not send)" in ouder_pagina and "Step by step" in ouder_pagina
    assert "The letter is in Dutch, because Dienst Toeslagen works in Dutch." in ouder_pagina
    assert (
        "Stap voor stap" not in ouder_pagina and "Bijlage bij de brief: de tekst van de wetsartikelen" in ouder_pagina
    )
    assert "Ik vraag kinderopvangtoeslag aan voor 2026" in txt.text and "I apply" not in txt.text


def test_pakket_van_de_werkbank_blijft_nederlands(sqlite_app):
    """A professional with the English cookie still sees the workbench's packet in Dutch, without a switch."""
    from kotwijzer.store import repo
    from test_web_hulp import Browser

    with sqlite_app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind E")
        g = repo.gebruiker_maken(s, o.id, "e@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
        actor = repo.Actor(gebruiker_id=g.id, organisatie_id=o.id, rol="beheerder")
        d = repo.dossier_maken(s, actor, "gezin E")
        sid = repo.scenario_maken(s, actor, d.id, "basis", ROUTES["inburgering"], {"status": "niet_berekend"}).id
    b = Browser(client_voor(sqlite_app))
    b.ga("/inloggen")
    b.verstuur("/inloggen", {"email": "e@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"}, "Inloggen")
    b.client.get("/taal", params={"naar": "en", "terug": "/"})
    b.ga(f"/pro/scenarios/{sid}/aanvraagpakket")
    assert b.antwoord.status_code == 200
    assert '<html lang="nl">' in b.html and 'id="taalwissel"' not in b.html
    assert "Aanvraagpakket kinderopvangtoeslag 2026" in b.html and "Stap voor stap" in b.html
    assert "Step by step" not in b.html and "The letter is in Dutch" not in b.html


def _csrf(c, a: str) -> str:
    r = c.get("/aanvraagpakket", params={"a": a})
    m = re.search(r'name="csrf" value="([^"]+)"', r.text)
    assert m
    return m[1]


@POPPLER
@pytest.mark.parametrize("naam", list(ROUTES))
def test_pdf_per_route_nederlandse_brief_engelse_pagina_voor_de_ouder(naam):
    """Per route the PDF still renders: the Dutch letter and its Dutch law texts, then the parent's page in English."""
    import datetime as dt

    from kotwijzer.web.pdf import pakket_pdf

    h = Huishouden.model_validate(ROUTES[naam])
    r = bereken(h)
    p_nl = pk.pakket_nl(h, r)
    with i18n.in_taal("en"):
        p_en = pk.pakket(h, r)
    for route in p_nl.routes:
        pdf = pakket_pdf(p_nl, route, pk.Persoonsgegevens(naam="A. Jansen"), None, dt.date(2026, 12, 6), p_en, "en")
        paginas = [" ".join(x.split()) for x in pdf_paginas(pdf)]
        ouder = next(i for i, x in enumerate(paginas) if "For yourself (do not send)" in x)
        assert ouder >= 2, naam  # the letter, the law texts, then the parent's page
        assert "Geachte heer, mevrouw," in paginas[0] and "Ik vraag kinderopvangtoeslag aan" in paginas[0], naam
        assert "I apply" not in " ".join(paginas[:ouder]) and "Bijlage bij de brief" in " ".join(paginas[1:ouder])
        rest = " ".join(paginas[ouder:])
        assert "Step by step" in rest and "Changes to report" in rest and "0800-0543" in rest, naam
        assert "Stap voor stap" not in rest and not re.search(r"\b(True|False|None)\b", rest), naam
        # the footer follows the page: Dutch under the letter, English under the parent's pages
        assert "Gemaakt op 6 december 2026" in paginas[0] and "pagina 1" in paginas[0], naam
        assert "Made on 6 December 2026" in paginas[ouder] and f"page {ouder + 1}" in paginas[ouder], naam
        assert "Gemaakt op" not in rest and "pagina " not in rest, naam
