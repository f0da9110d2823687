"""Compare a KOT letter line by line with what the law gives for the same facts.

The law side is the public `bereken()` for the household (the facts), with the letter's toetsingsinkomen where the
facts give none. Every difference names the rule that causes it: the first child (Bkot art. 3), the maximum uurprijs
(Wko art. 1.7 lid 2, Bkot art. 4), hours above 230 (Bkot art. 8a lid 1 onder a) or above the pool (art. 8a lid 1
onder b), months without aanspraak (Wko art. 1.5/1.6), a late application (Wko art. 1.3 lid 2 onder b), the koppeling
gewerkte uren (2021-2022), a percentage that does not match the table (Bkot art. 8 lid 2, Bijlage I), a missing month,
and a different toetsingsinkomen (Awir art. 7 and 8).

Part of a month. A letter states each period with exact dates. A change in the care itself counts from its own day
(Wko art. 1.3 lid 2 sets Awir art. 5 aside for the kosten per kind; Bkot art. 2 fixes the amount per calendar month),
so a period that covers part of a month gets the part of that month's amount: days of the period in the month divided
by the days of the month. That factor is the practice of Dienst Toeslagen as shown in one worked calculation (svb.nl,
"Voorbeeld toeslaggegevens in Mijn SVB en de berekening": periodefactor 16/31 for 16-31 December), which is about the
2020/2021 compensation that reuses the KOT data, not a KOT text: an indirect source, said so in the result. The care
in the facts may carry its own dates (Opvang.van / Opvang.tot); the law side prorates by them in the same way.

Where the table cell the law needs is missing (2025, next children above EUR 50.811), the letter's percentage is taken,
said so, and checked against the bounds of kotwijzer.params.grenzen; outside them the letter looks wrong.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from kotwijzer import i18n
from kotwijzer.beschikking.model import Beschikking
from kotwijzer.beschikking.termijn import bezwaartermijn
from kotwijzer.i18n import N_, _, ngettext
from kotwijzer.model import Huishouden, KindMaand, Resultaat
from kotwijzer.params import OntbrekendeWetgeving, parameters_voor_jaar
from kotwijzer.params.grenzen import cel_grenzen
from kotwijzer.params.loader import max_meta

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron

SOORT = {
    "dagopvang": N_("dagopvang"),
    "buitenschoolse_opvang": N_("buitenschoolse opvang"),
    "gastouderopvang": N_("gastouderopvang"),
}
DAGFACTOR_BRON = N_(
    "Dagfactor (dagen van de periode in de maand gedeeld door de dagen van de maand): de werkwijze van Dienst "
    'Toeslagen zoals die blijkt uit één uitgewerkte berekening (svb.nl, "Voorbeeld toeslaggegevens in Mijn SVB en de '
    'berekening", periodefactor 16/31). Die gaat over de compensatie van de eigen bijdrage 2020/2021, die de gegevens '
    "van de kinderopvangtoeslag gebruikt: een indirecte bron, geen tekst over de kinderopvangtoeslag zelf."
)
CENT = Decimal("0.01")


def _c(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


# Texts are written in the language of the moment (`kotwijzer.i18n`): Dutch for the API, the CLI and the
# bezwaarschrift (which goes to Dienst Toeslagen), English on an English page of the parent flow.
def euro_regel(x: Decimal | None) -> str:
    """€ 1.234,56 / -€ 1.234,56 (English: €1,234.56 / -€1,234.56)."""
    if x is None:
        return _("onbekend")
    return i18n.euro(x, min_voor=True)


def _pct(p: Decimal | None) -> str:
    if p is None:
        return _("onbekend")
    return i18n.procent(p, 1)


def _duizend(x: int) -> str:
    return i18n.getal(int(x))


def _uren(u: Decimal) -> str:
    return i18n.getal(Decimal(u))


def _kern(tekst: str) -> str:
    """A sentence of the core (a month's reason, the hour pool) in the language of the moment."""
    if i18n.taal() == i18n.STANDAARD or not tekst:
        return tekst
    from kotwijzer.web.kerntekst import vertaal_kern

    return vertaal_kern(tekst)


def _rangorde(n: int) -> str:
    return _("1e kind") if n == 1 else _("{n}e kind").format(n=n)


class Verschil(BaseModel):
    code: Literal[
        "toetsingsinkomen",
        "geen_opvang",
        "geen_aanspraak",
        "te_laat",
        "uren_230",
        "urenpotje",
        "kgu",
        "uren_minder",
        "uren_meer",
        "maximum_uurprijs",
        "uurprijs_lager",
        "eerste_kind",
        "percentage_tabel",
        "percentage_buiten_grenzen",
        "percentage_uit_brief",
        "ontbrekende_maand",
        "bedrag_rekenfout",
        "periode",
    ]
    regel: int | None = None  # line of the letter (1-based); None for the whole letter
    kind: int | None = None
    maanden: list[int] = Field(default_factory=list)
    brief: str  # what the letter says
    wet: str  # what the law gives
    uitleg: str  # the rule that causes the difference, plain Dutch
    bronnen: list[str] = Field(default_factory=list)
    in_uw_voordeel: bool | None = None  # True: the law gives more than the letter (a ground for bezwaar)


class MaandDeel(BaseModel):
    maand: int
    dagen: int
    dagen_in_maand: int


class RegelUitkomst(BaseModel):
    nummer: int
    kind: int
    label: str
    van: dt.date
    tot: dt.date
    maanden: list[MaandDeel]
    brief: dict[str, Any]
    wet: dict[str, Any]
    bedrag_brief: Decimal | None
    bedrag_brief_herrekend: Decimal  # the letter's own figures recomputed
    bedrag_wet_onder: Decimal | None
    bedrag_wet_boven: Decimal | None
    klopt: bool


class Controle(BaseModel):
    berekeningsjaar: int
    soort_brief: str
    datum_brief: dt.date
    toetsingsinkomen_brief: int
    toetsingsinkomen_wet: int
    regels: list[RegelUitkomst]
    verschillen: list[Verschil]
    totaal_brief: Decimal
    totaal_wet_onder: Decimal | None
    totaal_wet_boven: Decimal | None
    al_betaald: Decimal | None
    uitkomst_brief: Decimal | None  # nabetaling (+) / terugvordering (-) per the letter
    uitkomst_wet_onder: Decimal | None
    uitkomst_wet_boven: Decimal | None
    oordeel: Literal["klopt", "verschil", "onzeker"]
    samenvatting: str
    termijn: dict[str, Any]
    aannames: list[str]
    bronnen_praktijk: list[str]


def _delen(van: dt.date, tot: dt.date) -> list[MaandDeel]:
    out = []
    for m in range(van.month, tot.month + 1):
        n = monthrange(van.year, m)[1]
        a = van.day if m == van.month else 1
        b = tot.day if m == tot.month else n
        out.append(MaandDeel(maand=m, dagen=b - a + 1, dagen_in_maand=n))
    return out


def _factor(d: MaandDeel) -> Decimal:
    return Decimal(d.dagen) / Decimal(d.dagen_in_maand)


def _kind_maand(r: Resultaat, maand: int, kind: int) -> KindMaand | None:
    return next((k for k in r.maanden[maand - 1].kinderen if k.kind == kind), None)


def _feit_factor(h: Huishouden, kind: int, maand: int, jaar: int) -> Decimal:
    """The part of the month the care in the facts covers (Opvang.van/tot), 1 without dates."""
    k = h.kinderen[kind - 1]
    n = monthrange(jaar, maand)[1]
    beste = Decimal(0)
    for o in k.opvang:
        if maand not in o.maanden:
            continue
        a = o.van.day if (o.van and o.van.year == jaar and o.van.month == maand) else 1
        b = o.tot.day if (o.tot and o.tot.year == jaar and o.tot.month == maand) else n
        beste = max(beste, Decimal(max(0, b - a + 1)) / Decimal(n))
    return beste


def _andere_jaar_maximum(prijs: Decimal, soort: str, jaar: int) -> int | None:
    for j, row in sorted(max_meta()["jaren"].items()):
        if int(j) != jaar and Decimal(str(row.get(soort, "0"))) == prijs:
            return int(j)
    return None


def controleer(
    h: Huishouden | dict, brief: Beschikking | dict, vandaag: dt.date | None = None, catalogus: CatalogusBron = None
) -> Controle:
    """Check a letter against the law for the facts `h`. Raises OntbrekendeInvoer / ValidationError on bad input.
    `catalogus`: the municipal catalogue a named activity is classified with, as in `bereken`."""
    from kotwijzer.compute import bereken
    from kotwijzer.invoer import OntbrekendeInvoer

    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    if not isinstance(brief, Beschikking):
        brief = Beschikking.model_validate(brief)
    vandaag = vandaag or dt.date.today()
    jaar = brief.berekeningsjaar
    if h.berekeningsjaar != jaar:
        raise OntbrekendeInvoer(
            "beschikking.berekeningsjaar",
            _("De brief gaat over {jaar}, het huishouden over {ander}. Kies hetzelfde jaar.").format(
                jaar=jaar, ander=h.berekeningsjaar
            ),
        )
    for i, rg in enumerate(brief.regels, start=1):
        if rg.kind > len(h.kinderen):
            raise OntbrekendeInvoer(
                f"beschikking.regels[{i}].kind",
                ngettext(
                    "Regel {i} noemt kind {kind}, maar het huishouden heeft {n} kind.",
                    "Regel {i} noemt kind {kind}, maar het huishouden heeft {n} kinderen.",
                    len(h.kinderen),
                ).format(i=i, kind=rg.kind, n=len(h.kinderen)),
            )
    aannames: list[str] = []
    if h.aanvraagdatum is None:
        # a letter exists, so the toeslag was applied for; without the date, take it as on time for the whole year
        h = h.model_copy(update={"aanvraagdatum": dt.date(jaar, 1, 1)})
        aannames.append(
            _(
                "Er is geen aanvraagdatum opgegeven. Er is een brief, dus u heeft aangevraagd; kotwijzer neemt "
                "aan dat dat op tijd was voor het hele jaar. Vroeg u later aan, vul dan de datum in: een "
                "aanvraag werkt maar drie maanden terug (art. 1.3 lid 2 onder b Wko)."
            )
        )
    inkomen_wet = h.toetsingsinkomen if h.toetsingsinkomen is not None else brief.toetsingsinkomen
    r = bereken(h.model_copy(update={"toetsingsinkomen": inkomen_wet}), vandaag=vandaag, catalogus=catalogus)
    try:
        t = parameters_voor_jaar(jaar).tabel()
    except OntbrekendeWetgeving:
        t = None
    labels = [k.label or _("kind {n}").format(n=i + 1) for i, k in enumerate(h.kinderen)]
    v = _Vergelijking(h, brief, r, jaar, t, inkomen_wet, labels)
    if inkomen_wet != brief.toetsingsinkomen:
        v.verschillen.append(
            Verschil(
                code="toetsingsinkomen",
                brief=_("toetsingsinkomen {bedrag}").format(bedrag=i18n.hele_euro(brief.toetsingsinkomen)),
                wet=_("uw gegevens: {bedrag}").format(bedrag=i18n.hele_euro(inkomen_wet)),
                uitleg=_(
                    "Dienst Toeslagen rekent met een ander gezamenlijk toetsingsinkomen. Het percentage hangt af van het "
                    "toetsingsinkomen van u en uw toeslagpartner samen. Vergelijk het met uw aanslag of aangifte "
                    "inkomstenbelasting. kotwijzer rekent hieronder met het inkomen uit uw gegevens."
                ),
                bronnen=["art. 7 lid 1 Awir", "art. 8 lid 1 Awir", "art. 8 lid 2 Bkot"],
                in_uw_voordeel=None,
            )
        )
    regels = [_vergelijk_regel(v, nr, rg) for nr, rg in enumerate(brief.regels, start=1)]
    _ontbrekende_maanden(v)
    return _uitkomst(v, regels, aannames, vandaag)


@dataclass
class _Vergelijking:
    """What the comparison of one letter works with, and what it collects: the differences, the part of each child's
    month the letter covers, and the totals (None where an amount rests on a missing table cell without bounds)."""

    h: Huishouden
    brief: Beschikking
    r: Resultaat
    jaar: int
    tabel: Any  # the year's table, or None when it is missing
    inkomen_wet: int
    labels: list[str]
    verschillen: list[Verschil] = field(default_factory=list)
    gedekt: dict[tuple[int, int], Decimal] = field(default_factory=dict)  # (kind, maand) -> part of the month
    tot_brief: Decimal = Decimal(0)
    tot_lo: Decimal | None = Decimal(0)
    tot_hi: Decimal | None = Decimal(0)

    def rij_promille(self, inkomen: int, eerste: bool) -> tuple[int | None, Any]:
        """(table percentage in promille or None when the cell is missing, bounds) at an income."""
        t = self.tabel
        if t is None:
            return None, None
        try:
            rij = int(t.rij(inkomen)["rij"]) - 1
        except OntbrekendeWetgeving:
            return None, None
        p = int((t.eerste_kind if eerste else t.overige_kinderen)[rij])
        return (None, cel_grenzen(t, rij, eerste)) if p < 0 else (p, None)


def _vergelijk_regel(v: _Vergelijking, nr: int, rg: Any) -> RegelUitkomst:
    """One line of the letter against the law, month by month."""
    delen = _delen(rg.van, rg.tot)
    eerste_brief = rg.rangorde == 1
    label = v.labels[rg.kind - 1]
    # the letter's own arithmetic
    # per child per month, rounded half up to the cent (brochure "Berekening kinderopvangtoeslag", Dienst Toeslagen)
    eigen = sum((_c(_factor(d) * rg.uren_per_maand * rg.uurprijs * rg.percentage / 100) for d in delen), Decimal(0))
    bedrag_brief = rg.bedrag if rg.bedrag is not None else eigen
    v.tot_brief += bedrag_brief
    _brief_zelf(v, nr, rg, delen, eigen, eerste_brief)
    wet_lo = Decimal(0)
    wet_hi: Decimal | None = Decimal(0)
    wet_info: dict[str, Any] = {"maanden": []}
    for d in delen:
        lo, hi = _vergelijk_maand(v, nr, rg, d, label, eerste_brief, wet_info)
        wet_lo += lo
        wet_hi = None if wet_hi is None or hi is None else wet_hi + hi
    lo_b = _c(wet_lo)
    hi_b = _c(wet_hi) if wet_hi is not None else None
    if wet_hi is None:
        v.tot_lo = v.tot_hi = None
    elif v.tot_lo is not None and v.tot_hi is not None and hi_b is not None:  # hi_b is set when wet_hi is
        v.tot_lo += lo_b
        v.tot_hi += hi_b
    klopt = (
        hi_b is not None
        and lo_b <= bedrag_brief <= hi_b
        and not any(x.regel == nr for x in v.verschillen if x.code != "percentage_uit_brief")
    )
    return RegelUitkomst(
        nummer=nr,
        kind=rg.kind,
        label=label,
        van=rg.van,
        tot=rg.tot,
        maanden=delen,
        brief={
            "opvangsoort": rg.opvangsoort.value,
            "uren_per_maand": str(rg.uren_per_maand),
            "uurprijs": str(rg.uurprijs),
            "rangorde": rg.rangorde,
            "percentage": str(rg.percentage),
        },
        wet=wet_info,
        bedrag_brief=rg.bedrag,
        bedrag_brief_herrekend=eigen,
        bedrag_wet_onder=lo_b,
        bedrag_wet_boven=hi_b,
        klopt=klopt,
    )


def _brief_zelf(v: _Vergelijking, nr: int, rg: Any, delen: list[MaandDeel], eigen: Decimal, eerste_brief: bool) -> None:
    """The letter against itself: its amount against its own figures, its percentage against the table at its own
    income and rangorde (or against the bounds where the cell is not published)."""
    brief, jaar, verschillen = v.brief, v.jaar, v.verschillen
    if rg.bedrag is not None and abs(rg.bedrag - eigen) > CENT * len(delen):
        verschillen.append(
            Verschil(
                code="bedrag_rekenfout",
                regel=nr,
                kind=rg.kind,
                maanden=[d.maand for d in delen],
                brief=_("bedrag {bedrag}").format(bedrag=euro_regel(rg.bedrag)),
                wet=_("uit de cijfers van de brief zelf: {bedrag}").format(bedrag=euro_regel(eigen)),
                uitleg=_(
                    "Het bedrag in de brief volgt niet uit de uren, de uurprijs en het percentage in dezelfde "
                    "regel (uren x uurprijs x percentage, per maand, naar rato van de dagen)."
                ),
                bronnen=["art. 1.7 lid 1 Wko", "art. 2 Bkot"],
                in_uw_voordeel=eigen > rg.bedrag,
            )
        )
    # the letter's percentage against the table at the letter's own income and rangorde
    p_tabel, g_brief = v.rij_promille(brief.toetsingsinkomen, eerste_brief)
    wie_brief = _("het eerste kind") if eerste_brief else _("een ander kind")
    if p_tabel is not None and Decimal(p_tabel) / 10 != rg.percentage:
        verschillen.append(
            Verschil(
                code="percentage_tabel",
                regel=nr,
                kind=rg.kind,
                maanden=[d.maand for d in delen],
                brief=_("{percentage} voor {wie}").format(percentage=_pct(rg.percentage), wie=wie_brief),
                wet=_("tabel {jaar} bij {inkomen}: {percentage}").format(
                    jaar=jaar,
                    inkomen=i18n.hele_euro(brief.toetsingsinkomen),
                    percentage=_pct(Decimal(p_tabel) / 10),
                ),
                uitleg=_(
                    "Het percentage in de brief past niet bij de tabel voor {jaar} bij het inkomen en de rangorde "
                    "die de brief zelf noemt."
                ).format(jaar=jaar),
                bronnen=["art. 8 lid 2 Bkot", "Bijlage I Bkot"],
                in_uw_voordeel=Decimal(p_tabel) / 10 > rg.percentage,
            )
        )
    elif g_brief is not None:
        lo, hi = Decimal(g_brief.onder.promille) / 10, Decimal(g_brief.boven.promille) / 10
        if not lo <= rg.percentage <= hi:
            verschillen.append(
                Verschil(
                    code="percentage_buiten_grenzen",
                    regel=nr,
                    kind=rg.kind,
                    maanden=[d.maand for d in delen],
                    brief=_("{percentage} voor {wie}").format(percentage=_pct(rg.percentage), wie=wie_brief),
                    wet=_("tussen {onder} en {boven}").format(onder=_pct(lo), boven=_pct(hi)),
                    uitleg=_(
                        "Dit percentage is niet gepubliceerd, maar ligt volgens de wet en de gepubliceerde tabellen "
                        "tussen {onder} en {boven}. Het percentage in de brief ligt daarbuiten; de brief lijkt "
                        "niet te kloppen. Ondergrens: {reden_onder} Bovengrens: {reden_boven}"
                    ).format(
                        onder=_pct(lo),
                        boven=_pct(hi),
                        reden_onder=_kern(g_brief.onder.reden),
                        reden_boven=_kern(g_brief.boven.reden),
                    ),
                    bronnen=["art. 8 lid 2 Bkot", "Bijlage I Bkot"],
                    in_uw_voordeel=rg.percentage < lo,
                )
            )


def _vergelijk_maand(
    v: _Vergelijking, nr: int, rg: Any, d: MaandDeel, label: str, eerste_brief: bool, wet_info: dict[str, Any]
) -> tuple[Decimal, Decimal | None]:
    """One month of a line: the differences (care, period, right, hours, price, first child, percentage) and the
    law's amount for the month as (lower, upper) bound; upper None when the percentage is unknown."""
    h, r, jaar, verschillen, gedekt = v.h, v.r, v.jaar, v.verschillen, v.gedekt
    m = d.maand
    km = _kind_maand(r, m, rg.kind)
    gedekt[(rg.kind, m)] = gedekt.get((rg.kind, m), Decimal(0)) + _factor(d)
    mm = r.maanden[m - 1]
    mnaam = i18n.maandnaam(m)
    if km is None:
        verschillen.append(
            Verschil(
                code="geen_opvang",
                regel=nr,
                kind=rg.kind,
                maanden=[m],
                brief=_("opvang"),
                wet=_("in uw gegevens geen opvang voor dit kind in deze maand"),
                uitleg=_("Controleer de opvang in uw gegevens of in de brief: zonder opvang is er geen toeslag."),
                bronnen=["art. 1.5 lid 1 Wko"],
                in_uw_voordeel=False,
            )
        )
        wet_info["maanden"].append({"maand": m, "toeslag": "0"})
        return Decimal(0), Decimal(0)
    ff = _feit_factor(h, rg.kind, m, jaar)
    f = min(_factor(d), ff)
    if ff < _factor(d):
        verschillen.append(
            Verschil(
                code="periode",
                regel=nr,
                kind=rg.kind,
                maanden=[m],
                brief=_("{dagen} van de {van} dagen van {maand}").format(
                    dagen=d.dagen, van=d.dagen_in_maand, maand=mnaam
                ),
                wet=_("volgens uw gegevens {dagen} dagen opvang in {maand}").format(
                    dagen=int(ff * d.dagen_in_maand), maand=mnaam
                ),
                uitleg=_(
                    "Een wijziging in de opvang zelf (begin of einde, prijs, uren) telt vanaf de dag zelf; het "
                    "bedrag van die maand gaat dan naar rato van de dagen. De brief telt meer dagen opvang dan "
                    "uw gegevens."
                ),
                bronnen=["art. 1.3 lid 2 Wko", "art. 2 Bkot"],
                in_uw_voordeel=False,
            )
        )
    uren_wet = km.uren_in_aanmerking
    prijs_wet = km.uurprijs_gebruikt
    if not km.aanspraak or uren_wet == 0:
        _geen_recht(v, nr, rg, m, km, mm, label)
        wet_info["maanden"].append({"maand": m, "toeslag": "0", "uren": "0"})
        return Decimal(0), Decimal(0)
    _uren_verschil(v, nr, rg, m, km, uren_wet)
    _prijs_verschil(v, nr, rg, m, km, prijs_wet)
    _eerste_kind_verschil(v, nr, rg, m, km, mm, label, eerste_brief)
    lo_p, hi_p = _percentage_wet(v, nr, rg, m, km, eerste_brief)
    kosten = uren_wet * (prijs_wet or Decimal(0))
    wet_info["maanden"].append(
        {
            "maand": m,
            "uren": str(uren_wet),
            "uurprijs": str(prijs_wet),
            "eerste_kind": km.eerste_kind,
            "percentage": None if lo_p is None else (str(lo_p) if lo_p == hi_p else f"{lo_p}-{hi_p}"),
            "factor": f"{d.dagen}/{d.dagen_in_maand}" if d.dagen != d.dagen_in_maand else "1",
        }
    )
    if lo_p is None or hi_p is None:  # both None, or both set
        return Decimal(0), None
    return _c(f * kosten * lo_p / 100), _c(f * kosten * hi_p / 100)


def _geen_recht(v: _Vergelijking, nr: int, rg: Any, m: int, km: KindMaand, mm: Any, label: str) -> None:
    """A month the letter pays for without a right under the law (late application, hour pool used up, no right)."""
    (verschillen,) = (v.verschillen,)
    te_laat = mm.reden == "te_laat_aangevraagd" or "te_laat_aangevraagd" in km.redenen
    redenen = [x for x in km.redenen if x not in ("meer_dan_230_uur", "urenpotje_op")]
    uitleg = mm.uitleg if not mm.aanspraak else "; ".join(redenen) or mm.uitleg
    verschillen.append(
        Verschil(
            code="te_laat" if te_laat else ("urenpotje" if "urenpotje_op" in km.redenen else "geen_aanspraak"),
            regel=nr,
            kind=rg.kind,
            maanden=[m],
            brief=_("toeslag voor {kind}").format(kind=label),
            wet=_("geen recht in deze maand"),
            uitleg=(
                _("De aanvraag werkt maar drie maanden terug: voor deze maand was de aanvraag te laat.")
                if te_laat
                else (
                    _("Het urenpotje voor het jaar is op.")
                    if "urenpotje_op" in km.redenen
                    else _("Volgens de wet is er in deze maand geen recht: {reden}").format(
                        reden=_lees_reden(_kern(uitleg))
                    )
                )
            ),
            bronnen=(
                ["art. 1.3 lid 2 onder b Wko"]
                if te_laat
                else [b.citaat for b in (mm.bronnen if not mm.aanspraak else [])] or ["art. 1.5 Wko", "art. 1.6 Wko"]
            ),
            in_uw_voordeel=False,
        )
    )


def _uren_verschil(v: _Vergelijking, nr: int, rg: Any, m: int, km: KindMaand, uren_wet: Decimal) -> None:
    """The letter's hours against the hours the law counts (230 a month, the hour pool, the hours in the facts)."""
    r, verschillen = v.r, v.verschillen
    if rg.uren_per_maand > uren_wet:
        if "meer_dan_230_uur" in km.redenen and km.uren_opgegeven >= rg.uren_per_maand:
            code, uitleg, bron = (
                "uren_230",
                _("Per kind telt hoogstens 230 uur opvang per maand."),
                ["art. 8a lid 1 onder a Bkot"],
            )
        elif "urenpotje_op" in km.redenen:
            code, uitleg, bron = (
                "urenpotje" if not r.urenpotjes or r.urenpotjes[0].soort == "alle_opvang" else "kgu",
                _kern(r.urenpotjes[0].uitleg) if r.urenpotjes else _("Het urenpotje is op."),
                ["art. 8a lid 1 onder b Bkot"],
            )
        else:
            code, uitleg, bron = (
                "uren_meer",
                _(
                    "De brief telt meer uren dan in uw gegevens staan ({uren} uur). Controleer de "
                    "jaaropgave van de opvang."
                ).format(uren=_uren(km.uren_opgegeven)),
                ["art. 1.7 lid 1 onder b Wko"],
            )
        verschillen.append(
            Verschil(
                code=code,
                regel=nr,
                kind=rg.kind,
                maanden=[m],
                brief=_("{uren} uur").format(uren=_uren(rg.uren_per_maand)),
                wet=_("{uren} uur").format(uren=_uren(uren_wet)),
                uitleg=uitleg,
                bronnen=bron,
                in_uw_voordeel=False,
            )
        )
    elif rg.uren_per_maand < uren_wet:
        verschillen.append(
            Verschil(
                code="uren_minder",
                regel=nr,
                kind=rg.kind,
                maanden=[m],
                brief=_("{uren} uur").format(uren=_uren(rg.uren_per_maand)),
                wet=_("{uren} uur").format(uren=_uren(uren_wet)),
                uitleg=_(
                    "De brief telt minder opvanguren dan uw gegevens. Dienst Toeslagen gebruikt de uren uit de "
                    "jaaropgave van de opvang: vergelijk die met uw contract en facturen."
                ),
                bronnen=["art. 1.7 lid 1 onder b Wko"],
                in_uw_voordeel=True,
            )
        )


def _prijs_verschil(v: _Vergelijking, nr: int, rg: Any, m: int, km: KindMaand, prijs_wet: Decimal | None) -> None:
    """The letter's hourly price against the price the law counts (the maximum uurprijs, the price in the facts)."""
    jaar, verschillen = v.jaar, v.verschillen
    if prijs_wet is not None and rg.uurprijs != prijs_wet:
        soort = km.opvangsoort.value if km.opvangsoort else rg.opvangsoort.value
        if km.maximum_uurprijs is not None and rg.uurprijs > km.maximum_uurprijs:
            code, uitleg, voordeel = (
                "maximum_uurprijs",
                _("Boven de maximum uurprijs ({prijs} voor {soort} in {jaar}) telt de maximum uurprijs.").format(
                    prijs=euro_regel(km.maximum_uurprijs), soort=_(SOORT[soort]), jaar=jaar
                ),
                False,
            )
        elif rg.uurprijs > prijs_wet:
            code, uitleg, voordeel = (
                "uurprijs_lager",
                _("De brief rekent met een hogere uurprijs dan in uw gegevens staat ({prijs}).").format(
                    prijs=euro_regel(km.uurprijs)
                ),
                False,
            )
        else:
            ander = _andere_jaar_maximum(rg.uurprijs, soort, jaar)
            code = "maximum_uurprijs" if ander else "uurprijs_lager"
            waarden = {
                "prijs_brief": euro_regel(rg.uurprijs),
                "ander": ander,
                "jaar": jaar,
                "prijs": euro_regel(km.uurprijs),
                "soort": _(SOORT[soort]),
                "maximum": euro_regel(km.maximum_uurprijs),
                "prijs_wet": euro_regel(prijs_wet),
            }
            uitleg = (
                _(
                    "De brief rekent met {prijs_brief} per uur; dat is de maximum uurprijs van {ander}, niet "
                    "van {jaar}. Uw uurprijs is {prijs} en de maximum uurprijs voor {soort} in {jaar} is "
                    "{maximum}: de toeslag rekent met {prijs_wet}."
                )
                if ander
                else _(
                    "De brief rekent met {prijs_brief} per uur. Uw uurprijs is {prijs} en de maximum "
                    "uurprijs voor {soort} in {jaar} is {maximum}: de toeslag rekent met {prijs_wet}."
                )
            ).format(**waarden)
            voordeel = True
        verschillen.append(
            Verschil(
                code=code,
                regel=nr,
                kind=rg.kind,
                maanden=[m],
                brief=_("{prijs} per uur").format(prijs=euro_regel(rg.uurprijs)),
                wet=_("{prijs} per uur").format(prijs=euro_regel(prijs_wet)),
                uitleg=uitleg,
                bronnen=["art. 1.7 lid 2 Wko", "art. 4 lid 1 Bkot"],
                in_uw_voordeel=voordeel,
            )
        )


def _eerste_kind_verschil(
    v: _Vergelijking, nr: int, rg: Any, m: int, km: KindMaand, mm: Any, label: str, eerste_brief: bool
) -> None:
    """The letter's first child against the law's (Bkot art. 3)."""
    labels, verschillen = v.labels, v.verschillen
    if km.eerste_kind != eerste_brief:
        lid = {"meeste_uren": "2", "hoogste_kosten": "3", "gelijk": "4"}.get(km.eerste_kind_reden or "", "2")
        eerste_wet = next((k for k in mm.kinderen if k.eerste_kind and k.uren_in_aanmerking > 0), None)
        naam = labels[eerste_wet.kind - 1] if eerste_wet else _("een ander kind")
        verschillen.append(
            Verschil(
                code="eerste_kind",
                regel=nr,
                kind=rg.kind,
                maanden=[m],
                brief=f"{label}: {_rangorde(1 if eerste_brief else rg.rangorde)}",
                wet=_("{kind}: {rangorde} (eerste kind: {eerste})").format(
                    kind=label, rangorde=_rangorde(1) if km.eerste_kind else _("ander kind"), eerste=naam
                ),
                uitleg=_(
                    "Het eerste kind is het kind met de meeste opvanguren in de maand; bij gelijke uren het "
                    "kind met de hoogste kosten. Het eerste kind krijgt het laagste percentage."
                ),
                bronnen=[f"art. 3 lid {lid} Bkot"],
                in_uw_voordeel=eerste_brief and not km.eerste_kind,
            )
        )


def _percentage_wet(
    v: _Vergelijking, nr: int, rg: Any, m: int, km: KindMaand, eerste_brief: bool
) -> tuple[Decimal | None, Decimal | None]:
    """The law's percentage for the month as (lower, upper): the table's, or where the cell is not published the
    letter's within the bounds (said so), or the bounds themselves; (None, None) when nothing is known."""
    brief, inkomen_wet, verschillen = v.brief, v.inkomen_wet, v.verschillen
    pct_wet = km.percentage
    lo_p = hi_p = pct_wet
    if pct_wet is None:
        _cel, g = v.rij_promille(inkomen_wet, km.eerste_kind)
        if g is not None:
            glo, ghi = Decimal(g.onder.promille) / 10, Decimal(g.boven.promille) / 10
            if km.eerste_kind == eerste_brief and inkomen_wet == brief.toetsingsinkomen and glo <= rg.percentage <= ghi:
                lo_p = hi_p = rg.percentage
                verschillen.append(
                    Verschil(
                        code="percentage_uit_brief",
                        regel=nr,
                        kind=rg.kind,
                        maanden=[m],
                        brief=_pct(rg.percentage),
                        wet=_("niet gepubliceerd; tussen {onder} en {boven}").format(onder=_pct(glo), boven=_pct(ghi)),
                        uitleg=_(
                            "Dit percentage is niet gepubliceerd in een bron die kotwijzer betrouwbaar vindt. "
                            "kotwijzer neemt het percentage uit de brief over: het ligt binnen de grenzen die de "
                            "wet en de gepubliceerde tabellen geven."
                        ),
                        bronnen=["art. 8 lid 2 Bkot", "Bijlage I Bkot"],
                        in_uw_voordeel=None,
                    )
                )
            else:
                lo_p, hi_p = glo, ghi
    return lo_p, hi_p


def _ontbrekende_maanden(v: _Vergelijking) -> None:
    """Months the law gives toeslag for that the letter does not cover."""
    h, r, jaar, inkomen_wet, labels, verschillen, gedekt = (
        v.h,
        v.r,
        v.jaar,
        v.inkomen_wet,
        v.labels,
        v.verschillen,
        v.gedekt,
    )
    for mm in r.maanden:
        for km in mm.kinderen:
            if km.uren_in_aanmerking <= 0 or not km.aanspraak:
                continue
            ff = _feit_factor(h, km.kind, mm.maand, jaar)
            rest = ff - gedekt.get((km.kind, mm.maand), Decimal(0))
            if rest <= Decimal("0.001"):
                continue
            kosten = km.uren_in_aanmerking * (km.uurprijs_gebruikt or Decimal(0))
            bedrag_lo: Decimal | None  # None: the table cell is missing and no bounds are known
            bedrag_hi: Decimal | None
            if km.percentage is not None:
                bedrag_lo = bedrag_hi = _c(rest * kosten * km.percentage / 100)
            else:
                _cel, g = v.rij_promille(inkomen_wet, km.eerste_kind)
                bedrag_lo = _c(rest * kosten * Decimal(g.onder.promille) / 1000) if g else None
                bedrag_hi = _c(rest * kosten * Decimal(g.boven.promille) / 1000) if g else None
            if v.tot_lo is not None and v.tot_hi is not None and bedrag_lo is not None and bedrag_hi is not None:
                v.tot_lo += bedrag_lo
                v.tot_hi += bedrag_hi
            else:
                v.tot_lo = v.tot_hi = None
            deel = rest < ff
            verschillen.append(
                Verschil(
                    code="ontbrekende_maand",
                    kind=km.kind,
                    maanden=[mm.maand],
                    brief=(
                        _("geen toeslag voor {kind} (een deel van de maand)") if deel else _("geen toeslag voor {kind}")
                    ).format(kind=labels[km.kind - 1]),
                    wet=(
                        _("recht op {bedrag}").format(bedrag=euro_regel(bedrag_lo))
                        if bedrag_lo == bedrag_hi
                        else _("recht op {onder} tot {boven}").format(
                            onder=euro_regel(bedrag_lo), boven=euro_regel(bedrag_hi)
                        )
                    ),
                    uitleg=_(
                        "Volgens de wet heeft u in {maand} recht op toeslag voor {kind} ({uren} uur), maar de brief "
                        "noemt die maand niet. Geef de opvang in die maand door, of maak bezwaar."
                    ).format(
                        maand=i18n.maandnaam(mm.maand), kind=labels[km.kind - 1], uren=_uren(km.uren_in_aanmerking)
                    ),
                    bronnen=["art. 1.5 lid 1 Wko", "art. 2 Bkot"],
                    in_uw_voordeel=True,
                )
            )


def _uitkomst(v: _Vergelijking, regels: list[RegelUitkomst], aannames: list[str], vandaag: dt.date) -> Controle:
    """The differences merged, the totals, the verdict, the assumptions and the objection deadline."""
    h, brief, jaar, inkomen_wet = v.h, v.brief, v.jaar, v.inkomen_wet
    tot_brief, tot_lo, tot_hi = v.tot_brief, v.tot_lo, v.tot_hi
    verschillen = _samengevoegd(v.verschillen)
    totaal_brief = brief.totaal if brief.totaal is not None else tot_brief
    if brief.totaal is not None and abs(brief.totaal - tot_brief) > CENT * len(brief.regels):
        verschillen.append(
            Verschil(
                code="bedrag_rekenfout",
                brief=_("totaal {bedrag}").format(bedrag=euro_regel(brief.totaal)),
                wet=_("som van de regels in de brief: {bedrag}").format(bedrag=euro_regel(tot_brief)),
                uitleg=_("Het totaal in de brief is niet de som van de bedragen per regel."),
                bronnen=["art. 2 Bkot"],
                in_uw_voordeel=tot_brief > brief.totaal,
            )
        )
    al = brief.al_betaald
    uit_brief = brief.verschil if brief.verschil is not None else (totaal_brief - al if al is not None else None)
    uit_lo = tot_lo - al if (tot_lo is not None and al is not None) else None
    uit_hi = tot_hi - al if (tot_hi is not None and al is not None) else None
    termijn = bezwaartermijn(brief.datum, vandaag)
    echte = [x for x in verschillen if x.code != "percentage_uit_brief"]
    if tot_lo is None:
        oordeel = "onzeker"
    elif not echte and tot_hi is not None and tot_lo <= totaal_brief <= tot_hi:
        oordeel = "klopt"
    else:
        oordeel = "verschil"
    if any(d.dagen != d.dagen_in_maand for rg in regels for d in rg.maanden) or any(
        o.van or o.tot for k in h.kinderen for o in k.opvang
    ):
        aannames.append(
            _("Een periode van een deel van een maand krijgt het deel van het maandbedrag naar rato van de dagen.")
            + " "
            + _(DAGFACTOR_BRON)
        )
    if h.toetsingsinkomen is None:
        aannames.append(
            _(
                "In uw gegevens staat geen toetsingsinkomen; kotwijzer rekent met het inkomen uit de brief ({bedrag})."
            ).format(bedrag=i18n.hele_euro(brief.toetsingsinkomen))
        )
    return Controle(
        berekeningsjaar=jaar,
        soort_brief=brief.soort,
        datum_brief=brief.datum,
        toetsingsinkomen_brief=brief.toetsingsinkomen,
        toetsingsinkomen_wet=inkomen_wet,
        regels=regels,
        verschillen=verschillen,
        totaal_brief=totaal_brief,
        totaal_wet_onder=tot_lo,
        totaal_wet_boven=tot_hi,
        al_betaald=al,
        uitkomst_brief=uit_brief,
        uitkomst_wet_onder=uit_lo,
        uitkomst_wet_boven=uit_hi,
        oordeel=oordeel,
        samenvatting=_samenvatting(oordeel, totaal_brief, tot_lo, tot_hi, echte, uit_brief, uit_lo, uit_hi),
        termijn={
            "datum_brief": termijn.datum_brief,
            "begint": termijn.begint,
            "laatste_dag": termijn.laatste_dag,
            "dagen_over": termijn.dagen_over,
            "verlopen": termijn.verlopen,
            "tekst": termijn.tekst(),
        },
        aannames=aannames,
        bronnen_praktijk=[_(DAGFACTOR_BRON)],
    )


def _samengevoegd(verschillen: list[Verschil]) -> list[Verschil]:
    """One difference per line and rule: the same finding in several months becomes one entry with those months."""
    uit: dict[tuple, Verschil] = {}
    for v in verschillen:
        sleutel = (v.code, v.regel, v.kind, v.brief, v.wet, v.uitleg)
        if sleutel in uit:
            uit[sleutel].maanden = sorted(set(uit[sleutel].maanden) | set(v.maanden))
        else:
            uit[sleutel] = v.model_copy(deep=True)
    return list(uit.values())


def maanden_tekst(maanden: list[int]) -> str:
    """'januari tot en met december', 'maart', 'januari, maart en mei' (English: 'January to December' ...)."""
    if not maanden:
        return ""
    m = sorted(maanden)
    if len(m) > 2 and m == list(range(m[0], m[-1] + 1)):
        return _("{van} tot en met {tot}").format(van=i18n.maandnaam(m[0]), tot=i18n.maandnaam(m[-1]))
    namen = [i18n.maandnaam(x) for x in m]
    return (
        namen[0]
        if len(namen) == 1
        else _("{lijst} en {laatste}").format(lijst=", ".join(namen[:-1]), laatste=namen[-1])
    )


def _lees_reden(tekst: str) -> str:
    return tekst[0].lower() + tekst[1:] if tekst and not tekst.startswith(("U ", "Uw ")) else tekst


def _uitkomst_tekst(x: Decimal | None) -> str:
    if x is None:
        return _("onbekend")
    if x > 0:
        return _("een nabetaling van {bedrag}").format(bedrag=euro_regel(x))
    if x < 0:
        return _("een terugvordering van {bedrag}").format(bedrag=euro_regel(-x))
    return _("geen nabetaling en geen terugvordering")


def _samenvatting(oordeel, brief, lo, hi, verschillen, uit_brief, uit_lo, uit_hi) -> str:
    if lo is None:
        wet = _("niet te berekenen")
    else:
        wet = (
            euro_regel(lo)
            if lo == hi
            else _("tussen {onder} en {boven}").format(onder=euro_regel(lo), boven=euro_regel(hi))
        )
    t = _("Volgens de brief is de toeslag over het jaar {brief}. Volgens de wet, met uw gegevens: {wet}.").format(
        brief=euro_regel(brief), wet=wet
    )
    if uit_brief is not None:
        if uit_lo is None:
            t += " " + _("De brief komt uit op {uitkomst}.").format(uitkomst=_uitkomst_tekst(uit_brief))
        else:
            wet_uit = (
                _uitkomst_tekst(uit_lo)
                if uit_lo == uit_hi
                else _("tussen {onder} en {boven}").format(onder=_uitkomst_tekst(uit_lo), boven=_uitkomst_tekst(uit_hi))
            )
            t += " " + _("De brief komt uit op {uitkomst}; volgens de wet {wet}.").format(
                uitkomst=_uitkomst_tekst(uit_brief), wet=wet_uit
            )
    if oordeel == "klopt":
        return t + " " + _("De brief klopt met de wet en uw gegevens.")
    if verschillen:
        n = len(verschillen)
        return (
            t
            + " "
            + ngettext(
                "kotwijzer vond {n} verschil; hieronder staat per verschil welke regel het veroorzaakt.",
                "kotwijzer vond {n} verschillen; hieronder staat per verschil welke regel het veroorzaakt.",
                n,
            ).format(n=n)
        )
    return t
