"""Professional mode in the browser (no JavaScript), on SQLite and PostgreSQL: log in, dossiers, saving scenarios
from a result, versions, failed saves that keep the previous version, and access control between organisations."""

from __future__ import annotations

import json
import re

import pytest

from conftest import client_voor, voorbeeld
from kotwijzer.compute import bereken
from kotwijzer.diensten import MAANDNAMEN, euro
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
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2023-01-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "10,00",
        },
        "Volgende",
    )
    b.verstuur("/vragen", {"toetsingsinkomen": "40000", "aangevraagd": "nee"}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    b.verstuur("/pro/opslaan", {"naam": naam}, "Opslaan in dossier")
    return int(re.search(r"/pro/scenarios/(\d+)$", str(b.antwoord.url)).group(1))


INVOER = {
    "berekeningsjaar": 2026,
    "toetsingsinkomen": 40000,
    "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2020-01-01"}]},
    "kinderen": [
        {"geboortedatum": "2023-01-01", "opvang": [{"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": "10.00"}]}
    ],
}


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
    b.verstuur(
        f"/pro/scenarios/{sid}/json",
        {"invoer": json.dumps(invoer), "toelichting": "nieuw inkomen"},
        "Opslaan als nieuwe versie",
    )
    assert "versie 2" in b.html
    assert b.tekst("toeslag-jaar") == euro(bereken(dict(INVOER, toetsingsinkomen=70000)).jaar.toeslag)
    assert "nieuw inkomen" in b.html

    # edit with the questionnaire: answers are prefilled, saving makes version 3
    b.ga(f"/pro/scenarios/{sid}/bewerken")
    assert "U wijzigt een bewaard scenario" in b.html
    # the questionnaire speaks about "de ouder" in professional mode, not to the professional as if a parent
    assert "Heeft de ouder een partner?" in b.html and "Heeft u een partner?" not in b.html
    assert "Het gezin van de ouder" in b.html
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
    for slecht, melding in (
        ("{kapot", "geen geldige JSON"),
        ('{"berekeningsjaar": 2026}', "aanvrager: Dit veld is verplicht"),
        (json.dumps(dict(INVOER, toetsingsinkomen=-1)), "toetsingsinkomen"),
        (json.dumps(dict(INVOER, kinderen=[dict(INVOER["kinderen"][0], label="1234 56 782")])), "burgerservicenummer"),
    ):
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
    for pad in (
        f"/pro/dossiers/{did}",
        f"/pro/scenarios/{sid}",
        f"/pro/scenarios/{sid}/versies/1",
        f"/pro/scenarios/{sid}/bewerken",
        f"/pro/scenarios/{sid}/pdf",
        f"/pro/dossiers/{did}/nieuw",
    ):
        r = b.client.get(pad)
        assert r.status_code == 404, (pad, r.status_code)
        assert "gezin van A" not in r.text
    csrf = dict(b.formulier("/pro/dossiers")["velden"])["csrf"]
    for pad, data in (
        (f"/pro/dossiers/{did}/label", {"label": "van B"}),
        (f"/pro/dossiers/{did}/verwijderen", {"bevestig": "ja"}),
        (f"/pro/scenarios/{sid}/json", {"invoer": json.dumps(INVOER)}),
        (f"/pro/scenarios/{sid}/terugzetten", {"versie": "1"}),
        (f"/pro/scenarios/{sid}/verwijderen", {"bevestig": "ja"}),
    ):
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
    csrf = dict(mw.formulier(f"/pro/dossiers/{did}/label")["velden"])["csrf"]
    assert mw.client.post(f"/pro/dossiers/{did}/verwijderen", data={"csrf": csrf, "bevestig": "ja"}).status_code == 403

    beh = _inloggen(app, "a@voorbeeld.nl")
    beh.ga("/pro/beheer")
    assert "mw@voorbeeld.nl" in beh.html
    beh.verstuur(
        "/pro/beheer/gebruikers",
        {"email": "nieuw@voorbeeld.nl", "wachtwoord": "kort", "rol": "medewerker"},
        "Gebruiker toevoegen",
        verwacht=422,
    )
    assert "minstens 12 tekens" in beh.html
    beh.verstuur(
        "/pro/beheer/gebruikers",
        {"email": "nieuw@voorbeeld.nl", "wachtwoord": WW, "rol": "medewerker"},
        "Gebruiker toevoegen",
    )
    assert "nieuw@voorbeeld.nl" in beh.html
    assert "dossier aangemaakt" in beh.html and "gebruiker toegevoegd" in beh.html
    # the logbook says who did what to which dossier, with a link; reads are logged too
    logboek = beh.html.split('id="logboek"')[-1]
    assert f'<a href="/pro/dossiers/{did}">gezin 1</a>' in logboek
    assert "mw@voorbeeld.nl" in logboek and "dossier geopend" in logboek
    beh.ga(f"/pro/dossiers/{did}")
    beh.verstuur(f"/pro/dossiers/{did}/verwijderen", {}, "Verwijderen", verwacht=422)
    beh.verstuur(f"/pro/dossiers/{did}/verwijderen", {"bevestig": "ja"}, "Verwijderen")
    assert "Er zijn nog geen dossiers." in beh.html
    # a deleted dossier leaves no label behind in the logbook
    beh.ga("/pro/beheer")
    logboek = beh.html.split('id="logboek"')[-1]
    assert "gezin 1" not in logboek and f"verwijderd dossier (nummer {did})" in logboek


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
    for _ in range(3):
        b.verstuur("/inloggen", {"email": "a@voorbeeld.nl", "wachtwoord": "fout"}, "Inloggen", verwacht=401)
        assert "klopt niet" in b.html
    b.verstuur("/inloggen", {"email": "a@voorbeeld.nl", "wachtwoord": WW}, "Inloggen", verwacht=429)
    assert "Te veel mislukte pogingen" in b.html


@pytest.mark.parametrize("naam", ["paar_werkt_2026", "wlz_partner_2023", "bijstand_activiteit_c_2026"])
def test_voorbeelddata(sqlite_app, naam):
    from kotwijzer.serve import _samenvatting
    from kotwijzer.store.voorbeeld import EMAIL, laad_voorbeelden

    email, ww = laad_voorbeelden(sqlite_app.state.db, _samenvatting, "wolken-boven-de-duinen")
    assert email == EMAIL and ww == "wolken-boven-de-duinen"
    assert laad_voorbeelden(sqlite_app.state.db, _samenvatting) == (EMAIL, None)  # idempotent
    b = Browser(client_voor(sqlite_app))
    b.ga("/inloggen")
    b.verstuur("/inloggen", {"email": EMAIL, "wachtwoord": "wolken-boven-de-duinen"}, "Inloggen")
    assert b.html.count("/pro/dossiers/") == 3
    with sqlite_app.state.db.sessie() as s:
        v = next(
            v
            for v in s.query(repo.ScenarioVersie)
            if v.invoer.get("berekeningsjaar") == voorbeeld(naam)["berekeningsjaar"]
            and v.invoer.get("toetsingsinkomen") == voorbeeld(naam)["toetsingsinkomen"]
        )
        assert v.samenvatting["toeslag_jaar"] == str(bereken(voorbeeld(naam)).jaar.toeslag)


def test_werkbank_een_pagina_en_versies_vergelijken(app):
    """The professional edits every fact on one page: change one number, recompute (nothing saved), save as a new
    version; then two versions side by side show the changed fact and the money per month and over the year."""
    from kotwijzer.web.pdf import hele_euros

    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    b = _inloggen(app, "a@voorbeeld.nl")
    did = _dossier(b, "gezin 30")
    with app.state.db.sessie() as s:
        sc = repo.scenario_maken(s, _actor(app, "a@voorbeeld.nl"), did, "huidige situatie", INVOER, {})
        sid = sc.id
    b.ga(f"/pro/scenarios/{sid}")
    velden = dict(b.formulier(f"/pro/scenarios/{sid}/werkbank")["velden"])
    # all facts are on the page
    assert velden["jaar"] == "2026" and velden["toetsingsinkomen"] == "40000"
    assert velden["aanvrager-0-situatie"] == "arbeid" and velden["aanvrager-0-van"] == "01-01-2020"
    assert velden["kind-0-geboortedatum"] == "01-01-2023" and velden["kind-0-opvang-0-uurprijs"] == "10"
    assert "partner-0-situatie" in velden and "aanvraagdatum" in velden

    # recompute with one number changed: the page shows the new result and the difference, nothing is saved
    b.verstuur(f"/pro/scenarios/{sid}/werkbank", {"toetsingsinkomen": "70.000"}, "Opnieuw berekenen")
    assert "nog niet opgeslagen" in b.html
    oud, nieuw = bereken(INVOER), bereken(dict(INVOER, toetsingsinkomen=70000))
    assert b.tekst("toeslag-jaar") == euro(nieuw.jaar.toeslag)
    assert _rijen(b.html, "feiten-verschil") == [["Gezamenlijk toetsingsinkomen", "€ 40.000", "€ 70.000"]]
    with app.state.db.sessie() as s:
        assert repo.scenario(s, _actor(app, "a@voorbeeld.nl"), sid).huidige_versie == 1

    # an error names the field and keeps what was typed
    b.verstuur(
        f"/pro/scenarios/{sid}/werkbank",
        {"toetsingsinkomen": "70.000", "kind-0-opvang-0-uurprijs": "tien"},
        "Opnieuw berekenen",
        verwacht=422,
    )
    assert 'href="#kind-0-opvang-0-uurprijs"' in b.html and 'value="tien"' in b.html

    # save as a new version
    b.verstuur(
        f"/pro/scenarios/{sid}/werkbank",
        {"toetsingsinkomen": "70000", "kind-0-opvang-0-uurprijs": "10,00", "toelichting": "hoger inkomen"},
        "Opslaan als nieuwe versie",
    )
    assert "versie 2" in b.html and b.tekst("toeslag-jaar") == euro(nieuw.jaar.toeslag)

    # two versions side by side
    f = b.formulier(f"/pro/scenarios/{sid}/vergelijk")
    assert f["method"] == "get" and dict(f["velden"]) == {"a": "1", "b": "2"}
    b.ga(f"/pro/scenarios/{sid}/vergelijk?a=1&b=2")
    assert "Versie 1 en versie 2 naast elkaar" in b.html
    assert _rijen(b.html, "feiten-verschil") == [["Gezamenlijk toetsingsinkomen", "€ 40.000", "€ 70.000"]]
    # the first month that is paid (without an application date the core counts from today: earlier months are lost)
    i = next(i for i, m in enumerate(oud.maanden) if m.uitbetaling_voorschot)
    m_oud, m_nieuw = oud.maanden[i].uitbetaling_voorschot, nieuw.maanden[i].uitbetaling_voorschot
    assert m_nieuw < m_oud
    assert _rijen(b.html, "geld-verschil")[i] == [
        x.replace("\u00a0", " ")
        for x in [MAANDNAMEN[i], hele_euros(m_oud), hele_euros(m_nieuw), f"- {hele_euros(m_oud - m_nieuw)}"]
    ]
    betaald_oud = sum(m.uitbetaling_voorschot for m in oud.maanden)
    betaald_nieuw = sum(m.uitbetaling_voorschot for m in nieuw.maanden)
    assert b.tekst("verschil-betaald").replace("\u00a0", " ") == f"- {hele_euros(betaald_oud - betaald_nieuw)}".replace(
        "\u00a0", " "
    )
    assert b.tekst("verschil-jaar") == f"- {euro(oud.jaar.toeslag - nieuw.jaar.toeslag)}"

    # the PDF download shows in the logbook, with the dossier label and a link
    assert b.client.get(f"/pro/scenarios/{sid}/pdf").status_code == 200
    b.ga("/pro/beheer")
    logboek = b.html.split('id="logboek"')[-1]
    eerste_regel = logboek.split("<tr>")[2]
    assert "PDF gedownload" in eerste_regel and f'<a href="/pro/dossiers/{did}">gezin 30</a>' in eerste_regel
    assert "huidige situatie</a> (versie 2)" in eerste_regel
    # and in the dossier's own logbook
    b.ga(f"/pro/dossiers/{did}")
    eigen = b.html.split('id="dossier-logboek"')[1]
    # changes first: the new version heads the dossier's logbook; the reads follow in their own table
    wijzigingen, gelezen = eigen.split('id="dossier-gelezen"')
    assert "nieuwe versie opgeslagen" in wijzigingen.split("<tr>")[2] and "geopend" not in wijzigingen
    assert "PDF gedownload" in gelezen.split("<tr>")[2] and "dossier geopend" in gelezen


def _rijen(html: str, tabel_id: str) -> list[list[str]]:
    """The body rows of the table with this id, as lists of cell texts."""
    import html as h

    tabel = html.split(f'id="{tabel_id}"', 1)[1].split("</table>", 1)[0]
    body = tabel.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    uit = []
    for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cellen = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)
        uit.append([" ".join(h.unescape(re.sub(r"<[^>]+>", "", c)).replace("\u00a0", " ").split()) for c in cellen])
    return uit


def _actor(app, email: str) -> repo.Actor:
    from sqlalchemy import select

    from kotwijzer.store.models import Gebruiker

    with app.state.db.sessie() as s:
        return repo.Actor.van(s.scalar(select(Gebruiker).where(Gebruiker.email == email)))


def test_werkbank_jaar_zonder_bedragen(sqlite_app):
    """A 2027 scenario (no table yet): the workbench, the comparison and the PDF work and say the amount is missing."""
    app = sqlite_app
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    b = _inloggen(app, "a@voorbeeld.nl")
    did = _dossier(b, "gezin 2027")
    invoer = {
        "berekeningsjaar": 2027,
        "toetsingsinkomen": 40000,
        "aanvraagdatum": "2027-01-05",
        "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2020-01-01"}]},
        "kinderen": [
            {
                "geboortedatum": "2025-03-01",
                "opvang": [{"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": "10.00"}],
            }
        ],
    }
    with app.state.db.sessie() as s:
        sid = repo.scenario_maken(s, _actor(app, "a@voorbeeld.nl"), did, "plan 2027", invoer, {}).id
    b.ga(f"/pro/scenarios/{sid}")
    assert b.antwoord.status_code == 200
    assert b.tekst("toeslag-jaar") == "niet te berekenen"
    assert "nog geen bedrag berekend" in b.html and "€ 0" not in b.html.split('id="feiten-kop"')[0]
    b.verstuur(f"/pro/scenarios/{sid}/werkbank", {"toetsingsinkomen": "50000"}, "Opslaan als nieuwe versie")
    b.ga(f"/pro/scenarios/{sid}/vergelijk?a=1&b=2")
    assert _rijen(b.html, "geld-verschil")[0] == ["januari", "niet te berekenen", "niet te berekenen", "-"]
    assert b.tekst("verschil-jaar") == "-"
    assert b.client.get(f"/pro/scenarios/{sid}/pdf").content.startswith(b"%PDF")
