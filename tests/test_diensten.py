"""The services layer: a 'wat als' change applied to a household."""

from __future__ import annotations

from decimal import Decimal

from helpers import huishouden, kind, ouder, sit
from kotwijzer.compute import bereken
from kotwijzer.diensten import Wijziging, wat_als
from kotwijzer.model import Huishouden

EERSTE_HELFT = [1, 2, 3, 4, 5, 6]
TWEEDE_HELFT = [7, 8, 9, 10, 11, 12]


def _gemengde_uren() -> Huishouden:
    """One child whose hours were given per month for January-June and per week for July-December."""
    k = kind(uren=80, maanden=EERSTE_HELFT)
    k["opvang"].append({"soort": "dagopvang", "uren_per_week": 20, "uurprijs": "9.00", "maanden": TWEEDE_HELFT})
    return Huishouden.model_validate(huishouden(2026, ouder(sit("arbeid")), kinderen=[k]))


def test_wat_als_uren_bij_uren_per_week_en_per_maand():
    h = _gemengde_uren()
    uit = wat_als(h, Wijziging(soort="uren", kind=1, uren_per_maand=Decimal(100)))
    # the old hours are named as the parent gave them, not as a Python value
    assert uit["omschrijving"] == "Kind 1: 100 uur opvang per maand in plaats van 80 / 20 uur per week"
    nieuw = uit["invoer_wat_als"].kinderen[0].opvang
    assert [o.uren_per_maand for o in nieuw] == [Decimal(100), Decimal(100)]
    assert all(o.uren_per_week is None and o.uren_per_jaar is None for o in nieuw)
    # the same as a household that gave 100 hours a month for the whole year
    zelfde = huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(uren=100)])
    assert uit["wat_als"]["toeslag_jaar"] == bereken(zelfde).jaar.toeslag


def test_wat_als_uren_per_jaar_wordt_genoemd():
    k = kind(uren=None)
    k["opvang"][0] = {"soort": "dagopvang", "uren_per_jaar": 1200, "uurprijs": "9.00"}
    h = Huishouden.model_validate(huishouden(2026, ouder(sit("arbeid")), kinderen=[k]))
    uit = wat_als(h, Wijziging(soort="uren", kind=1, uren_per_maand=Decimal("90.5")))
    assert uit["omschrijving"] == "Kind 1: 90,5 uur opvang per maand in plaats van 1200 uur per jaar"
