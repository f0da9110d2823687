"""The published OpenAPI says what the server accepts (issue 17, finding 10, round 2): decimal numbers sent as text
carry the numbers' bounds as a pattern, the routes that compute at once take only years with law data, and what a
schema cannot say is named per operation (`x-kotwijzer-servercontrole`)."""

from __future__ import annotations

import re

import pytest

from conftest import voorbeeld
from kotwijzer.api.schemas import ONUITDRUKBAAR, decimaal_patroon, getallen_patroon, jaren_met_regels


@pytest.mark.parametrize(
    "lo, hi", [(0, 0), (0, 9), (3, 17), (0, 99), (0, 167), (0, 743), (0, 999), (0, 8783), (5, 12345)]
)
def test_getallen_patroon_precies_het_bereik(lo, hi):
    p = re.compile(f"^{getallen_patroon(lo, hi)}$")
    for n in range(hi + 1200):
        assert bool(p.match(str(n))) == (lo <= n <= hi), n
    assert not p.match("0" + str(hi))  # no leading zeros in the group itself


def test_decimaal_patroon_volgt_de_grenzen():
    p = re.compile(decimaal_patroon(0, 744))
    for goed in ("0", "12.5", "12.50", "743.99", "744", "744.0", "744.00", "007.5"):
        assert p.match(goed), goed
    for fout in ("744.01", "745", "-1", "12.505", "1e2", "12,50", " 12", "", "."):
        assert not p.match(fout), fout
    q = re.compile(decimaal_patroon(-10_000_000, 10_000_000))
    assert q.match("-9999999.99") and q.match("10000000") and not q.match("-10000000.01")
    assert decimaal_patroon(0.5, 10) is None


def _schema(module_client):
    return module_client.get("/api/v1/openapi.json").json()


def test_decimaal_als_tekst_binnen_het_patroon_wordt_aangenomen(module_client):
    comps = _schema(module_client)["components"]["schemas"]
    tak = next(t for t in comps["Invoer_Opvang"]["properties"]["uurprijs"]["anyOf"] if t.get("type") == "string")
    d = voorbeeld("paar_werkt_2026")
    for tekst, status in (("999.99", 200), ("1000", 200), ("1000.01", 422)):
        assert bool(re.search(tak["pattern"], tekst)) == (status == 200)
        d["kinderen"][0]["opvang"][0]["uurprijs"] = tekst
        r = module_client.post("/api/v1/berekening", json=d)
        assert r.status_code == status, (tekst, r.text[:300])


def test_rekenroutes_alleen_jaren_met_regels(module_client):
    spec = _schema(module_client)
    comps = spec["components"]["schemas"]
    jaren = jaren_met_regels()
    body = spec["paths"]["/api/v1/berekening"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/Invoer_Huishouden_berekening")
    jaar = comps["Invoer_Huishouden_berekening"]["properties"]["berekeningsjaar"]
    assert (jaar["minimum"], jaar["maximum"]) == (min(jaren), max(jaren))
    for naam in ("Invoer_WatAlsVerzoek", "Invoer_VoorschotVerzoek"):
        assert comps[naam]["properties"]["invoer"]["$ref"].endswith("/Invoer_Huishouden_berekening")
    # a saved scenario may be of any year 2000-2100
    assert comps["Invoer_Huishouden"]["properties"]["berekeningsjaar"]["minimum"] == 2000
    d = voorbeeld("paar_werkt_2026")
    d["berekeningsjaar"] = min(jaren) - 1
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 422 and r.json()["code"] in ("ontbrekende_wetgeving", "ongeldige_invoer")


def test_wat_het_schema_niet_kan_zeggen_staat_erbij(module_client):
    paden = _schema(module_client)["paths"]
    for (methode, pad), velden in ONUITDRUKBAAR.items():
        body = paden[pad][methode.lower()]["requestBody"]
        assert body["x-kotwijzer-servercontrole"] == {v or "(het geheel)": list(r) for v, r in velden.items()}
    assert "nieuw_wachtwoord" in paden["/api/v1/wachtwoord"]["put"]["requestBody"]["x-kotwijzer-servercontrole"]


@pytest.mark.parametrize(
    "label",
    [
        "kind 1",
        "Kind één",
        "kind\u00841",
        "kind\u200b1",
        "ki\u00adnd",
        "a\u202eb",
        "kind \U000f0001",
        "  ",
        "",
        "\u3164",
    ],
)
def test_label_op_rekenroute_zoals_het_patroon_zegt(module_client, label):
    """A child's label on a route that only computes is read by the same rule as the published pattern (found by the
    fuzzing once the pattern compiled in a standard validator: a control character in a label was accepted)."""
    comps = _schema(module_client)["components"]["schemas"]
    tak = next(t for t in comps["Invoer_Kind"]["properties"]["label"]["anyOf"] if t.get("type") == "string")
    d = voorbeeld("paar_werkt_2026")
    d["kinderen"][0]["label"] = label
    r = module_client.post("/api/v1/berekening", json=d)
    volgens_schema = re.search(tak["pattern"], label) is not None
    assert (r.status_code == 200) == volgens_schema, (label, r.status_code, r.text[:200])
    if r.status_code == 422:
        assert [f["veld"] for f in r.json()["fouten"]] == ["kinderen[0].label"]
