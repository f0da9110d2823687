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
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from kotwijzer.beschikking.model import Beschikking
from kotwijzer.beschikking.termijn import bezwaartermijn
from kotwijzer.formaat import MAANDNAMEN
from kotwijzer.model import Huishouden, KindMaand, Resultaat
from kotwijzer.params import OntbrekendeWetgeving, parameters_voor_jaar
from kotwijzer.params.grenzen import cel_grenzen
from kotwijzer.params.loader import max_meta

SOORT = {
    "dagopvang": "dagopvang",
    "buitenschoolse_opvang": "buitenschoolse opvang",
    "gastouderopvang": "gastouderopvang",
}
DAGFACTOR_BRON = (
    "Dagfactor (dagen van de periode in de maand gedeeld door de dagen van de maand): de werkwijze van Dienst "
    'Toeslagen zoals die blijkt uit één uitgewerkte berekening (svb.nl, "Voorbeeld toeslaggegevens in Mijn SVB en de '
    'berekening", periodefactor 16/31). Die gaat over de compensatie van de eigen bijdrage 2020/2021, die de gegevens '
    "van de kinderopvangtoeslag gebruikt: een indirecte bron, geen tekst over de kinderopvangtoeslag zelf."
)
CENT = Decimal("0.01")


def _c(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def euro_regel(x: Decimal | None) -> str:
    if x is None:
        return "onbekend"
    s = f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"€ {s}" if not s.startswith("-") else f"-€ {s[1:]}"


def _pct(p: Decimal | None) -> str:
    return "onbekend" if p is None else f"{Decimal(p):.1f}".replace(".", ",") + " %"


def _duizend(x: int) -> str:
    return f"{x:,}".replace(",", ".")


def _uren(u: Decimal) -> str:
    d = Decimal(u)
    s = f"{d:,.2f}".rstrip("0").rstrip(".") if d != d.to_integral_value() else f"{int(d):,}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


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


def controleer(h: Huishouden | dict, brief: Beschikking | dict, vandaag: dt.date | None = None) -> Controle:
    """Check a letter against the law for the facts `h`. Raises OntbrekendeInvoer / ValidationError on bad input."""
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
            f"De brief gaat over {jaar}, het huishouden over {h.berekeningsjaar}. Kies hetzelfde jaar.",
        )
    for i, rg in enumerate(brief.regels, start=1):
        if rg.kind > len(h.kinderen):
            raise OntbrekendeInvoer(
                f"beschikking.regels[{i}].kind",
                f"Regel {i} noemt kind {rg.kind}, maar het huishouden heeft {len(h.kinderen)} "
                f"{'kind' if len(h.kinderen) == 1 else 'kinderen'}.",
            )
    aannames: list[str] = []
    if h.aanvraagdatum is None:
        # a letter exists, so the toeslag was applied for; without the date, take it as on time for the whole year
        h = h.model_copy(update={"aanvraagdatum": dt.date(jaar, 1, 1)})
        aannames.append(
            "Er is geen aanvraagdatum opgegeven. Er is een brief, dus u heeft aangevraagd; kotwijzer neemt "
            "aan dat dat op tijd was voor het hele jaar. Vroeg u later aan, vul dan de datum in: een "
            "aanvraag werkt maar drie maanden terug (art. 1.3 lid 2 onder b Wko)."
        )
    inkomen_wet = h.toetsingsinkomen if h.toetsingsinkomen is not None else brief.toetsingsinkomen
    r = bereken(h.model_copy(update={"toetsingsinkomen": inkomen_wet}), vandaag=vandaag)
    try:
        t = parameters_voor_jaar(jaar).tabel()
    except OntbrekendeWetgeving:
        t = None
    verschillen: list[Verschil] = []
    labels = [k.label or f"kind {i + 1}" for i, k in enumerate(h.kinderen)]
    if inkomen_wet != brief.toetsingsinkomen:
        verschillen.append(
            Verschil(
                code="toetsingsinkomen",
                brief=f"toetsingsinkomen € {brief.toetsingsinkomen:,}".replace(",", "."),
                wet=f"uw gegevens: € {inkomen_wet:,}".replace(",", "."),
                uitleg=(
                    "Dienst Toeslagen rekent met een ander gezamenlijk toetsingsinkomen. Het percentage hangt af van het "
                    "toetsingsinkomen van u en uw toeslagpartner samen. Vergelijk het met uw aanslag of aangifte "
                    "inkomstenbelasting. kotwijzer rekent hieronder met het inkomen uit uw gegevens."
                ),
                bronnen=["art. 7 lid 1 Awir", "art. 8 lid 1 Awir", "art. 8 lid 2 Bkot"],
                in_uw_voordeel=None,
            )
        )

    def _rij_promille(inkomen: int, eerste: bool) -> tuple[int | None, Any]:
        """(table percentage in promille or None when the cell is missing, bounds) at an income."""
        if t is None:
            return None, None
        try:
            rij = int(t.rij(inkomen)["rij"]) - 1
        except OntbrekendeWetgeving:
            return None, None
        p = int((t.eerste_kind if eerste else t.overige_kinderen)[rij])
        return (None, cel_grenzen(t, rij, eerste)) if p < 0 else (p, None)

    gedekt: dict[tuple[int, int], Decimal] = {}  # (kind, maand) -> part of the month the letter covers
    regels: list[RegelUitkomst] = []
    tot_brief = Decimal(0)
    tot_lo: Decimal | None = Decimal(0)
    tot_hi: Decimal | None = Decimal(0)
    for nr, rg in enumerate(brief.regels, start=1):
        delen = _delen(rg.van, rg.tot)
        eerste_brief = rg.rangorde == 1
        label = labels[rg.kind - 1]
        # the letter's own arithmetic
        # per child per month, rounded half up to the cent (brochure "Berekening kinderopvangtoeslag", Dienst Toeslagen)
        eigen = sum((_c(_factor(d) * rg.uren_per_maand * rg.uurprijs * rg.percentage / 100) for d in delen), Decimal(0))
        bedrag_brief = rg.bedrag if rg.bedrag is not None else eigen
        tot_brief += bedrag_brief
        if rg.bedrag is not None and abs(rg.bedrag - eigen) > CENT * len(delen):
            verschillen.append(
                Verschil(
                    code="bedrag_rekenfout",
                    regel=nr,
                    kind=rg.kind,
                    maanden=[d.maand for d in delen],
                    brief=f"bedrag {euro_regel(rg.bedrag)}",
                    wet=f"uit de cijfers van de brief zelf: {euro_regel(eigen)}",
                    uitleg=(
                        "Het bedrag in de brief volgt niet uit de uren, de uurprijs en het percentage in dezelfde "
                        "regel (uren x uurprijs x percentage, per maand, naar rato van de dagen)."
                    ),
                    bronnen=["art. 1.7 lid 1 Wko", "art. 2 Bkot"],
                    in_uw_voordeel=eigen > rg.bedrag,
                )
            )
        # the letter's percentage against the table at the letter's own income and rangorde
        p_tabel, g_brief = _rij_promille(brief.toetsingsinkomen, eerste_brief)
        wie_brief = "het eerste kind" if eerste_brief else "een ander kind"
        if p_tabel is not None and Decimal(p_tabel) / 10 != rg.percentage:
            verschillen.append(
                Verschil(
                    code="percentage_tabel",
                    regel=nr,
                    kind=rg.kind,
                    maanden=[d.maand for d in delen],
                    brief=f"{_pct(rg.percentage)} voor {wie_brief}",
                    wet=f"tabel {jaar} bij € {_duizend(brief.toetsingsinkomen)}: {_pct(Decimal(p_tabel) / 10)}",
                    uitleg=(
                        f"Het percentage in de brief past niet bij de tabel voor {jaar} bij het inkomen en de rangorde "
                        "die de brief zelf noemt."
                    ),
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
                        brief=f"{_pct(rg.percentage)} voor {wie_brief}",
                        wet=f"tussen {_pct(lo)} en {_pct(hi)}",
                        uitleg=(
                            f"Dit percentage is niet gepubliceerd, maar ligt volgens de wet en de gepubliceerde tabellen "
                            f"tussen {_pct(lo)} en {_pct(hi)}. Het percentage in de brief ligt daarbuiten; de brief lijkt "
                            f"niet te kloppen. Ondergrens: {g_brief.onder.reden} Bovengrens: {g_brief.boven.reden}"
                        ),
                        bronnen=["art. 8 lid 2 Bkot", "Bijlage I Bkot"],
                        in_uw_voordeel=rg.percentage < lo,
                    )
                )
        wet_lo = Decimal(0)
        wet_hi: Decimal | None = Decimal(0)
        wet_info: dict[str, Any] = {"maanden": []}
        for d in delen:
            m = d.maand
            km = _kind_maand(r, m, rg.kind)
            gedekt[(rg.kind, m)] = gedekt.get((rg.kind, m), Decimal(0)) + _factor(d)
            mm = r.maanden[m - 1]
            mnaam = MAANDNAMEN[m - 1]
            if km is None:
                verschillen.append(
                    Verschil(
                        code="geen_opvang",
                        regel=nr,
                        kind=rg.kind,
                        maanden=[m],
                        brief="opvang",
                        wet="in uw gegevens geen opvang voor dit kind in deze maand",
                        uitleg="Controleer de opvang in uw gegevens of in de brief: zonder opvang is er geen toeslag.",
                        bronnen=["art. 1.5 lid 1 Wko"],
                        in_uw_voordeel=False,
                    )
                )
                wet_info["maanden"].append({"maand": m, "toeslag": "0"})
                continue
            ff = _feit_factor(h, rg.kind, m, jaar)
            f = min(_factor(d), ff)
            if ff < _factor(d):
                verschillen.append(
                    Verschil(
                        code="periode",
                        regel=nr,
                        kind=rg.kind,
                        maanden=[m],
                        brief=f"{d.dagen} van de {d.dagen_in_maand} dagen van {mnaam}",
                        wet=f"volgens uw gegevens {int(ff * d.dagen_in_maand)} dagen opvang in {mnaam}",
                        uitleg=(
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
                te_laat = mm.reden == "te_laat_aangevraagd" or "te_laat_aangevraagd" in km.redenen
                redenen = [x for x in km.redenen if x not in ("meer_dan_230_uur", "urenpotje_op")]
                uitleg = mm.uitleg if not mm.aanspraak else "; ".join(redenen) or mm.uitleg
                verschillen.append(
                    Verschil(
                        code="te_laat"
                        if te_laat
                        else ("urenpotje" if "urenpotje_op" in km.redenen else "geen_aanspraak"),
                        regel=nr,
                        kind=rg.kind,
                        maanden=[m],
                        brief=f"toeslag voor {label}",
                        wet="geen recht in deze maand",
                        uitleg=(
                            "De aanvraag werkt maar drie maanden terug: voor deze maand was de aanvraag te laat."
                            if te_laat
                            else (
                                "Het urenpotje voor het jaar is op."
                                if "urenpotje_op" in km.redenen
                                else f"Volgens de wet is er in deze maand geen recht: {_lees_reden(uitleg)}"
                            )
                        ),
                        bronnen=(
                            ["art. 1.3 lid 2 onder b Wko"]
                            if te_laat
                            else [b.citaat for b in (mm.bronnen if not mm.aanspraak else [])]
                            or ["art. 1.5 Wko", "art. 1.6 Wko"]
                        ),
                        in_uw_voordeel=False,
                    )
                )
                wet_info["maanden"].append({"maand": m, "toeslag": "0", "uren": "0"})
                continue
            # hours
            if rg.uren_per_maand > uren_wet:
                if "meer_dan_230_uur" in km.redenen and km.uren_opgegeven >= rg.uren_per_maand:
                    code, uitleg, bron = (
                        "uren_230",
                        "Per kind telt hoogstens 230 uur opvang per maand.",
                        ["art. 8a lid 1 onder a Bkot"],
                    )
                elif "urenpotje_op" in km.redenen:
                    code, uitleg, bron = (
                        "urenpotje" if not r.urenpotjes or r.urenpotjes[0].soort == "alle_opvang" else "kgu",
                        r.urenpotjes[0].uitleg if r.urenpotjes else "Het urenpotje is op.",
                        ["art. 8a lid 1 onder b Bkot"],
                    )
                else:
                    code, uitleg, bron = (
                        "uren_meer",
                        f"De brief telt meer uren dan in uw gegevens staan "
                        f"({_uren(km.uren_opgegeven)} uur). Controleer de jaaropgave van de opvang.",
                        ["art. 1.7 lid 1 onder b Wko"],
                    )
                verschillen.append(
                    Verschil(
                        code=code,
                        regel=nr,
                        kind=rg.kind,
                        maanden=[m],
                        brief=f"{_uren(rg.uren_per_maand)} uur",
                        wet=f"{_uren(uren_wet)} uur",
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
                        brief=f"{_uren(rg.uren_per_maand)} uur",
                        wet=f"{_uren(uren_wet)} uur",
                        uitleg=(
                            "De brief telt minder opvanguren dan uw gegevens. Dienst Toeslagen gebruikt de uren uit de "
                            "jaaropgave van de opvang: vergelijk die met uw contract en facturen."
                        ),
                        bronnen=["art. 1.7 lid 1 onder b Wko"],
                        in_uw_voordeel=True,
                    )
                )
            # price
            if prijs_wet is not None and rg.uurprijs != prijs_wet:
                soort = km.opvangsoort.value if km.opvangsoort else rg.opvangsoort.value
                if km.maximum_uurprijs is not None and rg.uurprijs > km.maximum_uurprijs:
                    code, uitleg, voordeel = (
                        "maximum_uurprijs",
                        f"Boven de maximum uurprijs ({euro_regel(km.maximum_uurprijs)} voor "
                        f"{SOORT[soort]} in {jaar}) telt de maximum uurprijs.",
                        False,
                    )
                elif rg.uurprijs > prijs_wet:
                    code, uitleg, voordeel = (
                        "uurprijs_lager",
                        f"De brief rekent met een hogere uurprijs dan in uw "
                        f"gegevens staat ({euro_regel(km.uurprijs)}).",
                        False,
                    )
                else:
                    ander = _andere_jaar_maximum(rg.uurprijs, soort, jaar)
                    code = "maximum_uurprijs" if ander else "uurprijs_lager"
                    uitleg = (
                        f"De brief rekent met {euro_regel(rg.uurprijs)} per uur"
                        + (f"; dat is de maximum uurprijs van {ander}, niet van {jaar}" if ander else "")
                        + f". Uw uurprijs is {euro_regel(km.uurprijs)} en de maximum uurprijs voor {SOORT[soort]} in "
                        f"{jaar} is {euro_regel(km.maximum_uurprijs)}: de toeslag rekent met {euro_regel(prijs_wet)}."
                    )
                    voordeel = True
                verschillen.append(
                    Verschil(
                        code=code,
                        regel=nr,
                        kind=rg.kind,
                        maanden=[m],
                        brief=f"{euro_regel(rg.uurprijs)} per uur",
                        wet=f"{euro_regel(prijs_wet)} per uur",
                        uitleg=uitleg,
                        bronnen=["art. 1.7 lid 2 Wko", "art. 4 lid 1 Bkot"],
                        in_uw_voordeel=voordeel,
                    )
                )
            # first child
            if km.eerste_kind != eerste_brief:
                lid = {"meeste_uren": "2", "hoogste_kosten": "3", "gelijk": "4"}.get(km.eerste_kind_reden or "", "2")
                eerste_wet = next((k for k in mm.kinderen if k.eerste_kind and k.uren_in_aanmerking > 0), None)
                naam = labels[eerste_wet.kind - 1] if eerste_wet else "een ander kind"
                verschillen.append(
                    Verschil(
                        code="eerste_kind",
                        regel=nr,
                        kind=rg.kind,
                        maanden=[m],
                        brief=f"{label}: {'1e kind' if eerste_brief else f'{rg.rangorde}e kind'}",
                        wet=f"{label}: {'1e kind' if km.eerste_kind else 'ander kind'} (eerste kind: {naam})",
                        uitleg=(
                            "Het eerste kind is het kind met de meeste opvanguren in de maand; bij gelijke uren het "
                            "kind met de hoogste kosten. Het eerste kind krijgt het laagste percentage."
                        ),
                        bronnen=[f"art. 3 lid {lid} Bkot"],
                        in_uw_voordeel=eerste_brief and not km.eerste_kind,
                    )
                )
            # percentage
            pct_wet = km.percentage
            lo_p = hi_p = pct_wet
            if pct_wet is None:
                _, g = _rij_promille(inkomen_wet, km.eerste_kind)
                if g is not None:
                    glo, ghi = Decimal(g.onder.promille) / 10, Decimal(g.boven.promille) / 10
                    if (
                        km.eerste_kind == eerste_brief
                        and inkomen_wet == brief.toetsingsinkomen
                        and glo <= rg.percentage <= ghi
                    ):
                        lo_p = hi_p = rg.percentage
                        verschillen.append(
                            Verschil(
                                code="percentage_uit_brief",
                                regel=nr,
                                kind=rg.kind,
                                maanden=[m],
                                brief=_pct(rg.percentage),
                                wet=f"niet gepubliceerd; tussen {_pct(glo)} en {_pct(ghi)}",
                                uitleg=(
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
            kosten = uren_wet * (prijs_wet or Decimal(0))
            if lo_p is None or hi_p is None:  # both None, or both set
                wet_hi = None
            else:
                wet_lo += _c(f * kosten * lo_p / 100)
                if wet_hi is not None:
                    wet_hi += _c(f * kosten * hi_p / 100)
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
        lo_b = _c(wet_lo)
        hi_b = _c(wet_hi) if wet_hi is not None else None
        if wet_hi is None:
            tot_lo = tot_hi = None
        elif tot_lo is not None and tot_hi is not None and hi_b is not None:  # hi_b is set when wet_hi is
            tot_lo += lo_b
            tot_hi += hi_b
        klopt = (
            hi_b is not None
            and lo_b <= bedrag_brief <= hi_b
            and not any(v.regel == nr for v in verschillen if v.code != "percentage_uit_brief")
        )
        regels.append(
            RegelUitkomst(
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
        )
    # months the law gives toeslag for that the letter does not cover
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
                _, g = _rij_promille(inkomen_wet, km.eerste_kind)
                bedrag_lo = _c(rest * kosten * Decimal(g.onder.promille) / 1000) if g else None
                bedrag_hi = _c(rest * kosten * Decimal(g.boven.promille) / 1000) if g else None
            if tot_lo is not None and tot_hi is not None and bedrag_lo is not None and bedrag_hi is not None:
                tot_lo += bedrag_lo
                tot_hi += bedrag_hi
            else:
                tot_lo = tot_hi = None
            deel = "" if rest >= ff else " (een deel van de maand)"
            verschillen.append(
                Verschil(
                    code="ontbrekende_maand",
                    kind=km.kind,
                    maanden=[mm.maand],
                    brief=f"geen toeslag voor {labels[km.kind - 1]}{deel}",
                    wet=(
                        f"recht op {euro_regel(bedrag_lo)}"
                        if bedrag_lo == bedrag_hi
                        else f"recht op {euro_regel(bedrag_lo)} tot {euro_regel(bedrag_hi)}"
                    ),
                    uitleg=(
                        f"Volgens de wet heeft u in {MAANDNAMEN[mm.maand - 1]} recht op toeslag voor "
                        f"{labels[km.kind - 1]} ({_uren(km.uren_in_aanmerking)} uur), maar de brief noemt die maand "
                        "niet. Geef de opvang in die maand door, of maak bezwaar."
                    ),
                    bronnen=["art. 1.5 lid 1 Wko", "art. 2 Bkot"],
                    in_uw_voordeel=True,
                )
            )
    verschillen = _samengevoegd(verschillen)
    totaal_brief = brief.totaal if brief.totaal is not None else tot_brief
    if brief.totaal is not None and abs(brief.totaal - tot_brief) > CENT * len(brief.regels):
        verschillen.append(
            Verschil(
                code="bedrag_rekenfout",
                brief=f"totaal {euro_regel(brief.totaal)}",
                wet=f"som van de regels in de brief: {euro_regel(tot_brief)}",
                uitleg="Het totaal in de brief is niet de som van de bedragen per regel.",
                bronnen=["art. 2 Bkot"],
                in_uw_voordeel=tot_brief > brief.totaal,
            )
        )
    al = brief.al_betaald
    uit_brief = brief.verschil if brief.verschil is not None else (totaal_brief - al if al is not None else None)
    uit_lo = tot_lo - al if (tot_lo is not None and al is not None) else None
    uit_hi = tot_hi - al if (tot_hi is not None and al is not None) else None
    termijn = bezwaartermijn(brief.datum, vandaag)
    echte = [v for v in verschillen if v.code != "percentage_uit_brief"]
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
            "Een periode van een deel van een maand krijgt het deel van het maandbedrag naar rato van de "
            "dagen. " + DAGFACTOR_BRON
        )
    if h.toetsingsinkomen is None:
        aannames.append(
            f"In uw gegevens staat geen toetsingsinkomen; kotwijzer rekent met het inkomen uit de brief "
            f"(€ {brief.toetsingsinkomen:,}).".replace(",", ".")
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
        bronnen_praktijk=[DAGFACTOR_BRON],
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
    """'januari tot en met december', 'maart', 'januari, maart en mei'."""
    if not maanden:
        return ""
    m = sorted(maanden)
    if len(m) > 2 and m == list(range(m[0], m[-1] + 1)):
        return f"{MAANDNAMEN[m[0] - 1]} tot en met {MAANDNAMEN[m[-1] - 1]}"
    namen = [MAANDNAMEN[x - 1] for x in m]
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def _lees_reden(tekst: str) -> str:
    return tekst[0].lower() + tekst[1:] if tekst and not tekst.startswith(("U ", "Uw ")) else tekst


def _uitkomst_tekst(x: Decimal | None) -> str:
    if x is None:
        return "onbekend"
    if x > 0:
        return f"een nabetaling van {euro_regel(x)}"
    if x < 0:
        return f"een terugvordering van {euro_regel(-x)}"
    return "geen nabetaling en geen terugvordering"


def _samenvatting(oordeel, brief, lo, hi, verschillen, uit_brief, uit_lo, uit_hi) -> str:
    if lo is None:
        wet = "niet te berekenen"
    else:
        wet = euro_regel(lo) if lo == hi else f"tussen {euro_regel(lo)} en {euro_regel(hi)}"
    t = f"Volgens de brief is de toeslag over het jaar {euro_regel(brief)}. Volgens de wet, met uw gegevens: {wet}."
    if uit_brief is not None:
        t += f" De brief komt uit op {_uitkomst_tekst(uit_brief)}"
        if uit_lo is not None:
            t += "; volgens de wet " + (
                _uitkomst_tekst(uit_lo)
                if uit_lo == uit_hi
                else f"tussen {_uitkomst_tekst(uit_lo)} en {_uitkomst_tekst(uit_hi)}"
            )
        t += "."
    if oordeel == "klopt":
        return t + " De brief klopt met de wet en uw gegevens."
    if verschillen:
        n = len(verschillen)
        return (
            t
            + f" kotwijzer vond {n} {'verschil' if n == 1 else 'verschillen'}; hieronder staat per verschil welke regel het veroorzaakt."
        )
    return t
