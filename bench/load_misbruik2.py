"""Load benchmark under abuse, round 2 (issue 17; not a test): normal POST /api/v1/berekening traffic on a fixed
schedule beside one of four abusive clients at a time, each measured on its own:

1. "staat": 8 connections from 127.0.0.2 that fetch the result page of the largest valid questionnaire state as fast
   as they are allowed (half of them a link with an oversized state of 10,000 periods, signed as an older version
   would have signed it; it is refused with 400 before anything is computed);
2. "pdf": 8 connections from 127.0.0.2 that fetch /samenvatting.pdf of the largest valid state;
3. "inloggen": a login flood, 100 connections from 127.0.0.3 with random e-mail addresses, sending the next attempt as
   soon as an answer comes (Retry-After ignored);
4. "druppel": 3,000 connections from ten addresses (127.0.0.100-109), each sending one byte of a request line per
   second and opening a new connection a second after the server closes one.

Normal traffic: `--rate` requests per second (default 150), the three example households in turn, from 50 loopback
addresses (127.0.0.10-59), each request timed from its scheduled moment (bench/load_misbruik.py). Goal per scenario:
p99 of the normal requests under 50 ms and fewer than 1 % of them refused or failed. Starts `kotwijzer serve
--workers W` (SQLite in a temporary folder) on 127.0.0.1; only loopback traffic, every loop bounded by time. Prints
JSON and appends a summary to bench/RESULTS.md under "Abuse, round 2".

    .venv/bin/python bench/load_misbruik2.py                 # 20 s per scenario
    .venv/bin/python bench/load_misbruik2.py --duur 5 --niet-opslaan --scenario pdf
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from grootste_invoer import grootste_huishouden  # noqa: E402
from load_misbruik import VOORBEELDEN, Pool, cpu_alle, normaal, wacht_op  # noqa: E402

KOP = "## Abuse, round 2"
GEHEIM = "bench-geheim-ronde-2"
SCENARIOS = ("staat", "pdf", "inloggen", "druppel")


async def _vraag(r, w, verzoek: bytes) -> tuple[int, int]:
    """One request on an open connection: (status, Retry-After)."""
    w.write(verzoek)
    await w.drain()
    kop = await r.readuntil(b"\r\n\r\n")
    status = int(kop[9:12])
    lengte, wacht = 0, 0
    for regel in kop.split(b"\r\n")[1:]:
        k, _, v = regel.partition(b":")
        k = k.strip().lower()
        if k == b"content-length":
            lengte = int(v)
        elif k == b"retry-after":
            wacht = int(v)
    if lengte:
        await r.readexactly(lengte)
    return status, wacht


async def lus(poort: int, bron: str, verzoeken: list[bytes], stop: asyncio.Event, codes: dict, negeer: bool) -> None:
    """Keeps one keep-alive connection busy with the given requests in turn until `stop`."""
    r = w = None
    i = 0
    while not stop.is_set():
        try:
            if w is None:
                r, w = await asyncio.open_connection("127.0.0.1", poort, local_addr=(bron, 0))
            s, wacht = await asyncio.wait_for(_vraag(r, w, verzoeken[i % len(verzoeken)]), 30)
            i += 1
            codes[str(s)] = codes.get(str(s), 0) + 1
            if s == 429 and not negeer:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), max(wacht, 1))
        except Exception as e:  # noqa: BLE001 - the abuser counts every failure and goes on
            codes[type(e).__name__] = codes.get(type(e).__name__, 0) + 1
            if w is not None:
                w.close()
            r = w = None
            await asyncio.sleep(0.05)
    if w is not None:
        w.close()


async def druppel(poort: int, n: int, stop: asyncio.Event, telling: dict) -> None:
    """`n` connections from ten addresses that each send a request line one byte per second."""
    regel = b"GET /api/v1/parameters/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Traag: " + b"x" * 200

    async def een(i: int) -> None:
        bron = f"127.0.0.{100 + i % 10}"
        await asyncio.sleep(i * 0.002)  # opened over six seconds, as a real attack ramps up
        while not stop.is_set():
            try:
                r, w = await asyncio.open_connection("127.0.0.1", poort, local_addr=(bron, 0))
                telling["geopend"] = telling.get("geopend", 0) + 1
                for b in regel:
                    if stop.is_set():
                        break
                    w.write(bytes([b]))
                    await w.drain()
                    try:
                        if await asyncio.wait_for(r.read(1), 1.0) == b"":
                            break  # closed by the server
                    except TimeoutError:
                        pass
                telling["gesloten_door_server"] = telling.get("gesloten_door_server", 0) + (0 if stop.is_set() else 1)
                w.close()
                await asyncio.sleep(1.0)  # a trickler holds connections; it is not a connect flood
            except Exception as e:  # noqa: BLE001
                telling[type(e).__name__] = telling.get(type(e).__name__, 0) + 1
                await asyncio.sleep(0.5)

    await asyncio.gather(*(een(i) for i in range(n)))


def _staat_links() -> tuple[str, str]:
    """The largest valid questionnaire state and an oversized one, as tokens of the server's secret."""
    from kotwijzer.web.hervatten import _serializer, maak

    h = grootste_huishouden()
    staat = {
        "invoer": h,
        "partner": "partner" in h,
        "aantal_kinderen": len(h["kinderen"]),
        "context": {},
        "id": "bench",
    }
    groot = maak(GEHEIM.encode(), staat)
    reus = {"invoer": {"berekeningsjaar": 2026, "aanvrager": {"situaties": [{}] * 10_000}, "kinderen": []}}
    return groot, _serializer(GEHEIM.encode(), "antwoorden").dumps(reus)


def _get(pad: str) -> bytes:
    return f"GET {pad} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


async def scenario(naam: str, a, poort: int, proces, pool: Pool, bodies: list[bytes]) -> dict:
    stop = asyncio.Event()
    codes: dict = {}
    groot, reus = _staat_links()
    if naam == "staat":
        taken = [
            lus(
                poort,
                "127.0.0.2",
                [_get(f"/uitkomst?a={quote(groot)}")] if i % 2 == 0 else [_get(f"/uitkomst?a={quote(reus)}")],
                stop,
                codes,
                False,
            )
            for i in range(8)
        ]
    elif naam == "pdf":
        taken = [
            lus(poort, "127.0.0.2", [_get(f"/samenvatting.pdf?a={quote(groot)}")], stop, codes, False) for _ in range(8)
        ]
    elif naam == "inloggen":

        def login() -> bytes:
            body = json.dumps(
                {"email": f"x{random.randrange(10**9)}@voorbeeld.nl", "wachtwoord": "fout-fout-fout"}
            ).encode()
            return (
                b"POST /api/v1/sessies HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
            )

        taken = [lus(poort, "127.0.0.3", [login() for _ in range(50)], stop, codes, True) for _ in range(100)]
    else:
        taken = [druppel(poort, a.druppel, stop, codes)]
    cpu0, t0 = cpu_alle(proces.pid), time.perf_counter()
    aanval = asyncio.gather(*taken)
    await asyncio.sleep(8.0 if naam == "druppel" else 2.0)  # the abuser at full strength before measuring
    uit = await normaal(pool, a.rate, a.duur, bodies)
    stop.set()
    await asyncio.wait_for(aanval, 60)
    duur = time.perf_counter() - t0
    uit["aanvaller"] = dict(sorted(codes.items()))
    uit["cpu_server_s_per_s"] = round((cpu_alle(proces.pid) - cpu0) / duur, 2)
    mislukt = uit["verzoeken"] - uit["geslaagd"]
    uit["geweigerd_of_mislukt_pct"] = round(100 * mislukt / uit["verzoeken"], 2)
    uit["doel"] = uit.get("p99_ms", 1e9) < 50 and uit["geweigerd_of_mislukt_pct"] < 1
    uit["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return uit


async def run(a, poort: int, proces) -> dict:
    bodies = [
        json.dumps(json.loads((ROOT / "examples" / f"{n}.json").read_text(encoding="utf-8"))).encode()
        for n in VOORBEELDEN
    ]
    await wacht_op(poort, proces)
    pool = Pool(poort, [f"127.0.0.{i}" for i in range(10, 60)])
    await normaal(pool, 100, a.opwarmen, bodies)  # warm-up, not measured
    uit: dict = {"zonder_misbruik": await normaal(pool, a.rate, a.duur, bodies)}
    uit["zonder_misbruik"]["load_average"] = [round(x, 2) for x in os.getloadavg()]
    for naam in a.scenario:
        await asyncio.sleep(3)
        uit[naam] = await scenario(naam, a, poort, proces, Pool(poort, [f"127.0.0.{i}" for i in range(10, 60)]), bodies)
    return uit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rate", type=float, default=150.0)
    ap.add_argument("--duur", type=float, default=20.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--druppel", type=int, default=3000, help="verbindingen van de druppelaar")
    ap.add_argument("--scenario", nargs="*", default=list(SCENARIOS), choices=SCENARIOS)
    ap.add_argument("--poort", type=int, default=18160)
    ap.add_argument("--opwarmen", type=float, default=5.0)
    ap.add_argument("--uitvoer", type=Path, default=ROOT / "bench" / "RESULTS.md")
    ap.add_argument("--niet-opslaan", action="store_true")
    a = ap.parse_args()
    if not (0 < a.rate <= 1000 and 0 < a.duur <= 120 and 0 < a.druppel <= 5000):
        raise SystemExit("rate tot 1000/s, duur tot 120 s, druppel tot 5000")
    load_voor = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="kotwijzer-bench-") as map_:
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{map_}/bench.sqlite", KOTWIJZER_GEHEIM=GEHEIM)
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kotwijzer.cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(a.poort),
                "--workers",
                str(a.workers),
            ],
            env=env,
            cwd=map_,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            uit = asyncio.run(run(a, a.poort, proces))
        finally:
            proces.terminate()
            try:
                proces.wait(15)
            except subprocess.TimeoutExpired:
                proces.kill()
    uit["load_average_voor"] = load_voor
    print(json.dumps(uit, indent=2))
    z = uit["zonder_misbruik"]
    moment = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    delen = []
    for naam in a.scenario:
        m = uit[naam]
        delen.append(
            f"**{naam}**: {m['geslaagd']}/{m['verzoeken']} geslaagd ({m['geweigerd_of_mislukt_pct']} % "
            f"geweigerd of mislukt), p50 {m.get('p50_ms')} ms, p99 {m.get('p99_ms')} ms, max {m.get('max_ms')} ms, "
            f"server-CPU {m['cpu_server_s_per_s']} s/s, load average {m['load_average'][0]}; misbruiker "
            f"{m['aanvaller']}; doel {'gehaald' if m['doel'] else 'NIET gehaald'}"
        )
    regel = (
        f"- {moment}: `kotwijzer serve --workers {a.workers}` (SQLite), {os.cpu_count()} cores gedeeld met andere "
        f"processen (load average {load_voor[0]} voor), Python {platform.python_version()}. Normaal verkeer "
        f"{a.rate:g}/s, {a.duur:g} s per fase, 50 adressen. Zonder misbruik: {z['geslaagd']}/{z['verzoeken']} "
        f"geslaagd, p50 {z.get('p50_ms')} ms, p99 {z.get('p99_ms')} ms. " + "; ".join(delen) + "."
    )
    print(regel)
    if not a.niet_opslaan:
        import load_api

        load_api.KOP = KOP
        load_api.schrijf(a.uitvoer, regel)
        print(f"toegevoegd aan {a.uitvoer}")


if __name__ == "__main__":
    main()
