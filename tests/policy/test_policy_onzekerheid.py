"""Uncertainty: every assumption has a machine-readable range; intervals contain the central value and widen when an
assumption's range widens; the tornado names the driving assumption; --aannames and provenance."""

import json

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from kotwijzer.policy import hervorming as H
from kotwijzer.policy import onzekerheid as O
from kotwijzer.policy import populatie as P

N = 4_000
HERV = [H.alle()["R4"]]


def test_elke_aanname_heeft_een_variatie():
    ruw = P.Aannames.standaard().document()
    for naam, a in ruw["aannames"].items():
        assert "variatie" in a, naam
        laag = O.varieer_waarde(a["waarde"], a["variatie"], -1.0)
        hoog = O.varieer_waarde(a["waarde"], a["variatie"], 1.0)
        assert laag != a["waarde"] or hoog != a["waarde"], naam
        assert O.varieer_waarde(a["waarde"], a["variatie"], 0.0) == a["waarde"]
    assert len(O.namen()) == len(ruw["aannames"]) + len(ruw["niet_gebruik"])
    # ranges as documented: toetsingsinkomen_factor 0,75-0,95
    assert O.varieer_waarde(0.82, [0.75, 0.95], -1.0) == pytest.approx(0.75)
    assert O.varieer_waarde(0.82, [0.75, 0.95], 1.0) == pytest.approx(0.95)
    # shares that must sum to one keep doing so
    ba = O.varieer_waarde(
        ruw["aannames"]["bijstand_activiteit"]["waarde"], ruw["aannames"]["bijstand_activiteit"]["variatie"], 0.7
    )
    assert sum(ba.values()) == pytest.approx(1.0)


def test_latin_hypercube_dekt_elk_stratum():
    us = O.latin_hypercube(10, ["a", "b"], 1)
    for k in ("a", "b"):
        x = np.sort([u[k] for u in us])
        assert np.array_equal(np.floor((x + 1) / 2 * 10), np.arange(10))


@pytest.fixture(scope="module")
def centraal():
    return O.trekking(P.Aannames.standaard(), 2024, N, HERV)


def test_interval_bevat_de_centrale_waarde(centraal):
    mc = O.monte_carlo(12, N, HERV, seed=2024)
    assert mc["gelukt"].all()
    iv = O.intervallen(mc, centraal).set_index("uitkomst")
    for k in ("basis_2024_model", "R4_2024_uitgelijnd", "stelsel_2029_uitgelijnd"):
        assert iv.loc[k, "p05"] < iv.loc[k, "p95"], k
        assert iv.loc[k, "p05"] <= centraal[k] <= iv.loc[k, "p95"], (k, centraal[k], iv.loc[k, "p05"], iv.loc[k, "p95"])
        assert bool(iv.loc[k, "centraal_binnen_interval"])


def test_interval_wordt_breder_als_het_bereik_breder_wordt(centraal):
    smal = P.Aannames.standaard()
    breed = smal.document()
    breed["aannames"]["toetsingsinkomen_factor"]["variatie"] = [0.65, 1.05]
    smal_mc = O.monte_carlo(8, N, HERV, seed=5, aannames=smal, alleen=["toetsingsinkomen_factor"])
    breed_mc = O.monte_carlo(
        8, N, HERV, seed=5, aannames=P.Aannames.uit_document(breed), alleen=["toetsingsinkomen_factor"]
    )
    s = O.intervallen(smal_mc, centraal).set_index("uitkomst")
    b = O.intervallen(breed_mc, centraal).set_index("uitkomst")
    k = "basis_2024_model"
    assert (b.loc[k, "p95"] - b.loc[k, "p05"]) > 1.3 * (s.loc[k, "p95"] - s.loc[k, "p05"])


def test_tornado_noemt_de_aanname_die_telt():
    td = O.tornado(
        N, HERV, seed=3, namen_=["toetsingsinkomen_factor", "tussenpoos_broers_zussen_maanden", "niet_gebruik.werk"]
    )
    b = td[td["uitkomst"] == "basis_2024_model"].set_index("aanname")
    assert b["uitslag"].idxmax() == "toetsingsinkomen_factor"
    # a lower toetsingsinkomen means higher percentages: more spending
    assert b.loc["toetsingsinkomen_factor", "bij_laag"] > b.loc["toetsingsinkomen_factor", "bij_hoog"]


def test_seedvariantie_kleine_groepen():
    sv = O.seedvariantie(N, HERV, [1, 2, 3]).set_index("uitkomst")
    assert sv.loc["groep_wlz_ontvangers", "seeds"] == 3
    assert sv.loc["groep_wlz_ontvangers", "standaardafwijking"] > 0
    # small groups are noisier (relative) than the total
    assert sv.loc["groep_wlz_ontvangers", "variatiecoefficient"] > sv.loc["basis_2024_model", "variatiecoefficient"]


def test_aannames_bestand_en_herkomst(tmp_path):
    from kotwijzer.cli import app

    ruw = yaml.safe_load(P.standaard_aannames_pad().read_text(encoding="utf-8"))
    ruw["aannames"]["toetsingsinkomen_factor"]["waarde"] = 0.78
    ander = tmp_path / "mijn_aannames.yaml"
    ander.write_text(yaml.safe_dump(ruw, allow_unicode=True), encoding="utf-8")
    uit = tmp_path / "a"
    r = CliRunner().invoke(
        app,
        [
            "beleid",
            "analyse",
            "--aantal",
            "6000",
            "--trekkingen",
            "3",
            "--mc-aantal",
            "3000",
            "--seeds",
            "0",
            "--no-tornado",
            "--uitvoer",
            str(uit),
            "--aannames",
            str(ander),
        ],
    )
    assert r.exit_code == 0, r.output
    h = json.loads((uit / "herkomst.json").read_text(encoding="utf-8"))
    assert h["aannames_bron"] == "bestand mijn_aannames.yaml"
    assert h["seed"] == 2024
    assert len(h["git_commit"]) >= 7
    for k in ("numpy", "pandas", "dask", "kotwijzer", "openpyxl"):
        assert h["versies"][k]
    for k in ("tabellen", "maximum_uurprijzen", "kalibratiedoelen", "aannames", "wetdata"):
        assert len(h["hashes"][k]) == 16
    assert set(h["hervormingen"]) == set(H.alle())
    from kotwijzer.policy.herkomst import aannames_hash

    assert h["hashes"]["aannames"] != aannames_hash(
        yaml.safe_load(P.standaard_aannames_pad().read_text(encoding="utf-8"))
    )
    import openpyxl

    wb = openpyxl.load_workbook(uit / "beleidsanalyse.xlsx")
    assert {"lees_mij", "budgettabel", "reconciliatie", "intervallen", "herkomst", "stelsel_2029_doelgroepen"} <= set(
        wb.sheetnames
    )
    # what the run read is recorded with it; the workbook shows provenance without Python values
    assert "toetsingsinkomen_factor" in h["aannames_gelezen"] and "niet_gebruik" in h["aannames_gelezen"]
    blad = {r[0]: r[1] for r in wb["herkomst"].iter_rows(min_row=2, values_only=True)}
    assert "toetsingsinkomen_factor" in blad["aannames_gelezen"] and "[" not in blad["aannames_gelezen"]
    assert not [k for k, w in blad.items() if w in ("None", "True", "False", "[]")], blad
    for f in ("budgettabel.csv", "reconciliatie.csv", "meerjarig_uitgaven.png", "intervallen_hervormingen.svg"):
        assert (uit / f).exists(), f
    # a broken file gives a clear Dutch message naming what is missing, no traceback
    kapot = tmp_path / "kapot.yaml"
    del ruw["aannames"]["wlz_huishoudens"]
    kapot.write_text(yaml.safe_dump(ruw, allow_unicode=True), encoding="utf-8")
    r = CliRunner().invoke(
        app,
        ["beleid", "populatie", "--aantal", "100", "--uitvoer", str(tmp_path / "p.parquet"), "--aannames", str(kapot)],
    )
    assert r.exit_code == 1 and "wlz_huishoudens" in r.output and "Traceback" not in r.output


def test_kotwijzer_beleid_zonder_opdracht_draait_de_hele_analyse(monkeypatch):
    from kotwijzer.cli import app
    from kotwijzer.policy import cli as C

    gezien = {}
    monkeypatch.setattr(C, "analyse", lambda **kw: gezien.update(kw))
    r = CliRunner().invoke(app, ["beleid"])
    assert r.exit_code == 0, r.output
    assert gezien["trekkingen"] == 200 and gezien["aantal"] == 200_000 and gezien["tornado"] is True
    # with a subcommand the default does not run
    gezien.clear()
    r = CliRunner().invoke(app, ["beleid", "analyse", "--help"])
    assert r.exit_code == 0 and not gezien
