"""The voorwaardencheck: with incomplete input, per condition voldaan / niet_voldaan / onbekend, and for each unknown
the question still to ask and why the law needs it. No table is needed; no amount is computed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from kotwijzer.berekening.condities import aanspraak_conditie, ouder_conditie_nieuw
from kotwijzer.berekening.opbouw import bronnen_uit
from kotwijzer.explain.signaaltekst import tekst, tekst_van
from kotwijzer.invoer import Batch, OntbrekendeInvoer, naar_batch
from kotwijzer.kern import Uitkomst, bereken_batch, maand_aanspraak
from kotwijzer.model import Conditie, Huishouden, VoorwaardencheckResultaat, Vraag
from kotwijzer.params import JaarParameters, parameters_voor_jaar
from kotwijzer.rules import codes as c
from kotwijzer.signalen import Signaal
from kotwijzer.wetten.bron import Bron, awir, bkot, wko

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron

# per open question: the provisions that make it matter (the words are in kotwijzer.explain.signaaltekst, "vraag.*")
VRAAG_BRONNEN: dict[str, tuple[Bron, ...]] = {
    "berekeningsjaar": (),
    "aanvrager.situaties": (wko("1.6", 1),),
    "partner.situaties": (wko("1.6", 3), wko("1.6", 8), wko("1.6", 10)),
    "toetsingsinkomen": (awir("7", 1), bkot("8", 2)),
    "kinderen": (wko("1.1"), wko("1.5", 1)),
    "aanvraagdatum": (wko("1.3", 2, "b"),),
    "voorziening": (wko("1.6", 1, "c"),),
}


def vraag(code: str, veld: str | None = None) -> Vraag:
    return Vraag(
        code=code,
        veld=veld or code,
        vraag=tekst_van(f"vraag.{code}"),
        waarom=tekst_van(f"vraag.{code}.waarom"),
        bronnen=bronnen_uit(VRAAG_BRONNEN[code]),
    )


def _open_vragen(data: dict[str, Any]) -> tuple[dict[str, Any], list[Vraag]]:
    """The questions the input leaves open; a missing year is taken to be this year."""
    vragen: list[Vraag] = []
    if "berekeningsjaar" not in data:
        vragen.append(vraag("berekeningsjaar"))
        data["berekeningsjaar"] = dt.date.today().year
    aanvrager = data.get("aanvrager") or {}
    partner = data.get("partner")
    if not isinstance(aanvrager, dict) or not (partner is None or isinstance(partner, dict)):
        Huishouden.model_validate(data)  # raises a ValidationError that names the field
    if not aanvrager.get("situaties"):
        vragen.append(vraag("aanvrager.situaties"))
    data["aanvrager"] = aanvrager
    if partner is not None and not partner.get("situaties") and not data.get("partner_is_bloedverwant"):
        vragen.append(vraag("partner.situaties"))
    if data.get("toetsingsinkomen") is None:
        vragen.append(vraag("toetsingsinkomen"))
    if not data.get("kinderen"):
        vragen.append(vraag("kinderen"))
    if data.get("aanvraagdatum") is None:
        vragen.append(vraag("aanvraagdatum"))
    return data, vragen


def _batch(h: Huishouden, p: JaarParameters, aanvraagdatum: dt.date, catalogus: CatalogusBron) -> Batch:
    try:
        return naar_batch(h, p, aanvraagdatum=aanvraagdatum, catalogus=catalogus)
    except OntbrekendeInvoer as e:
        if not (e.veld.endswith("uren_per_maand") or e.veld.endswith("uren_per_maand_voor_einde")):
            raise
    # hours only matter for the amount in the KGU years, not for the right itself
    h2 = h.model_copy(deep=True)
    for o in (h2.aanvrager, h2.partner):
        if o is None:
            continue
        for per in o.situaties:
            if per.situatie == "arbeid" and per.uren_per_maand is None:
                per.uren_per_maand = Decimal(0)
        if o.laatste_werkdag_vorig_jaar and o.uren_per_maand_voor_einde is None:
            o.uren_per_maand_voor_einde = Decimal(0)
    return naar_batch(h2, p, aanvraagdatum=aanvraagdatum, catalogus=catalogus)


Oordeel = Literal["recht", "geen_recht", "onbekend"]


def _samenvatting(u: Uitkomst, jaar: int, maanden: list[int], met_situaties: bool) -> tuple[Oordeel, Signaal]:
    assert u.reden is not None
    redenen = [c.REDEN_PER_NUMMER[int(r)] for r in u.reden[0]]
    if maanden:
        eerste = c.REDEN_PER_NUMMER[int(u.reden[0, maanden[0] - 1])]
        return "recht", Signaal.van(
            "samenvatting.recht",
            "samenvatting",
            tuple(maanden),
            eerste.bronnen,
            aantal=len(maanden),
            jaar=jaar,
            reden=eerste.uitleg,
        )
    if any(r.code == "onbekend" for r in redenen) or not met_situaties:
        return "onbekend", Signaal.van("samenvatting.onbekend", "samenvatting")
    if u.verloren[0].any():
        te_laat = c.REDEN_PER_CODE["te_laat_aangevraagd"]
        return "geen_recht", Signaal.van(
            "samenvatting.te_laat",
            "samenvatting",
            bronnen=te_laat.bronnen,
            aantal=int(u.verloren[0].sum()),
            jaar=jaar,
            reden=te_laat.uitleg,
        )
    return "geen_recht", Signaal.van(
        "samenvatting.geen_recht", "samenvatting", bronnen=redenen[0].bronnen, jaar=jaar, reden=redenen[0].uitleg
    )


def _condities(h: Huishouden, b: Batch, u: Uitkomst) -> list[Conditie]:
    assert u.reden is not None
    condities: list[Conditie] = []
    jaar = h.berekeningsjaar
    heeft_partner = h.partner is not None and not h.partner_is_bloedverwant
    sit = b.sit[0].tolist()
    for m in range(12):
        for i, rol in enumerate(("aanvrager", "partner") if heeft_partner else ("aanvrager",)):
            cnd = ouder_conditie_nieuw(sit[i][m], rol, u.uitzondering, u.lid1, jaar)
            cnd.code = f"{cnd.code}_{m + 1}"
            condities.append(cnd)
    redenen = [c.REDEN_PER_NUMMER[int(r)] for r in u.reden[0]]
    condities += [aanspraak_conditie(r, jaar) for r in {r.code: r for r in redenen}.values()]
    return condities


def voorwaardencheck(
    data: dict[str, Any] | Huishouden, vandaag: dt.date | None = None, catalogus: CatalogusBron = None
) -> VoorwaardencheckResultaat:
    """Accepts incomplete input. Per condition: voldaan / niet_voldaan / onbekend, and for each unknown the question
    still to ask and why the law needs it. No table is needed; no amount is computed. Without an aanvraagdatum the
    application is taken to be made `vandaag` (default: today), as in `bereken`; a named activity is classified with
    the municipal `catalogus` (None: the shipped example data)."""
    if isinstance(data, Huishouden):
        data = data.model_dump(mode="json", exclude_none=True)
    data, vragen = _open_vragen(dict(data or {}))
    h = Huishouden.model_validate(data)
    p = parameters_voor_jaar(h.berekeningsjaar)
    b = _batch(h, p, h.aanvraagdatum or vandaag or dt.date.today(), catalogus)
    u = bereken_batch(b, met_bedrag=False, params=p)
    recht = maand_aanspraak(u, b)[0]
    maanden = [m + 1 for m in range(12) if recht[m]]
    condities = _condities(h, b, u)
    if any(((int(b.sit[0, i, m]) & c.ONBEKEND) != 0) for i in range(2) for m in range(12)):
        vragen.append(vraag("voorziening"))
    oordeel, s = _samenvatting(u, h.berekeningsjaar, maanden, bool(data["aanvrager"].get("situaties")))
    return VoorwaardencheckResultaat(
        berekeningsjaar=h.berekeningsjaar,
        oordeel=oordeel,
        samenvatting=tekst(s),
        condities=condities,
        vragen=vragen,
        maanden_met_aanspraak=maanden,
    )
