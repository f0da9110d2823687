"""Files of `kotwijzer beleid analyse`: CSV next to one xlsx workbook, linear charts (PNG, SVG and the CSV behind
each), and provenance (herkomst.json, a sheet in the workbook, a line under every chart)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.formaat import getal
from kotwijzer.policy.herkomst import regel as herkomst_regel

LEES_MIJ = [
    (
        "Wat",
        "Kinderopvangtoeslag: meerjarige doorrekening 2024-2030, hervormingen, stelsel 2029, onzekerheid en "
        "aansluiting op gepubliceerde cijfers. Gemaakt met kotwijzer beleid analyse.",
    ),
    (
        "Bedragen",
        "Budgettabel: x EUR 1 mln, per jaar, lopende prijzen, afgerond op EUR 5 mln; het definitieve "
        "jaarbedrag, uitgelijnd op de begroting 2024 min de kasbrug (zie blad uitlijning); de rij kasbrug "
        "brengt het terug naar de kasraming. Elke cel is een getal of leeg; wat een cel is (centrale "
        "schatting, gepubliceerd bedrag, niet berekenbaar omdat er geen wet is) staat in de kolom kenmerken. "
        "'structureel' is het laatste jaar (2030). Blad budgettabel_constante_prijzen: dezelfde tabel in "
        "prijzen van 2024.",
    ),
    (
        "Niet uitgelijnd",
        "Bedragen met 'model' of 'niet uitgelijnd' in de naam zijn de ruwe uitkomst van het model, "
        "zonder uitlijnfactor.",
    ),
    ("Hoofduitkomst", "Statisch: gedrag verandert niet. De gedragsvariant staat apart (blad gedrag)."),
    (
        "Projectie",
        "Na 2026 is er geen (volledige) wet: 'ongewijzigd beleid' is een projectie met de aannames in blad "
        "aannames (meerjarige_indexatie), nooit de wet.",
    ),
    (
        "Onzekerheid",
        "Blad intervallen: 5-95 % over de Monte Carlo-trekkingen (elke aanname en elk niet-gebruik "
        "gevarieerd, met een eigen populatie en startgetal per trekking). Blad tornado: een aanname tegelijk "
        "op de rand van haar bereik. Blad seedvariantie: alleen het startgetal varieert.",
    ),
]


BRONREGEL_STANDAARD = (
    "Bron: kotwijzer-microsimulatie (synthetische populatie 2024, gewogen naar CBS en SZW; regels "
    "en tabellen van elk jaar); zie blad herkomst en lees_mij."
)
BRONREGEL = {
    "budgettabel": "Bron: zie kolom bron. Bedragen x EUR 1 mln, lopende prijzen, afgerond op EUR 5 mln.",
    "budgettabel_constante_prijzen": "Bron: zie kolom bron. Bedragen x EUR 1 mln in prijzen van 2024 (uurprijsindex).",
    "reconciliatie": "Bron: de kolom bron per regel (titels in policy/data/gepubliceerde_cijfers.yaml); model: kotwijzer.",
    "kalibratie": "Bron: de kolom bron per doel; weging (raking) van kotwijzer.",
}


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "kotwijzer"
    plt.rcParams["font.size"] = 9
    return plt


def nl_assen(ax, assen: str = "xy") -> None:
    """Dutch tick labels (1.234,5) on the given axes; as many decimals as the tick step needs."""
    from matplotlib.ticker import FuncFormatter

    def maak(as_):
        def f(x, _pos):
            locs = [float(v) for v in as_.get_majorticklocs()] or [x]
            dec = next((d for d in range(4) if all(abs(round(v, d) - v) < 1e-9 * max(1, abs(v)) for v in locs)), 3)
            return getal(x, dec, nullen="vast")

        return FuncFormatter(f)

    if "x" in assen:
        ax.xaxis.set_major_formatter(maak(ax.xaxis))
    if "y" in assen:
        ax.yaxis.set_major_formatter(maak(ax.yaxis))


def panelen(waarden: np.ndarray) -> list[np.ndarray]:
    """Split reforms into panels of comparable size, so that a large one does not hide the small ones on a linear
    axis: a reform goes into its own panel when it is more than ten times the largest of the rest."""
    orde = np.argsort(-np.abs(waarden), kind="stable")
    groot = [i for k, i in enumerate(orde[:-1]) if abs(waarden[i]) > 10 * max(abs(waarden[orde[k + 1]]), 1e-9)]
    if not groot:
        return [np.arange(len(waarden))]
    grens = abs(waarden[groot[-1]])
    klein = np.array([i for i in range(len(waarden)) if abs(waarden[i]) < grens])
    groot_ = np.array([i for i in range(len(waarden)) if abs(waarden[i]) >= grens])
    return [d for d in (klein, groot_) if len(d)]


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
    for reeks, label, stijl in (
        ("projectie", "ongewijzigd beleid (na 2026 projectie)", "-o"),
        ("wet", "wet van het jaar", "--s"),
        ("stelsel", "stelsel 2029: 96 % voor werkende ouders", "-^"),
        ("stelsel_uitz", "stelsel 2029 met uitzonderingsgroepen", ":v"),
    ):
        r = reeksen[reeksen["reeks"] == reeks].sort_values("jaar")
        if r.empty:
            continue
        # a year without law is not plotted (never as zero); a partly computed year is a hollow marker
        volledig = r["niet_berekend_huishoudens"] < 0.5
        y = (r["uitgaven_uitgelijnd"] / 1e9).where(volledig)
        ax.plot(r["jaar"], y, stijl, label=label)
        deels = r[~volledig & (r["uitgaven_model"] > 0)]
        if len(deels):
            ax.plot(
                deels["jaar"],
                deels["uitgaven_uitgelijnd"] / 1e9,
                stijl[-1],
                mfc="none",
                color="#888888",
                label="alleen het berekenbare deel (tabel onvolledig)" if reeks == "wet" else None,
            )
        for _, x in r.iterrows():
            data.append(
                {
                    "reeks": label,
                    "jaar": int(x["jaar"]),
                    "uitgaven_mld_uitgelijnd": x["uitgaven_uitgelijnd"] / 1e9,
                    "niet_berekend_huishoudens": x["niet_berekend_huishoudens"],
                }
            )
    g = reeksen[reeksen["code"].isin(["grensonder_2025", "grensboven_2025"])]
    if len(g) == 2:
        lo, hi = (float(x) / 1e9 for x in g.sort_values("uitgaven_uitgelijnd")["uitgaven_uitgelijnd"])
        ax.vlines(2025, lo, hi, color="#d95f02", lw=3, label="2025: ontbrekende cellen op hun wettelijke grenzen")
        data.append(
            {"reeks": "2025 ondergrens", "jaar": 2025, "uitgaven_mld_uitgelijnd": lo, "niet_berekend_huishoudens": 0}
        )
        data.append(
            {"reeks": "2025 bovengrens", "jaar": 2025, "uitgaven_mld_uitgelijnd": hi, "niet_berekend_huishoudens": 0}
        )
    m = reeksen[reeksen["code"] == "grensmidden_2025"]
    if len(m):
        y = float(m["uitgaven_uitgelijnd"].iloc[0]) / 1e9
        ax.plot([2025], [y], "D", color="#d95f02", mfc="white", ms=7, label="2025: centrale schatting (geen wet)")
        data.append(
            {
                "reeks": "2025 centrale schatting",
                "jaar": 2025,
                "uitgaven_mld_uitgelijnd": y,
                "niet_berekend_huishoudens": 0,
            }
        )
    ax.set_xlabel("jaar (na 2026: geen wet, alleen de projectie en het stelsel 2029)")
    ax.set_ylabel("miljard euro per jaar, lopende prijzen\n(definitief jaarbedrag, uitgelijnd op de begroting 2024)")
    ax.set_ylim(bottom=0)
    nl_assen(ax, "y")
    ax.set_title("Uitgaven aan kinderopvangtoeslag 2024-2030 (na niet-gebruik, statisch)")
    ax.grid(True, color="#dddddd", lw=0.6)
    ax.legend(fontsize=7, loc="lower right")
    return _bewaar(fig, map_, "meerjarig_uitgaven", pd.DataFrame(data), herkomst)


def grafiek_intervallen(iv: pd.DataFrame, map_: Path, herkomst: dict[str, Any]) -> dict[str, str]:
    """Reforms and the 2029 system with their interval: panels of comparable size, each with its own linear axis.
    The bar is the centre of the large population; the dot with whiskers the centre and 5-95 % of the draws."""
    plt = _plt()
    sel = iv[iv["uitkomst"].str.endswith("_uitgelijnd")].copy().reset_index(drop=True)
    sel["label"] = sel["omschrijving"].str.replace(": verandering (uitgelijnd)", "", regex=False)
    klein = sel["centraal"].astype(float).to_numpy() / 1e6
    groot = (
        sel["centraal_grote_populatie"].astype(float).to_numpy() / 1e6
        if "centraal_grote_populatie" in sel and sel["centraal_grote_populatie"].notna().all()
        else None
    )
    p05, p95 = sel["p05"].astype(float).to_numpy() / 1e6, sel["p95"].astype(float).to_numpy() / 1e6
    delen = panelen(groot if groot is not None else klein)
    fig, assen = plt.subplots(
        len(delen),
        1,
        figsize=(8, 1.6 + 0.5 * len(sel) + 0.5 * len(delen)),
        gridspec_kw={"height_ratios": [max(len(p), 1) for p in delen]},
        squeeze=False,
    )
    for ax, idx in zip(assen[:, 0], delen, strict=True):
        y = np.arange(len(idx))
        if groot is not None:
            ax.barh(y, groot[idx], color="#1f6fb2", label="centraal (grote populatie)")
        ax.errorbar(
            klein[idx],
            y,
            xerr=[np.maximum(klein[idx] - p05[idx], 0), np.maximum(p95[idx] - klein[idx], 0)],
            fmt="o",
            color="#333333",
            ms=4,
            capsize=3,
            label="centraal en 5-95 % over de trekkingen (populaties van de Monte Carlo)",
        )
        ax.set_yticks(y, list(sel["label"].iloc[idx]))
        ax.invert_yaxis()
        ax.set_xlim(
            left=min(0.0, float(p05[idx].min())),
            right=max(float(p95[idx].max()), float(groot[idx].max()) if groot is not None else 0) * 1.1,
        )
        ax.grid(True, axis="x", color="#dddddd", lw=0.6)
        nl_assen(ax, "x")
    assen[-1, 0].set_xlabel(
        "miljoen euro per jaar (uitgelijnd, lopende prijzen, lineaire schaal; elk paneel eigen schaal)"
    )
    assen[0, 0].set_title("Hervormingen en stelsel 2029: verandering met onzekerheid")
    handles, labels = assen[0, 0].get_legend_handles_labels()
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.legend(handles, labels, fontsize=7, loc="lower center", ncol=2, frameon=False, bbox_to_anchor=(0.5, 0.02))
    return _bewaar(fig, map_, "intervallen_hervormingen", sel.drop(columns=["label"]), herkomst)


def grafiek_tornado(
    td: pd.DataFrame, uitkomst: str, titel: str, map_: Path, herkomst: dict[str, Any], top: int = 15
) -> dict[str, str]:
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
    nl_assen(ax, "x")
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
    ax.barh(
        y + 0.2,
        d["met_recht_stelsel_werkende_ouders"],
        height=0.4,
        color="#1f6fb2",
        label="met recht, stelsel voor werkende ouders",
    )
    ax.set_xscale("linear")
    ax.set_yticks(y, list(d["doelgroep"]))
    ax.invert_yaxis()
    ax.set_xlabel("huishoudens (gewogen)")
    nl_assen(ax, "x")
    ax.set_title("Stelsel 2029: wie houdt recht? (per doelgroep)")
    ax.legend(fontsize=7, loc="lower right")
    return _bewaar(fig, map_, "stelsel_2029_doelgroepen", d, herkomst)


def _celtekst(x: Any) -> str:
    """A provenance value as the workbook shows it: lists joined with commas, ja/nee, empty for nothing."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return "ja" if x else "nee"
    if isinstance(x, (list, tuple)):
        return ", ".join(_celtekst(v) for v in x)
    return str(x)


def schrijf(
    map_: str | Path,
    tabellen: dict[str, pd.DataFrame],
    herkomst: dict[str, Any],
    grafieken: dict[str, Any],
    overzicht: dict[str, Any],
) -> dict[str, Any]:
    """CSV per table, one xlsx with a sheet per table plus 'lees_mij' and 'herkomst', herkomst.json, overzicht.json."""
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    for naam, df in tabellen.items():
        df.to_csv(map_ / f"{naam}.csv", index=False)
    (map_ / "herkomst.json").write_text(
        json.dumps(herkomst, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    plat = []

    def vlak(prefix: str, x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                vlak(f"{prefix}.{k}" if prefix else str(k), v)
        else:
            plat.append({"onderdeel": prefix, "waarde": _celtekst(x)})

    vlak("", herkomst)
    with pd.ExcelWriter(map_ / "beleidsanalyse.xlsx", engine="openpyxl") as xl:
        pd.DataFrame(LEES_MIJ, columns=["onderwerp", "toelichting"]).to_excel(xl, sheet_name="lees_mij", index=False)
        for naam, df in tabellen.items():
            df.to_excel(xl, sheet_name=naam[:31], index=False)
            xl.sheets[naam[:31]].cell(row=len(df) + 3, column=1, value=BRONREGEL.get(naam, BRONREGEL_STANDAARD))
        pd.DataFrame(plat).to_excel(xl, sheet_name="herkomst", index=False)
    overzicht = {
        **overzicht,
        "herkomst": herkomst,
        "grafieken": grafieken,
        "bestanden": sorted(p.name for p in map_.iterdir()),
    }
    (map_ / "overzicht.json").write_text(
        json.dumps(overzicht, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    return overzicht
