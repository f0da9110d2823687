"""Timestamps in API answers always carry their time zone (also on SQLite, which stores none), and a 405 names every
method the path accepts in its Allow header."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import client_voor, voorbeeld
from kotwijzer.store import repo

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def test_tijden_met_tijdzone(app):
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
    with client_voor(app) as c:
        r = c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"})
        h = {"Authorization": "Bearer " + r.json()["token"]}
        tijden = [r.json()["verloopt"]]
        d = c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h).json()
        sc = c.post(
            f"/api/v1/dossiers/{d['id']}/scenarios",
            json={"naam": "a", "invoer": voorbeeld("paar_werkt_2026")},
            headers=h,
        ).json()
        for r in (
            c.get("/api/v1/dossiers", headers=h).json()[0],
            c.get(f"/api/v1/dossiers/{d['id']}", headers=h).json(),
            c.get(f"/api/v1/scenarios/{sc['id']}", headers=h).json(),
            c.get(f"/api/v1/scenarios/{sc['id']}/versies", headers=h).json()[0],
            c.get(f"/api/v1/scenarios/{sc['id']}/versies/1", headers=h).json(),
            c.get("/api/v1/gebruikers", headers=h).json()[0],
            c.get("/api/v1/audit", headers=h).json()[0],
        ):
            tijden += [v for k, v in r.items() if k in ("aangemaakt", "gewijzigd", "tijd", "verloopt")]
    assert len(tijden) >= 10
    for t in tijden:
        assert RFC3339.match(t), t
        assert dt.datetime.fromisoformat(t).utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    "methode, pad, verwacht",
    [
        ("delete", "/api/v1/dossiers", {"GET", "POST"}),
        ("put", "/api/v1/dossiers/1", {"GET", "PATCH", "DELETE"}),
        ("get", "/api/v1/berekening", {"POST"}),
        ("post", "/api/v1/scenarios/1", {"GET", "PUT", "DELETE"}),
        ("post", "/api/v1/parameters/2026", {"GET"}),
        ("put", "/inloggen", {"GET", "POST"}),
    ],
)
def test_allow_header_bij_405(module_client, methode, pad, verwacht):
    r = getattr(module_client, methode)(pad)
    assert r.status_code == 405
    assert {m.strip() for m in r.headers["allow"].split(",")} == verwacht
