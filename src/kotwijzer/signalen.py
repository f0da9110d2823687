"""Structured signals: what the calculation (`kotwijzer.berekening`) found, as facts, without words.

A `Signaal` names what happened (a code), the months it concerns, the values that go into the sentence and the
citations it rests on. `kotwijzer.explain.signaaltekst.tekst()` turns each signal into Dutch with one template per
code; another language adds its own templates for the same codes.

Values are plain Python values or one of the small typed values below, so a template for another language can format
an amount, a percentage or a list of months its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from kotwijzer.wetten.bron import Bron

Soort = Literal[
    "conditie", "vraag", "urenpotje", "ontbrekend", "waarschuwing", "aanname", "samenvatting", "toelichting"
]


@dataclass(frozen=True, slots=True)
class Euro:
    """An amount in cents."""

    cent: int


@dataclass(frozen=True, slots=True)
class Procent:
    """A percentage as given by the table (for example 96.0)."""

    waarde: Decimal


@dataclass(frozen=True, slots=True)
class Getal:
    """A number such as a count of hours; shown without trailing zeros after the decimal sign."""

    waarde: Decimal


@dataclass(frozen=True, slots=True)
class Heel:
    """A whole number shown with thousands separators (an income bound in euros)."""

    waarde: int


@dataclass(frozen=True, slots=True)
class Maanden:
    """Calendar months (1-12) as names; `opsomming` joins the last with "and" instead of a comma."""

    maanden: tuple[int, ...]
    opsomming: bool = False


@dataclass(frozen=True, slots=True)
class Rol:
    """A parent: `aanvrager` or `partner`; `als_onderwerp` gives the form that starts a sentence ("U", "Uw partner")."""

    rol: str
    als_onderwerp: bool = False


@dataclass(frozen=True, slots=True)
class Kindrang:
    """The first child or the other children (Bkot art. 3)."""

    eerste: bool


@dataclass(frozen=True, slots=True)
class Onderdelen:
    """Situations of Wko art. 1.6 by their bit (`kotwijzer.rules.codes`); `met_bron` adds the citation of each."""

    bits: tuple[int, ...]
    met_bron: bool = False


@dataclass(frozen=True, slots=True)
class Celstatus:
    """The status of a cell of the percentage table (`kotwijzer.params.loader.CELSTATUS_TEKST`)."""

    status: str


@dataclass(frozen=True, slots=True)
class PerOuder:
    """A number per parent (`aanvrager`, `partner`) with its unit (`uur` or `maanden`)."""

    waarden: tuple[tuple[str, Decimal | int], ...]
    eenheid: Literal["uur", "maanden"]


@dataclass(frozen=True, slots=True)
class BedragenPerSoort:
    """Maximum uurprijzen per opvangsoort, in cents."""

    bedragen: tuple[tuple[str, int], ...]


Waarde = (
    str
    | int
    | Decimal
    | dt.date
    | Euro
    | Procent
    | Getal
    | Heel
    | Maanden
    | Rol
    | Kindrang
    | Onderdelen
    | Celstatus
    | PerOuder
    | BedragenPerSoort
)


@dataclass(frozen=True, slots=True)
class Signaal:
    """One fact the calculation found: a code (one template per code in `kotwijzer.explain.signaaltekst`), the months
    it concerns (1-12), the values of the sentence and the citations it rests on."""

    code: str
    soort: Soort
    waarden: tuple[tuple[str, Waarde], ...] = ()
    maanden: tuple[int, ...] = ()
    bronnen: tuple[Bron, ...] = field(default=())

    @classmethod
    def van(
        cls, code: str, soort: Soort, maanden: tuple[int, ...] = (), bronnen: tuple[Bron, ...] = (), **waarden: Waarde
    ) -> Signaal:
        return cls(code, soort, tuple(waarden.items()), maanden, bronnen)

    def waarde(self, naam: str) -> Waarde:
        for k, v in self.waarden:
            if k == naam:
                return v
        raise KeyError(naam)
