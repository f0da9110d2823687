"""The ASGI application: the web pages and the versioned HTTP API in one FastAPI app.

`create_app(database_url)` migrates the database (alembic upgrade head) and returns the app; `serve()` in
`kotwijzer.serve` runs it with uvicorn. This module is the only place that puts `kotwijzer.web` and `kotwijzer.api`
together: the two are siblings over the shared plumbing in `kotwijzer.http` and do not import each other.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

import kotwijzer
from kotwijzer.http.beveiliging import BeveiligingsHeaders, HostBewaking, InlogLimiet, publiek_adres, toegestane_hosts
from kotwijzer.http.fouten import installeer_handlers
from kotwijzer.http.logboek import VangFouten
from kotwijzer.http.pdfpoort import Pdfpoort
from kotwijzer.http.rekenpoort import Rekenpoort, Teerput, VroegeWeigering, WebBudget
from kotwijzer.store import Database

HIER = Path(__file__).parent / "web"  # the pages' static files
log = logging.getLogger("kotwijzer.web")

BESCHRIJVING = """\
Kinderopvangtoeslag als code. De API rekent met dezelfde regels als de webapp en de command line.

* **POST /api/v1/berekening**: proefberekening per maand en per kind, met uitleg, spoor en 'wat moet u nu doen'.
* **POST /api/v1/voorwaardencheck**: ook met onvolledige invoer; per voorwaarde voldaan, niet voldaan of onbekend.
* **POST /api/v1/wat-als** en **POST /api/v1/voorschot-definitief**: vergelijken.
* **GET /api/v1/parameters/{jaar}**: alle wettelijke parameters met bron en status.
* **GET /api/v1/gemeenten** en **/api/v1/gemeenten/{cbs_code}/activiteiten/{code}**: geeft een activiteit van de
  gemeente recht op kinderopvangtoeslag, welke code moet de gemeente doorgeven, wat ziet Dienst Toeslagen?
  **GET /api/v1/gemeenten/overzicht**: per soort activiteit welke gemeenten recht geven.
* Professionals (token uit **POST /api/v1/sessies**): dossiers en scenario's met versies.

Fouten komen terug als JSON met een Nederlandse melding per veld (`fouten[].veld`, `fouten[].melding`).
Er zijn geen namen of BSN nodig; een label dat op een BSN lijkt wordt geweigerd.
"""


def _geheim(database_url: str) -> bytes:
    env = os.environ.get("KOTWIJZER_GEHEIM")
    if env:
        return env.encode()
    pad = Path(os.environ.get("KOTWIJZER_GEHEIM_BESTAND", "var/kotwijzer.geheim"))
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        if not pad.exists():
            # written whole to a temporary file, then linked into place: several workers starting at once all end
            # up with the same secret (link fails for all but one), and nobody reads a half-written file
            tmp = pad.with_name(f".{pad.name}.{os.getpid()}.{secrets.token_hex(4)}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(48))
            try:
                os.link(tmp, pad)
            except FileExistsError:
                pass
            finally:
                tmp.unlink(missing_ok=True)
        return pad.read_text().strip().encode()
    except OSError:
        log.warning("kon geen geheim bewaren; sessies gelden tot de herstart")
        return secrets.token_bytes(48)


def openapi_schema(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document plus the schemas of the request bodies that the API reads itself (Invoer_<Model>)."""
    if app.openapi_schema:
        return app.openapi_schema
    from kotwijzer.api.routes import INVOER_MODELLEN

    spec = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes, servers=[{"url": "/"}]
    )
    comps = spec.setdefault("components", {}).setdefault("schemas", {})
    for naam, model in INVOER_MODELLEN.items():
        s = model.model_json_schema(ref_template="#/components/schemas/Invoer_{model}", mode="validation")
        for dnaam, d in (s.pop("$defs", None) or {}).items():
            comps[f"Invoer_{dnaam}"] = d
        comps[f"Invoer_{naam}"] = s
        if naam == "Huishouden":
            vrij = dict(s)
            vrij.pop("required", None)
            vrij["description"] = "Een huishouden waarvan alle velden mogen ontbreken (voor de voorwaardencheck)."
            comps["Invoer_Huishouden_onvolledig"] = vrij
    from kotwijzer.api.schemas import markeer_onuitdrukbaar, verscherp_schema, voeg_links_toe

    app.openapi_schema = markeer_onuitdrukbaar(voeg_links_toe(verscherp_schema(spec)))
    return app.openapi_schema


def create_app(
    database_url: str | None = None,
    *,
    geheim: bytes | str | None = None,
    secure_cookies: bool | None = None,
    migreren: bool = True,
    limiet: InlogLimiet | None = None,
    beleid=None,
    rekenpoort=None,
    pdfpoort=None,
    teerput=None,
    publiek: str | None = None,
    hosts: list[str] | str | None = None,
) -> FastAPI:
    """The app. `database_url`: SQLAlchemy URL (default: DATABASE_URL or sqlite:///var/kotwijzer.sqlite).
    `secure_cookies`: None = Secure when the request came over https; True/False to force.
    `beleid`: where /beleid reads its run (`kotwijzer.web.beleid.BeleidBron`; default: KOTWIJZER_BELEID_MAP or
    var/beleid/hervormingen, no example run).
    `publiek`: the public address (default KOTWIJZER_PUBLIEK_ADRES); `hosts`: the allowed host names (default
    KOTWIJZER_TOEGESTANE_HOSTS, else the public address's host, else only loopback), see `HostBewaking`.
    `pdfpoort`: where PDFs are drawn (`kotwijzer.http.pdfpoort.Pdfpoort`); `teerput`: how an address over its own
    bounds is answered (`kotwijzer.http.rekenpoort.Teerput`); both default to the environment's settings."""
    from kotwijzer.api.beschikking import router as beschikking_api_router
    from kotwijzer.api.gemeenten import router as gemeenten_api_router
    from kotwijzer.api.routes import router as api_router
    from kotwijzer.http.sessie import SessieMiddleware
    from kotwijzer.web.basis import fout_pagina
    from kotwijzer.web.beleid import BeleidBron
    from kotwijzer.web.beleid import router as beleid_router
    from kotwijzer.web.beschikking import router as beschikking_router
    from kotwijzer.web.gemeenten import router as gemeenten_router
    from kotwijzer.web.pakket_pagina import router as pakket_router
    from kotwijzer.web.pro import router as pro_router
    from kotwijzer.web.publiek import router as web_router

    db = Database(database_url)
    if migreren:
        db.migreer()
    app = FastAPI(
        title="kotwijzer API",
        version=f"1 ({getattr(kotwijzer, '__version__', '0')})",
        description=BESCHRIJVING,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    if secure_cookies is None and os.environ.get("KOTWIJZER_SECURE_COOKIES"):
        secure_cookies = os.environ["KOTWIJZER_SECURE_COOKIES"].lower() in ("1", "true", "ja", "yes")
    g = geheim if geheim is not None else _geheim(db.url)
    app.state.geheim = g.encode() if isinstance(g, str) else g
    app.state.limiet = limiet or InlogLimiet()
    app.state.secure_cookies = bool(secure_cookies)
    app.state.rekenpoort = rekenpoort if rekenpoort is not None else Rekenpoort()
    app.state.pdfpoort = pdfpoort if pdfpoort is not None else Pdfpoort(voorladen=("kotwijzer.web.pdf",))
    app.state.teerput = teerput if teerput is not None else Teerput()
    app.state.beleid = beleid if beleid is not None else BeleidBron()
    app.include_router(api_router)
    app.include_router(beschikking_api_router)
    app.include_router(gemeenten_api_router)
    app.include_router(web_router)
    app.include_router(beschikking_router)
    app.include_router(gemeenten_router)
    app.include_router(beleid_router)
    app.include_router(pro_router)
    app.include_router(pakket_router)
    app.mount("/static", StaticFiles(directory=str(HIER / "static")), name="static")
    installeer_handlers(app, html_fout=fout_pagina)
    app.add_middleware(SessieMiddleware, secure=secure_cookies)
    from kotwijzer.i18n import TaalMiddleware

    app.add_middleware(TaalMiddleware)  # the language of the parent flow (cookie), around everything that renders
    app.add_middleware(BeveiligingsHeaders, hsts=bool(secure_cookies))
    app.add_middleware(VangFouten, html_fout=fout_pagina)  # no exception message reaches a log
    app.add_middleware(VroegeWeigering, poort_van=app)  # refusals of public calculations cost little
    app.add_middleware(WebBudget, poort_van=app)  # the pages that compute: the same per-address bounds
    p = publiek_adres(publiek)
    app.add_middleware(HostBewaking, publiek=p, hosts=toegestane_hosts(hosts, p))  # outermost: no Host injection
    app.openapi = lambda: openapi_schema(app)  # type: ignore[method-assign]
    return app
