"""Microsimulation: one rules core (totals equal the kernel, sampled households equal `compute.bereken`), Dask equals
one process to the cent, non-take-up applied visibly, reports and the web overview, the CLI."""

from decimal import Decimal

import numpy as np
import pytest

from kotwijzer.compute import bereken
from kotwijzer.invoer import naar_batch
from kotwijzer.kern import bereken_totalen
from kotwijzer.params import parameters_voor_jaar
from kotwijzer.policy import hervorming as H
from kotwijzer.policy import kalibratie as K
from kotwijzer.policy import microsim as M
from kotwijzer.policy import populatie as P
from kotwijzer.policy import rapport as R
from kotwijzer.policy.huishouden import naar_huishouden
from kotwijzer.rules import codes as c

BATCHVELDEN = tuple(P.BATCH_VELDEN)


@pytest.fixture(scope="module")
def pop():
    return K.maak_populatie(12_000, 2024, seed=21)[0]


@pytest.fixture(scope="module")
def hervormingen():
    return list(H.alle().values())


@pytest.fixture(scope="module")
def res(pop, hervormingen):
    return M.simuleer(pop, hervormingen, partitie=5_000)


def test_totalen_gelijk_aan_de_kern(pop, res):
    t = bereken_totalen(pop.batch())  # all households, all child slots, the kernel's own blocks
    w = pop.data["gewicht_e4"]
    tot = res.totaal()
    assert tot["toeslag_ongewogen"] == int(t.toeslag_cent.sum())
    assert tot["toeslag"] == int((w * t.toeslag_cent).sum())
    assert tot["uren"] == int((w * t.uren_cu).sum())
    assert tot["kosten"] == int((w * t.kosten_cent).sum())
    assert tot["ontvangers"] == int((w * (t.toeslag_cent > 0)).sum())
    assert tot["maanden_aanspraak"] == int((w * t.maanden_aanspraak).sum())
    for s, naam in M.SOORTEN:
        assert tot[f"toeslag_{naam}"] == int((w * t.toeslag_per_soort_cent[:, s]).sum())
    assert tot["n_huishoudens"] == pop.n
    # a reform run uses the same kernel with other parameters
    r5 = bereken_totalen(pop.batch(), params=H.parameters(H.alle()["R5"], 2024))
    assert res.totaal("R5")["toeslag"] == int((w * r5.toeslag_cent).sum())


def _steekproef(pop, n_per=3, seed=0):
    rng = np.random.default_rng(seed)
    idx = []
    for hp in range(len(P.HUISHOUDPROFIELEN)):
        s = np.flatnonzero(pop.data["huishoudprofiel"] == hp)
        idx += list(rng.choice(s, min(n_per, s.size), replace=False))
    sit = pop.data["sit"]
    for bit in (c.WT, c.DET_LANG, c.DET_KORT, c.WLZ_TIJD, c.G_OVERIG, c.BIJSTAND_ZONDER_VOORZIENING):
        s = np.flatnonzero(((sit & bit) != 0).any(axis=(1, 2)))
        idx += list(rng.choice(s, min(3, s.size), replace=False))
    s = np.flatnonzero((pop.data["traject_einde_maand"] >= 0).any(axis=1))
    idx += list(rng.choice(s, min(3, s.size), replace=False))
    s = np.flatnonzero(pop.data["n_kinderen"] >= 3)
    idx += list(rng.choice(s, min(3, s.size), replace=False))
    return sorted({int(i) for i in idx})


def test_steekproef_gelijk_aan_compute_bereken(pop):
    """One rules core: a population row, written as the input a parent gives, goes through the single-household path
    (naar_batch + trace) and gives the same arrays and the same amounts."""
    t = bereken_totalen(pop.batch())
    p = parameters_voor_jaar(2024)
    idx = _steekproef(pop)
    assert len(idx) >= 60
    for i in idx:
        h = naar_huishouden(pop, i)
        b = naar_batch(h, p)
        ref = pop.batch([i], kinderen=int(pop.data["n_kinderen"][i]))
        for veld in BATCHVELDEN:
            assert np.array_equal(getattr(b, veld), getattr(ref, veld)), (i, veld)
        r = bereken(h)
        assert r.jaar.toeslag == Decimal(int(t.toeslag_cent[i])) / 100, i
        assert r.jaar.uren_in_aanmerking == Decimal(int(t.uren_cu[i])) / 100, i
        assert r.jaar.maanden_met_aanspraak == int(t.maanden_aanspraak[i]), i


def test_dask_gelijk_aan_een_proces(pop, res, hervormingen, tmp_path):
    from dask.distributed import Client, LocalCluster

    pad = pop.naar_parquet(tmp_path / "pop.parquet", rijgroep=3_000)
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cl,
        Client(cl) as cli,
    ):
        uit_geheugen = M.simuleer(pop, hervormingen, dask=cli, partitie=2_500)
        uit_bestand = M.simuleer(pad, hervormingen, dask=cli, partitie=6_000)
    een_proces_bestand = M.simuleer(pad, hervormingen, dask="", partitie=4_000)
    for r in (uit_geheugen, uit_bestand, een_proces_bestand):
        assert r.codes == res.codes
        for code in res.codes:
            assert r.cellen[code].equals(res.cellen[code]), code
    assert uit_bestand.meta["modus"].startswith("dask") and een_proces_bestand.meta["modus"] == "een proces"


def test_niet_gebruik_zichtbaar_toegepast(res):
    tab = R.basis_totalen(res).set_index("indicator")
    rij = tab.loc["Kinderopvangtoeslag"]
    assert (
        rij["iedereen_vraagt_aan"]
        > rij["na_niet_gebruik_laag"]
        > rij["na_niet_gebruik_midden"]
        > rij["na_niet_gebruik_hoog"]
    )
    # entitlement is not touched by non-take-up
    aanspraak = tab.loc["Huishoudens waarvan de ouders voldoen (minstens een maand)"]
    assert aanspraak["iedereen_vraagt_aan"] == pytest.approx(aanspraak["na_niet_gebruik_hoog"], rel=1e-12)
    # midden = sum over doelgroepen of (toeslag x (1 - niet-gebruik of that doelgroep)), by hand from the exact cells
    cel = res.cellen["basis"]["toeslag"].groupby(level="groep").sum()
    ng = res.aannames.niet_gebruik()
    verwacht = sum(int(v) * (1 - ng[P.GROEPEN[g]]["midden"]) for g, v in cel.items()) / P.GEWICHT_EENHEID / 100
    assert rij["na_niet_gebruik_midden"] == pytest.approx(verwacht, rel=1e-12)
    assert rij["iedereen_vraagt_aan"] == res.totaal()["toeslag"] / P.GEWICHT_EENHEID / 100
    s = R.hervormingen_samenvatting(res).set_index("code")
    for code in ("R1", "R2", "R3", "R4", "R5"):
        r = s.loc[code]
        assert (
            r["verandering_iedereen"]
            >= r["verandering_na_niet_gebruik_laag"]
            >= r["verandering_na_niet_gebruik_hoog"]
            >= 0
        )
        assert r["verliezers"] == 0  # none of the five reforms takes a right away


def test_hervormingen_raken_alleen_hun_doelgroep(res):
    def winnaars(code):
        w = res.cellen[code]["winnaars"].groupby(level="groep").sum()
        return {P.GROEPEN[g] for g, v in w.items() if v > 0}

    assert winnaars("R1") == {"bijstand_categorie_c"}
    assert winnaars("R2") <= {"wlz"}
    assert winnaars("R3") <= {"bijstand_traject"}
    assert winnaars("R4") == {"inburgering"}
    assert len(winnaars("R5")) >= 5
    assert res.totaal("R5")["nieuwe_ontvangers"] == 0


def test_rapport_bestanden_en_overzicht(res, tmp_path):
    kort = M.Resultaat(res.jaar, {k: res.cellen[k] for k in ("basis", "R1")}, [res.hervormingen[0]], res.meta)
    ov = R.schrijf_hervormingen(kort, tmp_path)
    R.schrijf_basis(kort, tmp_path)
    assert (tmp_path / "overzicht.json").exists() and (tmp_path / "hervormingen_samenvatting.csv").exists()
    web = R.hervorming_overzicht(tmp_path, "R1")
    assert web["jaar"] == 2024 and web["tabel_status"] == "voorlopig" and web["waarschuwingen"]
    h = web["hervormingen"][0]
    assert h["code"] == "R1" and h["tabellen"]["per_deciel"] and h["samenvatting"]["verandering_iedereen"] > 0
    for grafiek in [*h["grafieken"].values(), *web["grafieken"].values()]:
        for soort in ("png", "svg", "csv"):
            assert (tmp_path / grafiek[soort]).exists() and "/" not in grafiek[soort]
    assert ov["samenvatting"] == web["samenvatting"]
    uit_resultaat = R.hervorming_overzicht(kort)
    assert uit_resultaat["hervormingen"][0]["tabellen"]["per_deciel"] == h["tabellen"]["per_deciel"]
    v = R.vergelijking_begroting(res)
    assert v["begroting"] == 4_679_055_000 and any("voorlopig" in r for r in v["verklaring"])
    with pytest.raises(FileNotFoundError):
        R.hervorming_overzicht(tmp_path / "bestaat_niet")


def test_cli(tmp_path):
    from typer.testing import CliRunner

    from kotwijzer.policy.cli import app

    runner = CliRunner()
    pad = tmp_path / "pop.parquet"
    r = runner.invoke(app, ["populatie", "--aantal", "4000", "--seed", "3", "--uitvoer", str(pad)])
    assert r.exit_code == 0, r.output
    assert "Kalibratie 2024" in r.output and pad.exists() and (tmp_path / "pop_kalibratie.csv").exists()
    r = runner.invoke(app, ["simuleer", "--populatie", str(pad), "--uitvoer", str(tmp_path / "basis")])
    assert r.exit_code == 0, r.output
    assert (
        "voorlopig" in r.output and "niet-gebruik" in r.output and (tmp_path / "basis" / "basis_totalen.csv").exists()
    )
    r = runner.invoke(app, ["hervorming", "R2", "--populatie", str(pad), "--uitvoer", str(tmp_path / "h")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "h" / "R2_uitgaven_per_deciel.svg").exists()
    r = runner.invoke(app, ["hervorming", "R9", "--populatie", str(pad)])
    assert r.exit_code == 1 and "Onbekende hervorming" in r.output
    r = runner.invoke(app, ["simuleer", "--populatie", str(tmp_path / "geen.parquet")])
    assert r.exit_code == 1 and "bestaat niet" in r.output
