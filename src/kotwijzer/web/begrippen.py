"""The glossary of the parent flow (`/begrippen`): the words on the letters of Dienst Toeslagen that parents do not
know. The terms stay Dutch in both languages (they are the words on the official letters); the explanation is
translated. Pages link a term to its entry: `/begrippen#<id>`."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from kotwijzer.i18n import N_, _


@dataclass(frozen=True)
class Begrip:
    id: str
    term: str
    gloss: str  # a few words, in the language of the page (empty in Dutch: the term is the Dutch word)
    uitleg: str


BEGRIPPEN: tuple[Begrip, ...] = (
    Begrip(
        "aanspraak",
        "aanspraak",
        N_("recht op toeslag"),
        N_(
            "Het recht op kinderopvangtoeslag in een maand. U heeft aanspraak als u en uw partner werken of iets "
            "anders doen dat de wet noemt, en uw kind naar geregistreerde opvang gaat."
        ),
    ),
    Begrip(
        "anw",
        "Anw",
        N_("uitkering na overlijden van de partner"),
        N_(
            "Algemene nabestaandenwet. Een uitkering van de Sociale Verzekeringsbank (SVB) voor iemand van wie de "
            "partner is overleden."
        ),
    ),
    Begrip(
        "belastingtelefoon",
        "BelastingTelefoon",
        N_("telefoon van de Belastingdienst en Dienst Toeslagen"),
        N_(
            "Het telefoonnummer van de Belastingdienst en Dienst Toeslagen: 0800-0543. Bellen is gratis. Bel niet "
            "via een nummer dat begint met 0906 of 18: dat kost geld."
        ),
    ),
    Begrip(
        "beschikking",
        "beschikking",
        N_("besluit van Dienst Toeslagen"),
        N_(
            "Een brief met een besluit van Dienst Toeslagen over uw toeslag: het voorschot (voorschotbeschikking) of "
            "de definitieve berekening na het jaar. Bent u het er niet mee eens? Dan kunt u bezwaar maken."
        ),
    ),
    Begrip(
        "bezwaar",
        "bezwaar",
        N_("bezwaar tegen een besluit"),
        N_(
            "Een brief aan Dienst Toeslagen waarin u zegt dat een besluit niet klopt en waarom (een bezwaarschrift). "
            "Dat moet binnen zes weken na de datum van de brief. Bezwaar maken is gratis."
        ),
    ),
    Begrip(
        "bijstand",
        "bijstand",
        N_("uitkering van de gemeente"),
        N_("Geld van de gemeente voor mensen die niet genoeg inkomen hebben om van te leven (Participatiewet)."),
    ),
    Begrip(
        "ciz",
        "CIZ",
        N_("organisatie die beslist over langdurige zorg"),
        N_(
            "Centrum Indicatiestelling Zorg. Het CIZ beslist of iemand zorg krijgt uit de Wet langdurige zorg (Wlz). "
            "Dat besluit heet het indicatiebesluit. Dienst Toeslagen vraagt om dit besluit."
        ),
    ),
    Begrip(
        "definitieve-berekening",
        "definitieve berekening",
        N_("de berekening na het jaar"),
        N_(
            "Na het jaar rekent Dienst Toeslagen de toeslag precies uit, met uw echte inkomen en de echte uren en "
            "kosten van de opvang. Die brief heet de definitieve berekening. Kreeg u als voorschot te veel, dan "
            "betaalt u terug; te weinig, dan krijgt u geld bij."
        ),
    ),
    Begrip(
        "dienst-toeslagen",
        "Dienst Toeslagen",
        N_("de organisatie die toeslagen betaalt"),
        N_(
            "De organisatie van de overheid die de kinderopvangtoeslag betaalt en erover beslist. Vroeger heette "
            "dit Belastingdienst/Toeslagen."
        ),
    ),
    Begrip(
        "inburgering",
        "inburgering",
        N_("de Nederlandse taal en samenleving leren"),
        N_(
            "Een traject om de Nederlandse taal te leren en de Nederlandse samenleving te leren kennen. Volgt u een "
            "inburgeringscursus of -opleiding? Dan kunt u kinderopvangtoeslag krijgen."
        ),
    ),
    Begrip(
        "ioaw",
        "IOAW",
        N_("uitkering van de gemeente voor oudere werklozen"),
        N_(
            "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers. Een uitkering "
            "van de gemeente voor oudere werklozen. Voor de toeslag telt het net als bijstand."
        ),
    ),
    Begrip(
        "ioaz",
        "IOAZ",
        N_("uitkering van de gemeente voor oudere oud-ondernemers"),
        N_(
            "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte gewezen zelfstandigen. Een uitkering "
            "van de gemeente voor oudere mensen die met hun eigen bedrijf zijn gestopt. Voor de toeslag telt het net "
            "als bijstand."
        ),
    ),
    Begrip(
        "kalendermaand",
        "kalendermaand",
        N_("een hele maand van de kalender"),
        N_(
            "Een hele maand van de kalender, van de eerste tot en met de laatste dag, bijvoorbeeld 1 tot en met 31 "
            "maart. Een aanvraag werkt terug tot de eerste dag van de derde kalendermaand voor de maand waarin u "
            "aanvraagt. Vraagt u in april aan? Dan krijgt u toeslag vanaf januari."
        ),
    ),
    Begrip(
        "lrk",
        "LRK",
        N_("register van kinderopvang"),
        N_(
            "Landelijk Register Kinderopvang. Alleen voor opvang die in dit register staat, krijgt u toeslag. Het "
            "LRK-nummer staat op uw contract en op de website van de opvang."
        ),
    ),
    Begrip(
        "maximum-uurprijs",
        "maximum uurprijs",
        N_("hoogste uurprijs die meetelt"),
        N_(
            "De hoogste prijs per uur waarover u toeslag krijgt. Kost de opvang meer? Dan betaalt u het deel boven "
            "de maximum uurprijs zelf."
        ),
    ),
    Begrip(
        "mijn-toeslagen",
        "Mijn toeslagen",
        N_("de website om toeslag aan te vragen"),
        N_(
            "De website van Dienst Toeslagen (mijn.toeslagen.nl). Daar vraagt u de toeslag aan en geeft u "
            "wijzigingen door. U logt in met DigiD."
        ),
    ),
    Begrip(
        "toetsingsinkomen",
        "toetsingsinkomen",
        N_("het inkomen waarmee gerekend wordt"),
        N_(
            "Het inkomen waarmee Dienst Toeslagen rekent. Meestal is dat uw inkomen voor belasting over het hele "
            "jaar, samen met het inkomen van uw partner. Hoe hoger het toetsingsinkomen, hoe lager de toeslag."
        ),
    ),
    Begrip(
        "voorschot",
        "voorschot",
        N_("bedrag dat vooruit betaald wordt"),
        N_(
            "Dienst Toeslagen betaalt de toeslag elke maand vooruit: dat is het voorschot. Na het jaar rekent Dienst "
            "Toeslagen het precies uit met uw echte inkomen. Dan krijgt u geld bij, of moet u iets terugbetalen."
        ),
    ),
    Begrip(
        "wlz",
        "Wlz",
        N_("wet voor blijvend veel zorg"),
        N_(
            "Wet langdurige zorg. Een wet voor mensen die blijvend veel zorg nodig hebben. Heeft uw partner een "
            "Wlz-indicatie van het CIZ? Dan kunt u kinderopvangtoeslag krijgen, ook als uw partner niet werkt."
        ),
    ),
)
PER_ID = {b.id: b for b in BEGRIPPEN}


def begrip(id_: str, tekst: str | None = None, gloss: bool = False) -> Markup:
    """A link from a jargon word to its entry in the glossary. `gloss`: in English, add the short gloss after the
    Dutch term (the first time the word is used on a page)."""
    from kotwijzer.i18n import taal

    b = PER_ID[id_]
    woord = escape(tekst or b.term)
    link = Markup('<a class="begrip" href="/begrippen#{}" lang="nl">{}</a>').format(b.id, woord)
    if gloss and taal() == "en":
        return link + Markup(" ({})").format(_(b.gloss))
    return link
