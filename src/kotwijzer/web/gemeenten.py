"""Pages about municipalities and the Participatiewet (public, no login, no JavaScript needed):

- /gemeenten/activiteit: "Geeft deze activiteit recht op kinderopvangtoeslag?" for consultants (a GET form);
- /gemeenten/overzicht: per kind of activity, which municipalities give a right (A/B) and which do not (C): a table
  and a chart (/gemeenten/overzicht.svg), and the same overview as CSV (/gemeenten/overzicht.csv).

The pages only translate: the verdicts come from `kotwijzer.municipal` (classificeer, controleer_registratie,
overzicht, overzicht_csv), the catalogue from the app's database (`kotwijzer.http.catalogus.app_catalogus`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
from collections import OrderedDict
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from kotwijzer.diensten import wet_url as _wet_url
from kotwijzer.formaat import NBSP, euro_cent, getal
from kotwijzer.http.catalogus import GEEN_CATALOGUS, app_catalogus
from kotwijzer.http.fouten import ApiFout
from kotwijzer.municipal import (
    KOT_CODES,
    Catalogus,
    OnbekendInCatalogus,
    classificeer,
    controleer_registratie,
    is_kot_code,
    overzicht,
)
from kotwijzer.municipal.classificatie import VOORBEELD_WAARSCHUWING
from kotwijzer.municipal.codes import code_naam
from kotwijzer.municipal.models import GemeentelijkBeleid
from kotwijzer.municipal.overzicht import overzicht_matrix
from kotwijzer.web.basis import render, templates
from kotwijzer.web.export import Kolom, csv_bytes, xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

router = APIRouter(include_in_schema=False)

templates.env.filters.update(codenaam=code_naam)
templates.env.globals.update(VOORBEELD_WAARSCHUWING=VOORBEELD_WAARSCHUWING)
templates.env.filters.update(ziet_tekst=lambda c: ziet_tekst(c))

REGISTRATIE_OPTIES = (
    [("", "Niet controleren"), ("geen", "Niet doorgegeven (geen code)")]
    + [(str(c), code_naam(c)) for c in sorted(KOT_CODES)]
    + [("anders", "Een andere code")]
)


def soort_label(soort: Any) -> str:
    """A kind of activity in plain words, short (the description before its explanation in brackets):
    'wmo_dagbesteding' -> 'Dagbesteding uit de Wmo'. Never the internal key."""
    from kotwijzer.municipal.models import Soort

    try:
        tekst = Soort(str(getattr(soort, "value", soort))).omschrijving.split(" (")[0]
    except ValueError:
        tekst = str(soort).replace("_", " ")
    return tekst[:1].upper() + tekst[1:]


templates.env.filters.update(soortlabel=soort_label)


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


# ---------------------------------------------------------------------------------------------- the index
def _procent(f: Decimal) -> str:
    return f"{getal(f * 100, None)} %"


def _cent_euro(c: int) -> str:
    return euro_cent(c, spatie=NBSP, nullen="heel")


def tegemoetkoming_tekst(beleid: GemeentelijkBeleid | None) -> dict[str, Any]:
    """A municipality's aanvullende tegemoetkoming (Wko art. 1.13) in plain Dutch: a short line for the table and
    the sentences for the details. From the catalogue's policy fields only."""
    if beleid is None:
        return {
            "kort": "niet bekend",
            "regels": ["Voor deze gemeente staat geen beleid in de gegevens. Vraag het beleid op bij de gemeente."],
            "smi": None,
        }
    regels = []
    if beleid.fractie_restant == 0:
        kort = "geen"
        regels.append("De gemeente geeft geen aanvullende tegemoetkoming (artikel 1.13 Wet kinderopvang).")
    else:
        deel = "de hele rest" if beleid.fractie_restant == 1 else f"{_procent(beleid.fractie_restant)} van de rest"
        kort = deel
        zin = (
            f"De gemeente betaalt {deel}: wat de ouder na de kinderopvangtoeslag zelf betaalt, tot de maximum "
            "uurprijs (artikel 1.13 Wet kinderopvang, voor ouders met bijstand en een traject, studie of een "
            "sociaal-medische indicatie)."
        )
        if beleid.maximum_per_maand_cent is not None:
            zin += f" Hoogstens {_cent_euro(beleid.maximum_per_maand_cent)} per kind per maand."
            kort += f", hoogstens {_cent_euro(beleid.maximum_per_maand_cent)} per kind per maand"
        regels.append(zin)
    if beleid.boven_wettelijk and beleid.boven_wettelijk_fractie is not None:
        zin = (
            f"Daarnaast betaalt de gemeente {_procent(beleid.boven_wettelijk_fractie)} van de kosten boven de "
            f"maximum uurprijs{', uit de ' + beleid.boven_wettelijk_grondslag if beleid.boven_wettelijk_grondslag else ''}. "
            "Dat deel valt niet onder artikel 1.13 Wet kinderopvang."
        )
        if beleid.boven_wettelijk_maximum_per_maand_cent is not None:
            zin += f" Hoogstens {_cent_euro(beleid.boven_wettelijk_maximum_per_maand_cent)} per kind per maand."
        regels.append(zin)
        kort += "; ook boven de maximum uurprijs"
    if beleid.toelichting:
        regels.append(f"Toelichting van de gemeente: {beleid.toelichting}")
    return {"kort": kort, "regels": regels, "smi": beleid.smi_aangeboden}


def _gemeente_rijen(cat: Catalogus) -> list[dict[str, Any]]:
    rijen = []
    for g in cat.gemeenten:
        acts = cat.activiteiten_van(g.cbs_code)
        rijen.append(
            {
                "g": g,
                "tegemoetkoming": tegemoetkoming_tekst(cat.beleid_van(g.cbs_code)),
                "recht": sum(1 for a in acts if a.categorie.geeft_recht),
                "activiteiten": len(acts),
            }
        )
    return rijen


@router.get("/gemeenten", response_class=HTMLResponse)
def index_pagina(request: Request):
    cat = app_catalogus(request)
    return render(
        request,
        "gemeenten_index.html",
        titel="Gemeenten: bijstand, trajecten en kinderopvangtoeslag",
        cat=cat,
        rijen=_gemeente_rijen(cat),
        melding=None if cat.gemeenten else GEEN_CATALOGUS,
    )


# ------------------------------------------------------------------------------------------ the consultant
@router.get("/gemeenten/activiteit", response_class=HTMLResponse)
def activiteit_pagina(
    request: Request, gemeente: str = "", activiteit: str = "", registratie: str = "", andere_code: str = ""
):
    cat = app_catalogus(request)
    ctx: dict[str, Any] = {
        "cat": cat,
        "gekozen": {
            "gemeente": gemeente,
            "activiteit": activiteit,
            "registratie": registratie,
            "andere_code": andere_code,
        },
        "gemeente_opties": _gemeente_opties(cat),
        "registratie_opties": REGISTRATIE_OPTIES,
        "g": None,
        "activiteit_opties": [],
        "kl": None,
        "controle": None,
        "melding": None,
        "wetsartikelen": [],
    }
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
            ctx["tegemoetkoming"] = tegemoetkoming_tekst(cat.beleid_van(g.cbs_code))
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
                ctx["uitleg"] = uitleg_consulent(kl, cat)
                ctx["controle"], f = _controle(cat, g.cbs_code, activiteit, registratie, andere_code)
                if f:
                    fouten.update(f)
                    status = 422
    titel = "Geeft deze activiteit recht op kinderopvangtoeslag?"
    if ctx["kl"] is not None:
        titel = f"{ctx['kl'].activiteit_naam} bij {ctx['kl'].gemeente_naam}: recht op kinderopvangtoeslag?"
    return render(
        request,
        "gemeenten_activiteit.html",
        status=status,
        titel=("Fout: " if fouten else "") + titel,
        fouten=fouten,
        **ctx,
    )


def _controle(
    cat: Catalogus, gemeente_code: str, activiteit_code: str, registratie: str, andere_code: str
) -> tuple[dict[str, Any] | None, dict[str, str]]:
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
    return {
        "code": code,
        "ziet_traject": code is not None and is_kot_code(code),
        "ziet": ziet_tekst(code),
        "signalen": signalen,
    }, {}


def uitleg_consulent(kl: Any, cat: Catalogus) -> list[str]:
    """The explanation of a classification for the consultant (the page is for professionals; the parent's wording
    stays in the questionnaire and the API): what the category means for the client and what to do."""
    zinnen = [
        f"{kl.gemeente_naam} rekent '{kl.activiteit_naam}' tot categorie {kl.categorie.value}: "
        f"{kl.categorie.omschrijving}."
    ]
    if kl.gericht_op_arbeidsinschakeling:
        zinnen.append(
            "Dat is een voorziening die gericht is op werk (artikel 1.6, eerste lid, onder c, Wet "
            "kinderopvang). Een cliënt met bijstand die hieraan meedoet en daardoor opvang nodig heeft, heeft "
            "recht op kinderopvangtoeslag. Heeft de cliënt een partner, dan moet die ook werken, studeren, "
            "inburgeren of aan zo'n traject meedoen."
        )
        if kl.individueel_plan_vereist:
            zinnen.append(
                "Leg in het persoonlijk plan vast dat deze activiteit een eerste stap naar werk is; zonder "
                "dat plan geeft zij geen recht."
            )
        if kl.dienst_toeslagen_ziet_traject:
            zinnen.append(
                f"Geef de activiteit door met code {code_naam(kl.reintegratiecode)}: Dienst Toeslagen kijkt "
                "alleen naar die code."
            )
        else:
            zinnen.append(
                f"De gemeente geeft deze activiteit nu niet door met een van de zeven codes. Dienst Toeslagen "
                f"ziet dan geen traject en wijst de aanvraag af. Geef code {code_naam(kl.code_te_registreren)} "
                "door."
            )
    else:
        zinnen.append(
            "Dat is geen voorziening die gericht is op werk: deze activiteit geeft geen recht op "
            "kinderopvangtoeslag. Kijk of er een activiteit is die wel gericht is op werk; soms kunt u in "
            "een persoonlijk plan vastleggen dat een activiteit een eerste stap naar werk is."
        )
        beleid = cat.beleid_van(kl.gemeente_code)
        if beleid is not None and beleid.smi_aangeboden:
            zinnen.append(
                "Kan de ouder door medische of sociale redenen tijdelijk niet voor het kind zorgen? De "
                "gemeente geeft soms een sociaal-medische indicatie (SMI)."
            )
        if kl.dienst_toeslagen_ziet_traject:
            zinnen.append(
                f"Let op: de gemeente geeft deze activiteit toch door met code {code_naam(kl.reintegratiecode)}. "
                "Dienst Toeslagen kan dan denken dat de cliënt recht heeft; de cliënt moet de toeslag later "
                "misschien terugbetalen. Pas de registratie aan."
            )
    if kl.voorbeeld:
        zinnen.append(VOORBEELD_WAARSCHUWING)
    return zinnen


def ziet_tekst(code: int | None) -> str:
    """What Dienst Toeslagen sees for a registered code (None: nothing registered). Never 'a traject' without a code."""
    if code is None:
        return "geen traject dat recht geeft: er is geen code doorgegeven"
    if is_kot_code(code):
        return f"een traject dat recht geeft (code {code})"
    return f"geen traject dat recht geeft: code {code} is niet een van de zeven codes"


# -------------------------------------------------------------------------------------------- the overview
@router.get("/gemeenten/overzicht", response_class=HTMLResponse)
def overzicht_pagina(request: Request):
    cat = app_catalogus(request)
    ctx: dict[str, Any] = {"cat": cat, "rijen": [], "kop": [], "matrix": [], "gemeenten": _gemeente_rijen(cat)}
    if cat.gemeenten:
        ctx["rijen"] = overzicht(cat)
        ctx["kop"], ctx["matrix"] = overzicht_matrix(cat)
        ctx["grafiek"] = f"/gemeenten/overzicht.svg?v={_sleutel(cat)[:12]}"
    return render(
        request, "gemeenten_overzicht.html", titel="Welke gemeenten geven recht op kinderopvangtoeslag?", **ctx
    )


def _zonder_catalogus(cat: Catalogus) -> None:
    if not cat.gemeenten:
        raise ApiFout(404, "geen_catalogus", GEEN_CATALOGUS)


OVERZICHT_EXPORT = [
    Kolom("gemeente", "Gemeente"),
    Kolom("cbs_code", "CBS-code gemeente"),
    Kolom("voorbeeld", "Voorbeeldgegevens (verzonnen gemeente)"),
    Kolom("soort", "Soort activiteit"),
    Kolom("activiteit", "Activiteit (naam bij de gemeente)"),
    Kolom("categorie", "Categorie (A, B of C)"),
    Kolom("geeft_recht", "Geeft recht op kinderopvangtoeslag"),
    Kolom("alleen_met_plan", "Alleen met een persoonlijk plan"),
    Kolom("gebruikelijk_volgens_onderzoek", "Meestal volgens het onderzoek (categorie)"),
    Kolom("tegemoetkoming", "Aanvullende tegemoetkoming van de gemeente (art. 1.13 Wko)"),
    Kolom("tegemoetkoming_deel_van_rest", "Tegemoetkoming: deel van wat de ouder zelf betaalt (%)", "tekst"),
    Kolom("tegemoetkoming_maximum_per_maand", "Tegemoetkoming: hoogstens per kind per maand (€)", "tekst"),
]


def _overzicht_rijen(cat: Catalogus) -> list[dict[str, str]]:
    """One row per municipality and activity, with the municipality's top-up (Wko art. 1.13) on every row."""
    from kotwijzer.municipal.overzicht import GEBRUIKELIJKE_CATEGORIE

    rijen = []
    for g in cat.gemeenten:
        beleid = cat.beleid_van(g.cbs_code)
        teg = tegemoetkoming_tekst(beleid)
        deel = "" if beleid is None else _nl_decimaal(beleid.fractie_restant * 100)
        maximum = (
            ""
            if beleid is None or beleid.maximum_per_maand_cent is None
            else _nl_decimaal(Decimal(beleid.maximum_per_maand_cent) / 100)
        )
        for a in cat.activiteiten_van(g.cbs_code):
            gebruikelijk = GEBRUIKELIJKE_CATEGORIE.get(a.soort, (None, None))[0]
            rijen.append(
                {
                    "gemeente": g.naam,
                    "cbs_code": g.cbs_code,
                    "voorbeeld": "ja" if g.voorbeeld else "nee",
                    "soort": soort_label(a.soort),
                    "activiteit": a.naam,
                    "categorie": a.categorie.value,
                    "geeft_recht": "ja" if a.categorie.geeft_recht else "nee",
                    "alleen_met_plan": "ja" if a.categorie.geeft_recht and a.individueel_plan_vereist else "nee",
                    "gebruikelijk_volgens_onderzoek": gebruikelijk.value if gebruikelijk else "",
                    "tegemoetkoming": teg["kort"].replace("\u00a0", " "),
                    "tegemoetkoming_deel_van_rest": deel,
                    "tegemoetkoming_maximum_per_maand": maximum,
                }
            )
    return rijen


def _nl_decimaal(x: Decimal) -> str:
    return getal(Decimal(x), None, duizendtallen=False)


def _export_kanttekeningen(cat: Catalogus) -> list[str]:
    uit = []
    if cat.voorbeeld:
        uit.append(
            "Let op: voorbeeldgegevens. Gemeenten met 'ja' in de kolom voorbeeldgegevens zijn verzonnen; hun "
            "indeling is niet het beleid van een echte gemeente."
        )
    uit.append(
        "Let op: de indeling in categorie A, B of C komt uit de gegevens van de gemeente. Een activiteit geeft "
        "recht als de gemeente haar aan Dienst Toeslagen doorgeeft met een van de zeven codes."
    )
    uit.append(
        "Bron: de catalogus van gemeenten in kotwijzer (indeling volgens de Participatiewet en artikel 1.6 Wet "
        "kinderopvang); tegemoetkoming: artikel 1.13 Wet kinderopvang."
    )
    return uit


@router.get("/gemeenten/overzicht.csv")
def overzicht_csv_bestand(request: Request):
    """The overview for a Dutch spreadsheet (semicolons, UTF-8 with BOM); the same rows as `overzicht_csv`."""
    cat = app_catalogus(request)
    _zonder_catalogus(cat)
    from kotwijzer.web.beleid import csv_kanttekeningen

    data = csv_bytes(OVERZICHT_EXPORT, _overzicht_rijen(cat)) + csv_kanttekeningen(
        [r.removeprefix("Let op: ") for r in _export_kanttekeningen(cat)]
    )
    return Response(
        data,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="gemeenten-overzicht.csv"'},
    )


@router.get("/gemeenten/overzicht.xlsx")
def overzicht_xlsx_bestand(request: Request):
    cat = app_catalogus(request)
    _zonder_catalogus(cat)
    from kotwijzer.web.beleid import xlsx_met_kanttekeningen

    data = xlsx_met_kanttekeningen(
        xlsx_bytes(OVERZICHT_EXPORT, _overzicht_rijen(cat), "Overzicht gemeenten"),
        [r.removeprefix("Let op: ") for r in _export_kanttekeningen(cat)],
    )
    return Response(
        data, media_type=XLSX, headers={"Content-Disposition": 'attachment; filename="gemeenten-overzicht.xlsx"'}
    )


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
LEGENDA = {
    "recht": "geeft recht (A/B)",
    "hangt_af": "hangt af (A/B en C)",
    "geen_recht": "geeft geen recht (C)",
    "niet_beschreven": "niet beschreven",
}


def grafiek_svg(cat: Catalogus) -> bytes:
    """Stacked bars: per kind of activity the number of municipalities in each group of `municipal.overzicht`."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rijen = overzicht(cat)
    n = len(cat.gemeenten)
    fig = Figure(figsize=(8.5, 1.2 + 0.42 * max(len(rijen), 1)))
    ax = fig.subplots()
    y = list(range(len(rijen)))
    links = [0] * len(rijen)
    arceringen = {"recht": "", "hangt_af": "//", "geen_recht": "xx", "niet_beschreven": ".."}
    for groep in ("recht", "hangt_af", "geen_recht", "niet_beschreven"):
        aantallen = [len(getattr(r, groep)) for r in rijen]
        ax.barh(
            y,
            aantallen,
            left=links,
            color=KLEUREN[groep],
            edgecolor="white",
            hatch=arceringen[groep],
            label=LEGENDA[groep],
            height=0.7,
        )
        for yi, (begin, a) in enumerate(zip(links, aantallen, strict=True)):
            if a:
                kleur = "#0b0c0c" if groep in ("niet_beschreven", "hangt_af") else "white"
                ax.text(
                    begin + a / 2,
                    yi,
                    str(a),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color=kleur,
                    fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.3", "facecolor": KLEUREN[groep], "edgecolor": "none"},
                )
        links = [begin + a for begin, a in zip(links, aantallen, strict=True)]
    ax.set_yticks(y, [soort_label(r.soort) for r in rijen], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(n, 1))
    # matplotlib's automatic ticks (AutoLocator's settings), whole numbers only
    ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))
    ax.set_xlabel("aantal gemeenten", fontsize=9)
    ax.set_title("Per soort activiteit: hoeveel gemeenten geven recht op kinderopvangtoeslag?", fontsize=10, pad=26)
    ax.legend(fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4, frameon=False)
    if cat.voorbeeld:
        ax.annotate(
            "Voorbeeldgegevens: niet het beleid van echte gemeenten.",
            xy=(0, 0),
            xycoords="axes fraction",
            xytext=(0, -32),
            textcoords="offset points",
            fontsize=8,
            color="#505a5f",
            va="top",
        )
    for k in ("top", "right"):
        ax.spines[k].set_visible(False)
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kotwijzer"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buf.getvalue()
