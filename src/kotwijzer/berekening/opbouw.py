"""Small helpers to build the result: citations as output, integer units to Decimal, fast model construction."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel

from kotwijzer.model import BronOut
from kotwijzer.rules import bedrag as rb
from kotwijzer.wetten.bron import Bron

M = TypeVar("M", bound=BaseModel)

_bron_cache: dict[Bron, BronOut] = {}
_zet = object.__setattr__


def bron_uit(bron: Bron) -> BronOut:
    """One citation as output (built once per citation)."""
    out = _bron_cache.get(bron)
    if out is None:
        out = BronOut.model_construct(
            wet=bron.wet, artikel=bron.artikel, lid=bron.lid, onderdeel=bron.onderdeel, sub=bron.sub, citaat=bron.kort()
        )
        _bron_cache[bron] = out
    return out


@lru_cache(maxsize=4096)
def _bronnen_uit(bronnen: tuple[Bron, ...], jaar: int | None) -> tuple[BronOut, ...]:
    return tuple(bron_uit(x) for x in bronnen if jaar is None or x.geldt_in(jaar))


def bronnen_uit(bronnen: Iterable[Bron], jaar: int | None = None) -> list[BronOut]:
    """Citations as output; with a year, only those that apply in that year (Bron.vanaf_jaar/tot_jaar). A new list
    each time; its citations are shared (read-only)."""
    return list(_bronnen_uit(bronnen if isinstance(bronnen, tuple) else tuple(bronnen), jaar))


_velden: dict[type[BaseModel], frozenset[str]] = {}


def bouw(cls: type[M], _private: dict[str, Any] | None = None, **velden: Any) -> M:
    """Like `cls.model_construct(**velden)` for trusted values that name every field: the same object (field values,
    fields set, private attributes), without pydantic's per-field default handling, which is most of the cost of one
    result."""
    namen = _velden.get(cls)
    if namen is None:
        namen = _velden[cls] = frozenset(cls.__pydantic_fields__)
    if velden.keys() != namen:
        raise TypeError(f"{cls.__name__}: velden {sorted(namen ^ set(velden))}")
    obj = cls.__new__(cls)
    _zet(obj, "__dict__", velden)
    _zet(obj, "__pydantic_fields_set__", set(namen))
    _zet(obj, "__pydantic_extra__", None)
    _zet(obj, "__pydantic_private__", _private)
    return obj


def kopie(obj: M, **velden: Any) -> M:
    """A copy of a model built by `bouw` (or validated), with some fields replaced: the same object `bouw` would give
    for the same fields, without checking the field names again (they are the original's)."""
    cls = type(obj)
    nieuw = cls.__new__(cls)
    d = dict(obj.__dict__)
    d.update(velden)
    _zet(nieuw, "__dict__", d)
    _zet(nieuw, "__pydantic_fields_set__", set(obj.__pydantic_fields_set__))
    _zet(nieuw, "__pydantic_extra__", None)
    _zet(nieuw, "__pydantic_private__", None)
    return nieuw


@lru_cache(maxsize=65536)
def cent(x: int) -> Decimal:
    """Cents -> euros (Decimal is immutable, so equal amounts share one object)."""
    return Decimal(int(x)) / 100


@lru_cache(maxsize=65536)
def uren(cu: int) -> Decimal:
    """Hundredths of an hour -> hours."""
    return Decimal(int(cu)) / 100


def afronden(eenheden: int) -> int:
    """`rules.bedrag.afronden_cent` on one Python int: 1/10,000 euro -> cents, half up (the rule is written for
    arrays and gives the same on an int)."""
    return int(rb.afronden_cent(eenheden))  # type: ignore[arg-type]


def voorschot_cent(toeslag_cent: int) -> int:
    """`rules.bedrag.uitbetaling_voorschot` on one Python int: the monthly payment, whole euros rounded down."""
    return int(rb.uitbetaling_voorschot(toeslag_cent))  # type: ignore[arg-type]


def kosten_dec(eenheden: int) -> Decimal:
    """1/10,000 euro -> euros, rounded half up to the cent (kosten may have fractions of a cent with fractional
    hours); the same integer rule as the population path (`rules.bedrag.afronden_cent`)."""
    return cent(afronden(int(eenheden)))
