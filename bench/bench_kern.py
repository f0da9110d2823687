"""Benchmark of the rules core (not a test): population throughput and single-household latency.

    .venv/bin/python bench/bench_kern.py            # N = 1, 10,000 and 1,000,000; writes bench/RESULTS.md section
    .venv/bin/python bench/bench_kern.py --n 10000  # one size, printed only

Each population size runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own. Households are random
but plausible (2 parents, up to 3 children, mixed situations, all three opvangsoorten), generated as arrays; the
kernel runs the full law for 2026 (aanspraak with every exception, the yearly pool, maximum uurprijs, first child,
table lookup, rounding) in blocks of 65,536 households.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def random_batch(n: int, jaar: int = 2026, kinderen: int = 3, seed: int = 1):
    from kotwijzer.invoer import Batch
    from kotwijzer.rules import codes as c

    rng = np.random.default_rng(seed)
    keuzes = np.array([c.A, c.A, c.A, c.A, c.C, c.J, c.G, c.WLZ_PERM, c.DET_LANG, 0], dtype=np.uint32)
    sit = keuzes[rng.integers(0, len(keuzes), size=(n, 2, 1))].repeat(12, axis=2)
    stop = rng.random((n, 2, 12)) < 0.03
    sit = np.where(stop, np.uint32(0), sit).astype(np.uint32)
    heeft_partner = rng.random(n) < 0.8
    sit[~heeft_partner, 1, :] = 0
    k = rng.integers(1, kinderen + 1, size=n)
    bestaat = np.arange(kinderen)[None, :] < k[:, None]
    soort = rng.integers(1, 4, size=(n, kinderen, 1)).astype(np.int8).repeat(12, axis=2)
    soort = np.where(bestaat[..., None], soort, 0).astype(np.int8)
    uren = (rng.integers(20, 200, size=(n, kinderen, 1)) * 100).astype(np.int32).repeat(12, axis=2)
    prijs = rng.integers(700, 1300, size=(n, kinderen, 1)).astype(np.int32).repeat(12, axis=2)
    ones = np.ones((n, kinderen, 12), dtype=bool)
    return Batch(
        jaar=jaar, sit=sit, werkuren_cu=np.full((n, 2, 12), 12000, np.int32), heeft_partner=heeft_partner,
        bloedverwant=np.zeros(n, bool), kind_bestaat=bestaat, geboren=ones, voor_vo=ones,
        bso_leeftijd=soort == 2, woont=ones, soort=soort, lrk=ones, uren_cu=uren, prijs_cent=prijs,
        inkomen=rng.integers(0, 250_000, size=n).astype(np.int64), eerste_maand=np.zeros(n, np.int8),
        traject_einde_maand=np.full((n, 2), -1, np.int8),
    )


def run_population(n: int) -> dict:
    from kotwijzer.kern import bereken_totalen
    from kotwijzer.params import parameters_voor_jaar

    b = random_batch(n)
    p = parameters_voor_jaar(b.jaar)
    bereken_totalen(random_batch(min(n, 1000), seed=2), params=p)  # warm-up (imports, table load)
    herhaal = 5 if n <= 10_000 else 3
    tijden = []
    for _ in range(herhaal):
        t0 = time.perf_counter()
        tot = bereken_totalen(b, params=p)
        tijden.append(time.perf_counter() - t0)
    best = min(tijden)
    return {
        "n": n,
        "seconden": best,
        "huishoudjaren_per_seconde": n / best,
        "piekgeheugen_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "totaal_toeslag_eur": int(tot.toeslag_cent.sum()) / 100,
    }


def run_single(rondes: int = 500) -> dict:
    """One household from JSON (examples/paar_werkt_2026.json, in process): `bereken` with its full trace, and the
    same followed by the per-month explanation with the cited law texts (`kotwijzer.explain.uitleg`, as the web pages
    and the API show it). A fixed application date, so every run computes the same."""
    from kotwijzer.compute import bereken
    from kotwijzer.explain import uitleg

    data = json.loads((ROOT / "examples" / "paar_werkt_2026.json").read_text())
    vandaag = dt.date(2026, 12, 6)
    for _ in range(50):
        uitleg(bereken(data, vandaag))
    tijden = []
    for _ in range(rondes):
        t0 = time.perf_counter()
        bereken(data, vandaag)
        tijden.append(time.perf_counter() - t0)
    met_uitleg = []
    for _ in range(rondes):
        t0 = time.perf_counter()
        uitleg(bereken(data, vandaag))
        met_uitleg.append(time.perf_counter() - t0)
    return {"mediaan_ms": statistics.median(tijden) * 1000, "p95_ms": sorted(tijden)[int(0.95 * len(tijden))] * 1000,
            "mediaan_uitleg_ms": statistics.median(met_uitleg) * 1000}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int)
    ap.add_argument("--single", action="store_true")
    ap.add_argument("--vergelijk", metavar="SRC", help="src folder of another version (e.g. a git worktree of main): "
                    "run both versions alternately under the same load and record the comparison")
    ap.add_argument("--een-huishouden", action="store_true",
                    help="with --vergelijk: compare only one household (trace, and trace with explanation)")
    ap.add_argument("--rondes", type=int, default=3, help="with --vergelijk: alternating rounds per version")
    args = ap.parse_args()
    if args.vergelijk:
        vergelijk(Path(args.vergelijk), rondes=args.rondes, alleen_een=args.een_huishouden)
        return
    if args.single:
        print(json.dumps(run_single()))
        return
    if args.n is not None:
        print(json.dumps(run_population(args.n)))
        return
    rows = []
    for n in (1, 10_000, 1_000_000):
        out = subprocess.run([sys.executable, __file__, "--n", str(n)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(rows[-1])
    single = json.loads(subprocess.run([sys.executable, __file__, "--single"], capture_output=True, text=True, check=True).stdout)
    print(single)
    lines = [
        f"Run {dt.date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}. Year 2026, full law, households with up to 3 children x 12 months. Best of 3-5 runs; "
        "peak memory is the process's maximum resident set size (includes the generated input arrays). "
        f"Load average of the machine at the end: {os.getloadavg()[0]:.1f} (above 1 means other work shared the 2 cores; "
        "compare versions with `--vergelijk`).",
        "",
        "| households (N) | seconds | household-years per second | peak memory (MiB) |",
        "|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['seconden']:.4f} | {r['huishoudjaren_per_seconde']:,.0f} | {r['piekgeheugen_mib']:,.0f} |")
    lines += [
        "",
        f"One household with its full trace (`kotwijzer.compute.bereken`, examples/paar_werkt_2026.json, in process): "
        f"median {single['mediaan_ms']:.2f} ms, p95 {single['p95_ms']:.2f} ms (500 runs).",
        "",
        "Targets (issue 2): 1,000,000 household-years under 2.5 s with peak memory under 2 GiB; one household with trace "
        "under 2 ms median.",
        "",
    ]
    sys.path.insert(0, str(ROOT / "bench"))
    from resultaten import schrijf_sectie

    schrijf_sectie("Rules core (bench/bench_kern.py)", "\n".join(lines))


def vergelijk(andere_src: Path, rondes: int = 3, alleen_een: bool = False) -> None:
    """Old and new code alternately, each in a fresh subprocess, so that both see the same machine load."""
    def draai(src: Path | None, *extra: str) -> dict:
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = str(src)
        out = subprocess.run([sys.executable, __file__, *extra], capture_output=True, text=True, check=True, env=env)
        return json.loads(out.stdout.strip().splitlines()[-1])

    load_voor = os.getloadavg()
    metingen: dict[str, dict[str, list[dict]]] = {}
    metingen_lijst = [("10,000", ("--n", "10000")), ("1,000,000", ("--n", "1000000")), ("een huishouden", ("--single",))]
    for naam, extra in metingen_lijst[2:] if alleen_een else metingen_lijst:
        metingen[naam] = {"ander": [], "deze": []}
        for _ in range(rondes):
            metingen[naam]["ander"].append(draai(andere_src, *extra))
            metingen[naam]["deze"].append(draai(None, *extra))
    load = os.getloadavg()
    lines = [
        f"Comparison {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC with the previous version of the code "
        f"(`--vergelijk`), alternating {rondes} rounds each in fresh processes on the same machine "
        f"(load average before {load_voor[0]:.1f}, afterwards {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}: other "
        "work was running, so absolute times are higher than on a quiet machine; the ratio is what counts). Best round "
        "per version.",
        "",
        "| measure | previous | this version | ratio |",
        "|---|---:|---:|---:|",
    ]
    for naam, m in metingen.items():
        if naam == "een huishouden":
            a = min(x["mediaan_ms"] for x in m["ander"])
            b = min(x["mediaan_ms"] for x in m["deze"])
            lines.append(f"| one household with trace, median ms | {a:.3f} | {b:.3f} | {b / a:.2f} |")
            if all("mediaan_uitleg_ms" in x for x in m["ander"] + m["deze"]):
                a = min(x["mediaan_uitleg_ms"] for x in m["ander"])
                b = min(x["mediaan_uitleg_ms"] for x in m["deze"])
                lines.append(f"| one household with trace and explanation (law texts), median ms | {a:.3f} | {b:.3f} "
                             f"| {b / a:.2f} |")
        else:
            a = min(x["seconden"] for x in m["ander"])
            b = min(x["seconden"] for x in m["deze"])
            lines.append(f"| {naam} household-years, seconds | {a:.4f} | {b:.4f} | {b / a:.2f} |")
    print("\n".join(lines))
    sys.path.insert(0, str(ROOT / "bench"))
    from resultaten import schrijf_sectie

    sectie = ("One household compared with the previous version (bench/bench_kern.py --vergelijk --een-huishouden)"
              if alleen_een else "Rules core compared with the previous version (bench/bench_kern.py --vergelijk)")
    schrijf_sectie(sectie, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
