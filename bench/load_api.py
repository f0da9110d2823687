"""Load benchmark of POST /api/v1/berekening on loopback (not a test).

Starts uvicorn in a subprocess (one worker, SQLite in a temporary directory), sends requests on a fixed schedule
(default 100 per second for 60 seconds, cycling through the three example households) with an async httpx client,
and measures each latency from the moment the request was *scheduled*, so a slow server cannot hide its queueing
delay. Prints p50/p90/p99/max and appends them to bench/RESULTS.md under the heading "API load".

    .venv/bin/python bench/load_api.py                 # 100/s for 60 s
    .venv/bin/python bench/load_api.py --rate 50 --duur 10 --niet-opslaan

Bounded: at most rate x duur requests, only to 127.0.0.1, and it stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
VOORBEELDEN = ["paar_werkt_2026", "wlz_partner_2023", "bijstand_activiteit_c_2026"]
KOP = "## API load"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(poort: int, map_: str) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{map_}/bench.sqlite", KOTWIJZER_GEHEIM="bench-geheim")
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "kotwijzer.serve:productie_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(poort),
        "--log-level",
        "info",
    ]
    # as `kotwijzer serve` runs it (uvloop and httptools when installed, access log on), output discarded
    return subprocess.Popen(cmd, env=env, cwd=map_, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def wacht_op_server(url: str, proces: subprocess.Popen) -> None:
    async with httpx.AsyncClient() as c:
        for _ in range(300):
            if proces.poll() is not None:
                raise SystemExit("de server is gestopt")
            try:
                if (await c.get(url + "/api/v1/parameters/2026")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("de server start niet")


def cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) used so far by a process, from /proc (Linux); None elsewhere."""
    try:
        velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def percentiel(xs: list[float], p: float) -> float:
    s = sorted(xs)
    k = max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))
    return s[k]


async def meet(url: str, rate: float, duur: float, bodies: list[bytes], server_pid: int) -> dict:
    limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
    latenties: list[float] = []
    fouten: dict[str, int] = {}
    headers = {"content-type": "application/json"}
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30.0) as c:
        for i in range(50):  # warm-up, not measured
            await c.post("/api/v1/berekening", content=bodies[i % len(bodies)], headers=headers)

        async def een(gepland: float, body: bytes) -> None:
            try:
                r = await c.post("/api/v1/berekening", content=body, headers=headers)
                await r.aread()
                if r.status_code != 200:
                    fouten[str(r.status_code)] = fouten.get(str(r.status_code), 0) + 1
            except httpx.HTTPError as e:
                fouten[type(e).__name__] = fouten.get(type(e).__name__, 0) + 1
                return
            latenties.append((time.perf_counter() - gepland) * 1000)

        n = int(rate * duur)
        taken = []
        cpu_server0, cpu_client0 = cpu_s(server_pid), time.process_time()
        t0 = time.perf_counter() + 0.2
        for i in range(n):
            gepland = t0 + i / rate
            wacht = gepland - time.perf_counter()
            if wacht > 0:
                await asyncio.sleep(wacht)
            taken.append(asyncio.create_task(een(gepland, bodies[i % len(bodies)])))
        await asyncio.gather(*taken)
        werkelijk = time.perf_counter() - t0
        cpu_server1, cpu_client1 = cpu_s(server_pid), time.process_time()
    per_verzoek = lambda a, b: None if a is None or b is None else round((b - a) / n * 1000, 2)  # noqa: E731
    return {
        "cpu_server_ms_per_verzoek": per_verzoek(cpu_server0, cpu_server1),
        "cpu_client_ms_per_verzoek": per_verzoek(cpu_client0, cpu_client1),
        "belasting_machine_1min": round(os.getloadavg()[0], 2),
        "verzoeken": n,
        "geslaagd": len(latenties),
        "fouten": fouten,
        "duur_s": round(werkelijk, 1),
        "p50_ms": round(percentiel(latenties, 50), 1),
        "p90_ms": round(percentiel(latenties, 90), 1),
        "p99_ms": round(percentiel(latenties, 99), 1),
        "max_ms": round(max(latenties), 1),
        "gemiddeld_ms": round(statistics.fmean(latenties), 1),
    }


def schrijf(uitvoer: Path, regel: str) -> None:
    tekst = uitvoer.read_text(encoding="utf-8") if uitvoer.exists() else "# Benchmarks\n"
    if KOP not in tekst:
        tekst = tekst.rstrip("\n") + f"\n\n{KOP}\n\n{regel}\n"
    else:
        begin = tekst.index(KOP) + len(KOP)
        volgende = tekst.find("\n## ", begin)
        einde = len(tekst) if volgende < 0 else volgende
        tekst = tekst[:einde].rstrip("\n") + f"\n\n{regel}\n" + tekst[einde:]
    uitvoer.write_text(tekst, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rate", type=float, default=100.0, help="verzoeken per seconde (standaard 100)")
    ap.add_argument("--duur", type=float, default=60.0, help="seconden (standaard 60, hoogstens 600)")
    ap.add_argument("--uitvoer", type=Path, default=ROOT / "bench" / "RESULTS.md")
    ap.add_argument("--niet-opslaan", action="store_true", help="alleen tonen, niet in RESULTS.md schrijven")
    a = ap.parse_args()
    if not (0 < a.rate <= 1000 and 0 < a.duur <= 600):
        raise SystemExit("rate moet tussen 0 en 1000 liggen en duur tussen 0 en 600 seconden")
    bodies = [
        json.dumps(json.loads((ROOT / "examples" / f"{n}.json").read_text(encoding="utf-8"))).encode()
        for n in VOORBEELDEN
    ]
    poort = vrije_poort()
    with tempfile.TemporaryDirectory(prefix="kotwijzer-bench-") as map_:
        proces = start_server(poort, map_)
        try:
            url = f"http://127.0.0.1:{poort}"
            asyncio.run(wacht_op_server(url, proces))
            uit = asyncio.run(meet(url, a.rate, a.duur, bodies, proces.pid))
        finally:
            proces.terminate()
            try:
                proces.wait(10)
            except subprocess.TimeoutExpired:
                proces.kill()
    doel = "gehaald" if uit["p99_ms"] < 50 and not uit["fouten"] else "NIET gehaald"
    moment = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    regel = (
        f"- {moment}: POST /api/v1/berekening, {a.rate:g} verzoeken/s gedurende {a.duur:g} s op 127.0.0.1 "
        f"(uvicorn, 1 worker, toegangslog aan; {os.cpu_count()} cores; Python {platform.python_version()}; de drie voorbeeldhuishoudens "
        f"om en om): {uit['geslaagd']}/{uit['verzoeken']} geslaagd, fouten {uit['fouten'] or 'geen'}; "
        f"p50 {uit['p50_ms']} ms, p90 {uit['p90_ms']} ms, p99 {uit['p99_ms']} ms, max {uit['max_ms']} ms "
        f"(latentie vanaf het geplande moment). CPU per verzoek: server {uit['cpu_server_ms_per_verzoek']} ms, "
        f"client {uit['cpu_client_ms_per_verzoek']} ms; load average van de machine na afloop "
        f"{uit['belasting_machine_1min']}. Doel p99 < 50 ms: {doel}."
    )
    print(json.dumps(uit, indent=2))
    print(regel)
    if not a.niet_opslaan:
        schrijf(a.uitvoer, regel)
        print(f"toegevoegd aan {a.uitvoer}")


if __name__ == "__main__":
    main()
