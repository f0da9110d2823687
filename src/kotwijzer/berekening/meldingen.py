"""The warnings and assumptions of a household-year, as signals (the words are in `kotwijzer.explain`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kotwijzer.berekening.maanden import Jaarstand
from kotwijzer.kern import Uitkomst
from kotwijzer.params import OntbrekendeWetgeving
from kotwijzer.signalen import Celstatus, Heel, Kindrang, Maanden, Procent, Rol, Signaal
from kotwijzer.wetten.bron import bkot, wko


def tabel_signalen(u: Uitkomst, rij: dict[str, Any] | None, stand: Jaarstand) -> list[Signaal]:
    """A provisional or incomplete table, and the first-child rule with several children."""
    out: list[Signaal] = []
    t = u.tabel
    if t is not None and t.status == "voorlopig" and rij is not None:
        out.append(Signaal.van("tabel.voorlopig", "waarschuwing", bronnen=(bkot("8", 2),), jaar=u.jaar))
    if t is not None and t.status == "onvolledig":
        for (eerste, st), pct in sorted(stand.gebruikte_cellen.items()):
            if st != "officieel":
                out.append(
                    Signaal.van(
                        "tabel.onvolledige_cel",
                        "waarschuwing",
                        bronnen=(bkot("8", 2),),
                        wie=Kindrang(eerste),
                        percentage=Procent(pct),
                        jaar=u.jaar,
                        celstatus=Celstatus(st),
                    )
                )
    if stand.wissel_maanden:
        out.append(
            Signaal.van(
                "eerste_kind.wissel",
                "waarschuwing",
                tuple(stand.wissel_maanden),
                (bkot("3"),),
                namen=Maanden(tuple(stand.wissel_maanden)),
            )
        )
    if stand.gelijk_maanden:
        out.append(
            Signaal.van(
                "eerste_kind.gelijk",
                "waarschuwing",
                tuple(stand.gelijk_maanden),
                (bkot("3", 4),),
                namen=Maanden(tuple(stand.gelijk_maanden)),
            )
        )
    return out


def inkomensgrens(u: Uitkomst, inkomen: int | None, rij: dict[str, Any] | None) -> list[Signaal]:
    """An income within € 1,000 of a row bound of the table where the percentage drops."""
    if rij is None or inkomen is None or rij["tot_en_met"] is None or rij["tot_en_met"] - inkomen >= 1000:
        return []
    assert u.tabel is not None
    try:
        volgende = u.tabel.rij(rij["tot_en_met"] + 1)
    except OntbrekendeWetgeving:
        return []
    out = []
    for sleutel, eerste in (("eerste_kind", True), ("overige_kinderen", False)):
        if rij[sleutel] is not None and volgende[sleutel] is not None and volgende[sleutel] != rij[sleutel]:
            out.append(
                Signaal.van(
                    "inkomen.dicht_bij_grens",
                    "waarschuwing",
                    bronnen=(bkot("8", 2),),
                    grens=Heel(rij["tot_en_met"]),
                    wie=Kindrang(eerste),
                    van=Procent(rij[sleutel]),
                    naar=Procent(volgende[sleutel]),
                )
            )
    return out


def notitie_signalen(notities: list[dict[str, Any]]) -> list[Signaal]:
    """What the input conversion noted: a werkloosheidstermijn, a short detention, a named bijstand activity, a
    conversion of hours."""
    out: list[Signaal] = []
    for n in notities:
        if n["soort"] == "werkloosheidstermijn":
            waarden: dict[str, Any] = {
                "ouder": Rol("aanvrager" if n["ouder"] == "aanvrager" else "partner"),
                "laatste_werkdag": n["laatste_werkdag"],
                "einde": n["einde_termijn"],
            }
            if n["verlenging_dagen"]:
                out.append(
                    Signaal.van(
                        "werkloosheidstermijn.verlengd",
                        "waarschuwing",
                        bronnen=(wko("1.6", 5),),
                        dagen=int(n["verlenging_dagen"]),
                        **waarden,
                    )
                )
            else:
                out.append(Signaal.van("werkloosheidstermijn", "waarschuwing", bronnen=(wko("1.6", 5),), **waarden))
            if n["bevalling_geschat"]:
                out.append(Signaal.van("aanname.bevalling_geschat", "aanname", bronnen=(wko("1.6", 5),)))
        elif n["soort"] == "detentie" and not n["langer"]:
            out.append(Signaal.van("detentie.kort", "waarschuwing", bronnen=(wko("1.6", 10),)))
        elif n["soort"] == "activiteit":
            out.append(
                Signaal.van(
                    "activiteit.bijstand",
                    "waarschuwing",
                    bronnen=(wko("1.6", 1, "c"),),
                    uitleg=n["classificatie"].uitleg,
                )
            )
        elif n["soort"] == "omrekening":
            out.append(Signaal.van("aanname.omrekening", "aanname", tekst=n["tekst"]))
    return out


def aanvraagdatum_signaal(gegeven: dt.date | None, gebruikt: dt.date) -> list[Signaal]:
    if gegeven is not None:
        return []
    return [Signaal.van("aanname.aanvraagdatum_vandaag", "aanname", bronnen=(wko("1.3", 2, "b"),), vandaag=gebruikt)]


def dagfactor(b: Any) -> list[Signaal]:
    """Care that starts or ends within a month: that month by days, the practice as one indirect source shows it."""
    if getattr(b, "dagen", None) is None:
        return []
    return [Signaal.van("aanname.dagfactor", "aanname", bronnen=(wko("1.3", 2), bkot("2")))]


def urenpotje_op(u: Uitkomst) -> list[Signaal]:
    if int(u.uren_cu.sum()) < int(u.uren_na_maandgrens_cu.sum()):
        return [Signaal.van("urenpotje.op", "waarschuwing", bronnen=(bkot("8a"),))]
    return []
