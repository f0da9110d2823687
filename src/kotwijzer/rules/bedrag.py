"""The amount: price capped at the maximum uurprijs, the first child, the year's percentage and the rounding.

Money is integer. Hours are in hundredths (centi-uren), prices in cents, so kosten come out in 1/10,000 euro
("eenheden") and are exact. Percentages are in tenths of a percent (promille). The toeslag per child per month is
rounded half up to the cent, as the official calculation does (Dienst Toeslagen, brochure "Berekening
kinderopvangtoeslag 2026"); the monthly payment of the voorschot is rounded down to whole euros.
"""

from __future__ import annotations

import numpy as np

from kotwijzer.wetten.bron import Bron, bkot, citeert, wko, zonder_bron

EENHEDEN_PER_CENT = 100  # 1 cent = 100 units of 1/10,000 euro

BRON_PRIJS = (wko("1.7", 2), bkot("4", 2))
BRON_EERSTE_KIND = (bkot("3", 2), bkot("3", 3))
BRON_EERSTE_KIND_GELIJK = (bkot("3", 4),)
BRON_PERCENTAGE = (bkot("8", 1), bkot("8", 2), Bron("Awir", "7", "1"))


@citeert(bkot("4", 2), wko("1.7", 2))
def uurprijs_gebruikt(prijs_cent: np.ndarray, soort: np.ndarray, max_per_soort_cent: np.ndarray) -> np.ndarray:
    """Bkot art. 4 lid 2: above the maximum uurprijs, the maximum counts. soort: 0 none, 1 dagopvang, 2 BSO, 3
    gastouderopvang; max_per_soort_cent has 4 entries (index 0 unused). The result has the dtype of both inputs
    combined."""
    gebruikt: np.ndarray = np.minimum(prijs_cent, np.take(max_per_soort_cent, soort))
    return gebruikt


INT32_GRENS = 2**31 - 1 - EENHEDEN_PER_CENT  # largest kosten kept in int32: rounding adds half a cent


@zonder_bron("checks that products of hours and prices fit in int32; no provision of its own")
def past_in_int32(uren_min: int, uren_max: int, prijs_min: int, prijs_max: int) -> bool:
    """Whether every product of hours and price within these bounds is exact in int32 (and can still be rounded to the
    cent there): both non-negative and the largest product at most INT32_GRENS."""
    return uren_min >= 0 and prijs_min >= 0 and uren_max * prijs_max <= INT32_GRENS


@citeert(wko("1.7", 1, "b"), bkot("1", 1, "d", tot=2023))
def kosten(uren_cu: np.ndarray, prijs_cent: np.ndarray, in_int32: bool = False) -> np.ndarray:
    """Bkot art. 1: kosten = uren x prijs (met inachtneming van de maximum uurprijs), exact, in 1/10,000 euro: int64,
    or int32 when the caller has checked with `past_in_int32` that every product fits (the same values, half the
    memory traffic)."""
    uit: np.ndarray = np.multiply(uren_cu, prijs_cent, dtype=np.int32 if in_int32 else np.int64)
    return uit


@citeert(bkot("2"), bkot("3", 2), bkot("3", 3), bkot("3", 4))
def eerste_kind(uren_cu: np.ndarray, kosten_e: np.ndarray) -> np.ndarray:
    """Bkot art. 3 lid 2 to 4, per month (art. 2: the amount is set per calendar month): the child with the most hours
    is the first child (lid 2); with equal hours the child with the HIGHEST kosten (lid 3, text since the consolidation
    of 2015-10-19; the 2014 text said "laagste"); with equal hours and equal kosten Dienst Toeslagen decides (lid 4).
    In that last case the choice does not change the amount (the same kosten get the same two percentages), so
    kotwijzer takes the first of those children in the input. Arrays [H,C,12]; returns bool [H,C,12] (no first child in
    a month without hours). Where children share the most hours, the score hours x 2**40 + kosten orders (hours,
    kosten) lexicographically, as kosten_e < 2**40 for any 744 h at any price below EUR 1,000."""
    n_kind = uren_cu.shape[1]
    if n_kind == 1:
        return uren_cu > 0
    meeste = uren_cu[:, 0]
    for k in range(1, n_kind):  # maximum over the child axis; each step is vectorised over households and months
        meeste = np.maximum(meeste, uren_cu[:, k])
    first: np.ndarray = uren_cu == meeste[:, None, :]
    first &= uren_cu > 0
    gelijk = np.einsum("hcm->hm", first.view(np.int8)) > 1  # two or more children with the most hours
    if gelijk.any():  # lid 3 and 4, only where needed: highest kosten, then the first of them in the input
        hs, ms = np.divmod(np.flatnonzero(gelijk), gelijk.shape[1])  # faster than 2-d np.nonzero
        score = np.multiply(uren_cu[hs, :, ms], 1 << 40, dtype=np.int64)  # (hours, kosten) lexicographically
        score += kosten_e[hs, :, ms]
        kies = np.argmax(score, axis=1)  # the first maximum wins
        first[hs, :, ms] = False
        first[hs, kies, ms] = True
    return first


@citeert(bkot("2"), wko("1.3", 2))
def naar_rato_dagen(kosten_e: np.ndarray, dagen: np.ndarray, maanddagen: np.ndarray) -> np.ndarray:
    """Kosten of a month with care on part of its days: kosten x days / days of the month, half up to 1/10,000 euro.
    The amount is set per calendar month (Bkot art. 2) and a change in the care counts from its own day (Wko art. 1.3
    lid 2); the day factor is Dienst Toeslagen's practice as one worked calculation shows it (svb.nl, "Voorbeeld
    toeslaggegevens in Mijn SVB en de berekening", periodefactor 16/31), an indirect source. Arrays [H,C,12] and [12]."""
    n = maanddagen.astype(np.int64)[None, None, :]
    return (kosten_e.astype(np.int64) * dagen.astype(np.int64) * 2 + n) // (2 * n)


@citeert(bkot("3", 2))
def eerste_kind_op_uren(uren_cu: np.ndarray) -> np.ndarray:
    """Bkot art. 3 lid 2 alone, for a month whose kosten are not known (no maximum uurprijs fixed for the year): the
    child with the most hours is the first child; lid 2 needs only the hours. Where two or more children share the
    most hours, lid 3 needs the kosten, so no child is marked first. Arrays [H,C,12]; returns bool [H,C,12]."""
    top = uren_cu.max(axis=1, keepdims=True)
    op_top = (uren_cu == top) & (uren_cu > 0)
    eerste: np.ndarray = op_top & (op_top.sum(axis=1, keepdims=True) == 1)
    return eerste


@citeert(bkot("3", 4))
def eerste_kind_gelijk(uren_cu: np.ndarray, kosten_e: np.ndarray) -> np.ndarray:
    """Bkot art. 3 lid 4: bool [H,12], True where two or more children share the most hours and the highest kosten, so
    that Dienst Toeslagen decides which is the first child (the amount does not depend on it)."""
    score = np.multiply(uren_cu, 1 << 40, dtype=np.int64) + kosten_e
    top = score.max(axis=1)
    gelijk: np.ndarray = ((score == top[:, None, :]) & (uren_cu > 0)).sum(axis=1) >= 2
    return gelijk


@citeert(wko("1.7", 1), bkot("6"))
def toeslag_cent(kosten_e: np.ndarray, promille: np.ndarray) -> np.ndarray:
    """Toeslag = kosten x percentage, rounded half up to the cent. kosten in 1/10,000 euro, percentage in promille."""
    t: np.ndarray = np.multiply(kosten_e, promille, dtype=np.int64)
    t += 50_000
    t //= 100_000
    return t


@zonder_bron("rounds 1/10.000 euro to cents to show the kosten; the amount of toeslag is rounded in toeslag_cent")
def afronden_cent(eenheden: np.ndarray) -> np.ndarray:
    """1/10,000 euro -> cents, half up (for reporting kosten)."""
    uit = eenheden + EENHEDEN_PER_CENT // 2
    uit //= EENHEDEN_PER_CENT
    return uit


@zonder_bron(
    "the monthly payment in whole euros as Dienst Toeslagen pays it (brochure Berekening kinderopvangtoeslag 2026); no provision in the shipped law texts"
)
def uitbetaling_voorschot(toeslag_maand_cent: np.ndarray) -> np.ndarray:
    """The monthly payment: rounded down to whole euros (brochure "Berekening kinderopvangtoeslag 2026")."""
    return (toeslag_maand_cent // 100) * 100
