"""Web pages of the application packet (parent flow and professional workbench): the form for the personal details,
the cover letter as PDF or text. The packet's content is built in kotwijzer.web.pakket; nothing typed here is stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kotwijzer.model import Huishouden, Resultaat
from kotwijzer.web.pakket import (
    BELASTINGTELEFOON,
    VELDEN,
    artikelen_kort,
    brief_tekst,
    maanden_tekst,
    pakket,
    persoonsgegevens,
    route_van,
    routes_per_maand,
)

router = APIRouter(include_in_schema=False)
GEEN_OPSLAG = {"Cache-Control": "no-store", "Pragma": "no-cache", "Referrer-Policy": "no-referrer"}


def _pagina(
    request: Request,
    h: Huishouden,
    ctx: dict[str, Any],
    fouten: dict[str, str] | None = None,
    w: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    from kotwijzer import diensten
    from kotwijzer.compute import bereken
    from kotwijzer.leesbaar import DOCUMENTEN
    from kotwijzer.web.basis import render

    try:
        r = bereken(h)
    except diensten.REKENFOUTEN as e:
        from kotwijzer.http.fouten import ApiFout

        raise ApiFout(
            422, "niet_te_berekenen", "Het aanvraagpakket kan niet worden gemaakt: " + diensten.rekenfout_melding(e)
        ) from None
    p = pakket(h, r)
    resp = render(
        request,
        "pakket.html",
        status=status,
        titel=("Fout: " if fouten else "") + f"Aanvraagpakket kinderopvangtoeslag {h.berekeningsjaar}",
        p=p,
        fouten=fouten or {},
        w=w or {},
        velden=VELDEN,
        maanden_tekst=maanden_tekst,
        telefoon=BELASTINGTELEFOON,
        bron_wlz=DOCUMENTEN["001"],
        artikelen_kort=artikelen_kort,
        route_opties=[
            (
                f"{x.code}-{x.wie}",
                x.titel + (f" ({'de partner' if x.wie == 'partner' else 'de aanvrager'})" if p.partner else ""),
            )
            for x in p.routes
        ],
        **ctx,
    )
    resp.headers.update(GEEN_OPSLAG)
    return resp


async def _brief_antwoord(request: Request, form, h: Huishouden, ctx: dict[str, Any], dossier: Any = None) -> Response:
    """The letter as a download, made from the posted fields. The fields are read here and passed on; nothing of
    them is stored, logged or put in an address. Errors show the page again (422) with what was typed."""
    from kotwijzer.compute import bereken
    from kotwijzer.web.pdf import pakket_pdf

    velden = {k: v for k, v in form.items() if isinstance(v, str)}
    gegevens, fouten = persoonsgegevens(velden)
    p = pakket(h, bereken(h))
    if not p.routes:
        return RedirectResponse(ctx["terug_adres"], status_code=303)
    route = route_van(p, velden.get("route", ""))
    if route is None:
        fouten.setdefault("route", "Kies de situatie waarvoor de brief is.")
    if fouten or route is None:
        w = {k: velden.get(k, "")[:100] for k, _, _ in VELDEN} | {
            "datum": velden.get("datum", "")[:20],
            "route": velden.get("route", "")[:40],
            "formaat": velden.get("formaat", "pdf")[:10],
        }
        return _pagina(request, h, ctx, fouten, w, status=422)
    naam = f"aanvraagbrief-kinderopvangtoeslag-{p.jaar}-{route.code}"
    if velden.get("formaat") == "tekst":
        inhoud, soort, naam = (
            brief_tekst(p, route, gegevens).encode("utf-8"),
            "text/plain; charset=utf-8",
            naam + ".txt",
        )
    else:
        inhoud = await run_in_threadpool(pakket_pdf, p, route, gegevens, dossier)
        soort, naam = "application/pdf", naam + ".pdf"
    return Response(
        inhoud, media_type=soort, headers={**GEEN_OPSLAG, "Content-Disposition": f'attachment; filename="{naam}"'}
    )


def _ouder_ctx(request: Request, a: str) -> dict[str, Any]:
    from urllib.parse import quote

    return {
        "a": a,
        "brief_actie": "/aanvraagpakket/brief",
        "terug_adres": f"/uitkomst?a={quote(a)}",
        "terug_tekst": "Terug naar de uitkomst",
        "pro": False,
        "dossier": None,
        "versie": None,
    }


@router.get("/aanvraagpakket", response_class=HTMLResponse)
def aanvraagpakket(request: Request, a: str | None = None):
    from kotwijzer.web.publiek import huishouden_uit_staat, staat_uit_token

    staat, melding = staat_uit_token(request, a)
    if melding or not a:
        return RedirectResponse("/vragen?verlopen=1", status_code=303)
    return _pagina(request, huishouden_uit_staat(staat), _ouder_ctx(request, a))


@router.post("/aanvraagpakket/brief")
async def aanvraagbrief(request: Request):
    from kotwijzer.web.basis import formulier, tekst
    from kotwijzer.web.publiek import huishouden_uit_staat, staat_uit_token

    form = await formulier(request)
    a = tekst(form, "a")
    staat, melding = staat_uit_token(request, a)
    if melding or not a:
        return RedirectResponse("/vragen?verlopen=1", status_code=303)
    return await _brief_antwoord(request, form, huishouden_uit_staat(staat), _ouder_ctx(request, a))


def _pro_scenario(request: Request, scenario_id: int, versie: int | None, log: bool = False):
    from kotwijzer.store import repo
    from kotwijzer.web.basis import vereist_ingelogd
    from kotwijzer.web.pdf import Dossierinfo

    g = vereist_ingelogd(request)
    with request.app.state.db.sessie() as s:
        sc = repo.scenario(s, g.actor, scenario_id)
        v = repo.scenario_versie(s, g.actor, scenario_id, versie if versie and 0 < versie < 2**31 else None)
        info = Dossierinfo(repo.dossier(s, g.actor, sc.dossier_id).label, sc.naam, v.versie, v.aangemaakt)
        if log:
            repo.log_lezen(s, g.actor, "pakket_gedownload", "scenario", sc.id, v.versie, dossier_id=sc.dossier_id)
        invoer = v.invoer
    ctx = {
        "a": None,
        "brief_actie": f"/pro/scenarios/{scenario_id}/aanvraagpakket/brief",
        "terug_adres": f"/pro/scenarios/{scenario_id}",
        "terug_tekst": "Terug naar het scenario",
        "pro": True,
        "dossier": info,
        "versie": info.versie,
    }
    return Huishouden.model_validate(invoer), ctx, info


@router.get("/pro/scenarios/{scenario_id}/aanvraagpakket", response_class=HTMLResponse)
def pro_aanvraagpakket(request: Request, scenario_id: int = Path(ge=1, le=2**31 - 1), versie: int | None = None):
    from kotwijzer.web.basis import ingelogd

    if ingelogd(request) is None:
        return RedirectResponse("/inloggen", status_code=303)
    h, ctx, _ = _pro_scenario(request, scenario_id, versie)
    return _pagina(request, h, ctx)


@router.post("/pro/scenarios/{scenario_id}/aanvraagpakket/brief")
async def pro_aanvraagbrief(request: Request, scenario_id: int = Path(ge=1, le=2**31 - 1)):
    from kotwijzer.web.basis import formulier, tekst

    form = await formulier(request)
    versie = tekst(form, "versie")
    h, ctx, info = _pro_scenario(request, scenario_id, int(versie) if versie.isdigit() else None, log=True)
    return await _brief_antwoord(request, form, h, ctx, info)


def _heeft_pakket(r: Resultaat | None) -> bool:
    """For the result page and the workbench: does this result need a packet (some month rests on a route)?"""
    return r is not None and bool(routes_per_maand(r))


def _met_telefoonlink(tekst: str) -> Any:
    """The text (escaped) with the BelastingTelefoon's number as a link that a phone can call."""
    from markupsafe import Markup, escape

    return Markup(
        str(escape(tekst)).replace(
            BELASTINGTELEFOON, f'<a href="tel:{BELASTINGTELEFOON.replace("-", "")}">{BELASTINGTELEFOON}</a>'
        )
    )


def _registreer() -> None:
    from kotwijzer.web.basis import templates

    templates.env.globals["heeft_pakket"] = _heeft_pakket
    templates.env.filters["telefoonlink"] = _met_telefoonlink


_registreer()
