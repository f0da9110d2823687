"""The questionnaire state in the hidden form field is bounded: a too large, too deep or wrongly nested state gives a
clear 400 page, never a server error (and no traceback in the log)."""

from __future__ import annotations

import json
import logging

import pytest

from conftest import client_voor
from test_web_hulp import lees

DIEP = '{"invoer":{"berekeningsjaar":2026,"aanvrager":{"situaties":[' + "[" * 30_000 + "]" * 30_000 + "]}}}"
STATEN = {
    "heel diep": DIEP,
    "lijst als inkomen": '{"invoer":{"berekeningsjaar":2026,"toetsingsinkomen":' + "[" * 50 + "]" * 50 + "}}",
    "object als label": json.dumps(
        {"invoer": {"berekeningsjaar": 2026, "aanvrager": {"label": {"x": [["y"]]}, "situaties": []}}}
    ),
    "lijst in maanden": json.dumps(
        {
            "invoer": {
                "berekeningsjaar": 2026,
                "kinderen": [{"geboortedatum": "2022-01-01", "opvang": [{"maanden": [[1]], "soort": "dagopvang"}]}],
            }
        }
    ),
    "object in context": json.dumps({"invoer": {"berekeningsjaar": 2026}, "context": {"dossier": {"a": 1}}}),
    "te groot": json.dumps({"invoer": {"berekeningsjaar": 2026, "aanvrager": {"label": "x" * 200_000}}}),
}


@pytest.fixture(scope="module")
def csrf_client(module_app):
    with client_voor(module_app, raise_server_exceptions=False) as c:
        csrf = dict(lees(c.get("/vragen").text).formulieren[-1]["velden"])["csrf"]
        yield c, csrf


@pytest.mark.parametrize("naam", list(STATEN))
@pytest.mark.parametrize(
    "pad, stap",
    [
        ("/vragen", "controle"),
        ("/vragen", "inkomen"),
        ("/uitkomst", ""),
        ("/wat-als", ""),
        ("/voorschot", ""),
        ("/samenvatting.pdf", ""),
    ],
)
def test_geknoeide_staat_geeft_400(csrf_client, caplog, naam, pad, stap):
    c, csrf = csrf_client
    with caplog.at_level(logging.DEBUG):
        r = c.post(pad, data={"csrf": csrf, "staat": STATEN[naam], "stap": stap, "actie": "bereken"})
    assert r.status_code == 400, (naam, pad, r.status_code)
    assert "konden niet worden gelezen" in r.text
    assert "Traceback" not in caplog.text and "serverfout" not in caplog.text


def test_gewone_staat_werkt_nog(csrf_client):
    c, csrf = csrf_client
    staat = {
        "invoer": {
            "berekeningsjaar": 2026,
            "aanvrager": {"situaties": [{"situatie": "arbeid", "maanden": [1, 2]}]},
            "kinderen": [
                {
                    "geboortedatum": "2022-01-01",
                    "opvang": [{"maanden": [1, 2], "soort": "dagopvang", "uren_per_maand": "100", "uurprijs": "9"}],
                }
            ],
        },
        "partner": False,
        "aantal_kinderen": 1,
        "context": {},
    }
    r = c.post("/vragen", data={"csrf": csrf, "staat": json.dumps(staat), "stap": "inkomen"})
    assert r.status_code in (200, 422), r.status_code
    r = c.post("/vragen", data={"csrf": csrf, "staat": "{kapot", "stap": "gezin"})  # no JSON: a fresh start, as before
    assert r.status_code < 500
