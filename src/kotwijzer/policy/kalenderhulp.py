"""Calendar helpers of the population: month dates, dated periods to months (through the named rules of
`kotwijzer.rules.kalender`), the months a child is born, before voortgezet onderwijs and of BSO age, and the age on
1 January."""

from __future__ import annotations

import numpy as np

from kotwijzer.params import parameters_voor_jaar
from kotwijzer.policy.codes import (
    PERIODE_BIT,
    S_ARBEID,
    S_BIJSTAND_AB,
    S_BIJSTAND_C,
    S_DETENTIE,
)
from kotwijzer.policy.opslag import GEEN_DATUM
from kotwijzer.rules import codes as c
from kotwijzer.rules import kalender


def maand_datum(jaar: int, t: np.ndarray) -> np.ndarray:
    """First day of month t (months since January of `jaar`) as datetime64[D]."""
    return (np.datetime64(f"{jaar}-01", "M") + np.asarray(t, dtype=np.int64).astype("timedelta64[M]")).astype(
        "datetime64[D]"
    )


def maand_einde(jaar: int, t: np.ndarray) -> np.ndarray:
    return maand_datum(jaar, np.asarray(t) + 1) - np.timedelta64(1, "D")


def dagen_sinds_1970(d: np.ndarray) -> np.ndarray:
    """datetime64[D] -> int32 days since epoch (NaT -> GEEN_DATUM)."""
    d = np.asarray(d, dtype="datetime64[D]")
    out = d.astype(np.int64)
    return np.where(np.isnat(d), GEEN_DATUM, out).astype(np.int32)


def als_datum(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x)
    return np.where(x == GEEN_DATUM, np.datetime64("NaT", "D"), x.astype("datetime64[D]"))


def maanden_van_periode(van_dagen: np.ndarray, tot_dagen: np.ndarray, jaar: int) -> np.ndarray:
    """Months (bool [..., 12]) in which a stored period counts: the named rule `kalender.maanden_in_periode`."""
    return kalender.maanden_in_periode(als_datum(van_dagen), als_datum(tot_dagen), jaar)


def situatie_maanden(pop_data: dict[str, np.ndarray], jaar: int) -> tuple[np.ndarray, np.ndarray]:
    """From the dated periods to the situation bits [H,2,12] and traject_einde_maand [H,2], as the input translation
    (`kotwijzer.invoer`) does for one household: month sets, detention length and the werkloosheidstermijn all come
    from `kotwijzer.rules.kalender` with the year's parameters."""
    p = parameters_voor_jaar(jaar)
    n = pop_data["p1_situatie"].shape[0]
    sit = np.zeros((n, 2, 12), dtype=np.uint32)
    traject_einde = np.full((n, 2), -1, dtype=np.int8)
    jan1 = np.datetime64(f"{jaar}-01-01", "D")
    dec31 = np.datetime64(f"{jaar}-12-31", "D")
    for pre in ("p1", "p2"):
        s = pop_data[f"{pre}_situatie"]
        van = als_datum(pop_data[f"{pre}_van"])
        tot = als_datum(pop_data[f"{pre}_tot"])
        maanden = kalender.maanden_in_periode(van, tot, jaar) & (s > 0)[..., None]
        bits = PERIODE_BIT[s].astype(np.uint32)
        det = s == S_DETENTIE
        if det.any():
            lang = kalender.langer_dan_maanden(van, tot, int(p.detentie_minimale_duur_maanden))
            bits = np.where(det, np.where(lang, np.uint32(c.DET_LANG), np.uint32(c.DET_KORT)), bits).astype(np.uint32)
        sit |= np.where(maanden, bits[..., None], np.uint32(0)).astype(np.uint32)
        # a bijstand traject (Wko 1.6 lid 1 onder c) that ends in the year: its last month, for the doorloop switch
        traj = ((s == S_BIJSTAND_AB) | (s == S_BIJSTAND_C)) & ~np.isnat(tot)
        eind_in_jaar = traj & (tot >= jan1) & (tot <= dec31)
        maand = tot.astype("datetime64[M]").astype(np.int64) - (jaar - 1970) * 12
        traject_einde = np.where(eind_in_jaar, np.maximum(traject_einde, maand), traject_einde).astype(np.int8)
    # werkloosheidstermijn (Wko 1.6 lid 5) after work that ends in the year (or the year before) and is not followed by
    # work of the same parent the next day
    for pre in ("p1", "p2"):
        s = pop_data[f"{pre}_situatie"]
        tot = als_datum(pop_data[f"{pre}_tot"])
        jaar_tot = tot.astype("datetime64[Y]").astype(np.int64) + 1970
        einde = (s == S_ARBEID) & ~np.isnat(tot) & (jaar_tot >= jaar - 1) & (jaar_tot <= jaar)
        if not einde.any():
            continue
        volgende = tot + np.timedelta64(1, "D")
        gaat_door = np.zeros_like(einde)
        for pre2 in ("p1", "p2"):
            s2 = pop_data[f"{pre2}_situatie"]
            van2 = als_datum(pop_data[f"{pre2}_van"])
            tot2 = als_datum(pop_data[f"{pre2}_tot"])
            gaat_door |= (s2 == S_ARBEID) & (van2 <= volgende) & (np.isnat(tot2) | (tot2 >= volgende))
        einde &= ~gaat_door
        nat = np.full(tot.shape, np.datetime64("NaT", "D"))
        eind, _ = kalender.werkloosheidstermijn_einde(
            np.where(einde, tot, nat),
            nat,
            nat,
            int(p.werkloosheidstermijn_maanden),
            int(p.zwangerschap_dagen_voor_vermoedelijke_bevalling),
            int(p.zwangerschap_dagen_na_bevalling),
        )
        maanden = kalender.maanden_in_periode(np.where(einde, volgende, nat), eind, jaar)
        nieuw = maanden & ((sit & (c.A | c.B)) == 0)
        sit = np.where(nieuw, sit | np.uint32(c.WT), sit).astype(np.uint32)
    return sit, traject_einde


def kind_maanden(geboorte_maand: np.ndarray, vo_maand: np.ndarray, jaar: int) -> dict[str, np.ndarray]:
    """Per child and month: born, before voortgezet onderwijs, BSO age (the month after the 4th birthday), from the
    birth date (day 15 of the birth month) and the month voortgezet onderwijs starts, as `kotwijzer.invoer` derives
    them from a `Kind`."""
    eerste = kalender.maand_begin(jaar)[:-1]  # [12]
    eind = kalender.maand_begin(jaar)[1:] - np.timedelta64(1, "D")
    geb = maand_datum(jaar, geboorte_maand) + np.timedelta64(14, "D")
    vier = maand_datum(jaar, geboorte_maand + 48) + np.timedelta64(14, "D")
    vo = maand_datum(jaar, vo_maand)
    return {
        "geboren": geb[..., None] <= eind,
        "voor_vo": eerste < vo[..., None],
        "bso_leeftijd": eerste > vier[..., None],
    }


def leeftijd_op_1_januari(geboorte_maand: np.ndarray) -> np.ndarray:
    """Age in whole years on 1 January of the year (-1 = born in the year)."""
    g = np.asarray(geboorte_maand, dtype=np.int64)
    return np.where(g >= 0, -1, (-g - 1) // 12)
