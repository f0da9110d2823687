"""Web pages of the application packet (parent flow and professional workbench): the form for the personal details,
the cover letter as PDF or text. The packet's content is built in kotwijzer.web.pakket; nothing typed here is stored.

The parent's packet page is in the parent's language (Dutch or English); the letter it makes is always Dutch, because
it is addressed to Dienst Toeslagen, and on the English page an English rendering explains what the letter says. The
professional's packet (workbench) is Dutch only, like the rest of the workbench."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kotwijzer import i18n
from kotwijzer.http.catalogus import kern_catalogus
from kotwijzer.i18n import _
from kotwijzer.model import Huishouden, Resultaat
from kotwijzer.web.pakket import (
    BELASTINGTELEFOON,
    VELDEN,
    Persoonsgegevens,
    artikelen_kort,
    brief,
    brief_tekst,
    maanden_tekst,
    pakket,
    pakket_nl,
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
    if ctx["pro"]:  # the workbench is Dutch only
        with i18n.in_taal(i18n.STANDAARD):
            return _pagina_in_taal(request, h, {**ctx, "taalwissel": None}, fouten, w, status)
    return _pagina_in_taal(request, h, ctx, fouten, w, status)


def _pagina_in_taal(
    request: Request,
    h: Huishouden,
    ctx: dict[str, Any],
    fouten: dict[str, str] | None,
    w: dict[str, str] | None,
    status: int,
) -> HTMLResponse:
    from kotwijzer import diensten
    from kotwijzer.compute import bereken
    from kotwijzer.leesbaar import DOCUMENTEN
    from kotwijzer.web.basis import render

    cat = kern_catalogus(request)
    try:
        r = bereken(h, catalogus=cat)
    except diensten.REKENFOUTEN as e:
        from kotwijzer.http.fouten import ApiFout

        raise ApiFout(
            422,
            "niet_te_berekenen",
            _("Het aanvraagpakket kan niet worden gemaakt: ") + diensten.rekenfout_melding(e),
        ) from None
    p = pakket(h, r, cat)
    # on an English page: what the Dutch letter says, per route, in English
    brief_uitleg = (
        {f"{x.code}-{x.wie}": brief(p, x, Persoonsgegevens()) for x in p.routes} if i18n.taal() == "en" else {}
    )
    resp = render(
        request,
        "pakket.html",
        status=status,
        titel=(_("Fout: ") if fouten else "")
        + _("Aanvraagpakket kinderopvangtoeslag {jaar}").format(jaar=h.berekeningsjaar),
        p=p,
        fouten=fouten or {},
        w=w or {},
        velden=VELDEN,
        maanden_tekst=maanden_tekst,
        telefoon=BELASTINGTELEFOON,
        bron_wlz=DOCUMENTEN["001"],
        artikelen_kort=artikelen_kort,
        brief_uitleg=brief_uitleg,
        route_opties=[(f"{x.code}-{x.wie}", route_naam(x, p.partner)) for x in p.routes],
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
    if ctx["pro"]:
        with i18n.in_taal(i18n.STANDAARD):
            gegevens, fouten = persoonsgegevens(velden)
    else:
        gegevens, fouten = persoonsgegevens(velden)
    cat = kern_catalogus(request)
    r = bereken(h, catalogus=cat)
    p = pakket_nl(h, r, cat)  # the letter to Dienst Toeslagen is Dutch, whatever the page's language
    if not p.routes:
        return RedirectResponse(ctx["terug_adres"], status_code=303)
    sleutel = velden.get("route", "")
    route = route_van(p, sleutel)
    if route is None:
        fouten.setdefault("route", _("Kies de situatie waarvoor de brief is."))
    if fouten or route is None:
        w = {k: velden.get(k, "")[:100] for k, _label, _max in VELDEN} | {
            "datum": velden.get("datum", "")[:20],
            "route": velden.get("route", "")[:40],
            "formaat": velden.get("formaat", "pdf")[:10],
        }
        return _pagina(request, h, ctx, fouten, w, status=422)
    naam = f"aanvraagbrief-kinderopvangtoeslag-{p.jaar}-{route.code}"
    if velden.get("formaat") == "tekst":
        with i18n.in_taal(i18n.STANDAARD):  # the letter itself, in Dutch
            tekst = brief_tekst(p, route, gegevens)
        inhoud, soort, naam = (
            tekst.encode("utf-8"),
            "text/plain; charset=utf-8",
            naam + ".txt",
        )
    else:
        # the page for the parent (steps, documents, changes) in the parent's language; the letter in Dutch
        taal = i18n.STANDAARD if ctx["pro"] else i18n.taal()
        ouder = pakket(h, r) if taal != i18n.STANDAARD else p
        inhoud = await run_in_threadpool(pakket_pdf, p, route, gegevens, dossier, None, ouder, taal)
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
        "terug_tekst": _("Terug naar de uitkomst"),
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
    h, ctx, _info = _pro_scenario(request, scenario_id, versie)
    return _pagina(request, h, ctx)


@router.post("/pro/scenarios/{scenario_id}/aanvraagpakket/brief")
async def pro_aanvraagbrief(request: Request, scenario_id: int = Path(ge=1, le=2**31 - 1)):
    from kotwijzer.web.basis import formulier, tekst

    form = await formulier(request)
    versie = tekst(form, "versie")
    h, ctx, info = _pro_scenario(request, scenario_id, int(versie) if versie.isdigit() else None, log=True)
    return await _brief_antwoord(request, form, h, ctx, info)


def route_naam(x: Any, partner: bool) -> str:
    """The route's title, with whose situation it is when there are two parents."""
    if not partner:
        return str(x.titel)
    wie = _("de partner") if x.wie == "partner" else _("de aanvrager")
    return _("{titel} ({wie})").format(titel=x.titel, wie=wie)


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
    templates.env.globals["route_naam"] = route_naam
    templates.env.filters["telefoonlink"] = _met_telefoonlink


_registreer()
