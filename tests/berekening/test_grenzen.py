"""Bounded cost per request: every list in the input has a length limit that a real household never reaches, and the
error names the field and the limit in Dutch. (The cost of the largest valid request is measured in bench/.)"""

from __future__ import annotations

import copy

import pytest

from conftest import voorbeeld


def _basis() -> dict:
    return voorbeeld("paar_werkt_2026")


def _periode(m: int) -> dict:
    return {"situatie": "arbeid", "maanden": [m]}


@pytest.mark.parametrize(
    "pad, maak, grens, veld",
    [
        (
            "situaties",
            lambda d: d["aanvrager"].__setitem__("situaties", [_periode(1 + i % 12) for i in range(25)]),
            24,
            "aanvrager.situaties",
        ),
        (
            "periode.maanden",
            lambda d: d["aanvrager"].__setitem__("situaties", [{"situatie": "arbeid", "maanden": [1] * 13}]),
            12,
            "aanvrager.situaties[0].maanden",
        ),
        (
            "opvang",
            lambda d: d["kinderen"][0].__setitem__(
                "opvang", [{"maanden": [], "soort": "dagopvang", "uren_per_maand": "10", "uurprijs": "9"}] * 13
            ),
            12,
            "kinderen[0].opvang",
        ),
        (
            "opvang.maanden",
            lambda d: d["kinderen"][0].__setitem__(
                "opvang", [{"maanden": [1] * 13, "soort": "dagopvang", "uren_per_maand": "10", "uurprijs": "9"}]
            ),
            12,
            "kinderen[0].opvang[0].maanden",
        ),
        ("kinderen", lambda d: d.__setitem__("kinderen", [d["kinderen"][0]] * 13), 12, "kinderen"),
    ],
)
def test_lijst_te_lang_geeft_nederlandse_melding(module_client, pad, maak, grens, veld):
    d = _basis()
    maak(d)
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 422, (pad, r.status_code)
    fouten = [f for f in r.json()["fouten"] if f["veld"] == veld]
    assert fouten, r.json()["fouten"]
    assert fouten[0]["code"] == "too_long"
    assert f"hoogstens {grens}" in fouten[0]["melding"]
    assert fouten[0]["melding"].startswith("Te veel ")


def test_precies_op_de_grens_mag(module_client):
    d = _basis()
    d["aanvrager"]["situaties"] = [_periode(1 + i % 12) for i in range(24)]
    kind = copy.deepcopy(d["kinderen"][0])
    kind["opvang"] = [
        {"maanden": [m], "soort": "dagopvang", "uren_per_maand": "100", "uurprijs": "9"} for m in range(1, 13)
    ]
    d["kinderen"] = [copy.deepcopy(kind) for _ in range(12)]
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 200, r.text[:500]


def test_grenzen_staan_in_het_schema(module_client):
    s = module_client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert s["Invoer_Ouder"]["properties"]["situaties"]["maxItems"] == 24
    assert s["Invoer_Kind"]["properties"]["opvang"]["maxItems"] == 12
    assert s["Invoer_Opvang"]["properties"]["maanden"]["maxItems"] == 12
    assert s["Invoer_Huishouden"]["properties"]["kinderen"]["maxItems"] == 12
