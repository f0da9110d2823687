"""Property-based tests against the published OpenAPI document (schemathesis), with all of schemathesis's checks:
no server error, status codes, content types, response schemas and headers as documented, positive and negative data,
authentication, unsupported methods and the Allow header. On SQLite and on PostgreSQL (when
KOTWIJZER_TEST_POSTGRES_URL is set). The professional endpoints run with a token of a test organisation.

Examples per operation: 25 in the default suite; 300 with KOTWIJZER_SCHEMATHESIS_ZWAAR=1 (the full run takes several
minutes on two cores; its figures are in bench/RESULTS.md)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from conftest import client_voor, maak_app
from kotwijzer.api import schemas
from kotwijzer.api.schemas import ONUITDRUKBAAR
from kotwijzer.http.beveiliging import InlogLimiet
from kotwijzer.store import repo
from kotwijzer.store.validatie import BSN_MELDING, LEEG_MELDING

ZWAAR = os.environ.get("KOTWIJZER_SCHEMATHESIS_ZWAAR") == "1"
VOORBEELDEN = 300 if ZWAAR else 25
WW = "een-lang-wachtwoord"  # the tests create the users directly
UITLOGGEN = {("DELETE", "/api/v1/sessies/huidig"), ("DELETE", "/api/v1/sessies")}

# Schema-valid data must be accepted. Besides success: 401/403 (credentials), 404 (a resource of another organisation
# or one that is gone: state the schema cannot hold), 409 (a duplicate) and 429 (rate limits). 422 is accepted for
# schema-valid data only on the operations in ONUITDRUKBAAR (kotwijzer.api.schemas, published as the request body's
# `x-kotwijzer-servercontrole`), and `_roep` checks that every field such a 422 names is one listed there with its
# reason (a BSN-like label, a password's strength or the user's own password, a change that depends on its soort).
GEWOON = ["2xx", "401", "403", "404", "409", "429"]
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {"positive_data_acceptance": {"expected-statuses": GEWOON}},
        "operations": [
            {
                "include-path": pad,
                "include-method": methode,
                "checks": {"positive_data_acceptance": {"expected-statuses": [*GEWOON, "422"]}},
            }
            for methode, pad in ONUITDRUKBAAR
        ],
    }
)


def _waarde(body, veld: str):
    """The value at a field path such as `invoer.kinderen[0].label` in the request body (None when absent)."""
    import re

    x = body
    for deel in re.findall(r"[^.\[\]]+|\[\d+\]", veld):
        try:
            x = x[int(deel[1:-1])] if deel.startswith("[") else x[deel]
        except (KeyError, IndexError, TypeError, ValueError):
            return None
    return x


def _past(reden: str, fout: dict, waarde) -> bool:
    """Is this refusal the rule that ONUITDRUKBAAR names, and nothing else?"""
    import unicodedata

    melding = fout.get("melding", "")
    if reden == schemas.TEKST:
        onbekend = isinstance(waarde, str) and any(unicodedata.category(c) == "Cn" for c in waarde)
        return melding in (BSN_MELDING, LEEG_MELDING) or (
            onbekend and ("gewone letters" in melding or "geldig e-mailadres" in melding)
        )
    if reden == schemas.SAMENHANG:
        return fout.get("code") in ("value_error", "wijziging", "ontbrekende_invoer")
    return True  # a password's strength, the user's own password, the own role: any refusal of that field


def _controleer_422(case, r) -> None:
    """A 422 for schema-valid data names only the fields that ONUITDRUKBAAR lists for this operation, each for a rule
    listed there."""
    if r.status_code != 422 or case.meta is None or not case.meta.generation.mode.is_positive:
        return
    toegestaan = ONUITDRUKBAAR.get((case.method.upper(), case.path), {})
    for fout in r.json().get("fouten") or [{"veld": "", "melding": r.json().get("melding"), "code": r.json()["code"]}]:
        veld = fout.get("veld", "")
        w = _waarde(case.body, veld)
        if fout.get("code") == "int_type" and isinstance(w, float) and w.is_integer():
            continue  # JSON Schema counts 2021.0 as an integer; the API asks for a whole number without a decimal point
        if fout.get("code") == "decimal_max_places" and isinstance(w, float):
            continue  # a JSON number is a binary float: `multipleOf: 0.01` is not exact, so the schema says "2 decimals"
        redenen = [
            reden
            for v, rs in toegestaan.items()
            if veld == v or (v and veld.startswith((v + ".", v + "[")))
            for reden in rs
        ]
        assert any(_past(reden, fout, _waarde(case.body, veld)) for reden in redenen), (
            f"{case.method} {case.path}: schema-geldige invoer geweigerd voor {veld!r}: {r.text}"
        )


def _token(app, email: str = "st@voorbeeld.nl") -> str:
    with client_voor(app) as c:
        return c.post("/api/v1/sessies", json={"email": email, "wachtwoord": WW}).json()["token"]


_opruimen: list = []


def _maak(soort: str):
    import tempfile

    if soort == "sqlite":
        url = f"sqlite:///{tempfile.mkdtemp(prefix='kw-schemathesis-')}/kotwijzer.sqlite"
    else:
        import uuid

        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        from kotwijzer.store import normaliseer_url

        u = make_url(normaliseer_url(os.environ["KOTWIJZER_TEST_POSTGRES_URL"]))
        naam = f"kw_st_{uuid.uuid4().hex[:10]}"
        beheer = create_engine(u, isolation_level="AUTOCOMMIT")
        with beheer.connect() as c:
            c.execute(text(f'CREATE DATABASE "{naam}"'))
        url = u.set(database=naam).render_as_string(hide_password=False)

        def _weg():
            with beheer.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
            beheer.dispose()

        _opruimen.append(_weg)
    # all generated logins come from one address: its slow-down and refusal (tested in test_inloglimiet.py) kept out of
    # the way here, or the hundreds of generated wrong logins would stop the test's own logins
    app = maak_app(url, limiet=InlogLimiet(ip_max_vertraging=0.05, ip_max=10**9))
    with app.state.db.sessie() as s:
        org = repo.organisatie_maken(s, "Schemathesis")
        repo.gebruiker_maken(s, org.id, "st@voorbeeld.nl", WW, "beheerder")
        repo.gebruiker_maken(s, org.id, "weg@voorbeeld.nl", WW, "medewerker")
    app.state.st_token = _token(app)
    _opruimen.insert(0, app.state.db.sluit)
    return app


def _roep(case, app):
    if (case.method.upper(), case.path) in UITLOGGEN:
        token = _token(app, "weg@voorbeeld.nl")  # logging out: with a token of its own
    else:
        token = app.state.st_token
    headers = (
        {} if case.path == "/api/v1/sessies" and case.method.upper() == "POST" else {"Authorization": f"Bearer {token}"}
    )
    r = case.call_and_validate(headers=headers)
    assert r.status_code < 500
    _controleer_422(case, r)
    if r.status_code >= 400 and r.status_code != 405:
        assert r.json()["melding"]


_app_sqlite = _maak("sqlite")
schema_sqlite = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _app_sqlite, config=CONFIG)
_PG = bool(os.environ.get("KOTWIJZER_TEST_POSTGRES_URL"))
_app_pg = _maak("postgres") if _PG else _maak("sqlite")  # without PostgreSQL the test below is skipped
schema_pg = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _app_pg, config=CONFIG)
INSTELLINGEN = settings(
    max_examples=VOORBEELDEN, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)


@schema_sqlite.parametrize()
@INSTELLINGEN
def test_api_sqlite(case):
    _roep(case, _app_sqlite)


@pytest.mark.postgres
@schema_pg.parametrize()
@INSTELLINGEN
def test_api_postgres(case):
    if not _PG:
        pytest.skip("KOTWIJZER_TEST_POSTGRES_URL is niet gezet")
    _roep(case, _app_pg)


def _stateful(schema, app):
    class Machine(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            if case.path == "/api/v1/sessies" and case.method.upper() == "POST":
                return {}
            if "authorization" not in {k.lower() for k in (case.headers or {})}:
                # a negative case that left out the required Authorization header: send it without one, as generated
                return {}
            if (case.method.upper(), case.path) in UITLOGGEN:
                return {"headers": {"Authorization": f"Bearer {_token(app, 'weg@voorbeeld.nl')}"}}
            return {"headers": {"Authorization": f"Bearer {app.state.st_token}"}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            assert response.status_code < 500
            _controleer_422(case, response)
            super().validate_response(response, case, additional_checks, **kwargs)

    return Machine


STATEFUL = settings(
    max_examples=30 if ZWAAR else 5,
    stateful_step_count=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)


def test_api_stateful_sqlite():
    """Sequences that follow the OpenAPI links: a dossier is created, then read, changed, given scenarios, deleted."""
    machine = _stateful(schema_sqlite, _app_sqlite)
    machine.run(settings=STATEFUL)


@pytest.mark.postgres
def test_api_stateful_postgres():
    if not _PG:
        pytest.skip("KOTWIJZER_TEST_POSTGRES_URL is niet gezet")
    _stateful(schema_pg, _app_pg).run(settings=STATEFUL)


@pytest.fixture(scope="module", autouse=True)
def _einde():
    yield
    for f in _opruimen:
        f()
