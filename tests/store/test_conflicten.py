"""Races between requests give clear 409s, never a 500: two creations of the same user at once, and a delete racing a
save. A beheerder cannot find out whether an e-mail address exists in another organisation. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import httpx

from conftest import client_voor, voorbeeld
from kotwijzer.store import repo

WW = "een-goed-wachtwoord"


def _org(app, naam: str, email: str) -> dict[str, str]:
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, naam)
        repo.gebruiker_maken(s, o.id, email, WW, "beheerder")
    with client_voor(app) as c:
        r = c.post("/api/v1/sessies", json={"email": email, "wachtwoord": WW})
    return {"Authorization": "Bearer " + r.json()["token"]}


def test_zelfde_gebruiker_tegelijk_maken_geeft_409(app, monkeypatch):
    """The existence check is passed by both (as in a real race); the database refuses the second: 409, not 500."""
    h = _org(app, "Bewind A", "a@voorbeeld.nl")
    monkeypatch.setattr(repo, "_bestaat_in_organisatie", lambda s, o, e: False)
    with client_voor(app, raise_server_exceptions=False) as c:
        body = {"email": "nieuw@voorbeeld.nl", "wachtwoord": "nog-een-goed-wachtwoord", "rol": "medewerker"}
        r1 = c.post("/api/v1/gebruikers", json=body, headers=h)
        r2 = c.post("/api/v1/gebruikers", json=body, headers=h)
    assert r1.status_code == 201
    assert r2.status_code == 409, r2.text
    assert r2.json()["melding"] == repo.DUBBEL_EMAIL


def test_zelfde_gebruiker_parallel(app):
    h = _org(app, "Bewind A", "a@voorbeeld.nl")
    body = {"email": "nieuw@voorbeeld.nl", "wachtwoord": "nog-een-goed-wachtwoord", "rol": "medewerker"}

    async def scenario():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            rs = await asyncio.gather(*(c.post("/api/v1/gebruikers", json=body, headers=h) for _ in range(12)))
        return sorted(r.status_code for r in rs)

    codes = asyncio.run(scenario())
    assert codes.count(201) == 1 and set(codes) == {201, 409}, codes


def test_verwijderen_tijdens_opslaan_geeft_409(app, monkeypatch):
    """A save that has read the scenario while another request deletes it: 409, and nothing half-saved."""
    h = _org(app, "Bewind A", "a@voorbeeld.nl")
    with client_voor(app, raise_server_exceptions=False) as c:
        d = c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h).json()["id"]
        sid = c.post(
            f"/api/v1/dossiers/{d}/scenarios", json={"naam": "a", "invoer": voorbeeld("paar_werkt_2026")}, headers=h
        ).json()["id"]
        echt = repo.scenario

        gedaan = []

        def en_dan_weg(s, actor, scenario_id):
            sc = echt(s, actor, scenario_id)
            if not gedaan:
                gedaan.append(1)
                with app.state.db.sessie() as s2:  # another request deletes it in between
                    s2.delete(echt(s2, actor, scenario_id))
            return sc

        monkeypatch.setattr(repo, "scenario", en_dan_weg)
        r = c.put(f"/api/v1/scenarios/{sid}", json={"invoer": voorbeeld("paar_werkt_2026")}, headers=h)
        monkeypatch.undo()
        assert r.status_code == 409, r.text
        assert "verwijderd" in r.json()["melding"]
        assert c.get(f"/api/v1/scenarios/{sid}", headers=h).status_code == 404


def test_verouderde_rij_geeft_409(app, monkeypatch):
    """SQLAlchemy's StaleDataError (an UPDATE that finds its row gone) is a 409 with a Dutch message."""
    from sqlalchemy.orm.exc import StaleDataError

    h = _org(app, "Bewind A", "a@voorbeeld.nl")

    def verouderd(*a, **k):
        raise StaleDataError("UPDATE statement on table 'dossier' expected to update 1 row(s); 0 were matched.")

    monkeypatch.setattr(repo, "dossier_wijzigen", verouderd)
    with client_voor(app, raise_server_exceptions=False) as c:
        r = c.patch("/api/v1/dossiers/1", json={"label": "x"}, headers=h)
    assert r.status_code == 409 and "intussen" in r.json()["melding"]


def test_beheerder_ziet_niet_of_email_elders_bestaat(app):
    ha = _org(app, "Bewind A", "a@voorbeeld.nl")
    _org(app, "Bewind B", "b@voorbeeld.nl")
    with client_voor(app) as c:
        body = {"wachtwoord": "nog-een-goed-wachtwoord", "rol": "medewerker"}
        bestaat = c.post("/api/v1/gebruikers", json={"email": "b@voorbeeld.nl", **body}, headers=ha)
        nieuw = c.post("/api/v1/gebruikers", json={"email": "niemand@voorbeeld.nl", **body}, headers=ha)
        # the same answer whether the address exists elsewhere or not
        assert bestaat.status_code == nieuw.status_code == 201
        assert set(bestaat.json()) == set(nieuw.json())
        # in the own organisation a duplicate is reported (the beheerder sees the own users anyway)
        assert (
            c.post("/api/v1/gebruikers", json={"email": "niemand@voorbeeld.nl", **body}, headers=ha).status_code == 409
        )
        # both accounts with the same address log in, each into its own organisation, by their own password
        r = c.post("/api/v1/sessies", json={"email": "b@voorbeeld.nl", "wachtwoord": "nog-een-goed-wachtwoord"})
        assert r.status_code == 201
        with app.state.db.sessie() as s:
            org_a = repo.organisatie(s, "Bewind A").id
        assert r.json()["organisatie_id"] == org_a
        r = c.post("/api/v1/sessies", json={"email": "b@voorbeeld.nl", "wachtwoord": WW})
        assert r.status_code == 201 and r.json()["organisatie_id"] != org_a


def test_beheerder_maken_vraagt_eigen_wachtwoord(app):
    ha = _org(app, "Bewind A", "a@voorbeeld.nl")
    with client_voor(app) as c:
        body = {"email": "nieuwe-beheerder@voorbeeld.nl", "wachtwoord": "nog-een-goed-wachtwoord", "rol": "beheerder"}
        r = c.post("/api/v1/gebruikers", json=body, headers=ha)
        assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "huidig_wachtwoord"
        r = c.post("/api/v1/gebruikers", json={**body, "huidig_wachtwoord": "fout-fout-fout"}, headers=ha)
        assert r.status_code == 422
        r = c.post("/api/v1/gebruikers", json={**body, "huidig_wachtwoord": WW}, headers=ha)
        assert r.status_code == 201 and r.json()["rol"] == "beheerder"
        # promoting a medewerker asks for it too
        mw = c.post(
            "/api/v1/gebruikers", json={**body, "email": "mw@voorbeeld.nl", "rol": "medewerker"}, headers=ha
        ).json()["id"]
        assert c.patch(f"/api/v1/gebruikers/{mw}", json={"rol": "beheerder"}, headers=ha).status_code == 422
        r = c.patch(f"/api/v1/gebruikers/{mw}", json={"rol": "beheerder", "huidig_wachtwoord": WW}, headers=ha)
        assert r.status_code == 200 and r.json()["rol"] == "beheerder"
