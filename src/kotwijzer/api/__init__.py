"""HTTP API (FastAPI), version 1: berekening, voorwaardencheck, wat-als, voorschot, parameters, and the
professional endpoints for dossiers and scenarios. See `kotwijzer.web.app.create_app`."""
from __future__ import annotations

from typing import Any


def create_app(database_url: str | None = None, **kwargs: Any):
    """The ASGI app with the web pages and the API (see `kotwijzer.web.app.create_app`)."""
    from kotwijzer.web.app import create_app as _create_app

    return _create_app(database_url, **kwargs)


__all__ = ["create_app"]
