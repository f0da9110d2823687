"""The service layer: what the API and the web pages both need (neither adapter owns it): call the core, render its explanation and next steps, and translate
a 'wat als' change into a second input. Nothing here decides about the law; every verdict and amount comes from
`kotwijzer.compute`, every explanation from `kotwijzer.explain`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kotwijzer.compute import bereken, voorschot_vs_definitief, voorwaardencheck
from kotwijzer.formaat import MAANDNAMEN, euro, getal, hele_euro  # noqa: F401 - euro and hele_euro for the adapters
from kotwijzer.i18n import N_
from kotwijzer.invoer import OntbrekendeInvoer
from kotwijzer.model import Datum, Huishouden, Maand, Opvang, Periode, Resultaat, Situatie
from kotwijzer.params import OngeldigeWetgeving, OntbrekendeWetgeving
from kotwijzer.wetten.bron import WETTEN

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron

log = logging.getLogger("kotwijzer.diensten")

# Plain-language names of the situations (B1), for forms and descriptions.
SITUATIE_TEKST: dict[str, str] = {
    "arbeid": N_("Werk (in loondienst of eigen bedrijf)"),
    "meewerkend_partner": N_("Meewerken zonder loon in het bedrijf van de partner"),
    "bijstand_traject": N_("Uitkering (bijstand, IOAW, IOAZ of Anw) met een activiteit of traject van de gemeente"),
    "werkzoekende_traject": N_("Werkzoekend zonder uitkering, met een traject naar werk van de gemeente"),
    "ww_traject": N_("WW-uitkering met een traject of scholing via UWV"),
    "arbeidsongeschikt_reintegratie": N_("Arbeidsongeschikt of ziek, met re-integratie"),
    "jonger_dan_18_bijstand_scholing": N_("Jonger dan 18 jaar, met bijstand, en volgt scholing"),
    "studie": N_("Studie of opleiding"),
    "inburgering": N_("Inburgeringscursus of -opleiding"),
    "inburgering_overige_activiteit": N_("Een ander onderdeel van inburgering (niet de cursus of opleiding)"),
    "sociaal_medische_indicatie": N_("Sociaal-medische indicatie van de gemeente"),
    "wlz_permanent": N_("Wlz-indicatie van het CIZ (blijvend)"),
    "wlz_tijdelijk": N_("Wlz-indicatie van het CIZ (tijdelijk)"),
    "detentie": N_("Detentie (gevangenis of een andere vrijheidsstraf of maatregel)"),
    "geen": N_("Geen van deze (bijvoorbeeld thuis voor de kinderen)"),
}
assert set(SITUATIE_TEKST) == {s.value for s in Situatie}, "every situation needs a plain-language name"

OPVANG_TEKST = {
    "dagopvang": N_("Dagopvang (kinderdagverblijf)"),
    "buitenschoolse_opvang": N_("Buitenschoolse opvang (bso)"),
    "gastouderopvang": N_("Gastouderopvang"),
}

REKENFOUTEN = (OntbrekendeInvoer, OntbrekendeWetgeving, OngeldigeWetgeving)


def rekenfout_melding(e: Exception) -> str:
    if isinstance(e, OntbrekendeInvoer):
        return e.bericht
    return str(e)


# --------------------------------------------------------------------------------------------- explanation
def wet_url(wet: str, peildatum: dt.date) -> str | None:
    w = WETTEN.get(wet)
    return f"https://wetten.overheid.nl/{w[1]}/{peildatum.isoformat()}" if w else None


def _citaten(r: Resultaat, m) -> list[Any]:
    """The citations of one month, in the order the explanation uses them (no law text)."""
    from kotwijzer.explain.uitleg import maand_bronnen

    return maand_bronnen(m)


def uitleg_blokken(r: Resultaat) -> tuple[list[dict[str, Any]], bool]:
    """Per month: title, lines and the cited articles. With the law text when `kotwijzer.wetten` can give it;
    without it (only citation and a link) when it cannot."""
    from kotwijzer.explain import uitleg

    met_tekst = True
    try:
        blokken = uitleg(r, met_wettekst=True)
    except (ImportError, LookupError, KeyError, ValueError, OSError) as e:
        log.info("wettekst niet beschikbaar: %s", type(e).__name__)
        met_tekst = False
        blokken = uitleg(r, met_wettekst=False)
    uit = []
    for b in blokken:
        m = r.maanden[b.maand - 1]
        tot = getattr(b, "tot_maand", 0) or b.maand
        peil = dt.date(r.berekeningsjaar, b.maand, 1)
        if met_tekst and b.bronnen:
            bronnen = [
                {
                    "citaat": x.get("citaat"),
                    "tekst": x.get("tekst"),
                    "versie": x.get("versie"),
                    "url": x.get("url") or wet_url(_wet_van(x.get("citaat", "")), peil),
                    "terugval": bool(x.get("terugval")),
                    "opmerking": x.get("opmerking"),
                }
                for x in b.bronnen
            ]
        else:
            bronnen = [
                {
                    "citaat": c.citaat,
                    "tekst": None,
                    "versie": None,
                    "url": wet_url(c.wet, peil),
                    "terugval": False,
                    "opmerking": None,
                }
                for c in _citaten(r, m)
            ]
        uit.append(
            {
                "maand": b.maand,
                "tot_maand": tot,
                "titel": b.titel,
                "aanspraak": bool(m.aanspraak),
                "regels": list(b.regels),
                "bronnen": bronnen,
            }
        )
    return uit, met_tekst


def voeg_versies_samen(blokken: list[dict[str, Any]], jaar: int) -> list[dict[str, Any]]:
    """Merge consecutive explanation blocks that say the same and cite the same articles, and differ only in the
    version of the law (a new consolidation on 1 July does not change the explanation). Per article the text of each
    version is kept once; versions with the same text are one entry."""
    from kotwijzer.explain.uitleg import maand_titel

    uit: list[dict[str, Any]] = []
    for b in blokken:
        vorige = uit[-1] if uit else None
        if (
            vorige is not None
            and vorige["tot_maand"] + 1 == b["maand"]
            and vorige["aanspraak"] == b["aanspraak"]
            and vorige["regels"] == b["regels"]
            and [x["citaat"] for x in vorige["bronnen"] if not x.get("_extra")] == [x["citaat"] for x in b["bronnen"]]
        ):
            vorige["tot_maand"] = b["tot_maand"]
            bekend = {(x["citaat"], x.get("tekst")) for x in vorige["bronnen"]}
            for x in b["bronnen"]:
                if (x["citaat"], x.get("tekst")) not in bekend:
                    vorige["bronnen"].append({**x, "_extra": True})
            continue
        uit.append({**b, "bronnen": [dict(x) for x in b["bronnen"]]})
    for b in uit:
        van, tot = b["maand"], b["tot_maand"]
        b["titel"] = maand_titel(van, tot, jaar)  # in the language of the page
        # articles in citation order, each version of an article right after the previous one
        volgorde = list(dict.fromkeys(x["citaat"] for x in b["bronnen"]))
        b["bronnen"] = [
            {k: v for k, v in x.items() if k != "_extra"} for c in volgorde for x in b["bronnen"] if x["citaat"] == c
        ]
    return uit


def _wet_van(citaat: str) -> str:
    return citaat.rsplit(" ", 1)[-1] if citaat else ""


def stappen_lijst(h: Huishouden, r: Resultaat, catalogus: CatalogusBron = None) -> list[dict[str, Any]]:
    from kotwijzer.explain import stappen

    return [dataclasses.asdict(s) for s in stappen(h, r, catalogus=catalogus)]


def berekening(h: Huishouden, catalogus: CatalogusBron = None) -> dict[str, Any]:
    """Result + explanation + next steps. Raises the core's errors (missing input or law data). Every function here
    takes the municipal `catalogus` the caller uses (`kotwijzer.municipal.CatalogusBron`; None: the shipped example
    data) and hands it to the core."""
    r = bereken(h, catalogus=catalogus)
    blokken, met_tekst = uitleg_blokken(r)
    return {
        "resultaat": r,
        "uitleg": blokken,
        "stappen": stappen_lijst(h, r, catalogus),
        "wettekst_beschikbaar": met_tekst,
    }


# ----------------------------------------------------------------------------------------------- summaries
def kort(h: Huishouden, catalogus: CatalogusBron = None) -> dict[str, Any]:
    """Verdict (from the voorwaardencheck) and, when it can be computed, the amounts."""
    vc = voorwaardencheck(h, catalogus=catalogus)
    uit: dict[str, Any] = {
        "oordeel": vc.oordeel,
        "samenvatting": vc.samenvatting,
        "toeslag_jaar": None,
        "eigen_bijdrage_jaar": None,
        "maanden_met_aanspraak": list(vc.maanden_met_aanspraak),
        "toeslag_per_maand": [],
        "melding": None,
        "resultaat": None,
    }
    try:
        r = bereken(h, catalogus=catalogus)
    except REKENFOUTEN as e:
        uit["melding"] = rekenfout_melding(e)
        return uit
    uit.update(
        toeslag_jaar=r.jaar.toeslag,
        eigen_bijdrage_jaar=r.jaar.eigen_bijdrage,
        maanden_met_aanspraak=[m.maand for m in r.maanden if m.aanspraak],
        toeslag_per_maand=[m.toeslag for m in r.maanden],
        resultaat=r,
        # an amount that needs missing law data or input is absent; the result still has aanspraak and hours
        melding=r.rekenfout if r.bedragen != "volledig" else None,
    )
    return uit


def samenvatting_voor_opslag(h: Huishouden, catalogus: CatalogusBron = None) -> dict[str, Any]:
    """The computed summary stored beside a scenario version (JSON-safe)."""
    try:
        k = kort(h, catalogus)
    except REKENFOUTEN as e:
        return {"status": "niet_berekend", "berekeningsjaar": h.berekeningsjaar, "melding": rekenfout_melding(e)}
    uit = {
        "status": "berekend" if k["melding"] is None else "niet_berekend",
        "berekeningsjaar": h.berekeningsjaar,
        "oordeel": k["oordeel"],
        "maanden_met_aanspraak": k["maanden_met_aanspraak"],
        "melding": k["melding"],
    }
    if k["melding"] is None:
        uit["toeslag_jaar"] = str(k["toeslag_jaar"])
        uit["eigen_bijdrage_jaar"] = str(k["eigen_bijdrage_jaar"])
        uit["toeslag_per_maand"] = [None if x is None else str(x) for x in k["toeslag_per_maand"]]
    return uit


# ------------------------------------------------------------------------------------------------ wat als
class Wijziging(BaseModel):
    """Eén ding anders: het inkomen, de opvanguren van één kind, of de situatie van een ouder vanaf een maand.
    (The request shape of POST /api/v1/wat-als and of the web page's 'wat als' form.)"""

    model_config = ConfigDict(extra="forbid")

    soort: Literal["inkomen", "uren", "situatie"]
    toetsingsinkomen: int | None = Field(None, ge=0, le=100_000_000, description="Bij soort=inkomen")
    kind: int | None = Field(None, ge=1, le=12, description="Bij soort=uren: het kind (1 = het eerste kind)")
    uren_per_maand: Decimal | None = Field(None, ge=0, le=744, decimal_places=2, description="Bij soort=uren")
    ouder: Literal["aanvrager", "partner"] | None = Field(None, description="Bij soort=situatie")
    situatie: Situatie | None = Field(None, description="Bij soort=situatie: de nieuwe situatie")
    vanaf_maand: Maand | None = Field(None, description="Bij soort=situatie: de eerste maand van de nieuwe situatie")
    werkuren_per_maand: Decimal | None = Field(
        None,
        ge=0,
        le=744,
        decimal_places=2,
        description="Bij soort=situatie en arbeid: gewerkte uren per maand (2021 en 2022)",
    )
    voorziening_gericht_op_arbeidsinschakeling: bool | None = Field(
        None, description="Bij soort=situatie en een traject: is het een voorziening gericht op werk?"
    )
    detentie_einde: Datum | None = Field(None, description="Bij soort=situatie en detentie: einddatum van de straf")


class OngeldigeWijziging(ValueError):
    def __init__(self, veld: str, melding: str):
        super().__init__(f"{veld}: {melding}")
        self.veld = veld
        self.melding = melding


def _knip_periode(p: Periode, jaar: int, maand: int) -> list[Periode]:
    """The part of a period before the first day of `maand` (empty when it starts later)."""
    grens = dt.date(jaar, maand, 1)
    if p.maanden is not None:
        ms = [m for m in p.maanden if m < maand]
        return [p.model_copy(update={"maanden": ms})] if ms else []
    assert p.van is not None
    if p.van >= grens:
        return []
    if p.tot is None or p.tot >= grens:
        update: dict[str, Any] = {"tot": grens - dt.timedelta(days=1)}
        if p.situatie == Situatie.detentie and p.detentie_einde is None:
            update["detentie_einde"] = p.tot  # the sentence itself does not get shorter
        return [p.model_copy(update=update)]
    return [p]


def pas_wijziging_toe(h: Huishouden, w: Wijziging) -> tuple[Huishouden, str]:
    """A copy of the household with one thing changed, and a description of the change in plain Dutch."""
    if w.soort == "inkomen":
        if w.toetsingsinkomen is None:
            raise OngeldigeWijziging("wijziging.toetsingsinkomen", "Vul het nieuwe inkomen in.")
        oud = h.toetsingsinkomen
        tekst = f"Gezamenlijk inkomen {hele_euro(w.toetsingsinkomen)}" + (
            f" in plaats van {hele_euro(oud)}" if oud is not None else ""
        )
        return h.model_copy(update={"toetsingsinkomen": w.toetsingsinkomen}), tekst
    if w.soort == "uren":
        if w.kind is None or w.uren_per_maand is None:
            raise OngeldigeWijziging(
                "wijziging.kind" if w.kind is None else "wijziging.uren_per_maand",
                "Kies het kind en vul het nieuwe aantal uren per maand in.",
            )
        if w.kind > len(h.kinderen):
            raise OngeldigeWijziging("wijziging.kind", f"Er is geen kind {w.kind} ingevuld.")
        kind = h.kinderen[w.kind - 1]
        if not kind.opvang:
            raise OngeldigeWijziging("wijziging.kind", f"Voor kind {w.kind} is geen opvang ingevuld.")
        # hours may have been given per month, per week or per year; the new figure is per month and replaces them
        oude_uren = " / ".join(_oude_uren(o) for o in kind.opvang)
        nieuw_kind = kind.model_copy(
            update={
                "opvang": [
                    o.model_copy(
                        update={"uren_per_maand": w.uren_per_maand, "uren_per_week": None, "uren_per_jaar": None}
                    )
                    for o in kind.opvang
                ]
            }
        )
        kinderen = list(h.kinderen)
        kinderen[w.kind - 1] = nieuw_kind
        naam = kind.label or f"kind {w.kind}"
        tekst = (
            f"{naam[0].upper() + naam[1:]}: {_uren(w.uren_per_maand)} uur opvang per maand in plaats van {oude_uren}"
        )
        return h.model_copy(update={"kinderen": kinderen}), tekst
    # situatie vanaf een maand
    if w.ouder is None or w.situatie is None or w.vanaf_maand is None:
        raise OngeldigeWijziging(
            "wijziging.situatie", "Kies de ouder, de nieuwe situatie en de maand waarin die begint."
        )
    ouder = h.aanvrager if w.ouder == "aanvrager" else h.partner
    if ouder is None:
        raise OngeldigeWijziging("wijziging.ouder", "Er is geen partner ingevuld.")
    jaar = h.berekeningsjaar
    perioden: list[Periode] = []
    for p in ouder.situaties:
        perioden.extend(_knip_periode(p, jaar, w.vanaf_maand))
    nieuw: dict[str, Any] = {"situatie": w.situatie, "van": dt.date(jaar, w.vanaf_maand, 1)}
    if w.situatie == Situatie.arbeid and w.werkuren_per_maand is not None:
        nieuw["uren_per_maand"] = w.werkuren_per_maand
    if w.situatie in (Situatie.bijstand_traject, Situatie.werkzoekende_traject):
        nieuw["voorziening_gericht_op_arbeidsinschakeling"] = w.voorziening_gericht_op_arbeidsinschakeling
    if w.situatie == Situatie.detentie:
        nieuw["detentie_einde"] = w.detentie_einde
        if w.detentie_einde is not None and w.detentie_einde >= nieuw["van"]:
            nieuw["tot"] = w.detentie_einde
    perioden.append(Periode.model_validate(nieuw))
    nieuwe_ouder = ouder.model_copy(update={"situaties": perioden})
    wie = "De aanvrager" if w.ouder == "aanvrager" else "De partner"
    tekst = f"{wie} vanaf {MAANDNAMEN[w.vanaf_maand - 1]} {jaar}: {SITUATIE_TEKST[w.situatie.value].lower()}"
    return h.model_copy(update={w.ouder: nieuwe_ouder}), tekst


def _oude_uren(o: Opvang) -> str:
    """The hours of one line of childcare as the parent gave them: per month (bare number), per week or per year."""
    if o.uren_per_maand is not None:
        return _uren(o.uren_per_maand)
    if o.uren_per_week is not None:
        return f"{_uren(o.uren_per_week)} uur per week"
    if o.uren_per_jaar is not None:
        return f"{_uren(o.uren_per_jaar)} uur per jaar"
    return "onbekend"  # the model refuses childcare without hours; kept so the text never shows a Python value


def _uren(u: Decimal) -> str:
    return getal(Decimal(u), None, duizendtallen=False)


def wat_als(h: Huishouden, w: Wijziging, catalogus: CatalogusBron = None) -> dict[str, Any]:
    h2, tekst = pas_wijziging_toe(h, w)
    # validate the changed household as a whole (a change can make the input inconsistent)
    h2 = Huishouden.model_validate(h2.model_dump(mode="json", exclude_none=True))
    a, b = kort(h, catalogus), kort(h2, catalogus)
    per_maand = []
    for m in range(12):
        ta = a["toeslag_per_maand"][m] if a["toeslag_per_maand"] else None
        tb = b["toeslag_per_maand"][m] if b["toeslag_per_maand"] else None
        per_maand.append(
            {
                "maand": m + 1,
                "huidig_recht": (m + 1) in a["maanden_met_aanspraak"],
                "huidig_toeslag": ta,
                "wat_als_recht": (m + 1) in b["maanden_met_aanspraak"],
                "wat_als_toeslag": tb,
                "verschil": (tb - ta) if ta is not None and tb is not None else None,
            }
        )
    verschil = (
        (b["toeslag_jaar"] - a["toeslag_jaar"])
        if a["toeslag_jaar"] is not None and b["toeslag_jaar"] is not None
        else None
    )
    return {
        "omschrijving": tekst,
        "huidig": a,
        "wat_als": b,
        "verschil_jaar": verschil,
        "per_maand": per_maand,
        "invoer_wat_als": h2,
    }


# ----------------------------------------------------------------------------------------------- voorschot
def voorschot(
    h: Huishouden, inkomen_voorschot: int, inkomen_definitief: int, catalogus: CatalogusBron = None
) -> dict[str, Any]:
    v = voorschot_vs_definitief(h, inkomen_voorschot, inkomen_definitief, catalogus)
    return {
        "voorschot": v["voorschot"],
        "definitief": v["definitief"],
        "verschil": v["verschil"],
        "soort": v["soort"],
        "per_maand": [dict(x) for x in v["per_maand"]],
        "toelichting": v["toelichting"],
    }
