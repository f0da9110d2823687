"""The policy analysis as a whole (`kotwijzer beleid analyse`): aligned multi-year baseline, reforms and the 2029 system
as deltas on it, reconciliation with published figures, and the tables of a budget note.

**Alignment.** The model's 2024 baseline (after central non-take-up) is put on the budget for 2024 (stand 1e
suppletoire begroting, EUR 4.679.055.000, Rijksbegroting SZW 2024, 1e suppletoire begroting, art. 7; the
`begroting` of kalibratie_doelen.yaml) with one explicit factor:
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

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.formaat import getal
from kotwijzer.policy import populatie as P
from kotwijzer.policy.meerjarig import STELSEL_JAAR, Meerjarig

EENHEID = 10_000 * 100  # cells: weight 1/10,000 household x cents
UITLIJNJAAR = 2024
VARIANTEN = ("laag", "midden", "hoog")


def bedrag(df: pd.DataFrame, kolom: str = "toeslag", variant: str | None = "midden", *, aannames: P.Aannames) -> float:
    """Euros (or the natural unit) of a cell table, after non-take-up of `variant` in `aannames` (None: everyone
    takes up)."""
    x = df[kolom].to_numpy(dtype=np.float64)
    if variant is not None:
        x = x * (1.0 - aannames.niet_gebruik_per_groep(variant)[df.index.get_level_values("groep")])
    return float(x.sum()) / EENHEID


def aantal(df: pd.DataFrame, kolom: str, variant: str | None = None, *, aannames: P.Aannames) -> float:
    """Households (or children) of a cell table, after non-take-up of `variant` in `aannames` (None: everyone)."""
    x = df[kolom].to_numpy(dtype=np.float64)
    if variant is not None:
        x = x * (1.0 - aannames.niet_gebruik_per_groep(variant)[df.index.get_level_values("groep")])
    return float(x.sum()) / 10_000


def begroting(jaar: int = UITLIJNJAAR) -> dict[str, Any]:
    b = P.kalibratie_doelen()["begroting"][jaar]
    return {"jaar": jaar, "bedrag": float(b["bedrag"]), "stand": b["stand"], "bron": b["bron"]}


def kasbrug_aandeel() -> float:
    """Share of the cash expenditure that comes back as terugvorderingen (terugontvangsten KOT / uitgaven KOT,
    Rijksbegroting 2022; gepubliceerde_cijfers.yaml). The budget books advances and back payments as expenditure and
    recoveries as receipts; the model computes the final amount of a year, which in a year without growth is about
    the cash expenditure minus the recoveries."""
    t = P.gepubliceerde_cijfers()["terugontvangsten_kot_2022"]
    return float(t["mln"]) / float(t["uitgaven_mln"])


def uitlijning(model_euro: float, jaar: int = UITLIJNJAAR) -> dict[str, Any]:
    """The alignment of the baseline: the model's final amount of `jaar` against the final amount the budget implies
    (cash budget minus the bridge of recoveries), one factor. The cash budget is the aligned amount plus the bridge."""
    b = begroting(jaar)
    if model_euro <= 0:
        raise ValueError("De basis heeft geen uitgaven; uitlijnen kan niet.")
    aandeel = kasbrug_aandeel()
    jaarbedrag = b["bedrag"] * (1 - aandeel)
    factor = jaarbedrag / model_euro
    return {
        **b,
        "model": model_euro,
        "kasbrug_aandeel": aandeel,
        "kasbrug": b["bedrag"] - jaarbedrag,
        "jaarbedrag": jaarbedrag,
        "factor": factor,
        "factor_tegen_kas": b["bedrag"] / model_euro,
        "uitgelijnd": model_euro * factor,
        "verschil_model_pct": (model_euro - jaarbedrag) / jaarbedrag,
    }


# ------------------------------------------------------------------------------------------ budget-note tables
def reeksen(mj: Meerjarig, factor: float) -> pd.DataFrame:
    """One row per scenario series and year: amounts (unaligned and aligned, after central non-take-up, and as if
    everyone applied), the delta against its base, and what could not be computed."""
    a = mj.aannames
    rijen = []
    for s in mj.scenarios:
        df = mj.cellen[s.code]
        m = bedrag(df, aannames=a)
        rij = {
            "code": s.code,
            "reeks": s.code.rsplit("_", 1)[0],
            "naam": s.naam,
            "jaar": s.jaar,
            "soort": s.soort,
            "basis": s.basis or "",
            "uitgaven_model": m,
            "uitgaven_uitgelijnd": m * factor,
            "uitgaven_iedereen_model": bedrag(df, variant=None, aannames=a),
            "uitgaven_laag_model": bedrag(df, variant="laag", aannames=a),
            "uitgaven_hoog_model": bedrag(df, variant="hoog", aannames=a),
            "ontvangers": aantal(df, "ontvangers", "midden", aannames=a),
            "niet_berekend_huishoudens": aantal(df, "niet_berekenbaar", aannames=a),
            "niet_berekend_uren": aantal(df, "niet_berekenbaar_uren", aannames=a) / 100,
        }
        if s.basis:
            # the change over households whose amount is known in both scenarios (never a partial amount)
            d = bedrag(df, "verandering_berekenbaar", aannames=a)
            rij.update(
                verandering_model=d,
                verandering_uitgelijnd=d * factor,
                verandering_iedereen_model=bedrag(df, "verandering_berekenbaar", None, aannames=a),
                verandering_laag_model=bedrag(df, "verandering_berekenbaar", "laag", aannames=a),
                verandering_hoog_model=bedrag(df, "verandering_berekenbaar", "hoog", aannames=a),
                verandering_niet_berekend_huishoudens=aantal(df, "verandering_onbekend", aannames=a),
                verliest_aanspraak=aantal(df, "verliest_aanspraak", aannames=a),
                nieuwe_aanspraak=aantal(df, "nieuwe_aanspraak", aannames=a),
            )
        rijen.append(rij)
    return pd.DataFrame(rijen)


PRIJSNIVEAU = "lopende prijzen van elk jaar (nominaal)"
BRON_BUDGETTABEL = (
    "Bron: kotwijzer-microsimulatie (synthetische populatie 2024, gewogen naar CBS en SZW; regels en tabellen van elk "
    "jaar); uitgelijnd op Rijksbegroting SZW 2024, art. 7, stand 1e suppletoire begroting, min de terugontvangsten "
    "(Rijksbegroting 2022); ingroeipad: Voorjaarsnota 2025. Statisch, na niet-gebruik (midden)."
)


def _afronden(waarden: dict[int, float]) -> tuple[dict[int, float], str]:
    """A row of the budget table (x EUR 1 mln per year) rounded to EUR 5 mln (half away from zero). A row in which an
    effect would show as 0 in some year keeps one decimal in every year, with one flag, so that a small effect does
    not jump from 2,4 to 5 between two years."""
    geldig = [x for x in waarden.values() if x == x]
    klein = any(abs(x) < 2.5 and abs(x) >= 0.05 for x in geldig)
    if klein:
        return {j: (round(x, 1) if x == x else x) for j, x in waarden.items()}, (
            "kleine bedragen: de hele regel op EUR 0,1 mln (afgerond op EUR 5 mln zou een jaar 0 tonen)"
        )
    return {
        j: (float(Decimal(str(x / 5)).to_integral_value(ROUND_HALF_UP) * 5) if x == x else x)
        for j, x in waarden.items()
    }, ""


Regel = tuple[str, str, dict[int, float], dict[int, str]]  # label, kind, value per year, flag per year


def _reeks(per: pd.DataFrame, jaren: list[int], prefix: str, kolom: str) -> tuple[dict[int, float], dict[int, str]]:
    """One series of the budget table, x EUR 1 mln per year (`kolom` of the scenarios `prefix`_year). A year in which
    households could not be computed gets a flag instead of a number (never a partial amount)."""
    v: dict[int, float] = {}
    k: dict[int, str] = {}
    for j in jaren:
        code = f"{prefix}_{j}"
        if code not in per.index:
            continue
        x = per.loc[code]
        onb = (
            x["verandering_niet_berekend_huishoudens"]
            if kolom.startswith("verandering")
            else x["niet_berekend_huishoudens"]
        )
        if onb >= 0.5:
            k[j] = "niet berekenbaar: geen wet in kotwijzer" if x["uitgaven_model"] == 0 else "deels berekenbaar"
            continue
        v[j] = float(x[kolom]) / 1e6
    return v, k


def _budgetregels(r: pd.DataFrame, uitl: dict[str, Any] | None) -> list[Regel]:
    """The rows of the budget table, unrounded, x EUR 1 mln: (label, kind, value per year, flag per year)."""
    jaren = sorted(int(j) for j in r["jaar"].unique())
    per = r.set_index("code")
    wet, wk = _reeks(per, jaren, "wet", "uitgaven_uitgelijnd")
    if "grensmidden_2025" in per.index:
        wet[2025] = float(per.loc["grensmidden_2025", "uitgaven_uitgelijnd"]) / 1e6
        wk[2025] = "centrale schatting: ontbrekende cellen van de tabel 2025 geschat (zie de grensrijen)"
    out: list[Regel] = [("Uitgaven volgens de wet van het jaar, definitief jaarbedrag (uitgelijnd)", "niveau", wet, wk)]
    for g, tekst in (("onder", "ondergrens"), ("boven", "bovengrens")):
        if f"grens{g}_2025" in per.index:
            out.append(
                (
                    f"Wet 2025 met de ontbrekende cellen op hun wettelijke {tekst} (uitgelijnd)",
                    "niveau",
                    {2025: float(per.loc[f"grens{g}_2025", "uitgaven_uitgelijnd"]) / 1e6},
                    {},
                )
            )
    out += _ongewijzigd_beleid(per, jaren, wet, wk, uitl)
    out += _veranderingen(r, per, jaren)
    return out


def _ongewijzigd_beleid(
    per: pd.DataFrame, jaren: list[int], wet: dict[int, float], wk: dict[int, str], uitl: dict[str, Any] | None
) -> list[Regel]:
    """The level rows after the law of the year: ongewijzigd beleid, the published ingroeipad, the two together, and
    the bridge from the final amount of a year to the cash budget."""
    out: list[Regel] = []
    proj, pk = _reeks(per, jaren, "projectie", "uitgaven_uitgelijnd")
    proj[2025], pk[2025] = wet.get(2025, float("nan")), wk.get(2025, "")
    for j in jaren:
        if j > 2026:
            pk[j] = "projectie: percentages 2026, grenzen en prijzen geindexeerd"
    out.append(
        ("Ongewijzigd beleid zonder het besloten ingroeipad (uitgelijnd; na 2026 projectie)", "niveau", proj, pk)
    )
    pub = P.gepubliceerde_cijfers()
    ingroei = {int(j): float(x) for j, x in pub["ingroeipad_voorjaarsnota_2025"]["mln"].items()}
    out.append(
        (
            "Besloten ingroeipad naar het nieuwe stelsel (Voorjaarsnota 2025; gepubliceerd, niet doorgerekend)",
            "gepubliceerd",
            ingroei,
            dict.fromkeys(ingroei, "gepubliceerd bedrag, niet door kotwijzer berekend"),
        )
    )
    met = {j: proj[j] + ingroei.get(j, 0.0) for j in jaren if j in proj and j < STELSEL_JAAR}
    out.append(
        (
            "Ongewijzigd beleid met het besloten ingroeipad (tot 2029; daarna het stelsel)",
            "niveau",
            met,
            dict.fromkeys(ingroei, "projectie plus gepubliceerd ingroeipad"),
        )
    )
    a = uitl["kasbrug_aandeel"] if uitl else kasbrug_aandeel()
    brug = {j: x * a / (1 - a) for j, x in met.items()}
    out.append(
        (
            "Kasbrug: terugvorderingen die de kasraming meer bevat dan het jaarbedrag (6,4 %, Rijksbegroting 2022)",
            "brug",
            brug,
            {},
        )
    )
    out.append(
        (
            "Kasuitgaven bij ongewijzigd beleid met ingroeipad (jaarbedrag + kasbrug; 2024 = begroting)",
            "niveau",
            {j: met[j] + brug[j] for j in met},
            {},
        )
    )
    return out


def _veranderingen(r: pd.DataFrame, per: pd.DataFrame, jaren: list[int]) -> list[Regel]:
    """The change rows: every reform and system against its base, and the 2025 increase of the percentages (central
    estimate and at the legal bounds of the missing cells)."""
    out: list[Regel] = []
    for reeks_ in r[r["soort"].isin(["hervorming", "stelsel"])]["reeks"].unique():
        sel = r[r["reeks"] == reeks_]
        label = f"{reeks_}: {sel.iloc[0]['naam']}" if reeks_.startswith("R") else sel.iloc[0]["naam"]
        v, k = _reeks(per, jaren, reeks_, "verandering_uitgelijnd")
        if 2025 in v:
            k[2025] = "op ongewijzigd beleid 2025 met de centrale schatting van de ontbrekende cellen"
        out.append((f"{label} (verandering, uitgelijnd)", "verandering", v, k))
    if "verhogingmidden_2025" in per.index:
        out.append(
            (
                "Verhoging van de percentages in 2025 (verandering, uitgelijnd; centrale schatting)",
                "verandering",
                {2025: float(per.loc["verhogingmidden_2025", "verandering_uitgelijnd"]) / 1e6},
                {2025: "centrale schatting: ontbrekende cellen van de tabel 2025 geschat"},
            )
        )
        for g, tekst in (("onder", "ondergrens"), ("boven", "bovengrens")):
            out.append(
                (
                    f"Verhoging 2025, ontbrekende cellen op hun wettelijke {tekst} (verandering, uitgelijnd)",
                    "verandering",
                    {2025: float(per.loc[f"verhoging{g}_2025", "verandering_uitgelijnd"]) / 1e6},
                    {},
                )
            )
    return out


def budgettabel(
    r: pd.DataFrame,
    uitl: dict[str, Any] | None = None,
    constante_prijzen: bool = False,
    aannames: P.Aannames | None = None,
) -> pd.DataFrame:
    """The budget-note table: x EUR 1 mln, aligned, by year, rounded to EUR 5 mln, with a column 'structureel' (the
    last year, when every measure is fully in force). Every cell is a number or empty; what a cell rests on (a central
    estimate, a published amount, not computable) is in the column 'kenmerken', the price level in 'prijsniveau' and
    the source in 'bron'. With `constante_prijzen` every amount is deflated to 2024 prices with the price index of
    childcare of the assumption `meerjarige_indexatie` (uurprijs) of `aannames` (None: the shipped assumptions)."""
    from kotwijzer.policy.meerjarig import index

    a = aannames or P.Aannames.standaard()

    jaren = sorted(int(j) for j in r["jaar"].unique())
    rijen = []
    for label, soort, waarden, kenmerken in _budgetregels(r, uitl):
        rij: dict[str, Any] = {
            "regel": label,
            "soort": soort,
            "prijsniveau": "prijzen 2024 (uurprijsindex)" if constante_prijzen else PRIJSNIVEAU,
        }
        vlaggen = dict(kenmerken)
        ruw = {j: waarden.get(j, float("nan")) for j in jaren}
        if constante_prijzen:
            ruw = {j: (x / index(a, j, "uurprijs") if x == x else x) for j, x in ruw.items()}
        afgerond, rijvlag = _afronden(ruw)
        for j in jaren:
            rij[str(j)] = afgerond[j]
        rij["structureel"] = rij[str(jaren[-1])]
        rij["kenmerken"] = "; ".join(
            [*([f"alle jaren: {rijvlag}"] if rijvlag else []), *(f"{j}: {t}" for j, t in sorted(vlaggen.items()))]
        )
        rij["bron"] = BRON_BUDGETTABEL
        rijen.append(rij)
    return pd.DataFrame(rijen)


def uitzonderingsgroepen(mj: Meerjarig, factor: float, jaar: int = STELSEL_JAAR) -> pd.DataFrame:
    """Per doelgroep, in `jaar`: households with a right and recipients under ongewijzigd beleid, under the 2029 system
    for working parents and under that system with the exception groups kept: who loses the right, at what cost."""
    a = mj.aannames
    basis = mj.cellen[f"projectie_{jaar}"]
    werk = mj.cellen[f"stelsel_{jaar}"]
    uitz = mj.cellen[f"stelsel_uitz_{jaar}"]
    rijen = []
    for gi, g in enumerate(P.GROEPEN):
        b, w, u = (df[df.index.get_level_values("groep") == gi] for df in (basis, werk, uitz))
        if b.empty:
            continue
        rijen.append(
            {
                "doelgroep": P.GROEP_TEKST[g],
                "huishoudens": aantal(b, "huishoudens", aannames=a),
                "met_recht_ongewijzigd": aantal(b, "met_aanspraak", aannames=a),
                "met_recht_stelsel_werkende_ouders": aantal(w, "met_aanspraak", aannames=a),
                "verliest_recht": aantal(w, "verliest_aanspraak", aannames=a),
                "ontvangers_ongewijzigd": aantal(b, "ontvangers", "midden", aannames=a),
                "ontvangers_stelsel_werkende_ouders": aantal(w, "ontvangers", "midden", aannames=a),
                "uitgaven_ongewijzigd_mln": bedrag(b, aannames=a) * factor / 1e6,
                "uitgaven_stelsel_werkende_ouders_mln": bedrag(w, aannames=a) * factor / 1e6,
                "uitgaven_stelsel_met_uitzonderingen_mln": bedrag(u, aannames=a) * factor / 1e6,
                "kosten_uitzonderingen_behouden_mln": (bedrag(u, aannames=a) - bedrag(w, aannames=a)) * factor / 1e6,
            }
        )
    return pd.DataFrame(rijen)


# ------------------------------------------------------------------------------------------ behaviour (separate)
def gedragsvariant(mj: Meerjarig, factor: float) -> pd.DataFrame:
    """The behavioural variant, labelled as such (the static result stays the headline). Per scenario with a base:

    - hours: the hours of a cell change with constant elasticity `uren_prijselasticiteit` to the parent's own price
      per hour (1 - toeslag/kosten of the cell, scenario against base), at most +/-50 %; the toeslag moves with them;
    - take-up: the non-take-up share of a cell falls by `gebruik_bedragselasticiteit` x the relative change of the
      average toeslag per recipient of the cell;
    - bounded demand: the own-price ratio entering the elasticity is kept within [kleinste_prijsverhouding, 1 /
      kleinste_prijsverhouding] (the range of price changes the literature observed);
    - labour supply: a share `arbeid_per_extra_opvanguur` of the extra childcare hours comes with extra hours worked
      (the rest replaces informal care); reported in hours and full-time jobs, beside CPB/SCP (2023).
    Works on the cells (decile x household type x doelgroep), so it is an approximation per cell, not per household."""
    g = mj.aannames.waarde("gedrag")
    e_uren = float(g["uren_prijselasticiteit"])
    e_gebruik = float(g["gebruik_bedragselasticiteit"])
    kleinste = float(g["kleinste_prijsverhouding"])
    arbeid = float(g["arbeid_per_extra_opvanguur"])
    voltijd = float(g["uren_per_voltijdbaan"])
    ng = mj.aannames.niet_gebruik_per_groep("midden")
    rijen = []
    for s in mj.scenarios:
        if not s.basis or s.soort not in ("hervorming", "stelsel"):
            continue
        a, b = mj.cellen[s.code], mj.cellen[s.basis]
        a, b = a.align(b, fill_value=0)
        ng_c = ng[a.index.get_level_values("groep")]
        t_a, k_a = a["toeslag"].to_numpy(float), a["kosten"].to_numpy(float)
        t_b, k_b = b["toeslag"].to_numpy(float), b["kosten"].to_numpy(float)
        eigen_a = np.where(k_a > 0, 1 - t_a / np.where(k_a > 0, k_a, 1), 1.0)
        eigen_b = np.where(k_b > 0, 1 - t_b / np.where(k_b > 0, k_b, 1), 1.0)
        # constant elasticity: hours x (own price after / own price before) ^ elasticity, at most +50 % / -50 %
        verhouding = np.where(eigen_b > 0.005, np.maximum(eigen_a, 0.005) / np.maximum(eigen_b, 0.005), 1.0)
        # bounded: a fall of the own price beyond what the literature observed is not extrapolated
        verhouding = np.clip(verhouding, kleinste, 1 / kleinste)
        uren_factor = np.clip(verhouding**e_uren, 0.5, 1.5)
        ont_a, ont_b = a["ontvangers"].to_numpy(float), b["ontvangers"].to_numpy(float)
        per_a = np.where(ont_a > 0, t_a / np.where(ont_a > 0, ont_a, 1), 0)
        per_b = np.where(ont_b > 0, t_b / np.where(ont_b > 0, ont_b, 1), 0)
        rel_bedrag = np.where(per_b > 0, per_a / np.where(per_b > 0, per_b, 1) - 1, 0.0)
        ng_a = np.clip(ng_c * (1 - e_gebruik * rel_bedrag), 0, 0.99)
        statisch = float(((t_a - t_b) * (1 - ng_c)).sum()) / EENHEID
        gedrag = float((t_a * uren_factor * (1 - ng_a) - t_b * (1 - ng_c)).sum()) / EENHEID
        uren_extra = float((a["uren"].to_numpy(float) * (uren_factor - 1) * (1 - ng_a)).sum()) / 10_000 / 100
        rijen.append(
            {
                "code": s.code,
                "naam": s.naam,
                "jaar": s.jaar,
                "verandering_statisch_mln": statisch * factor / 1e6,
                "verandering_met_gedrag_mln": gedrag * factor / 1e6,
                "waarvan_gedrag_mln": (gedrag - statisch) * factor / 1e6,
                "extra_uren_opvang_mln": uren_extra / 1e6,
                "extra_gewerkte_uren_mln": uren_extra * arbeid / 1e6,
                "extra_voltijdbanen": uren_extra * arbeid / voltijd,
                "uren_prijselasticiteit": e_uren,
                "gebruik_bedragselasticiteit": e_gebruik,
                "kleinste_prijsverhouding": kleinste,
                "arbeid_per_extra_opvanguur": arbeid,
            }
        )
    return pd.DataFrame(rijen)


# ------------------------------------------------------------------------------------------ reconciliation
def gepubliceerde_cijfers() -> dict[str, Any]:
    """The published figures of the reconciliation table, each with its source (policy/data/gepubliceerde_cijfers.yaml)."""
    from importlib import resources

    import yaml

    return yaml.safe_load(
        resources.files("kotwijzer.policy").joinpath("data", "gepubliceerde_cijfers.yaml").read_text(encoding="utf-8")
    )


def reconciliatie(mj: Meerjarig, factor: float, uitl: dict[str, Any]) -> pd.DataFrame:
    """Model against published figures, each difference explained (plain Dutch)."""
    rijen = []

    def rij(onderwerp, gepubliceerd, bron, model, uitleg, eenheid="miljoen euro", laag=None, hoog=None):
        verschil = (
            (model - gepubliceerd) if isinstance(gepubliceerd, (int, float)) and gepubliceerd == gepubliceerd else None
        )
        rijen.append(
            {
                "onderwerp": onderwerp,
                "gepubliceerd": gepubliceerd,
                "eenheid": eenheid,
                "bron": bron,
                "model": model,
                "model_ondergrens": laag,
                "model_bovengrens": hoog,
                "verschil": verschil,
                "verschil_pct": (verschil / gepubliceerd if verschil is not None and gepubliceerd else None),
                "verklaring": uitleg,
            }
        )

    pub = gepubliceerde_cijfers()
    _begroting_vergelijking(rij, mj, factor, uitl, pub)
    _verhoging_2025_vergelijking(rij, mj, factor, pub)
    _stelsel_vergelijking(rij, mj, factor, pub)
    _wlz_vergelijking(rij, mj, pub)
    return pd.DataFrame(rijen)


def _begroting_vergelijking(
    rij: Callable[..., None], mj: Meerjarig, factor: float, uitl: dict[str, Any], pub: dict[str, Any]
) -> None:
    """The 2024 baseline beside the budget (1e suppletoire begroting, and the earlier stands of the same budget)."""
    a = mj.aannames
    m = uitl["model"] / 1e6
    b24 = mj.cellen["wet_2024"]
    deel = bedrag(b24, aannames=a) / max(bedrag(b24, "kosten", aannames=a), 1)
    rij(
        "Uitgaven KOT 2024, stand 1e suppletoire begroting",
        uitl["bedrag"] / 1e6,
        "Rijksbegroting SZW 2024, 1e suppletoire begroting, art. 7",
        m,
        f"De begroting is een kasraming: voorschotten en nabetalingen zijn uitgaven, terugvorderingen ontvangsten. "
        f"Het model rekent het definitieve bedrag van het jaar. Kasbrug: de terugontvangsten waren in 2022 "
        f"{getal(uitl['kasbrug_aandeel'] * 100, 1, nullen='vast')} % van de uitgaven (Rijksbegroting 2022); daarmee is het jaarbedrag "
        f"2024 ongeveer {getal(uitl['jaarbedrag'] / 1e6, 0)} miljoen euro. Het model (na niet-gebruik midden, niet "
        f"uitgelijnd) ligt {getal(abs(uitl['verschil_model_pct']) * 100, 1, nullen='vast')} % "
        f"{'onder' if uitl['verschil_model_pct'] < 0 else 'boven'} dat jaarbedrag: uitlijnfactor {getal(factor, 4, nullen='vast')} "
        f"(tegen de kasraming zelf {getal(uitl['factor_tegen_kas'], 4, nullen='vast')}). De weging zet het aantal ontvangers en hun "
        f"verdeling over het toetsingsinkomen op de gepubliceerde cijfers (doelen K21 en K22); het bedrag zelf is niet "
        f"gewogen, dus de factor is de onafhankelijke toets van de bedragen. De toeslag dekt in het model "
        f"{getal(deel * 100, 0)} % van de kosten tot de maximum uurprijs, tegen "
        f"{getal(pub['toeslag_deel_van_kosten_cbs']['aandeel'] * 100, 0)} % volgens {pub['toeslag_deel_van_kosten_cbs']['bron']}.",
    )
    for st in pub["begroting_2024"]["standen"]:
        rij(
            f"Uitgaven KOT 2024, {st['stand']}",
            st["mld"] * 1e3,
            pub["begroting_2024"]["bron"],
            m,
            "Zelfde modeluitkomst. De ontwerpbegroting rekende nog met de lagere maximum uurprijzen zonder het amendement "
            f"({pub['begroting_2024']['maximum_uurprijs_ontwerpbegroting']}); het model gebruikt de definitieve bedragen 2024 (10,25 / 9,12 / 7,53). De reeks "
            "ontwerp - vastgesteld - 1e suppletoire laat zien dat ook de raming zelf enkele procenten beweegt.",
        )


def _verhoging_2025_vergelijking(rij: Callable[..., None], mj: Meerjarig, factor: float, pub: dict[str, Any]) -> None:
    """The 2025 increase of the percentages beside the SZW estimate (with the range at the legal bounds of the
    missing cells), and R5 (the 2026 percentages on 2024) beside the same estimate."""
    a = mj.aannames
    v = mj.cellen.get("verhoging_2025")
    if v is not None:
        d_deel = bedrag(v, "verandering_berekenbaar", aannames=a) * factor / 1e6
        midden = mj.cellen.get("verhogingmidden_2025")
        d = bedrag(midden, "verandering_berekenbaar", aannames=a) * factor / 1e6 if midden is not None else d_deel
        onb = aantal(v, "verandering_onbekend", aannames=a)
        ontv = aantal(mj.cellen["wet_2025"], "ontvangers", "midden", aannames=a)
        grenzen = [
            bedrag(mj.cellen[c], "verandering_berekenbaar", aannames=a) * factor / 1e6
            for c in ("verhogingonder_2025", "verhogingboven_2025")
            if c in mj.cellen
        ]
        lo, hi = (grenzen[0], grenzen[1]) if len(grenzen) >= 2 else (None, None)
        bereik = (
            f" Met de ontbrekende cellen op de grenzen die de wet zelf stelt (niet lager dan het "
            f"eerste-kindpercentage, niet hoger dan het laatst bekende percentage) en alle huishoudens meegeteld: "
            f"{getal(lo, 0)} tot {getal(hi, 0)} miljoen euro. De ondergrens is zwak: boven EUR 50.811 ligt het "
            "eerste-kindpercentage van 2025 ver onder het percentage voor andere kinderen van 2024, dus daar "
            "zou de toeslag dalen; de bovengrens zet elk ontbrekend percentage op 95,2 %."
            if lo is not None and hi is not None
            else ""
        )
        rij(
            "Verhoging van de percentages in 2025 (raming SZW)",
            float(pub["verhoging_2025"]["mln"]),
            pub["verhoging_2025"]["bron"],
            d,
            f"Model: wet 2025 tegenover dezelfde populatie met de percentages van 2024 op de grenzen van 2025, "
            f"uitgelijnd, prijzen 2025. De tabel 2025 mist de percentages voor tweede en volgende kinderen boven "
            f"EUR 50.811 ({getal(onb, 0)} huishoudens, gewogen, van {getal(ontv, 0)} ontvangers). Centrale schatting: elk "
            f"ontbrekend percentage is het gemiddelde van 2024 en 2026 bij hetzelfde reele inkomen, binnen de wettelijke "
            f"grenzen (geen wet, een schatting). Alleen het berekende deel: {getal(d_deel, 0)} miljoen euro. "
            "SZW raamt op het kasbedrag en met eigen volumes. "
            "Vergelijk ook R5 (percentages 2026 op 2024): die bevat ook de stap van 2026 (+3,2 procentpunt)." + bereik,
            laag=lo,
            hoog=hi,
        )
    r5 = mj.cellen.get("R5_2024")
    if r5 is not None:
        rij(
            f"R5: percentages 2026 op 2024 (ter vergelijking met de EUR {pub['verhoging_2025']['mln']} mln)",
            float(pub["verhoging_2025"]["mln"]),
            pub["verhoging_2025"]["bron"],
            bedrag(r5, "verandering_berekenbaar", aannames=a) * factor / 1e6,
            "R5 neemt de percentages van 2026 over: de verhoging van 2025 plus die van 2026, op uren en prijzen van "
            "2024. Daarom hoger dan de raming voor alleen 2025.",
        )


def _wlz_vergelijking(rij: Callable[..., None], mj: Meerjarig, pub: dict[str, Any]) -> None:
    """The Wlz exception in 2024: potential target group, households with a right and users, beside SZW's figures."""
    a = mj.aannames
    df = mj.cellen["wet_2024"]
    wlz = df[df.index.get_level_values("groep") == P.G["wlz"]]
    rij(
        "Wlz-uitzondering: potentiele doelgroep",
        pub["wlz_potentiele_doelgroep"]["kinderen"],
        " ".join(pub["wlz_potentiele_doelgroep"]["bron"].split()),
        aantal(wlz, "huishoudens", aannames=a),
        "Model: huishoudens met een ouder met een Wlz-indicatie en een kind tot 12 (de weging zet dit op de aanname "
        "wlz_huishoudens, afgeleid uit dezelfde 3.045 kinderen, 1,55 kinderen per gezin). Geen onafhankelijke toets.",
        eenheid="kinderen (gepubliceerd) / huishoudens (model)",
    )
    rij(
        "Wlz-uitzondering: huishoudens met recht",
        None,
        "idem: 'het aantal gezinnen dat aan alle voorwaarden voldoet is kleiner dan vooraf ingeschat'",
        aantal(wlz, "met_aanspraak", aannames=a),
        "Model: de regels van de wet (partner moet werken of een andere grond hebben) laten een deel van de doelgroep "
        "zonder recht; eenoudergezinnen en paren die allebei een indicatie hebben vallen erbuiten.",
        eenheid="huishoudens",
    )
    rij(
        "Wlz-uitzondering: gebruikers",
        pub["wlz_gebruikers"]["ouders"],
        " ".join(pub["wlz_gebruikers"]["bron"].split()),
        aantal(wlz, "ontvangers", "midden", aannames=a),
        "Model na niet-gebruik midden (70 %). Het niet-gebruik van deze groep is afgeleid uit dezelfde cijfers, dus dit "
        "is geen onafhankelijke toets; het laat zien dat de weging, de regels en het niet-gebruik samen de gemeten "
        "orde van grootte geven.",
        eenheid="huishoudens",
    )


def _stelsel_vergelijking(rij: Callable[..., None], mj: Meerjarig, factor: float, pub: dict[str, Any]) -> None:
    """The 2029 system, static and with behaviour, beside SZW (MvT 36 680) and CPB/SCP (2023)."""
    if f"stelsel_{STELSEL_JAAR}" not in mj.cellen:
        return
    g = gedragsvariant(mj, factor).set_index("code").loc[f"stelsel_{STELSEL_JAAR}"]
    bronnen = pub["bronnen"]
    szw, cpb = pub["stelsel_structureel_szw"], pub["stelsel_cpb_scp_2023"]
    uitleg = (
        f"Model {STELSEL_JAAR}, uitgelijnd, lopende prijzen: statisch {getal(g['verandering_statisch_mln'], 0)} "
        f"miljoen euro, met gedrag {getal(g['verandering_met_gedrag_mln'], 0)} (meer uren opvang bij een lagere eigen "
        "prijs, begrensd tot de prijsdalingen uit de literatuur, en minder niet-gebruik). SZW en CPB/SCP rekenen "
        "met eigen volumes, prijzen en jaar en nemen ook een hogere vraag mee; het gepubliceerde bedrag ligt "
        "tussen de statische uitkomst en die met gedrag."
    )
    rij(
        "Stelsel 2029: extra uitgaven (SZW, structureel)",
        szw["mld"] * 1e3,
        bronnen[szw["bron"]]["titel"],
        g["verandering_statisch_mln"],
        uitleg,
        laag=g["verandering_statisch_mln"],
        hoog=g["verandering_met_gedrag_mln"],
    )
    rij(
        "Stelsel 2029: extra uitgaven (CPB en SCP, 2023)",
        cpb["mld"] * 1e3,
        bronnen[cpb["bron"]]["titel"],
        g["verandering_statisch_mln"],
        uitleg,
        laag=g["verandering_statisch_mln"],
        hoog=g["verandering_met_gedrag_mln"],
    )
    rij(
        "Stelsel 2029: extra gewerkte uren (CPB en SCP, 2023)",
        float(cpb["voltijdbanen"]),
        bronnen[cpb["bron"]]["titel"],
        g["extra_voltijdbanen"],
        f"Model: {getal(g['extra_uren_opvang_mln'], 0)} miljoen extra uren opvang, waarvan een deel "
        f"({getal(g['arbeid_per_extra_opvanguur'] * 100, 0)} %) samengaat met extra gewerkte uren; de rest vervangt "
        "informele opvang. Uitgedrukt in voltijdbanen van 1.650 uur. CPB en SCP: +0,2 % gewerkte uren.",
        eenheid="voltijdbanen",
    )
