"""The seven codes of the Re-integratiebericht that give a right to KOT, and their categories.

Municipalities report re-integration trajects to the Inlichtingenbureau (IB) in the Re-integratiebericht
(Digitaal Klantdossier, DKD). When a bijstand parent applies for KOT, Dienst Toeslagen asks the IB whether a
traject is registered; the IB treats exactly these seven codes as giving a right to KOT
(seed 000 §2.2, r. 672-699). The research report maps them to categorie A and B (seed 000 §5.1 tabel 1,
r. 1138-1175). No other code list of the Re-integratiebericht is used here (see the law README §5).
"""

from __future__ import annotations

from dataclasses import dataclass

from kotwijzer.municipal.bronnen import (
    PW_VOORZIENING,
    S000_CASUS_4_1,
    S000_CATEGORIE_A,
    S000_CODES,
    S000_OVERIGE_SOCIALE_ACTIVERING,
    S000_SCHOLING_B,
    S000_TABEL1,
    S000_VOORBEELDEN_C,
    S000_VRIJWILLIGERSWERK_B,
    S000_VRIJWILLIGERSWERK_C,
    WKO_BIJSTAND_TRAJECT,
    Seedverwijzing,
)
from kotwijzer.municipal.models import Categorie, Soort
from kotwijzer.wetten.bron import Bron


@dataclass(frozen=True, slots=True)
class Reintegratiecode:
    """One code of the Re-integratiebericht that the IB treats as giving a right to KOT."""

    code: int
    naam: str  # as listed in seed 000 §2.2
    naam_tabel1: str  # as named in seed 000 tabel 1
    categorieen: frozenset[Categorie]  # tabel 1: A, B, or "A of B"
    toelichting: str
    bron: tuple[Bron, ...]
    seedbron: tuple[Seedverwijzing, ...]

    @property
    def categorie_tekst(self) -> str:
        return " of ".join(sorted(c.value for c in self.categorieen))


_BRON = (WKO_BIJSTAND_TRAJECT, PW_VOORZIENING)
_SEED = (S000_CODES, S000_TABEL1)

KOT_CODES: dict[int, Reintegratiecode] = {
    c.code: c
    for c in (
        Reintegratiecode(
            22,
            "Participatieplaats",
            "Participatieplaats",
            frozenset({Categorie.A}),
            "traject direct naar werk",
            _BRON,
            _SEED,
        ),
        Reintegratiecode(
            23,
            "Proefplaatsing ten behoeve van loonwaardebepaling",
            "Proefplaats",
            frozenset({Categorie.A}),
            "traject direct naar werk",
            _BRON,
            _SEED,
        ),
        Reintegratiecode(
            29,
            "Overige werkplekken",
            "Overige werkplekken",
            frozenset({Categorie.A}),
            "traject direct naar werk",
            _BRON,
            _SEED,
        ),
        Reintegratiecode(
            30,
            "Jobcoach/begeleiding op de werkplek",
            "Jobcoach/begeleiding op werkplek",
            frozenset({Categorie.A}),
            "traject direct naar werk",
            _BRON,
            _SEED,
        ),
        Reintegratiecode(
            40,
            "Coaching naar werk of participatie",
            "Coaching naar werk of participatie",
            frozenset({Categorie.A, Categorie.B}),
            "A of B, afhankelijk van het doel (participatie of re-integratie)",
            _BRON,
            _SEED,
        ),
        Reintegratiecode(
            42,
            "Training, cursus of opleiding",
            "Training/cursus/opleiding",
            frozenset({Categorie.B}),
            "sociale activering gericht op werk",
            _BRON,
            _SEED + (S000_SCHOLING_B,),
        ),
        Reintegratiecode(
            43,
            "Vrijwilligerswerk",
            "Vrijwilligerswerk",
            frozenset({Categorie.B}),
            "sociale activering gericht op werk; gemeenten zien vrijwilligerswerk vaak als C",
            _BRON,
            _SEED + (S000_VRIJWILLIGERSWERK_B,),
        ),
    )
}

KOT_CODE_NUMMERS: frozenset[int] = frozenset(KOT_CODES)


def is_kot_code(code: int | None) -> bool:
    """True if Dienst Toeslagen (via the IB) counts this registered code as a traject that gives a right to KOT."""
    return code is not None and code in KOT_CODE_NUMMERS


def code_naam(code: int | None) -> str:
    if code is None:
        return "geen code"
    if code in KOT_CODES:
        return f"{code} {KOT_CODES[code].naam}"
    return f"{code} (geen van de zeven codes die recht geven op kinderopvangtoeslag)"


# Which of the seven codes fits an activity kind best when the municipality counts it as A or B. This is a
# kotwijzer suggestion derived from the code names (seed 000 §2.2) and tabel 1; the municipality decides.
# Kinds that are normally categorie C (therapie, moestuin, ...) get 40 "Coaching naar werk of participatie"
# when a municipality does count them as a first re-integration step (seed 000 §4.1, §4.2).
VOORGESTELDE_CODE: dict[Soort, int] = {
    Soort.participatieplaats: 22,
    Soort.proefplaatsing: 23,
    Soort.overige_werkplek: 29,
    Soort.additionele_werkzaamheden: 29,
    Soort.beschut_werk: 29,
    Soort.jobcoaching: 30,
    Soort.coaching_naar_werk: 40,
    Soort.bemiddeling: 40,
    Soort.ondernemerschap: 40,
    Soort.erkende_opleiding: 42,
    Soort.training_cursus: 42,
    Soort.taaltraject: 42,
    Soort.vrijwilligerswerk_met_perspectief: 43,
    Soort.vrijwilligerswerk_zonder_perspectief: 43,
    Soort.persoonlijke_ontwikkeling: 40,
    Soort.groepstraject_ouders: 40,
    Soort.wmo_dagbesteding: 40,
    Soort.therapie: 40,
    Soort.moestuin: 40,
    Soort.sport: 40,
    Soort.overige_sociale_activering: 40,
}

# The usual category of each kind according to seed 000 (used only for the overview and documentation; the
# municipality's own choice in the catalogus is what counts).
GEBRUIKELIJKE_CATEGORIE: dict[Soort, tuple[Categorie | None, Seedverwijzing | None]] = {
    Soort.proefplaatsing: (Categorie.A, S000_CATEGORIE_A),
    Soort.participatieplaats: (Categorie.A, S000_CATEGORIE_A),
    Soort.jobcoaching: (Categorie.A, S000_CATEGORIE_A),
    Soort.ondernemerschap: (Categorie.A, S000_CATEGORIE_A),
    Soort.overige_werkplek: (Categorie.A, S000_TABEL1),
    Soort.erkende_opleiding: (Categorie.B, S000_SCHOLING_B),
    Soort.training_cursus: (Categorie.B, S000_TABEL1),
    Soort.vrijwilligerswerk_met_perspectief: (Categorie.B, S000_VRIJWILLIGERSWERK_B),
    Soort.vrijwilligerswerk_zonder_perspectief: (Categorie.C, S000_VRIJWILLIGERSWERK_C),
    Soort.therapie: (Categorie.C, S000_VOORBEELDEN_C),
    Soort.moestuin: (Categorie.C, S000_VOORBEELDEN_C),
    Soort.sport: (Categorie.C, S000_VOORBEELDEN_C),
    Soort.persoonlijke_ontwikkeling: (Categorie.C, S000_VOORBEELDEN_C),
    Soort.wmo_dagbesteding: (Categorie.C, S000_CASUS_4_1),
    Soort.overige_sociale_activering: (Categorie.C, S000_OVERIGE_SOCIALE_ACTIVERING),
}


def voorgestelde_code(soort: Soort, categorie: Categorie) -> int | None:
    """The code to register for an activity of this kind and category: None for categorie C."""
    if not categorie.geeft_recht:
        return None
    code = VOORGESTELDE_CODE.get(soort, 40)
    # a code whose tabel-1 category does not include this category: fall back to 40 (A or B)
    return code if categorie in KOT_CODES[code].categorieen else 40
