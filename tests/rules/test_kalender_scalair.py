"""The scalar forms of the calendar rules (used for one household) give what the vectorised rules give.

The expectations of the rules themselves are tested elsewhere against the law (Awir art. 5, Wko 1.3 lid 2 onder b);
here every scalar form is compared with its vectorised rule on generated dates, including no date, period ends before
the year, leap days and application dates years apart from the berekeningsjaar."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kotwijzer.rules import kalender

datums = st.one_of(st.none(), st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2032, 12, 31)))
jaren = st.integers(min_value=2018, max_value=2030)


def _d(x: dt.date | None) -> np.datetime64:
    return np.datetime64(x, "D") if x is not None else kalender.NAT


@settings(max_examples=400, deadline=None)
@given(van=datums, tot=datums, jaar=jaren)
def test_maanden_in_periode_datum(van, tot, jaar):
    vector = kalender.maanden_in_periode(np.array([_d(van)]), np.array([_d(tot)]), jaar)[0]
    scalair = kalender.maanden_in_periode_datum(van, tot, jaar)
    assert scalair.dtype == vector.dtype and scalair.shape == (12,)
    assert scalair.tolist() == vector.tolist()


@settings(max_examples=400, deadline=None)
@given(datum=datums, jaar=jaren, terug=st.integers(min_value=0, max_value=24))
def test_eerste_maand_na_aanvraag_datum(datum, jaar, terug):
    vector = kalender.eerste_maand_na_aanvraag(np.array([_d(datum)]), jaar, terug)
    assert kalender.eerste_maand_na_aanvraag_datum(datum, jaar, terug) == int(vector[0])


def test_voorbeelden_met_de_hand():
    # Awir art. 5: work from 15 March 2026 counts from April; work that ends on 15 March still counts for March
    assert kalender.maanden_in_periode_datum(dt.date(2026, 3, 15), None, 2026).tolist() == [False] * 3 + [True] * 9
    assert kalender.maanden_in_periode_datum(dt.date(2025, 6, 1), dt.date(2026, 3, 15), 2026).tolist() == (
        [True] * 3 + [False] * 9
    )
    # Wko 1.3 lid 2 onder b with 3 months back: an application on 10 May 2026 reaches back to 1 February (index 1)
    assert kalender.eerste_maand_na_aanvraag_datum(dt.date(2026, 5, 10), 2026, 3) == 1
    assert kalender.eerste_maand_na_aanvraag_datum(dt.date(2027, 6, 1), 2026, 3) == 12
