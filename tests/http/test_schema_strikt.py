"""Input is read as strictly as the published schema says (found by schemathesis's negative-data check), and text
that PostgreSQL cannot store (a NUL byte) is refused before it reaches the database: 4xx, never 200 or 500."""

from __future__ import annotations

import pytest

from conftest import client_voor, voorbeeld
from kotwijzer.store import repo


@pytest.mark.parametrize(
    "pad, wijzig, veld",
    [
        ("/api/v1/berekening", lambda d: d["kinderen"][0].__setitem__("co_ouderschap", 0), "kinderen[0].co_ouderschap"),
        ("/api/v1/berekening", lambda d: d.__setitem__("berekeningsjaar", "2026"), "berekeningsjaar"),
        ("/api/v1/berekening", lambda d: d.__setitem__("partner_is_bloedverwant", 1), "partner_is_bloedverwant"),
        ("/api/v1/voorwaardencheck", lambda d: d.__setitem__("partner_is_bloedverwant", 0), "partner_is_bloedverwant"),
        ("/api/v1/voorwaardencheck", lambda d: d.__setitem__("toetsingsinkomen", "30000"), "toetsingsinkomen"),
    ],
)
def test_verkeerd_type_geweigerd(module_client, pad, wijzig, veld):
    d = voorbeeld("paar_werkt_2026")
    wijzig(d)
    r = module_client.post(pad, json=d)
    assert r.status_code == 422, r.text[:300]
    assert any(f["veld"] == veld for f in r.json()["fouten"]), r.json()["fouten"]


def test_onvolledige_voorwaardencheck_mag_nog(module_client):
    r = module_client.post(
        "/api/v1/voorwaardencheck",
        json={"berekeningsjaar": 2026, "aanvrager": {"situaties": [{"situatie": "arbeid", "maanden": [1]}]}},
    )
    assert r.status_code == 200


def test_nul_teken_in_email(app):
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
    with client_voor(app) as c:
        r = c.post("/api/v1/sessies", json={"email": "\u0000a@voorbeeld.nl", "wachtwoord": "\u0000x"})
        assert r.status_code == 401
        h = {
            "Authorization": "Bearer "
            + c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"}).json()[
                "token"
            ]
        }
        r = c.post(
            "/api/v1/gebruikers",
            json={"email": "b\u0000@voorbeeld.nl", "wachtwoord": "nog-een-goed-wachtwoord", "rol": "medewerker"},
            headers=h,
        )
        assert r.status_code == 422
