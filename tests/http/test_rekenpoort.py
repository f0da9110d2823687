"""Calculations run off the event loop, the server sheds load with 429 + Retry-After when its queue is full, and one
client address cannot take more than its share."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from conftest import maak_app, voorbeeld
from kotwijzer import diensten
from kotwijzer.http.rekenpoort import Rekenpoort


@pytest.fixture
def geblokkeerd(monkeypatch):
    """diensten.berekening waits until the test lets it go (a stand-in for a slow calculation)."""
    los = threading.Event()
    bezig = threading.Semaphore(0)
    echt = diensten.berekening

    def traag(h, catalogus=None):
        bezig.release()
        assert los.wait(20)
        return echt(h, catalogus)

    monkeypatch.setattr(diensten, "berekening", traag)
    yield los, bezig
    los.set()


def _client(app, adres="10.0.0.1"):
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(adres, 1234)), base_url="http://t")


async def _wacht_tot(bezig: threading.Semaphore, n: int = 1):
    for _ in range(n):
        for _ in range(400):
            if bezig.acquire(blocking=False):
                break
            await asyncio.sleep(0.01)
        else:
            raise AssertionError("de berekening begon niet")


def test_berekening_blokkeert_de_event_loop_niet(sqlite_url, geblokkeerd):
    los, bezig = geblokkeerd
    app = maak_app(sqlite_url)

    async def scenario():
        async with _client(app) as c:
            lang = asyncio.create_task(c.post("/api/v1/berekening", json=voorbeeld("paar_werkt_2026")))
            await _wacht_tot(bezig)
            # while the calculation is busy, another request is answered
            r = await asyncio.wait_for(c.get("/api/v1/parameters/2026"), 5)
            assert r.status_code == 200
            assert not lang.done()
            los.set()
            assert (await asyncio.wait_for(lang, 20)).status_code == 200

    asyncio.run(scenario())
    app.state.db.sluit()


def test_volle_wachtrij_geeft_429_met_retry_after(sqlite_url, geblokkeerd):
    los, bezig = geblokkeerd
    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(draden=1, wachtrij=1, per_adres=10, budget=0))
    d = voorbeeld("paar_werkt_2026")

    async def scenario():
        async with _client(app, "10.0.0.1") as c1, _client(app, "10.0.0.2") as c2, _client(app, "10.0.0.3") as c3:
            t1 = asyncio.create_task(c1.post("/api/v1/berekening", json=d))
            await _wacht_tot(bezig)
            t2 = asyncio.create_task(c2.post("/api/v1/berekening", json=d))  # waits in the queue
            await asyncio.sleep(0.2)
            r = await asyncio.wait_for(c3.post("/api/v1/berekening", json=d), 5)
            assert r.status_code == 429
            assert int(r.headers["retry-after"]) >= 1
            assert r.json()["code"] == "te_druk" and "druk" in r.json()["melding"]
            los.set()
            assert (await t1).status_code == 200 and (await t2).status_code == 200
            # the queue is free again
            assert (await c3.post("/api/v1/berekening", json=d)).status_code == 200

    asyncio.run(scenario())
    assert app.state.rekenpoort.geweigerd == 1
    app.state.db.sluit()


def test_een_adres_mag_niet_alles_tegelijk(sqlite_url, geblokkeerd):
    los, bezig = geblokkeerd
    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(draden=1, wachtrij=10, per_adres=2, budget=0))
    d = voorbeeld("paar_werkt_2026")

    async def scenario():
        async with _client(app, "10.0.0.1") as veel, _client(app, "10.0.0.2") as ander:
            taken = [asyncio.create_task(veel.post("/api/v1/berekening", json=d)) for _ in range(2)]
            await _wacht_tot(bezig)
            await asyncio.sleep(0.2)
            r = await veel.post("/api/v1/berekening", json=d)
            assert r.status_code == 429 and r.headers["retry-after"]
            t = asyncio.create_task(ander.post("/api/v1/berekening", json=d))  # another address still gets in
            await asyncio.sleep(0.2)
            los.set()
            assert [(await x).status_code for x in taken] == [200, 200]
            assert (await t).status_code == 200

    asyncio.run(scenario())
    app.state.db.sluit()


def test_rekentijd_per_adres_begrensd(sqlite_url):
    """An address that used more than its calculation budget waits; other addresses do not."""
    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(draden=1, wachtrij=10, per_adres=10, budget=0.001, buffer=0.01))
    d = voorbeeld("paar_werkt_2026")

    async def scenario():
        async with _client(app, "10.0.0.1") as veel, _client(app, "10.0.0.2") as ander:
            codes = [(await veel.post("/api/v1/berekening", json=d)).status_code for _ in range(30)]
            assert codes[0] == 200 and 429 in codes
            r = await veel.post("/api/v1/berekening", json=d)
            assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
            # refused at the door (kotwijzer.http.rekenpoort.VroegeWeigering), with the usual headers and body
            assert r.headers["x-content-type-options"] == "nosniff" and r.headers["cache-control"] == "no-store"
            assert r.json()["code"] == "te_druk" and "te veel berekeningen" in r.json()["melding"]
            assert (await ander.post("/api/v1/berekening", json=d)).status_code == 200

    asyncio.run(scenario())
    app.state.db.sluit()


@pytest.mark.parametrize(
    "pad, body",
    [
        ("/api/v1/voorwaardencheck", {"berekeningsjaar": 2026}),
        ("/api/v1/wat-als", None),
        ("/api/v1/voorschot-definitief", None),
    ],
)
def test_alle_berekeningen_gaan_door_de_poort(sqlite_url, pad, body):
    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(draden=1, wachtrij=0, per_adres=0, budget=0))
    d = voorbeeld("paar_werkt_2026")
    body = body or (
        {"invoer": d, "wijziging": {"soort": "inkomen", "toetsingsinkomen": 30000}}
        if "wat" in pad
        else {"invoer": d, "inkomen_voorschot": 30000, "inkomen_definitief": 40000}
    )

    async def scenario():
        async with _client(app) as c:
            r = await c.post(pad, json=body)
            assert r.status_code == 429, r.text[:300]

    asyncio.run(scenario())
    app.state.db.sluit()


def test_opslaan_door_professionals_niet_per_adres_begrensd(sqlite_url):
    """Saving scenarios (logged in, attributable) is bounded server-wide only: colleagues behind one address can save
    at the same time."""
    from kotwijzer.store import repo

    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(draden=2, wachtrij=30, per_adres=1, budget=0.0001, buffer=0.0001))
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
    d = voorbeeld("paar_werkt_2026")

    async def scenario():
        async with _client(app) as c:
            r = await c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"})
            h = {"Authorization": "Bearer " + r.json()["token"]}
            did = (await c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h)).json()["id"]
            rs = await asyncio.gather(
                *(
                    c.post(f"/api/v1/dossiers/{did}/scenarios", json={"naam": f"s{i}", "invoer": d}, headers=h)
                    for i in range(8)
                )
            )
            assert [r.status_code for r in rs] == [201] * 8
            # the public calculation from that address is bounded
            codes = [(await c.post("/api/v1/berekening", json=d)).status_code for _ in range(5)]
            assert 429 in codes

    asyncio.run(scenario())
    app.state.db.sluit()
