"""Per-household yearly results of the rules core for a population (one scenario = one set of parameters).

Only the kernel (`kotwijzer.kern.bereken_batch` and `kotwijzer.kern.totalen`) decides; this module runs it in blocks
and reads a few extra counts off its per-child-month output (children with toeslag per opvangsoort, child-months,
hours used and prices in those months) that the calibration and the reports need. No rule is applied here.

Households are grouped by their number of children so that each block carries only the child slots it uses (the
kernel works on [H, C, 12]; an empty child slot contributes nothing, so the result is the same as with all slots).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from kotwijzer.invoer import Batch
from kotwijzer.kern import bereken_batch, totalen
from kotwijzer.params import JaarParameters

BLOK = 16_384
# detail categories (index): 1 dagopvang, 2 BSO, 3 gastouderopvang 0-3 (dagopvang age), 4 gastouderopvang 4-12
DETAIL = 5


@dataclass
class HuishoudUitkomst:
    toeslag_cent: np.ndarray  # int64 [H]
    kosten_cent: np.ndarray  # int64 [H]
    werkelijke_kosten_cent: np.ndarray  # int64 [H]
    uren_cu: np.ndarray  # int64 [H] hours that count
    maanden_aanspraak: np.ndarray  # int8 [H]
    kinderen_met_toeslag: np.ndarray  # int8 [H]
    toeslag_per_soort_cent: np.ndarray  # int64 [H,4]
    uren_per_soort_cu: np.ndarray  # int64 [H,4]
    kinderen_soort: np.ndarray  # int8 [H,4] children with toeslag in some month, per opvangsoort (CBS count)
    kindmaanden: np.ndarray | None = None  # int64 [H,5] child-months with toeslag (detail categories)
    uren_gebruikt_cu: np.ndarray | None = None  # int64 [H,5] hours used in those child-months
    prijs_som_cent: np.ndarray | None = None  # int64 [H,5] sum of the hourly price over those child-months
    # bool [H]: part of this household's toeslag could not be computed (the year's law misses a table, a table cell or
    # the maximum uurprijs); its toeslag above is the computed part only. Never filled in by a guess.
    bedrag_onbekend: np.ndarray | None = None
    onbekend_uren_cu: np.ndarray | None = None  # int64 [H] hours with aanspraak whose toeslag is unknown

    @classmethod
    def leeg(cls, n: int, details: bool) -> HuishoudUitkomst:
        z = lambda *s, d=np.int64: np.zeros(s, dtype=d)  # noqa: E731
        return cls(
            z(n),
            z(n),
            z(n),
            z(n),
            z(n, d=np.int8),
            z(n, d=np.int8),
            z(n, 4),
            z(n, 4),
            z(n, 4, d=np.int8),
            z(n, DETAIL) if details else None,
            z(n, DETAIL) if details else None,
            z(n, DETAIL) if details else None,
            np.zeros(n, dtype=bool),
            z(n),
        )

    def zet(self, idx: np.ndarray, ander: HuishoudUitkomst) -> None:
        for f in fields(self):
            doel = getattr(self, f.name)
            if doel is not None:
                doel[idx] = getattr(ander, f.name)


def _blok(b: Batch, p: JaarParameters, details: bool) -> HuishoudUitkomst:
    u = bereken_batch(b, True, p, met_redenen=False)
    if u.toeslag_cent is None:
        # no maximum uurprijs for the year: decisions and hours stand, no amount at all
        z = np.zeros_like(u.uren_cu, dtype=np.int64)
        u.toeslag_cent, u.kosten_e, u.toeslag_bekend = z, z, u.uren_cu == 0
        if u.werkelijke_kosten_e is None:
            u.werkelijke_kosten_e = z
    t = totalen(u, b)
    heeft = u.toeslag_cent > 0  # [H,C,12]
    kinderen_soort = np.zeros((b.n, 4), np.int8)
    for s in (1, 2, 3):
        kinderen_soort[:, s] = (heeft & (b.soort == s)).any(axis=2).sum(axis=1)
    out = HuishoudUitkomst(
        t.toeslag_cent,
        t.kosten_cent,
        t.werkelijke_kosten_cent,
        t.uren_cu,
        t.maanden_aanspraak,
        t.kinderen_met_toeslag,
        t.toeslag_per_soort_cent,
        t.uren_per_soort_cu,
        kinderen_soort,
    )
    out.bedrag_onbekend = t.bedrag_onbekend
    if u.toeslag_bekend is None:
        out.onbekend_uren_cu = np.zeros(b.n, np.int64)
    else:
        out.onbekend_uren_cu = np.where(u.toeslag_bekend, 0, u.uren_cu).sum(axis=(1, 2), dtype=np.int64)
    if details:
        cat = np.where(b.soort == 3, np.where(b.bso_leeftijd, 4, 3), b.soort).astype(np.int64)
        cat = np.where(heeft, cat, 0)
        n = b.n
        idx = (np.arange(n, dtype=np.int64)[:, None, None] * DETAIL + cat).ravel()
        mask = cat.ravel() > 0
        idx = idx[mask]
        tel = np.bincount(idx, minlength=n * DETAIL)
        uren = np.bincount(idx, weights=u.uren_gevraagd_cu.ravel()[mask].astype(np.float64), minlength=n * DETAIL)
        prijs = np.bincount(idx, weights=b.prijs_cent.ravel()[mask].astype(np.float64), minlength=n * DETAIL)
        out.kindmaanden = tel.reshape(n, DETAIL).astype(np.int64)
        out.uren_gebruikt_cu = np.rint(uren).reshape(n, DETAIL).astype(np.int64)  # integer sums < 2**53: exact
        out.prijs_som_cent = np.rint(prijs).reshape(n, DETAIL).astype(np.int64)
    return out


def blokken(pop, blok: int = BLOK) -> list[tuple[np.ndarray, Batch]]:
    """The population cut into kernel batches: per number of children (only the child slots used), in blocks of at
    most `blok` households. Build once, run many scenarios."""
    nk = pop.data["n_kinderen"]
    out = []
    for k in range(1, int(nk.max(initial=0)) + 1):
        idx = np.flatnonzero(nk == k)
        for start in range(0, idx.size, blok):
            sel = idx[start : start + blok]
            out.append((sel, pop.batch(sel, kinderen=k)))
    return out


def bereken_huishoudens(
    pop,
    params: JaarParameters,
    details: bool = False,
    blok: int = BLOK,
    voorbereid: list[tuple[np.ndarray, Batch]] | None = None,
) -> HuishoudUitkomst:
    """Run the kernel for every household of a `Populatie` (grouped by number of children) and return per-household
    yearly results in the population's order. `voorbereid`: the result of `blokken(pop)`, to reuse across scenarios."""
    out = HuishoudUitkomst.leeg(pop.n, details)
    for sel, b in voorbereid if voorbereid is not None else blokken(pop, blok):
        out.zet(sel, _blok(b, params, details))
    return out
