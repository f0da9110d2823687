"""Bounds of a missing table cell (params.grenzen): the expectations are read by hand from the shared 2025 table file
(shared/law/tables/2025.partial.csv) and the rule of the shared law README (December 2026, item 8)."""

import csv
from pathlib import Path

import pytest

from kotwijzer.params import tabel
from kotwijzer.params.grenzen import cel_grenzen, grenstabel, grenzen

SHARED = Path(__file__).resolve().parents[3] / "shared" / "law" / "tables" / "2025.partial.csv"


def test_2025_bij_70000_andere_kinderen_tussen_eerste_kind_en_laatst_bekende():
    # row 66.795-70.446: first child 87,3 (derived), next children not_found;
    # last known next-child cell: row 49.109-50.811, 95,2 (single_source)
    g = grenzen(tabel(2025), 70_000, eerste_kind=False)
    assert g.onder.promille == 873 and g.onder.status == "derived"
    assert g.boven.promille == 952 and g.boven.status == "single_source"
    assert "eerste kind" in g.onder.reden and "50.811" in g.boven.reden
    assert "nota van toelichting" in g.onder.bron.lower()


def test_bekende_cel_heeft_geen_grenzen():
    t = tabel(2025)
    assert grenzen(t, 70_000, eerste_kind=True) is None
    assert grenzen(t, 50_811, eerste_kind=False) is None


def test_2025_boven_159225():
    # open last row: first child 33,3 (statement); next children between 33,3 and 95,2
    g = grenzen(tabel(2025), 400_000, eerste_kind=False)
    assert (g.onder.promille, g.onder.status) == (333, "statement")
    assert g.boven.promille == 952


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ not beside the repository")
def test_grenstabel_vult_alleen_ontbrekende_cellen_met_de_grenzen_uit_het_bestand():
    rows = list(csv.DictReader(SHARED.open()))
    onder, boven = grenstabel(tabel(2025), "onder"), grenstabel(tabel(2025), "boven")
    for i, r in enumerate(rows):
        p1 = round(float(r["pct_first_child"]) * 10)
        assert onder.eerste_kind[i] == p1 and boven.eerste_kind[i] == p1
        if r["status_next_children"] == "not_found":
            assert onder.overige_kinderen[i] == p1  # never lower than the first child
            assert boven.overige_kinderen[i] == 952  # last known next-child cell (row 49.109-50.811)
        else:
            p2 = round(float(r["pct_next_children"]) * 10)
            assert onder.overige_kinderen[i] == p2 == boven.overige_kinderen[i]


def test_beleid_gebruikt_dezelfde_grenzen():
    from kotwijzer.policy.meerjarig import grenstabel as beleid_grenstabel

    for g in ("onder", "boven"):
        a, b = beleid_grenstabel(2025, g), grenstabel(tabel(2025), g)
        assert (a.overige_kinderen == b.overige_kinderen).all() and (a.eerste_kind == b.eerste_kind).all()


def test_cel_zonder_bekende_waarde_erboven_heeft_96_als_bovengrens():
    from kotwijzer.params import valideer_tabel

    t = valideer_tabel(
        2099,
        [
            {
                "income_from": "0",
                "income_to_incl": "100",
                "pct_first_child": "90.0",
                "pct_next_children": "",
                "status_first_child": "verified",
                "status_next_children": "not_found",
            },
            {
                "income_from": "101",
                "income_to_incl": "",
                "pct_first_child": "80.0",
                "pct_next_children": "85.0",
                "status_first_child": "verified",
                "status_next_children": "verified",
            },
        ],
        "onvolledig",
    )
    g = cel_grenzen(t, 0, False)
    assert (g.onder.promille, g.boven.promille, g.boven.status) == (900, 960, "hoogste_percentage")
