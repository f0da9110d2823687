"""Who is asking: the client's address, for the login limit (`kotwijzer.http.beveiliging`) and the calculation pool
(`kotwijzer.http.rekenpoort`)."""

from __future__ import annotations

from starlette.requests import Request


def client_adres(request: Request) -> str:
    """The client's address as the server sees it (behind a configured trusted proxy: the forwarded address)."""
    return request.client.host if request.client else "?"
