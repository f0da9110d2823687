"""The municipal catalogue in the app, and the API on it (GET only, no login needed).

The app's catalogue is the one stored in its database (`kotwijzer gemeente importeer ... --database`, or
`kotwijzer serve --voorbeelddata`). The pages and these endpoints show only that one; while the database holds none
they say so (the catalogue of a request comes from `kotwijzer.http.catalogus`).

Nothing here decides about the law: the verdicts come from `kotwijzer.municipal` (classificeer,
controleer_registratie, overzicht), this module only reads the database and writes JSON.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from kotwijzer.api import schemas as sch
from kotwijzer.http.catalogus import GEEN_CATALOGUS, app_catalogus
from kotwijzer.http.fouten import ApiFout, json_antwoord
from kotwijzer.municipal import (
    Activiteit,
    Catalogus,
    Gemeente,
    OnbekendInCatalogus,
    classificeer,
    controleer_registratie,
    is_kot_code,
    overzicht,
)
from kotwijzer.municipal.codes import code_naam


# ------------------------------------------------------------------------------------------ JSON shapes
def gemeente_dict(cat: Catalogus, g: Gemeente) -> dict[str, Any]:
    b = cat.beleid.get(g.cbs_code)
    return {
        **g.model_dump(mode="json"),
        "aantal_activiteiten": len(cat.activiteiten.get(g.cbs_code, [])),
        "beleid": b.model_dump(mode="json") if b is not None else None,
    }


def activiteit_dict(a: Activiteit) -> dict[str, Any]:
    return {
        **a.model_dump(mode="json"),
        "soort_omschrijving": a.soort.omschrijving,
        "categorie_omschrijving": a.categorie.omschrijving,
        "gericht_op_arbeidsinschakeling": a.gericht_op_arbeidsinschakeling,
    }


def registratie_dict(
    cat: Catalogus, gemeente_code: str, activiteit_code: str, geregistreerde_code: int | None
) -> dict[str, Any]:
    """The registration check for one registered code (None: not registered)."""
    a = cat.activiteit(gemeente_code, activiteit_code)
    signalen = controleer_registratie(a, geregistreerde_code, gemeente=cat.gemeente(gemeente_code))
    return {
        "geregistreerde_code": geregistreerde_code,
        "code_naam": code_naam(geregistreerde_code),
        "dienst_toeslagen_ziet_traject": is_kot_code(geregistreerde_code),
        "signalen": [s.as_dict() for s in signalen],
    }


def overzicht_dict(cat: Catalogus) -> dict[str, Any]:
    def _indeling(i) -> dict[str, Any]:
        return {
            "cbs_code": i.gemeente.cbs_code,
            "naam": i.gemeente.naam,
            "voorbeeld": i.gemeente.voorbeeld,
            "categorieen": [c.value for c in i.categorieen],
            "activiteiten": list(i.activiteiten),
            "alleen_met_plan": i.alleen_met_plan,
            "cel": i.cel,
        }

    rijen = []
    for r in overzicht(cat):
        rijen.append(
            {
                "soort": r.soort.value,
                "omschrijving": r.omschrijving,
                "gebruikelijk": r.gebruikelijk.value if r.gebruikelijk else None,
                "verschilt": r.verschilt,
                "recht": [_indeling(i) for i in r.recht],
                "hangt_af": [_indeling(i) for i in r.hangt_af],
                "geen_recht": [_indeling(i) for i in r.geen_recht],
                "niet_beschreven": [
                    {"cbs_code": g.cbs_code, "naam": g.naam, "voorbeeld": g.voorbeeld} for g in r.niet_beschreven
                ],
            }
        )
    return {
        "voorbeeld": cat.voorbeeld,
        "gemeenten": [{"cbs_code": g.cbs_code, "naam": g.naam, "voorbeeld": g.voorbeeld} for g in cat.gemeenten],
        "rijen": rijen,
    }


# ------------------------------------------------------------------------------------- response schemas
class BeleidAntwoord(BaseModel):
    fractie_restant: str = Field(
        description="Deel (0 tot 1, als tekst) van de rest tot de kosten dat de gemeente betaalt (art. 1.13 Wko)"
    )
    maximum_per_maand_cent: int | None = Field(description="Hoogstens dit bedrag per kind per maand, in centen")
    boven_wettelijk: bool = Field(
        description="De gemeente betaalt ook een deel boven de maximum uurprijs (niet art. 1.13)"
    )
    boven_wettelijk_fractie: str | None
    boven_wettelijk_maximum_per_maand_cent: int | None
    boven_wettelijk_grondslag: str
    smi_aangeboden: bool = Field(description="De gemeente geeft sociaal-medische indicaties (art. 1.12 Wko)")
    toelichting: str


class GemeenteAntwoord(BaseModel):
    cbs_code: str = Field(description="CBS-code, bijvoorbeeld GM0363")
    naam: str
    voorbeeld: bool = Field(description="Voorbeeldgegevens: niet het beleid van een echte gemeente")
    toelichting: str
    aantal_activiteiten: int
    beleid: BeleidAntwoord | None = Field(description="Beleid voor de aanvullende tegemoetkoming, als dat bekend is")


class ActiviteitAntwoord(BaseModel):
    code: str
    naam: str
    soort: str
    soort_omschrijving: str
    categorie: Literal["A", "B", "C"]
    categorie_omschrijving: str
    reintegratiecode: int | None = Field(
        description="De code waaronder de gemeente de activiteit doorgeeft (Re-integratiebericht)"
    )
    doel: str
    uren_per_week: str | None = Field(description="Uren per week (als tekst), als bekend")
    individueel_plan_vereist: bool
    toelichting: str
    herkomst: str
    gericht_op_arbeidsinschakeling: bool = Field(
        description="Categorie A of B: recht op kinderopvangtoeslag (art. 1.6 lid 1 onder c Wko)"
    )


class BronAntwoord(BaseModel):
    wet: str
    artikel: str
    lid: str | None
    onderdeel: str | None
    sub: str | None
    citaat: str


class SignaalAntwoord(BaseModel):
    soort: str
    ernst: Literal["fout", "waarschuwing", "opmerking"]
    uitleg: str
    code_te_registreren: int | None
    geregistreerde_code: int | None
    activiteit_code: str
    gemeente_code: str | None
    bron: list[str]
    seedbron: list[str]


class SeedAntwoord(BaseModel):
    seed: str
    paragraaf: str
    van_regel: int
    tot_regel: int
    omschrijving: str
    citaat: str


class RegistratieAntwoord(BaseModel):
    geregistreerde_code: int | None = Field(description="De code die is doorgegeven; leeg = niet doorgegeven")
    code_naam: str
    dienst_toeslagen_ziet_traject: bool = Field(description="Deze code is een van de zeven codes die recht geven")
    signalen: list[SignaalAntwoord] = Field(
        description="Wat niet past bij het beleid; leeg = Dienst Toeslagen ziet wat het beleid zegt"
    )


class ClassificatieAntwoord(BaseModel):
    gemeente_code: str
    gemeente_naam: str
    activiteit_code: str
    activiteit_naam: str
    soort: str
    categorie: Literal["A", "B", "C"]
    reintegratiecode: int | None
    gericht_op_arbeidsinschakeling: bool = Field(description="Geeft recht op kinderopvangtoeslag (categorie A of B)")
    bron: list[BronAntwoord]
    uitleg: str
    code_te_registreren: int | None = Field(description="Een van 22, 23, 29, 30, 40, 42, 43; leeg bij categorie C")
    dienst_toeslagen_ziet_traject: bool
    individueel_plan_vereist: bool
    voorbeeld: bool
    signalen: list[SignaalAntwoord] = Field(description="Controle van de registratie in de catalogus")
    seedbron: list[SeedAntwoord]
    registratie: RegistratieAntwoord | None = Field(
        None, description="Alleen met ?geregistreerde_code=: de controle van die registratie"
    )


class GemeenteKort(BaseModel):
    cbs_code: str
    naam: str
    voorbeeld: bool


class IndelingAntwoord(GemeenteKort):
    categorieen: list[Literal["A", "B", "C"]]
    activiteiten: list[str]
    alleen_met_plan: bool
    cel: str


class OverzichtRij(BaseModel):
    soort: str
    omschrijving: str
    gebruikelijk: Literal["A", "B", "C"] | None = Field(description="De gebruikelijke categorie volgens het onderzoek")
    verschilt: bool = Field(description="Gemeenten geven niet allemaal hetzelfde antwoord")
    recht: list[IndelingAntwoord] = Field(description="Gemeenten die deze soort als A of B indelen")
    hangt_af: list[IndelingAntwoord] = Field(description="Gemeenten met activiteiten van deze soort in A/B en in C")
    geen_recht: list[IndelingAntwoord] = Field(description="Gemeenten die deze soort als C indelen")
    niet_beschreven: list[GemeenteKort]


class OverzichtAntwoord(BaseModel):
    voorbeeld: bool = Field(description="Er zitten voorbeeldgegevens in de catalogus")
    gemeenten: list[GemeenteKort]
    rijen: list[OverzichtRij]


# ------------------------------------------------------------------------------------------------ routes
router = APIRouter(prefix="/api/v1", tags=["gemeenten"])
FOUTEN: dict[int | str, dict[str, Any]] = {
    404: {"model": sch.FoutAntwoord, "description": "Gemeente of activiteit staat niet in de catalogus van deze app"},
    422: {"model": sch.FoutAntwoord, "description": "Het adres klopt niet (Nederlandse melding)"},
}


def _cbs():
    return Path(pattern=r"^GM\d{4}$", max_length=6, description="CBS-code van de gemeente, bijvoorbeeld GM0363")


def _niet_gevonden(melding: str) -> ApiFout:
    return ApiFout(404, "niet_gevonden", melding)


def _gemeente(cat: Catalogus, cbs_code: str) -> Gemeente:
    if not cat.gemeenten:
        raise _niet_gevonden(GEEN_CATALOGUS)
    try:
        return cat.gemeente(cbs_code)
    except OnbekendInCatalogus as e:
        raise _niet_gevonden(str(e)) from None


@router.get(
    "/gemeenten",
    summary="Gemeenten in de catalogus van deze app",
    description="Alle gemeenten met het aantal activiteiten en hun beleid voor de aanvullende tegemoetkoming "
    "(art. 1.13 Wko). Een lege lijst: er is nog geen catalogus ingelezen.",
    response_model=None,
    responses={200: {"model": list[GemeenteAntwoord]}},
)
def gemeenten(request: Request) -> Response:
    cat = app_catalogus(request)
    return json_antwoord([gemeente_dict(cat, g) for g in cat.gemeenten])


@router.get(
    "/gemeenten/overzicht",
    summary="Per soort activiteit: welke gemeenten geven recht (A/B) en welke niet (C)",
    response_model=None,
    responses={200: {"model": OverzichtAntwoord}},
)
def gemeenten_overzicht(request: Request) -> Response:
    return json_antwoord(overzicht_dict(app_catalogus(request)))


@router.get(
    "/gemeenten/{cbs_code}/activiteiten",
    summary="De activiteiten van een gemeente, met hun categorie",
    response_model=None,
    responses={200: {"model": list[ActiviteitAntwoord]}, **FOUTEN},
)
def activiteiten(request: Request, cbs_code: str = _cbs()) -> Response:
    cat = app_catalogus(request)
    g = _gemeente(cat, cbs_code)
    return json_antwoord([activiteit_dict(a) for a in cat.activiteiten_van(g.cbs_code)])


@router.get(
    "/gemeenten/{cbs_code}/activiteiten/{code}",
    summary="Geeft deze activiteit recht op kinderopvangtoeslag?",
    description="De indeling van de activiteit (categorie A, B of C), de code die de gemeente moet doorgeven in "
    "het Re-integratiebericht (22, 23, 29, 30, 40, 42 of 43), wat Dienst Toeslagen ziet, de uitleg en "
    "de wetsartikelen (art. 1.6 lid 1 onder c Wko; art. 7 lid 1 onder a Pw). Met "
    "?geregistreerde_code=43 (of 'geen') ook de controle van die registratie.",
    response_model=None,
    responses={200: {"model": ClassificatieAntwoord}, **FOUTEN},
)
def activiteit(
    request: Request,
    cbs_code: str = _cbs(),
    code: str = Path(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100, description="Code van de activiteit"),
    geregistreerde_code: str | None = Query(
        None,
        pattern=r"^(geen|[0-9]{1,3})$",
        description="De code die de gemeente echt heeft doorgegeven (een getal), of 'geen' als de activiteit niet is "
        "doorgegeven",
    ),
) -> Response:
    cat = app_catalogus(request)
    g = _gemeente(cat, cbs_code)
    try:
        kl = classificeer(g.cbs_code, code, cat)
    except OnbekendInCatalogus as e:
        raise _niet_gevonden(str(e)) from None
    uit = kl.as_dict()
    if geregistreerde_code is not None:
        gereg = None if geregistreerde_code == "geen" else int(geregistreerde_code)
        uit["registratie"] = registratie_dict(cat, g.cbs_code, code, gereg)
    return json_antwoord(uit)
