"""An indication for a year whose figures are announced but not fixed (2027).

Built from data only (`params/data/indicaties.yaml`): the announced first-child percentages on the income bands of a
base table, the announced maximum uurprijzen (status `aangekondigd` in maximum_uurprijs.yaml), and next-child cells
`not_found` (nothing announced), which the amount then carries as a range (params.grenzen). An indication is never the
law: every table and price here has status `indicatie`, and `indicatie_voor_jaar` returns None as soon as the year has
its own table and definitive maximum uurprijzen, so adding the official data replaces the indication without a code
change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

import yaml

from kotwijzer.params.errors import OngeldigeWetgeving, OntbrekendeWetgeving
from kotwijzer.params.loader import (
    HOOGSTE_PROMILLE,
    MaximumUurprijs,
    Tabel,
    data_tekst,
    maximum_uurprijs_van,
    tabel,
    valideer_tabel,
)


@dataclass(frozen=True)
class Indicatie:
    jaar: int
    tabel: Tabel  # status 'hervorming' (never the law); next-child cells not_found where nothing is announced
    maximum_uurprijs: MaximumUurprijs  # status 'aangekondigd'
    bron: str  # plain Dutch: what the indication rests on


@cache
def _meta() -> dict[int, dict[str, Any]]:
    return {int(k): v for k, v in (yaml.safe_load(data_tekst("indicaties.yaml")) or {}).items()}


def _officieel(jaar: int) -> bool:
    """True when the year has its own table and definitive maximum uurprijzen."""
    try:
        tabel(jaar)
        mu = maximum_uurprijs_van(jaar)
    except OntbrekendeWetgeving:
        return False
    return mu.status == "definitief"


def indicatie_voor_jaar(jaar: int) -> Indicatie | None:
    """The indication of a year, or None when the year has official figures or nothing is announced."""
    meta = _meta().get(int(jaar))
    if meta is None or _officieel(int(jaar)):
        return None
    return _indicatie(int(jaar))


@cache
def _indicatie(jaar: int) -> Indicatie:
    meta = _meta()[jaar]
    basis = tabel(int(meta["basis_tabel"]))
    stappen = meta["eerste_kind"]
    grenzen = sorted({int(s["tot_en_met"]) for s in stappen if "tot_en_met" in s})
    # the base rows, split where a step ends inside a row
    rijen: list[tuple[int, int]] = []
    for i in range(len(basis.van)):
        lo, hi = int(basis.van[i]), int(basis.tot[i])
        for g in grenzen:
            if lo <= g and (hi < 0 or g < hi):
                rijen.append((lo, g))
                lo = g + 1
        rijen.append((lo, hi))
    csv_rijen = []
    for lo, hi in rijen:
        stap = next((s for s in stappen if "tot_en_met" not in s or lo <= int(s["tot_en_met"])), None)
        if stap is None:
            raise OngeldigeWetgeving(f"Indicatie {jaar}: geen stap voor het inkomen vanaf € {lo}")
        p_basis = int(basis.percentages(lo)[0])
        if "percentage" in stap:
            p = int(Decimal(str(stap["percentage"])) * 10)
        else:
            p = min(HOOGSTE_PROMILLE, p_basis + int(Decimal(str(stap["verhoging"])) * 10))
        csv_rijen.append(
            {
                "income_from": str(lo),
                "income_to_incl": "" if hi < 0 else str(hi),
                "pct_first_child": f"{p / 10:.1f}",
                "pct_next_children": "",
                "status_first_child": "aangekondigd",
                "status_next_children": "not_found",
            }
        )
    t = valideer_tabel(jaar, csv_rijen, "onvolledig")
    bron = " ".join(str(meta["bron"]).split())
    mu = maximum_uurprijs_van(jaar)
    if mu.status == "definitief":  # the prices are fixed, the table is not
        pass
    elif mu.status != "aangekondigd":
        raise OngeldigeWetgeving(f"Indicatie {jaar}: de maximum uurprijzen hebben status {mu.status}")
    return Indicatie(jaar, replace(t, bron=bron, wettelijke_grondslag="indicatie, niet de wet"), mu, bron)
