"""Issue 15 §4 for professionals, at the HTTP level: 'Opnieuw berekenen' is Post/Redirect/Get; a look at a dossier is
logged once per user per dossier per login session and the dossier page shows changes first; a dossier list for fifty
clients (search by label, sort by last change); the comparison as PDF; the monthly figures as a spreadsheet in the
Dutch dialect of the other exports."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from test_web_pro import INVOER, _dossier, _gebruiker, _inloggen

from conftest import client_voor
from kotwijzer.compute import bereken
from kotwijzer.diensten import MAANDNAMEN
from kotwijzer.store import repo
from test_web_hulp import Browser


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
    assert sum(1 for x in regels if x.actie in ("dossier_geopend", "scenario_geopend")) == 1
    # a change after the reads heads the dossier page; the reads are listed after the changes
    b.verstuur(
        f"/pro/scenarios/{sid}/json",
        {"invoer": __import__("json").dumps(dict(INVOER, toetsingsinkomen=50000))},
        "Opslaan als nieuwe versie",
    )
    b.ga(f"/pro/dossiers/{did}")
    deel = b.html.split('id="dossier-logboek"')[1]
    assert deel.index("nieuwe versie opgeslagen") < deel.index("dossier geopend")
    # a new login session records one new look
    b2 = _inloggen(sqlite_app, "l@voorbeeld.nl")
    b2.ga(f"/pro/dossiers/{did}")
    b2.ga(f"/pro/dossiers/{did}")
    with sqlite_app.state.db.sessie() as s:
        assert (
            sum(
                1
                for x in repo.logboek(s, repo.Actor(1, 1, "beheerder"), 1000, dossier_id=did)
                if x.actie in ("dossier_geopend", "scenario_geopend")
            )
            == 2
        )


def test_vijftig_dossiers_zoeken_en_sorteren(sqlite_app):
    _gebruiker(sqlite_app, "Bewind V", "v@voorbeeld.nl")
    b = _inloggen(sqlite_app, "v@voorbeeld.nl")
    ids = {}
    import datetime as dt

    from kotwijzer.store.models import Dossier

    for i in range(1, 51):
        did, ids[i] = _scenario(sqlite_app, "v@voorbeeld.nl", f"cliënt {i:02d}")
        with sqlite_app.state.db.sessie() as s:  # fifty clients over the past months, the highest number most recent
            s.get(Dossier, did).gewijzigd = dt.datetime.now(dt.UTC) - dt.timedelta(days=60 - i)
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
    b.verstuur(
        f"/pro/scenarios/{ids[7]}/json",
        {"invoer": __import__("json").dumps(dict(INVOER, toetsingsinkomen=45000))},
        "Opslaan als nieuwe versie",
    )
    b.ga("/pro?volgorde=gewijzigd")
    assert re.findall(r'<a href="/pro/dossiers/\d+">(cliënt \d+)</a>', b.html)[1] == "cliënt 50"
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
    for m, rij in zip(r.maanden, rijen[1:13], strict=True):
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
    b.verstuur(
        f"/pro/scenarios/{sid}/json",
        {"invoer": json.dumps(dict(INVOER, toetsingsinkomen=70000))},
        "Opslaan als nieuwe versie",
    )
    b.ga(f"/pro/scenarios/{sid}/vergelijk?a=1&b=2")
    b.klik("vergelijk-pdf")
    assert b.antwoord.headers["content-type"] == "application/pdf"
    tekst = " ".join(
        subprocess.run(["pdftotext", "-layout", "-", "-"], input=b.antwoord.content, capture_output=True, check=True)
        .stdout.decode()
        .replace("\u00a0", " ")
        .split()
    )
    oud, nieuw = bereken(INVOER), bereken(dict(INVOER, toetsingsinkomen=70000))
    assert "Versie 1 en versie 2 naast elkaar" in tekst and "gezin 4" in tekst
    assert "Gezamenlijk toetsingsinkomen € 40.000 € 70.000" in tekst
    verschil = oud.jaar.toeslag - nieuw.jaar.toeslag
    assert f"- € {verschil:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") in tekst


def _zinnen_met_u(html: str) -> list[str]:
    """Sentences of <main> that speak to 'u', leaving out what speaks to the user of the page (printing, resume link,
    the letter form: class geen-print or tot-gebruiker)."""
    import html as h

    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(
        r"<(section|p|div)[^>]*class=\"[^\"]*\b(geen-print|tot-gebruiker)\b[^\"]*\"[^>]*>.*?</\1>",
        " ",
        main,
        flags=re.S,
    )
    tekst = h.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)))
    return [z for z in re.split(r"(?<=[.?!:])\s", tekst) if re.search(r"\b([Uu]|[Uu]w)\b", z)]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils ontbreekt")
def test_professionele_modus_spreekt_over_de_ouder(sqlite_app):
    _gebruiker(sqlite_app, "Bewind O", "o@voorbeeld.nl")
    b = _inloggen(sqlite_app, "o@voorbeeld.nl")
    did = _dossier(b, "gezin 5")
    b.ga(f"/pro/dossiers/{did}/nieuw")
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "ja", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, "Volgende")
    b.verstuur("/vragen", {"partner-0-situatie": "wlz_permanent", "partner-0-van": "2020-01-01"}, "Volgende")
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
    assert "Controleer" in b.html
    assert _zinnen_met_u(b.html) == []
    assert "de partner" in b.html.split("<main", 1)[1]
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    assert _zinnen_met_u(b.html) == []
    assert "De ouder heeft recht op kinderopvangtoeslag" in b.html or "de ouder" in b.html
    # the summary PDF downloaded from that result page speaks about "de ouder" too
    samenvatting = re.search(r'id="naar-pdf" href="([^"]+)"', b.html)
    assert samenvatting
    pdf = b.client.get(html.unescape(samenvatting[1])).content
    tekst = " ".join(
        subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    met_u = re.findall(r".{0,40}\b(?:[Uu]|[Uu]w)\b.{0,40}", tekst)
    assert not met_u, met_u[:5]
    assert "de ouder" in tekst.lower()
    # the same result for a parent still says "u"
    from kotwijzer.web import formulier as fm
    from kotwijzer.web import hervatten

    ouder = Browser(client_voor(sqlite_app))
    a = hervatten.maak(sqlite_app.state.geheim, fm.staat_van_invoer(json_invoer_wlz()))
    ouder.ga(f"/uitkomst?a={a}")
    assert _zinnen_met_u(ouder.html)
    # the professional's PDF
    b.verstuur("/pro/opslaan", {"naam": "huidige situatie"}, "Opslaan in dossier")
    sid = int(re.search(r"/pro/scenarios/(\d+)$", str(b.antwoord.url)).group(1))
    pdf = b.client.get(f"/pro/scenarios/{sid}/pdf").content
    tekst = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    tekst = " ".join(tekst.split())
    assert not re.findall(r".{0,40}\b(?:[Uu]|[Uu]w)\b.{0,40}", tekst), re.findall(
        r".{0,40}\b(?:[Uu]|[Uu]w)\b.{0,40}", tekst
    )
    assert "de ouder" in tekst.lower()


def json_invoer_wlz() -> dict:
    return {
        "berekeningsjaar": 2026,
        "toetsingsinkomen": 40000,
        "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2020-01-01"}]},
        "partner": {"situaties": [{"situatie": "wlz_permanent", "van": "2020-01-01"}]},
        "kinderen": [
            {
                "geboortedatum": "2023-01-01",
                "opvang": [{"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": "10.00"}],
            }
        ],
    }


def test_opslaan_na_opnieuw_berekenen_ziet_de_versie_van_een_ander(sqlite_app):
    """Recompute, meanwhile a colleague saves version 2; after a reload, saving the recomputed facts is refused (409) instead of
    silently writing over the colleague's version, and the facts typed stay on the page."""
    import json

    _gebruiker(sqlite_app, "Bewind C", "c@voorbeeld.nl")
    b = _inloggen(sqlite_app, "c@voorbeeld.nl")
    _, sid = _scenario(sqlite_app, "c@voorbeeld.nl", "gezin 6")
    b.ga(f"/pro/scenarios/{sid}")
    b.verstuur(f"/pro/scenarios/{sid}/werkbank", {"toetsingsinkomen": "70000"}, "Opnieuw berekenen")
    collega = _inloggen(sqlite_app, "c@voorbeeld.nl")
    collega.ga(f"/pro/scenarios/{sid}")
    collega.verstuur(
        f"/pro/scenarios/{sid}/json",
        {"invoer": json.dumps(dict(INVOER, toetsingsinkomen=55000))},
        "Opslaan als nieuwe versie",
    )
    b.ga(str(b.antwoord.url))  # reload (or Back to) the recomputed page after the colleague's save
    assert "/werkbank?c=" in str(b.antwoord.url)
    b.verstuur(f"/pro/scenarios/{sid}/werkbank", {}, "Opslaan als nieuwe versie", nummer=0, verwacht=409)
    assert 'value="70000"' in b.html
    with sqlite_app.state.db.sessie() as s:
        v = repo.scenario_versie(s, repo.Actor(1, 1, "beheerder"), sid)
        assert v.versie == 2 and v.invoer["toetsingsinkomen"] == 55000
