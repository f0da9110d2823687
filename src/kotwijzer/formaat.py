"""Numbers, amounts, percentages, months and dates written the Dutch way: one of each, for every layer.

* `getal(x)`: ``1234.5`` -> ``'1.234,5'`` (thousands with a dot, decimals with a comma). `decimalen` rounds (None:
  exact), `nullen` says what happens to trailing zeros: ``"weg"`` (``12,5``), ``"heel"`` (``12,50``, but ``12`` for a
  whole number) or ``"vast"`` (``12,00``; exact with ``decimalen=None``: the decimals the number carries, ``96,0``).
  ``duizendtallen=False`` leaves out the dots (a form field, a CSV cell); ``plus=True`` writes ``+`` before a number
  that is not negative (a difference).
* `euro(x)` ``'€ 1.234,56'`` (``min_voor=True``: ``'-€ 1.234,56'``), `euro_cent(123456)` the same from cents,
  `hele_euro(x)` ``'€ 1.234'`` (the euros of a monthly payment: the cents dropped, as the amount paid is whole euros),
  `procent(x)` ``'12,5%'`` (``spatie=" "``: ``'12,5 %'``).
* ``taal="en"`` writes the same numbers the English way (1,234.5) for the parent pages in English; month names in
  English come from the translation catalogue.
* `MAANDNAMEN`, `maandnaam(m)`, `datum(d)` ``'6 december 2026'`` (a datetime also shows the time in the Netherlands).

Only presentation: no amount is rounded here for a calculation (rounding in the law's sense lives in
`kotwijzer.rules.bedrag`). `None` (an amount the core could not compute) shows as `leeg` (default ``'-'``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Literal
from zoneinfo import ZoneInfo

MAANDNAMEN: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

NEDERLAND = ZoneInfo("Europe/Amsterdam")
NBSP = "\u00a0"

Nullen = Literal["weg", "heel", "vast"]
Taal = Literal["nl", "en"]
Getal = Decimal | int | float | str | Fraction


def _decimal(x: Getal) -> Decimal:
    if isinstance(x, Decimal):
        return x
    if isinstance(x, Fraction):
        return Decimal(x.numerator) / Decimal(x.denominator)
    if isinstance(x, float):
        return Decimal(repr(x))
    return Decimal(str(x).strip())


def _rond(x: Getal) -> Decimal:
    """The number to round: a float exactly as stored, so that rounding it gives what Python's own f"{x:.2f}" gives."""
    return Decimal(x) if isinstance(x, float) else _decimal(x)


def getal(
    x: Getal | None,
    decimalen: int | None = 2,
    *,
    nullen: Nullen = "weg",
    duizendtallen: bool = True,
    plus: bool = False,
    leeg: str = "-",
    taal: Taal = "nl",
) -> str:
    """A number in Dutch notation (``taal="en"``: English, 1,234.5 - for the parent pages in English). Text that is no
    number comes back unchanged (a message never fails on it)."""
    if x is None or x == "":
        return leeg
    try:
        d = _decimal(x) if decimalen is None else _rond(x)
    except (InvalidOperation, ValueError):
        return str(x)
    if not d.is_finite():
        return str(x)
    if decimalen is None:
        if nullen != "vast":
            d = d.normalize()
        exponent = d.as_tuple().exponent  # an int: d is finite
        plaatsen = max(0, -exponent) if isinstance(exponent, int) else 0
    else:
        plaatsen = decimalen
    tekst = f"{d:,.{plaatsen}f}" if duizendtallen else f"{d:.{plaatsen}f}"
    if plaatsen and nullen != "vast":
        geheel, _, rest = tekst.partition(".")
        if nullen == "weg":
            rest = rest.rstrip("0")
        elif set(rest) == {"0"}:
            rest = ""
        tekst = f"{geheel}.{rest}" if rest else geheel
    if tekst.startswith("-") and set(tekst) <= set("-0.,"):
        tekst = tekst[1:]  # no "-0"
    if plus and not tekst.startswith("-"):
        tekst = "+" + tekst
    if taal == "en":
        return tekst
    return tekst.replace(",", "X").replace(".", ",").replace("X", ".")


def getal_invoer(x: Getal | None) -> str:
    """A number as a form field shows it back to the user: exact, a decimal comma, no thousands dots, empty for None."""
    return getal(x, None, duizendtallen=False, leeg="")


def euro(
    x: Getal | None,
    *,
    leeg: str = "-",
    spatie: str = " ",
    nullen: Nullen = "vast",
    min_voor: bool = False,
    taal: Taal = "nl",
) -> str:
    """'€ 1.234,56'. `spatie=NBSP` keeps the sign and the amount on one line; ``nullen="heel"`` writes a whole amount
    without cents ('€ 75', but '€ 75,50'); ``min_voor=True`` puts a minus before the euro sign ('-€ 1,50')."""
    if x is None:
        return leeg
    tekst = getal(x, 2, nullen=nullen, taal=taal)
    if min_voor and tekst.startswith("-"):
        return f"-€{spatie}{tekst[1:]}"
    return f"€{spatie}{tekst}"


def euro_cent(
    cent: int | None, *, leeg: str = "-", spatie: str = " ", nullen: Nullen = "vast", taal: Taal = "nl"
) -> str:
    """An amount in integer cents as '€ 1.234,56'."""
    return leeg if cent is None else euro(Decimal(int(cent)) / 100, spatie=spatie, nullen=nullen, taal=taal)


def hele_euro(x: Getal | None, *, leeg: str = "-", spatie: str = " ", taal: Taal = "nl") -> str:
    """Whole euros, '€ 1.234': the cents are dropped (not rounded), as for the whole euros paid per month."""
    if x is None:
        return leeg
    return f"€{spatie}{getal(int(_decimal(x)), 0, taal=taal)}"


def procent(
    x: Getal | None,
    decimalen: int | None = 2,
    *,
    nullen: Nullen = "weg",
    plus: bool = False,
    spatie: str = "",
    leeg: str = "-",
    taal: Taal = "nl",
) -> str:
    """'12,5%' (the number is a percentage already, not a fraction); `decimalen`, `nullen` and `plus` as for `getal`,
    ``spatie=" "`` writes '12,5 %'."""
    if x is None:
        return leeg
    return f"{getal(x, decimalen, nullen=nullen, plus=plus, taal=taal)}{spatie}%"


def maandnaam(m: int | str) -> str:
    """1 -> 'januari'."""
    return MAANDNAMEN[int(m) - 1]


def datum(d: dt.date | dt.datetime | str | None, *, leeg: str = "-") -> str:
    """'6 december 2026'; a datetime (naive: UTC, as stored) also with its time in the Netherlands, '6 december 2026,
    14:05'; an ISO text is read first, other text comes back unchanged."""
    if d is None or d == "":
        return leeg
    if isinstance(d, str):
        try:
            d = dt.datetime.fromisoformat(d) if "T" in d or " " in d.strip() else dt.date.fromisoformat(d)
        except ValueError:
            return str(d)
    if isinstance(d, dt.datetime):
        moment = d if d.tzinfo is not None else d.replace(tzinfo=dt.UTC)
        moment = moment.astimezone(NEDERLAND)
        return f"{moment.day} {MAANDNAMEN[moment.month - 1]} {moment.year}, {moment:%H:%M}"
    return f"{d.day} {MAANDNAMEN[d.month - 1]} {d.year}"


__all__ = [
    "MAANDNAMEN",
    "NBSP",
    "datum",
    "euro",
    "euro_cent",
    "getal",
    "getal_invoer",
    "hele_euro",
    "maandnaam",
    "procent",
]
