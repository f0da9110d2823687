"""Estimate of the number of bijstand households with young children in categorie B and C.

Reproduces Bijlage A (tabel 4 and 5) and tabel 3 of the SZW report "Kinderopvangtoeslag in de Participatiewet"
(21 May 2025, "seed 000") from the inputs the report states, and checks the published figures.

Categorie B = sociale activering gericht op arbeidsinschakeling (gives a right to KOT);
categorie C = sociale activering niet direct gericht op arbeidsinschakeling (no right to KOT).

Method (Bijlage A, r. 2865-2879 of the text version), per household type t (eenouder, paren) and voorziening v:

    aandeel[t] = ouders[t] * (1 - ontheffing[t]) / bijstand_huishoudens
    cel[v, t]  = afronden(deelnemers[v] * aandeel[t], 10)                               doel "alle"
    cel[v, t]  = afronden(deelnemers[v] * doel_reintegratie[v] * aandeel[t], 10)        doel "re-integratie"
    rij[t]     = sum over v of cel[v, t];   kolom[v] = cel[v, eenouder] + cel[v, paren]
    range      = (rij[eenouder], rij[eenouder] + rij[paren])
    categorie  = (lowest lower bound, highest upper bound) of its deel-ranges, afgerond op 100

`schat` and `inconsistenties` are pure: they read only their argument. `laad_invoer` reads a YAML file and turns
every validation problem into an `Invoerfout` whose Dutch message names the field.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

HUISHOUDENS: tuple[str, str] = ("eenouder", "paren")
Huishouden = Literal["eenouder", "paren"]
Categorie = Literal["B", "C"]
Doel = Literal["alle", "re-integratie"]
Herkomst = Literal["gepubliceerd", "teruggerekend", "statistiek", "aanname"]
Bereik = tuple[int, int]

HUISHOUDEN_NAAM = {"eenouder": "eenoudergezinnen (kind onder 12)", "paren": "paren (kind onder 18)", "totaal": "totaal"}
VOORZIENING_NAAM = {
    "scholing": "scholing",
    "coaching": "coaching",
    "vrijwilligerswerk": "vrijwilligerswerk",
    "overige_sociale_activering": "overige sociale activering",
}
STANDAARD_INVOER = "doelgroep_seed000.yaml"


# ----------------------------------------------------------------------------------------------- formatting
def getal(x: int | float, decimalen: int = 0) -> str:
    """Dutch notation: 1.630 and 0,0990."""
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def procent(x: float, decimalen: int = 1) -> str:
    return getal(100 * x, decimalen) + "%"


def bereik(b: tuple[int, int] | list[int]) -> str:
    return f"{getal(b[0])} – {getal(b[1])}"


def voorziening_naam(v: str) -> str:
    return VOORZIENING_NAAM.get(v, v.replace("_", " "))


def afronden(x: float, stap: int) -> int:
    """Round half up to a multiple of `stap` (1.625 -> 1.630 at stap 10)."""
    d = Decimal(repr(x)) / Decimal(stap)
    return int(d.quantize(Decimal(1), rounding=ROUND_HALF_UP)) * stap


# ----------------------------------------------------------------------------------------------- input
class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Aantal(_Model):
    """A count (integer) with its source."""

    waarde: int = Field(ge=0)
    eenheid: str | None = None
    peildatum: str | None = None
    herkomst: Herkomst = "gepubliceerd"
    bron: str = Field(min_length=1)
    toelichting: str | None = None
    aannames: list[str] = []


class Aandeel(_Model):
    """A share between 0 and 1 with its source."""

    waarde: float = Field(ge=0, le=1)
    peildatum: str | None = None
    herkomst: Herkomst = "gepubliceerd"
    bron: str = Field(min_length=1)
    toelichting: str | None = None
    aannames: list[str] = []


class Aanname(_Model):
    id: str = Field(min_length=1)
    naam: str
    waarde: str | int | float | None = None
    waarom: str
    bron: str


class Afronding(_Model):
    cel: int = Field(default=10, ge=1)
    categorie: int = Field(default=100, ge=1)
    aannames_cel: list[str] = []
    aannames_categorie: list[str] = []


class Deelrange(_Model):
    id: str = Field(min_length=1)
    categorie: Categorie
    omschrijving: str
    voorzieningen: list[str] = Field(min_length=1)
    doel: Doel = "alle"
    bron: str = ""
    aannames: list[str] = []


class GepubliceerdeDeelrange(_Model):
    locatie: str
    cellen: dict[Huishouden, dict[str, int]]
    rijtotaal: dict[Huishouden, int] | None = None
    kolomtotaal: dict[str, int] = {}
    totaal: int
    range: Bereik


class GepubliceerdeTabel3(_Model):
    locatie: str
    B: Bereik
    C: Bereik


class GepubliceerdeTabel2(_Model):
    locatie: str
    bijstand_huishoudens: int
    eenouder: int
    paren: int


class GepubliceerdeSamenvatting(_Model):
    locatie: str
    zonder_recht_op_kot: Bereik
    categorie_B: Bereik
    ouders: Bereik | None = None


class Tekstbevinding(_Model):
    code: str
    locatie: str
    beschrijving: str


class Gepubliceerd(_Model):
    """What the report publishes; used only for comparison, never in the estimate."""

    deelranges: dict[str, GepubliceerdeDeelrange] = {}
    tabel3: GepubliceerdeTabel3 | None = None
    tabel2: GepubliceerdeTabel2 | None = None
    samenvatting: GepubliceerdeSamenvatting | None = None
    tekstbevindingen: list[Tekstbevinding] = []


class Invoer(_Model):
    naam: str
    omschrijving: str = ""
    peiljaar: int
    bijstand_huishoudens: Aantal
    ouders: dict[Huishouden, Aantal]
    ontheffing: dict[Huishouden, Aandeel]
    srg_deelnemers: dict[str, Aantal]
    doel_reintegratie: dict[str, Aandeel] = {}
    afronding: Afronding = Afronding()
    deelranges: list[Deelrange] = Field(min_length=1)
    aannames: list[Aanname] = []
    gepubliceerd: Gepubliceerd | None = None

    @model_validator(mode="after")
    def _samenhang(self) -> Invoer:
        if self.bijstand_huishoudens.waarde <= 0:
            raise ValueError("bijstand_huishoudens.waarde: moet groter dan 0 zijn")
        for veld in ("ouders", "ontheffing"):
            for t in HUISHOUDENS:
                if t not in getattr(self, veld):
                    raise ValueError(f"{veld}.{t}: ontbreekt")
        if sum(a.waarde for a in self.ouders.values()) > self.bijstand_huishoudens.waarde:
            raise ValueError("ouders: samen meer huishoudens dan bijstand_huishoudens")
        ids = [d.id for d in self.deelranges]
        dubbel = sorted({i for i in ids if ids.count(i) > 1})
        if dubbel:
            raise ValueError(f"deelranges: id '{dubbel[0]}' komt meer dan een keer voor")
        for i, d in enumerate(self.deelranges):
            for v in d.voorzieningen:
                if v not in self.srg_deelnemers:
                    raise ValueError(f"deelranges[{i}].voorzieningen: '{v}' staat niet onder srg_deelnemers")
                if d.doel == "re-integratie" and v not in self.doel_reintegratie:
                    raise ValueError(
                        f"doel_reintegratie.{v}: ontbreekt (deel-range {d.id} rekent alleen met doel re-integratie)"
                    )
        bekend = {a.id for a in self.aannames}
        for veld, verwijzingen in self._verwijzingen():
            for a in verwijzingen:
                if a not in bekend:
                    raise ValueError(f"{veld}.aannames: '{a}' staat niet onder aannames")
        if self.gepubliceerd is not None:
            for d_id, pub in self.gepubliceerd.deelranges.items():
                if d_id not in ids:
                    raise ValueError(f"gepubliceerd.deelranges.{d_id}: onbekende deel-range")
                d = self.deelranges[ids.index(d_id)]
                for t, cellen in pub.cellen.items():
                    for v in cellen:
                        if v not in d.voorzieningen:
                            raise ValueError(
                                f"gepubliceerd.deelranges.{d_id}.cellen.{t}.{v}: voorziening hoort niet bij {d_id}"
                            )
        return self

    def _verwijzingen(self) -> list[tuple[str, list[str]]]:
        uit: list[tuple[str, list[str]]] = [("bijstand_huishoudens", self.bijstand_huishoudens.aannames)]
        uit += [(f"ouders.{t}", a.aannames) for t, a in self.ouders.items()]
        uit += [(f"ontheffing.{t}", a.aannames) for t, a in self.ontheffing.items()]
        uit += [(f"srg_deelnemers.{v}", a.aannames) for v, a in self.srg_deelnemers.items()]
        uit += [(f"doel_reintegratie.{v}", a.aannames) for v, a in self.doel_reintegratie.items()]
        uit += [(f"deelranges[{i}]", d.aannames) for i, d in enumerate(self.deelranges)]
        uit.append(("afronding", self.afronding.aannames_cel + self.afronding.aannames_categorie))
        return uit

    def aanname(self, id: str) -> Aanname:
        for a in self.aannames:
            if a.id == id:
                return a
        raise KeyError(id)


# ----------------------------------------------------------------------------------------------- result
class Cel(_Model):
    voorziening: str
    huishouden: Huishouden
    waarde: int
    onafgerond: float
    formule: str


class Rij(_Model):
    """One row of tabel 4 or 5: a household type (or the total) within a deel-range."""

    huishouden: Literal["eenouder", "paren", "totaal"]
    cellen: dict[str, int]
    totaal: int
    formule: str
    invoer: list[str]
    aannames: list[str]


class Samenstelling(_Model):
    """Totals and range built from the cells of one deel-range."""

    rijtotaal: dict[Huishouden, int]
    kolomtotaal: dict[str, int]
    totaal: int
    range: Bereik


class DeelrangeSchatting(_Model):
    id: str
    categorie: Categorie
    omschrijving: str
    doel: Doel
    voorzieningen: list[str]
    bron: str
    cellen: list[Cel]
    rijen: list[Rij]
    range: Bereik
    aannames: list[str]

    def cel(self, voorziening: str, huishouden: str) -> int:
        for c in self.cellen:
            if c.voorziening == voorziening and c.huishouden == huishouden:
                return c.waarde
        raise KeyError((voorziening, huishouden))

    def rij(self, huishouden: str) -> Rij:
        return next(r for r in self.rijen if r.huishouden == huishouden)


class CategorieSchatting(_Model):
    """One row of tabel 3."""

    categorie: Categorie
    range: Bereik
    onafgerond: Bereik
    ondergrens_uit: str
    bovengrens_uit: str
    deelranges: list[str]
    formule: str
    aannames: list[str]


class Schatting(_Model):
    invoer: Invoer
    aandeel: dict[Huishouden, float]
    aandeel_formule: dict[Huishouden, str]
    deelranges: list[DeelrangeSchatting]
    categorieen: dict[Categorie, CategorieSchatting]

    def deelrange(self, id: str) -> DeelrangeSchatting:
        for d in self.deelranges:
            if d.id == id:
                return d
        raise KeyError(id)


class Bevinding(_Model):
    """Something in the report that does not add up, with its place in the report."""

    code: str
    soort: Literal["herberekening", "som", "tussen_tabellen", "methode", "samenvatting", "tekst"]
    locatie: str
    beschrijving: str
    gepubliceerd: tuple[int, ...] | int | float | None = None
    verwacht: tuple[int, ...] | int | float | None = None


# ----------------------------------------------------------------------------------------------- method
def aandeel_ouders(invoer: Invoer) -> dict[str, float]:
    """Share of parents without ontheffing among all bijstand households (aanname 2 and 3)."""
    n = invoer.bijstand_huishoudens.waarde
    return {t: invoer.ouders[t].waarde * (1 - invoer.ontheffing[t].waarde) / n for t in HUISHOUDENS}


def stel_samen(voorzieningen: list[str], cellen: dict[str, dict[str, int]]) -> Samenstelling:
    """Row totals, column totals, grand total and range (ondergrens eenouder, bovengrens eenouder + paren)."""
    rij = {t: sum(cellen[t][v] for v in voorzieningen) for t in HUISHOUDENS}
    kolom = {v: cellen["eenouder"][v] + cellen["paren"][v] for v in voorzieningen}
    totaal = rij["eenouder"] + rij["paren"]
    return Samenstelling(rijtotaal=rij, kolomtotaal=kolom, totaal=totaal, range=(rij["eenouder"], totaal))


def voeg_samen(ranges: dict[str, Bereik], stap: int) -> tuple[Bereik, Bereik, str, str]:
    """Tabel 3 from deel-ranges: lowest lower bound and highest upper bound, rounded to `stap` (aanname R2).

    Returns (rounded range, unrounded range, id of the lower bound, id of the upper bound)."""
    laag_id = min(ranges, key=lambda i: ranges[i][0])
    hoog_id = max(ranges, key=lambda i: ranges[i][1])
    ruw = (ranges[laag_id][0], ranges[hoog_id][1])
    return (afronden(ruw[0], stap), afronden(ruw[1], stap)), ruw, laag_id, hoog_id


def _geordend(invoer: Invoer, reeks: list[str]) -> list[str]:
    """Unique assumption ids in the order of the `aannames` list of the input."""
    volgorde = {a.id: i for i, a in enumerate(invoer.aannames)}
    return sorted(dict.fromkeys(reeks), key=lambda a: volgorde.get(a, len(volgorde)))


def _invoer_tekst(naam: str, x: Aantal | Aandeel) -> str:
    waarde = getal(x.waarde) if isinstance(x, Aantal) else procent(x.waarde)
    extra = f" ({x.herkomst})" if x.herkomst != "gepubliceerd" else ""
    return f"{naam} = {waarde}{extra}"


def schat(invoer: Invoer) -> Schatting:
    """Compute tabel 4, tabel 5 and tabel 3 from the input figures."""
    aandeel = aandeel_ouders(invoer)
    n = invoer.bijstand_huishoudens.waarde
    aandeel_formule = {
        t: (
            f"{getal(invoer.ouders[t].waarde)} × (1 − {getal(invoer.ontheffing[t].waarde, 3)}) / {getal(n)}"
            f" = {getal(aandeel[t], 6)}"
        )
        for t in HUISHOUDENS
    }
    stap = invoer.afronding.cel
    deelranges: list[DeelrangeSchatting] = []
    for d in invoer.deelranges:
        cellen: list[Cel] = []
        waarden: dict[str, dict[str, int]] = {t: {} for t in HUISHOUDENS}
        for t in HUISHOUDENS:
            for v in d.voorzieningen:
                deelnemers = invoer.srg_deelnemers[v].waarde
                if d.doel == "re-integratie":
                    doel = invoer.doel_reintegratie[v].waarde
                    ruw = deelnemers * doel * aandeel[t]
                    formule = f"{getal(deelnemers)} × {getal(doel, 3)} × {getal(aandeel[t], 6)}"
                else:
                    ruw = deelnemers * aandeel[t]
                    formule = f"{getal(deelnemers)} × {getal(aandeel[t], 6)}"
                waarde = afronden(ruw, stap)
                waarden[t][v] = waarde
                cellen.append(
                    Cel(
                        voorziening=v,
                        huishouden=t,
                        waarde=waarde,
                        onafgerond=ruw,
                        formule=f"{formule} = {getal(ruw, 1)} → {getal(waarde)}",
                    )
                )
        samen = stel_samen(d.voorzieningen, waarden)
        rijen: list[Rij] = []
        alle_invoer: list[str] = []
        alle_aannames: list[str] = []
        for t in HUISHOUDENS:
            bronnen: list[tuple[str, Aantal | Aandeel]] = [
                ("bijstand_huishoudens", invoer.bijstand_huishoudens),
                (f"ouders.{t}", invoer.ouders[t]),
                (f"ontheffing.{t}", invoer.ontheffing[t]),
            ]
            bronnen += [(f"srg_deelnemers.{v}", invoer.srg_deelnemers[v]) for v in d.voorzieningen]
            if d.doel == "re-integratie":
                bronnen += [(f"doel_reintegratie.{v}", invoer.doel_reintegratie[v]) for v in d.voorzieningen]
            invoer_teksten = [_invoer_tekst(naam, x) for naam, x in bronnen]
            aannames = _geordend(
                invoer, d.aannames + [a for _, x in bronnen for a in x.aannames] + invoer.afronding.aannames_cel
            )
            delen = " + ".join(f"{voorziening_naam(v)} {getal(waarden[t][v])}" for v in d.voorzieningen)
            rijen.append(
                Rij(
                    huishouden=t,
                    cellen=waarden[t],
                    totaal=samen.rijtotaal[t],
                    formule=f"{delen} = {getal(samen.rijtotaal[t])}" if len(d.voorzieningen) > 1 else delen,
                    invoer=invoer_teksten,
                    aannames=aannames,
                )
            )
            alle_invoer += invoer_teksten
            alle_aannames += aannames
        rijen.append(
            Rij(
                huishouden="totaal",
                cellen=samen.kolomtotaal,
                totaal=samen.totaal,
                formule=f"{getal(samen.rijtotaal['eenouder'])} + {getal(samen.rijtotaal['paren'])}"
                f" = {getal(samen.totaal)}",
                invoer=list(dict.fromkeys(alle_invoer)),
                aannames=_geordend(invoer, alle_aannames),
            )
        )
        deelranges.append(
            DeelrangeSchatting(
                id=d.id,
                categorie=d.categorie,
                omschrijving=d.omschrijving,
                doel=d.doel,
                voorzieningen=list(d.voorzieningen),
                bron=d.bron,
                cellen=cellen,
                rijen=rijen,
                range=samen.range,
                aannames=_geordend(invoer, alle_aannames),
            )
        )
    categorieen = _categorieen(invoer, deelranges, stap)
    return Schatting(
        invoer=invoer,
        aandeel=aandeel,
        aandeel_formule=aandeel_formule,
        deelranges=deelranges,
        categorieen=categorieen,
    )


# ----------------------------------------------------------------------------------------------- checks


def _categorieen(invoer: Invoer, deelranges: list[DeelrangeSchatting], stap: int) -> dict[str, CategorieSchatting]:
    """The estimate per category (B and C) from the deel-ranges."""
    categorieen: dict[str, CategorieSchatting] = {}
    for cat in ("B", "C"):
        van_cat = {d.id: d.range for d in deelranges if d.categorie == cat}
        if not van_cat:
            continue
        afgerond, ruw, laag_id, hoog_id = voeg_samen(van_cat, invoer.afronding.categorie)
        aannames = _geordend(
            invoer,
            [a for d in deelranges if d.categorie == cat for a in d.aannames] + invoer.afronding.aannames_categorie,
        )
        categorieen[cat] = CategorieSchatting(
            categorie=cat,
            range=afgerond,
            onafgerond=ruw,
            ondergrens_uit=laag_id,
            bovengrens_uit=hoog_id,
            deelranges=list(van_cat),
            formule=(
                f"laagste ondergrens {getal(ruw[0])} ({laag_id}), hoogste bovengrens {getal(ruw[1])} ({hoog_id});"
                f" afgerond op {getal(invoer.afronding.categorie)}"
            ),
            aannames=aannames,
        )
    return categorieen


def _ratio_interval(teller: int, noemer: int, h: float) -> tuple[float, float]:
    """Range of teller/noemer when both were rounded to the nearest multiple of 2h."""
    laag = max(teller - h, 0) / (noemer + h)
    hoog = (teller + h) / (noemer - h) if noemer > h else float("inf")
    return laag, hoog


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def inconsistenties(schatting: Schatting) -> list[Bevinding]:
    """Check the published figures (invoer.gepubliceerd) against the recomputation and against themselves."""
    invoer = schatting.invoer
    pub = invoer.gepubliceerd
    if pub is None:
        return []
    uit: list[Bevinding] = []
    h = invoer.afronding.cel / 2
    definities = {d.id: d for d in invoer.deelranges}

    _controle_1(schatting, invoer, pub, h, definities, uit)
    _controle_2(schatting, invoer, pub, h, definities, uit)
    _controle_3(schatting, invoer, pub, h, definities, uit)
    _controle_4(schatting, invoer, pub, h, definities, uit)
    _controle_5(schatting, invoer, pub, h, definities, uit)
    _controle_6(schatting, invoer, pub, h, definities, uit)
    _controle_7(schatting, invoer, pub, h, definities, uit)
    # contradictions within the report first, then the method, then the cell-by-cell recomputation
    return sorted(uit, key=lambda b: _VOLGORDE.index(b.soort))


_VOLGORDE = ["tussen_tabellen", "som", "samenvatting", "methode", "herberekening", "tekst"]




def _controle_1(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
               definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 1. recomputation from the stated inputs"""

    for d_id, p in pub.deelranges.items():
        s = schatting.deelrange(d_id)
        for t in HUISHOUDENS:
            for v, gepubliceerd in p.cellen.get(t, {}).items():
                berekend = s.cel(v, t)
                if berekend != gepubliceerd:
                    uit.append(
                        Bevinding(
                            code="CEL_WIJKT_AF",
                            soort="herberekening",
                            locatie=f"{p.locatie}, {HUISHOUDEN_NAAM[t]}, {voorziening_naam(v)}",
                            beschrijving=(
                                f"{d_id}: het rapport geeft {getal(gepubliceerd)}; met de invoer en de methode van "
                                f"Bijlage A komt er {getal(berekend)} uit."
                            ),
                            gepubliceerd=gepubliceerd,
                            verwacht=berekend,
                        )
                    )
        if tuple(p.range) != tuple(s.range):
            uit.append(
                Bevinding(
                    code="RANGE_WIJKT_AF",
                    soort="herberekening",
                    locatie=f"{p.locatie}, range",
                    beschrijving=(
                        f"{d_id}: het rapport geeft {bereik(p.range)}; herberekend is het {bereik(s.range)}."
                    ),
                    gepubliceerd=p.range,
                    verwacht=s.range,
                )
            )
    if pub.tabel3 is not None:
        for cat, c in schatting.categorieen.items():
            gepubliceerd = getattr(pub.tabel3, cat)
            if tuple(gepubliceerd) != tuple(c.range):
                uit.append(
                    Bevinding(
                        code="TABEL3_WIJKT_AF",
                        soort="herberekening",
                        locatie=f"{pub.tabel3.locatie}, categorie {cat}",
                        beschrijving=(
                            f"Categorie {cat}: het rapport geeft {bereik(gepubliceerd)}; herberekend is het "
                            f"{bereik(c.range)} ({c.formule})."
                        ),
                        gepubliceerd=gepubliceerd,
                        verwacht=c.range,
                    )
                )


def _controle_2(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
               definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 2. sums within each published table"""

    for d_id, p in pub.deelranges.items():
        d = definities[d_id]
        if any(v not in p.cellen.get(t, {}) for t in HUISHOUDENS for v in d.voorzieningen):
            continue
        samen = stel_samen(d.voorzieningen, p.cellen)
        if p.rijtotaal is not None:
            for t, gepubliceerd in p.rijtotaal.items():
                if gepubliceerd != samen.rijtotaal[t]:
                    delen = " + ".join(getal(p.cellen[t][v]) for v in d.voorzieningen)
                    uit.append(
                        Bevinding(
                            code="SOM_RIJ",
                            soort="som",
                            locatie=f"{p.locatie}, {HUISHOUDEN_NAAM[t]}, totaal",
                            beschrijving=(
                                f"{d_id}: het totaal {getal(gepubliceerd)} is niet de som van de delen "
                                f"({delen} = {getal(samen.rijtotaal[t])})."
                            ),
                            gepubliceerd=gepubliceerd,
                            verwacht=samen.rijtotaal[t],
                        )
                    )
        for v, gepubliceerd in p.kolomtotaal.items():
            if v in samen.kolomtotaal and gepubliceerd != samen.kolomtotaal[v]:
                uit.append(
                    Bevinding(
                        code="SOM_KOLOM",
                        soort="som",
                        locatie=f"{p.locatie}, totaal {voorziening_naam(v)}",
                        beschrijving=(
                            f"{d_id}: het totaal {getal(gepubliceerd)} is niet de som van de delen "
                            f"({getal(p.cellen['eenouder'][v])} + {getal(p.cellen['paren'][v])} = "
                            f"{getal(samen.kolomtotaal[v])})."
                        ),
                        gepubliceerd=gepubliceerd,
                        verwacht=samen.kolomtotaal[v],
                    )
                )
        rijsom = sum(p.rijtotaal.values()) if p.rijtotaal is not None else samen.totaal
        if p.totaal != rijsom:
            uit.append(
                Bevinding(
                    code="SOM_TOTAAL_RIJEN",
                    soort="som",
                    locatie=f"{p.locatie}, eindtotaal",
                    beschrijving=f"{d_id}: het eindtotaal {getal(p.totaal)} is niet de som van de rijtotalen.",
                    gepubliceerd=p.totaal,
                    verwacht=rijsom,
                )
            )
        if p.kolomtotaal and set(p.kolomtotaal) == set(d.voorzieningen):
            kolomsom = sum(p.kolomtotaal.values())
            if p.totaal != kolomsom:
                delen = " + ".join(getal(p.kolomtotaal[v]) for v in d.voorzieningen)
                uit.append(
                    Bevinding(
                        code="SOM_TOTAAL_KOLOMMEN",
                        soort="som",
                        locatie=f"{p.locatie}, eindtotaal",
                        beschrijving=(
                            f"{d_id}: het eindtotaal {getal(p.totaal)} is niet de som van de kolomtotalen "
                            f"({delen} = {getal(kolomsom)})."
                        ),
                        gepubliceerd=p.totaal,
                        verwacht=kolomsom,
                    )
                )
        verwacht_range = (p.rijtotaal["eenouder"] if p.rijtotaal else samen.rijtotaal["eenouder"], p.totaal)
        if tuple(p.range) != verwacht_range:
            uit.append(
                Bevinding(
                    code="RANGE_NIET_UIT_TOTALEN",
                    soort="som",
                    locatie=f"{p.locatie}, range",
                    beschrijving=f"{d_id}: de range {bereik(p.range)} volgt niet uit de totalen in dezelfde tabel.",
                    gepubliceerd=p.range,
                    verwacht=verwacht_range,
                )
            )
    _controle_2_tabel3(schatting, invoer, pub, h, definities, uit)


def _controle_2_tabel3(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
                       definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 2 (continued): the sums of table 3."""
    if pub.tabel3 is not None:
        for cat in ("B", "C"):
            ranges = {i: tuple(p.range) for i, p in pub.deelranges.items() if definities[i].categorie == cat}
            if not ranges:
                continue
            afgerond, ruw, laag_id, hoog_id = voeg_samen(ranges, invoer.afronding.categorie)  # type: ignore[arg-type]
            gepubliceerd = getattr(pub.tabel3, cat)
            if tuple(gepubliceerd) != afgerond:
                uit.append(
                    Bevinding(
                        code="TABEL3_NIET_UIT_DEELRANGES",
                        soort="som",
                        locatie=f"{pub.tabel3.locatie}, categorie {cat}",
                        beschrijving=(
                            f"Categorie {cat}: {bereik(gepubliceerd)} volgt niet uit de gepubliceerde deel-ranges "
                            f"({bereik(ruw)}, afgerond {bereik(afgerond)})."
                        ),
                        gepubliceerd=gepubliceerd,
                        verwacht=afgerond,
                    )
                )


def _controle_3(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
               definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 3. the same cell in different deel-ranges"""

    groepen: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
    for d_id, p in pub.deelranges.items():
        for t, cellen in p.cellen.items():
            for v, w in cellen.items():
                groepen.setdefault((v, t, definities[d_id].doel), []).append((d_id, w))
    for (v, t, doel), waarden in groepen.items():
        verschillend = sorted({w for _, w in waarden}, reverse=True)
        if len(verschillend) < 2:
            continue
        plaatsen = "; ".join(f"{getal(w)} in {pub.deelranges[i].locatie}" for i, w in waarden)
        gevolgen = [_gevolg_van_keuze(invoer, v, t, x, waarden) for x in verschillend]
        verhouding = ""
        if t == "paren":
            eenouder = {pub.deelranges[i].cellen.get("eenouder", {}).get(v) for i, _ in waarden} - {None}
            if len(eenouder) == 1:
                e = eenouder.pop()
                verhouding = " Verhouding tot eenoudergezinnen: " + ", ".join(
                    f"{getal(x)} / {getal(e)} = {getal(x / e, 2)}" for x in verschillend
                ) + "."
        uit.append(
            Bevinding(
                code="CEL_VERSCHILT_TUSSEN_DEELRANGES",
                soort="tussen_tabellen",
                locatie=plaatsen,
                beschrijving=(
                    f"{voorziening_naam(v).capitalize()}, {HUISHOUDEN_NAAM[t]}: hetzelfde getal staat als "
                    + " en als ".join(getal(x) for x in verschillend)
                    + " in het rapport."
                    + verhouding
                    + " "
                    + " ".join(gevolgen)
                ),
                gepubliceerd=tuple(w for _, w in waarden),
            )
        )


def _controle_4(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
               definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 4. doel re-integratie: a part of the whole, with the same share for both household types"""

    for d_id, p in pub.deelranges.items():
        if definities[d_id].doel != "re-integratie":
            continue
        for v in definities[d_id].voorzieningen:
            geheel: dict[tuple[int, int], list[str]] = {}
            for a_id, a in pub.deelranges.items():
                if definities[a_id].doel == "alle" and all(v in a.cellen.get(t, {}) for t in HUISHOUDENS):
                    geheel.setdefault((a.cellen["eenouder"][v], a.cellen["paren"][v]), []).append(a_id)
            for (a_e, a_p), a_ids in geheel.items():
                r = {t: p.cellen[t][v] for t in HUISHOUDENS}
                a = {"eenouder": a_e, "paren": a_p}
                te_groot = [t for t in HUISHOUDENS if r[t] > a[t] + 2 * h]
                bij = ", ".join(a_ids)
                if te_groot:
                    t = te_groot[0]
                    uit.append(
                        Bevinding(
                            code="DEEL_GROTER_DAN_GEHEEL",
                            soort="tussen_tabellen",
                            locatie=f"{p.locatie} tegenover {pub.deelranges[a_ids[0]].locatie}",
                            beschrijving=(
                                f"{voorziening_naam(v).capitalize()}, {HUISHOUDEN_NAAM[t]}: met doel re-integratie "
                                f"({d_id}) {getal(r[t])}, maar alle doelen samen ({bij}) maar {getal(a[t])}. Een deel "
                                "kan niet groter zijn dan het geheel."
                            ),
                            gepubliceerd=r[t],
                        )
                    )
                    continue
                intervallen = {t: _ratio_interval(r[t], a[t], h) for t in HUISHOUDENS}
                zelfde_deel = afronden(a_p * r["eenouder"] / a_e, invoer.afronding.cel)
                if not _overlap(intervallen["eenouder"], intervallen["paren"]):
                    uit.append(
                        Bevinding(
                            code="DOELAANDEEL_VERSCHILT",
                            soort="methode",
                            locatie=f"{p.locatie} tegenover {pub.deelranges[a_ids[0]].locatie}",
                            beschrijving=(
                                f"{voorziening_naam(v).capitalize()}: met doel re-integratie bij eenoudergezinnen "
                                f"{getal(r['eenouder'])} van {getal(a_e)} = {procent(r['eenouder'] / a_e)}, bij paren "
                                f"{getal(r['paren'])} van {getal(a_p)} = {procent(r['paren'] / a_p)}. Volgens aanname "
                                "4 hangt dit deel af van de voorziening, niet van het huishouden; ook met afronding "
                                "op tientallen kunnen beide niet gelijk zijn. Met het deel van de eenoudergezinnen "
                                f"wordt het bij paren {getal(zelfde_deel)}."
                            ),
                            gepubliceerd=r["paren"],
                            verwacht=zelfde_deel,
                        )
                    )


def _controle_5(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
               definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 5. the method implies one ratio paren / eenoudergezinnen for every voorziening"""

    aandeel = schatting.aandeel
    methode_ratio = aandeel["paren"] / aandeel["eenouder"]
    eerste: dict[str, tuple[int, int, str]] = {}
    for d_id, p in pub.deelranges.items():
        if definities[d_id].doel != "alle":
            continue
        for v in definities[d_id].voorzieningen:
            if v not in eerste and all(v in p.cellen.get(t, {}) for t in HUISHOUDENS):
                eerste[v] = (p.cellen["eenouder"][v], p.cellen["paren"][v], d_id)
    if eerste:
        intervallen = {v: _ratio_interval(pp, e, h) for v, (e, pp, _) in eerste.items()}
        buiten = [v for v, iv in intervallen.items() if not iv[0] <= methode_ratio <= iv[1]]
        lijst = "; ".join(
            f"{voorziening_naam(v)} {getal(pp)} / {getal(e)} = {getal(pp / e, 3)} ({d_id})"
            for v, (e, pp, d_id) in eerste.items()
        )
        if buiten:
            uit.append(
                Bevinding(
                    code="VERHOUDING_PAREN_EENOUDER",
                    soort="methode",
                    locatie="Bijlage A, methode en aanname 2 en 3 (r. 2826-2873); tabel 4 en 5",
                    beschrijving=(
                        "Volgens de methode is het aantal paren bij elke voorziening "
                        f"{getal(methode_ratio, 3)} keer het aantal eenoudergezinnen ({getal(aandeel['paren'], 6)} / "
                        f"{getal(aandeel['eenouder'], 6)}). In het rapport: {lijst}. Dat past niet bij de genoemde "
                        "invoer, ook niet met afronding op tientallen. Daarom wijken alle cellen voor paren af."
                    ),
                    verwacht=round(methode_ratio, 4),
                )
            )
        if len(intervallen) > 1:
            laag = max(iv[0] for iv in intervallen.values())
            hoog = min(iv[1] for iv in intervallen.values())
            if laag > hoog:
                grenzen = "; ".join(
                    f"{voorziening_naam(v)} {getal(iv[0], 3)}–{getal(iv[1], 3)}" for v, iv in intervallen.items()
                )
                uit.append(
                    Bevinding(
                        code="VERHOUDING_NIET_GELIJK",
                        soort="methode",
                        locatie="tabel 4 en 5 (r. 2940-3054)",
                        beschrijving=(
                            "Met één aandeel per soort huishouden (aanname 3) is de verhouding paren / "
                            "eenoudergezinnen bij elke voorziening gelijk. Geen enkele verhouding past bij alle "
                            f"gepubliceerde cellen, ook niet met afronding op tientallen: {grenzen}."
                        ),
                    )
                )


def _controle_6(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
               definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 6. management summary against chapter 6"""

    if pub.samenvatting is not None and pub.tabel3 is not None:
        sv, t3 = pub.samenvatting, pub.tabel3
        if tuple(sv.zonder_recht_op_kot) != tuple(t3.C) or tuple(sv.categorie_B) != tuple(t3.B):
            verwisseld = tuple(sv.zonder_recht_op_kot) == tuple(t3.B) and tuple(sv.categorie_B) == tuple(t3.C)
            uit.append(
                Bevinding(
                    code="SAMENVATTING_B_C_VERWISSELD" if verwisseld else "SAMENVATTING_WIJKT_AF",
                    soort="samenvatting",
                    locatie=f"{sv.locatie} tegenover {t3.locatie}",
                    beschrijving=(
                        f"De samenvatting noemt {bereik(sv.zonder_recht_op_kot)} voor ouders zonder recht op KOT "
                        f"(categorie C) en {bereik(sv.categorie_B)} voor categorie B. Tabel 3 geeft categorie B "
                        f"{bereik(t3.B)} en categorie C {bereik(t3.C)}."
                        + (" De twee ranges zijn verwisseld." if verwisseld else "")
                    ),
                    gepubliceerd=sv.zonder_recht_op_kot,
                    verwacht=t3.C,
                )
            )
    if pub.samenvatting is not None and pub.samenvatting.ouders is not None and pub.tabel2 is not None:
        t2 = pub.tabel2
        if sorted(pub.samenvatting.ouders) == sorted((t2.eenouder, t2.paren)):
            uit.append(
                Bevinding(
                    code="SAMENVATTING_OUDERS_GEEN_RANGE",
                    soort="samenvatting",
                    locatie=f"{pub.samenvatting.locatie} tegenover {t2.locatie}",
                    beschrijving=(
                        f"De samenvatting noemt het aantal bijstandsouders als range {bereik(pub.samenvatting.ouders)}."
                        f" Volgens tabel 2 zijn dat twee groepen: {getal(t2.eenouder)} eenoudergezinnen en "
                        f"{getal(t2.paren)} paren, samen {getal(t2.eenouder + t2.paren)} huishoudens."
                    ),
                    gepubliceerd=pub.samenvatting.ouders,
                    verwacht=t2.eenouder + t2.paren,
                )
            )


def _controle_7(schatting: Schatting, invoer: Invoer, pub: Gepubliceerd, h: float,
               definities: dict[str, Deelrange], uit: list[Bevinding]) -> None:
    """Check 7. findings from reading the text"""

    for tb in pub.tekstbevindingen:
        uit.append(Bevinding(code=tb.code, soort="tekst", locatie=tb.locatie, beschrijving=tb.beschrijving.strip()))


def _gevolg_van_keuze(invoer: Invoer, v: str, t: str, x: int, waarden: list[tuple[str, int]]) -> str:
    """What the published deel-ranges and tabel 3 become if `x` is the right value everywhere."""
    pub = invoer.gepubliceerd
    assert pub is not None
    definities = {d.id: d for d in invoer.deelranges}
    ranges = {i: tuple(p.range) for i, p in pub.deelranges.items()}
    veranderd = []
    for d_id, w in waarden:
        if w == x:
            continue
        p = pub.deelranges[d_id]
        cellen = {tt: dict(p.cellen[tt]) for tt in HUISHOUDENS}
        cellen[t][v] = x
        nieuw = stel_samen(definities[d_id].voorzieningen, cellen).range
        ranges[d_id] = nieuw
        veranderd.append(f"{d_id} {bereik(nieuw)} (nu {bereik(p.range)})")
    tekst = f"Als {getal(x)} juist is: " + ", ".join(veranderd)
    cat = definities[waarden[0][0]].categorie
    if pub.tabel3 is not None:
        van_cat = {i: r for i, r in ranges.items() if definities[i].categorie == cat}
        afgerond, *_ = voeg_samen(van_cat, invoer.afronding.categorie)  # type: ignore[arg-type]
        oud = tuple(getattr(pub.tabel3, cat))
        if afgerond != oud:
            tekst += f"; categorie {cat} in tabel 3 wordt {bereik(afgerond)} in plaats van {bereik(oud)}"
        else:
            tekst += f"; tabel 3 blijft {bereik(oud)}"
    return tekst + "."


# ----------------------------------------------------------------------------------------------- loading
_MELDINGEN = {
    "missing": "ontbreekt",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "string_type": "moet tekst zijn",
    "dict_type": "moet een lijst van namen met waarden zijn",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst van twee getallen zijn",
    "extra_forbidden": "onbekend veld",
    "too_short": "is te kort of leeg",
    "string_too_short": "mag niet leeg zijn",
    "model_type": "moet een blok met velden zijn",
    "bool_type": "moet ja of nee zijn",
}


class Invoerfout(ValueError):
    """The input file cannot be used. `fouten` holds (veld, melding) pairs in Dutch."""

    def __init__(self, fouten: list[tuple[str, str]]):
        self.fouten = fouten
        super().__init__("; ".join(f"{veld}: {melding}" for veld, melding in fouten))


def _grens(x: Any) -> str:
    return getal(x, 0) if isinstance(x, (int, float)) and float(x).is_integer() else str(x)


def _melding(fout: dict[str, Any]) -> tuple[str, str]:
    veld = ".".join(str(x) for x in fout["loc"])
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    if soort == "value_error":
        tekst = str(ctx.get("error", fout["msg"]))
        if not veld and ": " in tekst:
            veld, tekst = tekst.split(": ", 1)
        return veld or "invoer", tekst
    if soort in ("greater_than_equal", "greater_than"):
        return veld, f"moet minstens {_grens(ctx.get('ge', ctx.get('gt')))} zijn"
    if soort in ("less_than_equal", "less_than"):
        tekst = f"mag hoogstens {_grens(ctx.get('le', ctx.get('lt')))} zijn"
        if veld.startswith(("ontheffing.", "doel_reintegratie.")):
            tekst += " (een deel tussen 0 en 1, bijvoorbeeld 0.097 voor 9,7%)"
        return veld, tekst
    if soort == "literal_error":
        return veld, f"moet een van deze waarden zijn: {str(ctx.get('expected', '')).replace(' or ', ' of ')}"
    if soort in ("too_long", "too_short") and "tuple" in fout["msg"].lower():
        return veld, "moet een lijst van twee getallen zijn"
    return veld, _MELDINGEN.get(soort, f"ongeldige waarde ({fout['msg']})")


def invoer_uit_dict(data: Any) -> Invoer:
    """Validate a parsed YAML document; raises `Invoerfout` with Dutch messages naming each field."""
    if not isinstance(data, dict):
        raise Invoerfout([("invoer", "het bestand moet velden bevatten (naam: waarde), geen losse tekst of lijst")])
    try:
        return Invoer.model_validate(data)
    except ValidationError as e:
        raise Invoerfout([_melding(f) for f in e.errors()]) from None


def standaard_invoerpad() -> Path:
    return Path(str(resources.files("kotwijzer.policy").joinpath("data", STANDAARD_INVOER)))


def laad_invoer(pad: Path | str | None = None) -> Invoer:
    """Read an input YAML file (default: the shipped seed 000 figures)."""
    pad = Path(pad) if pad is not None else standaard_invoerpad()
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Invoerfout([("--invoer", f"bestand {pad} bestaat niet")]) from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as e:
        raise Invoerfout([("--invoer", f"bestand {pad} is niet te lezen ({type(e).__name__})")]) from None
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as e:
        plek = getattr(e, "problem_mark", None)
        waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek is not None else ""
        raise Invoerfout([("--invoer", f"bestand {pad} is geen geldige YAML{waar}")]) from None
    return invoer_uit_dict(data)
