"""Files of `kotwijzer beleid analyse`: CSV next to one xlsx workbook, linear charts (PNG, SVG and the CSV behind
each), and provenance (herkomst.json, a sheet in the workbook, a line under every chart)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.policy.herkomst import regel as herkomst_regel

LEES_MIJ = [
    ("Wat", "Kinderopvangtoeslag: meerjarige doorrekening 2024-2030, hervormingen, stelsel 2029, onzekerheid en "
            "aansluiting op gepubliceerde cijfers. Gemaakt met kotwijzer beleid analyse."),
    ("Bedragen", "Budgettabel: x EUR 1 mln, per jaar, uitgelijnd op de begroting 2024 (zie blad uitlijning). "
                 "'structureel' is het laatste jaar (2030). 'n.b.' = niet berekenbaar (geen wet of tabel voor dat jaar); "
                 "'(deels)' = een deel van de huishoudens kon niet worden berekend (blad reeksen, kolom "
                 "niet_berekend_huishoudens)."),
    ("Hoofduitkomst", "Statisch: gedrag verandert niet. De gedragsvariant staat apart (blad gedrag)."),
    ("Projectie", "Na 2026 is er geen (volledige) wet: 'ongewijzigd beleid' is een projectie met de aannames in blad "
                  "aannames (meerjarige_indexatie), nooit de wet."),
    ("Onzekerheid", "Blad intervallen: 5-95 % over de Monte Carlo-trekkingen (elke aanname en elk niet-gebruik "
                    "gevarieerd, met een eigen populatie en startgetal per trekking). Blad tornado: een aanname tegelijk "
                    "op de rand van haar bereik. Blad seedvariantie: alleen het startgetal varieert."),
]


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "kotwijzer"
    plt.rcParams["font.size"] = 9
    return plt


def _bewaar(fig, map_: Path, naam: str, data: pd.DataFrame, herkomst: dict[str, Any]) -> dict[str, str]:
    fig.text(0.01, -0.02, "kotwijzer; " + herkomst_regel(herkomst), fontsize=6, color="#555555", ha="left", va="top")
    fig.savefig(map_ / f"{naam}.png", dpi=120, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(map_ / f"{naam}.svg", bbox_inches="tight", metadata={"Date": None})
    data.to_csv(map_ / f"{naam}.csv", index=False)
    _plt().close(fig)
    return {"png": f"{naam}.png", "svg": f"{naam}.svg", "csv": f"{naam}.csv"}


def grafiek_meerjarig(reeksen: pd.DataFrame, map_: Path, herkomst: dict[str, Any]) -> dict[str, str]:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    data = []
    for reeks, label, stijl in (("projectie", "ongewijzigd beleid (na 2026 projectie)", "-o"),
                                ("wet", "wet van het jaar", "--s"),
                                ("stelsel", "stelsel 2029: 96 % voor werkende ouders", "-^"),
                                ("stelsel_uitz", "stelsel 2029 met uitzonderingsgroepen", ":v")):
        r = reeksen[reeksen["reeks"] == reeks].sort_values("jaar")
        if r.empty:
            continue
        # a year without law is not plotted (never as zero); a partly computed year is a hollow marker
        volledig = r["niet_berekend_huishoudens"] < 0.5
        y = (r["uitgaven_uitgelijnd"] / 1e9).where(volledig)
        ax.plot(r["jaar"], y, stijl, label=label)
        deels = r[~volledig & (r["uitgaven_model"] > 0)]
        if len(deels):
            ax.plot(deels["jaar"], deels["uitgaven_uitgelijnd"] / 1e9, stijl[-1], mfc="none", color="#888888",
                    label="alleen het berekenbare deel (tabel onvolledig)" if reeks == "wet" else None)
        for _, x in r.iterrows():
            data.append({"reeks": label, "jaar": int(x["jaar"]), "uitgaven_mld_uitgelijnd": x["uitgaven_uitgelijnd"] / 1e9,
                         "niet_berekend_huishoudens": x["niet_berekend_huishoudens"]})
    g = reeksen[reeksen["code"].isin(["grensonder_2025", "grensboven_2025"])]
    if len(g) == 2:
        lo, hi = (float(x) / 1e9 for x in g.sort_values("uitgaven_uitgelijnd")["uitgaven_uitgelijnd"])
        ax.vlines(2025, lo, hi, color="#d95f02", lw=3, label="2025: ontbrekende cellen op hun wettelijke grenzen")
        data.append({"reeks": "2025 grenzen", "jaar": 2025, "uitgaven_mld_uitgelijnd": f"{lo:.3f}-{hi:.3f}",
                     "niet_berekend_huishoudens": 0})
    ax.set_xlabel("jaar (na 2026: geen wet, alleen de projectie en het stelsel 2029)")
    ax.set_ylabel("miljard euro per jaar (uitgelijnd op de begroting 2024)")
    ax.set_ylim(bottom=0)
    ax.set_title("Uitgaven aan kinderopvangtoeslag 2024-2030 (na niet-gebruik, statisch)")
    ax.grid(True, color="#dddddd", lw=0.6)
    ax.legend(fontsize=7, loc="lower right")
    return _bewaar(fig, map_, "meerjarig_uitgaven", pd.DataFrame(data), herkomst)


def grafiek_intervallen(iv: pd.DataFrame, map_: Path, herkomst: dict[str, Any]) -> dict[str, str]:
    plt = _plt()
    sel = iv[iv["uitkomst"].str.endswith("_uitgelijnd")].copy()
    sel["label"] = sel["omschrijving"].str.replace(": verandering (uitgelijnd)", "", regex=False)
    fig, ax = plt.subplots(figsize=(7.5, 0.8 + 0.5 * max(len(sel), 1)))
    y = np.arange(len(sel))
    c = sel["centraal"] / 1e6
    ax.barh(y, c, color="#1f6fb2", label="centraal (grote populatie)")
    ax.errorbar(c, y, xerr=[np.maximum(c - sel["p05"] / 1e6, 0), np.maximum(sel["p95"] / 1e6 - c, 0)], fmt="none",
                ecolor="#333333", capsize=3, label="5-95 % over de trekkingen")
    ax.set_yticks(y, list(sel["label"]))
    ax.invert_yaxis()
    ax.set_xlabel("verandering van de uitgaven, miljoen euro per jaar (uitgelijnd, lineaire schaal)")
    ax.set_title("Hervormingen en stelsel 2029: verandering met onzekerheid")
    ax.grid(True, axis="x", color="#dddddd", lw=0.6)
    ax.legend(fontsize=7, loc="lower right")
    return _bewaar(fig, map_, "intervallen_hervormingen", sel.drop(columns=["label"]), herkomst)


def grafiek_tornado(td: pd.DataFrame, uitkomst: str, titel: str, map_: Path, herkomst: dict[str, Any],
                    top: int = 15) -> dict[str, str]:
    plt = _plt()
    d = td[td["uitkomst"] == uitkomst].dropna(subset=["uitslag"]).sort_values("uitslag", ascending=False).head(top)
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.32 * max(len(d), 1)))
    if len(d):
        c = float(d["centraal"].iloc[0]) / 1e6
        y = np.arange(len(d))
        lo = d["bij_laag"] / 1e6 - c
        hi = d["bij_hoog"] / 1e6 - c
        ax.barh(y, lo, left=c, color="#d95f02", label="aanname op de ondergrens van haar bereik")
        ax.barh(y, hi, left=c, color="#1b9e77", label="aanname op de bovengrens van haar bereik")
        ax.axvline(c, color="#333333", lw=0.8)
        ax.set_yticks(y, list(d["aanname"]))
        ax.invert_yaxis()
        ax.legend(fontsize=7, loc="lower right")
    ax.set_xlabel("miljoen euro per jaar (lineaire schaal)")
    ax.set_title(titel)
    ax.grid(True, axis="x", color="#dddddd", lw=0.6)
    naam = f"tornado_{uitkomst}"
    return _bewaar(fig, map_, naam, d, herkomst)


def grafiek_uitzonderingen(uz: pd.DataFrame, map_: Path, herkomst: dict[str, Any]) -> dict[str, str]:
    plt = _plt()
    d = uz[uz["met_recht_ongewijzigd"] > 0]
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.45 * max(len(d), 1)))
    y = np.arange(len(d))
    ax.barh(y - 0.2, d["met_recht_ongewijzigd"], height=0.4, color="#bbbbbb", label="met recht, ongewijzigd beleid")
    ax.barh(y + 0.2, d["met_recht_stelsel_werkende_ouders"], height=0.4, color="#1f6fb2",
            label="met recht, stelsel voor werkende ouders")
    ax.set_xscale("linear")
    ax.set_yticks(y, list(d["doelgroep"]))
    ax.invert_yaxis()
    ax.set_xlabel("huishoudens (gewogen)")
    ax.set_title("Stelsel 2029: wie houdt recht? (per doelgroep)")
    ax.legend(fontsize=7, loc="lower right")
    return _bewaar(fig, map_, "stelsel_2029_doelgroepen", d, herkomst)


def schrijf(map_: str | Path, tabellen: dict[str, pd.DataFrame], herkomst: dict[str, Any],
            grafieken: dict[str, Any], overzicht: dict[str, Any]) -> dict[str, Any]:
    """CSV per table, one xlsx with a sheet per table plus 'lees_mij' and 'herkomst', herkomst.json, overzicht.json."""
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    for naam, df in tabellen.items():
        df.to_csv(map_ / f"{naam}.csv", index=False)
    (map_ / "herkomst.json").write_text(json.dumps(herkomst, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    plat = []

    def vlak(prefix: str, x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                vlak(f"{prefix}.{k}" if prefix else str(k), v)
        else:
            plat.append({"onderdeel": prefix, "waarde": str(x)})

    vlak("", herkomst)
    with pd.ExcelWriter(map_ / "beleidsanalyse.xlsx", engine="openpyxl") as xl:
        pd.DataFrame(LEES_MIJ, columns=["onderwerp", "toelichting"]).to_excel(xl, sheet_name="lees_mij", index=False)
        for naam, df in tabellen.items():
            df.to_excel(xl, sheet_name=naam[:31], index=False)
        pd.DataFrame(plat).to_excel(xl, sheet_name="herkomst", index=False)
    overzicht = {**overzicht, "herkomst": herkomst, "grafieken": grafieken,
                 "bestanden": sorted(p.name for p in map_.iterdir())}
    (map_ / "overzicht.json").write_text(json.dumps(overzicht, ensure_ascii=False, indent=1, default=str),
                                         encoding="utf-8")
    return overzicht
