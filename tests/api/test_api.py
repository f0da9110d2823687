"""HTTP API: every public endpoint, the Dutch error messages, and malformed input that must never give a 5xx."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import voorbeeld
from kotwijzer.compute import bereken, voorschot_vs_definitief, voorwaardencheck

VOORBEELDEN = ["paar_werkt_2026", "wlz_partner_2023", "bijstand_activiteit_c_2026"]


def _post(c, pad, data=None, **kw):
    return c.post(pad, json=data, **kw) if data is not None or "content" not in kw else c.post(pad, **kw)


# ----------------------------------------------------------------------------------------------- berekening
@pytest.mark.parametrize("naam", VOORBEELDEN)
def test_berekening_gelijk_aan_de_kern(module_client, naam):
    d = voorbeeld(naam)
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    uit = r.json()
    kern = bereken(d)
    assert Decimal(uit["resultaat"]["jaar"]["toeslag"]) == kern.jaar.toeslag
    assert Decimal(uit["resultaat"]["jaar"]["eigen_bijdrage"]) == kern.jaar.eigen_bijdrage
    assert [m["aanspraak"] for m in uit["resultaat"]["maanden"]] == [m.aanspraak for m in kern.maanden]
    for m_api, m_kern in zip(uit["resultaat"]["maanden"], kern.maanden, strict=True):
        assert Decimal(m_api["toeslag"]) == m_kern.toeslag
        assert [Decimal(k["toeslag"]) for k in m_api["kinderen"]] == [k.toeslag for k in m_kern.kinderen]
        assert m_api["condities"], "het spoor (voorwaarden per maand) hoort erbij"
    # explanation per month (blocks cover all 12 months) and next steps
    gedekt = [m for b in uit["uitleg"] for m in range(b["maand"], b["tot_maand"] + 1)]
    assert gedekt == list(range(1, 13))
    assert all(b["regels"] for b in uit["uitleg"])
    assert all(b["bronnen"] and all(x["citaat"] for x in b["bronnen"]) for b in uit["uitleg"])
    assert isinstance(uit["stappen"], list)


def test_berekening_wlz_route_via_belastingtelefoon(module_client):
    uit = module_client.post("/api/v1/berekening", json=voorbeeld("wlz_partner_2023")).json()
    titels = " ".join(s["titel"] + " " + s["tekst"] for s in uit["stappen"])
    assert "BelastingTelefoon" in titels
    assert any("CIZ" in d for s in uit["stappen"] for d in s["documenten"])


def test_berekening_wettekst_of_link(module_client):
    uit = module_client.post("/api/v1/berekening", json=voorbeeld("paar_werkt_2026")).json()
    for b in uit["uitleg"]:
        for x in b["bronnen"]:
            assert x["url"] is None or x["url"].startswith("https://wetten.overheid.nl/")
            if uit["wettekst_beschikbaar"]:
                assert x["tekst"]


def test_ongeldige_invoer_nederlands_per_veld(module_client):
    d = voorbeeld("paar_werkt_2026")
    d["kinderen"][0]["opvang"][0]["uren_per_maand"] = -5
    d["kinderen"][1]["geboortedatum"] = "31-02-2020"
    d["aanvrager"]["situaties"][0]["situatie"] = "werken"
    d["onbekend_veld"] = 1
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "ongeldige_invoer"
    fouten = {f["veld"]: f["melding"] for f in body["fouten"]}
    assert fouten["kinderen[0].opvang[0].uren_per_maand"] == "Vul een getal van 0 of meer in."
    assert fouten["kinderen[1].geboortedatum"].startswith("Vul een geldige datum in")
    assert fouten["aanvrager.situaties[0].situatie"].startswith("Kies een van deze waarden: 'arbeid'")
    assert " of 'geen'" in fouten["aanvrager.situaties[0].situatie"]
    assert "kennen we niet" in fouten["onbekend_veld"]
    assert "Input should" not in r.text and "Field required" not in r.text


def test_ontbrekend_inkomen_geeft_aanspraak_en_uren_zonder_bedrag(module_client):
    d = voorbeeld("paar_werkt_2026")
    del d["toetsingsinkomen"]
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 200, r.text
    res = r.json()["resultaat"]
    assert res["bedragen"] == "ontbreekt" and res["jaar"]["toeslag"] is None
    assert res["ontbrekend"][0]["code"] == "toetsingsinkomen" and "inkomen" in res["ontbrekend"][0]["uitleg"]
    assert all(m["aanspraak"] for m in res["maanden"]) and Decimal(res["jaar"]["uren_in_aanmerking"]) > 0


# 2027: both the maximum uurprijs and the table are missing, and the list names both (issue 18)
@pytest.mark.parametrize(
    "jaar,inkomen,code",
    [(2021, 40000, ["tabel"]), (2022, 500000, ["tabel"]), (2027, 40000, ["maximum_uurprijs", "tabel"])],
)
def test_ontbrekende_wetgeving_geeft_beslissing_zonder_bedrag(module_client, jaar, inkomen, code):
    d = voorbeeld("paar_werkt_2026")
    d["berekeningsjaar"] = jaar
    d["toetsingsinkomen"] = inkomen
    d["aanvraagdatum"] = f"{jaar}-01-05"
    for o in ("aanvrager", "partner"):
        for p in d[o]["situaties"]:
            p["uren_per_maand"] = 140
    for k in d["kinderen"]:  # keep the children's ages as in the 2026 example
        k["geboortedatum"] = f"{int(k['geboortedatum'][:4]) + jaar - 2026}{k['geboortedatum'][4:]}"
        if k.get("start_voortgezet_onderwijs"):
            k["start_voortgezet_onderwijs"] = (
                f"{int(k['start_voortgezet_onderwijs'][:4]) + jaar - 2026}{k['start_voortgezet_onderwijs'][4:]}"
            )
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 200, r.text
    res = r.json()["resultaat"]
    assert res["bedragen"] == "ontbreekt" and res["jaar"]["toeslag"] is None
    assert [o["code"] for o in res["ontbrekend"]] == code and str(jaar) in res["ontbrekend"][0]["uitleg"]
    assert any(m["aanspraak"] for m in res["maanden"]) and Decimal(res["jaar"]["uren_in_aanmerking"]) > 0


# ---------------------------------------------------------------------------------------- malformed input
MISVORMD = [
    (b"", "application/json"),
    (b"{bad", "application/json"),
    (b"[]", "application/json"),
    (b"null", "application/json"),
    (b"42", "application/json"),
    (b'"tekst"', "application/json"),
    (b"[" * 5000 + b"]" * 5000, "application/json"),
    (b'{"a":' * 100 + b"1" + b"}" * 100, "application/json"),
    (b'{"berekeningsjaar": NaN, "aanvrager": {}}', "application/json"),
    (b'{"berekeningsjaar": Infinity, "aanvrager": {}}', "application/json"),
    (b'{"berekeningsjaar": 1' + b"0" * 5000 + b', "aanvrager": {}}', "application/json"),
    (b'{"berekeningsjaar": 2026, "toetsingsinkomen": 1e400, "aanvrager": {}}', "application/json"),
    (b'{"berekeningsjaar": 2026, "aanvrager": {"label": "\\ud800"}}', "application/json"),
    (b'{"berekeningsjaar": 2026, "aanvrager": {"label": "\xff\xfe"}}', "application/json"),
    (
        b'{"berekeningsjaar": 2026, "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2026-01-01"}]}, '
        b'"kinderen": [{"geboortedatum": "0001-01-01"}]}',
        "application/json",
    ),
    (b"berekeningsjaar=2026", "application/x-www-form-urlencoded"),
    (b"<xml/>", "text/xml"),
]


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/berekening",
        "/api/v1/voorwaardencheck",
        "/api/v1/wat-als",
        "/api/v1/voorschot-definitief",
        "/api/v1/sessies",
    ],
)
@pytest.mark.parametrize("body,ct", MISVORMD)
def test_misvormde_invoer_nooit_5xx(module_client, pad, body, ct):
    r = module_client.post(pad, content=body, headers={"content-type": ct})
    assert r.status_code < 500, (r.status_code, r.text[:300])
    j = r.json()
    if r.status_code >= 400:
        assert j["melding"] and j["code"]
    assert "Traceback" not in r.text


def test_te_grote_invoer_413(module_client):
    d = {"berekeningsjaar": 2026, "aanvrager": {"label": "x" * 300_000}}
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 413
    assert "te groot" in r.json()["melding"]


def test_unicode_label_werkt(module_client):
    d = voorbeeld("paar_werkt_2026")
    d["kinderen"][0]["label"] = "kindje 🌟 ü"
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 200
    assert r.json()["resultaat"]["maanden"][0]["kinderen"][0]["label"] == "kindje 🌟 ü"


def test_grote_getallen(module_client):
    d = voorbeeld("paar_werkt_2026")
    d["toetsingsinkomen"] = 10**40
    d["kinderen"][0]["opvang"][0]["uurprijs"] = "1e308"
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 422
    velden = {f["veld"] for f in r.json()["fouten"]}
    assert {"toetsingsinkomen", "kinderen[0].opvang[0].uurprijs"} <= velden


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda kinderen: st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=12), kinderen, max_size=5),
    max_leaves=25,
)
_velden = st.fixed_dictionaries(
    {},
    optional={
        "berekeningsjaar": st.one_of(st.integers(2019, 2027), _json),
        "toetsingsinkomen": st.one_of(st.integers(-5, 10**9), _json),
        "aanvraagdatum": st.one_of(st.dates().map(str), _json),
        "partner_is_bloedverwant": st.one_of(st.booleans(), _json),
        "aanvrager": st.one_of(
            st.fixed_dictionaries(
                {},
                optional={
                    "situaties": st.lists(
                        st.fixed_dictionaries(
                            {
                                "situatie": st.sampled_from(
                                    ["arbeid", "wlz_permanent", "bijstand_traject", "detentie", "geen", "x"]
                                )
                            },
                            optional={
                                "van": st.dates().map(str),
                                "tot": st.dates().map(str),
                                "maanden": st.lists(st.integers(0, 13)),
                                "uren_per_maand": st.one_of(st.integers(-1, 800), _json),
                                "voorziening_gericht_op_arbeidsinschakeling": st.one_of(st.booleans(), st.none()),
                            },
                        ),
                        max_size=3,
                    )
                },
            ),
            _json,
        ),
        "partner": st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "situaties": st.lists(
                        st.fixed_dictionaries(
                            {"situatie": st.sampled_from(["arbeid", "wlz_tijdelijk", "detentie", "studie"])},
                            optional={"van": st.dates().map(str), "tot": st.dates().map(str)},
                        ),
                        max_size=2,
                    )
                }
            ),
            _json,
        ),
        "kinderen": st.one_of(
            st.lists(
                st.fixed_dictionaries(
                    {"geboortedatum": st.dates().map(str)},
                    optional={
                        "start_voortgezet_onderwijs": st.sampled_from(["2026-09", "2024-13", "x"]),
                        "opvang": st.lists(
                            st.fixed_dictionaries(
                                {
                                    "soort": st.sampled_from(
                                        ["dagopvang", "buitenschoolse_opvang", "gastouderopvang", "x"]
                                    ),
                                    "uren_per_maand": st.one_of(
                                        st.integers(-1, 800),
                                        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
                                    ),
                                    "uurprijs": st.one_of(st.integers(-1, 2000), st.text(max_size=5)),
                                },
                                optional={"maanden": st.lists(st.integers(0, 13), max_size=13)},
                            ),
                            max_size=2,
                        ),
                    },
                ),
                max_size=3,
            ),
            _json,
        ),
    },
)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.one_of(_velden, _json))
def test_fuzz_geen_5xx(module_client, data):
    for pad in ("/api/v1/berekening", "/api/v1/voorwaardencheck"):
        r = module_client.post(pad, content=json.dumps(data).encode(), headers={"content-type": "application/json"})
        assert r.status_code in (200, 422), (pad, r.status_code, r.text[:500])


# ------------------------------------------------------------------------------------------ voorwaardencheck
def test_voorwaardencheck_leeg(module_client):
    r = module_client.post("/api/v1/voorwaardencheck", json={})
    assert r.status_code == 200
    uit = r.json()
    assert uit["oordeel"] == "onbekend"
    codes = {v["code"] for v in uit["vragen"]}
    assert {"berekeningsjaar", "aanvrager.situaties", "toetsingsinkomen", "kinderen"} <= codes
    assert all(v["vraag"] and v["waarom"] for v in uit["vragen"])


def test_voorwaardencheck_onbekende_voorziening(module_client):
    d = {"berekeningsjaar": 2026, "aanvrager": {"situaties": [{"situatie": "bijstand_traject", "van": "2025-01-01"}]}}
    uit = module_client.post("/api/v1/voorwaardencheck", json=d).json()
    assert uit == json.loads(voorwaardencheck(d).model_dump_json())
    assert uit["oordeel"] == "onbekend"
    v = next(v for v in uit["vragen"] if v["code"] == "voorziening")
    assert "arbeidsinschakeling" in v["waarom"]
    assert any(c["status"] == "onbekend" for c in uit["condities"])


@pytest.mark.parametrize("naam", VOORBEELDEN)
def test_voorwaardencheck_voorbeelden(module_client, naam):
    d = voorbeeld(naam)
    uit = module_client.post("/api/v1/voorwaardencheck", json=d).json()
    assert uit["oordeel"] == voorwaardencheck(d).oordeel


@pytest.mark.parametrize(
    "d",
    [
        {"aanvrager": "x"},
        {"partner": [1]},
        {"aanvrager": {"situaties": 5}},
        {"kinderen": "x"},
        {"berekeningsjaar": "twee"},
    ],
)
def test_voorwaardencheck_verkeerde_types(module_client, d):
    r = module_client.post("/api/v1/voorwaardencheck", json=d)
    assert r.status_code == 422
    assert r.json()["fouten"][0]["melding"]


# ------------------------------------------------------------------------------------------------ parameters
def test_parameters(module_client):
    r = module_client.get("/api/v1/parameters/2026")
    assert r.status_code == 200
    p = r.json()
    assert p["berekeningsjaar"] == 2026
    assert p["regels"] and all(x["bron"] and x["status"] for x in p["regels"])
    assert "maximum_uurprijs" in p and "tabel" in p


@pytest.mark.parametrize(
    "jaar,status", [("2019", 422), ("abc", 422), ("99999999999999999999", 422), ("-1", 422), ("2026.5", 422)]
)
def test_parameters_fout(module_client, jaar, status):
    r = module_client.get(f"/api/v1/parameters/{jaar}")
    assert r.status_code == status
    assert r.json()["melding"]
    assert "Input should" not in r.text


# --------------------------------------------------------------------------------------------------- wat als
def test_wat_als_inkomen(module_client):
    d = voorbeeld("paar_werkt_2026")
    r = module_client.post(
        "/api/v1/wat-als", json={"invoer": d, "wijziging": {"soort": "inkomen", "toetsingsinkomen": 90000}}
    )
    assert r.status_code == 200, r.text
    uit = r.json()
    d2 = copy.deepcopy(d)
    d2["toetsingsinkomen"] = 90000
    assert Decimal(uit["huidig"]["toeslag_jaar"]) == bereken(d).jaar.toeslag
    assert Decimal(uit["wat_als"]["toeslag_jaar"]) == bereken(d2).jaar.toeslag
    assert Decimal(uit["verschil_jaar"]) == bereken(d2).jaar.toeslag - bereken(d).jaar.toeslag
    assert "90.000" in uit["omschrijving"]


def test_wat_als_situatie_vanaf_maand(module_client):
    d = voorbeeld("paar_werkt_2026")
    w = {"soort": "situatie", "ouder": "partner", "situatie": "geen", "vanaf_maand": 7}
    uit = module_client.post("/api/v1/wat-als", json={"invoer": d, "wijziging": w}).json()
    kern = bereken(uit["invoer_wat_als"])
    assert [m["wat_als_recht"] for m in uit["per_maand"]] == [m.aanspraak for m in kern.maanden]
    assert uit["per_maand"][0]["wat_als_recht"] is True
    assert uit["per_maand"][11]["wat_als_recht"] is False
    # the partner's work ends on 30 June: the periods before month 7 are kept
    assert uit["invoer_wat_als"]["partner"]["situaties"][0]["tot"] == "2026-06-30"


def test_wat_als_uren(module_client):
    d = voorbeeld("paar_werkt_2026")
    uit = module_client.post(
        "/api/v1/wat-als", json={"invoer": d, "wijziging": {"soort": "uren", "kind": 2, "uren_per_maand": 60}}
    ).json()
    assert all(o["uren_per_maand"] == "60" for o in uit["invoer_wat_als"]["kinderen"][1]["opvang"])
    assert Decimal(uit["wat_als"]["toeslag_jaar"]) == bereken(uit["invoer_wat_als"]).jaar.toeslag


@pytest.mark.parametrize(
    "w",
    [
        {"soort": "uren", "kind": 5, "uren_per_maand": 10},
        {"soort": "inkomen"},
        {"soort": "situatie", "ouder": "partner", "situatie": "arbeid"},
        {"soort": "iets"},
        {"soort": "inkomen", "toetsingsinkomen": -1},
    ],
)
def test_wat_als_ongeldig(module_client, w):
    d = voorbeeld("paar_werkt_2026")
    if w.get("ouder") == "partner" and "vanaf_maand" not in w:
        pass
    r = module_client.post("/api/v1/wat-als", json={"invoer": d, "wijziging": w})
    assert r.status_code == 422
    assert r.json()["fouten"]


def test_wat_als_geen_partner(module_client):
    d = voorbeeld("bijstand_activiteit_c_2026")
    w = {"soort": "situatie", "ouder": "partner", "situatie": "arbeid", "vanaf_maand": 3}
    r = module_client.post("/api/v1/wat-als", json={"invoer": d, "wijziging": w})
    assert r.status_code == 422
    assert r.json()["melding"] == "Er is geen partner ingevuld."


# ------------------------------------------------------------------------------------------------- voorschot
@pytest.mark.parametrize("v,dfn", [(60000, 70000), (60000, 40000), (60000, 60000)])
def test_voorschot_definitief(module_client, v, dfn):
    d = voorbeeld("paar_werkt_2026")
    r = module_client.post(
        "/api/v1/voorschot-definitief", json={"invoer": d, "inkomen_voorschot": v, "inkomen_definitief": dfn}
    )
    assert r.status_code == 200, r.text
    uit = r.json()
    kern = voorschot_vs_definitief(d, v, dfn)
    assert Decimal(uit["verschil"]) == kern["verschil"]
    assert uit["soort"] == kern["soort"]
    assert len(uit["per_maand"]) == 12


# --------------------------------------------------------------------------------------- openapi, docs, headers
def test_openapi_en_docs(module_client):
    r = module_client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    assert spec["openapi"].startswith("3.")
    for pad in (
        "/api/v1/berekening",
        "/api/v1/voorwaardencheck",
        "/api/v1/parameters/{jaar}",
        "/api/v1/dossiers",
        "/api/v1/scenarios/{scenario_id}/versies",
    ):
        assert pad in spec["paths"]
    comps = spec["components"]["schemas"]
    assert "Invoer_Huishouden" in comps and "Invoer_Kind" in comps and "BerekeningAntwoord" in comps
    # every $ref resolves
    refs = set()

    def _zoek(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "$ref":
                    refs.add(v.rsplit("/", 1)[-1])
                else:
                    _zoek(v)
        elif isinstance(x, list):
            for v in x:
                _zoek(v)

    _zoek(spec)
    assert refs <= set(comps) | {"token"}, refs - set(comps)
    d = module_client.get("/api/v1/docs")
    assert d.status_code == 200 and "text/html" in d.headers["content-type"]
    assert "/api/v1/berekening" in d.text and 'lang="nl"' in d.text


def test_beveiligingsheaders(module_client):
    for pad in ("/", "/api/v1/parameters/2026", "/api/v1/docs"):
        r = module_client.get(pad)
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert "unsafe-inline" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_onbekend_adres_en_methode(module_client):
    r = module_client.get("/api/v1/bestaat-niet")
    assert r.status_code == 404 and r.json()["melding"] == "Deze pagina of dit adres bestaat niet."
    r = module_client.get("/api/v1/berekening")
    assert r.status_code == 405 and "niet toegestaan" in r.json()["melding"]


# ------------------------------------------------------------------------------------------- Dutch messages
def test_nederlandse_fouten_per_soort():
    from pydantic import ValidationError

    from kotwijzer.diensten import Wijziging
    from kotwijzer.foutmeldingen import nederlandse_fouten
    from kotwijzer.model import Huishouden

    gevallen = [
        ({}, "aanvrager", "missing", "Dit veld is verplicht. Vul het in."),
        (
            {"berekeningsjaar": 2026, "aanvrager": {}, "x": 1},
            "x",
            "extra_forbidden",
            "Dit veld kennen we niet. Haal het weg of controleer de spelling.",
        ),
        (
            {"berekeningsjaar": "twee", "aanvrager": {}},
            "berekeningsjaar",
            "int_parsing",
            "Vul een heel getal in, zonder punt of komma.",
        ),
        (
            {"berekeningsjaar": 2026.5, "aanvrager": {}},
            "berekeningsjaar",
            "int_from_float",
            "Vul een heel getal in, zonder cijfers achter de komma.",
        ),
        (
            {"berekeningsjaar": 1999, "aanvrager": {}},
            "berekeningsjaar",
            "greater_than_equal",
            "Vul een getal van 2.000 of meer in.",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": {}, "toetsingsinkomen": 10**9},
            "toetsingsinkomen",
            "less_than_equal",
            "Vul een getal van 100.000.000 of minder in.",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": {}, "aanvraagdatum": "morgen"},
            "aanvraagdatum",
            "date_from_datetime_parsing",
            "Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2026-01-31.",
        ),
        (
            {
                "berekeningsjaar": 2026,
                "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2026-01-01", "uren_per_maand": "1.234"}]},
            },
            "aanvrager.situaties[0].uren_per_maand",
            "decimal_max_places",
            "Gebruik hoogstens 2 cijfers achter de komma.",
        ),
        (
            {
                "berekeningsjaar": 2026,
                "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2026-01-01", "uren_per_maand": "veel"}]},
            },
            "aanvrager.situaties[0].uren_per_maand",
            "decimal_parsing",
            "Vul een getal in, bijvoorbeeld 12.50.",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": {"situaties": [{"situatie": "arbeid"}]}},
            "aanvrager.situaties[0]",
            "value_error",
            "Geef 'van' (en eventueel 'tot') of 'maanden' op.",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": [], "kinderen": {}},
            "aanvrager",
            "model_type",
            "Verwacht een object met velden (een JSON-object tussen { en }).",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": {}, "kinderen": {}},
            "kinderen",
            "list_type",
            "Verwacht een lijst (tussen [ en ]).",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": {"label": "x" * 41}},
            "aanvrager.label",
            "string_too_long",
            "Gebruik hoogstens 40 tekens.",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": {}, "kinderen": [{"geboortedatum": "2020-01-01"}] * 13},
            "kinderen",
            "too_long",
            "Te veel kinderen in 'kinderen': geef hoogstens 12 kinderen in één huishouden.",
        ),
        (
            {
                "berekeningsjaar": 2026,
                "aanvrager": {},
                "kinderen": [{"geboortedatum": "2020-01-01", "start_voortgezet_onderwijs": "2026-13"}],
            },
            "kinderen[0].start_voortgezet_onderwijs",
            "string_pattern_mismatch",
            "Vul jaar en maand in als JJJJ-MM, bijvoorbeeld 2027-09.",
        ),
        (
            {"berekeningsjaar": 2026, "aanvrager": {}, "partner_is_bloedverwant": "misschien"},
            "partner_is_bloedverwant",
            "bool_parsing",
            "Kies ja (true) of nee (false).",
        ),
        ({"berekeningsjaar": 2026, "aanvrager": {"label": 5}}, "aanvrager.label", "string_type", "Vul tekst in."),
    ]
    for data, veld, code, tekst in gevallen:
        try:
            Huishouden.model_validate(data)
        except ValidationError as e:
            fouten = {(f["veld"], f["code"]): f["melding"] for f in nederlandse_fouten(e)}
            assert fouten.get((veld, code)) == tekst, (data, fouten)
        else:  # pragma: no cover
            raise AssertionError(f"geen fout voor {data}")
    # enum, literal and json
    with pytest.raises(ValidationError) as e:
        Wijziging.model_validate({"soort": "alles", "situatie": "x"})
    f = {x["veld"]: x for x in nederlandse_fouten(e.value)}
    assert f["soort"]["melding"] == "Kies een van deze waarden: 'inkomen', 'uren' of 'situatie'."
    assert f["situatie"]["code"] == "enum" and f["situatie"]["melding"].startswith(
        "Kies een van deze waarden: 'arbeid'"
    )
    with pytest.raises(ValidationError) as e:
        Huishouden.model_validate_json("{kapot")
    assert nederlandse_fouten(e.value)[0]["code"] == "json_invalid"
    assert nederlandse_fouten(e.value)[0]["veld"] == ""


def test_elk_pydantic_fouttype_heeft_een_nederlandse_melding():
    from typing import get_args

    from pydantic_core.core_schema import ErrorType

    from kotwijzer.foutmeldingen import melding

    ctx = {
        "ge": 0,
        "gt": 0,
        "le": 1,
        "lt": 1,
        "max_length": 3,
        "min_length": 1,
        "decimal_places": 2,
        "expected": "'a' or 'b'",
        "pattern": "x",
        "error": "fout",
        "multiple_of": 2,
        "class_name": "X",
        "tag": "t",
        "discriminator": "d",
        "expected_tags": "a",
        "max_digits": 3,
        "whole_digits": 1,
        "actual_length": 5,
        "field_type": "List",
    }
    for t in get_args(ErrorType):
        m = melding({"type": t, "loc": ("veld",), "msg": "Input should be English", "ctx": ctx})
        assert m and m[0].isupper() and m.endswith((".", "?")), (t, m)
        assert "Input should" not in m and "English" not in m, (t, m)
