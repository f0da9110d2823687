"""The application packet ("aanvraagpakket") for the routes the official channels handle badly.

For a family whose right rests on an exception or a doelgroep that the portal Mijn toeslagen or the Inlichtingenbureau
does not recognise well (Wlz partner, detained partner, a traject in bijstand, a study, inburgering, the
werkloosheidstermijn), the packet says what to do step by step, which documents to attach, the phone route and the
paper route, which changes to report and by when, and gives a cover letter that names the articles and the months.

`pakket(h, r)` builds structured content from the core's result only (`kotwijzer.compute.bereken`): per month the
route that gives the right is read from the month's reason and the parents' conditions with their citations. Every
article the packet names is a `Bron` that resolves to a shipped law text for the year (checked with
`kotwijzer.wetten.bestaat`; one that does not resolve is left out, never invented). The renderers (HTML template
`pakket.html`, plain text in `brief_tekst`, PDF in `kotwijzer.web.pdf.pakket_pdf`) only lay it out.

Personal details (name, address, BSN, date) are fields the user fills in: they arrive in a POST body, are put into
the letter and are never stored or logged (see `Persoonsgegevens`).

Languages. Every text of the packet is a message id of the translation catalogue (`kotwijzer.i18n`), written in the
language of the moment: `pakket()` built on an English page of the parent flow gives the steps, documents, phone and
paper route and changes to report in English. The cover letter is addressed to Dienst Toeslagen, which works in
Dutch: the letter that is downloaded is always built from the packet in Dutch (`in_taal("nl")`); the same message ids
in English are what the English page shows as the explanation of what the letter says. A sentence that differs for
the applying parent and the partner is two whole message ids, never a sentence patched by string replacement. Legal
names (the titles of laws, "art. 1.6 lid 8", Wlz, CIZ ...) stay Dutch in both languages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from kotwijzer import i18n
from kotwijzer.i18n import N_, _, pgettext
from kotwijzer.model import Huishouden, Resultaat
from kotwijzer.wetten import Bron, bestaat
from kotwijzer.wetten import tekst as wettekst
from kotwijzer.wetten.bron import awir, bkot, wko

BELASTINGTELEFOON = "0800-0543"
MIJN_TOESLAGEN = "https://www.toeslagen.nl"
REINTEGRATIECODES = ["22", "23", "29", "30", "40", "42", "43"]
TE_LAAT = "te_laat_aangevraagd"

# The routes in the order the packet shows them.
ROUTES = ("wlz", "detentie", "traject", "studie", "inburgering", "werkloosheidstermijn")


@dataclass
class Grondslag:
    """One article the packet cites, with its text in the version of the year."""

    bron: Bron
    uitleg: str  # what this article does for the family, in plain Dutch
    tekst: str = ""
    versie: str = ""

    @property
    def citaat(self) -> str:
        return self.bron.kort()

    @property
    def versie_tekst(self) -> str:
        """The date from which the shipped text applies ('1 januari 2022' / '1 January 2022')."""
        return i18n.datum(dt.date.fromisoformat(self.versie)) if self.versie else "-"

    @property
    def voluit(self) -> str:
        """'Wet kinderopvang, art. 1.6 lid 8' (the title in full, for a letter)."""
        kort = self.bron.kort()
        return f"{self.bron.titel}, {kort[: -len(self.bron.wet) - 1]}"


@dataclass
class Route:
    code: str
    titel: str
    wie: str  # "aanvrager" or "partner": whose situation it is
    maanden: list[int]  # months in which this route gives the right (by the conditions)
    maanden_betaald: list[int]  # of those: months still reached by the application
    uitleg: str
    zin_brief: str  # the sentence of the cover letter that states the ground
    grondslag: list[Grondslag]
    documenten: list[str]
    stappen: list[str]
    telefoon: str
    papier: str
    wijzigingen: list[str]
    onderwerp: str = ""  # the subject line of the cover letter
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Pakket:
    jaar: int
    routes: list[Route]
    maanden_recht: list[int]  # every month with a right that the application reaches, whatever the route
    partner: bool
    aanvraagdatum: dt.date | None
    verloren: list[int]
    wijzigingen_algemeen: list[str]
    wijzigingen_termijn: str
    wijzigingen_gevolg: str
    wijzigingen_grondslag: list[Grondslag]
    aanvraag_grondslag: list[Grondslag]

    @property
    def leeg(self) -> bool:
        return not self.routes


# --------------------------------------------------------------------------------------------- helpers
def maanden_tekst(ms: list[int], jaar: int | None = None) -> str:
    """[1, 2, 3, 7] -> 'januari tot en met maart en juli 2026' ('January to March and July 2026')."""
    ms = sorted(set(ms))
    if not ms:
        return pgettext("maanden", "geen")
    naam = i18n.maandnaam
    delen, begin, vorige = [], ms[0], ms[0]
    for m in ms[1:] + [None]:
        if m is not None and m == vorige + 1:
            vorige = m
            continue
        if begin == vorige:
            delen.append(naam(begin))
        elif vorige == begin + 1:
            delen += [naam(begin), naam(vorige)]
        else:
            delen.append(_("{van} tot en met {tot}").format(van=naam(begin), tot=naam(vorige)))
        if m is not None:
            begin = vorige = m
    t = delen[0] if len(delen) == 1 else _opsomming(delen)
    return f"{t} {jaar}" if jaar else t


def _opsomming(delen: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c' ('a, b and c')."""
    if len(delen) == 1:
        return delen[0]
    return _("{lijst} en {laatste}").format(lijst=", ".join(delen[:-1]), laatste=delen[-1])


def _datum(d: dt.date | None) -> str:
    return i18n.datum(d)


def artikelen_kort(grondslag: list[Grondslag]) -> str:
    """'Algemene wet inkomensafhankelijke regelingen, art. 17 lid 1 en 2, art. 21 lid 1 en 3': one title per law."""
    per_wet: dict[str, dict[str, list[str]]] = {}
    for g in grondslag:
        kort = g.bron.kort()[: -len(g.bron.wet) - 1]  # 'art. 17 lid 1'
        artikel, _sep, rest = kort.partition(" lid ")
        per_wet.setdefault(g.bron.titel, {}).setdefault(artikel, []).append(rest)
    delen = []
    for titel, artikelen in per_wet.items():
        stukken = []
        for artikel, leden in artikelen.items():
            leden = [x for x in leden if x]
            stukken.append(artikel + (" lid " + _opsomming(leden) if leden else ""))
        delen.append(f"{titel}, " + ", ".join(stukken))
    return "; ".join(delen)


def _grondslag(bron: Bron, uitleg: str, peil: dt.date) -> Grondslag | None:
    """The article with its text in the version in force on `peil`; None when kotwijzer ships no text for it."""
    if not bestaat(bron, peil):
        return None
    from kotwijzer.wetten import versie_op

    return Grondslag(bron, uitleg, wettekst(bron, peil), versie_op(bron.wet, peil).isoformat())


def _grondslagen(paren: list[tuple[Bron, str]], peil: dt.date) -> list[Grondslag]:
    uit: list[Grondslag] = []
    for b, u in paren:
        g = _grondslag(b, u, peil)
        if g is not None and g.citaat not in {x.citaat for x in uit}:
            uit.append(g)
    return uit


def _recht_volgens_voorwaarden(m) -> bool:
    """The month has a right by every condition (also when the application reaches it too late)."""
    return bool(m.aanspraak) or m.reden == TE_LAAT


def _citaten(c) -> set[str]:
    return {b.citaat for b in c.bronnen}


def routes_per_maand(r: Resultaat) -> dict[str, dict[str, list[int]]]:
    """Per route and parent the months in which that route gives the right, read from the result: the month's
    reason and the conditions of the parents with their citations (Wko art. 1.6 lid 1 onderdelen c, e, f, g, j,
    lid 5, 8, 9, 10 and 11). A parent who also works (onder a or b) needs no packet for a second ground."""
    uit: dict[str, dict[str, list[int]]] = {}

    def zet(route: str, wie: str, maand: int) -> None:
        uit.setdefault(route, {}).setdefault(wie, []).append(maand)

    for m in r.maanden:
        if not _recht_volgens_voorwaarden(m):
            continue
        for c in m.condities:
            if c.code not in ("arbeidseis_aanvrager", "arbeidseis_partner"):
                continue
            wie = c.code.removeprefix("arbeidseis_")
            cit = _citaten(c)
            if c.status == "niet_voldaan":
                if cit & {"art. 1.6 lid 8 Wko", "art. 1.6 lid 9 Wko"}:
                    zet("wlz", wie, m.maand)
                elif cit & {"art. 1.6 lid 10 Wko", "art. 1.6 lid 11 Wko"}:
                    zet("detentie", wie, m.maand)
                continue
            if c.status != "voldaan" or cit & {"art. 1.6 lid 1 onder a Wko", "art. 1.6 lid 1 onder b Wko"}:
                continue
            if cit & {"art. 1.6 lid 1 onder c Wko", "art. 1.6 lid 1 onder e Wko", "art. 1.6 lid 1 onder f Wko"}:
                zet("traject", wie, m.maand)
            elif "art. 1.6 lid 1 onder g Wko" in cit:
                zet("inburgering", wie, m.maand)
            elif "art. 1.6 lid 1 onder j Wko" in cit:
                zet("studie", wie, m.maand)
            elif "art. 1.6 lid 5 Wko" in cit:
                zet("werkloosheidstermijn", wie, m.maand)
    return uit


def _perioden(h: Huishouden, wie: str, situaties: set[str]) -> list[Any]:
    o = h.aanvrager if wie == "aanvrager" else h.partner
    return [p for p in (o.situaties if o else []) if str(getattr(p.situatie, "value", p.situatie)) in situaties]


def _codes_gemeente(perioden: list[Any], catalogus: Any = None) -> list[str]:
    """The re-integration codes the municipality should register for the named activities (from its catalogue,
    `kotwijzer.municipal.CatalogusBron`; None: the example data)."""
    from kotwijzer.municipal.classificatie import classificeer

    codes: set[str] = set()
    for p in perioden:
        if p.gemeente_code and p.activiteit:
            try:
                kl = classificeer(p.gemeente_code, p.activiteit, catalogus)
            except LookupError:
                continue
            if kl.gericht_op_arbeidsinschakeling and kl.code_te_registreren:
                codes.add(str(kl.code_te_registreren))
    return sorted(codes)


def _laatste_werkdag(h: Huishouden, wie: str) -> dt.date | None:
    o = h.aanvrager if wie == "aanvrager" else h.partner
    if o is None:
        return None
    einden = [
        p.tot
        for p in o.situaties
        if str(getattr(p.situatie, "value", p.situatie)) in ("arbeid", "meewerkend_partner")
        and p.tot is not None
        and p.tot.year in (h.berekeningsjaar, h.berekeningsjaar - 1)
    ]
    if einden:
        return max(einden)
    return o.laatste_werkdag_vorig_jaar


# ------------------------------------------------------------------------------------------ the routes
TELEFOON = N_(
    "Bel de BelastingTelefoon: {nummer} (gratis). Zeg dat u kinderopvangtoeslag wilt aanvragen en dat {grond}. "
    "Noem {artikel}. Vraag of de medewerker uw aanvraag met de hand laat beoordelen. Schrijf op wanneer u belde "
    "en met wie u sprak."
)
PAPIER = N_(
    "Stuur de brief uit dit pakket met kopieën van de documenten naar Dienst Toeslagen. Houd zelf een kopie. "
    "Het postadres staat op toeslagen.nl (Contact) en op de formulieren die Dienst Toeslagen u stuurt; de "
    "BelastingTelefoon ({nummer}) kan het ook geven. Stuur nooit originelen."
)
BEPERKING_UREN = N_("Hoogstens 230 uur opvang per kind per maand.")
CONTRACT = N_("Het contract met de kinderopvang (met het LRK-nummer, de uren per maand en de uurprijs)")
CONTRACT_SOORT = N_(
    "Het contract met de kinderopvang (met het LRK-nummer, de soort opvang, de uren per maand en de uurprijs)"
)
VOORWAARDEN_IK = N_("Ik voldoe zelf aan de voorwaarden voor kinderopvangtoeslag.")
VOORWAARDEN_PARTNER = N_("Mijn partner voldoet aan de voorwaarden voor kinderopvangtoeslag.")


def _telefoon(grond: str, artikel: str) -> str:
    """The phone route. `artikel` is the legal reference the parent names to the BelastingTelefoon: Dutch, always."""
    return _(TELEFOON).format(nummer=BELASTINGTELEFOON, grond=grond, artikel=artikel)


def _papier() -> str:
    return _(PAPIER).format(nummer=BELASTINGTELEFOON)


def _route_wlz(h: Huishouden, wie: str, maanden: list[int], betaald: list[int], peil: dt.date) -> Route:
    jaar = h.berekeningsjaar
    wlz = _perioden(h, wie, {"wlz_permanent", "wlz_tijdelijk"})
    tijdelijk = any(str(getattr(p.situatie, "value", p.situatie)) == "wlz_tijdelijk" for p in wlz)
    partner = wie == "partner"
    # lid 8: the other parent has the Wlz indication; lid 9: the applying parent has it
    paren = [
        (
            wko("1.6", 8),
            _(
                "Een ouder die zelf voldoet aan de voorwaarden heeft recht, ook als de partner een "
                "Wlz-indicatie heeft en daardoor niet werkt."
            ),
        )
        if partner
        else (
            wko("1.6", 9),
            _("Een ouder met een Wlz-indicatie heeft recht als de partner voldoet aan de voorwaarden."),
        )
    ]
    if jaar <= 2022:
        paren.append(
            (bkot("8a", 1, "b", "4°"), _("De uren opvang: de maanden met het recht op zorg maal 230 uur per maand."))
        )
    paren.append((bkot("8a", 1, "a"), _(BEPERKING_UREN)))
    if partner:
        indicatie = (
            _("Mijn partner heeft een indicatie voor de Wet langdurige zorg (Wlz) (een tijdelijke indicatie).")
            if tijdelijk
            else _("Mijn partner heeft een indicatie voor de Wet langdurige zorg (Wlz).")
        )
        grond = _("uw partner een indicatie heeft voor de Wet langdurige zorg (Wlz)")
    else:
        indicatie = (
            _("Ik heb een indicatie voor de Wet langdurige zorg (Wlz) (een tijdelijke indicatie).")
            if tijdelijk
            else _("Ik heb een indicatie voor de Wet langdurige zorg (Wlz).")
        )
        grond = _(
            "u zelf een indicatie heeft voor de Wet langdurige zorg (Wlz) en uw partner voldoet aan de voorwaarden"
        )
    return Route(
        code="wlz",
        onderwerp=_("partner met een Wlz-indicatie") if partner else _("ouder met een Wlz-indicatie"),
        titel=_("Een ouder met een Wlz-indicatie"),
        wie=wie,
        maanden=maanden,
        maanden_betaald=betaald,
        uitleg=_(
            "Het aanvraagportaal Mijn toeslagen zegt 'geen recht' als één ouder niet werkt. Bij een Wlz-indicatie "
            "klopt dat niet: de wet geeft dan toch recht. U moet de aanvraag daarom via de BelastingTelefoon of "
            "per post doen."
        ),
        zin_brief=" ".join(
            [
                indicatie,
                _(VOORWAARDEN_IK) if partner else _(VOORWAARDEN_PARTNER),
                _("Daarom is er recht op kinderopvangtoeslag, ook al werkt een van ons niet."),
            ]
        ),
        grondslag=_grondslagen(paren, peil),
        documenten=[
            _(
                "Een kopie van het indicatiebesluit van het CIZ (Centrum Indicatiestelling Zorg), met de "
                "begindatum en, bij een tijdelijke indicatie, de einddatum"
            ),
            _(CONTRACT_SOORT),
            _("Een schatting van het inkomen van beide ouders over {jaar}").format(jaar=jaar),
        ],
        stappen=[
            _("Zoek het indicatiebesluit van het CIZ op en maak een kopie."),
            _(
                "Begin de aanvraag in Mijn toeslagen. Zegt het portaal 'geen recht', stop dan en bel de "
                "BelastingTelefoon ({nummer}). U wordt doorverbonden met het Belcentrum."
            ).format(nummer=BELASTINGTELEFOON),
            _(
                "De medewerker kijkt of de Wlz-indicatie bekend is. Is die niet bekend, dan stuurt u een kopie van "
                "het indicatiebesluit (online met hulp van de medewerker, of per post met de brief uit dit pakket)."
            ),
            _(
                "U krijgt per post een bevestigingsbrief en twee formulieren: 'Kinderopvangtoeslag aanvragen' en "
                "'Gegevens kinderopvang opgeven of wijzigen'. Vul ze in. Het aanvraagformulier ondertekenen u en uw "
                "partner allebei."
            ),
            _("Stuur de formulieren met de brief en de kopieën terug naar Dienst Toeslagen."),
            _("Binnen 5 weken krijgt u bericht in de Berichtenbox van MijnOverheid."),
        ],
        telefoon=_telefoon(grond, f"artikel 1.6, {'achtste' if partner else 'negende'} lid, van de Wet kinderopvang"),
        papier=_papier(),
        wijzigingen=[
            _("Het CIZ verandert of beëindigt de indicatie, of een tijdelijke indicatie loopt af."),
            _("De ouder zonder Wlz-indicatie stopt met werken of met het traject, de studie of de inburgering."),
        ],
        extra={"tijdelijk": tijdelijk},
    )


def _detentie_lid_en_paren(jaar: int, wie: str) -> tuple[int, list[tuple[Bron, str]]]:
    """The lid of Wko art. 1.6 that gives the right (2022-2025: lid 10 when the partner is detained, lid 11 when the
    applying parent is; from 2026 one lid 10) and the provisions the packet cites, each with its plain explanation."""
    lid = 11 if wie == "aanvrager" and wko("1.6", 11, vanaf=2022, tot=2025).geldt_in(jaar) else 10
    paren = [
        (
            wko("1.6", lid),
            _(
                "Recht zolang een ouder langer dan drie maanden in detentie zit en de andere ouder "
                "voldoet aan de voorwaarden."
            ),
        )
    ]
    if jaar <= 2022:
        paren.append(
            (
                bkot("8a", 1, "b", "5°"),
                _("De uren opvang: de maanden van de straf of maatregel maal 230 uur per maand."),
            )
        )
    paren.append((bkot("8a", 1, "a"), _(BEPERKING_UREN)))
    return lid, paren


def _detentie_zit_en_grond(voorlopig: bool, partner: bool) -> tuple[str, str]:
    """The sentence for the letter (who is detained, and how) and the same ground as a clause for the phone call."""
    if voorlopig:
        zit = (
            _("Mijn partner zit langer dan drie maanden in voorlopige hechtenis.")
            if partner
            else _("Ik zit langer dan drie maanden in voorlopige hechtenis.")
        )
        grond = (
            _("uw partner langer dan drie maanden in voorlopige hechtenis zit")
            if partner
            else _("u langer dan drie maanden in voorlopige hechtenis zit")
        )
    else:
        zit = (
            _("Mijn partner zit langer dan drie maanden in detentie (een vrijheidsstraf of maatregel).")
            if partner
            else _("Ik zit langer dan drie maanden in detentie (een vrijheidsstraf of maatregel).")
        )
        grond = (
            _("uw partner langer dan drie maanden in detentie (een vrijheidsstraf of maatregel) zit")
            if partner
            else _("u langer dan drie maanden in detentie (een vrijheidsstraf of maatregel) zit")
        )
    return zit, grond


def _detentie_vrij(det: list[Any]) -> str:
    """The change to report when the parent is released (with the expected end date when one is known)."""
    einden = [p.detentie_einde for p in det if p.detentie_einde]
    if einden:
        return _(
            "De ouder komt vrij of de detentie wordt korter of langer (nu verwacht: {datum}). Na de vrijlating moet "
            "die ouder zelf weer voldoen aan de voorwaarden (werk, traject, studie of inburgering)."
        ).format(datum=_datum(max(einden)))
    return _(
        "De ouder komt vrij of de detentie wordt korter of langer. Na de vrijlating moet die ouder zelf weer "
        "voldoen aan de voorwaarden (werk, traject, studie of inburgering)."
    )


def _detentie_documenten(voorlopig: bool, jaar: int) -> list[str]:
    """The documents to send with a detention application (pre-trial detention also has the detention order)."""
    return [
        _(
            "Bewijs van de detentie met de begindatum en de (verwachte) einddatum, bijvoorbeeld een "
            "detentieverklaring van de inrichting, het vonnis of het bevel tot gevangenhouding"
        )
        if voorlopig
        else _(
            "Bewijs van de detentie met de begindatum en de (verwachte) einddatum, bijvoorbeeld een "
            "detentieverklaring van de inrichting of het vonnis"
        ),
        _(CONTRACT_SOORT),
        _("Een schatting van het inkomen van beide ouders over {jaar}").format(jaar=jaar),
    ]


def _detentie_stappen(partner: bool) -> list[str]:
    """The steps of a detention application: the proof, a call for the paper forms, sending, waiting for the decision."""
    return [
        _("Vraag bij de inrichting of de advocaat een bewijs van de detentie met begin- en einddatum."),
        (
            _(
                "Bel de BelastingTelefoon ({nummer}) en zeg dat uw partner langer dan drie maanden vastzit. "
                "Vraag om de formulieren voor een aanvraag op papier."
            )
            if partner
            else _(
                "Bel de BelastingTelefoon ({nummer}) en zeg dat u langer dan drie maanden vastzit. "
                "Vraag om de formulieren voor een aanvraag op papier."
            )
        ).format(nummer=BELASTINGTELEFOON),
        _(
            "Vul de formulieren in en stuur ze met de brief uit dit pakket en een kopie van het bewijs naar "
            "Dienst Toeslagen."
        ),
        _("Houd de Berichtenbox van MijnOverheid in de gaten voor het besluit."),
    ]


def _route_detentie(h: Huishouden, wie: str, maanden: list[int], betaald: list[int], peil: dt.date) -> Route:
    """The route for a parent (or partner) detained for more than three months (Wko art. 1.6, lid 10 or 11): the
    application portal does not know this exception, so the packet leads to a paper application."""
    jaar = h.berekeningsjaar
    det = _perioden(h, wie, {"detentie"})
    voorlopig = any(str(getattr(p.detentie_soort, "value", p.detentie_soort)) == "voorlopige_hechtenis" for p in det)
    partner = wie == "partner"
    lid, paren = _detentie_lid_en_paren(jaar, wie)
    zit, grond = _detentie_zit_en_grond(voorlopig, partner)
    return Route(
        code="detentie",
        onderwerp=_("partner in detentie") if partner else _("ouder in detentie"),
        titel=_("Een ouder in detentie"),
        wie=wie,
        maanden=maanden,
        maanden_betaald=betaald,
        uitleg=_(
            "Het aanvraagportaal kent de uitzondering voor detentie niet goed: het zegt 'geen recht' als één ouder "
            "niet werkt. Zit een ouder langer dan drie maanden vast, dan is er toch recht. Vraag aan via de "
            "BelastingTelefoon of per post."
        ),
        zin_brief=" ".join(
            [
                zit,
                _(VOORWAARDEN_IK) if partner else _(VOORWAARDEN_PARTNER),
                _("Daarom is er recht op kinderopvangtoeslag zolang de detentie duurt."),
            ]
        ),
        grondslag=_grondslagen(paren, peil),
        documenten=_detentie_documenten(voorlopig, jaar),
        stappen=_detentie_stappen(partner),
        telefoon=_telefoon(grond, f"artikel 1.6, {'elfde' if lid == 11 else 'tiende'} lid, van de Wet kinderopvang"),
        papier=_papier(),
        wijzigingen=[
            _detentie_vrij(det),
            _("De andere ouder stopt met werken of met het traject, de studie of de inburgering."),
        ],
        extra={"voorlopig": voorlopig},
    )


def _route_traject(
    h: Huishouden, wie: str, maanden: list[int], betaald: list[int], peil: dt.date, catalogus: Any = None
) -> Route:
    per = _perioden(h, wie, {"bijstand_traject", "werkzoekende_traject", "jonger_dan_18_bijstand_scholing"})
    codes = _codes_gemeente(per, catalogus)
    partner = wie == "partner"
    welke = (
        _("code {codes}").format(codes=", ".join(codes))
        if codes
        else _("een van de codes {codes}").format(
            codes=_("{lijst} of {laatste}").format(
                lijst=", ".join(REINTEGRATIECODES[:-1]), laatste=REINTEGRATIECODES[-1]
            )
        )
    )
    soorten = {str(getattr(p.situatie, "value", p.situatie)) for p in per}
    paren = []
    if "bijstand_traject" in soorten or not soorten:
        paren.append(
            (
                wko("1.6", 1, "c"),
                _("Recht voor een ouder met bijstand, IOAW, IOAZ of Anw die een traject gericht op werk volgt."),
            )
        )
    if "jonger_dan_18_bijstand_scholing" in soorten:
        paren.append((wko("1.6", 1, "e"), _("Recht voor een ouder jonger dan 18 met bijstand die scholing volgt.")))
    if "werkzoekende_traject" in soorten:
        paren.append(
            (
                wko("1.6", 1, "f"),
                _("Recht voor een werkzoekende zonder uitkering die een traject gericht op werk volgt."),
            )
        )
    if partner:
        paren.append((wko("1.6", 3), _("De partner moet ook voldoen; een traject telt daarbij mee.")))
    paren.append((bkot("8a", 1, "a"), _(BEPERKING_UREN)))
    return Route(
        code="traject",
        onderwerp=_("traject naar werk via de gemeente"),
        titel=_("Een traject naar werk via de gemeente"),
        wie=wie,
        maanden=maanden,
        maanden_betaald=betaald,
        uitleg=_(
            "Dienst Toeslagen controleert bij het Inlichtingenbureau of de gemeente het traject heeft "
            "geregistreerd, met {welke}. Ontbreekt die registratie, dan wordt de toeslag geweigerd of later "
            "teruggevorderd, ook als het traject wel meetelt. Met een verklaring van de gemeente kunt u dat "
            "voorkomen of herstellen."
        ).format(welke=welke),
        zin_brief=(
            _(
                "Mijn partner volgt een traject gericht op werk van de gemeente (een voorziening gericht op "
                "arbeidsinschakeling). Daardoor is kinderopvang nodig. De verklaring van de gemeente stuur ik mee."
            )
            if partner
            else _(
                "Ik volg een traject gericht op werk van de gemeente (een voorziening gericht op "
                "arbeidsinschakeling). Daardoor is kinderopvang nodig. De verklaring van de gemeente stuur ik mee."
            )
        ),
        grondslag=_grondslagen(paren, peil),
        documenten=[
            _(
                "Een verklaring van de gemeente over de activiteit: de naam van de activiteit, de begin- en "
                "einddatum, en de re-integratiecode waarmee de gemeente die heeft geregistreerd ({welke})"
            ).format(welke=welke),
            _("Het plan van aanpak of de trajectafspraken met de gemeente"),
            _(CONTRACT),
        ],
        stappen=[
            _(
                "Vraag uw consulent of het traject is geregistreerd bij het Inlichtingenbureau, met {welke}, en "
                "vanaf welke datum."
            ).format(welke=welke),
            _("Vraag de consulent om een verklaring over de activiteit met die code en de datums."),
            _("Vraag de toeslag aan in Mijn toeslagen en kies daar het traject."),
            _(
                "Weigert Dienst Toeslagen of vraagt zij om bewijs: stuur de brief uit dit pakket met de verklaring, "
                "of bel de BelastingTelefoon ({nummer})."
            ).format(nummer=BELASTINGTELEFOON),
        ],
        telefoon=_telefoon(
            _("uw partner een traject gericht op werk van de gemeente volgt")
            if partner
            else _("u een traject gericht op werk van de gemeente volgt"),
            "artikel 1.6, eerste lid, onder c, van de Wet kinderopvang",
        ),
        papier=_papier(),
        wijzigingen=[
            _("Het traject stopt, verandert of krijgt een andere re-integratiecode."),
            _("De uitkering stopt of verandert."),
        ],
        extra={"codes": codes},
    )


def _route_studie(h: Huishouden, wie: str, maanden: list[int], betaald: list[int], peil: dt.date) -> Route:
    partner = wie == "partner"
    paren = [(wko("1.6", 1, "j"), _("Recht voor een ouder die staat ingeschreven voor een opleiding."))]
    if partner:
        paren.append((wko("1.6", 3), _("De partner moet ook voldoen; een opleiding telt daarbij mee.")))
    paren.append((bkot("8a", 1, "a"), _(BEPERKING_UREN)))
    bijstand = bool(_perioden(h, wie, {"bijstand_traject"}))
    uitleg = _(
        "Een ouder die staat ingeschreven voor een opleiding heeft recht, ook zonder werk en ook met een "
        "uitkering. Dienst Toeslagen kan om een bewijs van inschrijving vragen."
    )
    if bijstand:
        uitleg += " " + _(
            "Volgt u de opleiding als deel van uw afspraken met de gemeente, vraag dan ook een verklaring van "
            "de gemeente."
        )
    return Route(
        code="studie",
        onderwerp=_("studie of opleiding"),
        titel=_("Een studie of opleiding"),
        wie=wie,
        maanden=maanden,
        maanden_betaald=betaald,
        uitleg=uitleg,
        zin_brief=(
            _("Mijn partner staat ingeschreven voor een opleiding. Het bewijs van inschrijving stuur ik mee.")
            if partner
            else _("Ik sta ingeschreven voor een opleiding. Het bewijs van inschrijving stuur ik mee.")
        ),
        grondslag=_grondslagen(paren, peil),
        documenten=[
            _("Een bewijs van inschrijving van de school of opleiding, met de begindatum en de (verwachte) einddatum"),
            _(CONTRACT),
        ]
        + (
            [_("Een verklaring van de gemeente dat de opleiding deel is van de afspraken met de gemeente")]
            if bijstand
            else []
        ),
        stappen=[
            _("Vraag een bewijs van inschrijving aan de school (vaak te downloaden in het studentenportaal)."),
            _("Vraag de toeslag aan in Mijn toeslagen en kies daar 'opleiding'."),
            _(
                "Vraagt Dienst Toeslagen om bewijs, of weigert zij: stuur de brief uit dit pakket met het bewijs, of "
                "bel de BelastingTelefoon ({nummer})."
            ).format(nummer=BELASTINGTELEFOON),
        ],
        telefoon=_telefoon(
            _("uw partner ingeschreven staat voor een opleiding")
            if partner
            else _("u ingeschreven staat voor een opleiding"),
            "artikel 1.6, eerste lid, onder j, van de Wet kinderopvang",
        ),
        papier=_papier(),
        wijzigingen=[_("De opleiding stopt of u schrijft zich uit."), _("De opleiding is klaar (diploma).")],
    )


def _route_inburgering(h: Huishouden, wie: str, maanden: list[int], betaald: list[int], peil: dt.date) -> Route:
    partner = wie == "partner"
    paren = [
        (
            wko("1.6", 1, "g"),
            _("Recht voor een ouder die inburgeringsplichtig is en een cursus of opleiding volgt voor de inburgering."),
        )
    ]
    # the requirement of a certificate or keurmerk is in the text of onderdeel g from the Wet inburgering 2021 on
    keurmerk = bestaat(wko("1.6", 1, "g"), peil) and "keurmerk" in wettekst(wko("1.6", 1, "g"), peil)
    if partner:
        paren.append((wko("1.6", 3), _("De partner moet ook voldoen; de inburgeringscursus telt daarbij mee.")))
    paren.append((bkot("8a", 1, "a"), _(BEPERKING_UREN)))
    uitleg = _(
        "Een ouder die inburgeringsplichtig is en een cursus of opleiding voor de inburgering volgt, heeft "
        "recht. Alleen de cursus of opleiding telt, niet de andere onderdelen van het traject."
    )
    if keurmerk:
        uitleg += " " + _("De school moet een keurmerk hebben, of de cursus komt van de gemeente.")
    return Route(
        code="inburgering",
        onderwerp=_("inburgeringscursus of -opleiding"),
        titel=_("Een inburgeringscursus of -opleiding"),
        wie=wie,
        maanden=maanden,
        maanden_betaald=betaald,
        uitleg=uitleg,
        zin_brief=(
            _(
                "Mijn partner is inburgeringsplichtig en volgt een cursus of opleiding voor de inburgering. "
                "Het bewijs daarvan stuur ik mee."
            )
            if partner
            else _(
                "Ik ben inburgeringsplichtig en volg een cursus of opleiding voor de inburgering. "
                "Het bewijs daarvan stuur ik mee."
            )
        ),
        grondslag=_grondslagen(paren, peil),
        documenten=[
            _("De brief van DUO over de inburgeringsplicht"),
            _(
                "Een bewijs van de taalschool of de gemeente dat de cursus of opleiding wordt gevolgd, met de "
                "begin- en einddatum en de naam van de school"
            ),
            _(CONTRACT),
        ],
        stappen=[
            _("Vraag de taalschool of de gemeente om een bewijs dat u de cursus of opleiding volgt, met de datums."),
            _("Vraag de toeslag aan in Mijn toeslagen en kies daar 'inburgering'."),
            _(
                "Vraagt Dienst Toeslagen om bewijs, of weigert zij: stuur de brief uit dit pakket met de bewijzen, of "
                "bel de BelastingTelefoon ({nummer}). Vraag bij de gemeente om hulp als u de brief niet "
                "goed begrijpt."
            ).format(nummer=BELASTINGTELEFOON),
        ],
        telefoon=_telefoon(
            _("uw partner een inburgeringscursus volgt") if partner else _("u een inburgeringscursus volgt"),
            "artikel 1.6, eerste lid, onder g, van de Wet kinderopvang",
        ),
        papier=_papier(),
        wijzigingen=[
            _("De cursus of opleiding stopt of is klaar (ook: u heeft het examen gehaald)."),
            _("U gaat alleen nog andere onderdelen van het traject doen (die tellen niet mee)."),
        ],
    )


def _route_werkloosheidstermijn(
    h: Huishouden, wie: str, maanden: list[int], betaald: list[int], peil: dt.date
) -> Route:
    jaar = h.berekeningsjaar
    partner = wie == "partner"
    laatste = _laatste_werkdag(h, wie)
    paren = [
        (
            wko("1.6", 5),
            _(
                "Wie stopt met werken, houdt drie kalendermaanden hetzelfde recht, gerekend vanaf de dag "
                "na de laatste werkdag. Bij een zwangerschap kan die periode langer zijn."
            ),
        )
    ]
    if jaar <= 2022:
        paren.append((bkot("8a", 4), _("In die maanden tellen de uren die de ouder voor het einde werkte.")))
    paren.append((bkot("8a", 1, "a"), _(BEPERKING_UREN)))
    if laatste:
        gestopt = (
            _("Mijn partner is gestopt met werken; de laatste werkdag was {datum}.")
            if partner
            else _("Ik ben gestopt met werken; de laatste werkdag was {datum}.")
        ).format(datum=_datum(laatste))
    else:
        gestopt = _("Mijn partner is gestopt met werken.") if partner else _("Ik ben gestopt met werken.")
    return Route(
        code="werkloosheidstermijn",
        onderwerp=_("recht na het einde van het werk"),
        titel=_("Gestopt met werken: het recht loopt nog drie maanden door"),
        wie=wie,
        maanden=maanden,
        maanden_betaald=betaald,
        uitleg=_(
            "Na de laatste werkdag loopt het recht nog drie kalendermaanden door. Geef het einde van het werk "
            "door; het recht stopt daarna als er geen nieuw werk, traject, studie of inburgering is. Het gaat om "
            "{maanden}."
        ).format(maanden=maanden_tekst(maanden, jaar)),
        zin_brief=gestopt + " " + _("Het recht loopt daarna nog drie kalendermaanden door."),
        grondslag=_grondslagen(paren, peil),
        documenten=[
            _(
                "Een bewijs van de laatste werkdag, bijvoorbeeld de beëindigingsovereenkomst, het ontslagbewijs of "
                "de laatste loonstrook"
            ),
            _("Bij een zwangerschap: de verklaring van de verloskundige of arts met de vermoedelijke bevallingsdatum"),
        ],
        stappen=[
            _("Geef in Mijn toeslagen door dat het werk is gestopt, met de laatste werkdag."),
            _("Controleer in het nieuwe voorschot dat de toeslag nog drie kalendermaanden doorloopt."),
            _(
                "Begint er binnen die drie maanden nieuw werk, een traject, een studie of een inburgeringscursus, "
                "geef dat dan ook door. Dan loopt het recht door."
            ),
            _(
                "Stopt Dienst Toeslagen de toeslag te vroeg: stuur de brief uit dit pakket met het bewijs, of bel "
                "de BelastingTelefoon ({nummer})."
            ).format(nummer=BELASTINGTELEFOON),
        ],
        telefoon=_telefoon(
            _("uw partner gestopt is met werken en het recht nog drie kalendermaanden doorloopt")
            if partner
            else _("u gestopt bent met werken en het recht nog drie kalendermaanden doorloopt"),
            "artikel 1.6, vijfde lid, van de Wet kinderopvang",
        ),
        papier=_papier(),
        wijzigingen=[
            _("Er begint nieuw werk, een traject, een studie of een inburgeringscursus."),
            _(
                "Na {maand} {jaar} stopt het recht als er dan niets nieuws is begonnen. "
                "Stop de opvang of geef door wat er wel is."
            ).format(maand=i18n.maandnaam(max(maanden)), jaar=jaar),
        ],
        extra={"laatste_werkdag": laatste},
    )


_BOUWERS = {
    "wlz": _route_wlz,
    "detentie": _route_detentie,
    "traject": _route_traject,
    "studie": _route_studie,
    "inburgering": _route_inburgering,
    "werkloosheidstermijn": _route_werkloosheidstermijn,
}


def pakket(h: Huishouden, r: Resultaat, catalogus: Any = None) -> Pakket:
    """The packet for this household: one route per exception or doelgroep that gives the right in some month.
    `catalogus`: the municipal catalogue `r` was computed with (for the codes a traject must be registered with)."""
    jaar = h.berekeningsjaar
    per_route = routes_per_maand(r)
    betaald_maanden = {m.maand for m in r.maanden if m.aanspraak}
    routes: list[Route] = []
    for code in ROUTES:
        for wie in ("aanvrager", "partner"):
            ms = sorted(set(per_route.get(code, {}).get(wie, [])))
            if not ms:
                continue
            peil = dt.date(jaar, ms[0], 1)
            betaald = [m for m in ms if m in betaald_maanden]
            if code == "traject":
                routes.append(_route_traject(h, wie, ms, betaald, peil, catalogus))
            else:
                routes.append(_BOUWERS[code](h, wie, ms, betaald, peil))
    peil = dt.date(jaar, 1, 1)
    return Pakket(
        jaar=jaar,
        routes=routes,
        maanden_recht=sorted(betaald_maanden),
        partner=h.partner is not None,
        aanvraagdatum=h.aanvraagdatum,
        verloren=sorted(getattr(r, "verloren_maanden", None) or []),
        wijzigingen_algemeen=[
            _("Het werk, het traject, de studie of de inburgering van u of uw partner begint, stopt of verandert."),
            _("Het inkomen wordt hoger of lager dan u opgaf."),
            _(
                "De kinderopvang verandert: meer of minder uren, een andere uurprijs, een andere soort opvang of een "
                "andere opvang."
            ),
            _("U krijgt een partner, of uw partner gaat weg."),
            _("Een kind gaat niet meer naar de opvang, of gaat naar het voortgezet onderwijs."),
        ],
        wijzigingen_termijn=_(
            "Geef een wijziging zo snel mogelijk door, in elk geval binnen 4 weken. Dat kan in Mijn "
            "toeslagen, of via de BelastingTelefoon ({nummer})."
        ).format(nummer=BELASTINGTELEFOON),
        wijzigingen_gevolg=_(
            "Geeft u een wijziging niet door, dan krijgt u een voorschot dat niet klopt. Is het te "
            "hoog, dan moet u het verschil later terugbetalen, ook als dat een groot bedrag is. Is het "
            "te laag, dan krijgt u het verschil pas na de definitieve berekening."
        ),
        wijzigingen_grondslag=_grondslagen(
            [
                (awir("17", 1), _("Wie een voorschot krijgt, moet een wijziging die van belang is melden.")),
                (
                    awir("17", 2),
                    _("Welke wijzigingen, hoe en binnen welke termijn, staat in een ministeriële regeling."),
                ),
                (awir("21", 1), _("Dienst Toeslagen kan een te hoge toeslag herzien.")),
                (awir("21", 3), _("Zo'n herziening kan leiden tot terugbetalen.")),
            ],
            peil,
        ),
        aanvraag_grondslag=_grondslagen(
            [
                (
                    wko("1.3", 2, "b"),
                    _(
                        "Een aanvraag werkt terug tot de eerste dag van de derde kalendermaand vóór de maand "
                        "van de aanvraag."
                    ),
                )
            ],
            peil,
        ),
    )


# --------------------------------------------------------------------------------- personal details
VELDEN = (  # (field, label marked for the catalogue and translated where it is shown, maximum length)
    ("naam", N_("Naam van de aanvrager"), 100),
    ("adres", N_("Straat en huisnummer"), 100),
    ("postcode", N_("Postcode en woonplaats"), 100),
    ("bsn", N_("Burgerservicenummer (BSN) van de aanvrager"), 11),
    ("partner_naam", N_("Naam van de partner"), 100),
    ("plaats", N_("Plaats waar u de brief ondertekent"), 60),
)


@dataclass(frozen=True)
class Persoonsgegevens:
    """What the user typed into the letter's fields. Lives only for the one request that renders the letter: never
    stored, never logged, never in an address. `repr` shows no value, so a traceback or a log line cannot leak it."""

    naam: str = ""
    adres: str = ""
    postcode: str = ""
    bsn: str = ""
    partner_naam: str = ""
    plaats: str = ""
    datum: dt.date | None = None

    def __repr__(self) -> str:
        return "Persoonsgegevens(<niet getoond>)"

    __str__ = __repr__


def persoonsgegevens(form: dict[str, str]) -> tuple[Persoonsgegevens, dict[str, str]]:
    """The fields of the letter form, cleaned up, and errors per field (only the BSN and the date are checked: every
    field may be left empty, to fill in by hand)."""
    fouten: dict[str, str] = {}
    w = {k: re.sub(r"\s+", " ", str(form.get(k) or "")).strip()[:maximum] for k, _label, maximum in VELDEN}
    bsn = re.sub(r"[\s.]", "", w["bsn"])
    if bsn and (not bsn.isdigit() or len(bsn) not in (8, 9) or not _elfproef(bsn.zfill(9))):
        fouten["bsn"] = _(
            "Vul een geldig burgerservicenummer in (9 cijfers), of laat het leeg en schrijf het er later bij."
        )
    w["bsn"] = bsn
    datum = None
    d = str(form.get("datum") or "").strip()
    if d:
        m = re.fullmatch(r"(\d{1,2})[-/ .](\d{1,2})[-/ .](\d{4})", d)
        try:
            datum = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else dt.date.fromisoformat(d)
        except ValueError:
            fouten["datum"] = _("Vul een bestaande datum in, bijvoorbeeld 15-03-2026, of laat het leeg.")
    return Persoonsgegevens(**w, datum=datum), fouten


def _elfproef(bsn: str) -> bool:
    return sum(int(c) * f for c, f in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0


# ------------------------------------------------------------------------------------------------ the letter
def brief(p: Pakket, route: Route, g: Persoonsgegevens) -> dict[str, Any]:
    """The cover letter as structured parts (the text and PDF renderers lay it out). Empty personal fields become
    lines to fill in by hand. Written in the language of the moment: the letter sent to Dienst Toeslagen is built in
    Dutch (`brief_nl`); in English the same parts explain on the page what the Dutch letter says."""
    lijn = "...................................................."
    jaar = p.jaar
    maanden = route.maanden_betaald or route.maanden
    te_laat = [m for m in route.maanden if m not in route.maanden_betaald]
    onderwerp = _("Aanvraag kinderopvangtoeslag {jaar}: {onderwerp}").format(jaar=jaar, onderwerp=route.onderwerp)
    alle = sorted(set(p.maanden_recht) | set(maanden))
    grond = route.zin_brief
    if alle != maanden:
        grond += " " + _("Dit geldt voor {maanden}.").format(maanden=maanden_tekst(maanden, jaar))
    alineas = [
        _("Ik vraag kinderopvangtoeslag aan voor {jaar}, voor de maanden {maanden}.").format(
            jaar=jaar, maanden=maanden_tekst(alle, jaar)
        ),
        grond,
        _("Dit staat in de wet:"),
    ]
    artikelen = [f"{gr.voluit}: {gr.uitleg}" for gr in route.grondslag]
    slot = []
    if route.code in ("wlz", "detentie"):
        slot.append(
            _(
                "Het aanvraagportaal Mijn toeslagen geeft bij deze situatie 'geen recht'. Dat is niet juist. Ik "
                "vraag u daarom mijn aanvraag met de hand te beoordelen en mij de formulieren te sturen die daarvoor "
                "nodig zijn."
            )
        )
    if te_laat and p.aanvraagdatum is not None:
        slot.append(
            _(
                "Ik weet dat een aanvraag maar drie maanden terugwerkt (art. 1.3 lid 2 onder b Wko). Voor "
                "{maanden} vraag ik daarom geen toeslag."
            ).format(maanden=maanden_tekst(te_laat, jaar))
        )
    slot.append(_("Ik stuur mee:"))
    return {
        "afzender": [g.naam or lijn, g.adres or lijn, g.postcode or lijn],
        "bsn": g.bsn or lijn,
        "aan": ["Dienst Toeslagen"],
        "plaats_datum": f"{g.plaats or lijn}, {_datum(g.datum) if g.datum else lijn}",
        "onderwerp": onderwerp,
        "aanhef": _("Geachte heer, mevrouw,"),
        "alineas": alineas,
        "artikelen": artikelen,
        "slot": slot,
        "bijlagen": route.documenten,
        "groet": _("Met vriendelijke groet,"),
        "ondertekening": [(_("Handtekening aanvrager"), g.naam or lijn)]
        + ([(_("Handtekening partner"), g.partner_naam or lijn)] if p.partner else []),
        "wetteksten": [
            (_("{artikel} (tekst geldend vanaf {datum})").format(artikel=gr.voluit, datum=gr.versie_tekst), gr.tekst)
            for gr in route.grondslag
        ],
    }


def brief_tekst(p: Pakket, route: Route, g: Persoonsgegevens) -> str:
    """The letter as plain text: the same parts as the PDF, one blank line between blocks."""
    b = brief(p, route, g)
    blokken = [
        "\n".join(b["afzender"] + [f"BSN: {b['bsn']}"]),
        _("Aan: {wie}").format(wie=", ".join(b["aan"])),
        b["plaats_datum"],
        _("Onderwerp: {onderwerp}").format(onderwerp=b["onderwerp"]),
        b["aanhef"],
        *b["alineas"],
        "\n".join(f"- {a}" for a in b["artikelen"]),
        *b["slot"][:-1],
        b["slot"][-1] + "\n" + "\n".join(f"- {d}" for d in b["bijlagen"]),
        b["groet"],
    ]
    blokken += [f"{wie}: ....................................\n{naam}" for wie, naam in b["ondertekening"]]
    blokken.append(_("Bijlage: de tekst van de wetsartikelen"))
    blokken += [f"{titel}\n{tekst}" for titel, tekst in b["wetteksten"]]
    return "\n\n".join(blokken) + "\n"


def pakket_nl(h: Huishouden, r: Resultaat, catalogus: Any = None) -> Pakket:
    """The packet in Dutch, whatever the page's language: the letter to Dienst Toeslagen is built from it."""
    with i18n.in_taal("nl"):
        return pakket(h, r, catalogus)


def route_van(p: Pakket, sleutel: str) -> Route | None:
    """`sleutel` is '<code>-<wie>', as the page's form sends it."""
    return next((r for r in p.routes if f"{r.code}-{r.wie}" == sleutel), None)
