"""HTTP plumbing shared by the API and the web pages: reading JSON safely, Dutch error responses, and the exception
handlers that make sure no input, however malformed, produces a server error."""

from __future__ import annotations

import datetime as dt
import json
import logging
from decimal import Decimal
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kotwijzer.foutmeldingen import nederlandse_fouten, vertaal
from kotwijzer.http.logboek import MELDING_500, log_serverfout
from kotwijzer.invoer import OngeldigeInvoer, OntbrekendeInvoer
from kotwijzer.params import OngeldigeWetgeving, OntbrekendeWetgeving

log = logging.getLogger("kotwijzer.api")

MAX_BODY = 256 * 1024  # bytes; a household is a few kB
MAX_DIEPTE = 40
# Per route a bound on what can be valid, checked before the body is parsed (issue 17, finding 3). The largest valid
# household (12 children with 12 lines of childcare, 24 periods per parent: bench/grootste_invoer.py) is 18.6 kB of
# compact JSON (33 kB indented) with 366 lists and objects; the bounds leave room for indenting and long labels.
MAX_BODY_HUISHOUDEN = 128 * 1024
MAX_BODY_KLEIN = 8 * 1024  # login, a dossier label, a user, a password change
MAX_CONTAINERS = 1500  # '[' and '{' together (also inside texts: an overestimate, so never too strict)
_MET_HUISHOUDEN = (
    "/api/v1/berekening",
    "/api/v1/voorwaardencheck",
    "/api/v1/wat-als",
    "/api/v1/voorschot-definitief",
    # a household and the lines of a letter (at most 60, each a few hundred bytes)
    "/api/v1/beschikking/controle",
    "/api/v1/beschikking/bezwaarschrift",
)
PARSEN_IN_THREAD = 4 * 1024  # larger bodies are parsed and validated in a worker thread, not on the event loop


def max_body(pad: str) -> int:
    """The largest body a route can accept: a household's size on the routes that take one, small elsewhere."""
    if pad in _MET_HUISHOUDEN or "/scenarios" in pad or pad.startswith("/api/v1/gemeenten"):
        return MAX_BODY_HUISHOUDEN
    return MAX_BODY_KLEIN


def _te_groot(grens: int) -> ApiFout:
    return ApiFout(413, "te_groot", f"De invoer is te groot (hoogstens {grens // 1024} kB).")


HTTP_MELDING = {
    400: "Het verzoek klopt niet.",
    401: "U bent niet ingelogd, of uw sessie is verlopen. Log (opnieuw) in.",
    403: "U mag dit niet doen.",
    404: "Deze pagina of dit adres bestaat niet.",
    405: "Deze methode is hier niet toegestaan.",
    406: "Dit formaat kunnen we niet leveren.",
    409: "Er is een conflict met wat al is opgeslagen.",
    413: "Het verzoek is te groot.",
    415: "Stuur de invoer als JSON (Content-Type: application/json).",
    422: "De invoer klopt niet.",
    429: "Te veel pogingen. Wacht even en probeer het dan opnieuw.",
    500: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
}


class ApiFout(Exception):
    """An error with a Dutch message that the API returns as JSON (and the web app as a page)."""

    def __init__(
        self,
        status: int,
        code: str,
        melding: str,
        fouten: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(melding)
        self.status = status
        self.code = code
        self.melding = melding
        self.fouten = fouten or []
        self.headers = headers


def _json_default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return str(o)
    if isinstance(o, BaseModel):
        return o.model_dump(mode="json")
    if isinstance(o, dt.datetime) and o.tzinfo is None:
        return o.replace(tzinfo=dt.UTC).isoformat()  # stored as UTC; SQLite forgets the zone
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(type(o).__name__)


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, default=_json_default, separators=(",", ":")).encode("utf-8")


def json_antwoord(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(data), status_code=status, media_type="application/json", headers=headers)


def fout_antwoord(
    status: int,
    code: str,
    melding: str,
    fouten: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return json_antwoord({"melding": melding, "code": code, "fouten": fouten or []}, status, headers)


def _weiger_constante(naam: str) -> Any:
    raise ValueError(f"{naam} is geen geldig JSON-getal")


def _controleer_structuur(data: Any) -> None:
    """Iteratively check nesting depth and refuse text that cannot be written back as UTF-8 (lone surrogates)."""
    stapel: list[tuple[Any, int]] = [(data, 0)]
    while stapel:
        x, diepte = stapel.pop()
        if diepte > MAX_DIEPTE:
            raise ApiFout(
                422,
                "ongeldige_invoer",
                "De invoer is te diep genest.",
                [{"veld": "", "melding": "De invoer is te diep genest.", "code": "te_diep"}],
            )
        if isinstance(x, str):
            _controleer_tekst(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                _controleer_tekst(k)
                stapel.append((v, diepte + 1))
        elif isinstance(x, list):
            stapel.extend((v, diepte + 1) for v in x)


def _controleer_tekst(s: str) -> None:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiFout(
            422,
            "ongeldige_invoer",
            "De invoer bevat ongeldige tekens.",
            [
                {
                    "veld": "",
                    "melding": "De invoer bevat ongeldige tekens (geen geldige Unicode).",
                    "code": "ongeldige_tekens",
                }
            ],
        ) from None


def parse_json(body: bytes, grens: int = MAX_BODY) -> Any:
    if len(body) > grens:
        raise _te_groot(grens)
    if body.count(b"[") + body.count(b"{") > MAX_CONTAINERS:  # C speed: refused before any parsing
        m = f"De invoer heeft te veel lijsten en objecten (hoogstens {MAX_CONTAINERS}); zo groot is geen huishouden."
        raise ApiFout(422, "ongeldige_invoer", m, [{"veld": "", "melding": m, "code": "te_groot"}])
    if not body.strip():
        raise ApiFout(
            422,
            "ongeldige_invoer",
            "Er is geen invoer meegestuurd. Stuur een JSON-object.",
            [{"veld": "", "melding": "Stuur een JSON-object.", "code": "missing"}],
        )
    try:
        tekst = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiFout(
            422,
            "ongeldige_invoer",
            "De invoer is geen geldige UTF-8-tekst.",
            [{"veld": "", "melding": "Stuur JSON als UTF-8-tekst.", "code": "json_invalid"}],
        ) from None
    try:
        data = json.loads(tekst, parse_constant=_weiger_constante)
    except (ValueError, RecursionError):
        m = "De invoer is geen geldige JSON. Controleer haakjes, komma's en aanhalingstekens."
        raise ApiFout(422, "ongeldige_invoer", m, [{"veld": "", "melding": m, "code": "json_invalid"}]) from None
    _controleer_structuur(data)
    return data


async def lees_json(request: Request) -> Any:
    """The request body as JSON, bounded in size, or an ApiFout with a Dutch message."""
    ct = request.headers.get("content-type", "")
    soort = ct.split(";")[0].strip().lower()
    if soort and not (soort == "application/json" or soort.endswith("+json")):
        raise ApiFout(415, "verkeerd_formaat", HTTP_MELDING[415])
    grens = min(MAX_BODY, max_body(request.url.path))
    lengte = request.headers.get("content-length")
    if lengte is not None and lengte.isdigit() and int(lengte) > grens:
        raise _te_groot(grens)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > grens:
            raise _te_groot(grens)
    if len(body) > PARSEN_IN_THREAD:
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(parse_json, bytes(body), grens)
    return parse_json(bytes(body), grens)


async def lees_model(request: Request, model: type[BaseModel]) -> Any:
    data = await lees_json(request)
    if _groot(data):
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(valideer, model, data)
    return valideer(model, data)


def _groot(data: Any) -> bool:
    """More than a handful of values: validate off the event loop."""
    return isinstance(data, dict) and any(isinstance(v, (list, dict)) and v for v in data.values())


def valideer(model: type[BaseModel], data: Any) -> Any:
    """Validate JSON input strictly, as the published schema says: true/false only for a yes/no field (not 0 or 1),
    a number only as a number (not "2026"); dates, amounts and choices as text, as JSON has no type for them."""
    try:
        uit = model.model_validate_json(json.dumps(data, ensure_ascii=False), strict=True)
    except ValidationError as e:
        raise ApiFout(
            422, "ongeldige_invoer", "De invoer klopt niet. Zie de meldingen per veld.", nederlandse_fouten(e)
        ) from None
    controleer_tekstvelden(data)
    return uit


TEKSTVELDEN = frozenset({"label", "naam", "toelichting"})


def controleer_tekstvelden(data: Any) -> None:
    """Every free-text field of the input (labels, names, explanations; `kotwijzer.store.validatie`): the same rule on
    the routes that only compute as on those that save, as the published schema's pattern says. Raises OngeldigeWaarde
    (422 with the field's path)."""
    from kotwijzer.store.validatie import controleer_vrije_tekst

    stapel: list[tuple[Any, str]] = [(data, "")]
    while stapel:
        x, pad = stapel.pop()
        if isinstance(x, dict):
            for k, v in x.items():
                p = f"{pad}.{k}" if pad else str(k)
                if k in TEKSTVELDEN and isinstance(v, str):
                    controleer_vrije_tekst(v, p)
                elif isinstance(v, (dict, list)):
                    stapel.append((v, p))
        elif isinstance(x, list):
            stapel.extend((v, f"{pad}[{i}]") for i, v in enumerate(x) if isinstance(v, (dict, list)))


def controleer_typen(model: type[BaseModel], data: Any) -> None:
    """For input that may be incomplete (the voorwaardencheck): refuse values of the wrong type or out of range, as
    `valideer` would, but let missing fields and unfinished combinations pass."""
    try:
        model.model_validate_json(json.dumps(data, ensure_ascii=False), strict=True)
    except ValidationError as e:
        fouten = [
            f
            for f in e.errors(include_url=False, include_input=False)
            if f.get("type") not in ("missing", "value_error", "assertion_error")
        ]
        if fouten:
            raise ApiFout(
                422, "ongeldige_invoer", "De invoer klopt niet. Zie de meldingen per veld.", vertaal(fouten)
            ) from None
    controleer_tekstvelden(data)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def installeer_handlers(app: FastAPI, html_fout=None) -> None:
    """Exception handlers: JSON with a Dutch message for /api/*, an HTML page (via `html_fout`) elsewhere."""

    def _antwoord(request: Request, status: int, code: str, melding: str, fouten=None, headers=None) -> Response:
        if html_fout is not None and not is_api(request):
            return html_fout(request, status, melding, headers)
        return fout_antwoord(status, code, melding, fouten, headers)

    _handlers_invoer(app, _antwoord)
    _handlers_opslag(app, _antwoord)
    _handlers_http(app, _antwoord)


def _handlers_invoer(app: FastAPI, _antwoord) -> None:
    """Bad input and missing or invalid law data."""

    @app.exception_handler(ApiFout)
    async def _api_fout(request: Request, exc: ApiFout):
        return _antwoord(request, exc.status, exc.code, exc.melding, exc.fouten, exc.headers)

    @app.exception_handler(ValidationError)
    async def _validatie(request: Request, exc: ValidationError):
        return _antwoord(
            request,
            422,
            "ongeldige_invoer",
            "De invoer klopt niet. Zie de meldingen per veld.",
            nederlandse_fouten(exc),
        )

    @app.exception_handler(RequestValidationError)
    async def _request_validatie(request: Request, exc: RequestValidationError):
        return _antwoord(
            request, 422, "ongeldige_invoer", "De invoer klopt niet. Zie de meldingen per veld.", vertaal(exc.errors())
        )

    @app.exception_handler(OntbrekendeInvoer)
    async def _ontbrekend(request: Request, exc: OntbrekendeInvoer):
        code = "ongeldige_invoer" if isinstance(exc, OngeldigeInvoer) else "ontbrekende_invoer"
        return _antwoord(request, 422, code, exc.bericht, [{"veld": exc.veld, "melding": exc.bericht, "code": code}])

    @app.exception_handler(OntbrekendeWetgeving)
    async def _wetgeving(request: Request, exc: OntbrekendeWetgeving):
        return _antwoord(request, 422, "ontbrekende_wetgeving", str(exc))

    @app.exception_handler(OngeldigeWetgeving)
    async def _ongeldige_wetgeving(request: Request, exc: OngeldigeWetgeving):
        log.error("ongeldige wetgevingsdata")
        return _antwoord(
            request,
            500,
            "ongeldige_wetgeving",
            "De wettelijke gegevens van kotwijzer kloppen niet. Meld dit aan de beheerders.",
        )


def _handlers_opslag(app: FastAPI, _antwoord) -> None:
    """What the store refuses: not found, no access, a conflict, a busy password check, an invalid value."""
    from kotwijzer.store import GeenToegang, NietGevonden, OngeldigeWaarde, VersieConflict

    @app.exception_handler(NietGevonden)
    async def _niet_gevonden(request: Request, exc: NietGevonden):
        return _antwoord(request, 404, "niet_gevonden", exc.melding)

    @app.exception_handler(GeenToegang)
    async def _geen_toegang(request: Request, exc: GeenToegang):
        return _antwoord(request, 403, "geen_toegang", exc.melding)

    @app.exception_handler(VersieConflict)
    async def _conflict(request: Request, exc: VersieConflict):
        return _antwoord(request, 409, "versieconflict", exc.melding)

    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError

    from kotwijzer.store.repo import Conflict

    @app.exception_handler(Conflict)
    async def _conflict_algemeen(request: Request, exc: Conflict):
        return _antwoord(request, 409, "conflict", exc.melding)

    @app.exception_handler(IntegrityError)
    @app.exception_handler(StaleDataError)
    @app.exception_handler(ObjectDeletedError)
    async def _race(request: Request, exc: Exception):
        # two requests changed the same thing at the same moment (a delete racing a save, a double create):
        # the database refused one of them; nothing was half-saved. No message or parameters are logged.
        return _antwoord(request, 409, "conflict", Conflict().melding)

    from kotwijzer.store.wachtwoord import WachtwoordDruk

    @app.exception_handler(WachtwoordDruk)
    async def _wachtwoord_druk(request: Request, exc: WachtwoordDruk):
        # more password checks waiting than the pool takes: refused at once, nothing was checked or changed
        return _antwoord(
            request,
            429,
            "te_druk",
            "Het is nu erg druk. Probeer het over een paar seconden opnieuw.",
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(OngeldigeWaarde)
    async def _ongeldig(request: Request, exc: OngeldigeWaarde):
        return _antwoord(
            request,
            422,
            "ongeldige_invoer",
            exc.melding,
            [{"veld": exc.veld, "melding": exc.melding, "code": "ongeldige_waarde"}],
        )


def _handlers_http(app: FastAPI, _antwoord) -> None:
    """HTTP errors, a client that went away, and everything unexpected (never its message)."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        melding = (
            exc.detail
            if isinstance(exc.detail, str) and exc.detail and not _engels(exc.detail)
            else HTTP_MELDING.get(exc.status_code, "Er ging iets mis.")
        )
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": toegestane_methoden(request)}
        return _antwoord(request, exc.status_code, f"http_{exc.status_code}", melding, headers=headers)

    from starlette.requests import ClientDisconnect

    @app.exception_handler(ClientDisconnect)
    async def _weg(request: Request, exc: ClientDisconnect):
        # the client went away (or was cut off for sending too slowly): nobody to answer, nothing to log
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def _onverwacht(request: Request, exc: Exception):
        # normally caught earlier by kotwijzer.http.logboek.VangFouten; never the message, never a stack trace
        code = log_serverfout(exc, request.method, request.url.path)
        return _antwoord(request, 500, "serverfout", f"{MELDING_500} (foutcode {code})", headers={"X-Foutcode": code})


def toegestane_methoden(request: Request) -> str:
    """Every method that some route accepts for this path (the router only names the first matching route's)."""
    from starlette.routing import Match

    methoden = []
    for m in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        scope = {**request.scope, "method": m}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            methoden.append(m)
    return ", ".join(methoden)


def _engels(tekst: str) -> bool:
    return tekst in {
        "Not Found",
        "Method Not Allowed",
        "Unauthorized",
        "Forbidden",
        "Bad Request",
        "There was an error parsing the body",
        "Internal Server Error",
        "Unprocessable Entity",
    }
