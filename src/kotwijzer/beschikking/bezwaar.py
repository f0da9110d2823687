"""A draft bezwaarschrift against a KOT letter, as plain text and as PDF.

It holds what Awb art. 6:5 lid 1 asks: the name and address of the sender (a), the date (b), a description of the
decision (c) and the grounds (d), and it is signed; lid 2: a copy of the decision is attached where possible. The
grounds are the differences the assessment check found, each with the rule that causes it and its citation.

Personal details (name, address, BSN, the letter's kenmerk) are fields the parent fills in. The server never stores
them: `bezwaarschrift_tekst` and `bezwaarschrift_pdf` take them as arguments, render in memory and return the document;
without them the document has empty lines to fill in by hand.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from kotwijzer.beschikking.controle import Controle, Verschil, euro_regel, maanden_tekst
from kotwijzer.beschikking.termijn import datum_tekst

LEEG = "...................................................."
SOORT_BRIEF = {"definitieve_berekening": "de definitieve berekening", "voorschotbeschikking": "de voorschotbeschikking"}

# What to attach per kind of ground (Awb art. 6:5 lid 2: a copy of the decision, always).
BIJLAGEN = {
    "altijd": ["Een kopie van de brief (beschikking) waartegen u bezwaar maakt"],
    "uren_minder": ["De jaaropgave van de kinderopvang over het jaar", "Het contract met de opvang (uren per maand)"],
    "ontbrekende_maand": ["De jaaropgave van de kinderopvang over het jaar", "Facturen van de opvang over die maanden"],
    "uurprijs_lager": ["Het contract of de facturen van de opvang met de uurprijs"],
    "maximum_uurprijs": ["Het contract of de facturen van de opvang met de uurprijs"],
    "toetsingsinkomen": ["Uw aanslag of aangifte inkomstenbelasting over het jaar (en die van uw toeslagpartner)"],
    "eerste_kind": ["De jaaropgave van de kinderopvang per kind (uren en kosten per kind)"],
    "te_laat": ["Bewijs van de datum waarop u de toeslag aanvroeg (bijvoorbeeld de ontvangstbevestiging)"],
    "geen_aanspraak": ["Bewijs van werk, traject, studie of andere situatie in die maanden (bijvoorbeeld loonstroken)"],
}


@dataclass(frozen=True)
class Persoon:
    """Filled in by the parent, used only to render one document; never stored or logged."""

    naam: str = ""
    adres: str = ""
    postcode_plaats: str = ""
    bsn: str = ""
    kenmerk: str = ""

    @staticmethod
    def van(data: dict | None) -> Persoon:
        data = data or {}
        return Persoon(
            **{k: str(data.get(k) or "").strip()[:120] for k in ("naam", "adres", "postcode_plaats", "bsn", "kenmerk")}
        )


def gronden(c: Controle) -> list[Verschil]:
    """The differences that are a ground for bezwaar: the law gives more than the letter, or the letter applies a rule
    wrongly in a way that can cost the parent."""
    return [v for v in c.verschillen if v.in_uw_voordeel or v.code == "percentage_buiten_grenzen"]


def _grond_tekst(v: Verschil) -> str:
    waar = f"Regel {v.regel} van de brief" if v.regel else "De brief"
    wanneer = f" ({maanden_tekst(v.maanden)})" if v.maanden else ""
    bron = f" ({'; '.join(v.bronnen)})" if v.bronnen else ""
    return f"{waar}{wanneer}: {v.brief}. Volgens de wet: {v.wet}. {v.uitleg}{bron}"


def bijlagen(c: Controle) -> list[str]:
    uit = list(BIJLAGEN["altijd"])
    for v in gronden(c):
        for b in BIJLAGEN.get(v.code, []):
            if b not in uit:
                uit.append(b)
    return uit


def _verzoek(c: Controle) -> str:
    jaar = c.berekeningsjaar
    if c.totaal_wet_onder is not None and c.totaal_wet_onder == c.totaal_wet_boven:
        return (
            f"Ik verzoek u de kinderopvangtoeslag over {jaar} opnieuw vast te stellen op {euro_regel(c.totaal_wet_onder)}, "
            "of in elk geval in overeenstemming met de gronden hierboven."
        )
    if c.totaal_wet_onder is not None:
        return (
            f"Ik verzoek u de kinderopvangtoeslag over {jaar} opnieuw vast te stellen in overeenstemming met de "
            f"gronden hierboven (volgens mijn berekening tussen {euro_regel(c.totaal_wet_onder)} en "
            f"{euro_regel(c.totaal_wet_boven)})."
        )
    return f"Ik verzoek u de kinderopvangtoeslag over {jaar} opnieuw vast te stellen in overeenstemming met de gronden hierboven."


def onderdelen(c: Controle, p: Persoon | None = None, vandaag: dt.date | None = None) -> dict:
    p = p or Persoon()
    vandaag = vandaag or dt.date.today()
    soort = SOORT_BRIEF.get(c.soort_brief, "de beschikking")
    g = gronden(c)
    return {
        "afzender": [
            p.naam or f"Naam: {LEEG}",
            p.adres or f"Adres: {LEEG}",
            p.postcode_plaats or f"Postcode en woonplaats: {LEEG}",
            f"Burgerservicenummer: {p.bsn or LEEG}",
        ],
        "aan": [
            "Dienst Toeslagen",
            "(het adres voor bezwaar staat in de brief; u kunt ook bezwaar maken via Mijn toeslagen)",
        ],
        "datum": f"Datum: {datum_tekst(vandaag)}",
        "onderwerp": (
            f"Bezwaar tegen {soort} kinderopvangtoeslag {c.berekeningsjaar} van {datum_tekst(c.datum_brief)}"
            + (f", kenmerk {p.kenmerk}" if p.kenmerk else f", kenmerk {LEEG}")
        ),
        "aanhef": "Geachte heer, mevrouw,",
        "inleiding": (
            f"Hierbij maak ik bezwaar tegen {soort} van de kinderopvangtoeslag over "
            f"{c.berekeningsjaar}, gedateerd {datum_tekst(c.datum_brief)}. Volgens deze brief is de toeslag "
            f"over het jaar {euro_regel(c.totaal_brief)}."
        ),
        "gronden": [_grond_tekst(v) for v in g]
        or [
            "[Schrijf hier waarom u het niet eens bent met de brief. kotwijzer vond met uw gegevens geen verschil in uw "
            "nadeel.]"
        ],
        "verzoek": _verzoek(c),
        "bijlagen": bijlagen(c),
        "slot": ["Met vriendelijke groet,", "", "Handtekening: " + LEEG, p.naam or f"Naam: {LEEG}"],
        "termijn": c.termijn["tekst"],
    }


def bezwaarschrift_tekst(c: Controle, p: Persoon | None = None, vandaag: dt.date | None = None) -> str:
    d = onderdelen(c, p, vandaag)
    regels = [
        *d["afzender"],
        "",
        *d["aan"],
        "",
        d["datum"],
        "",
        f"Onderwerp: {d['onderwerp']}",
        "",
        d["aanhef"],
        "",
        d["inleiding"],
        "",
        "Gronden van mijn bezwaar:",
    ]
    regels += [f"{i}. {g}" for i, g in enumerate(d["gronden"], start=1)]
    regels += (
        ["", d["verzoek"], "", "Bijlagen:"]
        + [f"- {b}" for b in d["bijlagen"]]
        + [
            "",
            *d["slot"],
            "",
            "---",
            "Over de termijn (niet meesturen): " + d["termijn"],
            "Een bezwaarschrift moet ondertekend zijn en ten minste uw naam en adres, de datum, een omschrijving van "
            "de brief en de gronden bevatten (art. 6:5 Algemene wet bestuursrecht). Stuur een kopie van de brief mee.",
        ]
    )
    return "\n".join(regels) + "\n"


def bezwaarschrift_pdf(c: Controle, p: Persoon | None = None, vandaag: dt.date | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    d = onderdelen(c, p, vandaag)
    ss = getSampleStyleSheet()
    basis = ParagraphStyle("b", parent=ss["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14.5)
    klein = ParagraphStyle("k", parent=basis, fontSize=8.5, leading=11)
    kop = ParagraphStyle("h", parent=basis, fontName="Helvetica-Bold", fontSize=11, leading=15, spaceBefore=6)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title="Concept bezwaarschrift kinderopvangtoeslag",
        author="",
        subject="Concept bezwaarschrift",
        creator="kotwijzer",
    )
    e = lambda t: escape(t)  # noqa: E731
    els = [
        Paragraph("<br/>".join(e(x) for x in d["afzender"]), basis),
        Spacer(1, 6 * mm),
        Paragraph("<br/>".join(e(x) for x in d["aan"]), basis),
        Spacer(1, 6 * mm),
        Paragraph(e(d["datum"]), basis),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>Onderwerp:</b> {e(d['onderwerp'])}", basis),
        Spacer(1, 5 * mm),
        Paragraph(e(d["aanhef"]), basis),
        Spacer(1, 3 * mm),
        Paragraph(e(d["inleiding"]), basis),
        Paragraph("Gronden van mijn bezwaar", kop),
        ListFlowable(
            [ListItem(Paragraph(e(g), basis), leftIndent=12) for g in d["gronden"]], bulletType="1", leftIndent=14
        ),
        Spacer(1, 3 * mm),
        Paragraph(e(d["verzoek"]), basis),
        Paragraph("Bijlagen", kop),
        ListFlowable(
            [ListItem(Paragraph(e(b), basis), leftIndent=12) for b in d["bijlagen"]], bulletType="bullet", leftIndent=14
        ),
        Spacer(1, 6 * mm),
    ]
    els += [Paragraph(e(x) or "&nbsp;", basis) for x in d["slot"]]
    els += [
        Spacer(1, 8 * mm),
        Paragraph("<b>Niet meesturen - over de termijn:</b> " + e(d["termijn"]), klein),
        Paragraph(
            "Een bezwaarschrift moet ondertekend zijn en ten minste uw naam en adres, de datum, een "
            "omschrijving van de brief en de gronden bevatten (art. 6:5 Algemene wet bestuursrecht). Dit is "
            "een concept van kotwijzer: controleer het en vul het aan.",
            klein,
        ),
    ]
    doc.build(els)
    return buf.getvalue()
