"""Table lookups at every bound of every shipped table, against the published files in shared/law/tables, and the
loader's validation (contiguous bounds, non-increasing percentages, complete years, partial tables refused)."""
import csv
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from kotwijzer.compute import bereken
from kotwijzer.params import OngeldigeWetgeving, OntbrekendeWetgeving, beschikbare_tabeljaren, tabel, valideer_tabel
from kotwijzer.params import maximum_uurprijs

from helpers import huishouden, ouder, sit

SHARED = Path(__file__).resolve().parents[2] / "shared" / "law"
BESTANDEN = {2022: "2022.partial.csv", 2023: "2023.csv", 2024: "2024.csv", 2026: "2026.csv"}


def test_gedeelde_tabellen_aanwezig():
    assert sorted(BESTANDEN) == beschikbare_tabeljaren()


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ not beside the repository")
@pytest.mark.parametrize("jaar", sorted(BESTANDEN))
def test_elke_grens_van_elke_tabel(jaar):
    rows = list(csv.DictReader((SHARED / "tables" / BESTANDEN[jaar]).open()))
    t = tabel(jaar)
    assert len(t.van) == len(rows)
    for i, r in enumerate(rows):
        p1, p2 = Decimal(r["pct_first_child"]), Decimal(r["pct_next_children"])
        grenzen = [int(r["income_from"])]
        if r["income_to_incl"]:
            grenzen.append(int(r["income_to_incl"]))
        else:
            grenzen.append(int(r["income_from"]) + 1_000_000)
        for inkomen in grenzen:
            rij = t.rij(inkomen)
            assert rij["rij"] == i + 1, (jaar, inkomen)
            assert (rij["eerste_kind"], rij["overige_kinderen"]) == (p1, p2), (jaar, inkomen)
    assert t.status == {2022: "partial", 2023: "provisional", 2024: "provisional", 2026: "final"}[jaar]


def test_2024_sz_w_ijkpunt():
    # SZW: an income of 45.000 gives 87,3 % (first child) in 2024 (shared/law/README.md, table status)
    assert tabel(2024).rij(45_000)["eerste_kind"] == Decimal("87.3")


def test_2026_grenzen_uit_publicaties():
    # 96 % first child up to 56.412 and 36,5 % from 165.658 (goodmorningfinance.nl; kinderopvang.nl)
    t = tabel(2026)
    assert t.rij(56_412)["eerste_kind"] == Decimal("96")
    assert t.rij(56_413)["eerste_kind"] < Decimal("96")
    assert t.rij(165_658)["eerste_kind"] == Decimal("36.5")
    assert t.rij(165_657)["eerste_kind"] > Decimal("36.5")


def test_gedeeltelijke_tabel_weigert_inkomen_boven_laatste_rij():
    with pytest.raises(OntbrekendeWetgeving) as e:
        tabel(2022).rij(37_547)
    assert "2022" in str(e.value) and "37.547" in str(e.value) and "gedeeltelijk" in str(e.value)
    assert tabel(2022).rij(37_546)["eerste_kind"] == Decimal("89.5")


@pytest.mark.parametrize("jaar", [2021, 2025])
def test_jaar_zonder_tabel_geeft_duidelijke_fout(jaar):
    with pytest.raises(OntbrekendeWetgeving) as e:
        bereken(huishouden(jaar, ouder(sit("arbeid", uren_per_maand=100))))
    assert str(jaar) in str(e.value) and "tabel" in str(e.value)


def test_voorlopige_tabel_staat_in_resultaat():
    r = bereken(huishouden(2023, ouder(sit("arbeid"))))
    assert r.tabel_status == "provisional"
    assert any("voorlopig" in w for w in r.waarschuwingen)
    assert any(p.naam == "percentage_tabel" and p.status == "provisional" for p in r.parameters)


def _rij(van, tot, p1="96.0", p2="96.0"):
    return {"income_from": str(van), "income_to_incl": "" if tot is None else str(tot), "pct_first_child": p1, "pct_next_children": p2}


def test_validatie_grenzen_moeten_aansluiten():
    with pytest.raises(OngeldigeWetgeving, match="sluiten niet aan"):
        valideer_tabel(2099, [_rij(0, 100), _rij(102, None)], "final")


def test_validatie_percentage_mag_niet_stijgen():
    with pytest.raises(OngeldigeWetgeving, match="stijgt"):
        valideer_tabel(2099, [_rij(0, 100, "90.0", "90.0"), _rij(101, None, "91.0", "90.0")], "final")


def test_validatie_volledig_jaar():
    with pytest.raises(OngeldigeWetgeving, match="niet compleet"):
        valideer_tabel(2099, [_rij(0, 100), _rij(101, 200)], "final")
    with pytest.raises(OngeldigeWetgeving, match="open laatste rij"):
        valideer_tabel(2099, [_rij(0, 100), _rij(101, None)], "partial")
    with pytest.raises(OngeldigeWetgeving, match="bij € 0"):
        valideer_tabel(2099, [_rij(5, None)], "final")


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ not beside the repository")
def test_maximum_uurprijzen_gelijk_aan_gepubliceerd():
    for r in csv.DictReader((SHARED / "max-uurprijzen.csv").open()):
        jaar = int(r["year"])
        if jaar < 2021:
            continue
        mu = maximum_uurprijs(jaar)
        assert mu.cent == {
            "dagopvang": int(Decimal(r["dagopvang"]) * 100),
            "buitenschoolse_opvang": int(Decimal(r["bso"]) * 100),
            "gastouderopvang": int(Decimal(r["gastouderopvang"]) * 100),
        }
    with pytest.raises(OntbrekendeWetgeving, match="2027"):
        maximum_uurprijs(2027)
