"""The policy data files and the assumptions in use: the shipped assumptions file, another file (`--aannames FILE`)
or a dict (one Monte Carlo draw); the calibration targets and the published figures, and the values derived from
them. Which assumptions were read is recorded (a test checks that every assumption is read)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@cache
def _yaml(naam: str) -> dict[str, Any]:
    return yaml.safe_load(resources.files("kotwijzer.policy").joinpath("data", naam).read_text(encoding="utf-8"))


# The assumptions in use: the shipped file, another file (`--aannames FILE`) or a dict (one Monte Carlo draw).
# Per thread, so Dask tasks in threads of one worker can each use their own draw.
_LOKAAL = threading.local()
_STANDAARD_BRON = "meegeleverd: policy/data/populatie_aannames.yaml"
# Names of the assumptions read since the last `reset_gelezen()` (a test checks that every assumption is read).
GELEZEN: set[str] = set()


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


def gebruik_aannames(bron: str | Path | dict[str, Any] | None) -> None:
    """Use another assumptions file (path), a dict with the same structure, or (None) the shipped file again."""
    if bron is None:
        _LOKAAL.aannames, _LOKAAL.bron = None, _STANDAARD_BRON
    elif isinstance(bron, dict):
        _LOKAAL.aannames = bron
        _LOKAAL.bron = bron.get("_bron", "gevarieerd (Monte Carlo of gevoeligheid)")
    else:
        _LOKAAL.aannames, _LOKAAL.bron = lees_aannames_bestand(bron), f"bestand {Path(bron).name}"
        _LOKAAL.aannames["_bron"] = _LOKAAL.bron


@contextmanager
def met_aannames(bron: dict[str, Any]):
    """Use `bron` inside the block only; the assumptions in use before (a file given with --aannames) come back."""
    oud = (getattr(_LOKAAL, "aannames", None), getattr(_LOKAAL, "bron", None))
    gebruik_aannames(bron)
    try:
        yield
    finally:
        _LOKAAL.aannames, _LOKAAL.bron = oud


def ruwe_aannames() -> dict[str, Any]:
    """The whole assumptions document in use (aannames + niet_gebruik)."""
    d = getattr(_LOKAAL, "aannames", None)
    return d if d is not None else _yaml("populatie_aannames.yaml")


def aannames_bron() -> str:
    return getattr(_LOKAAL, "bron", None) or _STANDAARD_BRON


def aannames() -> dict[str, dict[str, Any]]:
    """The assumptions (value, range, reason) in use (default `policy/data/populatie_aannames.yaml`)."""
    return ruwe_aannames()["aannames"]


def niet_gebruik_aannames() -> dict[str, dict[str, Any]]:
    GELEZEN.add("niet_gebruik")
    return ruwe_aannames()["niet_gebruik"]


def kalibratie_doelen() -> dict[str, Any]:
    return _yaml("kalibratie_doelen.yaml")


def reset_gelezen() -> None:
    GELEZEN.clear()


def aanname_waarde(naam: str) -> Any:
    """The value of an assumption in use (and remember that it was read)."""
    GELEZEN.add(naam)
    return aannames()[naam]["waarde"]


def aanname_pad(pad: str, jaar: int) -> float:
    """A number inside an assumption, by a dotted path ('kot_kinderen_groei.dagopvang'; JAAR = `jaar`)."""
    delen = pad.replace("JAAR", str(jaar)).split(".")
    x = aanname_waarde(delen[0])
    for d in delen[1:]:
        x = x[int(d)] if isinstance(x, dict) and d.isdigit() and int(d) in x else x[d]
    return float(x)


def gepubliceerde_cijfers() -> dict[str, Any]:
    """The published figures with their sources (policy/data/gepubliceerde_cijfers.yaml)."""
    return _yaml("gepubliceerde_cijfers.yaml")


def inkomensgrens_2024() -> float:
    """The 2024 toetsingsinkomen that the indexation of the table bounds brings to the 2026 bound of the published
    count of recipients (target K21): EUR 49.319 / (index 2025 x index 2026)."""
    g = gepubliceerde_cijfers()["ontvangers_vanaf_inkomensgrens_2026"]["inkomensgrens_2026"]
    ind = aanname_waarde("meerjarige_indexatie")["inkomen"]
    return float(g) / (float(ind[2025]) * float(ind[2026]))


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


def doelwaarde(doel: dict[str, Any], jaar: int) -> Any:
    """The value of a calibration target for `jaar`: `waarde`, or, for a target with `afleiding`, basis x the named
    assumptions (so another assumption also moves the target); a basis may come from a published figure
    (`gepubliceerd`, read from gepubliceerde_cijfers.yaml)."""
    afl = doel.get("afleiding")
    if not afl:
        return doel["waarde"][jaar]
    fac = afl.get("factoren") or []
    if isinstance(fac, dict):
        fac = fac.get(jaar, [])
    x = _gepubliceerde_basis(afl, jaar) if "gepubliceerd" in afl else float(afl["basis"][jaar])
    for f in fac:
        x *= aanname_pad(f, jaar)
    return x
