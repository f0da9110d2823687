"""Input and output types of the rules core, in one place (pydantic v2).

Input: a household for one berekeningsjaar: the aanvrager and an optional partner, each with the periods of their
situations; the children with their childcare per month; the joint toetsingsinkomen; the application date.
No name or BSN is needed: children and parents carry an optional pseudonymous label only.

Validation messages are Dutch and name the field (see `kotwijzer.foutmeldingen` for the field names in Dutch).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator


class Situatie(StrEnum):
    """What a parent does in a period. Each value maps to the onderdeel or lid of Wko art. 1.6 that it meets."""

    arbeid = "arbeid"  # lid 1 onder a: tegenwoordige arbeid (loondienst of eigen bedrijf)
    meewerkend_partner = "meewerkend_partner"  # lid 1 onder b: onbetaald meewerken in de onderneming van de partner
    bijstand_traject = (
        "bijstand_traject"  # lid 1 onder c: bijstand/IOAW/IOAZ/Anw + voorziening gericht op arbeidsinschakeling
    )
    jonger_dan_18_bijstand_scholing = "jonger_dan_18_bijstand_scholing"  # lid 1 onder e
    werkzoekende_traject = (
        "werkzoekende_traject"  # lid 1 onder f: niet-uitkeringsgerechtigde werkzoekende + voorziening
    )
    inburgering = "inburgering"  # lid 1 onder g: cursus of opleiding van het inburgeringstraject
    inburgering_overige_activiteit = (
        "inburgering_overige_activiteit"  # ander onderdeel van het traject: telt niet onder g
    )
    ww_traject = "ww_traject"  # lid 1 onder h
    arbeidsongeschikt_reintegratie = "arbeidsongeschikt_reintegratie"  # lid 1 onder i
    studie = "studie"  # lid 1 onder j
    sociaal_medische_indicatie = "sociaal_medische_indicatie"  # lid 1 onder k/l (indicatie van de gemeente, art. 1.12)
    wlz_permanent = "wlz_permanent"  # lid 8/9: art. 3.2.1 lid 1 Wlz
    wlz_tijdelijk = "wlz_tijdelijk"  # lid 8/9: art. 3.2.1 lid 3 of 3.2.2 Wlz (vanaf 2023)
    detentie = "detentie"  # lid 10/11: vrijheidsbenemende straf of maatregel
    geen = "geen"


class Uitkering(StrEnum):
    bijstand = "bijstand"
    ioaw = "ioaw"
    ioaz = "ioaz"
    anw = "anw"


class Onderwijs(StrEnum):
    vo = "vo"
    vavo = "vavo"
    mbo = "mbo"
    hbo = "hbo"
    wo = "wo"


class DetentieSoort(StrEnum):
    veroordeling = "veroordeling"  # veroordeeld tot een vrijheidsbenemende straf of maatregel
    voorlopige_hechtenis = "voorlopige_hechtenis"  # bevel tot gevangenneming of gevangenhouding


class Opvangsoort(StrEnum):
    dagopvang = "dagopvang"
    buitenschoolse_opvang = "buitenschoolse_opvang"
    gastouderopvang = "gastouderopvang"


class Basismodel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


Maand = Annotated[int, Field(ge=1, le=12, description="Kalendermaand, 1 tot en met 12")]
Uren = Annotated[Decimal, Field(ge=0, le=744, decimal_places=2, description="Uren, hoogstens 2 decimalen")]
UrenPerWeek = Annotated[
    Decimal, Field(ge=0, le=168, decimal_places=2, description="Uren per week, hoogstens 2 decimalen")
]
UrenPerJaar = Annotated[
    Decimal, Field(ge=0, le=8784, decimal_places=2, description="Uren per jaar, hoogstens 2 decimalen")
]


def _geen_ja_nee(v: Any) -> Any:
    """A JSON true/false is not a number: refuse it instead of reading it as 1 or 0 (pydantic's lax int accepts a
    boolean; its Decimal does not, so only the int fields need this)."""
    if isinstance(v, bool):
        raise ValueError("vul een getal in, geen ja/nee-waarde")
    return v


# Every date of a household lies between these (a birth date, a period, an application): far beyond them the
# calculation's own date arithmetic would overflow, and no household has them. Stated in the published schema as a
# pattern on the year, since JSON Schema has no minimum for dates.
DATUM_MIN = dt.date(1900, 1, 1)
DATUM_MAX = dt.date(2100, 12, 31)
DATUM_PATROON = r"^(19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"
Datum = Annotated[dt.date, Field(ge=DATUM_MIN, le=DATUM_MAX, json_schema_extra={"pattern": DATUM_PATROON})]
Bedrag = Annotated[
    Decimal, Field(ge=0, le=1000, decimal_places=2, description="Bedrag in euro's, hoogstens 2 decimalen")
]


class Periode(Basismodel):
    """A period in which a parent has one situation. Give either `van`/`tot` (dates, inclusive) or `maanden`."""

    situatie: Situatie
    van: Datum | None = Field(None, description="Eerste dag (inclusief)")
    tot: Datum | None = Field(None, description="Laatste dag (inclusief); leeg = loopt door")
    maanden: list[Maand] | None = Field(
        None, max_length=12, description="Of: de kalendermaanden van het berekeningsjaar (hoogstens 12)"
    )
    uren_per_maand: Uren | None = Field(
        None, description="Gewerkte uren per maand (arbeid; nodig voor 2022, koppeling gewerkte uren)"
    )
    uren_per_week: UrenPerWeek | None = Field(
        None, description="Of: gewerkte uren per week (omgerekend: x 52 weken / 12 maanden)"
    )
    uren_per_jaar: UrenPerJaar | None = Field(
        None, description="Of: gewerkte uren in deze periode in het berekeningsjaar, gelijk verdeeld over de maanden"
    )
    uitkering: Uitkering | None = Field(None, description="Bij bijstand_traject: welke uitkering")
    voorziening_gericht_op_arbeidsinschakeling: bool | None = Field(
        None, description="Bij een traject: gebruikt de ouder een voorziening gericht op arbeidsinschakeling?"
    )
    gemeente_code: str | None = Field(None, description="Bij bijstand_traject: CBS-code van de gemeente, bv. GM0363")
    activiteit: str | None = Field(
        None, description="Bij bijstand_traject: code van de activiteit in de gemeentelijke catalogus"
    )
    onderwijs: Onderwijs | None = Field(None, description="Bij studie: soort onderwijs")
    detentie_soort: DetentieSoort | None = Field(None, description="Bij detentie: veroordeling of voorlopige hechtenis")
    detentie_einde: Datum | None = Field(
        None, description="Bij detentie: einddatum van de hele straf of maatregel, ook als die na dit jaar ligt"
    )
    detentie_begin: Datum | None = Field(
        None, description="Bij detentie: begindatum van de hele straf of maatregel, ook als die voor dit jaar ligt"
    )

    @model_validator(mode="after")
    def _check(self) -> Periode:
        if self.maanden is None and self.van is None:
            raise ValueError("geef 'van' (en eventueel 'tot') of 'maanden' op")
        if self.maanden is not None and (self.van is not None or self.tot is not None):
            raise ValueError("geef 'van'/'tot' of 'maanden', niet allebei")
        if self.van and self.tot and self.tot < self.van:
            raise ValueError("'tot' ligt voor 'van'")
        if sum(x is not None for x in (self.uren_per_maand, self.uren_per_week, self.uren_per_jaar)) > 1:
            raise ValueError("geef de gewerkte uren per maand, per week of per jaar, niet meer dan één")
        return self


class Ouder(Basismodel):
    label: str | None = Field(None, max_length=40, description="Pseudoniem, bv. 'ouder A'. Geen naam of BSN nodig")
    situaties: list[Periode] = Field(default_factory=list, max_length=24, description="Hoogstens 24 perioden per jaar")
    laatste_werkdag_vorig_jaar: Datum | None = Field(
        None,
        description="Als het werk in het vorige jaar stopte: de laatste werkdag (voor de werkloosheidstermijn, art. 1.6 lid 5)",
    )
    uren_per_maand_voor_einde: Uren | None = Field(
        None, description="Gewerkte uren per maand voor die laatste werkdag (alleen 2021 en 2022)"
    )
    vermoedelijke_bevallingsdatum: Datum | None = None
    bevallingsdatum: Datum | None = None


class Opvang(Basismodel):
    """Childcare for one child: the same soort, hours and price in the listed months (default: all months)."""

    maanden: list[Maand] = Field(default_factory=lambda: list(range(1, 13)), max_length=12)
    soort: Opvangsoort
    uren_per_maand: Uren | None = Field(None, description="Opvanguren per maand")
    uren_per_week: UrenPerWeek | None = Field(
        None, description="Of: opvanguren per week (omgerekend: x 52 weken / 12 maanden)"
    )
    uren_per_jaar: UrenPerJaar | None = Field(
        None, description="Of: opvanguren in de genoemde maanden samen (bijvoorbeeld uit het contract), gelijk verdeeld"
    )
    uurprijs: Bedrag
    lrk_geregistreerd: bool = Field(True, description="Staat de opvanglocatie in het Landelijk Register Kinderopvang?")
    van: dt.date | None = Field(
        None,
        description="Exacte eerste dag van de opvang, als die in een maand begint (voor de controle van een beschikking)",
    )
    tot: dt.date | None = Field(None, description="Exacte laatste dag van de opvang, als die in een maand eindigt")

    @model_validator(mode="after")
    def _check(self) -> Opvang:
        n = sum(x is not None for x in (self.uren_per_maand, self.uren_per_week, self.uren_per_jaar))
        if n == 0:
            raise ValueError(
                "vul de opvanguren in: per maand (uren_per_maand), per week (uren_per_week) of per jaar (uren_per_jaar)"
            )
        if n > 1:
            raise ValueError("geef de opvanguren per maand, per week of per jaar, niet meer dan één")
        if self.van and self.tot and (self.tot < self.van or self.tot.year != self.van.year):
            raise ValueError("de einddatum van de opvang (tot) moet na de begindatum (van) liggen, in hetzelfde jaar")
        if (self.van or self.tot) and "maanden" not in self.model_fields_set:
            # exact dates without a list of months: the months from the first to the last day
            self.maanden = list(range(self.van.month if self.van else 1, (self.tot.month if self.tot else 12) + 1))
        return self


class Kind(Basismodel):
    label: str | None = Field(None, max_length=40, description="Pseudoniem, bv. 'kind 1'")
    geboortedatum: Datum
    start_voortgezet_onderwijs: str | None = Field(
        None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="Maand waarin het voortgezet onderwijs begint, JJJJ-MM"
    )
    woont_op_adres_aanvrager: bool = True
    co_ouderschap: bool = Field(False, description="Het kind woont om en om bij beide ouders (Awir art. 4 lid 2)")
    opvang: list[Opvang] = Field(default_factory=list, max_length=12, description="Hoogstens 12 regels opvang per kind")

    @model_validator(mode="after")
    def _check(self) -> Kind:
        seen: dict[int, int] = {}
        for i, o in enumerate(self.opvang):
            for m in o.maanden:
                if m in seen:
                    raise ValueError(
                        f"maand {m} staat twee keer in de opvang (regel {seen[m] + 1} en {i + 1}); "
                        "geef per maand één soort opvang op"
                    )
                seen[m] = i
        return self


class Huishouden(Basismodel):
    """One household for one berekeningsjaar."""

    berekeningsjaar: int = Field(ge=2000, le=2100)
    aanvrager: Ouder
    partner: Ouder | None = None
    partner_is_bloedverwant: bool = Field(
        False,
        description="De 'partner' is alleen partner door hetzelfde adres en is familie in de eerste of tweede graad (art. 1.6 lid 6)",
    )
    toetsingsinkomen: int | None = Field(
        None, ge=0, le=100_000_000, description="Gezamenlijk toetsingsinkomen in hele euro's (Awir art. 7 en 8)"
    )
    aanvraagdatum: Datum | None = Field(None, description="Datum van de aanvraag (art. 1.3 lid 2 onder b Wko)")
    kinderen: list[Kind] = Field(default_factory=list, max_length=12)

    _geen_bool = field_validator("toetsingsinkomen", "berekeningsjaar", mode="before")(_geen_ja_nee)

    @model_validator(mode="after")
    def _check(self) -> Huishouden:
        if self.partner_is_bloedverwant and self.partner is None:
            raise ValueError("partner_is_bloedverwant is aangevinkt, maar er is geen partner ingevuld")
        return self


# ------------------------------------------------------------------------------------------ output
Status = Literal["voldaan", "niet_voldaan", "onbekend", "niet_van_toepassing"]


class BronOut(Basismodel):
    wet: str
    artikel: str
    lid: str | None = None
    onderdeel: str | None = None
    sub: str | None = None
    citaat: str


class Conditie(Basismodel):
    code: str
    status: Status
    uitleg: str
    bronnen: list[BronOut] = Field(default_factory=list)
    ontbrekende_invoer: list[str] = Field(default_factory=list)
    vraag: str | None = None


class GelezenParameter(Basismodel):
    naam: str
    waarde: Any
    status: str
    bron: list[BronOut] = Field(default_factory=list)
    publicatie: str = ""


class KindMaand(Basismodel):
    kind: int
    label: str
    opvangsoort: Opvangsoort | None
    aanspraak: bool
    redenen: list[str]
    uren_opgegeven: Decimal
    uren_in_aanmerking: Decimal
    uurprijs: Decimal | None
    maximum_uurprijs: Decimal | None
    uurprijs_gebruikt: Decimal | None
    kosten: Decimal | None  # uren_in_aanmerking x uurprijs_gebruikt (None without a fixed maximum uurprijs)
    werkelijke_kosten: Decimal  # uren_opgegeven x uurprijs
    eerste_kind: bool
    eerste_kind_reden: Literal["meeste_uren", "hoogste_kosten", "gelijk"] | None = None  # Bkot art. 3 lid 2, 3, 4
    percentage: Decimal | None
    percentage_bron: str | None = None  # plain Dutch: what the percentage used rests on
    toeslag: Decimal | None  # None when the law data for this amount is missing (see Resultaat.ontbrekend)
    eigen_bijdrage: Decimal | None
    condities: list[Conditie] = Field(default_factory=list)


class Maanduitkomst(Basismodel):
    maand: int
    aanspraak: bool
    reden: str
    uitleg: str
    bronnen: list[BronOut]
    condities: list[Conditie]
    kinderen: list[KindMaand]
    toeslag: Decimal | None  # None when an amount of this month could not be computed
    uitbetaling_voorschot: Decimal | None  # rounded down to whole euros, as paid per month
    eigen_bijdrage: Decimal | None


class Jaartotaal(Basismodel):
    toeslag: Decimal | None
    kosten: Decimal | None
    werkelijke_kosten: Decimal
    eigen_bijdrage: Decimal | None
    uren_in_aanmerking: Decimal
    maanden_met_aanspraak: int


class Ontbrekend(Basismodel):
    """What an amount needs but kotwijzer does not have (verified), and in which months that matters."""

    code: Literal["toetsingsinkomen", "tabel", "tabelcel", "maximum_uurprijs"]
    uitleg: str
    maanden: list[int] = Field(default_factory=list)


class Urenpotje(Basismodel):
    kind: int
    soort: str  # "alle opvang" (2023+) or "dagopvang" / "buitenschoolse_opvang" (KGU)
    uren: Decimal
    uitleg: str
    bronnen: list[BronOut]


class GrensOut(Basismodel):
    """One bound of a percentage that no reliable source gives (kotwijzer.params.grenzen)."""

    percentage: Decimal
    reden: str
    status: str
    status_tekst: str
    bron: str


class CelBereik(Basismodel):
    eerste_kind: bool
    onder: GrensOut
    boven: GrensOut


class KindBereik(Basismodel):
    kind: int
    label: str
    eerste_kind: bool
    percentage_onder: Decimal | None
    percentage_boven: Decimal | None
    toeslag_onder: Decimal
    toeslag_boven: Decimal


class MaandBereik(Basismodel):
    maand: int
    toeslag_onder: Decimal
    toeslag_boven: Decimal
    kinderen: list[KindBereik] = Field(default_factory=list)


class Bereik(Basismodel):
    """The amount as a range where the law data does not fix it: `bereik` = the law with a missing table cell between
    the bounds the law and the published tables set; `indicatie` = a year whose figures are only announced (never the
    law). Equal bounds mean the amount is fixed (by the law, or by the announcement for an indication)."""

    soort: Literal["bereik", "indicatie"]
    uitleg: str  # plain Dutch: what the range rests on
    basis: list[str] = Field(default_factory=list)  # sources of the data it rests on
    cellen: list[CelBereik] = Field(default_factory=list)
    maanden: list[MaandBereik] = Field(default_factory=list)
    jaar_onder: Decimal
    jaar_boven: Decimal


class Resultaat(Basismodel):
    berekeningsjaar: int
    toetsingsinkomen: int | None
    tabel_status: str | None
    maanden: list[Maanduitkomst]
    jaar: Jaartotaal
    urenpotjes: list[Urenpotje]
    parameters: list[GelezenParameter]
    waarschuwingen: list[str]
    aannames: list[str]
    bedragen: Literal["volledig", "gedeeltelijk", "ontbreekt"] = "volledig"
    ontbrekend: list[Ontbrekend] = Field(default_factory=list)
    rekenfout: str | None = None  # the joined uitleg of `ontbrekend` (None when every amount could be computed)
    aanvraagdatum: dt.date | None = None  # the application date used (given, or today)
    aanvragen_uiterlijk: dt.date | None = None  # last day an application still reaches the first month with a right
    verloren_maanden: list[int] = Field(default_factory=list)  # months lost because the application is too late
    bereik: Bereik | None = None  # the amount as a range or an indication where the law data does not fix it
    # the structured signals behind ontbrekend, waarschuwingen and aannames (kotwijzer.signalen.Signaal;
    # rendered by kotwijzer.explain.signaaltekst.tekst); not part of the JSON
    _signalen: list[Any] = PrivateAttr(default_factory=list)

    @property
    def signalen(self) -> list[Any]:
        """The signals of this result (`kotwijzer.signalen.Signaal`), in the order of their texts."""
        return self._signalen


class Vraag(Basismodel):
    code: str
    veld: str
    vraag: str
    waarom: str
    bronnen: list[BronOut] = Field(default_factory=list)


class VoorwaardencheckResultaat(Basismodel):
    berekeningsjaar: int | None
    oordeel: Literal["recht", "geen_recht", "onbekend"]
    samenvatting: str
    condities: list[Conditie]
    vragen: list[Vraag]
    maanden_met_aanspraak: list[int]


def schema_invoer() -> dict[str, Any]:
    return Huishouden.model_json_schema()


def schema_uitvoer() -> dict[str, Any]:
    return Resultaat.model_json_schema()
