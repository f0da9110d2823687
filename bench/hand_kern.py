"""A simplified hand-written NumPy kernel of the 2026 rules: the speed baseline for bench/bench_kern.py (bench only).

It computes the yearly toeslag per household for the benchmark population the way one would write it by hand for one
year: no reasons, no trace, no per-year switches, no unknown or missing law data, no late applications, no ended
trajecten, no KGU years. It follows the same rules as the product kernel for that population (Wko 1.6 lid 1, 3 and
8-10; Bkot 8a lid 1 and 2, art. 4, art. 3 and Bijlage I; half-up rounding per child-month), so the benchmark checks
that both give the same total to the cent. The product never imports this module.
"""

from __future__ import annotations

import numpy as np

# situation bits as in kotwijzer.rules.codes (repeated here so the baseline is self-contained)
_A, _B, _C, _E, _F, _G, _H, _I, _J = (1 << k for k in (0, 1, 2, 3, 4, 5, 6, 7, 8))
_WLZ_PERM, _WLZ_TIJD, _DET_LANG, _WT, _DET_VOORLOPIG_LANG = 1 << 10, 1 << 11, 1 << 12, 1 << 14, 1 << 17
LID1 = _A | _B | _C | _E | _F | _G | _H | _I | _J | _WT
UITZONDERING = _WLZ_PERM | _WLZ_TIJD | _DET_LANG | _DET_VOORLOPIG_LANG


class HandKern:
    """Year constants read once; `toeslag(...)` per block of households."""

    def __init__(
        self, tabel_van: np.ndarray, eerste: np.ndarray, overige: np.ndarray, max_cent: np.ndarray, max_uren: int = 230
    ) -> None:
        self.van = np.asarray(tabel_van, dtype=np.int64)
        self.eerste = np.asarray(eerste, dtype=np.int64)
        self.overige = np.asarray(overige, dtype=np.int64)
        self.max_cent = np.asarray(max_cent, dtype=np.int64)  # index = opvangsoort code (0 unused)
        self.max_cu = max_uren * 100

    @classmethod
    def voor_2026(cls) -> HandKern:
        from kotwijzer.params import parameters_voor_jaar

        p = parameters_voor_jaar(2026)
        t = p.tabel()
        mu = p.maximum_uurprijs().cent
        return cls(
            t.van,
            t.eerste_kind,
            t.overige_kinderen,
            np.array([0, mu["dagopvang"], mu["buitenschoolse_opvang"], mu["gastouderopvang"]]),
        )

    def toeslag(
        self,
        sit: np.ndarray,
        heeft_partner: np.ndarray,
        kind_ok: np.ndarray,
        soort: np.ndarray,
        uren_cu: np.ndarray,
        prijs_cent: np.ndarray,
        inkomen: np.ndarray,
    ) -> np.ndarray:
        """sit uint32 [H,2,12]; kind_ok bool [H,C,12] (child exists, born, before VO, at home, LRK); soort int8,
        uren_cu and prijs_cent int32 [H,C,12]; inkomen int64 [H]. Returns the yearly toeslag in cents [H].

        Written for speed the way one would by hand for one year: int32 hours and kosten (230 h x a capped price
        fit), einsum for the short month sums, the pool's running total only for the children whose year exceeds
        it, the first child by the most hours (kosten and input order only where hours tie)."""
        q = (sit & LID1) != 0
        x = (sit & UITZONDERING) != 0
        q0, q1, x0, x1 = q[:, 0], q[:, 1], x[:, 0], x[:, 1]
        recht = np.where(heeft_partner[:, None], (q0 & q1) | (q0 & x1) | (x0 & q1), q0)  # [H,12]
        maanden = np.einsum("hpm->hp", (q | x).view(np.int8))  # [H,2]
        pot = np.where(heeft_partner, maanden.min(axis=1), maanden[:, 0]).astype(np.int32) * self.max_cu
        ok = kind_ok & (soort > 0)
        ok &= recht[:, None, :]
        uren = np.minimum(uren_cu, self.max_cu)
        uren *= ok
        over = np.einsum("hcm->hc", uren) > pot[:, None]
        if over.any():
            cum = np.minimum(np.cumsum(uren[over], axis=1), np.broadcast_to(pot[:, None], over.shape)[over][:, None])
            uren[over] = np.diff(cum, axis=1, prepend=0)
        kosten = uren * np.minimum(prijs_cent, np.take(self.max_cent.astype(np.int32), soort))
        meeste = uren[:, 0]
        for k in range(1, uren.shape[1]):
            meeste = np.maximum(meeste, uren[:, k])
        eerste = uren == meeste[:, None, :]
        eerste &= uren > 0
        gelijk = np.einsum("hcm->hm", eerste.view(np.int8)) > 1
        if gelijk.any():  # same hours: the highest kosten, then the first child in the input
            hs, ms = np.divmod(np.flatnonzero(gelijk), gelijk.shape[1])  # faster than 2-d np.nonzero
            score = np.multiply(uren[hs, :, ms], 1 << 40, dtype=np.int64) + kosten[hs, :, ms]
            kies = np.argmax(score, axis=1)
            eerste[hs, :, ms] = False
            eerste[hs, kies, ms] = True
        rij = np.searchsorted(self.van, inkomen, side="right") - 1
        p1, p2 = self.eerste[rij].astype(np.int32), self.overige[rij].astype(np.int32)
        pct = np.multiply(eerste, (p1 - p2)[:, None, None], dtype=np.int32)
        pct += p2[:, None, None]
        t = np.multiply(kosten, pct, dtype=np.int64)
        t += 50_000
        t //= 100_000
        return np.einsum("hcm->h", t)
