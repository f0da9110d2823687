"""Property-based tests against the published OpenAPI document (schemathesis): no generated request, valid or not,
may give a server error. Bounded: at most 50 examples per endpoint. The professional endpoints run with a token of a
test organisation, so their inner paths are exercised too."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import client_voor, maak_app

_app = None
_token = None


def _maak():
    global _app, _token
    import tempfile

    from kotwijzer.store import repo

    pad = tempfile.mkdtemp(prefix="kw-schemathesis-")
    _app = maak_app(f"sqlite:///{pad}/kotwijzer.sqlite")
    with _app.state.db.sessie() as s:
        org = repo.organisatie_maken(s, "Schemathesis")
        repo.gebruiker_maken(s, org.id, "st@voorbeeld.nl", "een-lang-wachtwoord", "beheerder")
    with client_voor(_app) as c:
        _token = c.post("/api/v1/sessies", json={"email": "st@voorbeeld.nl", "wachtwoord": "een-lang-wachtwoord"}).json()["token"]
    return _app


schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _maak())


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_geen_serverfouten(case):
    headers = {"Authorization": f"Bearer {_token}"} if case.path not in ("/api/v1/sessies",) else {}
    r = case.call(headers=headers)
    assert r.status_code < 500, (case.method, case.path, r.status_code, r.text[:500])
    if r.status_code >= 400:
        body = r.json()
        assert body["melding"], body
    # the answer matches what the document promises: status code, content type and body schema
    case.validate_response(r, checks=[status_code_conformance, content_type_conformance, response_schema_conformance])


@pytest.fixture(scope="module", autouse=True)
def _opruimen():
    yield
    if _app is not None:
        _app.state.db.sluit()
