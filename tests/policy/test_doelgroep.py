"""Tests for `kotwijzer schat doelgroep` (seed 000, Bijlage A, tabel 3, 4 and 5).

Published figures are typed in from the report text (/work/shared/seeds/000_58666efdb858a250.txt; "r." = line).
Figures for changed inputs are worked out by hand from the method in Bijlage A (r. 2865-2879); the arithmetic is in
the comments. None of the expected values is taken from the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from kotwijzer.policy.doelgroep import (
    Invoerfout,
    afronden,
    inconsistenties,
    invoer_uit_dict,
    laad_invoer,
    schat,
    standaard_invoerpad,
    stel_samen,
    voeg_samen,
)
from kotwijzer.policy.doelgroep_cli import app

# ------------------------------------------------------------------ published figures, typed in from the report
# tabel 4, deel 1 (r. 2946-2958): scholing, coaching
B1 = {"eenouder": {"scholing": 1630, "coaching": 4470}, "paren": {"scholing": 1420, "coaching": 3860}}
B1_RIJ, B1_KOLOM, B1_TOTAAL, B1_RANGE = (
    {"eenouder": 6100, "paren": 5280},  # r. 2953, r. 2956
    {"scholing": 3050, "coaching": 8330},  # r. 2958
    11380,
    (6100, 11380),  # r. 2948
)
# tabel 4, deel 2 (r. 2971-2981): vrijwilligerswerk, scholing, coaching
B2 = {
    "eenouder": {"vrijwilligerswerk": 1660, "scholing": 1630, "coaching": 4470},  # r. 2976
    "paren": {"vrijwilligerswerk": 1450, "scholing": 420, "coaching": 3860},  # r. 2979
}
B2_RIJ, B2_KOLOM, B2_TOTAAL, B2_RANGE = (
    {"eenouder": 7760, "paren": 5730},
    {"vrijwilligerswerk": 3110, "scholing": 2050, "coaching": 8330},  # r. 2981
    13490,
    (7760, 13490),  # r. 2973
)
# tabel 4, deel 3 (r. 2995-3005): doel re-integratie
B3 = {
    "eenouder": {"vrijwilligerswerk": 700, "scholing": 1100, "coaching": 3500},  # r. 3000
    "paren": {"vrijwilligerswerk": 610, "scholing": 950, "coaching": 1620},  # r. 3003
}
B3_RIJ, B3_KOLOM, B3_TOTAAL, B3_RANGE = (
    {"eenouder": 5300, "paren": 3180},
    {"vrijwilligerswerk": 1310, "scholing": 2050, "coaching": 2565},  # r. 3005
    8480,
    (5300, 8480),  # r. 2997
)
# tabel 5, deel 1 (r. 3016-3030) and deel 2 (r. 3040-3054)
C1 = {"eenouder": {"overige_sociale_activering": 1680}, "paren": {"overige_sociale_activering": 1470}}
C1_TOTAAL, C1_RANGE = 3150, (1680, 3150)  # r. 3030, r. 3020
C2 = {
    "eenouder": {"overige_sociale_activering": 1680, "vrijwilligerswerk": 1660},  # r. 3049
    "paren": {"overige_sociale_activering": 1470, "vrijwilligerswerk": 1450},  # r. 3052
}
C2_RIJ, C2_KOLOM, C2_TOTAAL, C2_RANGE = (
    {"eenouder": 3340, "paren": 2920},
    {"overige_sociale_activering": 3150, "vrijwilligerswerk": 3110},  # r. 3054
    6260,
    (3340, 6260),  # r. 3046
)
# tabel 3 (r. 1604, r. 1611)
TABEL3 = {"B": (5300, 13500), "C": (1700, 6300)}

VOORZ = {
    "B1": ["scholing", "coaching"],
    "B2": ["vrijwilligerswerk", "scholing", "coaching"],
    "B3": ["vrijwilligerswerk", "scholing", "coaching"],
    "C1": ["overige_sociale_activering"],
    "C2": ["overige_sociale_activering", "vrijwilligerswerk"],
}


@pytest.fixture(scope="module")
def seed():
    return schat(laad_invoer())


@pytest.fixture(scope="module")
def bevindingen(seed):
    return inconsistenties(seed)


def _seed_dict() -> dict:
    return yaml.safe_load(standaard_invoerpad().read_text(encoding="utf-8"))


def _schrijf(tmp_path: Path, data: dict, naam: str = "invoer.yaml") -> Path:
    pad = tmp_path / naam
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


# ------------------------------------------------------------------ shipped input
def test_invoer_seed000_staat_zoals_in_het_rapport():
    inv = laad_invoer()
    assert inv.bijstand_huishoudens.waarde == 342960  # tabel 2, r. 1543
    assert inv.ouders["eenouder"].waarde == 37582  # tabel 2, r. 1548
    assert inv.ouders["paren"].waarde == 33725  # tabel 2, r. 1553
    assert inv.ontheffing["eenouder"].waarde == pytest.approx(0.097)  # Bijlage A, r. 2834
    assert inv.ontheffing["paren"].waarde == pytest.approx(0.091)  # Bijlage A, r. 2836
    # every input figure has a source, and every figure not in the report says so
    for x in [
        inv.bijstand_huishoudens,
        *inv.ouders.values(),
        *inv.ontheffing.values(),
        *inv.srg_deelnemers.values(),
        *inv.doel_reintegratie.values(),
    ]:
        assert x.bron.strip()
    assert {x.herkomst for x in inv.srg_deelnemers.values()} == {"teruggerekend"}
    assert {x.herkomst for x in inv.doel_reintegratie.values()} == {"teruggerekend"}
    for a in inv.aannames:
        assert a.waarom.strip() and a.bron.strip()


def test_teruggerekende_deelnemers_passen_bij_hun_bron():
    # aandeel eenoudergezinnen = 37.582 x 0,903 / 342.960 = 33.936,546 / 342.960 = 0,0989519
    inv = laad_invoer()
    a = 37582 * 0.903 / 342960
    assert afronden(inv.srg_deelnemers["scholing"].waarde * a, 10) == 1630  # r. 2953
    assert afronden(inv.srg_deelnemers["coaching"].waarde * a, 10) == 4470  # r. 2953
    assert afronden(inv.srg_deelnemers["vrijwilligerswerk"].waarde * a, 10) == 1660  # r. 2976
    assert afronden(inv.srg_deelnemers["overige_sociale_activering"].waarde * a, 10) == 1680  # r. 3025


# ------------------------------------------------------------------ aggregation: totals, ranges, tabel 3
@pytest.mark.parametrize(
    "voorz, cellen, rij, kolom, totaal, rng",
    [
        (VOORZ["B1"], B1, B1_RIJ, B1_KOLOM, B1_TOTAAL, B1_RANGE),
        (VOORZ["B2"], B2, B2_RIJ, B2_KOLOM, B2_TOTAAL, B2_RANGE),
        (VOORZ["C2"], C2, C2_RIJ, C2_KOLOM, C2_TOTAAL, C2_RANGE),
    ],
    ids=["B1", "B2", "C2"],
)
def test_totalen_en_range_volgen_uit_de_gepubliceerde_cellen(voorz, cellen, rij, kolom, totaal, rng):
    s = stel_samen(voorz, cellen)
    assert s.rijtotaal == rij
    assert s.kolomtotaal == kolom
    assert s.totaal == totaal
    assert s.range == rng


def test_c1_totaal_en_range():
    s = stel_samen(VOORZ["C1"], C1)
    assert s.totaal == C1_TOTAAL and s.range == C1_RANGE


def test_b3_totalen_behalve_coaching():
    s = stel_samen(VOORZ["B3"], B3)
    assert s.rijtotaal == B3_RIJ  # 700 + 1.100 + 3.500 = 5.300; 610 + 950 + 1.620 = 3.180
    assert s.totaal == B3_TOTAAL and s.range == B3_RANGE  # 5.300 + 3.180 = 8.480
    assert s.kolomtotaal["vrijwilligerswerk"] == 1310 and s.kolomtotaal["scholing"] == 2050
    # r. 3005 prints 2.565 for coaching; 3.500 + 1.620 = 5.120
    assert s.kolomtotaal["coaching"] == 5120 != B3_KOLOM["coaching"]


def test_tabel3_volgt_uit_de_gepubliceerde_deelranges():
    # B: laagste ondergrens 5.300 (B3), hoogste bovengrens 13.490 (B2) -> 13.500
    b, ruw, laag, hoog = voeg_samen({"B1": B1_RANGE, "B2": B2_RANGE, "B3": B3_RANGE}, 100)
    assert b == TABEL3["B"] and ruw == (5300, 13490) and (laag, hoog) == ("B3", "B2")
    # C: 1.680 (C1) -> 1.700, 6.260 (C2) -> 6.300
    c, ruw, laag, hoog = voeg_samen({"C1": C1_RANGE, "C2": C2_RANGE}, 100)
    assert c == TABEL3["C"] and ruw == (1680, 6260) and (laag, hoog) == ("C1", "C2")


# ------------------------------------------------------------------ recomputation from the inputs
def test_eenoudergezinnen_en_ondergrenzen_gelijk_aan_rapport(seed):
    # The participant counts are back-calculated from these cells (aanname R3/R4), so equality here checks the
    # bookkeeping, not the report. The lower bounds and tabel 3's lower bounds follow.
    for d_id, pub in {"B1": B1, "B2": B2, "B3": B3, "C1": C1, "C2": C2}.items():
        d = seed.deelrange(d_id)
        for v, w in pub["eenouder"].items():
            assert d.cel(v, "eenouder") == w, (d_id, v)
    assert seed.deelrange("B1").range[0] == 6100  # r. 2948
    assert seed.deelrange("B2").range[0] == 7760  # r. 2973
    assert seed.deelrange("B3").range[0] == 5300  # r. 2997
    assert seed.deelrange("C1").range[0] == 1680  # r. 3020
    assert seed.deelrange("C2").range[0] == 3340  # r. 3046
    assert seed.categorieen["B"].range[0] == 5300  # r. 1604
    assert seed.categorieen["C"].range[0] == 1700  # r. 1611


def test_paren_volgens_de_methode_wijken_af_van_het_rapport(seed):
    # aandeel paren = 33.725 x (1 - 0,091) / 342.960 = 30.656,025 / 342.960 = 0,0893866
    # scholing  16.473 x 0,0893866 = 1.472,5 -> 1.470   (rapport 1.420 r. 2956, 420 r. 2979)
    # coaching  45.173 x 0,0893866 = 4.037,9 -> 4.040   (rapport 3.860)
    # vrijwilligerswerk 16.776 x 0,0893866 = 1.499,5 -> 1.500 (rapport 1.450)
    # overige sociale activering 16.978 x 0,0893866 = 1.517,6 -> 1.520 (rapport 1.470)
    b1, b2, c1 = seed.deelrange("B1"), seed.deelrange("B2"), seed.deelrange("C1")
    assert (b1.cel("scholing", "paren"), b1.cel("coaching", "paren")) == (1470, 4040)
    assert b2.cel("vrijwilligerswerk", "paren") == 1500
    assert c1.cel("overige_sociale_activering", "paren") == 1520
    assert b1.cel("scholing", "paren") != B1["paren"]["scholing"]
    # re-integratie: coaching 45.173 x 0,783 x 0,0893866 = 3.161,6 -> 3.160 (rapport 1.620, r. 3003)
    assert seed.deelrange("B3").cel("coaching", "paren") == 3160
    # bovengrenzen: B2 7.760 + (1.500 + 1.470 + 4.040) = 14.770 -> tabel 3 B 5.300 - 14.800
    assert seed.deelrange("B2").range == (7760, 14770)
    assert seed.categorieen["B"].range == (5300, 14800)
    # C2 3.340 + (1.520 + 1.500) = 6.360 -> tabel 3 C 1.700 - 6.400
    assert seed.categorieen["C"].range == (1700, 6400)


def test_elke_rij_noemt_invoer_en_aannames(seed):
    for d in seed.deelranges:
        for r in d.rijen:
            assert r.invoer and r.aannames
            assert any(x.startswith("ouders.") for x in r.invoer)
        assert "A3" in d.aannames and "M1" in d.aannames
    assert "A4" in seed.deelrange("B3").aannames
    assert "R2" in seed.categorieen["B"].aannames


# ------------------------------------------------------------------ inconsistencies in the report
def _met_code(bevindingen, code):
    return [b for b in bevindingen if b.code == code]


def test_scholing_paren_1420_tegenover_420(bevindingen):
    (b,) = _met_code(bevindingen, "CEL_VERSCHILT_TUSSEN_DEELRANGES")
    assert sorted(b.gepubliceerd) == [420, 1420]
    assert "r. 2940" in b.locatie and "r. 2962" in b.locatie
    # with 1.420 in B2: 5.730 + 1.000 = 6.730; 7.760 + 6.730 = 14.490; tabel 3 B becomes 5.300 - 14.500
    assert "14.490" in b.beschrijving and "14.500" in b.beschrijving
    # 950 re-integratie (r. 3003) cannot be part of 420 (r. 2979)
    (d,) = _met_code(bevindingen, "DEEL_GROTER_DAN_GEHEEL")
    assert d.gepubliceerd == 950


def test_totaal_niet_de_som_van_de_delen(bevindingen):
    (kolom,) = _met_code(bevindingen, "SOM_KOLOM")
    assert (kolom.gepubliceerd, kolom.verwacht) == (2565, 5120)  # r. 3005: 3.500 + 1.620
    (totaal,) = _met_code(bevindingen, "SOM_TOTAAL_KOLOMMEN")
    assert (totaal.gepubliceerd, totaal.verwacht) == (8480, 5925)  # 1.310 + 2.050 + 2.565
    assert "r. 2985" in kolom.locatie
    # the other tables add up
    assert not _met_code(bevindingen, "SOM_RIJ")
    assert not _met_code(bevindingen, "SOM_TOTAAL_RIJEN")
    assert not _met_code(bevindingen, "RANGE_NIET_UIT_TOTALEN")
    assert not _met_code(bevindingen, "TABEL3_NIET_UIT_DEELRANGES")


def test_samenvatting_verwisselt_b_en_c(bevindingen):
    (b,) = _met_code(bevindingen, "SAMENVATTING_B_C_VERWISSELD")
    assert tuple(b.gepubliceerd) == (5300, 13500)  # r. 236-238, said of ouders zonder recht op KOT (C)
    assert tuple(b.verwacht) == (1700, 6300)  # tabel 3, categorie C, r. 1611
    assert "r. 206-240" in b.locatie and "r. 1595-1613" in b.locatie
    (o,) = _met_code(bevindingen, "SAMENVATTING_OUDERS_GEEN_RANGE")
    assert o.verwacht == 37582 + 33725


def test_methode_en_cellen_passen_niet(bevindingen):
    (v,) = _met_code(bevindingen, "VERHOUDING_PAREN_EENOUDER")
    # 33.725 x 0,909 / (37.582 x 0,903) = 30.656,0 / 33.936,5 = 0,9033
    assert v.verwacht == pytest.approx(0.9033, abs=1e-4)
    assert _met_code(bevindingen, "VERHOUDING_NIET_GELIJK")
    (c,) = _met_code(bevindingen, "DOELAANDEEL_VERSCHILT")
    # coaching: 3.500 / 4.470 = 78,3% and 1.620 / 3.860 = 42,0%; 3.860 x 3.500 / 4.470 = 3.022 -> 3.020
    assert "Coaching" in c.beschrijving and (c.gepubliceerd, c.verwacht) == (1620, 3020)


def test_herberekening_toont_beide_waarden(bevindingen):
    cellen = {(b.locatie, b.gepubliceerd, b.verwacht) for b in _met_code(bevindingen, "CEL_WIJKT_AF")}
    assert ("tabel 4, deel 1 (r. 2940-2958), paren (kind onder 18), scholing", 1420, 1470) in cellen
    assert ("tabel 4, deel 2 (r. 2962-2981), paren (kind onder 18), scholing", 420, 1470) in cellen
    # no cell for eenoudergezinnen deviates (they were used to back-calculate the participants)
    assert not any("eenoudergezinnen" in loc for loc, _, _ in cellen)
    t3 = {b.locatie.split(", ")[-1]: (b.gepubliceerd, b.verwacht) for b in _met_code(bevindingen, "TABEL3_WIJKT_AF")}
    assert t3 == {"categorie B": ((5300, 13500), (5300, 14800)), "categorie C": ((1700, 6300), (1700, 6400))}
    for b in bevindingen:
        assert b.locatie and b.beschrijving


def test_zelfde_cijfers_geven_geen_numerieke_bevindingen(seed):
    # If the report had printed exactly the recomputation, only the text findings would remain.
    data = _seed_dict()
    pub = data["gepubliceerd"]
    for d in seed.deelranges:
        rij = {r.huishouden: r for r in d.rijen}
        pub["deelranges"][d.id] = {
            "locatie": d.id,
            "cellen": {t: dict(rij[t].cellen) for t in ("eenouder", "paren")},
            "rijtotaal": {t: rij[t].totaal for t in ("eenouder", "paren")},
            "kolomtotaal": dict(rij["totaal"].cellen),
            "totaal": rij["totaal"].totaal,
            "range": list(d.range),
        }
    pub["tabel3"].update({c: list(seed.categorieen[c].range) for c in ("B", "C")})
    del pub["samenvatting"]
    uit = inconsistenties(schat(invoer_uit_dict(data)))
    assert {b.soort for b in uit} == {"tekst"}


# ------------------------------------------------------------------ other input figures
def test_meer_eenoudergezinnen_verandert_alleen_eenoudercellen(tmp_path):
    data = _seed_dict()
    data["ouders"]["eenouder"]["waarde"] = 40000
    s = schat(laad_invoer(_schrijf(tmp_path, data)))
    # aandeel eenoudergezinnen = 40.000 x 0,903 / 342.960 = 36.120 / 342.960 = 0,1053184
    # scholing 16.473 x 0,1053184 = 1.734,9 -> 1.730; coaching 45.173 x 0,1053184 = 4.757,5 -> 4.760
    b1 = s.deelrange("B1")
    assert (b1.cel("scholing", "eenouder"), b1.cel("coaching", "eenouder")) == (1730, 4760)
    assert b1.range == (6490, 6490 + 1470 + 4040)  # paren unchanged: 1.470 + 4.040
    # vrijwilligerswerk 16.776 x 0,1053184 = 1.766,8 -> 1.770; B2 ondergrens 1.770 + 1.730 + 4.760 = 8.260
    assert s.deelrange("B2").range[0] == 8260
    # re-integratie: 16.776 x 0,422 x 0,1053184 = 745,6 -> 750; 16.473 x 0,675 x 0,1053184 = 1.171,1 -> 1.170;
    # 45.173 x 0,783 x 0,1053184 = 3.725,2 -> 3.730; samen 5.650
    assert s.deelrange("B3").range[0] == 5650
    # overige sociale activering 16.978 x 0,1053184 = 1.788,1 -> 1.790
    assert s.deelrange("C1").range[0] == 1790
    # tabel 3: B 5.650 -> 5.700 (half naar boven), bovengrens B2 8.260 + 7.010 = 15.270 -> 15.300
    assert s.categorieen["B"].range == (5700, 15300)
    # C: 1.790 -> 1.800; C2 (1.790 + 1.770) + (1.520 + 1.500) = 6.580 -> 6.600
    assert s.categorieen["C"].range == (1800, 6600)


def test_meer_deelnemers_scholing_verandert_alleen_scholing(tmp_path):
    data = _seed_dict()
    data["srg_deelnemers"]["scholing"]["waarde"] = 20000
    del data["gepubliceerd"]
    s = schat(laad_invoer(_schrijf(tmp_path, data)))
    # 20.000 x 0,0989519 = 1.979,0 -> 1.980; 20.000 x 0,0893866 = 1.787,7 -> 1.790
    b1 = s.deelrange("B1")
    assert (b1.cel("scholing", "eenouder"), b1.cel("scholing", "paren")) == (1980, 1790)
    assert b1.range == (1980 + 4470, 1980 + 4470 + 1790 + 4040)  # (6.450, 12.280)
    # re-integratie: 20.000 x 0,675 x 0,0989519 = 1.335,9 -> 1.340; x 0,0893866 = 1.206,7 -> 1.210
    b3 = s.deelrange("B3")
    assert (b3.cel("scholing", "eenouder"), b3.cel("scholing", "paren")) == (1340, 1210)
    # categorie C has no scholing and does not move
    assert s.categorieen["C"].range == (1700, 6400)
    assert inconsistenties(s) == []


# ------------------------------------------------------------------ bad input
def test_foute_invoer_noemt_het_veld(tmp_path):
    data = _seed_dict()
    data["ouders"]["eenouder"]["waarde"] = "veel"
    with pytest.raises(Invoerfout) as e:
        laad_invoer(_schrijf(tmp_path, data))
    assert e.value.fouten[0][0] == "ouders.eenouder.waarde"

    data = _seed_dict()
    data["deelranges"][0]["voorzieningen"] = ["scholing", "kookles"]
    with pytest.raises(Invoerfout, match="kookles"):
        invoer_uit_dict(data)

    data = _seed_dict()
    data["ontheffing"]["paren"]["waarde"] = 9.1
    with pytest.raises(Invoerfout) as e:
        invoer_uit_dict(data)
    assert e.value.fouten[0][0] == "ontheffing.paren.waarde"


# pydantic's own (English) wording, which must never reach the analyst
_ENGELS = (
    "input should",
    "field required",
    "value error",
    "valid",
    "extra inputs",
    "should be",
    "greater than",
    "less than",
)


@pytest.mark.parametrize(
    ("zet", "veld", "verwacht"),
    [
        (lambda d: d["ouders"]["eenouder"].update(waarde="veel"), "ouders.eenouder.waarde", "heel getal"),
        (lambda d: d["ontheffing"]["paren"].update(waarde=9.1), "ontheffing.paren.waarde", "tussen 0 en 1"),
        (lambda d: d["ouders"]["paren"].update(waarde=-5), "ouders.paren.waarde", "0 of meer"),
        (lambda d: d["deelranges"][1].update(doel="allemaal"), "deelranges[1].doel", "Kies een van deze waarden"),
        (lambda d: d.update(onbekend_veld=1), "onbekend_veld", "kennen we niet"),
        (lambda d: d.pop("peiljaar"), "peiljaar", "verplicht"),
    ],
)
def test_foute_invoer_in_gewoon_nederlands(zet, veld, verwacht):
    """Every validation error comes through the one translator (kotwijzer.foutmeldingen): plain Dutch, the field
    named (list positions as deelranges[1]), and nothing of pydantic's English messages."""
    data = _seed_dict()
    zet(data)
    with pytest.raises(Invoerfout) as e:
        invoer_uit_dict(data)
    assert [v for v, _ in e.value.fouten] == [veld]
    melding = e.value.fouten[0][1]
    assert verwacht in melding and melding.endswith(".")
    assert veld in str(e.value)
    assert not [w for w in _ENGELS if w in melding.lower()], melding


# ------------------------------------------------------------------ CLI
runner = CliRunner()


def test_cli_kort_en_volledig():
    r = runner.invoke(app, ["doelgroep"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    # the short default: the ranges per group and category (tabel 3: B 5.300-13.500, C 1.700-6.300 in the report)
    assert "5.300 – 14.800" in r.output and "5.300 – 13.500" in r.output and "--volledig" in r.output
    assert "Aannames" not in r.output and len(r.output.splitlines()) < 40
    assert max(len(regel) for regel in r.output.splitlines()) <= 80
    r = runner.invoke(app, ["doelgroep", "--volledig"])
    assert r.exit_code == 0, r.output
    assert "seed" not in r.output.lower()
    for tekst in (
        "Invoer",
        "Schatting per deel-range",
        "Totaal per categorie",
        "Aannames",
        "Wat niet klopt in het rapport",
        "13.500",
        "14.800",
        "2.565",
    ):
        assert tekst in r.output, tekst


def test_cli_json():
    r = runner.invoke(app, ["doelgroep", "--json"])
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    assert uit["schatting"]["categorieen"]["B"]["range"] == [5300, 14800]
    assert {"SOM_KOLOM", "SAMENVATTING_B_C_VERWISSELD", "CEL_VERSCHILT_TUSSEN_DEELRANGES"} <= {
        b["code"] for b in uit["bevindingen"]
    }


def test_cli_andere_invoer(tmp_path):
    data = _seed_dict()
    data["srg_deelnemers"]["scholing"]["waarde"] = 20000
    del data["gepubliceerd"]
    r = runner.invoke(app, ["doelgroep", "--invoer", str(_schrijf(tmp_path, data)), "--json"])
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    assert uit["bevindingen"] == []
    b1 = next(d for d in uit["schatting"]["deelranges"] if d["id"] == "B1")
    assert b1["range"] == [6450, 12280]


@pytest.mark.parametrize(
    "inhoud, veld",
    [
        ("naam: x\n  peiljaar: [\n", "--invoer"),
        ("- een lijst\n", "invoer"),
        (None, "ouders.paren.waarde"),
    ],
)
def test_cli_foute_invoer(tmp_path, inhoud, veld):
    if inhoud is None:
        data = _seed_dict()
        data["ouders"]["paren"]["waarde"] = -5
        pad = _schrijf(tmp_path, data)
    else:
        pad = tmp_path / "fout.yaml"
        pad.write_text(inhoud, encoding="utf-8")
    r = runner.invoke(app, ["doelgroep", "--invoer", str(pad)])
    assert r.exit_code == 2
    assert veld in r.output and "Fout in het invoerbestand" in r.output
    assert "Traceback" not in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_cli_ontbrekend_bestand(tmp_path):
    r = runner.invoke(app, ["doelgroep", "--invoer", str(tmp_path / "niet.yaml")])
    assert r.exit_code == 2 and "bestaat niet" in r.output


def test_cli_als_kotwijzer_schat_doelgroep():
    hoofd = typer.Typer()

    @hoofd.command()
    def versie() -> None:
        """Placeholder so that `hoofd` is a group."""

    hoofd.add_typer(app, name="schat")
    r = runner.invoke(hoofd, ["schat", "doelgroep", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["schatting"]["categorieen"]["C"]["range"] == [1700, 6400]
