"""The policy analysis as a whole (`kotwijzer beleid analyse`): aligned multi-year baseline, reforms and the 2029 system
as deltas on it, reconciliation with published figures, and the tables of a budget note.

**Alignment.** The model's 2024 baseline (after central non-take-up) is put on the budget for 2024 (stand 1e
suppletoire begroting, EUR 4.679.055.000, shared/stats/kot_expenditure.csv) with one explicit factor:
`factor = begroting / model`. Every amount of every scenario and year is multiplied by the same factor, so a reform's
delta on the aligned base is `factor x model delta`. The unaligned figure is always shown beside the aligned one. The
factor is reproducible (it depends only on the population, the assumptions and the budget figure) and is written into
every output. Counts (households, children) are not aligned: the weighting already sets them on CBS counts.

Why a factor and not a reweighting: the miss (-10 %) comes mostly from the income distribution of the users and the
share of the costs that KOT covers (see the reconciliation); reweighting to the budget would push weight onto low
incomes and break the independent checks on income (C10-C12), while a factor keeps the structure of the population
and says openly how much of the level is corrected.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.policy import populatie as P
from kotwijzer.policy.meerjarig import JAREN, LAATSTE_WETJAAR, STELSEL_JAAR, Meerjarig

EENHEID = 10_000 * 100  # cells: weight 1/10,000 household x cents
UITLIJNJAAR = 2024
VARIANTEN = ("laag", "midden", "hoog")


def niet_gebruik(variant: str = "midden") -> np.ndarray:
    ng = P.niet_gebruik_aannames()
    return np.array([float(ng[g][variant]) for g in P.GROEPEN])


def bedrag(df: pd.DataFrame, kolom: str = "toeslag", variant: str | None = "midden") -> float:
    """Euros (or the natural unit) of a cell table, after non-take-up of `variant` (None: everyone takes up)."""
    x = df[kolom].to_numpy(dtype=np.float64)
    if variant is not None:
        x = x * (1.0 - niet_gebruik(variant)[df.index.get_level_values("groep")])
    return float(x.sum()) / EENHEID


def aantal(df: pd.DataFrame, kolom: str, variant: str | None = None) -> float:
    x = df[kolom].to_numpy(dtype=np.float64)
    if variant is not None:
        x = x * (1.0 - niet_gebruik(variant)[df.index.get_level_values("groep")])
    return float(x.sum()) / 10_000


def begroting(jaar: int = UITLIJNJAAR) -> dict[str, Any]:
    b = P.kalibratie_doelen()["begroting"][jaar]
    return {"jaar": jaar, "bedrag": float(b["bedrag"]), "stand": b["stand"], "bron": b["bron"]}


def uitlijning(model_euro: float, jaar: int = UITLIJNJAAR) -> dict[str, Any]:
    """The alignment factor of the baseline to the budget of `jaar`."""
    b = begroting(jaar)
    if model_euro <= 0:
        raise ValueError("De basis heeft geen uitgaven; uitlijnen kan niet.")
    factor = b["bedrag"] / model_euro
    return {**b, "model": model_euro, "factor": factor, "uitgelijnd": model_euro * factor,
            "verschil_model_pct": (model_euro - b["bedrag"]) / b["bedrag"]}


# ------------------------------------------------------------------------------------------ budget-note tables
def reeksen(mj: Meerjarig, factor: float) -> pd.DataFrame:
    """One row per scenario series and year: amounts (unaligned and aligned, after central non-take-up, and as if
    everyone applied), the delta against its base, and what could not be computed."""
    rijen = []
    for s in mj.scenarios:
        df = mj.cellen[s.code]
        m = bedrag(df)
        rij = {
            "code": s.code, "reeks": s.code.rsplit("_", 1)[0], "naam": s.naam, "jaar": s.jaar, "soort": s.soort,
            "basis": s.basis or "",
            "uitgaven_model": m, "uitgaven_uitgelijnd": m * factor,
            "uitgaven_iedereen_model": bedrag(df, variant=None),
            "uitgaven_laag_model": bedrag(df, variant="laag"), "uitgaven_hoog_model": bedrag(df, variant="hoog"),
            "ontvangers": aantal(df, "ontvangers", "midden"),
            "niet_berekend_huishoudens": aantal(df, "niet_berekenbaar"),
            "niet_berekend_uren": aantal(df, "niet_berekenbaar_uren") / 100,
        }
        if s.basis:
            b = mj.cellen[s.basis]
            d = m - bedrag(b)
            rij.update(verandering_model=d, verandering_uitgelijnd=d * factor,
                       verliest_aanspraak=aantal(df, "verliest_aanspraak"),
                       nieuwe_aanspraak=aantal(df, "nieuwe_aanspraak"))
        rijen.append(rij)
    return pd.DataFrame(rijen)


def budgettabel(r: pd.DataFrame) -> pd.DataFrame:
    """The budget-note table: x EUR 1 mln, aligned, by year, with a column 'structureel' (the last year, when every
    measure is fully in force). A year that cannot be computed shows 'n.b.' (niet berekenbaar) instead of a number."""
    jaren = sorted(r["jaar"].unique())
    regels = []

    def regel(label: str, sel: pd.DataFrame, kolom: str) -> None:
        rij: dict[str, Any] = {"regel": label}
        for j in jaren:
            x = sel[sel["jaar"] == j]
            if x.empty:
                rij[str(j)] = ""
                continue
            x = x.iloc[0]
            volledig = x["niet_berekend_huishoudens"] < 0.5
            v = x[kolom]
            rij[str(j)] = round(v / 1e6) if volledig and pd.notna(v) else ("n.b." if x["uitgaven_model"] == 0 else
                                                                            f"{round(v / 1e6)} (deels)")
        last = rij.get(str(jaren[-1]), "")
        rij["structureel"] = last
        regels.append(rij)

    regel("Uitgaven volgens de wet van het jaar (uitgelijnd)", r[r["reeks"] == "wet"], "uitgaven_uitgelijnd")
    regel("Uitgaven bij ongewijzigd beleid (uitgelijnd; na 2026 projectie)", r[r["reeks"] == "projectie"],
          "uitgaven_uitgelijnd")
    for reeks in r[r["soort"].isin(["hervorming", "stelsel"])]["reeks"].unique():
        sel = r[r["reeks"] == reeks]
        regel(f"{reeks}: {sel.iloc[0]['naam']} (verandering)", sel, "verandering_uitgelijnd")
    return pd.DataFrame(regels)


def uitzonderingsgroepen(mj: Meerjarig, factor: float, jaar: int = STELSEL_JAAR) -> pd.DataFrame:
    """Per doelgroep, in `jaar`: households with a right and recipients under ongewijzigd beleid, under the 2029 system
    for working parents and under that system with the exception groups kept: who loses the right, at what cost."""
    basis = mj.cellen[f"projectie_{jaar}"]
    werk = mj.cellen[f"stelsel_{jaar}"]
    uitz = mj.cellen[f"stelsel_uitz_{jaar}"]
    rijen = []
    for gi, g in enumerate(P.GROEPEN):
        def sel(df):
            return df[df.index.get_level_values("groep") == gi]
        b, w, u = sel(basis), sel(werk), sel(uitz)
        if b.empty:
            continue
        rijen.append({
            "doelgroep": P.GROEP_TEKST[g],
            "huishoudens": aantal(b, "huishoudens"),
            "met_recht_ongewijzigd": aantal(b, "met_aanspraak"),
            "met_recht_stelsel_werkende_ouders": aantal(w, "met_aanspraak"),
            "verliest_recht": aantal(w, "verliest_aanspraak"),
            "ontvangers_ongewijzigd": aantal(b, "ontvangers", "midden"),
            "ontvangers_stelsel_werkende_ouders": aantal(w, "ontvangers", "midden"),
            "uitgaven_ongewijzigd_mln": bedrag(b) * factor / 1e6,
            "uitgaven_stelsel_werkende_ouders_mln": bedrag(w) * factor / 1e6,
            "uitgaven_stelsel_met_uitzonderingen_mln": bedrag(u) * factor / 1e6,
            "kosten_uitzonderingen_behouden_mln": (bedrag(u) - bedrag(w)) * factor / 1e6,
        })
    return pd.DataFrame(rijen)
