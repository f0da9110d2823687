"""Request and response shapes of the HTTP API (for validation and the published OpenAPI document).

The household itself is the core's `kotwijzer.model.Huishouden`; the result is `kotwijzer.model.Resultaat`. These
models only wrap them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kotwijzer.diensten import Wijziging
from kotwijzer.model import Huishouden, Resultaat, VoorwaardencheckResultaat


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ------------------------------------------------------------------------------------------------- errors
class Fout(BaseModel):
    veld: str = Field(description="Pad van het veld, bv. kinderen[0].opvang[1].uren_per_maand; leeg = de hele invoer")
    melding: str = Field(description="Wat er mis is, in het Nederlands")
    code: str = Field(description="Soort fout (pydantic-type of eigen code)")


class FoutAntwoord(BaseModel):
    melding: str = Field(description="Samenvatting van de fout, in het Nederlands")
    code: str = Field(description="ongeldige_invoer | ontbrekende_invoer | ontbrekende_wetgeving | ...")
    fouten: list[Fout] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------------- berekening
class Wettekst(BaseModel):
    citaat: str
    tekst: str | None = Field(
        None, description="De tekst van het artikel(lid) in de versie van die maand, als die beschikbaar is"
    )
    versie: str | None = None
    url: str | None = Field(None, description="De wet op wetten.overheid.nl, in de versie van die datum")
    terugval: bool = Field(
        False, description="De tekst komt uit een eerdere versie, omdat de tekst van die datum ontbreekt"
    )
    opmerking: str | None = None


class UitlegBlok(BaseModel):
    maand: int = Field(description="Eerste maand van het blok")
    tot_maand: int = Field(description="Laatste maand van het blok (opeenvolgende maanden met dezelfde uitleg)")
    titel: str
    aanspraak: bool
    regels: list[str]
    bronnen: list[Wettekst]


class Stap(BaseModel):
    titel: str
    tekst: str
    documenten: list[str]
    soort: Literal["stap", "waarschuwing"] | str


class BerekeningAntwoord(BaseModel):
    resultaat: Resultaat = Field(description="Per maand en per kind: recht, uren, prijzen, toeslag; jaartotalen; spoor")
    uitleg: list[UitlegBlok] = Field(description="Uitleg per maand in gewone taal, met de wetsartikelen")
    stappen: list[Stap] = Field(description="Wat moet u nu doen, en waarschuwingen")
    wettekst_beschikbaar: bool = Field(description="Of de tekst van de artikelen is meegestuurd")


# ----------------------------------------------------------------------------------------------- wat als
class WatAlsVerzoek(_Strikt):
    invoer: Huishouden
    wijziging: Wijziging


class Kort(BaseModel):
    """Korte uitkomst van één berekening."""

    oordeel: Literal["recht", "geen_recht", "onbekend"]
    samenvatting: str
    toeslag_jaar: Decimal | None = None
    eigen_bijdrage_jaar: Decimal | None = None
    maanden_met_aanspraak: list[int] = Field(default_factory=list)
    toeslag_per_maand: list[Decimal] = Field(default_factory=list)
    melding: str | None = Field(None, description="Waarom er geen bedrag is (ontbrekende invoer of wetgeving)")


class VergelijkMaand(BaseModel):
    maand: int
    huidig_recht: bool
    huidig_toeslag: Decimal | None
    wat_als_recht: bool
    wat_als_toeslag: Decimal | None
    verschil: Decimal | None


class WatAlsAntwoord(BaseModel):
    omschrijving: str = Field(description="Wat er is veranderd, in gewone taal")
    huidig: Kort
    wat_als: Kort
    verschil_jaar: Decimal | None
    per_maand: list[VergelijkMaand]
    invoer_wat_als: Huishouden


# --------------------------------------------------------------------------------------------- voorschot
class VoorschotVerzoek(_Strikt):
    invoer: Huishouden
    inkomen_voorschot: int = Field(
        ge=0, le=100_000_000, description="Het geschatte inkomen waarop het voorschot is gebaseerd"
    )
    inkomen_definitief: int = Field(ge=0, le=100_000_000, description="Het echte toetsingsinkomen over het jaar")


class VoorschotMaand(BaseModel):
    maand: int
    voorschot: Decimal
    definitief: Decimal


class VoorschotAntwoord(BaseModel):
    voorschot: Decimal
    definitief: Decimal
    verschil: Decimal
    soort: Literal["nabetaling", "terugvordering", "geen verschil"] | str
    per_maand: list[VoorschotMaand]
    toelichting: str


# ------------------------------------------------------------------------------------------ professional
class InloggenVerzoek(_Strikt):
    email: str = Field(max_length=254)
    wachtwoord: str = Field(max_length=200)


class TokenAntwoord(BaseModel):
    token: str = Field(description="Stuur mee als 'Authorization: Bearer <token>'")
    verloopt: dt.datetime
    organisatie_id: int
    rol: str


class DossierVerzoek(_Strikt):
    label: str = Field(min_length=1, max_length=60, description="Pseudoniem label, bv. 'gezin 12'. Geen naam of BSN")


class DossierAntwoord(BaseModel):
    id: int
    label: str
    aangemaakt: dt.datetime
    gewijzigd: dt.datetime
    aantal_scenarios: int


class ScenarioVerzoek(_Strikt):
    naam: str = Field(min_length=1, max_length=80)
    invoer: Huishouden
    toelichting: str = Field("", max_length=200)


class ScenarioVersieVerzoek(_Strikt):
    invoer: Huishouden
    toelichting: str = Field("", max_length=200)
    naam: str | None = Field(None, min_length=1, max_length=80)
    verwachte_versie: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        description="Optioneel: de versie waarop de wijziging is gebaseerd. Is er intussen een nieuwere, dan 409.",
    )


class Samenvatting(BaseModel):
    status: Literal["berekend", "niet_berekend"]
    berekeningsjaar: int | None = None
    oordeel: str | None = None
    toeslag_jaar: str | None = None
    eigen_bijdrage_jaar: str | None = None
    maanden_met_aanspraak: list[int] = Field(default_factory=list)
    toeslag_per_maand: list[str] = Field(default_factory=list)
    melding: str | None = None


class VersieAntwoord(BaseModel):
    versie: int
    aangemaakt: dt.datetime
    gebruiker_id: int | None
    toelichting: str
    samenvatting: Samenvatting
    invoer: dict[str, Any]


class ScenarioAntwoord(BaseModel):
    id: int
    dossier_id: int
    naam: str
    versie: int
    aangemaakt: dt.datetime
    gewijzigd: dt.datetime
    samenvatting: Samenvatting
    invoer: dict[str, Any]


class VersieKort(BaseModel):
    versie: int
    aangemaakt: dt.datetime
    gebruiker_id: int | None
    toelichting: str
    samenvatting: Samenvatting


class GebruikerVerzoek(_Strikt):
    email: str = Field(max_length=254)
    wachtwoord: str = Field(min_length=12, max_length=200)
    rol: Literal["beheerder", "medewerker"]
    huidig_wachtwoord: str | None = Field(
        None,
        max_length=200,
        description="Uw eigen wachtwoord: verplicht om een beheerder toe te voegen (herbevestiging)",
    )


class WachtwoordVerzoek(_Strikt):
    huidig_wachtwoord: str = Field(max_length=200)
    nieuw_wachtwoord: str = Field(
        max_length=200, description="Minstens 12 tekens, niet uitgelekt en niet makkelijk te raden"
    )


class GebruikerWijziging(_Strikt):
    rol: Literal["beheerder", "medewerker"] | None = None
    actief: bool | None = None
    huidig_wachtwoord: str | None = Field(
        None, max_length=200, description="Uw eigen wachtwoord: verplicht om iemand beheerder te maken (herbevestiging)"
    )


class GebruikerAntwoord(BaseModel):
    id: int
    email: str
    rol: str
    actief: bool
    aangemaakt: dt.datetime


class AuditAntwoord(BaseModel):
    id: int
    tijd: dt.datetime
    gebruiker_id: int | None
    actie: str
    object_soort: str | None
    object_id: int | None
    versie: int | None


__all__ = [
    "AuditAntwoord",
    "BerekeningAntwoord",
    "DossierAntwoord",
    "DossierVerzoek",
    "Fout",
    "FoutAntwoord",
    "GebruikerAntwoord",
    "GebruikerVerzoek",
    "GebruikerWijziging",
    "Huishouden",
    "InloggenVerzoek",
    "Kort",
    "Resultaat",
    "Samenvatting",
    "ScenarioAntwoord",
    "ScenarioVersieVerzoek",
    "ScenarioVerzoek",
    "TokenAntwoord",
    "VersieAntwoord",
    "VersieKort",
    "VoorschotAntwoord",
    "VoorschotVerzoek",
    "VoorwaardencheckResultaat",
    "WatAlsAntwoord",
    "WatAlsVerzoek",
]


# ---------------------------------------------------------------------- the published schema says what is accepted
def jaren_met_regels() -> tuple[int, ...]:
    """The calculation years whose law data the core has (a year without it is refused with 422)."""
    from kotwijzer.params import OntbrekendeWetgeving, parameters_voor_jaar

    uit = []
    for j in range(2000, 2101):
        try:
            parameters_voor_jaar(j)
        except OntbrekendeWetgeving:
            continue
        uit.append(j)
    return tuple(uit)


def _tekens_klasse() -> str:
    """A regex class of what no free text may hold: control characters, private use, line and paragraph separators,
    characters that display as nothing and bidi controls (kotwijzer.store.validatie). Lone surrogates are refused by
    the server too, but a JSON Schema pattern (ECMA-262 with Unicode semantics) cannot name them: a class with
    \ud800-\udfff does not compile in standard validators, which then take every string as valid."""
    from kotwijzer.store.validatie import ONZICHTBAAR

    delen = ["\\u0000-\\u001f", "\\u007f-\\u009f", "\\u2028\\u2029", "\\ue000-\\uf8ff"]
    for a, b in [*ONZICHTBAAR, (0xF0000, 0x10FFFF)]:  # and the private-use planes 15 and 16
        if b <= 0xFFFF:
            delen.append(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}")
        else:  # beyond the BMP: the characters themselves (an escape for them is not portable between regex dialects)
            delen.append(chr(a) if a == b else f"{chr(a)}-{chr(b)}")
    return "".join(delen)


def tekst_patroon(verplicht: bool) -> str:
    """Free text as the server accepts it: none of `_tekens_klasse`, and (when required) something visible."""
    k = _tekens_klasse()
    zichtbaar = f"[^\\S{k}]*[^\\s{k}][^{k}]*"  # leading spaces, but no control characters such as CR or TAB
    return f"^{zichtbaar}$" if verplicht else f"^({zichtbaar})?$"


def email_patroon() -> str:
    """An e-mail address as the server reads it: local part, @, a domain with a dot, none of `_tekens_klasse`."""
    k = f"[^@\\s{_tekens_klasse()}]"
    return f"^{k}{{1,64}}@{k}{{1,189}}\\.{k}{{2,}}$"


def _strings(d: dict[str, Any]):
    """The plain string schemas in a property (directly or as one branch of anyOf)."""
    if d.get("type") == "string" and not any(k in d for k in ("format", "enum", "const", "pattern")):
        yield d
    for tak in d.get("anyOf", []) or []:
        yield from _strings(tak)


def _breed(lo: int, hi: int, breed: int) -> list[str]:
    """Regex alternatives for strings of exactly `breed` digits whose value lies in lo..hi."""
    if breed == 0:
        return [""]
    ls, hs = str(lo).zfill(breed), str(hi).zfill(breed)
    if ls == hs:
        return [ls]
    i = 0
    while ls[i] == hs[i]:
        i += 1
    voor, rest = ls[:i], breed - i - 1
    a, b = int(ls[i]), int(hs[i])
    uit: list[str] = []
    laatste: list[str] = []
    if rest and ls[i + 1 :] != "0" * rest:
        uit = [f"{voor}{a}{x}" for x in _breed(int(ls[i + 1 :]), 10**rest - 1, rest)]
        a += 1
    if rest and hs[i + 1 :] != "9" * rest:
        laatste = [f"{voor}{b}{x}" for x in _breed(0, int(hs[i + 1 :]), rest)]
        b -= 1
    if a <= b:
        uit.append(f"{voor}{a if a == b else f'[{a}-{b}]'}" + "[0-9]" * rest)
    return uit + laatste


def getallen_patroon(lo: int, hi: int) -> str:
    """A regex group that matches exactly the whole numbers lo..hi (0 <= lo <= hi), written without leading zeros."""
    delen: list[str] = []
    for breed in range(len(str(lo)), len(str(hi)) + 1):
        a = max(lo, 10 ** (breed - 1) if breed > 1 else 0)
        b = min(hi, 10**breed - 1)
        if a <= b:
            delen += _breed(a, b, breed)
    return "(?:" + "|".join(delen) + ")"


def decimaal_patroon(minimum: float, maximum: float, decimalen: int = 2) -> str | None:
    """A decimal number as text within [minimum, maximum] with at most `decimalen` decimals, e.g. "12.50" (what the
    server reads as a Decimal). Only for whole-number bounds with minimum 0 or minimum = -maximum; else None."""
    if minimum != int(minimum) or maximum != int(maximum) or maximum < 1 or minimum not in (0, -maximum):
        return None
    hoog = int(maximum)
    teken = "-?" if minimum < 0 else ""
    onder = f"0*{getallen_patroon(0, hoog - 1)}(?:\\.[0-9]{{1,{decimalen}}})?"
    rand = f"0*{hoog}(?:\\.0{{1,{decimalen}}})?"
    return f"^{teken}(?:{onder}|{rand})$"


def _decimalen(d: dict[str, Any]) -> None:
    """A Decimal field is published as anyOf [number with bounds, string]: the string branch gets the same bounds, as
    a pattern (JSON Schema has no numeric bounds for text), so a client that sends "12.50" knows what is accepted."""
    takken = d.get("anyOf") or []
    getal = next((t for t in takken if t.get("type") == "number" and "maximum" in t and "minimum" in t), None)
    if getal is None:
        for t in takken:
            if isinstance(t, dict) and "anyOf" in t:
                _decimalen(t)
        return
    patroon = decimaal_patroon(getal["minimum"], getal["maximum"])
    if patroon is None:
        return
    for t in takken:
        if t.get("type") == "string" and not any(k in t for k in ("format", "enum", "const", "pattern")):
            t["pattern"] = patroon


def verscherp_schema(spec: dict[str, Any]) -> dict[str, Any]:
    """Make the published request schemas as strict as the server (issue 17, finding 10), so that a client that
    validates before sending is not refused for what the schema allowed: the years with law data (said in the
    description; the parameters route is bounded to them); free
    text without control, invisible or bidi characters and, where required, with something visible; e-mail addresses
    as the server reads them; decimal numbers sent as text with the same bounds as numbers; on the routes that compute,
    only the years with law data (`Invoer_Huishouden_berekening`). What a schema cannot say is listed in
    `ONUITDRUKBAAR` and still refused with 422 and a Dutch message."""
    jaren = jaren_met_regels()
    comps = spec.get("components", {}).get("schemas", {}) or {}
    for naam, s in comps.items():
        if not naam.startswith("Invoer_"):
            continue
        for d in (s.get("properties") or {}).values():
            _decimalen(d)
        verplicht = set(s.get("required", []))
        for prop, d in (s.get("properties") or {}).items():
            if prop == "berekeningsjaar" and jaren:
                # 2000-2100 stays the bound (a scenario of any such year can be saved); a calculation for a year
                # without law data is refused with 422 ontbrekende_wetgeving, as the description says
                d["description"] = (
                    d.get("description", "") + f" Berekenen kan voor {min(jaren)} tot en met "
                    f"{max(jaren)}; voor een ander jaar antwoordt de berekening 422 "
                    "(ontbrekende_wetgeving)."
                ).strip()
            elif prop == "email":
                for t in _strings(d):
                    t["pattern"] = email_patroon()
            elif prop in ("label", "naam", "toelichting"):
                for t in _strings(d):
                    t["pattern"] = tekst_patroon(prop in verplicht or t.get("minLength", 0) >= 1)
    if jaren and "Invoer_Huishouden" in comps:
        _alleen_rekenjaren(spec, comps, jaren)
    return spec


def _alleen_rekenjaren(spec: dict[str, Any], comps: dict[str, Any], jaren: tuple[int, ...]) -> None:
    """A household that is computed at once (berekening, voorwaardencheck, wat-als, voorschot-definitief) must be of a
    year with law data; a saved scenario may be of any year 2000-2100 (it is computed when its year has rules)."""
    import copy

    reken = copy.deepcopy(comps["Invoer_Huishouden"])
    reken["title"] = "Huishouden (berekening)"
    comps["Invoer_Huishouden_berekening"] = reken
    for s in (reken, comps.get("Invoer_Huishouden_onvolledig")):
        if s is not None and "berekeningsjaar" in (s.get("properties") or {}):
            s["properties"]["berekeningsjaar"] = {
                **s["properties"]["berekeningsjaar"],
                "minimum": min(jaren),
                "maximum": max(jaren),
            }
    oud, nieuw = "#/components/schemas/Invoer_Huishouden", "#/components/schemas/Invoer_Huishouden_berekening"
    for naam in ("Invoer_WatAlsVerzoek", "Invoer_VoorschotVerzoek"):
        invoer = (comps.get(naam, {}).get("properties") or {}).get("invoer")
        if invoer is not None and invoer.get("$ref") == oud:
            invoer["$ref"] = nieuw
    body = (spec.get("paths", {}).get("/api/v1/berekening", {}).get("post", {}).get("requestBody") or {}).get(
        "content", {}
    )
    for soort in body.values():
        if (soort.get("schema") or {}).get("$ref") == oud:
            soort["schema"]["$ref"] = nieuw


# What the published schema cannot say; the server refuses it with 422 and a Dutch message naming the field. The
# fuzzing test (tests/api/test_api_schemathesis.py) tolerates a 422 for schema-valid data only for these operations
# and fields, with the reason.
TEKST = (
    "vrije tekst: geen BSN (negen cijfers die de elfproef halen, ook verspreid over velden), niet alleen tekens die "
    "niets tonen (zoals losse combinerende tekens) en geen tekens die Unicode nog niet kent; dat laatste en het eerste "
    "kan een patroon niet zeggen"
)
SAMENHANG = (
    "samenhang tussen velden: opvanguren per maand, week of jaar (één ervan), datums in de goede volgorde en in het "
    "goede jaar, wat een situatie nodig heeft om te rekenen, en wat een wijziging nodig heeft volgens haar soort"
)
WW_STERK = "de sterkte van een wachtwoord (te raden, uitgelekt, met eigen naam, e-mail of organisatie)"
WW_EIGEN = "het eigen, huidige wachtwoord (herbevestiging); verplicht om iemand beheerder te maken"
EIGEN_ROL = "een beheerder kan de eigen rol niet verlagen en zichzelf niet uitschakelen"
_HUISHOUDEN = ("aanvrager", "partner", "kinderen")
ONUITDRUKBAAR: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("POST", "/api/v1/berekening"): {"": (SAMENHANG,), **dict.fromkeys(_HUISHOUDEN, (TEKST, SAMENHANG))},
    ("POST", "/api/v1/voorwaardencheck"): {"": (SAMENHANG,), **dict.fromkeys(_HUISHOUDEN, (TEKST, SAMENHANG))},
    ("POST", "/api/v1/wat-als"): {
        "invoer": (TEKST, SAMENHANG),
        "wijziging": (SAMENHANG,),
        **dict.fromkeys(_HUISHOUDEN, (SAMENHANG,)),
    },
    ("POST", "/api/v1/voorschot-definitief"): {
        "invoer": (TEKST, SAMENHANG),
        **dict.fromkeys(_HUISHOUDEN, (SAMENHANG,)),
    },
    ("PUT", "/api/v1/wachtwoord"): {"huidig_wachtwoord": (WW_EIGEN,), "nieuw_wachtwoord": (WW_STERK,)},
    ("POST", "/api/v1/gebruikers"): {"wachtwoord": (WW_STERK,), "huidig_wachtwoord": (WW_EIGEN,), "email": (TEKST,)},
    ("PATCH", "/api/v1/gebruikers/{gebruiker_id}"): {
        "rol": (EIGEN_ROL,),
        "actief": (EIGEN_ROL,),
        "huidig_wachtwoord": (WW_EIGEN,),
    },
    ("POST", "/api/v1/dossiers"): {"label": (TEKST,)},
    ("PATCH", "/api/v1/dossiers/{dossier_id}"): {"label": (TEKST,)},
    ("POST", "/api/v1/dossiers/{dossier_id}/scenarios"): {
        "naam": (TEKST,),
        "toelichting": (TEKST,),
        "invoer": (TEKST, SAMENHANG),
    },
    ("PUT", "/api/v1/scenarios/{scenario_id}"): {
        "naam": (TEKST,),
        "toelichting": (TEKST,),
        "invoer": (TEKST, SAMENHANG),
    },
    ("POST", "/api/v1/beschikking/controle"): {"beschikking": (SAMENHANG,), "invoer": (SAMENHANG,), "": (SAMENHANG,)},
    ("POST", "/api/v1/beschikking/bezwaarschrift"): {
        "beschikking": (SAMENHANG,),
        "invoer": (SAMENHANG,),
        "": (SAMENHANG,),
    },
}


def markeer_onuitdrukbaar(spec: dict[str, Any]) -> dict[str, Any]:
    """Each operation with such rules says so in its request body: `x-kotwijzer-servercontrole` maps a field (or the
    start of a field's path) to the rule the server checks beyond this schema (documented in docs/api.md)."""
    for (methode, pad), velden in ONUITDRUKBAAR.items():
        body = spec.get("paths", {}).get(pad, {}).get(methode.lower(), {}).get("requestBody")
        if body is not None:
            body["x-kotwijzer-servercontrole"] = {veld or "(het geheel)": list(r) for veld, r in velden.items()}
    return spec


def _operatie_ref(pad: str, methode: str) -> str:
    return "#/paths/" + pad.replace("~", "~0").replace("/", "~1") + "/" + methode


# (source operation, status) -> [(target path, method, parameter, where the value comes from)]
LINKS: dict[tuple[str, str, str], list[tuple[str, str, str, str]]] = {
    ("/api/v1/dossiers", "post", "201"): [
        ("/api/v1/dossiers/{dossier_id}", m, "dossier_id", "$response.body#/id") for m in ("get", "patch", "delete")
    ]
    + [("/api/v1/dossiers/{dossier_id}/scenarios", m, "dossier_id", "$response.body#/id") for m in ("get", "post")],
    ("/api/v1/dossiers/{dossier_id}/scenarios", "post", "201"): [
        ("/api/v1/scenarios/{scenario_id}", m, "scenario_id", "$response.body#/id") for m in ("get", "put", "delete")
    ]
    + [
        ("/api/v1/scenarios/{scenario_id}/versies", "get", "scenario_id", "$response.body#/id"),
        ("/api/v1/scenarios/{scenario_id}/berekening", "get", "scenario_id", "$response.body#/id"),
    ],
    ("/api/v1/scenarios/{scenario_id}", "put", "200"): [
        ("/api/v1/scenarios/{scenario_id}/versies/{versie}", "get", "versie", "$response.body#/versie"),
    ],
    ("/api/v1/gebruikers", "post", "201"): [
        ("/api/v1/gebruikers/{gebruiker_id}", "patch", "gebruiker_id", "$response.body#/id"),
    ],
}


def voeg_links_toe(spec: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI links between the operations that create something and those that use it (the id in the answer), so
    that clients and stateful tests can follow them."""
    paden = spec.get("paths", {})
    for (pad, methode, status), doelen in LINKS.items():
        antwoord = paden.get(pad, {}).get(methode, {}).get("responses", {}).get(status)
        if antwoord is None:
            continue
        links = antwoord.setdefault("links", {})
        for doel, m, param, bron in doelen:
            if m not in paden.get(doel, {}):
                continue
            naam = f"{m}_{doel.rsplit('/', 1)[-1].strip('{}')}_{param}".replace("-", "_")
            extra = {}
            if param == "versie":  # the scenario's id comes from the request that was just made
                extra["scenario_id"] = "$request.path.scenario_id"
            links[naam] = {"operationRef": _operatie_ref(doel, m), "parameters": {param: bron, **extra}}
    jaren = jaren_met_regels()
    for pad, ops in paden.items():
        if "{jaar}" in pad and jaren:
            for op in ops.values():
                for p in op.get("parameters", []) or []:
                    if p.get("name") == "jaar":
                        p.setdefault("schema", {}).update({"minimum": min(jaren), "maximum": max(jaren)})
    return spec
