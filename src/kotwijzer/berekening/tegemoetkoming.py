"""Wko art. 1.13: the municipal top-up (aanvullende tegemoetkoming) next to the KOT of one household."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kotwijzer.berekening.opbouw import cent
from kotwijzer.berekening.resultaat import bereken
from kotwijzer.invoer import OntbrekendeInvoer, naar_batch
from kotwijzer.kern import bereken_batch
from kotwijzer.model import Huishouden
from kotwijzer.params import OntbrekendeWetgeving, parameters_voor_jaar
from kotwijzer.rules import bedrag as rb
from kotwijzer.rules import codes as c

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron


def gemeentelijke_tegemoetkoming(
    h: Huishouden | dict[str, Any], gemeente_code: str | None = None, catalogus: CatalogusBron = None
) -> dict[str, Any]:
    """Wko art. 1.13: per month and child, the municipal top-up for a household in which a parent is in onderdeel c, e
    or j (k and l are not in force): at most kosten (hours x price capped at the maximum uurprijs) minus KOT, then the
    municipality's policy; what stays with the parent is the eigen bijdrage. The municipality is the one named with the
    bijstand activity, or `gemeente_code`; its policy and the verdict on a named activity come from the same
    `catalogus` (`kotwijzer.municipal.CatalogusBron`; None: the shipped example data)."""
    from kotwijzer.municipal import catalogus_van
    from kotwijzer.municipal.tegemoetkoming import bereken_tegemoetkoming

    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    cat = catalogus_van(catalogus)  # resolved once: the verdict and the policy read the same catalogue
    r = bereken(h, catalogus=cat)
    p = parameters_voor_jaar(h.berekeningsjaar)
    b = naar_batch(h, p, aanvraagdatum=r.aanvraagdatum, catalogus=cat)
    u = bereken_batch(b, True, p)
    if gemeente_code is None:
        codes = [per.gemeente_code for o in (h.aanvrager, h.partner) if o for per in o.situaties if per.gemeente_code]
        if not codes:
            raise OntbrekendeInvoer("gemeente_code", "Geef de gemeente op (CBS-code, bijvoorbeeld GM0363).")
        gemeente_code = codes[0]
    beleid = cat.beleid_van(gemeente_code)
    if beleid is None:
        raise OntbrekendeInvoer(
            "gemeente_code", f"Van gemeente {gemeente_code} is geen beleid voor de tegemoetkoming bekend."
        )
    if u.kosten_e is None or u.werkelijke_kosten_e is None or u.toeslag_cent is None:
        raise OntbrekendeWetgeving(r.rekenfout or f"Voor {h.berekeningsjaar} zijn de bedragen niet te berekenen.")
    doel = ((b.sit & (c.C | c.E | c.J)) != 0).any(axis=1)[0]  # [12]: a parent in onderdeel c, e or j
    kosten_cent = rb.afronden_cent(u.kosten_e[0])
    werk_cent = rb.afronden_cent(u.werkelijke_kosten_e[0])
    t = bereken_tegemoetkoming(kosten_cent, u.toeslag_cent[0], werk_cent, beleid, doelgroep=doel[None, :])
    maanden = []
    for m in range(12):
        kinderen = []
        for k in range(len(h.kinderen)):
            if b.soort[0, k, m] == 0:
                continue
            kinderen.append(
                {
                    "kind": k + 1,
                    "kosten": cent(int(kosten_cent[k, m])),
                    "toeslag": cent(int(u.toeslag_cent[0, k, m])),
                    "aanvullende_tegemoetkoming": cent(int(t.aanvullend_cent[k, m])),
                    "boven_wettelijk": cent(int(t.boven_wettelijk_cent[k, m])),
                    "eigen_bijdrage": cent(int(t.eigen_bijdrage_cent[k, m])),
                }
            )
        maanden.append({"maand": m + 1, "doelgroep": bool(doel[m]), "kinderen": kinderen})
    return {
        "gemeente_code": gemeente_code,
        "beleid": beleid.model_dump(mode="json"),
        "maanden": maanden,
        "totaal_aanvullend": cent(int(t.aanvullend_cent.sum())),
        "totaal_boven_wettelijk": cent(int(t.boven_wettelijk_cent.sum())),
        "totaal_eigen_bijdrage": cent(int(t.eigen_bijdrage_cent.sum())),
        "afronding": t.afronding,
        "bronnen": [x.kort() for x in t.bron],
        "resultaat": r,
    }
