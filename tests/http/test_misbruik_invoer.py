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
    (
        "/api/v1/wat-als",
        lambda h: {"invoer": h, "wijziging": {"soort": "inkomen", "toetsingsinkomen": 1}},
        "invoer.kinderen[0].geboortedatum",
    ),
    (
        "/api/v1/voorschot-definitief",
        lambda h: {"invoer": h, "inkomen_voorschot": 1, "inkomen_definitief": 2},
        "invoer.kinderen[0].geboortedatum",
    ),
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
        h = {
            "Authorization": "Bearer "
            + c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW}).json()["token"]
        }
        d = c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h).json()["id"]
        r = c.post(f"/api/v1/dossiers/{d}/scenarios", json={"naam": "basis", "invoer": _h()}, headers=h)
        assert r.status_code == 422 and "geboortedatum" in r.json()["fouten"][0]["veld"], r.text


# 111222333 passes the 11-proef
NIEUWE_VARIANTEN = {
    # several between every two digits: the label still displays as 111222333
    "combining grapheme joiner": "\u034f\u034f\u034f\u034f".join("111222333"),
    "variation selector": "\ufe0f\ufe0f\ufe0f\ufe0f".join("111222333"),
    "Mongolian free variation selector": "\u180b\u180b\u180b\u180b".join("111222333"),
    "Hangul filler": "111\u3164222\u3164333",
    "halfwidth Hangul filler": "111\uffa0222\uffa0333",
    "streepjes met spaties": "111 - - 222 - - 333",
    "veel punten": "111....222....333",
    "combinerend teken": "\u0303\u0303\u0303\u0303".join("111222333"),
}


@pytest.mark.parametrize("naam", list(NIEUWE_VARIANTEN))
def test_nieuwe_bsn_varianten_herkend(naam):
    assert lijkt_op_bsn(NIEUWE_VARIANTEN[naam])
    with pytest.raises(OngeldigeWaarde):
        controleer_tekst(NIEUWE_VARIANTEN[naam], "label", 60)


@pytest.mark.parametrize(
    "tekst",
    [
        "gezin 12",
        "2026-01-01 t/m 2026-03-31",
        "111222334",
        "1111222333",
        "versie 3 van 12",
        "gezin 12, kind 3",
        "telefoon 020 123 45 67",
    ],
)
def test_geen_vals_alarm(tekst):
    assert not lijkt_op_bsn(tekst)


@pytest.fixture
def pro(sqlite_app):
    with sqlite_app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", WW, "beheerder")
    with client_voor(sqlite_app) as c:
        t = c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW}).json()["token"]
        yield c, {"Authorization": f"Bearer {t}"}


def test_bsn_verdeeld_over_dossierlabel_en_scenarionaam(pro):
    c, h = pro
    did = c.post("/api/v1/dossiers", json={"label": "gezin 111 222"}, headers=h).json()["id"]
    r = c.post(
        f"/api/v1/dossiers/{did}/scenarios", json={"naam": "333", "invoer": voorbeeld("paar_werkt_2026")}, headers=h
    )
    assert r.status_code == 422 and "burgerservicenummer" in r.json()["melding"]
    did2 = c.post("/api/v1/dossiers", json={"label": "gezin 7"}, headers=h).json()["id"]
    assert (
        c.post(
            f"/api/v1/dossiers/{did2}/scenarios",
            json={"naam": "333", "invoer": voorbeeld("paar_werkt_2026")},
            headers=h,
        ).status_code
        == 201
    )
    r = c.patch(f"/api/v1/dossiers/{did2}", json={"label": "111222"}, headers=h)
    assert r.status_code == 422 and "burgerservicenummer" in r.json()["melding"]


def test_bsn_verdeeld_over_ouder_en_kindlabel(pro):
    c, h = pro
    did = c.post("/api/v1/dossiers", json={"label": "gezin 8"}, headers=h).json()["id"]
    inv = voorbeeld("paar_werkt_2026")
    inv["aanvrager"]["label"] = "ouder 111222"
    inv["kinderen"][0]["label"] = "333"
    r = c.post(f"/api/v1/dossiers/{did}/scenarios", json={"naam": "basis", "invoer": inv}, headers=h)
    assert r.status_code == 422 and "burgerservicenummer" in r.json()["melding"], r.text


def test_bsn_als_e_mailadres(pro):
    c, h = pro
    r = c.post(
        "/api/v1/gebruikers",
        json={"email": "111222333@voorbeeld.nl", "wachtwoord": "zeven blauwe kastanjes dansen", "rol": "medewerker"},
        headers=h,
    )
    assert (
        r.status_code == 422
        and r.json()["fouten"][0]["veld"] == "email"
        and "burgerservicenummer" in r.json()["melding"]
    )


@pytest.mark.parametrize(
    "label, woord",
    [
        ("\u00ad" * 60, "toont niets"),
        ("\u200b\u200c\u200d", "toont niets"),
        ("\u3164\u3164", "toont niets"),
        ("gezin \u202e21 nizeg", "schrijfrichting"),
        ("a\u2066b\u2069", "schrijfrichting"),
    ],
)
def test_onzichtbare_en_omkerende_labels_geweigerd(pro, label, woord):
    c, h = pro
    r = c.post("/api/v1/dossiers", json={"label": label}, headers=h)
    assert r.status_code == 422 and woord in r.json()["melding"], r.text
    did = c.post("/api/v1/dossiers", json={"label": "gezin 9"}, headers=h).json()["id"]
    inv = voorbeeld("paar_werkt_2026")
    inv["kinderen"][0]["label"] = label[:40]
    r = c.post(f"/api/v1/dossiers/{did}/scenarios", json={"naam": "basis", "invoer": inv}, headers=h)
    assert r.status_code == 422 and woord in r.json()["melding"], r.text


# ------------------------------------------------------------------------ finding 3: bodies that cannot be valid
def test_lichaam_van_lege_lijsten_geweigerd_voor_het_parsen(module_client, monkeypatch):
    from kotwijzer.http import fouten as http

    geparst = []
    echt = http.json.loads

    def loads(s, *a, **k):
        if len(s) > 10_000:
            geparst.append(len(s))
        return echt(s, *a, **k)

    monkeypatch.setattr(http.json, "loads", loads)
    body = b'{"kinderen":[' + b",".join([b"[]"] * 40_000) + b"]}"  # 120 kB
    r = module_client.post("/api/v1/berekening", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "te veel lijsten" in r.json()["melding"]
    assert geparst == []
    body = b'{"kinderen":[' + b",".join([b"[]"] * 90_000) + b"]}"  # 270 kB
    r = module_client.post("/api/v1/berekening", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert geparst == []


def test_kleine_routes_hebben_een_kleine_grens(module_client):
    r = module_client.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "x" * 9000})
    assert r.status_code == 413 and "8 kB" in r.json()["melding"]


def test_grootste_geldige_huishouden_past_ook_ingesprongen(module_client):
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from grootste_invoer import grootste_huishouden

    body = json.dumps(grootste_huishouden(), indent=4).encode()
    r = module_client.post("/api/v1/berekening", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code in (200, 422), r.text[:300]
    assert "te groot" not in r.text and "te veel lijsten" not in r.text  # the size bounds let it through


# --------------------------------------------------------- finding 10: the published schema says what is accepted
def test_schema_zegt_wat_de_server_aanneemt(module_client):
    from kotwijzer.api.schemas import jaren_met_regels

    spec = module_client.get("/api/v1/openapi.json").json()
    s = spec["components"]["schemas"]
    jaren = jaren_met_regels()
    jaar = s["Invoer_Huishouden"]["properties"]["berekeningsjaar"]
    assert f"{min(jaren)} tot en met {max(jaren)}" in jaar["description"]
    # a year the schema allows is computed; one it does not is refused
    for j in (min(jaren), max(jaren)):
        r = module_client.post("/api/v1/voorwaardencheck", json={"berekeningsjaar": j})
        assert r.status_code == 200, (j, r.text[:200])
        assert module_client.get(f"/api/v1/parameters/{j}").status_code == 200
    label = s["Invoer_DossierVerzoek"]["properties"]["label"]["pattern"]
    for fout in ("a\x00b", "\u00ad" * 5, " ", "gezin\u202e1", "a\u2028b"):
        assert not re.search(label, fout), repr(fout)
    for goed in ("gezin 12", "Gezin Öztürk-2", "kind é"):
        assert re.search(label, goed)
    kind = s["Invoer_Kind"]["properties"]["label"]["anyOf"][0]["pattern"]
    assert re.search(kind, "") and not re.search(kind, "\u200b\u200b")
    par = next(p for p in spec["paths"]["/api/v1/parameters/{jaar}"]["get"]["parameters"] if p["name"] == "jaar")
    assert par["schema"]["maximum"] == max(jaren)


def test_openapi_links_voor_de_stateful_fase(module_client):
    spec = module_client.get("/api/v1/openapi.json").json()
    links = spec["paths"]["/api/v1/dossiers"]["post"]["responses"]["201"]["links"]
    assert any(v["parameters"] == {"dossier_id": "$response.body#/id"} for v in links.values())
    assert spec["paths"]["/api/v1/dossiers/{dossier_id}/scenarios"]["post"]["responses"]["201"]["links"]
