"""Translations of the parent flow (Dutch source text, English catalogue) with gettext through Babel.

Dutch is the source language: every text a parent sees is written in Dutch in the code and the templates and marked
for translation (`_()` in Python, `{{ _("...") }}` / `{% trans %}` in Jinja2). `pybabel extract` (see
`babel.cfg`, or `python -m kotwijzer.web.vertaalcatalogus bijwerken`) collects them in `locale/kotwijzer.pot`; the English catalogue
is `locale/en/LC_MESSAGES/kotwijzer.po`. The catalogue is compiled in memory when it is first used (Babel's
`write_mo`), so a fresh clone works without a build step and a compiled file can never be older than its source.

The language of the current request is a context variable, set by `TaalMiddleware` from the `kotwijzer_taal`
cookie (the language switch on every page of the parent flow sets it). Code outside a request (PDF, CLI) runs in
Dutch unless it uses `in_taal("en")`.

Legal terms stay Dutch in the English text (toetsingsinkomen, Wlz, CIZ, voorschot ...), with a short gloss the first
time and a link to the glossary (`/begrippen`): they are the words on the official letters.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gettext as _gettext
import io
from collections.abc import Iterator
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from pathlib import Path

from kotwijzer import formaat

TALEN = ("nl", "en")
STANDAARD = "nl"
TAAL_NAAM = {"nl": "Nederlands", "en": "English"}
COOKIE = "kotwijzer_taal"
DOMEIN = "kotwijzer"
LOCALE = Path(__file__).parent / "locale"

_huidig: ContextVar[str] = ContextVar("kotwijzer_taal", default=STANDAARD)


def po_pad(taal: str) -> Path:
    return LOCALE / taal / "LC_MESSAGES" / f"{DOMEIN}.po"


@cache
def vertalingen(taal: str) -> _gettext.NullTranslations:
    """The compiled catalogue of a language (Dutch, the source language, needs none). Fuzzy entries are not used."""
    if taal == STANDAARD or taal not in TALEN:
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_pad(taal).open("rb") as f:
        catalogus = read_po(f, locale=taal, domain=DOMEIN)
    buf = io.BytesIO()
    write_mo(buf, catalogus, use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def taal() -> str:
    """The language of the current request (or of `in_taal`)."""
    return _huidig.get()


def kies_taal(waarde: str | None) -> str:
    w = (waarde or "").strip().lower()[:5]
    return w if w in TALEN else STANDAARD


@contextlib.contextmanager
def in_taal(t: str) -> Iterator[None]:
    token = _huidig.set(kies_taal(t))
    try:
        yield
    finally:
        _huidig.reset(token)


def gettext(bericht: str) -> str:
    if not bericht:
        return bericht
    return vertalingen(taal()).gettext(bericht)


def ngettext(enkel: str, meer: str, n: int) -> str:
    return vertalingen(taal()).ngettext(enkel, meer, n)


def pgettext(context: str, bericht: str) -> str:
    return vertalingen(taal()).pgettext(context, bericht)


_ = gettext


def N_(bericht: str) -> str:
    """Marks a text for the catalogue where it is defined; it is translated where it is shown (`_(waarde)`)."""
    return bericht


# ----------------------------------------------------------------------------------------- numbers and dates
@cache
def _maandnamen(t: str) -> tuple[str, ...]:
    """The twelve month names of a language (index 1-12), read from Babel's locale data once per language."""
    from babel.dates import get_month_names

    namen = get_month_names("wide", locale=t)
    return ("", *(namen[m] if t == "en" else namen[m].lower() for m in range(1, 13)))


def maandnaam(m: int) -> str:
    m = int(m)
    if not 1 <= m <= 12:
        raise KeyError(m)
    return _maandnamen(taal())[m]


def datum(d: dt.date | None) -> str:
    """'30 april 2026' / '30 April 2026'."""
    if d is None:
        return "-"
    return f"{d.day} {maandnaam(d.month)} {d.year}"


def _taal_formaat() -> formaat.Taal:
    return "en" if taal() == "en" else "nl"


def getal(x: Decimal | int | float | str | None, decimalen: int | None = None) -> str:
    """A number in the notation of the language: 1.234,5 (Dutch) or 1,234.5 (English) (`kotwijzer.formaat.getal`).
    Without `decimalen`: at most two decimals, without trailing zeros; with `decimalen`: exactly that many."""
    if decimalen is None:
        return formaat.getal(x, 2, taal=_taal_formaat())
    return formaat.getal(x, decimalen, nullen="vast", taal=_taal_formaat())


def euro(x: Decimal | int | float | None, *, min_voor: bool = False) -> str:
    """€ 1.234,50 (Dutch) or €1,234.50 (English); ``min_voor=True``: -€ 1.234,50 / -€1,234.50."""
    return formaat.euro(x, spatie="" if taal() == "en" else " ", min_voor=min_voor, taal=_taal_formaat())


def procent(x: Decimal | int | float | str | None, decimalen: int) -> str:
    """A percentage with exactly `decimalen` decimals: 12,5 % (Dutch, with a space) or 12.5% (English)."""
    en = taal() == "en"
    return formaat.procent(x, decimalen, nullen="vast", spatie="" if en else " ", taal=_taal_formaat())


def hele_euro(x: Decimal | int | None) -> str:
    """Whole euros: € 1.526 (Dutch) or €1,526 (English)."""
    return formaat.hele_euro(x, spatie="" if taal() == "en" else " ", taal=_taal_formaat())


def bedrag_per_uur(x: Decimal | int | float | str | None) -> str:
    """An hourly price as the check page shows it: € 10,50 / €10.50."""
    return "-" if x is None or x == "" else euro(Decimal(str(x)))


# ------------------------------------------------------------------------------------------------ middleware
class TaalMiddleware:
    """Pure ASGI middleware: the request's language from the `kotwijzer_taal` cookie (Dutch by default), set for
    everything the request does (also in the thread that runs a synchronous endpoint: contextvars are copied)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t = STANDAARD
        for naam, waarde in scope.get("headers") or []:
            if naam == b"cookie":
                for deel in waarde.decode("latin-1").split(";"):
                    k, _sep, v = deel.strip().partition("=")
                    if k == COOKIE:
                        t = kies_taal(v)
        token = _huidig.set(t)
        try:
            await self.app(scope, receive, send)
        finally:
            _huidig.reset(token)
