"""Markdown tables for docs/beleidsanalyse.md from the files of one `kotwijzer beleid analyse` run (not a test).

Prints the budget table (section 1.1), the reforms with their Monte Carlo intervals (1.2), the tornado's largest swings
and the seed variance (section 2) in the notation of the docs (Dutch decimals), so that the docs quote a run's own files
instead of numbers copied by hand:

    .venv/bin/python scripts/beleid_doctabellen.py bench/out_beleid/analyse
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from kotwijzer import formaat
from kotwijzer.policy import analyse as A

JAREN = [str(j) for j in range(2024, 2031)]
TORNADO = (
    "basis_2024_model",
    "basis_2029_uitgelijnd",
    "R1_2024_uitgelijnd",
    "R4_2024_uitgelijnd",
    "R5_2024_uitgelijnd",
    "stelsel_2029_uitgelijnd",
)


def _mln(x: float, decimalen: int = 1) -> str:
    return "" if x != x else formaat.getal(round(x / 1e6, decimalen), decimalen, nullen="vast")


def _cel(x: float, een_decimaal: bool) -> str:
    if x != x:
        return ""
    return formaat.getal(x, 1, nullen="vast") if een_decimaal else formaat.getal(int(x), 0)


def budgettabel(map_: Path) -> list[str]:
    r = pd.read_csv(map_ / "reeksen.csv")
    u = json.loads((map_ / "overzicht.json").read_text(encoding="utf-8"))["uitlijning"]
    bt = A.budgettabel(r, u)
    uit = ["| regel | " + " | ".join(JAREN) + " | structureel | kenmerken |", "|---|" + "---:|" * 8 + "---|"]
    for _, rij in bt.iterrows():
        klein = "kleine bedragen" in rij["kenmerken"]
        cellen = " | ".join(_cel(rij[j], klein) for j in [*JAREN, "structureel"])
        uit.append(f"| {rij['regel']} | {cellen} | {rij['kenmerken']} |")
    return uit


def intervallen(map_: Path) -> list[str]:
    iv = pd.read_csv(map_ / "intervallen.csv")
    toon = iv[~iv["uitkomst"].str.startswith("groep_") & ~iv["uitkomst"].str.endswith("_model")]
    toon = pd.concat([iv[iv["uitkomst"] == "basis_2024_model"], toon])
    uit = ["| result | central (2,000,000) | central (20,000) | 5 % | 95 % | draws |", "|---|---|---|---|---|---|"]
    for _, r in toon.iterrows():
        if r["uitkomst"] == "uitlijnfactor":
            f = [formaat.getal(r[k], 4, nullen="vast") for k in ("centraal_grote_populatie", "centraal", "p05", "p95")]
        elif r["uitkomst"] == "stelsel_2029_verliest_recht":
            f = [formaat.getal(int(r[k]), 0) for k in ("centraal_grote_populatie", "centraal", "p05", "p95")]
        else:
            f = [_mln(r[k]) for k in ("centraal_grote_populatie", "centraal", "p05", "p95")]
        uit.append(f"| {r['omschrijving']} | {' | '.join(f)} | {int(r['trekkingen'])} |")
    return uit


def tornado(map_: Path) -> list[str]:
    t = pd.read_csv(map_ / "tornado.csv")
    uit = ["| result | largest swings (low → high, € mln) |", "|---|---|"]
    for code in TORNADO:
        d = t[t["uitkomst"] == code].sort_values("uitslag", ascending=False).head(3)
        if d.empty:
            continue
        delen = [f"{r['aanname']} {_mln(r['bij_laag'])} → {_mln(r['bij_hoog'])}" for _, r in d.iterrows()]
        uit.append(f"| {d.iloc[0]['omschrijving']} | {'; '.join(delen)} |")
    return uit


def seedvariantie(map_: Path) -> list[str]:
    s = pd.read_csv(map_ / "seedvariantie.csv")
    uit = [
        "| result (2024, central assumptions) | mean over seeds | standard deviation | coefficient of variation |",
        "|---|---|---|---|",
    ]
    for _, r in s.iterrows():
        if r["uitkomst"] == "uitlijnfactor":
            continue
        uit.append(
            f"| {r['omschrijving']} | {formaat.getal(round(r['gemiddelde']), 0)} | "
            f"{formaat.getal(round(r['standaardafwijking']), 0)} | {formaat.getal(100 * r['variatiecoefficient'], 1, nullen='vast')} % |"
        )
    return uit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("map", type=Path, help="the folder 'analyse' of a run")
    a = ap.parse_args()
    for titel, regels in (
        ("1.1 budget table", budgettabel(a.map)),
        ("1.2 intervals", intervallen(a.map)),
        ("2 tornado", tornado(a.map)),
        ("2 seed variance", seedvariantie(a.map)),
    ):
        print(f"<!-- {titel} -->")
        print("\n".join(regels))
        print()


if __name__ == "__main__":
    main()
