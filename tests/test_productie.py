"""The server as it runs in production (`kotwijzer serve`): slow clients are timed out, proxy headers are believed only
from configured proxies, and several workers share one PostgreSQL database (docs/web.md, "running in production")."""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path

import httpx
import pytest

from server_hulp import log, server


def _gesloten_binnen(sock: socket.socket, seconden: float, druppel: bytes | None = None) -> float | None:
    """Seconds until the server closed the connection (while trickling `druppel` every 0.2 s), or None."""
    start = time.monotonic()
    sock.settimeout(0.2)
    while time.monotonic() - start < seconden:
        if druppel:
            try:
                sock.sendall(druppel)
            except OSError:
                return time.monotonic() - start
        try:
            if sock.recv(1024) == b"":
                return time.monotonic() - start
        except TimeoutError:
            pass
        except OSError:
            return time.monotonic() - start
    return None


@pytest.fixture(scope="module")
def trage_server(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("traag")
    with server(map_, env={"KOTWIJZER_LEES_TIMEOUT": "1"}) as (url, _):
        yield url


def _verbind(url: str) -> socket.socket:
    host, poort = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(poort)))


def test_stille_verbinding_wordt_gesloten(trage_server):
    with _verbind(trage_server) as s:
        t = _gesloten_binnen(s, 5)
    assert t is not None and t < 4


def test_druppelende_headers_worden_gesloten(trage_server):
    with _verbind(trage_server) as s:
        s.sendall(b"GET /api/v1/parameters/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        t = _gesloten_binnen(s, 6, druppel=b"X")  # a header line that never ends
    assert t is not None and t < 4


def test_druppelende_body_wordt_gesloten(trage_server):
    with _verbind(trage_server) as s:
        s.sendall(
            b"POST /api/v1/berekening HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000\r\n\r\n{"
        )
        t = _gesloten_binnen(s, 6, druppel=b" ")
    assert t is not None and t < 4


def test_veel_hangende_verbindingen_worden_opgeruimd(trage_server):
    socks = [_verbind(trage_server) for _ in range(200)]
    try:
        time.sleep(2.5)
        # the server has closed all of them, and still answers
        gesloten = 0
        for s in socks:
            s.settimeout(0.5)
            try:
                if s.recv(10) == b"":
                    gesloten += 1
            except OSError:
                gesloten += 1
        assert gesloten == len(socks)
        assert httpx.get(trage_server + "/api/v1/parameters/2026").status_code == 200
    finally:
        for s in socks:
            s.close()


def test_gewoon_verzoek_en_keep_alive_werken(trage_server):
    with httpx.Client() as c:
        for _ in range(3):
            assert c.get(trage_server + "/api/v1/parameters/2026").status_code == 200
            time.sleep(0.3)


def test_proxyheaders_alleen_van_vertrouwde_proxy(tmp_path):
    kop = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    with server(tmp_path) as (url, _):
        r = httpx.get(url + "/", headers=kop)
        assert "Secure" not in r.headers["set-cookie"]
        assert "strict-transport-security" not in r.headers
    with server(tmp_path, "--trusted-proxies", "127.0.0.1") as (url, _):
        r = httpx.get(url + "/", headers=kop)
        assert "Secure" in r.headers["set-cookie"]
        assert "strict-transport-security" in r.headers
    with server(tmp_path, env={"KOTWIJZER_VERTROUWDE_PROXIES": "10.9.9.9"}) as (url, _):
        r = httpx.get(url + "/", headers=kop)  # a proxy is configured, but not this one
        assert "Secure" not in r.headers["set-cookie"]


@pytest.mark.postgres
def test_meerdere_workers_op_postgresql(tmp_path, postgres_url):
    """`kotwijzer serve --workers 3` against PostgreSQL, as docs/web.md describes: logins, the login limit and saves
    are shared by all workers, and parallel saves of one scenario never collide."""
    import asyncio
    import os

    from kotwijzer.store import Database, repo

    db = Database(postgres_url)
    db.migreer()
    with db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
        repo.gebruiker_maken(s, o.id, "b@voorbeeld.nl", "een-goed-wachtwoord", "medewerker")
    db.sluit()
    with server(tmp_path, "--workers", "3", database_url=postgres_url) as (url, proces):
        kinderen = Path(f"/proc/{proces.pid}/task/{proces.pid}/children").read_text().split()
        assert len(kinderen) >= 3, log(tmp_path)

        async def scenario():
            limieten = httpx.Limits(max_keepalive_connections=0)  # a new connection per request: spread over workers
            async with httpx.AsyncClient(base_url=url, limits=limieten, timeout=30) as c:
                r = await c.post(
                    "/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"}
                )
                h = {"Authorization": "Bearer " + r.json()["token"]}
                rs = await asyncio.gather(*(c.get("/api/v1/dossiers", headers=h) for _ in range(30)))
                assert {x.status_code for x in rs} == {200}
                d = (await c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h)).json()["id"]
                from conftest import voorbeeld

                inv = voorbeeld("paar_werkt_2026")
                sid = (
                    await c.post(f"/api/v1/dossiers/{d}/scenarios", json={"naam": "a", "invoer": inv}, headers=h)
                ).json()["id"]
                rs = await asyncio.gather(
                    *(c.put(f"/api/v1/scenarios/{sid}", json={"invoer": inv}, headers=h) for _ in range(20))
                )
                # every save is either done or refused whole (429 when a worker's calculation queue is full)
                codes = [x.status_code for x in rs]
                assert set(codes) <= {200, 429} and codes.count(200) >= 10, codes
                versies = (await c.get(f"/api/v1/scenarios/{sid}/versies", headers=h)).json()
                assert [v["versie"] for v in versies] == list(range(1, 2 + codes.count(200)))
                # the login limit holds across workers: 12 parallel wrong passwords, at most 5 checked
                rs = await asyncio.gather(
                    *(
                        c.post("/api/v1/sessies", json={"email": "b@voorbeeld.nl", "wachtwoord": f"x{i}"})
                        for i in range(12)
                    )
                )
                codes = [x.status_code for x in rs]
                assert codes.count(401) <= 5 and codes.count(429) >= 7, codes
                # calculations on every worker
                for _ in range(6):
                    assert (await c.post("/api/v1/berekening", json=inv)).status_code == 200

        asyncio.run(scenario())
    assert "Traceback" not in log(tmp_path)
    assert os.path.exists(tmp_path / "geheim")


# --------------------------------------------- issue 17, finding 4: connections per address, readers that do not read
@pytest.fixture(scope="module")
def begrensde_server(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("begrensd")
    with server(
        map_,
        env={
            "KOTWIJZER_LEES_TIMEOUT": "30",
            "KOTWIJZER_VERBINDINGEN_PER_ADRES": "20",
            "KOTWIJZER_SCHRIJF_TIMEOUT": "1",
            "KOTWIJZER_VASTHOUDEN": "2",
            "KOTWIJZER_TEERPUT": "0.5",
            "KOTWIJZER_REKEN_BUDGET": "0.000001",
            "KOTWIJZER_REKEN_BUFFER": "0",
        },
    ) as (url, _):
        yield url


def test_een_adres_kan_niet_alle_verbindingen_nemen(begrensde_server):
    """100 connections that trickle from one address: at most 20 are served; the others are held without being read
    (not one byte of an answer) and closed after KOTWIJZER_VASTHOUDEN seconds, not at once, so a client cannot make
    the server accept and close connections as fast as it can open them. Another address is served at once."""
    host, poort = begrensde_server.removeprefix("http://").split(":")
    socks = []
    try:
        for _ in range(100):
            s = socket.create_connection((host, int(poort)), source_address=("127.0.0.3", 0))
            s.sendall(b"GET /api/v1/parameters/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # not finished yet
            socks.append(s)
        time.sleep(0.5)
        r = httpx.get(begrensde_server + "/api/v1/parameters/2026", timeout=5)
        assert r.status_code == 200
        for s in socks:
            s.sendall(b"Connection: close\r\n\r\n")  # now finished: only a connection that is read can answer
        beantwoord = gesloten_zonder_antwoord = 0
        t0 = time.monotonic()
        for s in socks:
            s.settimeout(max(0.1, 6 - (time.monotonic() - t0)))
            try:
                d = s.recv(1)
            except TimeoutError:
                continue
            except OSError:
                d = b""
            if d:
                beantwoord += 1
            else:
                gesloten_zonder_antwoord += 1
        assert 1 <= beantwoord <= 20, beantwoord
        assert gesloten_zonder_antwoord == 100 - beantwoord, gesloten_zonder_antwoord
        assert time.monotonic() - t0 >= 1.0  # held until KOTWIJZER_VASTHOUDEN (2 s), not closed at once
    finally:
        for s in socks:
            s.close()


def test_teerput_sluit_de_verbinding_na_429(begrensde_server):
    """An address over its calculation budget (KOTWIJZER_REKEN_BUDGET tiny here) gets its 429 with `Connection:
    close` after the tarpit delay, and the server closes the connection."""
    host, poort = begrensde_server.removeprefix("http://").split(":")
    body = (Path(__file__).resolve().parents[1] / "examples" / "paar_werkt_2026.json").read_bytes()
    verzoek = (
        b"POST /api/v1/berekening HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    with socket.create_connection((host, int(poort)), source_address=("127.0.0.5", 0)) as s:
        s.settimeout(10)
        s.sendall(verzoek)
        assert s.recv(12).startswith(b"HTTP/1.1 200")
        time.sleep(0.3)
        s.settimeout(0.1)
        with contextlib.suppress(TimeoutError):
            while s.recv(65536):
                pass
        s.settimeout(10)
        t0 = time.monotonic()
        s.sendall(verzoek)
        antwoord = b""
        while d := s.recv(65536):  # read until the server closes
            antwoord += d
        assert time.monotonic() - t0 >= 0.5
        kop = antwoord.split(b"\r\n\r\n", 1)[0].lower()
        assert kop.startswith(b"http/1.1 429") and b"connection: close" in kop and b"retry-after:" in kop


def test_lezer_die_niet_leest_wordt_afgebroken(begrensde_server):
    """A client that asks for a large answer and does not read it: after the write timeout the server aborts the
    connection (freeing the answer), so the client gets only part of it."""
    host, poort = begrensde_server.removeprefix("http://").split(":")
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect((host, int(poort)))
    try:
        for _ in range(100):  # a hundred answers of 100 kB in a row, none read (more than the kernel buffers hold)
            s.sendall(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        time.sleep(4)
        s.settimeout(2)
        ontvangen = 0
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    break
                ontvangen += len(d)
        except (TimeoutError, ConnectionResetError):
            pass
        assert ontvangen < 100 * 100_000, ontvangen
    finally:
        s.close()


# ---------------------------------------------------- issue 17, finding 16: no e-mail address in PostgreSQL's own log
@pytest.mark.postgres
def test_postgresql_logboek_zonder_e_mailadres(postgres_url):
    """With the settings docs/web.md asks for (log_error_verbosity = terse, log_min_error_statement = panic; here per
    database), a unique-key violation on a user's e-mail address (a race that passed the application's own check)
    leaves no e-mail address in PostgreSQL's log, and the server's start-up check is satisfied; without them it
    warns."""
    from pathlib import Path

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import IntegrityError

    from kotwijzer.store import Database, repo
    from kotwijzer.store.models import Gebruiker, nu

    url = make_url(postgres_url)
    db = Database(postgres_url)
    db.migreer()
    assert any("log_error_verbosity" in b for b in db.logboek_bezwaren())  # the defaults are not safe
    db.sluit()
    beheer = create_engine(url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as c:
        c.execute(text(f'ALTER DATABASE "{url.database}" SET log_error_verbosity = terse'))
        c.execute(text(f'ALTER DATABASE "{url.database}" SET log_min_error_statement = panic'))
        logbestand = Path(c.execute(text("SHOW data_directory")).scalar()).parent / "log"
    beheer.dispose()
    db = Database(postgres_url)
    assert db.logboek_bezwaren() == []
    with db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "geheim.adres.17@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
        oid = o.id
    voor = logbestand.stat().st_size if logbestand.exists() else 0
    with pytest.raises(IntegrityError), db.sessie() as s:  # as the second of two simultaneous requests would
        s.add(
            Gebruiker(
                organisatie_id=oid,
                email="geheim.adres.17@voorbeeld.nl",
                naam="",
                wachtwoord_hash="x",
                rol="medewerker",
                actief=True,
                aangemaakt=nu(),
            )
        )
        s.flush()
    db.sluit()
    if not logbestand.exists():
        pytest.skip("het logbestand van de test-PostgreSQL is niet te lezen")
    time.sleep(0.5)
    with open(logbestand, "rb") as f:
        f.seek(voor)
        nieuw = f.read().decode("utf-8", "replace")
    assert "uq_gebruiker_organisatie_email" in nieuw  # the refusal itself is logged (we read the right file)
    assert "geheim.adres.17" not in nieuw
