"""Start `kotwijzer serve` as a real server process on loopback for tests that need real sockets (timeouts, workers,
proxy headers). Port: a free one, or one from KOTWIJZER_TEST_POORTEN ("18100-18199") when that is set."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx


def vrije_poort() -> int:
    bereik = os.environ.get("KOTWIJZER_TEST_POORTEN")
    kandidaten = range(int(bereik.split("-")[0]), int(bereik.split("-")[1]) + 1) if bereik else [0]
    for p in kandidaten:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("geen vrije poort")


@contextmanager
def server(map_: Path, *args: str, env: dict[str, str] | None = None, database_url: str | None = None):
    """Yields (base_url, process). stdout/stderr go to map_/server.log (read it with `log(map_)`)."""
    poort = vrije_poort()
    omgeving = dict(os.environ)
    omgeving.update(
        {
            "KOTWIJZER_GEHEIM_BESTAND": str(map_ / "geheim"),
            "DATABASE_URL": database_url or f"sqlite:///{map_}/kotwijzer.sqlite",
        }
    )
    omgeving.update(env or {})
    with open(map_ / "server.log", "wb") as uit:
        p = subprocess.Popen(
            [sys.executable, "-m", "kotwijzer.cli", "serve", "--host", "127.0.0.1", "--port", str(poort), *args],
            env=omgeving,
            cwd=map_,
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{poort}"
        try:
            for _ in range(600):
                if p.poll() is not None:
                    raise RuntimeError("server gestopt:\n" + (map_ / "server.log").read_text())
                try:
                    if httpx.get(url + "/api/v1/parameters/2026", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("server start niet")
            yield url, p
        finally:
            p.terminate()
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def log(map_: Path) -> str:
    return (map_ / "server.log").read_text(errors="replace")
