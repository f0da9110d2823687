"""Shared test fixtures: databases (SQLite and PostgreSQL) and the web/API app on each.

PostgreSQL tests use the server in KOTWIJZER_TEST_POSTGRES_URL (`./dev test` starts one); every test gets a fresh
database of its own there, dropped afterwards. Without the variable those tests are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest


def pytest_configure(config):
    # argon2 with a small cost in tests (same algorithm, same code path; the production defaults cost ~0.1 s a hash)
    from argon2 import PasswordHasher

    from kotwijzer.store import wachtwoord

    wachtwoord._ph = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)

    # starlette's TestClient still works with httpx; its deprecation notice is not about this project
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


PG_ENV = "KOTWIJZER_TEST_POSTGRES_URL"
PG_REDEN = (
    f"{PG_ENV} is niet gezet: start PostgreSQL met `bash scripts/postgres-test.sh` en zet de variabele "
    "(`./dev test` doet beide)"
)


def _pg_basis() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'kotwijzer.sqlite'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    basis = _pg_basis()
    if basis is None:
        pytest.skip(PG_REDEN)
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from kotwijzer.store import normaliseer_url

    url = make_url(normaliseer_url(basis))
    naam = f"kw_test_{uuid.uuid4().hex[:12]}"
    beheer = create_engine(url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as c:
        c.execute(text(f'CREATE DATABASE "{naam}"'))
    try:
        yield url.set(database=naam).render_as_string(hide_password=False)
    finally:
        with beheer.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request) -> str:
    """Run the test once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


def maak_app(url: str, **kwargs):
    from kotwijzer.app import create_app
    from kotwijzer.http.beveiliging import InlogLimiet
    from kotwijzer.http.rekenpoort import Rekenpoort, Teerput

    kwargs.setdefault("geheim", "test-geheim-" + uuid.uuid4().hex)
    kwargs.setdefault("limiet", InlogLimiet())
    # the tests send many calculations from one address; the per-address bounds have their own tests
    kwargs.setdefault("rekenpoort", Rekenpoort(per_adres=64, budget=0))
    # refusals of an address over its bounds are answered at once here; the tarpit has its own tests
    kwargs.setdefault("teerput", Teerput(seconden=0))
    # the tests use made-up host names (testserver, t); the host check has its own tests
    kwargs.setdefault("hosts", ["*"])
    return create_app(url, **kwargs)


@pytest.fixture
def app(db_url):
    a = maak_app(db_url)
    yield a
    a.state.db.sluit()


@pytest.fixture
def sqlite_app(sqlite_url):
    a = maak_app(sqlite_url)
    yield a
    a.state.db.sluit()


@pytest.fixture(scope="module")
def module_app(tmp_path_factory):
    """One SQLite-backed app for a whole test module (for tests that do not write to the database)."""
    pad = tmp_path_factory.mktemp("kw") / "kotwijzer.sqlite"
    a = maak_app(f"sqlite:///{pad}")
    yield a
    a.state.db.sluit()


def client_voor(a, **kwargs):
    from fastapi.testclient import TestClient

    return TestClient(a, **kwargs)


@pytest.fixture
def client(app):
    with client_voor(app) as c:
        yield c


@pytest.fixture(scope="module")
def module_client(module_app):
    with client_voor(module_app) as c:
        yield c


def voorbeeld(naam: str) -> dict:
    import json
    from pathlib import Path

    return json.loads((Path(__file__).resolve().parents[1] / "examples" / f"{naam}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def beleid_voorbeeldmap(tmp_path_factory):
    """A small policy run (20,000 households, seed 2024, all reforms), made once per session the way /beleid makes
    its example run: `BeleidBron.huidige()` starts it in the background and waits for it."""
    from kotwijzer.web.beleid import BeleidBron

    basis = tmp_path_factory.mktemp("beleid")
    bron = BeleidBron(basis / "geen-run", voorbeeld_map=basis / "voorbeeld")
    map_, voorbeeld = bron.huidige(wachten=300)
    assert map_ is not None and voorbeeld, bron.fout
    return map_
