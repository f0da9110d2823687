"""Calendar rules: which months a period covers, the werkloosheidstermijn, the detention length test and the
retroactivity limit. Vectorised over numpy datetime64[D] arrays; NaT means 'none'.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np

from kotwijzer.wetten.bron import awir, citeert, wko, zonder_bron

NAT = np.datetime64("NaT", "D")


@zonder_bron("calendar arithmetic")
@lru_cache(maxsize=64)
def maand_begin(jaar: int) -> np.ndarray:
    """First day of each month of the year (12,) and of the next year's January (13,). Built once per year and
    read-only (every call shares it)."""
    begin = np.array(
        [np.datetime64(f"{jaar}-{m:02d}-01", "D") for m in range(1, 13)] + [np.datetime64(f"{jaar + 1}-01-01", "D")]
    )
    begin.flags.writeable = False
    return begin


@zonder_bron("calendar arithmetic")
@lru_cache(maxsize=64)
def laatste_dagen(jaar: int) -> np.ndarray:
    """Last day of each month of the year (12,), read-only."""
    einde = maand_begin(jaar)[1:] - np.timedelta64(1, "D")
    einde.flags.writeable = False
    return einde


@citeert(awir("5"))
def maanden_in_periode(van: np.ndarray, tot: np.ndarray, jaar: int) -> np.ndarray:
    """bool[..., 12]: the months in which a situation counts.

    Awir art. 5: a change in circumstances that happens after the first day of a month is taken into account from the
    first day of the next month. So a situation counts for a month exactly when it holds on the first day of that
    month: work that starts on 15 March counts from April; work that ends on 15 March still counts for March.
    (Wko art. 1.3 lid 2 sets art. 5 aside only for changes in hours, price and soort of childcare, which kotwijzer takes
    per month as given.) `tot` NaT means open-ended.
    """
    eerste = maand_begin(jaar)[:-1]
    van = np.asarray(van, dtype="datetime64[D]")[..., None]
    tot = np.asarray(tot, dtype="datetime64[D]")[..., None]
    tot_eff = np.where(np.isnat(tot), np.datetime64("9999-12-31", "D"), tot)
    telt: np.ndarray = ~np.isnat(van) & (van <= eerste) & (tot_eff >= eerste)
    return telt


@lru_cache(maxsize=64)
def _eerste_dagen(jaar: int) -> tuple[dt.date, ...]:
    return tuple(dt.date(jaar, m, 1) for m in range(1, 13))


@citeert(awir("5"))
def maanden_in_periode_datum(van: dt.date | None, tot: dt.date | None, jaar: int) -> np.ndarray:
    """Scalar form of `maanden_in_periode` for one period (same rule, Awir art. 5: a month counts when the situation
    holds on its first day; `van` None: never, `tot` None: open-ended), without building date arrays."""
    if van is None:
        return np.zeros(12, dtype=bool)
    return np.array([van <= d and (tot is None or tot >= d) for d in _eerste_dagen(jaar)], dtype=bool)


MAANDREGEL_BRON = (awir("5"),)


@zonder_bron("calendar arithmetic")
def plus_maanden(d: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Same day n calendar months later; where that day does not exist, the last day of that month (+1 day marker).

    Returns (datum, bestaat) where bestaat is False when the day was clamped.
    """
    d = np.asarray(d, dtype="datetime64[D]")
    ym = d.astype("datetime64[M]")
    dag = (d - ym.astype("datetime64[D]")).astype(np.int64)
    doel = ym + np.timedelta64(n, "M")
    dim = ((doel + np.timedelta64(1, "M")).astype("datetime64[D]") - doel.astype("datetime64[D]")).astype(np.int64)
    bestaat = dag < dim
    dag_c = np.minimum(dag, dim - 1)
    return doel.astype("datetime64[D]") + dag_c.astype("timedelta64[D]"), bestaat


WERKLOOSHEIDSTERMIJN_BRON = (wko("1.6", 5),)


@citeert(wko("1.6", 5))
def werkloosheidstermijn_einde(
    einde_arbeid: np.ndarray,
    vermoedelijke_bevalling: np.ndarray,
    bevalling: np.ndarray,
    maanden: int,
    dagen_voor: int,
    dagen_na: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Wko 1.6 lid 5: the right stays for `maanden` calendar months counted from the day after the last working day,
    extended by the days in which that period overlaps [vermoedelijke bevalling - 28 d, bevalling + 42 d].

    Returns (laatste dag van de termijn, verlenging in dagen). Inputs broadcast; NaT einde_arbeid gives NaT.
    Where the actual delivery date is unknown, the expected date is used for the end of the window.
    """
    einde_arbeid = np.asarray(einde_arbeid, dtype="datetime64[D]")
    start = einde_arbeid + np.timedelta64(1, "D")
    doel, bestaat = plus_maanden(start, maanden)
    # "drie kalendermaanden gerekend vanaf" day X ends the day before the same date three months later; when that
    # date does not exist (31 -> 30 April), the period runs to the end of that month.
    eind = np.where(bestaat, doel - np.timedelta64(1, "D"), doel)
    verw = np.asarray(vermoedelijke_bevalling, dtype="datetime64[D]")
    bev = np.asarray(bevalling, dtype="datetime64[D]")
    bev_eff = np.where(np.isnat(bev), verw, bev)
    w_start = verw - np.timedelta64(dagen_voor, "D")
    w_eind = bev_eff + np.timedelta64(dagen_na, "D")
    lo = np.maximum(start, w_start)
    hi = np.minimum(eind, w_eind)
    overlap = (hi - lo).astype(np.int64) + 1
    geldig = ~np.isnat(verw) & ~np.isnat(einde_arbeid)
    overlap = np.where(geldig & (overlap > 0), overlap, 0)
    eind = eind + overlap.astype("timedelta64[D]")
    return eind, overlap


@citeert(wko("1.6", 10, vanaf=2022), wko("1.6", 11, vanaf=2022, tot=2025))
def langer_dan_maanden(begin: np.ndarray, einde: np.ndarray, maanden: int) -> np.ndarray:
    """True when [begin, einde] is longer than `maanden` calendar months (Wko 1.6 lid 10/11: 'langer dan drie
    maanden'). A period from 1 January to 31 March is exactly three months and so not longer."""
    doel, _ = plus_maanden(begin, maanden)
    langer: np.ndarray = ~np.isnat(begin) & ~np.isnat(einde) & (np.asarray(einde, dtype="datetime64[D]") >= doel)
    return langer


TERUGWERKENDE_KRACHT_BRON = (wko("1.3", 2, "b"),)


@citeert(wko("1.3", 2, "b"))
def eerste_maand_na_aanvraag(aanvraagdatum: np.ndarray, jaar: int, maanden_terug: int) -> np.ndarray:
    """Wko 1.3 lid 2 onder b: no aanspraak before the first day of the calendar month that lies `maanden_terug`
    months before the application date. Returns the first month index (0..12) of the year that counts; NaT (no
    date given) gives 0."""
    a = np.asarray(aanvraagdatum, dtype="datetime64[D]")
    am = a.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
    eerste = am - maanden_terug - (jaar - 1970) * 12
    eerste = np.where(np.isnat(a), 0, eerste)
    return np.clip(eerste, 0, 12).astype(np.int8)


@citeert(wko("1.3", 2, "b"))
def eerste_maand_na_aanvraag_datum(aanvraagdatum: dt.date | None, jaar: int, maanden_terug: int) -> int:
    """Scalar form of `eerste_maand_na_aanvraag` for one date (None: no date given, 0): the same month count
    (months since January of `jaar`, minus `maanden_terug`, clipped to 0..12) without building arrays."""
    if aanvraagdatum is None:
        return 0
    eerste = (aanvraagdatum.year - jaar) * 12 + aanvraagdatum.month - 1 - maanden_terug
    return min(max(eerste, 0), 12)


AWIR_KIND_BRON = (awir("4", 1), awir("4", 2))

# A child may go to primary school from the age of four (Wet op het primair onderwijs art. 39 lid 1); the KGU pools of
# Bkot 8a lid 1 onder b 1° and 2° follow "de leeftijd waarop kinderen naar het basisonderwijs kunnen gaan".
LEEFTIJD_BASISONDERWIJS = 4


@zonder_bron("calendar arithmetic")
def verjaardag(geboortedatum: dt.date, leeftijd: int) -> dt.date:
    """The day a person reaches `leeftijd` (born on 29 February: 1 March in a year without 29 February)."""
    try:
        return geboortedatum.replace(year=geboortedatum.year + leeftijd)
    except ValueError:
        return dt.date(geboortedatum.year + leeftijd, 3, 1)


# Leerplichtwet 1969 art. 3 lid 1: a child must go to school from the first school day of the month after the month in
# which it turns five.
LEEFTIJD_LEERPLICHT = 5


@zonder_bron(
    "Leerplichtwet 1969 art. 3 lid 1 (leerplichtig from the month after the fifth birthday); that law is not among the shipped texts"
)
def begin_leerplicht(geboortedatum: dt.date) -> dt.date:
    """First day of the month after the fifth birthday."""
    v = verjaardag(geboortedatum, LEEFTIJD_LEERPLICHT)
    return dt.date(v.year + (v.month == 12), v.month % 12 + 1, 1)


@zonder_bron("calendar arithmetic; the age itself is the parameter LEEFTIJD_BASISONDERWIJS")
def vierde_verjaardag(geboortedatum: dt.date) -> dt.date:
    """The day the child reaches LEEFTIJD_BASISONDERWIJS."""
    return verjaardag(geboortedatum, LEEFTIJD_BASISONDERWIJS)


@zonder_bron("calendar arithmetic")
def plus_maanden_datum(datum: dt.date, maanden: int) -> dt.date:
    """Scalar form of `plus_maanden`: same day `maanden` months later, else the last day of that month."""
    d, _ = plus_maanden(np.array([datum], dtype="datetime64[D]"), maanden)
    uitkomst: dt.date = d[0].astype(dt.date)
    return uitkomst
