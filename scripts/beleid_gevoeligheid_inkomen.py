"""Reproduce the tables of docs/beleidsanalyse.md, section 3, on check C10 (share of recipients in the top 30 % of
incomes), check C18 (declared costs by income) and the use gradient.

    .venv/bin/python scripts/beleid_gevoeligheid_inkomen.py --aantal 200000

Each variant generates and weighs its own population (seed 2024, year 2024), so the run takes a few minutes for
200.000 households. Nothing is written; the tables go to standard output.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from kotwijzer.policy import kalibratie as K
from kotwijzer.policy import populatie as P

JAARBEDRAG_2024 = 4_378_594_429  # budget 2024 minus the cash bridge (uitlijning.csv, column jaarbedrag)


@contextmanager
def zonder_doelen(zonder: tuple[str, ...]) -> Iterator[None]:
    """Weighting without the named targets, for the duration of the block."""
    oud = K._doelen_weging
    K._doelen_weging = lambda jaar: [dl for dl in oud(jaar) if dl["id"] not in zonder]  # type: ignore[assignment]
    try:
        yield
    finally:
        K._doelen_weging = oud  # type: ignore[assignment]


def met_helling(helling: tuple[float, float]) -> P.Aannames:
    """The shipped assumptions with another `gebruik_inkomensgradient` (a new object; the shipped ones stay)."""
    ander = P.Aannames.standaard().document()
    ander["aannames"]["gebruik_inkomensgradient"]["waarde"] = {"laagste": helling[0], "hoogste": helling[1]}
    return P.Aannames.uit_document(ander, f"gevoeligheid: gebruik_inkomensgradient {helling[0]} / {helling[1]}")


def _rang_op_verdeling(x: np.ndarray, w: np.ndarray, verdeling: Any) -> np.ndarray:
    """Deciles 1..10: the weighted rank of x laid on a distribution over ten groups."""
    o = np.argsort(x, kind="stable")
    ww = w[o]
    p = (np.cumsum(ww) - 0.5 * ww) / ww.sum()
    grens = np.cumsum(np.asarray(verdeling, dtype=np.float64))
    out = np.empty(x.size, dtype=np.int64)
    out[o] = np.searchsorted(grens / grens[-1], p, side="right") + 1
    return out


def meet(n: int, aannames: P.Aannames | None = None) -> dict[str, float]:
    a = aannames or P.Aannames.standaard()
    pop = P.generate(n, 2024, 2024, a)
    pop, _, u = K.kalibreer(pop, aannames=a)
    d = pop.data
    gw = d["gewicht_e4"] / P.GEWICHT_EENHEID
    w_ng = gw * (1 - a.niet_gebruik_per_groep("midden")[d["groep"]])
    heeft = u.toeslag_cent > 0
    r = w_ng * heeft
    paar = d["heeft_partner"]
    ink = d["inkomen"].astype(np.float64)
    nd = P.kalibratie_doelen()["nationale_decielen"]
    samen = _rang_op_verdeling(ink, gw, np.add(nd["paar"], nd["eenouder"]))
    gelijkwaardig = np.zeros(pop.n, dtype=np.int64)
    eq = ink / (1 + 0.5 * paar + 0.3 * d["n_kinderen"])  # OECD-modified scale, a stand-in for the CBS scale
    for sel, verdeling in ((paar, nd["paar"]), (~paar, nd["eenouder"])):
        gelijkwaardig[sel] = _rang_op_verdeling(eq[sel], gw[sel], verdeling)
    aandeel: Callable[[np.ndarray], float] = lambda sel: float(r[sel].sum() / r.sum())  # noqa: E731
    boven = d["nationaal_deciel"] >= 8
    return {
        "C10": aandeel(boven),
        "een_rangorde": aandeel(samen >= 8),
        "gelijkwaardig": aandeel(gelijkwaardig >= 8),
        "eigen_populatie": aandeel(d["inkomensdeciel"] >= 8),
        "C18": K.bereikt(pop, u, gw, a)["kosten_hoogste_tov_lagere_inkomens"],
        "eenouders": aandeel(~paar),
        "grens_paar": float(ink[paar & boven].min()),
        "grens_eenouder": float(ink[~paar & boven].min()),
        "factor": JAARBEDRAG_2024 / float((w_ng * u.toeslag_cent).sum() / 100),
    }


def main() -> None:
    arg = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arg.add_argument("--aantal", type=int, default=200_000)
    n = arg.parse_args().aantal
    basis = meet(n)
    print(
        f"C10 as computed {basis['C10']:.3f}; one ranking {basis['een_rangorde']:.3f}; equivalised within type "
        f"{basis['gelijkwaardig']:.3f}; top 30 % of the population {basis['eigen_populatie']:.3f}"
    )
    print(
        f"national top 30 % starts at: couples EUR {basis['grens_paar']:,.0f}, single parents "
        f"EUR {basis['grens_eenouder']:,.0f}"
    )
    for naam, zonder in (("without K21", ("K21",)), ("without K21 and K22", ("K21", "K22"))):
        with zonder_doelen(zonder):
            m = meet(n)
        print(
            f"{naam}: C10 {m['C10']:.3f}, C18 {m['C18']:.2f}, single parents {m['eenouders']:.3f}, "
            f"factor {m['factor']:.4f}"
        )
    print("gebruik_inkomensgradient | C10 | C18 | single parents among recipients | factor")
    for helling in ((0.25, 1.75), (0.475, 1.525), (0.70, 1.30), (1.0, 1.0)):
        m = meet(n, met_helling(helling))
        print(
            f"{helling[0]} / {helling[1]} | {m['C10']:.3f} | {m['C18']:.2f} | {m['eenouders']:.3f} | {m['factor']:.4f}"
        )


if __name__ == "__main__":
    main()
