"""HTTP API, version 1. Thin: read JSON, call the core (via `kotwijzer.diensten`) or the store, write JSON.

Public: berekening, voorwaardencheck, wat-als, voorschot-definitief, parameters.
Professional (Bearer token from POST /api/v1/sessies): dossiers, scenarios with versions, users, audit log, with
the same access control as the web app: an organisation only ever sees its own dossiers.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from kotwijzer import diensten
from kotwijzer.api import schemas as sch
from kotwijzer.http.beveiliging import TeVeelPogingen, begrensd_inloggen
from kotwijzer.http.catalogus import kern_catalogus
from kotwijzer.http.fouten import ApiFout, controleer_typen, dumps, json_antwoord, lees_json, lees_model, valideer
from kotwijzer.http.rekenpoort import reken, rekenplek
from kotwijzer.model import Huishouden
from kotwijzer.municipal import CatalogusBron
from kotwijzer.store import repo
from kotwijzer.store.repo import Actor

router = APIRouter(prefix="/api/v1")

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="Token uit POST /api/v1/sessies, mee te sturen als 'Authorization: Bearer <token>'.",
)

FOUTEN: dict[int | str, dict[str, Any]] = {
    422: {
        "model": sch.FoutAntwoord,
        "description": "De invoer klopt niet, of er ontbreekt invoer of wetgeving (Nederlandse melding per veld)",
    },
    413: {"model": sch.FoutAntwoord, "description": "De invoer is te groot"},
    415: {"model": sch.FoutAntwoord, "description": "Geen JSON"},
    429: {
        "model": sch.FoutAntwoord,
        "description": "Te druk, of te veel verzoeken van dit adres: probeer het na Retry-After seconden opnieuw",
    },
}
PRO_FOUTEN: dict[int | str, dict[str, Any]] = {
    **FOUTEN,
    401: {"model": sch.FoutAntwoord, "description": "Niet ingelogd of token verlopen"},
    403: {"model": sch.FoutAntwoord, "description": "Alleen voor beheerders"},
    404: {"model": sch.FoutAntwoord, "description": "Bestaat niet, of hoort bij een andere organisatie"},
    409: {"model": sch.FoutAntwoord, "description": "Botst met wat intussen is opgeslagen of verwijderd"},
}


def _id():
    return Path(ge=1, le=2**31 - 1)


# request bodies are read by hand (size limit, Dutch messages); their schemas are added to the OpenAPI document by
# `kotwijzer.app.openapi_schema` under the name Invoer_<Model>
INVOER_MODELLEN: dict[str, type[BaseModel]] = {}


def openapi_body(model: type, beschrijving: str = "", vrij: bool = False) -> dict[str, Any]:
    INVOER_MODELLEN[model.__name__] = model
    naam = f"Invoer_{model.__name__}" + ("_onvolledig" if vrij else "")
    return {
        "requestBody": {
            "required": True,
            "description": beschrijving,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{naam}"}}},
        }
    }


def _db(request: Request):
    return request.app.state.db


def api_actor(request: Request, cred: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Actor:
    if cred is None or not cred.credentials:
        raise ApiFout(
            401,
            "niet_ingelogd",
            "Log eerst in via POST /api/v1/sessies en stuur het token mee.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    with _db(request).sessie() as s:
        g = repo.sessie_gebruiker(s, cred.credentials, "api")
        if g is None:
            raise ApiFout(
                401,
                "niet_ingelogd",
                "Het token is ongeldig of verlopen. Log opnieuw in.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return Actor.van(g)


# ------------------------------------------------------------------------------------------------------ public
@router.post(
    "/berekening",
    tags=["berekening"],
    summary="Proefberekening per maand en per kind",
    description="De invoer is één huishouden voor één jaar (zie het schema Invoer_Huishouden). Het antwoord bevat "
    "per maand en per kind het recht, de uren, de prijzen, de toeslag en de eigen bijdrage, de jaartotalen, "
    "het spoor (voorwaarden met bronnen, gelezen parameters), de uitleg per maand en 'wat moet u nu doen'.",
    response_model=None,
    responses={200: {"model": sch.BerekeningAntwoord}, **FOUTEN},
    openapi_extra=openapi_body(Huishouden, "Eén huishouden voor één berekeningsjaar"),
)
async def berekening(request: Request) -> Response:
    def _doe(data) -> bytes:  # validation, calculation and serialisation off the event loop
        uit = diensten.berekening(valideer(Huishouden, data), kern_catalogus(request))
        return b"".join(
            [
                b'{"resultaat":',
                uit["resultaat"].model_dump_json().encode(),
                b',"uitleg":',
                dumps(uit["uitleg"]),
                b',"stappen":',
                dumps(uit["stappen"]),
                b',"wettekst_beschikbaar":',
                b"true" if uit["wettekst_beschikbaar"] else b"false",
                b"}",
            ]
        )

    # admitted before the body is read: a refused request costs almost nothing
    async with rekenplek(request) as reken_hier:
        body = await reken_hier(_doe, await lees_json(request))
    return Response(body, media_type="application/json")


@router.post(
    "/voorwaardencheck",
    tags=["berekening"],
    summary="Voorwaardencheck, ook met onvolledige invoer",
    description="Alle velden mogen ontbreken. Per voorwaarde: voldaan, niet voldaan of onbekend; voor elk onbekend "
    "punt de vraag die nog open staat en waarom de wet die nodig heeft.",
    response_model=None,
    responses={200: {"model": sch.VoorwaardencheckResultaat}, **FOUTEN},
    openapi_extra=openapi_body(Huishouden, "Een (onvolledig) huishouden", vrij=True),
)
async def voorwaardencheck(request: Request) -> Response:
    from kotwijzer.compute import voorwaardencheck as _check

    async with rekenplek(request) as reken_hier:
        return await _voorwaardencheck(request, reken_hier, _check)


async def _voorwaardencheck(request: Request, reken_hier, _check) -> Response:
    data = await lees_json(request)
    if not isinstance(data, dict):
        raise ApiFout(
            422,
            "ongeldige_invoer",
            "Stuur een JSON-object.",
            [
                {
                    "veld": "",
                    "melding": "Verwacht een object met velden (een JSON-object tussen { en }).",
                    "code": "model_type",
                }
            ],
        )
    for veld in ("aanvrager", "partner"):
        if data.get(veld) is not None and not isinstance(data.get(veld), dict):
            raise ApiFout(
                422,
                "ongeldige_invoer",
                "De invoer klopt niet. Zie de meldingen per veld.",
                [
                    {
                        "veld": veld,
                        "melding": "Verwacht een object met velden (een JSON-object tussen { en }).",
                        "code": "model_type",
                    }
                ],
            )

    def _doe() -> bytes:
        controleer_typen(Huishouden, data)
        return _check(data, catalogus=kern_catalogus(request)).model_dump_json().encode()

    body = await reken_hier(_doe)
    return Response(body, media_type="application/json")


@router.post(
    "/wat-als",
    tags=["berekening"],
    summary="Wat als: één ding anders, beide uitkomsten naast elkaar",
    response_model=None,
    responses={200: {"model": sch.WatAlsAntwoord}, **FOUTEN},
    openapi_extra=openapi_body(sch.WatAlsVerzoek, "Het huishouden en één wijziging"),
)
async def wat_als(request: Request) -> Response:
    def _doe(data) -> bytes:
        v = valideer(sch.WatAlsVerzoek, data)
        try:
            uit = diensten.wat_als(v.invoer, v.wijziging, kern_catalogus(request))
        except diensten.OngeldigeWijziging as e:
            raise ApiFout(
                422, "ongeldige_invoer", e.melding, [{"veld": e.veld, "melding": e.melding, "code": "wijziging"}]
            ) from None
        for k in ("huidig", "wat_als"):
            uit[k] = {x: y for x, y in uit[k].items() if x != "resultaat"}
        uit["invoer_wat_als"] = uit["invoer_wat_als"].model_dump(mode="json", exclude_none=True)
        return dumps(uit)

    async with rekenplek(request) as reken_hier:
        body = await reken_hier(_doe, await lees_json(request))
    return Response(body, media_type="application/json")


@router.post(
    "/voorschot-definitief",
    tags=["berekening"],
    summary="Voorschot versus definitieve berekening",
    description="Het voorschot met het geschatte inkomen tegenover de definitieve berekening met het echte inkomen: "
    "nabetaling of terugvordering over het jaar.",
    response_model=None,
    responses={200: {"model": sch.VoorschotAntwoord}, **FOUTEN},
    openapi_extra=openapi_body(sch.VoorschotVerzoek, "Het huishouden en twee inkomens"),
)
async def voorschot(request: Request) -> Response:
    def _doe(data) -> bytes:
        v = valideer(sch.VoorschotVerzoek, data)
        return dumps(diensten.voorschot(v.invoer, v.inkomen_voorschot, v.inkomen_definitief, kern_catalogus(request)))

    async with rekenplek(request) as reken_hier:
        body = await reken_hier(_doe, await lees_json(request))
    return Response(body, media_type="application/json")


@router.get(
    "/parameters/{jaar}",
    tags=["wetgeving"],
    summary="Alle wettelijke parameters van een jaar, met bron en status",
    response_model=None,
    responses={200: {"description": "Parameters, maximum uurprijzen en de tabel"}, **FOUTEN},
)
async def parameters(jaar: int = Path(ge=1900, le=2200, description="Berekeningsjaar, bv. 2026")) -> Response:
    from kotwijzer.params import overzicht

    return json_antwoord(overzicht(jaar))


# ------------------------------------------------------------------------------------------------ professional
@router.post(
    "/sessies",
    tags=["professioneel"],
    summary="Inloggen: geeft een token",
    status_code=201,
    response_model=None,
    responses={
        201: {"model": sch.TokenAntwoord},
        401: {"model": sch.FoutAntwoord},
        429: {"model": sch.FoutAntwoord},
        **FOUTEN,
    },
    openapi_extra=openapi_body(sch.InloggenVerzoek),
)
async def inloggen(request: Request) -> Response:
    v = await lees_model(request, sch.InloggenVerzoek)

    def _doe():
        with _db(request).sessie() as s:
            g = repo.inloggen(s, v.email, v.wachtwoord)
            if g is None:
                return None
            token, verloopt = repo.sessie_maken(s, g, "api")
            return {"token": token, "verloopt": verloopt, "organisatie_id": g.organisatie_id, "rol": g.rol}

    try:
        uit = await begrensd_inloggen(request, v.email, _doe)
    except TeVeelPogingen as e:
        raise ApiFout(
            429,
            "te_veel_pogingen",
            f"Te veel mislukte pogingen. Probeer het over {e.wacht} seconden opnieuw.",
            headers={"Retry-After": str(e.wacht)},
        ) from None
    if uit is None:
        raise ApiFout(401, "inloggen_mislukt", "Het e-mailadres of het wachtwoord klopt niet.")
    return json_antwoord(uit, 201)


@router.delete(
    "/sessies/huidig",
    tags=["professioneel"],
    summary="Uitloggen",
    status_code=204,
    response_model=None,
    responses=PRO_FOUTEN,
)
def uitloggen(
    request: Request, actor: Actor = Depends(api_actor), cred: HTTPAuthorizationCredentials | None = Depends(_bearer)
) -> Response:
    with _db(request).sessie() as s:
        repo.sessie_beeindigen(s, cred.credentials if cred else None, actor)
    return Response(status_code=204)


@router.delete(
    "/sessies",
    tags=["professioneel"],
    summary="Overal uitloggen: alle sessies van mij (web en API)",
    status_code=204,
    response_model=None,
    responses=PRO_FOUTEN,
)
def overal_uitloggen(request: Request, actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        repo.overal_uitloggen(s, actor.gebruiker_id, actor)
    return Response(status_code=204)


@router.put(
    "/wachtwoord",
    tags=["professioneel"],
    summary="Mijn wachtwoord wijzigen",
    description="Met het huidige wachtwoord. Een zwak of uitgelekt nieuw wachtwoord wordt geweigerd (422). Alle "
    "andere sessies van de gebruiker eindigen; dit token blijft geldig.",
    status_code=204,
    response_model=None,
    responses=PRO_FOUTEN,
    openapi_extra=openapi_body(sch.WachtwoordVerzoek),
)
async def wachtwoord_wijzigen(
    request: Request, actor: Actor = Depends(api_actor), cred: HTTPAuthorizationCredentials | None = Depends(_bearer)
) -> Response:
    v = await lees_model(request, sch.WachtwoordVerzoek)

    def _doe():
        with _db(request).sessie() as s:
            repo.wachtwoord_wijzigen(
                s, actor, v.huidig_wachtwoord, v.nieuw_wachtwoord, cred.credentials if cred else None
            )

    await run_in_threadpool(_doe)
    return Response(status_code=204)


def _dossier_dict(d, aantal: int) -> dict[str, Any]:
    return {
        "id": d.id,
        "label": d.label,
        "aangemaakt": d.aangemaakt,
        "gewijzigd": d.gewijzigd,
        "aantal_scenarios": aantal,
    }


def _scenario_dict(sc, v) -> dict[str, Any]:
    return {
        "id": sc.id,
        "dossier_id": sc.dossier_id,
        "naam": sc.naam,
        "versie": sc.huidige_versie,
        "aangemaakt": sc.aangemaakt,
        "gewijzigd": sc.gewijzigd,
        "samenvatting": v.samenvatting,
        "invoer": v.invoer,
    }


def _versie_dict(v, met_invoer: bool = True) -> dict[str, Any]:
    uit = {
        "versie": v.versie,
        "aangemaakt": v.aangemaakt,
        "gebruiker_id": v.gebruiker_id,
        "toelichting": v.toelichting,
        "samenvatting": v.samenvatting,
    }
    if met_invoer:
        uit["invoer"] = v.invoer
    return uit


@router.get(
    "/dossiers",
    tags=["professioneel"],
    summary="Dossiers van mijn organisatie",
    response_model=None,
    responses={200: {"model": list[sch.DossierAntwoord]}, **PRO_FOUTEN},
)
def dossiers(request: Request, actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        return json_antwoord([_dossier_dict(d, n) for d, n in repo.dossiers(s, actor)])


@router.post(
    "/dossiers",
    tags=["professioneel"],
    summary="Nieuw dossier met een pseudoniem label",
    status_code=201,
    response_model=None,
    responses={201: {"model": sch.DossierAntwoord}, **PRO_FOUTEN},
    openapi_extra=openapi_body(sch.DossierVerzoek),
)
async def dossier_maken(request: Request, actor: Actor = Depends(api_actor)) -> Response:
    v = await lees_model(request, sch.DossierVerzoek)
    with _db(request).sessie() as s:
        d = repo.dossier_maken(s, actor, v.label)
        return json_antwoord(_dossier_dict(d, 0), 201)


@router.get(
    "/dossiers/{dossier_id}",
    tags=["professioneel"],
    summary="Eén dossier",
    response_model=None,
    responses={200: {"model": sch.DossierAntwoord}, **PRO_FOUTEN},
)
def dossier(request: Request, dossier_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        d = repo.dossier(s, actor, dossier_id)
        return json_antwoord(_dossier_dict(d, len(d.scenarios)))


@router.patch(
    "/dossiers/{dossier_id}",
    tags=["professioneel"],
    summary="Label van een dossier wijzigen",
    response_model=None,
    responses={200: {"model": sch.DossierAntwoord}, **PRO_FOUTEN},
    openapi_extra=openapi_body(sch.DossierVerzoek),
)
async def dossier_wijzigen(request: Request, dossier_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    v = await lees_model(request, sch.DossierVerzoek)
    with _db(request).sessie() as s:
        d = repo.dossier_wijzigen(s, actor, dossier_id, v.label)
        return json_antwoord(_dossier_dict(d, len(d.scenarios)))


@router.delete(
    "/dossiers/{dossier_id}",
    tags=["professioneel"],
    summary="Dossier verwijderen (beheerder)",
    status_code=204,
    response_model=None,
    responses=PRO_FOUTEN,
)
def dossier_verwijderen(request: Request, dossier_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        repo.dossier_verwijderen(s, actor, dossier_id)
    return Response(status_code=204)


@router.get(
    "/dossiers/{dossier_id}/scenarios",
    tags=["professioneel"],
    summary="Scenario's van een dossier",
    response_model=None,
    responses={200: {"model": list[sch.ScenarioAntwoord]}, **PRO_FOUTEN},
)
def scenarios(request: Request, dossier_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        uit = []
        for sc in repo.scenarios(s, actor, dossier_id):
            uit.append(_scenario_dict(sc, repo.scenario_versie(s, actor, sc.id)))
        return json_antwoord(uit)


def _opslaan_invoer(h: Huishouden, catalogus: CatalogusBron) -> tuple[dict[str, Any], dict[str, Any]]:
    return h.model_dump(mode="json", exclude_none=True), diensten.samenvatting_voor_opslag(h, catalogus)


@router.post(
    "/dossiers/{dossier_id}/scenarios",
    tags=["professioneel"],
    summary="Scenario opslaan (versie 1)",
    status_code=201,
    response_model=None,
    responses={201: {"model": sch.ScenarioAntwoord}, **PRO_FOUTEN},
    openapi_extra=openapi_body(sch.ScenarioVerzoek),
)
async def scenario_maken(request: Request, dossier_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    v = await lees_model(request, sch.ScenarioVerzoek)
    invoer, samenvatting = await reken(request, _opslaan_invoer, v.invoer, kern_catalogus(request), per_adres=False)
    with _db(request).sessie() as s:
        sc = repo.scenario_maken(s, actor, dossier_id, v.naam, invoer, samenvatting, v.toelichting)
        return json_antwoord(_scenario_dict(sc, repo.scenario_versie(s, actor, sc.id)), 201)


@router.get(
    "/scenarios/{scenario_id}",
    tags=["professioneel"],
    summary="Scenario met de huidige versie",
    response_model=None,
    responses={200: {"model": sch.ScenarioAntwoord}, **PRO_FOUTEN},
)
def scenario(request: Request, scenario_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        sc = repo.scenario(s, actor, scenario_id)
        return json_antwoord(_scenario_dict(sc, repo.scenario_versie(s, actor, sc.id)))


@router.put(
    "/scenarios/{scenario_id}",
    tags=["professioneel"],
    summary="Nieuwe versie van een scenario opslaan",
    description="De vorige versies blijven bewaard. Bij ongeldige invoer wordt niets opgeslagen (422). Met "
    "verwachte_versie: 409 als iemand anders intussen heeft opgeslagen.",
    response_model=None,
    responses={200: {"model": sch.ScenarioAntwoord}, 409: {"model": sch.FoutAntwoord}, **PRO_FOUTEN},
    openapi_extra=openapi_body(sch.ScenarioVersieVerzoek),
)
async def scenario_opslaan(request: Request, scenario_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    v = await lees_model(request, sch.ScenarioVersieVerzoek)
    invoer, samenvatting = await reken(request, _opslaan_invoer, v.invoer, kern_catalogus(request), per_adres=False)
    with _db(request).sessie() as s:
        repo.scenario_opslaan(s, actor, scenario_id, invoer, samenvatting, v.toelichting, v.verwachte_versie, v.naam)
        sc = repo.scenario(s, actor, scenario_id)
        return json_antwoord(_scenario_dict(sc, repo.scenario_versie(s, actor, sc.id)))


@router.delete(
    "/scenarios/{scenario_id}",
    tags=["professioneel"],
    summary="Scenario verwijderen",
    status_code=204,
    response_model=None,
    responses=PRO_FOUTEN,
)
def scenario_verwijderen(request: Request, scenario_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        repo.scenario_verwijderen(s, actor, scenario_id)
    return Response(status_code=204)


@router.get(
    "/scenarios/{scenario_id}/versies",
    tags=["professioneel"],
    summary="Geschiedenis van een scenario",
    response_model=None,
    responses={200: {"model": list[sch.VersieKort]}, **PRO_FOUTEN},
)
def versies(request: Request, scenario_id: int = _id(), actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        return json_antwoord([_versie_dict(v, met_invoer=False) for v in repo.scenario_versies(s, actor, scenario_id)])


@router.get(
    "/scenarios/{scenario_id}/versies/{versie}",
    tags=["professioneel"],
    summary="Eén versie van een scenario",
    response_model=None,
    responses={200: {"model": sch.VersieAntwoord}, **PRO_FOUTEN},
)
def versie(
    request: Request, scenario_id: int = _id(), versie: int = _id(), actor: Actor = Depends(api_actor)
) -> Response:
    with _db(request).sessie() as s:
        return json_antwoord(_versie_dict(repo.scenario_versie(s, actor, scenario_id, versie)))


@router.get(
    "/scenarios/{scenario_id}/berekening",
    tags=["professioneel"],
    summary="De volledige berekening van de huidige versie",
    response_model=None,
    responses={200: {"model": sch.BerekeningAntwoord}, **PRO_FOUTEN},
)
async def scenario_berekening(
    request: Request, scenario_id: int = _id(), actor: Actor = Depends(api_actor)
) -> Response:
    def _lees():
        with _db(request).sessie() as s:
            return repo.scenario_versie(s, actor, scenario_id).invoer

    invoer = await run_in_threadpool(_lees)

    def _doe() -> bytes:
        uit = diensten.berekening(valideer(Huishouden, invoer), kern_catalogus(request))
        uit["resultaat"] = uit["resultaat"].model_dump(mode="json")
        return dumps(uit)

    return Response(await reken(request, _doe, per_adres=False), media_type="application/json")


@router.get(
    "/gebruikers",
    tags=["beheer"],
    summary="Gebruikers van mijn organisatie (beheerder)",
    response_model=None,
    responses={200: {"model": list[sch.GebruikerAntwoord]}, **PRO_FOUTEN},
)
def gebruikers(request: Request, actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        return json_antwoord([_gebruiker_dict(g) for g in repo.gebruikers(s, actor)])


def _gebruiker_dict(g) -> dict[str, Any]:
    return {"id": g.id, "email": g.email, "rol": g.rol, "actief": g.actief, "aangemaakt": g.aangemaakt}


@router.post(
    "/gebruikers",
    tags=["beheer"],
    summary="Gebruiker toevoegen (beheerder)",
    status_code=201,
    response_model=None,
    responses={201: {"model": sch.GebruikerAntwoord}, **PRO_FOUTEN},
    openapi_extra=openapi_body(sch.GebruikerVerzoek),
)
async def gebruiker_maken(request: Request, actor: Actor = Depends(api_actor)) -> Response:
    v = await lees_model(request, sch.GebruikerVerzoek)

    def _doe():
        with _db(request).sessie() as s:
            herbevestigd = v.rol == "beheerder" and repo.herbevestig(s, actor, v.huidig_wachtwoord)
            return _gebruiker_dict(
                repo.gebruiker_maken(
                    s, actor.organisatie_id, v.email, v.wachtwoord, v.rol, actor, herbevestigd=herbevestigd
                )
            )

    return json_antwoord(await run_in_threadpool(_doe), 201)


@router.patch(
    "/gebruikers/{gebruiker_id}",
    tags=["beheer"],
    summary="Rol wijzigen of gebruiker uitschakelen (beheerder)",
    response_model=None,
    responses={200: {"model": sch.GebruikerAntwoord}, **PRO_FOUTEN},
    openapi_extra=openapi_body(sch.GebruikerWijziging),
)
async def gebruiker_wijzigen(
    request: Request, gebruiker_id: int = _id(), actor: Actor = Depends(api_actor)
) -> Response:
    v = await lees_model(request, sch.GebruikerWijziging)

    def _doe():
        with _db(request).sessie() as s:
            herbevestigd = v.rol == "beheerder" and repo.herbevestig(s, actor, v.huidig_wachtwoord)
            return _gebruiker_dict(repo.gebruiker_wijzigen(s, actor, gebruiker_id, v.rol, v.actief, herbevestigd))

    return json_antwoord(await run_in_threadpool(_doe))


@router.get(
    "/audit",
    tags=["beheer"],
    summary="Auditlog van mijn organisatie (beheerder): wie deed wat",
    response_model=None,
    responses={200: {"model": list[sch.AuditAntwoord]}, **PRO_FOUTEN},
)
def audit(request: Request, actor: Actor = Depends(api_actor)) -> Response:
    with _db(request).sessie() as s:
        return json_antwoord(
            [
                {
                    "id": a.id,
                    "tijd": a.tijd,
                    "gebruiker_id": a.gebruiker_id,
                    "actie": a.actie,
                    "object_soort": a.object_soort,
                    "object_id": a.object_id,
                    "versie": a.versie,
                }
                for a in repo.audit(s, actor)
            ]
        )
