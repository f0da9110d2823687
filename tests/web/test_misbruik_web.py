"""The public web pages under abuse (issue 17, findings 1, 13, 14): no redirect or link built from the Host header;
the professional context of the questionnaire comes from the session, never from a state anyone can sign; the
questionnaire state is bounded with the API's own limits before it is signed and when it is read, and the pages that
compute are under the per-address budget."""

from __future__ import annotations

import json
import re

import pytest

from conftest import client_voor, maak_app


@pytest.fixture
def app_standaard(sqlite_url):
    a = maak_app(sqlite_url, hosts=None)  # the default: only loopback names
    yield a
    a.state.db.sluit()


def test_onbekende_host_geweigerd(app_standaard):
    with client_voor(app_standaard, base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 200
        r = c.get("/pro/", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code == 400 and "evil" not in r.headers.get("location", "")
        r = c.get("/vragen", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code == 400


def test_publiek_adres_bepaalt_redirects_en_links(sqlite_url):
    app = maak_app(sqlite_url, publiek="https://kotwijzer.example.nl", hosts=["*"])
    with client_voor(app, base_url="http://127.0.0.1") as c:
        r = c.get("/pro/", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code in (301, 302, 303, 307, 308)
        assert r.headers["location"].startswith(("/", "https://kotwijzer.example.nl/")), r.headers["location"]
        assert "evil" not in r.headers["location"]
        r = c.get("/vragen", headers={"Host": "evil.example"}, follow_redirects=False)
        adres = r.headers["location"].replace("https://kotwijzer.example.nl", "").replace("/gezin?", "/aanvrager?")
        r = c.get(adres, headers={"Host": "evil.example"})  # step 2 shows "Later verder gaan?" with its link
        assert r.status_code == 200
        assert "evil.example" not in r.text
        assert re.search(r'id="hervat-link"', r.text) and "https://kotwijzer.example.nl/vragen/aanvrager?a=" in r.text
    app.state.db.sluit()


def test_publiek_adres_met_toegestane_hosts_standaard(sqlite_url):
    app = maak_app(sqlite_url, publiek="https://kotwijzer.example.nl", hosts=None)
    with client_voor(app, base_url="https://kotwijzer.example.nl") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"Host": "evil.example"}).status_code == 400
    app.state.db.sluit()


# ------------------------------------------------------------------------------------------ finding 1: state size
def _csrf(c) -> str:
    from test_web_hulp import lees

    return dict(lees(c.get("/vragen").text).formulieren[-1]["velden"])["csrf"]


REUS = {"invoer": {"berekeningsjaar": 2026, "aanvrager": {"situaties": [{}] * 10_000}, "kinderen": []}}


@pytest.mark.parametrize(
    "staat",
    [
        REUS,
        {"invoer": {"berekeningsjaar": 2026, "aanvrager": {"situaties": [{}] * 25}, "kinderen": []}},  # one over 24
        {"invoer": {"berekeningsjaar": 2026, "aanvrager": {"situaties": []}, "kinderen": [{}] * 13}},  # one over 12
        {"invoer": {"berekeningsjaar": 2026, "aanvrager": {"label": "x" * 41, "situaties": []}}},
        {"invoer": {"berekeningsjaar": 2026, "aanvrager": {"situaties": []}, "onbekend": "x"}},
        {"invoer": {"berekeningsjaar": 2026}, "extra": [[] for _ in range(5000)]},
    ],
)
def test_te_grote_staat_wordt_niet_ondertekend(sqlite_app, staat):
    with client_voor(sqlite_app) as c:
        r = c.post(
            "/vragen",
            data={"csrf": _csrf(c), "stap": "gezin", "actie": "ga_controle", "staat": json.dumps(staat)},
            follow_redirects=False,
        )
        assert r.status_code == 400, r.status_code
        assert "konden niet worden gelezen" in r.text


def test_te_grote_staat_in_een_link_wordt_niet_gelezen(sqlite_app):
    """A token signed with the app's own secret (as an older version would have signed it) with a state over the
    limits: every page that reads it answers 400 at once."""
    from kotwijzer.web.hervatten import _serializer

    a = _serializer(sqlite_app.state.geheim, "antwoorden").dumps(REUS)
    with client_voor(sqlite_app) as c:
        for pad in ("/vragen/controle", "/uitkomst", "/samenvatting.pdf"):
            r = c.get(pad, params={"a": a}, follow_redirects=False)
            assert r.status_code == 400, (pad, r.status_code)


def test_paginas_en_pdf_vallen_onder_het_budget_per_adres(sqlite_url):
    """The pages that compute (the result, the PDF) are under the same per-address budget as the API: one at a time
    per address, and a client that keeps asking is refused with 429 and Retry-After, while another address is
    served."""
    from kotwijzer.http.rekenpoort import Rekenpoort
    from kotwijzer.web.hervatten import maak

    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(per_adres=1, budget=0.05, buffer=0.2))
    from conftest import voorbeeld

    staat = {"invoer": voorbeeld("paar_werkt_2026"), "partner": True, "aantal_kinderen": 2, "context": {}, "id": "abc"}
    a = maak(app.state.geheim, staat)
    with client_voor(app, client=("203.0.113.9", 1234)) as c:
        codes = [c.get("/samenvatting.pdf", params={"a": a}).status_code for _ in range(30)]
        assert 200 in codes and 429 in codes, codes
        r = c.get("/uitkomst", params={"a": a})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "Het is nu erg druk" in r.text or "te veel" in r.text
    with client_voor(app, client=("203.0.113.10", 1234)) as c:
        assert c.get("/uitkomst", params={"a": a}).status_code == 200
    app.state.db.sluit()


# --------------------------------------------------------------------------------- finding 14: context from session
def test_context_uit_vreemde_link_wordt_niet_geloofd(sqlite_app):
    from conftest import voorbeeld
    from kotwijzer.store import repo
    from test_web_hulp import Browser

    with sqlite_app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        g = repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
        actor = repo.Actor(gebruiker_id=g.id, organisatie_id=o.id, rol="beheerder")
        d = repo.dossier_maken(s, actor, "gezin 1")
        sc = repo.scenario_maken(s, actor, d.id, "basis", voorbeeld("paar_werkt_2026"), {"status": "niet_berekend"})
        sid, did = sc.id, d.id
    vreemd = {
        "invoer": voorbeeld("wlz_partner_2023"),
        "partner": True,
        "aantal_kinderen": 1,
        "context": {"scenario": sid, "dossier": did, "versie": 1, "modus": "professioneel"},
    }
    with client_voor(sqlite_app) as c:  # a stranger signs a state with a professional context
        r = c.post(
            "/vragen",
            data={"csrf": _csrf(c), "stap": "gezin", "actie": "ga_controle", "staat": json.dumps(vreemd)},
            follow_redirects=False,
        )
        assert r.status_code == 303
        link = r.headers["location"]
    b = Browser(client_voor(sqlite_app))  # the professional opens the link
    b.ga("/inloggen")
    b.verstuur("/inloggen", {"email": "a@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"}, "Inloggen")
    b.ga(link)
    assert f"/pro/scenarios/{sid}" not in b.html and "bewaard scenario" not in b.html
    staat = dict(lees_formulier(b.html)).get("staat")
    if staat:
        assert "scenario" not in json.loads(staat).get("context", {})
    # the own scenario, opened from the workbench, still carries its context
    b.ga(f"/pro/scenarios/{sid}/bewerken")
    assert f"/pro/scenarios/{sid}" in b.html


def lees_formulier(html: str):
    from test_web_hulp import lees

    for f in lees(html).formulieren:
        yield from f["velden"]
