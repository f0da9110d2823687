"""Everything a user can see is plain Dutch: no internal references (seed numbers, line numbers, file paths), no
Python values (True, False, None) and no English status words (final, provisional, status:).

The check GETs every user-visible page with the example data (the parent's questionnaire and result for the example
households and for years without a complete table, wat als, voorschot, the professional pages, /gemeenten, /beleid)
and runs the CLI commands on the examples, and fails on the patterns below in the visible text (text nodes and the
attributes a user sees or hears: title, alt, aria-label, placeholder, button values)."""

from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import client_voor, maak_app
from test_web_hulp import Browser, lees

VERBODEN = [
    (re.compile(r"\bseed\s*\d", re.I), "seed-nummer"),
    (re.compile(r"\br\.\s*\d"), "regelnummer"),
    (re.compile(r"startgetal", re.I), "intern woord 'startgetal'"),
    (re.compile(r"\bdocs/"), "pad naar docs/"),
    (re.compile(r"\w\.py\b"), "Python-bestand"),
    (re.compile(r"\b(True|False|None)\b"), "Python-waarde"),
    (re.compile(r"\b(final|provisional|partial|unverified)\b", re.I), "Engels statuswoord"),
    (re.compile(r"\bstatus:", re.I), "'status:'"),
    (re.compile(r"Traceback|Exception\b|Error\b"), "Python-fout"),
    (re.compile(r"\d,\d{3}\.\d{2}\b"), "Engelse getalnotatie"),
]
ZICHTBARE_ATTRIBUTEN = {"title", "alt", "aria-label", "placeholder"}


class _Zichtbaar(HTMLParser):
    """The text a user sees or hears (no script, style, hidden inputs or attribute plumbing)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self._weg = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "template"):
            self._weg += 1
        for k, v in a.items():
            if k in ZICHTBARE_ATTRIBUTEN and v:
                self.delen.append(v)
        if tag == "input" and (a.get("type") or "").lower() in ("submit", "button") and a.get("value"):
            self.delen.append(a["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._weg:
            self._weg -= 1

    def handle_data(self, data):
        if not self._weg and data.strip():
            self.delen.append(data)


def zichtbare_tekst(html: str) -> str:
    p = _Zichtbaar()
    p.feed(html)
    return "\n".join(" ".join(d.split()) for d in p.delen)


def vondsten(tekst: str) -> list[str]:
    uit = []
    for patroon, wat in VERBODEN:
        for m in patroon.finditer(tekst):
            begin = max(0, m.start() - 50)
            uit.append(f"{wat}: ...{tekst[begin : m.end() + 50]}...")
    return uit


def test_patronen_vinden_wat_ze_moeten_vinden():
    assert vondsten("zie seed 000 §2.1, r. 626")
    assert vondsten("status: final") and vondsten("waarde False")
    assert vondsten("zie docs/web.md") and vondsten("in compute.py")
    assert vondsten("€ 1,234.56")
    assert not vondsten("U heeft recht op € 1.234,56 per jaar. Artikel 1.6, lid 8, Wet kinderopvang.")
    assert zichtbare_tekst('<p>ja</p><input type="hidden" name="x" value="False"><script>None</script>') == "ja"


# --------------------------------------------------------------------------------------------- the web pages
def _bezoek(c, url: str, gezien: dict[str, str]) -> None:
    r = c.get(url, follow_redirects=True)
    if r.headers.get("content-type", "").startswith("text/html"):
        gezien[url] = r.text


def _vul_in(b: Browser, gezin, perioden, kinderen, inkomen, gezien: dict[str, str]) -> None:
    def bewaar():
        gezien[str(b.antwoord.url)] = b.html

    b.verstuur("/vragen", gezin, "Volgende")
    bewaar()
    for velden in perioden:
        b.verstuur("/vragen", velden, "Volgende")
        bewaar()
        if b.tekst("vervolg-melding"):  # follow-up questions; hours worked in a year that needs them
            wie = next(iter(velden)).split("-")[0]
            extra = {f"{wie}-0-uren": "120"} if f'name="{wie}-0-uren"' in b.html else {}
            if "wanneer eindigt de straf" in b.html:
                extra[f"{wie}-0-tot"] = "2026-12-31"
            b.verstuur("/vragen", extra, "Volgende")
            bewaar()
    b.verstuur("/vragen", kinderen, "Volgende")
    bewaar()
    b.verstuur("/vragen", inkomen, "Volgende")
    bewaar()
    b.verstuur("/vragen", {}, "Bekijk de uitkomst", verwacht=None)
    assert b.antwoord.status_code == 200, [x["tekst"] for x in lees(b.html).links if x["href"].startswith("#")]
    bewaar()


GEZINNEN = [
    # year, partner, periods, income, application date: a year with a final table, one with a provisional table,
    # one without a table (the contract gives the hours but no amount), a traject with follow-up questions
    (
        "2026",
        "ja",
        [
            {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"},
            {"partner-0-situatie": "wlz_tijdelijk", "partner-0-van": "2026-01-01"},
        ],
        "60000",
        "2026-01-05",
    ),
    ("2023", "nee", [{"aanvrager-0-situatie": "studie", "aanvrager-0-van": "2022-09-01"}], "30000", ""),
    ("2025", "nee", [{"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}], "40000", ""),
    ("2021", "nee", [{"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}], "40000", ""),
    ("2026", "nee", [{"aanvrager-0-situatie": "bijstand_traject", "aanvrager-0-van": "2025-06-01"}], "", ""),
    ("2026", "nee", [{"aanvrager-0-situatie": "detentie", "aanvrager-0-van": "2025-06-01"}], "20000", "2026-09-15"),
]


@pytest.fixture(scope="module")
def ouder_paginas(tmp_path_factory) -> dict[str, str]:
    from kotwijzer.store.voorbeeld import laad_voorbeeldcatalogus

    app = maak_app(f"sqlite:///{tmp_path_factory.mktemp('tekst') / 'k.sqlite'}")
    laad_voorbeeldcatalogus(app.state.db)
    gezien: dict[str, str] = {}
    try:
        with client_voor(app) as c:
            for url in (
                "/",
                "/over",
                "/vragen",
                "/vragen?verlopen=1",
                "/api/v1/docs",
                "/bestaat-niet",
                "/vragen/gezin?a=kapot",
            ):
                _bezoek(c, url, gezien)
            for jaar, partner, perioden, inkomen, aanvraag in GEZINNEN:
                b = Browser(c)
                b.ga("/vragen")
                gezin = {"berekeningsjaar": jaar, "partner": partner, "aantal_kinderen": "1"}
                if partner == "ja":
                    gezin["bloedverwant"] = "nee"
                _vul_in(
                    b,
                    gezin,
                    perioden,
                    {
                        "kind-0-geboortedatum": "2022-03-01",
                        "kind-0-opvang-0-soort": "dagopvang",
                        "kind-0-opvang-0-uren": "100",
                        "kind-0-opvang-0-uurprijs": "10",
                    },
                    {
                        "toetsingsinkomen": inkomen,
                        "aangevraagd": "ja" if aanvraag else "nee",
                        "aanvraagdatum": aanvraag,
                    },
                    gezien,
                )
                uitkomst = b.html
                for link in lees(uitkomst).links:
                    pad = urlsplit(link["href"]).path
                    if pad in ("/wat-als", "/voorschot", "/vragen/controle"):
                        _bezoek(c, link["href"], gezien)
                b.klik("Wat als er iets verandert?")
                b.verstuur("/wat-als", {"soort": "inkomen", "wa-inkomen": "90000"}, "Vergelijk", verwacht=None)
                gezien["wat-als " + jaar] = b.html
                b.klik("Terug naar uw uitkomst")
                b.klik("Voorschot en definitieve berekening")
                b.verstuur(
                    "/voorschot",
                    {"vs-voorschot": "40000", "vs-definitief": "50000"},
                    "Bereken het verschil",
                    verwacht=(200, 422),
                )
                gezien["voorschot " + jaar] = b.html
    finally:
        app.state.db.sluit()
    return gezien


def test_paginas_voor_ouders(ouder_paginas):
    assert len(ouder_paginas) > 30
    fout = {url: v for url, html in ouder_paginas.items() if (v := vondsten(zichtbare_tekst(html)))}
    assert not fout, json.dumps(fout, ensure_ascii=False, indent=1)[:6000]


def _pro_en_gemeente_paginas(tmp_path, beleid_map) -> dict[str, str]:
    from kotwijzer.serve import _samenvatting
    from kotwijzer.store.voorbeeld import EMAIL, laad_voorbeeldcatalogus, laad_voorbeelden
    from kotwijzer.web.beleid import BeleidBron

    app = maak_app(
        f"sqlite:///{tmp_path / 'k.sqlite'}", beleid=BeleidBron(tmp_path / "geen-run", voorbeeld_map=beleid_map)
    )
    laad_voorbeeldcatalogus(app.state.db)
    laad_voorbeelden(app.state.db, _samenvatting, "tekst-wachtwoord-1")
    gezien: dict[str, str] = {}
    try:
        with client_voor(app) as c:
            for url in ("/gemeenten/overzicht", "/gemeenten/activiteit", "/beleid", "/inloggen"):
                _bezoek(c, url, gezien)
            r = c.get("/gemeenten/overzicht")
            for link in lees(r.text).links:
                if link["href"].startswith("/gemeenten/activiteit?"):
                    _bezoek(c, link["href"], gezien)
            b = Browser(c)
            b.ga("/inloggen")
            b.verstuur("/inloggen", {"email": EMAIL, "wachtwoord": "tekst-wachtwoord-1"}, "Inloggen")
            te_doen, bezocht = ["/pro", "/pro/beheer"], set()
            while te_doen and len(bezocht) < 60:
                url = te_doen.pop(0)
                if url in bezocht:
                    continue
                bezocht.add(url)
                r = c.get(url, follow_redirects=True)
                if not r.headers.get("content-type", "").startswith("text/html"):
                    continue
                gezien[url] = r.text
                for link in lees(r.text).links:
                    h = link["href"]
                    if h.startswith("/pro/") and not h.endswith("/pdf") and h not in bezocht:
                        te_doen.append(h)
    finally:
        app.state.db.sluit()
    return gezien


@pytest.fixture(scope="module")
def andere_paginas(tmp_path_factory, beleid_voorbeeldmap) -> dict[str, str]:
    return _pro_en_gemeente_paginas(tmp_path_factory.mktemp("pro"), beleid_voorbeeldmap)


@pytest.mark.parametrize(
    "deel",
    [
        "/pro",
        "/gemeenten",
        "/inloggen",
        "/beleid",
    ],
)
def test_paginas_voor_professionals_gemeenten_en_beleid(andere_paginas, deel):
    gezien = {u: h for u, h in andere_paginas.items() if u.startswith(deel)}
    assert gezien, f"geen pagina's onder {deel} bezocht"
    if deel == "/pro":
        assert any(u.startswith("/pro/scenarios/") for u in gezien)
    fout = {url: v for url, html in gezien.items() if (v := vondsten(zichtbare_tekst(html)))}
    assert not fout, json.dumps(fout, ensure_ascii=False, indent=1)[:6000]


# ---------------------------------------------------------------------------------------------------- the CLI
VOORBEELDEN = Path(__file__).resolve().parents[1] / "examples"


def _cli_uitvoer(tmp_path) -> dict[str, str]:
    from typer.testing import CliRunner

    from kotwijzer.cli import app

    runner = CliRunner()
    uit = {}
    opdrachten = [
        ["bereken", str(VOORBEELDEN / "paar_werkt_2026.json")],
        ["uitleg", str(VOORBEELDEN / "wlz_partner_2023.json")],
        ["voorwaardencheck", str(VOORBEELDEN / "bijstand_activiteit_c_2026.json")],
        ["parameters", "2026"],
        ["parameters", "2023"],
        ["parameters", "2025"],
        ["bereken", str(VOORBEELDEN / "bestaat-niet.json")],
        ["bereken"],
        ["--help"],
        ["bereken", "--help"],
        ["schat", "doelgroep"],
        ["schat", "doelgroep", "--volledig"],
        ["dekking"],
        ["gemeente", "overzicht"],
        ["gemeente", "activiteit", "GM9901", "participatieplaats"],
    ]
    jaar25 = json.loads((VOORBEELDEN / "paar_werkt_2026.json").read_text())
    jaar25["berekeningsjaar"] = 2025
    (tmp_path / "j2025.json").write_text(json.dumps(jaar25))
    opdrachten.append(["bereken", str(tmp_path / "j2025.json")])
    for args in opdrachten:
        r = runner.invoke(app, args, env={"COLUMNS": "80", "TERM": "dumb"})
        uit[" ".join(a.replace(str(VOORBEELDEN) + "/", "") for a in args)] = r.output
    return uit


def test_cli_uitvoer(tmp_path):
    uit = _cli_uitvoer(tmp_path)
    fout = {k: v for k, t in uit.items() if (v := vondsten(t.replace(str(VOORBEELDEN), "")))}
    assert not fout, json.dumps(fout, ensure_ascii=False, indent=1)[:6000]


def test_cli_bereken_past_in_80_kolommen():
    """`kotwijzer bereken` at 80 columns: nothing cut off ('…'), no line longer than 80, the headline first, amounts
    in Dutch notation (the 2026 example: the monthly voorschot is the monthly toeslag rounded down to whole euros)."""
    from typer.testing import CliRunner

    from kotwijzer.cli import app, console
    from kotwijzer.compute import bereken

    oud = console.width
    console.width = 80  # Rich's console width, as in a terminal of 80 columns
    try:
        for extra in ([], ["--per-kind"]):
            r = CliRunner().invoke(
                app, ["bereken", str(VOORBEELDEN / "paar_werkt_2026.json"), *extra], env={"COLUMNS": "80"}
            )
            assert r.exit_code == 0, r.output
            regels = r.output.splitlines()
            assert "…" not in r.output
            assert max(len(x) for x in regels) <= 80, max(regels, key=len)
        r = CliRunner().invoke(app, ["uitleg", str(VOORBEELDEN / "wlz_partner_2023.json")], env={"COLUMNS": "80"})
        assert r.exit_code == 0 and max(len(x) for x in r.output.splitlines()) <= 80
        u = r.output.splitlines()
        assert any(
            x.startswith("- ") and y.startswith("  ") and y.strip() for x, y in itertools.pairwise(u)
        )  # list kept
    finally:
        console.width = oud
    res = bereken(json.loads((VOORBEELDEN / "paar_werkt_2026.json").read_text()))
    per_maand = int(res.maanden[0].toeslag)  # rounded down to whole euros, as Dienst Toeslagen pays the voorschot
    assert regels[1].startswith(f"U krijgt €\u00a0{per_maand:,}".replace(",", ".") + " per maand, vanaf januari 2026")


def test_cli_nederlandse_foutmeldingen():
    from typer.testing import CliRunner

    from kotwijzer.cli import app

    r = CliRunner().invoke(app, ["bereken", "--onbekend", "x"])
    assert r.exit_code == 2 and "Onbekende optie" in r.output and "No such option" not in r.output
    r = CliRunner().invoke(app, ["parameters"])
    assert "Ontbrekend argument" in r.output and "Missing" not in r.output
    r = CliRunner().invoke(app, ["bereken", "--help"], env={"COLUMNS": "80"})
    assert "Toon deze hulp en stop." in r.output and "Opties" in r.output
    assert "bereken [OPTIES]" in r.output and "[OPTIONS]" not in r.output
    r = CliRunner().invoke(app, ["bereken", "bestaat-niet.json"])
    assert "Het bestand bestaat-niet.json bestaat niet." in r.output
