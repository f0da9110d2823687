"""Uncertainty: Monte Carlo over every assumption and over seeds, one-at-a-time sensitivity (tornado), seed variance of
small groups.

Design (feasible on a small machine): one draw = one set of assumptions (every assumption in the assumptions file and
every non-take-up share gets a number u in [-1, 1], Latin hypercube over the draws, mapped by the assumption's
`variatie` rule) and one seed; the draw generates and calibrates its own population of `n` households (default 20,000)
and runs the 2024 baseline, the reforms and the 2029 system. The headline (central) numbers come from the large
population; the draws give the spread. The interval of an output is the 5th-95th percentile over the draws. Because
every draw re-generates the population, the interval includes the seed noise of the smaller population; the seed-only
runs show how much of it is noise.

Every output is given unaligned (model) and, for deltas, aligned with the draw's own alignment factor (the aligned 2024
baseline is the budget in every draw by construction, so its uncertainty shows in the factor instead).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.policy import analyse as A
from kotwijzer.policy import kalibratie as K
from kotwijzer.policy import meerjarig as M
from kotwijzer.policy import populatie as P
from kotwijzer.policy.aannames import GEVARIEERD_BRON
from kotwijzer.policy.hervorming import Hervorming

KLEINE_GROEPEN = ("bijstand_traject", "studie", "inburgering", "wlz", "detentie", "overige_doelgroep")


# ------------------------------------------------------------------------------------------ variation
def namen(aannames: P.Aannames | None = None) -> list[str]:
    """Every varied quantity: each assumption, and each non-take-up group as 'niet_gebruik.<groep>' (of `aannames`;
    None: the shipped assumptions)."""
    a = aannames or P.Aannames.standaard()
    return list(a.aannames) + [f"niet_gebruik.{g}" for g in a.niet_gebruik_tabel]


def _schaal(waarde: float, laag: float, hoog: float, u: float) -> float:
    return waarde + u * (waarde - laag) if u < 0 else waarde + u * (hoog - waarde)


def _getallen(x: Any, f: Callable[[float], float]) -> Any:
    if isinstance(x, dict):
        return {k: _getallen(v, f) for k, v in x.items()}
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return f(float(x))
    return x


def _kies(d: dict, sleutel: str):
    for k in d:
        if str(k) == str(sleutel):
            return k
    raise KeyError(sleutel)


def varieer_waarde(waarde: Any, variatie: Any, u: float) -> Any:
    """The value of one assumption at u (u = 0 gives the value itself). Rules: see populatie_aannames.yaml."""
    if u == 0:
        return copy.deepcopy(waarde)
    if isinstance(variatie, list):
        return _schaal(float(waarde), float(variatie[0]), float(variatie[1]), u)
    if not isinstance(variatie, dict):
        raise ValueError(f"onbekende variatie {variatie!r}")
    if "relatief" in variatie:
        r = float(variatie["relatief"])
        return _getallen(waarde, lambda x: x * (1 + u * r))
    if "absoluut" in variatie:
        a = float(variatie["absoluut"])
        return _getallen(waarde, lambda x: x + u * a)
    if "naar" in variatie:
        x0 = float(variatie["naar"])
        return _getallen(waarde, lambda x: x0 + (u + 1) / 2 * (x - x0))
    if "verschuiving" in variatie:
        d = float(variatie["verschuiving"])

        def schuif(v: Any) -> Any:
            if isinstance(v, dict) and all(isinstance(x, (int, float)) for x in v.values()):
                ks = list(v)
                out = {k: float(x) for k, x in v.items()}
                stap = u * d
                stap = max(min(stap, out[ks[0]] - 0.005), -(out[ks[-1]] - 0.005))
                out[ks[0]] -= stap
                out[ks[-1]] += stap
                return out
            if isinstance(v, dict):
                return {k: schuif(x) for k, x in v.items()}
            return v

        return schuif(waarde)
    if "sleutels" in variatie:
        out = copy.deepcopy(waarde)
        for s, (lo, hi) in variatie["sleutels"].items():
            k = _kies(out, s)
            out[k] = _schaal(float(out[k]), float(lo), float(hi), u)
        if variatie.get("aanvullen"):
            k = _kies(out, variatie["aanvullen"])
            rest = sum(float(v) for kk, v in out.items() if kk != k)
            out[k] = max(1.0 - rest, 0.0)
        return out
    raise ValueError(f"onbekende variatie {variatie!r}")


def gevarieerd(aannames: P.Aannames, u: dict[str, float]) -> P.Aannames:
    """A new assumptions object: `aannames` with every named quantity moved to its u (`aannames` stays as it is)."""
    out = aannames.document()
    for naam, x in u.items():
        if naam.startswith("niet_gebruik."):
            g = out["niet_gebruik"][naam.split(".", 1)[1]]
            g["midden"] = min(max(_schaal(float(g["midden"]), float(g["laag"]), float(g["hoog"]), x), 0.0), 0.99)
        else:
            a = out["aannames"][naam]
            if "variatie" not in a:
                raise ValueError(f"Aanname '{naam}' heeft geen 'variatie'.")
            a["waarde"] = varieer_waarde(a["waarde"], a["variatie"], x)
    return P.Aannames.uit_document(out, GEVARIEERD_BRON)


def latin_hypercube(n_trekkingen: int, namen_: list[str], seed: int) -> list[dict[str, float]]:
    """u in [-1, 1] per name and draw: each name's draws cover n equal strata once (random order)."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 9_117]))
    u = np.empty((n_trekkingen, len(namen_)))
    for j in range(len(namen_)):
        u[:, j] = (rng.permutation(n_trekkingen) + rng.random(n_trekkingen)) / n_trekkingen * 2 - 1
    return [dict(zip(namen_, rij, strict=True)) for rij in u]


# ------------------------------------------------------------------------------------------ one draw
def plan_mc(hervormingen: list[Hervorming]) -> list[M.Scenario]:
    j0, j9 = 2024, M.STELSEL_JAAR
    sc = [M.Scenario(f"wet_{j0}", f"Wet {j0}", j0, "wet")]
    sc += [M.Scenario(f"{h.code}_{j0}", h.naam, j0, "hervorming", f"wet_{j0}", hervorming=h) for h in hervormingen]
    sc += [
        M.Scenario(f"projectie_{j9}", "Ongewijzigd beleid", j9, "projectie"),
        M.Scenario(
            f"stelsel_{j9}", "Stelsel 2029", j9, "stelsel", f"projectie_{j9}", alleen_werk=True, percentage_96=True
        ),
        M.Scenario(
            f"stelsel_uitz_{j9}",
            "Stelsel 2029 met uitzonderingen",
            j9,
            "stelsel",
            f"projectie_{j9}",
            percentage_96=True,
        ),
    ]
    return sc


def uitkomsten(cellen: dict[str, pd.DataFrame], scenarios: list[M.Scenario], aannames: P.Aannames) -> dict[str, float]:
    """The numbers an interval is given for (euros unless named otherwise; after the non-take-up of `aannames`)."""
    a = aannames
    basis = A.bedrag(cellen["wet_2024"], aannames=a)
    factor = A.uitlijning(basis)["factor"]
    out = {
        "basis_2024_model": basis,
        "uitlijnfactor": factor,
        "basis_2024_iedereen_model": A.bedrag(cellen["wet_2024"], variant=None, aannames=a),
    }
    if f"projectie_{M.STELSEL_JAAR}" in cellen:
        b29 = A.bedrag(cellen[f"projectie_{M.STELSEL_JAAR}"], aannames=a)
        out[f"basis_{M.STELSEL_JAAR}_model"] = b29
        out[f"basis_{M.STELSEL_JAAR}_uitgelijnd"] = b29 * factor
    for s in scenarios:
        if s.basis:
            d = A.bedrag(cellen[s.code], aannames=a) - A.bedrag(cellen[s.basis], aannames=a)
            out[f"{s.code}_model"] = d
            out[f"{s.code}_uitgelijnd"] = d * factor
            if s.code.startswith("stelsel_") and not s.code.startswith("stelsel_uitz"):
                out[f"{s.code}_verliest_recht"] = A.aantal(cellen[s.code], "verliest_aanspraak", aannames=a)
    df = cellen["wet_2024"]
    for g in KLEINE_GROEPEN:
        sel = df[df.index.get_level_values("groep") == P.G[g]]
        out[f"groep_{g}_ontvangers"] = A.aantal(sel, "ontvangers", "midden", aannames=a) if len(sel) else 0.0
        out[f"groep_{g}_uitgaven_model"] = A.bedrag(sel, aannames=a) if len(sel) else 0.0
    return out


def trekking(aannames: P.Aannames, seed: int, n: int, hervormingen: list[Hervorming]) -> dict[str, float] | None:
    """Generate, calibrate and run one draw under its own `aannames`. None when the calibration cannot meet the
    targets (counted, reported)."""
    try:
        pop = P.generate(n, 2024, seed, aannames)
        pop, _, _ = K.kalibreer(pop, aannames=aannames)
        sc = plan_mc(hervormingen)
        return uitkomsten(M.verwerk_partitie(pop, sc, aannames), sc, aannames)
    except K.KalibratieFout:
        return None


def _draai_alle(
    taken: list[tuple[P.Aannames, int]],
    n: int,
    hervormingen: list[Hervorming],
    client=None,
    voortgang: Callable[[], None] | None = None,
) -> list[dict[str, float] | None]:
    if client is None:
        out = []
        for a, s in taken:
            out.append(trekking(a, s, n, hervormingen))
            if voortgang:
                voortgang()
        return out
    futs = [client.submit(trekking, a, s, n, hervormingen, pure=False) for a, s in taken]
    out = []
    for f in futs:
        out.append(f.result())
        if voortgang:
            voortgang()
    return out


def monte_carlo(
    n_trekkingen: int,
    n: int,
    hervormingen: list[Hervorming],
    seed: int = 2024,
    aannames: P.Aannames | None = None,
    alleen: list[str] | None = None,
    client=None,
    voortgang: Callable[[], None] | None = None,
) -> pd.DataFrame:
    """One row per draw: the draw's u per name, its seed and its outputs (NaN when its calibration failed). Every
    draw varies `aannames` (None: the shipped assumptions) into its own object.
    `alleen`: vary only these names (the rest stays central), for tests and one-factor studies."""
    a = aannames or P.Aannames.standaard()
    nm = alleen or namen(a)
    us = latin_hypercube(n_trekkingen, nm, seed)
    taken = [(gevarieerd(a, u), seed + 1 + i) for i, u in enumerate(us)]
    res = _draai_alle(taken, n, hervormingen, client, voortgang)
    rijen = []
    for i, (u, r) in enumerate(zip(us, res, strict=True)):
        rij: dict[str, Any] = {"trekking": i + 1, "seed": seed + 1 + i, "gelukt": r is not None}
        rij.update({f"u:{k}": v for k, v in u.items()})
        rij.update(r or {})
        rijen.append(rij)
    return pd.DataFrame(rijen)


def omschrijving(uitkomst: str) -> str:
    """Plain Dutch name of an output code (for tables and charts)."""
    from kotwijzer.policy.hervorming import alle

    namen_h = {h.code: h.naam for h in alle().values()}
    if uitkomst == "basis_2024_model":
        return "Uitgaven 2024, huidige wet (model, niet uitgelijnd)"
    if uitkomst == "basis_2024_iedereen_model":
        return "Uitgaven 2024 als iedereen met recht aanvraagt (model)"
    if uitkomst.startswith("basis_20") and uitkomst not in ("basis_2024_model", "basis_2024_iedereen_model"):
        jaar = uitkomst.split("_")[1]
        soort = "uitgelijnd" if uitkomst.endswith("uitgelijnd") else "model, niet uitgelijnd"
        return f"Uitgaven {jaar}, ongewijzigd beleid (projectie, {soort})"
    if uitkomst == "uitlijnfactor":
        return "Uitlijnfactor (jaarbedrag: begroting min kasbrug / model)"
    if uitkomst.startswith("groep_"):
        rest = uitkomst[len("groep_") :]
        for g in KLEINE_GROEPEN:
            if rest.startswith(g + "_"):
                wat = "ontvangers" if rest.endswith("ontvangers") else "uitgaven (model)"
                return f"{P.GROEP_TEKST[g]}: {wat}"
    delen = uitkomst.split("_")
    code = delen[0]
    if code == "stelsel":
        met = "met uitzonderingsgroepen" if delen[1] == "uitz" else "voor werkende ouders"
        jaar = next(d for d in delen if d.isdigit())
        if uitkomst.endswith("verliest_recht"):
            return f"Stelsel {jaar} {met}: huishoudens die hun recht verliezen"
        return f"Stelsel {jaar} {met}: verandering ({'uitgelijnd' if uitkomst.endswith('uitgelijnd') else 'model'})"
    if code in namen_h:
        return f"{code} {namen_h[code]}: verandering ({'uitgelijnd' if uitkomst.endswith('uitgelijnd') else 'model'})"
    return uitkomst


def intervallen(mc: pd.DataFrame, centraal: dict[str, float], laag: float = 5, hoog: float = 95) -> pd.DataFrame:
    """Per output: the central value (large population, central assumptions), the median and the 5-95 % interval over
    the draws. The interval is never widened: whether the central value lies inside is reported
    ('centraal_binnen_interval'); outside means the small draw populations differ from the large one (seed noise)."""
    ok = mc[mc["gelukt"]]
    rijen = []
    for k, c in centraal.items():
        if k not in ok:
            continue
        x = ok[k].to_numpy(dtype=np.float64)
        lo, med, hi = (float(np.percentile(x, q)) for q in (laag, 50, hoog))
        rijen.append(
            {
                "uitkomst": k,
                "omschrijving": omschrijving(k),
                "centraal": c,
                "mediaan_trekkingen": med,
                "p05": lo,
                "p95": hi,
                "centraal_binnen_interval": bool(lo <= c <= hi),
                "trekkingen": len(x),
            }
        )
    return pd.DataFrame(rijen)


def tornado(
    n: int,
    hervormingen: list[Hervorming],
    seed: int = 2024,
    aannames: P.Aannames | None = None,
    client=None,
    voortgang: Callable[[], None] | None = None,
    namen_: list[str] | None = None,
) -> pd.DataFrame:
    """One-at-a-time: every name at u = -1 and u = +1, the rest central (`aannames`; None: the shipped assumptions),
    the same seed. One row per name and output with the value at low and high and the swing."""
    centraal = aannames or P.Aannames.standaard()
    nm = namen_ or namen(centraal)
    taken = [(centraal, seed)] + [(gevarieerd(centraal, {k: u}), seed) for k in nm for u in (-1.0, 1.0)]
    res = _draai_alle(taken, n, hervormingen, client, voortgang)
    mid = res[0] or {}
    rijen = []
    for i, k in enumerate(nm):
        lo, hi = res[1 + 2 * i], res[2 + 2 * i]
        for uit, c in mid.items():
            a = lo.get(uit, math.nan) if lo else math.nan
            b = hi.get(uit, math.nan) if hi else math.nan
            rijen.append(
                {
                    "aanname": k,
                    "uitkomst": uit,
                    "omschrijving": omschrijving(uit),
                    "centraal": c,
                    "bij_laag": a,
                    "bij_hoog": b,
                    "uitslag": (abs(b - a) if not (math.isnan(a) or math.isnan(b)) else math.nan),
                }
            )
    return pd.DataFrame(rijen)


def seedvariantie(
    n: int,
    hervormingen: list[Hervorming],
    seeds: list[int],
    client=None,
    voortgang: Callable[[], None] | None = None,
    aannames: P.Aannames | None = None,
) -> pd.DataFrame:
    """Central assumptions (`aannames`; None: the shipped assumptions), several seeds: mean, standard deviation and
    coefficient of variation per output (small groups included)."""
    a = aannames or P.Aannames.standaard()
    res = _draai_alle([(a, s) for s in seeds], n, hervormingen, client, voortgang)
    df = pd.DataFrame([r for r in res if r])
    out = pd.DataFrame({"gemiddelde": df.mean(), "standaardafwijking": df.std(ddof=1)})
    out["variatiecoefficient"] = out["standaardafwijking"] / out["gemiddelde"].abs().where(out["gemiddelde"] != 0)
    out["seeds"] = len(df)
    out.index.name = "uitkomst"
    out = out.reset_index()
    out.insert(1, "omschrijving", [omschrijving(u) for u in out["uitkomst"]])
    return out
