"""Voorschot versus definitieve berekening: the voorschot is paid per month on the estimated income, rounded down to
whole euros; the definitieve berekening uses the actual joint toetsingsinkomen."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kotwijzer.berekening.resultaat import bereken
from kotwijzer.explain.signaaltekst import tekst_van
from kotwijzer.model import Huishouden

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron


def voorschot_vs_definitief(
    h: Huishouden | dict[str, Any], inkomen_voorschot: int, inkomen_definitief: int, catalogus: CatalogusBron = None
) -> dict[str, Any]:
    """The voorschot is paid per month on the estimated income, rounded down to whole euros; the definitieve
    berekening uses the actual joint toetsingsinkomen. The difference is a nabetaling (>0) or terugvordering (<0).

    Not modelled: the Awir thresholds below which nothing is reclaimed or paid out and interest (Awir art. 26 e.v.;
    not verified in a primary source, see the coverage registry). `catalogus`: as in `bereken`."""
    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    rv = bereken(h.model_copy(update={"toetsingsinkomen": int(inkomen_voorschot)}), catalogus=catalogus)
    rd = bereken(h.model_copy(update={"toetsingsinkomen": int(inkomen_definitief)}), catalogus=catalogus)
    compleet = rv.bedragen == "volledig" and rd.bedragen == "volledig"
    voorschot = sum((m.uitbetaling_voorschot or Decimal(0) for m in rv.maanden), Decimal(0)) if compleet else None
    definitief = rd.jaar.toeslag if compleet else None
    verschil = definitief - voorschot if (definitief is not None and voorschot is not None) else None
    if verschil is None:
        soort = "niet_te_berekenen"
        redenen = " ".join(dict.fromkeys(o.uitleg for o in rv.ontbrekend + rd.ontbrekend))
        toelichting = tekst_van("voorschot.niet_te_berekenen", redenen=redenen)
    else:
        soort = "nabetaling" if verschil > 0 else ("terugvordering" if verschil < 0 else "geen verschil")
        toelichting = tekst_van("voorschot.toelichting")
    return {
        "voorschot": voorschot,
        "definitief": definitief,
        "verschil": verschil,
        "soort": soort,
        "per_maand": [
            {"maand": a.maand, "voorschot": a.uitbetaling_voorschot, "definitief": b.toeslag}
            for a, b in zip(rv.maanden, rd.maanden, strict=True)
        ],
        "resultaat_voorschot": rv,
        "resultaat_definitief": rd,
        "toelichting": toelichting,
    }
