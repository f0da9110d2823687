"""The municipal catalogue (`kotwijzer.municipal.Catalogus`) in the app's database: save and load.

- `catalogus_opslaan(session, catalogus)` replaces the whole catalogue;
- `gemeenten_opslaan(session, catalogus)` replaces only the municipalities that are in `catalogus` and keeps the
  others (a municipality that imports its own file does not wipe the rest);
- `catalogus_laden(session)` gives the catalogue back, validated by the same model (an empty `Catalogus` when the
  database holds none).

Both writers work inside the caller's transaction (`Database.sessie()`): when anything fails, the transaction is
rolled back and the previous catalogue stays exactly as it was. The round trip catalogue -> database -> catalogue is
lossless (same models; decimals are read back without trailing zeros).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from kotwijzer.municipal.models import Activiteit, Catalogus, Gemeente, GemeentelijkBeleid
from kotwijzer.store.models import ActiviteitRij, BeleidRij, GemeenteRij

__all__ = ["aantal_gemeenten", "catalogus_laden", "catalogus_opslaan", "gemeenten_opslaan"]


def _decimaal(x: Any) -> Decimal | None:
    """A Decimal as the model would have read it: 0.5000 -> 0.5, 1.0000 -> 1 (never an exponent)."""
    if x is None:
        return None
    return Decimal(format(Decimal(x).normalize(), "f"))


def aantal_gemeenten(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(GemeenteRij)) or 0)


def catalogus_laden(session: Session) -> Catalogus:
    """The catalogue stored in the database (empty when none was stored)."""
    rijen = session.scalars(
        select(GemeenteRij)
        .options(selectinload(GemeenteRij.activiteiten), selectinload(GemeenteRij.beleid))
        .order_by(GemeenteRij.volgorde, GemeenteRij.id)
    ).all()
    gemeenten: list[Gemeente] = []
    activiteiten: dict[str, list[Activiteit]] = {}
    beleid: dict[str, GemeentelijkBeleid] = {}
    for g in rijen:
        gemeenten.append(Gemeente(cbs_code=g.cbs_code, naam=g.naam, voorbeeld=g.voorbeeld, toelichting=g.toelichting))
        activiteiten[g.cbs_code] = [
            Activiteit(
                code=a.code,
                naam=a.naam,
                soort=a.soort,
                categorie=a.categorie,
                reintegratiecode=a.reintegratiecode,
                doel=a.doel,
                uren_per_week=_decimaal(a.uren_per_week),
                individueel_plan_vereist=a.individueel_plan_vereist,
                toelichting=a.toelichting,
                herkomst=a.herkomst,
            )
            for a in g.activiteiten
        ]
        b = g.beleid
        if b is not None:
            beleid[g.cbs_code] = GemeentelijkBeleid(
                fractie_restant=_decimaal(b.fractie_restant),
                maximum_per_maand_cent=b.maximum_per_maand_cent,
                boven_wettelijk=b.boven_wettelijk,
                boven_wettelijk_fractie=_decimaal(b.boven_wettelijk_fractie),
                boven_wettelijk_maximum_per_maand_cent=b.boven_wettelijk_maximum_per_maand_cent,
                boven_wettelijk_grondslag=b.boven_wettelijk_grondslag,
                smi_aangeboden=b.smi_aangeboden,
                toelichting=b.toelichting,
            )
    return Catalogus(gemeenten=gemeenten, activiteiten=activiteiten, beleid=beleid)


def _rij(g: Gemeente, volgorde: int, catalogus: Catalogus) -> GemeenteRij:
    rij = GemeenteRij(
        cbs_code=g.cbs_code, naam=g.naam, voorbeeld=g.voorbeeld, toelichting=g.toelichting, volgorde=volgorde
    )
    rij.activiteiten = [
        ActiviteitRij(
            code=a.code,
            naam=a.naam,
            soort=a.soort.value,
            categorie=a.categorie.value,
            reintegratiecode=a.reintegratiecode,
            doel=a.doel.value,
            uren_per_week=a.uren_per_week,
            individueel_plan_vereist=a.individueel_plan_vereist,
            toelichting=a.toelichting,
            herkomst=a.herkomst,
            volgorde=i,
        )
        for i, a in enumerate(catalogus.activiteiten.get(g.cbs_code, []))
    ]
    b = catalogus.beleid.get(g.cbs_code)
    if b is not None:
        rij.beleid = BeleidRij(
            fractie_restant=b.fractie_restant,
            maximum_per_maand_cent=b.maximum_per_maand_cent,
            boven_wettelijk=b.boven_wettelijk,
            boven_wettelijk_fractie=b.boven_wettelijk_fractie,
            boven_wettelijk_maximum_per_maand_cent=b.boven_wettelijk_maximum_per_maand_cent,
            boven_wettelijk_grondslag=b.boven_wettelijk_grondslag,
            smi_aangeboden=b.smi_aangeboden,
            toelichting=b.toelichting,
        )
    return rij


def catalogus_opslaan(session: Session, catalogus: Catalogus) -> None:
    """Replace the whole catalogue by `catalogus` (in the caller's transaction: all or nothing)."""
    if not isinstance(catalogus, Catalogus):
        raise TypeError("catalogus_opslaan verwacht een Catalogus")
    session.execute(delete(BeleidRij))
    session.execute(delete(ActiviteitRij))
    session.execute(delete(GemeenteRij))
    session.flush()
    session.add_all(_rij(g, i, catalogus) for i, g in enumerate(catalogus.gemeenten))
    session.flush()


def gemeenten_opslaan(session: Session, catalogus: Catalogus) -> Catalogus:
    """Replace the municipalities of `catalogus` (with their activities and policy) and keep all others, in their
    place; new municipalities come last. Returns the catalogue as it is now stored."""
    huidig = catalogus_laden(session)
    nieuw = {g.cbs_code: g for g in catalogus.gemeenten}
    gemeenten = [nieuw.pop(g.cbs_code, g) for g in huidig.gemeenten] + list(nieuw.values())
    vervangen = {g.cbs_code for g in catalogus.gemeenten}
    bron = {g.cbs_code: (catalogus if g.cbs_code in vervangen else huidig) for g in gemeenten}
    samen = Catalogus(
        gemeenten=gemeenten,
        activiteiten={c: b.activiteiten.get(c, []) for c, b in bron.items()},
        beleid={c: b.beleid[c] for c, b in bron.items() if c in b.beleid},
    )
    catalogus_opslaan(session, samen)
    return samen
