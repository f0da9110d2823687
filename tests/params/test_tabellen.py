"""Table lookups at every bound (and every cell) of every shipped table, against the published files in
shared/law/tables; per-cell status (2025); answers without an amount where a table, a cell or the income is missing;
and the loader's validation (the checks that catch a typo in a newly published year)."""

import csv
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pytest

from helpers import huishouden, kind, ouder, sit
from kotwijzer.compute import bereken
from kotwijzer.params import (
    OngeldigeWetgeving,
    OntbrekendeWetgeving,
    beschikbare_tabeljaren,
    maximum_uurprijs,
    tabel,
    valideer_tabel,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "law"
BESTANDEN = {2022: "2022.partial.csv", 2023: "2023.csv", 2024: "2024.csv", 2025: "2025.partial.csv", 2026: "2026.csv"}
STATUS = {2022: "onvolledig", 2023: "voorlopig", 2024: "voorlopig", 2025: "onvolledig", 2026: "definitief"}
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="shared/ not beside the repository")


def _pct(txt):
    return Decimal(txt) if txt else None


def _rijen(jaar):
    return list(csv.DictReader((SHARED / "tables" / BESTANDEN[jaar]).open()))


def test_gedeelde_tabellen_aanwezig():
    assert sorted(BESTANDEN) == beschikbare_tabeljaren()


@needs_shared
@pytest.mark.parametrize("jaar", sorted(BESTANDEN))
def test_elke_grens_van_elke_tabel(jaar):
    rows = _rijen(jaar)
    t = tabel(jaar)
    assert len(t.van) == len(rows)
    for i, r in enumerate(rows):
        p1, p2 = _pct(r["pct_first_child"]), _pct(r["pct_next_children"])
        grenzen = [int(r["income_from"])]
        grenzen.append(int(r["income_to_incl"]) if r["income_to_incl"] else int(r["income_from"]) + 1_000_000)
        for inkomen in grenzen:
            rij = t.rij(inkomen)
            assert rij["rij"] == i + 1, (jaar, inkomen)
            assert (rij["eerste_kind"], rij["overige_kinderen"]) == (p1, p2), (jaar, inkomen)
            if "status_first_child" in r:
                assert (rij["status_eerste_kind"], rij["status_overige_kinderen"]) == (
                    r["status_first_child"],
                    r["status_next_children"],
                )
    assert t.status == STATUS[jaar]


def test_2024_sz_w_ijkpunt():
    # SZW: an income of 45.000 gives 87,3 % (first child) in 2024 (shared/law/README.md, table status)
    assert tabel(2024).rij(45_000)["eerste_kind"] == Decimal("87.3")


def test_2025_uitspraken():
    # SZW: 45.000 gets 96 % in 2025; 96 % first child up to 47.403; 33,3 % from 159.225 (shared/law README item 4)
    t = tabel(2025)
    assert t.rij(45_000)["eerste_kind"] == Decimal("96") == t.rij(47_403)["eerste_kind"]
    assert t.rij(47_404)["eerste_kind"] < Decimal("96")
    assert t.rij(159_225)["eerste_kind"] == Decimal("33.3") and t.rij(159_224)["eerste_kind"] > Decimal("33.3")
    assert t.rij(50_812)["overige_kinderen"] is None and t.rij(50_812)["status_overige_kinderen"] == "not_found"


def test_2026_grenzen_uit_publicaties():
    # 96 % first child up to 56.412 and 36,5 % from 165.658 (goodmorningfinance.nl; kinderopvang.nl)
    t = tabel(2026)
    assert t.rij(56_412)["eerste_kind"] == Decimal("96")
    assert t.rij(56_413)["eerste_kind"] < Decimal("96")
    assert t.rij(165_658)["eerste_kind"] == Decimal("36.5")
    assert t.rij(165_657)["eerste_kind"] > Decimal("36.5")


def test_onvolledige_tabel_2022_boven_laatste_rij():
    with pytest.raises(OntbrekendeWetgeving) as e:
        tabel(2022).rij(37_547)
    assert "2022" in str(e.value) and "37.547" in str(e.value) and "onvolledig" in str(e.value)
    assert tabel(2022).rij(37_546)["eerste_kind"] == Decimal("89.5")
    # bereken still decides: aanspraak and hours, no amount, and says why
    r = bereken(huishouden(2022, ouder(sit("arbeid", uren_per_maand=100)), inkomen=37_547))
    assert r.bedragen == "ontbreekt" and r.jaar.toeslag is None
    assert all(m.aanspraak for m in r.maanden) and r.jaar.uren_in_aanmerking > 0
    assert [o.code for o in r.ontbrekend] == ["tabel"] and "37.547" in r.ontbrekend[0].uitleg


def _hand(kosten: Decimal, pct: Decimal) -> Decimal:
    return (kosten * pct / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@needs_shared
def test_2025_bij_elke_celgrens():
    """For every row of the 2025 file, at its lower and upper bound: the first child's toeslag uses the file's
    percentage with its status in the result; a second child's toeslag uses the next-child percentage, or is absent
    (with the reason) where that cell is not_found. Kosten 100 h x 10,00 = 1.000 and 80 h x 10,00 = 800 (below the
    2025 maximum 10,71), worked out by hand."""
    for r in _rijen(2025):
        p1, p2 = _pct(r["pct_first_child"]), _pct(r["pct_next_children"])
        hoog = int(r["income_to_incl"]) if r["income_to_incl"] else int(r["income_from"]) + 500_000
        for inkomen in (int(r["income_from"]), hoog):
            res = bereken(
                huishouden(
                    2025,
                    ouder(sit("arbeid")),
                    inkomen=inkomen,
                    kinderen=[
                        kind(geboren="2022-01-01", uren=100, prijs="10.00"),
                        kind(geboren="2023-06-01", uren=80, prijs="10.00"),
                    ],
                )
            )
            k1, k2 = res.maanden[0].kinderen
            assert k1.eerste_kind and k1.percentage == p1 and k1.toeslag == _hand(Decimal(1000), p1), inkomen
            assert k1.percentage_bron and "niet gevonden" not in k1.percentage_bron
            if p2 is None:
                assert k2.toeslag is None and k2.percentage is None and k2.kosten == Decimal("800.00")
                assert res.bedragen == "gedeeltelijk" and res.maanden[0].toeslag is None and res.jaar.toeslag is None
                cel = [o for o in res.ontbrekend if o.code == "tabelcel"]
                assert cel and "andere kinderen" in cel[0].uitleg and cel[0].maanden == list(range(1, 13))
            else:
                assert k2.toeslag == _hand(Decimal(800), p2), inkomen
                assert res.bedragen == "volledig" and res.maanden[0].toeslag == k1.toeslag + k2.toeslag


def test_2025_percentage_zegt_waar_het_op_rust():
    r = bereken(huishouden(2025, ouder(sit("arbeid")), inkomen=60_000))
    k = r.maanden[0].kinderen[0]
    assert k.percentage == Decimal("89.2") and k.percentage_bron == "afgeleid uit een gepubliceerde tabel"
    assert r.tabel_status == "onvolledig" and r.bedragen == "volledig"
    assert any("onvolledige tabel" in w and "afgeleid uit een gepubliceerde tabel" in w for w in r.waarschuwingen)
    assert not any("voorlopig" in w for w in r.waarschuwingen)


@pytest.mark.parametrize("jaar,code", [(2021, "tabel"), (2027, "maximum_uurprijs")])
def test_jaar_zonder_tabel_geeft_aanspraak_en_uren_zonder_bedrag(jaar, code):
    r = bereken(
        huishouden(
            jaar, ouder(sit("arbeid", uren_per_maand=100)), kinderen=[kind(geboren=f"{jaar - 2}-01-01", uren=100)]
        )
    )
    assert r.bedragen == "ontbreekt" and r.jaar.toeslag is None and r.rekenfout
    assert all(m.aanspraak and m.toeslag is None and m.uitbetaling_voorschot is None for m in r.maanden)
    assert r.jaar.uren_in_aanmerking == Decimal(1200)
    assert r.ontbrekend[0].code == code and str(jaar) in r.ontbrekend[0].uitleg
    assert r.ontbrekend[0].maanden == list(range(1, 13))


def test_zonder_inkomen_wel_aanspraak_en_uren():
    r = bereken(huishouden(2026, ouder(sit("arbeid")), inkomen=None))
    assert r.bedragen == "ontbreekt" and [o.code for o in r.ontbrekend] == ["toetsingsinkomen"]
    assert r.jaar.uren_in_aanmerking == Decimal(1200) and r.maanden[0].kinderen[0].kosten == Decimal("900.00")


def test_2027_maximum_uurprijs_aangekondigd_nooit_gebruikt():
    mu = maximum_uurprijs(2027, ook_aangekondigd=True)
    assert mu.status == "aangekondigd" and mu.cent["dagopvang"] == 1160
    with pytest.raises(OntbrekendeWetgeving, match="aangekondigd"):
        maximum_uurprijs(2027)
    r = bereken(huishouden(2027, ouder(sit("arbeid")), kinderen=[kind(geboren="2025-01-01")]))
    assert r.maanden[0].kinderen[0].maximum_uurprijs is None and r.maanden[0].kinderen[0].kosten is None
    assert any("Aangekondigd voor 2027" in w for w in r.waarschuwingen)


def test_voorlopige_tabel_staat_in_resultaat():
    r = bereken(huishouden(2023, ouder(sit("arbeid"))))
    assert r.tabel_status == "voorlopig"
    assert any("voorlopig" in w for w in r.waarschuwingen)
    assert any(p.naam == "percentage_tabel" and p.status == "voorlopig" for p in r.parameters)


def _rij(van, tot, p1="96.0", p2="96.0", s1=None, s2=None):
    r = {
        "income_from": str(van),
        "income_to_incl": "" if tot is None else str(tot),
        "pct_first_child": p1,
        "pct_next_children": p2,
    }
    if s1:
        r["status_first_child"], r["status_next_children"] = s1, s2
    return r


def test_validatie_grenzen_moeten_aansluiten():
    with pytest.raises(OngeldigeWetgeving, match="sluiten niet aan"):
        valideer_tabel(2099, [_rij(0, 100), _rij(102, None)], "definitief")


def test_validatie_percentage_mag_niet_stijgen():
    with pytest.raises(OngeldigeWetgeving, match="stijgt"):
        valideer_tabel(2099, [_rij(0, 100, "90.0", "90.0"), _rij(101, None, "91.0", "90.0")], "definitief")
    # rising over a missing cell is caught too
    with pytest.raises(OngeldigeWetgeving, match="stijgt"):
        valideer_tabel(
            2099,
            [
                _rij(0, 100, "90.0", "90.0", "verified", "verified"),
                _rij(101, 200, "89.0", "", "derived", "not_found"),
                _rij(201, None, "88.0", "91.0", "derived", "single_source"),
            ],
            "onvolledig",
        )


def test_validatie_volledig_jaar():
    with pytest.raises(OngeldigeWetgeving, match="niet compleet"):
        valideer_tabel(2099, [_rij(0, 100), _rij(101, 200)], "definitief")
    with pytest.raises(OngeldigeWetgeving, match="bij € 0"):
        valideer_tabel(2099, [_rij(5, None)], "definitief")
    with pytest.raises(OngeldigeWetgeving, match="onbekende status"):
        valideer_tabel(2099, [_rij(0, None)], "final")


def test_validatie_per_cel():
    with pytest.raises(OngeldigeWetgeving, match="onvolledige tabel"):
        valideer_tabel(2099, [_rij(0, None, "96.0", "", "verified", "not_found")], "definitief")
    with pytest.raises(OngeldigeWetgeving, match="heeft een percentage maar de status not_found"):
        valideer_tabel(2099, [_rij(0, None, "96.0", "96.0", "verified", "not_found")], "onvolledig")
    with pytest.raises(OngeldigeWetgeving, match="is leeg"):
        valideer_tabel(2099, [_rij(0, None, "96.0", "", "verified", "derived")], "onvolledig")
    with pytest.raises(OngeldigeWetgeving, match="onbekende status"):
        valideer_tabel(2099, [_rij(0, None, "96.0", "96.0", "geraden", "verified")], "onvolledig")
    with pytest.raises(OngeldigeWetgeving, match="meer dan één decimaal"):
        valideer_tabel(2099, [_rij(0, None, "96.05", "96.0")], "definitief")
    t = valideer_tabel(
        2099,
        [_rij(0, 100, "96.0", "96.0", "verified", "verified"), _rij(101, None, "90.0", "", "derived", "not_found")],
        "onvolledig",
    )
    p1, p2 = t.percentages(np.array([50, 500]))
    assert list(p1) == [960, 900] and list(p2) == [960, -1]


@needs_shared
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
