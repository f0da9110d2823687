"""Professional mode: log in, dossiers with a pseudonymous label, scenarios with their history, users and the audit
log. All access goes through `kotwijzer.store.repo`, which only ever shows the user's own organisation."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from kotwijzer import diensten
from kotwijzer.foutmeldingen import nederlandse_fouten
from kotwijzer.http.beveiliging import TeVeelPogingen, begrensd_inloggen
from kotwijzer.http.catalogus import app_catalogus, kern_catalogus
from kotwijzer.http.fouten import ApiFout, parse_json
from kotwijzer.http.pdfpoort import pdfpoort
from kotwijzer.http.sessie import nieuw_token
from kotwijzer.model import Huishouden
from kotwijzer.municipal import CatalogusBron
from kotwijzer.store import GeenToegang, OngeldigeWaarde, VersieConflict, repo
from kotwijzer.store.repo import Conflict
from kotwijzer.web import formulier as fm
from kotwijzer.web import werkbank
from kotwijzer.web.basis import Ingelogd, formulier, ingelogd, render, tekst, templates, vereist_ingelogd
from kotwijzer.web.pdf import Dossierinfo, document_pdf
from kotwijzer.web.publiek import toon_stap, toon_uitkomst, uitkomst_context

router = APIRouter(include_in_schema=False)


def _id():
    return Path(ge=1, le=2**31 - 1)


def _naar(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _sessie_id(request: Request, s) -> int | None:
    """This login session: a look at a dossier is recorded once per user per dossier per session."""
    return repo.sessie_id(s, getattr(request.state, "sessie_token", None))


def _of_inloggen(request: Request) -> Ingelogd | RedirectResponse:
    g = ingelogd(request)
    return g if g is not None else _naar("/inloggen")


# -------------------------------------------------------------------------------------------------- log in/out
@router.get("/inloggen", response_class=HTMLResponse)
def inloggen_pagina(request: Request):
    if ingelogd(request) is not None:
        return _naar("/pro")
    return render(request, "inloggen.html", titel="Inloggen voor professionals", w={})


@router.post("/inloggen", response_class=HTMLResponse)
async def inloggen(request: Request):
    form = await formulier(request)
    email, wachtwoord = tekst(form, "email")[:254], tekst(form, "wachtwoord")[:200]

    def _doe():
        with request.app.state.db.sessie() as s:
            g = repo.inloggen(s, email, wachtwoord)
            if g is None:
                return None
            token, _ = repo.sessie_maken(s, g, "web")
            return token

    try:
        token = await begrensd_inloggen(request, email, _doe)
    except TeVeelPogingen as e:
        minuten = max(1, round(e.wacht / 60))
        wacht = f"{e.wacht} seconden" if e.wacht < 90 else f"{minuten} minuten"
        resp = render(
            request,
            "inloggen.html",
            status=429,
            titel="Fout: Inloggen voor professionals",
            w={"email": email},
            fouten={"email": f"Te veel mislukte pogingen. Probeer het over {wacht} opnieuw."},
        )
        resp.headers["Retry-After"] = str(e.wacht)
        return resp
    if token is None:
        return render(
            request,
            "inloggen.html",
            status=401,
            titel="Fout: Inloggen voor professionals",
            w={"email": email},
            fouten={"email": "Het e-mailadres of het wachtwoord klopt niet."},
        )
    request.state.sessie_zet = token  # a new token on login: no session fixation
    return _naar("/pro")


@router.post("/uitloggen")
async def uitloggen(request: Request):
    form = await formulier(request)
    g = ingelogd(request)
    with request.app.state.db.sessie() as s:
        if g is not None and tekst(form, "overal") == "ja":  # log out everywhere: every web and API login
            repo.overal_uitloggen(s, g.id, g.actor)
        repo.sessie_beeindigen(s, request.state.sessie_token, g.actor if g else None)
    request.state.sessie_zet = nieuw_token()
    return _naar("/")


@router.get("/pro/wachtwoord", response_class=HTMLResponse)
def wachtwoord_pagina(request: Request):
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    return render(request, "pro_wachtwoord.html", titel="Wachtwoord wijzigen", gewijzigd=False)


@router.post("/pro/wachtwoord", response_class=HTMLResponse)
async def wachtwoord_wijzigen(request: Request):
    """Change the own password (the current one is asked for); every other login of the user ends."""
    form = await formulier(request)
    g = vereist_ingelogd(request)
    huidig, nieuw = tekst(form, "huidig_wachtwoord"), tekst(form, "nieuw_wachtwoord")

    def _doe():
        with request.app.state.db.sessie() as s:
            repo.wachtwoord_wijzigen(s, g.actor, huidig, nieuw, request.state.sessie_token)

    try:
        await run_in_threadpool(_doe)
    except OngeldigeWaarde as e:
        return render(
            request,
            "pro_wachtwoord.html",
            status=422,
            titel="Fout: Wachtwoord wijzigen",
            gewijzigd=False,
            fouten={e.veld: e.melding},
        )
    return render(request, "pro_wachtwoord.html", titel="Wachtwoord wijzigen", gewijzigd=True)


# ------------------------------------------------------------------------------------------------------ dossiers
VOLGORDE_TEKST = {"gewijzigd": "Laatst gewijzigd eerst", "label": "Label (A-Z)", "aangemaakt": "Nieuwste dossier eerst"}


def _dossiers_pagina(
    request: Request,
    g: Ingelogd,
    fouten: dict[str, str] | None = None,
    label: str = "",
    status: int = 200,
    zoek: str = "",
    volgorde: str = "gewijzigd",
) -> HTMLResponse:
    zoek = (zoek or "").strip()[:60]
    volgorde = volgorde if volgorde in repo.DOSSIER_VOLGORDE else "gewijzigd"
    with request.app.state.db.sessie() as s:
        lijst = repo.dossiers(s, g.actor, zoek, volgorde)
        totaal = len(lijst) if not zoek else len(repo.dossiers(s, g.actor))
    return render(
        request,
        "pro_dossiers.html",
        status=status,
        titel=("Fout: " if fouten else "") + "Dossiers",
        dossiers=lijst,
        fouten=fouten or {},
        label=label,
        zoek=zoek,
        volgorde=volgorde,
        totaal=totaal,
        volgorde_opties=list(VOLGORDE_TEKST.items()),
    )


@router.get("/pro", response_class=HTMLResponse)
def pro(request: Request, zoek: str = "", volgorde: str = "gewijzigd"):
    """The dossier list: search by label and sort (a GET form, so the address keeps the search and Back works)."""
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    return _dossiers_pagina(request, g, zoek=zoek, volgorde=volgorde)


@router.post("/pro/dossiers", response_class=HTMLResponse)
async def dossier_maken(request: Request):
    form = await formulier(request)
    g = vereist_ingelogd(request)
    label = tekst(form, "label")
    try:
        with request.app.state.db.sessie() as s:
            d = repo.dossier_maken(s, g.actor, label)
            did = d.id
    except OngeldigeWaarde as e:
        return _dossiers_pagina(request, g, {"label": e.melding}, label[:200], status=422)
    return _naar(f"/pro/dossiers/{did}")


def _dossier_pagina(
    request: Request,
    g: Ingelogd,
    dossier_id: int,
    fouten: dict[str, str] | None = None,
    status: int = 200,
    label: str | None = None,
) -> HTMLResponse:
    with request.app.state.db.sessie() as s:
        d = repo.dossier(s, g.actor, dossier_id)
        scenarios = [
            (sc, repo.scenario_versie(s, g.actor, sc.id).samenvatting) for sc in repo.scenarios(s, g.actor, d.id)
        ]
        logboek = repo.logboek(s, g.actor, 200, dossier_id=d.id) if g.beheerder else []
    # changes first (the last twenty), then who looked at the dossier or downloaded from it (the last ten)
    wijzigingen = [x for x in logboek if x.actie not in repo.LEESACTIES][:20]
    gelezen = [x for x in logboek if x.actie in repo.LEESACTIES][:10]
    return render(
        request,
        "pro_dossier.html",
        status=status,
        titel=("Fout: " if fouten else "") + f"Dossier {d.label}",
        d=d,
        scenarios=scenarios,
        fouten=fouten or {},
        label=d.label if label is None else label,
        logboek=logboek,
        wijzigingen=wijzigingen,
        gelezen=gelezen,
        acties=ACTIE_TEKST,
    )


@router.get("/pro/dossiers/{dossier_id}", response_class=HTMLResponse)
def dossier(request: Request, dossier_id: int = _id()):
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    with request.app.state.db.sessie() as s:
        repo.log_lezen(
            s,
            g.actor,
            "dossier_geopend",
            "dossier",
            repo.dossier(s, g.actor, dossier_id).id,
            sessie_id=_sessie_id(request, s),
        )
    return _dossier_pagina(request, g, dossier_id)


@router.post("/pro/dossiers/{dossier_id}/label", response_class=HTMLResponse)
async def dossier_label(request: Request, dossier_id: int = _id()):
    form = await formulier(request)
    g = vereist_ingelogd(request)
    try:
        with request.app.state.db.sessie() as s:
            repo.dossier_wijzigen(s, g.actor, dossier_id, tekst(form, "label"))
    except OngeldigeWaarde as e:
        return _dossier_pagina(request, g, dossier_id, {"label": e.melding}, 422, tekst(form, "label")[:200])
    return _naar(f"/pro/dossiers/{dossier_id}")


@router.post("/pro/dossiers/{dossier_id}/verwijderen", response_class=HTMLResponse)
async def dossier_verwijderen(request: Request, dossier_id: int = _id()):
    form = await formulier(request)
    g = vereist_ingelogd(request)
    if tekst(form, "bevestig") != "ja":
        return _dossier_pagina(
            request, g, dossier_id, {"bevestig": "Vink aan dat u dit dossier echt wilt verwijderen."}, 422
        )
    with request.app.state.db.sessie() as s:
        repo.dossier_verwijderen(s, g.actor, dossier_id)
    return _naar("/pro")


@router.get("/pro/dossiers/{dossier_id}/nieuw", response_class=HTMLResponse)
def dossier_nieuw(request: Request, dossier_id: int = _id()):
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    with request.app.state.db.sessie() as s:
        d = repo.dossier(s, g.actor, dossier_id)
    staat = fm.nieuwe_staat()
    staat["context"] = {"dossier": d.id, "modus": "professioneel"}
    return toon_stap(request, "gezin", staat)


# ----------------------------------------------------------------------------------------------------- scenarios
def _samenvatting(h: Huishouden, catalogus: CatalogusBron) -> dict[str, Any]:
    return diensten.samenvatting_voor_opslag(h, catalogus)


@router.post("/pro/opslaan", response_class=HTMLResponse)
async def opslaan(request: Request):
    """Save the result shown: a new version of the scenario it came from, or a new scenario in a dossier."""
    form = await formulier(request)
    g = vereist_ingelogd(request)
    staat = fm.lees_staat(tekst(form, "staat"))
    try:
        h = Huishouden.model_validate(fm.huishouden_dict(staat))
    except ValidationError as e:
        raise ApiFout(
            422, "ongeldige_invoer", "De antwoorden kloppen niet: " + nederlandse_fouten(e)[0]["melding"]
        ) from None
    invoer = h.model_dump(mode="json", exclude_none=True)
    ctx = staat.get("context") or {}
    toelichting = tekst(form, "toelichting")
    try:
        with request.app.state.db.sessie() as s:
            if isinstance(ctx.get("scenario"), int) and tekst(form, "doel") != "nieuw":
                verwacht = tekst(form, "verwachte_versie")
                repo.scenario_opslaan(
                    s,
                    g.actor,
                    ctx["scenario"],
                    invoer,
                    _samenvatting(h, kern_catalogus(request)),
                    toelichting,
                    int(verwacht) if verwacht.isdigit() else None,
                )
                sid = ctx["scenario"]
            else:
                try:
                    did = int(tekst(form, "dossier") or ctx.get("dossier") or 0)
                except ValueError:
                    did = 0
                sc = repo.scenario_maken(
                    s, g.actor, did, tekst(form, "naam"), invoer, _samenvatting(h, kern_catalogus(request)), toelichting
                )
                sid = sc.id
    except (OngeldigeWaarde, VersieConflict) as e:
        veld = {"naam": "opslaan-naam", "toelichting": "opslaan-toelichting"}.get(
            getattr(e, "veld", ""), "opslaan-naam"
        )
        return toon_uitkomst(
            request,
            staat,
            {
                "fouten": {veld: e.melding},
                "titel_fout": True,
                "opslaan_w": {"naam": tekst(form, "naam")[:200], "toelichting": toelichting[:400]},
            },
            status=409 if isinstance(e, VersieConflict) else 422,
        )
    return _naar(f"/pro/scenarios/{sid}")


def _scenario_info(s, g: Ingelogd, scenario_id: int) -> dict[str, Any]:
    sc = repo.scenario(s, g.actor, scenario_id)
    d = repo.dossier(s, g.actor, sc.dossier_id)
    return {
        "id": sc.id,
        "naam": sc.naam,
        "huidige_versie": sc.huidige_versie,
        "dossier_id": d.id,
        "dossier_label": d.label,
    }


def _uitkomst(invoer: dict[str, Any], catalogus: CatalogusBron) -> dict[str, Any]:
    """What the workbench shows of a result: per month the amount paid, the year, what is missing, the explanation."""
    b = werkbank.bedragen(invoer, catalogus)
    r = b["r"]
    uit: dict[str, Any] = {"b": b, "r": r, "blokken": [], "eerste": None}
    if r is not None:
        uit["eerste"] = next((m for m in r.maanden if m.uitbetaling_voorschot), None)
        try:
            uit["blokken"], _ = diensten.uitleg_blokken(r)
        except Exception:  # noqa: BLE001 - the explanation is extra; the amounts are shown anyway
            uit["blokken"] = []
        uit["ontbrekend"] = [getattr(o, "uitleg", "") for o in (getattr(r, "ontbrekend", None) or [])]
    return uit


def _scenario_pagina(
    request: Request,
    g: Ingelogd,
    scenario_id: int,
    versie: int | None = None,
    fouten: dict[str, str] | None = None,
    json_tekst: str | None = None,
    status: int = 200,
    form: dict[str, str] | None = None,
    nieuw: dict[str, Any] | None = None,
    log: bool = False,
) -> HTMLResponse:
    """The workbench. `form`: the posted facts (shown again, with `fouten`); `nieuw`: the recomputed input, not saved
    yet, compared with the saved version."""
    with request.app.state.db.sessie() as s:
        info = _scenario_info(s, g, scenario_id)
        v = repo.scenario_versie(s, g.actor, scenario_id, versie)
        versies = repo.scenario_versies(s, g.actor, scenario_id)
        if log:
            repo.log_lezen(
                s,
                g.actor,
                "scenario_geopend",
                "scenario",
                scenario_id,
                v.versie,
                dossier_id=info["dossier_id"],
                sessie_id=_sessie_id(request, s),
            )
    if form is not None:
        w, n = werkbank.velden_van_form(form)
    else:
        w, n = werkbank.velden_van_invoer(nieuw if nieuw is not None else v.invoer)
    getoond = nieuw if nieuw is not None else v.invoer
    ctx: dict[str, Any] = {
        "scenario": info,
        "versie": v,
        "versies": versies,
        "fouten": fouten or {},
        "w": w,
        "n": n,
        "json_tekst": json_tekst if json_tekst is not None else json.dumps(v.invoer, ensure_ascii=False, indent=2),
        "u": _uitkomst(getoond, kern_catalogus(request)) if not fouten else None,
        "herberekend": nieuw is not None and not fouten,
        "opties": _opties(request),
        "versie_opties": [(str(x.versie), f"Versie {x.versie}") for x in versies],
    }
    if nieuw is not None and not fouten:
        ctx["feiten"] = werkbank.feiten_verschil(v.invoer, nieuw)
        ctx["geld"] = werkbank.geld_verschil(v.invoer, nieuw, kern_catalogus(request))
        ctx["nieuw_json"] = json.dumps(nieuw, ensure_ascii=False)
    titel = ("Fout: " if fouten else "") + f"Scenario {info['naam']} (versie {v.versie})"
    return render(request, "pro_scenario.html", status=status, titel=titel, **ctx)


def _opties(request: Request) -> dict[str, Any]:
    cat = app_catalogus(request)
    return {
        "situatie": list(diensten.SITUATIE_TEKST.items()),
        "uitkering": list(werkbank.UITKERING_TEKST.items()),
        "onderwijs": list(werkbank.ONDERWIJS_TEKST.items()),
        "detentie": list(werkbank.DETENTIE_TEKST.items()),
        "opvang": list(diensten.OPVANG_TEKST.items()),
        "ja_nee": werkbank.JA_NEE,
        "gemeenten": [(gm.cbs_code, f"{gm.naam} ({gm.cbs_code})") for gm in cat.gemeenten],
    }


@router.get("/pro/scenarios/{scenario_id}", response_class=HTMLResponse)
def scenario(request: Request, scenario_id: int = _id()):
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    return _scenario_pagina(request, g, scenario_id, log=True)


@router.get("/pro/scenarios/{scenario_id}/versies/{versie}", response_class=HTMLResponse)
def scenario_versie(request: Request, scenario_id: int = _id(), versie: int = _id()):
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    return _scenario_pagina(request, g, scenario_id, versie, log=True)


WERKBANK_SOORT = "werkbank"


def _werkbank_adres(
    request: Request,
    scenario_id: int,
    velden: dict[str, str],
    fouten: dict[str, str] | None = None,
    status: int | None = None,
) -> str:
    """The address of the workbench with unsaved facts: the posted fields (only the filled ones) in a signed,
    time-limited token, so that reload, Back and Forward show the same recomputed page and never re-post."""
    from urllib.parse import urlencode

    from kotwijzer.web import hervatten

    gevuld = {k: v for k, v in velden.items() if v and k not in ("csrf", "actie")}
    data: dict[str, Any] = {"s": scenario_id, "f": gevuld}
    if fouten:
        data["e"], data["st"] = fouten, status or 422
    return f"/pro/scenarios/{scenario_id}/werkbank?" + urlencode(
        {"c": hervatten.maak(request.app.state.geheim, data, WERKBANK_SOORT)}
    )


def _werkbank_uitkomst(
    request: Request, g: Ingelogd, scenario_id: int, velden: dict[str, str]
) -> tuple[dict[str, Any] | None, dict[str, str], Huishouden | None]:
    """The facts of the form read into the core's input, checked: (input, errors, household)."""
    with request.app.state.db.sessie() as s:
        basis = repo.scenario_versie(s, g.actor, scenario_id).invoer
    invoer, fouten = werkbank.invoer_uit_form(velden, basis)
    h = None
    if not fouten:
        try:
            h = Huishouden.model_validate(invoer)
        except ValidationError as e:
            for f in nederlandse_fouten(e)[:8]:
                fouten.voeg(werkbank.veld_van_pad(f["veld"] or ""), f["melding"])
    if fouten or h is None:
        return None, dict(fouten), None
    return h.model_dump(mode="json", exclude_none=True), {}, h


@router.get("/pro/scenarios/{scenario_id}/werkbank", response_class=HTMLResponse)
def scenario_werkbank_getoond(request: Request, scenario_id: int = _id(), c: str | None = None):
    """The workbench with unsaved facts (after 'Opnieuw berekenen' or a failed save): rebuilt from the token in the
    address. A token that expired or belongs to another scenario shows the saved version."""
    from kotwijzer.web import hervatten

    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    try:
        data = hervatten.lees(request.app.state.geheim, c or "", WERKBANK_SOORT)
    except (hervatten.LinkVerlopen, hervatten.LinkOngeldig):
        data = None
    if not isinstance(data, dict) or data.get("s") != scenario_id or not isinstance(data.get("f"), dict):
        return _naar(f"/pro/scenarios/{scenario_id}")
    velden = {str(k): str(v) for k, v in data["f"].items()}
    if isinstance(data.get("e"), dict):
        return _scenario_pagina(
            request,
            g,
            scenario_id,
            fouten={str(k): str(v) for k, v in data["e"].items()},
            form=velden,
            status=int(data.get("st") or 422),
        )
    nieuw, fouten, _ = _werkbank_uitkomst(request, g, scenario_id, velden)
    if fouten:
        return _scenario_pagina(request, g, scenario_id, fouten=fouten, form=velden, status=422)
    return _scenario_pagina(request, g, scenario_id, nieuw=nieuw, form=velden)


@router.post("/pro/scenarios/{scenario_id}/werkbank", response_class=HTMLResponse)
async def scenario_werkbank(request: Request, scenario_id: int = _id()):
    """The one-page form: 'Opnieuw berekenen' shows the new result and what changed, without saving; 'Opslaan als
    nieuwe versie' saves (only valid input; the previous version stays as it was). Post/Redirect/Get: every answer
    is a 303 to a GET address, so reload and Back/Forward never post the form again."""
    form = await formulier(request)
    g = vereist_ingelogd(request)
    velden = {k: tekst(form, k) for k in form if k not in ("csrf",)}
    invoer, fouten, h = _werkbank_uitkomst(request, g, scenario_id, velden)
    if fouten or invoer is None or h is None or tekst(form, "actie") != "opslaan":
        return _naar(_werkbank_adres(request, scenario_id, velden))
    verwacht = tekst(form, "verwachte_versie")
    try:
        with request.app.state.db.sessie() as s:
            repo.scenario_opslaan(
                s,
                g.actor,
                scenario_id,
                invoer,
                _samenvatting(h, kern_catalogus(request)),
                tekst(form, "toelichting"),
                int(verwacht) if verwacht.isdigit() else None,
            )
    except (OngeldigeWaarde, VersieConflict) as e:
        veld = "toelichting" if getattr(e, "veld", "") == "toelichting" else "feiten"
        return _naar(
            _werkbank_adres(
                request, scenario_id, velden, {veld: e.melding}, 409 if isinstance(e, VersieConflict) else 422
            )
        )
    return _naar(f"/pro/scenarios/{scenario_id}")


@router.get("/pro/scenarios/{scenario_id}/vergelijk", response_class=HTMLResponse)
def scenario_vergelijk(request: Request, scenario_id: int = _id(), a: int | None = None, b: int | None = None):
    """Two versions side by side: which facts changed, and the money per month and over the year."""
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    with request.app.state.db.sessie() as s:
        info = _scenario_info(s, g, scenario_id)
        versies = repo.scenario_versies(s, g.actor, scenario_id)
        nummers = [v.versie for v in versies]
        vb = b if b in nummers else nummers[-1]
        va = a if a in nummers else (nummers[-2] if len(nummers) > 1 else nummers[-1])
        oud = repo.scenario_versie(s, g.actor, scenario_id, va)
        nieuw = repo.scenario_versie(s, g.actor, scenario_id, vb)
        repo.log_lezen(
            s,
            g.actor,
            "scenario_geopend",
            "scenario",
            scenario_id,
            vb,
            dossier_id=info["dossier_id"],
            sessie_id=_sessie_id(request, s),
        )
    return render(
        request,
        "pro_vergelijk.html",
        titel=f"Versie {va} en {vb} vergelijken: {info['naam']}",
        scenario=info,
        versies=versies,
        oud=oud,
        nieuw=nieuw,
        versie_opties=[(str(x.versie), f"Versie {x.versie}") for x in versies],
        feiten=werkbank.feiten_verschil(oud.invoer, nieuw.invoer),
        geld=werkbank.geld_verschil(oud.invoer, nieuw.invoer, kern_catalogus(request)),
    )


@router.get("/pro/scenarios/{scenario_id}/bewerken", response_class=HTMLResponse)
def scenario_bewerken(request: Request, scenario_id: int = _id()):
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    with request.app.state.db.sessie() as s:
        sc = repo.scenario(s, g.actor, scenario_id)
        v = repo.scenario_versie(s, g.actor, scenario_id)
        staat = fm.staat_van_invoer(
            v.invoer,
            {"scenario": sc.id, "dossier": sc.dossier_id, "versie": sc.huidige_versie, "modus": "professioneel"},
        )
    return toon_stap(request, "gezin", staat)


@router.post("/pro/scenarios/{scenario_id}/json", response_class=HTMLResponse)
async def scenario_json(request: Request, scenario_id: int = _id()):
    """Save the edited input JSON as a new version. Invalid input saves nothing: the previous version stays."""
    form = await formulier(request)
    g = vereist_ingelogd(request)
    tekst_json = tekst(form, "invoer")
    try:
        data = parse_json(tekst_json.encode("utf-8", "surrogatepass"))
        h = Huishouden.model_validate(data)
    except ApiFout as e:
        return _scenario_pagina(
            request, g, scenario_id, fouten={"invoer": e.melding}, json_tekst=tekst_json, status=422
        )
    except ValidationError as e:
        meldingen = "; ".join(f"{f['veld'] or 'invoer'}: {f['melding']}" for f in nederlandse_fouten(e)[:5])
        return _scenario_pagina(
            request, g, scenario_id, fouten={"invoer": meldingen}, json_tekst=tekst_json, status=422
        )
    verwacht = tekst(form, "verwachte_versie")
    try:
        with request.app.state.db.sessie() as s:
            repo.scenario_opslaan(
                s,
                g.actor,
                scenario_id,
                h.model_dump(mode="json", exclude_none=True),
                _samenvatting(h, kern_catalogus(request)),
                tekst(form, "toelichting"),
                int(verwacht) if verwacht.isdigit() else None,
            )
    except (OngeldigeWaarde, VersieConflict) as e:
        veld = "toelichting" if getattr(e, "veld", "") == "toelichting" else "invoer"
        return _scenario_pagina(
            request,
            g,
            scenario_id,
            fouten={veld: e.melding},
            json_tekst=tekst_json,
            status=409 if isinstance(e, VersieConflict) else 422,
        )
    return _naar(f"/pro/scenarios/{scenario_id}")


@router.post("/pro/scenarios/{scenario_id}/terugzetten")
async def scenario_terugzetten(request: Request, scenario_id: int = _id()):
    form = await formulier(request)
    g = vereist_ingelogd(request)
    versie = tekst(form, "versie")
    if not versie.isdigit():
        raise ApiFout(422, "ongeldige_invoer", "Kies een versie.")
    with request.app.state.db.sessie() as s:
        v = repo.scenario_versie(s, g.actor, scenario_id, int(versie))
        invoer = v.invoer
    h = Huishouden.model_validate(invoer)
    with request.app.state.db.sessie() as s:
        repo.scenario_opslaan(
            s,
            g.actor,
            scenario_id,
            invoer,
            _samenvatting(h, kern_catalogus(request)),
            f"teruggezet naar versie {int(versie)}",
        )
    return _naar(f"/pro/scenarios/{scenario_id}")


@router.post("/pro/scenarios/{scenario_id}/verwijderen")
async def scenario_verwijderen(request: Request, scenario_id: int = _id()):
    form = await formulier(request)
    g = vereist_ingelogd(request)
    if tekst(form, "bevestig") != "ja":
        return _scenario_pagina(
            request,
            g,
            scenario_id,
            fouten={"bevestig": "Vink aan dat u dit scenario echt wilt verwijderen."},
            status=422,
        )
    with request.app.state.db.sessie() as s:
        did = repo.scenario(s, g.actor, scenario_id).dossier_id
        repo.scenario_verwijderen(s, g.actor, scenario_id)
    return _naar(f"/pro/dossiers/{did}")


@router.get("/pro/scenarios/{scenario_id}/pdf")
async def scenario_pdf(request: Request, scenario_id: int = _id(), versie: int | None = None):
    g = vereist_ingelogd(request)
    with request.app.state.db.sessie() as s:
        sc = repo.scenario(s, g.actor, scenario_id)
        v = repo.scenario_versie(s, g.actor, scenario_id, versie if versie and 0 < versie < 2**31 else None)
        info = Dossierinfo(repo.dossier(s, g.actor, sc.dossier_id).label, sc.naam, v.versie, v.aangemaakt)
        invoer = v.invoer
        repo.log_lezen(s, g.actor, "pdf_gedownload", "scenario", sc.id, v.versie, dossier_id=sc.dossier_id)
    h = Huishouden.model_validate(invoer)
    ctx = await run_in_threadpool(uitkomst_context, h, catalogus=kern_catalogus(request))
    inhoud = await pdfpoort(request.app).teken(document_pdf, ctx, None, info)  # drawn off the request worker
    return Response(
        inhoud,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="scenario-{scenario_id}-versie-{info.versie}.pdf"'},
    )


# ------------------------------------------------------------------------------------------------- exports
def _maand_kolommen():
    from kotwijzer.web.export import Kolom

    return [
        Kolom("maand", "Maand"),
        Kolom("recht", "Recht op toeslag (ja/nee)"),
        Kolom("reden", "Waarom (geen) recht"),
        Kolom("uren", "Uren opvang die meetellen (uren per maand, alle kinderen)", "getal", 2),
        Kolom("toeslag", "Toeslag (€ per maand)", "getal", 2),
        Kolom("uitbetaald", "Uitbetaald voorschot (€ per maand, hele euro's)", "euro"),
        Kolom("eigen_bijdrage", "Eigen bijdrage (€ per maand)", "getal", 2),
        Kolom("let_op", "Let op"),
    ]


def _maand_rijen(invoer: dict[str, Any], catalogus: CatalogusBron) -> list[dict[str, Any]]:
    """Per month the figures the workbench shows, from the core; an amount that cannot be computed is empty with the
    reason in 'Let op'."""
    b = werkbank.bedragen(invoer, catalogus)
    r = b["r"]
    if r is None:
        return [{"maand": "", "let_op": b["melding"] or "Geen bedragen te berekenen."}]
    rijen = []
    for m in r.maanden:
        rijen.append(
            {
                "maand": diensten.MAANDNAMEN[m.maand - 1],
                "recht": "ja" if m.aanspraak else "nee",
                "reden": "" if m.aanspraak else m.uitleg,
                "uren": sum((k.uren_in_aanmerking or 0) for k in m.kinderen),
                "toeslag": m.toeslag,
                "uitbetaald": m.uitbetaling_voorschot,
                "eigen_bijdrage": m.eigen_bijdrage,
                "let_op": ""
                if m.toeslag is not None or not m.aanspraak
                else (r.rekenfout or "bedrag niet te berekenen"),
            }
        )
    rijen.append(
        {
            "maand": "Jaar",
            "recht": f"{r.jaar.maanden_met_aanspraak} maanden",
            "uren": r.jaar.uren_in_aanmerking,
            "toeslag": r.jaar.toeslag,
            "uitbetaald": None
            if any(m.uitbetaling_voorschot is None for m in r.maanden)
            else sum(m.uitbetaling_voorschot for m in r.maanden),
            "eigen_bijdrage": r.jaar.eigen_bijdrage,
            "let_op": ""
            if r.tabel_status in (None, "final", "definitief")
            else f"Tabel van {r.berekeningsjaar}: {r.tabel_status}",
        }
    )
    return rijen


@router.get("/pro/scenarios/{scenario_id}/maanden.{soort}")
def scenario_maanden(
    request: Request, scenario_id: int = _id(), soort: str = Path(pattern="^(csv|xlsx)$"), versie: int | None = None
):
    """The monthly figures of a scenario version as a spreadsheet in the Dutch dialect of the other exports
    (kotwijzer.web.export: semicolons, BOM, decimal comma, formulas neutralised; XLSX with real numbers)."""
    from kotwijzer.web.export import csv_bytes, xlsx_bytes

    g = vereist_ingelogd(request)
    with request.app.state.db.sessie() as s:
        sc = repo.scenario(s, g.actor, scenario_id)
        v = repo.scenario_versie(s, g.actor, scenario_id, versie if versie and 0 < versie < 2**31 else None)
        invoer = v.invoer
        repo.log_lezen(s, g.actor, "export_gedownload", "scenario", sc.id, v.versie, dossier_id=sc.dossier_id)
    rijen = _maand_rijen(invoer, kern_catalogus(request))
    naam = f"scenario-{scenario_id}-versie-{v.versie}-per-maand.{soort}"
    if soort == "csv":
        inhoud, mt = csv_bytes(_maand_kolommen(), rijen), "text/csv; charset=utf-8"
    else:
        inhoud = xlsx_bytes(_maand_kolommen(), rijen, blad="Per maand")
        mt = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(inhoud, media_type=mt, headers={"Content-Disposition": f'attachment; filename="{naam}"'})


@router.get("/pro/scenarios/{scenario_id}/vergelijk.pdf")
async def scenario_vergelijk_pdf(
    request: Request, scenario_id: int = _id(), a: int | None = None, b: int | None = None
):
    """The comparison of two versions as a PDF (facts changed, money per month and over the year)."""
    from kotwijzer.web.pdf import vergelijking_pdf

    g = vereist_ingelogd(request)
    with request.app.state.db.sessie() as s:
        info = _scenario_info(s, g, scenario_id)
        nummers = [x.versie for x in repo.scenario_versies(s, g.actor, scenario_id)]
        vb = b if b in nummers else nummers[-1]
        va = a if a in nummers else (nummers[-2] if len(nummers) > 1 else nummers[-1])
        oud = repo.scenario_versie(s, g.actor, scenario_id, va)
        nieuw = repo.scenario_versie(s, g.actor, scenario_id, vb)
        repo.log_lezen(s, g.actor, "pdf_gedownload", "scenario", scenario_id, vb, dossier_id=info["dossier_id"])
    feiten = werkbank.feiten_verschil(oud.invoer, nieuw.invoer)
    geld = werkbank.geld_verschil(oud.invoer, nieuw.invoer, kern_catalogus(request))
    inhoud = await pdfpoort(request.app).teken(vergelijking_pdf, info, va, vb, feiten, geld)
    return Response(
        inhoud,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="scenario-{scenario_id}-versie-{va}-en-{vb}.pdf"'},
    )


# -------------------------------------------------------------------------------------------------------- beheer
def _beheer_pagina(
    request: Request,
    g: Ingelogd,
    fouten: dict[str, str] | None = None,
    w: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    with request.app.state.db.sessie() as s:
        gebruikers = repo.gebruikers(s, g.actor)
        audit = repo.logboek(s, g.actor, 200)
    return render(
        request,
        "pro_beheer.html",
        status=status,
        titel=("Fout: " if fouten else "") + "Beheer",
        gebruikers=gebruikers,
        audit=audit,
        acties=ACTIE_TEKST,
        fouten=fouten or {},
        w=w or {},
    )


def jaartoeslag(samenvatting: dict[str, Any] | None) -> str:
    """The year's toeslag stored with a version, in euros; '-' when it was not computed."""
    from decimal import Decimal, InvalidOperation

    x = (samenvatting or {}).get("toeslag_jaar")
    try:
        return diensten.euro(Decimal(str(x))) if x not in (None, "", "None") else "-"
    except InvalidOperation:
        return "-"


templates.env.filters.update(jaartoeslag=jaartoeslag)


# Plain Dutch for the logbook's actions
ACTIE_TEKST = {
    "ingelogd": "ingelogd",
    "inloggen_mislukt": "inloggen mislukt",
    "uitgelogd": "uitgelogd",
    "gebruiker_aangemaakt": "gebruiker toegevoegd",
    "gebruiker_gewijzigd": "gebruiker gewijzigd",
    "dossier_aangemaakt": "dossier aangemaakt",
    "dossier_gewijzigd": "label van dossier gewijzigd",
    "dossier_verwijderd": "dossier verwijderd",
    "dossier_geopend": "dossier geopend",
    "scenario_aangemaakt": "scenario opgeslagen (eerste versie)",
    "scenario_opgeslagen": "nieuwe versie opgeslagen",
    "scenario_verwijderd": "scenario verwijderd",
    "scenario_geopend": "scenario bekeken",
    "pdf_gedownload": "PDF gedownload",
    "pakket_gedownload": "aanvraagbrief gedownload",
    "export_gedownload": "spreadsheet gedownload",
}


@router.get("/pro/beheer", response_class=HTMLResponse)
def beheer(request: Request):
    g = _of_inloggen(request)
    if isinstance(g, RedirectResponse):
        return g
    if not g.beheerder:
        raise GeenToegang()
    return _beheer_pagina(request, g)


@router.post("/pro/beheer/gebruikers", response_class=HTMLResponse)
async def gebruiker_maken(request: Request):
    form = await formulier(request)
    g = vereist_ingelogd(request)
    email, ww, rol, naam = tekst(form, "email"), tekst(form, "wachtwoord"), tekst(form, "rol"), tekst(form, "naam")
    huidig = tekst(form, "huidig_wachtwoord")

    def _doe():
        with request.app.state.db.sessie() as s:
            herbevestigd = rol == "beheerder" and repo.herbevestig(s, g.actor, huidig)
            repo.gebruiker_maken(s, g.organisatie_id, email, ww, rol, g.actor, naam=naam, herbevestigd=herbevestigd)

    try:
        await run_in_threadpool(_doe)
    except OngeldigeWaarde as e:
        return _beheer_pagina(
            request, g, {f"nieuw-{e.veld}": e.melding}, {"email": email[:254], "rol": rol, "naam": naam[:80]}, 422
        )
    except Conflict as e:
        return _beheer_pagina(
            request, g, {"nieuw-email": e.melding}, {"email": email[:254], "rol": rol, "naam": naam[:80]}, 409
        )
    return _naar("/pro/beheer")


@router.post("/pro/beheer/gebruikers/{gebruiker_id}", response_class=HTMLResponse)
async def gebruiker_wijzigen(request: Request, gebruiker_id: int = _id()):
    form = await formulier(request)
    g = vereist_ingelogd(request)
    actie = tekst(form, "actie")
    rol = tekst(form, "rol") or None
    actief = {"uitschakelen": False, "inschakelen": True}.get(actie)
    huidig = tekst(form, "huidig_wachtwoord")
    try:
        with request.app.state.db.sessie() as s:
            herbevestigd = actie == "rol" and rol == "beheerder" and repo.herbevestig(s, g.actor, huidig)
            repo.gebruiker_wijzigen(s, g.actor, gebruiker_id, rol if actie == "rol" else None, actief, herbevestigd)
    except OngeldigeWaarde as e:
        return _beheer_pagina(request, g, {f"gebruiker-{gebruiker_id}": e.melding}, status=422)
    return _naar("/pro/beheer")
