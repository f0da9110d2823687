"""Pages about municipalities and the Participatiewet (public, no login, no JavaScript needed):

- /gemeenten/activiteit: "Geeft deze activiteit recht op kinderopvangtoeslag?" for consultants (a GET form);
- /gemeenten/overzicht: per kind of activity, which municipalities give a right (A/B) and which do not (C): a table
  and a chart (/gemeenten/overzicht.svg), and the same overview as CSV (/gemeenten/overzicht.csv).

The pages only translate: the verdicts come from `kotwijzer.municipal` (classificeer, controleer_registratie,
overzicht, overzicht_csv), the catalogue from the app's database (`kotwijzer.api.gemeenten.app_catalogus`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
from collections import OrderedDict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from kotwijzer.api.diensten import _wet_url
from kotwijzer.api.gemeenten import GEEN_CATALOGUS, app_catalogus
from kotwijzer.api.http import ApiFout
from kotwijzer.municipal import (
    KOT_CODES,
    Catalogus,
    OnbekendInCatalogus,
    classificeer,
    controleer_registratie,
    is_kot_code,
    overzicht,
    overzicht_csv,
)
from kotwijzer.municipal.classificatie import VOORBEELD_WAARSCHUWING
from kotwijzer.municipal.codes import code_naam
from kotwijzer.municipal.overzicht import overzicht_matrix
from kotwijzer.web.basis import render, templates

router = APIRouter(include_in_schema=False)

templates.env.filters.update(codenaam=code_naam)
templates.env.globals.update(VOORBEELD_WAARSCHUWING=VOORBEELD_WAARSCHUWING)

REGISTRATIE_OPTIES = ([("", "Niet controleren"), ("geen", "Niet doorgegeven (geen code)")]
                      + [(str(c), code_naam(c)) for c in sorted(KOT_CODES)] + [("anders", "Een andere code")])


def _gemeente_opties(cat: Catalogus) -> list[tuple[str, str]]:
    return [(g.cbs_code, f"{g.naam} ({g.cbs_code})") for g in cat.gemeenten]


def _wetsartikelen(bronnen) -> list[dict[str, Any]]:
    """Citation, link to wetten.overheid.nl (today's version) and, when shipped, the law text."""
    from kotwijzer.wetten import tekst

    vandaag = dt.date.today()
    uit = []
    for b in bronnen:
        try:
            t = tekst(b, vandaag)
        except (LookupError, ValueError, OSError):
            t = None
        uit.append({"citaat": b.kort(), "titel": b.titel, "url": _wet_url(b.wet, vandaag), "tekst": t})
    return uit


# ------------------------------------------------------------------------------------------ the consultant
@router.get("/gemeenten/activiteit", response_class=HTMLResponse)
def activiteit_pagina(request: Request, gemeente: str = "", activiteit: str = "", registratie: str = "",
                      andere_code: str = ""):
    cat = app_catalogus(request)
    ctx: dict[str, Any] = {"cat": cat, "gekozen": {"gemeente": gemeente, "activiteit": activiteit,
                                                   "registratie": registratie, "andere_code": andere_code},
                           "gemeente_opties": _gemeente_opties(cat), "registratie_opties": REGISTRATIE_OPTIES,
                           "g": None, "activiteit_opties": [], "kl": None, "controle": None, "melding": None,
                           "wetsartikelen": []}
    fouten: dict[str, str] = {}
    status = 200
    if not cat.gemeenten:
        ctx["melding"] = GEEN_CATALOGUS
    elif gemeente:
        try:
            g = cat.gemeente(gemeente)
        except OnbekendInCatalogus:
            fouten["gemeente"] = "Deze gemeente staat niet in de lijst. Kies een gemeente uit de lijst."
            status = 404
            g = None
        ctx["g"] = g
        if g is not None:
            acts = cat.activiteiten_van(g.cbs_code)
            ctx["activiteit_opties"] = [(a.code, f"{a.naam} (categorie {a.categorie.value})") for a in acts]
            if activiteit and activiteit not in {a.code for a in acts}:
                if any(a.code == activiteit for _, a in cat.alle_activiteiten()):
                    # the consultant chose another municipality: ask again, without an error
                    ctx["melding"] = f"Kies een activiteit van {g.naam}."
                else:
                    fouten["activiteit"] = "Deze activiteit staat niet in de lijst. Kies een activiteit uit de lijst."
                    status = 404
                ctx["gekozen"]["activiteit"] = ""
            elif activiteit:
                kl = classificeer(g.cbs_code, activiteit, cat)
                ctx["kl"] = kl
                ctx["wetsartikelen"] = _wetsartikelen(kl.bron)
                ctx["controle"], f = _controle(cat, g.cbs_code, activiteit, registratie, andere_code)
                if f:
                    fouten.update(f)
                    status = 422
    titel = "Geeft deze activiteit recht op kinderopvangtoeslag?"
    if ctx["kl"] is not None:
        titel = f"{ctx['kl'].activiteit_naam} bij {ctx['kl'].gemeente_naam}: recht op kinderopvangtoeslag?"
    return render(request, "gemeenten_activiteit.html", status=status, titel=("Fout: " if fouten else "") + titel,
                  fouten=fouten, **ctx)


def _controle(cat: Catalogus, gemeente_code: str, activiteit_code: str, registratie: str,
              andere_code: str) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The registration check for the code the consultant entered (or none)."""
    if not registratie:
        return None, {}
    if registratie == "geen":
        code = None
    elif registratie == "anders":
        tekst = andere_code.strip()
        if not tekst.isdigit() or not 1 <= int(tekst) <= 999:
            return None, {"andere_code": "Vul de code in als getal, bijvoorbeeld 25."}
        code = int(tekst)
    elif registratie.isdigit() and int(registratie) in KOT_CODES:
        code = int(registratie)
    else:
        return None, {"registratie": "Kies een code uit de lijst."}
    a = cat.activiteit(gemeente_code, activiteit_code)
    signalen = controleer_registratie(a, code, gemeente=cat.gemeente(gemeente_code))
    return {"code": code, "ziet_traject": is_kot_code(code), "signalen": signalen}, {}


# -------------------------------------------------------------------------------------------- the overview
@router.get("/gemeenten/overzicht", response_class=HTMLResponse)
def overzicht_pagina(request: Request):
    cat = app_catalogus(request)
    ctx: dict[str, Any] = {"cat": cat, "rijen": [], "kop": [], "matrix": []}
    if cat.gemeenten:
        ctx["rijen"] = overzicht(cat)
        ctx["kop"], ctx["matrix"] = overzicht_matrix(cat)
        ctx["grafiek"] = f"/gemeenten/overzicht.svg?v={_sleutel(cat)[:12]}"
    return render(request, "gemeenten_overzicht.html", titel="Welke gemeenten geven recht op kinderopvangtoeslag?", **ctx)


def _zonder_catalogus(cat: Catalogus) -> None:
    if not cat.gemeenten:
        raise ApiFout(404, "geen_catalogus", GEEN_CATALOGUS)


@router.get("/gemeenten/overzicht.csv")
def overzicht_csv_bestand(request: Request):
    cat = app_catalogus(request)
    _zonder_catalogus(cat)
    return Response(overzicht_csv(cat).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="gemeenten-overzicht.csv"'})


_GRAFIEKEN: OrderedDict[str, bytes] = OrderedDict()
_GRAFIEK_SLOT = threading.Lock()


def _sleutel(cat: Catalogus) -> str:
    return hashlib.sha256(cat.model_dump_json().encode()).hexdigest()


@router.get("/gemeenten/overzicht.svg")
def overzicht_grafiek(request: Request):
    cat = app_catalogus(request)
    _zonder_catalogus(cat)
    sleutel = _sleutel(cat)
    with _GRAFIEK_SLOT:
        svg = _GRAFIEKEN.get(sleutel)
        if svg is None:
            svg = grafiek_svg(cat)
            _GRAFIEKEN[sleutel] = svg
            while len(_GRAFIEKEN) > 8:
                _GRAFIEKEN.popitem(last=False)
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=300"})


KLEUREN = {"recht": "#00703c", "hangt_af": "#f47738", "geen_recht": "#d4351c", "niet_beschreven": "#b1b4b6"}
LEGENDA = {"recht": "geeft recht (A/B)", "hangt_af": "hangt af (A/B en C)", "geen_recht": "geeft geen recht (C)",
           "niet_beschreven": "niet beschreven"}


def grafiek_svg(cat: Catalogus) -> bytes:
    """Stacked bars: per kind of activity the number of municipalities in each group of `municipal.overzicht`."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    rijen = overzicht(cat)
    n = len(cat.gemeenten)
    fig = Figure(figsize=(8.5, 1.2 + 0.42 * max(len(rijen), 1)))
    ax = fig.subplots()
    y = list(range(len(rijen)))
    links = [0] * len(rijen)
    arceringen = {"recht": "", "hangt_af": "//", "geen_recht": "xx", "niet_beschreven": ".."}
    for groep in ("recht", "hangt_af", "geen_recht", "niet_beschreven"):
        aantallen = [len(getattr(r, groep)) for r in rijen]
        ax.barh(y, aantallen, left=links, color=KLEUREN[groep], edgecolor="white", hatch=arceringen[groep],
                label=LEGENDA[groep], height=0.7)
        for yi, (l, a) in enumerate(zip(links, aantallen)):
            if a:
                kleur = "#0b0c0c" if groep in ("niet_beschreven", "hangt_af") else "white"
                ax.text(l + a / 2, yi, str(a), ha="center", va="center", fontsize=8, color=kleur, fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.3", "facecolor": KLEUREN[groep], "edgecolor": "none"})
        links = [l + a for l, a in zip(links, aantallen)]
    ax.set_yticks(y, [r.soort.value.replace("_", " ") for r in rijen], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(n, 1))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("aantal gemeenten", fontsize=9)
    ax.set_title("Per soort activiteit: hoeveel gemeenten geven recht op kinderopvangtoeslag?", fontsize=10, pad=26)
    ax.legend(fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4, frameon=False)
    if cat.voorbeeld:
        ax.annotate("Voorbeeldgegevens: niet het beleid van echte gemeenten.", xy=(0, 0), xycoords="axes fraction",
                    xytext=(0, -32), textcoords="offset points", fontsize=8, color="#505a5f", va="top")
    for k in ("top", "right"):
        ax.spines[k].set_visible(False)
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kotwijzer"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buf.getvalue()
