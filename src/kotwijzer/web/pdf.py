"""The PDF (reportlab): a document to hand over or to file. For a parent it is a summary of the result; for a
professional it also carries the dossier label, the scenario and version, and a date and version stamp on every page.

It renders what the core computed and adds nothing of its own: the situations per period, the application date and
the last day to apply (Wko art. 1.3 lid 2 onder b), the monthly amounts paid (whole euros, as Dienst Toeslagen pays the
voorschot), the reasons per month with their articles, and the documents to send. An amount the core could not compute
(missing law data or input) is shown as "niet te berekenen", with what is missing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kotwijzer import i18n
from kotwijzer.diensten import MAANDNAMEN, OPVANG_TEKST, SITUATIE_TEKST
from kotwijzer.i18n import N_, _


def _k(tekst: Any) -> Any:
    """A sentence of the core in the document's language (`kotwijzer.web.kerntekst`)."""
    from kotwijzer.web.kerntekst import vertaal_kern

    return vertaal_kern(tekst)


ONBEREKEND = N_("niet te berekenen")
INKT = colors.HexColor("#1b1b1b")
LIJN = colors.HexColor("#8a8f98")
KOP_ACHTERGROND = colors.HexColor("#ece9e4")


@dataclass(frozen=True)
class Dossierinfo:
    """What identifies a professional's document: the dossier's label, the scenario and its version."""

    dossier_label: str
    scenario_naam: str
    versie: int
    opgeslagen: dt.datetime | None = None


def _stijlen() -> dict[str, ParagraphStyle]:
    ss = getSampleStyleSheet()
    basis = ParagraphStyle(
        "basis",
        parent=ss["BodyText"],
        fontName="Helvetica",
        fontSize=10,
        leading=13.5,
        alignment=TA_LEFT,
        textColor=INKT,
    )
    return {
        "basis": basis,
        "vet": ParagraphStyle("vet", parent=basis, fontName="Helvetica-Bold"),
        "groot": ParagraphStyle("groot", parent=basis, fontName="Helvetica-Bold", fontSize=13, leading=17),
        "klein": ParagraphStyle("klein", parent=basis, fontSize=8.5, leading=11, textColor=colors.HexColor("#333333")),
        "h1": _kopstijl("h1", ss["Heading1"], 17, 21, voor=None, na=4),
        "h2": _kopstijl("h2", ss["Heading2"], 12.5, 16, voor=9, na=3),
        "h3": _kopstijl("h3", ss["Heading3"], 10.5, 13, voor=5, na=2),
    }


def _kopstijl(
    naam: str, ouder: ParagraphStyle, grootte: float, regel: float, voor: float | None, na: float
) -> ParagraphStyle:
    """A heading: bold, in the ink colour, with its size, leading and space after (and before, unless None: then the
    parent style's)."""
    extra = {} if voor is None else {"spaceBefore": voor}
    return ParagraphStyle(
        naam,
        parent=ouder,
        fontName="Helvetica-Bold",
        fontSize=grootte,
        leading=regel,
        spaceAfter=na,
        textColor=INKT,
        **extra,
    )


def _p(tekst: Any, stijl: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(tekst)), stijl)


def _tabel_basis(*args: Any, **kwargs: Any) -> Table:
    return _tabel(*args, **kwargs)


def _tabel(
    rijen: list[list[Any]], breedtes: list[float], st: dict[str, ParagraphStyle], kop: bool = True, zeg: Any = None
) -> Table:
    zeg = zeg or (lambda x: x)
    data = [[_p(zeg(str(c)), st["klein"]) if not isinstance(c, Paragraph) else c for c in rij] for rij in rijen]
    t = Table(data, colWidths=breedtes, repeatRows=1 if kop else 0)
    stijl = [
        ("GRID", (0, 0), (-1, -1), 0.4, LIJN),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if kop:
        stijl += [("BACKGROUND", (0, 0), (-1, 0), KOP_ACHTERGROND)]
    t.setStyle(TableStyle(stijl))
    return t


def datum_nl(d: dt.date | dt.datetime | None) -> str:
    """A date in the language of the document ('30 april 2026' / '30 April 2026')."""
    if d is None:
        return "-"
    return i18n.datum(d)


def hele_euros(x: Decimal | int | None) -> str:
    """Whole euros, as paid per month ("€ 1.234"); None means the core could not compute the amount."""
    if x is None:
        return _(ONBEREKEND)
    return i18n.hele_euro(int(Decimal(x))).replace(" ", "\u00a0")


def _euro(x: Decimal | None) -> str:
    return _(ONBEREKEND) if x is None else i18n.euro(x).replace(" ", "\u00a0")


# the table status in plain Dutch (older cores gave English words)
TABELSTATUS = {"final": N_("definitief"), "provisional": N_("voorlopig")}


def _maanden_tekst(ms: list[int]) -> str:
    ms = sorted(set(ms))
    if not ms:
        return "-"
    if ms == list(range(ms[0], ms[-1] + 1)) and len(ms) > 2:
        return _("{van} tot en met {tot}").format(van=i18n.maandnaam(ms[0]), tot=i18n.maandnaam(ms[-1]))
    return ", ".join(i18n.maandnaam(m) for m in ms)


def _periode_tekst(p: Any, jaar: int) -> str:
    if p.maanden is not None:
        return _maanden_tekst(list(p.maanden)) + f" {jaar}"
    van = datum_nl(p.van)
    return (
        _("vanaf {van}").format(van=van)
        if p.tot is None
        else _("{van} tot en met {tot}").format(van=van, tot=datum_nl(p.tot))
    )


def _periode_details(p: Any) -> str:
    """The facts of a period that decide the outcome (Wlz, detention, traject), in plain Dutch."""
    d: list[str] = []
    s = str(getattr(p.situatie, "value", p.situatie))
    if s == "wlz_permanent":
        d.append(_("indicatie op grond van art. 3.2.1 lid 1 Wlz (blijvend)"))
    elif s == "wlz_tijdelijk":
        d.append(_("indicatie op grond van art. 3.2.1 lid 3 of art. 3.2.2 Wlz (tijdelijk)"))
    if s == "detentie":
        soort = getattr(p.detentie_soort, "value", p.detentie_soort)
        if soort:
            d.append(
                {
                    "veroordeling": _("veroordeeld tot een vrijheidsstraf of maatregel"),
                    "voorlopige_hechtenis": _("voorlopige hechtenis"),
                }.get(soort, str(soort))
            )
        if p.detentie_begin or p.detentie_einde:
            d.append(
                _("hele straf of maatregel: {begin} tot {einde}").format(
                    begin=datum_nl(p.detentie_begin) if p.detentie_begin else _("begin onbekend"),
                    einde=datum_nl(p.detentie_einde) if p.detentie_einde else _("einde onbekend"),
                )
            )
    if p.uitkering:
        u = str(getattr(p.uitkering, "value", p.uitkering))
        d.append(
            _("uitkering:") + " " + {"bijstand": "bijstand", "ioaw": "IOAW", "ioaz": "IOAZ", "anw": "Anw"}.get(u, u)
        )
    if p.voorziening_gericht_op_arbeidsinschakeling is not None:
        d.append(
            _("traject gericht op werk:")
            + " "
            + (_("ja") if p.voorziening_gericht_op_arbeidsinschakeling else _("nee"))
        )
    elif s in ("bijstand_traject", "werkzoekende_traject", "ww_traject"):
        d.append(_("traject gericht op werk:") + " " + _("niet ingevuld"))
    if p.gemeente_code:
        d.append(
            _("gemeente {code}").format(code=p.gemeente_code)
            + (", " + _("activiteit: {naam}").format(naam=p.activiteit) if p.activiteit else "")
        )
    if p.onderwijs:
        d.append(_("onderwijs:") + f" {getattr(p.onderwijs, 'value', p.onderwijs).upper()}")
    if p.uren_per_maand is not None:
        d.append(_("{uren} uur werk per maand").format(uren=i18n.getal(p.uren_per_maand)))
    return "; ".join(d) or "-"


def _ontbrekend(ctx: dict[str, Any]) -> list[str]:
    """What is missing for the amounts, in plain Dutch (the core's words)."""
    r = ctx.get("r")
    uit: list[str] = []
    if r is not None:
        for o in getattr(r, "ontbrekend", None) or []:
            uitleg = getattr(o, "uitleg", None) or (o.get("uitleg") if isinstance(o, dict) else None)
            if uitleg and uitleg not in uit:
                uit.append(uitleg)
        if not uit and getattr(r, "rekenfout", None):
            uit.append(r.rekenfout)
    if ctx.get("melding") and ctx["melding"] not in uit:
        uit.append(ctx["melding"])
    return uit


def _eerste_betaalde_maand(r: Any) -> Any:
    for m in r.maanden:
        if m.uitbetaling_voorschot is not None and m.uitbetaling_voorschot > 0:
            return m
    return None


def document_pdf(
    ctx: dict[str, Any], kop: str | None = None, dossier: Dossierinfo | None = None, gemaakt: dt.date | None = None
) -> bytes:
    """`ctx` is the context of the result page (see `kotwijzer.web.publiek.uitkomst_context`): `h`, `r` (None when
    no amount could be computed), `vc`, `melding`, `stappen`, `blokken`, `tegemoetkoming`. A parent's summary is in the
    language of the request (`kotwijzer.i18n`); a professional's document (with `dossier`) is Dutch."""
    if dossier is not None and i18n.taal() != i18n.STANDAARD:
        with i18n.in_taal(i18n.STANDAARD):
            return document_pdf(ctx, kop, dossier, gemaakt)
    from importlib.metadata import PackageNotFoundError, version

    try:
        programma = f"kotwijzer {version('kotwijzer')}"
    except PackageNotFoundError:  # pragma: no cover - running from a checkout without install
        programma = "kotwijzer"
    st = _stijlen()
    h = ctx["h"]
    r = ctx.get("r")
    vc = ctx.get("vc")
    gemaakt = gemaakt or dt.date.today()
    # a professional's document speaks about "de ouder", not to "u" (kotwijzer.web.aanspreken)
    from kotwijzer.web.aanspreken import derde_persoon

    zeg = derde_persoon if (dossier is not None or ctx.get("pro")) else (lambda x: x)

    def _p(tekst: Any, stijl: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(zeg(str(tekst))), stijl)

    def _tabel(rijen, breedtes, st, kop=True):
        return _tabel_basis(rijen, breedtes, st, kop, zeg)

    buf = io.BytesIO()
    titel = kop or (
        f"Kinderopvangtoeslag {h.berekeningsjaar}: dossier {dossier.dossier_label}"
        if dossier
        else _("Kinderopvangtoeslag {jaar}: samenvatting").format(jaar=h.berekeningsjaar)
    )
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=titel,
        author="kotwijzer",
        lang=i18n.taal(),
    )
    breed = A4[0] - 36 * mm
    v: list[Any] = [_p(titel, st["h1"])]

    # ---- stamp: who this is about, which version, when
    stempel = []
    if dossier:
        stempel += [
            [_("Dossier"), dossier.dossier_label],
            [
                _("Scenario"),
                f"{dossier.scenario_naam}, versie {dossier.versie}"
                + (f", opgeslagen {datum_nl(dossier.opgeslagen)}" if dossier.opgeslagen else ""),
            ],
        ]
    stempel += [
        [_("Berekeningsjaar"), str(h.berekeningsjaar)],
        [_("Gemaakt op"), _("{datum} met {programma}").format(datum=datum_nl(gemaakt), programma=programma)],
    ]
    if r is not None and getattr(r, "tabel_status", None):
        stempel.append([_("Tabel van dat jaar"), _(TABELSTATUS.get(str(r.tabel_status), str(r.tabel_status)))])
    v.append(_tabel(stempel, [38 * mm, breed - 38 * mm], st, kop=False))
    v.append(Spacer(1, 2 * mm))
    v.append(
        _p(
            _(
                "Dit is een proefberekening, geen besluit van Dienst Toeslagen: aan deze uitkomst kunt u geen "
                "rechten ontlenen."
            ),
            st["klein"],
        )
    )

    # ---- the answer first: what is paid per month, from when
    v.append(_p(_("Uitkomst"), st["h2"]))
    if vc is not None:
        v.append(_p(_k(vc.samenvatting), st["basis"]))
    ontbreekt = _ontbrekend(ctx)
    if r is not None:
        eerste = _eerste_betaalde_maand(r)
        if eerste is not None:
            nu = ctx.get("aangevraagd") is False
            v.append(
                _p(
                    (
                        _("Als de ouder nu aanvraagt: uitbetaald per maand {bedrag}, vanaf {maand} {jaar}.")
                        if nu
                        else _("Uitbetaald per maand: {bedrag}, vanaf {maand} {jaar}.")
                    ).format(
                        bedrag=hele_euros(eerste.uitbetaling_voorschot),
                        maand=i18n.maandnaam(eerste.maand),
                        jaar=h.berekeningsjaar,
                    ),
                    st["groot"],
                )
            )
            v.append(_p(_("Toeslag over het hele jaar: {bedrag}.").format(bedrag=_euro(r.jaar.toeslag)), st["basis"]))
        elif any(m.aanspraak for m in r.maanden):
            v.append(
                _p(
                    (
                        _("Er is recht in {maanden}, maar het bedrag is nog niet te berekenen.")
                        if ontbreekt
                        else _("Er is recht in {maanden}, maar het bedrag is nul.")
                    ).format(maanden=_maanden_tekst([m.maand for m in r.maanden if m.aanspraak])),
                    st["vet"],
                )
            )
        else:
            v.append(_p(_("Geen recht op kinderopvangtoeslag in dit jaar."), st["vet"]))
        v.append(_p(_("Maanden met recht: {n} van 12.").format(n=r.jaar.maanden_met_aanspraak), st["basis"]))
    if ontbreekt:
        geen = r is None or getattr(r, "bedragen", None) == "ontbreekt"
        v.append(
            _p(
                (_("Er is geen bedrag te berekenen.") if geen else _("Niet alle bedragen zijn te berekenen."))
                + " "
                + _("Wat ontbreekt:"),
                st["vet"],
            )
        )
        for x in ontbreekt:
            v.append(_p(f"- {_k(x)}", st["basis"]))
        v.append(
            _p(
                _(
                    "Het bedrag kan de ouder laten berekenen met de proefberekening van Dienst Toeslagen "
                    "(toeslagen.nl)."
                ),
                st["basis"],
            )
        )
    br = getattr(r, "bereik", None) if r is not None else None
    if br is not None:
        lo = max(mb.toeslag_onder for mb in br.maanden)
        hi = max(mb.toeslag_boven for mb in br.maanden)
        wat = _("Indicatie (niet de wet)") if br.soort == "indicatie" else _("Toeslag")
        maand = _euro(lo) if lo == hi else _("tussen {a} en {b}").format(a=_euro(lo), b=_euro(hi))
        jaar = (
            _euro(br.jaar_onder)
            if br.jaar_onder == br.jaar_boven
            else _("tussen {a} en {b}").format(a=_euro(br.jaar_onder), b=_euro(br.jaar_boven))
        )
        v.append(
            _p(
                _("{wat}: {maand} per maand (hoogste maand); over het jaar {jaar}.").format(
                    wat=wat, maand=maand, jaar=jaar
                ),
                st["groot"],
            )
        )
        v.append(_p(br.uitleg, st["basis"]))
    t = ctx.get("tegemoetkoming")
    if t and t.get("melding"):
        v.append(_p(_("Extra vergoeding van de gemeente:") + f" {_k(t['melding'])}", st["basis"]))
    elif t:
        tekst = _("Extra vergoeding van {gemeente} (aanvullende tegemoetkoming, art. 1.13 Wko): {bedrag}.").format(
            gemeente=t["gemeente"].naam, bedrag=_euro(t.get("totaal_aanvullend"))
        )
        if t["beleid"].get("boven_wettelijk"):
            tekst += " " + _("Boven de maximum uurprijs: {bedrag}.").format(
                bedrag=_euro(t.get("totaal_boven_wettelijk"))
            )
        tekst += " " + _("Wat de ouder dan zelf betaalt: {bedrag}.").format(
            bedrag=_euro(t.get("totaal_eigen_bijdrage"))
        )
        if t["gemeente"].voorbeeld:
            tekst += " " + _("Let op: voorbeeldgegevens, niet het beleid van een echte gemeente.")
        v.append(_p(tekst, st["basis"]))

    # ---- application date and deadline
    v.append(_p(_("Aanvraag en termijn"), st["h2"]))
    if h.aanvraagdatum:
        aanvraag = datum_nl(h.aanvraagdatum)
    elif ctx.get("aangevraagd") is False:
        aanvraag = _("nog niet aangevraagd (gerekend met een aanvraag vandaag)")
    else:
        aanvraag = _("niet ingevuld (gerekend met vandaag)")
    rijen = [[_("Aanvraagdatum"), aanvraag]]
    uiterlijk = getattr(r, "aanvragen_uiterlijk", None) if r is not None else None
    if uiterlijk is not None or (r is not None and any(m.aanspraak for m in r.maanden)):
        rijen.append([_("Uiterlijk aanvragen"), datum_nl(uiterlijk) if uiterlijk else "-"])
    verloren = list(getattr(r, "verloren_maanden", None) or []) if r is not None else []
    rijen.append([_("Maanden verloren door te laat aanvragen"), _maanden_tekst(verloren) if verloren else _("geen")])
    v.append(_tabel(rijen, [60 * mm, breed - 60 * mm], st, kop=False))
    v.append(
        _p(
            _(
                "Een aanvraag werkt terug tot de eerste dag van de derde kalendermaand vóór de maand van de aanvraag "
                "(art. 1.3 lid 2 onder b Wet kinderopvang). 'Uiterlijk aanvragen' is de laatste dag waarop een "
                "aanvraag de eerste maand met recht nog bereikt."
            ),
            st["klein"],
        )
    )

    # ---- the parents' situations per period
    v.append(_p(_("Situatie van de ouders"), st["h2"]))
    for wie, o in ((_("Aanvrager"), h.aanvrager), (_("Partner"), h.partner)):
        if o is None:
            continue
        naam = wie + (f" ({o.label})" if o.label else "")
        rijen = [[_("Periode"), _("Situatie"), _("Bijzonderheden")]]
        for p in o.situaties:
            s_ = str(getattr(p.situatie, "value", p.situatie))
            rijen.append(
                [
                    _periode_tekst(p, h.berekeningsjaar),
                    _(SITUATIE_TEKST[s_]) if s_ in SITUATIE_TEKST else s_,
                    _periode_details(p),
                ]
            )
        if len(rijen) == 1:
            rijen.append(["-", _("niets ingevuld"), "-"])
        v.append(KeepTogether([_p(naam, st["h3"]), _tabel(rijen, [48 * mm, 62 * mm, breed - 110 * mm], st)]))
    if h.partner is None:
        v.append(_p(_("Geen partner."), st["basis"]))
    if h.partner_is_bloedverwant:
        v.append(_p(_("De partner is familie in de eerste of tweede graad (art. 1.6 lid 6 Wko)."), st["basis"]))
    inkomen = _("niet ingevuld") if h.toetsingsinkomen is None else i18n.hele_euro(h.toetsingsinkomen)
    v.append(_p(_("Gezamenlijk toetsingsinkomen: {bedrag}.").format(bedrag=inkomen), st["basis"]))

    # ---- children and childcare
    if h.kinderen:
        v.append(_p(_("Kinderen en opvang"), st["h2"]))
        rijen = [[_("Kind"), _("Geboren"), _("Opvang"), _("Maanden"), _("Uren per maand"), _("Uurprijs")]]
        for i, k in enumerate(h.kinderen, 1):
            for j, o in enumerate(k.opvang or [None]):
                soort = str(getattr(o.soort, "value", o.soort)) if o else ""
                rijen.append(
                    [
                        (k.label or _("kind {n}").format(n=i)) if j == 0 else "",
                        datum_nl(k.geboortedatum) if j == 0 else "",
                        (_(OPVANG_TEKST[soort]) if soort in OPVANG_TEKST else soort) if o else _("geen opvang"),
                        _maanden_tekst(list(o.maanden)) if o else "-",
                        i18n.getal(o.uren_per_maand) if o else "-",
                        i18n.euro(o.uurprijs) if o else "-",
                    ]
                )
        v.append(_tabel(rijen, [24 * mm, 28 * mm, 38 * mm, 40 * mm, 22 * mm, breed - 152 * mm], st))

    # ---- per month: right, amount paid, and why not
    if r is not None:
        v.append(_p(_("Per maand"), st["h2"]))
        rijen = [
            [
                _("Maand"),
                _("Recht"),
                _("Uitbetaald per maand (hele euro's)"),
                _("Toeslag"),
                _("Waarom geen of minder geld"),
            ]
        ]
        for m in r.maanden:
            waarom = ""
            if not m.aanspraak:
                waarom = _k(m.uitleg) if m.uitleg else m.reden.replace("_", " ")
            elif m.uitbetaling_voorschot is None:
                waarom = _("bedrag niet te berekenen (zie boven)")
            rijen.append(
                [
                    i18n.maandnaam(m.maand),
                    _("ja") if m.aanspraak else _("nee"),
                    hele_euros(m.uitbetaling_voorschot),
                    _euro(m.toeslag),
                    waarom,
                ]
            )
        v.append(_tabel(rijen, [22 * mm, 13 * mm, 32 * mm, 25 * mm, breed - 92 * mm], st))

    # ---- what to do, documents
    stappen = [s for s in ctx.get("stappen") or [] if s["soort"] == "stap"]
    if stappen:
        v.append(_p(_("Wat moet er nu gebeuren?"), st["h2"]))
        for i, s in enumerate(stappen, 1):
            blok = [_p(f"{i}. {_k(s['titel'])}", st["h3"]), _p(_k(s["tekst"]), st["basis"])]
            for c in s.get("contact") or []:
                blok.append(
                    _p(
                        _("BelastingTelefoon: {nummer} (gratis), {url}").format(nummer=c["nummer"], url=c["url"])
                        if c["soort"] == "telefoon"
                        else _("Mijn toeslagen: {url} (inloggen met DigiD)").format(url=c["url"]),
                        st["basis"],
                    )
                )
            if s["documenten"]:
                blok.append(_p(_("Documenten om mee te sturen:"), st["vet"]))
                blok += [_p(f"- {_k(d)}", st["basis"]) for d in s["documenten"]]
            v.append(KeepTogether(blok))
    let_op = [s for s in ctx.get("stappen") or [] if s["soort"] != "stap"]
    if let_op or (r is not None and r.aannames):
        v.append(_p(_("Let op"), st["h2"]))
        for s in let_op:
            v.append(_p(f"- {_k(s['tekst'])}", st["basis"]))
        for a in r.aannames if r is not None else []:
            v.append(_p(f"- {_('Aanname:')} {_k(a)}", st["basis"]))
    if vc is not None and vc.vragen:
        v.append(_p(_("Vragen die nog open staan"), st["h2"]))
        for q in vc.vragen:
            v.append(_p(f"- {_k(q.vraag)} ({_k(q.waarom)})", st["basis"]))

    # ---- the reasons with their articles
    blokken = ctx.get("blokken") or []
    if blokken:
        v.append(_p(_("Waarom: uitleg per maand, met de wetsartikelen"), st["h2"]))
        for b in blokken:
            regels = [_p(_k(b["titel"]), st["h3"])] + [_p(_k(x), st["klein"]) for x in b["regels"]]
            if b["bronnen"]:
                regels.append(
                    _p(
                        _("Wetsartikelen:") + " " + "; ".join(x["citaat"] for x in b["bronnen"] if x.get("citaat")),
                        st["klein"],
                    )
                )
            v.append(KeepTogether(regels))

    boven = (
        f"Dossier {dossier.dossier_label} - {dossier.scenario_naam}, versie {dossier.versie}"
        if dossier
        else _("Kinderopvangtoeslag {jaar}").format(jaar=h.berekeningsjaar)
    )
    onder = _("Gemaakt op {datum} met {programma}, kinderopvangtoeslag {jaar}").format(
        datum=gemaakt.strftime("%d-%m-%Y"), programma=programma, jaar=h.berekeningsjaar
    )

    def _voet(canvas, d):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(INKT)
        canvas.drawString(18 * mm, 10.5 * mm, boven[:110])
        canvas.drawString(18 * mm, 7 * mm, onder[:110])
        canvas.drawRightString(A4[0] - 18 * mm, 7 * mm, _("pagina {n}").format(n=d.page))
        canvas.restoreState()

    doc.build(v, onFirstPage=_voet, onLaterPages=_voet)
    return buf.getvalue()


def samenvatting_pdf(ctx: dict[str, Any], kop: str | None = None) -> bytes:
    """The parent's summary (no dossier)."""
    return document_pdf(ctx, kop)


# ------------------------------------------------------------------------------------------ application packet
def _eerste_klein(titel: str) -> str:
    """'Een ouder met een Wlz-indicatie' -> 'een ouder met een Wlz-indicatie' (a name such as Wlz keeps its capital)."""
    return titel[:1].lower() + titel[1:] if titel else titel


class _Voettaal(Flowable):
    """Takes no room; when drawn (at the end of the letter), the footers of the pages after it use `taal`."""

    def __init__(self, taal: str) -> None:
        super().__init__()
        self.taal = taal
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv._kotwijzer_voettaal = self.taal


def pakket_pdf(
    p: Any,
    route: Any,
    gegevens: Any,
    dossier: Dossierinfo | None = None,
    gemaakt: dt.date | None = None,
    ouder: Any = None,
    taal: str = "nl",
) -> bytes:
    """The cover letter of the application packet (`kotwijzer.web.pakket`) for one route: the letter, the text of
    the articles it names as an appendix, and a page for the parent with the steps, documents, phone and paper route
    and the changes to report. The personal details in `gegevens` go into the letter only; nothing is kept.

    The letter and its appendix are Dutch (`p`, the packet built in Dutch: they go to Dienst Toeslagen); the page for
    the parent is in `taal`, from `ouder` (the same packet built in that language; `p` when it is Dutch)."""
    from kotwijzer.web import pakket as pk

    st = _stijlen()
    gemaakt = gemaakt or dt.date.today()
    with i18n.in_taal("nl"):
        b = pk.brief(p, route, gegevens)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=b["onderwerp"],
        author="",
        lang="nl",
    )
    v: list[Any] = []
    for regel in b["afzender"]:
        v.append(_p(regel, st["basis"]))
    v.append(_p(f"BSN: {b['bsn']}", st["basis"]))
    v.append(Spacer(1, 8 * mm))
    for regel in b["aan"]:
        v.append(_p(regel, st["basis"]))
    v.append(Spacer(1, 8 * mm))
    v.append(_p(b["plaats_datum"], st["basis"]))
    v.append(Spacer(1, 4 * mm))
    v.append(_p(f"Onderwerp: {b['onderwerp']}", st["vet"]))
    v.append(Spacer(1, 4 * mm))
    v.append(_p(b["aanhef"], st["basis"]))
    for a in b["alineas"]:
        v.append(Spacer(1, 2 * mm))
        v.append(_p(a, st["basis"]))
    for a in b["artikelen"]:
        v.append(_p(f"- {a}", st["basis"]))
    for a in b["slot"]:
        v.append(Spacer(1, 2 * mm))
        v.append(_p(a, st["basis"]))
    for d in b["bijlagen"]:
        v.append(_p(f"- {d}", st["basis"]))
    v.append(Spacer(1, 4 * mm))
    v.append(_p(b["groet"], st["basis"]))
    handtekeningen = [
        [_p(wie, st["klein"]) for wie, _ in b["ondertekening"]],
        [Spacer(1, 14 * mm) for _ in b["ondertekening"]],
        [_p(naam, st["basis"]) for _, naam in b["ondertekening"]],
    ]
    breed = A4[0] - 44 * mm
    t = Table(handtekeningen, colWidths=[breed / len(b["ondertekening"])] * len(b["ondertekening"]))
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 1), (-1, 1), 0.4, LIJN),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
            ]
        )
    )
    v.append(KeepTogether([Spacer(1, 3 * mm), t]))

    # the appendix: the law texts
    from reportlab.platypus import PageBreak

    v.append(PageBreak())
    v.append(_p("Bijlage bij de brief: de tekst van de wetsartikelen", st["h2"]))
    for titel, tekst in b["wetteksten"]:
        v.append(_p(titel, st["h3"]))
        for regel in tekst.splitlines():
            v.append(_p(regel, st["klein"]))

    # for the parent: what to do (not to send), in the parent's language
    ouder = ouder or p
    uw = pk.route_van(ouder, f"{route.code}-{route.wie}") or route
    v.append(_Voettaal(taal))  # the footers from the next page on are in the parent's language
    with i18n.in_taal(taal):
        v.append(PageBreak())
        v.append(_p(_("Voor uzelf (niet meesturen): {titel}").format(titel=_eerste_klein(uw.titel)), st["h2"]))
        if taal != "nl":
            v.append(
                _p(
                    _(
                        "De brief is in het Nederlands, omdat Dienst Toeslagen in het Nederlands werkt. Op de "
                        "pagina van het aanvraagpakket staat wat de brief zegt."
                    ),
                    st["basis"],
                )
            )
        v.append(_p(uw.uitleg, st["basis"]))
        v.append(_p(_("Stap voor stap"), st["h3"]))
        for i, s in enumerate(uw.stappen, 1):
            v.append(_p(f"{i}. {s}", st["basis"]))
        v.append(_p(_("Documenten om mee te sturen"), st["h3"]))
        v += [_p(f"- {d}", st["basis"]) for d in uw.documenten]
        v.append(_p(_("Via de telefoon"), st["h3"]))
        v.append(_p(uw.telefoon, st["basis"]))
        v.append(_p(_("Op papier"), st["h3"]))
        v.append(_p(uw.papier, st["basis"]))
        v.append(_p(_("Wijzigingen doorgeven"), st["h3"]))
        v += [_p(f"- {w}", st["basis"]) for w in uw.wijzigingen + ouder.wijzigingen_algemeen]
        v.append(_p(ouder.wijzigingen_termijn, st["basis"]))
        v.append(_p(ouder.wijzigingen_gevolg, st["basis"]))
        if ouder.wijzigingen_grondslag:
            v.append(
                _p(
                    _("Wet: {artikelen}.").format(artikelen=pk.artikelen_kort(ouder.wijzigingen_grondslag)),
                    st["klein"],
                )
            )

    from importlib.metadata import PackageNotFoundError, version

    try:
        programma = f"kotwijzer {version('kotwijzer')}"
    except PackageNotFoundError:  # pragma: no cover
        programma = "kotwijzer"

    def _onder(t: str) -> str:
        with i18n.in_taal(t):
            return (
                f"Dossier {dossier.dossier_label}, {dossier.scenario_naam}, versie {dossier.versie} - "
                if dossier
                else ""
            ) + _("Gemaakt op {datum} met {programma}").format(datum=i18n.datum(gemaakt), programma=programma)

    def _pagina(t: str, n: int) -> str:
        with i18n.in_taal(t):
            return _("pagina {n}").format(n=n)

    def _voet(canvas, d):
        # the footer is drawn when a page begins: the letter's pages in Dutch, the parent's pages in `taal`
        t = getattr(canvas, "_kotwijzer_voettaal", "nl")
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(INKT)
        canvas.drawString(22 * mm, 10 * mm, _onder(t)[:120])
        canvas.drawRightString(A4[0] - 22 * mm, 10 * mm, _pagina(t, d.page))
        canvas.restoreState()

    doc.build(v, onFirstPage=_voet, onLaterPages=_voet)
    return buf.getvalue()


def _verschil_tekst(x: Decimal | None, hele: bool = True) -> str:
    if x is None:
        return "-"
    if x == 0:
        return "gelijk"
    teken = "+ " if x > 0 else "- "
    return teken + (hele_euros(abs(x)) if hele else _euro(abs(x)))


def vergelijking_pdf(
    info: dict[str, Any],
    va: int,
    vb: int,
    feiten: list[dict[str, str]],
    geld: dict[str, Any],
    gemaakt: dt.date | None = None,
) -> bytes:
    """Two versions of a scenario side by side, as the comparison page shows them: the facts that changed and the
    money per month and over the year (amounts from the core; 'niet te berekenen' where it could not)."""
    st = _stijlen()
    gemaakt = gemaakt or dt.date.today()
    buf = io.BytesIO()
    titel = f"Versie {va} en versie {vb} naast elkaar"
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=titel,
        author="kotwijzer",
        lang="nl",
    )
    breed = A4[0] - 36 * mm
    ka, kb = f"Versie {va}", f"Versie {vb}"
    v: list[Any] = [
        _p(titel, st["h1"]),
        _tabel(
            [["Dossier", info["dossier_label"]], ["Scenario", info["naam"]], ["Gemaakt op", datum_nl(gemaakt)]],
            [38 * mm, breed - 38 * mm],
            st,
            kop=False,
        ),
        Spacer(1, 2 * mm),
        _p("Dit is een proefberekening, geen besluit van Dienst Toeslagen.", st["klein"]),
        _p("Wat is er veranderd in de gegevens?", st["h2"]),
    ]
    if feiten:
        v.append(
            _tabel(
                [["Gegeven", ka, kb]] + [[f["feit"], f["oud"], f["nieuw"]] for f in feiten],
                [70 * mm, (breed - 70 * mm) / 2, (breed - 70 * mm) / 2],
                st,
            )
        )
    else:
        v.append(_p("Geen gegevens veranderd.", st["basis"]))
    v.append(_p("Wat betekent dat voor het geld?", st["h2"]))
    for k, x in ((ka, geld.get("melding_a")), (kb, geld.get("melding_b"))):
        if x:
            v.append(_p(f"{k}: niet alle bedragen zijn te berekenen. {x}", st["basis"]))
    rijen = [["Maand", ka, kb, "Verschil"]]
    for x in geld["maanden"]:
        rijen.append(
            [MAANDNAMEN[x["maand"] - 1], hele_euros(x["a"]), hele_euros(x["b"]), _verschil_tekst(x["verschil"])]
        )
    rijen.append(
        [
            "Uitbetaald over het jaar",
            hele_euros(geld["betaald_a"]),
            hele_euros(geld["betaald_b"]),
            _verschil_tekst(geld["betaald_verschil"]),
        ]
    )
    rijen.append(
        [
            "Toeslag over het jaar",
            _euro(geld["jaar_a"]),
            _euro(geld["jaar_b"]),
            _verschil_tekst(geld["jaar_verschil"], hele=False),
        ]
    )
    v.append(_tabel(rijen, [52 * mm, (breed - 52 * mm) / 3, (breed - 52 * mm) / 3, (breed - 52 * mm) / 3], st))
    v.append(_p("Uitbetaald: het voorschot per maand in hele euro's, zoals Dienst Toeslagen het betaalt.", st["klein"]))
    onder = f"Dossier {info['dossier_label']} - {info['naam']}, versie {va} en {vb} - gemaakt op {gemaakt.strftime('%d-%m-%Y')}"

    def _voet(canvas, d):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(INKT)
        canvas.drawString(18 * mm, 7 * mm, onder[:110])
        canvas.drawRightString(A4[0] - 18 * mm, 7 * mm, f"pagina {d.page}")
        canvas.restoreState()

    doc.build(v, onFirstPage=_voet, onLaterPages=_voet)
    return buf.getvalue()
