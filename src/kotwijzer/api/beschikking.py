"""HTTP API for the assessment check: POST /api/v1/beschikking/controle and /api/v1/beschikking/bezwaarschrift.

Thin: validate, call kotwijzer.beschikking, write JSON or the document. The personal details of a bezwaarschrift are
used to render that one document in memory and are never stored or logged.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import Field

from kotwijzer.api.routes import FOUTEN, openapi_body
from kotwijzer.beschikking.model import ControleVerzoek
from kotwijzer.http.catalogus import kern_catalogus
from kotwijzer.http.fouten import dumps, lees_json, valideer
from kotwijzer.http.rekenpoort import rekenplek
from kotwijzer.model import Basismodel

router = APIRouter(prefix="/api/v1/beschikking", tags=["beschikking"])


class PersoonVelden(Basismodel):
    naam: str = Field("", max_length=120)
    adres: str = Field("", max_length=120)
    postcode_plaats: str = Field("", max_length=120)
    bsn: str = Field("", max_length=12, pattern=r"^[0-9 ]*$")
    kenmerk: str = Field("", max_length=120)


class BezwaarVerzoek(ControleVerzoek):
    persoon: PersoonVelden | None = Field(None, description="Alleen voor dit document; wordt nergens bewaard")
    formaat: Literal["pdf", "tekst"] = "pdf"


@router.post(
    "/controle",
    summary="Controleer een beschikking regel voor regel",
    description="De invoer is het huishouden (de feiten) en wat de brief van Dienst Toeslagen zegt: per kind en periode "
    "de uren, uurprijs, rangorde, het percentage en het bedrag, het totaal, het voorschot en de datum. Het "
    "antwoord geeft per regel wat de wet geeft, elk verschil met de regel die het veroorzaakt, de "
    "nabetaling of terugvordering en de bezwaartermijn.",
    response_model=None,
    responses={200: {"description": "De controle"}, **FOUTEN},
    openapi_extra=openapi_body(ControleVerzoek, "Het huishouden en de brief"),
)
async def controle(request: Request) -> Response:
    from kotwijzer.beschikking import controleer

    def _doe(data) -> bytes:
        v = valideer(ControleVerzoek, data)
        return dumps(controleer(v.invoer, v.beschikking, catalogus=kern_catalogus(request)).model_dump(mode="json"))

    async with rekenplek(request) as reken_hier:
        body = await reken_hier(_doe, await lees_json(request))
    return Response(body, media_type="application/json")


@router.post(
    "/bezwaarschrift",
    summary="Concept-bezwaarschrift (PDF of tekst)",
    description="Zelfde invoer als /controle, met optioneel de persoonsgegevens voor het document (naam, adres, "
    "kenmerk). Die worden alleen in het document gezet en nergens bewaard.",
    response_model=None,
    responses={200: {"description": "Het concept", "content": {"application/pdf": {}, "text/plain": {}}}, **FOUTEN},
    openapi_extra=openapi_body(BezwaarVerzoek, "Het huishouden, de brief en eventueel uw gegevens"),
)
async def bezwaarschrift(request: Request) -> Response:
    from kotwijzer.beschikking import controleer
    from kotwijzer.beschikking.bezwaar import Persoon, bezwaarschrift_pdf, bezwaarschrift_tekst

    def _doe(data) -> tuple[bytes, str]:
        v = valideer(BezwaarVerzoek, data)
        c = controleer(v.invoer, v.beschikking, catalogus=kern_catalogus(request))
        p = Persoon.van(v.persoon.model_dump() if v.persoon else None)
        if v.formaat == "tekst":
            return bezwaarschrift_tekst(c, p).encode("utf-8"), "text/plain; charset=utf-8"
        return bezwaarschrift_pdf(c, p), "application/pdf"

    async with rekenplek(request) as reken_hier:
        body, soort = await reken_hier(_doe, await lees_json(request))
    return Response(
        body,
        media_type=soort,
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": 'attachment; filename="bezwaarschrift.pdf"'
            if soort == "application/pdf"
            else "inline",
        },
    )
