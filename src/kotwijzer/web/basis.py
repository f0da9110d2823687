"""Shared pieces of the web pages: templates, rendering, CSRF-checked forms, the logged-in user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData

from kotwijzer import i18n
from kotwijzer.diensten import MAANDNAMEN, OPVANG_TEKST, SITUATIE_TEKST
from kotwijzer.http.beveiliging import csrf_klopt, csrf_token
from kotwijzer.http.fouten import ApiFout
from kotwijzer.i18n import N_, _
from kotwijzer.store import repo
from kotwijzer.store.repo import Actor

HIER = Path(__file__).parent
MAX_FORMULIER = 256 * 1024

templates = Jinja2Templates(directory=str(HIER / "templates"))
templates.env.add_extension("jinja2.ext.i18n")
# the i18n extension adds this method to the Environment at run time; Jinja2's annotations do not know it
templates.env.install_gettext_callables(  # type: ignore[attr-defined]
    i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
)

# The pages of the parent flow: they are shown in the parent's language (Dutch or English, the language switch on
# every one of them). Every other page (professionals, municipalities, policy) is Dutch only. The packet and the
# assessment check serve the workbench too: there they are rendered in Dutch (`i18n.in_taal`) without the switch.
OUDER_PAGINAS = {
    "home.html",
    "vragen.html",
    "uitkomst.html",
    "wat_als.html",
    "voorschot.html",
    "fout.html",
    "begrippen.html",
    "pakket.html",
    "beschikking.html",
}


def _procent(x: Any) -> str:
    return "-" if x is None else f"{i18n.getal(x)}%"


def _datum(x: Any) -> str:
    if x is None:
        return "-"
    if isinstance(x, str):
        try:
            x = dt.datetime.fromisoformat(x)
        except ValueError:
            return x
    if isinstance(x, dt.datetime):
        if x.tzinfo is None:
            x = x.replace(tzinfo=dt.UTC)
        x = x.astimezone(dt.timezone(dt.timedelta(hours=1)))
        return f"{i18n.datum(x.date())}, {x:%H:%M}"
    return i18n.datum(x)


OPVANGSOORT_KORT = {
    "dagopvang": N_("dagopvang"),
    "buitenschoolse_opvang": N_("bso"),
    "gastouderopvang": N_("gastouderopvang"),
}


def _opvangsoort(s: Any) -> str:
    v = getattr(s, "value", s)
    return _(OPVANGSOORT_KORT[v]) if v in OPVANGSOORT_KORT else str(s)


def maand_opties() -> list[tuple[str, str]]:
    return [(str(i), i18n.maandnaam(i)) for i in range(1, 13)]


templates.env.filters.update(
    euro=i18n.euro,
    hele_euro=i18n.hele_euro,
    getal=i18n.getal,
    procent=_procent,
    datum=_datum,
    maandnaam=i18n.maandnaam,
    per_uur=i18n.bedrag_per_uur,
    vertaal=lambda t: _vertaal_kern(t),  # a text marked with N_() where it is defined, or a sentence of the core
    situatie=lambda s: _(SITUATIE_TEKST[str(s)]) if str(s) in SITUATIE_TEKST else str(s),
    opvangsoort=_opvangsoort,
)


def _van_tot(lo: Decimal, hi: Decimal, fmt=None) -> str:
    fmt = fmt or i18n.euro
    return fmt(lo) if lo == hi else _("{a} tot {b}").format(a=fmt(lo), b=fmt(hi))


def bereik_maand(r: Any, maand: int) -> dict[str, str] | None:
    """Texts for a month whose amount the law data does not fix but bounds (Resultaat.bereik), else None."""
    br = getattr(r, "bereik", None)
    m = r.maanden[maand - 1] if r is not None else None
    if br is None or m is None or m.toeslag is not None:
        return None
    mb = br.maanden[maand - 1]
    kosten = sum((k.werkelijke_kosten for k in m.kinderen), Decimal(0))
    ind = " (" + _("indicatie") + ")" if br.soort == "indicatie" else ""
    return {
        "toeslag": _van_tot(mb.toeslag_onder, mb.toeslag_boven) + ind,
        "voorschot": _van_tot(Decimal(int(mb.toeslag_onder)), Decimal(int(mb.toeslag_boven))) + ind,
        "zelf": _van_tot(kosten - mb.toeslag_boven, kosten - mb.toeslag_onder) + ind,
        "recht": N_("ja, bedrag als indicatie") if ind else N_("ja, bedrag tussen twee grenzen"),
    }


def bereik_jaar(r: Any) -> dict[str, str] | None:
    br = getattr(r, "bereik", None)
    if br is None or r.jaar.toeslag is not None:
        return None
    kosten = r.jaar.werkelijke_kosten
    ind = " (" + _("indicatie") + ")" if br.soort == "indicatie" else ""
    return {
        "toeslag": _van_tot(br.jaar_onder, br.jaar_boven) + ind,
        "zelf": _van_tot(kosten - br.jaar_boven, kosten - br.jaar_onder) + ind,
    }


def bereik_kind(r: Any, maand: int, k: Any) -> dict[str, str] | None:
    br = getattr(r, "bereik", None)
    if br is None or k.toeslag is not None:
        return None
    x = next((x for x in br.maanden[maand - 1].kinderen if x.kind == k.kind), None)
    if x is None or x.percentage_onder is None:
        return None
    ind = " (" + _("indicatie") + ")" if br.soort == "indicatie" else ""
    return {
        "percentage": _van_tot(x.percentage_onder, x.percentage_boven, _procent) + ind,
        "toeslag": _van_tot(x.toeslag_onder, x.toeslag_boven) + ind,
        "zelf": _van_tot(k.werkelijke_kosten - x.toeslag_boven, k.werkelijke_kosten - x.toeslag_onder) + ind,
    }


templates.env.globals.update(bereik_maand=bereik_maand, bereik_jaar=bereik_jaar, bereik_kind=bereik_kind)


from kotwijzer.web.aanspreken import derde_persoon  # noqa: E402

templates.env.filters["ouder"] = derde_persoon
templates.env.globals.update(
    MAANDNAMEN=MAANDNAMEN,
    SITUATIE_TEKST=SITUATIE_TEKST,
    OPVANG_TEKST=OPVANG_TEKST,
    maand_opties=maand_opties,
    TAAL_NAAM=i18n.TAAL_NAAM,
    MAAND_OPTIES=[(str(i + 1), n) for i, n in enumerate(MAANDNAMEN)],
)  # Dutch-only pages


def _vertaal_kern(t):
    from kotwijzer.web.kerntekst import vertaal_kern

    return vertaal_kern(t)


def _begrip(id_: str, tekst: str | None = None, gloss: bool = False):
    from kotwijzer.web.begrippen import begrip

    return begrip(id_, tekst, gloss)


def _begrip_lijst():
    from markupsafe import Markup

    return Markup('<a href="/begrippen">{}</a>').format(_("lijst met begrippen"))


def situatie_opties() -> list[tuple[str, str]]:
    return [(k, _(v)) for k, v in SITUATIE_TEKST.items()]


templates.env.globals.update(begrip=_begrip, begrip_lijst=_begrip_lijst, situatie_opties=situatie_opties)


@dataclass
class Ingelogd:
    id: int
    email: str
    rol: str
    organisatie_id: int
    organisatie: str

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.organisatie_id, self.rol)

    @property
    def beheerder(self) -> bool:
        return self.rol == "beheerder"


def sessie_token(request: Request) -> str | None:
    zet = getattr(request.state, "sessie_zet", None)
    return zet or getattr(request.state, "sessie_token", None)


def ingelogd(request: Request) -> Ingelogd | None:
    if hasattr(request.state, "_ingelogd"):
        return request.state._ingelogd
    if not getattr(request.state, "sessie_token", None):
        return None
    g_uit = None
    with request.app.state.db.sessie() as s:
        g = repo.sessie_gebruiker(s, request.state.sessie_token, "web")
        if g is not None:
            g_uit = Ingelogd(g.id, g.email, g.rol, g.organisatie_id, g.organisatie.naam)
    request.state._ingelogd = g_uit
    return g_uit


def vereist_ingelogd(request: Request) -> Ingelogd:
    g = ingelogd(request)
    if g is None:
        raise ApiFout(401, "niet_ingelogd", N_("U bent niet ingelogd, of uw sessie is verlopen. Log (opnieuw) in."))
    return g


def taal_van(request: Request, template: str) -> str:
    """The language a page is shown in: the parent's choice on the pages of the parent flow, else Dutch."""
    return i18n.taal() if template in OUDER_PAGINAS else i18n.STANDAARD


def huidig_adres(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def render(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """A page. Pages of the parent flow are rendered in the parent's language, with the language switch; the
    others in Dutch. (Texts computed before rendering already used the request's language, see `kotwijzer.i18n`.)"""
    from urllib.parse import urlencode

    ctx.setdefault("titel", "kotwijzer")
    ctx.setdefault("fouten", {})
    g = ingelogd(request)
    token = sessie_token(request)
    csrf = csrf_token(request.app.state.geheim, token) if token else ""
    taal = taal_van(request, template)
    ander = "en" if taal == "nl" else "nl"
    ctx.setdefault(
        "taalwissel",
        {
            "taal": ander,
            "naam": i18n.TAAL_NAAM[ander],
            "adres": "/taal?" + urlencode({"naar": ander, "terug": huidig_adres(request)}),
        }
        if template in OUDER_PAGINAS
        else None,
    )
    with i18n.in_taal(taal):
        resp: HTMLResponse = templates.TemplateResponse(
            request, template, {"csrf": csrf, "ingelogd": g, "taal": taal, **ctx}, status_code=status
        )
    if taal == "nl" and _professioneel(ctx):  # the check page and the result for a professional speak about "de ouder"
        from kotwijzer.web.aanspreken import html_derde_persoon

        html = html_derde_persoon(bytes(resp.body).decode("utf-8"))
        resp = HTMLResponse(
            html, status_code=status, headers={k: v for k, v in resp.headers.items() if k.lower() != "content-length"}
        )
    resp.headers["Content-Language"] = taal
    return resp


def _professioneel(ctx: dict[str, Any]) -> bool:
    """A page of the parent flow opened by a professional for a dossier (questionnaire, check page, result)."""
    c = ctx.get("context")
    return ctx.get("pro") is True or (isinstance(c, dict) and c.get("modus") == "professioneel")


def fout_pagina(request: Request, status: int, melding: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    titels = {
        401: N_("Inloggen nodig"),
        403: N_("Geen toegang"),
        404: N_("Pagina niet gevonden"),
        413: N_("Te veel gegevens"),
        422: N_("Dit kon niet"),
        429: N_("Even wachten"),
        503: N_("Even wachten"),
        500: N_("Er ging iets mis"),
    }
    try:
        resp = render(
            request,
            "fout.html",
            status=status,
            titel=_(titels.get(status, N_("Er ging iets mis"))),
            melding=_(melding),
            status_code=status,
        )
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        resp = HTMLResponse(
            f'<!doctype html><html lang="nl"><title>Fout</title><p>{titels.get(status, "Fout")}</p></html>',
            status_code=status,
        )
    if headers:
        for k, v in headers.items():
            resp.headers[k] = v
    return resp


async def formulier(request: Request) -> FormData:
    """The posted form, after checking its size and its CSRF token."""
    lengte = request.headers.get("content-length")
    if lengte is None or not lengte.isdigit():
        raise ApiFout(411, "lengte_nodig", N_("Het formulier kon niet worden gelezen. Probeer het opnieuw."))
    if int(lengte) > MAX_FORMULIER:
        raise ApiFout(413, "te_groot", N_("Het formulier is te groot."))
    ct = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ct not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise ApiFout(415, "verkeerd_formaat", N_("Dit formulier kon niet worden gelezen."))
    try:
        form = await request.form(max_files=0, max_fields=3000)
    except Exception:  # noqa: BLE001 - malformed form bodies are the sender's problem, not a server error
        raise ApiFout(
            400, "ongeldig_formulier", N_("Het formulier kon niet worden gelezen. Probeer het opnieuw.")
        ) from None
    csrf = form.get("csrf")  # a file sent under that name is no token
    if not csrf_klopt(request.app.state.geheim, request.state.sessie_token, csrf if isinstance(csrf, str) else None):
        raise ApiFout(
            403,
            "csrf",
            N_(
                "Deze pagina is verlopen of uw browser blokkeert cookies. Ga terug, laad de pagina "
                "opnieuw en probeer het nog een keer."
            ),
        )
    return form


def tekst(form: Mapping[str, Any], naam: str, standaard: str = "") -> str:
    """One text field of a form or a query string (a file or a missing field gives `standaard`)."""
    v = form.get(naam, standaard)
    return v if isinstance(v, str) else standaard


# the status words of `kotwijzer.leesbaar.status_nl`, translated where they are shown (`|status_nl|vertaal`)
STATUS_WOORDEN = (
    N_("definitief"),
    N_("voorlopig"),
    N_("onvolledig"),
    N_("niet gecontroleerd"),
    N_("ontbreekt"),
    N_("aangekondigd"),
)
