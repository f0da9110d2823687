"""Income deciles of the population: weighted deciles within the population and an approximate national decile
(for the checks C10, C18 and C19 only)."""

from __future__ import annotations

import numpy as np

from kotwijzer.policy.aannames import kalibratie_doelen


def gewogen_decielen(waarde: np.ndarray, gewicht: np.ndarray) -> np.ndarray:
    """Deciles 1..10 of `waarde` with weights (households with equal values get the same decile)."""
    order = np.argsort(waarde, kind="stable")
    w = gewicht[order].astype(np.float64)
    cum = np.cumsum(w) - 0.5 * w
    d_sorted = np.clip((cum / w.sum() * 10).astype(np.int64) + 1, 1, 10)
    # equal values: the decile of their first member
    v = waarde[order]
    eerste = np.r_[True, v[1:] != v[:-1]]
    groep_start = np.maximum.accumulate(np.where(eerste, np.arange(v.size), 0))
    d_sorted = d_sorted[groep_start]
    out = np.empty_like(d_sorted)
    out[order] = d_sorted
    return out.astype(np.int8)


def nationale_decielen(inkomen: np.ndarray, paar: np.ndarray, gewicht: np.ndarray) -> np.ndarray:
    """Approximate national income decile: the weighted income rank within paren (or eenoudergezinnen) laid on the CBS
    distribution of those households over the national deciles (2020). Only for the checks C10, C18 and C19.

    The CBS distribution per type counts parents with children of any age, also those whose (earning) children are all
    adults, so young families land too high, single parents most (docs/beleidsanalyse.md, section 3)."""
    nd = kalibratie_doelen()["nationale_decielen"]
    out = np.zeros(inkomen.shape[0], np.int8)
    for sel, verd in ((paar, nd["paar"]), (~paar, nd["eenouder"])):
        if not sel.any():
            continue
        idx = np.flatnonzero(sel)
        order = idx[np.argsort(inkomen[idx], kind="stable")]
        w = gewicht[order].astype(np.float64)
        p = (np.cumsum(w) - 0.5 * w) / w.sum()
        grens = np.cumsum(np.asarray(verd, dtype=np.float64))
        grens = grens / grens[-1]
        out[order] = (np.searchsorted(grens, p, side="right") + 1).clip(1, 10)
    return out
