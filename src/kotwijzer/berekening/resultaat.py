"""One household: input -> arrays -> rules -> result with a structured trace.

`bereken()` runs the same vectorised kernel as the microsimulation (a batch of one) and reads the trace off the
intermediate arrays and off what the kernel hands over (`Uitkomst.gelezen`, `.maximum_uurprijs`, `.tabel`): which
conditions passed, failed or are unknown (with the missing input), which parameters were read (with source and
status), and the citations of every step. The facts become signals (`kotwijzer.signalen`); their words come
from `kotwijzer.explain.signaaltekst`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kotwijzer.bereik import bereik_voor
from kotwijzer.berekening import meldingen, termijn
from kotwijzer.berekening.maanden import Jaarstand, invoer, maanden
from kotwijzer.berekening.ontbrekend import aangekondigd, ontbrekend
from kotwijzer.berekening.opbouw import bouw, cent, kosten_dec, uren
from kotwijzer.berekening.parameters import gelezen_parameters, rij_van
from kotwijzer.berekening.urenpotjes import urenpotjes
from kotwijzer.explain.signaaltekst import tekst
from kotwijzer.invoer import Batch, naar_batch
from kotwijzer.kern import Uitkomst, bereken_batch
from kotwijzer.model import Huishouden, Jaartotaal, Maanduitkomst, Ontbrekend, Resultaat
from kotwijzer.params import parameters_voor_jaar
from kotwijzer.signalen import Signaal

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron


def _bedragen(stand: Jaarstand, maanden_: list[Maanduitkomst]) -> str:
    if stand.bedrag_compleet:
        return "volledig"
    bekend_iets = any(k.toeslag is not None and k.uren_in_aanmerking > 0 for mm in maanden_ for k in mm.kinderen)
    return "gedeeltelijk" if (bekend_iets and stand.uren > 0) else "ontbreekt"


def _jaartotaal(u: Uitkomst, stand: Jaarstand, maanden_met_aanspraak: int) -> Jaartotaal:
    werk_tot = kosten_dec(stand.werkelijk_e)
    compleet = stand.bedrag_compleet
    return bouw(
        Jaartotaal,
        toeslag=cent(stand.toeslag) if compleet else None,
        kosten=kosten_dec(stand.kosten_e) if u.kosten_e is not None else None,
        werkelijke_kosten=werk_tot,
        eigen_bijdrage=(werk_tot - cent(stand.toeslag)) if compleet else None,
        uren_in_aanmerking=uren(stand.uren),
        maanden_met_aanspraak=maanden_met_aanspraak,
    )


def bouw_resultaat(h: Huishouden, b: Batch, u: Uitkomst, aanvraagdatum: dt.date) -> Resultaat:
    """The result of one household-year from the kernel's outcome."""
    rij = rij_van(u, h.toetsingsinkomen)
    heeft_partner = h.partner is not None and not h.partner_is_bloedverwant
    mnd, stand = maanden(invoer(h, b, u, rij))
    mnd_zonder = [mm.maand for mm in mnd if mm.toeslag is None]
    ontbreekt = ontbrekend(u, h.toetsingsinkomen, rij, mnd_zonder, stand.ontbrekende_cel_maanden)
    uiterlijk, verloren, te_laat = termijn.termijn(u, aanvraagdatum)
    signalen: list[Signaal] = []
    if u.prijs_fout is not None and mnd_zonder:
        signalen += [s for s in (aangekondigd(u.jaar),) if s is not None]
    signalen += meldingen.tabel_signalen(u, rij, stand)
    signalen += meldingen.inkomensgrens(u, h.toetsingsinkomen, rij)
    signalen += meldingen.aanvraagdatum_signaal(h.aanvraagdatum, aanvraagdatum)
    signalen += [te_laat] if te_laat is not None else []
    signalen += meldingen.notitie_signalen(b.notities)
    signalen += meldingen.urenpotje_op(u)
    signalen += meldingen.dagfactor(b)
    ontbrekend_uit = [Ontbrekend(code=code, uitleg=tekst(s), maanden=list(s.maanden)) for code, s in ontbreekt]
    return bouw(
        Resultaat,
        {"_signalen": [s for _, s in ontbreekt] + signalen},
        berekeningsjaar=u.jaar,
        toetsingsinkomen=h.toetsingsinkomen,
        tabel_status=u.tabel.status if u.tabel is not None else "ontbreekt",
        maanden=mnd,
        jaar=_jaartotaal(u, stand, sum(1 for mm in mnd if mm.aanspraak)),
        urenpotjes=urenpotjes(u, heeft_partner),
        parameters=gelezen_parameters(u, rij),
        waarschuwingen=[tekst(s) for s in signalen if s.soort == "waarschuwing"],
        aannames=[tekst(s) for s in signalen if s.soort == "aanname"],
        bedragen=_bedragen(stand, mnd),
        ontbrekend=ontbrekend_uit,
        rekenfout=" ".join(o.uitleg for o in ontbrekend_uit) or None,
        aanvraagdatum=aanvraagdatum,
        aanvragen_uiterlijk=uiterlijk,
        verloren_maanden=verloren,
        bereik=bereik_voor(
            b, u.params, u, [k.label or f"kind {i + 1}" for i, k in enumerate(h.kinderen)], h.toetsingsinkomen
        ),
    )


def bereken(
    h: Huishouden | dict[str, Any], vandaag: dt.date | None = None, catalogus: CatalogusBron = None
) -> Resultaat:
    """Decide and compute KOT for one household-year. Raises `OntbrekendeInvoer` (missing or wrong input, with the
    field). Missing law data (no table, a missing cell, no fixed maximum uurprijs) or a missing toetsingsinkomen never
    hides what the law decides: the result has aanspraak, reasons and hours, and leaves out only the amounts that need
    the missing data (`Resultaat.bedragen`, `Resultaat.ontbrekend`). Without an aanvraagdatum the application is taken
    to be made `vandaag` (default: today). An activity named in the input is classified with the municipal
    `catalogus` (`kotwijzer.municipal.CatalogusBron`; None: the shipped example data)."""
    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    p = parameters_voor_jaar(h.berekeningsjaar)
    aanvraagdatum = h.aanvraagdatum or vandaag or dt.date.today()
    b = naar_batch(h, p, aanvraagdatum=aanvraagdatum, catalogus=catalogus)
    u = bereken_batch(b, True, p)
    return bouw_resultaat(h, b, u, aanvraagdatum)
