"""Accounts under abuse (issue 17, findings 2, 6, 7, 8): the password-hashing work of logins is bounded per address
and in total; re-authentication counts with the login limit; long passwords never give a server error; weak passwords
built from the user's own words, Dutch words and published examples are refused."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from conftest import client_voor, maak_app
from kotwijzer.store import repo, wachtwoord

WW = "een-goed-wachtwoord"


def _org(app, naam="Voorbeeld Bewind", email="a@voorbeeld.nl"):
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, naam)
        repo.gebruiker_maken(s, o.id, email, WW, "beheerder")


def _client(app, adres: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(adres, 4321)), base_url="http://t")


class _Teller:
    """Counts the argon2 verifications and the most that ran at the same time."""

    def __init__(self, monkeypatch, duur: float = 0.02):
        self.n = self.tegelijk = self.max = 0
        self.slot = threading.Lock()
        ph = wachtwoord._ph
        echt = ph.verify

        def verify(h, w):
            with self.slot:
                self.n += 1
                self.tegelijk += 1
                self.max = max(self.max, self.tegelijk)
            try:
                time.sleep(duur)  # as if the hash took real CPU
                return echt(h, w)
            finally:
                with self.slot:
                    self.tegelijk -= 1

        class Ph:
            def __getattr__(self, naam):
                return getattr(ph, naam)

        nep = Ph()
        nep.verify = verify
        monkeypatch.setattr(wachtwoord, "_ph", nep)


def test_inlogvloed_van_een_adres_kost_weinig_hashwerk(sqlite_app, monkeypatch):
    """100 logins at once from one address with random e-mail addresses: one reaches the password hash at a time,
    the others are refused at the door (429) without a hash."""
    t = _Teller(monkeypatch)

    async def scenario():
        async with _client(sqlite_app, "203.0.113.5") as c:
            rs = await asyncio.gather(
                *(
                    c.post("/api/v1/sessies", json={"email": f"x{i}@voorbeeld.nl", "wachtwoord": "fout-fout"})
                    for i in range(100)
                )
            )
        return [r.status_code for r in rs]

    codes = asyncio.run(scenario())
    assert set(codes) <= {401, 429}
    assert codes.count(429) >= 95, codes
    assert t.n == codes.count(401) <= 5
    assert t.max == 1


def test_inlogvloed_van_veel_adressen_neemt_hoogstens_de_hashpool(sqlite_app, monkeypatch):
    """60 logins at once from 60 addresses: at most one hash runs at a time in the process (KOTWIJZER_HASH_DRADEN=1),
    a handful wait, the rest are refused at once: a login flood cannot take the CPU of the calculations."""
    t = _Teller(monkeypatch)

    async def scenario():
        clients = [_client(sqlite_app, f"198.51.100.{i + 1}") for i in range(60)]
        try:
            rs = await asyncio.gather(
                *(
                    c.post("/api/v1/sessies", json={"email": f"x{i}@voorbeeld.nl", "wachtwoord": "fout"})
                    for i, c in enumerate(clients)
                )
            )
        finally:
            for c in clients:
                await c.aclose()
        return [r.status_code for r in rs]

    codes = asyncio.run(scenario())
    assert t.max == 1
    assert codes.count(429) >= 50 and t.n <= 10


def test_herbevestiging_telt_mee_met_de_inloglimiet(db_url):
    """Guessing the own password again (re-authentication, here to add a beheerder) is throttled like a login:
    after a few wrong guesses the next one is refused with Retry-After, also the right one from the same address."""
    app = maak_app(db_url)
    _org(app)
    with client_voor(app) as c:
        r = c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW})
        h = {"Authorization": "Bearer " + r.json()["token"]}
        codes = []
        for i in range(6):
            r = c.post(
                "/api/v1/gebruikers",
                headers=h,
                json={
                    "email": f"b{i}@voorbeeld.nl",
                    "wachtwoord": "zeven blauwe kastanjes dansen",
                    "rol": "beheerder",
                    "huidig_wachtwoord": f"gok-{i}",
                },
            )
            codes.append(r.status_code)
        assert codes[:3] == [422, 422, 422] and 429 in codes, codes
        r = c.post(
            "/api/v1/gebruikers",
            headers=h,
            json={
                "email": "b9@voorbeeld.nl",
                "wachtwoord": "zeven blauwe kastanjes dansen",
                "rol": "beheerder",
                "huidig_wachtwoord": WW,
            },
        )
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        r = c.put(
            "/api/v1/wachtwoord",
            headers=h,
            json={"huidig_wachtwoord": "nog-een-gok", "nieuw_wachtwoord": "zeven blauwe kastanjes dansen"},
        )
        assert r.status_code == 429
    app.state.db.sluit()


@pytest.mark.parametrize("lengte", [73, 100, 150, 200])
def test_lange_wachtwoorden_geven_geen_serverfout(sqlite_app, lengte):
    ww = ("paardenbloem fietsbel kwal " * 10)[: lengte - 1] + "7"
    _org(sqlite_app)
    with client_voor(sqlite_app) as c:
        r = c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW})
        h = {"Authorization": "Bearer " + r.json()["token"]}
        r = c.post(
            "/api/v1/gebruikers", headers=h, json={"email": "lang@voorbeeld.nl", "wachtwoord": ww, "rol": "medewerker"}
        )
        assert r.status_code == 201, r.text
        assert c.post("/api/v1/sessies", json={"email": "lang@voorbeeld.nl", "wachtwoord": ww}).status_code == 201
        r = c.post(
            "/api/v1/gebruikers",
            headers=h,
            json={"email": "te@voorbeeld.nl", "wachtwoord": "x" * 201, "rol": "medewerker"},
        )
        assert r.status_code == 422


@pytest.mark.parametrize(
    "ww",
    [
        "voorbeeld-bewind1",
        "Zomer2024!!!",
        "Amsterdam2026!",
        "Feyenoord2024",
        "correcthorsebatterystaple",
        "voorbeeldbewind2026",
        "jan.jansen2024!",
    ],
)
def test_zwakke_wachtwoorden_uit_eigen_en_nederlandse_woorden_geweigerd(sqlite_app, ww):
    _org(sqlite_app, "Voorbeeld-Bewind", "beheer@voorbeeld-bewind.nl")
    with client_voor(sqlite_app) as c:
        r = c.post("/api/v1/sessies", json={"email": "beheer@voorbeeld-bewind.nl", "wachtwoord": WW})
        h = {"Authorization": "Bearer " + r.json()["token"]}
        r = c.post(
            "/api/v1/gebruikers",
            headers=h,
            json={"email": "jan.jansen@voorbeeld-bewind.nl", "wachtwoord": ww, "rol": "medewerker"},
        )
        assert r.status_code == 422, ww
        melding = r.json()["fouten"][0]["melding"]
        assert "makkelijk te raden" in melding or "uitgelekte" in melding


def test_sterke_wachtwoordzin_blijft_toegestaan():
    assert wachtwoord.bezwaar("paardenbloem fietsbel kwal", ["jan@voorbeeld.nl", "Voorbeeld Bewind"]) is None
    assert wachtwoord.bezwaar("zeven blauwe kastanjes dansen", ["jan@voorbeeld.nl"]) is None
