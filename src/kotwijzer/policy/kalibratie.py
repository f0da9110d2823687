"""Calibration of the synthetic population: household weights by raking, and the report of target versus achieved.

Method: generalised raking with bounds (Deville & Sarndal 1992, the 'logit' distance). Starting from equal weights,
the weights are multiplied by g_i = F(x_i' lambda) with L < g_i < U, and lambda is solved by Newton's method so that
every weighted total in `kalibratie_doelen.yaml` with methode 'weging' is met exactly. Shares (for example 'both
parents work' among couples) are linear constraints with target 0. The constraints on children with KOT per
opvangsoort use the rules core: which child gets toeslag follows from `kotwijzer.kern`, and the count is taken after
non-take-up (central value), because the CBS counts recipients.

The final weights are integers in 1/10,000 household (`gewicht_e4`); the rounding is the only difference between a
'weging' target and what is achieved (the tolerance covers it). Targets with methode 'controle' are not weighted: they
show how well the generator and the rules reproduce statistics that were not forced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.formaat import getal
from kotwijzer.params import parameters_voor_jaar
from kotwijzer.policy import populatie as P
from kotwijzer.policy.indicatoren import HuishoudUitkomst, bereken_huishoudens


class KalibratieFout(RuntimeError):
    pass


# ------------------------------------------------------------------------------------------ measures
def _kenmerken(pop: P.Populatie) -> dict[str, np.ndarray]:
    d = pop.data
    paar = d["heeft_partner"]
    prof = d["ouderprofiel"]
    bestaat = d["kind_bestaat"]
    lft = np.where(bestaat, P.leeftijd_op_1_januari(d["geboorte_maand"]), -99)
    voor_jaar = np.where(bestaat & (lft >= 0), lft, 99)
    jongste = voor_jaar.min(axis=1)
    werkt = prof == P.O_WERK
    bijstand = np.isin(prof, P.BIJSTAND_PROFIELEN).any(axis=1)
    return {
        "paar": paar,
        "jongste_0_5": jongste <= 5,
        "lft": lft,
        "werkt": werkt,
        "bijstand": bijstand,
    }


def maten(
    pop: P.Populatie, u: HuishoudUitkomst, aannames: P.Aannames
) -> dict[str, tuple[np.ndarray, np.ndarray | None, str]]:
    """Per measure: (per-household value, per-household denominator or None, how to weigh: 'w' or 'w_ng').

    'w_ng' means weighted after non-take-up (central), for measures about recipients."""
    k = _kenmerken(pop)
    d = pop.data
    paar, lft, werkt, prof = k["paar"], k["lft"], k["werkt"], d["ouderprofiel"]
    f = lambda x: np.asarray(x, dtype=np.float64)  # noqa: E731
    heeft = u.toeslag_cent > 0
    km = u.kindmaanden
    out: dict[str, tuple[np.ndarray, np.ndarray | None, str]] = {
        "huishoudens_jongste_0_5_paar": (f(paar & k["jongste_0_5"]), None, "w"),
        "huishoudens_jongste_0_5_eenouder": (f(~paar & k["jongste_0_5"]), None, "w"),
        "kinderen_0_4": (f(((lft >= 0) & (lft <= 4)).sum(axis=1)), None, "w"),
        "kinderen_5_9": (f(((lft >= 5) & (lft <= 9)).sum(axis=1)), None, "w"),
        "kinderen_10_11": (f(((lft >= 10) & (lft <= 11)).sum(axis=1)), None, "w"),
        "kinderen_12_basisschool": (f((lft == 12).sum(axis=1)), None, "w"),
        "kinderen_geboren_in_jaar": (f((lft == -1).sum(axis=1)), None, "w"),
        "kot_kinderen_dagopvang": (f(u.kinderen_soort[:, 1]), None, "w_ng"),
        "kot_kinderen_bso": (f(u.kinderen_soort[:, 2]), None, "w_ng"),
        "kot_kinderen_gastouder": (f(u.kinderen_soort[:, 3]), None, "w_ng"),
        "kot_kinderen_totaal": (f(u.kinderen_met_toeslag), None, "w_ng"),
        "paren_beide_werken": (f(paar & werkt.all(axis=1)), f(paar), "w"),
        "paren_geen_werkt": (f(paar & ~werkt.any(axis=1)), f(paar), "w"),
        "eenouder_werkt": (f(~paar & werkt[:, 0]), f(~paar), "w"),
        "bijstand_eenouder": (f(~paar & k["bijstand"]), None, "w"),
        "bijstand_paar": (f(paar & k["bijstand"]), None, "w"),
        "wlz_huishoudens": (f((prof == P.O_WLZ).any(axis=1)), None, "w"),
        "detentie_huishoudens": (f((prof == P.O_DETENTIE).any(axis=1)), None, "w"),
        "studie_huishoudens": (f((prof == P.O_STUDIE).any(axis=1)), None, "w"),
        "inburgering_huishoudens": (f((prof == P.O_INBURGERING).any(axis=1)), None, "w"),
        "overige_doelgroep_huishoudens": (f((prof == P.O_OVERIGE).any(axis=1)), None, "w"),
        "bijstand_categorie_b": (f((prof == P.O_BIJSTAND_B).any(axis=1)), None, "w"),
        "bijstand_categorie_c": (f((prof == P.O_BIJSTAND_C).any(axis=1)), None, "w"),
        "kinderen_in_bijstand": (f(np.where(k["bijstand"], d["n_kinderen"], 0)), None, "w"),
        "wlz_ontvangers": (f(heeft & (d["groep"] == P.G["wlz"])), None, "w_ng"),
        "ontvangers": (f(heeft), None, "w_ng"),
        "ontvangers_vanaf_inkomensgrens": (f(heeft & (d["inkomen"] >= aannames.inkomensgrens_2024())), None, "w_ng"),
        "ontvangers_eenouder": (f(heeft & ~paar), None, "w_ng"),
        "kinderen_per_kot_huishouden": (f(u.kinderen_met_toeslag), f(heeft), "w_ng"),
        "aandeel_kot_hoogste_30": (f(heeft & (d["nationaal_deciel"] >= 8)), f(heeft), "w_ng"),
        "eigen_deel_hoogste_inkomens": (
            f(np.where(heeft & (d["nationaal_deciel"] >= 8), u.werkelijke_kosten_cent - u.toeslag_cent, 0)),
            f(np.where(heeft & (d["nationaal_deciel"] >= 8), u.werkelijke_kosten_cent, 0)),
            "w_ng",
        ),
        "gemiddeld_inkomen_paar": (f(np.where(paar, d["inkomen"], 0)), f(paar), "w"),
        "toeslag_deel_van_kosten": (f(u.toeslag_cent), f(u.kosten_cent), "w_ng"),
    }
    ug, ps = u.uren_gebruikt_cu, u.prijs_som_cent
    if km is not None and ug is not None and ps is not None:  # the detail arrays come together (details=True)
        out["gemiddeld_aantal_kinderen_kot"] = (f(km[:, 1:].sum(axis=1)) / 12, None, "w_ng")
        for naam, i in (("dagopvang", 1), ("bso", 2), ("gastouder_0_3", 3), ("gastouder_4_12", 4)):
            out[f"uren_{naam}"] = (f(ug[:, i]) / 100, f(km[:, i]), "w_ng")
        out["uren_totaal"] = (f(ug[:, 1:].sum(axis=1)) / 100, f(km[:, 1:].sum(axis=1)), "w_ng")
        out["uurprijs_dagopvang"] = (f(ps[:, 1]) / 100, f(km[:, 1]), "w_ng")
        out["uurprijs_bso"] = (f(ps[:, 2]) / 100, f(km[:, 2]), "w_ng")
    return out


def _gewogen_mediaan(x: np.ndarray, w: np.ndarray) -> float:
    o = np.argsort(x, kind="stable")
    cw = np.cumsum(w[o])
    return float(x[o][np.searchsorted(cw, 0.5 * cw[-1])])


def bereikt(pop: P.Populatie, u: HuishoudUitkomst, gewicht: np.ndarray, aannames: P.Aannames) -> dict[str, float]:
    """Achieved value of every measure with the given weights (households)."""
    ng = aannames.niet_gebruik_per_groep("midden")[pop.data["groep"]]
    w_ng = gewicht * (1 - ng)
    out = {}
    for naam, (x, noemer, weging) in maten(pop, u, aannames).items():
        w = w_ng if weging == "w_ng" else gewicht
        teller = float(np.dot(w, x))
        out[naam] = teller / float(np.dot(w, noemer)) if noemer is not None and np.dot(w, noemer) > 0 else teller
    paar = pop.data["heeft_partner"]
    if paar.any():
        out["mediaan_inkomen_paar"] = _gewogen_mediaan(pop.data["inkomen"][paar].astype(np.float64), gewicht[paar])
    out["kosten_hoogste_tov_lagere_inkomens"] = _kosten_hoog_tegen_laag(pop, u, w_ng)
    return out


def _kosten_hoog_tegen_laag(pop: P.Populatie, u: HuishoudUitkomst, w_ng: np.ndarray) -> float:
    """Actual childcare costs per recipient household in the (approximate) national deciles 8-10 over those in deciles
    1-7, after non-take-up: the model side of check C18 (CBS 2017, amounts by income class)."""
    heeft = u.toeslag_cent > 0
    hoog = pop.data["nationaal_deciel"] >= 8
    kosten = w_ng * u.werkelijke_kosten_cent

    def per_huishouden(sel: np.ndarray) -> float:
        n = float(w_ng[heeft & sel].sum())
        return float(kosten[heeft & sel].sum()) / n if n > 0 else float("nan")

    laag = per_huishouden(~hoog)
    return per_huishouden(hoog) / laag if laag > 0 else float("nan")


# ------------------------------------------------------------------------------------------ raking
@dataclass
class RakingInfo:
    iteraties: int
    grenzen: tuple[float, float]
    g_min: float
    g_max: float
    max_afwijking: float


def _logit(u: np.ndarray, L: float, U: float) -> tuple[np.ndarray, np.ndarray]:
    A = (U - L) / ((1 - L) * (U - 1))
    e = np.exp(np.clip(A * u, -700, 700))
    noemer = (U - 1) + (1 - L) * e
    g = (L * (U - 1) + U * (1 - L) * e) / noemer
    # where A*u is large, noemer**2 overflows to inf and dg becomes 0: its limit, so the overflow is not an error
    with np.errstate(over="ignore"):
        dg = A * e * (1 - L) * (U - 1) * (U - L) / noemer**2
    return g, dg


def rake(X: np.ndarray, d: np.ndarray, t: np.ndarray, grenzen=(0.2, 5.0), max_iter: int = 200, tol: float = 1e-10):
    """Weights w = d * g(X lambda) with X' w = t and L < g < U. Returns (w, iterations, max relative deviation)."""
    L, U = grenzen
    k = X.shape[1]
    lam = np.zeros(k)
    schaal = np.maximum(np.abs(X).T @ d, 1e-9)
    g, dg = _logit(X @ lam, L, U)
    r = t - X.T @ (d * g)
    fout = np.max(np.abs(r) / schaal)
    for it in range(1, max_iter + 1):
        if fout < tol:
            return d * g, it - 1, fout
        J = X.T @ (X * (d * dg)[:, None])
        try:
            stap = np.linalg.solve(J + 1e-12 * np.eye(k) * np.trace(J) / k, r)
        except np.linalg.LinAlgError:
            stap = np.linalg.lstsq(J, r, rcond=None)[0]
        a = 1.0
        while True:
            lam_n = lam + a * stap
            g_n, dg_n = _logit(X @ lam_n, L, U)
            r_n = t - X.T @ (d * g_n)
            fout_n = np.max(np.abs(r_n) / schaal)
            if fout_n < fout or a < 1e-4:
                break
            a /= 2
        lam, g, dg, r, fout = lam_n, g_n, dg_n, r_n, fout_n
    return d * g, max_iter, fout


def _doelen_weging(jaar: int) -> list[dict[str, Any]]:
    return [dl for dl in P.kalibratie_doelen()["doelen"] if dl["methode"] == "weging"]


def kalibreer(
    pop: P.Populatie, u: HuishoudUitkomst | None = None, aannames: P.Aannames | None = None
) -> tuple[P.Populatie, pd.DataFrame, HuishoudUitkomst]:
    """Set the weights of `pop` (in place) by raking to the 'weging' targets of its year, under `aannames` (None: the
    shipped assumptions). Returns the population, the calibration report (`rapport`) and the baseline household
    results used."""
    a = aannames or P.Aannames.standaard()
    jaar = pop.jaar
    if u is None:
        u = bereken_huishoudens(pop, parameters_voor_jaar(jaar), details=True)
    m = maten(pop, u, a)
    ng = a.niet_gebruik_per_groep("midden")[pop.data["groep"]]
    kolommen, doelen = [], []
    for dl in _doelen_weging(jaar):
        x, noemer, weging = m[dl["maat"]]
        fac = (1 - ng) if weging == "w_ng" else 1.0
        waarde = float(a.doelwaarde(dl, jaar))
        if dl["soort"] == "aandeel":
            if noemer is None:
                raise ValueError(f"Kalibratiedoel {dl['maat']!r} is een aandeel, maar de maat heeft geen noemer.")
            kolommen.append((x - waarde * noemer) * fac)
            doelen.append(0.0)
        else:
            kolommen.append(x * fac)
            doelen.append(waarde)
        if not np.any(kolommen[-1] != 0) and doelen[-1] != 0:
            raise KalibratieFout(
                f"Kalibratie onmogelijk: geen enkel huishouden telt mee voor '{dl['naam']}' ({dl['id']}). "
                "Maak een grotere populatie."
            )
    X = np.column_stack(kolommen)
    t = np.array(doelen)
    d = np.full(pop.n, pop.data["gewicht_e4"][0] / P.GEWICHT_EENHEID if pop.n else 0.0)
    for grenzen in ((0.2, 5.0), (0.05, 20.0), (0.01, 100.0)):
        w, it, fout = rake(X, d, t, grenzen)
        if fout < 1e-8:
            break
    else:
        raise KalibratieFout(
            f"De weging komt niet uit (grootste afwijking {fout:.2e}). De doelen zijn met deze populatie niet te halen; "
            "maak een grotere populatie of controleer de aannames."
        )
    gewicht_e4 = np.rint(w * P.GEWICHT_EENHEID).astype(np.int64)
    pop.data["gewicht_e4"] = gewicht_e4
    gw = gewicht_e4 / P.GEWICHT_EENHEID
    pop.data["inkomensdeciel"] = P.gewogen_decielen(pop.data["inkomen"], gw)
    pop.data["nationaal_deciel"] = P.nationale_decielen(pop.data["inkomen"], pop.data["heeft_partner"], gw)
    g = w / d
    info = RakingInfo(it, grenzen, float(g.min()), float(g.max()), float(fout))
    pop.meta.update(
        gekalibreerd=True,
        raking={
            "iteraties": info.iteraties,
            "grenzen": list(info.grenzen),
            "g_min": round(info.g_min, 4),
            "g_max": round(info.g_max, 4),
        },
        huishoudens_gewogen=int(gewicht_e4.sum()) / P.GEWICHT_EENHEID,
    )
    return pop, rapport(pop, u, a), u


def rapport(pop: P.Populatie, u: HuishoudUitkomst, aannames: P.Aannames) -> pd.DataFrame:
    """Every target beside what the population achieves (with the final integer weights)."""
    jaar = pop.jaar
    gw = pop.data["gewicht_e4"] / P.GEWICHT_EENHEID
    b = bereikt(pop, u, gw, aannames)
    rijen = []
    for dl in P.kalibratie_doelen()["doelen"]:
        doel = aannames.doelwaarde(dl, jaar)
        waarde = b.get(dl["maat"], float("nan"))
        tol = dl.get("tolerantie")
        if dl["soort"] == "bereik":
            lo, hi = doel
            ok = lo <= waarde <= hi
            verschil = 0.0 if ok else (waarde - lo if waarde < lo else waarde - hi)
            doel_tekst = f"{getal(lo, 0)} - {getal(hi, 0)}"
        elif dl["soort"] == "aandeel":
            verschil = waarde - float(doel)
            ok = abs(verschil) <= tol
            doel_tekst = getal(float(doel), 3, nullen="vast", duizendtallen=False)
        else:
            verschil = (waarde - float(doel)) / float(doel)
            ok = abs(verschil) <= tol
            doel_tekst = getal(float(doel), 0 if abs(float(doel)) >= 1000 else 2, nullen="vast")
        rijen.append(
            {
                "id": dl["id"],
                "doel": dl["naam"],
                "methode": dl["methode"],
                "rol": dl.get("rol", ""),
                "soort": dl["soort"],
                "doelwaarde": doel_tekst,
                "bereikt": waarde,
                "verschil": verschil,
                "tolerantie": tol,
                "binnen_marge": bool(ok),
                "herkomst": dl.get("herkomst", ""),
                "aanname": dl.get("aanname", "") or "",
                "bron": dl.get("bron", ""),
                "toelichting": " ".join(str(dl.get("toelichting", "")).split()),
            }
        )
    return pd.DataFrame(rijen)


def aannames_tabel(aannames: P.Aannames) -> pd.DataFrame:
    """Every assumption and non-take-up share of `aannames` with its range, use, reason and source."""
    doc = aannames.document()
    rijen = []
    for naam, a in doc["aannames"].items():
        rijen.append(
            {
                "aanname": naam,
                "waarde": _tekst(a["waarde"]),
                "bereik": _tekst(a.get("bereik", "")),
                "eenheid": a.get("eenheid", ""),
                "gebruik": a.get("gebruik", ""),
                "reden": " ".join(str(a.get("reden", "")).split()),
                "bron": a.get("bron", ""),
            }
        )
    for groep, a in doc["niet_gebruik"].items():
        rijen.append(
            {
                "aanname": f"niet_gebruik.{groep}",
                "waarde": _tekst(a["midden"]),
                "bereik": f"{a['laag']} - {a['hoog']}",
                "eenheid": "aandeel van de huishoudens met recht en opvang dat geen KOT aanvraagt",
                "gebruik": "direct",
                "reden": " ".join(str(a.get("reden", "")).split()),
                "bron": "",
            }
        )
    return pd.DataFrame(rijen)


def _tekst(v: Any) -> str:
    if isinstance(v, dict):
        return "; ".join(f"{k}: {_tekst(x)}" for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return " - ".join(_tekst(x) for x in v)
    return str(v)


def maak_populatie(
    n: int, jaar: int = 2024, seed: int = 2024, aannames: P.Aannames | None = None
) -> tuple[P.Populatie, pd.DataFrame]:
    """Generate and calibrate a population under `aannames` (None: the shipped assumptions). Returns (population,
    calibration report)."""
    a = aannames or P.Aannames.standaard()
    pop = P.generate(n, jaar, seed, a)
    pop, rap, _ = kalibreer(pop, aannames=a)
    return pop, rap
