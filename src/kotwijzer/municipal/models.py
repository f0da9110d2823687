"""Data models of the municipal part (pydantic v2): Gemeente, Activiteit, GemeentelijkBeleid, Catalogus.

Every municipality decides for itself which of its activities count as a voorziening gericht op
arbeidsinschakeling (categorie A or B, a right to KOT under Wko art. 1.6 lid 1 onder c) and which do not
(categorie C, maatschappelijke participatie). The `Catalogus` holds those decisions per municipality.

Validation errors are raised as `GegevensFout` (a `ValueError`) with Dutch messages that name the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from kotwijzer.foutmeldingen import melding

# ---------------------------------------------------------------------------------------------------------------
# Controlled vocabularies
# ---------------------------------------------------------------------------------------------------------------


class Categorie(StrEnum):
    """The three categories of seed 000 §2.1 (r. 626-636) and §3.2.1."""

    A = "A"  # traject direct naar werk
    B = "B"  # sociale activering gericht op arbeidsinschakeling
    C = "C"  # sociale activering niet direct gericht op arbeidsinschakeling (maatschappelijke participatie)

    @property
    def omschrijving(self) -> str:
        return CATEGORIE_OMSCHRIJVING[self]

    @property
    def geeft_recht(self) -> bool:
        """A and B are a voorziening gericht op arbeidsinschakeling; C is not."""
        return self is not Categorie.C


CATEGORIE_OMSCHRIJVING: dict[Categorie, str] = {
    Categorie.A: "traject direct naar werk",
    Categorie.B: "sociale activering gericht op werk",
    Categorie.C: "sociale activering die niet direct gericht is op werk (meedoen in de samenleving)",
}


class Doel(StrEnum):
    """The aim of an activity as municipalities register it (SRG: re-integratie or participatie)."""

    re_integratie = "re-integratie"
    participatie = "participatie"


class Soort(StrEnum):
    """Kinds of activity. Built from seed 000 ch. 4 and 5 (and Pw art. 10a/10b); extend when needed."""

    proefplaatsing = "proefplaatsing"
    participatieplaats = "participatieplaats"
    overige_werkplek = "overige_werkplek"
    jobcoaching = "jobcoaching"
    coaching_naar_werk = "coaching_naar_werk"
    bemiddeling = "bemiddeling"
    ondernemerschap = "ondernemerschap"
    additionele_werkzaamheden = "additionele_werkzaamheden"
    beschut_werk = "beschut_werk"
    erkende_opleiding = "erkende_opleiding"
    training_cursus = "training_cursus"
    taaltraject = "taaltraject"
    vrijwilligerswerk_met_perspectief = "vrijwilligerswerk_met_perspectief"
    vrijwilligerswerk_zonder_perspectief = "vrijwilligerswerk_zonder_perspectief"
    persoonlijke_ontwikkeling = "persoonlijke_ontwikkeling"
    groepstraject_ouders = "groepstraject_ouders"
    wmo_dagbesteding = "wmo_dagbesteding"
    therapie = "therapie"
    moestuin = "moestuin"
    sport = "sport"
    overige_sociale_activering = "overige_sociale_activering"

    @property
    def omschrijving(self) -> str:
        return SOORT_OMSCHRIJVING[self]


SOORT_OMSCHRIJVING: dict[Soort, str] = {
    Soort.proefplaatsing: "proefplaatsing (werken met behoud van uitkering, om te zien of werk past)",
    Soort.participatieplaats: "participatieplaats (onbetaald werk om werkervaring op te doen)",
    Soort.overige_werkplek: "andere werkplek (bijvoorbeeld werkervaringsplaats)",
    Soort.jobcoaching: "jobcoaching (begeleiding op de werkplek)",
    Soort.coaching_naar_werk: "coaching naar werk of participatie",
    Soort.bemiddeling: "bemiddeling naar betaald werk",
    Soort.ondernemerschap: "traject naar zelfstandig ondernemerschap",
    Soort.additionele_werkzaamheden: "additionele werkzaamheden (art. 10a Participatiewet)",
    Soort.beschut_werk: "beschut werk (art. 10b Participatiewet)",
    Soort.erkende_opleiding: "opleiding die door het ministerie van OCW is erkend",
    Soort.training_cursus: "training of cursus voor werk (bijvoorbeeld solliciteren)",
    Soort.taaltraject: "taaltraject (Nederlands leren)",
    Soort.vrijwilligerswerk_met_perspectief: "vrijwilligerswerk met groeimogelijkheden, als stap naar werk",
    Soort.vrijwilligerswerk_zonder_perspectief: "vrijwilligerswerk om mee te doen (enkele uren per week)",
    Soort.persoonlijke_ontwikkeling: "training voor persoonlijke ontwikkeling",
    Soort.groepstraject_ouders: "groepstraject voor alleenstaande ouders",
    Soort.wmo_dagbesteding: "dagbesteding uit de Wmo",
    Soort.therapie: "therapie of behandeling",
    Soort.moestuin: "werken in een moestuin",
    Soort.sport: "sport en bewegen",
    Soort.overige_sociale_activering: "overige sociale activering",
}

# ---------------------------------------------------------------------------------------------------------------
# Dutch validation errors
# ---------------------------------------------------------------------------------------------------------------


class VeldFout(ValueError):
    """Raised inside validators to name the field a rule is about (also in whole-model checks)."""

    def __init__(self, veld: str, bericht: str) -> None:
        super().__init__(bericht)
        self.veld = veld
        self.bericht = bericht


class GegevensFout(ValueError):
    """Invalid data. `fouten` holds (veld, bericht) pairs; str() gives a Dutch message naming each field."""

    def __init__(self, onderwerp: str, fouten: list[tuple[str, str]]) -> None:
        self.onderwerp = onderwerp
        self.fouten = fouten
        regels = [f"Veld '{veld}': {bericht}" for veld, bericht in fouten]
        super().__init__(f"Ongeldige gegevens voor {onderwerp}:\n  " + "\n  ".join(regels))

    @property
    def velden(self) -> list[str]:
        return [veld for veld, _ in self.fouten]

    @classmethod
    def uit_validatie(cls, onderwerp: str, exc: ValidationError) -> GegevensFout:
        fouten: list[tuple[str, str]] = []
        for err in exc.errors(include_url=False):
            fouten.extend(_vertaal(err))
        return cls(onderwerp, fouten)


_ONDERWERP: dict[str, str] = {
    "Gemeente": "een gemeente",
    "Activiteit": "een activiteit",
    "GemeentelijkBeleid": "het gemeentelijk beleid",
    "Catalogus": "de catalogus",
}


def _pad(loc: tuple[Any, ...]) -> str:
    tekst = ""
    for deel in loc:
        if isinstance(deel, int):
            tekst += f"[{deel}]"
        else:
            tekst += ("." if tekst else "") + str(deel)
    return tekst or "(geheel)"


def _kort(waarde: Any) -> str:
    tekst = str(waarde) if isinstance(waarde, Decimal) else repr(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "..."


_TECHNISCH = re.compile(r"^(function-(before|after|wrap|plain)\[.*\]|int|none|decimal|str|bool|float|nullable)$")


def _vertaal(err: Any) -> list[tuple[str, str]]:
    loc = tuple(err.get("loc", ()))
    ctx = err.get("ctx") or {}
    # pydantic adds the name of a union member or a validator to the location; leave those out
    loc = tuple(d for d in loc if not (isinstance(d, str) and _TECHNISCH.match(d)))
    if err.get("type") == "value_error" and isinstance(ctx.get("error"), GegevensFout):
        # a nested model (validated through its own __init__) already translated its errors
        prefix = _pad(loc) if loc else ""
        return [
            (f"{prefix}.{veld}" if prefix and veld != "(geheel)" else prefix or veld, bericht)
            for veld, bericht in ctx["error"].fouten
        ]
    return [_vertaal_een(err, loc)]


def _vertaal_een(err: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """One pydantic error as (field, Dutch message): the catalogue's own rules (`VeldFout`, other value errors) as they
    were written; every other error in the words of the one translator (`kotwijzer.foutmeldingen.melding`), with the
    value read from the file (a catalogue holds no personal data, and the value helps to find the cell)."""
    soort = err.get("type", "")
    ctx = err.get("ctx") or {}
    invoer = err.get("input")
    if soort == "value_error" and isinstance(ctx.get("error"), VeldFout):
        fout = ctx["error"]
        return _pad(loc + (fout.veld,)), fout.bericht
    if soort == "value_error":
        return _pad(loc), str(ctx.get("error", err.get("msg", "")))
    bericht = melding(err)
    if soort != "missing" and invoer is not None and not isinstance(invoer, (dict, list)):
        bericht += f" (gekregen: {_kort(invoer)})"
    return _pad(loc), bericht


class _Basis(BaseModel):
    """Base: frozen, no unknown fields, Dutch errors when constructed directly or via `valideer`."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise GegevensFout.uit_validatie(_ONDERWERP.get(type(self).__name__, type(self).__name__), exc) from None

    @classmethod
    def valideer(cls, data: Any) -> Self:
        """Like `model_validate`, but raises `GegevensFout` with Dutch messages."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise GegevensFout.uit_validatie(_ONDERWERP.get(cls.__name__, cls.__name__), exc) from None


def _decimaal(waarde: Any, veld: str, max_decimalen: int) -> Any:
    """Accept int, str and float (via its shortest text form) as Decimal; at most `max_decimalen` decimals."""
    if waarde is None or isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, float):
        waarde = repr(waarde)
    if isinstance(waarde, (int, str)):
        try:
            waarde = Decimal(str(waarde).strip().replace(",", "."))
        except InvalidOperation:
            raise ValueError(f"moet een getal zijn (gekregen: {waarde!r})") from None
    if isinstance(waarde, Decimal):
        if not waarde.is_finite():
            raise ValueError("moet een gewoon getal zijn")
        exponent = waarde.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > max_decimalen:
            raise ValueError(f"mag hoogstens {max_decimalen} cijfers achter de komma hebben (gekregen: {waarde})")
    return waarde


def _niet_leeg(waarde: str) -> str:
    if not waarde.strip():
        raise ValueError("mag niet leeg zijn")
    return waarde


# ---------------------------------------------------------------------------------------------------------------
# Gemeente
# ---------------------------------------------------------------------------------------------------------------

_CBS = re.compile(r"^GM\d{4}$")
VOORBEELD_PREFIX = "GM99"  # codes GM9900-GM9999 are not used by CBS; kotwijzer keeps them for example data


class Gemeente(_Basis):
    """A municipality, by its CBS code (GMxxxx). `voorbeeld=True` marks example data (not a real policy)."""

    cbs_code: str
    naam: str
    voorbeeld: bool = False
    toelichting: str = ""

    @field_validator("cbs_code")
    @classmethod
    def _cbs(cls, v: str) -> str:
        if not _CBS.match(v):
            raise ValueError(f"moet de vorm GM en vier cijfers hebben, bijvoorbeeld GM0363 (gekregen: {v!r})")
        return v

    @field_validator("naam")
    @classmethod
    def _naam(cls, v: str) -> str:
        return _niet_leeg(v)

    @model_validator(mode="after")
    def _voorbeeld(self) -> Gemeente:
        if self.cbs_code.startswith(VOORBEELD_PREFIX) and not self.voorbeeld:
            raise VeldFout("voorbeeld", f"code {self.cbs_code} is voor voorbeeldgegevens; zet voorbeeld op 'ja'")
        if self.voorbeeld and "voorbeeld" not in self.naam.lower():
            raise VeldFout(
                "naam", "een voorbeeldgemeente moet 'voorbeeld' in de naam hebben, zodat niemand haar voor echt aanziet"
            )
        return self


# ---------------------------------------------------------------------------------------------------------------
# Activiteit
# ---------------------------------------------------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Activiteit(_Basis):
    """One activity as one municipality classifies it.

    `reintegratiecode` is the code under which the municipality registers the activity in the
    Re-integratiebericht (Digitaal Klantdossier); Dienst Toeslagen only sees that code (seed 000 §2.2).
    `individueel_plan_vereist` marks an activity that counts as a first re-integration step only when the
    consulent substantiates it in an individual plan (seed 000 §4.1, §4.2).
    """

    code: str
    naam: str
    soort: Soort
    categorie: Categorie
    reintegratiecode: int | None = Field(default=None, ge=1, le=999)
    doel: Doel
    uren_per_week: Decimal | None = Field(default=None, ge=0, le=168)
    individueel_plan_vereist: bool = False
    toelichting: str = ""
    herkomst: str = ""

    @model_validator(mode="before")
    @classmethod
    def _standaard_doel(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("doel") in (None, "") and data.get("categorie") in {"A", "B", "C"}:
            data = dict(data)
            data["doel"] = Doel.participatie if data["categorie"] == "C" else Doel.re_integratie
        return data

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not _SLUG.match(v):
            raise ValueError(
                f"mag alleen kleine letters, cijfers en losse streepjes bevatten, bijvoorbeeld 'participatieplaats' "
                f"(gekregen: {v!r})"
            )
        return v

    @field_validator("naam")
    @classmethod
    def _naam(cls, v: str) -> str:
        return _niet_leeg(v)

    @field_validator("uren_per_week", mode="before")
    @classmethod
    def _uren(cls, v: Any) -> Any:
        return _decimaal(v, "uren_per_week", 2)

    @model_validator(mode="after")
    def _doel_past(self) -> Activiteit:
        if self.categorie is Categorie.A and self.doel is not Doel.re_integratie:
            raise VeldFout("doel", "categorie A is een traject direct naar werk; het doel moet 're-integratie' zijn")
        if self.categorie is Categorie.C and self.doel is not Doel.participatie:
            raise VeldFout("doel", "categorie C is niet direct gericht op werk; het doel moet 'participatie' zijn")
        return self

    @property
    def gericht_op_arbeidsinschakeling(self) -> bool:
        return self.categorie.geeft_recht


# ---------------------------------------------------------------------------------------------------------------
# Gemeentelijk beleid (aanvullende tegemoetkoming, Wko art. 1.13)
# ---------------------------------------------------------------------------------------------------------------

FRACTIE_DECIMALEN = 4


class GemeentelijkBeleid(_Basis):
    """A municipality's policy on the aanvullende tegemoetkoming.

    - `fractie_restant`: the part (0 to 1) of the remainder "kosten (art. 1.7 lid 1 Wko) minus KOT" that the
      municipality pays under Wko art. 1.13. 1 means the whole remainder (the "overige 4 %").
    - `maximum_per_maand_cent`: optional ceiling of that top-up per child per month, in cents.
    - `boven_wettelijk`: the municipality also pays part of the costs above the maximum uurprijs. That is NOT a
      tegemoetkoming under art. 1.13 (which stops at the kosten of art. 1.7 lid 1); it is flagged separately,
      with its own fraction and optional ceiling, and its own ground (e.g. bijzondere bijstand).
    - `smi_aangeboden`: the municipality gives sociaal-medische indicaties (Wko art. 1.12).
    """

    fractie_restant: Decimal = Field(ge=0, le=1)
    maximum_per_maand_cent: int | None = Field(default=None, ge=0)
    boven_wettelijk: bool = False
    boven_wettelijk_fractie: Decimal | None = Field(default=None, ge=0, le=1)
    boven_wettelijk_maximum_per_maand_cent: int | None = Field(default=None, ge=0)
    boven_wettelijk_grondslag: str = ""
    smi_aangeboden: bool = False
    toelichting: str = ""

    @field_validator("fractie_restant", "boven_wettelijk_fractie", mode="before")
    @classmethod
    def _fractie(cls, v: Any) -> Any:
        return _decimaal(v, "fractie", FRACTIE_DECIMALEN)

    @model_validator(mode="after")
    def _boven(self) -> GemeentelijkBeleid:
        if self.boven_wettelijk:
            if self.boven_wettelijk_fractie is None:
                raise VeldFout(
                    "boven_wettelijk_fractie",
                    "is verplicht als boven_wettelijk 'ja' is: welk deel van de kosten boven de maximum uurprijs "
                    "betaalt de gemeente?",
                )
        else:
            for veld in ("boven_wettelijk_fractie", "boven_wettelijk_maximum_per_maand_cent"):
                if getattr(self, veld) is not None:
                    raise VeldFout(veld, "mag alleen ingevuld zijn als boven_wettelijk 'ja' is")
            if self.boven_wettelijk_grondslag:
                raise VeldFout("boven_wettelijk_grondslag", "mag alleen ingevuld zijn als boven_wettelijk 'ja' is")
        return self


# ---------------------------------------------------------------------------------------------------------------
# Catalogus
# ---------------------------------------------------------------------------------------------------------------


class OnbekendInCatalogus(LookupError):
    """Something asked for is not in the catalogus. The message (Dutch) names what is unknown."""


class OnbekendeGemeente(OnbekendInCatalogus):
    def __init__(self, code: str, bekend: list[str]) -> None:
        self.code = code
        lijst = ", ".join(bekend[:12]) + (" ..." if len(bekend) > 12 else "")
        super().__init__(f"Gemeente {code!r} staat niet in de catalogus. Bekende gemeenten: {lijst or 'geen'}.")


class OnbekendeActiviteit(OnbekendInCatalogus):
    def __init__(self, gemeente: Gemeente, code: str, bekend: list[str]) -> None:
        self.gemeente_code = gemeente.cbs_code
        self.code = code
        lijst = ", ".join(bekend) or "geen"
        super().__init__(
            f"Activiteit {code!r} is niet bekend bij {gemeente.naam} ({gemeente.cbs_code}). "
            f"Bekende activiteiten van deze gemeente: {lijst}."
        )


class Catalogus(_Basis):
    """Municipalities, their activities (per cbs_code) and their policy (per cbs_code)."""

    gemeenten: list[Gemeente]
    activiteiten: dict[str, list[Activiteit]] = Field(default_factory=dict)
    beleid: dict[str, GemeentelijkBeleid] = Field(default_factory=dict)

    _gemeenten: dict[str, Gemeente] = PrivateAttr(default_factory=dict)
    _index: dict[tuple[str, str], Activiteit] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _vul_aan(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("gemeenten"), list):
            data = dict(data)
            activiteiten = dict(data.get("activiteiten") or {})
            for g in data["gemeenten"]:
                code = g.cbs_code if isinstance(g, Gemeente) else g.get("cbs_code") if isinstance(g, dict) else None
                if isinstance(code, str):
                    activiteiten.setdefault(code, [])
            data["activiteiten"] = activiteiten
        return data

    @model_validator(mode="after")
    def _samenhang(self) -> Catalogus:
        gezien: set[str] = set()
        for i, g in enumerate(self.gemeenten):
            if g.cbs_code in gezien:
                raise VeldFout(f"gemeenten[{i}].cbs_code", f"gemeente {g.cbs_code} staat twee keer in de catalogus")
            gezien.add(g.cbs_code)
        for code, lijst in self.activiteiten.items():
            if code not in gezien:
                raise VeldFout(f"activiteiten.{code}", f"gemeente {code} staat niet in de lijst gemeenten")
            codes: set[str] = set()
            for i, a in enumerate(lijst):
                if a.code in codes:
                    raise VeldFout(
                        f"activiteiten.{code}[{i}].code", f"activiteit {a.code!r} staat twee keer bij gemeente {code}"
                    )
                codes.add(a.code)
        for code in self.beleid:
            if code not in gezien:
                raise VeldFout(f"beleid.{code}", f"gemeente {code} staat niet in de lijst gemeenten")
        return self

    def model_post_init(self, context: Any, /) -> None:
        self._gemeenten = {g.cbs_code: g for g in self.gemeenten}
        self._index = {(g, a.code): a for g, lijst in self.activiteiten.items() for a in lijst}

    # -- look-ups -------------------------------------------------------------------------------------------------
    @property
    def voorbeeld(self) -> bool:
        """True if any municipality in it is example data."""
        return any(g.voorbeeld for g in self.gemeenten)

    def gemeente(self, cbs_code: str) -> Gemeente:
        try:
            return self._gemeenten[cbs_code]
        except KeyError:
            raise OnbekendeGemeente(cbs_code, list(self._gemeenten)) from None

    def activiteit(self, cbs_code: str, activiteit_code: str) -> Activiteit:
        try:
            return self._index[(cbs_code, activiteit_code)]
        except KeyError:
            gemeente = self.gemeente(cbs_code)
            raise OnbekendeActiviteit(
                gemeente, activiteit_code, [a.code for a in self.activiteiten[cbs_code]]
            ) from None

    def beleid_van(self, cbs_code: str) -> GemeentelijkBeleid | None:
        self.gemeente(cbs_code)
        return self.beleid.get(cbs_code)

    def activiteiten_van(self, cbs_code: str) -> list[Activiteit]:
        self.gemeente(cbs_code)
        return list(self.activiteiten.get(cbs_code, []))

    def alle_activiteiten(self) -> Iterator[tuple[Gemeente, Activiteit]]:
        for g in self.gemeenten:
            for a in self.activiteiten.get(g.cbs_code, []):
                yield g, a

    def zoek_gemeente(self, tekst: str) -> Gemeente:
        """Find a municipality by CBS code or by name (case-insensitive)."""
        if tekst in self._gemeenten:
            return self._gemeenten[tekst]
        gevonden = [g for g in self.gemeenten if g.naam.casefold() == tekst.strip().casefold()]
        if len(gevonden) == 1:
            return gevonden[0]
        if tekst.upper() in self._gemeenten:
            return self._gemeenten[tekst.upper()]
        raise OnbekendeGemeente(tekst, [f"{g.cbs_code} ({g.naam})" for g in self.gemeenten])
