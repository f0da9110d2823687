"""No secret or personal data in any log: every kind of server error is provoked and the captured log is searched for
the e-mail address, the password, the password hash, the label and the SQL parameters. On SQLite and PostgreSQL, in
process (caplog) and with the real server (`kotwijzer serve`, its stderr)."""

from __future__ import annotations

import logging

import httpx
import pytest
from sqlalchemy import text

from conftest import client_voor, maak_app, voorbeeld
from kotwijzer import diensten
from kotwijzer.store import repo

EMAIL = "geheim.persoon@voorbeeld.nl"
WW = "mijn-geheime-wachtwoord-42"
BSN = "111222333"


def _geheimen(app) -> list[str]:
    with app.state.db.sessie() as s:
        hashes = [g.wachtwoord_hash for g in s.scalars(repo.select(repo.Gebruiker))]
    return [EMAIL, WW, BSN, "gezin-geheim", *hashes, *(h.split("$")[-1] for h in hashes)]


def _schoon(tekst: str, geheimen: list[str]) -> None:
    for g in geheimen:
        assert g not in tekst, f"gevonden in het log: {g[:12]}..."
    assert "Traceback" not in tekst
    assert "[parameters:" not in tekst and "SELECT" not in tekst and "INSERT" not in tekst


@pytest.fixture
def app_met_gebruiker(db_url):
    app = maak_app(db_url)
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind Geheim")
        repo.gebruiker_maken(s, o.id, EMAIL, WW, "beheerder")
    yield app
    app.state.db.sluit()


def _token(c) -> dict[str, str]:
    r = c.post("/api/v1/sessies", json={"email": EMAIL, "wachtwoord": WW})
    assert r.status_code == 201, r.text
    return {"Authorization": "Bearer " + r.json()["token"]}


def _breek_tabel(app, tabel: str) -> None:
    with app.state.db.engine.begin() as c:
        c.execute(text(f"ALTER TABLE {tabel} RENAME TO {tabel}_weg"))


def test_databasefout_bij_inloggen_api(app_met_gebruiker, caplog):
    app = app_met_gebruiker
    geheimen = _geheimen(app)
    _breek_tabel(app, "gebruiker")  # the login query fails, with the e-mail address as its parameter
    with caplog.at_level(logging.DEBUG), client_voor(app) as c:
        r = c.post("/api/v1/sessies", json={"email": EMAIL, "wachtwoord": WW})
    assert r.status_code == 500
    assert "foutcode" in r.json()["melding"] and r.headers["x-foutcode"] in caplog.text
    assert "serverfout" in caplog.text
    _schoon(caplog.text, geheimen)
    _schoon(r.text, geheimen)


def test_databasefout_bij_inloggen_web(app_met_gebruiker, caplog):
    from test_web_hulp import lees

    app = app_met_gebruiker
    geheimen = _geheimen(app)
    with client_voor(app) as c:
        csrf = dict(lees(c.get("/inloggen").text).formulieren[-1]["velden"])["csrf"]
        _breek_tabel(app, "gebruiker")
        with caplog.at_level(logging.DEBUG):
            r = c.post("/inloggen", data={"csrf": csrf, "email": EMAIL, "wachtwoord": WW})
    assert r.status_code == 500 and "<html" in r.text and "foutcode" in r.text
    _schoon(caplog.text, geheimen)


def test_databasefout_bij_opslaan(app_met_gebruiker, caplog):
    """A save that fails in the database (the audit table is gone) after the label and the input were sent."""
    app = app_met_gebruiker
    geheimen = _geheimen(app)
    with client_voor(app) as c:
        h = _token(c)
        d = c.post("/api/v1/dossiers", json={"label": "gezin-geheim"}, headers=h).json()["id"]
        _breek_tabel(app, "audit")
        with caplog.at_level(logging.DEBUG):
            r = c.post(
                f"/api/v1/dossiers/{d}/scenarios",
                json={"naam": "gezin-geheim", "invoer": voorbeeld("paar_werkt_2026")},
                headers=h,
            )
            r2 = c.patch(f"/api/v1/dossiers/{d}", json={"label": "gezin-geheim"}, headers=h)
    assert r.status_code == 500 and r2.status_code == 500
    _schoon(caplog.text, geheimen)


def test_fout_in_de_berekening(app_met_gebruiker, caplog, monkeypatch):
    """An unexpected error inside the calculation (in the worker thread) whose message holds personal data."""
    app = app_met_gebruiker

    def kapot(h, catalogus=None):
        raise RuntimeError(f"kapot voor {EMAIL} met BSN {BSN}")

    monkeypatch.setattr(diensten, "berekening", kapot)
    with caplog.at_level(logging.DEBUG), client_voor(app) as c:
        r = c.post("/api/v1/berekening", json=voorbeeld("paar_werkt_2026"))
        h = _token(c)
        d = c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h).json()["id"]
        monkeypatch.undo()
        sc = c.post(
            f"/api/v1/dossiers/{d}/scenarios", json={"naam": "a", "invoer": voorbeeld("paar_werkt_2026")}, headers=h
        )
        monkeypatch.setattr(diensten, "berekening", kapot)
        r2 = c.get(f"/api/v1/scenarios/{sc.json()['id']}/berekening", headers=h)
    assert r.status_code == 500 and r2.status_code == 500
    assert "RuntimeError" in caplog.text
    _schoon(caplog.text, _geheimen(app))


def test_fout_in_een_webpagina(app_met_gebruiker, caplog, monkeypatch):
    from kotwijzer.web import pro

    app = app_met_gebruiker
    monkeypatch.setattr(pro.repo, "dossiers", lambda s, a: (_ for _ in ()).throw(ValueError(EMAIL)))
    from test_web_hulp import lees

    with client_voor(app) as c:
        csrf = dict(lees(c.get("/inloggen").text).formulieren[-1]["velden"])["csrf"]
        assert (
            c.post(
                "/inloggen", data={"csrf": csrf, "email": EMAIL, "wachtwoord": WW}, follow_redirects=False
            ).status_code
            == 303
        )
        with caplog.at_level(logging.DEBUG):
            r = c.get("/pro")
    assert r.status_code == 500 and "foutcode" in r.text
    _schoon(caplog.text, _geheimen(app))


def test_ongeldige_wetgeving(app_met_gebruiker, caplog, monkeypatch):
    from kotwijzer.params import OngeldigeWetgeving

    def kapot(h, catalogus=None):
        raise OngeldigeWetgeving(f"tabel kapot bij {EMAIL}")

    monkeypatch.setattr(diensten, "berekening", kapot)
    with caplog.at_level(logging.DEBUG), client_voor(app_met_gebruiker) as c:
        r = c.post("/api/v1/berekening", json=voorbeeld("paar_werkt_2026"))
    assert r.status_code == 500
    _schoon(caplog.text, _geheimen(app_met_gebruiker))


def test_echte_server_logt_geen_geheimen(tmp_path, db_url):
    """The real server: uvicorn's own error logging included. The gebruiker table is renamed under the running server,
    then a login with the e-mail address and a request whose session lookup fails."""
    from server_hulp import log, server

    app = maak_app(db_url)
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind Geheim")
        repo.gebruiker_maken(s, o.id, EMAIL, WW, "beheerder")
    geheimen = _geheimen(app)
    with server(tmp_path, database_url=db_url) as (url, _):
        tok = httpx.post(url + "/api/v1/sessies", json={"email": EMAIL, "wachtwoord": WW}).json()["token"]
        _breek_tabel(app, "gebruiker")
        r = httpx.post(url + "/api/v1/sessies", json={"email": EMAIL, "wachtwoord": WW})
        assert r.status_code == 500
        r = httpx.get(url + "/api/v1/dossiers", headers={"Authorization": f"Bearer {tok}"})
        assert r.status_code == 500
    app.state.db.sluit()
    tekst = log(tmp_path)
    assert "serverfout" in tekst
    _schoon(tekst, geheimen)
