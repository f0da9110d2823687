"""Multi-year runs 2024-2030: each year under its own law, a stated projection where no law exists, and the 2029 system.

The 2024 population is brought to each later year by the stated indexation (assumption `meerjarige_indexatie`:
incomes, prices parents pay, volume). Per year three kinds of scenario exist:

- **wet** (the law of that year): the rules, the percentage table and the maximum uurprijzen that kotwijzer holds for
  the year. Where the table misses cells (2025: next children above EUR 50.811) or a whole table or the maximum
  uurprijzen are missing (2027), the rules core leaves those amounts out; the run counts the households and hours whose
  amount could not be computed (`niet_berekenbaar`), it never fills them in. 2028-2030 have no law in kotwijzer: the
  run reports every household as not computable.
- **projectie** (ongewijzigd beleid, an assumption, never called law): for 2027-2030 the 2026 rules and percentages, the
  2026 income bounds indexed with the income growth, and the maximum uurprijzen announced for 2027 (status
  aangekondigd), indexed from 2028. 2024-2026 equal the law.
- **reforms and systems** on top of the projection: R1-R4 (rule switches) in every year, and from 2029 the new
  financing system: an income-independent 96 % for working parents ('stelsel 2029', paid to providers), and the same
  96 % with the present exception groups kept ('stelsel 2029 met uitzonderingen'), so the cost and the households of
  the exception groups (Wlz partner, detention, bijstand with a traject, study, inburgering) are visible.

Everything is computed by the rules core (`kotwijzer.kern` via `policy.indicatoren`); the only thing this module does
to the input is the indexation and, for the 'werkende ouders' system, keeping only the situations of work (arbeid and
the werkloosheidstermijn after it) - that system is a scenario, not law, so no rule of the current law is rewritten.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from kotwijzer.params import (
    MaximumUurprijs,
    OntbrekendeWetgeving,
    maximum_uurprijs,
    parameters_voor_jaar,
    tabel,
    valideer_tabel,
)
from kotwijzer.params.loader import HOOGSTE_PROMILLE
from kotwijzer.policy import herkomst as _herkomst  # noqa: F401  (records the commit at load time)
from kotwijzer.policy import populatie as P
from kotwijzer.policy.hervorming import Hervorming
from kotwijzer.policy.hervorming import parameters as hervorming_parameters
from kotwijzer.policy.indicatoren import HuishoudUitkomst, bereken_huishoudens, blokken
from kotwijzer.policy.microsim import SLEUTELS, combineer, maak_cellen  # noqa: F401
from kotwijzer.policy.rekenomgeving import VersieFout, controleer_versies, data_pad, versies  # noqa: F401
from kotwijzer.rules import codes as c

JAREN = tuple(range(2024, 2031))
LAATSTE_WETJAAR = 2026  # last year with a complete table and fixed maximum uurprijzen in kotwijzer
STELSEL_JAAR = 2029
WERK_BITS = np.uint32(c.A | c.WT)


# where the missing cells of a partial table are put: at the legal lower or upper bound, or the central estimate
Grens = Literal["onder", "midden", "boven"]


@dataclass(frozen=True)
class Scenario:
    """One run in one year. `soort`: wet | projectie | hervorming | stelsel. `basis`: the code it is compared with."""

    code: str
    naam: str
    jaar: int
    soort: str
    basis: str | None = None
    hervorming: Hervorming | None = None
    alleen_werk: bool = False
    percentage_96: bool = False
    percentages_van: int | None = None  # percentages of this year's table on this year's bounds (indexed)
    grens: Grens | None = None  # 'onder' / 'boven': missing cells of a partial table at their legal bounds


def index(aannames: P.Aannames, jaar: int, soort: str) -> float:
    """Cumulative growth factor from 2024 to `jaar` for 'inkomen', 'uurprijs' or 'volume'."""
    g = aannames.waarde("meerjarige_indexatie")[soort]
    f = 1.0
    for j in range(2025, jaar + 1):
        f *= float(g[j])
    return f


def jaarpopulatie(pop: P.Populatie, jaar: int, aannames: P.Aannames) -> P.Populatie:
    """The 2024 population brought to `jaar`: incomes and prices indexed, weights times the volume index."""
    if jaar == pop.jaar:
        return pop
    d = dict(pop.data)
    d["inkomen"] = np.rint(pop.data["inkomen"] * index(aannames, jaar, "inkomen")).astype(np.int64)
    d["prijs_cent"] = np.rint(pop.data["prijs_cent"] * index(aannames, jaar, "uurprijs")).astype(np.int32)
    d["gewicht_e4"] = np.rint(pop.data["gewicht_e4"] * index(aannames, jaar, "volume")).astype(np.int64)
    return P.Populatie(pop.jaar, d, pop.meta)


def alleen_werk(pop: P.Populatie) -> P.Populatie:
    """The 'werkende ouders' system: only work (Wko 1.6 lid 1 onder a) and the werkloosheidstermijn after it count."""
    d = dict(pop.data)
    d["sit"] = (pop.data["sit"] & WERK_BITS).astype(np.uint32)
    return P.Populatie(pop.jaar, d, pop.meta)


# ------------------------------------------------------------------------------------------ law per year
def _projectie_tabel(aannames: P.Aannames, jaar: int, percentage_96: bool, van: int = LAATSTE_WETJAAR):
    f = index(aannames, jaar, "inkomen") / index(aannames, van, "inkomen")
    return _projectie_tabel_f(jaar, percentage_96, f, van)


@lru_cache(maxsize=256)
def _projectie_tabel_f(jaar: int, percentage_96: bool, f: float, van_jaar: int):
    basis = tabel(van_jaar)
    vannen = [0 if i == 0 else round(int(basis.van[i]) * f) for i in range(len(basis.van))]
    # (van, tot en met or None for the top row, promille eerste kind, promille overige kinderen)
    rijen: list[tuple[int, int | None, int, int]] = [
        (
            van,
            vannen[i + 1] - 1 if i + 1 < len(vannen) else None,
            int(basis.eerste_kind[i]),
            int(basis.overige_kinderen[i]),
        )
        for i, van in enumerate(vannen)
    ]
    if percentage_96:
        rijen = [(0, None, HOOGSTE_PROMILLE, HOOGSTE_PROMILLE)]
    csv = [
        {
            "income_from": str(van),
            "income_to_incl": "" if tot is None else str(tot),
            "pct_first_child": f"{p1 / 10:.1f}",
            "pct_next_children": f"{p2 / 10:.1f}",
        }
        for van, tot, p1, p2 in rijen
    ]
    t = valideer_tabel(jaar, csv, "hervorming")
    herkomst = (
        "96 % voor elk inkomen (stelsel 2029, scenario)"
        if percentage_96
        else f"projectie: percentages {van_jaar}, grenzen geindexeerd met de aanname meerjarige_indexatie"
    )
    return dataclasses.replace(t, bron=herkomst, wettelijke_grondslag="scenario")


def _projectie_max(aannames: P.Aannames, jaar: int) -> MaximumUurprijs:
    if jaar <= LAATSTE_WETJAAR:
        return maximum_uurprijs(jaar)
    g = aannames.waarde("meerjarige_indexatie")["maximum_uurprijs"]
    f = 1.0
    for j in range(2028, jaar + 1):
        f *= float(g[j])
    return _projectie_max_f(jaar, f)


@lru_cache(maxsize=256)
def _projectie_max_f(jaar: int, f: float) -> MaximumUurprijs:
    mu27 = maximum_uurprijs(2027, ook_aangekondigd=True)
    cent = {k: round(v * f) for k, v in mu27.cent.items()}
    return MaximumUurprijs(
        jaar,
        cent,
        "hervorming",
        f"projectie: aangekondigde maximum uurprijzen 2027 ({mu27.status}), daarna geindexeerd",
        (),
    )


def grenstabel(jaar: int, grens: Grens, aannames: P.Aannames | None = None):
    """The year's partial table with every missing next-child cell at a bound the law itself sets, so the uncomputed
    part can be given as a range, never as one guessed number:
    - 'onder': the first-child percentage of the same row (the next-child table is never lower than the first-child
      table: nota van toelichting of the ontwerpbesluit 2025);
    - 'boven': the last known next-child percentage above it (percentages never rise with income, and 96 % is the
      ceiling).
    - 'midden': a central estimate, not law: the mean of the next-child percentages of the year before and the year
      after at the same real income (the row's lower bound deflated and inflated with `meerjarige_indexatie.inkomen`),
      kept inside the two legal bounds above.
    Only cells that are missing are filled. The legal bounds ('onder', 'boven') are those of `kotwijzer.params.grenzen`
    (one implementation for parents and policy); 'midden' is computed here, with the income indexation of `aannames`
    (None: the shipped assumptions)."""
    if grens == "midden":
        ind = (aannames or P.Aannames.standaard()).waarde("meerjarige_indexatie")["inkomen"]
        return _grenstabel(jaar, grens, float(ind[jaar]), float(ind[jaar + 1]))
    return _grenstabel(jaar, grens, 1.0, 1.0)


@lru_cache(maxsize=16)
def _grenstabel(jaar: int, grens: Grens, index_jaar: float, index_volgend: float):
    """`grenstabel` for the income index of `jaar` and of the year after it (used by 'midden' only)."""
    if grens in ("onder", "boven"):
        from kotwijzer.params.grenzen import grenstabel as tabel_op_grens

        g = tabel_op_grens(tabel(jaar), grens)
        tekst = {"onder": "ondergrens: eerste-kindpercentage", "boven": "bovengrens: laatst bekende percentage"}[grens]
        return dataclasses.replace(
            g, bron=f"tabel {jaar} met de ontbrekende cellen op hun {tekst}", wettelijke_grondslag="scenario"
        )
    from kotwijzer.params.loader import GEEN_PERCENTAGE

    t = tabel(jaar)
    p1 = [int(x) for x in t.eerste_kind]
    p2 = [int(x) for x in t.overige_kinderen]
    laatste = HOOGSTE_PROMILLE
    for i in range(len(p2)):
        if p2[i] == GEEN_PERCENTAGE and p1[i] != GEEN_PERCENTAGE:
            if grens == "midden":
                p2[i] = min(max(_naburige_jaren_pct(jaar, int(t.van[i]), index_jaar, index_volgend), p1[i]), laatste)
            else:
                p2[i] = p1[i] if grens == "onder" else laatste
        elif p2[i] != GEEN_PERCENTAGE:
            laatste = p2[i]
    rijen = [
        {
            "income_from": str(int(t.van[i])),
            "income_to_incl": "" if t.tot[i] < 0 else str(int(t.tot[i])),
            "pct_first_child": "" if p1[i] < 0 else f"{p1[i] / 10:.1f}",
            "pct_next_children": "" if p2[i] < 0 else f"{p2[i] / 10:.1f}",
            "status_first_child": "" if p1[i] >= 0 else "not_found",
            "status_next_children": "" if p2[i] >= 0 else "not_found",
        }
        for i in range(len(p1))
    ]
    g = valideer_tabel(jaar, rijen, "hervorming")
    tekst = {
        "onder": "ondergrens: eerste-kindpercentage",
        "boven": "bovengrens: laatst bekende percentage",
        "midden": "centrale schatting: gemiddelde van het jaar ervoor en erna bij hetzelfde reele inkomen",
    }[grens]
    return dataclasses.replace(
        g, bron=f"tabel {jaar} met de ontbrekende cellen op hun {tekst}", wettelijke_grondslag="scenario"
    )


def _pct_overige(jaar: int, inkomen: float) -> int:
    """Next-child percentage (promille) of the complete table of `jaar` at `inkomen`."""
    t = tabel(jaar)
    i = int(np.searchsorted(np.asarray(t.van), inkomen, side="right")) - 1
    return int(t.overige_kinderen[max(i, 0)])


def _naburige_jaren_pct(jaar: int, inkomen: int, index_jaar: float, index_volgend: float) -> int:
    """Mean of the next-child percentages of `jaar - 1` and `jaar + 1` at the same real income (promille), with the
    income index of `jaar` and of the year after it."""
    voor = _pct_overige(jaar - 1, inkomen / index_jaar)
    na = _pct_overige(jaar + 1, inkomen * index_volgend)
    return round((voor + na) / 2)


def parameters(s: Scenario, aannames: P.Aannames):
    """JaarParameters of a scenario under `aannames` (the projections index with them), or None when the year has no
    law in kotwijzer (everything not computable)."""
    if s.grens is not None:
        return parameters_voor_jaar(s.jaar, None, grenstabel(s.jaar, s.grens, aannames))
    if s.percentages_van is not None:
        return parameters_voor_jaar(s.jaar, None, _projectie_tabel(aannames, s.jaar, False, s.percentages_van))
    if s.soort == "wet":
        try:
            return parameters_voor_jaar(s.jaar)
        except OntbrekendeWetgeving:
            return None
    if s.jaar <= LAATSTE_WETJAAR and not s.percentage_96:
        if tabel(s.jaar).status == "onvolledig" and (
            s.hervorming is None or not (s.hervorming.tabel or s.hervorming.maximum_uurprijs)
        ):
            # ongewijzigd beleid (an assumption-based row) in a year with a partial table: the central estimate of
            # the missing cells, so the projection and the rule switches on top of it are computed for everyone
            wijz = dict(s.hervorming.wijzigingen) if s.hervorming is not None and s.hervorming.wijzigingen else None
            return parameters_voor_jaar(s.jaar, wijz, grenstabel(s.jaar, "midden", aannames))
        if s.hervorming is not None:
            return hervorming_parameters(s.hervorming, s.jaar)
        return parameters_voor_jaar(s.jaar)
    regeljaar = min(s.jaar, 2027)
    wijz = dict(s.hervorming.wijzigingen) if s.hervorming is not None else None
    return parameters_voor_jaar(
        regeljaar, wijz, _projectie_tabel(aannames, s.jaar, s.percentage_96), _projectie_max(aannames, s.jaar)
    )


def plan(hervormingen: list[Hervorming] | None = None, jaren: tuple[int, ...] = JAREN) -> list[Scenario]:
    """All scenarios of the multi-year run. Reforms that change the table or the maximum uurprijzen (R5) are single-year
    reforms of the base year only; rule switches (R1-R4) run in every year on top of the projection."""
    out: list[Scenario] = []
    for j in jaren:
        if j == 2025:
            # the 2025 increase of the percentages (SZW estimate EUR 429 mln): 2025 law against the 2024 percentages on
            # the 2025 bounds (the 2024 bounds indexed as the law did, +3,87 %)
            out.append(
                Scenario(
                    "zonder_verhoging_2025", "2025 met de percentages van 2024", j, "variant", percentages_van=2024
                )
            )
            out.append(
                Scenario("verhoging_2025", "Verhoging van de percentages in 2025", j, "wet", "zonder_verhoging_2025")
            )
            grenzen: tuple[tuple[Grens, str], ...] = (
                ("midden", "centrale schatting"),
                ("onder", "ondergrens"),
                ("boven", "bovengrens"),
            )
            for g, tekst in grenzen:
                out.append(
                    Scenario(f"grens{g}_2025", f"Wet 2025, ontbrekende cellen op hun {tekst}", j, "grens", grens=g)
                )
                out.append(
                    Scenario(
                        f"verhoging{g}_2025",
                        f"Verhoging 2025, ontbrekende cellen op hun {tekst}",
                        j,
                        "grens",
                        "zonder_verhoging_2025",
                        grens=g,
                    )
                )
        out.append(Scenario(f"wet_{j}", f"Wet {j}", j, "wet"))
        out.append(
            Scenario(f"projectie_{j}", f"Ongewijzigd beleid {j}" if j > LAATSTE_WETJAAR else f"Wet {j}", j, "projectie")
        )
        for h in hervormingen or []:
            if (h.tabel or h.maximum_uurprijs) and j != jaren[0]:
                continue
            out.append(Scenario(f"{h.code}_{j}", h.naam, j, "hervorming", f"projectie_{j}", hervorming=h))
        if j >= STELSEL_JAAR:
            out.append(
                Scenario(
                    f"stelsel_{j}",
                    "Stelsel 2029: 96 % voor werkende ouders",
                    j,
                    "stelsel",
                    f"projectie_{j}",
                    alleen_werk=True,
                    percentage_96=True,
                )
            )
            out.append(
                Scenario(
                    f"stelsel_uitz_{j}",
                    "Stelsel 2029 met de huidige uitzonderingsgroepen",
                    j,
                    "stelsel",
                    f"projectie_{j}",
                    percentage_96=True,
                )
            )
    return out


def verwerk_partitie(pop: P.Populatie, scenarios: list[Scenario], aannames: P.Aannames) -> dict[str, pd.DataFrame]:
    """Every scenario for one partition under `aannames`: cells of exact integer sums (as `microsim.verwerk_partitie`)."""
    out: dict[str, pd.DataFrame] = {}
    per_jaar: dict[int, list[Scenario]] = {}
    for s in scenarios:
        per_jaar.setdefault(s.jaar, []).append(s)
    for jaar, lijst in per_jaar.items():
        jp = jaarpopulatie(pop, jaar, aannames)
        bl = blokken(jp)
        bl_werk = None
        uitkomst: dict[str, HuishoudUitkomst] = {}
        for s in sorted(lijst, key=lambda s: s.basis is not None):
            p = parameters(s, aannames)
            if (
                s.soort == "projectie"
                and s.jaar <= LAATSTE_WETJAAR
                and f"wet_{jaar}" in uitkomst
                and tabel(jaar).status != "onvolledig"
            ):
                u = uitkomst[f"wet_{jaar}"]  # up to the last year with law the projection is the law itself
            elif p is None:
                u = _niets_berekenbaar(jp, bl)
            elif s.alleen_werk:
                if bl_werk is None:
                    bl_werk = blokken(alleen_werk(jp))
                u = bereken_huishoudens(jp, p, voorbereid=bl_werk)
            else:
                u = bereken_huishoudens(jp, p, voorbereid=bl)
            uitkomst[s.code] = u
            out[s.code] = maak_cellen(jp, u, uitkomst[s.basis] if s.basis else None)
    return out


def _niets_berekenbaar(pop: P.Populatie, bl) -> HuishoudUitkomst:
    """A year without law in kotwijzer: no decision, no amount; every household with childcare is 'not computable'."""
    u = HuishoudUitkomst.leeg(pop.n, False)
    uren = (np.where(pop.data["soort"] > 0, pop.data["uren_cu"], 0)).sum(axis=(1, 2), dtype=np.int64)
    u.bedrag_onbekend = uren > 0
    u.onbekend_uren_cu = uren
    return u


# ------------------------------------------------------------------------------------------ runner
# A Dask task returns its cells and the names of the assumptions it read (a worker process reads its own copy).
def _job_bestand(
    pad: str, rijgroepen_idx: list[int], scenarios: list[Scenario], aannames: P.Aannames
) -> tuple[dict[str, pd.DataFrame], set[str]]:
    return verwerk_partitie(P.lees_parquet(pad, rijgroepen_idx), scenarios, aannames), set(aannames.gelezen)


def _job_populatie(
    pop: P.Populatie, scenarios: list[Scenario], aannames: P.Aannames
) -> tuple[dict[str, pd.DataFrame], set[str]]:
    return verwerk_partitie(pop, scenarios, aannames), set(aannames.gelezen)


@dataclass
class Meerjarig:
    """The cells of every scenario, the scenarios, facts about the run (`meta`) and the assumptions it ran under
    (`aannames`; `aannames.gelezen` names what the run read)."""

    cellen: dict[str, pd.DataFrame]
    scenarios: list[Scenario]
    meta: dict[str, Any] = field(default_factory=dict)
    aannames: P.Aannames = field(default_factory=P.Aannames.standaard)

    def scenario(self, code: str) -> Scenario:
        return next(s for s in self.scenarios if s.code == code)


def draai(
    bron: P.Populatie | str | Path,
    scenarios: list[Scenario],
    dask: Any = None,
    partitie: int = 65_536,
    voortgang: Any = None,
    aannames: P.Aannames | None = None,
) -> Meerjarig:
    """Run the scenarios over a population (in memory or a Parquet file) under `aannames` (None: the shipped
    assumptions), in one process or on Dask."""
    from kotwijzer.policy.microsim import DASK_OMGEVING, dask_client, partities_bestand

    if dask is None:
        dask = os.environ.get(DASK_OMGEVING) or None
    if dask == "":
        dask = None
    aannames = aannames or P.Aannames.standaard()
    t0 = time.perf_counter()
    if isinstance(bron, P.Populatie):
        n = bron.n
        spec: list[tuple[str, slice | list[int]]] = [
            ("pop", slice(s, min(s + partitie, n))) for s in range(0, n, partitie)
        ] or [("pop", slice(0, 0))]
    else:
        pad = data_pad(bron)
        if "://" not in pad and not Path(pad).exists():
            raise FileNotFoundError(
                f"Populatiebestand {Path(pad).name} bestaat niet. Maak het eerst met: kotwijzer beleid populatie"
            )
        n = sum(P.rijgroepen(pad))
        spec = [("bestand", r) for r in partities_bestand(Path(pad), partitie)]
    delen = []
    workers_info: dict[str, Any] = {}
    if dask is None:
        for soort, sp in spec:
            deel = P.lees_deel(bron if soort == "pop" else pad, sp)
            delen.append(verwerk_partitie(deel, scenarios, aannames))
            if voortgang:
                voortgang()
        modus = "een proces"
    else:
        from dask.distributed import as_completed

        with dask_client(dask) as client:
            workers_info = controleer_versies(client)
            if isinstance(bron, P.Populatie):
                sc = client.scatter([P.lees_deel(bron, sp) for _, sp in spec])
                futs = [client.submit(_job_populatie, x, scenarios, aannames, pure=False) for x in sc]
            else:
                futs = [client.submit(_job_bestand, pad, sp, scenarios, aannames, pure=False) for _, sp in spec]
            for f in as_completed(futs):
                cellen_deel, gelezen = f.result()
                delen.append(cellen_deel)
                aannames.gelezen.update(gelezen)
                if voortgang:
                    voortgang()
            w = client.scheduler_info().get("workers", {})
            modus = f"dask ({len(w)} worker(s), {sum(int(x.get('nthreads', 1)) for x in w.values())} thread(s))"
    cellen = combineer(delen)
    duur = time.perf_counter() - t0
    return Meerjarig(
        cellen,
        scenarios,
        {
            "modus": modus,
            "seconden": round(duur, 2),
            "partities": len(spec),
            "huishoudens_synthetisch": n,
            "scenarios": len(scenarios),
            "huishoudjaren": n * len(scenarios),
            "workers": sorted(workers_info),
        },
        aannames,
    )
