"""Professional API on SQLite and PostgreSQL: tokens, dossiers and scenarios, versions, and access control between
organisations and roles."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import voorbeeld
from kotwijzer.compute import bereken
from kotwijzer.model import Huishouden
from kotwijzer.store import repo

WW = "een-goed-wachtwoord"


def _gebruiker(app, org: str, email: str, rol: str = "beheerder", org_id: int | None = None) -> int:
    with app.state.db.sessie() as s:
        if org_id is None:
            org_id = (repo.organisatie(s, org) or repo.organisatie_maken(s, org)).id
        repo.gebruiker_maken(s, org_id, email, WW, rol)
    return org_id


def _token(client, email: str) -> dict[str, str]:
    r = client.post("/api/v1/sessies", json={"email": email, "wachtwoord": WW})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture
def twee(app, client):
    """Two organisations, each with a beheerder; A also has a medewerker."""
    oa = _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    _gebruiker(app, "Bewind A", "mw@voorbeeld.nl", "medewerker", oa)
    _gebruiker(app, "Bewind B", "b@voorbeeld.nl")
    return {
        "a": _token(client, "a@voorbeeld.nl"),
        "mw": _token(client, "mw@voorbeeld.nl"),
        "b": _token(client, "b@voorbeeld.nl"),
    }


def test_zonder_token_401(client):
    for methode, pad in (
        ("get", "/api/v1/dossiers"),
        ("post", "/api/v1/dossiers"),
        ("get", "/api/v1/scenarios/1"),
        ("get", "/api/v1/audit"),
    ):
        r = getattr(client, methode)(pad, headers={"Authorization": "Bearer onzin"})
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"
        assert "in" in r.json()["melding"]
    assert client.get("/api/v1/dossiers").status_code == 401


def test_inloggen_fout_en_limiet(app, client):
    _gebruiker(app, "Bewind A", "a@voorbeeld.nl")
    for _ in range(3):  # three free attempts; then this address waits, longer after every further failure
        r = client.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "verkeerd"})
        assert r.status_code == 401
        assert r.json()["melding"] == "Het e-mailadres of het wachtwoord klopt niet."
    r = client.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    # another account from the same address is not blocked by that
    _gebruiker(app, "Bewind A", "c@voorbeeld.nl", org_id=None)
    assert client.post("/api/v1/sessies", json={"email": "c@voorbeeld.nl", "wachtwoord": WW}).status_code == 201


def test_dossiers_en_scenarios(client, twee):
    a = twee["a"]
    r = client.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=a)
    assert r.status_code == 201
    did = r.json()["id"]
    d = voorbeeld("paar_werkt_2026")
    r = client.post(f"/api/v1/dossiers/{did}/scenarios", json={"naam": "basis", "invoer": d}, headers=a)
    assert r.status_code == 201, r.text
    sc = r.json()
    assert sc["versie"] == 1
    assert Decimal(sc["samenvatting"]["toeslag_jaar"]) == bereken(d).jaar.toeslag
    assert sc["samenvatting"]["oordeel"] == "recht"

    d2 = dict(d, toetsingsinkomen=80000)
    r = client.put(
        f"/api/v1/scenarios/{sc['id']}",
        json={"invoer": d2, "toelichting": "hoger inkomen", "verwachte_versie": 1},
        headers=a,
    )
    assert r.status_code == 200, r.text
    assert r.json()["versie"] == 2
    assert Decimal(r.json()["samenvatting"]["toeslag_jaar"]) == bereken(d2).jaar.toeslag

    versies = client.get(f"/api/v1/scenarios/{sc['id']}/versies", headers=a).json()
    assert [v["versie"] for v in versies] == [1, 2]
    assert versies[1]["toelichting"] == "hoger inkomen"
    v1 = client.get(f"/api/v1/scenarios/{sc['id']}/versies/1", headers=a).json()
    assert v1["invoer"]["toetsingsinkomen"] == 60000

    ber = client.get(f"/api/v1/scenarios/{sc['id']}/berekening", headers=a)
    assert ber.status_code == 200
    assert Decimal(ber.json()["resultaat"]["jaar"]["toeslag"]) == bereken(d2).jaar.toeslag

    lijst = client.get("/api/v1/dossiers", headers=a).json()
    assert [(x["id"], x["aantal_scenarios"]) for x in lijst] == [(did, 1)]
    assert client.get(f"/api/v1/dossiers/{did}/scenarios", headers=a).json()[0]["versie"] == 2


def test_mislukte_opslag_via_api_laat_vorige_versie_intact(client, twee):
    a = twee["a"]
    did = client.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=a).json()["id"]
    d = voorbeeld("paar_werkt_2026")
    sid = client.post(f"/api/v1/dossiers/{did}/scenarios", json={"naam": "basis", "invoer": d}, headers=a).json()["id"]
    slecht = dict(d, toetsingsinkomen=-3)
    for body in (
        {"invoer": slecht},
        {"invoer": "x"},
        {"invoer": d, "toelichting": "BSN 123456782"},
        {"invoer": dict(d, kinderen=[dict(d["kinderen"][0], label="111222333")])},
        {},
    ):
        r = client.put(f"/api/v1/scenarios/{sid}", json=body, headers=a)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["fouten"]
    r = client.put(f"/api/v1/scenarios/{sid}", content=b"{kapot", headers={**a, "content-type": "application/json"})
    assert r.status_code == 422
    r = client.put(f"/api/v1/scenarios/{sid}", json={"invoer": d, "verwachte_versie": 7}, headers=a)
    assert r.status_code == 409 and "niets overschreven" in r.json()["melding"]
    sc = client.get(f"/api/v1/scenarios/{sid}", headers=a).json()
    assert sc["versie"] == 1
    assert Huishouden.model_validate(sc["invoer"]) == Huishouden.model_validate(d)
    assert len(client.get(f"/api/v1/scenarios/{sid}/versies", headers=a).json()) == 1


def test_bsn_label_geweigerd(client, twee):
    r = client.post("/api/v1/dossiers", json={"label": "1234.56.782"}, headers=twee["a"])
    assert r.status_code == 422
    f = r.json()["fouten"][0]
    assert f["veld"] == "label" and "burgerservicenummer" in f["melding"]
    assert client.get("/api/v1/dossiers", headers=twee["a"]).json() == []


def test_andere_organisatie_kan_niets(client, twee):
    a, b = twee["a"], twee["b"]
    did = client.post("/api/v1/dossiers", json={"label": "gezin van A"}, headers=a).json()["id"]
    sid = client.post(
        f"/api/v1/dossiers/{did}/scenarios", json={"naam": "basis", "invoer": voorbeeld("paar_werkt_2026")}, headers=a
    ).json()["id"]
    verzoeken = [
        ("get", f"/api/v1/dossiers/{did}", None),
        ("patch", f"/api/v1/dossiers/{did}", {"label": "van B"}),
        ("delete", f"/api/v1/dossiers/{did}", None),
        ("get", f"/api/v1/dossiers/{did}/scenarios", None),
        ("post", f"/api/v1/dossiers/{did}/scenarios", {"naam": "x", "invoer": voorbeeld("paar_werkt_2026")}),
        ("get", f"/api/v1/scenarios/{sid}", None),
        ("put", f"/api/v1/scenarios/{sid}", {"invoer": voorbeeld("paar_werkt_2026")}),
        ("delete", f"/api/v1/scenarios/{sid}", None),
        ("get", f"/api/v1/scenarios/{sid}/versies", None),
        ("get", f"/api/v1/scenarios/{sid}/versies/1", None),
        ("get", f"/api/v1/scenarios/{sid}/berekening", None),
    ]
    for methode, pad, body in verzoeken:
        kw = {"json": body} if body is not None else {}
        r = client.request(methode.upper(), pad, headers=b, **kw)
        assert r.status_code == 404, (methode, pad, r.status_code)
        assert "geen toegang" in r.json()["melding"]
    assert client.get("/api/v1/dossiers", headers=b).json() == []
    # nothing changed for A
    assert client.get(f"/api/v1/dossiers/{did}", headers=a).json()["label"] == "gezin van A"
    assert client.get(f"/api/v1/scenarios/{sid}", headers=a).json()["versie"] == 1
    # B's audit log shows nothing of A
    assert all(
        x["object_id"] != did for x in client.get("/api/v1/audit", headers=b).json() if x["object_soort"] == "dossier"
    )


def test_rollen_via_api(client, twee):
    a, mw = twee["a"], twee["mw"]
    did = client.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=mw).json()["id"]
    assert client.delete(f"/api/v1/dossiers/{did}", headers=mw).status_code == 403
    assert client.get("/api/v1/gebruikers", headers=mw).status_code == 403
    assert client.get("/api/v1/audit", headers=mw).status_code == 403
    assert (
        client.post(
            "/api/v1/gebruikers", json={"email": "x@voorbeeld.nl", "wachtwoord": WW, "rol": "beheerder"}, headers=mw
        ).status_code
        == 403
    )
    r = client.post(
        "/api/v1/gebruikers", json={"email": "nieuw@voorbeeld.nl", "wachtwoord": WW, "rol": "medewerker"}, headers=a
    )
    assert r.status_code == 201
    nieuw = r.json()["id"]
    assert client.patch(f"/api/v1/gebruikers/{nieuw}", json={"actief": False}, headers=a).json()["actief"] is False
    assert client.post("/api/v1/sessies", json={"email": "nieuw@voorbeeld.nl", "wachtwoord": WW}).status_code == 401
    audit = client.get("/api/v1/audit", headers=a).json()
    acties = {x["actie"] for x in audit}
    assert {"dossier_aangemaakt", "gebruiker_aangemaakt", "gebruiker_gewijzigd", "ingelogd"} <= acties
    assert client.delete(f"/api/v1/dossiers/{did}", headers=a).status_code == 204
    assert client.get(f"/api/v1/dossiers/{did}", headers=a).status_code == 404


def test_uitloggen_maakt_token_ongeldig(client, twee):
    a = twee["a"]
    assert client.delete("/api/v1/sessies/huidig", headers=a).status_code == 204
    assert client.get("/api/v1/dossiers", headers=a).status_code == 401
