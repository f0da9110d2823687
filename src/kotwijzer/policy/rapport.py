"""Tables, charts and files from a microsimulation result; and `hervorming_overzicht` for the web page.

Non-take-up is applied here, visibly: every table shows the figures 'als iedereen met recht aanvraagt' (exact sums of
the rules core) next to the figures after non-take-up (laag / midden / hoog, per doelgroep, from
`policy/data/populatie_aannames.yaml`). The figures after non-take-up are expectations: the exact sums per cell times
(1 - non-take-up share of the cell's doelgroep).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.formaat import getal
from kotwijzer.policy import populatie as P
from kotwijzer.policy.hervorming import BASIS
from kotwijzer.policy.microsim import SOORTEN, Resultaat

VARIANTEN = ("laag", "midden", "hoog")
GELD = {
    "verandering_berekenbaar",
    "toeslag",
    "toeslag_dagopvang",
    "toeslag_bso",
    "toeslag_gastouder",
    "kosten",
    "werkelijke_kosten",
    "winst",
    "verlies",
    "nieuwe_ontvangers_toeslag",
}
UREN = {"uren", "uren_dagopvang", "uren_bso", "uren_gastouder", "niet_berekenbaar_uren"}
ONGEWOGEN = {"n_huishoudens", "toeslag_ongewogen"}
# entitlement (a legal fact) is not affected by non-take-up
GEEN_NIET_GEBRUIK = {
    "n_huishoudens",
    "huishoudens",
    "met_aanspraak",
    "maanden_aanspraak",
    "nieuwe_aanspraak",
    "toeslag_ongewogen",
    "verliest_aanspraak",
    "niet_berekenbaar",
    "niet_berekenbaar_uren",
    "verandering_onbekend",
}
DECIEL_TEKST = "deciel van het toetsingsinkomen (huishoudens met kinderen tot 12 jaar)"


def _eenheden(df: pd.DataFrame) -> pd.DataFrame:
    """Exact integer cells -> natural units (households, children, euros, hours) as floats."""
    out = pd.DataFrame(index=df.index)
    for k in df.columns:
        v = df[k].astype(np.float64)
        if k in ONGEWOGEN:
            out[k] = v / 100 if k == "toeslag_ongewogen" else v
        elif k in GELD or k in UREN:
            out[k] = v / P.GEWICHT_EENHEID / 100
        else:
            out[k] = v / P.GEWICHT_EENHEID
    return out


def cellen(res: Resultaat, code: str = BASIS, variant: str | None = None) -> pd.DataFrame:
    """Cells in natural units; with `variant` after non-take-up of that variant."""
    df = _eenheden(res.cellen[code])
    if variant is not None:
        fac = 1.0 - res.aannames.niet_gebruik_per_groep(variant)[df.index.get_level_values("groep")]
        for k in df.columns:
            if k not in GEEN_NIET_GEBRUIK:
                df[k] = df[k].to_numpy() * fac
    return df


def per(res: Resultaat, code: str, sleutel: str | None, variant: str | None = None) -> pd.DataFrame:
    """Totals by `sleutel` (or overall). Without non-take-up: the exact integer sums, converted once."""
    if variant is None:
        df = res.cellen[code]
        return _eenheden(df.sum().to_frame().T if sleutel is None else df.groupby(level=sleutel).sum())
    df = cellen(res, code, variant)
    if sleutel is None:
        return df.sum().to_frame().T
    return df.groupby(level=sleutel).sum()


def _label_groep(i: int) -> str:
    return P.GROEP_TEKST[P.GROEPEN[int(i)]]


# ------------------------------------------------------------------------------------------ baseline
INDICATOREN = (
    ("huishoudens", "Huishoudens met kinderen tot 12 jaar", "huishoudens"),
    ("met_aanspraak", "Huishoudens waarvan de ouders voldoen (minstens een maand)", "huishoudens"),
    ("ontvangers", "Huishoudens met kinderopvangtoeslag", "huishoudens"),
    ("kinderen", "Kinderen met kinderopvangtoeslag", "kinderen"),
    ("uren", "Uren opvang met toeslag", "uren per jaar"),
    ("toeslag", "Kinderopvangtoeslag", "euro per jaar"),
    ("kosten", "Kosten tot de maximum uurprijs (uren met toeslag)", "euro per jaar"),
    ("werkelijke_kosten", "Werkelijke kosten van de opvang (alle opgegeven uren)", "euro per jaar"),
)


def basis_totalen(res: Resultaat) -> pd.DataFrame:
    rijen = []
    alle = per(res, BASIS, None).iloc[0]
    varianten = {v: per(res, BASIS, None, v).iloc[0] for v in VARIANTEN}
    for k, naam, eenheid in INDICATOREN:
        rij = {"indicator": naam, "eenheid": eenheid, "iedereen_vraagt_aan": alle[k]}
        for v in VARIANTEN:
            rij[f"na_niet_gebruik_{v}"] = varianten[v][k]
        rijen.append(rij)
    gem = {
        "indicator": "Gemiddelde toeslag per ontvangend huishouden",
        "eenheid": "euro per jaar",
        "iedereen_vraagt_aan": alle["toeslag"] / alle["ontvangers"] if alle["ontvangers"] else 0.0,
    }
    for v in VARIANTEN:
        gem[f"na_niet_gebruik_{v}"] = (
            varianten[v]["toeslag"] / varianten[v]["ontvangers"] if varianten[v]["ontvangers"] else 0.0
        )
    rijen.append(gem)
    return pd.DataFrame(rijen)


def basis_uitsplitsing(res: Resultaat, sleutel: str) -> pd.DataFrame:
    """Baseline by inkomensdeciel, paar or groep: everyone takes up, and after non-take-up (midden)."""
    a = per(res, BASIS, sleutel)
    m = per(res, BASIS, sleutel, "midden")
    out = pd.DataFrame(
        {
            "huishoudens": a["huishoudens"],
            "met_aanspraak": a["met_aanspraak"],
            "ontvangers_iedereen": a["ontvangers"],
            "ontvangers_na_niet_gebruik": m["ontvangers"],
            "kinderen_na_niet_gebruik": m["kinderen"],
            "uren_na_niet_gebruik": m["uren"],
            "toeslag_iedereen": a["toeslag"],
            "toeslag_na_niet_gebruik": m["toeslag"],
            "gemiddeld_per_ontvanger": (a["toeslag"] / a["ontvangers"].where(a["ontvangers"] > 0)).fillna(0.0),
        }
    )
    out.index = [_sleutel_label(sleutel, i) for i in out.index]
    out.index.name = {"inkomensdeciel": "deciel", "paar": "huishouden", "groep": "doelgroep"}[sleutel]
    return out


def _sleutel_label(sleutel: str, i) -> str:
    if sleutel == "paar":
        return "paar" if int(i) else "eenouder"
    if sleutel == "groep":
        return _label_groep(i)
    return str(int(i))


def basis_per_opvangsoort(res: Resultaat) -> pd.DataFrame:
    a = per(res, BASIS, None).iloc[0]
    m = per(res, BASIS, None, "midden").iloc[0]
    rijen = []
    for _, naam in SOORTEN:
        tekst = {"dagopvang": "dagopvang", "bso": "buitenschoolse opvang", "gastouder": "gastouderopvang"}[naam]
        rijen.append(
            {
                "opvangsoort": tekst,
                "kinderen_iedereen": a[f"kinderen_{naam}"],
                "kinderen_na_niet_gebruik": m[f"kinderen_{naam}"],
                "uren_na_niet_gebruik": m[f"uren_{naam}"],
                "toeslag_iedereen": a[f"toeslag_{naam}"],
                "toeslag_na_niet_gebruik": m[f"toeslag_{naam}"],
            }
        )
    return pd.DataFrame(rijen).set_index("opvangsoort")


def vergelijking_begroting(res: Resultaat) -> dict[str, Any]:
    beg = P.kalibratie_doelen()["begroting"].get(res.jaar)
    alle = per(res, BASIS, None).iloc[0]["toeslag"]
    varianten = {v: float(per(res, BASIS, None, v).iloc[0]["toeslag"]) for v in VARIANTEN}
    out: dict[str, Any] = {
        "jaar": res.jaar,
        "gesimuleerd_iedereen": float(alle),
        "gesimuleerd_na_niet_gebruik": varianten,
        "tabel_status": res.meta.get("tabel_status"),
        "toeslag_deel_van_kosten": float(
            per(res, BASIS, None, "midden").iloc[0]["toeslag"] / per(res, BASIS, None, "midden").iloc[0]["kosten"]
        ),
    }
    if beg:
        out.update(
            begroting=float(beg["bedrag"]),
            stand=beg["stand"],
            bron=beg["bron"],
            verschil_midden=varianten["midden"] - float(beg["bedrag"]),
            verschil_midden_pct=(varianten["midden"] - float(beg["bedrag"])) / float(beg["bedrag"]),
        )
    out["verklaring"] = verklaring_begroting(out)
    return out


def verklaring_begroting(v: dict[str, Any]) -> list[str]:
    """Dutch (B1) explanation of the difference between the simulated baseline and the budget."""
    regels = []
    if "begroting" in v:
        regels.append(
            f"De begroting ({v['stand']}) noemt {_mld(v['begroting'])} voor {v['jaar']}. kotwijzer komt na niet-gebruik "
            f"(midden) op {_mld(v['gesimuleerd_na_niet_gebruik']['midden'])} ({v['verschil_midden_pct']:+.0%}); als "
            f"iedereen met recht aanvraagt op {_mld(v['gesimuleerd_iedereen'])}."
        )
    regels += [
        "Niet-gebruik: de begroting telt alleen wat werkelijk wordt uitbetaald. Het niet-gebruik is een aanname "
        f"(laag {_mld(v['gesimuleerd_na_niet_gebruik']['laag'])}, hoog {_mld(v['gesimuleerd_na_niet_gebruik']['hoog'])}).",
        "Inkomen: er is geen verdeling van huishoudens over het toetsingsinkomen gevonden. De populatie zet het "
        "inkomen van paren op het CBS-inkomen van 2020, opgehoogd met de lonen en omgerekend met een factor 0,82 "
        "(bereik 0,75-0,95). Een lager toetsingsinkomen geeft hogere percentages en dus hogere uitgaven. De toeslag "
        f"is in de populatie {v['toeslag_deel_van_kosten']:.0%} van de kosten (tot de maximum uurprijs), tegen ongeveer "
        "72% bij CBS in 2021 (controle C17): de inkomens van de ontvangers liggen in de populatie waarschijnlijk te hoog.",
        "Gewichten: de weging maakt het aantal kinderen met KOT per opvangsoort gelijk aan de CBS-telling (2023, "
        "voor 2024 doorgetrokken), maar de uren per kind en de uurprijzen volgen uit de generator (controles C02-C08).",
        "Jaar en bedrag: de begroting is een raming (stand 1e suppletoire begroting) en een kasbedrag (voorschotten "
        "in het jaar); kotwijzer berekent de definitieve toeslag over het jaar. Terugvorderingen en nabetalingen "
        "over eerdere jaren zitten wel in de kas, niet in kotwijzer.",
    ]
    if v.get("tabel_status") and v["tabel_status"] != "definitief":
        regels.append(
            f"De tabel met percentages voor {v['jaar']} heeft in kotwijzer de status '{v['tabel_status']}' (voorlopig): "
            "alle bedragen zijn voorlopig."
        )
    return regels


def _mld(x: float) -> str:
    return f"€ {getal(x / 1e9, 2, nullen='vast', duizendtallen=False)} mld"


def _mln(x: float) -> str:
    return f"€ {getal(x / 1e6, 1, nullen='vast')} mln"


# ------------------------------------------------------------------------------------------ reforms
def hervormingen_samenvatting(res: Resultaat) -> pd.DataFrame:
    basis = per(res, BASIS, None).iloc[0]
    basis_v = {v: per(res, BASIS, None, v).iloc[0] for v in VARIANTEN}
    rijen = []
    for h in res.hervormingen:
        a = per(res, h.code, None).iloc[0]
        rij = {
            "code": h.code,
            "naam": h.naam,
            "uitgaven_iedereen": a["toeslag"],
            "verandering_iedereen": a["toeslag"] - basis["toeslag"],
        }
        for v in VARIANTEN:
            rij[f"verandering_na_niet_gebruik_{v}"] = (
                per(res, h.code, None, v).iloc[0]["toeslag"] - basis_v[v]["toeslag"]
            )
        m = per(res, h.code, None, "midden").iloc[0]
        rij.update(
            nieuwe_aanspraak=a["nieuwe_aanspraak"],
            nieuwe_ontvangers_iedereen=a["nieuwe_ontvangers"],
            nieuwe_ontvangers_na_niet_gebruik=m["nieuwe_ontvangers"],
            winnaars=a["winnaars"],
            verliezers=a["verliezers"],
            gemiddelde_winst=a["winst"] / a["winnaars"] if a["winnaars"] else 0.0,
            gemiddeld_verlies=a["verlies"] / a["verliezers"] if a["verliezers"] else 0.0,
            geen_ontvanger_meer=a["geen_ontvanger_meer"],
        )
        rijen.append(rij)
    return pd.DataFrame(rijen)


def hervorming_per_deciel(res: Resultaat, code: str) -> pd.DataFrame:
    a = per(res, code, "inkomensdeciel")
    m = per(res, code, "inkomensdeciel", "midden")
    b = per(res, BASIS, "inkomensdeciel")
    bm = per(res, BASIS, "inkomensdeciel", "midden")
    out = pd.DataFrame(
        {
            "huishoudens": a["huishoudens"],
            "winnaars": a["winnaars"],
            "verliezers": a["verliezers"],
            "gemiddelde_winst": (a["winst"] / a["winnaars"].where(a["winnaars"] > 0)).fillna(0.0),
            "gemiddeld_verlies": (a["verlies"] / a["verliezers"].where(a["verliezers"] > 0)).fillna(0.0),
            "verandering_iedereen": a["toeslag"] - b["toeslag"],
            "verandering_na_niet_gebruik": m["toeslag"] - bm["toeslag"],
            "nieuwe_ontvangers": a["nieuwe_ontvangers"],
        }
    )
    out.index = [str(int(i)) for i in out.index]
    out.index.name = "deciel"
    return out


def hervorming_per_groep(res: Resultaat, code: str) -> pd.DataFrame:
    a = per(res, code, "groep")
    m = per(res, code, "groep", "midden")
    b = per(res, BASIS, "groep")
    bm = per(res, BASIS, "groep", "midden")
    out = pd.DataFrame(
        {
            "nieuwe_aanspraak": a["nieuwe_aanspraak"],
            "nieuwe_ontvangers_iedereen": a["nieuwe_ontvangers"],
            "nieuwe_ontvangers_na_niet_gebruik": m["nieuwe_ontvangers"],
            "winnaars": a["winnaars"],
            "verandering_iedereen": a["toeslag"] - b["toeslag"],
            "verandering_na_niet_gebruik": m["toeslag"] - bm["toeslag"],
            "niet_gebruik_midden": res.aannames.niet_gebruik_per_groep("midden")[a.index.to_numpy()],
        }
    )
    out.index = [_label_groep(i) for i in out.index]
    out.index.name = "doelgroep"
    return out


def hervorming_per_huishoudtype(res: Resultaat, code: str) -> pd.DataFrame:
    a = per(res, code, "paar")
    b = per(res, BASIS, "paar")
    out = pd.DataFrame(
        {
            "nieuwe_ontvangers": a["nieuwe_ontvangers"],
            "winnaars": a["winnaars"],
            "verliezers": a["verliezers"],
            "verandering_iedereen": a["toeslag"] - b["toeslag"],
        }
    )
    out.index = ["paar" if int(i) else "eenouder" for i in out.index]
    out.index.name = "huishouden"
    return out


# ------------------------------------------------------------------------------------------ charts
def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "kotwijzer"
    plt.rcParams["font.size"] = 11
    return plt


def _nl_assen(*axes, assen: str = "xy") -> None:
    from kotwijzer.policy.uitvoer import nl_assen

    for ax in axes:
        nl_assen(ax, assen)


def _bewaar(fig, map_: Path, naam: str, data: pd.DataFrame) -> dict[str, str]:
    map_.mkdir(parents=True, exist_ok=True)
    fig.savefig(map_ / f"{naam}.png", dpi=120, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(map_ / f"{naam}.svg", bbox_inches="tight", metadata={"Date": None})
    data.to_csv(map_ / f"{naam}.csv")
    _plt().close(fig)
    return {"png": f"{naam}.png", "svg": f"{naam}.svg", "csv": f"{naam}.csv"}


def _voetnoot_tekst(res: Resultaat, extra: str = "") -> str:
    st = res.meta.get("tabel_status")
    n = res.meta.get("huishoudens_synthetisch")
    tekst = f"kotwijzer, synthetische populatie {res.jaar}" + (f" ({getal(n, 0)} huishoudens)" if n else "")
    if st and st not in ("final", "definitief"):
        tekst += f"; tabel {res.jaar}: " + {"provisional": "voorlopig"}.get(st, st)
    tekst += "; model, niet uitgelijnd; lopende prijzen"
    if extra:
        tekst += f"; {extra}"
    return tekst


def _voetnoot(ax, res: Resultaat, extra: str = "", onder: int = 40) -> None:
    tekst = _voetnoot_tekst(res, extra)
    ax.annotate(
        tekst,
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -onder),
        textcoords="offset points",
        fontsize=7,
        color="#555555",
        ha="left",
        va="top",
    )


def grafiek_hervormingen(res: Resultaat, map_: Path) -> dict[str, str]:
    plt = _plt()
    s = hervormingen_samenvatting(res).reset_index(drop=True)
    data = s.set_index("code")[
        [
            "naam",
            "verandering_iedereen",
            "verandering_na_niet_gebruik_laag",
            "verandering_na_niet_gebruik_midden",
            "verandering_na_niet_gebruik_hoog",
        ]
    ]
    mid = s["verandering_na_niet_gebruik_midden"].to_numpy(float) / 1e6
    from kotwijzer.policy.uitvoer import panelen as _panelen

    panelen = _panelen(mid)
    # separate panels, each with its own linear axis (never a log axis for money)
    fig, assen = plt.subplots(
        len(panelen),
        1,
        figsize=(8, 1.4 + 0.55 * len(s) + 0.5 * len(panelen)),
        gridspec_kw={"height_ratios": [max(len(p), 1) for p in panelen]},
        squeeze=False,
    )
    for ax, idx in zip(assen[:, 0], panelen, strict=True):
        d = s.iloc[idx]
        y = np.arange(len(d))
        m = d["verandering_na_niet_gebruik_midden"].to_numpy(float) / 1e6
        lo = (
            d[["verandering_na_niet_gebruik_laag", "verandering_na_niet_gebruik_hoog"]].min(axis=1).to_numpy(float)
            / 1e6
        )
        hi = (
            d[["verandering_na_niet_gebruik_laag", "verandering_na_niet_gebruik_hoog"]].max(axis=1).to_numpy(float)
            / 1e6
        )
        ied = d["verandering_iedereen"].to_numpy(float) / 1e6
        ax.barh(y, m, color="#1f6fb2", label="na niet-gebruik (midden)")
        ax.errorbar(
            m, y, xerr=[m - lo, hi - m], fmt="none", ecolor="#333333", capsize=3, label="niet-gebruik laag-hoog"
        )
        ax.scatter(ied, y, marker="|", s=200, color="#d95f02", label="als iedereen aanvraagt", zorder=3)
        rechts = max(float(hi.max()), float(ied.max()), 0.1) * 1.35
        for yi, x, r in zip(y, m, np.maximum(hi, ied), strict=True):
            ax.annotate(
                getal(x, 1, nullen="vast"),
                (max(x, r), yi),
                xytext=(6, 0),
                textcoords="offset points",
                fontsize=9,
                color="#1f6fb2",
                va="center",
            )
        ax.set_yticks(y, [f"{c} {n}" for c, n in zip(d["code"], d["naam"], strict=True)])
        ax.invert_yaxis()
        ax.set_xlim(left=min(0.0, float(lo.min())), right=rechts)
        ax.grid(True, axis="x", color="#dddddd", lw=0.6)
        _nl_assen(ax, assen="x")
    onderste = assen[-1, 0]
    onderste.set_xlabel("verandering van de uitgaven (miljoen euro per jaar, model, niet uitgelijnd)")
    titel = f"Hervormingen: verandering van de uitgaven aan kinderopvangtoeslag ({res.jaar})"
    if len(panelen) > 1:
        titel += "\nelk paneel met een eigen schaal"
    assen[0, 0].set_title(titel)
    handles, labels = assen[0, 0].get_legend_handles_labels()
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    fig.legend(handles, labels, fontsize=9, loc="lower center", ncol=3, frameon=False, bbox_to_anchor=(0.5, 0.03))
    fig.text(0.01, 0.0, _voetnoot_tekst(res), fontsize=7, color="#555555", ha="left", va="bottom")
    return _bewaar(fig, map_, "hervormingen_uitgaven", data)


def grafieken_hervorming(res: Resultaat, code: str, map_: Path) -> dict[str, dict[str, str]]:
    plt = _plt()
    out = {}
    naam = next(h.naam for h in res.hervormingen if h.code == code)
    d = hervorming_per_deciel(res, code)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.bar(d.index, d["verandering_na_niet_gebruik"] / 1e6, color="#1f6fb2", label="na niet-gebruik (midden)")
    ax.plot(d.index, d["verandering_iedereen"] / 1e6, "o", color="#d95f02", label="als iedereen aanvraagt")
    ax.set_xlabel(DECIEL_TEKST)
    ax.set_ylabel("miljoen euro per jaar")
    ax.set_title(f"{code} {naam}:\nverandering van de uitgaven per inkomensdeciel")
    ax.axhline(0, color="#888888", lw=0.8)
    ax.set_xticks(d.index)
    _nl_assen(ax, assen="y")
    ax.legend(fontsize=9)
    _voetnoot(ax, res)
    out["uitgaven_per_deciel"] = _bewaar(
        fig, map_, f"{code}_uitgaven_per_deciel", d[["verandering_iedereen", "verandering_na_niet_gebruik"]]
    )

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4.2))
    ax1.bar(d.index, d["winnaars"] / 1000, color="#1b9e77", label="vooruit")
    ax1.bar(d.index, -d["verliezers"] / 1000, color="#d95f02", label="achteruit")
    ax1.axhline(0, color="#888888", lw=0.8)
    ax1.set_xlabel("inkomensdeciel")
    ax1.set_ylabel("duizend huishoudens")
    ax1.set_title("Huishoudens: vooruit en achteruit")
    ax1.legend(fontsize=9)
    ax2.bar(d.index, d["gemiddelde_winst"], color="#1b9e77", label="gemiddeld erbij")
    ax2.bar(d.index, d["gemiddeld_verlies"], color="#d95f02", label="gemiddeld eraf")
    ax2.axhline(0, color="#888888", lw=0.8)
    ax2.set_xlabel("inkomensdeciel")
    ax2.set_ylabel("euro per jaar per huishouden")
    ax2.set_title("Gemiddelde verandering")
    ax2.legend(fontsize=9)
    _nl_assen(ax1, ax2, assen="y")
    fig.suptitle(f"{code} {naam}:\nwie gaat erop vooruit, wie achteruit (als iedereen aanvraagt)", y=1.0)
    fig.tight_layout(rect=(0, 0, 1, 0.92))
    _voetnoot(ax1, res)
    out["winnaars_verliezers_per_deciel"] = _bewaar(
        fig,
        map_,
        f"{code}_winnaars_verliezers_per_deciel",
        d[["winnaars", "verliezers", "gemiddelde_winst", "gemiddeld_verlies"]],
    )

    g = hervorming_per_groep(res, code)
    g = g[(g["nieuwe_ontvangers_iedereen"] > 0) | (g["winnaars"] > 0)]
    fig, ax = plt.subplots(figsize=(7, 1.8 + 0.45 * max(len(g), 1)))
    y = np.arange(len(g))
    ax.barh(
        y - 0.2,
        g["nieuwe_ontvangers_iedereen"],
        height=0.4,
        color="#bbbbbb",
        label="nieuwe ontvangers, als iedereen aanvraagt",
    )
    ax.barh(
        y + 0.2, g["nieuwe_ontvangers_na_niet_gebruik"], height=0.4, color="#1f6fb2", label="na niet-gebruik (midden)"
    )
    ax.set_yticks(y, list(g.index))
    ax.invert_yaxis()
    ax.set_xlabel("huishoudens")
    _nl_assen(ax, assen="x")
    ax.set_title(f"{code} {naam}:\nnieuwe ontvangers per doelgroep")
    ax.set_xlim(right=max(float(g["nieuwe_ontvangers_iedereen"].max()) if len(g) else 1.0, 1.0) * 1.6)
    ax.legend(fontsize=9, loc="lower right")
    if len(g) == 0:
        ax.text(0.5, 0.5, "geen nieuwe ontvangers", ha="center", va="center", transform=ax.transAxes)
    _voetnoot(ax, res)
    out["nieuwe_ontvangers_per_doelgroep"] = _bewaar(fig, map_, f"{code}_nieuwe_ontvangers_per_doelgroep", g)
    return out


def grafieken_basis(res: Resultaat, map_: Path) -> dict[str, dict[str, str]]:
    plt = _plt()
    out = {}
    d = basis_uitsplitsing(res, "inkomensdeciel")
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.bar(d.index, d["toeslag_na_niet_gebruik"] / 1e6, color="#1f6fb2", label="na niet-gebruik (midden)")
    ax.plot(d.index, d["toeslag_iedereen"] / 1e6, "o", color="#d95f02", label="als iedereen aanvraagt")
    ax.set_xlabel(DECIEL_TEKST)
    ax.set_ylabel("miljoen euro per jaar")
    ax.set_title(f"Kinderopvangtoeslag per inkomensdeciel ({res.jaar}, huidige wet)")
    ax.set_xticks(d.index)
    _nl_assen(ax, assen="y")
    ax.legend(fontsize=9)
    _voetnoot(ax, res)
    out["uitgaven_per_deciel"] = _bewaar(fig, map_, "basis_uitgaven_per_deciel", d)
    s = basis_per_opvangsoort(res)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.bar(s.index, s["toeslag_na_niet_gebruik"] / 1e6, color="#1f6fb2", label="na niet-gebruik (midden)")
    ax.plot(s.index, s["toeslag_iedereen"] / 1e6, "o", color="#d95f02", label="als iedereen aanvraagt")
    ax.set_ylabel("miljoen euro per jaar")
    ax.set_title(f"Kinderopvangtoeslag per opvangsoort ({res.jaar}, huidige wet)")
    _nl_assen(ax, assen="y")
    ax.legend(fontsize=9)
    _voetnoot(ax, res)
    out["uitgaven_per_opvangsoort"] = _bewaar(fig, map_, "basis_uitgaven_per_opvangsoort", s)
    return out


# ------------------------------------------------------------------------------------------ files
def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    df = df.reset_index() if df.index.name else df
    return json.loads(df.to_json(orient="records", double_precision=6, force_ascii=False))


def _algemeen(res: Resultaat) -> dict[str, Any]:
    st = res.meta.get("tabel_status")
    waarschuwingen = []
    if st and st not in ("definitief", "final"):
        status = {"provisional": "voorlopig", "voorlopig": "voorlopig", "onvolledig": "onvolledig"}.get(st, st)
        waarschuwingen.append(
            f"De tabel met percentages voor {res.jaar} is {status}. Alle bedragen zijn daarom {status}."
            if status == "voorlopig"
            else f"De tabel met percentages voor {res.jaar} is {status}: wat niet te berekenen is, is niet meegeteld."
        )
    waarschuwingen.append(
        "De bedragen zijn de uitkomst van het model, niet uitgelijnd op de begroting; statisch (geen gedragsreactie); "
        "lopende prijzen van het jaar."
    )
    if res.meta.get("populatie", {}).get("waarschuwing"):
        waarschuwingen.append(res.meta["populatie"]["waarschuwing"])
    return {
        "jaar": res.jaar,
        "tabel_status": st,
        "waarschuwingen": waarschuwingen,
        "populatie": res.meta.get("populatie", {}),
        "run": {
            k: res.meta.get(k)
            for k in (
                "modus",
                "partities",
                "seconden",
                "huishoudens_synthetisch",
                "huishoudjaren",
                "huishoudjaren_per_seconde",
            )
        },
        "niet_gebruik": {g: {v: res.aannames.niet_gebruik()[g][v] for v in VARIANTEN} for g in P.GROEPEN},
        "eenheden": "bedragen in euro per jaar; aantallen gewogen (huishoudens of kinderen); uren per jaar",
    }


def schrijf_basis(res: Resultaat, map_: str | Path) -> dict[str, Any]:
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    tabellen = {
        "totalen": basis_totalen(res),
        "per_deciel": basis_uitsplitsing(res, "inkomensdeciel"),
        "per_huishoudtype": basis_uitsplitsing(res, "paar"),
        "per_doelgroep": basis_uitsplitsing(res, "groep"),
        "per_opvangsoort": basis_per_opvangsoort(res),
    }
    for naam, df in tabellen.items():
        df.to_csv(map_ / f"basis_{naam}.csv", index=naam != "totalen")
    res.cellen[BASIS].to_csv(map_ / "cellen_basis.csv")
    overzicht = {
        **_algemeen(res),
        "basis": {naam: _records(df) for naam, df in tabellen.items()},
        "begroting": vergelijking_begroting(res),
        "grafieken": grafieken_basis(res, map_),
    }
    (map_ / "overzicht_basis.json").write_text(json.dumps(overzicht, ensure_ascii=False, indent=1), encoding="utf-8")
    return overzicht


def schrijf_hervormingen(res: Resultaat, map_: str | Path) -> dict[str, Any]:
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    samen = hervormingen_samenvatting(res)
    samen.to_csv(map_ / "hervormingen_samenvatting.csv", index=False)
    res.cellen[BASIS].to_csv(map_ / "cellen_basis.csv")
    herv = []
    for h in res.hervormingen:
        res.cellen[h.code].to_csv(map_ / f"cellen_{h.code}.csv")
        tab = {
            "per_deciel": hervorming_per_deciel(res, h.code),
            "per_doelgroep": hervorming_per_groep(res, h.code),
            "per_huishoudtype": hervorming_per_huishoudtype(res, h.code),
        }
        for naam, df in tab.items():
            df.to_csv(map_ / f"{h.code}_{naam}.csv")
        herv.append(
            {
                "code": h.code,
                "naam": h.naam,
                "omschrijving": h.omschrijving,
                "bron": h.bron,
                "wet": h.wet,
                "verwachting": h.verwachting,
                "bestand": h.bestand,
                "wijziging": {"wijzigingen": h.wijzigingen, "tabel": h.tabel, "maximum_uurprijs": h.maximum_uurprijs},
                "samenvatting": _records(samen[samen["code"] == h.code])[0],
                "tabellen": {naam: _records(df) for naam, df in tab.items()},
                "grafieken": grafieken_hervorming(res, h.code, map_),
            }
        )
    overzicht = {
        **_algemeen(res),
        "basis": {"totalen": _records(basis_totalen(res)), "begroting": vergelijking_begroting(res)},
        "samenvatting": _records(samen),
        "grafieken": {"uitgaven_per_hervorming": grafiek_hervormingen(res, map_)} if res.hervormingen else {},
        "hervormingen": herv,
    }
    (map_ / "overzicht.json").write_text(json.dumps(overzicht, ensure_ascii=False, indent=1), encoding="utf-8")
    return overzicht


def hervorming_overzicht(bron: Resultaat | str | Path, code: str | None = None) -> dict[str, Any]:
    """Everything a web page needs to show the reform results: tables as lists of records and the charts as paths
    relative to the output folder (PNG, SVG and the CSV behind each chart).

    bron: an output folder written by `kotwijzer beleid hervorming --uitvoer MAP` (reads its `overzicht.json`; nothing
    is computed), or a `Resultaat` (tables only: `grafieken` is empty because no files were written).
    code: only this reform (for example 'R1'); default all."""
    if isinstance(bron, Resultaat):
        samen = hervormingen_samenvatting(bron)
        overzicht = {
            **_algemeen(bron),
            "basis": {"totalen": _records(basis_totalen(bron)), "begroting": vergelijking_begroting(bron)},
            "samenvatting": _records(samen),
            "grafieken": {},
            "hervormingen": [
                {
                    "code": h.code,
                    "naam": h.naam,
                    "omschrijving": h.omschrijving,
                    "bron": h.bron,
                    "wet": h.wet,
                    "verwachting": h.verwachting,
                    "samenvatting": _records(samen[samen["code"] == h.code])[0],
                    "tabellen": {
                        "per_deciel": _records(hervorming_per_deciel(bron, h.code)),
                        "per_doelgroep": _records(hervorming_per_groep(bron, h.code)),
                        "per_huishoudtype": _records(hervorming_per_huishoudtype(bron, h.code)),
                    },
                    "grafieken": {},
                }
                for h in bron.hervormingen
            ],
        }
    else:
        pad = Path(bron) / "overzicht.json"
        if not pad.exists():
            raise FileNotFoundError(
                f"{pad} bestaat niet. Maak de uitvoer eerst met: kotwijzer beleid hervorming alle --uitvoer {Path(bron)}"
            )
        overzicht = json.loads(pad.read_text(encoding="utf-8"))
    if code is not None:
        overzicht = dict(overzicht)
        overzicht["hervormingen"] = [h for h in overzicht["hervormingen"] if h["code"] == code]
        overzicht["samenvatting"] = [r for r in overzicht["samenvatting"] if r["code"] == code]
        if not overzicht["hervormingen"]:
            raise KeyError(f"Hervorming {code} staat niet in deze uitvoer.")
    return overzicht
