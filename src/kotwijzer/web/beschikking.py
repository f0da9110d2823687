"""Web pages of the assessment check (beschikking controleren) for parents, and the form logic the workbench reuses.

The letter's figures are typed into a form, checked against the law for the household in the address (`a`), and shown
line by line with the reason of every difference. The draft bezwaarschrift is rendered from a POST that carries the
letter and, if the parent fills them in, name and address: used for that one document, never stored or logged.

Languages: the parent's page is in the parent's language (Dutch or English); the bezwaarschrift is always Dutch,
because it goes to Dienst Toeslagen, which works in Dutch (the English page says so and what it says). The workbench's
page is Dutch only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from kotwijzer import i18n
from kotwijzer.formaat import getal
from kotwijzer.foutmeldingen import nederlandse_fouten
from kotwijzer.http.catalogus import kern_catalogus
from kotwijzer.i18n import N_, _
from kotwijzer.model import Huishouden
from kotwijzer.web import formulier as fm
from kotwijzer.web.basis import formulier, render, tekst

router = APIRouter(include_in_schema=False)


def _filters() -> None:
    from kotwijzer.beschikking.controle import maanden_tekst
    from kotwijzer.web.basis import templates

    templates.env.filters["maanden_tekst"] = maanden_tekst


_filters()
REGELS = 6  # line slots in the form (a letter with more periods: use the API or the CLI)
SOORTEN = [  # labels marked for the catalogue, translated where they are shown
    ("dagopvang", N_("dagopvang")),
    ("buitenschoolse_opvang", N_("buitenschoolse opvang (bso)")),
    ("gastouderopvang", N_("gastouderopvang")),
]


def lege_waarden(h: Huishouden) -> dict[str, str]:
    """An empty letter form: one line per child for the whole year, the numbers left for the parent to copy."""
    w: dict[str, str] = {"soort": "definitieve_berekening"}
    for i, k in enumerate(h.kinderen[:REGELS]):
        soort = k.opvang[0].soort.value if k.opvang else ""
        w.update(
            {
                f"r-{i}-kind": str(i + 1),
                f"r-{i}-van": f"1-1-{h.berekeningsjaar}",
                f"r-{i}-tot": f"31-12-{h.berekeningsjaar}",
                f"r-{i}-soort": soort,
            }
        )
    return w


def waarden_uit_form(form: Mapping[str, Any]) -> dict[str, str]:
    namen = ["soort", "datum", "toetsingsinkomen", "totaal", "al_betaald"]
    namen += [
        f"r-{i}-{v}"
        for i in range(REGELS)
        for v in ("kind", "van", "tot", "soort", "uren", "uurprijs", "rangorde", "percentage", "bedrag")
    ]
    return {n: str(form.get(n) or "")[:40] for n in namen}


def brief_uit_waarden(w: Mapping[str, str], h: Huishouden) -> tuple[dict[str, Any] | None, fm.Fouten]:
    """The letter as input for kotwijzer.beschikking, or the errors per field (Dutch, B1)."""
    f = fm.Fouten()
    brief: dict[str, Any] = {
        "soort": w.get("soort") or "definitieve_berekening",
        "berekeningsjaar": h.berekeningsjaar,
        "regels": [],
    }
    if brief["soort"] not in ("definitieve_berekening", "voorschotbeschikking"):
        f.voeg("soort", _("Kies wat voor brief het is."))
    try:
        d = fm.parse_datum(w.get("datum", ""))
        if d is None:
            f.voeg("datum", _("Vul de datum van de brief in. Die staat bovenaan de brief."))
        else:
            brief["datum"] = d.isoformat()
    except ValueError as e:
        f.voeg("datum", str(e))
    try:
        ink = fm.parse_euros(w.get("toetsingsinkomen", ""))
        if ink is None:
            f.voeg("toetsingsinkomen", _("Vul het toetsingsinkomen in dat in de brief staat."))
        else:
            brief["toetsingsinkomen"] = ink
    except ValueError as e:
        f.voeg("toetsingsinkomen", str(e))
    for veld in ("totaal", "al_betaald"):
        try:
            x = fm.parse_getal(w.get(veld, ""), _("Vul een bedrag in, bijvoorbeeld 1234,56."))
            if x is not None:
                brief[veld] = str(x)
        except ValueError as e:
            f.voeg(veld, str(e))
    for i in range(REGELS):
        p = f"r-{i}-"
        if not any(w.get(p + v) for v in ("uren", "uurprijs", "percentage", "bedrag")):
            continue
        r: dict[str, Any] = {"opvangsoort": w.get(p + "soort") or ""}
        try:
            r["kind"] = int(w.get(p + "kind") or "0")
            if not 1 <= r["kind"] <= len(h.kinderen):
                raise ValueError
        except ValueError:
            f.voeg(p + "kind", _("Kies het kind."))
        for v in ("van", "tot"):
            try:
                d = fm.parse_datum(w.get(p + v, ""))
                if d is None:
                    f.voeg(p + v, _("Vul de datum in, zoals in de brief."))
                elif d.year != h.berekeningsjaar:
                    f.voeg(p + v, _("De periode moet in {jaar} liggen.").format(jaar=h.berekeningsjaar))
                else:
                    r[v] = d.isoformat()
            except ValueError as e:
                f.voeg(p + v, str(e))
        if r.get("van") and r.get("tot") and r["tot"] < r["van"]:
            f.voeg(p + "tot", _("De einddatum ligt voor de begindatum."))
        if r["opvangsoort"] not in dict(SOORTEN):
            f.voeg(p + "soort", _("Kies de soort opvang."))
        for v, melding, verplicht in (
            ("uren", _("Vul de uren per maand in, bijvoorbeeld 80."), True),
            ("uurprijs", _("Vul de uurprijs in, bijvoorbeeld 10,71."), True),
            ("percentage", _("Vul het percentage (tabelwaarde) in, bijvoorbeeld 87,3."), True),
            ("bedrag", _("Vul het bedrag in, bijvoorbeeld 747,99."), False),
        ):
            try:
                x = fm.parse_getal(w.get(p + v, ""), melding)
                if x is None and verplicht:
                    f.voeg(p + v, melding)
                elif x is not None:
                    r[{"uren": "uren_per_maand"}.get(v, v)] = str(x)
            except ValueError as e:
                f.voeg(p + v, str(e))
        if "percentage" in r and not 0 <= float(r["percentage"]) <= 100:
            f.voeg(p + "percentage", _("Een percentage ligt tussen 0 en 100."))
        try:
            r["rangorde"] = int(w.get(p + "rangorde") or "0")
            if not 1 <= r["rangorde"] <= 12:
                raise ValueError
        except ValueError:
            f.voeg(p + "rangorde", _("Kies de rangorde: 1e kind of een ander kind."))
        brief["regels"].append(r)
    if not brief["regels"] and not f:
        f.voeg("r-0-uren", _("Vul minstens één regel van de brief in (een kind en een periode)."))
    if f:
        return None, f
    from kotwijzer.beschikking.model import Beschikking

    try:
        Beschikking.model_validate(brief)
    except ValidationError as e:
        for fout in nederlandse_fouten(e):
            f.voeg("datum", fout["melding"])
        return None, f
    return brief, f


def _h(request: Request, a: str | None) -> tuple[Huishouden | None, dict[str, Any] | None]:
    from kotwijzer.web.publiek import huishouden_uit_staat as _huishouden_uit_staat
    from kotwijzer.web.publiek import staat_uit_token as _staat_uit_token

    staat, melding = _staat_uit_token(request, a)
    if melding or not a:
        return None, None
    return _huishouden_uit_staat(staat), staat


def _pagina(
    request: Request,
    h: Huishouden,
    a: str,
    waarden: dict[str, str],
    controle=None,
    fouten=None,
    brief: dict | None = None,
    status: int = 200,
    **extra: Any,
) -> HTMLResponse:
    from urllib.parse import quote

    ctx = {
        "h": h,
        "a": a,
        "w": waarden,
        "controle": controle,
        "regels": range(REGELS),
        "soorten": [(k, _(v)) for k, v in SOORTEN],
        "kinderen": [(str(i + 1), k.label or _("kind {n}").format(n=i + 1)) for i, k in enumerate(h.kinderen)],
        "vandaag": dt.date.today(),
        "actie": "/beschikking",
        "bezwaar_actie": "/beschikking/bezwaarschrift",
        "verborgen": {"a": a},
        "terug": f"/uitkomst?a={quote(a)}",
        "terug_tekst": _("Terug naar uw uitkomst"),
        "opslaan": False,
        "opgeslagen": None,
    }
    ctx.update(extra)
    if brief:
        ctx["verborgen"] = {**ctx["verborgen"], "brief": json.dumps(brief)}
    titel = (_("Fout: ") if fouten else "") + _("Beschikking controleren {jaar}").format(jaar=h.berekeningsjaar)
    return render(request, "beschikking.html", status=status, titel=titel, fouten=fouten or {}, **ctx)


@router.get("/beschikking", response_class=HTMLResponse)
def beschikking(request: Request, a: str | None = None):
    from kotwijzer.web.publiek import naar

    h, _staat = _h(request, a)
    if h is None:
        return naar("/vragen?verlopen=1")
    return _pagina(request, h, a or "", lege_waarden(h))


@router.post("/beschikking", response_class=HTMLResponse)
async def beschikking_post(request: Request):
    from kotwijzer.beschikking import controleer
    from kotwijzer.invoer import OntbrekendeInvoer
    from kotwijzer.web.publiek import naar

    form = await formulier(request)
    a = tekst(form, "a")
    h, _staat = _h(request, a)
    if h is None:
        return naar("/vragen?verlopen=1")
    w = waarden_uit_form(form)
    brief, f = brief_uit_waarden(w, h)
    if brief is None:
        return _pagina(request, h, a, w, fouten=f, status=422)
    try:
        c = controleer(h, brief, catalogus=kern_catalogus(request))
    except OntbrekendeInvoer as e:
        f.voeg("r-0-kind", e.bericht)
        return _pagina(request, h, a, w, fouten=f, status=422)
    return _pagina(request, h, a, w, controle=c, brief=brief)


@router.post("/beschikking/bezwaarschrift")
async def bezwaarschrift(request: Request):
    """The draft as PDF or text. Name and address come from the form, go into this one document and nowhere else."""
    from kotwijzer.beschikking import controleer
    from kotwijzer.beschikking.bezwaar import Persoon
    from kotwijzer.web.publiek import naar

    form = await formulier(request)
    h, _staat = _h(request, tekst(form, "a"))
    if h is None:
        return naar("/vragen?verlopen=1")
    try:
        brief = json.loads(tekst(form, "brief"))
        with i18n.in_taal(i18n.STANDAARD):  # the bezwaarschrift goes to Dienst Toeslagen: Dutch
            c = controleer(h, brief, catalogus=kern_catalogus(request))
    except (ValueError, ValidationError):
        from urllib.parse import quote

        return naar(f"/beschikking?a={quote(tekst(form, 'a'))}")
    p = Persoon.van({k: tekst(form, k) for k in ("naam", "adres", "postcode_plaats", "bsn", "kenmerk")})
    return _bezwaarschrift_antwoord(c, p, tekst(form, "formaat"))


def _bezwaarschrift_antwoord(c, p, formaat: str) -> Response:
    """The draft bezwaarschrift as text or PDF, in Dutch whatever the page's language."""
    from kotwijzer.beschikking.bezwaar import bezwaarschrift_pdf, bezwaarschrift_tekst

    kop = {"Cache-Control": "no-store"}
    with i18n.in_taal(i18n.STANDAARD):
        if formaat == "tekst":
            return Response(bezwaarschrift_tekst(c, p), media_type="text/plain; charset=utf-8", headers=kop)
        kop["Content-Disposition"] = (
            f'attachment; filename="bezwaarschrift-kinderopvangtoeslag-{c.berekeningsjaar}.pdf"'
        )
        return Response(bezwaarschrift_pdf(c, p), media_type="application/pdf", headers=kop)


# ------------------------------------------------------------------------------------------- professional workbench
def _pro(request: Request, scenario_id: int):
    from kotwijzer.store import repo
    from kotwijzer.web.basis import ingelogd

    g = ingelogd(request)
    if g is None:
        return None, None, None
    with request.app.state.db.sessie() as s:
        sc = repo.scenario(s, g.actor, scenario_id)
        v = repo.scenario_versie(s, g.actor, scenario_id)
        return (
            g,
            {"id": sc.id, "naam": sc.naam, "huidige_versie": sc.huidige_versie},
            {"versie": v.versie, "invoer": v.invoer, "samenvatting": v.samenvatting},
        )


def _pro_ctx(sc: dict) -> dict[str, Any]:
    return {
        "actie": f"/pro/scenarios/{sc['id']}/beschikking",
        "bezwaar_actie": f"/pro/scenarios/{sc['id']}/beschikking/bezwaarschrift",
        "verborgen": {"verwachte_versie": str(sc["huidige_versie"])},
        "terug": f"/pro/scenarios/{sc['id']}",
        "terug_tekst": f"Terug naar scenario {sc['naam']}",
        "opslaan": True,
        "taalwissel": None,  # the workbench is Dutch only
    }


def _veld(x: Any) -> str:
    """A saved number as its form field shows it: the decimals it was saved with, a decimal comma ('12,50')."""
    return getal(x, None, nullen="vast", duizendtallen=False, leeg="")


def _waarden_uit_brief(brief: dict[str, Any]) -> dict[str, str]:
    """The form fields of a saved letter (so that a professional sees what was checked)."""

    def nl(d: str) -> str:
        j, m, dag = d.split("-")
        return f"{int(dag)}-{int(m)}-{j}"

    w = {
        "soort": brief.get("soort", ""),
        "datum": nl(brief["datum"]),
        "toetsingsinkomen": str(brief["toetsingsinkomen"]),
        "totaal": _veld(brief.get("totaal") or ""),
        "al_betaald": _veld(brief.get("al_betaald") or ""),
    }
    for i, r in enumerate(brief.get("regels", [])[:REGELS]):
        p = f"r-{i}-"
        w.update(
            {
                p + "kind": str(r["kind"]),
                p + "van": nl(r["van"]),
                p + "tot": nl(r["tot"]),
                p + "soort": r["opvangsoort"],
                p + "uren": _veld(r["uren_per_maand"]),
                p + "uurprijs": _veld(r["uurprijs"]),
                p + "rangorde": str(r["rangorde"]),
                p + "percentage": _veld(r["percentage"]),
                p + "bedrag": _veld(r.get("bedrag") or ""),
            }
        )
    return w


@router.get("/pro/scenarios/{scenario_id}/beschikking", response_class=HTMLResponse)
def pro_beschikking(request: Request, scenario_id: int):
    """The assessment check of a scenario. When the scenario's newest version holds a checked letter, it is shown.
    The workbench is Dutch only."""
    with i18n.in_taal(i18n.STANDAARD):
        return _pro_beschikking(request, scenario_id)


def _pro_beschikking(request: Request, scenario_id: int):
    from kotwijzer.beschikking import controleer
    from kotwijzer.web.publiek import naar

    g, sc, v = _pro(request, scenario_id)
    if g is None:
        return naar("/inloggen")
    h = Huishouden.model_validate(v["invoer"])
    brief = (v["samenvatting"] or {}).get("beschikking")
    nr = request.query_params.get("opgeslagen", "")
    extra = _pro_ctx(sc)
    if nr.isdigit():
        extra["opgeslagen"] = f"De controle is opgeslagen bij het dossier als versie {int(nr)} van dit scenario."
    if brief:
        return _pagina(
            request,
            h,
            "",
            _waarden_uit_brief(brief),
            controle=controleer(h, brief, catalogus=kern_catalogus(request)),
            brief=brief,
            **extra,
        )
    return _pagina(request, h, "", lege_waarden(h), **extra)
    if brief:
        return _pagina(
            request,
            h,
            "",
            _waarden_uit_brief(brief),
            controle=controleer(h, brief, catalogus=kern_catalogus(request)),
            brief=brief,
            **_pro_ctx(sc),
        )
    return _pagina(request, h, "", lege_waarden(h), **_pro_ctx(sc))


@router.post("/pro/scenarios/{scenario_id}/beschikking", response_class=HTMLResponse)
async def pro_beschikking_post(request: Request, scenario_id: int):
    """The workbench is Dutch only."""
    form = await formulier(request)
    with i18n.in_taal(i18n.STANDAARD):
        return _pro_beschikking_post(request, scenario_id, form)


def _pro_beschikking_post(request: Request, scenario_id: int, form):
    """'Controleer' shows the check; 'opslaan' also saves it with the dossier as a new version of the scenario: the
    same facts, and in the version's summary the letter and the outcome of the check (no personal data: children by
    number and pseudonymous label)."""
    from kotwijzer.beschikking import controleer
    from kotwijzer.diensten import samenvatting_voor_opslag
    from kotwijzer.invoer import OntbrekendeInvoer
    from kotwijzer.store import OngeldigeWaarde, VersieConflict, repo
    from kotwijzer.web.basis import vereist_ingelogd
    from kotwijzer.web.publiek import naar

    g = vereist_ingelogd(request)
    _g, sc, v = _pro(request, scenario_id)
    h = Huishouden.model_validate(v["invoer"])
    w = waarden_uit_form(form)
    brief, f = brief_uit_waarden(w, h)
    if brief is None:
        return _pagina(request, h, "", w, fouten=f, status=422, **_pro_ctx(sc))
    try:
        c = controleer(h, brief, catalogus=kern_catalogus(request))
    except OntbrekendeInvoer as e:
        f.voeg("r-0-kind", e.bericht)
        return _pagina(request, h, "", w, fouten=f, status=422, **_pro_ctx(sc))
    if tekst(form, "actie") != "opslaan":
        return _pagina(request, h, "", w, controle=c, brief=brief, **_pro_ctx(sc))
    samenvatting = {
        **samenvatting_voor_opslag(h),
        "beschikking": brief,
        "beschikking_controle": {
            "oordeel": c.oordeel,
            "totaal_brief": str(c.totaal_brief),
            "totaal_wet_onder": None if c.totaal_wet_onder is None else str(c.totaal_wet_onder),
            "totaal_wet_boven": None if c.totaal_wet_boven is None else str(c.totaal_wet_boven),
            "verschillen": [x.code for x in c.verschillen],
            "bezwaar_uiterlijk": c.termijn["laatste_dag"].isoformat(),
        },
    }
    verwacht = tekst(form, "verwachte_versie")
    try:
        with request.app.state.db.sessie() as s:
            nieuw = repo.scenario_opslaan(
                s,
                g.actor,
                scenario_id,
                v["invoer"],
                samenvatting,
                f"Beschikking van {c.datum_brief:%d-%m-%Y} gecontroleerd",
                int(verwacht) if verwacht.isdigit() else None,
            )
            nummer = nieuw.versie
    except (OngeldigeWaarde, VersieConflict) as e:
        f.voeg("datum", e.melding)
        return _pagina(
            request,
            h,
            "",
            w,
            controle=c,
            brief=brief,
            fouten=f,
            status=409 if isinstance(e, VersieConflict) else 422,
            **_pro_ctx(sc),
        )
    return naar(f"/pro/scenarios/{scenario_id}/beschikking?opgeslagen={nummer}")


@router.post("/pro/scenarios/{scenario_id}/beschikking/bezwaarschrift")
async def pro_bezwaarschrift(request: Request, scenario_id: int):
    from kotwijzer.beschikking import controleer
    from kotwijzer.beschikking.bezwaar import Persoon
    from kotwijzer.web.basis import vereist_ingelogd

    form = await formulier(request)
    vereist_ingelogd(request)
    _g, _sc, v = _pro(request, scenario_id)
    h = Huishouden.model_validate(v["invoer"])
    with i18n.in_taal(i18n.STANDAARD):
        c = controleer(h, json.loads(tekst(form, "brief") or "{}"), catalogus=kern_catalogus(request))
    p = Persoon.van({k: tekst(form, k) for k in ("naam", "adres", "postcode_plaats", "bsn", "kenmerk")})
    return _bezwaarschrift_antwoord(c, p, tekst(form, "formaat"))
