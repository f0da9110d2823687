"""Import and export of a `Catalogus` as YAML and as CSV (lossless both ways).

YAML layout (one file): a list `gemeenten`; each gemeente has its fields, an optional `beleid` table and a list
`activiteiten`. Fractions and hours are written as plain numbers; they are read back as exact decimals.

CSV layout (two files, UTF-8, comma-separated, CRLF line ends (RFC 4180), first row = column names, `ja`/`nee`
for yes/no, empty cell = no value, decimal point `.` (a comma is accepted on import)):

gemeenten.csv (`GEMEENTE_KOLOMMEN`)
    cbs_code, naam, voorbeeld, toelichting,
    beleid (ja/nee: is there a policy on the aanvullende tegemoetkoming? if nee, the beleid columns stay empty),
    fractie_restant, maximum_per_maand_cent, boven_wettelijk, boven_wettelijk_fractie,
    boven_wettelijk_maximum_per_maand_cent, boven_wettelijk_grondslag, smi_aangeboden, beleid_toelichting
activiteiten.csv (`ACTIVITEIT_KOLOMMEN`)
    gemeente (cbs_code), code, naam, soort, categorie, reintegratiecode, doel, uren_per_week,
    individueel_plan_vereist, toelichting, herkomst

Rows are numbered as in a spreadsheet: the header is rij 1, the first data row is rij 2. All problems of an
import are collected and raised together as an `ImportFout` whose message names file, row and column.
"""

from __future__ import annotations

import csv
import io as _io
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from kotwijzer.municipal.models import Activiteit, Catalogus, GegevensFout, Gemeente, GemeentelijkBeleid

GEMEENTE_KOLOMMEN: tuple[str, ...] = (
    "cbs_code",
    "naam",
    "voorbeeld",
    "toelichting",
    "beleid",
    "fractie_restant",
    "maximum_per_maand_cent",
    "boven_wettelijk",
    "boven_wettelijk_fractie",
    "boven_wettelijk_maximum_per_maand_cent",
    "boven_wettelijk_grondslag",
    "smi_aangeboden",
    "beleid_toelichting",
)
ACTIVITEIT_KOLOMMEN: tuple[str, ...] = (
    "gemeente",
    "code",
    "naam",
    "soort",
    "categorie",
    "reintegratiecode",
    "doel",
    "uren_per_week",
    "individueel_plan_vereist",
    "toelichting",
    "herkomst",
)
_VERPLICHT_GEMEENTE = ("cbs_code", "naam")
_VERPLICHT_ACTIVITEIT = ("gemeente", "code", "naam", "soort", "categorie")
_BELEID_KOLOMMEN = GEMEENTE_KOLOMMEN[5:]
# CSV column -> model field, where they differ
_BELEID_VELD = {"beleid_toelichting": "toelichting"}
_GEHELE_GETALLEN = {"maximum_per_maand_cent", "boven_wettelijk_maximum_per_maand_cent", "reintegratiecode"}
_JA_NEE = {"voorbeeld", "beleid", "boven_wettelijk", "smi_aangeboden", "individueel_plan_vereist"}
_JA = {"ja", "j", "true", "waar", "yes", "1"}
_NEE = {"nee", "n", "false", "onwaar", "no", "0"}

VOORBEELD_BESTAND = "voorbeeld_catalogus.yaml"


# ---------------------------------------------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Probleem:
    bestand: str
    rij: int | None  # CSV: record number (header = 1)
    kolom: str | None  # CSV: column name; YAML: field path
    bericht: str
    regel: int | None = None  # YAML: line number in the file

    def __str__(self) -> str:
        plaats = self.bestand
        if self.regel is not None:
            plaats += f", regel {self.regel}"
        if self.rij is not None:
            plaats += f", rij {self.rij}"
        if self.kolom is not None:
            plaats += f", kolom '{self.kolom}'" if self.rij is not None else f", veld '{self.kolom}'"
        return f"{plaats}: {self.bericht}"


class ImportFout(ValueError):
    """An import failed. `problemen` lists every problem with file, row and column."""

    def __init__(self, problemen: list[Probleem]) -> None:
        self.problemen = problemen
        aantal = len(problemen)
        kop = "Het bestand kan niet worden ingelezen" if aantal == 1 else f"Er zijn {aantal} fouten gevonden"
        super().__init__(kop + ":\n  " + "\n  ".join(str(p) for p in problemen))


# ---------------------------------------------------------------------------------------------------------------
# YAML
# ---------------------------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _decimaal_yaml(dumper: yaml.SafeDumper, waarde: Decimal) -> yaml.Node:
    tekst = format(waarde, "f")
    tag = "tag:yaml.org,2002:int" if "." not in tekst else "tag:yaml.org,2002:float"
    return dumper.represent_scalar(tag, tekst)


_Dumper.add_representer(Decimal, _decimaal_yaml)

_YAML_VEILIG = re.compile(
    r"[^\x09\x0A\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]"
)


def _tekst_yaml(dumper: yaml.SafeDumper, waarde: str) -> yaml.Node:
    """Strings with characters YAML treats specially (NEL, line/paragraph separators, BOM, control characters)
    are written double-quoted, so that they are escaped and read back unchanged."""
    if _YAML_VEILIG.search(waarde):
        return dumper.represent_scalar("tag:yaml.org,2002:str", waarde, style='"')
    return dumper.represent_str(waarde)


_Dumper.add_representer(str, _tekst_yaml)


def _gewoon(waarde: Any) -> Any:
    if isinstance(waarde, Enum):
        return waarde.value
    if isinstance(waarde, dict):
        return {k: _gewoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_gewoon(v) for v in waarde]
    return waarde


def _zonder_standaard(model: Any) -> dict[str, Any]:
    """Fields of a model, leaving out those equal to their default (keeps the YAML short)."""
    uit: dict[str, Any] = {}
    for naam, info in type(model).model_fields.items():
        waarde = getattr(model, naam)
        if not info.is_required() and waarde == info.get_default(call_default_factory=True):
            continue
        uit[naam] = _gewoon(waarde)
    return uit


def naar_yaml(catalogus: Catalogus, *, kop: str | None = None) -> str:
    """The catalogus as YAML text. `kop` is written as a comment block at the top."""
    gemeenten = []
    for g in catalogus.gemeenten:
        item = _zonder_standaard(g)
        beleid = catalogus.beleid.get(g.cbs_code)
        if beleid is not None:
            item["beleid"] = _zonder_standaard(beleid)
        item["activiteiten"] = [_zonder_standaard(a) for a in catalogus.activiteiten.get(g.cbs_code, [])]
        gemeenten.append(item)
    tekst: str = yaml.dump({"gemeenten": gemeenten}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    if kop:
        tekst = "".join(f"# {regel}".rstrip() + "\n" for regel in kop.splitlines()) + tekst
    return tekst


def van_yaml(tekst: str, *, bestand: str = "<tekst>") -> Catalogus:
    """Read a catalogus from YAML text. Raises `ImportFout` naming the file and the field."""
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as exc:
        regel = getattr(getattr(exc, "problem_mark", None), "line", None)
        detail = getattr(exc, "problem", None) or str(exc)
        raise ImportFout(
            [
                Probleem(
                    bestand,
                    None,
                    None,
                    f"geen geldige YAML; kijk naar de inspringing en de dubbele punten (technische melding: {detail})",
                    None if regel is None else regel + 1,
                )
            ]
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("gemeenten"), list):
        raise ImportFout([Probleem(bestand, None, "gemeenten", "het bestand moet een lijst 'gemeenten' hebben")])
    onbekend = set(data) - {"gemeenten"}
    if onbekend:
        raise ImportFout([Probleem(bestand, None, k, "onbekend veld op het hoogste niveau") for k in sorted(onbekend)])
    gemeenten: list[Any] = []
    activiteiten: dict[str, Any] = {}
    beleid: dict[str, Any] = {}
    problemen: list[Probleem] = []
    for i, item in enumerate(data["gemeenten"]):
        if not isinstance(item, dict):
            problemen.append(Probleem(bestand, None, f"gemeenten[{i}]", "moet een tabel met velden zijn"))
            continue
        item = dict(item)
        acts = item.pop("activiteiten", None) or []
        pol = item.pop("beleid", None)
        gemeenten.append(item)
        code = item.get("cbs_code")
        if not isinstance(code, str):
            continue
        if code in activiteiten:
            problemen.append(
                Probleem(bestand, None, f"gemeenten[{i}].cbs_code", f"gemeente {code} staat er twee keer in")
            )
            continue
        activiteiten[code] = acts
        if pol is not None:
            beleid[code] = pol
    if problemen:
        raise ImportFout(problemen)
    try:
        return Catalogus.valideer({"gemeenten": gemeenten, "activiteiten": activiteiten, "beleid": beleid})
    except GegevensFout as exc:
        raise ImportFout([Probleem(bestand, None, _yaml_pad(veld), bericht) for veld, bericht in exc.fouten]) from None


def _yaml_pad(veld: str) -> str:
    """Translate a model path (activiteiten.GM9901[2].naam) into the YAML layout's wording."""
    for deel in ("activiteiten.", "beleid."):
        if veld.startswith(deel):
            rest = veld[len(deel) :]
            code, _, binnen = rest.partition("[") if deel == "activiteiten." else rest.partition(".")
            if deel == "activiteiten.":
                return f"gemeente {code}: activiteiten[{binnen}" if binnen else f"gemeente {code}: activiteiten"
            return f"gemeente {code}: beleid.{binnen}" if binnen else f"gemeente {code}: beleid"
    return veld


def lees_yaml(pad: str | Path) -> Catalogus:
    pad = Path(pad)
    return van_yaml(_lees_tekst(pad), bestand=str(pad))


def schrijf_yaml(catalogus: Catalogus, pad: str | Path, *, kop: str | None = None) -> None:
    Path(pad).write_text(naar_yaml(catalogus, kop=kop), encoding="utf-8")


def _lees_tekst(pad: Path) -> str:
    try:
        return pad.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportFout([Probleem(str(pad), None, None, "bestand niet gevonden")]) from None
    except UnicodeDecodeError:
        raise ImportFout([Probleem(str(pad), None, None, "het bestand is geen UTF-8-tekst")]) from None


# ---------------------------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------------------------


class CsvTeksten(NamedTuple):
    gemeenten: str
    activiteiten: str


def _cel(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, Enum):
        return str(waarde.value)
    if isinstance(waarde, Decimal):
        return format(waarde, "f")
    return str(waarde)


def _schrijf(kolommen: tuple[str, ...], rijen: list[dict[str, Any]]) -> str:
    uit = _io.StringIO(newline="")
    # RFC 4180 line ends: the writer then also quotes a field holding a lone carriage return
    schrijver = csv.DictWriter(uit, fieldnames=list(kolommen), lineterminator="\r\n")
    schrijver.writeheader()
    for rij in rijen:
        schrijver.writerow({k: _cel(rij.get(k)) for k in kolommen})
    return uit.getvalue()


def naar_csv(catalogus: Catalogus) -> CsvTeksten:
    """The catalogus as two CSV texts (gemeenten, activiteiten)."""
    gemeenten = []
    for g in catalogus.gemeenten:
        rij: dict[str, Any] = g.model_dump()
        b = catalogus.beleid.get(g.cbs_code)
        rij["beleid"] = b is not None
        if b is not None:
            for kolom in _BELEID_KOLOMMEN:
                rij[kolom] = getattr(b, _BELEID_VELD.get(kolom, kolom))
        gemeenten.append(rij)
    activiteiten = []
    for g, a in catalogus.alle_activiteiten():
        rij = a.model_dump()
        rij["gemeente"] = g.cbs_code
        activiteiten.append(rij)
    return CsvTeksten(_schrijf(GEMEENTE_KOLOMMEN, gemeenten), _schrijf(ACTIVITEIT_KOLOMMEN, activiteiten))


def schrijf_csv(catalogus: Catalogus, gemeenten_pad: str | Path, activiteiten_pad: str | Path) -> None:
    teksten = naar_csv(catalogus)
    Path(gemeenten_pad).write_text(teksten.gemeenten, encoding="utf-8", newline="")
    Path(activiteiten_pad).write_text(teksten.activiteiten, encoding="utf-8", newline="")


def lees_csv(gemeenten_pad: str | Path, activiteiten_pad: str | Path) -> Catalogus:
    gp, ap = Path(gemeenten_pad), Path(activiteiten_pad)
    return van_csv(_lees_tekst(gp), _lees_tekst(ap), gemeenten_bestand=str(gp), activiteiten_bestand=str(ap))


def _rijen(
    tekst: str, bestand: str, kolommen: tuple[str, ...], verplicht: tuple[str, ...], problemen: list[Probleem]
) -> list[tuple[int, dict[str, str]]]:
    lezer = csv.reader(_io.StringIO(tekst.lstrip("\ufeff"), newline=""))
    try:
        kop = next(lezer)
    except StopIteration:
        problemen.append(Probleem(bestand, 1, None, "het bestand is leeg; de eerste rij moet de kolomnamen bevatten"))
        return []
    except csv.Error as exc:
        problemen.append(Probleem(bestand, 1, None, f"geen geldige CSV ({exc})"))
        return []
    kop = [k.strip() for k in kop]
    for k in kop:
        if k not in kolommen:
            problemen.append(Probleem(bestand, 1, k, f"onbekende kolom; toegestaan zijn: {', '.join(kolommen)}"))
    for k in verplicht:
        if k not in kop:
            problemen.append(Probleem(bestand, 1, k, "deze kolom ontbreekt"))
    dubbel = {k for k in kop if kop.count(k) > 1}
    for k in sorted(dubbel):
        problemen.append(Probleem(bestand, 1, k, "deze kolom staat er twee keer in"))
    if problemen:
        return []
    rijen = []
    try:
        for nummer, cellen in enumerate(lezer, start=2):
            if not any(c.strip() for c in cellen):
                continue  # empty line
            if len(cellen) != len(kop):
                problemen.append(
                    Probleem(bestand, nummer, None, f"de rij heeft {len(cellen)} cellen, de kop heeft er {len(kop)}")
                )
                continue
            rijen.append((nummer, dict(zip(kop, cellen, strict=True))))
    except csv.Error as exc:
        problemen.append(Probleem(bestand, None, None, f"geen geldige CSV ({exc})"))
    return rijen


def _omzetten(cellen: dict[str, str], bestand: str, rij: int, problemen: list[Probleem]) -> dict[str, Any] | None:
    """Text cells to Python values (None for an empty cell), reporting cells that cannot be read."""
    uit: dict[str, Any] = {}
    goed = True
    for kolom, tekst in cellen.items():
        if tekst == "":
            uit[kolom] = None
            continue
        if kolom in _JA_NEE:
            t = tekst.strip().lower()
            if t in _JA:
                uit[kolom] = True
            elif t in _NEE:
                uit[kolom] = False
            else:
                problemen.append(Probleem(bestand, rij, kolom, f"moet 'ja' of 'nee' zijn (gekregen: {tekst!r})"))
                goed = False
        elif kolom in _GEHELE_GETALLEN:
            try:
                uit[kolom] = int(tekst.strip())
            except ValueError:
                problemen.append(Probleem(bestand, rij, kolom, f"moet een geheel getal zijn (gekregen: {tekst!r})"))
                goed = False
        else:
            uit[kolom] = tekst
    return uit if goed else None


def _model_fouten(
    exc: GegevensFout, bestand: str, rij: int, kolom_van_veld: dict[str, str], problemen: list[Probleem]
) -> None:
    for veld, bericht in exc.fouten:
        basis = veld.split(".")[0].split("[")[0]
        problemen.append(Probleem(bestand, rij, kolom_van_veld.get(basis, basis), bericht))


def _zonder_lege(waarden: dict[str, Any], tekstvelden: set[str]) -> dict[str, Any]:
    """Empty cells: "" for text fields, left out otherwise (so the model's default applies)."""
    uit = {}
    for k, v in waarden.items():
        if v is None:
            if k in tekstvelden:
                uit[k] = ""
            continue
        uit[k] = v
    return uit


_GEMEENTE_TEKST = {"toelichting"}
_BELEID_TEKST = {"boven_wettelijk_grondslag", "toelichting"}
_ACTIVITEIT_TEKST = {"toelichting", "herkomst"}


def van_csv(
    gemeenten_tekst: str,
    activiteiten_tekst: str,
    *,
    gemeenten_bestand: str = "gemeenten.csv",
    activiteiten_bestand: str = "activiteiten.csv",
) -> Catalogus:
    """Read a catalogus from the two CSV texts. Raises `ImportFout` naming file, row and column."""
    problemen: list[Probleem] = []
    g_rijen = _rijen(gemeenten_tekst, gemeenten_bestand, GEMEENTE_KOLOMMEN, _VERPLICHT_GEMEENTE, problemen)
    a_rijen = _rijen(activiteiten_tekst, activiteiten_bestand, ACTIVITEIT_KOLOMMEN, _VERPLICHT_ACTIVITEIT, problemen)
    if problemen:
        raise ImportFout(problemen)

    gemeenten: list[Gemeente] = []
    beleid: dict[str, GemeentelijkBeleid] = {}
    gemeente_rij: dict[str, int] = {}
    for rij, cellen in g_rijen:
        waarden = _omzetten(cellen, gemeenten_bestand, rij, problemen)
        if waarden is None:
            continue
        g_data = _zonder_lege(
            {k: waarden.get(k) for k in ("cbs_code", "naam", "voorbeeld", "toelichting")}, _GEMEENTE_TEKST
        )
        try:
            g = Gemeente.valideer(g_data)
        except GegevensFout as exc:
            _model_fouten(exc, gemeenten_bestand, rij, {}, problemen)
            continue
        if g.cbs_code in gemeente_rij:
            problemen.append(
                Probleem(
                    gemeenten_bestand,
                    rij,
                    "cbs_code",
                    f"gemeente {g.cbs_code} staat ook al in rij {gemeente_rij[g.cbs_code]}",
                )
            )
            continue
        gemeente_rij[g.cbs_code] = rij
        gemeenten.append(g)
        heeft_beleid = waarden.get("beleid")
        ingevuld = [k for k in _BELEID_KOLOMMEN if waarden.get(k) is not None]
        if not heeft_beleid:
            for k in ingevuld:
                problemen.append(
                    Probleem(gemeenten_bestand, rij, k, "moet leeg zijn, want in kolom 'beleid' staat niet 'ja'")
                )
            continue
        b_data = _zonder_lege({_BELEID_VELD.get(k, k): waarden.get(k) for k in _BELEID_KOLOMMEN}, _BELEID_TEKST)
        try:
            beleid[g.cbs_code] = GemeentelijkBeleid.valideer(b_data)
        except GegevensFout as exc:
            _model_fouten(exc, gemeenten_bestand, rij, {"toelichting": "beleid_toelichting"}, problemen)

    activiteiten: dict[str, list[Activiteit]] = {g.cbs_code: [] for g in gemeenten}
    activiteit_rij: dict[tuple[str, str], int] = {}
    for rij, cellen in a_rijen:
        waarden = _omzetten(cellen, activiteiten_bestand, rij, problemen)
        if waarden is None:
            continue
        gemeente = waarden.pop("gemeente", None)
        if gemeente is None:
            problemen.append(Probleem(activiteiten_bestand, rij, "gemeente", "is verplicht, maar leeg"))
            continue
        a_data = _zonder_lege(waarden, _ACTIVITEIT_TEKST)
        try:
            a = Activiteit.valideer(a_data)
        except GegevensFout as exc:
            _model_fouten(exc, activiteiten_bestand, rij, {}, problemen)
            continue
        if gemeente not in gemeente_rij:
            problemen.append(
                Probleem(
                    activiteiten_bestand, rij, "gemeente", f"gemeente {gemeente!r} staat niet in {gemeenten_bestand}"
                )
            )
            continue
        sleutel = (gemeente, a.code)
        if sleutel in activiteit_rij:
            problemen.append(
                Probleem(
                    activiteiten_bestand,
                    rij,
                    "code",
                    f"activiteit {a.code!r} van gemeente {gemeente} staat ook al in rij {activiteit_rij[sleutel]}",
                )
            )
            continue
        activiteit_rij[sleutel] = rij
        activiteiten[gemeente].append(a)
    if problemen:
        raise ImportFout(problemen)
    try:
        return Catalogus(gemeenten=gemeenten, activiteiten=activiteiten, beleid=beleid)
    except GegevensFout as exc:  # pragma: no cover - all checks above come first
        raise ImportFout([Probleem(gemeenten_bestand, None, veld, bericht) for veld, bericht in exc.fouten]) from None


# ---------------------------------------------------------------------------------------------------------------
# the shipped example data
# ---------------------------------------------------------------------------------------------------------------


def voorbeeld_yaml() -> str:
    """The text of the shipped example catalogus (with its source comments)."""
    return resources.files("kotwijzer.municipal").joinpath("data", VOORBEELD_BESTAND).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def voorbeeldcatalogus() -> Catalogus:
    """The shipped example catalogus: made-up municipalities (GM99xx), not any real municipality's policy."""
    return van_yaml(voorbeeld_yaml(), bestand=VOORBEELD_BESTAND)
