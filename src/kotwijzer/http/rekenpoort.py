"""Where calculations run: off the event loop, bounded, and fair between clients.

Every calculation of the API goes through `Rekenpoort.reken`:

* it runs in a worker thread (anyio, at most `draden` at a time), so a long calculation never stalls the event loop
  that serves the other requests;
* at most `draden + wachtrij` calculations are running or waiting; beyond that the request is refused at once with
  429 and Retry-After (load shedding), instead of letting latency grow without bound;
* one client address may have at most `per_adres` calculations running or waiting, and may use at most `budget`
  seconds of calculation time per second on average (a leaky bucket that allows a burst of `buffer` seconds), so one
  client sending the most expensive request as fast as it can does not crowd out everybody else.

The counters live in the worker process and are only changed on the event loop thread (no await between check and
update), so they need no lock. With several workers each worker has its own bounds.
"""

from __future__ import annotations

import math
import os
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.types import ASGIApp, Receive, Scope, Send

from kotwijzer.http.adres import client_adres
from kotwijzer.http.beveiliging import VASTE_HEADERS
from kotwijzer.http.fouten import ApiFout, dumps

MELDING_DRUK = "Het is nu erg druk. Probeer het over een paar seconden opnieuw."
MELDING_ADRES = "U stuurt te veel berekeningen tegelijk of kort na elkaar. Wacht even en probeer het dan opnieuw."


def _env_getal(naam: str, standaard: float) -> float:
    try:
        return float(os.environ.get(naam, standaard))
    except ValueError:
        return standaard


class Rekenpoort:
    def __init__(
        self,
        draden: int | None = None,
        wachtrij: int | None = None,
        per_adres: int | None = None,
        budget: float | None = None,
        buffer: float | None = None,
        max_adressen: int = 10_000,
    ):
        self.draden = int(draden if draden is not None else _env_getal("KOTWIJZER_REKEN_DRADEN", 2))
        self.wachtrij = int(wachtrij if wachtrij is not None else _env_getal("KOTWIJZER_REKEN_WACHTRIJ", 8))
        self.per_adres = int(per_adres if per_adres is not None else _env_getal("KOTWIJZER_REKEN_PER_ADRES", 1))
        self.budget = float(budget if budget is not None else _env_getal("KOTWIJZER_REKEN_BUDGET", 0.05))
        self.buffer = float(buffer if buffer is not None else _env_getal("KOTWIJZER_REKEN_BUFFER", 0.5))
        self.max_adressen = max_adressen
        self._limiter: anyio.CapacityLimiter | None = None
        self.bezig = 0
        self._per_adres: dict[str, int] = {}
        self._schuld: OrderedDict[str, tuple[float, float]] = OrderedDict()  # adres -> (seconds owed, when)
        self.geweigerd = 0

    def _schuld_nu(self, adres: str, nu: float) -> float:
        s, t = self._schuld.get(adres, (0.0, nu))
        return max(0.0, s - (nu - t) * self.budget)

    def _weiger(self, melding: str, wacht: int) -> ApiFout:
        self.geweigerd += 1
        return ApiFout(429, "te_druk", melding, headers={"Retry-After": str(max(1, wacht))})

    def weigering(self, adres: str) -> ApiFout | None:
        """Would a public calculation from this address be refused now? (Only looks; `plek` decides.)"""
        if self.bezig >= self.draden + self.wachtrij:
            return ApiFout(429, "te_druk", MELDING_DRUK, headers={"Retry-After": "1"})
        if self._per_adres.get(adres, 0) >= self.per_adres:
            return ApiFout(429, "te_druk", MELDING_ADRES, headers={"Retry-After": "1"})
        schuld = self._schuld_nu(adres, time.monotonic())
        if self.budget > 0 and schuld > self.buffer:
            wacht = max(1, math.ceil((schuld - self.buffer) / self.budget))
            return ApiFout(429, "te_druk", MELDING_ADRES, headers={"Retry-After": str(wacht)})
        return None

    def _toelaten(self, adres: str, per_adres: bool = True) -> None:
        """Admit one calculation for this address or raise ApiFout(429). Only on the event loop thread.
        `per_adres=False`: only the server-wide bound (for logged-in professionals, whose use is attributable)."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(max(1, self.draden))
        if self.bezig >= self.draden + self.wachtrij:
            raise self._weiger(MELDING_DRUK, 1)
        if not per_adres:
            self.bezig += 1
            self._per_adres[adres] = self._per_adres.get(adres, 0) + 1
            return
        if self._per_adres.get(adres, 0) >= self.per_adres:
            raise self._weiger(MELDING_ADRES, 1)
        schuld = self._schuld_nu(adres, time.monotonic())
        if self.budget > 0 and schuld > self.buffer:
            raise self._weiger(MELDING_ADRES, math.ceil((schuld - self.buffer) / self.budget))
        self.bezig += 1
        self._per_adres[adres] = self._per_adres.get(adres, 0) + 1

    def _klaar(self, adres: str, kosten: float) -> None:
        self.bezig -= 1
        n = self._per_adres.get(adres, 1) - 1
        if n <= 0:
            self._per_adres.pop(adres, None)
        else:
            self._per_adres[adres] = n
        nu = time.monotonic()
        self._schuld[adres] = (self._schuld_nu(adres, nu) + kosten, nu)
        self._schuld.move_to_end(adres)
        while len(self._schuld) > self.max_adressen:
            self._schuld.popitem(last=False)

    @asynccontextmanager
    async def plek(self, adres: str, per_adres: bool = True):
        """A place for one calculation, taken *before* the request body is read, so a refused request costs almost
        nothing. Yields a function `reken(fn, *args)` that runs `fn` in a worker thread."""
        self._toelaten(adres, per_adres)
        kosten = [0.0]

        async def _reken(fn: Callable[..., Any], *args: Any) -> Any:
            def _gemeten() -> Any:
                t0 = time.thread_time()
                try:
                    return fn(*args)
                finally:
                    kosten[0] += time.thread_time() - t0

            return await anyio.to_thread.run_sync(_gemeten, limiter=self._limiter)

        try:
            yield _reken
        finally:
            self._klaar(adres, kosten[0])

    async def reken(self, adres: str, fn: Callable[..., Any], *args: Any, per_adres: bool = True) -> Any:
        """`fn(*args)` in a worker thread, or ApiFout(429) when the server or this client is over its bounds."""
        async with self.plek(adres, per_adres) as r:
            return await r(fn, *args)


async def reken(request, fn: Callable[..., Any], *args: Any, per_adres: bool = True) -> Any:
    return await request.app.state.rekenpoort.reken(client_adres(request), fn, *args, per_adres=per_adres)


def rekenplek(request):
    """`async with rekenplek(request) as reken:` admission for one calculation of this request's client."""
    return request.app.state.rekenpoort.plek(client_adres(request))


class Teerput:
    """A tarpit for an address over its own bounds (OWASP ASVS 4.0 V11.1.4, anti-automation): its 429 comes after
    `seconden` of waiting that costs no CPU (a timer, KOTWIJZER_TEERPUT, default 2), with `Connection: close`. A client
    that ignores Retry-After and asks again at once then gets one answer per connection per `seconden`, instead of
    thousands of cheap answers a second that together would take the server's CPU; with at most
    KOTWIJZER_VERBINDINGEN_PER_ADRES connections per address (`kotwijzer.http.verbinding`) a flood becomes a trickle.
    At most `max_tegelijk` answers wait at once per worker (KOTWIJZER_TEERPUT_MAX, default 1000); beyond that they go
    at once (still closing the connection). Never for the server-wide bound: a client refused only because the server
    is busy is answered at once."""

    def __init__(self, seconden: float | None = None, max_tegelijk: int | None = None):
        self.seconden = max(0.0, seconden if seconden is not None else _env_getal("KOTWIJZER_TEERPUT", 2.0))
        self.max_tegelijk = int(max_tegelijk if max_tegelijk is not None else _env_getal("KOTWIJZER_TEERPUT_MAX", 1000))
        self.bezig = 0
        self.vastgehouden = 0

    async def wacht(self) -> None:
        if self.seconden <= 0 or self.bezig >= self.max_tegelijk:
            return
        self.bezig += 1
        self.vastgehouden += 1
        try:
            await anyio.sleep(self.seconden)
        finally:
            self.bezig -= 1


def teerput(app: Any) -> Teerput:
    t = getattr(app.state, "teerput", None)
    if t is None:
        t = app.state.teerput = Teerput()
    return t


PUBLIEKE_BEREKENINGEN = frozenset(
    {"/api/v1/berekening", "/api/v1/voorwaardencheck", "/api/v1/wat-als", "/api/v1/voorschot-definitief"}
)


class VroegeWeigering:
    """Pure ASGI, outermost: a public calculation that the calculation pool would refuse anyway is answered with 429
    before anything else runs (no body read, no other middleware), so a client that ignores Retry-After costs as
    little as possible. The pool itself still decides for every request that gets through."""

    def __init__(self, app, poort_van):
        self.app = app
        self.poort_van = poort_van  # the app: its state holds the pool (replaceable in tests)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("method") == "POST" and scope.get("path") in INLOGGEN:
            from kotwijzer.http.beveiliging import wachtwoordpoort

            client = scope.get("client")
            poort = wachtwoordpoort(self.poort_van)
            adres = client[0] if client else "?"
            if poort.vol(adres):
                # a login while this address's previous one is still running, or the password pool is full: refused
                # before the body is read, so a login flood costs almost nothing; an address that floods is tarpitted
                poort.geweigerd += 1
                await _weiger(
                    send,
                    scope["path"].startswith("/api/"),
                    "Te veel pogingen tegelijk. Wacht even en probeer het dan opnieuw.",
                    "1",
                    teerput(self.poort_van) if poort.adres_vol(adres) else None,
                )
                return
        if scope["type"] == "http" and scope.get("method") == "POST" and scope.get("path") in PUBLIEKE_BEREKENINGEN:
            client = scope.get("client")
            fout = self.poort_van.state.rekenpoort.weigering(client[0] if client else "?")
            if fout is not None:
                self.poort_van.state.rekenpoort.geweigerd += 1
                await _weiger(
                    send,
                    True,
                    fout.melding,
                    (fout.headers or {}).get("Retry-After", "1"),
                    teerput(self.poort_van) if fout.melding == MELDING_ADRES else None,
                )
                return
        await self.app(scope, receive, send)


INLOGGEN = frozenset({"/api/v1/sessies", "/inloggen"})


async def _weiger(send, api: bool, melding: str, wacht: str, put: Teerput | None = None) -> None:
    """A 429 answer written directly (JSON for the API, a short page otherwise). With a tarpit (`put`: the address is
    over its own bounds) the answer comes after the tarpit's delay and the connection is closed after it."""
    if api:
        body, soort = dumps({"melding": melding, "code": "te_druk", "fouten": []}), b"application/json"
    else:
        body, soort = MELDING_WEB.format(melding=melding, wacht=wacht).encode(), b"text/html; charset=utf-8"
    headers = [
        (b"content-type", soort),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", wacht.encode()),
        (b"cache-control", b"no-store"),
        *VASTE_HEADERS,
    ]
    if put is not None:
        await put.wacht()
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})


WEB_PADEN = frozenset({"/vragen", "/uitkomst", "/wat-als", "/voorschot", "/samenvatting.pdf"})
MELDING_WEB = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Even wachten</title></head><body>'
    "<h1>Even wachten</h1><p>{melding}</p><p>Wacht {wacht} seconden en laad de pagina dan opnieuw. Uw "
    "antwoorden staan nog in de link.</p></body></html>"
)


def is_webberekening(pad: str) -> bool:
    return pad in WEB_PADEN or pad.startswith("/vragen/")


class WebBudget:
    """Pure ASGI: the public web pages that read the questionnaire's answers and compute (the steps, the result, the
    what-if pages, the PDF) are under the same bounds as the API's public calculations: one page at a time per
    address, the server-wide bound, and the per-address budget of calculation time (charged with the time the page
    took, from the request's arrival until its last byte was handed to the connection). Beyond them: 429 with
    Retry-After and a short Dutch page, before the answers are read."""

    def __init__(self, app: ASGIApp, poort_van: Starlette) -> None:
        self.app = app
        self.poort_van = poort_van  # the application whose state holds the calculation pool

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope.get("method") not in ("GET", "POST", "HEAD")
            or not is_webberekening(scope.get("path", ""))
        ):
            await self.app(scope, receive, send)
            return
        poort: Rekenpoort = self.poort_van.state.rekenpoort
        client = scope.get("client")
        adres = client[0] if client else "?"
        try:
            poort._toelaten(adres)
        except ApiFout as fout:
            put = teerput(self.poort_van) if fout.melding == MELDING_ADRES else None
            await _weiger(send, False, fout.melding, (fout.headers or {}).get("Retry-After", "1"), put)
            return
        t0 = time.monotonic()
        try:
            await self.app(scope, receive, send)
        finally:
            poort._klaar(adres, time.monotonic() - t0)
