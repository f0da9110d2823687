"""Benchmark of the whole policy analysis (not a test): a calibrated population of 2,000,000 households, the multi-year
run 2024-2030 with every scenario (law of each year, projection, R1-R5, the 2025 increase, the 2029 system with and
without the exception groups), Monte Carlo, tornado and seed variance, and the multi-year run on real Dask scheduler
and worker processes (1 and 2 workers) on 127.0.0.1.

    .venv/bin/python bench/bench_beleid.py                      # N = 2,000,000, 200 draws; appends to bench/RESULTS.md
    .venv/bin/python bench/bench_beleid.py --n 100000 --trekkingen 10 --geen-verslag

Design of the uncertainty part (feasible on a 2-core machine shared with others): every Monte Carlo draw, every
tornado point and every seed-variance run generates and calibrates its own population of --mc-aantal households
(default 20,000) and runs the 2024 baseline, R1-R5 and the 2029 system; the headline numbers come from the 2,000,000
household run. A draw on 2,000,000 households would take about 100 times longer (some 2 minutes each).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_populatie import machine  # noqa: E402

POORT = 18_240


def _wacht(poort: int, s: float = 90.0) -> None:
    t0 = time.time()
    while time.time() - t0 < s:
        with socket.socket() as so:
            if so.connect_ex(("127.0.0.1", poort)) == 0:
                return
        time.sleep(0.3)
    raise RuntimeError(f"poort {poort} kwam niet op")


def cluster(workers: int, log: Path):
    """Start `dask scheduler` and `dask worker` processes on loopback; returns (address, processes)."""
    b = Path(sys.executable).parent / "dask"
    # the child process keeps its own copy of the log file; this process closes its handle at once
    with open(log / "scheduler.log", "w") as uit:
        p = [
            subprocess.Popen(
                [str(b), "scheduler", "--host", "127.0.0.1", "--port", str(POORT), "--no-dashboard"],
                stdout=uit,
                stderr=subprocess.STDOUT,
                cwd=log,
            )
        ]
    _wacht(POORT)
    with open(log / "worker.log", "w") as uit:
        p.append(
            subprocess.Popen(
                [
                    str(b),
                    "worker",
                    f"tcp://127.0.0.1:{POORT}",
                    "--host",
                    "127.0.0.1",
                    "--nthreads",
                    "1",
                    "--nworkers",
                    str(workers),
                    "--worker-port",
                    f"{POORT + 1}:{POORT + 1 + workers}",
                    "--nanny-port",
                    f"{POORT + 10}:{POORT + 10 + workers}",
                    "--no-dashboard",
                ],
                stdout=uit,
                stderr=subprocess.STDOUT,
                cwd=log,
            )
        )
    from dask.distributed import Client

    with Client(f"tcp://127.0.0.1:{POORT}", timeout=60) as c:
        c.wait_for_workers(workers, timeout=120)
    return f"tcp://127.0.0.1:{POORT}", p


def stop(procs) -> None:
    for x in reversed(procs):
        x.terminate()
        try:
            x.wait(timeout=30)
        except subprocess.TimeoutExpired:
            x.kill()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--trekkingen", type=int, default=200)
    ap.add_argument("--mc-aantal", type=int, default=20_000)
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--uitvoer", type=Path, default=ROOT / "bench" / "out_beleid")
    ap.add_argument("--geen-dask", action="store_true")
    ap.add_argument("--geen-verslag", action="store_true")
    args = ap.parse_args()

    import pandas as pd

    from kotwijzer.policy import analyse as A
    from kotwijzer.policy import doorrekening as D
    from kotwijzer.policy import hervorming as H
    from kotwijzer.policy import kalibratie as K
    from kotwijzer.policy import meerjarig as M
    from kotwijzer.policy import onzekerheid as O
    from kotwijzer.policy import populatie as P

    args.uitvoer.mkdir(parents=True, exist_ok=True)
    load0 = os.getloadavg()
    start = dt.datetime.now(dt.UTC)
    t = {}
    t0 = time.perf_counter()
    pop = P.generate(args.n, 2024, args.seed)
    t["genereren"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    pop, rapport, _ = K.kalibreer(pop)
    t["kalibreren"] = time.perf_counter() - t0
    pad = (args.uitvoer / f"populatie_2024_{args.n}.parquet").resolve()
    t0 = time.perf_counter()
    pop.naar_parquet(pad)
    t["parquet"] = time.perf_counter() - t0
    gewogen = pop.meta["huishoudens_gewogen"]
    del pop
    print(f"populatie klaar: {t}", flush=True)

    t0 = time.perf_counter()
    o = D.volledig(
        args.uitvoer / "analyse",
        populatie=pad,
        trekkingen=args.trekkingen,
        mc_aantal=args.mc_aantal,
        seeds=args.seeds,
        tornado=True,
        dask="",
        melding=lambda m: print(f"{dt.datetime.now(dt.UTC):%H:%M:%S} (load {os.getloadavg()[0]:.1f}) {m}", flush=True),
    )
    t["analyse_totaal"] = time.perf_counter() - t0
    tijden = o["tijden_seconden"]
    scen = M.plan(list(H.alle().values()))
    huishoudjaren = args.n * len(scen)
    print(f"analyse klaar: {t['analyse_totaal']:.0f} s", flush=True)

    dask_rijen = []
    gelijk = None
    if not args.geen_dask:
        basis = pd.read_csv(args.uitvoer / "analyse" / "reeksen.csv").set_index("code")["uitgaven_model"]
        for w in (1, 2):
            log = args.uitvoer / f"dask_{w}"
            log.mkdir(exist_ok=True)
            adres, procs = cluster(w, log)
            try:
                t0 = time.perf_counter()
                mj = M.draai(str(pad), scen, dask=adres)
                s = time.perf_counter() - t0
            finally:
                stop(procs)
            r = A.reeksen(mj, 1.0).set_index("code")["uitgaven_model"]
            gelijk = bool((abs(r - basis.loc[r.index]) < 0.01).all()) if gelijk in (None, True) else False
            dask_rijen.append((w, s))
            print(f"dask {w} worker(s): {s:.0f} s", flush=True)

    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    load1 = os.getloadavg()
    bt = pd.read_csv(args.uitvoer / "analyse" / "budgettabel.csv", dtype=str).fillna("")
    iv = (
        pd.read_csv(args.uitvoer / "analyse" / "intervallen.csv")
        if (args.uitvoer / "analyse" / "intervallen.csv").exists()
        else None
    )
    u = o["uitlijning"]
    regels = [
        "",
        "## Beleidsanalyse: hele analyse op 2,000,000 huishoudens (meerjarig 2024-2030, alle scenario's, Monte Carlo)"
        if args.n == 2_000_000
        else f"## Beleidsanalyse: hele analyse op {args.n:,} huishoudens",
        "",
        f"Gemeten op {start:%Y-%m-%d %H:%M} UTC met `.venv/bin/python bench/bench_beleid.py --n {args.n} --trekkingen "
        f"{args.trekkingen} --mc-aantal {args.mc_aantal} --seeds {args.seeds}`.",
        "",
        f"Machine: {machine()}. Gedeeld met andere processen: load average bij de start {load0[0]:.1f} / {load0[1]:.1f} / "
        f"{load0[2]:.1f}, aan het eind {load1[0]:.1f} / {load1[1]:.1f} / {load1[2]:.1f} (1/5/15 min). Piekgeheugen "
        f"hoofdproces {piek:.1f} GiB.",
        "",
        f"Populatie: 2024, startgetal {args.seed}, {args.n:,} synthetische huishoudens (gewogen {gewogen:,.0f}); "
        f"kalibratie {int(rapport['binnen_marge'].sum())} van {len(rapport)} doelen binnen de marge"
        + (
            "; erbuiten: " + ", ".join(f"{r.id} ({r.doel}: {r.bereikt:.3g} tegen {r.doelwaarde})" for r in buiten)
            if (buiten := list(rapport[~rapport["binnen_marge"]].itertuples()))
            else ""
        )
        + ".",
        "",
        "| stap | seconden | huishoudjaren per seconde |",
        "|---|---:|---:|",
        f"| genereren | {t['genereren']:.1f} | |",
        f"| kalibreren (raking, met een basisrun van de regels) | {t['kalibreren']:.1f} | |",
        f"| Parquet schrijven | {t['parquet']:.1f} | |",
        f"| meerjarig 2024-2030, {len(scen)} scenario's ({huishoudjaren:,} huishoudjaren), een proces, inclusief lezen | "
        f"{tijden['meerjarig']:.1f} | {huishoudjaren / tijden['meerjarig']:,.0f} |",
        f"| Monte Carlo: {args.trekkingen} trekkingen van {args.mc_aantal:,} huishoudens (elk: maken, wegen, 2024 + "
        f"R1-R5 + stelsel 2029) | {tijden.get('monte_carlo', 0):.1f} | |",
        f"| tornado: elke aanname en elk niet-gebruik op laag en hoog ({2 * len(O.namen()) + 1} runs van {args.mc_aantal:,}) | "
        f"{tijden.get('tornado', 0):.1f} | |",
        f"| seedvariantie: {args.seeds} startgetallen | {tijden.get('seedvariantie', 0):.1f} | |",
        f"| hele analyse (`kotwijzer beleid analyse --populatie ...`), inclusief tabellen en grafieken | "
        f"{t['analyse_totaal']:.1f} | |",
    ]
    for w, s in dask_rijen:
        regels.append(
            f"| meerjarig op Dask: `dask scheduler` + `dask worker --nworkers {w} --nthreads 1` op 127.0.0.1 | "
            f"{s:.1f} | {huishoudjaren / s:,.0f} |"
        )
    if dask_rijen:
        regels += [
            "",
            f"Totalen van de Dask-runs gelijk aan de run in een proces (elk scenario): {'ja' if gelijk else 'NEE'}.",
        ]
    regels += [
        "",
        f"Uitlijning: model 2024 EUR {u['model'] / 1e9:.3f} mld (na niet-gebruik midden) tegen het jaarbedrag EUR "
        f"{u.get('jaarbedrag', u['bedrag']) / 1e9:.3f} mld (begroting EUR {u['bedrag'] / 1e9:.3f} mld min kasbrug "
        f"EUR {u.get('kasbrug', 0) / 1e9:.3f} mld); factor {u['factor']:.4f} (tegen de kasraming "
        f"{u.get('factor_tegen_kas', u['factor']):.4f}).",
        "",
        f"Budgettabel (x EUR 1 mln, uitgelijnd, statisch, {bt['prijsniveau'].iloc[0] if 'prijsniveau' in bt else ''}; "
        "afgerond op EUR 5 mln):",
        "",
    ]
    kol = [k for k in bt.columns if k not in ("bron", "prijsniveau", "soort")]
    regels += ["| " + " | ".join(kol) + " |", "|" + "---|" * len(kol)]
    for _, r in bt.iterrows():
        regels.append("| " + " | ".join(str(r[k]) for k in kol) + " |")
    if "bron" in bt:
        regels += ["", bt["bron"].iloc[0]]
    if iv is not None:
        regels += [
            "",
            "Onzekerheid (5-95 % over de trekkingen; centraal = grote populatie), miljoen euro:",
            "",
            "| uitkomst | centraal | 5 % | 95 % |",
            "|---|---:|---:|---:|",
        ]
        for _, r in iv[iv["uitkomst"].str.endswith(("_uitgelijnd", "basis_2024_model"))].iterrows():
            c = r.get("centraal_grote_populatie")
            regels.append(
                f"| {r['omschrijving']} | {float(c) / 1e6:,.1f} | {r['p05'] / 1e6:,.1f} | {r['p95'] / 1e6:,.1f} |"
            )
    tekst = "\n".join(regels) + "\n"
    print(tekst)
    (args.uitvoer / "verslag.md").write_text(tekst, encoding="utf-8")
    (args.uitvoer / "tijden.json").write_text(
        json.dumps({"stappen": t, "analyse": tijden, "dask": dask_rijen}), encoding="utf-8"
    )
    if not args.geen_verslag:
        with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as f:
            f.write(tekst)


if __name__ == "__main__":
    main()
