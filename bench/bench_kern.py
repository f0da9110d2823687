"""Benchmark of the rules core (not a test): population throughput and single-household latency.

    .venv/bin/python bench/bench_kern.py            # N = 1, 10,000 and 1,000,000; writes bench/RESULTS.md section
    .venv/bin/python bench/bench_kern.py --n 10000  # one size, printed only
    .venv/bin/python bench/bench_kern.py --vergelijk ../main-src/src   # previous version vs this one, alternately

Each population size runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own. Households are random
but plausible (2 parents, up to 3 children, mixed situations, all three opvangsoorten), generated as arrays; the
kernel runs the full law for 2026 (aanspraak with every exception, the yearly pool, maximum uurprijs, first child,
table lookup, rounding) in blocks of 16,384 households. In the same process and alternately with it, the hand-written
baseline bench/hand_kern.py computes the toeslag of the same households; the two must agree to the cent. Wall time and
CPU time (time.process_time, far less sensitive to other work on the machine) are both recorded.
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
        jaar=jaar,
        sit=sit,
        werkuren_cu=np.full((n, 2, 12), 12000, np.int32),
        heeft_partner=heeft_partner,
        bloedverwant=np.zeros(n, bool),
        kind_bestaat=bestaat,
        geboren=ones,
        voor_vo=ones,
        bso_leeftijd=soort == 2,
        woont=ones,
        soort=soort,
        lrk=ones,
        uren_cu=uren,
        prijs_cent=prijs,
        inkomen=rng.integers(0, 250_000, size=n).astype(np.int64),
        eerste_maand=np.zeros(n, np.int8),
        traject_einde_maand=np.full((n, 2), -1, np.int8),
    )


def hand_totalen(b, hk, blok: int = 16_384) -> np.ndarray:
    """The hand-written baseline (bench/hand_kern.py) over the same batch, in blocks of the same size as the product."""
    out = []
    for s in range(0, b.n, blok):
        sl = slice(s, s + blok)
        kind_ok = b.kind_bestaat[sl][..., None] & b.geboren[sl] & b.voor_vo[sl] & b.woont[sl] & b.lrk[sl]
        out.append(
            hk.toeslag(
                b.sit[sl], b.heeft_partner[sl], kind_ok, b.soort[sl], b.uren_cu[sl], b.prijs_cent[sl], b.inkomen[sl]
            )
        )
    return np.concatenate(out)


def run_population(n: int) -> dict:
    """Product kernel (`bereken_totalen`, full law) and the hand-written baseline on the same households, measured
    alternately in this one process (so both see the same load); best of the repeats for each, and their ratio."""
    from kotwijzer.kern import bereken_totalen
    from kotwijzer.params import parameters_voor_jaar

    sys.path.insert(0, str(ROOT / "bench"))
    from hand_kern import HandKern

    b = random_batch(n)
    p = parameters_voor_jaar(b.jaar)
    hk = HandKern.voor_2026()
    bereken_totalen(random_batch(min(n, 1000), seed=2), params=p)  # warm-up (imports, table load)
    hand_totalen(random_batch(min(n, 1000), seed=2), hk)
    herhaal = 5 if n <= 10_000 else 3
    tijden, hand, cpu, hand_cpu = [], [], [], []
    for _ in range(herhaal):
        t0, c0 = time.perf_counter(), time.process_time()
        tot = bereken_totalen(b, params=p)
        tijden.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        th = hand_totalen(b, hk)
        hand.append(time.perf_counter() - t0)
        hand_cpu.append(time.process_time() - c0)
    if not np.array_equal(th, tot.toeslag_cent):
        raise SystemExit("the hand-written baseline and the kernel disagree on the toeslag")
    best, best_hand = min(tijden), min(hand)
    return {
        "n": n,
        "seconden": best,
        "hand_seconden": best_hand,
        "verhouding_hand": best / best_hand,
        "cpu_seconden": min(cpu),
        "hand_cpu_seconden": min(hand_cpu),
        "verhouding_hand_cpu": min(cpu) / min(hand_cpu),
        "huishoudjaren_per_seconde": n / best,
        "piekgeheugen_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "totaal_toeslag_eur": int(tot.toeslag_cent.sum()) / 100,
        "load": os.getloadavg()[0],
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
    tijden, cpu = [], []
    for _ in range(rondes):
        t0, c0 = time.perf_counter(), time.process_time()
        bereken(data, vandaag)
        tijden.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    met_uitleg, cpu_uitleg = [], []
    for _ in range(rondes):
        t0, c0 = time.perf_counter(), time.process_time()
        uitleg(bereken(data, vandaag))
        met_uitleg.append(time.perf_counter() - t0)
        cpu_uitleg.append(time.process_time() - c0)
    return {
        "mediaan_ms": statistics.median(tijden) * 1000,
        "p95_ms": sorted(tijden)[int(0.95 * len(tijden))] * 1000,
        "cpu_mediaan_ms": statistics.median(cpu) * 1000,
        "mediaan_uitleg_ms": statistics.median(met_uitleg) * 1000,
        "cpu_mediaan_uitleg_ms": statistics.median(cpu_uitleg) * 1000,
    }


def werker() -> None:
    """A long-lived worker for `vergelijk_gepaard`: reads "bereken N" or "uitleg N" from stdin, runs N calls on one
    household (as `run_single`) and answers with the CPU and wall seconds of the N calls as JSON."""
    from kotwijzer.compute import bereken
    from kotwijzer.explain import uitleg

    data = json.loads((ROOT / "examples" / "paar_werkt_2026.json").read_text())
    vandaag = dt.date(2026, 12, 6)
    for _ in range(50):
        uitleg(bereken(data, vandaag))
    print("klaar", flush=True)
    for regel in sys.stdin:
        soort, n = regel.split()
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(int(n)):
            r = bereken(data, vandaag)
            if soort == "uitleg":
                uitleg(r)
        print(json.dumps({"cpu": time.process_time() - c0, "wall": time.perf_counter() - t0}), flush=True)


def vergelijk_gepaard(andere_src: Path, blokken: int = 60, n: int = 100) -> dict:
    """One household, the previous version and this one side by side: two long-lived processes that run blocks of `n`
    calls in turn (the order alternating per block), so that both see the same load at almost the same moment. Per
    measure: the median CPU ms per call over the blocks, and the median of the paired per-block ratios (this /
    previous), which is far less sensitive to the load than a comparison of separate runs."""
    procs = {}
    for naam, src in (("ander", andere_src), ("deze", None)):
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = str(src)
        p = subprocess.Popen(
            [sys.executable, __file__, "--werker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        assert p.stdout is not None and p.stdout.readline().strip() == "klaar"
        procs[naam] = p

    def meet(naam: str, soort: str) -> float:
        p = procs[naam]
        assert p.stdin is not None and p.stdout is not None
        p.stdin.write(f"{soort} {n}\n")
        p.stdin.flush()
        return float(json.loads(p.stdout.readline())["cpu"]) / n * 1000

    load_voor = os.getloadavg()
    uit: dict = {"load_voor": load_voor, "blokken": blokken, "n": n}
    for soort in ("bereken", "uitleg"):
        a_ms, b_ms = [], []
        for i in range(blokken):
            volgorde = ("ander", "deze") if i % 2 == 0 else ("deze", "ander")
            r = {naam: meet(naam, soort) for naam in volgorde}
            a_ms.append(r["ander"])
            b_ms.append(r["deze"])
        uit[soort] = {
            "ander_cpu_ms": statistics.median(a_ms),
            "deze_cpu_ms": statistics.median(b_ms),
            "ander_cpu_ms_p10": sorted(a_ms)[len(a_ms) // 10],
            "deze_cpu_ms_p10": sorted(b_ms)[len(b_ms) // 10],
            "verhouding": statistics.median(b / a for a, b in zip(a_ms, b_ms, strict=True)),
        }
    uit["load_na"] = os.getloadavg()
    for p in procs.values():
        assert p.stdin is not None
        p.stdin.close()
        p.wait()
    return uit


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int)
    ap.add_argument("--single", action="store_true")
    ap.add_argument(
        "--vergelijk",
        metavar="SRC",
        help="src folder of another version (e.g. a git worktree of main): "
        "run both versions alternately under the same load and record the comparison",
    )
    ap.add_argument(
        "--een-huishouden",
        action="store_true",
        help="with --vergelijk: compare only one household (trace, and trace with explanation)",
    )
    ap.add_argument("--rondes", type=int, default=3, help="with --vergelijk: alternating rounds per version")
    ap.add_argument(
        "--gepaard",
        action="store_true",
        help="with --vergelijk --een-huishouden: two long-lived processes, blocks of calls in turn, paired ratios",
    )
    ap.add_argument("--blokken", type=int, default=60, help="with --gepaard: blocks per measure and version")
    ap.add_argument("--werker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.werker:
        werker()
        return
    if args.vergelijk and args.gepaard:
        print(json.dumps(vergelijk_gepaard(Path(args.vergelijk), blokken=args.blokken), indent=1))
        return
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
    single = json.loads(
        subprocess.run([sys.executable, __file__, "--single"], capture_output=True, text=True, check=True).stdout
    )
    print(single)
    lines = [
        f"Run {dt.date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}. Year 2026, full law, households with up to 3 children x 12 months. Best of 3-5 runs; "
        "peak memory is the process's maximum resident set size (includes the generated input arrays). "
        f"Load average of the machine at the end: {os.getloadavg()[0]:.1f} (above 1 means other work shared the 2 cores; "
        "compare versions with `--vergelijk`).",
        "",
        "| households (N) | seconds | CPU seconds | household-years per second | peak memory (MiB) | hand kernel seconds | kernel / hand kernel (wall, CPU) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['seconden']:.4f} | {r['cpu_seconden']:.4f} | {r['huishoudjaren_per_seconde']:,.0f} | "
            f"{r['piekgeheugen_mib']:,.0f} | {r['hand_seconden']:.4f} | {r['verhouding_hand']:.2f}, "
            f"{r['verhouding_hand_cpu']:.2f} |"
        )
    lines += [
        "",
        f"One household with its full trace (`kotwijzer.compute.bereken`, examples/paar_werkt_2026.json, in process): "
        f"median {single['mediaan_ms']:.2f} ms, p95 {single['p95_ms']:.2f} ms (500 runs).",
        "",
        "Targets (issue 2): 1,000,000 household-years under 2.5 s with peak memory under 2 GiB; one household with trace "
        "under 2 ms median. Issue 14: 1,000,000 household-years at most 2x the hand-written kernel (bench/hand_kern.py) "
        "in the same run.",
        "",
    ]
    sys.path.insert(0, str(ROOT / "bench"))
    from resultaten import schrijf_sectie

    schrijf_sectie("Rules core (bench/bench_kern.py)", "\n".join(lines))


def vergelijk(andere_src: Path, rondes: int = 3, alleen_een: bool = False) -> None:
    """Old and new code alternately, each in a fresh subprocess, so that both see the same machine load. Every
    population run also times the hand-written baseline in the same process; medians over the rounds."""

    def draai(src: Path | None, *extra: str) -> dict:
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = str(src)
        out = subprocess.run([sys.executable, __file__, *extra], capture_output=True, text=True, check=True, env=env)
        return json.loads(out.stdout.strip().splitlines()[-1])

    load_voor = os.getloadavg()
    metingen: dict[str, dict[str, list[dict]]] = {}
    metingen_lijst = [
        ("10,000", ("--n", "10000")),
        ("1,000,000", ("--n", "1000000")),
        ("een huishouden", ("--single",)),
    ]
    for naam, extra in metingen_lijst[2:] if alleen_een else metingen_lijst:
        metingen[naam] = {"ander": [], "deze": []}
        for _ in range(rondes):
            metingen[naam]["ander"].append(draai(andere_src, *extra))
            metingen[naam]["deze"].append(draai(None, *extra))
            print(naam, metingen[naam]["ander"][-1], metingen[naam]["deze"][-1], file=sys.stderr)
    load = os.getloadavg()
    med = statistics.median
    lines = [
        f"Comparison {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC with the previous version of the code "
        f"(`--vergelijk {andere_src}`), alternating {rondes} rounds, each run in a fresh process on the same machine; "
        f"load average before {load_voor[0]:.1f} / {load_voor[1]:.1f} / {load_voor[2]:.1f}, after "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min; 2 cores shared with other work, so absolute times "
        "are higher than on a quiet machine: the ratios are what counts). Each figure is the median over the rounds of "
        "the best of 3-5 repeats within a run; CPU seconds (time.process_time) count only this process's own work and "
        "so vary far less with the load than wall seconds. The hand kernel is bench/hand_kern.py, timed in the same "
        "process as the kernel it is compared with, alternately with it, on the same households.",
        "",
        "| measure | previous | this version | this / previous |",
        "|---|---:|---:|---:|",
    ]
    for naam, m in metingen.items():
        if naam == "een huishouden":
            a = med(x["mediaan_ms"] for x in m["ander"])
            b = med(x["mediaan_ms"] for x in m["deze"])
            lines.append(f"| one household with trace, median wall ms | {a:.2f} | {b:.2f} | {b / a:.2f} |")
            ca = med(x["cpu_mediaan_ms"] for x in m["ander"])
            cb = med(x["cpu_mediaan_ms"] for x in m["deze"])
            lines.append(f"| one household with trace, median CPU ms | {ca:.2f} | {cb:.2f} | {cb / ca:.2f} |")
            if all("mediaan_uitleg_ms" in x for x in m["ander"] + m["deze"]):
                a = med(x["mediaan_uitleg_ms"] for x in m["ander"])
                b = med(x["mediaan_uitleg_ms"] for x in m["deze"])
                lines.append(
                    f"| one household with trace and explanation (law texts), median wall ms | {a:.2f} | "
                    f"{b:.2f} | {b / a:.2f} |"
                )
                a = med(x["cpu_mediaan_uitleg_ms"] for x in m["ander"])
                b = med(x["cpu_mediaan_uitleg_ms"] for x in m["deze"])
                lines.append(
                    f"| one household with trace and explanation (law texts), median CPU ms | {a:.2f} | "
                    f"{b:.2f} | {b / a:.2f} |"
                )
            continue
        a = med(x["seconden"] for x in m["ander"])
        b = med(x["seconden"] for x in m["deze"])
        ha = med(x["hand_seconden"] for x in m["ander"])
        hb = med(x["hand_seconden"] for x in m["deze"])
        ra = med(x["verhouding_hand"] for x in m["ander"])
        rb = med(x["verhouding_hand"] for x in m["deze"])
        ca = med(x["cpu_seconden"] for x in m["ander"])
        cb = med(x["cpu_seconden"] for x in m["deze"])
        rca = med(x["verhouding_hand_cpu"] for x in m["ander"])
        rcb = med(x["verhouding_hand_cpu"] for x in m["deze"])
        lines.append(f"| {naam} household-years, kernel wall seconds | {a:.4f} | {b:.4f} | {b / a:.2f} |")
        lines.append(f"| {naam} household-years, kernel CPU seconds | {ca:.4f} | {cb:.4f} | {cb / ca:.2f} |")
        lines.append(f"| {naam} household-years, hand kernel wall seconds (same process) | {ha:.4f} | {hb:.4f} | |")
        lines.append(f"| {naam} household-years, kernel / hand kernel, wall | {ra:.2f} | {rb:.2f} | |")
        lines.append(f"| {naam} household-years, kernel / hand kernel, CPU | {rca:.2f} | {rcb:.2f} | |")
    print("\n".join(lines))
    with open(ROOT / "bench" / "vergelijk_ruw.json", "w") as f:
        json.dump({"load_voor": load_voor, "load_na": load, "metingen": metingen}, f, indent=1)
    sys.path.insert(0, str(ROOT / "bench"))
    from resultaten import schrijf_sectie

    sectie = (
        "One household compared with the previous version (bench/bench_kern.py --vergelijk --een-huishouden)"
        if alleen_een
        else "Rules core compared with the previous version (bench/bench_kern.py --vergelijk)"
    )
    schrijf_sectie(sectie, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
