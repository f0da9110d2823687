"""Issue 15 §4 for professionals, at the HTTP level: 'Opnieuw berekenen' is Post/Redirect/Get; a look at a dossier is
logged once per user per dossier per login session and the dossier page shows changes first; a dossier list for fifty
clients (search by label, sort by last change); the comparison as PDF; the monthly figures as a spreadsheet in the
Dutch dialect of the other exports."""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from conftest import client_voor
from kotwijzer.compute import bereken
from kotwijzer.diensten import MAANDNAMEN
from kotwijzer.store import repo
from test_web_hulp import Browser
from test_web_pro import INVOER, WW, _dossier, _gebruiker, _inloggen


def _scenario(app, email: str, label: str, invoer=INVOER) -> tuple[int, int]:
    with app.state.db.sessie() as s:
        g = repo.zoek_gebruiker(s, email)
        actor = repo.Actor(g.id, g.organisatie_id, g.rol)
        d = repo.dossier_maken(s, actor, label)
        sc = repo.scenario_maken(s, actor, d.id, "huidige situatie", invoer, {"toeslag_jaar": "0"}, "")
        return d.id, sc.id


def test_opnieuw_berekenen_is_prg_en_het_adres_houdt_de_wijziging(sqlite_app):
    _gebruiker(sqlite_app, "Bewind W", "w@voorbeeld.nl")
    b = _inloggen(sqlite_app, "w@voorbeeld.nl")
    _, sid = _scenario(sqlite_app, "w@voorbeeld.nl", "gezin 1")
    b.ga(f"/pro/scenarios/{sid}")
    velden = dict(b.formulier(f"/pro/scenarios/{sid}/werkbank")["velden"])
    velden.update({"toetsingsinkomen": "70000", "actie": "bereken"})
    r = b.client.post(f"/pro/scenarios/{sid}/werkbank", data=velden, follow_redirects=False)
    # a 303 to a GET address: reload and Back/Forward never post the form again
    assert r.status_code == 303, r.status_code
    adres = r.headers["location"]
    assert re.fullmatch(rf"/pro/scenarios/{sid}/werkbank\?c=[\w.\-%]+", adres)
    for _ in range(2):  # the address is the page: loading it twice (reload) gives the same page and saves nothing
        p = b.client.get(adres)
        assert p.status_code == 200 and "Opnieuw berekend, nog niet opgeslagen" in p.text
        assert 'id="toetsingsinkomen" name="toetsingsinkomen" type="text" value="70000"' in p.text
    with sqlite_app.state.db.sessie() as s:
        assert [v.versie for v in repo.scenario_versies(s, repo.Actor(1, 1, "beheerder"), sid)] == [1]
    # an error is a GET address too
    velden["kind-0-opvang-0-uurprijs"] = "tien"
    r = b.client.post(f"/pro/scenarios/{sid}/werkbank", data=velden, follow_redirects=False)
    assert r.status_code == 303
    p = b.client.get(r.headers["location"])
    assert p.status_code == 422 and "Vul een getal in" in p.text and 'value="tien"' in p.text
    # a token of another scenario or a broken one shows the saved scenario
    assert b.client.get(f"/pro/scenarios/{sid}/werkbank?c=kapot", follow_redirects=False).status_code == 303


def test_bekijken_eenmaal_per_sessie_en_wijzigingen_eerst(sqlite_app):
    _gebruiker(sqlite_app, "Bewind L", "l@voorbeeld.nl")
    b = _inloggen(sqlite_app, "l@voorbeeld.nl")
    did, sid = _scenario(sqlite_app, "l@voorbeeld.nl", "gezin 2")
    for _ in range(25):  # reloads and walking between the dossier and its scenario
        b.ga(f"/pro/dossiers/{did}")
        b.ga(f"/pro/scenarios/{sid}")
    with sqlite_app.state.db.sessie() as s:
        actor = repo.Actor(1, 1, "beheerder")
        regels = repo.logboek(s, actor, 1000, dossier_id=did)
    assert sum(1 for x in regels if x.actie in repo.BEKIJKEN) == 1
    # a change after the reads heads the dossier page; the reads are listed after the changes
    b.verstuur(f"/pro/scenarios/{sid}/json", {"invoer": __import__("json").dumps(dict(INVOER, toetsingsinkomen=50000))},
               "Opslaan als nieuwe versie")
    b.ga(f"/pro/dossiers/{did}")
    deel = b.html.split('id="dossier-logboek"')[1]
    assert deel.index("nieuwe versie opgeslagen") < deel.index("dossier geopend")
    # a new login session records one new look
    b2 = _inloggen(sqlite_app, "l@voorbeeld.nl")
    b2.ga(f"/pro/dossiers/{did}")
    b2.ga(f"/pro/dossiers/{did}")
    with sqlite_app.state.db.sessie() as s:
        assert sum(1 for x in repo.logboek(s, repo.Actor(1, 1, "beheerder"), 1000, dossier_id=did)
                   if x.actie in repo.BEKIJKEN) == 2


def test_vijftig_dossiers_zoeken_en_sorteren(sqlite_app):
    _gebruiker(sqlite_app, "Bewind V", "v@voorbeeld.nl")
    b = _inloggen(sqlite_app, "v@voorbeeld.nl")
    ids = {}
    for i in range(1, 51):
        ids[i] = _scenario(sqlite_app, "v@voorbeeld.nl", f"cliënt {i:02d}")[1]
    b.ga("/pro")
    assert "50 dossiers." in b.html
    b.verstuur("/pro", {"zoek": "ënt 1"}, "Zoeken")
    labels = re.findall(r'<a href="/pro/dossiers/\d+">(cliënt \d+)</a>', b.html)
    assert sorted(labels) == [f"cliënt {i}" for i in range(10, 20)]
    assert "10 van 50 dossiers" in b.html
    # the address holds the search: Back and a bookmark show the same list
    assert "zoek=" in str(b.antwoord.url)
    # sort by last change: a new version of client 07 puts it first
    b.ga(f"/pro/scenarios/{ids[7]}")
    b.verstuur(f"/pro/scenarios/{ids[7]}/json", {"invoer": __import__("json").dumps(dict(INVOER, toetsingsinkomen=45000))},
               "Opslaan als nieuwe versie")
    b.ga("/pro?volgorde=gewijzigd")
    assert re.findall(r'<a href="/pro/dossiers/\d+">(cliënt \d+)</a>', b.html)[0] == "cliënt 07"
    b.ga("/pro?volgorde=label")
    alle = re.findall(r'<a href="/pro/dossiers/\d+">(cliënt \d+)</a>', b.html)
    assert alle == sorted(alle) and len(alle) == 50
    # a search with LIKE characters is literal
    b.ga("/pro?zoek=%25")
    assert "Geen dossier met '%' in het label." in b.html


def test_maanden_als_spreadsheet(sqlite_app):
    _gebruiker(sqlite_app, "Bewind S", "s@voorbeeld.nl")
    b = _inloggen(sqlite_app, "s@voorbeeld.nl")
    _, sid = _scenario(sqlite_app, "s@voorbeeld.nl", "=gezin+3")
    r = bereken(INVOER)
    c = b.client.get(f"/pro/scenarios/{sid}/maanden.csv")
    assert c.status_code == 200 and c.content.startswith("\ufeff".encode())
    rijen = list(csv.reader(io.StringIO(c.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][0] == "Maand" and "Toeslag (€ per maand)" in rijen[0]
    j = rijen[0].index("Toeslag (€ per maand)")
    for m, rij in zip(r.maanden, rijen[1:13]):
        assert rij[0] == MAANDNAMEN[m.maand - 1]
        assert rij[j] == f"{m.toeslag:.2f}".replace(".", ",")  # decimal comma
    assert rijen[13][0] == "Jaar" and rijen[13][j] == f"{r.jaar.toeslag:.2f}".replace(".", ",")
    x = b.client.get(f"/pro/scenarios/{sid}/maanden.xlsx")
    ws = load_workbook(io.BytesIO(x.content)).active
    assert ws.cell(1, 1).value == "Maand" and ws.cell(2, 1).value == "januari"
    assert abs(ws.cell(2, j + 1).value - float(r.maanden[0].toeslag)) < 0.005
    # the download is in the logbook
    with sqlite_app.state.db.sessie() as s:
        assert [x.actie for x in repo.logboek(s, repo.Actor(1, 1, "beheerder"), 5)][:2] == ["export_gedownload"] * 2


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils ontbreekt")
def test_vergelijking_als_pdf(sqlite_app):
    import json

    _gebruiker(sqlite_app, "Bewind P", "p@voorbeeld.nl")
    b = _inloggen(sqlite_app, "p@voorbeeld.nl")
    _, sid = _scenario(sqlite_app, "p@voorbeeld.nl", "gezin 4")
    b.ga(f"/pro/scenarios/{sid}")
    b.verstuur(f"/pro/scenarios/{sid}/json", {"invoer": json.dumps(dict(INVOER, toetsingsinkomen=70000))},
               "Opslaan als nieuwe versie")
    b.ga(f"/pro/scenarios/{sid}/vergelijk?a=1&b=2")
    b.klik("vergelijk-pdf")
    assert b.antwoord.headers["content-type"] == "application/pdf"
    tekst = " ".join(subprocess.run(["pdftotext", "-layout", "-", "-"], input=b.antwoord.content, capture_output=True,
                                    check=True).stdout.decode().replace("\u00a0", " ").split())
    oud, nieuw = bereken(INVOER), bereken(dict(INVOER, toetsingsinkomen=70000))
    assert "Versie 1 en versie 2 naast elkaar" in tekst and "gezin 4" in tekst
    assert "Gezamenlijk toetsingsinkomen € 40.000 € 70.000" in tekst
    verschil = oud.jaar.toeslag - nieuw.jaar.toeslag
    assert f"- € {verschil:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") in tekst
