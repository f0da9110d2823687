"""Amounts: maximum uurprijs, first child, percentage table and rounding, checked against hand calculations from the
law (Bkot art. 3, 4, 8; brochure "Berekening kinderopvangtoeslag 2026" for the rounding) and the shipped tables as
published (shared/law/tables)."""

import csv
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import huishouden, huishoudens, kind, ouder, sit
from kotwijzer.compute import bereken, voorschot_vs_definitief
from kotwijzer.rules.bedrag import toeslag_cent, uitbetaling_voorschot

SHARED = Path(__file__).resolve().parents[3] / "shared" / "law" / "tables"


def pct_uit_gepubliceerde_tabel(jaar: int, inkomen: int) -> tuple[Decimal, Decimal]:
    """Read the published table file (shared/law/tables) directly, not through kotwijzer."""
    naam = f"{jaar}.csv" if (SHARED / f"{jaar}.csv").exists() else f"{jaar}.partial.csv"
    for r in csv.DictReader((SHARED / naam).open()):
        hi = r["income_to_incl"]
        if int(r["income_from"]) <= inkomen and (not hi or inkomen <= int(hi)):
            return Decimal(r["pct_first_child"]), Decimal(r["pct_next_children"])
    raise LookupError


def hand(kosten: Decimal, pct: Decimal) -> Decimal:
    return (kosten * pct / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="shared/law/tables not beside the repository")


@needs_shared
def test_twee_kinderen_2026_met_de_hand():
    # Income 60.000 (2026). Kind 1: 80 h dagopvang at 11,50 (above the maximum 11,23, Bkot art. 4 lid 2);
    # kind 2: 40 h BSO at 9,50 (below 9,98). Kind 1 has the most hours: first child (Bkot art. 3 lid 2).
    p1, p2 = pct_uit_gepubliceerde_tabel(2026, 60_000)
    k1 = hand(Decimal("80") * Decimal("11.23"), p1)
    k2 = hand(Decimal("40") * Decimal("9.50"), p2)
    r = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            ouder(sit("arbeid")),
            inkomen=60_000,
            kinderen=[
                kind(geboren="2023-04-12", soort="dagopvang", uren=80, prijs="11.50"),
                kind(geboren="2018-02-01", soort="buitenschoolse_opvang", uren=40, prijs="9.50"),
            ],
        )
    )
    jan = r.maanden[0]
    assert [k.toeslag for k in jan.kinderen] == [k1, k2]
    assert jan.kinderen[0].eerste_kind and not jan.kinderen[1].eerste_kind
    assert jan.kinderen[0].uurprijs_gebruikt == Decimal("11.23")
    assert jan.kinderen[0].eigen_bijdrage == Decimal("80") * Decimal("11.50") - k1
    assert jan.toeslag == k1 + k2
    assert jan.uitbetaling_voorschot == (k1 + k2).to_integral_value(rounding="ROUND_FLOOR")
    assert r.jaar.toeslag == 12 * (k1 + k2)


@needs_shared
def test_gastouder_maximum_geldt_ook_voor_bso_leeftijd():
    # Belastingdienst (KOT 2019, maximumuurtarief): gastouderopvang for a BSO-age child uses the gastouder maximum.
    p1, _ = pct_uit_gepubliceerde_tabel(2026, 30_000)
    r = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            inkomen=30_000,
            kinderen=[kind(geboren="2017-01-01", soort="gastouderopvang", uren=50, prijs="9.00")],
        )
    )
    k = r.maanden[0].kinderen[0]
    assert k.uurprijs_gebruikt == Decimal("8.49")
    assert k.toeslag == hand(Decimal(50) * Decimal("8.49"), p1)


@needs_shared
def test_eerste_kind_bij_gelijke_uren_is_kind_met_hoogste_kosten():
    """Bkot art. 3 lid 3 (consolidation 2015-10-19 and later): equal hours -> the child with the HIGHEST kosten is the
    first child. Worked out by hand for 2026, income 120.000: A 100 h x 11,00 = 1.100 (capped at 11,23: not capped),
    B 100 h x 10,00 = 1.000. A is first child: 1.100 x p1 + 1.000 x p2 (percentages from the published table)."""
    p1, p2 = pct_uit_gepubliceerde_tabel(2026, 120_000)
    assert p1 < p2
    r = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            inkomen=120_000,
            kinderen=[
                kind(geboren="2023-01-01", uren=100, prijs="10.00"),
                kind(geboren="2022-01-01", uren=100, prijs="11.00"),
            ],
        )
    )
    m = r.maanden[0]
    assert [k.eerste_kind for k in m.kinderen] == [False, True]
    assert m.kinderen[1].eerste_kind_reden == "hoogste_kosten"
    assert m.toeslag == hand(Decimal(1100), p1) + hand(Decimal(1000), p2)
    # the old (2014) text "laagste" would have given B first: 1.000 x p1 + 1.100 x p2, which is more
    assert m.toeslag < hand(Decimal(1000), p1) + hand(Decimal(1100), p2)
    uitleg = "\n".join(r.waarschuwingen)
    assert "evenveel" not in uitleg  # equal hours but different kosten: lid 3 decides, not Dienst Toeslagen


@needs_shared
def test_eerste_kind_bij_gelijke_uren_en_kosten_beslist_dienst_toeslagen():
    """Bkot art. 3 lid 4: equal hours and equal kosten -> Dienst Toeslagen decides which child is first; the amount is
    the same either way: 1.000 x p1 + 1.000 x p2."""
    p1, p2 = pct_uit_gepubliceerde_tabel(2026, 120_000)
    r = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            inkomen=120_000,
            kinderen=[
                kind(geboren="2023-01-01", uren=100, prijs="10.00"),
                kind(geboren="2022-01-01", uren=100, prijs="10.00"),
            ],
        )
    )
    m = r.maanden[0]
    assert sum(k.eerste_kind for k in m.kinderen) == 1
    assert [k.eerste_kind_reden for k in m.kinderen if k.eerste_kind] == ["gelijk"]
    assert m.toeslag == hand(Decimal(1000), p1) + hand(Decimal(1000), p2)
    assert any("beslist Dienst Toeslagen" in w and "art. 3 lid 4" in w for w in r.waarschuwingen)


def test_afronding_half_naar_boven():
    # 3,75 euro kosten x 95,6 % = 3,585 -> 3,59 (half up; banker's rounding would give 3,58)
    assert int(toeslag_cent(np.array([37_500]), np.array([956]))[0]) == 359
    # 1,25 x 95,6 % = 1,195 -> 1,20
    assert int(toeslag_cent(np.array([12_500]), np.array([956]))[0]) == 120
    assert int(uitbetaling_voorschot(np.array([120_699]))[0]) == 120_600


@needs_shared
def test_meer_uren_kan_minder_toeslag_geven_bij_twee_kinderen():
    """Bkot art. 3: the child with most hours is the first child (lowest percentage). Worked out by hand:
    income 100.000 (2026). Before: kind A 100 h at 11,00, kind B 101 h gastouder at 5,00 -> B first.
    After: A gets 102 h -> A first, so A's higher kosten move to the lower first-child percentage."""
    p1, p2 = pct_uit_gepubliceerde_tabel(2026, 100_000)
    assert p1 < p2
    voor = hand(Decimal(100 * 11), p2) + hand(Decimal(101 * 5), p1)
    na = hand(Decimal(102 * 11), p1) + hand(Decimal(101 * 5), p2)
    assert na < voor  # the law itself gives less toeslag for more hours here

    def run(uren_a):
        return bereken(
            huishouden(
                2026,
                ouder(sit("arbeid")),
                inkomen=100_000,
                kinderen=[
                    kind(geboren="2022-01-01", uren=uren_a, prijs="11.00"),
                    kind(geboren="2022-06-01", soort="gastouderopvang", uren=101, prijs="5.00"),
                ],
            )
        )

    r_voor, r_na = run(100), run(102)
    assert r_voor.maanden[0].toeslag == voor
    assert r_na.maanden[0].toeslag == na
    assert any("eerste kind" in w for w in r_na.waarschuwingen)


def test_voorschot_en_definitief():
    data = huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(geboren="2023-01-01", uren=100, prijs="10.00")])
    v = voorschot_vs_definitief(data, 40_000, 90_000)
    assert v["soort"] == "terugvordering" and v["verschil"] < 0
    assert v["voorschot"] == sum(m.uitbetaling_voorschot for m in v["resultaat_voorschot"].maanden)
    assert all(m.uitbetaling_voorschot == int(m.uitbetaling_voorschot) for m in v["resultaat_voorschot"].maanden)


# --------------------------------------------------------------------------------------- properties
PROP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROP
@given(huishoudens())
def test_toeslag_nooit_boven_96_procent_en_230_uur(data):
    r = bereken(data)
    for m in r.maanden:
        for k in m.kinderen:
            assert k.uren_in_aanmerking <= 230
            assert k.toeslag <= (k.kosten * Decimal("0.96")).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            ) + Decimal("0.01")
            assert k.uurprijs_gebruikt <= k.maximum_uurprijs


@PROP
@given(huishoudens(), st.integers(1, 50_000))
def test_toeslag_stijgt_nooit_met_inkomen(data, extra):
    laag = bereken(data)
    hoog = bereken({**data, "toetsingsinkomen": data["toetsingsinkomen"] + extra})
    for ml, mh in zip(laag.maanden, hoog.maanden, strict=True):
        for kl, kh in zip(ml.kinderen, mh.kinderen, strict=True):
            assert kh.toeslag <= kl.toeslag
    assert hoog.jaar.toeslag <= laag.jaar.toeslag


@PROP
@given(huishoudens(max_kinderen=1), st.integers(1, 100))
def test_een_kind_meer_uren_nooit_minder_toeslag(data, extra):
    meer = {**data, "kinderen": [dict(data["kinderen"][0])]}
    meer["kinderen"][0]["opvang"] = [dict(data["kinderen"][0]["opvang"][0])]
    meer["kinderen"][0]["opvang"][0]["uren_per_maand"] = data["kinderen"][0]["opvang"][0]["uren_per_maand"] + extra
    a, b = bereken(data), bereken(meer)
    # the yearly total; a single month can fall when the yearly pool runs out earlier (Bkot 8a lid 1 onder b)
    assert b.jaar.toeslag >= a.jaar.toeslag
