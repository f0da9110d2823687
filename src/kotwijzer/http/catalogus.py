"""The municipal catalogue of the app: the one stored in its database, read at most once per request.

Shared by the API (`kotwijzer.api`) and the web pages (`kotwijzer.web`). A handler that computes hands the core the
catalogue explicitly, as a formula receives its parameters: `bereken(h, catalogus=kern_catalogus(request))`. That is
a function which reads the database only when the household names an activity, and at most once per request; with
an empty database it gives None, so the rules core uses its shipped example data and its answers say they are
examples. Pages that show the catalogue itself use `app_catalogus(request)`.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from kotwijzer.municipal import Catalogus

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


def _lui(request: Request) -> _Lui:
    lui = getattr(request.state, "catalogus", None)
    if not isinstance(lui, _Lui):
        lui = _Lui(request.app.state.db)
        request.state.catalogus = lui
    return lui


def app_catalogus(request: Request) -> Catalogus:
    """The app's catalogue (read once per request; empty when the database holds none)."""
    return _lui(request).catalogus()


def kern_catalogus(request: Request) -> Callable[[], Catalogus | None]:
    """What a handler hands the rules core as its `catalogus` (`kotwijzer.municipal.CatalogusBron`): a function that
    reads the app's catalogue only when an activity must be classified (at most once per request), and gives None for
    an empty database (then the core uses its example data). Safe to call from the worker thread a calculation runs in."""
    return _lui(request).voor_kern
