"""Abuse that costs the server CPU (issue 17, load under abuse): an address over its own bounds gets its 429 after a
tarpit delay and the connection closes; the server-wide bound answers at once; PDFs are drawn in a separate process of
lower priority, and the pool refuses at the door with a Dutch page when it is full."""

from __future__ import annotations

import asyncio
import os
import time

import httpx

from conftest import maak_app, voorbeeld
from kotwijzer.http.beveiliging import Wachtwoordpoort
from kotwijzer.http.pdfpoort import Pdfpoort
from kotwijzer.http.rekenpoort import Rekenpoort, Teerput


def _client(app, adres: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(adres, 1234)), base_url="http://t")


def test_adres_boven_budget_krijgt_429_na_de_teerput_en_sluiting(sqlite_url):
    """After one calculation the address owes more calculation time than its budget allows: its next request waits the
    tarpit's delay (a timer, no work), then gets 429 with Retry-After and `Connection: close`."""
    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(per_adres=4, budget=1e-6, buffer=0.0), teerput=Teerput(0.4))
    d = voorbeeld("paar_werkt_2026")

    async def scenario():
        async with _client(app, "198.51.100.7") as c, _client(app, "198.51.100.8") as ander:
            assert (await c.post("/api/v1/berekening", json=d)).status_code == 200
            t0 = time.monotonic()
            r = await c.post("/api/v1/berekening", json=d)
            assert time.monotonic() - t0 >= 0.4
            assert r.status_code == 429 and r.json()["code"] == "te_druk"
            assert int(r.headers["retry-after"]) >= 1
            assert r.headers["connection"] == "close"
            # another address is served as usual
            assert (await ander.post("/api/v1/berekening", json=d)).status_code == 200

    asyncio.run(scenario())
    assert app.state.teerput.vastgehouden == 1
    app.state.db.sluit()


def test_serverbrede_grens_antwoordt_zonder_teerput(sqlite_url):
    """A client refused only because the server is full is not held: no tarpit, the connection stays usable."""
    app = maak_app(sqlite_url, rekenpoort=Rekenpoort(draden=1, wachtrij=0, per_adres=4, budget=0), teerput=Teerput(5))
    app.state.rekenpoort.bezig = 1  # the only place is taken

    async def scenario():
        async with _client(app, "198.51.100.9") as c:
            r = await c.post("/api/v1/berekening", json=voorbeeld("paar_werkt_2026"))
            assert r.status_code == 429 and "druk" in r.json()["melding"]
            assert "connection" not in r.headers

    asyncio.run(scenario())
    assert app.state.teerput.vastgehouden == 0
    app.state.db.sluit()


def test_inlogvloed_van_een_adres_wordt_vastgehouden(sqlite_url):
    """A login while the same address's previous login is still running: held by the tarpit, 429, connection closed,
    before the body is read; another address logs in as usual (401 for a wrong password)."""
    app = maak_app(sqlite_url, teerput=Teerput(0.3))
    poort = app.state.wachtwoordpoort = Wachtwoordpoort(draden=2, wachtrij=8, per_adres=1)
    assert poort.toelaten("198.51.100.20")  # this address's previous attempt is still being checked

    async def scenario():
        async with _client(app, "198.51.100.20") as c, _client(app, "198.51.100.21") as ander:
            t0 = time.monotonic()
            r = await c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "fout-fout-fout"})
            assert time.monotonic() - t0 >= 0.3
            assert r.status_code == 429 and r.headers["connection"] == "close" and r.json()["melding"]
            r = await ander.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "fout-fout-fout"})
            assert r.status_code == 401

    asyncio.run(scenario())
    assert app.state.teerput.vastgehouden == 1
    app.state.db.sluit()


def test_teerput_houdt_hoogstens_max_tegelijk_vast():
    put = Teerput(seconden=0.2, max_tegelijk=2)

    async def scenario():
        await asyncio.gather(*(put.wacht() for _ in range(5)))

    asyncio.run(scenario())
    assert put.vastgehouden == 2 and put.bezig == 0


def test_pdf_wordt_getekend_in_een_eigen_proces_met_lagere_prioriteit():
    poort = Pdfpoort(processen=1, wachtrij=0, nice=5)
    try:

        async def scenario():
            pid = await poort.teken(os.getpid)
            nice = await poort.teken(os.getpriority, os.PRIO_PROCESS, 0)
            return pid, nice

        pid, nice = asyncio.run(scenario())
        assert pid != os.getpid()
        assert nice >= os.getpriority(os.PRIO_PROCESS, 0) + 5
        assert poort.bezig == 0 and poort.getekend == 2
    finally:
        poort.sluit()


def test_volle_pdfpoort_weigert_met_nederlandse_pagina(sqlite_url):
    """While the only drawing process is busy and no queue is allowed, the summary PDF is refused at once with 503,
    Retry-After and a short Dutch page; when the process is free, the same link gives the PDF."""
    from kotwijzer.web.hervatten import maak

    app = maak_app(sqlite_url, pdfpoort=Pdfpoort(processen=1, wachtrij=0, nice=0))
    staat = {"invoer": voorbeeld("paar_werkt_2026"), "partner": True, "aantal_kinderen": 2, "context": {}, "id": "abc"}
    a = maak(app.state.geheim, staat)

    async def scenario():
        async with _client(app, "198.51.100.30") as c:
            bezet = asyncio.create_task(app.state.pdfpoort.teken(time.sleep, 3))
            await asyncio.sleep(0.1)
            r = await c.get("/samenvatting.pdf", params={"a": a})
            assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1
            assert r.headers["content-type"].startswith("text/html")
            assert "Even wachten" in r.text and "erg druk" in r.text
            await bezet
            r = await c.get("/samenvatting.pdf", params={"a": a})
            assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
            assert r.content.startswith(b"%PDF")

    try:
        asyncio.run(scenario())
        assert app.state.pdfpoort.geweigerd == 1 and app.state.pdfpoort.getekend == 2
    finally:
        app.state.pdfpoort.sluit()
        app.state.db.sluit()
