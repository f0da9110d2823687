"""Does an activity of a municipality give a bijstand parent a right to KOT?

A parent with bijstand (or IOAW, IOAZ, Anw) has a right to KOT only while using a voorziening gericht op
arbeidsinschakeling as meant in art. 7 lid 1 onder a Participatiewet (Wko art. 1.6 lid 1 onder c). Which of its
activities are such a voorziening, the municipality decides: categorie A and B are, categorie C is not
(seed 000 §2.1, r. 626-636). `classificeer` looks the activity up in the catalogus and says so, in Dutch.

The function is pure (it only reads the catalogus) and fast (two dictionary look-ups); the rules core calls it
from its input normaliser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias

from kotwijzer.municipal.bronnen import (
    PW_VOORZIENING,
    S000_CATEGORIEEN,
    S000_CODES,
    WKO_BIJSTAND_TRAJECT,
    WKO_PARTNER,
    Seedverwijzing,
)
from kotwijzer.municipal.codes import code_naam, is_kot_code
from kotwijzer.municipal.io import voorbeeldcatalogus
from kotwijzer.municipal.models import (
    Activiteit,
    Catalogus,
    Categorie,
    Gemeente,
    OnbekendeActiviteit,
    OnbekendeGemeente,
    OnbekendInCatalogus,
    Soort,
)
from kotwijzer.municipal.registratie import Ernst, Signaal, code_te_registreren, controleer_registratie
from kotwijzer.wetten.bron import Bron

__all__ = [
    "CatalogusBron",
    "Classificatie",
    "OnbekendInCatalogus",
    "OnbekendeActiviteit",
    "OnbekendeGemeente",
    "catalogus_van",
    "classificeer",
]

VOORBEELD_WAARSCHUWING = "Let op: dit zijn voorbeeldgegevens. Het is niet het beleid van een echte gemeente."


@dataclass(frozen=True, slots=True)
class Classificatie:
    """The answer for one activity of one municipality."""

    gemeente_code: str
    gemeente_naam: str
    activiteit_code: str
    activiteit_naam: str
    soort: Soort
    categorie: Categorie
    reintegratiecode: int | None  # the code under which the municipality registers it (catalogus)
    gericht_op_arbeidsinschakeling: bool  # True for A and B: a right to KOT under Wko 1.6 lid 1 onder c
    bron: list[Bron]
    uitleg: str  # Dutch, B1
    code_te_registreren: int | None  # one of the seven codes for A/B; None for C
    dienst_toeslagen_ziet_traject: bool  # the registered code is one of the seven (what Dienst Toeslagen sees)
    individueel_plan_vereist: bool
    voorbeeld: bool  # the answer comes from example data
    signalen: list[Signaal] = field(default_factory=list)  # registration problems (see registratie.py)
    seedbron: list[Seedverwijzing] = field(default_factory=list)

    @property
    def geeft_recht(self) -> bool:
        return self.gericht_op_arbeidsinschakeling

    def as_dict(self) -> dict[str, object]:
        return {
            "gemeente_code": self.gemeente_code,
            "gemeente_naam": self.gemeente_naam,
            "activiteit_code": self.activiteit_code,
            "activiteit_naam": self.activiteit_naam,
            "soort": self.soort.value,
            "categorie": self.categorie.value,
            "reintegratiecode": self.reintegratiecode,
            "gericht_op_arbeidsinschakeling": self.gericht_op_arbeidsinschakeling,
            "bron": [b.as_dict() for b in self.bron],
            "uitleg": self.uitleg,
            "code_te_registreren": self.code_te_registreren,
            "dienst_toeslagen_ziet_traject": self.dienst_toeslagen_ziet_traject,
            "individueel_plan_vereist": self.individueel_plan_vereist,
            "voorbeeld": self.voorbeeld,
            "signalen": [s.as_dict() for s in self.signalen],
            "seedbron": [s.as_dict() for s in self.seedbron],
        }


def _bronnen_tekst(bronnen: list[Bron]) -> str:
    return "; ".join(b.kort().removesuffix(f" {b.wet}") + f" {b.titel}" for b in bronnen)


def _uitleg(gemeente: Gemeente, activiteit: Activiteit, catalogus: Catalogus) -> str:
    cat = activiteit.categorie
    te_registreren = code_te_registreren(activiteit)
    zinnen: list[str] = []
    zinnen.append(f"{gemeente.naam} rekent '{activiteit.naam}' tot categorie {cat.value}: {cat.omschrijving}.")
    if cat.geeft_recht:
        zinnen.append(
            "Dat is een voorziening die gericht is op werk. Krijgt u bijstand en doet u hieraan mee? Dan hebt u "
            "recht op kinderopvangtoeslag, als u door deze activiteit kinderopvang nodig hebt."
        )
        if activiteit.individueel_plan_vereist:
            zinnen.append(
                "Dit geldt alleen als uw consulent in een persoonlijk plan opschrijft dat dit een eerste stap naar "
                "werk is."
            )
        zinnen.append(
            "Hebt u een partner? Dan moet uw partner ook werken, studeren, inburgeren of meedoen aan zo'n traject."
        )
        if is_kot_code(activiteit.reintegratiecode):
            zinnen.append(
                f"De gemeente geeft deze activiteit door aan Dienst Toeslagen met code "
                f"{code_naam(activiteit.reintegratiecode)}. Dienst Toeslagen kijkt naar die code."
            )
        else:
            zinnen.append(
                f"Let op: de gemeente geeft deze activiteit nu niet door met een van de zeven codes. Dienst "
                f"Toeslagen ziet dan geen traject en wijst uw aanvraag af. Vraag uw consulent om code "
                f"{code_naam(te_registreren)} door te geven."
            )
    else:
        zinnen.append(
            "Dat is geen voorziening die gericht is op werk. Daarom geeft deze activiteit geen recht op "
            "kinderopvangtoeslag."
        )
        zinnen.append(
            "Vraag uw consulent of er een activiteit is die wel gericht is op werk. Soms kan de consulent in een "
            "persoonlijk plan opschrijven dat een activiteit een eerste stap naar werk is."
        )
        beleid = catalogus.beleid.get(gemeente.cbs_code)
        if beleid is not None and beleid.smi_aangeboden:
            zinnen.append(
                "Kunt u door medische of sociale redenen tijdelijk niet voor uw kind zorgen? Dan kan de gemeente "
                "soms een sociaal-medische indicatie (SMI) geven."
            )
        if is_kot_code(activiteit.reintegratiecode):
            zinnen.append(
                f"Let op: de gemeente geeft deze activiteit toch door met code "
                f"{code_naam(activiteit.reintegratiecode)}. Dienst Toeslagen kan dan denken dat u recht hebt. Krijgt "
                f"u toeslag alleen door deze activiteit? Dan moet u die later misschien terugbetalen. Bespreek dit "
                f"met uw consulent."
            )
    zinnen.append(f"Regels: {_bronnen_tekst([WKO_BIJSTAND_TRAJECT, PW_VOORZIENING])}.")
    if gemeente.voorbeeld:
        zinnen.append(VOORBEELD_WAARSCHUWING)
    return " ".join(zinnen)


CatalogusBron: TypeAlias = Catalogus | Callable[[], Catalogus | None] | None
"""What a caller hands the rules core as the municipal catalogue: a catalogue; a function that gives one, called only
when an activity must be classified (the web app and the API pass one that reads their database at most once per
request); or None. When it is None or gives None, the shipped example data is used (`voorbeeld=True` in the answer)."""


def catalogus_van(bron: CatalogusBron) -> Catalogus:
    """The catalogue a `CatalogusBron` stands for (the shipped example data for None)."""
    cat = bron() if callable(bron) else bron
    return voorbeeldcatalogus() if cat is None else cat


def classificeer(gemeente_code: str, activiteit_code: str, catalogus: CatalogusBron = None) -> Classificatie:
    """Classify an activity of a municipality in `catalogus` (see `CatalogusBron`; without one: the shipped example
    data, and the answer says `voorbeeld=True`).

    Raises `OnbekendeGemeente` or `OnbekendeActiviteit` (both `LookupError`) with a Dutch message naming what is
    unknown.
    """
    cat = catalogus_van(catalogus)
    gemeente = cat.gemeente(gemeente_code)
    activiteit = cat.activiteit(gemeente_code, activiteit_code)
    signalen = controleer_registratie(activiteit, activiteit.reintegratiecode, gemeente=gemeente)
    bron = [WKO_BIJSTAND_TRAJECT, PW_VOORZIENING]
    seed = [S000_CATEGORIEEN, S000_CODES]
    if activiteit.categorie.geeft_recht:
        bron.append(WKO_PARTNER)
    return Classificatie(
        gemeente_code=gemeente.cbs_code,
        gemeente_naam=gemeente.naam,
        activiteit_code=activiteit.code,
        activiteit_naam=activiteit.naam,
        soort=activiteit.soort,
        categorie=activiteit.categorie,
        reintegratiecode=activiteit.reintegratiecode,
        gericht_op_arbeidsinschakeling=activiteit.categorie.geeft_recht,
        bron=bron,
        uitleg=_uitleg(gemeente, activiteit, cat),
        code_te_registreren=code_te_registreren(activiteit),
        dienst_toeslagen_ziet_traject=is_kot_code(activiteit.reintegratiecode),
        individueel_plan_vereist=activiteit.individueel_plan_vereist,
        voorbeeld=gemeente.voorbeeld,
        signalen=signalen,
        seedbron=seed,
    )


def heeft_fouten(classificatie: Classificatie) -> bool:
    """True if the registration makes Dienst Toeslagen see something other than the policy says."""
    return any(s.ernst is Ernst.fout for s in classificatie.signalen)
