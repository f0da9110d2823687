"""Pages for parents and anyone helping them: the questionnaire, the result, 'wat als', voorschot versus
definitief, the PDF summary, and the API documentation page. Every page works without JavaScript."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from kotwijzer import diensten, i18n
from kotwijzer.compute import bereken, uiterste_aanvraagdatum, voorwaardencheck
from kotwijzer.diensten import Wijziging
from kotwijzer.foutmeldingen import nederlandse_fouten
from kotwijzer.http.catalogus import app_catalogus, kern_catalogus
from kotwijzer.http.fouten import ApiFout
from kotwijzer.i18n import N_, _
from kotwijzer.leesbaar import status_nl
from kotwijzer.model import Huishouden
from kotwijzer.municipal import CatalogusBron
from kotwijzer.web import formulier as fm
from kotwijzer.web import hervatten
from kotwijzer.web.basis import formulier, ingelogd, render, tekst, templates

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return render(request, "home.html", titel=_("Kinderopvangtoeslag: heeft u recht, en hoeveel?"))


@router.get("/taal")
def taal_kiezen(request: Request, naar_taal: str = Query("nl", alias="naar"), terug: str = "/"):
    """The language switch (a link on every page of the parent flow): remembers the choice in a cookie and goes back
    to the same page (only an address on this site)."""
    t = i18n.kies_taal(naar_taal)
    if not terug.startswith("/") or terug.startswith("//") or "\\" in terug or len(terug) > 9000:
        terug = "/"
    resp = naar(terug)
    secure = request.url.scheme == "https" or bool(getattr(request.app.state, "secure_cookies", False))
    resp.set_cookie(i18n.COOKIE, t, max_age=365 * 24 * 3600, path="/", httponly=True, samesite="lax", secure=secure)
    return resp


@router.get("/begrippen", response_class=HTMLResponse)
def begrippen(request: Request):
    from kotwijzer.web.begrippen import BEGRIPPEN

    return render(request, "begrippen.html", titel=_("Begrippen"), begrippen=BEGRIPPEN)


@router.get("/over", response_class=HTMLResponse)
def over(request: Request):
    return render(request, "over.html", titel="Over kotwijzer")


# ----------------------------------------------------------------------------------------------- questionnaire
def token(request: Request, staat: dict[str, Any]) -> str:
    """The answers so far as a signed, compressed, time-limited token for the address (see `hervatten`)."""
    return hervatten.maak(request.app.state.geheim, staat)


def stap_adres(request: Request, stap: str, staat: dict[str, Any], **extra: str) -> str:
    from urllib.parse import urlencode

    return f"/vragen/{stap}?" + urlencode({"a": token(request, staat), **extra})


def naar_stap(request: Request, stap: str, staat: dict[str, Any], **extra: str) -> RedirectResponse:
    """303 to a step, and the newest answers in the questionnaire's cookie (so that Back shows them, see
    `hervatten`)."""
    import secrets
    from urllib.parse import urlencode

    staat.setdefault("id", secrets.token_urlsafe(6))
    a = token(request, staat)
    resp = naar(f"/vragen/{stap}?" + urlencode({"a": a, **extra}))
    zet_antwoorden_cookie(request, resp, a)
    return resp


def zet_antwoorden_cookie(request: Request, resp: Response, a: str) -> None:
    secure = request.url.scheme == "https" or bool(getattr(request.app.state, "secure_cookies", False))
    if len(a) > hervatten.MAX_COOKIE:
        resp.delete_cookie(hervatten.COOKIE, path="/vragen")
        return
    resp.set_cookie(hervatten.COOKIE, a, path="/vragen", httponly=True, samesite="lax", secure=secure)


def _nieuwste(request: Request, staat: dict[str, Any], a: str | None) -> dict[str, Any]:
    """The answers in the cookie when they are a newer version of the same questionnaire than the address."""
    return _nieuwste_en_of(request, staat, a)[0]


def _nieuwste_en_of(request: Request, staat: dict[str, Any], a: str | None) -> tuple[dict[str, Any], bool]:
    """(answers, True) when the cookie holds a newer version of the same questionnaire than the address: the parent
    went on after this address was made (for example corrected the errors on it), so an old error page is not shown
    again when she comes Back to it."""
    c = request.cookies.get(hervatten.COOKIE)
    if not c or not a or c == a or not staat.get("id"):
        return staat, False
    try:
        cookie_staat, t_cookie = hervatten.lees_met_tijd(request.app.state.geheim, c)
        _s, t_adres = hervatten.lees_met_tijd(request.app.state.geheim, a)
    except (hervatten.LinkVerlopen, hervatten.LinkOngeldig):
        return staat, False
    if isinstance(cookie_staat, dict) and cookie_staat.get("id") == staat.get("id") and t_cookie >= t_adres:
        return fm.lees_staat(fm.staat_tekst(cookie_staat)), True
    return staat, False


def naar(adres: str) -> RedirectResponse:
    """303 See Other: the browser GETs the next page, so Back, Forward and reload never re-post a form."""
    return RedirectResponse(adres, status_code=303)


def toon_stap(
    request: Request,
    stap: str,
    staat: dict[str, Any],
    fouten: dict[str, str] | None = None,
    waarden: dict[str, str] | None = None,
    rijen: list | None = None,
    status: int = 200,
    vervolg: bool = False,
    melding: str | None = None,
    erbij: bool = False,
    terug: str | None = None,
) -> HTMLResponse:
    st = fm.stappen(staat)
    if stap not in st:
        stap = st[0]
    j = fm.jaar(staat)
    kgu_jaar = fm.kgu(j)
    a = token(request, staat)
    ctx: dict[str, Any] = {
        "stap": stap,
        "stap_nr": st.index(stap) + 1,
        "stap_totaal": len(st),
        "a": a,
        "jaar": j,
        "kgu": kgu_jaar,
        "jaren": fm.JAREN,
        "max_kinderen": fm.MAX_KINDEREN,
        "stap_titel": fm.stap_titel(stap, staat),
        "context": staat.get("context") or {},
        "pro": (staat.get("context") or {}).get("modus") == "professioneel",
        "vorige_stap": fm.vorige(staat, stap) if st.index(stap) > 0 else None,
        "terug": terug if stap != "controle" else None,
        "hervat_adres": str(request.base_url).rstrip("/") + stap_adres(request, stap, staat),
        "geldig": hervatten.GELDIG_TEKST,
        "vervolg": vervolg,
        "melding": melding,
        "partner": staat.get("partner") is True,
    }
    if stap == "gezin":
        ctx["w"] = waarden or fm.gezin_waarden(staat)
        ctx["jaar_status"] = {jj: _tabel_soort(jj) for jj in fm.JAREN}
        ctx["jaar_meldingen"] = jaar_meldingen(fm.JAREN)
    elif stap in ("aanvrager", "partner"):
        cat = app_catalogus(request)
        if cat.gemeenten:
            ctx["gemeente_opties"] = [(g.cbs_code, g.naam) for g in cat.gemeenten]
            ctx["activiteit_opties"] = {
                g.cbs_code: [(a.code, a.naam) for a in cat.activiteiten_van(g.cbs_code)] for g in cat.gemeenten
            }
        # the rows as the form keeps them (texts), with what to show added for the template
        rijen_stap: list[dict[str, Any]] = (
            rijen if rijen is not None else fm.periode_rijen_uit_staat(staat, stap, 1 if erbij else None)
        )
        for r in rijen_stap:
            t = fm.toon(r, kgu_jaar, bool(cat.gemeenten))
            al = set(filter(None, r.get("getoond", "").split(",")))
            r["toon"] = {k: v or k in al for k, v in t.items()}
            r["getoond"] = ",".join(k for k, v in r["toon"].items() if v)
        ctx["rijen"] = rijen_stap
        ctx["wie"] = stap
    elif stap == "kinderen":
        ctx["kinderen"] = rijen if rijen is not None else fm.kind_rijen_uit_staat(staat, -1 if erbij else None)
    elif stap == "inkomen":
        ctx["w"] = waarden or fm.inkomen_waarden(staat)
    elif stap == "controle":
        ctx["overzicht"] = fm.overzicht(staat, app_catalogus(request))
        per_stap = fouten if fouten is not None else _controle_fouten(staat, kern_catalogus(request))
        ctx["stap_fouten"] = per_stap
        fouten = {f"wijzig-{k}": v for k, v in per_stap.items()}
    titel = _("{titel} (stap {nr} van {totaal})").format(
        titel=fm.stap_titel(stap, staat), nr=ctx["stap_nr"], totaal=ctx["stap_totaal"]
    )
    if fouten:
        titel = _("Fout: ") + titel
    # the error summary says for every message which field (and which child or period) it is about
    labels = [str(k.get("label") or "") for k in ctx["kinderen"]] if stap == "kinderen" else None
    ctx["samenvatting"] = {
        v: (f"{naam}: {m}" if (naam := fm.veld_naam(v, staat, labels)) else m) for v, m in (fouten or {}).items()
    }
    return render(request, "vragen.html", status=status, titel=titel, fouten=fouten or {}, **ctx)


def _controle_fouten(staat: dict[str, Any], catalogus: CatalogusBron) -> dict[str, str]:
    """Problems the core sees in the answers, keyed by step (shown on the check page with a link back)."""
    uit: dict[str, str] = {}
    try:
        h = Huishouden.model_validate(fm.huishouden_dict(staat))
    except ValidationError as e:
        for f in nederlandse_fouten(e):
            uit.setdefault(fm.stap_van_veld(f["veld"]), f["melding"])
        return uit
    try:
        voorwaardencheck(h, catalogus=catalogus)
    except diensten.REKENFOUTEN as e:
        veld = getattr(e, "veld", "")
        uit.setdefault(fm.stap_van_veld(veld) if veld else "gezin", diensten.rekenfout_melding(e))
    return uit


PROEFBEREKENING = (
    "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/content/hulpmiddel-proefberekening-toeslagen"
)


templates.env.globals["proefberekening"] = PROEFBEREKENING

PARAMETER_NAAM = {
    "koppeling_gewerkte_uren": N_("Uren opvang hangen af van de gewerkte uren"),
    "werkloosheidstermijn_maanden": N_("Recht loopt door na stoppen met werk (maanden)"),
    "zwangerschap_dagen_voor_vermoedelijke_bevalling": N_("Zwangerschap: dagen voor de bevalling"),
    "zwangerschap_dagen_na_bevalling": N_("Zwangerschap: dagen na de bevalling"),
    "terugwerkende_kracht_maanden": N_("Een aanvraag werkt terug (maanden)"),
    "wlz_permanent_telt": N_("Blijvende Wlz-indicatie telt mee"),
    "wlz_tijdelijk_telt": N_("Tijdelijke Wlz-indicatie telt mee"),
    "detentie_telt": N_("Detentie telt mee"),
    "voorlopige_hechtenis_telt": N_("Voorlopige hechtenis telt mee"),
    "categorie_c_telt": N_("Traject dat niet op werk gericht is telt mee"),
    "inburgering_alle_activiteiten": N_("Alle onderdelen van inburgering tellen mee"),
    "doorloop_na_traject_maanden": N_("Recht loopt door na een traject (maanden)"),
    "max_uren_per_maand": N_("Hoogstens uren opvang per maand"),
    "uren_per_maand_ontkoppeld": N_("Uren opvang per maand (los van gewerkte uren)"),
    "kgu_corona_verruiming": N_("Ruimere regel in de coronatijd"),
    "maximum_uurprijs": N_("Maximum uurprijs"),
    "percentage_tabel": N_("Uw regel in de tabel met percentages"),
}
SLEUTEL_NAAM = {
    "dagopvang": N_("dagopvang"),
    "buitenschoolse_opvang": N_("bso"),
    "gastouderopvang": N_("gastouderopvang"),
    "rij": N_("regel"),
    "van": N_("inkomen vanaf"),
    "tot_en_met": N_("tot en met"),
    "eerste_kind": N_("eerste kind"),
    "overige_kinderen": N_("andere kinderen"),
}


def waarde_nl(v: Any, sleutel: str = "") -> str:
    """A parameter value in plain Dutch: ja/nee, numbers with a decimal comma, amounts in euros."""
    if isinstance(v, bool):
        return _("ja") if v else _("nee")
    if isinstance(v, dict):
        return ", ".join(
            f"{_(SLEUTEL_NAAM[str(k)]) if str(k) in SLEUTEL_NAAM else str(k).replace('_', ' ')} {waarde_nl(x, str(k))}"
            for k, x in v.items()
        )
    if isinstance(v, (list, tuple)):
        return ", ".join(waarde_nl(x) for x in v)
    if v is None:
        return _("onbekend")
    try:
        d = Decimal(str(v))
    except ArithmeticError:
        return str(v)
    if sleutel in ("dagopvang", "buitenschoolse_opvang", "gastouderopvang"):
        return i18n.euro(d)
    if sleutel in ("eerste_kind", "overige_kinderen"):
        return i18n.getal(d) + "%"
    if sleutel in ("van", "tot_en_met"):
        return i18n.hele_euro(d)
    return i18n.getal(d)


templates.env.filters["status_nl"] = status_nl
templates.env.filters["waarde_nl"] = waarde_nl
templates.env.filters["parameter_naam"] = lambda n: (
    _(PARAMETER_NAAM[str(n)]) if str(n) in PARAMETER_NAAM else str(n).replace("_", " ").capitalize()
)


def _tabel_soort(j: int) -> str:
    """'ontbreekt', 'onvolledig', 'voorlopig' or 'definitief': the state of year j's percentage table."""
    from kotwijzer.params import OngeldigeWetgeving, OntbrekendeWetgeving, tabel

    try:
        status = str(tabel(j).status)
    except (OntbrekendeWetgeving, OngeldigeWetgeving):
        from kotwijzer.params.indicatie import indicatie_voor_jaar

        return "indicatie" if indicatie_voor_jaar(j) is not None else "ontbreekt"
    return {"partial": "onvolledig", "provisional": "voorlopig", "unverified": "voorlopig"}.get(status, status)


def _jaren_tekst(jaren: list[int]) -> str:
    t = [str(j) for j in jaren]
    return t[0] if len(t) == 1 else ", ".join(t[:-1]) + " " + _("en") + " " + t[-1]


def jaar_meldingen(jaren) -> list[dict[str, Any]]:
    """For the screen where the year is chosen: the years whose amounts cannot (all) be computed, grouped."""
    groepen: dict[str, list[int]] = {}
    for j in jaren:
        groepen.setdefault(_tabel_soort(j), []).append(j)
    uit = []
    if groepen.get("ontbreekt"):
        uit.append(
            {
                "soort": "ontbreekt",
                "link": True,
                "tekst": _(
                    "Voor {jaren} hebben wij de officiële tabel met percentages niet. U ziet wel of u recht heeft en "
                    "voor hoeveel uur, maar niet het bedrag."
                ).format(jaren=_jaren_tekst(groepen["ontbreekt"])),
            }
        )
    if groepen.get("indicatie"):
        uit.append(
            {
                "soort": "indicatie",
                "link": True,
                "tekst": _(
                    "Voor {jaren} zijn de tabel met percentages en de maximum uurprijzen nog niet vastgesteld. U ziet "
                    "of u recht heeft en voor hoeveel uur, en een indicatie van het bedrag met wat is aangekondigd: "
                    "niet het bedrag volgens de wet."
                ).format(jaren=_jaren_tekst(groepen["indicatie"])),
            }
        )
    if groepen.get("onvolledig"):
        uit.append(
            {
                "soort": "onvolledig",
                "link": True,
                "tekst": _(
                    "Voor {jaren} is onze tabel niet compleet. Bij sommige inkomens kunnen wij het bedrag niet "
                    "berekenen."
                ).format(jaren=_jaren_tekst(groepen["onvolledig"])),
            }
        )
    if groepen.get("voorlopig"):
        uit.append(
            {
                "soort": "voorlopig",
                "link": False,
                "tekst": _("Voor {jaren} is de tabel nog niet definitief. Het bedrag kan nog iets veranderen.").format(
                    jaren=_jaren_tekst(groepen["voorlopig"])
                ),
            }
        )
    return uit


def jaar_status(j: int) -> str | None:
    """What the parent must know about the percentage table of year j (None: complete)."""
    status = _tabel_soort(j)
    if status == "ontbreekt":
        return _(
            "Voor {jaar} hebben wij de officiële tabel met percentages niet. U ziet wel of u recht heeft en voor "
            "hoeveel uur, maar niet het bedrag. Het bedrag berekent u met de proefberekening van Dienst "
            "Toeslagen."
        ).format(jaar=j)
    if status == "indicatie":
        return _(
            "Voor {jaar} zijn de bedragen nog niet vastgesteld. U ziet of u recht heeft en voor hoeveel uur, en "
            "een indicatie met de aangekondigde bedragen, niet het bedrag volgens de wet. Het echte bedrag "
            "berekent u met de proefberekening van Dienst Toeslagen zodra die de bedragen kent."
        ).format(jaar=j)
    if status == "onvolledig":
        return _(
            "Voor {jaar} is onze tabel met percentages niet compleet. Bij sommige inkomens kunnen wij het bedrag "
            "niet berekenen. Dan verwijzen wij u naar de proefberekening van Dienst Toeslagen."
        ).format(jaar=j)
    if status == "voorlopig":
        return _(
            "Voor {jaar} rekenen wij met een tabel die nog niet definitief is. Het bedrag kan nog iets veranderen."
        ).format(jaar=j)
    return None


def staat_uit_token(request: Request, a: str | None) -> tuple[dict[str, Any], str | None]:
    """The answers in the address, or a new questionnaire with a Dutch message when the link expired or is broken."""
    if not a:
        return fm.nieuwe_staat(), None
    try:
        s = hervatten.lees(request.app.state.geheim, a)
    except (hervatten.LinkVerlopen, hervatten.LinkOngeldig) as e:
        return fm.nieuwe_staat(), str(e)
    return fm.lees_staat(fm.staat_tekst(s) if isinstance(s, dict) else ""), None


def _staat_uit_form(request: Request, form) -> tuple[dict[str, Any], str | None]:
    """A form carries the answers as a token (`a`); older forms (and the professional pages) as JSON (`staat`)."""
    a = tekst(form, "a")
    if a:
        return staat_uit_token(request, a)
    return fm.lees_staat(tekst(form, "staat")), None


@router.get("/vragen", response_class=HTMLResponse)
def vragen_start(request: Request, verlopen: str | None = None):
    """A new questionnaire: the first step gets an address with its own token too (303), so that Back to the first
    step finds the answers of this questionnaire."""
    if verlopen:
        return toon_stap(
            request,
            "gezin",
            fm.nieuwe_staat(),
            melding=_(
                "Deze link is verlopen of klopt niet. Uw antwoorden zijn daarom niet meer te "
                "openen. Begin hieronder opnieuw."
            ),
        )
    return naar_stap(request, "gezin", fm.nieuwe_staat())


@router.get("/vragen/{stap}", response_class=HTMLResponse)
def vragen_stap(
    request: Request,
    stap: str,
    a: str | None = None,
    c: str | None = None,
    vervolg: str | None = None,
    erbij: str | None = None,
    terug: str | None = None,
):
    """One step of the questionnaire, rebuilt from the answers in the address. `c`: answers that were posted with an
    error (the page shows them with the error messages), unless the parent has gone on since; `vervolg`: the step
    asks follow-up questions; `terug=controle`: the step was opened with 'Wijzigen' on the check page and returns
    there."""
    staat, melding = staat_uit_token(request, a)
    nieuwer = False
    if not melding:
        staat, nieuwer = _nieuwste_en_of(request, staat, a)
    terug = "controle" if terug == "controle" else None
    if melding or stap not in fm.stappen(staat):
        return toon_stap(
            request, "gezin", staat, melding=melding, status=404 if not melding and stap not in fm.STAPPEN else 200
        )
    if c and not nieuwer:
        try:
            velden = hervatten.lees(request.app.state.geheim, c, "concept")
        except (hervatten.LinkVerlopen, hervatten.LinkOngeldig):
            velden = None
        if isinstance(velden, dict) and velden.get("stap") == stap:
            velden = {str(k): str(v) for k, v in velden.items()}
            uit = _verwerk(request, stap, velden, json.loads(fm.staat_tekst(staat)))
            if uit.get("fouten"):
                return toon_stap(
                    request,
                    stap,
                    staat,
                    fouten=uit["fouten"],
                    waarden=velden if stap in ("gezin", "inkomen") else None,
                    rijen=uit.get("rijen"),
                    status=422,
                    terug=terug,
                )
    return toon_stap(request, stap, staat, vervolg=bool(vervolg), erbij=bool(erbij), terug=terug)


def _verwerk(request: Request, stap: str, velden: dict[str, str], staat: dict[str, Any]) -> dict[str, Any]:
    """Apply the answers of one step to the state. Returns {"fouten", "rijen", "vervolg"}; the state is changed only
    when there are no errors."""
    actie = velden.get("actie", "volgende")
    if stap == "gezin":
        return {"fouten": fm.verwerk_gezin(velden, staat)}
    if stap in ("aanvrager", "partner"):
        rijen = fm.periode_rijen_uit_form(velden, stap)
        perioden, f = fm.verwerk_perioden(rijen, staat, stap, app_catalogus(request))
        if f:
            return {"fouten": f, "rijen": rijen}
        ouder = staat["invoer"].get(stap)
        if not isinstance(ouder, dict):
            ouder = staat["invoer"][stap] = {}
        ouder["situaties"] = perioden
        return {"fouten": f, "vervolg": f.vervolg, "blijf": actie == "nog_een"}
    if stap == "kinderen":
        rijen = fm.kind_rijen_uit_form(velden, staat)
        kinderen, f = fm.verwerk_kinderen(rijen, staat)
        if not f:
            f = _kinder_fouten({**staat, "invoer": {**staat["invoer"], "kinderen": kinderen}}, kern_catalogus(request))
        if f:
            return {"fouten": f, "rijen": rijen}
        staat["invoer"]["kinderen"] = kinderen
        return {"fouten": f, "blijf": actie == "nog_een"}
    if stap == "inkomen":
        return {"fouten": fm.verwerk_inkomen(velden, staat)}
    if stap == "controle":
        return {"fouten": _controle_fouten(staat, kern_catalogus(request))}
    return {"fouten": {}}


def _kinder_fouten(staat: dict[str, Any], catalogus: CatalogusBron) -> fm.Fouten:
    """What the core refuses about the children (for example dagopvang for a child that goes to school), shown at the
    step where the child is entered instead of only on the check page."""
    f = fm.Fouten()
    try:
        h = Huishouden.model_validate(fm.huishouden_dict(staat))
    except ValidationError as e:
        for x in nederlandse_fouten(e):
            veld = fm.formulierveld(x["veld"])
            if veld:
                f.voeg(veld, x["melding"])
        return f
    try:
        voorwaardencheck(h, catalogus=catalogus)
    except diensten.REKENFOUTEN as e:
        veld = fm.formulierveld(getattr(e, "veld", "") or "")
        if veld:
            f.voeg(veld, diensten.rekenfout_melding(e))
    return f


@router.post("/vragen", response_class=HTMLResponse)
async def vragen(request: Request):
    """Post/Redirect/Get: the answers of a step are checked and the browser is sent (303) to the address of the next
    step (or of the same step with the error messages), which holds the answers in a token."""
    form = await formulier(request)
    staat, melding = _staat_uit_form(request, form)
    if melding:
        return naar("/vragen?verlopen=1")
    stap = tekst(form, "stap")
    if stap not in fm.stappen(staat):
        stap = "gezin"
    actie = tekst(form, "actie", "volgende")
    terug = {"terug": "controle"} if tekst(form, "terug") == "controle" and stap != "controle" else {}
    velden = {k: v for k, v in form.items() if isinstance(v, str) and k not in ("csrf", "a", "staat", "terug")}
    velden["stap"] = stap
    if actie.startswith("ga_") and actie[3:] in fm.stappen(staat):
        return naar_stap(request, actie[3:], staat)
    if actie == "vorige":
        if terug:
            return naar_stap(request, "controle", staat)
        return naar_stap(request, fm.vorige(staat, stap), staat)
    uit = _verwerk(request, stap, velden, staat)
    if uit.get("fouten"):
        c = hervatten.maak(request.app.state.geheim, velden, "concept")
        return naar_stap(request, stap, staat, c=c, **terug)
    if uit.get("vervolg"):
        return naar_stap(request, stap, staat, vervolg="1", **terug)
    if uit.get("blijf"):
        return naar_stap(request, stap, staat, erbij="1", **terug)
    if stap == "controle":
        return naar(uitkomst_adres(request, staat))
    if terug:
        # 'Wijzigen' on the check page: back to the check page, unless a later step now needs an answer (for example
        # the partner's step after 'partner: ja', or a child that was added)
        st = fm.stappen(staat)
        for s_ in st[st.index(stap) + 1 : -1]:
            if not fm.stap_compleet(staat, s_):
                return naar_stap(request, s_, staat, **terug)
        return naar_stap(request, "controle", staat)
    return naar_stap(request, fm.volgende(staat, stap), staat)


def uitkomst_adres(request: Request, staat: dict[str, Any], pad: str = "/uitkomst") -> str:
    from urllib.parse import urlencode

    return f"{pad}?" + urlencode({"a": token(request, staat)})


# ----------------------------------------------------------------------------------------------------- result
BELASTINGTELEFOON = "0800-0543"
BELASTINGTELEFOON_URL = "https://www.belastingdienst.nl/wps/wcm/connect/nl/contact/content/belastingtelefoon"
MIJN_TOESLAGEN_URL = "https://mijn.toeslagen.nl"
templates.env.globals.update(
    belastingtelefoon=BELASTINGTELEFOON,
    belastingtelefoon_url=BELASTINGTELEFOON_URL,
    mijn_toeslagen_url=MIJN_TOESLAGEN_URL,
)
APPLY_STAP = "Vraag de toeslag op tijd aan"  # the core's step to apply (shown only while it is still to be done)


def _is_termijn_waarschuwing(tekst: str) -> bool:
    """The core's warning that an application (made or assumed today) comes too late for some months. The result
    says that once, at the top, with the months and the amount; the warning would repeat it."""
    return "te laat" in tekst and "aanvraag" in tekst


def _contact(tekst: str) -> list[dict[str, str]]:
    """The phone number and the address for a step that sends the parent to the BelastingTelefoon or Mijn
    toeslagen."""
    uit = []
    if "BelastingTelefoon" in tekst or "Belastingtelefoon" in tekst:
        uit.append({"soort": "telefoon", "nummer": BELASTINGTELEFOON, "url": BELASTINGTELEFOON_URL})
    if "Mijn toeslagen" in tekst:
        uit.append({"soort": "mijn_toeslagen", "url": MIJN_TOESLAGEN_URL})
    return uit


def _aanpassen_aan_antwoorden(ctx: dict[str, Any], h: Huishouden, aangevraagd: bool | None) -> None:
    """Advice that follows the parent's own answers: no question that she has answered, no step to apply when she
    has applied, the lateness said once (at the top), and a number and a link wherever she is sent to call or log in."""
    vc = ctx.get("vc")
    if vc is not None and vc.vragen and (aangevraagd is not None or h.aanvraagdatum is not None):
        ctx["vc"] = vc.model_copy(
            update={"vragen": [q for q in vc.vragen if getattr(q, "veld", "") != "aanvraagdatum"]}
        )
    r = ctx.get("r")
    ctx["aannames"] = [
        a for a in (r.aannames if r is not None else []) if not (aangevraagd is not None and "aanvraagdatum" in a)
    ]
    if r is not None and len(ctx["aannames"]) != len(r.aannames):
        ctx["r"] = r.model_copy(update={"aannames": ctx["aannames"]})  # the PDF reads them from the result
    stappen = []
    for s_ in ctx.get("stappen") or []:
        if s_["soort"] == "stap" and s_["titel"] == APPLY_STAP and h.aanvraagdatum is not None:
            continue  # she has applied: the deadline is no step any more (the top says whether it was in time)
        if s_["soort"] != "stap" and _is_termijn_waarschuwing(s_["tekst"]) and ctx.get("kop"):
            continue
        s_ = dict(s_)
        if s_["soort"] == "stap" and s_["titel"] == APPLY_STAP:
            # the deadline and the months lost are said at the top; the step says how to apply
            s_["titel"] = _("Vraag de toeslag aan")
            s_["tekst"] = _(
                "Vraag kinderopvangtoeslag aan in Mijn toeslagen. Lukt dat niet, of heeft u vragen? Bel "
                "de BelastingTelefoon."
            )
        s_["contact"] = _contact(s_["tekst"] + " " + s_["titel"]) if s_["soort"] == "stap" else []
        stappen.append(s_)
    ctx["stappen"] = stappen


def _gemist(h: Huishouden, r, verloren: list[int], catalogus: CatalogusBron) -> Decimal | None:
    """What the months lost by applying now would have paid (voorschot, whole euros), computed by the core as if the
    application had been made in time. None when an amount cannot be computed."""
    if not verloren:
        return None
    try:
        r_optijd = bereken(
            h.model_copy(update={"aanvraagdatum": dt.date(h.berekeningsjaar, 1, 1)}), catalogus=catalogus
        )
    except diensten.REKENFOUTEN:
        return None
    bedragen = [m.uitbetaling_voorschot for m in r_optijd.maanden if m.maand in verloren]
    bekend = [b for b in bedragen if b is not None]
    if len(bekend) < len(bedragen):
        return None
    return sum(bekend, Decimal(0))


def uitkomst_context(h: Huishouden, aangevraagd: bool | None = None, catalogus: CatalogusBron = None) -> dict[str, Any]:
    """Everything the result page (and the PDF) shows, computed by the core. `aangevraagd`: the parent's answer to
    "Heeft u de toeslag al aangevraagd?" (None: not asked, for example a saved scenario). `catalogus`: the municipal
    catalogue the core classifies a named activity with (`kern_catalogus(request)`; None: the example data)."""
    ctx: dict[str, Any] = _uitkomst_context(h, catalogus)
    ctx["aangevraagd"] = True if h.aanvraagdatum is not None else aangevraagd
    if ctx.get("kop") and ctx["aangevraagd"] is False and ctx.get("r") is not None:
        ctx["kop"]["gemist"] = _gemist(h, ctx["r"], ctx["kop"].get("verloren_vandaag") or [], catalogus)
    _aanpassen_aan_antwoorden(ctx, h, ctx["aangevraagd"])
    return ctx


def _uitkomst_context(h: Huishouden, catalogus: CatalogusBron) -> dict[str, Any]:
    ctx: dict[str, Any] = {
        "h": h,
        "r": None,
        "vc": None,
        "blokken": [],
        "stappen": [],
        "melding": None,
        "melding_veld": None,
        "wettekst": False,
    }
    try:
        ctx["vc"] = voorwaardencheck(h, catalogus=catalogus)
    except diensten.REKENFOUTEN as e:
        ctx["melding"] = diensten.rekenfout_melding(e)
        ctx["melding_veld"] = getattr(e, "veld", None)
    try:
        r = bereken(h, catalogus=catalogus)
    except diensten.REKENFOUTEN as e:
        ctx["melding"] = ctx["melding"] or diensten.rekenfout_melding(e)
        ctx["melding_veld"] = ctx["melding_veld"] or getattr(e, "veld", None)
        if ctx["vc"] is not None and ctx["vc"].maanden_met_aanspraak:
            ctx["kop"] = kop_uit_voorwaarden(h, ctx["vc"], ctx["melding"])
        return ctx
    ctx["r"] = r
    ctx["kop"] = kop_context(h, r)
    if r.bedragen != "volledig" or h.toetsingsinkomen is None:  # the decision and hours stand; say what is missing
        ctx["melding"] = (
            ctx["melding"]
            or r.rekenfout
            or (_("Het gezamenlijke toetsingsinkomen is niet ingevuld. Het percentage hangt daarvan af."))
        )
    blokken, ctx["wettekst"] = diensten.uitleg_blokken(r)
    ctx["blokken"] = diensten.voeg_versies_samen(blokken, r.berekeningsjaar)
    ctx["stappen"] = diensten.stappen_lijst(h, r, catalogus)
    ctx["tegemoetkoming"] = tegemoetkoming_context(h, catalogus)
    return ctx


TE_LAAT = "te_laat_aangevraagd"


def kop_context(h: Huishouden, r, vandaag: dt.date | None = None) -> dict[str, Any]:
    """What the result page leads with: the monthly amount paid (whole euros, rounded down, as Dienst Toeslagen pays
    the voorschot) and from which month, then the year; per month a status that never contradicts the amount; the
    last day to apply so no month is lost (Wko art. 1.3 lid 2 onder b) and the months already lost.

    Reads the core's `aanvragen_uiterlijk` / `verloren_maanden` / `bedragen` / `ontbrekend` when the core gives them;
    otherwise asks the core for the deadline of the first month with aanspraak (`uiterste_aanvraagdatum`)."""
    vandaag = vandaag or dt.date.today()
    j = h.berekeningsjaar
    maanden = list(r.maanden)

    def te_laat(m) -> bool:
        return m.reden == TE_LAAT or any(TE_LAAT in (k.redenen or []) for k in m.kinderen)

    def met_opvang(m) -> bool:
        return any(k.uren_opgegeven and k.uren_opgegeven > 0 for k in m.kinderen)

    # months that have aanspraak by every condition except the application date
    recht = [
        m.maand
        for m in maanden
        if (m.aanspraak or te_laat(m)) and met_opvang(m) and (any(k.aanspraak for k in m.kinderen) or te_laat(m))
    ]
    uiterlijk = getattr(r, "aanvragen_uiterlijk", None)
    if uiterlijk is None and recht:
        uiterlijk = uiterste_aanvraagdatum(j, recht[0])
    verloren = getattr(r, "verloren_maanden", None)
    if verloren is None:
        verloren = [m.maand for m in maanden if te_laat(m) and met_opvang(m)]
    verloren = sorted(set(verloren))
    # without an application date: which months would be lost when applying today (the core does this itself
    # when it gives `verloren_maanden`; then these are the months in `verloren`)
    verloren_vandaag: list[int] = []
    if h.aanvraagdatum is None and verloren:
        verloren_vandaag, verloren = verloren, []
    elif h.aanvraagdatum is None and not hasattr(r, "verloren_maanden"):
        verloren_vandaag = [m for m in recht if uiterste_aanvraagdatum(j, m) < vandaag]

    betaald = [(m.maand, m.uitbetaling_voorschot) for m in maanden]
    ontbreekt = any(b is None for _, b in betaald) or getattr(r, "bedragen", "volledig") != "volledig"
    perioden: list[dict[str, Any]] = []
    for mnd, b in betaald:
        if b is None or b <= 0:
            continue
        if perioden and perioden[-1]["tot"] == mnd - 1 and perioden[-1]["bedrag"] == b:
            perioden[-1]["tot"] = mnd
        else:
            perioden.append({"van": mnd, "tot": mnd, "bedrag": b})
    jaar_voorschot = None if any(b is None for _, b in betaald) else sum((b for _, b in betaald), Decimal(0))

    status: dict[int, str] = {}
    for m in maanden:
        b = m.uitbetaling_voorschot
        if m.maand in verloren or (te_laat(m) and met_opvang(m)):
            status[m.maand] = (
                N_("nee: te laat aangevraagd") if h.aanvraagdatum else N_("nee: te laat als u nu aanvraagt")
            )
        elif not m.aanspraak:
            status[m.maand] = N_("nee")
        elif not met_opvang(m):
            status[m.maand] = N_("nee: geen opvang")
        elif not any(k.aanspraak for k in m.kinderen):
            status[m.maand] = N_("nee")
        elif b is None:
            status[m.maand] = N_("ja, bedrag nog niet te berekenen")
        elif b > 0:
            status[m.maand] = N_("ja")
        elif all((k.uren_in_aanmerking or 0) == 0 for k in m.kinderen if k.aanspraak):
            status[m.maand] = N_("ja, maar geen uren over om toeslag voor te krijgen")
        else:
            status[m.maand] = N_("ja, maar minder dan € 1")
    ontbrekend = [getattr(o, "uitleg", str(o)) for o in (getattr(r, "ontbrekend", None) or [])]
    if ontbreekt and not ontbrekend and getattr(r, "rekenfout", None):
        ontbrekend = [r.rekenfout]
    return {
        "perioden": perioden,
        "eerste": perioden[0]["van"] if perioden else None,
        "jaar_voorschot": jaar_voorschot,
        "jaar_toeslag": getattr(r.jaar, "toeslag", None),
        "ontbreekt": ontbreekt,
        "ontbrekend": ontbrekend,
        "uiterlijk": uiterlijk,
        "uiterlijk_voorbij": bool(uiterlijk and uiterlijk < vandaag),
        "verloren": verloren,
        "verloren_vandaag": verloren_vandaag,
        "recht": recht,
        "status": status,
        "vandaag": vandaag,
        "aanvraagdatum": h.aanvraagdatum,
    }


def kop_uit_voorwaarden(h: Huishouden, vc, melding: str, vandaag: dt.date | None = None) -> dict[str, Any]:
    """The headline when no amount could be computed at all: what is decided (months with aanspraak) and the
    deadline to apply."""
    vandaag = vandaag or dt.date.today()
    j = h.berekeningsjaar
    recht = sorted(vc.maanden_met_aanspraak)
    uiterlijk = uiterste_aanvraagdatum(j, recht[0]) if recht else None
    verloren_vandaag: list[int] = []
    if h.aanvraagdatum is None:
        verloren_vandaag = [m for m in recht if uiterste_aanvraagdatum(j, m) < vandaag]
    return {
        "perioden": [],
        "ontbreekt": True,
        "ontbrekend": [melding],
        "jaar_voorschot": None,
        "jaar_toeslag": None,
        "uiterlijk": uiterlijk,
        "uiterlijk_voorbij": bool(uiterlijk and uiterlijk < vandaag),
        "verloren": [],
        "verloren_vandaag": verloren_vandaag,
        "recht": recht,
        "status": {},
        "vandaag": vandaag,
        "aanvraagdatum": h.aanvraagdatum,
    }


def tegemoetkoming_context(h: Huishouden, catalogus: CatalogusBron = None) -> dict[str, Any] | None:
    """Wko art. 1.13 for a parent in bijstand with a named municipality: the municipal top-up per month and child and
    what stays with the parent (computed by the core with the app's catalogue). None when no municipality is named."""
    from kotwijzer.compute import gemeentelijke_tegemoetkoming
    from kotwijzer.municipal import catalogus_van

    codes = [
        p.gemeente_code
        for o in (h.aanvrager, h.partner)
        if o
        for p in o.situaties
        if p.situatie == "bijstand_traject" and p.gemeente_code
    ]
    if not codes:
        return None
    cat = catalogus_van(catalogus)
    try:
        g = cat.gemeente(codes[0])
    except LookupError as e:
        return {"melding": str(e)}
    try:
        t = gemeentelijke_tegemoetkoming(h, codes[0], cat)
    except diensten.REKENFOUTEN as e:
        return {"gemeente": g, "melding": diensten.rekenfout_melding(e)}
    return {"gemeente": g, **t}


def huishouden_uit_staat(staat: dict[str, Any]) -> Huishouden:
    try:
        return Huishouden.model_validate(fm.huishouden_dict(staat))
    except ValidationError as e:
        raise ApiFout(
            422,
            "ongeldige_invoer",
            _("De antwoorden zijn niet compleet of kloppen niet: ")
            + "; ".join(f["melding"] for f in nederlandse_fouten(e)[:3]),
        ) from None


def toon_uitkomst(
    request: Request, staat: dict[str, Any], extra: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    h = huishouden_uit_staat(staat)
    ctx = uitkomst_context(h, fm.aangevraagd(staat), kern_catalogus(request))
    ctx.update(_formulier_context(request, staat, h))
    if extra:
        ctx.update(extra)
    titel = (_("Fout: ") if ctx.get("fouten") else "") + _("Uitkomst kinderopvangtoeslag {jaar}").format(
        jaar=h.berekeningsjaar
    )
    return render(request, "uitkomst.html", status=status, titel=titel, **ctx)


def _formulier_context(request: Request, staat: dict[str, Any], h: Huishouden) -> dict[str, Any]:
    g = ingelogd(request)
    a = token(request, staat)
    ctx: dict[str, Any] = {
        "staat": fm.staat_tekst(staat),
        "a": a,
        "context": staat.get("context") or {},
        "kgu": fm.kgu(h.berekeningsjaar),
        "dossiers": [],
        "hervat_adres": str(request.base_url).rstrip("/") + uitkomst_adres(request, staat),
        "geldig": hervatten.GELDIG_TEKST,
    }
    if g is not None:
        from kotwijzer.store import repo

        with request.app.state.db.sessie() as s:
            ctx["dossiers"] = [(d.id, d.label) for d, _ in repo.dossiers(s, g.actor)]
    return ctx


@router.get("/uitkomst", response_class=HTMLResponse)
def uitkomst(request: Request, a: str | None = None):
    staat, melding = staat_uit_token(request, a)
    if melding or not a:
        return naar("/vragen?verlopen=1")
    return toon_uitkomst(request, staat)


@router.post("/uitkomst", response_class=HTMLResponse)
async def uitkomst_post(request: Request):
    """Older forms post the answers; the result itself is a GET address."""
    form = await formulier(request)
    staat, melding = _staat_uit_form(request, form)
    if melding:
        return naar("/vragen?verlopen=1")
    huishouden_uit_staat(staat)
    return naar(uitkomst_adres(request, staat))


# ----------------------------------------------------------------------------------------------------- wat als
def _wijziging_uit_form(form: dict[str, str], h: Huishouden) -> tuple[Wijziging | None, fm.Fouten]:
    f = fm.Fouten()
    soort = form.get("soort", "")
    data: dict[str, Any] = {"soort": soort}
    if soort not in ("inkomen", "uren", "situatie"):
        f.voeg("wa-soort", _("Kies wat u wilt veranderen."))
        return None, f
    if soort == "inkomen":
        try:
            data["toetsingsinkomen"] = fm.parse_euros(form.get("wa-inkomen", ""))
            if data["toetsingsinkomen"] is None:
                f.voeg("wa-inkomen", _("Vul het nieuwe inkomen in."))
        except ValueError as e:
            f.voeg("wa-inkomen", str(e))
    elif soort == "uren":
        try:
            data["kind"] = int(form.get("wa-kind", ""))
        except ValueError:
            f.voeg("wa-kind", _("Kies het kind."))
        try:
            data["uren_per_maand"] = fm.parse_getal(
                form.get("wa-uren", _("")), "Vul het aantal uren in, bijvoorbeeld 80."
            )
            if data["uren_per_maand"] is None:
                f.voeg("wa-uren", _("Vul het nieuwe aantal uren per maand in."))
        except ValueError as e:
            f.voeg("wa-uren", str(e))
    else:
        data["ouder"] = form.get("wa-ouder") or None
        data["situatie"] = form.get("wa-situatie") or None
        try:
            data["vanaf_maand"] = int(form.get("wa-maand", ""))
        except ValueError:
            f.voeg("wa-maand", _("Kies de maand."))
        if not data["situatie"]:
            f.voeg("wa-situatie", _("Kies de nieuwe situatie."))
        if form.get("wa-werkuren"):
            try:
                data["werkuren_per_maand"] = fm.parse_getal(
                    form["wa-werkuren"], _("Vul het aantal uren in, bijvoorbeeld 120.")
                )
            except ValueError as e:
                f.voeg("wa-werkuren", str(e))
        if form.get("wa-voorziening") in ("ja", "nee"):
            data["voorziening_gericht_op_arbeidsinschakeling"] = form["wa-voorziening"] == "ja"
        if form.get("wa-detentie-einde"):
            try:
                data["detentie_einde"] = fm.parse_datum(form["wa-detentie-einde"])
            except ValueError as e:
                f.voeg("wa-detentie-einde", str(e))
    if f:
        return None, f
    try:
        return Wijziging.model_validate(data), f
    except ValidationError as e:
        for fout in nederlandse_fouten(e):
            veld = {
                "toetsingsinkomen": "wa-inkomen",
                "kind": "wa-kind",
                "uren_per_maand": "wa-uren",
                "ouder": "wa-ouder",
                "situatie": "wa-situatie",
                "vanaf_maand": "wa-maand",
                "werkuren_per_maand": "wa-werkuren",
            }.get(fout["veld"], "wa-soort")
            f.voeg(veld, fout["melding"])
        return None, f


async def _legacy_post(request: Request, pad: str) -> RedirectResponse:
    form = await formulier(request)
    staat, melding = _staat_uit_form(request, form)
    if melding:
        return naar("/vragen?verlopen=1")
    huishouden_uit_staat(staat)
    return naar(uitkomst_adres(request, staat, pad))


@router.post("/wat-als", response_class=HTMLResponse)
async def wat_als_post(request: Request):
    return await _legacy_post(request, "/wat-als")


@router.get("/wat-als", response_class=HTMLResponse)
def wat_als(request: Request):
    """A calculator without side effects, so a GET form: Back, Forward and reload simply show it again."""
    form = request.query_params
    staat, melding = staat_uit_token(request, form.get("a"))
    if melding or not form.get("a"):
        return naar("/vragen?verlopen=1")
    h = huishouden_uit_staat(staat)
    velden = {k: v for k, v in form.items() if isinstance(v, str) and k != "a"}
    ctx: dict[str, Any] = {"h": h, "wa": velden, "vergelijking": None}
    ctx.update(_formulier_context(request, staat, h))
    status = 200
    if tekst(form, "soort"):
        w, f = _wijziging_uit_form(velden, h)
        if w is not None:
            try:
                ctx["vergelijking"] = diensten.wat_als(h, w, kern_catalogus(request))
                staat2 = dict(staat)
                staat2["invoer"] = ctx["vergelijking"]["invoer_wat_als"].model_dump(mode="json", exclude_none=True)
                staat2["context"] = {
                    k: v for k, v in (staat.get("context") or {}).items() if k in ("dossier", "aangevraagd")
                }
                ctx["staat_wat_als"] = fm.staat_tekst(staat2)
                ctx["a_wat_als"] = token(request, staat2)
            except diensten.OngeldigeWijziging as e:
                f.voeg({"wijziging.kind": "wa-kind", "wijziging.ouder": "wa-ouder"}.get(e.veld, "wa-soort"), e.melding)
            except ValidationError as e:
                f.voeg(
                    "wa-soort",
                    _("Deze wijziging past niet bij de rest van de antwoorden: ") + nederlandse_fouten(e)[0]["melding"],
                )
            except diensten.REKENFOUTEN as e:
                f.voeg("wa-soort", diensten.rekenfout_melding(e))
        if f:
            status = 422
        ctx["fouten"] = f
    titel = (_("Fout: ") if ctx.get("fouten") else "") + _("Wat als? Kinderopvangtoeslag {jaar}").format(
        jaar=h.berekeningsjaar
    )
    return render(request, "wat_als.html", status=status, titel=titel, **ctx)


# ------------------------------------------------------------------------------------------------- voorschot
@router.post("/voorschot", response_class=HTMLResponse)
async def voorschot_post(request: Request):
    return await _legacy_post(request, "/voorschot")


@router.get("/voorschot", response_class=HTMLResponse)
def voorschot(request: Request):
    """Voorschot versus definitief: a GET form as well. Never an error page: when the year's amounts cannot be
    computed, the page says what is missing and links to the official proefberekening."""
    form = request.query_params
    staat, melding = staat_uit_token(request, form.get("a"))
    if melding or not form.get("a"):
        return naar("/vragen?verlopen=1")
    h = huishouden_uit_staat(staat)
    ctx: dict[str, Any] = {"h": h, "uitkomst": None, "geen_bedrag": None}
    ctx.update(_formulier_context(request, staat, h))
    f = fm.Fouten()
    if _tabel_soort(h.berekeningsjaar) in ("ontbreekt", "onvolledig", "indicatie"):
        ctx["geen_bedrag"] = jaar_status(h.berekeningsjaar)
    waarden = {"vs-voorschot": tekst(form, "vs-voorschot"), "vs-definitief": tekst(form, "vs-definitief")}
    if not any(waarden.values()):
        waarden["vs-voorschot"] = "" if h.toetsingsinkomen is None else str(h.toetsingsinkomen)
    ctx["vs"] = waarden
    status = 200
    if tekst(form, "bereken"):
        bedragen: dict[str, int] = {}
        for veld in ("vs-voorschot", "vs-definitief"):
            try:
                bedrag = fm.parse_euros(waarden[veld])
                if bedrag is None:
                    f.voeg(veld, _("Vul dit inkomen in."))
                elif bedrag > 100_000_000:
                    f.voeg(veld, _("Dit bedrag is te hoog."))
                else:
                    bedragen[veld] = bedrag
            except ValueError as e:
                f.voeg(veld, str(e))
        if not f:
            cat = kern_catalogus(request)
            ctx["geen_bedrag"] = _bedrag_ontbreekt(h, bedragen["vs-voorschot"], cat) or _bedrag_ontbreekt(
                h, bedragen["vs-definitief"], cat
            )
            if not ctx["geen_bedrag"]:
                try:
                    ctx["uitkomst"] = diensten.voorschot(h, bedragen["vs-voorschot"], bedragen["vs-definitief"], cat)
                except diensten.REKENFOUTEN as e:
                    ctx["geen_bedrag"] = diensten.rekenfout_melding(e)
        if f:
            status = 422
    titel = (_("Fout: ") if f else "") + _("Voorschot en definitieve berekening {jaar}").format(jaar=h.berekeningsjaar)
    return render(request, "voorschot.html", status=status, titel=titel, fouten=f, **ctx)


def _bedrag_ontbreekt(h: Huishouden, inkomen: int, catalogus: CatalogusBron) -> str | None:
    """Dutch reason why no amount can be computed for this income (missing table, table cell, ...), else None."""
    try:
        r = bereken(h.model_copy(update={"toetsingsinkomen": int(inkomen)}), catalogus=catalogus)
    except diensten.REKENFOUTEN as e:
        return diensten.rekenfout_melding(e)
    if getattr(r, "bedragen", "volledig") != "volledig" or r.jaar.toeslag is None:
        return getattr(r, "rekenfout", None) or _("Voor dit inkomen en dit jaar kunnen wij het bedrag niet berekenen.")
    return None


# ------------------------------------------------------------------------------------------------------- PDF
async def pdf_antwoord(request: Request, ctx: dict[str, Any], bestandsnaam: str, kop: str | None = None) -> Response:
    """The parent's summary as a PDF, drawn in the PDF pool (`kotwijzer.http.pdfpoort`), off the request worker."""
    from kotwijzer.http.pdfpoort import pdfpoort
    from kotwijzer.web.pdf import samenvatting_pdf

    return Response(
        await pdfpoort(request.app).teken(samenvatting_pdf, ctx, kop),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{bestandsnaam}"'},
    )


def _pdf_uit_link(request: Request, a: str | None) -> dict[str, Any] | None:
    """What the summary PDF of the answers in link `a` shows (None when the link expired or is broken)."""
    staat, melding = staat_uit_token(request, a)
    if melding or not a:
        return None
    h = huishouden_uit_staat(staat)
    return _pdf_context(staat, uitkomst_context(h, fm.aangevraagd(staat), kern_catalogus(request)))


@router.get("/samenvatting.pdf")
async def samenvatting_get(request: Request, a: str | None = None):
    from starlette.concurrency import run_in_threadpool

    ctx = await run_in_threadpool(_pdf_uit_link, request, a)  # the calculation: in a thread, as a page's
    if ctx is None:
        return naar("/vragen?verlopen=1")
    return await pdf_antwoord(
        request, ctx, f"kinderopvangtoeslag-{ctx['h'].berekeningsjaar}-{dt.date.today():%Y%m%d}.pdf"
    )


def _pdf_context(staat: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
    """The summary of a result opened in professional mode speaks about "de ouder", as its page does."""
    ctx["pro"] = (staat.get("context") or {}).get("modus") == "professioneel"
    return ctx


@router.post("/samenvatting.pdf")
async def samenvatting(request: Request):
    from starlette.concurrency import run_in_threadpool

    form = await formulier(request)
    staat, _ = _staat_uit_form(request, form)
    h = huishouden_uit_staat(staat)
    ctx = _pdf_context(staat, await run_in_threadpool(uitkomst_context, h, catalogus=kern_catalogus(request)))
    return await pdf_antwoord(request, ctx, f"kinderopvangtoeslag-{h.berekeningsjaar}-{dt.date.today():%Y%m%d}.pdf")


# ------------------------------------------------------------------------------------------- API documentation
@router.get("/api/v1/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    paden = []
    for pad, methodes in spec.get("paths", {}).items():
        for methode, op in methodes.items():
            body = (((op.get("requestBody") or {}).get("content") or {}).get("application/json") or {}).get(
                "schema", {}
            )
            paden.append(
                {
                    "pad": pad,
                    "methode": methode.upper(),
                    "samenvatting": op.get("summary", ""),
                    "beschrijving": op.get("description", ""),
                    "tags": op.get("tags", []),
                    "invoer": body.get("$ref", "").rsplit("/", 1)[-1],
                    "antwoorden": [(code, a.get("description", "")) for code, a in (op.get("responses") or {}).items()],
                    "beveiligd": bool(op.get("security")),
                    "parameters": [
                        (p["name"], p.get("in", ""), (p.get("schema") or {}).get("type", ""), p.get("description", ""))
                        for p in op.get("parameters", [])
                    ],
                }
            )
    return render(
        request,
        "api_docs.html",
        titel="API-documentatie (versie 1)",
        paden=paden,
        versie=spec.get("info", {}).get("version", ""),
    )
