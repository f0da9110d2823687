"""'Wat moet u nu doen': the steps and documents for this family's route, and warnings about what is coming.

Routes follow the seeds: for a Wlz partner the portal's voorwaardencheck answers "no right" and the application goes
through the BelastingTelefoon with the CIZ indicatiebesluit (seed 001, steps 1-12); for a bijstand parent the
municipality must register the traject with a re-integration code that Dienst Toeslagen recognises (seed 000 §2.2).

Every text is a message id of the translation catalogue and is written in the language of the moment
(`kotwijzer.i18n.taal()`: Dutch, or English on an English page of the parent flow); a sentence with values is a template
with named fields (`_("... {kind} ...").format(kind=...)`). The warnings of the calculation (`r.waarschuwingen`) are the
core's sentences: they are translated where they are shown (`kotwijzer.web.kerntekst`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kotwijzer import i18n
from kotwijzer.i18n import N_, _
from kotwijzer.model import Huishouden, Resultaat
from kotwijzer.rules import kalender

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron

REINTEGRATIECODES = "22, 23, 29, 30, 40, 42 of 43"

# the situations whose end is announced, named as the steps have always named them in Dutch
_SITUATIE_EINDIGT = {
    "bijstand_traject": N_("bijstand traject"),
    "werkzoekende_traject": N_("werkzoekende traject"),
    "studie": N_("studie"),
    "inburgering": N_("inburgering"),
    "detentie": N_("detentie"),
    "wlz_tijdelijk": N_("wlz tijdelijk"),
}


@dataclass
class Stap:
    titel: str
    tekst: str
    documenten: list[str] = field(default_factory=list)
    soort: str = "stap"  # stap | waarschuwing


def _classificaties(perioden, catalogus: CatalogusBron) -> list:
    from kotwijzer.municipal.classificatie import classificeer

    return [
        classificeer(p.gemeente_code, p.activiteit, catalogus) for p in perioden if p.activiteit and p.gemeente_code
    ]


def _datum(d) -> str:
    from kotwijzer.explain.uitleg import datum

    return datum(d)


def _kind(k, i: int) -> str:
    """The child's name as the parent typed it, else 'Kind 1' (in the language of the page; so is a name that is
    only the form's own 'Kind 2' or 'kind 2')."""
    import re

    m = re.fullmatch(r"([Kk])ind (\d+)", k.label or "")
    if m and i18n.taal() != i18n.STANDAARD:
        return _("Kind {n}").format(n=m[2]) if m[1] == "K" else _("kind {n}").format(n=m[2])
    return k.label or _("Kind {n}").format(n=i + 1)


def _maand(jjjj_mm: str) -> str:
    """'2026-09' as a reader says it: 'september 2026' in Dutch, 'September 2026' in English."""
    jaar, _sep, maand = jjjj_mm.partition("-")
    return f"{i18n.maandnaam(int(maand))} {jaar}" if maand.isdigit() and 1 <= int(maand) <= 12 else jjjj_mm


def _stappen_uitzondering(redenen: set) -> list[Stap]:
    """The application steps of an exception the portal does not know (a partner with a Wlz indication or in
    detention): apply by phone and by post, with the documents that prove the exception."""
    out: list[Stap] = []
    if "partner_wlz" in redenen:
        out += [
            Stap(
                _("Vraag aan via de BelastingTelefoon"),
                _(
                    "Het aanvraagportaal Mijn toeslagen zegt 'geen recht', omdat één ouder niet werkt. Dat klopt niet "
                    "bij een Wlz-indicatie. Bel de BelastingTelefoon en zeg dat uw partner een Wlz-indicatie heeft. U "
                    "wordt doorverbonden met het Belcentrum."
                ),
                [_("Het indicatiebesluit van het CIZ (Centrum Indicatiestelling Zorg)")],
            ),
            Stap(
                _("Stuur de formulieren terug"),
                _(
                    "U krijgt een bevestigingsbrief en twee formulieren per post: een aanvraagformulier en een "
                    "formulier over de opvang. Vul ze in, onderteken ze (het aanvraagformulier samen met uw partner) en "
                    "stuur ze op naar Dienst Toeslagen. Binnen 5 weken krijgt u bericht in de Berichtenbox van "
                    "MijnOverheid."
                ),
                [
                    _("Contract met de opvang (LRK-nummer, soort opvang, uren per maand, uurprijs)"),
                    _("Inkomen van u en uw partner"),
                ],
            ),
        ]
    if "partner_detentie" in redenen:
        out.append(
            Stap(
                _("Vraag aan en meld de detentie"),
                _(
                    "Het aanvraagportaal kent de uitzondering voor detentie niet goed. Bel de BelastingTelefoon en zeg dat "
                    "uw partner langer dan drie maanden een vrijheidsstraf of maatregel ondergaat."
                ),
                [
                    _("Bewijs van de straf of maatregel met begin- en einddatum (bijvoorbeeld een detentieverklaring)"),
                    _("Contract met de opvang"),
                ],
            )
        )
    return out


def _stap_traject_registreren(bijstand: list, catalogus: CatalogusBron) -> Stap:
    """For a parent on a bijstand traject: have the municipality register it with a re-integration code, the codes of
    the named activities from the municipal `catalogus` when it knows them, else the codes Dienst Toeslagen accepts."""
    codes = sorted(
        {
            kl.code_te_registreren
            for kl in _classificaties(bijstand, catalogus)
            if kl.gericht_op_arbeidsinschakeling and kl.code_te_registreren
        }
    )
    welke = (
        _("met code {codes}").format(codes=", ".join(str(c) for c in codes))
        if codes
        else _("met code {codes} of {laatste}").format(
            codes=REINTEGRATIECODES.rsplit(" of ", 1)[0], laatste=REINTEGRATIECODES.rsplit(" of ", 1)[1]
        )
    )
    return Stap(
        _("Laat de gemeente uw traject registreren"),
        _(
            "Dienst Toeslagen controleert bij het Inlichtingenbureau of uw gemeente een traject naar werk heeft "
            "geregistreerd, {welke}. Vraag uw consulent welke code is geregistreerd en vanaf welke datum. Zonder "
            "goede registratie kan de toeslag worden geweigerd of teruggevorderd."
        ).format(welke=welke),
        [_("Uw plan van aanpak of trajectafspraken met de gemeente")],
    )


def _stappen_gemeente(h: Huishouden, redenen: set, recht: bool, catalogus: CatalogusBron) -> list[Stap]:
    """The steps that go through the municipality: registering a bijstand traject, asking for a traject or a
    contribution when the activity does not count, and asking for help when the exception does not apply."""
    out: list[Stap] = []
    bijstand = [p for o in (h.aanvrager, h.partner) if o for p in o.situaties if p.situatie == "bijstand_traject"]
    if bijstand and recht:
        out.append(_stap_traject_registreren(bijstand, catalogus))
    if "bijstand_zonder_voorziening" in redenen:
        out.append(
            Stap(
                _("Vraag de gemeente naar een traject of een tegemoetkoming"),
                _(
                    "Uw activiteit telt nu niet als traject naar werk (categorie C). Vraag uw consulent of de activiteit "
                    "deel kan worden van een plan gericht op werk (categorie B). Vraag ook naar een tegemoetkoming van de "
                    "gemeente in de kosten van kinderopvang (sociaal-medische indicatie)."
                ),
                [],
            )
        )
    if {"alleenstaand_wlz", "beiden_uitzondering", "alleenstaand_detentie"} & redenen:
        out.append(
            Stap(
                _("Vraag de gemeente om hulp"),
                _(
                    "Voor uw gezin geldt de uitzondering niet. De gemeente kan helpen met een tegemoetkoming in de kosten "
                    "van kinderopvang als er een sociaal-medische indicatie is."
                ),
                [],
            )
        )
    return out


def _stappen_verleden(r: Resultaat) -> list[Stap]:
    """For a past year with a right: check the assessment (definitieve berekening), object in time, and say that an
    application for that year is now too late when months were lost."""
    out = [
        Stap(
            _("Controleer de definitieve berekening"),
            _(
                "Na afloop van {jaar} stelt Dienst Toeslagen de toeslag definitief vast. Vergelijk die brief (of de brief "
                "over het voorschot) met deze uitkomst: kies 'Brief van Dienst Toeslagen controleren'. Daar ziet u per "
                "kind en per periode wat de wet geeft en welke regel een verschil veroorzaakt."
            ).format(jaar=r.berekeningsjaar),
            [
                _("De brief van Dienst Toeslagen (definitieve berekening of voorschot)"),
                _("De jaaropgave van de kinderopvang over {jaar}").format(jaar=r.berekeningsjaar),
            ],
        ),
        Stap(
            _("Maak op tijd bezwaar als de brief niet klopt"),
            _(
                "U kunt bezwaar maken binnen zes weken na de datum van de brief (art. 6:7 en 6:8 Algemene wet "
                "bestuursrecht). kotwijzer rekent de laatste dag voor u uit en maakt een concept-bezwaarschrift met de "
                "verschillen die het vindt."
            ),
            [
                _("Een kopie van de brief"),
                _("Bewijs van wat volgens u anders is (jaaropgave, contract, loonstroken)"),
            ],
        ),
    ]
    if r.verloren_maanden:
        out.append(
            Stap(
                _("Nog niet aangevraagd?"),
                _(
                    "Een aanvraag werkt maar drie maanden terug (art. 1.3 lid 2 onder b Wko). Voor de maanden van {jaar} "
                    "is een aanvraag nu te laat."
                ).format(jaar=r.berekeningsjaar),
                [],
            )
        )
    return out


def _stap_aanvragen(h: Huishouden, r: Resultaat, vandaag) -> Stap:
    """For the current or next year: apply through Mijn toeslagen in time (the core's application deadline when no
    month is lost yet), with the contract and the income estimate of the parents who count."""
    termijn = (
        " " + _("Om geen maand te missen: uiterlijk {datum}.").format(datum=_datum(r.aanvragen_uiterlijk))
        if r.aanvragen_uiterlijk and not r.verloren_maanden
        else ""
    )
    if r.berekeningsjaar > vandaag.year:
        titel = _("Vraag de toeslag voor {jaar} aan").format(jaar=r.berekeningsjaar)
        tekst = (
            _(
                "Vraag kinderopvangtoeslag voor {jaar} aan via Mijn toeslagen zodra u het contract met de opvang "
                "heeft. Doe het uiterlijk 3 maanden na de maand waarin de opvang begint: een latere aanvraag "
                "werkt maar 3 maanden terug (art. 1.3 lid 2 onder b Wko)."
            ).format(jaar=r.berekeningsjaar)
            + termijn
        )
    else:
        titel = _("Vraag de toeslag op tijd aan")
        tekst = (
            _(
                "Vraag kinderopvangtoeslag aan via Mijn toeslagen, uiterlijk 3 maanden na de maand waarin de "
                "opvang begint. Een latere aanvraag werkt maar 3 maanden terug (art. 1.3 lid 2 onder b "
                "Wko)."
            )
            + termijn
        )
    inkomen_doc = (
        _("Schatting van het inkomen van u en uw partner")
        if h.partner is not None and not h.partner_is_bloedverwant
        else _("Schatting van uw inkomen")
    )
    return Stap(titel, tekst, [_("Contract met de opvang (LRK-nummer, uren, uurprijs)"), inkomen_doc])


def _waarschuwingen(h: Huishouden, r: Resultaat) -> list[Stap]:
    """Warnings about what is coming: the calculation's own warnings (translated where they are shown), a child going
    to secondary school or turning 4 this year, and a situation of a parent that ends this year."""
    let_op = _("Let op")
    out = [Stap(let_op, w, [], "waarschuwing") for w in r.waarschuwingen]
    jaar = r.berekeningsjaar
    for i, k in enumerate(h.kinderen):
        if k.start_voortgezet_onderwijs and k.start_voortgezet_onderwijs.startswith(str(jaar)):
            out.append(
                Stap(
                    let_op,
                    _(
                        "{kind} gaat in {maand} naar het voortgezet onderwijs. Vanaf die maand is er geen "
                        "toeslag meer voor dit kind."
                    ).format(kind=_kind(k, i), maand=_maand(k.start_voortgezet_onderwijs)),
                    [],
                    "waarschuwing",
                )
            )
        if kalender.vierde_verjaardag(k.geboortedatum).year == jaar:
            out.append(
                Stap(
                    let_op,
                    _(
                        "{kind} wordt dit jaar 4 en gaat naar de basisschool. Dagopvang wordt dan vaak "
                        "buitenschoolse opvang, met een andere maximum uurprijs."
                    ).format(kind=_kind(k, i)),
                    [],
                    "waarschuwing",
                )
            )
    for o, partner in ((h.aanvrager, False), (h.partner, True)):
        if o is None:
            continue
        for p in o.situaties:
            if p.tot and p.tot.year == jaar and p.situatie in _SITUATIE_EINDIGT:
                situatie = _(_SITUATIE_EINDIGT[p.situatie.value])
                einde = i18n.datum(p.tot)
                sjabloon = (
                    _(
                        "De situatie '{situatie}' van uw partner eindigt op {datum}. Daarna kan het recht "
                        "stoppen. Geef dit door."
                    )
                    if partner
                    else _("Uw situatie '{situatie}' eindigt op {datum}. Daarna kan het recht stoppen. Geef dit door.")
                )
                out.append(Stap(let_op, sjabloon.format(situatie=situatie, datum=einde), [], "waarschuwing"))
    return out


def stappen(h: Huishouden, r: Resultaat, vandaag=None, catalogus: CatalogusBron = None) -> list[Stap]:
    """The steps for this family. Which steps depend on the year against today's date: for a past year, checking the
    assessment (definitieve berekening) and the bezwaar deadline; for the current year, the application deadline; for
    next year, when to apply. The registration code of a named activity comes from the municipal `catalogus` the
    result was computed with (None: the shipped example data)."""
    import datetime as dt

    vandaag = vandaag or dt.date.today()
    redenen = {m.reden for m in r.maanden}
    recht = any(m.aanspraak for m in r.maanden)
    out = _stappen_uitzondering(redenen) + _stappen_gemeente(h, redenen, recht, catalogus)
    verleden = r.berekeningsjaar < vandaag.year
    if recht and verleden:
        out += _stappen_verleden(r)
    elif recht and not ({"partner_wlz", "partner_detentie"} & redenen):
        out.append(_stap_aanvragen(h, r, vandaag))
    if recht and not verleden:
        out.append(
            Stap(
                _("Geef wijzigingen snel door"),
                _(
                    "Geef veranderingen in werk, traject, inkomen, uren of uurprijs binnen 4 weken door. Dan voorkomt u dat "
                    "u achteraf moet terugbetalen."
                ),
                [],
            )
        )
    return out + _waarschuwingen(h, r)
