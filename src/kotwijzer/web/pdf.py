"""A printable summary as PDF (reportlab): to file or to bring to an appointment. Renders what the core computed;
adds nothing of its own."""
from __future__ import annotations

import datetime as dt
import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kotwijzer.api.diensten import MAANDNAMEN, euro


def _stijlen() -> dict[str, ParagraphStyle]:
    ss = getSampleStyleSheet()
    basis = ParagraphStyle("basis", parent=ss["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5, alignment=TA_LEFT)
    return {
        "basis": basis,
        "klein": ParagraphStyle("klein", parent=basis, fontSize=8.5, leading=11, textColor=colors.HexColor("#333333")),
        "h1": ParagraphStyle("h1", parent=ss["Heading1"], fontName="Helvetica-Bold", fontSize=17, leading=21, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=ss["Heading2"], fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=ss["Heading3"], fontName="Helvetica-Bold", fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=2),
    }


def _p(tekst: Any, stijl: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(tekst)), stijl)


def _tabel(rijen: list[list[Any]], breedtes: list[float], st: dict[str, ParagraphStyle]) -> Table:
    data = [[_p(c, st["klein"]) if not isinstance(c, Paragraph) else c for c in rij] for rij in rijen]
    t = Table(data, colWidths=breedtes, repeatRows=1)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


def samenvatting_pdf(ctx: dict[str, Any], kop: str | None = None) -> bytes:
    """`ctx` is the context of the result page (see `kotwijzer.web.publiek.uitkomst_context`)."""
    st = _stijlen()
    h = ctx["h"]
    r = ctx.get("r")
    vc = ctx.get("vc")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm,
        title=f"Kinderopvangtoeslag {h.berekeningsjaar} - samenvatting", author="kotwijzer", lang="nl",
    )
    v: list[Any] = []
    v.append(_p(kop or f"Kinderopvangtoeslag {h.berekeningsjaar}: samenvatting", st["h1"]))
    v.append(_p(f"Proefberekening gemaakt met kotwijzer op {dt.date.today().strftime('%d-%m-%Y')}. Dit is geen besluit "
                "van Dienst Toeslagen: aan deze uitkomst kunt u geen rechten ontlenen.", st["klein"]))
    v.append(Spacer(1, 4 * mm))

    v.append(_p("Uitkomst", st["h2"]))
    if vc is not None:
        v.append(_p(vc.samenvatting, st["basis"]))
    if r is not None:
        v.append(_p(f"Toeslag over het jaar: {euro(r.jaar.toeslag)}. U betaalt zelf: {euro(r.jaar.eigen_bijdrage)}. "
                    f"Maanden met recht: {r.jaar.maanden_met_aanspraak} van 12.", st["basis"]))
    if ctx.get("melding"):
        v.append(_p(f"Geen bedrag berekend: {ctx['melding']}", st["basis"]))
    t = ctx.get("tegemoetkoming")
    if t and t.get("melding"):
        v.append(_p(f"Extra vergoeding van de gemeente: {t['melding']}", st["basis"]))
    elif t:
        tekst = (f"Extra vergoeding van {t['gemeente'].naam} (aanvullende tegemoetkoming, art. 1.13 Wko): "
                 f"{euro(t['totaal_aanvullend'])}.")
        if t["beleid"].get("boven_wettelijk"):
            tekst += f" Boven de maximum uurprijs: {euro(t['totaal_boven_wettelijk'])}."
        tekst += f" U betaalt dan zelf: {euro(t['totaal_eigen_bijdrage'])}."
        if t["gemeente"].voorbeeld:
            tekst += " Let op: voorbeeldgegevens, niet het beleid van een echte gemeente."
        v.append(_p(tekst, st["basis"]))

    v.append(_p("Gegevens", st["h2"]))
    gegevens = [["Gegeven", "Waarde"], ["Jaar", str(h.berekeningsjaar)],
                ["Partner", "ja" if h.partner is not None else "nee"],
                ["Kinderen met opvang", str(len(h.kinderen))],
                ["Gezamenlijk toetsingsinkomen", "niet ingevuld" if h.toetsingsinkomen is None
                 else "€ " + f"{h.toetsingsinkomen:,}".replace(",", ".")]]
    v.append(_tabel(gegevens, [70 * mm, 100 * mm], st))

    if r is not None:
        v.append(_p("Per maand", st["h2"]))
        rijen = [["Maand", "Recht", "Toeslag", "Als voorschot", "U betaalt zelf"]]
        for m in r.maanden:
            rijen.append([MAANDNAMEN[m.maand - 1], "ja" if m.aanspraak else "nee", euro(m.toeslag),
                          euro(m.uitbetaling_voorschot), euro(m.eigen_bijdrage)])
        rijen.append(["Totaal", f"{r.jaar.maanden_met_aanspraak} mnd", euro(r.jaar.toeslag),
                      euro(sum((m.uitbetaling_voorschot for m in r.maanden), start=type(r.jaar.toeslag)(0))),
                      euro(r.jaar.eigen_bijdrage)])
        v.append(_tabel(rijen, [32 * mm, 20 * mm, 38 * mm, 38 * mm, 40 * mm], st))
        for i, kind in enumerate(h.kinderen):
            naam = kind.label or f"kind {i + 1}"
            rijen = [["Maand", "Soort", "Uren", "Uurprijs gebruikt", "%", "Toeslag", "Zelf"]]
            for m in r.maanden:
                for k in m.kinderen:
                    if k.kind == i + 1:
                        rijen.append([MAANDNAMEN[m.maand - 1], (k.opvangsoort.value if k.opvangsoort else "").replace("_", " "),
                                      f"{k.uren_in_aanmerking.normalize():f}".replace(".", ","),
                                      euro(k.uurprijs_gebruikt), "-" if k.percentage is None else f"{k.percentage}%".replace(".", ","),
                                      euro(k.toeslag), euro(k.eigen_bijdrage)])
            if len(rijen) > 1:
                v.append(KeepTogether([_p(f"{naam[0].upper() + naam[1:]}", st["h3"]),
                                       _tabel(rijen, [24 * mm, 34 * mm, 16 * mm, 28 * mm, 16 * mm, 27 * mm, 27 * mm], st)]))

    stappen = [s for s in ctx.get("stappen") or [] if s["soort"] == "stap"]
    if stappen:
        v.append(_p("Wat moet u nu doen?", st["h2"]))
        for i, s in enumerate(stappen, 1):
            v.append(_p(f"{i}. {s['titel']}", st["h3"]))
            v.append(_p(s["tekst"], st["basis"]))
            for d in s["documenten"]:
                v.append(_p(f"- {d}", st["basis"]))
    let_op = [s for s in ctx.get("stappen") or [] if s["soort"] != "stap"]
    if let_op or (r is not None and r.aannames):
        v.append(_p("Let op", st["h2"]))
        for s in let_op:
            v.append(_p(f"- {s['tekst']}", st["basis"]))
        for a in (r.aannames if r is not None else []):
            v.append(_p(f"- Aanname: {a}", st["basis"]))
    if vc is not None and vc.vragen:
        v.append(_p("Vragen die nog open staan", st["h2"]))
        for q in vc.vragen:
            v.append(_p(f"- {q.vraag} ({q.waarom})", st["basis"]))

    blokken = ctx.get("blokken") or []
    if blokken:
        v.append(_p("Uitleg per maand", st["h2"]))
        for b in blokken:
            regels = [_p(b["titel"], st["h3"])] + [_p(x, st["klein"]) for x in b["regels"]]
            if b["bronnen"]:
                regels.append(_p("Wetsartikelen: " + "; ".join(x["citaat"] for x in b["bronnen"]), st["klein"]))
            v.append(KeepTogether(regels))

    def _voet(canvas, d):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(18 * mm, 10 * mm, f"kotwijzer - kinderopvangtoeslag {h.berekeningsjaar} - pagina {d.page}")
        canvas.restoreState()

    doc.build(v, onFirstPage=_voet, onLaterPages=_voet)
    return buf.getvalue()
