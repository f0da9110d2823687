"""What Dienst Toeslagen will see: does the registration in the Re-integratiebericht match the policy?

Dienst Toeslagen does not read a municipality's policy. It asks the Inlichtingenbureau whether one of seven
codes is registered for the parent (seed 000 §2.2, r. 672-699). So what counts in practice is the code:

(a) an activity in categorie A or B registered under a code that is not one of the seven: the parent is refused
    although the municipality's policy says yes;
(b) an activity in categorie C registered under one of the seven: a right on paper, and a risk that the KOT is
    later reclaimed (terugvordering) because the activity is not a voorziening gericht op arbeidsinschakeling;
(c) an activity that is not registered at all: for A and B the same effect as (a); for C no effect on KOT.

Each `Signaal` has a severity, a Dutch explanation and the code to register.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from kotwijzer.municipal.bronnen import (
    PW_VOORZIENING,
    S000_CODES,
    S000_TABEL1,
    S000_VRIJWILLIGERSWERK_C,
    WKO_BIJSTAND_TRAJECT,
    Seedverwijzing,
)
from kotwijzer.municipal.codes import KOT_CODES, code_naam, is_kot_code, voorgestelde_code
from kotwijzer.municipal.models import Activiteit, Catalogus, Gemeente
from kotwijzer.wetten.bron import Bron


class Ernst(StrEnum):
    fout = "fout"  # the parent gets a wrong answer from Dienst Toeslagen
    waarschuwing = "waarschuwing"  # the answer is right, but the registration does not match the policy
    opmerking = "opmerking"  # no effect on KOT


class Signaalsoort(StrEnum):
    ab_zonder_kot_code = "ab_zonder_kot_code"  # (a)
    c_met_kot_code = "c_met_kot_code"  # (b)
    niet_geregistreerd = "niet_geregistreerd"  # (c)
    andere_code_dan_beleid = "andere_code_dan_beleid"
    code_past_niet_bij_categorie = "code_past_niet_bij_categorie"


@dataclass(frozen=True, slots=True)
class Signaal:
    soort: Signaalsoort
    ernst: Ernst
    uitleg: str
    code_te_registreren: int | None  # None: register under none of the seven codes
    geregistreerde_code: int | None
    activiteit_code: str
    gemeente_code: str | None = None
    bron: tuple[Bron, ...] = (WKO_BIJSTAND_TRAJECT, PW_VOORZIENING)
    seedbron: tuple[Seedverwijzing, ...] = field(default=(S000_CODES,))

    def as_dict(self) -> dict[str, object]:
        return {
            "soort": self.soort.value,
            "ernst": self.ernst.value,
            "uitleg": self.uitleg,
            "code_te_registreren": self.code_te_registreren,
            "geregistreerde_code": self.geregistreerde_code,
            "activiteit_code": self.activiteit_code,
            "gemeente_code": self.gemeente_code,
            "bron": [b.kort() for b in self.bron],
            "seedbron": [s.kort() for s in self.seedbron],
        }


def code_te_registreren(activiteit: Activiteit) -> int | None:
    """The code the municipality should register: its own choice if that is one of the seven codes that fits,
    otherwise the suggestion for this kind of activity; None for categorie C."""
    if not activiteit.categorie.geeft_recht:
        return None
    eigen = activiteit.reintegratiecode
    if is_kot_code(eigen) and activiteit.categorie in KOT_CODES[eigen].categorieen:  # type: ignore[index]
        return eigen
    return voorgestelde_code(activiteit.soort, activiteit.categorie)


def controleer_registratie(
    activiteit: Activiteit, geregistreerde_code: int | None, *, gemeente: Gemeente | str | None = None
) -> list[Signaal]:
    """Compare the policy (the activity's category) with the code actually registered for it.

    Returns an empty list when Dienst Toeslagen will see what the policy says.
    """
    gemeente_code = gemeente.cbs_code if isinstance(gemeente, Gemeente) else gemeente
    naam = f"'{activiteit.naam}'"
    cat = activiteit.categorie
    te_registreren = code_te_registreren(activiteit)
    signalen: list[Signaal] = []

    def signaal(soort: Signaalsoort, ernst: Ernst, uitleg: str, *seed: Seedverwijzing) -> None:
        signalen.append(
            Signaal(
                soort=soort,
                ernst=ernst,
                uitleg=uitleg,
                code_te_registreren=te_registreren,
                geregistreerde_code=geregistreerde_code,
                activiteit_code=activiteit.code,
                gemeente_code=gemeente_code,
                seedbron=(S000_CODES, *seed),
            )
        )

    if cat.geeft_recht:
        advies = f"Registreer code {code_naam(te_registreren)}."
        if geregistreerde_code is None:
            signaal(
                Signaalsoort.niet_geregistreerd,
                Ernst.fout,
                f"{naam} geeft volgens het beleid recht op kinderopvangtoeslag (categorie {cat.value}). Maar de "
                f"activiteit staat niet in het Re-integratiebericht. Dienst Toeslagen ziet dan geen traject en wijst "
                f"de aanvraag af. {advies}",
            )
        elif not is_kot_code(geregistreerde_code):
            signaal(
                Signaalsoort.ab_zonder_kot_code,
                Ernst.fout,
                f"{naam} geeft volgens het beleid recht op kinderopvangtoeslag (categorie {cat.value}). Maar de "
                f"activiteit staat geregistreerd onder code {code_naam(geregistreerde_code)}. Dienst Toeslagen kijkt "
                f"alleen naar de zeven codes en wijst de aanvraag dan af. {advies}",
            )
        else:
            past = KOT_CODES[geregistreerde_code].categorieen
            if cat not in past:
                signaal(
                    Signaalsoort.code_past_niet_bij_categorie,
                    Ernst.waarschuwing,
                    f"{naam} is categorie {cat.value}, maar staat onder code {code_naam(geregistreerde_code)}. Die "
                    f"code hoort bij categorie {KOT_CODES[geregistreerde_code].categorie_tekst}. Dienst Toeslagen ziet "
                    f"wel een recht, maar de registratie past niet bij de activiteit. {advies}",
                    S000_TABEL1,
                )
            elif activiteit.reintegratiecode is not None and geregistreerde_code != activiteit.reintegratiecode:
                signaal(
                    Signaalsoort.andere_code_dan_beleid,
                    Ernst.opmerking,
                    f"{naam} staat onder code {code_naam(geregistreerde_code)}, maar in de catalogus staat code "
                    f"{code_naam(activiteit.reintegratiecode)}. Voor de kinderopvangtoeslag maakt dat niet uit: beide "
                    f"codes horen bij de zeven. Maak de registratie wel gelijk aan het beleid.",
                )
    else:
        if is_kot_code(geregistreerde_code):
            signaal(
                Signaalsoort.c_met_kot_code,
                Ernst.fout,
                f"{naam} is volgens het beleid niet gericht op werk (categorie C). Toch staat de activiteit onder code "
                f"{code_naam(geregistreerde_code)}, een van de zeven codes. Dienst Toeslagen ziet dan een recht op "
                f"kinderopvangtoeslag dat er volgens het beleid niet is. De ouder loopt het risico dat de toeslag "
                f"later wordt teruggevorderd. Registreer de activiteit niet onder een van de zeven codes, of maak er "
                f"een traject van dat wel gericht is op werk.",
                S000_VRIJWILLIGERSWERK_C,
            )
        elif geregistreerde_code is None:
            signaal(
                Signaalsoort.niet_geregistreerd,
                Ernst.opmerking,
                f"{naam} staat niet in het Re-integratiebericht. Voor de kinderopvangtoeslag maakt dat niet uit: "
                f"categorie C geeft geen recht.",
            )
    return signalen


def controleer_catalogus(
    catalogus: Catalogus,
    registraties: Mapping[tuple[str, str], int | None] | None = None,
    *,
    gemeente: str | None = None,
) -> list[Signaal]:
    """Check every activity of the catalogus (or of one municipality).

    `registraties` maps (cbs_code, activiteit_code) to the code actually registered; an activity missing from
    it counts as not registered. Without `registraties` the code in the catalogus is taken as what is registered.
    """
    if registraties is not None:
        for gemeente_code, activiteit_code in registraties:
            # raises OnbekendeGemeente / OnbekendeActiviteit for keys that are not in the catalogus
            catalogus.activiteit(gemeente_code, activiteit_code)
    signalen: list[Signaal] = []
    gemeenten = [catalogus.gemeente(gemeente)] if gemeente is not None else catalogus.gemeenten
    for g in gemeenten:
        for a in catalogus.activiteiten.get(g.cbs_code, []):
            code = a.reintegratiecode if registraties is None else registraties.get((g.cbs_code, a.code))
            signalen.extend(controleer_registratie(a, code, gemeente=g))
    return signalen
