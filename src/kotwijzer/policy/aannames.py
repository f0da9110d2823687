"""The policy data files and the assumptions of a run: an immutable `Aannames` object (the shipped assumptions file,
another file given with `--aannames FILE`, or a varied copy for one Monte Carlo draw) that every step of a run
receives as an argument, as OpenFisca formulas receive `parameters(period)`; the calibration targets and the published
figures, and the values derived from them.

Which assumptions a run read is recorded on the object it used (`Aannames.gelezen`) and returned with the run, so a
test can check that every assumption is read; nothing is kept in a global, a thread-local or a context variable."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import yaml

from kotwijzer.policy.codes import GROEPEN

STANDAARD_BRON = "meegeleverd: policy/data/populatie_aannames.yaml"
GEVARIEERD_BRON = "gevarieerd (Monte Carlo of gevoeligheid)"


@cache
def _yaml(naam: str) -> dict[str, Any]:
    """A shipped data file, read once (shipped data, the same for every run; never changed by the code)."""
    return yaml.safe_load(resources.files("kotwijzer.policy").joinpath("data", naam).read_text(encoding="utf-8"))


def standaard_aannames_pad() -> Path:
    return Path(str(resources.files("kotwijzer.policy").joinpath("data", "populatie_aannames.yaml")))


def lees_aannames_bestand(pad: str | Path) -> dict[str, Any]:
    """Read and check an assumptions file: same structure as the shipped one (every assumption and non-take-up group
    present, each with a value). A clear Dutch message names what is wrong."""
    pad = Path(pad)
    if not pad.exists():
        raise ValueError(f"Het aannamebestand {pad.name} bestaat niet.")
    try:
        d = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise ValueError(f"Het aannamebestand {pad.name} is geen geldige YAML ({type(e).__name__}).") from None
    basis = _yaml("populatie_aannames.yaml")
    for deel in ("aannames", "niet_gebruik"):
        if not isinstance(d.get(deel), dict):
            raise ValueError(f"Het aannamebestand {pad.name} mist het onderdeel '{deel}'.")
        ontbreekt = sorted(set(basis[deel]) - set(d[deel]))
        if ontbreekt:
            raise ValueError(f"Het aannamebestand {pad.name} mist in '{deel}': {', '.join(ontbreekt)}.")
        onbekend = sorted(set(d[deel]) - set(basis[deel]))
        if onbekend:
            raise ValueError(f"Het aannamebestand {pad.name} heeft onbekende namen in '{deel}': {', '.join(onbekend)}.")
    for naam, a in d["aannames"].items():
        if not isinstance(a, dict) or "waarde" not in a:
            raise ValueError(f"Aanname '{naam}' in {pad.name} heeft geen 'waarde'.")
    for g, a in d["niet_gebruik"].items():
        for v in ("laag", "midden", "hoog"):
            x = a.get(v) if isinstance(a, dict) else None
            if not isinstance(x, (int, float)) or not 0 <= x < 1:
                raise ValueError(f"Niet-gebruik '{g}' in {pad.name}: '{v}' moet een getal van 0 tot 1 zijn.")
    return d


def _bevries(x: Any) -> Any:
    """A read-only copy: mappings become read-only mappings, lists tuples."""
    if isinstance(x, Mapping):
        return MappingProxyType({k: _bevries(v) for k, v in x.items()})
    if isinstance(x, (list, tuple)):
        return tuple(_bevries(v) for v in x)
    return x


def _ontdooi(x: Any) -> Any:
    """A plain, changeable copy (dicts and lists) of a read-only value."""
    if isinstance(x, Mapping):
        return {k: _ontdooi(v) for k, v in x.items()}
    if isinstance(x, tuple):
        return [_ontdooi(v) for v in x]
    return copy.deepcopy(x)


@dataclass(frozen=True)
class Aannames:
    """The assumptions of one run: every assumption (value, range, reason) and the non-take-up shares per group,
    read-only, with where they come from (`bron`).

    `gelezen` records the names read through this object (`waarde`, `pad`, `niet_gebruik`): a record of the run, not
    part of the values (it does not take part in comparing two objects). A variant (one Monte Carlo draw) is a new
    object (`Aannames.uit_document`), never a change of this one."""

    aannames: Mapping[str, Mapping[str, Any]]
    niet_gebruik_tabel: Mapping[str, Mapping[str, Any]]
    bron: str = STANDAARD_BRON
    gelezen: set[str] = field(default_factory=set, compare=False, repr=False)

    # ----------------------------------------------------------------------------------------- making one
    @classmethod
    def uit_document(cls, d: Mapping[str, Any], bron: str | None = None) -> Aannames:
        """From a document with the structure of populatie_aannames.yaml (its '_bron', if any, is the source)."""
        return cls(
            _bevries(d["aannames"]),
            _bevries(d["niet_gebruik"]),
            bron or str(d.get("_bron") or STANDAARD_BRON),
        )

    @classmethod
    def standaard(cls) -> Aannames:
        """The shipped assumptions (policy/data/populatie_aannames.yaml)."""
        return cls.uit_document(_yaml("populatie_aannames.yaml"), STANDAARD_BRON)

    @classmethod
    def uit_bestand(cls, pad: str | Path) -> Aannames:
        """Another assumptions file (checked by `lees_aannames_bestand`: a clear Dutch message names what is wrong)."""
        return cls.uit_document(lees_aannames_bestand(pad), f"bestand {Path(pad).name}")

    @classmethod
    def kies(cls, bron: str | Path | Aannames | None) -> Aannames:
        """`bron` itself when it is an Aannames, the file at `bron`, or (None) the shipped assumptions."""
        if isinstance(bron, Aannames):
            return bron
        return cls.standaard() if bron is None else cls.uit_bestand(bron)

    def __reduce__(self) -> tuple[Any, ...]:
        # read-only mappings cannot be pickled as such (Dask sends the object to its workers): rebuild from the document
        return (_herstel, (self.document(), self.bron))

    # ----------------------------------------------------------------------------------------- reading
    def document(self) -> dict[str, Any]:
        """A plain, changeable copy of the whole document (aannames + niet_gebruik; '_bron' unless shipped), as the
        file reads: for provenance, hashes and variants."""
        d: dict[str, Any] = {"aannames": _ontdooi(self.aannames), "niet_gebruik": _ontdooi(self.niet_gebruik_tabel)}
        if self.bron != STANDAARD_BRON:
            d["_bron"] = self.bron
        return d

    def waarde(self, naam: str) -> Any:
        """The value of an assumption (read-only; recorded as read)."""
        self.gelezen.add(naam)
        return self.aannames[naam]["waarde"]

    def pad(self, pad: str, jaar: int) -> float:
        """A number inside an assumption, by a dotted path ('kot_kinderen_groei.dagopvang'; JAAR = `jaar`)."""
        delen = pad.replace("JAAR", str(jaar)).split(".")
        x = self.waarde(delen[0])
        for d in delen[1:]:
            x = x[int(d)] if isinstance(x, Mapping) and d.isdigit() and int(d) in x else x[d]
        return float(x)

    def niet_gebruik(self) -> Mapping[str, Mapping[str, Any]]:
        """The non-take-up shares (laag, midden, hoog) per group (recorded as read: 'niet_gebruik')."""
        self.gelezen.add("niet_gebruik")
        return self.niet_gebruik_tabel

    def niet_gebruik_per_groep(self, variant: str = "midden") -> np.ndarray:
        """The non-take-up share of `variant` per doelgroep (index = `codes.GROEPEN`)."""
        ng = self.niet_gebruik()
        return np.array([float(ng[g][variant]) for g in GROEPEN])

    def inkomensgrens_2024(self) -> float:
        """The 2024 toetsingsinkomen that the indexation of the table bounds brings to the 2026 bound of the published
        count of recipients (target K21): EUR 49.319 / (index 2025 x index 2026)."""
        g = gepubliceerde_cijfers()["ontvangers_vanaf_inkomensgrens_2026"]["inkomensgrens_2026"]
        ind = self.waarde("meerjarige_indexatie")["inkomen"]
        return float(g) / (float(ind[2025]) * float(ind[2026]))

    def doelwaarde(self, doel: dict[str, Any], jaar: int) -> Any:
        """The value of a calibration target for `jaar`: `waarde`, or, for a target with `afleiding`, basis x the
        named assumptions (so another assumption also moves the target); a basis may come from a published figure
        (`gepubliceerd`, read from gepubliceerde_cijfers.yaml)."""
        afl = doel.get("afleiding")
        if not afl:
            return doel["waarde"][jaar]
        fac = afl.get("factoren") or []
        if isinstance(fac, dict):
            fac = fac.get(jaar, [])
        x = _gepubliceerde_basis(afl, jaar) if "gepubliceerd" in afl else float(afl["basis"][jaar])
        for f in fac:
            x *= self.pad(f, jaar)
        return x


def _herstel(document: dict[str, Any], bron: str) -> Aannames:
    return Aannames.uit_document(document, bron)


def kalibratie_doelen() -> dict[str, Any]:
    return _yaml("kalibratie_doelen.yaml")


def gepubliceerde_cijfers() -> dict[str, Any]:
    """The published figures with their sources (policy/data/gepubliceerde_cijfers.yaml)."""
    return _yaml("gepubliceerde_cijfers.yaml")


def _gepubliceerde_basis(afl: dict[str, Any], jaar: int) -> float:
    """Basis of a target derived from a published figure: the figure, grown as another published series
    (`groei_volgens`: latest year over the figure's year) and by a stated yearly factor (`jaarfactor`)."""
    pub = gepubliceerde_cijfers()
    x = float(pub[afl["gepubliceerd"]]["waarde"])
    reeks = afl.get("groei_volgens")
    if reeks:
        jaren = sorted(k for k in pub[reeks] if isinstance(k, int))
        x *= float(pub[reeks][jaren[-1]]) / float(pub[reeks][jaren[0]])
    return x * float((afl.get("jaarfactor") or {}).get(jaar, 1.0))
