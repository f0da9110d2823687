"""The public web pages under abuse (issue 17, findings 1, 13, 14): no redirect or link built from the Host header;
the professional context of the questionnaire comes from the session, never from a state anyone can sign; the
questionnaire state is bounded with the API's own limits before it is signed and when it is read, and the pages that
compute are under the per-address budget."""
from __future__ import annotations

import json
import re

import pytest

from conftest import client_voor, maak_app


@pytest.fixture
def app_standaard(sqlite_url):
    a = maak_app(sqlite_url, hosts=None)  # the default: only loopback names
    yield a
    a.state.db.sluit()


def test_onbekende_host_geweigerd(app_standaard):
    with client_voor(app_standaard, base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 200
        r = c.get("/pro/", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code == 400 and "evil" not in r.headers.get("location", "")
        r = c.get("/vragen", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code == 400


def test_publiek_adres_bepaalt_redirects_en_links(sqlite_url):
    app = maak_app(sqlite_url, publiek="https://kotwijzer.example.nl", hosts=["*"])
    with client_voor(app, base_url="http://127.0.0.1") as c:
        r = c.get("/pro/", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code in (301, 302, 303, 307, 308)
        assert r.headers["location"].startswith(("/", "https://kotwijzer.example.nl/")), r.headers["location"]
        assert "evil" not in r.headers["location"]
        r = c.get("/vragen", headers={"Host": "evil.example"}, follow_redirects=False)
        adres = r.headers["location"].replace("https://kotwijzer.example.nl", "").replace("/gezin?", "/aanvrager?")
        r = c.get(adres, headers={"Host": "evil.example"})  # step 2 shows "Later verder gaan?" with its link
        assert r.status_code == 200
        assert "evil.example" not in r.text
        assert re.search(r'id="hervat-link"', r.text) and "https://kotwijzer.example.nl/vragen/aanvrager?a=" in r.text
    app.state.db.sluit()


def test_publiek_adres_met_toegestane_hosts_standaard(sqlite_url):
    app = maak_app(sqlite_url, publiek="https://kotwijzer.example.nl", hosts=None)
    with client_voor(app, base_url="https://kotwijzer.example.nl") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"Host": "evil.example"}).status_code == 400
    app.state.db.sluit()
