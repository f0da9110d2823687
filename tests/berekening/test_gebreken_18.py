"""Section 4 of issue 18: past-year next steps, the first child by hours without kosten (Bkot art. 3 lid 2), the 2021
hours citing the relaxation, secondary school in September, and an unborn child. Each expectation is derived from the
law by hand; each test failed before the fix."""

import datetime as dt
from decimal import Decimal

from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.explain.stappen import stappen
from kotwijzer.model import Huishouden

VANDAAG = dt.date(2026, 12, 6)


def _h(jaar, **kw):
    d = {
        "berekeningsjaar": jaar,
        "toetsingsinkomen": 40_000,
        "aanvraagdatum": f"{jaar}-01-05",
        "aanvrager": {"situaties": [{"situatie": "arbeid", "van": "2020-01-01"}]},
        "kinderen": [
            {
                "geboortedatum": "2023-04-12",
                "opvang": [{"soort": "dagopvang", "uren_per_maand": 80, "uurprijs": "10.00"}],
            }
        ],
    }
    d.update(kw)
    return d


def _teksten(h, vandaag=VANDAAG):
    h = Huishouden.model_validate(h)
    return " ".join(f"{s.titel} {s.tekst}" for s in stappen(h, bereken(h, vandaag=vandaag), vandaag))


def test_verleden_jaar_geen_aanvraagtermijn_maar_beschikking_en_bezwaar():
    t = _teksten(_h(2025))
    # applied 5 January 2025: the last day to apply for January 2025 was 30 April 2025 - long gone in December 2026
    assert "30 april 2025" not in t and "Vraag de toeslag op tijd aan" not in t
    assert "definitieve berekening" in t and "zes weken" in t and "6:7" in t


def test_dit_jaar_de_aanvraagtermijn_en_volgend_jaar_wanneer_aanvragen():
    # 2026 with an application on 5 January 2026: January is reached; the deadline was 30 April 2026
    assert "30 april 2026" in _teksten(_h(2026), dt.date(2026, 3, 1))
    t = _teksten(_h(2027, aanvraagdatum=None), VANDAAG)
    assert "Vraag de toeslag voor 2027 aan" in t


def test_2027_eerste_kind_op_uren_zonder_kosten():
    # 2027: no fixed maximum uurprijs, so no kosten; Bkot art. 3 lid 2 needs only the hours: 80 h before 40 h
    h = _h(
        2027,
        aanvraagdatum="2026-12-06",
        kinderen=[
            {
                "geboortedatum": "2023-04-12",
                "opvang": [{"soort": "dagopvang", "uren_per_maand": 80, "uurprijs": "11.50"}],
            },
            {
                "geboortedatum": "2018-02-01",
                "opvang": [{"soort": "buitenschoolse_opvang", "uren_per_maand": 40, "uurprijs": "9.50"}],
            },
        ],
    )
    r = bereken(h)
    jan = r.maanden[0]
    assert [k.eerste_kind for k in jan.kinderen] == [True, False]
    assert jan.kinderen[0].eerste_kind_reden == "meeste_uren"
    # the missing-data list names the missing table as well as the maximum uurprijs
    assert {o.code for o in r.ontbrekend} >= {"maximum_uurprijs", "tabel"}


def test_2021_uren_noemen_de_verruiming():
    r = bereken(_h(2021, toetsingsinkomen=None))
    tekst = " ".join(p.uitleg for p in r.urenpotjes)
    assert "Stb. 2021, 434" in tekst and "nota van toelichting" in tekst


def test_voortgezet_onderwijs_in_september_maandniveau_klopt_met_kind():
    # the only child starts secondary school in September 2026: no aanspraak for the child from September (Wko art.
    # 1.1, begrip kinderopvang); the month level and the count agree with the child rows: 8 months
    h = _h(
        2026,
        kinderen=[
            {
                "geboortedatum": "2014-05-01",
                "start_voortgezet_onderwijs": "2026-09",
                "opvang": [{"soort": "buitenschoolse_opvang", "uren_per_maand": 40, "uurprijs": "9.00"}],
            }
        ],
    )
    r = bereken(h)
    assert [k.aanspraak for m in r.maanden for k in m.kinderen] == [True] * 8 + [False] * 4
    assert [m.aanspraak for m in r.maanden] == [True] * 8 + [False] * 4
    assert r.jaar.maanden_met_aanspraak == 8
    assert voorwaardencheck(h).maanden_met_aanspraak == list(range(1, 9))


def test_ongeboren_kind_geen_recht_en_geen_kosten_voor_de_geboorte():
    # the only child is born on 10 May 2027 - after the months asked (January-April): no right and no cost there
    h = _h(
        2026,
        kinderen=[
            {
                "geboortedatum": "2027-05-10",
                "opvang": [{"soort": "dagopvang", "maanden": [1, 2, 3, 4], "uren_per_maand": 100, "uurprijs": "8.00"}],
            }
        ],
    )
    r = bereken(h)
    assert r.jaar.maanden_met_aanspraak == 0 and not any(m.aanspraak for m in r.maanden)
    assert r.jaar.werkelijke_kosten == 0
    assert r.jaar.eigen_bijdrage in (None, Decimal(0))
    assert voorwaardencheck(h).oordeel != "recht"
