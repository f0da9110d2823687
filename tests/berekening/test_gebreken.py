"""Defects found by testing as a user would (issue "The law as it stands", section 3). Each test failed before its fix.
Expectations are worked out by hand from the law text cited in each test."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from helpers import ALLE, huishouden, kind, ouder, sit
from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.invoer import OngeldigeInvoer, verdeel_exact


def recht(r):
    return [m.maand for m in r.maanden if m.aanspraak]


# ------------------------------------------------------------------ a list of months with a gap
def test_maanden_met_gat_zijn_twee_perioden():
    """Work January-April and August-December (months list). Work ends on 30 April, so Wko 1.6 lid 5 keeps the right
    for three calendar months from 1 May: May, June, July (Awir art. 5: a month counts when the situation holds on its
    first day; the termijn runs to 31 July). So the right covers all twelve months."""
    r = bereken(huishouden(2026, ouder(sit("arbeid", [1, 2, 3, 4, 8, 9, 10, 11, 12]))))
    assert recht(r) == ALLE
    assert any("30 april 2026" in w and "31 juli 2026" in w for w in r.waarschuwingen)


@settings(max_examples=40, deadline=None)
@given(st.sets(st.integers(1, 12), min_size=1))
def test_maandenlijst_en_datums_geven_hetzelfde(maanden):
    """The same facts written as a list of months or as date periods (one per run of months) give the same answer."""
    ms = sorted(maanden)
    runs, huidig = [], [ms[0]]
    for m in ms[1:]:
        if m == huidig[-1] + 1:
            huidig.append(m)
        else:
            runs.append(huidig)
            huidig = [m]
    runs.append(huidig)
    perioden = []
    for run in runs:
        van = dt.date(2026, run[0], 1)
        p = {"situatie": "arbeid", "van": van.isoformat()}
        if run[-1] < 12:
            p["tot"] = (dt.date(2026, run[-1] + 1, 1) - dt.timedelta(days=1)).isoformat()
        perioden.append(p)
    a = bereken(huishouden(2026, ouder(sit("arbeid", ms))))
    b = bereken(huishouden(2026, {"situaties": perioden}))
    assert recht(a) == recht(b)
    assert a.jaar.toeslag == b.jaar.toeslag and a.jaar.uren_in_aanmerking == b.jaar.uren_in_aanmerking
    assert [w for w in a.waarschuwingen if "werkte tot en met" in w] == [
        w for w in b.waarschuwingen if "werkte tot en met" in w
    ]


# ------------------------------------------------------------------ a situation that runs to the end of the year
@pytest.mark.parametrize(
    "situatie",
    [sit("arbeid", ALLE), sit("arbeid", [6, 7, 8, 9, 10, 11, 12]), sit("arbeid", van="2026-03-01", tot="2026-12-31")],
)
def test_werk_tot_het_einde_van_het_jaar_eindigt_niet(situatie):
    r = bereken(huishouden(2026, ouder(situatie)))
    assert not any("werkte tot en met" in w or "31 maart" in w for w in r.waarschuwingen)


# ------------------------------------------------------------------ no empty change in a warning
def test_geen_waarschuwing_over_gelijk_percentage():
    """2026, income 56.000: the first child gets 96 % and the next row (from 56.413) is lower for the first child but
    both rows give 96 % for next children: only a real change may be stated."""
    r = bereken(huishouden(2026, ouder(sit("arbeid")), inkomen=56_000))
    for w in r.waarschuwingen:
        if "daalt" in w:
            van, naar = w.split(" van ")[-1].rstrip(".").split(" naar ")
            assert van != naar, w
    # 2024: the rows 0-22.346 and 22.347-23.834 both give 96 % / 96 %: no warning at 22.000
    r = bereken(huishouden(2024, ouder(sit("arbeid")), inkomen=22_000))
    assert not any("daalt" in w for w in r.waarschuwingen)


def test_grenswaarschuwing_noemt_echte_daling():
    r = bereken(huishouden(2026, ouder(sit("arbeid")), inkomen=56_000))
    assert any("daalt het percentage voor het eerste kind van 96%" in w for w in r.waarschuwingen)


# ------------------------------------------------------------------ age and kind of childcare
def test_bso_voor_een_baby_is_een_fout():
    with pytest.raises(OngeldigeInvoer) as e:
        bereken(
            huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(geboren="2025-10-01", soort="buitenschoolse_opvang")])
        )
    assert e.value.veld == "kinderen[0].opvang[0].soort" and "4 jaar" in e.value.bericht


def test_dagopvang_na_de_leerplicht_is_een_fout():
    # born 2019-03-10: five on 2024-03-10, leerplicht from 1 April 2024 (Leerplichtwet art. 3 lid 1)
    with pytest.raises(OngeldigeInvoer) as e:
        bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(geboren="2019-03-10", soort="dagopvang")]))
    assert e.value.veld == "kinderen[0].opvang[0].soort" and "school" in e.value.bericht


def test_dagopvang_voor_een_vierjarige_mag_tot_de_leerplicht():
    # born 2021-09-10: four in 2025, five on 2026-09-10, leerplicht from 1 October 2026. Dagopvang January-September
    # is possible (a child need not go to school before five); from October it is an error.
    r = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            kinderen=[kind(geboren="2021-09-10", soort="dagopvang", maanden=list(range(1, 10)))],
        )
    )
    assert r.jaar.uren_in_aanmerking == Decimal(900)
    with pytest.raises(OngeldigeInvoer, match="oktober 2026"):
        bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(geboren="2021-09-10", soort="dagopvang")]))


def test_bso_voor_een_schoolkind_en_gastouder_voor_elke_leeftijd():
    r = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            kinderen=[
                kind(geboren="2019-01-01", soort="buitenschoolse_opvang"),
                kind(geboren="2025-06-01", soort="gastouderopvang"),
            ],
        )
    )
    assert r.jaar.toeslag > 0


# ------------------------------------------------------------------ retroactivity: no aanspraak before the limit
def test_maand_voor_de_terugwerkende_kracht_heeft_geen_aanspraak():
    """Wko 1.3 lid 2 onder b: an application of 15 June 2026 reaches back to 1 March 2026. January and February have
    no aanspraak (not 'recht: ja' with € 0); the deadline to lose no month was 30 April 2026."""
    r = bereken(huishouden(2026, ouder(sit("arbeid")), aanvraagdatum="2026-06-15"))
    assert recht(r) == list(range(3, 13))
    assert [m.reden for m in r.maanden[:2]] == ["te_laat_aangevraagd"] * 2
    assert all(m.toeslag == 0 for m in r.maanden[:2])
    assert r.verloren_maanden == [1, 2] and r.aanvragen_uiterlijk == dt.date(2026, 4, 30)
    assert any(
        "januari en februari 2026" in w and "1 maart 2026" in w and "30 april 2026" in w for w in r.waarschuwingen
    )
    vc = voorwaardencheck(huishouden(2026, ouder(sit("arbeid")), aanvraagdatum="2026-06-15"))
    assert vc.maanden_met_aanspraak == list(range(3, 13))


def test_zonder_aanvraagdatum_geldt_vandaag():
    data = huishouden(2025, ouder(sit("arbeid")), aanvraagdatum=None)
    r = bereken(data, vandaag=dt.date(2026, 12, 4))  # applying on 4 December 2026 reaches back to 1 September 2026
    assert recht(r) == [] and r.verloren_maanden == ALLE and r.aanvraagdatum == dt.date(2026, 12, 4)
    assert r.aanvragen_uiterlijk == dt.date(2025, 4, 30)
    assert any("vandaag (4 december 2026)" in a for a in r.aannames)
    assert any("alle maanden van 2025" in w and "1 september 2026" in w for w in r.waarschuwingen)
    vc = voorwaardencheck(data, vandaag=dt.date(2026, 12, 4))
    assert vc.oordeel == "geen_recht" and "te laat" in vc.samenvatting


# ------------------------------------------------------------------ booleans are not numbers
@pytest.mark.parametrize(
    "veld,waarde", [("toetsingsinkomen", True), ("toetsingsinkomen", False), ("berekeningsjaar", True)]
)
def test_ja_nee_is_geen_getal(veld, waarde):
    data = huishouden(2026, ouder(sit("arbeid")))
    data[veld] = waarde
    with pytest.raises(ValidationError) as e:
        bereken(data)
    assert veld in str(e.value) and "geen ja/nee" in str(e.value)


def test_ja_nee_is_geen_aantal_uren():
    with pytest.raises(ValidationError):
        bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(uren=True)]))


# ------------------------------------------------------------------ hours per week and per year
def test_verdeel_exact():
    # 100 hours over 12 months: running totals 8,33 / 16,67 / 25,00 ... (rounded half up) -> months of 8,33 or 8,34
    delen = verdeel_exact(Fraction(10_000), 12)
    assert delen[:3] == [833, 834, 833] and sum(delen) == 10_000 and max(delen) - min(delen) <= 1


def test_opvang_per_week_en_per_jaar():
    """20 hours a week = 20 x 52 / 12 = 86,666.. hours a month; the year counts exactly 1.040 hours. A contract of
    1.040 hours a year gives the same months. Price 9,00 (below the 2026 maximum 11,23), income 40.000 (96 %)."""
    week = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            kinderen=[
                {
                    "geboortedatum": "2024-01-01",
                    "opvang": [{"soort": "dagopvang", "uren_per_week": 20, "uurprijs": "9.00"}],
                }
            ],
        )
    )
    jaar = bereken(
        huishouden(
            2026,
            ouder(sit("arbeid")),
            kinderen=[
                {
                    "geboortedatum": "2024-01-01",
                    "opvang": [{"soort": "dagopvang", "uren_per_jaar": 1040, "uurprijs": "9.00"}],
                }
            ],
        )
    )
    maand = [m.kinderen[0].uren_in_aanmerking for m in week.maanden]
    assert sum(maand) == Decimal(1040) and all(abs(u - Decimal("86.67")) <= Decimal("0.01") for u in maand)
    assert maand == [m.kinderen[0].uren_in_aanmerking for m in jaar.maanden]
    assert week.jaar.toeslag == jaar.jaar.toeslag
    # months of 86,67 / 86,66 / 86,67 h (running totals rounded): eight of 86,67 h and four of 86,66 h.
    # 86,67 x 9,00 = 780,03 x 96 % = 748,8288 -> 748,83; 86,66 x 9,00 = 779,94 x 96 % = 748,7424 -> 748,74.
    assert week.jaar.toeslag == 8 * Decimal("748.83") + 4 * Decimal("748.74")
    assert any("52 weken" in a for a in week.aannames) and any("per jaar" in a for a in jaar.aannames)


def test_gewerkte_uren_per_week_in_2022():
    # 2022 KGU: 36 hours a week = 156 a month (36 x 52 / 12); 140 % x 156 x 12 = 2.620,8 -> pool 2.620,80 h
    r = bereken(
        huishouden(2022, ouder(sit("arbeid", uren_per_week=36)), kinderen=[kind(geboren="2021-01-01", uren=230)])
    )
    assert r.urenpotjes[0].uren == Decimal("2620.80")


def test_niet_twee_soorten_uren_tegelijk():
    with pytest.raises(ValidationError, match="niet meer dan één"):
        bereken(
            huishouden(
                2026,
                ouder(sit("arbeid")),
                kinderen=[
                    {
                        "geboortedatum": "2024-01-01",
                        "opvang": [
                            {"soort": "dagopvang", "uren_per_week": 20, "uren_per_maand": 80, "uurprijs": "9.00"}
                        ],
                    }
                ],
            )
        )


def test_api_weigert_ja_nee_als_inkomen_en_bso_voor_baby(module_client):
    from conftest import voorbeeld

    d = voorbeeld("paar_werkt_2026")
    d["toetsingsinkomen"] = True
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "toetsingsinkomen"
    assert "ja/nee" in r.json()["fouten"][0]["melding"]
    d = voorbeeld("paar_werkt_2026")
    d["kinderen"][0]["opvang"][0]["soort"] = "buitenschoolse_opvang"
    d["kinderen"][0]["geboortedatum"] = "2025-06-01"
    r = module_client.post("/api/v1/berekening", json=d)
    assert r.status_code == 422 and r.json()["code"] == "ongeldige_invoer"
    assert r.json()["fouten"][0]["veld"] == "kinderen[0].opvang[0].soort"
