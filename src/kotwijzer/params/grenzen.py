"""Bounds of a percentage cell that no reliable source gives (status `not_found`).

A missing cell is never filled in as if it were the law. But the law and the published tables bound it, so the amount
that needs it can be given as a range ("tussen EUR X en EUR Y"):

- **Next children, lower bound**: the next-child percentage is never lower than the first-child percentage at the same
  income (nota van toelichting of the Besluit with the 2025 table, quoted by kinderopvang-wijzer.nl "Maximum
  uurtarieven 2025 bekend"; shared law README, December 2026 item 8), and never lower than a known next-child
  percentage at a higher income (the next point).
- **Upper bound (both columns)**: every published Bijlage I table (2022-2026) falls with income and never rises, so a
  missing cell is at most the last known percentage of its column at a lower income; with none known, at most 96 %,
  the highest percentage of every table.
- **First child, lower bound** (no such cell exists in the shipped data; for completeness): the first known
  first-child percentage at a higher income, else 0.

One implementation serves the parent's result, the assessment check, the 2027 indication and the policy analysis
(`kotwijzer.policy.meerjarig.grenstabel`). Every bound names its reason and the status of the cell it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from kotwijzer.formaat import hele_euro, procent
from kotwijzer.params.loader import (
    CELSTATUS_TEKST,
    GEEN_PERCENTAGE,
    HOOGSTE_PROMILLE,
    Tabel,
    valideer_tabel,
)

# Status of a bound that does not rest on one cell of the table.
GRENSSTATUS_TEKST = {
    **CELSTATUS_TEKST,
    "hoogste_percentage": "het hoogste percentage in elke gepubliceerde tabel",
    "geen_ondergrens": "geen lagere grens bekend",
}

BRON_ONDERGRENS = (
    "Nota van toelichting bij het Besluit met de tabel 2025: de tabel voor de andere kinderen is nooit lager dan de "
    'tabel voor het eerste kind (aangehaald door kinderopvang-wijzer.nl, "Maximum uurtarieven 2025 bekend")'
)
BRON_BOVENGRENS = (
    "Bijlage I bij het Besluit kinderopvangtoeslag, tabellen 2022 tot en met 2026: in elke gepubliceerde tabel daalt "
    "het percentage met het inkomen of blijft het gelijk, en is 96 % het hoogste percentage"
)


@dataclass(frozen=True)
class Grens:
    """One bound of a missing cell, in tenths of a percent (promille)."""

    promille: int
    reden: str  # plain Dutch: why the percentage is at least / at most this
    status: str  # status of the cell the bound rests on (GRENSSTATUS_TEKST)
    bron: str  # what the rule behind the bound rests on

    @property
    def percentage_tekst(self) -> str:
        return _pct(self.promille)

    @property
    def status_tekst(self) -> str:
        return GRENSSTATUS_TEKST[self.status]


@dataclass(frozen=True)
class CelGrenzen:
    jaar: int
    rij: int  # 0-based row index
    eerste_kind: bool
    onder: Grens
    boven: Grens


def _rij_tekst(t: Tabel, i: int) -> str:
    hi = int(t.tot[i])
    return f"{hele_euro(int(t.van[i]))} tot en met {hele_euro(hi)}" if hi >= 0 else f"vanaf {hele_euro(int(t.van[i]))}"


def cel_grenzen(t: Tabel, rij: int, eerste_kind: bool) -> CelGrenzen | None:
    """The bounds of one cell (row index `rij`, 0-based), or None when the cell is known."""
    kolom = t.eerste_kind if eerste_kind else t.overige_kinderen
    status = t.status_eerste_kind if eerste_kind else t.status_overige_kinderen
    if int(kolom[rij]) != GEEN_PERCENTAGE:
        return None
    wie = "het eerste kind" if eerste_kind else "de andere kinderen"
    # upper bound: the last known cell of the column at a lower income (the table never rises with income)
    boven = Grens(
        HOOGSTE_PROMILLE, f"Het percentage voor {wie} is nooit hoger dan 96 %.", "hoogste_percentage", BRON_BOVENGRENS
    )
    for i in range(rij - 1, -1, -1):
        if int(kolom[i]) != GEEN_PERCENTAGE:
            boven = Grens(
                int(kolom[i]),
                f"Het percentage daalt met het inkomen. Bij een inkomen van {_rij_tekst(t, i)} is het voor "
                f"{wie} {_pct(int(kolom[i]))}; bij een hoger inkomen is het niet hoger.",
                status[i],
                BRON_BOVENGRENS,
            )
            break
    # lower bound: the first known cell of the column at a higher income
    onder = Grens(0, f"Er is geen lager percentage voor {wie} bekend.", "geen_ondergrens", BRON_BOVENGRENS)
    for i in range(rij + 1, len(kolom)):
        if int(kolom[i]) != GEEN_PERCENTAGE:
            onder = Grens(
                int(kolom[i]),
                f"Het percentage daalt met het inkomen. Bij een inkomen van {_rij_tekst(t, i)} is het voor "
                f"{wie} {_pct(int(kolom[i]))}; bij een lager inkomen is het niet lager.",
                status[i],
                BRON_BOVENGRENS,
            )
            break
    if not eerste_kind:
        p1 = int(t.eerste_kind[rij])
        if p1 != GEEN_PERCENTAGE and p1 >= onder.promille:
            onder = Grens(
                p1,
                f"Het percentage voor de andere kinderen is nooit lager dan dat voor het eerste kind bij "
                f"hetzelfde inkomen: {_pct(p1)}.",
                t.status_eerste_kind[rij],
                BRON_ONDERGRENS,
            )
    else:
        p2 = int(t.overige_kinderen[rij])
        if p2 != GEEN_PERCENTAGE and p2 < boven.promille:
            boven = Grens(
                p2,
                f"Het percentage voor het eerste kind is nooit hoger dan dat voor de andere kinderen bij "
                f"hetzelfde inkomen: {_pct(p2)}.",
                t.status_overige_kinderen[rij],
                BRON_ONDERGRENS,
            )
    return CelGrenzen(t.jaar, rij, eerste_kind, onder, boven)


def _pct(promille: int) -> str:
    return procent(Decimal(promille) / 10, 1, nullen="vast", spatie=" ")


def grenzen(t: Tabel, toetsingsinkomen: int, eerste_kind: bool) -> CelGrenzen | None:
    """The bounds of the cell an income falls in, or None when that cell is known. An income above a closed last row
    raises OntbrekendeWetgeving (via Tabel.rij)."""
    rij = int(t.rij(toetsingsinkomen)["rij"]) - 1
    return cel_grenzen(t, rij, eerste_kind)


def grenstabel(t: Tabel, grens: Literal["onder", "boven"]) -> Tabel:
    """The table with every missing cell at its lower ('onder') or upper ('boven') bound; known cells unchanged. The
    result has status 'hervorming' (never the law) and is validated like any table. A cell whose bound is the ceiling
    96 % or the floor 0 % is filled with that."""
    if grens not in ("onder", "boven"):
        raise ValueError(grens)
    p1 = [int(x) for x in t.eerste_kind]
    p2 = [int(x) for x in t.overige_kinderen]
    for i in range(len(p1)):
        for eerste, kolom in ((True, p1), (False, p2)):
            g = cel_grenzen(t, i, eerste)
            if g is not None:
                kolom[i] = (g.onder if grens == "onder" else g.boven).promille
    rijen = [
        {
            "income_from": str(int(t.van[i])),
            "income_to_incl": "" if t.tot[i] < 0 else str(int(t.tot[i])),
            "pct_first_child": f"{p1[i] / 10:.1f}",
            "pct_next_children": f"{p2[i] / 10:.1f}",
        }
        for i in range(len(p1))
    ]
    nieuw = valideer_tabel(t.jaar, rijen, "hervorming")
    return replace(nieuw, bron=t.bron, wettelijke_grondslag=t.wettelijke_grondslag)


def heeft_ontbrekende_cellen(t: Tabel) -> bool:
    return bool((t.eerste_kind == GEEN_PERCENTAGE).any() or (t.overige_kinderen == GEEN_PERCENTAGE).any())
