"""Law texts per version date, and the resolver behind every `Bron` citation.

The texts live in ``kotwijzer/wetten/data/<wet>/<JJJJ-MM-DD>.yaml``, one file per consolidated
version (the date on which that version took effect). Each file holds only the provisions kotwijzer
cites, copied verbatim from the source named in its ``bron`` field; its ``opmerking`` field (and the
``noot`` of an article) says what was missing or reconstructed and from where.

File shape::

    wet, titel, bwb, versie, bron, opmerking (optional), geldig_tot (optional)
    artikelen:
      "<artikel>":
        tekst: "..."                      # article without numbered leden, or
        leden:
          "<lid>":
            tekst: "..."
            onderdelen:
              "<onderdeel>": "..."        # or {tekst: "...", sub: {"1°": "...", ...}}
        noot: "..."                       # optional: provenance of this article

``geldig_tot`` (optional) is the last day for which a (reconstructed) version is meant to be used;
a later peildatum then has no text. Definitions in an article such as Wko art. 1.1 are keyed by the
defined term: ``Bron("Wko", "1.1", "1", "ouder")``.

A citation that does not exist in the version in force on the peildatum raises
`OntbrekendeWettekst`; kotwijzer never falls back to another version or invents text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from kotwijzer.wetten.bron import WETTEN, Bron

__all__ = [
    "OntbrekendeWettekst",
    "bestaat",
    "bron_info",
    "bronnen",
    "noot",
    "tekst",
    "versie_op",
    "versies",
]

_DATA_PACKAGE = "kotwijzer.wetten"
_DATA_DIR = "data"


class OntbrekendeWettekst(LookupError):
    """A cited law text (or any version of it) is not available for the requested date."""


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def _als_datum(d: date | str) -> date:
    if isinstance(d, date):
        return d
    return date.fromisoformat(str(d))


def _nl(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def _wet_naam(wet: str) -> str:
    if wet not in WETTEN:
        raise ValueError(f"Onbekende wet: {wet!r}; bekend zijn {', '.join(WETTEN)}")
    return f"{WETTEN[wet][0]} ({wet})"


def _van(wet: str) -> str:
    """'de Wet kinderopvang (Wko)', 'het Besluit kinderopvangtoeslag (Bkot)'."""
    naam = _wet_naam(wet)
    return ("het " if naam.startswith("Besluit") else "de ") + naam


def _citaat(bron: Bron) -> str:
    return f"{_wet_naam(bron.wet)} {bron.kort()[: -len(bron.wet) - 1]}"


def _norm_sub(sub: str) -> str:
    """'1', '1°', '1º' (ordinal sign), '1e' and '1.' all mean subonderdeel 1°."""
    s = str(sub).strip().replace("º", "°").rstrip(".")
    m = re.fullmatch(r"(\d+)\s*(?:°|e)?", s)
    return f"{m.group(1)}°" if m else s


def _zoek_sleutel(mapping: dict[str, Any], sleutel: str) -> str | None:
    if sleutel in mapping:
        return sleutel
    laag = sleutel.strip().lower()
    for k in mapping:
        if str(k).lower() == laag:
            return k
    return None


def _data_root():
    return resources.files(_DATA_PACKAGE).joinpath(_DATA_DIR)


# --------------------------------------------------------------------------------------------
# loading (lazy, cached)
# --------------------------------------------------------------------------------------------


@cache
def _versies(wet: str) -> tuple[date, ...]:
    _wet_naam(wet)  # validates
    map_ = _data_root().joinpath(wet)
    if not map_.is_dir():
        return ()
    out = []
    for entry in map_.iterdir():
        naam = entry.name
        if naam.endswith(".yaml"):
            try:
                out.append(date.fromisoformat(naam[: -len(".yaml")]))
            except ValueError:
                continue
    return tuple(sorted(out))


@cache
def _laad(wet: str, versie: date) -> dict[str, Any]:
    bestand = _data_root().joinpath(wet, f"{versie.isoformat()}.yaml")
    if not bestand.is_file():
        raise OntbrekendeWettekst(f"Geen tekst van {_van(wet)} opgenomen voor de versie van {versie.isoformat()}.")
    with bestand.open("r", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if data.get("wet") != wet or str(data.get("versie")) != versie.isoformat():
        raise ValueError(
            f"Wettekstbestand {wet}/{versie.isoformat()}.yaml is inconsistent: "
            f"wet={data.get('wet')!r}, versie={data.get('versie')!r}"
        )
    return data


# --------------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------------


def versies(wet: str) -> list[date]:
    """All version dates shipped for `wet`, sorted ascending (empty if none)."""
    return list(_versies(wet))


def versie_op(wet: str, peildatum: date | str) -> date:
    """The latest shipped version of `wet` that took effect on or before `peildatum`."""
    peil = _als_datum(peildatum)
    alle = _versies(wet)
    kandidaten = [v for v in alle if v <= peil]
    if not kandidaten:
        if not alle:
            raise OntbrekendeWettekst(
                f"Er is geen enkele versie van {_van(wet)} opgenomen; geen tekst beschikbaar voor {_nl(peil)}."
            )
        raise OntbrekendeWettekst(
            f"Geen tekst van {_van(wet)} die geldt op {_nl(peil)}: de vroegste opgenomen versie is van {_nl(alle[0])}."
        )
    versie = kandidaten[-1]
    tot = _laad(wet, versie).get("geldig_tot")
    if tot is not None and peil > _als_datum(tot):
        raise OntbrekendeWettekst(
            f"Geen tekst van {_van(wet)} die geldt op {_nl(peil)}: de laatst opgenomen "
            f"versie ({versie.isoformat()}) is alleen bedoeld tot en met {_nl(_als_datum(tot))}."
        )
    return versie


def laatste_versie_tot(wet: str, peildatum: date | str) -> date:
    """The latest shipped version that took effect on or before `peildatum`, also when that version is marked as
    meant only until an earlier date (`geldig_tot`). Callers that use it past `geldig_tot` must say so."""
    peil = _als_datum(peildatum)
    kandidaten = [v for v in _versies(wet) if v <= peil]
    if not kandidaten:
        return versie_op(wet, peil)  # raises the usual message
    return kandidaten[-1]


def _artikel(bron: Bron, versie: date) -> dict[str, Any]:
    data = _laad(bron.wet, versie)
    artikelen = data.get("artikelen") or {}
    if bron.artikel not in artikelen:
        raise OntbrekendeWettekst(
            f"{_citaat(bron)}: artikel {bron.artikel} is niet opgenomen in de versie van "
            f"{versie.isoformat()} (opgenomen artikelen: {', '.join(artikelen)})."
        )
    return artikelen[bron.artikel]


def _render_onderdeel(sleutel: str, waarde: Any, definitie: bool = False) -> list[str]:
    sep = ": " if definitie else ". "
    if isinstance(waarde, dict):
        regels = [f"{sleutel}{sep}{waarde.get('tekst', '')}"]
        for s, t in (waarde.get("sub") or {}).items():
            regels.append(f"   {s} {t}")
        return regels
    return [f"{sleutel}{sep}{waarde}"]


def _render_lid(lid: dict[str, Any]) -> list[str]:
    regels = [lid.get("tekst", "")]
    for k, v in (lid.get("onderdelen") or {}).items():
        definitie = len(str(k)) > 2  # definitions are keyed by the defined term
        regels.extend("  " + r for r in _render_onderdeel(str(k), v, definitie))
    return regels


def _render_artikel(art: dict[str, Any]) -> str:
    if "leden" not in art:
        return art["tekst"]
    regels: list[str] = []
    for nr, lid in art["leden"].items():
        eerste, *rest = _render_lid(lid)
        regels.append(f"{nr}. {eerste}")
        regels.extend(rest)
    return "\n".join(regels)


def tekst(bron: Bron, peildatum: date | str) -> str:
    """The text of the cited artikel/lid/onderdeel/sub in the version in force on `peildatum`.

    Citing a whole article or lid returns it with its parts, one per line. Raises
    `OntbrekendeWettekst` when the version, article, lid, onderdeel or subonderdeel is missing.
    """
    peil = _als_datum(peildatum)
    versie = versie_op(bron.wet, peil)
    art = _artikel(bron, versie)
    waar = f"de versie van {versie.isoformat()} (geldend op {_nl(peil)})"

    if bron.lid is None:
        if bron.onderdeel is not None or bron.sub is not None:
            if "leden" in art:
                raise OntbrekendeWettekst(
                    f"{_citaat(bron)}: artikel {bron.artikel} heeft genummerde leden in {waar}; noem het lid."
                )
            raise OntbrekendeWettekst(f"{_citaat(bron)}: artikel {bron.artikel} heeft geen onderdelen in {waar}.")
        return _render_artikel(art)

    if "leden" not in art:
        raise OntbrekendeWettekst(
            f"{_citaat(bron)}: artikel {bron.artikel} heeft geen genummerde leden in {waar}; "
            f"citeer het artikel zonder lid."
        )
    leden = art["leden"]
    if bron.lid not in leden:
        raise OntbrekendeWettekst(
            f"{_citaat(bron)}: lid {bron.lid} van artikel {bron.artikel} bestaat niet in {waar} "
            f"(opgenomen leden: {', '.join(leden)})."
        )
    lid = leden[bron.lid]
    if bron.onderdeel is None:
        if bron.sub is not None:
            raise OntbrekendeWettekst(f"{_citaat(bron)}: subonderdeel zonder onderdeel genoemd.")
        return "\n".join(_render_lid(lid))

    onderdelen = lid.get("onderdelen") or {}
    sleutel = _zoek_sleutel(onderdelen, bron.onderdeel)
    if sleutel is None:
        beschikbaar = ", ".join(onderdelen) if onderdelen else "geen"
        raise OntbrekendeWettekst(
            f"{_citaat(bron)}: onderdeel {bron.onderdeel} van artikel {bron.artikel} lid {bron.lid} "
            f"is niet opgenomen in {waar} (opgenomen onderdelen: {beschikbaar})."
        )
    waarde = onderdelen[sleutel]
    if bron.sub is None:
        if isinstance(waarde, dict):
            regels = [waarde.get("tekst", "")]
            regels.extend(f"{s} {t}" for s, t in (waarde.get("sub") or {}).items())
            return "\n".join(regels)
        return waarde

    subs = waarde.get("sub") if isinstance(waarde, dict) else None
    s = _norm_sub(bron.sub)
    if not subs or s not in subs:
        beschikbaar = ", ".join(subs) if subs else "geen"
        raise OntbrekendeWettekst(
            f"{_citaat(bron)}: subonderdeel {s} van artikel {bron.artikel} lid {bron.lid} onder "
            f"{bron.onderdeel} bestaat niet in {waar} (opgenomen subonderdelen: {beschikbaar})."
        )
    return subs[s]


def bestaat(bron: Bron, peildatum: date | str) -> bool:
    """True if `tekst(bron, peildatum)` would return a text."""
    try:
        tekst(bron, peildatum)
    except OntbrekendeWettekst:
        return False
    return True


def noot(bron: Bron, peildatum: date | str) -> str | None:
    """The provenance note of the cited article in the version in force on `peildatum`, if any."""
    versie = versie_op(bron.wet, peildatum)
    return _artikel(bron, versie).get("noot")


def bron_info(wet: str, versie: date | str) -> dict[str, Any]:
    """Metadata of one shipped version: titel, bwb, versie, bron, url, opmerking, geldig_tot."""
    v = _als_datum(versie)
    data = _laad(wet, v)
    bwb = data["bwb"]
    return {
        "wet": wet,
        "titel": data["titel"],
        "bwb": bwb,
        "versie": v.isoformat(),
        "bron": data["bron"],
        "url": f"https://wetten.overheid.nl/{bwb}/{v.isoformat()}",
        "opmerking": data.get("opmerking"),
        "geldig_tot": None if data.get("geldig_tot") is None else str(data["geldig_tot"]),
    }


def bronnen(wet: str, versie: date | str) -> Iterator[Bron]:
    """Every citable unit (artikel, lid, onderdeel, sub) shipped in one version."""
    data = _laad(wet, _als_datum(versie))
    for artnr, art in (data.get("artikelen") or {}).items():
        yield Bron(wet, artnr)
        for lidnr, lid in (art.get("leden") or {}).items():
            yield Bron(wet, artnr, lidnr)
            for ond, waarde in (lid.get("onderdelen") or {}).items():
                yield Bron(wet, artnr, lidnr, ond)
                if isinstance(waarde, dict):
                    for s in waarde.get("sub") or {}:
                        yield Bron(wet, artnr, lidnr, ond, s)
