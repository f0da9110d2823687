"""Participatiewet art. 9a: ontheffing van de arbeidsplicht for a single parent with a young child, and its
interaction with KOT.

Current text (Participatiewet, consolidations 2021-01-01 and 2025-01-01, shipped in kotwijzer/wetten/data/Pw;
law README §5):
- lid 1: on request, the college grants an alleenstaande ouder who has the volledige zorg for a child "tot vijf
  jaar" an ontheffing of the arbeidsplicht (art. 9 lid 1 onder a);
- lid 2: granted once (eenmalig);
- lid 4: it lasts while the youngest child is under five, and at most five years (minus earlier periods);
- lid 5: it is suspended when the youngest child turns five (or bijstand ends, or on request);
- lid 7: the college draws up a plan van aanpak within six months;
- lid 10: without startkwalificatie the voorziening is at least scholing or opleiding (scholingsplicht);
- lid 11: with startkwalificatie, on request, a BOL-opleiding.
The 2009 WWB text (seed 003, r. 158-181; consolidation 2009-01-01 lid 4) said at most SIX years, with the
scholingsplicht in lid 8 and the opleiding on request in lid 9; both versions are kept as parameters.

The ontheffing itself gives no right to KOT: it is not one of the grounds of Wko art. 1.6 lid 1. Education
(onder j) or a traject gericht op arbeidsinschakeling (onder c) during the ontheffing does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from kotwijzer import formaat
from kotwijzer.municipal.bronnen import (
    PW_VOORZIENING,
    S000_ART_9A,
    S003_ART_9A,
    S003_MBO_OP_VERZOEK,
    S003_PLAN_VAN_AANPAK,
    WKO_BIJSTAND_TRAJECT,
    WKO_STUDIE,
    Seedverwijzing,
)
from kotwijzer.municipal.models import Categorie
from kotwijzer.rules import kalender
from kotwijzer.wetten.bron import Bron, pw

# ---------------------------------------------------------------------------------------------------------------
# versioned parameters
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Art9aVersie:
    """The parameters of one text of art. 9a. `zeker_vanaf`/`zeker_tot` bound the dates for which the text is
    known to apply; the date of the change from six to five years has not been verified."""

    naam: str
    wet: str
    max_jaren: int
    leeftijd_jongste_kind: int
    plan_van_aanpak_maanden: int
    zeker_vanaf: dt.date
    zeker_tot: dt.date | None  # inclusive; None: open (latest text read)
    bron: tuple[Bron, ...]
    seedbron: tuple[Seedverwijzing, ...]
    lid_scholingsplicht: str | None  # None: numbering not verified
    lid_opleiding_op_verzoek: str | None
    toelichting: str = ""


PW_2025 = Art9aVersie(
    naam="Participatiewet, tekst 2021-2025",
    wet="Participatiewet",
    max_jaren=5,
    leeftijd_jongste_kind=5,
    plan_van_aanpak_maanden=6,
    zeker_vanaf=dt.date(2021, 1, 1),
    zeker_tot=None,
    bron=tuple(pw("9a", lid, vanaf=2021) for lid in (1, 2, 4, 5, 7, 10, 11)),
    seedbron=(S000_ART_9A,),
    lid_scholingsplicht="10",
    lid_opleiding_op_verzoek="11",
    toelichting=(
        "Gelijke tekst in de geconsolideerde versies per 2021-01-01 en 2025-01-01 (kotwijzer/wetten/data/Pw; law "
        "README §5). Latere versies zijn niet gelezen."
    ),
)

WWB_2009 = Art9aVersie(
    naam="Wet werk en bijstand, tekst per 1 januari 2009",
    wet="Wet werk en bijstand",
    max_jaren=6,
    leeftijd_jongste_kind=5,
    plan_van_aanpak_maanden=6,
    zeker_vanaf=dt.date(2009, 1, 1),
    zeker_tot=dt.date(2009, 12, 31),
    # the WWB is the same law (BWBR0015703) under its earlier name
    bron=tuple(pw("9a", lid, vanaf=2009, tot=2009) for lid in (1, 2, 4, 5, 7, 8, 9)),
    seedbron=(S003_ART_9A, S003_PLAN_VAN_AANPAK, S003_MBO_OP_VERZOEK),
    lid_scholingsplicht="8",
    lid_opleiding_op_verzoek="9",
    toelichting=(
        "Wet verbetering arbeidsmarktpositie alleenstaande ouders, in werking 1 januari 2009 (seed 003 r. 4-5, "
        "150-152); tekst in de geconsolideerde versie per 2009-01-01 (kotwijzer/wetten/data/Pw/2009-01-01.yaml): "
        "lid 4 'ten hoogste zes jaar', lid 8 scholingsplicht, lid 9 opleiding op verzoek. Versies tussen 2009 en "
        "2021 zijn niet gelezen; wanneer zes jaar vijf jaar werd, is niet nagezocht."
    ),
)

VERSIES: tuple[Art9aVersie, ...] = (WWB_2009, PW_2025)


class OnbekendeVersie(LookupError):
    """No verified text of art. 9a for the date asked."""


def versie_op(datum: dt.date) -> Art9aVersie:
    """The text of art. 9a known to apply on `datum`. Dates between the two verified texts raise
    `OnbekendeVersie`: the date of the change from six to five years was not found, so it is not guessed."""
    for v in VERSIES:
        if v.zeker_vanaf <= datum and (v.zeker_tot is None or datum <= v.zeker_tot):
            return v
    raise OnbekendeVersie(
        f"Voor {datum.isoformat()} is niet nagezocht welke tekst van artikel 9a gold. Bekend zijn de tekst van 2009 "
        f"(hoogstens zes jaar ontheffing) en de tekst vanaf 1 januari 2021 (hoogstens vijf jaar). Kies de versie "
        f"zelf met het argument 'versie'."
    )


# ---------------------------------------------------------------------------------------------------------------
# date helpers
# ---------------------------------------------------------------------------------------------------------------


plus_maanden = kalender.plus_maanden_datum  # one date rule for the whole project
verjaardag = kalender.verjaardag


def _d(datum: dt.date) -> str:
    return formaat.datum(datum)


# ---------------------------------------------------------------------------------------------------------------
# the ontheffing
# ---------------------------------------------------------------------------------------------------------------


class OntheffingFout(ValueError):
    """Invalid input; the Dutch message names the input."""


@dataclass(frozen=True)
class Ontheffing:
    recht: bool
    begin: dt.date | None
    einde: dt.date | None  # last day (inclusive)
    eindreden: str | None  # "jongste kind wordt vijf" or "maximumduur"
    plan_van_aanpak_uiterlijk: dt.date | None
    scholingsplicht: bool
    opleiding_op_verzoek: bool  # with startkwalificatie: a BOL-opleiding on request
    versie: Art9aVersie
    uitleg: str
    bron: tuple[Bron, ...]
    seedbron: tuple[Seedverwijzing, ...]
    dagen_eerder_gebruikt: int = 0

    @property
    def duur_dagen(self) -> int:
        if self.begin is None or self.einde is None:
            return 0
        return (self.einde - self.begin).days + 1


def ontheffing_art9a(
    verzoekdatum: dt.date,
    geboortedatum_jongste_kind: dt.date,
    *,
    heeft_startkwalificatie: bool,
    eerdere_ontheffingen: Sequence[tuple[dt.date, dt.date]] = (),
    later_geboren_kinderen: Sequence[dt.date] = (),
    alleenstaand: bool = True,
    volledige_zorg: bool = True,
    versie: Art9aVersie | None = None,
) -> Ontheffing:
    """The ontheffing of art. 9a Participatiewet for a request on `verzoekdatum`.

    - The ontheffing starts on the request date (simplification: in practice on the date of the decision).
    - It ends the day before the youngest child turns five, and after at most `versie.max_jaren` years.
      Children born during the ontheffing (`later_geboren_kinderen`) become the youngest and extend it, within
      that maximum.
    - It is granted once: with an earlier ontheffing (`eerdere_ontheffingen`, periods with first and last day)
      there is no new one.
    - Plan van aanpak within six months of the request; scholingsplicht without startkwalificatie.
    `versie` defaults to the text known for the request date (see `versie_op`).
    """
    _controleer_data(verzoekdatum, geboortedatum_jongste_kind, eerdere_ontheffingen, later_geboren_kinderen)
    v = versie if versie is not None else versie_op(verzoekdatum)
    bron = v.bron
    gebruikt = sum((tot - van).days + 1 for van, tot in eerdere_ontheffingen)
    vijf = verjaardag(geboortedatum_jongste_kind, v.leeftijd_jongste_kind)
    scholing = not heeft_startkwalificatie

    def geen(reden: str) -> Ontheffing:
        return Ontheffing(
            recht=False,
            begin=None,
            einde=None,
            eindreden=None,
            plan_van_aanpak_uiterlijk=None,
            scholingsplicht=False,
            opleiding_op_verzoek=False,
            versie=v,
            uitleg=reden + f" (artikel 9a {v.wet}).",
            bron=bron,
            seedbron=v.seedbron,
            dagen_eerder_gebruikt=gebruikt,
        )

    if not alleenstaand:
        return geen("U hebt geen recht op deze ontheffing: die is alleen voor een alleenstaande ouder")
    if not volledige_zorg:
        return geen("U hebt geen recht op deze ontheffing: u moet de volledige zorg voor het kind hebben")
    if verzoekdatum >= vijf:
        return geen(
            f"U hebt geen recht op deze ontheffing: uw jongste kind is op {_d(vijf)} vijf jaar geworden. De "
            f"ontheffing is voor ouders met een kind jonger dan vijf jaar"
        )
    if eerdere_ontheffingen:
        return geen(
            f"U hebt al eerder een ontheffing gehad ({gebruikt} dagen). De ontheffing wordt maar één keer gegeven"
        )

    # the youngest child: a child born later (during the ontheffing) takes over
    maximum_einde = verjaardag(verzoekdatum, v.max_jaren) - dt.timedelta(days=1)
    einde_kind = vijf - dt.timedelta(days=1)
    for geboren in sorted(later_geboren_kinderen):
        if geboren <= einde_kind:  # born while the ontheffing runs
            einde_kind = max(einde_kind, verjaardag(geboren, v.leeftijd_jongste_kind) - dt.timedelta(days=1))
    if einde_kind <= maximum_einde:
        einde, reden = einde_kind, "jongste kind wordt vijf"
    else:
        einde, reden = maximum_einde, "maximumduur"
    plan = plus_maanden(verzoekdatum, v.plan_van_aanpak_maanden)
    return Ontheffing(
        recht=True,
        begin=verzoekdatum,
        einde=einde,
        eindreden=reden,
        plan_van_aanpak_uiterlijk=plan,
        scholingsplicht=scholing,
        opleiding_op_verzoek=not scholing,
        versie=v,
        uitleg=_uitleg_toegekend(v, verzoekdatum, einde, reden, plan, scholing),
        bron=bron,
        seedbron=v.seedbron,
        dagen_eerder_gebruikt=gebruikt,
    )


def _controleer_data(
    verzoekdatum: dt.date,
    geboortedatum_jongste_kind: dt.date,
    eerdere_ontheffingen: Sequence[tuple[dt.date, dt.date]],
    later_geboren_kinderen: Sequence[dt.date],
) -> None:
    """Dates that cannot be right raise `OntheffingFout` naming the field."""
    if geboortedatum_jongste_kind > verzoekdatum:
        raise OntheffingFout("'geboortedatum_jongste_kind' ligt na de 'verzoekdatum'")
    for i, (van, tot) in enumerate(eerdere_ontheffingen):
        if tot < van:
            raise OntheffingFout(f"'eerdere_ontheffingen[{i}]': de einddatum ligt voor de begindatum")
        if van > verzoekdatum:
            raise OntheffingFout(f"'eerdere_ontheffingen[{i}]': de begindatum ligt na de 'verzoekdatum'")
    for i, geboren in enumerate(later_geboren_kinderen):
        if geboren < geboortedatum_jongste_kind:
            raise OntheffingFout(
                f"'later_geboren_kinderen[{i}]' is ouder dan het jongste kind ('geboortedatum_jongste_kind')"
            )


def _uitleg_toegekend(
    v: Art9aVersie, verzoekdatum: dt.date, einde: dt.date, reden: str, plan: dt.date, scholing: bool
) -> str:
    """The explanation of a granted ontheffing, in Dutch (B1)."""
    zinnen = [
        f"U krijgt op uw verzoek ontheffing van de plicht om werk te zoeken en te aanvaarden, van {_d(verzoekdatum)} "
        f"tot en met {_d(einde)}."
    ]
    if reden == "jongste kind wordt vijf":
        zinnen.append(f"De ontheffing stopt als uw jongste kind vijf jaar wordt ({_d(einde + dt.timedelta(days=1))}).")
    else:
        zinnen.append(f"De ontheffing duurt hoogstens {v.max_jaren} jaar.")
    zinnen.append("U krijgt deze ontheffing maar één keer.")
    zinnen.append(f"De gemeente maakt uiterlijk {_d(plan)} samen met u een plan van aanpak.")
    if scholing:
        zinnen.append(
            "U hebt geen startkwalificatie. Daarom moet u in deze tijd een opleiding of scholing volgen die helpt "
            "om later werk te vinden (scholingsplicht)."
        )
    else:
        zinnen.append("U hebt een startkwalificatie. U mag de gemeente vragen om een beroepsopleiding (BOL) te volgen.")
    zinnen.append(
        "Let op: de ontheffing alleen geeft geen recht op kinderopvangtoeslag. Volgt u een opleiding of een traject "
        "gericht op werk? Dan kan dat wel recht geven."
    )
    zinnen.append(f"Regels: artikel 9a {v.naam}.")
    return " ".join(zinnen)


# ---------------------------------------------------------------------------------------------------------------
# KOT during the ontheffing
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KotTijdensOntheffing:
    recht_op_kot: bool
    onderdelen: tuple[str, ...]  # onderdelen of Wko art. 1.6 lid 1 that give the right ("c", "j")
    uitleg: str
    bron: list[Bron] = field(default_factory=list)


def kot_tijdens_ontheffing(
    *,
    ontheffing: bool = True,
    opleiding_onderdeel_j: bool = False,
    traject_categorie: Categorie | str | None = None,
) -> KotTijdensOntheffing:
    """What an art. 9a ontheffing means for KOT.

    - The ontheffing alone gives no right to KOT: it is not a ground of Wko art. 1.6 lid 1.
    - Enrolment in an education listed in Wko art. 1.6 lid 1 onder j gives a right (`opleiding_onderdeel_j`).
    - A traject in categorie A or B (a voorziening gericht op arbeidsinschakeling, Wko art. 1.6 lid 1 onder c)
      gives a right (`traject_categorie`, e.g. `classificeer(...).categorie`).
    The scholingsplicht is met by education; whether that education also counts for KOT depends on j or c.
    """
    categorie = Categorie(traject_categorie) if traject_categorie is not None else None
    onderdelen: list[str] = []
    bron: list[Bron] = [pw("9a", 1)]
    if opleiding_onderdeel_j:
        onderdelen.append("j")
        bron.append(WKO_STUDIE)
    if categorie is not None and categorie.geeft_recht:
        onderdelen.append("c")
        bron.extend([WKO_BIJSTAND_TRAJECT, PW_VOORZIENING])
    zinnen: list[str] = []
    if ontheffing:
        zinnen.append(
            "U hebt ontheffing van de plicht om werk te zoeken. Die ontheffing alleen geeft geen recht op "
            "kinderopvangtoeslag."
        )
    if "j" in onderdelen:
        zinnen.append(
            "U staat ingeschreven voor een opleiding die de Wet kinderopvang noemt (artikel 1.6 lid 1 onder j). "
            "Daardoor hebt u wel recht op kinderopvangtoeslag."
        )
    if "c" in onderdelen:
        zinnen.append(
            f"U doet mee aan een traject gericht op werk (categorie {categorie.value}) terwijl u bijstand krijgt "  # type: ignore[union-attr]
            "(artikel 1.6 lid 1 onder c Wet kinderopvang). Daardoor hebt u wel recht op kinderopvangtoeslag, als "
            "het traject kinderopvang nodig maakt."
        )
    elif categorie is Categorie.C:
        zinnen.append(
            "Uw activiteit is niet gericht op werk (categorie C). Die geeft geen recht op kinderopvangtoeslag."
        )
    if not onderdelen:
        zinnen.append(
            "Wilt u kinderopvangtoeslag? Dat kan als u een erkende opleiding volgt of meedoet aan een traject "
            "gericht op werk. Bespreek dit met uw consulent, bijvoorbeeld bij het plan van aanpak."
        )
    return KotTijdensOntheffing(
        recht_op_kot=bool(onderdelen), onderdelen=tuple(onderdelen), uitleg=" ".join(zinnen), bron=bron
    )
