"""The parameters a result rests on, from what the kernel handed over (`Uitkomst.gelezen`, `.maximum_uurprijs`,
`.tabel`): value, status, citations and publication, without going back to the parameter loader."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kotwijzer.berekening.opbouw import bouw, bronnen_uit
from kotwijzer.kern import GelezenWaarde, Uitkomst
from kotwijzer.model import GelezenParameter
from kotwijzer.params import MaximumUurprijs, OntbrekendeWetgeving
from kotwijzer.wetten.bron import awir, bkot

# Bijlage I is set by Bkot art. 8 lid 2 and art. 6; the income it is read with is the toetsingsinkomen of Awir art. 7/8
TABEL_BRONNEN = (bkot("8", 2), bkot("6"), awir("7", 1), awir("8", 1))


def rij_van(u: Uitkomst, inkomen: int | None) -> dict[str, Any] | None:
    """The row of the table the kernel used for this income; None without a table, an income, or a row for it."""
    t = u.tabel
    if t is None or inkomen is None:
        return None
    try:  # one look-up in the table: `rij` refuses an income above a closed last row
        return t.rij(inkomen)
    except OntbrekendeWetgeving:
        if inkomen < 0:  # a negative income is an error of its own (`Tabel.rij_index`), not a missing row
            raise
        return None


_velden_cache: dict[tuple[int, int], tuple[GelezenWaarde, dict[str, Any]]] = {}


def _velden(w: GelezenWaarde, jaar: int) -> dict[str, Any]:
    """The fields of one read parameter as output, once per trace entry and year (the kernel reuses its entries;
    the entry is kept with them, so a reused id never returns another's fields). Citations as a tuple: each result
    gets its own list."""
    hit = _velden_cache.get((id(w), jaar))
    if hit is not None and hit[0] is w:
        return hit[1]
    velden = {
        "naam": w.naam,
        "waarde": w.waarde,
        "status": w.status,
        "bron": tuple(bronnen_uit(w.bronnen, jaar)),
        "publicatie": w.publicatie,
    }
    if len(_velden_cache) > 4096:
        _velden_cache.clear()
    _velden_cache[(id(w), jaar)] = (w, velden)
    return velden


_mu_cache: dict[tuple[int, int], tuple[MaximumUurprijs, dict[str, int], dict[str, Any]]] = {}


def _mu_velden(mu: MaximumUurprijs, jaar: int) -> dict[str, Any]:
    """The maximum uurprijzen as a read parameter, once per set of prices and year (kept with the prices they were
    made from, so changed or other prices never return these fields)."""
    hit = _mu_cache.get((id(mu), jaar))
    if hit is not None and hit[0] is mu and hit[1] == mu.cent:
        return hit[2]
    velden = {
        "naam": "maximum_uurprijs",
        "waarde": {k: f"{v / 100:.2f}" for k, v in mu.cent.items()},
        "status": mu.status,
        "bron": tuple(bronnen_uit(mu.bronnen, jaar)),
        "publicatie": mu.bron,
    }
    if len(_mu_cache) > 256:
        _mu_cache.clear()
    _mu_cache[(id(mu), jaar)] = (mu, dict(mu.cent), velden)
    return velden


def gelezen_parameters(u: Uitkomst, rij: dict[str, Any] | None) -> list[GelezenParameter]:
    """The parameters of a result; each result gets its own objects and lists (the citations are shared)."""
    out = []
    for w in u.gelezen.values():
        velden = _velden(w, u.jaar)
        out.append(bouw(GelezenParameter, **{**velden, "bron": list(velden["bron"])}))
    mu = u.maximum_uurprijs
    if mu is not None:
        velden = _mu_velden(mu, u.jaar)
        out.append(bouw(GelezenParameter, **{**velden, "waarde": dict(velden["waarde"]), "bron": list(velden["bron"])}))
    if u.tabel is not None and rij is not None:
        out.append(
            bouw(
                GelezenParameter,
                naam="percentage_tabel",
                waarde={k: (str(v) if isinstance(v, Decimal) else v) for k, v in rij.items()},
                status=u.tabel.status,
                bron=bronnen_uit(TABEL_BRONNEN),
                publicatie=u.tabel.bron,
            )
        )
    return out
