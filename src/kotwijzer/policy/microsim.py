"""Microsimulation: the rules core over a synthetic population, for the baseline and any number of reforms.

The population is split into partitions of households. Every partition is processed by the same function
(`verwerk_partitie`): it runs the kernel for the baseline and each reform (via `policy.indicatoren`, which only calls
`kotwijzer.kern`) and sums the weighted results into cells (income decile x paar/eenouder x doelgroep). All sums are
int64 in exact units (weights in 1/10,000 household, money in cents, hours in hundredths), so combining partitions is
exact and independent of the order: one process and a Dask cluster give totals that are identical to the cent.

Dask: `--dask local` starts a LocalCluster on this machine; `--dask tcp://host:8786` (or the environment variable
KOTWIJZER_DASK_SCHEDULER) uses an existing scheduler. With a Parquet file the workers read their own row groups, so
the file must be reachable under the same path on every worker.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kotwijzer.policy import populatie as P
from kotwijzer.policy.hervorming import BASIS, BASISSCENARIO, Hervorming, parameters
from kotwijzer.policy.indicatoren import HuishoudUitkomst, bereken_huishoudens, blokken
from kotwijzer.policy.rekenomgeving import controleer_versies, data_pad

SLEUTELS = ("inkomensdeciel", "paar", "groep")
PARTITIE = 65_536
DASK_OMGEVING = "KOTWIJZER_DASK_SCHEDULER"

# metric -> unit of the stored integer (before dividing by the weight unit 10,000)
EENHEDEN = {
    "n_huishoudens": "huishouden (ongewogen)",
    "huishoudens": "huishouden",
    "met_aanspraak": "huishouden",
    "ontvangers": "huishouden",
    "maanden_aanspraak": "maand",
    "kinderen": "kind",
    "kinderen_dagopvang": "kind",
    "kinderen_bso": "kind",
    "kinderen_gastouder": "kind",
    "uren": "centi-uur",
    "uren_dagopvang": "centi-uur",
    "uren_bso": "centi-uur",
    "uren_gastouder": "centi-uur",
    "toeslag": "cent",
    "toeslag_dagopvang": "cent",
    "toeslag_bso": "cent",
    "toeslag_gastouder": "cent",
    "kosten": "cent",
    "werkelijke_kosten": "cent",
    "toeslag_ongewogen": "cent (ongewogen)",
    "niet_berekenbaar": "huishouden",
    "niet_berekenbaar_uren": "centi-uur",
    # reforms, per household against the baseline
    "winnaars": "huishouden",
    "verliezers": "huishouden",
    "winst": "cent",
    "verlies": "cent",
    "nieuwe_ontvangers": "huishouden",
    "nieuwe_ontvangers_toeslag": "cent",
    "geen_ontvanger_meer": "huishouden",
    "nieuwe_aanspraak": "huishouden",
    "verliest_aanspraak": "huishouden",
    "verandering_berekenbaar": "cent",
    "verandering_onbekend": "huishouden",
}
VERSCHIL = (
    "winnaars",
    "verliezers",
    "winst",
    "verlies",
    "nieuwe_ontvangers",
    "nieuwe_ontvangers_toeslag",
    "geen_ontvanger_meer",
    "nieuwe_aanspraak",
    "verliest_aanspraak",
    "verandering_berekenbaar",
    "verandering_onbekend",
)
SOORTEN = ((1, "dagopvang"), (2, "bso"), (3, "gastouder"))


def maak_cellen(pop: P.Populatie, u: HuishoudUitkomst, basis: HuishoudUitkomst | None) -> pd.DataFrame:
    d = pop.data
    w = d["gewicht_e4"]
    kol: dict[str, np.ndarray] = {
        "inkomensdeciel": d["inkomensdeciel"],
        "paar": d["heeft_partner"].astype(np.int8),
        "groep": d["groep"],
        "n_huishoudens": np.ones(pop.n, np.int64),
        "huishoudens": w,
        "met_aanspraak": w * (u.maanden_aanspraak > 0),
        "ontvangers": w * (u.toeslag_cent > 0),
        "maanden_aanspraak": w * u.maanden_aanspraak.astype(np.int64),
        "kinderen": w * u.kinderen_met_toeslag.astype(np.int64),
        "uren": w * u.uren_cu,
        "toeslag": w * u.toeslag_cent,
        "kosten": w * u.kosten_cent,
        "werkelijke_kosten": w * u.werkelijke_kosten_cent,
        "toeslag_ongewogen": u.toeslag_cent,
        "niet_berekenbaar": w * u.bedrag_onbekend,
        "niet_berekenbaar_uren": w * u.onbekend_uren_cu,
    }
    for s, naam in SOORTEN:
        kol[f"kinderen_{naam}"] = w * u.kinderen_soort[:, s].astype(np.int64)
        kol[f"uren_{naam}"] = w * u.uren_per_soort_cu[:, s]
        kol[f"toeslag_{naam}"] = w * u.toeslag_per_soort_cent[:, s]
    if basis is not None:
        delta = u.toeslag_cent - basis.toeslag_cent
        kol.update(
            winnaars=w * (delta > 0),
            verliezers=w * (delta < 0),
            winst=w * np.where(delta > 0, delta, 0),
            verlies=w * np.where(delta < 0, delta, 0),
            nieuwe_ontvangers=w * ((basis.toeslag_cent == 0) & (u.toeslag_cent > 0)),
            nieuwe_ontvangers_toeslag=w * np.where(basis.toeslag_cent == 0, u.toeslag_cent, 0),
            geen_ontvanger_meer=w * ((basis.toeslag_cent > 0) & (u.toeslag_cent == 0)),
            nieuwe_aanspraak=w * ((basis.maanden_aanspraak == 0) & (u.maanden_aanspraak > 0)),
            verliest_aanspraak=w * ((basis.maanden_aanspraak > 0) & (u.maanden_aanspraak == 0)),
        )
        # bereken_huishoudens and HuishoudUitkomst.leeg always fill bedrag_onbekend
        assert u.bedrag_onbekend is not None and basis.bedrag_onbekend is not None
        onbekend = u.bedrag_onbekend | basis.bedrag_onbekend
        # the change over households whose amount is known in both scenarios only (never a partial amount)
        kol.update(verandering_berekenbaar=w * np.where(onbekend, 0, delta), verandering_onbekend=w * onbekend)
    df = pd.DataFrame({k: (v.astype(np.int64) if k not in SLEUTELS else v) for k, v in kol.items()})
    return df.groupby(list(SLEUTELS), sort=True).sum()


def verwerk_partitie(pop: P.Populatie, hervormingen: list[Hervorming]) -> dict[str, pd.DataFrame]:
    """Baseline and every reform for one partition: cells of exact integer sums per scenario code."""
    bl = blokken(pop)
    basis = bereken_huishoudens(pop, parameters(BASISSCENARIO, pop.jaar), voorbereid=bl)
    out = {BASIS: maak_cellen(pop, basis, None)}
    for h in hervormingen:
        out[h.code] = maak_cellen(pop, bereken_huishoudens(pop, parameters(h, pop.jaar), voorbereid=bl), basis)
    return out


def _job_bestand(pad: str, rijgroepen_idx: list[int], hervormingen: list[Hervorming]) -> dict[str, pd.DataFrame]:
    return verwerk_partitie(P.lees_parquet(pad, rijgroepen_idx), hervormingen)


def _job_populatie(pop: P.Populatie, hervormingen: list[Hervorming]) -> dict[str, pd.DataFrame]:
    return verwerk_partitie(pop, hervormingen)


def _opwarmen(jaar: int, hervormingen: list[Hervorming]) -> None:
    """Load the law data and the modules once per worker (before the partitions arrive)."""
    for h in [BASISSCENARIO, *hervormingen]:
        parameters(h, jaar).tabel()


def combineer(delen: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Sum the cells of partitions (exact: int64)."""
    codes = list(delen[0])
    return {c: pd.concat([d[c] for d in delen]).groupby(level=list(SLEUTELS), sort=True).sum() for c in codes}


@dataclass
class Resultaat:
    """The cells of the baseline and every reform, facts about the run (`meta`) and the assumptions its tables use
    (`aannames`: the non-take-up shares)."""

    jaar: int
    cellen: dict[str, pd.DataFrame]
    hervormingen: list[Hervorming]
    meta: dict[str, Any] = field(default_factory=dict)
    aannames: P.Aannames = field(default_factory=P.Aannames.standaard)

    @property
    def codes(self) -> list[str]:
        return list(self.cellen)

    def totaal(self, code: str = BASIS) -> dict[str, int]:
        """Exact integer totals of one scenario (units in EENHEDEN, times 10,000 for weighted metrics)."""
        return {k: int(v) for k, v in self.cellen[code].sum().items()}


# ------------------------------------------------------------------------------------------ partitions
def partities_bestand(pad: Path, grootte: int) -> list[list[int]]:
    rg = P.rijgroepen(pad)
    out, huidig, n = [], [], 0
    for i, r in enumerate(rg):
        huidig.append(i)
        n += r
        if n >= grootte:
            out.append(huidig)
            huidig, n = [], 0
    if huidig:
        out.append(huidig)
    return out


@contextmanager
def dask_client(adres: Any) -> Iterator[Any]:
    """A dask.distributed Client for 'local' (a LocalCluster on this machine), a scheduler address, or an existing
    Client (returned as is).

    'local' runs one worker with a thread per core: the kernel is numpy code that releases the GIL, and on the 2-core
    benchmark machine worker processes were slower (more page faults per task). 'local-processen' starts one worker
    process per core instead."""
    from dask.distributed import Client, LocalCluster

    if not isinstance(adres, str):
        yield adres
        return
    if adres in ("local", "local-processen"):
        n = max(1, min(os.cpu_count() or 1, 8))
        kw = (
            dict(processes=False, n_workers=1, threads_per_worker=n)
            if adres == "local"
            else dict(processes=True, n_workers=n, threads_per_worker=1)
        )
        with LocalCluster(dashboard_address=None, **kw) as cluster, Client(cluster) as client:
            yield client
        return
    with Client(adres) as client:
        yield client


def simuleer(
    bron: P.Populatie | str | Path,
    hervormingen: list[Hervorming] | None = None,
    dask: Any = None,
    partitie: int = PARTITIE,
    voortgang: bool = False,
    aannames: P.Aannames | None = None,
) -> Resultaat:
    """Run the baseline and the reforms over a population (in memory or a Parquet file). The rules need no
    assumption; `aannames` (None: the shipped assumptions) go with the result, for its tables after non-take-up.

    dask: None (one process; also reads KOTWIJZER_DASK_SCHEDULER), 'local', 'local-processen', a scheduler address
    (tcp://host:8786), or a Client.
    Set KOTWIJZER_DASK_SCHEDULER to '' or pass dask='' to force one process."""
    hervormingen = list(hervormingen or [])
    if dask is None:
        dask = os.environ.get(DASK_OMGEVING) or None
    if dask == "":
        dask = None
    t0 = time.perf_counter()
    if isinstance(bron, P.Populatie):
        jaar, meta_pop, n = bron.jaar, dict(bron.meta), bron.n
        grenzen = list(range(0, n, partitie)) or [0]
        delen_spec: list[tuple[str, slice | list[int]]] = [("pop", slice(s, min(s + partitie, n))) for s in grenzen]
    else:
        pad = Path(data_pad(bron))  # absolute: every worker reads the same file
        if not pad.exists():
            raise FileNotFoundError(
                f"Populatiebestand {pad} bestaat niet. Maak het eerst met: kotwijzer beleid populatie --uitvoer {pad}"
            )
        meta_pop = P.lees_meta(pad)
        jaar = int(meta_pop.pop("jaar"))
        n = sum(P.rijgroepen(pad))
        delen_spec = [("bestand", rgs) for rgs in partities_bestand(pad, partitie)]
    if not meta_pop.get("gekalibreerd", False):
        meta_pop["waarschuwing"] = "De populatie is niet gekalibreerd: de gewichten zijn startwaarden."

    voortgang_ctx = _voortgang(voortgang, len(delen_spec), len(hervormingen))
    resultaten: list[dict[str, pd.DataFrame]] = []
    with voortgang_ctx as stap:
        if dask is None:
            for soort, spec in delen_spec:
                deel = P.lees_deel(bron if soort == "pop" else pad, spec)
                resultaten.append(verwerk_partitie(deel, hervormingen))
                stap()
            modus = "een proces"
        else:
            from dask.distributed import as_completed

            with dask_client(dask) as client:
                controleer_versies(client)
                client.run(_opwarmen, jaar, hervormingen)
                if isinstance(bron, P.Populatie):
                    scat = client.scatter([P.lees_deel(bron, spec) for _, spec in delen_spec])
                    futures = [client.submit(_job_populatie, s, hervormingen, pure=False) for s in scat]
                else:
                    futures = [
                        client.submit(_job_bestand, str(pad), spec, hervormingen, pure=False) for _, spec in delen_spec
                    ]
                for fut in as_completed(futures):
                    resultaten.append(fut.result())
                    stap()
                workers = client.scheduler_info().get("workers", {})
                threads = sum(int(w.get("nthreads", 1)) for w in workers.values())
                modus = f"dask ({len(workers)} worker(s), {threads} thread(s))"
    cellen = combineer(resultaten)
    duur = time.perf_counter() - t0
    from kotwijzer.params import tabel as _tabel

    meta = {
        "jaar": jaar,
        "populatie": meta_pop,
        "huishoudens_synthetisch": n,
        "partities": len(delen_spec),
        "modus": modus,
        "seconden": round(duur, 3),
        "huishoudjaren": n * (1 + len(hervormingen)),
        "huishoudjaren_per_seconde": round(n * (1 + len(hervormingen)) / duur) if duur > 0 else None,
        "tabel_status": _tabel(jaar).status,
    }
    return Resultaat(jaar, cellen, hervormingen, meta, aannames or P.Aannames.standaard())


@contextmanager
def _voortgang(aan: bool, n: int, n_herv: int):
    if not aan:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()) as pr:
        taak = pr.add_task(f"Rekenen (basis + {n_herv} hervorming(en)), partities", total=n)
        yield lambda: pr.advance(taak)
