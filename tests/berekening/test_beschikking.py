"""The assessment check (beschikking controleren) with letters worked out by hand from the law and the shared 2025 table
(shared/law/tables/2025.partial.csv; maximum uurprijzen 2025 10,71 / 9,52 / 8,10; 2024 dagopvang 10,25). Each wrong
letter is a correct letter with one thing changed; the expected amounts are computed here, by hand, never taken from
the code. The toeslag is rounded per child per month, half up to the cent (brochure "Berekening kinderopvangtoeslag",
Dienst Toeslagen; shared law README, "Rounding")."""

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from kotwijzer.beschikking import bezwaartermijn, controleer
from kotwijzer.beschikking.bezwaar import Persoon, bezwaarschrift_pdf, bezwaarschrift_tekst

FEITEN = json.loads((Path(__file__).resolve().parents[2] / "examples" / "paar_werkt_2025.json").read_text())
VANDAAG = dt.date(2026, 12, 6)


def _c(x) -> Decimal:
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# kind 1: 80 h dagopvang at 11,50 -> maximum 10,71; the most hours: first child (Bkot art. 3 lid 2); EUR 70.000 -> row
# 66.795-70.446, first child 87,3 %. Kosten 80 x 10,71 = 856,80 per month.
# kind 2: 40 h BSO at 9,50 (< 9,52); next child; cell not_found, bounds 87,3 % - 95,2 %. Kosten 380,00 per month.
K1_MAAND = _c(Decimal("856.80") * Decimal("0.873"))  # 747,9864 -> 747,99
K1_JAAR = 12 * K1_MAAND  # 8.975,88
K2_JAAR_90 = 12 * _c(Decimal("380.00") * Decimal("0.90"))  # 12 x 342,00 = 4.104,00


def _jaar(kosten, pct, maanden=12):
    return maanden * _c(Decimal(kosten) * Decimal(pct))


def _regel(kind, **kw):
    r = {"kind": kind, "van": "2025-01-01", "tot": "2025-12-31"}
    if kind == 1:
        r.update(
            opvangsoort="dagopvang",
            uurprijs="10.71",
            uren_per_maand=80,
            rangorde=1,
            percentage="87.3",
            bedrag=str(K1_JAAR),
        )
    else:
        r.update(
            opvangsoort="buitenschoolse_opvang",
            uurprijs="9.50",
            uren_per_maand=40,
            rangorde=2,
            percentage="90.0",
            bedrag=str(K2_JAAR_90),
        )
    r.update(kw)
    return r


def _brief(*regels, **kw):
    b = {
        "datum": "2026-11-20",
        "berekeningsjaar": 2025,
        "toetsingsinkomen": 70000,
        "regels": list(regels) or [_regel(1), _regel(2)],
        "al_betaald": "13000.00",
    }
    b.update(kw)
    return b


def _codes(c, regel=None):
    return {v.code for v in c.verschillen if regel is None or v.regel == regel}


def test_juiste_brief_klopt_en_neemt_het_percentage_uit_de_brief():
    c = controleer(FEITEN, _brief(), VANDAAG)
    assert Decimal("8975.88") == K1_JAAR
    assert c.oordeel == "klopt"
    assert _codes(c) == {"percentage_uit_brief"}
    assert c.totaal_wet_onder == c.totaal_wet_boven == K1_JAAR + K2_JAAR_90
    assert c.uitkomst_brief == c.uitkomst_wet_onder == K1_JAAR + K2_JAAR_90 - Decimal("13000.00")  # nabetaling 79,84


def test_verkeerd_eerste_kind():
    # the letter makes kind 2 (40 h) the first child at 87,3 % and kind 1 (80 h) the next child at 90,0 %
    k1 = _jaar("856.80", "0.90")  # 12 x 771,12 = 9.253,44
    k2 = _jaar("380.00", "0.873")  # 12 x 331,74 = 3.980,88
    c = controleer(
        FEITEN,
        _brief(
            _regel(1, rangorde=2, percentage="90.0", bedrag=str(k1)),
            _regel(2, rangorde=1, percentage="87.3", bedrag=str(k2)),
        ),
        VANDAAG,
    )
    assert "eerste_kind" in _codes(c, 1) and "eerste_kind" in _codes(c, 2)
    v = next(v for v in c.verschillen if v.code == "eerste_kind" and v.regel == 2)
    assert v.bronnen == ["art. 3 lid 2 Bkot"] and "meeste opvanguren" in v.uitleg and v.maanden == list(range(1, 13))
    # the law: kind 1 first at 87,3 %; kind 2 next, its cell missing: between 87,3 % and 95,2 %
    assert c.totaal_wet_onder == K1_JAAR + _jaar("380.00", "0.873")
    assert c.totaal_wet_boven == K1_JAAR + _jaar("380.00", "0.952")  # 12 x 361,76
    assert c.oordeel == "verschil"


def test_verkeerde_maximum_uurprijs():
    # the letter uses 10,25 (the 2024 maximum for dagopvang) instead of 10,71
    k1 = _jaar("820.00", "0.873")  # 80 x 10,25 = 820,00; x 0,873 = 715,86; x 12 = 8.590,32
    c = controleer(FEITEN, _brief(_regel(1, uurprijs="10.25", bedrag=str(k1)), _regel(2)), VANDAAG)
    (v,) = [v for v in c.verschillen if v.code == "maximum_uurprijs"]
    assert v.regel == 1 and "2024" in v.uitleg and v.in_uw_voordeel
    assert "art. 1.7 lid 2 Wko" in v.bronnen
    assert c.totaal_brief == k1 + K2_JAAR_90 and c.totaal_wet_onder == K1_JAAR + K2_JAAR_90
    assert c.totaal_wet_onder - c.totaal_brief == Decimal("385.56")


def test_ontbrekende_maand():
    # the letter stops kind 1 at 30 November: December is missing
    k1 = 11 * K1_MAAND  # 8.227,89
    c = controleer(FEITEN, _brief(_regel(1, tot="2025-11-30", bedrag=str(k1)), _regel(2)), VANDAAG)
    (v,) = [v for v in c.verschillen if v.code == "ontbrekende_maand"]
    assert v.kind == 1 and v.maanden == [12] and v.in_uw_voordeel
    assert "€ 747,99" in v.wet  # 856,80 x 0,873 = 747,9864
    assert c.totaal_wet_onder == k1 + K1_MAAND + K2_JAAR_90


def test_percentage_buiten_de_grenzen():
    # next child at 80,0 %: below the first child's 87,3 % at the same income -> the letter looks wrong
    k2 = _jaar("380.00", "0.80")  # 12 x 304,00 = 3.648,00
    c = controleer(FEITEN, _brief(_regel(1), _regel(2, percentage="80.0", bedrag=str(k2))), VANDAAG)
    (v,) = [v for v in c.verschillen if v.code == "percentage_buiten_grenzen"]
    assert v.regel == 2 and "87,3 %" in v.wet and "95,2 %" in v.wet and "lijkt" in v.uitleg
    assert c.totaal_wet_onder == K1_JAAR + _jaar("380.00", "0.873")
    assert c.totaal_wet_boven == K1_JAAR + _jaar("380.00", "0.952")


def test_percentage_past_niet_bij_de_tabel():
    # first child at 85,0 % at EUR 70.000; the table says 87,3 %
    k1 = _jaar("856.80", "0.85")
    c = controleer(FEITEN, _brief(_regel(1, percentage="85.0", bedrag=str(k1)), _regel(2)), VANDAAG)
    (v,) = [v for v in c.verschillen if v.code == "percentage_tabel"]
    assert "87,3 %" in v.wet and v.in_uw_voordeel


def test_deel_van_een_maand_naar_rato_van_de_dagen():
    # care for kind 1 starts on 17 March: 15 of the 31 days of March, then April-December whole
    feiten = json.loads(json.dumps(FEITEN))
    feiten["kinderen"][0]["opvang"][0]["van"] = "2025-03-17"
    maart = _c(Decimal("856.80") * Decimal("0.873") * Decimal(15) / Decimal(31))  # 361,9289 -> 361,93
    k1 = maart + 9 * K1_MAAND  # 361,93 + 6.731,91 = 7.093,84
    assert k1 == Decimal("7093.84")
    # kind 2 is the only child in January and February: then it is the first child (87,3 %)
    k2_jan_feb = _jaar("380.00", "0.873", 2)  # 663,48
    k2_rest = _jaar("380.00", "0.90", 10)  # 3.420,00
    regels = [
        _regel(1, van="2025-03-17", bedrag=str(k1)),
        _regel(2, tot="2025-02-28", rangorde=1, percentage="87.3", bedrag=str(k2_jan_feb)),
        _regel(2, van="2025-03-01", bedrag=str(k2_rest)),
    ]
    c = controleer(feiten, _brief(*regels), VANDAAG)
    assert _codes(c) == {"percentage_uit_brief"}
    assert c.regels[0].bedrag_wet_onder == k1
    assert any("indirecte bron" in a for a in c.aannames)
    # the same letter against facts without the start date: the letter counts the care from its own day
    c2 = controleer(FEITEN, _brief(*regels), VANDAAG)
    assert {v.maanden[0] for v in c2.verschillen if v.code == "ontbrekende_maand"} == {1, 2, 3}


def test_te_laat_aangevraagd():
    # applied on 10 June 2025: the application reaches back to 1 March (Wko art. 1.3 lid 2 onder b)
    feiten = dict(FEITEN, aanvraagdatum="2025-06-10")
    c = controleer(feiten, _brief(), VANDAAG)
    v = next(v for v in c.verschillen if v.code == "te_laat" and v.regel == 1)
    assert v.maanden == [1, 2] and v.bronnen == ["art. 1.3 lid 2 onder b Wko"]


@pytest.mark.parametrize(
    "brief,vandaag,laatste,over",
    [
        # 20 Nov + 6 weeks = Friday 1 January 2027 (Nieuwjaarsdag) -> Monday 4 January
        (dt.date(2026, 11, 20), dt.date(2026, 12, 6), dt.date(2027, 1, 4), 29),
        # 1 Oct + 6 weeks = Thursday 12 November 2026, passed on 6 December (24 days)
        (dt.date(2026, 10, 1), dt.date(2026, 12, 6), dt.date(2026, 11, 12), -24),
        # 20 Feb 2026 + 6 weeks = Goede Vrijdag 3 April (Easter 5 April); Sat, Sun, tweede Paasdag -> Tuesday 7 April
        (dt.date(2026, 2, 20), dt.date(2026, 3, 1), dt.date(2026, 4, 7), 37),
        # 16 Mar 2026 + 6 weeks = Monday 27 April 2026, Koningsdag (Atw art. 3 lid 1) -> Tuesday 28 April
        (dt.date(2026, 3, 16), dt.date(2026, 4, 1), dt.date(2026, 4, 28), 27),
        # 26 Oct 2026 + 6 weeks = Monday 7 December 2026, a working day; on that day it is the last day (0 left)
        (dt.date(2026, 10, 26), dt.date(2026, 12, 7), dt.date(2026, 12, 7), 0),
    ],
)
def test_bezwaartermijn(brief, vandaag, laatste, over):
    t = bezwaartermijn(brief, vandaag)
    assert (t.laatste_dag, t.dagen_over) == (laatste, over)
    assert "6:7" in t.tekst() and "6:8" in t.tekst()
    assert ("6:11" in t.tekst()) == (over < 0)
    assert ("Vandaag is de laatste dag" in t.tekst()) == (over == 0)
    assert "nog 0 dagen" not in t.tekst()


def test_bezwaarschrift_heeft_de_eisen_van_awb_6_5_en_geen_persoonsgegevens_zonder_invoer():
    k1 = _jaar("820.00", "0.873")
    c = controleer(FEITEN, _brief(_regel(1, uurprijs="10.25", bedrag=str(k1)), _regel(2)), VANDAAG)
    tekst = bezwaarschrift_tekst(c, vandaag=VANDAAG)
    assert "Naam: ...." in tekst and "Adres: ...." in tekst  # a: name and address, to fill in
    assert "Datum: 6 december 2026" in tekst  # b
    assert "definitieve berekening kinderopvangtoeslag 2025 van 20 november 2026" in tekst  # c
    assert "Gronden van mijn bezwaar:\n1. Regel 1 van de brief (januari tot en met december): € 10,25 per uur" in tekst
    assert "art. 4 lid 1 Bkot" in tekst and "Een kopie van de brief" in tekst and "Handtekening" in tekst
    met = bezwaarschrift_tekst(c, Persoon.van({"naam": "A. de Vries", "adres": "Dorpsstraat 1"}), VANDAAG)
    assert "A. de Vries" in met and "Dorpsstraat 1" in met
    pdf = bezwaarschrift_pdf(c, vandaag=VANDAAG)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1500


def test_bereken_deel_van_de_maand_naar_rato_van_de_dagen():
    # the calculation itself: care for kind 1 from 17 March 2025 (income 40.000: 96 % for every child, 2025 table row
    # 0-47.403). March: 80 h x 10,71 = 856,80 x 15/31 = 414,5806...; x 0,96 = 397,9974 -> 398,00. April: 822,53.
    from kotwijzer.compute import bereken

    feiten = json.loads(json.dumps(FEITEN))
    feiten["toetsingsinkomen"] = 40_000
    feiten["kinderen"][0]["opvang"][0]["van"] = "2025-03-17"
    r = bereken(feiten)
    k1 = [next((k for k in m.kinderen if k.kind == 1), None) for m in r.maanden]
    assert k1[0] is None and k1[1] is None  # no care in January and February
    assert k1[2].toeslag == Decimal("398.00") and k1[2].kosten == Decimal("414.58")
    assert k1[3].toeslag == _c(Decimal("856.80") * Decimal("0.96"))  # 822,528 -> 822,53
    assert k1[2].uren_in_aanmerking == 80  # the hours per month stay the hours per month
