"""What every browser test needs (Playwright with Debian's chromium, KOTWIJZER_CHROMIUM): the app served by uvicorn on
a free loopback port, chromium with the same flags, a page with a language and a width, axe-core, and screenshots.

A test module that imports this is skipped when KOTWIJZER_CHROMIUM is not set (`./dev test` sets it)."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("KOTWIJZER_CHROMIUM")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Screenshots go to docs/screenshots when KOTWIJZER_SCHERMAFDRUKKEN=1 (to refresh the committed ones), else to a
# temporary folder, so that a test run does not change tracked files.
SCHERMAFDRUKKEN = (
    Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    if os.environ.get("KOTWIJZER_SCHERMAFDRUKKEN") == "1"
    else Path(os.environ.get("TMPDIR", "/tmp")) / "kotwijzer-schermafdrukken"
)

if not CHROMIUM:
    pytest.skip(
        "KOTWIJZER_CHROMIUM is niet gezet: installeer chromium (scripts/system-deps.sh) en gebruik `./dev test`",
        allow_module_level=True,
    )


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def draaiende_server(app) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yields its base URL; closes the database after."""
    import uvicorn

    poort = _vrije_poort()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=poort, log_level="warning", lifespan="off"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn is niet gestart"
    try:
        yield f"http://127.0.0.1:{poort}"
    finally:
        srv.should_exit = True
        t.join(10)
        app.state.db.sluit()


@contextlib.contextmanager
def lege_app(tmp_path_factory, naam: str) -> Iterator[str]:
    """A fresh app with an empty SQLite database in a temporary folder called `naam`, served; yields its base URL."""
    from conftest import maak_app

    app = maak_app(f"sqlite:///{tmp_path_factory.mktemp(naam) / 'kotwijzer.sqlite'}")
    with draaiende_server(app) as url:
        yield url


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Debian's chromium, headless, with the flags every browser test uses."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        br = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield br
        finally:
            br.close()


def nieuwe_pagina(browser, locale: str = "nl-NL", breedte: int = 1280, js: bool = True) -> tuple[Any, Any]:
    """A new browser context and page (`locale`, `breedte` pixels wide, 900 high; `js=False`: without JavaScript)."""
    ctx = browser.new_context(locale=locale, viewport={"width": breedte, "height": 900}, java_script_enabled=js)
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    return ctx, pg


def schermafdruk(pg, naam: str) -> None:
    """The whole page as a PNG in SCHERMAFDRUKKEN."""
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCHERMAFDRUKKEN / naam), full_page=True)


_axe = None


def toegankelijk(pg, naam: str) -> None:
    """axe-core (WCAG 2.0/2.1 A and AA rules): no serious or critical violation."""
    global _axe
    from axe_playwright_python.sync_playwright import Axe

    _axe = _axe or Axe()
    res = _axe.run(
        pg,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
            "resultTypes": ["violations"],
        },
    )
    ernstig = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in res.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    assert not ernstig, f"{naam}: {ernstig}"
