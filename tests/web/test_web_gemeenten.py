"""Municipalities in the app: the catalogue in the database (SQLite and PostgreSQL, through the store and through
`kotwijzer gemeente importeer/exporteer --database`), a failed import that leaves the old catalogue intact, the pages
for consultants and the overview (HTML, CSV, SVG), the API, the questionnaire with a municipality and activity chosen
from the catalogue (verdict and municipal top-up from the core), and /beleid."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest
from sqlalchemy.exc import SQLAlchemyError
from typer.testing import CliRunner

from conftest import client_voor, maak_app
from kotwijzer.cli_gemeente import app as gemeente_cli
from kotwijzer.compute import bereken, gemeentelijke_tegemoetkoming
from kotwijzer.diensten import euro
from kotwijzer.municipal import (
    Activiteit,
    Catalogus,
    Gemeente,
    GemeentelijkBeleid,
    classificeer,
    controleer_registratie,
    naar_yaml,
    overzicht,
    van_yaml,
    voorbeeldcatalogus,
)
from kotwijzer.municipal.codes import code_naam
from kotwijzer.store import Database, catalogus_laden, catalogus_opslaan, gemeenten_opslaan
from kotwijzer.store.voorbeeld import laad_voorbeeldcatalogus
from test_web_hulp import Browser, lees

runner = CliRunner()


def _testgemeente() -> Catalogus:
    """A non-example municipality with every kind of field: decimals, a policy above the maximum uurprijs, unicode."""
    g = Gemeente(
        cbs_code="GM0999", naam="Testgemeente Één", toelichting="Regels voor de test — met ‘aanhalingstekens’."
    )
    acts = [
        Activiteit(
            code="leerwerkplek",
            naam="Leerwerkplek",
            soort="overige_werkplek",
            categorie="A",
            reintegratiecode=29,
            uren_per_week="12.5",
            toelichting="regel 1\nregel 2",
        ),
        Activiteit(
            code="buurtcafe",
            naam="Vrijwilligerswerk in het buurtcafé",
            soort="vrijwilligerswerk_zonder_perspectief",
            categorie="C",
            uren_per_week=3,
        ),
        Activiteit(
            code="coaching",
            naam="Coaching",
            soort="coaching_naar_werk",
            categorie="B",
            doel="participatie",
            reintegratiecode=40,
            individueel_plan_vereist=True,
            herkomst="test",
        ),
    ]
    b = GemeentelijkBeleid(
        fractie_restant="0.3333",
        maximum_per_maand_cent=12345,
        boven_wettelijk=True,
        boven_wettelijk_fractie="0.25",
        boven_wettelijk_maximum_per_maand_cent=5000,
        boven_wettelijk_grondslag="bijzondere bijstand",
        smi_aangeboden=True,
    )
    return Catalogus(gemeenten=[g], activiteiten={"GM0999": acts}, beleid={"GM0999": b})


def _plus(a: Catalogus, b: Catalogus) -> Catalogus:
    return Catalogus(
        gemeenten=a.gemeenten + b.gemeenten,
        activiteiten={**a.activiteiten, **b.activiteiten},
        beleid={**a.beleid, **b.beleid},
    )


@pytest.fixture
def db(db_url):
    d = Database(db_url)
    d.migreer()
    yield d
    d.sluit()


# ------------------------------------------------------------------------------------------ the database
def test_catalogus_heen_en_terug_door_de_database(db):
    with db.sessie() as s:
        assert catalogus_laden(s).gemeenten == []
    groot = _plus(voorbeeldcatalogus(), _testgemeente())
    with db.sessie() as s:
        catalogus_opslaan(s, groot)
    with db.sessie() as s:
        terug = catalogus_laden(s)
    assert terug == groot
    assert naar_yaml(terug) == naar_yaml(groot)  # lossless, also the text of the decimals (12.5, 0.3333)
    assert terug.beleid["GM0999"].fractie_restant == Decimal("0.3333")
    assert [g.cbs_code for g in terug.gemeenten] == ["GM9901", "GM9902", "GM9903", "GM9904", "GM0999"]

    # replace all: only the new catalogue remains
    with db.sessie() as s:
        catalogus_opslaan(s, _testgemeente())
    with db.sessie() as s:
        assert catalogus_laden(s) == _testgemeente()

    # replace some: a municipality's own file updates it and keeps the others in their place
    with db.sessie() as s:
        catalogus_opslaan(s, groot)
    nieuw = voorbeeldcatalogus()
    zuid = nieuw.gemeente("GM9902").model_copy(update={"toelichting": "bijgewerkt"})
    enkel = Catalogus(gemeenten=[zuid], activiteiten={"GM9902": nieuw.activiteiten["GM9902"][:2]})
    with db.sessie() as s:
        samen = gemeenten_opslaan(s, enkel)
    with db.sessie() as s:
        terug = catalogus_laden(s)
    assert terug == samen
    assert [g.cbs_code for g in terug.gemeenten] == ["GM9901", "GM9902", "GM9903", "GM9904", "GM0999"]
    assert terug.gemeente("GM9902").toelichting == "bijgewerkt"
    assert len(terug.activiteiten["GM9902"]) == 2 and "GM9902" not in terug.beleid
    assert (
        terug.activiteiten["GM9901"] == groot.activiteiten["GM9901"]
        and terug.beleid["GM0999"] == groot.beleid["GM0999"]
    )


def test_mislukte_import_laat_de_oude_catalogus_staan(db, monkeypatch):
    from kotwijzer.store import catalogus as store_catalogus

    with db.sessie() as s:
        catalogus_opslaan(s, voorbeeldcatalogus())
    echt = store_catalogus._rij

    def kapot(g, i, cat):  # fails after the old rows were deleted and the first new one was added
        if i == 1:
            raise RuntimeError("schijf vol")
        return echt(g, i, cat)

    monkeypatch.setattr(store_catalogus, "_rij", kapot)
    with pytest.raises(RuntimeError), db.sessie() as s:
        catalogus_opslaan(s, _plus(_testgemeente(), voorbeeldcatalogus()))
    monkeypatch.undo()
    with db.sessie() as s:
        assert catalogus_laden(s) == voorbeeldcatalogus()

    # a database error in the middle (a duplicate activity code that slipped past the model) rolls back as well
    dubbel = Catalogus.model_construct(
        gemeenten=_testgemeente().gemeenten,
        activiteiten={"GM0999": _testgemeente().activiteiten["GM0999"] * 2},
        beleid={},
    )
    with pytest.raises(SQLAlchemyError), db.sessie() as s:
        catalogus_opslaan(s, dubbel)
    with db.sessie() as s:
        assert catalogus_laden(s) == voorbeeldcatalogus()


def test_cli_importeer_en_exporteer_met_de_database(db, tmp_path):
    url = db.url
    voorbeeld = tmp_path / "voorbeeld"
    res = runner.invoke(gemeente_cli, ["exporteer", "--formaat", "csv", "--naar", str(voorbeeld)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        gemeente_cli,
        [
            "importeer",
            str(voorbeeld / "gemeenten.csv"),
            str(voorbeeld / "activiteiten.csv"),
            "--database",
            url,
            "--alles-vervangen",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "Daar staan nu 4 gemeenten" in res.output
    terug = tmp_path / "terug"
    res = runner.invoke(gemeente_cli, ["exporteer", "--database", url, "--formaat", "csv", "--naar", str(terug)])
    assert res.exit_code == 0, res.output
    for naam in ("gemeenten.csv", "activiteiten.csv"):
        assert (terug / naam).read_bytes() == (voorbeeld / naam).read_bytes()

    # one municipality's YAML goes in (the others stay) and comes out again
    (tmp_path / "test.yaml").write_text(naar_yaml(_testgemeente()), encoding="utf-8")
    res = runner.invoke(gemeente_cli, ["importeer", str(tmp_path / "test.yaml"), "--database", url])
    assert res.exit_code == 0, res.output
    assert "1 gemeente(n) bijgewerkt" in res.output and "Daar staan nu 5 gemeenten" in res.output
    res = runner.invoke(gemeente_cli, ["exporteer", "--database", url, "--gemeente", "GM0999"])
    assert res.exit_code == 0, res.output
    assert van_yaml(res.stdout) == _testgemeente()
    with db.sessie() as s:
        assert catalogus_laden(s) == _plus(voorbeeldcatalogus(), _testgemeente())

    # a file with an error changes nothing
    act = (voorbeeld / "activiteiten.csv").read_text(encoding="utf-8").splitlines()
    act[2] = act[2].replace(",A,", ",Z,", 1)
    (voorbeeld / "activiteiten.csv").write_text("\n".join(act) + "\n", encoding="utf-8")
    res = runner.invoke(
        gemeente_cli,
        [
            "importeer",
            str(voorbeeld / "gemeenten.csv"),
            str(voorbeeld / "activiteiten.csv"),
            "--database",
            url,
            "--alles-vervangen",
        ],
    )
    assert res.exit_code == 1 and "rij 3, kolom 'categorie'" in " ".join(res.output.split())
    with db.sessie() as s:
        assert catalogus_laden(s) == _plus(voorbeeldcatalogus(), _testgemeente())


def test_cli_database_meldingen(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    res = runner.invoke(gemeente_cli, ["exporteer", "--database", "standaard"])
    assert res.exit_code == 1 and "bevat nog geen catalogus" in res.output
    assert (tmp_path / "var" / "kotwijzer.sqlite").exists()  # 'standaard' is the app's SQLite database
    res = runner.invoke(gemeente_cli, ["exporteer", "--database", "geen-adres"])
    assert res.exit_code == 2 and "geen adres van een database" in res.output
    res = runner.invoke(gemeente_cli, ["exporteer", "--database", "standaard", "--catalogus", "x.yaml"])
    assert res.exit_code == 2


def test_voorbeelddata_laadt_de_voorbeeldcatalogus(sqlite_url):
    d = Database(sqlite_url)
    d.migreer()
    assert laad_voorbeeldcatalogus(d) is True
    assert laad_voorbeeldcatalogus(d) is False  # idempotent: an existing catalogue stays
    with d.sessie() as s:
        cat = catalogus_laden(s)
    assert cat == voorbeeldcatalogus() and all(g.voorbeeld for g in cat.gemeenten)
    d.sluit()


# ------------------------------------------------------------------------------------------------- pages
@pytest.fixture(scope="module")
def cat_app(tmp_path_factory):
    a = maak_app(f"sqlite:///{tmp_path_factory.mktemp('gem') / 'k.sqlite'}")
    laad_voorbeeldcatalogus(a.state.db)
    yield a
    a.state.db.sluit()


@pytest.fixture(scope="module")
def c(cat_app):
    with client_voor(cat_app) as cl:
        yield cl


def _tekst(html: str, id_: str) -> str | None:
    return lees(html).ids.get(id_)


def test_consulent_pagina_stap_voor_stap(c):
    r = c.get("/gemeenten/activiteit")
    assert r.status_code == 200
    assert "Geeft deze activiteit recht op kinderopvangtoeslag?" in r.text
    assert 'name="gemeente"' in r.text and 'name="activiteit"' not in r.text
    assert _tekst(r.text, "voorbeeld-label").startswith("Voorbeeldgegevens.")
    assert '<a href="/gemeenten">Gemeenten</a>' in r.text and '<a href="/beleid">Beleid</a>' in r.text
    r = c.get("/gemeenten/activiteit", params={"gemeente": "GM9904"})
    assert 'name="activiteit"' in r.text and 'value="taaltraject-roc"' in r.text
    assert 'value="bemiddelingstraject"' not in r.text  # only this municipality's activities


def test_consulent_ziet_wat_classificeer_zegt_voor_elke_activiteit(c):
    cat = voorbeeldcatalogus()
    for g, a in cat.alle_activiteiten():
        r = c.get("/gemeenten/activiteit", params={"gemeente": g.cbs_code, "activiteit": a.code})
        assert r.status_code == 200, (g.cbs_code, a.code)
        kl = classificeer(g.cbs_code, a.code, cat)
        assert _tekst(r.text, "oordeel-activiteit") == ("ja" if kl.gericht_op_arbeidsinschakeling else "nee")
        assert _tekst(r.text, "categorie").startswith(f"{kl.categorie.value}: ")
        verwacht = (
            code_naam(kl.code_te_registreren)
            if kl.code_te_registreren is not None
            else "geen: geef deze activiteit niet door met een van de zeven codes"
        )
        assert _tekst(r.text, "code-te-registreren") == verwacht
        # the explanation speaks to the consultant, not to the parent, and says the same category
        uitleg = _tekst(r.text, "uitleg")
        assert f"tot categorie {kl.categorie.value}:" in uitleg
        assert not any(w in f" {uitleg} " for w in (" uw consulent", " Krijgt u ", " hebt u ", " Vraag uw "))
        assert ("geeft geen recht" in uitleg) != kl.gericht_op_arbeidsinschakeling
        signalen = _tekst(r.text, "signalen")
        for s in kl.signalen:
            assert " ".join(s.uitleg.split()) in signalen
    # the sources and the example-data label
    assert "art. 1.6 lid 1 onder c Wko" in r.text and "art. 7 lid 1 onder a Pw" in r.text
    assert (
        'href="https://wetten.overheid.nl/BWBR0017017/' in r.text
        and 'href="https://wetten.overheid.nl/BWBR0015703/' in r.text
    )
    assert "Let op: voorbeeldgegevens." in r.text


def test_consulent_controleert_een_registratie(c):
    cat = voorbeeldcatalogus()
    # C activity registered under code 43: Dienst Toeslagen sees a right the policy does not give
    r = c.get(
        "/gemeenten/activiteit",
        params={"gemeente": "GM9902", "activiteit": "vrijwilligerswerk-buurthuis", "registratie": "43"},
    )
    assert _tekst(r.text, "dienst-toeslagen-ziet-registratie") == "een traject dat recht geeft"
    s = controleer_registratie(cat.activiteit("GM9902", "vrijwilligerswerk-buurthuis"), 43, gemeente="GM9902")
    assert s and " ".join(s[0].uitleg.split()) in _tekst(r.text, "signalen")
    # not registered: no problem for a C activity
    r = c.get(
        "/gemeenten/activiteit",
        params={"gemeente": "GM9902", "activiteit": "vrijwilligerswerk-buurthuis", "registratie": "geen"},
    )
    assert _tekst(r.text, "dienst-toeslagen-ziet-registratie") == "geen traject dat recht geeft"
    assert "teruggevorderd" not in _tekst(r.text, "signalen")
    # an A activity under another code (25): refused by Dienst Toeslagen
    r = c.get(
        "/gemeenten/activiteit",
        params={"gemeente": "GM9901", "activiteit": "participatieplaats", "registratie": "anders", "andere_code": "25"},
    )
    s = controleer_registratie(cat.activiteit("GM9901", "participatieplaats"), 25, gemeente="GM9901")
    assert s[0].ernst.value == "fout" and " ".join(s[0].uitleg.split()) in _tekst(r.text, "signalen")
    # a wrong code: the error is linked to its field
    r = c.get(
        "/gemeenten/activiteit",
        params={
            "gemeente": "GM9901",
            "activiteit": "participatieplaats",
            "registratie": "anders",
            "andere_code": "abc",
        },
    )
    assert r.status_code == 422 and '<a href="#andere_code">' in r.text and 'id="andere_code"' in r.text
    assert "<title>Fout:" in r.text


def test_consulent_onbekende_keuzes(c):
    r = c.get("/gemeenten/activiteit", params={"gemeente": "GM0001"})
    assert r.status_code == 404 and '<a href="#gemeente">' in r.text
    r = c.get("/gemeenten/activiteit", params={"gemeente": "GM9901", "activiteit": "bestaat-niet"})
    assert r.status_code == 404 and '<a href="#activiteit">' in r.text
    # another municipality's activity (the consultant switched the municipality): ask again, no error
    r = c.get("/gemeenten/activiteit", params={"gemeente": "GM9904", "activiteit": "bemiddelingstraject"})
    assert r.status_code == 200 and _tekst(r.text, "melding") == "Kies een activiteit van Voorbeeldgemeente West."


def test_overzicht_tabel_grafiek_en_csv(c):
    cat = voorbeeldcatalogus()
    r = c.get("/gemeenten/overzicht")
    assert r.status_code == 200
    for rij in overzicht(cat):
        assert f'id="soort-{rij.soort.value}"' in r.text
    assert 'id="overzicht-tabel"' in r.text and 'id="matrix"' in r.text and "<caption" in r.text
    img = re.search(r'<img src="([^"]+)" id="grafiek"[^>]* alt="([^"]+)"', r.text)
    assert img and img.group(1).startswith("/gemeenten/overzicht.svg") and "tabel" in img.group(2)
    assert _tekst(r.text, "voorbeeld-label").startswith("Voorbeeldgegevens.")
    svg = c.get(img.group(1))
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in svg.content and b"<script" not in svg.content
    # the CSV export is exactly the core's overview
    csv_r = c.get("/gemeenten/overzicht.csv")
    assert csv_r.status_code == 200 and csv_r.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_r.headers["content-disposition"]
    # for a Dutch spreadsheet: BOM, semicolons; the same rows as the core's overview
    assert csv_r.content.startswith("\ufeff".encode("utf-8"))
    alles = list(csv.reader(io.StringIO(csv_r.content.decode("utf-8-sig")), delimiter=";"))
    leeg = alles.index([])
    rijen, onder = alles[:leeg], alles[leeg + 1 :]
    kop = rijen[0]
    assert kop[:3] == ["Gemeente", "CBS-code gemeente", "Voorbeeldgegevens (verzonnen gemeente)"]
    # one row per municipality and activity (no list of municipalities in one cell), with the top-up on every row
    verwacht = {
        (g.cbs_code, a.naam, a.categorie.value) for g in cat.gemeenten for a in cat.activiteiten_van(g.cbs_code)
    }
    gezien = {(r[1], r[4], r[5]) for r in rijen[1:]}
    assert gezien == verwacht and len(rijen) - 1 == len(verwacht)
    assert not any("; " in cel for r in rijen[1:] for cel in r[:9])
    ti = kop.index("Aanvullende tegemoetkoming van de gemeente (art. 1.13 Wko)")
    per_gemeente = {r[1]: r[ti] for r in rijen[1:]}
    assert per_gemeente.get("GM9902", "").startswith("de hele rest, hoogstens € 75 per kind per maand")
    mi = kop.index("Tegemoetkoming: hoogstens per kind per maand (€)")
    assert {r[mi] for r in rijen[1:] if r[1] == "GM9902"} == {"75"}
    # readable kinds of activity, never the internal key
    assert not any("_" in r[3] for r in rijen[1:]) and "Dagbesteding uit de Wmo" in {r[3] for r in rijen[1:]} | {
        "Dagbesteding uit de Wmo"
    }
    # the caveats travel with the file
    assert any(r and r[0].startswith("Let op: voorbeeldgegevens") for r in onder)
    assert any(r and r[0].startswith("Bron:") for r in onder)
    xlsx = c.get("/gemeenten/overzicht.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    # chart and matrix speak in plain words
    assert b"wmo dagbesteding" not in svg.content and b"overige werkplek" not in svg.content
    assert "wmo dagbesteding" not in _tekst(r.text, "matrix") and "overige werkplek" not in _tekst(r.text, "matrix")


def test_paginas_zonder_catalogus(sqlite_app):
    with client_voor(sqlite_app) as cl:
        for pad in ("/gemeenten/activiteit", "/gemeenten/overzicht"):
            r = cl.get(pad)
            assert r.status_code == 200 and "nog geen catalogus" in r.text
        assert cl.get("/gemeenten/overzicht.csv").status_code == 404
        assert cl.get("/api/v1/gemeenten").json() == []
        r = cl.get("/api/v1/gemeenten/GM9901/activiteiten")
        assert r.status_code == 404 and "nog geen catalogus" in r.json()["melding"]
        # the questionnaire has no municipality questions then
        b = Browser(cl)
        b.ga("/vragen")
        b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
        b.verstuur("/vragen", {"aanvrager-0-situatie": "bijstand_traject", "aanvrager-0-van": "2026-01-01"}, "Volgende")
        assert b.tekst("vervolg-melding") and "Er is een probleem" not in b.html  # the next question, not an error
        assert 'name="aanvrager-0-voorziening"' in b.html and 'name="aanvrager-0-gemeente"' not in b.html


# --------------------------------------------------------------------------------------------------- API
def test_api_gemeenten(c):
    cat = voorbeeldcatalogus()
    r = c.get("/api/v1/gemeenten")
    assert r.status_code == 200
    lijst = r.json()
    assert [g["cbs_code"] for g in lijst] == [g.cbs_code for g in cat.gemeenten]
    assert lijst[1]["beleid"]["fractie_restant"] == "1" and lijst[3]["beleid"] is None and lijst[0]["voorbeeld"] is True
    r = c.get("/api/v1/gemeenten/GM9901/activiteiten")
    assert [a["code"] for a in r.json()] == [a.code for a in cat.activiteiten["GM9901"]]
    assert r.json()[0]["gericht_op_arbeidsinschakeling"] is True
    r = c.get("/api/v1/gemeenten/GM9902/activiteiten/vrijwilligerswerk-buurthuis")
    assert r.status_code == 200
    assert r.json() == classificeer("GM9902", "vrijwilligerswerk-buurthuis", cat).as_dict()
    r = c.get("/api/v1/gemeenten/GM9901/activiteiten/participatieplaats", params={"geregistreerde_code": "geen"})
    reg = r.json()["registratie"]
    assert reg["geregistreerde_code"] is None and reg["dienst_toeslagen_ziet_traject"] is False
    assert reg["signalen"][0]["soort"] == "niet_geregistreerd"
    r = c.get("/api/v1/gemeenten/GM9901/activiteiten/participatieplaats", params={"geregistreerde_code": "22"})
    assert r.json()["registratie"]["signalen"] == []
    ov = c.get("/api/v1/gemeenten/overzicht").json()
    assert ov["voorbeeld"] is True and [x["soort"] for x in ov["rijen"]] == [x.soort.value for x in overzicht(cat)]


def test_api_gemeenten_antwoorden_volgen_het_schema(c):
    """Every answer has exactly the fields of its published response model, with the right types."""
    from pydantic import BaseModel, TypeAdapter

    from kotwijzer.api import gemeenten as G

    def past(model: type[BaseModel], data: dict) -> None:
        model.model_validate(data)
        assert set(data) <= set(model.model_fields) and set(model.model_fields) - set(data) <= {"registratie"}, model

    lijst = c.get("/api/v1/gemeenten").json()
    TypeAdapter(list[G.GemeenteAntwoord]).validate_python(lijst)
    for g in lijst:
        past(G.GemeenteAntwoord, g)
        for a in c.get(f"/api/v1/gemeenten/{g['cbs_code']}/activiteiten").json():
            past(G.ActiviteitAntwoord, a)
            kl = c.get(
                f"/api/v1/gemeenten/{g['cbs_code']}/activiteiten/{a['code']}", params={"geregistreerde_code": "43"}
            ).json()
            past(G.ClassificatieAntwoord, kl)
            past(G.RegistratieAntwoord, kl["registratie"])
    past(G.OverzichtAntwoord, c.get("/api/v1/gemeenten/overzicht").json())


def test_api_gemeenten_fouten_in_het_nederlands(c):
    r = c.get("/api/v1/gemeenten/GM0001/activiteiten")
    assert r.status_code == 404 and r.json()["melding"].startswith("Gemeente 'GM0001' staat niet in de catalogus")
    r = c.get("/api/v1/gemeenten/GM9901/activiteiten/bestaat-niet")
    assert r.status_code == 404 and "is niet bekend bij Voorbeeldgemeente Noord" in r.json()["melding"]
    r = c.get("/api/v1/gemeenten/amsterdam/activiteiten")
    assert r.status_code == 422 and r.json()["melding"].startswith("De invoer klopt niet")
    r = c.get("/api/v1/gemeenten/GM9901/activiteiten/participatieplaats", params={"geregistreerde_code": "veel"})
    assert r.status_code == 422
    spec = c.get("/api/v1/openapi.json").json()
    for pad in (
        "/api/v1/gemeenten",
        "/api/v1/gemeenten/overzicht",
        "/api/v1/gemeenten/{cbs_code}/activiteiten",
        "/api/v1/gemeenten/{cbs_code}/activiteiten/{code}",
    ):
        assert pad in spec["paths"], pad
        assert "get" in spec["paths"][pad]


def test_kern_gebruikt_de_catalogus_uit_de_database(tmp_path):
    """A municipality that counts the vegetable garden as B (the example data says C): the verdict of the rules core,
    in the API and on the result page, follows the catalogue in the app's database."""
    cat = voorbeeldcatalogus()
    acts = {
        k: [
            Activiteit.valideer({**a.model_dump(), "categorie": "B", "doel": "re-integratie", "reintegratiecode": 40})
            if (k, a.code) == ("GM9901", "moestuin")
            else a
            for a in v
        ]
        for k, v in cat.activiteiten.items()
    }
    eigen = Catalogus(gemeenten=cat.gemeenten, activiteiten=acts, beleid=cat.beleid)
    invoer = {
        "berekeningsjaar": 2026,
        "toetsingsinkomen": 20000,
        "aanvrager": {
            "situaties": [
                {
                    "situatie": "bijstand_traject",
                    "maanden": list(range(1, 13)),
                    "gemeente_code": "GM9901",
                    "activiteit": "moestuin",
                }
            ]
        },
        "kinderen": [
            {
                "geboortedatum": "2022-01-15",
                "opvang": [{"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": "9.00"}],
            }
        ],
    }
    assert bereken(invoer).jaar.toeslag == 0  # the shipped example data: categorie C
    a = maak_app(f"sqlite:///{tmp_path / 'k.sqlite'}")
    with a.state.db.sessie() as s:
        catalogus_opslaan(s, eigen)
    with client_voor(a) as cl:
        r = cl.post("/api/v1/berekening", json=invoer)
        assert r.status_code == 200
        assert Decimal(r.json()["resultaat"]["jaar"]["toeslag"]) > 0
        assert "categorie B" in r.json()["resultaat"]["maanden"][0]["condities"][0]["uitleg"]
    a.state.db.sluit()


def test_vragenlijst_met_gemeente_en_activiteit_en_tegemoetkoming(c):
    b = Browser(c)
    b.ga("/vragen")
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "bijstand_traject", "aanvrager-0-van": "2025-06-01"}, "Volgende")
    assert b.tekst("vervolg-melding") and "Er is een probleem" not in b.html  # follow-up questions as the next step
    assert 'name="aanvrager-0-gemeente"' in b.html and 'name="aanvrager-0-activiteit"' not in b.html
    b.verstuur("/vragen", {"aanvrager-0-gemeente": "GM9902"}, "Volgende")
    assert b.tekst("vervolg-melding") and "Er is een probleem" not in b.html  # the municipality's activities next
    assert 'value="bemiddelingstraject"' in b.html
    b.verstuur("/vragen", {"aanvrager-0-activiteit": "bemiddelingstraject"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2022-09-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "12,50",
        },
        "Volgende",
    )
    b.verstuur("/vragen", {"toetsingsinkomen": "21000", "aangevraagd": "nee"}, "Volgende")
    assert "activiteit: Bemiddeling naar betaald werk (Voorbeeldgemeente Zuid)" in b.html
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    invoer = {
        "berekeningsjaar": 2026,
        "toetsingsinkomen": 21000,
        "aanvrager": {
            "situaties": [
                {
                    "situatie": "bijstand_traject",
                    "van": "2025-06-01",
                    "gemeente_code": "GM9902",
                    "activiteit": "bemiddelingstraject",
                }
            ]
        },
        "kinderen": [
            {
                "geboortedatum": "2022-09-01",
                "opvang": [
                    {"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": "12.50", "maanden": list(range(1, 13))}
                ],
            }
        ],
    }
    r = bereken(invoer)
    assert b.tekst("toeslag-jaar") == euro(r.jaar.toeslag) and r.jaar.toeslag > 0
    t = gemeentelijke_tegemoetkoming(invoer, catalogus=voorbeeldcatalogus())
    assert b.tekst("tegemoetkoming-jaar") == euro(t["totaal_aanvullend"])
    assert b.tekst("tegemoetkoming-eigen-bijdrage-jaar") == euro(t["totaal_eigen_bijdrage"])
    assert b.tekst("boven-wettelijk-jaar") == euro(t["totaal_boven_wettelijk"])
    for m in t["maanden"]:
        for k in m["kinderen"]:
            assert b.tekst(f"tegemoetkoming-{k['kind']}-{m['maand']}") == euro(k["aanvullende_tegemoetkoming"])
            assert b.tekst(f"tegemoetkoming-zelf-{k['kind']}-{m['maand']}") == euro(k["eigen_bijdrage"])
    assert "Voorbeeldgemeente Zuid is een verzonnen gemeente" in b.html and "art. 1.13 Wko" in b.html
    pdf = c.get(next(x["href"] for x in lees(b.html).links if x["id"] == "naar-pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    # back to the step: the choice is kept; 'not in the list' falls back to the question about the activity
    b.klik("Antwoorden wijzigen")
    b.klik("wijzig-aanvrager")
    assert 'value="bemiddelingstraject" selected' in b.html and 'value="GM9902" selected' in b.html
    b.verstuur(
        "/vragen",
        {"aanvrager-0-activiteit": "", "aanvrager-0-voorziening": "nee"},
        "Opslaan en terug naar het overzicht",
    )
    assert "Controleer uw antwoorden" in b.html  # 'Wijzigen' returns to the check page
    assert "gericht op werk: nee" in b.html


def test_vragenlijst_categorie_c_geen_recht_en_gemeente_zonder_beleid(c):
    b = Browser(c)
    b.ga("/vragen")
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "aanvrager-0-situatie": "bijstand_traject",
            "aanvrager-0-van": "2026-01-01",
            "aanvrager-0-gemeente": "GM9904",
            "aanvrager-0-getoond": "gemeente,voorziening",
        },
        "Volgende",
    )
    assert b.tekst("vervolg-melding")
    b.verstuur("/vragen", {"aanvrager-0-activiteit": "taalactiviteit-buurthuis"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2022-09-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "60",
            "kind-0-opvang-0-uurprijs": "10",
        },
        "Volgende",
    )
    b.verstuur("/vragen", {"toetsingsinkomen": "21000", "aangevraagd": "nee"}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    assert b.tekst("oordeel-kop") == "U heeft geen recht op kinderopvangtoeslag" and b.tekst("kop-bedrag") is None
    assert "categorie C" in b.html
    # Voorbeeldgemeente West has no policy for the top-up: the page says so
    assert b.tekst("tegemoetkoming-melding") == "Van gemeente GM9904 is geen beleid voor de tegemoetkoming bekend."


# ------------------------------------------------------------------------------------------------ /beleid
def test_beleid_zonder_doorrekening(tmp_path):
    from kotwijzer.web.beleid import BeleidBron

    a = maak_app(f"sqlite:///{tmp_path / 'k.sqlite'}", beleid=BeleidBron(tmp_path / "leeg"))
    with client_voor(a) as cl:
        r = cl.get("/beleid")
        assert r.status_code == 200
        assert "Er is nog geen doorrekening" in r.text and "kotwijzer beleid hervorming alle" in r.text
        assert cl.get("/beleid/bestanden/hervormingen_uitgaven.png").status_code == 404
    a.state.db.sluit()


def test_beleid_met_voorbeeldberekening(tmp_path, beleid_voorbeeldmap):
    import json

    from kotwijzer.policy.rapport import hervorming_overzicht
    from kotwijzer.web.beleid import VOORBEELD_AANTAL, BeleidBron

    bron = BeleidBron(tmp_path / "leeg", voorbeeld_map=beleid_voorbeeldmap)
    bron.start()
    assert not bron.bezig  # the run exists: nothing is computed again
    ov = hervorming_overzicht(beleid_voorbeeldmap)
    assert json.loads((beleid_voorbeeldmap / "overzicht.json").read_text())["populatie"]["aantal"] == VOORBEELD_AANTAL
    a = maak_app(f"sqlite:///{tmp_path / 'k.sqlite'}", beleid=bron)
    with client_voor(a) as cl:
        r = cl.get("/beleid")
        assert r.status_code == 200
        assert _tekst(r.text, "voorbeeld-label").startswith("Kleine voorbeeldberekening.")
        assert [h["code"] for h in ov["hervormingen"]] == ["R1", "R2", "R3", "R4", "R5"]
        for h in ov["hervormingen"]:
            assert f'id="kop-{h["code"]}"' in r.text and f'id="uitgaven-{h["code"]}"' in r.text
        # the non-take-up range is shown explicitly
        assert re.search(
            r'bijstand met traject[^<]*</th><td class="getal">15%</td><td class="getal">30%</td>'
            r'<td class="getal">50%</td>',
            r.text,
        )
        # every chart and CSV link works and has a text alternative
        beelden = re.findall(r'<img src="/beleid/bestanden/([^"]+)" alt="([^"]+)"', r.text)
        assert len(beelden) == 1 + 3 * 5
        for naam, alt in beelden:
            assert len(alt) > 40
            f = cl.get(f"/beleid/bestanden/{naam}")
            assert f.status_code == 200 and f.headers["content-type"] == "image/png" and f.content[:4] == b"\x89PNG"
        links = set(re.findall(r'href="/beleid/bestanden/([^"]+\.svg)"', r.text))
        exports = set(re.findall(r'href="/beleid/export/([^"]+\.(?:csv|xlsx))"', r.text))
        assert "hervormingen_samenvatting.csv" in exports and "R1_per_doelgroep.xlsx" in exports
        for naam in links:
            f = cl.get(f"/beleid/bestanden/{naam}")
            assert f.status_code == 200, naam
        for naam in exports:
            f = cl.get(f"/beleid/export/{naam}")
            assert f.status_code == 200, naam
        # the downloads carry the caveats of the page: sample size and the source
        f = cl.get("/beleid/export/hervormingen_samenvatting.csv")
        tekst = f.content.decode("utf-8-sig")
        assert "Let op: Berekend met 20.000 nagebootste huishoudens" in tekst and "\r\nBron: kotwijzer" in tekst
        import io

        from openpyxl import load_workbook

        ws = load_workbook(io.BytesIO(cl.get("/beleid/export/R1_per_doelgroep.xlsx").content)).active
        onder = [ws.cell(row=r, column=1).value or "" for r in range(1, ws.max_row + 1)]
        assert any(str(x).startswith("Let op: Berekend met") for x in onder)
        # the 2.000.000 suggestion comes with its command, and the table status is said once
        assert "--aantal 2000000" in r.text and "(voorlopig)" not in r.text
        assert cl.get("/beleid/bestanden/..%2Foverzicht.json").status_code == 404
        assert cl.get("/beleid/bestanden/overzicht.json").status_code == 404
        assert cl.get("/beleid/bestanden/bestaat_niet.csv").status_code == 404
    a.state.db.sluit()


def test_index_met_aanvullende_tegemoetkoming(c):
    """/gemeenten lists every municipality with its top-up (Wko art. 1.13) as the example catalogue states it:
    GM9902 pays the rest up to 75 euro per child per month plus half of the costs above the maximum uurprijs;
    GM9903 half of the rest, at most 25 euro; GM9904 has no policy in the data."""
    cat = voorbeeldcatalogus()
    r = c.get("/gemeenten")
    assert r.status_code == 200 and "<h1>Gemeenten: bijstand, trajecten en kinderopvangtoeslag</h1>" in r.text
    for g in cat.gemeenten:
        assert f'id="gemeente-{g.cbs_code}"' in r.text
        assert f'href="/gemeenten/activiteit?gemeente={g.cbs_code}"' in r.text
    rij = lambda code: _tekst(r.text, f"gemeente-{code}").replace("\u00a0", " ")  # noqa: E731
    assert "de hele rest, hoogstens € 75 per kind per maand; ook boven de maximum uurprijs" in rij("GM9902")
    assert "50 % van de rest, hoogstens € 25 per kind per maand" in rij("GM9903")
    assert "niet bekend" in rij("GM9904")
    # also on the consultant's page once the municipality is chosen, and on the overview
    r = c.get("/gemeenten/activiteit", params={"gemeente": "GM9902"})
    t = _tekst(r.text, "tegemoetkoming").replace("\u00a0", " ")
    assert "artikel 1.13 Wet kinderopvang" in t and "Hoogstens € 75 per kind per maand" in t
    assert "50 % van de kosten boven de maximum uurprijs, uit de bijzondere bijstand" in t
    assert "Voorbeeldgemeente Oost" in _tekst(c.get("/gemeenten/overzicht").text, "tegemoetkoming-tabel")


def test_registratiecontrole_spreekt_zichzelf_niet_tegen(c):
    """An A activity (code 23 in the municipality's data) checked with 'no code passed on': nowhere on the page may
    Dienst Toeslagen be said to see a traject that gives a right."""
    r = c.get(
        "/gemeenten/activiteit", params={"gemeente": "GM9901", "activiteit": "proefplaatsing", "registratie": "geen"}
    )
    assert r.status_code == 200
    assert not re.search(r"\been traject dat recht geeft", r.text, re.I)
    assert _tekst(r.text, "dienst-toeslagen-ziet-registratie") == "geen traject dat recht geeft"
    assert "er is geen code doorgegeven" in _tekst(r.text, "dienst-toeslagen-ziet").lower()
    # the same activity without a check: what it sees when the municipality passes on its own code
    r = c.get("/gemeenten/activiteit", params={"gemeente": "GM9901", "activiteit": "proefplaatsing"})
    assert _tekst(r.text, "dienst-toeslagen-ziet") == "Een traject dat recht geeft (code 23)"
    # with a code that is not one of the seven
    r = c.get(
        "/gemeenten/activiteit",
        params={"gemeente": "GM9901", "activiteit": "proefplaatsing", "registratie": "anders", "andere_code": "25"},
    )
    assert not re.search(r"\been traject dat recht geeft", r.text, re.I)
