"""The shipped example households compute, and the published JSON Schema matches the model."""

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from kotwijzer.compute import bereken
from kotwijzer.model import schema_invoer, schema_uitvoer

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("bestand", sorted((ROOT / "examples").glob("*.json")), ids=lambda p: p.stem)
def test_voorbeeld_valideert_tegen_schema_en_rekent(bestand):
    data = json.loads(bestand.read_text())
    schema = json.loads((ROOT / "docs" / "schema" / "invoer.schema.json").read_text())
    jsonschema.validate(data, schema)
    r = bereken(data)
    assert len(r.maanden) == 12
    uit = json.loads(json.dumps(r.model_dump(mode="json")))
    jsonschema.validate(uit, json.loads((ROOT / "docs" / "schema" / "uitvoer.schema.json").read_text()))


def test_gepubliceerd_schema_is_actueel():
    assert json.loads((ROOT / "docs" / "schema" / "invoer.schema.json").read_text()) == schema_invoer()
    assert json.loads((ROOT / "docs" / "schema" / "uitvoer.schema.json").read_text()) == schema_uitvoer()


def test_voorbeelden_met_de_hand():
    # wlz_partner_2023: 120 h dagopvang at 9,12 (= 2023 maximum), income 38.000 -> 89,5 % (first child, 2023 table);
    # temporary Wlz of the partner until 31 October 2023: right January-October (Wko 1.6 lid 8, version 2023).
    r = bereken(json.loads((ROOT / "examples" / "wlz_partner_2023.json").read_text()))
    assert [m.aanspraak for m in r.maanden] == [True] * 10 + [False] * 2
    assert r.maanden[0].toeslag == Decimal("979.49")  # 120 x 9,12 = 1.094,40 x 0,895 = 979,488 -> 979,49
    assert r.jaar.toeslag == Decimal("9794.90")
    # bijstand_activiteit_c_2026: a category C activity is no voorziening gericht op arbeidsinschakeling
    r = bereken(json.loads((ROOT / "examples" / "bijstand_activiteit_c_2026.json").read_text()))
    assert r.jaar.toeslag == 0 and {m.reden for m in r.maanden} == {"bijstand_zonder_voorziening"}
