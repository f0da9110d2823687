"""The whole policy analysis (`kotwijzer beleid analyse`): population, multi-year run, aligned tables, uncertainty,
charts and provenance, written to one folder. Orchestration only: the tables come from `analyse`, the uncertainty
from `onzekerheid`, the files from `uitvoer`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from kotwijzer.formaat import getal
from kotwijzer.policy import populatie as P
from kotwijzer.policy.analyse import (
    bedrag,
    budgettabel,
    gedragsvariant,
    reconciliatie,
    reeksen,
    uitlijning,
    uitzonderingsgroepen,
)


def volledig(
    uitvoer: str | Path,
    aantal: int = 200_000,
    seed: int = 2024,
    populatie: str | Path | None = None,
    trekkingen: int = 200,
    mc_aantal: int = 20_000,
    seeds: int = 10,
    tornado: bool = True,
    dask: Any = None,
    partitie: int = 65_536,
    melding: Callable[[str], None] | None = None,
    aannames: P.Aannames | None = None,
) -> dict[str, Any]:
    """Everything `kotwijzer beleid analyse` produces under `aannames` (None: the shipped assumptions), written to
    `uitvoer`. Returns the overview (also overzicht.json)."""
    import time

    from kotwijzer.policy import hervorming as H
    from kotwijzer.policy import kalibratie as K
    from kotwijzer.policy import meerjarig as M

    zeg = melding or (lambda s: None)
    a = aannames or P.Aannames.standaard()
    tijden: dict[str, float] = {}
    t0 = time.perf_counter()
    hervormingen = list(H.alle().values())
    bron, kal, seed, aantal = _populatie(populatie, aantal, seed, zeg, a)
    tijden["populatie"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    zeg("Meerjarige doorrekening 2024-2030 (wet, projectie, hervormingen, stelsel 2029)")
    mj = M.draai(bron, M.plan(hervormingen), dask=dask, partitie=partitie, aannames=a)
    tijden["meerjarig"] = time.perf_counter() - t1
    uitl = uitlijning(bedrag(mj.cellen["wet_2024"], aannames=a))
    factor = uitl["factor"]
    r = reeksen(mj, factor)
    tabellen: dict[str, pd.DataFrame] = {
        "budgettabel": budgettabel(r, uitl),
        "budgettabel_constante_prijzen": budgettabel(r, uitl, constante_prijzen=True, aannames=a),
        "uitlijning": pd.DataFrame(
            [
                {
                    **uitl,
                    "methode": "een factor op alle bedragen van alle jaren en scenario's: "
                    "(begroting 2024 min de kasbrug) / model 2024 (na niet-gebruik midden)",
                }
            ]
        ),
        "reeksen": r,
        "stelsel_2029_doelgroepen": uitzonderingsgroepen(mj, factor),
        "reconciliatie": reconciliatie(mj, factor, uitl),
        "gedrag": gedragsvariant(mj, factor),
    }
    if kal is not None:
        tabellen["kalibratie"] = kal
    tabellen["aannames"] = K.aannames_tabel(a)
    if trekkingen or tornado or seeds:
        tabellen.update(_onzekerheid(mj, hervormingen, seed, trekkingen, mc_aantal, seeds, tornado, dask, tijden, zeg))
    h = _herkomst(
        populatie, bron, aantal, seed, hervormingen, trekkingen, mc_aantal, seeds, tornado, factor, mj, tijden
    )
    return _schrijf(Path(uitvoer), tabellen, r, h, hervormingen, uitl, tijden)


def _populatie(populatie: str | Path | None, aantal: int, seed: int, zeg: Callable[[str], None], a: P.Aannames):
    """The population of the run: an existing Parquet file (with its calibration report next to it) or a new one."""
    from kotwijzer.policy import kalibratie as K
    from kotwijzer.policy import meerjarig as M

    if populatie is not None:
        bron: Any = M.data_pad(populatie)
        meta = P.lees_meta(bron)
        seed = int(meta.get("seed", seed))
        aantal = int(sum(P.rijgroepen(bron)))
        rapport_pad = Path(bron).with_name(Path(bron).stem + "_kalibratie.csv")
        kal = pd.read_csv(rapport_pad) if "://" not in str(bron) and rapport_pad.exists() else None
        return bron, kal, seed, aantal
    zeg(f"Populatie maken: {getal(aantal, 0)} huishoudens")
    pop = P.generate(aantal, 2024, seed, a)
    pop, kal, _ = K.kalibreer(pop, aannames=a)
    return pop, kal, seed, aantal


def _onzekerheid(
    mj, hervormingen, seed, trekkingen, mc_aantal, seeds, tornado, dask, tijden, zeg
) -> dict[str, pd.DataFrame]:
    """Monte Carlo intervals, tornado and seed variance (on a Dask cluster when one is given)."""
    import os
    import time
    from contextlib import nullcontext

    from kotwijzer.policy import meerjarig as M
    from kotwijzer.policy import onzekerheid as O
    from kotwijzer.policy.microsim import DASK_OMGEVING, dask_client

    uit: dict[str, pd.DataFrame] = {}
    d = dask if dask is not None else (os.environ.get(DASK_OMGEVING) or None)
    with dask_client(d) if d else nullcontext(None) as client:
        if client is not None:
            M.controleer_versies(client)
        t2 = time.perf_counter()
        zeg(f"Centrale trekking ({getal(mc_aantal, 0)} huishoudens)")
        centraal_klein = O.trekking(mj.aannames, seed, mc_aantal, hervormingen) or {}
        if trekkingen:
            zeg(f"Monte Carlo: {trekkingen} trekkingen van {getal(mc_aantal, 0)} huishoudens")
            mc = O.monte_carlo(trekkingen, mc_aantal, hervormingen, seed=seed, aannames=mj.aannames, client=client)
            uit["mc_trekkingen"] = mc
            iv = O.intervallen(mc, centraal_klein)
            groot = O.uitkomsten(mj.cellen, O.plan_mc(hervormingen), mj.aannames)
            iv["centraal_grote_populatie"] = [groot.get(k) for k in iv["uitkomst"]]
            uit["intervallen"] = iv
        tijden["monte_carlo"] = time.perf_counter() - t2
        t3 = time.perf_counter()
        if tornado:
            zeg("Gevoeligheid: elke aanname op de grenzen van haar bereik (tornado)")
            uit["tornado"] = O.tornado(mc_aantal, hervormingen, seed=seed, aannames=mj.aannames, client=client)
        tijden["tornado"] = time.perf_counter() - t3
        t4 = time.perf_counter()
        if seeds:
            zeg(f"Seedvariantie: {seeds} startgetallen")
            uit["seedvariantie"] = O.seedvariantie(
                mc_aantal, hervormingen, [seed + 10_000 + i for i in range(seeds)], client=client, aannames=mj.aannames
            )
        tijden["seedvariantie"] = time.perf_counter() - t4
    return uit


def _herkomst(populatie, bron, aantal, seed, hervormingen, trekkingen, mc_aantal, seeds, tornado, factor, mj, tijden):
    from kotwijzer.policy.herkomst import bestand_hash
    from kotwijzer.policy.herkomst import herkomst as maak_herkomst

    return maak_herkomst(
        seed=seed,
        aannames=mj.aannames.document(),
        aannames_bron=mj.aannames.bron,
        hervormingen=hervormingen,
        extra={
            "populatie": {
                "huishoudens": aantal,
                "bestand": Path(str(populatie)).name if populatie else "in het geheugen gemaakt",
                "sha256": bestand_hash(bron) if populatie else None,
            },
            "monte_carlo": {
                "trekkingen": trekkingen,
                "huishoudens_per_trekking": mc_aantal,
                "startgetallen_seedvariantie": seeds,
                "tornado": tornado,
            },
            "uitlijnfactor": factor,
            "aannames_gelezen": sorted(mj.aannames.gelezen),
            "run": {**mj.meta, "tijden_seconden": {k: round(v, 1) for k, v in tijden.items()}},
        },
    )


def _schrijf(map_: Path, tabellen, r, h, hervormingen, uitl, tijden) -> dict[str, Any]:
    """Charts, tables, workbook and provenance into `map_`."""
    from kotwijzer.policy import uitvoer as U

    map_.mkdir(parents=True, exist_ok=True)
    graf: dict[str, Any] = {"meerjarig": U.grafiek_meerjarig(r, map_, h)}
    iv, td = tabellen.get("intervallen"), tabellen.get("tornado")
    if iv is not None and len(iv):
        graf["intervallen"] = U.grafiek_intervallen(iv, map_, h)
    if td is not None and len(td):
        graf["tornado"] = {}
        for uitkomst, titel in (
            ("basis_2024_model", "Basis 2024 (model, niet uitgelijnd): welke aanname telt?"),
            *((f"{x.code}_2024_uitgelijnd", f"{x.code} {x.naam}: welke aanname telt?") for x in hervormingen),
            ("stelsel_2029_uitgelijnd", "Stelsel 2029: welke aanname telt?"),
        ):
            graf["tornado"][uitkomst] = U.grafiek_tornado(td, uitkomst, titel, map_, h)
    graf["stelsel_2029_doelgroepen"] = U.grafiek_uitzonderingen(tabellen["stelsel_2029_doelgroepen"], map_, h)
    overzicht = {
        "uitlijning": uitl,
        "tijden_seconden": tijden,
        "waarschuwingen": [
            "Alle bedragen zijn statisch (geen gedragsreactie); de gedragsvariant staat apart.",
            "Na 2026 is 'ongewijzigd beleid' een projectie met aannames, geen wet.",
            "De tabel 2024 is voorlopig; de tabel 2025 is onvolledig: 2025 is een centrale schatting met de "
            "wettelijke grenzen ernaast.",
        ],
    }
    return U.schrijf(map_, tabellen, h, graf, overzicht)
