"""'Wat moet u nu doen': the steps and documents for this family's route, and warnings about what is coming.

Routes follow the seeds: for a Wlz partner the portal's voorwaardencheck answers "no right" and the application goes
through the BelastingTelefoon with the CIZ indicatiebesluit (seed 001, steps 1-12); for a bijstand parent the
municipality must register the traject with a re-integration code that Dienst Toeslagen recognises (seed 000 §2.2).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kotwijzer.model import Huishouden, Resultaat
from kotwijzer.rules import kalender

REINTEGRATIECODES = "22, 23, 29, 30, 40, 42 of 43"


@dataclass
class Stap:
    titel: str
    tekst: str
    documenten: list[str] = field(default_factory=list)
    soort: str = "stap"  # stap | waarschuwing


def _classificaties(perioden) -> list:
    from kotwijzer.municipal.classificatie import classificeer

    return [classificeer(p.gemeente_code, p.activiteit) for p in perioden if p.activiteit and p.gemeente_code]


def _datum(d) -> str:
    from kotwijzer.explain.uitleg import datum

    return datum(d)


def stappen(h: Huishouden, r: Resultaat, vandaag=None) -> list[Stap]:
    """The steps for this family. Which steps depend on the year against today's date: for a past year, checking the
    assessment (definitieve berekening) and the bezwaar deadline; for the current year, the application deadline; for
    next year, when to apply."""
    import datetime as dt

    vandaag = vandaag or dt.date.today()
    redenen = {m.reden for m in r.maanden}
    out: list[Stap] = []
    recht = any(m.aanspraak for m in r.maanden)
    if "partner_wlz" in redenen:
        out += [
            Stap("Vraag aan via de BelastingTelefoon",
                 "Het aanvraagportaal Mijn toeslagen zegt 'geen recht', omdat één ouder niet werkt. Dat klopt niet bij "
                 "een Wlz-indicatie. Bel de BelastingTelefoon en zeg dat uw partner een Wlz-indicatie heeft. U wordt "
                 "doorverbonden met het Belcentrum.",
                 ["Het indicatiebesluit van het CIZ (Centrum Indicatiestelling Zorg)"]),
            Stap("Stuur de formulieren terug",
                 "U krijgt een bevestigingsbrief en twee formulieren per post: een aanvraagformulier en een formulier "
                 "over de opvang. Vul ze in, onderteken ze (het aanvraagformulier samen met uw partner) en stuur ze op "
                 "naar Dienst Toeslagen. Binnen 5 weken krijgt u bericht in de Berichtenbox van MijnOverheid.",
                 ["Contract met de opvang (LRK-nummer, soort opvang, uren per maand, uurprijs)",
                  "Inkomen van u en uw partner"]),
        ]
    if "partner_detentie" in redenen:
        out.append(Stap(
            "Vraag aan en meld de detentie",
            "Het aanvraagportaal kent de uitzondering voor detentie niet goed. Bel de BelastingTelefoon en zeg dat uw "
            "partner langer dan drie maanden een vrijheidsstraf of maatregel ondergaat.",
            ["Bewijs van de straf of maatregel met begin- en einddatum (bijvoorbeeld een detentieverklaring)",
             "Contract met de opvang"]))
    bijstand = [p for o in (h.aanvrager, h.partner) if o for p in o.situaties if p.situatie == "bijstand_traject"]
    if bijstand and any(m.aanspraak for m in r.maanden):
        codes = sorted({kl.code_te_registreren for kl in _classificaties(bijstand)
                        if kl.gericht_op_arbeidsinschakeling and kl.code_te_registreren})
        welke = (f"met code {', '.join(str(c) for c in codes)}" if codes else f"met code {REINTEGRATIECODES}")
        out.append(Stap(
            "Laat de gemeente uw traject registreren",
            "Dienst Toeslagen controleert bij het Inlichtingenbureau of uw gemeente een traject naar werk heeft "
            f"geregistreerd, {welke}. Vraag uw consulent welke code is geregistreerd en vanaf welke datum. Zonder "
            "goede registratie kan de toeslag worden geweigerd of teruggevorderd.",
            ["Uw plan van aanpak of trajectafspraken met de gemeente"]))
    if "bijstand_zonder_voorziening" in redenen:
        out.append(Stap(
            "Vraag de gemeente naar een traject of een tegemoetkoming",
            "Uw activiteit telt nu niet als traject naar werk (categorie C). Vraag uw consulent of de activiteit deel "
            "kan worden van een plan gericht op werk (categorie B). Vraag ook naar een tegemoetkoming van de gemeente "
            "in de kosten van kinderopvang (sociaal-medische indicatie).",
            []))
    if {"alleenstaand_wlz", "beiden_uitzondering", "alleenstaand_detentie"} & redenen:
        out.append(Stap(
            "Vraag de gemeente om hulp",
            "Voor uw gezin geldt de uitzondering niet. De gemeente kan helpen met een tegemoetkoming in de kosten van "
            "kinderopvang als er een sociaal-medische indicatie is.",
            []))
    inkomen_doc = ("Schatting van het inkomen van u en uw partner" if h.partner is not None and not h.partner_is_bloedverwant
                   else "Schatting van uw inkomen")
    verleden = r.berekeningsjaar < vandaag.year
    if recht and verleden:
        out.append(Stap(
            "Controleer de definitieve berekening",
            f"Na afloop van {r.berekeningsjaar} stelt Dienst Toeslagen de toeslag definitief vast. Vergelijk die brief "
            "(of de brief over het voorschot) met deze uitkomst: kies 'Brief van Dienst Toeslagen controleren'. "
            "Daar ziet u per kind en per periode wat de wet geeft en welke regel een verschil veroorzaakt.",
            ["De brief van Dienst Toeslagen (definitieve berekening of voorschot)",
             f"De jaaropgave van de kinderopvang over {r.berekeningsjaar}"]))
        out.append(Stap(
            "Maak op tijd bezwaar als de brief niet klopt",
            "U kunt bezwaar maken binnen zes weken na de datum van de brief (art. 6:7 en 6:8 Algemene wet "
            "bestuursrecht). kotwijzer rekent de laatste dag voor u uit en maakt een concept-bezwaarschrift met de "
            "verschillen die het vindt.",
            ["Een kopie van de brief", "Bewijs van wat volgens u anders is (jaaropgave, contract, loonstroken)"]))
        if r.verloren_maanden:
            out.append(Stap(
                "Nog niet aangevraagd?",
                "Een aanvraag werkt maar drie maanden terug (art. 1.3 lid 2 onder b Wko). Voor de maanden van "
                f"{r.berekeningsjaar} is een aanvraag nu te laat.", []))
    elif recht and not ({"partner_wlz", "partner_detentie"} & redenen):
        termijn = (f" Om geen maand te missen: uiterlijk {_datum(r.aanvragen_uiterlijk)}."
                   if r.aanvragen_uiterlijk and not r.verloren_maanden else "")
        if r.berekeningsjaar > vandaag.year:
            titel = f"Vraag de toeslag voor {r.berekeningsjaar} aan"
            tekst = (f"Vraag kinderopvangtoeslag voor {r.berekeningsjaar} aan via Mijn toeslagen zodra u het contract "
                     "met de opvang heeft. Doe het uiterlijk 3 maanden na de maand waarin de opvang begint: een latere "
                     f"aanvraag werkt maar 3 maanden terug (art. 1.3 lid 2 onder b Wko).{termijn}")
        else:
            titel = "Vraag de toeslag op tijd aan"
            tekst = ("Vraag kinderopvangtoeslag aan via Mijn toeslagen, uiterlijk 3 maanden na de maand waarin de opvang "
                     f"begint. Een latere aanvraag werkt maar 3 maanden terug (art. 1.3 lid 2 onder b Wko).{termijn}")
        out.append(Stap(titel, tekst, ["Contract met de opvang (LRK-nummer, uren, uurprijs)", inkomen_doc]))
    if recht and not verleden:
        out.append(Stap(
            "Geef wijzigingen snel door",
            "Geef veranderingen in werk, traject, inkomen, uren of uurprijs binnen 4 weken door. Dan voorkomt u dat u "
            "achteraf moet terugbetalen.",
            []))
    # warnings about what is coming
    for w in r.waarschuwingen:
        out.append(Stap("Let op", w, [], "waarschuwing"))
    jaar = r.berekeningsjaar
    for i, k in enumerate(h.kinderen):
        if k.start_voortgezet_onderwijs and k.start_voortgezet_onderwijs.startswith(str(jaar)):
            out.append(Stap("Let op",
                            f"{k.label or f'Kind {i + 1}'} gaat in {k.start_voortgezet_onderwijs} naar het voortgezet "
                            "onderwijs. Vanaf die maand is er geen toeslag meer voor dit kind.", [], "waarschuwing"))
        if kalender.vierde_verjaardag(k.geboortedatum).year == jaar:
            out.append(Stap("Let op",
                            f"{k.label or f'Kind {i + 1}'} wordt dit jaar 4 en gaat naar de basisschool. Dagopvang "
                            "wordt dan vaak buitenschoolse opvang, met een andere maximum uurprijs.", [], "waarschuwing"))
    for o, wie in ((h.aanvrager, "uw"), (h.partner, "de partner")):
        if o is None:
            continue
        for p in o.situaties:
            if p.tot and p.tot.year == jaar and p.situatie in ("bijstand_traject", "werkzoekende_traject", "studie", "inburgering", "detentie", "wlz_tijdelijk"):
                out.append(Stap("Let op",
                                f"De situatie '{p.situatie.value.replace('_', ' ')}' van {wie} eindigt op "
                                f"{p.tot.strftime('%d-%m-%Y')}. Daarna kan het recht stoppen. Geef dit door.",
                                [], "waarschuwing"))
    return out
