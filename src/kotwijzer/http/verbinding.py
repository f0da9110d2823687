"""Slow clients are timed out: uvicorn's HTTP protocol (httptools) with a deadline for receiving a request.

uvicorn closes a connection that stays idle after a response (`timeout_keep_alive`), but it waits forever for a
client that opens a connection and sends nothing, or trickles its headers or body a byte at a time. Here every
request must be received completely (request line, headers and body) within `KOTWIJZER_LEES_TIMEOUT` seconds
(default 15) of its first byte, or of the connection being opened; otherwise the connection is closed. The time the
app takes to answer does not count.
"""
from __future__ import annotations

import asyncio
import os

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

STANDAARD_LEES_TIMEOUT = 15.0


def lees_timeout() -> float:
    try:
        return max(0.1, float(os.environ.get("KOTWIJZER_LEES_TIMEOUT", STANDAARD_LEES_TIMEOUT)))
    except ValueError:
        return STANDAARD_LEES_TIMEOUT


class BegrensdeHttp(HttpToolsProtocol):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lees_timeout = lees_timeout()
        self._lees_timer: asyncio.TimerHandle | None = None
        self._in_verwerking = False  # from a complete request until its response is complete

    def _start_lees_timer(self) -> None:
        if self._lees_timer is None:
            self._lees_timer = self.loop.call_later(self.lees_timeout, self._te_traag)

    def _stop_lees_timer(self) -> None:
        if self._lees_timer is not None:
            self._lees_timer.cancel()
            self._lees_timer = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._start_lees_timer()

    def data_received(self, data: bytes) -> None:
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
