"""Slow clients are timed out and one address cannot take all connections: uvicorn's HTTP protocol (httptools) with
a deadline for receiving a request, a deadline for a reader that does not read, and a bound per address.

* uvicorn closes a connection that stays idle after a response (`timeout_keep_alive`), but it waits forever for a
  client that opens a connection and sends nothing, or trickles its headers or body a byte at a time. Here every
  request must be received completely (request line, headers and body) within `KOTWIJZER_LEES_TIMEOUT` seconds
  (default 15) of its first byte, or of the connection being opened; otherwise the connection is closed. The time
  the app takes to answer does not count.
* A slow *reader*: when the client stops reading, the answer waits in the connection's send buffer and the
  transport pauses the app (uvicorn's flow control, at 64 kB). A connection that stays paused for
  `KOTWIJZER_SCHRIJF_TIMEOUT` seconds (default 20) is aborted, which frees what was waiting for it: an answer never
  holds memory longer than that for a client that does not take it.
* At most `KOTWIJZER_VERBINDINGEN_PER_ADRES` (default 64) open connections per client address per worker, so
  trickling connections from one address can never fill the worker's `limit_concurrency` and make it answer 503 to
  everybody. A further one is *held*: not read (the transport's reading is paused, so its bytes cost nothing), not
  counted among the worker's connections, and closed after `KOTWIJZER_VASTHOUDEN` seconds (default 10). Closing it at
  once would let the client make the server accept and close thousands of connections a second; held, each costs one
  timer and a file descriptor. At most `KOTWIJZER_MAX_VASTGEHOUDEN` (default 4000) are held per worker; beyond that a
  further one is closed at once. Connections from a configured trusted proxy (KOTWIJZER_VERTROUWDE_PROXIES) are not
  counted: the proxy must bound them per client itself (docs/web.md).
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
from functools import lru_cache
from typing import Any, ClassVar

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

STANDAARD_LEES_TIMEOUT = 15.0
STANDAARD_SCHRIJF_TIMEOUT = 20.0
STANDAARD_PER_ADRES = 64
STANDAARD_VASTHOUDEN = 10.0
STANDAARD_MAX_VASTGEHOUDEN = 4000


def _env(naam: str, standaard: float, minimum: float) -> float:
    try:
        return max(minimum, float(os.environ.get(naam, standaard)))
    except ValueError:
        return standaard


def lees_timeout() -> float:
    return _env("KOTWIJZER_LEES_TIMEOUT", STANDAARD_LEES_TIMEOUT, 0.1)


def schrijf_timeout() -> float:
    return _env("KOTWIJZER_SCHRIJF_TIMEOUT", STANDAARD_SCHRIJF_TIMEOUT, 0.1)


def per_adres() -> int:
    return int(_env("KOTWIJZER_VERBINDINGEN_PER_ADRES", STANDAARD_PER_ADRES, 1))


def vasthouden() -> float:
    return _env("KOTWIJZER_VASTHOUDEN", STANDAARD_VASTHOUDEN, 0.0)


def max_vastgehouden() -> int:
    return int(_env("KOTWIJZER_MAX_VASTGEHOUDEN", STANDAARD_MAX_VASTGEHOUDEN, 0))


@lru_cache(maxsize=4)
def _proxies(waarde: str) -> tuple:
    netten = []
    for x in waarde.split(","):
        x = x.strip()
        if not x:
            continue
        if x == "*":
            return ("*",)
        try:
            netten.append(ipaddress.ip_network(x, strict=False))
        except ValueError:
            continue
    return tuple(netten)


def vertrouwde_proxy(ip: str) -> bool:
    netten = _proxies(os.environ.get("KOTWIJZER_VERTROUWDE_PROXIES", ""))
    if not netten:
        return False
    if netten == ("*",):
        return True
    try:
        a = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(a in n for n in netten)


class BegrensdeHttp(HttpToolsProtocol):
    # shared by the connections of one worker process (its event loop's thread only)
    open_per_adres: ClassVar[dict[str, int]] = {}
    geweigerd = 0  # connections over the bound of their address (held, or closed at once)
    vastgehouden = 0  # held now

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # uvicorn's arguments, passed on unchanged
        super().__init__(*args, **kwargs)
        self.lees_timeout = lees_timeout()
        self.schrijf_timeout = schrijf_timeout()
        self._lees_timer: asyncio.TimerHandle | None = None
        self._schrijf_timer: asyncio.TimerHandle | None = None
        self._adres: str | None = None
        self._in_verwerking = False  # from a complete request until its response is complete
        self._vast: asyncio.TimerHandle | None = None  # held: over the bound of its address

    def _start_lees_timer(self) -> None:
        if self._lees_timer is None:
            self._lees_timer = self.loop.call_later(self.lees_timeout, self._te_traag)

    def _stop_lees_timer(self) -> None:
        if self._lees_timer is not None:
            self._lees_timer.cancel()
            self._lees_timer = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        peer = transport.get_extra_info("peername")
        ip = peer[0] if isinstance(peer, (tuple, list)) and peer else None
        if ip is not None and not vertrouwde_proxy(ip):
            n = BegrensdeHttp.open_per_adres.get(ip, 0)
            if n >= per_adres():
                BegrensdeHttp.geweigerd += 1
                self._houd_vast(transport)
                return
            BegrensdeHttp.open_per_adres[ip] = n + 1
            self._adres = ip
        self._start_lees_timer()

    def _houd_vast(self, transport) -> None:
        """Over the bound for its address: nothing read, not one of the worker's connections (it cannot bring the
        worker to its `limit_concurrency`), closed after `vasthouden()` seconds."""
        wacht = vasthouden()
        if wacht <= 0 or BegrensdeHttp.vastgehouden >= max_vastgehouden():
            transport.abort()
            return
        self.connections.discard(self)
        transport.pause_reading()
        BegrensdeHttp.vastgehouden += 1
        self._vast = self.loop.call_later(wacht, transport.abort)

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._schrijf_timer is None:
            self._schrijf_timer = self.loop.call_later(self.schrijf_timeout, self._leest_niet)

    def resume_writing(self) -> None:
        super().resume_writing()
        if self._schrijf_timer is not None:
            self._schrijf_timer.cancel()
            self._schrijf_timer = None

    def _leest_niet(self) -> None:
        """The client has not taken any of the answer for `schrijf_timeout` seconds: abort, freeing the buffer."""
        self._schrijf_timer = None
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        self.transport.abort()

    def data_received(self, data: bytes) -> None:
        if self._vast is not None:
            return  # held: its bytes are not read
        if not self._in_verwerking:
            self._start_lees_timer()
        super().data_received(data)

    def on_message_complete(self) -> None:
        self._stop_lees_timer()
        self._in_verwerking = True
        super().on_message_complete()

    def on_response_complete(self) -> None:
        self._in_verwerking = False
        super().on_response_complete()

    def connection_lost(self, exc) -> None:
        self._stop_lees_timer()
        if self._vast is not None:
            self._vast.cancel()
            self._vast = None
            BegrensdeHttp.vastgehouden -= 1
        if self._schrijf_timer is not None:
            self._schrijf_timer.cancel()
            self._schrijf_timer = None
        if self._adres is not None:
            n = BegrensdeHttp.open_per_adres.get(self._adres, 1) - 1
            if n <= 0:
                BegrensdeHttp.open_per_adres.pop(self._adres, None)
            else:
                BegrensdeHttp.open_per_adres[self._adres] = n
            self._adres = None
        super().connection_lost(exc)

    def _te_traag(self) -> None:
        self._lees_timer = None
        if self._in_verwerking:
            return
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        if not self.transport.is_closing():
            self.transport.close()
