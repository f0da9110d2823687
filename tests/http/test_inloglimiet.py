"""The login limit is atomic (parallel attempts cannot get past it), per account across all addresses, never locks the
right password out (from an address without failures it always gets through; from a shared address it is only
slowed down), and bounds the password-hashing work per address and in total. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx

from conftest import maak_app
from kotwijzer.http.beveiliging import InlogLimiet
from kotwijzer.store import repo

WW = "een-goed-wachtwoord"


def _gebruiker(app, email: str, org: str = "Bewind A") -> None:
    with app.state.db.sessie() as s:
        o = repo.organisatie(s, org) or repo.organisatie_maken(s, org)
        repo.gebruiker_maken(s, o.id, email, WW, "beheerder")


def _client(app, adres: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(adres, 4321)), base_url="http://t")


def test_parallelle_pogingen_halen_de_limiet_niet(db_url):
    """60 wrong passwords at once, from 60 addresses: at most 5 (the password pool: one running, four waiting) reach
    the password check; the rest get 429 at the door."""
    app = maak_app(db_url)
    _gebruiker(app, "a@voorbeeld.nl")

    async def scenario():
        clients = [_client(app, f"10.1.0.{i + 1}") for i in range(60)]
        try:
            rs = await asyncio.gather(
                *(
                    c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": f"fout-{i}"})
                    for i, c in enumerate(clients)
                )
            )
        finally:
            for c in clients:
                await c.aclose()
        return [r.status_code for r in rs]

    codes = asyncio.run(scenario())
    assert set(codes) <= {401, 429}
    assert codes.count(401) <= 5, codes
    assert codes.count(429) >= 55
    with app.state.db.sessie() as s:  # every attempt that reached the check is in the audit log
        mislukt = [a for a in s.scalars(repo.select(repo.AuditRegel)) if a.actie == "inloggen_mislukt"]
    assert len(mislukt) == codes.count(401)
    app.state.db.sluit()


def test_limiet_in_threads_direct(db_url):
    """The limit itself under real threads (no event loop in between): 24 attempts at once from one address that has
    already failed, for a throttled account: never more admitted than the account's free attempts allow."""
    app = maak_app(db_url)
    limiet = InlogLimiet(vrij=3, basis=60)
    for _ in range(3):  # three failures from 10.2.0.1: the account is throttled, the address has failed
        p = limiet.begin(app.state.db, b"g", "10.2.0.1", "x@voorbeeld.nl")
        limiet.einde(app.state.db, b"g", "10.2.0.1", "x@voorbeeld.nl", p, False)
    toegelaten = []
    start = threading.Barrier(24)

    def poging(i):
        start.wait()
        p = limiet.begin(app.state.db, b"g", "10.2.0.1", "x@voorbeeld.nl")
        if not p.wacht:
            toegelaten.append(i)

    ts = [threading.Thread(target=poging, args=(i,)) for i in range(24)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert toegelaten == []
    # an address without failures still gets through for the same account
    assert limiet.begin(app.state.db, b"g", "10.2.1.1", "x@voorbeeld.nl").wacht == 0
    app.state.db.sluit()


def test_gedeeld_adres_wordt_vertraagd_niet_buitengesloten(db_url):
    """Twenty-five failed logins for all kinds of names from one address: a colleague behind the same address still logs in
    with the right password (a little later)."""
    app = maak_app(db_url, limiet=InlogLimiet(ip_drempel=20, ip_stap=0.02, ip_max_vertraging=0.5))
    _gebruiker(app, "collega@voorbeeld.nl")

    async def scenario():
        async with _client(app, "192.0.2.7") as c:
            for i in range(25):
                r = await c.post(
                    "/api/v1/sessies", json={"email": f"gok{i}@voorbeeld.nl", "wachtwoord": "fout-fout-fout"}
                )
                assert r.status_code == 401
            t = time.monotonic()
            r = await c.post("/api/v1/sessies", json={"email": "collega@voorbeeld.nl", "wachtwoord": WW})
            return r.status_code, time.monotonic() - t

    code, duur = asyncio.run(scenario())
    assert code == 201
    assert duur >= 0.1  # slowed down: (26 - 20) x 0.02 s
    app.state.db.sluit()


def test_account_vertraging_geldt_over_alle_adressen_maar_sluit_niemand_buiten(db_url):
    """Five wrong passwords from five addresses: the account is throttled for every address that has failed (growing
    wait, Retry-After), but the owner, from an address without failures, logs in with the right password at once."""
    app = maak_app(db_url)
    _gebruiker(app, "a@voorbeeld.nl")

    async def scenario():
        for i in range(5):
            async with _client(app, f"10.3.0.{i}") as c:
                assert (
                    await c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "fout"})
                ).status_code == 401
        async with _client(app, "10.3.0.4") as c:  # the guesser's address: must wait, also with the right password
            r = await c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW})
            assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
        async with _client(app, "10.3.0.99") as c:  # the owner: no lock-out
            r = await c.post("/api/v1/sessies", json={"email": "A@Voorbeeld.nl ", "wachtwoord": WW})
            assert r.status_code == 201, r.text

    asyncio.run(scenario())
    app.state.db.sluit()


def test_account_wachttijd_groeit():
    limiet = InlogLimiet(vrij=3, basis=2, max_vertraging=900)
    assert [limiet.account_wacht(n) for n in (0, 2, 3, 4, 5, 10, 40)] == [0, 0, 2, 4, 8, 256, 900]


def test_gelukt_wist_de_telling_en_slaat_niets_persoonlijks_op(db_url):
    app = maak_app(db_url)
    _gebruiker(app, "a@voorbeeld.nl")

    async def scenario():
        async with _client(app, "10.4.0.1") as c:
            for _ in range(2):
                await c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "fout"})
            assert (
                await c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW})
            ).status_code == 201
            for _ in range(3):  # the count started again
                assert (
                    await c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "fout"})
                ).status_code == 401

    asyncio.run(scenario())
    from kotwijzer.store.models import InlogPoging

    with app.state.db.sessie() as s:
        sleutels = {p.sleutel for p in s.scalars(repo.select(InlogPoging))}
    assert sleutels and not any("voorbeeld" in k or "10.4.0.1" in k for k in sleutels)
    app.state.db.sluit()
