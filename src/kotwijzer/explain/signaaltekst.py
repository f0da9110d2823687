"""The words of the calculation: one template per signal code, and `tekst()`, the one function that renders a signal.

The calculation (`kotwijzer.berekening`) emits `Signaal` objects (code, months, values, citations) and never writes a
sentence. Every sentence a result carries comes from a template below. Templates use Python's `str.format` fields
(`{naam}`); each value is formatted for the language by `opmaak()`. Another language adds a catalogue with the same
codes (for example from a gettext catalogue with these Dutch templates as message ids) to `CATALOGI`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from kotwijzer.formaat import MAANDNAMEN, euro_cent, getal, procent
from kotwijzer.params.loader import CELSTATUS_TEKST
from kotwijzer.rules import codes as c
from kotwijzer.signalen import (
    BedragenPerSoort,
    Celstatus,
    Euro,
    Getal,
    Heel,
    Kindrang,
    Maanden,
    Onderdelen,
    PerOuder,
    Procent,
    Rol,
    Signaal,
    Waarde,
)

SOORT_TEKST = {
    "dagopvang": "dagopvang",
    "buitenschoolse_opvang": "buitenschoolse opvang",
    "gastouderopvang": "gastouderopvang",
}

_KGU_SLOT = " Per ouder: {per_ouder}. Het potje per kind is dat van de ouder met de minste uren."

NL: dict[str, str] = {
    # the arbeidseis of one parent in one month (Wko art. 1.6 lid 1 and 3)
    "arbeidseis.voldaan": "{wie} voldoet: {onderdelen}.",
    "arbeidseis.onbekend": "{wie} heeft een traject, maar het is niet bekend of dat een voorziening gericht op werk is.",
    "arbeidseis.onbekend.vraag": (
        "Is de activiteit een voorziening gericht op arbeidsinschakeling (categorie A of B van uw gemeente)?"
    ),
    "arbeidseis.bijstand_zonder_voorziening": (
        "{wie} heeft een uitkering, maar de activiteit is geen voorziening gericht op werk (categorie C)."
    ),
    "arbeidseis.alleen_uitzondering": "{wie} werkt niet en volgt geen traject of opleiding, maar {onderdelen}.",
    "arbeidseis.niet_voldaan": (
        "{wie} werkt niet en heeft geen andere situatie uit de wet (traject, studie, inburgering, indicatie)."
    ),
    "arbeidseis.partner_bloedverwant": (
        "Uw huisgenoot is familie en alleen partner door hetzelfde adres. Die hoeft niet te werken."
    ),
    "activiteit.classificatie": "Activiteit: '{activiteit}' bij {gemeente}, categorie {categorie}.",
    "activiteit.classificatie_met_code": (
        "Activiteit: '{activiteit}' bij {gemeente}, categorie {categorie}, re-integratiecode {reintegratiecode}."
    ),
    # conditions of a child that are met (the unmet ones carry the reason's own text, kotwijzer.rules.codes)
    "kind.voor_vo": "Het kind gaat nog niet naar het voortgezet onderwijs.",
    "kind.woont_op_adres": "Het kind woont bij u (of er is co-ouderschap).",
    "kind.lrk": "De opvang staat in het Landelijk Register Kinderopvang.",
    "kind.binnen_termijn": "De maand valt binnen de termijn van de aanvraag.",
    # hour pools (Bkot art. 8a)
    "urenpotje.kgu_corona": (
        "Koppeling gewerkte uren {jaar}, verruimd vanwege corona: 230 uur per maand waarin de ouder werkte, of "
        "{percentage}% van de gewerkte uren als dat meer is; 230 uur per maand als doelgroeper, met Wlz-indicatie of "
        "in detentie. De verruiming staat in het Besluit van 31 augustus 2021 (Stb. 2021, 434), zoals beschreven in "
        "de nota van toelichting bij het Besluit van 22 augustus 2022: werkende ouders krijgen 230 uur per kind per "
        "kalendermaand waarin zij werkten. De tekst van die bepaling zelf is niet gevonden." + _KGU_SLOT
    ),
    "urenpotje.kgu": (
        "Koppeling gewerkte uren {jaar}: {percentage}% van de gewerkte uren, of 230 uur per maand als doelgroeper, "
        "met Wlz-indicatie of in detentie." + _KGU_SLOT
    ),
    "urenpotje.ontkoppeld": (
        "230 uur per maand waarin de ouder die het minst vaak werkte (of een andere situatie had die meetelt) dat "
        "deed. Per ouder: {per_ouder}. Dit potje geldt per kind voor het hele jaar."
    ),
    # what an amount needs but kotwijzer does not have; {melding} is the law data's own message (kotwijzer.params)
    "ontbrekend.melding": "{melding}",
    "ontbrekend.geen_tabel": "Voor {jaar} is er geen tabel met percentages.",
    "ontbrekend.toetsingsinkomen": (
        "Het gezamenlijke toetsingsinkomen is niet ingevuld. Het percentage hangt daarvan af (art. 7 en 8 Awir; "
        "Bijlage I Besluit kinderopvangtoeslag). Vul het in om het bedrag te zien."
    ),
    # warnings
    "maximum_uurprijs.aangekondigd": (
        "Aangekondigd voor {jaar}, nog niet vastgesteld: maximum uurprijzen {bedragen}. kotwijzer rekent daar nog "
        "niet mee."
    ),
    "maximum_uurprijs.aangekondigd_indicatie": (
        "Aangekondigd voor {jaar}, nog niet vastgesteld: maximum uurprijzen {bedragen}. Het bedrag volgens de wet "
        "rekent kotwijzer daar niet mee uit; de indicatie wel."
    ),
    "tabel.voorlopig": (
        "De tabel met percentages voor {jaar} is voorlopig: kotwijzer heeft die nog niet kunnen controleren met de "
        "officiële bekendmaking. Het bedrag kan daardoor iets afwijken. (De bron staat bij de gebruikte bedragen.)"
    ),
    "tabel.onvolledige_cel": (
        "Het percentage voor {wie} ({percentage}) komt uit een onvolledige tabel voor {jaar}: {celstatus}. Het is nog "
        "niet vergeleken met de officiële tabel (Bijlage I bij het Besluit kinderopvangtoeslag)."
    ),
    "eerste_kind.wissel": (
        "Let op: u heeft meer kinderen in de opvang met verschillende uurprijzen ({namen}). Het kind met de meeste "
        "uren is het 'eerste kind' en krijgt het laagste percentage (art. 3 Besluit kinderopvangtoeslag). Meer uren "
        "voor een duurder kind kan het daardoor het eerste kind maken, en dan kan de toeslag in totaal dalen."
    ),
    "eerste_kind.gelijk": (
        "Twee of meer kinderen hebben evenveel opvanguren en dezelfde kosten ({namen}). Dan beslist Dienst "
        "Toeslagen welk kind het eerste kind is (art. 3 lid 4 Besluit kinderopvangtoeslag). Voor het bedrag maakt dat "
        "niet uit: de kosten zijn gelijk, dus de toeslag is hetzelfde welk kind ook het eerste kind is."
    ),
    "inkomen.dicht_bij_grens": (
        "Uw inkomen ligt dicht bij een grens van de tabel. Boven € {grens} daalt het percentage voor {wie} van "
        "{van} naar {naar}."
    ),
    "termijn.te_laat": (
        "Voor {namen} {jaar} komt de aanvraag van {aanvraagdatum} te laat: een aanvraag werkt terug tot de eerste "
        "dag van de derde kalendermaand ervoor, hier {eerste_dag} (art. 1.3 lid 2 onder b Wko). Om geen maand te "
        "missen had u uiterlijk {uiterlijk} moeten aanvragen."
    ),
    "termijn.te_laat_hele_jaar": (
        "Voor alle maanden van {jaar} komt de aanvraag van {aanvraagdatum} te laat: een aanvraag werkt terug tot de "
        "eerste dag van de derde kalendermaand ervoor, hier {eerste_dag} (art. 1.3 lid 2 onder b Wko). Om geen maand "
        "te missen had u uiterlijk {uiterlijk} moeten aanvragen."
    ),
    "werkloosheidstermijn": (
        "De {ouder} werkte tot en met {laatste_werkdag}. Het recht blijft tot en met {einde} (art. 1.6 lid 5 Wko)."
    ),
    "werkloosheidstermijn.verlengd": (
        "De {ouder} werkte tot en met {laatste_werkdag}. Het recht blijft tot en met {einde} (art. 1.6 lid 5 Wko), "
        "verlengd met {dagen} dagen rond de bevalling."
    ),
    "detentie.kort": (
        "De straf of maatregel duurt niet langer dan drie maanden. De uitzondering voor detentie geldt dan niet "
        "(art. 1.6 lid 10 en 11 Wko)."
    ),
    "activiteit.bijstand": "Activiteit in de bijstand: {uitleg}",
    "urenpotje.op": (
        "Uw urenpotje voor het jaar is niet genoeg voor alle opvanguren. De uren boven het potje krijgen geen "
        "toeslag (art. 8a Besluit kinderopvangtoeslag)."
    ),
    # assumptions
    "aanname.aanvraagdatum_vandaag": (
        "Er is geen aanvraagdatum opgegeven. kotwijzer rekent alsof u vandaag ({vandaag}) aanvraagt (art. 1.3 lid 2 "
        "onder b Wko). Heeft u al eerder aangevraagd? Vul dan die datum in."
    ),
    "aanname.bevalling_geschat": (
        "De bevallingsdatum is nog niet bekend; kotwijzer rekent met de vermoedelijke datum."
    ),
    "aanname.omrekening": "{tekst}",
    "aanname.dagfactor": (
        "Opvang die in een maand begint of eindigt, telt in die maand naar rato van de dagen (dagen met opvang "
        "gedeeld door de dagen van de maand): een wijziging in de opvang zelf telt vanaf de dag zelf (art. 1.3 lid 2 "
        "Wko; art. 2 Besluit kinderopvangtoeslag). Zo rekent Dienst Toeslagen volgens één uitgewerkte berekening "
        "(svb.nl, 'Voorbeeld toeslaggegevens in Mijn SVB en de berekening'); dat is een indirecte bron, geen tekst over "
        "de kinderopvangtoeslag zelf."
    ),
    # voorwaardencheck: the verdict and the questions still open
    "samenvatting.recht": ("U heeft recht op kinderopvangtoeslag in {aantal} van de 12 maanden van {jaar}. {reden}"),
    "samenvatting.onbekend": ("Met deze gegevens is nog niet te zeggen of u recht heeft. Beantwoord de open vragen."),
    "samenvatting.te_laat": (
        "Volgens de voorwaarden heeft u in {aantal} van de 12 maanden van {jaar} recht, maar een aanvraag op de "
        "gekozen datum komt voor al die maanden te laat. {reden}"
    ),
    "samenvatting.geen_recht": "U heeft geen recht op kinderopvangtoeslag in {jaar}. {reden}",
    "vraag.berekeningsjaar": "Voor welk jaar wilt u het weten?",
    "vraag.berekeningsjaar.waarom": "De regels en bedragen verschillen per jaar.",
    "vraag.aanvrager.situaties": (
        "Wat doet u (werk, traject, studie, inburgering, Wlz-indicatie, detentie)? En in welke maanden?"
    ),
    "vraag.aanvrager.situaties.waarom": ("U heeft alleen recht als u werkt of een situatie heeft die de wet noemt."),
    "vraag.partner.situaties": "Wat doet uw partner, en in welke maanden?",
    "vraag.partner.situaties.waarom": (
        "Als u een partner heeft, moet die ook voldoen, of een Wlz-indicatie hebben of langer dan drie maanden in "
        "detentie zitten."
    ),
    "vraag.toetsingsinkomen": "Wat is uw gezamenlijke inkomen (toetsingsinkomen) in dat jaar?",
    "vraag.toetsingsinkomen.waarom": (
        "Het percentage dat u terugkrijgt hangt af van het inkomen van u en uw partner samen."
    ),
    "vraag.kinderen": "Welke kinderen gaan naar de opvang, en naar welke soort opvang?",
    "vraag.kinderen.waarom": "De toeslag is per kind; alleen opvang tot het voortgezet onderwijs telt.",
    "vraag.aanvraagdatum": "Wanneer vraagt u de toeslag aan (of wanneer heeft u die aangevraagd)?",
    "vraag.aanvraagdatum.waarom": "Een aanvraag werkt maar drie maanden terug.",
    "vraag.voorziening": (
        "Is de activiteit van de ouder in de bijstand een voorziening gericht op werk (categorie A of B)? Vraag dit "
        "aan de consulent van de gemeente en vraag welke re-integratiecode is geregistreerd."
    ),
    "vraag.voorziening.waarom": (
        "Een ouder in de bijstand heeft alleen recht zolang die een voorziening gericht op arbeidsinschakeling "
        "gebruikt."
    ),
    # voorschot versus definitieve berekening
    "voorschot.niet_te_berekenen": "Het voorschot en de definitieve berekening zijn niet uit te rekenen: {redenen}",
    "voorschot.toelichting": (
        "Het voorschot is berekend met het geschatte inkomen en per maand afgerond op hele euro's naar beneden. De "
        "definitieve berekening gebruikt het echte inkomen. Drempels en rente bij terugvorderen zijn niet "
        "meegenomen."
    ),
}

CATALOGI: dict[str, Mapping[str, str]] = {"nl": NL}


def _euro(cent: int) -> str:
    return euro_cent(cent)


def _getal(d: Decimal) -> str:
    return getal(d, 2, nullen="heel")


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def _onderdelen(v: Onderdelen) -> str:
    gevonden = [c.ONDERDEEL_PER_BIT[b] for b in v.bits]
    if v.met_bron:
        return "; ".join(f"{o.omschrijving} ({o.bronnen[0].kort()})" for o in gevonden)
    return ", ".join(o.omschrijving for o in gevonden)


def _per_ouder(v: PerOuder) -> str:
    if v.eenheid == "uur":
        return ", ".join(f"{rol} {_getal(Decimal(x))} uur" for rol, x in v.waarden)
    return ", ".join(f"{rol} {int(x)} maanden" for rol, x in v.waarden)


def _opmaak_nl(v: Waarde) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.date):
        return f"{v.day} {MAANDNAMEN[v.month - 1]} {v.year}"
    if isinstance(v, Euro):
        return _euro(v.cent)
    if isinstance(v, Procent):
        return procent(v.waarde, None, nullen="vast")  # as the table gives it: 96,0%
    if isinstance(v, Getal):
        return _getal(v.waarde)
    if isinstance(v, Heel):
        return getal(v.waarde, 0)
    if isinstance(v, Maanden):
        namen = [MAANDNAMEN[m - 1] for m in v.maanden]
        return _opsomming(namen) if v.opsomming else ", ".join(namen)
    if isinstance(v, Rol):
        return {"aanvrager": "U", "partner": "Uw partner"}[v.rol] if v.als_onderwerp else v.rol
    if isinstance(v, Kindrang):
        return "het eerste kind" if v.eerste else "de andere kinderen"
    if isinstance(v, Onderdelen):
        return _onderdelen(v)
    if isinstance(v, Celstatus):
        return CELSTATUS_TEKST[v.status]
    if isinstance(v, PerOuder):
        return _per_ouder(v)
    if isinstance(v, BedragenPerSoort):
        return ", ".join(f"{SOORT_TEKST[k]} {_euro(x)}" for k, x in v.bedragen)
    return str(v)  # a Decimal


_OPMAAK: dict[str, Callable[[Waarde], str]] = {"nl": _opmaak_nl}


def opmaak(waarde: Waarde, taal: str = "nl") -> str:
    """One value of a signal as text in `taal`."""
    return _OPMAAK[taal](waarde)


def sjabloon(code: str, taal: str = "nl") -> str:
    """The template of a signal code in `taal`; a code without a template is an error that names it."""
    try:
        return CATALOGI[taal][code]
    except KeyError:
        raise KeyError(f"Geen tekst voor signaal {code!r} in taal {taal!r}") from None


def tekst(signaal: Signaal, taal: str = "nl") -> str:
    """The sentence of one signal in `taal` (default Dutch): its template filled with its formatted values."""
    vorm = _OPMAAK[taal]
    return sjabloon(signaal.code, taal).format_map({k: vorm(v) for k, v in signaal.waarden})


def tekst_van(code: str, taal: str = "nl", **waarden: Waarde) -> str:
    """Shortcut for a signal that is only rendered (a question, a fixed sentence)."""
    return tekst(Signaal(code, "toelichting", tuple(waarden.items())), taal)
