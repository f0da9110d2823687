"""Accounts with a lifecycle: an organisation and its first beheerder from the command line; change and reset of
passwords; weak and breached passwords refused; inactivity timeout besides the absolute one; log out everywhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from conftest import client_voor
from kotwijzer.cli import app as cli
from kotwijzer.store import repo
from kotwijzer.store.models import Sessie
from test_web_hulp import lees

WW = "een-goed-wachtwoord"
runner = CliRunner()


def _org(app, naam="Bewind A", email="a@voorbeeld.nl"):
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, naam)
        repo.gebruiker_maken(s, o.id, email, WW, "beheerder")


def _token(c, email="a@voorbeeld.nl", ww=WW):
    r = c.post("/api/v1/sessies", json={"email": email, "wachtwoord": ww})
    assert r.status_code == 201, r.text
    return {"Authorization": "Bearer " + r.json()["token"]}


def test_cli_organisatie_met_eerste_beheerder(app, db_url):
    r = runner.invoke(
        cli,
        [
            "beheer",
            "organisatie",
            "Bewind Noord",
            "--beheerder",
            "Beheer@Noord.nl",
            "--genereer",
            "--database-url",
            db_url,
        ],
    )
    assert r.exit_code == 0, r.output
    ww = re.search(r"geef het veilig door\): (\S+)", r.output).group(1)
    with client_voor(app) as c:
        r = c.post("/api/v1/sessies", json={"email": "beheer@noord.nl", "wachtwoord": ww})
        assert r.status_code == 201 and r.json()["rol"] == "beheerder"
    # typed in (hidden, twice): a weak one is refused with the reason, nothing is created
    r = runner.invoke(
        cli,
        ["beheer", "organisatie", "Bewind Zuid", "--beheerder", "b@zuid.nl", "--database-url", db_url],
        input="qwerty123456\nqwerty123456\n",
    )
    assert r.exit_code == 2 and "uitgelekte" in r.output
    with app.state.db.sessie() as s:
        assert repo.organisatie(s, "Bewind Zuid") is None
    r = runner.invoke(
        cli,
        ["beheer", "organisatie", "Bewind Zuid", "--beheerder", "b@zuid.nl", "--database-url", db_url],
        input="drie kleine vogels zingen\ndrie kleine vogels zingen\n",
    )
    assert r.exit_code == 0, r.output
    assert "drie kleine" not in r.output  # a typed password is never printed


@pytest.mark.parametrize(
    "ww, reden",
    [
        ("kort-1", "minstens 12"),
        ("qwerty123456", "uitgelekte"),
        ("123qweasdzxc", "uitgelekte"),
        ("aaaaaaaaaaaa", "makkelijk te raden"),
        ("Wachtwoord123!", "makkelijk te raden"),
        ("kotwijzer2026", "makkelijk te raden"),
        ("bewindnoord2026", "makkelijk te raden"),  # the organisation's name
    ],
)
def test_zwakke_en_uitgelekte_wachtwoorden_geweigerd(sqlite_app, ww, reden):
    _org(sqlite_app, "Bewind Noord", "a@bewindnoord.nl")
    with client_voor(sqlite_app) as c:
        h = _token(c, "a@bewindnoord.nl")
        r = c.post(
            "/api/v1/gebruikers", json={"email": "n@bewindnoord.nl", "wachtwoord": ww, "rol": "medewerker"}, headers=h
        )
        assert r.status_code == 422
        assert reden in r.json()["fouten"][0]["melding"] or reden in r.json()["melding"]


def test_wachtwoord_wijzigen_beeindigt_andere_sessies(app):
    _org(app)
    with client_voor(app) as c:
        h1, h2 = _token(c), _token(c)
        r = c.put(
            "/api/v1/wachtwoord",
            json={"huidig_wachtwoord": "fout", "nieuw_wachtwoord": "drie kleine vogels zingen"},
            headers=h1,
        )
        assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "huidig_wachtwoord"
        r = c.put("/api/v1/wachtwoord", json={"huidig_wachtwoord": WW, "nieuw_wachtwoord": "qwerty123456"}, headers=h1)
        assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "nieuw_wachtwoord"
        r = c.put(
            "/api/v1/wachtwoord",
            json={"huidig_wachtwoord": WW, "nieuw_wachtwoord": "drie kleine vogels zingen"},
            headers=h1,
        )
        assert r.status_code == 204
        assert c.get("/api/v1/dossiers", headers=h1).status_code == 200  # this login stays
        assert c.get("/api/v1/dossiers", headers=h2).status_code == 401  # the other one ended
        assert c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW}).status_code == 401
        _token(c, ww="drie kleine vogels zingen")


def test_cli_wachtwoord_reset_en_uitloggen(app, db_url):
    _org(app)
    with client_voor(app) as c:
        h = _token(c)
        r = runner.invoke(
            cli,
            ["beheer", "wachtwoord", "a@voorbeeld.nl", "--database-url", db_url],
            input="vijf groene appels rollen\nvijf groene appels rollen\n",
        )
        assert r.exit_code == 0, r.output
        assert c.get("/api/v1/dossiers", headers=h).status_code == 401
        h = _token(c, ww="vijf groene appels rollen")
        r = runner.invoke(cli, ["beheer", "uitloggen", "a@voorbeeld.nl", "--database-url", db_url])
        assert r.exit_code == 0 and "1 sessie" in r.output
        assert c.get("/api/v1/dossiers", headers=h).status_code == 401
        r = runner.invoke(cli, ["beheer", "wachtwoord", "niemand@voorbeeld.nl", "--genereer", "--database-url", db_url])
        assert r.exit_code == 2 and "bestaat niet" in r.output


def test_overal_uitloggen_api_en_web(app):
    _org(app)
    with client_voor(app) as c, client_voor(app) as web:
        h1, h2 = _token(c), _token(c)
        csrf = dict(lees(web.get("/inloggen").text).formulieren[-1]["velden"])["csrf"]
        assert (
            web.post(
                "/inloggen", data={"csrf": csrf, "email": "a@voorbeeld.nl", "wachtwoord": WW}, follow_redirects=False
            ).status_code
            == 303
        )
        assert c.delete("/api/v1/sessies", headers=h1).status_code == 204
        assert c.get("/api/v1/dossiers", headers=h2).status_code == 401
        assert web.get("/pro", follow_redirects=False).status_code == 303  # the web login ended too
        # and from the web: "Overal uitloggen" ends the API tokens
        csrf = dict(lees(web.get("/inloggen").text).formulieren[-1]["velden"])["csrf"]
        web.post("/inloggen", data={"csrf": csrf, "email": "a@voorbeeld.nl", "wachtwoord": WW})
        h3 = _token(c)
        pagina = web.get("/pro").text
        assert "Overal uitloggen" in pagina
        csrf = dict(lees(pagina).formulieren[0]["velden"])["csrf"]
        assert web.post("/uitloggen", data={"csrf": csrf, "overal": "ja"}, follow_redirects=False).status_code == 303
        assert c.get("/api/v1/dossiers", headers=h3).status_code == 401


def test_time_out_bij_inactiviteit_naast_absolute(app):
    _org(app)
    with client_voor(app) as c:
        h = _token(c)
        assert c.get("/api/v1/dossiers", headers=h).status_code == 200
        with app.state.db.sessie() as s:  # 29 minutes without a request: still fine, and the clock restarts
            for rij in s.scalars(repo.select(Sessie)):
                rij.laatst_gebruikt = repo.nu() - dt.timedelta(minutes=29)
        assert c.get("/api/v1/dossiers", headers=h).status_code == 200
        with app.state.db.sessie() as s:
            rij = s.scalars(repo.select(Sessie)).one()
            assert repo._utc(rij.laatst_gebruikt) > repo.nu() - dt.timedelta(minutes=1)
            rij.laatst_gebruikt = repo.nu() - dt.timedelta(minutes=31)  # 31 minutes: over
        assert c.get("/api/v1/dossiers", headers=h).status_code == 401
        h = _token(c)
        with app.state.db.sessie() as s:  # active all the time, but past the absolute lifetime
            for rij in s.scalars(repo.select(Sessie)):
                rij.verloopt = repo.nu() - dt.timedelta(seconds=1)
        assert c.get("/api/v1/dossiers", headers=h).status_code == 401


def test_wachtwoord_wijzigen_op_de_website(app):
    _org(app)
    with client_voor(app) as web, client_voor(app) as c:
        csrf = dict(lees(web.get("/inloggen").text).formulieren[-1]["velden"])["csrf"]
        web.post("/inloggen", data={"csrf": csrf, "email": "a@voorbeeld.nl", "wachtwoord": WW})
        h = _token(c)
        pagina = web.get("/pro/wachtwoord")
        assert pagina.status_code == 200 and "Huidig wachtwoord" in pagina.text
        csrf = dict(lees(pagina.text).formulieren[-1]["velden"])["csrf"]
        r = web.post(
            "/pro/wachtwoord", data={"csrf": csrf, "huidig_wachtwoord": WW, "nieuw_wachtwoord": "qwerty123456"}
        )
        assert r.status_code == 422 and "uitgelekte" in r.text
        r = web.post(
            "/pro/wachtwoord",
            data={"csrf": csrf, "huidig_wachtwoord": WW, "nieuw_wachtwoord": "zeven rode fietsen staan"},
        )
        assert r.status_code == 200 and "is gewijzigd" in r.text
        assert web.get("/pro", follow_redirects=False).status_code == 200  # this browser stays logged in
        assert c.get("/api/v1/dossiers", headers=h).status_code == 401  # the other login ended
