"""One row of the synthetic population as a `kotwijzer.model.Huishouden`: the input a parent would give.

This is the bridge that proves there is one rules core: `kotwijzer.compute.bereken(naar_huishouden(pop, i))` goes
through the single-household input translation (`kotwijzer.invoer.naar_batch`) and must give the same batch arrays and
the same amounts as the population path (`policy.indicatoren`, `kotwijzer.kern.bereken_totalen`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np

from kotwijzer.model import DetentieSoort, Huishouden, Kind, Opvang, Opvangsoort, Ouder, Periode, Situatie, Uitkering
from kotwijzer.policy import populatie as P

_SITUATIE = {
    P.S_ARBEID: Situatie.arbeid,
    P.S_BIJSTAND_AB: Situatie.bijstand_traject,
    P.S_BIJSTAND_C: Situatie.bijstand_traject,
    P.S_STUDIE: Situatie.studie,
    P.S_INBURGERING: Situatie.inburgering,
    P.S_INBURGERING_OVERIG: Situatie.inburgering_overige_activiteit,
    P.S_WLZ_PERM: Situatie.wlz_permanent,
    P.S_WLZ_TIJD: Situatie.wlz_tijdelijk,
    P.S_DETENTIE: Situatie.detentie,
    P.S_WW_TRAJECT: Situatie.ww_traject,
    P.S_AO_REINTEGRATIE: Situatie.arbeidsongeschikt_reintegratie,
}
_SOORT = {1: Opvangsoort.dagopvang, 2: Opvangsoort.buitenschoolse_opvang, 3: Opvangsoort.gastouderopvang}


def _datum(dagen: int) -> dt.date | None:
    if int(dagen) == int(P.GEEN_DATUM):
        return None
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(dagen))


def _maand(jaar: int, t: int) -> tuple[int, int]:
    return jaar + t // 12, t % 12 + 1


def _ouder(d: dict[str, np.ndarray], i: int, o: int, label: str) -> Ouder:
    situaties = []
    for pre in ("p1", "p2"):
        s = int(d[f"{pre}_situatie"][i, o])
        if s == P.S_GEEN:
            continue
        van, tot = _datum(d[f"{pre}_van"][i, o]), _datum(d[f"{pre}_tot"][i, o])
        kw: dict = {"situatie": _SITUATIE[s], "van": van, "tot": tot}
        if s in (P.S_BIJSTAND_AB, P.S_BIJSTAND_C):
            kw.update(uitkering=Uitkering.bijstand, voorziening_gericht_op_arbeidsinschakeling=s == P.S_BIJSTAND_AB)
        if s == P.S_DETENTIE:
            kw.update(detentie_soort=DetentieSoort.veroordeling, detentie_begin=van, detentie_einde=tot)
        situaties.append(Periode(**kw))
    return Ouder(label=label, situaties=situaties)


def _kind(pop: P.Populatie, i: int, k: int) -> Kind:
    d, jaar = pop.data, pop.jaar
    gj, gm = _maand(jaar, int(d["geboorte_maand"][i, k]))
    vj, vm = _maand(jaar, int(d["vo_maand"][i, k]))
    groepen: dict[tuple[int, int, int], list[int]] = {}
    for m in range(12):
        s = int(d["soort"][i, k, m])
        if s:
            groepen.setdefault((s, int(d["uren_cu"][i, k, m]), int(d["prijs_cent"][i, k, m])), []).append(m + 1)
    opvang = [
        Opvang(maanden=maanden, soort=_SOORT[s], uren_per_maand=Decimal(u) / 100, uurprijs=Decimal(p) / 100)
        for (s, u, p), maanden in groepen.items()
    ]
    return Kind(
        label=f"kind {k + 1}",
        geboortedatum=dt.date(gj, gm, 15),
        start_voortgezet_onderwijs=f"{vj:04d}-{vm:02d}",
        opvang=opvang,
    )


def naar_huishouden(pop: P.Populatie, i: int) -> Huishouden:
    """Household `i` (row index) of the population as a `Huishouden` for `kotwijzer.compute.bereken`."""
    d = pop.data
    partner = _ouder(d, i, 1, "partner") if bool(d["heeft_partner"][i]) else None
    return Huishouden(
        berekeningsjaar=pop.jaar,
        aanvrager=_ouder(d, i, 0, "aanvrager"),
        partner=partner,
        partner_is_bloedverwant=bool(d["bloedverwant"][i]),
        toetsingsinkomen=int(d["inkomen"][i]),
        # the population models households that applied in time (no retroactivity limit): 1 January of the year
        aanvraagdatum=dt.date(pop.jaar, 1, 1),
        kinderen=[_kind(pop, i, k) for k in range(int(d["n_kinderen"][i]))],
    )
