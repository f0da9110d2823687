"""The calculation package: the application deadline worked out by hand from the law, the signal catalogue (one
Dutch template per signal code), and the kernel's hand-over of what it read (value, status, citations)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kotwijzer import signalen as sg
from kotwijzer.berekening.termijn import aanvragen_uiterlijk, uiterste_aanvraagdatum
from kotwijzer.compute import bereken
from kotwijzer.explain.signaaltekst import CATALOGI, NL, opmaak, tekst
from kotwijzer.invoer import naar_batch
from kotwijzer.kern import bereken_batch
from kotwijzer.model import Huishouden
from kotwijzer.params import parameters_voor_jaar

ROOT = Path(__file__).resolve().parents[2]
BRONCODE = ROOT / "src" / "kotwijzer" / "berekening"


@pytest.mark.parametrize(
    ("jaar", "maand", "uiterlijk"),
    [
        # Wko art. 1.3 lid 2 onder b: an application reaches back to the first day of the third calendar month before
        # the month of the application. January is reached by an application made in April at the latest.
        (2026, 1, dt.date(2026, 4, 30)),
        (2026, 2, dt.date(2026, 5, 31)),
        (2026, 10, dt.date(2027, 1, 31)),
        (2026, 11, dt.date(2027, 2, 28)),
        (2023, 11, dt.date(2024, 2, 29)),  # a leap year
        (2026, 12, dt.date(2027, 3, 31)),
    ],
)
def test_uiterste_aanvraagdatum_uit_de_wet(jaar: int, maand: int, uiterlijk: dt.date) -> None:
    assert uiterste_aanvraagdatum(jaar, maand) == uiterlijk
    assert aanvragen_uiterlijk(jaar, maand, 3) == uiterlijk


def test_resultaat_en_webpagina_gebruiken_dezelfde_termijn() -> None:
    data = json.loads((ROOT / "examples" / "paar_werkt_2026.json").read_text())
    data.pop("aanvraagdatum", None)
    r = bereken(data, dt.date(2026, 12, 6))
    eerste = min(m.maand for m in r.maanden if m.aanspraak or m.maand in r.verloren_maanden)
    assert r.aanvragen_uiterlijk == uiterste_aanvraagdatum(2026, eerste)
    from kotwijzer.web.publiek import kop_context

    kop = kop_context(Huishouden.model_validate(data), r, vandaag=dt.date(2026, 12, 6))
    assert kop["uiterlijk"] == r.aanvragen_uiterlijk


def test_elke_signaalcode_in_de_broncode_heeft_een_nederlandse_tekst() -> None:
    gebruikt = set()
    for pad in BRONCODE.glob("*.py"):
        gebruikt |= set(re.findall(r'(?:Signaal\.van|tekst_van)\(\s*"([a-z_.]+)"', pad.read_text()))
        gebruikt |= {f"vraag.{c}" for c in re.findall(r'vraag\("([a-z_.]+)"\)', pad.read_text())}
    gebruikt |= {
        "arbeidseis.onbekend.vraag",
        "kind.voor_vo",
        "kind.woont_op_adres",
        "kind.lrk",
        "kind.binnen_termijn",
        "urenpotje.kgu_corona",
        "urenpotje.kgu",
    }
    assert len(gebruikt) > 30
    assert gebruikt - set(NL) == set()
    assert set(CATALOGI) == {"nl"}


def test_tekst_vult_elk_veld_en_maakt_waarden_nederlands_op() -> None:
    s = sg.Signaal.van(
        "inkomen.dicht_bij_grens",
        "waarschuwing",
        grens=sg.Heel(112_354),
        wie=sg.Kindrang(True),
        van=sg.Procent(Decimal("67.1")),
        naar=sg.Procent(Decimal("66.6")),
    )
    assert tekst(s) == (
        "Uw inkomen ligt dicht bij een grens van de tabel. Boven € 112.354 daalt het percentage voor "
        "het eerste kind van 67,1% naar 66,6%."
    )
    assert opmaak(sg.Euro(123456)) == "€ 1.234,56"
    assert opmaak(dt.date(2026, 3, 1)) == "1 maart 2026"
    assert opmaak(sg.Maanden((1, 3, 4), opsomming=True)) == "januari, maart en april"
    assert opmaak(sg.Getal(Decimal("12.50"))) == "12,50"
    with pytest.raises(KeyError, match="Geen tekst voor signaal"):
        tekst(sg.Signaal.van("bestaat.niet", "waarschuwing"))


def test_signalen_achter_de_waarschuwingen_en_aannames() -> None:
    data = json.loads((ROOT / "examples" / "paar_werkt_2026.json").read_text())
    data.pop("aanvraagdatum", None)
    r = bereken(data, dt.date(2026, 12, 6))
    assert [tekst(s) for s in r.signalen if s.soort == "waarschuwing"] == r.waarschuwingen
    assert [tekst(s) for s in r.signalen if s.soort == "aanname"] == r.aannames
    assert any(s.code == "aanname.aanvraagdatum_vandaag" and s.bronnen for s in r.signalen)
    assert "signalen" not in json.loads(r.model_dump_json())  # the signals are not part of the JSON


def test_kern_geeft_door_wat_hij_las() -> None:
    h = Huishouden.model_validate(json.loads((ROOT / "examples" / "paar_werkt_2026.json").read_text()))
    p = parameters_voor_jaar(2026)
    u = bereken_batch(naar_batch(h, p, aanvraagdatum=dt.date(2026, 1, 15)), True, p)
    assert u.maximum_uurprijs is not None and u.maximum_uurprijs.status == "definitief"
    assert u.tabel is not None and u.tabel.jaar == 2026
    assert "max_uren_per_maand" in u.gelezen and "terugwerkende_kracht_maanden" in u.gelezen
    for w in u.gelezen.values():
        assert w.bronnen and w.status and dataclasses.is_dataclass(w)
    assert u.waarde("max_uren_per_maand") == 230  # Bkot art. 8a lid 1 onder a: 230 uur per maand
    r = bereken(h, dt.date(2026, 1, 15))
    namen = [x.naam for x in r.parameters]
    assert namen == [*u.gelezen, "maximum_uurprijs", "percentage_tabel"]
    assert all(x.bron for x in r.parameters)


def test_geen_functie_langer_dan_100_regels() -> None:
    import ast

    for pad in [
        *BRONCODE.glob("*.py"),
        ROOT / "src" / "kotwijzer" / "compute.py",
        ROOT / "src" / "kotwijzer" / "explain" / "signaaltekst.py",
    ]:
        for node in ast.walk(ast.parse(pad.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lengte = (node.end_lineno or node.lineno) - node.lineno + 1
                assert lengte <= 100, f"{pad.name}:{node.name} heeft {lengte} regels"
    assert len((ROOT / "src" / "kotwijzer" / "compute.py").read_text().splitlines()) <= 40


@pytest.mark.parametrize(
    "module",
    [
        "kotwijzer.explain.signaaltekst",
        "kotwijzer.signalen",
        "kotwijzer.berekening.condities",
        "kotwijzer.berekening.voorschot",
        "kotwijzer.explain",
        "kotwijzer.compute",
    ],
)
def test_elke_module_laadt_als_eerste(module: str) -> None:
    """No import cycle between the calculation and its words: each module loads first in a fresh interpreter."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, capture_output=True)
