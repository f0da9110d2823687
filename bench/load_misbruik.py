"""Load benchmark under abuse (not a test): normal POST /api/v1/berekening traffic on a fixed schedule while one
abusive client sends the most expensive valid request as fast as the server lets it, and the refusal rate above
capacity.

Starts `kotwijzer serve --workers W` (SQLite in a temporary folder) on 127.0.0.1 and runs two phases:

1. "misbruik": `--rate` normal requests per second (default 200) for `--duur` seconds, the three example households in
   turn, spread over 50 loopback source addresses (127.0.0.10 to 127.0.0.59: many parents), each request timed from
   its *scheduled* moment; meanwhile one client at 127.0.0.2 keeps `--misbruik-verbindingen` connections busy with
   the largest valid household (12 children with 12 lines of childcare each, 24 periods for each parent), sending the
   next request as soon as an answer (200 or 429) comes back.
2. "boven capaciteit": normal traffic only, at rates above what the server can do (default 400, 800 and 1600 per
   second, `--boven`), spread the same way: how many are refused (429/503) and how fast the others are.

The HTTP client is a small keep-alive HTTP/1.1 client on asyncio streams (cheaper than a full client library, so the
load generator takes less of the CPU it shares with the server). Prints JSON and appends a summary to
bench/RESULTS.md under "API under abuse". Bounded: only 127.0.0.x, stops by itself.

    .venv/bin/python bench/load_misbruik.py                  # 200/s for 30 s, then 400/800/1600 for 10 s each
    .venv/bin/python bench/load_misbruik.py --duur 10 --niet-opslaan
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from grootste_invoer import grootste_huishouden  # noqa: E402
from load_api import cpu_s, percentiel  # noqa: E402
from load_api import schrijf as _schrijf  # noqa: E402

VOORBEELDEN = ["paar_werkt_2026", "wlz_partner_2023", "bijstand_activiteit_c_2026"]
KOP = "## API under abuse"
PAD = "/api/v1/berekening"


class Verbinding:
    """One keep-alive HTTP/1.1 connection from a chosen local address."""

    def __init__(self, poort: int, bron: str):
        self.poort, self.bron = poort, bron
        self.r = self.w = None

    async def open(self) -> None:
        self.r, self.w = await asyncio.open_connection("127.0.0.1", self.poort, local_addr=(self.bron, 0))

    async def post(self, body: bytes) -> int:
        self.retry_after = 0
        if self.w is None:
            await self.open()
        self.w.write(
            b"POST " + PAD.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        await self.w.drain()
        kop = await self.r.readuntil(b"\r\n\r\n")
        status = int(kop[9:12])
        lengte, sluiten = 0, False
        for regel in kop.split(b"\r\n")[1:]:
            k, _, v = regel.partition(b":")
            k = k.strip().lower()
            if k == b"content-length":
                lengte = int(v)
            elif k == b"connection" and v.strip().lower() == b"close":
                sluiten = True
            elif k == b"retry-after":
                self.retry_after = int(v)
        self.body = await self.r.readexactly(lengte) if lengte else b""
        if sluiten:
            self.sluit()
        return status

    def sluit(self) -> None:
        if self.w is not None:
            self.w.close()
        self.r = self.w = None


class Pool:
    """Keep-alive connections per source address; request i goes out from address i mod len(bronnen), so the load is
    really spread over all of them (as from many parents)."""

    def __init__(self, poort: int, bronnen: list[str]):
        self.poort, self.bronnen = poort, bronnen
        self.vrij: dict[str, list[Verbinding]] = {b: [] for b in bronnen}
        self.i = 0

    async def post(self, body: bytes):
        bron = self.bronnen[self.i % len(self.bronnen)]
        self.i += 1
        v = self.vrij[bron].pop() if self.vrij[bron] else Verbinding(self.poort, bron)
        hergebruikt = v.w is not None
        try:
            status = await v.post(body)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            v.sluit()
            if not hergebruikt:
                raise
            # an idle connection that the server closed (keep-alive timeout) just before: once more on a new one
            status = await v.post(body)
        if v.w is not None:
            self.vrij[bron].append(v)
        if status == 429:
            return "429-druk" if b"erg druk" in v.body else "429-adres"
        return status


async def normaal(pool: Pool, rate: float, duur: float, bodies: list[bytes]) -> dict:
    latenties: list[float] = []
    codes: dict[str, int] = {}

    async def een(gepland: float, body: bytes) -> None:
        try:
            s = await pool.post(body)
        except Exception as e:  # noqa: BLE001 - a benchmark counts every failure
            codes[type(e).__name__] = codes.get(type(e).__name__, 0) + 1
            return
        codes[str(s)] = codes.get(str(s), 0) + 1
        if s == 200:
            latenties.append((time.perf_counter() - gepland) * 1000)

    n = int(rate * duur)
    taken = []
    t0 = time.perf_counter() + 0.2
    for i in range(n):
        gepland = t0 + i / rate
        wacht = gepland - time.perf_counter()
        if wacht > 0:
            await asyncio.sleep(wacht)
        taken.append(asyncio.create_task(een(gepland, bodies[i % len(bodies)])))
    await asyncio.gather(*taken)
    uit = {"verzoeken": n, "codes": codes, "geslaagd": len(latenties)}
    if latenties:
        uit.update(
            p50_ms=round(percentiel(latenties, 50), 1),
            p90_ms=round(percentiel(latenties, 90), 1),
            p99_ms=round(percentiel(latenties, 99), 1),
            max_ms=round(max(latenties), 1),
        )
    return uit


async def misbruik(poort: int, body: bytes, verbindingen: int, stop: asyncio.Event, negeer: bool) -> dict:
    codes: dict[str, int] = {}

    async def lus() -> None:
        v = Verbinding(poort, "127.0.0.2")
        while not stop.is_set():
            try:
                s = await v.post(body)
            except Exception as e:  # noqa: BLE001
                codes[type(e).__name__] = codes.get(type(e).__name__, 0) + 1
                v.sluit()
                await asyncio.sleep(0.01)
                continue
            codes[str(s)] = codes.get(str(s), 0) + 1
            if s == 429 and not negeer:
                # as fast as it is allowed: after a refusal it waits as long as Retry-After says
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), v.retry_after)

    await asyncio.gather(*(lus() for _ in range(verbindingen)))
    return codes


async def wacht_op(poort: int, proces) -> None:
    for _ in range(600):
        if proces.poll() is not None:
            raise SystemExit("de server is gestopt")
        try:
            r, w = await asyncio.open_connection("127.0.0.1", poort)
            w.write(b"GET /api/v1/parameters/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            await w.drain()
            if b" 200 " in await r.read(64):
                w.close()
                return
        except OSError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("de server start niet")


def kinderen(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def cpu_alle(pid: int) -> float:
    return sum(cpu_s(p) or 0.0 for p in [pid, *kinderen(pid)])


async def run(a, poort: int, proces) -> dict:
    bodies = [
        json.dumps(json.loads((ROOT / "examples" / f"{n}.json").read_text(encoding="utf-8"))).encode()
        for n in VOORBEELDEN
    ]
    zwaar = json.dumps(grootste_huishouden()).encode()
    bronnen = [f"127.0.0.{i}" for i in range(10, 60)]
    await wacht_op(poort, proces)
    pool = Pool(poort, bronnen)
    await normaal(pool, 100, a.opwarmen, bodies)  # warm-up, not measured
    uit: dict = {}
    # phase 0: the same normal load without abuse, as the reference
    uit["zonder_misbruik"] = await normaal(pool, a.rate, a.duur, bodies)
    # phase 1: normal load plus the abusive client
    stop = asyncio.Event()
    cpu0, t0 = cpu_alle(proces.pid), time.perf_counter()
    aanval = asyncio.create_task(misbruik(poort, zwaar, a.misbruik_verbindingen, stop, a.negeer_retry_after))
    await asyncio.sleep(1.0)  # the abuser is at full speed before measuring
    uit["misbruik"] = await normaal(pool, a.rate, a.duur, bodies)
    stop.set()
    codes = await aanval
    duur = time.perf_counter() - t0
    uit["misbruik"]["aanvaller"] = {
        "codes": codes,
        "per_s_200": round(codes.get("200", 0) / duur, 1),
        "per_s_429": round(codes.get("429", 0) / duur, 1),
    }
    uit["misbruik"]["cpu_server_s_per_s"] = round((cpu_alle(proces.pid) - cpu0) / duur, 2)
    # phase 2: above capacity
    uit["boven_capaciteit"] = {}
    for rate in a.boven:
        await asyncio.sleep(2)
        r = await normaal(Pool(poort, bronnen), rate, a.boven_duur, bodies)
        geweigerd = sum(v for k, v in r["codes"].items() if k.startswith("429") or k == "503")
        r["geweigerd_pct"] = round(100 * geweigerd / r["verzoeken"], 1)
        r["anders_mislukt"] = {
            k: v for k, v in r["codes"].items() if k not in ("200", "503") and not k.startswith("429")
        }
        uit["boven_capaciteit"][str(rate)] = r
    uit["load_average_na"] = [round(x, 2) for x in os.getloadavg()]
    return uit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rate", type=float, default=200.0)
    ap.add_argument("--duur", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--misbruik-verbindingen", type=int, default=8)
    ap.add_argument(
        "--negeer-retry-after",
        action="store_true",
        help="de misbruiker stuurt na een 429 meteen opnieuw (standaard: wacht Retry-After af)",
    )
    ap.add_argument("--boven", type=float, nargs="*", default=[400.0, 800.0, 1600.0])
    ap.add_argument("--boven-duur", type=float, default=10.0)
    ap.add_argument("--poort", type=int, default=18150)
    ap.add_argument("--opwarmen", type=float, default=10.0, help="seconden met 100/s vooraf, niet gemeten")
    ap.add_argument("--uitvoer", type=Path, default=ROOT / "bench" / "RESULTS.md")
    ap.add_argument("--niet-opslaan", action="store_true")
    a = ap.parse_args()
    if not (0 < a.rate <= 2000 and 0 < a.duur <= 300 and all(0 < b <= 5000 for b in a.boven)):
        raise SystemExit("rate tot 2000/s, duur tot 300 s")
    load_voor = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="kotwijzer-bench-") as map_:
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{map_}/bench.sqlite", KOTWIJZER_GEHEIM="bench-geheim")
        instellingen = {k: v for k, v in env.items() if k.startswith("KOTWIJZER_REKEN_")}
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
    m, z = uit["misbruik"], uit["zonder_misbruik"]
    doel = "gehaald" if m.get("p99_ms", 1e9) < 50 and m["geslaagd"] == m["verzoeken"] else "NIET gehaald"
    boven = "; ".join(
        f"{k}/s: {v['geweigerd_pct']} % geweigerd, p99 van de rest {v.get('p99_ms', '-')} ms"
        + (f", anders mislukt {v['anders_mislukt']}" if v["anders_mislukt"] else "")
        for k, v in uit["boven_capaciteit"].items()
    )
    moment = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    regel = (
        f"- {moment}: `kotwijzer serve --workers {a.workers}` (SQLite), {os.cpu_count()} cores gedeeld met andere "
        f"processen (load average {load_voor[0]} voor, {uit['load_average_na'][0]} na), Python {platform.python_version()}"
        f"{', ' + str(instellingen) if instellingen else ''}. "
        f"Normaal verkeer {a.rate:g}/s gedurende {a.duur:g} s vanaf 50 adressen. Zonder misbruik: "
        f"{z['geslaagd']}/{z['verzoeken']} geslaagd, p50 {z.get('p50_ms')} ms, p99 {z.get('p99_ms')} ms. "
        f"Met één misbruiker ({a.misbruik_verbindingen} verbindingen, het duurste geldige verzoek "
        f"{'zo snel als het kan, Retry-After genegeerd' if a.negeer_retry_after else 'zo snel als toegestaan (wacht Retry-After af)'}): "
        f"{m['geslaagd']}/{m['verzoeken']} geslaagd (codes {m['codes']}), p50 {m.get('p50_ms')} ms, p90 {m.get('p90_ms')} ms, "
        f"p99 {m.get('p99_ms')} ms, max {m.get('max_ms')} ms; de misbruiker kreeg {m['aanvaller']['per_s_200']}/s antwoord "
        f"en {m['aanvaller']['per_s_429']}/s een 429; server-CPU {m['cpu_server_s_per_s']} s/s. Doel p99 < 50 ms: {doel}. "
        f"Boven capaciteit ({a.boven_duur:g} s elk): {boven}."
    )
    print(regel)
    if not a.niet_opslaan:
        import load_api

        load_api.KOP = KOP
        _schrijf(a.uitvoer, regel)
        print(f"toegevoegd aan {a.uitvoer}")


if __name__ == "__main__":
    main()
