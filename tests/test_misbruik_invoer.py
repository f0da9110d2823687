"""Input edges (issue 17, findings 9-12): dates bounded to what a household can have, on every public calculation
route and on saving a scenario, and stated in the published schema; the BSN guard sees through invisible characters
and separators and checks the fields of one record together; labels that display as empty or reorder text are
refused."""
from __future__ import annotations

import re

import pytest

from conftest import client_voor, voorbeeld
from kotwijzer.store import repo
from kotwijzer.store.validatie import OngeldigeWaarde, controleer_tekst, lijkt_op_bsn

WW = "een-goed-wachtwoord"


def _h(geboortedatum="9999-12-31"):
    h = voorbeeld("paar_werkt_2026")
    h["kinderen"][0]["geboortedatum"] = geboortedatum
    return h


ROUTES = [
    ("/api/v1/berekening", lambda h: h, "kinderen[0].geboortedatum"),
    ("/api/v1/voorwaardencheck", lambda h: h, "kinderen[0].geboortedatum"),
    ("/api/v1/wat-als", lambda h: {"invoer": h, "wijziging": {"soort": "inkomen", "toetsingsinkomen": 1}},
     "invoer.kinderen[0].geboortedatum"),
    ("/api/v1/voorschot-definitief", lambda h: {"invoer": h, "inkomen_voorschot": 1, "inkomen_definitief": 2},
     "invoer.kinderen[0].geboortedatum"),
]


@pytest.mark.parametrize("pad, body, veld", ROUTES)
@pytest.mark.parametrize("datum", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_datum_buiten_bereik_geeft_nederlandse_422_met_veld(module_client, pad, body, veld, datum):
    r = module_client.post(pad, json=body(_h(datum)))
    assert r.status_code == 422, r.text
    f = r.json()["fouten"][0]
    assert f["veld"] == veld and "1 januari 1900" in f["melding"] and "31 december 2100" in f["melding"]


def test_datum_grenzen_staan_in_het_schema(module_client):
    spec = module_client.get("/api/v1/openapi.json").json()
    kind = spec["components"]["schemas"]["Invoer_Kind"]["properties"]["geboortedatum"]
    patroon = kind["pattern"]
    assert re.match(patroon, "2100-12-31") and re.match(patroon, "1900-01-01")
    assert not re.match(patroon, "9999-12-31") and not re.match(patroon, "1899-12-31")


def test_scenario_opslaan_met_datum_9999_geeft_422(app):
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", WW, "beheerder")
    with client_voor(app) as c:
        h = {"Authorization": "Bearer " + c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW}).json()["token"]}
        d = c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h).json()["id"]
        r = c.post(f"/api/v1/dossiers/{d}/scenarios", json={"naam": "basis", "invoer": _h()}, headers=h)
        assert r.status_code == 422 and "geboortedatum" in r.json()["fouten"][0]["veld"], r.text
