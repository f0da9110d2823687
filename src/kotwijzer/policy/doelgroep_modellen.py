"""The data of the doelgroep estimate (bijstand households in categorie B and C): input, estimate and finding
models (pydantic), the names of household types and voorzieningen, and the Dutch number formats of its tables."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kotwijzer import formaat

Huishouden = Literal["eenouder", "paren"]
HUISHOUDENS: tuple[Huishouden, Huishouden] = ("eenouder", "paren")
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
    """Dutch notation with a fixed number of decimals: 1.630 and 0,0990 (`kotwijzer.formaat.getal`)."""
    return formaat.getal(x, decimalen, nullen="vast")


def procent(x: float, decimalen: int = 1) -> str:
    """A fraction as a percentage: 0.125 -> 12,5% (`kotwijzer.formaat.procent`)."""
    return formaat.procent(100 * x, decimalen, nullen="vast")


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


# ----------------------------------------------------------------------------------------- shared computations
def aandeel_ouders(invoer: Invoer) -> dict[Huishouden, float]:
    """Share of parents without ontheffing among all bijstand households (aanname 2 and 3)."""
    n = invoer.bijstand_huishoudens.waarde
    return {t: invoer.ouders[t].waarde * (1 - invoer.ontheffing[t].waarde) / n for t in HUISHOUDENS}


def stel_samen(voorzieningen: list[str], cellen: dict[Huishouden, dict[str, int]]) -> Samenstelling:
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
