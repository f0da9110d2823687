"""Hours that count: at most 230 per child per month, and the yearly pool per child (Bkot art. 8a).

Hours are integers in hundredths of an hour (centi-uren). Pools for the KGU years are computed exactly in
ten-thousandths of an hour and rounded down to hundredths once, at the end.

- 2021 and 2022 (koppeling gewerkte uren): per parent, per month, the most of (a) the KGU percentage of the hours
  worked and (b) 230 hours for a month as doelgroeper, Wlz or detention (lid 1 onder b 1°-5°, lid 3); the family's
  pool is that of the parent with the fewest (lid 2), separately for dagopvang-age and BSO-age care.
- From 2023: 230 x the number of months in which the least-qualifying parent worked or had a situation that counts.
The pool is used up month by month in calendar order.
"""

from __future__ import annotations

import numpy as np

from kotwijzer.rules import codes as c
from kotwijzer.wetten.bron import bkot, citeert, wko

CU = 100  # centi-uren per uur

BRON_MAAND = (bkot("8a", 1, "a"),)
BRON_KGU = (bkot("8a", 1, "b", tot=2022), bkot("8a", 2, tot=2022), bkot("8a", 3, tot=2022))
BRON_ONTKOPPELD = (bkot("8a", 1, "b", vanaf=2023),)


@citeert(bkot("8a", 1, "a"), wko("1.7", 4))
def begrens_per_maand(uren_cu: np.ndarray, max_uren: int) -> np.ndarray:
    """Bkot 8a lid 1 onder a: at most `max_uren` per child per calendar month."""
    uit: np.ndarray = np.minimum(uren_cu, max_uren * CU)
    return uit


@citeert(*BRON_KGU)
def kgu_uren_per_ouder(
    sit: np.ndarray,
    werkuren_cu: np.ndarray,
    uitzondering: int,
    pct: int,
    doelgroep_uren: int,
    doelgroep: int = c.DOELGROEP_KGU,
) -> np.ndarray:
    """Bkot 8a lid 1 onder b (2021-2022): the yearly KGU hours of each parent, in 1/10,000 hour.

    sit, werkuren_cu: [H,2,12]. Per month the larger of pct % of hours worked (work, or the werkloosheidstermijn with
    the hours worked before, lid 4) and `doelgroep_uren` for a doelgroep, Wlz or detention month (3°, 4°, 5°; lid 3).
    Returns [H,2] int64.
    """
    werk = ((sit & c.WERK) != 0) * werkuren_cu.astype(np.int64) * pct  # cu * pct = 1e-4 h
    doel = ((sit & (doelgroep | uitzondering)) != 0) * np.int64(doelgroep_uren * CU * 100)
    uit: np.ndarray = np.maximum(werk, doel).sum(axis=-1)
    return uit


@citeert(bkot("8a", 1, "b", "3°", tot=2022))
def kgu_doelgroep_masker(lid1: int, corona_verruiming: bool) -> int:
    """The situations that give 230 hours per calendar month in the KGU years (Bkot 8a lid 1 onder b 3°): the
    doelgroepen of Wko 1.6 lid 1 onder c to j. In 2021 the koppeling gewerkte uren was relaxed for working parents
    (Besluit van 31 augustus 2021, Stb. 2021, 434, as described in the nota van toelichting of the Besluit van
    22 augustus 2022): a month in which the parent worked (onderdeel a or b) also gives 230 hours. The hours of the
    werkloosheidstermijn (lid 4) stay the hours worked before."""
    m = lid1 & ~(c.A | c.B | c.WT)
    if corona_verruiming:
        m |= c.A | c.B
    return m


@citeert(*BRON_ONTKOPPELD)
def maanden_per_ouder(sit: np.ndarray, uitzondering: int, lid1: int = c.LID1) -> np.ndarray:
    """From 2023 (Bkot 8a lid 1 onder b): the number of months in which the parent worked or had a situation that
    counts. [H,2,12] -> [H,2] int64."""
    telt = (sit & (lid1 | uitzondering)) != 0
    maanden: np.ndarray = np.einsum("...m->...", telt.view(np.int8))  # at most 12: no overflow in int8
    return maanden.astype(np.int64)


@citeert(bkot("8a", 2, tot=2022), *BRON_ONTKOPPELD, wko("1.6", 6))
def potje_minst_werkende(per_ouder: np.ndarray, telt_partner: np.ndarray) -> np.ndarray:
    """Bkot 8a lid 2: the pool follows the parent with the fewest hours (or months). When the partner does not count
    (single parent, or a relative partner under Wko 1.6 lid 6), the aanvrager's own figure applies."""
    minst = np.minimum(per_ouder[..., 0], per_ouder[..., 1])  # [..., 2]: aanvrager and partner
    return np.where(telt_partner, minst, per_ouder[..., 0])


@citeert(bkot("8a", 1, "b"))
def verdeel_potje(uren_cu: np.ndarray, potje_cu: np.ndarray, begrensd: bool = False) -> np.ndarray:
    """Use a yearly pool month by month in calendar order: [..., 12] hours, [...] pool -> hours that count (dtype of
    `uren_cu`; `uren_cu` itself when no row exceeds its pool, so the caller must not change one of the two in place).
    See `verdeel_potje_met_jaar`."""
    return verdeel_potje_met_jaar(uren_cu, potje_cu, begrensd)[0]


@citeert(bkot("8a", 1, "b"))
def verdeel_potje_met_jaar(
    uren_cu: np.ndarray, potje_cu: np.ndarray, begrensd: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """`verdeel_potje`, also returning each row's year total of the hours that count (int64 [...]).

    Every month gets what is left of the pool after the months before it: the running total, capped at the pool, so a
    row's year total is the smaller of its hours and its pool. `begrensd`: the caller knows every month lies in
    [0, 2**31 // 12]; then the year is summed in int32 and only the rows whose year exceeds their pool are capped (the
    others keep their hours unchanged, as their running total never reaches the pool)."""
    if not begrensd:
        cum = np.cumsum(uren_cu, axis=-1, dtype=np.int64)
        np.minimum(cum, np.asarray(potje_cu)[..., None], out=cum)
        alle: np.ndarray = np.diff(cum, axis=-1, prepend=0).astype(uren_cu.dtype, copy=False)
        return alle, cum[..., -1].copy()
    jaar = np.einsum("...m->...", uren_cu)
    over = jaar > potje_cu
    jaar = jaar.astype(np.int64)
    if not over.any():
        return uren_cu, jaar
    rij_pot = np.broadcast_to(potje_cu, over.shape)
    uit = uren_cu.copy()
    cum = np.cumsum(uren_cu[over], axis=-1, dtype=np.int64)
    np.minimum(cum, rij_pot[over][:, None], out=cum)
    uit[over] = np.diff(cum, axis=-1, prepend=0)
    jaar[over] = rij_pot[over]
    return uit, jaar
