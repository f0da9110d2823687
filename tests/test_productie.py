"""The server as it runs in production (`kotwijzer serve`): slow clients are timed out, proxy headers are believed only
from configured proxies, and several workers share one PostgreSQL database (docs/web.md, "running in production")."""
from __future__ import annotations

import socket
import time

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
        except socket.timeout:
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
        s.sendall(b"GET /api/v1/parameters/2026 HTTP/1.1\r\nHost: x\r\n")
        t = _gesloten_binnen(s, 6, druppel=b"X")  # a header line that never ends
    assert t is not None and t < 4


def test_druppelende_body_wordt_gesloten(trage_server):
    with _verbind(trage_server) as s:
        s.sendall(b"POST /api/v1/berekening HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100000\r\n\r\n{")
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
