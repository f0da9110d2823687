"""The municipal catalogue of the app: the one stored in its database, read at most once per request.

Shared by the API (`kotwijzer.api.gemeenten`) and the web pages (`kotwijzer.web`). Every request runs with
`municipal.gebruik_catalogus(<the database>)`, so an activity named in a household's input is classified with the same
catalogue (read only when an input names one); with an empty database the rules core falls back to its shipped example
data, and its answers say they are examples.
"""

from __future__ import annotations

from fastapi import Request

from kotwijzer.municipal import Catalogus, gebruik_catalogus

GEEN_CATALOGUS = (
    "Er staat nog geen catalogus van gemeenten in deze app. Een beheerder kan er een inlezen met "
    "'kotwijzer gemeente importeer BESTAND --database standaard'."
)


def catalogus_uit_db(db) -> Catalogus:
    """The catalogue in the app's database (empty when there is none)."""
    from kotwijzer.store.catalogus import catalogus_laden

    with db.sessie() as s:
        return catalogus_laden(s)


class _Lui:
    """The database's catalogue, read at most once (per request)."""

    def __init__(self, db) -> None:
        self.db = db
        self._cat: Catalogus | None = None

    def catalogus(self) -> Catalogus:
        if self._cat is None:
            self._cat = catalogus_uit_db(self.db)
        return self._cat

    def voor_kern(self) -> Catalogus | None:
        cat = self.catalogus()
        return cat if cat.gemeenten else None


def app_catalogus(request: Request) -> Catalogus:
    """The app's catalogue (read once per request)."""
    lui = getattr(request.state, "catalogus", None)
    if not isinstance(lui, _Lui):
        lui = _Lui(request.app.state.db)
        request.state.catalogus = lui
    return lui.catalogus()


class CatalogusMiddleware:
    """Pure ASGI: the rules core classifies named activities with the catalogue in the app's database (read lazily,
    at most once per request); with an empty database, with the core's example data."""

    def __init__(self, app, db):
        self.app = app
        self.db = db

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path", "").startswith("/static/"):
            await self.app(scope, receive, send)
            return
        lui = _Lui(self.db)
        scope.setdefault("state", {})["catalogus"] = lui
        with gebruik_catalogus(lui.voor_kern):
            await self.app(scope, receive, send)
