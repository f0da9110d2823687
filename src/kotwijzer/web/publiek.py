"""Pages for parents and anyone helping them: the questionnaire, the result, 'wat als', voorschot versus
definitief, the PDF summary, and the API documentation page. Every page works without JavaScript."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from kotwijzer import diensten
from kotwijzer.api.fouten import nederlandse_fouten
from kotwijzer.api.gemeenten import app_catalogus
from kotwijzer.api.http import ApiFout
from kotwijzer.api.schemas import Wijziging
from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.model import Huishouden
from kotwijzer.web import formulier as fm
from kotwijzer.web.basis import formulier, ingelogd, render, tekst

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return render(request, "home.html", titel="Kinderopvangtoeslag: heeft u recht, en hoeveel?")


@router.get("/over", response_class=HTMLResponse)
def over(request: Request):
    return render(request, "over.html", titel="Over kotwijzer")


# ----------------------------------------------------------------------------------------------- questionnaire
def toon_stap(request: Request, stap: str, staat: dict[str, Any], fouten: dict[str, str] | None = None,
              waarden: dict[str, str] | None = None, rijen: list | None = None, status: int = 200) -> HTMLResponse:
    st = fm.stappen(staat)
    if stap not in st:
        stap = st[0]
    j = fm.jaar(staat)
    kgu_jaar = fm.kgu(j)
    ctx: dict[str, Any] = {"stap": stap, "stap_nr": st.index(stap) + 1, "stap_totaal": len(st), "staat": fm.staat_tekst(staat),
                           "jaar": j, "kgu": kgu_jaar, "jaren": fm.JAREN, "max_kinderen": fm.MAX_KINDEREN,
                           "stap_titel": fm.STAP_TITEL[stap], "context": staat.get("context") or {}}
    if stap == "gezin":
        ctx["w"] = waarden or fm.gezin_waarden(staat)
    elif stap in ("aanvrager", "partner"):
        cat = app_catalogus(request)
        if cat.gemeenten:
            ctx["gemeente_opties"] = [(g.cbs_code, g.naam) for g in cat.gemeenten]
            ctx["activiteit_opties"] = {g.cbs_code: [(a.code, a.naam) for a in cat.activiteiten_van(g.cbs_code)]
                                        for g in cat.gemeenten}
        rijen = rijen if rijen is not None else fm.periode_rijen_uit_staat(staat, stap)
        for r in rijen:
            t = fm.toon(r, kgu_jaar, bool(cat.gemeenten))
            al = set(filter(None, r.get("getoond", "").split(",")))
            r["toon"] = {k: v or k in al for k, v in t.items()}
            r["getoond"] = ",".join(k for k, v in r["toon"].items() if v)
        ctx["rijen"] = rijen
        ctx["wie"] = stap
    elif stap == "kinderen":
        ctx["kinderen"] = rijen if rijen is not None else fm.kind_rijen_uit_staat(staat)
    elif stap == "inkomen":
        ctx["w"] = waarden or fm.inkomen_waarden(staat)
    elif stap == "controle":
        ctx["overzicht"] = fm.overzicht(staat, app_catalogus(request))
        per_stap = fouten if fouten is not None else _controle_fouten(staat)
        ctx["stap_fouten"] = per_stap
        fouten = {f"wijzig-{k}": v for k, v in per_stap.items()}
    titel = f"{fm.STAP_TITEL[stap]} (stap {ctx['stap_nr']} van {ctx['stap_totaal']})"
    if fouten:
        titel = "Fout: " + titel
    return render(request, "vragen.html", status=status, titel=titel, fouten=fouten or {}, **ctx)


def _controle_fouten(staat: dict[str, Any]) -> dict[str, str]:
    """Problems the core sees in the answers, keyed by step (shown on the check page with a link back)."""
    uit: dict[str, str] = {}
    try:
        h = Huishouden.model_validate(fm.huishouden_dict(staat))
    except ValidationError as e:
        for f in nederlandse_fouten(e):
            uit.setdefault(fm.stap_van_veld(f["veld"]), f["melding"])
        return uit
    try:
        voorwaardencheck(h)
    except diensten.REKENFOUTEN as e:
        veld = getattr(e, "veld", "")
        uit.setdefault(fm.stap_van_veld(veld) if veld else "gezin", diensten.rekenfout_melding(e))
    return uit


@router.get("/vragen", response_class=HTMLResponse)
def vragen_start(request: Request):
    return toon_stap(request, "gezin", fm.nieuwe_staat())


@router.post("/vragen", response_class=HTMLResponse)
async def vragen(request: Request):
    form = await formulier(request)
    staat = fm.lees_staat(tekst(form, "staat"))
    stap = tekst(form, "stap")
    if stap not in fm.STAPPEN:
        stap = "gezin"
    actie = tekst(form, "actie", "volgende")
    velden = {k: v for k, v in form.items() if isinstance(v, str)}
    if actie.startswith("ga_") and actie[3:] in fm.stappen(staat):
        return toon_stap(request, actie[3:], staat)
    if actie == "vorige":
        return toon_stap(request, fm.vorige(staat, stap), staat)
    if stap == "gezin":
        f = fm.verwerk_gezin(velden, staat)
        if f:
            return toon_stap(request, stap, staat, fouten=f, waarden=velden, status=422)
    elif stap in ("aanvrager", "partner"):
        rijen = fm.periode_rijen_uit_form(velden, stap)
        perioden, f = fm.verwerk_perioden(rijen, staat, stap, app_catalogus(request))
        if f:
            return toon_stap(request, stap, staat, fouten=f, rijen=rijen, status=422)
        ouder = staat["invoer"].get(stap)
        if not isinstance(ouder, dict):
            ouder = staat["invoer"][stap] = {}
        ouder["situaties"] = perioden
        if actie == "nog_een":
            return toon_stap(request, stap, staat)
    elif stap == "kinderen":
        rijen = fm.kind_rijen_uit_form(velden, staat)
        kinderen, f = fm.verwerk_kinderen(rijen, staat)
        if f:
            return toon_stap(request, stap, staat, fouten=f, rijen=rijen, status=422)
        staat["invoer"]["kinderen"] = kinderen
        if actie == "nog_een":
            return toon_stap(request, stap, staat)
    elif stap == "inkomen":
        f = fm.verwerk_inkomen(velden, staat)
        if f:
            return toon_stap(request, stap, staat, fouten=f, waarden=velden, status=422)
    elif stap == "controle":
        fouten = _controle_fouten(staat)
        if fouten:
            return toon_stap(request, stap, staat, fouten=fouten, status=422)
        return toon_uitkomst(request, staat)
    return toon_stap(request, fm.volgende(staat, stap), staat)


# ----------------------------------------------------------------------------------------------------- result
def uitkomst_context(h: Huishouden) -> dict[str, Any]:
    """Everything the result page (and the PDF) shows, computed by the core."""
    ctx: dict[str, Any] = {"h": h, "r": None, "vc": None, "blokken": [], "stappen": [], "melding": None,
                           "melding_veld": None, "wettekst": False}
    try:
        ctx["vc"] = voorwaardencheck(h)
    except diensten.REKENFOUTEN as e:
        ctx["melding"] = diensten.rekenfout_melding(e)
        ctx["melding_veld"] = getattr(e, "veld", None)
    try:
        r = bereken(h)
    except diensten.REKENFOUTEN as e:
        ctx["melding"] = ctx["melding"] or diensten.rekenfout_melding(e)
        ctx["melding_veld"] = ctx["melding_veld"] or getattr(e, "veld", None)
        return ctx
    ctx["r"] = r
    ctx["blokken"], ctx["wettekst"] = diensten.uitleg_blokken(r)
    ctx["stappen"] = diensten.stappen_lijst(h, r)
    ctx["tegemoetkoming"] = tegemoetkoming_context(h)
    return ctx


def tegemoetkoming_context(h: Huishouden) -> dict[str, Any] | None:
    """Wko art. 1.13 for a parent in bijstand with a named municipality: the municipal top-up per month and child and
    what stays with the parent (computed by the core with the app's catalogue). None when no municipality is named."""
    from kotwijzer.compute import gemeentelijke_tegemoetkoming
    from kotwijzer.municipal import actieve_catalogus

    codes = [p.gemeente_code for o in (h.aanvrager, h.partner) if o for p in o.situaties
             if p.situatie == "bijstand_traject" and p.gemeente_code]
    if not codes:
        return None
    try:
        g = actieve_catalogus().gemeente(codes[0])
    except LookupError as e:
        return {"melding": str(e)}
    try:
        t = gemeentelijke_tegemoetkoming(h, codes[0])
    except diensten.REKENFOUTEN as e:
        return {"gemeente": g, "melding": diensten.rekenfout_melding(e)}
    return {"gemeente": g, **t}


def _huishouden_uit_staat(staat: dict[str, Any]) -> Huishouden:
    try:
        return Huishouden.model_validate(fm.huishouden_dict(staat))
    except ValidationError as e:
        raise ApiFout(422, "ongeldige_invoer", "De antwoorden zijn niet compleet of kloppen niet: "
                      + "; ".join(f["melding"] for f in nederlandse_fouten(e)[:3])) from None


def toon_uitkomst(request: Request, staat: dict[str, Any], extra: dict[str, Any] | None = None,
                  status: int = 200) -> HTMLResponse:
    h = _huishouden_uit_staat(staat)
    ctx = uitkomst_context(h)
    ctx.update(_formulier_context(request, staat, h))
    if extra:
        ctx.update(extra)
    titel = ("Fout: " if ctx.get("fouten") else "") + f"Uitkomst kinderopvangtoeslag {h.berekeningsjaar}"
    return render(request, "uitkomst.html", status=status, titel=titel, **ctx)


def _formulier_context(request: Request, staat: dict[str, Any], h: Huishouden) -> dict[str, Any]:
    g = ingelogd(request)
    ctx = {"staat": fm.staat_tekst(staat), "context": staat.get("context") or {}, "kgu": fm.kgu(h.berekeningsjaar),
           "dossiers": []}
    if g is not None:
        from kotwijzer.store import repo

        with request.app.state.db.sessie() as s:
            ctx["dossiers"] = [(d.id, d.label) for d, _ in repo.dossiers(s, g.actor)]
    return ctx


@router.post("/uitkomst", response_class=HTMLResponse)
async def uitkomst(request: Request):
    form = await formulier(request)
    return toon_uitkomst(request, fm.lees_staat(tekst(form, "staat")))


# ----------------------------------------------------------------------------------------------------- wat als
def _wijziging_uit_form(form: dict[str, str], h: Huishouden) -> tuple[Wijziging | None, dict[str, str]]:
    f = fm.Fouten()
    soort = form.get("soort", "")
    data: dict[str, Any] = {"soort": soort}
    if soort not in ("inkomen", "uren", "situatie"):
        f.voeg("wa-soort", "Kies wat u wilt veranderen.")
        return None, f
    if soort == "inkomen":
        try:
            data["toetsingsinkomen"] = fm.parse_euros(form.get("wa-inkomen", ""))
            if data["toetsingsinkomen"] is None:
                f.voeg("wa-inkomen", "Vul het nieuwe inkomen in.")
        except ValueError as e:
            f.voeg("wa-inkomen", str(e))
    elif soort == "uren":
        try:
            data["kind"] = int(form.get("wa-kind", ""))
        except ValueError:
            f.voeg("wa-kind", "Kies het kind.")
        try:
            data["uren_per_maand"] = fm.parse_getal(form.get("wa-uren", ""), "Vul het aantal uren in, bijvoorbeeld 80.")
            if data["uren_per_maand"] is None:
                f.voeg("wa-uren", "Vul het nieuwe aantal uren per maand in.")
        except ValueError as e:
            f.voeg("wa-uren", str(e))
    else:
        data["ouder"] = form.get("wa-ouder") or None
        data["situatie"] = form.get("wa-situatie") or None
        try:
            data["vanaf_maand"] = int(form.get("wa-maand", ""))
        except ValueError:
            f.voeg("wa-maand", "Kies de maand.")
        if not data["situatie"]:
            f.voeg("wa-situatie", "Kies de nieuwe situatie.")
        if form.get("wa-werkuren"):
            try:
                data["werkuren_per_maand"] = fm.parse_getal(form["wa-werkuren"], "Vul het aantal uren in, bijvoorbeeld 120.")
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
            veld = {"toetsingsinkomen": "wa-inkomen", "kind": "wa-kind", "uren_per_maand": "wa-uren", "ouder": "wa-ouder",
                    "situatie": "wa-situatie", "vanaf_maand": "wa-maand", "werkuren_per_maand": "wa-werkuren"}.get(fout["veld"], "wa-soort")
            f.voeg(veld, fout["melding"])
        return None, f


@router.post("/wat-als", response_class=HTMLResponse)
async def wat_als(request: Request):
    form = await formulier(request)
    staat = fm.lees_staat(tekst(form, "staat"))
    h = _huishouden_uit_staat(staat)
    velden = {k: v for k, v in form.items() if isinstance(v, str)}
    ctx: dict[str, Any] = {"h": h, "wa": velden, "vergelijking": None}
    ctx.update(_formulier_context(request, staat, h))
    status = 200
    if tekst(form, "soort"):
        w, f = _wijziging_uit_form(velden, h)
        if w is not None:
            try:
                ctx["vergelijking"] = diensten.wat_als(h, w)
                staat2 = dict(staat)
                staat2["invoer"] = ctx["vergelijking"]["invoer_wat_als"].model_dump(mode="json", exclude_none=True)
                staat2["context"] = {k: v for k, v in (staat.get("context") or {}).items() if k == "dossier"}
                ctx["staat_wat_als"] = fm.staat_tekst(staat2)
            except diensten.OngeldigeWijziging as e:
                f.voeg({"wijziging.kind": "wa-kind", "wijziging.ouder": "wa-ouder"}.get(e.veld, "wa-soort"), e.melding)
            except ValidationError as e:
                f.voeg("wa-soort", "Deze wijziging past niet bij de rest van de antwoorden: "
                       + nederlandse_fouten(e)[0]["melding"])
            except diensten.REKENFOUTEN as e:
                f.voeg("wa-soort", diensten.rekenfout_melding(e))
        if f:
            status = 422
        ctx["fouten"] = f
    titel = ("Fout: " if ctx.get("fouten") else "") + f"Wat als? Kinderopvangtoeslag {h.berekeningsjaar}"
    return render(request, "wat_als.html", status=status, titel=titel, **ctx)


# ------------------------------------------------------------------------------------------------- voorschot
@router.post("/voorschot", response_class=HTMLResponse)
async def voorschot(request: Request):
    form = await formulier(request)
    staat = fm.lees_staat(tekst(form, "staat"))
    h = _huishouden_uit_staat(staat)
    ctx: dict[str, Any] = {"h": h, "uitkomst": None}
    ctx.update(_formulier_context(request, staat, h))
    f = fm.Fouten()
    waarden = {"vs-voorschot": tekst(form, "vs-voorschot"), "vs-definitief": tekst(form, "vs-definitief")}
    if not any(waarden.values()):
        waarden["vs-voorschot"] = "" if h.toetsingsinkomen is None else str(h.toetsingsinkomen)
    ctx["vs"] = waarden
    status = 200
    if tekst(form, "bereken"):
        bedragen = {}
        for veld in ("vs-voorschot", "vs-definitief"):
            try:
                bedragen[veld] = fm.parse_euros(waarden[veld])
                if bedragen[veld] is None:
                    f.voeg(veld, "Vul dit inkomen in.")
                elif bedragen[veld] > 100_000_000:
                    f.voeg(veld, "Dit bedrag is te hoog.")
            except ValueError as e:
                f.voeg(veld, str(e))
        if not f:
            try:
                ctx["uitkomst"] = diensten.voorschot(h, bedragen["vs-voorschot"], bedragen["vs-definitief"])
            except diensten.REKENFOUTEN as e:
                f.voeg("vs-voorschot", diensten.rekenfout_melding(e))
        if f:
            status = 422
    titel = ("Fout: " if f else "") + f"Voorschot en definitieve berekening {h.berekeningsjaar}"
    return render(request, "voorschot.html", status=status, titel=titel, fouten=f, **ctx)


# ------------------------------------------------------------------------------------------------------- PDF
def pdf_antwoord(ctx: dict[str, Any], bestandsnaam: str, kop: str | None = None) -> Response:
    from kotwijzer.web.pdf import samenvatting_pdf

    return Response(samenvatting_pdf(ctx, kop), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{bestandsnaam}"'})


@router.post("/samenvatting.pdf")
async def samenvatting(request: Request):
    form = await formulier(request)
    h = _huishouden_uit_staat(fm.lees_staat(tekst(form, "staat")))
    return pdf_antwoord(uitkomst_context(h), f"kinderopvangtoeslag-{h.berekeningsjaar}-{dt.date.today():%Y%m%d}.pdf")


# ------------------------------------------------------------------------------------------- API documentation
@router.get("/api/v1/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    paden = []
    for pad, methodes in spec.get("paths", {}).items():
        for methode, op in methodes.items():
            body = (((op.get("requestBody") or {}).get("content") or {}).get("application/json") or {}).get("schema", {})
            paden.append({
                "pad": pad, "methode": methode.upper(), "samenvatting": op.get("summary", ""),
                "beschrijving": op.get("description", ""), "tags": op.get("tags", []),
                "invoer": body.get("$ref", "").rsplit("/", 1)[-1],
                "antwoorden": [(code, a.get("description", "")) for code, a in (op.get("responses") or {}).items()],
                "beveiligd": bool(op.get("security")),
                "parameters": [(p["name"], p.get("in", ""), (p.get("schema") or {}).get("type", ""), p.get("description", ""))
                               for p in op.get("parameters", [])],
            })
    return render(request, "api_docs.html", titel="API-documentatie (versie 1)", paden=paden,
                  versie=spec.get("info", {}).get("version", ""))
