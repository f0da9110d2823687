"""Web pages for parents, without JavaScript: the questionnaire for three families, the result compared with the
core, errors linked to their fields, wat als, voorschot, PDF, CSRF and cookies."""

from __future__ import annotations

import re

import pytest

from conftest import client_voor, maak_app
from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.diensten import euro
from test_web_hulp import Browser, lees


@pytest.fixture
def b(module_app):
    with client_voor(module_app) as c:
        br = Browser(c)
        br.ga("/vragen")
        yield br


def vul_in(b: Browser, gezin: dict, perioden: dict, kinderen: dict, inkomen: dict) -> None:
    b.verstuur("/vragen", gezin, "Volgende")
    for wie, velden in perioden.items():
        assert f'name="{wie}-0-situatie"' in b.html, b.html[:2000]
        b.verstuur("/vragen", velden, "Volgende")
        assert "Er is een probleem" not in b.html
        if b.tekst("vervolg-melding"):  # follow-up questions for this situation: a normal next step, not an error
            b.verstuur("/vragen", velden, "Volgende")
    b.verstuur("/vragen", kinderen, "Volgende")
    b.verstuur("/vragen", inkomen, "Volgende")
    assert "Controleer uw antwoorden" in b.html
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")


def controleer_uitkomst(b: Browser, invoer: dict) -> None:
    vc = voorwaardencheck(invoer)
    assert b.tekst("oordeel") == vc.samenvatting
    r = bereken(invoer)
    assert b.tekst("toeslag-jaar") == euro(r.jaar.toeslag)
    assert b.tekst("eigen-bijdrage-jaar") == euro(r.jaar.eigen_bijdrage)
    for m in r.maanden:
        assert b.tekst(f"recht-{m.maand}").split(",")[0].split(":")[0] == ("ja" if m.aanspraak else "nee")
        assert b.tekst(f"toeslag-{m.maand}") == euro(m.toeslag)
        for k in m.kinderen:
            assert b.tekst(f"kind-{k.kind}-toeslag-{m.maand}") == euro(k.toeslag)


GEZINNEN = {
    "paar_werkt": (
        {"berekeningsjaar": "2026", "partner": "ja", "bloedverwant": "nee", "aantal_kinderen": "2"},
        {
            "aanvrager": {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"},
            "partner": {"partner-0-situatie": "arbeid", "partner-0-van": "1-9-2021"},
        },
        {
            "kind-0-geboortedatum": "2023-04-12",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "80",
            "kind-0-opvang-0-uurprijs": "11,50",
            "kind-1-geboortedatum": "1-2-2018",
            "kind-1-opvang-0-soort": "buitenschoolse_opvang",
            "kind-1-opvang-0-uren": "40",
            "kind-1-opvang-0-uurprijs": "9.50",
        },
        {"toetsingsinkomen": "60.000", "aangevraagd": "ja", "aanvraagdatum": "2026-01-05"},
        "paar_werkt_2026",
    ),
    "wlz": (
        {"berekeningsjaar": "2023", "partner": "ja", "bloedverwant": "nee", "aantal_kinderen": "1"},
        {
            "aanvrager": {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2019-05-01"},
            "partner": {
                "partner-0-situatie": "wlz_tijdelijk",
                "partner-0-van": "2022-11-01",
                "partner-0-tot": "2023-10-31",
            },
        },
        {
            "kind-0-geboortedatum": "2021-06-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "120",
            "kind-0-opvang-0-uurprijs": "9,12",
        },
        {"toetsingsinkomen": "38000", "aangevraagd": "ja", "aanvraagdatum": "10-1-2023"},
        "wlz_partner_2023",
    ),
    "bijstand": (
        {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"},
        {
            "aanvrager": {
                "aanvrager-0-situatie": "bijstand_traject",
                "aanvrager-0-van": "2025-06-01",
                "aanvrager-0-voorziening": "nee",
            }
        },
        {
            "kind-0-geboortedatum": "2022-09-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "60",
            "kind-0-opvang-0-uurprijs": "10,90",
        },
        {"toetsingsinkomen": "21000", "aangevraagd": "ja", "aanvraagdatum": "2026-02-01"},
        "bijstand_activiteit_c_2026",
    ),
}


@pytest.mark.parametrize("naam", list(GEZINNEN))
def test_vragenlijst_drie_gezinnen(b, naam):
    from conftest import voorbeeld

    gezin, perioden, kinderen, inkomen, voorbeeldnaam = GEZINNEN[naam]
    vul_in(b, gezin, perioden, kinderen, inkomen)
    invoer = voorbeeld(voorbeeldnaam)
    for o in ("aanvrager", "partner"):
        if o in invoer:
            invoer[o].pop("label", None)
    for k in invoer["kinderen"]:
        k.pop("label", None)
    controleer_uitkomst(b, invoer)
    if naam == "wlz":
        assert "BelastingTelefoon" in b.html and "CIZ" in b.html
    if naam == "bijstand":
        assert b.tekst("oordeel-kop") == "U heeft geen recht op kinderopvangtoeslag"
        assert b.tekst("kop-bedrag") is None and b.tekst("maanden-met-recht") is None  # no "€ 0 / 0 van 12"
        assert "categorie C" in b.html


def test_uitleg_met_wetsartikelen(b):
    gezin, perioden, kinderen, inkomen, _ = GEZINNEN["paar_werkt"]
    vul_in(b, gezin, perioden, kinderen, inkomen)
    assert "art. 1.6 lid 1 onder a Wko" in b.html
    assert 'href="https://wetten.overheid.nl/BWBR0017017/' in b.html
    assert "<details" in b.html


def test_fouten_gekoppeld_aan_velden(b):
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": None, "aantal_kinderen": ""}, "Volgende", verwacht=422)
    assert "<title>Fout:" in b.html
    links = re.findall(r'<a href="#([^"]+)">', b.html)
    assert set(links) == {"partner", "aantal_kinderen"}
    for veld in links:
        assert f'id="{veld}"' in b.html
    assert 'aria-invalid="true"' in b.html
    assert "autofocus" in b.html

    b.verstuur("/vragen", {"partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "31-02-2026"}, "Volgende", verwacht=422)
    assert "Deze datum bestaat niet" in b.html
    assert 'href="#aanvrager-0-van"' in b.html and 'id="aanvrager-0-van"' in b.html
    b.verstuur(
        "/vragen",
        {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2026-05-01", "aanvrager-0-tot": "2026-03-01"},
        "Volgende",
        verwacht=422,
    )
    assert "De einddatum ligt voor de begindatum." in b.html
    b.verstuur("/vragen", {"aanvrager-0-situatie": "", "aanvrager-1-situatie": ""}, "Volgende", verwacht=422)
    assert "Kies minstens één situatie" in b.html


def test_vervolgvraag_bij_traject_en_onbekend_antwoord(b):
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "bijstand_traject", "aanvrager-0-van": "2026-01-01"}, "Volgende")
    assert b.antwoord.status_code == 200 and "Er is een probleem" not in b.html  # not an error: the next question
    assert b.tekst("vervolg-melding").startswith("Nog een paar vragen")
    assert 'name="aanvrager-0-voorziening"' in b.html
    assert "categorie" not in b.html
    b.verstuur("/vragen", {}, "Volgende")  # 'weet ik niet' is a valid answer
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2023-01-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "10",
        },
        "Volgende",
    )
    b.verstuur("/vragen", {"toetsingsinkomen": "", "aangevraagd": "nee"}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    assert b.tekst("oordeel") == "Met deze gegevens is nog niet te zeggen of u recht heeft. Beantwoord de open vragen."
    assert "Wat we nog moeten weten" in b.html
    assert "re-integratiecode" in b.html
    assert "€ 0,00" not in b.html and "0 van 12" not in b.html  # 'nog niet te zeggen' shows no zero amounts
    assert b.tekst("recht-1") == "nog niet te zeggen"


def test_vorige_en_wijzigen_behouden_antwoorden(b):
    """'Wijzigen' on the check page returns to the check page (GOV.UK "check your answers"), not through every later
    step; a step that the change makes necessary (a child added) is asked first; Back without saving keeps the
    answers."""
    gezin, perioden, kinderen, inkomen, _ = GEZINNEN["wlz"]
    vul_in(b, gezin, perioden, kinderen, inkomen)
    b.klik("Antwoorden wijzigen")
    assert "Controleer uw antwoorden" in b.html
    b.klik("wijzig-gezin")
    assert "Uw gezin" in b.html
    b.verstuur("/vragen", {}, "Opslaan en terug naar het overzicht")
    assert "Controleer uw antwoorden" in b.html
    b.klik("wijzig-partner")
    assert 'value="wlz_tijdelijk" checked' in b.html
    assert 'value="2023-10-31"' in b.html
    b.verstuur("/vragen", {"partner-0-tot": "2023-11-30"}, "Terug naar het overzicht zonder opslaan")
    assert "Controleer uw antwoorden" in b.html and "30 november 2023" not in b.html
    b.klik("wijzig-aanvrager")
    b.klik("terug-link")
    assert "Controleer uw antwoorden" in b.html
    b.klik("wijzig-gezin")
    b.verstuur("/vragen", {"aantal_kinderen": "2"}, "Opslaan en terug naar het overzicht")
    assert "Kinderen en opvang" in b.html and 'name="kind-1-geboortedatum"' in b.html
    b.verstuur(
        "/vragen",
        {
            "kind-1-geboortedatum": "2024-05-01",
            "kind-1-opvang-0-soort": "dagopvang",
            "kind-1-opvang-0-uren": "80",
            "kind-1-opvang-0-uurprijs": "10,50",
        },
        "Opslaan en terug naar het overzicht",
    )
    assert "Controleer uw antwoorden" in b.html and "Kind 2" in b.html
    assert "€ 10,50 per uur" in b.html  # amounts on the check page in Dutch notation


def test_vorige_stap_behoudt_antwoorden(b):
    gezin, perioden, kinderen, inkomen, _ = GEZINNEN["wlz"]
    vul_in(b, gezin, perioden, kinderen, inkomen)
    b.klik("Antwoorden wijzigen")
    b.klik("wijzig-kinderen")
    b.verstuur("/vragen", {}, "Terug naar het overzicht zonder opslaan")
    b.ga(str(b.antwoord.url).replace("/vragen/controle", "/vragen/partner"))
    assert 'value="wlz_tijdelijk" checked' in b.html
    b.verstuur("/vragen", {}, "Vorige stap")
    assert 'value="arbeid" checked' in b.html
    b.klik("terug-link")
    assert "Uw gezin" in b.html


def test_meer_perioden_en_opvangregels(b):
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur(
        "/vragen",
        {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01", "aanvrager-0-tot": "2026-06-30"},
        "Opslaan en nog een periode invullen",
    )
    assert 'name="aanvrager-1-situatie"' in b.html
    b.verstuur("/vragen", {"aanvrager-1-situatie": "studie", "aanvrager-1-van": "2026-07-01"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2022-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "10",
            "kind-0-opvang-0-tot": "8",
        },
        "Opslaan en nog een opvangregel invullen",
    )
    b.verstuur(
        "/vragen",
        {
            "kind-0-opvang-1-soort": "gastouderopvang",
            "kind-0-opvang-1-uren": "50",
            "kind-0-opvang-1-uurprijs": "8,00",
            "kind-0-opvang-1-van": "9",
            "kind-0-opvang-1-tot": "12",
        },
        "Volgende",
    )
    b.verstuur("/vragen", {"toetsingsinkomen": "30000", "aangevraagd": "nee"}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    invoer = {
        "berekeningsjaar": 2026,
        "toetsingsinkomen": 30000,
        "aanvrager": {
            "situaties": [
                {"situatie": "arbeid", "van": "2020-01-01", "tot": "2026-06-30"},
                {"situatie": "studie", "van": "2026-07-01"},
            ]
        },
        "kinderen": [
            {
                "geboortedatum": "2022-03-01",
                "opvang": [
                    {"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": 10, "maanden": list(range(1, 9))},
                    {"soort": "gastouderopvang", "uren_per_maand": 50, "uurprijs": "8.00", "maanden": [9, 10, 11, 12]},
                ],
            }
        ],
    }
    controleer_uitkomst(b, invoer)


def test_overlappende_opvang_gemeld(b):
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2022-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "10",
        },
        "Opslaan en nog een opvangregel invullen",
    )
    b.verstuur(
        "/vragen",
        {"kind-0-opvang-1-soort": "gastouderopvang", "kind-0-opvang-1-uren": "50", "kind-0-opvang-1-uurprijs": "8"},
        "Volgende",
        verwacht=422,
    )
    assert "staat twee keer in de opvang" in b.html


def test_jaar_zonder_tabel(b):
    gezin, perioden, kinderen, inkomen, _ = GEZINNEN["paar_werkt"]
    gezin = dict(gezin, berekeningsjaar="2025")
    vul_in(b, gezin, perioden, kinderen, inkomen)
    if b.tekst("melding"):
        assert "2025" in b.tekst("melding")
        assert b.tekst("oordeel").startswith("U heeft recht")


def test_wat_als_en_voorschot_en_pdf(b):
    from conftest import voorbeeld

    gezin, perioden, kinderen, inkomen, _ = GEZINNEN["paar_werkt"]
    vul_in(b, gezin, perioden, kinderen, inkomen)
    invoer = voorbeeld("paar_werkt_2026")
    b.klik("Wat als er iets verandert?")
    assert "Wat wilt u veranderen?" in b.html
    b.verstuur("/wat-als", {"soort": "inkomen", "wa-inkomen": "90.000"}, "Vergelijk")
    hoger = dict(invoer, toetsingsinkomen=90000)
    assert b.tekst("wa-toeslag") == euro(bereken(hoger).jaar.toeslag)
    assert b.tekst("wa-verschil") == euro(bereken(hoger).jaar.toeslag - bereken(invoer).jaar.toeslag)
    b.verstuur(
        "/wat-als", {"soort": "situatie", "wa-ouder": "partner", "wa-situatie": "geen", "wa-maand": "7"}, "Vergelijk"
    )
    assert b.tekst("wa-recht-12") == "nee" and b.tekst("wa-recht-6") == "ja"
    b.verstuur("/wat-als", {"soort": "uren", "wa-kind": "1", "wa-uren": "abc"}, "Vergelijk", verwacht=422)
    assert 'href="#wa-uren"' in b.html
    b.verstuur("/wat-als", {"soort": "", "wa-uren": ""}, "Vergelijk")
    b.klik("Terug naar uw uitkomst")
    assert b.tekst("toeslag-jaar") == euro(bereken(invoer).jaar.toeslag)

    b.klik("Voorschot en definitieve berekening")
    b.verstuur("/voorschot", {"vs-voorschot": "60000", "vs-definitief": "75000"}, "Bereken het verschil")
    from kotwijzer.compute import voorschot_vs_definitief

    v = voorschot_vs_definitief(invoer, 60000, 75000)
    assert b.tekst("vs-verschil") == euro(abs(v["verschil"]))
    assert "terugbetalen" in b.html
    b.verstuur("/voorschot", {"vs-voorschot": "x", "vs-definitief": ""}, "Bereken het verschil", verwacht=422)
    assert 'href="#vs-voorschot"' in b.html and 'href="#vs-definitief"' in b.html

    b.klik("Terug naar uw uitkomst")
    pdf = next(x["href"] for x in lees(b.html).links if x["id"] == "naar-pdf")
    r = b.client.get(pdf)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    assert "attachment" in r.headers["content-disposition"]


def test_csrf_verplicht(module_app):
    with client_voor(module_app) as c:
        c.get("/vragen")
        r = c.post("/vragen", data={"stap": "gezin", "berekeningsjaar": "2026"})
        assert r.status_code == 403 and "verlopen" in r.text
        r = c.post("/vragen", data={"stap": "gezin", "csrf": "0" * 64})
        assert r.status_code == 403
        assert c.post("/inloggen", data={"email": "a@b.nl", "wachtwoord": "x"}).status_code == 403
        assert c.post("/uitloggen", data={"x": "1"}).status_code == 403
    # a token from another browser is no good either
    with client_voor(module_app) as c1, client_voor(module_app) as c2:
        c1.get("/vragen")
        token = lees(c1.get("/vragen").text).formulieren[-1]
        csrf = dict(token["velden"])["csrf"]
        c2.get("/vragen")
        assert c2.post("/vragen", data={"stap": "gezin", "csrf": csrf}).status_code == 403


def test_cookie_vlaggen(sqlite_url):
    a = maak_app(sqlite_url)
    with client_voor(a) as c:
        ck = c.get("/").headers["set-cookie"]
        assert "HttpOnly" in ck and "SameSite=Lax" in ck and "Secure" not in ck
    with client_voor(a, base_url="https://kotwijzer.test") as c:
        r = c.get("/")
        assert "Secure" in r.headers["set-cookie"]
        assert "max-age" in r.headers["strict-transport-security"]
    a.state.db.sluit()
    a2 = maak_app(sqlite_url, secure_cookies=True)
    with client_voor(a2) as c:
        assert "Secure" in c.get("/").headers["set-cookie"]
    a2.state.db.sluit()


@pytest.mark.parametrize("pad", ["/", "/vragen", "/over", "/inloggen", "/api/v1/docs", "/bestaat-niet"])
def test_paginas_toegankelijke_basis(module_client, pad):
    r = module_client.get(pad)
    assert r.status_code in (200, 404)
    h = r.text
    assert '<html lang="nl">' in h
    assert re.search(r'class="skiplink[^"]*" href="#inhoud"', h) and 'id="inhoud"' in h
    assert "<script" not in h and "style=" not in h  # CSP without inline scripts or styles
    assert "<title>" in h and "<h1>" in h
    # every form control has a label
    for m in re.finditer(r"<(input|select|textarea)\b([^>]*)>", h):
        attrs = m.group(2)
        if 'type="hidden"' in attrs:
            continue
        id_ = re.search(r'id="([^"]+)"', attrs)
        assert id_ and f'for="{id_.group(1)}"' in h, attrs


def test_misvormde_formulieren(module_app):
    with client_voor(module_app) as c:
        c.get("/vragen")
        csrf = dict(lees(c.get("/vragen").text).formulieren[-1]["velden"])["csrf"]
        for data in (
            {"csrf": csrf, "stap": "onzin"},
            {"csrf": csrf, "staat": "{kapot", "stap": "kinderen"},
            {"csrf": csrf, "staat": '{"invoer": 5}', "stap": "aanvrager", "aanvrager-aantal": "99999"},
            {"csrf": csrf, "staat": '{"invoer": {"berekeningsjaar": true}}', "stap": "controle", "actie": "bereken"},
            {"csrf": csrf, "stap": "kinderen", "kind-0-opvang-aantal": "-3"},
        ):
            r = c.post("/vragen", data=data)
            assert r.status_code < 500, (data, r.status_code)
        for pad in ("/uitkomst", "/wat-als", "/voorschot", "/samenvatting.pdf"):
            r = c.post(
                pad, data={"csrf": csrf, "staat": '{"invoer": {"berekeningsjaar": 2026, "toetsingsinkomen": -5}}'}
            )
            assert r.status_code == 422 and "niet compleet" in r.text
        r = c.post("/vragen", content=b"x" * 10, headers={"content-type": "text/plain"})
        assert r.status_code == 415


# ------------------------------------------------------------------------- no form, however odd, gives a 5xx
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_waarde = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**12) | st.text(max_size=12),
    lambda k: st.lists(k, max_size=3) | st.dictionaries(st.text(max_size=8), k, max_size=4),
    max_leaves=12,
)
_periode = st.fixed_dictionaries(
    {"situatie": st.sampled_from(["arbeid", "bijstand_traject", "detentie", "x", 5])},
    optional={
        "van": st.sampled_from(["2026-01-01", "2019-02-30", 7]),
        "tot": _waarde,
        "maanden": st.lists(st.integers(-1, 14), max_size=4),
        "uren_per_maand": _waarde,
    },
)
_staat = st.fixed_dictionaries(
    {
        "invoer": st.one_of(
            _waarde,
            st.fixed_dictionaries(
                {},
                optional={
                    "berekeningsjaar": st.one_of(st.sampled_from([2021, 2023, 2025, 2026]), _waarde),
                    "aanvrager": st.one_of(
                        _waarde, st.fixed_dictionaries({"situaties": st.lists(_periode, max_size=3)})
                    ),
                    "partner": st.one_of(_waarde, st.fixed_dictionaries({"situaties": st.lists(_periode, max_size=2)})),
                    "partner_is_bloedverwant": _waarde,
                    "kinderen": st.one_of(
                        _waarde,
                        st.lists(
                            st.fixed_dictionaries(
                                {"geboortedatum": st.sampled_from(["2022-01-01", "x"])}, optional={"opvang": _waarde}
                            ),
                            max_size=3,
                        ),
                    ),
                    "toetsingsinkomen": _waarde,
                },
            ),
        )
    },
    optional={"partner": _waarde, "aantal_kinderen": st.one_of(st.integers(-3, 20), _waarde), "context": _waarde},
)
_velden = st.dictionaries(
    st.sampled_from(
        [
            "stap",
            "actie",
            "aanvrager-aantal",
            "aanvrager-0-situatie",
            "aanvrager-0-van",
            "aanvrager-0-getoond",
            "aanvrager-0-basis",
            "kind-0-opvang-aantal",
            "kind-0-opvang-0-soort",
            "kind-0-opvang-0-basis",
            "kind-0-opvang-0-van",
            "berekeningsjaar",
            "partner",
            "aantal_kinderen",
            "toetsingsinkomen",
            "soort",
            "wa-kind",
            "wa-uren",
            "wa-maand",
            "wa-situatie",
            "wa-ouder",
            "vs-voorschot",
            "bereken",
        ]
    ),
    st.one_of(
        st.sampled_from(
            [
                "gezin",
                "aanvrager",
                "partner",
                "kinderen",
                "inkomen",
                "controle",
                "volgende",
                "vorige",
                "nog_een",
                "bereken",
                "ga_kinderen",
                "uren",
                "situatie",
                "inkomen",
                "1",
                "0",
                "-1",
                "99",
                "arbeid",
                "2026-01-01",
            ]
        ),
        st.text(max_size=10),
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(staat=_staat, velden=_velden, pad=st.sampled_from(["/vragen", "/uitkomst", "/wat-als", "/voorschot"]))
def test_fuzz_formulieren_geen_5xx(module_app, staat, velden, pad):
    import json as _json

    with client_voor(module_app) as c:
        csrf = dict(lees(c.get("/vragen").text).formulieren[-1]["velden"])["csrf"]
        r = c.post(pad, data={"csrf": csrf, "staat": _json.dumps(staat), **velden})
        assert r.status_code < 500, (pad, staat, velden, r.status_code)
