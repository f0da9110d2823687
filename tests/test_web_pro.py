"""Professional mode in the browser (no JavaScript), on SQLite and PostgreSQL: log in, dossiers, saving scenarios
from a result, versions, failed saves that keep the previous version, and access control between organisations."""
from __future__ import annotations

import json
import re

import pytest

from conftest import client_voor, voorbeeld
from kotwijzer.diensten import euro
from kotwijzer.compute import bereken
from kotwijzer.store import repo
from test_web_hulp import Browser

WW = "een-goed-wachtwoord"


def _gebruiker(app, org: str, email: str, rol: str = "beheerder") -> None:
    with app.state.db.sessie() as s:
        o = repo.organisatie(s, org) or repo.organisatie_maken(s, org)
        repo.gebruiker_maken(s, o.id, email, WW, rol)


def _inloggen(app, email: str) -> Browser:
    b = Browser(client_voor(app))
    b.ga("/inloggen")
    b.verstuur("/inloggen", {"email": email, "wachtwoord": WW}, "Inloggen")
    assert b.antwoord.url.path == "/pro", b.html[:1000]
    return b


def _dossier(b: Browser, label: str) -> int:
    b.ga("/pro")
    b.verstuur("/pro/dossiers", {"label": label}, "Dossier aanmaken")
    return int(re.search(r"/pro/dossiers/(\d+)$", str(b.antwoord.url)).group(1))


def _scenario_via_vragen(b: Browser, did: int, naam: str) -> int:
    b.ga(f"/pro/dossiers/{did}/nieuw")
    assert "Nieuwe berekening voor een dossier" in b.html
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, "Volgende")
    b.verstuur("/vragen", {"kind-0-geboortedatum": "2023-01-01", "kind-0-opvang-0-soort": "dagopvang",
                           "kind-0-opvang-0-uren": "100", "kind-0-opvang-0-uurprijs": "10,00"}, "Volgende")
    b.verstuur("/vragen", {"toetsingsinkomen": "40000"}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    b.verstuur("/pro/opslaan", {"naam": naam}, "Opslaan in dossier")
    return int(re.search(r"/pro/scenarios/(\d+)$", str(b.antwoord.url)).group(1))


INVOER = {"berekeningsjaar": 2026, "toetsingsinkomen": 40000,
          "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2020-01-01"}]},
          "kinderen": [{"geboortedatum": "2023-01-01", "opvang": [{"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": "10.00"}]}]}


def test_inloggen_dossier_scenario_versies(app):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    b = _inloggen(app, "a@voorbeeld.nl")
    assert "Bewind A (beheerder)" in b.html
    did = _dossier(b, "gezin 12")
    assert "Dossier gezin 12" in b.html
    sid = _scenario_via_vragen(b, did, "huidige situatie")
    assert "Scenario <strong>huidige situatie</strong>, versie 1" in b.html
    assert b.tekst("toeslag-jaar") == euro(bereken(INVOER).jaar.toeslag)

    # edit with the JSON form: a new version
    f = b.formulier(f"/pro/scenarios/{sid}/json")
    invoer = json.loads(dict(f["velden"])["invoer"])
    invoer["toetsingsinkomen"] = 70000
    b.verstuur(f"/pro/scenarios/{sid}/json", {"invoer": json.dumps(invoer), "toelichting": "nieuw inkomen"}, "Opslaan als nieuwe versie")
    assert "versie 2" in b.html
    assert b.tekst("toeslag-jaar") == euro(bereken(dict(INVOER, toetsingsinkomen=70000)).jaar.toeslag)
    assert "nieuw inkomen" in b.html

    # edit with the questionnaire: answers are prefilled, saving makes version 3
    b.ga(f"/pro/scenarios/{sid}/bewerken")
    assert "U wijzigt een bewaard scenario" in b.html
    for _ in range(4):
        b.verstuur("/vragen", {}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    b.verstuur("/pro/opslaan", {"toelichting": "gecontroleerd"}, "Opslaan als nieuwe versie")
    assert "versie 3" in b.html

    # an older version, and putting it back
    b.ga(f"/pro/scenarios/{sid}/versies/1")
    assert "niet de nieuwste" in b.html
    assert b.tekst("toeslag-jaar") == euro(bereken(INVOER).jaar.toeslag)
    b.verstuur(f"/pro/scenarios/{sid}/terugzetten", {"versie": "1"}, "Terugzetten")
    assert "versie 4" in b.html
    assert b.tekst("toeslag-jaar") == euro(bereken(INVOER).jaar.toeslag)

    pdf = b.client.get(f"/pro/scenarios/{sid}/pdf?versie=2")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    b.ga(f"/pro/dossiers/{did}")
    assert "huidige situatie" in b.html


def test_mislukte_opslag_laat_vorige_versie_intact(app):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    b = _inloggen(app, "a@voorbeeld.nl")
    did = _dossier(b, "gezin 1")
    sid = _scenario_via_vragen(b, did, "basis")
    goed = b.tekst("toeslag-jaar")
    for slecht, melding in (("{kapot", "geen geldige JSON"), ('{"berekeningsjaar": 2026}', "aanvrager: Dit veld is verplicht"),
                            (json.dumps(dict(INVOER, toetsingsinkomen=-1)), "toetsingsinkomen"),
                            (json.dumps(dict(INVOER, kinderen=[dict(INVOER["kinderen"][0], label="1234 56 782")])), "burgerservicenummer")):
        b.ga(f"/pro/scenarios/{sid}")
        b.verstuur(f"/pro/scenarios/{sid}/json", {"invoer": slecht}, "Opslaan als nieuwe versie", verwacht=(409, 422))
        assert melding in b.html, melding
        assert slecht.replace('"', "&#34;")[:20] in b.html or slecht[:5] in b.html  # the typed text is kept
    # a stale version number: somebody else saved in the meantime
    b.ga(f"/pro/scenarios/{sid}")
    b.verstuur(f"/pro/scenarios/{sid}/json", {"verwachte_versie": "7"}, "Opslaan als nieuwe versie", verwacht=409)
    assert "niets overschreven" in b.html
    b.ga(f"/pro/scenarios/{sid}")
    assert "versie 1" in b.html and b.tekst("toeslag-jaar") == goed
    with app.state.db.sessie() as s:
        assert [v.versie for v in s.query(repo.ScenarioVersie).filter_by(scenario_id=sid)] == [1]


def test_bsn_label_geweigerd_in_web(app):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    b = _inloggen(app, "a@voorbeeld.nl")
    b.verstuur("/pro/dossiers", {"label": "111222333"}, "Dossier aanmaken", verwacht=422)
    assert "lijkt op een burgerservicenummer" in b.html
    assert 'href="#label"' in b.html
    assert "Er zijn nog geen dossiers." in b.html


def test_andere_organisatie_ziet_niets_via_web(app):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    _gebruiker(app, "Bewind B", "b@voorbeeld.nl")
    a = _inloggen(app, "a@voorbeeld.nl")
    did = _dossier(a, "gezin van A")
    sid = _scenario_via_vragen(a, did, "basis")
    b = _inloggen(app, "b@voorbeeld.nl")
    b.ga("/pro")
    assert "gezin van A" not in b.html
    for pad in (f"/pro/dossiers/{did}", f"/pro/scenarios/{sid}", f"/pro/scenarios/{sid}/versies/1",
                f"/pro/scenarios/{sid}/bewerken", f"/pro/scenarios/{sid}/pdf", f"/pro/dossiers/{did}/nieuw"):
        r = b.client.get(pad)
        assert r.status_code == 404, (pad, r.status_code)
        assert "gezin van A" not in r.text
    csrf = dict(b.formulier("/pro/dossiers")["velden"])["csrf"]
    for pad, data in ((f"/pro/dossiers/{did}/label", {"label": "van B"}), (f"/pro/dossiers/{did}/verwijderen", {"bevestig": "ja"}),
                      (f"/pro/scenarios/{sid}/json", {"invoer": json.dumps(INVOER)}), (f"/pro/scenarios/{sid}/terugzetten", {"versie": "1"}),
                      (f"/pro/scenarios/{sid}/verwijderen", {"bevestig": "ja"})):
        r = b.client.post(pad, data={"csrf": csrf, **data})
        assert r.status_code == 404, (pad, r.status_code)
    # saving into A's dossier through the result page is refused too
    staat = json.dumps({"invoer": INVOER, "partner": False, "aantal_kinderen": 1, "context": {"dossier": did}})
    r = b.client.post("/pro/opslaan", data={"csrf": csrf, "staat": staat, "dossier": str(did), "naam": "inbraak"})
    assert r.status_code == 404
    staat = json.dumps({"invoer": INVOER, "partner": False, "aantal_kinderen": 1, "context": {"scenario": sid}})
    assert b.client.post("/pro/opslaan", data={"csrf": csrf, "staat": staat}).status_code == 404
    # A still has everything, unchanged
    a.ga(f"/pro/scenarios/{sid}")
    assert "versie 1" in a.html and "gezin van A" in a.html


def test_niet_ingelogd(app):
    with client_voor(app) as c:
        r = c.get("/pro", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/inloggen"
        assert c.get("/pro/scenarios/1/pdf").status_code == 401
        c.get("/inloggen")


def test_rollen_in_web(app):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    _gebruiker(app, "Bewind A", "mw@voorbeeld.nl", "medewerker")
    mw = _inloggen(app, "mw@voorbeeld.nl")
    assert "Beheer" not in mw.html.split("<main")[0]
    assert mw.client.get("/pro/beheer").status_code == 403
    did = _dossier(mw, "gezin 1")
    assert "Dossier verwijderen" not in mw.html
    csrf = dict(mw.formulier("/pro/dossiers/%d/label" % did)["velden"])["csrf"]
    assert mw.client.post(f"/pro/dossiers/{did}/verwijderen", data={"csrf": csrf, "bevestig": "ja"}).status_code == 403

    beh = _inloggen(app, "a@voorbeeld.nl")
    beh.ga("/pro/beheer")
    assert "mw@voorbeeld.nl" in beh.html
    beh.verstuur("/pro/beheer/gebruikers", {"email": "nieuw@voorbeeld.nl", "wachtwoord": "kort", "rol": "medewerker"},
                 "Gebruiker toevoegen", verwacht=422)
    assert "minstens 12 tekens" in beh.html
    beh.verstuur("/pro/beheer/gebruikers", {"email": "nieuw@voorbeeld.nl", "wachtwoord": WW, "rol": "medewerker"}, "Gebruiker toevoegen")
    assert "nieuw@voorbeeld.nl" in beh.html
    assert "dossier aangemaakt" in beh.html and "gebruiker aangemaakt" in beh.html
    # the audit log on the page holds no labels
    logboek = beh.html.split("Logboek")[-1]
    assert "gezin 1" not in logboek
    beh.ga(f"/pro/dossiers/{did}")
    beh.verstuur(f"/pro/dossiers/{did}/verwijderen", {}, "Verwijderen", verwacht=422)
    beh.verstuur(f"/pro/dossiers/{did}/verwijderen", {"bevestig": "ja"}, "Verwijderen")
    assert "Er zijn nog geen dossiers." in beh.html


def test_sessie_wordt_vernieuwd_en_uitloggen_werkt(app):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    c = client_voor(app)
    b = Browser(c)
    b.ga("/inloggen")
    voor = c.cookies.get("kotwijzer_sessie")
    b.verstuur("/inloggen", {"email": "a@voorbeeld.nl", "wachtwoord": WW}, "Inloggen")
    na = c.cookies.get("kotwijzer_sessie")
    assert voor and na and voor != na  # no session fixation
    b.verstuur("/uitloggen", {}, "Uitloggen")
    assert c.cookies.get("kotwijzer_sessie") != na
    oud = client_voor(app, cookies={"kotwijzer_sessie": na})
    assert oud.get("/pro", follow_redirects=False).status_code == 303


def test_inloglimiet_web(app):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    b = Browser(client_voor(app))
    b.ga("/inloggen")
    for _ in range(5):
        b.verstuur("/inloggen", {"email": "a@voorbeeld.nl", "wachtwoord": "fout"}, "Inloggen", verwacht=401)
        assert "klopt niet" in b.html
    b.verstuur("/inloggen", {"email": "a@voorbeeld.nl", "wachtwoord": WW}, "Inloggen", verwacht=429)
    assert "Te veel mislukte pogingen" in b.html


@pytest.mark.parametrize("naam", ["paar_werkt_2026", "wlz_partner_2023", "bijstand_activiteit_c_2026"])
def test_voorbeelddata(sqlite_app, naam):
    from kotwijzer.store.voorbeeld import EMAIL, laad_voorbeelden
    from kotwijzer.web.serve import _samenvatting

    email, ww = laad_voorbeelden(sqlite_app.state.db, _samenvatting, "voorbeeld-wachtwoord")
    assert email == EMAIL and ww == "voorbeeld-wachtwoord"
    assert laad_voorbeelden(sqlite_app.state.db, _samenvatting) == (EMAIL, None)  # idempotent
    b = Browser(client_voor(sqlite_app))
    b.ga("/inloggen")
    b.verstuur("/inloggen", {"email": EMAIL, "wachtwoord": "voorbeeld-wachtwoord"}, "Inloggen")
    assert b.html.count("/pro/dossiers/") == 3
    with sqlite_app.state.db.sessie() as s:
        v = next(v for v in s.query(repo.ScenarioVersie) if v.invoer.get("berekeningsjaar") == voorbeeld(naam)["berekeningsjaar"]
                 and v.invoer.get("toetsingsinkomen") == voorbeeld(naam)["toetsingsinkomen"])
        assert v.samenvatting["toeslag_jaar"] == str(bereken(voorbeeld(naam)).jaar.toeslag)
