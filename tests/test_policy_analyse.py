"""Policy analysis: alignment to the budget, calibration targets vs validation checks, every assumption read,
multi-year run under each year's own law (a partial or missing table is reported, never guessed)."""
import numpy as np
import pytest

from kotwijzer.policy import analyse as A
from kotwijzer.policy import hervorming as H
from kotwijzer.policy import kalibratie as K
from kotwijzer.policy import meerjarig as M
from kotwijzer.policy import populatie as P

BEGROTING_2024 = 4_679_055_000  # KOT art. 7, stand 1e suppletoire begroting 2024 (shared/stats/kot_expenditure.csv)


@pytest.fixture(scope="module")
def run():
    P.reset_gelezen()
    pop, rapport = K.maak_populatie(20_000, 2024, seed=7)
    mj = M.draai(pop, M.plan(list(H.alle().values())))
    return pop, rapport, mj


def test_elke_aanname_wordt_gelezen(run):
    _, _, mj = run
    A.niet_gebruik("midden")
    alle = set(P.aannames())
    ongelezen = alle - P.GELEZEN
    assert not ongelezen, f"aannames die nergens worden gelezen: {sorted(ongelezen)}"
    assert "niet_gebruik" in P.GELEZEN


def test_afgeleide_doelen_gelijk_aan_de_gedocumenteerde_waarde():
    for dl in P.kalibratie_doelen()["doelen"]:
        if "afleiding" not in dl:
            continue
        for jaar in (2023, 2024):
            berekend = P.doelwaarde(dl, jaar)
            assert berekend == pytest.approx(float(dl["waarde"][jaar]), rel=2e-4), (dl["id"], jaar, berekend)


def test_toetsingsinkomen_factor_stuurt_het_inkomen():
    ruw = P.ruwe_aannames()
    import copy

    ander = copy.deepcopy(ruw)
    ander["aannames"]["toetsingsinkomen_factor"]["waarde"] = 0.75
    a = P.generate(2_000, 2024, seed=1)
    P.gebruik_aannames(ander)
    try:
        b = P.generate(2_000, 2024, seed=1)
    finally:
        P.gebruik_aannames(None)
    werk = (a.data["ouderprofiel"] == P.O_WERK).any(axis=1)
    verhouding = b.data["inkomen"][werk] / np.maximum(a.data["inkomen"][werk], 1)
    assert np.median(verhouding) == pytest.approx(0.75 / 0.82, rel=1e-3)


def test_kalibratie_en_validatie_gescheiden(run):
    _, rapport, _ = run
    assert set(rapport["rol"]) <= {"kalibratie", "invoercontrole", "validatie"}
    assert (rapport[rapport["methode"] == "weging"]["rol"] == "kalibratie").all()
    assert (rapport[rapport["methode"] == "controle"]["rol"] != "kalibratie").all()
    # independent validation exists and none of it repeats a generator input
    val = rapport[rapport["rol"] == "validatie"]
    assert len(val) >= 1 and (val["aanname"] == "").all()


def test_uitlijning_geeft_de_begroting_tot_op_de_euro(run):
    _, _, mj = run
    basis = A.bedrag(mj.cellen["wet_2024"])
    u = A.uitlijning(basis)
    assert u["bedrag"] == BEGROTING_2024
    assert abs(u["uitgelijnd"] - BEGROTING_2024) < 1.0
    r = A.reeksen(mj, u["factor"])
    b24 = r[r["code"] == "wet_2024"].iloc[0]
    assert abs(b24["uitgaven_uitgelijnd"] - BEGROTING_2024) < 1.0
    assert b24["uitgaven_model"] == pytest.approx(basis)
    # reforms are deltas on the aligned base: the same factor on the model's delta
    r1 = r[r["code"] == "R1_2024"].iloc[0]
    assert r1["verandering_uitgelijnd"] == pytest.approx(u["factor"] * (A.bedrag(mj.cellen["R1_2024"]) - basis))
